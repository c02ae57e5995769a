//! Unique elements and set routines: [`unique`] (with indices, inverse, counts, axis and
//! `equal_nan`), NumPy 2's [`unique_values`], [`unique_counts`], [`unique_inverse`] and
//! [`unique_all`], [`isin`], [`intersect1d`], [`union1d`], [`setdiff1d`], [`setxor1d`].
//!
//! All of them sort once and walk the runs of equal elements: stably where indices are
//! asked for (so `indices` are first occurrences), with the default kind for values and
//! counts alone (each value still its first occurrence). Equality is NumPy's `==`: `-0.0 == 0.0`, and NaN equals nothing, except
//! that `unique` with `equal_nan` (the default) collapses all NaNs — for complex numbers,
//! every value with a NaN part — into one.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_ufunc::{UniqueOptions, isin, unique, unique_with};
//! let a = array![[3, 1], [1, 4]];
//! assert_eq!(unique(&a).to_vec(), vec![1, 3, 4]);
//! let u = unique_with(&a, &UniqueOptions::new().return_inverse(true).return_counts(true))?;
//! assert_eq!(u.inverse.unwrap().shape(), &[2, 2]); // NumPy 2: the input's shape
//! assert_eq!(u.counts.unwrap().to_vec(), vec![2, 1, 1]);
//! assert_eq!(isin(&array![1, 2], &array![2, 5], false).to_vec(), vec![false, true]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use std::borrow::Cow;
use std::cmp::Ordering;

use nprs_core::dims::normalize_axis;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Result};

use crate::search::{Side, insertion_points};
use crate::sort::{KeyElem, SortElem};

/// Options of [`unique_with`] (NumPy's keyword arguments of `numpy.unique`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UniqueOptions {
    /// `return_index`: the index of each value's first occurrence.
    pub return_index: bool,
    /// `return_inverse`: for each input element, the index of its value.
    pub return_inverse: bool,
    /// `return_counts`: how often each value occurs.
    pub return_counts: bool,
    /// `axis`: unique sub-arrays along this axis; `None` flattens.
    pub axis: Option<isize>,
    /// `equal_nan`: all NaNs are one value (default true; ignored with an axis, as in NumPy).
    pub equal_nan: bool,
}

impl Default for UniqueOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl UniqueOptions {
    /// NumPy's defaults: values only, flattened, `equal_nan=True`.
    #[must_use]
    pub fn new() -> Self {
        UniqueOptions { return_index: false, return_inverse: false, return_counts: false, axis: None, equal_nan: true }
    }
    /// Sets `return_index`.
    #[must_use]
    pub fn return_index(mut self, on: bool) -> Self {
        self.return_index = on;
        self
    }
    /// Sets `return_inverse`.
    #[must_use]
    pub fn return_inverse(mut self, on: bool) -> Self {
        self.return_inverse = on;
        self
    }
    /// Sets `return_counts`.
    #[must_use]
    pub fn return_counts(mut self, on: bool) -> Self {
        self.return_counts = on;
        self
    }
    /// Sets `axis`.
    #[must_use]
    pub fn axis(mut self, axis: Option<isize>) -> Self {
        self.axis = axis;
        self
    }
    /// Sets `equal_nan`.
    #[must_use]
    pub fn equal_nan(mut self, on: bool) -> Self {
        self.equal_nan = on;
        self
    }
}

/// What [`unique_with`] returns: the values and the arrays that were asked for.
#[derive(Clone, Debug)]
pub struct Unique<T: SortElem> {
    /// The sorted unique values (1-d, or the unique sub-arrays along the axis).
    pub values: Array<T>,
    /// First-occurrence indices (`return_index`).
    pub indices: Option<Array<i64>>,
    /// Inverse indices (`return_inverse`): the input's shape without an axis, 1-d with one.
    pub inverse: Option<Array<i64>>,
    /// Counts (`return_counts`).
    pub counts: Option<Array<i64>>,
}

/// NumPy's `a != b` for the run test: different under NumPy's order, or a NaN.
fn differs<T: SortElem>(a: T, b: T) -> bool {
    T::np_cmp(a, b) != Ordering::Equal || a.is_nan() || b.is_nan()
}

/// Runs of equal values in `perm` order: the start of each run.
fn run_starts<T: SortElem>(v: &[T], perm: &[usize], equal_nan: bool) -> Vec<usize> {
    let mut starts = Vec::new();
    for j in 0..perm.len() {
        let new = j == 0 || {
            let (p, c) = (v[perm[j - 1]], v[perm[j]]);
            if equal_nan && p.is_nan() && c.is_nan() { false } else { differs(p, c) }
        };
        if new {
            starts.push(j);
        }
    }
    starts
}

