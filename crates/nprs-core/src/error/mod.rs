//! nprs-core's error type. Messages follow NumPy's wording.
//!
//! Each failure is a variant of [`Error`] with its fields (the axis and the number of
//! dimensions, the shapes, the dtypes, the bad value), so a caller can match on it;
//! `Display` is NumPy's message, word for word, and [`Error::kind`] names the Python
//! exception NumPy raises ([`ErrorKind`], shared by every nprs crate). nprs-ufunc's sorting
//! and searching use this error too.
//!
//! ```
//! use nprs_core::{Array, Error, ErrorKind, concatenate};
//!
//! let a = Array::<f64>::zeros(&[2, 3])?;
//! let e = concatenate(&[&a, &a], 2).unwrap_err();
//! assert_eq!(e.to_string(), "axis 2 is out of bounds for array of dimension 2");
//! assert!(matches!(e, Error::AxisOutOfBounds { axis: 2, ndim: 2 }));
//! // NumPy's AxisError is both a ValueError and an IndexError.
//! assert_eq!(e.kind(), ErrorKind::AxisError);
//! assert!(e.kind().is_a(ErrorKind::ValueError) && e.kind().is_a(ErrorKind::IndexError));
//! # Ok::<(), Error>(())
//! ```

use std::fmt;

mod kind;
pub use kind::ErrorKind;

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

/// A shape as NumPy's C-level messages write it: `(2,3)`, `(3,)`, `()`.
pub(crate) struct CompactShape<'a>(pub &'a [usize]);

impl fmt::Display for CompactShape<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_tuple(f, self.0, ",")
    }
}

/// Shapes joined as in NumPy's broadcast error: `(3,4) (3,)`.
fn compact_shapes(shapes: &[Vec<usize>]) -> String {
    shapes.iter().map(|s| CompactShape(s).to_string()).collect::<Vec<_>>().join(" ")
}

/// An index path into `block`'s nested lists as NumPy words it: `arrays[0][1]`.
fn block_path(path: &[usize]) -> String {
    let mut s = String::from("arrays");
    for i in path {
        s.push_str(&format!("[{i}]"));
    }
    s
}

