//! RandomState's own samplers (NumPy's `legacy-distributions.c`, kept as NumPy 1.16 drew
//! them): the augmented state with the polar Gaussian and its cached second value, and the
//! legacy forms that differ from the Generator's in more than their base draws. Each says
//! which NumPy function it is and how the Generator's differs.
//!
//! The samplers whose algorithm is the Generator's (gamma and its family, chi-square, F,
//! Student's t, Cauchy, Weibull, lognormal, von Mises, noncentral chi-square and F, Zipf,
//! negative binomial, Poisson, binomial, Laplace, Gumbel, logistic, triangular) are written
//! once, in [`continuous`](super::continuous) and [`discrete`](super::discrete), against
//! [`Draws`], which [`Aug`] implements with the legacy Gaussian and exponential.
//!
//! Each keeps NumPy's operation order, so streams agree to the bit where libm agrees.

use super::Draws;
use super::continuous::standard_gamma;
use super::discrete::loggam;
use crate::BitGenerator;

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

    /// A standard normal by the polar method (`legacy_gauss`), handing out the cached
    /// second value first.
    #[inline]
    pub(crate) fn gauss(&mut self) -> f64 {
        if self.has_gauss {
            self.has_gauss = false;
            let g = self.gauss;
            self.gauss = 0.0;
            return g;
        }
        let (cached, g) = self.polar();
        self.gauss = cached;
        self.has_gauss = true;
        g
    }

    /// One pair of the polar method, `(f * x1, f * x2)`: `legacy_gauss` returns the second
    /// and caches the first.
    #[inline(always)]
    pub(crate) fn polar(&mut self) -> (f64, f64) {
        let (x1, x2, r2) = loop {
            let x1 = 2.0 * self.bg.next_double() - 1.0;
            let x2 = 2.0 * self.bg.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                break (x1, x2, r2);
            }
        };
        let f = (-2.0 * r2.ln() / r2).sqrt();
        (f * x1, f * x2)
    }

    /// Takes the cached Gaussian out of the state (as a draw of it would), for a fill loop
    /// that keeps the cache in a local; [`restore_gauss`](Self::restore_gauss) puts back what
    /// is left.
    pub(crate) fn take_gauss(&mut self) -> Option<f64> {
        let g = self.has_gauss.then_some(self.gauss);
        self.has_gauss = false;
        self.gauss = 0.0;
        g
    }

    /// Caches `g` (or nothing), as `legacy_gauss` leaves the state.
    pub(crate) fn restore_gauss(&mut self, g: Option<f64>) {
        self.has_gauss = g.is_some();
        self.gauss = g.unwrap_or(0.0);
    }
}

/// RandomState's base draws: 53-bit uniforms of the bit generator, the polar Gaussian, and
/// the exponential by inversion `-log(1 - U)` (`legacy_standard_exponential`; the
/// Generator's are ziggurats).
impl<B: BitGenerator> Draws for Aug<B> {
    type Bits = B;
    const LEGACY: bool = true;
    #[inline]
    fn bits(&mut self) -> &mut B {
        &mut self.bg
    }
    #[inline(always)]
    fn uniform(&mut self) -> f64 {
        self.bg.next_double()
    }
    #[inline]
    fn normal(&mut self) -> f64 {
        self.gauss()
    }
    #[inline]
    fn exponential(&mut self) -> f64 {
        -(1.0 - self.bg.next_double()).ln()
    }
}

/// `legacy_pareto`: `exp(E / a) - 1` (the Generator's uses `expm1`).
pub(crate) fn pareto<B: BitGenerator>(s: &mut Aug<B>, a: f64) -> f64 {
    (s.exponential() / a).exp() - 1.0
}

/// `legacy_power`: `(1 - exp(-E)) ** (1 / a)` (the Generator's uses `-expm1(-E)`).
pub(crate) fn power<B: BitGenerator>(s: &mut Aug<B>, a: f64) -> f64 {
    (1.0 - (-s.exponential()).exp()).powf(1.0 / a)
}

/// `legacy_rayleigh`: `mode * sqrt(-2 log1p(-U))` (the Generator's takes a ziggurat
/// exponential, `mode * sqrt(2 E)`).
pub(crate) fn rayleigh<B: BitGenerator>(s: &mut Aug<B>, mode: f64) -> f64 {
    mode * (-2.0 * (-s.uniform()).ln_1p()).sqrt()
}

/// `legacy_wald`: Michael–Schucany–Haas as first written,
/// `mean + mean/(2 scale) * (Y - sqrt(4 scale Y + Y*Y))` (the Generator's form avoids the
/// cancellation).
pub(crate) fn wald<B: BitGenerator>(s: &mut Aug<B>, mean: f64, scale: f64) -> f64 {
    let mu_2l = mean / (2.0 * scale);
    let mut y = s.gauss();
    y = mean * y * y;
    let x = mean + mu_2l * (y - (4.0 * scale * y + y * y).sqrt());
    let u = s.uniform();
    if u <= mean / (mean + x) { x } else { mean * mean / x }
}

/// `legacy_beta`: Johnk's algorithm for `a, b <= 1` with the older log-space fallback and
/// no tiny-parameter shortcut (the Generator's has both), otherwise a ratio of gammas.
pub(crate) fn beta<B: BitGenerator>(s: &mut Aug<B>, a: f64, b: f64) -> f64 {
    if a <= 1.0 && b <= 1.0 {
        loop {
            let u = s.uniform();
            let v = s.uniform();
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

/// `legacy_random_hypergeometric`'s direct method for samples up to 10 (the Generator's
/// counts with bounded integers instead).
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

/// `legacy_random_hypergeometric`'s HRUA for larger samples, with NumPy's `loggam` (the
/// Generator's uses `logfactorial` and its own rounding of the variance).
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

/// `legacy_random_geometric`: the search for `p >= 1/3` (as the Generator), otherwise
/// `ceil(log1p(-U) / log(1 - p))` (the Generator's inverts a ziggurat exponential).
pub(crate) fn geometric<B: BitGenerator + ?Sized>(b: &mut B, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_3 {
        super::discrete::geometric(b, p)
    } else {
        ((-b.next_double()).ln_1p() / (1.0 - p).ln()).ceil() as i64
    }
}

/// `legacy_logseries`: Kemp's algorithm with `log(1 - p)` and `1 - exp(r U)` (the
/// Generator's uses `log1p` and `expm1`).
pub(crate) fn logseries<B: BitGenerator + ?Sized>(b: &mut B, p: f64) -> i64 {
    super::discrete::logseries_with(b, p, (1.0 - p).ln(), |ru| 1.0 - ru.exp())
}

/// `random_positive_int`: the top 63 bits of a 64-bit draw (`tomaxint`).
pub(crate) fn positive_int<B: BitGenerator + ?Sized>(b: &mut B) -> i64 {
    (b.next_uint64() >> 1) as i64
}
