//! Parsing NumPy's dtype spellings: type strings (`'<f8'`, `'U5'`, `'M8[ns]'`, `'int64'`),
//! comma strings (`'i4, f8'`), shape prefixes (`'(2,3)f8'`) and the list/dict forms that
//! `.npy` headers and `str(dtype)` use (`[('name', '<U10'), ('age', '<i4')]`).

use super::DType;
use super::descr::{ByteOrder, C_INT_MAX, DateTimeUnit, Descr, DescrKind, Field, TimeUnit, c_int_overflow};
use super::pyfmt::{PyEscape, py_unescape};
use crate::error::{Error, Result};

fn not_understood(s: &str) -> Error {
    Error::DTypeNotUnderstood { spec: s.to_string() }
}

impl Descr {
    /// Parses any of NumPy's dtype spellings (as `numpy.dtype(spec)` does for strings):
    ///
    /// - names and codes: `"int64"`, `"float"`, `"?"`, `"d"`, `"bfloat16"` (extension);
    /// - array-protocol strings: `"<f8"`, `">i4"`, `"|b1"`, `"c16"`, `"U5"`, `"S3"`, `"V8"`;
    /// - datetimes: `"M8[ns]"`, `"m8[D]"`, `"datetime64[10ms]"`;
    /// - comma strings and shapes: `"i4, f8"`, `"(2,3)f8"`, `"3i4"`;
    /// - the list form: `"[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]"` (an empty
    ///   name becomes `f<index>`, as in `numpy.dtype`; see [`from_npy_descr`](Self::from_npy_descr)
    ///   for the `.npy` reading where unnamed `V` entries are padding);
    /// - the dict form `"{'names': [...], 'formats': [...], 'offsets': [...], 'itemsize': n}"`.
    ///
    /// # Errors
    /// NumPy's `TypeError` "data type 'foo' not understood", its datetime metadata messages,
    /// or a message naming an unsupported type (`object`, `longdouble`).
    pub fn parse(spec: &str) -> Result<Descr> {
        let t = spec.trim_start();
        if t.starts_with('[') || t.starts_with('{') || (t.starts_with('(') && t.contains('\'')) {
            check_nesting(spec)?;
            let lit = Lexer::new(spec).literal_all().map_err(|()| not_understood(spec))?;
            return descr_from_literal(&lit, spec, false);
        }
        if spec.contains(',') && !shape_prefix_only(spec) {
            return parse_comma(spec);
        }
        parse_with_shape(spec).map_err(|e| match e {
            Error::DTypeNotUnderstood { .. } => not_understood(spec),
            e => e,
        })
    }
}

impl Descr {
    /// Parses the `descr` value of a `.npy` header as `numpy.lib.format.descr_to_dtype`
    /// does: a quoted type string (`'<f8'`) or the list form, where entries with an empty
    /// name and a `V` type are padding between fields (dropped, offsets kept).
    ///
    /// # Errors
    /// As [`parse`](Self::parse).
    pub fn from_npy_descr(descr: &str) -> Result<Descr> {
        check_nesting(descr)?;
        let lit = Lexer::new(descr).literal_all().map_err(|()| not_understood(descr))?;
        descr_from_literal(&lit, descr, true)
    }
}

/// True when every comma sits inside a leading `(...)` shape.
fn shape_prefix_only(s: &str) -> bool {
    s.starts_with('(') && s.find(')').is_some_and(|close| !s[close..].contains(','))
}

/// `'i4, (2,3)f8, U3'` → fields `f0`, `f1`, `f2`.
fn parse_comma(spec: &str) -> Result<Descr> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in spec.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&spec[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = &spec[start..];
    if !last.trim().is_empty() {
        parts.push(last);
    }
    let mut fields = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let d = parse_with_shape(p.trim()).map_err(|_| not_understood(spec))?;
        fields.push((format!("f{i}"), d));
    }
    Descr::record(fields)
}

