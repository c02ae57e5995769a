//! `choice`, `shuffle`, `permutation` and `permuted`.

use std::collections::HashSet;

use nprs_core::kernel::{Data, DataMut};
use nprs_core::{Array, ArrayBase, Element, Order};

use super::Generator;
use super::args::{Size, checked_len, fill, try_vec};
use crate::bitgen::BitGenerator;
use crate::dist::bounded::{bounded_u64, random_interval};
use crate::error::{ChoiceError, Error, Result};

/// Options of [`Generator::choice`]: with or without replacement, probabilities, the axis
/// of an array population, and whether a sample without replacement is shuffled.
///
/// ```
/// use nprs_random::{Choice, default_rng};
/// let mut rng = default_rng(42);
/// let x = rng.choice(10, 5, &Choice::new().replace(false)).unwrap();
/// assert_eq!(x.to_vec(), vec![5, 3, 7, 0, 4]);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Choice<'a> {
    replace: bool,
    p: Option<&'a [f64]>,
    axis: isize,
    shuffle: bool,
}

impl Default for Choice<'_> {
    fn default() -> Self {
        Choice { replace: true, p: None, axis: 0, shuffle: true }
    }
}

impl<'a> Choice<'a> {
    /// NumPy's defaults: with replacement, uniform, axis 0, shuffled.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sample with (`true`, the default) or without replacement.
    #[must_use]
    pub fn replace(mut self, replace: bool) -> Self {
        self.replace = replace;
        self
    }

    /// The probability of each population entry (must sum to 1).
    #[must_use]
    pub fn p(mut self, p: &'a [f64]) -> Self {
        self.p = Some(p);
        self
    }

    /// The axis of an array population to select along (default 0).
    #[must_use]
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = axis;
        self
    }

    /// The axis option, as given.
    pub(crate) fn axis_value(&self) -> isize {
        self.axis
    }

    /// Whether a sample without replacement is shuffled (default `true`; `false` is faster).
    #[must_use]
    pub fn shuffle(mut self, shuffle: bool) -> Self {
        self.shuffle = shuffle;
        self
    }
}

/// A set of `u64` indices with linear probing (`u64::MAX` marks a free slot).
struct IndexSet {
    slots: Vec<u64>,
    mask: u64,
}

impl IndexSet {
    fn with_capacity(n: usize) -> Result<Self> {
        let size = ((n as f64 * 1.2) as usize).max(1).checked_next_power_of_two().and_then(|s| s.checked_mul(2));
        let size = size.ok_or(nprs_core::Error::TooBig)?;
        let mut slots = try_vec(size, &[size], "uint64")?;
        slots.resize(size, u64::MAX);
        Ok(IndexSet { slots, mask: size as u64 - 1 })
    }

