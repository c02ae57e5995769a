//! Sorting: [`sort`], [`argsort`] and the in-place [`SortInPlace::sort`] along any axis, in
//! NumPy's order for every numeric dtype, and their dynamic twins [`sort_dyn`] and
//! [`argsort_dyn`] for every dtype NumPy sorts: numbers, `U`/`S` strings (code point or
//! byte order, a prefix first), `datetime64`/`timedelta64` (NaT last) and records (field
//! by field; [`sort_fields_dyn`] takes NumPy's `order=`). Strings, datetimes and records
//! are ordered once per call into integer ranks, which the integer kernels then sort.
//!
//! NumPy's order: integers and bool by value; floats with NaN last and `-0.0 == 0.0` (equal
//! elements keep their input order under a stable kind); complex numbers by real part,
//! then imaginary part, with `[R + Rj, R + nanj, nan + Rj, nan + nanj]`.
//!
//! Bool, integers and floats are sorted stably by an LSD radix sort (8-, 11- or 16-bit
//! digits) over order-preserving integer keys, so the stable kinds get NumPy's stable
//! result and `argsort` indices. The unstable kinds (`Quicksort`, the default, and
//! `Heapsort`) of `float64`, `float32`, `int64`, `int32`, `uint64` and `uint32` run an
//! AVX-512 quicksort when the CPU has AVX-512F (detected at run time): vectorised
//! partitions, bitonic sorting networks for short ranges, heapsort past a depth limit, NaNs
//! last, and both sides of partitions of over 2e5 elements on two threads; their `argsort`
//! sorts the elements' 64-bit keys with their indices through the same kernel. Equal
//! elements (`-0.0` and `0.0`, NaNs, ties) come out in any order, as NumPy allows. Without
//! AVX-512 and for the other types the unstable kinds use the radix sort too.
//! Short lanes use a comparison sort (pattern-defeating quicksort, or merge sort for the
//! stable kinds); complex numbers always do.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_ufunc::{argsort, sort};
//! let a = array![[3.0, f64::NAN, -1.0], [0.5, -0.0, 0.0]];
//! let s = sort(&a, Some(-1))?;
//! assert_eq!(s.slice(s![0, ..2]).to_vec(), vec![-1.0, 3.0]);
//! assert!(s.get(&[0, 2])?.is_nan());
//! assert_eq!(argsort(&a, Some(0))?.to_vec(), vec![1, 1, 0, 0, 0, 1]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

pub(crate) mod dynamic;
mod elem;
pub(crate) mod keys;
pub(crate) mod radix;
pub(crate) mod select;
// The AVX-512 sort kernels need `std::arch` intrinsics; every unsafe block there says why it is sound.
#[allow(unsafe_code)]
mod simd;

use std::str::FromStr;

use nprs_core::dims::normalize_axis;
use nprs_core::kernel::{Data, DataMut};
use nprs_core::{Array, ArrayBase, ArrayViewMut, Element, Error, Result};

pub use dynamic::{DynSortInPlace, DynSortMethods, argsort_dyn, argsort_fields_dyn, sort_dyn, sort_fields_dyn};
pub(crate) use elem::KeyElem;
pub use elem::SortElem;
pub(crate) use select::select_many;
pub use select::{PartitionInPlace, argpartition, lexsort, lexsort_dyn, partition, sort_complex};

/// NumPy's sort `kind`. NumPy leaves the order of equal elements unspecified for
/// `Quicksort` and `Heapsort`, and so does nprs (which of `-0.0`/`0.0` comes first); the
/// values are the same for every kind, and so are `argsort`'s indices wherever the
/// elements are distinct.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKind {
    /// `'quicksort'` (the default): introsort in NumPy.
    #[default]
    Quicksort,
    /// `'mergesort'`: stable.
    Mergesort,
    /// `'heapsort'`: unstable.
    Heapsort,
    /// `'stable'`: stable (`stable=True` in NumPy).
    Stable,
}

impl SortKind {
    /// True for the kinds that keep equal elements in input order.
    #[must_use]
    pub fn is_stable(self) -> bool {
        matches!(self, SortKind::Mergesort | SortKind::Stable)
    }
}

impl FromStr for SortKind {
    type Err = Error;
    /// NumPy's parsing: the first letter decides (`'q'`, `'m'`, `'h'`, `'s'`, any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('q') => Ok(SortKind::Quicksort),
            Some('m') => Ok(SortKind::Mergesort),
            Some('h') => Ok(SortKind::Heapsort),
            Some('s') => Ok(SortKind::Stable),
            _ => Err(Error::SortKind { got: s.to_string() }),
        }
    }
}

