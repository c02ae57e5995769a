//! The algorithms, written once against [`Vf64`] and evaluated in `f64` for both `float64`
//! and `float32` (whose inputs widen exactly and whose results round once to `f32`).
//!
//! Every special case is chosen by a lane select on the input's value, never by the lane's
//! position, and lanes that take a special path are fed a harmless value in the main path so
//! that they raise no floating-point flag there: the flags a kernel raises are the ones the
//! special path raises on purpose (`0 * inf` for invalid, `-1 / 0` for divide) or the ones a
//! result's own rounding raises (overflow to infinity, underflow to a subnormal or zero).

use super::simd::{MAGIC, Vf64, pow2};
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, PI};

const LOG2E: f64 = std::f64::consts::LOG2_E;
/// `ln 2` split so that `k * LN2_HI` is exact for `|k| < 2^11`.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
/// `π/2` as the sum of three doubles.
const PIO2_1: f64 = f64::from_bits(0x3ff9_21fb_5444_2d18);
const PIO2_2: f64 = f64::from_bits(0x3c91_a626_3314_5c07);
const PIO2_3: f64 = f64::from_bits(0xb91f_1976_b7ed_8fbc);
const INF: f64 = f64::INFINITY;
/// `ln 2`, `log2 e`, `log10 e` as double-doubles; `log10 2` split so that `k * LOG10_2_HI`
/// is exact for `|k| < 2^11`.
const LN2: f64 = f64::from_bits(0x3fe6_2e42_fefa_39ef);
const LN2_TAIL: f64 = f64::from_bits(0x3c7a_bc9e_3b39_803f);
const LOG2E_TAIL: f64 = f64::from_bits(0x3c77_77d0_ffda_0d24);
const LOG10E: f64 = f64::from_bits(0x3fdb_cb7b_1526_e50e);
const LOG10E_TAIL: f64 = f64::from_bits(0x3c69_5355_baaa_fad3);
const LOG10_2_HI: f64 = f64::from_bits(0x3fd3_4413_5080_0000);
const LOG10_2_LO: f64 = f64::from_bits(0x3ddf_79fe_f311_f12b);

/// Evaluates `c[0] + c[1] x + c[2] x² + …` by Horner's rule.
#[inline(always)]
fn poly<V: Vf64, const N: usize>(x: V, c: &[f64; N]) -> V {
    let mut acc = V::splat(c[N - 1]);
    let mut i = N - 1;
    while i > 0 {
        i -= 1;
        acc = acc.fma(x, V::splat(c[i]));
    }
    acc
}

/// The lanes in `m` replaced by `f` of the same lanes of `x` (the rare path of arguments the
/// vector algorithm does not cover).
#[inline(always)]
fn patch<V: Vf64>(v: V, x: V, m: V::M, f: fn(f64) -> f64) -> V {
    let bits = V::m_bits(m);
    if bits == 0 {
        return v;
    }
    const { assert!(V::LANES <= 32) };
    let mut xs = [0.0f64; 32];
    let mut vs = [0.0f64; 32];
    // SAFETY: both arrays hold 32 >= LANES values.
    unsafe {
        x.store(xs.as_mut_ptr());
        v.store(vs.as_mut_ptr());
    }
    for i in 0..V::LANES {
        if bits >> i & 1 != 0 {
            vs[i] = f(xs[i]);
        }
    }
    // SAFETY: as above.
    unsafe { V::load(vs.as_ptr()) }
}

/// `v`, raising underflow where it is subnormal, as the C library's `atan2` and `pow` do
/// even for exact results.
#[inline(always)]
fn flag_subnormal<V: Vf64>(v: V) -> V {
    let a = v.abs();
    let sub = V::m_and(a.lt(V::splat(f64::MIN_POSITIVE)), V::splat(0.0).lt(a));
    v.sub(V::select(sub, V::splat(1e-300), V::splat(0.0)).mul(V::splat(1e-300)))
}

/// `a + b` in the lanes of `m` (where one is NaN: NaN propagated as C does), and nothing
/// computed (so nothing raised, e.g. by `inf - inf`) elsewhere.
#[inline(always)]
fn nan_sum<V: Vf64>(m: V::M, a: V, b: V) -> V {
    let zero = V::splat(0.0);
    V::select(m, a, zero).add(V::select(m, b, zero))
}

/// `NaN` raising invalid in the lanes of `m`, `+inf` (silently) elsewhere.
#[inline(always)]
fn invalid_where<V: Vf64>(m: V::M) -> V {
    V::select(m, V::splat(0.0), V::splat(1.0)).mul(V::splat(INF))
}

/// Taylor coefficients `1/n!` of `e^r` from `n = 2` to 13: on `|r| <= ln2/2` the first
/// omitted term is below 0.03 ulp of the result.
const EXP_C: [f64; 12] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5_040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
    1.0 / 479_001_600.0,
    1.0 / 6_227_020_800.0,
];

/// `e^r - 1` for `|r| <= ln2/2` (about), accurate relative to the result.
#[inline(always)]
fn expm1_poly<V: Vf64>(r: V) -> V {
    r.mul(r).fma(poly(r, &EXP_C), r)
}

/// `x = k ln2 + r` for a finite, clamped `x`: `(k, r)`.
#[inline(always)]
fn exp_reduce<V: Vf64>(x: V) -> (V, V) {
    let k = x.mul(V::splat(LOG2E)).round();
    let r = k.neg().fma(V::splat(LN2_HI), x);
    (k, k.neg().fma(V::splat(LN2_LO), r))
}

/// `p · 2^k` for integer-valued `k` in `[-2044, 2046]`, rounded once.
#[inline(always)]
fn scale<V: Vf64>(p: V, k: V) -> V {
    p.scale(k)
}

/// `x` clamped to `[lo, hi]`, with NaN and infinite lanes replaced by 0 (harmless).
#[inline(always)]
fn clamp<V: Vf64>(x: V, lo: f64, hi: f64) -> V {
    let bad = V::m_or(x.is_nan(), x.abs().eq(V::splat(INF)));
    let c = V::select(x.gt(V::splat(hi)), V::splat(hi), x);
    let c = V::select(c.lt(V::splat(lo)), V::splat(lo), c);
    V::select(bad, V::splat(0.0), c)
}

/// The value at `±inf` (`pos`, `neg`) and NaN (itself) over `res`.
#[inline(always)]
fn ends<V: Vf64>(x: V, res: V, pos: f64, neg: f64) -> V {
    let res = V::select(x.eq(V::splat(INF)), V::splat(pos), res);
    let res = V::select(x.eq(V::splat(-INF)), V::splat(neg), res);
    V::select(x.is_nan(), x, res)
}

/// `e^x`: `x = k ln2 + r`, `e^r` by its Taylor polynomial, `2^k` applied as two exact
/// powers of two so that the one rounding into the subnormal range or to infinity happens
/// last (and raises underflow/overflow as it should).
#[inline(always)]
pub(super) fn exp<V: Vf64>(x: V) -> V {
    // |x| < 2^-54 rounds to 1; such lanes compute e^0 (no square underflows).
    let xc = clamp(x, -746.0, 710.0);
    let xc = V::select(xc.abs().lt(V::splat(TINY)), V::splat(0.0), xc);
    let (k, r) = exp_reduce(xc);
    let p = V::splat(1.0).add(expm1_poly(r));
    ends(x, scale(p, k), INF, 0.0)
}

/// `2^x`: `x = k + r`, `2^r = e^(r ln2)` with `r ln2` as a double-double.
#[inline(always)]
pub(super) fn exp2<V: Vf64>(x: V) -> V {
    let xc = clamp(x, -1080.0, 1025.0);
    let xc = V::select(xc.abs().lt(V::splat(TINY)), V::splat(0.0), xc);
    let k = xc.round();
    let r = xc.sub(k);
    let th = r.mul(V::splat(LN2));
    let tl = r.fma(V::splat(LN2), th.neg()).add(r.mul(V::splat(LN2_TAIL)));
    let p = V::splat(1.0).add(expm1_poly(th).add(tl));
    ends(x, scale(p, k), INF, 0.0)
}

