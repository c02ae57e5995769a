//! `numpy.emath` (also `numpy.lib.scimath`): the math functions whose result leaves the real
//! line for some real inputs — [`sqrt`], [`log`], [`log2`], [`log10`], [`logn`], [`power`],
//! [`arccos`], [`arcsin`], [`arctanh`] — giving the complex answer instead of NaN.
//!
//! NumPy's rule is decided per call, not per element: when any real element of the input
//! is outside the real domain (negative for the square root, logarithms and the base of
//! `power`; of magnitude above one for `arccos`, `arcsin`, `arctanh`), the whole input is
//! converted to complex first — `complex64` for `int8`, `int16`, `uint8`, `uint16` and
//! `float32` inputs, `complex128` for every other one (`float16` included) — and the
//! ordinary ufunc then runs. Otherwise the ordinary ufunc runs on the input as it is, so an
//! in-domain input gives the same real array as [`crate::ufuncs::SQRT`] and friends. The
//! result's dtype therefore depends on the values, which is why these functions return a
//! [`DynArray`]; NaN counts as in the domain (`NaN < 0` is false).
//!
//! Every function takes anything that is an [`Operand`]: a typed or dynamic array (by
//! reference, no copy) or a Rust number (a 0-d array of NumPy's default dtype for it:
//! `int64`, `float64`, `complex128`).
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{C128, DType};
//! use nprs_ufunc::emath;
//! // np.emath.sqrt(np.array([4.0, 9.0]))
//! let r = emath::sqrt(&array![4.0, 9.0])?;
//! assert_eq!(r.dtype(), &DType::Float64);
//! assert_eq!(r.typed::<f64>()?.to_vec(), vec![2.0, 3.0]);
//! // np.emath.sqrt(np.array([-4.0, 9.0])) -> array([0.+2.j, 3.+0.j])
//! let z = emath::sqrt(&array![-4.0, 9.0])?;
//! assert_eq!(z.typed::<C128>()?.to_vec(), vec![C128::new(0.0, 2.0), C128::new(3.0, 0.0)]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use nprs_core::dynarray::{DynView, Operand};
use nprs_core::{DType, Descr, DynArray, Result, Scalar, TypeArg, UfuncOptions, result_type};

use crate::Ufunc;
use crate::ufunc::table::{
    ABSOLUTE, ARCCOS, ARCSIN, ARCTANH, DIVIDE, GREATER, LESS, LOG, LOG2, LOG10, MULTIPLY, POWER, SQRT,
};

/// An operand as an array: a view of an array, or a 0-d array of a scalar's default dtype.
enum Held<'a> {
    View(DynView<'a>),
    Owned(DynArray),
}

impl Held<'_> {
    fn view(&self) -> DynView<'_> {
        match self {
            Held::View(v) => v.reborrow(),
            Held::Owned(a) => a.view(),
        }
    }
}

/// `np.asarray(x)`.
fn hold(x: Operand<'_>) -> Result<Held<'_>> {
    Ok(match x {
        Operand::Array(v) => Held::View(v),
        Operand::Scalar(s) => {
            let dt = result_type(&[TypeArg::of_scalar(&s)])?;
            Held::Owned(DynArray::from_scalars(&[], &dt, &[s])?)
        }
    })
}

/// Whether any element makes `test(x, bound)` true (`any(isreal(x) & (x < 0))` for a real
/// `x`; a complex input never needs converting, as it is complex already).
fn any_real(x: &DynView<'_>, test: &Ufunc, bound: Scalar, magnitude: bool) -> Result<bool> {
    if x.dtype().kind() == 'c' {
        return Ok(false);
    }
    let hits = if magnitude {
        let m = ABSOLUTE.call(&[Operand::Array(x.reborrow())], UfuncOptions::new())?;
        test.call(&[Operand::from(&m), bound.into()], UfuncOptions::new())?
    } else {
        test.call(&[Operand::Array(x.reborrow()), bound.into()], UfuncOptions::new())?
    };
    Ok(hits.typed::<bool>()?.iter().any(|b| b))
}

/// NumPy's `_tocomplex`: `complex64` for the small types, `complex128` for the rest.
fn to_complex(x: &DynView<'_>) -> Result<DynArray> {
    let small = matches!(
        x.dtype().numeric(),
        Some(DType::Float32 | DType::Int8 | DType::Int16 | DType::UInt8 | DType::UInt16 | DType::Complex64)
    );
    x.astype(&Descr::from(if small { DType::Complex64 } else { DType::Complex128 }))
}

/// The input, converted to complex when any real element is outside the domain.
fn fixed<'a>(x: Operand<'a>, magnitude: bool) -> Result<Held<'a>> {
    let h = hold(x)?;
    let test = if magnitude { &GREATER } else { &LESS };
    let bound = Scalar::Int(i128::from(magnitude));
    if x_numeric(&h.view())? && any_real(&h.view(), test, bound, magnitude)? {
        return Ok(Held::Owned(to_complex(&h.view())?));
    }
    Ok(h)
}

