//! Exact binary-to-decimal conversion of IEEE floats, as NumPy's `format_float_positional`
//! and `format_float_scientific` do it.
//!
//! Digits come from the Steele–White / Burger–Dybvig "Dragon4" method on exact big
//! integers. In *unique* mode the digits stop as soon as they identify the value among its
//! neighbours of the same type (round-half-even neighbours are inclusive when the
//! significand is even); in *exact* mode they are the exact decimal expansion cut off and
//! rounded half-to-even. Both modes take a maximum (`cutoff_max`) and, for unique mode, a
//! minimum (`cutoff_min`) number of digits, counted in total or after the decimal point.
//! Because the method only needs the significand and exponent, one code path serves
//! `float16`, `float32` and `float64` with each type's own notion of "shortest".

use half::bf16;

use super::bignum::Big;
use crate::dtype::f16;

/// A finite float as `mantissa * 2^exponent`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parts {
    mantissa: u64,
    exponent: i32,
    /// Index of the highest set bit of `mantissa`.
    mantissa_bit: u32,
    /// True when the gap to the next value below is half the gap above (a power of two
    /// that is not the smallest normal).
    unequal_margins: bool,
}

/// What kind of value a float holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Class {
    Nan,
    Inf,
    Finite(Parts),
}

/// The IEEE binary formats that print: `f16`, `f32`, `f64`.
pub(crate) trait FloatBits: Copy + PartialOrd + 'static {
    /// `np.finfo(dtype).precision`: decimal digits the type holds.
    const FINFO_PRECISION: u32;
    /// Below this magnitude a NumPy scalar's `str` is positional, at or above scientific.
    const SCALAR_MAX_POSITIONAL: f64;
    /// Sign bit and class.
    fn classify(self) -> (bool, Class);
    /// The exact value as `f64`.
    fn to_f64(self) -> f64;
    /// `x` rounded to this type.
    fn from_f64(x: f64) -> Self;
}

fn parts(mantissa_field: u64, exp_field: u32, mant_bits: u32, bias: i32) -> Parts {
    if exp_field != 0 {
        Parts {
            mantissa: (1u64 << mant_bits) | mantissa_field,
            exponent: exp_field as i32 - bias - mant_bits as i32,
            mantissa_bit: mant_bits,
            unequal_margins: exp_field != 1 && mantissa_field == 0,
        }
    } else {
        Parts {
            mantissa: mantissa_field,
            exponent: 1 - bias - mant_bits as i32,
            mantissa_bit: 63u32.saturating_sub(mantissa_field.leading_zeros()),
            unequal_margins: false,
        }
    }
}

fn classify_bits(bits: u64, mant_bits: u32, exp_bits: u32) -> (bool, Class) {
    let neg = (bits >> (mant_bits + exp_bits)) & 1 == 1;
    let mant = bits & ((1u64 << mant_bits) - 1);
    let exp = ((bits >> mant_bits) & ((1u64 << exp_bits) - 1)) as u32;
    let all_ones = (1u32 << exp_bits) - 1;
    let bias = (1i32 << (exp_bits - 1)) - 1;
    let class = if exp == all_ones {
        if mant == 0 { Class::Inf } else { Class::Nan }
    } else {
        Class::Finite(parts(mant, exp, mant_bits, bias))
    };
    (neg, class)
}

