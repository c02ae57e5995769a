//! Real floating-point kernels with NumPy's exact results: rounding, `copysign`,
//! `nextafter`, `spacing`, `frexp`, `ldexp`, `fmod`, `modf`, `divmod`, `sign`,
//! `heaviside`, the NaN rules of `maximum`/`minimum` and `fmax`/`fmin`, unit conversions,
//! `square`, `reciprocal`, `absolute` and the classification functions.
//!
//! `float16` is computed as NumPy computes it: through `float32`, rounded once to
//! `float16` (its bit-level functions — `copysign`, `nextafter`, `spacing`, `absolute` —
//! work on the `float16` bits, as NumPy's do).

use nprs_core::ops::ElemRem;
use nprs_core::{Element, f16};

use super::fpe;
use super::shared::{ElemExtrema, ElemRounding};

/// The real floating-point kernels (`float16`, `float32`, `float64`).
pub trait ElemFloat: Element + ElemRem + ElemExtrema + ElemRounding {
    /// Round to the nearest integer, ties to even.
    fn rint(self) -> Self;
    /// The magnitude of `self` with the sign of `b`.
    fn copysign(self, b: Self) -> Self;
    /// The next representable value after `self` toward `b` (C's `nextafter`): raises
    /// overflow when it steps from a finite value to infinity and underflow when the result
    /// is subnormal or zero.
    fn nextafter(self, b: Self) -> Self;
    /// The distance to the next value of larger magnitude, signed as `self` (NaN for ±inf;
    /// `float16` returns magnitudes, as NumPy's `npy_half_spacing`); raises overflow at the
    /// largest finite value and underflow for subnormal arguments, as NumPy.
    fn spacing(self) -> Self;
    /// `(m, e)` with `self = m * 2**e`, `0.5 <= |m| < 1`; `(x, 0)` for 0, ±inf and NaN.
    fn frexp(self) -> (Self, i32);
    /// `self * 2**e`, correctly rounded (also into the subnormal range).
    fn ldexp(self, e: i32) -> Self;
    /// `ldexp` with a 64-bit exponent, clamped to the `int` range as NumPy's `ldexp` loop
    /// for `int64` exponents does.
    fn ldexp_i64(self, e: i64) -> Self {
        #[allow(clippy::cast_possible_truncation)]
        let e = e.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        self.ldexp(e)
    }
    /// C's `fmod` (the sign of `self`).
    fn fmod(self, b: Self) -> Self;
    /// `(fractional part, integral part)`, both with the sign of `self` (`modf(inf)` is
    /// `(0, inf)`).
    fn modf(self) -> (Self, Self);
    /// `(floor_divide, remainder)`, NumPy's `divmod`.
    fn divmod(self, b: Self) -> (Self, Self) {
        (ElemRem::floor_div(self, b), ElemRem::rem(self, b))
    }
    /// True when the sign bit is set (also for -0.0 and negative NaNs).
    fn signbit(self) -> bool;
    /// -1, 0 (for ±0) or 1; NaN for NaN.
    fn sign(self) -> Self;
    /// 0 for `x < 0`, `h0` for `x == 0`, 1 for `x > 0`, NaN for NaN.
    fn heaviside(self, h0: Self) -> Self;
    /// `x * (pi / 180)`.
    fn deg2rad(self) -> Self;
    /// `x * (180 / pi)`.
    fn rad2deg(self) -> Self;
    /// `x * x`.
    fn square(self) -> Self;
    /// `1 / x`.
    fn reciprocal(self) -> Self;
    /// `|x|` (`fabs`, `absolute`).
    fn absolute(self) -> Self;
    /// `x ** y`, C's `pow` (`float16` through `float32`). NumPy's `float32`/`float64`
    /// `power` loops on AVX-512 machines call a vector `pow` instead, within one ULP of it;
    /// `float_power` (`float64`) calls C's `pow` as this kernel does.
    fn power(self, y: Self) -> Self;
    /// `log(exp(x) + exp(y))` by NumPy's formula: `x + ln 2` for `x == y` (so that equal
    /// infinities give no NaN), else the larger plus `log1p(exp(-|x - y|))`; a NaN operand
    /// raises invalid, as NumPy's comparisons do.
    fn logaddexp(self, y: Self) -> Self;
    /// `log2(2**x + 2**y)` by NumPy's formula (as [`logaddexp`](Self::logaddexp) in base 2).
    fn logaddexp2(self, y: Self) -> Self;
    /// NaN test.
    fn isnan(self) -> bool;
    /// ±inf test.
    fn isinf(self) -> bool;
    /// Neither NaN nor ±inf.
    fn isfinite(self) -> bool;
}

