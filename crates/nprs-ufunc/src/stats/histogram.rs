//! `numpy.histogram` and `numpy.histogram_bin_edges`.
//!
//! Equal bins follow NumPy's computation exactly: the outer edges (the data's minimum and
//! maximum, or `range`; widened by 0.5 each way when equal), the edges by NumPy's
//! `linspace` in the arithmetic NumPy uses (the data's float type when the edges come from
//! float data, float64 when they come from `range` or integers), and each element's bin
//! from `(x - first) / (last - first) * n`, corrected against the edges; weights are summed
//! per block of 65,536 elements as NumPy's loop adds them. Explicit edges count through a
//! sorted copy, as NumPy's `searchsorted` path. The bin-width estimators (`'auto'`, `'fd'`,
//! …) compute the width in float64.

use std::str::FromStr;

use nprs_core::copy::Family;
use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, ArrayView, Cast, DType, DynArray, Error, Result};

use super::quantile::{Quantile, QuantileElem, QuantileOptions, StatFloat, quantile_impl};
use super::with_real;
use crate::dispatch::{numeric_dtype, typed_cow};

/// NumPy's bin-width estimators (`bins='auto'`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinEstimator {
    /// `'auto'`: the smaller of a relaxed Freedman–Diaconis width and Sturges'.
    Auto,
    /// `'fd'`: Freedman–Diaconis, `2 * IQR * n**(-1/3)`.
    Fd,
    /// `'doane'`: Sturges corrected for skewness.
    Doane,
    /// `'scott'`: `(24 * sqrt(pi) / n)**(1/3) * std`.
    Scott,
    /// `'stone'`: minimises the estimated integrated squared error.
    Stone,
    /// `'rice'`: `ptp / (2 * n**(1/3))`.
    Rice,
    /// `'sturges'`: `ptp / (log2(n) + 1)`.
    Sturges,
    /// `'sqrt'`: `ptp / sqrt(n)`.
    Sqrt,
}

impl FromStr for BinEstimator {
    type Err = Error;
    /// NumPy's names; anything else is "'x' is not a valid estimator for `bins`".
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s {
            "auto" => Self::Auto,
            "fd" => Self::Fd,
            "doane" => Self::Doane,
            "scott" => Self::Scott,
            "stone" => Self::Stone,
            "rice" => Self::Rice,
            "sturges" => Self::Sturges,
            "sqrt" => Self::Sqrt,
            _ => return Err(Error::HistogramEstimator { got: s.to_string() }),
        })
    }
}

/// The `bins` of a histogram: a number of equal bins, the edges, or an estimator.
#[derive(Clone, Copy, Debug)]
pub enum Bins<'a> {
    /// `bins=n` (NumPy's default is 10).
    Count(usize),
    /// `bins=[e0, e1, …]`: increasing edges (float64).
    Edges(&'a [f64]),
    /// `bins='auto'`, …
    Estimator(BinEstimator),
}

/// The options of [`histogram`]: `bins`, `range`, `weights` (float64, of the input's
/// shape), `density`.
#[derive(Clone, Debug)]
pub struct HistogramOptions<'a> {
    /// `bins=`.
    pub bins: Bins<'a>,
    /// `range=(lo, hi)`.
    pub range: Option<(f64, f64)>,
    /// `weights=`.
    pub weights: Option<ArrayView<'a, f64>>,
    /// `density=`.
    pub density: bool,
}

impl Default for HistogramOptions<'_> {
    fn default() -> Self {
        Self { bins: Bins::Count(10), range: None, weights: None, density: false }
    }
}

impl<'a> HistogramOptions<'a> {
    /// NumPy's defaults: 10 bins over the data's range, no weights, counts.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// `bins=`.
    #[must_use]
    pub fn bins(mut self, bins: Bins<'a>) -> Self {
        self.bins = bins;
        self
    }
    /// `range=`.
    #[must_use]
    pub fn range(mut self, lo: f64, hi: f64) -> Self {
        self.range = Some((lo, hi));
        self
    }
    /// `weights=`.
    #[must_use]
    pub fn weights(mut self, w: ArrayView<'a, f64>) -> Self {
        self.weights = Some(w);
        self
    }
    /// `density=`.
    #[must_use]
    pub fn density(mut self, density: bool) -> Self {
        self.density = density;
        self
    }
}

const BLOCK: usize = 65_536;

/// True for bool and integer element types.
fn is_integer<T: Cast>() -> bool {
    matches!(T::FAMILY, Family::Bool | Family::Int | Family::UInt)
}

