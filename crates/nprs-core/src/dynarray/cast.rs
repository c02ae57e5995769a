//! `astype` between any dtypes, with NumPy's results: numeric casts through the typed
//! kernels (one dispatch per array), strings and records element by element.
#![allow(unsafe_code)] // element reads/writes in fresh buffers; each block says why it holds

use half::bf16;

use super::dispatch::with_numeric;
use super::value::{ascii_encode, check_int_bounds, parse_py_float, parse_py_int, read_bytes, read_unicode};
use super::value::{write_bytes, write_unicode};
use super::{DynArray, DynBase, DynData, DynDataMut};
use crate::array::Array;
use crate::copy::Cast;
use crate::dtype::pyfmt::{py_bytes_repr, py_str_repr, repr_bf16, repr_f16, repr_f32, repr_f64};
use crate::dtype::{C64, C128, DType, DateTimeUnit, Descr, DescrKind, Element, TimeUnit, f16};
use crate::error::{Error, Result};
use crate::print::NAT;
use crate::promote::{Casting, can_cast, cast_error, string_length_for};
use crate::scalar::Scalar;

/// NumPy's `str()` of a scalar of an element type (what `astype(str)` writes).
pub(crate) trait PyStr: Element {
    /// The string.
    fn py_str(self) -> String;
}

macro_rules! py_str_int {
    ($($t:ty),*) => {$(
        impl PyStr for $t {
            fn py_str(self) -> String { self.to_string() }
        }
    )*};
}
py_str_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl PyStr for bool {
    fn py_str(self) -> String {
        if self { "True" } else { "False" }.to_string()
    }
}
impl PyStr for f16 {
    fn py_str(self) -> String {
        repr_f16(self)
    }
}
impl PyStr for f32 {
    fn py_str(self) -> String {
        repr_f32(self)
    }
}
impl PyStr for f64 {
    fn py_str(self) -> String {
        repr_f64(self)
    }
}

/// A complex number as NumPy prints its scalars: `(1+2j)`, `1j`, `(1.5-0j)`.
fn complex_str(re: f64, im: f64, part: impl Fn(f64) -> String) -> String {
    let strip = |x: f64| {
        let s = part(x);
        s.strip_suffix(".0").map_or_else(|| s.clone(), str::to_string)
    };
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", strip(im));
    }
    let ims = strip(im);
    let sep = if ims.starts_with('-') { "" } else { "+" };
    format!("({}{sep}{ims}j)", strip(re))
}

impl PyStr for C64 {
    fn py_str(self) -> String {
        complex_str(f64::from(self.re), f64::from(self.im), |x| repr_f32(x as f32))
    }
}
impl PyStr for C128 {
    fn py_str(self) -> String {
        complex_str(self.re, self.im, repr_f64)
    }
}

/// The width NumPy gives `astype('U')` / `astype('S')` of a `datetime64` of `unit`: the
/// longest ISO text of the unit (a 21-character year).
const fn iso_width(unit: TimeUnit) -> usize {
    match unit {
        TimeUnit::Year => 22,
        TimeUnit::Month => 25,
        TimeUnit::Week | TimeUnit::Day | TimeUnit::Generic => 28,
        TimeUnit::Hour => 32,
        TimeUnit::Minute => 35,
        TimeUnit::Second => 38,
        TimeUnit::Millisecond => 42,
        TimeUnit::Microsecond => 45,
        TimeUnit::Nanosecond => 48,
        TimeUnit::Picosecond => 51,
        TimeUnit::Femtosecond => 54,
        TimeUnit::Attosecond => 57,
    }
}

/// The width `astype('U')`/`astype('S')` picks for an unsized target.
fn string_width(from: &Descr) -> usize {
    match from.kind_of() {
        DescrKind::Numeric(t) => string_length_for(*t),
        DescrKind::DateTime(u) => iso_width(u.unit),
        DescrKind::TimeDelta(_) => 21,
        DescrKind::BFloat16 => 32,
        DescrKind::Unicode(n) | DescrKind::Bytes(n) => *n,
        _ => from.itemsize(),
    }
}

