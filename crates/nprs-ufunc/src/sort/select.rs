//! [`partition`], [`argpartition`], [`lexsort`] and [`sort_complex`].

use nprs_core::dims::normalize_axis;
use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C64, C128, DType, DynArray, Element, Error, Result};

use super::{SortElem, SortInPlace, for_each_lane_slice, map_lanes_to_index};
use crate::dispatch::numeric_dtype;

/// The `kth` values normalised against a lane of length `n` and sorted.
pub(crate) fn kths(kth: &[isize], n: usize) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(kth.len());
    for &k in kth {
        let k2 = if k < 0 { k + n as isize } else { k };
        if k2 < 0 || k2 >= n as isize {
            return Err(Error::KthOutOfBounds { kth: k2, len: n });
        }
        out.push(k2 as usize);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// Places each `kth` element of `v` (by `cmp`) where a full sort would put it, smaller or
/// equal ones before, greater or equal ones after.
pub(crate) fn select_many<T>(v: &mut [T], ks: &[usize], cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Copy) {
    let mut start = 0;
    for &k in ks {
        if k >= start {
            v[start..].select_nth_unstable_by(k - start, cmp);
            start = k + 1;
        }
    }
}

fn lane_len(shape: &[usize], axis: usize) -> usize {
    shape.get(axis).copied().unwrap_or(0)
}

/// `numpy.partition(a, kth, axis)`: a copy in which the element at each index of `kth`
/// (negative counts from the end) is the one a full sort would put there, every element
/// before it compares not greater and every element after it not smaller (NumPy's order:
/// NaN last). The order within the parts is unspecified, as in NumPy.
///
/// # Errors
/// NumPy's `AxisError` (also for 0-d input); "kth(=5) out of bounds (5)".
///
/// ```
/// use nprs_core::prelude::*;
/// let p = nprs_ufunc::partition(&array![7i64, 1, 5, 3, 9], &[2], -1)?;
/// assert_eq!(p.get(&[2])?, 5i64);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn partition<S: Data>(a: &ArrayBase<S>, kth: &[isize], axis: isize) -> Result<Array<S::Elem>>
where
    S::Elem: SortElem,
{
    let mut out = a.to_owned();
    out.partition(kth, axis)?;
    Ok(out)
}

/// `numpy.argpartition(a, kth, axis)`: the indices that would partition `a` (see
/// [`partition`]).
///
/// # Errors
/// As [`partition`].
pub fn argpartition<S: Data>(a: &ArrayBase<S>, kth: &[isize], axis: isize) -> Result<Array<i64>>
where
    S::Elem: SortElem,
{
    let ax = normalize_axis(axis, a.ndim())?;
    let ks = kths(kth, lane_len(a.shape(), ax))?;
    map_lanes_to_index(a, ax, |v, out| {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        select_many(&mut idx, &ks, |&i, &j| S::Elem::np_cmp(v[i], v[j]));
        for (o, i) in out.iter_mut().zip(idx) {
            *o = i as i64;
        }
    })
}

/// The in-place `a.partition(kth, axis)`.
pub trait PartitionInPlace {
    /// Partitions in place along `axis` (see [`partition`]).
    ///
    /// # Errors
    /// As [`partition`].
    fn partition(&mut self, kth: &[isize], axis: isize) -> Result<()>;
}

impl<S: nprs_core::kernel::DataMut> PartitionInPlace for ArrayBase<S>
where
    S::Elem: SortElem,
{
    fn partition(&mut self, kth: &[isize], axis: isize) -> Result<()> {
        let ax = normalize_axis(axis, self.ndim())?;
        let ks = kths(kth, lane_len(self.shape(), ax))?;
        for_each_lane_slice(&mut self.view_mut(), ax, |v| S::Elem::partition_lane(v, &ks))
    }
}

/// `numpy.lexsort(keys, axis)`: the indices that sort by the last key, then the one before
/// it, and so on (stable), along `axis` (−1 in NumPy's default).
///
/// # Errors
/// "need sequence of keys with len > 0 in lexsort" (`TypeError`), "all keys need to be the
/// same shape", NumPy's `AxisError`.
///
/// ```
/// use nprs_core::prelude::*;
/// let first = array![1, 5, 1, 4, 3, 4, 4];
/// let last = array![9, 4, 0, 4, 0, 2, 1];
/// // sort by `first`, ties by `last`
/// let i = nprs_ufunc::lexsort(&[last.view(), first.view()], -1)?;
/// assert_eq!(i.to_vec(), vec![2, 0, 4, 6, 5, 3, 1]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn lexsort<S: Data>(keys: &[ArrayBase<S>], axis: isize) -> Result<Array<i64>>
where
    S::Elem: SortElem,
{
    let Some(first) = keys.first() else {
        return Err(Error::LexsortNoKeys);
    };
    if keys.iter().any(|k| k.shape() != first.shape()) {
        return Err(Error::LexsortShapes);
    }
    if first.ndim() == 0 {
        return Ok(Array::from_elem_0d(0));
    }
    let ax = normalize_axis(axis, first.ndim())?;
    // the lanes of every key, in the same (C) order
    let lanes: Vec<Vec<Vec<S::Elem>>> =
        keys.iter().map(|k| Ok(k.lanes(ax as isize)?.map(|l| l.to_vec()).collect())).collect::<Result<_>>()?;
    let mut lane = 0;
    map_lanes_to_index(first, ax, |_, out| {
        let n = out.len();
        let mut idx: Vec<usize> = (0..n).collect();
        for key in &lanes {
            let k = &key[lane];
            idx.sort_by(|&i, &j| S::Elem::np_cmp(k[i], k[j]));
        }
        for (o, i) in out.iter_mut().zip(idx) {
            *o = i as i64;
        }
        lane += 1;
    })
}

/// `numpy.lexsort` for keys of any dtypes NumPy sorts (each compared in its own dtype:
/// numbers, strings, bytes, datetimes, records).
///
/// # Errors
/// As [`lexsort`].
pub fn lexsort_dyn<S: DynData>(keys: &[DynBase<S>], axis: isize) -> Result<Array<i64>> {
    let Some(first) = keys.first() else {
        return Err(Error::LexsortNoKeys);
    };
    if keys.iter().any(|k| k.shape() != first.shape()) {
        return Err(Error::LexsortShapes);
    }
    if first.ndim() == 0 {
        return Ok(Array::from_elem_0d(0));
    }
    let ax = normalize_axis(axis, first.ndim())?;
    // dense ranks of each key along the axis keep its order in one integer dtype
    let ranks: Vec<Array<i64>> = keys.iter().map(|k| super::keys::ranks_along(k, ax)).collect::<Result<_>>()?;
    lexsort(&ranks, ax as isize)
}

/// `numpy.sort_complex(a)`: `a` sorted along its last axis as complex numbers. The result
/// is `complex64` for int8, uint8, int16 and uint16 input (and complex64), `complex128`
/// for every other dtype, as in NumPy.
///
/// # Errors
/// NumPy's `AxisError` for 0-d input; `TypeError` for non-numeric dtypes.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{C128, DynArray};
/// let s = nprs_ufunc::sort_complex(&DynArray::from(array![5.0, 3.0, 6.0]))?;
/// assert_eq!(s.typed::<C128>()?.to_vec()[0], C128::new(3.0, 0.0));
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn sort_complex<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    let t = numeric_dtype(a, "sort_complex")?;
    let to = match t {
        DType::Int8 | DType::UInt8 | DType::Int16 | DType::UInt16 | DType::Complex64 => DType::Complex64,
        _ => DType::Complex128,
    };
    let c = a.astype(&to.into())?;
    if to == DType::Complex64 {
        let mut v = c.to_typed::<C64>()?;
        v.sort(-1)?;
        Ok(DynArray::from(v))
    } else {
        let mut v = c.to_typed::<C128>()?;
        v.sort(-1)?;
        Ok(DynArray::from(v))
    }
}

