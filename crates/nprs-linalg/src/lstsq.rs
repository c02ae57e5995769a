//! `pinv`, `matrix_rank` and `lstsq`: everything built on the SVD.

use faer::{MatMut, MatRef, Par};
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, DType, Element};

use crate::batch::{Stack, run, shaped};
use crate::error::{Error, Result};
use crate::scalar::{Compute, LinalgElem};

/// NumPy's default `rcond` of `pinv`.
pub const PINV_RCOND: f64 = 1e-15;

/// Thin SVD `(U (m x k), s (k), V (n x k))` of one matrix, or of a Hermitian one from its
/// eigendecomposition (`U = V_eig`, `s = |w|`, `V = V_eig * sign(w)`).
struct ThinSvd<T> {
    u: faer::Mat<T>,
    s: Vec<f64>,
    v: faer::Mat<T>,
}

fn thin_svd<T: Compute>(a: MatRef<'_, T>, hermitian: bool) -> Result<ThinSvd<T>> {
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    if k == 0 {
        return Ok(ThinSvd { u: faer::Mat::zeros(m, 0), s: vec![], v: faer::Mat::zeros(n, 0) });
    }
    if hermitian {
        // `eigh` reads one triangle only, as NumPy's `pinv(hermitian=True)` does (a NaN in
        // the other triangle changes nothing; one in the triangle makes every vector NaN,
        // and so the result).
        let mut o = vec![T::default(); n + n * n];
        crate::decomp::eigh_into(a, &mut o)?;
        let (w, vecs) = o.split_at(n);
        let u = faer::Mat::from_fn(n, n, |r, c| vecs[r * n + c]);
        let v = faer::Mat::from_fn(n, n, |r, c| vecs[r * n + c].scale(if w[c].re() < 0.0 { -1.0 } else { 1.0 }));
        return Ok(ThinSvd { u, s: w.iter().map(|x| x.re().abs()).collect(), v });
    }
    if !crate::decomp::finite(a) {
        return Err(Error::SvdNotConverged);
    }
    let (s, u, v) = crate::decomp::faer_svd(a, crate::decomp::SvdVectors::Thin)?;
    Ok(ThinSvd { u, s, v })
}

/// One pseudo-inverse `V diag(1/s) U^H` (kept singular values only) into the row-major
/// `n x m` block `o`, as one matrix product.
fn pinv_one<T: Compute>(a: MatRef<'_, T>, rcond: f64, hermitian: bool, par: Par, o: &mut [T]) -> Result<()> {
    let (m, n) = (a.nrows(), a.ncols());
    let mut f = thin_svd(a, hermitian)?;
    if f.s.is_empty() {
        return Ok(());
    }
    let cutoff = rcond * f.s.iter().copied().fold(0.0, f64::max);
    // `P^T = (conj(U) diag(1/s)) V^T`, `U` conjugated and scaled in place (the cut
    // singular values' columns zeroed): the
    // row-major `n x m` block is `P^T` column-major. `V^T` reaches the product row-major,
    // which `split_product` copies column-major first at this size.
    for (c, &sv) in f.s.iter().enumerate() {
        let inv = if sv > cutoff { 1.0 / sv } else { 0.0 };
        f.u.col_as_slice_mut(c).iter_mut().for_each(|x| *x = x.conjugate().scale(inv));
    }
    let dst = MatMut::from_column_major_slice_mut(o, m, n);
    crate::products::split_product(dst, f.u.as_ref(), f.v.transpose(), T::from_re(1.0), par);
    Ok(())
}

