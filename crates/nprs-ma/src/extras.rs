//! `numpy.ma`'s array functions that carry the mask: `diff`, `ediff1d`, `append`,
//! `diagonal`, `trace`, `atleast_1d`/`_2d`/`_3d`, and the run helpers on the mask
//! (`clump_masked`, `clump_unmasked`, `flatnotmasked_contiguous`, `flatnotmasked_edges`,
//! `notmasked_contiguous`).

use std::ops::Range;

use nprs_core::{DynArray, DynView, SliceArg};
use nprs_ufunc::ufuncs::SUBTRACT;

use crate::array::{MaData, MaskedArray};
use crate::error::Result;
use crate::reduce::Axis;
use crate::ufuncs::apply;

/// `[:, …, lo:hi, …]` along `axis` of `nd` dimensions.
fn along(nd: usize, axis: usize, lo: Option<isize>, hi: Option<isize>) -> Vec<SliceArg> {
    (0..nd)
        .map(|k| SliceArg::Slice {
            start: if k == axis { lo } else { None },
            stop: if k == axis { hi } else { None },
            step: 1,
        })
        .collect()
}

/// One difference along `axis`: NumPy's `diff` of all the data (`!=` for bools), masked
/// where either neighbour is.
fn diff_once(a: &MaskedArray, axis: usize) -> Result<MaskedArray> {
    let nd = a.ndim();
    let data = nprs_ufunc::diff_dyn(&a.data, 1, axis as isize, None, None)?;
    let mask = match &a.mask {
        Some(m) => {
            let hi = m.try_slice(&along(nd, axis, Some(1), None))?;
            let lo = m.try_slice(&along(nd, axis, None, Some(-1)))?;
            Some(nprs_core::kernel::zip_map(&hi, &lo, |p, q| p | q)?)
        }
        None => None,
    };
    // An empty result has `nomask`, as NumPy's; the fill value is kept.
    let mut out = MaskedArray::from_parts(data, mask.filter(|m| m.size() > 0));
    out.fill_value = a.fill_value.clone().filter(|f| f.dtype() == out.data.dtype());
    Ok(out)
}

/// `ma.diff(a, n, axis, prepend, append)`: the `n`-th difference along `axis`, masked
/// where any element it reads is masked. `prepend`/`append` (a 0-d value is broadcast
/// along the axis, its mask dropped as NumPy's `broadcast_to` does) are joined first;
/// `n = 0` returns `a`.
///
/// ```
/// use nprs_core::array;
/// let a = nprs_ma::masked_array(array![1i64, 4, 9, 16], &array![false, true, false, false])?;
/// assert_eq!(nprs_ma::diff(&a, 1, -1, None, None)?.to_string(), "[-- -- 7]");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// NumPy's "order must be non-negative", "diff requires input that is at least one
/// dimensional", `AxisError`, and `concatenate`'s shape errors.
pub fn diff<D: MaData>(
    a: &MaskedArray<D>,
    n: isize,
    axis: isize,
    prepend: Option<&MaskedArray>,
    append: Option<&MaskedArray>,
) -> Result<MaskedArray> {
    let a = a.clone().into_dyn();
    if n == 0 {
        return Ok(a);
    }
    if n < 0 {
        return Err(nprs_core::Error::DiffOrder { n }.into());
    }
    if a.ndim() == 0 {
        return Err(nprs_core::Error::DiffZeroDim.into());
    }
    let ax = nprs_core::dims::normalize_axis(axis, a.ndim())?;
    let edge = |p: &MaskedArray| -> Result<MaskedArray> {
        if p.ndim() > 0 {
            return Ok(p.clone());
        }
        let mut one = a.shape().to_vec();
        one[ax] = 1;
        // NumPy's `broadcast_to` of a 0-d value gives a plain array: its mask is dropped.
        Ok(MaskedArray::new(p.data.broadcast_to(&one)?.to_owned()))
    };
    let mut cur = a.clone();
    if prepend.is_some() || append.is_some() {
        let mut parts = Vec::new();
        if let Some(p) = prepend {
            parts.push(edge(p)?);
        }
        parts.push(a.clone());
        if let Some(p) = append {
            parts.push(edge(p)?);
        }
        let refs: Vec<&MaskedArray> = parts.iter().collect();
        cur = crate::manip::concatenate(&refs, ax as isize)?;
    }
    for _ in 0..n {
        if cur.shape()[ax] == 0 {
            break;
        }
        cur = diff_once(&cur, ax)?;
    }
    Ok(cur)
}

