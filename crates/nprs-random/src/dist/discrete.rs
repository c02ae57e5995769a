//! Discrete distributions of NumPy's `Generator`, one draw at a time.

use super::Draws;
use super::continuous::standard_gamma;
use super::ziggurat::standard_exponential;
use crate::BitGenerator;

/// The largest `lam` NumPy's Poisson sampler accepts: `int64.max - 10*sqrt(int64.max)`.
pub(crate) fn poisson_lam_max() -> f64 {
    let m = i64::MAX as f64;
    m - m.sqrt() * 10.0
}

/// NumPy's Stirling-series log-gamma (not libm's `lgamma`).
pub(crate) fn loggam(x: f64) -> f64 {
    const A: [f64; 10] = [
        8.333_333_333_333_333e-2,
        -2.777_777_777_777_778e-3,
        7.936_507_936_507_937e-4,
        -5.952_380_952_380_952e-4,
        8.417_508_417_508_418e-4,
        -1.917_526_917_526_918e-3,
        6.410_256_410_256_41e-3,
        -2.955_065_359_477_124e-2,
        1.796_443_723_688_307e-1,
        -1.392_432_216_905_9,
    ];
    if x == 1.0 || x == 2.0 {
        return 0.0;
    }
    let n: i64 = if x < 7.0 { (7.0 - x) as i64 } else { 0 };
    let mut x0 = x + n as f64;
    let x2 = (1.0 / x0) * (1.0 / x0);
    let lg2pi = 1.837_877_066_409_345_3;
    let mut gl0 = A[9];
    for k in (0..9).rev() {
        gl0 *= x2;
        gl0 += A[k];
    }
    let mut gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * x0.ln() - x0;
    if x < 7.0 {
        for _ in 0..n {
            gl -= (x0 - 1.0).ln();
            x0 -= 1.0;
        }
    }
    gl
}

/// `log(k!)`: a table below 126, then Stirling's series to the `1/k^3` term.
pub(crate) fn logfactorial(k: i64) -> f64 {
    if let Ok(i) = usize::try_from(k)
        && i < LOGFACT.len()
    {
        return LOGFACT[i];
    }
    let kf = k as f64;
    let halfln2pi = 0.918_938_533_204_672_8;
    (kf + 0.5) * kf.ln() - kf + (halfln2pi + (1.0 / kf) * (1.0 / 12.0 - 1.0 / (360.0 * kf * kf)))
}

/// PTRS's constants for one `lam` (Hörmann's transformed rejection with squeeze).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ptrs {
    lam: f64,
    loglam: f64,
    b: f64,
    a: f64,
    vr: f64,
    log_invalpha: f64,
}

impl Ptrs {
    fn new(lam: f64) -> Self {
        let slam = lam.sqrt();
        let loglam = lam.ln();
        let b = 0.931 + 2.53 * slam;
        let a = -0.059 + 0.02483 * b;
        let invalpha = 1.1239 + 1.1328 / (b - 3.4);
        let vr = 0.9277 - 3.6224 / (b - 2.0);
        Ptrs { lam, loglam, b, a, vr, log_invalpha: invalpha.ln() }
    }

    /// One draw for `lam >= 10`, with the count kept in float64: for `lam` within `i64`'s
    /// range this is NumPy's draw exactly (an integral float converts both ways exactly);
    /// beyond it, where NumPy's cast to `long` is undefined, the count stays correct.
    #[inline]
    fn draw<B: BitGenerator + ?Sized>(&self, bg: &mut B) -> f64 {
        let Ptrs { lam, loglam, b, a, vr, log_invalpha } = *self;
        loop {
            let u = bg.next_double() - 0.5;
            let v = bg.next_double();
            let us = 0.5 - u.abs();
            let k = ((2.0 * a / us + b) * u + lam + 0.43).floor();
            if us >= 0.07 && v <= vr {
                return k;
            }
            if k < 0.0 || (us < 0.013 && v > us) {
                continue;
            }
            if v.ln() + log_invalpha - (a / (us * us) + b).ln() <= -lam + k * loglam - loggam(k + 1.0) {
                return k;
            }
        }
    }
}