/// Fills in the width of `U`/`S`/`V` targets given without one.
fn resolve_target(from: &Descr, to: &Descr) -> Descr {
    match to.kind_of() {
        DescrKind::Unicode(0) => Descr::with_order(DescrKind::Unicode(string_width(from)), to.byte_order()),
        DescrKind::Bytes(0) => Descr::bytes(string_width(from)),
        DescrKind::Void(0) => Descr::void(from.itemsize()),
        _ => to.clone(),
    }
}

/// NumPy's repr of a string scalar in cast error messages.
fn np_str_repr(v: &Scalar) -> String {
    match v {
        Scalar::Str(s) => format!("np.str_({})", py_str_repr(s)),
        Scalar::Bytes(b) => format!("np.bytes_({})", py_bytes_repr(b)),
        other => other.to_string(),
    }
}

impl<S: DynData> DynBase<S> {
    /// A copy converted to `to` with NumPy's results (`arr.astype(dtype)`, unsafe casting):
    /// integers wrap, floats truncate toward zero, NaN and infinities become what NumPy's C
    /// casts give, numbers become their `str()` in `U`/`S` arrays and strings are parsed
    /// back, strings are truncated to the target width, records cast field by field in
    /// order. A `U`/`S` target without a width takes the width the values need
    /// (`int64` → `<U21`, `datetime64[s]` → `<U38`). Datetimes become their ISO 8601 text
    /// and timedeltas their `str()`; strings become datetimes as `np.datetime64` parses them
    /// (`M8` without a unit takes the finest unit the strings imply; a timezone warns
    /// through [`warnings`](crate::warnings)) and timedeltas from integer text or `NaT`.
    ///
    /// # Errors
    /// Values NumPy cannot convert (`'abc'` to a number, a non-ASCII string to bytes,
    /// integers out of range when parsed from strings, malformed datetime strings), a
    /// string target narrower than a datetime's text ("The string provided for NumPy ISO datetime
    /// formatting was too short"), datetime units whose conversion factor is 2⁵⁶ or more
    /// (NumPy's `OverflowError`), and casts NumPy refuses.
    pub fn astype(&self, to: &Descr) -> Result<DynArray> {
        self.astype_casting(to, Casting::Unsafe)
    }

    /// As [`astype`](Self::astype), refusing casts that `casting` does not allow.
    ///
    /// # Errors
    /// NumPy's "Cannot cast array data from dtype('float64') to dtype('int64') according to
    /// the rule 'safe'", and the conversion errors of [`astype`](Self::astype).
    pub fn astype_casting(&self, to: &Descr, casting: Casting) -> Result<DynArray> {
        let (_, to) = super::expand_subarray(&[], to);
        let to = resolve_target(&self.descr, &to);
        if !can_cast(&self.descr, &to, casting) {
            return Err(cast_error(&self.descr, &to, casting));
        }
        if to.is_native() {
            return self.cast_native(&to);
        }
        if self.descr == to {
            return Ok(self.to_owned());
        }
        let native = self.cast_native(&to.to_native())?;
        Ok(native.with_byte_order_of(&to))
    }

