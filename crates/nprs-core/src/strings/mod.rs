//! Fixed-width string arrays (`U<n>` and `S<n>`) and NumPy 2's `numpy.strings` functions.
//!
//! Results follow NumPy: case mappings are the full Unicode ones (`'ß'.upper()` is `'SS'`)
//! cut to the array's width; widths of new arrays are what the values need (`add` of
//! `U2` and `U3` is `U5`, `replace` and `multiply` measure their results).
//!
//! ```
//! use nprs_core::{DynArray, strings};
//! let a = DynArray::from_strs(&["hello", "World"]);
//! let up = strings::upper(&a).unwrap();
//! assert_eq!(up.to_scalars(), vec!["HELLO".into(), "WORLD".into()]);
//! let n = strings::str_len(&a).unwrap();
//! assert_eq!(n.typed::<i64>().unwrap().to_vec(), vec![5, 5]);
//! ```

use crate::array::Array;
use crate::dims;
use crate::dtype::{Descr, DescrKind};
use crate::dynarray::{CompareOp, DynArray, DynBase, DynData, DynView, Operand};
use crate::error::{Error, Result};
use crate::scalar::Scalar;

/// One element of a string array: code points for `U`, bytes for `S`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Text {
    U(Vec<char>),
    S(Vec<u8>),
}

impl Text {
    fn len(&self) -> usize {
        match self {
            Text::U(c) => c.len(),
            Text::S(b) => b.len(),
        }
    }

    fn into_scalar(self) -> Scalar {
        match self {
            Text::U(c) => Scalar::Str(c.into_iter().collect()),
            Text::S(b) => Scalar::Bytes(b),
        }
    }
}

fn texts<S: DynData>(a: &DynBase<S>, func: &str) -> Result<(Vec<Text>, bool)> {
    let unicode = match a.dtype().kind_of() {
        DescrKind::Unicode(_) => true,
        DescrKind::Bytes(_) => false,
        _ => {
            let _ = func;
            return Err(Error::NotString);
        }
    };
    let vals = a
        .string_values()
        .into_iter()
        .map(|v| match v {
            Scalar::Str(s) => Text::U(s.chars().collect()),
            Scalar::Bytes(b) => Text::S(b),
            _ => Text::S(Vec::new()),
        })
        .collect();
    Ok((vals, unicode))
}

/// A pattern argument in the array's string kind.
fn pattern(p: &str, unicode: bool) -> Result<Text> {
    if unicode {
        Ok(Text::U(p.chars().collect()))
    } else if p.is_ascii() {
        Ok(Text::S(p.as_bytes().to_vec()))
    } else {
        Err(Error::NonAsciiPattern { pattern: p.to_string() })
    }
}

/// Builds a string array of `shape` from results, `width` wide (at least 1).
/// Checks, before any string is made, that a result of `shape` with strings of `width`
/// characters (computed as NumPy's 64-bit integer, so it may have wrapped) can exist and be
/// allocated: NumPy's TypeError for widths past its 2**31 - 1 byte itemsize limit
/// ("data type 'U1099511627776' not understood"), its MemoryError for an array too large.
fn check_result(shape: &[usize], unicode: bool, width: i64) -> Result<()> {
    let per_char: i64 = if unicode { 4 } else { 1 };
    if width < 0 || width.saturating_mul(per_char) > i64::from(i32::MAX) {
        return Err(Error::DTypeNotUnderstood { spec: format!("{}{width}", if unicode { 'U' } else { 'S' }) });
    }
    let w = width.max(1) as usize;
    let descr = if unicode { Descr::unicode(w) } else { Descr::bytes(w) };
    // Zeroed memory is mapped lazily, so trying costs no more than the check it makes.
    DynArray::zeros(shape, &descr).map(drop)
}

fn build(shape: &[usize], items: Vec<Text>, unicode: bool, width: Option<usize>) -> Result<DynArray> {
    // A measured width is at least 1; a given one is NumPy's (`U0` included).
    let w = width.unwrap_or_else(|| items.iter().map(Text::len).max().unwrap_or(0).max(1));
    let descr = if unicode { Descr::unicode(w) } else { Descr::bytes(w) };
    let vals: Vec<Scalar> = items.into_iter().map(Text::into_scalar).collect();
    DynArray::from_scalars(shape, &descr, &vals)
}

fn width_of<S: DynData>(a: &DynBase<S>) -> usize {
    match a.dtype().kind_of() {
        DescrKind::Unicode(n) | DescrKind::Bytes(n) => *n,
        _ => 0,
    }
}

/// Applies a per-element map keeping the width.
fn map_same_width<S: DynData>(a: &DynBase<S>, func: &str, f: impl Fn(Text) -> Text) -> Result<DynArray> {
    let (vals, unicode) = texts(a, func)?;
    let w = width_of(a);
    let out: Vec<Text> = vals
        .into_iter()
        .map(|t| match f(t) {
            Text::U(mut c) => {
                c.truncate(w);
                Text::U(c)
            }
            Text::S(mut b) => {
                b.truncate(w);
                Text::S(b)
            }
        })
        .collect();
    build(a.shape(), out, unicode, Some(w))
}

fn int_result(shape: &[usize], v: Vec<i64>) -> Result<DynArray> {
    Ok(DynArray::from(Array::from_shape_vec(shape, v)?))
}

fn bool_result(shape: &[usize], v: Vec<bool>) -> Result<DynArray> {
    Ok(DynArray::from(Array::from_shape_vec(shape, v)?))
}

/// Two operands broadcast together as strings of one kind: their elements, the common
/// shape, whether they are unicode, and their widths.
struct Pair {
    x: Vec<Text>,
    y: Vec<Text>,
    shape: Vec<usize>,
    unicode: bool,
    widths: (usize, usize),
}

/// A string operand as an array: an array as it is, a `str` or `bytes` scalar as a 0-d
/// array; other scalars are refused.
fn string_operand(o: &Operand<'_>, func: &str) -> Result<DynArray> {
    match o {
        Operand::Array(v) => Ok(v.to_owned()),
        Operand::Scalar(Scalar::Str(s)) => DynArray::from_strs(std::slice::from_ref(s)).into_shape(()),
        Operand::Scalar(Scalar::Bytes(b)) => DynArray::from_byte_strs(std::slice::from_ref(b)).into_shape(()),
        Operand::Scalar(s) => Err(Error::ExpectedString { func: func.to_string(), got: s.type_name() }),
    }
}

fn pair(a: &Operand<'_>, b: &Operand<'_>, func: &str) -> Result<Pair> {
    let (x0, y0) = (string_operand(a, func)?, string_operand(b, func)?);
    let shape = dims::broadcast_operands(&[x0.shape(), y0.shape()])?.to_vec();
    let (xb, yb) = (x0.broadcast_to(&shape)?, y0.broadcast_to(&shape)?);
    let (tx, ux) = texts(&xb, func)?;
    let (ty, uy) = texts(&yb, func)?;
    if ux != uy {
        return Err(Error::UFuncOperands {
            ufunc: func.to_string(),
            types: vec![format!("{:?}", x0.dtype()), format!("{:?}", y0.dtype())],
        });
    }
    Ok(Pair { x: tx, y: ty, shape, unicode: ux, widths: (width_of(&x0), width_of(&y0)) })
}

/// `numpy.strings.add`: elementwise concatenation; the width is the sum of the widths.
///
/// # Errors
/// Mixed `U`/`S` operands, non-string operands, shapes that do not broadcast.
pub fn add<'a, 'b>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'b>>) -> Result<DynArray> {
    let (a, b) = (a.into(), b.into());
    let Pair { x, y, shape, unicode, widths: (wa, wb) } = pair(&a, &b, "add")?;
    let out = x
        .into_iter()
        .zip(y)
        .map(|(p, q)| match (p, q) {
            (Text::U(mut p), Text::U(q)) => {
                p.extend(q);
                Text::U(p)
            }
            (Text::S(mut p), Text::S(q)) => {
                p.extend(q);
                Text::S(p)
            }
            (p, _) => p,
        })
        .collect();
    build(&shape, out, unicode, Some(wa + wb))
}

