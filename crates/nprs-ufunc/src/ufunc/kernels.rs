//! Element kernels of the first ufuncs (`sqrt`, `square`, `reciprocal`, `absolute`,
//! `positive`, `sign`, `isnan`, `isinf`, `isfinite`, `maximum`, `minimum` and the logical
//! functions), with NumPy's element rules. Each is a zero-sized type implementing
//! nprs-core's element-kernel traits per element type; the table turns them into loops.

use nprs_core::copy::Cast;
use nprs_core::kernel::{ElemBinary, ElemUnary};
use nprs_core::ops::ElemMul;
use nprs_core::{C64, C128, Element, f16};

/// Implements a unary kernel for float types through `f32`/`f64` math (float16 is computed
/// in float32 and rounded once, as NumPy does).
macro_rules! float_unary {
    ($K:ident, $out:ident, |$x:ident| $body:expr) => {
        impl ElemUnary<f32> for $K {
            type Out = float_unary!(@out $out, f32);
            #[inline]
            fn elem($x: f32) -> Self::Out {
                $body
            }
        }
        impl ElemUnary<f64> for $K {
            type Out = float_unary!(@out $out, f64);
            #[inline]
            fn elem($x: f64) -> Self::Out {
                $body
            }
        }
    };
    (@out same, $t:ty) => {
        $t
    };
    (@out bool, $t:ty) => {
        bool
    };
}

/// `numpy.sqrt`: IEEE square root; complex numbers on the principal branch (C99 `csqrt`).
pub struct Sqrt;
float_unary!(Sqrt, same, |x| x.sqrt());
impl ElemUnary<f16> for Sqrt {
    type Out = f16;
    #[inline]
    fn elem(x: f16) -> f16 {
        f16::from_f32(x.to_f32().sqrt())
    }
}

macro_rules! csqrt {
    ($($c:ty, $f:ty);*) => {$(
        impl ElemUnary<$c> for Sqrt {
            type Out = $c;
            fn elem(z: $c) -> $c {
                let (a, b) = (z.re, z.im);
                if a == 0.0 && b == 0.0 {
                    return <$c>::new(0.0, b);
                }
                if b.is_infinite() {
                    return <$c>::new(<$f>::INFINITY, b);
                }
                if a.is_nan() {
                    return <$c>::new(a, <$f>::NAN);
                }
                if a.is_infinite() {
                    return if a.is_sign_negative() {
                        <$c>::new((b - b).abs(), a.abs().copysign(b))
                    } else {
                        <$c>::new(a, (b - b).copysign(b))
                    };
                }
                let h = a.hypot(b);
                if a >= 0.0 {
                    let t = ((a + h) * 0.5).sqrt();
                    <$c>::new(t, b / (2.0 * t))
                } else {
                    let t = ((-a + h) * 0.5).sqrt();
                    <$c>::new(b.abs() / (2.0 * t), t.copysign(b))
                }
            }
        }
    )*};
}
csqrt!(C64, f32; C128, f64);

/// `numpy.square`: `x * x` (integers wrap).
pub struct Square;
/// `numpy.reciprocal`: `1 / x`; integers through float64 and back, as NumPy's loop.
pub struct Reciprocal;
/// `numpy.positive`: `+x`, a copy.
pub struct Positive;
/// `numpy.absolute`: `|x|` (integers wrap at the minimum; complex → its real magnitude).
pub struct Absolute;
/// `numpy.sign`: -1, 0 or 1 (NaN stays NaN; complex `z / |z|`).
pub struct Sign;

