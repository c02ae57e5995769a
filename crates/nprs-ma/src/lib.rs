//! # nprs-ma
//!
//! NumPy's masked arrays (`numpy.ma`) for nprs: arrays with a mask, fill values, masked
//! arithmetic and reductions, and the constructors (masked_where, masked_invalid,
//! masked_equal …).
//!
//! This crate is part of nprs (NumPy for Rust). It compiles today and is empty: its
//! contents land in the releases listed in the workspace CHANGELOG.
#![forbid(unsafe_code)]
