//! `numpy.median`, `quantile`, `percentile` and their NaN-aware forms.
//!
//! Each reduced lane is copied once and only partly ordered: the order statistics a
//! quantile needs are placed with the crate's partition (a full sort when many are
//! needed). The virtual index of every method, the neighbouring order statistics and the
//! interpolation `_lerp` follow NumPy's formulas operation for operation, in NumPy's
//! dtypes:
//! - a scalar `q` is a weak Python float: float inputs interpolate in their own type, bool
//!   and integer inputs in float64;
//! - an array of `q` is float64, so every interpolating method gives float64;
//! - the discrete methods (`inverted_cdf`, `closest_observation`, `lower`, `higher`,
//!   `nearest`) and weighted quantiles take elements, in the input's dtype;
//! - the difference of the two neighbours is taken in the input's dtype first (integers
//!   wrap, and bool inputs fail with NumPy's "numpy boolean subtract" error).
//!
//! A lane holding a NaN gives NaN (NumPy's `median`/`quantile`); the `nan*` forms drop
//! NaNs first and give NaN for an all-NaN lane.

use std::ops::{Add, Mul, Sub};
use std::str::FromStr;

use nprs_core::dynarray::{DynBase, DynData};
use nprs_core::kernel::{Data, map};
use nprs_core::{Array, ArrayBase, ArrayView, Cast, DynArray, Element, Error, Result, f16};
use rayon::prelude::*;

use super::lanes::{Lanes, gather};
use super::with_real;
use crate::dispatch::{numeric_dtype, typed_cow};
use crate::sort::SortElem;

/// NumPy 2's quantile methods (`method=`), with `Linear` the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuantileMethod {
    /// `'inverted_cdf'` (H&F 1): the first element whose empirical CDF reaches `q`.
    InvertedCdf,
    /// `'averaged_inverted_cdf'` (H&F 2): as `InvertedCdf`, averaging at discontinuities.
    AveragedInvertedCdf,
    /// `'closest_observation'` (H&F 3): the nearest order statistic, even ones at ties.
    ClosestObservation,
    /// `'interpolated_inverted_cdf'` (H&F 4): alpha 0, beta 1.
    InterpolatedInvertedCdf,
    /// `'hazen'` (H&F 5): alpha = beta = 1/2.
    Hazen,
    /// `'weibull'` (H&F 6): alpha = beta = 0.
    Weibull,
    /// `'linear'` (H&F 7, the default): alpha = beta = 1.
    #[default]
    Linear,
    /// `'median_unbiased'` (H&F 8): alpha = beta = 1/3.
    MedianUnbiased,
    /// `'normal_unbiased'` (H&F 9): alpha = beta = 3/8.
    NormalUnbiased,
    /// `'lower'`: the order statistic below.
    Lower,
    /// `'higher'`: the order statistic above.
    Higher,
    /// `'midpoint'`: the mean of the two neighbours.
    Midpoint,
    /// `'nearest'`: the nearest order statistic (half to even).
    Nearest,
}

impl QuantileMethod {
    /// Every method, in NumPy's order.
    pub const ALL: [QuantileMethod; 13] = [
        Self::InvertedCdf,
        Self::AveragedInvertedCdf,
        Self::ClosestObservation,
        Self::InterpolatedInvertedCdf,
        Self::Hazen,
        Self::Weibull,
        Self::Linear,
        Self::MedianUnbiased,
        Self::NormalUnbiased,
        Self::Lower,
        Self::Higher,
        Self::Midpoint,
        Self::Nearest,
    ];

    /// NumPy's name of the method.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::InvertedCdf => "inverted_cdf",
            Self::AveragedInvertedCdf => "averaged_inverted_cdf",
            Self::ClosestObservation => "closest_observation",
            Self::InterpolatedInvertedCdf => "interpolated_inverted_cdf",
            Self::Hazen => "hazen",
            Self::Weibull => "weibull",
            Self::Linear => "linear",
            Self::MedianUnbiased => "median_unbiased",
            Self::NormalUnbiased => "normal_unbiased",
            Self::Lower => "lower",
            Self::Higher => "higher",
            Self::Midpoint => "midpoint",
            Self::Nearest => "nearest",
        }
    }

    /// True for the methods that take an element without interpolating.
    #[must_use]
    pub fn is_discrete(self) -> bool {
        matches!(self, Self::InvertedCdf | Self::ClosestObservation | Self::Lower | Self::Higher | Self::Nearest)
    }
}

