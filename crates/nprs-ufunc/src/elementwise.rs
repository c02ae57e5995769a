//! The elementwise helpers NumPy keeps beside its ufuncs: [`clip`], [`isclose`],
//! [`allclose`], [`nan_to_num`], [`real`], [`imag`], [`angle`], [`real_if_close_dyn`],
//! [`round`]/[`around`], [`select`], [`sinc_dyn`], [`unwrap_dyn`] and [`piecewise_dyn`], the
//! typed ones each with a dynamic twin (`clip_dyn`, …).
//!
//! The dynamic form is the implementation, and it is built as NumPy builds the function:
//! on the ufunc table where NumPy calls ufuncs (`clip` is `maximum` then `minimum` in the
//! common dtype, `isclose` NumPy's expression of `subtract`, `absolute`, `less_equal`,
//! `isfinite` and `equal`, `angle` is `arctan2`), on element kernels otherwise
//! (`nan_to_num`, `round`). The typed functions convert their arrays to dynamic views,
//! call it, and return the element type NumPy's rules give, so both agree by
//! construction.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_ufunc::{IsClose, clip, isclose};
//! let a = array![-2.0, 0.5, f64::NAN, 7.0];
//! let c = clip(&a, Some(0.0), Some(1.0))?;
//! assert_eq!(c.get(&[0])?, 0.0);
//! assert!(c.get(&[2])?.is_nan()); // NaN propagates, as NumPy 2
//! let close = isclose(&array![1.0, 2.0], &array![1.0 + 1e-9, 2.1], &IsClose::new())?;
//! assert_eq!(close.to_vec(), vec![true, false]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use nprs_core::dynarray::{DynBase, DynData, DynView, Operand};
use nprs_core::fpstatus::{ErrAction, errstate, geterr};
use nprs_core::kernel::{self, Data};
use nprs_core::{
    Array, ArrayBase, C64, C128, Cast, Casting, DType, Descr, DynArray, Element, Error, Result, Scalar, TypeArg,
    UfuncOptions, f16, finfo, iinfo, result_type,
};

use nprs_core::dims::broadcast_operands;

use crate::dispatch::{numeric_dtype, typed_cow, with_numeric};
use crate::elem::ElemRound;
use crate::select::{extract_dyn, place_dyn, where_dyn};
use crate::ufunc::table::{
    ABSOLUTE, ADD, ARCTAN2, BITWISE_AND, BITWISE_OR, EQUAL, ISFINITE, ISNAN, LESS, LESS_EQUAL, MAXIMUM, MINIMUM,
    MULTIPLY, POSITIVE, RINT, SUBTRACT,
};
use crate::ufunc::type_arg;

/// The same operand, borrowed again.
fn again<'a>(o: &'a Operand<'_>) -> Operand<'a> {
    match o {
        Operand::Array(v) => Operand::Array(v.reborrow()),
        Operand::Scalar(s) => Operand::Scalar(s.clone()),
    }
}

/// A ufunc call with default options.
fn call(u: &crate::Ufunc, inputs: &[Operand<'_>]) -> Result<DynArray> {
    u.call(inputs, UfuncOptions::new())
}

/// A dynamic view of a typed array.
fn dview<S: Data>(a: &ArrayBase<S>) -> DynView<'_> {
    DynView::from(a.view())
}

// ---------------------------------------------------------------------------------------
// clip

/// `numpy.clip(a, a_min, a_max)` for any numeric dtype: `minimum(maximum(a, a_min), a_max)`
/// in the common dtype of the three (a NaN anywhere gives NaN, as NumPy 2; complex numbers
/// compare lexicographically). Either bound may be `None`, or an array that broadcasts
/// with `a`; Rust numbers are NEP 50 weak scalars, and an integer bound beyond an integer
/// array's range is dropped as NumPy drops it (`clip(int8_array, 0, 300)` stays `int8`).
/// With both bounds `None` the result is `positive(a)`, a copy.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let a = DynArray::from(array![1i8, 50, 120]);
/// let r = nprs_ufunc::clip_dyn(&a, Some(10.into()), Some(300.into()))?;
/// assert_eq!(r.typed::<i8>()?.to_vec(), vec![10, 50, 120]);
/// let f = nprs_ufunc::clip_dyn(&a, None, Some(2.5.into()))?;
/// assert_eq!(f.typed::<f64>()?.to_vec(), vec![1.0, 2.5, 2.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; a weak integer bound out of range on the other side
/// (NumPy's OverflowError); dtypes without a common type; `positive` of a bool array
/// when neither bound is given (NumPy's TypeError).
pub fn clip_dyn<S: DynData>(
    a: &DynBase<S>,
    a_min: Option<Operand<'_>>,
    a_max: Option<Operand<'_>>,
) -> Result<DynArray> {
    let (mut lo, mut hi) = (a_min, a_max);
    if let Some(t) = a.dtype().numeric()
        && matches!(t.kind(), 'i' | 'u')
    {
        let info = iinfo(t)?;
        if matches!(lo, Some(Operand::Scalar(Scalar::Int(v))) if v <= info.min) {
            lo = None;
        }
        if matches!(hi, Some(Operand::Scalar(Scalar::Int(v))) if v >= info.max) {
            hi = None;
        }
    }
    let x = Operand::from(a);
    match (lo, hi) {
        (None, None) => call(&POSITIVE, &[x]),
        (None, Some(h)) => call(&MINIMUM, &[x, h]),
        (Some(l), None) => call(&MAXIMUM, &[x, l]),
        (Some(l), Some(h)) => {
            // NumPy's `clip` ufunc broadcasts the three together and runs in their common dtype.
            let shape = |o: &Operand<'_>| match o {
                Operand::Array(v) => v.shape().to_vec(),
                Operand::Scalar(_) => Vec::new(),
            };
            let (sx, sl, sh) = (shape(&x), shape(&l), shape(&h));
            broadcast_operands(&[&sx, &sl, &sh])?;
            let t = result_type(&[type_arg(&x), type_arg(&l), type_arg(&h)])?;
            if let Some(r) = clip_scalars(a, &t, &l, &h)? {
                return Ok(r);
            }
            let mut r = MAXIMUM.call(&[x, l], UfuncOptions::new().dtype(t))?;
            MINIMUM.call_all(&[h], UfuncOptions::new().inplace(r.view_mut()))?;
            Ok(r)
        }
    }
}

