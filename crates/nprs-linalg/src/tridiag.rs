//! The blocked Householder reduction of a Hermitian matrix to tridiagonal form, as LAPACK's
//! `sytrd`/`hetrd` reduces its lower triangle: panels of [`PANEL`] columns (`latrd`), each
//! column's reflector applied to the trailing matrix only through its product with the
//! matrix (`symv`) and two corrections, then the whole panel as one rank-`2k` update of the
//! trailing lower triangle (`syr2k`).
//!
//! Half the work, the products with the trailing matrix, is bound by how fast the matrix
//! is read. Both that product and the panel update are split between two halves of the
//! trailing columns with equal work, run by two threads when the pool has them (with
//! `rayon::join`, so one thread runs both halves when the other is busy). Each half keeps
//! to nearly the same columns from one column to the next, so on two cores each reads its
//! half from its own cache. The split is the same whatever the number of threads, and so
//! are the result's bits.
//!
//! The reflectors are faer's (`I - v v^H / tau`, `tau` real, `v[0] = 1`), stored as faer's
//! `tridiag_in_place` stores them, so that faer's block reflector routines take the
//! reduction back.

use faer::linalg::householder::make_householder_in_place;
use faer::linalg::matmul::matmul;
use faer::linalg::matmul::triangular::{BlockStructure, matmul as triangular_matmul};
use faer::reborrow::{Reborrow, ReborrowMut};
use faer::{Accum, MatMut, MatRef, Par};

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use crate::scalar::Compute;
use crate::sums::{Kernel, wide};

/// Columns per panel.
const PANEL: usize = 32;

/// Trailing orders from which the two halves run as two tasks (below, one thread runs both:
/// a half's work is then shorter than handing it to another thread).
const TWO_TASKS: usize = 160;

/// Independent partial sums of the column products.
const LANES: usize = 16;

/// Reduces the Hermitian matrix held in the lower triangle of `a` (its diagonal real) to a
/// tridiagonal `Q^H A Q`: the diagonal and the subdiagonal (complex for a complex matrix:
/// faer's reflectors leave it so) overwrite `a`'s, the reflectors' vectors below the
/// subdiagonal. `taus[j]` gets reflector `j`'s `tau`.
pub(crate) fn reduce<T: Compute>(a: MatMut<'_, T>, taus: &mut [f64]) {
    let n = a.nrows();
    debug_assert!(a.ncols() == n && taus.len() == n.saturating_sub(1));
    if n >= TWO_TASKS && rayon::current_num_threads() > 1 {
        Pair::run(|pair| reduce_here(a, taus, Some(pair)));
    } else {
        reduce_here(a, taus, None);
    }
}