/// A float in Python's `repr`/`str` spelling (`nan`, `inf`, `1.5`).
fn py_float(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf".into() } else { "-inf".into() }
    } else {
        format!("{x:?}")
    }
}

/// The outer edges, as NumPy's `_get_outer_edges`, each with whether it is a Python float
/// (from `range`, or widened) rather than an element of the data.
fn outer_edges<T: QuantileElem>(a: &[T], range: Option<(f64, f64)>) -> Result<(f64, f64, bool)> {
    let (mut lo, mut hi, py) = match range {
        Some((lo, hi)) => {
            if lo > hi {
                return Err(Error::HistogramRangeOrder);
            }
            if !(lo.is_finite() && hi.is_finite()) {
                return Err(Error::HistogramRange { auto: false, lo: py_float(lo), hi: py_float(hi) });
            }
            (lo, hi, true)
        }
        None if a.is_empty() => (0.0, 1.0, true),
        None => {
            // NumPy's min/max propagate NaN
            let (lo, hi, nan) = min_max(a);
            let (l, h) = if nan { (f64::NAN, f64::NAN) } else { (lo.to_f64(), hi.to_f64()) };
            if !(l.is_finite() && h.is_finite()) {
                return Err(Error::HistogramRange { auto: true, lo: py_float(l), hi: py_float(h) });
            }
            (l, h, false)
        }
    };
    if lo == hi {
        lo -= 0.5;
        hi += 0.5;
        // an element minus a Python float stays in the element's float type
        return Ok((lo, hi, py || is_integer::<T>()));
    }
    Ok((lo, hi, py))
}

/// Elements at or above which a histogram reads its input on several threads.
const PAR_ELEMS: usize = 1 << 17;

/// The smallest and the largest element of a non-empty `a` and whether it holds a NaN: for
/// floats NumPy's `a.min()` and `a.max()` (the reductions' lane kernels, threaded for long
/// inputs); otherwise the first smallest and largest, pieces of a long input read on
/// several threads and combined in order, the earlier piece winning ties, as one pass does.
fn min_max<T: QuantileElem>(a: &[T]) -> (T, T, bool) {
    use rayon::prelude::*;
    if a.len() < PAR_ELEMS || matches!(T::DTYPE, DType::Float32 | DType::Float64) {
        return T::min_max(a);
    }
    let parts: Vec<(T, T, bool)> = a.par_chunks(BLOCK).map(T::min_max).collect();
    parts
        .into_iter()
        .reduce(|(lo, hi, nan), (l, h, n)| {
            (if T::np_cmp(l, lo).is_lt() { l } else { lo }, if T::np_cmp(h, hi).is_gt() { h } else { hi }, nan | n)
        })
        .unwrap_or_else(|| T::min_max(a))
}

/// NumPy's `linspace(start, stop, n + 1)` computed in `K`, cast to `E`.
fn linspace<K: StatFloat + std::ops::Div<Output = K> + PartialEq, E: StatFloat>(
    start: f64,
    stop: f64,
    n: usize,
) -> Vec<E> {
    let (s, e) = (K::cast_from(start), K::cast_from(stop));
    let delta = e - s;
    let div = K::cast_from(n as f64);
    let step = delta / div;
    let zero = K::cast_from(0.0);
    let mut out: Vec<E> = (0..=n)
        .map(|i| {
            let y = K::cast_from(i as f64);
            let y = if step == zero { y / div * delta } else { y * step };
            E::cast_from(y + s)
        })
        .collect();
    if let Some(last) = out.last_mut() {
        *last = E::cast_from(e);
    }
    out
}

/// `last - first` as NumPy's `_unsigned_subtract` (integers wrap into unsigned).
fn span(first: f64, last: f64, ints: bool) -> f64 {
    if ints { (last as i64).wrapping_sub(first as i64) as u64 as f64 } else { last - first }
}

