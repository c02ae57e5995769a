//! Python's spellings of values: `repr` of `str` and `bytes`, the escapes of Python string
//! literals ([`py_unescape`]), and the shortest round-trip form of floats that
//! `repr(float)` and `str()` of NumPy float scalars use.

use half::{bf16, f16};

/// Format characters (general category `Cf`, Unicode 14 as in Python 3.11), which Python
/// escapes.
const FORMAT_CHARS: [(u32, u32); 21] = [
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x180e, 0x180e),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x2064),
    (0x2066, 0x206f),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x13438),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
];

/// True when Python's `str.isprintable` would say `c` is printable: not a control,
/// format, private-use or separator character (the space excepted), nor a noncharacter.
/// Other unassigned code points count as printable here.
fn printable(c: char) -> bool {
    let u = c as u32;
    let format = FORMAT_CHARS.iter().any(|&(lo, hi)| (lo..=hi).contains(&u));
    let private = (0xe000..=0xf8ff).contains(&u) || u >= 0xf0000 && (u & 0xffff) <= 0xfffd;
    let nonchar = (0xfdd0..=0xfdef).contains(&u) || u & 0xfffe == 0xfffe;
    !(c.is_control() || (c.is_whitespace() && c != ' ') || format || private || nonchar)
}

/// `repr(s)` for a Python `str`: `'abc'`, `"it's"`, `'a\nb'`.
#[must_use]
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if printable(c) => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// What a backslash escape in a Python string literal stands for, as
/// `ast.literal_eval` reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyEscape {
    /// A character, and how many bytes after the backslash spell it (`\n`: 1, `\x41`: 3).
    Char(char, usize),
    /// A backslash before a line break: nothing (the break is the one byte it takes).
    LineContinuation,
    /// Not an escape (`\q`, or `\u` in bytes): the backslash stands for itself and the
    /// text after it is read as usual.
    Backslash,
}

