//! `ma.dot` (with `strict`), `ma.inner`, `ma.outer`, `ma.cov`, `ma.corrcoef` and the 2-d
//! helpers `compress_rowcols`/`compress_rows`/`compress_cols` and
//! `mask_rowcols`/`mask_rows`/`mask_cols`. The products are nprs-linalg's, on the data
//! filled with 0; the masks follow `numpy.ma`'s rules.

use nprs_core::dtype::DType;
use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
use nprs_core::kernel::{map, zip_map};
use nprs_core::{Array, DynArray, DynView, IndexArg, Operand, Scalar, UfuncOptions};
use nprs_ufunc::ufuncs::{DIVIDE, LOGICAL_OR, MULTIPLY, SUBTRACT};

use crate::array::{MaData, MaskedArray, as_mask};
use crate::error::{Error, Result};
use crate::reduce::masked;
use crate::ufuncs::apply;

/// The data filled with 0.
fn filled0<D: MaData>(a: &MaskedArray<D>) -> Result<D> {
    a.filled(Some(Scalar::Int(0)))
}

/// `_mask_propagate(a, axis)`: every lane along `axis` that holds a masked element becomes
/// all masked.
fn mask_propagate<D: MaData>(a: &MaskedArray<D>, axis: usize) -> Result<MaskedArray<D>> {
    let Some(m) = &a.mask else { return Ok(a.clone()) };
    if a.ndim() == 0 || !m.iter().any(|x| x) {
        return Ok(a.clone());
    }
    let any = LOGICAL_OR.reduce(
        &DynView::from(m.view()),
        &nprs_ufunc::ufunc::ReduceOptions::new().axis(axis as isize).keepdims(true),
    )?;
    let any = as_mask(&any.view())?;
    let anyb = any.broadcast_to(m.shape())?;
    let mut out = a.clone();
    out.mask = Some(zip_map(m, &anyb, |p, q| p | q)?);
    Ok(out)
}

/// `ma.dot(a, b, strict)`: the product of the data filled with 0; an element of the result
/// is masked when no pair of unmasked elements contributes to it. With `strict`, a row of
/// `a` (a column of `b`) holding a masked element masks its whole row (column) of the
/// result. The result has a mask array (`nomask` for an unmasked 0-d result).
///
/// # Errors
/// NumPy's "shapes … not aligned"; dtypes nprs-linalg does not multiply.
pub fn dot<D: MaData>(a: &MaskedArray<D>, b: &MaskedArray<D>, strict: bool) -> Result<MaskedArray> {
    let (a, b) = if strict && a.ndim() > 0 && b.ndim() > 0 {
        let lb = if b.ndim() == 1 { 0 } else { b.ndim() - 2 };
        (mask_propagate(a, a.ndim() - 1)?, mask_propagate(b, lb)?)
    } else {
        (a.clone(), b.clone())
    };
    let d = nprs_linalg::dynamic::dot(&filled0(&a)?.dyn_view(), &filled0(&b)?.dyn_view())?;
    let keep = |x: &MaskedArray<D>| -> Result<DynArray> { Ok(DynArray::from(map(&x.mask_array()?, |m| !m))) };
    let both = nprs_linalg::dynamic::dot(&keep(&a)?, &keep(&b)?)?;
    let m = map(&as_mask(&both.view())?, |x| !x);
    let mut out = MaskedArray::from_parts(d, Some(m));
    if out.ndim() == 0 {
        // NumPy sets the mask of a 0-d result element by element: unmasked is `nomask`.
        out.shrink_mask();
    }
    Ok(out)
}

/// `ma.inner(a, b)`: `numpy.inner` of the data filled with 0 (no mask).
///
/// # Errors
/// NumPy's "not aligned" error.
pub fn inner<D: MaData>(a: &MaskedArray<D>, b: &MaskedArray<D>) -> Result<MaskedArray> {
    let d = nprs_linalg::dynamic::inner(&filled0(a)?.dyn_view(), &filled0(b)?.dyn_view())?;
    Ok(MaskedArray::from_parts(d, None))
}

