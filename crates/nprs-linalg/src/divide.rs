//! The eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by divide and
//! conquer, the method of LAPACK's `dstedc` (`dlaed0` to `dlaed4`), behind `eigh`'s
//! vectors.
//!
//! The tridiagonal `T` of order `n` is torn at `n1 = n / 2`: with `rho` its coupling entry,
//! `T = diag(T1, T2) + rho v v^T` where `v` has ones at `n1 - 1` and `n1` (the second signed
//! as `rho`) and `T1`, `T2` have `|rho|` taken off the diagonal entries it touches. The two
//! halves are solved (in turn torn, down to [`LEAF`], where `dsteqr`'s QR iteration takes
//! over), on the pool's two threads, and merged: with `Ti = Qi Di Qi^T`, `T` is
//! `diag(Q1, Q2) (D + rho z z^T) diag(Q1, Q2)^T`, `z` the last row of `Q1` and the first of
//! `Q2`. The merge
//!
//! 1. **deflates**: an eigenvalue whose `z` is negligible is already one of `T`'s, and of
//!    two nearly equal ones a plane rotation makes one so (`dlaed2`);
//! 2. finds the `k` remaining eigenvalues `lambda`, the roots of the secular equation
//!    `1 / rho + sum z_j^2 / (d_j - lambda) = 0`, one between each pair of poles, each
//!    held as the pole nearer to it plus an offset so that its distance to that pole keeps
//!    every bit (`dlaed4`, with the two-pole rational model of its "middle way");
//! 3. recomputes `z` from the roots (Löwner's formula, as `dlaed3` does), so that the
//!    vectors `(D - lambda_j)^-1 z` are orthogonal to working precision;
//! 4. multiplies the halves' vectors by those of the rank-one problem, as two products
//!    `Q1 S1` and `Q2 S2` (deflated vectors are combined from the columns they came from).
//!
//! faer's divide and conquer spent most of its time in steps 2 and 3 on one thread (about
//! 30 of the 60 ms at order 1,024): here the roots, the Löwner products and the vectors are
//! each shared between the threads and computed in 8 partial sums (or products), vectorised
//! by [`wide`]. Each root and each vector is computed by itself, in a fixed order, so the
//! bits do not depend on the number of threads.

use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{Accum, Mat, MatMut, MatRef, Par};
use rayon::prelude::*;

use crate::lapack_steps::{self, NotConverged};
use crate::sums::{Kernel, wide};

/// The order up to which a tridiagonal is solved by `dsteqr`'s QR iteration (`dstedc`'s
/// `SMLSIZ`).
const LEAF: usize = lapack_steps::MAX_SMALL;

/// The order from which a problem's halves, roots and products are shared between threads.
const PAR_MIN: usize = 128;

/// LAPACK's relative machine precision `dlamch('E')`.
const EPS: f64 = f64::EPSILON * 0.5;

/// Partial sums (and products) of the secular equation's loops.
const LANES: usize = 8;

/// Iterations of one root's search before it settles for its bracket's last point.
const MAX_ITER: usize = 80;

/// The eigenvalues (ascending, into `d`) and eigenvectors (the columns of the result) of the
/// symmetric tridiagonal with diagonal `d` and off-diagonal `e` (`n - 1` entries, finite).
///
/// # Errors
/// [`NotConverged`] when the QR iteration of a leaf does not converge.
pub(crate) fn eigen(d: &mut [f64], e: &[f64]) -> Result<Mat<f64>, NotConverged> {
    let n = d.len();
    let mut q = Mat::<f64>::zeros(n, n);
    let scale = d.iter().chain(e).fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        for i in 0..n {
            q[(i, i)] = 1.0;
        }
        return Ok(q);
    }
    // Scaled to a largest entry of one, as `dstedc` scales, so that the deflation
    // tolerances and the secular equation's sums stay far from overflow.
    d.iter_mut().for_each(|x| *x /= scale);
    let e: Vec<f64> = e.iter().map(|x| x / scale).collect();
    let mut w = Mat::<f64>::zeros(n, n);
    let mut s = vec![0.0; n * n];
    solve(d, &e, q.as_mut(), w.as_mut(), &mut s)?;
    d.iter_mut().for_each(|x| *x *= scale);
    Ok(q)
}

