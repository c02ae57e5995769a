//! The lane engine: runs a one-axis kernel over every lane of an N-d array.
//!
//! Lanes whose elements are contiguous are read (and written) in place. Strided lanes are
//! gathered in groups of neighbours along the innermost other axis, so each cache line
//! read serves several lanes, transformed in a small buffer and scattered back; the whole
//! array is never transposed. Groups are split across threads (rayon) when the work is
//! large enough.
#![allow(unsafe_code)] // raw lane pointers: each block says why it holds

use num_complex::Complex;
use rayon::prelude::*;

use crate::plan::{FftFloat, give_back, take_buffer};

/// A one-axis transform of lanes: input elements `I`, output elements `Self::Out`.
pub(crate) trait Kernel<I>: Sync {
    /// The precision computed in.
    type F: FftFloat;
    /// The output element.
    type Out: Copy + Default + Send + Sync;
    /// Input elements read per lane (fewer when the input lane is shorter).
    fn n_in(&self) -> usize;
    /// Output elements written per lane.
    fn n_out(&self) -> usize;
    /// Complex work elements per lane.
    fn work_len(&self) -> usize;
    /// Scratch elements for the complex transform.
    fn scratch_len(&self) -> usize;
    /// Fills `work` from an input lane of at most `n_in` elements (zero-padding the rest).
    fn load(&self, src: &[I], work: &mut [Complex<Self::F>]);
    /// Transforms one lane's work buffer.
    fn compute(&self, work: &mut [Complex<Self::F>], scratch: &mut [Complex<Self::F>]);
    /// Writes one lane's result.
    fn store(&self, work: &[Complex<Self::F>], dst: &mut [Self::Out]);
    /// Transforms straight into a contiguous output lane when the kernel's work layout is
    /// the output's (`work` is free for use as the input of an out-of-place transform);
    /// returns whether it did.
    fn direct(
        &self,
        _src: &[I],
        _dst: &mut [Self::Out],
        _work: &mut [Complex<Self::F>],
        _scratch: &mut [Complex<Self::F>],
    ) -> bool {
        false
    }
}

/// An array's elements as a pointer, shape and element strides.
pub(crate) struct Raw<T> {
    pub ptr: *mut T,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
}

impl<T> Clone for Raw<T> {
    fn clone(&self) -> Self {
        Raw { ptr: self.ptr, shape: self.shape.clone(), strides: self.strides.clone() }
    }
}

/// Shares a raw pointer with the worker threads.
#[derive(Clone, Copy)]
struct SendPtr<T>(*mut T);
// SAFETY: the engine hands each lane to exactly one task; tasks never touch another
// task's lanes, and the arrays outlive the parallel loop.
unsafe impl<T> Send for SendPtr<T> {}
// SAFETY: as for Send.
unsafe impl<T> Sync for SendPtr<T> {}

impl<T> SendPtr<T> {
    /// The pointer (a method, so closures capture the `Send` wrapper, not its field).
    fn get(self) -> *mut T {
        self.0
    }
}

/// Lanes gathered together when their elements are strided.
const GROUP: usize = 16;
/// Below this many output elements the work stays on the calling thread.
const PARALLEL_MIN: usize = 1 << 15;

/// Per-task buffers; the complex ones go back to the thread's pool when dropped.
struct State<I, O, F: FftFloat> {
    work: Vec<Complex<F>>,
    scratch: Vec<Complex<F>>,
    gin: Vec<I>,
    gout: Vec<O>,
}

impl<I, O, F: FftFloat> Drop for State<I, O, F> {
    fn drop(&mut self) {
        give_back(std::mem::take(&mut self.work));
        give_back(std::mem::take(&mut self.scratch));
    }
}

