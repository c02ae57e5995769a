//! Continuous distributions, one draw at a time: the Generator's, and the RandomState
//! samplers whose algorithm is the same (written against [`Draws`], so each API draws its own
//! normals and exponentials).
//!
//! Every formula keeps NumPy's operation order (no fused multiply-adds), so results agree to
//! the bit where the platform's libm agrees with NumPy's.

use std::f64::consts::PI;

use super::Draws;
use super::ziggurat::{next_float, standard_exponential_f, standard_normal_f};
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

/// `loc + scale * N`.
#[inline]
pub(crate) fn normal<S: Draws + ?Sized>(s: &mut S, loc: f64, scale: f64) -> f64 {
    loc + scale * s.normal()
}

/// `low + range * U` (`random_uniform`, which RandomState uses too).
#[inline]
pub(crate) fn uniform<S: Draws + ?Sized>(s: &mut S, low: f64, range: f64) -> f64 {
    low + range * s.uniform()
}

/// `scale * E`.
#[inline]
pub(crate) fn exponential<S: Draws + ?Sized>(s: &mut S, scale: f64) -> f64 {
    scale * s.exponential()
}

/// Marsaglia–Tsang for `shape > 1`, Johnk-style rejection below 1 (NumPy's
/// `random_standard_gamma`, and `legacy_standard_gamma` over the legacy draws).
pub(crate) fn standard_gamma<S: Draws + ?Sized>(s: &mut S, shape: f64) -> f64 {
    if shape == 1.0 {
        return s.exponential();
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = s.uniform();
            let v = s.exponential();
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
            x = s.normal();
            v = 1.0 + c * x;
            // NumPy's `while (V <= 0.0)` exits on NaN (a NaN shape), then returns NaN.
            if v > 0.0 || v.is_nan() {
                break;
            }
        }
        v = v * v * v;
        let u = s.uniform();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return bb * v;
        }
        if u.ln() < 0.5 * x * x + bb * (1.0 - v + v.ln()) {
            return bb * v;
        }
    }
}

