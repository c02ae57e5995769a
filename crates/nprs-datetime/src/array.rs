//! Arrays of datetimes from strings (`np.array(strings, dtype='M8')`) and
//! `datetime_as_string` of a `datetime64` array.

use nprs_core::DynArray;
use nprs_core::dtype::{ByteOrder, DateTimeUnit, Descr, TimeUnit};
use nprs_core::print::NAT;

use crate::error::{Error, Result};
use crate::format::{AsString, AsStringUnit, Timezone};
use crate::parse::{parse_datetime, parse_datetime_as};
use crate::scalar::{DateTime64, TimeDelta64};

/// True for the strings NumPy reads as NaT (`""`, `"NaT"` in any case).
fn is_nat_string(s: &str) -> bool {
    s.is_empty() || s.eq_ignore_ascii_case("nat")
}

/// NumPy's `np.array(strings, dtype='M8')` (`unit` `None`) or `dtype='M8[unit]'`: a 1-d
/// `datetime64` array. Without a unit, the finest unit any string implies is used (generic
/// when every string is NaT or there are none).
///
/// # Errors
/// The parse errors of [`parse_datetime`]; NumPy's `ValueError` "Cannot create a NumPy
/// datetime other than NaT with generic units" when no string implies a unit but one is
/// not NaT; `TypeError` for an unknown unit.
///
/// ```
/// let a = nprs_datetime::datetime_array(&["2026", "2026-03-01T12", "NaT"], None).unwrap();
/// assert_eq!(a.dtype().name(), "datetime64[h]");
/// ```
pub fn datetime_array(strings: &[&str], unit: Option<&str>) -> Result<DynArray> {
    let unit = match unit {
        Some(u) => crate::parse_unit(u)?,
        None => {
            // Strings that fail to parse imply nothing here; they fail below.
            let finest = strings
                .iter()
                .filter_map(|s| parse_datetime(s).ok())
                .map(|p| p.value.unit().unit)
                .filter(|&u| u != TimeUnit::Generic)
                .max();
            DateTimeUnit::new(finest.unwrap_or(TimeUnit::Generic))
        }
    };
    let mut bytes = Vec::with_capacity(strings.len() * 8);
    for s in strings {
        let count = if unit.unit == TimeUnit::Generic {
            if !is_nat_string(s) {
                return Err(Error::GenericUnits);
            }
            NAT
        } else {
            parse_datetime_as(s, unit)?.value.count()
        };
        bytes.extend_from_slice(&count.to_ne_bytes());
    }
    let descr = Descr::datetime(unit.unit, unit.num);
    Ok(DynArray::from_bytes(&bytes, &descr, &[strings.len()])?)
}

/// NumPy's `np.datetime_as_string(a, unit, timezone)` of a `datetime64` array: the strings
/// in C order (`unit` `None`, `"auto"` or a unit code; `timezone` `"naive"`, `"UTC"` or
/// `"local"`, the process's zone as [`Timezone::Local`]).
///
/// # Errors
/// NumPy's `TypeError` "input must have type NumPy datetime" for other dtypes, and the
/// errors of [`datetime_as_string_with`](crate::datetime_as_string_with).
///
/// ```
/// let a = nprs_datetime::datetime_array(&["2026-03-01", "1969-12-31T23:59:59.5"], None).unwrap();
/// let s = nprs_datetime::datetime_as_string_array(&a, Some("auto"), "naive").unwrap();
/// assert_eq!(s, ["2026-03-01", "1969-12-31T23:59:59.500"]);
/// ```
pub fn datetime_as_string_array(a: &DynArray, unit: Option<&str>, timezone: &str) -> Result<Vec<String>> {
    datetime_as_string_array_casting(a, unit, timezone, "same_kind")
}

/// [`datetime_as_string_array`] with NumPy's `casting=` argument: a `unit` other than the
/// array's own (and other than `"auto"`) must be reachable under the rule (`"no"` and
/// `"equiv"` only the same unit, `"safe"` a finer one, `"same_kind"` and `"unsafe"` any).
///
/// # Errors
/// As [`datetime_as_string_array`]; NumPy's `TypeError` "Cannot create a datetime string
/// as units 'D' from a NumPy datetime with units 's' according to the rule 'safe'" and
/// its `ValueError` for an unknown rule.
///
/// ```
/// let a = nprs_datetime::datetime_array(&["2026-03-01T12:30:05"], None).unwrap();
/// let e = nprs_datetime::datetime_as_string_array_casting(&a, Some("D"), "naive", "safe").unwrap_err();
/// assert_eq!(e.numpy_kind(), "TypeError");
/// let s = nprs_datetime::datetime_as_string_array_casting(&a, Some("ms"), "naive", "safe").unwrap();
/// assert_eq!(s, ["2026-03-01T12:30:05.000"]);
/// ```
pub fn datetime_as_string_array_casting(
    a: &DynArray,
    unit: Option<&str>,
    timezone: &str,
    casting: &str,
) -> Result<Vec<String>> {
    let tz = Timezone::parse(timezone)?;
    datetime_as_string_array_in(a, unit, tz, casting)
}