/// What NumPy's `random_poisson` computes before drawing: nothing for `lam == 0`, `exp(-lam)`
/// for the multiplication method below 10, PTRS's constants from 10 on.
#[derive(Clone, Copy, Debug)]
pub(crate) enum PoissonPlan {
    Zero,
    Mult { enlam: f64 },
    Ptrs(Ptrs),
    Infinite,
}

impl PoissonPlan {
    fn new(lam: f64) -> Self {
        if lam >= 10.0 {
            if lam.is_infinite() { PoissonPlan::Infinite } else { PoissonPlan::Ptrs(Ptrs::new(lam)) }
        } else if lam == 0.0 {
            PoissonPlan::Zero
        } else {
            PoissonPlan::Mult { enlam: (-lam).exp() }
        }
    }

    #[inline(always)]
    fn draw<B: BitGenerator + ?Sized>(&self, b: &mut B) -> i64 {
        match *self {
            PoissonPlan::Zero => 0,
            PoissonPlan::Mult { enlam } => {
                let mut x = 0;
                let mut prod = 1.0;
                loop {
                    prod *= b.next_double();
                    if prod > enlam {
                        x += 1;
                    } else {
                        return x;
                    }
                }
            }
            // Counts beyond i64 (only legacy callers reach them: `negative_binomial` with a
            // huge or infinite mean) saturate.
            PoissonPlan::Ptrs(p) => p.draw(b) as i64,
            PoissonPlan::Infinite => poisson_f64(b, f64::INFINITY) as i64,
        }
    }
}

/// One `poisson(lam)` draw (NumPy's `random_poisson`, which RandomState uses too).
pub(crate) fn poisson<B: BitGenerator + ?Sized>(b: &mut B, lam: f64) -> i64 {
    PoissonPlan::new(lam).draw(b)
}

/// A sampler's set-up kept for the parameters it was last made for, as NumPy's
/// `binomial_t` keeps the binomial's: draws with the same parameters reuse it.
#[derive(Debug)]
pub(crate) struct Cached<K, P> {
    key: Option<K>,
    plan: P,
}

impl<K: PartialEq + Copy, P> Cached<K, P> {
    /// The set-up for `key`, made by `make` when the parameters changed.
    #[inline(always)]
    fn plan(&mut self, key: K, make: impl FnOnce() -> P) -> &P {
        if self.key != Some(key) {
            self.plan = make();
            self.key = Some(key);
        }
        &self.plan
    }
}

/// `poisson(lam)` draws that keep the set-up of the last `lam`: the same numbers as
/// [`poisson`], without recomputing `exp(-lam)` or PTRS's logarithms per draw.
pub(crate) type PoissonSampler = Cached<u64, PoissonPlan>;

impl Default for PoissonSampler {
    fn default() -> Self {
        Cached { key: None, plan: PoissonPlan::Zero }
    }
}

impl PoissonSampler {
    #[inline(always)]
    pub(crate) fn draw<B: BitGenerator + ?Sized>(&mut self, b: &mut B, lam: f64) -> i64 {
        self.plan(lam.to_bits(), || PoissonPlan::new(lam)).draw(b)
    }
}

/// A Poisson count as float64, for `noncentral_chisquare`'s mixture: NumPy's draws for every
/// finite `lam` its sampler handles, the true count above `i64`'s range.
///
/// `lam = inf` consumes NumPy's draws (PTRS accepts once `|U| <= 0.43` and `V <= 0.9277`)
/// and returns infinity; NumPy's own count there is the artefact of an undefined cast.
pub(crate) fn poisson_f64<B: BitGenerator + ?Sized>(b: &mut B, lam: f64) -> f64 {
    if lam.is_infinite() {
        loop {
            let u = b.next_double() - 0.5;
            let v = b.next_double();
            if 0.5 - u.abs() >= 0.07 && v <= 0.9277 {
                return f64::INFINITY;
            }
        }
    }
    if lam >= 10.0 { Ptrs::new(lam).draw(b) } else { poisson(b, lam) as f64 }
}

/// `poisson(gamma(n, (1 - p) / p))` (`legacy_negative_binomial` too); a count beyond `i64`
/// (only RandomState lets such parameters through) saturates, where NumPy's cast of it is
/// undefined.
pub(crate) fn negative_binomial<S: Draws + ?Sized>(s: &mut S, n: f64, p: f64) -> i64 {
    let y = ((1.0 - p) / p) * standard_gamma(s, n);
    poisson(s.bits(), y)
}