/// `ma.ediff1d(a, to_end, to_begin)`: the differences of the flattened array, masked
/// where either neighbour is, with `to_begin` and `to_end` joined around them by
/// [`hstack`](crate::hstack) (as `numpy.ma` does, they are not flattened).
///
/// # Errors
/// Dtypes `subtract` does not support (bools: NumPy's `TypeError`); `hstack`'s errors.
pub fn ediff1d<D: MaData>(
    a: &MaskedArray<D>,
    to_end: Option<&MaskedArray>,
    to_begin: Option<&MaskedArray>,
) -> Result<MaskedArray> {
    let flat = a.clone().into_dyn().ravel()?;
    let n = flat.size() as isize;
    let hi = flat.slice(&along(1, 0, Some(1.min(n)), None))?;
    let lo = flat.slice(&along(1, 0, None, Some((n - 1).max(0))))?;
    let ed = apply(&SUBTRACT, &[(&hi).into(), (&lo).into()])?;
    if to_end.is_none() && to_begin.is_none() {
        return Ok(ed);
    }
    let mut parts = Vec::new();
    if let Some(b) = to_begin {
        parts.push(b.clone());
    }
    parts.push(ed);
    if let Some(e) = to_end {
        parts.push(e.clone());
    }
    let refs: Vec<&MaskedArray> = parts.iter().collect();
    crate::manip::hstack(&refs)
}

/// `ma.append(a, b, axis)`: `b` joined after `a` along `axis`; with `axis = None` both
/// are flattened first. The masks travel with the data.
///
/// # Errors
/// Shapes that do not join; dtypes without a common type.
pub fn append<D: MaData>(a: &MaskedArray<D>, b: &MaskedArray<D>, axis: Axis) -> Result<MaskedArray<D>> {
    match axis {
        None => crate::manip::concatenate(&[&a.ravel()?, &b.ravel()?], 0),
        Some(ax) => crate::manip::concatenate(&[a, b], ax),
    }
}

impl<D: MaData> MaskedArray<D> {
    /// `a.diagonal(offset, axis1, axis2)` (`ma.diagonal`): the diagonal of the data and of
    /// the mask (a copy).
    ///
    /// # Errors
    /// Fewer than two dimensions, axes out of range or equal.
    pub fn diagonal(&self, offset: isize, axis1: isize, axis2: isize) -> Result<Self> {
        let v = self.data.dyn_view();
        let data = D::from_dyn(v.diagonal(offset, axis1, axis2)?.to_owned())?;
        let mask = match &self.mask {
            Some(m) => Some(m.diagonal(offset, axis1, axis2)?.to_owned()),
            None => None,
        };
        let mut out = MaskedArray::from_parts(data, mask);
        out.fill_value = self.fill_value.clone();
        out.hard_mask = self.hard_mask;
        Ok(out)
    }

    /// `a.trace(offset, axis1, axis2)` (`ma.trace`): the sum along the diagonal of the
    /// unmasked elements (NumPy's result is a plain float64 array: it runs `astype(None)`).
    ///
    /// # Errors
    /// As [`diagonal`](Self::diagonal); dtypes `add` does not support.
    pub fn trace(&self, offset: isize, axis1: isize, axis2: isize) -> Result<DynArray> {
        let mut d = self.diagonal(offset, axis1, axis2)?.into_dyn();
        // NumPy's `trace` of a masked array runs `astype(None)`: float64.
        d.data = d.data.astype(&nprs_core::DType::Float64.into())?;
        let s = d.sum(Some(-1), false)?;
        Ok(s.data)
    }
}

