//! Printing of dynamic arrays: `Display` as NumPy's `str()`, `Debug` as `repr()`.
//!
//! String, bytes and record arrays are laid out here with NumPy's rules (`_formatArray`:
//! line width 75, wrapping, summarisation past 1000 elements with 3 edge items); their
//! elements are formatted by [`element_formatter`] (quotes as Python's `repr`, record
//! fields with NumPy's per-field formatters). Numeric dynamic arrays print through the
//! typed arrays' `Display`/`Debug`.
//!
//! The layout ([`format_array`]) takes any per-element formatter, so the typed printer can
//! share it (or this module can switch to the typed printer's) once both exist.

use std::fmt;

use half::f16;

use super::{DynArray, DynBase, DynData, DynView};
use crate::dtype::pyfmt::{layout_shortest, py_bytes_repr, py_str_repr, shortest_f16, shortest_f32, shortest_f64};
use crate::dtype::{DType, Descr, DescrKind};
use crate::scalar::Scalar;

/// NumPy's default print options (`numpy.get_printoptions()`).
const LINEWIDTH: usize = 75;
const THRESHOLD: usize = 1000;
const EDGEITEMS: usize = 3;

/// Formats one element given its position (C-order flat index into the formatted data).
pub(crate) type ElemFn = dyn Fn(usize) -> String;

fn extend_line(s: &mut String, line: &mut String, word: &str, width: usize, prefix: &str) {
    let mut wrap = line.chars().count() + word.chars().count() > width;
    if line.chars().count() <= prefix.chars().count() {
        wrap = false;
    }
    if wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = prefix.to_string();
    }
    line.push_str(word);
}

fn extend_line_pretty(s: &mut String, line: &mut String, word: &str, width: usize, prefix: &str) {
    let words: Vec<&str> = word.lines().collect();
    if words.len() <= 1 {
        extend_line(s, line, word, width, prefix);
        return;
    }
    let max_len = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
    let indent;
    if line.chars().count() + max_len > width && line.chars().count() > prefix.chars().count() {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{prefix}{}", words[0]);
        indent = prefix.to_string();
    } else {
        indent = " ".repeat(line.chars().count());
        line.push_str(words[0]);
    }
    for w in &words[1..] {
        s.push_str(line.trim_end());
        s.push('\n');
        *line = format!("{indent}{w}");
    }
    let suffix = max_len - words[words.len() - 1].chars().count();
    line.push_str(&" ".repeat(suffix));
}

