//! nprs-core's error type. Messages follow NumPy's wording.

use std::fmt;

/// A shape written as NumPy prints it: `(3, 4)`, `(3,)`, `()`.
#[derive(Clone, PartialEq, Eq)]
pub struct ShapeDisplay(pub Vec<usize>);

impl fmt::Display for ShapeDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_tuple(f, &self.0, ", ")
    }
}

impl fmt::Debug for ShapeDisplay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Writes `(a, b)` / `(a,)` / `()` with the given separator.
pub(crate) fn write_tuple<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T], sep: &str) -> fmt::Result {
    f.write_str("(")?;
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{x}")?;
    }
    if items.len() == 1 {
        f.write_str(",")?;
    }
    f.write_str(")")
}

/// Shapes joined as in NumPy's broadcast error: `(3,4) (3,)`.
fn compact_shapes(shapes: &[Vec<usize>]) -> String {
    struct Compact<'a>(&'a [usize]);
    impl fmt::Display for Compact<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_tuple(f, self.0, ",")
        }
    }
    shapes.iter().map(|s| Compact(s).to_string()).collect::<Vec<_>>().join(" ")
}

/// A requested shape as NumPy's reshape error prints it (`convert_shape_to_string`):
/// `(5,3)`, `(3,)`; leading negative (unknown) lengths are left out and later ones shown as
/// `newaxis`, so `reshape(-1, 5)` prints `(5)` and `reshape(5, -1)` prints `(5,newaxis)`.
fn reshape_target(shape: &[isize]) -> String {
    let Some(first) = shape.iter().position(|&d| d >= 0) else {
        return "()".into();
    };
    let parts: Vec<String> = shape[first..]
        .iter()
        .enumerate()
        .map(|(k, &d)| if k > 0 && d < 0 { "newaxis".to_string() } else { d.to_string() })
        .collect();
    if shape.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(",")) }
}

