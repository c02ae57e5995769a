//! Element kernels as ufunc loops: implement [`ElemUnary`] (or [`ElemBinary`],
//! [`ElemUnary2`], [`ElemBinary2`]) on a zero-sized type, and [`unary::<K, T>`](unary)
//! (…) is its [`LoopFn`](super::LoopFn).
//!
//! A run whose operands are all contiguous (and whose inputs do not share memory with
//! its outputs) goes to the kernel's `run` as slices, whole; any other run is taken in
//! chunks of [`CHUNK`] elements, gathering strided or aliased inputs into a small buffer
//! and scattering strided outputs from one, so a kernel's SIMD `run` applies to every
//! layout. The default `run` maps `elem` over the slices, which LLVM vectorises where it
//! can.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{DynArray, UfuncOptions};
//! use nprs_core::kernel::{ElemUnary, LoopFn, LoopSpec, run_loop, unary};
//!
//! /// `x * x + 1` for float64.
//! struct SquarePlusOne;
//! impl ElemUnary<f64> for SquarePlusOne {
//!     type Out = f64;
//!     fn elem(x: f64) -> f64 {
//!         x * x + 1.0
//!     }
//! }
//! let spec = LoopSpec {
//!     name: "square_plus_one",
//!     nin: 1,
//!     dtypes: &[DType::Float64, DType::Float64],
//!     func: unary::<SquarePlusOne, f64> as LoopFn,
//!     report_fp: true,
//!     writes_uninit: false,
//! };
//! let a = array![[1.0, 2.0], [3.0, 4.0]];
//! let r = run_loop(&spec, &[(&a.t()).into()], UfuncOptions::new()).unwrap();
//! assert_eq!(r[0].as_ref().unwrap().typed::<f64>().unwrap().to_vec(), vec![2.0, 10.0, 5.0, 17.0]);
//! ```
#![allow(unsafe_code)] // slices over the loop's run pointers; each block says why it holds

use std::mem::MaybeUninit;

use crate::dtype::Element;
use crate::fpstatus::FpFlags;

/// Elements per chunk when a run is gathered or scattered.
pub const CHUNK: usize = 256;

/// A one-input, one-output element kernel for input type `T` (implemented on a zero-sized
/// marker type, once per supported `T`).
pub trait ElemUnary<T: Element>: 'static {
    /// The output element type.
    type Out: Element;
    /// One element.
    fn elem(x: T) -> Self::Out;
    /// A run of elements (`x.len() == out.len()`); override with a SIMD version. Returns
    /// the floating-point conditions the kernel detects itself (the hardware's are read
    /// around the loop).
    #[inline]
    fn run(x: &[T], out: &mut [Self::Out]) -> FpFlags {
        for (o, &v) in out.iter_mut().zip(x) {
            *o = Self::elem(v);
        }
        FpFlags::NONE
    }
}

/// A two-input, one-output element kernel (`B` defaults to `A`).
pub trait ElemBinary<A: Element, B: Element = A>: 'static {
    /// The output element type.
    type Out: Element;
    /// One element.
    fn elem(a: A, b: B) -> Self::Out;
    /// A run of elements (all slices of one length); override with a SIMD version.
    #[inline]
    fn run(a: &[A], b: &[B], out: &mut [Self::Out]) -> FpFlags {
        for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
            *o = Self::elem(x, y);
        }
        FpFlags::NONE
    }
}

/// A one-input, two-output element kernel (`frexp`, `modf`).
pub trait ElemUnary2<T: Element>: 'static {
    /// The first output's element type.
    type Out1: Element;
    /// The second output's element type.
    type Out2: Element;
    /// One element.
    fn elem(x: T) -> (Self::Out1, Self::Out2);
    /// A run of elements; override with a SIMD version.
    #[inline]
    fn run(x: &[T], out1: &mut [Self::Out1], out2: &mut [Self::Out2]) -> FpFlags {
        for ((o1, o2), &v) in out1.iter_mut().zip(out2.iter_mut()).zip(x) {
            (*o1, *o2) = Self::elem(v);
        }
        FpFlags::NONE
    }
}