/// NumPy's `_formatArray`: nested brackets, wrapping at `width`, `...` rows and columns
/// when `summary` is set. `f` formats the element at a multi-index of `shape`.
pub(crate) fn format_array(
    shape: &[usize],
    f: &dyn Fn(&[usize]) -> String,
    width: usize,
    next_line_prefix: &str,
    separator: &str,
    summary: bool,
) -> String {
    fn rec(
        shape: &[usize],
        f: &dyn Fn(&[usize]) -> String,
        index: &mut Vec<usize>,
        hanging: &str,
        width: usize,
        sep: &str,
        summary: bool,
    ) -> String {
        let axis = index.len();
        let left = shape.len() - axis;
        if left == 0 {
            return f(index);
        }
        let next_hanging = format!("{hanging} ");
        let next_width = width.saturating_sub(1);
        let n = shape[axis];
        let show = summary && 2 * EDGEITEMS < n;
        let (lead, trail) = if show { (EDGEITEMS, EDGEITEMS) } else { (0, n) };
        let mut s = String::new();
        let sub = |i: usize, index: &mut Vec<usize>| {
            index.push(i);
            let r = rec(shape, f, index, &next_hanging, next_width, sep, summary);
            index.pop();
            r
        };
        if left == 1 {
            let elem_width = width.saturating_sub(sep.trim_end().len().max(1));
            let mut line = hanging.to_string();
            for i in 0..lead {
                let w = sub(i, index);
                extend_line_pretty(&mut s, &mut line, &w, elem_width, hanging);
                line.push_str(sep);
            }
            if show {
                extend_line(&mut s, &mut line, "...", elem_width, hanging);
                line.push_str(sep);
            }
            for i in (2..=trail).rev() {
                let w = sub(n - i, index);
                extend_line_pretty(&mut s, &mut line, &w, elem_width, hanging);
                line.push_str(sep);
            }
            if n > 0 {
                let w = sub(n - 1, index);
                extend_line_pretty(&mut s, &mut line, &w, elem_width, hanging);
            }
            s.push_str(&line);
        } else {
            let line_sep = format!("{}{}", sep.trim_end(), "\n".repeat(left - 1));
            for i in 0..lead {
                s.push_str(hanging);
                s.push_str(&sub(i, index));
                s.push_str(&line_sep);
            }
            if show {
                s.push_str(hanging);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            for i in (2..=trail).rev() {
                s.push_str(hanging);
                s.push_str(&sub(n - i, index));
                s.push_str(&line_sep);
            }
            s.push_str(hanging);
            s.push_str(&sub(n - 1, index));
        }
        format!("[{}]", &s[hanging.len().min(s.len())..])
    }
    rec(shape, f, &mut Vec::new(), next_line_prefix, width, separator, summary)
}

// ---------------------------------------------------------------------------------------
// Element formatters.

/// `FloatingFormat` with NumPy's defaults (precision 8, `maxprec`, no suppression).
struct FloatFormat {
    exp: bool,
    pad_left: usize,
    pad_right: usize,
    precision: usize,
    exp_size: usize,
    kind: DType,
}

fn shortest(x: f64, kind: DType) -> (String, i32) {
    match kind {
        DType::Float16 => shortest_f16(f16::from_f64(x)),
        DType::Float32 | DType::Complex64 => shortest_f32(x as f32),
        _ => shortest_f64(x),
    }
}

/// Dragon4 positional, unique digits capped at `prec` fractional digits, trailing zeros
/// trimmed but the point kept: `(int part, frac part)`.
fn positional_parts(x: f64, prec: usize, kind: DType) -> (String, String) {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return (format!("{sign}0"), String::new());
    }
    let (digits, exp) = shortest(x, kind);
    let frac_len = (digits.len() as i32 - exp - 1).max(0) as usize;
    let s = if frac_len <= prec {
        layout_shortest(x, &digits, exp, f64::INFINITY).replace("e", "E")
    } else {
        format!("{x:.prec$}")
    };
    let s = if s.contains('E') { format!("{x:.prec$}") } else { s };
    let (i, fr) = s.split_once('.').unwrap_or((&s, ""));
    let i = if i.starts_with('-') { i.to_string() } else { format!("{sign}{i}") };
    (i.replace("--", "-"), fr.trim_end_matches('0').to_string())
}

/// Dragon4 scientific, unique digits capped at `prec` fractional digits:
/// `(mantissa int part, mantissa frac part, exponent)`.
fn scientific_parts(x: f64, prec: usize, kind: DType) -> (String, String, i32) {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return (format!("{sign}0"), String::new(), 0);
    }
    let (digits, exp) = shortest(x, kind);
    if digits.len() - 1 <= prec {
        return (format!("{sign}{}", &digits[..1]), digits[1..].to_string(), exp);
    }
    let s = format!("{:.prec$e}", x.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let (i, fr) = m.split_once('.').unwrap_or((m, ""));
    (format!("{sign}{i}"), fr.trim_end_matches('0').to_string(), e.parse().unwrap_or(0))
}

