//! # nprs-ufunc
//!
//! NumPy's universal functions for nprs: the ufunc machinery (`out=`, `where=`, `reduce`,
//! `accumulate`, `outer`), elementwise math, reductions and statistics, sorting, searching,
//! counting and set routines — all over nprs-core's iteration engine.
//!
//! Today it holds the first reduction, [`sum`] over all elements, with NumPy's pairwise
//! summation reproduced exactly (the same bits as `np.sum` for contiguous and 1-d arrays),
//! split across threads along the pairwise tree so that the result does not depend on the
//! thread count; and sorting, searching and sets in NumPy's order for every numeric dtype,
//! typed and dynamic:
//! - [`sort()`] / [`argsort`] (any axis, `kind`), the methods [`SortInPlace::sort`] and
//!   [`SortMethods::argsort`], [`sort_complex`], [`lexsort`], [`partition`] /
//!   [`argpartition`] ([`sort`](mod@sort));
//! - [`searchsorted`] with `side` and `sorter` ([`search`]);
//! - [`unique`] with its options and NumPy 2's `unique_*` functions, [`isin`],
//!   [`intersect1d`], [`union1d`], [`setdiff1d`], [`setxor1d`] ([`sets`]);
//! - the dynamic forms for every dtype NumPy sorts: strings, bytes, datetimes (NaT last)
//!   and records (by field, or by `order=` fields) as well as numbers ([`sort_dyn`],
//!   [`sort_fields_dyn`], [`unique_dyn`], [`searchsorted_dyn`], …);
//! - the selection helpers [`where_`], [`choose`], [`place`], [`putmask`] and their
//!   dynamic twins ([`select`](mod@select)).
//! - NumPy's reductions on the ufunc machinery ([`reductions`]): `sum`, `prod`, `max`,
//!   `min`, `all`, `any`, `mean`, `var`, `std`, `argmax`, `argmin`, `ptp`,
//!   `count_nonzero`, the cumulative sums and products and the NaN-aware family, with
//!   NumPy's options and bits ([`sum_dyn`], [`ReduceArgs`], [`ReduceMethods`], …).
//!
//! - the ufunc machinery ([`ufunc`]): one table of ufuncs ([`ufuncs`]: `ADD`, `SQRT`, …,
//!   each with NumPy's loops, identity and type resolver), NumPy's call options
//!   ([`UfuncOptions`](nprs_core::UfuncOptions): `out`, `where`, `casting`, `dtype`,
//!   `signature`, `order`), the dynamic form `ufuncs::SQRT.call(&[...], options)` and typed
//!   functions ([`sqrt()`], [`maximum`], [`isnan`], …) that run the same loops; the
//!   [`ufunc`] module docs say how to add a ufunc.
//!
//! The rest of the module lands in later releases (see the CHANGELOG).
//!
//! ```
//! use nprs_core::prelude::*;
//! let a = Array::<f64>::arange(10);
//! assert_eq!(nprs_ufunc::sum(&a), 45.0);
//! assert_eq!(nprs_ufunc::sort(&array![3, 1, 2], None)?.to_vec(), vec![1, 2, 3]);
//! # Ok::<(), nprs_core::Error>(())
//! ```
#![deny(unsafe_code)]

mod dispatch;
mod elem;
pub mod elementwise;
pub mod emath;
pub mod reductions;
pub mod search;
pub mod select;
pub mod sets;
mod sets_dyn;
pub mod sort;
pub mod stats;
pub mod ufunc;
pub mod window;
// The SIMD math kernels need `std::arch` intrinsics; every unsafe block there says why it is sound.
#[allow(unsafe_code)]
mod math;

/// The SIMD `float64` kernels of `np.log` and `np.exp` on contiguous slices, for kernels
/// of other crates that take many of them at once (the determinants of `nprs-linalg` take
/// the logarithms of their pivots a block of matrices at a time). The same code, and
/// bits, as the ufuncs' loops.
///
/// ```
/// let mut out = [0.0; 3];
/// nprs_ufunc::slices::log_f64(&[1.0, std::f64::consts::E, 0.5], &mut out);
/// assert_eq!(out[0], 0.0);
/// assert!((out[1] - 1.0).abs() < 1e-15 && (out[2] + std::f64::consts::LN_2).abs() < 1e-15);
/// ```
pub mod slices {
    /// `np.log` of each element of `x`, into `out`.
    ///
    /// # Panics
    /// When `out` is not as long as `x`.
    pub fn log_f64(x: &[f64], out: &mut [f64]) {
        crate::math::log_f64(x, out);
    }

    /// `np.exp` of each element of `x`, into `out`.
    ///
    /// # Panics
    /// When `out` is not as long as `x`.
    pub fn exp_f64(x: &[f64], out: &mut [f64]) {
        crate::math::exp_f64(x, out);
    }
}