/// `scale * standard_gamma(shape)`.
#[inline]
pub(crate) fn gamma<S: Draws + ?Sized>(s: &mut S, shape: f64, scale: f64) -> f64 {
    scale * standard_gamma(s, shape)
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

/// Fills each row of `out` (rows of `alpha.len()`) with gammas of shape `alpha`, each row
/// scaled by the reciprocal of its sum: the Dirichlet of `legacy_dirichlet` and of the
/// Generator's `dirichlet` when some `alpha >= 0.1`.
pub(crate) fn dirichlet_gammas<S: Draws + ?Sized>(s: &mut S, alpha: &[f64], out: &mut [f64]) {
    if alpha.is_empty() {
        return;
    }
    for row in out.chunks_exact_mut(alpha.len()) {
        let mut acc = 0.0;
        for (v, &a) in row.iter_mut().zip(alpha) {
            *v = standard_gamma(s, a);
            acc += *v;
        }
        let inv = 1.0 / acc;
        for v in row.iter_mut() {
            *v *= inv;
        }
    }
}

const BETA_TINY_THRESHOLD: f64 = 3e-103;

/// Johnk's algorithm for `a, b <= 1` (in log space when both powers underflow), otherwise
/// a ratio of gammas; RandomState's older form is [`legacy::beta`](super::legacy::beta).
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

pub(crate) fn chisquare<S: Draws + ?Sized>(s: &mut S, df: f64) -> f64 {
    2.0 * standard_gamma(s, df / 2.0)
}

pub(crate) fn f<S: Draws + ?Sized>(s: &mut S, dfnum: f64, dfden: f64) -> f64 {
    (chisquare(s, dfnum) * dfden) / (chisquare(s, dfden) * dfnum)
}

/// `N1 / N2`.
pub(crate) fn standard_cauchy<S: Draws + ?Sized>(s: &mut S) -> f64 {
    s.normal() / s.normal()
}

/// `expm1(E / a)`; RandomState's is [`legacy::pareto`](super::legacy::pareto).
pub(crate) fn pareto<B: BitGenerator + ?Sized>(b: &mut B, a: f64) -> f64 {
    (b.exponential() / a).exp_m1()
}

/// `E ** (1 / a)`, and 0 for `a == 0`.
pub(crate) fn weibull<S: Draws + ?Sized>(s: &mut S, a: f64) -> f64 {
    if a == 0.0 {
        return 0.0;
    }
    s.exponential().powf(1.0 / a)
}

/// `(-expm1(-E)) ** (1 / a)`; RandomState's is [`legacy::power`](super::legacy::power).
pub(crate) fn power<B: BitGenerator + ?Sized>(b: &mut B, a: f64) -> f64 {
    (-(-b.exponential()).exp_m1()).powf(1.0 / a)
}

pub(crate) fn laplace<S: Draws + ?Sized>(s: &mut S, loc: f64, scale: f64) -> f64 {
    loop {
        let u = s.uniform();
        if u >= 0.5 {
            return loc - scale * (2.0 - u - u).ln();
        }
        if u > 0.0 {
            return loc + scale * (u + u).ln();
        }
    }
}

pub(crate) fn gumbel<S: Draws + ?Sized>(s: &mut S, loc: f64, scale: f64) -> f64 {
    loop {
        let u = 1.0 - s.uniform();
        if u < 1.0 {
            return loc - scale * (-u.ln()).ln();
        }
    }
}

pub(crate) fn logistic<S: Draws + ?Sized>(s: &mut S, loc: f64, scale: f64) -> f64 {
    loop {
        let u = s.uniform();
        if u > 0.0 {
            return loc + scale * (u / (1.0 - u)).ln();
        }
    }
}

/// `exp(mean + sigma * N)`.
pub(crate) fn lognormal<S: Draws + ?Sized>(s: &mut S, mean: f64, sigma: f64) -> f64 {
    (mean + sigma * s.normal()).exp()
}

/// `mode * sqrt(2 * E)`; RandomState's is [`legacy::rayleigh`](super::legacy::rayleigh).
pub(crate) fn rayleigh<B: BitGenerator + ?Sized>(b: &mut B, mode: f64) -> f64 {
    mode * (2.0 * b.exponential()).sqrt()
}

/// `N` then `G(df/2)`: `sqrt(df/2) * N / sqrt(G)`.
pub(crate) fn standard_t<S: Draws + ?Sized>(s: &mut S, df: f64) -> f64 {
    let num = s.normal();
    let denom = standard_gamma(s, df / 2.0);
    (df / 2.0).sqrt() * num / denom.sqrt()
}

/// A chi-square with a normal shift (`1 < df`) or a Poisson mixture of chi-squares.
///
/// A NaN `nonc` gives NaN. The Generator returns it without drawing; NumPy's
/// `legacy_noncentral_chisquare` checks only after drawing, so RandomState consumes the draws.
pub(crate) fn noncentral_chisquare<S: Draws + ?Sized>(s: &mut S, df: f64, nonc: f64) -> f64 {
    if nonc.is_nan() && !S::LEGACY {
        return f64::NAN;
    }
    let out = if nonc == 0.0 {
        chisquare(s, df)
    } else if 1.0 < df {
        let chi2 = chisquare(s, df - 1.0);
        let n = s.normal() + nonc.sqrt();
        chi2 + n * n
    } else {
        // The Poisson count stays a float: NumPy computes `df + 2*i` in `long`, which wraps
        // for counts above 2**62 (and its count is an undefined cast above 2**63).
        let i = super::discrete::poisson_f64(s.bits(), nonc / 2.0);
        if i.is_infinite() {
            // NumPy then draws `chisquare(df)` (its count wrapped to 0): the same draws here.
            chisquare(s, df) + i
        } else {
            chisquare(s, df + 2.0 * i)
        }
    };
    if nonc.is_nan() { f64::NAN } else { out }
}

pub(crate) fn noncentral_f<S: Draws + ?Sized>(s: &mut S, dfnum: f64, dfden: f64, nonc: f64) -> f64 {
    let t = noncentral_chisquare(s, dfnum, nonc) * dfden;
    t / (chisquare(s, dfden) * dfnum)
}

/// Michael–Schucany–Haas, in the Generator's cancellation-free form
/// `mean * (1 - 2 / (1 + sqrt(1 + 4 * scale / Y)))`; RandomState's is
/// [`legacy::wald`](super::legacy::wald).
pub(crate) fn wald<B: BitGenerator + ?Sized>(b: &mut B, mean: f64, scale: f64) -> f64 {
    let mut y = b.normal();
    y = mean * y * y;
    let d = 1.0 + (1.0 + 4.0 * scale / y).sqrt();
    let x = mean * (1.0 - 2.0 / d);
    let u = b.next_double();
    if u <= mean / (mean + x) { x } else { mean * mean / x }
}

/// Best–Fisher rejection from a wrapped Cauchy envelope.
///
/// The Generator draws `mu + N / sqrt(kappa)` (wrapped) for `kappa > 1e6`. NumPy's
/// `legacy_vonmises` has no such branch: it builds the envelope for every `kappa`, and loops
/// forever once the envelope degenerates (`s` rounds to 1 or overflows, `kappa` above about
/// 1e17); RandomState takes the normal approximation there instead (docs/deviations.md).
pub(crate) fn vonmises<S: Draws + ?Sized>(s: &mut S, mu: f64, kappa: f64) -> f64 {
    if kappa.is_nan() {
        return f64::NAN;
    }
    if kappa < 1e-8 {
        return PI * (2.0 * s.uniform() - 1.0);
    }
    let env = if kappa < 1e-5 {
        1.0 / kappa + kappa
    } else if kappa <= 1e6 || S::LEGACY {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    } else {
        f64::NAN
    };
    if env.is_nan() || env <= 1.0 {
        let mut result = mu + (1.0 / kappa).sqrt() * s.normal();
        if result < -PI {
            result += 2.0 * PI;
        }
        if result > PI {
            result -= 2.0 * PI;
        }
        return result;
    }
    let w = loop {
        let u = s.uniform();
        let z = (PI * u).cos();
        let w = (1.0 + env * z) / (env + z);
        let y = kappa * (env - w);
        let v = s.uniform();
        if y * (2.0 - y) - v >= 0.0 || (y / v).ln() + 1.0 - y >= 0.0 {
            break w;
        }
    };
    let u = s.uniform();
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

pub(crate) fn triangular<S: Draws + ?Sized>(s: &mut S, left: f64, mode: f64, right: f64) -> f64 {
    let base = right - left;
    let leftbase = mode - left;
    let ratio = leftbase / base;
    let leftprod = leftbase * base;
    let rightprod = (right - mode) * base;
    let u = s.uniform();
    if u <= ratio { left + (u * leftprod).sqrt() } else { right - ((1.0 - u) * rightprod).sqrt() }
}
