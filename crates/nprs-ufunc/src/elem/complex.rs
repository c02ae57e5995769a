//! Complex kernels with NumPy's exact results: `absolute` (NumPy's vector algorithm),
//! `sign` (NumPy 2's `z / |z|`), `conjugate`, `square`, `reciprocal`, `rint`, the
//! lexicographic `maximum`/`minimum`/`fmax`/`fmin`, and the classification functions.

use nprs_core::ops::{ElemDiv, ElemMul};
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
    /// `2**z` as NumPy's formula: `exp(z * ln 2)`, each part multiplied.
    fn exp2(self) -> Self;
    /// `log(1 + z)` as NumPy's formula: `log(hypot(Re z + 1, Im z)) + i atan2(Im z, Re z + 1)`.
    fn log1p(self) -> Self;
    /// `e**z - 1` as NumPy's formula: `expm1(x) cos(y) - 2 sin(y/2)**2 + i exp(x) sin(y)`.
    fn expm1(self) -> Self;
    /// The principal logarithm (C99 `clog`, branch cut along the negative real axis),
    /// computed as the C library NumPy calls on Linux: `log1p` of `|z|**2 - 1` (evaluated
    /// without cancellation) near the unit circle, `log(hypot)` elsewhere, scaled at the
    /// ends of the range; `-inf + i arg` for zero (raising divide-by-zero).
    fn log(self) -> Self;
    /// `log(z) * log2(e)` (NumPy's formula).
    fn log2(self) -> Self;
    /// `log(z) * log10(e)` (NumPy's formula).
    fn log10(self) -> Self;
    /// `self ** b` as NumPy's `npy_cpow`: 1 for a zero exponent, 0 or NaN for a zero base,
    /// repeated multiplication for integer exponents below 100 in magnitude (then one
    /// division for negative ones), `exp(b * log(self))` otherwise.
    fn power(self, b: Self) -> Self;
    /// `sinh(z)` (C99 `csinh` with its special values).
    fn sinh(self) -> Self;
    /// `cosh(z)` (C99 `ccosh`).
    fn cosh(self) -> Self;
    /// `tanh(z)` (C99 `ctanh`), without intermediate overflow for large real parts.
    fn tanh(self) -> Self;
    /// `sin(z)` (C99 `csin` with its special values).
    fn sin(self) -> Self;
    /// `cos(z) = cosh(i z)`.
    fn cos(self) -> Self;
    /// `tan(z) = -i tanh(i z)`.
    fn tan(self) -> Self;
    /// `arctanh(z)` (C99 `catanh`: branch cuts along the real axis outside [-1, 1]),
    /// computed as the C library NumPy calls on Linux.
    fn arctanh(self) -> Self;
    /// `arctan(z)` (C99 `catan`: branch cuts along the imaginary axis outside [-i, i]).
    fn arctan(self) -> Self;
    /// `arcsinh(z)` (C99 `casinh`: branch cuts along the imaginary axis outside [-i, i]).
    fn arcsinh(self) -> Self;
    /// `arcsin(z) = -i arcsinh(i z)` (C99 `casin`: cuts along the real axis outside [-1, 1]).
    fn arcsin(self) -> Self;
    /// `arccos(z)` (C99 `cacos`), computed without cancellation near the cut.
    fn arccos(self) -> Self;
    /// `arccosh(z)` (C99 `cacosh`: cut along the real axis below 1).
    fn arccosh(self) -> Self;
}

/// The C library's shared kernel of `casinh`, `casin`, `cacos` and `cacosh`.
trait CasinhKernel: Sized {
    /// `arcsinh` of a finite non-zero `z`; with `adj`, the imaginary part of the result is
    /// subtracted from pi/2 (for `cacos`/`cacosh`).
    fn kernel_casinh(self, adj: bool) -> Self;
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

