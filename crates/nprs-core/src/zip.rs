//! Elementwise kernels over the iteration engine, with runtime CPU dispatch.
//!
//! Every elementwise operation (arithmetic, casts, copies, fills) lands here. Each run the
//! engine produces is handed to a kernel specialised for its stride pattern: all
//! contiguous (a slice loop LLVM vectorises), one operand broadcast (a scalar), or general
//! strides. On x86-64 the same kernels are compiled a second time with AVX2 and FMA
//! enabled and chosen at run time; contraction is never enabled, so both give identical
//! bits.
#![allow(unsafe_code)] // kernels over raw run pointers; each block says why it holds

use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU8, Ordering};

use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut};
use crate::dims::{self, Order};
use crate::dtype::Element;
use crate::engine::{Plan, RunSink};
use crate::error::Result;
use crate::fpstatus::{self, FpFlags};
use crate::storage::Data;

/// True when the AVX2+FMA kernels may run on this CPU.
#[inline]
#[must_use]
pub fn has_avx2() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

/// Asks the CPU to bring the cache line holding `p` into its caches: a hint for loops
/// whose next reads the hardware prefetchers cannot foresee (random swaps) or start too
/// late on (many short streams). It reads nothing a program can observe and never faults,
/// whatever the address, so it is safe to call with any pointer.
#[inline(always)]
pub fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    // SAFETY: `prefetcht0` is a hint: it does not access memory architecturally and
    // cannot fault, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

fn byte_strides<T>(strides: &[isize]) -> smallvec::SmallVec<[isize; 6]> {
    strides.iter().map(|&s| s * size_of::<T>() as isize).collect()
}

// ---------------------------------------------------------------------------------------
// Run kernels. `s` holds byte strides; they are divided back into element strides.

#[inline(always)]
unsafe fn run1<A: Copy, O, F: Fn(A) -> O>(p: [*mut u8; 2], s: [isize; 2], len: usize, f: &F) {
    let o = p[0].cast::<O>();
    let a = p[1].cast_const().cast::<A>();
    let so = s[0] / size_of::<O>().max(1) as isize;
    let sa = s[1] / size_of::<A>().max(1) as isize;
    // SAFETY: the engine guarantees `len` elements at these strides for every operand.
    unsafe {
        if so == 1 && sa == 1 {
            let out = std::slice::from_raw_parts_mut(o.cast::<MaybeUninit<O>>(), len);
            let inp = std::slice::from_raw_parts(a, len);
            for (d, &x) in out.iter_mut().zip(inp) {
                d.write(f(x));
            }
        } else if so == 1 && sa == 0 {
            let x = *a;
            let out = std::slice::from_raw_parts_mut(o.cast::<MaybeUninit<O>>(), len);
            for d in out {
                d.write(f(x));
            }
        } else {
            for i in 0..len as isize {
                o.offset(i * so).write(f(*a.offset(i * sa)));
            }
        }
    }
}

#[inline(always)]
unsafe fn run2<A: Copy, B: Copy, O, F: Fn(A, B) -> O>(p: [*mut u8; 3], s: [isize; 3], len: usize, f: &F) {
    let o = p[0].cast::<O>();
    let a = p[1].cast_const().cast::<A>();
    let b = p[2].cast_const().cast::<B>();
    let so = s[0] / size_of::<O>().max(1) as isize;
    let sa = s[1] / size_of::<A>().max(1) as isize;
    let sb = s[2] / size_of::<B>().max(1) as isize;
    // SAFETY: the engine guarantees `len` elements at these strides for every operand.
    unsafe {
        if so == 1 && sa == 1 && sb == 1 {
            let out = std::slice::from_raw_parts_mut(o.cast::<MaybeUninit<O>>(), len);
            let x = std::slice::from_raw_parts(a, len);
            let y = std::slice::from_raw_parts(b, len);
            for ((d, &x), &y) in out.iter_mut().zip(x).zip(y) {
                d.write(f(x, y));
            }
        } else if so == 1 && sa == 1 && sb == 0 {
            let out = std::slice::from_raw_parts_mut(o.cast::<MaybeUninit<O>>(), len);
            let x = std::slice::from_raw_parts(a, len);
            let y = *b;
            for (d, &x) in out.iter_mut().zip(x) {
                d.write(f(x, y));
            }
        } else if so == 1 && sa == 0 && sb == 1 {
            let out = std::slice::from_raw_parts_mut(o.cast::<MaybeUninit<O>>(), len);
            let x = *a;
            let y = std::slice::from_raw_parts(b, len);
            for (d, &y) in out.iter_mut().zip(y) {
                d.write(f(x, y));
            }
        } else {
            for i in 0..len as isize {
                o.offset(i * so).write(f(*a.offset(i * sa), *b.offset(i * sb)));
            }
        }
    }
}