/// [`reduce`], with the second halves on `pair`'s helper when it has one.
fn reduce_here<T: Compute>(mut a: MatMut<'_, T>, taus: &mut [f64], pair: Option<&Pair>) {
    let n = a.nrows();
    let zero = T::from_re(0.0);
    // The panel's vectors (`V`, with their unit and the zeros above it) and `W`, by column.
    let mut v = vec![zero; n * PANEL];
    let mut w = vec![zero; n * PANEL];
    let mut y1 = vec![zero; n];
    let mut j0 = 0;
    while j0 + 1 < n {
        let kb = PANEL.min(n - 1 - j0);
        for k in 0..kb {
            let j = j0 + k;
            let m = n - j - 1;
            // Column j brought up to date with the panel's earlier reflectors, then its own
            // reflector, which leaves `beta` on the subdiagonal.
            let col =
                a.rb_mut().col_mut(j).subrows_mut(j, m + 1).try_as_col_major_mut().expect("a column").as_slice_mut();
            wide(ColumnUpdate { col, v: &v, w: &w, n, j, k });
            col[0] = T::from_re(col[0].re());
            let (head, tail) = col[1..].split_at_mut(1);
            let tau = make_householder_in_place(&mut head[0], faer::ColMut::from_slice_mut(tail)).tau;
            taus[j] = tau;
            let vk = &mut v[k * n..(k + 1) * n];
            vk[j0..=j].fill(zero);
            vk[j + 1] = T::from_re(1.0);
            vk[j + 2..].copy_from_slice(tail);
            // w = tau_inv (A_trailing v - V (W^H v) - W (V^H v)), then moved along v so that
            // the rank-2 update `A - v w^H - w v^H` is the reflector's similarity. The
            // first thread takes the panel's part (`V (W^H v) + W (V^H v)`) with its half.
            let vk = &v[k * n + j + 1..(k + 1) * n];
            let (wprev, wk) = w.split_at_mut(k * n);
            let wk = &mut wk[j + 1..n];
            let earlier = Earlier { v: &v[..k * n], w: wprev, n, from: j + 1 };
            let trailing = a.rb().submatrix(j + 1, j + 1, m, m);
            product(trailing, vk, wk, &mut y1[..m], pair, k * m, |y| wide(Subtract { y, x: vk, earlier }));
            wide(Finish { w: wk, v: vk, tau_inv: tau.recip() });
        }
        let s = j0 + kb;
        let v = MatRef::from_column_major_slice(&v, n, PANEL).submatrix(s, 0, n - s, kb);
        let w = MatRef::from_column_major_slice(&w, n, PANEL).submatrix(s, 0, n - s, kb);
        update(a.rb_mut().submatrix_mut(s, s, n - s, n - s), v, w, pair);
        j0 = s;
    }
    if n > 0 {
        a[(n - 1, n - 1)] = T::from_re(a[(n - 1, n - 1)].re());
    }
}

/// Column `j` (rows `j..`) less the panel's first `k` reflectors' part of the update:
/// `col -= V[j.., p] conj(W[j, p]) + W[j.., p] conj(V[j, p])`.
struct ColumnUpdate<'a, T> {
    col: &'a mut [T],
    v: &'a [T],
    w: &'a [T],
    n: usize,
    j: usize,
    k: usize,
}

impl<T: Compute> Kernel for ColumnUpdate<'_, T> {
    type Out = ();
    #[inline(always)]
    fn run(self) {
        let Self { col, v, w, n, j, k } = self;
        for p in 0..k {
            let (vp, wp) = (&v[p * n + j..(p + 1) * n], &w[p * n + j..(p + 1) * n]);
            minus_two(col, vp, wp[0].conjugate(), wp, vp[0].conjugate());
        }
    }
}

/// The panel's earlier columns of `V` and `W` (`n` rows each, one after another), from
/// row `from` on.
#[derive(Clone, Copy)]
struct Earlier<'a, T> {
    v: &'a [T],
    w: &'a [T],
    n: usize,
    from: usize,
}

/// `y -= V (W^H x) + W (V^H x)` for the panel's earlier columns.
struct Subtract<'a, T> {
    y: &'a mut [T],
    x: &'a [T],
    earlier: Earlier<'a, T>,
}

impl<T: Compute> Kernel for Subtract<'_, T> {
    type Out = ();
    #[inline(always)]
    fn run(self) {
        let Self { y, x, earlier: Earlier { v, w, n, from } } = self;
        for (vp, wp) in v.chunks_exact(n).zip(w.chunks_exact(n)) {
            let (vp, wp) = (&vp[from..], &wp[from..]);
            let (t1, t2) = (dot(wp, x), dot(vp, x));
            minus_two(y, vp, t1, wp, t2);
        }
    }
}

/// `w *= tau_inv`, then `w += alpha v` with `alpha = -tau_inv (w^H v) / 2`.
struct Finish<'a, T> {
    w: &'a mut [T],
    v: &'a [T],
    tau_inv: f64,
}

impl<T: Compute> Kernel for Finish<'_, T> {
    type Out = ();
    #[inline(always)]
    fn run(self) {
        let Self { w, v, tau_inv } = self;
        for o in w.iter_mut() {
            *o = o.scale(tau_inv);
        }
        let alpha = dot(w, v).scale(-0.5 * tau_inv);
        for (o, &x) in w.iter_mut().zip(v) {
            *o += alpha * x;
        }
    }
}