/// A type string with an optional shape prefix: `(2,3)f8`, `3i4`, `2,3i4` is handled by the
/// caller only when it has no top-level comma.
fn parse_with_shape(s: &str) -> Result<Descr> {
    let (shape, rest) = if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')').ok_or_else(|| not_understood(s))?;
        let dims = &inner[..close];
        if !dims.contains(',') {
            return Err(not_understood(s));
        }
        let shape: Option<Vec<usize>> =
            dims.split(',').map(str::trim).filter(|d| !d.is_empty()).map(|d| d.parse().ok()).collect();
        (Some(shape.ok_or_else(|| not_understood(s))?), &inner[close + 1..])
    } else {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits < s.len() && !s[digits..].starts_with(|c: char| c.is_ascii_digit()) {
            let n: usize = s[..digits].parse().map_err(|_| not_understood(s))?;
            (Some(vec![n]), &s[digits..])
        } else {
            (None, s)
        }
    };
    let base = parse_scalar(rest)?;
    Ok(match shape {
        Some(shape) if !shape.is_empty() => Descr::subarray(base, &shape)?,
        _ => base,
    })
}

/// Names NumPy accepts for its scalar types (no byte-order prefix allowed).
fn by_name(s: &str) -> Option<Descr> {
    let d = match s {
        "bool" | "bool_" => DType::Bool,
        "int8" | "byte" => DType::Int8,
        "int16" | "short" => DType::Int16,
        "int32" | "intc" => DType::Int32,
        "int64" | "int" | "int_" | "intp" | "long" | "longlong" => DType::Int64,
        "uint8" | "ubyte" => DType::UInt8,
        "uint16" | "ushort" => DType::UInt16,
        "uint32" | "uintc" => DType::UInt32,
        "uint64" | "uint" | "uintp" | "ulong" | "ulonglong" => DType::UInt64,
        "float16" | "half" => DType::Float16,
        "float32" | "single" => DType::Float32,
        "float64" | "float" | "double" => DType::Float64,
        "complex64" | "csingle" => DType::Complex64,
        "complex128" | "complex" | "cdouble" => DType::Complex128,
        "str" | "str_" | "unicode" => return Some(Descr::unicode(0)),
        "bytes" | "bytes_" => return Some(Descr::bytes(0)),
        "void" => return Some(Descr::void(0)),
        "bfloat16" => return Some(Descr::bfloat16()),
        _ => return None,
    };
    Some(Descr::from(d))
}

fn unsupported(s: &str, what: &str) -> Error {
    Error::DTypeNotSupported { what: what.to_string(), spec: s.to_string() }
}

/// A NumPy type that nprs-core has no dtype for, named by a type string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum UnsupportedType {
    /// `object` (`'O'`, `'|O'`): Python objects.
    Object,
    /// `longdouble` / `clongdouble` (`'<f16'`, `'<c32'`, `'g'`, `'G'`).
    LongDouble,
}

impl UnsupportedType {
    /// The unsupported NumPy type a plain type string names (`'O'`, `'|O8'`, `'object'`,
    /// `'<f16'`, `'c32'`, `'longdouble'`), or `None` for every other string. [`Descr::parse`]
    /// refuses exactly these with a message naming them.
    ///
    /// ```
    /// use nprs_core::dtype::UnsupportedType;
    /// assert_eq!(UnsupportedType::of("|O"), Some(UnsupportedType::Object));
    /// assert_eq!(UnsupportedType::of(">f16"), Some(UnsupportedType::LongDouble));
    /// assert_eq!(UnsupportedType::of("<f8"), None);
    /// ```
    #[must_use]
    pub fn of(spec: &str) -> Option<UnsupportedType> {
        match spec {
            "object" | "object_" => return Some(UnsupportedType::Object),
            "longdouble" | "float128" | "clongdouble" | "complex256" => return Some(UnsupportedType::LongDouble),
            _ => {}
        }
        let code = spec.strip_prefix(['<', '>', '=', '|']).unwrap_or(spec);
        match code {
            "O" | "O8" => Some(UnsupportedType::Object),
            "g" | "G" | "f16" | "c32" => Some(UnsupportedType::LongDouble),
            _ => None,
        }
    }

