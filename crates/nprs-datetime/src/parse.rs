//! ISO 8601 strings to datetimes, as `np.datetime64(string)` and
//! `np.datetime64(string, unit)` parse them.
//!
//! The parser is nprs-core's ([`parse_iso_datetime`], also behind `DynArray::astype` of
//! strings to `datetime64`): NumPy's grammar, `NaT`, `today` and `now`, the unit inferred
//! from the string, and a trailing `Z` or `±hh[[:]mm]` offset applied with NumPy's
//! `UserWarning` "no explicit representation of timezones available for np.datetime64",
//! reported through [`nprs_core::warnings`] (printed, ignored, recorded or raised as the
//! thread's filter says).

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
pub use nprs_core::print::TIMEZONE_WARNING;
use nprs_core::print::{IsoDateTime, NAT, parse_iso_datetime, warn_timezone};

use crate::convert::fields_to_count;
use crate::error::{Error, Result};
use crate::scalar::DateTime64;

/// A parsed datetime and whether NumPy would have warned about its timezone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The value.
    pub value: DateTime64,
    /// True when the string had a timezone (`Z`, an offset, or trailing whitespace after a
    /// time), where NumPy warns with [`TIMEZONE_WARNING`] (the parse functions have
    /// reported that warning through [`nprs_core::warnings`]).
    pub timezone_warning: bool,
}

/// Parses `s`, reporting NumPy's timezone warning.
fn find(s: &str) -> Result<IsoDateTime> {
    let found = parse_iso_datetime(s)?;
    warn_timezone(&found)?;
    Ok(found)
}

fn finish(found: &IsoDateTime, unit: DateTimeUnit) -> Result<Parsed> {
    let count = if found.is_nat() {
        NAT
    } else if unit.unit == TimeUnit::Generic {
        return Err(Error::GenericUnits);
    } else {
        fields_to_count(&found.fields, unit)?
    };
    Ok(Parsed { value: DateTime64::from_raw(count, unit), timezone_warning: found.timezone })
}

/// NumPy's `np.datetime64(s)`: parses an ISO 8601 string, taking the unit from it
/// (`"2026-03-01"` is in days, `"2026-03-01T12:30"` in minutes, `"NaT"` generic).
///
/// # Errors
/// NumPy's `ValueError`s: `Error parsing datetime string "…" at position N`, `Month out of
/// range in datetime string "…"` (and Day, Hours, Minutes, Seconds, timezone offsets).
///
/// ```
/// use nprs_datetime::parse_datetime;
///
/// let p = parse_datetime("2026-03-01").unwrap();
/// assert_eq!(p.value.count(), 20513);
/// assert_eq!(p.value.to_string(), "2026-03-01");
/// let e = parse_datetime("2026-13-01").unwrap_err();
/// assert_eq!(e.to_string(), "Month out of range in datetime string \"2026-13-01\"");
/// ```
pub fn parse_datetime(s: &str) -> Result<Parsed> {
    let found = find(s)?;
    finish(&found, DateTimeUnit::new(found.unit))
}

/// NumPy's `np.datetime64(s, unit)`: parses an ISO 8601 string into the given unit,
/// flooring what the unit cannot hold (`"2026-03-01T12:30"` as days is `2026-03-01`).
///
/// # Errors
/// As [`parse_datetime`], and NumPy's `ValueError` for a value other than NaT in generic
/// units.
///
/// ```
/// use nprs_core::dtype::{DateTimeUnit, TimeUnit};
/// use nprs_datetime::parse_datetime_as;
///
/// let week = DateTimeUnit::new(TimeUnit::Week);
/// assert_eq!(parse_datetime_as("2026-03-01", week).unwrap().value.to_string(), "2026-02-26");
/// ```
pub fn parse_datetime_as(s: &str, unit: DateTimeUnit) -> Result<Parsed> {
    finish(&find(s)?, unit)
}

/// `np.datetime64(s)` ignoring the timezone warning: the value of [`parse_datetime`].
///
/// # Errors
/// As [`parse_datetime`].
///
/// ```
/// let d = nprs_datetime::datetime64("2026-03-01T12").unwrap();
/// assert_eq!(format!("{d:?}"), "np.datetime64('2026-03-01T12','h')");
/// ```
pub fn datetime64(s: &str) -> Result<DateTime64> {
    Ok(parse_datetime(s)?.value)
}

/// `np.datetime64(s, unit)` with the unit as a string (`"D"`, `"10ms"`), ignoring the
/// timezone warning.
///
/// # Errors
/// As [`parse_datetime_as`], and NumPy's `TypeError` for an unknown unit.
///
/// ```
/// let d = nprs_datetime::datetime64_as("2026-03-01", "2D").unwrap();
/// assert_eq!(d.to_string(), "2026-02-28");
/// ```
pub fn datetime64_as(s: &str, unit: &str) -> Result<DateTime64> {
    Ok(parse_datetime_as(s, crate::parse_unit(unit)?)?.value)
}