/// The bin width of an estimator, in float64.
fn estimate<T: QuantileElem>(x: &[T], est: BinEstimator, range: (f64, f64)) -> Result<f64> {
    let n = x.len() as f64;
    let ints = is_integer::<T>();
    let (mut lo, mut hi) = (x[0], x[0]);
    for &v in x {
        if T::np_cmp(v, lo).is_lt() {
            lo = v;
        }
        if T::np_cmp(v, hi).is_gt() {
            hi = v;
        }
    }
    let ptp = if ints {
        span(lo.to_f64(), hi.to_f64(), true)
    } else {
        (<T::Out as Cast>::cast_from(hi) - <T::Out as Cast>::cast_from(lo)).to_f64()
    };
    let vals: Vec<f64> = x.iter().map(|v| v.to_f64()).collect();
    let mean = |v: &[f64]| crate::sum(&Array::from_vec(v.to_vec())) / v.len() as f64;
    let std = |v: &[f64]| {
        let m = mean(v);
        let d: Vec<f64> = v.iter().map(|&a| (a - m) * (a - m)).collect();
        (crate::sum(&Array::from_vec(d)) / v.len() as f64).sqrt()
    };
    let sqrt_w = ptp / n.sqrt();
    let sturges_w = ptp / (n.log2() + 1.0);
    let fd = |x: &[T]| -> Result<f64> {
        let a = Array::from_vec(x.to_vec());
        let p = quantile_impl(&a, Quantile::Many(&[75.0, 25.0]), &QuantileOptions::new(), true, false)?;
        let p = p.into_float::<f64>().to_vec();
        Ok(2.0 * (p[0] - p[1]) * n.powf(-1.0 / 3.0))
    };
    Ok(match est {
        BinEstimator::Sqrt => sqrt_w,
        BinEstimator::Sturges => sturges_w,
        BinEstimator::Rice => ptp / (2.0 * n.powf(1.0 / 3.0)),
        BinEstimator::Scott => (24.0 * std::f64::consts::PI.powf(0.5) / n).powf(1.0 / 3.0) * std(&vals),
        BinEstimator::Fd => fd(x)?,
        BinEstimator::Auto => {
            let f = fd(x)?.max(sqrt_w / 2.0);
            f.min(sturges_w)
        }
        BinEstimator::Doane => {
            if x.len() > 2 {
                let sg1 = (6.0 * (n - 2.0) / ((n + 1.0) * (n + 3.0))).sqrt();
                let sigma = std(&vals);
                if sigma > 0.0 {
                    let m = mean(&vals);
                    let t: Vec<f64> = vals.iter().map(|&v| ((v - m) / sigma).powf(3.0)).collect();
                    let g1 = mean(&t);
                    return Ok(ptp / (1.0 + n.log2() + (1.0 + g1.abs() / sg1).log2()));
                }
            }
            0.0
        }
        BinEstimator::Stone => {
            if x.len() <= 1 || ptp == 0.0 {
                return Ok(0.0);
            }
            let upper = 100usize.max(n.sqrt() as usize);
            let mut best = (f64::INFINITY, 1usize);
            for nbins in 1..=upper {
                let hh = ptp / nbins as f64;
                let counts = equal_counts(x, None, range.0, range.1, true, nbins)?.0;
                let dot: f64 = counts.iter().map(|&c| (c / n) * (c / n)).sum();
                let j = (2.0 - (n + 1.0) * dot) / hh;
                if j < best.0 {
                    best = (j, nbins);
                }
            }
            ptp / best.1 as f64
        }
    })
}

