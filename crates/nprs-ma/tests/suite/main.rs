//! The integration tests of `nprs-ma` in one binary, one module per topic: one link
//! and one process instead of one per file.

#[path = "../common/mod.rs"]
mod common;

mod apply;
mod basics;
mod constructors;
mod edges;
mod elementwise;
mod extras;
mod fused;
mod helpers;
mod manip;
mod products;
mod reductions;
mod sorting;
mod stats;
mod ufuncs;
mod views;
