//! Python's `%` formatting, as `savetxt` and `tofile(sep=…)` apply it to NumPy scalars:
//! `%d %i %u %x %X %o %e %E %f %F %g %G %s %%` with flags `-+ 0#`, width and precision.

use crate::error::{Error, Result};

/// The precision of a float argument, which decides its shortest `str()` form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatKind {
    /// `float16`
    F16,
    /// `float32`
    F32,
    /// `float64`
    F64,
}

/// One value handed to a format: a NumPy scalar's Python-level meaning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg {
    /// An integer.
    Int(i128),
    /// A bool (`%d` gives 1/0, `%s` gives `True`/`False`).
    Bool(bool),
    /// A float of the given precision (held exactly as `f64`).
    Float(f64, FloatKind),
}

#[derive(Clone, Debug, PartialEq)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    zero: bool,
    alt: bool,
    width: usize,
    prec: Option<usize>,
    conv: char,
}

#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Lit(String),
    Spec(Spec),
}

/// A parsed `%` format string.
#[derive(Clone, Debug, PartialEq)]
pub struct Format {
    segs: Vec<Seg>,
}

impl Format {
    /// Parses a format string.
    ///
    /// # Errors
    /// Python's errors: `incomplete format`, `unsupported format character 'q' (0x71) at
    /// index 1`, `width too big`, `precision too big`; `*` widths and `%r`, `%a`, `%c` are
    /// not supported.
    pub fn parse(s: &str) -> Result<Self> {
        let mut chars: Vec<char> = Vec::new();
        chars.try_reserve_exact(s.len()).map_err(|_| Error::NoMemory { bytes: s.len().saturating_mul(4) })?;
        chars.extend(s.chars());
        let mut segs = Vec::new();
        let mut lit = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                lit.push(c);
                i += 1;
                continue;
            }
            i += 1;
            let mut spec = Spec {
                left: false,
                plus: false,
                space: false,
                zero: false,
                alt: false,
                width: 0,
                prec: None,
                conv: ' ',
            };
            while i < chars.len() {
                match chars[i] {
                    '-' => spec.left = true,
                    '+' => spec.plus = true,
                    ' ' => spec.space = true,
                    '0' => spec.zero = true,
                    '#' => spec.alt = true,
                    _ => break,
                }
                i += 1;
            }
            // Python's limits: a width must fit a Py_ssize_t, a precision a C int.
            let num = |i: &mut usize, max: usize, what: &'static str| {
                let mut n: usize = 0;
                while *i < chars.len() && chars[*i].is_ascii_digit() {
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(chars[*i] as usize - '0' as usize))
                        .filter(|&n| n <= max)
                        .ok_or(Error::FormatNumberTooBig { what })?;
                    *i += 1;
                }
                Ok::<usize, Error>(n)
            };
            spec.width = num(&mut i, isize::MAX as usize, "width")?;
            if i < chars.len() && chars[i] == '.' {
                i += 1;
                spec.prec = Some(num(&mut i, i32::MAX as usize, "precision")?);
            }
            // Length modifiers are accepted and ignored, as in Python.
            while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
                i += 1;
            }
            let Some(&conv) = chars.get(i) else { return Err(Error::FormatIncomplete) };
            match conv {
                '%' => lit.push('%'),
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 's' => {
                    if !lit.is_empty() {
                        segs.push(Seg::Lit(std::mem::take(&mut lit)));
                    }
                    spec.conv = conv;
                    segs.push(Seg::Spec(spec));
                }
                'r' | 'a' | 'c' | '*' => {
                    return Err(Error::FormatConversionUnsupported { conversion: conv });
                }
                other => {
                    return Err(Error::FormatCharacter { character: other, index: i });
                }
            }
            i += 1;
        }
        if !lit.is_empty() {
            segs.push(Seg::Lit(lit));
        }
        Ok(Format { segs })
    }

    /// Number of values the format consumes.
    #[must_use]
    pub fn n_args(&self) -> usize {
        self.segs.iter().filter(|s| matches!(s, Seg::Spec(_))).count()
    }

    /// Formats `args` (`fmt % tuple(args)`), appending to `out`.
    ///
    /// # Errors
    /// Python's TypeErrors for too few or too many values and for `%x` of a float;
    /// ValueError for `%d` of NaN, OverflowError-worded for infinity;
    /// [`Error::NoMemory`] when the text of a huge width or precision cannot be allocated.
    pub fn apply(&self, args: &[Arg], out: &mut String) -> Result<()> {
        let mut it = args.iter();
        for seg in &self.segs {
            match seg {
                Seg::Lit(s) => out.push_str(s),
                Seg::Spec(spec) => {
                    let Some(a) = it.next() else {
                        return Err(Error::FormatTooFewArguments);
                    };
                    format_one(spec, *a, out)?;
                }
            }
        }
        if it.next().is_some() {
            return Err(Error::FormatTooManyArguments);
        }
        Ok(())
    }
}

