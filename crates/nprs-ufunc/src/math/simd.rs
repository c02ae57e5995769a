//! The vector abstraction the math kernels are written against, once, with three
//! implementations: 8 lanes of AVX-512F, 4 lanes of AVX2+FMA, and one lane of portable
//! scalar code; and [`X2`], two vectors issued together, which the AVX drivers nest
//! (four AVX-512 vectors, two AVX2 ones) so that independent dependency chains interleave.
//!
//! Every operation is an IEEE operation with one rounding (`fma` is fused on every tier), so
//! an algorithm written against [`Vf64`] gives the same bits on every tier. Comparisons are
//! quiet (a NaN lane raises no flag) and integer operations act on the lanes' bit patterns.
//!
//! The AVX tiers' values may only exist inside functions compiled with the matching target
//! features: this module is private to `math`, and its vectors are only made inside the
//! `#[target_feature]` drivers that `math::tier` selects after run-time detection.

/// A vector of `f64` lanes with a mask type `M` for comparisons and selects.
pub(super) trait Vf64: Copy {
    /// The number of lanes.
    const LANES: usize;
    /// The result of a comparison.
    type M: Copy;

    /// Loads `LANES` values from `p`.
    ///
    /// # Safety
    /// `p` must be valid for reading `LANES` `f64` values (no alignment needed).
    unsafe fn load(p: *const f64) -> Self;
    /// Stores the lanes to `p`.
    ///
    /// # Safety
    /// `p` must be valid for writing `LANES` `f64` values (no alignment needed).
    unsafe fn store(self, p: *mut f64);
    /// Loads `LANES` `f32` values from `p`, widened exactly.
    ///
    /// # Safety
    /// `p` must be valid for reading `LANES` `f32` values (no alignment needed).
    unsafe fn load_f32(p: *const f32) -> Self;
    /// Stores the lanes rounded to `f32` (raising overflow/underflow as the hardware does).
    ///
    /// # Safety
    /// `p` must be valid for writing `LANES` `f32` values (no alignment needed).
    unsafe fn store_f32(self, p: *mut f32);

    fn splat(x: f64) -> Self;
    fn splat_bits(b: u64) -> Self;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    /// `self * b + c` with one rounding.
    fn fma(self, b: Self, c: Self) -> Self;
    fn sqrt(self) -> Self;
    /// Rounds to the nearest integer, ties to even.
    fn round(self) -> Self;
    /// Rounds towards minus infinity.
    fn floor(self) -> Self;
    fn and(self, o: Self) -> Self;
    fn or(self, o: Self) -> Self;
    fn xor(self, o: Self) -> Self;
    /// `!self & o` on the bits.
    fn andnot(self, o: Self) -> Self;
    /// Logical left shift of each lane's 64 bits.
    fn shl<const N: u32>(self) -> Self;
    /// Logical right shift of each lane's 64 bits.
    fn shr<const N: u32>(self) -> Self;
    /// Wrapping 64-bit integer addition of the lanes' bits.
    fn add_i64(self, o: Self) -> Self;
    /// Wrapping 64-bit integer subtraction of the lanes' bits.
    fn sub_i64(self, o: Self) -> Self;
    fn lt(self, o: Self) -> Self::M;
    fn le(self, o: Self) -> Self::M;
    fn eq(self, o: Self) -> Self::M;
    /// True in the lanes that are NaN.
    fn is_nan(self) -> Self::M;
    /// `a` where `m`, else `b`.
    fn select(m: Self::M, a: Self, b: Self) -> Self;
    fn m_and(a: Self::M, b: Self::M) -> Self::M;
    fn m_or(a: Self::M, b: Self::M) -> Self::M;
    fn m_not(a: Self::M) -> Self::M;
    /// The mask as bits, lane `i` in bit `i`.
    fn m_bits(m: Self::M) -> u32;

