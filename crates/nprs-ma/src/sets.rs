//! `numpy.ma`'s set routines — `unique`, `in1d`, `isin`, `intersect1d`, `union1d`,
//! `setdiff1d`, `setxor1d` — as `numpy.ma` defines them: on the masked sort (masked
//! elements last) and `numpy.ma`'s comparisons, in which two masked elements are equal and
//! a masked and an unmasked one differ. All masked elements therefore count as one value,
//! which appears once (masked) in a result. Arrays without masked elements go to
//! nprs-ufunc's plain `unique`.

use nprs_core::CompareOp;
use nprs_core::dtype::DType;
use nprs_core::dynarray::compare;
use nprs_core::{Array, DynArray, DynView, Operand, Order, UfuncOptions};
use nprs_ufunc::ufuncs::ISNAN;
use nprs_ufunc::{Side, SortKind, UniqueOptions};

use crate::array::{MaData, MaskedArray, as_mask, or_opt};
use crate::error::Result;
use crate::manip::concatenate;

/// `a == b` (`ne`: `a != b`) of two 1-d masked arrays of one length as `numpy.ma`'s
/// operators compute it: the data compared where both are unmasked, the masks compared
/// where either is masked; the result is masked where either is.
fn ma_compare<D: MaData>(a: &MaskedArray<D>, b: &MaskedArray<D>, ne: bool) -> Result<(Vec<bool>, Option<Vec<bool>>)> {
    let op = if ne { CompareOp::NotEqual } else { CompareOp::Equal };
    let c = compare(op, &a.data.dyn_view(), Operand::Array(b.data.dyn_view()))?;
    let mut data: Vec<bool> = as_mask(&c.view())?.iter().collect();
    let mask = or_opt(a.mask.as_ref(), b.mask.as_ref())?;
    if let Some(m) = &mask {
        let (ma, mb) = (a.mask_array()?, b.mask_array()?);
        for (i, ((masked, p), q)) in m.iter().zip(ma.iter()).zip(mb.iter()).enumerate() {
            if masked {
                data[i] = (p != q) == ne;
            }
        }
    }
    Ok((data, mask.map(|m| m.iter().collect())))
}

/// `a[lo..hi]` of a 1-d masked array.
fn part<D: MaData>(a: &MaskedArray<D>, lo: usize, hi: usize) -> Result<MaskedArray<D>> {
    a.slice(&[nprs_core::SliceArg::from(lo as isize..hi as isize)])
}

/// The elements of a 1-d masked array where `keep` is true.
fn select<D: MaData>(a: &MaskedArray<D>, keep: &[bool]) -> Result<MaskedArray<D>> {
    let pos: Vec<i64> = keep.iter().enumerate().filter(|(_, k)| **k).map(|(i, _)| i as i64).collect();
    a.gather(&Array::from_vec(pos))
}

/// A bool masked array from flags and an optional mask.
fn flags(data: Vec<bool>, mask: Option<Vec<bool>>) -> Result<MaskedArray> {
    let n = data.len();
    let d = DynArray::from(Array::from_vec(data));
    let m = match mask {
        Some(m) => Some(Array::from_shape_vec(&[n], m)?),
        None => None,
    };
    Ok(MaskedArray::from_parts(d, m))
}

/// The flattened sort and the "first of its kind" flags of `numpy.unique`.
fn unique_parts<D: MaData>(a: &MaskedArray<D>, stable_perm: bool) -> Result<(MaskedArray<D>, Array<i64>, Vec<bool>)> {
    let flat = a.flatten(Order::C)?;
    let kind = if stable_perm { SortKind::Stable } else { SortKind::Quicksort };
    let perm = flat.argsort(Some(0), kind, true, None)?;
    let mut aux = flat.gather(&perm)?;
    if aux.mask.is_some() && aux.dtype().numeric().is_none() {
        aux.cache_fill()?;
    }
    let n = aux.size();
    let mut keep = vec![true; n];
    if n == 0 {
        return Ok((aux, perm, keep));
    }
    let last_nan = {
        let dv = aux.data.dyn_view();
        let kind_c = dv.dtype().numeric().is_some_and(|t| matches!(t, DType::Complex64 | DType::Complex128));
        let float = dv.dtype().numeric().is_some_and(|t| matches!(t, DType::Float16 | DType::Float32 | DType::Float64));
        let last_masked = aux.mask.as_ref().is_some_and(|m| m.iter().last() == Some(true));
        if (float || kind_c) && !last_masked {
            let isnan = as_mask(&ISNAN.call(&[Operand::Array(dv.reborrow())], UfuncOptions::new())?.view())?;
            if isnan.iter().last() == Some(true) {
                let first = if kind_c {
                    let t = DynArray::from(isnan.clone());
                    nprs_ufunc::searchsorted_dyn(&t, &DynArray::from(Array::from_elem_0d(true)), Side::Left, None)?
                } else {
                    let last = dv.take(&[n as isize - 1], None)?.into_shape(&[0usize; 0][..])?;
                    nprs_ufunc::searchsorted_dyn(&dv, &last, Side::Left, None)?
                };
                Some(first.iter().next().unwrap_or(0) as usize)
            } else {
                None
            }
        } else {
            None
        }
    };
    let upto = last_nan.unwrap_or(n);
    if upto > 1 {
        let (d, _) = ma_compare(&part(&aux, 1, upto)?, &part(&aux, 0, upto - 1)?, true)?;
        keep[1..upto].copy_from_slice(&d);
    }
    if let Some(f) = last_nan {
        keep[f] = true;
        keep[f + 1..].iter_mut().for_each(|k| *k = false);
    }
    Ok((aux, perm, keep))
}

