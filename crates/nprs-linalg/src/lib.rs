//! # nprs-linalg
//!
//! NumPy's linear algebra (`numpy.linalg`) for nprs, backed by faer: matmul, dot, vdot,
//! inner, outer, tensordot, einsum, matrix_power; solve, inv, det, slogdet, eig/eigh,
//! eigvals/eigvalsh, svd, qr, cholesky, lstsq, pinv, matrix_rank, norm and cond — batched
//! over leading axes as NumPy does.
//!
//! This crate is part of nprs (NumPy for Rust). It compiles today and is empty: its
//! contents land in the releases listed in the workspace CHANGELOG.
#![forbid(unsafe_code)]