/// Whether the input is a number array; other dtypes go to the ufunc as they are, which
/// reports them in NumPy's words.
fn x_numeric(x: &DynView<'_>) -> Result<bool> {
    Ok(x.dtype().numeric().is_some())
}

fn unary(u: &Ufunc, x: Operand<'_>, magnitude: bool) -> Result<DynArray> {
    let h = fixed(x, magnitude)?;
    u.call(&[Operand::Array(h.view())], UfuncOptions::new())
}

/// `numpy.emath.sqrt`: the square root, complex when any real element is negative.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::C128;
/// let z = nprs_ufunc::emath::sqrt(-1)?; // np.emath.sqrt(-1) -> 1j
/// assert_eq!(z.typed::<C128>()?.to_vec(), vec![C128::new(0.0, 1.0)]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn sqrt<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&SQRT, x.into(), false)
}

/// `numpy.emath.log`: the natural logarithm, complex when any real element is negative.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::C128;
/// let z = nprs_ufunc::emath::log(&array![-1.0])?; // [πj]
/// assert_eq!(z.typed::<C128>()?.to_vec(), vec![C128::new(0.0, std::f64::consts::PI)]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn log<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&LOG, x.into(), false)
}

/// `numpy.emath.log2`: the base-2 logarithm, complex when any real element is negative.
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::emath::log2(&array![8.0])?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![3.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn log2<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&LOG2, x.into(), false)
}

/// `numpy.emath.log10`: the base-10 logarithm, complex when any real element is negative.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DType;
/// let r = nprs_ufunc::emath::log10(&array![-10.0, 100.0])?;
/// assert_eq!(r.dtype(), &DType::Complex128);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn log10<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&LOG10, x.into(), false)
}

/// `numpy.emath.logn(n, x)`: the logarithm of `x` to the base `n`, `log(x) / log(n)` with
/// each of `x` and `n` made complex when it has a negative real element; the two broadcast.
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::emath::logn(2, &array![8.0, 32.0])?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![3.0, 5.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; the ufuncs' errors.
pub fn logn<'a, 'b>(n: impl Into<Operand<'a>>, x: impl Into<Operand<'b>>) -> Result<DynArray> {
    let lx = log(x)?;
    let ln = log(n)?;
    DIVIDE.call(&[Operand::from(&lx), Operand::from(&ln)], UfuncOptions::new())
}

/// `numpy.emath.power(x, p)`: `x ** p`, with `x` made complex when it has a negative real
/// element and an integer `p` made float when it has a negative element (so negative
/// integer powers of integers are fractions, not NumPy's integer-power error).
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::emath::power(&array![2, 4], -2)?; // array([0.25, 0.0625])
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![0.25, 0.0625]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; the ufunc's errors.
pub fn power<'a, 'b>(x: impl Into<Operand<'a>>, p: impl Into<Operand<'b>>) -> Result<DynArray> {
    let x = fixed(x.into(), false)?;
    let p = hold(p.into())?;
    let pv = p.view();
    let p = if x_numeric(&pv)? && any_real(&pv, &LESS, Scalar::Int(0), false)? {
        // `p * 1.0`
        Held::Owned(MULTIPLY.call(&[Operand::Array(pv), 1.0.into()], UfuncOptions::new())?)
    } else {
        p
    };
    POWER.call(&[Operand::Array(x.view()), Operand::Array(p.view())], UfuncOptions::new())
}

/// `numpy.emath.arccos`: the inverse cosine, complex when any real element has magnitude
/// above one.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DType;
/// assert_eq!(nprs_ufunc::emath::arccos(&array![1.0])?.dtype(), &DType::Float64);
/// assert_eq!(nprs_ufunc::emath::arccos(&array![2.0])?.dtype(), &DType::Complex128);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn arccos<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&ARCCOS, x.into(), true)
}

/// `numpy.emath.arcsin`: the inverse sine, complex when any real element has magnitude
/// above one.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DType;
/// assert_eq!(nprs_ufunc::emath::arcsin(&array![0.5f32])?.dtype(), &DType::Float32);
/// assert_eq!(nprs_ufunc::emath::arcsin(&array![-1.5f32])?.dtype(), &DType::Complex64);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn arcsin<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&ARCSIN, x.into(), true)
}

/// `numpy.emath.arctanh`: the inverse hyperbolic tangent, complex when any real element
/// has magnitude above one.
///
/// ```
/// use nprs_core::prelude::*;
/// let r = nprs_ufunc::emath::arctanh(&array![0.0])?;
/// assert_eq!(r.typed::<f64>()?.to_vec(), vec![0.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// The ufunc's errors (no loop for the dtype, `errstate` set to raise).
pub fn arctanh<'a>(x: impl Into<Operand<'a>>) -> Result<DynArray> {
    unary(&ARCTANH, x.into(), true)
}