macro_rules! int_unary {
    ($($t:ty: $signed:expr),*) => {$(
        impl ElemUnary<$t> for Square {
            type Out = $t;
            #[inline]
            fn elem(x: $t) -> $t { x.wrapping_mul(x) }
        }
        impl ElemUnary<$t> for Reciprocal {
            type Out = $t;
            #[inline]
            fn elem(x: $t) -> $t { <$t as Cast>::cast_from(1.0 / x.to_f64()) }
        }
        impl ElemUnary<$t> for Positive {
            type Out = $t;
            #[inline]
            fn elem(x: $t) -> $t { x }
        }
        impl ElemUnary<$t> for Absolute {
            type Out = $t;
            #[inline]
            #[allow(unused_comparisons)]
            fn elem(x: $t) -> $t { if x < 0 { x.wrapping_neg() } else { x } }
        }
        impl ElemUnary<$t> for Sign {
            type Out = $t;
            #[inline]
            #[allow(unused_comparisons)]
            fn elem(x: $t) -> $t { if x > 0 { 1 } else if $signed && x < 0 { (0 as $t).wrapping_sub(1) } else { 0 } }
        }
    )*};
}
int_unary!(i8: true, i16: true, i32: true, i64: true, u8: false, u16: false, u32: false, u64: false);

float_unary!(Square, same, |x| x * x);
float_unary!(Reciprocal, same, |x| 1.0 / x);
float_unary!(Positive, same, |x| x);
float_unary!(Absolute, same, |x| x.abs());
float_unary!(Sign, same, |x| if x > 0.0 {
    1.0
} else if x < 0.0 {
    -1.0
} else if x == 0.0 {
    0.0
} else {
    x
});

/// A float16 kernel computed in float32 and rounded once.
macro_rules! half_via_f32 {
    ($($K:ident),*) => {$(
        impl ElemUnary<f16> for $K {
            type Out = f16;
            #[inline]
            fn elem(x: f16) -> f16 { f16::from_f32(<$K as ElemUnary<f32>>::elem(x.to_f32())) }
        }
    )*};
}
half_via_f32!(Square, Reciprocal, Sign);

impl ElemUnary<f16> for Positive {
    type Out = f16;
    #[inline]
    fn elem(x: f16) -> f16 {
        x
    }
}

impl ElemUnary<f16> for Absolute {
    type Out = f16;
    #[inline]
    fn elem(x: f16) -> f16 {
        f16::from_bits(x.to_bits() & 0x7fff)
    }
}

impl ElemUnary<bool> for Absolute {
    type Out = bool;
    #[inline]
    fn elem(x: bool) -> bool {
        x
    }
}

macro_rules! complex_unary {
    ($($c:ty, $f:ty);*) => {$(
        impl ElemUnary<$c> for Square {
            type Out = $c;
            #[inline]
            /// nprs-core's complex product (fused multiply-adds, as NumPy's loop).
            fn elem(z: $c) -> $c { ElemMul::mul(z, z) }
        }
        impl ElemUnary<$c> for Reciprocal {
            type Out = $c;
            /// NumPy's loop: Smith's division of 1 by `z` (0 gives NaN).
            fn elem(z: $c) -> $c {
                let (br, bi) = (z.re, z.im);
                if bi.abs() <= br.abs() {
                    let r = bi / br;
                    let d = br + bi * r;
                    <$c>::new(1.0 / d, -r / d)
                } else {
                    let r = br / bi;
                    let d = br * r + bi;
                    <$c>::new(r / d, -1.0 / d)
                }
            }
        }
        impl ElemUnary<$c> for Positive {
            type Out = $c;
            #[inline]
            fn elem(z: $c) -> $c { z }
        }
        impl ElemUnary<$c> for Absolute {
            type Out = $f;
            #[inline]
            fn elem(z: $c) -> $f { z.re.hypot(z.im) }
        }
        impl ElemUnary<$c> for Sign {
            type Out = $c;
            fn elem(z: $c) -> $c {
                if z.re.is_nan() || z.im.is_nan() {
                    return <$c>::new(<$f>::NAN, <$f>::NAN);
                }
                let m = z.re.hypot(z.im);
                if m == 0.0 {
                    return <$c>::new(0.0, 0.0);
                }
                if m.is_infinite() {
                    // An infinite part dominates: its sign; both infinite: undefined.
                    return match (z.re.is_infinite(), z.im.is_infinite()) {
                        (true, true) => <$c>::new(<$f>::NAN, <$f>::NAN),
                        (true, false) => <$c>::new((1.0 as $f).copysign(z.re), (0.0 as $f).copysign(z.im)),
                        _ => <$c>::new((0.0 as $f).copysign(z.re), (1.0 as $f).copysign(z.im)),
                    };
                }
                <$c>::new(z.re / m, z.im / m)
            }
        }
    )*};
}
complex_unary!(C64, f32; C128, f64);

