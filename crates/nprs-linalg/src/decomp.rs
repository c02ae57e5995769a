//! Decompositions: `eigh`/`eigvalsh`, `svd`/`svdvals`, `qr`, `eig`/`eigvals`; batched.
//!
//! Eigenvectors and singular vectors are unique only up to a sign (real) or a phase
//! (complex) per vector. The SVD of a real matrix whose smaller side is at most 25 takes
//! LAPACK's `dgesdd` steps (`lapack_steps`), and `eigh` of a real matrix up to 25 x 25 takes
//! `dsyevd`'s, so both have NumPy's signs; elsewhere nprs
//! returns faer's choice, which can differ from LAPACK's (see `docs/deviations.md`). Values (eigenvalues, singular values, `R`'s magnitudes) and
//! every reconstruction agree with NumPy to rounding.

use faer::MatRef;
use faer::dyn_stack::{MemBuffer, MemStack};
use faer::reborrow::ReborrowMut;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, C128};
use rayon::prelude::*;

use crate::batch::{Stack, run, shaped};
use crate::error::{Error, Result};
use crate::scalar::{Compute, LinalgElem};

/// Which triangle of a Hermitian matrix is read (`UPLO`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Uplo {
    /// The lower triangle (`'L'`, NumPy's default).
    #[default]
    Lower,
    /// The upper triangle (`'U'`).
    Upper,
}

/// `numpy.linalg.qr`'s modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum QrMode {
    /// `Q` of shape `(M, K)`, `R` of shape `(K, N)`, `K = min(M, N)` (NumPy's default).
    #[default]
    Reduced,
    /// `Q` of shape `(M, M)`, `R` of shape `(M, N)`.
    Complete,
    /// `R` alone, `(K, N)`.
    R,
}

/// Whether every element of `m` is finite.
pub(crate) fn finite<T: Compute>(m: MatRef<'_, T>) -> bool {
    // Along the unit stride (a row-major matrix row by row), so that the reads are
    // sequential.
    if m.col_stride().unsigned_abs() == 1 && m.row_stride().unsigned_abs() != 1 {
        (0..m.nrows()).all(|i| (0..m.ncols()).all(|j| T::is_finite(&m[(i, j)])))
    } else {
        (0..m.ncols()).all(|j| (0..m.nrows()).all(|i| T::is_finite(&m[(i, j)])))
    }
}

/// Whether every element the Hermitian routines read is finite: the triangle `uplo` names
/// and the diagonal's real parts. LAPACK reads nothing else, so a NaN in the other triangle
/// changes nothing in NumPy either.
fn triangle_finite<T: Compute>(a: MatRef<'_, T>, uplo: Uplo) -> bool {
    let n = a.nrows();
    (0..n).all(|i| {
        a[(i, i)].re().is_finite()
            && match uplo {
                Uplo::Lower => (0..i).all(|j| a[(i, j)].is_finite()),
                Uplo::Upper => (i + 1..n).all(|j| a[(i, j)].is_finite()),
            }
    })
}

/// The side of the square tiles in which the copies between row-major and column-major
/// matrices run, so that each touches few cache lines per tile.
const TILE: usize = 32;

/// The order from which the copies run on the threads (a copy of order 1,024 took 4.5 ms
/// on one).
const COPY_PAR_MIN: usize = 256;

/// The lower triangle (all the reduction reads), column-major, of the Hermitian matrix one
/// triangle of `a` defines, its diagonal's imaginary parts dropped, as LAPACK's `heevd`
/// reads it.
fn hermitian_lower<T: Compute>(a: MatRef<'_, T>, uplo: Uplo) -> faer::Mat<T> {
    let n = a.nrows();
    let mut h = faer::Mat::<T>::zeros(n, n);
    let band = |(b, mut h): (usize, faer::MatMut<'_, T>)| {
        let j0 = b * TILE;
        let j1 = j0 + h.ncols();
        for i0 in (j0..n).step_by(TILE) {
            let i1 = (i0 + TILE).min(n);
            for j in j0..j1 {
                let col = h.rb_mut().col_mut(j - j0).try_as_col_major_mut().expect("a column").as_slice_mut();
                let rows = i0.max(j + 1)..i1;
                match uplo {
                    Uplo::Lower => rows.for_each(|i| col[i] = a[(i, j)]),
                    Uplo::Upper => rows.for_each(|i| col[i] = a[(j, i)].conjugate()),
                }
            }
        }
        for j in j0..j1 {
            h[(j, j - j0)] = T::from_re(a[(j, j)].re());
        }
    };
    if n >= COPY_PAR_MIN {
        h.par_col_chunks_mut(TILE).enumerate().for_each(band);
    } else {
        for j0 in (0..n).step_by(TILE) {
            band((j0 / TILE, h.as_mut().subcols_mut(j0, TILE.min(n - j0))));
        }
    }
    h
}

/// Copies the column-major `u` into `o`, row-major, in bands of [`TILE`] rows (on the
/// threads from [`COPY_PAR_MIN`] rows).
fn to_row_major<T: Compute>(u: &faer::Mat<T>, o: &mut [T]) {
    let (rows, cols) = (u.nrows(), u.ncols());
    if cols == 0 {
        return;
    }
    let band = |(b, o): (usize, &mut [T])| {
        let r0 = b * TILE;
        let r1 = r0 + o.len() / cols;
        for c0 in (0..cols).step_by(TILE) {
            for c in c0..(c0 + TILE).min(cols) {
                for (r, &x) in u.col_as_slice(c)[r0..r1].iter().enumerate() {
                    o[r * cols + c] = x;
                }
            }
        }
    };
    if rows >= COPY_PAR_MIN {
        o.par_chunks_mut(TILE * cols).enumerate().for_each(band);
    } else {
        o.chunks_mut(TILE * cols).enumerate().for_each(band);
    }
}

