//! [`sort_dyn`] and [`argsort_dyn`] for every dtype NumPy sorts, their `order=` forms
//! [`sort_fields_dyn`] / [`argsort_fields_dyn`], and the dynamic array methods
//! ([`DynSortInPlace`], [`DynSortMethods`]). Numbers dispatch once on the dtype to the typed
//! kernels; strings, bytes, datetimes and records are ordered through their ranks
//! (`keys.rs`).

use nprs_core::dims::normalize_axis;
use nprs_core::dynarray::{DynBase, DynData, DynDataMut};
use nprs_core::{Array, DynArray, Order, Result};

use super::keys::{axis_last, field_order, gather_lanes, index_back, lane_order};
use super::{SortKind, argsort_kind, sort_kind};
use crate::dispatch::{typed_cow, with_numeric};

/// `a` flattened (`axis=None`) or checked against `axis`; the array to sort and the axis.
fn prepare<S: DynData>(a: &DynBase<S>, axis: Option<isize>) -> Result<(DynArray, usize)> {
    match axis {
        None => Ok((a.to_owned_order(Order::C).into_shape(&[a.size() as isize][..])?, 0)),
        Some(ax) => Ok((a.to_owned(), normalize_axis(ax, a.ndim())?)),
    }
}

/// `numpy.sort(a, axis, kind)` for a dynamic array of any dtype NumPy sorts: numbers (the
/// result in native byte order), `U`/`S` strings, `datetime64`/`timedelta64` (NaT last),
/// records (field by field) — see the module docs of [`sort`](mod@super) for each order.
/// Every kind sorts stably.
///
/// # Errors
/// NumPy's `AxisError`; `TypeError` for dtypes that cannot be sorted.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::DynArray;
/// use nprs_ufunc::{SortKind, sort_dyn};
/// let a = DynArray::from(array![3u16, 1, 2]);
/// let s = sort_dyn(&a, Some(-1), SortKind::Stable)?;
/// assert_eq!(s.typed::<u16>()?.to_vec(), vec![1, 2, 3]);
/// let w = sort_dyn(&DynArray::from_strs(&["b", "ab", "a"]), Some(-1), SortKind::Quicksort)?;
/// assert_eq!(w, DynArray::from_strs(&["a", "ab", "b"]));
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn sort_dyn<S: DynData>(a: &DynBase<S>, axis: Option<isize>, kind: SortKind) -> Result<DynArray> {
    sort_fields_dyn(a, axis, kind, &[])
}

/// `numpy.argsort(a, axis, kind)` for a dynamic array of any dtype NumPy sorts: the stable
/// indices, except for numbers with an unstable kind, where equal elements' indices come
/// in any order as in NumPy (see [`argsort`](super::argsort)).
///
/// # Errors
/// As [`sort_dyn`].
pub fn argsort_dyn<S: DynData>(a: &DynBase<S>, axis: Option<isize>, kind: SortKind) -> Result<Array<i64>> {
    argsort_fields_dyn(a, axis, kind, &[])
}

/// `numpy.sort(a, axis, kind, order)`: a record array sorted by the fields named in
/// `order` first, then by the remaining fields in dtype order. An empty `order` is
/// [`sort_dyn`].
///
/// # Errors
/// As [`sort_dyn`]; "Cannot specify order when the array has no fields.", "unknown field
/// name: x", "duplicate field name: x".
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{Descr, DynArray, Scalar};
/// use nprs_ufunc::{SortKind, argsort_fields_dyn};
/// let dt = Descr::parse("[('name', '<U5'), ('age', '<i4')]")?;
/// let a = DynArray::from_records(&dt, &[Scalar::from(("Ann", 31)), Scalar::from(("Bob", 25))])?;
/// assert_eq!(argsort_fields_dyn(&a, Some(-1), SortKind::Stable, &["age"])?.to_vec(), vec![1, 0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn sort_fields_dyn<S: DynData>(
    a: &DynBase<S>,
    axis: Option<isize>,
    kind: SortKind,
    order: &[&str],
) -> Result<DynArray> {
    let fields = field_order(a.dtype(), order)?;
    if let Some(t) = a.dtype().numeric() {
        return with_numeric!(t, T => Ok(DynArray::from(sort_kind(&typed_cow::<T, S>(a)?, axis, kind)?)));
    }
    // The lanes along the last axis of one C-ordered copy.
    let (moved, ax) = match axis {
        None => prepare(a, axis)?,
        Some(ax) => {
            let ax = normalize_axis(ax, a.ndim())?;
            (axis_last(a, ax)?, ax)
        }
    };
    if moved.ndim() == 0 {
        return Ok(moved);
    }
    let o = lane_order(&moved, &fields)?;
    let sorted = gather_lanes(&moved, &o.perm, o.n)?;
    let last = sorted.ndim() - 1;
    if ax == last {
        return Ok(sorted);
    }
    Ok(sorted.moveaxis(&[last as isize], &[ax as isize])?.to_owned_order(Order::C))
}