/// The part of the product of the Hermitian `A` (lower triangle `a`) with `x` that comes
/// from its columns `cols`, added to `y`.
struct Columns<'a, T> {
    a: MatRef<'a, T>,
    cols: std::ops::Range<usize>,
    x: &'a [T],
    y: &'a mut [T],
}

impl<T: Compute> Kernel for Columns<'_, T> {
    type Out = ();
    #[inline(always)]
    fn run(self) {
        columns(self.a, self.cols, self.x, self.y);
    }
}

/// `y[r] -= a[r] * ca + b[r] * cb`.
#[inline(always)]
fn minus_two<T: Compute>(y: &mut [T], a: &[T], ca: T, b: &[T], cb: T) {
    for ((y, &a), &b) in y.iter_mut().zip(a).zip(b) {
        *y -= a * ca + b * cb;
    }
}

/// `sum(conj(a[r]) * b[r])` in [`LANES`] partial sums.
#[inline(always)]
fn dot<T: Compute>(a: &[T], b: &[T]) -> T {
    let zero = T::from_re(0.0);
    let mut acc = [zero; LANES];
    let (ca, ta) = a.as_chunks::<LANES>();
    let (cb, tb) = b.as_chunks::<LANES>();
    for (a, b) in ca.iter().zip(cb) {
        for l in 0..LANES {
            acc[l] += a[l].conjugate() * b[l];
        }
    }
    let tail = ta.iter().zip(tb).fold(zero, |s, (&a, &b)| s + a.conjugate() * b);
    acc.iter().fold(zero, |s, &p| s + p) + tail
}

/// Where the trailing matrix of order `m` is split: the first half's columns `0..split`,
/// with `extra` more elements' work, take about as long as the rest, counting each column
/// as its length in the lower triangle plus [`COLUMN_COST`] elements.
fn split(m: usize, extra: usize) -> usize {
    let (m, k) = (m as f64, COLUMN_COST);
    let total = m * (m + 1.0) / 2.0 + k * m;
    // The first `c` columns: c (m + k) - c (c - 1) / 2 = (total - extra) / 2.
    let b = m + k + 0.5;
    let c = b - (b * b - (total - extra as f64).max(0.0)).max(0.0).sqrt();
    (c.round() as usize).min(m as usize)
}

/// What a column costs beyond its elements, in elements (the sums' reduction, the loop's
/// set-up).
const COLUMN_COST: f64 = 64.0;

/// `y = A x` for the Hermitian `A` whose lower triangle `a` holds, its diagonal real, then
/// `lead(y)`: the first half's product and `lead` (costing about `extra` elements of the
/// product) on this thread, the second half's into `y1` (a work vector as long as `y`) on
/// the helper, then summed.
fn product<T: Compute>(
    a: MatRef<'_, T>,
    x: &[T],
    y: &mut [T],
    y1: &mut [T],
    pair: Option<&Pair>,
    extra: usize,
    lead: impl FnOnce(&mut [T]),
) {
    let m = x.len();
    let c = split(m, extra);
    y.fill(T::from_re(0.0));
    y1[c..].fill(T::from_re(0.0));
    let first = |y: &mut [T]| {
        wide(Columns { a, cols: 0..c, x, y: &mut *y });
        lead(y);
    };
    let second = |y: &mut [T]| wide(Columns { a, cols: c..m, x, y });
    if let Some(pair) = pair.filter(|_| m >= TWO_TASKS) {
        pair.join(|| first(y), || second(&mut y1[..]));
    } else {
        first(y);
        second(y1);
    }
    for (o, &h) in y[c..].iter_mut().zip(&y1[c..]) {
        *o += h;
    }
}

/// The rank-`2k` update `A -= V W^H + W V^H` of the lower triangle `a`, in its two halves.
fn update<T: Compute>(a: MatMut<'_, T>, v: MatRef<'_, T>, w: MatRef<'_, T>, pair: Option<&Pair>) {
    let m = a.nrows();
    let c = split(m, 0);
    let (left, right) = a.split_at_col_mut(c);
    let first = move || update_columns(left, 0, v, w);
    let second = move || update_columns(right, c, v, w);
    if let Some(pair) = pair.filter(|_| m >= TWO_TASKS) {
        pair.join(first, second);
    } else {
        first();
        second();
    }
}