/// Runs `k` along `axis` from `src` into `dst`, whose shapes agree except along `axis`
/// (`src.shape[axis]` input elements, `k.n_out()` output elements).
///
/// # Safety
/// `src` must describe readable memory for every index of its shape and `dst` writable
/// memory for every index of its shape, no two indices of `dst` may share an element, and
/// nothing else may access `dst` during the call. `src` and `dst` may be the same array
/// (`in_place`, with equal shapes and strides), never otherwise overlap.
pub(crate) unsafe fn run<I, K>(src: &Raw<I>, dst: &Raw<K::Out>, axis: usize, k: &K, in_place: bool)
where
    I: Copy + Default + Send + Sync,
    K: Kernel<I>,
{
    let ndim = dst.shape.len();
    let m = src.shape[axis];
    let k_in = m.min(k.n_in());
    let n_out = k.n_out();
    let (sa, da) = (src.strides[axis], dst.strides[axis]);
    let others: Vec<usize> = (0..ndim).filter(|&d| d != axis).collect();
    let lanes: usize = others.iter().map(|&d| dst.shape[d]).product();
    if lanes == 0 || n_out == 0 {
        return;
    }
    let (inner, outer) = match others.split_last() {
        Some((&i, rest)) => (Some(i), rest.to_vec()),
        None => (None, Vec::new()),
    };
    let li = inner.map_or(1, |d| dst.shape[d]);
    let (si, di) = inner.map_or((0, 0), |d| (src.strides[d], dst.strides[d]));
    let contiguous_in = sa == 1 && !in_place;
    let group = if sa == 1 && da == 1 { 1 } else { GROUP.min(li) };
    let chunks = li.div_ceil(group);
    let n_groups = lanes / li * chunks;
    let sp = SendPtr(src.ptr);
    let dp = SendPtr(dst.ptr);
    let outer_shape: Vec<usize> = outer.iter().map(|&d| dst.shape[d]).collect();
    let outer_s: Vec<isize> = outer.iter().map(|&d| src.strides[d]).collect();
    let outer_d: Vec<isize> = outer.iter().map(|&d| dst.strides[d]).collect();

    let new_state = || State::<I, K::Out, K::F> {
        work: take_buffer(k.work_len() * group),
        scratch: take_buffer(k.scratch_len()),
        gin: if contiguous_in { Vec::new() } else { vec![I::default(); k_in * group] },
        gout: if da == 1 { Vec::new() } else { vec![K::Out::default(); n_out * group] },
    };
    let process = |st: &mut State<I, K::Out, K::F>, gi: usize| {
        let (o, chunk) = (gi / chunks, gi % chunks);
        let j0 = chunk * group;
        let gc = group.min(li - j0);
        // Offsets of the lane group's first lane.
        let (mut so, mut dof) = (0isize, 0isize);
        let mut rem = o;
        for ax in (0..outer_shape.len()).rev() {
            let idx = (rem % outer_shape[ax]) as isize;
            rem /= outer_shape[ax];
            so += idx * outer_s[ax];
            dof += idx * outer_d[ax];
        }
        so += j0 as isize * si;
        dof += j0 as isize * di;
        let (sp, dp) = (sp.get(), dp.get());
        if !contiguous_in {
            for t in 0..k_in {
                for g in 0..gc {
                    // SAFETY: lane `j0 + g` at position `t < m` lies inside `src`.
                    st.gin[g * k_in + t] = unsafe { *sp.offset(so + g as isize * si + t as isize * sa) };
                }
            }
        }
        for g in 0..gc {
            let s_off = so + g as isize * si;
            let d_off = dof + g as isize * di;
            let input: &[I] = if contiguous_in {
                // SAFETY: a contiguous input lane of `m >= k_in` elements inside `src`,
                // which nothing writes during the call (not in place).
                unsafe { std::slice::from_raw_parts(sp.offset(s_off), k_in) }
            } else {
                &st.gin[g * k_in..(g + 1) * k_in]
            };
            let work = &mut st.work[g * k.work_len()..(g + 1) * k.work_len()];
            if da == 1 {
                // SAFETY: a contiguous output lane of `n_out` elements inside `dst`, owned
                // by this task alone; in place, the input was copied out first.
                let out = unsafe { std::slice::from_raw_parts_mut(dp.offset(d_off), n_out) };
                if !k.direct(input, out, work, &mut st.scratch) {
                    k.load(input, work);
                    k.compute(work, &mut st.scratch);
                    k.store(work, out);
                }
            } else {
                k.load(input, work);
                k.compute(work, &mut st.scratch);
                k.store(work, &mut st.gout[g * n_out..(g + 1) * n_out]);
            }
        }
        if da != 1 {
            for t in 0..n_out {
                for g in 0..gc {
                    // SAFETY: lane `j0 + g` at position `t < n_out` lies inside `dst`
                    // and belongs to this task.
                    unsafe { *dp.offset(dof + g as isize * di + t as isize * da) = st.gout[g * n_out + t] };
                }
            }
        }
    };
    if n_groups > 1 && lanes * n_out.max(k.work_len()) >= PARALLEL_MIN {
        (0..n_groups).into_par_iter().for_each_init(new_state, process);
    } else {
        let mut st = new_state();
        for gi in 0..n_groups {
            process(&mut st, gi);
        }
    }
}