/// BTPE's set-up for `binomial(n, p)` with `p <= 0.5` (Kachitvichyanukul & Schmeiser).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Btpe {
    n: i64,
    nf: f64,
    r: f64,
    q: f64,
    m: i64,
    mf: f64,
    p1: f64,
    xm: f64,
    xl: f64,
    xr: f64,
    c: f64,
    laml: f64,
    lamr: f64,
    p2: f64,
    p3: f64,
    p4: f64,
}

impl Btpe {
    fn new(n: i64, p: f64) -> Self {
        let nf = n as f64;
        let r = p.min(1.0 - p);
        let q = 1.0 - r;
        let fm = nf * r + r;
        let m = fm.floor() as i64;
        let mf = m as f64;
        let p1 = (2.195 * (nf * r * q).sqrt() - 4.6 * q).floor() + 0.5;
        let xm = mf + 0.5;
        let xl = xm - p1;
        let xr = xm + p1;
        let c = 0.134 + 20.5 / (15.3 + mf);
        let mut a = (fm - xl) / (fm - xl * r);
        let laml = a * (1.0 + a / 2.0);
        a = (xr - fm) / (xr * q);
        let lamr = a * (1.0 + a / 2.0);
        let p2 = p1 * (1.0 + 2.0 * c);
        let p3 = p2 + c / laml;
        let p4 = p3 + c / lamr;
        Btpe { n, nf, r, q, m, mf, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 }
    }

    /// One draw, in NumPy 2.4's form (RandomState's BTPE is the same).
    fn draw<B: BitGenerator + ?Sized>(&self, bg: &mut B) -> i64 {
        let Btpe { n, nf, r, q, m, mf, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = *self;
        'step10: loop {
            let nrq = nf * r * q;
            let u = bg.next_double() * p4;
            let mut v = bg.next_double();
            let y: i64;
            if u <= p1 {
                return (xm - p1 * v + u).floor() as i64;
            }
            if u <= p2 {
                let x = xl + (u - p1) / c;
                v = v * c + 1.0 - (mf - x + 0.5).abs() / p1;
                if v > 1.0 {
                    continue 'step10;
                }
                y = x.floor() as i64;
            } else if u <= p3 {
                y = (xl + v.ln() / laml).floor() as i64;
                if y < 0 || v == 0.0 {
                    continue 'step10;
                }
                v = v * (u - p2) * laml;
            } else {
                y = (xr - v.ln() / lamr).floor() as i64;
                if y > n || v == 0.0 {
                    continue 'step10;
                }
                v = v * (u - p3) * lamr;
            }
            // Step 50
            let k = (y - m).abs();
            if !(k > 20 && (k as f64) < nrq / 2.0 - 1.0) {
                let s = r / q;
                let aa = s * (nf + 1.0);
                let mut ff = 1.0;
                if m < y {
                    for i in m + 1..=y {
                        ff *= aa / i as f64 - s;
                    }
                } else if m > y {
                    for i in y + 1..=m {
                        ff /= aa / i as f64 - s;
                    }
                }
                if v > ff {
                    continue 'step10;
                }
                return y;
            }
            // Step 52
            let kf = k as f64;
            let rho = (kf / nrq) * ((kf * (kf / 3.0 + 0.625) + 0.166_666_666_666_666_66) / nrq + 0.5);
            let t = k.wrapping_neg().wrapping_mul(k) as f64 / (2.0 * nrq);
            let big_a = v.ln();
            if big_a < t - rho {
                return y;
            }
            if big_a > t + rho {
                continue 'step10;
            }
            // NumPy converts first and adds in float64 (exact below 2**53, rounded above).
            let x1 = y as f64 + 1.0;
            let f1 = mf + 1.0;
            let z = nf + 1.0 - mf;
            let w = nf - y as f64 + 1.0;
            let (x2, f2, z2, w2) = (x1 * x1, f1 * f1, z * z, w * w);
            let s = |a: f64, a2: f64| (13680. - (462. - (132. - (99. - 140. / a2) / a2) / a2) / a2) / a / 166_320.;
            let bound = xm * (f1 / x1).ln()
                + ((n - m) as f64 + 0.5) * (z / w).ln()
                + (y - m) as f64 * (w * r / (x1 * q)).ln()
                + s(f1, f2)
                + s(z, z2)
                + s(x1, x2)
                + s(w, w2);
            if big_a > bound {
                continue 'step10;
            }
            return y;
        }
    }
}

