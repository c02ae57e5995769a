//! The algorithms evaluated in `float32` lanes ([`Vf32`]): `tanh`, `arctan` and `log` of
//! `float32` with minimax polynomials (fitted for this crate on Chebyshev nodes), within
//! about one ulp of the true value, well inside NumPy's validation bounds (2, 3 and 4 ulp).
//!
//! As in `alg`, special cases are lane selects on the input's value, and lanes on a special
//! path are fed harmless values in the main path, so the only flags raised are the ones the
//! special paths raise on purpose (`0 * inf` for invalid, `-1 / 0` for divide), as NumPy's
//! float32 loops do; tiny and subnormal arguments raise nothing, also as NumPy's.

use super::simd32::{Vf32, pow2_32};

const INF: f32 = f32::INFINITY;
/// `ln 2` split so that `k * LN2_HI` is exact for `|k| < 2^15`.
const LN2_HI: f32 = 0.693_359_4;
const LN2_LO: f32 = f32::from_bits(0xb95e_8083);
const LOG2E: f32 = std::f32::consts::LOG2_E;
/// `π/2` and `π/4` as the sum of two floats.
const PIO2_HI: f32 = f32::from_bits(0x3fc9_0fdb);
const PIO2_LO: f32 = f32::from_bits(0xb33b_bd2e);
const PIO4_HI: f32 = f32::from_bits(0x3f49_0fdb);
const PIO4_LO: f32 = f32::from_bits(0xb2bb_bd2e);
/// Below this, `tanh x`, `atan x` round to `x` (`x³/3` is under half an ulp of `x`).
const TINY: f32 = 2.441_406_3e-4;

/// Evaluates `c[0] + c[1] x + c[2] x² + …` by Horner's rule.
#[inline(always)]
fn poly<V: Vf32, const N: usize>(x: V, c: &[f32; N]) -> V {
    let mut acc = V::splat(c[N - 1]);
    let mut i = N - 1;
    while i > 0 {
        i -= 1;
        acc = acc.fma(x, V::splat(c[i]));
    }
    acc
}

/// `(e^r - 1 - r)/r²` on `|r| <= ln2/2`, minimax (relative error of `e^r` below `2^-30`).
const EXP_C: [f32; 6] = [0.5, 0.166_666_66, 0.041_666_28, 0.008_333_503, 0.001_394_574_1, 0.000_197_892_79];

/// `e^y` for `y` in `[0, 20]`: `y = k ln2 + r`, `e^r` by its polynomial, times `2^k`
/// (exact).
#[inline(always)]
fn exp_small<V: Vf32>(y: V) -> V {
    let k = y.mul(V::splat(LOG2E)).round();
    let r = k.neg().fma(V::splat(LN2_HI), y);
    let r = k.neg().fma(V::splat(LN2_LO), r);
    let p = r.mul(r).fma(poly(r, &EXP_C), r).add(V::splat(1.0));
    p.mul(pow2_32(k))
}

/// `(tanh x - x)/x³` as a polynomial in `x²` for `|x| <= 0.625`, minimax.
const TANH_C: [f32; 6] = [-0.333_333_3, 0.133_332_1, -0.053_947_203, 0.021_702_968, -0.008_182_674, 0.002_147_537];

/// `tanh x`: `x + x³ P(x²)` below 0.625, `1 - 2/(e^{2|x|} + 1)` above (with `|x|` clamped
/// to 10, where `tanh` rounds to 1), the sign of `x` put back.
#[inline(always)]
pub(super) fn tanh<V: Vf32>(x: V) -> V {
    let one = V::splat(1.0);
    let zero = V::splat(0.0);
    let a = V::select(x.is_nan(), zero, x.abs());
    let a = V::select(a.gt(V::splat(10.0)), V::splat(10.0), a);
    // Tiny lanes leave the cubic term out (its powers would underflow for nothing).
    let s = V::select(a.lt(V::splat(TINY)), zero, a);
    let z = s.mul(s);
    let t_small = s.mul(z).fma(poly(z, &TANH_C), a);
    // Lanes of the polynomial compute e^2 on the other path (a tiny argument's square
    // would underflow there).
    let small = a.lt(V::splat(0.625));
    let ab = V::select(small, one, a);
    let e = exp_small(ab.add(ab));
    let t_big = one.sub(V::splat(2.0).div(e.add(one)));
    let t = V::select(small, t_small, t_big);
    V::select(x.is_nan(), x, t.xor(x.sign_bits()))
}

