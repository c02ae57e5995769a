//! The constructors: `masked_array` with NumPy's options, `masked_where` and its
//! shortcuts (`masked_equal`, `masked_greater`, `masked_inside`, …), `masked_invalid`,
//! `masked_values`, `fix_invalid`, and the mask helpers (`make_mask`, `mask_or`, …).

use nprs_core::dtype::DType;
use nprs_core::kernel::{map, zip_map};
use nprs_core::{Array, ArrayBase, CompareOp, DynArray, Operand, Scalar};
use nprs_ufunc::ufuncs::ISFINITE;

use crate::array::{MaData, MaskArg, MaskedArray, as_mask, mask_for, or_opt};
use crate::error::{Error, Result};

/// The options of `ma.masked_array` / `ma.array` besides the data.
#[derive(Clone, Debug)]
pub struct MaOptions<'a> {
    mask: MaskArg<'a>,
    fill_value: Option<Scalar>,
    keep_mask: bool,
    hard_mask: bool,
    shrink: bool,
}

impl Default for MaOptions<'_> {
    fn default() -> Self {
        MaOptions { mask: MaskArg::NoMask, fill_value: None, keep_mask: true, hard_mask: false, shrink: true }
    }
}

impl<'a> MaOptions<'a> {
    /// NumPy's defaults: no mask, the dtype's fill value, `keep_mask=True`,
    /// `hard_mask=False`, `shrink=True`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// `mask=`.
    #[must_use]
    pub fn mask(mut self, mask: impl Into<MaskArg<'a>>) -> Self {
        self.mask = mask.into();
        self
    }
    /// `fill_value=`.
    #[must_use]
    pub fn fill_value(mut self, value: impl Into<Scalar>) -> Self {
        self.fill_value = Some(value.into());
        self
    }
    /// `keep_mask=`: whether a masked array's own mask is ORed with `mask=` (the default)
    /// or replaced.
    #[must_use]
    pub fn keep_mask(mut self, keep: bool) -> Self {
        self.keep_mask = keep;
        self
    }
    /// `hard_mask=`.
    #[must_use]
    pub fn hard_mask(mut self, hard: bool) -> Self {
        self.hard_mask = hard;
        self
    }
    /// `shrink=`: with `keep_mask=False` and no `mask=`, `False` allocates an all-`False`
    /// mask instead of `nomask`.
    #[must_use]
    pub fn shrink(mut self, shrink: bool) -> Self {
        self.shrink = shrink;
        self
    }
}

/// `ma.masked_array(data, mask=mask)` (also `ma.array`).
///
/// ```
/// use nprs_core::array;
/// let m = nprs_ma::masked_array(array![1.0, 2.0], &array![true, false])?;
/// assert_eq!(format!("{m:?}"), "masked_array(data=[--, 2.0],\n             mask=[ True, False],\n       fill_value=1e+20)");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's `MaskError` when the mask's size is neither the data's nor 1.
pub fn masked_array<'m, D: MaData>(data: D, mask: impl Into<MaskArg<'m>>) -> Result<MaskedArray<D>> {
    MaskedArray::with_mask(data, mask)
}

/// `ma.masked_array(data, mask=…, fill_value=…, keep_mask=…, hard_mask=…, shrink=…)`:
/// `data` may be a masked array, whose mask `keep_mask` keeps (ORed with `mask=`).
///
/// # Errors
/// NumPy's `MaskError` for a mask of another size; NumPy's `TypeError` for a fill value
/// that does not convert to the dtype.
pub fn masked_array_with<D: MaData>(data: impl Into<MaskedArray<D>>, opts: &MaOptions<'_>) -> Result<MaskedArray<D>> {
    let mut m = data.into();
    let given = mask_for(m.shape(), &opts.mask)?;
    m.mask = match (given, opts.keep_mask) {
        (Some(g), true) => or_opt(Some(&g), m.mask.as_ref())?,
        (Some(g), false) => Some(g),
        (None, true) => m.mask.take(),
        // NumPy's `shrink` only decides what replaces a mask that is not kept.
        (None, false) if opts.shrink => None,
        (None, false) => Some(Array::full(m.shape(), false)?),
    };
    if let Some(v) = &opts.fill_value {
        m.set_fill_value(Some(v.clone()))?;
    }
    m.hard_mask = opts.hard_mask;
    Ok(m)
}

/// `ma.masked_where(condition, a)`: `a` masked where `condition` is true (ORed with `a`'s
/// own mask). A condition without any `true` leaves `nomask`.
///
/// # Errors
/// NumPy's `IndexError` when the condition's shape is not `a`'s.
pub fn masked_where<S, D: MaData>(condition: &ArrayBase<S>, a: impl Into<MaskedArray<D>>) -> Result<MaskedArray<D>>
where
    S: nprs_core::kernel::Data<Elem = bool>,
{
    let mut a = a.into();
    let cond = condition.to_owned();
    if !cond.shape().is_empty() && cond.shape() != a.shape() {
        return Err(Error::ConditionShape { condition: cond.shape().to_vec(), data: a.shape().to_vec() });
    }
    let cond =
        if cond.shape() == a.shape() { cond } else { Array::full(a.shape(), cond.iter().next().unwrap_or(false))? };
    let m = or_opt(Some(&cond), a.mask.as_ref())?;
    a.mask = m;
    a.shrink_mask();
    Ok(a)
}

