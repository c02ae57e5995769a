//! The shared N-d iteration engine (NumPy's nditer, reduced to what the kernels need).
//!
//! A [`Plan`] takes a common shape and per-operand byte strides (already broadcast: zero on
//! stretched axes), drops axes of length one, orders axes so the innermost is the one with
//! the smallest strides, and merges axes that are contiguous with each other. Kernels are
//! then called once per *run*: a pointer per operand, a byte stride per operand and a
//! length. Contiguous data becomes one long run; a broadcast row becomes runs of the row's
//! length with a zero stride for the broadcast operand.
//!
//! Large plans are split over the rayon pool by ranges of the flattened index space, so
//! every kernel sees the same run boundaries structure whatever the thread count.
#![allow(unsafe_code)]
// raw operand pointers; each block says why it holds
// Per-operand arrays (pointers, strides) are indexed in step by operand number.
#![allow(clippy::needless_range_loop)]

use smallvec::SmallVec;

/// Elements below which work stays on the calling thread.
pub const PAR_THRESHOLD: usize = 1 << 17;
/// Bytes in a cache line: the tiles of a plan whose operands disagree on the innermost axis
/// are two lines tall for the operand that crosses them.
const LINE: usize = 64;
/// Elements along the run axis in one tile.
const TILE_COLS: usize = 256;

/// An iteration plan over `N` operands.
#[derive(Clone, Debug)]
pub struct Plan<const N: usize> {
    /// Axis lengths, outermost first; the last one is the run axis. Empty for one element.
    shape: SmallVec<[usize; 6]>,
    /// Byte strides per axis, per operand.
    strides: SmallVec<[[isize; N]; 6]>,
    size: usize,
}

/// The operand pointers of one parallel call, moved into the tasks that share its work.
/// Only [`Plan::par_for_each_task`] makes one, inside the `unsafe` call whose contract
/// makes sending it sound.
#[derive(Clone, Copy)]
struct Ptrs<const N: usize>([*mut u8; N]);
// SAFETY: a `Ptrs` exists only inside `par_for_each_task`, whose caller promises that the
// pointers address valid elements for the whole call (the rayon scope ends before it
// returns) and that written elements are distinct; each task gets a disjoint index range
// (or disjoint tile rows), so no element is written by two threads or read by one while
// another writes it. Every element type is `Send + Sync` (`Element` requires it).
unsafe impl<const N: usize> Send for Ptrs<N> {}

/// Where the runs of one share of a parallel call go.
pub(crate) trait RunSink<const N: usize> {
    /// One run: a pointer per operand, a byte stride per operand and a length.
    ///
    /// # Safety
    /// The pointers with the strides must address `len` valid elements of every operand
    /// (the engine guarantees it for runs of a plan whose contract the caller met).
    unsafe fn run(&mut self, p: [*mut u8; N], s: [isize; N], len: usize);
}

/// A run function as a sink.
struct RunFn<'f, F>(&'f F);

impl<const N: usize, F: Fn([*mut u8; N], [isize; N], usize)> RunSink<N> for RunFn<'_, F> {
    unsafe fn run(&mut self, p: [*mut u8; N], s: [isize; N], len: usize) {
        (self.0)(p, s, len);
    }
}

impl<const N: usize> Plan<N> {
    /// A plan for `shape` with each operand's byte strides (each of `shape.len()` entries).
    #[must_use]
    pub fn new(shape: &[usize], strides: [&[isize]; N]) -> Self {
        let size: usize = shape.iter().product();
        let mut axes: SmallVec<[(usize, [isize; N]); 6]> = SmallVec::new();
        if size != 0 {
            for (ax, &d) in shape.iter().enumerate() {
                if d != 1 {
                    let mut s = [0isize; N];
                    for k in 0..N {
                        s[k] = strides[k][ax];
                    }
                    axes.push((d, s));
                }
            }
        }
        order_axes(&mut axes, |a| &a.1[..]);
        let merged: SmallVec<[(usize, [isize; N]); 6]> = coalesce_axes(
            axes,
            |a| (a.0, &a.1[..]),
            |outer, inner| {
                outer.0 *= inner.0;
                outer.1 = inner.1;
            },
        );
        Plan { shape: merged.iter().map(|a| a.0).collect(), strides: merged.iter().map(|a| a.1).collect(), size }
    }

