//! One element at a time: reading an element as a [`Scalar`] (`item()`, `get`, `iter()`,
//! `tolist()`) and writing a [`Scalar`] into an element (`a[i] = value`) with NumPy's
//! conversions.
#![allow(unsafe_code)] // element reads and writes at computed addresses; each block says why

use half::{bf16, f16};

use super::{DynArray, DynBase, DynData, DynDataMut};
use crate::dtype::pyfmt::{py_bytes_repr, py_str_repr, repr_complex, repr_f64};
use crate::dtype::{ByteOrder, C64, C128, DType, Descr, DescrKind};
use crate::error::{Error, Result};
use crate::iter::Walk;
use crate::layout::Layout;
use crate::scalar::Scalar;

/// Copies `N` bytes from `p`, in native order.
///
/// # Safety
/// `p` must be valid for reading `N` bytes.
unsafe fn load<const N: usize>(p: *const u8, swap: bool) -> [u8; N] {
    let mut b = [0u8; N];
    // SAFETY: caller's contract.
    unsafe { std::ptr::copy_nonoverlapping(p, b.as_mut_ptr(), N) };
    if swap {
        b.reverse();
    }
    b
}

/// Writes `N` bytes at `p`, in the element's byte order.
///
/// # Safety
/// `p` must be valid for writing `N` bytes.
unsafe fn store<const N: usize>(p: *mut u8, mut b: [u8; N], swap: bool) {
    if swap {
        b.reverse();
    }
    // SAFETY: caller's contract.
    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p, N) };
}

