//! The Python literals of an `.npy` header: a parser for the subset of
//! `ast.literal_eval` that headers use, and Python's `repr` of the values.
//!
//! Accepted: strings in single or double quotes (with `u`, `r` and `b` prefixes and
//! Python's escapes), integers (decimal, `0x`, `0o`, `0b`, underscores, unary signs, and
//! a Python 2 `L` suffix when allowed), floats, `True`, `False`, `None`, tuples (including
//! `()` and 1-tuples), lists and dicts, with trailing commas, whitespace and `#` comments.
//! Nesting is bounded so a hostile header cannot exhaust the stack.

use std::fmt;

use nprs_core::dtype::pyfmt::{PyEscape, py_unescape};

/// Deepest nesting of brackets the parser follows.
const MAX_DEPTH: usize = 64;

/// A Python literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum PyValue {
    /// `str`
    Str(String),
    /// `bytes`
    Bytes(Vec<u8>),
    /// `int` (within 128 bits)
    Int(i128),
    /// `float`
    Float(f64),
    /// `True` / `False`
    Bool(bool),
    /// `None`
    None,
    /// `tuple`
    Tuple(Vec<PyValue>),
    /// `list`
    List(Vec<PyValue>),
    /// `dict`, in insertion order with later duplicates replacing earlier ones.
    Dict(Vec<(PyValue, PyValue)>),
}

impl PyValue {
    /// The value of `key` in a dict.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&PyValue> {
        match self {
            PyValue::Dict(items) => {
                items.iter().find(|(k, _)| matches!(k, PyValue::Str(s) if s == key)).map(|(_, v)| v)
            }
            _ => None,
        }
    }
}

/// Why a literal did not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub reason: String,
    /// Byte position in the text.
    pub pos: usize,
}