/// The errors of nprs-core, each with NumPy's message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Operands whose shapes do not broadcast together.
    #[error("operands could not be broadcast together with shapes {} ", compact_shapes(.shapes))]
    Broadcast {
        /// The shapes of the operands, in order.
        shapes: Vec<Vec<usize>>,
    },
    /// `broadcast_shapes` / `broadcast_arrays` of incompatible shapes.
    #[error(
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg {} with shape {} and arg {} with shape {}.",
        .first.0, ShapeDisplay(.first.1.clone()), .second.0, ShapeDisplay(.second.1.clone())
    )]
    BroadcastShapes {
        /// The argument that set the dimension, and its shape.
        first: (usize, Vec<usize>),
        /// The argument that conflicts with it, and its shape.
        second: (usize, Vec<usize>),
    },
    /// `broadcast_to` onto a shape the array cannot be broadcast to.
    #[error("cannot broadcast a non-scalar to a scalar array")]
    BroadcastToScalar,
    /// `broadcast_to` onto an incompatible shape.
    #[error(
        "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape {}",
        compact_shapes(std::slice::from_ref(.from)), compact_shapes(std::slice::from_ref(.to))
    )]
    BroadcastTo {
        /// The array's shape.
        from: Vec<usize>,
        /// The requested shape.
        to: Vec<usize>,
    },
    /// An in-place operation whose right side would need to change the left side's shape.
    #[error(
        "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
        compact_shapes(std::slice::from_ref(.output)), compact_shapes(std::slice::from_ref(.broadcast))
    )]
    NonBroadcastableOutput {
        /// The output's shape.
        output: Vec<usize>,
        /// The shape the operands broadcast to.
        broadcast: Vec<usize>,
    },
    /// A reshape to a shape of a different size.
    #[error("cannot reshape array of size {size} into shape {}", reshape_target(.shape))]
    Reshape {
        /// The array's size.
        size: usize,
        /// The requested shape (with `-1` shown as NumPy would show it).
        shape: Vec<isize>,
    },
    /// More than one `-1` in a reshape.
    #[error("can only specify one unknown dimension")]
    ReshapeUnknown,
    /// An axis outside `-ndim..ndim`.
    #[error("axis {axis} is out of bounds for array of dimension {ndim}")]
    AxisOutOfBounds {
        /// The axis as given.
        axis: isize,
        /// The number of dimensions.
        ndim: usize,
    },
    /// An axis outside `-ndim..ndim`, for a named argument (`axis1: axis 3 is out of …`).
    #[error("{name}: axis {axis} is out of bounds for array of dimension {ndim}")]
    NamedAxisOutOfBounds {
        /// The argument's name.
        name: &'static str,
        /// The axis as given.
        axis: isize,
        /// The number of dimensions.
        ndim: usize,
    },
    /// An axis named twice.
    #[error("repeated axis")]
    RepeatedAxis,
    /// An axes list of the wrong length.
    #[error("axes don't match array")]
    AxesMismatch,
    /// An index outside an axis.
    #[error("index {index} is out of bounds for axis {axis} with size {size}")]
    IndexOutOfBounds {
        /// The index as given.
        index: isize,
        /// The axis.
        axis: usize,
        /// The axis' length.
        size: usize,
    },
    /// An index outside a flat array (`take`, `put` without an axis).
    #[error("index {index} is out of bounds for size {size}")]
    FlatIndexOutOfBounds {
        /// The index as given.
        index: isize,
        /// The array's size.
        size: usize,
    },
    /// Too many indices for the array's dimensions.
    #[error("too many indices for array: array is {ndim}-dimensional, but {given} were indexed")]
    TooManyIndices {
        /// The array's number of dimensions.
        ndim: usize,
        /// The number of indices given.
        given: usize,
    },
    /// A boolean mask whose shape does not match the indexed array.
    #[error(
        "boolean index did not match indexed array along axis {axis}; size of axis is {size} but size of corresponding boolean axis is {mask_size}"
    )]
    MaskMismatch {
        /// The axis that differs.
        axis: usize,
        /// The array's length along it.
        size: usize,
        /// The mask's length along it.
        mask_size: usize,
    },
    /// Negative dimensions.
    #[error("negative dimensions are not allowed")]
    NegativeDimensions,
    /// A shape whose size or byte count overflows.
    #[error("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")]
    TooBig,
    /// An array whose memory the system refused (NumPy's `MemoryError`): "Unable to
    /// allocate 8.00 TiB for an array with shape (1099511627776,) and data type float64".
    #[error("Unable to allocate {} for an array with shape {} and data type {dtype}", ByteSize(*.bytes), ShapeDisplay(.shape.clone()))]
    Alloc {
        /// Bytes requested: the array's size times its itemsize, as NumPy reports it.
        bytes: usize,
        /// The array's shape.
        shape: Vec<usize>,
        /// The array's dtype.
        dtype: String,
    },
    /// Memory the system refused for something other than an array's elements (a list of
    /// views, a printed string): Python's `MemoryError`.
    #[error("Unable to allocate {}", ByteSize(*.bytes))]
    OutOfMemory {
        /// Bytes requested (saturated at `usize::MAX` when the count overflows).
        bytes: usize,
    },
    /// A printed float longer than NumPy's formatting buffer allows (16,383 characters,
    /// padding included): NumPy's RuntimeError.
    #[error("Float formatting result too large")]
    FloatFormatTooLarge,
    /// Arrays of differing shapes where equal shapes are needed (concatenate, stack …).
    #[error("{0}")]
    ShapeMismatch(String),
    /// An argument NumPy would reject with a ValueError.
    #[error("{0}")]
    Value(String),
    /// An argument NumPy would reject with a TypeError.
    #[error("{0}")]
    Type(String),
    /// An operation on an empty sequence or array where one element is needed.
    #[error("{0}")]
    Empty(String),
    /// Division by zero in scalar arithmetic on Python-style numbers (`arange` with a zero
    /// step), Python's ZeroDivisionError; the operands' family picks the message.
    #[error("{}division by zero", zero_division_prefix(*.family))]
    ZeroDivision {
        /// The family of the operands (integers, floats or complex numbers).
        family: crate::copy::Family,
    },
    /// A Python-style integer outside the range of an integer dtype (NumPy's OverflowError).
    #[error("Python integer {value} out of bounds for {dtype}")]
    IntegerOutOfBounds {
        /// The integer.
        value: i128,
        /// The dtype it was to be stored in.
        dtype: crate::dtype::DType,
    },
    /// A Python-style integer outside the range of a C `long` (NumPy's OverflowError when
    /// storing into 64-bit integer dtypes).
    #[error("Python int too large to convert to C long")]
    IntTooLarge,
    /// Index arrays whose shapes do not broadcast together (advanced indexing).
    #[error("shape mismatch: indexing arrays could not be broadcast together with shapes {} ", compact_shapes(.shapes))]
    IndexBroadcast {
        /// The shapes of the index arrays, in order.
        shapes: Vec<Vec<usize>>,
    },
    /// A non-empty `take` from an axis of length zero.
    #[error("cannot do a non-empty take from an empty axes.")]
    EmptyTake,
    /// A non-empty `put` into an array with no elements.
    #[error("cannot replace elements of an empty array")]
    EmptyPut,
    /// More than one ellipsis in an index.
    #[error("an index can only have a single ellipsis ('...')")]
    MultipleEllipsis,
    /// An IndexError that NumPy words freely: Python's own "tuple index out of range"
    /// (`split` on an axis the array lacks) or an index echoed as the caller wrote it
    /// ("index \[6\] is out of bounds for axis 0 with size 5" from `insert`).
    #[error("{0}")]
    Index(String),
    /// No common dtype exists (NumPy's `DTypePromotionError`).
    #[error("{0}")]
    DTypePromotion(crate::promote::PromotionError),
    /// An elementwise operation with no loop for the operand dtypes (NumPy's
    /// `UFuncTypeError`).
    #[error("ufunc '{ufunc}' did not contain a loop with signature matching types ({}) -> None", .types.join(", "))]
    UFuncNoLoop {
        /// The operation's NumPy name (`add`).
        ufunc: String,
        /// The operand types as NumPy shows them (`dtype('<U1')`, or
        /// `<class 'numpy.dtypes._PyLongDType'>` for a Python scalar).
        types: Vec<String>,
    },
    /// An elementwise operation whose operands cannot be used together (`U` and `S`
    /// strings; NumPy's `UFuncTypeError`).
    #[error("ufunc '{ufunc}' cannot use operands with types {}", .types.join(" and "))]
    UFuncOperands {
        /// The operation's NumPy name.
        ufunc: String,
        /// The operand dtypes as NumPy shows them (`dtype('<U1')`).
        types: Vec<String>,
    },
    /// A result NumPy reports with `OverflowError`.
    #[error("{0}")]
    Overflow(String),
    /// A dtype specification nested deeper than nprs follows (NumPy's `RecursionError` for
    /// a deeply nested dtype).
    #[error("maximum recursion depth exceeded while trying to convert the given data type from a {container} object")]
    DTypeRecursion {
        /// The Python type of the value where the limit was reached: `list`, `tuple`, `dict`.
        container: &'static str,
    },
    /// A floating-point condition whose error-state action is `raise` (NumPy's
    /// `FloatingPointError`).
    #[error("{condition} encountered in {ufunc}")]
    FloatingPoint {
        /// The condition (divide by zero, overflow, underflow, invalid value).
        condition: crate::fpstatus::FpCondition,
        /// The operation's NumPy name (`divide`).
        ufunc: String,
    },
    /// An operand or output of an elementwise operation that the casting rule does not let
    /// the loop read or write (NumPy's `UFuncTypeError`, a `TypeError`).
    #[error(
        "Cannot cast ufunc '{ufunc}' {} from {from:?} to {to:?} with casting rule '{}'",
        .input.map_or_else(|| "output".to_string(), |i| format!("input {i}")), .casting.name()
    )]
    UFuncCast {
        /// The operation's NumPy name.
        ufunc: String,
        /// The input's position, or `None` for the output.
        input: Option<usize>,
        /// The dtype cast from.
        from: crate::dtype::Descr,
        /// The dtype cast to.
        to: crate::dtype::Descr,
        /// The rule that refused it.
        casting: crate::promote::Casting,
    },
}

