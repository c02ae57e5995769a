//! AVX-512 quicksort and argsort for the unstable kinds of `float64`, `float32`, `int64`,
//! `int32`, `uint64` and `uint32` lanes, selected at run time when the CPU has AVX-512F.
//!
//! The algorithm is the vectorised quicksort of the literature (Gueron and Krasnov's "Fast
//! Quicksort Implementation Using AVX Instructions", Bramas' AVX-512 quicksort, Intel's
//! x86-simd-sort), written for nprs:
//!
//! - floats: NaNs are first moved to the end (NumPy's NaN-last order); the rest holds no NaN,
//!   so `<` is a total preorder in which `-0.0 == 0.0`.
//! - a range of up to [`Simd::N`]` * 16` elements (128 of 64 bits, 256 of 32 bits) is sorted
//!   in registers: up to 16 vectors padded with the type's largest value, each sorted by a
//!   bitonic network of lane permutes and min/max, then merged by bitonic merges.
//! - a longer range is partitioned around the median of `N` evenly spaced samples: each
//!   vector is split by a compare mask into the elements `<= pivot`, compressed to the left
//!   end of the range, and those `> pivot`, compressed to the right end, reading from the
//!   side with less free room so that every store lands on already-read elements. If no
//!   element exceeds the pivot (it is the maximum), the range is split into `< pivot` and
//!   `== pivot` instead, so every step makes progress; a left side all equal to the pivot
//!   (it was the minimum) is not sorted further.
//! - recursion deeper than `2 log2(n)` finishes the range with a heapsort, so the worst
//!   case stays `O(n log n)`.
//! - a range of over 2e5 elements sorts the two sides of its partition on two threads
//!   (`rayon::join`), so the top levels run in parallel.
//! - argsort: each element's order-preserving 64-bit key (the radix sort's key, widened;
//!   NaNs the largest) is copied once, and the same quicksort sorts the keys while moving
//!   an `i64` index vector with each key vector ([`Carry`]): the partitions compress both
//!   with one mask, the networks exchange both where the keys are out of order. A short
//!   block holding a key equal to the padding is sorted by insertion instead, since a pad
//!   lane could otherwise take its place.
//!
//! The minimum and maximum of two lanes are always taken so that the pair of results is a
//! permutation of the pair of inputs: `vminpd`/`vmaxpd` return their second operand when
//! both are zeros (of either sign), so the pair (`-0.0`, `0.0`) must not become
//! (`0.0`, `0.0`). Within a vector the partner of lane `i` is lane `l` of the permuted copy
//! `p` and `min(v, p)`, `max(v, p)` pick `v[l]` at `i` and `v[i]` at `l`; across two vectors
//! `min(a, b)` and `max(b, a)` pick `b` and `a`.

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::{
        __m512i, _CMP_GE_OQ, _CMP_GT_OQ, _CMP_UNORD_Q, _mm_cvtsi64_si128, _mm256_storeu_si256, _mm512_castpd_si512,
        _mm512_castps_si512, _mm512_castsi512_pd, _mm512_castsi512_ps, _mm512_castsi512_si256, _mm512_cmp_pd_mask,
        _mm512_cmp_ps_mask, _mm512_cmpge_epi32_mask, _mm512_cmpge_epi64_mask, _mm512_cmpge_epu32_mask,
        _mm512_cmpge_epu64_mask, _mm512_cmpgt_epi32_mask, _mm512_cmpgt_epi64_mask, _mm512_cmpgt_epu32_mask,
        _mm512_cmpgt_epu64_mask, _mm512_cvtepu8_epi32, _mm512_cvtepu8_epi64, _mm512_loadu_epi32, _mm512_loadu_epi64,
        _mm512_mask_blend_epi32, _mm512_mask_blend_epi64, _mm512_mask_loadu_epi32, _mm512_mask_loadu_epi64,
        _mm512_mask_storeu_epi32, _mm512_mask_storeu_epi64, _mm512_maskz_compress_epi32, _mm512_maskz_compress_epi64,
        _mm512_max_epi32, _mm512_max_epi64, _mm512_max_epu32, _mm512_max_epu64, _mm512_max_pd, _mm512_max_ps,
        _mm512_min_epi32, _mm512_min_epi64, _mm512_min_epu32, _mm512_min_epu64, _mm512_min_pd, _mm512_min_ps,
        _mm512_permutex_epi64, _mm512_permutexvar_epi32, _mm512_permutexvar_epi64, _mm512_set_epi32, _mm512_set_epi64,
        _mm512_set1_epi32, _mm512_set1_epi64, _mm512_shuffle_epi32, _mm512_shuffle_i32x4, _mm512_shuffle_i64x2,
        _mm512_storeu_epi32, _mm512_storeu_epi64,
    };

    /// One element type's AVX-512 operations on a vector of [`Simd::N`] lanes, held as
    /// `__m512i` whatever the type (floats are reinterpreted for their compares and
    /// min/max). Masks are the low `N` bits of a `u32`.
    ///
    /// Every method is `unsafe`: the caller guarantees that the CPU has AVX-512F (they are
    /// only called from the `#[target_feature(enable = "avx512f")]` functions below, which
    /// [`sort`] runs only after detecting it), and the pointer methods also that their
    /// lanes are valid for reads or writes as documented.
    pub(super) trait Simd: Copy + PartialOrd + Send + Sync {
        /// Lanes per vector.
        const N: usize;
        /// The largest value of the type (padding that sorts after everything).
        const PAD: Self;
        /// Loads `N` elements from `p`.
        unsafe fn load(p: *const Self) -> __m512i;
        /// Stores `N` elements to `p`.
        unsafe fn store(p: *mut Self, v: __m512i);
        /// Loads the lanes of `m` from `p` (only those are read); the others are `pad`.
        unsafe fn load_masked(p: *const Self, m: u32, pad: __m512i) -> __m512i;
        /// Stores the lanes of `m` to `p` (only those are written).
        unsafe fn store_masked(p: *mut Self, m: u32, v: __m512i);
        /// `x` in every lane.
        unsafe fn splat(x: Self) -> __m512i;
        /// The lanes of `m` packed to the low lanes (the others zero).
        unsafe fn compress(m: u32, v: __m512i) -> __m512i;
        /// `b` in the lanes of `m`, `a` in the others.
        unsafe fn blend(m: u32, a: __m512i, b: __m512i) -> __m512i;
        /// Lane `i` of the result is lane `i ^ J` of `v` (`J` a power of two below `N`).
        unsafe fn swap<const J: usize>(v: __m512i) -> __m512i;
        /// The lanes in reverse order.
        unsafe fn reverse(v: __m512i) -> __m512i;
        /// Lane-wise minimum (see the module documentation for the order of operands).
        unsafe fn min(a: __m512i, b: __m512i) -> __m512i;
        /// Lane-wise maximum.
        unsafe fn max(a: __m512i, b: __m512i) -> __m512i;
        /// The lanes where `a > b`.
        unsafe fn mask_gt(a: __m512i, b: __m512i) -> u32;
        /// The lanes where `a >= b`.
        unsafe fn mask_ge(a: __m512i, b: __m512i) -> u32;
        /// The lanes holding a NaN (none for integers).
        unsafe fn nan(v: __m512i) -> u32;
    }

    /// The 64-bit lane operations shared by `f64`, `i64` and `u64`.
    macro_rules! simd64 {
        ($($t:ty: pad $pad:expr,
            min |$mina:ident, $minb:ident| $min:expr,
            max |$maxa:ident, $maxb:ident| $max:expr,
            gt |$gta:ident, $gtb:ident| $gt:expr,
            ge |$gea:ident, $geb:ident| $ge:expr,
            nan |$nv:ident| $nan:expr;)*) => {$(
            impl Simd for $t {
                const N: usize = 8;
                const PAD: Self = $pad;
                #[inline(always)]
                unsafe fn load(p: *const Self) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F and 8 readable elements at `p`.
                    unsafe { _mm512_loadu_epi64(p.cast()) }
                }
                #[inline(always)]
                unsafe fn store(p: *mut Self, v: __m512i) {
                    // SAFETY: the caller guarantees AVX-512F and 8 writable elements at `p`.
                    unsafe { _mm512_storeu_epi64(p.cast(), v) }
                }
                #[inline(always)]
                unsafe fn load_masked(p: *const Self, m: u32, pad: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F and that the lanes of `m` are
                    // readable; a masked load touches no other lane.
                    unsafe { _mm512_mask_loadu_epi64(pad, m as u8, p.cast()) }
                }
                #[inline(always)]
                unsafe fn store_masked(p: *mut Self, m: u32, v: __m512i) {
                    // SAFETY: the caller guarantees AVX-512F and that the lanes of `m` are
                    // writable; a masked store touches no other lane.
                    unsafe { _mm512_mask_storeu_epi64(p.cast(), m as u8, v) }
                }
                #[inline(always)]
                unsafe fn splat(x: Self) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_set1_epi64(i64::from_ne_bytes(x.to_ne_bytes())) }
                }
                #[inline(always)]
                unsafe fn compress(m: u32, v: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_maskz_compress_epi64(m as u8, v) }
                }
                #[inline(always)]
                unsafe fn blend(m: u32, a: __m512i, b: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_mask_blend_epi64(m as u8, a, b) }
                }
                #[inline(always)]
                unsafe fn swap<const J: usize>(v: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F. Each immediate swaps the halves
                    // of every group of 2J lanes: [2,3,0,1] of 32-bit words, of 64-bit
                    // lanes, of 128-bit blocks.
                    unsafe {
                        match J {
                            1 => _mm512_shuffle_epi32::<0x4E>(v),
                            2 => _mm512_permutex_epi64::<0x4E>(v),
                            _ => _mm512_shuffle_i64x2::<0x4E>(v, v),
                        }
                    }
                }
                #[inline(always)]
                unsafe fn reverse(v: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_permutexvar_epi64(_mm512_set_epi64(0, 1, 2, 3, 4, 5, 6, 7), v) }
                }
                #[inline(always)]
                unsafe fn min($mina: __m512i, $minb: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { $min }
                }
                #[inline(always)]
                unsafe fn max($maxa: __m512i, $maxb: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { $max }
                }
                #[inline(always)]
                unsafe fn mask_gt($gta: __m512i, $gtb: __m512i) -> u32 {
                    // SAFETY: the caller guarantees AVX-512F.
                    u32::from(unsafe { $gt })
                }
                #[inline(always)]
                unsafe fn mask_ge($gea: __m512i, $geb: __m512i) -> u32 {
                    // SAFETY: the caller guarantees AVX-512F.
                    u32::from(unsafe { $ge })
                }
                #[inline(always)]
                #[allow(unused_variables, unused_unsafe, reason = "integers have no NaN")]
                unsafe fn nan($nv: __m512i) -> u32 {
                    // SAFETY: the caller guarantees AVX-512F.
                    u32::from(unsafe { $nan })
                }
            }
        )*};
    }

    /// The 32-bit lane operations shared by `f32`, `i32` and `u32`.
    macro_rules! simd32 {
        ($($t:ty: pad $pad:expr,
            min |$mina:ident, $minb:ident| $min:expr,
            max |$maxa:ident, $maxb:ident| $max:expr,
            gt |$gta:ident, $gtb:ident| $gt:expr,
            ge |$gea:ident, $geb:ident| $ge:expr,
            nan |$nv:ident| $nan:expr;)*) => {$(
            impl Simd for $t {
                const N: usize = 16;
                const PAD: Self = $pad;
                #[inline(always)]
                unsafe fn load(p: *const Self) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F and 16 readable elements at `p`.
                    unsafe { _mm512_loadu_epi32(p.cast()) }
                }
                #[inline(always)]
                unsafe fn store(p: *mut Self, v: __m512i) {
                    // SAFETY: the caller guarantees AVX-512F and 16 writable elements at `p`.
                    unsafe { _mm512_storeu_epi32(p.cast(), v) }
                }
                #[inline(always)]
                unsafe fn load_masked(p: *const Self, m: u32, pad: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F and that the lanes of `m` are
                    // readable; a masked load touches no other lane.
                    unsafe { _mm512_mask_loadu_epi32(pad, m as u16, p.cast()) }
                }
                #[inline(always)]
                unsafe fn store_masked(p: *mut Self, m: u32, v: __m512i) {
                    // SAFETY: the caller guarantees AVX-512F and that the lanes of `m` are
                    // writable; a masked store touches no other lane.
                    unsafe { _mm512_mask_storeu_epi32(p.cast(), m as u16, v) }
                }
                #[inline(always)]
                unsafe fn splat(x: Self) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_set1_epi32(i32::from_ne_bytes(x.to_ne_bytes())) }
                }
                #[inline(always)]
                unsafe fn compress(m: u32, v: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_maskz_compress_epi32(m as u16, v) }
                }
                #[inline(always)]
                unsafe fn blend(m: u32, a: __m512i, b: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { _mm512_mask_blend_epi32(m as u16, a, b) }
                }
                #[inline(always)]
                unsafe fn swap<const J: usize>(v: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F. Each immediate swaps the halves
                    // of every group of 2J lanes: [1,0,3,2] and [2,3,0,1] of 32-bit words in
                    // each 128-bit block, then of 128-bit blocks.
                    unsafe {
                        match J {
                            1 => _mm512_shuffle_epi32::<0xB1>(v),
                            2 => _mm512_shuffle_epi32::<0x4E>(v),
                            4 => _mm512_shuffle_i32x4::<0xB1>(v, v),
                            _ => _mm512_shuffle_i32x4::<0x4E>(v, v),
                        }
                    }
                }
                #[inline(always)]
                unsafe fn reverse(v: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe {
                        let idx = _mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
                        _mm512_permutexvar_epi32(idx, v)
                    }
                }
                #[inline(always)]
                unsafe fn min($mina: __m512i, $minb: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { $min }
                }
                #[inline(always)]
                unsafe fn max($maxa: __m512i, $maxb: __m512i) -> __m512i {
                    // SAFETY: the caller guarantees AVX-512F.
                    unsafe { $max }
                }
                #[inline(always)]
                unsafe fn mask_gt($gta: __m512i, $gtb: __m512i) -> u32 {
                    // SAFETY: the caller guarantees AVX-512F.
                    u32::from(unsafe { $gt })
                }
                #[inline(always)]
                unsafe fn mask_ge($gea: __m512i, $geb: __m512i) -> u32 {
                    // SAFETY: the caller guarantees AVX-512F.
                    u32::from(unsafe { $ge })
                }
                #[inline(always)]
                #[allow(unused_variables, unused_unsafe, reason = "integers have no NaN")]
                unsafe fn nan($nv: __m512i) -> u32 {
                    // SAFETY: the caller guarantees AVX-512F.
                    u32::from(unsafe { $nan })
                }
            }
        )*};
    }

    use _mm512_castpd_si512 as pd2i;
    use _mm512_castps_si512 as ps2i;
    use _mm512_castsi512_pd as i2pd;
    use _mm512_castsi512_ps as i2ps;

    simd64! {
        f64: pad f64::INFINITY,
            min |a, b| pd2i(_mm512_min_pd(i2pd(a), i2pd(b))),
            max |a, b| pd2i(_mm512_max_pd(i2pd(a), i2pd(b))),
            gt |a, b| _mm512_cmp_pd_mask::<_CMP_GT_OQ>(i2pd(a), i2pd(b)),
            ge |a, b| _mm512_cmp_pd_mask::<_CMP_GE_OQ>(i2pd(a), i2pd(b)),
            nan |v| _mm512_cmp_pd_mask::<_CMP_UNORD_Q>(i2pd(v), i2pd(v));
        i64: pad i64::MAX,
            min |a, b| _mm512_min_epi64(a, b),
            max |a, b| _mm512_max_epi64(a, b),
            gt |a, b| _mm512_cmpgt_epi64_mask(a, b),
            ge |a, b| _mm512_cmpge_epi64_mask(a, b),
            nan |v| 0u8;
        u64: pad u64::MAX,
            min |a, b| _mm512_min_epu64(a, b),
            max |a, b| _mm512_max_epu64(a, b),
            gt |a, b| _mm512_cmpgt_epu64_mask(a, b),
            ge |a, b| _mm512_cmpge_epu64_mask(a, b),
            nan |v| 0u8;
    }

    simd32! {
        f32: pad f32::INFINITY,
            min |a, b| ps2i(_mm512_min_ps(i2ps(a), i2ps(b))),
            max |a, b| ps2i(_mm512_max_ps(i2ps(a), i2ps(b))),
            gt |a, b| _mm512_cmp_ps_mask::<_CMP_GT_OQ>(i2ps(a), i2ps(b)),
            ge |a, b| _mm512_cmp_ps_mask::<_CMP_GE_OQ>(i2ps(a), i2ps(b)),
            nan |v| _mm512_cmp_ps_mask::<_CMP_UNORD_Q>(i2ps(v), i2ps(v));
        i32: pad i32::MAX,
            min |a, b| _mm512_min_epi32(a, b),
            max |a, b| _mm512_max_epi32(a, b),
            gt |a, b| _mm512_cmpgt_epi32_mask(a, b),
            ge |a, b| _mm512_cmpge_epi32_mask(a, b),
            nan |v| 0u16;
        u32: pad u32::MAX,
            min |a, b| _mm512_min_epu32(a, b),
            max |a, b| _mm512_max_epu32(a, b),
            gt |a, b| _mm512_cmpgt_epu32_mask(a, b),
            ge |a, b| _mm512_cmpge_epu32_mask(a, b),
            nan |v| 0u16;
    }

    /// The lanes `0..k` (`k <= 32`).
    #[inline(always)]
    fn low(k: usize) -> u32 {
        if k >= 32 { u32::MAX } else { (1u32 << k) - 1 }
    }

    /// The lanes of an `n`-lane vector that take the maximum in the bitonic-sort step that
    /// compares lanes `j` apart within blocks of `k` lanes sorted alternately up and down.
    const fn max_lanes(n: usize, k: usize, j: usize) -> u32 {
        let mut m = 0u32;
        let mut i = 0;
        while i < n {
            if ((i & j) == 0) != ((i & k) == 0) {
                m |= 1 << i;
            }
            i += 1;
        }
        m
    }

    /// What moves with the keys: nothing for a sort (`()`), or the `i64` index of each key
    /// for an argsort ([`Idx`]). The kernels below are generic over it; with `()` every
    /// carry operation is empty and compiles away. A carried vector holds 8 values, so a
    /// carry other than `()` goes with 8-lane (64-bit) keys only.
    ///
    /// The methods are `unsafe` as [`Simd`]'s are: the caller guarantees AVX-512F, and that
    /// the carried values at the offsets used are valid for reads or writes as documented.
    pub(super) trait Carry: Copy + Send {
        /// True for `()`, which carries nothing.
        const NONE: bool;
        /// One vector of carried values.
        type V: Copy;
        /// A vector of zeros.
        unsafe fn zero() -> Self::V;
        /// The carry of the elements from `off` on.
        unsafe fn add(self, off: usize) -> Self;
        /// Loads the values of the 8 elements from `off`.
        unsafe fn load(self, off: usize) -> Self::V;
        /// Loads the lanes of `m` from `off` (only those are read); the others are zero.
        unsafe fn load_masked(self, off: usize, m: u32) -> Self::V;
        /// Stores 8 values from `off`.
        unsafe fn store(self, off: usize, v: Self::V);
        /// Stores the lanes of `m` from `off` (only those are written).
        unsafe fn store_masked(self, off: usize, m: u32, v: Self::V);
        /// The lanes of `m` packed to the low lanes.
        unsafe fn compress(m: u32, v: Self::V) -> Self::V;
        /// `b` in the lanes of `m`, `a` in the others.
        unsafe fn blend(m: u32, a: Self::V, b: Self::V) -> Self::V;
        /// Lane `i` of the result is lane `idx[i]` of `v` (`idx` holds 8 lane numbers).
        unsafe fn permute(idx: __m512i, v: Self::V) -> Self::V;
        /// Lane `i` of the result is lane `i ^ J` of `v`.
        unsafe fn swap<const J: usize>(v: Self::V) -> Self::V;
        /// The lanes in reverse order.
        unsafe fn reverse(v: Self::V) -> Self::V;
        /// Swaps the values of elements `i` and `j`.
        unsafe fn swap_elems(self, i: usize, j: usize);
    }

    impl Carry for () {
        const NONE: bool = true;
        type V = ();
        #[inline(always)]
        unsafe fn zero() {}
        #[inline(always)]
        unsafe fn add(self, _: usize) {}
        #[inline(always)]
        unsafe fn load(self, _: usize) {}
        #[inline(always)]
        unsafe fn load_masked(self, _: usize, _: u32) {}
        #[inline(always)]
        unsafe fn store(self, _: usize, (): ()) {}
        #[inline(always)]
        unsafe fn store_masked(self, _: usize, _: u32, (): ()) {}
        #[inline(always)]
        unsafe fn compress(_: u32, (): ()) {}
        #[inline(always)]
        unsafe fn blend(_: u32, (): (), (): ()) {}
        #[inline(always)]
        unsafe fn permute(_: __m512i, (): ()) {}
        #[inline(always)]
        unsafe fn swap<const J: usize>((): ()) {}
        #[inline(always)]
        unsafe fn reverse((): ()) {}
        #[inline(always)]
        unsafe fn swap_elems(self, _: usize, _: usize) {}
    }

    /// The `i64` indices that move with 64-bit keys in an argsort: a pointer to the index
    /// of the first key of the range.
    #[derive(Clone, Copy)]
    pub(super) struct Idx(pub(super) *mut i64);

    // SAFETY: an `Idx` is only a position in an index buffer; the kernels hand disjoint
    // ranges of it (with the matching disjoint ranges of keys) to different threads.
    unsafe impl Send for Idx {}

    impl Carry for Idx {
        const NONE: bool = false;
        type V = __m512i;
        #[inline(always)]
        unsafe fn zero() -> __m512i {
            // SAFETY: the caller guarantees AVX-512F.
            unsafe { i64::splat(0) }
        }
        #[inline(always)]
        unsafe fn add(self, off: usize) -> Self {
            // SAFETY: the caller guarantees that `off` is within the index buffer.
            Idx(unsafe { self.0.add(off) })
        }
        #[inline(always)]
        unsafe fn load(self, off: usize) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F and 8 readable indices at `off`.
            unsafe { i64::load(self.0.add(off)) }
        }
        #[inline(always)]
        unsafe fn load_masked(self, off: usize, m: u32) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F and readable lanes `m` at `off`.
            unsafe { i64::load_masked(self.0.add(off), m, i64::splat(0)) }
        }
        #[inline(always)]
        unsafe fn store(self, off: usize, v: __m512i) {
            // SAFETY: the caller guarantees AVX-512F and 8 writable indices at `off`.
            unsafe { i64::store(self.0.add(off), v) }
        }
        #[inline(always)]
        unsafe fn store_masked(self, off: usize, m: u32, v: __m512i) {
            // SAFETY: the caller guarantees AVX-512F and writable lanes `m` at `off`.
            unsafe { i64::store_masked(self.0.add(off), m, v) }
        }
        #[inline(always)]
        unsafe fn compress(m: u32, v: __m512i) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F.
            unsafe { i64::compress(m, v) }
        }
        #[inline(always)]
        unsafe fn blend(m: u32, a: __m512i, b: __m512i) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F.
            unsafe { i64::blend(m, a, b) }
        }
        #[inline(always)]
        unsafe fn permute(idx: __m512i, v: __m512i) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F.
            unsafe { _mm512_permutexvar_epi64(idx, v) }
        }
        #[inline(always)]
        unsafe fn swap<const J: usize>(v: __m512i) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F.
            unsafe { i64::swap::<J>(v) }
        }
        #[inline(always)]
        unsafe fn reverse(v: __m512i) -> __m512i {
            // SAFETY: the caller guarantees AVX-512F.
            unsafe { i64::reverse(v) }
        }
        #[inline(always)]
        unsafe fn swap_elems(self, i: usize, j: usize) {
            // SAFETY: the caller guarantees that indices `i` and `j` are valid.
            unsafe { std::ptr::swap(self.0.add(i), self.0.add(j)) }
        }
    }

    /// One compare-exchange step between the lanes `J` apart of the keys `v` (carrying
    /// `x`); the lanes of `hi` take the larger key of their pair.
    #[inline(always)]
    unsafe fn step<T: Simd, C: Carry, const J: usize>(v: __m512i, x: C::V, hi: u32) -> (__m512i, C::V) {
        // SAFETY: the caller guarantees AVX-512F. `min(v, p)` and `max(v, p)` keep the pair
        // a permutation (module documentation). With a carry a lane takes its partner's key
        // and value only where the partner is strictly on the wrong side, which both lanes
        // of a pair decide alike (`p > v` at one is `v > p` at the other).
        unsafe {
            let p = T::swap::<J>(v);
            if C::NONE {
                (T::blend(hi, T::min(v, p), T::max(v, p)), x)
            } else {
                let take = (hi & T::mask_gt(p, v)) | (!hi & T::mask_gt(v, p));
                (T::blend(take, v, p), C::blend(take, x, C::swap::<J>(x)))
            }
        }
    }

    /// Compare-exchange of two vectors lane by lane: the smaller keys (with their carried
    /// values) first, the larger second.
    #[inline(always)]
    unsafe fn exchange<T: Simd, C: Carry>(
        a: (__m512i, C::V),
        b: (__m512i, C::V),
    ) -> ((__m512i, C::V), (__m512i, C::V)) {
        // SAFETY: the caller guarantees AVX-512F. `min(a, b)`/`max(b, a)` keep each pair a
        // permutation (module documentation); with a carry, lanes swap where `a > b`.
        unsafe {
            if C::NONE {
                ((T::min(a.0, b.0), a.1), (T::max(b.0, a.0), b.1))
            } else {
                let m = T::mask_gt(a.0, b.0);
                ((T::blend(m, a.0, b.0), C::blend(m, a.1, b.1)), (T::blend(m, b.0, a.0), C::blend(m, b.1, a.1)))
            }
        }
    }

    /// Sorts the lanes of a vector whose two halves, quarters, ... form a bitonic sequence
    /// (the second stage of a bitonic sort, or the half-cleaner cascade of a merge).
    #[inline(always)]
    unsafe fn clean_vec<T: Simd, C: Carry>(v: __m512i, x: C::V) -> (__m512i, C::V) {
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            let (mut v, mut x) = (v, x);
            if T::N == 16 {
                (v, x) = step::<T, C, 8>(v, x, const { max_lanes(16, 16, 8) });
            }
            (v, x) = step::<T, C, 4>(v, x, const { max_lanes(16, 16, 4) });
            (v, x) = step::<T, C, 2>(v, x, const { max_lanes(16, 16, 2) });
            step::<T, C, 1>(v, x, const { max_lanes(16, 16, 1) })
        }
    }

    /// Sorts the lanes of one vector (a bitonic sorting network).
    #[inline(always)]
    unsafe fn sort_vec<T: Simd, C: Carry>(v: __m512i, x: C::V) -> (__m512i, C::V) {
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            let (mut v, mut x) = step::<T, C, 1>(v, x, const { max_lanes(16, 2, 1) });
            (v, x) = step::<T, C, 2>(v, x, const { max_lanes(16, 4, 2) });
            (v, x) = step::<T, C, 1>(v, x, const { max_lanes(16, 4, 1) });
            if T::N == 16 {
                (v, x) = step::<T, C, 4>(v, x, const { max_lanes(16, 8, 4) });
                (v, x) = step::<T, C, 2>(v, x, const { max_lanes(16, 8, 2) });
                (v, x) = step::<T, C, 1>(v, x, const { max_lanes(16, 8, 1) });
            }
            clean_vec::<T, C>(v, x)
        }
    }

    /// Expands `$body` once for each `$k` in `0..16`, bound to that literal, so that every
    /// array index in the body is a constant and the arrays stay in registers.
    macro_rules! unroll16 {
        ($k:ident => $body:block) => {
            unroll16!(@ $k $body; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
        };
        (@ $k:ident $body:block; $($i:literal)*) => {
            $( { let $k: usize = $i; $body } )*
        };
    }

    /// Sorts the `R * N` lanes of `r` (`R` a power of two, at most 16), moving the carried
    /// values `x` with them: each vector, then bitonic merges of runs of 1, 2, 4, 8 vectors.
    #[inline(always)]
    unsafe fn sort_regs<T: Simd, C: Carry, const R: usize>(r: &mut [__m512i; R], x: &mut [C::V; R]) {
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            unroll16!(i => {
                if i < R {
                    (r[i], x[i]) = sort_vec::<T, C>(r[i], x[i]);
                }
            });
            merge_runs::<T, C, R, 1>(r, x);
            merge_runs::<T, C, R, 2>(r, x);
            merge_runs::<T, C, R, 4>(r, x);
            merge_runs::<T, C, R, 8>(r, x);
        }
    }

    /// Merges the sorted runs of `RUN` vectors of `r` pairwise into sorted runs of `2 RUN`
    /// (nothing when `RUN >= R`).
    #[inline(always)]
    unsafe fn merge_runs<T: Simd, C: Carry, const R: usize, const RUN: usize>(r: &mut [__m512i; R], x: &mut [C::V; R]) {
        if RUN >= R {
            return;
        }
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            // The first run followed by the reversed second run is bitonic: the lows of
            // (i, 2 RUN - 1 - i) form the lower half, the highs the upper half, each
            // bitonic again.
            let (old, oldx) = (*r, *x);
            unroll16!(k => {
                if k < R / 2 {
                    let (base, i) = ((k / RUN) * 2 * RUN, k % RUN);
                    let j = base + 2 * RUN - 1 - i;
                    let a = (old[base + i], oldx[base + i]);
                    let b = (T::reverse(old[j]), C::reverse(oldx[j]));
                    let (lo, hi) = exchange::<T, C>(a, b);
                    (r[base + i], x[base + i]) = lo;
                    (r[base + RUN + i], x[base + RUN + i]) = hi;
                }
            });
            half_clean::<T, C, R, RUN, 4>(r, x);
            half_clean::<T, C, R, RUN, 2>(r, x);
            half_clean::<T, C, R, RUN, 1>(r, x);
            unroll16!(i => {
                if i < R {
                    (r[i], x[i]) = clean_vec::<T, C>(r[i], x[i]);
                }
            });
        }
    }

    /// The half-cleaner step of a merge of runs of `2 RUN` vectors that exchanges vectors
    /// `ST` apart (nothing unless `ST < RUN`).
    #[inline(always)]
    unsafe fn half_clean<T: Simd, C: Carry, const R: usize, const RUN: usize, const ST: usize>(
        r: &mut [__m512i; R],
        x: &mut [C::V; R],
    ) {
        if ST >= RUN {
            return;
        }
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            unroll16!(k => {
                if k < R / 2 {
                    let i = (k / ST) * 2 * ST + k % ST;
                    let (lo, hi) = exchange::<T, C>((r[i], x[i]), (r[i + ST], x[i + ST]));
                    (r[i], x[i]) = lo;
                    (r[i + ST], x[i + ST]) = hi;
                }
            });
        }
    }

    /// Sorts the `n <= R * N` elements at `p` (carrying `c`) in registers.
    #[inline(always)]
    unsafe fn sort_block_r<T: Simd, C: Carry, const R: usize>(p: *mut T, c: C, n: usize) {
        // SAFETY: the caller guarantees AVX-512F and `n` valid elements at `p` and `c`;
        // every load and store below touches only lanes below `n` (full vectors where
        // `off + N <= n`, masked ones for the partial vector, none past it).
        unsafe {
            let pad = T::splat(T::PAD);
            let mut r = [pad; R];
            let mut x = [C::zero(); R];
            let mut at_pad = 0u32;
            for i in 0..R {
                let off = i * T::N;
                if off + T::N <= n {
                    r[i] = T::load(p.add(off));
                    x[i] = c.load(off);
                } else if off < n {
                    r[i] = T::load_masked(p.add(off), low(n - off), pad);
                    x[i] = c.load_masked(off, low(n - off));
                }
                if !C::NONE && off < n {
                    at_pad |= T::mask_ge(r[i], pad) & low(n - off);
                }
            }
            if at_pad != 0 {
                // A key equal to the padding could trade places with a padding lane (and
                // its carried value be lost): sort this block one element at a time.
                insertion(std::slice::from_raw_parts_mut(p, n), c);
                return;
            }
            sort_regs::<T, C, R>(&mut r, &mut x);
            for i in 0..R {
                let off = i * T::N;
                if off + T::N <= n {
                    T::store(p.add(off), r[i]);
                    c.store(off, x[i]);
                } else if off < n {
                    T::store_masked(p.add(off), low(n - off), r[i]);
                    c.store_masked(off, low(n - off), x[i]);
                }
            }
        }
    }

    /// The longest range sorted in registers: 16 vectors, or 8 when indices move with the
    /// keys (16 key and 16 index vectors do not fit the 32 registers). A longer range is
    /// partitioned, which needs at least `2 * unroll * N` elements.
    const fn block_max<T: Simd, C: Carry>() -> usize {
        if C::NONE { 16 * T::N } else { 8 * T::N }
    }

    /// Sorts `n <= block_max` elements at `p` (carrying `c`): padding with the type's
    /// largest value leaves the `n` smallest lanes, which are the input's elements, first.
    #[target_feature(enable = "avx512f")]
    unsafe fn sort_block<T: Simd, C: Carry>(p: *mut T, c: C, n: usize) {
        let vecs = n.div_ceil(T::N);
        // SAFETY: AVX-512F is enabled here; the caller guarantees `n` valid elements at
        // `p` and `c`, and `R * N >= n` in each arm.
        unsafe {
            match vecs {
                0 | 1 => sort_block_r::<T, C, 1>(p, c, n),
                2 => sort_block_r::<T, C, 2>(p, c, n),
                3 | 4 => sort_block_r::<T, C, 4>(p, c, n),
                5..=8 => sort_block_r::<T, C, 8>(p, c, n),
                _ => sort_block_r::<T, C, 16>(p, c, n),
            }
        }
    }

    /// The pivot of the `n > 16` elements at `p`: the median of `N` evenly spaced samples
    /// for a range of up to 64 vectors (a few levels above the networks, where sampling
    /// is a larger part of the work), of `4N` for a longer one.
    #[target_feature(enable = "avx512f")]
    unsafe fn pivot<T: Simd>(p: *const T, n: usize) -> T {
        // SAFETY: AVX-512F is enabled here; `n >= 4N` in the second case.
        unsafe { if n <= 64 * T::N { median_of::<T, 1>(p, n) } else { median_of::<T, 4>(p, n) } }
    }

    /// The median of `R * N` evenly spaced samples of the `n >= R * N` elements at `p`.
    #[inline(always)]
    unsafe fn median_of<T: Simd, const R: usize>(p: *const T, n: usize) -> T {
        let mut s = [T::PAD; 64];
        let k = R * T::N;
        let gap = n / k;
        for (i, x) in s.iter_mut().take(k).enumerate() {
            // SAFETY: `i * gap + gap / 2 < k * gap <= n`.
            *x = unsafe { *p.add(i * gap + gap / 2) };
        }
        // SAFETY: the caller guarantees AVX-512F; `s` holds 64 >= R * N elements (R <= 4).
        unsafe {
            let mut r = [T::load(s.as_ptr()); R];
            for (i, x) in r.iter_mut().enumerate() {
                *x = T::load(s.as_ptr().add(i * T::N));
            }
            sort_regs::<T, (), R>(&mut r, &mut [(); R]);
            for (i, x) in r.iter().enumerate() {
                T::store(s.as_mut_ptr().add(i * T::N), *x);
            }
        }
        s[k / 2]
    }

    /// For each 8-lane mask, the lane indices outside it in order, then those in it, one
    /// per byte.
    static SPLIT8: [u64; 256] = {
        let mut t = [0u64; 256];
        let mut m = 0;
        while m < 256 {
            let (mut e, mut k) = (0u64, 0);
            let mut pass = 0;
            while pass < 2 {
                let mut i = 0;
                while i < 8 {
                    if ((m >> i) & 1) == pass {
                        e |= (i as u64) << (8 * k);
                        k += 1;
                    }
                    i += 1;
                }
                pass += 1;
            }
            t[m] = e;
            m += 1;
        }
        t
    };

    /// Stores the lanes of `v` (carrying `x`) outside `r` from `ls` on and those in `r`
    /// ending at `rs`, in 8-lane pieces: one permute per piece puts the lanes outside `r`
    /// first and the others after them ([`SPLIT8`]), and the piece is stored whole at `ls`
    /// and whole ending at `rs`; `ls` and `rs` then move by the two counts. A vector of 16
    /// lanes (which carries nothing) is two pieces. This spares the compresses and the
    /// masked store of the other placement, which cost about twice as much.
    ///
    /// # Safety
    /// AVX-512F; `[ls, ls + 8)` and `[rs - 8, rs)` of `p` and `c` are writable before each
    /// piece, and the lanes past each side's count may be overwritten: either they lie in
    /// two separate free ranges of at least 8 lanes each, or `[ls, rs)` is one free range
    /// of exactly 8 or at least 16 lanes (so the two stores either do not meet or write
    /// the same piece at the same place).
    #[inline(always)]
    unsafe fn split_store<T: Simd, C: Carry>(
        p: *mut T,
        c: C,
        (v, x): (__m512i, C::V),
        r: u32,
        ls: &mut usize,
        rs: &mut usize,
    ) {
        const { assert!(T::N == 8 || C::NONE, "carried values go with 8-lane keys") };
        // SAFETY: the caller's guarantees; every index is below 16.
        unsafe {
            if T::N == 8 {
                let nr = r.count_ones() as usize;
                let idx = _mm512_cvtepu8_epi64(_mm_cvtsi64_si128(SPLIT8[r as usize] as i64));
                let (pv, px) = (_mm512_permutexvar_epi64(idx, v), C::permute(idx, x));
                T::store(p.add(*ls), pv);
                c.store(*ls, px);
                T::store(p.add(*rs - 8), pv);
                c.store(*rs - 8, px);
                *ls += 8 - nr;
                *rs -= nr;
            } else {
                for (h, lanes) in [(r & 0xff) as usize, (r >> 8) as usize].into_iter().enumerate() {
                    // The byte lane numbers of `SPLIT8`, plus 8 for the high half.
                    let bytes = SPLIT8[lanes] + 0x0808_0808_0808_0808 * h as u64;
                    let idx = _mm512_cvtepu8_epi32(_mm_cvtsi64_si128(bytes as i64));
                    let half = _mm512_castsi512_si256(_mm512_permutexvar_epi32(idx, v));
                    let nr = lanes.count_ones() as usize;
                    _mm256_storeu_si256(p.add(*ls).cast(), half);
                    _mm256_storeu_si256(p.add(*rs - 8).cast(), half);
                    *ls += 8 - nr;
                    *rs -= nr;
                }
            }
        }
    }

    /// Vectors read per step of the partition loop: 8, or 4 when indices move with the
    /// keys (twice the registers per vector; 4 measured faster there, 8 without).
    const fn unroll<C: Carry>() -> usize {
        if C::NONE { UNROLL_MAX } else { UNROLL_MAX / 2 }
    }

    /// The most vectors read per step of the partition loop.
    const UNROLL_MAX: usize = 8;

    /// Steps of the partition loop between a read and the prefetch it issues.
    const AHEAD: usize = 16;

    /// Splits the `n >= 2 * unroll * N` elements at `p` (carrying `c`) in place around
    /// `pivot`: the elements that are not `> pivot` (`>= pivot` when `STRICT`) first.
    /// Returns their count and the smallest element of the range (or `pivot`, which is one
    /// of them).
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn partition<T: Simd, C: Carry, const STRICT: bool>(p: *mut T, c: C, n: usize, pivot: T) -> (usize, T) {
        let n_ = T::N;
        let u = unroll::<C>();
        let block = u * n_;
        // SAFETY: AVX-512F is enabled here and `n >= 2 * block` elements at `p` and `c` are
        // valid. The loop keeps `0 <= ls <= lr <= rr <= rs <= n`: `[0, ls)` and `[rs, n)`
        // hold placed elements, `[lr, rr)` unread ones, and the free gaps `[ls, lr)` and
        // `[rr, rs)` total exactly `2 * block` lanes between reads (the vectors held in `vl`
        // and `vr`). Reads come from the side with the smaller gap: after reading `k`
        // vectors (`k = 1`, or `u` when `rr - lr` is a multiple of `block`) both gaps
        // are at least `k * N`, and each placed vector takes `N` lanes from them in all, so
        // before each placement in the loops both gaps are at least `N`: the whole stores
        // at `ls` stay in the left one, and the masked or whole stores ending at `rs` in
        // the right one. No unread element is overwritten. After the loops the gaps are
        // the one range `[ls, rs)` of `N` lanes per vector still held, which is what
        // `split_store` asks. A tail of fewer than `N` lanes is read first, masked, while
        // the gaps are `block + tail` and `block`. The carried values are read and written
        // at the same offsets, `N` lanes at a time as the keys.
        unsafe {
            let pv = T::splat(pivot);
            let right = |v: __m512i| if STRICT { T::mask_ge(v, pv) } else { T::mask_gt(v, pv) };
            let mut vl = [(pv, C::zero()); UNROLL_MAX];
            let mut vr = [(pv, C::zero()); UNROLL_MAX];
            for i in 0..u {
                vl[i] = (T::load(p.add(i * n_)), c.load(i * n_));
                let off = n - block + i * n_;
                vr[i] = (T::load(p.add(off)), c.load(off));
            }
            let mut vmin = pv;
            let (mut lr, mut rr) = (block, n - block);
            let (mut ls, mut rs) = (0usize, n);
            // The tail's placement: compresses, a whole store at `ls` and a masked one.
            let place = |(v, x): (__m512i, C::V), valid: u32, ls: &mut usize, rs: &mut usize| {
                let r = right(v) & valid;
                let l = !r & valid;
                let nr = r.count_ones() as usize;
                T::store(p.add(*ls), T::compress(l, v));
                c.store(*ls, C::compress(l, x));
                *ls += l.count_ones() as usize;
                *rs -= nr;
                T::store_masked(p.add(*rs), low(nr), T::compress(r, v));
                c.store_masked(*rs, low(nr), C::compress(r, x));
            };
            // While the two gaps are apart and each holds at least `N` lanes, and after the
            // loops (one gap, a multiple of `N` lanes), `split_store`'s whole stores at `ls`
            // and ending at `rs` stay in the gaps.
            let place_apart = |(v, x): (__m512i, C::V), ls: &mut usize, rs: &mut usize| {
                split_store::<T, C>(p, c, (v, x), right(v), ls, rs);
            };
            let tail = (rr - lr) % n_;
            if tail > 0 {
                let v = T::load_masked(p.add(lr), low(tail), pv);
                let x = c.load_masked(lr, low(tail));
                lr += tail;
                vmin = T::min(vmin, v);
                place((v, x), low(tail), &mut ls, &mut rs);
            }
            while (rr - lr) % block != 0 {
                let src = if lr - ls <= rs - rr {
                    lr += n_;
                    lr - n_
                } else {
                    rr -= n_;
                    rr
                };
                let v = T::load(p.add(src));
                vmin = T::min(vmin, v);
                place_apart((v, c.load(src)), &mut ls, &mut rs);
            }
            // The two ends are read as two streams, one of them downwards; the hardware
            // prefetchers leave the loads waiting on memory when the range is long, so
            // each block read also asks for the block `AHEAD` blocks further along its side.
            let ahead = AHEAD * block;
            while lr < rr {
                let src = if lr - ls <= rs - rr {
                    lr += block;
                    for i in 0..u {
                        nprs_core::kernel::prefetch(p.wrapping_add(lr - block + ahead + i * n_));
                    }
                    lr - block
                } else {
                    rr -= block;
                    for i in 0..u {
                        nprs_core::kernel::prefetch(p.wrapping_add(rr + i * n_).wrapping_sub(ahead));
                    }
                    rr
                };
                let mut v = [(pv, C::zero()); UNROLL_MAX];
                for (i, x) in v[..u].iter_mut().enumerate() {
                    *x = (T::load(p.add(src + i * n_)), c.load(src + i * n_));
                }
                for &x in &v[..u] {
                    vmin = T::min(vmin, x.0);
                    place_apart(x, &mut ls, &mut rs);
                }
            }
            for &x in vl[..u].iter().chain(&vr[..u]) {
                vmin = T::min(vmin, x.0);
                place_apart(x, &mut ls, &mut rs);
            }
            debug_assert_eq!(ls, rs);
            let mut m = [T::PAD; 16];
            T::store(m.as_mut_ptr(), vmin);
            let lo = m[..n_].iter().copied().fold(pivot, |a, b| if b < a { b } else { a });
            (ls, lo)
        }
    }

    /// Ranges longer than this sort the two sides of their partition on two threads.
    const PAR_MIN: usize = 200_000;

    /// A pointer that may cross threads: the kernels give each thread a disjoint range.
    #[derive(Clone, Copy)]
    struct SendPtr<T>(*mut T);

    // SAFETY: only disjoint ranges behind a `SendPtr` are used on different threads (the
    // two sides of a partition), and `T` itself is `Send`.
    unsafe impl<T: Send> Send for SendPtr<T> {}

    impl<T> SendPtr<T> {
        /// The pointer (a method, so that closures capture the whole `SendPtr`).
        fn get(self) -> *mut T {
            self.0
        }
    }

    /// Sorts the `n` elements at `p` (no NaN), moving the carried values `c` with them,
    /// with `depth` partitions left before heapsort. Ranges longer than [`PAR_MIN`] sort
    /// the two sides of their partition in parallel (`rayon::join`).
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn quicksort<T: Simd, C: Carry>(p: *mut T, c: C, n: usize, depth: u32) {
        // SAFETY: AVX-512F is enabled here; the caller guarantees `n` valid elements at
        // `p` and `c`, and every call below gets a sub-range of them; the two parallel
        // calls get disjoint ones.
        unsafe {
            if n <= block_max::<T, C>() {
                sort_block(p, c, n);
                return;
            }
            if depth == 0 {
                heapsort(std::slice::from_raw_parts_mut(p, n), c);
                return;
            }
            let pv = pivot(p, n);
            let (mid, lo) = partition::<T, C, false>(p, c, n, pv);
            if mid == n {
                // Nothing exceeds the pivot: split off the elements equal to it.
                if lo == pv {
                    return; // all equal
                }
                let (mid, _) = partition::<T, C, true>(p, c, n, pv);
                quicksort(p, c, mid, depth - 1);
                return;
            }
            // else the left side is all equal to the pivot
            let left = lo != pv;
            if n > PAR_MIN {
                let (lp, rp, rc) = (SendPtr(p), SendPtr(p.add(mid)), c.add(mid));
                // The other thread runs on the same CPU, which has AVX-512F; the sides
                // `[0, mid)` and `[mid, n)` are disjoint.
                rayon::join(
                    move || {
                        if left {
                            quicksort(lp.get(), c, mid, depth - 1);
                        }
                    },
                    move || quicksort(rp.get(), rc, n - mid, depth - 1),
                );
                return;
            }
            if left {
                quicksort(p, c, mid, depth - 1);
            }
            quicksort(p.add(mid), c.add(mid), n - mid, depth - 1);
        }
    }

    /// Places the element of rank `k < n` among the `n` elements at `p` (no NaN) where a
    /// sort would put it, the ones before it not greater and the ones after not smaller:
    /// [`quicksort`]'s partitions, following only the side that holds rank `k`, with
    /// `depth` partitions left before the standard library's selection takes over.
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn quickselect<T: Simd>(mut p: *mut T, mut n: usize, mut k: usize, mut depth: u32) {
        // SAFETY: AVX-512F is enabled here; the caller guarantees `n` valid elements at
        // `p`, and every step keeps `p`, `n` to a sub-range of them with `k < n`.
        unsafe {
            loop {
                if n <= block_max::<T, ()>() {
                    sort_block(p, (), n);
                    return;
                }
                if depth == 0 {
                    let v = std::slice::from_raw_parts_mut(p, n);
                    v.select_nth_unstable_by(k, |a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                    return;
                }
                depth -= 1;
                let pv = pivot(p, n);
                let (mid, lo) = partition::<T, (), false>(p, (), n, pv);
                if mid == n {
                    // Nothing exceeds the pivot: split off the elements equal to it.
                    if lo == pv {
                        return; // all equal
                    }
                    let (mid, _) = partition::<T, (), true>(p, (), n, pv);
                    if k >= mid {
                        return; // rank `k` is among the elements equal to the pivot
                    }
                    n = mid;
                } else if k < mid {
                    if lo == pv {
                        return; // the left side is all equal to the pivot
                    }
                    n = mid;
                } else {
                    p = p.add(mid);
                    n -= mid;
                    k -= mid;
                }
            }
        }
    }

    /// Places the elements of ranks `ks` (sorted, distinct, each below `v.len()`) where a
    /// sort of `v` would put them (NaNs last), the elements between two of them between
    /// them in value.
    ///
    /// # Safety
    /// The CPU has AVX-512F and POPCNT.
    #[target_feature(enable = "avx512f,popcnt")]
    pub(super) unsafe fn select<T: Simd>(v: &mut [T], ks: &[usize]) {
        // SAFETY: AVX-512F is enabled here (the caller's guarantee); each `quickselect`
        // gets the valid elements `[start, len)` of `v` and a rank inside them.
        unsafe {
            let len = nans_last(v);
            let mut start = 0;
            for &k in ks {
                if k >= len {
                    return; // NaNs from `len` on
                }
                if k >= start {
                    quickselect(v.as_mut_ptr().add(start), len - start, k - start, depth_for(len - start));
                    start = k + 1;
                }
            }
        }
    }

    /// In-place heapsort by `<` (no NaN), moving the carried values `c` with the keys: the
    /// fallback for ranges the pivots split badly.
    ///
    /// # Safety
    /// `c` holds `v.len()` valid values.
    unsafe fn heapsort<T: Copy + PartialOrd, C: Carry>(v: &mut [T], c: C) {
        let swap = |v: &mut [T], i: usize, j: usize| {
            v.swap(i, j);
            // SAFETY: `i, j < v.len()`, and `c` holds `v.len()` values (the caller's
            // guarantee).
            unsafe { c.swap_elems(i, j) };
        };
        let sift = |v: &mut [T], mut i: usize, n: usize| loop {
            let mut k = 2 * i + 1;
            if k >= n {
                return;
            }
            if k + 1 < n && v[k] < v[k + 1] {
                k += 1;
            }
            if v[i] >= v[k] {
                return;
            }
            swap(v, i, k);
            i = k;
        };
        let n = v.len();
        for i in (0..n / 2).rev() {
            sift(v, i, n);
        }
        for end in (1..n).rev() {
            swap(v, 0, end);
            sift(v, 0, end);
        }
    }

    /// In-place insertion sort by `<` (no NaN), moving the carried values `c` with the
    /// keys: short blocks whose keys the register networks cannot pad.
    ///
    /// # Safety
    /// `c` holds `v.len()` valid values.
    unsafe fn insertion<T: Copy + PartialOrd, C: Carry>(v: &mut [T], c: C) {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && v[j - 1] > v[j] {
                v.swap(j - 1, j);
                // SAFETY: `j - 1, j < v.len()`, and `c` holds `v.len()` values.
                unsafe { c.swap_elems(j - 1, j) };
                j -= 1;
            }
        }
    }

    /// Moves the NaNs of `v` to its end (in any order) and returns the number of others.
    #[target_feature(enable = "avx512f")]
    unsafe fn nans_last<T: Simd>(v: &mut [T]) -> usize {
        let n = v.len();
        let mut i = 0;
        // SAFETY: AVX-512F is enabled here; every load reads `N` elements below `n`.
        while i + T::N <= n && unsafe { T::nan(T::load(v.as_ptr().add(i))) } == 0 {
            i += T::N;
        }
        let is_nan = |x: T| x.partial_cmp(&x).is_none();
        let mut end = n;
        loop {
            while i < end && !is_nan(v[i]) {
                i += 1;
            }
            while i < end && is_nan(v[end - 1]) {
                end -= 1;
            }
            if i >= end {
                return i;
            }
            v.swap(i, end - 1);
        }
    }

    /// Sorts `v` (NaNs last).
    ///
    /// # Safety
    /// The CPU has AVX-512F and POPCNT.
    #[target_feature(enable = "avx512f,popcnt")]
    pub(super) unsafe fn sort<T: Simd>(v: &mut [T]) {
        // SAFETY: AVX-512F and POPCNT are enabled here (the caller's guarantee).
        unsafe { sort_with_depth(v, depth_for(v.len())) }
    }

    /// [`sort`] with at most `depth` levels of partitioning before heapsort.
    ///
    /// # Safety
    /// The CPU has AVX-512F and POPCNT.
    #[target_feature(enable = "avx512f,popcnt")]
    pub(super) unsafe fn sort_with_depth<T: Simd>(v: &mut [T], depth: u32) {
        // SAFETY: AVX-512F is enabled here (the caller's guarantee); `quicksort` gets the
        // `len` valid elements of `v`'s first part.
        unsafe {
            let len = nans_last(v);
            quicksort(v.as_mut_ptr(), (), len, depth);
        }
    }

    /// Writes the `n` elements of `src` to `dst` split around `pivot` (not NaN): those not
    /// greater first, then the greater ones and the NaNs; returns the count of the first.
    /// `np.sort`'s copy and the first partition in one pass.
    ///
    /// # Safety
    /// AVX-512F and POPCNT; `dst` is valid for `n` writes and does not overlap `src`.
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn partition_into<T: Simd>(src: &[T], dst: *mut T, pivot: T) -> usize {
        let n = src.len();
        // SAFETY: AVX-512F is enabled here. `[ls, rs)` of `dst` is unwritten and as long as
        // the unread rest of `src`; a vector is read only while that rest holds at least 32
        // lanes, so before each 8-lane piece `split_store` finds at least 16 free lanes in
        // one range. Each element is written once at `ls` or below `rs`.
        unsafe {
            let pv = T::splat(pivot);
            let (mut ls, mut rs, mut i) = (0, n, 0);
            while n - i >= 32 {
                let v = T::load(src.as_ptr().add(i));
                i += T::N;
                split_store::<T, ()>(dst, (), (v, ()), T::mask_gt(v, pv) | T::nan(v), &mut ls, &mut rs);
            }
            for &x in &src[i..] {
                if x <= pivot {
                    *dst.add(ls) = x;
                    ls += 1;
                } else {
                    rs -= 1;
                    *dst.add(rs) = x;
                }
            }
            ls
        }
    }

    /// Writes `src` sorted (NaNs last) to `dst`: the first partition reads `src` and
    /// writes `dst` ([`partition_into`]), so the copy that `np.sort` makes costs no pass of
    /// its own; both sides then sort in place as [`sort`] does.
    ///
    /// # Safety
    /// The CPU has AVX-512F and POPCNT; `dst` is valid for `src.len()` writes and does not
    /// overlap `src`.
    #[target_feature(enable = "avx512f,popcnt")]
    pub(super) unsafe fn sort_into<T: Simd>(src: &[T], dst: *mut T) {
        let n = src.len();
        // SAFETY: AVX-512F is enabled here (the caller's guarantee); `dst` holds `n`
        // elements once `partition_into` (or the copy) has written them, and the two sides
        // `[0, mid)` and `[mid, n)` are disjoint.
        unsafe {
            let short = n <= block_max::<T, ()>();
            let pv = if short { T::PAD } else { pivot(src.as_ptr(), n) };
            if short || pv.partial_cmp(&pv).is_none() {
                // Short, or more than half of the samples are NaN.
                std::ptr::copy_nonoverlapping(src.as_ptr(), dst, n);
                sort(std::slice::from_raw_parts_mut(dst, n));
                return;
            }
            let mid = partition_into(src, dst, pv);
            let depth = depth_for(n) - 1;
            let (lp, rp) = (SendPtr(dst), SendPtr(dst.add(mid)));
            // The left side holds no NaN; the right side's go to its end first.
            let left = move || quicksort(lp.get(), (), mid, depth);
            let right = move || {
                let len = nans_last(std::slice::from_raw_parts_mut(rp.get(), n - mid));
                quicksort(rp.get(), (), len, depth);
            };
            if n > PAR_MIN {
                rayon::join(left, right);
            } else {
                left();
                right();
            }
        }
    }

    /// Sorts `keys` and moves `idx` with them (an argsort when `idx` starts as `0..n`),
    /// with at most `depth` levels of partitioning before heapsort; equal keys end in any
    /// order.
    ///
    /// # Safety
    /// The CPU has AVX-512F and POPCNT.
    #[target_feature(enable = "avx512f,popcnt")]
    pub(super) unsafe fn sort_pairs(keys: &mut [u64], idx: &mut [i64], depth: u32) {
        assert_eq!(keys.len(), idx.len(), "one index per key");
        // SAFETY: AVX-512F is enabled here (the caller's guarantee); `quicksort` gets the
        // `len` valid keys and as many indices, with 8-lane keys as `Idx` requires.
        unsafe { quicksort(keys.as_mut_ptr(), Idx(idx.as_mut_ptr()), keys.len(), depth) }
    }

    /// The default depth limit for `n` elements: `2 log2(n)`.
    pub(super) fn depth_for(n: usize) -> u32 {
        2 * (usize::BITS - n.leading_zeros())
    }

    /// True when the CPU can run [`sort`].
    pub(super) fn available() -> bool {
        std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("popcnt")
    }
}