    /// A native-order, aligned view of the array's own dtype, or such a copy.
    fn native_aligned(&self) -> super::DynCow<'_> {
        if self.descr.is_native() && self.is_aligned() {
            self.view().into()
        } else {
            self.to_native_contiguous().into()
        }
    }

    fn cast_native(&self, to: &Descr) -> Result<DynArray> {
        use DescrKind as K;
        if self.descr == *to {
            return Ok(self.to_owned());
        }
        match (self.descr.kind_of(), to.kind_of()) {
            (K::Numeric(a), K::Numeric(b)) => {
                let src = self.native_aligned();
                Ok(with_numeric!(*a, A => {
                    let v = src.typed::<A>()?;
                    with_numeric!(*b, B => DynArray::from(v.astype::<B>()))
                }))
            }
            (K::Numeric(a), K::BFloat16) => {
                let src = self.native_aligned();
                let wide: Array<f64> = with_numeric!(*a, A => src.typed::<A>()?.astype::<f64>());
                let bits = crate::zip::map(&wide, |x| bf16::from_f64(x).to_bits());
                Ok(DynArray::from(bits).with_descr(Descr::bfloat16()))
            }
            (K::BFloat16, K::Numeric(b)) => {
                let src = self.native_aligned();
                let bits = src.with_descr_view(DType::UInt16.into());
                let wide = crate::zip::map(&bits.typed::<u16>()?, |x| bf16::from_bits(x).to_f32());
                Ok(with_numeric!(*b, B => DynArray::from(wide.astype::<B>())))
            }
            (K::Numeric(_) | K::BFloat16, K::Unicode(_) | K::Bytes(_)) => self.numbers_to_strings(to),
            (K::Unicode(_) | K::Bytes(_), K::Numeric(_) | K::BFloat16) => self.strings_to_numbers(to),
            (K::Unicode(_) | K::Bytes(_), K::Unicode(_) | K::Bytes(_)) => self.strings_to_strings(to),
            (K::Unicode(_) | K::Bytes(_), K::DateTime(u)) => self.strings_to_datetimes(*u),
            (K::Unicode(_) | K::Bytes(_), K::TimeDelta(u)) => self.strings_to_timedeltas(*u),
            (K::DateTime(_) | K::TimeDelta(_), K::Unicode(_) | K::Bytes(_)) => self.times_to_strings(to),
            (K::DateTime(a), K::DateTime(b)) => self.convert_units(*a, *b, true, to),
            (K::TimeDelta(a), K::TimeDelta(b)) => self.convert_units(*a, *b, false, to),
            (K::DateTime(_) | K::TimeDelta(_), K::Numeric(_)) => {
                self.native_aligned().with_descr_view(DType::Int64.into()).cast_native(to)
            }
            (K::Numeric(_), K::DateTime(_) | K::TimeDelta(_)) => {
                Ok(self.cast_native(&DType::Int64.into())?.with_descr(to.clone()))
            }
            (K::DateTime(_) | K::TimeDelta(_), K::DateTime(_) | K::TimeDelta(_)) => {
                Ok(self.native_aligned().to_owned().with_descr(to.clone()))
            }
            (K::Record(_), _) | (_, K::Record(_)) => self.cast_records(to),
            (_, K::Void(n)) if *n == self.itemsize() => Ok(self.to_owned().with_descr(to.clone())),
            _ => Err(Error::CastUnsupported { from: self.descr.clone(), to: to.clone() }),
        }
    }

    /// A view of the same bytes under another dtype of the same item size.
    pub(crate) fn with_descr_view(&self, d: Descr) -> super::DynView<'_> {
        let mut v = self.view();
        v.layout.descr = d;
        v
    }

    fn numbers_to_strings(&self, to: &Descr) -> Result<DynArray> {
        let src = self.native_aligned();
        let strings: Vec<String> = match src.descr.kind_of() {
            DescrKind::BFloat16 => {
                let bits = src.with_descr_view(DType::UInt16.into());
                bits.typed::<u16>()?.iter().map(|b| repr_bf16(bf16::from_bits(b))).collect()
            }
            DescrKind::Numeric(t) => with_numeric!(*t, A => src.typed::<A>()?.iter().map(PyStr::py_str).collect()),
            _ => unreachable!("numeric source"),
        };
        write_strings(&self.shape, to, &strings)
    }

    /// The elements of a string array as Rust strings (bytes decoded as Latin-1 text), in
    /// C order.
    fn string_texts(&self) -> Vec<String> {
        self.string_values()
            .into_iter()
            .map(|v| match v {
                Scalar::Str(s) => s,
                Scalar::Bytes(b) => b.iter().map(|&c| char::from(c)).collect(),
                other => other.to_string(),
            })
            .collect()
    }

    /// ISO 8601 strings parsed to `datetime64` in `unit`, or, for generic units, in the
    /// finest unit any string implies (NaT strings imply none), as NumPy's string to
    /// datetime cast; a timezone in a string warns as NumPy does (twice when the unit is
    /// inferred: once while inferring, once while converting).
    fn strings_to_datetimes(&self, unit: DateTimeUnit) -> Result<DynArray> {
        use crate::print::{parse_iso_datetime, warn_timezone};
        let texts = self.string_texts();
        let mut parsed = Vec::with_capacity(texts.len());
        for t in &texts {
            let p = parse_iso_datetime(t)?;
            if unit.unit == TimeUnit::Generic {
                warn_timezone(&p)?;
            }
            parsed.push(p);
        }
        let unit = if unit.unit == TimeUnit::Generic {
            let finest = parsed.iter().map(|p| p.unit).filter(|&u| u != TimeUnit::Generic).max();
            DateTimeUnit::new(finest.unwrap_or(TimeUnit::Generic))
        } else {
            unit
        };
        let mut counts = Vec::with_capacity(parsed.len());
        for p in &parsed {
            warn_timezone(p)?;
            counts.push(if p.is_nat() { NAT } else { p.to_count(unit)? });
        }
        let out = Array::from_shape_vec(&self.shape, counts)?;
        Ok(DynArray::from(out).with_descr(Descr::datetime(unit.unit, unit.num)))
    }

    /// Strings read as integer counts of `unit` (`NaT` in any case and the empty string
    /// are NaT), as NumPy's string to timedelta cast: leading whitespace and a sign are
    /// allowed, nothing else.
    fn strings_to_timedeltas(&self, unit: DateTimeUnit) -> Result<DynArray> {
        let mut counts = Vec::with_capacity(self.size());
        for t in self.string_texts() {
            counts.push(if t.is_empty() || t.eq_ignore_ascii_case("nat") {
                NAT
            } else {
                let digits = t.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
                digits.parse::<i64>().map_err(|_| Error::TimeDeltaConvert)?
            });
        }
        let out = Array::from_shape_vec(&self.shape, counts)?;
        Ok(DynArray::from(out).with_descr(Descr::timedelta(unit.unit, unit.num)))
    }

    /// Datetimes as their ISO 8601 text (NumPy's `datetime_as_string`), timedeltas as their
    /// `str()` (`5 seconds`), in the `U`/`S` target `to`.
    fn times_to_strings(&self, to: &Descr) -> Result<DynArray> {
        let (datetime, unit) = match self.descr.kind_of() {
            DescrKind::DateTime(u) => (true, *u),
            DescrKind::TimeDelta(u) => (false, *u),
            _ => unreachable!("datetime source"),
        };
        if self.size() == 0 {
            return DynArray::zeros(&self.shape, to);
        }
        let src = self.native_aligned();
        let counts = src.with_descr_view(DType::Int64.into());
        let counts = counts.typed::<i64>()?;
        let texts: Vec<String> = if datetime {
            counts.iter().map(|c| crate::print::datetime_as_string(c, unit)).collect::<Result<_>>()?
        } else {
            counts.iter().map(|c| crate::print::timedelta_str(c, unit)).collect()
        };
        let width = match to.kind_of() {
            DescrKind::Unicode(n) | DescrKind::Bytes(n) => *n,
            _ => unreachable!("string target"),
        };
        if datetime && texts.iter().any(|t| t.len() > width) {
            return Err(Error::IsoTooShort(width));
        }
        write_strings(&self.shape, to, &texts)
    }

    /// The elements of a string array, in C order.
    pub(crate) fn string_values(&self) -> Vec<Scalar> {
        let c = self.to_native_contiguous();
        let item = c.itemsize();
        (0..c.size())
            .map(|i| {
                // SAFETY: element `i` of the C-contiguous copy.
                unsafe {
                    let p = c.ptr.as_ptr().add(i * item);
                    match c.descr.kind_of() {
                        DescrKind::Unicode(n) => Scalar::Str(read_unicode(p, *n, false)),
                        _ => Scalar::Bytes(read_bytes(p, item)),
                    }
                }
            })
            .collect()
    }

    fn strings_to_numbers(&self, to: &Descr) -> Result<DynArray> {
        let values = self.string_values();
        let mut parsed = Vec::with_capacity(values.len());
        let text = |v: &Scalar| match v {
            Scalar::Str(s) => s.clone(),
            Scalar::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => String::new(),
        };
        for v in &values {
            let s = text(v);
            parsed.push(match to.kind_of() {
                DescrKind::Numeric(DType::Bool) => Scalar::Bool(!s.is_empty()),
                DescrKind::Numeric(t) if t.kind() == 'i' || t.kind() == 'u' => {
                    let i = parse_py_int(&s).map_err(|_| Error::IntLiteral { repr: np_str_repr(v) })?;
                    check_int_bounds(i, *t)?;
                    Scalar::Int(i)
                }
                DescrKind::Numeric(DType::Complex64 | DType::Complex128) => Scalar::Str(s),
                _ => Scalar::Float(parse_py_float(&s, &np_str_repr(v))?),
            });
        }
        DynArray::from_scalars(&self.shape, to, &parsed)
    }

    fn strings_to_strings(&self, to: &Descr) -> Result<DynArray> {
        let values = self.string_values();
        let out = DynArray::zeros(&self.shape, to)?;
        let item = to.itemsize();
        for (i, v) in values.iter().enumerate() {
            // SAFETY: element `i` of the fresh C-contiguous buffer.
            unsafe {
                let p = out.ptr.as_ptr().add(i * item);
                match (to.kind_of(), v) {
                    (DescrKind::Unicode(n), Scalar::Str(s)) => write_unicode(p, *n, s, false),
                    (DescrKind::Unicode(n), Scalar::Bytes(b)) => {
                        if let Some(k) = b.iter().position(|&c| c >= 0x80) {
                            return Err(Error::AsciiDecode { byte: b[k], position: k });
                        }
                        write_unicode(p, *n, &String::from_utf8_lossy(b), false);
                    }
                    (DescrKind::Bytes(n), Scalar::Str(s)) => write_bytes(p, *n, &ascii_encode(s)?),
                    (DescrKind::Bytes(n), Scalar::Bytes(b)) => write_bytes(p, *n, b),
                    _ => unreachable!("string values"),
                }
            }
        }
        Ok(out)
    }

    /// Counts of `from` converted to `to_unit`: datetimes to or from years and months
    /// through the calendar (as NumPy's datetime casts), everything else by one factor
    /// (timedeltas with NumPy's averaged year and month lengths), floored; NaT stays NaT.
    fn convert_units(&self, from: DateTimeUnit, to_unit: DateTimeUnit, datetime: bool, to: &Descr) -> Result<DynArray> {
        crate::print::check_conversion_factor(from.unit, to_unit.unit)?;
        if self.size() == 0 {
            // An empty buffer's address need not suit a typed view.
            return DynArray::zeros(&self.shape, to);
        }
        let (num, den) = crate::print::unit_factor(from, to_unit)?;
        let src = self.native_aligned();
        let v = src.with_descr_view(DType::Int64.into());
        let calendar = |u: TimeUnit| matches!(u, TimeUnit::Year | TimeUnit::Month);
        let generic = from.unit == TimeUnit::Generic || to_unit.unit == TimeUnit::Generic;
        if datetime && !generic && from != to_unit && (calendar(from.unit) || calendar(to_unit.unit)) {
            let counts = v.typed::<i64>()?;
            // Fails only for generic units, excluded above; reported rather than hidden.
            let failed = std::sync::atomic::AtomicBool::new(false);
            let out = crate::zip::map(&counts, |x| {
                crate::print::convert_datetime(x, from, to_unit).unwrap_or_else(|_| {
                    failed.store(true, std::sync::atomic::Ordering::Relaxed);
                    NAT
                })
            });
            if failed.into_inner() {
                return Err(Error::GenericDateTime);
            }
            return Ok(DynArray::from(out).with_descr(to.clone()));
        }
        let out = crate::zip::map(&v.typed::<i64>()?, move |x| {
            if x == i64::MIN {
                return x;
            }
            crate::print::scale_floor(x, num, den)
        });
        Ok(DynArray::from(out).with_descr(to.clone()))
    }

    fn cast_records(&self, to: &Descr) -> Result<DynArray> {
        let mut out = DynArray::zeros(&self.shape, to)?;
        match (self.descr.record_layout_of(), to.record_layout_of()) {
            (Some(a), Some(b)) => {
                if a.fields().len() != b.fields().len() {
                    return Err(cast_error(&self.descr, to, Casting::Unsafe));
                }
                for i in 0..a.fields().len() {
                    let src = self.field_at(i);
                    out.field_at_mut(i).assign(&src)?;
                }
            }
            (None, Some(b)) => {
                for i in 0..b.fields().len() {
                    out.field_at_mut(i).assign(&self.view())?;
                }
            }
            (Some(a), None) if a.fields().len() == 1 => return self.field_at(0).astype(to),
            _ => return Err(cast_error(&self.descr, to, Casting::Unsafe)),
        }
        Ok(out)
    }
}