/// `clip` with scalar bounds of an array already in the result dtype `t`: one pass of
/// `minimum(maximum(x, lo), hi)` per element (the two loops' functions, so NaN and ties
/// between `-0.0` and `0.0` come out as from the two ufunc calls). `None` when the bounds
/// are arrays or the array needs a cast.
fn clip_scalars<S: DynData>(a: &DynBase<S>, t: &Descr, lo: &Operand<'_>, hi: &Operand<'_>) -> Result<Option<DynArray>> {
    use crate::elem::ElemExtrema;
    let (Operand::Scalar(l), Operand::Scalar(h)) = (lo, hi) else { return Ok(None) };
    let Some(t) = t.numeric() else { return Ok(None) };
    if a.dtype().numeric() != Some(t) || !a.dtype().is_native() {
        return Ok(None);
    }
    // Integer bounds outside the dtype take the ufuncs' path (NumPy's OverflowError).
    if matches!(t.kind(), 'i' | 'u') {
        let info = iinfo(t)?;
        let fits = |v: &Scalar| matches!(v, Scalar::Int(i) if *i >= info.min && *i <= info.max);
        if !fits(l) || !fits(h) {
            return Ok(None);
        }
    }
    fn run<T: ElemExtrema, S: DynData>(a: &DynBase<S>, l: &Scalar, h: &Scalar) -> Result<DynArray> {
        let d = Descr::from(T::DTYPE);
        let l = DynArray::full(&[], &d, l.clone())?.into_typed::<T>()?.to_vec()[0];
        let h = DynArray::full(&[], &d, h.clone())?.into_typed::<T>()?.to_vec()[0];
        Ok(DynArray::from(kernel::map(&typed_cow::<T, S>(a)?.view(), move |x: T| x.maximum(l).minimum(h))))
    }
    Ok(Some(match t {
        DType::Int8 => run::<i8, S>(a, l, h)?,
        DType::Int16 => run::<i16, S>(a, l, h)?,
        DType::Int32 => run::<i32, S>(a, l, h)?,
        DType::Int64 => run::<i64, S>(a, l, h)?,
        DType::UInt8 => run::<u8, S>(a, l, h)?,
        DType::UInt16 => run::<u16, S>(a, l, h)?,
        DType::UInt32 => run::<u32, S>(a, l, h)?,
        DType::UInt64 => run::<u64, S>(a, l, h)?,
        DType::Float32 => run::<f32, S>(a, l, h)?,
        DType::Float64 => run::<f64, S>(a, l, h)?,
        _ => return Ok(None),
    }))
}

/// `numpy.clip` of a typed array with bounds of its own element type (`None` for no
/// bound); the result keeps the element type. Array bounds and other types go through
/// [`clip_dyn`].
///
/// ```
/// use nprs_core::prelude::*;
/// assert_eq!(nprs_ufunc::clip(&array![1, 5, 9], Some(2), Some(6))?.to_vec(), vec![2, 5, 6]);
/// assert_eq!(nprs_ufunc::clip(&array![1.5, 9.0], None, Some(2.0))?.to_vec(), vec![1.5, 2.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`clip_dyn`] (with both bounds `None`, a bool array).
pub fn clip<S: Data>(a: &ArrayBase<S>, a_min: Option<S::Elem>, a_max: Option<S::Elem>) -> Result<Array<S::Elem>>
where
    S::Elem: Into<Scalar>,
{
    let bound = |b: Option<S::Elem>| b.map(|v| Operand::Scalar(v.into()));
    clip_dyn(&dview(a), bound(a_min), bound(a_max))?.into_typed()
}

// ---------------------------------------------------------------------------------------
// isclose / allclose

/// The tolerances of [`isclose`] and [`allclose`]: NumPy's defaults `rtol=1e-05`,
/// `atol=1e-08`, `equal_nan=False`, changed with the builder methods.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IsClose {
    /// The relative tolerance (`rtol`).
    pub rtol: f64,
    /// The absolute tolerance (`atol`).
    pub atol: f64,
    /// Whether NaN equals NaN (`equal_nan`).
    pub equal_nan: bool,
}

impl Default for IsClose {
    fn default() -> Self {
        IsClose { rtol: 1e-5, atol: 1e-8, equal_nan: false }
    }
}

impl IsClose {
    /// NumPy's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `rtol`.
    #[must_use]
    pub fn rtol(mut self, rtol: f64) -> Self {
        self.rtol = rtol;
        self
    }
    /// Sets `atol`.
    #[must_use]
    pub fn atol(mut self, atol: f64) -> Self {
        self.atol = atol;
        self
    }
    /// Sets `equal_nan`.
    #[must_use]
    pub fn equal_nan(mut self, equal_nan: bool) -> Self {
        self.equal_nan = equal_nan;
        self
    }
}

