//! `datetime64` and `timedelta64` values as NumPy prints them.
//!
//! A datetime is a signed 64-bit count of its unit since 1970-01-01T00:00 (`i64::MIN` is
//! NaT). Printing breaks the count into a civil date and a time of day
//! ([`DateTimeFields::from_count`]) and writes the ISO 8601 form down to the unit
//! ([`datetime_as_string`]): `2024-01-01`, `2024-01-01T12`, `1969-12-31T23:59:59.999`.
//! Years keep at least four digits, a minus sign counting as one (`-001`, `0005`, `12345`).
//! Weeks print as their first day.
//!
//! The conversion covers the whole `i64` range. Where NumPy's own arithmetic wraps around
//! (the largest year counts, week counts past `i64::MAX / 7`, multiplied units such as
//! `[10D]` at the ends of the range, and day counts within 10957 days of `i64::MIN`), the
//! same wrapped value is printed, so every count prints as NumPy prints it.
//!
//! The calendar arithmetic that casts share lives here too: [`days_from_civil`] and
//! [`DateTimeFields::to_count`] (the inverse direction), and [`convert_datetime`], NumPy's
//! `datetime64` cast of one count between units (`DynArray::astype` and nprs-datetime's
//! `convert_units` both use it).
//!
//! ```
//! use nprs_core::dtype::{DateTimeUnit, TimeUnit};
//! use nprs_core::print::{datetime_as_string, timedelta_str};
//!
//! let ns = DateTimeUnit::new(TimeUnit::Nanosecond);
//! assert_eq!(datetime_as_string(-1, ns).unwrap(), "1969-12-31T23:59:59.999999999");
//! let days = DateTimeUnit::new(TimeUnit::Day);
//! assert_eq!(datetime_as_string(19723, days).unwrap(), "2024-01-01");
//! assert_eq!(timedelta_str(5, days), "5 days");
//! ```

use crate::dtype::{DateTimeUnit, TimeUnit};
use crate::error::{Error, Result};

/// The count that means "not a time" (NaT).
pub const NAT: i64 = i64::MIN;

/// Days from 0000-03-01 to 2000-01-01 in the proleptic Gregorian calendar.
const DAYS_0000_03_01_TO_2000: i64 = 730_425;
/// Days from 1970-01-01 to 2000-01-01.
const DAYS_1970_TO_2000: i64 = 10_957;
/// Days in 400 Gregorian years.
const DAYS_PER_400_YEARS: i64 = 146_097;

/// The civil date (proleptic Gregorian calendar) `days` days after 1970-01-01:
/// `(year, month 1..=12, day 1..=31)`.
///
/// Dates are exact for every count except the 10957 lowest ones, where NumPy's count
/// relative to 2000-01-01 wraps around and lands in the far future; the same date is
/// returned here.
///
/// ```
/// use nprs_core::print::civil_from_days;
///
/// assert_eq!(civil_from_days(0), (1970, 1, 1));
/// assert_eq!(civil_from_days(-1), (1969, 12, 31));
/// assert_eq!(civil_from_days(11_016), (2000, 2, 29));
/// assert_eq!(civil_from_days(-719_528), (0, 1, 1));
/// ```
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
    // Whole 400-year cycles from 2000-01-01, then the date within the cycle.
    let since_2000 = days.wrapping_sub(DAYS_1970_TO_2000);
    let cycles = since_2000.div_euclid(DAYS_PER_400_YEARS);
    let in_cycle = since_2000.rem_euclid(DAYS_PER_400_YEARS);
    // Within the cycle, count from 0000-03-01 so that the leap day ends the year.
    let z = in_cycle + DAYS_0000_03_01_TO_2000;
    let era = z / DAYS_PER_400_YEARS;
    let doe = z - era * DAYS_PER_400_YEARS; // day of era, 0..=146096
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of era, 0..=399
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March-based year, 0..=365
    let mp = (5 * doy + 2) / 153; // month counted from March, 0..=11
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = era * 400 + yoe + i64::from(month <= 2);
    (year + 400 * cycles, month as u8, day as u8)
}