#[inline(always)]
unsafe fn run_inplace2<A, B: Copy, F: Fn(&mut A, B)>(p: [*mut u8; 2], s: [isize; 2], len: usize, f: &F) {
    let a = p[0].cast::<A>();
    let b = p[1].cast_const().cast::<B>();
    let sa = s[0] / size_of::<A>().max(1) as isize;
    let sb = s[1] / size_of::<B>().max(1) as isize;
    // SAFETY: the engine guarantees `len` elements at these strides for every operand.
    unsafe {
        if sa == 1 && sb == 1 {
            let x = std::slice::from_raw_parts_mut(a, len);
            let y = std::slice::from_raw_parts(b, len);
            for (x, &y) in x.iter_mut().zip(y) {
                f(x, y);
            }
        } else if sa == 1 && sb == 0 {
            let x = std::slice::from_raw_parts_mut(a, len);
            let y = *b;
            for x in x {
                f(x, y);
            }
        } else {
            for i in 0..len as isize {
                f(&mut *a.offset(i * sa), *b.offset(i * sb));
            }
        }
    }
}

#[inline(always)]
unsafe fn run_inplace1<A, F: Fn(&mut A)>(p: [*mut u8; 1], s: [isize; 1], len: usize, f: &F) {
    let a = p[0].cast::<A>();
    let sa = s[0] / size_of::<A>().max(1) as isize;
    // SAFETY: the engine guarantees `len` elements at this stride.
    unsafe {
        if sa == 1 {
            for x in std::slice::from_raw_parts_mut(a, len) {
                f(x);
            }
        } else {
            for i in 0..len as isize {
                f(&mut *a.offset(i * sa));
            }
        }
    }
}

macro_rules! dispatch {
    ($base:ident, $avx:ident, [$($g:ident $(: $b:path)?),*], $n:literal, ($($arg:ident: $ty:ty),*), $F:ty) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2,fma")]
        unsafe fn $avx<$($g $(: $b)?),*>(p: [*mut u8; $n], s: [isize; $n], len: usize, $($arg: $ty),*) {
            // SAFETY: forwarded contract; the caller checked the CPU features.
            unsafe { $base(p, s, len, $($arg),*) }
        }
    };
}

dispatch!(run1, run1_avx2, [A: Copy, O, F: Fn(A) -> O], 2, (f: &F), F);
dispatch!(run2, run2_avx2, [A: Copy, B: Copy, O, F: Fn(A, B) -> O], 3, (f: &F), F);
dispatch!(run_inplace2, run_inplace2_avx2, [A, B: Copy, F: Fn(&mut A, B)], 2, (f: &F), F);
dispatch!(run_inplace1, run_inplace1_avx2, [A, F: Fn(&mut A)], 1, (f: &F), F);

macro_rules! pick {
    ($base:ident, $avx:ident) => {{
        #[cfg(target_arch = "x86_64")]
        {
            if has_avx2() { $avx as _ } else { $base as _ }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            $base as _
        }
    }};
}

/// One run of `f` over a unary operand: `p = [out, a]` with byte strides `s`, on the AVX2
/// kernels when the CPU has them.
///
/// # Safety
/// `len` elements of `A` at `p[1]` and writable slots for `len` elements of `O` at `p[0]`,
/// at the given byte strides.
#[inline]
pub(crate) unsafe fn run_map<A: Copy, O, F: Fn(A) -> O>(p: [*mut u8; 2], s: [isize; 2], len: usize, f: &F) {
    let k: unsafe fn([*mut u8; 2], [isize; 2], usize, &F) = pick!(run1, run1_avx2);
    // SAFETY: forwarded contract.
    unsafe { k(p, s, len, f) }
}