/// `e^x - 1` for `x` clamped to `[-40, 710]` and finite: `2^k (ph + pl) - 1` summed
/// exactly before its one rounding, or `e^x` near overflow; tiny `x` is its own result.
#[inline(always)]
fn expm1_core<V: Vf64>(xc: V) -> V {
    let tiny = xc.abs().lt(V::splat(TINY));
    let (k, ph, pl) = exp_dd_parts(V::select(tiny, V::splat(0.0), xc));
    let big = xc.gt(V::splat(700.0));
    let s = pow2(V::select(big, V::splat(0.0), k));
    let (h, e) = two_sum(ph.mul(s), V::splat(-1.0));
    let normal = h.add(pl.fma(s, e));
    V::select(tiny, xc, V::select(big, scale(ph, k), normal))
}

/// Below this `expm1(x)`, `log1p(x)`, `tanh(x)`… round to `x`.
const TINY: f64 = 5.551_115_123_125_783e-17;

/// `e^x - 1`.
#[inline(always)]
pub(super) fn expm1<V: Vf64>(x: V) -> V {
    ends(x, expm1_core(clamp(x, -40.0, 710.0)), INF, -1.0)
}

/// `2/(2n+1)` for `n = 1..=11`: `ln((1+s)/(1-s)) = 2s + s·z·(2/3 + 2/5 z + …)`, `z = s²`,
/// with `|s| <= 0.172` the first omitted term is below 0.2 ulp.
const LOG_C: [f64; 11] = [
    2.0 / 3.0,
    2.0 / 5.0,
    2.0 / 7.0,
    2.0 / 9.0,
    2.0 / 11.0,
    2.0 / 13.0,
    2.0 / 15.0,
    2.0 / 17.0,
    2.0 / 19.0,
    2.0 / 21.0,
    2.0 / 23.0,
];

/// For a positive finite `x` (other lanes must be made harmless by the caller):
/// `x = 2^k m` with `m` in `[√2/2, √2)`, and `ln m` as a double-double `hi + lo` from
/// `f = m - 1`, `s = f/(2+f)`, `ln m = 2 atanh s = f - s (f - R(s²))`.
#[inline(always)]
fn log_parts<V: Vf64>(x: V) -> (V, V, V) {
    let one = V::splat(1.0);
    let two = V::splat(2.0);
    let tiny = x.lt(V::splat(f64::MIN_POSITIVE));
    let xs = V::select(tiny, V::select(tiny, x, V::splat(0.0)).mul(V::splat(18_014_398_509_481_984.0)), x);
    let kadj = V::select(tiny, V::splat(-54.0 - 1023.0), V::splat(-1023.0));
    // The biased exponent as an integer-valued f64.
    let e = xs.shr::<52>().or(V::splat(4_503_599_627_370_496.0)).sub(V::splat(4_503_599_627_370_496.0));
    let m = xs.and(V::splat_bits(0x000f_ffff_ffff_ffff)).or(one);
    let big = m.gt(V::splat(std::f64::consts::SQRT_2));
    let m = V::select(big, m.mul(V::splat(0.5)), m);
    let k = e.add(kadj).add(V::select(big, one, V::splat(0.0)));
    let f = m.sub(one);
    // s = f / (2 + f) with its rounding error: d + dl = 2 + f exactly.
    let d = two.add(f);
    let dl = two.sub(d).add(f);
    let s = f.div(d);
    let sl = s.neg().fma(d, f).sub(s.mul(dl)).div(d);
    let z = s.mul(s);
    let rr = z.mul(poly(z, &LOG_C));
    let corr = s.neg().mul(f.sub(rr)).sub(sl.mul(f));
    let hi = f.add(corr);
    let lo = f.sub(hi).add(corr);
    (k, hi, lo)
}

/// The special results of the logarithms over `res`, for `x` the argument whose zero is
/// the pole (`log1p` passes `1 + x`): NaN with invalid below zero, `-inf` with divide at
/// zero, `+inf` at `+inf`, NaN for NaN.
#[inline(always)]
fn log_special<V: Vf64>(x: V, arg: V, res: V) -> V {
    let zero = V::splat(0.0);
    let one = V::splat(1.0);
    let mut res = V::select(x.eq(V::splat(INF)), x, res);
    let neg = arg.lt(zero);
    let zer = arg.eq(zero);
    if V::any(V::m_or(neg, zer)) {
        res = V::select(neg, invalid_where::<V>(neg), res);
        res = V::select(zer, V::splat(-1.0).div(V::select(zer, zero, one)), res);
    }
    V::select(x.is_nan(), x, res)
}

/// A positive finite value in lanes where `x` is not (harmless for `log_parts`).
#[inline(always)]
fn log_arg<V: Vf64>(x: V) -> V {
    let ok = V::m_and(x.gt(V::splat(0.0)), x.lt(V::splat(INF)));
    V::select(ok, x, V::splat(1.0))
}

/// `ln x`.
#[inline(always)]
pub(super) fn log<V: Vf64>(x: V) -> V {
    let (k, hi, lo) = log_parts(log_arg(x));
    let s1 = k.mul(V::splat(LN2_HI));
    let t = s1.add(hi);
    let e = s1.sub(t).add(hi);
    let res = t.add(e.add(k.fma(V::splat(LN2_LO), lo)));
    log_special(x, x, res)
}

/// `log2 x`.
#[inline(always)]
pub(super) fn log2<V: Vf64>(x: V) -> V {
    let (k, hi, lo) = log_parts(log_arg(x));
    let c = V::splat(LOG2E);
    let ph = hi.mul(c);
    let pl = hi.fma(c, ph.neg()).add(lo.mul(c).add(hi.mul(V::splat(LOG2E_TAIL))));
    let t = k.add(ph);
    let e = k.sub(t).add(ph);
    log_special(x, x, t.add(e.add(pl)))
}

/// `log10 x`.
#[inline(always)]
pub(super) fn log10<V: Vf64>(x: V) -> V {
    let (k, hi, lo) = log_parts(log_arg(x));
    let c = V::splat(LOG10E);
    let ph = hi.mul(c);
    let pl = hi.fma(c, ph.neg()).add(lo.mul(c).add(hi.mul(V::splat(LOG10E_TAIL))));
    let s1 = k.mul(V::splat(LOG10_2_HI));
    let t = s1.add(ph);
    let e = s1.sub(t).add(ph);
    log_special(x, x, t.add(e.add(k.fma(V::splat(LOG10_2_LO), pl))))
}

/// `ln(1 + x)`: `u = 1 + x` rounded, `ln u + c/u` with `c = x - (u - 1)` exact.
#[inline(always)]
pub(super) fn log1p<V: Vf64>(x: V) -> V {
    let tiny = x.abs().lt(V::splat(TINY));
    let xs = V::select(tiny, V::splat(0.0), x);
    let u = V::splat(1.0).add(xs);
    let ua = log_arg(u);
    // Where u was replaced (x <= -1, x = inf, NaN) the correction is 0 and raises nothing.
    let um1 = ua.sub(V::splat(1.0));
    let c = V::select(u.eq(ua), xs, um1).sub(um1).div(ua);
    let (k, hi, lo) = log_parts(ua);
    let s1 = k.mul(V::splat(LN2_HI));
    let t = s1.add(hi);
    let e = s1.sub(t).add(hi);
    let res = t.add(e.add(k.fma(V::splat(LN2_LO), lo.add(c))));
    let res = V::select(tiny, x, res);
    log_special(x, V::select(x.is_nan(), x, u), res)
}

