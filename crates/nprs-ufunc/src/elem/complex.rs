//! Complex kernels with NumPy's exact results: `absolute` (NumPy's vector algorithm),
//! `sign` (NumPy 2's `z / |z|`), `conjugate`, `square`, `reciprocal`, `rint`, the
//! lexicographic `maximum`/`minimum`/`fmax`/`fmin`, and the classification functions.

use nprs_core::ops::ElemMul;
use nprs_core::{C64, C128, Element};

use super::float::ElemFloat;
use super::fpe;
use super::shared::ElemExtrema;

/// The complex kernels (`complex64`, `complex128`); `Real` is the part type.
pub trait ElemComplex: Element + ElemMul + ElemExtrema {
    /// `float32` or `float64`.
    type Real: Element;
    /// `|z|` as NumPy's vector loop computes it: `max * sqrt(fma(r, r, 1))` with
    /// `r = min / max` of the parts' magnitudes; inf when a part is infinite, NaN when a
    /// part is NaN (and the other finite).
    fn absolute(self) -> Self::Real;
    /// `z / |z|` (`|z|` by `hypot`); 0 for 0, NaN for NaN; a unit on the axis of an
    /// infinite part, NaN when both parts are infinite.
    fn sign(self) -> Self;
    /// `re - i im`.
    fn conjugate(self) -> Self;
    /// `z * z`, with fused multiply-adds as NumPy's vector loop.
    fn square(self) -> Self {
        ElemMul::mul(self, self)
    }
    /// `1 / z` by Smith's algorithm, as NumPy's `reciprocal` loop.
    fn reciprocal(self) -> Self;
    /// Each part rounded to the nearest integer, ties to even.
    fn rint(self) -> Self;
    /// NaN in either part.
    fn isnan(self) -> bool;
    /// ±inf in either part.
    fn isinf(self) -> bool;
    /// Both parts finite.
    fn isfinite(self) -> bool;
    /// The principal square root (C99 `csqrt`, the branch cut along the negative real
    /// axis, continuous from above for `+0` imaginary parts), computed as the C library
    /// NumPy calls on Linux: scaled to avoid overflow and underflow, `hypot` for `|z|`, and
    /// the smaller part from `Im z / (2 * larger part)` to avoid cancellation.
    fn sqrt(self) -> Self;
    /// `e**z` (C99 `cexp`, with its Annex G special values), `exp(Re z)` applied in up to
    /// three factors so that `exp` does not overflow before `cos`/`sin` scale it down.
    fn exp(self) -> Self;
    /// `log(1 + z)` as NumPy's formula: `log(hypot(Re z + 1, Im z)) + i atan2(Im z, Re z + 1)`.
    fn log1p(self) -> Self;
    /// `e**z - 1` as NumPy's formula: `expm1(x) cos(y) - 2 sin(y/2)**2 + i exp(x) sin(y)`.
    fn expm1(self) -> Self;
}

