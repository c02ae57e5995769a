//! `numpy.ma`'s comparisons and mask/fill-value helpers: `allclose`, `allequal`,
//! `is_mask`, `count_masked`, `flatten_mask`, `maximum_fill_value`,
//! `minimum_fill_value`, `common_fill_value`.

use nprs_core::dtype::{DType, Descr, DescrKind};
use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
use nprs_core::kernel::{map, zip_map};
use nprs_core::{Array, Casting, DynArray, DynView, Operand, Scalar, UfuncOptions, broadcast_shapes};
use nprs_ufunc::Ufunc;
use nprs_ufunc::ufuncs::{ABSOLUTE, ADD, EQUAL, ISINF, LESS_EQUAL, MULTIPLY, SUBTRACT};

use crate::array::{MaData, MaskedArray, as_mask};
use crate::error::{Error, Result};
use crate::reduce::{Axis, extreme};
use crate::ufuncs::MaOperand;

fn call(u: &Ufunc, ops: &[Operand<'_>]) -> Result<DynArray> {
    Ok(u.call(ops, UfuncOptions::new())?)
}

/// A mask broadcast to `shape`, `false` everywhere for `nomask`.
fn full_mask(m: Option<&Array<bool>>, shape: &[usize]) -> Result<Array<bool>> {
    Ok(match m {
        Some(m) if m.shape() == shape => m.clone(),
        Some(m) => m.broadcast_to(shape)?.to_owned(),
        None => Array::full(shape, false)?,
    })
}

/// `ma.allequal(a, b, fill_value)`: whether `a` and `b` are equal wherever neither is
/// masked. Masked positions count as equal when `fill_value` is true (NumPy's default);
/// with `fill_value` false any masked element makes the answer false.
///
/// ```
/// use nprs_core::array;
/// let a = nprs_ma::masked_array(array![1.0, 2.0, 3.0], &array![false, false, true])?;
/// let b = nprs_core::DynArray::from(array![1.0, 2.0, 9.0]);
/// assert!(nprs_ma::allequal(&a, &b, true)?);
/// assert!(!nprs_ma::allequal(&a, &b, false)?);
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; dtypes without `equal`.
pub fn allequal<'a, 'b>(a: impl Into<MaOperand<'a>>, b: impl Into<MaOperand<'b>>, fill_value: bool) -> Result<bool> {
    let (a, b) = (a.into(), b.into());
    let shape = broadcast_shapes(&[a.data.shape(), b.data.shape()])?;
    let m = match (a.mask, b.mask) {
        (None, None) => None,
        (x, y) => Some(zip_map(&full_mask(x, &shape)?, &full_mask(y, &shape)?, |p, q| p | q)?),
    };
    if m.is_some() && !fill_value {
        return Ok(false);
    }
    let eq = as_mask(&call(&EQUAL, &[Operand::Array(a.data.reborrow()), Operand::Array(b.data.reborrow())])?.view())?;
    Ok(match m {
        None => eq.iter().all(|v| v),
        Some(m) => eq.iter().zip(m.iter()).all(|(e, masked)| e || masked),
    })
}

/// `ma.allclose(a, b, masked_equal, rtol, atol)`: whether `|a - b| <= atol + rtol·|b|`
/// wherever neither is masked (masked positions count as `masked_equal`); infinities
/// must sit at the same unmasked positions and be equal. An integer `b` is compared as
/// float64.
///
/// # Errors
/// Shapes that do not broadcast; non-numeric dtypes.
pub fn allclose<'a, 'b>(
    a: impl Into<MaOperand<'a>>,
    b: impl Into<MaOperand<'b>>,
    masked_equal: bool,
    rtol: f64,
    atol: f64,
) -> Result<bool> {
    let (a, b) = (a.into(), b.into());
    errstate(ErrState::all(ErrAction::Ignore), || allclose_quiet(&a, &b, masked_equal, rtol, atol))
}

fn allclose_quiet(a: &MaOperand<'_>, b: &MaOperand<'_>, masked_equal: bool, rtol: f64, atol: f64) -> Result<bool> {
    let x = a.data.reborrow();
    // y in result_type(y, 1.0): integers and bools as float64.
    let yt = b.data.dtype();
    let yf;
    let y = if matches!(yt.kind_of(), DescrKind::TimeDelta(_)) || is_inexact(yt) {
        b.data.reborrow()
    } else {
        yf = b.data.astype_casting(&DType::Float64.into(), Casting::Unsafe)?;
        yf.view()
    };
    let shape = broadcast_shapes(&[x.shape(), y.shape()])?;
    let m = zip_map(&full_mask(a.mask, &shape)?, &full_mask(b.mask, &shape)?, |p, q| p | q)?;
    let isinf = |v: &DynView<'_>| -> Result<Array<bool>> {
        let r = as_mask(&call(&ISINF, &[Operand::Array(v.reborrow())])?.view())?;
        full_mask(Some(&r), &shape)
    };
    let xinf = zip_map(&isinf(&x)?, &m, |i, masked| i && !masked)?;
    let ymask = full_mask(b.mask, &shape)?;
    let yinf = zip_map(&isinf(&y)?, &ymask, |i, masked| i && !masked)?;
    if xinf.iter().zip(yinf.iter()).any(|(p, q)| p != q) {
        return Ok(false);
    }
    let (xo, yo) = (|| Operand::Array(x.reborrow()), || Operand::Array(y.reborrow()));
    let eq = as_mask(&call(&EQUAL, &[xo(), yo()])?.view())?;
    let diff = call(&ABSOLUTE, &[Operand::Array(call(&SUBTRACT, &[xo(), yo()])?.view())])?;
    let scaled =
        call(&MULTIPLY, &[Operand::Scalar(Scalar::Float(rtol)), Operand::Array(call(&ABSOLUTE, &[yo()])?.view())])?;
    let bound = call(&ADD, &[Operand::Scalar(Scalar::Float(atol)), Operand::Array(scaled.view())])?;
    let close = as_mask(&call(&LESS_EQUAL, &[Operand::Array(diff.view()), Operand::Array(bound.view())])?.view())?;
    let (eq, close) = (full_mask(Some(&eq), &shape)?, full_mask(Some(&close), &shape)?);
    Ok(m.iter().zip(xinf.iter()).zip(eq.iter().zip(close.iter())).all(|((masked, inf), (e, c))| {
        if masked {
            masked_equal
        } else if inf {
            e
        } else {
            c
        }
    }))
}

