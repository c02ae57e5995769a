//! The NaN-aware reductions (`numpy/lib/_nanfunctions_impl.py`): NaNs are replaced by
//! the operation's neutral value (`0` for sums, `1` for products, `±inf` for `nanargmin`
//! /`nanargmax`) and the ordinary reduction runs; `nanmin`/`nanmax` are `fmin`/`fmax`
//! reductions; `nanmean`, `nanvar` and `nanstd` divide by the count of non-NaN elements.
//! Integer and bool inputs hold no NaN and go straight to the ordinary reduction.

use nprs_core::dynarray::{DynView, Operand};
use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
use nprs_core::{DType, DynArray, Error, Order, Result, Scalar, UfuncOptions};

use super::{
    ReduceArgs, argmax_dyn, argmin_dyn, cumprod_dyn, cumsum_dyn, divide_into, mean_dyn, prod_dyn, sum_dyn, var_dyn,
};
use crate::ufuncs::{FMAX, FMIN, ISNAN, LOGICAL_AND, LOGICAL_NOT, MULTIPLY, SQRT, SUBTRACT};

/// True for float and complex dtypes (the ones that can hold NaN).
fn inexact(a: &DynView<'_>) -> bool {
    matches!(
        a.dtype().numeric(),
        Some(DType::Float16 | DType::Float32 | DType::Float64 | DType::Complex64 | DType::Complex128)
    )
}

/// NumPy's `_replace_nan`: a copy of `a` (in its C or F layout) with its NaNs replaced by
/// `value`, and the NaN mask; `None` for dtypes without NaN.
fn replace_nan(a: &DynView<'_>, value: impl Into<Scalar>) -> Result<Option<(DynArray, DynArray)>> {
    if !inexact(a) {
        return Ok(None);
    }
    let mask = ISNAN.call(&[Operand::Array(a.reborrow())], UfuncOptions::new())?;
    let order = if a.is_f_contiguous() && !a.is_c_contiguous() { Order::F } else { Order::C };
    let mut copy = a.to_owned_order(order);
    crate::putmask_dyn(&mut copy, &mask, value.into())?;
    Ok(Some((copy, mask)))
}

/// [`replace_nan`] with `0` and the mask of the elements that are not NaN, as `nanmean`
/// needs them: for native `float32`/`float64` two elementwise passes over `a` (the copy
/// in the same layout as `replace_nan`'s), else `replace_nan` and the negated mask.
fn zero_nan_valid(a: &DynView<'_>) -> Result<Option<(DynArray, DynArray)>> {
    use nprs_core::kernel::map;
    macro_rules! typed {
        ($F:ty) => {{
            let v = a.typed::<$F>()?;
            let copy = map(&v, |x: $F| if x.is_nan() { 0.0 } else { x });
            let valid = map(&v, |x: $F| !x.is_nan());
            return Ok(Some((DynArray::from(copy), DynArray::from(valid))));
        }};
    }
    if a.dtype().is_native() && a.is_aligned() {
        match a.dtype().numeric() {
            Some(DType::Float64) => typed!(f64),
            Some(DType::Float32) => typed!(f32),
            _ => {}
        }
    }
    let Some((copy, mask)) = replace_nan(a, 0)? else { return Ok(None) };
    let valid = LOGICAL_NOT.call(&[(&mask).into()], UfuncOptions::new())?;
    Ok(Some((copy, valid)))
}

/// `numpy.nansum`: [`sum_dyn`](super::sum_dyn) with NaNs counted as zero.
///
/// # Errors
/// As [`sum_dyn`](super::sum_dyn).
pub fn nansum_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    match replace_nan(a, 0)? {
        Some((r, _)) => sum_dyn(&r.view(), args),
        None => sum_dyn(a, args),
    }
}

/// `numpy.nanprod`: [`prod_dyn`](super::prod_dyn) with NaNs counted as one.
///
/// # Errors
/// As [`sum_dyn`](super::sum_dyn).
pub fn nanprod_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    match replace_nan(a, 1)? {
        Some((r, _)) => prod_dyn(&r.view(), args),
        None => prod_dyn(a, args),
    }
}