/// Calls `f` on every lane along `axis` as a contiguous slice: in place when the lane is
/// contiguous (the lanes of a C-ordered array's last axis over the rayon pool), else
/// through a gather/scatter buffer.
pub(crate) fn for_each_lane_slice<T: Element>(
    a: &mut ArrayViewMut<'_, T>,
    axis: usize,
    f: impl Fn(&mut [T]) + Sync + Send,
) -> Result<()> {
    // The last axis of a C-ordered array: whole lanes in place, several per thread.
    let n = a.shape().get(axis).copied().unwrap_or(0);
    if axis + 1 == a.ndim()
        && n > 0
        && let Some(s) = a.as_slice_mut()
    {
        use rayon::prelude::*;
        if s.len() >= 1 << 15 && s.len() > n {
            s.par_chunks_mut(n).with_min_len(((1 << 14) / n).max(1)).for_each(f);
        } else {
            s.chunks_mut(n).for_each(f);
        }
        return Ok(());
    }
    let mut buf: Vec<T> = Vec::new();
    a.for_each_lane_mut(axis as isize, |mut lane| {
        if let Some(s) = lane.as_slice_mut() {
            f(s);
        } else {
            buf.clear();
            buf.extend(lane.iter());
            f(&mut buf);
            for (d, s) in lane.iter_mut().zip(&buf) {
                *d = *s;
            }
        }
    })
}

/// Calls `f(input lane, output lane)` for every lane of `a` along `axis` and the matching
/// lane of a new C-order `i64` array of the same shape.
pub(crate) fn map_lanes_to_index<S: Data>(
    a: &ArrayBase<S>,
    axis: usize,
    mut f: impl FnMut(&[S::Elem], &mut [i64]),
) -> Result<Array<i64>> {
    let mut out = Array::<i64>::zeros(a.shape())?;
    let mut lanes = a.lanes(axis as isize)?;
    let mut inbuf: Vec<S::Elem> = Vec::new();
    let mut outbuf: Vec<i64> = Vec::new();
    out.view_mut().for_each_lane_mut(axis as isize, |mut o| {
        let Some(l) = lanes.next() else { return };
        let src: &[S::Elem] = if let Some(s) = l.to_slice() {
            s
        } else {
            inbuf.clear();
            inbuf.extend(l.iter());
            &inbuf
        };
        if let Some(dst) = o.as_slice_mut() {
            f(src, dst);
        } else {
            outbuf.clear();
            outbuf.resize(src.len(), 0);
            f(src, &mut outbuf);
            for (d, s) in o.iter_mut().zip(&outbuf) {
                *d = *s;
            }
        }
    })?;
    Ok(out)
}

/// `numpy.sort(a, axis)` with the default kind: a sorted copy. `axis = None` sorts the
/// flattened array.
///
/// # Errors
/// NumPy's `AxisError` ("axis 2 is out of bounds for array of dimension 2"), also for a
/// 0-d array with an axis.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[3, 1], [2, 9]];
/// assert_eq!(nprs_ufunc::sort(&a, None)?.to_vec(), vec![1, 2, 3, 9]);
/// assert_eq!(nprs_ufunc::sort(&a, Some(0))?.to_vec(), vec![2, 1, 3, 9]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn sort<S: Data>(a: &ArrayBase<S>, axis: Option<isize>) -> Result<Array<S::Elem>>
where
    S::Elem: SortElem,
{
    sort_kind(a, axis, SortKind::Quicksort)
}

/// `numpy.sort(a, axis, kind)`.
///
/// # Errors
/// As [`sort`].
pub fn sort_kind<S: Data>(a: &ArrayBase<S>, axis: Option<isize>, kind: SortKind) -> Result<Array<S::Elem>>
where
    S::Elem: SortElem,
{
    let one_lane = match axis {
        None => true,
        Some(ax) => {
            normalize_axis(ax, a.ndim())?;
            a.ndim() == 1
        }
    };
    // One C-contiguous lane (a 1-d array, or any array flattened): the sorted copy is
    // written in one step, which the AVX-512 kernels fuse with their first partition.
    if one_lane && let Some(src) = a.as_slice() {
        let stable = kind.is_stable();
        return Ok(Array::uninit(&[src.len()])?.init_slice(|dst| S::Elem::sort_lane_into(src, dst, stable)));
    }
    let mut out = match axis {
        None => Array::from_vec(a.to_vec()),
        Some(_) => a.to_owned(),
    };
    out.sort_kind(axis.unwrap_or(-1), kind)?;
    Ok(out)
}