fn is_inexact(d: &Descr) -> bool {
    d.numeric().is_some_and(|t| matches!(t.kind(), 'f' | 'c')) || matches!(d.kind_of(), DescrKind::BFloat16)
}

/// `ma.is_mask(m)`: whether `m` is a mask — an array of dtype bool (nprs has no
/// structured masks).
#[must_use]
pub fn is_mask(m: &DynView<'_>) -> bool {
    m.dtype().numeric() == Some(DType::Bool)
}

/// `ma.count_masked(a, axis)`: the number of masked elements along `axis` (`None`: all of
/// them, as a 0-d array).
///
/// # Errors
/// An axis out of range.
pub fn count_masked<D: MaData>(a: &MaskedArray<D>, axis: Axis) -> Result<Array<i64>> {
    let unmasked = a.count_axis(axis, false)?;
    let total = match axis {
        None => a.size(),
        Some(ax) => {
            let nd = a.ndim() as isize;
            a.shape()[(if ax < 0 { ax + nd } else { ax }) as usize]
        }
    } as i64;
    Ok(map(&unmasked, |c| total - c))
}

/// `ma.flatten_mask(mask)`: the mask as a 1-d array (nprs masks are never structured, so
/// this is the flattened mask).
///
/// # Errors
/// When the result cannot be allocated.
pub fn flatten_mask(mask: &Array<bool>) -> Result<Array<bool>> {
    Ok(mask.reshape(&[mask.size()][..])?.into_owned())
}

/// NumPy's filler of an extremum for a dtype: `extreme` for numbers (bools as the ints 0
/// and 1), int64's range without NaT for datetimes and timedeltas, `None` for strings.
fn extremum_fill(d: &Descr, largest: bool, name: &'static str) -> Result<Option<Scalar>> {
    Ok(Some(match d.kind_of() {
        DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => {
            Scalar::Int(if largest { i128::from(i64::MAX) } else { i128::from(i64::MIN) + 1 })
        }
        DescrKind::Numeric(DType::Bool) => Scalar::Int(i128::from(largest)),
        DescrKind::Numeric(_) | DescrKind::BFloat16 => extreme(d, largest)?,
        DescrKind::Unicode(_) | DescrKind::Bytes(_) => return Ok(None),
        _ => return Err(Error::Unsuitable { dtype: d.to_string(), extremum: name }),
    }))
}

/// `ma.maximum_fill_value(dtype)`: the value masked elements take in a maximum — the
/// dtype's smallest (`-inf` for floats, `-inf-infj` for complex numbers, `0` for bool);
/// `None` for strings, as NumPy has no filler for them.
///
/// # Errors
/// NumPy's `TypeError` for dtypes it has no filler for (records).
pub fn maximum_fill_value(dtype: &Descr) -> Result<Option<Scalar>> {
    extremum_fill(dtype, false, "maximum")
}

/// `ma.minimum_fill_value(dtype)`: the dtype's largest value (`inf` for floats, `1` for
/// bool; see [`maximum_fill_value`]).
///
/// # Errors
/// As [`maximum_fill_value`].
pub fn minimum_fill_value(dtype: &Descr) -> Result<Option<Scalar>> {
    extremum_fill(dtype, true, "minimum")
}

/// `ma.common_fill_value(a, b)`: the fill value of both when they are equal, else `None`.
///
/// # Errors
/// A dtype without a default fill value.
pub fn common_fill_value<D: MaData, E: MaData>(a: &MaskedArray<D>, b: &MaskedArray<E>) -> Result<Option<DynArray>> {
    let (fa, fb) = (a.fill_value()?, b.fill_value()?);
    let same = call(&EQUAL, &[Operand::Array(fa.view()), Operand::Array(fb.view())])
        .ok()
        .and_then(|r| r.item(&[]).ok())
        .is_some_and(|v| v == Scalar::Bool(true));
    Ok(same.then_some(fa))
}