    /// Number of elements visited.
    #[must_use]
    pub fn size(&self) -> usize {
        self.size
    }

    /// Axes left after merging (0 for a single element).
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// Length of the run axis.
    #[must_use]
    pub fn inner_len(&self) -> usize {
        self.shape.last().copied().unwrap_or(1)
    }

    /// Byte strides of the run axis.
    #[must_use]
    pub fn inner_strides(&self) -> [isize; N] {
        self.strides.last().copied().unwrap_or([0; N])
    }

    /// Calls `f(pointers, byte_strides, len)` for each run, in order.
    ///
    /// # Safety
    /// `ptrs` with the plan's strides must address valid elements of every operand.
    pub(crate) unsafe fn for_each_run(&self, ptrs: [*mut u8; N], mut f: impl FnMut([*mut u8; N], [isize; N], usize)) {
        // SAFETY: forwarded contract.
        unsafe { self.for_each_run_range(ptrs, 0, self.size, &mut f) }
    }

    /// As [`for_each_run`](Self::for_each_run), over flat positions `start..end` only.
    ///
    /// # Safety
    /// As [`for_each_run`](Self::for_each_run).
    pub(crate) unsafe fn for_each_run_range(
        &self,
        ptrs: [*mut u8; N],
        start: usize,
        end: usize,
        f: &mut impl FnMut([*mut u8; N], [isize; N], usize),
    ) {
        if start >= end {
            return;
        }
        let nd = self.shape.len();
        if nd == 0 {
            f(ptrs, [0; N], 1);
            return;
        }
        let inner = self.shape[nd - 1];
        let istr = self.strides[nd - 1];
        // Multi-index of `start` over the outer axes, and offset within the run.
        let mut idx: SmallVec<[usize; 6]> = SmallVec::from_elem(0, nd - 1);
        let mut rem = start / inner;
        let mut j = start % inner;
        for ax in (0..nd - 1).rev() {
            idx[ax] = rem % self.shape[ax];
            rem /= self.shape[ax];
        }
        let mut p = ptrs;
        for ax in 0..nd - 1 {
            for k in 0..N {
                // SAFETY: within the operands by the caller's contract.
                p[k] = unsafe { p[k].offset(idx[ax] as isize * self.strides[ax][k]) };
            }
        }
        let mut pos = start;
        loop {
            let len = (inner - j).min(end - pos);
            let mut q = p;
            for k in 0..N {
                // SAFETY: `j < inner`, inside the run.
                q[k] = unsafe { q[k].offset(j as isize * istr[k]) };
            }
            f(q, istr, len);
            pos += len;
            if pos >= end {
                return;
            }
            j = 0;
            // Advance the outer odometer.
            let mut ax = nd - 1;
            loop {
                if ax == 0 {
                    return;
                }
                ax -= 1;
                // The pointers move only between positions of the axis, never one step
                // past its end: that address can lie outside the operand's allocation,
                // and `offset` to it is undefined behaviour even if never read.
                if idx[ax] + 1 < self.shape[ax] {
                    idx[ax] += 1;
                    for k in 0..N {
                        // SAFETY: `idx[ax]` is still inside the axis, so the element is
                        // one of the operand's (caller's contract).
                        p[k] = unsafe { p[k].offset(self.strides[ax][k]) };
                    }
                    break;
                }
                for k in 0..N {
                    // SAFETY: rewinds from the axis' last position to its first, both
                    // elements of the operand.
                    p[k] = unsafe { p[k].offset(-(idx[ax] as isize) * self.strides[ax][k]) };
                }
                idx[ax] = 0;
            }
        }
    }

