//! Mixed-dtype arithmetic and comparisons on dynamic arrays, with NumPy's promotion.
//!
//! The operands' dtypes are combined by [`result_type`] (NEP 50: Rust scalars are weak),
//! and the loop of that dtype runs in the buffered engine loop: an operand already in it is
//! read in place, one of another dtype is converted a buffer at a time (never whole). One
//! dispatch per operation. Typed arrays are operands too (`&Array<i32>` + `&DynArray`).

use std::ops::{Add, Div, Mul, Rem, Sub};

use super::{DynArray, DynBase, DynCow, DynData, DynView};
use crate::array::Array;
use crate::dims;
use crate::dtype::{C64, C128, DType, Descr, DescrKind, Element, f16};
use crate::error::{Error, Result};
use crate::promote::{TypeArg, dtype_class, result_type};
use crate::scalar::Scalar;

/// An operand of a dynamic operation: an array (strong dtype) or a scalar (weak, NEP 50).
pub enum Operand<'a> {
    /// An array or view.
    Array(DynView<'a>),
    /// A Rust/Python scalar.
    Scalar(Scalar),
}

impl<'a, S: DynData> From<&'a DynBase<S>> for Operand<'a> {
    fn from(a: &'a DynBase<S>) -> Self {
        Operand::Array(a.view())
    }
}

impl<'a, S: crate::storage::Data> From<&'a crate::array::ArrayBase<S>> for Operand<'a> {
    /// A typed array as a dynamic operand (a view: no copy).
    fn from(a: &'a crate::array::ArrayBase<S>) -> Self {
        Operand::Array(DynView::from(a.view()))
    }
}

impl<T: Into<Scalar>> From<T> for Operand<'_> {
    fn from(x: T) -> Self {
        Operand::Scalar(x.into())
    }
}

impl Operand<'_> {
    pub(super) fn type_arg(&self) -> TypeArg {
        match self {
            Operand::Array(a) => TypeArg::DType(a.dtype().clone()),
            Operand::Scalar(s) => TypeArg::of_scalar(s),
        }
    }

    /// How NumPy names the operand's type in "no loop" messages.
    pub(super) fn shown(&self) -> String {
        match self {
            Operand::Array(a) => format!("{:?}", a.dtype()),
            Operand::Scalar(s) => match TypeArg::of_scalar(s) {
                TypeArg::DType(d) => format!("{d:?}"),
                TypeArg::Bool => "dtype('bool')".into(),
                TypeArg::Int => "dtype('int64')".into(),
                TypeArg::Float => "dtype('float64')".into(),
                TypeArg::Complex => "dtype('complex128')".into(),
            },
        }
    }

    pub(super) fn shape(&self) -> &[usize] {
        match self {
            Operand::Array(a) => a.shape(),
            Operand::Scalar(_) => &[],
        }
    }

    pub(super) fn descr(&self) -> Descr {
        match self.type_arg() {
            TypeArg::DType(d) => d,
            TypeArg::Bool => DType::Bool.into(),
            TypeArg::Int => DType::Int64.into(),
            TypeArg::Float => DType::Float64.into(),
            TypeArg::Complex => DType::Complex128.into(),
        }
    }
}

/// The arithmetic operations of dynamic arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    /// `numpy.add` (`+`)
    Add,
    /// `numpy.subtract` (`-`)
    Subtract,
    /// `numpy.multiply` (`*`)
    Multiply,
    /// `numpy.divide` (`/`)
    Divide,
    /// `numpy.remainder` (`%`)
    Remainder,
    /// `numpy.floor_divide` (`//`)
    FloorDivide,
}

impl BinaryOp {
    /// NumPy's name of the ufunc.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            BinaryOp::Add => "add",
            BinaryOp::Subtract => "subtract",
            BinaryOp::Multiply => "multiply",
            BinaryOp::Divide => "divide",
            BinaryOp::Remainder => "remainder",
            BinaryOp::FloorDivide => "floor_divide",
        }
    }
}

/// The comparisons of dynamic arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    /// `==`
    Equal,
    /// `!=`
    NotEqual,
    /// `<`
    Less,
    /// `<=`
    LessEqual,
    /// `>`
    Greater,
    /// `>=`
    GreaterEqual,
}