/// Any operand as an array: an array as it is, a scalar as a 0-d array of its default
/// dtype (`int64`, `float64`, `bool`, `U`, `S`).
fn value_operand(o: &Operand<'_>) -> Result<DynArray> {
    use crate::dtype::DType;
    let s = match o {
        Operand::Array(v) => return Ok(v.to_owned()),
        Operand::Scalar(Scalar::Str(_) | Scalar::Bytes(_)) => return string_operand(o, "mod"),
        Operand::Scalar(s) => s,
    };
    let descr: Descr = match s {
        Scalar::Bool(_) => DType::Bool.into(),
        Scalar::Int(_) => DType::Int64.into(),
        Scalar::Float(_) => DType::Float64.into(),
        Scalar::Complex(..) => DType::Complex128.into(),
        _ => return Err(Error::FormatValueUnsupported { dtype: s.type_name().to_string() }),
    };
    DynArray::from_scalars(&[], &descr, std::slice::from_ref(s))
}

/// `numpy.strings.mod` (`a % values`): each string of `a` used as a Python `%` format
/// for the value of `values` at the same position, the two broadcast together. The
/// values are NumPy scalars of their array's dtype (`%s` of a `float32` writes its
/// shortest `float32` digits, `%x` of a float is an error), strings for `%s` and `%c`;
/// each string takes exactly one value. The result is `U` (or `S` for byte-string
/// formats, which take byte-string values for `%s`) as wide as the longest result; an
/// empty result keeps `a`'s dtype. Named `mod_` because `mod` is a Rust keyword.
///
/// ```
/// use nprs_core::{DynArray, Scalar, strings};
/// let fmt = DynArray::from_strs(&["%d items", "%5.2f|", "<%s>"]);
/// let v = DynArray::from(nprs_core::array![3.7, 2.0 / 3.0, 0.1]);
/// let out = strings::mod_(&fmt, &v)?;                    // np.strings.mod(fmt, v)
/// assert_eq!(out.to_scalars(), vec![Scalar::from("3 items"), " 0.67|".into(), "<0.1>".into()]);
/// assert_eq!(out.dtype().to_string(), "<U7");
/// let e = strings::mod_(&DynArray::from_strs(&["%d %d"]), 1).unwrap_err();
/// assert_eq!(e.to_string(), "not enough arguments for format string");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Python's formatting errors: "not enough arguments for format string", "not all
/// arguments converted during string formatting", "%x format: an integer is required,
/// not numpy.float64", "unsupported format character …", "incomplete format", NaN or
/// infinity to an integer; a non-string `a`; shapes that do not broadcast. `%r`, `%a`,
/// `%(key)s`, values of complex, datetime or record dtypes, and `%s` of a number in a
/// byte-string format are not supported (NotImplementedError / TypeError).
#[doc(alias = "mod")]
pub fn mod_<'a, 'b>(a: impl Into<Operand<'a>>, values: impl Into<Operand<'b>>) -> Result<DynArray> {
    use crate::dtype::{DType, FloatKind};
    use crate::printf::{Arg, Format};
    let (a, values) = (a.into(), values.into());
    let fa = string_operand(&a, "mod")?;
    let va = value_operand(&values)?;
    let float = match va.dtype().kind_of() {
        DescrKind::Numeric(DType::Float16) => Some(FloatKind::F16),
        DescrKind::Numeric(DType::Float32) => Some(FloatKind::F32),
        DescrKind::Numeric(DType::Float64) => Some(FloatKind::F64),
        DescrKind::Numeric(DType::Complex64 | DType::Complex128) => {
            return Err(Error::FormatValueUnsupported { dtype: va.dtype().to_string() });
        }
        DescrKind::Numeric(_) | DescrKind::Unicode(_) | DescrKind::Bytes(_) => None,
        _ => return Err(Error::FormatValueUnsupported { dtype: va.dtype().to_string() }),
    };
    // NumPy broadcasts the two as `np.broadcast` does (its message, not the ufuncs').
    let shape = dims::broadcast_shapes(&[fa.shape(), va.shape()])?.to_vec();
    let (fmts, unicode) = texts(&fa.broadcast_to(&shape)?, "mod")?;
    if shape.iter().product::<usize>() == 0 {
        return DynArray::zeros(&shape, fa.dtype());
    }
    let vals = va.broadcast_to(&shape)?.to_scalars();
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&c| char::from(c)).collect() };
    let mut parsed: Option<(Text, Format)> = None;
    let mut out = Vec::with_capacity(fmts.len());
    for (f, v) in fmts.into_iter().zip(&vals) {
        let format = match parsed.take() {
            Some((t, format)) if t == f => parsed.insert((t, format)),
            _ => {
                let format = match &f {
                    Text::U(c) => Format::parse(&c.iter().collect::<String>())?,
                    Text::S(b) => Format::parse_bytes(&latin1(b))?,
                };
                parsed.insert((f, format))
            }
        };
        let format = &format.1;
        let owned: String;
        let arg = match v {
            Scalar::Bool(b) => Arg::Bool(*b),
            Scalar::Int(n) => Arg::Int(*n),
            Scalar::Float(x) => Arg::Float(*x, float.unwrap_or(FloatKind::F64)),
            Scalar::Str(s) => Arg::Text { text: s, bytes: false },
            Scalar::Bytes(b) => {
                owned = latin1(b);
                Arg::Text { text: &owned, bytes: true }
            }
            other => return Err(Error::FormatValueUnsupported { dtype: other.type_name().to_string() }),
        };
        let mut s = String::new();
        format.apply_scalar(arg, &mut s)?;
        out.push(if unicode { Text::U(s.chars().collect()) } else { Text::S(s.chars().map(|c| c as u8).collect()) });
    }
    build(&shape, out, unicode, None)
}

/// `numpy.strings.multiply`: each string repeated `n` times (`n < 0` counts as 0); the
/// width is the longest result.
///
/// # Errors
/// A non-string array.
pub fn multiply<S: DynData>(a: &DynBase<S>, n: i64) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "multiply")?;
    let k = usize::try_from(n.max(0)).map_err(|_| Error::RepeatCount)?;
    let longest = vals.iter().map(Text::len).max().unwrap_or(0);
    check_result(a.shape(), unicode, (longest as i64).wrapping_mul(n.max(0)))?;
    let out = vals
        .into_iter()
        .map(|t| match t {
            Text::U(c) => Text::U(c.repeat(k)),
            Text::S(b) => Text::S(b.repeat(k)),
        })
        .collect();
    build(a.shape(), out, unicode, None)
}

/// Python's `str.upper` per element (full Unicode mapping, cut to the width).
///
/// # Errors
/// A non-string array.
pub fn upper<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    map_same_width(a, "upper", |t| match t {
        Text::U(c) => Text::U(c.iter().collect::<String>().to_uppercase().chars().collect()),
        Text::S(b) => Text::S(b.to_ascii_uppercase()),
    })
}

/// Python's `str.lower` per element.
///
/// # Errors
/// A non-string array.
pub fn lower<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    map_same_width(a, "lower", |t| match t {
        Text::U(c) => Text::U(c.iter().collect::<String>().to_lowercase().chars().collect()),
        Text::S(b) => Text::S(b.to_ascii_lowercase()),
    })
}

/// Title case of one character (Python's `str.title`/`capitalize` for the first letter).
fn titlecase(c: char) -> String {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ".into(),
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ".into(),
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ".into(),
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ".into(),
        _ => {
            let up: Vec<char> = c.to_uppercase().collect();
            if up.len() > 1 {
                let mut s: String = up[..1].iter().collect();
                s.extend(up[1..].iter().flat_map(|c| c.to_lowercase()));
                s
            } else {
                up.into_iter().collect()
            }
        }
    }
}

