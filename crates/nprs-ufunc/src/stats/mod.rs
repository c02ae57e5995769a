//! Statistics: [`median`], [`quantile`](fn@quantile) and
//! [`percentile`] with NumPy 2's thirteen methods and their NaN-aware
//! forms, for typed and dynamic arrays.
//!
//! Every function is written once, generic over the element type; the dynamic forms
//! (`*_dyn`) dispatch once on the dtype to the same code. Reductions over several axes
//! (`axis` a tuple, or `None`) gather each reduced lane as NumPy does — the kept axes
//! first, the reduced ones merged in their order — and work on that copy, so the input is
//! never changed.

pub mod calculus;
pub mod convolve;
pub mod counting;
pub mod cov;
pub mod histogram;
pub mod interp;
mod lanes;
pub mod quantile;

pub use calculus::{
    Sample, Spacing, diff, diff_dyn, ediff1d, ediff1d_dyn, gradient, gradient_dyn, trapezoid, trapezoid_dyn,
};
pub use convolve::{ConvolveMode, DotElem, convolve, convolve_dyn, correlate, correlate_dyn};
pub use counting::{bincount, bincount_dyn, bincount_weighted, digitize, digitize_dyn};
pub use cov::{CovOptions, corrcoef, corrcoef_dyn, cov, cov_dyn};
pub use histogram::{
    BinEstimator, Bins, HistogramOptions, histogram, histogram_bin_edges, histogram_dyn, histogram2d_dyn,
    histogramdd_dyn,
};
pub use interp::{InterpValue, interp, interp_complex, interp_dyn};
pub use quantile::{
    Quantile, QuantileElem, QuantileMethod, QuantileOptions, StatFloat, median, median_dyn, nanmedian, nanmedian_dyn,
    nanpercentile, nanpercentile_dyn, nanpercentiles, nanquantile, nanquantile_dyn, nanquantiles, percentile,
    percentile_dyn, percentiles, quantile, quantile_dyn, quantiles,
};

/// Expands `$body` once per real dtype (bool, integers, floats) with `$T` bound to its
/// element type; complex dtypes give NumPy's "a must be an array of real numbers", other
/// dtypes NumPy's `TypeError`.
macro_rules! with_real {
    ($dtype:expr, $T:ident => $body:expr) => {
        $crate::dispatch::with_real_then!($dtype, $T => $body, {
            nprs_core::DType::Complex64 | nprs_core::DType::Complex128 => {
                return Err(nprs_core::Error::NotRealNumbers);
            }
        })
    };
}
pub(crate) use with_real;