/// `ma.unique(a)`: the sorted unique values of the flattened array; all masked elements
/// together give one masked element, last.
///
/// # Errors
/// Dtypes that cannot be sorted.
pub fn unique<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    if !a.is_masked() {
        let u = nprs_ufunc::unique_dyn(&a.data.dyn_view(), &UniqueOptions::new())?;
        // NumPy hashes integers, complex numbers, strings and datetimes (the result has no
        // mask); bools and floats go through the masked sort, which keeps a mask array.
        let sorted_path = a
            .dtype()
            .numeric()
            .is_some_and(|t| matches!(t, DType::Bool | DType::Float16 | DType::Float32 | DType::Float64));
        let mask = if a.mask.is_some() && sorted_path { Some(Array::full(u.values.shape(), false)?) } else { None };
        return Ok(MaskedArray::from_parts(D::from_dyn(u.values)?, mask));
    }
    let (aux, _, keep) = unique_parts(a, false)?;
    select(&aux, &keep)
}

/// `ma.unique(a, return_index=True)`: the unique values and the index in the flattened
/// `a` of each one's first occurrence (of the first masked element for the masked one).
///
/// # Errors
/// As [`unique`].
pub fn unique_index<D: MaData>(a: &MaskedArray<D>) -> Result<(MaskedArray<D>, Array<i64>)> {
    let (aux, perm, keep) = unique_parts(a, true)?;
    let first: Vec<i64> = perm.iter().zip(&keep).filter(|(_, k)| **k).map(|(p, _)| p).collect();
    Ok((select(&aux, &keep)?, Array::from_vec(first)))
}

/// `ma.unique(a, return_inverse=True)`: the unique values and, for every element of `a`,
/// the index of its value among them (in `a`'s shape).
///
/// # Errors
/// As [`unique`].
pub fn unique_inverse<D: MaData>(a: &MaskedArray<D>) -> Result<(MaskedArray<D>, Array<i64>)> {
    let (aux, perm, keep) = unique_parts(a, false)?;
    let mut inv = vec![0i64; keep.len()];
    let mut group = -1i64;
    for (k, &p) in keep.iter().zip(perm.iter().collect::<Vec<_>>().iter()) {
        group += i64::from(*k);
        inv[p as usize] = group;
    }
    Ok((select(&aux, &keep)?, Array::from_shape_vec(a.shape(), inv)?))
}

/// `ma.in1d(ar1, ar2, assume_unique, invert)`: whether each element of `ar1` is in `ar2`
/// (in `ar1`'s shape; flattened with `assume_unique`), by `numpy.ma`'s algorithm (a masked element of `ar1` is in `ar2`
/// when `ar2` has a masked element; results next to masked values in the joint sort are
/// masked, as NumPy's).
///
/// # Errors
/// As [`unique`]; dtypes without a common dtype.
pub fn in1d<D: MaData>(
    ar1: &MaskedArray<D>,
    ar2: &MaskedArray<D>,
    assume_unique: bool,
    invert: bool,
) -> Result<MaskedArray> {
    let (u1, rev, u2) = if assume_unique {
        (ar1.ravel()?, None, ar2.ravel()?)
    } else {
        let (u1, rev) = unique_inverse(ar1)?;
        (u1, Some(rev), unique(ar2)?)
    };
    let ar = concatenate(&[&u1, &u2], 0)?;
    let order = ar.argsort(Some(0), SortKind::Stable, true, None)?;
    let sar = ar.gather(&order)?;
    let n = sar.size();
    let (mut fdata, mut fmask) =
        if n > 1 { ma_compare(&part(&sar, 1, n)?, &part(&sar, 0, n - 1)?, invert)? } else { (Vec::new(), None) };
    if n > 0 {
        fdata.push(invert);
        if let Some(m) = &mut fmask {
            m.push(false);
        }
    }
    let mut flag = flags(fdata, fmask)?;
    flag.shrink_mask();
    let back = nprs_ufunc::argsort_dyn(&DynView::from(order.view()), Some(0), SortKind::Stable)?;
    let indx: Vec<i64> = back.iter().take(u1.size()).collect();
    let r = flag.gather(&Array::from_vec(indx))?;
    match rev {
        Some(rev) => r.gather(&rev),
        None => Ok(r),
    }
}