/// [`datetime_as_string_array_casting`] with the timezone as a [`Timezone`], such as
/// `'local'` in an explicit zone ([`Timezone::Zone`]) rather than the process's.
///
/// # Errors
/// As [`datetime_as_string_array_casting`]; NumPy's `TypeError` for a local time shown as
/// a date (a unit of days or coarser) unless `casting` is `"unsafe"`.
///
/// ```
/// use nprs_datetime::{TimeZone, Timezone, datetime_array, datetime_as_string_array_in};
///
/// let paris = TimeZone::from_posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
/// let a = datetime_array(&["2026-03-29T00:59:59", "2026-03-29T01:00:00"], None).unwrap();
/// let s = datetime_as_string_array_in(&a, None, Timezone::Zone(&paris), "same_kind").unwrap();
/// assert_eq!(s, ["2026-03-29T01:59:59+0100", "2026-03-29T03:00:00+0200"]);
/// let d = datetime_as_string_array_in(&a, Some("D"), Timezone::Zone(&paris), "same_kind");
/// assert_eq!(d.unwrap_err().numpy_kind(), "TypeError");
/// ```
pub fn datetime_as_string_array_in(
    a: &DynArray,
    unit: Option<&str>,
    tz: Timezone<'_>,
    casting: &str,
) -> Result<Vec<String>> {
    let (own, out, unsafe_casting) = as_string_arguments(a, unit, casting)?;
    let zone = AsString::process_zone(tz);
    let format = AsString::new(own, out, tz, &zone, unsafe_casting);
    let mut strings = Vec::with_capacity(a.size());
    for count in counts(a) {
        let mut s = String::with_capacity(ISO_CAPACITY);
        format.write(count, &mut s)?;
        strings.push(s);
    }
    Ok(strings)
}

/// The array's unit, the unit to show and whether casting is `unsafe`, after NumPy's
/// checks of `datetime_as_string`'s arguments.
fn as_string_arguments(a: &DynArray, unit: Option<&str>, casting: &str) -> Result<(DateTimeUnit, AsStringUnit, bool)> {
    let dtype = a.dtype();
    let own = match dtype.datetime_unit() {
        Some(u) if dtype.kind() == 'M' => u,
        _ => return Err(Error::NotDatetimeInput),
    };
    // datetime_as_string words this error without the "or" of nprs-core's.
    let rule: nprs_core::Casting = casting.parse().map_err(|_| Error::CastingName(casting.to_string()))?;
    let out = unit.map_or(Ok(AsStringUnit::Own), AsStringUnit::parse)?;
    if let AsStringUnit::Unit(to) = out {
        let target = Descr::datetime(to, 1);
        if !nprs_core::can_cast(&Descr::datetime(own.unit, own.num), &target, rule) {
            return Err(Error::AsStringCasting {
                unit: to.code(),
                own: if own.unit == TimeUnit::Generic { "generic" } else { own.unit.code() },
                casting: rule.name(),
            });
        }
    }
    Ok((own, out, rule == nprs_core::Casting::Unsafe))
}

/// The width of NumPy's `U` result of `datetime_as_string` (its longest string for the
/// unit, with room for a local offset).
fn iso_width(own: DateTimeUnit, out: AsStringUnit, local: bool) -> usize {
    const WIDTH: [usize; 13] = [22, 25, 28, 28, 32, 35, 38, 42, 45, 48, 51, 54, 57];
    let unit = match out {
        AsStringUnit::Auto => return 62,
        AsStringUnit::Own if own.unit == TimeUnit::Generic => return 4,
        AsStringUnit::Own => own.unit,
        AsStringUnit::Unit(u) => u,
    };
    let order = [
        TimeUnit::Year,
        TimeUnit::Month,
        TimeUnit::Week,
        TimeUnit::Day,
        TimeUnit::Hour,
        TimeUnit::Minute,
        TimeUnit::Second,
        TimeUnit::Millisecond,
        TimeUnit::Microsecond,
        TimeUnit::Nanosecond,
        TimeUnit::Picosecond,
        TimeUnit::Femtosecond,
        TimeUnit::Attosecond,
    ];
    let k = order.iter().position(|&u| u == unit).unwrap_or(order.len() - 1);
    WIDTH[k] + if local && unit >= TimeUnit::Hour { 4 } else { 0 }
}

