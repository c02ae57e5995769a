//! Calendar fields to counts and conversion of counts between units.
//!
//! The inverse of nprs-core's [`DateTimeFields::from_count`]: a civil date and time of day
//! become a count of a unit since 1970-01-01T00:00. As NumPy's own conversions, the
//! arithmetic wraps around at the ends of the `i64` range instead of failing.

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::print::{DateTimeFields, NAT};

use crate::error::{Error, Result};

/// Whether `year` (astronomical numbering) is a Gregorian leap year.
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
/// inverse of nprs-core's `civil_from_days`. Wraps around for years beyond about ±2.5·10¹⁶.
///
/// ```
/// use nprs_datetime::days_from_civil;
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
    let before_month: i64 = (1..month).map(|m| i64::from(days_in_month(year, m))).sum();
    before_year.wrapping_add(before_month + i64::from(day) - 1)
}

/// The count of `unit` for calendar fields (NumPy's conversion of a datetime struct):
/// floored to the unit, as NumPy does when it parses or casts to a coarser unit.
///
/// # Errors
/// NumPy's `ValueError` for generic units.
pub fn fields_to_count(f: &DateTimeFields, unit: DateTimeUnit) -> Result<i64> {
    const M: i64 = 1_000_000;
    if f.year == NAT {
        return Ok(NAT);
    }
    let days = || days_from_civil(f.year, f.month, f.day);
    let secs = || {
        let h = days().wrapping_mul(24).wrapping_add(i64::from(f.hour));
        h.wrapping_mul(60).wrapping_add(i64::from(f.minute)).wrapping_mul(60).wrapping_add(i64::from(f.second))
    };
    let us = || secs().wrapping_mul(M).wrapping_add(i64::from(f.us));
    let ps = || us().wrapping_mul(M).wrapping_add(i64::from(f.ps));
    let count = match unit.unit {
        TimeUnit::Generic => return Err(Error::GenericUnits),
        TimeUnit::Year => f.year.wrapping_sub(1970),
        TimeUnit::Month => f.year.wrapping_sub(1970).wrapping_mul(12).wrapping_add(i64::from(f.month) - 1),
        TimeUnit::Week => days().div_euclid(7),
        TimeUnit::Day => days(),
        TimeUnit::Hour => days().wrapping_mul(24).wrapping_add(i64::from(f.hour)),
        TimeUnit::Minute => {
            days().wrapping_mul(24).wrapping_add(i64::from(f.hour)).wrapping_mul(60).wrapping_add(i64::from(f.minute))
        }
        TimeUnit::Second => secs(),
        TimeUnit::Millisecond => secs().wrapping_mul(1000).wrapping_add(i64::from(f.us / 1000)),
        TimeUnit::Microsecond => us(),
        TimeUnit::Nanosecond => us().wrapping_mul(1000).wrapping_add(i64::from(f.ps / 1000)),
        TimeUnit::Picosecond => ps(),
        TimeUnit::Femtosecond => ps().wrapping_mul(1000).wrapping_add(i64::from(f.attos / 1000)),
        TimeUnit::Attosecond => ps().wrapping_mul(M).wrapping_add(i64::from(f.attos)),
    };
    Ok(if unit.num > 1 { count.div_euclid(i64::from(unit.num)) } else { count })
}

/// Fails as NumPy does when the factor between two units is too large for its integer
/// arithmetic (2⁵⁶ or more: days to picoseconds, hours to femtoseconds, seconds to
/// attoseconds and anything coarser); years and months count from days.
fn check_conversion_factor(a: TimeUnit, b: TimeUnit) -> Result<()> {
    let (big, little) = if a <= b { (a, b) } else { (b, a) };
    let start = match big {
        TimeUnit::Year | TimeUnit::Month if little > TimeUnit::Day => TimeUnit::Day,
        TimeUnit::Year | TimeUnit::Month => return Ok(()),
        other => other,
    };
    if linear_factor(start, little) >= 1 << 56 {
        return Err(Error::ConversionFactor { big: big.code(), little: little.code() });
    }
    Ok(())
}