impl FromStr for QuantileMethod {
    type Err = Error;
    /// NumPy's names; anything else is NumPy's "'x' is not a valid method" `ValueError`.
    fn from_str(s: &str) -> Result<Self> {
        Self::ALL.into_iter().find(|m| m.name() == s).ok_or_else(|| Error::QuantileMethod { got: s.to_string() })
    }
}

/// The `q` of a quantile: one value (a Python float: NumPy's weak promotion) or a 1-d
/// array of float64 values (its length becomes the result's first axis).
#[derive(Clone, Copy, Debug)]
pub enum Quantile<'a> {
    /// A scalar `q`.
    Scalar(f64),
    /// A 1-d array of `q`.
    Many(&'a [f64]),
}

/// The options of [`quantile`] and friends: `axis` (None: all axes; one or several
/// axes), `keepdims`, `method` and `weights` (NumPy allows them with `inverted_cdf` only;
/// of `a`'s shape, or 1-d along the reduced axes).
#[derive(Clone, Debug, Default)]
pub struct QuantileOptions<'a> {
    /// The axes to reduce (`None`: all of them).
    pub axis: Option<Vec<isize>>,
    /// Keep the reduced axes with length one.
    pub keepdims: bool,
    /// The method (`'linear'` by default).
    pub method: QuantileMethod,
    /// Weights of the elements.
    pub weights: Option<ArrayView<'a, f64>>,
}

impl<'a> QuantileOptions<'a> {
    /// The defaults: all axes, no keepdims, `'linear'`, no weights.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }
    /// Reduce along one axis.
    #[must_use]
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = Some(vec![axis]);
        self
    }
    /// Reduce along several axes.
    #[must_use]
    pub fn axes(mut self, axes: &[isize]) -> Self {
        self.axis = Some(axes.to_vec());
        self
    }
    /// `keepdims=`.
    #[must_use]
    pub fn keepdims(mut self, keepdims: bool) -> Self {
        self.keepdims = keepdims;
        self
    }
    /// `method=`.
    #[must_use]
    pub fn method(mut self, method: QuantileMethod) -> Self {
        self.method = method;
        self
    }
    /// `weights=`.
    #[must_use]
    pub fn weights(mut self, weights: ArrayView<'a, f64>) -> Self {
        self.weights = Some(weights);
        self
    }
}

/// The float types quantiles interpolate in (`float16`, `float32`, `float64`), with
/// NumPy's arithmetic (float16 rounds every operation once from float32).
pub trait StatFloat: Element + Cast + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> {}
impl StatFloat for f16 {}
impl StatFloat for f32 {}
impl StatFloat for f64 {}

/// The real element types of the quantile functions, with NumPy's float type for them.
pub trait QuantileElem: SortElem + Cast {
    /// The float type of a median or of an interpolated quantile with a scalar `q`:
    /// float64 for bool and integers, the type itself for floats.
    type Out: StatFloat;
    /// `b - a` in the element type (integers wrap; bool is NumPy's `TypeError`).
    ///
    /// # Errors
    /// [`Error::BoolSubtract`] for bool.
    fn sub(b: Self, a: Self) -> Result<Self>;
    /// The mean of two elements, as `numpy.mean` computes it (float16 in float32).
    fn mean2(a: Self, b: Self) -> Self::Out;
    /// The smallest and the largest element of a non-empty `a` (the first of equal ones,
    /// in NumPy's order), and whether it holds a NaN.
    fn min_max(a: &[Self]) -> (Self, Self, bool) {
        let (mut lo, mut hi, mut nan) = (a[0], a[0], false);
        for &x in a {
            nan |= x.is_nan();
            if Self::np_cmp(x, lo).is_lt() {
                lo = x;
            }
            if Self::np_cmp(x, hi).is_gt() {
                hi = x;
            }
        }
        (lo, hi, nan)
    }
}