/// Splits per-matrix blocks `[part0 | part1 | ...]` of `out` into one vector per part.
fn split<T: Copy>(out: &[T], count: usize, sizes: &[usize]) -> Vec<Vec<T>> {
    let per: usize = sizes.iter().sum();
    let mut parts: Vec<Vec<T>> = sizes.iter().map(|&s| Vec::with_capacity(s * count)).collect();
    for i in 0..count {
        let mut off = i * per;
        for (p, &s) in parts.iter_mut().zip(sizes) {
            p.extend_from_slice(&out[off..off + s]);
            off += s;
        }
    }
    parts
}

fn reals<T: Compute>(v: &[T]) -> Vec<f64> {
    v.iter().map(|x| x.re()).collect()
}

/// Eigenvalues (ascending) and eigenvectors of one Hermitian matrix into
/// `o = [w (n, as T) | V (n x n row-major)]`; `vectors = false` leaves `V` out.
fn eigh_one<T: Compute>(a: MatRef<'_, T>, uplo: Uplo, vectors: bool, o: &mut [T]) -> Result<()> {
    let n = a.nrows();
    if n == 0 {
        return Ok(());
    }
    if !triangle_finite(a, uplo) {
        o.fill(T::from_re(f64::NAN));
        return Ok(());
    }
    if vectors && !T::IS_COMPLEX && n <= crate::lapack_steps::MAX_SMALL {
        // LAPACK's `dsyevd` steps, so that the vectors carry NumPy's signs.
        let vals: Vec<f64> = (0..n).flat_map(|r| (0..n).map(move |c| a[(r, c)].re())).collect();
        let lower = uplo == Uplo::Lower;
        let (w, z) = crate::lapack_steps::eigh_small(&vals, n, lower).map_err(|_| Error::EigenvaluesNotConverged)?;
        for (o, w) in o.iter_mut().zip(&w) {
            *o = T::from_re(*w);
        }
        for (o, z) in o[n..n + n * n].iter_mut().zip(&z) {
            *o = T::from_re(*z);
        }
        return Ok(());
    }
    let h = hermitian_lower(a, uplo);
    let reduced = Tridiagonal::new(h, vectors);
    if vectors {
        let (w, u) = reduced.eigen()?;
        for (o, w) in o.iter_mut().zip(w) {
            *o = T::from_re(w);
        }
        to_row_major(&u, &mut o[n..n + n * n]);
    } else {
        for (o, w) in o.iter_mut().zip(reduced.values()?) {
            *o = T::from_re(w);
        }
    }
    Ok(())
}

/// The order from which a tridiagonal's eigenvalues alone come from the divide and conquer
/// ([`crate::divide::values`], on the pool) rather than `dsterf` (one chain of divisions):
/// `eigvalsh`, medians of 15, `dsterf` / divide and conquer: 2.55 / 2.75 ms at 256,
/// 12.0 / 10.9 ms at 512, 71.0 / 59.5 ms at 1,024.
const VALUES_DIVIDE_MIN: usize = 512;

/// A Hermitian matrix reduced to a tridiagonal `Q^H A Q` by the blocked Householder
/// reduction of its lower triangle ([`crate::tridiag`]), as LAPACK's `hetrd` reduces it.
struct Tridiagonal<T: Compute> {
    /// The diagonal and the subdiagonal, with the reflectors' vectors below it.
    t: faer::Mat<T>,
    /// The reflectors' block coefficients, as faer's block reflector routines take them
    /// (built only for the eigenvectors).
    coeffs: faer::Mat<T>,
}

impl<T: Compute> Tridiagonal<T> {
    /// Reduces `t`, whose lower triangle (all that is read) holds the matrix; `vectors`
    /// keeps what the eigenvectors need.
    fn new(mut t: faer::Mat<T>, vectors: bool) -> Self {
        let n = t.nrows();
        let mut taus = vec![0.0; n.saturating_sub(1)];
        crate::tridiag::reduce(t.as_mut(), &mut taus);
        if !vectors || n < 2 {
            return Self { t, coeffs: faer::Mat::zeros(0, 0) };
        }
        // faer's block coefficients: each block's reflectors' `tau` on its diagonal, then
        // the triangular factor built from them and the vectors.
        let block = faer::linalg::qr::no_pivoting::factor::recommended_block_size::<T>(n, n);
        let mut coeffs = faer::Mat::<T>::zeros(block, n - 1);
        let vectors = t.as_ref().submatrix(1, 0, n - 1, n - 1);
        let mut j = 0;
        while j < n - 1 {
            let b = block.min(n - 1 - j);
            let mut h = coeffs.as_mut().submatrix_mut(0, j, b, b);
            for k in 0..b {
                h[(k, k)] = T::from_re(taus[j + k]);
            }
            faer::linalg::householder::upgrade_householder_factor(
                h,
                vectors.submatrix(j, j, n - 1 - j, b),
                b,
                1,
                faer::get_global_parallelism(),
            );
            j += b;
        }
        Self { t, coeffs }
    }