/// Python's `str.capitalize` per element: first character in title case, the rest lower.
///
/// # Errors
/// A non-string array.
pub fn capitalize<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    map_same_width(a, "capitalize", |t| match t {
        Text::U(c) => {
            let Some((&first, rest)) = c.split_first() else { return Text::U(c) };
            let mut s = titlecase(first);
            s.push_str(&rest.iter().collect::<String>().to_lowercase());
            Text::U(s.chars().collect())
        }
        Text::S(mut b) => {
            b.make_ascii_lowercase();
            if let Some(f) = b.first_mut() {
                f.make_ascii_uppercase();
            }
            Text::S(b)
        }
    })
}

/// Python's whitespace for `str.strip()`.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn strip_impl<S: DynData>(
    a: &DynBase<S>,
    chars: Option<&str>,
    left: bool,
    right: bool,
    func: &str,
) -> Result<DynArray> {
    let set: Option<Vec<char>> = chars.map(|c| c.chars().collect());
    map_same_width(a, func, |t| {
        let strip_c = |c: char| set.as_ref().map_or_else(|| py_space(c), |s| s.contains(&c));
        match t {
            Text::U(c) => {
                let mut lo = 0;
                let mut hi = c.len();
                while left && lo < hi && strip_c(c[lo]) {
                    lo += 1;
                }
                while right && hi > lo && strip_c(c[hi - 1]) {
                    hi -= 1;
                }
                Text::U(c[lo..hi].to_vec())
            }
            Text::S(b) => {
                let strip_b = |x: u8| match &set {
                    Some(s) => s.contains(&char::from(x)),
                    None => matches!(x, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
                };
                let mut lo = 0;
                let mut hi = b.len();
                while left && lo < hi && strip_b(b[lo]) {
                    lo += 1;
                }
                while right && hi > lo && strip_b(b[hi - 1]) {
                    hi -= 1;
                }
                Text::S(b[lo..hi].to_vec())
            }
        }
    })
}

/// `numpy.strings.strip`: leading and trailing whitespace (or any of `chars`) removed.
///
/// # Errors
/// A non-string array.
pub fn strip<S: DynData>(a: &DynBase<S>, chars: Option<&str>) -> Result<DynArray> {
    strip_impl(a, chars, true, true, "strip")
}

/// `numpy.strings.lstrip`: leading characters removed.
///
/// # Errors
/// A non-string array.
pub fn lstrip<S: DynData>(a: &DynBase<S>, chars: Option<&str>) -> Result<DynArray> {
    strip_impl(a, chars, true, false, "lstrip")
}

/// `numpy.strings.rstrip`: trailing characters removed.
///
/// # Errors
/// A non-string array.
pub fn rstrip<S: DynData>(a: &DynBase<S>, chars: Option<&str>) -> Result<DynArray> {
    strip_impl(a, chars, false, true, "rstrip")
}

/// Code points (or bytes) back to an element of the array's kind.
fn from_points(v: Vec<u32>, unicode: bool) -> Text {
    if unicode {
        Text::U(v.into_iter().filter_map(char::from_u32).collect())
    } else {
        Text::S(v.into_iter().map(|c| c as u8).collect())
    }
}

fn as_slices(t: &Text, p: &Text) -> (Vec<u32>, Vec<u32>) {
    (points(t), points(p))
}

/// Python's search bounds `[start:end]` for a string of `len`: `end` clamped to `len`,
/// negatives counted from the end; a `start` past the end stays there (then nothing,
/// not even the empty string, is found).
fn bounds(len: usize, start: i64, end: i64) -> (usize, usize) {
    let n = len as i64;
    let end = if end < 0 { (end + n).max(0) } else { end.min(n) };
    let start = if start < 0 { (start + n).max(0) } else { start };
    (usize::try_from(start).unwrap_or(usize::MAX), end as usize)
}

fn find_in(h: &[u32], n: &[u32], lo: usize, hi: usize) -> i64 {
    if lo > hi || hi - lo < n.len() {
        return -1;
    }
    (lo..=hi - n.len()).find(|&i| h[i..i + n.len()] == *n).map_or(-1, |i| i as i64)
}

/// A `start` or `end` argument of the search functions: an integer, `None` (for `end`:
/// to the end of each string), or an integer array broadcast against the strings.
#[derive(Debug)]
pub enum Bound<'a> {
    /// One position for every string.
    Int(i64),
    /// A position per string (any integer dtype), broadcast.
    Array(DynView<'a>),
}

impl From<i64> for Bound<'_> {
    fn from(v: i64) -> Self {
        Bound::Int(v)
    }
}

impl From<i32> for Bound<'_> {
    fn from(v: i32) -> Self {
        Bound::Int(i64::from(v))
    }
}

impl From<Option<i64>> for Bound<'_> {
    /// `None` is NumPy's default `end`: past the end of any string.
    fn from(v: Option<i64>) -> Self {
        Bound::Int(v.unwrap_or(i64::MAX))
    }
}

impl<'a, S: DynData> From<&'a DynBase<S>> for Bound<'a> {
    fn from(a: &'a DynBase<S>) -> Self {
        Bound::Array(a.view())
    }
}

impl<'a, S: crate::storage::Data> From<&'a crate::array::ArrayBase<S>> for Bound<'a>
where
    S::Elem: crate::dtype::Element,
{
    fn from(a: &'a crate::array::ArrayBase<S>) -> Self {
        Bound::Array(crate::dynarray::DynView::from(a.view()))
    }
}

/// The operands of a search broadcast together: per position the string, the pattern
/// (both as code points or bytes), `start` and `end`.
struct Search {
    shape: Vec<usize>,
    hay: Vec<Vec<u32>>,
    pat: Vec<Vec<u32>>,
    start: Vec<i64>,
    end: Vec<i64>,
}

fn points(t: &Text) -> Vec<u32> {
    match t {
        Text::U(c) => c.iter().map(|&c| u32::from(c)).collect(),
        Text::S(b) => b.iter().map(|&b| u32::from(b)).collect(),
    }
}

/// Broadcasts `a`, the pattern, `start` and `end` as NumPy's string ufuncs do. A `str`
/// pattern for a bytes array is taken as its ASCII bytes.
fn search_operands<S: DynData>(
    a: &DynBase<S>,
    sub: &Operand<'_>,
    start: &Bound<'_>,
    end: &Bound<'_>,
    func: &str,
) -> Result<Search> {
    let unicode = match a.dtype().kind_of() {
        DescrKind::Unicode(_) => true,
        DescrKind::Bytes(_) => false,
        _ => return Err(Error::NotString),
    };
    let pat = match sub {
        Operand::Scalar(Scalar::Str(p)) => match pattern(p, unicode)? {
            Text::S(b) => DynArray::from_byte_strs(&[b]).into_shape(())?,
            Text::U(_) => string_operand(sub, func)?,
        },
        _ => string_operand(sub, func)?,
    };
    if matches!(pat.dtype().kind_of(), DescrKind::Unicode(_)) != unicode {
        return Err(Error::UFuncOperands {
            ufunc: func.to_string(),
            types: vec![format!("{:?}", a.dtype()), format!("{:?}", pat.dtype())],
        });
    }
    let int64: Descr = crate::dtype::DType::Int64.into();
    let bound = |b: &Bound<'_>, input: usize| -> Result<DynArray> {
        match b {
            Bound::Int(v) => DynArray::from_scalars(&[], &int64, &[Scalar::Int(i128::from(*v))]),
            Bound::Array(v) if matches!(v.dtype().kind(), 'i' | 'u' | 'b') => Ok(v.to_owned()),
            Bound::Array(v) => Err(Error::UFuncCast {
                ufunc: func.to_string(),
                input: Some(input),
                output: 0,
                numbered: true,
                from: Box::new(v.dtype().clone()),
                to: Box::new(int64.clone()),
                casting: crate::promote::Casting::SameKind,
            }),
        }
    };
    let (st, en) = (bound(start, 2)?, bound(end, 3)?);
    let shape = dims::broadcast_operands(&[a.shape(), pat.shape(), st.shape(), en.shape()])?.to_vec();
    let (hay, _) = texts(&a.broadcast_to(&shape)?, func)?;
    let (pat, _) = texts(&pat.broadcast_to(&shape)?, func)?;
    let ints = |x: &DynArray| -> Result<Vec<i64>> {
        Ok(x.broadcast_to(&shape)?
            .to_scalars()
            .iter()
            .map(|v| match v {
                // NumPy casts the bounds to int64 (same_kind): a uint64 wraps.
                Scalar::Int(i) => *i as i64,
                Scalar::Bool(b) => i64::from(*b),
                _ => 0,
            })
            .collect())
    };
    Ok(Search {
        hay: hay.iter().map(points).collect(),
        pat: pat.iter().map(points).collect(),
        start: ints(&st)?,
        end: ints(&en)?,
        shape,
    })
}