/// `numpy.isclose(a, b, rtol, atol, equal_nan)` for any numeric operands (arrays or Rust
/// numbers as weak scalars), broadcast together: NumPy's expression
/// `(|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b)`, with `b` first made inexact
/// (`result_type(b, 1.0)`) and invalid-value conditions ignored; with `equal_nan`, also
/// true where both are NaN. The result is a bool array (0-d for two scalars).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::IsClose;
/// let a = DynArray::from(array![1.0, f64::INFINITY, f64::NAN]);
/// let r = nprs_ufunc::isclose_dyn((&a).into(), (&a).into(), &IsClose::new().equal_nan(true))?;
/// assert_eq!(r.typed::<bool>()?.to_vec(), vec![true, true, true]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; non-numeric operands.
pub fn isclose_dyn(a: Operand<'_>, b: Operand<'_>, tol: &IsClose) -> Result<DynArray> {
    // `b` inexact, as NumPy makes it (`abs(int_min)` would otherwise overflow).
    let held;
    let y: Operand<'_> = match b {
        Operand::Array(v) => {
            let dt = result_type(&[TypeArg::DType(v.dtype().clone()), TypeArg::Float])?;
            if *v.dtype() == dt {
                Operand::Array(v)
            } else {
                held = v.astype(&dt)?;
                Operand::from(&held)
            }
        }
        #[allow(clippy::cast_precision_loss)] // NumPy's `float(y)` rounds as this does
        Operand::Scalar(Scalar::Int(i)) => Operand::Scalar(Scalar::Float(i as f64)),
        s @ Operand::Scalar(_) => s,
    };
    let x = a;
    if let Some(r) = isclose_one_pass(&x, &y, tol)? {
        return Ok(r);
    }
    let quiet = nprs_core::fpstatus::ErrState { invalid: ErrAction::Ignore, ..geterr() };
    errstate(quiet, || {
        let dist = call(&ABSOLUTE, &[Operand::from(&call(&SUBTRACT, &[again(&x), again(&y)])?)])?;
        let scaled = call(&MULTIPLY, &[tol.rtol.into(), Operand::from(&call(&ABSOLUTE, &[again(&y)])?)])?;
        let bound = call(&ADD, &[tol.atol.into(), Operand::from(&scaled)])?;
        let within = call(&LESS_EQUAL, &[Operand::from(&dist), Operand::from(&bound)])?;
        let finite = call(&ISFINITE, &[again(&y)])?;
        let both = call(&BITWISE_AND, &[Operand::from(&within), Operand::from(&finite)])?;
        let equal = call(&EQUAL, &[again(&x), again(&y)])?;
        let mut r = call(&BITWISE_OR, &[Operand::from(&both), Operand::from(&equal)])?;
        if tol.equal_nan {
            let nans = call(
                &BITWISE_AND,
                &[Operand::from(&call(&ISNAN, &[again(&x)])?), Operand::from(&call(&ISNAN, &[again(&y)])?)],
            )?;
            r = call(&BITWISE_OR, &[Operand::from(&r), Operand::from(&nans)])?;
        }
        Ok(r)
    })
}

/// [`isclose_dyn`] of two float64 or float32 arrays of one dtype and shape in one pass:
/// NumPy's expression per element, in the arrays' type (`rtol` and `atol` are weak
/// scalars there). `None` for other operands, when underflow is not ignored, and when a
/// step overflows somewhere (the ufunc-by-ufunc form then reports it as NumPy does).
fn isclose_one_pass(x: &Operand<'_>, y: &Operand<'_>, tol: &IsClose) -> Result<Option<DynArray>> {
    let (Operand::Array(xv), Operand::Array(yv)) = (x, y) else { return Ok(None) };
    if xv.dtype() != yv.dtype() || xv.shape() != yv.shape() || geterr().under != ErrAction::Ignore {
        return Ok(None);
    }
    // Bit 0: close; bit 1: a step overflowed from finite operands.
    macro_rules! run {
        ($T:ty) => {{
            let (Ok(a), Ok(b)) = (xv.typed::<$T>(), yv.typed::<$T>()) else { return Ok(None) };
            #[allow(clippy::cast_possible_truncation)] // weak Python floats take the array's type
            let (rtol, atol) = (tol.rtol as $T, tol.atol as $T);
            let equal_nan = tol.equal_nan;
            kernel::zip_map(&a, &b, move |x: $T, y: $T| {
                let dist = (x - y).abs();
                let scaled = rtol * y.abs();
                let bound = atol + scaled;
                let close = (dist <= bound && y.is_finite()) || x == y || (equal_nan && x.is_nan() && y.is_nan());
                let over = (x.is_finite() && y.is_finite() && dist.is_infinite())
                    || (y.is_finite() && rtol.is_finite() && scaled.is_infinite())
                    || (scaled.is_finite() && atol.is_finite() && bound.is_infinite());
                u8::from(close) | (u8::from(over) << 1)
            })?
        }};
    }
    let bits = match xv.dtype().numeric() {
        Some(DType::Float64) if xv.dtype().is_native() => run!(f64),
        Some(DType::Float32) if xv.dtype().is_native() => run!(f32),
        _ => return Ok(None),
    };
    let overflowed = match bits.as_slice() {
        Some(s) => s.iter().any(|b| b & 2 != 0),
        None => bits.iter().any(|b| b & 2 != 0),
    };
    if overflowed {
        return Ok(None);
    }
    Ok(Some(DynArray::from(kernel::map(&bits, |b| b & 1 != 0))))
}

/// `numpy.isclose` of two typed arrays (see [`isclose_dyn`]).
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::isclose(&array![1i32, 2], &array![1.0, 2.001], &nprs_ufunc::IsClose::new().atol(0.01))?;
/// assert_eq!(r.to_vec(), vec![true, true]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`isclose_dyn`].
pub fn isclose<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>, tol: &IsClose) -> Result<Array<bool>> {
    isclose_dyn(Operand::Array(dview(a)), Operand::Array(dview(b)), tol)?.into_typed()
}