macro_rules! float_kernels {
    ($($t:ident, $bits:ty, $expmask:expr, $mant:expr, $bias:expr);*) => {$(
        impl ElemRounding for $t {
            #[inline(always)]
            fn floor(self) -> Self { <$t>::floor(self) }
            #[inline(always)]
            fn ceil(self) -> Self { <$t>::ceil(self) }
            #[inline(always)]
            fn trunc(self) -> Self { <$t>::trunc(self) }
        }

        /// NumPy's vector loops: between equal operands (`-0.0`, `0.0`) the second one
        /// (`fmax`/`fmin`: NumPy's scalar tail may keep either).
        impl ElemExtrema for $t {
            #[inline(always)]
            fn maximum(self, b: Self) -> Self {
                if self.is_nan() || self > b { self } else { b }
            }
            #[inline(always)]
            fn minimum(self, b: Self) -> Self {
                if self.is_nan() || self < b { self } else { b }
            }
            #[inline(always)]
            fn fmax(self, b: Self) -> Self {
                if b.is_nan() || self > b { self } else { b }
            }
            #[inline(always)]
            fn fmin(self, b: Self) -> Self {
                if b.is_nan() || self < b { self } else { b }
            }
        }

        impl ElemFloat for $t {
            #[inline(always)]
            fn rint(self) -> Self { <$t>::round_ties_even(self) }
            #[inline(always)]
            fn copysign(self, b: Self) -> Self { <$t>::copysign(self, b) }

            #[inline]
            fn nextafter(self, b: Self) -> Self {
                if self.is_nan() || b.is_nan() {
                    return self + b;
                }
                if self == b {
                    return b;
                }
                let bits = self.to_bits();
                let next = if self == 0.0 {
                    (b.to_bits() & !(<$bits>::MAX >> 1)) | 1
                } else if (self < b) == (self > 0.0) {
                    bits + 1
                } else {
                    bits - 1
                };
                let r = <$t>::from_bits(next);
                if next & $expmask == $expmask {
                    fpe::overflow();
                } else if next & $expmask == 0 {
                    fpe::underflow();
                }
                r
            }

            #[inline]
            fn spacing(self) -> Self {
                if self.is_infinite() {
                    return <$t>::NAN;
                }
                if self.is_nan() {
                    return self;
                }
                // One step away from zero in the bits (+min subnormal from ±0).
                let bits = self.to_bits();
                let next = if bits & (<$bits>::MAX >> 1) == 0 { 1 } else { bits + 1 };
                if next & $expmask == $expmask {
                    fpe::overflow();
                    return <$t>::INFINITY.copysign(self) - self;
                }
                // NumPy reports underflow for a subnormal argument only (not for ±0).
                if bits & $expmask == 0 && self != 0.0 {
                    fpe::underflow();
                }
                <$t>::from_bits(next) - self
            }

            #[inline]
            #[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
            fn frexp(self) -> (Self, i32) {
                if self == 0.0 || !self.is_finite() {
                    return (self, 0);
                }
                let (x, shift) = if self.to_bits() & $expmask == 0 {
                    // Subnormal: scale into the normal range first (exact).
                    (self * <$t>::from_bits((($mant + 2 + $bias) as $bits) << $mant), $mant + 2)
                } else {
                    (self, 0)
                };
                let bits = x.to_bits();
                let e = ((bits & $expmask) >> $mant) as i32 - ($bias - 1) - shift;
                let m = <$t>::from_bits((bits & !$expmask) | ((($bias - 1) as $bits) << $mant));
                (m, e)
            }

            #[inline]
            fn ldexp(self, e: i32) -> Self {
                // Scale in at most three exact steps and one final rounding step: the
                // rounding into the subnormal range happens once, in the last product.
                let pow2 = |k: i32| <$t>::from_bits(((k + $bias) as $bits) << $mant);
                let (max_e, min_e) = ($bias, 1 - $bias);
                let mut x = self;
                let mut n = e;
                if n > max_e {
                    x *= pow2(max_e);
                    n -= max_e;
                    if n > max_e {
                        x *= pow2(max_e);
                        n -= max_e;
                        n = n.min(max_e);
                    }
                } else if n < min_e {
                    // 2**min_e * 2**(mant+1): keeps the intermediate normal.
                    let step = min_e + $mant + 1;
                    x *= pow2(step);
                    n -= step;
                    if n < min_e {
                        x *= pow2(step);
                        n -= step;
                        n = n.max(min_e);
                    }
                }
                x * pow2(n)
            }

            #[inline(always)]
            fn fmod(self, b: Self) -> Self { self % b }

            #[inline]
            fn modf(self) -> (Self, Self) {
                if self.is_infinite() {
                    return ((0.0 as $t).copysign(self), self);
                }
                let i = <$t>::trunc(self);
                // `self - i` is exact; a zero fraction keeps the sign of `self`.
                ((self - i).copysign(self), i)
            }

            #[inline(always)]
            fn signbit(self) -> bool { self.is_sign_negative() }
            #[inline(always)]
            fn sign(self) -> Self {
                if self > 0.0 { 1.0 } else if self < 0.0 { -1.0 } else if self == 0.0 { 0.0 } else { self }
            }
            #[inline(always)]
            fn heaviside(self, h0: Self) -> Self {
                if self.is_nan() { <$t>::NAN } else if self == 0.0 { h0 } else if self < 0.0 { 0.0 } else { 1.0 }
            }
            #[inline(always)]
            fn deg2rad(self) -> Self {
                const K: $t = core::$t::consts::PI / 180.0;
                self * K
            }
            #[inline(always)]
            fn rad2deg(self) -> Self {
                const K: $t = 180.0 / core::$t::consts::PI;
                self * K
            }
            #[inline(always)]
            fn square(self) -> Self { self * self }
            #[inline(always)]
            fn reciprocal(self) -> Self { 1.0 / self }
            #[inline(always)]
            fn absolute(self) -> Self { self.abs() }
            #[inline(always)]
            fn power(self, y: Self) -> Self { self.powf(y) }
            #[inline]
            fn logaddexp(self, y: Self) -> Self {
                if self == y {
                    return self + core::$t::consts::LN_2;
                }
                let d = self - y;
                if d > 0.0 {
                    self + (-d).exp().ln_1p()
                } else if d <= 0.0 {
                    y + d.exp().ln_1p()
                } else {
                    // NumPy's ordered comparisons of a NaN signal invalid.
                    fpe::invalid();
                    d
                }
            }
            #[inline]
            fn logaddexp2(self, y: Self) -> Self {
                if self == y {
                    return self + 1.0;
                }
                let d = self - y;
                if d > 0.0 {
                    self + core::$t::consts::LOG2_E * (-d).exp2().ln_1p()
                } else if d <= 0.0 {
                    y + core::$t::consts::LOG2_E * d.exp2().ln_1p()
                } else {
                    fpe::invalid();
                    d
                }
            }
            #[inline(always)]
            fn isnan(self) -> bool { self.is_nan() }
            #[inline(always)]
            fn isinf(self) -> bool { self.is_infinite() }
            #[inline(always)]
            fn isfinite(self) -> bool { self.is_finite() }
        }
    )*};
}

