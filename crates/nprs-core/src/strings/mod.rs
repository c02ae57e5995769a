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
use crate::dynarray::{CompareOp, DynArray, DynBase, DynData, Operand};
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
    let w = width.unwrap_or_else(|| items.iter().map(Text::len).max().unwrap_or(0)).max(1);
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

fn pair(a: &Operand<'_>, b: &Operand<'_>, func: &str) -> Result<Pair> {
    let arr = |o: &Operand<'_>| -> Result<DynArray> {
        match o {
            Operand::Array(v) => Ok(v.to_owned()),
            Operand::Scalar(Scalar::Str(s)) => Ok(DynArray::from_strs(std::slice::from_ref(s))),
            Operand::Scalar(Scalar::Bytes(b)) => Ok(DynArray::from_byte_strs(std::slice::from_ref(b))),
            Operand::Scalar(s) => Err(Error::ExpectedString { func: func.to_string(), got: s.type_name() }),
        }
    };
    let (x, y) = (arr(a)?, arr(b)?);
    let x0 = if matches!(a, Operand::Scalar(_)) { x.into_shape(&[])? } else { x };
    let y0 = if matches!(b, Operand::Scalar(_)) { y.into_shape(&[])? } else { y };
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

fn as_slices<'t>(t: &'t Text, p: &'t Text) -> (Vec<u32>, Vec<u32>) {
    let conv = |x: &Text| -> Vec<u32> {
        match x {
            Text::U(c) => c.iter().map(|&c| u32::from(c)).collect(),
            Text::S(b) => b.iter().map(|&b| u32::from(b)).collect(),
        }
    };
    (conv(t), conv(p))
}

/// Python's slice bounds `[start:end]` clamped to `len`.
fn bounds(len: usize, start: i64, end: Option<i64>) -> (usize, usize) {
    let n = len as i64;
    let fix = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    (fix(start) as usize, fix(end.unwrap_or(n)) as usize)
}

fn find_in(h: &[u32], n: &[u32], lo: usize, hi: usize) -> i64 {
    if lo > hi || hi - lo < n.len() {
        return -1;
    }
    (lo..=hi - n.len()).find(|&i| h[i..i + n.len()] == *n).map_or(-1, |i| i as i64)
}

/// `numpy.strings.find`: the lowest index of `sub` in each string within
/// `[start:end]`, or -1 (`int64`).
///
/// # Errors
/// A non-string array, a non-ASCII pattern for bytes.
pub fn find<S: DynData>(a: &DynBase<S>, sub: &str, start: i64, end: Option<i64>) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "find")?;
    let p = pattern(sub, unicode)?;
    let out = vals
        .iter()
        .map(|t| {
            let (h, n) = as_slices(t, &p);
            let (lo, hi) = bounds(h.len(), start, end);
            find_in(&h, &n, lo, hi)
        })
        .collect();
    int_result(a.shape(), out)
}

/// `numpy.strings.count`: non-overlapping occurrences of `sub` within `[start:end]`
/// (`int64`; an empty `sub` counts the positions between characters).
///
/// # Errors
/// A non-string array, a non-ASCII pattern for bytes.
pub fn count<S: DynData>(a: &DynBase<S>, sub: &str, start: i64, end: Option<i64>) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "count")?;
    let p = pattern(sub, unicode)?;
    let out = vals
        .iter()
        .map(|t| {
            let (h, n) = as_slices(t, &p);
            let (lo, hi) = bounds(h.len(), start, end);
            if lo > hi {
                return 0;
            }
            if n.is_empty() {
                return (hi - lo + 1) as i64;
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
            c
        })
        .collect();
    int_result(a.shape(), out)
}

/// `numpy.strings.startswith` (`bool`).
///
/// # Errors
/// A non-string array, a non-ASCII pattern for bytes.
pub fn startswith<S: DynData>(a: &DynBase<S>, prefix: &str) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "startswith")?;
    let p = pattern(prefix, unicode)?;
    let out = vals
        .iter()
        .map(|t| {
            let (h, n) = as_slices(t, &p);
            h.starts_with(&n)
        })
        .collect();
    bool_result(a.shape(), out)
}

/// `numpy.strings.endswith` (`bool`).
///
/// # Errors
/// A non-string array, a non-ASCII pattern for bytes.
pub fn endswith<S: DynData>(a: &DynBase<S>, suffix: &str) -> Result<DynArray> {
    let (vals, unicode) = texts(a, "endswith")?;
    let p = pattern(suffix, unicode)?;
    let out = vals
        .iter()
        .map(|t| {
            let (h, n) = as_slices(t, &p);
            h.ends_with(&n)
        })
        .collect();
    bool_result(a.shape(), out)
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
            if unicode {
                Text::U(res.into_iter().filter_map(char::from_u32).collect())
            } else {
                Text::S(res.into_iter().map(|c| c as u8).collect())
            }
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
            if unicode {
                Text::U(res.into_iter().filter_map(char::from_u32).collect())
            } else {
                Text::S(res.into_iter().map(|c| c as u8).collect())
            }
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
            if unicode {
                Text::U(h.into_iter().filter_map(char::from_u32).collect())
            } else {
                Text::S(h.into_iter().map(|c| c as u8).collect())
            }
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
    let out = ta
        .iter()
        .zip(&tb)
        .map(|(x, y)| {
            let o = x.cmp(y);
            match op {
                CompareOp::Equal => o.is_eq(),
                CompareOp::NotEqual => o.is_ne(),
                CompareOp::Less => o.is_lt(),
                CompareOp::LessEqual => o.is_le(),
                CompareOp::Greater => o.is_gt(),
                CompareOp::GreaterEqual => o.is_ge(),
            }
        })
        .collect();
    bool_result(&shape, out)
}
