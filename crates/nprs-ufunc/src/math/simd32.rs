//! The `f32`-lane counterpart of [`Vf64`](super::simd::Vf64): 16 lanes of AVX-512F, 8 of
//! AVX2+FMA, and one of portable scalar code, for the kernels evaluated in `float32` itself
//! (twice the lanes of the widened `f64` evaluation per instruction).
//!
//! As with `Vf64`, every operation is an IEEE operation with one rounding (`fma` fused on
//! every tier), so an algorithm written against [`Vf32`] gives the same bits on every tier;
//! comparisons are quiet and integer operations act on the lanes' bit patterns. The AVX
//! tiers' values only exist inside the `#[target_feature]` drivers `math::tier` selects.

/// A vector of `f32` lanes with a mask type `M` for comparisons and selects.
pub(super) trait Vf32: Copy {
    /// The number of lanes.
    const LANES: usize;
    /// The result of a comparison.
    type M: Copy;

    /// Loads `LANES` values from `p`.
    ///
    /// # Safety
    /// `p` must be valid for reading `LANES` `f32` values (no alignment needed).
    unsafe fn load(p: *const f32) -> Self;
    /// Stores the lanes to `p`.
    ///
    /// # Safety
    /// `p` must be valid for writing `LANES` `f32` values (no alignment needed).
    unsafe fn store(self, p: *mut f32);

    fn splat(x: f32) -> Self;
    fn splat_bits(b: u32) -> Self;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn mul(self, o: Self) -> Self;
    fn div(self, o: Self) -> Self;
    /// `self * b + c` with one rounding.
    fn fma(self, b: Self, c: Self) -> Self;
    /// Rounds to the nearest integer, ties to even.
    fn round(self) -> Self;
    fn and(self, o: Self) -> Self;
    fn or(self, o: Self) -> Self;
    fn xor(self, o: Self) -> Self;
    /// `!self & o` on the bits.
    fn andnot(self, o: Self) -> Self;
    /// Logical left shift of each lane's 32 bits.
    fn shl<const N: u32>(self) -> Self;
    /// Logical right shift of each lane's 32 bits.
    fn shr<const N: u32>(self) -> Self;
    /// Wrapping 32-bit integer addition of the lanes' bits.
    fn add_i32(self, o: Self) -> Self;
    fn lt(self, o: Self) -> Self::M;
    fn le(self, o: Self) -> Self::M;
    fn eq(self, o: Self) -> Self::M;
    /// True in the lanes that are NaN.
    fn is_nan(self) -> Self::M;
    /// `a` where `m`, else `b`.
    fn select(m: Self::M, a: Self, b: Self) -> Self;
    fn m_and(a: Self::M, b: Self::M) -> Self::M;
    fn m_or(a: Self::M, b: Self::M) -> Self::M;
    /// The mask as bits, lane `i` in bit `i`.
    fn m_bits(m: Self::M) -> u32;

    #[inline(always)]
    fn abs(self) -> Self {
        Self::splat_bits(SIGN32).andnot(self)
    }
    #[inline(always)]
    fn neg(self) -> Self {
        self.xor(Self::splat_bits(SIGN32))
    }
    /// The sign bit of each lane, other bits zero.
    #[inline(always)]
    fn sign_bits(self) -> Self {
        self.and(Self::splat_bits(SIGN32))
    }
    #[inline(always)]
    fn gt(self, o: Self) -> Self::M {
        o.lt(self)
    }
    #[inline(always)]
    fn any(m: Self::M) -> bool {
        Self::m_bits(m) != 0
    }
}

/// The sign bit of an `f32`.
pub(super) const SIGN32: u32 = 0x8000_0000;

/// `2^23 + 2^22`: adding it to an integer-valued `f32` of magnitude below `2^22` puts the
/// integer, two's complement, in the low bits of the sum.
pub(super) const MAGIC32: f32 = 12_582_912.0;

/// `2^k` for integer-valued `k` in `[-126, 127]`: `k + MAGIC32` holds `k` in its low bits,
/// which shifted into the exponent field and biased give the power.
#[inline(always)]
pub(super) fn pow2_32<V: Vf32>(k: V) -> V {
    k.add(V::splat(MAGIC32)).shl::<23>().add_i32(V::splat_bits(127 << 23))
}

