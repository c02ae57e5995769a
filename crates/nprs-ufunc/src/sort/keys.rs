//! NumPy's order for every dtype of a dynamic array, as per-lane permutations and dense
//! integer ranks: the one place where strings, bytes, datetimes and records are ordered.
//!
//! Every sorting, searching and set routine for those dtypes works on the ranks: two
//! elements compare as their ranks do, so the typed `int64` kernels (the stable radix sort,
//! `unique`, `searchsorted`, `isin`) give NumPy's answers for them.
//!
//! - `U<n>`: code point by code point (NumPy compares UCS4 units as unsigned numbers); the
//!   zero padding makes a prefix sort first.
//! - `S<n>` (and unstructured `V<n>`): byte by byte, unsigned.
//! - `datetime64`/`timedelta64`: by value, NaT after everything (all NaTs equal).
//! - records: field by field (the fields of `order=` first, then the others in dtype
//!   order), each field in its own dtype's order; a sub-array field element by element.
//! - numbers: [`SortElem`](super::SortElem)'s order.

use std::cmp::Ordering;

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::{Array, DType, Descr, DescrKind, DynArray, Error, Order, Result};

use super::SortElem;
use crate::dispatch::{typed_cow, with_numeric};

/// The stable order and dense ranks of the lanes of an array whose lanes are its last
/// axis, stored lane after lane (C order).
pub(crate) struct LaneOrder {
    /// For each lane, the positions in the lane in sorted order (stable).
    pub perm: Vec<usize>,
    /// For each element, the number of distinct smaller values in its lane.
    pub ranks: Vec<i64>,
    /// The lane length.
    pub n: usize,
}

/// Sorts each lane of `len / n` lanes of length `n` by `cmp` (stable) and ranks it.
fn rank_lanes(len: usize, n: usize, cmp: impl Fn(usize, usize) -> Ordering) -> LaneOrder {
    let mut perm: Vec<usize> = Vec::with_capacity(len);
    let mut ranks = vec![0i64; len];
    if n > 0 {
        for base in (0..len).step_by(n) {
            let start = perm.len();
            perm.extend(0..n);
            let lane = &mut perm[start..];
            lane.sort_by(|&i, &j| cmp(base + i, base + j));
            let mut rank = 0i64;
            for k in 0..n {
                if k > 0 && cmp(base + lane[k - 1], base + lane[k]).is_ne() {
                    rank += 1;
                }
                ranks[base + lane[k]] = rank;
            }
        }
    }
    LaneOrder { perm, ranks, n }
}