    /// How NumPy's error names the type: `object`, `long double`.
    fn what(self) -> &'static str {
        match self {
            UnsupportedType::Object => "object",
            UnsupportedType::LongDouble => "long double",
        }
    }
}

/// One type with no shape: a name, a character code or an array-protocol string.
fn parse_scalar(s: &str) -> Result<Descr> {
    if let Some(d) = by_name(s) {
        return Ok(d);
    }
    if let Some(u) = UnsupportedType::of(s) {
        return Err(unsupported(s, u.what()));
    }
    if let Some(meta) = s.strip_prefix("datetime64") {
        return Ok(Descr::new(DescrKind::DateTime(parse_datetime_meta(meta)?)));
    }
    if let Some(meta) = s.strip_prefix("timedelta64") {
        return Ok(Descr::new(DescrKind::TimeDelta(parse_datetime_meta(meta)?)));
    }
    let (order, body) = match s.as_bytes().first() {
        Some(b'<') => (Some(ByteOrder::Little), &s[1..]),
        Some(b'>') => (Some(ByteOrder::Big), &s[1..]),
        Some(b'=' | b'|') => (Some(ByteOrder::NATIVE), &s[1..]),
        _ => (None, s),
    };
    let order = order.unwrap_or(ByteOrder::NATIVE);
    let mut chars = body.chars();
    let code = chars.next().ok_or_else(|| not_understood(s))?;
    let rest = chars.as_str();
    if matches!(code, 'M' | 'm') && rest.starts_with('8') {
        let unit = parse_datetime_meta(&rest[1..])?;
        let kind = if code == 'M' { DescrKind::DateTime(unit) } else { DescrKind::TimeDelta(unit) };
        return Ok(Descr::with_order(kind, order));
    }
    if rest.is_empty() {
        let kind = match code {
            '?' => DescrKind::Numeric(DType::Bool),
            'b' => DescrKind::Numeric(DType::Int8),
            'B' => DescrKind::Numeric(DType::UInt8),
            'h' => DescrKind::Numeric(DType::Int16),
            'H' => DescrKind::Numeric(DType::UInt16),
            'i' => DescrKind::Numeric(DType::Int32),
            'I' => DescrKind::Numeric(DType::UInt32),
            'l' | 'q' | 'p' => DescrKind::Numeric(DType::Int64),
            'L' | 'Q' | 'P' => DescrKind::Numeric(DType::UInt64),
            'e' => DescrKind::Numeric(DType::Float16),
            'f' => DescrKind::Numeric(DType::Float32),
            'd' => DescrKind::Numeric(DType::Float64),
            'F' => DescrKind::Numeric(DType::Complex64),
            'D' => DescrKind::Numeric(DType::Complex128),
            'E' => DescrKind::BFloat16,
            'U' => DescrKind::Unicode(0),
            'S' | 'a' => DescrKind::Bytes(0),
            'V' => DescrKind::Void(0),
            'M' => DescrKind::DateTime(DateTimeUnit::new(TimeUnit::Generic)),
            'm' => DescrKind::TimeDelta(DateTimeUnit::new(TimeUnit::Generic)),
            _ => return Err(not_understood(s)),
        };
        return Ok(Descr::with_order(kind, order));
    }
    let size = parse_size(rest).ok_or_else(|| not_understood(s))?;
    let kind = match (code, size) {
        ('b', 1) => DescrKind::Numeric(DType::Bool),
        ('i', 1) => DescrKind::Numeric(DType::Int8),
        ('i', 2) => DescrKind::Numeric(DType::Int16),
        ('i', 4) => DescrKind::Numeric(DType::Int32),
        ('i', 8) => DescrKind::Numeric(DType::Int64),
        ('u', 1) => DescrKind::Numeric(DType::UInt8),
        ('u', 2) => DescrKind::Numeric(DType::UInt16),
        ('u', 4) => DescrKind::Numeric(DType::UInt32),
        ('u', 8) => DescrKind::Numeric(DType::UInt64),
        ('f', 2) => DescrKind::Numeric(DType::Float16),
        ('f', 4) => DescrKind::Numeric(DType::Float32),
        ('f', 8) => DescrKind::Numeric(DType::Float64),
        ('c', 8) => DescrKind::Numeric(DType::Complex64),
        ('c', 16) => DescrKind::Numeric(DType::Complex128),
        ('f', 16) | ('c', 32) => return Err(unsupported(s, "long double")),
        // Item sizes must fit a C `int`.
        ('U', n) if n <= i32::MAX as usize / 4 => DescrKind::Unicode(n),
        ('S' | 'a', n) if n <= i32::MAX as usize => DescrKind::Bytes(n),
        ('V', n) if n <= i32::MAX as usize => DescrKind::Void(n),
        _ => return Err(not_understood(s)),
    };
    Ok(Descr::with_order(kind, order))
}

