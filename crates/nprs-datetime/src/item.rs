//! `item()` and chrono interop (the `chrono` feature).
//!
//! NumPy's `datetime64.item()` gives `None` for NaT, a `datetime.date` for years, months,
//! weeks and days, a `datetime.datetime` for hours down to microseconds — when the year is
//! within 1..=9999, Python's range — and the raw count otherwise (nanoseconds and finer
//! always). [`DateTime64::item`] follows the same rules with chrono's types.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::print::DateTimeFields;

use crate::error::{Error, Result};
use crate::scalar::DateTime64;

/// What [`DateTime64::item`] gives: NumPy's `item()` in Rust types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// NaT (`None`).
    NaT,
    /// A date (`datetime.date`), for units of a day or coarser.
    Date(NaiveDate),
    /// A date and time (`datetime.datetime`), for hours down to microseconds.
    DateTime(NaiveDateTime),
    /// The raw count (`int`): nanoseconds and finer, or a year outside 1..=9999.
    Int(i64),
}

/// The chrono date and time of fields (microsecond precision), if chrono can hold them.
fn to_chrono(f: &DateTimeFields) -> Option<NaiveDateTime> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(f.year).ok()?, f.month.into(), f.day.into())?;
    let time = NaiveTime::from_hms_micro_opt(f.hour.into(), f.minute.into(), f.second.into(), f.us)?;
    Some(date.and_time(time))
}

impl DateTime64 {
    /// NumPy's `item()`: a chrono date or date-time where NumPy gives a Python one, the
    /// raw count where NumPy gives an `int`, [`Item::NaT`] for NaT.
    ///
    /// ```
    /// use nprs_datetime::{Item, datetime64};
    ///
    /// let d = datetime64("2026-03-01").unwrap();
    /// assert_eq!(d.item(), Item::Date(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()));
    /// assert_eq!(datetime64("2026-03-01T00:00:00.000000001").unwrap().item(), Item::Int(1_772_323_200_000_000_001));
    /// ```
    #[must_use]
    pub fn item(&self) -> Item {
        if self.is_nat() {
            return Item::NaT;
        }
        if self.unit().unit >= TimeUnit::Nanosecond {
            return Item::Int(self.count());
        }
        let Ok(f) = DateTimeFields::from_count(self.count(), self.unit()) else {
            return Item::Int(self.count());
        };
        match to_chrono(&f) {
            Some(dt) if (1..=9999).contains(&f.year) => {
                if self.unit().unit <= TimeUnit::Day {
                    Item::Date(dt.date())
                } else {
                    Item::DateTime(dt)
                }
            }
            _ => Item::Int(self.count()),
        }
    }
}

impl From<NaiveDate> for DateTime64 {
    /// `np.datetime64(date)`: days (`M8[D]`).
    fn from(d: NaiveDate) -> Self {
        let days = crate::days_from_civil(i64::from(d.year()), d.month() as u8, d.day() as u8);
        DateTime64::from_raw(days, DateTimeUnit::new(TimeUnit::Day))
    }
}

impl From<NaiveDateTime> for DateTime64 {
    /// `np.datetime64(datetime)`: microseconds (`M8[us]`), as NumPy converts a Python
    /// `datetime`; chrono's nanoseconds below the microsecond are dropped (floored).
    fn from(dt: NaiveDateTime) -> Self {
        let days = DateTime64::from(dt.date()).count();
        let t = dt.time();
        let secs = i64::from(t.num_seconds_from_midnight());
        let us = i64::from(t.nanosecond() / 1000);
        let count = days.wrapping_mul(86_400).wrapping_add(secs).wrapping_mul(1_000_000).wrapping_add(us);
        DateTime64::from_raw(count, DateTimeUnit::new(TimeUnit::Microsecond))
    }
}

impl TryFrom<DateTime64> for NaiveDateTime {
    type Error = Error;

    /// The value as a chrono date-time, to the microsecond (finer digits are floored).
    ///
    /// # Errors
    /// [`Error::Overflow`] for NaT or a date outside chrono's range (about ±262 000 years).
    fn try_from(d: DateTime64) -> Result<Self> {
        let fail = || Error::Overflow(format!("cannot convert {} to a chrono NaiveDateTime", d.repr()));
        if d.is_nat() {
            return Err(fail());
        }
        to_chrono(&DateTimeFields::from_count(d.count(), d.unit())?).ok_or_else(fail)
    }
}

impl TryFrom<DateTime64> for NaiveDate {
    type Error = Error;

    /// The date of the value (the time of day is dropped).
    ///
    /// # Errors
    /// As `NaiveDateTime::try_from`.
    fn try_from(d: DateTime64) -> Result<Self> {
        NaiveDateTime::try_from(d).map(|dt| dt.date())
    }
}