/// [`rank_lanes`] for elements ordered by a sequence of `u64` keys, `key(i, level)` for
/// `level < levels` (each a monotone image of the next code points or bytes; equal at every
/// level means equal elements): each lane is sorted by its level-0 keys (the vectorised
/// argsort where the CPU has it), then each run of equal keys by the next level's keys,
/// down to the last level, where a run of equal elements keeps input order (stable). Every
/// element's key is read once per level instead of its string once per comparison.
///
/// Past level 0 the tied elements lie anywhere in memory (in sorted order): a level's keys
/// are read in one pass over all of its runs, `fetch(i)` asking for element `i`'s memory
/// [`FETCH_AHEAD`] elements before its key is read, so that the loads overlap.
fn rank_lanes_keyed(
    len: usize,
    n: usize,
    levels: usize,
    key: impl Fn(usize, usize) -> u64,
    fetch: impl Fn(usize),
) -> LaneOrder {
    let mut perm: Vec<usize> = Vec::with_capacity(len);
    let mut ranks = vec![0i64; len];
    let mut idx = vec![0i64; n];
    // `tie[k]`: the `k`-th element of the sorted lane equals the one before it.
    let mut tie = vec![false; n];
    let mut pairs: Vec<(u64, usize)> = Vec::new();
    // The positions still tied at a level, and their keys there.
    let mut tied: Vec<usize> = Vec::new();
    let mut next: Vec<u64> = Vec::new();
    if n > 0 {
        for base in (0..len).step_by(n) {
            let keys: Vec<u64> = (base..base + n).map(|i| key(i, 0)).collect();
            <u64 as SortElem>::argsort_lane_unstable(&keys, &mut idx);
            let start = perm.len();
            perm.extend(idx.iter().map(|&i| i as usize));
            let lane = &mut perm[start..];
            tie.fill(false);
            // Runs of equal keys still to order by the next level.
            let mut runs: Vec<(usize, usize)> = Vec::new();
            equal_runs(0, n, |p| keys[lane[p]], |r, t| runs.push((r, t)));
            for level in 1.. {
                if runs.is_empty() {
                    break;
                }
                if level >= levels {
                    for &(s, e) in &runs {
                        lane[s..e].sort_unstable();
                        tie[s + 1..e].fill(true);
                    }
                    break;
                }
                tied.clear();
                tied.extend(runs.iter().flat_map(|&(s, e)| s..e));
                next.clear();
                next.extend(tied.iter().enumerate().map(|(j, &p)| {
                    if let Some(&q) = tied.get(j + FETCH_AHEAD) {
                        fetch(base + lane[q]);
                    }
                    key(base + lane[p], level)
                }));
                let mut deeper = Vec::new();
                let mut at = 0;
                for &(s, e) in &runs {
                    pairs.clear();
                    pairs.extend(next[at..at + e - s].iter().zip(&lane[s..e]).map(|(&k, &i)| (k, i)));
                    at += e - s;
                    pairs.sort_unstable();
                    for (d, &(_, i)) in lane[s..e].iter_mut().zip(&pairs) {
                        *d = i;
                    }
                    equal_runs(s, e, |p| pairs[p - s].0, |r, t| deeper.push((r, t)));
                }
                runs = deeper;
            }
            let mut rank = 0i64;
            for (k, &i) in lane.iter().enumerate() {
                if k > 0 && !tie[k] {
                    rank += 1;
                }
                ranks[base + i] = rank;
            }
        }
    }
    LaneOrder { perm, ranks, n }
}

/// Elements between a memory request and the read of the key it serves.
const FETCH_AHEAD: usize = 16;

/// Calls `each(r, t)` for every run `r..t` of two or more positions in `s..e` whose keys
/// (`key(p)` at position `p`) are equal.
fn equal_runs(s: usize, e: usize, key: impl Fn(usize) -> u64, mut each: impl FnMut(usize, usize)) {
    let mut r = s;
    while r < e {
        let kr = key(r);
        let mut t = r + 1;
        while t < e && key(t) == kr {
            t += 1;
        }
        if t - r > 1 {
            each(r, t);
        }
        r = t;
    }
}

/// The lane order of a typed array's lanes (its last axis), by [`SortElem`]'s order.
fn typed_order<T: SortElem>(v: &[T], n: usize) -> LaneOrder {
    let mut perm = Vec::with_capacity(v.len());
    let mut ranks = vec![0i64; v.len()];
    let mut idx = vec![0i64; n];
    if n > 0 {
        for (l, lane) in v.chunks(n).enumerate() {
            T::argsort_lane(lane, &mut idx);
            let base = l * n;
            let mut rank = 0i64;
            for k in 0..n {
                let i = idx[k] as usize;
                if k > 0 && T::np_cmp(lane[idx[k - 1] as usize], lane[i]).is_ne() {
                    rank += 1;
                }
                ranks[base + i] = rank;
                perm.push(i);
            }
        }
    }
    LaneOrder { perm, ranks, n }
}

/// The lane length of an array whose lanes are its last axis (a 0-d array is one lane).
fn lane_len<S: DynData>(a: &DynBase<S>) -> usize {
    a.shape().last().copied().unwrap_or(1)
}

/// The order key of a datetime/timedelta count: NaT (`i64::MIN`) above every value.
fn time_key(v: i64) -> u64 {
    ((v as u64) ^ (1 << 63)).wrapping_sub(1)
}

