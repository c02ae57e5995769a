//! Integer and bool kernels: bitwise operations, shifts, `bitwise_count`, `gcd`/`lcm`,
//! integer `power`, `reciprocal`, `absolute`, `sign`, `square`, `fmod` and `divmod`, with
//! NumPy's results for every input (wrapping, shifts of any count, zero divisors).

use nprs_core::Element;
use nprs_core::ops::ElemRem;

use super::fpe;

/// NumPy's `ValueError` for a negative exponent in an integer `power`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NegativeIntPower;

impl NegativeIntPower {
    /// NumPy's message: "Integers to negative integer powers are not allowed."
    pub const MESSAGE: &'static str = "Integers to negative integer powers are not allowed.";
}

impl std::fmt::Display for NegativeIntPower {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Self::MESSAGE)
    }
}

/// `bitwise_and`, `bitwise_or`, `bitwise_xor` and `invert` (`bitwise_not`) of bool and
/// integer elements; for bool, `invert` is logical not.
pub trait ElemBitwise: Element {
    /// `a & b`
    fn bitwise_and(self, b: Self) -> Self;
    /// `a | b`
    fn bitwise_or(self, b: Self) -> Self;
    /// `a ^ b`
    fn bitwise_xor(self, b: Self) -> Self;
    /// `~a` (`not a` for bool)
    fn invert(self) -> Self;
}

/// The integer-only kernels of NumPy's integer loops.
pub trait ElemInt: Element + ElemRem {
    /// `a << b`; 0 when `b` is negative or at least the width.
    fn left_shift(self, b: Self) -> Self;
    /// `a >> b` (arithmetic for signed types); when `b` is negative or at least the width,
    /// 0 for non-negative `a` and -1 for negative `a`.
    fn right_shift(self, b: Self) -> Self;
    /// The number of one bits of `|a|` (`bitwise_count`, result `uint8`).
    fn bitwise_count(self) -> u8;
    /// The greatest common divisor of `|a|` and `|b|`, wrapped to the type (`gcd(MIN, 0)`
    /// is `MIN`).
    fn gcd(self, b: Self) -> Self;
    /// The least common multiple `|a| / gcd * |b|`, wrapping; 0 when either is 0.
    fn lcm(self, b: Self) -> Self;
    /// `a ** b` with wrapping multiplication.
    ///
    /// # Errors
    /// [`NegativeIntPower`] for a negative `b` (NumPy's `ValueError`).
    fn power(self, b: Self) -> Result<Self, NegativeIntPower>;
    /// `(T)(1.0 / a)`: 1 and -1 are their own reciprocals, other non-zero values give 0, and
    /// 0 gives NumPy's value for its platform conversion of infinity (the minimum for
    /// int32/int64, 0 otherwise) and raises divide-by-zero.
    fn reciprocal(self) -> Self;
    /// `|a|`, wrapping (`absolute(MIN)` is `MIN`).
    fn absolute(self) -> Self;
    /// -1, 0 or 1.
    fn sign(self) -> Self;
    /// `a * a`, wrapping.
    fn square(self) -> Self;
    /// C's `a % b` (the sign of `a`); 0 for a zero divisor, which raises divide-by-zero.
    fn fmod(self, b: Self) -> Self;
    /// `(a // b, a % b)` as NumPy's `divmod`: `(0, 0)` for a zero divisor (raising
    /// divide-by-zero), `(MIN, 0)` for `MIN // -1` (raising overflow).
    fn divmod(self, b: Self) -> (Self, Self);
}

impl ElemBitwise for bool {
    #[inline(always)]
    fn bitwise_and(self, b: Self) -> Self {
        self & b
    }
    #[inline(always)]
    fn bitwise_or(self, b: Self) -> Self {
        self | b
    }
    #[inline(always)]
    fn bitwise_xor(self, b: Self) -> Self {
        self ^ b
    }
    #[inline(always)]
    fn invert(self) -> Self {
        !self
    }
}

/// What `(T)(1.0 / 0)` gives in NumPy's integer `reciprocal` loops on x86-64.
trait RecipZero {
    const RECIP_ZERO: Self;
}
macro_rules! recip_zero {
    ($($t:ty => $v:expr),*) => {$( impl RecipZero for $t { const RECIP_ZERO: Self = $v; } )*};
}
recip_zero!(i8 => 0, i16 => 0, i32 => i32::MIN, i64 => i64::MIN, u8 => 0, u16 => 0, u32 => 0, u64 => 0);