/// The Moore–Penrose pseudo-inverse of each matrix (`numpy.linalg.pinv(a, rcond,
/// hermitian)`): singular values at most `rcond` times the largest are treated as zero.
/// `rcond = None` is NumPy's default [`PINV_RCOND`].
///
/// ```
/// use nprs_core::prelude::*;
/// let p = nprs_linalg::pinv(&array![[2.0, 0.0], [0.0, 0.0]], None, false)?;
/// assert_eq!(p.to_vec(), vec![0.5, 0.0, 0.0, 0.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions, or "SVD did not converge" for
/// non-finite input; with `hermitian`, when `a` is not square (a NaN or infinity in the
/// lower triangle then gives NaNs, as in NumPy, and one above it is not read).
pub fn pinv<T: LinalgElem, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    rcond: Option<f64>,
    hermitian: bool,
) -> Result<Array<T::Out>> {
    let rcond = rcond.unwrap_or(PINV_RCOND);
    let ac = T::to_compute(a);
    let s = Stack::matrices(ac.view())?;
    let (m, n) = (s.m, s.n);
    if hermitian && m != n {
        return Err(Error::NotSquare);
    }
    let par = if s.count() == 1 { Par::rayon(0) } else { Par::Seq };
    let out = run(s.count(), n * m, 12 * m * n * m.min(n) + 1, |i, o| pinv_one(s.mat(i), rcond, hermitian, par, o))?;
    Ok(T::out(shaped(&s.batch, &[n, m], out)?))
}

/// The rank of each matrix (`numpy.linalg.matrix_rank(A, tol, hermitian, rtol)`): the
/// number of singular values above `tol`, or above `rtol` times the largest (default
/// `rtol = max(M, N) * eps` of the result precision). Inputs of fewer than two dimensions
/// give 1 unless all zero, as in NumPy.
///
/// ```
/// use nprs_core::prelude::*;
/// let r: i64 = nprs_linalg::matrix_rank(&array![[1.0, 2.0], [2.0, 4.0]], None, None, false)?.item()?;
/// assert_eq!(r, 1);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// "SVD did not converge" for non-finite input; with `hermitian`, `LinAlgError` when the
/// matrices are not square.
pub fn matrix_rank<T: LinalgElem, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    tol: Option<f64>,
    rtol: Option<f64>,
    hermitian: bool,
) -> Result<Array<i64>> {
    let ac = T::to_compute(a);
    let v = ac.view();
    if v.ndim() < 2 {
        let nonzero = v.iter().any(|x| !x.is_zero());
        return Ok(Array::from_elem_0d(i64::from(nonzero)));
    }
    let s = Stack::matrices(v)?;
    let (m, n) = (s.m, s.n);
    if hermitian && m != n {
        return Err(Error::NotSquare);
    }
    let single = <T::RealOut as Element>::DTYPE == DType::Float32;
    let eps = if single { f64::from(f32::EPSILON) } else { f64::EPSILON };
    let out = run(s.count(), 1, 4 * m * n * m.min(n) + 1, |i, o| {
        let mut sv: Vec<f64> = if hermitian {
            // NumPy's `abs(eigvalsh(A))`: the eigenvalues without vectors.
            let mut buf = vec![T::Compute::default(); m];
            crate::decomp::eigvalsh_into(s.mat(i), &mut buf)?;
            buf.iter().map(|x| x.re().abs()).collect()
        } else {
            let mut buf = vec![T::Compute::default(); m.min(n)];
            crate::decomp::svd_values_into(s.mat(i), &mut buf)?;
            buf.iter().map(|x| x.re()).collect()
        };
        if single {
            // NumPy compares the singular values in the result precision.
            sv.iter_mut().for_each(|x| *x = f64::from(*x as f32));
        }
        let t = tol.unwrap_or_else(|| sv.iter().copied().fold(0.0, f64::max) * rtol.unwrap_or(m.max(n) as f64 * eps));
        o[0] = sv.iter().filter(|&&x| x > t).count() as i64;
        Ok(())
    })?;
    shaped(&s.batch, &[], out)
}