/// The update of `a`, the columns `c0..` of the whole trailing matrix (all its rows).
fn update_columns<T: Compute>(a: MatMut<'_, T>, c0: usize, v: MatRef<'_, T>, w: MatRef<'_, T>) {
    let (m, width) = (a.nrows(), a.ncols());
    let (top, bottom) = a.subrows_mut(c0, m - c0).split_at_row_mut(width);
    let (vt, vb) = v.subrows(c0, m - c0).split_at_row(width);
    let (wt, wb) = w.subrows(c0, m - c0).split_at_row(width);
    let minus = -T::from_re(1.0);
    let mut top = top;
    let lower = BlockStructure::TriangularLower;
    let full = BlockStructure::Rectangular;
    triangular_matmul(top.rb_mut(), lower, Accum::Add, vt, full, wt.adjoint(), full, minus, Par::Seq);
    triangular_matmul(top.rb_mut(), lower, Accum::Add, wt, full, vt.adjoint(), full, minus, Par::Seq);
    let mut bottom = bottom;
    matmul(bottom.rb_mut(), Accum::Add, vb, wt.adjoint(), minus, Par::Seq);
    matmul(bottom.rb_mut(), Accum::Add, wb, vt.adjoint(), minus, Par::Seq);
}

/// Adds to `y` the product of the Hermitian `A` (lower triangle `a`) with `x` that comes
/// from `A`'s columns `cols` of the lower triangle (and their mirror images above it).
/// Two columns at a time are read in one pass: `y[r] += a[r, c] x[c] + a[r, c + 1] x[c + 1]`
/// below them, and `y[c] += sum(conj(a[r, c]) x[r])` in [`LANES`] partial sums (a multiply
/// then an add, never fused, so that every CPU gives the same bits).
#[inline(always)]
fn columns<T: Compute>(a: MatRef<'_, T>, cols: std::ops::Range<usize>, x: &[T], y: &mut [T]) {
    let zero = T::from_re(0.0);
    let column = |c: usize| a.col(c).try_as_col_major().expect("a column-major matrix").as_slice();
    let mut c = cols.start;
    while c + 2 <= cols.end {
        let (c0, c1) = (column(c), column(c + 1));
        let (x0, x1) = (x[c], x[c + 1]);
        let (a0, t0) = c0[c + 2..].as_chunks::<LANES>();
        let (a1, t1) = c1[c + 2..].as_chunks::<LANES>();
        let (xs, tx) = x[c + 2..].as_chunks::<LANES>();
        let (head, below) = y.split_at_mut(c + 2);
        let (ys, ty) = below.as_chunks_mut::<LANES>();
        let (mut s0, mut s1) = ([zero; LANES], [zero; LANES]);
        for (((a0, a1), x), y) in a0.iter().zip(a1).zip(xs).zip(ys) {
            for l in 0..LANES {
                y[l] += a0[l] * x0 + a1[l] * x1;
                s0[l] += a0[l].conjugate() * x[l];
                s1[l] += a1[l].conjugate() * x[l];
            }
        }
        let (mut r0, mut r1) = (zero, zero);
        for (((&a0, &a1), &x), y) in t0.iter().zip(t1).zip(tx).zip(ty) {
            *y += a0 * x0 + a1 * x1;
            r0 += a0.conjugate() * x;
            r1 += a1.conjugate() * x;
        }
        let s0 = s0.iter().fold(zero, |s, &p| s + p) + r0;
        let s1 = s1.iter().fold(zero, |s, &p| s + p) + r1;
        let sub = c0[c + 1];
        head[c] += T::from_re(c0[c].re()) * x0 + sub.conjugate() * x1 + s0;
        head[c + 1] += sub * x0 + T::from_re(c1[c + 1].re()) * x1 + s1;
        c += 2;
    }
    while c < cols.end {
        let c0 = column(c);
        let x0 = x[c];
        let (below, head) = (&c0[c + 1..], x[c + 1..].iter());
        let mut s = zero;
        for ((&a, &xr), yr) in below.iter().zip(head).zip(&mut y[c + 1..]) {
            *yr += a * x0;
            s += a.conjugate() * xr;
        }
        y[c] += T::from_re(c0[c].re()) * x0 + s;
        c += 1;
    }
}