/// A two-input, two-output element kernel (`divmod`).
pub trait ElemBinary2<A: Element, B: Element = A>: 'static {
    /// The first output's element type.
    type Out1: Element;
    /// The second output's element type.
    type Out2: Element;
    /// One element.
    fn elem(a: A, b: B) -> (Self::Out1, Self::Out2);
    /// A run of elements; override with a SIMD version.
    #[inline]
    fn run(a: &[A], b: &[B], out1: &mut [Self::Out1], out2: &mut [Self::Out2]) -> FpFlags {
        for (((o1, o2), &x), &y) in out1.iter_mut().zip(out2.iter_mut()).zip(a).zip(b) {
            (*o1, *o2) = Self::elem(x, y);
        }
        FpFlags::NONE
    }
}

/// The byte range of `n` elements of `size` bytes at `p` with byte stride `s`.
fn span(p: *const u8, s: isize, n: usize, size: usize) -> (usize, usize) {
    let a = p as usize;
    let last = (n as isize - 1) * s;
    if last < 0 { ((a as isize + last) as usize, a + size) } else { (a, (a as isize + last) as usize + size) }
}

/// One input of a run: read in place when contiguous and not written by the run, else
/// gathered chunk by chunk; a broadcast input (stride 0) is written into the buffer once.
struct Input<T: Element> {
    ptr: *const u8,
    stride: isize,
    direct: bool,
    /// For stride 0: how many leading slots of `buf` already hold the element.
    filled: usize,
    buf: [MaybeUninit<T>; CHUNK],
}

impl<T: Element> Input<T> {
    /// # Safety
    /// `n` readable elements of `T` at `ptr` with byte stride `stride`.
    unsafe fn new(ptr: *const u8, stride: isize, n: usize, outs: &[(usize, usize)]) -> Self {
        let size = size_of::<T>();
        let (lo, hi) = span(ptr, stride, n, size);
        let apart = outs.iter().all(|&(a, b)| hi <= a || b <= lo);
        let direct = stride == size as isize && apart;
        Input { ptr, stride, direct, filled: 0, buf: [MaybeUninit::uninit(); CHUNK] }
    }

    /// Elements `i..i + m` (`m <= CHUNK` unless the input is direct).
    ///
    /// # Safety
    /// `i + m` at most the run's length.
    unsafe fn get(&mut self, i: usize, m: usize) -> &[T] {
        if self.direct {
            // SAFETY: contiguous elements of the run, not written while the slice lives
            // (the outputs do not overlap them).
            unsafe { std::slice::from_raw_parts(self.ptr.cast::<T>().add(i), m) }
        } else if self.stride == 0 {
            // Every element of the run is the one at `ptr`, which no output overlaps for
            // the run's length (the loop contract), so a copy made once stays true.
            if self.filled < m {
                // SAFETY: element 0 of the run.
                let v = unsafe { self.ptr.cast::<T>().read() };
                for d in &mut self.buf[self.filled..m] {
                    d.write(v);
                }
                self.filled = m;
            }
            // SAFETY: the first `filled >= m` slots are written.
            unsafe { std::slice::from_raw_parts(self.buf.as_ptr().cast::<T>(), m) }
        } else {
            for (j, d) in self.buf[..m].iter_mut().enumerate() {
                // SAFETY: element `i + j` of the run.
                d.write(unsafe { self.ptr.offset((i + j) as isize * self.stride).cast::<T>().read() });
            }
            // SAFETY: the first `m` slots were just written.
            unsafe { std::slice::from_raw_parts(self.buf.as_ptr().cast::<T>(), m) }
        }
    }
}

/// One output of a run: written in place when contiguous, else through a chunk buffer.
struct Output<T: Element> {
    ptr: *mut u8,
    stride: isize,
    direct: bool,
    buf: [MaybeUninit<T>; CHUNK],
}