macro_rules! int_quantile {
    ($($t:ty),*) => {$(
        impl QuantileElem for $t {
            type Out = f64;
            #[inline]
            fn sub(b: Self, a: Self) -> Result<Self> {
                Ok(b.wrapping_sub(a))
            }
            #[inline]
            fn mean2(a: Self, b: Self) -> f64 {
                (a as f64 + b as f64) / 2.0
            }
        }
    )*};
}
int_quantile!(i8, i16, i32, i64, u8, u16, u32, u64);

impl QuantileElem for bool {
    type Out = f64;
    fn sub(_: Self, _: Self) -> Result<Self> {
        Err(Error::BoolSubtract)
    }
    fn mean2(a: Self, b: Self) -> f64 {
        (f64::from(u8::from(a)) + f64::from(u8::from(b))) / 2.0
    }
}

impl QuantileElem for f16 {
    type Out = f16;
    fn sub(b: Self, a: Self) -> Result<Self> {
        Ok(b - a)
    }
    fn mean2(a: Self, b: Self) -> f16 {
        f16::from_f32((a.to_f32() + b.to_f32()) / 2.0)
    }
}

macro_rules! float_quantile {
    ($($t:ty),*) => {$(
        impl QuantileElem for $t {
            type Out = $t;
            #[inline]
            fn sub(b: Self, a: Self) -> Result<Self> {
                Ok(b - a)
            }
            #[inline]
            fn mean2(a: Self, b: Self) -> $t {
                (a + b) / 2.0
            }
            /// NumPy's `a.min()` and `a.max()`, by the reductions' vector kernel.
            fn min_max(a: &[Self]) -> (Self, Self, bool) {
                let (lo, hi) = crate::reductions::lanes::float_min_max(a);
                (lo, hi, lo.is_nan())
            }
        }
    )*};
}
float_quantile!(f32, f64);

/// Where a quantile is found in a sorted lane of `n > 0` elements.
#[derive(Clone, Copy, Debug)]
enum Pick {
    /// The element at this index.
    Take(usize),
    /// Interpolate between the elements at `prev` and `next` with weight `gamma`.
    Lerp { prev: usize, next: usize, gamma: f64 },
}

/// NumPy's `_discrete_interpolation_to_boundaries`: `floor(index)` where `keep_floor`
/// holds for the fractional part, else the next index; negative indexes clipped to 0.
fn discrete(index: f64, keep_floor: impl Fn(f64, f64) -> bool) -> usize {
    let prev = index.floor();
    let gamma = index - prev;
    let r = if keep_floor(gamma, index) { prev } else { prev + 1.0 };
    if r < 0.0 { 0 } else { r as usize }
}

/// NumPy's `_compute_virtual_index` with `alpha`/`beta`.
fn virtual_index(n: f64, q: f64, alpha: f64, beta: f64) -> f64 {
    n * q + (alpha + q * (1.0 - alpha - beta)) - 1.0
}

/// The element(s) of a sorted lane of `n > 0` elements that quantile `q` of `method` uses.
fn pick(method: QuantileMethod, n: usize, q: f64) -> Pick {
    use QuantileMethod as M;
    let nf = n as f64;
    let last = (n - 1) as f64;
    let vi = match method {
        M::InvertedCdf => return Pick::Take(discrete(nf * q - 1.0, |g, _| g == 0.0)),
        M::ClosestObservation => {
            return Pick::Take(discrete(nf * q - 1.0 - 0.5, |g, i| g == 0.0 && i.floor().rem_euclid(2.0) == 1.0));
        }
        M::Lower => return Pick::Take((last * q).floor() as usize),
        M::Higher => return Pick::Take((last * q).ceil() as usize),
        M::Nearest => return Pick::Take((last * q).round_ties_even() as usize),
        M::AveragedInvertedCdf => nf * q - 1.0,
        M::InterpolatedInvertedCdf => virtual_index(nf, q, 0.0, 1.0),
        M::Hazen => virtual_index(nf, q, 0.5, 0.5),
        M::Weibull => virtual_index(nf, q, 0.0, 0.0),
        M::Linear => last * q,
        M::MedianUnbiased => virtual_index(nf, q, 1.0 / 3.0, 1.0 / 3.0),
        M::NormalUnbiased => virtual_index(nf, q, 3.0 / 8.0, 3.0 / 8.0),
        M::Midpoint => 0.5 * ((last * q).floor() + (last * q).ceil()),
    };
    // NumPy's `_get_indexes`: past the end both neighbours are the last element (and the
    // previous index counts as -1 for gamma), before the start both are the first.
    let (mut prev, mut next, mut prev_at) = (vi.floor() as isize, vi.floor() as isize + 1, vi.floor());
    if vi >= last {
        (prev, next, prev_at) = (n as isize - 1, n as isize - 1, -1.0);
    }
    if vi < 0.0 {
        (prev, next, prev_at) = (0, 0, 0.0);
    }
    let gamma = vi - prev_at;
    let gamma = match method {
        M::AveragedInvertedCdf => {
            if gamma == 0.0 {
                0.5
            } else {
                1.0
            }
        }
        M::Midpoint => {
            if vi.rem_euclid(1.0) == 0.0 {
                0.0
            } else {
                0.5
            }
        }
        _ => gamma,
    };
    Pick::Lerp { prev: prev as usize, next: next as usize, gamma }
}

