//! The integration tests of `nprs` in one binary, one module per topic: one link
//! and one process instead of one per file.
//!
//! Files that need a process to themselves stay binaries of their own: docs/architecture.md
//! ("One test binary per crate") says which and why.

mod config;
mod iteration_facade;
mod testing;
mod testing_compare;