/// Inversion's set-up for `binomial(n, p)` with small `n*p`. `legacy` computes `q^n` as
/// `exp(n*log(q))` (RandomState); the Generator uses `exp(n*log1p(-p))`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Inversion {
    n: i64,
    p: f64,
    q: f64,
    qn: f64,
    bound: i64,
}

impl Inversion {
    fn new(n: i64, p: f64, legacy: bool) -> Self {
        let nf = n as f64;
        let q = 1.0 - p;
        let qn = if legacy { (nf * q.ln()).exp() } else { (nf * (-p).ln_1p()).exp() };
        let np = nf * p;
        let bound = nf.min(np + 10.0 * (np * q + 1.0).sqrt()) as i64;
        Inversion { n, p, q, qn, bound }
    }

    #[inline(always)]
    fn draw<B: BitGenerator + ?Sized>(&self, bg: &mut B) -> i64 {
        let Inversion { n, p, q, qn, bound } = *self;
        let mut x: i64 = 0;
        let mut px = qn;
        let mut u = bg.next_double();
        while u > px {
            x += 1;
            if x > bound {
                x = 0;
                px = qn;
                u = bg.next_double();
            } else {
                u -= px;
                px = ((n - x + 1) as f64 * p * px) / (x as f64 * q);
            }
        }
        x
    }
}

/// How `binomial(n, p)` is drawn: nothing, inversion or BTPE on `min(p, 1-p)`, and whether
/// the count is `n - draw`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum BinomialPlan {
    Zero,
    Inversion(Inversion, bool),
    Btpe(Btpe, bool),
}

impl BinomialPlan {
    /// The plan for `binomial(n, p)` (`legacy`: RandomState's algorithm).
    pub(crate) fn new(p: f64, n: i64, legacy: bool) -> Self {
        if !legacy && (n == 0 || p == 0.0) {
            return BinomialPlan::Zero;
        }
        let (pp, flip) = if p <= 0.5 { (p, false) } else { (1.0 - p, true) };
        if pp * n as f64 <= 30.0 {
            BinomialPlan::Inversion(Inversion::new(n, pp, legacy), flip)
        } else {
            BinomialPlan::Btpe(Btpe::new(n, pp), flip)
        }
    }

    /// One draw.
    #[inline(always)]
    pub(crate) fn draw<B: BitGenerator + ?Sized>(&self, bg: &mut B) -> i64 {
        match self {
            BinomialPlan::Zero => 0,
            BinomialPlan::Inversion(inv, flip) => {
                let x = inv.draw(bg);
                if *flip { inv.n - x } else { x }
            }
            BinomialPlan::Btpe(bt, flip) => {
                let y = bt.draw(bg);
                if *flip { bt.n - y } else { y }
            }
        }
    }
}

/// `binomial(n, p)` draws that keep the set-up of the last `(n, p)`: the same numbers,
/// without recomputing logs and roots per draw.
pub(crate) type BinomialSampler = Cached<(i64, u64), BinomialPlan>;

impl Default for BinomialSampler {
    fn default() -> Self {
        Cached { key: None, plan: BinomialPlan::Zero }
    }
}

impl BinomialSampler {
    #[inline(always)]
    pub(crate) fn draw<B: BitGenerator + ?Sized>(&mut self, bg: &mut B, p: f64, n: i64, legacy: bool) -> i64 {
        self.plan((n, p.to_bits()), || BinomialPlan::new(p, n, legacy)).draw(bg)
    }
}

/// `binomial(n, p)` as NumPy 2.4's Generator draws it (`legacy`: as RandomState does).
pub(crate) fn binomial<B: BitGenerator + ?Sized>(bg: &mut B, p: f64, n: i64, legacy: bool) -> i64 {
    BinomialPlan::new(p, n, legacy).draw(bg)
}