/// Decodes the escape after a backslash in a Python string literal (`rest` is the text
/// after the backslash; `bytes` for a `b'...'` literal, where `\u` and `\U` are not
/// escapes): the one-letter escapes (`\\ \' \" \a \b \f \n \r \t \v`), octal
/// `\ooo` (one to three digits), `\xNN`, `\uNNNN`, `\UNNNNNNNN`, a line continuation,
/// and any other character kept with its backslash, as Python does. The one decoder of
/// the workspace: dtype strings and `.npy` headers both read escapes with it.
///
/// ```
/// use nprs_core::dtype::pyfmt::{PyEscape, py_unescape};
/// assert_eq!(py_unescape(b"x41rest", false), Some(PyEscape::Char('A', 3)));
/// assert_eq!(py_unescape(b"101", false), Some(PyEscape::Char('A', 3)));
/// assert_eq!(py_unescape(b"q", false), Some(PyEscape::Backslash));
/// assert_eq!(py_unescape(b"u00e9", true), Some(PyEscape::Backslash));
/// assert_eq!(py_unescape(b"x4", false), None);
/// ```
///
/// `None` for a malformed escape: a hex escape cut short or with a non-hex digit, one
/// naming no character (a surrogate, past U+10FFFF), or nothing after the backslash.
#[must_use]
pub fn py_unescape(rest: &[u8], bytes: bool) -> Option<PyEscape> {
    let c = *rest.first()?;
    let simple = match c {
        b'\\' => '\\',
        b'\'' => '\'',
        b'"' => '"',
        b'a' => '\u{7}',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'v' => '\u{b}',
        b'\n' => return Some(PyEscape::LineContinuation),
        b'0'..=b'7' => {
            let digits = rest.iter().take(3).take_while(|d| (b'0'..=b'7').contains(d)).count();
            let v = rest[..digits].iter().fold(0u32, |v, d| v * 8 + u32::from(d - b'0'));
            return char::from_u32(v).map(|ch| PyEscape::Char(ch, digits));
        }
        b'x' => return hex_escape(rest, 2),
        b'u' if !bytes => return hex_escape(rest, 4),
        b'U' if !bytes => return hex_escape(rest, 8),
        _ => return Some(PyEscape::Backslash),
    };
    Some(PyEscape::Char(simple, 1))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` (`rest` starts at the letter): exactly `digits` hex
/// digits naming a Unicode scalar value.
fn hex_escape(rest: &[u8], digits: usize) -> Option<PyEscape> {
    let hex = rest.get(1..=digits)?;
    if !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let code = hex.iter().fold(0u32, |v, &d| v * 16 + char::from(d).to_digit(16).unwrap_or(0));
    char::from_u32(code).map(|ch| PyEscape::Char(ch, 1 + digits))
}

/// `repr(b)` for a Python `bytes`: `b'abc'`, `b'\x00\xff'`.
#[must_use]
pub fn py_bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(char::from(c));
            }
            0x20..=0x7e => out.push(char::from(c)),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(char::from(quote));
    out
}

/// The shortest decimal digits that read back as the same value, with the decimal
/// exponent of the first digit: `1.5` → (`"15"`, 0), `0.001` → (`"1"`, -3).
/// `x` must be finite and non-zero. `fmt` renders `x` in scientific form with the given
/// number of fractional digits, or with the shortest round-trip digits when `None`.
fn digits_from_exp(s: &str) -> (String, i32) {
    let s = s.trim_start_matches('-');
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0".to_string() } else { digits.to_string() };
    (digits, exp.parse().unwrap_or(0))
}

/// Shortest round-trip digits of an `f64` (finite, non-zero).
#[must_use]
pub fn shortest_f64(x: f64) -> (String, i32) {
    // Rust's shortest digits break an exact tie between two shortest candidates upwards;
    // Python's repr takes the nearer, on a tie the even one: the value correctly rounded
    // (half to even) to that many digits, which round-trips whenever any string of that
    // length does.
    let (d, _) = digits_from_exp(&format!("{x:e}"));
    digits_from_exp(&format!("{x:.p$e}", p = d.len().saturating_sub(1)))
}

/// Shortest round-trip digits of an `f32` (finite, non-zero).
#[must_use]
pub fn shortest_f32(x: f32) -> (String, i32) {
    // As `shortest_f64`: ties between shortest candidates go to the nearer, then even.
    let (d, _) = digits_from_exp(&format!("{x:e}"));
    digits_from_exp(&format!("{x:.p$e}", p = d.len().saturating_sub(1)))
}

/// Shortest digits that round back to `x` under `back` (for the 16-bit floats).
fn shortest_small(x: f64, back: impl Fn(f64) -> f64) -> (String, i32) {
    for p in 0..17 {
        let s = format!("{x:.p$e}");
        let y: f64 = s.parse().unwrap_or(f64::NAN);
        if back(y) == x {
            return digits_from_exp(&s);
        }
    }
    shortest_f64(x)
}

/// Shortest round-trip digits of an `f16` (finite, non-zero).
#[must_use]
pub fn shortest_f16(x: f16) -> (String, i32) {
    shortest_small(x.to_f64(), |y| f16::from_f64(y).to_f64())
}

/// Shortest round-trip digits of a `bf16` (finite, non-zero).
#[must_use]
pub fn shortest_bf16(x: bf16) -> (String, i32) {
    shortest_small(x.to_f64(), |y| bf16::from_f64(y).to_f64())
}

/// Lays out shortest digits as NumPy's float scalars print (and Python's `repr(float)` for
/// `f64`): positional when `1e-4 <= |x| < max_positional` (`"1.5"`, `"100.0"`,
/// `"0.0001"`), scientific otherwise (`"1e+16"`, `"1.5e-05"`). The bound is `1e16` for
/// `float64`, `1e6` for `float32` and `1e3` for `float16`; the comparison uses the exact
/// value, so `float32(0.0001)` (just below `1e-4`) prints as `"1e-04"`.
#[must_use]
pub fn layout_shortest(x: f64, digits: &str, exp: i32, max_positional: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    if x.abs() >= 1e-4 && x.abs() < max_positional {
        let n = digits.len() as i32;
        if exp < 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        } else if exp + 1 >= n {
            format!("{sign}{digits}{}.0", "0".repeat((exp + 1 - n) as usize))
        } else {
            let (a, b) = digits.split_at((exp + 1) as usize);
            format!("{sign}{a}.{b}")
        }
    } else {
        let (a, b) = digits.split_at(1);
        let frac = if b.is_empty() { String::new() } else { format!(".{b}") };
        let es = if exp < 0 { '-' } else { '+' };
        format!("{sign}{a}{frac}e{es}{:02}", exp.unsigned_abs())
    }
}

fn special(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("nan".into())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf" } else { "-inf" }.into())
    } else if x == 0.0 {
        Some(if x.is_sign_negative() { "-0.0" } else { "0.0" }.into())
    } else {
        None
    }
}

/// `repr(float(x))` / `str(np.float64(x))`: `"1.5"`, `"1e+20"`, `"nan"`.
#[must_use]
pub fn repr_f64(x: f64) -> String {
    special(x).unwrap_or_else(|| {
        let (d, e) = shortest_f64(x);
        layout_shortest(x, &d, e, 1e16)
    })
}

/// `str(np.float32(x))`: the shortest digits that identify the `f32`.
#[must_use]
pub fn repr_f32(x: f32) -> String {
    special(f64::from(x)).unwrap_or_else(|| {
        let (d, e) = shortest_f32(x);
        layout_shortest(f64::from(x), &d, e, 1e6)
    })
}

/// `str(np.float16(x))`.
#[must_use]
pub fn repr_f16(x: f16) -> String {
    special(x.to_f64()).unwrap_or_else(|| {
        let (d, e) = shortest_f16(x);
        layout_shortest(x.to_f64(), &d, e, 1e3)
    })
}

/// `str()` of a `bfloat16` value (the `float16` rules).
#[must_use]
pub fn repr_bf16(x: bf16) -> String {
    special(x.to_f64()).unwrap_or_else(|| {
        let (d, e) = shortest_bf16(x);
        layout_shortest(x.to_f64(), &d, e, 1e3)
    })
}

/// C's `printf("%.{prec}e", x)`: `"1.7976931348623157e+308"`, `"6.55040e+04"`.
#[must_use]
pub fn c_exp(x: f64, prec: usize) -> String {
    if let Some(s) = special(x).filter(|_| !x.is_finite()) {
        return s;
    }
    let s = format!("{x:.prec$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    let es = if e < 0 { '-' } else { '+' };
    format!("{mant}e{es}{:02}", e.unsigned_abs())
}

/// Python's `repr(complex(re, im))`: `"(1+2j)"`, `"2j"`, `"(nan+infj)"`.
#[must_use]
pub fn repr_complex(re: f64, im: f64) -> String {
    let part = |x: f64| {
        if x.is_finite() && x == x.trunc() && x.abs() < 1e16 {
            let s = repr_f64(x);
            s.strip_suffix(".0").map_or(s.clone(), str::to_string)
        } else {
            repr_f64(x)
        }
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    let ims = part(im);
    let sep = if ims.starts_with('-') { "" } else { "+" };
    format!("({}{sep}{ims}j)", part(re))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs() {
        assert_eq!(repr_f64(1.5), "1.5");
        assert_eq!(repr_f64(1e20), "1e+20");
        assert_eq!(repr_f64(1e16), "1e+16");
        assert_eq!(repr_f64(1e15), "1000000000000000.0");
        assert_eq!(repr_f64(0.0001), "0.0001");
        assert_eq!(repr_f64(0.00001), "1e-05");
        assert_eq!(repr_f64(-2.5e-7), "-2.5e-07");
        assert_eq!(repr_f32(0.1), "0.1");
        assert_eq!(repr_f32(f32::EPSILON), "1.1920929e-07");
        assert_eq!(repr_f16(f16::from_f64(0.1)), "0.1");
        assert_eq!(repr_f16(f16::MAX), "6.55e+04");
        assert_eq!(repr_f32(1e-4), "1e-04");
        assert_eq!(repr_f32(1e6), "1e+06");
        assert_eq!(c_exp(f64::MAX, 16), "1.7976931348623157e+308");
        assert_eq!(repr_complex(1.0, 2.0), "(1+2j)");
        assert_eq!(repr_complex(0.0, 2.0), "2j");
        assert_eq!(repr_complex(1.5, -0.5), "(1.5-0.5j)");
    }

    #[test]
    fn string_reprs() {
        assert_eq!(py_str_repr("abc"), "'abc'");
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("a\nb"), "'a\\nb'");
        assert_eq!(py_bytes_repr(b"a\x00"), "b'a\\x00'");
    }
}
