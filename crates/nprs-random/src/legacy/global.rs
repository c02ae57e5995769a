//! NumPy's module-level legacy functions (`np.random.seed`, `np.random.rand`, …) over one
//! global [`RandomState`].
//!
//! The global state lives behind a `Mutex` and is seeded from operating-system entropy the
//! first time it is used, as NumPy seeds its hidden `RandomState` at import. Every function
//! locks it for the duration of one call, so calls from several threads are serialised and
//! each call's draws are contiguous in the stream; the interleaving between threads is, of
//! course, whatever order they take the lock in. Code that wants reproducible streams per
//! thread should own a [`RandomState`] or, better, a [`Generator`](crate::Generator).
//!
//! ```
//! use nprs_random::legacy::global as npr;
//! npr::seed(0).unwrap();
//! let x = npr::rand(3).unwrap();
//! assert_eq!(x.to_vec()[0], 0.5488135039273248);
//! ```

use std::sync::{Mutex, MutexGuard, PoisonError};

use nprs_core::dynarray::{DynData, DynDataMut};
use nprs_core::kernel::{Data, DataMut};
use nprs_core::{Array, ArrayBase, DynArray, DynBase, Element};

use super::{LegacySeed, LegacyState, RandomState};
use crate::error::Result;
use crate::generator::{IntParam, Param, RandomInteger, Size};
use crate::mvnormal::CheckValid;

static GLOBAL: Mutex<Option<RandomState>> = Mutex::new(None);

/// Runs `f` on the global state, seeding it from the operating system on first use.
fn with<R>(f: impl FnOnce(&mut RandomState) -> R) -> R {
    let mut guard: MutexGuard<'_, Option<RandomState>> = GLOBAL.lock().unwrap_or_else(PoisonError::into_inner);
    let rs = guard.get_or_insert_with(RandomState::default);
    f(rs)
}

/// Runs `f` on the global state (NumPy's hidden `np.random.mtrand._rand`), holding the
/// lock for the whole call: for the `_scalar` methods (`np.random.randn()` as a float) or
/// several draws that must be contiguous in the stream.
///
/// ```
/// use nprs_random::legacy::global as npr;
/// npr::seed(0).unwrap();
/// let x = npr::with_global(|rs| rs.standard_normal_scalar()); // np.random.randn()
/// assert_eq!(x, 1.764052345967664);
/// ```
pub fn with_global<R>(f: impl FnOnce(&mut RandomState) -> R) -> R {
    with(f)
}

/// `np.random.seed(seed)`.
///
/// # Errors
/// A seed outside `[0, 2**32)` or an empty sequence.
pub fn seed(seed: impl Into<LegacySeed>) -> Result<()> {
    let seed = seed.into();
    with(|rs| rs.seed(seed))
}

/// `np.random.get_state()`.
#[must_use]
pub fn get_state() -> LegacyState {
    with(|rs| rs.get_state())
}

/// `np.random.set_state(state)`.
///
/// # Errors
/// A position outside `[0, 624]`.
pub fn set_state(state: &LegacyState) -> Result<()> {
    with(|rs| rs.set_state(state))
}

/// `np.random.rand(shape)`.
///
/// # Errors
/// Negative dimensions.
pub fn rand(shape: impl Into<Size>) -> Result<Array<f64>> {
    let shape = shape.into();
    with(|rs| rs.rand(shape))
}

/// `np.random.randn(shape)`.
///
/// # Errors
/// Negative dimensions.
pub fn randn(shape: impl Into<Size>) -> Result<Array<f64>> {
    let shape = shape.into();
    with(|rs| rs.randn(shape))
}

/// `np.random.random_sample(size)`.
///
/// # Errors
/// Negative dimensions.
pub fn random_sample(size: impl Into<Size>) -> Result<Array<f64>> {
    let size = size.into();
    with(|rs| rs.random_sample(size))
}

/// `np.random.standard_normal(size)`.
///
/// # Errors
/// Negative dimensions.
pub fn standard_normal(size: impl Into<Size>) -> Result<Array<f64>> {
    let size = size.into();
    with(|rs| rs.standard_normal(size))
}

/// `np.random.randint(low, high, size, dtype=T)`.
///
/// # Errors
/// As [`RandomState::randint`].
pub fn randint<T: RandomInteger>(
    low: impl Into<IntParam>,
    high: impl Into<IntParam>,
    size: impl Into<Size>,
) -> Result<Array<T>> {
    let (low, high, size) = (low.into(), high.into(), size.into());
    with(|rs| rs.randint(low, high, size))
}

/// `np.random.normal(loc, scale, size)`.
///
/// # Errors
/// As [`RandomState::normal`].
pub fn normal<'a>(
    loc: impl Into<Param<'a, f64>>,
    scale: impl Into<Param<'a, f64>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    let (loc, scale, size) = (loc.into(), scale.into(), size.into());
    with(|rs| rs.normal(loc, scale, size))
}