    /// The eigenvalues, ascending, by `dsterf` (`lapack_steps::tridiagonal_values`), as
    /// LAPACK's `heevd` finds them without vectors, or from order [`VALUES_DIVIDE_MIN`] by
    /// the values-only divide and conquer. A complex Hermitian tridiagonal's
    /// subdiagonal is made real by a diagonal unitary similarity, which keeps its moduli.
    /// (faer's own values-only iteration, with rotations, took 35–40 ms of the 100–110 at
    /// order 1,024; `dsterf` about 15.)
    fn values(&self) -> Result<Vec<f64>> {
        let (t, n) = (&self.t, self.t.nrows());
        let mut d: Vec<f64> = (0..n).map(|i| t[(i, i)].re()).collect();
        let mut e: Vec<f64> =
            (1..n).map(|i| if T::IS_COMPLEX { t[(i, i - 1)].modulus() } else { t[(i, i - 1)].re() }).collect();
        if n >= VALUES_DIVIDE_MIN {
            crate::divide::values(&mut d, &e)
        } else {
            crate::lapack_steps::tridiagonal_values(&mut d, &mut e)
        }
        .map_err(|_| Error::EigenvaluesNotConverged)?;
        Ok(d)
    }

    /// The eigenvalues, ascending, and the eigenvectors (columns): the tridiagonal's by
    /// divide and conquer ([`crate::divide`]), taken back through the reflectors on the
    /// pool. A complex Hermitian tridiagonal is `P R P^H` with `R` real (the moduli of the
    /// subdiagonal) and `P` diagonal unitary, `p_0 = 1`, `p_{i+1} = p_i t_{i+1,i} /
    /// |t_{i+1,i}|`: its vectors are `R`'s with row `i` times `p_i`.
    fn eigen(&self) -> Result<(Vec<f64>, faer::Mat<T>)> {
        use faer::linalg::householder::{
            apply_block_householder_sequence_on_the_left_in_place_scratch as scratch,
            apply_block_householder_sequence_on_the_left_in_place_with_conj as apply,
        };
        let (t, n) = (&self.t, self.t.nrows());
        let mut d: Vec<f64> = (0..n).map(|i| t[(i, i)].re()).collect();
        let e: Vec<f64> =
            (1..n).map(|i| if T::IS_COMPLEX { t[(i, i - 1)].modulus() } else { t[(i, i - 1)].re() }).collect();
        let z = crate::divide::eigen(&mut d, &e).map_err(|_| Error::EigenvaluesNotConverged)?;
        // A real matrix's vectors are the tridiagonal's as they are (`T` is `f64`).
        let mut u = match (Box::new(z) as Box<dyn std::any::Any>).downcast::<faer::Mat<T>>() {
            Ok(u) => *u,
            Err(z) => {
                let z = z.downcast::<faer::Mat<f64>>().expect("the tridiagonal's vectors");
                let mut phase = vec![T::from_re(1.0); n];
                for i in 1..n {
                    let b = t[(i, i - 1)];
                    let m = b.modulus();
                    phase[i] = if m == 0.0 { phase[i - 1] } else { phase[i - 1] * b.scale(1.0 / m) };
                }
                faer::Mat::<T>::from_fn(n, n, |i, j| phase[i].scale(z[(i, j)]))
            }
        };
        if n > 1 {
            let mut mem = MemBuffer::new(scratch::<T>(n - 1, self.coeffs.nrows(), n));
            apply(
                t.as_ref().submatrix(1, 0, n - 1, n - 1),
                self.coeffs.as_ref(),
                faer::Conj::No,
                u.as_mut().subrows_mut(1, n - 1),
                faer::get_global_parallelism(),
                MemStack::new(&mut mem),
            );
        }
        Ok((d, u))
    }
}

/// `eigh`'s result: eigenvalues (ascending, real) and eigenvectors (columns).
pub type EighResult<T> = (Array<<T as LinalgElem>::RealOut>, Array<<T as LinalgElem>::Out>);

/// Eigenvalues and eigenvectors of Hermitian (real symmetric) matrices
/// (`numpy.linalg.eigh(a, UPLO)`), reading one triangle; eigenvalues ascending, eigenvectors
/// in the columns of the second array (`a @ v = v * w`). For real matrices up to 25 x 25 the
/// eigenvectors are LAPACK's, signs included.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_linalg::{Uplo, eigh};
/// let (w, v) = eigh(&array![[2.0, 1.0], [1.0, 2.0]], Uplo::Lower)?;
/// let w: Vec<f64> = w.to_vec();
/// assert!((w[0] - 1.0).abs() < 1e-12 && (w[1] - 3.0).abs() < 1e-12);
/// assert_eq!(v.shape(), &[2, 2]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions or is not square.
pub fn eigh<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>, uplo: Uplo) -> Result<EighResult<T>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let n = s.n;
    let out = run(s.count(), n + n * n, 9 * n * n * n + 1, |i, o| eigh_one(s.mat(i), uplo, true, o))?;
    let mut parts = split(&out, s.count(), &[n, n * n]);
    let w = shaped(&s.batch, &[n], reals(&parts[0]))?;
    let v = shaped(&s.batch, &[n, n], std::mem::take(&mut parts[1]))?;
    Ok((T::real_out(w), T::out(v)))
}

/// Eigenvalues of Hermitian matrices, ascending (`numpy.linalg.eigvalsh(a, UPLO)`).
///
/// ```
/// use nprs_core::prelude::*;
/// let w = nprs_linalg::eigvalsh(&array![[2.0, 1.0], [1.0, 2.0]], nprs_linalg::Uplo::Lower)?;
/// assert_eq!(w.shape(), &[2]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions or is not square.
pub fn eigvalsh<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>, uplo: Uplo) -> Result<Array<T::RealOut>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let n = s.n;
    let out = run(s.count(), n, 4 * n * n * n + 1, |i, o| eigh_one(s.mat(i), uplo, false, o))?;
    Ok(T::real_out(shaped(&s.batch, &[n], reals(&out))?))
}