/// A character as Python's codec errors quote it: `'\xe9'`, `'\u20ac'`, `'\U0001f600'`.
fn py_char_escape(c: char) -> String {
    match c as u32 {
        n if n < 0x100 => format!("'\\x{n:02x}'"),
        n if n < 0x10000 => format!("'\\u{n:04x}'"),
        n => format!("'\\U{n:08x}'"),
    }
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
    /// Python's "tuple index out of range": an axis looked up in a shape tuple that lacks
    /// it (`split` on an axis the array does not have).
    #[error("tuple index out of range")]
    TupleIndex,
    /// `insert` at an index outside the axis; the index is echoed as the caller wrote it
    /// (`[6]` for a one-element list), as NumPy does.
    #[error("index {shown} is out of bounds for axis {axis} with size {size}")]
    InsertIndex {
        /// The index as NumPy prints it (`6`, `[6]`).
        shown: String,
        /// The axis.
        axis: usize,
        /// The axis' length.
        size: usize,
    },
    /// No common dtype exists (NumPy's `DTypePromotionError`).
    #[error("{0}")]
    DTypePromotion(crate::promote::PromotionError),
    /// An elementwise operation with no loop for the operand dtypes (NumPy's
    /// `UFuncTypeError`).
    #[error("ufunc '{ufunc}' did not contain a loop with signature matching types {} -> None", signature_types(.types))]
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
    /// the loop read or write (NumPy's `UFuncTypeError`, a `TypeError`). NumPy numbers the
    /// operand only when the ufunc has more than one of its kind ("input 1", but "input"
    /// for `sqrt`).
    #[error(
        "Cannot cast ufunc '{ufunc}' {} from {from:?} to {to:?} with casting rule '{}'",
        cast_operand(*.input, *.output, *.numbered), .casting.name()
    )]
    UFuncCast {
        /// The operation's NumPy name.
        ufunc: String,
        /// The input's position, or `None` for an output.
        input: Option<usize>,
        /// The output's position among all operands, inputs first (when `input` is
        /// `None`): NumPy calls `divmod`'s first output "output 2".
        output: usize,
        /// Whether the ufunc has several operands of this kind (NumPy then shows the
        /// position).
        numbered: bool,
        /// The dtype cast from (boxed, as `to`: keeps every `Result` of nprs small).
        from: Box<crate::dtype::Descr>,
        /// The dtype cast to.
        to: Box<crate::dtype::Descr>,
        /// The rule that refused it.
        casting: crate::promote::Casting,
    },

    // ---- layout, views and elementwise options ----
    /// A record field title that repeats a field's name or another title.
    #[error("title already used as a name or title.")]
    TitleReused,
    /// `numpy.negative` of bool (NumPy's TypeError).
    #[error(
        "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."
    )]
    BoolNegative,
    /// An integer raised to a negative integer power (NumPy's ValueError from the
    /// integer `power` loops).
    #[error("Integers to negative integer powers are not allowed.")]
    NegativeIntPower,
    /// `numpy.select` with condition and choice lists of different lengths.
    #[error("list of cases must be same length as list of conditions")]
    SelectLengths,
    /// `numpy.select` without conditions.
    #[error("select with an empty condition list is not possible")]
    SelectEmpty,
    /// `numpy.piecewise` with a number of functions other than the conditions' (or one more).
    #[error("with {n} condition(s), either {n} or {} functions are expected", .n + 1)]
    PiecewiseFunctions {
        /// The number of conditions.
        n: usize,
    },
    /// `numpy.select` with a condition that is not a bool array (NumPy's TypeError).
    #[error("invalid entry {index} in condlist: should be boolean ndarray")]
    SelectCondition {
        /// The condition's position in the list.
        index: usize,
    },
    /// `numpy.subtract` of bools (NumPy's TypeError).
    #[error(
        "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."
    )]
    BoolSubtract,
    /// A ufunc whose loops the inputs cannot reach under `safe` casting (`remainder` of
    /// complex numbers).
    #[error(
        "ufunc '{ufunc}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
    )]
    UFuncNotSupported {
        /// The operation's NumPy name.
        ufunc: &'static str,
    },
    /// `dtype=`/`signature=` naming operand dtypes no loop of the ufunc has (NumPy's
    /// TypeError).
    #[error("No loop matching the specified signature and casting was found for ufunc {ufunc}")]
    UFuncNoSignatureLoop {
        /// The ufunc's NumPy name.
        ufunc: &'static str,
    },
    /// A reduction of an empty array by a ufunc without an identity (NumPy's ValueError).
    #[error("zero-size array to reduction operation {ufunc} which has no identity")]
    ReduceEmpty {
        /// The ufunc's NumPy name.
        ufunc: &'static str,
    },
    /// A warning (`RuntimeWarning: Mean of empty slice`) that the thread's warning filter
    /// turns into an error (see [`crate::warnings`]).
    #[error("{category}: {message}")]
    Warning {
        /// The warning's class name (`RuntimeWarning`).
        category: &'static str,
        /// NumPy's message.
        message: String,
    },
    /// An `out=` of a reduction whose number of dimensions is not the result's (NumPy's
    /// ValueError).
    #[error(
        "output parameter for reduction operation {ufunc} has the wrong number of dimensions: Found {found} but expected {expected}"
    )]
    ReduceOutDims {
        /// The ufunc's NumPy name.
        ufunc: &'static str,
        /// The number of dimensions of `out`.
        found: usize,
        /// The number of dimensions of the result.
        expected: usize,
    },
    /// An `out=` of a reduction with the right number of dimensions but another shape
    /// (NumPy's ValueError; NumPy words it as a broadcast of remapped shapes).
    #[error(
        "output parameter for reduction operation {ufunc} has shape {found:?} but the result has shape {expected:?}"
    )]
    ReduceOutShape {
        /// The ufunc's NumPy name.
        ufunc: &'static str,
        /// The shape of `out`.
        found: Vec<usize>,
        /// The shape of the result.
        expected: Vec<usize>,
    },
    /// A reduction over several axes (or `axis=None` of an array of more than one
    /// dimension) by a ufunc whose operands may not be reordered (`subtract`).
    #[error("reduction operation '{ufunc}' is not reorderable, so at most one axis may be specified")]
    ReduceNotReorderable {
        /// The ufunc's NumPy name.
        ufunc: &'static str,
    },
    /// An index of `ufunc.reduceat` outside the reduced axis (NumPy's IndexError).
    #[error("index {index} out-of-bounds in {ufunc}.reduceat [0, {len})")]
    ReduceatIndex {
        /// The index.
        index: isize,
        /// The ufunc's NumPy name.
        ufunc: &'static str,
        /// The length of the axis.
        len: usize,
    },
    /// A reduction with `where=` by a ufunc without an identity and no `initial`.
    #[error(
        "reduction operation '{ufunc}' does not have an identity, so to use a where mask one has to specify 'initial'"
    )]
    ReduceWhereWithoutInitial {
        /// The ufunc's NumPy name.
        ufunc: &'static str,
    },
    /// An `out=` array the elementwise loop cannot write (byte-swapped, unaligned or not
    /// numeric).
    #[error("ufunc '{ufunc}' writes only native, aligned numeric outputs, not {dtype:?}")]
    UFuncOutput {
        /// The operation's NumPy name.
        ufunc: String,
        /// The output's dtype.
        dtype: crate::dtype::Descr,
    },
    /// A shape whose element count overflows the iterator (NumPy's "iterator is too large").
    #[error("iterator is too large")]
    IteratorTooLarge,
    /// Broadcast lengths whose product overflows.
    #[error("broadcast dimensions too large.")]
    BroadcastTooLarge,
    /// `item()` of an array that does not hold exactly one element.
    #[error("can only convert an array of size 1 to a Python scalar")]
    ItemSize,
    /// `a.view(dtype)` of a 0-d array with another item size.
    #[error("Changing the dtype of a 0d array is only supported if the itemsize is unchanged")]
    ViewDTypeZeroDim,
    /// `a.view(dtype)` to a sub-array dtype of another item size.
    #[error("Changing the dtype to a subarray type is only supported if the total itemsize is unchanged")]
    ViewDTypeSubarray,
    /// `a.view(dtype)` with another item size on a non-contiguous last axis.
    #[error("To change to a dtype of a different size, the last axis must be contiguous")]
    ViewDTypeLastAxis,
    /// `a.view(dtype)` to a smaller item size that does not divide the old one.
    #[error("When changing to a smaller dtype, its size must be a divisor of the size of original dtype")]
    ViewDTypeSmaller,
    /// `a.view(dtype)` to a larger item size that does not divide the last axis' bytes.
    #[error(
        "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array."
    )]
    ViewDTypeLarger,
    /// A typed `view_as::<T>()` of elements not aligned for `T`.
    #[error("the elements are not aligned in memory for a typed {dtype} view; use view_dtype() for a dynamic view")]
    ViewUnaligned {
        /// The requested element type.
        dtype: crate::dtype::DType,
    },
    /// A typed view of a dynamic array whose elements are not aligned for the type.
    #[error("the {dtype} elements are not aligned in memory for a typed view; use to_typed() for a copy")]
    TypedUnaligned {
        /// The element type.
        dtype: crate::dtype::DType,
    },
    /// A typed view of a dynamic array of another (or byte-swapped) dtype.
    #[error("array of dtype {from} cannot be accessed as {to}")]
    TypedAccess {
        /// The array's dtype.
        from: crate::dtype::Descr,
        /// The requested element type.
        to: crate::dtype::DType,
    },
    /// Bytes other than 0 and 1 seen as bool.
    #[error("cannot view bytes as bool: a byte holds {byte}, and bool elements must be 0 or 1")]
    BoolBytes {
        /// The offending byte.
        byte: u8,
    },
    /// A new shape that needs a copy where a view is required (NumPy's AttributeError on
    /// assigning `arr.shape`).
    #[error("Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.")]
    ReshapeInPlace,
    /// An argument NumPy reads as a C `int` beyond its range.
    #[error("signed integer is {} {}", if *.above { "greater than" } else { "less than" }, if *.above { "maximum" } else { "minimum" })]
    CIntRange {
        /// True above `INT_MAX`, false below `INT_MIN`.
        above: bool,
    },
    /// `diagonal` of an array with fewer than two dimensions.
    #[error("diag requires an array of at least two dimensions")]
    DiagonalNdim,
    /// `diagonal` with `axis1 == axis2`.
    #[error("axis1 and axis2 cannot be the same")]
    DiagonalSameAxes,
    /// A slice with step zero.
    #[error("slice step cannot be zero")]
    SliceStepZero,
    /// `transpose(axes)` naming an axis twice.
    #[error("repeated axis in transpose")]
    TransposeRepeatedAxis,
    /// An axis named twice in a named argument of `moveaxis`.
    #[error("repeated axis in `{name}` argument")]
    RepeatedAxisIn {
        /// The argument (`source`, `destination`).
        name: &'static str,
    },
    /// `moveaxis` with `source` and `destination` of different lengths.
    #[error("`source` and `destination` arguments must have the same number of elements")]
    MoveaxisLengths,
    /// `squeeze(axis)` of an axis whose length is not one.
    #[error("cannot select an axis to squeeze out which has size not equal to one")]
    SqueezeNotOne,
    /// Bytes that do not fill an array of the given shape and dtype exactly.
    #[error("buffer of {bytes} bytes does not hold an array of shape {} and dtype {dtype}", ShapeDisplay(.shape.clone()))]
    BufferSize {
        /// The bytes given.
        bytes: usize,
        /// The array's shape.
        shape: Vec<usize>,
        /// The array's dtype.
        dtype: crate::dtype::Descr,
    },
    /// A datetime/timedelta cast from specific to generic units.
    #[error("Cannot convert from specific units to generic units in NumPy datetimes or timedeltas")]
    GenericUnits,
    /// `astype` between dtypes with no conversion (strings and records of other shapes).
    #[error("Cannot cast array data from {from:?} to {to:?}")]
    CastUnsupported {
        /// The source dtype.
        from: crate::dtype::Descr,
        /// The target dtype.
        to: crate::dtype::Descr,
    },

    // ---- dtypes: parsing, layout, limits ----
    /// A dtype specification NumPy does not understand (`numpy.dtype('foo')`).
    #[error("data type '{spec}' not understood")]
    DTypeNotUnderstood {
        /// The specification as given.
        spec: String,
    },
    /// A dtype NumPy has and nprs does not (`object`, `longdouble`; a deliberate deviation,
    /// reported as the `TypeError` of a dtype NumPy does not understand).
    #[error("the {what} dtype '{spec}' is not supported by nprs")]
    DTypeNotSupported {
        /// What kind of dtype it is (`object`, `long double`).
        what: String,
        /// The specification as given.
        spec: String,
    },
    /// A field title in a dtype specification: NumPy accepts titles, nprs does not (a
    /// `TypeError`, as for the dtypes nprs does not have).
    #[error("field titles are not supported (field {title})")]
    FieldTitle {
        /// The `(title, name)` tuple as written.
        title: String,
    },
    /// A malformed datetime unit specification (`M8[5]`, `M8[ns`).
    #[error("Invalid datetime metadata string \"{meta}\"{}", .position.map(|p| format!(" at position {p}")).unwrap_or_default())]
    DateTimeMetadata {
        /// The bracketed metadata as given.
        meta: String,
        /// Where parsing stopped, when NumPy reports it.
        position: Option<usize>,
    },
    /// A datetime unit NumPy does not know (`M8[xs]`).
    #[error("Invalid datetime unit in metadata string \"{meta}\"")]
    DateTimeUnit {
        /// The bracketed metadata as given.
        meta: String,
    },
    /// An offset or item size beyond a C `int` (NumPy stores them in C `int`s).
    #[error("integer won't fit into a C int")]
    CIntOverflow,
    /// A sub-array dimension beyond a C `int`.
    #[error("invalid shape in fixed-type tuple: dimension does not fit into a C int.")]
    SubarrayDimension,
    /// A sub-array dtype whose size in bytes is beyond a C `int`.
    #[error("invalid shape in fixed-type tuple: dtype size in bytes must fit into a C int.")]
    SubarraySize,
    /// A sub-array of a dtype with no bytes (`('S0', (3,))`).
    #[error("invalid itemsize in generic type tuple")]
    UnsizedSubarray,
    /// A record dtype naming a field twice.
    #[error("field '{name}' occurs more than once")]
    DuplicateField {
        /// The field's name.
        name: String,
    },
    /// A record field that extends past the item's size.
    #[error("Field '{name}' at offset {offset} with size {size} does not fit in an item of size {itemsize}")]
    FieldOutsideItem {
        /// The field's name.
        name: String,
        /// Its byte offset.
        offset: usize,
        /// Its size in bytes.
        size: usize,
        /// The item's size in bytes.
        itemsize: usize,
    },
    /// `dtype.descr` of a record whose fields overlap or are out of order.
    #[error("dtype.descr is not defined for types with overlapping or out-of-order fields")]
    DescrOverlapping,
    /// `iinfo` of a dtype that is not an integer.
    #[error("Invalid integer data type '{kind}'.")]
    NotInteger {
        /// The dtype's kind character (`f`).
        kind: char,
    },
    /// `finfo` of a dtype that is not inexact.
    #[error("data type <class 'numpy.{class}'> not inexact")]
    NotInexact {
        /// NumPy's scalar class name (`int64`).
        class: String,
    },
    /// `astype`/`can_cast` of a cast that the casting rule forbids.
    #[error("Cannot cast array data from {from:?} to {to:?} according to the rule '{}'", .casting.name())]
    CastForbidden {
        /// The source dtype.
        from: crate::dtype::Descr,
        /// The target dtype.
        to: crate::dtype::Descr,
        /// The rule in force.
        casting: crate::promote::Casting,
    },
    /// A `casting=` name NumPy does not know.
    #[error("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '{got}')")]
    CastingName {
        /// The name as given.
        got: String,
    },
    /// `result_type` of nothing.
    #[error("at least one array or dtype is required")]
    NoDTypes,
    /// `common_type` of a non-numeric array.
    #[error("can't get common type for non-numeric array")]
    CommonTypeNonNumeric,
    /// Datetime units with no common divisor (years or months against days).
    #[error(
        "Cannot get a common metadata divisor for Numpy datetime metadata {first} and {second} because they have incompatible nonlinear base time units."
    )]
    DateTimeIncompatibleUnits {
        /// The first unit, in brackets (`[Y]`).
        first: String,
        /// The second unit, in brackets (`[D]`).
        second: String,
    },
    /// Datetime units whose common divisor overflows.
    #[error("Integer overflow getting a common metadata divisor for NumPy datetime metadata {first} and {second}.")]
    DateTimeDivisorOverflow {
        /// The first unit, in brackets.
        first: String,
        /// The second unit, in brackets.
        second: String,
    },
    /// A datetime with generic units converted to a calendar date.
    #[error("Cannot convert a NumPy datetime value other than NaT with generic units")]
    GenericDateTime,
    /// A reduction-like method of a ufunc whose loop's output dtype is not its inputs'
    /// (`np.subtract.reduce` of datetimes: datetime − datetime is a timedelta).
    #[error("the resolved dtypes are not compatible with {ufunc}.{method}. Resolved ({resolved})")]
    ReduceResolvedDTypes {
        /// The ufunc's name.
        ufunc: &'static str,
        /// `reduce`, `accumulate` or `reduceat`.
        method: &'static str,
        /// The loop's dtypes as NumPy lists them (`dtype('<M8[D]'), dtype('<M8[D]'), dtype('<m8[D]')`).
        resolved: String,
    },
    /// A masked array's fill value that its dtype cannot hold (NumPy's `nanmedian` of a
    /// generic-unit datetime along an axis goes through masked arrays and meets it).
    #[error("Cannot convert fill_value {value} to dtype {dtype}")]
    FillValueConvert {
        /// The fill value as NumPy prints it.
        value: String,
        /// The dtype's name (`datetime64`).
        dtype: String,
    },
    /// A malformed ISO 8601 datetime string; `position` is the byte where parsing stopped.
    #[error("Error parsing datetime string \"{string}\" at position {position}")]
    DateTimeParse {
        /// The whole string.
        string: String,
        /// The byte offset where parsing failed.
        position: usize,
    },
    /// A field of an ISO 8601 datetime string out of its range (`Month`, `Day`, `Hours`,
    /// `Minutes`, `Seconds`, `Timezone hours offset`, `Timezone minutes offset`).
    #[error("{field} out of range in datetime string \"{string}\"")]
    DateTimeFieldRange {
        /// The field, as NumPy names it.
        field: &'static str,
        /// The whole string.
        string: String,
    },
    /// A string that is not an integer (or NaT) cast to `timedelta64`.
    #[error("Could not convert object to NumPy timedelta")]
    TimeDeltaConvert,
    /// A string target narrower than a datetime's ISO text.
    #[error("The string provided for NumPy ISO datetime formatting was too short, with length {0}")]
    IsoTooShort(usize),
    /// Datetime units whose conversion factor NumPy cannot represent (2^56 or more: days to
    /// picoseconds, hours to femtoseconds, …).
    #[error("Integer overflow while computing the conversion factor between NumPy datetime units {big} and {little}")]
    DateTimeConversionFactor {
        /// The coarser unit's code.
        big: &'static str,
        /// The finer unit's code.
        little: &'static str,
    },
    /// An integer where a datetime with generic units is needed (`initial=` of a
    /// reduction over `datetime64` without a unit).
    #[error("Converting an integer to a NumPy datetime requires a specified unit")]
    DateTimeIntegerNeedsUnit,
    /// `dtype=`/`signature=` naming a datetime unit (NumPy's TypeError: they select the
    /// DType class only).
    #[error(
        "The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or the dtype string notation."
    )]
    UFuncDTypeDetails,
    /// An operation that needs a numeric dtype got another (`arange` of strings, a
    /// numeric column of records).
    #[error("{op} is not supported for arrays of dtype {dtype}")]
    NotNumeric {
        /// What was asked (`searchsorted`, `arange`).
        op: &'static str,
        /// The dtype as NumPy prints it.
        dtype: String,
    },

    // ---- records and strings ----
    /// A field name the record dtype does not have (`a['x']`).
    #[error("no field of name {name}")]
    NoField {
        /// The name asked for.
        name: String,
    },
    /// A field name in `order=` the record dtype does not have.
    #[error("unknown field name: {name}")]
    UnknownField {
        /// The name asked for.
        name: String,
    },
    /// `order=` given for an array without fields.
    #[error("Cannot specify order when the array has no fields.")]
    OrderWithoutFields,
    /// Records built with a dtype that has no fields.
    #[error("{descr:?} is not a record dtype")]
    NotRecord {
        /// The dtype given.
        descr: crate::dtype::Descr,
    },
    /// A tuple assigned to a record of another number of fields.
    #[error("could not assign tuple of length {len} to structure with {fields} fields.")]
    TupleLength {
        /// The tuple's length.
        len: usize,
        /// The record's number of fields.
        fields: usize,
    },
    /// Scalars given for a dtype that is itself a sub-array.
    #[error("sub-array dtypes cannot be filled from scalars here; use a record field")]
    SubarrayScalars,
    /// A `numpy.strings` function on an array that holds no strings.
    #[error("string operation on non-string array")]
    NotString,
    /// A `numpy.strings` operand that is neither a string array nor a string.
    #[error("{func}: expected a string, got {got}")]
    ExpectedString {
        /// The function's name.
        func: String,
        /// The Python type of what was given.
        got: &'static str,
    },
    /// A pattern with non-ASCII characters for a bytes (`S`) array.
    #[error("pattern {pattern:?} is not ASCII and cannot match bytes")]
    NonAsciiPattern {
        /// The pattern.
        pattern: String,
    },
    /// A non-ASCII fill character for a bytes (`S`) array.
    #[error("fill character {fill:?} is not ASCII and cannot pad bytes")]
    NonAsciiFill {
        /// The fill character.
        fill: char,
    },
    /// `strings.multiply` with a repeat count beyond the address space.
    #[error("repeat count too large")]
    RepeatCount,
    /// Bytes above 127 decoded as ASCII (`S` to `U`).
    #[error("'ascii' codec can't decode byte 0x{byte:02x} in position {position}: ordinal not in range(128)")]
    AsciiDecode {
        /// The byte.
        byte: u8,
        /// Its position in the string.
        position: usize,
    },
    /// A non-ASCII character encoded as ASCII (`U` to `S`).
    #[error("'ascii' codec can't encode character {} in position {position}: ordinal not in range(128)", py_char_escape(*.character))]
    AsciiEncode {
        /// The character.
        character: char,
        /// Its position in the string.
        position: usize,
    },

    // ---- Python's `%` formatting (`printf`, `strings.mod_`, nprs-io's `savetxt`) ----
    /// A `%` format whose width or precision is too large.
    #[error("{what} too big")]
    FormatNumberTooBig {
        /// `width` or `precision`.
        what: &'static str,
    },
    /// A `%` format that ends inside a conversion (`'%5'`).
    #[error("incomplete format")]
    FormatIncomplete,
    /// A `%` conversion Python has that nprs does not format (`%r`, `%a`, `%(key)s`).
    #[error("the %{conversion} conversion is not supported")]
    FormatConversionUnsupported {
        /// The conversion character (`(` for a mapping key).
        conversion: char,
    },
    /// A `%` conversion Python does not know.
    #[error("unsupported format character '{character}' ({:#x}) at index {index}", u32::from(*.character))]
    FormatCharacter {
        /// The character after `%` and its flags.
        character: char,
        /// Its position in the format (in characters).
        index: usize,
    },
    /// A format with more conversions than values.
    #[error("not enough arguments for format string")]
    FormatTooFewArguments,
    /// A format with fewer conversions than values.
    #[error("not all arguments converted during string formatting")]
    FormatTooManyArguments,
    /// An integer conversion (`%x`, `%X`, `%o`) given a float, a bool or a string.
    #[error("%{conversion} format: an integer is required, not {got}")]
    FormatIntegerRequired {
        /// The conversion character.
        conversion: char,
        /// The value's Python type (`numpy.float64`).
        got: &'static str,
    },
    /// `%d`, `%i` or `%u` given a string.
    #[error("%{conversion} format: a real number is required, not {got}")]
    FormatRealRequired {
        /// The conversion character.
        conversion: char,
        /// The value's Python type (`numpy.str_`).
        got: &'static str,
    },
    /// A float conversion (`%f`, `%e`, `%g`) given a string.
    #[error("must be real number, not {got}")]
    FormatRealNumber {
        /// The value's Python type.
        got: &'static str,
    },
    /// `%c` of something other than an integer or one character.
    #[error("%c requires int or char")]
    FormatCharRequired,
    /// `%c` of an integer outside the characters (or bytes).
    #[error("%c arg not in range({limit})")]
    FormatCharRange {
        /// `0x110000`, or `256` in a byte-string format.
        limit: &'static str,
    },
    /// `%s` of a number in a byte-string format, which Python fills with the scalar's
    /// memory; nprs does not.
    #[error("%s of {got} in a byte-string format (the scalar's memory) is not supported by nprs")]
    FormatBytesOfNumber {
        /// The value's Python type.
        got: &'static str,
    },
    /// `strings.mod_` with values nprs does not format (complex numbers, datetimes,
    /// records; NumPy formats their Python objects).
    #[error("formatting values of dtype {dtype} with % is not supported by nprs")]
    FormatValueUnsupported {
        /// The values' dtype.
        dtype: String,
    },
    /// A `*` width or precision: NumPy's scalars are not the Python ints it takes.
    #[error("* wants int")]
    FormatStarWidth,

    /// `strings.index`/`rindex` where a string lacks the substring.
    #[error("substring not found")]
    SubstringNotFound,
    /// `strings.partition`/`rpartition` with an empty separator.
    #[error("empty separator")]
    EmptySeparator,
    /// `strings.expandtabs` whose result would pass 2**31 - 1 characters.
    #[error("new string is too long")]
    NewStringTooLong,
    /// `strings.translate` of bytes with a table that is not 256 bytes long.
    #[error("translation table must be 256 characters long")]
    TranslateTableLength,
    /// `strings.encode`/`decode` with an encoding nprs does not know.
    #[error("unknown encoding: {name}")]
    UnknownEncoding {
        /// The encoding's name as given.
        name: String,
    },
    /// `strings.encode`/`decode` with an error handler nprs does not know.
    #[error("unknown error handler name '{name}'")]
    UnknownErrorHandler {
        /// The handler's name as given.
        name: String,
    },
    /// Bytes that the codec cannot decode (`strings.decode`; Python's `UnicodeDecodeError`).
    #[error("'{codec}' codec can't decode {} in position {}: {reason}", codec_bytes(*.byte, *.start, *.end), codec_span(*.start, *.end))]
    CodecDecode {
        /// The codec's name (`utf-8`).
        codec: &'static str,
        /// The first offending byte.
        byte: u8,
        /// Where the offending bytes start.
        start: usize,
        /// Where they end (exclusive).
        end: usize,
        /// Why (`invalid start byte`).
        reason: &'static str,
    },
    /// Characters that the codec cannot encode (`strings.encode`; Python's
    /// `UnicodeEncodeError`).
    #[error("'{codec}' codec can't encode {} in position {}: {reason}", codec_chars(*.character, *.start, *.end), codec_span(*.start, *.end))]
    CodecEncode {
        /// The codec's name (`ascii`).
        codec: &'static str,
        /// The first offending character.
        character: char,
        /// Where the offending characters start.
        start: usize,
        /// Where they end (exclusive).
        end: usize,
        /// Why (`ordinal not in range(128)`).
        reason: &'static str,
    },

    // ---- Python-style scalar conversions ----
    /// `int(s)` of text that is not an integer.
    #[error("invalid literal for int() with base 10: {repr}")]
    IntLiteral {
        /// The text as Python's `repr` shows it.
        repr: String,
    },
    /// `float(s)` of text that is not a number.
    #[error("could not convert string to float: {repr}")]
    FloatLiteral {
        /// The text as Python's `repr` shows it.
        repr: String,
    },
    /// `complex(s)` of text that is not a complex number.
    #[error("complex() arg is a malformed string")]
    ComplexLiteral,
    /// `int(nan)`.
    #[error("cannot convert float NaN to integer")]
    NanToInteger,
    /// `int(inf)`.
    #[error("cannot convert float infinity to integer")]
    InfinityToInteger,
    /// `int(x)` of a value that is not a number or text.
    #[error("int() argument must be a string, a bytes-like object or a real number, not '{got}'")]
    IntArgument {
        /// The Python type given.
        got: &'static str,
    },
    /// `float(x)` of a value that is not a real number or text.
    #[error("float() argument must be a string or a real number, not '{got}'")]
    FloatArgument {
        /// The Python type given.
        got: &'static str,
    },
    /// A void (`V`) element set from something other than bytes.
    #[error("a bytes-like object is required, not '{got}'")]
    BytesRequired {
        /// The Python type given.
        got: &'static str,
    },
    /// A complex number where a real one is needed (`arange` bounds).
    #[error("must be real number, not complex")]
    ComplexNotReal,
    /// An element index of the wrong length (`item`, `itemset`).
    #[error("an element index needs {ndim} indices, {given} given")]
    ElementIndex {
        /// The array's dimensions.
        ndim: usize,
        /// Indices given.
        given: usize,
    },
    /// Python's "'tuple' object cannot be interpreted as an integer": several axes where
    /// one is needed.
    #[error("'tuple' object cannot be interpreted as an integer")]
    TupleAsInteger,

    // ---- creation ----
    /// Nested sequences of uneven lengths.
    #[error("setting an array element with a sequence. The requested array has an inhomogeneous shape after {depth} dimensions. The detected shape was {} + inhomogeneous part.", ShapeDisplay(.shape.clone()))]
    Inhomogeneous {
        /// The depth at which the lengths differ.
        depth: usize,
        /// The shape detected up to that depth.
        shape: Vec<usize>,
    },
    /// `fromiter` with `count` larger than the iterator.
    #[error("iterator too short: Expected {expected} but iterator had only {got} items.")]
    IteratorTooShort {
        /// The count asked for.
        expected: usize,
        /// Items the iterator gave.
        got: usize,
    },
    /// `arange` whose length is NaN.
    #[error("arange: cannot compute length")]
    ArangeLength,
    /// `arange` whose length is beyond `intp`.
    #[error("Maximum allowed size exceeded")]
    MaxSizeExceeded,
    /// A boolean `arange` of more than two elements.
    #[error("arange() is only supported for booleans when the result has at most length 2.")]
    BoolArange,
    /// `geomspace` with an end point of zero.
    #[error("Geometric sequence cannot include zero")]
    GeomspaceZero,
    /// `meshgrid` with `indexing` other than `xy` and `ij`.
    #[error("Valid values for `indexing` are 'xy' and 'ij'.")]
    MeshgridIndexing,
    /// `diag`/`diagflat` of an array of more than two dimensions.
    #[error("Input must be 1- or 2-d.")]
    DiagNdim,
    /// `tri` without its `N`.
    #[error("tri() missing 1 required positional argument: 'N'")]
    TriMissingN,

    // ---- joining, splitting, manipulation ----
    /// `concatenate`/`stack` of nothing.
    #[error("need at least one array to {op}")]
    NoArrays {
        /// `concatenate` or `stack`.
        op: &'static str,
    },
    /// `concatenate` of 0-d arrays.
    #[error("zero-dimensional arrays cannot be concatenated")]
    ConcatenateZeroDim,
    /// `concatenate` of arrays with differing numbers of dimensions.
    #[error(
        "all the input arrays must have same number of dimensions, but the array at index 0 has {first} dimension(s) and the array at index {index} has {ndim} dimension(s)"
    )]
    ConcatenateNdim {
        /// The dimensions of the first array.
        first: usize,
        /// The array that differs.
        index: usize,
        /// Its dimensions.
        ndim: usize,
    },
    /// `concatenate` of arrays that differ off the concatenation axis.
    #[error(
        "all the input array dimensions except for the concatenation axis must match exactly, but along dimension {dim}, the array at index 0 has size {first} and the array at index {index} has size {size}"
    )]
    ConcatenateShape {
        /// The dimension that differs.
        dim: usize,
        /// The first array's length along it.
        first: usize,
        /// The array that differs.
        index: usize,
        /// Its length along it.
        size: usize,
    },
    /// `stack` of arrays of differing shapes.
    #[error("all input arrays must have the same shape")]
    StackShapes,
    /// `block` with lists nested to differing depths.
    #[error("List depths are mismatched. First element was at depth {first}, but there is an element at depth {depth} ({})", block_path(.path))]
    BlockDepths {
        /// The depth of the first element.
        first: usize,
        /// The depth of the element that differs.
        depth: usize,
        /// Its index path in the nested lists.
        path: Vec<usize>,
    },
    /// `block` with an empty list.
    #[error("List at {} cannot be empty", block_path(.path))]
    BlockEmptyList {
        /// The index path of the empty list.
        path: Vec<usize>,
    },
    /// `block` of arrays that do not fit along an axis.
    #[error("Mismatched array shapes in block along axis {axis}.")]
    BlockShapes {
        /// The axis of the result.
        axis: usize,
    },
    /// `array_split` into zero sections.
    #[error("number sections must be larger than 0.")]
    SplitSections,
    /// `split` into zero sections (Python's `ZeroDivisionError` from `n % 0`).
    #[error("integer modulo by zero")]
    SplitByZero,
    /// `split` into sections that do not divide the axis.
    #[error("array split does not result in an equal division")]
    SplitUnequal,
    /// `hsplit`/`vsplit`/`dsplit` of an array with too few dimensions.
    #[error("{func} only works on arrays of {min} or more dimensions")]
    SplitNdim {
        /// `hsplit`, `vsplit` or `dsplit`.
        func: &'static str,
        /// The dimensions it needs.
        min: usize,
    },
    /// `fliplr`/`flipud` of an array with too few dimensions.
    #[error("Input must be >= {min}-d.")]
    FlipNdim {
        /// The dimensions needed.
        min: usize,
    },
    /// `rot90` with the same axis twice.
    #[error("Axes must be different.")]
    Rot90SameAxes,
    /// `rot90` with an axis outside the array.
    #[error("Axes=({}, {}) out of range for array of ndim={ndim}.", .axes[0], .axes[1])]
    Rot90Axes {
        /// The axes as given.
        axes: [isize; 2],
        /// The array's dimensions.
        ndim: usize,
    },
    /// A value array that does not broadcast to its destination (`insert`, element
    /// assignment of lists).
    #[error("could not broadcast input array from shape {} into shape {}", CompactShape(.from), CompactShape(.to))]
    BroadcastInput {
        /// The values' shape.
        from: Vec<usize>,
        /// The destination's shape.
        to: Vec<usize>,
    },
    /// Values that do not broadcast to the result of advanced indexing.
    #[error("shape mismatch: value array of shape {} could not be broadcast to indexing result of shape {}", CompactShape(.value), CompactShape(.result))]
    ValueShape {
        /// The values' shape.
        value: Vec<usize>,
        /// The indexing result's shape.
        result: Vec<usize>,
    },
    /// A mask assignment with the wrong number of values.
    #[error(
        "NumPy boolean array indexing assignment cannot assign {values} input values to the {count} output values where the mask is true"
    )]
    MaskAssignCount {
        /// Values given.
        values: usize,
        /// True entries of the mask.
        count: usize,
    },
    /// A mask assignment from values of more than one dimension.
    #[error("NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has {ndim} dimensions")]
    MaskAssignNdim {
        /// The values' dimensions.
        ndim: usize,
    },
    /// `delete` with a boolean mask of the wrong shape.
    #[error("boolean array argument obj to delete must be one dimensional and match the axis length of {len}")]
    DeleteMask {
        /// The axis' length.
        len: usize,
    },
    /// `trim_zeros` with a `trim` other than `f`, `b`, `fb`.
    #[error("unexpected character(s) in `trim`: {repr}")]
    TrimChars {
        /// The argument as Python's `repr` shows it.
        repr: String,
    },
    /// An axis named twice in an `axis` argument.
    #[error("repeated axis in `axis` argument")]
    RepeatedAxisArgument,
    /// Negative pad widths.
    #[error("index can't contain negative values")]
    NegativePad,
    /// Padding an empty axis with a mode that reads its values.
    #[error("can't extend empty axis {axis} using modes other than 'constant' or 'empty'")]
    PadEmptyAxis {
        /// The axis.
        axis: usize,
    },
    /// `tile`/`repeat` shapes whose lengths overflow.
    #[error("Maximum allowed dimension exceeded")]
    MaxDimensionExceeded,
    /// `repeat` with a repeats list of the wrong length.
    #[error("operands could not be broadcast together with shape ({len},) ({repeats},)")]
    RepeatsLength {
        /// The axis' length.
        len: usize,
        /// The number of repeats given.
        repeats: usize,
    },
    /// `repeat` with a negative count.
    #[error("repeats may not contain negative values.")]
    NegativeRepeats,
    /// `numpy.resize` to a shape with a negative length.
    #[error("all elements of `new_shape` must be non-negative")]
    ResizeNegative,
    /// `ndarray.resize` to a shape with a negative length.
    #[error("negative dimensions not allowed")]
    ResizeNegativeInPlace,
    /// `sliding_window_view` with a negative window length.
    #[error("`window_shape` cannot contain negative values")]
    NegativeWindow,
    /// `sliding_window_view` without `axis` and a window of another number of dimensions.
    #[error(
        "Since axis is `None`, must provide window_shape for all dimensions of `x`; got {window} window_shape elements and `x.ndim` is {ndim}."
    )]
    WindowNdim {
        /// Window lengths given.
        window: usize,
        /// The array's dimensions.
        ndim: usize,
    },
    /// `sliding_window_view` with window lengths and axes of differing counts.
    #[error(
        "Must provide matching length window_shape and axis; got {window} window_shape elements and {axes} axes elements."
    )]
    WindowAxes {
        /// Window lengths given.
        window: usize,
        /// Axes given.
        axes: usize,
    },
    /// `sliding_window_view` with a window longer than the axis.
    #[error("window shape cannot be larger than input array shape")]
    WindowTooLarge,
    /// `as_strided` with strides and shape of differing lengths.
    #[error("mismatch in length of strides and shape")]
    StridesLength,
    /// `as_strided` of a typed array with strides that are not whole elements.
    #[error("strides must be multiples of the element size ({itemsize} bytes) for a typed array")]
    StridesNotElements {
        /// The element size.
        itemsize: usize,
    },

    // ---- indexing ----
    /// `nonzero` of a 0-d array.
    #[error("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.")]
    NonzeroZeroDim,
    /// `ix_` of something that is not 1-d.
    #[error("Cross index must be 1 dimensional")]
    CrossIndexNdim,
    /// `take_along_axis`/`put_along_axis` with indices of another number of dimensions.
    #[error("`indices` and `arr` must have the same number of dimensions")]
    AlongNdim,
    /// `take_along_axis` without an axis and indices of more than one dimension.
    #[error("when axis=None, `indices` must have a single dimension.")]
    AlongFlatNdim,
    /// `compress`/`extract` with a condition of more than one dimension.
    #[error("condition must be a 1-d array")]
    ConditionNdim,
    /// `shares_memory` past its `max_work` (NumPy's `TooHardError`).
    #[error("Exceeded max_work")]
    TooHard,

    // ---- index helpers, bit packing, equality, apply ----
    /// `unravel_index` of a flat index outside the array.
    #[error("index {index} is out of bounds for array with size {size}")]
    UnravelIndex {
        /// The index as given.
        index: isize,
        /// The number of elements of the shape.
        size: isize,
    },
    /// Index values that are not integers (`unravel_index`, `ravel_multi_index`).
    #[error("only int indices permitted")]
    OnlyIntIndices,
    /// `ravel_multi_index` with another number of coordinate arrays than dimensions.
    #[error("parameter multi_index must be a sequence of length {expected}")]
    MultiIndexLength {
        /// The number of dimensions.
        expected: usize,
    },
    /// `ravel_multi_index` with a mode list of the wrong length.
    #[error("list of clipmodes has wrong length ({got} instead of {expected})")]
    ClipModesLength {
        /// The number of modes given.
        got: usize,
        /// The number of dimensions.
        expected: usize,
    },
    /// `ravel_multi_index` with a coordinate outside its axis under `mode='raise'`.
    #[error("invalid entry in coordinates array")]
    CoordinatesEntry,
    /// `ravel_multi_index` dims whose product overflows.
    #[error("invalid dims: array size defined by dims is larger than the maximum possible size.")]
    InvalidDims,
    /// `unravel_index` into a shape whose size overflows `intp`.
    #[error("dimensions are too large; arrays and shapes with a total size greater than 'intp' are not supported.")]
    DimsTooLarge,
    /// `ravel_multi_index` into a shape with a zero length.
    #[error("cannot unravel if shape has zero entries (is empty).")]
    RavelEmptyShape,
    /// `tril_indices_from`/`triu_indices_from` of an array that is not 2-d.
    #[error("input array must be 2-d")]
    Input2d,
    /// `diag_indices_from` of an array of fewer than two dimensions.
    #[error("input array must be at least 2-d")]
    InputAtLeast2d,
    /// `diag_indices_from`/`fill_diagonal` of dimensions of differing lengths.
    #[error("All dimensions of input must be of equal length")]
    EqualLengthDims,
    /// `fill_diagonal` of an array of fewer than two dimensions.
    #[error("array must be at least 2-d")]
    ArrayAtLeast2d,
    /// `packbits` of an array that is neither integer nor boolean.
    #[error("Expected an input array of integer or boolean data type")]
    PackBitsDType,
    /// `unpackbits` of an array that is not `uint8`.
    #[error("Expected an input array of unsigned byte data type")]
    UnpackBitsDType,
    /// A bit order other than `'big'` and `'little'`.
    #[error("'order' must be either 'little' or 'big'")]
    BitOrder,
    /// `unpackbits` with a negative `count` larger than the number of bits.
    #[error("-count larger than number of elements")]
    UnpackCount,
    /// `apply_along_axis` over an array with an empty iteration axis.
    #[error("Cannot apply_along_axis when any iteration dimensions are 0")]
    ApplyEmptyIteration,
    /// `i0` of a complex array.
    #[error("i0 not supported for complex values")]
    I0Complex,
    /// `apply_over_axes` with a function whose result has the wrong number of dimensions.
    #[error("function is not returning an array of the correct shape")]
    ApplyOverAxesShape,

    // ---- sorting and searching (nprs-ufunc) ----
    /// A sort kind NumPy does not know.
    #[error("sort kind must be one of 'quick', 'heap', or 'stable' (got '{got}')")]
    SortKind {
        /// The name as given.
        got: String,
    },
    /// A search side other than `left` and `right`.
    #[error("search side must be 'left' or 'right' (got '{got}')")]
    SearchSide {
        /// The name as given.
        got: String,
    },
    /// `partition` with a `kth` outside the axis.
    #[error("kth(={kth}) out of bounds ({len})")]
    KthOutOfBounds {
        /// The `kth` as given.
        kth: isize,
        /// The axis' length.
        len: usize,
    },
    /// `lexsort` of no keys.
    #[error("need sequence of keys with len > 0 in lexsort")]
    LexsortNoKeys,
    /// `lexsort` of keys of differing shapes.
    #[error("all keys need to be the same shape")]
    LexsortShapes,
    /// `searchsorted` with a `sorter` of another size than the array.
    #[error("sorter.size must equal a.size")]
    SorterSize,
    /// `searchsorted` with a `sorter` entry outside the array.
    #[error("Sorter index out of range.")]
    SorterRange,
    /// `searchsorted` into an array of more than one dimension.
    #[error("object too deep for desired array")]
    TooDeep,
    /// `choose` with an index outside the choices under `mode='raise'`.
    #[error("invalid entry in choice array")]
    ChoiceIndex,
    /// `choose` with no choices.
    #[error("0-length sequence.")]
    EmptySequence,
    /// `choose` with more arrays than NumPy's limit.
    #[error("Need at least 0 and at most {max} array objects.")]
    TooManyArrays {
        /// The limit (the index array included).
        max: usize,
    },
    /// A `mode=` that starts like `'clip'`, `'raise'` or `'wrap'` but is not one of them.
    #[error("Use one of 'clip', 'raise', or 'wrap' for clip mode")]
    ClipModePrefix,
    /// A `mode=` NumPy does not know.
    #[error("clipmode must be one of 'clip', 'raise', or 'wrap' (got '{got}')")]
    ClipModeName {
        /// The name as given.
        got: String,
    },
    /// `place`/`putmask` with a mask of another size than the array.
    #[error("{func}: mask and data must be the same size")]
    MaskSize {
        /// `place` or `putmask`.
        func: &'static str,
    },
    /// `place` from no values into a mask with a true element.
    #[error("Cannot insert from an empty array!")]
    EmptyInsert,
    /// A field named twice in a sort's `order=`.
    #[error("duplicate field name: {name}")]
    OrderDuplicateField {
        /// The field's name.
        name: String,
    },

    // ---- statistics (median, quantile, histogram, …) ----
    /// `quantile`/`percentile` of complex input.
    #[error("a must be an array of real numbers")]
    NotRealNumbers,
    /// A `q` outside `[0, 1]` (`quantile`) or `[0, 100]` (`percentile`).
    #[error("{} must be in the range {}", if *.percent { "Percentiles" } else { "Quantiles" }, if *.percent { "[0, 100]" } else { "[0, 1]" })]
    QuantileRange {
        /// True for `percentile`.
        percent: bool,
    },
    /// A quantile `method=` NumPy does not know.
    #[error(
        "'{got}' is not a valid method. Use one of: dict_keys(['inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'linear', 'median_unbiased', 'normal_unbiased', 'lower', 'higher', 'midpoint', 'nearest'])"
    )]
    QuantileMethod {
        /// The name as given.
        got: String,
    },
    /// Quantile weights with a method other than `inverted_cdf`.
    #[error("Only method 'inverted_cdf' supports weights. Got: {method}.")]
    QuantileWeightsMethod {
        /// The method's name.
        method: &'static str,
    },
    /// Negative quantile weights.
    #[error("Weights must be non-negative.")]
    QuantileWeightsNegative,
    /// Quantile weights that sum to zero, infinity or NaN along a lane.
    #[error("Weights included NaN, inf or were all zero.")]
    QuantileWeightsInvalid,
    /// Weights of another shape than the array without an `axis` (NumPy's `TypeError`).
    #[error("Axis must be specified when shapes of a and weights differ.")]
    QuantileWeightsAxis,
    /// Weights whose shape is neither the array's nor the reduced axes'.
    #[error("Shape of weights must be consistent with shape of a along specified axis.")]
    QuantileWeightsShape,

    /// `diff` with a negative order.
    #[error("order must be non-negative but got {n}")]
    DiffOrder {
        /// The order as given.
        n: isize,
    },
    /// `diff` of a 0-d array.
    #[error("diff requires input that is at least one dimensional")]
    DiffZeroDim,
    /// `ediff1d`'s `to_begin`/`to_end` of a dtype the input cannot hold (NumPy's `TypeError`).
    #[error("dtype of `{which}` must be compatible with input `ary` under the `same_kind` rule.")]
    Ediff1dCast {
        /// `to_begin` or `to_end`.
        which: &'static str,
    },
    /// `gradient` with coordinates of another length than the axis.
    #[error("when 1d, distances must match the length of the corresponding dimension")]
    GradientDistances,
    /// `gradient` with a number of spacings other than 0, 1 or one per axis (`TypeError`).
    #[error("invalid number of arguments")]
    GradientArguments,
    /// `gradient` with `edge_order` above 2.
    #[error("'edge_order' greater than 2 not supported")]
    GradientEdgeOrder,
    /// `gradient` along an axis shorter than `edge_order + 1`.
    #[error(
        "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required."
    )]
    GradientTooSmall,

    /// `interp` with `period=0`.
    #[error("period must be a non-zero value")]
    InterpPeriodZero,
    /// `interp` with `xp` and `fp` of different lengths (NumPy's two wordings: the
    /// compiled loop's ends with a full stop, the `period=` path's does not).
    #[error("fp and xp are not of the same length{}", if *.dot { "." } else { "" })]
    InterpLengths {
        /// Whether the message ends with a full stop.
        dot: bool,
    },
    /// `interp` with no sample points.
    #[error("array of sample points is empty")]
    InterpEmpty,

    /// `bincount` of a negative value.
    #[error("'list' argument must have no negative elements")]
    BincountNegative,
    /// `bincount` with a negative `minlength`.
    #[error("'minlength' must not be negative")]
    BincountMinlength,
    /// `bincount` with weights of another length than the input.
    #[error("The weights and list don't have the same length.")]
    BincountWeights,
    /// `digitize` of complex input (NumPy's `TypeError`).
    #[error("x may not be complex")]
    DigitizeComplex,
    /// `digitize` with bins that are neither increasing nor decreasing.
    #[error("bins must be monotonically increasing or decreasing")]
    DigitizeMonotonic,

    /// `histogram` with an estimator name NumPy does not know.
    #[error("'{got}' is not a valid estimator for `bins`")]
    HistogramEstimator {
        /// The name as given.
        got: String,
    },
    /// `histogram` with `range=(lo, hi)` and `lo > hi`.
    #[error("max must be larger than min in range parameter.")]
    HistogramRangeOrder,
    /// `histogram` over a range that is not finite (given, or the data's).
    #[error("{} range of [{lo}, {hi}] is not finite", if *.auto { "autodetected" } else { "supplied" })]
    HistogramRange {
        /// True when the range came from the data.
        auto: bool,
        /// The lower end, as Python prints it.
        lo: String,
        /// The upper end, as Python prints it.
        hi: String,
    },
    /// `histogram` with more bins than distinct floats in the range.
    #[error("Too many bins for data range. Cannot create {n} finite-sized bins.")]
    HistogramTooManyBins {
        /// The number of bins asked for.
        n: usize,
    },
    /// `histogram` with `bins=0`.
    #[error("`bins` must be positive, when an integer")]
    HistogramBinsPositive,
    /// `histogram` with decreasing edges.
    #[error("`bins` must increase monotonically, when an array")]
    HistogramEdgesMonotonic,
    /// `histogram` with weights of another shape than the data.
    #[error("weights should have the same shape as a.")]
    HistogramWeightsShape,
    /// `histogram` with weights and an estimator (NumPy's `TypeError`).
    #[error("Automated estimation of the number of bins is not supported for weighted data")]
    HistogramWeightedEstimator,

    /// `convolve`/`correlate` with a `mode` NumPy does not know.
    #[error("mode must be one of 'valid', 'same', or 'full' (got '{got}')")]
    ConvolveMode {
        /// The mode as given.
        got: String,
    },
    /// `convolve`/`correlate` of an empty array (`a`, `v`, or NumPy's "first/second array
    /// argument").
    #[error("{which} cannot be empty")]
    ConvolveEmpty {
        /// How NumPy names the argument.
        which: &'static str,
    },

    /// `cov` of an array of more than two dimensions.
    #[error("m has more than 2 dimensions")]
    CovNdim,
    /// `cov` weights of another length than the observations (NumPy's `RuntimeError`).
    #[error("incompatible numbers of samples and {which}")]
    CovWeightsLength {
        /// `fweights` or `aweights`.
        which: &'static str,
    },
    /// Negative `cov` weights.
    #[error("{which} cannot be negative")]
    CovWeightsNegative {
        /// `fweights` or `aweights`.
        which: &'static str,
    },

    /// `histogramdd` with a bin count below 1 on an axis.
    #[error("`bins[{axis}]` must be positive, when an integer")]
    HistogramddBinsPositive {
        /// The axis.
        axis: usize,
    },
    /// `histogramdd` with decreasing edges on an axis.
    #[error("`bins[{axis}]` must be monotonically increasing, when an array")]
    HistogramddEdgesMonotonic {
        /// The axis.
        axis: usize,
    },
    /// `histogramdd` with a number of `bins` entries other than the sample's dimension.
    #[error("The dimension of bins must be equal to the dimension of the sample x.")]
    HistogramddBinsDim,
    /// `histogramdd` with a number of `range` entries other than the sample's dimension.
    #[error("range argument must have one entry per dimension")]
    HistogramddRangeDim,

    // ---- numpy-namespace helpers (base_repr, binary_repr, typename, format_float_*) ----
    /// `base_repr` with a base outside 2..=36.
    #[error("Bases {} than {} not handled in base_repr.", if *.base > 36 { "greater" } else { "less" }, if *.base > 36 { 36 } else { 2 })]
    BaseReprBase {
        /// The base asked for.
        base: u32,
    },
    /// `binary_repr` with a `width` too small for the number.
    #[error("Insufficient bit width={width} provided for binwidth={binwidth}")]
    InsufficientBitWidth {
        /// The width asked for.
        width: usize,
        /// The bits the number needs.
        binwidth: usize,
    },
    /// `typename` of a type character NumPy does not name (Python's KeyError).
    #[error("'{code}'")]
    TypeCodeKey {
        /// The type character.
        code: String,
    },
    /// `asarray_chkfinite` of an array holding an infinity or a NaN.
    #[error("array must not contain infs or NaNs")]
    NotFinite,
    /// A float formatter's `trim` other than `'k'`, `'.'`, `'0'` and `'-'` (NumPy's TypeError).
    #[error("if supplied, trim must be 'k', '.', '0' or '-' found `{got}`")]
    FloatTrim {
        /// The spelling given.
        got: String,
    },
    /// A float formatter's `min_digits` above its `precision`.
    #[error("min_digits must be less than or equal to precision")]
    MinDigitsPrecision,
    /// A float formatter with `unique=False` and no `precision` (NumPy's TypeError).
    #[error("in non-unique mode `precision` must be supplied")]
    NonUniquePrecision,
    /// `isdtype` with a kind name NumPy does not know.
    #[error("kind argument is a string, but '{name}' is not a known kind name.")]
    IsDTypeKind {
        /// The name given.
        name: String,
    },
    /// `isposinf`/`isneginf` of a complex array (NumPy's TypeError).
    #[error("This operation is not supported for {dtype} values because it would be ambiguous.")]
    ComplexAmbiguous {
        /// The dtype's name.
        dtype: String,
    },
    /// `rollaxis` with `start` outside `-ndim..=ndim` (NumPy's AxisError).
    #[error("'start' arg requires {} <= start < {}, but {start} was passed in", -(*.ndim as isize), .ndim + 1)]
    RollaxisStart {
        /// `start`, after adding `ndim` to a negative one.
        start: isize,
        /// The number of dimensions.
        ndim: usize,
    },
    /// A `copyto` mask that does not broadcast to the destination.
    #[error("could not broadcast where mask from shape {} into shape {}", CompactShape(.from), CompactShape(.to))]
    BroadcastWhere {
        /// The mask's shape.
        from: Vec<usize>,
        /// The destination's shape.
        to: Vec<usize>,
    },
    /// `frombuffer` with an offset past the end of the buffer.
    #[error("offset must be non-negative and no greater than buffer length ({len})")]
    BufferOffset {
        /// The buffer's length in bytes.
        len: usize,
    },
    /// `frombuffer` without a count, of a buffer that is not a whole number of elements.
    #[error("buffer size must be a multiple of element size")]
    BufferMultiple,
    /// `frombuffer` asking for more elements than the buffer holds.
    #[error("buffer is smaller than requested size")]
    BufferSmall,
    /// `vander` of an array that is not one-dimensional.
    #[error("x must be a one-dimensional array or sequence.")]
    VanderNotVector,
    /// `format_float_positional` with `fractional=False` and `precision=0`.
    #[error("precision must be greater than 0 if fractional=False")]
    PrecisionNotFractional,

    // ---- printing ----
    /// A `floatmode` print option NumPy does not know.
    #[error("floatmode option must be one of \"fixed\", \"unique\", \"maxprec\", \"maxprec_equal\"")]
    FloatMode,
    /// A `sign` print option other than `' '`, `'+'` and `'-'`.
    #[error("sign option must be one of ' ', '+', or '-'")]
    SignOption,
    /// `len()` of a 0-d array (Python's `TypeError`, from `shuffle`/`permutation`).
    #[error("len() of unsized object")]
    Unsized,
    /// An axis named twice in the `axis` tuple of a reduction (NumPy's ValueError).
    #[error("duplicate value in 'axis'")]
    DuplicateReduceAxis,
    /// `argmax`/`argmin` of an empty sequence (NumPy's ValueError).
    #[error("attempt to get {op} of an empty sequence")]
    ArgEmpty {
        /// `argmax` or `argmin`.
        op: &'static str,
    },
    /// `cumulative_sum`/`cumulative_prod` without `axis` on an array of more than one
    /// dimension (NumPy's ValueError).
    #[error("For arrays which have more than one dimension ``axis`` argument is required.")]
    CumulativeAxisRequired,
    /// `nanargmax`/`nanargmin` of a slice holding only NaNs (NumPy's ValueError).
    #[error("All-NaN slice encountered")]
    AllNanSlice,
    /// `average` whose weights sum to zero (NumPy's ZeroDivisionError).
    #[error("Weights sum to zero, can't be normalized")]
    WeightsSumToZero,
    /// `average` with weights of another shape and no axis (NumPy's TypeError).
    #[error("Axis must be specified when shapes of a and weights differ.")]
    AverageAxisRequired,
    /// `average` with weights that match neither `a` nor its axes (NumPy's ValueError).
    #[error("Shape of weights must be consistent with shape of a along specified axis.")]
    AverageWeightsShape,
    /// `np.require` with a requirement it does not know (Python's KeyError on the
    /// upper-cased name).
    #[error("'{name}'")]
    RequirementKey {
        /// The requirement, upper-cased.
        name: String,
    },
    /// `np.require` asked for both C and Fortran order.
    #[error("Cannot specify both \"C\" and \"F\" order")]
    RequireBothOrders,

    // ---- numpy.rec ----
    /// `numpy.rec` functions given neither `dtype=` nor `formats=` (NumPy's TypeError).
    #[error("{func}() needs a 'dtype' or 'formats' argument")]
    RecNeedsDtype {
        /// The function (`fromstring`, `fromfile`).
        func: &'static str,
    },
    /// `format_parser` naming two fields alike.
    #[error("Duplicate field names: {}", crate::rec::py_list(.names))]
    RecDuplicateNames {
        /// The names given more than once.
        names: Vec<String>,
    },
    /// `fromarrays` with another number of arrays than the dtype has fields.
    #[error("mismatch between the number of fields and the number of arrays")]
    RecFieldCount,
    /// `fromarrays` with an array whose shape is not the record array's.
    #[error("array-shape mismatch in array {index} (\"{name}\")")]
    RecArrayShape {
        /// The array's position.
        index: usize,
        /// Its field's name.
        name: String,
    },
    /// `fromarrays` of no arrays and no shape (Python's IndexError on `arrayList[0]`).
    #[error("list index out of range")]
    RecNoArrays,
    /// `fromrecords` without a dtype of a column holding both strings and numbers.
    #[error("column {index} holds both strings and numbers: give formats= or dtype=")]
    RecMixedColumn {
        /// The column's position.
        index: usize,
    },
    /// `rec.fromstring` with a shape that needs more bytes than given (NumPy's TypeError).
    #[error("buffer is too small for requested array")]
    RecBufferSmall,
    /// `rec.fromfile` with a shape that needs more bytes than remain.
    #[error("Not enough bytes left in file for specified shape and type.")]
    RecNotEnoughBytes,
    /// `numpy.char.compare_chararrays` with an operator it does not know.
    #[error("comparison must be '==', '!=', '<', '>', '<=', '>='")]
    ComparisonOperator,
    /// A `numpy.char` comparison of something that is not a string array (TypeError).
    #[error("comparison of non-string arrays")]
    NonStringComparison,
    /// A `numpy.char` comparison of a `U` array with an `S` array (TypeError; NumPy
    /// returns `NotImplemented`).
    #[error("comparison of a str array with a bytes array")]
    MixedStringKinds,
    /// `numpy.char.join` over a bytes string (Python's TypeError: its items are ints).
    #[error("sequence item 0: expected str instance, int found")]
    JoinBytes,
    /// A read that failed in `rec.fromfile` (NumPy's OSError).
    #[error("{message}")]
    RecIo {
        /// The operating system's message.
        message: String,
    },
    /// A string directive of `r_`/`c_` after the first entry.
    #[error("special directives must be the first entry.")]
    DirectiveNotFirst,
    /// A string directive of `r_`/`c_` NumPy does not know (NumPy names it when it has a
    /// comma).
    #[error("unknown special directive{}", directive.as_deref().map(|d| format!(" {}", crate::dtype::pyfmt::py_str_repr(d))).unwrap_or_default())]
    UnknownDirective {
        /// The directive, when NumPy's message names it.
        directive: Option<String>,
    },
    /// `r_['r', …]`/`r_['c', …]` of a result with more than two dimensions.
    #[error("shape too large to be a matrix.")]
    MatrixNdim,
    /// A gufunc signature NumPy's parser rejects (`vectorize(signature=…)`).
    #[error("not a valid gufunc signature: {signature}")]
    GufuncSignature {
        /// The signature without white space.
        signature: String,
    },
    /// `vectorize` with a signature called with the wrong number of arguments.
    #[error("wrong number of positional arguments: expected {expected}, got {got}")]
    VectorizeArgCount {
        /// The signature's inputs.
        expected: usize,
        /// The arguments given.
        got: usize,
    },
    /// `vectorize` with a signature whose function returned the wrong number of outputs.
    #[error("wrong number of outputs from pyfunc: expected {expected}, got {got}")]
    VectorizeOutputCount {
        /// The signature's outputs.
        expected: usize,
        /// The results returned.
        got: usize,
    },
    /// An argument or result with fewer dimensions than its core dimensions.
    #[error("{ndim}-dimensional argument does not have enough dimensions for all core dimensions {}", py_str_tuple(.core))]
    CoreDimsTooFew {
        /// The argument's dimensions.
        ndim: usize,
        /// Its core dimension names.
        core: Vec<String>,
    },
    /// A core dimension with two sizes.
    #[error("inconsistent size for core dimension {}: {size} vs {known}", crate::dtype::pyfmt::py_str_repr(.dim))]
    CoreDimSize {
        /// The dimension's name.
        dim: String,
        /// The size found now.
        size: usize,
        /// The size found first.
        known: usize,
    },
    /// `vectorize` with new output core dimensions called on size-0 inputs.
    #[error("cannot call `vectorize` with a signature including new output dimensions on size 0 inputs")]
    VectorizeNewCoreDimsEmpty,
    /// `nditer` with both a multi-index and `external_loop`.
    #[error("Iterator flag EXTERNAL_LOOP cannot be used if an index or multi-index is being tracked")]
    NdIterExternalLoopIndex,
    /// `nditer` of zero-size operands without `zerosize_ok`.
    #[error("Iteration of zero-sized operands is not enabled")]
    NdIterZeroSize,
    /// `nditer`'s multi-index asked of an iterator that does not track it.
    #[error("Iterator is not tracking a multi-index")]
    NdIterNoMultiIndex,
    /// An element of a finished `nditer` asked for.
    #[error("Iterator is past the end")]
    NdIterPastEnd,
    /// A written `nditer` operand that broadcasting would stretch (`dim` counts NumPy's
    /// iterator axes, innermost first).
    #[error(
        "output operand requires a reduction along dimension {dim}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape."
    )]
    NdIterOutputReduction {
        /// The stretched axis, counted from the innermost.
        dim: usize,
    },
    /// A write through a read-only `nditer` operand.
    #[error("assignment destination is read-only")]
    ReadOnlyDestination,
    /// `nested_iters` with an axis in two groups.
    #[error("An axis is used more than once")]
    NestedAxisTwice,
    /// `nested_iters` with an axis in no group (nprs asks for every axis).
    #[error("nested_iters: axis {axis} is in no group")]
    NestedAxisMissing {
        /// The axis.
        axis: usize,
    },
    /// `NestedIters::level` given an outer position of the wrong length.
    #[error("nested_iters: the outer position has {got} indices, the outer groups {expected} axes")]
    NestedOuterIndex {
        /// The outer groups' axes.
        expected: usize,
        /// The indices given.
        got: usize,
    },
}