/// The condition `filled(x) op value` as a mask.
fn compare<D: MaData>(x: &MaskedArray<D>, op: CompareOp, value: &Scalar) -> Result<Array<bool>> {
    let xf = x.filled(None)?;
    let r = nprs_core::dynarray::compare(op, &xf.dyn_view(), Operand::Scalar(value.clone()))?;
    as_mask(&r.view())
}

macro_rules! masked_cmp {
    ($(#[$doc:meta] $name:ident => $op:ident;)*) => {$(
        #[$doc]
        ///
        /// # Errors
        /// NumPy's errors when the comparison is not defined for the dtype.
        pub fn $name<D: MaData>(x: impl Into<MaskedArray<D>>, value: impl Into<Scalar>) -> Result<MaskedArray<D>> {
            let x = x.into();
            let cond = compare(&x, CompareOp::$op, &value.into())?;
            masked_where(&cond, x)
        }
    )*};
}

masked_cmp! {
    /// `ma.masked_not_equal(x, value)`: `x` masked where it is not `value`.
    masked_not_equal => NotEqual;
    /// `ma.masked_greater(x, value)`: `x` masked where it is greater than `value`.
    masked_greater => Greater;
    /// `ma.masked_greater_equal(x, value)`.
    masked_greater_equal => GreaterEqual;
    /// `ma.masked_less(x, value)`.
    masked_less => Less;
    /// `ma.masked_less_equal(x, value)`.
    masked_less_equal => LessEqual;
}

/// `ma.masked_equal(x, value)`: `x` masked where it equals `value`, whose fill value
/// becomes `value`.
///
/// # Errors
/// As [`masked_where`]; NumPy's `TypeError` when `value` is no fill value for the dtype.
pub fn masked_equal<D: MaData>(x: impl Into<MaskedArray<D>>, value: impl Into<Scalar>) -> Result<MaskedArray<D>> {
    let (x, value) = (x.into(), value.into());
    let cond = compare(&x, CompareOp::Equal, &value)?;
    let mut out = masked_where(&cond, x)?;
    out.set_fill_value(Some(value))?;
    Ok(out)
}

/// `ma.masked_inside(x, v1, v2)`: masked where `v1 <= x <= v2` (the bounds in either
/// order).
///
/// # Errors
/// As [`masked_where`].
pub fn masked_inside<D: MaData>(x: impl Into<MaskedArray<D>>, v1: f64, v2: f64) -> Result<MaskedArray<D>> {
    let x = x.into();
    let (lo, hi) = if v2 < v1 { (v2, v1) } else { (v1, v2) };
    let a = compare(&x, CompareOp::GreaterEqual, &Scalar::Float(lo))?;
    let b = compare(&x, CompareOp::LessEqual, &Scalar::Float(hi))?;
    masked_where(&zip_map(&a, &b, |p, q| p & q)?, x)
}

/// `ma.masked_outside(x, v1, v2)`: masked where `x < v1` or `x > v2` (the bounds in either
/// order).
///
/// # Errors
/// As [`masked_where`].
pub fn masked_outside<D: MaData>(x: impl Into<MaskedArray<D>>, v1: f64, v2: f64) -> Result<MaskedArray<D>> {
    let x = x.into();
    let (lo, hi) = if v2 < v1 { (v2, v1) } else { (v1, v2) };
    let a = compare(&x, CompareOp::Less, &Scalar::Float(lo))?;
    let b = compare(&x, CompareOp::Greater, &Scalar::Float(hi))?;
    masked_where(&zip_map(&a, &b, |p, q| p | q)?, x)
}

/// `~isfinite(data)` as a mask.
pub(crate) fn not_finite(d: &nprs_core::DynView<'_>) -> Result<Array<bool>> {
    // Native floats in one pass; everything else through `isfinite`'s loops.
    if let Ok(v) = d.typed::<f64>() {
        return Ok(map(&v, |x| !x.is_finite()));
    }
    if let Ok(v) = d.typed::<f32>() {
        return Ok(map(&v, |x| !x.is_finite()));
    }
    let f = ISFINITE.call(&[Operand::Array(d.reborrow())], nprs_core::UfuncOptions::new())?;
    Ok(map(&as_mask(&f.view())?, |x| !x))
}

