//! Printing of dynamic arrays: `Display` as NumPy's `str()`, `Debug` as `repr()`, for every
//! dtype, with the print options in force.
//!
//! Arrays print through the print engine ([`Layout`](crate::print::Layout) for brackets,
//! wrapping and summarisation; the typed arrays' element formats for numbers). This module
//! adds what only dynamic arrays hold, each formatted as NumPy's `_get_format_function`
//! chooses:
//! - strings and bytes as Python's `repr` (`'ab'`, `b'x\n'`), never padded;
//! - raw `V<n>` bytes as `b'\x00\x01'`;
//! - `datetime64` as quoted ISO 8601 text in the dtype's unit, `timedelta64` as bare counts,
//!   NaT as `'NaT'`, right-aligned to a common width;
//! - records as tuples whose fields each have one format for the whole column (floats in a
//!   field share their notation and precision), sub-array fields as nested lists summarised
//!   past `threshold` elements.
//!
//! ```
//! use nprs_core::{DynArray, Descr, Scalar};
//!
//! let d = Descr::parse("[('name', '<U5'), ('x', '<f8', (2,))]").unwrap();
//! let a = DynArray::from_records(&d, &[Scalar::from(("ab", vec![1.0, 2.5]))]).unwrap();
//! assert_eq!(a.to_string(), "[('ab', [1. , 2.5])]");
//! assert_eq!(format!("{a:?}"), "array([('ab', [1. , 2.5])], dtype=[('name', '<U5'), ('x', '<f8', (2,))])");
//! ```

use std::fmt;

use super::{DynArray, DynBase, DynData};
use crate::dtype::pyfmt::{py_bytes_repr, py_str_repr};
use crate::dtype::{DType, Descr, DescrKind};
use crate::error::{Error, Result};
use crate::print::{
    Layout, PrintOptions, Values, datetime_as_string, format_datetimes, format_timedeltas, get_printoptions,
    repr_from_parts, timedelta_str,
};
use crate::scalar::Scalar;

/// How the elements of one column are formatted.
#[derive(Clone, Copy)]
struct Style<'a> {
    opts: &'a PrintOptions,
    /// The column is the single element of a 0-d array (NumPy's `data.shape == ()`):
    /// `True` is not padded.
    zero_d: bool,
    /// Real floats print as their scalar `str` (`str` of a 0-d record, where NumPy's
    /// formatter for floats is `str`).
    float_str: bool,
    /// Generic-unit datetimes holding values, which NumPy refuses to print, show their
    /// counts as `int64` values do (the formatting traits' fallback) instead of failing.
    lenient: bool,
}

/// The values of a native, C-contiguous array of a numeric dtype (or `bfloat16`).
fn numeric_values(col: &DynArray) -> Result<Values> {
    if let DescrKind::BFloat16 = col.dtype().kind_of() {
        let bytes = col.to_bytes();
        return Ok(Values::BF16(bytes.chunks_exact(2).map(|b| half::bf16::from_ne_bytes([b[0], b[1]])).collect()));
    }
    let t = col
        .dtype()
        .numeric()
        .ok_or_else(|| Error::NotNumeric { op: "numeric formatting", dtype: col.dtype().to_string() })?;
    super::dispatch::with_numeric!(t, T => Ok(Values::from_vec(col.typed::<T>()?.to_vec())))
}