impl FloatBits for f64 {
    const FINFO_PRECISION: u32 = 15;
    const SCALAR_MAX_POSITIONAL: f64 = 1e16;
    fn classify(self) -> (bool, Class) {
        classify_bits(self.to_bits(), 52, 11)
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn from_f64(x: f64) -> Self {
        x
    }
}

impl FloatBits for f32 {
    const FINFO_PRECISION: u32 = 6;
    const SCALAR_MAX_POSITIONAL: f64 = 1e6;
    fn classify(self) -> (bool, Class) {
        classify_bits(u64::from(self.to_bits()), 23, 8)
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    fn from_f64(x: f64) -> Self {
        x as f32
    }
}

impl FloatBits for f16 {
    const FINFO_PRECISION: u32 = 3;
    const SCALAR_MAX_POSITIONAL: f64 = 1e3;
    fn classify(self) -> (bool, Class) {
        classify_bits(u64::from(self.to_bits()), 10, 5)
    }
    fn to_f64(self) -> f64 {
        f16::to_f64(self)
    }
    fn from_f64(x: f64) -> Self {
        f16::from_f64(x)
    }
}

impl FloatBits for bf16 {
    // `bfloat16` (an extension): `finfo` precision 2; scalars follow the `float16` rules,
    // as `dtype::pyfmt::repr_bf16` does.
    const FINFO_PRECISION: u32 = 2;
    const SCALAR_MAX_POSITIONAL: f64 = 1e3;
    fn classify(self) -> (bool, Class) {
        classify_bits(u64::from(self.to_bits()), 7, 8)
    }
    fn to_f64(self) -> f64 {
        bf16::to_f64(self)
    }
    fn from_f64(x: f64) -> Self {
        bf16::from_f64(x)
    }
}

/// Shortest identifying digits, or the exact expansion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DigitMode {
    Unique,
    Exact,
}

/// Whether digit counts are total significant digits or digits after the point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cutoff {
    Total,
    Fraction,
}

/// NumPy's `trim` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Trim {
    /// `'k'`: keep trailing zeros and the point.
    Keep,
    /// `'.'`: drop trailing zeros, keep the point.
    Zeros,
    /// `'0'`: drop trailing zeros but keep one after the point.
    LeaveOneZero,
    /// `'-'`: drop trailing zeros and the point.
    DptZeros,
}

/// Largest number of digits ever produced (NumPy's buffer size).
const MAX_DIGITS: i32 = 16384;