/// The code points of a `U<n>` element with trailing NULs removed.
///
/// # Safety
/// `p` must address `4 n` readable bytes.
pub(crate) unsafe fn read_ucs4(p: *const u8, n: usize, swap: bool) -> Vec<u32> {
    let mut out: Vec<u32> = (0..n)
        // SAFETY: inside the element.
        .map(|i| u32::from_ne_bytes(unsafe { load::<4>(p.add(4 * i), swap) }))
        .collect();
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// A `U<n>` element as a `String` (invalid code points become U+FFFD).
///
/// # Safety
/// As [`read_ucs4`].
pub(crate) unsafe fn read_unicode(p: *const u8, n: usize, swap: bool) -> String {
    // SAFETY: forwarded.
    unsafe { read_ucs4(p, n, swap) }.into_iter().map(|c| char::from_u32(c).unwrap_or('\u{fffd}')).collect()
}

/// An `S<n>` element's bytes with trailing NULs removed.
///
/// # Safety
/// `p` must address `n` readable bytes.
pub(crate) unsafe fn read_bytes(p: *const u8, n: usize) -> Vec<u8> {
    // SAFETY: caller's contract.
    let s = unsafe { std::slice::from_raw_parts(p, n) };
    let end = s.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    s[..end].to_vec()
}

/// Reads the element at `p` as a Python-like value (`numpy.ndarray.item`). Datetimes and
/// timedeltas give their raw 64-bit count.
///
/// # Safety
/// `p` must address one readable element of `descr`.
pub(crate) unsafe fn read_scalar(p: *const u8, descr: &Descr) -> Scalar {
    let swap = descr.byte_order() == ByteOrder::opposite_native();
    // SAFETY: (whole body) every read stays inside the element.
    unsafe {
        match descr.kind_of() {
            DescrKind::Numeric(t) => match t {
                DType::Bool => Scalar::Bool(*p != 0),
                DType::Int8 => Scalar::Int(i128::from(*p.cast::<i8>())),
                DType::UInt8 => Scalar::Int(i128::from(*p)),
                DType::Int16 => Scalar::Int(i128::from(i16::from_ne_bytes(load(p, swap)))),
                DType::UInt16 => Scalar::Int(i128::from(u16::from_ne_bytes(load(p, swap)))),
                DType::Int32 => Scalar::Int(i128::from(i32::from_ne_bytes(load(p, swap)))),
                DType::UInt32 => Scalar::Int(i128::from(u32::from_ne_bytes(load(p, swap)))),
                DType::Int64 => Scalar::Int(i128::from(i64::from_ne_bytes(load(p, swap)))),
                DType::UInt64 => Scalar::Int(i128::from(u64::from_ne_bytes(load(p, swap)))),
                DType::Float16 => Scalar::Float(f16::from_ne_bytes(load(p, swap)).to_f64()),
                DType::Float32 => Scalar::Float(f64::from(f32::from_ne_bytes(load(p, swap)))),
                DType::Float64 => Scalar::Float(f64::from_ne_bytes(load(p, swap))),
                DType::Complex64 => Scalar::Complex(
                    f64::from(f32::from_ne_bytes(load(p, swap))),
                    f64::from(f32::from_ne_bytes(load(p.add(4), swap))),
                ),
                DType::Complex128 => {
                    Scalar::Complex(f64::from_ne_bytes(load(p, swap)), f64::from_ne_bytes(load(p.add(8), swap)))
                }
            },
            DescrKind::BFloat16 => Scalar::Float(bf16::from_ne_bytes(load(p, swap)).to_f64()),
            DescrKind::Unicode(n) => Scalar::Str(read_unicode(p, *n, swap)),
            DescrKind::Bytes(n) => Scalar::Bytes(read_bytes(p, *n)),
            DescrKind::Void(n) => Scalar::Bytes(std::slice::from_raw_parts(p, *n).to_vec()),
            DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => {
                Scalar::Int(i128::from(i64::from_ne_bytes(load(p, swap))))
            }
            DescrKind::Record(r) => {
                Scalar::Tuple(r.fields().iter().map(|f| read_scalar(p.add(f.offset), &f.descr)).collect())
            }
            DescrKind::SubArray(s) => read_block(p, &s.base, &s.shape),
        }
    }
}

/// A sub-array block as nested lists.
///
/// # Safety
/// `p` must address the whole block.
unsafe fn read_block(p: *const u8, base: &Descr, shape: &[usize]) -> Scalar {
    let Some((&n, rest)) = shape.split_first() else {
        // SAFETY: forwarded.
        return unsafe { read_scalar(p, base) };
    };
    let step = base.itemsize() * rest.iter().product::<usize>();
    // SAFETY: each sub-block lies inside the block.
    Scalar::List((0..n).map(|i| unsafe { read_block(p.add(i * step), base, rest) }).collect())
}

// ---------------------------------------------------------------------------------------
// Conversions of Python-like values, as NumPy's setitem performs them.

fn too_large() -> Error {
    Error::IntTooLarge
}

/// Python's `int(s)` for a string (whitespace, sign and underscores between digits).
pub(crate) fn parse_py_int(s: &str) -> Result<i128> {
    let bad = || Error::IntLiteral { repr: py_str_repr(s) };
    let t = s.trim();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return Err(bad());
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let v: i128 = clean.parse().map_err(|_| too_large())?;
    Ok(if neg { -v } else { v })
}

/// Python's `float(s)` for a string.
pub(crate) fn parse_py_float(s: &str, shown: &str) -> Result<f64> {
    let bad = || Error::FloatLiteral { repr: shown.to_string() };
    let t = s.trim();
    if t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return Err(bad());
    }
    let clean: String = t.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().map_err(|_| bad())
}

/// Python's `complex(s)` for a string: `"1+2j"`, `"2j"`, `"(1-1j)"`, `"3"`.
fn parse_py_complex(s: &str) -> Result<(f64, f64)> {
    let bad = || Error::ComplexLiteral;
    let t = s.trim();
    let t = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(t).trim();
    let Some(body) = t.strip_suffix(['j', 'J']) else {
        return Ok((t.parse().map_err(|_| bad())?, 0.0));
    };
    // Split at the last sign that is not part of an exponent.
    let bytes = body.as_bytes();
    let mut split = None;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = Some(i);
            break;
        }
    }
    let num = |x: &str| -> Result<f64> {
        match x {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => x.parse().map_err(|_| bad()),
        }
    };
    match split {
        Some(i) => Ok((body[..i].parse().map_err(|_| bad())?, num(&body[i..])?)),
        None => Ok((0.0, num(body)?)),
    }
}