/// Sorts `v` with the AVX-512 quicksort when the CPU has it (NaNs last, equal elements in
/// any order); false, leaving `v` untouched, when it does not.
macro_rules! entry {
    ($($name:ident: $t:ty),*) => {$(
        #[doc = concat!("The AVX-512 sort of a `", stringify!($t), "` lane; false when the CPU lacks AVX-512F.")]
        pub(crate) fn $name(v: &mut [$t]) -> bool {
            #[cfg(target_arch = "x86_64")]
            {
                if x86::available() {
                    // SAFETY: AVX-512F and POPCNT were detected at run time.
                    unsafe { x86::sort(v) };
                    return true;
                }
            }
            let _ = v;
            false
        }
    )*};
}
entry!(sort_f64: f64, sort_f32: f32, sort_i64: i64, sort_i32: i32, sort_u64: u64, sort_u32: u32);

/// `np.sort` of a contiguous lane by the AVX-512 quicksort when the CPU has it: `dst` written
/// with `src` sorted (NaNs last), the copy fused with the first partition; `dst` back,
/// unwritten, when it does not.
macro_rules! into_entry {
    ($($name:ident: $t:ty),*) => {$(
        #[doc = concat!("The AVX-512 sorted copy of a `", stringify!($t), "` lane; `dst` back when the CPU lacks AVX-512F.")]
        pub(crate) fn $name<'a>(
            src: &[$t],
            dst: &'a mut [std::mem::MaybeUninit<$t>],
        ) -> Result<&'a mut [$t], &'a mut [std::mem::MaybeUninit<$t>]> {
            assert_eq!(src.len(), dst.len(), "a destination as long as the source");
            #[cfg(target_arch = "x86_64")]
            {
                if x86::available() {
                    let p: *mut $t = dst.as_mut_ptr().cast();
                    // SAFETY: AVX-512F and POPCNT were detected at run time; `dst` is
                    // `src.len()` writable slots apart from `src` (it is borrowed
                    // mutably), and `sort_into` writes every one of them with an element
                    // of `src` before they are read as `$t`.
                    return Ok(unsafe {
                        x86::sort_into(src, p);
                        std::slice::from_raw_parts_mut(p, src.len())
                    });
                }
            }
            let _ = src;
            Err(dst)
        }
    )*};
}
into_entry!(
    sort_into_f64: f64,
    sort_into_f32: f32,
    sort_into_i64: i64,
    sort_into_i32: i32,
    sort_into_u64: u64,
    sort_into_u32: u32
);