/// `numpy.nancumsum`: [`cumsum_dyn`](super::cumsum_dyn) with NaNs counted as zero.
///
/// # Errors
/// As [`cumsum_dyn`](super::cumsum_dyn).
pub fn nancumsum_dyn(a: &DynView<'_>, axis: Option<isize>) -> Result<DynArray> {
    match replace_nan(a, 0)? {
        Some((r, _)) => cumsum_dyn(&r.view(), axis),
        None => cumsum_dyn(a, axis),
    }
}

/// `numpy.nancumprod`: [`cumprod_dyn`](super::cumprod_dyn) with NaNs counted as one.
///
/// # Errors
/// As [`cumsum_dyn`](super::cumsum_dyn).
pub fn nancumprod_dyn(a: &DynView<'_>, axis: Option<isize>) -> Result<DynArray> {
    match replace_nan(a, 1)? {
        Some((r, _)) => cumprod_dyn(&r.view(), axis),
        None => cumprod_dyn(a, axis),
    }
}

/// `numpy.nanmax`: `fmax.reduce` (NaN only where a slice is all NaN; NumPy's
/// "All-NaN slice encountered" RuntimeWarning is not emitted).
///
/// # Errors
/// As [`max_dyn`](super::max_dyn) ("zero-size array to reduction operation fmax which has
/// no identity").
pub fn nanmax_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    warn_all_nan(FMAX.reduce(a, &args.reduce_options(None, args.keepdims))?)
}

/// NumPy's "All-NaN slice encountered" when a NaN-ignoring extremum left a NaN.
fn warn_all_nan(r: DynArray) -> Result<DynArray> {
    if inexact(&r.view()) {
        let nan = ISNAN.call(&[(&r).into()], UfuncOptions::new())?;
        if nan.typed::<bool>()?.iter().any(|b| b) {
            super::warn_runtime("All-NaN slice encountered")?;
        }
    }
    Ok(r)
}

/// `numpy.nanmin`: `fmin.reduce`.
///
/// # Errors
/// As [`nanmax_dyn`].
pub fn nanmin_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    warn_all_nan(FMIN.reduce(a, &args.reduce_options(None, args.keepdims))?)
}

/// `nanargmax`/`nanargmin`: NaN replaced by `∓inf`, NumPy's error for all-NaN slices.
fn nanarg(a: &DynView<'_>, axis: Option<isize>, keepdims: bool, max: bool) -> Result<DynArray> {
    let fill = if max { f64::NEG_INFINITY } else { f64::INFINITY };
    let Some((r, mask)) = replace_nan(a, fill)? else {
        return if max { argmax_dyn(a, axis, keepdims) } else { argmin_dyn(a, axis, keepdims) };
    };
    if mask.size() > 0 {
        let mut o = ReduceArgs::new();
        if let Some(ax) = axis {
            o = o.axis(ax);
        }
        let all = LOGICAL_AND.reduce(&mask.view(), &o.reduce_options(None, false))?;
        if all.typed::<bool>()?.iter().any(|b| b) {
            return Err(Error::AllNanSlice);
        }
    }
    if max { argmax_dyn(&r.view(), axis, keepdims) } else { argmin_dyn(&r.view(), axis, keepdims) }
}

/// `numpy.nanargmax`: the index of the largest non-NaN element.
///
/// # Errors
/// NumPy's "All-NaN slice encountered" (ValueError) when a slice holds only NaNs; as
/// [`argmax_dyn`](super::argmax_dyn).
pub fn nanargmax_dyn(a: &DynView<'_>, axis: Option<isize>, keepdims: bool) -> Result<DynArray> {
    nanarg(a, axis, keepdims, true)
}

/// `numpy.nanargmin`: the index of the smallest non-NaN element.
///
/// # Errors
/// As [`nanargmax_dyn`].
pub fn nanargmin_dyn(a: &DynView<'_>, axis: Option<isize>, keepdims: bool) -> Result<DynArray> {
    nanarg(a, axis, keepdims, false)
}

/// NumPy's `_divide_by_count`: the quotient in `num`'s dtype, 0/0 and x/0 silently.
fn divide_quiet(num: &DynArray, den: &DynArray) -> Result<DynArray> {
    errstate(ErrState::all(ErrAction::Ignore), || divide_into(num, den))
}