/// `(-1)^(n+1)/(2n+1)!` for `n = 1..=9`: `sin r = r + r³ S(r²)` on `|r| <= π/4`.
const SIN_C: [f64; 9] = [
    -1.0 / 6.0,
    1.0 / 120.0,
    -1.0 / 5_040.0,
    1.0 / 362_880.0,
    -1.0 / 39_916_800.0,
    1.0 / 6_227_020_800.0,
    -1.0 / 1_307_674_368_000.0,
    1.0 / 355_687_428_096_000.0,
    -1.0 / 121_645_100_408_832_000.0,
];
/// `(-1)^n/(2n)!` for `n = 2..=9`: `cos r = 1 - r²/2 + r⁴ C(r²)`.
const COS_C: [f64; 8] = [
    1.0 / 24.0,
    -1.0 / 720.0,
    1.0 / 40_320.0,
    -1.0 / 3_628_800.0,
    1.0 / 479_001_600.0,
    -1.0 / 87_178_291_200.0,
    1.0 / 20_922_789_888_000.0,
    -1.0 / 6_402_373_705_728_000.0,
];

/// Arguments at or above this go to the platform's `sin`/`cos` (full-range reduction).
const TRIG_BIG: f64 = 1_073_741_824.0;

/// `a = q π/2 + r + rl` for `0 <= a < 2^30`, `r + rl` a double-double in about
/// `[-π/4, π/4]`.
#[inline(always)]
fn trig_reduce<V: Vf64>(a: V) -> (V, V, V) {
    // Below 1/2 the quadrant is 0 (and a tiny product would underflow).
    let aq = V::select(a.lt(V::splat(0.5)), V::splat(0.0), a);
    let q = aq.mul(V::splat(std::f64::consts::FRAC_2_PI)).round();
    // Exact: `q·PIO2_1` and `a` are multiples of 2^-53 and their difference is below 1.
    let r1 = q.neg().fma(V::splat(PIO2_1), a);
    let th = q.mul(V::splat(PIO2_2));
    let tl = q.fma(V::splat(PIO2_2), th.neg());
    // Two-sum of r1 - th.
    let r = r1.sub(th);
    let bb = r.sub(r1);
    let e = r1.sub(r.sub(bb)).sub(th.add(bb));
    (q, r, q.neg().fma(V::splat(PIO2_3), e.sub(tl)))
}

/// `sin(r + rl)` and `cos(r + rl)` as double-doubles `(sh, sl, ch, cl)`, the high parts
/// rounded once from the exact sums.
#[inline(always)]
fn sincos_dd<V: Vf64>(r: V, rl: V) -> (V, V, V, V) {
    // Below 2^-27 the polynomials add nothing: leave them out so that no square underflows.
    let rs = V::select(r.abs().lt(V::splat(7.450_580_596_923_828e-9)), V::splat(0.0), r);
    let z = rs.mul(rs);
    let half = V::splat(0.5);
    let corr = rs.mul(z).fma(poly(z, &SIN_C), rl.mul(half.neg().fma(z, V::splat(1.0))));
    let sh = r.add(corr);
    let sl = r.sub(sh).add(corr);
    let zl = rs.fma(rs, z.neg());
    let hz = half.mul(z);
    let w = V::splat(1.0).sub(hz);
    let tail = z.mul(z).fma(poly(z, &COS_C), half.neg().mul(zl)).sub(r.mul(rl));
    let t2 = V::splat(1.0).sub(w).sub(hz).add(tail);
    let ch = w.add(t2);
    let cl = w.sub(ch).add(t2);
    (sh, sl, ch, cl)
}

/// `sin |x|` (`COS = false`) or `cos |x|` (`COS = true`) for `|x| < 2^30`: `|x| = q π/2 + r`
/// with `r` kept as a double-double `r + rl`, then the quadrant picks `±sin r` or `±cos r`.
#[inline(always)]
fn sincos_core<V: Vf64, const COS: bool>(a: V) -> V {
    let (q, r, rl) = trig_reduce(a);
    let (sh, _, ch, _) = sincos_dd(r, rl);
    let (sin_r, cos_r) = (sh, ch);

    let qi = if COS { q.add(V::splat(1.0)) } else { q }.add(V::splat(MAGIC));
    let swap = qi.shl::<63>().or(V::splat(1.0)).lt(V::splat(0.0));
    let neg = qi.shr::<1>().shl::<63>();
    V::select(swap, cos_r, sin_r).xor(neg)
}

/// `sin x`.
#[inline(always)]
pub(super) fn sin<V: Vf64>(x: V) -> V {
    let a = x.abs();
    let big = V::m_not(a.lt(V::splat(TRIG_BIG)));
    let a = V::select(big, V::splat(0.0), a);
    let res = sincos_core::<V, false>(a).xor(x.sign_bits());
    // A subnormal argument is its own sine, inexactly: underflow, as the C library raises.
    let sub = V::m_and(a.lt(V::splat(f64::MIN_POSITIVE)), V::splat(0.0).lt(a));
    let res = res.sub(V::select(sub, V::splat(1e-300), V::splat(0.0)).mul(V::splat(1e-300)));
    patch(res, x, big, f64::sin)
}

/// `cos x`.
#[inline(always)]
pub(super) fn cos<V: Vf64>(x: V) -> V {
    let a = x.abs();
    let big = V::m_not(a.lt(V::splat(TRIG_BIG)));
    let a = V::select(big, V::splat(0.0), a);
    let res = sincos_core::<V, true>(a);
    patch(res, x, big, f64::cos)
}

/// `e^x = 2^k (ph + pl)` for a finite, clamped `x`, with the reduction's and the
/// polynomial's rounding errors carried in `pl`.
#[inline(always)]
fn exp_dd_parts<V: Vf64>(x: V) -> (V, V, V) {
    let one = V::splat(1.0);
    let k = x.mul(V::splat(LOG2E)).round();
    let r1 = k.neg().fma(V::splat(LN2_HI), x);
    let r = k.neg().fma(V::splat(LN2_LO), r1);
    let rl = k.neg().fma(V::splat(LN2_LO), r1.sub(r));
    let w = r.mul(r).mul(poly(r, &EXP_C));
    let u = r.add(w);
    let ul = r.sub(u).add(w);
    let ph = one.add(u);
    let pl = rl.fma(ph, one.sub(ph).add(u).add(ul));
    (k, ph, pl)
}

/// `1/(2n+1)!` for `n = 1..=9`: `sinh a = a + a·z·P(z)`, `z = a²`, on `|a| < 1`.
const SINH_C: [f64; 9] = [
    1.0 / 6.0,
    1.0 / 120.0,
    1.0 / 5_040.0,
    1.0 / 362_880.0,
    1.0 / 39_916_800.0,
    1.0 / 6_227_020_800.0,
    1.0 / 1_307_674_368_000.0,
    1.0 / 355_687_428_096_000.0,
    1.0 / 121_645_100_408_832_000.0,
];
/// `1/(2n)!` for `n = 1..=9`: `cosh a = 1 + z·P(z)`, `z = a²`, on `|a| < 1`.
const COSH_C: [f64; 9] = [
    1.0 / 2.0,
    1.0 / 24.0,
    1.0 / 720.0,
    1.0 / 40_320.0,
    1.0 / 3_628_800.0,
    1.0 / 479_001_600.0,
    1.0 / 87_178_291_200.0,
    1.0 / 20_922_789_888_000.0,
    1.0 / 6_402_373_705_728_000.0,
];