/// Applies a view function to the data and to the full mask (NumPy's
/// `_fromnxfunction`): the result always has a mask array.
fn data_and_mask<D: MaData>(
    a: &MaskedArray<D>,
    f: impl Fn(&DynArray) -> DynArray,
    g: impl Fn(&nprs_core::Array<bool>) -> nprs_core::Array<bool>,
) -> Result<MaskedArray> {
    let data = f(&a.data.dyn_view().to_owned());
    let mask = g(&a.mask_array()?);
    Ok(MaskedArray::from_parts(data, Some(mask)))
}

/// `ma.atleast_1d(a)`: `a` with at least one dimension; the result has a mask array.
///
/// # Errors
/// When the mask cannot be allocated.
pub fn atleast_1d<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray> {
    data_and_mask(a, |v| nprs_core::atleast_1d(v).to_owned(), |m| nprs_core::atleast_1d(m).to_owned())
}

/// `ma.atleast_2d(a)`: `a` with at least two dimensions (new axes in front).
///
/// # Errors
/// When the mask cannot be allocated.
pub fn atleast_2d<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray> {
    data_and_mask(a, |v| nprs_core::atleast_2d(v).to_owned(), |m| nprs_core::atleast_2d(m).to_owned())
}

/// `ma.atleast_3d(a)`: `a` with at least three dimensions (`(N,)` becomes `(1, N, 1)`).
///
/// # Errors
/// When the mask cannot be allocated.
pub fn atleast_3d<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray> {
    data_and_mask(a, |v| nprs_core::atleast_3d(v).to_owned(), |m| nprs_core::atleast_3d(m).to_owned())
}

/// The runs of equal values of a flat mask: `(value, start..end)`.
fn runs(flat: &[bool]) -> Vec<(bool, Range<usize>)> {
    let mut out: Vec<(bool, Range<usize>)> = Vec::new();
    for (i, &v) in flat.iter().enumerate() {
        match out.last_mut() {
            Some((w, r)) if *w == v => r.end = i + 1,
            _ => out.push((v, i..i + 1)),
        }
    }
    out
}

fn flat_mask<D: MaData>(a: &MaskedArray<D>) -> Option<Vec<bool>> {
    a.mask.as_ref().map(|m| m.iter().collect())
}

/// `ma.clump_masked(a)`: the ranges of the flattened array that are masked, in order
/// (none for `nomask`).
#[must_use]
pub fn clump_masked<D: MaData>(a: &MaskedArray<D>) -> Vec<Range<usize>> {
    flat_mask(a).map_or_else(Vec::new, |m| runs(&m).into_iter().filter(|(v, _)| *v).map(|(_, r)| r).collect())
}

/// `ma.clump_unmasked(a)`: the ranges of the flattened array that are not masked (the
/// whole array for `nomask`).
#[must_use]
pub fn clump_unmasked<D: MaData>(a: &MaskedArray<D>) -> Vec<Range<usize>> {
    match flat_mask(a) {
        None => std::iter::once(0..a.size()).collect(),
        Some(m) => runs(&m).into_iter().filter(|(v, _)| !*v).map(|(_, r)| r).collect(),
    }
}

/// `ma.flatnotmasked_contiguous(a)`: the same ranges as [`clump_unmasked`].
#[must_use]
pub fn flatnotmasked_contiguous<D: MaData>(a: &MaskedArray<D>) -> Vec<Range<usize>> {
    clump_unmasked(a)
}

/// `ma.flatnotmasked_edges(a)`: the flat indices of the first and last unmasked elements
/// (`[0, size - 1]` when nothing is masked), `None` when every element is masked.
#[must_use]
pub fn flatnotmasked_edges<D: MaData>(a: &MaskedArray<D>) -> Option<[i64; 2]> {
    if !a.is_masked() {
        return Some([0, a.size() as i64 - 1]);
    }
    let m = flat_mask(a)?;
    let first = m.iter().position(|&x| !x)?;
    let last = m.iter().rposition(|&x| !x)?;
    Some([first as i64, last as i64])
}