/// `np.random.uniform(low, high, size)`.
///
/// # Errors
/// As [`RandomState::uniform`].
pub fn uniform<'a>(
    low: impl Into<Param<'a, f64>>,
    high: impl Into<Param<'a, f64>>,
    size: impl Into<Size>,
) -> Result<Array<f64>> {
    let (low, high, size) = (low.into(), high.into(), size.into());
    with(|rs| rs.uniform(low, high, size))
}

/// `np.random.exponential(scale, size)`.
///
/// # Errors
/// As [`RandomState::exponential`].
pub fn exponential<'a>(scale: impl Into<Param<'a, f64>>, size: impl Into<Size>) -> Result<Array<f64>> {
    let (scale, size) = (scale.into(), size.into());
    with(|rs| rs.exponential(scale, size))
}

/// `np.random.binomial(n, p, size)`.
///
/// # Errors
/// As [`RandomState::binomial`].
pub fn binomial<'a>(
    n: impl Into<Param<'a, i64>>,
    p: impl Into<Param<'a, f64>>,
    size: impl Into<Size>,
) -> Result<Array<i64>> {
    let (n, p, size) = (n.into(), p.into(), size.into());
    with(|rs| rs.binomial(n, p, size))
}

/// `np.random.poisson(lam, size)`.
///
/// # Errors
/// As [`RandomState::poisson`].
pub fn poisson<'a>(lam: impl Into<Param<'a, f64>>, size: impl Into<Size>) -> Result<Array<i64>> {
    let (lam, size) = (lam.into(), size.into());
    with(|rs| rs.poisson(lam, size))
}

/// `np.random.choice(a, size, replace, p)`.
///
/// # Errors
/// As [`RandomState::choice`].
pub fn choice(a: i64, size: impl Into<Size>, replace: bool, p: Option<&[f64]>) -> Result<Array<i64>> {
    let size = size.into();
    with(|rs| rs.choice(a, size, replace, p))
}

/// `np.random.shuffle(x)`.
///
/// # Errors
/// A 0-d array.
pub fn shuffle<T: Element, S: DataMut<Elem = T>>(x: &mut ArrayBase<S>) -> Result<()> {
    with(|rs| rs.shuffle(x))
}

/// `np.random.permutation(n)`.
///
/// # Errors
/// NumPy's `MemoryError` when `n` elements cannot be allocated.
pub fn permutation(n: i64) -> Result<Array<i64>> {
    with(|rs| rs.permutation(n))
}

/// `np.random.permutation(x)` for an array.
///
/// # Errors
/// A 0-d array.
pub fn permutation_of<T: Element, S: Data<Elem = T>>(x: &ArrayBase<S>) -> Result<Array<T>> {
    with(|rs| rs.permutation_of(x))
}

/// A module-level wrapper of a `RandomState` method with float parameters.
macro_rules! global_params {
    ($($name:ident -> $ret:ty, [$($p:ident),*];)*) => {$(
        #[doc = concat!("`np.random.", stringify!($name), "(", $(stringify!($p), ", ",)* "size)`.")]
        ///
        /// # Errors
        #[doc = concat!("As [`RandomState::", stringify!($name), "`].")]
        pub fn $name<'a>($($p: impl Into<Param<'a, f64>>,)* size: impl Into<Size>) -> Result<Array<$ret>> {
            $(let $p = $p.into();)*
            let size = size.into();
            with(|rs| rs.$name($($p,)* size))
        }
    )*};
}

global_params! {
    beta -> f64, [a, b];
    chisquare -> f64, [df];
    f -> f64, [dfnum, dfden];
    gamma -> f64, [shape, scale];
    gumbel -> f64, [loc, scale];
    laplace -> f64, [loc, scale];
    logistic -> f64, [loc, scale];
    lognormal -> f64, [mean, sigma];
    noncentral_chisquare -> f64, [df, nonc];
    noncentral_f -> f64, [dfnum, dfden, nonc];
    pareto -> f64, [a];
    power -> f64, [a];
    rayleigh -> f64, [scale];
    standard_gamma -> f64, [shape];
    standard_t -> f64, [df];
    triangular -> f64, [left, mode, right];
    vonmises -> f64, [mu, kappa];
    wald -> f64, [mean, scale];
    weibull -> f64, [a];
    geometric -> i64, [p];
    logseries -> i64, [p];
    negative_binomial -> i64, [n, p];
    zipf -> i64, [a];
}