/// Makes room for `n` more bytes in `s`, or reports the allocation NumPy would fail.
fn reserve(s: &mut String, n: usize) -> Result<()> {
    s.try_reserve(n).map_err(|_| Error::NoMemory { bytes: n })
}

/// Appends `n` copies of `c` (ASCII), failing cleanly when they cannot be allocated.
fn push_n(s: &mut String, c: char, n: usize) -> Result<()> {
    reserve(s, n)?;
    s.extend(std::iter::repeat_n(c, n));
    Ok(())
}

fn pad(spec: &Spec, sign: &str, body: &str, numeric_zero: bool, out: &mut String) -> Result<()> {
    let len = sign.chars().count() + body.chars().count();
    let fill = spec.width.saturating_sub(len);
    reserve(out, (sign.len() + body.len()).saturating_add(fill))?;
    if spec.left {
        out.push_str(sign);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if spec.zero && numeric_zero {
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(sign);
        out.push_str(body);
    }
    Ok(())
}

fn sign_of(neg: bool, spec: &Spec) -> &'static str {
    if neg {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

fn to_int(a: Arg, conv: char) -> Result<i128> {
    match a {
        Arg::Int(n) => Ok(n),
        Arg::Bool(b) => Ok(i128::from(b)),
        Arg::Float(x, _) => {
            if matches!(conv, 'x' | 'X' | 'o') {
                return Err(Error::FormatIntegerRequired { conversion: conv });
            }
            if x.is_nan() {
                return Err(Error::FloatToInteger { nan: true });
            }
            if x.is_infinite() {
                return Err(Error::FloatToInteger { nan: false });
            }
            Ok(x.trunc() as i128)
        }
    }
}

fn format_one(spec: &Spec, a: Arg, out: &mut String) -> Result<()> {
    match spec.conv {
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = to_int(a, spec.conv)?;
            let mag = n.unsigned_abs();
            let mut digits = match spec.conv {
                'x' => format!("{mag:x}"),
                'X' => format!("{mag:X}"),
                'o' => format!("{mag:o}"),
                _ => mag.to_string(),
            };
            if let Some(p) = spec.prec
                && digits.len() < p
            {
                let mut zeros = String::new();
                push_n(&mut zeros, '0', p - digits.len())?;
                digits = zeros + &digits;
            }
            let prefix = match (spec.alt, spec.conv) {
                (true, 'x') => "0x",
                (true, 'X') => "0X",
                (true, 'o') => "0o",
                _ => "",
            };
            let sign = format!("{}{prefix}", sign_of(n < 0, spec));
            pad(spec, &sign, &digits, true, out)?;
        }
        's' => {
            let mut s = match a {
                Arg::Int(n) => n.to_string(),
                Arg::Bool(b) => (if b { "True" } else { "False" }).to_string(),
                Arg::Float(x, k) => str_float(x, k),
            };
            if let Some(p) = spec.prec {
                s = s.chars().take(p).collect();
            }
            pad(spec, "", &s, false, out)?;
        }
        conv => {
            let x = match a {
                Arg::Int(n) => n as f64,
                Arg::Bool(b) => f64::from(u8::from(b)),
                Arg::Float(x, _) => x,
            };
            let upper = conv.is_ascii_uppercase();
            let sign = sign_of(x.is_sign_negative() && !x.is_nan(), spec);
            if !x.is_finite() {
                let body = if x.is_nan() { "nan" } else { "inf" };
                let body = if upper { body.to_ascii_uppercase() } else { body.to_string() };
                pad(spec, sign, &body, false, out)?;
                return Ok(());
            }
            let prec = spec.prec.unwrap_or(6);
            let body = match conv.to_ascii_lowercase() {
                'f' => {
                    let mut s = fixed(x.abs(), prec)?;
                    if spec.alt && prec == 0 {
                        s.push('.');
                    }
                    s
                }
                'e' => sci(x.abs(), prec, upper)?,
                _ => general(x.abs(), prec, spec.alt, upper)?,
            };
            pad(spec, sign, &body, true, out)?;
        }
    }
    Ok(())
}

/// More fractional digits than any `f64` has: its exact decimal value ends within 1074
/// digits after the point, so a longer `%f` is that value followed by zeros.
const EXACT_FRACTION: usize = 1100;

/// More significant digits than any `f64` has (at most 767), likewise for `%e`.
const EXACT_DIGITS: usize = 800;

/// `%.{prec}f` of a non-negative finite value, for any precision: Rust's formatter takes
/// at most 65535 digits, so the zeros past the value's exact expansion are added here.
fn fixed(x: f64, prec: usize) -> Result<String> {
    if prec <= EXACT_FRACTION {
        return Ok(format!("{x:.prec$}"));
    }
    let head = format!("{x:.EXACT_FRACTION$}");
    let mut s = String::new();
    reserve(&mut s, head.len().saturating_add(prec - EXACT_FRACTION))?;
    s.push_str(&head);
    push_n(&mut s, '0', prec - EXACT_FRACTION)?;
    Ok(s)
}

/// `%.{prec}e` of a non-negative finite value, with C's exponent (sign, two digits), for
/// any precision.
fn sci(x: f64, prec: usize, upper: bool) -> Result<String> {
    let digits = prec.min(EXACT_DIGITS);
    let s = format!("{x:.digits$e}");
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    let es = if e < 0 { '-' } else { '+' };
    let mut out = String::new();
    reserve(&mut out, m.len().saturating_add(prec - digits).saturating_add(6))?;
    out.push_str(m);
    push_n(&mut out, '0', prec - digits)?;
    out.push(if upper { 'E' } else { 'e' });
    out.push(es);
    out.push_str(&format!("{:02}", e.abs()));
    Ok(out)
}

/// `%.{prec}g` of a non-negative finite value.
fn general(x: f64, prec: usize, alt: bool, upper: bool) -> Result<String> {
    let p = prec.max(1);
    // The exponent after rounding to p significant digits.
    let s = format!("{:.*e}", (p - 1).min(EXACT_DIGITS), x);
    let exp: i32 = s.split_once('e').and_then(|(_, e)| e.parse().ok()).unwrap_or(0);
    let mut body = if exp >= -4 && i64::from(exp) < p as i64 {
        fixed(x, usize::try_from(p as i64 - 1 - i64::from(exp)).unwrap_or(0))?
    } else {
        sci(x, p - 1, upper)?
    };
    if !alt {
        let (mant, tail) = match body.find(['e', 'E']) {
            Some(i) => (body[..i].to_string(), body[i..].to_string()),
            None => (body.clone(), String::new()),
        };
        let mant = if mant.contains('.') { mant.trim_end_matches('0').trim_end_matches('.').to_string() } else { mant };
        body = mant + &tail;
    }
    Ok(body)
}

/// Shortest decimal digits and exponent that read back as `x` in precision `k`.
fn shortest(x: f64, k: FloatKind) -> (String, i32) {
    let sci = match k {
        FloatKind::F64 => format!("{x:e}"),
        FloatKind::F32 => format!("{:e}", x as f32),
        FloatKind::F16 => {
            let h = nprs_core::f16::from_f64(x);
            (1..=5)
                .map(|p| format!("{:.*e}", p - 1, x))
                .find(|s| s.parse::<f64>().is_ok_and(|y| nprs_core::f16::from_f64(y) == h))
                .unwrap_or_else(|| format!("{x:e}"))
        }
    };
    let (m, e) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = m.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0".to_string() } else { digits.to_string() };
    (digits, e.parse().unwrap_or(0))
}

/// `str()` of a NumPy float scalar: shortest round-trip digits in its own precision,
/// positional for exponents -4..16, scientific otherwise (`0.1`, `1e+16`, `nan`).
#[must_use]
pub fn str_float(x: f64, k: FloatKind) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exp) = shortest(x.abs(), k);
    let n = digits.len() as i32;
    if (-4..16).contains(&exp) {
        let s = if exp >= n - 1 {
            format!("{digits}{}.0", "0".repeat((exp - n + 1) as usize))
        } else if exp >= 0 {
            let (a, b) = digits.split_at((exp + 1) as usize);
            format!("{a}.{b}")
        } else {
            format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
        };
        format!("{sign}{s}")
    } else {
        let (a, b) = digits.split_at(1);
        let m = if b.is_empty() { a.to_string() } else { format!("{a}.{b}") };
        format!("{sign}{m}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(fmt: &str, args: &[Arg]) -> String {
        let mut s = String::new();
        Format::parse(fmt).unwrap().apply(args, &mut s).unwrap();
        s
    }

    #[test]
    fn python_formats() {
        let d = |x| Arg::Float(x, FloatKind::F64);
        assert_eq!(f("%.18e", &[d(1.0)]), "1.000000000000000000e+00");
        assert_eq!(f("%.3f|%5.1f|%-6.2e|", &[d(2.0 / 3.0), d(-1.25), d(12345.0)]), "0.667| -1.2|1.23e+04|");
        assert_eq!(
            f("%g %g %g %g", &[d(0.0001), d(1e-5), d(123456.0), d(1234567.0)]),
            "0.0001 1e-05 123456 1.23457e+06"
        );
        assert_eq!(
            f("%d %05d %+d %x %#o", &[d(1.7), Arg::Int(-3), Arg::Int(4), Arg::Int(255), Arg::Int(8)]),
            "1 -0003 +4 ff 0o10"
        );
        assert_eq!(
            f("%s %s %s", &[d(0.1), Arg::Float(0.1f32 as f64, FloatKind::F32), Arg::Bool(true)]),
            "0.1 0.1 True"
        );
        assert_eq!(f("%s", &[Arg::Float(nprs_core::f16::from_f64(0.1).to_f64(), FloatKind::F16)]), "0.1");
        assert_eq!(f("%s %s", &[d(1e16), d(1e-5)]), "1e+16 1e-05");
        assert_eq!(f("%5.1f %E", &[d(f64::NAN), d(f64::NEG_INFINITY)]), "  nan -INF");
        assert_eq!(f("100%%", &[]), "100%");
        let mut s = String::new();
        assert!(Format::parse("%d").unwrap().apply(&[d(f64::NAN)], &mut s).is_err());
        assert!(Format::parse("%d %d").unwrap().apply(&[Arg::Int(1)], &mut s).is_err());
        assert!(Format::parse("%q").is_err());
        assert!(Format::parse("%").is_err());
    }
}