/// `(atan w - w)/w³` as a polynomial in `w²` for `|w| <= tan(π/8)`, minimax.
const ATAN_C: [f32; 6] = [-0.333_333_3, 0.199_999_05, -0.142_820_42, 0.110_450_93, -0.084_784_03, 0.047_482_69];

/// `atan x`: with `a = |x|`, `w = a` below `tan(π/8)`, `(a - 1)/(a + 1)` (plus `π/4`) below
/// `tan(3π/8)`, `-1/a` (plus `π/2`) above; `atan w = w + w³ P(w²)`.
#[inline(always)]
pub(super) fn arctan<V: Vf32>(x: V) -> V {
    let one = V::splat(1.0);
    let zero = V::splat(0.0);
    let a = V::select(x.is_nan(), zero, x.abs());
    let big = a.gt(V::splat(2.414_213_7));
    let mid = a.gt(V::splat(0.414_213_57));
    // Beyond 2^27 the angle rounds to π/2: -1/a is left out (it would underflow for huge a).
    let num =
        V::select(big, V::select(a.gt(V::splat(134_217_728.0)), zero, V::splat(-1.0)), V::select(mid, a.sub(one), a));
    let den = V::select(big, a, V::select(mid, a.add(one), one));
    let w = num.div(den);
    let ws = V::select(w.abs().lt(V::splat(TINY)), zero, w);
    let z = ws.mul(ws);
    let (ch, cl) = (
        V::select(big, V::splat(PIO2_HI), V::select(mid, V::splat(PIO4_HI), zero)),
        V::select(big, V::splat(PIO2_LO), V::select(mid, V::splat(PIO4_LO), zero)),
    );
    let res = ch.add(w.add(ws.mul(z).fma(poly(z, &ATAN_C), cl)));
    V::select(x.is_nan(), x, res.xor(x.sign_bits()))
}

/// `(ln(1 + f) - f + f²/2)/f³` for `f` in `[√2/2 - 1, √2 - 1]`, minimax.
const LOG_C: [f32; 10] = [
    0.333_333_3,
    -0.249_999_67,
    0.200_000_91,
    -0.166_694_07,
    0.142_851_01,
    -0.124_243_5,
    0.110_364_29,
    -0.108_201_146,
    0.106_310_57,
    -0.059_746_12,
];

/// `ln x`: `x = 2^k m` with `m` in `[√2/2, √2)` (subnormals scaled first), `f = m - 1`
/// exact, `ln m = f - f²/2 + f³ P(f)`, plus `k ln2` in two parts; NumPy's special values
/// (NaN with invalid below zero, `-inf` with divide at zero).
#[inline(always)]
pub(super) fn log<V: Vf32>(x: V) -> V {
    let one = V::splat(1.0);
    let zero = V::splat(0.0);
    let ok = V::m_and(zero.lt(x), x.lt(V::splat(INF)));
    let xa = V::select(ok, x, one);
    let tiny = xa.lt(V::splat(f32::MIN_POSITIVE));
    // Exact: a subnormal times 2^23 is normal (other lanes scale 0, which cannot overflow).
    let xs = V::select(tiny, V::select(tiny, xa, zero).mul(V::splat(8_388_608.0)), xa);
    let kadj = V::select(tiny, V::splat(-23.0 - 127.0), V::splat(-127.0));
    // The biased exponent as an integer-valued f32.
    let e = xs.shr::<23>().or(V::splat(8_388_608.0)).sub(V::splat(8_388_608.0));
    let m = xs.and(V::splat_bits(0x007f_ffff)).or(one);
    let big = m.gt(V::splat(std::f32::consts::SQRT_2));
    let m = V::select(big, m.mul(V::splat(0.5)), m);
    let k = e.add(kadj).add(V::select(big, one, zero));
    let f = m.sub(one);
    let f2 = f.mul(f);
    let tail = f2.mul(f).fma(poly(f, &LOG_C), V::splat(-0.5).mul(f2));
    let res = k.mul(V::splat(LN2_HI)).add(f.add(k.fma(V::splat(LN2_LO), tail)));
    let mut res = V::select(x.eq(V::splat(INF)), x, res);
    let neg = x.lt(zero);
    let zer = x.eq(zero);
    if V::any(V::m_or(neg, zer)) {
        // 0 · inf: NaN with invalid; -1 / 0: -inf with divide; the other lanes compute
        // 1 · inf and -1 / 1, which raise nothing.
        res = V::select(neg, V::select(neg, zero, one).mul(V::splat(INF)), res);
        res = V::select(zer, V::splat(-1.0).div(V::select(zer, zero, one)), res);
    }
    V::select(x.is_nan(), x, res)
}