/// NumPy's `_lerp(a, b, t)` in the float type `C`: the difference in the element type,
/// then `a + d*t`, or `b - d*(1 - t)` where `t >= 0.5`.
fn lerp<T: QuantileElem, C: StatFloat>(a: T, b: T, t: f64) -> Result<C> {
    let d = C::cast_from(T::sub(b, a)?);
    Ok(if t >= 0.5 { C::cast_from(b) - d * C::cast_from(1.0 - t) } else { C::cast_from(a) + d * C::cast_from(t) })
}

/// Moves the non-NaN elements of `v` to its front (keeping `w` in step) and returns how
/// many there are.
fn drop_nans<T: SortElem>(v: &mut [T], mut w: Option<&mut [f64]>) -> usize {
    let mut k = 0;
    for i in 0..v.len() {
        if !v[i].is_nan() {
            v[k] = v[i];
            if let Some(w) = w.as_deref_mut() {
                w[k] = w[i];
            }
            k += 1;
        }
    }
    k
}

/// One lane's quantiles: taken elements (discrete methods) or interpolated values.
enum LaneOut<T, C> {
    Taken(Vec<T>),
    Lerped(Vec<C>),
}

/// The quantiles `qs` of one lane (`skip_nan`: NaNs dropped first).
fn lane_quantiles<T: QuantileElem, C: StatFloat>(
    v: &mut [T],
    qs: &[f64],
    method: QuantileMethod,
    skip_nan: bool,
) -> Result<LaneOut<T, C>> {
    let nan_t = T::cast_from(f64::NAN);
    let nan_c = C::cast_from(f64::NAN);
    let n = if skip_nan { drop_nans(v, None) } else { v.len() };
    let all_nan = n == 0 || (!skip_nan && v.iter().any(|x| x.is_nan()));
    if all_nan {
        return Ok(if method.is_discrete() {
            LaneOut::Taken(vec![nan_t; qs.len()])
        } else {
            LaneOut::Lerped(vec![nan_c; qs.len()])
        });
    }
    let v = &mut v[..n];
    let picks: Vec<Pick> = qs.iter().map(|&q| pick(method, n, q)).collect();
    let mut ks: Vec<usize> = Vec::with_capacity(2 * picks.len());
    for p in &picks {
        match *p {
            Pick::Take(i) => ks.push(i),
            Pick::Lerp { prev, next, .. } => ks.extend([prev, next]),
        }
    }
    ks.sort_unstable();
    ks.dedup();
    let vals = if ks.len() > 16 {
        T::sort_lane(v, false);
        ks.iter().map(|&k| v[k]).collect()
    } else {
        T::select_values(v, &ks)
    };
    // The value a sort puts at position `i` (one of `ks`).
    let at = |i: usize| vals[ks.binary_search(&i).unwrap_or(0)];
    if method.is_discrete() {
        let out = picks.iter().map(|p| if let Pick::Take(i) = *p { at(i) } else { nan_t }).collect();
        return Ok(LaneOut::Taken(out));
    }
    let mut out = Vec::with_capacity(picks.len());
    for p in &picks {
        out.push(match *p {
            Pick::Lerp { prev, next, gamma } => lerp::<T, C>(at(prev), at(next), gamma)?,
            Pick::Take(i) => C::cast_from(at(i)),
        });
    }
    Ok(LaneOut::Lerped(out))
}