macro_rules! int_kernels {
    ($($t:ty, $u:ty, $signed:expr);*) => {$(
        impl ElemBitwise for $t {
            #[inline(always)]
            fn bitwise_and(self, b: Self) -> Self { self & b }
            #[inline(always)]
            fn bitwise_or(self, b: Self) -> Self { self | b }
            #[inline(always)]
            fn bitwise_xor(self, b: Self) -> Self { self ^ b }
            #[inline(always)]
            fn invert(self) -> Self { !self }
        }

        impl ElemInt for $t {
            #[inline(always)]
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation)]
            fn left_shift(self, b: Self) -> Self {
                // A negative count reinterpreted as unsigned is at least the width.
                if (b as $u) < <$t>::BITS as $u { self << b } else { 0 }
            }
            #[inline(always)]
            #[allow(clippy::cast_sign_loss, clippy::cast_possible_truncation, unused_comparisons)]
            fn right_shift(self, b: Self) -> Self {
                if (b as $u) < <$t>::BITS as $u {
                    self >> b
                } else if self < 0 {
                    !0
                } else {
                    0
                }
            }
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation)]
            fn bitwise_count(self) -> u8 {
                self.unsigned_abs_wrapping().count_ones() as u8
            }
            #[inline(always)]
            fn gcd(self, b: Self) -> Self {
                let (mut a, mut b) = (self.unsigned_abs_wrapping(), b.unsigned_abs_wrapping());
                while a != 0 {
                    let c = a;
                    a = b % a;
                    b = c;
                }
                b as $t
            }
            #[inline(always)]
            fn lcm(self, b: Self) -> Self {
                let g = self.gcd(b) as $u;
                if g == 0 {
                    return 0;
                }
                (self.unsigned_abs_wrapping() / g).wrapping_mul(b.unsigned_abs_wrapping()) as $t
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn power(self, b: Self) -> Result<Self, NegativeIntPower> {
                if b < 0 {
                    return Err(NegativeIntPower);
                }
                let (mut base, mut e, mut out): (Self, Self, Self) = (self, b, 1);
                while e > 0 {
                    if e & 1 == 1 {
                        out = out.wrapping_mul(base);
                    }
                    base = base.wrapping_mul(base);
                    e >>= 1;
                }
                Ok(out)
            }
            #[inline(always)]
            #[allow(clippy::cast_possible_truncation, clippy::cast_lossless, clippy::cast_precision_loss)]
            fn reciprocal(self) -> Self {
                if self == 0 {
                    fpe::divide();
                    return <$t as RecipZero>::RECIP_ZERO;
                }
                // |1/a| <= 1: the conversion back is exact and cannot overflow.
                (1.0 / self as f64) as $t
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn absolute(self) -> Self {
                if self < 0 { (0 as $t).wrapping_sub(self) } else { self }
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn sign(self) -> Self {
                if self > 0 { 1 } else if self < 0 { (0 as $t).wrapping_sub(1) } else { 0 }
            }
            #[inline(always)]
            fn square(self) -> Self {
                self.wrapping_mul(self)
            }
            #[inline(always)]
            fn fmod(self, b: Self) -> Self {
                if b == 0 {
                    fpe::divide();
                    return 0;
                }
                self.wrapping_rem(b)
            }
            #[inline(always)]
            #[allow(unused_comparisons)]
            fn divmod(self, b: Self) -> (Self, Self) {
                if b == 0 {
                    fpe::divide();
                    return (0, 0);
                }
                if $signed && self == <$t>::MIN && b == (0 as $t).wrapping_sub(1) {
                    fpe::overflow();
                    return (<$t>::MIN, 0);
                }
                (ElemRem::floor_div(self, b), ElemRem::rem(self, b))
            }
        }
    )*};
}

/// `|a|` as the unsigned type of the same width (exact, also for `MIN`).
trait UnsignedAbs {
    type U;
    fn unsigned_abs_wrapping(self) -> Self::U;
}
macro_rules! unsigned_abs {
    (signed: $($t:ty => $u:ty),*; unsigned: $($v:ty),*) => {
        $(impl UnsignedAbs for $t {
            type U = $u;
            #[inline(always)]
            fn unsigned_abs_wrapping(self) -> $u { self.unsigned_abs() }
        })*
        $(impl UnsignedAbs for $v {
            type U = $v;
            #[inline(always)]
            fn unsigned_abs_wrapping(self) -> $v { self }
        })*
    };
}
unsigned_abs!(signed: i8 => u8, i16 => u16, i32 => u32, i64 => u64; unsigned: u8, u16, u32, u64);

int_kernels!(i8, u8, true; i16, u16, true; i32, u32, true; i64, u64, true;
    u8, u8, false; u16, u16, false; u32, u32, false; u64, u64, false);