/// `(a(), b())`, on two threads when `par`.
fn join<A: FnOnce() -> RA + Send, B: FnOnce() -> RB + Send, RA: Send, RB: Send>(par: bool, a: A, b: B) -> (RA, RB) {
    if par { rayon::join(a, b) } else { (a(), b()) }
}

/// Solves `(d, e)` into `q` (`n x n`), with `w` (`n x n`) and `s` (`n * n` long) as scratch.
fn solve(
    d: &mut [f64],
    e: &[f64],
    mut q: MatMut<'_, f64>,
    mut w: MatMut<'_, f64>,
    s: &mut [f64],
) -> Result<(), NotConverged> {
    let n = d.len();
    if n <= LEAF {
        let z = lapack_steps::tridiagonal_eigen(d, &mut e.to_vec())?;
        for (j, col) in z.chunks_exact(n).enumerate() {
            q.rb_mut().col_mut(j).iter_mut().zip(col).for_each(|(q, z)| *q = *z);
        }
        return Ok(());
    }
    let n1 = n / 2;
    let rho = e[n1 - 1];
    d[n1 - 1] -= rho.abs();
    d[n1] -= rho.abs();
    {
        let (d0, d1) = d.split_at_mut(n1);
        let (q00, mut q01, mut q10, q11) = q.rb_mut().split_at_mut(n1, n1);
        q01.fill(0.0);
        q10.fill(0.0);
        let (w00, _, _, w11) = w.rb_mut().split_at_mut(n1, n1);
        let (s0, s1) = s.split_at_mut(n1 * n1);
        let (r0, r1) =
            join(n >= PAR_MIN, || solve(d0, &e[..n1 - 1], q00, w00, s0), || solve(d1, &e[n1..], q11, w11, s1));
        r0?;
        r1?;
    }
    merge(d, q, w, &mut s[..n * n], n1, rho);
    Ok(())
}

/// The rank-one problem of a merge after deflation: `D + rho z z^T` with `d` strictly
/// ascending and no `z` negligible.
struct Secular {
    d: Vec<f64>,
    /// `z_j^2`.
    zz: Vec<f64>,
    z: Vec<f64>,
    rho: f64,
}

/// A root `lambda = d[origin] + tau` of the secular equation.
#[derive(Clone, Copy, Default)]
struct Root {
    origin: usize,
    tau: f64,
}

/// One merge, deflated and solved: the columns of `diag(Q1, Q2)` in ascending order of
/// their eigenvalues (`perm`), which of them deflate and by which rotations, and the roots
/// of the rest with their Löwner `z`.
struct Merged {
    perm: Vec<usize>,
    /// The eigenvalues in `perm`'s order, rotated pairs updated.
    ds: Vec<f64>,
    /// Positions (in `perm`'s order) kept for the secular equation, ascending.
    kept: Vec<usize>,
    /// Positions deflated.
    deflated: Vec<usize>,
    /// The deflating rotations `(column a, column b, c, s)`, in the order made.
    turns: Vec<(usize, usize, f64, f64)>,
    sec: Secular,
    /// Each root's pole `d[origin]` and offset `tau`.
    at: Vec<f64>,
    taus: Vec<f64>,
    zhat: Vec<f64>,
}