/// One SVD into `o = [s (k) | U (m x ku) | Vh (kv x n)]`.
fn svd_one<T: Compute>(a: MatRef<'_, T>, full: bool, uv: bool, o: &mut [T]) -> Result<()> {
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    let (ku, kv) = if full { (m, n) } else { (k, k) };
    if k == 0 {
        if uv {
            // Identity factors for the non-empty side, as LAPACK's drivers return.
            for i in 0..ku.min(m) {
                o[k + i * ku + i] = T::from_re(1.0);
            }
            let off = k + m * ku;
            for i in 0..kv.min(n) {
                o[off + i * n + i] = T::from_re(1.0);
            }
        }
        return Ok(());
    }
    if !finite(a) {
        return Err(Error::SvdNotConverged);
    }
    if !uv {
        let s = singular_values(a)?;
        for (o, s) in o.iter_mut().zip(s) {
            *o = T::from_re(s);
        }
        return Ok(());
    }
    if !T::IS_COMPLEX && k <= crate::lapack_steps::MAX_SMALL {
        // LAPACK's steps, so that the vectors carry NumPy's signs.
        let vals: Vec<f64> = (0..m).flat_map(|r| (0..n).map(move |c| a[(r, c)].re())).collect();
        let (s, u, vt) = crate::lapack_steps::svd_full(&vals, m, n).map_err(|_| Error::SvdNotConverged)?;
        for i in 0..k {
            o[i] = T::from_re(s[i]);
        }
        for r in 0..m {
            for c in 0..ku {
                o[k + r * ku + c] = T::from_re(u[r * m + c]);
            }
        }
        let off = k + m * ku;
        for (o, v) in o[off..off + kv * n].iter_mut().zip(&vt) {
            *o = T::from_re(*v);
        }
        return Ok(());
    }
    let (s, u, v) = faer_svd(a, if full { SvdVectors::Full } else { SvdVectors::Thin })?;
    for i in 0..k {
        o[i] = T::from_re(s[i]);
    }
    to_row_major(&u, &mut o[k..k + m * ku]);
    let off = k + m * ku;
    for r in 0..kv {
        for c in 0..n {
            o[off + r * n + c] = v[(c, r)].conjugate();
        }
    }
    Ok(())
}

/// Largest `min(m, n)` whose singular values are computed on one thread: faer's
/// bidiagonalisation shares out one small update per column, and on two cores the
/// hand-offs cost more than they save up to about this size (values only, best of 5:
/// 18.9 against 21.5 ms at 500, 58.8 against 62.7 ms at 768, 142 against 149 ms at 1024;
/// at 2048 two threads win, 923 against 1443 ms).
const SVD_VALUES_SEQ_MAX: usize = 1024;

/// faer's Householder QR of one matrix (`A = Q R`), the factorisation always on one thread:
/// on two cores faer's shared factorisation lost at every shape measured (best of 5: 2.3
/// against 10.7 ms at 512 x 512, 14.9 against 18.9 at 1024 x 1024, 24 against 28 at
/// 4000 x 500, 36 against 41 at 2000 x 1000).
pub(crate) struct HouseholderQr<T: Compute> {
    /// The reflectors: unit lower trapezoidal, `m x min(m, n)`.
    basis: faer::Mat<T>,
    /// faer's block coefficients of the reflectors.
    coeff: faer::Mat<T>,
    /// `R`: upper trapezoidal, `min(m, n) x n`.
    r: faer::Mat<T>,
}

impl<T: Compute> HouseholderQr<T> {
    pub(crate) fn new(a: MatRef<'_, T>) -> Self {
        use faer::linalg::qr::no_pivoting::factor::{qr_in_place, qr_in_place_scratch, recommended_block_size};
        let (m, n) = (a.nrows(), a.ncols());
        let k = m.min(n);
        let block = recommended_block_size::<T>(m, n).max(1);
        let mut qr = a.to_owned();
        let mut coeff = faer::Mat::<T>::zeros(block, k);
        let par = faer::Par::Seq;
        let mut mem = MemBuffer::new(qr_in_place_scratch::<T>(m, n, block, par, Default::default()));
        qr_in_place(qr.as_mut(), coeff.as_mut(), par, MemStack::new(&mut mem), Default::default());
        let one = T::from_re(1.0);
        let basis = faer::Mat::from_fn(m, k, |i, j| match i.cmp(&j) {
            std::cmp::Ordering::Greater => qr[(i, j)],
            std::cmp::Ordering::Equal => one,
            std::cmp::Ordering::Less => T::default(),
        });
        let r = faer::Mat::from_fn(k, n, |i, j| if i <= j { qr[(i, j)] } else { T::default() });
        HouseholderQr { basis, coeff, r }
    }