/// `ma.notmasked_contiguous(a, axis)`: the unmasked ranges of each line along `axis` of a
/// 2-d array (one list per line); for `axis = None` or a 1-d array, the flat ranges as the
/// only list (NumPy returns that list itself).
///
/// # Errors
/// More than two dimensions (NumPy's `NotImplementedError`); an axis out of range.
pub fn notmasked_contiguous<D: MaData>(a: &MaskedArray<D>, axis: Axis) -> Result<Vec<Vec<Range<usize>>>> {
    let nd = a.ndim();
    if nd > 2 {
        return Err(crate::error::Error::Not2dAtMost);
    }
    let Some(axis) = axis.filter(|_| nd == 2) else { return Ok(vec![flatnotmasked_contiguous(a)]) };
    let ax = nprs_core::dims::normalize_axis(axis, 2)?;
    let other = 1 - ax;
    let m = a.mask_array()?;
    let mut out = Vec::with_capacity(a.shape()[other]);
    for i in 0..a.shape()[other] {
        let mut args = vec![SliceArg::Slice { start: None, stop: None, step: 1 }; 2];
        args[other] = SliceArg::Index(i as isize);
        let line: Vec<bool> = m.try_slice(&args)?.iter().collect();
        let any = line.iter().any(|&x| x);
        let lm = if a.mask.is_none() && !any {
            std::iter::once(0..line.len()).collect()
        } else {
            runs(&line).into_iter().filter(|(v, _)| !*v).map(|(_, r)| r).collect()
        };
        out.push(lm);
    }
    Ok(out)
}

/// `ma.compress(condition, a, axis)` (`a.compress`): the entries of `a` where the 1-d
/// `condition` is true along `axis` (of the flattened array for `None`), the mask
/// selected alike; `a`'s fill value is kept.
///
/// # Errors
/// "condition must be a 1-d array"; NumPy's `AxisError`; `IndexError` for a true entry
/// past the axis.
pub fn compress<D: MaData>(condition: &DynView<'_>, a: &MaskedArray<D>, axis: Axis) -> Result<MaskedArray<D>> {
    let data = D::from_dyn(nprs_ufunc::select::compress_dyn(condition, &a.data.dyn_view(), axis)?)?;
    let mask = match &a.mask {
        Some(m) => {
            let md = nprs_ufunc::select::compress_dyn(condition, &DynView::from(m.view()), axis)?;
            Some(md.into_typed::<bool>()?)
        }
        None => None,
    };
    let mut out = MaskedArray::from_parts(data, mask);
    out.fill_value = a.fill_value.clone();
    out.hard_mask = a.hard_mask;
    Ok(out)
}

/// `ma.choose(indices, choices, mode)`: element `i` from `choices[indices[i]]`, the
/// choices' data filled with their fill values; masked where the chosen element or the
/// index is masked (masked indices choose from `choices[0]`), `nomask` when nothing is.
///
/// # Errors
/// As [`nprs_ufunc::select::choose_dyn`]: indices out of range in `Raise` mode,
/// shapes that do not broadcast, index arrays that are not integers.
pub fn choose<D: MaData>(
    indices: &MaskedArray<D>,
    choices: &[&MaskedArray],
    mode: nprs_core::ClipMode,
) -> Result<MaskedArray> {
    use nprs_core::Operand;
    let c = indices.filled(Some(nprs_core::Scalar::Int(0)))?.into_dyn_array();
    let masks: Vec<DynArray> = choices
        .iter()
        .map(|x| match &x.mask {
            Some(m) => DynArray::from(m.clone()),
            None => DynArray::from(nprs_core::Array::from_elem_0d(false)),
        })
        .collect();
    let mops: Vec<Operand<'_>> = masks.iter().map(Operand::from).collect();
    let om = nprs_ufunc::select::choose_dyn(&c, &mops, mode)?.into_typed::<bool>()?;
    let om = match &indices.mask {
        Some(im) => nprs_core::kernel::zip_map(&om, &im.broadcast_to(om.shape())?, |p, q| p | q)?,
        None => om,
    };
    let filled: Vec<DynArray> = choices.iter().map(|x| x.filled(None)).collect::<Result<_>>()?;
    let dops: Vec<Operand<'_>> = filled.iter().map(Operand::from).collect();
    let data = nprs_ufunc::select::choose_dyn(&c, &dops, mode)?;
    let mask = if om.iter().any(|v| v) { Some(om.broadcast_to(data.shape())?.to_owned()) } else { None };
    Ok(MaskedArray::from_parts(data, mask))
}