impl FloatFormat {
    fn new(values: &[f64], kind: DType) -> Self {
        let finite: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        let nonzero: Vec<f64> = finite.iter().map(|x| x.abs()).filter(|&x| x != 0.0).collect();
        let cutoff = match kind {
            DType::Float16 => 1e3,
            DType::Float32 | DType::Complex64 => 1e6,
            _ => 1e8,
        };
        let mut exp = false;
        if !nonzero.is_empty() {
            let max = nonzero.iter().copied().fold(f64::MIN, f64::max);
            let min = nonzero.iter().copied().fold(f64::MAX, f64::min);
            exp = max >= cutoff || min < 0.0001 || max / min > 1000.0;
        }
        let mut ff = FloatFormat { exp, pad_left: 0, pad_right: 0, precision: 8, exp_size: 0, kind };
        if finite.is_empty() {
            ff.exp = false;
        } else if exp {
            let parts: Vec<_> = finite.iter().map(|&x| scientific_parts(x, 8, kind)).collect();
            ff.exp_size = parts.iter().map(|p| p.2.unsigned_abs().to_string().len().max(2)).max().unwrap_or(2);
            ff.precision = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
            ff.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(1);
            ff.pad_right = ff.exp_size + 2 + ff.precision;
        } else {
            let parts: Vec<_> = finite.iter().map(|&x| positional_parts(x, 8, kind)).collect();
            ff.pad_left = parts.iter().map(|p| p.0.len()).max().unwrap_or(1);
            ff.pad_right = parts.iter().map(|p| p.1.len()).max().unwrap_or(0);
        }
        if finite.len() != values.len() {
            let neginf = values.iter().any(|x| x.is_infinite() && *x < 0.0);
            let offset = ff.pad_right + 1;
            ff.pad_left =
                ff.pad_left.max(3usize.saturating_sub(offset)).max((3 + usize::from(neginf)).saturating_sub(offset));
        }
        ff
    }

    fn format(&self, x: f64) -> String {
        if !x.is_finite() {
            let r = if x.is_nan() {
                "nan".to_string()
            } else if x < 0.0 {
                "-inf".to_string()
            } else {
                "inf".to_string()
            };
            let w = self.pad_left + self.pad_right + 1;
            return format!("{r:>w$}");
        }
        if self.exp {
            let (i, fr, e) = scientific_parts(x, self.precision, self.kind);
            let fr = format!("{fr:0<p$}", p = self.precision);
            let es = if e < 0 { '-' } else { '+' };
            let ed = format!("{:0>w$}", e.unsigned_abs(), w = self.exp_size);
            format!("{i:>pl$}.{fr}e{es}{ed}", pl = self.pad_left)
        } else {
            let (i, fr) = positional_parts(x, self.precision, self.kind);
            format!("{i:>pl$}.{fr:<pr$}", pl = self.pad_left, pr = self.pad_right)
        }
    }
}

/// A formatter for the elements of `data` (already summarised when needed), chosen by
/// dtype as NumPy's `_get_format_function` does. `data` must be C-contiguous and native.
pub(crate) fn element_formatter(data: &DynArray, zero_d: bool) -> Box<ElemFn> {
    let values = data.to_scalars();
    match data.dtype().kind_of().clone() {
        DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_) => Box::new(move |i| match &values[i] {
            Scalar::Str(s) => py_str_repr(s),
            Scalar::Bytes(b) => py_bytes_repr(b),
            other => other.to_string(),
        }),
        DescrKind::Numeric(DType::Bool) => {
            let t = if zero_d { "True" } else { " True" };
            Box::new(move |i| if matches!(values[i], Scalar::Bool(true)) { t.to_string() } else { "False".to_string() })
        }
        DescrKind::Numeric(t) if matches!(t.kind(), 'i' | 'u') => {
            let ints: Vec<i128> = values.iter().map(|v| if let Scalar::Int(i) = v { *i } else { 0 }).collect();
            let w = match (ints.iter().max(), ints.iter().min()) {
                (Some(mx), Some(mn)) => mx.to_string().len().max(mn.to_string().len()),
                _ => 0,
            };
            Box::new(move |i| format!("{:>w$}", ints[i]))
        }
        DescrKind::Numeric(t) if t.kind() == 'f' => {
            let xs: Vec<f64> = values.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect();
            let ff = FloatFormat::new(&xs, t);
            Box::new(move |i| ff.format(xs[i]))
        }
        DescrKind::Numeric(t) => {
            let re: Vec<f64> = values.iter().map(|v| if let Scalar::Complex(r, _) = v { *r } else { 0.0 }).collect();
            let im: Vec<f64> = values.iter().map(|v| if let Scalar::Complex(_, m) = v { *m } else { 0.0 }).collect();
            let (fr, fi) = (FloatFormat::new(&re, t), FloatFormat::new(&im, t));
            Box::new(move |i| {
                let r = fr.format(re[i]);
                let m = fi.format(im[i]).trim_start().to_string();
                let sign = if im[i].is_sign_negative() || m.starts_with('-') { "" } else { "+" };
                format!("{r}{sign}{m}j")
            })
        }
        DescrKind::Record(r) => {
            let fields: Vec<Box<ElemFn>> = r
                .fields()
                .iter()
                .enumerate()
                .map(|(k, f)| {
                    let col = data.field_at(k).to_native_contiguous();
                    let per: usize = f.descr.shape().iter().product::<usize>().max(1);
                    let sub_shape = f.descr.shape().to_vec();
                    let inner = element_formatter(&col, false);
                    if sub_shape.is_empty() {
                        inner
                    } else {
                        Box::new(move |i: usize| {
                            let g = |idx: &[usize]| {
                                let mut flat = 0;
                                for (d, &x) in sub_shape.iter().zip(idx) {
                                    flat = flat * d + x;
                                }
                                inner(i * per + flat)
                            };
                            sub_array(&sub_shape, &g)
                        }) as Box<ElemFn>
                    }
                })
                .collect();
            Box::new(move |i| {
                let parts: Vec<String> = fields.iter().map(|f| f(i)).collect();
                if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
            })
        }
        _ => Box::new(move |i| values[i].to_string()),
    }
}