/// One lane's weighted `inverted_cdf` quantiles (NumPy's weighted branch of `_quantile`).
fn lane_weighted<T: QuantileElem>(v: &[T], w: &[f64], qs: &[f64], skip_nan: bool) -> Result<Vec<T>> {
    let mut v = v.to_vec();
    let mut w = w.to_vec();
    let n = if skip_nan { drop_nans(&mut v, Some(&mut w)) } else { v.len() };
    let nan_t = T::cast_from(f64::NAN);
    if n == 0 {
        return Ok(vec![nan_t; qs.len()]);
    }
    let (v, w) = (&v[..n], &w[..n]);
    let mut order = vec![0i64; n];
    T::argsort_lane(v, &mut order);
    let sorted: Vec<T> = order.iter().map(|&i| v[i as usize]).collect();
    let mut cdf = Vec::with_capacity(n);
    let mut acc = 0.0;
    for &i in &order {
        acc += w[i as usize];
        cdf.push(acc);
    }
    let total = acc;
    for c in &mut cdf {
        *c /= total;
    }
    if cdf[n - 1].is_nan() {
        return Err(Error::QuantileWeightsInvalid);
    }
    if !skip_nan && sorted[n - 1].is_nan() {
        return Ok(vec![nan_t; qs.len()]);
    }
    if cdf[0] == 0.0 {
        for c in &mut cdf {
            if *c == 0.0 {
                *c = -1.0;
            }
        }
    }
    Ok(qs.iter().map(|&q| sorted[cdf.partition_point(|&c| c < q).min(n - 1)]).collect())
}

/// A quantile result in NumPy's dtype: elements of the input, floats of the input's float
/// type (scalar `q`) or float64 (an array of `q`).
pub(crate) enum QResult<T: QuantileElem> {
    Taken(Array<T>),
    Weak(Array<T::Out>),
    Wide(Array<f64>),
}

impl<T: QuantileElem> QResult<T> {
    fn into_dyn(self) -> DynArray {
        match self {
            QResult::Taken(a) => DynArray::from(a),
            QResult::Weak(a) => DynArray::from(a),
            QResult::Wide(a) => DynArray::from(a),
        }
    }
    pub(crate) fn into_float<C: StatFloat>(self) -> Array<C> {
        match self {
            QResult::Taken(a) => map(&a, |x| C::cast_from(x)),
            QResult::Weak(a) => map(&a, |x| C::cast_from(x)),
            QResult::Wide(a) => map(&a, |x| C::cast_from(x)),
        }
    }
}

/// The per-lane weights for `lanes` of `a` along `axis` (NumPy's `_weights_are_valid`).
fn lane_weights<S: Data>(
    a: &ArrayBase<S>,
    w: &ArrayView<'_, f64>,
    axis: Option<&[isize]>,
    lanes: &Lanes<S::Elem>,
) -> Result<Vec<f64>> {
    if w.shape() == a.shape() {
        return Ok(gather(w, axis)?.values().to_vec());
    }
    let Some(axis) = axis else {
        return Err(Error::QuantileWeightsAxis);
    };
    let given: Vec<usize> =
        axis.iter().map(|&ax| nprs_core::dims::normalize_axis(ax, a.ndim())).collect::<Result<_>>()?;
    let expect: Vec<usize> = given.iter().map(|&ax| a.shape()[ax]).collect();
    if w.shape() != expect.as_slice() {
        return Err(Error::QuantileWeightsShape);
    }
    // the weights' axes in the order of the reduced axes (ascending)
    let mut perm: Vec<isize> = (0..given.len() as isize).collect();
    perm.sort_by_key(|&i| given[i as usize]);
    let one = w.permute_dims(&perm)?.to_vec();
    let mut out = Vec::with_capacity(one.len() * lanes.count);
    for _ in 0..lanes.count {
        out.extend_from_slice(&one);
    }
    Ok(out)
}

