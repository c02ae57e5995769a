//! `solve`, `inv`, `det`, `slogdet`, `cholesky`: batched over leading axes.

use faer::MatRef;
use faer::linalg::solvers::Llt;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase};

use crate::batch::{Stack, broadcast_batch, run, shaped};
use crate::error::{Error, Result};
use crate::lu::{Buf, SMALL, load_col_major, slogdet_stack, solve_stack};
use crate::scalar::{Compute, LinalgElem};

/// Flops of an LU of order `n`, for the parallel threshold.
pub(crate) fn lu_work(n: usize) -> usize {
    (n * n * n).max(1)
}

/// Solves `a @ x = b` for `x` (`numpy.linalg.solve`).
///
/// `a` is `(..., M, M)`; `b` is `(M,)` (one vector for every matrix) or `(..., M, K)`;
/// batch dimensions broadcast. Both inputs have the same element type; integers and bools
/// are solved in `float64` as NumPy does, `float32`/`complex64` in double precision and
/// rounded back.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[3.0, 1.0], [1.0, 2.0]];
/// let b = array![9.0, 8.0];
/// let x = nprs_linalg::solve(&a, &b)?;
/// let (x0, x1): (f64, f64) = (x.get(&[0])?, x.get(&[1])?);
/// assert!((x0 - 2.0).abs() < 1e-12 && (x1 - 3.0).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError`s when `a` has fewer than two dimensions, is not square, or is singular;
/// `ValueError`s when `b`'s core dimension differs from `M` or the batch dimensions do not
/// broadcast.
pub fn solve<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T::Out>>
where
    T: LinalgElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let ac = T::to_compute(a);
    let bc = T::to_compute(b);
    Ok(T::out(solve_compute(&ac.view(), &bc.view())?))
}

pub(crate) fn solve_compute<T: Compute>(
    a: &nprs_core::ArrayView<'_, T>,
    b: &nprs_core::ArrayView<'_, T>,
) -> Result<Array<T>> {
    let sa = Stack::square(a.reborrow())?;
    let m = sa.m;
    let vector = b.ndim() == 1;
    let (sb, signature, func) = if vector {
        (Stack::vectors(&b.reborrow())?, "(m,m),(m)->(m)", "solve1")
    } else {
        if b.ndim() < 2 {
            return Err(Error::CoreDimsMissing {
                func: "solve",
                operand: 1,
                has: b.ndim(),
                signature: "(m,m),(m,n)->(m,n)",
                requires: 2,
            });
        }
        (Stack::matrices(b.reborrow())?, "(m,m),(m,n)->(m,n)", "solve")
    };
    if sb.m != m {
        return Err(Error::CoreDimMismatch { func, operand: 1, dim: 0, signature, got: sb.m, want: m });
    }
    let k = sb.n;
    let core: Vec<usize> = if vector { vec![m] } else { vec![m, k] };
    let batch = broadcast_batch(&sa, &sb, [a.shape(), b.shape()], [2, if vector { 1 } else { 2 }], &core)?;
    let (sa, sb) = (sa.broadcast(&batch)?, sb.broadcast(&batch)?);
    let out = solve_stack(&sa, Some(&sb), k, lu_work(m) + m * m * k)?;
    shaped(&batch, &core, out)
}

/// The inverse of each matrix (`numpy.linalg.inv`): solves `a @ x = I` by LU with partial
/// pivoting, as NumPy does.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[4.0, 7.0], [2.0, 6.0]];
/// let inv = nprs_linalg::inv(&a)?;
/// let x: f64 = inv.get(&[0, 0])?;
/// assert!((x - 0.6).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions, is not square, or is singular.
pub fn inv<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T::Out>> {
    let ac = T::to_compute(a);
    Ok(T::out(inv_compute(&ac.view())?))
}

pub(crate) fn inv_compute<T: Compute>(a: &nprs_core::ArrayView<'_, T>) -> Result<Array<T>> {
    let s = Stack::square(a.reborrow())?;
    let n = s.n;
    let out = solve_stack(&s, None, n, 2 * lu_work(n))?;
    shaped(&s.batch, &[n, n], out)
}

