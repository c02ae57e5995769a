//! Continuous distributions of NumPy's `Generator`, one draw at a time.
//!
//! Every formula keeps NumPy's operation order (no fused multiply-adds), so results agree to
//! the bit where the platform's libm agrees with NumPy's.

use std::f64::consts::PI;

use super::ziggurat::{next_float, standard_exponential, standard_exponential_f, standard_normal, standard_normal_f};
use crate::BitGenerator;

/// `-log1p(-U)`: the exponential by inversion (`method='inv'`).
#[inline]
pub(crate) fn standard_exponential_inv<B: BitGenerator + ?Sized>(b: &mut B) -> f64 {
    -(-b.next_double()).ln_1p()
}

/// `-log1p(-U)` in float32 (the `log1p` runs in float64, as NumPy's).
#[inline]
pub(crate) fn standard_exponential_inv_f<B: BitGenerator + ?Sized>(b: &mut B) -> f32 {
    (-(-f64::from(next_float(b))).ln_1p()) as f32
}

/// Marsaglia–Tsang for `shape > 1`, Johnk-style rejection below 1.
pub(crate) fn standard_gamma<B: BitGenerator + ?Sized>(b: &mut B, shape: f64) -> f64 {
    if shape == 1.0 {
        return standard_exponential(b);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = b.next_double();
            let v = standard_exponential(b);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let bb = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * bb).sqrt();
    loop {
        let (mut x, mut v);
        loop {
            x = standard_normal(b);
            v = 1.0 + c * x;
            // NumPy's `while (V <= 0.0)` exits on NaN (a NaN shape), then returns NaN.
            if v > 0.0 || v.is_nan() {
                break;
            }
        }
        v = v * v * v;
        let u = b.next_double();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return bb * v;
        }
        if u.ln() < 0.5 * x * x + bb * (1.0 - v + v.ln()) {
            return bb * v;
        }
    }
}

/// `standard_gamma` in float32 arithmetic.
pub(crate) fn standard_gamma_f<B: BitGenerator + ?Sized>(b: &mut B, shape: f32) -> f32 {
    if shape == 1.0 {
        return standard_exponential_f(b);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = next_float(b);
            let v = standard_exponential_f(b);
            if u <= 1.0 - shape {
                let x = u.powf(1.0 / shape);
                if x <= v {
                    return x;
                }
            } else {
                let y = -((1.0 - u) / shape).ln();
                let x = (1.0 - shape + shape * y).powf(1.0 / shape);
                if x <= v + y {
                    return x;
                }
            }
        }
    }
    let bb = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * bb).sqrt();
    loop {
        let (mut x, mut v);
        loop {
            x = standard_normal_f(b);
            v = 1.0 + c * x;
            // NumPy's `while (V <= 0.0)` exits on NaN (a NaN shape), then returns NaN.
            if v > 0.0 || v.is_nan() {
                break;
            }
        }
        v = v * v * v;
        let u = next_float(b);
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return bb * v;
        }
        if u.ln() < 0.5 * x * x + bb * (1.0 - v + v.ln()) {
            return bb * v;
        }
    }
}

const BETA_TINY_THRESHOLD: f64 = 3e-103;

/// Johnk's algorithm for `a, b <= 1`, otherwise a ratio of gammas.
pub(crate) fn beta<B: BitGenerator + ?Sized>(bg: &mut B, a: f64, b: f64) -> f64 {
    if a <= 1.0 && b <= 1.0 {
        if a < BETA_TINY_THRESHOLD && b < BETA_TINY_THRESHOLD {
            let u = bg.next_double();
            return if (a + b) * u < a { 1.0 } else { 0.0 };
        }
        loop {
            let u = bg.next_double();
            let v = bg.next_double();
            let x = u.powf(1.0 / a);
            let y = v.powf(1.0 / b);
            let xpy = x + y;
            if xpy <= 1.0 && u + v > 0.0 {
                if x > 0.0 && y > 0.0 {
                    return x / xpy;
                }
                let log_x = u.ln() / a;
                let log_y = v.ln() / b;
                let delta = log_x - log_y;
                return if delta > 0.0 { (-(-delta).exp().ln_1p()).exp() } else { (delta - delta.exp().ln_1p()).exp() };
            }
        }
    }
    let ga = standard_gamma(bg, a);
    let gb = standard_gamma(bg, b);
    ga / (ga + gb)
}

pub(crate) fn chisquare<B: BitGenerator + ?Sized>(b: &mut B, df: f64) -> f64 {
    2.0 * standard_gamma(b, df / 2.0)
}

pub(crate) fn f<B: BitGenerator + ?Sized>(b: &mut B, dfnum: f64, dfden: f64) -> f64 {
    (chisquare(b, dfnum) * dfden) / (chisquare(b, dfden) * dfnum)
}

pub(crate) fn standard_cauchy<B: BitGenerator + ?Sized>(b: &mut B) -> f64 {
    standard_normal(b) / standard_normal(b)
}

pub(crate) fn pareto<B: BitGenerator + ?Sized>(b: &mut B, a: f64) -> f64 {
    (standard_exponential(b) / a).exp_m1()
}

pub(crate) fn weibull<B: BitGenerator + ?Sized>(b: &mut B, a: f64) -> f64 {
    if a == 0.0 {
        return 0.0;
    }
    standard_exponential(b).powf(1.0 / a)
}