/// `numpy.allclose`: whether [`isclose_dyn`] holds everywhere (true for empty operands).
///
/// # Errors
/// As [`isclose_dyn`].
pub fn allclose_dyn(a: Operand<'_>, b: Operand<'_>, tol: &IsClose) -> Result<bool> {
    let r = isclose_dyn(a, b, tol)?;
    let r = r.typed::<bool>()?;
    Ok(match r.as_slice() {
        Some(s) => s.iter().all(|&v| v),
        None => r.iter().all(|v| v),
    })
}

/// `numpy.allclose` of two typed arrays.
///
/// ```
/// use nprs_core::prelude::*;
/// assert!(nprs_ufunc::allclose(&array![1.0, 2.0], &array![1.0], &nprs_ufunc::IsClose::new().atol(1.5))?);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`isclose_dyn`].
pub fn allclose<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>, tol: &IsClose) -> Result<bool> {
    allclose_dyn(Operand::Array(dview(a)), Operand::Array(dview(b)), tol)
}

// ---------------------------------------------------------------------------------------
// nan_to_num

/// The replacements of [`nan_to_num`]: NaN by `nan` (default 0), +inf by `posinf` and
/// -inf by `neginf` (defaults: the largest and the most negative finite value of the
/// dtype). Values are converted to the array's float type as NumPy converts them
/// (`posinf = 1e10` in float16 is inf).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NanToNum {
    /// The value for NaN.
    pub nan: f64,
    /// The value for +inf (`None`: the dtype's maximum).
    pub posinf: Option<f64>,
    /// The value for -inf (`None`: the dtype's minimum).
    pub neginf: Option<f64>,
}

impl Default for NanToNum {
    fn default() -> Self {
        NanToNum { nan: 0.0, posinf: None, neginf: None }
    }
}

impl NanToNum {
    /// NumPy's defaults.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets `nan`.
    #[must_use]
    pub fn nan(mut self, v: f64) -> Self {
        self.nan = v;
        self
    }
    /// Sets `posinf`.
    #[must_use]
    pub fn posinf(mut self, v: f64) -> Self {
        self.posinf = Some(v);
        self
    }
    /// Sets `neginf`.
    #[must_use]
    pub fn neginf(mut self, v: f64) -> Self {
        self.neginf = Some(v);
        self
    }
}

/// Element types of `nan_to_num`: floats replace, complex numbers replace in each part,
/// bools and integers stay as they are.
pub trait NanToNumElem: Element {
    /// The element with NaN and infinities replaced.
    #[must_use]
    fn nan_to_num(self, r: &NanToNum) -> Self;
}

macro_rules! nan_to_num_float {
    ($($t:ty),*) => {$(
        impl NanToNumElem for $t {
            #[inline]
            fn nan_to_num(self, r: &NanToNum) -> Self {
                if self.is_nan() {
                    <$t as Cast>::cast_from(r.nan)
                } else if self == <$t>::INFINITY {
                    r.posinf.map_or(<$t>::MAX, <$t as Cast>::cast_from)
                } else if self == <$t>::NEG_INFINITY {
                    r.neginf.map_or(<$t>::MIN, <$t as Cast>::cast_from)
                } else {
                    self
                }
            }
        }
    )*};
}
nan_to_num_float!(f16, f32, f64);

macro_rules! nan_to_num_complex {
    ($($t:ty),*) => {$(
        impl NanToNumElem for $t {
            #[inline]
            fn nan_to_num(self, r: &NanToNum) -> Self {
                <$t>::new(self.re.nan_to_num(r), self.im.nan_to_num(r))
            }
        }
    )*};
}
nan_to_num_complex!(C64, C128);

macro_rules! nan_to_num_exact {
    ($($t:ty),*) => {$(
        impl NanToNumElem for $t {
            #[inline]
            fn nan_to_num(self, _: &NanToNum) -> Self {
                self
            }
        }
    )*};
}
nan_to_num_exact!(bool, i8, u8, i16, u16, i32, u32, i64, u64);

/// `numpy.nan_to_num(x, nan=, posinf=, neginf=)` for any numeric dtype, in a new array of
/// `x`'s dtype.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::NanToNum;
/// let a = DynArray::from(array![f64::NAN, f64::INFINITY, -1.0]);
/// let r = nprs_ufunc::nan_to_num_dyn(&a, &NanToNum::new().nan(-9.0))?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![-9.0, f64::MAX, -1.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-numeric array.
pub fn nan_to_num_dyn<S: DynData>(x: &DynBase<S>, r: &NanToNum) -> Result<DynArray> {
    let t = numeric_dtype(x, "nan_to_num")?;
    with_numeric!(t, T => {
        let v = typed_cow::<T, _>(x)?;
        Ok(DynArray::from(kernel::map(&v, move |e: T| e.nan_to_num(r))))
    })
}

/// `numpy.nan_to_num` of a typed array.
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::nan_to_num(&array![f32::NEG_INFINITY, 1.0], &nprs_ufunc::NanToNum::new())?;
/// assert_eq!(r.to_vec(), vec![f32::MIN, 1.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// None in practice (the signature matches the dynamic form's).
pub fn nan_to_num<S: Data>(x: &ArrayBase<S>, r: &NanToNum) -> Result<Array<S::Elem>>
where
    S::Elem: NanToNumElem,
{
    nan_to_num_dyn(&dview(x), r)?.into_typed()
}

// ---------------------------------------------------------------------------------------
// real, imag, angle, real_if_close