/// The calling thread and, once it has joined, one more thread of the pool, which spins
/// between tasks rather than sleeping: the reduction hands it a task per column, too often
/// for a sleeping thread to be woken for each (with `rayon::join`, the pool's other thread
/// fell asleep between columns and ran a third of the second halves: order 1,024 took as
/// long on two threads as on one).
struct Pair {
    /// [`IDLE`], [`POSTED`] or [`DONE`].
    state: AtomicU8,
    /// The task posted, until the helper takes it.
    task: Mutex<Option<Task>>,
    /// Whether the helper has joined.
    present: AtomicBool,
    /// Set when the calling thread is done: the helper leaves.
    quit: AtomicBool,
    /// Whether the last task panicked on the helper.
    panicked: AtomicBool,
}

const IDLE: u8 = 0;
const POSTED: u8 = 1;
const DONE: u8 = 2;

/// A task for the helper: a closure on the poster's stack, its lifetime erased.
struct Task(*mut (dyn FnMut() + Send + 'static));

// SAFETY: the closure behind the pointer is `Send`; only the helper calls it, while the
// thread that posted it waits (`Pair::join`).
#[allow(unsafe_code)]
unsafe impl Send for Task {}

impl Pair {
    /// A pair without its helper yet.
    fn new() -> Self {
        Pair {
            state: AtomicU8::new(IDLE),
            task: Mutex::new(None),
            present: AtomicBool::new(false),
            quit: AtomicBool::new(false),
            panicked: AtomicBool::new(false),
        }
    }

    /// Runs `f` on a thread of the pool, with the pool's other thread as the helper when it
    /// is free to join (`rayon::join` offers it the helper's loop to steal; a busy pool
    /// leaves `f` to run every task itself).
    fn run<R: Send>(f: impl FnOnce(&Pair) -> R + Send) -> R {
        let pair = Pair::new();
        /// Lets the helper go however `f` ends, a panic included.
        struct Quit<'a>(&'a AtomicBool);
        impl Drop for Quit<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Release);
            }
        }
        let (out, ()) = rayon::join(
            || {
                let _quit = Quit(&pair.quit);
                f(&pair)
            },
            || pair.help(),
        );
        out
    }

    /// The helper's loop: runs each posted task until told to quit.
    fn help(&self) {
        if self.quit.load(Ordering::Acquire) || self.present.swap(true, Ordering::AcqRel) {
            return;
        }
        loop {
            if self.state.load(Ordering::Acquire) == POSTED {
                let task = self.task.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
                if let Some(Task(call)) = task {
                    // SAFETY: the poster keeps the closure alive and untouched until the
                    // state is `DONE` (`Pair::join`).
                    #[allow(unsafe_code)]
                    let ok = catch_unwind(AssertUnwindSafe(|| unsafe { (*call)() })).is_ok();
                    self.panicked.store(!ok, Ordering::Relaxed);
                }
                self.state.store(DONE, Ordering::Release);
            } else if self.quit.load(Ordering::Acquire) {
                return;
            } else {
                std::hint::spin_loop();
            }
        }
    }

    /// Runs `a` here and `b` on the helper, if it has joined (else `b` after `a`, here),
    /// and returns when both are done.
    fn join(&self, a: impl FnOnce(), b: impl FnOnce() + Send) {
        if !self.present.load(Ordering::Acquire) {
            a();
            b();
            return;
        }
        let mut b = Some(b);
        let mut call = move || {
            if let Some(b) = b.take() {
                b();
            }
        };
        let ptr: *mut (dyn FnMut() + Send + '_) = &mut call;
        // SAFETY: only the lifetime changes. `call` outlives the helper's use of it: the
        // guard below, dropped before `call` (also when `a` panics), waits until the helper
        // has finished the task.
        #[allow(unsafe_code)]
        let ptr =
            unsafe { std::mem::transmute::<*mut (dyn FnMut() + Send + '_), *mut (dyn FnMut() + Send + 'static)>(ptr) };
        *self.task.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Task(ptr));
        self.state.store(POSTED, Ordering::Release);
        /// Waits for the helper's task.
        struct Wait<'a>(&'a AtomicU8);
        impl Drop for Wait<'_> {
            fn drop(&mut self) {
                while self.0.load(Ordering::Acquire) != DONE {
                    std::hint::spin_loop();
                }
                self.0.store(IDLE, Ordering::Relaxed);
            }
        }
        let wait = Wait(&self.state);
        a();
        drop(wait);
        assert!(!self.panicked.swap(false, Ordering::Relaxed), "a task of the tridiagonal reduction panicked");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nprs_core::C128;

    /// Entries in [-0.5, 0.5) from a fixed sequence.
    fn entries(count: usize) -> Vec<f64> {
        let mut rng = nprs_testkit::mutate::Rng(0x1234_5678);
        (0..count).map(|_| (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 0.5).collect()
    }

    /// Reduces `a` on this thread alone, then with a helper thread that has joined, and
    /// checks that both give the same bits, and that the tridiagonal keeps the matrix's
    /// trace and Frobenius norm (a similarity does).
    fn check<T: Compute>(a: &faer::Mat<T>) {
        let n = a.nrows();
        let (mut alone, mut paired) = (a.clone(), a.clone());
        let (mut taus, mut taus2) = (vec![0.0; n - 1], vec![0.0; n - 1]);
        reduce_here(alone.as_mut(), &mut taus, None);
        let pair = Pair::new();
        std::thread::scope(|s| {
            s.spawn(|| pair.help());
            while !pair.present.load(Ordering::Acquire) {
                std::hint::spin_loop();
            }
            reduce_here(paired.as_mut(), &mut taus2, Some(&pair));
            pair.quit.store(true, Ordering::Release);
        });
        let bits = |x: T| (x.re().to_bits(), x.im().to_bits());
        for j in 0..n {
            for i in j..n {
                assert_eq!(bits(alone[(i, j)]), bits(paired[(i, j)]), "({i}, {j}) of order {n}");
            }
        }
        assert_eq!(taus, taus2);
        let (mut trace, mut norm) = (0.0, 0.0);
        for j in 0..n {
            trace += a[(j, j)].re();
            for i in j..n {
                norm += if i == j { 1.0 } else { 2.0 } * a[(i, j)].modulus().powi(2);
            }
        }
        let d: f64 = (0..n).map(|i| alone[(i, i)].re()).sum();
        let f: f64 = (0..n).map(|i| alone[(i, i)].re().powi(2)).sum::<f64>()
            + 2.0 * (1..n).map(|i| alone[(i, i - 1)].modulus().powi(2)).sum::<f64>();
        assert!((d - trace).abs() <= 1e-12 * norm.sqrt(), "trace {d} against {trace}");
        assert!((f - norm).abs() <= 1e-12 * norm, "norm {f} against {norm}");
    }

    #[test]
    fn the_helper_changes_no_bit_and_the_reduction_is_a_similarity() {
        for n in [TWO_TASKS + 37, 2 * PANEL + 1, 300] {
            let e = entries(2 * n * n);
            let real = faer::Mat::<f64>::from_fn(n, n, |i, j| if i >= j { e[i * n + j] } else { 0.0 });
            check(&real);
            let complex = faer::Mat::<C128>::from_fn(n, n, |i, j| match i.cmp(&j) {
                std::cmp::Ordering::Greater => C128::new(e[i * n + j], e[n * n + i * n + j]),
                std::cmp::Ordering::Equal => C128::new(e[i * n + j], 0.0),
                std::cmp::Ordering::Less => C128::new(0.0, 0.0),
            });
            check(&complex);
        }
    }
}