/// [`SortElem::partition_lane`](super::SortElem::partition_lane) by the AVX-512 quickselect
/// when the CPU has it; false, leaving `v` untouched, when it does not.
macro_rules! select_entry {
    ($($name:ident: $t:ty),*) => {$(
        #[doc = concat!("The AVX-512 partition of a `", stringify!($t), "` lane; false when the CPU lacks AVX-512F.")]
        pub(crate) fn $name(v: &mut [$t], ks: &[usize]) -> bool {
            #[cfg(target_arch = "x86_64")]
            {
                if x86::available() {
                    // SAFETY: AVX-512F and POPCNT were detected at run time.
                    unsafe { x86::select(v, ks) };
                    return true;
                }
            }
            let _ = (v, ks);
            false
        }
    )*};
}
select_entry!(select_f64: f64, select_f32: f32, select_i64: i64, select_i32: i32, select_u64: u64, select_u32: u32);

/// The AVX-512 argsort: writes to `out` (`out.len() == v.len()`) the indices that sort `v`
/// by `key`, an order-preserving `u64` key of each element (NaNs map to the largest key),
/// with equal keys in any order. False, leaving `out` untouched, when the CPU lacks
/// AVX-512F.
///
/// The keys are copied once and sorted with their indices by the quicksort above (key and
/// index vectors partitioned by the same compress masks, networks exchanging both), so no
/// key is gathered through an index.
pub(crate) fn argsort_by_key<T: Copy>(v: &[T], key: impl Fn(T) -> u64, out: &mut [i64]) -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        if x86::available() {
            let mut keys: Vec<u64> = v.iter().map(|&x| key(x)).collect();
            for (i, o) in out.iter_mut().enumerate() {
                *o = i as i64;
            }
            // SAFETY: AVX-512F and POPCNT were detected at run time.
            unsafe { x86::sort_pairs(&mut keys, out, x86::depth_for(v.len())) };
            return true;
        }
    }
    let _ = (v, key, out);
    false
}

