//! AVX-512 quicksort for the unstable kinds of `float64`, `float32`, `int64`, `int32`,
//! `uint64` and `uint32` lanes, selected at run time when the CPU has AVX-512F.
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
        __m512i, _CMP_GE_OQ, _CMP_GT_OQ, _CMP_UNORD_Q, _mm512_castpd_si512, _mm512_castps_si512, _mm512_castsi512_pd,
        _mm512_castsi512_ps, _mm512_cmp_pd_mask, _mm512_cmp_ps_mask, _mm512_cmpge_epi32_mask, _mm512_cmpge_epi64_mask,
        _mm512_cmpge_epu32_mask, _mm512_cmpge_epu64_mask, _mm512_cmpgt_epi32_mask, _mm512_cmpgt_epi64_mask,
        _mm512_cmpgt_epu32_mask, _mm512_cmpgt_epu64_mask, _mm512_loadu_epi32, _mm512_loadu_epi64,
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
    pub(super) trait Simd: Copy + PartialOrd {
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

    /// One compare-exchange step between the lanes `J` apart; the lanes of `hi` take the
    /// maximum of their pair.
    #[inline(always)]
    unsafe fn step<T: Simd, const J: usize>(v: __m512i, hi: u32) -> __m512i {
        // SAFETY: the caller guarantees AVX-512F. `min(v, p)` and `max(v, p)` keep the pair
        // a permutation (module documentation).
        unsafe {
            let p = T::swap::<J>(v);
            T::blend(hi, T::min(v, p), T::max(v, p))
        }
    }

    /// Sorts the lanes of a vector whose two halves, quarters, ... form a bitonic sequence
    /// (the second stage of a bitonic sort, or the half-cleaner cascade of a merge).
    #[inline(always)]
    unsafe fn clean_vec<T: Simd>(v: __m512i) -> __m512i {
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            let mut v = v;
            if T::N == 16 {
                v = step::<T, 8>(v, const { max_lanes(16, 16, 8) });
            }
            v = step::<T, 4>(v, const { max_lanes(16, 16, 4) });
            v = step::<T, 2>(v, const { max_lanes(16, 16, 2) });
            step::<T, 1>(v, const { max_lanes(16, 16, 1) })
        }
    }

    /// Sorts the lanes of one vector (a bitonic sorting network).
    #[inline(always)]
    unsafe fn sort_vec<T: Simd>(v: __m512i) -> __m512i {
        // SAFETY: the caller guarantees AVX-512F.
        unsafe {
            let mut v = step::<T, 1>(v, const { max_lanes(16, 2, 1) });
            v = step::<T, 2>(v, const { max_lanes(16, 4, 2) });
            v = step::<T, 1>(v, const { max_lanes(16, 4, 1) });
            if T::N == 16 {
                v = step::<T, 4>(v, const { max_lanes(16, 8, 4) });
                v = step::<T, 2>(v, const { max_lanes(16, 8, 2) });
                v = step::<T, 1>(v, const { max_lanes(16, 8, 1) });
            }
            clean_vec::<T>(v)
        }
    }

    /// Sorts the `R * N` lanes of `r` (`R` a power of two): each vector, then bitonic merges
    /// of runs of 1, 2, 4, ... vectors.
    #[inline(always)]
    unsafe fn sort_regs<T: Simd, const R: usize>(r: &mut [__m512i; R]) {
        // SAFETY: the caller guarantees AVX-512F. `min(a, b)`/`max(b, a)` keep each pair a
        // permutation (module documentation).
        unsafe {
            for x in r.iter_mut() {
                *x = sort_vec::<T>(*x);
            }
            let mut run = 1;
            while run < R {
                let mut base = 0;
                while base < R {
                    // The first run followed by the reversed second run is bitonic: the
                    // lows of (i, 2run-1-i) form the lower half, the highs the upper half,
                    // each bitonic again.
                    let old = *r;
                    for i in 0..run {
                        let a = old[base + i];
                        let b = T::reverse(old[base + 2 * run - 1 - i]);
                        r[base + i] = T::min(a, b);
                        r[base + run + i] = T::max(b, a);
                    }
                    let mut half = run;
                    while half > 0 {
                        let stride = half / 2;
                        if stride > 0 {
                            let mut s = base;
                            while s < base + 2 * run {
                                for i in s..s + stride {
                                    let a = r[i];
                                    let b = r[i + stride];
                                    r[i] = T::min(a, b);
                                    r[i + stride] = T::max(b, a);
                                }
                                s += half;
                            }
                        }
                        half = stride;
                    }
                    for x in &mut r[base..base + 2 * run] {
                        *x = clean_vec::<T>(*x);
                    }
                    base += 2 * run;
                }
                run *= 2;
            }
        }
    }

    /// Sorts the `n <= R * N` elements at `p` in registers.
    #[inline(always)]
    unsafe fn sort_block_r<T: Simd, const R: usize>(p: *mut T, n: usize) {
        // SAFETY: the caller guarantees AVX-512F and `n` valid elements at `p`; every load
        // and store below touches only lanes below `n` (full vectors where `off + N <= n`,
        // masked ones for the partial vector, none past it).
        unsafe {
            let pad = T::splat(T::PAD);
            let mut r = [pad; R];
            for (i, x) in r.iter_mut().enumerate() {
                let off = i * T::N;
                if off + T::N <= n {
                    *x = T::load(p.add(off));
                } else if off < n {
                    *x = T::load_masked(p.add(off), low(n - off), pad);
                }
            }
            sort_regs::<T, R>(&mut r);
            for (i, x) in r.iter().enumerate() {
                let off = i * T::N;
                if off + T::N <= n {
                    T::store(p.add(off), *x);
                } else if off < n {
                    T::store_masked(p.add(off), low(n - off), *x);
                }
            }
        }
    }

    /// The longest range sorted in registers.
    const fn block_max<T: Simd>() -> usize {
        16 * T::N
    }

    /// Sorts `n <= block_max` elements at `p`: padding with the type's largest value leaves
    /// the `n` smallest lanes, which are the input's elements, first.
    #[target_feature(enable = "avx512f")]
    unsafe fn sort_block<T: Simd>(p: *mut T, n: usize) {
        let vecs = n.div_ceil(T::N);
        // SAFETY: AVX-512F is enabled here; the caller guarantees `n` valid elements at
        // `p`, and `R * N >= n` in each arm.
        unsafe {
            match vecs {
                0 | 1 => sort_block_r::<T, 1>(p, n),
                2 => sort_block_r::<T, 2>(p, n),
                3 | 4 => sort_block_r::<T, 4>(p, n),
                5..=8 => sort_block_r::<T, 8>(p, n),
                _ => sort_block_r::<T, 16>(p, n),
            }
        }
    }

    /// The median of `4N` evenly spaced samples of the `n >= 4N` elements at `p`.
    #[target_feature(enable = "avx512f")]
    unsafe fn pivot<T: Simd>(p: *const T, n: usize) -> T {
        let mut s = [T::PAD; 64];
        let k = 4 * T::N;
        let gap = n / k;
        for (i, x) in s.iter_mut().take(k).enumerate() {
            // SAFETY: `i * gap + gap / 2 < k * gap <= n`.
            *x = unsafe { *p.add(i * gap + gap / 2) };
        }
        // SAFETY: AVX-512F is enabled here; `s` holds 64 >= 4N elements.
        unsafe {
            let mut r = [T::load(s.as_ptr()); 4];
            for (i, x) in r.iter_mut().enumerate() {
                *x = T::load(s.as_ptr().add(i * T::N));
            }
            sort_regs::<T, 4>(&mut r);
            for (i, x) in r.iter().enumerate() {
                T::store(s.as_mut_ptr().add(i * T::N), *x);
            }
        }
        s[k / 2]
    }

    /// Vectors read per step of the partition loop.
    const UNROLL: usize = 8;

    /// Splits the `n >= 2 * UNROLL * N` elements at `p` in place around `pivot`: the
    /// elements that are not `> pivot` (`>= pivot` when `STRICT`) first. Returns their count
    /// and the smallest element of the range (or `pivot`, which is one of them).
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn partition<T: Simd, const STRICT: bool>(p: *mut T, n: usize, pivot: T) -> (usize, T) {
        let n_ = T::N;
        let block = UNROLL * n_;
        // SAFETY: AVX-512F is enabled here and `n >= 2 * block` elements at `p` are valid.
        // The loop keeps `0 <= ls <= lr <= rr <= rs <= n`: `[0, ls)` and `[rs, n)` hold
        // placed elements, `[lr, rr)` unread ones, and the free gaps `[ls, lr)` and
        // `[rr, rs)` total exactly `2 * block` lanes between reads (the vectors held in `vl`
        // and `vr`). Reads come from the side with the smaller gap: after reading `k`
        // vectors (`k = 1`, or `UNROLL` when `rr - lr` is a multiple of `block`) both gaps
        // are at least `k * N`, and each placed vector takes `N` lanes from them in all, so
        // before each placement the left gap is at least `N` (the full store at `ls` stays
        // in it) and the right gap holds the masked store of the `> pivot` lanes ending at
        // `rs`: no unread element is overwritten. A tail of fewer than `N` lanes is read
        // first, masked, while the gaps are `block + tail` and `block`.
        unsafe {
            let pv = T::splat(pivot);
            let right = |v: __m512i| if STRICT { T::mask_ge(v, pv) } else { T::mask_gt(v, pv) };
            let mut vl = [pv; UNROLL];
            let mut vr = [pv; UNROLL];
            for i in 0..UNROLL {
                vl[i] = T::load(p.add(i * n_));
                vr[i] = T::load(p.add(n - block + i * n_));
            }
            let mut vmin = pv;
            let (mut lr, mut rr) = (block, n - block);
            let (mut ls, mut rs) = (0usize, n);
            let place = |v: __m512i, valid: u32, ls: &mut usize, rs: &mut usize| {
                let r = right(v) & valid;
                let l = !r & valid;
                let nr = r.count_ones() as usize;
                T::store(p.add(*ls), T::compress(l, v));
                *ls += l.count_ones() as usize;
                *rs -= nr;
                T::store_masked(p.add(*rs), low(nr), T::compress(r, v));
            };
            let tail = (rr - lr) % n_;
            if tail > 0 {
                let v = T::load_masked(p.add(lr), low(tail), pv);
                lr += tail;
                vmin = T::min(vmin, v);
                place(v, low(tail), &mut ls, &mut rs);
            }
            let all = low(n_);
            while (rr - lr) % block != 0 {
                let v = if lr - ls <= rs - rr {
                    lr += n_;
                    T::load(p.add(lr - n_))
                } else {
                    rr -= n_;
                    T::load(p.add(rr))
                };
                vmin = T::min(vmin, v);
                place(v, all, &mut ls, &mut rs);
            }
            while lr < rr {
                let src = if lr - ls <= rs - rr {
                    lr += block;
                    lr - block
                } else {
                    rr -= block;
                    rr
                };
                let mut v = [pv; UNROLL];
                for (i, x) in v.iter_mut().enumerate() {
                    *x = T::load(p.add(src + i * n_));
                }
                for x in v {
                    vmin = T::min(vmin, x);
                    place(x, all, &mut ls, &mut rs);
                }
            }
            for x in vl.into_iter().chain(vr) {
                vmin = T::min(vmin, x);
                place(x, all, &mut ls, &mut rs);
            }
            debug_assert_eq!(ls, rs);
            let mut m = [T::PAD; 16];
            T::store(m.as_mut_ptr(), vmin);
            let lo = m[..n_].iter().copied().fold(pivot, |a, b| if b < a { b } else { a });
            (ls, lo)
        }
    }

    /// Sorts the `n` elements at `p` (no NaN), with `depth` partitions left before heapsort.
    #[target_feature(enable = "avx512f,popcnt")]
    unsafe fn quicksort<T: Simd>(p: *mut T, n: usize, depth: u32) {
        // SAFETY: AVX-512F is enabled here; the caller guarantees `n` valid elements at
        // `p`, and every call below gets a sub-range of them.
        unsafe {
            if n <= block_max::<T>() {
                sort_block(p, n);
                return;
            }
            if depth == 0 {
                heapsort(std::slice::from_raw_parts_mut(p, n));
                return;
            }
            let pv = pivot(p, n);
            let (mid, lo) = partition::<T, false>(p, n, pv);
            if mid == n {
                // Nothing exceeds the pivot: split off the elements equal to it.
                if lo == pv {
                    return; // all equal
                }
                let (mid, _) = partition::<T, true>(p, n, pv);
                quicksort(p, mid, depth - 1);
                return;
            }
            if lo != pv {
                quicksort(p, mid, depth - 1);
            } // else the left side is all equal to the pivot
            quicksort(p.add(mid), n - mid, depth - 1);
        }
    }

    /// In-place heapsort by `<` (no NaN): the fallback for ranges the pivots split badly.
    fn heapsort<T: Copy + PartialOrd>(v: &mut [T]) {
        fn sift<T: Copy + PartialOrd>(v: &mut [T], mut i: usize, n: usize) {
            loop {
                let mut c = 2 * i + 1;
                if c >= n {
                    return;
                }
                if c + 1 < n && v[c] < v[c + 1] {
                    c += 1;
                }
                if v[i] >= v[c] {
                    return;
                }
                v.swap(i, c);
                i = c;
            }
        }
        let n = v.len();
        for i in (0..n / 2).rev() {
            sift(v, i, n);
        }
        for end in (1..n).rev() {
            v.swap(0, end);
            sift(v, 0, end);
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
        let depth = 2 * (usize::BITS - v.len().leading_zeros());
        // SAFETY: AVX-512F and POPCNT are enabled here (the caller's guarantee).
        unsafe { sort_with_depth(v, depth) }
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
            quicksort(v.as_mut_ptr(), len, depth);
        }
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
