//! # nprs-random
//!
//! NumPy's `numpy.random` for Rust, bit for bit: the same seed and the same calls give the
//! same numbers as NumPy 2.4.
//!
//! - [`SeedSequence`]: NumPy's entropy pool (integers of any width, sequences, OS entropy;
//!   `generate_state`, `spawn`).
//! - Bit generators [`Pcg64`] (the default), [`Pcg64Dxsm`], [`Mt19937`], [`Philox`] and
//!   [`Sfc64`], seeded as NumPy seeds them, with state get/set and `advance`/`jumped` where
//!   NumPy has them. Each implements rand_core's `TryRng` (hence `Rng`) and `SeedableRng`,
//!   so it also drives `rand` and `rand_distr`.
//! - [`default_rng`] and [`Generator`], the modern API.
//! - [`RandomState`], the legacy MT19937 API of `np.random.seed(...)`, and the module-level
//!   functions in [`legacy::global`].
//!
//! ```
//! use nprs_random::{Choice, default_rng};
//!
//! let mut rng = default_rng(42); // np.random.default_rng(42)
//! let u = rng.random(3).unwrap(); // rng.random(3)
//! assert_eq!(u.to_vec(), vec![0.7739560485559633, 0.4388784397520523, 0.8585979199113825]);
//! let z = rng.standard_normal([2, 2]).unwrap(); // rng.standard_normal((2, 2))
//! assert_eq!(z.shape(), &[2, 2]);
//! let k = rng.integers::<i64>(0, 100, 5).unwrap(); // rng.integers(0, 100, 5)
//! assert_eq!(k.size(), 5);
//! let s = rng.choice(10, 3, &Choice::new().replace(false)).unwrap();
//! assert_eq!(s.size(), 3);
//! ```
//!
//! ## Coverage
//!
//! `Generator`: `random` (float64, float32), `integers` (every integer dtype and bool,
//! `endpoint`, broadcasting bounds), `choice` (with/without replacement, `p`, `axis`,
//! `shuffle`), `shuffle`, `permutation`, `permuted`, `bytes`, `uniform`, `normal`,
//! `standard_normal` (float64, float32), `exponential`, `standard_exponential` (float64,
//! float32, `method='inv'`), `gamma`, `standard_gamma` (float64, float32), `beta`,
//! `binomial`, `poisson`, `multinomial`, `multivariate_hypergeometric` (`count` and
//! `marginals`), `multivariate_normal`, `dirichlet`, `geometric`,
//! `hypergeometric`, `laplace`, `logistic`, `lognormal`, `logseries`, `negative_binomial`, `chisquare`,
//! `noncentral_chisquare`, `f`, `noncentral_f`, `gumbel`, `pareto`, `power`, `rayleigh`,
//! `standard_cauchy`, `standard_t`, `triangular`, `vonmises`, `wald`, `weibull`, `zipf`,
//! `spawn`; `out=` as the `*_into` methods (`random`, `standard_normal`,
//! `standard_exponential`, `standard_gamma`); `shuffle`, `permutation`, `permuted` and
//! `choice` over dynamic arrays of any dtype (`*_dyn`, strings and records included) and
//! over mutable views along any axis; [`Size::EMPTY`] for NumPy's `size=()`.
//!
//! `RandomState` (over MT19937 by default, or any bit generator): `seed`,
//! `get_state`/`set_state` (with the cached Gaussian), `rand`, `randn`, `randint` (every
//! integer dtype and bool), `random_integers`, `random_sample`/`random`, `tomaxint`, `bytes`,
//! `choice`, `shuffle`, `permutation`, and every legacy distribution: `beta`, `binomial`,
//! `chisquare`, `dirichlet`, `exponential`, `f`, `gamma`, `geometric`, `gumbel`,
//! `hypergeometric`, `laplace`, `logistic`, `lognormal`, `logseries`, `multinomial`,
//! `negative_binomial`, `noncentral_chisquare`, `noncentral_f`, `normal`, `pareto`,
//! `poisson`, `power`, `rayleigh`, `standard_cauchy`, `standard_exponential`,
//! `standard_gamma`, `standard_normal`, `standard_t`, `triangular`, `uniform`, `vonmises`,
//! `wald`, `weibull`, `zipf`; the same as module-level functions in [`legacy::global`]
//! (with `ranf` and `sample`; [`legacy::global::with_global`] reaches the global state's
//! `_scalar` methods).
//!
//! `multivariate_normal` (`Generator` with `method` `svd`, `eigh` or `cholesky`;
//! `RandomState` and [`legacy::global`] with the legacy SVD algorithm) factors the covariance
//! with nprs-linalg: the normal draws consumed are NumPy's, and the samples are NumPy's up to
//! the sign convention of the SVD/eigh factor (exactly NumPy's, up to rounding, for
//! `cholesky`); see [`CheckValid`] for `check_valid='warn'`.
//!
//! NaN parameters that NumPy lets through give NaN (never a hang), and sizes that cannot be
//! allocated give NumPy's `MemoryError` kind (never an abort).
//!
//! ## Conventions
//!
//! Methods take a [`Size`] (`5`, `[2, 3]`, or `()` for NumPy's `size=None`) and return an
//! [`nprs_core::Array`]; distribution parameters are [`Param`]s, scalars or arrays that
//! broadcast. Each array method has a `_scalar` twin returning one value. Errors carry
//! NumPy's messages ([`Error::numpy_kind`] names the Python exception).
//!
//! ## Differences from NumPy
//!
//! - `size=None` with scalar parameters gives a 0-d array from the array methods; the
//!   `_scalar` twins return the value itself, as NumPy does.
//! - NumPy's one-argument `integers(high)` / `randint(high)` is `integers(0, high, ..)`.
//! - Parameters are typed: `f64` for continuous parameters, `i64` for counts (`binomial`'s
//!   `n`, `hypergeometric`), integers of any width for `integers` bounds. NumPy's implicit
//!   conversions (a float `n` truncated, a float64 `p` of a float32 array) are the caller's.
//! - `permuted(x, None)` shuffles a copy in memory order as NumPy does for C- and
//!   Fortran-ordered layouts (and views whose strides order like them); for other stride
//!   orders of three or more axes it shuffles in C order.
//! - `choice` on arrays takes along the axis for any element type, and `shuffle`/`permutation`
//!   act on nprs arrays and Rust slices (NumPy's lists).
//!
//! ## Versions
//!
//! The target is NumPy 2.4.6. NumPy 2.5.0 changed the `binomial` stream (a corrected
//! constant and sign in the BTPE squeeze, gh-31238) and with it `multinomial`; the streams
//! here are 2.4's. Draws that depend on libm (`exp`, `log`, `log1p`, `pow`, …) match NumPy
//! on platforms whose libm NumPy also uses (glibc on Linux), as NumPy's own results differ
//! across platforms.
//!
//! ## Dependencies
//!
//! `rand_core` for the trait implementations, `thiserror` for the error type, and the
//! workspace's nprs-linalg for `multivariate_normal`'s factorisations. Operating
//! system entropy is read from `/dev/urandom` (with a standard-library fallback), so no
//! `getrandom` dependency is needed.

pub mod bitgen;
mod dist;
pub mod error;
mod generator;
pub mod legacy;
mod mvnormal;
mod os_entropy;
mod seed_sequence;

pub use bitgen::{
    BitGenerator, Mt19937, Mt19937State, Pcg64, Pcg64Dxsm, Pcg64State, Philox, PhiloxState, SeedableBitGenerator,
    Sfc64, Sfc64State,
};
pub use error::{Error, Result};
pub use generator::{
    Choice, Generator, IntParam, MvhgMethod, Param, RandomInteger, Seed, Size, default_rng, try_default_rng,
};
pub use legacy::{LegacySeed, LegacyState, RandomState};
pub use mvnormal::{CheckValid, MvnMethod};
pub use seed_sequence::{DEFAULT_POOL_SIZE, Entropy, SeedSequence};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