#[cfg(all(test, target_arch = "x86_64"))]
mod tests {
    use super::x86;

    fn lcg(n: usize, seed: u64) -> Vec<u64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                s >> 11
            })
            .collect()
    }

    /// The depth limit hands ranges to heapsort: with no partition allowed, or one, the
    /// kernel still sorts.
    #[test]
    fn heapsort_fallback_sorts() {
        if !x86::available() {
            return;
        }
        for n in [0usize, 1, 300, 1000, 4097] {
            for depth in [0u32, 1, 2] {
                let mut v: Vec<i64> = lcg(n, n as u64).into_iter().map(|x| (x % 1000) as i64 - 500).collect();
                let mut want = v.clone();
                want.sort_unstable();
                // SAFETY: AVX-512F and POPCNT were detected above.
                unsafe { x86::sort_with_depth(&mut v, depth) };
                assert_eq!(v, want, "n={n} depth={depth}");
            }
        }
    }

    /// The argsort kernel under the depth limit (heapsort on key/index pairs) and with keys
    /// equal to the padding (insertion sort of short blocks): the keys come out sorted and
    /// each index still goes with its key.
    #[test]
    fn pair_fallbacks_keep_indices_with_keys() {
        if !x86::available() {
            return;
        }
        for n in [0usize, 1, 9, 127, 128, 300, 1000, 4097] {
            for (depth, top) in [(0u32, 1000u64), (1, 1000), (2, 7), (40, 3)] {
                // `top = 3`: a third of the keys are u64::MAX, the padding
                let orig: Vec<u64> = lcg(n, n as u64 + 3)
                    .into_iter()
                    .map(|x| if top == 3 && x % 3 == 0 { u64::MAX } else { x % top })
                    .collect();
                let mut keys = orig.clone();
                let mut idx: Vec<i64> = (0..n as i64).collect();
                // SAFETY: AVX-512F and POPCNT were detected above.
                unsafe { x86::sort_pairs(&mut keys, &mut idx, depth) };
                let mut want = orig.clone();
                want.sort_unstable();
                assert_eq!(keys, want, "n={n} depth={depth} top={top}");
                let mut seen = vec![false; n];
                for (k, &i) in keys.iter().zip(&idx) {
                    assert!(!std::mem::replace(&mut seen[i as usize], true), "n={n} depth={depth}: repeated index");
                    assert_eq!(orig[i as usize], *k, "n={n} depth={depth} top={top}: index left its key");
                }
            }
        }
    }

    /// Signed zeros survive min/max in the networks and the partition (a pair of -0.0 and
    /// 0.0 must not become two 0.0s).
    #[test]
    fn signed_zeros_are_kept() {
        if !x86::available() {
            return;
        }
        for n in 1..700usize {
            let bits = lcg(n, 7 + n as u64);
            let mut v: Vec<f64> = bits
                .iter()
                .map(|b| {
                    if b % 3 == 0 {
                        -0.0
                    } else if b % 3 == 1 {
                        0.0
                    } else {
                        -1.0
                    }
                })
                .collect();
            let negs = v.iter().filter(|x| x.to_bits() == (-0.0f64).to_bits()).count();
            // SAFETY: AVX-512F and POPCNT were detected above.
            unsafe { x86::sort(&mut v) };
            assert_eq!(v.iter().filter(|x| x.to_bits() == (-0.0f64).to_bits()).count(), negs, "n={n}");
            assert!(v.windows(2).all(|w| w[0] <= w[1]), "n={n}");
            let mut w: Vec<f32> = bits.iter().map(|b| if b % 2 == 0 { -0.0 } else { 0.0 }).collect();
            let negs = w.iter().filter(|x| x.is_sign_negative()).count();
            // SAFETY: as above.
            unsafe { x86::sort(&mut w) };
            assert_eq!(w.iter().filter(|x| x.is_sign_negative()).count(), negs, "f32 n={n}");
        }
    }
}
