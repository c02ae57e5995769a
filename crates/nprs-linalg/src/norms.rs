//! Norms: `norm`, `vector_norm`, `matrix_norm`, and `cond`; NumPy's orders, axes and
//! `keepdims`.

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, ArrayView};

use crate::batch::{Stack, run, shaped};
use crate::error::{Error, Result};
use crate::scalar::{Compute, LinalgElem};

/// A norm order (`ord=`): `'fro'`, `'nuc'`, or a number (`inf`, `-inf`, `0`, `1`, `-1`, `2`,
/// `-2`, any `p` for vectors).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NormOrd {
    /// The Frobenius norm (`'fro'`).
    Fro,
    /// The nuclear norm, the sum of singular values (`'nuc'`).
    Nuc,
    /// A numeric order (`f64::INFINITY` for `inf`).
    P(f64),
}

fn axis_index(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        return Err(nprs_core::Error::AxisOutOfBounds { axis, ndim }.into());
    }
    Ok(a as usize)
}

/// The elements of `x` with the `axes` moved last, in C order, and the shape of the rest.
fn lanes<T: Compute>(x: &ArrayView<'_, T>, axes: &[usize]) -> Result<(Vec<usize>, Vec<T>)> {
    let rest: Vec<usize> = (0..x.ndim()).filter(|i| !axes.contains(i)).collect();
    let perm: Vec<isize> = rest.iter().chain(axes).map(|&i| i as isize).collect();
    let moved = x.permute_dims(&perm)?;
    Ok((rest.iter().map(|&i| x.shape()[i]).collect(), moved.to_vec()))
}

fn empty_reduction(op: &'static str) -> Error {
    Error::EmptyReduction { op }
}

/// One vector's norm of order `p` (`p` numeric).
fn vec_norm<T: Compute>(v: &[T], p: f64) -> Result<f64> {
    Ok(if p == f64::INFINITY {
        v.iter().map(|x| x.modulus()).fold(0.0, f64::max)
    } else if p == f64::NEG_INFINITY {
        if v.is_empty() {
            return Err(empty_reduction("minimum"));
        }
        v.iter().map(|x| x.modulus()).fold(f64::INFINITY, f64::min)
    } else if p == 0.0 {
        v.iter().filter(|x| !x.is_zero()).count() as f64
    } else if p == 1.0 {
        v.iter().map(|x| x.modulus()).sum()
    } else if p == 2.0 {
        v.iter().map(|&x| (x.conjugate() * x).re()).sum::<f64>().sqrt()
    } else {
        v.iter().map(|x| x.modulus().powf(p)).sum::<f64>().powf(1.0 / p)
    })
}

/// One `m x n` row-major matrix's norm.
fn mat_norm<T: Compute>(a: &[T], m: usize, n: usize, ord: NormOrd) -> Result<f64> {
    // Column sums accumulated row by row (sequential reads), each summed in row order.
    let col_sums = || {
        let mut sums = vec![0.0f64; n];
        for row in a.chunks_exact(n.max(1)).take(m) {
            for (s, x) in sums.iter_mut().zip(row) {
                *s += x.modulus();
            }
        }
        sums.into_iter()
    };
    let row_sums = || (0..m).map(|i| a[i * n..(i + 1) * n].iter().map(|x| x.modulus()).sum::<f64>());
    let min = |it: &mut dyn Iterator<Item = f64>| -> Result<f64> {
        let mut any = false;
        let mut r = f64::INFINITY;
        for x in it {
            any = true;
            r = r.min(x);
            if x.is_nan() {
                return Ok(f64::NAN);
            }
        }
        if any { Ok(r) } else { Err(empty_reduction("minimum")) }
    };
    let max = |it: &mut dyn Iterator<Item = f64>| -> f64 {
        let mut r = 0.0f64;
        for x in it {
            if x.is_nan() {
                return f64::NAN;
            }
            r = r.max(x);
        }
        r
    };
    match ord {
        NormOrd::Fro => Ok(a.iter().map(|&x| (x.conjugate() * x).re()).sum::<f64>().sqrt()),
        NormOrd::P(1.0) => Ok(max(&mut col_sums())),
        NormOrd::P(-1.0) => min(&mut col_sums()),
        NormOrd::P(p) if p == f64::INFINITY => Ok(max(&mut row_sums())),
        NormOrd::P(p) if p == f64::NEG_INFINITY => min(&mut row_sums()),
        NormOrd::Nuc | NormOrd::P(2.0 | -2.0) => {
            let s = if m.min(n) == 0 {
                Vec::new()
            } else {
                let mr = faer::MatRef::from_row_major_slice(a, m, n);
                if !crate::decomp::finite(mr) {
                    return Err(Error::SvdNotConverged);
                }
                crate::decomp::singular_values(mr)?
            };
            match ord {
                NormOrd::Nuc => Ok(s.iter().sum()),
                NormOrd::P(p) if p > 0.0 => Ok(s.first().copied().unwrap_or(0.0)),
                _ => s.last().copied().ok_or_else(|| empty_reduction("minimum")),
            }
        }
        NormOrd::P(_) => Err(Error::MatrixNormOrder),
    }
}