/// `numpy.argsort(a, axis, kind, order)` (see [`sort_fields_dyn`]).
///
/// # Errors
/// As [`sort_fields_dyn`].
pub fn argsort_fields_dyn<S: DynData>(
    a: &DynBase<S>,
    axis: Option<isize>,
    kind: SortKind,
    order: &[&str],
) -> Result<Array<i64>> {
    let fields = field_order(a.dtype(), order)?;
    if let Some(t) = a.dtype().numeric() {
        return with_numeric!(t, T => argsort_kind(&typed_cow::<T, S>(a)?, axis, kind));
    }
    let (src, ax) = if a.ndim() == 0 {
        (a.to_owned_order(Order::C).into_shape(&[1isize][..])?, normalize_axis(axis.unwrap_or(0), 1)?)
    } else {
        prepare(a, axis)?
    };
    let moved = axis_last(&src, ax)?;
    let o = lane_order(&moved, &fields)?;
    index_back(o.perm.iter().map(|&i| i as i64).collect(), moved.shape(), ax)
}

/// NumPy's in-place array methods for dynamic arrays: `a.sort(axis)`, `a.partition(kth)`.
pub trait DynSortInPlace {
    /// `a.sort(axis)`: sorts in place along `axis` (any dtype [`sort_dyn`] sorts).
    ///
    /// # Errors
    /// As [`sort_dyn`].
    fn sort(&mut self, axis: isize) -> Result<()>;
    /// `a.sort(axis, kind, order)`.
    ///
    /// # Errors
    /// As [`sort_fields_dyn`].
    fn sort_with(&mut self, axis: isize, kind: SortKind, order: &[&str]) -> Result<()>;
    /// `a.partition(kth, axis)` in place (see [`partition_dyn`](crate::partition_dyn)).
    ///
    /// # Errors
    /// As [`partition_dyn`](crate::partition_dyn).
    fn partition(&mut self, kth: &[isize], axis: isize) -> Result<()>;
}

impl<S: DynDataMut> DynSortInPlace for DynBase<S> {
    fn sort(&mut self, axis: isize) -> Result<()> {
        self.sort_with(axis, SortKind::Quicksort, &[])
    }
    fn sort_with(&mut self, axis: isize, kind: SortKind, order: &[&str]) -> Result<()> {
        let s = sort_fields_dyn(self, Some(axis), kind, order)?;
        self.assign(&s)
    }
    fn partition(&mut self, kth: &[isize], axis: isize) -> Result<()> {
        let p = crate::partition_dyn(self, kth, axis)?;
        self.assign(&p)
    }
}

/// NumPy's read-only array methods for dynamic arrays: `a.argsort()`, `a.searchsorted(v)`.
pub trait DynSortMethods {
    /// `a.argsort()`: the indices that sort along the last axis.
    ///
    /// # Errors
    /// As [`argsort_dyn`].
    fn argsort(&self) -> Result<Array<i64>>;
    /// `a.searchsorted(v, side)` on a sorted 1-d array (see
    /// [`searchsorted_dyn`](crate::searchsorted_dyn)).
    ///
    /// # Errors
    /// As [`searchsorted_dyn`](crate::searchsorted_dyn).
    fn searchsorted<S2: DynData>(&self, v: &DynBase<S2>, side: crate::Side) -> Result<Array<i64>>;
}

impl<S: DynData> DynSortMethods for DynBase<S> {
    fn argsort(&self) -> Result<Array<i64>> {
        argsort_dyn(self, Some(-1), SortKind::Quicksort)
    }
    fn searchsorted<S2: DynData>(&self, v: &DynBase<S2>, side: crate::Side) -> Result<Array<i64>> {
        crate::searchsorted_dyn(self, v, side, None)
    }
}

/// Checks `kth` against the lane length of `a` along `axis` as `partition` does; the
/// normalised axis.
pub(crate) fn check_kth<S: DynData>(a: &DynBase<S>, kth: &[isize], axis: isize) -> Result<usize> {
    let ax = normalize_axis(axis, a.ndim())?;
    super::select::kths(kth, a.shape()[ax])?;
    Ok(ax)
}