    /// The tile shape `(rows, cols)` for plans whose two innermost axes pull operands in
    /// opposite directions (one operand walks the run axis with a large stride but the axis
    /// outside it with a small one, as in `a + a.T`); `None` for the others.
    ///
    /// Such plans are walked in tiles `rows` tall along the second-innermost axis and
    /// `cols` long along the run axis. `rows` makes one tile consume whole cache lines of
    /// the crossing operand (two lines: 16 rows for `float64`): a tile reads each of its
    /// lines once and uses all of it, while the other operands are read in runs of `cols`
    /// elements, long enough for the hardware prefetcher and for the kernel's per-run cost
    /// to vanish. Measured on `a + a.T` and transposed copies of 1000², 4000² and 4096²
    /// `float64`/`float32`, this beat square 32×32 tiles on every case (by 15–45%), and two
    /// lines beat one on the power-of-two sizes, whose columns share cache sets.
    fn tile_shape(&self) -> Option<(usize, usize)> {
        let nd = self.shape.len();
        if nd < 2 {
            return None;
        }
        let (inner, outer) = (self.strides[nd - 1], self.strides[nd - 2]);
        let crossing = (0..N)
            .filter_map(|k| {
                let (si, so) = (inner[k].unsigned_abs(), outer[k].unsigned_abs());
                (so != 0 && so < si && si > LINE).then_some(so)
            })
            .min()?;
        let rows = (2 * LINE / crossing).clamp(8, 64);
        if self.shape[nd - 2] < 2 * rows || self.shape[nd - 1] < 64 {
            return None;
        }
        Some((rows, TILE_COLS))
    }

    /// Walks the outer axes, and the two innermost axes tile by tile; calls `f` once per
    /// row of each tile. `rows` restricts the walk to tile rows `rows.0..rows.1` (in units
    /// of tiles along the second-innermost axis) for every outer index.
    ///
    /// # Safety
    /// As [`for_each_run`](Self::for_each_run).
    unsafe fn for_each_tile_row(
        &self,
        ptrs: [*mut u8; N],
        (tile_h, tile_w): (usize, usize),
        rows: (usize, usize),
        f: &mut impl FnMut([*mut u8; N], [isize; N], usize),
    ) {
        let nd = self.shape.len();
        let (n1, n0) = (self.shape[nd - 2], self.shape[nd - 1]);
        let (s1, s0) = (self.strides[nd - 2], self.strides[nd - 1]);
        let outer = Plan::<N> {
            shape: self.shape[..nd - 2].iter().copied().collect(),
            strides: self.strides[..nd - 2].iter().copied().collect(),
            size: self.shape[..nd - 2].iter().product(),
        };
        let mut body = |base: [*mut u8; N]| {
            for tr in rows.0..rows.1 {
                let i0 = tr * tile_h;
                let i1 = (i0 + tile_h).min(n1);
                for j0 in (0..n0).step_by(tile_w) {
                    let len = tile_w.min(n0 - j0);
                    for i in i0..i1 {
                        let mut p = base;
                        for k in 0..N {
                            // SAFETY: (i, j0) lies inside the two innermost axes.
                            p[k] = unsafe { p[k].offset(i as isize * s1[k] + j0 as isize * s0[k]) };
                        }
                        f(p, s0, len);
                    }
                }
            }
        };
        if outer.shape.is_empty() {
            body(ptrs);
        } else {
            // SAFETY: the outer plan addresses the start of every 2-d slab.
            unsafe {
                outer.for_each_run_range(ptrs, 0, outer.size, &mut |p, st, len| {
                    for r in 0..len {
                        let mut q = p;
                        for k in 0..N {
                            q[k] = q[k].offset(r as isize * st[k]);
                        }
                        body(q);
                    }
                });
            }
        }
    }