/// `ma.isin(element, test_elements, assume_unique, invert)`: [`in1d`] in `element`'s
/// shape.
///
/// # Errors
/// As [`in1d`].
pub fn isin<D: MaData>(
    element: &MaskedArray<D>,
    test_elements: &MaskedArray<D>,
    assume_unique: bool,
    invert: bool,
) -> Result<MaskedArray> {
    let shape: Vec<isize> = element.shape().iter().map(|&n| n as isize).collect();
    in1d(element, test_elements, assume_unique, invert)?.reshape(&shape)
}

/// `ma.intersect1d(ar1, ar2, assume_unique)`: the sorted values in both (one masked
/// element when both have masked elements).
///
/// # Errors
/// As [`in1d`].
pub fn intersect1d<D: MaData>(
    ar1: &MaskedArray<D>,
    ar2: &MaskedArray<D>,
    assume_unique: bool,
) -> Result<MaskedArray<D>> {
    let aux = if assume_unique {
        concatenate(&[&ar1.ravel()?, &ar2.ravel()?], 0)?
    } else {
        concatenate(&[&unique(ar1)?, &unique(ar2)?], 0)?
    };
    let aux = aux.sort(Some(-1), SortKind::Quicksort, true, None)?;
    let n = aux.size();
    if n == 0 {
        return Ok(aux);
    }
    let head = part(&aux, 0, n - 1)?;
    let (eq, _) = ma_compare(&part(&aux, 1, n)?, &head, false)?;
    select(&head, &eq)
}

/// `ma.union1d(ar1, ar2)`: the sorted unique values of both.
///
/// # Errors
/// As [`in1d`].
pub fn union1d<D: MaData>(ar1: &MaskedArray<D>, ar2: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    unique(&concatenate(&[&ar1.ravel()?, &ar2.ravel()?], 0)?)
}

/// `ma.setdiff1d(ar1, ar2, assume_unique)`: the unique values of `ar1` not in `ar2`.
///
/// # Errors
/// As [`in1d`].
pub fn setdiff1d<D: MaData>(ar1: &MaskedArray<D>, ar2: &MaskedArray<D>, assume_unique: bool) -> Result<MaskedArray<D>> {
    let (a, b) = if assume_unique { (ar1.ravel()?, ar2.clone()) } else { (unique(ar1)?, unique(ar2)?) };
    let keep = in1d(&a, &b, true, true)?;
    let k: Vec<bool> = as_mask(&keep.data.view())?.iter().collect();
    select(&a, &k)
}

/// `ma.setxor1d(ar1, ar2, assume_unique)`: the sorted values in exactly one of them.
///
/// # Errors
/// As [`in1d`].
pub fn setxor1d<D: MaData>(ar1: &MaskedArray<D>, ar2: &MaskedArray<D>, assume_unique: bool) -> Result<MaskedArray<D>> {
    let (a, b) = if assume_unique { (ar1.clone(), ar2.clone()) } else { (unique(ar1)?, unique(ar2)?) };
    let aux = concatenate(&[&a.ravel()?, &b.ravel()?], 0)?;
    let n = aux.size();
    if n == 0 {
        return Ok(aux);
    }
    let aux = aux.sort(Some(-1), SortKind::Quicksort, true, None)?;
    let f = aux.filled(None)?;
    let fv = f.dyn_view();
    let first = |lo: isize, hi: isize| -> Result<DynArray> {
        Ok(fv.try_slice(&[nprs_core::SliceArg::from(lo..hi)])?.to_owned())
    };
    let ne =
        compare(CompareOp::NotEqual, &first(1, n as isize)?.view(), Operand::Array(first(0, n as isize - 1)?.view()))?;
    let mut flag = vec![true];
    flag.extend(as_mask(&ne.view())?.iter());
    flag.push(true);
    let keep: Vec<bool> = flag.windows(2).map(|w| w[0] == w[1]).collect();
    select(&aux, &keep)
}