/// The determinant of each matrix (`numpy.linalg.det`), as NumPy computes it:
/// `sign * exp(logabsdet)` from the LU factors (so `det([[1, 2], [3, 4]])` is
/// `-2.0000000000000004`, as in NumPy). A single matrix gives a 0-d array.
///
/// ```
/// use nprs_core::prelude::*;
/// let d = nprs_linalg::det(&array![[1.0, 2.0], [3.0, 4.0]])?;
/// let d: f64 = d.item()?;
/// assert!((d + 2.0).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions or is not square.
pub fn det<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T::Out>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let (dets, _) = slogdet_stack(&s, true);
    Ok(T::out(shaped(&s.batch, &[], dets)?))
}

/// `slogdet`'s result: `(sign, logabsdet)`.
pub type SlogdetResult<T> = (Array<<T as LinalgElem>::Out>, Array<<T as LinalgElem>::RealOut>);

/// The sign and the natural logarithm of the absolute value of each determinant
/// (`numpy.linalg.slogdet`): `(0, -inf)` for a singular matrix, `(1, 0)` for `0 x 0`.
/// The sign is complex of unit modulus for complex input; `logabsdet` is real.
///
/// ```
/// use nprs_core::prelude::*;
/// let (sign, logabsdet) = nprs_linalg::slogdet(&array![[1.0, 2.0], [3.0, 4.0]])?;
/// let (s, l): (f64, f64) = (sign.item()?, logabsdet.item()?);
/// assert_eq!(s, -1.0);
/// assert!((l - 2f64.ln()).abs() < 1e-12);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions or is not square.
pub fn slogdet<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<SlogdetResult<T>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let (signs, logs) = slogdet_stack(&s, false);
    Ok((T::out(shaped(&s.batch, &[], signs)?), T::real_out(shaped(&s.batch, &[], logs)?)))
}

/// The Cholesky factor of each Hermitian positive-definite matrix
/// (`numpy.linalg.cholesky(a, upper=...)`): lower `L` with `a = L @ L^H` reading `a`'s lower
/// triangle, or with `upper` the upper `U` with `a = U^H @ U` reading its upper triangle.
/// The other triangle of the result is zero.
///
/// ```
/// use nprs_core::prelude::*;
/// let l = nprs_linalg::cholesky(&array![[4.0, 2.0], [2.0, 5.0]], false)?;
/// assert_eq!(l.to_vec(), vec![2.0, 0.0, 1.0, 2.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions, is not square, or is not
/// positive definite.
pub fn cholesky<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>, upper: bool) -> Result<Array<T::Out>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let n = s.n;
    let out = run(s.count(), n * n, lu_work(n) / 3, |i, o| cholesky_one(s.mat(i), upper, o))?;
    Ok(T::out(shaped(&s.batch, &[n, n], out)?))
}

/// The Cholesky factor of one matrix into the row-major `out` (zeroed on entry).
fn cholesky_one<T: Compute>(a: MatRef<'_, T>, upper: bool, out: &mut [T]) -> Result<()> {
    let n = a.nrows();
    // With `upper`, factor the lower triangle of `a^H` (the conjugated upper triangle of
    // `a`) and return `L^H`.
    let a = if upper { a.transpose() } else { a };
    let conj = |x: T| if upper { x.conjugate() } else { x };
    if n <= SMALL {
        // LAPACK's unblocked `potf2`: column j of L from the dot products of earlier ones.
        let mut buf = Buf::<T>::new(n * n);
        let l = buf.slice(n * n);
        load_col_major(a, l);
        for j in 0..n {
            let mut d = conj(l[j * n + j]).re();
            for k in 0..j {
                let x = l[k * n + j];
                d -= (x.conjugate() * x).re();
            }
            if d <= 0.0 {
                return Err(Error::NotPositiveDefinite);
            }
            let d = d.sqrt();
            l[j * n + j] = T::from_re(d);
            for i in j + 1..n {
                let mut v = conj(l[j * n + i]);
                for k in 0..j {
                    v -= l[k * n + i] * l[k * n + j].conjugate();
                }
                l[j * n + i] = v.scale(1.0 / d);
            }
        }
        for j in 0..n {
            for i in j..n {
                let x = l[j * n + i];
                if upper {
                    out[j * n + i] = x.conjugate();
                } else {
                    out[i * n + j] = x;
                }
            }
        }
    } else {
        let llt = if upper { Llt::new(a.conjugate(), faer::Side::Lower) } else { Llt::new(a, faer::Side::Lower) };
        let llt = llt.map_err(|_| Error::NotPositiveDefinite)?;
        let l = llt.L();
        for j in 0..n {
            for i in j..n {
                let x = l[(i, j)];
                if upper {
                    out[j * n + i] = x.conjugate();
                } else {
                    out[i * n + j] = x;
                }
            }
        }
    }
    Ok(())
}