/// One run of `f` over two operands: `p = [out, a, b]` with byte strides `s`, on the AVX2
/// kernels when the CPU has them.
///
/// # Safety
/// As [`run_map`], for both inputs.
#[inline]
pub(crate) unsafe fn run_zip<A: Copy, B: Copy, O, F: Fn(A, B) -> O>(p: [*mut u8; 3], s: [isize; 3], len: usize, f: &F) {
    let k: unsafe fn([*mut u8; 3], [isize; 3], usize, &F) = pick!(run2, run2_avx2);
    // SAFETY: forwarded contract.
    unsafe { k(p, s, len, f) }
}

// ---------------------------------------------------------------------------------------
// Drivers.

/// The memory order of a new result whose inputs have the given layouts: F when every
/// input is F-contiguous and not C-contiguous (NumPy's `order='K'` for these cases), else C.
pub(crate) fn result_order(inputs: &[(&[usize], &[isize])]) -> Order {
    // Only inputs with the result's full shape have a say; broadcast ones (scalars, rows)
    // do not, as in NumPy's iterator.
    let ndim = inputs.iter().map(|(sh, _)| sh.len()).max().unwrap_or(0);
    let size = inputs.iter().map(|(sh, _)| sh.iter().product::<usize>()).max().unwrap_or(0);
    let full = inputs.iter().filter(|(sh, _)| sh.len() == ndim && sh.iter().product::<usize>() == size);
    let mut any = false;
    for (sh, st) in full {
        any = true;
        if !dims::is_f_contiguous(sh, st) || dims::is_c_contiguous(sh, st) {
            return Order::C;
        }
    }
    if any { Order::F } else { Order::C }
}

/// Applies `f` to every element of `a`, writing into uninitialised output memory laid out
/// by `out_strides` (in elements) from `out`.
///
/// # Safety
/// `out` with `out_strides` over `a`'s shape must address writable, non-overlapping slots.
pub(crate) unsafe fn map_raw<A: Element, O, F: Fn(A) -> O + Sync + Send>(
    out: *mut O,
    out_strides: &[isize],
    a: &ArrayView<'_, A>,
    f: &F,
) {
    let so = byte_strides::<O>(out_strides);
    let sa = &a.strides;
    let plan = Plan::<2>::new(&a.shape, [&so, sa]);
    let k: unsafe fn([*mut u8; 2], [isize; 2], usize, &F) = pick!(run1, run1_avx2);
    let ptrs = [out.cast::<u8>(), a.ptr.as_ptr()];
    // SAFETY: caller's contract for `out`; `a` is a valid view.
    unsafe { plan.par_for_each_run(ptrs, |p, s, l| k(p, s, l, f)) };
}

/// Applies `f` to pairs of `a` and `b` (both already of the output shape), writing into
/// output memory laid out by `out_strides`.
///
/// # Safety
/// As [`map_raw`].
pub(crate) unsafe fn zip_raw<A: Element, B: Element, O, F: Fn(A, B) -> O + Sync + Send>(
    out: *mut O,
    out_strides: &[isize],
    a: &ArrayView<'_, A>,
    b: &ArrayView<'_, B>,
    f: &F,
) {
    // SAFETY: forwarded contract.
    unsafe { zip_raw_fp(out, out_strides, a, b, f, None) };
}

/// A check of a run of the second operand after the kernel ran over it, reporting the
/// conditions the hardware does not see (integer division by zero): the operand's
/// pointer, byte stride and the run's length.
pub(crate) type RunCheck = unsafe fn(*const u8, isize, usize) -> FpFlags;

/// A run function reporting conditions, as a sink: it merges them over one share of the
/// work.
struct FpRuns<'f, F> {
    f: &'f F,
    flags: FpFlags,
}

impl<const N: usize, F: Fn([*mut u8; N], [isize; N], usize) -> FpFlags> RunSink<N> for FpRuns<'_, F> {
    unsafe fn run(&mut self, p: [*mut u8; N], s: [isize; N], len: usize) {
        self.flags |= (self.f)(p, s, len);
    }
}

