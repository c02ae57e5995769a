//! The legacy samplers of `RandomState` (NumPy's `legacy-distributions.c`, kept as NumPy
//! 1.16 drew them): the polar Gaussian with its cached second value, inversion
//! exponentials, and the older forms of gamma, beta, binomial, hypergeometric, zipf, …
//!
//! Each keeps NumPy's operation order, so streams agree to the bit where libm agrees. Where
//! NumPy's own loop never ends (`zipf` with `a >= 1025`, `vonmises` with a `kappa` so large
//! that its envelope degenerates) these return the limit instead; see docs/deviations.md.

use std::f64::consts::PI;

use super::discrete::{loggam, poisson};
use crate::BitGenerator;
use crate::seed_sequence::SeedSequence;

/// A bit generator with the legacy Gaussian cache (NumPy's `aug_bitgen_t`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Aug<B> {
    pub(crate) bg: B,
    pub(crate) has_gauss: bool,
    pub(crate) gauss: f64,
}

impl<B: BitGenerator> Aug<B> {
    pub(crate) fn new(bg: B) -> Self {
        Aug { bg, has_gauss: false, gauss: 0.0 }
    }

    /// A standard normal by the polar method, handing out the cached second value first.
    pub(crate) fn gauss(&mut self) -> f64 {
        if self.has_gauss {
            self.has_gauss = false;
            let g = self.gauss;
            self.gauss = 0.0;
            return g;
        }
        let (x1, x2, r2) = loop {
            let x1 = 2.0 * self.bg.next_double() - 1.0;
            let x2 = 2.0 * self.bg.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                break (x1, x2, r2);
            }
        };
        let f = (-2.0 * r2.ln() / r2).sqrt();
        self.gauss = f * x1;
        self.has_gauss = true;
        f * x2
    }
}

/// The samplers reach the raw stream through the augmented state.
impl<B: BitGenerator> BitGenerator for Aug<B> {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        self.bg.next_uint64()
    }
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        self.bg.next_uint32()
    }
    #[inline]
    fn next_double(&mut self) -> f64 {
        self.bg.next_double()
    }
    #[inline]
    fn next_raw(&mut self) -> u64 {
        self.bg.next_raw()
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        self.bg.seed_seq()
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        self.bg.seed_seq_mut()
    }
}

/// `-log(1 - U)`.
pub(crate) fn standard_exponential<B: BitGenerator + ?Sized>(b: &mut B) -> f64 {
    -(1.0 - b.next_double()).ln()
}