/// Whether `year` (astronomical numbering) is a Gregorian leap year.
///
/// ```
/// use nprs_core::print::is_leap_year;
///
/// assert!(is_leap_year(2000) && is_leap_year(-4) && !is_leap_year(1900));
/// ```
#[must_use]
pub const fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// The number of days of `month` (1..=12) in `year`.
#[must_use]
pub const fn days_in_month(year: i64, month: u8) -> u8 {
    const DAYS: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if month == 2 && is_leap_year(year) { 29 } else { DAYS[(month - 1) as usize] }
}

/// Leap years in `1..=y` (negative for `y < 0`: minus those in `y+1..=0`).
const fn leap_years_through(y: i64) -> i64 {
    y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

/// Days from 1970-01-01 to the civil date `year-month-day` (proleptic Gregorian), the
/// inverse of [`civil_from_days`]. Wraps around for years beyond about ±2.5·10¹⁶.
///
/// ```
/// use nprs_core::print::days_from_civil;
///
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2026, 3, 1), 20513);
/// assert_eq!(days_from_civil(0, 1, 1), -719_528);
/// ```
#[must_use]
pub fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let before_year = year
        .wrapping_sub(1970)
        .wrapping_mul(365)
        .wrapping_add(leap_years_through(year.wrapping_sub(1)))
        .wrapping_sub(leap_years_through(1969));
    const BEFORE_MONTH: [i64; 13] = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap_day = i64::from(month > 2 && is_leap_year(year));
    let before_month = BEFORE_MONTH[usize::from(month.min(12))] + leap_day;
    before_year.wrapping_add(before_month + i64::from(day) - 1)
}

/// Converts a `datetime64` count from one unit to another calendar-exactly, as NumPy's
/// datetime casts do: exact towards finer units, floored towards coarser ones (the day
/// `-10000-01-01` is in year `-10000`, `1969-12-31T23:59` is day -1), years and months
/// through the proleptic Gregorian calendar; NaT stays NaT and out-of-range results wrap
/// around as NumPy's do.
///
/// # Errors
/// NumPy's `ValueError` for a count other than NaT in generic units (either side).
///
/// ```
/// use nprs_core::dtype::{DateTimeUnit, TimeUnit};
/// use nprs_core::print::{convert_datetime, days_from_civil};
///
/// let (d, y) = (DateTimeUnit::new(TimeUnit::Day), DateTimeUnit::new(TimeUnit::Year));
/// assert_eq!(convert_datetime(days_from_civil(-10000, 1, 1), d, y).unwrap(), -11970);
/// assert_eq!(convert_datetime(days_from_civil(2024, 12, 31), d, y).unwrap(), 54);
/// ```
pub fn convert_datetime(count: i64, from: DateTimeUnit, to: DateTimeUnit) -> Result<i64> {
    if count == NAT || from == to {
        return Ok(count);
    }
    let calendar = |u: TimeUnit| matches!(u, TimeUnit::Year | TimeUnit::Month);
    if from.unit == TimeUnit::Generic || to.unit == TimeUnit::Generic || calendar(from.unit) || calendar(to.unit) {
        return DateTimeFields::from_count(count, from)?.to_count(to);
    }
    let (num, den) = unit_factor(from, to)?;
    Ok(scale_floor(count, num, den))
}

