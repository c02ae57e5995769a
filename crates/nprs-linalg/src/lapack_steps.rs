//! The real SVD and symmetric eigendecomposition the way LAPACK's `dgesdd` and `dsyevd`
//! compute them for small matrices, so that the singular vectors and eigenvectors carry the
//! signs NumPy's `numpy.linalg.svd` and `eigh` give them.
//!
//! Singular vectors are defined only up to sign, and the sign LAPACK returns is not the
//! result of a normalisation that could be applied afterwards: it falls out of the
//! reduction steps. This module takes the same steps, for matrices whose smaller side is at
//! most [`MAX_SMALL`] (where `dbdsdc` hands the bidiagonal problem to the QR iteration of
//! `dbdsqr` rather than to divide and conquer):
//!
//! 1. `dgesdd`'s scaling of a matrix whose largest entry is tiny or huge;
//! 2. for a matrix much taller (wider) than wide (tall), a Householder QR (LQ) first, its
//!    triangle then reduced;
//! 3. Householder bidiagonalisation (`dgebd2`), the reflectors built the way `dlarfg`
//!    builds them (`beta = -sign(alpha) * norm`, no reflection for a zero tail);
//! 4. a lower bidiagonal (wide matrices) rotated to an upper one, as `dbdsdc` does;
//! 5. the implicit zero-shift/shifted QR iteration of `dbdsqr` (its sweep direction, its
//!    convergence tests, its 2x2 blocks), negative values made positive by negating rows of
//!    `Vt`, and the three selection sorts of `dbdsqr`, `dlasdq` and `dbdsdc` in turn (they
//!    decide the order of equal singular values);
//! 6. the reflectors applied to the bidiagonal problem's vectors (`dormbr`).
//!
//! The symmetric eigenproblem of `eigh` (`n <= MAX_SMALL`) likewise takes `dsyevd`'s steps:
//! scaling, `dsytd2`'s Householder tridiagonalisation from the triangle read, `dsteqr`'s implicit QL/QR iteration with Wilkinson shifts (QL when the top of a
//! block is the smaller end) and its ascending selection sort, then the reflectors applied
//! to the vectors (`dormtr`).
//!
//! Plane rotations are LAPACK 3.10's `dlartg` (`c >= 0`, `r` with the sign of `f`). The
//! arithmetic is not summed in OpenBLAS's order, so the numbers agree to rounding and the
//! signs agree exactly, except where the matrix makes a decision depend on the last bit.

use std::ops::{Index, IndexMut};

/// The largest `min(m, n)` (or `n` for `eigh`) this module handles: `SMLSIZ` of `dbdsdc`
/// and `dstedc`, the size up to which LAPACK solves the bidiagonal (tridiagonal) problem by
/// QR iteration rather than divide and conquer.
pub(crate) const MAX_SMALL: usize = 25;

/// LAPACK's relative machine precision `dlamch('E')` (half the gap above 1).
const EPS: f64 = f64::EPSILON * 0.5;
/// LAPACK's safe minimum `dlamch('S')`.
const SAFMIN: f64 = f64::MIN_POSITIVE;
/// `dbdsqr`'s bound on sweeps per singular value.
const MAXITR: usize = 6;

/// The QR iteration did not converge.
#[derive(Debug)]
pub(crate) struct NotConverged;

/// A column-major matrix, the layout LAPACK works in.
#[derive(Clone, Debug)]
struct Mat {
    rows: usize,
    cols: usize,
    v: Vec<f64>,
}

impl Mat {
    fn zeros(rows: usize, cols: usize) -> Mat {
        Mat { rows, cols, v: vec![0.0; rows * cols] }
    }

    fn eye(n: usize) -> Mat {
        let mut m = Mat::zeros(n, n);
        for i in 0..n {
            m[(i, i)] = 1.0;
        }
        m
    }

    fn swap_rows(&mut self, a: usize, b: usize) {
        for j in 0..self.cols {
            self.v.swap(a + j * self.rows, b + j * self.rows);
        }
    }

    fn swap_cols(&mut self, a: usize, b: usize) {
        for i in 0..self.rows {
            self.v.swap(i + a * self.rows, i + b * self.rows);
        }
    }

    /// Row `r` times `-1`.
    fn negate_row(&mut self, r: usize) {
        for j in 0..self.cols {
            self[(r, j)] = -self[(r, j)];
        }
    }

    /// The plane rotation `(x, y) <- (c x + s y, c y - s x)` of rows `a` (x) and `b` (y).
    fn rotate_rows(&mut self, a: usize, b: usize, c: f64, s: f64) {
        for j in 0..self.cols {
            let (x, y) = (self[(a, j)], self[(b, j)]);
            self[(a, j)] = c * x + s * y;
            self[(b, j)] = c * y - s * x;
        }
    }

    /// The plane rotation of columns `a` (x) and `b` (y), as [`Mat::rotate_rows`].
    fn rotate_cols(&mut self, a: usize, b: usize, c: f64, s: f64) {
        for i in 0..self.rows {
            let (x, y) = (self[(i, a)], self[(i, b)]);
            self[(i, a)] = c * x + s * y;
            self[(i, b)] = c * y - s * x;
        }
    }

    /// The sequence of rotations `k = 0..c.len()` in the planes `(first + k, first + k + 1)`
    /// applied to rows (`rows`) or columns, forwards or backwards; each rotation maps
    /// `(x, y)` (`y` the later index) to `(s y + c x, c y - s x)`, and identities are skipped.
    fn rotation_sequence(&mut self, rows: bool, first: usize, c: &[f64], s: &[f64], forward: bool) {
        let count = c.len();
        for step in 0..count {
            let k = if forward { step } else { count - 1 - step };
            let (ck, sk) = (c[k], s[k]);
            if ck == 1.0 && sk == 0.0 {
                continue;
            }
            let (p, q) = (first + k, first + k + 1);
            if rows {
                for j in 0..self.cols {
                    let t = self[(q, j)];
                    self[(q, j)] = ck * t - sk * self[(p, j)];
                    self[(p, j)] = sk * t + ck * self[(p, j)];
                }
            } else {
                for i in 0..self.rows {
                    let t = self[(i, q)];
                    self[(i, q)] = ck * t - sk * self[(i, p)];
                    self[(i, p)] = sk * t + ck * self[(i, p)];
                }
            }
        }
    }
}

impl Index<(usize, usize)> for Mat {
    type Output = f64;
    fn index(&self, (i, j): (usize, usize)) -> &f64 {
        &self.v[i + j * self.rows]
    }
}

impl IndexMut<(usize, usize)> for Mat {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut f64 {
        &mut self.v[i + j * self.rows]
    }
}

/// Fortran's `SIGN(a, b)`: `|a|` with the sign bit of `b`.
fn sign(a: f64, b: f64) -> f64 {
    a.abs().copysign(b)
}

/// `sqrt(x^2 + y^2)` without needless overflow (`dlapy2`).
fn lapy2(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return if y.is_nan() { y } else { x };
    }
    let (xa, ya) = (x.abs(), y.abs());
    let (w, z) = (xa.max(ya), xa.min(ya));
    if z == 0.0 || w > f64::MAX { w } else { w * (1.0 + (z / w) * (z / w)).sqrt() }
}

/// The Euclidean norm of some entries, scaled so that squaring neither overflows nor
/// underflows.
fn nrm2(x: impl Iterator<Item = f64> + Clone) -> f64 {
    let big = x.clone().fold(0.0f64, |m, v| m.max(v.abs()));
    if big == 0.0 || !big.is_finite() {
        return big;
    }
    let plain: f64 = x.clone().map(|v| v * v).sum();
    if plain.is_finite() && plain > SAFMIN / EPS {
        return plain.sqrt();
    }
    let scaled: f64 = x.map(|v| (v / big) * (v / big)).sum();
    big * scaled.sqrt()
}