/// `ma.outer(a, b)`: `numpy.outer` (the ufunc `multiply.outer` of both flattened) of the
/// data filled with 0, masked where either
/// element is (`nomask` when neither input has a mask or nothing is masked).
///
/// # Errors
/// Dtypes nprs-linalg does not multiply.
pub fn outer<D: MaData>(a: &MaskedArray<D>, b: &MaskedArray<D>) -> Result<MaskedArray> {
    // `numpy.outer` is `multiply(a.ravel()[:, None], b.ravel()[None, :])`.
    let (fa, fb) = (filled0(a)?, filled0(b)?);
    let (va, vb) = (fa.dyn_view(), fb.dyn_view());
    let d = MULTIPLY.outer(
        &Operand::Array(va.reshape(&[va.size()][..])?.view()),
        &Operand::Array(vb.reshape(&[vb.size()][..])?.view()),
        UfuncOptions::new(),
    )?;
    if a.mask.is_none() && b.mask.is_none() {
        return Ok(MaskedArray::from_parts(d, None));
    }
    let (ma, mb) = (a.mask_array()?, b.mask_array()?);
    let m = LOGICAL_OR.outer(
        &Operand::Array(DynView::from(ma.view())),
        &Operand::Array(DynView::from(mb.view())),
        UfuncOptions::new(),
    )?;
    let m = as_mask(&m.reshape(&[a.size(), b.size()][..])?.view())?;
    let mut out = MaskedArray::from_parts(d, Some(m));
    out.shrink_mask();
    Ok(out)
}

/// Which lanes of a 2-d mask along `axis` (0: rows, 1: columns) hold a masked element.
/// Whether each index along `axis` has a masked element anywhere in its hyperplane
/// (`m.any(axis=every other axis)`).
fn lanes_masked(m: &Array<bool>, axis: usize) -> Vec<bool> {
    let n = m.shape()[axis];
    let inner: usize = m.shape()[axis + 1..].iter().product::<usize>().max(1);
    let mut out = vec![false; n];
    for (k, masked) in m.iter().enumerate() {
        if masked {
            out[(k / inner) % n] = true;
        }
    }
    out
}

fn check_2d<D: MaData>(x: &MaskedArray<D>, func: &'static str) -> Result<()> {
    if x.ndim() == 2 { Ok(()) } else { Err(Error::Not2d { func }) }
}

/// `ma.compress_nd(x, axis)`: the data without the slices along each of `axis` (every
/// axis for `None`) that hold a masked element. Nothing masked gives the data; a fully
/// masked array an empty float64 array, as NumPy's.
///
/// ```
/// use nprs_core::array;
/// use nprs_ma as ma;
///
/// let a = ma::masked_array(array![[1, 2, 3], [4, 5, 6]], &array![[false, true, false], [false, false, false]])?;
/// assert_eq!(ma::compress_nd(&a, None)?.to_string(), "[[4 6]]");
/// assert_eq!(ma::compress_nd(&a, Some(&[1]))?.to_string(), "[[1 3]\n [4 6]]");
/// # Ok::<(), ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's `AxisError`, repeated axes.
pub fn compress_nd<D: MaData>(x: &MaskedArray<D>, axis: Option<&[isize]>) -> Result<DynArray> {
    let axes: Vec<usize> = match axis {
        None => (0..x.ndim()).collect(),
        Some(a) => nprs_core::dims::normalize_axes(a, x.ndim())?,
    };
    let data = x.data.dyn_view().to_owned();
    let Some(m) = x.mask.as_ref().filter(|m| m.iter().any(|v| v)) else { return Ok(data) };
    if m.iter().all(|v| v) {
        return Ok(DynArray::zeros(&[0], &DType::Float64.into())?);
    }
    let mut out = data;
    for ax in axes {
        let keep = Array::from_vec(lanes_masked(m, ax).iter().map(|x| !x).collect());
        let mut args: Vec<IndexArg<'_>> = (0..ax).map(|_| IndexArg::full()).collect();
        args.push(IndexArg::from(&keep));
        out = out.index(&args)?;
    }
    Ok(out)
}

/// `ma.compress_rowcols(x, axis)`: the data of a 2-d masked array without the rows
/// (`axis = Some(0)`), the columns (`Some(1)`) or both (`None`) that hold a masked
/// element ([`compress_nd`] for 2-d arrays). A fully masked array gives an empty float64
/// array, as NumPy's.
///
/// # Errors
/// NumPy's `NotImplementedError` for arrays that are not 2-d; an axis out of range.
pub fn compress_rowcols<D: MaData>(x: &MaskedArray<D>, axis: Option<isize>) -> Result<DynArray> {
    check_2d(x, "compress_rowcols")?;
    compress_nd(x, axis.as_ref().map(std::slice::from_ref))
}

/// `ma.compress_rows(a)`: the rows without a masked element.
///
/// # Errors
/// NumPy's `NotImplementedError` for arrays that are not 2-d.
pub fn compress_rows<D: MaData>(a: &MaskedArray<D>) -> Result<DynArray> {
    check_2d(a, "compress_rows")?;
    compress_rowcols(a, Some(0))
}