/// The item-size digits after a kind character (`strtol`-like: leading whitespace and `+`,
/// leading zeros; nothing after the digits).
fn parse_size(s: &str) -> Option<usize> {
    let t = s.trim_start();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn bad_meta(meta: &str, pos: Option<usize>) -> Error {
    match pos {
        Some(p) if p != 0 => Error::DateTimeMetadata { meta: meta.to_string(), position: Some(p) },
        _ => Error::DateTimeMetadata { meta: meta.to_string(), position: None },
    }
}

/// Parses `""` (generic), `"[ns]"`, `"[10ms]"`, with NumPy's error messages.
pub(crate) fn parse_datetime_meta(meta: &str) -> Result<DateTimeUnit> {
    if meta.is_empty() {
        return Ok(DateTimeUnit::new(TimeUnit::Generic));
    }
    let b = meta.as_bytes();
    if b.len() < 3 {
        return Err(bad_meta(meta, None));
    }
    if b[0] != b'[' {
        return Err(bad_meta(meta, Some(1)));
    }
    let Some(close) = meta[1..].find(']').map(|i| i + 1) else {
        return Err(bad_meta(meta, Some(meta.len())));
    };
    if close == 1 {
        return Err(bad_meta(meta, Some(1)));
    }
    let inner = &meta[1..close];
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    let sign = inner.starts_with(['-', '+']);
    if sign {
        return Err(bad_meta(meta, Some(1)));
    }
    let num: u32 = if digits == 0 {
        1
    } else {
        match inner[..digits].parse::<u64>() {
            Ok(n) if n <= i32::MAX as u64 => n as u32,
            _ => return Err(bad_meta(meta, Some(1))),
        }
    };
    let unit_str = &inner[digits..];
    if unit_str.is_empty() {
        return Err(bad_meta(meta, Some(1 + digits)));
    }
    let unit = TimeUnit::from_code(unit_str).ok_or_else(|| Error::DateTimeUnit { meta: meta.to_string() })?;
    if close + 1 != meta.len() {
        return Err(bad_meta(meta, Some(close + 1)));
    }
    Ok(DateTimeUnit { unit, num: num.max(1) })
}

// ---------------------------------------------------------------------------------------
// Python literals (the list and dict forms).

/// Deepest nesting of brackets accepted in the list and dict forms: the bound the `.npy`
/// header reader of nprs-io puts on its literals, so every header it reads parses here.
const MAX_DEPTH: usize = 64;

/// Refuses text whose brackets (outside quotes) nest deeper than [`MAX_DEPTH`], before any
/// recursive parsing, so no input can exhaust the stack: the literal parser recurses once
/// per bracket and the dtype conversion once per nested dtype. Quoted spellings are parsed
/// in turn (and checked then); a quote inside a quote needs a backslash, doubled at every
/// level, so their nesting grows only with the logarithm of the text's length.
///
/// The scan follows quotes as the literal parser does, so its depth is never less than the
/// parser's wherever the parser gets to.
///
/// # Errors
/// [`Error::DTypeRecursion`] (NumPy's `RecursionError` for deeply nested dtypes) naming the
/// container opened past the limit.
fn check_nesting(text: &str) -> Result<()> {
    let mut depth = 0usize;
    let mut quote = None;
    let mut escaped = false;
    for b in text.bytes() {
        match (quote, b) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), b'\\') => escaped = true,
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(b),
            (None, b'[' | b'(' | b'{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let container = match b {
                        b'[' => "list",
                        b'(' => "tuple",
                        _ => "dict",
                    };
                    return Err(Error::DTypeRecursion { container });
                }
            }
            (None, b']' | b')' | b'}') => depth = depth.saturating_sub(1),
            (None, _) => {}
        }
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq)]
enum Lit {
    Str(String),
    Int(i64),
    Bool(bool),
    None,
    List(Vec<Lit>),
    Tuple(Vec<Lit>),
    Dict(Vec<(Lit, Lit)>),
}