/// The plane rotation of LAPACK 3.10's `dlartg`: `(c, s, r)` with
/// `[c s; -s c] [f; g] = [r; 0]`, `c >= 0` and `r` carrying the sign of `f`.
fn lartg(f: f64, g: f64) -> (f64, f64, f64) {
    let safmax = 1.0 / SAFMIN;
    let rtmin = SAFMIN.sqrt();
    let rtmax = (safmax / 2.0).sqrt();
    let (f1, g1) = (f.abs(), g.abs());
    if g == 0.0 {
        (1.0, 0.0, f)
    } else if f == 0.0 {
        (0.0, sign(1.0, g), g1)
    } else if f1 > rtmin && f1 < rtmax && g1 > rtmin && g1 < rtmax {
        let d = (f * f + g * g).sqrt();
        let r = sign(d, f);
        (f1 / d, g / r, r)
    } else {
        let u = safmax.min(SAFMIN.max(f1).max(g1));
        let (fs, gs) = (f / u, g / u);
        let d = (fs * fs + gs * gs).sqrt();
        let r = sign(d, f);
        (fs.abs() / d, gs / r, r * u)
    }
}

/// The singular values `(smaller, larger)` of the upper triangular `[f g; 0 h]` (`dlas2`).
fn las2(f: f64, g: f64, h: f64) -> (f64, f64) {
    let (fa, ga, ha) = (f.abs(), g.abs(), h.abs());
    let (fhmn, fhmx) = (fa.min(ha), fa.max(ha));
    if fhmn == 0.0 {
        let big = if fhmx == 0.0 {
            ga
        } else {
            let (lo, hi) = (fhmx.min(ga), fhmx.max(ga));
            hi * (1.0 + (lo / hi) * (lo / hi)).sqrt()
        };
        return (0.0, big);
    }
    if ga < fhmx {
        let s = 1.0 + fhmn / fhmx;
        let t = (fhmx - fhmn) / fhmx;
        let u = (ga / fhmx) * (ga / fhmx);
        let c = 2.0 / ((s * s + u).sqrt() + (t * t + u).sqrt());
        return (fhmn * c, fhmx / c);
    }
    let au = fhmx / ga;
    if au == 0.0 {
        return ((fhmn * fhmx) / ga, ga);
    }
    let s = 1.0 + fhmn / fhmx;
    let t = (fhmx - fhmn) / fhmx;
    let c = 1.0 / ((1.0 + (s * au) * (s * au)).sqrt() + (1.0 + (t * au) * (t * au)).sqrt());
    let small = (fhmn * c) * au;
    (small + small, ga / (c + c))
}

/// The signed SVD of the upper triangular `[f g; 0 h]` (`dlasv2`):
/// `(ssmin, ssmax, snr, csr, snl, csl)` with
/// `[csl snl; -snl csl] [f g; 0 h] [csr -snr; snr csr] = diag(ssmax, ssmin)`.
fn lasv2(f: f64, g: f64, h: f64) -> (f64, f64, f64, f64, f64, f64) {
    let (mut ft, mut ht) = (f, h);
    let (mut fa, mut ha) = (f.abs(), h.abs());
    // Which entry is largest: 1 = f, 2 = g, 3 = h.
    let mut pmax = 1;
    let swap = ha > fa;
    if swap {
        pmax = 3;
        std::mem::swap(&mut ft, &mut ht);
        std::mem::swap(&mut fa, &mut ha);
    }
    let gt = g;
    let ga = gt.abs();
    let (ssmin, ssmax, clt, crt, slt, srt);
    if ga == 0.0 {
        (ssmin, ssmax, clt, crt, slt, srt) = (ha, fa, 1.0, 1.0, 0.0, 0.0);
    } else {
        let mut tiny_f = false;
        let mut vals = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        if ga > fa {
            pmax = 2;
            if fa / ga < EPS {
                // g dominates so much that the formulas below lose everything.
                tiny_f = true;
                let smin = if ha > 1.0 { fa / (ga / ha) } else { (fa / ga) * ha };
                vals = (smin, ga, 1.0, ft / gt, ht / gt, 1.0);
            }
        }
        if !tiny_f {
            let d = fa - ha;
            let mut l = if d == fa { 1.0 } else { d / fa };
            let m = gt / ft;
            let mut t = 2.0 - l;
            let mm = m * m;
            let tt = t * t;
            let s = (tt + mm).sqrt();
            let r = if l == 0.0 { m.abs() } else { (l * l + mm).sqrt() };
            let a = 0.5 * (s + r);
            let smin = ha / a;
            let smax = fa * a;
            if mm == 0.0 {
                t = if l == 0.0 { sign(2.0, ft) * sign(1.0, gt) } else { gt / sign(d, ft) + m / t };
            } else {
                t = (m / (s + t) + m / (r + l)) * (1.0 + a);
            }
            l = (t * t + 4.0).sqrt();
            let crt = 2.0 / l;
            let srt = t / l;
            let clt = (crt + srt * m) / a;
            let slt = (ht / ft) * srt / a;
            vals = (smin, smax, clt, crt, slt, srt);
        }
        (ssmin, ssmax, clt, crt, slt, srt) = vals;
    }
    let (csl, snl, csr, snr) = if swap { (srt, crt, slt, clt) } else { (clt, slt, crt, srt) };
    let tsign = match pmax {
        1 => sign(1.0, csr) * sign(1.0, csl) * sign(1.0, f),
        2 => sign(1.0, snr) * sign(1.0, csl) * sign(1.0, g),
        _ => sign(1.0, snr) * sign(1.0, snl) * sign(1.0, h),
    };
    let ssmax = sign(ssmax, tsign);
    let ssmin = sign(ssmin, tsign * sign(1.0, f) * sign(1.0, h));
    (ssmin, ssmax, snr, csr, snl, csl)
}

/// An elementary reflector `H = I - tau v v^T` acting on indices `start..start + v.len()`
/// (`v` has a unit entry: its first, or for `dsytd2`'s upper reduction its last).
#[derive(Clone, Debug)]
struct Reflector {
    start: usize,
    v: Vec<f64>,
    tau: f64,
}

impl Reflector {
    /// `C <- H C`.
    fn apply_left(&self, c: &mut Mat, cols: std::ops::Range<usize>) {
        if self.tau == 0.0 {
            return;
        }
        for j in cols {
            let w: f64 = self.v.iter().enumerate().map(|(k, vk)| vk * c[(self.start + k, j)]).sum();
            let tw = self.tau * w;
            for (k, vk) in self.v.iter().enumerate() {
                c[(self.start + k, j)] -= tw * vk;
            }
        }
    }

    /// `C <- C H`.
    fn apply_right(&self, c: &mut Mat, rows: std::ops::Range<usize>) {
        if self.tau == 0.0 {
            return;
        }
        for i in rows {
            let w: f64 = self.v.iter().enumerate().map(|(k, vk)| vk * c[(i, self.start + k)]).sum();
            let tw = self.tau * w;
            for (k, vk) in self.v.iter().enumerate() {
                c[(i, self.start + k)] -= tw * vk;
            }
        }
    }
}

/// `dlarfg`: the reflector that maps the vector `(a[head], a[tail...])` onto a multiple
/// `beta` of the first axis, `beta = -sign(alpha) * norm` (no reflection, `tau = 0`, when
/// the tail is zero). `a[head]` becomes `beta` and the tail the reflector's `v[1..]`.
fn larfg(a: &mut Mat, head: (usize, usize), tail: &[(usize, usize)]) -> f64 {
    if tail.is_empty() {
        return 0.0;
    }
    let mut alpha = a[head];
    let mut xnorm = nrm2(tail.iter().map(|&p| a[p]));
    if xnorm == 0.0 {
        return 0.0;
    }
    let mut beta = -sign(lapy2(alpha, xnorm), alpha);
    let small = SAFMIN / EPS;
    let mut knt = 0;
    if beta.abs() < small {
        // Rescale a tiny vector until beta is representable accurately.
        let rsafmn = 1.0 / small;
        loop {
            knt += 1;
            for &p in tail {
                a[p] *= rsafmn;
            }
            beta *= rsafmn;
            alpha *= rsafmn;
            if beta.abs() >= small || knt >= 20 {
                break;
            }
        }
        xnorm = nrm2(tail.iter().map(|&p| a[p]));
        beta = -sign(lapy2(alpha, xnorm), alpha);
    }
    let tau = (beta - alpha) / beta;
    let scale = 1.0 / (alpha - beta);
    for &p in tail {
        a[p] *= scale;
    }
    for _ in 0..knt {
        beta *= small;
    }
    a[head] = beta;
    tau
}