/// `ma.compress_cols(a)`: the columns without a masked element.
///
/// # Errors
/// NumPy's `NotImplementedError` for arrays that are not 2-d.
pub fn compress_cols<D: MaData>(a: &MaskedArray<D>) -> Result<DynArray> {
    check_2d(a, "compress_cols")?;
    compress_rowcols(a, Some(1))
}

/// `ma.mask_rowcols(a, axis)`: every row (`axis = Some(0)`), column (`Some(1)`) or both
/// (`None`) holding a masked element masked entirely.
///
/// # Errors
/// NumPy's `NotImplementedError` for arrays that are not 2-d; an axis out of range.
pub fn mask_rowcols<D: MaData>(a: &MaskedArray<D>, axis: Option<isize>) -> Result<MaskedArray<D>> {
    check_2d(a, "mask_rowcols")?;
    let mut out = a.clone();
    let Some(m) = a.mask.as_ref().filter(|m| m.iter().any(|v| v)) else { return Ok(out) };
    let ax = axis.map(|x| nprs_core::dims::normalize_axis(x, 2)).transpose()?;
    let rows = if ax != Some(1) { lanes_masked(m, 0) } else { vec![false; m.shape()[0]] };
    let cols = if ax != Some(0) { lanes_masked(m, 1) } else { vec![false; m.shape()[1]] };
    let n = m.shape()[1];
    let v: Vec<bool> = m.iter().enumerate().map(|(k, x)| x | rows[k / n] | cols[k % n]).collect();
    out.mask = Some(Array::from_shape_vec(m.shape(), v)?);
    Ok(out)
}

/// `ma.mask_rows(a)`: [`mask_rowcols`] along rows.
///
/// # Errors
/// As [`mask_rowcols`].
pub fn mask_rows<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    mask_rowcols(a, Some(0))
}

/// `ma.mask_cols(a)`: [`mask_rowcols`] along columns.
///
/// # Errors
/// As [`mask_rowcols`].
pub fn mask_cols<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    mask_rowcols(a, Some(1))
}

/// `ma.cov(x, rowvar=…, ddof=…)` of a 1-d or 2-d masked array (as float64): each
/// variable's mean over its unmasked observations taken out, then products over the
/// observations both variables have, divided by their count less `ddof` (`None`: 1);
/// masked where that is not positive.
///
/// # Errors
/// Arrays of more than two dimensions; complex and non-numeric dtypes.
pub fn cov<D: MaData>(x: &MaskedArray<D>, rowvar: bool, ddof: Option<i64>) -> Result<MaskedArray> {
    let ddof = ddof.unwrap_or(1);
    let t = x.dtype().numeric().ok_or_else(|| Error::NotNumeric { op: "cov", dtype: x.dtype().name() })?;
    if matches!(t, DType::Complex64 | DType::Complex128) || x.ndim() > 2 {
        return Err(Error::NotNumeric { op: "cov", dtype: x.dtype().name() });
    }
    let data = x.data.dyn_view().astype(&DType::Float64.into())?;
    let mut xf = MaskedArray::from_parts(data, x.mask.clone());
    if xf.ndim() < 2 {
        xf = xf.expand_dims(&[0])?;
    }
    let rowvar = rowvar || xf.shape()[0] == 1;
    let obs_axis = if rowvar { 1 } else { 0 };
    // `x -= x.mean(axis)`: masked elements keep their data.
    let mean = xf.mean(Some(obs_axis), true)?;
    let mut mask = xf.mask_array()?;
    if let Some(mm) = &mean.mask {
        mask = zip_map(&mask, &mm.broadcast_to(mask.shape())?, |p, q| p | q)?;
    }
    let md = nprs_ufunc::select::where_dyn(
        &DynArray::from(mask.clone()),
        &DynArray::zeros(&[], &DType::Float64.into())?,
        &mean.data.broadcast_to(mask.shape())?.to_owned(),
    )?;
    let centered = SUBTRACT.call(&[Operand::Array(xf.data.view()), Operand::Array(md.view())], UfuncOptions::new())?;
    let xc = MaskedArray::from_parts(centered, Some(mask.clone()));
    let notmask = DynArray::from(map(&mask, |m| if m { 0.0f32 } else { 1.0f32 }));
    let filled = filled0(&xc)?;
    let (fact, prod) = if rowvar {
        (nprs_linalg::dynamic::dot(&notmask, &notmask.t())?, nprs_linalg::dynamic::dot(&filled, &filled.t())?)
    } else {
        (nprs_linalg::dynamic::dot(&notmask.t(), &notmask)?, nprs_linalg::dynamic::dot(&filled.t(), &filled)?)
    };
    let fact = SUBTRACT
        .call(&[Operand::Array(fact.view()), Operand::Scalar(Scalar::Int(i128::from(ddof)))], UfuncOptions::new())?;
    let fmask = map(&fact.astype(&DType::Float64.into())?.into_typed::<f64>()?, |f| f <= 0.0);
    let q = errstate(ErrState::all(ErrAction::Ignore), || {
        DIVIDE.call(&[Operand::Array(prod.view()), Operand::Array(fact.view())], UfuncOptions::new())
    })?;
    MaskedArray::from_parts(q, Some(fmask)).squeeze(None)
}

