//! How each element type is written as text and parsed back.

use nprs_core::{C64, C128, f16};

use super::printf::{Arg, FloatKind};
use nprs_core::Element;

mod sealed {
    pub trait Sealed {}
}

/// An element type that text I/O formats and parses. Sealed.
pub trait TextElement: Element + sealed::Sealed {
    /// True for complex types (written as `real+imagj`, two format values each).
    const COMPLEX: bool;
    /// The values handed to a `%` format: one, or the real and imaginary parts.
    fn args(self, out: &mut Vec<super::printf::Arg<'static>>);
    /// Parses one field as NumPy's `loadtxt` does for this dtype (surrounding spaces
    /// allowed); `None` when it does not convert.
    fn parse_field(s: &str) -> Option<Self>;
}

fn parse_int(s: &str) -> Option<i128> {
    let s = s.trim();
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses a float as NumPy's text readers do (`inf`, `nan`, exponents; no underscores).
pub(crate) fn parse_f64(s: &str) -> Option<f64> {
    let s = s.trim();
    if s.is_empty() || s.contains('_') {
        return None;
    }
    s.parse().ok()
}

/// Parses Python's complex syntax: `1+2j`, `(1-2.5e3j)`, `2j`, `3`.
pub(crate) fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s.trim();
    let s = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')).unwrap_or(s).trim();
    let Some(body) = s.strip_suffix(['j', 'J']) else { return parse_f64(s).map(|re| (re, 0.0)) };
    let b = body.as_bytes();
    let split = (1..b.len()).rev().find(|&i| matches!(b[i], b'+' | b'-') && !matches!(b[i - 1], b'e' | b'E'));
    let imag = |t: &str| match t {
        "" | "+" => Some(1.0),
        "-" => Some(-1.0),
        _ => parse_f64(t),
    };
    match split {
        Some(i) => Some((parse_f64(&body[..i])?, imag(&body[i..])?)),
        None => Some((0.0, imag(body)?)),
    }
}

macro_rules! int_text {
    ($($t:ty),*) => {$(
        impl sealed::Sealed for $t {}
        impl TextElement for $t {
            const COMPLEX: bool = false;
            fn args(self, out: &mut Vec<Arg<'static>>) { out.push(Arg::Int(i128::from(self))); }
            fn parse_field(s: &str) -> Option<Self> { parse_int(s).and_then(|v| <$t>::try_from(v).ok()) }
        }
    )*};
}
int_text!(i8, i16, i32, i64, u8, u16, u32, u64);

impl sealed::Sealed for bool {}
impl TextElement for bool {
    const COMPLEX: bool = false;
    fn args(self, out: &mut Vec<Arg<'static>>) {
        out.push(Arg::Bool(self));
    }
    /// NumPy reads bools as integers: non-zero is `true`.
    fn parse_field(s: &str) -> Option<Self> {
        parse_int(s).map(|v| v != 0)
    }
}

impl sealed::Sealed for f16 {}
impl TextElement for f16 {
    const COMPLEX: bool = false;
    fn args(self, out: &mut Vec<Arg<'static>>) {
        out.push(Arg::Float(self.to_f64(), FloatKind::F16));
    }
    fn parse_field(s: &str) -> Option<Self> {
        parse_f64(s).map(f16::from_f64)
    }
}

impl sealed::Sealed for f32 {}
impl TextElement for f32 {
    const COMPLEX: bool = false;
    fn args(self, out: &mut Vec<Arg<'static>>) {
        out.push(Arg::Float(f64::from(self), FloatKind::F32));
    }
    /// Parsed as a double, then rounded to single precision, as NumPy does.
    fn parse_field(s: &str) -> Option<Self> {
        parse_f64(s).map(|x| x as f32)
    }
}

impl sealed::Sealed for f64 {}
impl TextElement for f64 {
    const COMPLEX: bool = false;
    fn args(self, out: &mut Vec<Arg<'static>>) {
        out.push(Arg::Float(self, FloatKind::F64));
    }
    fn parse_field(s: &str) -> Option<Self> {
        parse_f64(s)
    }
}

impl sealed::Sealed for C64 {}
impl TextElement for C64 {
    const COMPLEX: bool = true;
    fn args(self, out: &mut Vec<Arg<'static>>) {
        out.push(Arg::Float(f64::from(self.re), FloatKind::F32));
        out.push(Arg::Float(f64::from(self.im), FloatKind::F32));
    }
    fn parse_field(s: &str) -> Option<Self> {
        parse_complex(s).map(|(re, im)| C64::new(re as f32, im as f32))
    }
}

impl sealed::Sealed for C128 {}
impl TextElement for C128 {
    const COMPLEX: bool = true;
    fn args(self, out: &mut Vec<Arg<'static>>) {
        out.push(Arg::Float(self.re, FloatKind::F64));
        out.push(Arg::Float(self.im, FloatKind::F64));
    }
    fn parse_field(s: &str) -> Option<Self> {
        parse_complex(s).map(|(re, im)| C128::new(re, im))
    }
}
