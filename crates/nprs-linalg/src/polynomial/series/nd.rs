//! Coefficient arrays of any dimension: evaluation with and without `tensor` (`*val`),
//! values at points (`*val2d`, `*val3d`) and on grids (`*grid2d`, `*grid3d`), which
//! contract the axes of `c` in turn as NumPy's `_valnd`/`_gridnd` do, derivatives and
//! antiderivatives along an axis, and the Vandermonde matrices (`*vander2d`, `*vander3d`).

use nprs_core::Array;

use super::fit::vander_row;
use super::generic::{self, val1};
use super::{Basis, Coef};
use crate::error::{Error, Result};

/// The message NumPy gives for ordinates of differing shapes.
fn incompatible(n: usize) -> Error {
    Error::PolyValue(if n == 2 { "x, y are incompatible" } else { "x, y, z are incompatible" })
}

/// An array's elements in C order and its shape.
pub(crate) type Nd<T> = (Vec<T>, Vec<usize>);

/// The flat index into an array of shape `input` for every position of `out`, which
/// `input` broadcasts to (axes aligned at the right, length-one axes repeated).
fn broadcast_index(out: &[usize], input: &[usize]) -> Vec<usize> {
    let lead = out.len() - input.len();
    let mut strides = vec![0usize; out.len()];
    let mut step = 1;
    for (k, &d) in input.iter().enumerate().rev() {
        strides[lead + k] = if d == 1 { 0 } else { step };
        step *= d;
    }
    let size: usize = out.iter().product();
    let mut idx = vec![0usize; out.len()];
    let mut flat = Vec::with_capacity(size);
    for _ in 0..size {
        flat.push(idx.iter().zip(&strides).map(|(i, s)| i * s).sum());
        for ax in (0..out.len()).rev() {
            idx[ax] += 1;
            if idx[ax] < out[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    flat
}

/// `*val(x, c, tensor)` for coefficients of any dimension: `c`'s first axis is the
/// degree, the others are a batch of series (a 0-d `c` is one coefficient). With
/// `tensor` every series is evaluated at every point (shape `c.shape[1:] + x.shape`);
/// without it the batch broadcasts against the points. Each value is the 1-d
/// evaluation of one column, so the bits are those of NumPy's vectorised recurrence.
pub(crate) fn val<B: Basis, T: Coef>(x: &Nd<T>, c: &Nd<T>, tensor: bool) -> Result<Nd<T>> {
    let (cv, cs) = c;
    let cs: &[usize] = if cs.is_empty() { &[1] } else { cs };
    let n = cs[0];
    if n == 0 {
        return Err(Error::PolyValue("Coefficient array is empty"));
    }
    let batch = &cs[1..];
    let nb: usize = batch.iter().product();
    let cols: Vec<Vec<T>> = (0..nb).map(|b| (0..n).map(|k| cv[k * nb + b]).collect()).collect();
    let (xv, xs) = x;
    if tensor {
        let mut shape = batch.to_vec();
        shape.extend_from_slice(xs);
        let out = cols.iter().flat_map(|col| xv.iter().map(|&p| val1::<B, T>(col, p))).collect();
        return Ok((out, shape));
    }
    let shape = nprs_core::broadcast_shapes(&[batch, xs])?.to_vec();
    let (bi, xi) = (broadcast_index(&shape, batch), broadcast_index(&shape, xs));
    let out = bi.iter().zip(&xi).map(|(&b, &i)| val1::<B, T>(&cols[b], xv[i])).collect();
    Ok((out, shape))
}

/// `*val2d`/`*val3d`: the series at the points `(x[i], y[i], …)` — NumPy's `_valnd`: the
/// first ordinate with `tensor`, the others broadcast against what is left of `c`'s
/// axes. The ordinates share a shape; further axes of `c` stay in front of it.
pub(crate) fn valnd<B: Basis, T: Coef>(pts: &[Nd<T>], c: &Nd<T>) -> Result<Array<T>> {
    if pts.iter().any(|p| p.1 != pts[0].1) {
        return Err(incompatible(pts.len()));
    }
    let mut r = val::<B, T>(&pts[0], c, true)?;
    for p in &pts[1..] {
        r = val::<B, T>(p, &r, false)?;
    }
    Ok(Array::from_shape_vec(&r.1, r.0)?)
}

/// `*grid2d`/`*grid3d`: the series on the Cartesian product of the ordinates (NumPy's
/// `_gridnd`: each one in turn with `tensor`); the result's shape is `c.shape[n:] +
/// x.shape + y.shape (+ z.shape)`.
pub(crate) fn gridnd<B: Basis, T: Coef>(pts: &[Nd<T>], c: &Nd<T>) -> Result<Array<T>> {
    let mut r = c.clone();
    for p in pts {
        r = val::<B, T>(p, &r, true)?;
    }
    Ok(Array::from_shape_vec(&r.1, r.0)?)
}

/// The series of `c` along `axis` (NumPy's `moveaxis(c, axis, 0)`), one lane per
/// position of the other axes, with the axis normalised.
fn lanes<T: Coef>(c: &Nd<T>, axis: isize) -> Result<(Vec<Vec<T>>, usize)> {
    let (cv, cs) = c;
    let cs: &[usize] = if cs.is_empty() { &[1] } else { cs };
    let nd = cs.len() as isize;
    if axis < -nd || axis >= nd {
        return Err(nprs_core::Error::AxisOutOfBounds { axis, ndim: cs.len() }.into());
    }
    let ax = if axis < 0 { (axis + nd) as usize } else { axis as usize };
    let (pre, n, post): (usize, usize, usize) = (cs[..ax].iter().product(), cs[ax], cs[ax + 1..].iter().product());
    let out = (0..pre * post).map(|l| (0..n).map(|k| cv[((l / post) * n + k) * post + l % post]).collect()).collect();
    Ok((out, ax))
}

/// Lanes back into an array whose axis `ax` has the lanes' (common) length, or
/// `new_len(old length)` when there are no lanes.
fn from_lanes<T: Coef>(
    lanes: &[Vec<T>],
    shape: &[usize],
    ax: usize,
    new_len: impl Fn(usize) -> usize,
) -> Result<Array<T>> {
    let mut shape: Vec<usize> = if shape.is_empty() { vec![1] } else { shape.to_vec() };
    let n = lanes.first().map_or_else(|| new_len(shape[ax]), Vec::len);
    shape[ax] = n;
    let post: usize = shape[ax + 1..].iter().product();
    let mut out = vec![T::of(0.0); shape.iter().product()];
    for (l, lane) in lanes.iter().enumerate() {
        for (k, &v) in lane.iter().enumerate() {
            out[((l / post) * n + k) * post + l % post] = v;
        }
    }
    Ok(Array::from_shape_vec(&shape, out)?)
}

/// `*der(c, m, scl, axis)`: the derivative of every series along `axis`.
pub(crate) fn der<B: Basis, T: Coef>(c: &Nd<T>, m: i64, scl: T, axis: isize) -> Result<Array<T>> {
    if m < 0 {
        return Err(Error::PolyValue("The order of derivation must be non-negative"));
    }
    let (ls, ax) = lanes(c, axis)?;
    let ls = ls.iter().map(|l| generic::der::<B, T>(l, m, scl)).collect::<Result<Vec<_>>>()?;
    let m = m as usize;
    from_lanes(&ls, &c.1, ax, |n| {
        if m == 0 {
            n
        } else if m >= n {
            1
        } else {
            n - m
        }
    })
}

/// `*int(c, m, k, lbnd, scl, axis)`: the antiderivative of every series along `axis`.
pub(crate) fn int<B: Basis, T: Coef>(c: &Nd<T>, m: i64, k: &[T], lbnd: T, scl: T, axis: isize) -> Result<Array<T>> {
    if m < 0 {
        return Err(Error::PolyValue("The order of integration must be non-negative"));
    }
    if k.len() > m as usize {
        return Err(Error::PolyValue("Too many integration constants"));
    }
    let (mut ls, ax) = lanes(c, axis)?;
    generic::int_lanes::<B, T>(&mut ls, m, k, lbnd, scl)?;
    // With no lanes, every integration of more than one coefficient adds one.
    from_lanes(&ls, &c.1, ax, |n| (0..m).fold(n, |n, _| if n == 1 { 1 } else { n + 1 }))
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
