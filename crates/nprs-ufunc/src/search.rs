//! [`searchsorted`]: where needles would go in a sorted 1-d array, in NumPy's order
//! (NaN last), with `side` and an optional `sorter` permutation.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_ufunc::{Side, searchsorted, searchsorted_scalar};
//! let a = array![1.0, 2.0, 2.0, 3.0, f64::NAN];
//! let v = array![2.0, f64::NAN, 0.0];
//! assert_eq!(searchsorted(&a, &v, Side::Left, None)?.to_vec(), vec![1, 4, 0]);
//! assert_eq!(searchsorted(&a, &v, Side::Right, None)?.to_vec(), vec![3, 5, 0]);
//! assert_eq!(searchsorted_scalar(&a, 2.5, Side::Left, None)?, 3);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use std::cmp::Ordering;
use std::str::FromStr;

use nprs_core::dynarray::{DynBase, DynData, concatenate};
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Error, Order, Result, promote_types};
use rayon::prelude::*;

use crate::dispatch::{typed_cow, with_numeric};
use crate::sort::SortElem;
use crate::sort::keys::global_ranks;

/// NumPy's `side=` of `searchsorted`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    /// `'left'`: the first suitable index (`a[i-1] < v <= a[i]`).
    #[default]
    Left,
    /// `'right'`: the last suitable index (`a[i-1] <= v < a[i]`).
    Right,
}

impl FromStr for Side {
    type Err = Error;
    /// NumPy's parsing: the first letter decides (`'l'` or `'r'`, any case).
    fn from_str(s: &str) -> Result<Self> {
        match s.chars().next().map(|c| c.to_ascii_lowercase()) {
            Some('l') => Ok(Side::Left),
            Some('r') => Ok(Side::Right),
            _ => Err(Error::SearchSide { got: s.to_string() }),
        }
    }
}

/// The sorted haystack: `a` itself, or `a` read through `sorter`.
struct Haystack<'a, T> {
    a: &'a [T],
    sorter: Option<&'a [i64]>,
}

impl<T: SortElem> Haystack<'_, T> {
    fn at(&self, i: usize) -> Result<T> {
        match self.sorter {
            None => Ok(self.a[i]),
            Some(s) => usize::try_from(s[i]).ok().and_then(|j| self.a.get(j).copied()).ok_or(Error::SorterRange),
        }
    }

    /// The insertion point of `x` within `lo..hi`.
    fn find(&self, x: T, side: Side, mut lo: usize, mut hi: usize) -> Result<usize> {
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let c = T::np_cmp(self.at(mid)?, x);
            let go_right = match side {
                Side::Left => c == Ordering::Less,
                Side::Right => c != Ordering::Greater,
            };
            if go_right {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        Ok(lo)
    }
}

/// Needles searched together: their binary searches advance in lockstep, so the haystack
/// reads of one step do not depend on each other and their cache misses overlap (the
/// search of a long haystack is otherwise one chain of misses).
const BATCH: usize = 16;

/// Needles per parallel task.
const PAR_CHUNK: usize = 1 << 13;

/// True when the insertion point of `x` lies after the haystack element `h`.
#[inline(always)]
fn after<T: SortElem, const RIGHT: bool>(h: T, x: T) -> bool {
    let c = T::np_cmp(h, x);
    if RIGHT { c != Ordering::Greater } else { c == Ordering::Less }
}

/// The insertion points of the needles `xs` in the sorted `a` (NumPy's order): batched
/// searches, split over threads past [`PAR_CHUNK`] needles.
pub(crate) fn insertion_points<T: SortElem>(a: &[T], xs: &[T], side: Side) -> Vec<i64> {
    let mut out = vec![0i64; xs.len()];
    if xs.len() <= PAR_CHUNK {
        search_block(a, xs, side, &mut out);
    } else {
        out.par_chunks_mut(PAR_CHUNK).zip(xs.par_chunks(PAR_CHUNK)).for_each(|(o, x)| search_block(a, x, side, o));
    }
    out
}

/// The insertion points of the needles `xs` in the sorted `a`, into `out`.
fn search_block<T: SortElem>(a: &[T], xs: &[T], side: Side, out: &mut [i64]) {
    match side {
        Side::Left => search_batched::<T, false>(a, xs, out),
        Side::Right => search_batched::<T, true>(a, xs, out),
    }
}

/// Branch-free binary searches of [`BATCH`] needles at a time over the whole haystack (the
/// result does not depend on where a search starts, so NumPy's hint from the previous
/// needle is not needed): each step halves every needle's range `base..base + size`.
fn search_batched<T: SortElem, const RIGHT: bool>(a: &[T], xs: &[T], out: &mut [i64]) {
    let n = a.len();
    if n == 0 {
        out.fill(0);
        return;
    }
    for (xc, oc) in xs.chunks(BATCH).zip(out.chunks_mut(BATCH)) {
        let mut base = [0usize; BATCH];
        let mut size = n;
        while size > 1 {
            let half = size / 2;
            for (b, &x) in base.iter_mut().zip(xc) {
                let mid = *b + half;
                *b = if after::<T, RIGHT>(a[mid], x) { mid } else { *b };
            }
            size -= half;
        }
        for ((o, &b), &x) in oc.iter_mut().zip(&base).zip(xc) {
            *o = (b + usize::from(after::<T, RIGHT>(a[b], x))) as i64;
        }
    }
}