impl Merged {
    /// Deflates and solves `diag(d) + rho z z^T` (`d[..n1]` and `d[n1..]` each ascending;
    /// `z` of unit norm, `rho > 0`).
    fn new(d: &[f64], n1: usize, z: &[f64], rho: f64, par: bool) -> Merged {
        let n = d.len();
        // The two ascending halves merged: `perm[p]` is the column of the `p`-th smallest.
        let mut perm = Vec::with_capacity(n);
        let (mut i, mut j) = (0, n1);
        while perm.len() < n {
            if j == n || (i < n1 && d[i] <= d[j]) {
                perm.push(i);
                i += 1;
            } else {
                perm.push(j);
                j += 1;
            }
        }
        let mut ds: Vec<f64> = perm.iter().map(|&p| d[p]).collect();
        let mut zs: Vec<f64> = perm.iter().map(|&p| z[p]).collect();
        let dmax = ds.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        let zmax = zs.iter().fold(0.0f64, |m, x| m.max(x.abs()));
        let tol = 8.0 * EPS * dmax.max(zmax);

        // Deflation (`dlaed2`), in ascending order: `cand` is the last kept candidate; of it
        // and a close successor, the rotation that zeroes its `z` deflates it.
        let (mut kept, mut deflated) = (Vec::with_capacity(n), Vec::new());
        let mut turns = Vec::new();
        let mut cand: Option<usize> = None;
        for j in 0..n {
            if rho * zs[j].abs() <= tol {
                deflated.push(j);
                continue;
            }
            if let Some(p) = cand {
                let tau = zs[p].hypot(zs[j]);
                let (c, s) = (zs[j] / tau, -zs[p] / tau);
                if ((ds[j] - ds[p]) * c * s).abs() <= tol {
                    zs[j] = tau;
                    zs[p] = 0.0;
                    turns.push((perm[p], perm[j], c, s));
                    let (dp, dj) = (ds[p], ds[j]);
                    ds[p] = dp * c * c + dj * s * s;
                    ds[j] = dp * s * s + dj * c * c;
                    deflated.push(p);
                } else {
                    kept.push(p);
                }
            }
            cand = Some(j);
        }
        kept.extend(cand);

        let sec = Secular {
            d: kept.iter().map(|&p| ds[p]).collect(),
            zz: kept.iter().map(|&p| zs[p] * zs[p]).collect(),
            z: kept.iter().map(|&p| zs[p]).collect(),
            rho,
        };
        let roots: Vec<Root> = by_index(kept.len(), par, |i| sec.root(i));
        let at: Vec<f64> = roots.iter().map(|r| sec.d[r.origin]).collect();
        let taus: Vec<f64> = roots.iter().map(|r| r.tau).collect();
        let zhat: Vec<f64> = by_index(kept.len(), par, |i| sec.lowner(i, &at, &taus));
        Merged { perm, ds, kept, deflated, turns, sec, at, taus, zhat }
    }

    /// The eigenvalues, the roots' first, then the deflated ones'.
    fn values(&self) -> Vec<f64> {
        (0..self.kept.len())
            .map(|j| self.at[j] + self.taus[j])
            .chain(self.deflated.iter().map(|&p| self.ds[p]))
            .collect()
    }

    /// Column `j` of `S`, the merge's vectors in the basis of `diag(Q1, Q2)`'s columns
    /// (`j` indexing [`Merged::values`]), into `col`, with the rotations applied.
    fn column(&self, j: usize, col: &mut [f64]) {
        let k = self.kept.len();
        col.fill(0.0);
        if j < k {
            let v = self.sec.vector(&self.zhat, self.at[j], self.taus[j]);
            for (&p, x) in self.kept.iter().zip(v) {
                col[self.perm[p]] = x;
            }
        } else {
            col[self.perm[self.deflated[j - k]]] = 1.0;
        }
        for &(a, b, c, sn) in self.turns.iter().rev() {
            let (x, y) = (col[a], col[b]);
            col[a] = c * x - sn * y;
            col[b] = sn * x + c * y;
        }
    }

    /// `(r0 S, r1 S)` for two rows `r0`, `r1` of `diag(Q1, Q2)` (the first and last, all a
    /// values-only merge keeps), `S` never formed: the rows are rotated once, and each
    /// root's vector is dotted with them.
    fn rows(&self, r0: &[f64], r1: &[f64], par: bool) -> (Vec<f64>, Vec<f64>) {
        let (mut r0, mut r1) = (r0.to_vec(), r1.to_vec());
        for &(a, b, c, sn) in &self.turns {
            for r in [&mut r0, &mut r1] {
                let (x, y) = (r[a], r[b]);
                r[a] = c * x + sn * y;
                r[b] = c * y - sn * x;
            }
        }
        let g0: Vec<f64> = self.kept.iter().map(|&p| r0[self.perm[p]]).collect();
        let g1: Vec<f64> = self.kept.iter().map(|&p| r1[self.perm[p]]).collect();
        let dots: Vec<(f64, f64)> = by_index(self.kept.len(), par, |j| {
            let v = self.sec.vector(&self.zhat, self.at[j], self.taus[j]);
            (dot(&v, &g0), dot(&v, &g1))
        });
        let deflated = self.deflated.iter().map(|&p| self.perm[p]);
        (
            dots.iter().map(|x| x.0).chain(deflated.clone().map(|c| r0[c])).collect(),
            dots.iter().map(|x| x.1).chain(deflated.map(|c| r1[c])).collect(),
        )
    }
}

/// The indices of `values` in ascending order of value.
fn ascending(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    order
}