/// The portable tier: one lane.
#[derive(Clone, Copy)]
pub(super) struct S32(pub(super) f32);

impl Vf32 for S32 {
    const LANES: usize = 1;
    type M = bool;
    #[inline(always)]
    unsafe fn load(p: *const f32) -> Self {
        // SAFETY: the caller guarantees one readable `f32` at `p`.
        S32(unsafe { p.read_unaligned() })
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f32) {
        // SAFETY: the caller guarantees one writable `f32` at `p`.
        unsafe { p.write_unaligned(self.0) }
    }
    #[inline(always)]
    fn splat(x: f32) -> Self {
        S32(x)
    }
    #[inline(always)]
    fn splat_bits(b: u32) -> Self {
        S32(f32::from_bits(b))
    }
    #[inline(always)]
    fn add(self, o: Self) -> Self {
        S32(self.0 + o.0)
    }
    #[inline(always)]
    fn sub(self, o: Self) -> Self {
        S32(self.0 - o.0)
    }
    #[inline(always)]
    fn mul(self, o: Self) -> Self {
        S32(self.0 * o.0)
    }
    #[inline(always)]
    fn div(self, o: Self) -> Self {
        S32(self.0 / o.0)
    }
    #[inline(always)]
    fn fma(self, b: Self, c: Self) -> Self {
        S32(self.0.mul_add(b.0, c.0))
    }
    #[inline(always)]
    fn round(self) -> Self {
        S32(self.0.round_ties_even())
    }
    #[inline(always)]
    fn and(self, o: Self) -> Self {
        S32(f32::from_bits(self.0.to_bits() & o.0.to_bits()))
    }
    #[inline(always)]
    fn or(self, o: Self) -> Self {
        S32(f32::from_bits(self.0.to_bits() | o.0.to_bits()))
    }
    #[inline(always)]
    fn xor(self, o: Self) -> Self {
        S32(f32::from_bits(self.0.to_bits() ^ o.0.to_bits()))
    }
    #[inline(always)]
    fn andnot(self, o: Self) -> Self {
        S32(f32::from_bits(!self.0.to_bits() & o.0.to_bits()))
    }
    #[inline(always)]
    fn shl<const N: u32>(self) -> Self {
        S32(f32::from_bits(self.0.to_bits() << N))
    }
    #[inline(always)]
    fn shr<const N: u32>(self) -> Self {
        S32(f32::from_bits(self.0.to_bits() >> N))
    }
    #[inline(always)]
    fn add_i32(self, o: Self) -> Self {
        S32(f32::from_bits(self.0.to_bits().wrapping_add(o.0.to_bits())))
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
    fn m_bits(m: bool) -> u32 {
        u32::from(m)
    }
}

#[cfg(target_arch = "x86_64")]
pub(super) use x86::{Avx2x8, Avx512x16};

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::Vf32;
    use std::arch::x86_64::{
        __m256, __m512, __mmask16, _CMP_EQ_OQ, _CMP_LE_OQ, _CMP_LT_OQ, _CMP_UNORD_Q, _MM_FROUND_NO_EXC,
        _MM_FROUND_TO_NEAREST_INT, _mm_set_epi64x, _mm256_add_epi32, _mm256_add_ps, _mm256_and_ps, _mm256_andnot_ps,
        _mm256_blendv_ps, _mm256_castps_si256, _mm256_castsi256_ps, _mm256_cmp_ps, _mm256_div_ps, _mm256_fmadd_ps,
        _mm256_loadu_ps, _mm256_movemask_ps, _mm256_mul_ps, _mm256_or_ps, _mm256_round_ps, _mm256_set1_ps,
        _mm256_sll_epi32, _mm256_srl_epi32, _mm256_storeu_ps, _mm256_sub_ps, _mm256_xor_ps, _mm512_add_epi32,
        _mm512_add_ps, _mm512_and_si512, _mm512_andnot_si512, _mm512_castps_si512, _mm512_castsi512_ps,
        _mm512_cmp_ps_mask, _mm512_div_ps, _mm512_fmadd_ps, _mm512_loadu_ps, _mm512_mask_blend_ps, _mm512_mul_ps,
        _mm512_or_si512, _mm512_roundscale_ps, _mm512_set1_ps, _mm512_slli_epi32, _mm512_srli_epi32, _mm512_storeu_ps,
        _mm512_sub_ps, _mm512_xor_si512,
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

    /// Sixteen `f32` lanes of AVX-512F.
    #[derive(Clone, Copy)]
    pub(in crate::math) struct Avx512x16(__m512);

    /// The integer view of a vector, an integer operation, and back.
    macro_rules! int512 {
        ($op:ident, $a:expr, $b:expr) => {
            Avx512x16(feat!(_mm512_castsi512_ps($op(_mm512_castps_si512($a), _mm512_castps_si512($b)))))
        };
    }

    impl Vf32 for Avx512x16 {
        const LANES: usize = 16;
        type M = __mmask16;
        #[inline(always)]
        unsafe fn load(p: *const f32) -> Self {
            // SAFETY: the caller guarantees 16 readable values; the features as in `feat!`.
            Avx512x16(unsafe { _mm512_loadu_ps(p) })
        }
        #[inline(always)]
        unsafe fn store(self, p: *mut f32) {
            // SAFETY: the caller guarantees 16 writable values; the features as in `feat!`.
            unsafe { _mm512_storeu_ps(p, self.0) }
        }
        #[inline(always)]
        fn splat(x: f32) -> Self {
            Avx512x16(feat!(_mm512_set1_ps(x)))
        }
        #[inline(always)]
        fn splat_bits(b: u32) -> Self {
            Avx512x16(feat!(_mm512_set1_ps(f32::from_bits(b))))
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Avx512x16(feat!(_mm512_add_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn sub(self, o: Self) -> Self {
            Avx512x16(feat!(_mm512_sub_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn mul(self, o: Self) -> Self {
            Avx512x16(feat!(_mm512_mul_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn div(self, o: Self) -> Self {
            Avx512x16(feat!(_mm512_div_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn fma(self, b: Self, c: Self) -> Self {
            Avx512x16(feat!(_mm512_fmadd_ps(self.0, b.0, c.0)))
        }
        #[inline(always)]
        fn round(self) -> Self {
            Avx512x16(feat!(_mm512_roundscale_ps::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(self.0)))
        }
        #[inline(always)]
        fn and(self, o: Self) -> Self {
            int512!(_mm512_and_si512, self.0, o.0)
        }
        #[inline(always)]
        fn or(self, o: Self) -> Self {
            int512!(_mm512_or_si512, self.0, o.0)
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            int512!(_mm512_xor_si512, self.0, o.0)
        }
        #[inline(always)]
        fn andnot(self, o: Self) -> Self {
            int512!(_mm512_andnot_si512, self.0, o.0)
        }
        #[inline(always)]
        fn shl<const N: u32>(self) -> Self {
            Avx512x16(feat!(_mm512_castsi512_ps(_mm512_slli_epi32::<N>(_mm512_castps_si512(self.0)))))
        }
        #[inline(always)]
        fn shr<const N: u32>(self) -> Self {
            Avx512x16(feat!(_mm512_castsi512_ps(_mm512_srli_epi32::<N>(_mm512_castps_si512(self.0)))))
        }
        #[inline(always)]
        fn add_i32(self, o: Self) -> Self {
            int512!(_mm512_add_epi32, self.0, o.0)
        }
        #[inline(always)]
        fn lt(self, o: Self) -> __mmask16 {
            feat!(_mm512_cmp_ps_mask::<_CMP_LT_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn le(self, o: Self) -> __mmask16 {
            feat!(_mm512_cmp_ps_mask::<_CMP_LE_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn eq(self, o: Self) -> __mmask16 {
            feat!(_mm512_cmp_ps_mask::<_CMP_EQ_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn is_nan(self) -> __mmask16 {
            feat!(_mm512_cmp_ps_mask::<_CMP_UNORD_Q>(self.0, self.0))
        }
        #[inline(always)]
        fn select(m: __mmask16, a: Self, b: Self) -> Self {
            Avx512x16(feat!(_mm512_mask_blend_ps(m, b.0, a.0)))
        }
        #[inline(always)]
        fn m_and(a: __mmask16, b: __mmask16) -> __mmask16 {
            a & b
        }
        #[inline(always)]
        fn m_or(a: __mmask16, b: __mmask16) -> __mmask16 {
            a | b
        }
        #[inline(always)]
        fn m_bits(m: __mmask16) -> u32 {
            u32::from(m)
        }
    }

    /// Eight `f32` lanes of AVX2 with FMA.
    #[derive(Clone, Copy)]
    pub(in crate::math) struct Avx2x8(__m256);

    impl Vf32 for Avx2x8 {
        const LANES: usize = 8;
        type M = __m256;
        #[inline(always)]
        unsafe fn load(p: *const f32) -> Self {
            // SAFETY: the caller guarantees 8 readable values; the features as in `feat!`.
            Avx2x8(unsafe { _mm256_loadu_ps(p) })
        }
        #[inline(always)]
        unsafe fn store(self, p: *mut f32) {
            // SAFETY: the caller guarantees 8 writable values; the features as in `feat!`.
            unsafe { _mm256_storeu_ps(p, self.0) }
        }
        #[inline(always)]
        fn splat(x: f32) -> Self {
            Avx2x8(feat!(_mm256_set1_ps(x)))
        }
        #[inline(always)]
        fn splat_bits(b: u32) -> Self {
            Avx2x8(feat!(_mm256_set1_ps(f32::from_bits(b))))
        }
        #[inline(always)]
        fn add(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_add_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn sub(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_sub_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn mul(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_mul_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn div(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_div_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn fma(self, b: Self, c: Self) -> Self {
            Avx2x8(feat!(_mm256_fmadd_ps(self.0, b.0, c.0)))
        }
        #[inline(always)]
        fn round(self) -> Self {
            Avx2x8(feat!(_mm256_round_ps::<{ _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC }>(self.0)))
        }
        #[inline(always)]
        fn and(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_and_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn or(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_or_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn xor(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_xor_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn andnot(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_andnot_ps(self.0, o.0)))
        }
        #[inline(always)]
        fn shl<const N: u32>(self) -> Self {
            Avx2x8(feat!(_mm256_castsi256_ps(_mm256_sll_epi32(
                _mm256_castps_si256(self.0),
                _mm_set_epi64x(0, i64::from(N))
            ))))
        }
        #[inline(always)]
        fn shr<const N: u32>(self) -> Self {
            Avx2x8(feat!(_mm256_castsi256_ps(_mm256_srl_epi32(
                _mm256_castps_si256(self.0),
                _mm_set_epi64x(0, i64::from(N))
            ))))
        }
        #[inline(always)]
        fn add_i32(self, o: Self) -> Self {
            Avx2x8(feat!(_mm256_castsi256_ps(_mm256_add_epi32(_mm256_castps_si256(self.0), _mm256_castps_si256(o.0)))))
        }
        #[inline(always)]
        fn lt(self, o: Self) -> __m256 {
            feat!(_mm256_cmp_ps::<_CMP_LT_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn le(self, o: Self) -> __m256 {
            feat!(_mm256_cmp_ps::<_CMP_LE_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn eq(self, o: Self) -> __m256 {
            feat!(_mm256_cmp_ps::<_CMP_EQ_OQ>(self.0, o.0))
        }
        #[inline(always)]
        fn is_nan(self) -> __m256 {
            feat!(_mm256_cmp_ps::<_CMP_UNORD_Q>(self.0, self.0))
        }
        #[inline(always)]
        fn select(m: __m256, a: Self, b: Self) -> Self {
            Avx2x8(feat!(_mm256_blendv_ps(b.0, a.0, m)))
        }
        #[inline(always)]
        fn m_and(a: __m256, b: __m256) -> __m256 {
            feat!(_mm256_and_ps(a, b))
        }
        #[inline(always)]
        fn m_or(a: __m256, b: __m256) -> __m256 {
            feat!(_mm256_or_ps(a, b))
        }
        #[inline(always)]
        #[allow(clippy::cast_sign_loss, reason = "movemask gives 8 bits")]
        fn m_bits(m: __m256) -> u32 {
            feat!(_mm256_movemask_ps(m)) as u32
        }
    }
}
