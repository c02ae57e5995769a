//! LU with partial pivoting, one matrix at a time: an unblocked in-place kernel for small
//! matrices (no allocation up to 4 x 4, no library call overhead), faer's blocked LU above.
//!
//! The small kernel follows LAPACK's `getf2`: the pivot is the first entry of largest
//! `|re| + |im|` in the column, the column below it is scaled by the pivot's reciprocal,
//! and an exactly zero pivot marks the matrix singular (LAPACK's `info > 0`).

use faer::dyn_stack::{MemBuffer, MemStack};
use faer::linalg::lu::partial_pivoting::{factor as lu_factor, solve as lu_solve};
use faer::perm::PermRef;
use faer::{MatMut, MatRef};

use crate::batch::{Stack, run_groups};
use crate::error::{Error, Result};
use crate::lanes::LANES;
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
#[inline(always)]
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
///
/// Always inlined: the callers of [`by_order`] pass the order as a constant for the
/// orders up to 4, and the loops then unroll with no bounds checks.
#[inline(always)]
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
#[inline(always)]
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

/// Calls `$f::<T, N>(args)` with `N` the order `$n` when it is 1 to 4, and `N = 0` (the
/// order read at run time) otherwise: the small kernels, always inlined, are then compiled
/// once per order with their loops unrolled.
macro_rules! by_order {
    ($n:expr, $f:ident::<$t:ty>($($arg:expr),*)) => {
        match $n {
            1 => $f::<$t, 1>($($arg),*),
            2 => $f::<$t, 2>($($arg),*),
            3 => $f::<$t, 3>($($arg),*),
            4 => $f::<$t, 4>($($arg),*),
            _ => $f::<$t, 0>($($arg),*),
        }
    };
}
pub(crate) use by_order;

/// The order of an `n x n` kernel instance: `N`, or `n` when `N` is 0.
#[inline(always)]
pub(crate) const fn order<const N: usize>(n: usize) -> usize {
    if N == 0 { n } else { N }
}

/// The LU pivots of one square matrix for `slogdet`: their moduli into `moduli` (as long
/// as the order), and the sign NumPy builds from them (the permutation's sign times each
/// pivot's sign; a complex sign of unit modulus); a zero sign for a singular matrix (an
/// exactly zero pivot, LAPACK's `info > 0`), whose moduli are then ones.
fn pivots<T: Compute, const N: usize>(m: MatRef<'_, T>, moduli: &mut [f64]) -> T {
    let n = order::<N>(m.nrows());
    let mut sign = T::from_re(1.0);
    if n <= SMALL {
        let mut buf = Buf::<T>::new(n * n);
        let a = buf.slice(n * n);
        load_col_major(m, a);
        let mut ipiv = [0usize; SMALL];
        if !lu_small(a, n, &mut ipiv[..n]) {
            moduli.fill(1.0);
            return T::default();
        }
        for (j, (&p, d)) in ipiv[..n].iter().zip(moduli.iter_mut()).enumerate() {
            let (s, r) = a[j * n + j].sign_abs();
            sign *= if p == j { s } else { -s };
            *d = r;
        }
    } else {
        let f = Factored::of(m);
        if f.singular() {
            moduli.fill(1.0);
            return T::default();
        }
        if f.transpositions % 2 == 1 {
            sign = -sign;
        }
        for (i, d) in moduli.iter_mut().enumerate() {
            let (s, r) = f.pivot(i).sign_abs();
            sign *= s;
            *d = r;
        }
    }
    sign
}

/// Matrices per block of [`slogdet_stack`]: the pivots of a block, about 2,048 of them,
/// have their logarithms taken in one vector pass.
fn block_len(n: usize) -> usize {
    (2048 / n.max(1)).max(1)
}