/// NumPy's `SubArrayFormat`: nested `[a, b]` lists.
fn sub_array(shape: &[usize], f: &dyn Fn(&[usize]) -> String) -> String {
    fn rec(shape: &[usize], f: &dyn Fn(&[usize]) -> String, idx: &mut Vec<usize>) -> String {
        if idx.len() == shape.len() {
            return f(idx);
        }
        let n = shape[idx.len()];
        let parts: Vec<String> = (0..n)
            .map(|i| {
                idx.push(i);
                let r = rec(shape, f, idx);
                idx.pop();
                r
            })
            .collect();
        format!("[{}]", parts.join(", "))
    }
    rec(shape, f, &mut Vec::new())
}

/// The corners NumPy keeps when summarising (`_leading_trailing`), as a C-contiguous copy.
fn corners(v: &DynView<'_>, ax: usize) -> DynArray {
    if ax == v.ndim() {
        return v.to_native_contiguous();
    }
    let n = v.shape()[ax];
    if n <= 2 * EDGEITEMS {
        return corners(v, ax + 1);
    }
    let (Ok(head), Ok(tail)) = (v.slice(&axis_slice(ax, 0, EDGEITEMS)), v.slice(&axis_slice(ax, n - EDGEITEMS, n)))
    else {
        return v.to_native_contiguous();
    };
    let (h, t) = (corners(&head, ax + 1), corners(&tail, ax + 1));
    crate::error::or_panic(super::concatenate(&[h.view(), t.view()], ax as isize))
}

/// Positions along each axis of the summarised copy (`None` for elided ones).
fn corner_maps(shape: &[usize], summary: bool) -> Vec<Vec<Option<usize>>> {
    shape
        .iter()
        .map(|&n| {
            (0..n)
                .map(|i| {
                    if !summary || n <= 2 * EDGEITEMS || i < EDGEITEMS {
                        Some(i)
                    } else if i >= n - EDGEITEMS {
                        Some(i - (n - 2 * EDGEITEMS))
                    } else {
                        None
                    }
                })
                .collect()
        })
        .collect()
}

fn axis_slice(ax: usize, lo: usize, hi: usize) -> Vec<crate::slice::SliceArg> {
    let mut args = vec![crate::slice::SliceArg::FULL; ax];
    args.push(crate::slice::SliceArg::Slice { start: Some(lo as isize), stop: Some(hi as isize), step: 1 });
    args
}

fn layout<S: DynData>(a: &DynBase<S>, separator: &str, prefix: &str, suffix_len: usize) -> String {
    if a.is_empty() {
        return "[]".to_string();
    }
    let summary = a.size() > THRESHOLD;
    let view = a.view();
    let data = if summary { corners(&view, 0) } else { view.to_native_contiguous() };
    let maps = corner_maps(a.shape(), summary);
    let f = element_formatter(&data, a.ndim() == 0);
    let dshape = data.shape().to_vec();
    let flat = |idx: &[usize]| {
        let mut k = 0;
        for (ax, &i) in idx.iter().enumerate() {
            k = k * dshape[ax] + maps[ax][i].unwrap_or(0);
        }
        f(k)
    };
    let next_prefix = format!(" {}", " ".repeat(prefix.len()));
    format_array(a.shape(), &flat, LINEWIDTH - suffix_len, &next_prefix, separator, summary)
}

