//! Singular values of a large real matrix by two-stage bidiagonalisation.
//!
//! A one-stage Householder bidiagonalisation (LAPACK's `dgebrd`, faer's `bidiag`) spends
//! half its work in matrix-vector products that read the whole trailing matrix once per
//! column, so it runs at memory speed. When only the values are wanted, the reduction
//! can be split in two:
//!
//! 1. **Dense to band.** Alternate Householder QR of a panel of `NB` columns and LQ of the
//!    panel of `NB` rows to its right, each applied to the trailing matrix as one block
//!    reflector (matrix-matrix products on faer's kernels). What is left is upper
//!    triangular with `NB` superdiagonals.
//! 2. **Band to bidiagonal.** Bulge chasing: sweep `s` annihilates row `s` beyond its
//!    superdiagonal with one reflector from the right. That fills a triangle below the
//!    diagonal; a reflector from the left annihilates its first column, which fills a
//!    triangle `NB` columns further right; a reflector from the right annihilates that
//!    triangle's first row; and so on down the band. Only the first column (row) of each
//!    bulge is annihilated: the rest lies where the following sweeps' reflectors pass.
//!    Every reflector is at most `NB` long and touches at most `NB x 2 NB` entries, all
//!    held in a compact band store that stays in one core's cache.
//!
//! The bidiagonal's values then come from `dbdsqr`'s iteration
//! ([`crate::lapack_steps::bidiagonal_values`]). All transformations are orthogonal, so
//! the values carry the same backward error (a small multiple of machine epsilon times
//! the matrix's norm) as LAPACK's one-stage reduction.

use faer::dyn_stack::{MemBuffer, MemStack, StackReq};
use faer::linalg::householder::{
    apply_block_householder_sequence_on_the_right_in_place_scratch as right_scratch,
    apply_block_householder_sequence_on_the_right_in_place_with_conj as apply_right,
    apply_block_householder_sequence_transpose_on_the_left_in_place_scratch as left_scratch,
    apply_block_householder_sequence_transpose_on_the_left_in_place_with_conj as apply_left_t,
};
use faer::linalg::qr::no_pivoting::factor::{qr_in_place, qr_in_place_scratch};
use faer::prelude::{Reborrow, ReborrowMut};
use faer::{Conj, Mat, MatRef, Par};

use crate::error::{Error, Result};
use crate::scalar::Compute;

/// The band's width (superdiagonals kept by the first stage). At 1024 x 1024 the first stage
/// took about as long with 16, 24, 32 or 48; the second took 21, 26–43, 33–57 and 56–80 ms.
const NB: usize = 16;

/// Smallest `min(m, n)` whose values take this path (values only, best of 3 against faer's
/// one-stage SVD on one thread: 1.3 against 1.7 ms at 128, 33 against 46 ms at 512, 85
/// against 142 ms at 768; 1.0 against 0.9 ms at 96).
pub(crate) const MIN_ORDER: usize = 128;

/// Largest `min(m, n)` whose first stage runs on one thread: at 1024 two threads gained
/// nothing (81–90 against 83–91 ms), at 1536 they do (205–213 against 240–292 ms).
const SEQ_MAX: usize = 1024;

/// The singular values (descending) of one finite real matrix with `min(m, n) >=`
/// [`MIN_ORDER`].
///
/// # Errors
/// [`Error::SvdNotConverged`] when the bidiagonal iteration does not converge.
pub(crate) fn singular_values<T: Compute>(a: MatRef<'_, T>) -> Result<Vec<f64>> {
    debug_assert!(!T::IS_COMPLEX);
    // Work on the matrix or its transpose (they have the same singular values), whichever
    // has at least as many rows as columns; a square one in the orientation whose columns
    // are contiguous, so that the copy below reads memory in order.
    let a = if a.nrows() > a.ncols() || (a.nrows() == a.ncols() && a.row_stride().unsigned_abs() == 1) {
        a
    } else {
        a.transpose()
    };
    let (m, n) = (a.nrows(), a.ncols());
    let mut w = Mat::<f64>::zeros(m, n);
    for j in 0..n {
        for (w, a) in w.col_mut(j).iter_mut().zip(a.col(j).iter()) {
            *w = a.re();
        }
    }
    let scale = scale_exponent(w.as_ref());
    if scale != 0 {
        for j in 0..n {
            for x in w.col_mut(j).iter_mut() {
                *x = times_pow2(*x, -scale);
            }
        }
    }
    let par = if n <= SEQ_MAX { Par::Seq } else { faer::get_global_parallelism() };
    // A much taller matrix is first reduced to its triangle, as LAPACK's drivers do
    // (`dgesdd`'s crossover: more than 11/6 as many rows as columns).
    if 6 * m > 11 * n {
        w = triangle(w, par);
    }
    let mut band = Band::new(n, NB);
    dense_to_band(w, &mut band, par);
    let (mut d, mut e) = band.bidiagonalise();
    crate::lapack_steps::bidiagonal_values(&mut d, &mut e).map_err(|_| Error::SvdNotConverged)?;
    if scale != 0 {
        for x in &mut d {
            *x = times_pow2(*x, scale);
        }
    }
    Ok(d)
}