impl<T: Element> Output<T> {
    fn new(ptr: *mut u8, stride: isize) -> Self {
        Output { ptr, stride, direct: stride == size_of::<T>() as isize, buf: [MaybeUninit::uninit(); CHUNK] }
    }

    /// Slots for elements `i..i + m`.
    ///
    /// # Safety
    /// `i + m` at most the run's length.
    unsafe fn get(&mut self, i: usize, m: usize) -> &mut [T] {
        if self.direct {
            // SAFETY: contiguous, initialised output elements of the run (the loop
            // contract), written only through this slice.
            unsafe { std::slice::from_raw_parts_mut(self.ptr.cast::<T>().add(i), m) }
        } else {
            for d in &mut self.buf[..m] {
                d.write(T::zero());
            }
            // SAFETY: the first `m` slots were just written.
            unsafe { std::slice::from_raw_parts_mut(self.buf.as_mut_ptr().cast::<T>(), m) }
        }
    }

    /// Writes chunk elements `i..i + m` out when buffered.
    ///
    /// # Safety
    /// As [`get`](Self::get).
    unsafe fn flush(&self, i: usize, m: usize) {
        if !self.direct {
            for (j, v) in self.buf[..m].iter().enumerate() {
                // SAFETY: slot `j` was initialised by `get`; element `i + j` of the run.
                unsafe { self.ptr.offset((i + j) as isize * self.stride).cast::<T>().write(v.assume_init()) };
            }
        }
    }
}

/// The chunk length for a run: all of it when every operand is direct.
fn step(direct: bool, n: usize) -> usize {
    if direct { n.max(1) } else { CHUNK }
}

/// `K::run` compiled for AVX2 and FMA where the CPU has them (chosen at run time), else
/// for the baseline target: a kernel's default `run` (the element function mapped over
/// the slices) is then vectorised with the wider instructions, and calls such as
/// `f64::floor` become single instructions. The instructions differ, never the results.
macro_rules! dispatch_run {
    ($name:ident, $tr:ident<$($g:ident),*>, ($($arg:ident: $ty:ty),*)) => {
        #[inline(always)]
        fn $name<K: $tr<$($g),*>, $($g: Element),*>($($arg: $ty),*) -> FpFlags {
            #[cfg(target_arch = "x86_64")]
            if crate::zip::has_avx2() {
                #[target_feature(enable = "avx2,fma")]
                fn avx2<K: $tr<$($g),*>, $($g: Element),*>($($arg: $ty),*) -> FpFlags {
                    K::run($($arg),*)
                }
                // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
                return unsafe { avx2::<K, $($g),*>($($arg),*) };
            }
            K::run($($arg),*)
        }
    };
}
dispatch_run!(run_unary, ElemUnary<T>, (x: &[T], out: &mut [K::Out]));
dispatch_run!(run_binary, ElemBinary<A, B>, (a: &[A], b: &[B], out: &mut [K::Out]));
dispatch_run!(run_unary2, ElemUnary2<T>, (x: &[T], out1: &mut [K::Out1], out2: &mut [K::Out2]));
dispatch_run!(
    run_binary2,
    ElemBinary2<A, B>,
    (a: &[A], b: &[B], out1: &mut [K::Out1], out2: &mut [K::Out2])
);

/// The [`LoopFn`](super::LoopFn) of a unary element kernel: operands `[x, out]`.
///
/// # Safety
/// The [`LoopFn`](super::LoopFn) contract, with `x` of `T` and `out` of `K::Out`.
pub unsafe fn unary<K: ElemUnary<T>, T: Element>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    let outs = [span(p[1], s[1], n, size_of::<K::Out>())];
    // SAFETY: the loop contract for every operand.
    unsafe {
        let mut x = Input::<T>::new(p[0], s[0], n, &outs);
        let mut o = Output::<K::Out>::new(p[1], s[1]);
        let ch = step(x.direct && o.direct, n);
        let mut flags = FpFlags::NONE;
        let mut i = 0;
        while i < n {
            let m = ch.min(n - i);
            flags |= run_unary::<K, T>(x.get(i, m), o.get(i, m));
            o.flush(i, m);
            i += m;
        }
        flags
    }
}