    /// `R`, `min(m, n) x n`.
    pub(crate) fn r(&self) -> MatRef<'_, T> {
        self.r.as_ref()
    }

    /// The first `cols` columns of `Q` (`m` for the complete `Q`, `min(m, n)` for the thin
    /// one).
    pub(crate) fn q(&self, cols: usize) -> faer::Mat<T> {
        use faer::linalg::householder::{
            apply_block_householder_sequence_on_the_left_in_place_scratch as scratch,
            apply_block_householder_sequence_on_the_left_in_place_with_conj as apply,
        };
        let m = self.basis.nrows();
        let mut q = faer::Mat::<T>::identity(m, cols);
        let par = faer::get_global_parallelism();
        let mut mem = MemBuffer::new(scratch::<T>(m, self.coeff.nrows(), cols));
        apply(self.basis.as_ref(), self.coeff.as_ref(), faer::Conj::No, q.as_mut(), par, MemStack::new(&mut mem));
        q
    }

    /// `rhs <- Q^H rhs` (`rhs` has `m` rows).
    pub(crate) fn apply_qh(&self, rhs: faer::MatMut<'_, T>) {
        use faer::linalg::householder::{
            apply_block_householder_sequence_transpose_on_the_left_in_place_scratch as scratch,
            apply_block_householder_sequence_transpose_on_the_left_in_place_with_conj as apply,
        };
        let mut mem = MemBuffer::new(scratch::<T>(self.basis.nrows(), self.coeff.nrows(), rhs.ncols()));
        apply(self.basis.as_ref(), self.coeff.as_ref(), faer::Conj::Yes, rhs, faer::Par::Seq, MemStack::new(&mut mem));
    }

    /// `rhs <- Q^H rhs`, then the first `n` rows solved against `R` (a tall or square matrix
    /// of full rank): the least-squares solution in those rows, the residual's part in the
    /// rest.
    pub(crate) fn solve_lstsq_in_place(&self, rhs: faer::MatMut<'_, T>) {
        let mut rhs = rhs;
        self.apply_qh(rhs.as_mut());
        let (n, k) = (self.r.ncols(), rhs.ncols());
        faer::linalg::triangular_solve::solve_upper_triangular_in_place(
            self.r.as_ref().submatrix(0, 0, n, n),
            rhs.submatrix_mut(0, 0, n, k),
            faer::Par::Seq,
        );
    }
}

/// Largest `min(m, n)` whose singular vectors are computed on one thread. Above it faer's
/// SVD gets the pool, but its bidiagonalisation is kept on one thread (its per-column
/// sharing lost to one thread at every size): faer's SVD of a square matrix with vectors,
/// median of 7 to 15, one thread / the pool / the pool with the bidiagonalisation on one
/// thread: 26 / 39 / 28 ms at 384, 60 / 76 / 51 ms at 512, 189 / 193 / 166 ms at 768,
/// 433 / 365 / 362 ms at 1,024.
const SVD_VECTORS_SEQ_MAX: usize = 384;

/// Which singular vectors [`faer_svd`] computes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SvdVectors {
    /// None: the values only.
    No,
    /// `U` `m x k` and `V` `n x k`.
    Thin,
    /// `U` `m x m` and `V` `n x n`.
    Full,
}

/// faer's SVD of one finite matrix: the singular values (descending) and, when asked for,
/// `U` and `V` (not `V^H`), on one thread up to the sizes where that is faster.
///
/// # Errors
/// [`Error::SvdNotConverged`] when the iteration does not converge.
pub(crate) fn faer_svd<T: Compute>(
    a: MatRef<'_, T>,
    vectors: SvdVectors,
) -> Result<(Vec<f64>, faer::Mat<T>, faer::Mat<T>)> {
    use faer::linalg::svd::{ComputeSvdVectors, svd, svd_scratch};
    let (m, n) = (a.nrows(), a.ncols());
    let k = m.min(n);
    let (want, seq_max, (um, vn)) = match vectors {
        SvdVectors::No => (ComputeSvdVectors::No, SVD_VALUES_SEQ_MAX, (0, 0)),
        SvdVectors::Thin => (ComputeSvdVectors::Thin, SVD_VECTORS_SEQ_MAX, (k, k)),
        SvdVectors::Full => (ComputeSvdVectors::Full, SVD_VECTORS_SEQ_MAX, (m, n)),
    };
    let par = if k <= seq_max { faer::Par::Seq } else { faer::get_global_parallelism() };
    let mut params: faer::Spec<faer::linalg::svd::SvdParams, T> = Default::default();
    if vectors != SvdVectors::No {
        params.bidiag.par_threshold = usize::MAX;
    }
    let mut s = faer::diag::Diag::<T>::zeros(k);
    let (mut u, mut v) = (faer::Mat::<T>::zeros(m, um), faer::Mat::<T>::zeros(n, vn));
    let (uo, vo) = if vectors == SvdVectors::No { (None, None) } else { (Some(u.as_mut()), Some(v.as_mut())) };
    let mut mem = MemBuffer::new(svd_scratch::<T>(m, n, want, want, par, params));
    svd(a, s.as_mut(), uo, vo, par, MemStack::new(&mut mem), params).map_err(|_| Error::SvdNotConverged)?;
    Ok((s.column_vector().iter().map(|x| x.re()).collect(), u, v))
}

/// The singular values of one finite matrix, descending (faer's SVD without vectors).
///
/// # Errors
/// [`Error::SvdNotConverged`] when the iteration does not converge.
pub(crate) fn singular_values<T: Compute>(a: MatRef<'_, T>) -> Result<Vec<f64>> {
    if !T::IS_COMPLEX && a.nrows().min(a.ncols()) >= crate::two_stage::MIN_ORDER {
        return crate::two_stage::singular_values(a);
    }
    Ok(faer_svd(a, SvdVectors::No)?.0)
}

/// Eigenvalues (as `T`) and eigenvectors of one Hermitian matrix (lower triangle) into
/// `o = [w (n) | V (n x n row-major)]`.
pub(crate) fn eigh_into<T: Compute>(a: MatRef<'_, T>, o: &mut [T]) -> Result<()> {
    eigh_one(a, Uplo::Lower, true, o)
}

/// The eigenvalues (ascending) of one Hermitian matrix (lower triangle) into `o`.
pub(crate) fn eigvalsh_into<T: Compute>(a: MatRef<'_, T>, o: &mut [T]) -> Result<()> {
    eigh_one(a, Uplo::Lower, false, o)
}

/// The singular values of one matrix (descending) into `o` (`min(m, n)` long).
pub(crate) fn svd_values_into<T: Compute>(a: MatRef<'_, T>, o: &mut [T]) -> Result<()> {
    svd_one(a, false, false, o)
}