/// Counts (or weight sums) of `a` in `n` equal bins between `first` and `last`, and the
/// edges in the data's float type (`py`: the outer edges are Python floats).
fn equal_counts<T: QuantileElem>(
    a: &[T],
    w: Option<&[f64]>,
    first: f64,
    last: f64,
    py: bool,
    n: usize,
) -> Result<(Vec<f64>, Vec<T::Out>)> {
    let ints = is_integer::<T>();
    // NumPy computes in float64 unless the outer edges are elements of float data
    let wide = py || ints;
    let edges: Vec<T::Out> = if wide {
        linspace::<f64, T::Out>(first, last, n)
    } else {
        match <T::Out as nprs_core::Element>::DTYPE {
            DType::Float16 => linspace::<nprs_core::f16, T::Out>(first, last, n),
            DType::Float32 => linspace::<f32, T::Out>(first, last, n),
            _ => linspace::<f64, T::Out>(first, last, n),
        }
    };
    if edges.windows(2).any(|e| e[0].to_f64() >= e[1].to_f64()) {
        return Err(Error::HistogramTooManyBins { n });
    }
    let e_first = <T::Out as Cast>::cast_from(first);
    let e_last = <T::Out as Cast>::cast_from(last);
    let denom_f64 = span(first, last, ints && !py);
    let edges_f: Vec<f64> = edges.iter().map(|e| e.to_f64()).collect();
    // An element's bin in two steps, as NumPy computes it: `guess` gives its bin from
    // `(x - first) / (last - first) * n` (`n` when `x` lies outside the outer edges or is
    // NaN), branch-free so that a block of guesses vectorises; [`fix`] corrects a guess
    // against the edges, comparing the element as `as_f64` gives it.
    let guess = |x: T| -> usize {
        let xe = <T::Out as Cast>::cast_from(x);
        let keep = if ints {
            (x.to_f64() >= first) & (x.to_f64() <= last)
        } else {
            (xe.to_f64() >= e_first.to_f64()) & (xe.to_f64() <= e_last.to_f64())
        };
        let diff = xe - e_first;
        let f = if wide {
            diff.to_f64() / denom_f64 * n as f64
        } else {
            let d = <T::Out as Cast>::cast_from(e_last) - e_first;
            let q = div_in::<T::Out>(diff, d);
            (q * <T::Out as Cast>::cast_from(n as f64)).to_f64()
        };
        // A kept `f` lies in [0, n], far below 2^52: adding 2^52 to its integer part puts
        // that integer in the low bits, the truncation `f as usize` is, in vector
        // instructions. Anything else is replaced by `n` below.
        const BIG: f64 = 4_503_599_627_370_496.0;
        let i = ((f.trunc() + BIG).to_bits().wrapping_sub(BIG.to_bits()) as usize).min(n - 1);
        if keep { i } else { n }
    };
    let as_f64 = |x: T| <T::Out as Cast>::cast_from(x).to_f64();
    let Some(w) = w else {
        return Ok((equal_bin_counts(a, &edges_f, guess, as_f64), edges));
    };
    let mut counts = vec![0f64; n];
    for (bi, block) in a.chunks(BLOCK).enumerate() {
        let mut part = vec![0f64; n];
        for (k, &x) in block.iter().enumerate() {
            let g = guess(x);
            if g < n {
                part[fix(&edges_f, g, as_f64(x))] += w[bi * BLOCK + k];
            }
        }
        for (c, p) in counts.iter_mut().zip(part) {
            *c += p;
        }
    }
    Ok((counts, edges))
}

/// The bin of an element `x` (in float64) of bin guess `i0 < n` among the `n + 1` equal
/// `edges`, as NumPy corrects `(x - first) / (last - first) * n`: one down when `x` lies
/// below its guess's left edge, one up when at or above its right edge (never past the
/// last bin, which holds its right edge).
#[inline(always)]
fn fix(edges: &[f64], i0: usize, x: f64) -> usize {
    let n = edges.len() - 1;
    let mut i = i0 as isize;
    if x < edges[i0] {
        i -= 1;
    }
    if i < n as isize - 1 && x >= edges[(i + 1) as usize] {
        i += 1;
    }
    // kept elements lie within the edges, so `i` is a bin (never below 0)
    i.max(0) as usize
}

/// Elements per block of bin guesses.
const GUESSES: usize = 512;

/// The number of elements of `a` in each of the equal bins between `edges` (`guess` and
/// `as_f64` as in [`equal_counts`]), counted exactly (so in any order): a block of guesses
/// at a time, then [`tally`]; pieces of a long input on several threads, each with its own
/// counts when the bins are few beside the input.
fn equal_bin_counts<T: Copy + Sync>(
    a: &[T],
    edges: &[f64],
    guess: impl Fn(T) -> usize + Sync,
    as_f64: impl Fn(T) -> f64 + Copy + Sync,
) -> Vec<f64> {
    use rayon::prelude::*;
    let n = edges.len() - 1;
    let ways = if n <= 1 << 12 { 4 } else { 1 };
    let avx2 = nprs_core::kernel::has_avx2();
    let count = |mut c: Vec<u64>, piece: &[T]| {
        let mut g = [0usize; GUESSES];
        for block in piece.chunks(GUESSES) {
            let g = &mut g[..block.len()];
            guesses(block, g, &guess, avx2);
            tally(g, block, as_f64, edges, ways, &mut c);
        }
        c
    };
    let counts = if a.len() >= PAR_ELEMS && n <= a.len() / 16 {
        a.par_chunks(BLOCK)
            .fold(|| vec![0u64; ways * n], count)
            .reduce_with(|mut x, y| {
                for (p, q) in x.iter_mut().zip(y) {
                    *p += q;
                }
                x
            })
            .unwrap_or_else(|| vec![0; ways * n])
    } else {
        count(vec![0; ways * n], a)
    };
    (0..n).map(|i| (0..ways).map(|w| counts[w * n + i]).sum::<u64>() as f64).collect()
}

