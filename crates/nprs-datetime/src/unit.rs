//! Unit strings (`"ns"`, `"10ms"`, `"generic"`) and `datetime_data`.

use nprs_core::dtype::{DateTimeUnit, Descr, TimeUnit};

use crate::error::{Error, Result};

/// Parses a unit as NumPy's `np.datetime64(value, unit)` takes it: an optional multiplier
/// and a unit code (`"D"`, `"10ms"`, `"generic"`).
///
/// # Errors
/// NumPy's `TypeError` `Invalid datetime unit "xx" in metadata` for anything else.
///
/// ```
/// use nprs_core::dtype::TimeUnit;
/// use nprs_datetime::parse_unit;
///
/// let u = parse_unit("10ms").unwrap();
/// assert_eq!((u.unit, u.num), (TimeUnit::Millisecond, 10));
/// assert!(parse_unit("xx").is_err());
/// ```
pub fn parse_unit(s: &str) -> Result<DateTimeUnit> {
    let bad = || Error::InvalidUnit(s.to_string());
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let num = if digits == 0 { 1 } else { s[..digits].parse::<u32>().map_err(|_| bad())? };
    let unit = TimeUnit::from_code(&s[digits..]).ok_or_else(bad)?;
    if num == 0 || (unit == TimeUnit::Generic && digits > 0) {
        return Err(bad());
    }
    Ok(DateTimeUnit { unit, num })
}

/// The unit code with its multiplier as NumPy writes it in a scalar's repr: `D`, `2W`,
/// `generic`.
#[must_use]
pub fn unit_str(unit: DateTimeUnit) -> String {
    match (unit.unit, unit.num) {
        (TimeUnit::Generic, _) | (_, 1) => unit.unit.code().to_string(),
        (u, n) => format!("{n}{}", u.code()),
    }
}

/// NumPy's `np.datetime_data(dtype)`: the unit code and the multiplier of a `datetime64` or
/// `timedelta64` dtype (`("ns", 1)`, `("ms", 10)`, `("generic", 1)`).
///
/// # Errors
/// NumPy's `TypeError` for a dtype that is neither.
///
/// ```
/// use nprs_core::dtype::Descr;
/// use nprs_datetime::datetime_data;
///
/// assert_eq!(datetime_data(&Descr::parse("m8[10ms]").unwrap()).unwrap(), ("ms", 10));
/// ```
pub fn datetime_data(dtype: &Descr) -> Result<(&'static str, u32)> {
    let u = dtype.datetime_unit().ok_or(Error::NotDatetime)?;
    Ok((u.unit.code(), u.num))
}