/// `svd`'s result: `(U, S, Vh)`.
pub type SvdResult<T> =
    (Array<<T as LinalgElem>::Out>, Array<<T as LinalgElem>::RealOut>, Array<<T as LinalgElem>::Out>);

/// The singular value decomposition `a = U @ diag(S) @ Vh` of each matrix
/// (`numpy.linalg.svd(a, full_matrices, compute_uv=True, hermitian)`); singular values
/// descending. With `hermitian`, `a` is taken as Hermitian and the decomposition comes from
/// its eigendecomposition, as NumPy does.
///
/// For real matrices with `min(M, N) <= 25` the vectors are LAPACK's, signs included (the
/// steps of `dgesdd`); larger and complex matrices get faer's, whose signs/phases may differ.
///
/// ```
/// use nprs_core::prelude::*;
/// let (u, s, vh) = nprs_linalg::svd(&array![[3.0, 0.0], [0.0, -2.0], [0.0, 0.0]], true, false)?;
/// assert_eq!((u.shape(), s.to_vec(), vh.shape()), (&[3usize, 3][..], vec![3.0, 2.0], &[2usize, 2][..]));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions ("SVD did not converge" for
/// non-finite input, as LAPACK reports).
pub fn svd<T: LinalgElem, S: Data<Elem = T>>(
    a: &ArrayBase<S>,
    full_matrices: bool,
    hermitian: bool,
) -> Result<SvdResult<T>> {
    let ac = T::to_compute(a);
    let s = Stack::matrices(ac.view())?;
    let (m, n) = (s.m, s.n);
    let k = m.min(n);
    if hermitian {
        if m != n {
            return Err(Error::NotSquare);
        }
        return svd_hermitian::<T>(&s);
    }
    let (ku, kv) = if full_matrices { (m, n) } else { (k, k) };
    let sizes = [k, m * ku, kv * n];
    let per = sizes.iter().sum();
    let out = run(s.count(), per, 12 * m * n * k + 1, |i, o| svd_one(s.mat(i), full_matrices, true, o))?;
    let mut parts = split(&out, s.count(), &sizes);
    let sv = shaped(&s.batch, &[k], reals(&parts[0]))?;
    let u = shaped(&s.batch, &[m, ku], std::mem::take(&mut parts[1]))?;
    let vh = shaped(&s.batch, &[kv, n], std::mem::take(&mut parts[2]))?;
    Ok((T::out(u), T::real_out(sv), T::out(vh)))
}

/// NumPy's Hermitian SVD: `s = |w|` sorted descending, `U` the eigenvectors in that order,
/// `Vh = (U * sign(w))^H`.
fn svd_hermitian<T: LinalgElem>(s: &Stack<'_, T::Compute>) -> Result<SvdResult<T>> {
    let n = s.n;
    let out = run(s.count(), n + 2 * n * n, 9 * n * n * n + 1, |i, o| {
        let (head, vh) = o.split_at_mut(n + n * n);
        eigh_one(s.mat(i), Uplo::Lower, true, head)?;
        let w: Vec<f64> = head[..n].iter().map(|x| x.re()).collect();
        let v: Vec<T::Compute> = head[n..].to_vec();
        // NumPy: `argsort(|w|)[::-1]`, so equal magnitudes come last index first.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&x, &y| w[x].abs().total_cmp(&w[y].abs()));
        order.reverse();
        for (c, &j) in order.iter().enumerate() {
            head[c] = T::Compute::from_re(w[j].abs());
            // NumPy's `copysign(1.0, w)`: a zero eigenvalue keeps its vector (+/-1, never 0).
            let sign = 1f64.copysign(w[j]);
            for r in 0..n {
                head[n + r * n + c] = v[r * n + j];
                vh[c * n + r] = v[r * n + j].scale(sign).conjugate();
            }
        }
        Ok(())
    })?;
    let mut parts = split(&out, s.count(), &[n, n * n, n * n]);
    let sv = shaped(&s.batch, &[n], reals(&parts[0]))?;
    let u = shaped(&s.batch, &[n, n], std::mem::take(&mut parts[1]))?;
    let vh = shaped(&s.batch, &[n, n], std::mem::take(&mut parts[2]))?;
    Ok((T::out(u), T::real_out(sv), T::out(vh)))
}

/// Singular values of each matrix, descending (`numpy.linalg.svdvals`, `svd(a,
/// compute_uv=False)`).
///
/// ```
/// use nprs_core::prelude::*;
/// let s = nprs_linalg::svdvals(&array![[0.0, 2.0], [1.0, 0.0]])?;
/// assert_eq!(s.to_vec(), vec![2.0, 1.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions, or "SVD did not converge" for
/// non-finite input.
pub fn svdvals<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T::RealOut>> {
    let ac = T::to_compute(a);
    let s = Stack::matrices(ac.view())?;
    let k = s.m.min(s.n);
    let out = run(s.count(), k, 4 * s.m * s.n * k + 1, |i, o| svd_one(s.mat(i), false, false, o))?;
    Ok(T::real_out(shaped(&s.batch, &[k], reals(&out))?))
}

/// `qr`'s result: `(Q, R)`; `Q` is `None` in [`QrMode::R`].
pub type QrResult<T> = (Option<Array<<T as LinalgElem>::Out>>, Array<<T as LinalgElem>::Out>);

