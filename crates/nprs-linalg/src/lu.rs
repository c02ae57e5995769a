//! LU with partial pivoting, one matrix at a time: an unblocked in-place kernel for small
//! matrices (no allocation up to 4 x 4, no library call overhead), faer's blocked LU above.
//!
//! The small kernel follows LAPACK's `getf2`: the pivot is the first entry of largest
//! `|re| + |im|` in the column, the column below it is scaled by the pivot's reciprocal,
//! and an exactly zero pivot marks the matrix singular (LAPACK's `info > 0`).

use faer::MatRef;
use faer::linalg::solvers::{PartialPivLu, Solve};

use crate::error::{Error, Result};
use crate::scalar::Compute;

/// Largest order factored by the small kernel.
pub(crate) const SMALL: usize = 16;

/// Stack storage of a small matrix, heap above 4 x 4.
pub(crate) enum Buf<T: Compute> {
    Stack([T; 16]),
    Heap(Vec<T>),
}

impl<T: Compute> Buf<T> {
    pub(crate) fn new(len: usize) -> Self {
        if len <= 16 { Buf::Stack([T::default(); 16]) } else { Buf::Heap(vec![T::default(); len]) }
    }
    pub(crate) fn slice(&mut self, len: usize) -> &mut [T] {
        match self {
            Buf::Stack(a) => &mut a[..len],
            Buf::Heap(v) => &mut v[..len],
        }
    }
}

/// Copies `m` into `a` in column-major order.
pub(crate) fn load_col_major<T: Compute>(m: MatRef<'_, T>, a: &mut [T]) {
    let r = m.nrows();
    for j in 0..m.ncols() {
        for i in 0..r {
            a[i + j * r] = m[(i, j)];
        }
    }
}

/// Factors the column-major `n x n` matrix `a` in place (`L` below the diagonal with a
/// unit diagonal, `U` on and above), recording the row swapped with row `j` in `ipiv[j]`.
/// Returns false when a pivot is exactly zero (the factorisation still completes, as
/// LAPACK's does).
pub(crate) fn lu_small<T: Compute>(a: &mut [T], n: usize, ipiv: &mut [usize]) -> bool {
    let mut ok = true;
    for j in 0..n {
        let col = j * n;
        let mut p = j;
        let mut best = a[col + j].abs1();
        for i in j + 1..n {
            let v = a[col + i].abs1();
            if v > best {
                best = v;
                p = i;
            }
        }
        ipiv[j] = p;
        let pivot = a[col + p];
        if pivot.is_zero() {
            ok = false;
        } else {
            if p != j {
                for k in 0..n {
                    a.swap(k * n + p, k * n + j);
                }
            }
            if pivot.modulus() >= f64::MIN_POSITIVE {
                let r = T::from_re(1.0) / pivot;
                for i in j + 1..n {
                    a[col + i] *= r;
                }
            } else {
                for i in j + 1..n {
                    a[col + i] /= pivot;
                }
            }
        }
        for k in j + 1..n {
            let u = a[k * n + j];
            if u.is_zero() {
                continue;
            }
            for i in j + 1..n {
                a[k * n + i] -= a[col + i] * u;
            }
        }
    }
    ok
}

/// Solves `A X = B` in place for the column-major `n x k` `b`, from `lu_small`'s factors.
pub(crate) fn lu_small_solve<T: Compute>(lu: &[T], n: usize, ipiv: &[usize], b: &mut [T], k: usize) {
    for c in 0..k {
        let x = &mut b[c * n..(c + 1) * n];
        for (j, &p) in ipiv.iter().enumerate().take(n) {
            if p != j {
                x.swap(p, j);
            }
        }
        for j in 0..n {
            let xj = x[j];
            if xj.is_zero() {
                continue;
            }
            for i in j + 1..n {
                x[i] -= xj * lu[j * n + i];
            }
        }
        for j in (0..n).rev() {
            if x[j].is_zero() {
                continue;
            }
            x[j] /= lu[j * n + j];
            let xj = x[j];
            for i in 0..j {
                x[i] -= xj * lu[j * n + i];
            }
        }
    }
}