/// `lstsq` of one tall (or square) matrix of full column rank through its QR factorisation:
/// the singular values come from `R` alone (`A = QR` has `R`'s), and the solution from
/// `R x = Q^H b` — the minimum-norm least-squares solution when the rank is full, without
/// forming the singular vectors. `None` when the matrix is wide or rank-deficient. The
/// residuals come with it: rows `n..` of `Q^H b` are the part of `b` outside `A`'s range
/// (LAPACK's drivers, and so NumPy, take them from there too). A tall enough matrix is
/// factored in two levels (its row halves, then their triangles), the residuals summed
/// from what each level leaves outside.
#[allow(clippy::type_complexity)]
fn lstsq_qr<T: Compute>(a: MatRef<'_, T>, b: MatRef<'_, T>, rcond: f64) -> Result<Option<Solved<T>>> {
    let (m, n, k) = (a.nrows(), a.ncols(), b.ncols());
    if m < n || n == 0 {
        return Ok(None);
    }
    if !crate::decomp::finite(a) {
        return Err(Error::SvdNotConverged);
    }
    let rhs = faer::Mat::from_fn(m, k, |r, c| b[(r, c)]);
    // The squared parts of `Q^H b` outside `A`'s range, per column of `b`.
    let mut residuals = vec![0.0f64; k];
    let mut outside = |c: faer::MatRef<'_, T>| {
        for (j, s) in residuals.iter_mut().enumerate() {
            *s += c.col(j).iter().map(|v| (v.conjugate() * *v).re()).sum::<f64>();
        }
    };
    let (qr, mut top) =
        if m >= TWO_LEVEL_RATIO * n && m.saturating_mul(n) >= TWO_LEVEL_MIN && rayon::current_num_threads() > 1 {
            // Two halves of the rows factored at once (`A_i = Q_i R_i`), then `[R_0; R_1] = Q R`:
            // `R` as one factorisation gives it up to the signs of its rows, and the same
            // solution; the factorisation is the longest step, and one runs on one thread.
            let h = m / 2;
            let (mut c0, mut c1) = (rhs.as_ref().subrows(0, h).to_owned(), rhs.as_ref().subrows(h, m - h).to_owned());
            let half = |a: MatRef<'_, T>, c: &mut faer::Mat<T>| {
                let f = crate::decomp::HouseholderQr::new(a);
                f.apply_qh(c.as_mut());
                f
            };
            let (f0, f1) = rayon::join(|| half(a.subrows(0, h), &mut c0), || half(a.subrows(h, m - h), &mut c1));
            outside(c0.as_ref().subrows(n, h - n));
            outside(c1.as_ref().subrows(n, m - h - n));
            let stacked = faer::Mat::from_fn(2 * n, n, |r, c| if r < n { f0.r()[(r, c)] } else { f1.r()[(r - n, c)] });
            let tops = faer::Mat::from_fn(2 * n, k, |r, c| if r < n { c0[(r, c)] } else { c1[(r - n, c)] });
            (crate::decomp::HouseholderQr::new(stacked.as_ref()), tops)
        } else {
            (crate::decomp::HouseholderQr::new(a), rhs)
        };
    let sv = crate::decomp::singular_values(qr.r())?;
    let cutoff = rcond * sv.iter().copied().fold(0.0, f64::max);
    let rank = sv.iter().filter(|&&x| x > cutoff).count();
    if rank < n {
        return Ok(None);
    }
    qr.solve_lstsq_in_place(top.as_mut());
    let rows = top.nrows();
    outside(top.as_ref().subrows(n, rows - n));
    let x = (0..n).flat_map(|r| (0..k).map(move |c| (r, c))).map(|(r, c)| top[(r, c)]).collect();
    let residuals = if m > n { residuals } else { Vec::new() };
    Ok(Some((x, sv, rank, Some(residuals))))
}

/// `lstsq` factors the two halves of a matrix's rows apart (then their stacked triangles)
/// when it has at least this many times more rows than columns...
const TWO_LEVEL_RATIO: usize = 4;
/// ... and at least this many elements.
const TWO_LEVEL_MIN: usize = 1 << 16;

/// One solution: `x` (row-major `n x k`), the singular values, the rank, and the residuals
/// when the method gave them.
type Solved<T> = (Vec<T>, Vec<f64>, usize, Option<Vec<f64>>);