/// Python's `str(value)` for the value kinds a string element can take.
fn py_str(v: &Scalar) -> String {
    match v {
        Scalar::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(x) => repr_f64(*x),
        Scalar::Complex(re, im) => repr_complex(*re, *im),
        Scalar::Str(s) => s.clone(),
        Scalar::Bytes(b) => py_bytes_repr(b),
        other => other.to_string(),
    }
}

/// A value as a Python `int` for an integer element (floats truncate; NaN and infinity
/// fail as `int(x)` does).
fn to_py_int(v: &Scalar) -> Result<i128> {
    match v {
        Scalar::Bool(b) => Ok(i128::from(*b)),
        Scalar::Int(i) => Ok(*i),
        Scalar::Float(x) => {
            if x.is_nan() {
                Err(Error::NanToInteger)
            } else if x.is_infinite() {
                Err(Error::InfinityToInteger)
            } else if x.abs() >= 1.7e38 {
                Err(too_large())
            } else {
                Ok(x.trunc() as i128)
            }
        }
        Scalar::Str(s) => parse_py_int(s),
        Scalar::Bytes(b) => parse_py_int(&String::from_utf8_lossy(b)),
        other => Err(Error::IntArgument { got: other.type_name() }),
    }
}

fn to_py_float(v: &Scalar) -> Result<f64> {
    match v {
        Scalar::Bool(b) => Ok(f64::from(u8::from(*b))),
        Scalar::Int(i) => Ok(*i as f64),
        Scalar::Float(x) => Ok(*x),
        Scalar::Str(s) => parse_py_float(s, &py_str_repr(s)),
        Scalar::Bytes(b) => parse_py_float(&String::from_utf8_lossy(b), &py_bytes_repr(b)),
        other => Err(Error::FloatArgument { got: other.type_name() }),
    }
}

fn to_py_complex(v: &Scalar) -> Result<(f64, f64)> {
    match v {
        Scalar::Complex(re, im) => Ok((*re, *im)),
        Scalar::Str(s) => parse_py_complex(s),
        Scalar::Bytes(b) => parse_py_complex(&String::from_utf8_lossy(b)),
        other => Ok((to_py_float(other)?, 0.0)),
    }
}

/// Python truthiness for a bool element.
fn to_py_bool(v: &Scalar) -> bool {
    match v {
        Scalar::Bool(b) => *b,
        Scalar::Int(i) => *i != 0,
        Scalar::Float(x) => *x != 0.0,
        Scalar::Complex(re, im) => *re != 0.0 || *im != 0.0,
        Scalar::Str(s) => !s.is_empty(),
        Scalar::Bytes(b) => !b.is_empty(),
        Scalar::Tuple(t) | Scalar::List(t) => !t.is_empty(),
    }
}

/// Checks a Python int against an integer dtype's range.
pub(crate) fn check_int_bounds(v: i128, t: DType) -> Result<()> {
    // NumPy converts through a C `long`, or an `unsigned long` for the 32- and 64-bit
    // unsigned types.
    let top = if matches!(t, DType::UInt32 | DType::UInt64) { i128::from(u64::MAX) } else { i128::from(i64::MAX) };
    if v < i128::from(i64::MIN) || v > top {
        return Err(too_large());
    }
    let info = crate::dtype::iinfo(t)?;
    if v < info.min || v > info.max {
        return Err(Error::IntegerOutOfBounds { value: v, dtype: t });
    }
    Ok(())
}