fn zero_division_prefix(family: crate::copy::Family) -> &'static str {
    match family {
        crate::copy::Family::Float => "float ",
        crate::copy::Family::Complex => "complex ",
        _ => "",
    }
}

impl Error {
    /// The Python exception class NumPy raises for this error.
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        match self {
            Error::AxisOutOfBounds { .. } | Error::NamedAxisOutOfBounds { .. } => "AxisError",
            Error::IndexOutOfBounds { .. }
            | Error::FlatIndexOutOfBounds { .. }
            | Error::TooManyIndices { .. }
            | Error::MaskMismatch { .. }
            | Error::IndexBroadcast { .. }
            | Error::EmptyTake
            | Error::EmptyPut
            | Error::MultipleEllipsis
            | Error::Index(_) => "IndexError",
            Error::Alloc { .. } | Error::OutOfMemory { .. } => "MemoryError",
            Error::Type(_) => "TypeError",
            Error::FloatFormatTooLarge => "RuntimeError",
            Error::ZeroDivision { .. } => "ZeroDivisionError",
            Error::IntegerOutOfBounds { .. } | Error::IntTooLarge | Error::Overflow(_) => "OverflowError",
            Error::DTypePromotion(_) => "DTypePromotionError",
            Error::UFuncNoLoop { .. } | Error::UFuncOperands { .. } | Error::UFuncCast { .. } => "UFuncTypeError",
            Error::FloatingPoint { .. } => "FloatingPointError",
            Error::DTypeRecursion { .. } => "RecursionError",
            _ => "ValueError",
        }
    }
}