/// `slogdet` of every matrix of a square stack as NumPy computes it, `(sign, log|det|)`:
/// `(0, -inf)` for a singular matrix, `(1, 0)` for `0 x 0`; `log|det|` is the sum of the
/// pivots' log-moduli in order. With `det`, the signs are replaced by NumPy's determinants,
/// `sign * exp(log|det|)`.
///
/// The matrices run a block at a time: the LU of each (unrolled for orders up to 4), then
/// the logarithms of the block's pivots (and with `det` the exponentials) through the
/// SIMD kernels of `np.log` and `np.exp`. Blocks run in parallel for large stacks.
pub(crate) fn slogdet_stack<T: Compute>(s: &Stack<'_, T>, det: bool) -> (Vec<T>, Vec<f64>) {
    use rayon::prelude::*;
    let (count, n) = (s.count(), s.n);
    let mut signs = vec![T::default(); count];
    let mut logs = vec![0.0; count];
    let per = block_len(n);
    let block = |b: usize, sg: &mut [T], lg: &mut [f64]| by_order!(n, slogdet_block::<T>(s, b * per, sg, lg, det));
    if count > per && count.saturating_mul(crate::solve::lu_work(n)) >= 1 << 16 && rayon::current_num_threads() > 1 {
        signs.par_chunks_mut(per).zip(logs.par_chunks_mut(per)).enumerate().for_each(|(b, (sg, lg))| block(b, sg, lg));
    } else {
        for (b, (sg, lg)) in signs.chunks_mut(per).zip(logs.chunks_mut(per)).enumerate() {
            block(b, sg, lg);
        }
    }
    (signs, logs)
}

/// The matrices `first..first + LANES` of `s`, row-major one after another (a lane
/// kernel's [`Group`](crate::lanes::Group)): the stack's own memory when it is
/// C-contiguous, else copied into `buf`.
fn group_block<'s, T: Compute>(s: &'s Stack<'_, T>, first: usize, buf: &'s mut Vec<T>) -> &'s [T] {
    let per = s.m * s.n;
    if let Some(all) = s.as_slice() {
        return &all[first * per..(first + LANES) * per];
    }
    buf.clear();
    for l in 0..LANES {
        let m = s.mat(first + l);
        for i in 0..s.m {
            for j in 0..s.n {
                buf.push(m[(i, j)]);
            }
        }
    }
    buf
}

/// [`slogdet_stack`] of the matrices `start..start + signs.len()`.
fn slogdet_block<T: Compute, const N: usize>(
    s: &Stack<'_, T>,
    start: usize,
    signs: &mut [T],
    logs: &mut [f64],
    det: bool,
) {
    let n = order::<N>(s.n);
    let mut moduli = vec![0.0; signs.len() * n];
    // Groups of matrices through the lane kernels where they cover the type and order,
    // the rest one at a time.
    let mut done = 0;
    let mut buf = Vec::new();
    while (2..=4).contains(&N) && done + LANES <= signs.len() {
        let g = group_block(s, start + done, &mut buf);
        let (Some(g), Some(sg)) = (T::as_f64(g), T::as_f64_mut(&mut signs[done..done + LANES])) else {
            break;
        };
        crate::lanes::group_pivots::<N>(g, sg, &mut moduli[done * n..(done + LANES) * n]);
        done += LANES;
    }
    for (i, sign) in signs.iter_mut().enumerate().skip(done) {
        *sign = pivots::<T, N>(s.mat(start + i), &mut moduli[i * n..(i + 1) * n]);
    }
    let mut ln = vec![0.0; moduli.len()];
    nprs_ufunc::slices::log_f64(&moduli, &mut ln);
    for (i, (l, &sign)) in logs.iter_mut().zip(signs.iter()).enumerate() {
        *l =
            if sign.is_zero() { f64::NEG_INFINITY } else { ln[i * n..(i + 1) * n].iter().fold(0.0, |acc, &x| acc + x) };
    }
    if det {
        let mut e = vec![0.0; logs.len()];
        nprs_ufunc::slices::exp_f64(logs, &mut e);
        for (sign, &e) in signs.iter_mut().zip(e.iter()) {
            *sign = sign.scale(e);
        }
    }
}

/// Largest order whose LU runs on one thread.
///
/// faer's parallel LU shares out many small updates, and on two cores the hand-offs cost
/// more than they save below about 1,500: best of several calls, `det` took 0.27 ms on
/// one thread and 0.78 ms on two at 256, 1.95 and 3.50 ms at 512, 11.7 and 14.3 ms at
/// 1024; at 2048 two threads win (84 against 99 ms), at 3072 more so (207 against 275 ms).
const LU_SEQ_MAX: usize = 1024;

/// The parallelism of the LU of an `n x n` matrix and of its triangular solves.
fn lu_par(n: usize) -> faer::Par {
    if n <= LU_SEQ_MAX { faer::Par::Seq } else { faer::get_global_parallelism() }
}