/// `sinh |x|` (`COSH = false`) or `cosh |x|` (`COSH = true`): Taylor below 1;
/// `E/2 ∓ 1/(2E)` with `E = e^a` as a double-double below 22; `e^a/2` beyond.
#[inline(always)]
fn sinh_cosh<V: Vf64, const COSH: bool>(x: V) -> V {
    let one = V::splat(1.0);
    let a = clamp(x.abs(), 0.0, 711.0);
    let small = a.lt(one);
    let az = V::select(V::m_and(small, V::splat(TINY).lt(a)), a, V::splat(0.0));
    let z = az.mul(az);
    let s_small = if COSH { one.add(z.mul(poly(z, &COSH_C))) } else { a.add(az.mul(z).mul(poly(z, &SINH_C))) };
    let (k, ph, pl) = exp_dd_parts(V::select(small, one, a));
    let mid = a.lt(V::splat(22.0));
    let s = pow2(V::select(mid, k, V::splat(0.0)).sub(one));
    let hi = ph.mul(s);
    let b = pow2(V::select(mid, k, V::splat(0.0)).neg().sub(one)).div(ph);
    let b = if COSH { b } else { b.neg() };
    let s_mid = hi.add(pl.fma(s, b));
    let s_big = scale(ph, k.sub(one));
    let res = V::select(small, s_small, V::select(mid, s_mid, s_big));
    V::select(x.abs().eq(V::splat(INF)), V::splat(INF), res)
}

/// `sinh x`.
#[inline(always)]
pub(super) fn sinh<V: Vf64>(x: V) -> V {
    V::select(x.is_nan(), x, sinh_cosh::<V, false>(x).xor(x.sign_bits()))
}

/// `cosh x`.
#[inline(always)]
pub(super) fn cosh<V: Vf64>(x: V) -> V {
    V::select(x.is_nan(), x, sinh_cosh::<V, true>(x))
}

/// Two-sum: `a + b = s + e` exactly.
#[inline(always)]
fn two_sum<V: Vf64>(a: V, b: V) -> (V, V) {
    let s = a.add(b);
    let bb = s.sub(a);
    (s, a.sub(s.sub(bb)).add(b.sub(bb)))
}

/// `tanh x`: with `a = |x|` clamped to 22 (where `tanh` rounds to 1) and `t = expm1(∓2a)`
/// as a double-double, `-t/(t+2)` below 1 and `1 - 2/(t+2)` above, each division
/// corrected by its residual.
#[inline(always)]
pub(super) fn tanh<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let two = V::splat(2.0);
    let a = clamp(x.abs(), 0.0, 22.0);
    let tiny = a.lt(V::splat(TINY));
    let small = a.lt(one);
    let y = V::select(tiny, V::splat(0.0), V::select(small, a.mul(two).neg(), a.mul(two)));
    let (k, ph, pl) = exp_dd_parts(y);
    let s = pow2(k);
    let (h0, e0) = two_sum(ph.mul(s), one.neg());
    let l0 = e0.add(pl.mul(s));
    let th = h0.add(l0);
    let tl = h0.sub(th).add(l0);
    let (nh, nl) = (V::select(small, th.neg(), two), V::select(small, tl.neg(), V::splat(0.0)));
    let (dh, de) = two_sum(th, two);
    let dl = de.add(tl);
    let q = nh.div(dh);
    let ql = q.neg().fma(dh, nh).add(nl).sub(q.mul(dl)).div(dh);
    let z_small = q.add(ql);
    let z0 = one.sub(q);
    let z_big = z0.add(one.sub(z0).sub(q).sub(ql));
    let z = V::select(small, z_small, z_big);
    let z = V::select(tiny, a, z);
    // ±inf: the clamp gave 0, the result is ±1.
    let z = V::select(x.abs().eq(V::splat(INF)), one, z);
    V::select(x.is_nan(), x, z.xor(x.sign_bits()))
}

/// `(-1)^n/(2n+1)` for `n = 1..=13`: `atan u = u + u·z·P(z)`, `z = u²`; on `|u| <= 1/4` the
/// first omitted term is below 0.01 ulp.
const ATAN_C: [f64; 13] = [
    -1.0 / 3.0,
    1.0 / 5.0,
    -1.0 / 7.0,
    1.0 / 9.0,
    -1.0 / 11.0,
    1.0 / 13.0,
    -1.0 / 15.0,
    1.0 / 17.0,
    -1.0 / 19.0,
    1.0 / 21.0,
    -1.0 / 23.0,
    1.0 / 25.0,
    -1.0 / 27.0,
];

/// `atan(0.5)`, `π/4`, `atan(2)`, `π/2`, `π` and `π` minus them, as double-doubles.
const ATAN_K: [[f64; 2]; 10] = [
    [0.0, 0.0],
    [f64::from_bits(0x3fdd_ac67_0561_bb4f), f64::from_bits(0x3c7a_2b7f_222f_65e2)],
    [f64::from_bits(0x3fe9_21fb_5444_2d18), f64::from_bits(0x3c81_a626_3314_5c07)],
    [f64::from_bits(0x3ff1_b6e1_92eb_be44), f64::from_bits(0x3c9b_1b46_6a88_828e)],
    [f64::from_bits(0x3ff9_21fb_5444_2d18), f64::from_bits(0x3c91_a626_3314_5c07)],
    [f64::from_bits(0x4009_21fb_5444_2d18), f64::from_bits(0x3ca1_a626_3314_5c07)],
    [f64::from_bits(0x4005_6c6e_7397_f5ae), f64::from_bits(0x3ca6_60b6_4ece_6f4b)],
    [f64::from_bits(0x4002_d97c_7f33_21d2), f64::from_bits(0x3c9a_7939_4c9e_8a0a)],
    [f64::from_bits(0x4000_468a_8ace_4df6), f64::from_bits(0x3c80_620b_f740_6aff)],
    [f64::from_bits(0x3ff9_21fb_5444_2d18), f64::from_bits(0x3c91_a626_3314_5c07)],
];

/// The angle of `(ax, ay)` for finite `ax, ay >= 0`, not both zero, measured from the
/// positive x axis (`neg` false) or from the negative one (`neg` true, `π - θ`).
///
/// With `t = ay/ax` (never formed), the interval of `c = 0, 1/2, 1, 2, ∞` (breaks at
/// `1/4, 3/4, 3/2, 4`) gives `u = (ay - c·ax)/(ax + c·ay)` (or `-ax/ay`),
/// `|u| <= 1/4`, whose numerator is exact; the denominator's and the quotient's rounding
/// errors are carried into `atan θ = atan c + atan u`.
#[inline(always)]
fn atan2_core<V: Vf64>(ay: V, ax: V, neg: V::M) -> V {
    let zero = V::splat(0.0);
    // The breaks 1/4, 3/4, 3/2, 4 compared through small integer multiples, which are
    // exact even for subnormals (no underflow raised).
    let (two, three, four) = (V::splat(2.0), V::splat(3.0), V::splat(4.0));
    let c_half = ay.mul(four).gt(ax);
    let c_one = ay.mul(four).gt(ax.mul(three));
    let c_two = ay.mul(two).gt(ax.mul(three));
    let c_inf = ay.gt(ax.mul(four));
    let c = V::select(c_two, V::splat(2.0), V::select(c_one, V::splat(1.0), V::select(c_half, V::splat(0.5), zero)));
    // Near the y axis a negligible -ax/ay (beside π/2) is dropped: its quotient could
    // underflow for nothing.
    // So is a negligible ay/ax beside π (x < 0, near the negative x axis).
    let eps = V::splat(8.673_617_379_884_035e-19);
    let negligible = V::m_and(c_inf, ax.lt(V::select(c_inf, ay, V::splat(1.0)).mul(eps)));
    let c_zero = V::m_and(neg, V::m_not(c_half));
    let negligible_pi = V::m_and(c_zero, ay.lt(V::select(c_zero, ax, V::splat(1.0)).mul(eps)));
    let num =
        V::select(c_inf, V::select(negligible, zero, ax).neg(), V::select(negligible_pi, zero, ay).sub(c.mul(ax)));
    let (da, db) = (V::select(c_inf, ay, ax), V::select(c_inf, zero, c.mul(ay)));
    let d = da.add(db);
    let bb = d.sub(da);
    let dl = da.sub(d.sub(bb)).add(db.sub(bb));
    let u = num.div(d);
    // Below 1e-100, atan u = u to the last bit: the corrections are left out (their tiny
    // products would underflow for nothing).
    let small_u = u.abs().lt(V::splat(1e-100));
    let us = V::select(small_u, zero, u);
    let ul = us.neg().fma(d, V::select(small_u, zero, num)).sub(us.mul(dl)).div(d);
    let z = us.mul(us);
    let small = us.mul(z).fma(poly(z, &ATAN_C), ul);
    // The constant: index 0..=4 from c, +5 (π - ·) when neg.
    let k01 = select2::<V>(c_half, atan_const::<V>(neg, 1), atan_const::<V>(neg, 0));
    let k012 = select2::<V>(c_one, atan_const::<V>(neg, 2), k01);
    let k0123 = select2::<V>(c_two, atan_const::<V>(neg, 3), k012);
    let (kh, kl) = select2::<V>(c_inf, atan_const::<V>(neg, 4), k0123);
    // π - 0 is π, with the atan term subtracted.
    let (u, small) = (V::select(neg, u.neg(), u), V::select(neg, small.neg(), small));
    let t = kh.add(u);
    let e = kh.sub(t).add(u);
    t.add(e.add(kl.add(small)))
}