/// Writes `v` into the element at `p` with NumPy's setitem conversions.
///
/// # Safety
/// `p` must address one writable element of `descr`.
pub(crate) unsafe fn write_scalar(p: *mut u8, descr: &Descr, v: &Scalar) -> Result<()> {
    let swap = descr.byte_order() == ByteOrder::opposite_native();
    // SAFETY: (whole body) every write stays inside the element.
    unsafe {
        match descr.kind_of() {
            DescrKind::Numeric(t) => write_numeric(p, *t, v, swap)?,
            DescrKind::BFloat16 => store(p, bf16::from_f64(to_py_float(v)?).to_ne_bytes(), swap),
            DescrKind::Unicode(n) => {
                let s = match v {
                    Scalar::Bytes(b) => ascii_decode(b)?,
                    other => py_str(other),
                };
                write_unicode(p, *n, &s, swap);
            }
            DescrKind::Bytes(n) => {
                let b = match v {
                    Scalar::Bytes(b) => b.clone(),
                    other => ascii_encode(&py_str(other))?,
                };
                write_bytes(p, *n, &b);
            }
            DescrKind::Void(n) => match v {
                Scalar::Bytes(b) => write_bytes(p, *n, b),
                other => {
                    return Err(Error::BytesRequired { got: other.type_name() });
                }
            },
            DescrKind::DateTime(_) | DescrKind::TimeDelta(_) => {
                let i = to_py_int(v)?;
                let i = i64::try_from(i).map_err(|_| too_large())?;
                store(p, i.to_ne_bytes(), swap);
            }
            DescrKind::Record(r) => match v {
                Scalar::Tuple(items) => {
                    if items.len() != r.fields().len() {
                        return Err(Error::TupleLength { len: items.len(), fields: r.fields().len() });
                    }
                    for (f, x) in r.fields().iter().zip(items) {
                        write_scalar(p.add(f.offset), &f.descr, x)?;
                    }
                }
                other => {
                    for f in r.fields() {
                        write_scalar(p.add(f.offset), &f.descr, other)?;
                    }
                }
            },
            DescrKind::SubArray(s) => write_block(p, &s.base, &s.shape, v)?,
        }
    }
    Ok(())
}

/// Writes a (possibly nested) list, or one value repeated, into a sub-array block.
///
/// # Safety
/// `p` must address the whole block.
unsafe fn write_block(p: *mut u8, base: &Descr, shape: &[usize], v: &Scalar) -> Result<()> {
    let Some((&n, rest)) = shape.split_first() else {
        // SAFETY: forwarded.
        return unsafe { write_scalar(p, base, v) };
    };
    let step = base.itemsize() * rest.iter().product::<usize>();
    match v {
        Scalar::List(items) => {
            if items.len() != n && items.len() != 1 {
                return Err(Error::BroadcastInput { from: vec![items.len()], to: vec![n] });
            }
            for i in 0..n {
                let x = if items.len() == 1 { &items[0] } else { &items[i] };
                // SAFETY: inside the block.
                unsafe { write_block(p.add(i * step), base, rest, x)? };
            }
        }
        other => {
            for i in 0..n {
                // SAFETY: inside the block.
                unsafe { write_block(p.add(i * step), base, rest, other)? };
            }
        }
    }
    Ok(())
}

fn ascii_decode(b: &[u8]) -> Result<String> {
    if let Some(i) = b.iter().position(|&c| c >= 0x80) {
        return Err(Error::AsciiDecode { byte: b[i], position: i });
    }
    Ok(b.iter().map(|&c| char::from(c)).collect())
}

pub(crate) fn ascii_encode(s: &str) -> Result<Vec<u8>> {
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        return Err(Error::AsciiEncode { character: c, position: i });
    }
    Ok(s.as_bytes().to_vec())
}

/// Writes `s` into a `U<n>` element: truncated to `n` code points, NUL-padded.
///
/// # Safety
/// `p` must address `4 n` writable bytes.
pub(crate) unsafe fn write_unicode(p: *mut u8, n: usize, s: &str, swap: bool) {
    let mut chars = s.chars();
    for i in 0..n {
        let c = chars.next().map_or(0, u32::from);
        // SAFETY: inside the element.
        unsafe { store(p.add(4 * i), c.to_ne_bytes(), swap) };
    }
}