/// The stable sorting permutation of a flat vector.
fn stable_perm<T: SortElem>(v: &[T]) -> Vec<usize> {
    let mut idx = vec![0i64; v.len()];
    T::argsort_lane(v, &mut idx);
    idx.into_iter().map(|i| i as usize).collect()
}

/// The elements of `a` in C order, borrowed when they are contiguous.
fn flat<S: Data>(a: &ArrayBase<S>) -> Cow<'_, [S::Elem]> {
    a.as_slice().map_or_else(|| Cow::Owned(a.to_vec()), Cow::Borrowed)
}

/// [`SortElem::unique_runs`] for the radix-keyed types (bool, integers, floats): an
/// unstable sort of a copy (the AVX-512 quicksort where the CPU has it), then one pass
/// over the runs of equal keys. Equal keys mean identical elements except for the floats'
/// signed zeros and NaN payloads: those runs take their first element in input order, and
/// without `equal_nan` the NaNs (each its own value, counted once) come in input order — so
/// the result is the one the stable permutation gives.
pub(crate) fn unique_runs_keyed<T: SortElem + KeyElem>(v: &[T], equal_nan: bool, counts: bool) -> (Vec<T>, Vec<i64>) {
    if !T::FLOAT
        && let Some(found) = unique_counted(v, counts)
    {
        return found;
    }
    let mut s = v.to_vec();
    T::sort_lane(&mut s, false);
    // NaNs sort last; without equal_nan each is a value of its own
    let end = if T::FLOAT && !equal_nan { s.partition_point(|x| !x.is_nan()) } else { s.len() };
    let zero = T::default().key();
    let (mut vals, mut cnt) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < end {
        let k = s[i].key();
        let mut j = i + 1;
        while j < end && s[j].key() == k {
            j += 1;
        }
        let first = if T::FLOAT && j - i > 1 && (k == zero || s[i].is_nan()) {
            v.iter().copied().find(|x| x.key() == k).unwrap_or(s[i])
        } else {
            s[i]
        };
        vals.push(first);
        if counts {
            cnt.push((j - i) as i64);
        }
        i = j;
    }
    if end < s.len() {
        vals.extend(v.iter().copied().filter(|x| x.is_nan()));
        if counts {
            cnt.resize(vals.len(), 1);
        }
    }
    (vals, cnt)
}

/// [`unique_runs_keyed`] for bools and integers whose keys span at most `v.len()` values
/// (where equal keys mean equal elements): one pass for the smallest and largest key, one
/// counting each key and keeping its element, one over the counts in key order. `None`
/// when the span is wider (a sort is cheaper then) or `v` is empty.
fn unique_counted<T: SortElem>(v: &[T], counts: bool) -> Option<(Vec<T>, Vec<i64>)> {
    let key = |x: T| x.table_key().unwrap_or(0);
    let (lo, hi) = v.iter().fold((u64::MAX, 0u64), |(lo, hi), &x| (lo.min(key(x)), hi.max(key(x))));
    if v.is_empty() || hi - lo >= v.len().max(1 << 10) as u64 {
        return None;
    }
    let span = (hi - lo + 1) as usize;
    let mut seen = vec![0u64; span];
    let mut elem = vec![T::default(); span];
    for &x in v {
        let k = (key(x) - lo) as usize;
        seen[k] += 1;
        elem[k] = x;
    }
    let (mut vals, mut cnt) = (Vec::new(), Vec::new());
    for (k, &c) in seen.iter().enumerate() {
        if c > 0 {
            vals.push(elem[k]);
            if counts {
                cnt.push(c as i64);
            }
        }
    }
    Some((vals, cnt))
}

/// Builds the optional outputs from a permutation and its run starts.
fn outputs(
    perm: &[usize],
    starts: &[usize],
    opts: &UniqueOptions,
    inv_shape: &[usize],
) -> Result<[Option<Array<i64>>; 3]> {
    let n = perm.len();
    let indices = opts.return_index.then(|| Array::from_vec(starts.iter().map(|&s| perm[s] as i64).collect()));
    let inverse = if opts.return_inverse {
        let mut inv = vec![0i64; n];
        for (g, w) in starts.iter().enumerate() {
            let end = starts.get(g + 1).copied().unwrap_or(n);
            for &p in &perm[*w..end] {
                inv[p] = g as i64;
            }
        }
        Some(Array::from_shape_vec(inv_shape, inv)?)
    } else {
        None
    };
    let counts = opts.return_counts.then(|| {
        Array::from_vec(
            starts.iter().enumerate().map(|(g, &s)| (starts.get(g + 1).copied().unwrap_or(n) - s) as i64).collect(),
        )
    });
    Ok([indices, inverse, counts])
}