/// The [`LoopFn`](super::LoopFn) of a binary element kernel: operands `[a, b, out]`.
///
/// # Safety
/// The [`LoopFn`](super::LoopFn) contract, with `a` of `A`, `b` of `B` and `out` of
/// `K::Out`.
pub unsafe fn binary<K: ElemBinary<A, B>, A: Element, B: Element>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    let outs = [span(p[2], s[2], n, size_of::<K::Out>())];
    // SAFETY: the loop contract for every operand.
    unsafe {
        let mut a = Input::<A>::new(p[0], s[0], n, &outs);
        let mut b = Input::<B>::new(p[1], s[1], n, &outs);
        let mut o = Output::<K::Out>::new(p[2], s[2]);
        let ch = step(a.direct && b.direct && o.direct, n);
        let mut flags = FpFlags::NONE;
        let mut i = 0;
        while i < n {
            let m = ch.min(n - i);
            flags |= run_binary::<K, A, B>(a.get(i, m), b.get(i, m), o.get(i, m));
            o.flush(i, m);
            i += m;
        }
        flags
    }
}

/// The [`LoopFn`](super::LoopFn) of a two-output unary kernel: operands `[x, out1, out2]`.
///
/// # Safety
/// The [`LoopFn`](super::LoopFn) contract, with `x` of `T` and the outputs of
/// `K::Out1`, `K::Out2`.
pub unsafe fn unary2<K: ElemUnary2<T>, T: Element>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    let outs = [span(p[1], s[1], n, size_of::<K::Out1>()), span(p[2], s[2], n, size_of::<K::Out2>())];
    // SAFETY: the loop contract for every operand.
    unsafe {
        let mut x = Input::<T>::new(p[0], s[0], n, &outs);
        let mut o1 = Output::<K::Out1>::new(p[1], s[1]);
        let mut o2 = Output::<K::Out2>::new(p[2], s[2]);
        let ch = step(x.direct && o1.direct && o2.direct, n);
        let mut flags = FpFlags::NONE;
        let mut i = 0;
        while i < n {
            let m = ch.min(n - i);
            flags |= run_unary2::<K, T>(x.get(i, m), o1.get(i, m), o2.get(i, m));
            o1.flush(i, m);
            o2.flush(i, m);
            i += m;
        }
        flags
    }
}

/// The [`LoopFn`](super::LoopFn) of a two-output binary kernel: operands
/// `[a, b, out1, out2]`.
///
/// # Safety
/// The [`LoopFn`](super::LoopFn) contract, with `a` of `A`, `b` of `B` and the outputs
/// of `K::Out1`, `K::Out2`.
pub unsafe fn binary2<K: ElemBinary2<A, B>, A: Element, B: Element>(p: &[*mut u8], s: &[isize], n: usize) -> FpFlags {
    let outs = [span(p[2], s[2], n, size_of::<K::Out1>()), span(p[3], s[3], n, size_of::<K::Out2>())];
    // SAFETY: the loop contract for every operand.
    unsafe {
        let mut a = Input::<A>::new(p[0], s[0], n, &outs);
        let mut b = Input::<B>::new(p[1], s[1], n, &outs);
        let mut o1 = Output::<K::Out1>::new(p[2], s[2]);
        let mut o2 = Output::<K::Out2>::new(p[3], s[3]);
        let ch = step(a.direct && b.direct && o1.direct && o2.direct, n);
        let mut flags = FpFlags::NONE;
        let mut i = 0;
        while i < n {
            let m = ch.min(n - i);
            flags |= run_binary2::<K, A, B>(a.get(i, m), b.get(i, m), o1.get(i, m), o2.get(i, m));
            o1.flush(i, m);
            o2.flush(i, m);
            i += m;
        }
        flags
    }
}
