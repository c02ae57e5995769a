//! The set routines and `partition` for dynamic arrays: one dispatch on the dtype (two
//! arrays are cast to their common dtype first, as NumPy does), then the typed kernels.

use nprs_core::dynarray::{DynBase, DynData, concatenate};
use nprs_core::{Array, DType, DynArray, Order, Result, promote_types};

use crate::dispatch::{typed_cow, with_numeric};
use crate::sets::{self, UniqueOptions};
use crate::sort::dynamic::check_kth;
use crate::sort::keys::{global_ranks, unique_ranks};
use crate::sort::{SortKind, argpartition, argsort_dyn, partition, sort_dyn};

/// [`unique_with`](crate::unique_with)'s result for a dynamic array.
#[derive(Debug)]
pub struct UniqueDyn {
    /// The unique values, in the input's dtype.
    pub values: DynArray,
    /// First-occurrence indices (`return_index`).
    pub indices: Option<Array<i64>>,
    /// Inverse indices (`return_inverse`).
    pub inverse: Option<Array<i64>>,
    /// Counts (`return_counts`).
    pub counts: Option<Array<i64>>,
}

/// `numpy.unique` with its options for a dynamic array of any dtype NumPy sorts (strings,
/// bytes, datetimes with one NaT for all NaTs, records).
///
/// # Errors
/// As [`unique_with`](crate::unique_with); `TypeError` for dtypes that cannot be sorted.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::{UniqueOptions, unique_dyn};
/// let u = unique_dyn(&DynArray::from(array![2u8, 1, 2]), &UniqueOptions::new().return_counts(true))?;
/// assert_eq!(u.values.typed::<u8>()?.to_vec(), vec![1, 2]);
/// assert_eq!(u.counts.unwrap().to_vec(), vec![1, 2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn unique_dyn<S: DynData>(a: &DynBase<S>, opts: &UniqueOptions) -> Result<UniqueDyn> {
    if let Some(t) = a.dtype().numeric() {
        return with_numeric!(t, T => {
            let u = sets::unique_with(&typed_cow::<T, S>(a)?, opts)?;
            Ok(UniqueDyn { values: DynArray::from(u.values), indices: u.indices, inverse: u.inverse, counts: u.counts })
        });
    }
    // strings, bytes, datetimes, records: unique over the elements' ranks, values taken back
    let ranks = unique_ranks(a)?;
    let u = sets::unique_with(&ranks, &(*opts).return_index(true))?;
    let first: Vec<isize> = u.indices.as_ref().map(|i| i.iter().map(|x| x as isize).collect()).unwrap_or_default();
    let values = a.take(&first, if a.ndim() == 0 { None } else { opts.axis })?;
    Ok(UniqueDyn {
        values,
        indices: if opts.return_index { u.indices } else { None },
        inverse: u.inverse,
        counts: u.counts,
    })
}

/// Two arrays cast to their common dtype, and that dtype when it is numeric.
fn common<S: DynData, S2: DynData>(a: &DynBase<S>, b: &DynBase<S2>) -> Result<(Option<DType>, DynArray, DynArray)> {
    let d = promote_types(a.dtype(), b.dtype())?;
    Ok((d.numeric(), a.astype(&d)?, b.astype(&d)?))
}

/// The ranks of the elements of `a` and `b` (flattened) among all of them: one order for
/// two arrays of a non-numeric dtype, as floats so that NaT becomes NaN (NumPy's set
/// routines find a NaT equal to nothing, as a NaN).
fn joint_ranks(a: &DynArray, b: &DynArray) -> Result<(Array<f64>, Array<f64>, DynArray)> {
    let flat = |x: &DynArray| x.to_owned_order(Order::C).into_shape(&[x.size() as isize][..]);
    let both = concatenate(&[flat(a)?.view(), flat(b)?.view()], 0)?;
    let nat: Vec<bool> = if matches!(both.dtype().kind(), 'M' | 'm') {
        both.astype(&DType::Int64.into())?.to_typed::<i64>()?.iter().map(|v| v == i64::MIN).collect()
    } else {
        vec![false; both.size()]
    };
    #[allow(clippy::cast_precision_loss)] // ranks count elements: far below 2**53
    let r: Vec<f64> =
        global_ranks(&both)?.iter().zip(&nat).map(|(r, &n)| if n { f64::NAN } else { r as f64 }).collect();
    let (ra, rb) = r.split_at(a.size());
    Ok((Array::from_shape_vec(a.shape(), ra.to_vec())?, Array::from_vec(rb.to_vec()), both))
}

/// The elements of `both` whose ranks are `wanted`, in that order.
fn values_of(both: &DynArray, ranks: &Array<f64>, wanted: &Array<f64>) -> Result<DynArray> {
    let key = |r: f64| if r.is_nan() { f64::NAN.to_bits() } else { r.to_bits() };
    let mut first = std::collections::HashMap::new();
    for (i, r) in ranks.iter().enumerate() {
        first.entry(key(r)).or_insert(i as isize);
    }
    let idx: Vec<isize> = wanted.iter().map(|r| first.get(&key(r)).copied().unwrap_or(0)).collect();
    both.take(&idx, None)
}

/// `numpy.isin(element, test_elements, invert)` for dynamic arrays of any dtypes NumPy
/// sorts (cast to their common dtype).
///
/// # Errors
/// When the dtypes have no common dtype.
pub fn isin_dyn<S: DynData, S2: DynData>(
    element: &DynBase<S>,
    test: &DynBase<S2>,
    invert: bool,
) -> Result<Array<bool>> {
    let (t, a, b) = common(element, test)?;
    if let Some(t) = t {
        return with_numeric!(t, T => Ok(sets::isin(&typed_cow::<T, _>(&a)?, &typed_cow::<T, _>(&b)?, invert)));
    }
    let (ra, rb, _) = joint_ranks(&a, &b)?;
    Ok(sets::isin(&ra, &rb, invert))
}