    /// Inserts `v`; false when it was present.
    #[inline]
    fn insert(&mut self, v: u64) -> bool {
        let mut i = v & self.mask;
        loop {
            let s = self.slots[i as usize];
            if s == u64::MAX {
                self.slots[i as usize] = v;
                return true;
            }
            if s == v {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Kahan-compensated sum, as NumPy's `kahan_sum` checks probabilities.
pub(crate) fn kahan_sum(x: &[f64]) -> f64 {
    let Some((&first, rest)) = x.split_first() else { return 0.0 };
    let mut sum = first;
    let mut c = 0.0;
    for &v in rest {
        let y = v - c;
        let t = sum + y;
        c = (t - sum) - y;
        sum = t;
    }
    sum
}

/// The normalised cumulative distribution of `p` (`cumsum(p) / cumsum(p)[-1]`).
pub(crate) fn cdf(p: &[f64]) -> Vec<f64> {
    let mut acc = 0.0;
    let mut c: Vec<f64> = p
        .iter()
        .map(|&x| {
            acc += x;
            acc
        })
        .collect();
    if let Some(&last) = c.last() {
        for v in &mut c {
            *v /= last;
        }
    }
    c
}

/// `searchsorted(cdf, u, side='right')`.
#[inline]
pub(crate) fn search_right(cdf: &[f64], u: f64) -> i64 {
    cdf.partition_point(|&c| c <= u) as i64
}

/// NumPy's checks of `p` (length, NaN, sign, sum) in order.
pub(crate) fn check_p(p: &[f64], pop_size: i64, legacy: bool) -> Result<()> {
    let err = |kind| Err(Error::Choice { kind, legacy });
    if p.len() as i64 != pop_size {
        return err(ChoiceError::SizeMismatch);
    }
    let sum = kahan_sum(p);
    if sum.is_nan() {
        return err(ChoiceError::ProbabilitiesNan);
    }
    if p.iter().any(|&x| x < 0.0) {
        return err(ChoiceError::ProbabilitiesNegative);
    }
    if (sum - 1.0).abs() > f64::EPSILON.sqrt() {
        return err(ChoiceError::ProbabilitiesSum);
    }
    Ok(())
}

/// Indices of a weighted sample without replacement: repeated rounds of draws, keeping the
/// first occurrence of each new index.
pub(crate) fn weighted_unique(p: &[f64], size: usize, mut draw: impl FnMut(usize) -> Vec<f64>) -> Vec<i64> {
    let mut p = p.to_vec();
    let mut found: Vec<i64> = Vec::with_capacity(size);
    while found.len() < size {
        let x = draw(size - found.len());
        for &i in &found {
            p[i as usize] = 0.0;
        }
        let c = cdf(&p);
        let mut seen = HashSet::new();
        for u in x {
            let i = search_right(&c, u);
            if seen.insert(i) {
                found.push(i);
            }
        }
    }
    found
}

/// Shapes of a sample: the output shape and the number of draws (`size=None` is one draw of shape `()`).
fn sample_shape(size: &Size) -> Result<(Vec<usize>, usize)> {
    match size.shape()? {
        None => Ok((Vec::new(), 1)),
        Some(s) => {
            let n = checked_len::<i64>(&s)?;
            Ok((s, n))
        }
    }
}

/// Gathers sub-arrays of `a` along `axis` at `idx` (`a.take(idx, axis)` with `idx` of `idx_shape`).
pub(crate) fn take_along<T: Element, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    idx: &[i64],
    idx_shape: &[usize],
    axis: usize,
) -> Result<Array<T>> {
    let shape = a.shape();
    let outer: usize = shape[..axis].iter().product();
    let len = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    let mut out_shape = shape[..axis].to_vec();
    out_shape.extend_from_slice(idx_shape);
    out_shape.extend_from_slice(&shape[axis + 1..]);
    let mut out = try_vec(checked_len::<T>(&out_shape)?, &out_shape, T::DTYPE.name())?;
    let data = a.to_vec();
    for o in 0..outer {
        for &k in idx {
            let start = (o * len + k as usize) * inner;
            out.extend_from_slice(&data[start..start + inner]);
        }
    }
    Ok(Array::from_shape_vec(&out_shape, out)?)
}

/// Whether a copy in NumPy's `order='K'` of an array with these strides is Fortran-ordered
/// (and not C-ordered): the strides of the axes longer than 1 strictly increase.
pub(crate) fn keeps_fortran_order(shape: &[usize], strides: &[isize]) -> bool {
    let s: Vec<isize> = shape.iter().zip(strides).filter(|(d, _)| **d > 1).map(|(_, s)| s.abs()).collect();
    s.len() > 1 && s.windows(2).all(|w| w[0] < w[1])
}

/// Writes `data` (C order) into `x`.
fn write_back<T: Element, S: DataMut<Elem = T>>(x: &mut ArrayBase<S>, data: &[T]) {
    if let Some(s) = x.as_slice_mut() {
        s.copy_from_slice(data);
        return;
    }
    for (dst, &src) in x.iter_mut().zip(data) {
        *dst = src;
    }
}

/// Reorders the sub-arrays of C-ordered `data` (of `shape`) along `axis` by `perm`.
fn permute_blocks<T: Element>(data: &[T], shape: &[usize], axis: usize, perm: &[usize]) -> Vec<T> {
    let outer: usize = shape[..axis].iter().product();
    let len = shape[axis];
    let inner: usize = shape[axis + 1..].iter().product();
    let mut out = Vec::with_capacity(data.len());
    for o in 0..outer {
        for &k in perm {
            let start = (o * len + k) * inner;
            out.extend_from_slice(&data[start..start + inner]);
        }
    }
    out
}

/// Swaps whose partner is drawn and prefetched ahead of time in [`Generator::shuffle_raw`].
const AHEAD: usize = 16;

impl<B: BitGenerator> Generator<B> {
    /// Fisher–Yates from the end with masked-rejection draws (`random_interval`), stopping at `first`.
    ///
    /// The draws do not depend on the elements, so they are made [`AHEAD`] swaps early
    /// (in the same order) and the element each will swap with is prefetched: on a large
    /// array every swap would otherwise wait for a cache miss at a random place.
    fn shuffle_raw<T>(&mut self, x: &mut [T], first: usize) {
        let lo = first.max(1);
        let n = x.len();
        if n <= lo {
            return;
        }
        let count = n - lo;
        let mut ring = [0usize; AHEAD];
        let bg = &mut self.bg;
        let base = x.as_ptr();
        let mut draw = |k: usize| {
            let j = random_interval(bg, (n - 1 - k) as u64) as usize;
            nprs_core::kernel::prefetch(base.wrapping_add(j));
            j
        };
        for (k, slot) in ring.iter_mut().enumerate().take(count) {
            *slot = draw(k);
        }
        for k in 0..count {
            let j = ring[k % AHEAD];
            if k + AHEAD < count {
                ring[k % AHEAD] = draw(k + AHEAD);
            }
            x.swap(n - 1 - k, j);
        }
    }

    /// The index sample of `choice` for a population of `pop_size`.
    pub(crate) fn choice_indices(
        &mut self,
        pop_size: i64,
        size: &Size,
        opts: &Choice<'_>,
        empty: ChoiceError,
    ) -> Result<(Vec<i64>, Vec<usize>)> {
        if pop_size <= 0 && !size_prod_is_zero(size) {
            return Err(Error::Choice { kind: empty, legacy: false });
        }
        if let Some(p) = opts.p {
            check_p(p, pop_size, false)?;
        }
        let (shape, n) = sample_shape(size)?;
        if opts.replace {
            if let Some(p) = opts.p {
                let mut idx = try_vec(n, &shape, "float64")?;
                let c = cdf(p);
                let bg = &mut self.bg;
                idx.extend((0..n).map(|_| search_right(&c, bg.next_double())));
                return Ok((idx, shape));
            }
            let a = self.integers::<i64>(0, pop_size, size.clone().or_scalar())?;
            return Ok((a.into_raw_vec(), shape));
        }
        if n as i64 > pop_size {
            return Err(Error::Choice { kind: ChoiceError::SampleTooLarge, legacy: false });
        }
        if let Some(p) = opts.p {
            if (p.iter().filter(|&&x| x > 0.0).count()) < n {
                return Err(Error::Choice { kind: ChoiceError::FewerNonZero, legacy: false });
            }
            let bg = &mut self.bg;
            let idx = weighted_unique(p, n, |k| (0..k).map(|_| bg.next_double()).collect());
            return Ok((idx, shape));
        }
        let pop = pop_size as u64;
        let cutoff = if opts.shuffle { 50 } else { 20 };
        let idx = if pop > 10_000 && n as u64 > pop / cutoff {
            // Tail shuffle of the whole range.
            let mut arr = try_vec(pop as usize, &[pop as usize], "int64")?;
            arr.extend(0..pop_size);
            let first = (pop as usize - n).max(1);
            for i in (first..pop as usize).rev() {
                let j = bounded_u64(&mut self.bg, 0, i as u64, false) as usize;
                arr.swap(i, j);
            }
            arr.split_off(pop as usize - n)
        } else {
            // Floyd's algorithm, with an open-addressing set of the values taken.
            let mut idx: Vec<i64> = try_vec(n, &shape, "int64")?;
            let mut set = IndexSet::with_capacity(n)?;
            for j in pop - n as u64..pop {
                let v = bounded_u64(&mut self.bg, 0, j, false);
                let pick = if set.insert(v) {
                    v
                } else {
                    set.insert(j);
                    j
                };
                idx.push(pick as i64);
            }
            if opts.shuffle {
                for i in (1..n).rev() {
                    let j = bounded_u64(&mut self.bg, 0, i as u64, false) as usize;
                    idx.swap(i, j);
                }
            }
            idx
        };
        Ok((idx, shape))
    }

    /// A random sample from `arange(a)` (`choice(a, size, replace, p, shuffle)`).
    ///
    /// `size=None` gives a 0-d array; see [`choice_scalar`](Self::choice_scalar).
    ///
    /// ```
    /// use nprs_random::{Choice, default_rng};
    /// let mut rng = default_rng(42);
    /// let p = [0.1, 0.2, 0.3, 0.4];
    /// assert_eq!(rng.choice(4, 6, &Choice::new().p(&p)).unwrap().to_vec(), vec![3, 2, 3, 3, 0, 3]);
    /// ```
    ///
    /// # Errors
    /// NumPy's: a non-positive population with samples requested, bad probabilities, a sample
    /// larger than the population without replacement, negative dimensions.
    pub fn choice(&mut self, a: i64, size: impl Into<Size>, opts: &Choice<'_>) -> Result<Array<i64>> {
        let (idx, shape) = self.choice_indices(a, &size.into(), opts, ChoiceError::PopulationNotPositive)?;
        Ok(Array::from_shape_vec(&shape, idx)?)
    }

    /// One value from `arange(a)` (`choice(a)` with `size=None`).
    ///
    /// # Errors
    /// As [`choice`](Self::choice).
    pub fn choice_scalar(&mut self, a: i64, opts: &Choice<'_>) -> Result<i64> {
        let (idx, _) = self.choice_indices(a, &Size::NONE, opts, ChoiceError::PopulationNotPositive)?;
        Ok(idx[0])
    }

    /// A random sample of the sub-arrays of `a` along the options' axis (`choice(a, ...)` for
    /// an array `a`); `size` replaces that axis in the result's shape.
    ///
    /// # Errors
    /// As [`choice`](Self::choice), plus an out-of-range axis.
    pub fn choice_from<T: Element, S: Data<Elem = T>>(
        &mut self,
        a: &ArrayBase<S>,
        size: impl Into<Size>,
        opts: &Choice<'_>,
    ) -> Result<Array<T>> {
        // NumPy reads `a.shape[axis]` first: an axis past the tuple is an IndexError.
        let nd = a.ndim() as isize;
        if opts.axis >= nd || opts.axis < -nd {
            return Err(Error::AxisIndex);
        }
        let axis = nprs_core::dims::normalize_axis(opts.axis, a.ndim())?;
        let pop = a.shape()[axis] as i64;
        let (idx, shape) = self.choice_indices(pop, &size.into(), opts, ChoiceError::PopulationEmpty)?;
        take_along(a, &idx, &shape, axis)
    }

    /// Shuffles a slice in place (as `shuffle` does for a Python list).
    pub fn shuffle_slice<T>(&mut self, x: &mut [T]) {
        self.shuffle_raw(x, 1);
    }

    /// Shuffles `x` in place along `axis`: whole sub-arrays move (`shuffle(x, axis)`).
    ///
    /// # Errors
    /// A 0-d array (NumPy's `TypeError`), an axis out of range.
    pub fn shuffle<T: Element, S: DataMut<Elem = T>>(&mut self, x: &mut ArrayBase<S>, axis: isize) -> Result<()> {
        if x.ndim() == 0 {
            return Err(nprs_core::Error::Unsized.into());
        }
        let ax = nprs_core::dims::normalize_axis(axis, x.ndim())?;
        if x.size() == 0 {
            return Ok(());
        }
        if x.ndim() == 1 {
            if let Some(s) = x.as_slice_mut() {
                self.shuffle_raw(s, 1);
            } else {
                let mut v = x.to_vec();
                self.shuffle_raw(&mut v, 1);
                write_back(x, &v);
            }
            return Ok(());
        }
        let mut perm: Vec<usize> = (0..x.shape()[ax]).collect();
        self.shuffle_raw(&mut perm, 1);
        let shape = x.shape().to_vec();
        let data = permute_blocks(&x.to_vec(), &shape, ax, &perm);
        write_back(x, &data);
        Ok(())
    }

    /// A random permutation of `arange(n)` (`permutation(n)`; empty for `n <= 0`).
    ///
    /// ```
    /// let p = nprs_random::default_rng(42).permutation(10).unwrap();
    /// assert_eq!(p.to_vec(), vec![5, 6, 0, 7, 3, 2, 4, 9, 1, 8]);
    /// ```
    ///
    /// # Errors
    /// NumPy's `MemoryError` when `n` elements cannot be allocated.
    pub fn permutation(&mut self, n: i64) -> Result<Array<i64>> {
        let mut k = 0;
        let mut a = fill(&[usize::try_from(n.max(0)).map_err(|_| nprs_core::Error::TooBig)?], || {
            k += 1;
            k - 1
        })?;
        if let Some(v) = a.as_slice_mut() {
            self.shuffle_raw(v, 1);
        }
        Ok(a)
    }

    /// A shuffled copy of `x` along `axis` (`permutation(x, axis)`).
    ///
    /// # Errors
    /// A 0-d array or an axis out of range (NumPy's `AxisError`).
    pub fn permutation_of<T: Element, S: Data<Elem = T>>(&mut self, x: &ArrayBase<S>, axis: isize) -> Result<Array<T>> {
        let ax = nprs_core::dims::normalize_axis(axis, x.ndim())?;
        if x.ndim() == 1 {
            let mut v = x.to_vec();
            self.shuffle_raw(&mut v, 1);
            return Ok(Array::from_vec(v));
        }
        let mut perm: Vec<usize> = (0..x.shape()[ax]).collect();
        self.shuffle_raw(&mut perm, 1);
        let data = permute_blocks(&x.to_vec(), x.shape(), ax, &perm);
        Ok(Array::from_shape_vec(x.shape(), data)?)
    }

    /// A copy of `x` with each 1-d slice along `axis` shuffled independently, or the whole
    /// array shuffled when `axis` is `None` (`permuted(x, axis)`).
    ///
    /// # Errors
    /// A 0-d array without an axis (`TypeError`), an axis out of range.
    pub fn permuted<T: Element, S: Data<Elem = T>>(
        &mut self,
        x: &ArrayBase<S>,
        axis: Option<isize>,
    ) -> Result<Array<T>> {
        let Some(axis) = axis else {
            if x.ndim() == 0 {
                return Err(nprs_core::Error::Unsized.into());
            }
            // NumPy shuffles the memory of a layout-preserving copy: Fortran order when the
            // array's strides grow with the axis (a Fortran-ordered array or such a view).
            if x.ndim() > 1 && keeps_fortran_order(x.shape(), x.strides()) {
                let f = x.to_owned_order(Order::F);
                let mut mem = f.t().to_vec(); // the F-order buffer, read as C order of the transpose
                self.shuffle_raw(&mut mem, 1);
                let rev: Vec<usize> = x.shape().iter().rev().copied().collect();
                let t = Array::from_shape_vec(&rev, mem)?;
                return Ok(t.t().to_owned());
            }
            let mut v = x.to_vec();
            self.shuffle_raw(&mut v, 1);
            return Ok(Array::from_shape_vec(x.shape(), v)?);
        };
        let ax = nprs_core::dims::normalize_axis(axis, x.ndim())?;
        let shape = x.shape().to_vec();
        let mut data = x.to_vec();
        let outer: usize = shape[..ax].iter().product();
        let len = shape[ax];
        let inner: usize = shape[ax + 1..].iter().product();
        let mut lane: Vec<T> = Vec::with_capacity(len);
        for o in 0..outer {
            for i in 0..inner {
                lane.clear();
                lane.extend((0..len).map(|k| data[(o * len + k) * inner + i]));
                for k in (0..len).rev() {
                    let j = random_interval(&mut self.bg, k as u64) as usize;
                    lane.swap(k, j);
                }
                for (k, &v) in lane.iter().enumerate() {
                    data[(o * len + k) * inner + i] = v;
                }
            }
        }
        Ok(Array::from_shape_vec(&shape, data)?)
    }
}

/// Whether NumPy's `np.prod(size)` is 0 (int64 arithmetic, wrapping as NumPy's does).
pub(crate) fn size_prod_is_zero(size: &Size) -> bool {
    size.dims().is_some_and(|d| d.iter().fold(1isize, |p, &x| p.wrapping_mul(x)) == 0)
}

trait OrScalar {
    fn or_scalar(self) -> Size;
}

impl OrScalar for Size {
    /// `size=None` draws one value of shape `()`.
    fn or_scalar(self) -> Size {
        if self.dims().is_none() { Size::from(Vec::<usize>::new()) } else { self }
    }
}
