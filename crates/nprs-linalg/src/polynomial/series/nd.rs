//! Two- and three-dimensional series: values at points (`*val2d`, `*val3d`), on grids
//! (`*grid2d`, `*grid3d`) and the Vandermonde matrices (`*vander2d`, `*vander3d`).
//! Each axis of the coefficient array is contracted in turn, the first with `x`, as
//! NumPy's `_valnd`/`_gridnd` do.

use nprs_core::Array;

use super::fit::vander_row;
use super::generic::val1;
use super::{Basis, Coef};
use crate::error::{Error, Result};

/// The message NumPy gives for ordinates of differing shapes.
fn incompatible(n: usize) -> Error {
    Error::PolyValue(if n == 2 { "x, y are incompatible" } else { "x, y, z are incompatible" })
}

/// Contracts the first axis of `c` (shape `dims`) with the point `x`.
fn contract_first<B: Basis, T: Coef>(c: &[T], dims: &[usize], x: T) -> Vec<T> {
    let d0 = dims[0];
    let rest: usize = dims[1..].iter().product();
    let mut col = vec![T::of(0.0); d0];
    (0..rest)
        .map(|t| {
            for (k, v) in col.iter_mut().enumerate() {
                *v = c[k * rest + t];
            }
            val1::<B, T>(&col, x)
        })
        .collect()
}

fn check_c(dims: &[usize], n: usize) -> Result<()> {
    if dims.len() != n {
        return Err(Error::PolyValue(if n == 2 {
            "c must have exactly 2 dimensions"
        } else {
            "c must have exactly 3 dimensions"
        }));
    }
    if dims.contains(&0) {
        return Err(Error::PolyValue("Coefficient array is empty"));
    }
    Ok(())
}

/// `*val2d`/`*val3d`: the series at the points `(x[i], y[i], …)`; the ordinates share a
/// shape, which the result has.
pub(crate) fn valnd<B: Basis, T: Coef>(pts: &[(Vec<T>, Vec<usize>)], c: &[T], dims: &[usize]) -> Result<Array<T>> {
    let n = pts.len();
    check_c(dims, n)?;
    if pts.iter().any(|p| p.1 != pts[0].1) {
        return Err(incompatible(n));
    }
    let out: Vec<T> = (0..pts[0].0.len())
        .map(|i| {
            let mut cur = c.to_vec();
            for (a, p) in pts.iter().enumerate() {
                cur = contract_first::<B, T>(&cur, &dims[a..], p.0[i]);
            }
            cur[0]
        })
        .collect();
    Ok(Array::from_shape_vec(&pts[0].1, out)?)
}

fn grid_rec<B: Basis, T: Coef>(c: &[T], dims: &[usize], pts: &[(Vec<T>, Vec<usize>)], out: &mut Vec<T>) {
    match pts.split_first() {
        None => out.push(c[0]),
        Some((p, rest)) => {
            for &x in &p.0 {
                let r = contract_first::<B, T>(c, dims, x);
                grid_rec::<B, T>(&r, &dims[1..], rest, out);
            }
        }
    }
}

/// `*grid2d`/`*grid3d`: the series on the Cartesian product of the ordinates; the
/// result's shape is `x.shape + y.shape (+ z.shape)`.
pub(crate) fn gridnd<B: Basis, T: Coef>(pts: &[(Vec<T>, Vec<usize>)], c: &[T], dims: &[usize]) -> Result<Array<T>> {
    check_c(dims, pts.len())?;
    let mut out = Vec::new();
    grid_rec::<B, T>(c, dims, pts, &mut out);
    let shape: Vec<usize> = pts.iter().flat_map(|p| p.1.iter().copied()).collect();
    Ok(Array::from_shape_vec(&shape, out)?)
}

/// `*vander2d`/`*vander3d`: rows `P_i(x)·P_j(y)(·P_k(z))` with `i` slowest, shape
/// `x.shape + (prod(deg + 1),)`.
pub(crate) fn vandernd<B: Basis>(pts: &[(Vec<f64>, Vec<usize>)], deg: &[i64]) -> Result<Array<f64>> {
    if deg.iter().any(|&d| d < 0) {
        return Err(Error::PolyValue("deg must be non-negative"));
    }
    if pts.iter().any(|p| p.1 != pts[0].1) {
        return Err(incompatible(pts.len()));
    }
    let deg: Vec<usize> = deg.iter().map(|&d| d as usize).collect();
    let width: usize = deg.iter().map(|d| d + 1).product();
    let npts = pts[0].0.len();
    let mut out = Vec::with_capacity(npts * width);
    let mut rows: Vec<Vec<f64>> = deg.iter().map(|d| vec![0.0; d + 1]).collect();
    for i in 0..npts {
        for (a, row) in rows.iter_mut().enumerate() {
            vander_row::<B>(pts[a].0[i], deg[a], row);
        }
        let mut acc = rows[0].clone();
        for row in &rows[1..] {
            acc = acc.iter().flat_map(|&u| row.iter().map(move |&v| u * v)).collect();
        }
        out.extend(acc);
    }
    let mut shape = if pts[0].1.is_empty() { vec![1] } else { pts[0].1.clone() };
    shape.push(width);
    Ok(Array::from_shape_vec(&shape, out)?)
}