/// [`intersect1d_indices`](crate::intersect1d_indices)'s result for dynamic arrays.
#[derive(Debug)]
pub struct IntersectionDyn {
    /// The sorted common values, in the arrays' common dtype.
    pub values: DynArray,
    /// Indices of their first occurrences in the flattened `ar1`.
    pub indices1: Array<i64>,
    /// Indices of their first occurrences in the flattened `ar2`.
    pub indices2: Array<i64>,
}

/// `numpy.intersect1d(ar1, ar2, assume_unique, return_indices=True)` for dynamic arrays of
/// any dtypes NumPy sorts (cast to their common dtype; NaN and NaT match nothing).
///
/// # Errors
/// When the dtypes have no common dtype.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// let a = DynArray::from_strs(&["b", "a", "c"]);
/// let b = DynArray::from_strs(&["c", "b"]);
/// let r = nprs_ufunc::intersect1d_indices_dyn(&a, &b, false)?;
/// assert_eq!(r.values, DynArray::from_strs(&["b", "c"]));
/// assert_eq!(r.indices1.to_vec(), vec![0, 2]);
/// assert_eq!(r.indices2.to_vec(), vec![1, 0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn intersect1d_indices_dyn<S: DynData, S2: DynData>(
    ar1: &DynBase<S>,
    ar2: &DynBase<S2>,
    assume_unique: bool,
) -> Result<IntersectionDyn> {
    let (t, a, b) = common(ar1, ar2)?;
    if let Some(t) = t {
        return with_numeric!(t, T => {
            let r = sets::intersect1d_indices(&typed_cow::<T, _>(&a)?, &typed_cow::<T, _>(&b)?, assume_unique);
            Ok(IntersectionDyn { values: DynArray::from(r.values), indices1: r.indices1, indices2: r.indices2 })
        });
    }
    let (ra, rb, _) = joint_ranks(&a, &b)?;
    let r = sets::intersect1d_indices(&ra, &rb, assume_unique);
    let first: Vec<isize> = r.indices1.iter().map(|i| i as isize).collect();
    Ok(IntersectionDyn { values: a.take(&first, None)?, indices1: r.indices1, indices2: r.indices2 })
}

macro_rules! binary_set_dyn {
    ($(#[$doc:meta] $name:ident => |$x:ident, $y:ident| $call:expr;)*) => {$(
        #[$doc]
        ///
        /// # Errors
        /// When the dtypes have no common dtype.
        pub fn $name<S: DynData, S2: DynData>(ar1: &DynBase<S>, ar2: &DynBase<S2>, assume_unique: bool) -> Result<DynArray> {
            let (t, a, b) = common(ar1, ar2)?;
            if let Some(t) = t {
                return with_numeric!(t, T => {
                    let ($x, $y) = (typed_cow::<T, _>(&a)?, typed_cow::<T, _>(&b)?);
                    Ok(DynArray::from($call(assume_unique)))
                });
            }
            let (ra, rb, both) = joint_ranks(&a, &b)?;
            let all = Array::from_vec(ra.iter().chain(rb.iter()).collect::<Vec<f64>>());
            let ($x, $y) = (ra, rb);
            values_of(&both, &all, &$call(assume_unique))
        }
    )*};
}

binary_set_dyn! {
    /// `numpy.intersect1d(ar1, ar2, assume_unique)` for dynamic arrays (common dtype).
    intersect1d_dyn => |x, y| |u| sets::intersect1d(&x, &y, u);
    /// `numpy.union1d(ar1, ar2)` for dynamic arrays (common dtype; `assume_unique` unused).
    union1d_dyn => |x, y| |_u: bool| sets::union1d(&x, &y);
    /// `numpy.setdiff1d(ar1, ar2, assume_unique)` for dynamic arrays (common dtype).
    setdiff1d_dyn => |x, y| |u| sets::setdiff1d(&x, &y, u);
    /// `numpy.setxor1d(ar1, ar2, assume_unique)` for dynamic arrays (common dtype).
    setxor1d_dyn => |x, y| |u| sets::setxor1d(&x, &y, u);
}

/// `numpy.partition(a, kth, axis)` for a dynamic array of any dtype NumPy sorts (strings,
/// bytes, datetimes and records are sorted in full, which is a partition for every `kth`).
///
/// # Errors
/// As [`partition`].
pub fn partition_dyn<S: DynData>(a: &DynBase<S>, kth: &[isize], axis: isize) -> Result<DynArray> {
    if let Some(t) = a.dtype().numeric() {
        return with_numeric!(t, T => Ok(DynArray::from(partition(&typed_cow::<T, S>(a)?, kth, axis)?)));
    }
    // a full sort is a partition for every kth
    check_kth(a, kth, axis)?;
    sort_dyn(a, Some(axis), SortKind::Quicksort)
}

/// `numpy.argpartition(a, kth, axis)` for a dynamic array of any dtype NumPy sorts.
///
/// # Errors
/// As [`partition`].
pub fn argpartition_dyn<S: DynData>(a: &DynBase<S>, kth: &[isize], axis: isize) -> Result<Array<i64>> {
    if let Some(t) = a.dtype().numeric() {
        return with_numeric!(t, T => argpartition(&typed_cow::<T, S>(a)?, kth, axis));
    }
    check_kth(a, kth, axis)?;
    argsort_dyn(a, Some(axis), SortKind::Quicksort)
}