pub use elementwise::{
    IsClose, NanToNum, NanToNumElem, Parts, Piece, RoundElem, allclose, allclose_dyn, angle, angle_dyn, around,
    around_dyn, clip, clip_dyn, imag, imag_dyn, isclose, isclose_dyn, nan_to_num, nan_to_num_dyn, piecewise_dyn, real,
    real_dyn, real_if_close_dyn, round, round_dyn, select, select_dyn, sinc_dyn, unwrap_dyn,
};
pub use reductions::average_dyn;
pub use reductions::{
    Axis, ReduceArgs, ReduceElem, ReduceMethods, SumElem, all_dyn, amax_dyn, amin_dyn, any_dyn, max_dyn, mean_dyn,
    min_dyn, prod_dyn, std_dyn, sum, sum_dyn, var_dyn,
};
pub use reductions::{
    argmax_dyn, argmin_dyn, count_nonzero_dyn, cumprod_dyn, cumsum_dyn, cumulative_prod_dyn, cumulative_sum_dyn,
    ptp_dyn,
};
pub use reductions::{
    nanargmax, nanargmin, nancumprod, nancumsum, nanmax, nanmean, nanmin, nanprod, nanstd, nansum, nanvar,
};
pub use reductions::{
    nanargmax_dyn, nanargmin_dyn, nancumprod_dyn, nancumsum_dyn, nanmax_dyn, nanmean_dyn, nanmin_dyn, nanprod_dyn,
    nanstd_dyn, nansum_dyn, nanvar_dyn,
};
pub use search::{Side, searchsorted, searchsorted_dyn, searchsorted_scalar};
pub use select::{
    choose, choose_dyn, clip_mode, compress_dyn, extract_dyn, flatnonzero_dyn, nonzero_dyn, place, place_dyn, putmask,
    putmask_dyn, where_, where_dyn,
};
pub use sets::{
    Intersection, Unique, UniqueOptions, intersect1d, intersect1d_indices, isin, setdiff1d, setxor1d, union1d, unique,
    unique_all, unique_counts, unique_inverse, unique_values, unique_with,
};
pub use sets_dyn::{
    IntersectionDyn, UniqueDyn, argpartition_dyn, intersect1d_dyn, intersect1d_indices_dyn, isin_dyn, partition_dyn,
    setdiff1d_dyn, setxor1d_dyn, union1d_dyn, unique_dyn,
};
pub use sort::{
    DynSortInPlace, DynSortMethods, PartitionInPlace, SortElem, SortInPlace, SortKind, SortMethods, argpartition,
    argsort, argsort_dyn, argsort_fields_dyn, argsort_kind, lexsort, lexsort_dyn, partition, sort, sort_complex,
    sort_dyn, sort_fields_dyn, sort_kind,
};
pub use stats::{BinEstimator, Bins, HistogramOptions, histogram, histogram_bin_edges, histogram_dyn};
pub use stats::{ConvolveMode, DotElem, convolve, convolve_dyn, correlate, correlate_dyn};
pub use stats::{CovOptions, corrcoef, corrcoef_dyn, cov, cov_dyn};
pub use stats::{InterpValue, interp, interp_complex, interp_dyn};
pub use stats::{
    Quantile, QuantileElem, QuantileMethod, QuantileOptions, StatFloat, median, median_dyn, nanmedian, nanmedian_dyn,
    nanpercentile, nanpercentile_dyn, nanpercentiles, nanquantile, nanquantile_dyn, nanquantiles, percentile,
    percentile_dyn, percentiles, quantile, quantile_dyn, quantiles,
};
pub use stats::{
    Sample, Spacing, diff, diff_dyn, ediff1d, ediff1d_dyn, gradient, gradient_dyn, trapezoid, trapezoid_dyn,
};
pub use stats::{bincount, bincount_dyn, bincount_weighted, digitize, digitize_dyn};
pub use stats::{histogram2d_dyn, histogramdd_dyn};
pub use ufunc::table as ufuncs;
pub use ufunc::typed::{
    abs, absolute, isfinite, isinf, isnan, logical_and, logical_not, logical_or, logical_xor, maximum, minimum,
    negative, positive, reciprocal, sign, sqrt, square,
};
pub use ufunc::typed::{
    acos, acosh, arccos, arccosh, arcsin, arcsinh, arctan, arctan2, arctanh, asin, asinh, atan, atan2, atanh, copysign,
    cos, cosh, exp, exp2, expm1, heaviside, hypot, ldexp, log, log1p, log2, log10, logaddexp, logaddexp2, nextafter,
    pow, power, sin, sinh, tan, tanh,
};
pub use ufunc::{Ufunc, by_name};
pub use window::{bartlett, blackman, hamming, hanning, i0, i0_dyn, kaiser};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