pub(crate) fn power<B: BitGenerator + ?Sized>(b: &mut B, a: f64) -> f64 {
    (-(-standard_exponential(b)).exp_m1()).powf(1.0 / a)
}

pub(crate) fn laplace<B: BitGenerator + ?Sized>(b: &mut B, loc: f64, scale: f64) -> f64 {
    loop {
        let u = b.next_double();
        if u >= 0.5 {
            return loc - scale * (2.0 - u - u).ln();
        }
        if u > 0.0 {
            return loc + scale * (u + u).ln();
        }
    }
}

pub(crate) fn gumbel<B: BitGenerator + ?Sized>(b: &mut B, loc: f64, scale: f64) -> f64 {
    loop {
        let u = 1.0 - b.next_double();
        if u < 1.0 {
            return loc - scale * (-u.ln()).ln();
        }
    }
}

pub(crate) fn logistic<B: BitGenerator + ?Sized>(b: &mut B, loc: f64, scale: f64) -> f64 {
    loop {
        let u = b.next_double();
        if u > 0.0 {
            return loc + scale * (u / (1.0 - u)).ln();
        }
    }
}

pub(crate) fn lognormal<B: BitGenerator + ?Sized>(b: &mut B, mean: f64, sigma: f64) -> f64 {
    (mean + sigma * standard_normal(b)).exp()
}

pub(crate) fn rayleigh<B: BitGenerator + ?Sized>(b: &mut B, mode: f64) -> f64 {
    mode * (2.0 * standard_exponential(b)).sqrt()
}

pub(crate) fn standard_t<B: BitGenerator + ?Sized>(b: &mut B, df: f64) -> f64 {
    let num = standard_normal(b);
    let denom = standard_gamma(b, df / 2.0);
    (df / 2.0).sqrt() * num / denom.sqrt()
}

pub(crate) fn noncentral_chisquare<B: BitGenerator + ?Sized>(b: &mut B, df: f64, nonc: f64) -> f64 {
    if nonc.is_nan() {
        return f64::NAN;
    }
    if nonc == 0.0 {
        return chisquare(b, df);
    }
    if 1.0 < df {
        let chi2 = chisquare(b, df - 1.0);
        let n = standard_normal(b) + nonc.sqrt();
        chi2 + n * n
    } else {
        // The Poisson count stays a float: NumPy computes `df + 2*i` in `long`, which wraps
        // for counts above 2**62 (and its count is an undefined cast above 2**63).
        let i = super::discrete::poisson_f64(b, nonc / 2.0);
        if i.is_infinite() {
            // NumPy then draws `chisquare(df)` (its count wrapped to 0): the same draws here.
            return chisquare(b, df) + i;
        }
        chisquare(b, df + 2.0 * i)
    }
}

pub(crate) fn noncentral_f<B: BitGenerator + ?Sized>(b: &mut B, dfnum: f64, dfden: f64, nonc: f64) -> f64 {
    let t = noncentral_chisquare(b, dfnum, nonc) * dfden;
    t / (chisquare(b, dfden) * dfnum)
}

/// Michael–Schucany–Haas, in the Generator's cancellation-free form
/// `mean * (1 - 2 / (1 + sqrt(1 + 4 * scale / Y)))`.
pub(crate) fn wald<B: BitGenerator + ?Sized>(b: &mut B, mean: f64, scale: f64) -> f64 {
    let mut y = standard_normal(b);
    y = mean * y * y;
    let d = 1.0 + (1.0 + 4.0 * scale / y).sqrt();
    let x = mean * (1.0 - 2.0 / d);
    let u = b.next_double();
    if u <= mean / (mean + x) { x } else { mean * mean / x }
}

pub(crate) fn vonmises<B: BitGenerator + ?Sized>(b: &mut B, mu: f64, kappa: f64) -> f64 {
    if kappa.is_nan() {
        return f64::NAN;
    }
    if kappa < 1e-8 {
        return PI * (2.0 * b.next_double() - 1.0);
    }
    let s = if kappa < 1e-5 {
        1.0 / kappa + kappa
    } else if kappa <= 1e6 {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    } else {
        let mut result = mu + (1.0 / kappa).sqrt() * standard_normal(b);
        if result < -PI {
            result += 2.0 * PI;
        }
        if result > PI {
            result -= 2.0 * PI;
        }
        return result;
    };
    let w = loop {
        let u = b.next_double();
        let z = (PI * u).cos();
        let w = (1.0 + s * z) / (s + z);
        let y = kappa * (s - w);
        let v = b.next_double();
        if y * (2.0 - y) - v >= 0.0 || (y / v).ln() + 1.0 - y >= 0.0 {
            break w;
        }
    };
    let u = b.next_double();
    let mut result = w.acos();
    if u < 0.5 {
        result = -result;
    }
    result += mu;
    let neg = result < 0.0;
    let mut m = result.abs();
    m = (m + PI) % (2.0 * PI) - PI;
    if neg {
        m *= -1.0;
    }
    m
}

pub(crate) fn triangular<B: BitGenerator + ?Sized>(b: &mut B, left: f64, mode: f64, right: f64) -> f64 {
    let base = right - left;
    let leftbase = mode - left;
    let ratio = leftbase / base;
    let leftprod = leftbase * base;
    let rightprod = (right - mode) * base;
    let u = b.next_double();
    if u <= ratio { left + (u * leftprod).sqrt() } else { right - ((1.0 - u) * rightprod).sqrt() }
}