    /// Runs `f` over all runs, split across the rayon pool when the plan is large.
    ///
    /// # Safety
    /// As [`for_each_run`](Self::for_each_run); in addition, distinct positions of
    /// written operands must address distinct elements (no self-overlapping output).
    pub(crate) unsafe fn par_for_each_run(
        &self,
        ptrs: [*mut u8; N],
        f: impl Fn([*mut u8; N], [isize; N], usize) + Sync + Send,
    ) {
        // SAFETY: forwarded contract.
        unsafe { self.par_for_each_task(ptrs, || RunFn(&f), |_| ()) }
    }

    /// As [`par_for_each_run`](Self::par_for_each_run), with state per task: each share
    /// of the work (the whole plan when it stays on one thread) calls `start` on the
    /// thread that runs it, feeds every run of the share to the state it returned, and
    /// hands the state to `finish` on the same thread. Loops keep their cast buffers and
    /// read the floating-point status flags of their thread this way.
    ///
    /// # Safety
    /// As [`par_for_each_run`](Self::par_for_each_run).
    pub(crate) unsafe fn par_for_each_task<T: RunSink<N>>(
        &self,
        ptrs: [*mut u8; N],
        start: impl Fn() -> T + Sync,
        finish: impl Fn(T) + Sync,
    ) {
        // Small plans never ask for the thread count: that would start the rayon pool.
        let threads = if self.size < PAR_THRESHOLD { 1 } else { rayon::current_num_threads() };
        if let Some(tile) = self.tile_shape() {
            let nd = self.shape.len();
            let tile_rows = self.shape[nd - 2].div_ceil(tile.0);
            if self.size < PAR_THRESHOLD || threads < 2 {
                let mut t = start();
                // SAFETY: forwarded contract.
                unsafe { self.for_each_tile_row(ptrs, tile, (0, tile_rows), &mut |p, s, l| t.run(p, s, l)) };
                finish(t);
                return;
            }
            let per = tile_rows.div_ceil(threads * 4).max(1);
            let ptrs = Ptrs(ptrs);
            let (start, finish) = (&start, &finish);
            rayon::scope(move |scope| {
                let mut lo = 0;
                while lo < tile_rows {
                    let hi = (lo + per).min(tile_rows);
                    scope.spawn(move |_| {
                        let ptrs = ptrs;
                        let mut t = start();
                        // SAFETY: disjoint tile rows, so writes do not race.
                        unsafe { self.for_each_tile_row(ptrs.0, tile, (lo, hi), &mut |p, s, l| t.run(p, s, l)) };
                        finish(t);
                    });
                    lo = hi;
                }
            });
            return;
        }
        if self.size < PAR_THRESHOLD || threads < 2 {
            let mut t = start();
            // SAFETY: forwarded contract.
            unsafe { self.for_each_run_range(ptrs, 0, self.size, &mut |p, s, l| t.run(p, s, l)) };
            finish(t);
            return;
        }
        let chunks = threads * 4;
        let per = self.size.div_ceil(chunks).next_multiple_of(64);
        let ptrs = Ptrs(ptrs);
        let (start, finish) = (&start, &finish);
        rayon::scope(move |scope| {
            let mut lo = 0;
            while lo < self.size {
                let hi = (lo + per).min(self.size);
                scope.spawn(move |_| {
                    let ptrs = ptrs;
                    let mut t = start();
                    // SAFETY: ranges are disjoint, so writes do not race.
                    unsafe { self.for_each_run_range(ptrs.0, lo, hi, &mut |p, s, l| t.run(p, s, l)) };
                    finish(t);
                });
                lo = hi;
            }
        });
    }
}