/// `ATAN_K[i]` as a double-double, or `ATAN_K[i + 5]` (π less it) in the lanes of `neg`.
/// (A function, not a closure: closures are not `#[inline(always)]`, and one left out of
/// line loses the caller's target features and calls each intrinsic.)
#[inline(always)]
fn atan_const<V: Vf64>(neg: V::M, i: usize) -> (V, V) {
    let (a0, a1) = (V::splat(ATAN_K[i][0]), V::splat(ATAN_K[i][1]));
    let (b0, b1) = (V::splat(ATAN_K[i + 5][0]), V::splat(ATAN_K[i + 5][1]));
    (V::select(neg, b0, a0), V::select(neg, b1, a1))
}

/// The double-double `a` in the lanes of `m`, else `b`.
#[inline(always)]
fn select2<V: Vf64>(m: V::M, a: (V, V), b: (V, V)) -> (V, V) {
    (V::select(m, a.0, b.0), V::select(m, a.1, b.1))
}

/// `(|x|, |y|)` for `atan2(y, x)`, with harmless stand-ins that give the right angle for
/// the special operands: both infinite → (1, 1); x infinite or both zero → (1, 0); y
/// infinite → (0, 1); NaN → (1, 1) (its lanes, the mask returned third, take NaN later).
#[inline(always)]
fn atan2_stand_ins<V: Vf64>(y: V, x: V) -> (V, V, V::M) {
    let (ax, ay) = (x.abs(), y.abs());
    let one = V::splat(1.0);
    let zero = V::splat(0.0);
    let inf = V::splat(INF);
    let nan = V::m_or(x.is_nan(), y.is_nan());
    let (xinf, yinf) = (ax.eq(inf), ay.eq(inf));
    let both_zero = V::m_and(ax.eq(zero), ay.eq(zero));
    let sx = V::select(V::m_or(V::m_or(xinf, both_zero), nan), one, V::select(yinf, zero, ax));
    let sy = V::select(
        V::m_or(V::m_and(xinf, yinf), nan),
        one,
        V::select(V::m_or(xinf, both_zero), zero, V::select(yinf, one, ay)),
    );
    (sx, sy, nan)
}

/// `atan2(y, x)` with C99's special cases.
#[inline(always)]
pub(super) fn arctan2<V: Vf64>(y: V, x: V) -> V {
    let one = V::splat(1.0);
    let (sx, sy, nan) = atan2_stand_ins(y, x);
    // Keep c·a and the denominator finite and the ratio's rounding exact: scale both by a
    // power of two when the larger is huge or tiny.
    let m = V::select(sx.lt(sy), sy, sx);
    let f = V::select(
        m.gt(V::splat(1e300)),
        V::splat(1.0 / 1024.0),
        V::select(
            m.lt(V::splat(f64::from_bits(0x20b0_0000_0000_0000))),
            V::splat(f64::from_bits(0x5f30_0000_0000_0000)),
            one,
        ),
    );
    let neg = x.sign_bits().or(one).lt(V::splat(0.0));
    let res = atan2_core(sy.mul(f), sx.mul(f), neg).xor(y.sign_bits());
    V::select(nan, nan_sum(nan, x, y), flag_subnormal(res))
}

/// `atan(q)/q` as a polynomial in `q²` on `|q| <= tan(π/8)`, fitted at Chebyshev nodes
/// (relative error of `q · p(q²)` below `2e-15`).
const ATAN_SHORT_C: [f64; 10] = [
    f64::from_bits(0x3fef_ffff_ffff_ffff),
    f64::from_bits(0xbfd5_5555_5555_0b68),
    f64::from_bits(0x3fc9_9999_9926_5dc8),
    f64::from_bits(0xbfc2_4924_7028_d17d),
    f64::from_bits(0x3fbc_71bc_d577_4b80),
    f64::from_bits(0xbfb7_44ec_cfdc_dbf6),
    f64::from_bits(0x3fb3_a508_0389_ed6f),
    f64::from_bits(0xbfb0_a857_c46c_77a0),
    f64::from_bits(0x3fa9_bd9b_7afe_7d87),
    f64::from_bits(0xbf99_f59d_6031_d28a),
];

/// `atan2(y, x)` for `float32` operands (in `f64` lanes) to about `1e-15` relative, far
/// inside an ulp of `float32`: the smaller magnitude over the larger, reduced by `π/4`
/// above `tan(π/8)`, then the polynomial and the quadrant. Zeros and infinities get
/// stand-ins that give C99's angle (as in [`arctan2`]), so every lane takes the same
/// arithmetic whatever its neighbours.
#[inline(always)]
pub(super) fn arctan2_f32<V: Vf64>(y: V, x: V) -> V {
    let zero = V::splat(0.0);
    let one = V::splat(1.0);
    let (ax, ay, nan) = atan2_stand_ins(y, x);
    let swap = ax.lt(ay);
    let (n, d) = (V::select(swap, ax, ay), V::select(swap, ay, ax));
    // Above tan(π/8): atan(n/d) = π/4 + atan((n - d)/(n + d)).
    let red = d.mul(V::splat(0.414_213_562_373_095_03)).lt(n);
    let q = V::select(red, n.sub(d), n).div(V::select(red, n.add(d), d));
    let th = q.mul(poly(q.mul(q), &ATAN_SHORT_C)).add(V::select(red, V::splat(FRAC_PI_4), zero));
    let th = V::select(swap, V::splat(FRAC_PI_2).sub(th), th);
    // x negative, -0 included: the angle from the other side.
    let th = V::select(x.sign_bits().or(one).lt(zero), V::splat(PI).sub(th), th);
    V::select(nan, nan_sum(nan, x, y), th.xor(y.sign_bits()))
}

/// `atan x`.
#[inline(always)]
pub(super) fn arctan<V: Vf64>(x: V) -> V {
    let a = x.abs();
    let inf = a.eq(V::splat(INF));
    let big = a.gt(V::splat(1e300));
    let one = V::splat(1.0);
    let never = V::splat(0.0).lt(V::splat(0.0));
    // Beyond 1e300 the angle is π/2 to the last bit: (a, 1) scaled, or (1, 0) for inf.
    let sy = V::select(inf, one, V::select(big, V::select(big, a, one).mul(V::splat(1e-300)), a));
    let sx = V::select(inf, V::splat(0.0), V::select(big, V::splat(1e-300), one));
    let res = atan2_core(V::select(x.is_nan(), one, sy), sx, never).xor(x.sign_bits());
    V::select(x.is_nan(), x, res)
}