/// `sum a_i b_i` in [`LANES`] partial sums.
fn dot(a: &[f64], b: &[f64]) -> f64 {
    /// [`dot`] as a [`Kernel`].
    struct Dot<'a>(&'a [f64], &'a [f64]);
    impl Kernel for Dot<'_> {
        type Out = f64;
        #[inline(always)]
        fn run(self) -> f64 {
            let mut s = [0.0; LANES];
            let (a, b) = (self.0.chunks_exact(LANES), self.1.chunks_exact(LANES));
            let (ar, br) = (a.remainder(), b.remainder());
            for (a, b) in a.zip(b) {
                for l in 0..LANES {
                    s[l] += a[l] * b[l];
                }
            }
            for (l, (a, b)) in ar.iter().zip(br).enumerate() {
                s[l] += a * b;
            }
            s.iter().sum()
        }
    }
    wide(Dot(a, b))
}

/// `z` of a merge at `n1` with coupling `rho`, from the last row of the first half's
/// vectors and the first row of the second's, normalised (`rho` then doubled).
fn coupling(last0: impl Iterator<Item = f64>, first1: impl Iterator<Item = f64>, rho: f64) -> Vec<f64> {
    let half = std::f64::consts::FRAC_1_SQRT_2;
    let sign = if rho < 0.0 { -1.0 } else { 1.0 };
    last0.map(|x| x * half).chain(first1.map(|x| sign * x * half)).collect()
}

/// Merges the solved halves `d[..n1]`, `d[n1..]` (each ascending) with their vectors in the
/// diagonal blocks of `q`, coupled by `rho`, into `T`'s eigenvalues (ascending, in `d`) and
/// vectors (in `q`); `w` and `s` are scratch.
fn merge(d: &mut [f64], mut q: MatMut<'_, f64>, mut w: MatMut<'_, f64>, s: &mut [f64], n1: usize, rho: f64) {
    let n = d.len();
    let par = n >= PAR_MIN;
    let z = coupling((0..n1).map(|i| q[(n1 - 1, i)]), (n1..n).map(|i| q[(n1, i)]), rho);
    let m = Merged::new(d, n1, &z, 2.0 * rho.abs(), par);
    let k = m.kept.len();

    // `S` (`n x n`, column-major), built column by column on the threads.
    if par {
        s.par_chunks_mut(n).with_min_len(8).enumerate().for_each(|(j, col)| m.column(j, col));
    } else {
        s.chunks_mut(n).enumerate().for_each(|(j, col)| m.column(j, col));
    }
    let sm = MatRef::from_column_major_slice(s, n, n);

    // The new vectors into `w`: the roots' by two products, the deflated ones' from the few
    // columns each combines.
    let fpar = if par { faer::get_global_parallelism() } else { Par::Seq };
    if k > 0 {
        let (top, bottom) = w.rb_mut().submatrix_mut(0, 0, n, k).split_at_row_mut(n1);
        let q1: MatRef<'_, f64> = q.rb().submatrix(0, 0, n1, n1);
        let q2: MatRef<'_, f64> = q.rb().submatrix(n1, n1, n - n1, n - n1);
        faer::linalg::matmul::matmul(top, Accum::Replace, q1, sm.submatrix(0, 0, n1, k), 1.0, fpar);
        faer::linalg::matmul::matmul(bottom, Accum::Replace, q2, sm.submatrix(n1, 0, n - n1, k), 1.0, fpar);
    }
    for c in k..n {
        let mut out = w.rb_mut().col_mut(c);
        out.fill(0.0);
        for (r, &x) in s[c * n..(c + 1) * n].iter().enumerate() {
            if x != 0.0 {
                let rows = if r < n1 { 0..n1 } else { n1..n };
                for i in rows {
                    out[i] += x * q[(i, r)];
                }
            }
        }
    }

    // Everything in ascending order.
    let values = m.values();
    for (out, &src) in ascending(&values).iter().enumerate() {
        d[out] = values[src];
        q.rb_mut().col_mut(out).copy_from(w.rb().col(src));
    }
}

