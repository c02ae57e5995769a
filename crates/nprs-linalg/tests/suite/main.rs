//! The integration tests of `nprs-linalg` in one binary, one module per topic: one link
//! and one process instead of one per file.

#[path = "../common/mod.rs"]
mod common;

mod decomp;
mod dynforms;
mod einsum;
mod error_kinds;
mod norms;
mod polynomial;
mod products;
mod series;
mod series_nd;
mod series_printstyle;
mod solve;
mod svd_signs;
mod tensor;
