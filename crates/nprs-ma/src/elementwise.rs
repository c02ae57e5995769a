//! `numpy.ma`'s elementwise functions that are not plain masked ufuncs: `maximum`/`minimum`
//! (and their `reduce`), `left_shift`/`right_shift`, `angle`, `around`, `round`, `clip`.
//! Each is nprs-ufunc's function on the data plus `numpy.ma`'s mask rule.

use nprs_core::{Casting, DynArray, DynView, Operand, can_cast};
use nprs_ufunc::Ufunc;
use nprs_ufunc::ufuncs::{GREATER, LEFT_SHIFT, LESS, MAXIMUM, MINIMUM, RIGHT_SHIFT};

use crate::array::{MaData, MaskedArray, or_opt};
use crate::error::Result;
use crate::reduce::{Axis, extreme, masked};
use crate::ufuncs::{MaOperand, apply};

impl MaOperand<'_> {
    /// The same operand, borrowed again.
    pub(crate) fn again(&self) -> MaOperand<'_> {
        MaOperand { data: self.data.reborrow(), mask: self.mask, fill: self.fill }
    }
}

/// `where(compare(a, b), a, b)`, NumPy's `_extrema_operation.__call__`.
fn extrema(compare: &Ufunc, a: MaOperand<'_>, b: MaOperand<'_>) -> Result<MaskedArray> {
    let cond = apply(compare, &[a.again(), b.again()])?;
    crate::manip::where_(&cond, a, b)
}

/// `ma.maximum(a, b)`: `a` where `a > b`, else `b` — masked where either is (the
/// comparison is masked there), `nomask` when neither has a mask.
///
/// ```
/// use nprs_core::array;
/// let a = nprs_ma::masked_array(array![1.0, 5.0, 3.0], &array![false, false, true])?;
/// let b = nprs_ma::masked_array(array![2.0, 4.0, 9.0], &array![false, false, false])?;
/// assert_eq!(nprs_ma::maximum(&a, &b)?.to_string(), "[2.0 5.0 --]");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; dtypes without a comparison.
pub fn maximum<'a, 'b>(a: impl Into<MaOperand<'a>>, b: impl Into<MaOperand<'b>>) -> Result<MaskedArray> {
    extrema(&GREATER, a.into(), b.into())
}

/// `ma.minimum(a, b)`: `a` where `a < b`, else `b` (see [`maximum`]).
///
/// # Errors
/// As [`maximum`].
pub fn minimum<'a, 'b>(a: impl Into<MaOperand<'a>>, b: impl Into<MaOperand<'b>>) -> Result<MaskedArray> {
    extrema(&LESS, a.into(), b.into())
}

/// `ufunc.reduce` of the data filled with the extremum's neutral value; masked where the
/// whole slice is (a masked array also when 0-d, as NumPy's `reduce` of a masked array).
fn extrema_reduce<D: MaData>(u: &Ufunc, largest_fill: bool, a: &MaskedArray<D>, axis: Axis) -> Result<MaskedArray> {
    let Some(_) = &a.mask else {
        return a.filled_reduce(u, nprs_core::Scalar::Int(0), axis, false, None, false);
    };
    let fill = extreme(&a.dtype(), largest_fill)?;
    let mut r = a.filled_reduce(u, fill, axis, false, None, false)?;
    if r.ndim() == 0 {
        // NumPy's 0-d `False` mask is `nomask` itself.
        r.shrink_mask();
    }
    Ok(r)
}

/// `ma.maximum.reduce(a, axis)`: the largest unmasked element along `axis` (`None`: all
/// of them). Masked positions count as the dtype's smallest value (NumPy's
/// `maximum_fill_value`); a fully masked slice is masked in the result (its data is that
/// value).
///
/// # Errors
/// An axis out of range; an empty slice (`maximum` has no identity); non-numeric dtypes.
pub fn maximum_reduce<D: MaData>(a: &MaskedArray<D>, axis: Axis) -> Result<MaskedArray> {
    extrema_reduce(&MAXIMUM, false, a, axis)
}

/// `ma.minimum.reduce(a, axis)` (see [`maximum_reduce`]).
///
/// # Errors
/// As [`maximum_reduce`].
pub fn minimum_reduce<D: MaData>(a: &MaskedArray<D>, axis: Axis) -> Result<MaskedArray> {
    extrema_reduce(&MINIMUM, true, a, axis)
}

/// `ma.left_shift`/`ma.right_shift`: the shift of `a` filled with 0; masked where `a` is.
fn shift<D: MaData>(u: &Ufunc, a: &MaskedArray<D>, n: MaOperand<'_>) -> Result<MaskedArray> {
    let data = match &a.mask {
        None => a.data.dyn_view().to_owned(),
        Some(_) => a.filled(Some(nprs_core::Scalar::Int(0)))?.into_dyn_array(),
    };
    let mut r = apply(u, &[(&data).into(), n])?;
    r.mask = or_opt(a.mask.as_ref(), r.mask.as_ref())?;
    Ok(r)
}