/// NumPy's `copyto(dst, src, where=cond, casting='same_kind')` with `src` broadcast.
fn copyto_where(dst: &DynArray, src: &DynView<'_>, cond: &nprs_core::Array<bool>) -> Result<DynArray> {
    let s = src.astype_casting(dst.dtype(), nprs_core::Casting::SameKind)?;
    let s = s.broadcast_to(dst.shape())?.to_owned();
    Ok(nprs_ufunc::select::where_dyn(&DynArray::from(cond.clone()), &s, dst)?)
}

/// `ma.putmask(a, mask, values)`: sets `a` to `values` (broadcast to `a`'s shape) where
/// `mask` is true, and the mask to `values`' mask there. With a hard mask, masked
/// elements of `a` stay masked (their data is still written, as NumPy does).
///
/// # Errors
/// Shapes that do not broadcast; values that do not cast `same_kind` to `a`'s dtype.
pub fn putmask<D: MaData>(a: &mut MaskedArray<D>, mask: &nprs_core::Array<bool>, values: &MaskedArray) -> Result<()> {
    let shape = a.shape().to_vec();
    let cond = mask.broadcast_to(&shape)?.to_owned();
    let valmask = |v: &MaskedArray| -> Result<DynArray> { Ok(DynArray::from(v.mask_array()?)) };
    let new_mask = match (&a.mask, &values.mask) {
        (None, None) => None,
        (None, Some(_)) => {
            let zero = DynArray::from(nprs_core::Array::full(&shape, false)?);
            Some(copyto_where(&zero, &valmask(values)?.view(), &cond)?)
        }
        (Some(m), Some(_)) if a.hard_mask => {
            let mm = copyto_where(&DynArray::from(m.clone()), &valmask(values)?.view(), &cond)?;
            let mm = mm.into_typed::<bool>()?;
            Some(DynArray::from(nprs_core::kernel::zip_map(m, &mm, |p, q| p | q)?))
        }
        (Some(_), None) if a.hard_mask => None,
        (Some(m), _) => Some(copyto_where(&DynArray::from(m.clone()), &valmask(values)?.view(), &cond)?),
    };
    let data = copyto_where(&a.data.dyn_view().to_owned(), &values.data.view(), &cond)?;
    a.data = D::from_dyn(data)?;
    if let Some(m) = new_mask {
        a.mask = Some(m.into_typed::<bool>()?);
    }
    Ok(())
}

/// NumPy's `f(data)` with the mask `f(mask)` (`nomask` stays `nomask`).
fn typed_both<T: nprs_core::Element>(
    v: &MaskedArray<nprs_core::Array<T>>,
    f: impl Fn(&nprs_core::Array<T>) -> nprs_core::Result<nprs_core::Array<T>>,
    g: impl Fn(&nprs_core::Array<bool>) -> nprs_core::Result<nprs_core::Array<bool>>,
) -> Result<MaskedArray<nprs_core::Array<T>>> {
    let data = f(&v.data)?;
    let mask = v.mask.as_ref().map(&g).transpose()?;
    Ok(MaskedArray::from_parts(data, mask))
}

/// `ma.diag(v, k)`: the `k`-th diagonal of a 2-d `v`, or a 2-d array with the 1-d `v`
/// on its `k`-th diagonal; the mask alike (`nomask` stays `nomask`).
///
/// # Errors
/// "Input must be 1- or 2-d."
pub fn diag<T: nprs_core::Element>(
    v: &MaskedArray<nprs_core::Array<T>>,
    k: isize,
) -> Result<MaskedArray<nprs_core::Array<T>>> {
    typed_both(v, |d| nprs_core::diag(d, k), |m| nprs_core::diag(m, k))
}