macro_rules! complex_kernels {
    ($($c:ty, $f:ident);*) => {$(
        /// Lexicographic order (NumPy's `CGE`/`CLE`); an operand with a NaN part wins
        /// (`maximum`, `minimum`) or loses (`fmax`, `fmin`).
        impl ElemExtrema for $c {
            #[inline]
            fn maximum(self, b: Self) -> Self {
                if self.isnan() || cge(self, b) { self } else { b }
            }
            #[inline]
            fn minimum(self, b: Self) -> Self {
                if self.isnan() || cle(self, b) { self } else { b }
            }
            #[inline]
            fn fmax(self, b: Self) -> Self {
                if b.isnan() || cge(self, b) { self } else { b }
            }
            #[inline]
            fn fmin(self, b: Self) -> Self {
                if b.isnan() || cle(self, b) { self } else { b }
            }
        }

        impl ElemComplex for $c {
            type Real = $f;

            #[inline]
            fn absolute(self) -> $f {
                let (mut re, mut im) = (self.re.abs(), self.im.abs());
                if re == <$f>::INFINITY {
                    im = <$f>::INFINITY;
                }
                if im == <$f>::INFINITY {
                    re = <$f>::INFINITY;
                }
                if re.is_nan() {
                    im = <$f>::NAN;
                }
                if im.is_nan() {
                    re = <$f>::NAN;
                }
                // x86's max/min: the second operand unless the first compares greater/less.
                let larger = if re > im { re } else { im };
                let smaller = if im < re { im } else { re };
                let ratio = if larger == 0.0 || smaller == <$f>::INFINITY { 0.0 } else { smaller / larger };
                ratio.mul_add(ratio, 1.0).sqrt() * larger
            }

            #[inline]
            fn sign(self) -> Self {
                let (re, im) = (self.re, self.im);
                let abs = re.hypot(im);
                if abs.is_nan() {
                    <$c>::new(<$f>::NAN, <$f>::NAN)
                } else if abs.is_infinite() {
                    if re.is_infinite() {
                        if im.is_infinite() {
                            <$c>::new(<$f>::NAN, <$f>::NAN)
                        } else {
                            <$c>::new(if re > 0.0 { 1.0 } else { -1.0 }, 0.0)
                        }
                    } else {
                        <$c>::new(0.0, if im > 0.0 { 1.0 } else { -1.0 })
                    }
                } else if abs == 0.0 {
                    <$c>::new(0.0, 0.0)
                } else {
                    <$c>::new(re / abs, im / abs)
                }
            }

            #[inline(always)]
            fn conjugate(self) -> Self {
                <$c>::new(self.re, -self.im)
            }

            #[inline]
            fn reciprocal(self) -> Self {
                let (re, im) = (self.re, self.im);
                if im.abs() <= re.abs() {
                    let r = im / re;
                    let d = re + im * r;
                    <$c>::new(1.0 / d, -r / d)
                } else {
                    let r = re / im;
                    let d = re * r + im;
                    <$c>::new(r / d, -1.0 / d)
                }
            }

            #[inline(always)]
            fn rint(self) -> Self {
                <$c>::new(self.re.round_ties_even(), self.im.round_ties_even())
            }
            #[inline(always)]
            fn isnan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
            #[inline(always)]
            fn isinf(self) -> bool {
                self.re.is_infinite() || self.im.is_infinite()
            }
            #[inline(always)]
            fn isfinite(self) -> bool {
                self.re.is_finite() && self.im.is_finite()
            }

            fn sqrt(self) -> Self {
                let (mut re, mut im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    return if im.is_infinite() {
                        <$c>::new(<$f>::INFINITY, im)
                    } else if re.is_infinite() {
                        if re < 0.0 {
                            <$c>::new(if im.is_nan() { <$f>::NAN } else { 0.0 }, <$f>::INFINITY.copysign(im))
                        } else {
                            <$c>::new(re, if im.is_nan() { <$f>::NAN } else { (0.0 as $f).copysign(im) })
                        }
                    } else {
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    };
                }
                if im == 0.0 {
                    return if re < 0.0 {
                        <$c>::new(0.0, (-re).sqrt().copysign(im))
                    } else {
                        <$c>::new(re.sqrt().abs(), (0.0 as $f).copysign(im))
                    };
                }
                if re == 0.0 {
                    let r = if im.abs() >= 2.0 * <$f>::MIN_POSITIVE {
                        (0.5 * im.abs()).sqrt()
                    } else {
                        0.5 * (2.0 * im.abs()).sqrt()
                    };
                    return <$c>::new(r, r.copysign(im));
                }
                let mut scale = 0i32;
                if re.abs() > <$f>::MAX / 4.0 {
                    scale = 1;
                    re = ElemFloat::ldexp(re, -2);
                    im = ElemFloat::ldexp(im, -2);
                } else if im.abs() > <$f>::MAX / 4.0 {
                    scale = 1;
                    re = if re.abs() >= 4.0 * <$f>::MIN_POSITIVE { ElemFloat::ldexp(re, -2) } else { 0.0 };
                    im = ElemFloat::ldexp(im, -2);
                } else if re.abs() < 2.0 * <$f>::MIN_POSITIVE && im.abs() < 2.0 * <$f>::MIN_POSITIVE {
                    scale = -((<$f>::MANTISSA_DIGITS as i32 + 1) / 2);
                    re = ElemFloat::ldexp(re, -2 * scale);
                    im = ElemFloat::ldexp(im, -2 * scale);
                }
                let d = re.hypot(im);
                let (mut r, mut s);
                if re > 0.0 {
                    r = (0.5 * (d + re)).sqrt();
                    if scale == 1 && im.abs() < 1.0 {
                        s = im / r;
                        r = ElemFloat::ldexp(r, scale);
                        scale = 0;
                    } else {
                        s = 0.5 * (im / r);
                    }
                } else {
                    s = (0.5 * (d - re)).sqrt();
                    if scale == 1 && im.abs() < 1.0 {
                        r = (im / s).abs();
                        s = ElemFloat::ldexp(s, scale);
                        scale = 0;
                    } else {
                        r = (0.5 * (im / s)).abs();
                    }
                }
                if scale != 0 {
                    r = ElemFloat::ldexp(r, scale);
                    s = ElemFloat::ldexp(s, scale);
                }
                <$c>::new(r, s.copysign(im))
            }

            fn exp(self) -> Self {
                let (mut re, im) = (self.re, self.im);
                // sin/cos of a tiny imaginary part are (x, 1) exactly.
                let sincos = |y: $f| if y.abs() > <$f>::MIN_POSITIVE { (y.sin(), y.cos()) } else { (y, 1.0) };
                if re.is_finite() {
                    if !im.is_finite() {
                        fpe::invalid();
                        return <$c>::new(<$f>::NAN, <$f>::NAN);
                    }
                    // The largest integer t with exp(t) finite: (MAX_EXP - 1) * ln 2.
                    #[allow(clippy::cast_possible_truncation)]
                    let t = ((<$f>::MAX_EXP - 1) as f64 * core::f64::consts::LN_2) as i32 as $f;
                    let (mut sin, mut cos) = sincos(im);
                    if re > t {
                        let exp_t = t.exp();
                        re -= t;
                        sin *= exp_t;
                        cos *= exp_t;
                        if re > t {
                            re -= t;
                            sin *= exp_t;
                            cos *= exp_t;
                        }
                    }
                    if re > t {
                        <$c>::new(<$f>::MAX * cos, <$f>::MAX * sin)
                    } else {
                        let e = re.exp();
                        <$c>::new(e * cos, e * sin)
                    }
                } else if re.is_infinite() {
                    if im.is_finite() {
                        let value = if re.is_sign_negative() { 0.0 } else { <$f>::INFINITY };
                        if im == 0.0 {
                            <$c>::new(value, im)
                        } else {
                            let (sin, cos) = sincos(im);
                            <$c>::new(value.copysign(cos), value.copysign(sin))
                        }
                    } else if re.is_sign_positive() {
                        <$c>::new(<$f>::INFINITY, im - im)
                    } else {
                        <$c>::new(0.0, (0.0 as $f).copysign(im))
                    }
                } else {
                    if !im.is_nan() {
                        fpe::invalid();
                    }
                    <$c>::new(<$f>::NAN, if im == 0.0 { im } else { <$f>::NAN })
                }
            }

            fn log1p(self) -> Self {
                let re1 = self.re + 1.0;
                <$c>::new(re1.hypot(self.im).ln(), self.im.atan2(re1))
            }

            fn expm1(self) -> Self {
                let (x, y) = (self.re, self.im);
                let a = (y / 2.0).sin();
                <$c>::new(x.exp_m1() * y.cos() - 2.0 * a * a, x.exp() * y.sin())
            }
        }
    )*};
}
complex_kernels!(C64, f32; C128, f64);