/// The eigenvalues (ascending, into `d`) of the symmetric tridiagonal `(d, e)` by the same
/// divide and conquer without the vectors: each solved part keeps only the first and last
/// rows of its vectors, all a merge above it reads, so a merge costs `O(n^2)` (its roots,
/// and each root's vector dotted with the two rows) and every step is shared between the
/// threads, where `dsterf`'s iteration is one chain of divisions.
///
/// # Errors
/// [`NotConverged`] when the QR iteration of a leaf does not converge.
pub(crate) fn values(d: &mut [f64], e: &[f64]) -> Result<(), NotConverged> {
    let scale = d.iter().chain(e).fold(0.0f64, |m, x| m.max(x.abs()));
    if scale == 0.0 {
        return Ok(());
    }
    d.iter_mut().for_each(|x| *x /= scale);
    let e: Vec<f64> = e.iter().map(|x| x / scale).collect();
    solve_values(d, &e)?;
    d.iter_mut().for_each(|x| *x *= scale);
    Ok(())
}

/// Solves `(d, e)`'s eigenvalues into `d`, returning the first and last rows of its vectors.
fn solve_values(d: &mut [f64], e: &[f64]) -> Result<(Vec<f64>, Vec<f64>), NotConverged> {
    let n = d.len();
    if n <= LEAF {
        let z = lapack_steps::tridiagonal_eigen(d, &mut e.to_vec())?;
        return Ok((z.chunks_exact(n).map(|c| c[0]).collect(), z.chunks_exact(n).map(|c| c[n - 1]).collect()));
    }
    let n1 = n / 2;
    let rho = e[n1 - 1];
    d[n1 - 1] -= rho.abs();
    d[n1] -= rho.abs();
    let par = n >= PAR_MIN;
    let ((f0, l0), (f1, l1)) = {
        let (d0, d1) = d.split_at_mut(n1);
        let (r0, r1) = join(par, || solve_values(d0, &e[..n1 - 1]), || solve_values(d1, &e[n1..]));
        (r0?, r1?)
    };
    let z = coupling(l0.iter().copied(), f1.iter().copied(), rho);
    let m = Merged::new(d, n1, &z, 2.0 * rho.abs(), par);
    let first: Vec<f64> = f0.iter().copied().chain(std::iter::repeat_n(0.0, n - n1)).collect();
    let last: Vec<f64> = std::iter::repeat_n(0.0, n1).chain(l1.iter().copied()).collect();
    let (first, last) = m.rows(&first, &last, par);
    let values = m.values();
    let order = ascending(&values);
    for (out, &src) in order.iter().enumerate() {
        d[out] = values[src];
    }
    Ok((order.iter().map(|&i| first[i]).collect(), order.iter().map(|&i| last[i]).collect()))
}

/// `f(i)` for `i` in `0..k`, shared between the threads when `par`.
fn by_index<R: Send, F: Fn(usize) -> R + Sync + Send>(k: usize, par: bool, f: F) -> Vec<R> {
    if par { (0..k).into_par_iter().with_min_len(16).map(&f).collect() } else { (0..k).map(f).collect() }
}