/// `ma.left_shift(a, n)`: `a << n` with masked elements of `a` shifted as 0 and masked.
///
/// # Errors
/// Non-integer dtypes (NumPy's `TypeError`); shapes that do not broadcast.
pub fn left_shift<'n, D: MaData>(a: &MaskedArray<D>, n: impl Into<MaOperand<'n>>) -> Result<MaskedArray> {
    shift(&LEFT_SHIFT, a, n.into())
}

/// `ma.right_shift(a, n)`: `a >> n` (see [`left_shift`]).
///
/// # Errors
/// As [`left_shift`].
pub fn right_shift<'n, D: MaData>(a: &MaskedArray<D>, n: impl Into<MaOperand<'n>>) -> Result<MaskedArray> {
    shift(&RIGHT_SHIFT, a, n.into())
}

/// NumPy's `_MaskedUnaryOperation` around a function that is not a ufunc (`angle`,
/// `around`): the function of all the data; masked positions then hold the input's data
/// when it casts `same_kind` to the result; the input's mask; `masked` for a masked 0-d
/// result.
fn unary_plain<D: MaData>(
    a: &MaskedArray<D>,
    f: impl Fn(&DynView<'_>) -> nprs_core::Result<DynArray>,
) -> Result<MaskedArray> {
    let d = a.data.dyn_view();
    let mut r = f(&d)?;
    if r.ndim() == 0 {
        return Ok(if a.is_masked() { masked() } else { MaskedArray::new(r) });
    }
    if let Some(m) = &a.mask
        && can_cast(d.dtype(), r.dtype(), Casting::SameKind)
    {
        let src = d.astype_casting(r.dtype(), Casting::Unsafe)?;
        r = nprs_ufunc::select::where_dyn(&DynArray::from(m.clone()), &src, &r)?;
    }
    let mut out = MaskedArray::from_parts(r, a.mask.clone());
    out.fill_value = a.fill_value.clone().filter(|f| f.dtype() == out.data.dtype());
    Ok(out)
}

/// `ma.angle(z, deg)`: the argument of each element; masked where `z` is.
///
/// # Errors
/// Non-numeric dtypes.
pub fn angle<D: MaData>(z: &MaskedArray<D>, deg: bool) -> Result<MaskedArray> {
    unary_plain(z, |d| nprs_ufunc::angle_dyn(d, deg))
}

/// `ma.around(a, decimals)`: NumPy's `around` of the data, masked where `a` is; masked
/// positions keep `a`'s data.
///
/// # Errors
/// Non-numeric dtypes; a bool array with `decimals != 0`.
pub fn around<D: MaData>(a: &MaskedArray<D>, decimals: i32) -> Result<MaskedArray> {
    unary_plain(a, |d| nprs_ufunc::around_dyn(d, decimals))
}

/// `ma.round(a, decimals)` (also `ma.round_`, `a.round()`): every element rounded (masked
/// ones too), with `a`'s mask and fill value; `masked` for a masked 0-d `a`.
///
/// # Errors
/// As [`around`].
pub fn round<D: MaData>(a: &MaskedArray<D>, decimals: i32) -> Result<MaskedArray> {
    let r = nprs_ufunc::round_dyn(&a.data.dyn_view(), decimals)?;
    if r.ndim() == 0 && a.is_masked() {
        return Ok(masked());
    }
    let mut out = MaskedArray::from_parts(r, a.mask.clone());
    out.fill_value = a.fill_value.clone().filter(|f| f.dtype() == out.data.dtype());
    out.hard_mask = a.hard_mask;
    Ok(out)
}

/// `ma.round_`: the same as [`round`].
///
/// # Errors
/// As [`round`].
pub fn round_<D: MaData>(a: &MaskedArray<D>, decimals: i32) -> Result<MaskedArray> {
    round(a, decimals)
}

/// `ma.clip(a, a_min, a_max)`: NumPy's `clip` of all the data, with `a`'s mask and fill
/// value (the bounds are plain values or arrays).
///
/// # Errors
/// As [`nprs_ufunc::clip_dyn`]: shapes that do not broadcast, bounds out of range.
pub fn clip<D: MaData>(
    a: &MaskedArray<D>,
    a_min: Option<Operand<'_>>,
    a_max: Option<Operand<'_>>,
) -> Result<MaskedArray> {
    let r = nprs_ufunc::clip_dyn(&a.data.dyn_view(), a_min, a_max)?;
    let mask = match &a.mask {
        Some(m) if m.shape() != r.shape() => Some(m.broadcast_to(r.shape())?.to_owned()),
        m => m.clone(),
    };
    let mut out = MaskedArray::from_parts(r, mask);
    out.fill_value = a.fill_value.clone().filter(|f| f.dtype() == out.data.dtype());
    out.hard_mask = a.hard_mask;
    Ok(out)
}