/// `ma.diagflat(v, k)`: the flattened `v` on the `k`-th diagonal of a 2-d array; the mask
/// alike.
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn diagflat<T: nprs_core::Element>(
    v: &MaskedArray<nprs_core::Array<T>>,
    k: isize,
) -> Result<MaskedArray<nprs_core::Array<T>>> {
    let out = typed_both(v, |d| nprs_core::diagflat(d, k), |m| nprs_core::diagflat(m, k))?;
    let mask = Some(out.mask_array()?);
    Ok(MaskedArray::from_parts(out.data, mask))
}

/// `ma.resize(x, new_shape)`: NumPy's `resize` (the elements repeated in C order) of the
/// data and of the mask.
///
/// # Errors
/// Negative dimensions.
pub fn resize<T: nprs_core::Element>(
    x: &MaskedArray<nprs_core::Array<T>>,
    new_shape: &[isize],
) -> Result<MaskedArray<nprs_core::Array<T>>> {
    typed_both(x, |d| nprs_core::resize(d, new_shape.to_vec()), |m| nprs_core::resize(m, new_shape.to_vec()))
}

/// `f(x, y) != 0` on the masks as integers (a position any flagged pair reaches).
fn reach(
    f: fn(&DynArray, &DynArray, nprs_ufunc::ConvolveMode) -> nprs_core::Result<DynArray>,
    x: &nprs_core::Array<bool>,
    y: &nprs_core::Array<bool>,
    mode: nprs_ufunc::ConvolveMode,
) -> Result<nprs_core::Array<bool>> {
    let as_int = |m: &nprs_core::Array<bool>| nprs_core::kernel::map(m, i64::from);
    let r = f(&DynArray::from(as_int(x)), &DynArray::from(as_int(y)), mode)?;
    Ok(nprs_core::kernel::map(&r.into_typed::<i64>()?, |v| v != 0))
}

/// NumPy's `_convolve_or_correlate`: `f` of the data (`propagate_mask`) or of the data
/// filled with 0; masked where a masked element contributes (`propagate_mask`) or where
/// no pair of unmasked elements does.
fn conv_or_corr(
    f: fn(&DynArray, &DynArray, nprs_ufunc::ConvolveMode) -> nprs_core::Result<DynArray>,
    a: &MaskedArray,
    v: &MaskedArray,
    mode: nprs_ufunc::ConvolveMode,
    propagate_mask: bool,
) -> Result<MaskedArray> {
    let (ma, mv) = (a.mask_array()?, v.mask_array()?);
    let ones = |m: &nprs_core::Array<bool>| nprs_core::Array::full(m.shape(), true);
    let (data, mask) = if propagate_mask {
        let p = reach(f, &ma, &ones(&mv)?, mode)?;
        let q = reach(f, &ones(&ma)?, &mv, mode)?;
        (f(&a.data, &v.data, mode)?, nprs_core::kernel::zip_map(&p, &q, |x, y| x | y)?)
    } else {
        let not = |m: &nprs_core::Array<bool>| nprs_core::kernel::map(m, |x| !x);
        let r = reach(f, &not(&ma), &not(&mv), mode)?;
        let zero = Some(nprs_core::Scalar::Int(0));
        (f(&a.filled(zero.clone())?, &v.filled(zero)?, mode)?, nprs_core::kernel::map(&r, |x| !x))
    };
    Ok(MaskedArray::from_parts(data, Some(mask)))
}

/// `ma.convolve(a, v, mode, propagate_mask)`: NumPy's `convolve` of the data. With
/// `propagate_mask` an output is masked when any masked element contributes to it;
/// without, masked elements count as 0 and an output is masked only when no pair of
/// unmasked elements contributes.
///
/// # Errors
/// As [`nprs_ufunc::convolve_dyn`]: empty or non-1-d inputs.
pub fn convolve(
    a: &MaskedArray,
    v: &MaskedArray,
    mode: nprs_ufunc::ConvolveMode,
    propagate_mask: bool,
) -> Result<MaskedArray> {
    conv_or_corr(nprs_ufunc::convolve_dyn, a, v, mode, propagate_mask)
}

