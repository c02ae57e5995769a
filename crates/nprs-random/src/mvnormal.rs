//! `multivariate_normal`'s shared steps: argument checks, the factorisation of the
//! covariance (through nprs-linalg) and the transformation of standard normal rows.
//!
//! The samples are `x @ A + mean` with `x` the standard normal draws, shape `(-1, n)`, and
//! `A` a matrix with `A^T @ A == cov`. NumPy's factor comes from LAPACK's SVD or
//! eigendecomposition, whose singular/eigen vectors are defined only up to sign.
//! nprs-linalg's `svd` and `eigh` take LAPACK's steps for covariances up to 25 x 25, so the
//! legacy method, `method=Svd` and `method=Eigh` reproduce NumPy's values up to rounding
//! there; above that size the factorisations are faer's, and the samples may differ from
//! NumPy's by the signs of the factor's rows, while the normal draws consumed — and hence
//! the stream after the call — are exactly NumPy's. The Cholesky factor is unique, so
//! `method=Cholesky` reproduces
//! NumPy's values up to rounding.

use std::str::FromStr;

use nprs_core::Array;

use crate::error::{Error, MvnError, Result};
use crate::generator::{Param, Size};

/// What `multivariate_normal` does when the covariance is not symmetric positive-semidefinite
/// (NumPy's `check_valid`).
///
/// NumPy's default `'warn'` reports a `RuntimeWarning` "covariance is not symmetric
/// positive-semidefinite." through [`nprs_core::warnings`] and samples anyway (under
/// [`WarnAction::Error`](nprs_core::warnings::WarnAction::Error) the method returns the
/// warning as an error instead, as Python's `warnings.simplefilter("error")` makes NumPy
/// raise it).
///
/// ```
/// use nprs_core::warnings;
/// use nprs_random::{CheckValid, MvnMethod};
/// let cov = nprs_core::array![[1.0, 2.0], [2.0, 1.0]];
/// let (x, caught) = warnings::catch_warnings(|| {
///     nprs_random::default_rng(1).multivariate_normal([0.0, 0.0], &cov, 3, CheckValid::Warn, 1e-8, MvnMethod::Svd)
/// });
/// assert_eq!(x.unwrap().shape(), &[3, 2]);
/// assert_eq!(caught[0].message, "covariance is not symmetric positive-semidefinite.");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CheckValid {
    /// `'warn'`: a `RuntimeWarning`, then sample anyway.
    #[default]
    Warn,
    /// `'raise'`: "covariance is not symmetric positive-semidefinite." (a `ValueError`).
    Raise,
    /// `'ignore'`: no check.
    Ignore,
}

impl FromStr for CheckValid {
    type Err = Error;

    /// `"warn"`, `"raise"` or `"ignore"`.
    ///
    /// ```
    /// use nprs_random::CheckValid;
    /// assert_eq!("raise".parse::<CheckValid>().unwrap(), CheckValid::Raise);
    /// assert!("strict".parse::<CheckValid>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "warn" => Ok(CheckValid::Warn),
            "raise" => Ok(CheckValid::Raise),
            "ignore" => Ok(CheckValid::Ignore),
            _ => Err(Error::MultivariateNormal(MvnError::CheckValidName)),
        }
    }
}

/// The factorisation `Generator::multivariate_normal` uses (NumPy's `method`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MvnMethod {
    /// `'svd'`: `cov = U S Vh`, factor `U sqrt(S)` (the slowest, the most robust).
    #[default]
    Svd,
    /// `'eigh'`: `cov = U diag(w) U^T`, factor `U sqrt(|w|)`.
    Eigh,
    /// `'cholesky'`: `cov = L L^T`, factor `L` (the fastest; `cov` must be positive definite,
    /// and `check_valid` is not consulted).
    Cholesky,
}

impl FromStr for MvnMethod {
    type Err = Error;

    /// `"svd"`, `"eigh"` or `"cholesky"`.
    ///
    /// ```
    /// use nprs_random::MvnMethod;
    /// assert_eq!("eigh".parse::<MvnMethod>().unwrap(), MvnMethod::Eigh);
    /// assert!("qr".parse::<MvnMethod>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "svd" => Ok(MvnMethod::Svd),
            "eigh" => Ok(MvnMethod::Eigh),
            "cholesky" => Ok(MvnMethod::Cholesky),
            _ => Err(Error::MultivariateNormal(MvnError::MethodName)),
        }
    }
}

/// The checked arguments: `mean` (length `n`), `cov` (`n x n`) and the output shape
/// `size + (n,)`.
pub(crate) struct Args {
    pub(crate) mean: Vec<f64>,
    pub(crate) cov: Array<f64>,
    pub(crate) shape: Vec<usize>,
}

/// NumPy's checks of `mean`, `cov` and `size`, in NumPy's order.
pub(crate) fn prepare(mean: &Param<'_, f64>, cov: &Param<'_, f64>, size: &Size) -> Result<Args> {
    if mean.shape().len() != 1 {
        return Err(Error::MultivariateNormal(MvnError::MeanNdim));
    }
    let cshape = cov.shape();
    if cshape.len() != 2 || cshape[0] != cshape[1] {
        return Err(Error::MultivariateNormal(MvnError::CovShape));
    }
    let n = mean.shape()[0];
    if n != cshape[0] {
        return Err(Error::MultivariateNormal(MvnError::Length));
    }
    let mut shape = size.shape()?.unwrap_or_default();
    shape.push(n);
    let cov = Array::from_shape_vec(&[n, n], cov.values())?;
    Ok(Args { mean: mean.values(), cov, shape })
}