struct Lexer<'a> {
    s: &'a [u8],
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn new(s: &'a str) -> Self {
        Lexer { s: s.as_bytes(), pos: 0 }
    }

    fn skip_ws(&mut self) {
        while self.pos < self.s.len() && self.s[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_ws();
        self.s.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal_all(&mut self) -> std::result::Result<Lit, ()> {
        let l = self.literal()?;
        if self.peek().is_some() { Err(()) } else { Ok(l) }
    }

    fn seq(&mut self, close: u8) -> std::result::Result<(Vec<Lit>, bool), ()> {
        let mut items = Vec::new();
        let mut trailing_comma = false;
        loop {
            if self.eat(close) {
                return Ok((items, trailing_comma));
            }
            items.push(self.literal()?);
            trailing_comma = self.eat(b',');
            if !trailing_comma {
                return if self.eat(close) { Ok((items, false)) } else { Err(()) };
            }
        }
    }

    fn literal(&mut self) -> std::result::Result<Lit, ()> {
        match self.peek().ok_or(())? {
            b'[' => {
                self.pos += 1;
                Ok(Lit::List(self.seq(b']')?.0))
            }
            b'(' => {
                self.pos += 1;
                let (items, trailing) = self.seq(b')')?;
                if items.len() == 1 && !trailing {
                    Ok(items.into_iter().next().ok_or(())?)
                } else {
                    Ok(Lit::Tuple(items))
                }
            }
            b'{' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    if self.eat(b'}') {
                        return Ok(Lit::Dict(items));
                    }
                    let k = self.literal()?;
                    if !self.eat(b':') {
                        return Err(());
                    }
                    let v = self.literal()?;
                    items.push((k, v));
                    if !self.eat(b',') {
                        return if self.eat(b'}') { Ok(Lit::Dict(items)) } else { Err(()) };
                    }
                }
            }
            q @ (b'\'' | b'"') => {
                self.pos += 1;
                let mut text = Vec::new();
                loop {
                    match *self.s.get(self.pos).ok_or(())? {
                        c if c == q => break,
                        b'\\' => match py_unescape(&self.s[self.pos + 1..], false).ok_or(())? {
                            PyEscape::Char(c, len) => {
                                text.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                                self.pos += 1 + len;
                            }
                            PyEscape::LineContinuation => self.pos += 2,
                            PyEscape::Backslash => {
                                text.push(b'\\');
                                self.pos += 1;
                            }
                        },
                        c => {
                            text.push(c);
                            self.pos += 1;
                        }
                    }
                }
                self.pos += 1;
                Ok(Lit::Str(String::from_utf8(text).map_err(|_| ())?))
            }
            c if c.is_ascii_digit() || c == b'-' => {
                let start = self.pos;
                self.pos += 1;
                while self.pos < self.s.len() && self.s[self.pos].is_ascii_digit() {
                    self.pos += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.pos]).map_err(|_| ())?;
                t.parse().map(Lit::Int).map_err(|_| ())
            }
            _ => {
                let rest = &self.s[self.pos..];
                if rest.starts_with(b"True") {
                    self.pos += 4;
                    Ok(Lit::Bool(true))
                } else if rest.starts_with(b"False") {
                    self.pos += 5;
                    Ok(Lit::Bool(false))
                } else if rest.starts_with(b"None") {
                    self.pos += 4;
                    Ok(Lit::None)
                } else {
                    Err(())
                }
            }
        }
    }
}