/// `unique` of the flattened elements `v` with `opts` (its axis ignored); the inverse in
/// `inv_shape`. Values and counts alone need no permutation ([`SortElem::unique_runs`]).
fn unique_flat<T: SortElem>(v: &[T], opts: &UniqueOptions, inv_shape: &[usize]) -> Result<Unique<T>> {
    if !opts.return_index
        && !opts.return_inverse
        && let Some((vals, cnt)) = T::unique_runs(v, opts.equal_nan, opts.return_counts)
    {
        let counts = opts.return_counts.then(|| Array::from_vec(cnt));
        return Ok(Unique { values: Array::from_vec(vals), indices: None, inverse: None, counts });
    }
    let perm = stable_perm(v);
    let starts = run_starts(v, &perm, opts.equal_nan);
    let values = Array::from_vec(starts.iter().map(|&s| v[perm[s]]).collect());
    let [indices, inverse, counts] = outputs(&perm, &starts, opts, inv_shape)?;
    Ok(Unique { values, indices, inverse, counts })
}

/// `numpy.unique(a)`: the sorted unique elements of the flattened array (NaNs collapsed).
#[must_use]
pub fn unique<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem>
where
    S::Elem: SortElem,
{
    // without an inverse nothing can fail
    unique_flat(&flat(a), &UniqueOptions::new().equal_nan(true), &[])
        .map_or_else(|_| Array::from_vec(Vec::new()), |u| u.values)
}

/// `numpy.unique(a, return_index, return_inverse, return_counts, axis, equal_nan)`.
///
/// # Errors
/// NumPy's `AxisError` for a bad axis.
pub fn unique_with<S: Data>(a: &ArrayBase<S>, opts: &UniqueOptions) -> Result<Unique<S::Elem>>
where
    S::Elem: SortElem,
{
    let Some(axis) = opts.axis else {
        return unique_flat(&flat(a), opts, a.shape());
    };
    let ax = normalize_axis(axis, a.ndim())?;
    let moved = a.moveaxis(&[ax as isize], &[0])?;
    let n = moved.shape()[0];
    let flat = moved.to_vec();
    let width = flat.len().checked_div(n).unwrap_or(0);
    let row = |i: usize| &flat[i * width..(i + 1) * width];
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&i, &j| {
        row(i).iter().zip(row(j)).map(|(&x, &y)| S::Elem::np_cmp(x, y)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal)
    });
    let starts: Vec<usize> =
        (0..n).filter(|&j| j == 0 || row(perm[j - 1]).iter().zip(row(perm[j])).any(|(&x, &y)| differs(x, y))).collect();
    let mut vals = Vec::with_capacity(starts.len() * width);
    for &s in &starts {
        vals.extend_from_slice(row(perm[s]));
    }
    let mut shape = moved.shape().to_vec();
    shape[0] = starts.len();
    let values = Array::from_shape_vec(&shape, vals)?.moveaxis(&[0], &[ax as isize])?.to_owned();
    let [indices, inverse, counts] = outputs(&perm, &starts, opts, &[n])?;
    Ok(Unique { values, indices, inverse, counts })
}

/// `numpy.unique_values(x)`: the distinct elements, NaNs kept apart (`equal_nan=False`).
/// NumPy 2.4 returns them in hash-table order; nprs returns them sorted (see
/// docs/deviations.md).
#[must_use]
pub fn unique_values<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem>
where
    S::Elem: SortElem,
{
    // without an inverse nothing can fail
    unique_flat(&flat(a), &UniqueOptions::new().equal_nan(false), &[])
        .map_or_else(|_| Array::from_vec(Vec::new()), |u| u.values)
}

/// `numpy.unique_counts(x)`: `(values, counts)`, sorted, NaNs kept apart.
#[must_use]
pub fn unique_counts<S: Data>(a: &ArrayBase<S>) -> (Array<S::Elem>, Array<i64>)
where
    S::Elem: SortElem,
{
    let u = array_api(a, UniqueOptions::new().return_counts(true));
    (u.values, u.counts.unwrap_or_else(|| Array::from_vec(Vec::new())))
}

