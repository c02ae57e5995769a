//! nprs-fft's error type. Every message is NumPy's, word for word.

/// The errors of nprs-fft. Messages are NumPy 2.4's; [`Error::kind`] names the Python
/// exception class NumPy raises.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An array error from nprs-core (axes out of bounds, allocation, casts).
    #[error(transparent)]
    Core(#[from] nprs_core::Error),
    /// A transform length below one (`n` or an entry of `s`, or an empty input axis).
    #[error("Invalid number of FFT data points ({n}) specified.")]
    InvalidLength {
        /// The length as given or derived.
        n: isize,
    },
    /// A normalisation name other than `backward`, `ortho` and `forward`.
    #[error("Invalid norm value {name}; should be \"backward\",\"ortho\" or \"forward\".")]
    InvalidNorm {
        /// The name as given.
        name: String,
    },
    /// `s` and `axes` of different lengths.
    #[error("Shape and axes have different lengths.")]
    ShapeAxesLength,
    /// An `out` array whose shape is not the result's.
    #[error("output array has wrong shape.")]
    OutputShape,
    /// An `out` array whose dtype the result cannot be cast to (NumPy's `UFuncTypeError`).
    #[error("Cannot cast ufunc '{ufunc}' output from dtype('{from}') to dtype('{to}') with casting rule 'same_kind'")]
    OutputCast {
        /// NumPy's name of the transform's ufunc (`fft`, `rfft_n_even`, `irfft` …).
        ufunc: &'static str,
        /// The result's dtype name.
        from: String,
        /// The output's dtype.
        to: String,
    },
    /// A Python `IndexError` NumPy raises while reading shapes and axes: "tuple index out
    /// of range", "list index out of range", or `take`'s "index 2 is out of bounds for
    /// axis 0 with size 2".
    #[error("{0}")]
    Index(String),
    /// A real-input transform (`rfft`, `ihfft`) of complex data (NumPy's `TypeError`).
    #[error(
        "ufunc '{ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
    )]
    ComplexInput {
        /// NumPy's name of the ufunc (`rfft_n_even` or `rfft_n_odd`).
        ufunc: &'static str,
    },
    /// A dtype with no transform (strings, records, datetimes).
    #[error("the Fourier transforms need a numeric dtype, not {dtype}")]
    UnsupportedDType {
        /// The dtype as NumPy prints it.
        dtype: String,
    },
    /// `fftfreq`/`rfftfreq` with `n * d == 0` (Python's `ZeroDivisionError`).
    #[error("float division by zero")]
    ZeroDivision,
}

impl Error {
    /// The Python exception class NumPy raises for this error.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Core(e) => e.numpy_kind(),
            Error::OutputCast { .. } => "UFuncTypeError",
            Error::Index(_) => "IndexError",
            Error::ComplexInput { .. } | Error::UnsupportedDType { .. } => "TypeError",
            Error::ZeroDivision => "ZeroDivisionError",
            _ => "ValueError",
        }
    }

    /// The same as [`kind`](Self::kind), under the name the other nprs crates use.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind()
    }

    pub(crate) fn tuple_index() -> Self {
        Error::Index("tuple index out of range".into())
    }

    pub(crate) fn list_index() -> Self {
        Error::Index("list index out of range".into())
    }
}

/// Result with nprs-fft's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