impl CompareOp {
    /// NumPy's name of the ufunc.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            CompareOp::Equal => "equal",
            CompareOp::NotEqual => "not_equal",
            CompareOp::Less => "less",
            CompareOp::LessEqual => "less_equal",
            CompareOp::Greater => "greater",
            CompareOp::GreaterEqual => "greater_equal",
        }
    }

    /// The result of comparing `x` with `y` given their ordering (`None`: unordered).
    pub(crate) fn holds(self, ord: Option<std::cmp::Ordering>) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        match (self, ord) {
            (CompareOp::NotEqual, None) => true,
            (_, None) => false,
            (CompareOp::Equal, Some(o)) => o == Equal,
            (CompareOp::NotEqual, Some(o)) => o != Equal,
            (CompareOp::Less, Some(o)) => o == Less,
            (CompareOp::LessEqual, Some(o)) => o != Greater,
            (CompareOp::Greater, Some(o)) => o == Greater,
            (CompareOp::GreaterEqual, Some(o)) => o != Less,
        }
    }
}

pub(super) fn no_loop(op: &str, a: &Operand<'_>, b: &Operand<'_>) -> Error {
    Error::UFuncNoLoop { ufunc: op.to_string(), types: vec![a.shown(), b.shown()] }
}

/// `op(a, b)` with NumPy's type promotion and broadcasting.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{BinaryOp, DynArray, dynarray::binary};
/// let a = DynArray::from(array![250u8, 10]);
/// let r = binary(BinaryOp::Add, &a, 10i64).unwrap(); // weak int: stays uint8, wraps
/// assert_eq!(r.typed::<u8>().unwrap().to_vec(), vec![4, 20]);
/// let e = binary(BinaryOp::Add, &DynArray::from(array![1i8]), 1000i64).unwrap_err();
/// assert_eq!(e.to_string(), "Python integer 1000 out of bounds for int8");
/// ```
///
/// # Errors
/// Shapes that do not broadcast; NumPy's errors for dtypes without a loop (strings with
/// numbers, bool subtraction, complex remainder) and for weak integers out of range.
pub fn binary<'a, 'b>(op: BinaryOp, a: impl Into<Operand<'a>>, b: impl Into<Operand<'b>>) -> Result<DynArray> {
    let (a, b) = (a.into(), b.into());
    let (da, db) = (a.descr(), b.descr());
    if da.is_string() || db.is_string() {
        if op == BinaryOp::Add && da.is_string() && db.is_string() {
            if da.kind() != db.kind() {
                return Err(Error::UFuncOperands { ufunc: "add".into(), types: vec![a.shown(), b.shown()] });
            }
            return crate::strings::add(&a.materialize()?, &b.materialize()?);
        }
        return Err(no_loop(op.name(), &a, &b));
    }
    if !da.is_numeric() || !db.is_numeric() {
        return Err(no_loop(op.name(), &a, &b));
    }
    let r = result_type(&[a.type_arg(), b.type_arg()])?;
    if matches!(r.kind_of(), DescrKind::BFloat16) {
        let wide = binary_numeric(op, &a, &b, DType::Float32)?;
        return if wide.dtype().numeric() == Some(DType::Float32) { wide.astype(&Descr::bfloat16()) } else { Ok(wide) };
    }
    let rt = r.numeric().ok_or_else(|| no_loop(op.name(), &a, &b))?;
    binary_numeric(op, &a, &b, rt)
}

fn binary_numeric(op: BinaryOp, a: &Operand<'_>, b: &Operand<'_>, rt: DType) -> Result<DynArray> {
    let r = super::ufunc::binary_exec(op, a, b, rt, crate::Casting::SameKind, None, Default::default(), None)?;
    Ok(r.expect("a call without `out` returns its result"))
}

impl Operand<'_> {
    /// The operand as an array (a scalar becomes 0-d in its default dtype).
    pub(crate) fn materialize(&self) -> Result<DynCow<'_>> {
        match self {
            Operand::Array(a) => Ok(a.reborrow().into()),
            Operand::Scalar(s) => Ok(DynArray::from_scalars(&[], &self.descr(), std::slice::from_ref(s))?.into()),
        }
    }
}

/// NumPy's ordering of numeric elements: complex numbers compare by real part, then
/// imaginary part; NaN is unordered.
pub trait NpOrd: Element {
    /// `None` when unordered (NaN).
    fn np_cmp(self, other: Self) -> Option<std::cmp::Ordering>;
}

macro_rules! np_ord_partial {
    ($($t:ty),*) => {$(
        impl NpOrd for $t {
            #[inline(always)]
            fn np_cmp(self, other: Self) -> Option<std::cmp::Ordering> { self.partial_cmp(&other) }
        }
    )*};
}
np_ord_partial!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64);