float_kernels!(f32, u32, 0x7f80_0000u32, 23, 127; f64, u64, 0x7ff0_0000_0000_0000u64, 52, 1023);

/// Runs an `f32` function on `float16` operands and rounds the result once.
#[inline(always)]
fn via32(x: f16, f: impl Fn(f32) -> f32) -> f16 {
    f16::from_f32(f(x.to_f32()))
}

const H_EXP: u16 = 0x7c00;
const H_SIG: u16 = 0x03ff;

impl ElemRounding for f16 {
    #[inline(always)]
    fn floor(self) -> Self {
        via32(self, f32::floor)
    }
    #[inline(always)]
    fn ceil(self) -> Self {
        via32(self, f32::ceil)
    }
    #[inline(always)]
    fn trunc(self) -> Self {
        via32(self, f32::trunc)
    }
}

/// NumPy's `float16` loops are scalar: between equal operands (`-0.0`, `0.0`) they keep
/// the first one.
impl ElemExtrema for f16 {
    #[inline(always)]
    fn maximum(self, b: Self) -> Self {
        if self.is_nan() || self.to_f32() >= b.to_f32() { self } else { b }
    }
    #[inline(always)]
    fn minimum(self, b: Self) -> Self {
        if self.is_nan() || self.to_f32() <= b.to_f32() { self } else { b }
    }
    #[inline(always)]
    fn fmax(self, b: Self) -> Self {
        if b.is_nan() || self.to_f32() >= b.to_f32() { self } else { b }
    }
    #[inline(always)]
    fn fmin(self, b: Self) -> Self {
        if b.is_nan() || self.to_f32() <= b.to_f32() { self } else { b }
    }
}

