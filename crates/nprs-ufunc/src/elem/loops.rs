//! The kernels as ufunc loops: one zero-sized type per ufunc, implementing nprs-core's
//! element-kernel traits for every element type NumPy has a loop for, so that the table
//! (`src/ufunc/table.rs`) registers them.

use nprs_core::fpstatus::FpFlags;
use nprs_core::kernel::{ElemBinary, ElemBinary2, ElemUnary, ElemUnary2};
use nprs_core::{C64, C128, f16};

use super::{ElemBitwise, ElemComplex, ElemExtrema, ElemFloat, ElemInt, ElemRounding};

/// Declares marker types and implements a unary kernel trait for listed types.
macro_rules! unary {
    ($(#[$d:meta])* $K:ident: $($t:ty => $o:ty),* ; |$x:ident| $body:expr) => {
        $(#[$d])*
        pub struct $K;
        $(impl ElemUnary<$t> for $K {
            type Out = $o;
            #[inline(always)]
            fn elem($x: $t) -> $o {
                $body
            }
        })*
    };
}

/// As [`unary!`] for two inputs of one type.
macro_rules! binary {
    ($(#[$d:meta])* $K:ident: $($t:ty => $o:ty),* ; |$a:ident, $b:ident| $body:expr) => {
        $(#[$d])*
        pub struct $K;
        $(impl ElemBinary<$t> for $K {
            type Out = $o;
            #[inline(always)]
            fn elem($a: $t, $b: $t) -> $o {
                $body
            }
        })*
    };
}

/// Adds more element types to an existing marker type.
macro_rules! more_unary {
    ($K:ident: $($t:ty => $o:ty),* ; |$x:ident| $body:expr) => {
        $(impl ElemUnary<$t> for $K {
            type Out = $o;
            #[inline(always)]
            fn elem($x: $t) -> $o {
                $body
            }
        })*
    };
}

/// As [`more_unary!`] for binary kernels.
macro_rules! more_binary {
    ($K:ident: $($t:ty => $o:ty),* ; |$a:ident, $b:ident| $body:expr) => {
        $(impl ElemBinary<$t> for $K {
            type Out = $o;
            #[inline(always)]
            fn elem($a: $t, $b: $t) -> $o {
                $body
            }
        })*
    };
}

unary!(
    /// `numpy.invert` (`bitwise_not`, `bitwise_invert`): `~x`, logical not for bool.
    Invert: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64; |x| x.invert()
);
unary!(
    /// `numpy.bitwise_count`: one bits of `|x|`.
    BitwiseCount: i8 => u8, u8 => u8, i16 => u8, u16 => u8, i32 => u8, u32 => u8, i64 => u8, u64 => u8;
        |x| x.bitwise_count()
);
unary!(
    /// `numpy.floor`.
    Floor: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64, f16 => f16, f32 => f32, f64 => f64; |x| ElemRounding::floor(x)
);
unary!(
    /// `numpy.ceil`.
    Ceil: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64, f16 => f16, f32 => f32, f64 => f64; |x| ElemRounding::ceil(x)
);
unary!(
    /// `numpy.trunc` (and `numpy.fix`).
    Trunc: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64, f16 => f16, f32 => f32, f64 => f64; |x| ElemRounding::trunc(x)
);
unary!(
    /// `numpy.rint`: ties to even.
    Rint: f16 => f16, f32 => f32, f64 => f64; |x| ElemFloat::rint(x)
);
more_unary!(Rint: C64 => C64, C128 => C128; |x| ElemComplex::rint(x));
unary!(
    /// `numpy.spacing`.
    Spacing: f16 => f16, f32 => f32, f64 => f64; |x| ElemFloat::spacing(x)
);
unary!(
    /// `numpy.signbit`.
    Signbit: f16 => bool, f32 => bool, f64 => bool; |x| ElemFloat::signbit(x)
);
unary!(
    /// `numpy.fabs`.
    Fabs: f16 => f16, f32 => f32, f64 => f64; |x| ElemFloat::absolute(x)
);
unary!(
    /// `numpy.deg2rad` (`radians`).
    Deg2rad: f16 => f16, f32 => f32, f64 => f64; |x| ElemFloat::deg2rad(x)
);
unary!(
    /// `numpy.rad2deg` (`degrees`).
    Rad2deg: f16 => f16, f32 => f32, f64 => f64; |x| ElemFloat::rad2deg(x)
);
unary!(
    /// `numpy.conjugate` (`conj`): the identity for real types.
    Conjugate: i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64,
        f16 => f16, f32 => f32, f64 => f64; |x| x
);
more_unary!(Conjugate: C64 => C64, C128 => C128; |x| ElemComplex::conjugate(x));

/// Complex loops of the math functions (their real loops are the SIMD math kernels).
macro_rules! complex_unary {
    ($($(#[$d:meta])* $K:ident => $f:ident;)*) => {$(
        unary!($(#[$d])* $K: C64 => C64, C128 => C128; |x| ElemComplex::$f(x));
    )*};
}
complex_unary!(
    /// `numpy.sqrt` of complex numbers.
    ComplexSqrt => sqrt;
    /// `numpy.exp` of complex numbers.
    ComplexExp => exp;
    /// `numpy.exp2` of complex numbers.
    ComplexExp2 => exp2;
    /// `numpy.expm1` of complex numbers.
    ComplexExpm1 => expm1;
    /// `numpy.log` of complex numbers.
    ComplexLog => log;
    /// `numpy.log2` of complex numbers.
    ComplexLog2 => log2;
    /// `numpy.log10` of complex numbers.
    ComplexLog10 => log10;
    /// `numpy.log1p` of complex numbers.
    ComplexLog1p => log1p;
    /// `numpy.sin` of complex numbers.
    ComplexSin => sin;
    /// `numpy.cos` of complex numbers.
    ComplexCos => cos;
    /// `numpy.tan` of complex numbers.
    ComplexTan => tan;
    /// `numpy.sinh` of complex numbers.
    ComplexSinh => sinh;
    /// `numpy.cosh` of complex numbers.
    ComplexCosh => cosh;
    /// `numpy.tanh` of complex numbers.
    ComplexTanh => tanh;
    /// `numpy.arcsin` of complex numbers.
    ComplexArcsin => arcsin;
    /// `numpy.arccos` of complex numbers.
    ComplexArccos => arccos;
    /// `numpy.arctan` of complex numbers.
    ComplexArctan => arctan;
    /// `numpy.arcsinh` of complex numbers.
    ComplexArcsinh => arcsinh;
    /// `numpy.arccosh` of complex numbers.
    ComplexArccosh => arccosh;
    /// `numpy.arctanh` of complex numbers.
    ComplexArctanh => arctanh;
);

binary!(
    /// `numpy.bitwise_and`.
    BitwiseAnd: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64; |a, b| a.bitwise_and(b)
);
binary!(
    /// `numpy.bitwise_or`.
    BitwiseOr: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64; |a, b| a.bitwise_or(b)
);
binary!(
    /// `numpy.bitwise_xor`.
    BitwiseXor: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64; |a, b| a.bitwise_xor(b)
);
binary!(
    /// `numpy.left_shift` (`bitwise_left_shift`).
    LeftShift: i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64;
        |a, b| a.left_shift(b)
);
binary!(
    /// `numpy.right_shift` (`bitwise_right_shift`).
    RightShift: i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64;
        |a, b| a.right_shift(b)
);
binary!(
    /// `numpy.gcd`.
    Gcd: i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64;
        |a, b| a.gcd(b)
);
binary!(
    /// `numpy.lcm`.
    Lcm: i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64;
        |a, b| a.lcm(b)
);
binary!(
    /// `numpy.fmod`: C's remainder (the sign of the dividend).
    Fmod: i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64;
        |a, b| ElemInt::fmod(a, b)
);
more_binary!(Fmod: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::fmod(a, b));
binary!(
    /// `numpy.copysign`.
    Copysign: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::copysign(a, b)
);
binary!(
    /// `numpy.nextafter`.
    Nextafter: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::nextafter(a, b)
);
binary!(
    /// `numpy.heaviside`.
    Heaviside: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::heaviside(a, b)
);
binary!(
    /// `numpy.logaddexp`.
    Logaddexp: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::logaddexp(a, b)
);
binary!(
    /// `numpy.logaddexp2`.
    Logaddexp2: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::logaddexp2(a, b)
);
binary!(
    /// `numpy.fmax`: NaN-ignoring maximum.
    Fmax: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64, f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128; |a, b| ElemExtrema::fmax(a, b)
);
binary!(
    /// `numpy.fmin`: NaN-ignoring minimum.
    Fmin: bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64,
        u64 => u64, f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128; |a, b| ElemExtrema::fmin(a, b)
);
binary!(
    /// `numpy.power` of float16 and complex numbers, and `numpy.float_power` (float64,
    /// complex128); integer `power` is [`IntPower`].
    FloatPower: f16 => f16, f32 => f32, f64 => f64; |a, b| ElemFloat::power(a, b)
);
more_binary!(FloatPower: C64 => C64, C128 => C128; |a, b| ElemComplex::power(a, b));

/// `numpy.power` of integers: wrapping repeated squaring. A negative exponent is NumPy's
/// ValueError: the run reports [`FpFlags::NEGATIVE_INT_POWER`], which fails the call
/// whatever the error state (the element is written as 0).
pub struct IntPower;
macro_rules! int_power {
    ($($t:ty),*) => {$(
        impl ElemBinary<$t> for IntPower {
            type Out = $t;
            /// One element; a negative exponent gives 0 here (only [`run`](Self::run)
            /// reports it, and every loop call goes through `run`).
            #[inline(always)]
            fn elem(a: $t, b: $t) -> $t {
                ElemInt::power(a, b).unwrap_or(0)
            }
            #[inline]
            fn run(a: &[$t], b: &[$t], out: &mut [$t]) -> FpFlags {
                let mut flags = FpFlags::NONE;
                for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
                    *o = match ElemInt::power(x, y) {
                        Ok(v) => v,
                        Err(_) => {
                            flags = FpFlags::NEGATIVE_INT_POWER;
                            0
                        }
                    };
                }
                flags
            }
        }
    )*};
}
int_power!(i8, u8, i16, u16, i32, u32, i64, u64);

/// `numpy.ldexp`: `x * 2**e` for `int32` and `int64` exponents.
pub struct Ldexp;
macro_rules! ldexp {
    ($($t:ty),*) => {$(
        impl ElemBinary<$t, i32> for Ldexp {
            type Out = $t;
            #[inline(always)]
            fn elem(a: $t, e: i32) -> $t {
                ElemFloat::ldexp(a, e)
            }
        }
        impl ElemBinary<$t, i64> for Ldexp {
            type Out = $t;
            #[inline(always)]
            fn elem(a: $t, e: i64) -> $t {
                ElemFloat::ldexp_i64(a, e)
            }
        }
    )*};
}
ldexp!(f16, f32, f64);

/// `numpy.frexp`: mantissa and `int32` exponent.
pub struct Frexp;
/// `numpy.modf`: fractional and integral parts.
pub struct Modf;
/// `numpy.divmod`: floor quotient and remainder.
pub struct Divmod;
macro_rules! two_out {
    (floats: $($t:ty),*; ints: $($i:ty),*) => {
        $(
            impl ElemUnary2<$t> for Frexp {
                type Out1 = $t;
                type Out2 = i32;
                #[inline(always)]
                fn elem(x: $t) -> ($t, i32) {
                    ElemFloat::frexp(x)
                }
            }
            impl ElemUnary2<$t> for Modf {
                type Out1 = $t;
                type Out2 = $t;
                #[inline(always)]
                fn elem(x: $t) -> ($t, $t) {
                    ElemFloat::modf(x)
                }
            }
            impl ElemBinary2<$t> for Divmod {
                type Out1 = $t;
                type Out2 = $t;
                #[inline(always)]
                fn elem(a: $t, b: $t) -> ($t, $t) {
                    ElemFloat::divmod(a, b)
                }
            }
        )*
        $(
            impl ElemBinary2<$i> for Divmod {
                type Out1 = $i;
                type Out2 = $i;
                #[inline(always)]
                fn elem(a: $i, b: $i) -> ($i, $i) {
                    ElemInt::divmod(a, b)
                }
            }
        )*
    };
}
two_out!(floats: f16, f32, f64; ints: i8, u8, i16, u16, i32, u32, i64, u64);
