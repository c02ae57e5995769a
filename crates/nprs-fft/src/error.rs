//! nprs-fft's error type. Every message is NumPy's, word for word.

use nprs_core::ErrorKind;

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
    /// Python's "list index out of range": `s` or `axes` given empty to a transform that
    /// reads their last entry (NumPy's `IndexError`).
    #[error("list index out of range")]
    ListIndex,
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
    /// Which Python exception NumPy raises for this failure (an error of nprs-core
    /// reports its own).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Core(e) => e.kind(),
            Error::OutputCast { .. } => ErrorKind::UFuncTypeError,
            Error::ListIndex => ErrorKind::IndexError,
            Error::ComplexInput { .. } | Error::UnsupportedDType { .. } => ErrorKind::TypeError,
            Error::ZeroDivision => ErrorKind::ZeroDivisionError,
            Error::InvalidLength { .. } | Error::InvalidNorm { .. } | Error::ShapeAxesLength | Error::OutputShape => {
                ErrorKind::ValueError
            }
        }
    }

    /// The Python exception class's name: `self.kind().name()`.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
    }

    /// Python's "tuple index out of range" (nprs-core's [`TupleIndex`](nprs_core::Error::TupleIndex)).
    pub(crate) fn tuple_index() -> Self {
        Error::Core(nprs_core::Error::TupleIndex)
    }

    pub(crate) fn list_index() -> Self {
        Error::ListIndex
    }
}

/// Result with nprs-fft's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