/// `hypot(a, b)` = `√(a² + b²)` without overflow or underflow on the way: both scaled by a
/// power of two, the square root corrected by the exact residual `m² + n² - h²`.
#[inline(always)]
pub(super) fn hypot<V: Vf64>(a: V, b: V) -> V {
    let (aa, ab) = (a.abs(), b.abs());
    let inf = V::splat(INF);
    let zero = V::splat(0.0);
    let m = V::select(aa.lt(ab), ab, aa);
    let n = V::select(aa.lt(ab), aa, ab);
    let special = V::m_or(V::m_or(m.eq(inf), V::m_or(a.is_nan(), b.is_nan())), m.eq(zero));
    let m = V::select(special, V::splat(1.0), m);
    let n = V::select(special, zero, n);
    let one = V::splat(1.0);
    // Scale by 2^(1023-e), e = m's biased exponent in [1, 2045]: m' in [2^-52, 4), exact.
    let e = m.shr::<52>().or(V::splat(4_503_599_627_370_496.0)).sub(V::splat(4_503_599_627_370_496.0));
    let e = V::select(e.lt(one), one, V::select(e.gt(V::splat(2045.0)), V::splat(2045.0), e));
    let f = pow2(V::splat(1023.0).sub(e));
    let back = pow2(e.sub(V::splat(1023.0)));
    // n negligible beside m (n² would only underflow): dropped before a scaling down, so
    // that scaling raises nothing, and after scaling otherwise.
    let n = V::select(
        V::m_and(one.le(m), n.lt(V::select(one.le(m), m, one).mul(V::splat(8.673_617_379_884_035e-19)))),
        zero,
        n,
    );
    let (m, n) = (m.mul(f), n.mul(f));
    let n = V::select(n.lt(m.mul(V::splat(8.673_617_379_884_035e-19))), zero, n);
    let mh = m.mul(m);
    let ml = m.fma(m, mh.neg());
    let nh = n.mul(n);
    let nl = n.fma(n, nh.neg());
    let h = mh.add(nh).sqrt();
    let hh = h.mul(h);
    let hl = h.fma(h, hh.neg());
    let rho = mh.sub(hh).add(nh).add(ml.add(nl).sub(hl));
    let res = h.add(rho.div(h.add(h))).mul(back);
    let res = V::select(V::m_or(aa.eq(inf), ab.eq(inf)), inf, res);
    let res = V::select(V::m_or(aa.eq(zero), ab.eq(zero)), V::select(aa.lt(ab), ab, aa), res);
    let any_inf = V::m_or(aa.eq(inf), ab.eq(inf));
    let nan = V::m_and(V::m_or(a.is_nan(), b.is_nan()), V::m_not(any_inf));
    V::select(nan, nan_sum(nan, a, b), res)
}

/// `x^y` for `float32` (computed in `f64`): `e^(y ln|x|)` from the short `ln` and `exp`
/// (each good to about `1e-14`), accurate to about `1e-13` relative, far inside an ulp of
/// `float32` (`6e-8`; finite results have `|y ln x| < 104`). Every lane takes the same
/// arithmetic whatever its neighbours, so a result does not depend on how the work was
/// split.
#[inline(always)]
pub(super) fn power_f32<V: Vf64>(x: V, y: V) -> V {
    let zero = V::splat(0.0);
    let one = V::splat(1.0);
    let inf = V::splat(INF);
    let ax = x.abs();
    // Every lane a positive finite base and a finite exponent: of the special cases below
    // only `x == 1` and `y == 0` can apply (the same bits as the full path).
    let plain = V::m_and(V::m_and(zero.lt(x), x.lt(inf)), y.abs().lt(inf));
    if !V::any(V::m_not(plain)) {
        let res = exp_short(y.mul(ln_short(x)));
        return V::select(V::m_or(y.eq(zero), x.eq(one)), one, res);
    }
    let x_bad = V::m_or(V::m_or(ax.eq(zero), ax.eq(inf)), x.is_nan());
    let y_bad = V::m_or(y.abs().eq(inf), y.is_nan());
    let lx = ln_short(V::select(x_bad, one, ax));
    let neg_frac = V::m_and(x.lt(zero), V::m_not(y.floor().eq(y)));
    pow_special(x, y, exp_short(V::select(V::m_or(y_bad, neg_frac), zero, y).mul(lx)))
}

/// `2/(2n+1)` for `n = 1..=7`: `ln((1+s)/(1-s)) = 2s + s³ (2/3 + 2/5 s² + …)`, cut where
/// the next term is below `1e-14` for `|s| <= 0.1716`.
const LN_SHORT_C: [f64; 7] = [2.0 / 3.0, 2.0 / 5.0, 2.0 / 7.0, 2.0 / 9.0, 2.0 / 11.0, 2.0 / 13.0, 2.0 / 15.0];

/// `ln x` for a positive normal `x` (every positive `float32` is one in `float64`) to
/// about `1e-14` relative: `float32` results built from it round as from the exact value
/// but for about one input in 10⁶, and then by one ulp.
#[inline(always)]
fn ln_short<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let e = x.shr::<52>().or(V::splat(4_503_599_627_370_496.0)).sub(V::splat(4_503_599_627_370_496.0));
    let m = x.and(V::splat_bits(0x000f_ffff_ffff_ffff)).or(one);
    let big = m.gt(V::splat(std::f64::consts::SQRT_2));
    let m = V::select(big, m.mul(V::splat(0.5)), m);
    let k = e.sub(V::splat(1023.0)).add(V::select(big, one, V::splat(0.0)));
    // Exact (Sterbenz): m is within a factor 2 of 1.
    let f = m.sub(one);
    let s = f.div(V::splat(2.0).add(f));
    let z = s.mul(s);
    let lnm = s.mul(z).fma(poly(z, &LN_SHORT_C), s.add(s));
    k.fma(V::splat(LN2), lnm)
}

/// `1/n!` for `n = 2..=11`: `e^r = 1 + r + r² (1/2 + r/6 + …)`, cut where the next term is
/// below `1e-14` for `|r| <= ln2/2`.
const EXP_SHORT_C: [f64; 10] = [
    1.0 / 2.0,
    1.0 / 6.0,
    1.0 / 24.0,
    1.0 / 120.0,
    1.0 / 720.0,
    1.0 / 5040.0,
    1.0 / 40_320.0,
    1.0 / 362_880.0,
    1.0 / 3_628_800.0,
    1.0 / 39_916_800.0,
];

/// `e^t` for a finite `t` to about `1e-14` relative, for a `float32` result: `t` is clamped
/// to `[-160, 160]`, beyond which every `float32` result is `0` or `inf` (the conversion
/// to `float32` raises underflow or overflow, as for the exact value).
#[inline(always)]
fn exp_short<V: Vf64>(t: V) -> V {
    let lim = V::splat(160.0);
    let t = V::select(t.gt(lim), lim, V::select(t.lt(lim.neg()), lim.neg(), t));
    let k = t.mul(V::splat(LOG2E)).round();
    let r = k.neg().fma(V::splat(LN2_HI), t);
    let r = k.neg().fma(V::splat(LN2_LO), r);
    let p = r.mul(r).fma(poly(r, &EXP_SHORT_C), r).add(V::splat(1.0));
    p.mul(pow2(k))
}