    /// `self · 2^k` for integer-valued `k` in `[-2044, 2046]` with one rounding (the
    /// product is formed as two exact powers of two, so only the last multiplication
    /// rounds, raising overflow/underflow as it should). AVX-512 has it as one instruction
    /// with the same result.
    #[inline(always)]
    fn scale(self, k: Self) -> Self {
        let k1 = k.mul(Self::splat(0.5)).round();
        self.mul(pow2(k1)).mul(pow2(k.sub(k1)))
    }
    #[inline(always)]
    fn abs(self) -> Self {
        self.andnot_sign()
    }
    #[inline(always)]
    fn andnot_sign(self) -> Self {
        Self::splat_bits(SIGN).andnot(self)
    }
    #[inline(always)]
    fn neg(self) -> Self {
        self.xor(Self::splat_bits(SIGN))
    }
    /// The sign bit of each lane, other bits zero.
    #[inline(always)]
    fn sign_bits(self) -> Self {
        self.and(Self::splat_bits(SIGN))
    }
    #[inline(always)]
    fn gt(self, o: Self) -> Self::M {
        o.lt(self)
    }
    #[inline(always)]
    fn ge(self, o: Self) -> Self::M {
        o.le(self)
    }
    #[inline(always)]
    fn any(m: Self::M) -> bool {
        Self::m_bits(m) != 0
    }
}

/// `2^52 + 2^51`: adding it to an integer-valued `f64` of magnitude below `2^51` puts the
/// integer, two's complement, in the low bits of the sum.
pub(super) const MAGIC: f64 = 6_755_399_441_055_744.0;

/// `2^k` for integer-valued `k` in `[-1022, 1023]`: `k + MAGIC` holds `k` in its low bits,
/// which shifted into the exponent field and biased give the power.
#[inline(always)]
pub(super) fn pow2<V: Vf64>(k: V) -> V {
    k.add(V::splat(MAGIC)).shl::<52>().add_i64(V::splat_bits(1023 << 52))
}

/// The sign bit of an `f64`.
pub(super) const SIGN: u64 = 0x8000_0000_0000_0000;

/// The portable tier: one lane.
#[derive(Clone, Copy)]
pub(super) struct S(pub(super) f64);

impl Vf64 for S {
    const LANES: usize = 1;
    type M = bool;
    #[inline(always)]
    unsafe fn load(p: *const f64) -> Self {
        // SAFETY: the caller guarantees one readable `f64` at `p`.
        S(unsafe { p.read_unaligned() })
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f64) {
        // SAFETY: the caller guarantees one writable `f64` at `p`.
        unsafe { p.write_unaligned(self.0) }
    }
    #[inline(always)]
    unsafe fn load_f32(p: *const f32) -> Self {
        // SAFETY: the caller guarantees one readable `f32` at `p`.
        S(f64::from(unsafe { p.read_unaligned() }))
    }
    #[inline(always)]
    #[allow(clippy::cast_possible_truncation, reason = "rounding to f32 is the point")]
    unsafe fn store_f32(self, p: *mut f32) {
        // SAFETY: the caller guarantees one writable `f32` at `p`.
        unsafe { p.write_unaligned(self.0 as f32) }
    }
    #[inline(always)]
    fn splat(x: f64) -> Self {
        S(x)
    }
    #[inline(always)]
    fn splat_bits(b: u64) -> Self {
        S(f64::from_bits(b))
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        S(self.0 + o.0)
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        S(self.0 - o.0)
    }
    #[inline(always)]
    fn mul(self, o: Self) -> Self {
        S(self.0 * o.0)
    }
    #[inline(always)]
    fn div(self, o: Self) -> Self {
        S(self.0 / o.0)
    }
    #[inline(always)]
    fn fma(self, b: Self, c: Self) -> Self {
        S(self.0.mul_add(b.0, c.0))
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        S(self.0.sqrt())
    }
    #[inline(always)]
    fn round(self) -> Self {
        S(self.0.round_ties_even())
    }
    #[inline(always)]
    fn floor(self) -> Self {
        S(self.0.floor())
    }
    #[inline(always)]
    fn and(self, o: Self) -> Self {
        S(f64::from_bits(self.0.to_bits() & o.0.to_bits()))
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        S(f64::from_bits(self.0.to_bits() | o.0.to_bits()))
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        S(f64::from_bits(self.0.to_bits() ^ o.0.to_bits()))
    }
    #[inline(always)]
    fn andnot(self, o: Self) -> Self {
        S(f64::from_bits(!self.0.to_bits() & o.0.to_bits()))
    }
    #[inline(always)]
    fn shl<const N: u32>(self) -> Self {
        S(f64::from_bits(self.0.to_bits() << N))
    }
    #[inline(always)]
    fn shr<const N: u32>(self) -> Self {
        S(f64::from_bits(self.0.to_bits() >> N))
    }
    #[inline(always)]
    fn add_i64(self, o: Self) -> Self {
        S(f64::from_bits(self.0.to_bits().wrapping_add(o.0.to_bits())))
    }
    #[inline(always)]
    fn sub_i64(self, o: Self) -> Self {
        S(f64::from_bits(self.0.to_bits().wrapping_sub(o.0.to_bits())))
    }
    #[inline(always)]
    fn lt(self, o: Self) -> bool {
        self.0 < o.0
    }
    #[inline(always)]
    fn le(self, o: Self) -> bool {
        self.0 <= o.0
    }
    #[inline(always)]
    #[allow(clippy::float_cmp, reason = "exact comparison is the operation")]
    fn eq(self, o: Self) -> bool {
        self.0 == o.0
    }
    #[inline(always)]
    fn is_nan(self) -> bool {
        self.0.is_nan()
    }
    #[inline(always)]
    fn select(m: bool, a: Self, b: Self) -> Self {
        if m { a } else { b }
    }
    #[inline(always)]
    fn m_and(a: bool, b: bool) -> bool {
        a & b
    }
    #[inline(always)]
    fn m_or(a: bool, b: bool) -> bool {
        a | b
    }
    #[inline(always)]
    fn m_not(a: bool) -> bool {
        !a
    }
    #[inline(always)]
    fn m_bits(m: bool) -> u32 {
        u32::from(m)
    }
}