/// The reflector whose `v` is `1` followed by the entries at `tail`, over `start..`.
fn reflector(a: &Mat, start: usize, tail: &[(usize, usize)], tau: f64) -> Reflector {
    let mut v = Vec::with_capacity(tail.len() + 1);
    v.push(1.0);
    v.extend(tail.iter().map(|&p| a[p]));
    Reflector { start, v, tau }
}

fn col_tail(j: usize, rows: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    rows.map(|i| (i, j)).collect()
}

fn row_tail(i: usize, cols: std::ops::Range<usize>) -> Vec<(usize, usize)> {
    cols.map(|j| (i, j)).collect()
}

/// A bidiagonal reduction `A = Q B P^T`: `d` the diagonal, `e` the off-diagonal (above it
/// when `upper`, below otherwise), `Q` and `P` as products of reflectors in order.
struct Bidiagonal {
    upper: bool,
    d: Vec<f64>,
    e: Vec<f64>,
    q: Vec<Reflector>,
    p: Vec<Reflector>,
}

/// `dgebd2`: upper bidiagonal for `m >= n`, lower for `m < n`.
fn bidiagonalize(mut a: Mat) -> Bidiagonal {
    let (m, n) = (a.rows, a.cols);
    let k = m.min(n);
    let (mut d, mut e, mut q, mut p) = (Vec::with_capacity(k), Vec::new(), Vec::new(), Vec::new());
    if m >= n {
        for i in 0..n {
            let tail = col_tail(i, i + 1..m);
            let tau = larfg(&mut a, (i, i), &tail);
            d.push(a[(i, i)]);
            let h = reflector(&a, i, &tail, tau);
            if i + 1 < n {
                h.apply_left(&mut a, i + 1..n);
                let tail = row_tail(i, i + 2..n);
                let tau = larfg(&mut a, (i, i + 1), &tail);
                e.push(a[(i, i + 1)]);
                let g = reflector(&a, i + 1, &tail, tau);
                g.apply_right(&mut a, i + 1..m);
                p.push(g);
            }
            q.push(h);
        }
    } else {
        for i in 0..m {
            let tail = row_tail(i, i + 1..n);
            let tau = larfg(&mut a, (i, i), &tail);
            d.push(a[(i, i)]);
            let g = reflector(&a, i, &tail, tau);
            if i + 1 < m {
                g.apply_right(&mut a, i + 1..m);
                let tail = col_tail(i, i + 2..m);
                let tau = larfg(&mut a, (i + 1, i), &tail);
                e.push(a[(i + 1, i)]);
                let h = reflector(&a, i + 1, &tail, tau);
                h.apply_left(&mut a, i + 1..n);
                q.push(h);
            }
            p.push(g);
        }
    }
    Bidiagonal { upper: m >= n, d, e, q, p }
}

/// `dbdsqr` on an upper bidiagonal `(d, e)` with `ncvt = nru = n`: `d` becomes the singular
/// values (descending), the rotations are applied to the rows of `vt` and the columns of
/// `u`.
fn bdsqr(d: &mut [f64], e: &mut [f64], vt: &mut Mat, u: &mut Mat) -> Result<(), NotConverged> {
    let n = d.len();
    if n == 0 {
        return Ok(());
    }
    if n > 1 {
        qr_iterate(d, e, vt, u)?;
    }
    // Positive values, negating the rows of Vt that go with negative ones (and turning
    // negative zeros into zeros).
    for (i, di) in d.iter_mut().enumerate() {
        if *di == 0.0 {
            *di = 0.0;
        }
        if *di < 0.0 {
            *di = -*di;
            vt.negate_row(i);
        }
    }
    // Descending: move the smallest of the first `len` values (the last of equal ones) to
    // the end.
    for len in (2..=n).rev() {
        let mut isub = 0;
        let mut smin = d[0];
        for (j, &dj) in d.iter().enumerate().take(len).skip(1) {
            if dj <= smin {
                isub = j;
                smin = dj;
            }
        }
        if isub != len - 1 {
            d[isub] = d[len - 1];
            d[len - 1] = smin;
            vt.swap_rows(isub, len - 1);
            u.swap_cols(isub, len - 1);
        }
    }
    Ok(())
}

/// The singular values of the upper bidiagonal `(d, e)` (`e` one shorter than `d`), by
/// `dbdsqr`'s iteration without vectors: `d` becomes the values, descending.
pub(crate) fn bidiagonal_values(d: &mut [f64], e: &mut [f64]) -> Result<(), NotConverged> {
    let n = d.len();
    bdsqr(d, e, &mut Mat::zeros(n, 0), &mut Mat::zeros(0, n))
}