/// The number of non-NaN elements per result (`sum(~mask, dtype=intp)`).
fn count_valid(mask: &DynArray, args: &ReduceArgs<'_>, keepdims: bool) -> Result<DynArray> {
    let valid = LOGICAL_NOT.call(&[(mask).into()], UfuncOptions::new())?;
    count_true(&valid, args, keepdims)
}

/// The number of true elements of `valid` per result (`sum(valid, dtype=intp)`).
fn count_true(valid: &DynArray, args: &ReduceArgs<'_>, keepdims: bool) -> Result<DynArray> {
    let mut o = args.clone();
    o.initial = None;
    o.dtype = Some(DType::Int64);
    o.keepdims = keepdims;
    sum_dyn(&valid.view(), &o)
}

/// `numpy.nanmean`: the sum of the non-NaN elements (in the input's dtype, or `dtype`)
/// divided by their count; NaN for an all-NaN slice (without NumPy's warning).
///
/// # Errors
/// As [`mean_dyn`](super::mean_dyn).
pub fn nanmean_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    let Some((arr, valid)) = zero_nan_valid(a)? else { return mean_dyn(a, args) };
    let cnt = count_true(&valid, args, args.keepdims)?;
    if cnt.typed::<i64>()?.iter().any(|n| n == 0) {
        super::warn_runtime("Mean of empty slice")?;
    }
    let mut o = args.clone();
    o.initial = None;
    let tot = sum_dyn(&arr.view(), &o)?;
    divide_quiet(&tot, &cnt)
}

/// `numpy.nanvar` with `ddof`: NumPy's passes over the non-NaN elements (their mean with
/// `keepdims`, deviations with NaNs set to zero, squares — `x * conj(x)` for complex —,
/// their sum divided by `count - ddof`); NaN where `count - ddof <= 0`.
///
/// # Errors
/// As [`var_dyn`](super::var_dyn).
pub fn nanvar_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    let Some((arr, mask)) = replace_nan(a, 0)? else { return var_dyn(a, args) };
    let mut o = args.clone();
    o.initial = None;
    let cnt = count_valid(&mask, &o, true)?;
    let mut keep = o.clone();
    keep.keepdims = true;
    let avg = divide_quiet(&sum_dyn(&arr.view(), &keep)?, &cnt)?;
    let dev = SUBTRACT.call(&[(&arr).into(), (&avg).into()], UfuncOptions::new())?;
    let mut dev = dev.astype(arr.dtype())?;
    crate::putmask_dyn(&mut dev, &mask, 0)?;
    let sqr = match dev.dtype().numeric() {
        Some(DType::Complex64 | DType::Complex128) => {
            let conj = crate::ufuncs::CONJUGATE.call(&[(&dev).into()], UfuncOptions::new())?;
            let p = MULTIPLY.call(&[(&dev).into(), (&conj).into()], UfuncOptions::new())?;
            let real = if p.dtype().numeric() == Some(DType::Complex64) { DType::Float32 } else { DType::Float64 };
            p.astype(&real.into())?
        }
        _ => MULTIPLY.call(&[(&dev).into(), (&dev).into()], UfuncOptions::new())?,
    };
    let var = sum_dyn(&sqr.view(), &o)?;
    let cnt = if o.keepdims { cnt } else { cnt.into_shape(var.shape())? };
    let ddof = args.ddof;
    let dof: nprs_core::Array<f64> = nprs_core::kernel::map(&cnt.typed::<i64>()?, move |n: i64| n as f64 - ddof);
    let q = divide_quiet(&var, &DynArray::from(dof.clone()))?;
    let bad = DynArray::from(nprs_core::kernel::map(&dof, |d: f64| d <= 0.0));
    if bad.typed::<bool>()?.iter().any(|b| b) {
        super::warn_runtime("Degrees of freedom <= 0 for slice.")?;
    }
    let mut q = q;
    crate::putmask_dyn(&mut q, &bad, f64::NAN)?;
    Ok(q)
}

/// `numpy.nanstd`: the square root of [`nanvar_dyn`].
///
/// # Errors
/// As [`nanvar_dyn`].
pub fn nanstd_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    let v = nanvar_dyn(a, args)?;
    SQRT.call(&[(&v).into()], UfuncOptions::new())
}

