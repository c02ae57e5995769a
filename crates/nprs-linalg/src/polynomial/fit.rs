//! `polyfit`: least squares on NumPy's column-scaled Vandermonde matrix.

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase};

use crate::error::{Error, Result};
use crate::lstsq::lstsq;
use crate::solve::inv;

/// `polyfit(..., full=True)`'s result: `(coef, residuals, rank, singular_values, rcond)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PolyfitFull {
    /// The coefficients, highest power first: `(deg + 1,)`, or `(deg + 1, K)` for a 2-D `y`.
    pub coef: Array<f64>,
    /// The sum of squared residuals of the scaled least-squares fit (empty when the
    /// Vandermonde matrix is rank deficient or has no more rows than columns).
    pub residuals: Array<f64>,
    /// The rank of the scaled Vandermonde matrix.
    pub rank: i32,
    /// The singular values of the scaled Vandermonde matrix.
    pub singular_values: Array<f64>,
    /// The `rcond` used (`len(x) * eps` by default).
    pub rcond: f64,
}

/// The scaled system of one fit: `lhs` (row-major `m x order`, columns divided by their
/// norms), `rhs` (weighted `y`), the column norms and the shape facts.
struct System {
    lhs: Array<f64>,
    rhs: Array<f64>,
    scale: Vec<f64>,
    order: usize,
    m: usize,
    rcond: f64,
    y_1d: bool,
}

fn system<SX, SY>(
    x: &ArrayBase<SX>,
    y: &ArrayBase<SY>,
    deg: i64,
    rcond: Option<f64>,
    w: Option<&Array<f64>>,
) -> Result<System>
where
    SX: Data<Elem = f64>,
    SY: Data<Elem = f64>,
{
    if deg < 0 {
        return Err(Error::PolyValue("expected deg >= 0"));
    }
    if x.ndim() != 1 {
        return Err(Error::PolyType("expected 1D vector for x"));
    }
    if x.is_empty() {
        return Err(Error::PolyType("expected non-empty vector for x"));
    }
    if y.ndim() < 1 || y.ndim() > 2 {
        return Err(Error::PolyType("expected 1D or 2D array for y"));
    }
    let m = x.len();
    if y.shape()[0] != m {
        return Err(Error::PolyType("expected x and y to have same length"));
    }
    let order = usize::try_from(deg).map_err(|_| Error::PolyValue("expected deg >= 0"))? + 1;
    let k = if y.ndim() == 2 { y.shape()[1] } else { 1 };
    let xs = x.to_vec();
    // The Vandermonde matrix as `np.vander` builds it: powers by repeated multiplication.
    let mut lhs = vec![0.0; m * order];
    for (i, &xv) in xs.iter().enumerate() {
        let mut p = 1.0;
        for j in (0..order).rev() {
            lhs[i * order + j] = p;
            p *= xv;
        }
    }
    let mut rhs = y.to_vec();
    if let Some(w) = w {
        if w.ndim() != 1 {
            return Err(Error::PolyType("expected a 1-d array for weights"));
        }
        if w.len() != m {
            return Err(Error::PolyType("expected w and y to have the same length"));
        }
        for (i, wi) in w.iter().enumerate() {
            lhs[i * order..(i + 1) * order].iter_mut().for_each(|v| *v *= wi);
            rhs[i * k..(i + 1) * k].iter_mut().for_each(|v| *v *= wi);
        }
    }
    let scale: Vec<f64> = (0..order)
        .map(|j| {
            let mut s = 0.0;
            for i in 0..m {
                let v = lhs[i * order + j];
                s += v * v;
            }
            s.sqrt()
        })
        .collect();
    for row in lhs.chunks_mut(order) {
        row.iter_mut().zip(&scale).for_each(|(v, s)| *v /= s);
    }
    let rhs_shape: Vec<usize> = y.shape().to_vec();
    Ok(System {
        lhs: Array::from_shape_vec(&[m, order], lhs)?,
        rhs: Array::from_shape_vec(&rhs_shape, rhs)?,
        scale,
        order,
        m,
        rcond: rcond.unwrap_or(m as f64 * f64::EPSILON),
        y_1d: y.ndim() == 1,
    })
}

fn solve(s: &System) -> Result<PolyfitFull> {
    let (c, residuals, rank, sv) = lstsq(&s.lhs, &s.rhs, Some(s.rcond))?;
    let k = if s.y_1d { 1 } else { s.rhs.shape()[1] };
    let mut coef = c.to_vec();
    for (j, row) in coef.chunks_mut(k).enumerate() {
        row.iter_mut().for_each(|v| *v /= s.scale[j]);
    }
    let coef = Array::from_shape_vec(c.shape(), coef)?;
    Ok(PolyfitFull { coef, residuals, rank, singular_values: sv, rcond: s.rcond })
}