/// A fresh `U`/`S` array of `shape` in `to` holding `strings` (C order), each truncated to
/// the target's width.
fn write_strings(shape: &[usize], to: &Descr, strings: &[String]) -> Result<DynArray> {
    let out = DynArray::zeros(shape, to)?;
    let item = to.itemsize();
    for (i, s) in strings.iter().enumerate() {
        // SAFETY: element `i` of the fresh C-contiguous buffer of `strings.len()` items.
        unsafe {
            let p = out.ptr.as_ptr().add(i * item);
            match to.kind_of() {
                DescrKind::Unicode(n) => write_unicode(p, *n, s, false),
                DescrKind::Bytes(n) => write_bytes(p, *n, s.as_bytes()),
                _ => unreachable!("string target"),
            }
        }
    }
    Ok(out)
}

impl DynArray {
    /// The values of a native-order array re-encoded in `to`'s byte order (fields included).
    fn with_byte_order_of(self, to: &Descr) -> DynArray {
        let mut segs = Vec::new();
        super::copy::swap_segments(to, 0, &mut segs);
        let mut out = self;
        if !segs.is_empty() {
            let (n, item) = (out.nbytes(), out.itemsize());
            // SAFETY: a fresh C-contiguous result holds `nbytes` bytes from `ptr`.
            let bytes = unsafe { std::slice::from_raw_parts_mut(out.ptr.as_ptr(), n) };
            for elem in bytes.chunks_exact_mut(item.max(1)) {
                for &(o, w) in &segs {
                    elem[o..o + w].reverse();
                }
            }
        }
        out.layout.descr = to.clone();
        out
    }