/// Runs `f` over the runs of `plan` (over the rayon pool when large) and returns the
/// floating-point conditions raised: those `f` reports, and the hardware status flags,
/// cleared when each share of the work starts and read when it ends — never per element.
///
/// # Safety
/// As [`Plan::par_for_each_run`].
unsafe fn par_runs_fp<const N: usize>(
    plan: &Plan<N>,
    ptrs: [*mut u8; N],
    f: impl Fn([*mut u8; N], [isize; N], usize) -> FpFlags + Sync + Send,
) -> FpFlags {
    let merged = AtomicU8::new(0);
    let start = || {
        fpstatus::clear_hw();
        FpRuns { f: &f, flags: FpFlags::NONE }
    };
    let finish = |t: FpRuns<'_, _>| {
        merged.fetch_or((t.flags | fpstatus::read_hw()).bits(), Ordering::Relaxed);
    };
    // SAFETY: forwarded contract.
    unsafe { plan.par_for_each_task(ptrs, start, finish) };
    FpFlags::from_bits(merged.load(Ordering::Relaxed))
}

/// As [`zip_raw`], returning the floating-point conditions the loop raised (see
/// [`par_runs_fp`]) and those `check` reports for each run of `b`.
///
/// # Safety
/// As [`map_raw`].
pub(crate) unsafe fn zip_raw_fp<A: Element, B: Element, O, F: Fn(A, B) -> O + Sync + Send>(
    out: *mut O,
    out_strides: &[isize],
    a: &ArrayView<'_, A>,
    b: &ArrayView<'_, B>,
    f: &F,
    check: Option<RunCheck>,
) -> FpFlags {
    let so = byte_strides::<O>(out_strides);
    let sa = &a.strides;
    let sb = &b.strides;
    let plan = Plan::<3>::new(&a.shape, [&so, sa, sb]);
    let k: unsafe fn([*mut u8; 3], [isize; 3], usize, &F) = pick!(run2, run2_avx2);
    let ptrs = [out.cast::<u8>(), a.ptr.as_ptr(), b.ptr.as_ptr()];
    let run = |p: [*mut u8; 3], s: [isize; 3], l: usize| {
        // SAFETY: the engine hands out runs of valid elements of the three operands.
        unsafe {
            k(p, s, l, f);
            match check {
                // A broadcast operand (a number) is one element, checked once.
                Some(c) => c(p[2], s[2], if s[2] == 0 { l.min(1) } else { l }),
                None => FpFlags::NONE,
            }
        }
    };
    // SAFETY: caller's contract for `out`; `a`, `b` are valid views.
    unsafe { par_runs_fp(&plan, ptrs, run) }
}

/// A new array of `f(x)` for each element of `a`, in `a`'s layout when it is F-ordered.
pub fn map<S: Data, O: Element, F: Fn(S::Elem) -> O + Sync + Send>(a: &ArrayBase<S>, f: F) -> Array<O> {
    let order = result_order(&[(&a.shape, &a.strides_elems())]);
    let view = a.view();
    // SAFETY: `map_raw` writes every element of the fresh buffer.
    unsafe {
        Array::build_uninit(&a.shape, order, |buf| {
            let st = dims::contiguous_strides(&view.shape, order);
            map_raw(buf.as_mut_ptr().cast::<O>(), &st, &view, &f);
        })
    }
    .unwrap_or_else(|e| panic!("{e}"))
}

/// A new array of `f(x, y)` over `a` and `b` broadcast together.
///
/// # Errors
/// [`crate::Error::Broadcast`] when the shapes are incompatible.
pub fn zip_map<SA: Data, SB: Data, O: Element, F: Fn(SA::Elem, SB::Elem) -> O + Sync + Send>(
    a: &ArrayBase<SA>,
    b: &ArrayBase<SB>,
    f: F,
) -> Result<Array<O>> {
    zip_map_fp(a, b, f, None).map(|(r, _)| r)
}

/// As [`zip_map`], also returning the floating-point conditions the loop raised (the
/// hardware flags, read once per share of the work, and what `check` reports on `b`).
///
/// # Errors
/// As [`zip_map`].
pub(crate) fn zip_map_fp<SA: Data, SB: Data, O: Element, F: Fn(SA::Elem, SB::Elem) -> O + Sync + Send>(
    a: &ArrayBase<SA>,
    b: &ArrayBase<SB>,
    f: F,
    check: Option<RunCheck>,
) -> Result<(Array<O>, FpFlags)> {
    let shape = dims::broadcast_operands(&[&a.shape, &b.shape])?;
    let av = a.broadcast_to(&shape)?;
    let bv = b.broadcast_to(&shape)?;
    let order = result_order(&[(&a.shape, &a.strides_elems()), (&b.shape, &b.strides_elems())]);
    let mut flags = FpFlags::NONE;
    // SAFETY: `zip_raw_fp` writes every element of the fresh buffer.
    let r = unsafe {
        Array::build_uninit(&shape, order, |buf| {
            let st = dims::contiguous_strides(&shape, order);
            flags = zip_raw_fp(buf.as_mut_ptr().cast::<O>(), &st, &av, &bv, &f, check);
        })
    }?;
    Ok((r, flags))
}