/// The power of two that brings the largest magnitude of `w` near 1 when it is so large or
/// so small that the squares summed by the reflectors could overflow or underflow; 0
/// otherwise. Scaling by a power of two is exact.
fn scale_exponent(w: MatRef<'_, f64>) -> i32 {
    let mut big = 0f64;
    for j in 0..w.ncols() {
        for x in w.col(j).iter() {
            big = big.max(x.abs());
        }
    }
    if big == 0.0 || (1e-100..=1e100).contains(&big) {
        return 0;
    }
    // `big`'s binary exponent, from its bits (`big` is finite and positive).
    let bits = big.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: the exponent of its leading bit.
        -1022 - (bits.leading_zeros() as i32 - 12)
    } else {
        exp - 1023
    }
}

/// `x * 2^e`, exactly unless the result leaves the range: in two factors, since `2^e`
/// alone is not a finite `f64` for `|e| > 1023` (a subnormal largest entry).
fn times_pow2(x: f64, e: i32) -> f64 {
    x * 2f64.powi(e / 2) * 2f64.powi(e - e / 2)
}

/// `R` (`n x n`) of a Householder QR of the tall `w`.
fn triangle(mut w: Mat<f64>, par: Par) -> Mat<f64> {
    let n = w.ncols();
    let block = faer::linalg::qr::no_pivoting::factor::recommended_block_size::<f64>(w.nrows(), n).max(1);
    let mut coeff = Mat::<f64>::zeros(block, n);
    let mut mem = MemBuffer::new(qr_in_place_scratch::<f64>(w.nrows(), n, block, par, Default::default()));
    qr_in_place(w.as_mut(), coeff.as_mut(), par, MemStack::new(&mut mem), Default::default());
    Mat::from_fn(n, n, |i, j| if i <= j { w[(i, j)] } else { 0.0 })
}

/// Stage one: reduces `w` (`m x n`, `m >= n`) to upper band form, written into `band`.
fn dense_to_band(mut w: Mat<f64>, band: &mut Band, par: Par) {
    let (m, n) = (w.nrows(), w.ncols());
    let nb = band.b;
    let req = StackReq::any_of(&[
        qr_in_place_scratch::<f64>(m, nb, nb, Par::Seq, Default::default()),
        left_scratch::<f64>(m, nb, n),
        right_scratch::<f64>(n, nb, m),
    ]);
    let mut mem = MemBuffer::new(req);
    let stack = MemStack::new(&mut mem);
    let mut coeff = Mat::<f64>::zeros(nb, nb);
    // The transposed row panel, column-major, so that its QR runs on contiguous columns.
    let mut wt = Mat::<f64>::zeros(n, nb);
    let mut k = 0;
    while k < n {
        let bw = nb.min(n - k);
        // QR of the column panel, Q^T applied to the columns on its right.
        let (mut panel, rest) = w.as_mut().submatrix_mut(k, k, m - k, n - k).split_at_col_mut(bw);
        let mut c = coeff.as_mut().submatrix_mut(0, 0, bw, bw);
        qr_in_place(panel.rb_mut(), c.rb_mut(), Par::Seq, stack, Default::default());
        if rest.ncols() > 0 {
            apply_left_t(panel.rb(), c.rb(), Conj::No, rest, par, stack);
        }
        for j in 0..bw {
            for i in 0..=j {
                band.set(k + i, k + j, panel[(i, j)]);
            }
        }
        let cols = n - k - bw;
        if cols == 0 {
            break;
        }
        // LQ of the row panel (a QR of its transpose), Q applied to the rows below it.
        let kb = bw.min(cols);
        let mut t = wt.as_mut().submatrix_mut(0, 0, cols, bw);
        for i in 0..bw {
            for j in 0..cols {
                t[(j, i)] = w[(k + i, k + bw + j)];
            }
        }
        let mut c = coeff.as_mut().submatrix_mut(0, 0, kb, kb);
        qr_in_place(t.rb_mut(), c.rb_mut(), Par::Seq, stack, Default::default());
        // The panel becomes [R^T 0]: lower triangular in its first `kb` columns.
        for i in 0..bw {
            for j in 0..=i.min(kb - 1) {
                band.set(k + i, k + bw + j, t[(j, i)]);
            }
        }
        let below = w.as_mut().submatrix_mut(k + bw, k + bw, m - k - bw, cols);
        apply_right(t.rb().submatrix(0, 0, cols, kb), c.rb(), Conj::No, below, par, stack);
        k += bw;
    }
}

/// An `n x n` matrix held by its columns' band: column `j` keeps rows `j + 1 - 2b` to
/// `j + b - 1`, the rows bulge chasing can fill (an upper band of width `b`, a triangle
/// of fill above it, and one below the diagonal).
struct Band {
    n: usize,
    b: usize,
    /// Stride between columns.
    ld: usize,
    v: Vec<f64>,
}