/// The third part of `ln 2` after `LN2_HI + LN2_LO`.
const LN2_LO2: f64 = f64::from_bits(0x3a8c_c01f_97b5_7a08);
/// `2/3` as a double-double.
const TWO_THIRDS: f64 = f64::from_bits(0x3fe5_5555_5555_5555);
const TWO_THIRDS_TAIL: f64 = f64::from_bits(0x3c85_5555_5555_5555);
/// `2/(2n+1)` for `n = 2..=11`: the terms after `2s + 2s³/3` of `ln((1+s)/(1-s))`.
const LOG_C5: [f64; 10] = [
    2.0 / 5.0,
    2.0 / 7.0,
    2.0 / 9.0,
    2.0 / 11.0,
    2.0 / 13.0,
    2.0 / 15.0,
    2.0 / 17.0,
    2.0 / 19.0,
    2.0 / 21.0,
    2.0 / 23.0,
];

/// `ln x` for a positive finite `x` as a double-double `(hi, lo)` good to about `2^-64`
/// of itself: what `x^y = e^(y ln x)` needs when `|y ln x|` is near 709.
#[inline(always)]
fn log_dd<V: Vf64>(x: V) -> (V, V) {
    let one = V::splat(1.0);
    let two = V::splat(2.0);
    let tiny = x.lt(V::splat(f64::MIN_POSITIVE));
    let xs = V::select(tiny, V::select(tiny, x, V::splat(0.0)).mul(V::splat(18_014_398_509_481_984.0)), x);
    let kadj = V::select(tiny, V::splat(-54.0 - 1023.0), V::splat(-1023.0));
    let e = xs.shr::<52>().or(V::splat(4_503_599_627_370_496.0)).sub(V::splat(4_503_599_627_370_496.0));
    let m = xs.and(V::splat_bits(0x000f_ffff_ffff_ffff)).or(one);
    let big = m.gt(V::splat(std::f64::consts::SQRT_2));
    let m = V::select(big, m.mul(V::splat(0.5)), m);
    let k = e.add(kadj).add(V::select(big, one, V::splat(0.0)));
    let f = m.sub(one);
    let d = two.add(f);
    let dl = two.sub(d).add(f);
    let s = f.div(d);
    let sl = s.neg().fma(d, f).sub(s.mul(dl)).div(d);
    // s'³ with s' = s + sl, as a double-double.
    let zh = s.mul(s);
    let zl = s.fma(s, zh.neg()).add(two.mul(s).mul(sl));
    let s3h = s.mul(zh);
    let s3l = s.fma(zh, s3h.neg()).add(s.mul(zl)).add(sl.mul(zh));
    // (2/3) s'³, double-double.
    let c3 = V::splat(TWO_THIRDS);
    let t3h = c3.mul(s3h);
    let t3l = c3.fma(s3h, t3h.neg()).add(c3.mul(s3l)).add(V::splat(TWO_THIRDS_TAIL).mul(s3h));
    let rest = s3h.mul(zh).mul(poly(zh, &LOG_C5));
    // ln m = 2s' + (2/3)s'³ + rest.
    let s2 = two.mul(s);
    let h1 = s2.add(t3h);
    let e1 = s2.sub(h1).add(t3h);
    let lo = e1.add(two.mul(sl)).add(t3l).add(rest);
    // k ln2 + ln m.
    let a = k.mul(V::splat(LN2_HI));
    let h2 = a.add(h1);
    let e2 = a.sub(h2).add(h1);
    let klh = k.mul(V::splat(LN2_LO));
    let kll = k.fma(V::splat(LN2_LO), klh.neg()).add(k.mul(V::splat(LN2_LO2)));
    let l2 = e2.add(lo).add(klh).add(kll);
    let hi = h2.add(l2);
    (hi, h2.sub(hi).add(l2))
}

/// `e^(th + tl)` for a double-double argument (`tl` tiny beside `th`), with `exp`'s
/// overflow and underflow behaviour.
#[inline(always)]
fn exp_dd<V: Vf64>(th: V, tl: V) -> V {
    let xc = V::select(th.gt(V::splat(710.0)), V::splat(710.0), th);
    let xc = V::select(xc.lt(V::splat(-746.0)), V::splat(-746.0), xc);
    let tl = V::select(xc.eq(th), tl, V::splat(0.0));
    let k = xc.mul(V::splat(LOG2E)).round();
    // Exact: k·LN2_HI is exact and close to xc.
    let r = k.neg().fma(V::splat(LN2_HI), xc);
    let ph = k.mul(V::splat(LN2_LO));
    let pl = k.fma(V::splat(LN2_LO), ph.neg()).add(k.mul(V::splat(LN2_LO2)));
    let r2 = r.sub(ph);
    let bb = r2.sub(r);
    let e = r.sub(r2.sub(bb)).add(ph.neg().sub(bb));
    let rl = e.sub(pl).add(tl);
    let u = expm1_poly(r2);
    let p = V::splat(1.0).add(u.add(rl.fma(u, rl)));
    scale(p, k)
}

/// `x^y` for `float64` with C99's special cases: `e^(y ln|x|)` with `ln|x|` and the product
/// carried as double-doubles.
#[inline(always)]
pub(super) fn power<V: Vf64>(x: V, y: V) -> V {
    let zero = V::splat(0.0);
    let one = V::splat(1.0);
    let inf = V::splat(INF);
    let ax = x.abs();
    let ay = y.abs();
    let tiny_y = V::splat(8.271_806_125_530_277e-25);
    let lim = V::splat(73_786_976_294_838_206_464.0);
    // The common case, every lane a positive finite base and a moderate exponent (NaN
    // fails each test): none of the special cases below applies, and leaving them out
    // gives the same bits.
    let plain = V::m_and(V::m_and(zero.lt(x), x.lt(inf)), V::m_and(tiny_y.le(ay), ay.le(lim)));
    if !V::any(V::m_not(plain)) {
        let (lh, ll) = log_dd(x);
        let th = y.mul(lh);
        let tl = y.fma(lh, th.neg()).add(y.mul(ll));
        return flag_subnormal(exp_dd(th, tl));
    }
    let x_bad = V::m_or(V::m_or(ax.eq(zero), ax.eq(inf)), x.is_nan());
    let y_bad = V::m_or(ay.eq(inf), y.is_nan());
    let (lh, ll) = log_dd(V::select(x_bad, one, ax));
    // |y| below 2^-80 gives 1 (and its products could underflow); beyond 2^66 the result
    // has saturated for every x ≠ 1 (and the product could overflow).
    // A negative base with a non-integer exponent only raises invalid: nothing computed.
    let neg_frac = V::m_and(x.lt(zero), V::m_not(y.floor().eq(y)));
    let ys = V::select(V::m_or(V::m_or(y_bad, neg_frac), ay.lt(tiny_y)), zero, y);
    let ys = V::select(ys.gt(lim), lim, V::select(ys.lt(lim.neg()), lim.neg(), ys));
    let th = ys.mul(lh);
    let tl = ys.fma(lh, th.neg()).add(ys.mul(ll));
    let res = exp_dd(th, tl);
    pow_special(x, y, flag_subnormal(res))
}