/// Calls `f(&mut x)` on every element of a writable view.
pub fn for_each_mut<T: Element, F: Fn(&mut T) + Sync + Send>(a: &mut ArrayViewMut<'_, T>, f: F) {
    for_each_mut_fp(a, f);
}

/// As [`for_each_mut`], returning the floating-point conditions the loop raised (the
/// hardware flags, read once per share of the work).
pub(crate) fn for_each_mut_fp<T: Element, F: Fn(&mut T) + Sync + Send>(a: &mut ArrayViewMut<'_, T>, f: F) -> FpFlags {
    let sa = &a.strides;
    let plan = Plan::<1>::new(&a.shape, [sa]);
    let k: unsafe fn([*mut u8; 1], [isize; 1], usize, &F) = pick!(run_inplace1, run_inplace1_avx2);
    let run = |p: [*mut u8; 1], s: [isize; 1], l: usize| {
        // SAFETY: the engine hands out runs of valid, distinct elements of the view.
        unsafe { k(p, s, l, &f) };
        FpFlags::NONE
    };
    // SAFETY: the view is uniquely borrowed and addresses valid, distinct elements.
    unsafe { par_runs_fp(&plan, [a.ptr.as_ptr()], run) }
}

/// Calls `f(&mut x, y)` for each element pair; `b` must already have `a`'s shape.
pub fn zip_mut_with<A: Element, B: Element, F: Fn(&mut A, B) + Sync + Send>(
    a: &mut ArrayViewMut<'_, A>,
    b: &ArrayView<'_, B>,
    f: F,
) {
    zip_mut_with_fp(a, b, f, None);
}

/// As [`zip_mut_with`], returning the floating-point conditions the loop raised (the
/// hardware flags, read once per share of the work, and what `check` reports on `b`).
pub(crate) fn zip_mut_with_fp<A: Element, B: Element, F: Fn(&mut A, B) + Sync + Send>(
    a: &mut ArrayViewMut<'_, A>,
    b: &ArrayView<'_, B>,
    f: F,
    check: Option<RunCheck>,
) -> FpFlags {
    assert_eq!(a.shape, b.shape, "zip_mut_with needs equal shapes");
    // Reading and writing the same memory through different layouts would see partly
    // updated values; NumPy copies the input first in that case, and so do we.
    if crate::shares::may_share_memory(a, b) && a.strides != b.strides {
        let owned = b.to_owned();
        zip_mut_with_unaliased(a, &owned.view(), &f, check)
    } else {
        zip_mut_with_unaliased(a, b, &f, check)
    }
}

fn zip_mut_with_unaliased<A: Element, B: Element, F: Fn(&mut A, B) + Sync + Send>(
    a: &mut ArrayViewMut<'_, A>,
    b: &ArrayView<'_, B>,
    f: &F,
    check: Option<RunCheck>,
) -> FpFlags {
    let sa = &a.strides;
    let sb = &b.strides;
    let plan = Plan::<2>::new(&a.shape, [sa, sb]);
    let k: unsafe fn([*mut u8; 2], [isize; 2], usize, &F) = pick!(run_inplace2, run_inplace2_avx2);
    let ptrs = [a.ptr.as_ptr(), b.ptr.as_ptr()];
    let run = |p: [*mut u8; 2], s: [isize; 2], l: usize| {
        // SAFETY: the engine hands out runs of valid elements of both operands.
        unsafe {
            k(p, s, l, f);
            match check {
                Some(c) => c(p[1], s[1], if s[1] == 0 { l.min(1) } else { l }),
                None => FpFlags::NONE,
            }
        }
    };
    // SAFETY: `a` is uniquely borrowed; `b` is a valid view of the same shape.
    unsafe { par_runs_fp(&plan, ptrs, run) }
}