/// Counts the elements `xs` by their guessed bins `g` (guesses of `n`, the edges' count
/// minus one, left out) into `c`, `ways` interleaved count arrays of `n` (so that a run of
/// one bin does not wait on its own count).
fn tally<T: Copy>(g: &[usize], xs: &[T], as_f64: impl Fn(T) -> f64, edges: &[f64], ways: usize, c: &mut [u64]) {
    let n = edges.len() - 1;
    for (k, (&i, &x)) in g.iter().zip(xs).enumerate() {
        if i < n {
            c[(k & (ways - 1)) * n + fix(edges, i, as_f64(x))] += 1;
        }
    }
}

/// `out[k] = guess(block[k])`, compiled for AVX2 where the CPU has it.
fn guesses<T: Copy>(block: &[T], out: &mut [usize], guess: &impl Fn(T) -> usize, avx2: bool) {
    #[inline(always)]
    fn fill<T: Copy>(block: &[T], out: &mut [usize], guess: &impl Fn(T) -> usize) {
        for (o, &x) in out.iter_mut().zip(block) {
            *o = guess(x);
        }
    }
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    #[allow(unsafe_code)]
    unsafe fn fill_avx2<T: Copy>(block: &[T], out: &mut [usize], guess: &impl Fn(T) -> usize) {
        fill(block, out, guess);
    }
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    if avx2 {
        // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
        return unsafe { fill_avx2(block, out, guess) };
    }
    let _ = avx2;
    fill(block, out, guess);
}

/// `a / b` in the float type `F`.
fn div_in<F: StatFloat>(a: F, b: F) -> F {
    F::cast_from(a.to_f64() / b.to_f64())
}

/// The histogram of a flat lane: counts as float64 (whole numbers without weights) and the
/// edges (float64 for explicit edges, else the data's float type).
fn histogram_impl<T: QuantileElem>(
    a: &[T],
    w: Option<&[f64]>,
    bins: Bins<'_>,
    range: Option<(f64, f64)>,
) -> Result<(Vec<f64>, Edges<T::Out>)> {
    let n = match bins {
        Bins::Count(n) => {
            if n < 1 {
                return Err(Error::HistogramBinsPositive);
            }
            Some(n)
        }
        Bins::Estimator(est) => {
            if w.is_some() {
                return Err(Error::HistogramWeightedEstimator);
            }
            let (first, last, py) = outer_edges(a, range)?;
            let kept: Vec<T> = match range {
                Some(_) => a.iter().copied().filter(|x| x.to_f64() >= first && x.to_f64() <= last).collect(),
                None => a.to_vec(),
            };
            if kept.is_empty() {
                Some(1)
            } else {
                let mut width = estimate(&kept, est, (first, last))?;
                if width != 0.0 {
                    if is_integer::<T>() && width < 1.0 {
                        width = 1.0;
                    }
                    let delta = span(first, last, is_integer::<T>() && !py);
                    Some((delta / width).ceil() as usize)
                } else {
                    Some(1)
                }
            }
        }
        Bins::Edges(e) => {
            if e.windows(2).any(|p| p[0] > p[1]) {
                return Err(Error::HistogramEdgesMonotonic);
            }
            None
        }
    };
    if let Some(n) = n {
        let (first, last, py) = outer_edges(a, range)?;
        let (c, e) = equal_counts(a, w, first, last, py, n)?;
        return Ok((c, Edges::Data(e)));
    }
    let Bins::Edges(edges) = bins else { unreachable!() };
    let m = edges.len();
    let mut cum = vec![0f64; m];
    for (bi, block) in a.chunks(BLOCK).enumerate() {
        let mut order = vec![0i64; block.len()];
        T::argsort_lane(block, &mut order);
        let sorted: Vec<f64> = order.iter().map(|&i| block[i as usize].to_f64()).collect();
        // NaN sorts last and is below no edge
        let pos = |e: f64, right: bool| sorted.partition_point(|&x| !x.is_nan() && if right { x <= e } else { x < e });
        let cw: Option<Vec<f64>> = w.map(|w| {
            let mut acc = 0.0;
            let mut v = vec![0.0];
            for &i in &order {
                acc += w[bi * BLOCK + i as usize];
                v.push(acc);
            }
            v
        });
        for (k, &e) in edges.iter().enumerate() {
            let p = pos(e, k + 1 == m);
            cum[k] += cw.as_ref().map_or(p as f64, |cw| cw[p]);
        }
    }
    let counts = cum.windows(2).map(|p| p[1] - p[0]).collect();
    Ok((counts, Edges::Given(edges.to_vec())))
}

