//! `item()` and chrono interop (the `chrono` feature).
//!
//! NumPy's `datetime64.item()` gives `None` for NaT, a `datetime.date` for years, months,
//! weeks and days, a `datetime.datetime` for hours down to microseconds — when the year is
//! within 1..=9999, Python's range — and the raw count otherwise (nanoseconds and finer
//! always). [`DateTime64::item`] follows the same rules with chrono's types.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::print::DateTimeFields;

use crate::error::{Error, Result};
use crate::scalar::{DateTime64, TimeDelta64};

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

/// What [`TimeDelta64::item`] gives: NumPy's `item()` of a `timedelta64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeDeltaItem {
    /// NaT (`None`).
    NaT,
    /// A duration (`datetime.timedelta`), for weeks down to microseconds.
    TimeDelta(TimeDelta),
    /// The raw count (`int`): years, months, nanoseconds and finer, generic units, or more
    /// than 999 999 999 days (Python's limit).
    Int(i64),
}

/// Python's `timedelta.max.days`.
const MAX_TIMEDELTA_DAYS: i128 = 999_999_999;

impl TimeDelta64 {
    /// The value in microseconds when its unit is weeks down to microseconds.
    fn micros(&self) -> Option<i128> {
        let per = match self.unit().unit {
            TimeUnit::Week => 7 * 86_400_000_000,
            TimeUnit::Day => 86_400_000_000,
            TimeUnit::Hour => 3_600_000_000,
            TimeUnit::Minute => 60_000_000,
            TimeUnit::Second => 1_000_000,
            TimeUnit::Millisecond => 1000,
            TimeUnit::Microsecond => 1,
            _ => return None,
        };
        Some(i128::from(self.count()) * i128::from(self.unit().num) * per)
    }

    /// NumPy's `item()`: a chrono `TimeDelta` where NumPy gives a `datetime.timedelta`
    /// (weeks down to microseconds, within ±999 999 999 days), the raw count where it gives
    /// an `int`, [`TimeDeltaItem::NaT`] for NaT.
    ///
    /// ```
    /// use nprs_core::dtype::{DateTimeUnit, TimeUnit};
    /// use nprs_datetime::{TimeDelta64, TimeDeltaItem};
    ///
    /// let d = TimeDelta64::new(5, DateTimeUnit::new(TimeUnit::Day));
    /// assert_eq!(d.item(), TimeDeltaItem::TimeDelta(chrono::TimeDelta::days(5)));
    /// ```
    #[must_use]
    pub fn item(&self) -> TimeDeltaItem {
        if self.is_nat() {
            return TimeDeltaItem::NaT;
        }
        match self.micros() {
            Some(us) if us.div_euclid(86_400_000_000).abs() <= MAX_TIMEDELTA_DAYS => {
                // Within ±10^9 days the seconds fit an i64 and chrono's range.
                let secs = us.div_euclid(1_000_000) as i64;
                let nanos = (us.rem_euclid(1_000_000) * 1000) as u32;
                TimeDelta::new(secs, nanos).map_or(TimeDeltaItem::Int(self.count()), TimeDeltaItem::TimeDelta)
            }
            _ => TimeDeltaItem::Int(self.count()),
        }
    }
}

impl TryFrom<TimeDelta64> for TimeDelta {
    type Error = Error;

    /// The duration in chrono's terms, for every unit from weeks to nanoseconds (finer
    /// units are floored to nanoseconds).
    ///
    /// # Errors
    /// [`Error::Overflow`] for NaT, years, months, generic units or a duration beyond
    /// chrono's range.
    fn try_from(d: TimeDelta64) -> Result<Self> {
        let fail = || Error::Overflow(format!("cannot convert {} to a chrono TimeDelta", d.repr()));
        if d.is_nat() || matches!(d.unit().unit, TimeUnit::Year | TimeUnit::Month | TimeUnit::Generic) {
            return Err(fail());
        }
        let ns_unit = DateTimeUnit::new(TimeUnit::Nanosecond);
        let total = i128::from(d.count()) * i128::from(d.unit().num);
        let per_ns: i128 = match d.unit().unit {
            TimeUnit::Picosecond => -1_000,
            TimeUnit::Femtosecond => -1_000_000,
            TimeUnit::Attosecond => -1_000_000_000,
            u => i128::from(nprs_core::print::linear_unit_factor(u, ns_unit.unit)),
        };
        let ns = if per_ns < 0 { total.div_euclid(-per_ns) } else { total * per_ns };
        let secs = i64::try_from(ns.div_euclid(1_000_000_000)).map_err(|_| fail())?;
        TimeDelta::new(secs, (ns.rem_euclid(1_000_000_000)) as u32).ok_or_else(fail)
    }
}

impl From<TimeDelta> for TimeDelta64 {
    /// `np.timedelta64(timedelta)`: microseconds (`m8[us]`), as NumPy converts a Python
    /// `timedelta`; nanoseconds below the microsecond are floored, and durations beyond
    /// the `i64` microsecond range saturate.
    fn from(t: TimeDelta) -> Self {
        let ns = i128::from(t.num_seconds()) * 1_000_000_000 + i128::from(t.subsec_nanos());
        let us = ns.div_euclid(1000);
        let us = i64::try_from(us).unwrap_or(if us < 0 { i64::MIN + 1 } else { i64::MAX });
        TimeDelta64::new(us, DateTimeUnit::new(TimeUnit::Microsecond))
    }
}