impl Secular {
    /// Root `i` (ascending; in `(d_i, d_{i+1})`, the last above `d_{k-1}`), by the two-pole
    /// rational model of `dlaed4`'s "middle way", kept inside a shrinking bracket by Newton
    /// and bisection steps.
    fn root(&self, i: usize) -> Root {
        let (d, zz, k) = (&self.d, &self.zz, self.d.len());
        let rhoinv = 1.0 / self.rho;
        if k == 1 {
            return Root { origin: 0, tau: self.rho * zz[0] };
        }
        let last = i == k - 1;
        // The pole the root is nearer to, and the bracket of `tau`.
        let (origin, mut lo, mut hi, mid, f) = if last {
            let hi = self.rho * zz.iter().sum::<f64>();
            let mid = 0.5 * hi;
            (i, 0.0, hi, mid, rhoinv + sums(d, zz, d[i], mid).0)
        } else {
            let mid = 0.5 * (d[i + 1] - d[i]);
            let f = rhoinv + sums(d, zz, d[i], mid).0;
            if f >= 0.0 {
                (i, 0.0, mid, mid, f)
            } else {
                (i + 1, mid - (d[i + 1] - d[i]), 0.0, mid - (d[i + 1] - d[i]), f)
            }
        };
        let (p, q) = if last { (k - 2, k - 1) } else { (i, i + 1) };
        let base = d[origin];
        // The first guess, as `dlaed4` makes it: the two nearest poles' terms exact, the
        // rest of the sum frozen at its value at the midpoint `mid`.
        let (pp, qq) = (d[p] - base, d[q] - base);
        let c = f - zz[p] / (pp - mid) - zz[q] / (qq - mid);
        let a = c * (pp + qq) + zz[p] + zz[q];
        let b = c * pp * qq + zz[p] * qq + zz[q] * pp;
        let mut tau = model_root(a, b, c, &|t: f64| t.is_finite() && lo < t && t < hi).unwrap_or(0.5 * (lo + hi));
        for _ in 0..MAX_ITER {
            let (psi, dpsi, apsi) = sums(&d[..=p], &zz[..=p], base, tau);
            let (phi, dphi, aphi) = sums(&d[q..], &zz[q..], base, tau);
            let w = rhoinv + psi + phi;
            let dw = dpsi + dphi;
            let bound = EPS * (8.0 * (apsi + aphi) + 2.0 * rhoinv + 3.0 * tau.abs() * dw);
            if w.abs() <= bound {
                break;
            }
            if w < 0.0 {
                lo = tau;
            } else {
                hi = tau;
            }
            // The model `c + s_p / (del_p - eta) + s_q / (del_q - eta)` matching `w` and its
            // derivative split at the two poles: `c eta^2 - a eta + b = 0`.
            let (dp, dq) = ((d[p] - base) - tau, (d[q] - base) - tau);
            let c = w - dp * dpsi - dq * dphi;
            let a = (dp + dq) * w - dp * dq * dw;
            let b = dp * dq * w;
            let inside = |eta: f64| eta.is_finite() && lo < tau + eta && tau + eta < hi;
            let eta = model_root(a, b, c, &inside).unwrap_or_else(|| {
                let newton = -w / dw;
                if inside(newton) { newton } else { 0.5 * (lo + hi) - tau }
            });
            let next = tau + eta;
            if next == tau || next <= lo || next >= hi {
                break;
            }
            tau = next;
        }
        Root { origin, tau }
    }

    /// Löwner's `z_i`: the `z` of which the roots found are the exact eigenvalues,
    /// `|z_i|^2 = prod_j (lambda_j - d_i) / prod_{j != i} (d_j - d_i)` (times `1 / rho`, which
    /// the normalised vectors do not see), with the sign of the deflated problem's `z_i`.
    fn lowner(&self, i: usize, at: &[f64], taus: &[f64]) -> f64 {
        let d = &self.d;
        let di = d[i];
        let own = (at[i] - di) + taus[i];
        let below = products(&d[..i], &at[..i], &taus[..i], di);
        let above = products(&d[i + 1..], &at[i + 1..], &taus[i + 1..], di);
        let m = (own * below * above).abs().sqrt();
        if self.z[i] < 0.0 { -m } else { m }
    }

    /// The unit eigenvector `(D - lambda)^-1 zhat` of the root `lambda = at + tau`.
    fn vector(&self, zhat: &[f64], at: f64, tau: f64) -> Vec<f64> {
        let mut v = vec![0.0; zhat.len()];
        let norm = wide(Vector { d: &self.d, zhat, at, tau, out: &mut v }).sqrt();
        let inv = 1.0 / norm;
        v.iter_mut().for_each(|x| *x *= inv);
        v
    }
}

/// The root of `c eta^2 - a eta + b = 0` that `inside` accepts (the nearer one if both),
/// each of the two computed without cancellation.
fn model_root(a: f64, b: f64, c: f64, inside: &impl Fn(f64) -> bool) -> Option<f64> {
    if c == 0.0 {
        return if a == 0.0 { None } else { Some(b / a).filter(|e| inside(*e)) };
    }
    let disc = (a * a - 4.0 * b * c).max(0.0).sqrt();
    let big = a + if a < 0.0 { -disc } else { disc };
    let r1 = big / (2.0 * c);
    let r2 = if big == 0.0 { f64::NAN } else { 2.0 * b / big };
    match (inside(r1), inside(r2)) {
        (true, true) => Some(if r1.abs() <= r2.abs() { r1 } else { r2 }),
        (true, false) => Some(r1),
        (false, true) => Some(r2),
        (false, false) => None,
    }
}

/// `(sum t_j, sum t_j / del_j, sum |t_j|)` with `del_j = (d_j - base) - tau` and
/// `t_j = zz_j / del_j`.
fn sums(d: &[f64], zz: &[f64], base: f64, tau: f64) -> (f64, f64, f64) {
    wide(Sums { d, zz, base, tau })
}