impl Search {
    /// Runs `f(string, pattern, lo, hi)` at every position, `[lo:hi]` being Python's
    /// bounds of `[start:end]`.
    fn map<T>(&self, f: impl Fn(&[u32], &[u32], usize, usize) -> Result<T>) -> Result<Vec<T>> {
        (0..self.hay.len())
            .map(|i| {
                let (lo, hi) = bounds(self.hay[i].len(), self.start[i], self.end[i]);
                f(&self.hay[i], &self.pat[i], lo, hi)
            })
            .collect()
    }
}

/// Where to look and what to do when nothing is found: `find`, `rfind`, `index`, `rindex`.
fn find_impl<S: DynData>(
    a: &DynBase<S>,
    (sub, start, end): (Operand<'_>, Bound<'_>, Bound<'_>),
    func: &str,
    last: bool,
    must: bool,
) -> Result<DynArray> {
    let s = search_operands(a, &sub, &start, &end, func)?;
    let out = s.map(|h, n, lo, hi| {
        let at = if last { rfind_in(h, n, lo, hi) } else { find_in(h, n, lo, hi) };
        if must && at < 0 { Err(Error::SubstringNotFound) } else { Ok(at) }
    })?;
    int_result(&s.shape, out)
}

fn rfind_in(h: &[u32], n: &[u32], lo: usize, hi: usize) -> i64 {
    if lo > hi || hi - lo < n.len() {
        return -1;
    }
    (lo..=hi - n.len()).rev().find(|&i| h[i..i + n.len()] == *n).map_or(-1, |i| i as i64)
}

/// `numpy.strings.find(a, sub, start, end)`: the lowest index of `sub` in each string
/// within `[start:end]`, or -1 (`int64`). `sub`, `start` and `end` are scalars (`"ab"`,
/// `0`, `None`) or arrays, broadcast against `a` and each other.
///
/// ```
/// use nprs_core::{DynArray, array, strings};
/// let a = DynArray::from_strs(&["banana", "bandana"]);
/// assert_eq!(strings::find(&a, "an", 0, None)?.typed::<i64>()?.to_vec(), vec![1, 1]);
/// let starts = array![2i64, 3];                                  // a start per string
/// assert_eq!(strings::find(&a, "an", &starts, None)?.typed::<i64>()?.to_vec(), vec![3, 4]);
/// let subs = DynArray::from_strs(&["na", "da"]).into_shape(&[2, 1])?;
/// assert_eq!(strings::find(&a, &subs, 0, -1)?.shape(), &[2, 2]);  // broadcast
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A non-string array, a pattern of the other string kind, a non-ASCII `str` pattern
/// for bytes, non-integer bounds, shapes that do not broadcast.
pub fn find<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    sub: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    find_impl(a, (sub.into(), start.into(), end.into()), "find", false, false)
}

/// `numpy.strings.rfind`: the highest index of `sub` in each string within
/// `[start:end]`, or -1 (`int64`); the arguments broadcast as [`find`]'s.
///
/// # Errors
/// As [`find`].
pub fn rfind<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    sub: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    find_impl(a, (sub.into(), start.into(), end.into()), "rfind", true, false)
}

/// `numpy.strings.index`: like [`find`], but a string without `sub` is an error.
///
/// # Errors
/// NumPy's ValueError `substring not found`; as [`find`].
pub fn index<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    sub: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    find_impl(a, (sub.into(), start.into(), end.into()), "index", false, true)
}

/// `numpy.strings.rindex`: like [`rfind`], but a string without `sub` is an error.
///
/// # Errors
/// NumPy's ValueError `substring not found`; as [`find`].
pub fn rindex<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    sub: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    find_impl(a, (sub.into(), start.into(), end.into()), "rindex", true, true)
}

/// `numpy.strings.count`: non-overlapping occurrences of `sub` within `[start:end]`
/// (`int64`; an empty `sub` counts the positions between characters); the arguments
/// broadcast as [`find`]'s.
///
/// # Errors
/// As [`find`].
pub fn count<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    sub: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    let s = search_operands(a, &sub.into(), &start.into(), &end.into(), "count")?;
    let out = s.map(|h, n, lo, hi| {
        if lo > hi {
            return Ok(0);
        }
        if n.is_empty() {
            return Ok((hi - lo + 1) as i64);
        }
        let mut c = 0;
        let mut i = lo;
        while i + n.len() <= hi {
            if h[i..i + n.len()] == *n {
                c += 1;
                i += n.len();
            } else {
                i += 1;
            }
        }
        Ok(c)
    })?;
    int_result(&s.shape, out)
}

/// `startswith`/`endswith`: whether `[start:end]` of each string begins (ends) with the
/// pattern; a `start` past the end, or past `end`, is `false`.
fn affix<S: DynData>(
    a: &DynBase<S>,
    (sub, start, end): (Operand<'_>, Bound<'_>, Bound<'_>),
    func: &str,
    at_end: bool,
) -> Result<DynArray> {
    let s = search_operands(a, &sub, &start, &end, func)?;
    let out = s.map(|h, n, lo, hi| {
        if lo > hi || hi - lo < n.len() {
            return Ok(false);
        }
        Ok(if at_end { h[hi - n.len()..hi] == *n } else { h[lo..lo + n.len()] == *n })
    })?;
    bool_result(&s.shape, out)
}

/// `numpy.strings.startswith(a, prefix, start, end)` (`bool`); the arguments broadcast as
/// [`find`]'s.
///
/// # Errors
/// As [`find`].
pub fn startswith<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    prefix: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    affix(a, (prefix.into(), start.into(), end.into()), "startswith", false)
}

/// `numpy.strings.endswith(a, suffix, start, end)` (`bool`); the arguments broadcast as
/// [`find`]'s.
///
/// # Errors
/// As [`find`].
pub fn endswith<'s, 'b, 'e, S: DynData>(
    a: &DynBase<S>,
    suffix: impl Into<Operand<'s>>,
    start: impl Into<Bound<'b>>,
    end: impl Into<Bound<'e>>,
) -> Result<DynArray> {
    affix(a, (suffix.into(), start.into(), end.into()), "endswith", true)
}

/// `numpy.strings.str_len`: lengths in code points (`U`) or bytes (`S`), as `int64`.
///
/// # Errors
/// A non-string array.
pub fn str_len<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    let (vals, _) = texts(a, "str_len")?;
    int_result(a.shape(), vals.iter().map(|t| t.len() as i64).collect())
}

