//! Sums of products over contiguous slices, in fixed partial sums and blocks: `sum(|x|^2)`
//! for the norms and `dot` of two `float64` vectors. The partial sums and the blocks are
//! the same whatever the CPU and the number of threads, so the result is too.

use rayon::prelude::*;

use crate::scalar::Compute;

/// Independent partial sums: enough for four 4-wide vectors of additions in flight, so that
/// the sum runs at the loads' pace rather than the adds' latency.
const LANES: usize = 16;

/// Elements per block of [`blocked`].
const BLOCK: usize = 1 << 15;

/// `sum(f(a[i], b[i]))` in [`LANES`] independent partial sums (vectorisable; `f` a multiply,
/// never fused with the add, so every CPU gives the same bits), compiled for AVX-512 or
/// AVX2 where the CPU has it (the wider loads read a block held in the cache faster:
/// 0.61 against 0.51 ms for the sum of squares of 2048 x 2048 on one thread).
fn lanes<T: Copy, F: Fn(T, T) -> f64 + Copy>(a: &[T], b: &[T], f: F) -> f64 {
    /// The sum as a [`Kernel`].
    struct Lanes<'a, T, F>(&'a [T], &'a [T], F);
    impl<T: Copy, F: Fn(T, T) -> f64 + Copy> Kernel for Lanes<'_, T, F> {
        type Out = f64;
        #[inline(always)]
        fn run(self) -> f64 {
            lanes_body(self.0, self.1, self.2)
        }
    }
    wide(Lanes(a, b, f))
}

/// A computation whose loops [`wide`] compiles for the widest vectors the CPU has: `run`
/// is `#[inline(always)]`, and so are the loops it calls.
pub(crate) trait Kernel {
    /// The result.
    type Out;
    /// The computation.
    fn run(self) -> Self::Out;
}

/// Runs `k` compiled for AVX-512 (or AVX2 and FMA) where the CPU has it, and for the
/// baseline elsewhere: its `run` is inlined into a function compiled with those features.
/// The compiler fuses no multiply with an add on its own, so each instance gives the same
/// bits.
pub(crate) fn wide<K: Kernel>(k: K) -> K::Out {
    #[cfg(target_arch = "x86_64")]
    {
        /// `k` compiled for AVX-512.
        ///
        /// # Safety
        /// The CPU must have AVX-512F.
        #[target_feature(enable = "avx512f,avx2,fma")]
        #[allow(unsafe_code)]
        unsafe fn avx512<K: Kernel>(k: K) -> K::Out {
            k.run()
        }
        /// `k` compiled for AVX2.
        ///
        /// # Safety
        /// The CPU must have AVX2 and FMA.
        #[target_feature(enable = "avx2,fma")]
        #[allow(unsafe_code)]
        unsafe fn avx2<K: Kernel>(k: K) -> K::Out {
            k.run()
        }
        if crate::lanes::avx512() {
            // SAFETY: `avx512` reported AVX-512F on this CPU (which implies AVX2 and FMA).
            #[allow(unsafe_code)]
            return unsafe { avx512(k) };
        }
        if nprs_core::kernel::has_avx2() {
            // SAFETY: `has_avx2` reported AVX2 and FMA on this CPU.
            #[allow(unsafe_code)]
            return unsafe { avx2(k) };
        }
    }
    k.run()
}

/// How far ahead of the sum [`lanes_body`] asks for the next cache lines, in bytes: the
/// hardware's own prefetch leaves a block read from the shared cache waiting on it (the sum
/// of squares of 2048 x 2048 on one thread of an Intel Xeon, family 6 model 207: about
/// 1.10 ms without, 1.02 ms with; the same at 4, 8 and 16 KiB ahead).
const AHEAD: usize = 8 << 10;

#[inline(always)]
fn lanes_body<T: Copy, F: Fn(T, T) -> f64 + Copy>(a: &[T], b: &[T], f: F) -> f64 {
    let mut acc = [0.0f64; LANES];
    let (ca, ta) = a.as_chunks::<LANES>();
    let (cb, tb) = b.as_chunks::<LANES>();
    for (x, y) in ca.iter().zip(cb) {
        prefetch(x.as_ptr().cast::<u8>().wrapping_add(AHEAD));
        prefetch(y.as_ptr().cast::<u8>().wrapping_add(AHEAD));
        for ((s, &x), &y) in acc.iter_mut().zip(x).zip(y) {
            *s += f(x, y);
        }
    }
    let tail: f64 = ta.iter().zip(tb).map(|(&x, &y)| f(x, y)).sum();
    acc.iter().sum::<f64>() + tail
}

/// Asks for the cache line at `p` to be brought into the first-level cache. A hint only:
/// it reads nothing, so `p` may point past the end of the slice it was computed from.
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch does not access memory and cannot fault, whatever the address.
    #[allow(unsafe_code)]
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// `sum(f(a[i], b[i]))` of two equally long slices: blocks of [`BLOCK`] summed apart
/// ([`lanes`]), in parallel when there are several and the input is large, and their sums
/// added in block order, so the result does not depend on the number of threads.
fn blocked<T: Copy + Sync, F: Fn(T, T) -> f64 + Copy + Sync>(a: &[T], b: &[T], f: F) -> f64 {
    assert_eq!(a.len(), b.len(), "blocked sum: lengths differ");
    if a.len() <= 4 * BLOCK || rayon::current_num_threads() < 2 {
        return a.chunks(BLOCK).zip(b.chunks(BLOCK)).map(|(x, y)| lanes(x, y, f)).sum();
    }
    let parts: Vec<f64> = a.par_chunks(BLOCK).zip(b.par_chunks(BLOCK)).map(|(x, y)| lanes(x, y, f)).collect();
    parts.iter().sum()
}

/// `sum(|x|^2)` of contiguous elements (the Frobenius and flattened 2-norms, squared).
pub(crate) fn sum_squares<T: Compute>(v: &[T]) -> f64 {
    blocked(v, v, |z: T, _| (z.conjugate() * z).re())
}

/// `sum(a[i] * b[i])` of two equally long `float64` vectors (`np.dot` of 1-d operands),
/// summed from `+0.0` as BLAS sums.
pub(crate) fn dot_f64(a: &[f64], b: &[f64]) -> f64 {
    blocked(a, b, |x, y| x * y)
}