/// Parses one Python literal filling the whole text (surrounding whitespace allowed).
///
/// `python2_longs` accepts an `L` suffix on integers, as NumPy does for version 1 and 2
/// headers written by Python 2.
///
/// # Errors
/// A [`SyntaxError`] for anything `ast.literal_eval` would not accept (or that lies outside
/// the subset above).
pub fn parse(text: &str, python2_longs: bool) -> Result<PyValue, SyntaxError> {
    let mut p = Parser { s: text.as_bytes(), text, i: 0, longs: python2_longs };
    let v = p.value(0)?;
    p.skip_ws();
    if p.i != p.s.len() {
        return Err(p.err("unexpected text after the literal"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    longs: bool,
}

impl Parser<'_> {
    fn err(&self, reason: &str) -> SyntaxError {
        SyntaxError { reason: reason.to_string(), pos: self.i }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => self.i += 1,
                b'#' => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.i += 1;
                    }
                }
                b'\\' if matches!(self.s.get(self.i + 1), Some(b'\n')) => self.i += 2,
                _ => break,
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<PyValue, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.err("too deeply nested"));
        }
        self.skip_ws();
        let Some(c) = self.peek() else { return Err(self.err("unexpected end of text")) };
        match c {
            b'(' => {
                self.i += 1;
                let (items, trailing_comma) = self.items(b')', depth)?;
                if items.len() == 1 && !trailing_comma {
                    Ok(items.into_iter().next().unwrap_or(PyValue::None))
                } else {
                    Ok(PyValue::Tuple(items))
                }
            }
            b'[' => {
                self.i += 1;
                Ok(PyValue::List(self.items(b']', depth)?.0))
            }
            b'{' => {
                self.i += 1;
                self.dict(depth)
            }
            b'\'' | b'"' => self.string(false, false),
            b'+' | b'-' => {
                self.i += 1;
                let v = self.value(depth + 1)?;
                match (c, v) {
                    (b'+', v @ (PyValue::Int(_) | PyValue::Float(_))) => Ok(v),
                    (b'-', PyValue::Int(n)) => Ok(PyValue::Int(-n)),
                    (b'-', PyValue::Float(x)) => Ok(PyValue::Float(-x)),
                    _ => Err(self.err("a sign applies to numbers only")),
                }
            }
            b'0'..=b'9' | b'.' => self.number(),
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = self.i;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
                    self.i += 1;
                }
                let word = &self.text[start..self.i];
                if matches!(self.peek(), Some(b'\'' | b'"')) {
                    let lower = word.to_ascii_lowercase();
                    let (raw, bytes) = match lower.as_str() {
                        "u" => (false, false),
                        "r" => (true, false),
                        "b" => (false, true),
                        "br" | "rb" => (true, true),
                        _ => {
                            self.i = start;
                            return Err(self.err("unknown string prefix"));
                        }
                    };
                    return self.string(raw, bytes);
                }
                match word {
                    "True" => Ok(PyValue::Bool(true)),
                    "False" => Ok(PyValue::Bool(false)),
                    "None" => Ok(PyValue::None),
                    _ => {
                        self.i = start;
                        Err(self.err("names are not literals"))
                    }
                }
            }
            _ => Err(self.err("unexpected character")),
        }
    }

    /// Comma-separated values up to `close`; also reports a trailing comma.
    fn items(&mut self, close: u8, depth: usize) -> Result<(Vec<PyValue>, bool), SyntaxError> {
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() == Some(close) {
                self.i += 1;
                return Ok((items, false));
            }
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.i += 1;
                    self.skip_ws();
                    if self.peek() == Some(close) {
                        self.i += 1;
                        return Ok((items, true));
                    }
                }
                Some(c) if c == close => {
                    self.i += 1;
                    return Ok((items, false));
                }
                _ => return Err(self.err("expected a comma or a closing bracket")),
            }
        }
    }

    fn dict(&mut self, depth: usize) -> Result<PyValue, SyntaxError> {
        let mut items: Vec<(PyValue, PyValue)> = Vec::new();
        loop {
            self.skip_ws();
            if self.peek() == Some(b'}') {
                self.i += 1;
                return Ok(PyValue::Dict(items));
            }
            let k = self.value(depth + 1)?;
            if matches!(k, PyValue::List(_) | PyValue::Dict(_)) {
                return Err(self.err("unhashable dict key"));
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.err("expected ':' in a dict"));
            }
            self.i += 1;
            let v = self.value(depth + 1)?;
            if let Some(slot) = items.iter_mut().find(|(key, _)| *key == k) {
                slot.1 = v;
            } else {
                items.push((k, v));
            }
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {}
                _ => return Err(self.err("expected a comma or '}' in a dict")),
            }
        }
    }

    fn number(&mut self) -> Result<PyValue, SyntaxError> {
        let start = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.') {
            // An exponent's sign belongs to the number.
            let c = self.s[self.i];
            self.i += 1;
            if matches!(c, b'e' | b'E')
                && !self.text[start..self.i].starts_with("0x")
                && !self.text[start..self.i].starts_with("0X")
                && matches!(self.peek(), Some(b'+' | b'-'))
            {
                self.i += 1;
            }
        }
        let mut tok = &self.text[start..self.i];
        if tok.contains("__") || tok.ends_with('_') || tok.starts_with('_') {
            self.i = start;
            return Err(self.err("invalid number"));
        }
        if self.longs && (tok.ends_with('L') || tok.ends_with('l')) && tok.len() > 1 {
            tok = &tok[..tok.len() - 1];
        }
        let clean: String = tok.chars().filter(|&c| c != '_').collect();
        let lower = clean.to_ascii_lowercase();
        let radix = |p: &str, r: u32| i128::from_str_radix(&lower[p.len()..], r).ok();
        let int = if lower.starts_with("0x") {
            radix("0x", 16)
        } else if lower.starts_with("0o") {
            radix("0o", 8)
        } else if lower.starts_with("0b") {
            radix("0b", 2)
        } else if lower.bytes().all(|c| c.is_ascii_digit()) {
            // Python rejects leading zeros on non-zero decimal integers.
            if lower.len() > 1 && lower.starts_with('0') && lower.bytes().any(|c| c != b'0') {
                None
            } else {
                lower.parse::<i128>().ok()
            }
        } else {
            None
        };
        if let Some(n) = int {
            return Ok(PyValue::Int(n));
        }
        let floaty = lower.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-'))
            && lower.bytes().any(|c| c.is_ascii_digit())
            && lower.bytes().any(|c| matches!(c, b'.' | b'e'));
        if floaty && let Ok(x) = lower.parse::<f64>() {
            return Ok(PyValue::Float(x));
        }
        self.i = start;
        Err(self.err("invalid number"))
    }

    fn string(&mut self, raw: bool, bytes: bool) -> Result<PyValue, SyntaxError> {
        let quote = self.s[self.i];
        let triple = self.s.get(self.i..self.i + 3) == Some(&[quote; 3][..]);
        self.i += if triple { 3 } else { 1 };
        let mut out = String::new();
        loop {
            let Some(c) = self.peek() else { return Err(self.err("unterminated string")) };
            if c == quote {
                if !triple {
                    self.i += 1;
                    break;
                }
                if self.s.get(self.i..self.i + 3) == Some(&[quote; 3][..]) {
                    self.i += 3;
                    break;
                }
            }
            if c == b'\n' && !triple {
                return Err(self.err("end of line in a string"));
            }
            if c == b'\\' && !raw {
                self.i += 1;
                self.escape(&mut out, bytes)?;
                continue;
            }
            if c == b'\\' && raw {
                // A raw string keeps the backslash, but it still protects a quote.
                out.push('\\');
                self.i += 1;
                if let Some(n) = self.peek()
                    && (n == quote || n == b'\\')
                {
                    out.push(n as char);
                    self.i += 1;
                }
                continue;
            }
            let ch = self.text[self.i..].chars().next().unwrap_or('\0');
            if bytes && !ch.is_ascii() {
                return Err(self.err("bytes can only contain ASCII literal characters"));
            }
            out.push(ch);
            self.i += ch.len_utf8();
        }
        if bytes {
            // Each char below 256 is one byte (escapes gave chars 0..=255).
            Ok(PyValue::Bytes(out.chars().map(|c| c as u32 as u8).collect()))
        } else {
            Ok(PyValue::Str(out))
        }
    }

    /// Reads the escape after a backslash (already passed) with nprs-core's decoder, the
    /// one nprs-core's dtype parser uses too.
    fn escape(&mut self, out: &mut String, bytes: bool) -> Result<(), SyntaxError> {
        match py_unescape(&self.s[self.i..], bytes) {
            Some(PyEscape::Char(ch, len)) => {
                out.push(ch);
                self.i += len;
            }
            Some(PyEscape::LineContinuation) => self.i += 1,
            Some(PyEscape::Backslash) => out.push('\\'),
            None if self.i == self.s.len() => return Err(self.err("unterminated string")),
            None => return Err(self.err("bad escape")),
        }
        Ok(())
    }
}

