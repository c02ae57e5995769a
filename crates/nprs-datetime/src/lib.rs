//! # nprs-datetime
//!
//! NumPy's `datetime64` and `timedelta64` for nprs: parsing ISO 8601 strings as
//! `np.datetime64` does ([`parse_datetime`], [`datetime64`], [`datetime_array`] with
//! NumPy's unit inference), formatting ([`datetime_as_string`],
//! [`datetime_as_string_array`] and the `str()`/`repr()` of [`DateTime64`] and
//! [`TimeDelta64`]), conversion between units as NumPy's casts ([`convert_units`]) and
//! [`datetime_data`]; with the `chrono` feature (on by default) `item()` and conversions
//! to and from chrono's `NaiveDate`, `NaiveDateTime` and `TimeDelta` (without it the crate
//! depends on nprs-core alone).
//!
//! `timezone='local'` and `'today'` use the local time zone as NumPy's C library finds it
//! ([`TimeZone::local`]: the `TZ` environment variable or `/etc/localtime`, read as TZif
//! files or POSIX TZ strings without a timezone dependency; UTC when the system has no
//! zone information); [`Timezone::Zone`] takes a zone explicitly.
//!
//! Ranges of datetimes and timedeltas ([`datetime_arange`], NumPy's `np.arange` with unit
//! promotion), [`isnat`], and NumPy's business-day functions: [`BusDayCalendar`]
//! (`busdaycalendar`: weekmask strings, names or flags; holidays normalised),
//! [`is_busday`], [`busday_offset`] (every `roll` mode) and [`busday_count`], broadcasting
//! their arguments. Arithmetic on datetime and timedelta arrays (`end - start`,
//! `gap / np.timedelta64(1, "D")`, comparisons, `maximum`, …) runs through nprs-ufunc's
//! ufuncs (`nprs_ufunc::ufuncs::SUBTRACT.call(…)`), which use this crate's unit conversion.
//!
//! Values are `i64` counts of a [`DateTimeUnit`](nprs_core::dtype::DateTimeUnit) since
//! 1970-01-01T00:00, `i64::MIN` being NaT, exactly as nprs-core stores `datetime64`
//! arrays; printing reuses nprs-core's ISO formatting.
//!
//! ```
//! use nprs_datetime::datetime64;
//!
//! let d = datetime64("2026-03-01").unwrap();
//! assert_eq!(d.to_string(), "2026-03-01");
//! assert_eq!(format!("{d:?}"), "np.datetime64('2026-03-01')");
//! assert_eq!(d.count(), 20513);
//! ```
#![forbid(unsafe_code)]

mod array;
mod busday;
mod cast;
mod convert;
mod error;
mod format;
#[cfg(feature = "chrono")]
mod item;
mod parse;
mod range;
mod scalar;
mod unit;

pub use array::{
    datetime_array, datetime_as_string_array, datetime_as_string_array_casting, datetime_as_string_array_in,
    datetime_as_string_ndarray, datetime_scalars, timedelta_scalars,
};
pub use busday::{BusDayCalendar, Roll, Weekmask, busday_count, busday_offset, is_busday};
pub use cast::astype;
pub use convert::{convert_units, days_from_civil, days_in_month, fields_to_count, is_leap_year};
pub use error::{Error, Result};
pub use format::{AsStringUnit, Timezone, datetime_as_string, datetime_as_string_with};
#[cfg(feature = "chrono")]
pub use item::{Item, TimeDeltaItem};
pub use nprs_core::print::{TimeZone, TimeZoneError, today_in};
pub use parse::{Parsed, TIMEZONE_WARNING, datetime64, datetime64_as, parse_datetime, parse_datetime_as};
pub use range::{RangeArg, datetime_arange, isnat};
pub use scalar::{DateTime64, TimeDelta64};
pub use unit::{datetime_data, parse_unit, unit_str};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