        impl CasinhKernel for $c {
            fn kernel_casinh(self, adj: bool) -> Self {
                let (x_re, x_im) = (self.re, self.im);
                let (rx, ix) = (x_re.abs(), x_im.abs());
                let eps = <$f>::EPSILON;
                let ln2 = core::$f::consts::LN_2;
                let (mut r, mut i);
                // The imaginary part for the two orientations of the result.
                let pick = |a: $f, b: $f, adj_a: $f, adj_b: $f| if adj { adj_a.atan2(adj_b) } else { a.atan2(b) };
                if rx >= 1.0 / eps || ix >= 1.0 / eps {
                    let y = if adj { <$c>::new(ix.copysign(x_im), rx) } else { <$c>::new(rx, ix) };
                    let l = ElemComplex::log(y);
                    r = l.re + ln2;
                    i = l.im;
                } else if rx >= 0.5 && ix < eps / 8.0 {
                    let s = (1.0 as $f).hypot(rx);
                    r = (rx + s).ln();
                    i = pick(ix, s, s, x_im);
                } else if rx < eps / 8.0 && ix >= 1.5 {
                    let s = ((ix + 1.0) * (ix - 1.0)).sqrt();
                    r = (ix + s).ln();
                    i = pick(s, rx, rx, s.copysign(x_im));
                } else if ix > 1.0 && ix < 1.5 && rx < 0.5 {
                    if rx < eps * eps {
                        let ix2m1 = (ix + 1.0) * (ix - 1.0);
                        let s = ix2m1.sqrt();
                        r = (2.0 * (ix2m1 + ix * s)).ln_1p() / 2.0;
                        i = pick(s, rx, rx, s.copysign(x_im));
                    } else {
                        let ix2m1 = (ix + 1.0) * (ix - 1.0);
                        let rx2 = rx * rx;
                        let f = rx2 * (2.0 + rx2 + 2.0 * ix * ix);
                        let d = (ix2m1 * ix2m1 + f).sqrt();
                        let dp = d + ix2m1;
                        let dm = f / dp;
                        let r1 = ((dm + rx2) / 2.0).sqrt();
                        let r2 = rx * ix / r1;
                        r = (rx2 + dp + 2.0 * (rx * r1 + ix * r2)).ln_1p() / 2.0;
                        i = pick(ix + r2, rx + r1, rx + r1, (ix + r2).copysign(x_im));
                    }
                } else if ix == 1.0 && rx < 0.5 {
                    if rx < eps / 8.0 {
                        r = (2.0 * (rx + rx.sqrt())).ln_1p() / 2.0;
                        i = pick(1.0, rx.sqrt(), rx.sqrt(), (1.0 as $f).copysign(x_im));
                    } else {
                        let d = rx * (4.0 + rx * rx).sqrt();
                        let s1 = ((d + rx * rx) / 2.0).sqrt();
                        let s2 = ((d - rx * rx) / 2.0).sqrt();
                        r = (rx * rx + d + 2.0 * (rx * s1 + s2)).ln_1p() / 2.0;
                        i = pick(1.0 + s2, rx + s1, rx + s1, (1.0 + s2).copysign(x_im));
                    }
                } else if ix < 1.0 && rx < 0.5 {
                    if ix >= eps {
                        if rx < eps * eps {
                            let onemix2 = (1.0 + ix) * (1.0 - ix);
                            let s = onemix2.sqrt();
                            r = (2.0 * rx / s).ln_1p() / 2.0;
                            i = pick(ix, s, s, x_im);
                        } else {
                            let onemix2 = (1.0 + ix) * (1.0 - ix);
                            let rx2 = rx * rx;
                            let f = rx2 * (2.0 + rx2 + 2.0 * ix * ix);
                            let d = (onemix2 * onemix2 + f).sqrt();
                            let dp = d + onemix2;
                            let dm = f / dp;
                            let r1 = ((dp + rx2) / 2.0).sqrt();
                            let r2 = rx * ix / r1;
                            r = (rx2 + dm + 2.0 * (rx * r1 + ix * r2)).ln_1p() / 2.0;
                            i = pick(ix + r2, rx + r1, rx + r1, (ix + r2).copysign(x_im));
                        }
                    } else {
                        let s = (1.0 as $f).hypot(rx);
                        r = (2.0 * rx * (rx + s)).ln_1p() / 2.0;
                        i = pick(ix, s, s, x_im);
                    }
                } else {
                    let y = <$c>::new((rx - ix) * (rx + ix) + 1.0, 2.0 * rx * ix);
                    let y = ElemComplex::sqrt(y);
                    let y = <$c>::new(y.re + rx, y.im + ix);
                    let y = if adj { <$c>::new(y.im.copysign(x_im), y.re) } else { y };
                    let l = ElemComplex::log(y);
                    r = l.re;
                    i = l.im;
                }
                r = r.copysign(x_re);
                i = i.copysign(if adj { 1.0 } else { x_im });
                <$c>::new(r, i)
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

            fn exp2(self) -> Self {
                let ln2 = core::$f::consts::LN_2;
                ElemComplex::exp(<$c>::new(self.re * ln2, self.im * ln2))
            }

            fn log1p(self) -> Self {
                let re1 = self.re + 1.0;
                <$c>::new(re1.hypot(self.im).ln(), self.im.atan2(re1))
            }

            fn log(self) -> Self {
                let (re, im) = (self.re, self.im);
                if re == 0.0 && im == 0.0 {
                    let arg = if re.is_sign_negative() { core::$f::consts::PI } else { 0.0 };
                    return <$c>::new(-1.0 / re.abs(), arg.copysign(im));
                }
                if re.is_nan() || im.is_nan() {
                    let r = if re.is_infinite() || im.is_infinite() { <$f>::INFINITY } else { <$f>::NAN };
                    return <$c>::new(r, <$f>::NAN);
                }
                let (mut x, mut y) = (re.abs(), im.abs());
                if x < y {
                    core::mem::swap(&mut x, &mut y);
                }
                let mut scale = 0i32;
                if x > <$f>::MAX / 2.0 {
                    scale = -1;
                    x = ElemFloat::ldexp(x, -1);
                    y = if y >= <$f>::MIN_POSITIVE * 2.0 { ElemFloat::ldexp(y, -1) } else { 0.0 };
                } else if x < <$f>::MIN_POSITIVE && y < <$f>::MIN_POSITIVE {
                    scale = <$f>::MANTISSA_DIGITS as i32;
                    x = ElemFloat::ldexp(x, scale);
                    y = ElemFloat::ldexp(y, scale);
                }
                let real = if x == 1.0 && scale == 0 {
                    (y * y).ln_1p() / 2.0
                } else if x > 1.0 && x < 2.0 && y < 1.0 && scale == 0 {
                    let mut d2m1 = (x - 1.0) * (x + 1.0);
                    if y >= <$f>::EPSILON {
                        d2m1 += y * y;
                    }
                    d2m1.ln_1p() / 2.0
                } else if (0.5..1.0).contains(&x) && y < <$f>::EPSILON / 2.0 && scale == 0 {
                    ((x - 1.0) * (x + 1.0)).ln_1p() / 2.0
                } else if (0.5..1.0).contains(&x) && scale == 0 && x * x + y * y >= 0.5 {
                    <$f as X2y2m1>::x2y2m1(x, y).ln_1p() / 2.0
                } else {
                    #[allow(clippy::cast_precision_loss)]
                    let s = scale as $f;
                    x.hypot(y).ln() - s * core::$f::consts::LN_2
                };
                <$c>::new(real, im.atan2(re))
            }

            fn log2(self) -> Self {
                let l = ElemComplex::log(self);
                <$c>::new(l.re * core::$f::consts::LOG2_E, l.im * core::$f::consts::LOG2_E)
            }

            fn log10(self) -> Self {
                let l = ElemComplex::log(self);
                <$c>::new(l.re * core::$f::consts::LOG10_E, l.im * core::$f::consts::LOG10_E)
            }

            fn power(self, b: Self) -> Self {
                let (ar, ai, br, bi) = (self.re, self.im, b.re, b.im);
                if br == 0.0 && bi == 0.0 {
                    return <$c>::new(1.0, 0.0);
                }
                if ar == 0.0 && ai == 0.0 {
                    if br > 0.0 {
                        return <$c>::new(0.0, 0.0);
                    }
                    fpe::invalid();
                    return <$c>::new(<$f>::NAN, <$f>::NAN);
                }
                #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
                if bi == 0.0 && br > -100.0 && br < 100.0 && (br as i64) as $f == br {
                    let n = br as i64;
                    return match n {
                        1 => self,
                        2 => cmul(self, self),
                        3 => cmul(self, cmul(self, self)),
                        _ => {
                            let (mut n, mut acc, mut p) = (n.unsigned_abs(), <$c>::new(1.0, 0.0), self);
                            loop {
                                if n & 1 == 1 {
                                    acc = cmul(acc, p);
                                }
                                n >>= 1;
                                if n == 0 {
                                    break;
                                }
                                p = cmul(p, p);
                            }
                            if br < 0.0 { ElemDiv::div(<$c>::new(1.0, 0.0), acc) } else { acc }
                        }
                    };
                }
                // The C library's cpow: exp(b * log(a)), the product as C computes it.
                ElemComplex::exp(c_mul_annex_g(b, ElemComplex::log(self)))
            }

            fn sinh(self) -> Self {
                let negate = self.re.is_sign_negative();
                let (re, im) = (self.re.abs(), self.im);
                let sincos = |y: $f| if y.abs() > <$f>::MIN_POSITIVE { (y.sin(), y.cos()) } else { (y, 1.0) };
                if re.is_finite() {
                    if im.is_finite() {
                        #[allow(clippy::cast_possible_truncation)]
                        let t = ((<$f>::MAX_EXP - 1) as f64 * core::f64::consts::LN_2) as i32 as $f;
                        let (mut sin, mut cos) = sincos(im);
                        if negate {
                            cos = -cos;
                        }
                        if re > t {
                            let exp_t = t.exp();
                            let mut rx = re - t;
                            sin *= exp_t / 2.0;
                            cos *= exp_t / 2.0;
                            if rx > t {
                                rx -= t;
                                sin *= exp_t;
                                cos *= exp_t;
                            }
                            if rx > t {
                                <$c>::new(<$f>::MAX * cos, <$f>::MAX * sin)
                            } else {
                                let e = rx.exp();
                                <$c>::new(e * cos, e * sin)
                            }
                        } else {
                            <$c>::new(re.sinh() * cos, re.cosh() * sin)
                        }
                    } else if re == 0.0 {
                        <$c>::new((0.0 as $f).copysign(if negate { -1.0 } else { 1.0 }), im - im)
                    } else {
                        fpe::invalid();
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    }
                } else if re.is_infinite() {
                    if im.is_finite() && im != 0.0 {
                        let (sin, cos) = sincos(im);
                        let r = <$f>::INFINITY.copysign(cos);
                        <$c>::new(if negate { -r } else { r }, <$f>::INFINITY.copysign(sin))
                    } else if im == 0.0 {
                        <$c>::new(if negate { <$f>::NEG_INFINITY } else { <$f>::INFINITY }, im)
                    } else {
                        <$c>::new(<$f>::INFINITY, im - im)
                    }
                } else {
                    <$c>::new(<$f>::NAN, if im == 0.0 { im } else { <$f>::NAN })
                }
            }

            fn cosh(self) -> Self {
                let (re, im) = (self.re, self.im);
                let sincos = |y: $f| if y.abs() > <$f>::MIN_POSITIVE { (y.sin(), y.cos()) } else { (y, 1.0) };
                if re.is_finite() {
                    if im.is_finite() {
                        #[allow(clippy::cast_possible_truncation)]
                        let t = ((<$f>::MAX_EXP - 1) as f64 * core::f64::consts::LN_2) as i32 as $f;
                        let (mut sin, mut cos) = sincos(im);
                        if re.abs() > t {
                            let exp_t = t.exp();
                            let mut rx = re.abs();
                            if re.is_sign_negative() {
                                sin = -sin;
                            }
                            rx -= t;
                            sin *= exp_t / 2.0;
                            cos *= exp_t / 2.0;
                            if rx > t {
                                rx -= t;
                                sin *= exp_t;
                                cos *= exp_t;
                            }
                            if rx > t {
                                <$c>::new(<$f>::MAX * cos, <$f>::MAX * sin)
                            } else {
                                let e = rx.exp();
                                <$c>::new(e * cos, e * sin)
                            }
                        } else {
                            <$c>::new(re.cosh() * cos, re.sinh() * sin)
                        }
                    } else {
                        <$c>::new(im - im, if re == 0.0 { 0.0 } else { <$f>::NAN })
                    }
                } else if re.is_infinite() {
                    if im.is_finite() && im != 0.0 {
                        let (sin, cos) = sincos(im);
                        <$c>::new(<$f>::INFINITY.copysign(cos), <$f>::INFINITY.copysign(sin) * (1.0 as $f).copysign(re))
                    } else if im == 0.0 {
                        <$c>::new(<$f>::INFINITY, im * (1.0 as $f).copysign(re))
                    } else {
                        <$c>::new(<$f>::INFINITY, im - im)
                    }
                } else {
                    <$c>::new(<$f>::NAN, if im == 0.0 { im } else { <$f>::NAN })
                }
            }

            fn tanh(self) -> Self {
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    if re.is_infinite() {
                        let i = if im.is_finite() && im.abs() > 1.0 {
                            (0.0 as $f).copysign(im.sin() * im.cos())
                        } else {
                            (0.0 as $f).copysign(im)
                        };
                        return <$c>::new((1.0 as $f).copysign(re), i);
                    }
                    if im == 0.0 {
                        return self;
                    }
                    if im.is_infinite() {
                        fpe::invalid();
                    }
                    return <$c>::new(if re == 0.0 { re } else { <$f>::NAN }, <$f>::NAN);
                }
                #[allow(clippy::cast_possible_truncation)]
                let t = ((<$f>::MAX_EXP - 1) as f64 * core::f64::consts::LN_2 / 2.0) as i32 as $f;
                let (sin, cos) = if im.abs() > <$f>::MIN_POSITIVE { (im.sin(), im.cos()) } else { (im, 1.0) };
                if re.abs() > t {
                    let exp_2t = (2.0 * t).exp();
                    let mut i = 4.0 * sin * cos;
                    let rx = re.abs() - t;
                    i /= exp_2t;
                    if rx > t {
                        i /= exp_2t;
                    } else {
                        i /= (2.0 * rx).exp();
                    }
                    <$c>::new((1.0 as $f).copysign(re), i)
                } else {
                    let (sinh, cosh) = if re.abs() > <$f>::MIN_POSITIVE { (re.sinh(), re.cosh()) } else { (re, 1.0) };
                    let den = if sinh.abs() > cos.abs() * <$f>::EPSILON { sinh * sinh + cos * cos } else { cos * cos };
                    <$c>::new(sinh * cosh / den, sin * cos / den)
                }
            }