impl Band {
    fn new(n: usize, b: usize) -> Band {
        let ld = 3 * b;
        Band { n, b, ld, v: vec![0.0; ld * n] }
    }

    /// Position of `(i, j)`, `j + 1 - 2b <= i <= j + b - 1`.
    #[inline(always)]
    fn at(&self, i: usize, j: usize) -> usize {
        debug_assert!(i + 2 * self.b > j && i < j + self.b);
        j * self.ld + i + 2 * self.b - 1 - j
    }

    fn set(&mut self, i: usize, j: usize, x: f64) {
        let p = self.at(i, j);
        self.v[p] = x;
    }

    /// Rows `r0..=r1` of column `j`.
    #[inline(always)]
    fn col(&mut self, r0: usize, r1: usize, j: usize) -> &mut [f64] {
        let p = self.at(r0, j);
        &mut self.v[p..=p + (r1 - r0)]
    }

    /// Stage two: chases the band down to its diagonal and superdiagonal, returned as
    /// `(d, e)`.
    fn bidiagonalise(mut self) -> (Vec<f64>, Vec<f64>) {
        let (n, b) = (self.n, self.b);
        let mut v = vec![0.0; b];
        let mut w = vec![0.0; 2 * b];
        for s in 0..n.saturating_sub(1) {
            // Row `s` beyond its superdiagonal, from the right.
            let (mut c0, mut c1) = (s + 1, (s + b).min(n - 1));
            let mut r = s;
            while c1 > c0 {
                self.reflect_row(r, c0, c1, &mut v, &mut w);
                // The first column of the triangle filled below the diagonal, from the left.
                let (r0, r1) = (c0, c1);
                let last = (r1 + b).min(n - 1);
                self.reflect_col(c0, r0, r1, last, &mut v);
                // The first row of the triangle that filled right of the band.
                r = r0;
                c0 = r0 + b;
                c1 = last;
            }
        }
        let d = (0..n).map(|i| self.v[self.at(i, i)]).collect();
        let e = (1..n).map(|j| self.v[self.at(j - 1, j)]).collect();
        (d, e)
    }

    /// Annihilates row `r` in columns `c0 + 1..=c1` with one reflector on columns
    /// `c0..=c1`, applied to the rows below `r` that those columns hold (to row `c1`).
    fn reflect_row(&mut self, r: usize, c0: usize, c1: usize, v: &mut [f64], w: &mut [f64]) {
        let len = c1 - c0 + 1;
        let v = &mut v[..len];
        for (t, x) in v.iter_mut().enumerate() {
            *x = self.v[self.at(r, c0 + t)];
        }
        let Some((tau, beta)) = reflector(v) else { return };
        self.set(r, c0, beta);
        for t in 1..len {
            self.set(r, c0 + t, 0.0);
        }
        let (r0, r1) = (r + 1, c1.min(self.n - 1));
        if r1 < r0 {
            return;
        }
        let w = &mut w[..=r1 - r0];
        w.fill(0.0);
        for (t, &vt) in v.iter().enumerate() {
            for (w, &a) in w.iter_mut().zip(self.col(r0, r1, c0 + t).iter()) {
                *w += vt * a;
            }
        }
        for (t, &vt) in v.iter().enumerate() {
            let f = tau * vt;
            for (a, &w) in self.col(r0, r1, c0 + t).iter_mut().zip(w.iter()) {
                *a -= f * w;
            }
        }
    }

    /// Annihilates column `j` in rows `r0 + 1..=r1` with one reflector on rows `r0..=r1`,
    /// applied to columns `j + 1..=last`.
    fn reflect_col(&mut self, j: usize, r0: usize, r1: usize, last: usize, v: &mut [f64]) {
        let len = r1 - r0 + 1;
        let v = &mut v[..len];
        v.copy_from_slice(self.col(r0, r1, j));
        let Some((tau, beta)) = reflector(v) else { return };
        let x = self.col(r0, r1, j);
        x.fill(0.0);
        x[0] = beta;
        for c in j + 1..=last {
            let a = self.col(r0, r1, c);
            let dot: f64 = v.iter().zip(a.iter()).map(|(v, a)| v * a).sum();
            let f = tau * dot;
            for (a, &v) in a.iter_mut().zip(v.iter()) {
                *a -= f * v;
            }
        }
    }
}

/// Turns `x` into the Householder vector `v` (`v[0] = 1`) of the reflector
/// `I - tau v v^T` that maps `x` to `beta e_0` (LAPACK's `dlarfg`, [`crate::decomp::larfg`]),
/// returning `(tau, beta)`; `None` (no reflection) when `x`'s tail is zero.
fn reflector(x: &mut [f64]) -> Option<(f64, f64)> {
    let (head, tail) = x.split_first_mut()?;
    let tau = crate::decomp::larfg(head, tail);
    if tau == 0.0 {
        return None;
    }
    let beta = std::mem::replace(head, 1.0);
    Some((tau, beta))
}