/// Lanes shorter than this select by comparison alone.
const SAMPLE_MIN: usize = 1 << 16;

/// Elements in the sample of [`sample_select`].
const SAMPLE: usize = 1 << 14;

/// The elements a sort by `key` would put at positions `ks` (sorted, distinct, each below
/// `v.len()`), reading `v` instead of reordering it when it is long: a sample of the lane
/// brackets the wanted ranks between two keys, one parallel pass counts the elements
/// below the bracket and gathers those inside it (a few percent of the lane), and a
/// comparison select over the gathered ones finishes. When the bracket misses (a skewed
/// lane), the lane is selected in place as [`select_many`] does.
pub(crate) fn sample_select<T, K>(v: &mut [T], ks: &[usize], key: impl Fn(T) -> K + Sync + Copy) -> Vec<T>
where
    T: Element,
    K: super::radix::RadixKey,
{
    let n = v.len();
    let by_key = move |a: &T, b: &T| key(*a).cmp(&key(*b));
    if n < SAMPLE_MIN || ks.is_empty() {
        select_many(v, ks, by_key);
        return ks.iter().map(|&k| v[k]).collect();
    }
    // Ranks far apart are bracketed one at a time.
    if ks[ks.len() - 1] - ks[0] > n / 64 {
        return ks.iter().flat_map(|&k| sample_select(v, &[k], key)).collect();
    }
    if let Some(found) = bracket_select(v, ks, key) {
        return found;
    }
    select_many(v, ks, by_key);
    ks.iter().map(|&k| v[k]).collect()
}