/// [`sums`] as a [`Kernel`].
struct Sums<'a> {
    d: &'a [f64],
    zz: &'a [f64],
    base: f64,
    tau: f64,
}

impl Kernel for Sums<'_> {
    type Out = (f64, f64, f64);
    #[inline(always)]
    fn run(self) -> (f64, f64, f64) {
        let (mut s, mut ds, mut abs) = ([0.0; LANES], [0.0; LANES], [0.0; LANES]);
        let (d, zz) = (self.d.chunks_exact(LANES), self.zz.chunks_exact(LANES));
        let (dr, zr) = (d.remainder(), zz.remainder());
        for (d, zz) in d.zip(zz) {
            for l in 0..LANES {
                let r = 1.0 / ((d[l] - self.base) - self.tau);
                let t = zz[l] * r;
                s[l] += t;
                ds[l] += t * r;
                abs[l] += t.abs();
            }
        }
        for (l, (d, zz)) in dr.iter().zip(zr).enumerate() {
            let r = 1.0 / ((d - self.base) - self.tau);
            let t = zz * r;
            s[l] += t;
            ds[l] += t * r;
            abs[l] += t.abs();
        }
        (s.iter().sum(), ds.iter().sum(), abs.iter().sum())
    }
}

/// `prod_j ((at_j - di) + tau_j) / (d_j - di)` in [`LANES`] partial products.
fn products(d: &[f64], at: &[f64], taus: &[f64], di: f64) -> f64 {
    wide(Products { d, at, taus, di })
}

/// [`products`] as a [`Kernel`].
struct Products<'a> {
    d: &'a [f64],
    at: &'a [f64],
    taus: &'a [f64],
    di: f64,
}

impl Kernel for Products<'_> {
    type Out = f64;
    #[inline(always)]
    fn run(self) -> f64 {
        let mut p = [1.0; LANES];
        let (d, at, taus) = (self.d.chunks_exact(LANES), self.at.chunks_exact(LANES), self.taus.chunks_exact(LANES));
        let (dr, ar, tr) = (d.remainder(), at.remainder(), taus.remainder());
        for ((d, at), taus) in d.zip(at).zip(taus) {
            for l in 0..LANES {
                p[l] *= ((at[l] - self.di) + taus[l]) / (d[l] - self.di);
            }
        }
        for (l, ((d, at), tau)) in dr.iter().zip(ar).zip(tr).enumerate() {
            p[l] *= ((at - self.di) + tau) / (d - self.di);
        }
        p.iter().product()
    }
}

/// `out_i = zhat_i / ((d_i - at) - tau)`, returning `sum out_i^2`.
struct Vector<'a> {
    d: &'a [f64],
    zhat: &'a [f64],
    at: f64,
    tau: f64,
    out: &'a mut [f64],
}