/// `numpy.strings.replace`: occurrences of `old` replaced by `new`, at most `count` of them
/// when `count >= 0`; the width is the longest result.
///
/// # Errors
/// A non-string array, non-ASCII patterns for bytes.
pub fn replace<S: DynData>(a: &DynBase<S>, old: &str, new: &str, count: i64) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "replace")?;
    let (po, pn) = (pattern(old, unicode)?, pattern(new, unicode)?);
    let out = vals
        .into_iter()
        .map(|t| {
            let (h, o) = as_slices(&t, &po);
            let (_, n) = as_slices(&t, &pn);
            let mut res: Vec<u32> = Vec::with_capacity(h.len());
            let mut i = 0;
            let mut done = 0i64;
            let limit = if count < 0 { i64::MAX } else { count };
            if o.is_empty() {
                // Python inserts `new` before every character and at the end.
                for (k, &c) in h.iter().enumerate() {
                    if (k as i64) < limit {
                        res.extend(&n);
                    }
                    res.push(c);
                }
                if (h.len() as i64) < limit {
                    res.extend(&n);
                }
            } else {
                while i < h.len() {
                    if done < limit && i + o.len() <= h.len() && h[i..i + o.len()] == *o {
                        res.extend(&n);
                        i += o.len();
                        done += 1;
                    } else {
                        res.push(h[i]);
                        i += 1;
                    }
                }
            }
            from_points(res, unicode)
        })
        .collect();
    build(a.shape(), out, unicode, None)
}

fn fill_char(fillchar: char, unicode: bool) -> Result<u32> {
    if !unicode && !fillchar.is_ascii() {
        return Err(Error::NonAsciiFill { fill: fillchar });
    }
    Ok(u32::from(fillchar))
}

fn pad_impl<S: DynData>(a: &DynBase<S>, width: usize, fillchar: char, func: &str, how: u8) -> Result<DynArray> {
    let (vals, unicode) = texts(a, func)?;
    let f = fill_char(fillchar, unicode)?;
    let w = width_of(a).max(width);
    check_result(a.shape(), unicode, i64::try_from(w).unwrap_or(-1))?;
    let out = vals
        .into_iter()
        .map(|t| {
            let (h, _) = as_slices(&t, &t);
            let n = h.len();
            let res: Vec<u32> = if width <= n {
                h
            } else {
                let marg = width - n;
                let left = match how {
                    b'l' => 0,
                    b'r' => marg,
                    _ => marg / 2 + (marg & width & 1),
                };
                let mut v = vec![f; left];
                v.extend(h);
                v.resize(width, f);
                v
            };
            from_points(res, unicode)
        })
        .collect();
    build(a.shape(), out, unicode, Some(w))
}

/// `numpy.strings.center`: each string centred in `width` with `fillchar`.
///
/// # Errors
/// A non-string array, a non-ASCII fill for bytes.
pub fn center<S: DynData>(a: &DynBase<S>, width: usize, fillchar: char) -> Result<DynArray> {
    pad_impl(a, width, fillchar, "center", b'c')
}

/// `numpy.strings.ljust`: each string left-justified in `width`.
///
/// # Errors
/// A non-string array, a non-ASCII fill for bytes.
pub fn ljust<S: DynData>(a: &DynBase<S>, width: usize, fillchar: char) -> Result<DynArray> {
    pad_impl(a, width, fillchar, "ljust", b'l')
}

/// `numpy.strings.rjust`: each string right-justified in `width`.
///
/// # Errors
/// A non-string array, a non-ASCII fill for bytes.
pub fn rjust<S: DynData>(a: &DynBase<S>, width: usize, fillchar: char) -> Result<DynArray> {
    pad_impl(a, width, fillchar, "rjust", b'r')
}

/// `numpy.strings.zfill`: zeros on the left to `width`, after a leading sign.
///
/// # Errors
/// A non-string array.
pub fn zfill<S: DynData>(a: &DynBase<S>, width: usize) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "zfill")?;
    let w = width_of(a).max(width);
    check_result(a.shape(), unicode, i64::try_from(w).unwrap_or(-1))?;
    let out = vals
        .into_iter()
        .map(|t| {
            let (mut h, _) = as_slices(&t, &t);
            if h.len() < width {
                let fill = width - h.len();
                let at = usize::from(matches!(h.first(), Some(&c) if c == u32::from('+') || c == u32::from('-')));
                h.splice(at..at, std::iter::repeat_n(u32::from('0'), fill));
            }
            from_points(h, unicode)
        })
        .collect();
    build(a.shape(), out, unicode, Some(w))
}

/// Elementwise comparison of string arrays (code points, or bytes), broadcasting.
pub(crate) fn compare<S1: DynData, S2: DynData>(op: CompareOp, a: &DynBase<S1>, b: &DynBase<S2>) -> Result<DynArray> {
    let shape = dims::broadcast_operands(&[a.shape(), b.shape()])?.to_vec();
    let (xa, xb) = (a.broadcast_to(&shape)?, b.broadcast_to(&shape)?);
    let (ta, ua) = texts(&xa, op.name())?;
    let (tb, ub) = texts(&xb, op.name())?;
    if ua != ub {
        let v = op == CompareOp::NotEqual;
        return bool_result(&shape, vec![v; ta.len()]);
    }
    let out = ta.iter().zip(&tb).map(|(x, y)| op.holds(Some(x.cmp(y)))).collect();
    bool_result(&shape, out)
}

/// One `numpy.strings` comparison (`equal`, `less`, ...) of two string operands, broadcast.
fn compare_op(op: CompareOp, a: &Operand<'_>, b: &Operand<'_>) -> Result<DynArray> {
    let class_of_operand = |o: &Operand<'_>| -> String {
        let name = match o {
            Operand::Array(v) => format!("numpy.dtypes.{}", crate::promote::dtype_class(v.dtype())),
            Operand::Scalar(Scalar::Str(_)) => "numpy.dtypes.StrDType".to_string(),
            Operand::Scalar(Scalar::Bytes(_)) => "numpy.dtypes.BytesDType".to_string(),
            Operand::Scalar(Scalar::Int(_)) => "numpy.dtypes._PyLongDType".to_string(),
            Operand::Scalar(Scalar::Float(_)) => "numpy.dtypes._PyFloatDType".to_string(),
            Operand::Scalar(Scalar::Complex(..)) => "numpy.dtypes._PyComplexDType".to_string(),
            Operand::Scalar(s) => format!("numpy.dtypes.{}", s.type_name()),
        };
        format!("<class '{name}'>")
    };
    let is_text = |o: &Operand<'_>| match o {
        Operand::Array(v) => matches!(v.dtype().kind_of(), DescrKind::Unicode(_) | DescrKind::Bytes(_)),
        Operand::Scalar(s) => matches!(s, Scalar::Str(_) | Scalar::Bytes(_)),
    };
    let unicode = |o: &Operand<'_>| match o {
        Operand::Array(v) => matches!(v.dtype().kind_of(), DescrKind::Unicode(_)),
        Operand::Scalar(s) => matches!(s, Scalar::Str(_)),
    };
    if !is_text(a) || !is_text(b) || unicode(a) != unicode(b) {
        return Err(Error::UFuncNoLoop {
            ufunc: op.name().to_string(),
            types: vec![class_of_operand(a), class_of_operand(b)],
        });
    }
    let Pair { x, y, shape, .. } = pair(a, b, op.name())?;
    let out = x.iter().zip(&y).map(|(p, q)| op.holds(Some(p.cmp(q)))).collect();
    bool_result(&shape, out)
}

macro_rules! comparisons {
    ($($name:ident, $op:ident, $what:literal;)*) => {$(
        #[doc = concat!("`numpy.strings.", stringify!($name), "`: `a ", $what, " b` elementwise by code point (or byte), broadcasting (`bool`).")]
        ///
        /// # Errors
        /// NumPy's UFuncTypeError when the operands are not both `U` or both `S` strings;
        /// shapes that do not broadcast.
        pub fn $name<'a, 'b>(a: impl Into<Operand<'a>>, b: impl Into<Operand<'b>>) -> Result<DynArray> {
            compare_op(CompareOp::$op, &a.into(), &b.into())
        }
    )*};
}