/// A module-level wrapper of a `RandomState` method that takes only a size.
macro_rules! global_sized {
    ($($name:ident -> $ret:ty;)*) => {$(
        #[doc = concat!("`np.random.", stringify!($name), "(size)`.")]
        ///
        /// # Errors
        /// Negative dimensions, or a size too large to allocate.
        pub fn $name(size: impl Into<Size>) -> Result<Array<$ret>> {
            let size = size.into();
            with(|rs| rs.$name(size))
        }
    )*};
}

global_sized! {
    standard_cauchy -> f64;
    standard_exponential -> f64;
    random -> f64;
}

/// `np.random.ranf(size)`: an alias of [`random_sample`].
///
/// # Errors
/// Negative dimensions, or a size too large to allocate.
pub fn ranf(size: impl Into<Size>) -> Result<Array<f64>> {
    random_sample(size)
}

/// `np.random.sample(size)`: an alias of [`random_sample`].
///
/// # Errors
/// Negative dimensions, or a size too large to allocate.
pub fn sample(size: impl Into<Size>) -> Result<Array<f64>> {
    random_sample(size)
}

/// `np.random.bytes(length)`.
///
/// # Errors
/// NumPy's `MemoryError` when the bytes cannot be allocated.
pub fn bytes(length: usize) -> Result<Vec<u8>> {
    with(|rs| rs.bytes(length))
}

/// `np.random.random_integers(low, high, size)`.
///
/// # Errors
/// As [`RandomState::random_integers`].
pub fn random_integers(low: i64, high: i64, size: impl Into<Size>) -> Result<Array<i64>> {
    let size = size.into();
    with(|rs| rs.random_integers(low, high, size))
}

/// `np.random.hypergeometric(ngood, nbad, nsample, size)`.
///
/// # Errors
/// As [`RandomState::hypergeometric`].
pub fn hypergeometric<'a>(
    ngood: impl Into<Param<'a, i64>>,
    nbad: impl Into<Param<'a, i64>>,
    nsample: impl Into<Param<'a, i64>>,
    size: impl Into<Size>,
) -> Result<Array<i64>> {
    let (g, b, n, size) = (ngood.into(), nbad.into(), nsample.into(), size.into());
    with(|rs| rs.hypergeometric(g, b, n, size))
}

/// `np.random.multinomial(n, pvals, size)`.
///
/// # Errors
/// As [`RandomState::multinomial`].
pub fn multinomial(n: i64, pvals: &[f64], size: impl Into<Size>) -> Result<Array<i64>> {
    let size = size.into();
    with(|rs| rs.multinomial(n, pvals, size))
}

/// `np.random.dirichlet(alpha, size)`.
///
/// # Errors
/// As [`RandomState::dirichlet`].
pub fn dirichlet(alpha: &[f64], size: impl Into<Size>) -> Result<Array<f64>> {
    let size = size.into();
    with(|rs| rs.dirichlet(alpha, size))
}

/// `np.random.multivariate_normal(mean, cov, size, check_valid, tol)`.
///
/// # Errors
/// As [`RandomState::multivariate_normal`].
pub fn multivariate_normal<'a>(
    mean: impl Into<Param<'a, f64>>,
    cov: impl Into<Param<'a, f64>>,
    size: impl Into<Size>,
    check_valid: CheckValid,
    tol: f64,
) -> Result<Array<f64>> {
    let (mean, cov, size) = (mean.into(), cov.into(), size.into());
    with(|rs| rs.multivariate_normal(mean, cov, size, check_valid, tol))
}

/// `np.random.choice(a, size, replace, p)` for a 1-d array `a`.
///
/// # Errors
/// As [`RandomState::choice_from`].
pub fn choice_from<T: Element, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    size: impl Into<Size>,
    replace: bool,
    p: Option<&[f64]>,
) -> Result<Array<T>> {
    let size = size.into();
    with(|rs| rs.choice_from(a, size, replace, p))
}

/// `np.random.shuffle(x)` for a dynamic array or view of any dtype (strings, records).
///
/// # Errors
/// A 0-d array.
pub fn shuffle_dyn<S: DynData + DynDataMut>(x: &mut DynBase<S>) -> Result<()> {
    with(|rs| rs.shuffle_dyn(x))
}

/// `np.random.permutation(x)` for a dynamic array of any dtype.
///
/// # Errors
/// A 0-d array.
pub fn permutation_dyn<S: DynData>(x: &DynBase<S>) -> Result<DynArray> {
    with(|rs| rs.permutation_dyn(x))
}

/// `np.random.choice(a, size, replace, p)` for a 1-d dynamic array of any dtype.
///
/// # Errors
/// As [`RandomState::choice_dyn`].
pub fn choice_dyn<S: DynData>(
    a: &DynBase<S>,
    size: impl Into<Size>,
    replace: bool,
    p: Option<&[f64]>,
) -> Result<DynArray> {
    let size = size.into();
    with(|rs| rs.choice_dyn(a, size, replace, p))
}