/// `np.allclose(a, b, rtol=tol, atol=tol)` (NaN never close, equal infinities close).
fn allclose(a: &[f64], b: &[f64], tol: f64) -> bool {
    a.iter().zip(b).all(|(&a, &b)| a == b || (a - b).abs() <= tol + tol * b.abs())
}

/// The SVD check: `np.allclose(np.dot(vh.T * s, vh), cov, rtol=tol, atol=tol)`.
fn svd_check(vh: &[f64], s: &[f64], cov: &[f64], n: usize, check: CheckValid, tol: f64) -> Result<()> {
    if check == CheckValid::Ignore {
        return Ok(());
    }
    let mut rec = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            rec[i * n + j] = (0..n).map(|k| vh[k * n + i] * s[k] * vh[k * n + j]).sum();
        }
    }
    if allclose(&rec, cov, tol) { Ok(()) } else { not_psd(check) }
}

/// NumPy's answer to a covariance that failed the check: the `ValueError` for
/// [`CheckValid::Raise`], else the `RuntimeWarning` of `'warn'` (`'ignore'` never checks).
fn not_psd(check: CheckValid) -> Result<()> {
    let e = MvnError::NotPositiveSemidefinite;
    if check == CheckValid::Raise {
        return Err(Error::MultivariateNormal(e));
    }
    nprs_core::warnings::warn(nprs_core::warnings::Category::Runtime, e.to_string())?;
    Ok(())
}

/// The legacy factor `A = sqrt(s)[:, None] * v` of `(u, s, v) = svd(cov)` (row-major,
/// `n x n`), after the `check_valid` test.
pub(crate) fn legacy_factor(cov: &Array<f64>, check: CheckValid, tol: f64) -> Result<Vec<f64>> {
    let n = cov.shape()[0];
    let (_, s, vh) = nprs_linalg::svd(cov, true, false)?;
    let (s, mut a) = (s.to_vec(), vh.to_vec());
    svd_check(&a, &s, &cov.to_vec(), n, check, tol)?;
    for (row, sk) in a.chunks_exact_mut(n.max(1)).zip(&s) {
        let r = sk.sqrt();
        row.iter_mut().for_each(|v| *v *= r);
    }
    Ok(a)
}

/// `Generator`'s factor transposed, `B = factor.T` (row-major, `n x n`), so that the samples
/// are `x @ B + mean`; the `check_valid` test as NumPy runs it for each method.
pub(crate) fn generator_factor(cov: &Array<f64>, check: CheckValid, tol: f64, method: MvnMethod) -> Result<Vec<f64>> {
    let n = cov.shape()[0];
    let mut b = vec![0.0; n * n];
    match method {
        MvnMethod::Svd => {
            let (u, s, vh) = nprs_linalg::svd(cov, true, false)?;
            let (u, s) = (u.to_vec(), s.to_vec());
            svd_check(&vh.to_vec(), &s, &cov.to_vec(), n, check, tol)?;
            for i in 0..n {
                for k in 0..n {
                    b[k * n + i] = u[i * n + k] * s[k].sqrt();
                }
            }
        }
        MvnMethod::Eigh => {
            let (w, u) = nprs_linalg::eigh(cov, nprs_linalg::Uplo::Lower)?;
            let (w, u) = (w.to_vec(), u.to_vec());
            if check != CheckValid::Ignore && w.iter().any(|&x| x < -tol) {
                not_psd(check)?;
            }
            for i in 0..n {
                for k in 0..n {
                    b[k * n + i] = u[i * n + k] * w[k].abs().sqrt();
                }
            }
        }
        MvnMethod::Cholesky => {
            let l = nprs_linalg::cholesky(cov, false)?.to_vec();
            for i in 0..n {
                for k in 0..n {
                    b[k * n + i] = l[i * n + k];
                }
            }
        }
    }
    Ok(b)
}

/// NumPy's `x.reshape(-1, n)` of the standard normal draws, for its error when `n` is 0
/// ("cannot reshape array of size 0 into shape (0)").
pub(crate) fn check_rows(x: &Array<f64>, n: usize) -> Result<()> {
    x.reshape(&[-1, n as isize])?;
    Ok(())
}

/// Replaces each row `r` of `x` (row length `n`) by `r @ a + mean`.
pub(crate) fn transform(x: &Array<f64>, a: &[f64], mean: &[f64], shape: &[usize]) -> Result<Array<f64>> {
    let n = mean.len();
    let mut x = x.to_vec();
    if n > 0 {
        let mut acc = vec![0.0; n];
        for row in x.chunks_exact_mut(n) {
            acc.fill(0.0);
            for (k, &z) in row.iter().enumerate() {
                for (o, &f) in acc.iter_mut().zip(&a[k * n..(k + 1) * n]) {
                    *o += z * f;
                }
            }
            for ((r, o), m) in row.iter_mut().zip(&acc).zip(mean) {
                *r = o + m;
            }
        }
    }
    Ok(Array::from_shape_vec(shape, x)?)
}
