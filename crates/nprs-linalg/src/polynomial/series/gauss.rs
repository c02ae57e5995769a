//! Gauss quadrature of the orthogonal families (`leggauss`, `hermgauss`, …), their weight
//! functions, and the Chebyshev points and interpolation.

use nprs_core::Array;

use super::Basis;
use super::fit::{companion, vander_row};
use super::generic::{der, val1};
use crate::decomp::{Uplo, eigvalsh};
use crate::error::{Error, Result};

/// `*gauss(deg)`: nodes from the eigenvalues of the symmetric companion matrix of
/// `P_deg`, one Newton step, and weights `1 / (P_{deg-1}(x)·P'_deg(x))` scaled to sum to
/// `mu0` (the weight's integral) — symmetrised for the even weights, as NumPy does.
pub(crate) fn gauss<B: Basis>(deg: i64, mu0: f64, symmetric: bool) -> Result<(Array<f64>, Array<f64>)> {
    if deg <= 0 {
        return Err(Error::PolyValue("deg must be a positive integer"));
    }
    let n = deg as usize;
    let mut c = vec![0.0; n + 1];
    c[n] = 1.0;
    let mut x = eigvalsh(&companion::<B>(&c)?, Uplo::Lower)?.to_vec();
    let dc = der::<B, f64>(&c, 1, 1.0)?;
    let mut df: Vec<f64> = x.iter().map(|&v| val1::<B, f64>(&dc, v)).collect();
    for (xi, d) in x.iter_mut().zip(&df) {
        *xi -= val1::<B, f64>(&c, *xi) / d;
    }
    let mut fm: Vec<f64> = x.iter().map(|&v| val1::<B, f64>(&c[1..], v)).collect();
    for v in [&mut fm, &mut df] {
        let m = v.iter().fold(0.0f64, |a, b| a.max(b.abs()));
        v.iter_mut().for_each(|e| *e /= m);
    }
    let mut w: Vec<f64> = fm.iter().zip(&df).map(|(f, d)| 1.0 / (f * d)).collect();
    if symmetric {
        let (wr, xr): (Vec<f64>, Vec<f64>) = (w.iter().rev().copied().collect(), x.iter().rev().copied().collect());
        w = w.iter().zip(&wr).map(|(a, b)| (a + b) / 2.0).collect();
        x = x.iter().zip(&xr).map(|(a, b)| (a - b) / 2.0).collect();
    }
    let s: f64 = w.iter().sum();
    w.iter_mut().for_each(|v| *v *= mu0 / s);
    Ok((Array::from_vec(x), Array::from_vec(w)))
}

/// `chebgauss(deg)`: NumPy's closed form, nodes `cos(π(2k-1)/(2·deg))`, weights `π/deg`.
pub(crate) fn chebgauss(deg: i64) -> Result<(Array<f64>, Array<f64>)> {
    if deg <= 0 {
        return Err(Error::PolyValue("deg must be a positive integer"));
    }
    let n = deg as usize;
    let x: Vec<f64> = (0..n).map(|k| (std::f64::consts::PI * (2 * k + 1) as f64 / (2.0 * n as f64)).cos()).collect();
    Ok((Array::from_vec(x), Array::from_vec(vec![std::f64::consts::PI / n as f64; n])))
}

/// `chebpts1(npts)`: the Chebyshev points of the first kind, `sin(π/2·k/npts)` for
/// `k = -npts+1, -npts+3, …, npts-1`.
pub(crate) fn chebpts1(npts: i64) -> Result<Array<f64>> {
    if npts < 1 {
        return Err(Error::PolyValue("npts must be >= 1"));
    }
    let f = 0.5 * std::f64::consts::PI / npts as f64;
    Ok(Array::from_vec((0..npts).map(|i| (f * (2 * i - npts + 1) as f64).sin()).collect()))
}

/// `chebpts2(npts)`: the Chebyshev points of the second kind, `cos` of `npts` points
/// spread over `[-π, 0]`.
pub(crate) fn chebpts2(npts: i64) -> Result<Array<f64>> {
    if npts < 2 {
        return Err(Error::PolyValue("npts must be >= 2"));
    }
    let t: Array<f64> = nprs_core::linspace(-std::f64::consts::PI, 0.0, npts as usize, true)?;
    Ok(Array::from_vec(t.iter().map(f64::cos).collect()))
}

/// `chebinterpolate(func, deg)`: the Chebyshev series interpolating `func` at the
/// Chebyshev points of the first kind.
pub(crate) fn chebinterpolate<B: Basis>(func: impl Fn(f64) -> f64, deg: i64) -> Result<Array<f64>> {
    if deg < 0 {
        return Err(Error::PolyValue("expected deg >= 0"));
    }
    let order = deg as usize + 1;
    let xs = chebpts1(order as i64)?.to_vec();
    let mut c = vec![0.0; order];
    let mut row = vec![0.0; order];
    for &x in &xs {
        let y = func(x);
        vander_row::<B>(x, order - 1, &mut row);
        c.iter_mut().zip(&row).for_each(|(ci, r)| *ci += r * y);
    }
    c[0] /= order as f64;
    c[1..].iter_mut().for_each(|v| *v /= 0.5 * order as f64);
    Ok(Array::from_vec(c))
}
