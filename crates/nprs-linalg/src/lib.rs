//! # nprs-linalg
//!
//! NumPy's linear algebra (`numpy.linalg`) for nprs, backed by faer (pure Rust: no system
//! BLAS or LAPACK to install or link).
//!
//! Every function batches over leading axes as NumPy does: an input of shape
//! `(..., M, N)` is a stack of matrices, each seen in place by faer (strided, no copy), and
//! two-operand functions broadcast their batch dimensions. Large batches of small matrices
//! run in parallel, and matrices up to 16 x 16 go through unblocked in-place kernels with no
//! allocation or library-call overhead.
//!
//! As in NumPy, decompositions run in double precision: `float32`/`complex64` inputs are
//! computed in `float64`/`complex128` and rounded back, integers and bools give `float64`,
//! `float16` is refused.
//!
//! ```
//! use nprs_core::prelude::*;
//! let a = array![[3.0, 1.0], [1.0, 2.0]];
//! let x = nprs_linalg::solve(&a, &array![9.0, 8.0])?;       // np.linalg.solve(a, b)
//! let d = nprs_linalg::det(&a)?;                             // np.linalg.det(a)
//! let (d, x1): (f64, f64) = (d.item()?, x.get(&[1])?);
//! assert!((d - 5.0).abs() < 1e-12 && (x1 - 3.0).abs() < 1e-12);
//! # Ok::<(), nprs_linalg::Error>(())
//! ```
//!
//! `einsum` (with NumPy's `einsum_path` orders under [`Optimize`]) contracts any number of
//! operands, pairwise through the same matrix-product kernels.
//!
//! [`polynomial`] holds NumPy's legacy polynomial functions (`np.polyval`, `np.polyfit`,
//! `np.roots`, `poly1d`) and `numpy.polynomial`: the series classes (`Polynomial`,
//! `Chebyshev`, `Legendre`, `Hermite`, `HermiteE`, `Laguerre`) and each family's module
//! functions, all six families written once over their recurrences.
//!
//! Typed entry points take any array or view of `f32`, `f64`, `C64`, `C128`, an integer
//! type or `bool`; the [`dynamic`] module takes a [`DynArray`](nprs_core::DynArray) of any
//! dtype and dispatches once.
//!
//! Dependencies beyond the workspace's chosen set: none (faer, rayon, thiserror,
//! num-complex).

mod batch;
mod decomp;
mod divide;
pub mod dynamic;
mod einsum;
pub mod error;
mod lanes;
mod lapack_steps;
mod lstsq;
mod lu;
mod norms;
pub mod polynomial;
mod products;
mod scalar;
mod solve;
mod sums;
mod tensor;
mod tridiag;
mod two_stage;

pub use decomp::{
    EigResult, EighResult, QrMode, QrRawResult, QrResult, SvdResult, Uplo, eig, eigh, eigvals, eigvalsh, qr, qr_raw,
    svd, svdvals,
};
pub use einsum::{EinsumPath, Optimize, einsum, einsum_path};
pub use error::{Error, Result};
pub use lstsq::{LstsqResult, PINV_RCOND, lstsq, matrix_rank, pinv};
pub use norms::{NormOrd, cond, matrix_norm, norm, vector_norm};
pub use polynomial::{
    Coeffs, PolyfitFull, poly, poly_complex, polyadd, polyder, polydiv, polyfit, polyfit_cov, polyfit_full, polyint,
    polymul, polysub, polyval, polyval_scalar, roots,
};
pub use products::{MatmulElem, matmul, matrix_power, matvec, vecmat};
pub use scalar::{Compute, LinalgElem};
pub use solve::{SlogdetResult, cholesky, det, inv, slogdet, solve, tensorinv, tensorsolve};
pub use tensor::{
    cross, diagonal, dot, inner, kron, matrix_transpose, multi_dot, outer, tensordot, tensordot_n, trace, vdot, vecdot,
};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