/// The implicit QR iteration of `dbdsqr` proper (`n >= 2`); indices below are 1-based
/// as in LAPACK's description (`d[i - 1]` is `d_i`).
#[allow(clippy::many_single_char_names)]
fn qr_iterate(d: &mut [f64], e: &mut [f64], vt: &mut Mat, u: &mut Mat) -> Result<(), NotConverged> {
    let n = d.len();
    let nm1 = n - 1;
    // Rotation storage: (c, s) for the right rotations, then for the left ones.
    let mut w = vec![0.0; 4 * nm1];
    let tolmul = 10f64.max(100f64.min(EPS.powf(-0.125)));
    let tol = tolmul * EPS;
    // A lower bound on the smallest singular value, for the absolute threshold.
    let mut sminoa = d[0].abs();
    if sminoa != 0.0 {
        let mut mu = sminoa;
        for i in 2..=n {
            mu = d[i - 1].abs() * (mu / (mu + e[i - 2].abs()));
            sminoa = sminoa.min(mu);
            if sminoa == 0.0 {
                break;
            }
        }
    }
    sminoa /= (n as f64).sqrt();
    let unfl = SAFMIN;
    let thresh = (tol * sminoa).max(MAXITR as f64 * (n as f64 * (n as f64 * unfl)));
    let maxitdivn = MAXITR * n;
    let mut iterdivn = 0;
    let mut iter: isize = -1;
    let (mut oldll, mut oldm): (isize, isize) = (-1, -1);
    let mut idir = 0;
    let mut m = n;
    // 1-based accessors.
    macro_rules! dd {
        ($i:expr) => {
            d[$i - 1]
        };
    }
    macro_rules! ee {
        ($i:expr) => {
            e[$i - 1]
        };
    }
    'outer: loop {
        if m <= 1 {
            return Ok(());
        }
        if iter >= n as isize {
            iter -= n as isize;
            iterdivn += 1;
            if iterdivn >= maxitdivn {
                return Err(NotConverged);
            }
        }
        // Find the unreduced block d[ll..=m] at the bottom.
        let mut smax = dd!(m).abs();
        let mut split = 0;
        for lll in 1..m {
            let ll = m - lll;
            let (abss, abse) = (dd!(ll).abs(), ee!(ll).abs());
            if abse <= thresh {
                split = ll;
                break;
            }
            smax = smax.max(abss).max(abse);
        }
        if split > 0 {
            ee!(split) = 0.0;
            if split == m - 1 {
                m -= 1;
                continue;
            }
        }
        let ll = split + 1;
        if ll == m - 1 {
            // A 2x2 block: solve it directly.
            let (sigmn, sigmx, sinr, cosr, sinl, cosl) = lasv2(dd!(m - 1), ee!(m - 1), dd!(m));
            dd!(m - 1) = sigmx;
            ee!(m - 1) = 0.0;
            dd!(m) = sigmn;
            vt.rotate_rows(m - 2, m - 1, cosr, sinr);
            u.rotate_cols(m - 2, m - 1, cosl, sinl);
            m -= 2;
            continue;
        }
        // A new block: chase the bulge from the larger end.
        if ll as isize > oldm || (m as isize) < oldll {
            idir = if dd!(ll).abs() >= dd!(m).abs() { 1 } else { 2 };
        }
        let mut smin;
        if idir == 1 {
            if ee!(m - 1).abs() <= tol.abs() * dd!(m).abs() {
                ee!(m - 1) = 0.0;
                continue;
            }
            let mut mu = dd!(ll).abs();
            smin = mu;
            for lll in ll..m {
                if ee!(lll).abs() <= tol * mu {
                    ee!(lll) = 0.0;
                    continue 'outer;
                }
                mu = dd!(lll + 1).abs() * (mu / (mu + ee!(lll).abs()));
                smin = smin.min(mu);
            }
        } else {
            if ee!(ll).abs() <= tol.abs() * dd!(ll).abs() {
                ee!(ll) = 0.0;
                continue;
            }
            let mut mu = dd!(m).abs();
            smin = mu;
            for lll in (ll..m).rev() {
                if ee!(lll).abs() <= tol * mu {
                    ee!(lll) = 0.0;
                    continue 'outer;
                }
                mu = dd!(lll).abs() * (mu / (mu + ee!(lll).abs()));
                smin = smin.min(mu);
            }
        }
        oldll = ll as isize;
        oldm = m as isize;
        // The shift: zero when it could only cost accuracy.
        let mut shift;
        if n as f64 * tol * (smin / smax) <= EPS.max(0.01 * tol) {
            shift = 0.0;
        } else {
            let sll;
            if idir == 1 {
                sll = dd!(ll).abs();
                shift = las2(dd!(m - 1), ee!(m - 1), dd!(m)).0;
            } else {
                sll = dd!(m).abs();
                shift = las2(dd!(ll), ee!(ll), dd!(ll + 1)).0;
            }
            if sll > 0.0 && (shift / sll) * (shift / sll) < EPS {
                shift = 0.0;
            }
        }
        iter += (m - ll) as isize;
        let len = m - ll;
        let (c1, rest) = w.split_at_mut(nm1);
        let (s1, rest) = rest.split_at_mut(nm1);
        let (c2, s2) = rest.split_at_mut(nm1);
        if shift == 0.0 {
            if idir == 1 {
                let (mut cs, mut oldcs, mut oldsn) = (1.0, 1.0, 0.0);
                for i in ll..m {
                    let (c, sn, r) = lartg(dd!(i) * cs, ee!(i));
                    cs = c;
                    if i > ll {
                        ee!(i - 1) = oldsn * r;
                    }
                    let (oc, os, di) = lartg(oldcs * r, dd!(i + 1) * sn);
                    (oldcs, oldsn) = (oc, os);
                    dd!(i) = di;
                    let k = i - ll;
                    (c1[k], s1[k], c2[k], s2[k]) = (cs, sn, oldcs, oldsn);
                }
                let h = dd!(m) * cs;
                dd!(m) = h * oldcs;
                ee!(m - 1) = h * oldsn;
                vt.rotation_sequence(true, ll - 1, &c1[..len], &s1[..len], true);
                u.rotation_sequence(false, ll - 1, &c2[..len], &s2[..len], true);
                if ee!(m - 1).abs() <= thresh {
                    ee!(m - 1) = 0.0;
                }
            } else {
                let (mut cs, mut oldcs, mut oldsn) = (1.0, 1.0, 0.0);
                for i in (ll + 1..=m).rev() {
                    let (c, sn, r) = lartg(dd!(i) * cs, ee!(i - 1));
                    cs = c;
                    if i < m {
                        ee!(i) = oldsn * r;
                    }
                    let (oc, os, di) = lartg(oldcs * r, dd!(i - 1) * sn);
                    (oldcs, oldsn) = (oc, os);
                    dd!(i) = di;
                    let k = i - ll - 1;
                    (c1[k], s1[k], c2[k], s2[k]) = (cs, -sn, oldcs, -oldsn);
                }
                let h = dd!(ll) * cs;
                dd!(ll) = h * oldcs;
                ee!(ll) = h * oldsn;
                vt.rotation_sequence(true, ll - 1, &c2[..len], &s2[..len], false);
                u.rotation_sequence(false, ll - 1, &c1[..len], &s1[..len], false);
                if ee!(ll).abs() <= thresh {
                    ee!(ll) = 0.0;
                }
            }
        } else if idir == 1 {
            let mut f = (dd!(ll).abs() - shift) * (sign(1.0, dd!(ll)) + shift / dd!(ll));
            let mut g = ee!(ll);
            for i in ll..m {
                let (cosr, sinr, r) = lartg(f, g);
                if i > ll {
                    ee!(i - 1) = r;
                }
                f = cosr * dd!(i) + sinr * ee!(i);
                ee!(i) = cosr * ee!(i) - sinr * dd!(i);
                g = sinr * dd!(i + 1);
                dd!(i + 1) *= cosr;
                let (cosl, sinl, r) = lartg(f, g);
                dd!(i) = r;
                f = cosl * ee!(i) + sinl * dd!(i + 1);
                dd!(i + 1) = cosl * dd!(i + 1) - sinl * ee!(i);
                if i < m - 1 {
                    g = sinl * ee!(i + 1);
                    ee!(i + 1) *= cosl;
                }
                let k = i - ll;
                (c1[k], s1[k], c2[k], s2[k]) = (cosr, sinr, cosl, sinl);
            }
            ee!(m - 1) = f;
            vt.rotation_sequence(true, ll - 1, &c1[..len], &s1[..len], true);
            u.rotation_sequence(false, ll - 1, &c2[..len], &s2[..len], true);
            if ee!(m - 1).abs() <= thresh {
                ee!(m - 1) = 0.0;
            }
        } else {
            let mut f = (dd!(m).abs() - shift) * (sign(1.0, dd!(m)) + shift / dd!(m));
            let mut g = ee!(m - 1);
            for i in (ll + 1..=m).rev() {
                let (cosr, sinr, r) = lartg(f, g);
                if i < m {
                    ee!(i) = r;
                }
                f = cosr * dd!(i) + sinr * ee!(i - 1);
                ee!(i - 1) = cosr * ee!(i - 1) - sinr * dd!(i);
                g = sinr * dd!(i - 1);
                dd!(i - 1) *= cosr;
                let (cosl, sinl, r) = lartg(f, g);
                dd!(i) = r;
                f = cosl * ee!(i - 1) + sinl * dd!(i - 1);
                dd!(i - 1) = cosl * dd!(i - 1) - sinl * ee!(i - 1);
                if i > ll + 1 {
                    g = sinl * ee!(i - 2);
                    ee!(i - 2) *= cosl;
                }
                let k = i - ll - 1;
                (c1[k], s1[k], c2[k], s2[k]) = (cosr, -sinr, cosl, -sinl);
            }
            ee!(ll) = f;
            if ee!(ll).abs() <= thresh {
                ee!(ll) = 0.0;
            }
            vt.rotation_sequence(true, ll - 1, &c2[..len], &s2[..len], false);
            u.rotation_sequence(false, ll - 1, &c1[..len], &s1[..len], false);
        }
    }
}