/// The LU factors of one matrix from faer's blocked, parallel kernel, in a column-major
/// buffer of its own as LAPACK's `getrf` leaves them (`L` below the diagonal, its unit
/// diagonal implied; `U` on and above), with the row permutation. faer's `PartialPivLu`
/// would copy the matrix, then split it into separate `L` and `U` matrices: two more
/// `n x n` allocations whose pages are faulted in and zeroed on every call.
struct Factored<T: Compute> {
    n: usize,
    /// Column stride of the factors: `n` rounded up to whole 64-byte lines.
    ld: usize,
    /// The factors start at `buf[off]`, on a 64-byte boundary as faer's own matrices do
    /// (its vector loops then need no unaligned head on each column).
    buf: Vec<T>,
    off: usize,
    fwd: Vec<usize>,
    bwd: Vec<usize>,
    transpositions: usize,
}

impl<T: Compute> Factored<T> {
    fn of(a: MatRef<'_, T>) -> Self {
        let n = a.nrows();
        let lane = (64 / size_of::<T>()).max(1);
        let ld = n.next_multiple_of(lane);
        let mut buf = vec![T::default(); ld * n + lane];
        let off = buf.as_ptr().align_offset(64).min(lane);
        let lu = &mut buf[off..off + ld * n];
        load_strided(a, lu, ld);
        let par = lu_par(n);
        let (mut fwd, mut bwd) = (vec![0usize; n], vec![0usize; n]);
        let mut mem = MemBuffer::new(lu_factor::lu_in_place_scratch::<usize, T>(n, n, par, Default::default()));
        let (info, _) = lu_factor::lu_in_place(
            MatMut::from_column_major_slice_with_stride_mut(lu, n, n, ld),
            &mut fwd,
            &mut bwd,
            par,
            MemStack::new(&mut mem),
            Default::default(),
        );
        Factored { n, ld, buf, off, fwd, bwd, transpositions: info.transposition_count }
    }

    /// The factors as a matrix.
    fn lu(&self) -> MatRef<'_, T> {
        MatRef::from_column_major_slice_with_stride(
            &self.buf[self.off..self.off + self.ld * self.n],
            self.n,
            self.n,
            self.ld,
        )
    }

    /// The `i`-th pivot (`U[i, i]`).
    fn pivot(&self, i: usize) -> T {
        self.buf[self.off + i * self.ld + i]
    }

    /// Whether a pivot is exactly zero (LAPACK's `info > 0`).
    fn singular(&self) -> bool {
        (0..self.n).any(|i| self.pivot(i).is_zero())
    }

    /// Overwrites the column-major `n x k` right-hand sides `x` with the solutions.
    /// Columns are independent, so many of them (the identity of `inv`) are split into
    /// one block per thread, each solved on its own thread.
    fn solve_in_place(&self, x: &mut [T], k: usize) {
        use rayon::prelude::*;
        let n = self.n;
        let threads = rayon::current_num_threads();
        if n <= LU_SEQ_MAX && threads > 1 && k >= 2 * SPLIT_COLS && n * n * k >= 1 << 22 {
            let per = k.div_ceil(threads).max(SPLIT_COLS);
            x.par_chunks_mut(n * per).for_each(|c| self.solve_block(c, c.len() / n, faer::Par::Seq));
        } else {
            self.solve_block(x, k, lu_par(n));
        }
    }

    fn solve_block(&self, x: &mut [T], k: usize, par: faer::Par) {
        let n = self.n;
        let lu = self.lu();
        let perm = PermRef::new_checked(&self.fwd, &self.bwd, n);
        let mut mem = MemBuffer::new(lu_solve::solve_in_place_scratch::<usize, T>(n, k, par));
        lu_solve::solve_in_place(
            lu,
            lu,
            perm,
            MatMut::from_column_major_slice_mut(x, n, k),
            par,
            MemStack::new(&mut mem),
        );
    }
}

/// Fewest right-hand sides per thread when they are split across threads.
const SPLIT_COLS: usize = 32;

/// Copies `a` column-major into `lu` (column stride `ld`). A row-major `a` is read eight
/// rows at a time, so that each column's eight new elements are one written cache line
/// and the eight rows are read in sequence.
fn load_strided<T: Copy>(a: MatRef<'_, T>, lu: &mut [T], ld: usize) {
    const R: usize = 8;
    let (n, m) = (a.nrows(), a.ncols());
    let row = |i: usize| a.row(i).try_as_row_major().map(faer::RowRef::as_slice);
    let mut i0 = 0;
    if a.col_stride() == 1 {
        while i0 + R <= n {
            let rows: [&[T]; R] = std::array::from_fn(|r| row(i0 + r).unwrap_or_default());
            if rows.iter().any(|r| r.len() != m) {
                break;
            }
            for j in 0..m {
                let dst = &mut lu[j * ld + i0..j * ld + i0 + R];
                for (d, r) in dst.iter_mut().zip(&rows) {
                    *d = r[j];
                }
            }
            i0 += R;
        }
    }
    for j in 0..m {
        for i in i0..n {
            lu[j * ld + i] = a[(i, j)];
        }
    }
}