/// The real and imaginary parts of an element (a real number is its own real part, with
/// imaginary part 0), and the float type of its angle.
pub trait Parts: Element {
    /// The type of each part (`f64` for `complex128`; the type itself for real types).
    type Part: Element;
    /// The type `angle` returns (`arctan2(0, x)` for real types: `float16` for small
    /// integers, …; `float64` for bool).
    type Angle: Element;
    /// The real part.
    fn re(self) -> Self::Part;
    /// The imaginary part.
    fn im(self) -> Self::Part;
}

macro_rules! real_parts {
    ($($t:ty => $a:ty),*) => {$(
        impl Parts for $t {
            type Part = $t;
            type Angle = $a;
            #[inline]
            fn re(self) -> $t { self }
            #[inline]
            fn im(self) -> $t { <$t as Element>::zero() }
        }
    )*};
}
real_parts!(bool => f64, i8 => f16, u8 => f16, i16 => f32, u16 => f32, i32 => f64, u32 => f64, i64 => f64,
    u64 => f64, f16 => f16, f32 => f32, f64 => f64);

macro_rules! complex_parts {
    ($($t:ty => $p:ty),*) => {$(
        impl Parts for $t {
            type Part = $p;
            type Angle = $p;
            #[inline]
            fn re(self) -> $p { self.re }
            #[inline]
            fn im(self) -> $p { self.im }
        }
    )*};
}
complex_parts!(C64 => f32, C128 => f64);

/// `numpy.real`: the real part, in a new array (the part's dtype for complex arrays, a copy
/// otherwise; NumPy returns a view).
///
/// # Errors
/// A non-numeric array.
pub fn real_dyn<S: DynData>(z: &DynBase<S>) -> Result<DynArray> {
    let t = numeric_dtype(z, "real")?;
    with_numeric!(t, T => Ok(DynArray::from(kernel::map(&typed_cow::<T, _>(z)?, Parts::re))))
}

/// `numpy.imag`: the imaginary part, in a new array (zeros of the array's dtype for real
/// arrays; NumPy returns a view for complex arrays).
///
/// # Errors
/// A non-numeric array.
pub fn imag_dyn<S: DynData>(z: &DynBase<S>) -> Result<DynArray> {
    let t = numeric_dtype(z, "imag")?;
    with_numeric!(t, T => Ok(DynArray::from(kernel::map(&typed_cow::<T, _>(z)?, Parts::im))))
}

/// `numpy.real` of a typed array.
///
/// ```
/// use nprs_core::prelude::*;
/// let z = array![C128::new(1.0, 2.0), C128::new(-3.0, 0.5)];
/// assert_eq!(nprs_ufunc::real(&z)?.to_vec(), vec![1.0, -3.0]);
/// assert_eq!(nprs_ufunc::imag(&z)?.to_vec(), vec![2.0, 0.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// None in practice.
pub fn real<S: Data>(z: &ArrayBase<S>) -> Result<Array<<S::Elem as Parts>::Part>>
where
    S::Elem: Parts,
{
    real_dyn(&dview(z))?.into_typed()
}

/// `numpy.imag` of a typed array.
///
/// # Errors
/// None in practice.
pub fn imag<S: Data>(z: &ArrayBase<S>) -> Result<Array<<S::Elem as Parts>::Part>>
where
    S::Elem: Parts,
{
    imag_dyn(&dview(z))?.into_typed()
}

/// `numpy.angle(z, deg)`: `arctan2(imag, real)` for complex arrays, `arctan2(0, z)` for
/// real ones (in the float type `arctan2` picks: `float16` for `int8`), times `180/pi`
/// when `deg`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let z = DynArray::from(array![C64::new(1.0, 1.0), C64::new(-1.0, 0.0)]);
/// let r = nprs_ufunc::angle_dyn(&z, true)?;
/// assert_eq!(r.typed::<f32>()?.to_vec(), vec![45.0, 180.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-numeric array.
pub fn angle_dyn<S: DynData>(z: &DynBase<S>, deg: bool) -> Result<DynArray> {
    let t = numeric_dtype(z, "angle")?;
    let mut a = if t.kind() == 'c' {
        let (re, im) = (real_dyn(z)?, imag_dyn(z)?);
        call(&ARCTAN2, &[Operand::from(&im), Operand::from(&re)])?
    } else {
        call(&ARCTAN2, &[0.into(), Operand::from(z)])?
    };
    if deg {
        MULTIPLY.call_all(&[(180.0 / std::f64::consts::PI).into()], UfuncOptions::new().inplace(a.view_mut()))?;
    }
    Ok(a)
}

/// `numpy.angle` of a typed array.
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::angle(&array![1.0f32, -2.0], false)?;
/// assert_eq!(r.to_vec(), vec![0.0, std::f32::consts::PI]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// None in practice.
pub fn angle<S: Data>(z: &ArrayBase<S>, deg: bool) -> Result<Array<<S::Elem as Parts>::Angle>>
where
    S::Elem: Parts,
{
    angle_dyn(&dview(z), deg)?.into_typed()
}

/// `numpy.real_if_close(a, tol)`: the real part of a complex array whose imaginary parts
/// are all below `tol` (in machine epsilons of the dtype when `tol > 1`; NumPy's default
/// is 100), else a copy of `a`. Real arrays are returned as they are (copied).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let z = DynArray::from(array![C128::new(2.0, 1e-15), C128::new(5.0, 0.0)]);
/// let r = nprs_ufunc::real_if_close_dyn(&z, 100.0)?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![2.0, 5.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-numeric array.
pub fn real_if_close_dyn<S: DynData>(a: &DynBase<S>, tol: f64) -> Result<DynArray> {
    let t = numeric_dtype(a, "real_if_close")?;
    if t.kind() != 'c' {
        return Ok(a.to_owned());
    }
    let part = if t == DType::Complex64 { DType::Float32 } else { DType::Float64 };
    let tol = if tol > 1.0 { finfo(part)?.eps * tol } else { tol };
    let im = imag_dyn(a)?;
    let small = call(&LESS, &[Operand::from(&call(&ABSOLUTE, &[Operand::from(&im)])?), tol.into()])?;
    if small.typed::<bool>()?.iter().all(|v| v) { real_dyn(a) } else { Ok(a.to_owned()) }
}