/// The field positions of a record dtype in comparison order: `order` first, then the rest.
pub(crate) fn field_order(d: &Descr, order: &[&str]) -> Result<Vec<usize>> {
    let Some(r) = d.record_layout_of() else {
        return if order.is_empty() { Ok(Vec::new()) } else { Err(Error::OrderWithoutFields) };
    };
    let mut keys: Vec<usize> = Vec::new();
    for name in order {
        let i = r
            .fields()
            .iter()
            .position(|f| f.name == *name)
            .ok_or_else(|| Error::UnknownField { name: (*name).to_string() })?;
        if keys.contains(&i) {
            return Err(Error::OrderDuplicateField { name: (*name).to_string() });
        }
        keys.push(i);
    }
    let rest: Vec<usize> = (0..r.fields().len()).filter(|i| !keys.contains(i)).collect();
    keys.extend(rest);
    Ok(keys)
}

/// The stable order and ranks of the lanes (last axis) of `a`, any dtype; records compare
/// their fields in `fields` order (from [`field_order`]).
pub(crate) fn lane_order<S: DynData>(a: &DynBase<S>, fields: &[usize]) -> Result<LaneOrder> {
    let n = lane_len(a);
    let len = a.size();
    let d = a.dtype();
    if let Some(t) = d.numeric() {
        return with_numeric!(t, T => {
            let v = typed_cow::<T, S>(a)?;
            let c = v.to_owned_order(Order::C);
            Ok(typed_order(c.as_slice().unwrap_or(&[]), n))
        });
    }
    match d.kind_of() {
        DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => {
            let v = a.astype(&Descr::from(DType::Int64))?.to_typed::<i64>()?;
            let keys: Vec<u64> = v.iter().map(time_key).collect();
            Ok(typed_order(&keys, n))
        }
        DescrKind::Unicode(w) => {
            let w = *w;
            // The code points in C order and native byte order: borrowed when `a` holds
            // them so already, else one copy.
            let copy;
            let bytes: &[u8] = match a.as_bytes_memory_order() {
                Some(b) if d.is_native() && a.is_c_contiguous() => b,
                _ => {
                    copy = a.to_native_contiguous();
                    copy.as_bytes_memory_order().unwrap_or(&[])
                }
            };
            let unit =
                |k: usize| u32::from_ne_bytes([bytes[4 * k], bytes[4 * k + 1], bytes[4 * k + 2], bytes[4 * k + 3]]);
            let at = |i: usize, j: usize| if j < w { u64::from(unit(i * w + j)) } else { 0 };
            // Unicode's code points fit 21 bits, so three make one exact key: level `l` is
            // code points `3l..3l + 3`. An array holding a larger unit (not a character,
            // but a `U` array may hold one) takes the first three as level 0 with a larger
            // unit clamped and the units after it zero (so the key is monotone but may tie
            // different strings), then two units of 32 bits per level, exact.
            let three = bytes.chunks_exact(4).all(|u| u32::from_ne_bytes([u[0], u[1], u[2], u[3]]) <= 0x1F_FFFF);
            let key = |i: usize, level: usize| {
                if three {
                    (3 * level..3 * level + 3).fold(0u64, |k, j| (k << 21) | at(i, j))
                } else if level == 0 {
                    let mut clamped = false;
                    (0..3).fold(0u64, |k, j| {
                        let u = if clamped { 0 } else { at(i, j).min(0x1F_FFFF) };
                        clamped |= u == 0x1F_FFFF;
                        (k << 21) | u
                    })
                } else {
                    (at(i, 2 * level - 2) << 32) | at(i, 2 * level - 1)
                }
            };
            let levels = if three { w.div_ceil(3).max(1) } else { 1 + w.div_ceil(2) };
            let fetch = |i: usize| nprs_core::kernel::prefetch(bytes.as_ptr().wrapping_add(4 * w * i));
            Ok(rank_lanes_keyed(len, n, levels, key, fetch))
        }
        DescrKind::Bytes(w) | DescrKind::Void(w) => {
            let w = *w;
            let bytes = a.to_owned_order(Order::C).to_bytes();
            // Level `l`: bytes `8l..8l + 8`, big-endian (zero past the end).
            let key = |i: usize, level: usize| {
                let b = &bytes[i * w..(i + 1) * w];
                (8 * level..8 * level + 8).fold(0u64, |k, j| (k << 8) | u64::from(b.get(j).copied().unwrap_or(0)))
            };
            let fetch = |i: usize| nprs_core::kernel::prefetch(bytes.as_ptr().wrapping_add(w * i));
            Ok(rank_lanes_keyed(len, n, w.div_ceil(8).max(1), key, fetch))
        }
        DescrKind::Record(_) => {
            let keys = record_keys(a, fields)?;
            Ok(rank_lanes(len, n, |i, j| {
                keys.iter().map(|k| k[i].cmp(&k[j])).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
            }))
        }
        _ => Err(Error::NotNumeric { op: "sort", dtype: d.to_string() }),
    }
}

