//! [`sort_dyn`] and [`argsort_dyn`]: one dispatch on the dtype, then the typed kernels.

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::{Array, DynArray, Result};

use super::{SortKind, argsort_kind, sort_kind};
use crate::dispatch::{numeric_dtype, typed_cow, with_numeric};

/// `numpy.sort(a, axis, kind)` for a dynamic array of any numeric dtype; the result has
/// the input's dtype (in native byte order).
///
/// # Errors
/// NumPy's `AxisError`; `TypeError` for dtypes that cannot be sorted here.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::{SortKind, sort_dyn};
/// let a = DynArray::from(array![3u16, 1, 2]);
/// let s = sort_dyn(&a, Some(-1), SortKind::Stable)?;
/// assert_eq!(s.typed::<u16>()?.to_vec(), vec![1, 2, 3]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn sort_dyn<S: DynData>(a: &DynBase<S>, axis: Option<isize>, kind: SortKind) -> Result<DynArray> {
    let t = numeric_dtype(a, "sort")?;
    with_numeric!(t, T => Ok(DynArray::from(sort_kind(&typed_cow::<T, S>(a)?, axis, kind)?)))
}

/// `numpy.argsort(a, axis, kind)` for a dynamic array of any numeric dtype.
///
/// # Errors
/// As [`sort_dyn`].
pub fn argsort_dyn<S: DynData>(a: &DynBase<S>, axis: Option<isize>, kind: SortKind) -> Result<Array<i64>> {
    let t = numeric_dtype(a, "argsort")?;
    with_numeric!(t, T => argsort_kind(&typed_cow::<T, S>(a)?, axis, kind))
}