/// The 64-bit counts of a native `datetime64` / `timedelta64` array, in C order.
fn counts(col: &DynArray) -> Vec<i64> {
    col.to_bytes()
        .chunks_exact(8)
        .map(|b| i64::from_ne_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
        .collect()
}

/// `str()` of a raw-bytes (`V<n>`) element: every byte as `\xNN`.
fn void_str(b: &[u8]) -> String {
    let mut s = String::with_capacity(4 * b.len() + 3);
    s.push_str("b'");
    for x in b {
        s.push_str(&format!("\\x{x:02X}"));
    }
    s.push('\'');
    s
}

/// One string per element of `col` (any shape, C order), formatted as NumPy formats the
/// elements of an array holding exactly these values.
fn format_column(col: &DynArray, style: Style<'_>) -> Result<Vec<String>> {
    let d = col.dtype();
    Ok(match d.kind_of() {
        DescrKind::Numeric(_) | DescrKind::BFloat16 => {
            let v = numeric_values(col)?;
            if style.float_str && v.is_real_float() {
                (0..v.len()).map(|i| v.scalar_str_at(i)).collect()
            } else {
                v.format_all(style.zero_d, style.opts)?
            }
        }
        DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_) => col
            .to_scalars()
            .iter()
            .map(|v| match (v, d.kind_of()) {
                (Scalar::Str(s), _) => py_str_repr(s),
                (Scalar::Bytes(b), DescrKind::Void(_)) => void_str(b),
                (Scalar::Bytes(b), _) => py_bytes_repr(b),
                (other, _) => other.to_string(),
            })
            .collect(),
        DescrKind::DateTime(u) => match format_datetimes(&counts(col), *u) {
            Err(_) if style.lenient => Values::from_vec(counts(col)).format_all(style.zero_d, style.opts)?,
            words => words?,
        },
        DescrKind::TimeDelta(_) => format_timedeltas(&counts(col)),
        DescrKind::Record(r) => {
            let n = col.size();
            let mut columns = Vec::with_capacity(r.fields().len());
            for (k, f) in r.fields().iter().enumerate() {
                let field = col.field_at(k).to_native_contiguous();
                let sub = f.descr.shape();
                let inner = format_column(&field, Style { zero_d: style.zero_d && sub.is_empty(), ..style })?;
                columns.push(if sub.is_empty() { inner } else { sub_arrays(&inner, n, sub, style.opts) });
            }
            (0..n)
                .map(|i| match columns.as_slice() {
                    [one] => format!("({},)", one[i]),
                    _ => format!("({})", columns.iter().map(|c| c[i].as_str()).collect::<Vec<_>>().join(", ")),
                })
                .collect()
        }
        DescrKind::SubArray(s) => {
            // Arrays hold no sub-array elements (their axes join the shape), but format the
            // blocks as a record field would be if one comes here.
            let blocks = DynArray::from_bytes(&col.to_bytes(), d, col.shape())?.to_native_contiguous();
            let inner = format_column(&blocks, Style { zero_d: false, ..style })?;
            sub_arrays(&inner, col.size(), &s.shape, style.opts)
        }
    })
}

/// NumPy's `SubArrayFormat`: each of the `n` blocks of `shape` (its words consecutive in
/// `words`) as nested `[a, b]` lists, with `...` along axes longer than `2 * edgeitems`
/// when a block has more than `threshold` elements.
fn sub_arrays(words: &[String], n: usize, shape: &[usize], opts: &PrintOptions) -> Vec<String> {
    fn nest(words: &[String], shape: &[usize], summary: bool, e: usize) -> String {
        let Some((&len, rest)) = shape.split_first() else {
            return words.first().cloned().unwrap_or_default();
        };
        let step: usize = rest.iter().product();
        let part = |j: usize| nest(&words[j * step..(j + 1) * step], rest, summary, e);
        let items: Vec<String> = if summary && e.checked_mul(2).is_some_and(|both| len > both) {
            // `a[-0:]` is the whole axis, as in NumPy.
            let tail = if e == 0 { 0 } else { len - e };
            (0..e).map(part).chain(std::iter::once("...".to_string())).chain((tail..len).map(part)).collect()
        } else {
            (0..len).map(part).collect()
        };
        format!("[{}]", items.join(", "))
    }
    let per: usize = shape.iter().product();
    let summary = per > opts.threshold;
    (0..n).map(|i| nest(&words[i * per..(i + 1) * per], shape, summary, opts.edgeitems)).collect()
}

/// True when `repr` need not name the dtype (NumPy's `dtype_is_implied`: native `int64`,
/// `float64`, `complex128` and `bool`).
fn dtype_is_implied(d: &Descr) -> bool {
    matches!(d.numeric(), Some(DType::Int64 | DType::Float64 | DType::Complex128 | DType::Bool)) && d.is_native()
}

/// The dtype as `repr` writes it after `dtype=` (NumPy's `dtype_short_repr`): records as
/// their field list, strings and non-native dtypes quoted (`'<U3'`, `'>i4'`), other names
/// quoted unless they are plain words (`int32`, `datetime64`, `'datetime64[ns]'`).
fn dtype_short_repr(d: &Descr) -> String {
    if d.record_layout_of().is_some() {
        return d.to_string();
    }
    if matches!(d.kind_of(), DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_)) || !d.is_native() {
        return format!("'{d}'");
    }
    let name = d.name();
    let word = name.chars().next().is_some_and(char::is_alphabetic) && name.chars().all(char::is_alphanumeric);
    if word { name } else { py_str_repr(&name) }
}