/// `dbdsdc` with `COMPQ = 'I'` for `n <= MAX_SMALL`: the SVD `B = U diag(d) Vt` of the
/// bidiagonal, `d` overwritten with the singular values (descending).
fn bdsdc(upper: bool, d: &mut [f64], e: &mut [f64]) -> Result<(Mat, Mat), NotConverged> {
    let n = d.len();
    if n == 1 {
        let mut u = Mat::eye(1);
        u[(0, 0)] = sign(1.0, d[0]);
        d[0] = d[0].abs();
        return Ok((u, Mat::eye(1)));
    }
    // A lower bidiagonal is first rotated from the left into an upper one.
    let (mut rc, mut rs) = (Vec::new(), Vec::new());
    if !upper {
        for i in 0..n - 1 {
            let (cs, sn, r) = lartg(d[i], e[i]);
            d[i] = r;
            e[i] = sn * d[i + 1];
            d[i + 1] *= cs;
            rc.push(cs);
            rs.push(-sn);
        }
    }
    let (mut u, mut vt) = (Mat::eye(n), Mat::eye(n));
    bdsqr(d, &mut e[..n - 1], &mut vt, &mut u)?;
    // `dlasdq` then sorts ascending (the smallest of the rest to the front)...
    for i in 0..n {
        let mut isub = i;
        let mut smin = d[i];
        for (j, &dj) in d.iter().enumerate().skip(i + 1) {
            if dj < smin {
                isub = j;
                smin = dj;
            }
        }
        if isub != i {
            d[isub] = d[i];
            d[i] = smin;
            vt.swap_rows(isub, i);
            u.swap_cols(isub, i);
        }
    }
    // ... and `dbdsdc` descending (the largest of the rest to the front).
    for i in 0..n - 1 {
        let mut kk = i;
        let mut p = d[i];
        for (j, &dj) in d.iter().enumerate().skip(i + 1) {
            if dj > p {
                kk = j;
                p = dj;
            }
        }
        if kk != i {
            d[kk] = d[i];
            d[i] = p;
            u.swap_cols(i, kk);
            vt.swap_rows(i, kk);
        }
    }
    if !upper {
        u.rotation_sequence(true, 0, &rc, &rs, false);
    }
    Ok((u, vt))
}

/// The bidiagonal problem of an `n x n` (or the reduction's) matrix: `(s, U_b, Vt_b)` with
/// the reduction's reflectors applied (`U = Q U_b` over the first `ucols` columns of an
/// `qrows x qrows` identity-extended `U_b`, `Vt = Vt_b P^T`).
fn reduce_and_solve(a: Mat) -> Result<(Vec<f64>, Mat, Mat), NotConverged> {
    let (m, n) = (a.rows, a.cols);
    let mut b = bidiagonalize(a);
    let mut e = b.e.clone();
    e.push(0.0);
    let (ub, vtb) = bdsdc(b.upper, &mut b.d, &mut e)?;
    let k = b.d.len();
    // Extend to the full orthogonal factors: identity in the trailing corner.
    let mut u = Mat::eye(m);
    for j in 0..k {
        for i in 0..k {
            u[(i, j)] = ub[(i, j)];
        }
    }
    let mut vt = Mat::eye(n);
    for j in 0..k {
        for i in 0..k {
            vt[(i, j)] = vtb[(i, j)];
        }
    }
    for h in b.q.iter().rev() {
        h.apply_left(&mut u, 0..m);
    }
    for g in b.p.iter().rev() {
        g.apply_right(&mut vt, 0..n);
    }
    Ok((b.d, u, vt))
}

/// `dlascl`'s multiplication of `x` by `cto / cfrom` in steps that neither overflow nor
/// underflow.
fn rescale(x: &mut [f64], cfrom: f64, cto: f64) {
    let smlnum = SAFMIN;
    let bignum = 1.0 / smlnum;
    let (mut cfromc, mut ctoc) = (cfrom, cto);
    loop {
        let cfrom1 = cfromc * smlnum;
        let (mul, done);
        if cfrom1 == cfromc {
            // cfromc is infinite: the quotient is a signed zero or NaN.
            (mul, done) = (ctoc / cfromc, true);
        } else {
            let cto1 = ctoc / bignum;
            if cto1 == ctoc {
                (mul, done) = (ctoc, true);
                cfromc = 1.0;
            } else if cfrom1.abs() > ctoc.abs() && ctoc != 0.0 {
                (mul, done) = (smlnum, false);
                cfromc = cfrom1;
            } else if cto1.abs() > cfromc.abs() {
                (mul, done) = (bignum, false);
                ctoc = cto1;
            } else {
                (mul, done) = (ctoc / cfromc, true);
            }
        }
        x.iter_mut().for_each(|v| *v *= mul);
        if done {
            return;
        }
    }
}

/// `(s, U, Vt)`: singular values and the two factors, row-major.
pub(crate) type SvdParts = (Vec<f64>, Vec<f64>, Vec<f64>);

/// The full SVD `A = U diag(s) Vt` of a finite real `m x n` matrix (row-major `a`) with
/// `min(m, n) <= MAX_SMALL`, as `dgesdd` with `JOBZ = 'A'` computes it: `s` descending,
/// `U` (`m x m`) and `Vt` (`n x n`) row-major.
pub(crate) fn svd_full(a: &[f64], m: usize, n: usize) -> Result<SvdParts, NotConverged> {
    let k = m.min(n);
    let mut mat = Mat::zeros(m, n);
    for i in 0..m {
        for j in 0..n {
            mat[(i, j)] = a[i * n + j];
        }
    }
    if k == 0 {
        return Ok((Vec::new(), row_major(&Mat::eye(m)), row_major(&Mat::eye(n))));
    }
    // Scale entries whose largest magnitude is outside [smlnum, bignum].
    let anrm = mat.v.iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
    let smlnum = SAFMIN.sqrt() / f64::EPSILON;
    let bignum = 1.0 / smlnum;
    let scaled_to = if anrm > 0.0 && anrm < smlnum {
        Some(smlnum)
    } else if anrm > bignum {
        Some(bignum)
    } else {
        None
    };
    if let Some(to) = scaled_to {
        rescale(&mut mat.v, anrm, to);
    }
    // dgesdd's crossover to a QR (LQ) first: the larger side at least 11/6 of the smaller.
    let mnthr = k * 11 / 6;
    let (mut s, u, vt) = if m >= n && m >= mnthr {
        // A = Qr R, then R = Q1 B P1^T.
        let mut r = mat;
        let mut hs = Vec::with_capacity(n);
        for i in 0..n {
            let tail = col_tail(i, i + 1..m);
            let tau = larfg(&mut r, (i, i), &tail);
            let h = reflector(&r, i, &tail, tau);
            h.apply_left(&mut r, i + 1..n);
            hs.push(h);
        }
        let mut tri = Mat::zeros(n, n);
        for j in 0..n {
            for i in 0..=j {
                tri[(i, j)] = r[(i, j)];
            }
        }
        let (s, ub, vt) = reduce_and_solve(tri)?;
        let mut q = Mat::eye(m);
        for h in hs.iter().rev() {
            h.apply_left(&mut q, 0..m);
        }
        let mut u = q.clone();
        for j in 0..n {
            for i in 0..m {
                u[(i, j)] = (0..n).map(|l| q[(i, l)] * ub[(l, j)]).sum();
            }
        }
        (s, u, vt)
    } else if m < n && n >= mnthr {
        // A = L Ql, then L = Q1 B P1^T.
        let mut l = mat;
        let mut gs = Vec::with_capacity(m);
        for i in 0..m {
            let tail = row_tail(i, i + 1..n);
            let tau = larfg(&mut l, (i, i), &tail);
            let g = reflector(&l, i, &tail, tau);
            g.apply_right(&mut l, i + 1..m);
            gs.push(g);
        }
        let mut tri = Mat::zeros(m, m);
        for j in 0..m {
            for i in j..m {
                tri[(i, j)] = l[(i, j)];
            }
        }
        let (s, u, vtb) = reduce_and_solve(tri)?;
        let mut ql = Mat::eye(n);
        for g in &gs {
            g.apply_left(&mut ql, 0..n);
        }
        let mut vt = ql.clone();
        for j in 0..n {
            for i in 0..m {
                vt[(i, j)] = (0..m).map(|p| vtb[(i, p)] * ql[(p, j)]).sum();
            }
        }
        (s, u, vt)
    } else {
        reduce_and_solve(mat)?
    };
    if let Some(to) = scaled_to {
        rescale(&mut s, to, anrm);
    }
    Ok((s, row_major(&u), row_major(&vt)))
}