/// Kemp's second accelerated generator (`random_logseries`): `logseries_with(b, p, log1p(-p),
/// |ru| -expm1(ru))`; RandomState's `legacy_logseries` passes `log(1 - p)` and `1 - exp(ru)`.
pub(crate) fn logseries<B: BitGenerator + ?Sized>(b: &mut B, p: f64) -> i64 {
    logseries_with(b, p, (-p).ln_1p(), |ru| -ru.exp_m1())
}

/// Kemp's algorithm given `r = log(1 - p)` and `q(r U) = 1 - exp(r U)` as each API computes them.
pub(crate) fn logseries_with<B: BitGenerator + ?Sized>(b: &mut B, p: f64, r: f64, q_of: impl Fn(f64) -> f64) -> i64 {
    loop {
        let v = b.next_double();
        if v >= p {
            return 1;
        }
        let u = b.next_double();
        let q = q_of(r * u);
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

pub(crate) fn geometric<B: BitGenerator + ?Sized>(b: &mut B, p: f64) -> i64 {
    if p >= 0.333_333_333_333_333_3 {
        let u = b.next_double();
        let mut x = 1;
        let mut sum = p;
        let mut prod = p;
        let q = 1.0 - p;
        while u > sum {
            prod *= q;
            sum += prod;
            x += 1;
        }
        x
    } else {
        let z = (-standard_exponential(b) / (-p).ln_1p()).ceil();
        if z >= 9.223_372_036_854_776e18 { i64::MAX } else { z as i64 }
    }
}

/// Rejection from a Pareto envelope; `a >= 1025` returns 1 without drawing (anything else
/// has probability below `2**-1024`; NumPy's legacy loop never ends there, see
/// docs/deviations.md).
///
/// The Generator draws `U` from `(Umin, 1]`, so that no value beyond `i64::MAX` is proposed;
/// NumPy's `legacy_random_zipf` draws it from `(0, 1]` (`Umin = 0` gives `1 - U` exactly).
pub(crate) fn zipf<S: Draws + ?Sized>(s: &mut S, a: f64) -> i64 {
    if a >= 1025.0 {
        return 1;
    }
    let am1 = a - 1.0;
    let bb = 2f64.powf(am1);
    let umin = if S::LEGACY { 0.0 } else { (i64::MAX as f64).powf(-am1) };
    loop {
        let u01 = s.uniform();
        let u = u01 * umin + (1.0 - u01);
        let v = s.uniform();
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

/// `log(k!)` for `k = 0..=125`.
#[allow(clippy::excessive_precision, clippy::unreadable_literal, clippy::approx_constant)] // the exact published table
const LOGFACT: [f64; 126] = [
    0.0,
    0.0,
    0.69314718055994529,
    1.791759469228055,
    3.1780538303479458,
    4.7874917427820458,
    6.5792512120101012,
    8.5251613610654147,
    10.604602902745251,
    12.801827480081469,
    15.104412573075516,
    17.502307845873887,
    19.987214495661885,
    22.552163853123425,
    25.19122118273868,
    27.89927138384089,
    30.671860106080672,
    33.505073450136891,
    36.395445208033053,
    39.339884187199495,
    42.335616460753485,
    45.380138898476908,
    48.471181351835227,
    51.606675567764377,
    54.784729398112319,
    58.003605222980518,
    61.261701761002001,
    64.557538627006338,
    67.88974313718154,
    71.257038967168015,
    74.658236348830158,
    78.092223553315307,
    81.557959456115043,
    85.054467017581516,
    88.580827542197682,
    92.136175603687093,
    95.719694542143202,
    99.330612454787428,
    102.96819861451381,
    106.63176026064346,
    110.32063971475739,
    114.03421178146171,
    117.77188139974507,
    121.53308151543864,
    125.3172711493569,
    129.12393363912722,
    132.95257503561632,
    136.80272263732635,
    140.67392364823425,
    144.5657439463449,
    148.47776695177302,
    152.40959258449735,
    156.3608363030788,
    160.3311282166309,
    164.32011226319517,
    168.32744544842765,
    172.35279713916279,
    176.39584840699735,
    180.45629141754378,
    184.53382886144948,
    188.6281734236716,
    192.7390472878449,
    196.86618167289001,
    201.00931639928152,
    205.1681994826412,
    209.34258675253685,
    213.53224149456327,
    217.73693411395422,
    221.95644181913033,
    226.1905483237276,
    230.43904356577696,
    234.70172344281826,
    238.97838956183432,
    243.26884900298271,
    247.57291409618688,
    251.89040220972319,
    256.22113555000954,
    260.56494097186322,
    264.92164979855278,
    269.29109765101981,
    273.67312428569369,
    278.06757344036612,
    282.4742926876304,
    286.89313329542699,
    291.32395009427029,
    295.76660135076065,
    300.22094864701415,
    304.68685676566872,
    309.1641935801469,
    313.65282994987905,
    318.1526396202093,
    322.66349912672615,
    327.1852877037752,
    331.71788719692847,
    336.26118197919845,
    340.81505887079902,
    345.37940706226686,
    349.95411804077025,
    354.53908551944079,
    359.1342053695754,
    363.73937555556347,
    368.35449607240474,
    372.97946888568902,
    377.61419787391867,
    382.25858877306001,
    386.91254912321756,
    391.57598821732961,
    396.24881705179155,
    400.93094827891576,
    405.6222961611449,
    410.32277652693733,
    415.03230672824964,
    419.75080559954472,
    424.47819341825709,
    429.21439186665157,
    433.95932399501481,
    438.71291418612117,
    443.47508812091894,
    448.24577274538461,
    453.02489623849613,
    457.81238798127816,
    462.60817852687489,
    467.4121995716082,
    472.22438392698058,
    477.04466549258564,
    481.87297922988796,
];

#[cfg(test)]
mod tests {
    use super::Btpe;
    use crate::BitGenerator;
    use crate::seed_sequence::SeedSequence;

    /// A bit generator that hands out chosen doubles (multiples of 2**-53).
    struct Scripted(std::vec::IntoIter<f64>);

    impl BitGenerator for Scripted {
        fn next_uint64(&mut self) -> u64 {
            let d = self.0.next().expect("script exhausted");
            ((d * 9_007_199_254_740_992.0) as u64) << 11
        }
        fn next_uint32(&mut self) -> u32 {
            unreachable!("BTPE draws doubles")
        }
        fn seed_seq(&self) -> Option<&SeedSequence> {
            None
        }
        fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
            None
        }
    }

    /// Rounds to a double the scripted generator can produce.
    fn q53(x: f64) -> f64 {
        (x * 9_007_199_254_740_992.0).round() / 9_007_199_254_740_992.0
    }

    /// BTPE's squeeze (step 52) with `n = i64::MAX` takes its terms in float64, as NumPy
    /// does: `n + 1` must not be an integer addition (it overflows).
    #[test]
    fn btpe_squeeze_at_the_int64_limit() {
        let bt = Btpe::new(i64::MAX, 0.5);
        let nrq = bt.nf * bt.r * bt.q;
        let k = nrq.sqrt().floor();
        // Step 20 with x = m + k + 0.5, so y = m + k.
        let u1 = q53((bt.p1 + (bt.mf + k + 0.5 - bt.xl) * bt.c) / bt.p4);
        let u = u1 * bt.p4;
        assert!(bt.p1 < u && u <= bt.p2);
        let x = bt.xl + (u - bt.p1) / bt.c;
        let y = x.floor();
        let kk = y - bt.mf;
        assert!(kk > 20.0 && kk < nrq / 2.0 - 1.0);
        // v after step 20 equal to exp(t): log(v) falls between t - rho and t + rho.
        let t = -(kk * kk) / (2.0 * nrq);
        let v1 = q53((t.exp() - 1.0 + (bt.mf - x + 0.5).abs() / bt.p1) / bt.c);
        let v = v1 * bt.c + 1.0 - (bt.mf - x + 0.5).abs() / bt.p1;
        let rho = (kk / nrq) * ((kk * (kk / 3.0 + 0.625) + 0.166_666_666_666_666_66) / nrq + 0.5);
        assert!(v.ln() >= t - rho && v.ln() <= t + rho, "the script reaches the squeeze's bound");
        // Whatever the bound decides, a count comes back (a rejection draws the next pair).
        let mut g = Scripted(vec![u1, v1, 0.0, 0.5].into_iter());
        let got = bt.draw(&mut g);
        assert!((0..=i64::MAX).contains(&got));
    }
}