/// `ma.masked_invalid(a)`: masked where the data is NaN or infinite. The result always has
/// a mask array (all `False` when nothing is invalid), as NumPy's.
///
/// # Errors
/// NumPy's `TypeError` for dtypes `isfinite` does not support.
pub fn masked_invalid<D: MaData>(a: impl Into<MaskedArray<D>>) -> Result<MaskedArray<D>> {
    let mut a = a.into();
    let cond = not_finite(&a.data.dyn_view())?;
    // `masked_where(~isfinite(a), a)` with the condition moved in: its mask shrunk to
    // `nomask` comes back as all `False`, so the result's mask is the OR as it is.
    a.mask = Some(match a.mask.take() {
        Some(m) => zip_map(&m, &cond, |p, q| p | q)?,
        None => cond,
    });
    Ok(a)
}

/// `ma.masked_values(x, value, rtol=1e-5, atol=1e-8, shrink=True)`: for floating-point
/// data masked where `isclose(x, value)`, otherwise where `x == value`; the fill value
/// becomes `value`.
///
/// # Errors
/// NumPy's `TypeError` when `value` is no fill value for the dtype.
pub fn masked_values<D: MaData>(
    x: impl Into<MaskedArray<D>>,
    value: f64,
    rtol: f64,
    atol: f64,
    shrink: bool,
) -> Result<MaskedArray<D>> {
    let x = x.into();
    let xnew = x.filled(Some(Scalar::Float(value)))?;
    let dv = xnew.dyn_view();
    let is_float = dv.dtype().numeric().is_some_and(|t| matches!(t, DType::Float16 | DType::Float32 | DType::Float64));
    let cond = if is_float {
        let f = dv.astype(&DType::Float64.into())?.into_typed::<f64>()?;
        // NumPy's isclose for finite values: |x - v| <= atol + rtol * |v|; equal
        // infinities are close; NaN never is.
        map(&f, move |e| {
            if e.is_finite() && value.is_finite() { (e - value).abs() <= atol + rtol * value.abs() } else { e == value }
        })
    } else {
        let r = nprs_core::dynarray::compare(CompareOp::Equal, &dv, Operand::Scalar(Scalar::Float(value)))?;
        as_mask(&r.view())?
    };
    let mut out = masked_array_with(MaskedArray::new(xnew), &MaOptions::new().mask(&cond))?;
    out.set_fill_value(Some(Scalar::Float(value)))?;
    if shrink {
        out.shrink_mask();
    }
    Ok(out)
}

/// `ma.fix_invalid(a, fill_value=None)`: `a` with NaN and infinite data masked and
/// replaced by `fill_value` (the array's fill value when `None`) in the data.
///
/// # Errors
/// As [`masked_invalid`]; NumPy's `TypeError` for a fill value of another kind.
pub fn fix_invalid<D: MaData>(a: impl Into<MaskedArray<D>>, fill_value: Option<Scalar>) -> Result<MaskedArray<D>> {
    let mut a = a.into();
    let invalid = not_finite(&a.data.dyn_view())?;
    if !invalid.iter().any(|x| x) {
        return Ok(a);
    }
    let f = a.fill_in_dtype(fill_value)?;
    let data = nprs_ufunc::select::where_dyn(&DynArray::from(invalid.clone()), &f, &a.data.dyn_view())?;
    a.data = D::from_dyn(data)?;
    a.mask = or_opt(Some(&invalid), a.mask.as_ref())?;
    Ok(a)
}

/// `ma.make_mask(m, shrink=True)`: any array as a mask (nonzero is `true`); with `shrink`,
/// `None` (`nomask`) when nothing is true.
///
/// # Errors
/// When the array's dtype does not convert to bool.
pub fn make_mask(m: &nprs_core::DynView<'_>, shrink: bool) -> Result<Option<Array<bool>>> {
    let mask = as_mask(m)?;
    if shrink && !mask.iter().any(|x| x) {
        return Ok(None);
    }
    Ok(Some(mask))
}

/// `ma.make_mask_none(shape)`: an all-`false` mask.
///
/// # Errors
/// When the shape is too large.
pub fn make_mask_none(shape: &[usize]) -> Result<Array<bool>> {
    Ok(Array::full(shape, false)?)
}

/// `ma.mask_or(m1, m2, shrink=True)`: the union of two masks (`None` is `nomask`); with
/// `shrink`, `nomask` when nothing is masked.
///
/// # Errors
/// NumPy's broadcasting error for masks of different shapes.
pub fn mask_or(m1: Option<&Array<bool>>, m2: Option<&Array<bool>>, shrink: bool) -> Result<Option<Array<bool>>> {
    let r = match (m1, m2) {
        (Some(a), Some(b)) if a.shape() != b.shape() => Some(zip_map(a, b, |x, y| x | y)?),
        _ => or_opt(m1, m2)?,
    };
    Ok(if shrink && r.as_ref().is_some_and(|m| !m.iter().any(|x| x)) { None } else { r })
}