fn keep_shape(shape: &[usize], axes: &[usize]) -> Vec<usize> {
    shape.iter().enumerate().map(|(i, &d)| if axes.contains(&i) { 1 } else { d }).collect()
}

/// The norm of a vector or matrix (`numpy.linalg.norm(x, ord, axis, keepdims)`).
///
/// `ord = None` is the 2-norm of the flattened input (for any number of dimensions when
/// `axis` is `None`), or the Frobenius norm over two axes. With one axis (or a 1-d input)
/// the vector norms apply, with two axes (or a 2-d input) the matrix norms.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_linalg::{NormOrd, norm};
/// let a = array![[1.0, -2.0], [3.0, 4.0]];
/// let f: f64 = norm(&a, None, None, false)?.item()?;
/// assert!((f - 30f64.sqrt()).abs() < 1e-12);
/// let inf = norm(&a, Some(NormOrd::P(f64::INFINITY)), None, false)?;
/// assert_eq!(inf.to_vec(), vec![7.0]);
/// let rows = norm(&a, Some(NormOrd::P(1.0)), Some(&[1]), true)?;
/// assert_eq!((rows.shape(), rows.to_vec()), (&[2usize, 1][..], vec![3.0, 7.0]));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's `ValueError`s for orders that do not apply, duplicate axes and more than two
/// axes; `AxisError` for an axis out of range.
pub fn norm<T: LinalgElem, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    ord: Option<NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<T::RealOut>> {
    let xc = T::to_compute(x);
    Ok(T::real_out(norm_compute(&xc.view(), ord, axis, keepdims)?))
}

fn norm_compute<T: Compute>(
    x: &ArrayView<'_, T>,
    ord: Option<NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<f64>> {
    let nd = x.ndim();
    if axis.is_none()
        && (ord.is_none() || (ord == Some(NormOrd::Fro) && nd == 2) || (ord == Some(NormOrd::P(2.0)) && nd == 1))
    {
        let r = match x.as_slice_memory_order() {
            Some(v) => crate::sums::sum_squares(v),
            None => x.iter().map(|z| (z.conjugate() * z).re()).sum::<f64>(),
        }
        .sqrt();
        return Ok(Array::from_shape_vec(&vec![1; if keepdims { nd } else { 0 }], vec![r])?);
    }
    let axes: Vec<usize> = match axis {
        None => (0..nd).collect(),
        Some(a) => a.iter().map(|&i| axis_index(i, nd)).collect::<Result<_>>()?,
    };
    match axes.len() {
        1 => {
            let p = match ord {
                None => 2.0,
                Some(NormOrd::P(p)) => p,
                Some(NormOrd::Fro) => return Err(Error::VectorNormOrder { ord: "fro" }),
                Some(NormOrd::Nuc) => return Err(Error::VectorNormOrder { ord: "nuc" }),
            };
            reduce_lanes(x, &axes, keepdims, |v| vec_norm(v, p))
        }
        2 => {
            if axes[0] == axes[1] {
                return Err(Error::DuplicateAxes);
            }
            let ord = ord.unwrap_or(NormOrd::Fro);
            if let NormOrd::P(p) = ord
                && ![1.0, -1.0, 2.0, -2.0, f64::INFINITY, f64::NEG_INFINITY].contains(&p)
            {
                return Err(Error::MatrixNormOrder);
            }
            let (m, n) = (x.shape()[axes[0]], x.shape()[axes[1]]);
            reduce_lanes(x, &axes, keepdims, |v| mat_norm(v, m, n, ord))
        }
        _ => Err(Error::NormAxes),
    }
}

/// Applies `f` to each lane over `axes` (elements in the order of `axes`).
fn reduce_lanes<T: Compute>(
    x: &ArrayView<'_, T>,
    axes: &[usize],
    keepdims: bool,
    f: impl Fn(&[T]) -> Result<f64>,
) -> Result<Array<f64>> {
    let (rest, data) = lanes(x, axes)?;
    let len: usize = axes.iter().map(|&a| x.shape()[a]).product();
    let count: usize = rest.iter().product();
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        out.push(f(&data[i * len..(i + 1) * len])?);
    }
    let shape = if keepdims { keep_shape(x.shape(), axes) } else { rest };
    Ok(Array::from_shape_vec(&shape, out)?)
}