/// The QR decomposition `a = Q @ R` of each matrix (`numpy.linalg.qr(a, mode)`), `Q` with
/// orthonormal columns and `R` upper triangular. NumPy's `mode='raw'` is [`qr_raw`].
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_linalg::{QrMode, qr};
/// let (q, r) = qr(&array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], QrMode::Reduced)?;
/// assert_eq!((q.unwrap().shape(), r.shape()), (&[3usize, 2][..], &[2usize, 2][..]));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions.
pub fn qr<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>, mode: QrMode) -> Result<QrResult<T>> {
    let ac = T::to_compute(a);
    let s = Stack::matrices(ac.view())?;
    let (m, n) = (s.m, s.n);
    let k = m.min(n);
    let (qc, rr) = match mode {
        QrMode::Complete => (m, m),
        QrMode::Reduced => (k, k),
        QrMode::R => (0, k),
    };
    let sizes = [m * qc, rr * n];
    let out = run(s.count(), sizes[0] + sizes[1], 4 * m * n * k + 1, |i, o| {
        let a = s.mat(i);
        let (qo, ro) = o.split_at_mut(sizes[0]);
        if k == 0 {
            for d in 0..qc.min(m) {
                qo[d * qc + d] = T::Compute::from_re(1.0);
            }
            return Ok(());
        }
        let f = HouseholderQr::new(a);
        let r = f.r();
        for i in 0..rr {
            for j in i..n {
                ro[i * n + j] = r[(i, j)];
            }
        }
        if qc > 0 {
            let q = f.q(qc);
            for i in 0..m {
                for j in 0..qc {
                    qo[i * qc + j] = q[(i, j)];
                }
            }
        }
        Ok(())
    })?;
    let mut parts = split(&out, s.count(), &sizes);
    let r = T::out(shaped(&s.batch, &[rr, n], std::mem::take(&mut parts[1]))?);
    let q =
        if mode == QrMode::R { None } else { Some(T::out(shaped(&s.batch, &[m, qc], std::mem::take(&mut parts[0]))?)) };
    Ok((q, r))
}

/// `sqrt(x² + y²)` without needless overflow (LAPACK's `dlapy2`).
fn lapy2(x: f64, y: f64) -> f64 {
    let (x, y) = (x.abs(), y.abs());
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    let (w, z) = (x.max(y), x.min(y));
    if z == 0.0 || w > f64::MAX { w } else { w * (1.0 + (z / w) * (z / w)).sqrt() }
}

/// `sqrt(x² + y² + z²)` without needless overflow (LAPACK's `dlapy3`).
fn lapy3(x: f64, y: f64, z: f64) -> f64 {
    let (x, y, z) = (x.abs(), y.abs(), z.abs());
    let w = x.max(y).max(z);
    if w == 0.0 || w > f64::MAX {
        return x + y + z;
    }
    w * ((x / w) * (x / w) + (y / w) * (y / w) + (z / w) * (z / w)).sqrt()
}

/// The 2-norm of `x`, scaled against overflow.
fn nrm2<T: Compute>(x: &[T]) -> f64 {
    let scale = x.iter().fold(0.0f64, |m, v| m.max(v.re().abs()).max(v.im().abs()));
    if scale == 0.0 || !scale.is_finite() {
        return if scale.is_nan() { f64::NAN } else { scale };
    }
    let ssq: f64 = x
        .iter()
        .map(|v| {
            let (r, i) = (v.re() / scale, v.im() / scale);
            r * r + i * i
        })
        .sum();
    scale * ssq.sqrt()
}

/// Generates the elementary reflector `H = I - tau v v^H` with `H^H [alpha; x] = [beta; 0]`,
/// `beta` real (LAPACK's `dlarfg`/`zlarfg`): `alpha` becomes `beta`, `x` becomes `v[1..]`
/// (`v[0] = 1`); returns `tau`.
pub(crate) fn larfg<T: Compute>(alpha: &mut T, x: &mut [T]) -> T {
    let zero = T::from_re(0.0);
    if !T::IS_COMPLEX && x.is_empty() {
        return zero;
    }
    let mut xnorm = nrm2(x);
    let (mut ar, mut ai) = (alpha.re(), alpha.im());
    if xnorm == 0.0 && ai == 0.0 {
        return zero;
    }
    let norm = |ar: f64, ai: f64, xnorm: f64| if T::IS_COMPLEX { lapy3(ar, ai, xnorm) } else { lapy2(ar, xnorm) };
    let mut beta = -norm(ar, ai, xnorm).copysign(ar);
    let safmin = f64::MIN_POSITIVE / f64::EPSILON;
    let mut knt = 0;
    if beta.abs() < safmin {
        let rsafmn = 1.0 / safmin;
        while beta.abs() < safmin && knt < 20 {
            knt += 1;
            for v in x.iter_mut() {
                *v = v.scale(rsafmn);
            }
            beta *= rsafmn;
            ar *= rsafmn;
            ai *= rsafmn;
        }
        xnorm = nrm2(x);
        beta = -norm(ar, ai, xnorm).copysign(ar);
    }
    let tau = T::from_parts((beta - ar) / beta, -ai / beta);
    let d = T::from_parts(ar - beta, ai);
    let s = T::from_re(1.0) / d;
    for v in x.iter_mut() {
        *v *= s;
    }
    for _ in 0..knt {
        beta *= safmin;
    }
    *alpha = T::from_re(beta);
    tau
}