pub(crate) fn standard_gamma<B: BitGenerator>(s: &mut Aug<B>, shape: f64) -> f64 {
    if shape == 1.0 {
        return standard_exponential(s);
    }
    if shape == 0.0 {
        return 0.0;
    }
    if shape < 1.0 {
        loop {
            let u = s.next_double();
            let v = standard_exponential(s);
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
    let b = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * b).sqrt();
    loop {
        let (mut x, mut v);
        loop {
            x = s.gauss();
            v = 1.0 + c * x;
            // `while (V <= 0.0)`: a NaN shape leaves the loop (and gives NaN).
            if v > 0.0 || v.is_nan() {
                break;
            }
        }
        v = v * v * v;
        let u = s.next_double();
        if u < 1.0 - 0.0331 * (x * x) * (x * x) {
            return b * v;
        }
        if u.ln() < 0.5 * x * x + b * (1.0 - v + v.ln()) {
            return b * v;
        }
    }
}

pub(crate) fn gamma<B: BitGenerator>(s: &mut Aug<B>, shape: f64, scale: f64) -> f64 {
    scale * standard_gamma(s, shape)
}

pub(crate) fn pareto<B: BitGenerator>(s: &mut Aug<B>, a: f64) -> f64 {
    (standard_exponential(s) / a).exp() - 1.0
}

pub(crate) fn weibull<B: BitGenerator>(s: &mut Aug<B>, a: f64) -> f64 {
    if a == 0.0 {
        return 0.0;
    }
    standard_exponential(s).powf(1.0 / a)
}

pub(crate) fn power<B: BitGenerator>(s: &mut Aug<B>, a: f64) -> f64 {
    (1.0 - (-standard_exponential(s)).exp()).powf(1.0 / a)
}

pub(crate) fn chisquare<B: BitGenerator>(s: &mut Aug<B>, df: f64) -> f64 {
    2.0 * standard_gamma(s, df / 2.0)
}

pub(crate) fn rayleigh<B: BitGenerator + ?Sized>(b: &mut B, mode: f64) -> f64 {
    mode * (-2.0 * (-b.next_double()).ln_1p()).sqrt()
}

pub(crate) fn noncentral_chisquare<B: BitGenerator>(s: &mut Aug<B>, df: f64, nonc: f64) -> f64 {
    if nonc == 0.0 {
        return chisquare(s, df);
    }
    if 1.0 < df {
        let chi2 = chisquare(s, df - 1.0);
        let n = s.gauss() + nonc.sqrt();
        return chi2 + n * n;
    }
    // As the Generator's form: the Poisson count stays a float (NumPy's `long` wraps).
    let i = super::discrete::poisson_f64(s, nonc / 2.0);
    let out = if i.is_infinite() { chisquare(s, df) + i } else { chisquare(s, df + 2.0 * i) };
    // NumPy checks NaN only after drawing, so a NaN `nonc` consumes the same values.
    if nonc.is_nan() { f64::NAN } else { out }
}

pub(crate) fn noncentral_f<B: BitGenerator>(s: &mut Aug<B>, dfnum: f64, dfden: f64, nonc: f64) -> f64 {
    let t = noncentral_chisquare(s, dfnum, nonc) * dfden;
    t / (chisquare(s, dfden) * dfnum)
}

pub(crate) fn wald<B: BitGenerator>(s: &mut Aug<B>, mean: f64, scale: f64) -> f64 {
    let mu_2l = mean / (2.0 * scale);
    let mut y = s.gauss();
    y = mean * y * y;
    let x = mean + mu_2l * (y - (4.0 * scale * y + y * y).sqrt());
    let u = s.next_double();
    if u <= mean / (mean + x) { x } else { mean * mean / x }
}

pub(crate) fn normal<B: BitGenerator>(s: &mut Aug<B>, loc: f64, scale: f64) -> f64 {
    loc + scale * s.gauss()
}

pub(crate) fn lognormal<B: BitGenerator>(s: &mut Aug<B>, mean: f64, sigma: f64) -> f64 {
    normal(s, mean, sigma).exp()
}

pub(crate) fn standard_t<B: BitGenerator>(s: &mut Aug<B>, df: f64) -> f64 {
    let num = s.gauss();
    let denom = standard_gamma(s, df / 2.0);
    (df / 2.0).sqrt() * num / denom.sqrt()
}

/// `poisson(gamma(n, (1 - p) / p))`; a count beyond `i64` saturates (NumPy's cast of it is
/// undefined and gives `i64::MIN`).
pub(crate) fn negative_binomial<B: BitGenerator>(s: &mut Aug<B>, n: f64, p: f64) -> i64 {
    let y = gamma(s, n, (1.0 - p) / p);
    poisson(s, y)
}

pub(crate) fn standard_cauchy<B: BitGenerator>(s: &mut Aug<B>) -> f64 {
    s.gauss() / s.gauss()
}

pub(crate) fn beta<B: BitGenerator>(s: &mut Aug<B>, a: f64, b: f64) -> f64 {
    if a <= 1.0 && b <= 1.0 {
        loop {
            let u = s.next_double();
            let v = s.next_double();
            let x = u.powf(1.0 / a);
            let y = v.powf(1.0 / b);
            if x + y <= 1.0 {
                if x + y > 0.0 {
                    return x / (x + y);
                }
                let mut log_x = u.ln() / a;
                let mut log_y = v.ln() / b;
                let log_m = if log_x > log_y { log_x } else { log_y };
                log_x -= log_m;
                log_y -= log_m;
                return (log_x - (log_x.exp() + log_y.exp()).ln()).exp();
            }
        }
    }
    let ga = standard_gamma(s, a);
    let gb = standard_gamma(s, b);
    ga / (ga + gb)
}

pub(crate) fn f<B: BitGenerator>(s: &mut Aug<B>, dfnum: f64, dfden: f64) -> f64 {
    (chisquare(s, dfnum) * dfden) / (chisquare(s, dfden) * dfnum)
}

pub(crate) fn exponential<B: BitGenerator>(s: &mut Aug<B>, scale: f64) -> f64 {
    scale * standard_exponential(s)
}

/// `low + range * U` (`random_uniform`; Laplace, Gumbel, logistic and triangular are the
/// Generator's samplers too).
pub(crate) fn uniform<B: BitGenerator + ?Sized>(b: &mut B, low: f64, range: f64) -> f64 {
    low + range * b.next_double()
}

fn hypergeometric_hyp<B: BitGenerator + ?Sized>(b: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let d1 = bad + good - sample;
    let d2 = good.min(bad) as f64;
    let mut y = d2;
    let mut k = sample;
    while y > 0.0 {
        let u = b.next_double();
        y -= (u + y / (d1 + k) as f64).floor() as i64 as f64;
        k -= 1;
        if k == 0 {
            break;
        }
    }
    let mut z = (d2 - y) as i64;
    if good > bad {
        z = sample - z;
    }
    z
}

const D1: f64 = 1.715_527_769_921_413_5;
const D2: f64 = 0.898_916_162_058_898_8;

fn hypergeometric_hrua<B: BitGenerator + ?Sized>(b: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    let mingoodbad = good.min(bad);
    let popsize = good + bad;
    let maxgoodbad = good.max(bad);
    let m = sample.min(popsize - sample);
    let d4 = mingoodbad as f64 / popsize as f64;
    let d5 = 1.0 - d4;
    let d6 = m as f64 * d4 + 0.5;
    let d7 = ((popsize - m) as f64 * sample as f64 * d4 * d5 / (popsize - 1) as f64 + 0.5).sqrt();
    let d8 = D1 * d7 + D2;
    let d9 = ((m + 1) as f64 * (mingoodbad + 1) as f64 / (popsize + 2) as f64).floor() as i64;
    let lg = |k: i64| loggam(k as f64);
    let d10 = lg(d9 + 1) + lg(mingoodbad - d9 + 1) + lg(m - d9 + 1) + lg(maxgoodbad - m + d9 + 1);
    let d11 = ((m.min(mingoodbad) as f64) + 1.0).min((d6 + 16.0 * d7).floor());
    let mut z;
    loop {
        let x = b.next_double();
        let y = b.next_double();
        let w = d6 + d8 * (y - 0.5) / x;
        if w < 0.0 || w >= d11 {
            continue;
        }
        z = w.floor() as i64;
        let t = d10 - (lg(z + 1) + lg(mingoodbad - z + 1) + lg(m - z + 1) + lg(maxgoodbad - m + z + 1));
        if x * (4.0 - x) - 3.0 <= t {
            break;
        }
        if x * (x - t) >= 1.0 {
            continue;
        }
        if 2.0 * x.ln() <= t {
            break;
        }
    }
    if good > bad {
        z = m - z;
    }
    if m < sample {
        z = good - z;
    }
    z
}

pub(crate) fn hypergeometric<B: BitGenerator + ?Sized>(b: &mut B, good: i64, bad: i64, sample: i64) -> i64 {
    if sample > 10 {
        hypergeometric_hrua(b, good, bad, sample)
    } else if sample > 0 {
        hypergeometric_hyp(b, good, bad, sample)
    } else {
        0
    }
}

/// Rejection from a Pareto envelope. NumPy's loop never ends for `a >= 1025` (`2**(a-1)`
/// overflows and every test compares NaN); the answer there is 1 (anything else has
/// probability below `2**-1024`), returned without drawing, as the Generator does.
pub(crate) fn zipf<B: BitGenerator + ?Sized>(b: &mut B, a: f64) -> i64 {
    if a >= 1025.0 {
        return 1;
    }
    let am1 = a - 1.0;
    let bb = 2f64.powf(am1);
    loop {
        let u = 1.0 - b.next_double();
        let v = b.next_double();
        let x = u.powf(-1.0 / am1).floor();
        if x > i64::MAX as f64 || x < 1.0 {
            continue;
        }
        let t = (1.0 + 1.0 / x).powf(am1);
        if v * x * (t - 1.0) / (bb - 1.0) <= t / bb {
            return x as i64;
        }
    }
}

pub(crate) fn geometric<B: BitGenerator + ?Sized>(b: &mut B, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_3 {
        super::discrete::geometric(b, p)
    } else {
        ((-b.next_double()).ln_1p() / (1.0 - p).ln()).ceil() as i64
    }
}

/// NumPy's loop never ends when `kappa` is so large that its envelope degenerates (`s`
/// rounds to 1, or overflows to NaN); the draw there is the Generator's large-`kappa`
/// normal approximation instead.
pub(crate) fn vonmises<B: BitGenerator + ?Sized>(b: &mut B, mu: f64, kappa: f64) -> f64 {
    if kappa.is_nan() {
        return f64::NAN;
    }
    if kappa < 1e-8 {
        return PI * (2.0 * b.next_double() - 1.0);
    }
    let s = if kappa < 1e-5 {
        1.0 / kappa + kappa
    } else {
        let r = 1.0 + (1.0 + 4.0 * kappa * kappa).sqrt();
        let rho = (r - (2.0 * r).sqrt()) / (2.0 * kappa);
        (1.0 + rho * rho) / (2.0 * rho)
    };
    if s.is_nan() || s <= 1.0 {
        let mut result = mu + (1.0 / kappa).sqrt() * super::ziggurat::standard_normal(b);
        if result < -PI {
            result += 2.0 * PI;
        }
        if result > PI {
            result -= 2.0 * PI;
        }
        return result;
    }
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

pub(crate) fn logseries<B: BitGenerator + ?Sized>(b: &mut B, p: f64) -> i64 {
    let r = (1.0 - p).ln();
    loop {
        let v = b.next_double();
        if v >= p {
            return 1;
        }
        let u = b.next_double();
        let q = 1.0 - (r * u).exp();
        if v <= q * q {
            let result = (1.0 + v.ln() / q.ln()).floor() as i64;
            if result < 1 || v == 0.0 {
                continue;
            }
            return result;
        }
        if v >= q {
            return 1;
        }
        return 2;
    }
}

/// `random_positive_int`: the top 63 bits of a 64-bit draw (`tomaxint`).
pub(crate) fn positive_int<B: BitGenerator + ?Sized>(b: &mut B) -> i64 {
    (b.next_uint64() >> 1) as i64
}