    /// The same buffer under another dtype, without a copy (`a.view(dtype)` that keeps
    /// ownership): both dtypes must be integers, floats, complex numbers, `datetime64` or
    /// `timedelta64` (any bit pattern is a valid element) of one item size and alignment.
    /// `datetime64[ns]` results become their `int64` counts this way, and back.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{Descr, DynArray};
    /// let counts = DynArray::from(array![0i64, 86_400]);
    /// let t = counts.into_dtype_view(&Descr::parse("M8[s]").unwrap()).unwrap();
    /// assert_eq!(t.dtype().name(), "datetime64[s]");
    /// ```
    ///
    /// # Errors
    /// [`Error::CastUnsupported`] for other dtypes (bool, strings, records) or a different
    /// item size or alignment.
    pub fn into_dtype_view(self, descr: &Descr) -> Result<DynArray> {
        let plain = |d: &Descr| {
            matches!(d.kind(), 'i' | 'u' | 'f' | 'c' | 'M' | 'm')
                && d.numeric() != Some(DType::Bool)
                && !d.is_compound()
        };
        if !plain(&self.descr)
            || !plain(descr)
            || self.itemsize() != descr.itemsize()
            || self.descr.alignment() != descr.alignment()
        {
            return Err(Error::CastUnsupported { from: self.descr.clone(), to: descr.clone() });
        }
        Ok(self.with_descr(descr.clone()))
    }