/// The bin edges of a histogram.
enum Edges<E> {
    /// Computed edges, in the data's float type.
    Data(Vec<E>),
    /// The edges as given (float64).
    Given(Vec<f64>),
}

impl<E: StatFloat> Edges<E> {
    fn as_f64(&self) -> Vec<f64> {
        match self {
            Edges::Data(e) => e.iter().map(|x| x.to_f64()).collect(),
            Edges::Given(e) => e.clone(),
        }
    }
    fn diffs(&self) -> Vec<f64> {
        match self {
            Edges::Data(e) => e.windows(2).map(|p| (p[1] - p[0]).to_f64()).collect(),
            Edges::Given(e) => e.windows(2).map(|p| p[1] - p[0]).collect(),
        }
    }
    fn into_dyn(self) -> DynArray {
        match self {
            Edges::Data(e) => DynArray::from(Array::from_vec(e)),
            Edges::Given(e) => DynArray::from(Array::from_vec(e)),
        }
    }
}

fn histogram_typed<S: Data>(
    a: &ArrayBase<S>,
    opts: &HistogramOptions<'_>,
) -> Result<(DynArray, Edges<<S::Elem as QuantileElem>::Out>)>
where
    S::Elem: QuantileElem,
{
    let copy;
    let flat: &[S::Elem] = match a.as_slice() {
        Some(s) => s,
        None => {
            copy = a.to_vec();
            &copy
        }
    };
    let w = match &opts.weights {
        None => None,
        Some(w) => {
            if w.shape() != a.shape() {
                return Err(Error::HistogramWeightsShape);
            }
            Some(w.to_vec())
        }
    };
    let (counts, edges) = histogram_impl(flat, w.as_deref(), opts.bins, opts.range)?;
    let hist = if opts.density {
        let db = edges.diffs();
        let total = crate::sum(&Array::from_vec(counts.clone()));
        DynArray::from(Array::from_vec(counts.iter().zip(&db).map(|(&c, &d)| c / d / total).collect::<Vec<f64>>()))
    } else if w.is_some() {
        DynArray::from(Array::from_vec(counts))
    } else {
        DynArray::from(Array::from_vec(counts.iter().map(|&c| c as i64).collect::<Vec<i64>>()))
    };
    Ok((hist, edges))
}

/// `numpy.histogram(a, bins, range, weights=, density=)`: the counts (`int64`; `float64`
/// with weights or `density`) and the bin edges (the data's float type, float64 for
/// integers and for explicit edges) of the flattened array.
///
/// # Errors
/// "`bins` must be positive, when an integer", "`bins` must increase monotonically, when
/// an array", "max must be larger than min in range parameter.", "supplied range of [lo,
/// hi] is not finite", "autodetected range of [lo, hi] is not finite", "Too many bins for
/// data range. Cannot create n finite-sized bins.", "weights should have the same shape
/// as a.", "Automated estimation of the number of bins is not supported for weighted
/// data" (`TypeError`).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_ufunc::{Bins, HistogramOptions, histogram};
/// let (h, e) = histogram(&array![1, 2, 1], &HistogramOptions::new().bins(Bins::Edges(&[0.0, 1.0, 2.0, 3.0])))?;
/// assert_eq!(h.typed::<i64>()?.to_vec(), vec![0, 2, 1]);
/// assert_eq!(e.typed::<f64>()?.to_vec(), vec![0.0, 1.0, 2.0, 3.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn histogram<S: Data>(a: &ArrayBase<S>, opts: &HistogramOptions<'_>) -> Result<(DynArray, DynArray)>
where
    S::Elem: QuantileElem,
{
    let (h, e) = histogram_typed(a, opts)?;
    Ok((h, e.into_dyn()))
}