/// True for dtypes NumPy leaves out of `repr` (`int64`, `float64`, `complex128`, `bool`).
fn dtype_is_implied(d: &Descr) -> bool {
    matches!(d.numeric(), Some(DType::Int64 | DType::Float64 | DType::Complex128 | DType::Bool)) && d.is_native()
}

/// `dtype=` as `repr` writes it.
fn dtype_short_repr(d: &Descr) -> String {
    if d.record_layout_of().is_some() {
        d.to_string()
    } else if matches!(d.kind_of(), DescrKind::Unicode(_) | DescrKind::Bytes(_) | DescrKind::Void(_)) || !d.is_native()
    {
        format!("'{d}'")
    } else {
        d.name()
    }
}

/// `str()` of a 0-d array: the scalar's `str`.
fn scalar_str<S: DynData>(a: &DynBase<S>) -> String {
    let v = crate::error::or_panic(a.item(&[]));
    match v {
        Scalar::Str(s) => s,
        Scalar::Bytes(b) => py_bytes_repr(&b),
        other => other.to_string(),
    }
}

impl<S: DynData> DynBase<S> {
    /// NumPy's `str(arr)` for string, bytes and record arrays (see [`fmt::Display`]).
    fn str_flexible(&self) -> String {
        if self.ndim() == 0 {
            return scalar_str(self);
        }
        layout(self, " ", "", 0)
    }

    /// NumPy's `repr(arr)` for string, bytes and record arrays.
    fn repr_flexible(&self) -> String {
        let prefix = "array(";
        let body = if self.ndim() == 0 {
            let c = self.to_native_contiguous();
            element_formatter(&c, true)(0)
        } else {
            layout(self, ", ", prefix, 1)
        };
        let mut extras = Vec::new();
        if (self.is_empty() && self.shape() != [0]) || self.size() > THRESHOLD {
            extras.push(format!("shape={}", crate::error::ShapeDisplay(self.shape().to_vec())));
        }
        if !dtype_is_implied(&self.descr) || self.is_empty() {
            extras.push(format!("dtype={}", dtype_short_repr(&self.descr)));
        }
        if extras.is_empty() {
            return format!("{prefix}{body})");
        }
        let arr = format!("{prefix}{body},");
        let extra = format!("{})", extras.join(", "));
        let last = arr.len() - arr.rfind('\n').map_or(0, |i| i + 1);
        let spacer =
            if last + extra.len() + 1 > LINEWIDTH { format!("\n{}", " ".repeat(prefix.len())) } else { " ".into() };
        format!("{arr}{spacer}{extra}")
    }

    fn typed_fmt(&self, f: &mut fmt::Formatter<'_>, debug: bool) -> fmt::Result {
        let t = self.descr.numeric().unwrap_or(DType::UInt8);
        let native = self.as_numeric(t).map_err(|_| fmt::Error)?;
        super::dispatch::with_numeric!(t, T => {
            let v = native.typed::<T>().map_err(|_| fmt::Error)?;
            if debug { fmt::Debug::fmt(&v, f) } else { fmt::Display::fmt(&v, f) }
        })
    }
}

impl<S: DynData> fmt::Display for DynBase<S> {
    /// NumPy's `str()`: `['a' 'bcd']`, `[('Alice', 25, [90. , 85.5, 77. ])]`; numeric
    /// arrays as their typed arrays print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.descr.numeric().is_some() {
            return self.typed_fmt(f, false);
        }
        f.write_str(&self.str_flexible())
    }
}

impl<S: DynData> fmt::Debug for DynBase<S> {
    /// NumPy's `repr()`: `array(['a', 'bcd'], dtype='<U3')`; numeric arrays as their
    /// typed arrays print.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.descr.numeric().is_some() {
            return self.typed_fmt(f, true);
        }
        f.write_str(&self.repr_flexible())
    }
}