    /// The same bytes under another dtype of the same item size.
    pub(crate) fn with_descr(mut self, d: Descr) -> DynArray {
        debug_assert_eq!(d.itemsize(), self.itemsize());
        self.layout.descr = d;
        self
    }
}

impl<S: DynData + DynDataMut> DynBase<S> {
    /// Copies `src` into `self` (`self[...] = src`): `src` is broadcast to `self`'s shape
    /// and cast to its dtype with [`astype`](DynBase::astype)'s results.
    ///
    /// # Errors
    /// Shapes that do not broadcast, and conversion errors.
    pub fn assign<S2: DynData>(&mut self, src: &DynBase<S2>) -> Result<()> {
        if src.descr == self.descr {
            return self.assign_same_dtype(src);
        }
        let cast = src.astype(&self.descr)?;
        self.assign_same_dtype(&cast)
    }

    /// Copies a typed array into `self`, casting as [`assign`](Self::assign).
    ///
    /// # Errors
    /// As [`assign`](Self::assign).
    pub fn assign_typed<T: Element + Cast, S2: crate::storage::Data<Elem = T>>(
        &mut self,
        src: &crate::ArrayBase<S2>,
    ) -> Result<()> {
        let v = super::DynView::from(src.view());
        self.assign(&v)
    }
}