/// [`sample_select`]'s bracket: `None` when the wanted ranks fall outside it.
fn bracket_select<T, K>(v: &[T], ks: &[usize], key: impl Fn(T) -> K + Sync + Copy) -> Option<Vec<T>>
where
    T: Element,
    K: super::radix::RadixKey,
{
    use rayon::prelude::*;
    let n = v.len();
    // An evenly spread sample, each pick jittered inside its stride.
    let stride = n / SAMPLE;
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut sample: Vec<K> = (0..SAMPLE)
        .map(|i| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            key(v[i * stride + (state >> 33) as usize % stride])
        })
        .collect();
    sample.sort_unstable();
    // Six standard deviations of a sample rank on either side.
    let margin = 6 * (SAMPLE as f64).sqrt() as usize / 2 + 8;
    let rank = |k: usize| (k as f64 * SAMPLE as f64 / n as f64) as usize;
    // The bracket as widened keys: no lower end is 0, no upper end `u64::MAX`.
    let lo = rank(ks[0]).checked_sub(margin).map_or(0, |r| sample[r].wide());
    let hi = sample.get(rank(ks[ks.len() - 1]) + margin).map_or(u64::MAX, |k| k.wide());
    let piece = n.div_ceil(4 * rayon::current_num_threads().max(1)).max(1 << 15);
    let parts: Vec<(usize, Vec<T>)> = v
        .par_chunks(piece)
        .map(|c| {
            // Branch-free: every element is written to a block buffer, and the buffer's
            // length grows only for the ones inside.
            const BUF: usize = 1024;
            let mut below = 0usize;
            let mut got = Vec::new();
            let mut buf = [T::default(); BUF];
            for block in c.chunks(BUF) {
                let mut len = 0usize;
                for &x in block {
                    let kx = key(x).wide();
                    below += usize::from(kx < lo);
                    buf[len.min(BUF - 1)] = x;
                    len += usize::from((kx >= lo) & (kx <= hi));
                }
                got.extend_from_slice(&buf[..len]);
            }
            (below, got)
        })
        .collect();
    let below: usize = parts.iter().map(|p| p.0).sum();
    let mut cand: Vec<T> = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    for (_, g) in parts {
        cand.extend(g);
    }
    if ks[0] < below || ks[ks.len() - 1] >= below + cand.len() {
        return None;
    }
    let local: Vec<usize> = ks.iter().map(|&k| k - below).collect();
    select_many(&mut cand, &local, move |a: &T, b: &T| key(*a).cmp(&key(*b)));
    Some(local.iter().map(|&k| cand[k]).collect())
}