/// The per-lane ranks of each field of a record array (lanes along the last axis), in
/// comparison order; a sub-array field gives one key per element of the block.
fn record_keys<S: DynData>(a: &DynBase<S>, fields: &[usize]) -> Result<Vec<Vec<i64>>> {
    let r = a.dtype().record_layout_of().ok_or(Error::OrderWithoutFields)?;
    let mut keys = Vec::new();
    for &i in fields {
        let f = &r.fields()[i];
        let fv = a.field(&f.name)?;
        let extra = fv.ndim() - a.ndim();
        if extra == 0 {
            let sub = field_order(fv.dtype(), &[])?;
            keys.push(lane_order(&fv, &sub)?.ranks);
            continue;
        }
        // a sub-array field: the block's elements are keys one after the other
        let block: usize = fv.shape()[a.ndim()..].iter().product();
        let mut shape: Vec<isize> = a.shape().iter().map(|&s| s as isize).collect();
        shape.push(block as isize);
        let flat = fv.to_owned_order(Order::C).into_shape(&shape[..])?;
        let last = flat.ndim() as isize - 1;
        let front = flat.moveaxis(&[last], &[0])?;
        for m in 0..block {
            let col = front.at(&[m as isize])?;
            let sub = field_order(col.dtype(), &[])?;
            keys.push(lane_order(&col, &sub)?.ranks);
        }
    }
    Ok(keys)
}

/// `a` with `axis` moved last, as a C-ordered copy (so that its lanes are consecutive).
pub(crate) fn axis_last<S: DynData>(a: &DynBase<S>, axis: usize) -> Result<DynArray> {
    let nd = a.ndim() as isize;
    if a.ndim() == 0 {
        return Ok(a.to_owned_order(Order::C));
    }
    Ok(a.moveaxis(&[axis as isize], &[nd - 1])?.to_owned_order(Order::C))
}

/// Moves the last axis of a C-ordered `i64` array of `shape` (the moved layout) back to
/// `axis`, as a C-ordered array.
pub(crate) fn index_back(moved: Vec<i64>, moved_shape: &[usize], axis: usize) -> Result<Array<i64>> {
    let a = Array::from_shape_vec(moved_shape, moved)?;
    if moved_shape.is_empty() {
        return Ok(a);
    }
    let last = moved_shape.len() as isize - 1;
    Ok(a.moveaxis(&[last], &[axis as isize])?.to_owned_order(Order::C))
}

/// The elements of `moved` (lanes along its last axis) gathered lane by lane through
/// `perm`, with `moved`'s dtype and shape.
pub(crate) fn gather_lanes(moved: &DynArray, perm: &[usize], n: usize) -> Result<DynArray> {
    let w = moved.itemsize();
    let copy;
    let bytes: &[u8] = match moved.as_bytes_memory_order() {
        Some(b) if moved.is_c_contiguous() => b,
        _ => {
            copy = moved.to_bytes();
            &copy
        }
    };
    let mut out = Vec::with_capacity(bytes.len());
    if n > 0 {
        for (l, lane) in perm.chunks(n).enumerate() {
            for &i in lane {
                let p = l * n + i;
                out.extend_from_slice(&bytes[p * w..(p + 1) * w]);
            }
        }
    }
    DynArray::from_bytes(&out, moved.dtype(), moved.shape())
}