fn lit_shape(l: &Lit, spec: &str) -> Result<Vec<usize>> {
    match l {
        Lit::Int(n) if *n >= 0 => Ok(vec![*n as usize]),
        Lit::Tuple(items) => items
            .iter()
            .map(|x| match x {
                Lit::Int(n) if *n >= 0 => Ok(*n as usize),
                _ => Err(not_understood(spec)),
            })
            .collect(),
        _ => Err(not_understood(spec)),
    }
}

/// NumPy's `(base, shape)` tuple: a sub-array, or `base` itself for the shape `()`. A base
/// of no bytes that is not a record (`'S0'`, `'V0'`, a sub-array with a zero in its shape)
/// takes an integer as its size instead (`('S0', 3)` is `'S3'`) and refuses a shape.
/// NumPy also takes an integer after a zero-size sub-array, making a dtype whose item size
/// disagrees with its shape; nprs refuses that too (docs/deviations.md).
///
/// # Errors
/// NumPy's `ValueError` "invalid itemsize in generic type tuple"; [`Descr::subarray`]'s.
fn shaped(base: Descr, shape: &Lit, spec: &str) -> Result<Descr> {
    if base.itemsize() == 0 && base.record_layout_of().is_none() {
        let Lit::Int(n) = *shape else { return Err(unsized_subarray()) };
        let n = usize::try_from(n).map_err(|_| not_understood(spec))?;
        let kind = match base.kind_of() {
            DescrKind::Unicode(_) if n <= i32::MAX as usize / 4 => DescrKind::Unicode(n),
            DescrKind::Bytes(_) if n <= i32::MAX as usize => DescrKind::Bytes(n),
            DescrKind::Void(_) if n <= i32::MAX as usize => DescrKind::Void(n),
            DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_) => return Err(c_int_overflow()),
            _ => return Err(unsized_subarray()),
        };
        return Ok(Descr::with_order(kind, base.byte_order()));
    }
    let shape = lit_shape(shape, spec)?;
    if shape.is_empty() { Ok(base) } else { Descr::subarray(base, &shape) }
}

/// NumPy's error for a sub-array of a dtype with no bytes (`('S0', (3,))`).
pub(crate) fn unsized_subarray() -> Error {
    Error::UnsizedSubarray
}

fn descr_from_literal(l: &Lit, spec: &str, npy: bool) -> Result<Descr> {
    match l {
        Lit::Str(s) => Descr::parse(s),
        Lit::List(items) => record_from_list(items, spec, npy),
        Lit::Tuple(items) if items.len() == 2 => {
            let base = descr_from_literal(&items[0], spec, npy)?;
            shaped(base, &items[1], spec)
        }
        Lit::Dict(entries) => record_from_dict(entries, spec),
        _ => Err(not_understood(spec)),
    }
}

fn record_from_list(items: &[Lit], spec: &str, npy: bool) -> Result<Descr> {
    let mut fields = Vec::new();
    let mut off = 0usize;
    for item in items {
        let Lit::Tuple(parts) = item else { return Err(not_understood(spec)) };
        if parts.len() < 2 || parts.len() > 3 {
            return Err(not_understood(spec));
        }
        let (title, name) = match &parts[0] {
            Lit::Str(s) => (None, s.clone()),
            Lit::Tuple(t) => match &t[..] {
                [Lit::Str(title), Lit::Str(name)] => (Some(title.clone()), name.clone()),
                _ => return Err(not_understood(spec)),
            },
            _ => return Err(not_understood(spec)),
        };
        let mut descr = descr_from_literal(&parts[1], spec, npy)?;
        if parts.len() == 3 {
            descr = shaped(descr, &parts[2], spec)?;
        }
        let size = descr.itemsize();
        // Unnamed void entries are the padding that `dtype.descr` lists between fields.
        // As `descr_to_dtype`: an unnamed entry of void type (a sub-array's type is void
        // too) without fields.
        if npy
            && name.is_empty()
            && title.is_none()
            && matches!(descr.kind_of(), DescrKind::Void(_) | DescrKind::SubArray(_))
        {
            off = off.checked_add(size).ok_or_else(c_int_overflow)?;
            continue;
        }
        let name = if name.is_empty() { format!("f{}", fields.len()) } else { name };
        fields.push(Field { name, descr, offset: off, title });
        off = off.checked_add(size).ok_or_else(c_int_overflow)?;
    }
    Descr::record_with_offsets(fields, off)
}