/// NumPy's `np.datetime_as_string(a, unit, timezone, casting)` as NumPy returns it: a `U`
/// array of `a`'s shape, as wide as NumPy makes it (`<U38` for seconds), written without
/// a string per element.
///
/// # Errors
/// As [`datetime_as_string_array_in`].
///
/// ```
/// use nprs_datetime::{Timezone, datetime_array, datetime_as_string_ndarray};
///
/// let a = datetime_array(&["2026-03-01T12:30:05", "NaT"], None).unwrap();
/// let u = datetime_as_string_ndarray(&a, None, Timezone::Utc, "same_kind").unwrap();
/// assert_eq!(u.dtype().str(), "<U38");
/// assert_eq!(u.to_string(), "['2026-03-01T12:30:05Z' 'NaT']");
/// ```
pub fn datetime_as_string_ndarray(
    a: &DynArray,
    unit: Option<&str>,
    tz: Timezone<'_>,
    casting: &str,
) -> Result<DynArray> {
    let (own, out, unsafe_casting) = as_string_arguments(a, unit, casting)?;
    let zone = AsString::process_zone(tz);
    let format = AsString::new(own, out, tz, &zone, unsafe_casting);
    let width = iso_width(own, out, matches!(tz, Timezone::Local | Timezone::Zone(_)));
    let mut bytes = vec![0u8; a.size() * width * 4];
    let mut text = String::with_capacity(ISO_CAPACITY);
    for (count, slot) in counts(a).zip(bytes.chunks_exact_mut(width * 4)) {
        text.clear();
        format.write(count, &mut text)?;
        if text.len() > width {
            return Err(Error::IsoTooShort(width));
        }
        // The text is ASCII: one code point per byte.
        for (b, point) in text.bytes().zip(slot.chunks_exact_mut(4)) {
            point.copy_from_slice(&u32::from(b).to_ne_bytes());
        }
    }
    let descr = Descr::parse(&format!("U{width}"))?;
    Ok(DynArray::from_bytes(&bytes, &descr, a.shape())?)
}

/// Room for the ISO text of a datetime down to seconds with an offset, without growing.
const ISO_CAPACITY: usize = 32;

/// The counts of a datetime or timedelta array in C order, in native byte order.
fn counts(a: &DynArray) -> impl Iterator<Item = i64> + '_ {
    let big = a.dtype().byte_order() == ByteOrder::Big;
    let bytes = a.to_bytes();
    (0..bytes.len() / 8).map(move |k| {
        let mut raw = [0u8; 8];
        raw.copy_from_slice(&bytes[8 * k..8 * k + 8]);
        if big { i64::from_be_bytes(raw) } else { i64::from_le_bytes(raw) }
    })
}

/// The elements of a `datetime64` array as scalars, in C order (NumPy's `list(a.flat)`):
/// `datetime_scalars(&a)?[i].item()` is `a.flat[i].item()`, a chrono date or date-time
/// where NumPy gives a Python one.
///
/// # Errors
/// [`Error::WrongKind`] (a `TypeError`) when `a` is not a `datetime64` array.
///
/// ```
/// let a = nprs_datetime::datetime_array(&["2026-03-01", "NaT"], None).unwrap();
/// let d = nprs_datetime::datetime_scalars(&a).unwrap();
/// assert_eq!(d[0].to_string(), "2026-03-01");
/// assert!(d[1].is_nat());
/// ```
pub fn datetime_scalars(a: &DynArray) -> Result<Vec<DateTime64>> {
    match a.dtype().datetime_unit() {
        Some(u) if a.dtype().kind() == 'M' => Ok(counts(a).map(|c| DateTime64::from_raw(c, u)).collect()),
        _ => Err(Error::WrongKind { expected: "datetime64", dtype: a.dtype().to_string() }),
    }
}

/// The elements of a `timedelta64` array as scalars, in C order (`list(a.flat)`);
/// `.item()` of each is NumPy's (a chrono `TimeDelta`, the count, or NaT).
///
/// # Errors
/// [`Error::WrongKind`] (a `TypeError`) when `a` is not a `timedelta64` array.
pub fn timedelta_scalars(a: &DynArray) -> Result<Vec<TimeDelta64>> {
    match a.dtype().datetime_unit() {
        Some(u) if a.dtype().kind() == 'm' => Ok(counts(a).map(|c| TimeDelta64::new(c, u)).collect()),
        _ => Err(Error::WrongKind { expected: "timedelta64", dtype: a.dtype().to_string() }),
    }
}