/// The factor `(num, denom)` converting counts of `src` units to `dst` units, with NumPy's
/// averaged year and month lengths (timedeltas; datetimes only between linear units).
pub(crate) fn unit_factor(src: DateTimeUnit, dst: DateTimeUnit) -> Result<(i128, i128)> {
    if src.unit == TimeUnit::Generic {
        return Ok((1, 1));
    }
    if dst.unit == TimeUnit::Generic {
        return Err(Error::GenericUnits);
    }
    let (a, b, swapped) = if src.unit <= dst.unit { (src.unit, dst.unit, false) } else { (dst.unit, src.unit, true) };
    let step = |from: TimeUnit, to: TimeUnit| -> i128 {
        let mut f: i128 = 1;
        let mut u = from;
        while u < to {
            f *= i128::from(u.step_factor());
            u = next_unit(u);
        }
        f
    };
    let (mut num, mut den): (i128, i128) = (1, 1);
    if a != b {
        match a {
            TimeUnit::Year => match b {
                TimeUnit::Month => num = 12,
                TimeUnit::Week => {
                    num = 97 + 400 * 365;
                    den = 400 * 7;
                }
                _ => {
                    num = (97 + 400 * 365) * step(TimeUnit::Day, b);
                    den = 400;
                }
            },
            TimeUnit::Month => match b {
                TimeUnit::Week => {
                    num = 97 + 400 * 365;
                    den = 400 * 12 * 7;
                }
                _ => {
                    num = (97 + 400 * 365) * step(TimeUnit::Day, b);
                    den = 400 * 12;
                }
            },
            _ => num = step(a, b),
        }
    }
    if swapped {
        std::mem::swap(&mut num, &mut den);
    }
    num *= i128::from(src.num);
    den *= i128::from(dst.num);
    let g = gcd(num, den);
    Ok((num / g, den / g))
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

fn next_unit(u: TimeUnit) -> TimeUnit {
    use TimeUnit::*;
    match u {
        Year => Month,
        Month => Week,
        Week => Day,
        Day => Hour,
        Hour => Minute,
        Minute => Second,
        Second => Millisecond,
        Millisecond => Microsecond,
        Microsecond => Nanosecond,
        Nanosecond => Picosecond,
        Picosecond => Femtosecond,
        Femtosecond | Attosecond | Generic => Attosecond,
    }
}

/// How many `little` make one `big` for linear units (weeks and finer, `big <= little`),
/// saturating at `u64::MAX`.
///
/// ```
/// use nprs_core::dtype::TimeUnit;
/// use nprs_core::print::linear_unit_factor;
///
/// assert_eq!(linear_unit_factor(TimeUnit::Day, TimeUnit::Second), 86_400);
/// ```
#[must_use]
pub fn linear_unit_factor(big: TimeUnit, little: TimeUnit) -> u64 {
    let mut factor = 1u64;
    let mut unit = big;
    while unit < little {
        factor = factor.saturating_mul(unit.step_factor());
        unit = next_unit(unit);
    }
    factor
}

/// Fails as NumPy does when the factor between two units is too large for its integer
/// arithmetic (2⁵⁶ or more: days to picoseconds, hours to femtoseconds, seconds to
/// attoseconds and anything coarser; years and months count from days). Generic units
/// pass.
///
/// # Errors
/// NumPy's `OverflowError` "Integer overflow while computing the conversion factor between
/// NumPy datetime units D and ps".
///
/// ```
/// use nprs_core::dtype::TimeUnit;
/// use nprs_core::print::check_conversion_factor;
///
/// assert!(check_conversion_factor(TimeUnit::Day, TimeUnit::Nanosecond).is_ok());
/// assert!(check_conversion_factor(TimeUnit::Picosecond, TimeUnit::Day).is_err());
/// ```
pub fn check_conversion_factor(a: TimeUnit, b: TimeUnit) -> Result<()> {
    if a == TimeUnit::Generic || b == TimeUnit::Generic {
        return Ok(());
    }
    let (big, little) = if a <= b { (a, b) } else { (b, a) };
    let start = match big {
        TimeUnit::Year | TimeUnit::Month if little > TimeUnit::Day => TimeUnit::Day,
        TimeUnit::Year | TimeUnit::Month => return Ok(()),
        other => other,
    };
    if linear_unit_factor(start, little) >= 1 << 56 {
        return Err(Error::DateTimeConversionFactor { big: big.code(), little: little.code() });
    }
    Ok(())
}

/// A count scaled by `num / den` as NumPy's int64 cast loop computes it: a wrapping product,
/// floored by hand for negative counts (the adjustment itself wrapping within `den` of the
/// lowest count, as NumPy's does).
pub(crate) fn scale_floor(x: i64, num: i128, den: i128) -> i64 {
    match (i64::try_from(num), i64::try_from(den)) {
        (Ok(n), Ok(d)) => {
            let p = x.wrapping_mul(n);
            if x < 0 { p.wrapping_sub(d - 1) / d } else { p / d }
        }
        // Factors NumPy refuses (it raises OverflowError); wrap rather than panic.
        _ => i128::from(x).wrapping_mul(num).div_euclid(den) as i64,
    }
}

/// A datetime broken into calendar fields (NumPy's `npy_datetimestruct`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTimeFields {
    /// The year (astronomical numbering: 0 is 1 BC).
    pub year: i64,
    /// 1..=12
    pub month: u8,
    /// 1..=31
    pub day: u8,
    /// 0..=23
    pub hour: u8,
    /// 0..=59
    pub minute: u8,
    /// 0..=59
    pub second: u8,
    /// Microseconds, 0..1_000_000.
    pub us: u32,
    /// Picoseconds after the microsecond, 0..1_000_000.
    pub ps: u32,
    /// Attoseconds after the picosecond, 0..1_000_000.
    pub attos: u32,
}