/// NumPy's lexicographic `>=` for complex numbers (`CGE`).
#[inline(always)]
fn cge<T: num_like::Parts>(x: T, y: T) -> bool {
    let ((xr, xi), (yr, yi)) = (x.parts(), y.parts());
    (xr > yr && !xi.is_nan() && !yi.is_nan()) || (xr == yr && xi >= yi)
}

/// NumPy's lexicographic `<=` for complex numbers (`CLE`).
#[inline(always)]
fn cle<T: num_like::Parts>(x: T, y: T) -> bool {
    let ((xr, xi), (yr, yi)) = (x.parts(), y.parts());
    (xr < yr && !xi.is_nan() && !yi.is_nan()) || (xr == yr && xi <= yi)
}

mod num_like {
    use nprs_core::{C64, C128};

    /// The parts of a complex number, widened to `f64` (exact for `complex64`).
    pub(super) trait Parts: Copy {
        fn parts(self) -> (f64, f64);
    }
    impl Parts for C64 {
        #[inline(always)]
        fn parts(self) -> (f64, f64) {
            (f64::from(self.re), f64::from(self.im))
        }
    }
    impl Parts for C128 {
        #[inline(always)]
        fn parts(self) -> (f64, f64) {
            (self.re, self.im)
        }
    }
}