            fn sin(self) -> Self {
                // C99 csin; its special values are not those of -i sinh(i z) everywhere.
                let negate = self.re.is_sign_negative();
                let (re, im) = (self.re.abs(), self.im);
                let sincos = |x: $f| if x > <$f>::MIN_POSITIVE { (x.sin(), x.cos()) } else { (x, 1.0) };
                if im.is_finite() {
                    if re.is_finite() {
                        #[allow(clippy::cast_possible_truncation)]
                        let t = ((<$f>::MAX_EXP - 1) as f64 * core::f64::consts::LN_2) as i32 as $f;
                        let (mut sin, mut cos) = sincos(re);
                        if negate {
                            sin = -sin;
                        }
                        if im.abs() > t {
                            let exp_t = t.exp();
                            let mut ix = im.abs();
                            if im.is_sign_negative() {
                                cos = -cos;
                            }
                            ix -= t;
                            sin *= exp_t / 2.0;
                            cos *= exp_t / 2.0;
                            if ix > t {
                                ix -= t;
                                sin *= exp_t;
                                cos *= exp_t;
                            }
                            if ix > t {
                                <$c>::new(<$f>::MAX * sin, <$f>::MAX * cos)
                            } else {
                                let e = ix.exp();
                                <$c>::new(e * sin, e * cos)
                            }
                        } else {
                            <$c>::new(im.cosh() * sin, im.sinh() * cos)
                        }
                    } else if im == 0.0 {
                        <$c>::new(re - re, im)
                    } else {
                        fpe::invalid();
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    }
                } else if im.is_infinite() {
                    if re == 0.0 {
                        <$c>::new((0.0 as $f).copysign(if negate { -1.0 } else { 1.0 }), im)
                    } else if re.is_finite() {
                        let (sin, cos) = sincos(re);
                        let r = <$f>::INFINITY.copysign(sin);
                        let i = <$f>::INFINITY.copysign(cos);
                        <$c>::new(if negate { -r } else { r }, if im.is_sign_negative() { -i } else { i })
                    } else {
                        <$c>::new(re - re, <$f>::INFINITY)
                    }
                } else {
                    let r = if re == 0.0 { (0.0 as $f).copysign(if negate { -1.0 } else { 1.0 }) } else { <$f>::NAN };
                    <$c>::new(r, <$f>::NAN)
                }
            }