comparisons! {
    equal, Equal, "==";
    not_equal, NotEqual, "!=";
    less, Less, "<";
    less_equal, LessEqual, "<=";
    greater, Greater, ">";
    greater_equal, GreaterEqual, ">=";
}

mod tables;

/// Python's character classes, the bits of [`tables::CLASS_RUNS`] (in the order
/// `gen_tables.py` writes them).
mod class {
    pub const ALPHA: u8 = 1;
    pub const DECIMAL: u8 = 2;
    pub const DIGIT: u8 = 4;
    pub const NUMERIC: u8 = 8;
    pub const SPACE: u8 = 16;
    pub const LOWER: u8 = 32;
    pub const UPPER: u8 = 64;
    pub const TITLE: u8 = 128;
    /// Python's "cased": lower, upper or title case.
    pub const CASED: u8 = LOWER | UPPER | TITLE;
}

/// The classes Python's `str` methods see in `c`.
fn classes(c: char) -> u8 {
    let cp = u32::from(c);
    let i = tables::CLASS_RUNS.partition_point(|&(first, _)| first <= cp);
    // The first run starts at code point 0, so `i >= 1`.
    tables::CLASS_RUNS[i.saturating_sub(1)].1
}

/// The classes Python's `bytes` methods see in `b` (ASCII only).
fn byte_classes(b: u8) -> u8 {
    let mut f = 0;
    if b.is_ascii_alphabetic() {
        f |= class::ALPHA;
    }
    if b.is_ascii_digit() {
        f |= class::DECIMAL | class::DIGIT | class::NUMERIC;
    }
    if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        f |= class::SPACE;
    }
    if b.is_ascii_lowercase() {
        f |= class::LOWER;
    }
    if b.is_ascii_uppercase() {
        f |= class::UPPER;
    }
    f
}

/// The classes of each character (or byte) of one element.
fn class_seq(t: &Text) -> Vec<u8> {
    match t {
        Text::U(c) => c.iter().map(|&c| classes(c)).collect(),
        Text::S(b) => b.iter().map(|&b| byte_classes(b)).collect(),
    }
}

/// A per-element predicate on the character classes, as a `bool` array.
fn test_impl<S: DynData>(
    a: &DynBase<S>,
    func: &str,
    unicode_only: bool,
    f: impl Fn(&[u8]) -> bool,
) -> Result<DynArray> {
    let (vals, unicode) = texts(a, func)?;
    if unicode_only && !unicode {
        return Err(Error::UFuncNoLoop {
            ufunc: func.to_string(),
            types: vec!["<class 'numpy.dtypes.BytesDType'>".to_string()],
        });
    }
    bool_result(a.shape(), vals.iter().map(|t| f(&class_seq(t))).collect())
}

/// Every character has one of `bits`, and there is at least one character.
fn all_of(seq: &[u8], bits: u8) -> bool {
    !seq.is_empty() && seq.iter().all(|&f| f & bits != 0)
}

/// Python's `islower` (`upper == false`) or `isupper`: some cased character, and none of
/// the other case nor title case.
fn one_case(seq: &[u8], upper: bool) -> bool {
    let (want, other) = if upper { (class::UPPER, class::LOWER) } else { (class::LOWER, class::UPPER) };
    let mut cased = false;
    for &f in seq {
        if f & (other | class::TITLE) != 0 {
            return false;
        }
        cased |= f & want != 0;
    }
    cased
}

/// Python's `istitle`: upper or title case only after uncased characters, lower case only
/// after cased ones, and at least one cased character.
fn title_seq(seq: &[u8]) -> bool {
    let (mut cased, mut prev) = (false, false);
    for &f in seq {
        if f & (class::UPPER | class::TITLE) != 0 {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if f & class::LOWER != 0 {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

/// `numpy.strings.isalpha`: Python's `str.isalpha` (letters: general category `L*`) or
/// `bytes.isalpha` (ASCII letters) per element, `False` for empty strings (`bool`).
///
/// # Errors
/// A non-string array.
pub fn isalpha<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isalpha", false, |s| all_of(s, class::ALPHA))
}

/// `numpy.strings.isalnum`: every character is a letter or has a numeric value (Python's
/// `isalnum`), and there is one (`bool`).
///
/// # Errors
/// A non-string array.
pub fn isalnum<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isalnum", false, |s| all_of(s, class::ALPHA | class::DECIMAL | class::DIGIT | class::NUMERIC))
}

/// `numpy.strings.isdigit`: Python's `isdigit` (decimal digits and other digits such as
/// superscripts) per element (`bool`).
///
/// # Errors
/// A non-string array.
pub fn isdigit<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isdigit", false, |s| all_of(s, class::DIGIT))
}

/// `numpy.strings.isdecimal`: Python's `str.isdecimal` (general category `Nd`) per
/// element (`bool`); `U` arrays only, as in NumPy.
///
/// # Errors
/// NumPy's UFuncTypeError for a bytes array; a non-string array.
pub fn isdecimal<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isdecimal", true, |s| all_of(s, class::DECIMAL))
}

/// `numpy.strings.isnumeric`: Python's `str.isnumeric` (any character with a numeric
/// value: fractions, Roman numerals, CJK numerals) per element (`bool`); `U` arrays only.
///
/// # Errors
/// NumPy's UFuncTypeError for a bytes array; a non-string array.
pub fn isnumeric<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isnumeric", true, |s| all_of(s, class::NUMERIC))
}

/// `numpy.strings.isspace`: Python's `isspace` per element (`bool`).
///
/// # Errors
/// A non-string array.
pub fn isspace<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isspace", false, |s| all_of(s, class::SPACE))
}

/// `numpy.strings.islower`: Python's `islower` per element (`bool`).
///
/// # Errors
/// A non-string array.
pub fn islower<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "islower", false, |s| one_case(s, false))
}

/// `numpy.strings.isupper`: Python's `isupper` per element (`bool`).
///
/// # Errors
/// A non-string array.
pub fn isupper<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "isupper", false, |s| one_case(s, true))
}

/// `numpy.strings.istitle`: Python's `istitle` per element (`bool`).
///
/// # Errors
/// A non-string array.
pub fn istitle<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    test_impl(a, "istitle", false, title_seq)
}

/// Python's full lower case of `c[i]`, with the final-sigma rule for `'Σ'`.
fn lower_at(c: &[char], i: usize, out: &mut String) {
    if c[i] == 'Σ' {
        // The sigma's form depends on its neighbours: lower-case the whole text and take
        // the character where the sigma lands (every lower-case sigma is 2 bytes).
        let before: String = c[..i].iter().collect::<String>().to_lowercase();
        let all: String = c.iter().collect::<String>().to_lowercase();
        out.extend(all[before.len()..].chars().next());
    } else if classes(c[i]) & class::CASED != 0 {
        out.extend(c[i].to_lowercase());
    } else {
        out.push(c[i]);
    }
}

/// Python's full title case of one character.
fn title_of(c: char, out: &mut String) {
    let cp = u32::from(c);
    if let Ok(k) = tables::TITLE_CASE.binary_search_by_key(&cp, |&(x, _)| x) {
        out.push_str(tables::TITLE_CASE[k].1);
    } else if classes(c) & class::CASED != 0 {
        out.extend(c.to_uppercase());
    } else {
        out.push(c);
    }
}

