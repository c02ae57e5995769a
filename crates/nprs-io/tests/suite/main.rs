//! The integration tests of `nprs-io` in one binary, one module per topic: one link
//! and one process instead of one per file.
//!
//! Files that need a process to themselves stay binaries of their own: docs/architecture.md
//! ("One test binary per crate") says which and why.

#[path = "../common/mod.rs"]
mod common;

mod corpus;
mod dyn_corpus;
mod fromtext;
mod hostile;
mod mmap;
mod npz;
mod numpy_reads;
mod text;