/// The decimal digits of a finite value and the power of ten of the first digit.
///
/// `cutoff_max` / `cutoff_min` are `None` for "no limit".
fn digits(
    p: &Parts,
    mode: DigitMode,
    cutoff: Cutoff,
    cutoff_max: Option<i32>,
    cutoff_min: Option<i32>,
) -> (Vec<u8>, i32) {
    if p.mantissa == 0 {
        return (vec![b'0'], 0);
    }
    let even = p.mantissa & 1 == 0;
    // value = r / s, low margin = mlow / s, high margin = mhigh / s (mhigh = 2 * mlow when the
    // margins differ). Every quantity is scaled by 2 (or 4) so the half-gaps stay integral.
    let shift = if p.unequal_margins { 2 } else { 1 };
    let mut r = Big::from_u64(p.mantissa);
    let (mut s, mut mlow);
    if p.exponent > 0 {
        r.shl(p.exponent as u32 + shift);
        s = Big::from_u64(1 << shift);
        mlow = Big::pow2(p.exponent as u32);
    } else {
        r.shl(shift);
        s = Big::pow2((shift as i32 - p.exponent) as u32);
        mlow = Big::from_u64(1);
    }
    let twice = |m: &Big| {
        let mut h = m.clone();
        h.shl(1);
        h
    };

    // Estimate of floor(log10(value)) + 1, exact or one too small.
    let log10_2 = std::f64::consts::LOG10_2;
    let mut k = ((f64::from(p.mantissa_bit as i32 + p.exponent)) * log10_2 - 0.69).ceil() as i32;
    if let (Some(cm), Cutoff::Fraction) = (cutoff_max, cutoff)
        && k <= -cm
    {
        k = -cm + 1;
    }
    if k > 0 {
        s.mul_pow10(k as u32);
    } else if k < 0 {
        r.mul_pow10((-k) as u32);
        mlow.mul_pow10((-k) as u32);
    }
    if r.cmp_big(&s).is_ge() {
        k += 1;
    } else {
        r.mul_small(10);
        mlow.mul_small(10);
    }
    let mut mhigh = if p.unequal_margins { twice(&mlow) } else { mlow.clone() };

    let mut cutoff_max_exp = k - MAX_DIGITS;
    if let Some(cm) = cutoff_max {
        let want = match cutoff {
            Cutoff::Total => k - cm,
            Cutoff::Fraction => -cm,
        };
        cutoff_max_exp = cutoff_max_exp.max(want);
    }
    let mut cutoff_min_exp = k;
    if let Some(cm) = cutoff_min {
        let want = match cutoff {
            Cutoff::Total => k - cm,
            Cutoff::Fraction => -cm,
        };
        cutoff_min_exp = cutoff_min_exp.min(want);
    }
    let mut out_exp = k - 1;
    let mut out = Vec::new();
    let (mut low, mut high) = (false, false);
    let mut digit;
    match mode {
        DigitMode::Unique => loop {
            k -= 1;
            digit = r.div_rem_digit(&s);
            let upper = r.add(&mhigh);
            let c_low = r.cmp_big(&mlow);
            low = if even { c_low.is_le() } else { c_low.is_lt() };
            let c_high = upper.cmp_big(&s);
            high = if even { c_high.is_ge() } else { c_high.is_gt() };
            if ((low || high) && k <= cutoff_min_exp) || k == cutoff_max_exp {
                break;
            }
            out.push(b'0' + digit as u8);
            r.mul_small(10);
            mlow.mul_small(10);
            mhigh = if p.unequal_margins { twice(&mlow) } else { mlow.clone() };
        },
        DigitMode::Exact => loop {
            k -= 1;
            digit = r.div_rem_digit(&s);
            if r.is_zero() || k == cutoff_max_exp {
                break;
            }
            out.push(b'0' + digit as u8);
            r.mul_small(10);
        },
    }
    let mut round_down = low;
    if low == high {
        r.shl(1);
        round_down = match r.cmp_big(&s) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Greater => false,
            std::cmp::Ordering::Equal => digit & 1 == 0,
        };
    }
    if round_down {
        out.push(b'0' + digit as u8);
    } else if digit == 9 {
        // Carry: drop trailing nines and bump the first digit below nine.
        loop {
            match out.pop() {
                None => {
                    out.push(b'1');
                    out_exp += 1;
                    break;
                }
                Some(b'9') => {}
                Some(d) => {
                    out.push(d + 1);
                    break;
                }
            }
        }
    } else {
        out.push(b'0' + digit as u8 + 1);
    }
    (out, out_exp)
}

/// Arguments of the two formatters, as NumPy's `dragon4_positional`/`dragon4_scientific`
/// take them (`None` where NumPy passes `-1`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Spec {
    pub(crate) mode: DigitMode,
    pub(crate) precision: Option<i32>,
    pub(crate) min_digits: Option<i32>,
    pub(crate) trim: Trim,
    /// Print `+` for positive values.
    pub(crate) sign: bool,
    pub(crate) pad_left: Option<i32>,
    /// Positional only: pad the fraction with spaces to this many characters.
    pub(crate) pad_right: Option<i32>,
    /// Scientific only: at least this many exponent digits (default 2).
    pub(crate) exp_digits: Option<i32>,
}

impl Spec {
    /// Unique digits, no limits, the given trim.
    pub(crate) fn unique(trim: Trim) -> Spec {
        Spec {
            mode: DigitMode::Unique,
            precision: None,
            min_digits: None,
            trim,
            sign: false,
            pad_left: None,
            pad_right: None,
            exp_digits: None,
        }
    }
}

fn sign_prefix(neg: bool, plus: bool) -> &'static str {
    if neg {
        "-"
    } else if plus {
        "+"
    } else {
        ""
    }
}

fn inf_nan(neg: bool, class: Class, plus: bool) -> Option<String> {
    match class {
        Class::Nan => Some("nan".into()),
        Class::Inf => Some(format!("{}inf", sign_prefix(neg, plus))),
        Class::Finite(_) => None,
    }
}