impl ElemFloat for f16 {
    #[inline(always)]
    fn rint(self) -> Self {
        via32(self, f32::round_ties_even)
    }
    #[inline(always)]
    fn copysign(self, b: Self) -> Self {
        f16::from_bits((self.to_bits() & 0x7fff) | (b.to_bits() & 0x8000))
    }

    fn nextafter(self, b: Self) -> Self {
        let (x, y) = (self.to_bits(), b.to_bits());
        let r = if self.is_nan() || b.is_nan() {
            return f16::NAN;
        } else if self == b {
            // NumPy 2.4's float16 loop keeps `x` when the two compare equal (±0).
            x
        } else if x & 0x7fff == 0 {
            (y & 0x8000) + 1
        } else if x & 0x8000 == 0 {
            if x as i16 > y as i16 { x - 1 } else { x + 1 }
        } else if y & 0x8000 == 0 || (x & 0x7fff) > (y & 0x7fff) {
            x - 1
        } else {
            x + 1
        };
        let r = f16::from_bits(r);
        if r.is_infinite() && self.is_finite() {
            fpe::overflow();
        }
        r
    }

    fn spacing(self) -> Self {
        let h = self.to_bits();
        let (h_exp, h_sig) = (h & H_EXP, h & H_SIG);
        let r = if h_exp == H_EXP {
            fpe::invalid();
            return f16::NAN;
        } else if h == 0x7bff {
            fpe::overflow();
            return f16::INFINITY;
        } else if h & 0x8000 != 0 && h_sig == 0 {
            if h_exp > 0x2c00 {
                h_exp - 0x2c00
            } else if h_exp > 0x0400 {
                1 << ((h_exp >> 10) - 2)
            } else {
                1
            }
        } else if h_exp > 0x2800 {
            h_exp - 0x2800
        } else if h_exp > 0x0400 {
            1 << ((h_exp >> 10) - 1)
        } else {
            1
        };
        f16::from_bits(r)
    }

    fn frexp(self) -> (Self, i32) {
        let (m, e) = self.to_f32().frexp();
        (f16::from_f32(m), e)
    }
    fn ldexp(self, e: i32) -> Self {
        f16::from_f32(self.to_f32().ldexp(e))
    }
    #[inline(always)]
    fn fmod(self, b: Self) -> Self {
        f16::from_f32(self.to_f32() % b.to_f32())
    }
    fn modf(self) -> (Self, Self) {
        let (f, i) = self.to_f32().modf();
        (f16::from_f32(f), f16::from_f32(i))
    }
    #[inline(always)]
    fn signbit(self) -> bool {
        self.to_bits() & 0x8000 != 0
    }
    #[inline(always)]
    fn sign(self) -> Self {
        via32(self, f32::sign)
    }
    #[inline(always)]
    fn heaviside(self, h0: Self) -> Self {
        f16::from_f32(self.to_f32().heaviside(h0.to_f32()))
    }
    #[inline(always)]
    fn deg2rad(self) -> Self {
        via32(self, f32::deg2rad)
    }
    #[inline(always)]
    fn rad2deg(self) -> Self {
        via32(self, f32::rad2deg)
    }
    #[inline(always)]
    fn square(self) -> Self {
        via32(self, f32::square)
    }
    #[inline(always)]
    fn reciprocal(self) -> Self {
        via32(self, f32::reciprocal)
    }
    #[inline(always)]
    fn absolute(self) -> Self {
        f16::from_bits(self.to_bits() & 0x7fff)
    }
    #[inline(always)]
    fn power(self, y: Self) -> Self {
        f16::from_f32(self.to_f32().powf(y.to_f32()))
    }
    #[inline(always)]
    fn logaddexp(self, y: Self) -> Self {
        f16::from_f32(self.to_f32().logaddexp(y.to_f32()))
    }
    #[inline(always)]
    fn logaddexp2(self, y: Self) -> Self {
        f16::from_f32(self.to_f32().logaddexp2(y.to_f32()))
    }
    #[inline(always)]
    fn isnan(self) -> bool {
        self.is_nan()
    }
    #[inline(always)]
    fn isinf(self) -> bool {
        self.is_infinite()
    }
    #[inline(always)]
    fn isfinite(self) -> bool {
        self.is_finite()
    }
}