// ---------------------------------------------------------------------------------------
// round / around

/// Element types `round` takes in the typed API (every numeric type but bool, whose
/// rounding NumPy does in float16).
pub trait RoundElem: Element {}
macro_rules! round_elem {
    ($($t:ty),*) => {$(impl RoundElem for $t {})*};
}
round_elem!(i8, u8, i16, u16, i32, u32, i64, u64, f16, f32, f64, C64, C128);

/// Rounding by element type, bool included (the dynamic form never calls it for bool).
trait RoundAny: Element {
    fn round_any(self, decimals: i32) -> Self;
}
impl RoundAny for bool {
    fn round_any(self, _: i32) -> Self {
        self
    }
}
macro_rules! round_any {
    ($($t:ty),*) => {$(
        impl RoundAny for $t {
            #[inline]
            fn round_any(self, decimals: i32) -> Self {
                self.round_decimals(decimals)
            }
        }
    )*};
}
round_any!(i8, u8, i16, u16, i32, u32, i64, u64, f16, f32, f64, C64, C128);

/// `numpy.round(a, decimals)` (`numpy.around`): NumPy's `PyArray_Round` element by element,
/// in `a`'s dtype. Floats are scaled by `10**decimals` (divided for negative `decimals`),
/// rounded half to even and scaled back in their own precision, as NumPy does (so
/// `round(2.675, 2)` is `2.68`: `2.675 * 100` is `267.5` in float64; Python's `round` gives
/// `2.67`); integers are returned unchanged for `decimals >= 0` and
/// rounded through float64 otherwise (`round(int8 126, -1)` wraps to `-126` as NumPy's
/// cast does); complex numbers round each part. A bool array rounds to float16 with
/// `decimals == 0` (`rint`) and is NumPy's casting error otherwise.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let a = DynArray::from(array![0.5, 1.5, 2.675, -0.125]);
/// assert_eq!(nprs_ufunc::round_dyn(&a, 0)?.typed::<f64>()?.to_vec(), vec![0.0, 2.0, 3.0, -0.0]);
/// assert_eq!(nprs_ufunc::round_dyn(&a, 2)?.typed::<f64>()?.to_vec(), vec![0.5, 1.5, 2.68, -0.12]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-numeric array; a bool array with `decimals != 0` ("Cannot cast ufunc 'multiply'
/// output from dtype('float64') to dtype('bool') with casting rule 'same_kind'").
pub fn round_dyn<S: DynData>(a: &DynBase<S>, decimals: i32) -> Result<DynArray> {
    let t = numeric_dtype(a, "round")?;
    if t == DType::Bool {
        if decimals == 0 {
            return call(&RINT, &[Operand::from(a)]);
        }
        return Err(Error::UFuncCast {
            ufunc: if decimals > 0 { "multiply" } else { "divide" }.into(),
            input: None,
            output: 0,
            numbered: false,
            from: Box::new(Descr::from(DType::Float64)),
            to: Box::new(Descr::from(DType::Bool)),
            casting: Casting::SameKind,
        });
    }
    with_numeric!(t, T => {
        let v = typed_cow::<T, _>(a)?;
        Ok(DynArray::from(kernel::map(&v, move |e: T| e.round_any(decimals))))
    })
}

/// `numpy.around`, the alias of [`round_dyn`].
///
/// # Errors
/// As [`round_dyn`].
pub fn around_dyn<S: DynData>(a: &DynBase<S>, decimals: i32) -> Result<DynArray> {
    round_dyn(a, decimals)
}

/// `numpy.round` of a typed array (see [`round_dyn`]).
///
/// ```
/// use nprs_core::prelude::*;
/// assert_eq!(nprs_ufunc::round(&array![15i32, 25, -35], -1)?.to_vec(), vec![20, 20, -40]);
/// assert_eq!(nprs_ufunc::round(&array![1.25f32, 2.5], 1)?.to_vec(), vec![1.2, 2.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// None in practice.
pub fn round<S: Data>(a: &ArrayBase<S>, decimals: i32) -> Result<Array<S::Elem>>
where
    S::Elem: RoundElem,
{
    round_dyn(&dview(a), decimals)?.into_typed()
}

/// `numpy.around`, the alias of [`round`].
///
/// # Errors
/// As [`round`].
pub fn around<S: Data>(a: &ArrayBase<S>, decimals: i32) -> Result<Array<S::Elem>>
where
    S::Elem: RoundElem,
{
    round(a, decimals)
}

// ---------------------------------------------------------------------------------------
// select

