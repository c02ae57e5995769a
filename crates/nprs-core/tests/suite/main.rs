//! The integration tests of `nprs-core` in one binary, one module per topic: one link
//! and one process instead of one per file.
//!
//! Files that need a process to themselves stay binaries of their own: docs/architecture.md
//! ("One test binary per crate") says which and why.

#[path = "../common/mod.rs"]
mod common;

mod alloc_failure;
mod arith;
mod basics;
mod casts;
mod char;
mod creation;
mod datetime_casts;
mod dtype_views;
mod dtypes;
mod dtypes_dyn;
mod dtypes_index;
mod dtypes_records;
mod dtypes_seeds;
mod dtypes_strings;
mod dynamic_api;
mod engine;
mod error_kinds;
mod index_helpers;
mod index_tricks;
mod indexing;
mod limits;
mod manip;
mod namespace;
mod nditer;
mod numpy_ns;
mod porting;
mod printing;
mod printing_dyn;
mod rec;
mod slicing;
mod smoke;
mod strings_funcs;
mod strings_mod;
mod strings_search;
mod ufunc_arity;
mod ufunc_loop;
mod vectorize_sig;
mod views;