            fn cos(self) -> Self {
                ElemComplex::cosh(<$c>::new(-self.im, self.re))
            }

            fn tan(self) -> Self {
                let t = ElemComplex::tanh(<$c>::new(-self.im, self.re));
                <$c>::new(t.im, -t.re)
            }

            fn arctanh(self) -> Self {
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    let half_pi = core::$f::consts::FRAC_PI_2;
                    return if im.is_infinite() {
                        <$c>::new((0.0 as $f).copysign(re), half_pi.copysign(im))
                    } else if re.is_infinite() {
                        <$c>::new((0.0 as $f).copysign(re), if im.is_nan() { <$f>::NAN } else { half_pi.copysign(im) })
                    } else if re == 0.0 {
                        <$c>::new((0.0 as $f).copysign(re), <$f>::NAN)
                    } else {
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    };
                }
                if re == 0.0 && im == 0.0 {
                    return self;
                }
                let eps = <$f>::EPSILON;
                let (r, i);
                if re.abs() >= 16.0 / eps || im.abs() >= 16.0 / eps {
                    i = core::$f::consts::FRAC_PI_2.copysign(im);
                    r = if im.abs() <= 1.0 {
                        1.0 / re
                    } else if re.abs() <= 1.0 {
                        re / im / im
                    } else {
                        let h = (re / 2.0).hypot(im / 2.0);
                        re / h / h / 4.0
                    };
                } else {
                    r = atanh_real_part(re, im);
                    i = 0.5 * (2.0 * im).atan2(one_minus_abs2(re, im));
                }
                <$c>::new(r, i)
            }