/// The one implementation behind every quantile function.
pub(crate) fn quantile_impl<S: Data>(
    a: &ArrayBase<S>,
    q: Quantile<'_>,
    opts: &QuantileOptions<'_>,
    percent: bool,
    skip_nan: bool,
) -> Result<QResult<S::Elem>>
where
    S::Elem: QuantileElem,
{
    let (qs, lead, weak): (Vec<f64>, Vec<usize>, bool) = match q {
        Quantile::Scalar(x) => (vec![x], vec![], true),
        Quantile::Many(v) => (v.to_vec(), vec![v.len()], false),
    };
    let qs: Vec<f64> = if percent { qs.iter().map(|x| x / 100.0).collect() } else { qs };
    if !qs.iter().all(|x| (0.0..=1.0).contains(x)) {
        return Err(Error::QuantileRange { percent });
    }
    let axis = opts.axis.as_deref();
    let mut lanes = gather(a, axis)?;
    let weights = match &opts.weights {
        None => None,
        Some(w) => {
            if opts.method != QuantileMethod::InvertedCdf {
                return Err(Error::QuantileWeightsMethod { method: opts.method.name() });
            }
            let lw = lane_weights(a, w, axis, &lanes)?;
            if lw.iter().any(|&x| x < 0.0) {
                return Err(Error::QuantileWeightsNegative);
            }
            Some(lw)
        }
    };
    let shape = lanes.out_shape(&lead, opts.keepdims);
    let (count, len, nq) = (lanes.count, lanes.len, qs.len());
    if count > 0 && len == 0 && !skip_nan {
        return Err(Error::IndexOutOfBounds { index: -1, axis: 0, size: 0 });
    }
    // each lane's results, then laid out q-major as NumPy's result
    fn scatter<X: Copy>(per: &[Vec<X>], nq: usize) -> Vec<X> {
        (0..nq).flat_map(|qi| per.iter().map(move |l| l[qi])).collect()
    }
    if let Some(w) = weights {
        let per: Vec<Vec<S::Elem>> = if len == 0 {
            vec![vec![S::Elem::cast_from(f64::NAN); nq]; count]
        } else {
            lanes
                .values()
                .par_chunks(len)
                .zip(w.par_chunks(len))
                .map(|(v, w)| lane_weighted(v, w, &qs, skip_nan))
                .collect::<Result<_>>()?
        };
        return Ok(QResult::Taken(Array::from_shape_vec(&shape, scatter(&per, nq))?));
    }
    fn run<T: QuantileElem, C: StatFloat>(
        lanes: &mut Lanes<T>,
        qs: &[f64],
        method: QuantileMethod,
        skip_nan: bool,
    ) -> Result<Vec<LaneOut<T, C>>> {
        if lanes.len == 0 {
            return Ok((0..lanes.count).map(|_| LaneOut::Lerped(vec![C::cast_from(f64::NAN); qs.len()])).collect());
        }
        warn_all_nan_lanes(lanes, skip_nan)?;
        let len = lanes.len;
        lanes.values_mut().par_chunks_mut(len).map(|v| lane_quantiles::<T, C>(v, qs, method, skip_nan)).collect()
    }
    /// The interpolated values of every lane (an interpolating method takes nothing).
    fn lerped<T, C>(per: Vec<LaneOut<T, C>>) -> Vec<Vec<C>> {
        per.into_iter()
            .map(|l| match l {
                LaneOut::Lerped(v) => v,
                LaneOut::Taken(_) => Vec::new(),
            })
            .collect()
    }
    let method = opts.method;
    let nan_t = S::Elem::cast_from(f64::NAN);
    if method.is_discrete() {
        let per = run::<S::Elem, f64>(&mut lanes, &qs, method, skip_nan)?;
        let per: Vec<Vec<S::Elem>> = per
            .into_iter()
            .map(|l| match l {
                LaneOut::Taken(v) => v,
                LaneOut::Lerped(v) => vec![nan_t; v.len()],
            })
            .collect();
        return Ok(QResult::Taken(Array::from_shape_vec(&shape, scatter(&per, nq))?));
    }
    if weak {
        let per = run::<S::Elem, <S::Elem as QuantileElem>::Out>(&mut lanes, &qs, method, skip_nan)?;
        return Ok(QResult::Weak(Array::from_shape_vec(&shape, scatter(&lerped(per), nq))?));
    }
    let per = run::<S::Elem, f64>(&mut lanes, &qs, method, skip_nan)?;
    Ok(QResult::Wide(Array::from_shape_vec(&shape, scatter(&lerped(per), nq))?))
}