/// NumPy's axis ordering for `order='K'` (`npyiter_find_best_axis_ordering`): a stable
/// insertion sort of `axes` (outermost first) that moves an axis inward past another when
/// every operand with non-zero strides on both steps less along it; axes on which that
/// holds for no operand (a zero stride) are passed over, and on a conflict between
/// operands the C order stays. The engine's plans and [`crate::nditer`] both order by it.
pub(crate) fn order_axes<T>(axes: &mut [T], strides: impl Fn(&T) -> &[isize]) {
    // NumPy sorts innermost first; `at(i)` is the axis `i` places from the inside.
    let n = axes.len();
    for i0 in 1..n {
        let mut ipos = i0;
        for i1 in (0..i0).rev() {
            let (s0, s1) = (strides(&axes[n - 1 - i0]), strides(&axes[n - 1 - i1]));
            let (mut ambiguous, mut swap) = (true, false);
            for (&a, &b) in s0.iter().zip(s1) {
                if a != 0 && b != 0 {
                    if b.unsigned_abs() <= a.unsigned_abs() {
                        swap = false;
                    } else if ambiguous {
                        swap = true;
                    }
                    ambiguous = false;
                }
            }
            if !ambiguous {
                if swap {
                    ipos = i1;
                } else {
                    break;
                }
            }
        }
        if ipos != i0 {
            // Move the axis `i0` from the inside to position `ipos` from the inside.
            axes[n - 1 - i0..n - ipos].rotate_left(1);
        }
    }
}

/// Merges adjacent axes (outermost first) that step through memory as one axis for every
/// operand: `dims(axis)` gives an axis' length and strides, `merge(outer, inner)` makes
/// `outer` the merged axis.
pub(crate) fn coalesce_axes<T, I: IntoIterator<Item = T>, C: Default + Extend<T> + std::ops::DerefMut<Target = [T]>>(
    axes: I,
    dims: impl Fn(&T) -> (usize, &[isize]),
    merge: impl Fn(&mut T, T),
) -> C {
    let mut merged = C::default();
    for a in axes {
        if let Some(last) = merged.last_mut() {
            let (d, s) = dims(&a);
            let (_, ls) = dims(last);
            if ls.iter().zip(s).all(|(&o, &i)| o == i * d as isize) {
                merge(last, a);
                continue;
            }
        }
        merged.extend(std::iter::once(a));
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contiguous_merges_to_one_run() {
        let p = Plan::<1>::new(&[3, 4, 5], [&[160, 40, 8]]);
        assert_eq!(p.ndim(), 1);
        assert_eq!(p.inner_len(), 60);
    }

    #[test]
    fn transposed_is_reordered() {
        // A Fortran-ordered 3x4 of f64: strides (8, 24).
        let p = Plan::<1>::new(&[3, 4], [&[8, 24]]);
        assert_eq!(p.ndim(), 1);
        assert_eq!(p.inner_strides(), [8]);
    }

    #[test]
    fn axes_ordered_past_a_broadcast_axis() {
        // np.nditer over strides (8, 0, 24) and (0, 8, 0) walks axis 0 innermost (NumPy
        // passes over axis 1, on which no operand has two non-zero strides to compare),
        // then merges it with axis 2.
        let p = Plan::<2>::new(&[3, 4, 5], [&[8, 0, 24], &[0, 8, 0]]);
        assert_eq!(p.inner_strides(), [8, 0]);
        assert_eq!(p.inner_len(), 15);
    }

    #[test]
    fn broadcast_keeps_rows() {
        let p = Plan::<2>::new(&[10, 7], [&[56, 8], &[0, 8]]);
        assert_eq!(p.ndim(), 2);
        assert_eq!(p.inner_len(), 7);
    }

    #[test]
    fn ranges_cover_everything_once() {
        let p = Plan::<1>::new(&[3, 5], [&[5, 1]]);
        let _ = p;
        let p = Plan::<1>::new(&[3, 5], [&[1, 3]]); // F order, 1-byte items
        let mut seen = vec![0u8; 15];
        let base = seen.as_mut_ptr();
        for (a, b) in [(0, 4), (4, 11), (11, 15)] {
            // SAFETY: the plan addresses the 15 bytes of `seen`.
            unsafe {
                p.for_each_run_range([base], a, b, &mut |ptr, s, len| {
                    for i in 0..len {
                        *ptr[0].offset(i as isize * s[0]) += 1;
                    }
                });
            }
        }
        assert!(seen.iter().all(|&x| x == 1));
    }
}