/// The eigenvalues and vectors `[[a, b], [b, c]] = R diag(rt1, rt2) R^T` of a symmetric
/// 2x2 matrix (`dlaev2`): `(rt1, rt2, cs, sn)`, `|rt1| >= |rt2|`, `(cs, sn)` the unit
/// eigenvector of `rt1`.
fn laev2(a: f64, b: f64, c: f64) -> (f64, f64, f64, f64) {
    let sm = a + c;
    let df = a - c;
    let adf = df.abs();
    let tb = b + b;
    let ab = tb.abs();
    let (acmx, acmn) = if a.abs() > c.abs() { (a, c) } else { (c, a) };
    let rt = if adf > ab {
        adf * (1.0 + (ab / adf) * (ab / adf)).sqrt()
    } else if adf < ab {
        ab * (1.0 + (adf / ab) * (adf / ab)).sqrt()
    } else {
        ab * 2f64.sqrt()
    };
    let (rt1, rt2, sgn1) = if sm < 0.0 {
        let rt1 = 0.5 * (sm - rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, -1)
    } else if sm > 0.0 {
        let rt1 = 0.5 * (sm + rt);
        (rt1, (acmx / rt1) * acmn - (b / rt1) * b, 1)
    } else {
        (0.5 * rt, -0.5 * rt, 1)
    };
    let (cs, sgn2) = if df >= 0.0 { (df + rt, 1) } else { (df - rt, -1) };
    let (mut cs1, mut sn1);
    if cs.abs() > ab {
        let ct = -tb / cs;
        sn1 = 1.0 / (1.0 + ct * ct).sqrt();
        cs1 = ct * sn1;
    } else if ab == 0.0 {
        (cs1, sn1) = (1.0, 0.0);
    } else {
        let tn = -cs / tb;
        cs1 = 1.0 / (1.0 + tn * tn).sqrt();
        sn1 = tn * cs1;
    }
    if sgn1 == sgn2 {
        (cs1, sn1) = (-sn1, cs1);
    }
    (rt1, rt2, cs1, sn1)
}

/// An unreduced block `l..=lend` (1-based) of the symmetric tridiagonal `(d, e)`, found and
/// scaled as `dsteqr` and `dsterf` both begin each step.
struct Block {
    l: usize,
    lend: usize,
    /// The block's largest magnitude before scaling.
    anorm: f64,
    /// What the block was scaled to, when its largest magnitude was out of range.
    scaled_to: Option<f64>,
}

impl Block {
    /// The block from `start` on: the off-diagonal element before `start` is set to zero,
    /// and the block ends at the first off-diagonal element that is zero or negligible
    /// against its two diagonal neighbours (then set to zero). A block whose largest
    /// magnitude is outside `[sqrt(safmin) / eps^2, sqrt(safmax) / 3]` is scaled to that
    /// bound. Returns the block (`None` for a single element or an all-zero block) and
    /// where the next one starts.
    fn find(d: &mut [f64], e: &mut [f64], start: usize) -> (Option<Block>, usize) {
        let n = d.len();
        if start > 1 {
            e[start - 2] = 0.0;
        }
        let mut m = n;
        for k in start..n {
            let tst = e[k - 1].abs();
            if tst == 0.0 {
                m = k;
                break;
            }
            if tst <= (d[k - 1].abs().sqrt() * d[k].abs().sqrt()) * EPS {
                e[k - 1] = 0.0;
                m = k;
                break;
            }
        }
        if m == start {
            return (None, m + 1);
        }
        let anorm = d[start - 1..m].iter().chain(&e[start - 1..m - 1]).fold(0.0f64, |a, x| a.max(x.abs()));
        if anorm == 0.0 {
            return (None, m + 1);
        }
        let ssfmax = (1.0 / SAFMIN).sqrt() / 3.0;
        let ssfmin = SAFMIN.sqrt() / (EPS * EPS);
        let scaled_to = if anorm > ssfmax {
            Some(ssfmax)
        } else if anorm < ssfmin {
            Some(ssfmin)
        } else {
            None
        };
        if let Some(to) = scaled_to {
            rescale(&mut d[start - 1..m], anorm, to);
            rescale(&mut e[start - 1..m - 1], anorm, to);
        }
        (Some(Block { l: start, lend: m, anorm, scaled_to }), m + 1)
    }

    /// Scales the block's diagonal (and the off-diagonal, when given) back.
    fn unscale(&self, d: &mut [f64], e: Option<&mut [f64]>) {
        if let Some(to) = self.scaled_to {
            rescale(&mut d[self.l - 1..self.lend], to, self.anorm);
            if let Some(e) = e {
                rescale(&mut e[self.l - 1..self.lend - 1], to, self.anorm);
            }
        }
    }
}

/// [`steqr`] from the identity: the eigenvalues (ascending, into `d`) and the eigenvectors,
/// column-major (`n x n`), of the symmetric tridiagonal `(d, e)` (`e` has `n - 1` entries
/// and is overwritten).
pub(crate) fn tridiagonal_eigen(d: &mut [f64], e: &mut [f64]) -> Result<Vec<f64>, NotConverged> {
    let mut z = Mat::eye(d.len());
    steqr(d, e, &mut z)?;
    Ok(z.v)
}