/// Python's `repr` of a tuple of strings: `('n',)`, `('m', 'n')`.
fn py_str_tuple(names: &[String]) -> String {
    let items: Vec<String> = names.iter().map(|n| crate::dtype::pyfmt::py_str_repr(n)).collect();
    if items.len() == 1 { format!("({},)", items[0]) } else { format!("({})", items.join(", ")) }
}

fn zero_division_prefix(family: crate::copy::Family) -> &'static str {
    match family {
        crate::copy::Family::Float => "float ",
        crate::copy::Family::Complex => "complex ",
        _ => "",
    }
}

impl Error {
    /// Which Python exception NumPy raises for this failure (see [`ErrorKind`] for how
    /// `AxisError`, a `ValueError` and an `IndexError` at once, is reported).
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        use ErrorKind as K;
        match self {
            Error::AxisOutOfBounds { .. } | Error::NamedAxisOutOfBounds { .. } => K::AxisError,
            Error::IndexOutOfBounds { .. }
            | Error::ReduceatIndex { .. }
            | Error::FlatIndexOutOfBounds { .. }
            | Error::TooManyIndices { .. }
            | Error::MaskMismatch { .. }
            | Error::IndexBroadcast { .. }
            | Error::EmptyTake
            | Error::EmptyPut
            | Error::MultipleEllipsis
            | Error::TupleIndex
            | Error::InsertIndex { .. } => K::IndexError,
            Error::Alloc { .. } | Error::OutOfMemory { .. } => K::MemoryError,
            Error::DTypeNotUnderstood { .. }
            | Error::DTypeNotSupported { .. }
            | Error::FieldTitle { .. }
            | Error::DateTimeMetadata { .. }
            | Error::DateTimeUnit { .. }
            | Error::CastForbidden { .. }
            | Error::NoDTypes
            | Error::CommonTypeNonNumeric
            | Error::DateTimeIncompatibleUnits { .. }
            | Error::NotNumeric { .. }
            | Error::NotRecord { .. }
            | Error::NotString
            | Error::ExpectedString { .. }
            | Error::IntArgument { .. }
            | Error::FloatArgument { .. }
            | Error::BytesRequired { .. }
            | Error::ComplexNotReal
            | Error::VectorizeArgCount { .. }
            | Error::TupleAsInteger
            | Error::BoolArange
            | Error::TriMissingN
            | Error::MaskAssignNdim { .. }
            | Error::LexsortNoKeys
            | Error::BoolNegative
            | Error::BoolSubtract
            | Error::SelectCondition { .. }
            | Error::NotRealNumbers
            | Error::Ediff1dCast { .. }
            | Error::GradientArguments
            | Error::DigitizeComplex
            | Error::HistogramWeightedEstimator
            | Error::QuantileWeightsAxis
            | Error::UFuncNotSupported { .. }
            | Error::UFuncNoSignatureLoop { .. }
            | Error::UFuncDTypeDetails
            | Error::ReduceResolvedDTypes { .. }
            | Error::FillValueConvert { .. }
            | Error::UFuncOutput { .. }
            | Error::TypedAccess { .. }
            | Error::CastUnsupported { .. }
            | Error::OnlyIntIndices
            | Error::PackBitsDType
            | Error::UnpackBitsDType
            | Error::I0Complex
            | Error::Unsized
            | Error::AverageAxisRequired
            | Error::FloatTrim { .. }
            | Error::NonUniquePrecision
            | Error::ComplexAmbiguous { .. }
            | Error::RecNeedsDtype { .. }
            | Error::RecBufferSmall
            | Error::NonStringComparison
            | Error::MixedStringKinds
            | Error::JoinBytes
            | Error::FormatTooFewArguments
            | Error::FormatTooManyArguments
            | Error::FormatIntegerRequired { .. }
            | Error::FormatRealRequired { .. }
            | Error::FormatRealNumber { .. }
            | Error::FormatCharRequired
            | Error::FormatStarWidth => K::TypeError,
            Error::RecNoArrays => K::IndexError,
            Error::RecIo { .. } => K::OSError,
            Error::TypeCodeKey { .. } | Error::RequirementKey { .. } => K::KeyError,
            Error::RollaxisStart { .. } => K::AxisError,
            Error::FloatFormatTooLarge | Error::CovWeightsLength { .. } | Error::IsoTooShort(_) => K::RuntimeError,
            Error::TooHard => K::TooHardError,
            Error::FormatConversionUnsupported { .. }
            | Error::FormatValueUnsupported { .. }
            | Error::FormatBytesOfNumber { .. } => K::NotImplementedError,
            Error::ZeroDivision { .. } | Error::SplitByZero | Error::WeightsSumToZero => K::ZeroDivisionError,
            Error::IntegerOutOfBounds { .. }
            | Error::IntTooLarge
            | Error::DateTimeDivisorOverflow { .. }
            | Error::DateTimeConversionFactor { .. }
            | Error::RepeatCount
            | Error::NewStringTooLong
            | Error::CIntRange { .. }
            | Error::InfinityToInteger
            | Error::FormatCharRange { .. } => K::OverflowError,
            Error::DTypePromotion(_) => K::DTypePromotionError,
            Error::UFuncNoLoop { .. } | Error::UFuncOperands { .. } | Error::UFuncCast { .. } => K::UFuncTypeError,
            Error::FloatingPoint { .. } => K::FloatingPointError,
            Error::Warning { category: "RuntimeWarning", .. } => K::RuntimeWarning,
            Error::Warning { .. } => K::Warning,
            Error::ReshapeInPlace => K::AttributeError,
            Error::DTypeRecursion { .. } => K::RecursionError,
            Error::AsciiDecode { .. } => K::UnicodeDecodeError,
            Error::AsciiEncode { .. } => K::UnicodeEncodeError,
            Error::CodecDecode { .. } => K::UnicodeDecodeError,
            Error::CodecEncode { .. } => K::UnicodeEncodeError,
            Error::UnknownEncoding { .. } | Error::UnknownErrorHandler { .. } => K::LookupError,
            _ => K::ValueError,
        }
    }

    /// The Python exception class's name: `self.kind().name()` (`"AxisError"`).
    #[must_use]
    pub fn numpy_kind(&self) -> &'static str {
        self.kind().name()
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

