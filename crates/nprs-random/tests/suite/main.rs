//! The integration tests of `nprs-random` in one binary, one module per topic: one link
//! and one process instead of one per file.

#[path = "../common/mod.rs"]
mod common;

mod bitgen;
mod distributions;
mod error_kinds;
mod errors;
mod gaps;
mod generator;
mod legacy;
mod legacy_dists;
mod mvhypergeometric;
mod mvnormal;
mod seed_sequence;
mod soundness;
mod warnings;
