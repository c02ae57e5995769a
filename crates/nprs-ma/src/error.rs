//! nprs-ma's error: NumPy's messages for masked-array failures, and nprs-core's errors
//! (shapes, dtypes, casts, ufunc loops) passed through.

use nprs_core::ErrorKind;
use nprs_core::error::ShapeDisplay;

/// A failure of a masked-array operation.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An error of the arrays underneath (nprs-core, shared by nprs-ufunc).
    #[error(transparent)]
    Core(#[from] nprs_core::Error),
    /// An error of the products underneath (nprs-linalg).
    #[error(transparent)]
    Linalg(#[from] nprs_linalg::Error),
    /// A function of 2-d arrays called with another number of dimensions (NumPy's
    /// `NotImplementedError`).
    #[error("{func} works for 2D arrays only.")]
    Not2d {
        /// The function.
        func: &'static str,
    },
    /// `ma.notmasked_contiguous` of more than two dimensions (NumPy's
    /// `NotImplementedError`).
    #[error("Currently limited to at most 2D array.")]
    Not2dAtMost,
    /// `ma.polyfit` with a `y` of more than two dimensions (NumPy's `TypeError`).
    #[error("Expected a 1D or 2D array for y!")]
    PolyfitY,
    /// A mask whose size is neither 1 nor the data's (NumPy's `MaskError`).
    #[error("Mask and data not compatible: data size is {data}, mask size is {mask}.")]
    MaskSize {
        /// The data's size.
        data: usize,
        /// The mask's size.
        mask: usize,
    },
    /// A fill value that does not convert to the array's dtype (NumPy's `TypeError`).
    #[error("Cannot convert fill_value {value} to dtype {dtype}")]
    FillValue {
        /// The value, as Python's `repr`.
        value: String,
        /// The dtype's name.
        dtype: String,
    },
    /// A string fill value for numeric data (NumPy's `TypeError`).
    #[error("Cannot set fill value of string with array of dtype {dtype}")]
    FillString {
        /// The data's dtype.
        dtype: String,
    },
    /// A dtype without a default fill value in nprs (structured dtypes).
    #[error("masked arrays of dtype {dtype} are not supported")]
    UnsupportedDType {
        /// The dtype.
        dtype: String,
    },
    /// A ufunc that is not registered in nprs-ufunc (yet).
    #[error("ufunc '{name}' is not available")]
    UnknownUfunc {
        /// NumPy's name of the ufunc.
        name: &'static str,
    },
    /// A condition of another shape than the data (NumPy's `IndexError`).
    #[error("Inconsistent shape between the condition and the input (got {} and {})", ShapeDisplay(.condition.clone()), ShapeDisplay(.data.clone()))]
    ConditionShape {
        /// The condition's shape.
        condition: Vec<usize>,
        /// The data's shape.
        data: Vec<usize>,
    },
    /// A ufunc called with the wrong number of inputs (NumPy's `TypeError`).
    #[error("{ufunc}() takes {nin} positional input(s), {given} given")]
    Arity {
        /// The ufunc.
        ufunc: &'static str,
        /// Its number of inputs.
        nin: usize,
        /// The number given.
        given: usize,
    },
    /// `maximum_fill_value`/`minimum_fill_value` of a dtype without an order (NumPy's
    /// `TypeError`).
    #[error("Unsuitable type {dtype} for calculating {extremum}.")]
    Unsuitable {
        /// The dtype.
        dtype: String,
        /// `"maximum"` or `"minimum"`.
        extremum: &'static str,
    },
    /// `apply_over_axes` with a function whose result has the wrong rank.
    #[error("function is not returning an array of the correct shape")]
    ApplyShape,
    /// A reduction that is not defined for the array's dtype.
    #[error("{op} is not supported for masked arrays of dtype {dtype}")]
    NotNumeric {
        /// The operation.
        op: &'static str,
        /// The dtype.
        dtype: String,
    },
}

impl Error {
    /// The Python exception NumPy raises for this failure (`MaskError` is an `Exception`).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Core(e) => e.kind(),
            Error::Linalg(e) => e.kind(),
            Error::Not2d { .. } | Error::Not2dAtMost => ErrorKind::NotImplementedError,
            Error::MaskSize { .. } => ErrorKind::Exception,
            Error::FillValue { .. }
            | Error::FillString { .. }
            | Error::UnsupportedDType { .. }
            | Error::NotNumeric { .. }
            | Error::Unsuitable { .. }
            | Error::Arity { .. }
            | Error::PolyfitY => ErrorKind::TypeError,
            Error::UnknownUfunc { .. } => ErrorKind::NotImplementedError,
            Error::ConditionShape { .. } => ErrorKind::IndexError,
            Error::ApplyShape => ErrorKind::ValueError,
        }
    }

    /// The Python exception class's name (`"MaskError"`, `"TypeError"`).
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        match self {
            Error::MaskSize { .. } => "MaskError",
            Error::Linalg(e) => e.numpy_kind(),
            _ => self.kind().name(),
        }
    }
}

/// Result with nprs-ma's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
