//! `astype` between datetimes and strings (`U`/`S`), which nprs-core's cast cannot do on
//! its own: parsing ISO 8601 lives in this crate.

use nprs_core::dtype::{DType, Descr, DescrKind, TimeUnit};
use nprs_core::print::NAT;
use nprs_core::scalar::Scalar;
use nprs_core::{Array, DynArray};

use crate::error::{Error, Result};

/// The width NumPy gives `astype('U')` / `astype('S')` of a `datetime64` of `unit`.
fn iso_width(unit: TimeUnit) -> usize {
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

/// The 64-bit counts of a `datetime64`/`timedelta64` array, in C order.
fn counts(a: &DynArray) -> Result<Vec<i64>> {
    let native = a.astype(&a.dtype().to_native())?;
    Ok(native.view_dtype(&DType::Int64.into())?.to_owned().typed::<i64>()?.to_vec())
}

/// NumPy's `a.astype(to)` including the casts between `datetime64`/`timedelta64` and
/// strings: `U`/`S` arrays are parsed (`astype('M8')` infers the finest unit the strings
/// imply; `astype('m8[s]')` reads integers and `NaT`), and datetimes become their ISO 8601
/// text (`timedelta64` their `str()`, `5 seconds`), in NumPy's width when the target has
/// none. Every other cast is nprs-core's [`astype`](nprs_core::DynBase::astype).
///
/// # Errors
/// The parse errors of [`parse_datetime`](crate::parse_datetime); NumPy's `ValueError` for
/// a generic-unit datetime that is not NaT; "The string provided for NumPy ISO datetime
/// formatting was too short" for a string target narrower than a value; nprs-core's cast
/// errors.
///
/// ```
/// use nprs_core::dtype::Descr;
/// use nprs_core::DynArray;
///
/// let s = DynArray::from_scalars(&[2], &Descr::parse("U10").unwrap(), &["2026-03-01".into(), "NaT".into()]).unwrap();
/// let d = nprs_datetime::astype(&s, &Descr::parse("M8").unwrap())?;
/// assert_eq!(d.dtype().name(), "datetime64[D]");
/// let back = nprs_datetime::astype(&d, &Descr::parse("U").unwrap())?;
/// assert_eq!(back.dtype().str(), "<U28");
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
pub fn astype(a: &DynArray, to: &Descr) -> Result<DynArray> {
    let from = a.dtype();
    match (from.kind(), to.kind()) {
        ('U' | 'S', 'M') => strings_to_datetimes(a, to),
        ('U' | 'S', 'm') => strings_to_timedeltas(a, to),
        ('M' | 'm', 'U' | 'S') => times_to_strings(a, to),
        _ => Ok(a.astype(to)?),
    }
}

/// The elements of a string array as Rust strings, in C order.
fn texts(a: &DynArray) -> Vec<String> {
    a.to_scalars()
        .into_iter()
        .map(|v| match v {
            Scalar::Str(s) => s,
            Scalar::Bytes(b) => String::from_utf8_lossy(&b).into_owned(),
            other => other.to_string(),
        })
        .collect()
}

fn strings_to_datetimes(a: &DynArray, to: &Descr) -> Result<DynArray> {
    let strings = texts(a);
    let refs: Vec<&str> = strings.iter().map(|s| s.trim_end_matches('\0')).collect();
    let unit = to.datetime_unit().filter(|u| u.unit != TimeUnit::Generic).map(crate::unit_str);
    let flat = crate::datetime_array(&refs, unit.as_deref())?;
    let out = flat.into_shape(a.shape())?;
    Ok(if to.is_native() { out } else { out.astype(to)? })
}

fn strings_to_timedeltas(a: &DynArray, to: &Descr) -> Result<DynArray> {
    let unit = to.datetime_unit().unwrap_or(nprs_core::dtype::DateTimeUnit::new(TimeUnit::Generic));
    let mut values = Vec::with_capacity(a.size());
    for s in texts(a) {
        let t = s.trim();
        values.push(if t.is_empty() || t.eq_ignore_ascii_case("nat") {
            NAT
        } else {
            t.parse::<i64>().map_err(|_| Error::Parse { string: s.clone(), position: 0 })?
        });
    }
    let descr = Descr::timedelta(unit.unit, unit.num);
    let out = DynArray::from(Array::from_shape_vec(a.shape(), values)?).view_dtype(&descr)?.to_owned();
    Ok(if to.is_native() { out } else { out.astype(to)? })
}

fn times_to_strings(a: &DynArray, to: &Descr) -> Result<DynArray> {
    let d = a.dtype();
    let unit = d.datetime_unit().ok_or(Error::NotDatetime)?;
    let texts: Vec<String> = if d.kind() == 'M' {
        counts(a)?
            .into_iter()
            .map(|c| nprs_core::print::datetime_as_string(c, unit).map_err(Error::from))
            .collect::<Result<_>>()?
    } else {
        counts(a)?.into_iter().map(|c| nprs_core::print::timedelta_str(c, unit)).collect()
    };
    let default = if d.kind() == 'M' { iso_width(unit.unit) } else { 21 };
    let width = match to.kind_of() {
        DescrKind::Unicode(0) | DescrKind::Bytes(0) => default,
        DescrKind::Unicode(n) | DescrKind::Bytes(n) => *n,
        _ => default,
    };
    if d.kind() == 'M' && texts.iter().any(|t| t.len() > width) {
        return Err(Error::IsoTooShort(width));
    }
    let target = if to.kind() == 'U' { Descr::unicode(width) } else { Descr::bytes(width) };
    let values: Vec<Scalar> = texts
        .into_iter()
        .map(|t| if to.kind() == 'U' { Scalar::Str(t) } else { Scalar::Bytes(t.into_bytes()) })
        .collect();
    Ok(DynArray::from_scalars(a.shape(), &target, &values)?)
}
