//! The set routines and `partition` for dynamic arrays: one dispatch on the dtype (two
//! arrays are cast to their common dtype first, as NumPy does), then the typed kernels.

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::{Array, DType, DynArray, Error, Result, promote_types};

use crate::dispatch::{numeric_dtype, typed_cow, with_numeric};
use crate::sets::{self, UniqueOptions};
use crate::sort::{argpartition, partition};

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

/// `numpy.unique` with its options for a dynamic array of any numeric dtype.
///
/// # Errors
/// As [`unique_with`](crate::unique_with); `TypeError` for non-numeric dtypes.
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
    let t = numeric_dtype(a, "unique")?;
    with_numeric!(t, T => {
        let u = sets::unique_with(&typed_cow::<T, S>(a)?, opts)?;
        Ok(UniqueDyn { values: DynArray::from(u.values), indices: u.indices, inverse: u.inverse, counts: u.counts })
    })
}

/// Two arrays cast to their common numeric dtype.
fn common<S: DynData, S2: DynData>(
    a: &DynBase<S>,
    b: &DynBase<S2>,
    what: &'static str,
) -> Result<(DType, DynArray, DynArray)> {
    let d = promote_types(a.dtype(), b.dtype())?;
    let t = d.numeric().ok_or_else(|| Error::NotNumeric { op: what, dtype: d.to_string() })?;
    Ok((t, a.astype(&d)?, b.astype(&d)?))
}

/// `numpy.isin(element, test_elements, invert)` for dynamic arrays of any numeric dtypes.
///
/// # Errors
/// When the dtypes have no common numeric dtype.
pub fn isin_dyn<S: DynData, S2: DynData>(
    element: &DynBase<S>,
    test: &DynBase<S2>,
    invert: bool,
) -> Result<Array<bool>> {
    let (t, a, b) = common(element, test, "isin")?;
    with_numeric!(t, T => Ok(sets::isin(&typed_cow::<T, _>(&a)?, &typed_cow::<T, _>(&b)?, invert)))
}

macro_rules! binary_set_dyn {
    ($(#[$doc:meta] $name:ident => |$x:ident, $y:ident| $call:expr;)*) => {$(
        #[$doc]
        ///
        /// # Errors
        /// When the dtypes have no common numeric dtype.
        pub fn $name<S: DynData, S2: DynData>(ar1: &DynBase<S>, ar2: &DynBase<S2>, assume_unique: bool) -> Result<DynArray> {
            let (t, a, b) = common(ar1, ar2, stringify!($name))?;
            with_numeric!(t, T => {
                let ($x, $y) = (typed_cow::<T, _>(&a)?, typed_cow::<T, _>(&b)?);
                Ok(DynArray::from($call(assume_unique)))
            })
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

/// `numpy.partition(a, kth, axis)` for a dynamic array of any numeric dtype.
///
/// # Errors
/// As [`partition`].
pub fn partition_dyn<S: DynData>(a: &DynBase<S>, kth: &[isize], axis: isize) -> Result<DynArray> {
    let t = numeric_dtype(a, "partition")?;
    with_numeric!(t, T => Ok(DynArray::from(partition(&typed_cow::<T, S>(a)?, kth, axis)?)))
}

/// `numpy.argpartition(a, kth, axis)` for a dynamic array of any numeric dtype.
///
/// # Errors
/// As [`partition`].
pub fn argpartition_dyn<S: DynData>(a: &DynBase<S>, kth: &[isize], axis: isize) -> Result<Array<i64>> {
    let t = numeric_dtype(a, "argpartition")?;
    with_numeric!(t, T => argpartition(&typed_cow::<T, S>(a)?, kth, axis))
}
