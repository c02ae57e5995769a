//! Vandermonde matrices, least-squares fits, companion matrices and roots of one family.

use std::cmp::Ordering;

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C128};

use super::generic::as_series;
use super::{Basis, Coef};
use crate::decomp::eigvals;
use crate::error::{Error, Result};
use crate::lstsq::lstsq;
use crate::polynomial::PolyfitFull;

/// The degrees of a fit: one maximal degree (every term up to it) or a list of the terms
/// to use (NumPy's `deg` int or list of ints).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FitDeg {
    /// All terms up to this degree.
    Max(i64),
    /// Only these terms.
    Terms(Vec<i64>),
}

impl From<i64> for FitDeg {
    fn from(d: i64) -> Self {
        FitDeg::Max(d)
    }
}

impl From<Vec<i64>> for FitDeg {
    fn from(d: Vec<i64>) -> Self {
        FitDeg::Terms(d)
    }
}

impl From<&[i64]> for FitDeg {
    fn from(d: &[i64]) -> Self {
        FitDeg::Terms(d.to_vec())
    }
}

/// The rows `[P_0(x), …, P_deg(x)]` of one point, from the recurrence.
pub(crate) fn vander_row<B: Basis>(x: f64, deg: usize, row: &mut [f64]) {
    row[0] = 1.0;
    if deg == 0 {
        return;
    }
    for k in 0..deg {
        let (a, b, c) = B::rec(k);
        let mut v = if b == 0.0 { x * row[k] } else { (x - b) * row[k] };
        if c != 0.0 && k > 0 {
            v -= c * row[k - 1];
        }
        row[k + 1] = if a == 1.0 { v } else { v / a };
    }
}

/// `*vander(x, deg)`: shape `x.shape + (deg + 1,)` (a 0-d `x` counts as one point).
pub(crate) fn vander<B: Basis, S: Data<Elem = f64>>(x: &ArrayBase<S>, deg: i64) -> Result<Array<f64>> {
    if deg < 0 {
        return Err(Error::PolyValue("deg must be non-negative"));
    }
    let d = deg as usize;
    let xs = x.to_vec();
    let mut out = vec![0.0; xs.len() * (d + 1)];
    for (row, &xv) in out.chunks_mut(d + 1).zip(&xs) {
        vander_row::<B>(xv, d, row);
    }
    let mut shape: Vec<usize> = if x.ndim() == 0 { vec![1] } else { x.shape().to_vec() };
    shape.push(d + 1);
    Ok(Array::from_shape_vec(&shape, out)?)
}

/// NumPy's `_fit` for family `B` on already mapped `x`.
pub(crate) fn fit<B: Basis, SX, SY>(
    x: &ArrayBase<SX>,
    y: &ArrayBase<SY>,
    deg: &FitDeg,
    rcond: Option<f64>,
    w: Option<&[f64]>,
) -> Result<PolyfitFull>
where
    SX: Data<Elem = f64>,
    SY: Data<Elem = f64>,
{
    let terms: Option<Vec<usize>> = match deg {
        FitDeg::Max(d) if *d < 0 => return Err(Error::PolyValue("expected deg >= 0")),
        FitDeg::Max(_) => None,
        FitDeg::Terms(t) if t.is_empty() => {
            return Err(Error::PolyType("deg must be an int or non-empty 1-D array of int"));
        }
        FitDeg::Terms(t) if t.iter().any(|&d| d < 0) => return Err(Error::PolyValue("expected deg >= 0")),
        FitDeg::Terms(t) => {
            let mut t: Vec<usize> = t.iter().map(|&d| d as usize).collect();
            t.sort_unstable();
            Some(t)
        }
    };
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
    let lmax = match (&terms, deg) {
        (Some(t), _) => t[t.len() - 1],
        (None, FitDeg::Max(d)) => *d as usize,
        (None, FitDeg::Terms(_)) => unreachable!("term lists are sorted above"),
    };
    let cols: Vec<usize> = terms.clone().unwrap_or_else(|| (0..=lmax).collect());
    let order = cols.len();
    let k = if y.ndim() == 2 { y.shape()[1] } else { 1 };
    let mut full_row = vec![0.0; lmax + 1];
    let mut lhs = vec![0.0; m * order];
    for (i, xv) in x.iter().enumerate() {
        vander_row::<B>(xv, lmax, &mut full_row);
        for (j, &c) in cols.iter().enumerate() {
            lhs[i * order + j] = full_row[c];
        }
    }
    let mut rhs = y.to_vec();
    if let Some(w) = w {
        if w.len() != m {
            return Err(Error::PolyType("expected x and w to have same length"));
        }
        for (i, &wi) in w.iter().enumerate() {
            lhs[i * order..(i + 1) * order].iter_mut().for_each(|v| *v *= wi);
            rhs[i * k..(i + 1) * k].iter_mut().for_each(|v| *v *= wi);
        }
    }
    let rcond = rcond.unwrap_or(m as f64 * f64::EPSILON);
    let scl: Vec<f64> = (0..order)
        .map(|j| {
            let s = (0..m).map(|i| lhs[i * order + j] * lhs[i * order + j]).sum::<f64>().sqrt();
            if s == 0.0 { 1.0 } else { s }
        })
        .collect();
    for row in lhs.chunks_mut(order) {
        row.iter_mut().zip(&scl).for_each(|(v, s)| *v /= s);
    }
    let lhs = Array::from_shape_vec(&[m, order], lhs)?;
    let rhs = Array::from_shape_vec(y.shape(), rhs)?;
    let (c, residuals, rank, sv) = lstsq(&lhs, &rhs, Some(rcond))?;
    let mut coef = vec![0.0; (lmax + 1) * k];
    for (j, row) in c.to_vec().chunks(k).enumerate() {
        for (q, &v) in row.iter().enumerate() {
            coef[cols[j] * k + q] = v / scl[j];
        }
    }
    let coef = if y.ndim() == 2 { Array::from_shape_vec(&[lmax + 1, k], coef)? } else { Array::from_vec(coef) };
    Ok(PolyfitFull { coef, residuals, rank, singular_values: sv, rcond })
}