/// `(sign, log|det|)` as NumPy's `slogdet` builds them from the LU factors: the sign of
/// the row permutation times each pivot's sign, and the sum of the pivots' log-moduli;
/// `(0, -inf)` for a singular matrix.
fn slogdet_from_diag<T: Compute>(swaps_odd: bool, singular: bool, diag: impl Iterator<Item = T>) -> (T, f64) {
    if singular {
        return (T::default(), f64::NEG_INFINITY);
    }
    let mut sign = T::from_re(if swaps_odd { -1.0 } else { 1.0 });
    let mut logdet = 0.0;
    for d in diag {
        let (s, a) = d.sign_abs();
        sign *= s;
        logdet += a.ln();
    }
    (sign, logdet)
}

/// `(sign, log|det|)` of one square matrix.
pub(crate) fn slogdet_one<T: Compute>(m: MatRef<'_, T>) -> (T, f64) {
    let n = m.nrows();
    if n <= SMALL {
        let mut buf = Buf::<T>::new(n * n);
        let a = buf.slice(n * n);
        load_col_major(m, a);
        let mut ipiv = [0usize; SMALL];
        let ok = lu_small(a, n, &mut ipiv[..n]);
        let odd = ipiv[..n].iter().enumerate().filter(|&(j, &p)| p != j).count() % 2 == 1;
        let a = &*a;
        slogdet_from_diag(odd, !ok, (0..n).map(|i| a[i * n + i]))
    } else {
        let lu = PartialPivLu::new(m);
        let u = lu.U();
        let singular = (0..n).any(|i| u[(i, i)].is_zero());
        let odd = permutation_is_odd(lu.P().arrays().0);
        slogdet_from_diag(odd, singular, (0..n).map(|i| u[(i, i)]))
    }
}

/// Whether a permutation (as the images of `0..n`) is odd.
fn permutation_is_odd(p: &[usize]) -> bool {
    let mut seen = vec![false; p.len()];
    let mut transpositions = 0usize;
    for s in 0..p.len() {
        if seen[s] {
            continue;
        }
        let mut len = 0;
        let mut i = s;
        while !seen[i] {
            seen[i] = true;
            i = p[i];
            len += 1;
        }
        transpositions += len - 1;
    }
    transpositions % 2 == 1
}

/// Solves `A X = B` for one square `a` and `n x k` `b`, writing `X` row-major to `out`.
/// `b = None` solves for the identity (the inverse).
pub(crate) fn solve_one<T: Compute>(a: MatRef<'_, T>, b: Option<MatRef<'_, T>>, out: &mut [T]) -> Result<()> {
    let n = a.nrows();
    let k = b.map_or(n, |b| b.ncols());
    if n == 0 {
        return Ok(());
    }
    if n <= SMALL && n * k <= 4 * SMALL * SMALL {
        let mut buf = Buf::<T>::new(n * n);
        let lu = buf.slice(n * n);
        load_col_major(a, lu);
        let mut ipiv = [0usize; SMALL];
        if !lu_small(lu, n, &mut ipiv[..n]) {
            return Err(Error::Singular);
        }
        let mut xbuf = Buf::<T>::new(n * k);
        let x = xbuf.slice(n * k);
        match b {
            Some(b) => load_col_major(b, x),
            None => {
                for i in 0..n {
                    x[i * n + i] = T::from_re(1.0);
                }
            }
        }
        lu_small_solve(lu, n, &ipiv[..n], x, k);
        for c in 0..k {
            for r in 0..n {
                out[r * k + c] = x[c * n + r];
            }
        }
    } else {
        let lu = PartialPivLu::new(a);
        let u = lu.U();
        if (0..n).any(|i| u[(i, i)].is_zero()) {
            return Err(Error::Singular);
        }
        let x = match b {
            Some(b) => lu.solve(b),
            None => lu.solve(faer::Mat::<T>::identity(n, n)),
        };
        for r in 0..n {
            for c in 0..k {
                out[r * k + c] = x[(r, c)];
            }
        }
    }
    Ok(())
}
