//! NumPy's legacy polynomial functions (`numpy.polyval`, `polyfit`, `roots`, `poly`,
//! `polyadd`/`polysub`/`polymul`/`polydiv`, `polyder`, `polyint`).
//!
//! Coefficients run from the highest power down, as in NumPy's legacy API: `[1, 2, 3]` is
//! `x**2 + 2*x + 3`. Coefficient arrays are one-dimensional `float64`; `roots` gives
//! `complex128`.
//!
//! ```
//! use nprs_core::prelude::*;
//! let p = array![1.0, -3.0, 2.0];                                  // (x - 1)(x - 2)
//! let y = nprs_linalg::polyval(&p, &array![0.0, 1.0, 3.0])?;       // np.polyval(p, x)
//! assert_eq!(y.to_vec(), vec![2.0, 0.0, 2.0]);
//! let d = nprs_linalg::polyder(&p, 1)?;                            // np.polyder(p)
//! assert_eq!(d.to_vec(), vec![2.0, -3.0]);
//! # Ok::<(), nprs_linalg::Error>(())
//! ```

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase};

use crate::error::{Error, Result};

mod fit;
mod poly1d;
mod roots;
pub mod series;

pub use fit::{PolyfitFull, polyfit, polyfit_cov, polyfit_full};
pub use poly1d::Poly1d;
pub use roots::{Coeffs, poly, poly_complex, roots};
pub use series::{
    Basis, Chebyshev, ChebyshevBasis, Coef, FitDeg, Hermite, HermiteBasis, HermiteE, HermiteEBasis, Laguerre,
    LaguerreBasis, Legendre, LegendreBasis, Polynomial, PowerBasis, Series, chebyshev, getdomain, hermite, hermite_e,
    laguerre, legendre, mapparms, polynomial, polyutils, set_default_printstyle, trimseq,
};

/// The coefficients of a one-dimensional array, in order (a 0-d array is one coefficient,
/// as `np.atleast_1d` makes it).
fn coeffs<S: Data<Elem = f64>>(p: &ArrayBase<S>) -> Result<Vec<f64>> {
    if p.ndim() > 1 {
        return Err(Error::PolyValue("Input must be a rank-1 array."));
    }
    Ok(p.to_vec())
}

fn vector<T: nprs_core::Element>(v: Vec<T>) -> Array<T> {
    Array::from_vec(v)
}

/// Evaluates the polynomial `p` at every element of `x` (`numpy.polyval(p, x)`), by
/// Horner's rule as NumPy runs it (`y = y * x + c`, starting from zero), so the results
/// match NumPy's bit for bit. The result has `x`'s shape.
///
/// # Errors
/// None beyond building the result; `p` is flattened as NumPy's iteration over it would
/// not be, so a `p` of more than one dimension is refused ("Input must be a rank-1 array.").
pub fn polyval<S, SX>(p: &ArrayBase<S>, x: &ArrayBase<SX>) -> Result<Array<f64>>
where
    S: Data<Elem = f64>,
    SX: Data<Elem = f64>,
{
    let c = coeffs(p)?;
    let out: Vec<f64> = x.iter().map(|xv| horner(&c, xv)).collect();
    Ok(Array::from_shape_vec(x.shape(), out)?)
}

/// [`polyval`] at one point: `numpy.polyval(p, x)` for a scalar `x`.
#[must_use]
pub fn polyval_scalar(p: &[f64], x: f64) -> f64 {
    horner(p, x)
}

fn horner(c: &[f64], x: f64) -> f64 {
    let mut y = 0.0;
    for &pv in c {
        y = y * x + pv;
    }
    y
}

/// Adds or subtracts two coefficient vectors aligned at their constant terms.
fn add_sub(a: &[f64], b: &[f64], sign: f64) -> Vec<f64> {
    let n = a.len().max(b.len());
    let (pa, pb) = (n - a.len(), n - b.len());
    (0..n)
        .map(|i| {
            let x = if i >= pa { a[i - pa] } else { 0.0 };
            let y = if i >= pb { b[i - pb] } else { 0.0 };
            if sign > 0.0 { x + y } else { x - y }
        })
        .collect()
}

/// The sum of two polynomials (`numpy.polyadd(a1, a2)`): the shorter is padded with
/// leading zeros.
///
/// # Errors
/// "Input must be a rank-1 array." for an input of more than one dimension.
pub fn polyadd<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    a1: &ArrayBase<S1>,
    a2: &ArrayBase<S2>,
) -> Result<Array<f64>> {
    Ok(vector(add_sub(&coeffs(a1)?, &coeffs(a2)?, 1.0)))
}

/// The difference of two polynomials (`numpy.polysub(a1, a2)`).
///
/// # Errors
/// As [`polyadd`].
pub fn polysub<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    a1: &ArrayBase<S1>,
    a2: &ArrayBase<S2>,
) -> Result<Array<f64>> {
    Ok(vector(add_sub(&coeffs(a1)?, &coeffs(a2)?, -1.0)))
}