            fn arctan(self) -> Self {
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    let half_pi = core::$f::consts::FRAC_PI_2;
                    return if re.is_infinite() {
                        <$c>::new(half_pi.copysign(re), (0.0 as $f).copysign(im))
                    } else if im.is_infinite() {
                        <$c>::new(if re.is_nan() { <$f>::NAN } else { half_pi.copysign(re) }, (0.0 as $f).copysign(im))
                    } else if im == 0.0 {
                        <$c>::new(<$f>::NAN, (0.0 as $f).copysign(im))
                    } else {
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    };
                }
                if re == 0.0 && im == 0.0 {
                    return self;
                }
                let eps = <$f>::EPSILON;
                let (r, i);
                if re.abs() >= 16.0 / eps || im.abs() >= 16.0 / eps {
                    r = core::$f::consts::FRAC_PI_2.copysign(re);
                    i = if re.abs() <= 1.0 {
                        1.0 / im
                    } else if im.abs() <= 1.0 {
                        im / re / re
                    } else {
                        let h = (re / 2.0).hypot(im / 2.0);
                        im / h / h / 4.0
                    };
                } else {
                    r = 0.5 * (2.0 * re).atan2(one_minus_abs2(re, im));
                    i = atanh_real_part(im, re);
                }
                <$c>::new(r, i)
            }

            fn arcsinh(self) -> Self {
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    return if im.is_infinite() {
                        let i = if re.is_nan() {
                            <$f>::NAN
                        } else if re.is_finite() {
                            core::$f::consts::FRAC_PI_2.copysign(im)
                        } else {
                            core::$f::consts::FRAC_PI_4.copysign(im)
                        };
                        <$c>::new(<$f>::INFINITY.copysign(re), i)
                    } else if !re.is_finite() {
                        let i = if (re.is_infinite() && im.is_finite()) || (re.is_nan() && im == 0.0) {
                            (0.0 as $f).copysign(im)
                        } else {
                            <$f>::NAN
                        };
                        <$c>::new(re, i)
                    } else {
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    };
                }
                if re == 0.0 && im == 0.0 {
                    return self;
                }
                self.kernel_casinh(false)
            }

            fn arcsin(self) -> Self {
                let (re, im) = (self.re, self.im);
                if re.is_nan() || im.is_nan() {
                    return if re == 0.0 {
                        self
                    } else if re.is_infinite() || im.is_infinite() {
                        <$c>::new(<$f>::NAN, <$f>::INFINITY.copysign(im))
                    } else {
                        <$c>::new(<$f>::NAN, <$f>::NAN)
                    };
                }
                let y = ElemComplex::arcsinh(<$c>::new(-im, re));
                <$c>::new(y.im, -y.re)
            }

            fn arccos(self) -> Self {
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() || (re == 0.0 && im == 0.0) {
                    let y = ElemComplex::arcsin(self);
                    let mut r = core::$f::consts::FRAC_PI_2 - y.re;
                    if r == 0.0 {
                        r = 0.0;
                    }
                    return <$c>::new(r, -y.im);
                }
                let y = <$c>::new(-im, re).kernel_casinh(true);
                <$c>::new(y.im, y.re)
            }

            fn arccosh(self) -> Self {
                let (re, im) = (self.re, self.im);
                if !re.is_finite() || !im.is_finite() {
                    return if im.is_infinite() {
                        let i = if re.is_nan() {
                            <$f>::NAN
                        } else if re.is_infinite() {
                            if re < 0.0 {
                                core::$f::consts::PI - core::$f::consts::FRAC_PI_4
                            } else {
                                core::$f::consts::FRAC_PI_4
                            }
                        } else {
                            core::$f::consts::FRAC_PI_2
                        };
                        <$c>::new(<$f>::INFINITY, i.copysign(im))
                    } else if re.is_infinite() {
                        let i = if im.is_finite() {
                            (if re.is_sign_negative() { core::$f::consts::PI } else { 0.0 }).copysign(im)
                        } else {
                            <$f>::NAN
                        };
                        <$c>::new(<$f>::INFINITY, i)
                    } else {
                        <$c>::new(<$f>::NAN, if re == 0.0 { core::$f::consts::FRAC_PI_2 } else { <$f>::NAN })
                    };
                }
                if re == 0.0 && im == 0.0 {
                    return <$c>::new(0.0, core::$f::consts::FRAC_PI_2.copysign(im));
                }
                let y = <$c>::new(-im, re).kernel_casinh(true);
                if im.is_sign_negative() { <$c>::new(y.re, -y.im) } else { <$c>::new(-y.re, y.im) }
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

/// The real part of `atanh(a + i b)`: `log((1 + a)**2 + b**2) / ((1 - a)**2 + b**2)) / 4`,
/// through `log1p` when the ratio is near 1, and the limit for `|a| = 1`, tiny `b`.
fn atanh_real_part<F: AtanhOps>(a: F, b: F) -> F {
    let eps = F::EPSILON;
    if a.abs() == F::ONE && b.abs() < eps * eps {
        return F::HALF.copysign(a) * (F::LN_2 - b.abs().ln());
    }
    let i2 = if b.abs() >= eps * eps { b * b } else { F::ZERO };
    let num = F::ONE + a;
    let num = i2 + num * num;
    let den = F::ONE - a;
    let den = i2 + den * den;
    let f = num / den;
    if f < F::HALF { F::QUARTER * f.ln() } else { F::QUARTER * (F::FOUR * a / den).ln_1p() }
}

/// `1 - a**2 - b**2` for `atanh`/`atan`'s imaginary/real part, ordered by magnitude and
/// without cancellation near the unit circle.
fn one_minus_abs2<F: AtanhOps>(a: F, b: F) -> F {
    let (mut x, mut y) = (a.abs(), b.abs());
    if x < y {
        core::mem::swap(&mut x, &mut y);
    }
    let eps = F::EPSILON;
    if y < eps / F::TWO {
        let d = (F::ONE - x) * (F::ONE + x);
        if d == F::ZERO { F::ZERO } else { d }
    } else if x >= F::ONE {
        (F::ONE - x) * (F::ONE + x) - y * y
    } else if x >= F::THREE_QUARTERS || y >= F::HALF {
        -F::x2y2m1(x, y)
    } else {
        (F::ONE - x) * (F::ONE + x) - y * y
    }
}

/// The real operations and constants of [`atanh_real_part`] and [`one_minus_abs2`].
trait AtanhOps:
    X2y2m1
    + Copy
    + PartialOrd
    + core::ops::Mul<Output = Self>
    + core::ops::Add<Output = Self>
    + core::ops::Sub<Output = Self>
    + core::ops::Div<Output = Self>
    + core::ops::Neg<Output = Self>
{
    const ZERO: Self;
    const QUARTER: Self;
    const HALF: Self;
    const THREE_QUARTERS: Self;
    const ONE: Self;
    const TWO: Self;
    const FOUR: Self;
    const EPSILON: Self;
    const LN_2: Self;
    fn abs(self) -> Self;
    fn ln(self) -> Self;
    fn ln_1p(self) -> Self;
    fn copysign(self, s: Self) -> Self;
}

macro_rules! atanh_ops {
    ($($f:ident),*) => {$(
        impl AtanhOps for $f {
            const ZERO: Self = 0.0;
            const QUARTER: Self = 0.25;
            const HALF: Self = 0.5;
            const THREE_QUARTERS: Self = 0.75;
            const ONE: Self = 1.0;
            const TWO: Self = 2.0;
            const FOUR: Self = 4.0;
            const EPSILON: Self = $f::EPSILON;
            const LN_2: Self = core::$f::consts::LN_2;
            #[inline(always)]
            fn abs(self) -> Self { $f::abs(self) }
            #[inline(always)]
            fn ln(self) -> Self { $f::ln(self) }
            #[inline(always)]
            fn ln_1p(self) -> Self { $f::ln_1p(self) }
            #[inline(always)]
            fn copysign(self, s: Self) -> Self { $f::copysign(self, s) }
        }
    )*};
}
atanh_ops!(f32, f64);

/// NumPy's `cmul`: the textbook product, no fused operations.
#[inline(always)]
fn cmul<T: CParts>(a: T, b: T) -> T {
    let ((ar, ai), (br, bi)) = (a.split(), b.split());
    T::join(ar * br - ai * bi, ar * bi + ai * br)
}

/// C's `*` of two complex numbers (C99 Annex G): the textbook product, and when both
/// parts come out NaN, infinities recovered as `__muldc3` does.
fn c_mul_annex_g<T: CParts>(x: T, y: T) -> T {
    let ((a, b), (c, d)) = (x.split(), y.split());
    let (ac, bd, ad, bc) = (a * c, b * d, a * d, b * c);
    let (re, im) = (ac - bd, ad + bc);
    if !(re.is_nan() && im.is_nan()) {
        return T::join(re, im);
    }
    let (mut a, mut b, mut c, mut d) = (a, b, c, d);
    let mut recalc = false;
    let box_inf = |v: T::F, inf: bool| T::F::one_or_zero(inf).copysign(v);
    if a.is_infinite() || b.is_infinite() {
        a = box_inf(a, a.is_infinite());
        b = box_inf(b, b.is_infinite());
        if c.is_nan() {
            c = T::F::zero().copysign(c);
        }
        if d.is_nan() {
            d = T::F::zero().copysign(d);
        }
        recalc = true;
    }
    if c.is_infinite() || d.is_infinite() {
        c = box_inf(c, c.is_infinite());
        d = box_inf(d, d.is_infinite());
        if a.is_nan() {
            a = T::F::zero().copysign(a);
        }
        if b.is_nan() {
            b = T::F::zero().copysign(b);
        }
        recalc = true;
    }
    if !recalc && (ac.is_infinite() || bd.is_infinite() || ad.is_infinite() || bc.is_infinite()) {
        if a.is_nan() {
            a = T::F::zero().copysign(a);
        }
        if b.is_nan() {
            b = T::F::zero().copysign(b);
        }
        if c.is_nan() {
            c = T::F::zero().copysign(c);
        }
        if d.is_nan() {
            d = T::F::zero().copysign(d);
        }
        recalc = true;
    }
    if recalc {
        let inf = T::F::infinity();
        return T::join(inf * (a * c - b * d), inf * (a * d + b * c));
    }
    T::join(re, im)
}

/// `x**2 + y**2 - 1` without cancellation, for `1 > x >= y` and `x**2 + y**2 >= 0.5`
/// (the C library's `__x2y2m1`).
trait X2y2m1 {
    fn x2y2m1(x: Self, y: Self) -> Self;
}

impl X2y2m1 for f32 {
    /// In double precision, where the products are exact.
    fn x2y2m1(x: f32, y: f32) -> f32 {
        let (x, y) = (f64::from(x), f64::from(y));
        #[allow(clippy::cast_possible_truncation)]
        let r = ((x - 1.0) * (x + 1.0) + y * y) as f32;
        r
    }
}

impl X2y2m1 for f64 {
    /// The squares split exactly into high and low parts, then summed from the smallest
    /// magnitude up with exact two-sums, re-sorting after each step.
    fn x2y2m1(x: f64, y: f64) -> f64 {
        let xx = x * x;
        let yy = y * y;
        let mut v = [x.mul_add(x, -xx), xx, y.mul_add(y, -yy), yy, -1.0];
        let by_magnitude = |p: &f64, q: &f64| p.abs().partial_cmp(&q.abs()).unwrap_or(core::cmp::Ordering::Equal);
        v.sort_by(by_magnitude);
        for i in 0..4 {
            let hi = v[i + 1] + v[i];
            let lo = (v[i + 1] - hi) + v[i];
            v[i + 1] = hi;
            v[i] = lo;
            v[i + 1..].sort_by(by_magnitude);
        }
        v[4] + v[3] + v[2] + v[1] + v[0]
    }
}

/// Real and imaginary parts of a complex type, for the helpers shared by both widths.
trait CParts: Copy {
    type F: RealOps;
    fn split(self) -> (Self::F, Self::F);
    fn join(re: Self::F, im: Self::F) -> Self;
}

/// The few real operations the shared complex helpers need.
trait RealOps:
    Copy + core::ops::Mul<Output = Self> + core::ops::Add<Output = Self> + core::ops::Sub<Output = Self>
{
    fn is_nan(self) -> bool;
    fn is_infinite(self) -> bool;
    fn copysign(self, s: Self) -> Self;
    fn zero() -> Self;
    fn infinity() -> Self;
    fn one_or_zero(one: bool) -> Self;
}

macro_rules! parts {
    ($($c:ty, $f:ty);*) => {$(
        impl CParts for $c {
            type F = $f;
            #[inline(always)]
            fn split(self) -> ($f, $f) { (self.re, self.im) }
            #[inline(always)]
            fn join(re: $f, im: $f) -> Self { <$c>::new(re, im) }
        }
        impl RealOps for $f {
            #[inline(always)]
            fn is_nan(self) -> bool { <$f>::is_nan(self) }
            #[inline(always)]
            fn is_infinite(self) -> bool { <$f>::is_infinite(self) }
            #[inline(always)]
            fn copysign(self, s: Self) -> Self { <$f>::copysign(self, s) }
            #[inline(always)]
            fn zero() -> Self { 0.0 }
            #[inline(always)]
            fn infinity() -> Self { <$f>::INFINITY }
            #[inline(always)]
            fn one_or_zero(one: bool) -> Self { if one { 1.0 } else { 0.0 } }
        }
    )*};
}
parts!(C64, f32; C128, f64);

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