/// Vector norms (`numpy.linalg.vector_norm(x, axis, keepdims, ord)`): over all elements
/// when `axis` is `None`, else over the given axes taken together as one vector.
///
/// ```
/// use nprs_core::prelude::*;
/// let n = nprs_linalg::vector_norm(&array![[3.0, 4.0], [6.0, 8.0]], 2.0, Some(&[1]), false)?;
/// assert_eq!(n.to_vec(), vec![5.0, 10.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `AxisError` for an axis out of range; `ValueError` for `-inf` over an empty axis.
pub fn vector_norm<T: LinalgElem, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    ord: f64,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<Array<T::RealOut>> {
    let xc = T::to_compute(x);
    let v = xc.view();
    let nd = v.ndim();
    let axes: Vec<usize> = match axis {
        None => (0..nd).collect(),
        Some(a) => a.iter().map(|&i| axis_index(i, nd)).collect::<Result<_>>()?,
    };
    let r = reduce_lanes(&v, &axes, keepdims, |l| vec_norm(l, ord))?;
    Ok(T::real_out(r))
}

/// Matrix norms over the last two axes (`numpy.linalg.matrix_norm(x, keepdims, ord)`;
/// NumPy's default `ord` is [`NormOrd::Fro`]).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_linalg::{NormOrd, matrix_norm};
/// let n = matrix_norm(&array![[1.0, -2.0], [3.0, 4.0]], NormOrd::P(1.0), false)?;
/// assert_eq!(n.to_vec(), vec![6.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// As [`norm`] with `axis = (-2, -1)`.
pub fn matrix_norm<T: LinalgElem, S: Data<Elem = T>>(
    x: &ArrayBase<S>,
    ord: NormOrd,
    keepdims: bool,
) -> Result<Array<T::RealOut>> {
    norm(x, Some(ord), Some(&[-2, -1]), keepdims)
}

/// The condition number of each matrix (`numpy.linalg.cond(x, p)`): the ratio of extreme
/// singular values for `None`/`2`/`-2`, else `norm(x, p) * norm(inv(x), p)` over square
/// matrices; a singular matrix gives `inf` (NaN only when the input holds NaN).
///
/// ```
/// use nprs_core::prelude::*;
/// let c: f64 = nprs_linalg::cond(&array![[2.0, 0.0], [0.0, 0.5]], None)?.item()?;
/// assert!((c - 4.0).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` for empty matrices, fewer than two dimensions, or (for norms other than
/// the 2-norm) non-square matrices; `ValueError` for an order that is not a matrix norm.
pub fn cond<T: LinalgElem, S: Data<Elem = T>>(x: &ArrayBase<S>, p: Option<NormOrd>) -> Result<Array<T::RealOut>> {
    let xc = T::to_compute(x);
    let v = xc.view();
    let s = Stack::matrices(v.reborrow())?;
    if s.m == 0 || s.n == 0 {
        return Err(Error::CondEmpty);
    }
    let k = s.m.min(s.n);
    let r: Array<f64> = match p {
        None | Some(NormOrd::P(2.0 | -2.0)) => {
            let out = run(s.count(), 1, 4 * s.m * s.n * k, |i, o| {
                let mut sv = vec![T::Compute::default(); k];
                crate::decomp::svd_values_into(s.mat(i), &mut sv)?;
                let (big, small) = (sv[0].re(), sv[k - 1].re());
                o[0] = if p == Some(NormOrd::P(-2.0)) { small / big } else { big / small };
                Ok(())
            })?;
            shaped(&s.batch, &[], out)?
        }
        Some(ord) => {
            if s.m != s.n {
                return Err(Error::NotSquare);
            }
            let n = s.n;
            let out = run(s.count(), 1, 3 * n * n * n, |i, o| {
                let a = s.mat(i);
                let mut buf = vec![T::Compute::default(); n * n];
                for r in 0..n {
                    for c in 0..n {
                        buf[r * n + c] = a[(r, c)];
                    }
                }
                let mut inv = vec![T::Compute::default(); n * n];
                let inv_norm = match crate::lu::solve_one(a, None, &mut inv) {
                    Ok(()) => mat_norm(&inv, n, n, ord)?,
                    Err(_) => f64::NAN,
                };
                o[0] = mat_norm(&buf, n, n, ord)? * inv_norm;
                Ok(())
            })?;
            shaped(&s.batch, &[], out)?
        }
    };
    // NaN becomes inf unless the matrix itself holds NaN.
    let mut vals = r.to_vec();
    for (i, x) in vals.iter_mut().enumerate() {
        if x.is_nan() {
            let a = s.mat(i);
            let has_nan = (0..s.m).any(|r| (0..s.n).any(|c| a[(r, c)].has_nan()));
            if !has_nan {
                *x = f64::INFINITY;
            }
        }
    }
    Ok(T::real_out(Array::from_shape_vec(r.shape(), vals)?))
}