impl Default for DateTimeFields {
    fn default() -> Self {
        DateTimeFields { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, us: 0, ps: 0, attos: 0 }
    }
}

/// Python's `divmod` on `i64`: returns the quotient and leaves the remainder in `x`.
fn take_unit(x: &mut i64, unit: i64) -> i64 {
    let q = x.div_euclid(unit);
    *x = x.rem_euclid(unit);
    q
}

impl DateTimeFields {
    fn with_days(days: i64) -> DateTimeFields {
        let (year, month, day) = civil_from_days(days);
        DateTimeFields { year, month, day, ..DateTimeFields::default() }
    }

    /// The fields of a datetime count in `unit` (not NaT).
    ///
    /// # Errors
    /// NumPy's `ValueError` for generic units: "Cannot convert a NumPy datetime value other
    /// than NaT with generic units".
    pub fn from_count(count: i64, unit: DateTimeUnit) -> Result<DateTimeFields> {
        const K: i64 = 1000;
        let mut dt = count.wrapping_mul(i64::from(unit.num));
        let mut f = DateTimeFields::default();
        // Each arm peels whole days (or hours, seconds), then the finer fields; all of the
        // remainders are below their unit, so the narrowing casts cannot truncate.
        match unit.unit {
            TimeUnit::Generic => {
                return Err(Error::GenericDateTime);
            }
            TimeUnit::Year => f.year = 1970i64.wrapping_add(dt),
            TimeUnit::Month => {
                f.year = 1970 + take_unit(&mut dt, 12);
                f.month = dt as u8 + 1;
            }
            TimeUnit::Week => f = DateTimeFields::with_days(dt.wrapping_mul(7)),
            TimeUnit::Day => f = DateTimeFields::with_days(dt),
            TimeUnit::Hour => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 24));
                f.hour = dt as u8;
            }
            TimeUnit::Minute => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 24 * 60));
                f.hour = take_unit(&mut dt, 60) as u8;
                f.minute = dt as u8;
            }
            TimeUnit::Second => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 86_400));
                f.set_hms(&mut dt, 1);
            }
            TimeUnit::Millisecond => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 86_400 * K));
                f.set_hms(&mut dt, K);
                f.us = (dt * K) as u32;
            }
            TimeUnit::Microsecond => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 86_400 * K * K));
                f.set_hms(&mut dt, K * K);
                f.us = dt as u32;
            }
            TimeUnit::Nanosecond => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 86_400 * K * K * K));
                f.set_hms(&mut dt, K * K * K);
                f.us = take_unit(&mut dt, K) as u32;
                f.ps = (dt * K) as u32;
            }
            TimeUnit::Picosecond => {
                f = DateTimeFields::with_days(take_unit(&mut dt, 86_400 * K * K * K * K));
                f.set_hms(&mut dt, K * K * K * K);
                f.us = take_unit(&mut dt, K * K) as u32;
                f.ps = dt as u32;
            }
            TimeUnit::Femtosecond => {
                // The whole range is about 2.6 hours either side of the epoch.
                let hour = take_unit(&mut dt, 3600 * K * K * K * K * K);
                if hour < 0 {
                    f = DateTimeFields { year: 1969, month: 12, day: 31, ..f };
                }
                f.hour = hour.rem_euclid(24) as u8;
                f.minute = take_unit(&mut dt, 60 * K * K * K * K * K) as u8;
                f.second = take_unit(&mut dt, K * K * K * K * K) as u8;
                f.us = take_unit(&mut dt, K * K * K) as u32;
                f.ps = take_unit(&mut dt, K) as u32;
                f.attos = (dt * K) as u32;
            }
            TimeUnit::Attosecond => {
                // The whole range is about 9.2 seconds either side of the epoch.
                let second = take_unit(&mut dt, K * K * K * K * K * K);
                if second < 0 {
                    f = DateTimeFields { year: 1969, month: 12, day: 31, hour: 23, minute: 59, ..f };
                }
                f.second = second.rem_euclid(60) as u8;
                f.us = take_unit(&mut dt, K * K * K * K) as u32;
                f.ps = take_unit(&mut dt, K * K) as u32;
                f.attos = dt as u32;
            }
        }
        Ok(f)
    }

    /// The count of `unit` since 1970-01-01T00:00 for these fields (NumPy's conversion of
    /// a datetime struct), floored to the unit as NumPy does when it parses or casts to a
    /// coarser unit; the arithmetic wraps around at the ends of the `i64` range as NumPy's.
    ///
    /// # Errors
    /// NumPy's `ValueError` for generic units.
    pub fn to_count(&self, unit: DateTimeUnit) -> Result<i64> {
        const M: i64 = 1_000_000;
        if self.year == NAT {
            return Ok(NAT);
        }
        let days = || days_from_civil(self.year, self.month, self.day);
        let hours = || days().wrapping_mul(24).wrapping_add(i64::from(self.hour));
        let minutes = || hours().wrapping_mul(60).wrapping_add(i64::from(self.minute));
        let secs = || minutes().wrapping_mul(60).wrapping_add(i64::from(self.second));
        let us = || secs().wrapping_mul(M).wrapping_add(i64::from(self.us));
        let ps = || us().wrapping_mul(M).wrapping_add(i64::from(self.ps));
        let count = match unit.unit {
            TimeUnit::Generic => return Err(Error::GenericDateTime),
            TimeUnit::Year => self.year.wrapping_sub(1970),
            TimeUnit::Month => self.year.wrapping_sub(1970).wrapping_mul(12).wrapping_add(i64::from(self.month) - 1),
            TimeUnit::Week => days().div_euclid(7),
            TimeUnit::Day => days(),
            TimeUnit::Hour => hours(),
            TimeUnit::Minute => minutes(),
            TimeUnit::Second => secs(),
            TimeUnit::Millisecond => secs().wrapping_mul(1000).wrapping_add(i64::from(self.us / 1000)),
            TimeUnit::Microsecond => us(),
            TimeUnit::Nanosecond => us().wrapping_mul(1000).wrapping_add(i64::from(self.ps / 1000)),
            TimeUnit::Picosecond => ps(),
            TimeUnit::Femtosecond => ps().wrapping_mul(1000).wrapping_add(i64::from(self.attos / 1000)),
            TimeUnit::Attosecond => ps().wrapping_mul(M).wrapping_add(i64::from(self.attos)),
        };
        Ok(if unit.num > 1 { count.div_euclid(i64::from(unit.num)) } else { count })
    }

    /// Hours, minutes and seconds from a count of `per_second` ticks within one day.
    fn set_hms(&mut self, dt: &mut i64, per_second: i64) {
        self.hour = take_unit(dt, 3600 * per_second) as u8;
        self.minute = take_unit(dt, 60 * per_second) as u8;
        self.second = take_unit(dt, per_second) as u8;
    }

    /// The ISO 8601 form down to `unit` (weeks as days): `2024-03-01T12:30:00.250`.
    #[must_use]
    pub fn iso(&self, unit: TimeUnit) -> String {
        let mut s = String::with_capacity(32);
        self.write_iso(unit, &mut s);
        s
    }

    /// Appends the ISO 8601 form down to `unit` (weeks as days) to `out`, as [`Self::iso`]
    /// returns it.
    pub fn write_iso(&self, unit: TimeUnit, out: &mut String) {
        fn two(out: &mut String, sep: char, v: u8) {
            out.push(sep);
            out.push(char::from(b'0' + v / 10));
            out.push(char::from(b'0' + v % 10));
        }
        fn three(out: &mut String, v: u32) {
            out.push(char::from(b'0' + (v / 100) as u8));
            out.push(char::from(b'0' + (v / 10 % 10) as u8));
            out.push(char::from(b'0' + (v % 10) as u8));
        }
        if (0..10_000).contains(&self.year) {
            let y = self.year as u32;
            out.push(char::from(b'0' + (y / 1000) as u8));
            three(out, y % 1000);
        } else {
            use std::fmt::Write;
            let _ = write!(out, "{:04}", self.year);
        }
        let last = if unit == TimeUnit::Week { TimeUnit::Day } else { unit };
        if last < TimeUnit::Month {
            return;
        }
        two(out, '-', self.month);
        if last < TimeUnit::Day {
            return;
        }
        two(out, '-', self.day);
        if last < TimeUnit::Hour {
            return;
        }
        two(out, 'T', self.hour);
        if last < TimeUnit::Minute {
            return;
        }
        two(out, ':', self.minute);
        if last < TimeUnit::Second {
            return;
        }
        two(out, ':', self.second);
        let fine = [
            (TimeUnit::Millisecond, self.us / 1000),
            (TimeUnit::Microsecond, self.us % 1000),
            (TimeUnit::Nanosecond, self.ps / 1000),
            (TimeUnit::Picosecond, self.ps % 1000),
            (TimeUnit::Femtosecond, self.attos / 1000),
            (TimeUnit::Attosecond, self.attos % 1000),
        ];
        for (u, v) in fine {
            if u > last {
                break;
            }
            if u == TimeUnit::Millisecond {
                out.push('.');
            }
            three(out, v);
        }
    }
}

