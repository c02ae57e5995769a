//! `datetime_as_string` with NumPy's `unit` and `timezone` arguments.

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::print::{DateTimeFields, NAT};

use crate::error::{Error, Result};

/// The `unit` argument of [`datetime_as_string`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AsStringUnit {
    /// `None`: the datetime's own unit.
    #[default]
    Own,
    /// `'auto'`: per value, the coarsest unit that shows it exactly, but at least days, and
    /// minutes once there is a time of day.
    Auto,
    /// A unit such as `'D'` or `'ms'`: the value is floored to it (`'W'` prints the day).
    Unit(TimeUnit),
}

impl AsStringUnit {
    /// Parses NumPy's `unit` argument: `"auto"` or a unit code.
    ///
    /// # Errors
    /// NumPy's `TypeError` for an unknown unit.
    pub fn parse(s: &str) -> Result<Self> {
        if s == "auto" {
            return Ok(AsStringUnit::Auto);
        }
        match TimeUnit::from_code(s) {
            Some(u) if u != TimeUnit::Generic => Ok(AsStringUnit::Unit(u)),
            _ => Err(Error::InvalidUnit(s.to_string())),
        }
    }
}

/// The `timezone` argument of [`datetime_as_string`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Timezone {
    /// `'naive'`: no suffix.
    #[default]
    Naive,
    /// `'UTC'`: a `Z` after any time of day.
    Utc,
}

impl Timezone {
    /// Parses NumPy's `timezone` argument (`"naive"`, `"UTC"`).
    ///
    /// # Errors
    /// NumPy's `ValueError` `Unsupported timezone input string "…"` otherwise (`'local'`
    /// and `tzinfo` objects are not supported).
    pub fn parse(s: &str) -> Result<Self> {
        match s {
            "naive" => Ok(Timezone::Naive),
            "UTC" => Ok(Timezone::Utc),
            _ => Err(Error::Timezone(s.to_string())),
        }
    }
}

/// The coarsest unit that shows the fields exactly (NumPy's lossless unit), for `'auto'`.
fn auto_unit(f: &DateTimeFields) -> TimeUnit {
    if !f.attos.is_multiple_of(1000) {
        TimeUnit::Attosecond
    } else if f.attos != 0 {
        TimeUnit::Femtosecond
    } else if !f.ps.is_multiple_of(1000) {
        TimeUnit::Picosecond
    } else if f.ps != 0 {
        TimeUnit::Nanosecond
    } else if !f.us.is_multiple_of(1000) {
        TimeUnit::Microsecond
    } else if f.us != 0 {
        TimeUnit::Millisecond
    } else if f.second != 0 {
        TimeUnit::Second
    } else if f.minute != 0 || f.hour != 0 {
        TimeUnit::Minute
    } else {
        TimeUnit::Day
    }
}

/// NumPy's `np.datetime_as_string` of one datetime count in `unit`.
///
/// # Errors
/// NumPy's `ValueError` for a value other than NaT in generic units.
///
/// ```
/// use nprs_core::dtype::{DateTimeUnit, TimeUnit};
/// use nprs_datetime::{AsStringUnit, Timezone, datetime_as_string};
///
/// let ms = DateTimeUnit::new(TimeUnit::Millisecond);
/// let noon = 1_772_366_400_000; // 2026-03-01T12:00 in ms
/// assert_eq!(datetime_as_string(noon, ms, AsStringUnit::Auto, Timezone::Naive).unwrap(), "2026-03-01T12:00");
/// let hour = AsStringUnit::Unit(TimeUnit::Hour);
/// assert_eq!(datetime_as_string(noon, ms, hour, Timezone::Utc).unwrap(), "2026-03-01T12Z");
/// ```
pub fn datetime_as_string(count: i64, unit: DateTimeUnit, out: AsStringUnit, tz: Timezone) -> Result<String> {
    if count == NAT {
        return Ok("NaT".into());
    }
    let fields = DateTimeFields::from_count(count, unit)?;
    let shown = match out {
        AsStringUnit::Own => unit.unit,
        AsStringUnit::Unit(u) => u,
        AsStringUnit::Auto => auto_unit(&fields),
    };
    // The fields are printed down to the unit, so a coarser unit floors the value and a
    // finer one adds zeros (without the range limits a conversion of the count would have).
    let mut s = fields.iso(shown);
    if tz == Timezone::Utc && shown > TimeUnit::Day {
        s.push('Z');
    }
    Ok(s)
}

/// [`datetime_as_string`] with NumPy's string arguments: `unit` (`None` for the datetime's
/// own, `"auto"`, or a unit code) and `timezone` (`"naive"` or `"UTC"`).
///
/// # Errors
/// NumPy's `TypeError` for an unknown unit, `ValueError` for an unsupported timezone.
///
/// ```
/// let d = nprs_datetime::datetime64("2026-03-01T12:30").unwrap();
/// let s = nprs_datetime::datetime_as_string_with(&d, Some("D"), "naive").unwrap();
/// assert_eq!(s, "2026-03-01");
/// ```
pub fn datetime_as_string_with(value: &crate::DateTime64, unit: Option<&str>, timezone: &str) -> Result<String> {
    let out = unit.map_or(Ok(AsStringUnit::Own), AsStringUnit::parse)?;
    let tz = Timezone::parse(timezone)?;
    datetime_as_string(value.count(), value.unit(), out, tz)
}