/// `dragon4_positional(x, fractional=cutoff == Fraction, ...)`.
pub(crate) fn positional<F: FloatBits>(x: F, cutoff: Cutoff, spec: &Spec) -> String {
    let (neg, class) = x.classify();
    if let Some(s) = inf_nan(neg, class, spec.sign) {
        return s;
    }
    let Class::Finite(p) = class else { unreachable!("non-finite values returned above") };
    let sign = sign_prefix(neg, spec.sign);
    let has_sign = i32::from(!sign.is_empty());
    let (digs, exp) = digits(&p, spec.mode, cutoff, spec.precision, spec.min_digits);
    let n = digs.len() as i32;
    let mut buf = String::with_capacity(digs.len() + 8);
    buf.push_str(sign);
    let whole;
    let mut frac;
    if exp >= 0 {
        whole = exp + 1;
        if n <= whole {
            buf.extend(digs.iter().map(|&d| d as char));
            buf.extend(std::iter::repeat_n('0', (whole - n) as usize));
            frac = 0;
        } else {
            buf.extend(digs[..whole as usize].iter().map(|&d| d as char));
            buf.push('.');
            buf.extend(digs[whole as usize..].iter().map(|&d| d as char));
            frac = n - whole;
        }
    } else {
        let zeros = -(exp + 1);
        buf.push_str("0.");
        buf.extend(std::iter::repeat_n('0', zeros as usize));
        buf.extend(digs.iter().map(|&d| d as char));
        frac = n + zeros;
        whole = 1;
    }
    if spec.trim != Trim::DptZeros && frac == 0 {
        buf.push('.');
    }
    let add = if spec.mode == DigitMode::Unique { spec.min_digits } else { spec.precision };
    let add = add.unwrap_or(-1);
    let desired = match cutoff {
        Cutoff::Fraction => add.max(0),
        Cutoff::Total => add - whole,
    };
    match spec.trim {
        Trim::LeaveOneZero if frac == 0 => {
            buf.push('0');
            frac += 1;
        }
        Trim::Keep if desired > frac => {
            buf.extend(std::iter::repeat_n('0', (desired - frac) as usize));
            frac = desired;
        }
        _ => {}
    }
    if spec.trim != Trim::Keep && frac > 0 {
        while buf.ends_with('0') {
            buf.pop();
            frac -= 1;
        }
        if buf.ends_with('.') {
            match spec.trim {
                Trim::LeaveOneZero => {
                    buf.push('0');
                    frac += 1;
                }
                Trim::DptZeros => {
                    buf.pop();
                }
                _ => {}
            }
        }
    }
    if let Some(pr) = spec.pad_right
        && pr >= frac
    {
        if spec.trim == Trim::DptZeros && frac == 0 {
            buf.push(' ');
        }
        buf.extend(std::iter::repeat_n(' ', (pr - frac) as usize));
    }
    if let Some(pl) = spec.pad_left
        && pl > whole + has_sign
    {
        let mut padded = " ".repeat((pl - whole - has_sign) as usize);
        padded.push_str(&buf);
        buf = padded;
    }
    buf
}