/// `ma.corrcoef(x, rowvar=…)`: [`cov`] divided by the outer product of the square roots
/// of its diagonal (`numpy.ma`'s `sqrt`, `multiply.outer` and in-place division: masked
/// data keeps the covariance).
///
/// # Errors
/// As [`cov`].
pub fn corrcoef<D: MaData>(x: &MaskedArray<D>, rowvar: bool) -> Result<MaskedArray> {
    let c = cov(x, rowvar, None)?;
    if c.ndim() < 2 {
        // NumPy's `diagonal` of a 0-d covariance fails: `masked`.
        return Ok(masked());
    }
    let n = c.shape()[0];
    let diag_pos: Vec<i64> = (0..n as i64).map(|i| i * n as i64 + i).collect();
    let diag = c.gather(&Array::from_vec(diag_pos))?;
    let std = apply(&nprs_ufunc::ufuncs::SQRT, &[(&diag).into()])?;
    let outer_d =
        MULTIPLY.outer(&Operand::Array(std.data.view()), &Operand::Array(std.data.view()), UfuncOptions::new())?;
    let om = std.mask.as_ref().map(|m| {
        let v: Vec<bool> = m.iter().collect();
        Array::from_shape_vec(&[n, n], (0..n * n).map(|k| v[k / n] | v[k % n]).collect())
            .unwrap_or_else(|_| unreachable!())
    });
    // `corr /= outer`: masked where either is or the divisor is unsafe; masked data stays.
    let cd = c.data.to_typed::<f64>()?;
    let od = outer_d.to_typed::<f64>()?;
    let tiny = f64::MIN_POSITIVE;
    let dom = zip_map(&cd, &od, |a, b| a.abs() * tiny >= b.abs())?;
    let mut mask = zip_map(&c.mask_array()?, &dom, |p, q| p | q)?;
    if let Some(om) = &om {
        mask = zip_map(&mask, om, |p, q| p | q)?;
    }
    let data: Vec<f64> =
        cd.iter().zip(od.iter()).zip(mask.iter()).map(|((a, b), m)| if m { a } else { a / b }).collect();
    Ok(MaskedArray::from_parts(DynArray::from(Array::from_shape_vec(&[n, n], data)?), Some(mask)))
}

/// `ma.polyfit(x, y, deg, rcond, w)`: nprs-linalg's `polyfit` on the points where neither
/// `x` nor `y` is masked (for a 2-d `y`, the rows of `y` without a masked element), the
/// weights taken at the same points. Data are fitted as float64.
///
/// # Errors
/// NumPy's `TypeError` "Expected a 1D or 2D array for y!"; as nprs-linalg's `polyfit`.
pub fn polyfit<D: MaData, E: MaData>(
    x: &MaskedArray<D>,
    y: &MaskedArray<E>,
    deg: i64,
    rcond: Option<f64>,
    w: Option<&Array<f64>>,
) -> Result<Array<f64>> {
    let ym = match y.ndim() {
        1 => y.mask.clone(),
        2 => mask_rows(y)?.mask.map(|m| m.slice(nprs_core::s![.., 0]).to_owned()),
        _ => return Err(Error::PolyfitY),
    };
    let m = crate::array::or_opt(x.mask.as_ref(), ym.as_ref())?;
    let f64s = |v: DynView<'_>| -> Result<Array<f64>> { Ok(v.astype(&DType::Float64.into())?.into_typed::<f64>()?) };
    let (xd, yd) = (f64s(x.data.dyn_view())?, f64s(y.data.dyn_view())?);
    let Some(m) = m else { return Ok(nprs_linalg::polyfit(&xd, &yd, deg, rcond, w)?) };
    let keep = map(&m, |v| !v);
    let xk = xd.index(&[IndexArg::from(&keep)])?;
    let yk = yd.index(&[IndexArg::from(&keep)])?;
    let wk = w.map(|w| w.index(&[IndexArg::from(&keep)])).transpose()?;
    Ok(nprs_linalg::polyfit(&xk, &yk, deg, rcond, wk.as_ref())?)
}