/// LAPACK's unblocked Householder QR (`dgeqr2`/`zgeqr2`) of the column-major `m x n` matrix
/// `a` (column `j` at `a[j*m..]`), in place; `tau` gets the `min(m, n)` scalars.
fn geqr2<T: Compute>(a: &mut [T], m: usize, n: usize, tau: &mut [T]) {
    let k = m.min(n);
    let one = T::from_re(1.0);
    for i in 0..k {
        let col = &mut a[i * m..(i + 1) * m];
        let (head, tail) = col[i..].split_at_mut(1);
        tau[i] = larfg(&mut head[0], tail);
        if i + 1 < n {
            // C := H^H C for C = a[i.., i+1..]: C -= conj(tau) v (v^H C).
            let ct = tau[i].conjugate();
            let aii = a[i * m + i];
            a[i * m + i] = one;
            let (left, right) = a.split_at_mut((i + 1) * m);
            let v = &left[i * m + i..(i + 1) * m];
            for j in 0..n - i - 1 {
                let c = &mut right[j * m + i..(j + 1) * m];
                let mut w = T::from_re(0.0);
                for (cv, vv) in c.iter().zip(v) {
                    w += vv.conjugate() * *cv;
                }
                let f = ct * w;
                for (cv, vv) in c.iter_mut().zip(v) {
                    *cv -= *vv * f;
                }
            }
            a[i * m + i] = aii;
        }
    }
}

/// `qr_raw`'s result: `(h, tau)`.
pub type QrRawResult<T> = (Array<<T as LinalgElem>::Out>, Array<<T as LinalgElem>::Out>);

/// The Householder form of the QR decomposition (`numpy.linalg.qr(a, mode='raw')`): `h` of
/// shape `(..., N, M)` holds LAPACK's `geqrf` output transposed (`R` in its upper triangle
/// read as `h[.., j, i]` for `i <= j`, the reflectors' vectors below it), and `tau` of shape
/// `(..., min(M, N))` the reflectors' scalars. Computed as LAPACK's unblocked algorithm
/// does, so the numbers are NumPy's to rounding.
///
/// ```
/// use nprs_core::prelude::*;
/// let (h, tau) = nprs_linalg::qr_raw(&array![[3.0, 1.0], [4.0, 2.0]])?;
/// let (h, tau): (Vec<f64>, Vec<f64>) = (h.to_vec(), tau.to_vec());
/// assert!((h[0] + 5.0).abs() < 1e-12);   // R[0, 0] = -5
/// assert!((tau[0] - 1.6).abs() < 1e-12); // (beta - alpha) / beta
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions.
pub fn qr_raw<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<QrRawResult<T>> {
    let ac = T::to_compute(a);
    let s = Stack::matrices(ac.view())?;
    let (m, n) = (s.m, s.n);
    let k = m.min(n);
    let out = run(s.count(), m * n + k, 4 * m * n * k + 1, |i, o| {
        let a = s.mat(i);
        let (h, tau) = o.split_at_mut(m * n);
        for j in 0..n {
            for r in 0..m {
                h[j * m + r] = a[(r, j)];
            }
        }
        geqr2(h, m, n, tau);
        Ok(())
    })?;
    let mut parts = split(&out, s.count(), &[m * n, k]);
    let h = shaped(&s.batch, &[n, m], std::mem::take(&mut parts[0]))?;
    let tau = shaped(&s.batch, &[k], std::mem::take(&mut parts[1]))?;
    Ok((T::out(h), T::out(tau)))
}

/// One general eigendecomposition into `o = [w (n) | V (n x n)]` (complex).
fn eig_one<T: Compute>(a: MatRef<'_, T>, vectors: bool, o: &mut [C128]) -> Result<()> {
    let n = a.nrows();
    if n == 0 {
        return Ok(());
    }
    if !finite(a) {
        return Err(Error::NotFinite);
    }
    T::eigen(a, vectors, o)
}

/// `eig`'s result: eigenvalues and eigenvectors (columns), complex.
pub type EigResult<T> = (Array<<T as LinalgElem>::ComplexOut>, Array<<T as LinalgElem>::ComplexOut>);

/// Eigenvalues and right eigenvectors of general square matrices (`numpy.linalg.eig`),
/// always complex in the typed API (NumPy returns real arrays for real input whose
/// eigenvalues are all real; [`dynamic::eig`](crate::dynamic::eig) does the same). The
/// eigenvectors have unit norm; their order and phase follow faer's algorithm.
///
/// ```
/// use nprs_core::prelude::*;
/// let (w, v) = nprs_linalg::eig(&array![[0.0, -1.0], [1.0, 0.0]])?;
/// assert_eq!((w.shape(), v.shape()), (&[2usize][..], &[2usize, 2][..]));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions, is not square, or holds infinities
/// or NaNs.
pub fn eig<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<EigResult<T>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let n = s.n;
    let out = run(s.count(), n + n * n, 25 * n * n * n + 1, |i, o| eig_one(s.mat(i), true, o))?;
    let mut parts = split(&out, s.count(), &[n, n * n]);
    let w = shaped(&s.batch, &[n], std::mem::take(&mut parts[0]))?;
    let v = shaped(&s.batch, &[n, n], std::mem::take(&mut parts[1]))?;
    Ok((T::complex_out(w), T::complex_out(v)))
}

/// Eigenvalues of general square matrices (`numpy.linalg.eigvals`), complex in the typed
/// API (see [`eig`]).
///
/// ```
/// use nprs_core::prelude::*;
/// let w = nprs_linalg::eigvals(&array![[2.0, 0.0], [0.0, 3.0]])?;
/// assert_eq!(w.shape(), &[2]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// As [`eig`].
pub fn eigvals<T: LinalgElem, S: Data<Elem = T>>(a: &ArrayBase<S>) -> Result<Array<T::ComplexOut>> {
    let ac = T::to_compute(a);
    let s = Stack::square(ac.view())?;
    let n = s.n;
    let out = run(s.count(), n, 10 * n * n * n + 1, |i, o| eig_one(s.mat(i), false, o))?;
    Ok(T::complex_out(shaped(&s.batch, &[n], out)?))
}