/// The least-squares polynomial fit of degree `deg` to the points `(x, y)`
/// (`numpy.polyfit(x, y, deg, rcond, w=w)`): coefficients highest power first, one column
/// per column of a 2-D `y`. As in NumPy, the Vandermonde matrix's columns are scaled to
/// unit norm before the solve and the weights multiply the rows. NumPy's `RankWarning`
/// for a rank-deficient fit is not raised; [`polyfit_full`] reports the rank.
///
/// ```
/// use nprs_core::prelude::*;
/// let x = array![0.0, 1.0, 2.0, 3.0];
/// let c = nprs_linalg::polyfit(&x, &array![1.0, 3.0, 5.0, 7.0], 1, None, None)?;
/// let c: Vec<f64> = c.to_vec();
/// assert!((c[0] - 2.0).abs() < 1e-12 && (c[1] - 1.0).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's: `ValueError` "expected deg >= 0"; `TypeError` "expected 1D vector for x",
/// "expected non-empty vector for x", "expected 1D or 2D array for y", "expected x and y
/// to have same length", "expected a 1-d array for weights", "expected w and y to have the
/// same length"; `LinAlgError` from the solve ("SVD did not converge" for non-finite data).
pub fn polyfit<SX, SY>(
    x: &ArrayBase<SX>,
    y: &ArrayBase<SY>,
    deg: i64,
    rcond: Option<f64>,
    w: Option<&Array<f64>>,
) -> Result<Array<f64>>
where
    SX: Data<Elem = f64>,
    SY: Data<Elem = f64>,
{
    Ok(solve(&system(x, y, deg, rcond, w)?)?.coef)
}

/// [`polyfit`] with `full=True`: the coefficients with the least-squares diagnostics.
///
/// # Errors
/// As [`polyfit`].
pub fn polyfit_full<SX, SY>(
    x: &ArrayBase<SX>,
    y: &ArrayBase<SY>,
    deg: i64,
    rcond: Option<f64>,
    w: Option<&Array<f64>>,
) -> Result<PolyfitFull>
where
    SX: Data<Elem = f64>,
    SY: Data<Elem = f64>,
{
    solve(&system(x, y, deg, rcond, w)?)
}

/// [`polyfit`] with `cov=True` (`unscaled = false`) or `cov="unscaled"`: the coefficients
/// and their covariance matrix, `inv(lhs.T @ lhs) / outer(scale, scale)`, scaled by
/// `residuals / (len(x) - deg - 1)` unless unscaled. The covariance is `(deg+1, deg+1)`,
/// or `(deg+1, deg+1, K)` for a 2-D `y`.
///
/// # Errors
/// As [`polyfit`], and `ValueError` "the number of data points must exceed order to scale
/// the covariance matrix" when scaling with `len(x) <= deg + 1`.
pub fn polyfit_cov<SX, SY>(
    x: &ArrayBase<SX>,
    y: &ArrayBase<SY>,
    deg: i64,
    rcond: Option<f64>,
    w: Option<&Array<f64>>,
    unscaled: bool,
) -> Result<(Array<f64>, Array<f64>)>
where
    SX: Data<Elem = f64>,
    SY: Data<Elem = f64>,
{
    let s = system(x, y, deg, rcond, w)?;
    let fit = solve(&s)?;
    let (n, m) = (s.order, s.m);
    let l = s.lhs.to_vec();
    let mut g = vec![0.0; n * n];
    for a in 0..n {
        for b in 0..n {
            let mut acc = 0.0;
            for i in 0..m {
                acc += l[i * n + a] * l[i * n + b];
            }
            g[a * n + b] = acc;
        }
    }
    let mut v = inv(&Array::from_shape_vec(&[n, n], g)?)?.to_vec();
    for a in 0..n {
        for b in 0..n {
            v[a * n + b] /= s.scale[a] * s.scale[b];
        }
    }
    let k = if s.y_1d { 1 } else { s.rhs.shape()[1] };
    let fac: Vec<f64> = if unscaled {
        vec![1.0; k]
    } else {
        if m <= n {
            return Err(Error::PolyValue("the number of data points must exceed order to scale the covariance matrix"));
        }
        fit.residuals.iter().map(|r| r / (m - n) as f64).collect()
    };
    // NumPy multiplies by the residuals, which are empty for a rank-deficient fit: a 1-D `y`
    // then fails to broadcast, a 2-D one gives an empty covariance.
    if fac.is_empty() && s.y_1d {
        return Err(nprs_core::Error::Broadcast { shapes: vec![vec![n, n], vec![0]] }.into());
    }
    let k = fac.len();
    let cov = if s.y_1d {
        Array::from_shape_vec(&[n, n], v.iter().map(|x| x * fac[0]).collect())?
    } else {
        let out: Vec<f64> = v.iter().flat_map(|x| fac.iter().map(move |f| x * f)).collect();
        Array::from_shape_vec(&[n, n, k], out)?
    };
    Ok((fit.coef, cov))
}