/// `numpy.isnan`.
pub struct IsNan;
/// `numpy.isinf`.
pub struct IsInf;
/// `numpy.isfinite`.
pub struct IsFinite;

macro_rules! predicates {
    (ints: $($t:ty),*) => {$(
        impl ElemUnary<$t> for IsNan {
            type Out = bool;
            #[inline]
            fn elem(_: $t) -> bool { false }
        }
        impl ElemUnary<$t> for IsInf {
            type Out = bool;
            #[inline]
            fn elem(_: $t) -> bool { false }
        }
        impl ElemUnary<$t> for IsFinite {
            type Out = bool;
            #[inline]
            fn elem(_: $t) -> bool { true }
        }
    )*};
    (floats: $($t:ty),*) => {$(
        impl ElemUnary<$t> for IsNan {
            type Out = bool;
            #[inline]
            fn elem(x: $t) -> bool { x.is_nan() }
        }
        impl ElemUnary<$t> for IsInf {
            type Out = bool;
            #[inline]
            fn elem(x: $t) -> bool { x.is_infinite() }
        }
        impl ElemUnary<$t> for IsFinite {
            type Out = bool;
            #[inline]
            fn elem(x: $t) -> bool { x.is_finite() }
        }
    )*};
    (complex: $($t:ty),*) => {$(
        impl ElemUnary<$t> for IsNan {
            type Out = bool;
            #[inline]
            fn elem(z: $t) -> bool { z.re.is_nan() || z.im.is_nan() }
        }
        impl ElemUnary<$t> for IsInf {
            type Out = bool;
            #[inline]
            fn elem(z: $t) -> bool { z.re.is_infinite() || z.im.is_infinite() }
        }
        impl ElemUnary<$t> for IsFinite {
            type Out = bool;
            #[inline]
            fn elem(z: $t) -> bool { z.re.is_finite() && z.im.is_finite() }
        }
    )*};
}
predicates!(ints: bool, i8, i16, i32, i64, u8, u16, u32, u64);
predicates!(floats: f16, f32, f64);
predicates!(complex: C64, C128);

/// `numpy.maximum`: the larger element; NaN if either is NaN (the first NaN; complex
/// numbers order by real part, then imaginary part).
pub struct Maximum;
/// `numpy.minimum`: the smaller element; NaN if either is NaN (the first NaN).
pub struct Minimum;

macro_rules! minmax_ord {
    ($($t:ty),*) => {$(
        impl ElemBinary<$t> for Maximum {
            type Out = $t;
            #[inline]
            fn elem(a: $t, b: $t) -> $t { if a >= b { a } else { b } }
        }
        impl ElemBinary<$t> for Minimum {
            type Out = $t;
            #[inline]
            fn elem(a: $t, b: $t) -> $t { if a <= b { a } else { b } }
        }
    )*};
}
minmax_ord!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! minmax_float {
    ($($t:ty),*) => {$(
        impl ElemBinary<$t> for Maximum {
            type Out = $t;
            #[inline]
            #[allow(clippy::float_cmp)]
            fn elem(a: $t, b: $t) -> $t { if a >= b || a.is_nan() { a } else { b } }
        }
        impl ElemBinary<$t> for Minimum {
            type Out = $t;
            #[inline]
            fn elem(a: $t, b: $t) -> $t { if a <= b || a.is_nan() { a } else { b } }
        }
    )*};
}
minmax_float!(f16, f32, f64);