impl Error {
    /// NumPy's MemoryError for an array of `len` elements of `T` with `shape`.
    pub(crate) fn alloc<T: crate::dtype::Element>(len: usize, shape: &[usize]) -> Error {
        Error::Alloc {
            bytes: len.saturating_mul(size_of::<T>()),
            shape: shape.to_vec(),
            dtype: T::DTYPE.name().to_string(),
        }
    }
}

/// A byte count as NumPy's MemoryError words it: `8.00 TiB`, `920. GiB`, `12 bytes` —
/// three significant figures in binary units.
struct ByteSize(usize);

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        let bits = usize::BITS - self.0.leading_zeros();
        let mut unit = (bits.saturating_sub(1).max(1) / 10) as usize;
        // Bytes as a float, as NumPy divides them (an f64 rounds counts past 2**53 the same way).
        #[allow(clippy::cast_precision_loss)] // see above
        let mut n = self.0 as f64 / (1u64 << (unit * 10)) as f64;
        // A unit that is still right after rounding: 1023.9 KiB is 1.00 MiB.
        if n.round_ties_even() == 1024.0 {
            unit += 1;
            n /= 1024.0;
        }
        let name = UNITS[unit.min(UNITS.len() - 1)];
        if unit == 0 {
            write!(f, "{n:.0} {name}")
        } else if n.round_ties_even() < 1000.0 {
            // Three significant figures, keeping trailing zeros and the point ("920.").
            let exp: i32 = format!("{n:.2e}").split('e').nth(1).and_then(|e| e.parse().ok()).unwrap_or(0);
            let decimals = usize::try_from(2 - exp).unwrap_or(0);
            if decimals == 0 { write!(f, "{n:.0}. {name}") } else { write!(f, "{n:.decimals$} {name}") }
        } else {
            write!(f, "{n:.0}. {name}")
        }
    }
}

/// Result with nprs-core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Unwraps `r`, panicking with the error's NumPy message at the caller's location.
#[track_caller]
pub(crate) fn or_panic<T>(r: Result<T>) -> T {
    match r {
        Ok(x) => x,
        Err(e) => panic!("{e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{ByteSize, Error, reshape_target};

    #[test]
    fn reshape_targets_print_like_numpy() {
        assert_eq!(reshape_target(&[-2, 0]), "(0)");
        assert_eq!(reshape_target(&[-1, 5]), "(5)");
        assert_eq!(reshape_target(&[0, -2]), "(0,newaxis)");
        assert_eq!(reshape_target(&[5, 3]), "(5,3)");
        assert_eq!(reshape_target(&[3]), "(3,)");
        assert_eq!(reshape_target(&[-1]), "()");
    }

    #[test]
    fn byte_sizes_read_as_numpy_words_them() {
        // From numpy._core._exceptions._ArrayMemoryError._size_to_string (NumPy 2.4.6).
        let cases: [(usize, &str); 13] = [
            (0, "0 bytes"),
            (1, "1 bytes"),
            (1000, "1000 bytes"),
            (1023, "1023 bytes"),
            (1024, "1.00 KiB"),
            (1536, "1.50 KiB"),
            (1_048_575, "1.00 MiB"),
            (1_048_063, "1023. KiB"),
            (1_023_576, "1000. KiB"),
            (1_024_000, "1000. KiB"),
            (123_456_789_012, "115. GiB"),
            (usize::MAX, "16.0 EiB"),
            (1_000_000_000_000_000, "909. TiB"),
        ];
        for (bytes, want) in cases {
            assert_eq!(ByteSize(bytes).to_string(), want, "{bytes} bytes");
        }
    }

    #[test]
    fn memory_errors_use_numpys_message() {
        // str(MemoryError) of np.empty(...) in NumPy 2.4.6.
        let e = Error::alloc::<f64>(1 << 40, &[1 << 40]);
        assert_eq!(
            e.to_string(),
            "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type float64"
        );
        assert_eq!(e.numpy_kind(), "MemoryError");
        let e = Error::alloc::<f64>(1 << 41, &[1 << 20, 1 << 20, 2]);
        assert_eq!(
            e.to_string(),
            "Unable to allocate 16.0 TiB for an array with shape (1048576, 1048576, 2) and data type float64"
        );
        let e = Error::alloc::<f64>(123_456_789_012, &[123_456_789_012]);
        assert_eq!(
            e.to_string(),
            "Unable to allocate 920. GiB for an array with shape (123456789012,) and data type float64"
        );
        let e = Error::alloc::<f64>(7_881_299_347_898_368, &[7_881_299_347_898_368]);
        assert_eq!(
            e.to_string(),
            "Unable to allocate 56.0 PiB for an array with shape (7881299347898368,) and data type float64"
        );
        assert_eq!(Error::OutOfMemory { bytes: 1 << 44 }.numpy_kind(), "MemoryError");
    }
}
