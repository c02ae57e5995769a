//! The integration tests of `nprs-ufunc` in one binary, one module per topic: one link
//! and one process instead of one per file.

#[path = "../common/mod.rs"]
mod common;

mod binary_ufuncs;
mod datetime;
mod elementwise;
mod emath;
mod error_kinds;
mod math_f32;
mod reduce_lanes;
mod reduce_parallel;
mod reduce_warnings;
mod reductions;
mod search;
mod select;
mod select_large;
mod sets;
mod sort;
mod sort_dyn;
mod sort_props;
mod sort_simd;
mod stats_calculus;
mod stats_convolve;
mod stats_counting;
mod stats_cov;
mod stats_histdd;
mod stats_histogram;
mod stats_quantile;
mod sum;
mod ufunc_table;
mod window;