/// The median of one lane (`skip_nan`: NaNs dropped first), as NumPy's `median`: the
/// middle element, or `numpy.mean` of the two middle ones; NaN for an empty lane or one
/// holding a NaN.
/// NumPy's "All-NaN slice encountered" for the NaN-ignoring forms when a lane holds
/// nothing but NaNs.
fn warn_all_nan_lanes<T: QuantileElem>(lanes: &Lanes<T>, skip_nan: bool) -> Result<()> {
    if skip_nan && lanes.len > 0 && lanes.values().chunks(lanes.len).any(|l| l.iter().all(|x| x.is_nan())) {
        crate::reductions::warn_runtime("All-NaN slice encountered")?;
    }
    Ok(())
}

fn lane_median<T: QuantileElem>(v: &mut [T], skip_nan: bool) -> T::Out {
    let nan = <T::Out as Cast>::cast_from(f64::NAN);
    let n = if skip_nan { drop_nans(v, None) } else { v.len() };
    if n == 0 || (!skip_nan && v.iter().any(|x| x.is_nan())) {
        return nan;
    }
    let v = &mut v[..n];
    let h = n / 2;
    if n % 2 == 1 {
        <T::Out as Cast>::cast_from(T::select_values(v, &[h])[0])
    } else {
        let m = T::select_values(v, &[h - 1, h]);
        T::mean2(m[0], m[1])
    }
}

fn median_impl<S: Data>(
    a: &ArrayBase<S>,
    axis: Option<&[isize]>,
    keepdims: bool,
    skip_nan: bool,
) -> Result<Array<<S::Elem as QuantileElem>::Out>>
where
    S::Elem: QuantileElem,
{
    let mut lanes = gather(a, axis)?;
    let shape = lanes.out_shape(&[], keepdims);
    let out: Vec<_> = if lanes.len == 0 {
        vec![<<S::Elem as QuantileElem>::Out as Cast>::cast_from(f64::NAN); lanes.count]
    } else {
        warn_all_nan_lanes(&lanes, skip_nan)?;
        let len = lanes.len;
        lanes.values_mut().par_chunks_mut(len).map(|v| lane_median(v, skip_nan)).collect()
    };
    Array::from_shape_vec(&shape, out)
}

/// `numpy.median(a, axis, keepdims=keepdims)` (`axis` None: all axes): float64 for bool
/// and integers, the input's type for floats; NaN for a lane holding a NaN or an empty
/// lane (NumPy warns).
///
/// # Errors
/// NumPy's `AxisError` and "repeated axis".
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[10, 7, 4], [3, 2, 1]];
/// assert_eq!(nprs_ufunc::median(&a, None, false)?.to_vec(), vec![3.5]);
/// assert_eq!(nprs_ufunc::median(&a, Some(&[0]), false)?.to_vec(), vec![6.5, 4.5, 2.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub fn median<S: Data>(
    a: &ArrayBase<S>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<<S::Elem as QuantileElem>::Out>>
where
    S::Elem: QuantileElem,
{
    median_impl(a, axis, keepdims, false)
}