/// The operand of a "Cannot cast ufunc" message: `input 1`, `output`, ….
fn cast_operand(input: Option<usize>, output: usize, numbered: bool) -> String {
    match (input, numbered) {
        (Some(i), true) => format!("input {i}"),
        (Some(_), false) => "input".into(),
        (None, true) => format!("output {output}"),
        (None, false) => "output".into(),
    }
}

/// The input types of a "no loop" message as NumPy shows them: one alone, several as a
/// tuple.
/// Python's codec errors name one byte (`byte 0xff`) or a span (`bytes`).
fn codec_bytes(byte: u8, start: usize, end: usize) -> String {
    if end <= start + 1 { format!("byte 0x{byte:02x}") } else { "bytes".to_string() }
}

/// Python's codec errors name one character (`character '\xe9'`) or a span (`characters`).
fn codec_chars(c: char, start: usize, end: usize) -> String {
    if end <= start + 1 { format!("character {}", py_char_escape(c)) } else { "characters".to_string() }
}

/// A codec error's position: `3`, or `3-4` for a span (inclusive).
fn codec_span(start: usize, end: usize) -> String {
    if end <= start + 1 { start.to_string() } else { format!("{start}-{}", end - 1) }
}

fn signature_types(types: &[String]) -> String {
    match types {
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
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