/// Dense ranks of every element of `a` among all of them (one lane over the array in C
/// order), shaped like `a`: equal elements share a rank, and ranks order as NumPy orders
/// the elements.
pub(crate) fn global_ranks<S: DynData>(a: &DynBase<S>) -> Result<Array<i64>> {
    let flat = a.to_owned_order(Order::C).into_shape(&[a.size() as isize][..])?;
    let fields = field_order(a.dtype(), &[])?;
    let o = lane_order(&flat, &fields)?;
    Array::from_shape_vec(a.shape(), o.ranks)
}

/// True for each element (C order) that holds a NaN: a float or complex NaN, or a record
/// with one in any field.
fn nan_flags<S: DynData>(a: &DynBase<S>) -> Result<Vec<bool>> {
    if let Some(t) = a.dtype().numeric() {
        return with_numeric!(t, T => Ok(typed_cow::<T, S>(a)?.iter().map(SortElem::is_nan).collect()));
    }
    let mut out = vec![false; a.size()];
    if let Some(r) = a.dtype().record_layout_of() {
        for f in r.fields() {
            let fv = a.field(&f.name)?;
            let block = fv.size().checked_div(a.size()).unwrap_or(1).max(1);
            for (o, chunk) in out.iter_mut().zip(nan_flags(&fv)?.chunks(block)) {
                *o |= chunk.contains(&true);
            }
        }
    }
    Ok(out)
}

/// Ranks for `unique`: as [`global_ranks`], except that NumPy's `==` decides which
/// elements are one value, and a record holding a NaN equals no other record.
pub(crate) fn unique_ranks<S: DynData>(a: &DynBase<S>) -> Result<Array<i64>> {
    let flat = a.to_owned_order(Order::C).into_shape(&[a.size() as isize][..])?;
    let fields = field_order(a.dtype(), &[])?;
    let o = lane_order(&flat, &fields)?;
    if a.dtype().record_layout_of().is_none() {
        return Array::from_shape_vec(a.shape(), o.ranks);
    }
    let nan = nan_flags(&flat)?;
    let mut ranks = vec![0i64; o.ranks.len()];
    let mut rank = -1i64;
    for (k, &i) in o.perm.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| o.perm[p]);
        if prev.is_none_or(|p| o.ranks[p] != o.ranks[i] || nan[p] || nan[i]) {
            rank += 1;
        }
        ranks[i] = rank;
    }
    Array::from_shape_vec(a.shape(), ranks)
}

/// Dense ranks of `a` along `axis`, shaped like `a` (`lexsort`'s keys of any dtype).
pub(crate) fn ranks_along<S: DynData>(a: &DynBase<S>, axis: usize) -> Result<Array<i64>> {
    let moved = axis_last(a, axis)?;
    let fields = field_order(a.dtype(), &[])?;
    let o = lane_order(&moved, &fields)?;
    index_back(o.ranks, moved.shape(), axis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nat_sorts_after_every_time() {
        assert!(time_key(i64::MAX) < time_key(i64::MIN));
        assert!(time_key(i64::MIN + 1) < time_key(-1));
        assert!(time_key(-1) < time_key(0));
    }

    #[test]
    fn strings_rank_by_code_point_with_prefixes_first() {
        let a = DynArray::from_strs(&["b", "a", "ab", "", "a"]);
        let o = lane_order(&a, &[]).unwrap();
        assert_eq!(o.ranks, vec![3, 1, 2, 0, 1]);
        assert_eq!(o.perm, vec![3, 1, 4, 2, 0]);
    }
}