#[cfg(target_arch = "x86_64")]
pub(super) use x86::{Avx2, Avx512};

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::Vf64;
    use std::arch::x86_64::{
        __m256d, __m512d, __mmask8, _CMP_EQ_OQ, _CMP_LE_OQ, _CMP_LT_OQ, _CMP_UNORD_Q, _MM_FROUND_NO_EXC,
        _MM_FROUND_TO_NEAREST_INT, _MM_FROUND_TO_NEG_INF, _mm_loadu_ps, _mm_set_epi64x, _mm_storeu_ps,
        _mm256_add_epi64, _mm256_add_pd, _mm256_and_pd, _mm256_andnot_pd, _mm256_blendv_pd, _mm256_castpd_si256,
        _mm256_castsi256_pd, _mm256_cmp_pd, _mm256_cvtpd_ps, _mm256_cvtps_pd, _mm256_div_pd, _mm256_fmadd_pd,
        _mm256_loadu_pd, _mm256_loadu_ps, _mm256_movemask_pd, _mm256_mul_pd, _mm256_or_pd, _mm256_round_pd,
        _mm256_set1_pd, _mm256_sll_epi64, _mm256_sqrt_pd, _mm256_srl_epi64, _mm256_storeu_pd, _mm256_storeu_ps,
        _mm256_sub_epi64, _mm256_sub_pd, _mm256_xor_pd, _mm512_add_epi64, _mm512_add_pd, _mm512_and_si512,
        _mm512_andnot_si512, _mm512_castpd_si512, _mm512_castsi512_pd, _mm512_cmp_pd_mask, _mm512_cvtpd_ps,
        _mm512_cvtps_pd, _mm512_div_pd, _mm512_fmadd_pd, _mm512_loadu_pd, _mm512_mask_blend_pd, _mm512_mul_pd,
        _mm512_or_si512, _mm512_roundscale_pd, _mm512_scalef_pd, _mm512_set1_pd, _mm512_slli_epi64, _mm512_sqrt_pd,
        _mm512_srli_epi64, _mm512_storeu_pd, _mm512_sub_epi64, _mm512_sub_pd, _mm512_xor_si512,
    };

    /// Runs an intrinsic that needs the tier's target features.
    macro_rules! feat {
        ($e:expr) => {
            // SAFETY: values of this tier's type are only made inside functions compiled with
            // its target features, which `math::tier` calls only after detecting them at run
            // time (module documentation), so the features are present here.
            unsafe { $e }
        };
    }

    /// Eight lanes of AVX-512F.
    #[derive(Clone, Copy)]
    pub(in crate::math) struct Avx512(__m512d);

    impl Vf64 for Avx512 {
        const LANES: usize = 8;
        type M = __mmask8;
        #[inline(always)]
        unsafe fn load(p: *const f64) -> Self {
            // SAFETY: the caller guarantees 8 readable values; the features as in `feat!`.
            Avx512(unsafe { _mm512_loadu_pd(p) })
        }
        #[inline(always)]
        unsafe fn store(self, p: *mut f64) {
            // SAFETY: the caller guarantees 8 writable values; the features as in `feat!`.
            unsafe { _mm512_storeu_pd(p, self.0) }
        }
        #[inline(always)]
        unsafe fn load_f32(p: *const f32) -> Self {
            // SAFETY: the caller guarantees 8 readable values; the features as in `feat!`.
            Avx512(unsafe { _mm512_cvtps_pd(_mm256_loadu_ps(p)) })
        }
        #[inline(always)]
        unsafe fn store_f32(self, p: *mut f32) {
            // SAFETY: the caller guarantees 8 writable values; the features as in `feat!`.
            unsafe { _mm256_storeu_ps(p, _mm512_cvtpd_ps(self.0)) }
        }
        #[inline(always)]
        fn splat(x: f64) -> Self {
            Avx512(feat!(_mm512_set1_pd(x)))
        }
        #[inline(always)]
        fn scale(self, k: Self) -> Self {
            Avx512(feat!(_mm512_scalef_pd(self.0, k.0)))
        }
        #[inline(always)]
        fn splat_bits(b: u64) -> Self {
            Avx512(feat!(_mm512_set1_pd(f64::from_bits(b))))
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Avx512(feat!(_mm512_add_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn sub(self, o: Self) -> Self {
            Avx512(feat!(_mm512_sub_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn mul(self, o: Self) -> Self {
            Avx512(feat!(_mm512_mul_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn div(self, o: Self) -> Self {
            Avx512(feat!(_mm512_div_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn fma(self, b: Self, c: Self) -> Self {
            Avx512(feat!(_mm512_fmadd_pd(self.0, b.0, c.0)))
        }
        #[inline(always)]
        fn sqrt(self) -> Self {
            Avx512(feat!(_mm512_sqrt_pd(self.0)))
        }
        #[inline(always)]
        fn round(self) -> Self {
            Avx512(feat!(_mm512_roundscale_pd::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(self.0)))
        }
        #[inline(always)]
        fn floor(self) -> Self {
            Avx512(feat!(_mm512_roundscale_pd::<{ _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC }>(self.0)))
        }
        #[inline(always)]
        fn and(self, o: Self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(self.0), _mm512_castpd_si512(o.0)))))
        }
        #[inline(always)]
        fn or(self, o: Self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_or_si512(_mm512_castpd_si512(self.0), _mm512_castpd_si512(o.0)))))
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_xor_si512(_mm512_castpd_si512(self.0), _mm512_castpd_si512(o.0)))))
        }
        #[inline(always)]
        fn andnot(self, o: Self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_andnot_si512(
                _mm512_castpd_si512(self.0),
                _mm512_castpd_si512(o.0)
            ))))
        }
        #[inline(always)]
        fn shl<const N: u32>(self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_slli_epi64::<N>(_mm512_castpd_si512(self.0)))))
        }
        #[inline(always)]
        fn shr<const N: u32>(self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_srli_epi64::<N>(_mm512_castpd_si512(self.0)))))
        }
        #[inline(always)]
        fn add_i64(self, o: Self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_add_epi64(_mm512_castpd_si512(self.0), _mm512_castpd_si512(o.0)))))
        }
        #[inline(always)]
        fn sub_i64(self, o: Self) -> Self {
            Avx512(feat!(_mm512_castsi512_pd(_mm512_sub_epi64(_mm512_castpd_si512(self.0), _mm512_castpd_si512(o.0)))))
        }
        #[inline(always)]
        fn lt(self, o: Self) -> __mmask8 {
            feat!(_mm512_cmp_pd_mask::<_CMP_LT_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn le(self, o: Self) -> __mmask8 {
            feat!(_mm512_cmp_pd_mask::<_CMP_LE_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn eq(self, o: Self) -> __mmask8 {
            feat!(_mm512_cmp_pd_mask::<_CMP_EQ_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn is_nan(self) -> __mmask8 {
            feat!(_mm512_cmp_pd_mask::<_CMP_UNORD_Q>(self.0, self.0))
        }
        #[inline(always)]
        fn select(m: __mmask8, a: Self, b: Self) -> Self {
            Avx512(feat!(_mm512_mask_blend_pd(m, b.0, a.0)))
        }
        #[inline(always)]
        fn m_and(a: __mmask8, b: __mmask8) -> __mmask8 {
            a & b
        }
        #[inline(always)]
        fn m_or(a: __mmask8, b: __mmask8) -> __mmask8 {
            a | b
        }
        #[inline(always)]
        fn m_not(a: __mmask8) -> __mmask8 {
            !a
        }
        #[inline(always)]
        fn m_bits(m: __mmask8) -> u32 {
            u32::from(m)
        }
    }

    /// Four lanes of AVX2 with FMA.
    #[derive(Clone, Copy)]
    pub(in crate::math) struct Avx2(__m256d);

    impl Vf64 for Avx2 {
        const LANES: usize = 4;
        type M = __m256d;
        #[inline(always)]
        unsafe fn load(p: *const f64) -> Self {
            // SAFETY: the caller guarantees 4 readable values; the features as in `feat!`.
            Avx2(unsafe { _mm256_loadu_pd(p) })
        }
        #[inline(always)]
        unsafe fn store(self, p: *mut f64) {
            // SAFETY: the caller guarantees 4 writable values; the features as in `feat!`.
            unsafe { _mm256_storeu_pd(p, self.0) }
        }
        #[inline(always)]
        unsafe fn load_f32(p: *const f32) -> Self {
            // SAFETY: the caller guarantees 4 readable values; the features as in `feat!`.
            Avx2(unsafe { _mm256_cvtps_pd(_mm_loadu_ps(p)) })
        }
        #[inline(always)]
        unsafe fn store_f32(self, p: *mut f32) {
            // SAFETY: the caller guarantees 4 writable values; the features as in `feat!`.
            unsafe { _mm_storeu_ps(p, _mm256_cvtpd_ps(self.0)) }
        }
        #[inline(always)]
        fn splat(x: f64) -> Self {
            Avx2(feat!(_mm256_set1_pd(x)))
        }
        #[inline(always)]
        fn splat_bits(b: u64) -> Self {
            Avx2(feat!(_mm256_set1_pd(f64::from_bits(b))))
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Avx2(feat!(_mm256_add_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn sub(self, o: Self) -> Self {
            Avx2(feat!(_mm256_sub_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn mul(self, o: Self) -> Self {
            Avx2(feat!(_mm256_mul_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn div(self, o: Self) -> Self {
            Avx2(feat!(_mm256_div_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn fma(self, b: Self, c: Self) -> Self {
            Avx2(feat!(_mm256_fmadd_pd(self.0, b.0, c.0)))
        }
        #[inline(always)]
        fn sqrt(self) -> Self {
            Avx2(feat!(_mm256_sqrt_pd(self.0)))
        }
        #[inline(always)]
        fn round(self) -> Self {
            Avx2(feat!(_mm256_round_pd::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(self.0)))
        }
        #[inline(always)]
        fn floor(self) -> Self {
            Avx2(feat!(_mm256_round_pd::<{ _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC }>(self.0)))
        }
        #[inline(always)]
        fn and(self, o: Self) -> Self {
            Avx2(feat!(_mm256_and_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn or(self, o: Self) -> Self {
            Avx2(feat!(_mm256_or_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            Avx2(feat!(_mm256_xor_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn andnot(self, o: Self) -> Self {
            Avx2(feat!(_mm256_andnot_pd(self.0, o.0)))
        }
        #[inline(always)]
        fn shl<const N: u32>(self) -> Self {
            Avx2(feat!(_mm256_castsi256_pd(_mm256_sll_epi64(
                _mm256_castpd_si256(self.0),
                _mm_set_epi64x(0, i64::from(N))
            ))))
        }
        #[inline(always)]
        fn shr<const N: u32>(self) -> Self {
            Avx2(feat!(_mm256_castsi256_pd(_mm256_srl_epi64(
                _mm256_castpd_si256(self.0),
                _mm_set_epi64x(0, i64::from(N))
            ))))
        }
        #[inline(always)]
        fn add_i64(self, o: Self) -> Self {
            Avx2(feat!(_mm256_castsi256_pd(_mm256_add_epi64(_mm256_castpd_si256(self.0), _mm256_castpd_si256(o.0)))))
        }
        #[inline(always)]
        fn sub_i64(self, o: Self) -> Self {
            Avx2(feat!(_mm256_castsi256_pd(_mm256_sub_epi64(_mm256_castpd_si256(self.0), _mm256_castpd_si256(o.0)))))
        }
        #[inline(always)]
        fn lt(self, o: Self) -> __m256d {
            feat!(_mm256_cmp_pd::<_CMP_LT_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn le(self, o: Self) -> __m256d {
            feat!(_mm256_cmp_pd::<_CMP_LE_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn eq(self, o: Self) -> __m256d {
            feat!(_mm256_cmp_pd::<_CMP_EQ_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn is_nan(self) -> __m256d {
            feat!(_mm256_cmp_pd::<_CMP_UNORD_Q>(self.0, self.0))
        }
        #[inline(always)]
        fn select(m: __m256d, a: Self, b: Self) -> Self {
            Avx2(feat!(_mm256_blendv_pd(b.0, a.0, m)))
        }
        #[inline(always)]
        fn m_and(a: __m256d, b: __m256d) -> __m256d {
            feat!(_mm256_and_pd(a, b))
        }
        #[inline(always)]
        fn m_or(a: __m256d, b: __m256d) -> __m256d {
            feat!(_mm256_or_pd(a, b))
        }
        #[inline(always)]
        fn m_not(a: __m256d) -> __m256d {
            feat!(_mm256_xor_pd(a, _mm256_castsi256_pd(std::arch::x86_64::_mm256_set1_epi64x(-1))))
        }
        #[inline(always)]
        #[allow(clippy::cast_sign_loss, reason = "movemask gives 4 bits")]
        fn m_bits(m: __m256d) -> u32 {
            feat!(_mm256_movemask_pd(m)) as u32
        }
    }
}

/// Two vectors of one tier side by side, as one vector of twice the lanes: every operation
/// is issued on both halves together. The algorithms are long dependency chains (Horner
/// polynomials, double-double corrections) whose latency one vector at a time leaves the
/// FMA units idle; two independent chains interleaved instruction by instruction keep them
/// busy. Each half computes exactly what the tier computes alone, so the bits are the same.
#[derive(Clone, Copy)]
#[cfg_attr(debug_assertions, allow(dead_code))] // the drivers use it in optimised builds
pub(super) struct X2<V>(V, V);

impl<V: Vf64> Vf64 for X2<V> {
    const LANES: usize = 2 * V::LANES;
    type M = (V::M, V::M);

    #[inline(always)]
    unsafe fn load(p: *const f64) -> Self {
        // SAFETY: the caller's `2 * V::LANES` values cover both halves.
        unsafe { X2(V::load(p), V::load(p.add(V::LANES))) }
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f64) {
        // SAFETY: as in `load`.
        unsafe {
            self.0.store(p);
            self.1.store(p.add(V::LANES));
        }
    }
    #[inline(always)]
    unsafe fn load_f32(p: *const f32) -> Self {
        // SAFETY: as in `load`.
        unsafe { X2(V::load_f32(p), V::load_f32(p.add(V::LANES))) }
    }
    #[inline(always)]
    unsafe fn store_f32(self, p: *mut f32) {
        // SAFETY: as in `load`.
        unsafe {
            self.0.store_f32(p);
            self.1.store_f32(p.add(V::LANES));
        }
    }
    #[inline(always)]
    fn splat(x: f64) -> Self {
        X2(V::splat(x), V::splat(x))
    }
    #[inline(always)]
    fn splat_bits(b: u64) -> Self {
        X2(V::splat_bits(b), V::splat_bits(b))
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        X2(self.0.add(o.0), self.1.add(o.1))
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        X2(self.0.sub(o.0), self.1.sub(o.1))
    }
    #[inline(always)]
    fn mul(self, o: Self) -> Self {
        X2(self.0.mul(o.0), self.1.mul(o.1))
    }
    #[inline(always)]
    fn div(self, o: Self) -> Self {
        X2(self.0.div(o.0), self.1.div(o.1))
    }
    #[inline(always)]
    fn fma(self, b: Self, c: Self) -> Self {
        X2(self.0.fma(b.0, c.0), self.1.fma(b.1, c.1))
    }
    #[inline(always)]
    fn sqrt(self) -> Self {
        X2(self.0.sqrt(), self.1.sqrt())
    }
    #[inline(always)]
    fn round(self) -> Self {
        X2(self.0.round(), self.1.round())
    }
    #[inline(always)]
    fn floor(self) -> Self {
        X2(self.0.floor(), self.1.floor())
    }
    #[inline(always)]
    fn and(self, o: Self) -> Self {
        X2(self.0.and(o.0), self.1.and(o.1))
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        X2(self.0.or(o.0), self.1.or(o.1))
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        X2(self.0.xor(o.0), self.1.xor(o.1))
    }
    #[inline(always)]
    fn andnot(self, o: Self) -> Self {
        X2(self.0.andnot(o.0), self.1.andnot(o.1))
    }
    #[inline(always)]
    fn shl<const N: u32>(self) -> Self {
        X2(self.0.shl::<N>(), self.1.shl::<N>())
    }
    #[inline(always)]
    fn shr<const N: u32>(self) -> Self {
        X2(self.0.shr::<N>(), self.1.shr::<N>())
    }
    #[inline(always)]
    fn add_i64(self, o: Self) -> Self {
        X2(self.0.add_i64(o.0), self.1.add_i64(o.1))
    }
    #[inline(always)]
    fn sub_i64(self, o: Self) -> Self {
        X2(self.0.sub_i64(o.0), self.1.sub_i64(o.1))
    }
    #[inline(always)]
    fn lt(self, o: Self) -> Self::M {
        (self.0.lt(o.0), self.1.lt(o.1))
    }
    #[inline(always)]
    fn le(self, o: Self) -> Self::M {
        (self.0.le(o.0), self.1.le(o.1))
    }
    #[inline(always)]
    fn eq(self, o: Self) -> Self::M {
        (self.0.eq(o.0), self.1.eq(o.1))
    }
    #[inline(always)]
    fn is_nan(self) -> Self::M {
        (self.0.is_nan(), self.1.is_nan())
    }
    #[inline(always)]
    fn select(m: Self::M, a: Self, b: Self) -> Self {
        X2(V::select(m.0, a.0, b.0), V::select(m.1, a.1, b.1))
    }
    #[inline(always)]
    fn m_and(a: Self::M, b: Self::M) -> Self::M {
        (V::m_and(a.0, b.0), V::m_and(a.1, b.1))
    }
    #[inline(always)]
    fn m_or(a: Self::M, b: Self::M) -> Self::M {
        (V::m_or(a.0, b.0), V::m_or(a.1, b.1))
    }
    #[inline(always)]
    fn m_not(a: Self::M) -> Self::M {
        (V::m_not(a.0), V::m_not(a.1))
    }
    #[inline(always)]
    fn m_bits(m: Self::M) -> u32 {
        V::m_bits(m.0) | V::m_bits(m.1) << V::LANES
    }
    #[inline(always)]
    fn scale(self, k: Self) -> Self {
        X2(self.0.scale(k.0), self.1.scale(k.1))
    }
    #[inline(always)]
    fn abs(self) -> Self {
        X2(self.0.abs(), self.1.abs())
    }
    #[inline(always)]
    fn andnot_sign(self) -> Self {
        X2(self.0.andnot_sign(), self.1.andnot_sign())
    }
    #[inline(always)]
    fn neg(self) -> Self {
        X2(self.0.neg(), self.1.neg())
    }
    #[inline(always)]
    fn sign_bits(self) -> Self {
        X2(self.0.sign_bits(), self.1.sign_bits())
    }
    #[inline(always)]
    fn gt(self, o: Self) -> Self::M {
        (self.0.gt(o.0), self.1.gt(o.1))
    }
    #[inline(always)]
    fn ge(self, o: Self) -> Self::M {
        (self.0.ge(o.0), self.1.ge(o.1))
    }
    #[inline(always)]
    fn any(m: Self::M) -> bool {
        V::m_bits(m.0) | V::m_bits(m.1) != 0
    }
}