fn haystack<'a, T: SortElem>(a: &'a [T], sorter: Option<&'a [i64]>) -> Result<Haystack<'a, T>> {
    if let Some(s) = sorter
        && s.len() != a.len()
    {
        return Err(Error::SorterSize);
    }
    Ok(Haystack { a, sorter })
}

fn one_d<S: Data>(a: &ArrayBase<S>) -> Result<std::borrow::Cow<'_, [S::Elem]>> {
    if a.ndim() != 1 {
        return Err(Error::TooDeep);
    }
    Ok(a.as_slice().map_or_else(|| std::borrow::Cow::Owned(a.to_vec()), std::borrow::Cow::Borrowed))
}

/// `numpy.searchsorted(a, v, side, sorter)`: for each needle of `v` (any shape), the index
/// in the sorted 1-d `a` where it would be inserted to keep the order. Without a `sorter`
/// the needles are searched in batches of branch-free binary searches, on several threads
/// for many needles; with one, increasing needles narrow each search to the rest of the
/// haystack, as NumPy does.
///
/// # Errors
/// "object too deep for desired array" when `a` is not 1-d; "sorter.size must equal
/// a.size"; "Sorter index out of range." for a sorter entry the search reads.
pub fn searchsorted<S: Data, S2: Data<Elem = S::Elem>>(
    a: &ArrayBase<S>,
    v: &ArrayBase<S2>,
    side: Side,
    sorter: Option<&Array<i64>>,
) -> Result<Array<i64>>
where
    S::Elem: SortElem,
{
    let av = one_d(a)?;
    if sorter.is_none() {
        let xs = v.as_slice().map_or_else(|| std::borrow::Cow::Owned(v.to_vec()), std::borrow::Cow::Borrowed);
        return Array::from_shape_vec(v.shape(), insertion_points(&av, &xs, side));
    }
    let sv = sorter.map(ArrayBase::to_vec);
    let h = haystack(&av, sv.as_deref())?;
    let n = av.len();
    let mut out = Vec::with_capacity(v.size());
    let mut lo = 0usize;
    let mut last: Option<S::Elem> = None;
    for x in v.iter() {
        // NumPy's hint: a needle not below the previous one starts where that one ended.
        if !matches!(last, Some(p) if S::Elem::np_cmp(p, x) != Ordering::Greater) {
            lo = 0;
        }
        let i = h.find(x, side, lo, n)?;
        lo = i;
        last = Some(x);
        out.push(i as i64);
    }
    Array::from_shape_vec(v.shape(), out)
}

/// `numpy.searchsorted(a, x)` for one needle.
///
/// # Errors
/// As [`searchsorted`].
pub fn searchsorted_scalar<S: Data>(
    a: &ArrayBase<S>,
    x: S::Elem,
    side: Side,
    sorter: Option<&Array<i64>>,
) -> Result<i64>
where
    S::Elem: SortElem,
{
    let av = one_d(a)?;
    let sv = sorter.map(ArrayBase::to_vec);
    let h = haystack(&av, sv.as_deref())?;
    Ok(h.find(x, side, 0, av.len())? as i64)
}

/// `numpy.searchsorted` for dynamic arrays of any dtypes NumPy sorts (numbers, strings,
/// bytes, datetimes, records): both are cast to their common dtype first.
///
/// # Errors
/// As [`searchsorted`]; `TypeError` for dtypes without a common dtype.
///
/// ```
/// use nprs_core::DynArray;
/// use nprs_ufunc::{Side, searchsorted_dyn};
/// let a = DynArray::from_strs(&["a", "bb", "c"]);
/// let i = searchsorted_dyn(&a, &DynArray::from_strs(&["b", "bbb", "c"]), Side::Left, None)?;
/// assert_eq!(i.to_vec(), vec![1, 2, 2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn searchsorted_dyn<S: DynData, S2: DynData>(
    a: &DynBase<S>,
    v: &DynBase<S2>,
    side: Side,
    sorter: Option<&Array<i64>>,
) -> Result<Array<i64>> {
    let common = promote_types(a.dtype(), v.dtype())?;
    let (a, v) = (a.astype(&common)?, v.astype(&common)?);
    if let Some(t) = common.numeric() {
        return with_numeric!(t, T => searchsorted(&typed_cow::<T, _>(&a)?, &typed_cow::<T, _>(&v)?, side, sorter));
    }
    if a.ndim() != 1 {
        return Err(Error::TooDeep);
    }
    // the needles' and the haystack's ranks among all of them keep NumPy's order
    let vflat = v.to_owned_order(Order::C).into_shape(&[v.size() as isize][..])?;
    let both = concatenate(&[a.view(), vflat.view()], 0)?;
    let r = global_ranks(&both)?.to_vec();
    let (ra, rv) = r.split_at(a.size());
    searchsorted(&Array::from_vec(ra.to_vec()), &Array::from_shape_vec(v.shape(), rv.to_vec())?, side, sorter)
}