/// `numpy.nanmedian(a, axis, keepdims=keepdims)`: the median of the non-NaN elements,
/// NaN for an all-NaN lane (NumPy warns "All-NaN slice encountered").
///
/// # Errors
/// As [`median`].
pub fn nanmedian<S: Data>(
    a: &ArrayBase<S>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<<S::Elem as QuantileElem>::Out>>
where
    S::Elem: QuantileElem,
{
    median_impl(a, axis, keepdims, true)
}

/// [`median`] of a dynamic array of any real dtype.
///
/// # Errors
/// As [`median`]; `TypeError` for non-numeric dtypes; complex input is not supported
/// ("a must be an array of real numbers").
pub fn median_dyn<S: DynData>(a: &DynBase<S>, axis: Option<&[isize]>, keepdims: bool) -> Result<DynArray> {
    if let Some(r) = crate::ufunc::datetime::median_counts(&a.view(), axis, keepdims, false)? {
        return Ok(r);
    }
    with_real!(numeric_dtype(a, "quantile")?, T => {
        Ok(DynArray::from(median_impl(&typed_cow::<T, S>(a)?, axis, keepdims, false)?))
    })
}

/// [`nanmedian`] of a dynamic array of any real dtype.
///
/// # Errors
/// As [`median_dyn`].
pub fn nanmedian_dyn<S: DynData>(a: &DynBase<S>, axis: Option<&[isize]>, keepdims: bool) -> Result<DynArray> {
    if let Some(r) = crate::ufunc::datetime::median_counts(&a.view(), axis, keepdims, true)? {
        return Ok(r);
    }
    with_real!(numeric_dtype(a, "quantile")?, T => {
        Ok(DynArray::from(median_impl(&typed_cow::<T, S>(a)?, axis, keepdims, true)?))
    })
}

macro_rules! quantile_fns {
    ($($(#[$doc:meta])* $name:ident, $many:ident, $dyn:ident: percent $pct:expr, nan $nan:expr;)*) => {$(
        $(#[$doc])*
        ///
        /// # Errors
        /// "Quantiles must be in the range [0, 1]" / "Percentiles must be in the range
        /// [0, 100]"; NumPy's `AxisError` and "repeated axis"; for an empty lane NumPy's
        /// `IndexError`; bool input with an interpolating method ("numpy boolean
        /// subtract…"); the weights errors of NumPy ("Only method 'inverted_cdf' supports
        /// weights. Got: linear.", "Weights must be non-negative.", "Weights included NaN,
        /// inf or were all zero.", "Axis must be specified when shapes of a and weights
        /// differ.", "Shape of weights must be consistent with shape of a along specified
        /// axis.").
        pub fn $name<S: Data>(
            a: &ArrayBase<S>,
            q: f64,
            opts: &QuantileOptions<'_>,
        ) -> Result<Array<<S::Elem as QuantileElem>::Out>>
        where
            S::Elem: QuantileElem,
        {
            Ok(quantile_impl(a, Quantile::Scalar(q), opts, $pct, $nan)?.into_float())
        }

        $(#[$doc])*
        /// With an array of `q` (float64, so the result is float64; its first axis runs over `q`).
        ///
        /// # Errors
        /// As the scalar form.
        pub fn $many<S: Data>(a: &ArrayBase<S>, q: &[f64], opts: &QuantileOptions<'_>) -> Result<Array<f64>>
        where
            S::Elem: QuantileElem,
        {
            Ok(quantile_impl(a, Quantile::Many(q), opts, $pct, $nan)?.into_float())
        }

        $(#[$doc])*
        /// For a dynamic array of any real dtype, with NumPy's result dtype (the input's
        /// dtype for the discrete methods and weights).
        ///
        /// # Errors
        /// As the scalar form; "a must be an array of real numbers" (`TypeError`) for
        /// complex input.
        pub fn $dyn<S: DynData>(a: &DynBase<S>, q: Quantile<'_>, opts: &QuantileOptions<'_>) -> Result<DynArray> {
            with_real!(numeric_dtype(a, "quantile")?, T => {
                Ok(quantile_impl(&typed_cow::<T, S>(a)?, q, opts, $pct, $nan)?.into_dyn())
            })
        }
    )*};
}

quantile_fns! {
    /// `numpy.quantile(a, q, axis, method=, keepdims=, weights=)` for `q` in `[0, 1]`.
    /// The typed forms return floats: the discrete methods' elements are converted to the
    /// float type (NumPy keeps the input's dtype; the dynamic form does too).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_ufunc::{QuantileOptions, quantile};
    /// let a = array![[10.0, 7.0, 4.0], [3.0, 2.0, 1.0]];
    /// assert_eq!(quantile(&a, 0.5, &QuantileOptions::new().axis(1))?.to_vec(), vec![7.0, 2.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    quantile, quantiles, quantile_dyn: percent false, nan false;
    /// `numpy.percentile(a, q, ...)`: [`quantile`] of `q / 100`, `q` in `[0, 100]`.
    percentile, percentiles, percentile_dyn: percent true, nan false;
    /// `numpy.nanquantile(a, q, ...)`: [`quantile`] of the non-NaN elements; NaN for an
    /// all-NaN lane (NumPy warns "All-NaN slice encountered").
    nanquantile, nanquantiles, nanquantile_dyn: percent false, nan true;
    /// `numpy.nanpercentile(a, q, ...)`: [`nanquantile`] of `q / 100`.
    nanpercentile, nanpercentiles, nanpercentile_dyn: percent true, nan true;
}