/// The next finer unit (attoseconds stay).
const fn next_unit(u: TimeUnit) -> TimeUnit {
    match u {
        TimeUnit::Year => TimeUnit::Month,
        TimeUnit::Month => TimeUnit::Week,
        TimeUnit::Week => TimeUnit::Day,
        TimeUnit::Day => TimeUnit::Hour,
        TimeUnit::Hour => TimeUnit::Minute,
        TimeUnit::Minute => TimeUnit::Second,
        TimeUnit::Second => TimeUnit::Millisecond,
        TimeUnit::Millisecond => TimeUnit::Microsecond,
        TimeUnit::Microsecond => TimeUnit::Nanosecond,
        TimeUnit::Nanosecond => TimeUnit::Picosecond,
        TimeUnit::Picosecond => TimeUnit::Femtosecond,
        TimeUnit::Femtosecond | TimeUnit::Attosecond | TimeUnit::Generic => TimeUnit::Attosecond,
    }
}

/// How many `little` make one `big` for linear units (weeks and finer), `big <= little`.
pub(crate) fn linear_factor(big: TimeUnit, little: TimeUnit) -> u64 {
    let mut factor = 1u64;
    let mut unit = big;
    while unit < little {
        factor = factor.saturating_mul(unit.step_factor());
        unit = next_unit(unit);
    }
    factor
}

/// The greatest common divisor of two positive numbers.
fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Converts a datetime count from one unit to another as NumPy's `astype` does: exact
/// towards finer units, floored towards coarser ones (`1969-12-31T23:59` is day -1), NaT
/// stays NaT, and out-of-range results wrap around as NumPy's do.
///
/// # Errors
/// NumPy's `ValueError` when either unit is generic and the value is not NaT, and its
/// `OverflowError` for units too far apart (days to picoseconds, …), even for NaT.
///
/// ```
/// use nprs_core::dtype::{DateTimeUnit, TimeUnit};
/// use nprs_datetime::convert_units;
///
/// let (ns, d) = (DateTimeUnit::new(TimeUnit::Nanosecond), DateTimeUnit::new(TimeUnit::Day));
/// assert_eq!(convert_units(-1, ns, d).unwrap(), -1);
/// assert_eq!(convert_units(1, d, ns).unwrap(), 86_400_000_000_000);
/// ```
pub fn convert_units(count: i64, from: DateTimeUnit, to: DateTimeUnit) -> Result<i64> {
    if from.unit != TimeUnit::Generic && to.unit != TimeUnit::Generic {
        check_conversion_factor(from.unit, to.unit)?;
    }
    if count == NAT {
        return Ok(NAT);
    }
    if from == to {
        return Ok(count);
    }
    if from.unit == TimeUnit::Generic || to.unit == TimeUnit::Generic {
        return Err(Error::GenericUnits);
    }
    let calendar = |u: TimeUnit| matches!(u, TimeUnit::Year | TimeUnit::Month);
    if calendar(from.unit) || calendar(to.unit) {
        return fields_to_count(&DateTimeFields::from_count(count, from)?, to);
    }
    // Linear units: one factor num/denom in lowest terms, a wrapping product and a floored
    // quotient, as NumPy's cast loop computes it.
    let little = from.unit.max(to.unit);
    let ticks = |u: DateTimeUnit| i128::from(u.num) * i128::from(linear_factor(u.unit, little));
    let (mut num, mut denom) = (ticks(from), ticks(to));
    let g = gcd(num, denom);
    (num, denom) = (num / g, denom / g);
    // Both fit in an i64: the factors are below 2^56 and the multipliers below 2^32 …
    // but a product of the two need not, so wrap as NumPy's int64 arithmetic does.
    let product = count.wrapping_mul(num as i64);
    Ok(if denom == 1 { product } else { product.div_euclid(denom as i64) })
}