/// Writes `b` into an `S<n>` element: truncated to `n` bytes, NUL-padded.
///
/// # Safety
/// `p` must address `n` writable bytes.
pub(crate) unsafe fn write_bytes(p: *mut u8, n: usize, b: &[u8]) {
    let k = b.len().min(n);
    // SAFETY: inside the element.
    unsafe {
        std::ptr::copy_nonoverlapping(b.as_ptr(), p, k);
        std::ptr::write_bytes(p.add(k), 0, n - k);
    }
}

/// # Safety
/// `p` must address one writable element of `t`.
unsafe fn write_numeric(p: *mut u8, t: DType, v: &Scalar, swap: bool) -> Result<()> {
    // SAFETY: (whole body) writes of `t`'s size at `p`.
    unsafe {
        match t {
            DType::Bool => *p = u8::from(to_py_bool(v)),
            DType::Float16 => store(p, f16::from_f64(to_py_float(v)?).to_ne_bytes(), swap),
            DType::Float32 => store(p, (to_py_float(v)? as f32).to_ne_bytes(), swap),
            DType::Float64 => store(p, to_py_float(v)?.to_ne_bytes(), swap),
            DType::Complex64 => {
                let (re, im) = to_py_complex(v)?;
                let c = C64::new(re as f32, im as f32);
                store(p, c.re.to_ne_bytes(), swap);
                store(p.add(4), c.im.to_ne_bytes(), swap);
            }
            DType::Complex128 => {
                let (re, im) = to_py_complex(v)?;
                let c = C128::new(re, im);
                store(p, c.re.to_ne_bytes(), swap);
                store(p.add(8), c.im.to_ne_bytes(), swap);
            }
            _ => {
                let i = to_py_int(v)?;
                check_int_bounds(i, t)?;
                match t {
                    DType::Int8 => *p = i as i8 as u8,
                    DType::UInt8 => *p = i as u8,
                    DType::Int16 => store(p, (i as i16).to_ne_bytes(), swap),
                    DType::UInt16 => store(p, (i as u16).to_ne_bytes(), swap),
                    DType::Int32 => store(p, (i as i32).to_ne_bytes(), swap),
                    DType::UInt32 => store(p, (i as u32).to_ne_bytes(), swap),
                    DType::Int64 => store(p, (i as i64).to_ne_bytes(), swap),
                    _ => store(p, (i as u64).to_ne_bytes(), swap),
                }
            }
        }
    }
    Ok(())
}

/// Iterator over a dynamic array's elements in C order, each as a Python-like value
/// ([`Scalar`]), read where it lies (any layout, byte order or alignment; no copy of the
/// array). What `for x in arr.flat: x.item()` gives in NumPy.
pub struct DynIter<'a> {
    base: &'a Layout<Descr>,
    walk: Walk,
}

impl Iterator for DynIter<'_> {
    type Item = Scalar;
    fn next(&mut self) -> Option<Scalar> {
        let off = self.walk.next()?;
        // SAFETY: the walk yields offsets of elements of the borrowed layout, which its
        // array keeps alive and unwritten while borrowed.
        Some(unsafe { read_scalar(self.base.ptr.as_ptr().offset(off), &self.base.descr) })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.walk.size_hint()
    }
}

impl ExactSizeIterator for DynIter<'_> {}

/// Iterator of `(index, value)` pairs of a dynamic array in C order
/// (`numpy.ndenumerate`), values as [`Scalar`]s.
pub struct DynIndexedIter<'a> {
    base: &'a Layout<Descr>,
    walk: Walk,
}

impl Iterator for DynIndexedIter<'_> {
    type Item = (crate::dims::Shape, Scalar);
    fn next(&mut self) -> Option<(crate::dims::Shape, Scalar)> {
        let index = self.walk.index().clone();
        let off = self.walk.next()?;
        // SAFETY: as `DynIter::next`.
        Some((index, unsafe { read_scalar(self.base.ptr.as_ptr().offset(off), &self.base.descr) }))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.walk.size_hint()
    }
}