/// `numpy.unique_inverse(x)`: `(values, inverse_indices)`, the inverse in `x`'s shape.
#[must_use]
pub fn unique_inverse<S: Data>(a: &ArrayBase<S>) -> (Array<S::Elem>, Array<i64>)
where
    S::Elem: SortElem,
{
    let u = array_api(a, UniqueOptions::new().return_inverse(true));
    (u.values, u.inverse.unwrap_or_else(|| Array::from_vec(Vec::new())))
}

/// `numpy.unique_all(x)`: values, first indices, inverse indices (in `x`'s shape) and
/// counts, NaNs kept apart.
#[must_use]
pub fn unique_all<S: Data>(a: &ArrayBase<S>) -> Unique<S::Elem>
where
    S::Elem: SortElem,
{
    array_api(a, UniqueOptions::new().return_index(true).return_inverse(true).return_counts(true))
}

fn array_api<S: Data>(a: &ArrayBase<S>, opts: UniqueOptions) -> Unique<S::Elem>
where
    S::Elem: SortElem,
{
    // the inverse has the input's shape, which always holds its size
    unique_flat(&flat(a), &opts.equal_nan(false), a.shape()).unwrap_or_else(|_| Unique {
        values: Array::from_vec(Vec::new()),
        indices: None,
        inverse: None,
        counts: None,
    })
}

/// The sorted distinct non-NaN values of `b` (for membership tests).
fn sorted_set<T: SortElem>(b: &[T]) -> Vec<T> {
    let mut s: Vec<T> = b.iter().copied().filter(|x| !x.is_nan()).collect();
    T::sort_lane(&mut s, false);
    s.dedup_by(|x, y| T::np_cmp(*x, *y).is_eq());
    s
}

fn contains<T: SortElem>(set: &[T], x: T) -> bool {
    !x.is_nan() && set.binary_search_by(|p| T::np_cmp(*p, x)).is_ok()
}

/// NumPy's table `isin` for bools and integers whose test values span a range no larger
/// than six times the two sizes together: a bool per value of the range, and one lookup
/// per element (`None` for other inputs).
fn isin_table<T: SortElem>(xs: &[T], test: &[T], invert: bool) -> Option<Vec<bool>> {
    use rayon::prelude::*;
    let first = test.first()?.table_key()?;
    let (lo, hi) = test.iter().fold((first, first), |(lo, hi), t| {
        let k = t.table_key().unwrap_or(lo);
        (lo.min(k), hi.max(k))
    });
    let range = hi - lo;
    let limit = 6 * (xs.len() as u64 + test.len() as u64);
    if range > limit {
        return None;
    }
    let mut table = vec![false; usize::try_from(range).ok()?.checked_add(1)?];
    for t in test {
        table[(t.table_key().unwrap_or(lo) - lo) as usize] = true;
    }
    let look = |x: &T| {
        let k = x.table_key().unwrap_or(lo).wrapping_sub(lo);
        (k <= range && table[k as usize]) != invert
    };
    Some(if xs.len() >= nprs_core::kernel::PAR_THRESHOLD {
        xs.par_iter().with_min_len(1 << 14).map(look).collect()
    } else {
        xs.iter().map(look).collect()
    })
}

/// `numpy.isin(element, test_elements, invert=invert)`: for each element (any shape),
/// whether it equals some test element (`==`: NaN is in nothing, `-0.0` is `0.0`).
#[must_use]
pub fn isin<S: Data, S2: Data<Elem = S::Elem>>(
    element: &ArrayBase<S>,
    test: &ArrayBase<S2>,
    invert: bool,
) -> Array<bool>
where
    S::Elem: SortElem,
{
    let xs = flat(element);
    if let Some(hit) = isin_table(&xs, &flat(test), invert) {
        return Array::from_shape_vec(element.shape(), hit).unwrap_or_else(|_| Array::from_vec(Vec::new()));
    }
    let set = sorted_set(&test.to_vec());
    let at = insertion_points(&set, &xs, Side::Left);
    let out: Vec<bool> = xs
        .iter()
        .zip(at)
        .map(|(&x, i)| set.get(i as usize).is_some_and(|&s| S::Elem::np_cmp(s, x).is_eq()) != invert)
        .collect();
    Array::from_shape_vec(element.shape(), out).unwrap_or_else(|_| Array::from_vec(Vec::new()))
}

/// The result of [`intersect1d`] with `return_indices`.
#[derive(Clone, Debug)]
pub struct Intersection<T: SortElem> {
    /// The sorted common values.
    pub values: Array<T>,
    /// Indices of their first occurrences in the flattened `ar1`.
    pub indices1: Array<i64>,
    /// Indices of their first occurrences in the flattened `ar2`.
    pub indices2: Array<i64>,
}