/// `dsteqr` with `COMPZ = 'I'`: the eigenvalues (ascending, into `d`) and eigenvectors
/// (the columns of `z`, which starts as the identity) of the symmetric tridiagonal `(d, e)`,
/// by implicit QL or QR sweeps with Wilkinson shifts, whichever end of a block is smaller
/// in magnitude leading.
#[allow(clippy::many_single_char_names)]
fn steqr(d: &mut [f64], e: &mut [f64], z: &mut Mat) -> Result<(), NotConverged> {
    let n = d.len();
    if n <= 1 {
        return Ok(());
    }
    let eps2 = EPS * EPS;
    let nmaxit = n * 30;
    let mut jtot = 0;
    let (mut c1, mut s1) = (vec![0.0; n], vec![0.0; n]);
    macro_rules! dd {
        ($i:expr) => {
            d[$i - 1]
        };
    }
    macro_rules! ee {
        ($i:expr) => {
            e[$i - 1]
        };
    }
    let mut l1 = 1;
    while l1 <= n {
        let (block, next) = Block::find(d, e, l1);
        l1 = next;
        let Some(block) = block else { continue };
        let (mut l, lsv, mut lend, lendsv) = (block.l, block.l, block.lend, block.lend);
        // QL when the top is smaller, QR otherwise.
        if dd!(lend).abs() < dd!(l).abs() {
            lend = lsv;
            l = lendsv;
        }
        if lend > l {
            // QL iteration: look for a small subdiagonal from the top.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in l..lend {
                        let tst = ee!(mm).abs() * ee!(mm).abs();
                        if tst <= (eps2 * dd!(mm).abs()) * dd!(mm + 1).abs() + SAFMIN {
                            m = mm;
                            break;
                        }
                    }
                }
                if m < lend {
                    ee!(m) = 0.0;
                }
                let p = dd!(l);
                if m == l {
                    dd!(l) = p;
                    l += 1;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if m == l + 1 {
                    let (rt1, rt2, c, s) = laev2(dd!(l), ee!(l), dd!(l + 1));
                    z.rotation_sequence(false, l - 1, &[c], &[s], false);
                    dd!(l) = rt1;
                    dd!(l + 1) = rt2;
                    ee!(l) = 0.0;
                    l += 2;
                    if l <= lend {
                        continue;
                    }
                    break;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let mut g = (dd!(l + 1) - p) / (2.0 * ee!(l));
                let mut r = lapy2(g, 1.0);
                g = dd!(m) - p + (ee!(l) / (g + sign(r, g)));
                let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
                for i in (l..m).rev() {
                    let f = s * ee!(i);
                    let b = c * ee!(i);
                    (c, s, r) = lartg(g, f);
                    if i != m - 1 {
                        ee!(i + 1) = r;
                    }
                    g = dd!(i + 1) - p;
                    r = (dd!(i) - g) * s + 2.0 * c * b;
                    p = s * r;
                    dd!(i + 1) = g + p;
                    g = c * r - b;
                    c1[i - 1] = c;
                    s1[i - 1] = -s;
                }
                z.rotation_sequence(false, l - 1, &c1[l - 1..m - 1], &s1[l - 1..m - 1], false);
                dd!(l) -= p;
                ee!(l) = g;
            }
        } else {
            // QR iteration: look for a small superdiagonal from the bottom.
            loop {
                let mut m = lend;
                if l != lend {
                    for mm in (lend + 1..=l).rev() {
                        let tst = ee!(mm - 1).abs() * ee!(mm - 1).abs();
                        if tst <= (eps2 * dd!(mm).abs()) * dd!(mm - 1).abs() + SAFMIN {
                            m = mm;
                            break;
                        }
                    }
                }
                if m > lend {
                    ee!(m - 1) = 0.0;
                }
                let p = dd!(l);
                if m == l {
                    dd!(l) = p;
                    if l == lend {
                        break;
                    }
                    l -= 1;
                    continue;
                }
                if m == l - 1 {
                    let (rt1, rt2, c, s) = laev2(dd!(l - 1), ee!(l - 1), dd!(l));
                    z.rotation_sequence(false, l - 2, &[c], &[s], true);
                    dd!(l - 1) = rt1;
                    dd!(l) = rt2;
                    ee!(l - 1) = 0.0;
                    if l < lend + 2 {
                        break;
                    }
                    l -= 2;
                    continue;
                }
                if jtot == nmaxit {
                    break;
                }
                jtot += 1;
                let mut g = (dd!(l - 1) - p) / (2.0 * ee!(l - 1));
                let mut r = lapy2(g, 1.0);
                g = dd!(m) - p + (ee!(l - 1) / (g + sign(r, g)));
                let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
                for i in m..l {
                    let f = s * ee!(i);
                    let b = c * ee!(i);
                    (c, s, r) = lartg(g, f);
                    if i != m {
                        ee!(i - 1) = r;
                    }
                    g = dd!(i) - p;
                    r = (dd!(i + 1) - g) * s + 2.0 * c * b;
                    p = s * r;
                    dd!(i) = g + p;
                    g = c * r - b;
                    c1[i - 1] = c;
                    s1[i - 1] = s;
                }
                z.rotation_sequence(false, m - 1, &c1[m - 1..l - 1], &s1[m - 1..l - 1], true);
                dd!(l) -= p;
                ee!(l - 1) = g;
            }
        }
        block.unscale(d, Some(e));
        if jtot >= nmaxit {
            return Err(NotConverged);
        }
    }
    // Ascending, by selection (the smallest of the rest to the front).
    for i in 0..n - 1 {
        let mut k = i;
        let mut p = d[i];
        for (j, &dj) in d.iter().enumerate().skip(i + 1) {
            if dj < p {
                k = j;
                p = dj;
            }
        }
        if k != i {
            d[k] = d[i];
            d[i] = p;
            z.swap_cols(i, k);
        }
    }
    Ok(())
}

/// `dsterf`: the eigenvalues of the symmetric tridiagonal `(d, e)` (`e` one shorter than
/// `d`) by the Pal-Walker-Kahan form of the QL/QR iteration, which works on the squares of
/// the off-diagonal and takes no square root in its sweeps: `d` becomes the values,
/// ascending. It is how `dsyevd` finds the eigenvalues without vectors (NumPy's `eigvalsh`).
/// Each unreduced block is scaled into range first; QL runs when the block's top end is the
/// smaller in magnitude, QR otherwise. Indices are 1-based as in LAPACK's description.
#[allow(clippy::many_single_char_names, clippy::too_many_lines)]
pub(crate) fn tridiagonal_values(d: &mut [f64], e: &mut [f64]) -> Result<(), NotConverged> {
    let n = d.len();
    if n <= 1 {
        return Ok(());
    }
    let eps2 = EPS * EPS;
    let nmaxit = n * 30;
    let mut jtot = 0;
    macro_rules! dd {
        ($i:expr) => {
            d[$i - 1]
        };
    }
    macro_rules! ee {
        ($i:expr) => {
            e[$i - 1]
        };
    }
    let mut l1 = 1;
    while l1 <= n {
        let (block, next) = Block::find(d, e, l1);
        l1 = next;
        let Some(block) = block else { continue };
        let (mut l, lsv, mut lend, lendsv) = (block.l, block.l, block.lend, block.lend);
        for x in &mut e[l - 1..lend - 1] {
            *x *= *x;
        }
        if dd!(lend).abs() < dd!(l).abs() {
            (l, lend) = (lendsv, lsv);
        }
        if lend >= l {
            // QL: values found at the top, one or two at a time.
            loop {
                let mut m = lend;
                for k in l..lend {
                    if ee!(k).abs() <= eps2 * (dd!(k) * dd!(k + 1)).abs() {
                        m = k;
                        break;
                    }
                }
                if m < lend {
                    ee!(m) = 0.0;
                }
                let mut p = dd!(l);
                if m == l {
                    l += 1;
                } else if m == l + 1 {
                    let (rt1, rt2, _, _) = laev2(dd!(l), ee!(l).sqrt(), dd!(l + 1));
                    (dd!(l), dd!(l + 1), ee!(l)) = (rt1, rt2, 0.0);
                    l += 2;
                } else {
                    if jtot == nmaxit {
                        break;
                    }
                    jtot += 1;
                    let rte = ee!(l).sqrt();
                    let mut sigma = (dd!(l + 1) - p) / (2.0 * rte);
                    sigma = p - rte / (sigma + sign(lapy2(sigma, 1.0), sigma));
                    let (mut c, mut s) = (1.0, 0.0);
                    let mut gamma = dd!(m) - sigma;
                    p = gamma * gamma;
                    for i in (l..m).rev() {
                        let bb = ee!(i);
                        let r = p + bb;
                        if i != m - 1 {
                            ee!(i + 1) = s * r;
                        }
                        let oldc = c;
                        (c, s) = (p / r, bb / r);
                        let (oldgam, alpha) = (gamma, dd!(i));
                        gamma = c * (alpha - sigma) - s * oldgam;
                        dd!(i + 1) = oldgam + (alpha - gamma);
                        p = if c == 0.0 { oldc * bb } else { gamma * gamma / c };
                    }
                    ee!(l) = s * p;
                    dd!(l) = sigma + gamma;
                    continue;
                }
                if l > lend {
                    break;
                }
            }
        } else {
            // QR: values found at the bottom.
            loop {
                let mut m = lend;
                for k in (lend + 1..=l).rev() {
                    if ee!(k - 1).abs() <= eps2 * (dd!(k) * dd!(k - 1)).abs() {
                        m = k;
                        break;
                    }
                }
                if m > lend {
                    ee!(m - 1) = 0.0;
                }
                let mut p = dd!(l);
                let found = if m == l {
                    1
                } else if m + 1 == l {
                    let (rt1, rt2, _, _) = laev2(dd!(l), ee!(l - 1).sqrt(), dd!(l - 1));
                    (dd!(l), dd!(l - 1), ee!(l - 1)) = (rt1, rt2, 0.0);
                    2
                } else {
                    if jtot == nmaxit {
                        break;
                    }
                    jtot += 1;
                    let rte = ee!(l - 1).sqrt();
                    let mut sigma = (dd!(l - 1) - p) / (2.0 * rte);
                    sigma = p - rte / (sigma + sign(lapy2(sigma, 1.0), sigma));
                    let (mut c, mut s) = (1.0, 0.0);
                    let mut gamma = dd!(m) - sigma;
                    p = gamma * gamma;
                    for i in m..l {
                        let bb = ee!(i);
                        let r = p + bb;
                        if i != m {
                            ee!(i - 1) = s * r;
                        }
                        let oldc = c;
                        (c, s) = (p / r, bb / r);
                        let (oldgam, alpha) = (gamma, dd!(i + 1));
                        gamma = c * (alpha - sigma) - s * oldgam;
                        dd!(i) = oldgam + (alpha - gamma);
                        p = if c == 0.0 { oldc * bb } else { gamma * gamma / c };
                    }
                    ee!(l - 1) = s * p;
                    dd!(l) = sigma + gamma;
                    continue;
                };
                if l < lend + found {
                    break;
                }
                l -= found;
            }
        }
        block.unscale(d, None);
        if jtot == nmaxit {
            if e.iter().any(|&x| x != 0.0) {
                return Err(NotConverged);
            }
            break;
        }
    }
    d.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    Ok(())
}