/// Writes the column-major `n x k` matrix `x` row-major into `out`.
fn transpose_into<T: Copy>(x: &[T], n: usize, k: usize, out: &mut [T]) {
    for r in 0..n {
        for c in 0..k {
            out[r * k + c] = x[c * n + r];
        }
    }
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
        by_order!(n, solve_small::<T>(a, b, k, out))
    } else {
        solve_large(a, b, k, out)
    }
}

/// Solves every system of a square stack `a` against the stack `b` of `n x k` right-hand
/// sides (broadcast to `a`'s batch), or against the identity when `b` is `None` (the
/// inverses): the solutions row-major, one block of `n * k` per matrix. `work` estimates
/// one system's flops (the parallel threshold). Orders 2 to 4 run eight systems at a time
/// through the lane kernels where they cover the type.
///
/// # Errors
/// [`Error::Singular`] when a matrix is singular.
pub(crate) fn solve_stack<T: Compute>(
    a: &Stack<'_, T>,
    b: Option<&Stack<'_, T>>,
    k: usize,
    work: usize,
) -> Result<Vec<T>> {
    by_order!(a.n, solve_groups::<T>(a, b, k, work))
}

/// [`solve_stack`] with `N` as in [`by_order`].
fn solve_groups<T: Compute, const N: usize>(
    a: &Stack<'_, T>,
    b: Option<&Stack<'_, T>>,
    k: usize,
    work: usize,
) -> Result<Vec<T>> {
    let per = a.n * k;
    let one = |i: usize, o: &mut [T]| solve_one(a.mat(i), b.map(|b| b.mat(i)), o);
    let lanes = (2..=4).contains(&N) && k <= N && T::as_f64(&[]).is_some();
    let group = if lanes { LANES } else { 1 };
    run_groups(a.count(), per, group, work, |first, o| {
        if lanes && o.len() == LANES * per {
            let (mut abuf, mut bbuf) = (Vec::new(), Vec::new());
            let ga = T::as_f64(group_block(a, first, &mut abuf));
            let gb = b.map(|b| T::as_f64(group_block(b, first, &mut bbuf)));
            if let (Some(ga), Some(o)) = (ga, T::as_f64_mut(o))
                && gb.is_none_or(|g| g.is_some())
            {
                let singular = crate::lanes::group_solve::<N>(ga, gb.flatten(), k, o);
                return if singular { Err(Error::Singular) } else { Ok(()) };
            }
        }
        o.chunks_mut(per.max(1)).enumerate().try_for_each(|(i, o)| one(first + i, o))
    })
}

/// [`solve_one`] up to [`SMALL`], by the unblocked kernels; `N` as in [`by_order`].
fn solve_small<T: Compute, const N: usize>(
    a: MatRef<'_, T>,
    b: Option<MatRef<'_, T>>,
    k: usize,
    out: &mut [T],
) -> Result<()> {
    let n = order::<N>(a.nrows());
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
    Ok(())
}

/// [`solve_one`] above [`SMALL`], kept out of line so that the small kernel's loop is
/// compiled on its own.
#[inline(never)]
fn solve_large<T: Compute>(a: MatRef<'_, T>, b: Option<MatRef<'_, T>>, k: usize, out: &mut [T]) -> Result<()> {
    let n = a.nrows();
    let f = Factored::of(a);
    if f.singular() {
        return Err(Error::Singular);
    }
    // The right-hand sides, column-major, solved in place; one column is the same
    // memory in either order, so it is solved in `out` directly.
    let fill = |x: &mut [T]| match b {
        Some(b) => load_col_major(b, x),
        None => {
            for i in 0..n {
                x[i * n + i] = T::from_re(1.0);
            }
        }
    };
    if k == 1 {
        fill(&mut out[..n]);
        f.solve_in_place(&mut out[..n], 1);
    } else {
        let mut x = vec![T::default(); n * k];
        fill(&mut x);
        f.solve_in_place(&mut x, k);
        transpose_into(&x, n, k, out);
    }
    Ok(())
}