macro_rules! np_ord_complex {
    ($($t:ty),*) => {$(
        impl NpOrd for $t {
            #[inline(always)]
            fn np_cmp(self, other: Self) -> Option<std::cmp::Ordering> {
                match self.re.partial_cmp(&other.re)? {
                    std::cmp::Ordering::Equal => self.im.partial_cmp(&other.im),
                    o => {
                        if self.im.is_nan() || other.im.is_nan() { None } else { Some(o) }
                    }
                }
            }
        }
    )*};
}
np_ord_complex!(C64, C128);

/// A constant comparison result of `shape`.
fn constant(shape: &[usize], v: bool) -> Result<DynArray> {
    let mut out = DynArray::zeros(shape, &DType::Bool.into())?;
    if v {
        out.fill(true)?;
    }
    Ok(out)
}

/// Elementwise comparison `op(a, b)` with NumPy's promotion (`numpy.equal`, `less` …).
/// Strings compare by code point (bytes by value), records field by field; a weak integer
/// outside the array's integer range compares by value, as NumPy 2 does
/// (`uint8_array == -1` is all false).
///
/// # Errors
/// Shapes that do not broadcast; ordering comparisons between strings and numbers.
pub fn compare<'a, 'b>(op: CompareOp, a: impl Into<Operand<'a>>, b: impl Into<Operand<'b>>) -> Result<DynArray> {
    let (a, b) = (a.into(), b.into());
    let (da, db) = (a.descr(), b.descr());
    let shape = dims::broadcast_operands(&[a.shape(), b.shape()])?;
    let eq_like = matches!(op, CompareOp::Equal | CompareOp::NotEqual);
    if da.is_string() && db.is_string() {
        return crate::strings::compare(op, &a.materialize()?, &b.materialize()?);
    }
    if da.is_string() != db.is_string() || da.is_compound() != db.is_compound() {
        if eq_like {
            return constant(&shape, op == CompareOp::NotEqual);
        }
        let shown = |o: &Operand<'_>| match o {
            Operand::Scalar(s) if !matches!(s, Scalar::Str(_) | Scalar::Bytes(_)) => {
                let c = match TypeArg::of_scalar(s) {
                    TypeArg::Int => "_PyLongDType",
                    TypeArg::Float => "_PyFloatDType",
                    TypeArg::Complex => "_PyComplexDType",
                    _ => "BoolDType",
                };
                format!("<class 'numpy.dtypes.{c}'>")
            }
            other => format!("<class 'numpy.dtypes.{}'>", dtype_class(&other.descr())),
        };
        return Err(Error::UFuncNoLoop { ufunc: op.name().into(), types: vec![shown(&a), shown(&b)] });
    }
    if let (Some(ra), Some(rb)) = (da.record_layout_of(), db.record_layout_of()) {
        if !eq_like || ra.fields().len() != rb.fields().len() {
            return Err(no_loop(op.name(), &a, &b));
        }
        let (xa, xb) = (a.materialize()?, b.materialize()?);
        let mut acc = constant(&shape, true)?;
        for i in 0..ra.fields().len() {
            let e = compare(CompareOp::Equal, &xa.field_at(i), &xb.field_at(i))?;
            let e = if e.ndim() > shape.len() { all_trailing(&e, shape.len())? } else { e };
            acc = and(&acc, &e)?;
        }
        return if op == CompareOp::Equal { Ok(acc) } else { not(&acc) };
    }
    if !da.is_numeric() || !db.is_numeric() {
        if eq_like && da == db {
            return compare_bytes(op, &a.materialize()?, &b.materialize()?);
        }
        return Err(no_loop(op.name(), &a, &b));
    }
    let r = result_type(&[a.type_arg(), b.type_arg()])?;
    let rt = match r.kind_of() {
        DescrKind::BFloat16 => DType::Float32,
        _ => r.numeric().ok_or_else(|| no_loop(op.name(), &a, &b))?,
    };
    // A weak integer out of the array's range: the answer is known from its sign.
    for (s, flipped) in [(&b, false), (&a, true)] {
        if let Operand::Scalar(Scalar::Int(v)) = s
            && matches!(rt.kind(), 'i' | 'u')
        {
            let info = crate::dtype::iinfo(rt)?;
            if *v < info.min || *v > info.max {
                let above = *v > info.max;
                // `x op v` for every x; `flipped` when the scalar is on the left.
                let x_less = above != flipped;
                let res = match op {
                    CompareOp::Equal => false,
                    CompareOp::NotEqual => true,
                    CompareOp::Less | CompareOp::LessEqual => x_less,
                    CompareOp::Greater | CompareOp::GreaterEqual => !x_less,
                };
                return constant(&shape, res);
            }
        }
    }
    // NumPy 2 compares int64 with uint64 by value (its mixed `qQ` loops), not through the
    // float64 they promote to, where `2**53 + 1 == 2**53` would hold.
    if rt == DType::Float64
        && let (Some(x), Some(y)) = (da.numeric(), db.numeric())
        && matches!((x, y), (DType::Int64, DType::UInt64) | (DType::UInt64, DType::Int64))
    {
        let native = |o: &Operand<'_>| -> Result<DynArray> { Ok(o.materialize()?.to_native_contiguous()) };
        let (xa, xb) = (native(&a)?, native(&b)?);
        let r = if x == DType::Int64 {
            crate::ops::compare_exact(op, &xa.typed::<i64>()?, &xb.typed::<u64>()?)?
        } else {
            crate::ops::compare_exact(op, &xa.typed::<u64>()?, &xb.typed::<i64>()?)?
        };
        return Ok(DynArray::from(r));
    }
    super::ufunc::compare_exec(op, &a, &b, rt)
}