/// NumPy's `datetime_as_string` of one count in the dtype's own unit: the ISO 8601 form
/// (`'2024-01-01T00:00:00.000000000'` without the quotes), or `NaT`.
///
/// # Errors
/// NumPy's `ValueError` for a count other than NaT in generic units.
pub fn datetime_as_string(count: i64, unit: DateTimeUnit) -> Result<String> {
    if count == NAT {
        return Ok("NaT".into());
    }
    Ok(DateTimeFields::from_count(count, unit)?.iso(unit.unit))
}

/// NumPy's `str()` of a `timedelta64` scalar: `5 days`, `15 hours` (for 5 in `[3h]`),
/// `1 generic time units`, `NaT`.
#[must_use]
pub fn timedelta_str(count: i64, unit: DateTimeUnit) -> String {
    if count == NAT {
        return "NaT".into();
    }
    let name = match unit.unit {
        TimeUnit::Year => "years",
        TimeUnit::Month => "months",
        TimeUnit::Week => "weeks",
        TimeUnit::Day => "days",
        TimeUnit::Hour => "hours",
        TimeUnit::Minute => "minutes",
        TimeUnit::Second => "seconds",
        TimeUnit::Millisecond => "milliseconds",
        TimeUnit::Microsecond => "microseconds",
        TimeUnit::Nanosecond => "nanoseconds",
        TimeUnit::Picosecond => "picoseconds",
        TimeUnit::Femtosecond => "femtoseconds",
        TimeUnit::Attosecond => "attoseconds",
        TimeUnit::Generic => "generic time units",
    };
    format!("{} {name}", count.wrapping_mul(i64::from(unit.num)))
}