/// The full discrete convolution of two coefficient vectors (`np.convolve(a, b)`).
pub(crate) fn convolve<T>(a: &[T], b: &[T]) -> Vec<T>
where
    T: Copy + Default + std::ops::Add<Output = T> + std::ops::Mul<Output = T>,
{
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![T::default(); a.len() + b.len() - 1];
    for (k, o) in out.iter_mut().enumerate() {
        let lo = k.saturating_sub(b.len() - 1);
        let hi = k.min(a.len() - 1);
        let mut acc = T::default();
        for i in lo..=hi {
            acc = acc + a[i] * b[k - i];
        }
        *o = acc;
    }
    out
}

/// The product of two polynomials (`numpy.polymul(a1, a2)`, NumPy's `convolve`).
///
/// # Errors
/// As [`polyadd`]; an empty input is refused as `np.convolve` refuses it ("v cannot be
/// empty" / "a cannot be empty").
pub fn polymul<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    a1: &ArrayBase<S1>,
    a2: &ArrayBase<S2>,
) -> Result<Array<f64>> {
    let (a, b) = (coeffs(a1)?, coeffs(a2)?);
    if a.is_empty() {
        return Err(Error::PolyValue("a cannot be empty"));
    }
    if b.is_empty() {
        return Err(Error::PolyValue("v cannot be empty"));
    }
    Ok(vector(convolve(&a, &b)))
}

/// The `m`-th derivative of a polynomial (`numpy.polyder(p, m)`).
///
/// # Errors
/// "Order of derivative must be positive (see polyint)" for a negative `m`.
pub fn polyder<S: Data<Elem = f64>>(p: &ArrayBase<S>, m: i64) -> Result<Array<f64>> {
    if m < 0 {
        return Err(Error::PolyValue("Order of derivative must be positive (see polyint)"));
    }
    let mut c = coeffs(p)?;
    for _ in 0..m {
        let n = c.len().saturating_sub(1);
        c = c[..n].iter().enumerate().map(|(i, &v)| v * (n - i) as f64).collect();
    }
    Ok(vector(c))
}

/// The `m`-th antiderivative of a polynomial (`numpy.polyint(p, m, k)`). `k` holds the
/// integration constants, the first for the first integration: empty means zeros, one
/// value is used for every integration, otherwise it needs at least `m` values.
///
/// # Errors
/// "Order of integral must be positive (see polyder)" for a negative `m`; "k must be a
/// scalar or a rank-1 array of length 1 or >m." when `k` has 2 to `m - 1` values.
pub fn polyint<S: Data<Elem = f64>>(p: &ArrayBase<S>, m: i64, k: &[f64]) -> Result<Array<f64>> {
    if m < 0 {
        return Err(Error::PolyValue("Order of integral must be positive (see polyder)"));
    }
    let m = m as usize;
    let ks: Vec<f64> = match k.len() {
        0 => vec![0.0; m],
        1 => vec![k[0]; m],
        l if l < m => return Err(Error::PolyValue("k must be a scalar or a rank-1 array of length 1 or >m.")),
        _ => k.to_vec(),
    };
    let mut c = coeffs(p)?;
    for &kk in ks.iter().take(m) {
        let n = c.len();
        let mut y: Vec<f64> = c.iter().enumerate().map(|(i, &v)| v / (n - i) as f64).collect();
        y.push(kk);
        c = y;
    }
    Ok(vector(c))
}

/// Polynomial division (`numpy.polydiv(u, v)`): the quotient and the remainder, with the
/// remainder's leading terms dropped while they are within `1e-8` of zero (NumPy's
/// `allclose(r[0], 0, rtol=1e-14)`), keeping at least one.
///
/// # Errors
/// As [`polyadd`]; "Input must be a rank-1 array." also for an empty `u` or `v` (NumPy
/// fails there with an `IndexError`).
pub fn polydiv<S1: Data<Elem = f64>, S2: Data<Elem = f64>>(
    u: &ArrayBase<S1>,
    v: &ArrayBase<S2>,
) -> Result<(Array<f64>, Array<f64>)> {
    let (u, v) = (coeffs(u)?, coeffs(v)?);
    if u.is_empty() || v.is_empty() {
        return Err(Error::PolyValue("Input must be a rank-1 array."));
    }
    let (m, n) = (u.len() - 1, v.len() - 1);
    let scale = 1.0 / v[0];
    let mut q = vec![0.0; (m as i64 - n as i64 + 1).max(1) as usize];
    let mut r = u;
    if m >= n {
        for k in 0..=(m - n) {
            let d = scale * r[k];
            q[k] = d;
            for (j, &vj) in v.iter().enumerate() {
                r[k + j] -= d * vj;
            }
        }
    }
    let mut start = 0;
    while r.len() - start > 1 && r[start].abs() <= 1e-8 {
        start += 1;
    }
    Ok((vector(q), vector(r[start..].to_vec())))
}