/// The sign and special cases of `x^y` (C99 `pow`) over `res = |x|^y` for the ordinary
/// lanes.
#[inline(always)]
fn pow_special<V: Vf64>(x: V, y: V, mut res: V) -> V {
    let zero = V::splat(0.0);
    let one = V::splat(1.0);
    let inf = V::splat(INF);
    let ax = x.abs();
    let ay = y.abs();
    let y_inf = ay.eq(inf);
    let y_int = V::m_and(y.floor().eq(y), V::m_not(y_inf));
    // (Halving a tiny y could underflow; below 1 no y is an odd integer.)
    let half_y = V::select(ay.lt(one), zero, y).mul(V::splat(0.5));
    let y_odd = V::m_and(y_int, V::m_not(half_y.floor().eq(half_y)));
    let x_neg = x.lt(zero);
    let y_bad = V::m_or(y_inf, y.is_nan());
    // Negative base: odd integer powers are negative, non-integer ones invalid.
    res = V::select(V::m_and(x_neg, y_odd), res.neg(), res);
    let bad_neg = V::m_and(V::m_and(x_neg, V::m_not(y_int)), V::m_not(V::m_or(y_bad, ax.eq(inf))));
    if V::any(bad_neg) {
        res = V::select(bad_neg, invalid_where::<V>(bad_neg), res);
    }
    // Zero base: a pole (divide) for y < 0, zero for y > 0; odd powers keep the sign.
    let x_zero = ax.eq(zero);
    let odd_sign = V::select(y_odd, x.sign_bits(), zero);
    let pole = V::m_and(x_zero, y.lt(zero));
    if V::any(pole) {
        res = V::select(pole, one.div(V::select(pole, zero, one)).xor(odd_sign), res);
    }
    res = V::select(V::m_and(x_zero, zero.lt(y)), odd_sign, res);
    // Infinite base.
    let x_inf = ax.eq(inf);
    res = V::select(V::m_and(x_inf, y.lt(zero)), odd_sign, res);
    res = V::select(V::m_and(x_inf, zero.lt(y)), inf.xor(odd_sign), res);
    // Infinite exponent: |x| against 1.
    let grow = V::m_or(V::m_and(y.eq(inf), one.lt(ax)), V::m_and(y.eq(inf.neg()), ax.lt(one)));
    let shrink = V::m_or(V::m_and(y.eq(inf), ax.lt(one)), V::m_and(y.eq(inf.neg()), one.lt(ax)));
    res = V::select(grow, inf, V::select(shrink, zero, res));
    res = V::select(V::m_and(y_inf, ax.eq(one)), one, res);
    let nan = V::m_or(x.is_nan(), y.is_nan());
    res = V::select(nan, nan_sum(nan, x, y), res);
    V::select(V::m_or(y.eq(zero), x.eq(one)), one, res)
}

/// `tan x`: `sin r / cos r` (or `-cos r / sin r` in odd quadrants) from double-doubles,
/// the quotient corrected by its residual.
#[inline(always)]
pub(super) fn tan<V: Vf64>(x: V) -> V {
    let a = x.abs();
    let big = V::m_not(a.lt(V::splat(TRIG_BIG)));
    let a = V::select(big, V::splat(0.0), a);
    let (q, r, rl) = trig_reduce(a);
    let (sh, sl, ch, cl) = sincos_dd(r, rl);
    let odd = q.add(V::splat(MAGIC)).shl::<63>().or(V::splat(1.0)).lt(V::splat(0.0));
    let (nh, nl) = (V::select(odd, ch, sh), V::select(odd, cl, sl));
    let (dh, dl) = (V::select(odd, sh, ch), V::select(odd, sl, cl));
    let t = nh.div(dh);
    let tl = t.neg().fma(dh, nh).add(nl).sub(t.mul(dl)).div(dh);
    let res = t.add(tl);
    let res = V::select(odd, res.neg(), res).xor(x.sign_bits());
    patch(res, x, big, f64::tan)
}

/// A cubic through `cbrt` on `[1, 8]` (1.8% at worst): the start of the iterations.
const CBRT_START: [f64; 4] = [0.721_482_23, 0.328_886_28, -0.034_723_74, 0.001_713_62];

/// `∛x`: `|x| = 2^(3q + j) m`, `∛(2^j m)` from a cubic start, two Halley steps and a
/// Newton step on the exact residual, times `2^q`.
#[inline(always)]
pub(super) fn cbrt<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let a = x.abs();
    let special = V::m_or(V::m_or(a.eq(V::splat(0.0)), a.eq(V::splat(INF))), x.is_nan());
    let a = V::select(special, one, a);
    let tiny = a.lt(V::splat(f64::MIN_POSITIVE));
    let xs = V::select(tiny, V::select(tiny, a, V::splat(0.0)).mul(V::splat(18_014_398_509_481_984.0)), a);
    let e = xs.shr::<52>().or(V::splat(4_503_599_627_370_496.0)).sub(V::splat(4_503_599_627_370_496.0));
    let e = e.sub(V::select(tiny, V::splat(54.0 + 1023.0), V::splat(1023.0)));
    let q = e.add(V::splat(0.5)).mul(V::splat(1.0 / 3.0)).floor();
    let j = e.sub(q.mul(V::splat(3.0)));
    let m = xs.and(V::splat_bits(0x000f_ffff_ffff_ffff)).or(one).mul(pow2(j));
    let mut y = poly(m, &CBRT_START);
    for _ in 0..2 {
        let y3 = y.mul(y).mul(y);
        y = y.mul(y3.add(m.add(m))).div(y3.add(y3).add(m));
    }
    let y2 = y.mul(y);
    let y2l = y.fma(y, y2.neg());
    let res = y2.fma(y, m.neg()).add(y2l.mul(y));
    let y = y.sub(res.div(V::splat(3.0).mul(y2)));
    let res = y.mul(pow2(q)).xor(x.sign_bits());
    V::select(special, x, res)
}

/// `asin x` for `float32` (in `f64`, whose rounding errors are far below an ulp of
/// `float32`): `atan2(x, √((1-x)(1+x)))`; `|x| > 1` takes the square root of a negative
/// number (NaN, invalid).
#[inline(always)]
pub(super) fn arcsin_f32<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let c = one.sub(x).mul(one.add(x)).sqrt();
    let res = arctan2(x, c);
    V::select(x.is_nan(), x, res)
}

/// `acos x` for `float32` (in `f64`): `atan2(√((1-x)(1+x)), x)`.
#[inline(always)]
pub(super) fn arccos_f32<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let s = one.sub(x).mul(one.add(x)).sqrt();
    let res = arctan2(s, x);
    V::select(x.is_nan(), x, res)
}

/// `asinh x` for `float32` (in `f64`): `log1p(a + a²/(1 + √(1 + a²)))`, `a = |x|`, or
/// `ln a + ln 2` beyond `2^28`.
#[inline(always)]
pub(super) fn arcsinh_f32<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let a = x.abs();
    let big = a.gt(V::splat(268_435_456.0));
    let am = V::select(big, V::splat(0.0), a);
    let a2 = am.mul(am);
    let small = log1p(am.add(a2.div(one.add(one.add(a2).sqrt()))));
    let large = log(V::select(big, a, one)).add(V::splat(std::f64::consts::LN_2));
    let res = V::select(big, large, small).xor(x.sign_bits());
    V::select(x.is_nan(), x, res)
}

/// `acosh x` for `float32` (in `f64`): `log1p(t + √(t(2 + t)))`, `t = x - 1`, or
/// `ln x + ln 2` beyond `2^28`; below 1, NaN with invalid.
#[inline(always)]
pub(super) fn arccosh_f32<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let bad = x.lt(one);
    let big = x.gt(V::splat(268_435_456.0));
    let xm = V::select(V::m_or(big, bad), one, x);
    let t = xm.sub(one);
    let small = log1p(t.add(t.mul(V::splat(2.0).add(t)).sqrt()));
    let large = log(V::select(big, x, one)).add(V::splat(std::f64::consts::LN_2));
    let mut res = V::select(big, large, small);
    if V::any(bad) {
        res = V::select(bad, invalid_where::<V>(bad), res);
    }
    V::select(x.is_nan(), x, res)
}

/// `atanh x` for `float32` (in `f64`): `log1p(2a/(1 - a))/2` with the sign of `x`; at
/// `|x| = 1` the quotient divides by zero (infinity, divide), beyond it `log1p` of less than
/// -1 is NaN with invalid.
#[inline(always)]
pub(super) fn arctanh_f32<V: Vf64>(x: V) -> V {
    let one = V::splat(1.0);
    let a = x.abs();
    let a = V::select(x.is_nan(), V::splat(0.0), a);
    let res = V::splat(0.5).mul(log1p(a.add(a).div(one.sub(a)))).xor(x.sign_bits());
    V::select(x.is_nan(), x, res)
}