fn and(a: &DynArray, b: &DynArray) -> Result<DynArray> {
    Ok(DynArray::from(crate::zip::zip_map(&a.typed::<bool>()?, &b.typed::<bool>()?, |x, y| x && y)?))
}

fn not(a: &DynArray) -> Result<DynArray> {
    Ok(DynArray::from(crate::zip::map(&a.typed::<bool>()?, |x: bool| !x)))
}

/// Reduces the trailing axes (a sub-array field) with logical and.
fn all_trailing(e: &DynArray, keep: usize) -> Result<DynArray> {
    let c = e.to_native_contiguous();
    let lead: usize = c.shape()[..keep].iter().product();
    let v = c.typed::<bool>()?.to_vec();
    let per = v.len().checked_div(lead).unwrap_or(0);
    let out: Vec<bool> = (0..lead).map(|i| v[i * per..(i + 1) * per].iter().all(|&x| x)).collect();
    Ok(DynArray::from(Array::from_shape_vec(&c.shape()[..keep], out)?))
}

/// Equality of raw elements (voids, datetimes of one unit) by their bytes.
fn compare_bytes<S1: DynData, S2: DynData>(op: CompareOp, a: &DynBase<S1>, b: &DynBase<S2>) -> Result<DynArray> {
    let shape = dims::broadcast_operands(&[a.shape(), b.shape()])?;
    let (x, y) = (a.broadcast_to(&shape)?.to_owned(), b.broadcast_to(&shape)?.to_owned());
    let (bx, by) = (x.to_bytes(), y.to_bytes());
    let item = x.itemsize().max(1);
    let out: Vec<bool> =
        bx.chunks(item).zip(by.chunks(item)).map(|(p, q)| (p == q) == (op == CompareOp::Equal)).collect();
    Ok(DynArray::from(Array::from_shape_vec(&shape, out)?))
}