/// `ma.correlate(a, v, mode, propagate_mask)` (see [`convolve`]).
///
/// # Errors
/// As [`nprs_ufunc::correlate_dyn`].
pub fn correlate(
    a: &MaskedArray,
    v: &MaskedArray,
    mode: nprs_ufunc::ConvolveMode,
    propagate_mask: bool,
) -> Result<MaskedArray> {
    conv_or_corr(nprs_ufunc::correlate_dyn, a, v, mode, propagate_mask)
}

/// `ma.vander(x, n)`: NumPy's Vandermonde matrix of the data with the rows of masked
/// elements set to 0 (NumPy's result is a plain array).
///
/// # Errors
/// `x` not one-dimensional (NumPy's `ValueError`).
pub fn vander<T>(
    x: &MaskedArray<nprs_core::Array<T>>,
    n: Option<usize>,
) -> Result<nprs_core::Array<<T as nprs_core::ops::operand::Promote<i64>>::Out>>
where
    T: nprs_core::Element + nprs_core::ops::operand::Promote<i64>,
    <T as nprs_core::ops::operand::Promote<i64>>::Out: nprs_core::ops::ElemMul,
{
    let out = nprs_core::vander(&x.data, n, false)?;
    let Some(m) = &x.mask else { return Ok(out) };
    let cols = out.shape()[1];
    let zero = <<T as nprs_core::ops::operand::Promote<i64>>::Out as nprs_core::Element>::zero();
    let mut v = out.to_vec();
    for (row, masked) in m.iter().enumerate() {
        if masked {
            v[row * cols..(row + 1) * cols].fill(zero);
        }
    }
    Ok(nprs_core::Array::from_shape_vec(out.shape(), v)?)
}

/// `ma.put(a, indices, values, mode)` (`a.put`): writes `values` (cycled) at the flat
/// `indices`, and their mask (`false` for `nomask` values); the mask becomes `nomask`
/// again when nothing is left masked. With a hard mask, indices of masked elements are
/// skipped (with their values).
///
/// # Errors
/// An index out of range in `Raise` mode; a non-empty `indices` for an empty `a`.
pub fn put<T: nprs_core::Element>(
    a: &mut MaskedArray<nprs_core::Array<T>>,
    indices: &[i64],
    values: &MaskedArray<nprs_core::Array<T>>,
    mode: nprs_core::ClipMode,
) -> Result<()> {
    let vals = values.data.to_vec();
    let vmask = values.mask_array()?.to_vec();
    let (mut idx, mut vv, mut vm) = (indices.to_vec(), Vec::new(), Vec::new());
    if !vals.is_empty() {
        vv = (0..idx.len()).map(|k| vals[k % vals.len()]).collect();
        vm = (0..idx.len()).map(|k| vmask[k % vmask.len()]).collect();
    }
    if a.hard_mask
        && let Some(m) = &a.mask
    {
        let flat = m.to_vec();
        let n = flat.len() as i64;
        let mut keep = Vec::with_capacity(idx.len());
        for &i in &idx {
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(nprs_core::Error::IndexOutOfBounds { index: i as isize, axis: 0, size: n as usize }.into());
            }
            keep.push(!flat[j as usize]);
        }
        idx = pick(idx, &keep);
        if !vv.is_empty() {
            vv = pick(vv, &keep);
            vm = pick(vm, &keep);
        }
    }
    if vv.is_empty() && !vals.is_empty() {
        return Ok(());
    }
    nprs_core::put(&mut a.data, idx.clone(), &nprs_core::Array::from_vec(vv), mode)?;
    if a.mask.is_none() && values.mask.is_none() {
        return Ok(());
    }
    let mut m = a.mask_array()?;
    nprs_core::put(&mut m, idx, &nprs_core::Array::from_vec(vm), mode)?;
    a.mask = if m.iter().any(|x| x) { Some(m) } else { None };
    Ok(())
}

/// The items of `v` where `keep` is true.
fn pick<X>(v: Vec<X>, keep: &[bool]) -> Vec<X> {
    v.into_iter().zip(keep).filter(|(_, k)| **k).map(|(x, _)| x).collect()
}
