//! # nprs-ufunc
//!
//! NumPy's universal functions for nprs: the ufunc machinery (`out=`, `where=`, `reduce`,
//! `accumulate`, `outer`), elementwise math (trigonometric, exponential, rounding,
//! comparison, bitwise, floating-point classification), reductions and statistics (sum,
//! mean, std, var, min/max, argmin/argmax, cumsum, percentile …), sorting, searching,
//! counting and set routines — all over nprs-core's iteration engine.
//!
//! This crate is part of nprs (NumPy for Rust). It compiles today and is empty: its
//! contents land in the releases listed in the workspace CHANGELOG.
#![forbid(unsafe_code)]
