//! Calendar fields to counts and conversion of counts between units.
//!
//! The calendar arithmetic (civil dates to day counts and back, years and months to finer
//! units) is nprs-core's ([`DateTimeFields::from_count`], [`DateTimeFields::to_count`],
//! [`days_from_civil`]), shared with its `astype`. As NumPy's own conversions, the
//! arithmetic wraps around at the ends of the `i64` range instead of failing.

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::print::{DateTimeFields, NAT, check_conversion_factor, convert_datetime};
pub use nprs_core::print::{days_from_civil, days_in_month, is_leap_year};

use crate::error::{Error, Result};

/// The count of `unit` for calendar fields (NumPy's conversion of a datetime struct):
/// floored to the unit, as NumPy does when it parses or casts to a coarser unit. The
/// calendar arithmetic is nprs-core's [`DateTimeFields::to_count`].
///
/// # Errors
/// NumPy's `ValueError` for generic units.
pub fn fields_to_count(f: &DateTimeFields, unit: DateTimeUnit) -> Result<i64> {
    if unit.unit == TimeUnit::Generic && f.year != NAT {
        return Err(Error::GenericUnits);
    }
    Ok(f.to_count(unit)?)
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
    check_conversion_factor(from.unit, to.unit)?;
    if count == NAT {
        return Ok(NAT);
    }
    if from == to {
        return Ok(count);
    }
    if from.unit == TimeUnit::Generic || to.unit == TimeUnit::Generic {
        return Err(Error::GenericUnits);
    }
    // Years and months through the calendar, linear units by NumPy's floored int64
    // scaling: nprs-core's arithmetic, the same as its `astype`.
    Ok(convert_datetime(count, from, to)?)
}