impl<S: DynData> DynBase<S> {
    /// The elements in C order as Python-like values (the typed arrays' `iter()`, with
    /// [`Scalar`] items).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, Scalar};
    /// let d = DynArray::from(array![[1i16, 2], [3, 4]]);
    /// let t: Vec<Scalar> = d.t().iter().collect();
    /// assert_eq!(t, vec![Scalar::Int(1), Scalar::Int(3), Scalar::Int(2), Scalar::Int(4)]);
    /// ```
    #[must_use]
    pub fn iter(&self) -> DynIter<'_> {
        DynIter { base: self, walk: Walk::of(self) }
    }

    /// `(index, value)` pairs in C order (`numpy.ndenumerate`), as the typed arrays'
    /// `indexed_iter`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, Scalar};
    /// let d = DynArray::from(array![[true, false]]);
    /// let last = d.indexed_iter().last().unwrap();
    /// assert_eq!((last.0.to_vec(), last.1), (vec![0, 1], Scalar::Bool(false)));
    /// ```
    #[must_use]
    pub fn indexed_iter(&self) -> DynIndexedIter<'_> {
        DynIndexedIter { base: self, walk: Walk::new(&self.shape, &self.strides) }
    }

    /// The element at a full index as a Python-like value, checked (the typed arrays'
    /// `get`; the same as [`item`](Self::item)).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DynArray, Scalar};
    /// let d = DynArray::from(array![[1.5, 2.5], [3.5, 4.5]]);
    /// assert_eq!(d.get(&[-1, 0]).unwrap(), Scalar::Float(3.5));
    /// assert!(d.get(&[2, 0]).is_err());
    /// ```
    ///
    /// # Errors
    /// An index out of bounds, or too few/too many indices.
    pub fn get(&self, index: &[isize]) -> Result<Scalar> {
        self.item(index)
    }

    /// The element at a full index as a Python-like value (`arr[i, j].item()`); negative
    /// indices count from the end.
    ///
    /// # Errors
    /// An index out of bounds, or too few/too many indices.
    pub fn item(&self, index: &[isize]) -> Result<Scalar> {
        if index.len() != self.ndim() {
            if index.len() > self.ndim() {
                return Err(Error::TooManyIndices { ndim: self.ndim(), given: index.len() });
            }
            return Err(Error::ElementIndex { ndim: self.ndim(), given: index.len() });
        }
        let v = self.at(index)?;
        // SAFETY: a 0-d view addresses one valid element.
        Ok(unsafe { read_scalar(v.ptr.as_ptr(), &v.descr) })
    }

    /// Every element as a Python-like value, in C order.
    #[must_use]
    pub fn to_scalars(&self) -> Vec<Scalar> {
        self.iter().collect()
    }

    /// Nested lists of Python-like values (`arr.tolist()`); a 0-d array gives its value.
    #[must_use]
    pub fn tolist(&self) -> Scalar {
        fn nest(items: &mut std::vec::IntoIter<Scalar>, shape: &[usize]) -> Scalar {
            match shape.split_first() {
                None => items.next().unwrap_or(Scalar::List(Vec::new())),
                Some((&n, rest)) => Scalar::List((0..n).map(|_| nest(items, rest)).collect()),
            }
        }
        let mut it = self.to_scalars().into_iter();
        nest(&mut it, &self.shape)
    }
}

impl<S: DynData + DynDataMut> DynBase<S> {
    /// Writes `value` at a full index (`arr[i, j] = value`) with NumPy's conversions:
    /// integers that do not fit raise `OverflowError`, strings are truncated to the width,
    /// a tuple fills a record's fields.
    ///
    /// # Errors
    /// Index errors, and the conversion errors NumPy raises.
    pub fn set_item(&mut self, index: &[isize], value: impl Into<Scalar>) -> Result<()> {
        if index.len() != self.ndim() {
            return Err(Error::ElementIndex { ndim: self.ndim(), given: index.len() });
        }
        let value = value.into();
        let v = self.at_mut(index)?;
        // SAFETY: a 0-d writable view addresses one element.
        unsafe { write_scalar(v.ptr.as_ptr(), &v.descr, &value) }
    }