/// The typed forms of the NaN-aware reductions: `nprs::nanmean(&a, ())` for `np.nanmean(a)`,
/// with the result types of [`ReduceMethods`](super::ReduceMethods) (`nanmean` of integers
/// is float64, `nanvar` of complex numbers real, `nanargmax` int64). Each runs the dynamic
/// function on a view of `a`, so there is one implementation.
mod typed {
    use nprs_core::dynarray::DynView;
    use nprs_core::kernel::Data;
    use nprs_core::{Array, ArrayBase, Result};

    use super::super::{ReduceArgs, ReduceElem, SumElem};

    macro_rules! typed_nan {
        ($($(#[$doc:meta])* $name:ident => $dyn:ident, $out:ty;)*) => {$(
            $(#[$doc])*
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($dyn), "`](super::", stringify!($dyn), ").")]
            pub fn $name<'w, S: Data>(a: &ArrayBase<S>, args: impl Into<ReduceArgs<'w>>) -> Result<Array<$out>>
            where
                S::Elem: ReduceElem,
            {
                super::$dyn(&DynView::from(a.view()), &args.into())?.into_typed()
            }
        )*};
    }
    typed_nan! {
        /// `numpy.nansum(a, …)`.
        nansum => nansum_dyn, <S::Elem as SumElem>::Out;
        /// `numpy.nanprod(a, …)`.
        nanprod => nanprod_dyn, <S::Elem as SumElem>::Out;
        /// `numpy.nanmax(a, …)`.
        nanmax => nanmax_dyn, S::Elem;
        /// `numpy.nanmin(a, …)`.
        nanmin => nanmin_dyn, S::Elem;
        /// `numpy.nanmean(a, …)`.
        nanmean => nanmean_dyn, <S::Elem as ReduceElem>::Mean;
        /// `numpy.nanvar(a, …)` (`ddof` in the arguments).
        nanvar => nanvar_dyn, <S::Elem as ReduceElem>::Var;
        /// `numpy.nanstd(a, …)`.
        nanstd => nanstd_dyn, <S::Elem as ReduceElem>::Var;
    }

    macro_rules! typed_nan_axis {
        ($($(#[$doc:meta])* $name:ident => $dyn:ident, $out:ty;)*) => {$(
            $(#[$doc])*
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($dyn), "`](super::", stringify!($dyn), ").")]
            pub fn $name<S: Data>(a: &ArrayBase<S>, axis: Option<isize>) -> Result<Array<$out>>
            where
                S::Elem: ReduceElem,
            {
                super::$dyn(&DynView::from(a.view()), axis)?.into_typed()
            }
        )*};
    }
    typed_nan_axis! {
        /// `numpy.nancumsum(a, axis)`.
        nancumsum => nancumsum_dyn, <S::Elem as SumElem>::Out;
        /// `numpy.nancumprod(a, axis)`.
        nancumprod => nancumprod_dyn, <S::Elem as SumElem>::Out;
    }

    /// `numpy.nanargmax(a, axis)`: int64 indices; NumPy's ValueError for an all-NaN slice.
    ///
    /// # Errors
    /// As [`nanargmax_dyn`](super::nanargmax_dyn).
    pub fn nanargmax<S: Data>(a: &ArrayBase<S>, axis: Option<isize>) -> Result<Array<i64>>
    where
        S::Elem: ReduceElem,
    {
        super::nanargmax_dyn(&DynView::from(a.view()), axis, false)?.into_typed()
    }

    /// `numpy.nanargmin(a, axis)`.
    ///
    /// # Errors
    /// As [`nanargmin_dyn`](super::nanargmin_dyn).
    pub fn nanargmin<S: Data>(a: &ArrayBase<S>, axis: Option<isize>) -> Result<Array<i64>>
    where
        S::Elem: ReduceElem,
    {
        super::nanargmin_dyn(&DynView::from(a.view()), axis, false)?.into_typed()
    }
}

pub use typed::{
    nanargmax, nanargmin, nancumprod, nancumsum, nanmax, nanmean, nanmin, nanprod, nanstd, nansum, nanvar,
};