/// Values and first-occurrence indices of a flat array: unique, or as given when
/// `assume_unique` (sorted stably then).
fn uniq_with_index<T: SortElem>(v: &[T], assume_unique: bool) -> (Vec<T>, Vec<i64>) {
    let perm = stable_perm(v);
    let starts: Vec<usize> = if assume_unique { (0..v.len()).collect() } else { run_starts(v, &perm, true) };
    (starts.iter().map(|&s| v[perm[s]]).collect(), starts.iter().map(|&s| perm[s] as i64).collect())
}

/// `numpy.intersect1d(ar1, ar2, assume_unique, return_indices=True)`: the sorted values
/// in both arrays, with the indices of their first occurrences (NaN matches nothing).
#[must_use]
pub fn intersect1d_indices<S: Data, S2: Data<Elem = S::Elem>>(
    ar1: &ArrayBase<S>,
    ar2: &ArrayBase<S2>,
    assume_unique: bool,
) -> Intersection<S::Elem>
where
    S::Elem: SortElem,
{
    let (u1, i1) = uniq_with_index(&ar1.to_vec(), assume_unique);
    let (u2, i2) = uniq_with_index(&ar2.to_vec(), assume_unique);
    let (mut vals, mut o1, mut o2) = (Vec::new(), Vec::new(), Vec::new());
    let (mut p, mut q) = (0, 0);
    while p < u1.len() && q < u2.len() {
        match S::Elem::np_cmp(u1[p], u2[q]) {
            Ordering::Less => p += 1,
            Ordering::Greater => q += 1,
            Ordering::Equal => {
                if !u1[p].is_nan() {
                    vals.push(u1[p]);
                    o1.push(i1[p]);
                    o2.push(i2[q]);
                }
                p += 1;
                q += 1;
            }
        }
    }
    Intersection { values: Array::from_vec(vals), indices1: Array::from_vec(o1), indices2: Array::from_vec(o2) }
}

/// `numpy.intersect1d(ar1, ar2, assume_unique)`: the sorted values in both arrays.
#[must_use]
pub fn intersect1d<S: Data, S2: Data<Elem = S::Elem>>(
    ar1: &ArrayBase<S>,
    ar2: &ArrayBase<S2>,
    assume_unique: bool,
) -> Array<S::Elem>
where
    S::Elem: SortElem,
{
    intersect1d_indices(ar1, ar2, assume_unique).values
}

/// `numpy.union1d(ar1, ar2)`: the sorted values in either array.
#[must_use]
pub fn union1d<S: Data, S2: Data<Elem = S::Elem>>(ar1: &ArrayBase<S>, ar2: &ArrayBase<S2>) -> Array<S::Elem>
where
    S::Elem: SortElem,
{
    let mut v = ar1.to_vec();
    v.extend(ar2.iter());
    unique(&Array::from_vec(v))
}

/// `numpy.setdiff1d(ar1, ar2, assume_unique)`: the values of `ar1` not in `ar2` — sorted
/// and unique, or, with `assume_unique`, in `ar1`'s order.
#[must_use]
pub fn setdiff1d<S: Data, S2: Data<Elem = S::Elem>>(
    ar1: &ArrayBase<S>,
    ar2: &ArrayBase<S2>,
    assume_unique: bool,
) -> Array<S::Elem>
where
    S::Elem: SortElem,
{
    let a = if assume_unique { ar1.to_vec() } else { unique(ar1).to_vec() };
    let set = sorted_set(&ar2.to_vec());
    Array::from_vec(a.into_iter().filter(|&x| !contains(&set, x)).collect())
}

/// `numpy.setxor1d(ar1, ar2, assume_unique)`: the sorted values in exactly one of the
/// arrays.
#[must_use]
pub fn setxor1d<S: Data, S2: Data<Elem = S::Elem>>(
    ar1: &ArrayBase<S>,
    ar2: &ArrayBase<S2>,
    assume_unique: bool,
) -> Array<S::Elem>
where
    S::Elem: SortElem,
{
    let mut aux = if assume_unique { ar1.to_vec() } else { unique(ar1).to_vec() };
    aux.extend(if assume_unique { ar2.to_vec() } else { unique(ar2).to_vec() });
    S::Elem::sort_lane(&mut aux, true);
    let n = aux.len();
    let out = (0..n)
        .filter(|&i| (i == 0 || differs(aux[i - 1], aux[i])) && (i + 1 == n || differs(aux[i], aux[i + 1])))
        .map(|i| aux[i])
        .collect();
    Array::from_vec(out)
}