/// `numpy.histogram_bin_edges(a, bins, range, weights)`: the edges [`histogram`] uses.
///
/// # Errors
/// As [`histogram`].
pub fn histogram_bin_edges<S: Data>(a: &ArrayBase<S>, opts: &HistogramOptions<'_>) -> Result<Array<f64>>
where
    S::Elem: QuantileElem,
{
    Ok(Array::from_vec(histogram_typed(a, opts)?.1.as_f64()))
}

/// [`histogram`] of a dynamic array of any real dtype (bool is counted as uint8, as NumPy
/// converts it with a warning).
///
/// # Errors
/// As [`histogram`]; complex input is not supported.
pub fn histogram_dyn<S: DynData>(a: &DynBase<S>, opts: &HistogramOptions<'_>) -> Result<(DynArray, DynArray)> {
    let t = numeric_dtype(a, "histogram")?;
    if t == DType::Bool {
        let u = a.astype(&DType::UInt8.into())?.into_typed::<u8>()?;
        return histogram(&u, opts);
    }
    with_real!(t, T => histogram(&typed_cow::<T, S>(a)?, opts))
}

/// One axis' edges in `histogramdd`: the values and the dtype NumPy holds them in.
struct AxisEdges {
    values: Vec<f64>,
    dtype: DType,
}

impl AxisEdges {
    fn into_dyn(self) -> Result<DynArray> {
        Array::from_vec(self.values).into_dyn_astype(self.dtype)
    }
}

/// Float64 values as a dynamic array of `dtype` (exact: the values came from `dtype`).
trait IntoDynAstype {
    fn into_dyn_astype(self, dtype: DType) -> Result<DynArray>;
}

impl IntoDynAstype for Array<f64> {
    fn into_dyn_astype(self, dtype: DType) -> Result<DynArray> {
        DynArray::from(self).astype(&dtype.into())
    }
}

/// The edges of one axis of `histogramdd` (NumPy's `linspace(smin, smax, n + 1)` without a
/// dtype: the data's float type when the outer edges are elements of float data, else
/// float64).
fn axis_edges<T: QuantileElem>(col: &[T], bins: Bins<'_>, range: Option<(f64, f64)>, i: usize) -> Result<AxisEdges> {
    match bins {
        Bins::Count(n) => {
            if n < 1 {
                return Err(Error::HistogramddBinsPositive { axis: i });
            }
            let (lo, hi, py) = outer_edges(col, range)?;
            if py || is_integer::<T>() {
                return Ok(AxisEdges { values: linspace::<f64, f64>(lo, hi, n), dtype: DType::Float64 });
            }
            let dtype = <T::Out as nprs_core::Element>::DTYPE;
            let values = match dtype {
                DType::Float16 => {
                    linspace::<nprs_core::f16, nprs_core::f16>(lo, hi, n).iter().map(|x| x.to_f64()).collect()
                }
                DType::Float32 => linspace::<f32, f32>(lo, hi, n).iter().map(|&x| f64::from(x)).collect(),
                _ => linspace::<f64, f64>(lo, hi, n),
            };
            Ok(AxisEdges { values, dtype })
        }
        Bins::Edges(e) => {
            if e.windows(2).any(|p| p[0] > p[1]) {
                return Err(Error::HistogramddEdgesMonotonic { axis: i });
            }
            Ok(AxisEdges { values: e.to_vec(), dtype: DType::Float64 })
        }
        Bins::Estimator(_) => Err(Error::HistogramddBinsPositive { axis: i }),
    }
}

/// `numpy.histogramdd(sample, bins, range, density, weights)` of `N` points in `D`
/// dimensions (`sample` of shape `(N, D)`, or 1-d for one dimension): the float64 counts
/// (or weight sums, or densities) of shape `(bins_0, …)` and the edges of each axis. `bins`
/// holds one entry for every axis, or one for all; `range` one entry per axis.
///
/// # Errors
/// "The dimension of bins must be equal to the dimension of the sample x.", "range
/// argument must have one entry per dimension", "`bins[0]` must be positive, when an
/// integer", "`bins[0]` must be monotonically increasing, when an array", the range errors
/// of [`histogram`].
pub fn histogramdd_dyn<S: DynData>(
    sample: &DynBase<S>,
    bins: &[Bins<'_>],
    range: Option<&[Option<(f64, f64)>]>,
    weights: Option<&[f64]>,
    density: bool,
) -> Result<(DynArray, Vec<DynArray>)> {
    let t = numeric_dtype(sample, "histogramdd")?;
    let s = if sample.ndim() == 2 { sample.to_owned() } else { sample.reshape(&[-1isize, 1][..])?.to_owned() };
    if t == DType::Bool {
        let u = s.astype(&DType::UInt8.into())?.into_typed::<u8>()?;
        return histogramdd_typed(&u, bins, range, weights, density);
    }
    with_real!(t, T => histogramdd_typed(&typed_cow::<T, _>(&s)?, bins, range, weights, density))
}

fn histogramdd_typed<S: Data>(
    sample: &ArrayBase<S>,
    bins: &[Bins<'_>],
    range: Option<&[Option<(f64, f64)>]>,
    weights: Option<&[f64]>,
    density: bool,
) -> Result<(DynArray, Vec<DynArray>)>
where
    S::Elem: QuantileElem,
{
    let (n, d) = (sample.shape()[0], sample.shape()[1]);
    let bins: Vec<Bins<'_>> = match bins.len() {
        1 => vec![bins[0]; d],
        k if k == d => bins.to_vec(),
        _ => return Err(Error::HistogramddBinsDim),
    };
    if range.is_some_and(|r| r.len() != d) {
        return Err(Error::HistogramddRangeDim);
    }
    let cols: Vec<Vec<S::Elem>> = (0..d).map(|i| sample.slice(nprs_core::s![.., i as isize]).to_vec()).collect();
    let mut edges = Vec::with_capacity(d);
    for i in 0..d {
        edges.push(axis_edges(&cols[i], bins[i], range.and_then(|r| r[i]), i)?);
    }
    let nbin: Vec<usize> = edges.iter().map(|e| e.values.len() + 1).collect();
    let total: usize = nbin.iter().product();
    let mut hist = vec![0f64; total];
    for k in 0..n {
        let mut idx = 0usize;
        for i in 0..d {
            let x = cols[i][k].to_f64();
            let e = &edges[i].values;
            // searchsorted(edges, x, 'right'), the last edge counted in the last bin
            let mut c = if x.is_nan() { e.len() } else { e.partition_point(|&v| v <= x) };
            if x == e[e.len() - 1] {
                c -= 1;
            }
            idx = idx * nbin[i] + c;
        }
        hist[idx] += weights.map_or(1.0, |w| w[k]);
    }
    // the core without the outlier bins
    let core_shape: Vec<usize> = nbin.iter().map(|&b| b - 2).collect();
    let core_n: usize = core_shape.iter().product();
    let mut core = Vec::with_capacity(core_n);
    for flat in 0..core_n {
        let mut rem = flat;
        let mut idx = 0usize;
        let mut mult = 1usize;
        let mut pos = vec![0usize; d];
        for i in (0..d).rev() {
            pos[i] = rem % core_shape[i] + 1;
            rem /= core_shape[i];
        }
        for i in (0..d).rev() {
            idx += pos[i] * mult;
            mult *= nbin[i];
        }
        core.push(hist[idx]);
    }
    if density {
        let s = crate::sum(&Array::from_vec(core.clone()));
        for i in 0..d {
            let de: Vec<f64> = {
                let e = Array::from_vec(edges[i].values.clone()).into_dyn_astype(edges[i].dtype)?;
                let dd = crate::diff_dyn(&e, 1, -1, None, None)?;
                dd.astype(&DType::Float64.into())?.into_typed::<f64>()?.to_vec()
            };
            let inner: usize = core_shape[i + 1..].iter().product();
            for (flat, v) in core.iter_mut().enumerate() {
                *v /= de[(flat / inner) % core_shape[i]];
            }
        }
        for v in &mut core {
            *v /= s;
        }
    }
    let h = DynArray::from(Array::from_shape_vec(&core_shape, core)?);
    let e = edges.into_iter().map(AxisEdges::into_dyn).collect::<Result<Vec<_>>>()?;
    Ok((h, e))
}

/// `numpy.histogram2d(x, y, bins, range, density, weights)`: [`histogramdd_dyn`] of the
/// points `(x[i], y[i])` (cast to their common dtype): the counts and the `x` and `y` edges.
///
/// # Errors
/// As [`histogramdd_dyn`]; x and y of different lengths.
pub fn histogram2d_dyn<S: DynData, S2: DynData>(
    x: &DynBase<S>,
    y: &DynBase<S2>,
    bins: &[Bins<'_>],
    range: Option<&[Option<(f64, f64)>]>,
    weights: Option<&[f64]>,
    density: bool,
) -> Result<(DynArray, DynArray, DynArray)> {
    let d = nprs_core::promote_types(x.dtype(), y.dtype())?;
    let (xa, ya) = (x.astype(&d)?, y.astype(&d)?);
    let stacked = nprs_core::dynarray::stack(&[xa.view(), ya.view()], 1)?;
    let (h, mut e) = histogramdd_dyn(&stacked, bins, range, weights, density)?;
    let ey = e.pop().ok_or(Error::HistogramddBinsDim)?;
    let ex = e.pop().ok_or(Error::HistogramddBinsDim)?;
    Ok((h, ex, ey))
}