impl Kernel for Vector<'_> {
    type Out = f64;
    #[inline(always)]
    fn run(self) -> f64 {
        let mut s = [0.0; LANES];
        let (d, zhat) = (self.d.chunks_exact(LANES), self.zhat.chunks_exact(LANES));
        let (dr, zr) = (d.remainder(), zhat.remainder());
        let mut out = self.out.chunks_exact_mut(LANES);
        for ((d, zhat), out) in d.zip(zhat).zip(&mut out) {
            for l in 0..LANES {
                let v = zhat[l] / ((d[l] - self.at) - self.tau);
                out[l] = v;
                s[l] += v * v;
            }
        }
        for (l, ((d, zhat), out)) in dr.iter().zip(zr).zip(out.into_remainder()).enumerate() {
            let v = zhat / ((d - self.at) - self.tau);
            *out = v;
            s[l] += v * v;
        }
        s.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nprs_testkit::mutate::Rng;

    /// Uniform in `[0, 1)`.
    fn uniform(rng: &mut Rng) -> f64 {
        (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// `max |T Q - Q diag(d)|` and `max |Q^T Q - I|`.
    fn errors(d0: &[f64], e0: &[f64], w: &[f64], q: &Mat<f64>) -> (f64, f64) {
        let n = d0.len();
        let mut res = 0.0f64;
        for j in 0..n {
            for i in 0..n {
                let mut t = d0[i] * q[(i, j)];
                if i > 0 {
                    t += e0[i - 1] * q[(i - 1, j)];
                }
                if i + 1 < n {
                    t += e0[i] * q[(i + 1, j)];
                }
                res = res.max((t - w[j] * q[(i, j)]).abs());
            }
        }
        let g = q.transpose() * q;
        let mut orth = 0.0f64;
        for j in 0..n {
            for i in 0..n {
                orth = orth.max((g[(i, j)] - if i == j { 1.0 } else { 0.0 }).abs());
            }
        }
        (res, orth)
    }

    fn check(d0: &[f64], e0: &[f64]) {
        let n = d0.len();
        let mut d = d0.to_vec();
        let q = eigen(&mut d, e0).expect("converges");
        assert!(d.windows(2).all(|w| w[0] <= w[1]), "ascending");
        let norm = d0.iter().chain(e0).fold(0.0f64, |m, x| m.max(x.abs())).max(f64::MIN_POSITIVE);
        let (res, orth) = errors(d0, e0, &d, &q);
        let bound = 50.0 * n as f64 * f64::EPSILON;
        assert!(res <= bound * norm, "n {n}: residual {res:e} against {:e}", bound * norm);
        assert!(orth <= bound, "n {n}: orthogonality {orth:e}");
        // The values against `dsterf`'s.
        let mut v = d0.to_vec();
        lapack_steps::tridiagonal_values(&mut v, &mut e0.to_vec()).expect("converges");
        for (a, b) in d.iter().zip(&v) {
            assert!((a - b).abs() <= bound * norm, "n {n}: value {a} against {b}");
        }
        // The values-only divide and conquer, against `dsterf`'s too.
        let mut alone = d0.to_vec();
        values(&mut alone, e0).expect("converges");
        for (a, b) in alone.iter().zip(&v) {
            assert!((a - b).abs() <= bound * norm, "n {n}: value alone {a} against {b}");
        }
        // One thread and two give the same bits.
        let mut alone1 = d0.to_vec();
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool")
            .install(|| values(&mut alone1, e0).expect("converges"));
        assert!(alone.iter().zip(&alone1).all(|(a, b)| a.to_bits() == b.to_bits()), "n {n}: values alone differ");
        let mut d1 = d0.to_vec();
        let q1 = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("pool")
            .install(|| eigen(&mut d1, e0).expect("converges"));
        assert!(d.iter().zip(&d1).all(|(a, b)| a.to_bits() == b.to_bits()), "n {n}: values differ by threads");
        for j in 0..n {
            assert!(
                q.col_as_slice(j).iter().zip(q1.col_as_slice(j)).all(|(a, b)| a.to_bits() == b.to_bits()),
                "n {n}: vectors differ by threads"
            );
        }
    }

    #[test]
    fn random_tridiagonals() {
        let mut rng = Rng(17);
        for &n in &[1usize, 2, 3, 25, 26, 27, 64, 129, 300, 513] {
            let d: Vec<f64> = (0..n).map(|_| uniform(&mut rng) - 0.5).collect();
            let e: Vec<f64> = (0..n.saturating_sub(1)).map(|_| uniform(&mut rng) - 0.5).collect();
            check(&d, &e);
        }
    }

    /// Repeated and clustered eigenvalues, which deflate: Wilkinson's matrices glued by
    /// small couplings, a matrix with zero couplings, a constant one, and graded entries.
    #[test]
    fn deflating_tridiagonals() {
        for &(m, glue) in &[(21usize, 1e-7), (21, 1e-14), (10, 0.0), (41, 1e-10)] {
            let blocks = 12;
            let n = m * blocks;
            let d: Vec<f64> = (0..n).map(|i| ((i % m) as f64 - (m / 2) as f64).abs()).collect();
            let e: Vec<f64> = (0..n - 1).map(|i| if (i + 1) % m == 0 { glue } else { 1.0 }).collect();
            check(&d, &e);
        }
        check(&[1.0; 200], &[0.0; 199]);
        check(&[2.0; 150], &[1.0; 149]);
        let graded: Vec<f64> = (0..160).map(|i| f64::from(i).exp2() * 1e-20).collect();
        check(&graded, &graded[1..].iter().map(|x| x / 20.0).collect::<Vec<_>>());
        let mut rng = Rng(5);
        // Many equal diagonal entries, small random couplings.
        let e: Vec<f64> = (0..299).map(|_| 1e-9 * uniform(&mut rng)).collect();
        check(&(0..300).map(|i| f64::from(i % 3)).collect::<Vec<_>>(), &e);
    }
}