/// A non-negative integer of the dict form (an offset or item size), which NumPy reads into
/// a C `int`.
fn c_int(l: &Lit, spec: &str) -> Result<usize> {
    match l {
        Lit::Int(n) if *n >= 0 => usize::try_from(*n).ok().filter(|&n| n <= C_INT_MAX).ok_or_else(c_int_overflow),
        _ => Err(not_understood(spec)),
    }
}

fn record_from_dict(entries: &[(Lit, Lit)], spec: &str) -> Result<Descr> {
    let get = |key: &str| entries.iter().find(|(k, _)| *k == Lit::Str(key.to_string())).map(|(_, v)| v);
    let (Some(Lit::List(names)), Some(Lit::List(formats))) = (get("names"), get("formats")) else {
        return Err(not_understood(spec));
    };
    if names.len() != formats.len() {
        return Err(not_understood(spec));
    }
    let descrs: Vec<Descr> = formats.iter().map(|f| descr_from_literal(f, spec, false)).collect::<Result<_>>()?;
    let names: Vec<String> = names
        .iter()
        .map(|n| match n {
            Lit::Str(s) => Ok(s.clone()),
            _ => Err(not_understood(spec)),
        })
        .collect::<Result<_>>()?;
    let titles: Vec<Option<String>> = match get("titles") {
        None => vec![None; names.len()],
        Some(Lit::List(ts)) if ts.len() == names.len() => ts
            .iter()
            .map(|t| match t {
                Lit::Str(t) => Ok(Some(t.clone())),
                Lit::None => Ok(None),
                _ => Err(not_understood(spec)),
            })
            .collect::<Result<_>>()?,
        Some(_) => return Err(not_understood(spec)),
    };
    let aligned = matches!(get("aligned"), Some(Lit::Bool(true)));
    let offsets = match get("offsets") {
        Some(Lit::List(offs)) => Some(offs.iter().map(|o| c_int(o, spec)).collect::<Result<Vec<_>>>()?),
        _ => None,
    };
    let Some(offsets) = offsets else {
        let pairs = names.into_iter().zip(descrs);
        let d = if aligned { Descr::record_aligned(pairs) } else { Descr::record(pairs) }?;
        if titles.iter().all(Option::is_none) {
            return Ok(d);
        }
        // The same layout, with the titles.
        let r = d.record_layout_of().ok_or_else(|| not_understood(spec))?;
        let fields = r.fields().iter().zip(titles).map(|(f, title)| Field { title, ..f.clone() }).collect();
        let d = Descr::record_with_offsets(fields, r.itemsize())?;
        return Ok(if aligned { d.into_aligned_flag() } else { d });
    };
    if offsets.len() != names.len() {
        return Err(not_understood(spec));
    }
    // Offsets and item sizes are at most `i32::MAX`: no overflow here.
    let end = offsets.iter().zip(&descrs).map(|(o, d)| o + d.itemsize()).max().unwrap_or(0);
    let itemsize = match get("itemsize") {
        Some(n) => c_int(n, spec)?,
        None => end,
    };
    let fields = names
        .into_iter()
        .zip(descrs)
        .zip(offsets)
        .zip(titles)
        .map(|(((name, descr), offset), title)| Field { name, descr, offset, title })
        .collect();
    let d = Descr::record_with_offsets(fields, itemsize)?;
    Ok(if aligned { d.into_aligned_flag() } else { d })
}

impl Descr {
    /// Marks a record dtype as a C-aligned struct (keeps its offsets).
    fn into_aligned_flag(self) -> Descr {
        match self.kind_of() {
            DescrKind::Record(r) => {
                let mut r = (**r).clone();
                r.aligned = true;
                Descr::new(DescrKind::Record(std::sync::Arc::new(r)))
            }
            _ => self,
        }
    }
}