/// `dragon4_scientific(x, ...)`.
pub(crate) fn scientific<F: FloatBits>(x: F, spec: &Spec) -> String {
    let (neg, class) = x.classify();
    if let Some(s) = inf_nan(neg, class, spec.sign) {
        return s;
    }
    let Class::Finite(p) = class else { unreachable!("non-finite values returned above") };
    let sign = sign_prefix(neg, spec.sign);
    let mut buf = String::new();
    let left = 1 + i32::from(!sign.is_empty());
    if let Some(pl) = spec.pad_left
        && pl > left
    {
        buf.push_str(&" ".repeat((pl - left) as usize));
    }
    buf.push_str(sign);
    let (digs, mut exp) =
        digits(&p, spec.mode, Cutoff::Total, spec.precision.map(|v| v + 1), spec.min_digits.map(|v| v + 1));
    buf.push(digs[0] as char);
    let mut frac = digs.len() as i32 - 1;
    if frac > 0 {
        buf.push('.');
        buf.extend(digs[1..].iter().map(|&d| d as char));
    }
    if spec.trim != Trim::DptZeros && frac == 0 {
        buf.push('.');
    }
    let add = if spec.mode == DigitMode::Unique { spec.min_digits } else { spec.precision };
    let add = add.unwrap_or(0).max(0);
    match spec.trim {
        Trim::LeaveOneZero if frac == 0 => {
            buf.push('0');
            frac += 1;
        }
        Trim::Keep if add > frac => {
            buf.extend(std::iter::repeat_n('0', (add - frac) as usize));
        }
        _ => {}
    }
    if spec.trim != Trim::Keep && frac > 0 {
        while buf.ends_with('0') {
            buf.pop();
        }
        if spec.trim == Trim::LeaveOneZero && buf.ends_with('.') {
            buf.push('0');
        }
    }
    let exp_digits = match spec.exp_digits {
        Some(d) if d >= 0 => d.min(5),
        _ => 2,
    } as usize;
    buf.push('e');
    buf.push(if exp >= 0 { '+' } else { '-' });
    exp = exp.abs();
    // NumPy writes the exponent's digits without leading zeros, padded to `exp_digits`:
    // with `exp_digits=0` an exponent of zero has no digits at all (`1.5e+`).
    if exp != 0 || exp_digits > 0 {
        buf.push_str(&format!("{exp:0exp_digits$}"));
    }
    buf
}

/// NumPy's `str()` of a float scalar: positional between `1e-4` and the type's limit
/// (keeping one zero after the point), scientific outside it (dropping the point).
pub(crate) fn scalar_str<F: FloatBits>(x: F, sign: bool) -> String {
    let v = x.to_f64();
    let a = v.abs();
    let positional = v.is_nan() || v == 0.0 || (a < F::SCALAR_MAX_POSITIONAL && a >= 1e-4);
    if positional {
        self::positional(x, Cutoff::Total, &Spec { sign, ..Spec::unique(Trim::LeaveOneZero) })
    } else {
        scientific(x, &Spec { sign, ..Spec::unique(Trim::DptZeros) })
    }
}

/// The same with a chosen trim in both notations (complex parts use `'-'`).
pub(crate) fn scalar_str_trim<F: FloatBits>(x: F, trim: Trim, sign: bool) -> String {
    let v = x.to_f64();
    let a = v.abs();
    let positional = v.is_nan() || v == 0.0 || (a < F::SCALAR_MAX_POSITIONAL && a >= 1e-4);
    if positional {
        self::positional(x, Cutoff::Total, &Spec { sign, ..Spec::unique(trim) })
    } else {
        scientific(x, &Spec { sign, ..Spec::unique(trim) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortest_matches_rust_for_f64() {
        for &x in &[0.1, 0.3, 1.0 / 3.0, 5e-324, 1.7976931348623157e308, 123456.789, 2.0f64.powi(60), 0.1 + 0.2] {
            let s = scientific(x, &Spec::unique(Trim::DptZeros));
            let back: f64 = s.parse().unwrap();
            assert_eq!(back, x, "{s}");
            let rust = format!("{x:e}");
            let mant = |t: &str| t.split('e').next().unwrap().replace('.', "");
            assert_eq!(mant(&s), mant(&rust), "{s} vs {rust}");
        }
    }

    #[test]
    fn positional_forms() {
        let sp = Spec { precision: Some(8), ..Spec::unique(Trim::Zeros) };
        assert_eq!(positional(0.1 + 0.2, Cutoff::Fraction, &sp), "0.3");
        assert_eq!(positional(2.0, Cutoff::Fraction, &sp), "2.");
        assert_eq!(positional(-1e-10, Cutoff::Fraction, &sp), "-0.");
        assert_eq!(scalar_str(0.1 + 0.2, false), "0.30000000000000004");
        assert_eq!(scalar_str(1e20, false), "1e+20");
        assert_eq!(scalar_str(f16::from_f64(0.3), false), "0.3");
        assert_eq!(scalar_str(1e-5f32, false), "1e-05");
    }
}