/// Right-aligns `words` to a common width, with NaT as `'NaT'` (NumPy's `_TimelikeFormat`:
/// the width is that of the largest and smallest count and, when there is a NaT, at
/// least five).
fn align_timelike(values: &[i64], text: impl Fn(i64) -> Result<String>) -> Result<Vec<String>> {
    let mut width = 0;
    let non_nat = values.iter().copied().filter(|&v| v != NAT);
    if let (Some(max), Some(min)) = (non_nat.clone().max(), non_nat.min()) {
        width = text(max)?.chars().count().max(text(min)?.chars().count());
    }
    if values.contains(&NAT) {
        width = width.max(5);
    }
    values
        .iter()
        .map(|&v| {
            let s = if v == NAT { "'NaT'".to_string() } else { text(v)? };
            Ok(format!("{s:>width$}"))
        })
        .collect()
}

/// The elements of a `datetime64` array: quoted ISO strings right-aligned to a common
/// width (NumPy's `DatetimeFormat`).
pub(crate) fn format_datetimes(values: &[i64], unit: DateTimeUnit) -> Result<Vec<String>> {
    align_timelike(values, |v| Ok(format!("'{}'", datetime_as_string(v, unit)?)))
}

/// The elements of a `timedelta64` array: the bare counts right-aligned (NumPy's
/// `TimedeltaFormat`).
pub(crate) fn format_timedeltas(values: &[i64]) -> Vec<String> {
    align_timelike(values, |v| Ok(v.to_string())).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Days from 1970-01-01 to a civil date, counted the slow way.
    fn days_slow(year: i64, month: u8, day: u8) -> i64 {
        let leap = |y: i64| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        let len = |y: i64| if leap(y) { 366 } else { 365 };
        let mut d = 0i64;
        if year >= 1970 {
            d += (1970..year).map(len).sum::<i64>();
        } else {
            d -= (year..1970).map(len).sum::<i64>();
        }
        let months = [31, if leap(year) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        d + months[..usize::from(month) - 1].iter().sum::<i64>() + i64::from(day) - 1
    }

    #[test]
    fn civil_dates_round_trip() {
        for &(y, m, d) in &[(1970, 1, 1), (2000, 2, 29), (1900, 3, 1), (1600, 12, 31), (-1, 1, 1), (2400, 2, 29)] {
            assert_eq!(civil_from_days(days_slow(y, m, d)), (y, m, d));
        }
        let mut prev = civil_from_days(-800_000);
        for days in -799_999..800_000 {
            let cur = civil_from_days(days);
            let next_day = cur.2 == prev.2 + 1 && cur.1 == prev.1 && cur.0 == prev.0;
            let next_month =
                cur.2 == 1 && (cur.1 == prev.1 + 1 && cur.0 == prev.0 || cur.1 == 1 && cur.0 == prev.0 + 1);
            assert!(next_day || next_month, "{prev:?} -> {cur:?}");
            prev = cur;
        }
    }

    #[test]
    fn iso_forms() {
        let u = |unit| DateTimeUnit::new(unit);
        assert_eq!(datetime_as_string(-1, u(TimeUnit::Year)).unwrap(), "1969");
        assert_eq!(datetime_as_string(-1971, u(TimeUnit::Year)).unwrap(), "-001");
        assert_eq!(datetime_as_string(-1, u(TimeUnit::Month)).unwrap(), "1969-12");
        assert_eq!(datetime_as_string(1, u(TimeUnit::Week)).unwrap(), "1970-01-08");
        assert_eq!(datetime_as_string(-1, u(TimeUnit::Attosecond)).unwrap(), "1969-12-31T23:59:59.999999999999999999");
        assert_eq!(datetime_as_string(NAT, u(TimeUnit::Day)).unwrap(), "NaT");
        assert!(datetime_as_string(1, u(TimeUnit::Generic)).is_err());
        assert_eq!(timedelta_str(5, DateTimeUnit { unit: TimeUnit::Hour, num: 3 }), "15 hours");
    }
}