impl<S: DynData> DynBase<S> {
    /// The shown elements (all of them, or the corners of a summarised array) as a native
    /// C-contiguous array, in C order.
    fn shown_elements(&self, layout: &Layout) -> Result<DynArray> {
        if !layout.summarize {
            return Ok(self.to_native_contiguous());
        }
        let mut bytes = Vec::new();
        let mut count = 0usize;
        let mut failed = None;
        let mut idx = Vec::with_capacity(self.ndim());
        layout.for_each_kept(self.shape(), |i| {
            idx.clear();
            idx.extend(i.iter().map(|&x| x as isize));
            match self.at(&idx) {
                Ok(v) => bytes.extend_from_slice(&v.to_bytes()),
                Err(e) => failed = Some(e),
            }
            count += 1;
        });
        if let Some(e) = failed {
            return Err(e);
        }
        Ok(DynArray::from_bytes(&bytes, self.dtype(), &[count])?.to_native_contiguous())
    }

    /// NumPy's `np.array2string(a, separator=..., prefix=..., suffix=...)` with the given
    /// options: the bracketed elements, without `array(` or the dtype. `prefix` and
    /// `suffix` are only measured (continuation lines are indented past the prefix; the
    /// last line leaves room for the suffix). An empty array gives `[]`.
    ///
    /// ```
    /// use nprs_core::{DynArray, PrintOptions};
    ///
    /// let a = DynArray::from_strs(&["a", "bc"]);
    /// assert_eq!(a.array2string(&PrintOptions::default(), ", ", "", "").unwrap(), "['a', 'bc']");
    /// ```
    ///
    /// # Errors
    /// NumPy's `ValueError` for a generic-unit `datetime64` holding a value other than NaT
    /// ("Cannot convert a NumPy datetime value other than NaT with generic units").
    pub fn array2string(&self, options: &PrintOptions, separator: &str, prefix: &str, suffix: &str) -> Result<String> {
        self.render(options, separator, prefix, suffix, false)
    }

    /// [`array2string`](Self::array2string), with generic-unit datetimes shown as counts
    /// when `lenient`.
    fn render(
        &self,
        options: &PrintOptions,
        separator: &str,
        prefix: &str,
        suffix: &str,
        lenient: bool,
    ) -> Result<String> {
        if self.is_empty() {
            return Ok("[]".into());
        }
        let layout = Layout::for_array(self.size(), options, separator, prefix, suffix);
        let shown = self.shown_elements(&layout)?;
        let style = Style { opts: options, zero_d: self.ndim() == 0, float_str: false, lenient };
        let mut words = format_column(&shown, style)?;
        Ok(layout.render(self.shape(), |k| std::mem::take(&mut words[k])))
    }

    /// NumPy's `repr(a)` (`np.array_repr`) with the given options:
    /// `array(['2024-01-01', 'NaT'], dtype='datetime64[D]')`.
    ///
    /// ```
    /// use nprs_core::{Descr, DynArray, PrintOptions, Scalar};
    ///
    /// let d: Descr = "m8[D]".parse().unwrap();
    /// let a = DynArray::from_scalars(&[2], &d, &[Scalar::Int(1), Scalar::Int(i64::MIN.into())]).unwrap();
    /// assert_eq!(a.array_repr(&PrintOptions::default()).unwrap(), "array([    1, 'NaT'], dtype='timedelta64[D]')");
    /// ```
    ///
    /// # Errors
    /// As [`array2string`](Self::array2string).
    pub fn array_repr(&self, options: &PrintOptions) -> Result<String> {
        self.repr_with(options, false)
    }

    /// [`array_repr`](Self::array_repr), with generic-unit datetimes shown as counts when
    /// `lenient`.
    fn repr_with(&self, options: &PrintOptions, lenient: bool) -> Result<String> {
        let body = self.render(options, ", ", "array(", ")", lenient)?;
        let d = self.dtype();
        Ok(repr_from_parts(&body, self.shape(), &dtype_short_repr(d), dtype_is_implied(d), options))
    }