    /// Writes `value` at a full index: the typed arrays' `set`, the same as
    /// [`set_item`](Self::set_item).
    ///
    /// # Errors
    /// As [`set_item`](Self::set_item).
    pub fn set(&mut self, index: &[isize], value: impl Into<Scalar>) -> Result<()> {
        self.set_item(index, value)
    }

    /// Sets every element to `value` (`arr.fill(value)` / `arr[...] = value`).
    ///
    /// # Errors
    /// The conversion errors of [`set_item`](Self::set_item).
    pub fn fill(&mut self, value: impl Into<Scalar>) -> Result<()> {
        let value = value.into();
        let one = DynArray::from_scalars(&[], &self.descr, std::slice::from_ref(&value))?;
        self.assign_same_dtype(&one)
    }
}

impl DynArray {
    /// An array of `shape` and `descr` filled from values in C order (`numpy.array(values,
    /// dtype=descr).reshape(shape)`): records from tuples, strings truncated to the width.
    ///
    /// # Errors
    /// When the number of values differs from the shape's size, and conversion errors.
    pub fn from_scalars(shape: &[usize], descr: &Descr, values: &[Scalar]) -> Result<Self> {
        let out = DynArray::zeros(shape, descr)?;
        if out.descr != *descr {
            return Err(Error::SubarrayScalars);
        }
        if values.len() != out.size() {
            return Err(Error::Reshape { size: values.len(), shape: shape.iter().map(|&d| d as isize).collect() });
        }
        let item = descr.itemsize();
        for (i, v) in values.iter().enumerate() {
            // SAFETY: the fresh C-contiguous buffer holds `size` elements of `item` bytes.
            unsafe { write_scalar(out.ptr.as_ptr().add(i * item), descr, v)? };
        }
        Ok(out)
    }

    /// A 1-d `U<n>` array of strings, `n` being the longest string's length in code points
    /// (`numpy.array(['a', 'bcd'])` gives `<U3`).
    #[must_use]
    pub fn from_strs<T: AsRef<str>>(items: &[T]) -> Self {
        let n = items.iter().map(|s| s.as_ref().chars().count()).max().unwrap_or(0).max(1);
        crate::error::or_panic(Self::from_strs_width(items, n))
    }

    /// A 1-d `U<width>` array of strings, each truncated to `width` code points.
    ///
    /// # Errors
    /// On absurd sizes.
    pub fn from_strs_width<T: AsRef<str>>(items: &[T], width: usize) -> Result<Self> {
        let descr = Descr::unicode(width);
        let out = DynArray::zeros(&[items.len()], &descr)?;
        for (i, s) in items.iter().enumerate() {
            // SAFETY: element `i` of the fresh buffer.
            unsafe { write_unicode(out.ptr.as_ptr().add(i * 4 * width), width, s.as_ref(), false) };
        }
        Ok(out)
    }

    /// A 1-d `S<n>` array of byte strings, `n` being the longest (`numpy.array([b'ab'])`).
    #[must_use]
    pub fn from_byte_strs<T: AsRef<[u8]>>(items: &[T]) -> Self {
        let n = items.iter().map(|s| s.as_ref().len()).max().unwrap_or(0).max(1);
        let descr = Descr::bytes(n);
        let out = crate::error::or_panic(DynArray::zeros(&[items.len()], &descr));
        for (i, s) in items.iter().enumerate() {
            // SAFETY: element `i` of the fresh buffer.
            unsafe { write_bytes(out.ptr.as_ptr().add(i * n), n, s.as_ref()) };
        }
        out
    }
}