/// `numpy.select(condlist, choicelist, default)`: for each position, the element of the
/// first choice whose condition is true there, `default` where none is; everything
/// broadcast together, in `result_type` of the choices and the default (Rust numbers as
/// weak scalars).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let x = DynArray::from(Array::<i64>::arange(6));
/// let lt3 = nprs_ufunc::ufuncs::LESS.call(&[(&x).into(), 3.into()], Default::default())?;
/// let gt4 = nprs_ufunc::ufuncs::GREATER.call(&[(&x).into(), 4.into()], Default::default())?;
/// let sq = nprs_ufunc::ufuncs::MULTIPLY.call(&[(&x).into(), (&x).into()], Default::default())?;
/// let r = nprs_ufunc::select_dyn(&[lt3.view(), gt4.view()], &[(&x).into(), (&sq).into()], &0.5.into())?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![0.0, 1.0, 2.0, 0.5, 0.5, 25.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's ValueErrors "list of cases must be same length as list of conditions" and
/// "select with an empty condition list is not possible"; the TypeError "invalid entry 0
/// in condlist: should be boolean ndarray"; shapes that do not broadcast; choices without
/// a common dtype.
pub fn select_dyn(condlist: &[DynView<'_>], choicelist: &[Operand<'_>], default: &Operand<'_>) -> Result<DynArray> {
    if condlist.len() != choicelist.len() {
        return Err(Error::SelectLengths);
    }
    if condlist.is_empty() {
        return Err(Error::SelectEmpty);
    }
    let mut args: Vec<TypeArg> = choicelist.iter().map(type_arg).collect();
    args.push(type_arg(default));
    let dt = result_type(&args)?;
    let cond_shapes: Vec<&[usize]> = condlist.iter().map(|c| c.shape()).collect();
    nprs_core::broadcast_shapes(&cond_shapes)?;
    if let Some(index) = condlist.iter().position(|c| c.dtype().numeric() != Some(DType::Bool)) {
        return Err(Error::SelectCondition { index });
    }
    // Every value in the common dtype: the result of `where` then stays in it.
    let as_dt = |o: &Operand<'_>| -> Result<DynArray> {
        match o {
            Operand::Array(v) => v.astype(&dt),
            Operand::Scalar(s) => DynArray::from_scalars(&[], &dt, std::slice::from_ref(s)),
        }
    };
    let mut result = as_dt(default)?;
    for (cond, choice) in condlist.iter().zip(choicelist).rev() {
        let c = as_dt(choice)?;
        result = where_dyn(cond, Operand::from(&c), Operand::from(&result))?;
    }
    // With every condition and choice 0-d and the default broadcast, the shape is theirs.
    let mut shapes: Vec<&[usize]> = cond_shapes;
    shapes.push(result.shape());
    let shape = nprs_core::broadcast_shapes(&shapes)?;
    if result.shape() == shape.as_slice() { Ok(result) } else { Ok(result.broadcast_to(&shape)?.to_owned()) }
}

/// `numpy.select` of typed bool conditions and typed choices of one element type, with a
/// default of that type.
///
/// ```
/// use nprs_core::prelude::*;
/// let x = Array::<i64>::arange(5);
/// let small = nprs_core::kernel::map(&x, |v| v < 2);
/// let big = nprs_core::kernel::map(&x, |v| v > 3);
/// let r = nprs_ufunc::select(&[small, big], &[x.clone(), nprs_core::kernel::map(&x, |v| v * 10)], -1)?;
/// assert_eq!(r.to_vec(), vec![0, 1, -1, -1, 40]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`select_dyn`].
pub fn select<C: Data<Elem = bool>, S: Data>(
    condlist: &[ArrayBase<C>],
    choicelist: &[ArrayBase<S>],
    default: S::Elem,
) -> Result<Array<S::Elem>> {
    let conds: Vec<DynView<'_>> = condlist.iter().map(dview).collect();
    let choices: Vec<Operand<'_>> = choicelist.iter().map(|c| Operand::Array(dview(c))).collect();
    // The default in the choices' own type, so that it does not widen them.
    let d = DynArray::from(Array::from_elem_0d(default));
    select_dyn(&conds, &choices, &Operand::from(&d))?.into_typed()
}

// ---------------------------------------------------------------------------------------
// sinc, unwrap

/// `numpy.sinc(x)`: `sin(pi x) / (pi x)`, 1 at 0, computed as NumPy does (`y = pi * x`,
/// zeros replaced by the dtype's epsilon (1e-20 for complex numbers), `sin(y) / y`), in
/// `pi * x`'s dtype (float64 for integers).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let r = nprs_ufunc::sinc_dyn(&DynArray::from(array![0.0, 0.5, 1.0]))?;
/// let v = r.typed::<f64>()?.to_vec();
/// assert_eq!(v[0], 1.0);
/// assert!((v[1] - 2.0 / std::f64::consts::PI).abs() < 1e-15 && v[2].abs() < 1e-15);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-numeric or bool array (NumPy's `pi * x` of bools is float64 too: bools are
/// accepted and give float64).
pub fn sinc_dyn<S: DynData>(x: &DynBase<S>) -> Result<DynArray> {
    let px = call(&MULTIPLY, &[std::f64::consts::PI.into(), Operand::from(x)])?;
    let t = numeric_dtype(&px, "sinc")?;
    let eps = if t.kind() == 'f' { finfo(t)?.eps } else { 1e-20 };
    let y = where_dyn(&px, Operand::from(&px), eps)?;
    let sin = call(&crate::ufunc::table::SIN, &[Operand::from(&y)])?;
    call(&crate::ufunc::table::DIVIDE, &[Operand::from(&sin), Operand::from(&y)])
}