    /// NumPy's `str(a)` (`np.array_str`) with the given options. A 0-d array prints its
    /// element as a NumPy scalar's `str`: `abc` for a string, `np.bytes_(b'ab')` for bytes,
    /// `2024-01-01` for a datetime, `5 days` for a timedelta, `(1, 2.5)` for a record
    /// (whose floats then print in full, as NumPy's scalars do).
    ///
    /// The `str` of one element (`str(a[i])`) is that of the 0-d view at its index:
    ///
    /// ```
    /// use nprs_core::{Descr, DynArray, PrintOptions, Scalar};
    ///
    /// let d: Descr = "M8[D]".parse().unwrap();
    /// let a = DynArray::from_scalars(&[2], &d, &[Scalar::Int(19723), Scalar::Int(i64::MIN.into())]).unwrap();
    /// assert_eq!(a.array_str(&PrintOptions::default()).unwrap(), "['2024-01-01'        'NaT']");
    /// assert_eq!(a.at(&[0]).unwrap().to_string(), "2024-01-01");
    /// assert_eq!(a.at(&[1]).unwrap().to_string(), "NaT");
    /// ```
    ///
    /// # Errors
    /// As [`array2string`](Self::array2string).
    pub fn array_str(&self, options: &PrintOptions) -> Result<String> {
        self.str_with(options, false)
    }

    /// [`array_str`](Self::array_str), with generic-unit datetimes shown as counts when
    /// `lenient`.
    fn str_with(&self, options: &PrintOptions, lenient: bool) -> Result<String> {
        if self.ndim() != 0 {
            return self.render(options, " ", "", "", lenient);
        }
        let one = self.to_native_contiguous();
        let d = one.dtype();
        match d.kind_of() {
            DescrKind::Numeric(_) | DescrKind::BFloat16 => Ok(numeric_values(&one)?.scalar_str()),
            DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_) => {
                Ok(match one.to_scalars().pop() {
                    Some(Scalar::Str(s)) => s,
                    Some(Scalar::Bytes(b)) if matches!(d.kind_of(), DescrKind::Void(_)) => void_str(&b),
                    // NumPy gives `repr` of a bytes scalar here.
                    Some(Scalar::Bytes(b)) => format!("np.bytes_({})", py_bytes_repr(&b)),
                    other => other.map(|v| v.to_string()).unwrap_or_default(),
                })
            }
            DescrKind::DateTime(u) => match datetime_as_string(counts(&one)[0], *u) {
                Err(_) if lenient => Ok(Values::from_vec(counts(&one)).scalar_str()),
                text => text,
            },
            DescrKind::TimeDelta(u) => Ok(timedelta_str(counts(&one)[0], *u)),
            _ => {
                let style = Style { opts: options, zero_d: true, float_str: true, lenient };
                Ok(format_column(&one, style)?.pop().unwrap_or_default())
            }
        }
    }
}

/// This thread's print options, with the precision of a `{:.N}` format spec if one is given.
fn options_for(f: &fmt::Formatter<'_>) -> PrintOptions {
    let opts = get_printoptions();
    match f.precision() {
        Some(precision) => PrintOptions { precision, ..opts },
        None => opts,
    }
}

impl<S: DynData> fmt::Display for DynBase<S> {
    /// NumPy's `str()` with this thread's print options (`{:.N}` sets the precision):
    /// `['a' 'bcd']`, `[('Alice', 25, [90. , 85.5, 77. ])]`, `['2024-01-01' 'NaT']`.
    ///
    /// Generic-unit `datetime64` values other than NaT, which NumPy refuses to print (also
    /// as fields of records), show their counts; [`array_str`](DynBase::array_str) returns
    /// NumPy's error. The formatter never fails: should formatting fail otherwise, the
    /// error's message is written in place of the array.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.str_with(&options_for(f), true) {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "<{e}>"),
        }
    }
}

impl<S: DynData> fmt::Debug for DynBase<S> {
    /// NumPy's `repr()` with this thread's print options (`{:.N?}` sets the precision):
    /// `array(['a', 'bcd'], dtype='<U3')`.
    ///
    /// Generic-unit `datetime64` values other than NaT, which NumPy refuses to print (also
    /// as fields of records), show their counts; [`array_repr`](DynBase::array_repr) returns
    /// NumPy's error. The formatter never fails: should formatting fail otherwise, the
    /// error's message is written in place of the array.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.repr_with(&options_for(f), true) {
            Ok(s) => f.write_str(&s),
            Err(e) => write!(f, "array(<{e}>)"),
        }
    }
}