/// `*companion(c)`: the (scaled) companion matrix, from the recurrence — symmetric for
/// the orthogonal families as in NumPy, ones below the diagonal for power series.
pub(crate) fn companion<B: Basis>(c: &[f64]) -> Result<Array<f64>> {
    let c = as_series(c)?;
    if c.len() < 2 {
        return Err(Error::PolyValue("Series must have maximum degree of at least 1."));
    }
    let n = c.len() - 1;
    let last = c[n];
    if n == 1 {
        let (a, b, _) = B::rec(0);
        let q = c[0] / last;
        let v = if a == 1.0 { -q } else { -(q * a) };
        let v = if b == 0.0 { v } else { b + v };
        return Ok(Array::from_shape_vec(&[1, 1], vec![v])?);
    }
    let symmetric = (0..n - 1).all(|k| B::rec(k).0 * B::rec(k + 1).2 > 0.0);
    let mut scl = vec![1.0; n];
    let mut mat = vec![0.0; n * n];
    for k in 0..n {
        mat[k * n + k] = B::rec(k).1;
    }
    for k in 0..n - 1 {
        let (a, _, _) = B::rec(k);
        let (_, _, c1) = B::rec(k + 1);
        if symmetric {
            let off = a.signum() * (a * c1).sqrt();
            mat[k * n + k + 1] = off;
            mat[(k + 1) * n + k] = off;
            scl[k + 1] = scl[k] * (c1 / a).sqrt();
        } else {
            mat[k * n + k + 1] = c1;
            mat[(k + 1) * n + k] = a;
        }
    }
    let a_last = B::rec(n - 1).0;
    let s_last = scl[n - 1];
    for (j, &cj) in c[..n].iter().enumerate() {
        let f = if symmetric { (scl[j] / s_last) * a_last } else { a_last };
        mat[j * n + n - 1] -= if f == 1.0 { cj / last } else { (cj / last) * f };
    }
    Ok(Array::from_shape_vec(&[n, n], mat)?)
}

fn lex(a: &C128, b: &C128) -> Ordering {
    a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im))
}

/// `*roots(c)`: the eigenvalues of the companion matrix (rotated as NumPy rotates it),
/// sorted as NumPy sorts them; as `complex128` whatever their values.
pub(crate) fn roots<B: Basis>(c: &[f64]) -> Result<Array<C128>> {
    let c = as_series(c)?;
    if c.len() < 2 {
        return Ok(Array::from_vec(Vec::new()));
    }
    let m = companion::<B>(&c)?;
    let n = m.shape()[0];
    let v = m.to_vec();
    let rev: Vec<f64> = (0..n * n).map(|i| v[n * n - 1 - i]).collect();
    let mut r =
        if n == 1 { vec![C128::new(rev[0], 0.0)] } else { eigvals(&Array::from_shape_vec(&[n, n], rev)?)?.to_vec() };
    r.sort_by(lex);
    Ok(Array::from_vec(r))
}

impl Coef for f64 {
    fn of(v: f64) -> Self {
        v
    }
    fn magnitude(self) -> f64 {
        self.abs()
    }
    fn numpy_cmp(a: &Self, b: &Self) -> Ordering {
        a.total_cmp(b)
    }
}

impl Coef for C128 {
    fn of(v: f64) -> Self {
        C128::new(v, 0.0)
    }
    fn magnitude(self) -> f64 {
        self.norm()
    }
    fn numpy_cmp(a: &Self, b: &Self) -> Ordering {
        lex(a, b)
    }
}