/// `numpy.strings.swapcase`: Python's `swapcase` per element (upper case to lower, lower
/// to upper, full mappings), cut to the array's width.
///
/// # Errors
/// A non-string array.
pub fn swapcase<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    map_same_width(a, "swapcase", |t| match t {
        Text::U(c) => {
            let mut s = String::with_capacity(c.len());
            for (i, &ch) in c.iter().enumerate() {
                let f = classes(ch);
                if f & class::UPPER != 0 {
                    lower_at(&c, i, &mut s);
                } else if f & class::LOWER != 0 {
                    s.extend(ch.to_uppercase());
                } else {
                    s.push(ch);
                }
            }
            Text::U(s.chars().collect())
        }
        Text::S(b) => Text::S(b.into_iter().map(|x| if x.is_ascii_alphabetic() { x ^ 0x20 } else { x }).collect()),
    })
}

/// `numpy.strings.title`: Python's `title` per element (title case after an uncased
/// character, lower case after a cased one), cut to the array's width.
///
/// # Errors
/// A non-string array.
pub fn title<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    map_same_width(a, "title", |t| match t {
        Text::U(c) => {
            let mut s = String::with_capacity(c.len());
            let mut prev = false;
            for (i, &ch) in c.iter().enumerate() {
                if prev {
                    lower_at(&c, i, &mut s);
                } else {
                    title_of(ch, &mut s);
                }
                prev = classes(ch) & class::CASED != 0;
            }
            Text::U(s.chars().collect())
        }
        Text::S(b) => {
            let mut prev = false;
            Text::S(
                b.into_iter()
                    .map(|x| {
                        let y = if prev { x.to_ascii_lowercase() } else { x.to_ascii_uppercase() };
                        prev = x.is_ascii_alphabetic();
                        y
                    })
                    .collect(),
            )
        }
    })
}

/// Splits each element at the first (`last == false`) or last occurrence of `sep`.
fn partition_impl<S: DynData>(
    a: &DynBase<S>,
    sep: &Operand<'_>,
    last: bool,
    func: &str,
) -> Result<(DynArray, DynArray, DynArray)> {
    let unicode = matches!(a.dtype().kind_of(), DescrKind::Unicode(_));
    let s = search_operands(a, sep, &Bound::Int(0), &Bound::Int(i64::MAX), func)?;
    if s.pat.iter().any(Vec::is_empty) {
        return Err(Error::EmptySeparator);
    }
    let n = s.hay.len();
    let (mut heads, mut seps, mut tails) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    for (h, p) in s.hay.iter().zip(&s.pat) {
        let at = if last { rfind_in(h, p, 0, h.len()) } else { find_in(h, p, 0, h.len()) };
        let (x, y, z) = match usize::try_from(at) {
            Ok(i) => (h[..i].to_vec(), p.clone(), h[i + p.len()..].to_vec()),
            Err(_) if last => (Vec::new(), Vec::new(), h.clone()),
            Err(_) => (h.clone(), Vec::new(), Vec::new()),
        };
        heads.push(from_points(x, unicode));
        seps.push(from_points(y, unicode));
        tails.push(from_points(z, unicode));
    }
    // NumPy's widths: the longest head and tail (0 when all are empty), the longest
    // separator found (1 when none is).
    let longest = |v: &[Text]| v.iter().map(Text::len).max().unwrap_or(0);
    let (wh, wt) = (longest(&heads), longest(&tails));
    Ok((
        build(&s.shape, heads, unicode, Some(wh))?,
        build(&s.shape, seps, unicode, None)?,
        build(&s.shape, tails, unicode, Some(wt))?,
    ))
}

/// `numpy.strings.partition`: each string split at the first `sep` into the part before,
/// the separator and the part after (the whole string and two empty strings when `sep`
/// does not occur); each array is as wide as its longest part. `sep` is a string or an
/// array of them, broadcast against `a`.
///
/// # Errors
/// ValueError `empty separator`; a non-string array, a separator of the other string
/// kind, a non-ASCII `str` separator for bytes, shapes that do not broadcast.
pub fn partition<'s, S: DynData>(
    a: &DynBase<S>,
    sep: impl Into<Operand<'s>>,
) -> Result<(DynArray, DynArray, DynArray)> {
    partition_impl(a, &sep.into(), false, "partition")
}

/// `numpy.strings.rpartition`: like [`partition`] at the last `sep` (two empty strings and
/// the whole string when `sep` does not occur).
///
/// # Errors
/// As [`partition`].
pub fn rpartition<'s, S: DynData>(
    a: &DynBase<S>,
    sep: impl Into<Operand<'s>>,
) -> Result<(DynArray, DynArray, DynArray)> {
    partition_impl(a, &sep.into(), true, "rpartition")
}

/// `numpy.strings.expandtabs`: tabs replaced by spaces up to the next multiple of
/// `tabsize` (columns restart after `\n` and `\r`; `tabsize <= 0` removes tabs).
///
/// The width is NumPy's: for `U` arrays it counts four per character that is not a tab
/// (NumPy sizes the buffer in bytes), so `'a\tb'` with `tabsize=4` gives `<U11`.
///
/// # Errors
/// A non-string array.
pub fn expandtabs<S: DynData>(a: &DynBase<S>, tabsize: i64) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "expandtabs")?;
    let per_char: i64 = if unicode { 4 } else { 1 };
    let tab = u32::from('\t');
    // The spaces each tab becomes, column by column.
    let spaces = |h: &[u32]| -> Vec<i64> {
        let mut col = 0i64;
        let mut out = Vec::new();
        for &c in h {
            if c == tab {
                let k = if tabsize > 0 { tabsize - col % tabsize } else { 0 };
                col = col.saturating_add(k);
                out.push(k);
            } else if c == u32::from('\n') || c == u32::from('\r') {
                col = 0;
            } else {
                col = col.saturating_add(1);
            }
        }
        out
    };
    // NumPy's sizes first, so that nothing huge is built before they are checked.
    let mut width: i64 = 0;
    for t in &vals {
        let (h, _) = as_slices(t, t);
        let tabs = spaces(&h);
        let need = tabs
            .iter()
            .try_fold((h.len() - tabs.len()) as i64 * per_char, |n, &k| {
                n.checked_add(k).filter(|&n| n <= i64::from(i32::MAX))
            })
            .ok_or(Error::NewStringTooLong)?;
        width = width.max(need);
    }
    check_result(a.shape(), unicode, width)?;
    let out = vals
        .iter()
        .map(|t| {
            let (h, _) = as_slices(t, t);
            let mut tabs = spaces(&h).into_iter();
            let mut res = Vec::with_capacity(h.len());
            for c in h {
                if c == tab {
                    res.extend(std::iter::repeat_n(u32::from(' '), tabs.next().unwrap_or(0) as usize));
                } else {
                    res.push(c);
                }
            }
            from_points(res, unicode)
        })
        .collect();
    build(a.shape(), out, unicode, Some(width as usize))
}

/// `numpy.strings.slice`: each string sliced as Python's `s[start:stop:step]` (`None` for
/// an omitted bound); the width is the input's. NumPy's one-argument form
/// `slice(a, n)` is `slice(a, None, Some(n), None)` here.
///
/// # Errors
/// ValueError `slice step cannot be zero`; a non-string array.
pub fn slice<S: DynData>(a: &DynBase<S>, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Result<DynArray> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(Error::SliceStepZero);
    }
    let (vals, unicode) = texts(a, "slice")?;
    let out = vals
        .iter()
        .map(|t| {
            let (h, _) = as_slices(t, t);
            let n = h.len() as i64;
            // Python's PySlice_AdjustIndices.
            let fix = |v: Option<i64>, dflt: i64| match v {
                None => dflt,
                Some(v) if v < 0 => {
                    let v = v + n;
                    if v < 0 { if step < 0 { -1 } else { 0 } } else { v }
                }
                Some(v) if v >= n => {
                    if step < 0 {
                        n - 1
                    } else {
                        n
                    }
                }
                Some(v) => v,
            };
            let (lo, hi) = if step > 0 { (fix(start, 0), fix(stop, n)) } else { (fix(start, n - 1), fix(stop, -1)) };
            let mut res = Vec::new();
            let mut i = lo;
            while (step > 0 && i < hi) || (step < 0 && i > hi) {
                res.push(h[i as usize]);
                i += step;
            }
            from_points(res, unicode)
        })
        .collect();
    build(a.shape(), out, unicode, Some(width_of(a)))
}