impl<S: DynData> DynBase<S> {
    /// `self + rhs` with NumPy's promotion.
    ///
    /// # Errors
    /// As [`binary`].
    pub fn try_add<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        binary(BinaryOp::Add, self, rhs)
    }

    /// `self - rhs` with NumPy's promotion.
    ///
    /// # Errors
    /// As [`binary`].
    pub fn try_sub<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        binary(BinaryOp::Subtract, self, rhs)
    }

    /// `self * rhs` with NumPy's promotion.
    ///
    /// # Errors
    /// As [`binary`].
    pub fn try_mul<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        binary(BinaryOp::Multiply, self, rhs)
    }

    /// `self / rhs` (true division) with NumPy's promotion.
    ///
    /// # Errors
    /// As [`binary`].
    pub fn try_div<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        binary(BinaryOp::Divide, self, rhs)
    }

    /// `self % rhs` with NumPy's promotion.
    ///
    /// # Errors
    /// As [`binary`].
    pub fn try_rem<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        binary(BinaryOp::Remainder, self, rhs)
    }

    /// `self // rhs` with NumPy's promotion.
    ///
    /// # Errors
    /// As [`binary`].
    pub fn try_floor_div<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        binary(BinaryOp::FloorDivide, self, rhs)
    }

    /// Elementwise `self == rhs` (`numpy.equal`).
    ///
    /// # Errors
    /// As [`compare`].
    pub fn equal<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        compare(CompareOp::Equal, self, rhs)
    }

    /// Elementwise `self != rhs`.
    ///
    /// # Errors
    /// As [`compare`].
    pub fn not_equal<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        compare(CompareOp::NotEqual, self, rhs)
    }

    /// Elementwise `self < rhs`.
    ///
    /// # Errors
    /// As [`compare`].
    pub fn less<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        compare(CompareOp::Less, self, rhs)
    }

    /// Elementwise `self <= rhs`.
    ///
    /// # Errors
    /// As [`compare`].
    pub fn less_equal<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        compare(CompareOp::LessEqual, self, rhs)
    }

    /// Elementwise `self > rhs`.
    ///
    /// # Errors
    /// As [`compare`].
    pub fn greater<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        compare(CompareOp::Greater, self, rhs)
    }

    /// Elementwise `self >= rhs`.
    ///
    /// # Errors
    /// As [`compare`].
    pub fn greater_equal<'b>(&self, rhs: impl Into<Operand<'b>>) -> Result<DynArray> {
        compare(CompareOp::GreaterEqual, self, rhs)
    }

    /// True when the shapes match and every element compares equal after promotion
    /// (`numpy.array_equal`; NaN differs from NaN).
    #[must_use]
    pub fn array_equal<S2: DynData>(&self, other: &DynBase<S2>) -> bool {
        self.shape == other.shape
            && compare(CompareOp::Equal, self, other)
                .ok()
                .and_then(|e| e.typed::<bool>().ok().map(|v| v.iter().all(|x| x)))
                .unwrap_or(false)
    }
}

impl<S1: DynData, S2: DynData> PartialEq<DynBase<S2>> for DynBase<S1> {
    /// [`array_equal`](DynBase::array_equal).
    fn eq(&self, other: &DynBase<S2>) -> bool {
        self.array_equal(other)
    }
}

macro_rules! dyn_operator {
    ($Tr:ident, $m:ident, $op:expr) => {
        impl<'x, S1: DynData, S2: DynData> $Tr<&'x DynBase<S2>> for &'x DynBase<S1> {
            type Output = DynArray;
            /// Panics with NumPy's message where the function form returns an error.
            #[track_caller]
            fn $m(self, rhs: &'x DynBase<S2>) -> DynArray {
                crate::error::or_panic(binary($op, self, rhs))
            }
        }
        impl<'x, S1: crate::storage::Data, S2: DynData> $Tr<&'x DynBase<S2>> for &'x crate::array::ArrayBase<S1> {
            type Output = DynArray;
            /// A typed array with a dynamic one, with NumPy's promotion.
            #[track_caller]
            fn $m(self, rhs: &'x DynBase<S2>) -> DynArray {
                crate::error::or_panic(binary($op, self, rhs))
            }
        }
        impl<'x, S1: DynData, S2: crate::storage::Data> $Tr<&'x crate::array::ArrayBase<S2>> for &'x DynBase<S1> {
            type Output = DynArray;
            /// A dynamic array with a typed one, with NumPy's promotion.
            #[track_caller]
            fn $m(self, rhs: &'x crate::array::ArrayBase<S2>) -> DynArray {
                crate::error::or_panic(binary($op, self, rhs))
            }
        }
        impl<'x, S1: DynData> $Tr<Scalar> for &'x DynBase<S1> {
            type Output = DynArray;
            #[track_caller]
            fn $m(self, rhs: Scalar) -> DynArray {
                crate::error::or_panic(binary($op, self, rhs))
            }
        }
        dyn_operator!(@prim $Tr, $m, $op, f64, f32, i64, i32, u8, bool);
    };
    (@prim $Tr:ident, $m:ident, $op:expr, $($t:ty),*) => {$(
        impl<'x, S1: DynData> $Tr<$t> for &'x DynBase<S1> {
            type Output = DynArray;
            #[track_caller]
            fn $m(self, rhs: $t) -> DynArray {
                crate::error::or_panic(binary($op, self, rhs))
            }
        }
    )*};
}

dyn_operator!(Add, add, BinaryOp::Add);
dyn_operator!(Sub, sub, BinaryOp::Subtract);
dyn_operator!(Mul, mul, BinaryOp::Multiply);
dyn_operator!(Div, div, BinaryOp::Divide);
dyn_operator!(Rem, rem, BinaryOp::Remainder);