macro_rules! minmax_complex {
    ($($t:ty),*) => {$(
        impl ElemBinary<$t> for Maximum {
            type Out = $t;
            #[inline]
            fn elem(a: $t, b: $t) -> $t {
                let ge = a.re > b.re || (a.re == b.re && a.im >= b.im);
                if a.re.is_nan() || a.im.is_nan() || (ge && !(b.re.is_nan() || b.im.is_nan())) { a } else { b }
            }
        }
        impl ElemBinary<$t> for Minimum {
            type Out = $t;
            #[inline]
            fn elem(a: $t, b: $t) -> $t {
                let le = a.re < b.re || (a.re == b.re && a.im <= b.im);
                if a.re.is_nan() || a.im.is_nan() || (le && !(b.re.is_nan() || b.im.is_nan())) { a } else { b }
            }
        }
    )*};
}
minmax_complex!(C64, C128);

/// `numpy.logical_and`: both non-zero (bool result).
pub struct LogicalAnd;
/// `numpy.logical_or`: either non-zero.
pub struct LogicalOr;
/// `numpy.logical_xor`: exactly one non-zero.
pub struct LogicalXor;
/// `numpy.logical_not`: zero.
pub struct LogicalNot;

/// True when an element is non-zero (NaN is non-zero; complex when either part is).
trait Truthy: Element {
    fn truthy(self) -> bool;
}

macro_rules! truthy {
    ($($t:ty),*) => {$(
        impl Truthy for $t {
            #[inline]
            fn truthy(self) -> bool { self != <$t as Element>::zero() }
        }
    )*};
}
truthy!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, C64, C128);

impl Truthy for f16 {
    #[inline]
    fn truthy(self) -> bool {
        self.to_bits() & 0x7fff != 0
    }
}

macro_rules! logical {
    ($($t:ty),*) => {$(
        impl ElemBinary<$t> for LogicalAnd {
            type Out = bool;
            #[inline]
            fn elem(a: $t, b: $t) -> bool { a.truthy() && b.truthy() }
        }
        impl ElemBinary<$t> for LogicalOr {
            type Out = bool;
            #[inline]
            fn elem(a: $t, b: $t) -> bool { a.truthy() || b.truthy() }
        }
        impl ElemBinary<$t> for LogicalXor {
            type Out = bool;
            #[inline]
            fn elem(a: $t, b: $t) -> bool { a.truthy() != b.truthy() }
        }
        impl ElemUnary<$t> for LogicalNot {
            type Out = bool;
            #[inline]
            fn elem(a: $t) -> bool { !a.truthy() }
        }
    )*};
}
logical!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);

/// `numpy.equal` of int64 with uint64, by value (NumPy's `qQ->?` loops; every other
/// comparison loop is nprs-core's).
pub struct Equal;
/// `numpy.not_equal` of int64 with uint64, by value.
pub struct NotEqual;
/// `numpy.less` of int64 with uint64, by value.
pub struct Less;
/// `numpy.less_equal` of int64 with uint64, by value.
pub struct LessEqual;
/// `numpy.greater` of int64 with uint64, by value.
pub struct Greater;
/// `numpy.greater_equal` of int64 with uint64, by value.
pub struct GreaterEqual;

macro_rules! mixed_compare {
    ($($K:ident: $op:tt),*) => {$(
        impl ElemBinary<i64, u64> for $K {
            type Out = bool;
            #[inline]
            fn elem(a: i64, b: u64) -> bool { i128::from(a) $op i128::from(b) }
        }
        impl ElemBinary<u64, i64> for $K {
            type Out = bool;
            #[inline]
            fn elem(a: u64, b: i64) -> bool { i128::from(a) $op i128::from(b) }
        }
    )*};
}
mixed_compare!(Equal: ==, NotEqual: !=, Less: <, LessEqual: <=, Greater: >, GreaterEqual: >=);