/// A shape as a Python tuple of ints.
pub(crate) fn shape_py(shape: &[usize]) -> PyValue {
    PyValue::Tuple(shape.iter().map(|&d| PyValue::Int(d as i128)).collect())
}

/// Python's `repr` of a `str` (nprs-core's implementation, shared with array printing).
pub use nprs_core::dtype::pyfmt::py_str_repr as repr_str;

/// Python's `repr` of a `bytes` (nprs-core's implementation, shared with array printing).
pub use nprs_core::dtype::pyfmt::py_bytes_repr as repr_bytes;

/// Python's `repr` of a float (nprs-core's implementation, shared with array printing).
pub use nprs_core::dtype::pyfmt::repr_f64 as repr_float;

impl fmt::Display for PyValue {
    /// Python's `repr` of the value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn seq(f: &mut fmt::Formatter<'_>, items: &[PyValue], open: &str, close: &str, one: bool) -> fmt::Result {
            f.write_str(open)?;
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{x}")?;
            }
            if one && items.len() == 1 {
                f.write_str(",")?;
            }
            f.write_str(close)
        }
        match self {
            PyValue::Str(s) => f.write_str(&repr_str(s)),
            PyValue::Bytes(b) => f.write_str(&repr_bytes(b)),
            PyValue::Int(n) => write!(f, "{n}"),
            PyValue::Float(x) => f.write_str(&repr_float(*x)),
            PyValue::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            PyValue::None => f.write_str("None"),
            PyValue::Tuple(items) => seq(f, items, "(", ")", true),
            PyValue::List(items) => seq(f, items, "[", "]", false),
            PyValue::Dict(items) => {
                f.write_str("{")?;
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k}: {v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PyValue {
        parse(s, false).unwrap_or_else(|e| panic!("{s:?}: {e:?}"))
    }

    #[test]
    fn literals() {
        assert_eq!(p("(3,)"), PyValue::Tuple(vec![PyValue::Int(3)]));
        assert_eq!(p("()"), PyValue::Tuple(vec![]));
        assert_eq!(p("(3)"), PyValue::Int(3));
        assert_eq!(p("( 1 , 2 , )"), PyValue::Tuple(vec![PyValue::Int(1), PyValue::Int(2)]));
        assert_eq!(p("'a\\'b'"), PyValue::Str("a'b".into()));
        assert_eq!(p("\"a'b\""), PyValue::Str("a'b".into()));
        assert_eq!(p("'\\x41\\u00e9\\n'"), PyValue::Str("A\u{e9}\n".into()));
        assert_eq!(p("-0x10"), PyValue::Int(-16));
        assert_eq!(p("1_000"), PyValue::Int(1000));
        assert_eq!(p("1.5e3"), PyValue::Float(1500.0));
        assert_eq!(p("b'\\x93N'"), PyValue::Bytes(vec![0x93, b'N']));
        assert_eq!(p("'\\101\\q\\\n'"), PyValue::Str("A\\q".into()));
        assert_eq!(p("b'\\u00e9'"), PyValue::Bytes(b"\\u00e9".to_vec()));
        assert!(parse("'\\x4'", false).is_err());
        assert!(parse("'\\ud800'", false).is_err());
        assert!(parse("3L", false).is_err());
        assert_eq!(parse("3L", true).unwrap(), PyValue::Int(3));
        assert!(parse("01", false).is_err());
        assert!(parse("(1 2)", false).is_err());
        assert!(parse("[1,", false).is_err());
        assert!(parse("foo", false).is_err());
        let deep = "(".repeat(1000) + &")".repeat(1000);
        assert!(parse(&deep, false).is_err());
        let d = p("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }   \n");
        assert_eq!(d.get("descr"), Some(&PyValue::Str("<f8".into())));
        assert_eq!(d.get("fortran_order"), Some(&PyValue::Bool(false)));
        assert_eq!(p("{'a': 1, 'a': 2}"), PyValue::Dict(vec![(PyValue::Str("a".into()), PyValue::Int(2))]));
    }

    #[test]
    fn reprs() {
        assert_eq!(p("[('x', '<i4'), ('y', '<f8', (2,))]").to_string(), "[('x', '<i4'), ('y', '<f8', (2,))]");
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a\u{1}"), "'a\\x01'");
        assert_eq!(repr_float(1.0), "1.0");
        assert_eq!(repr_float(1e16), "1e+16");
        assert_eq!(repr_float(1.5e-5), "1.5e-05");
        assert_eq!(repr_float(0.0001), "0.0001");
        assert_eq!(repr_float(123.25), "123.25");
        assert_eq!(repr_float(-2.5e300), "-2.5e+300");
    }
}