/// The eigendecomposition `A = Z diag(w) Z^T` of a finite real symmetric `n x n` matrix
/// (row-major `a`, only its lower triangle read when `lower`, else its upper one) with
/// `n <= MAX_SMALL`, as `dsyevd` with `JOBZ = 'V'` computes it: `w` ascending, `Z` row-major
/// with the vectors in its columns.
pub(crate) fn eigh_small(a: &[f64], n: usize, lower: bool) -> Result<(Vec<f64>, Vec<f64>), NotConverged> {
    if n == 0 {
        return Ok((Vec::new(), Vec::new()));
    }
    let mut mat = Mat::zeros(n, n);
    for i in 0..n {
        for j in 0..=i {
            let x = if lower { a[i * n + j] } else { a[j * n + i] };
            mat[(i, j)] = x;
            mat[(j, i)] = x;
        }
    }
    if n == 1 {
        return Ok((vec![mat[(0, 0)]], vec![1.0]));
    }
    let anrm = mat.v.iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
    let smlnum = SAFMIN / f64::EPSILON;
    let (rmin, rmax) = (smlnum.sqrt(), (1.0 / smlnum).sqrt());
    let sigma = if anrm > 0.0 && anrm < rmin {
        Some(rmin / anrm)
    } else if anrm > rmax {
        Some(rmax / anrm)
    } else {
        None
    };
    if let Some(sg) = sigma {
        rescale(&mut mat.v, 1.0, sg);
    }
    // dsytd2: with the lower triangle H(i) zeroes column i below the subdiagonal, first to
    // last; with the upper one column i + 1 above the superdiagonal, last to first. Each is
    // applied on both sides of the block it acts on.
    let mut e = vec![0.0; n - 1];
    let mut hs = Vec::with_capacity(n - 1);
    if lower {
        for i in 0..n - 1 {
            let tail = col_tail(i, i + 2..n);
            let tau = larfg(&mut mat, (i + 1, i), &tail);
            e[i] = mat[(i + 1, i)];
            let h = reflector(&mat, i + 1, &tail, tau);
            h.apply_left(&mut mat, i + 1..n);
            h.apply_right(&mut mat, i + 1..n);
            hs.push(h);
        }
    } else {
        for i in (0..n - 1).rev() {
            let tail = col_tail(i + 1, 0..i);
            let tau = larfg(&mut mat, (i, i + 1), &tail);
            e[i] = mat[(i, i + 1)];
            // v = (tail, 1) over indices 0..=i.
            let mut v: Vec<f64> = tail.iter().map(|&p| mat[p]).collect();
            v.push(1.0);
            let h = Reflector { start: 0, v, tau };
            h.apply_left(&mut mat, 0..i + 1);
            h.apply_right(&mut mat, 0..i + 1);
            hs.push(h);
        }
    }
    let mut d: Vec<f64> = (0..n).map(|i| mat[(i, i)]).collect();
    let mut z = Mat::eye(n);
    steqr(&mut d, &mut e, &mut z)?;
    for h in hs.iter().rev() {
        h.apply_left(&mut z, 0..n);
    }
    if let Some(sg) = sigma {
        d.iter_mut().for_each(|w| *w *= 1.0 / sg);
    }
    Ok((d, row_major(&z)))
}

fn row_major(a: &Mat) -> Vec<f64> {
    let mut out = Vec::with_capacity(a.rows * a.cols);
    for i in 0..a.rows {
        for j in 0..a.cols {
            out.push(a[(i, j)]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lartg_keeps_c_nonnegative_and_r_with_the_sign_of_f() {
        let (c, s, r) = lartg(-3.0, 4.0);
        assert_eq!((c, s, r), (0.6, -0.8, -5.0));
        assert_eq!(lartg(0.0, -2.0), (0.0, -1.0, 2.0));
        assert_eq!(lartg(-2.0, 0.0), (1.0, 0.0, -2.0));
    }

    /// Uniform values in [-1, 1) from a linear congruential sequence.
    fn values(seed: u64, count: usize) -> Vec<f64> {
        let mut x = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (0..count)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 11) as f64 / (1u64 << 52) as f64 - 1.0
            })
            .collect()
    }

    /// `max |X^T X - I|` of a row-major `r x c` matrix (orthonormal columns).
    fn orthogonality(x: &[f64], r: usize, c: usize) -> f64 {
        let mut worst = 0f64;
        for i in 0..c {
            for j in 0..c {
                let dot: f64 = (0..r).map(|k| x[k * c + i] * x[k * c + j]).sum();
                worst = worst.max((dot - if i == j { 1.0 } else { 0.0 }).abs());
            }
        }
        worst
    }

    #[test]
    fn factors_are_orthogonal_and_reconstruct_at_every_scale_and_shape() {
        let mut seed = 0;
        for m in 1..=12 {
            for n in [1, 2, 3, 5, 8, 13, 25] {
                for scale in [1e-300, 1e-150, 1.0, 1e150, 1e300] {
                    seed += 1;
                    let mut a: Vec<f64> = values(seed, m * n).iter().map(|v| v * scale).collect();
                    if seed % 3 == 0 {
                        // A zero row and a repeated column: rank deficiency.
                        a[..n].fill(0.0);
                        for i in 0..m {
                            a[i * n + n - 1] = a[i * n];
                        }
                    }
                    let (s, u, vt) = svd_full(&a, m, n).unwrap();
                    let k = m.min(n);
                    assert!(s.windows(2).all(|w| w[0] >= w[1]) && s.iter().all(|&v| v >= 0.0));
                    assert!(orthogonality(&u, m, m) < 1e-13, "U of {m}x{n} at {scale}");
                    assert!(orthogonality(&vt, n, n) < 1e-13 || n == 0, "Vt of {m}x{n} at {scale}");
                    let (worst, big) = (0..m * n).fold((0f64, 0f64), |(w, b), p| {
                        let (i, j) = (p / n, p % n);
                        let r: f64 = (0..k).map(|l| u[i * m + l] * s[l] * vt[l * n + j]).sum();
                        (w.max((r - a[p]).abs()), b.max(a[p].abs()))
                    });
                    assert!(worst <= 1e-13 * big, "{m}x{n} at {scale}: residual {worst:e} of {big:e}");
                    if m == n && n <= 13 {
                        // The symmetric part's eigendecomposition too.
                        let sym: Vec<f64> = (0..n * n).map(|p| a[p] + a[(p % n) * n + p / n]).collect();
                        let (w, z) = eigh_small(&sym, n, seed % 2 == 0).unwrap();
                        assert!(w.windows(2).all(|x| x[0] <= x[1]));
                        assert!(orthogonality(&z, n, n) < 1e-13, "Z of {n} at {scale}");
                        let big = sym.iter().fold(0f64, |b, v| b.max(v.abs()));
                        for (p, &sp) in sym.iter().enumerate() {
                            let (i, j) = (p / n, p % n);
                            let r: f64 = (0..n).map(|l| z[i * n + l] * w[l] * z[j * n + l]).sum();
                            assert!((r - sp).abs() <= 1e-13 * big, "eigh {n} at {scale}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn diagonal_matrix_keeps_its_axes() {
        let (s, u, vt) = svd_full(&[-2.0, 0.0, 0.0, 3.0], 2, 2).unwrap();
        assert_eq!(s, vec![3.0, 2.0]);
        assert_eq!(u, vec![0.0, 1.0, 1.0, 0.0]);
        assert_eq!(vt, vec![0.0, 1.0, -1.0, 0.0]);
    }
}