/// `numpy.unwrap(p, discont, axis, period)`: removes jumps larger than `discont` (default
/// `period / 2`) between neighbours along `axis` by adding multiples of `period`, as NumPy
/// computes it (`mod` of the differences into `[-period/2, period/2)`, the boundary kept
/// with the sign of the jump, cumulative corrections added to `p[1:]`), in
/// `result_type(diff(p), period)`. `period` is a float here (NumPy's integer `period`
/// with integer arrays, which keeps integers, is not offered).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let p = DynArray::from(array![0.0, 3.0, 6.5, 0.5]);
/// let r = nprs_ufunc::unwrap_dyn(&p, None, -1, std::f64::consts::TAU)?;
/// let tau = std::f64::consts::TAU;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![0.0, 3.0, 6.5 - tau, 0.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's AxisError for an axis out of range; a 0-d or non-numeric array.
pub fn unwrap_dyn<S: DynData>(p: &DynBase<S>, discont: Option<f64>, axis: isize, period: f64) -> Result<DynArray> {
    use nprs_core::{ELLIPSIS, SliceArg};
    numeric_dtype(p, "unwrap")?;
    nprs_core::dims::normalize_axis(axis, p.ndim())?;
    let pm = p.moveaxis(&[axis], &[-1])?;
    let tail: [SliceArg; 2] = [ELLIPSIS, (1..).into()];
    let head: [SliceArg; 2] = [ELLIPSIS, (..-1).into()];
    let (a1, a0) = (pm.try_slice(&tail)?, pm.try_slice(&head)?);
    let dd = call(&SUBTRACT, &[Operand::from(&a1), Operand::from(&a0)])?;
    let discont = discont.unwrap_or(period / 2.0);
    let dtype = result_type(&[TypeArg::DType(dd.dtype().clone()), TypeArg::Float])?;
    let high = period / 2.0;
    let low = -high;
    let shifted = call(&SUBTRACT, &[Operand::from(&dd), low.into()])?;
    let wrapped = call(&crate::ufunc::table::REMAINDER, &[Operand::from(&shifted), period.into()])?;
    let ddmod = call(&ADD, &[Operand::from(&wrapped), low.into()])?;
    let at_low = call(&EQUAL, &[Operand::from(&ddmod), low.into()])?;
    let rising = call(&crate::ufunc::table::GREATER, &[Operand::from(&dd), 0.into()])?;
    let flip = call(&BITWISE_AND, &[Operand::from(&at_low), Operand::from(&rising)])?;
    let ddmod = where_dyn(&flip, high, Operand::from(&ddmod))?;
    let correct = call(&SUBTRACT, &[Operand::from(&ddmod), Operand::from(&dd)])?;
    let small = call(&LESS, &[Operand::from(&call(&ABSOLUTE, &[Operand::from(&dd)])?), discont.into()])?;
    let correct = where_dyn(&small, 0, Operand::from(&correct))?;
    let ndim = correct.ndim();
    let cum = if ndim > 0 && correct.shape()[ndim - 1] > 0 { ADD.accumulate(&correct.view(), -1)? } else { correct };
    let mut up = pm.astype(&dtype)?;
    let fixed = call(&ADD, &[Operand::from(&a1), Operand::from(&cum)])?;
    up.try_slice_mut(&tail)?.assign(&fixed)?;
    Ok(up.moveaxis(&[-1], &[axis])?.to_owned())
}

// ---------------------------------------------------------------------------------------
// piecewise

/// One piece of [`piecewise_dyn`]: a constant, or a function of the selected elements.
pub enum Piece<'f> {
    /// `y[cond] = value`.
    Value(Scalar),
    /// `y[cond] = f(x[cond])`: `f` gets the selected elements as a 1-d array (it is not
    /// called when none is selected).
    Func(&'f dyn Fn(&DynArray) -> Result<DynArray>),
}

/// `numpy.piecewise(x, condlist, funclist)`: an array of `x`'s shape and dtype, zero
/// where no condition holds, each condition's piece where it holds (a later condition
/// overwrites an earlier one). With one piece more than conditions, the last applies
/// where none holds. Conditions are converted to bool (non-zero is true) and must have
/// `x`'s size.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{DynArray, UfuncOptions};
/// use nprs_ufunc::{Piece, ufuncs};
/// let x = DynArray::from(array![-2.0, -0.5, 0.5, 3.0]);
/// let neg = ufuncs::LESS.call(&[(&x).into(), 0.into()], UfuncOptions::new())?;
/// let double = |v: &DynArray| ufuncs::MULTIPLY.call(&[v.into(), 2.into()], UfuncOptions::new());
/// let r = nprs_ufunc::piecewise_dyn(&x, &[neg.view()], &[Piece::Value((-1.0).into()), Piece::Func(&double)])?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![-1.0, -1.0, 1.0, 6.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's "with 1 condition(s), either 1 or 2 functions are expected"; a condition of
/// another size; a piece's value that does not convert safely to `x`'s dtype (NumPy's
/// assignment casts unsafely); what a function returns.
pub fn piecewise_dyn<S: DynData>(x: &DynBase<S>, condlist: &[DynView<'_>], funclist: &[Piece<'_>]) -> Result<DynArray> {
    let n = condlist.len();
    let mut conds: Vec<DynArray> = condlist.iter().map(|c| c.astype(&DType::Bool.into())).collect::<Result<_>>()?;
    if n + 1 == funclist.len() {
        let mut any = DynArray::zeros(x.shape(), &DType::Bool.into())?;
        for c in &conds {
            any = call(&BITWISE_OR, &[Operand::from(&any), Operand::from(c)])?;
        }
        conds.push(call(&crate::ufunc::table::LOGICAL_NOT, &[Operand::from(&any)])?);
    } else if n != funclist.len() {
        return Err(Error::PiecewiseFunctions { n });
    }
    let mut y = DynArray::zeros(x.shape(), x.dtype())?;
    for (cond, piece) in conds.iter().zip(funclist) {
        match piece {
            Piece::Value(v) => place_dyn(&mut y, cond, v.clone())?,
            Piece::Func(f) => {
                let vals = extract_dyn(cond, x)?;
                if vals.size() > 0 {
                    let r = f(&vals)?;
                    place_dyn(&mut y, cond, &r)?;
                }
            }
        }
    }
    Ok(y)
}