/// A translation for [`translate`]: Python's `str.translate` table for `U` arrays, or
/// `bytes.translate`'s 256-byte table (or none) and bytes to delete for `S` arrays.
#[derive(Clone, Copy, Debug)]
pub enum Translation<'t> {
    /// Code point to its replacement (`None` deletes it); others are kept.
    Str(&'t std::collections::HashMap<char, Option<String>>),
    /// A table of 256 bytes (`None` for the identity) and the bytes to delete first.
    Bytes(Option<&'t [u8]>, &'t [u8]),
}

/// `numpy.strings.translate`: each string mapped through `table`; the width is the
/// input's (longer results are cut, as in NumPy).
///
/// # Errors
/// ValueError `translation table must be 256 characters long`; a `Str` table for an `S`
/// array or a `Bytes` table for a `U` array (NumPy's TypeError); a non-string array.
pub fn translate<S: DynData>(a: &DynBase<S>, table: Translation<'_>) -> Result<DynArray> {
    let (_, unicode) = texts(a, "translate")?;
    match table {
        Translation::Str(_) if !unicode => {
            return Err(Error::ExpectedString { func: "translate".into(), got: "dict" });
        }
        Translation::Bytes(..) if unicode => {
            return Err(Error::ExpectedString { func: "translate".into(), got: "bytes" });
        }
        // NumPy passes the table as a `bytes_` scalar, which loses trailing NULs.
        Translation::Bytes(Some(t), _) if t.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1) != 256 => {
            return Err(Error::TranslateTableLength);
        }
        _ => {}
    }
    map_same_width(a, "translate", |t| match (t, table) {
        (Text::U(c), Translation::Str(m)) => Text::U(
            c.into_iter()
                .flat_map(|ch| match m.get(&ch) {
                    None => vec![ch],
                    Some(None) => Vec::new(),
                    Some(Some(r)) => r.chars().collect(),
                })
                .collect(),
        ),
        (Text::S(b), Translation::Bytes(tab, del)) => {
            Text::S(b.into_iter().filter(|x| !del.contains(x)).map(|x| tab.map_or(x, |t| t[usize::from(x)])).collect())
        }
        (t, _) => t,
    })
}

/// The codecs `encode`/`decode` know, by Python's normalised names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

/// What a codec does with what it cannot convert.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    Strict,
    Ignore,
    Replace,
}

fn codec(encoding: Option<&str>, errors: Option<&str>) -> Result<(Codec, OnError)> {
    let name = encoding.unwrap_or("utf-8");
    let norm: String = name.to_ascii_lowercase().replace(['-', ' '], "_");
    let c = match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => Codec::Latin1,
        _ => return Err(Error::UnknownEncoding { name: name.to_string() }),
    };
    let e = match errors.unwrap_or("strict") {
        "strict" => OnError::Strict,
        "ignore" => OnError::Ignore,
        "replace" => OnError::Replace,
        other => return Err(Error::UnknownErrorHandler { name: other.to_string() }),
    };
    Ok((c, e))
}

/// Python's decoding of one byte string.
fn decode_one(b: &[u8], c: Codec, on: OnError) -> Result<Vec<char>> {
    match c {
        Codec::Latin1 => Ok(b.iter().map(|&x| char::from(x)).collect()),
        Codec::Ascii => {
            let mut out = Vec::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x.is_ascii() {
                    out.push(char::from(x));
                } else {
                    match on {
                        OnError::Strict => {
                            return Err(Error::CodecDecode {
                                codec: "ascii",
                                byte: x,
                                start: i,
                                end: i + 1,
                                reason: "ordinal not in range(128)",
                            });
                        }
                        OnError::Ignore => {}
                        OnError::Replace => out.push('\u{fffd}'),
                    }
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = Vec::with_capacity(b.len());
            let mut rest = b;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.extend(s.chars());
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // The first `good` bytes are valid UTF-8, so nothing is replaced here.
                        out.extend(String::from_utf8_lossy(&rest[..good]).chars());
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        if on == OnError::Strict {
                            let first = rest[good];
                            let start = b.len() - rest.len() + good;
                            let reason = if e.error_len().is_none() {
                                "unexpected end of data"
                            } else if (0xc2..=0xf4).contains(&first) {
                                "invalid continuation byte"
                            } else {
                                "invalid start byte"
                            };
                            let end = if e.error_len().is_none() { b.len() } else { start + 1 };
                            return Err(Error::CodecDecode { codec: "utf-8", byte: first, start, end, reason });
                        }
                        if on == OnError::Replace {
                            out.push('\u{fffd}');
                        }
                        rest = &rest[good + bad..];
                    }
                }
            }
        }
    }
}

/// Python's encoding of one string.
fn encode_one(c: &[char], codec: Codec, on: OnError) -> Result<Vec<u8>> {
    let (limit, name, reason) = match codec {
        Codec::Utf8 => return Ok(c.iter().collect::<String>().into_bytes()),
        Codec::Ascii => (0x80u32, "ascii", "ordinal not in range(128)"),
        Codec::Latin1 => (0x100u32, "latin-1", "ordinal not in range(256)"),
    };
    let mut out = Vec::with_capacity(c.len());
    for (i, &ch) in c.iter().enumerate() {
        if u32::from(ch) < limit {
            out.push(u32::from(ch) as u8);
        } else {
            match on {
                OnError::Strict => {
                    let end = i + c[i..].iter().take_while(|&&x| u32::from(x) >= limit).count();
                    return Err(Error::CodecEncode { codec: name, character: ch, start: i, end, reason });
                }
                OnError::Ignore => {}
                OnError::Replace => out.push(b'?'),
            }
        }
    }
    Ok(out)
}

/// `numpy.strings.decode`: each byte string decoded (`utf-8` when `encoding` is `None`;
/// `utf-8`, `ascii` and `latin-1` and their aliases; `errors` `strict`, `ignore` or
/// `replace`) into a `U` array as wide as the longest result.
///
/// # Errors
/// NumPy's UnicodeDecodeError (Python's message), LookupError for an unknown encoding or
/// error handler, a non-bytes array.
pub fn decode<S: DynData>(a: &DynBase<S>, encoding: Option<&str>, errors: Option<&str>) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "decode")?;
    if unicode {
        return Err(Error::ExpectedString { func: "decode".into(), got: "str" });
    }
    let (c, on) = codec(encoding, errors)?;
    let out = vals
        .iter()
        .map(|t| match t {
            Text::S(b) => decode_one(b, c, on).map(Text::U),
            Text::U(c) => Ok(Text::U(c.clone())),
        })
        .collect::<Result<Vec<_>>>()?;
    build(a.shape(), out, true, None)
}

/// `numpy.strings.encode`: each string encoded (`utf-8` when `encoding` is `None`) into
/// an `S` array as wide as the longest result.
///
/// # Errors
/// NumPy's UnicodeEncodeError (Python's message), LookupError for an unknown encoding or
/// error handler, a non-`U` array.
pub fn encode<S: DynData>(a: &DynBase<S>, encoding: Option<&str>, errors: Option<&str>) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "encode")?;
    if !unicode {
        return Err(Error::ExpectedString { func: "encode".into(), got: "bytes" });
    }
    let (c, on) = codec(encoding, errors)?;
    let out = vals
        .iter()
        .map(|t| match t {
            Text::U(ch) => encode_one(ch, c, on).map(Text::S),
            Text::S(b) => Ok(Text::S(b.clone())),
        })
        .collect::<Result<Vec<_>>>()?;
    build(a.shape(), out, false, None)
}