/// `lstsq` of one matrix through its SVD: `x = V diag(1/s) U^H b` over the singular values
/// above the cut-off.
#[allow(clippy::type_complexity)]
fn lstsq_svd<T: Compute>(a1: MatRef<'_, T>, b1: MatRef<'_, T>, rcond: f64) -> Result<(Vec<T>, Vec<f64>, usize)> {
    let (m, n, k) = (a1.nrows(), a1.ncols(), b1.ncols());
    let f = thin_svd(a1, false)?;
    let cutoff = rcond * f.s.iter().copied().fold(0.0, f64::max);
    let rank = f.s.iter().filter(|&&x| x > cutoff).count();
    let fk = f.s.len();
    let mut x = vec![T::default(); n * k];
    for c in 0..k {
        let mut y = vec![T::default(); fk];
        for (j, yj) in y.iter_mut().enumerate() {
            if f.s[j] > cutoff {
                let mut acc = T::default();
                for r in 0..m {
                    acc += f.u[(r, j)].conjugate() * b1[(r, c)];
                }
                *yj = acc.scale(1.0 / f.s[j]);
            }
        }
        for r in 0..n {
            let mut acc = T::default();
            for (j, &yj) in y.iter().enumerate() {
                acc += f.v[(r, j)] * yj;
            }
            x[r * k + c] = acc;
        }
    }
    Ok((x, f.s, rank))
}

/// `lstsq`'s result: `(x, residuals, rank, s)`.
pub type LstsqResult<T> =
    (Array<<T as LinalgElem>::Out>, Array<<T as LinalgElem>::RealOut>, i32, Array<<T as LinalgElem>::RealOut>);

/// The least-squares solution of `a @ x = b` (`numpy.linalg.lstsq(a, b, rcond)`), with
/// the residuals (squared 2-norms of each column of `b - a @ x`, only when `a` has full
/// column rank and more rows than columns; empty otherwise), the rank of `a` and its
/// singular values. Singular values at most `rcond` times the largest count as zero; `None`
/// is NumPy's default `eps * max(M, N)`. `a` is `(M, N)`, `b` is `(M,)` or `(M, K)`; no
/// batching (as in NumPy).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]];
/// let (x, res, rank, _s) = nprs_linalg::lstsq(&a, &array![1.0, 2.0, 2.0], None)?;
/// assert_eq!(rank, 2);
/// let x: Vec<f64> = x.to_vec();
/// assert!((x[0] - 7.0 / 6.0).abs() < 1e-12 && (x[1] - 0.5).abs() < 1e-12);
/// assert_eq!(res.shape(), &[1]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` or `b` has the wrong number of dimensions, their row counts
/// differ, or the input is not finite ("SVD did not converge").
pub fn lstsq<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>, rcond: Option<f64>) -> Result<LstsqResult<T>>
where
    T: LinalgElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let (ac, bc) = (T::to_compute(a), T::to_compute(b));
    let (av, bv) = (ac.view(), bc.view());
    let vector = bv.ndim() == 1;
    for nd in [av.ndim(), bv.ndim() + usize::from(vector)] {
        if nd != 2 {
            return Err(Error::NotTwoDims { ndim: nd });
        }
    }
    let sa = Stack::matrices(av)?;
    let sb = if vector { Stack::vectors(&bv)? } else { Stack::matrices(bv)? };
    let (m, n, k) = (sa.m, sa.n, sb.n);
    if sb.m != m {
        return Err(Error::IncompatibleDims);
    }
    let (a1, b1) = (sa.mat(0), sb.mat(0));
    let rcond = rcond.unwrap_or(f64::EPSILON * m.max(n) as f64);
    let (x, sv, rank, from_qr) = match lstsq_qr(a1, b1, rcond)? {
        Some(r) => r,
        None => {
            let (x, sv, rank) = lstsq_svd(a1, b1, rcond)?;
            (x, sv, rank, None)
        }
    };
    let residuals: Vec<f64> = if let Some(r) = from_qr {
        r
    } else if rank == n && m > n {
        (0..k)
            .map(|c| {
                (0..m)
                    .map(|r| {
                        let mut ax = T::Compute::default();
                        for j in 0..n {
                            ax += a1[(r, j)] * x[j * k + c];
                        }
                        let d = b1[(r, c)] - ax;
                        (d.conjugate() * d).re()
                    })
                    .sum()
            })
            .collect()
    } else {
        Vec::new()
    };
    let xs = if vector { Array::from_shape_vec(&[n], x)? } else { Array::from_shape_vec(&[n, k], x)? };
    let nres = residuals.len();
    Ok((
        T::out(xs),
        T::real_out(Array::from_shape_vec(&[nres], residuals)?),
        rank as i32,
        T::real_out(Array::from_shape_vec(&[sv.len()], sv)?),
    ))
}