/// The inverse of `a` as a tensor (`numpy.linalg.tensorinv(a, ind)`): `a` reshaped to a
/// square matrix of `prod(shape[..ind])` rows, inverted, and reshaped to
/// `shape[ind..] + shape[..ind]`.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = nprs_core::identity::<f64>(6)?.into_shape(&[6, 2, 3])?;
/// let ainv = nprs_linalg::tensorinv(&a, 1)?;
/// assert_eq!(ainv.shape(), &[2, 3, 6]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError` "Invalid ind argument." for `ind == 0`; `LinAlgError` when the reshaped
/// matrix is not square or is singular.
pub fn tensorinv<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>, ind: usize) -> Result<Array<T::Out>> {
    if ind == 0 || ind > a.ndim() {
        return Err(Error::TensorInvInd);
    }
    let rows: usize = a.shape()[..ind].iter().product();
    let inv_shape: Vec<isize> = a.shape()[ind..].iter().chain(&a.shape()[..ind]).map(|&d| d as isize).collect();
    let cols = a.size().checked_div(rows).unwrap_or(0);
    let m = a.to_owned().into_shape(&[rows as isize, cols as isize])?;
    Ok(inv(&m)?.into_shape(&inv_shape)?)
}

/// Solves the tensor equation `tensordot(a, x, x.ndim) = b` for `x`
/// (`numpy.linalg.tensorsolve(a, b, axes)`); `axes` are moved to the end of `a` first.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = nprs_core::identity::<f64>(6)?.into_shape(&[6, 2, 3])?;
/// let b = Array::<f64>::arange(6);
/// let x = nprs_linalg::tensorsolve(&a, &b, None)?;
/// assert_eq!(x.shape(), &[2, 3]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `prod(a.shape[b.ndim:]) != prod(a.shape[:b.ndim])` or the system is
/// singular; `AxisError` for a bad axis.
pub fn tensorsolve<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>, axes: Option<&[isize]>) -> Result<Array<T::Out>>
where
    T: LinalgElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let an = a.ndim();
    let mut order: Vec<isize> = (0..an as isize).collect();
    if let Some(axes) = axes {
        for &k in axes {
            let kk = if k < 0 { k + an as isize } else { k };
            let pos =
                order.iter().position(|&x| x == kk).ok_or(nprs_core::Error::AxisOutOfBounds { axis: k, ndim: an })?;
            let v = order.remove(pos);
            order.push(v);
        }
    }
    let a = a.permute_dims(&order)?;
    let keep = an.saturating_sub(b.ndim());
    let old: Vec<usize> = if keep == 0 { a.shape().to_vec() } else { a.shape()[an - keep..].to_vec() };
    let prod: usize = old.iter().product();
    if a.size() != prod * prod {
        return Err(Error::TensorShape);
    }
    let m = a.to_owned().into_shape(&[prod as isize, prod as isize])?;
    let bv = b.to_owned().into_shape(&[-1])?;
    let shape: Vec<isize> = old.iter().map(|&d| d as isize).collect();
    Ok(solve(&m, &bv)?.into_shape(&shape)?)
}