/// `numpy.argsort(a, axis)`: the `int64` indices that sort `a` along `axis` (`None`: the
/// flattened array). With the default kind, as in NumPy, the indices of equal elements
/// (ties, `-0.0` and `0.0`, NaNs) come in any order for `float64`, `float32`, `int64`,
/// `int32`, `uint64` and `uint32` where the CPU has AVX-512 (an AVX-512 argsort), and in
/// input order otherwise; [`argsort_kind`] with a stable kind always gives NumPy's stable
/// indices. A 0-d array is treated as 1-d, as NumPy does.
///
/// # Errors
/// NumPy's `AxisError`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_ufunc::{SortKind, argsort, argsort_kind};
/// let a = array![0.5, f64::NAN, -1.0, 2.5];
/// assert_eq!(argsort(&a, Some(-1))?.to_vec(), vec![2, 0, 3, 1]);
/// // ties: in input order with a stable kind, in any order with the default one
/// let t = array![0.5, -1.0, 0.5];
/// assert_eq!(argsort_kind(&t, Some(-1), SortKind::Stable)?.to_vec(), vec![1, 0, 2]);
/// assert_eq!(argsort(&t, Some(-1))?.to_vec()[0], 1);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn argsort<S: Data>(a: &ArrayBase<S>, axis: Option<isize>) -> Result<Array<i64>>
where
    S::Elem: SortElem,
{
    argsort_kind(a, axis, SortKind::Quicksort)
}

/// `numpy.argsort(a, axis, kind)`.
///
/// # Errors
/// As [`argsort`].
pub fn argsort_kind<S: Data>(a: &ArrayBase<S>, axis: Option<isize>, kind: SortKind) -> Result<Array<i64>>
where
    S::Elem: SortElem,
{
    let lane = if kind.is_stable() { S::Elem::argsort_lane } else { S::Elem::argsort_lane_unstable };
    if axis.is_none() || a.ndim() == 0 {
        let flat = Array::from_vec(a.to_vec());
        let ax = normalize_axis(axis.unwrap_or(0), 1)?;
        return map_lanes_to_index(&flat, ax, lane);
    }
    let ax = normalize_axis(axis.unwrap_or(-1), a.ndim())?;
    map_lanes_to_index(a, ax, lane)
}

/// NumPy's read-only array methods for sorting (`a.argsort()`).
pub trait SortMethods<T: SortElem> {
    /// `a.argsort()`: the indices that sort along the last axis.
    ///
    /// # Errors
    /// As [`argsort`].
    fn argsort(&self) -> Result<Array<i64>>;
    /// `a.searchsorted(v, side)` on a sorted 1-d array.
    ///
    /// # Errors
    /// As [`searchsorted`](crate::searchsorted).
    fn searchsorted<S2: Data<Elem = T>>(&self, v: &ArrayBase<S2>, side: crate::Side) -> Result<Array<i64>>;
}

impl<S: Data> SortMethods<S::Elem> for ArrayBase<S>
where
    S::Elem: SortElem,
{
    fn argsort(&self) -> Result<Array<i64>> {
        argsort(self, Some(-1))
    }
    fn searchsorted<S2: Data<Elem = S::Elem>>(&self, v: &ArrayBase<S2>, side: crate::Side) -> Result<Array<i64>> {
        crate::searchsorted(self, v, side, None)
    }
}

/// NumPy's in-place array methods for sorting (`a.sort(axis)`).
pub trait SortInPlace<T: SortElem> {
    /// `a.sort(axis)`: sorts in place along `axis`.
    ///
    /// # Errors
    /// NumPy's `AxisError`.
    fn sort(&mut self, axis: isize) -> Result<()>;
    /// `a.sort(axis, kind)`.
    ///
    /// # Errors
    /// NumPy's `AxisError`.
    fn sort_kind(&mut self, axis: isize, kind: SortKind) -> Result<()>;
}

impl<S: DataMut> SortInPlace<S::Elem> for ArrayBase<S>
where
    S::Elem: SortElem,
{
    fn sort(&mut self, axis: isize) -> Result<()> {
        self.sort_kind(axis, SortKind::Quicksort)
    }
    fn sort_kind(&mut self, axis: isize, kind: SortKind) -> Result<()> {
        let ax = normalize_axis(axis, self.ndim())?;
        let stable = kind.is_stable();
        for_each_lane_slice(&mut self.view_mut(), ax, |s| S::Elem::sort_lane(s, stable))
    }
}
