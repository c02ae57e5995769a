//! `datetime_as_string` with NumPy's `unit` and `timezone` arguments.

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use std::sync::Arc;

use nprs_core::print::{DateTimeFields, NAT, TimeZone};

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
pub enum Timezone<'z> {
    /// `'naive'`: no suffix.
    #[default]
    Naive,
    /// `'UTC'`: a `Z` after any time of day.
    Utc,
    /// `'local'`: the time in the process's local zone ([`TimeZone::local`]: the `TZ`
    /// environment variable or `/etc/localtime`, UTC when there is no zone information)
    /// with its offset (`-0500`) after any time of day.
    Local,
    /// `'local'` in the given zone, for callers (and tests) that do not want the
    /// process's.
    Zone(&'z TimeZone),
}

impl Timezone<'_> {
    /// Parses NumPy's `timezone` argument (`"naive"`, `"UTC"`, `"local"`).
    ///
    /// # Errors
    /// NumPy's `ValueError` `Unsupported timezone input string "…"` otherwise (`tzinfo`
    /// objects have no string form).
    pub fn parse(s: &str) -> Result<Timezone<'static>> {
        match s {
            "naive" => Ok(Timezone::Naive),
            "UTC" => Ok(Timezone::Utc),
            "local" => Ok(Timezone::Local),
            _ => Err(Error::Timezone(s.to_string())),
        }
    }
}

/// How one `datetime_as_string` call formats its values: NumPy's
/// `make_iso_8601_datetime` with its arguments resolved once.
pub(crate) struct AsString<'z> {
    unit: DateTimeUnit,
    out: AsStringUnit,
    utc: bool,
    local: Option<&'z TimeZone>,
    /// `casting='unsafe'`, which alone allows local dates.
    unsafe_casting: bool,
}

impl<'z> AsString<'z> {
    /// The formatter; `zone` holds the process's zone for [`Timezone::Local`].
    pub(crate) fn new(
        unit: DateTimeUnit,
        out: AsStringUnit,
        tz: Timezone<'z>,
        zone: &'z Option<Arc<TimeZone>>,
        unsafe_casting: bool,
    ) -> Self {
        let local = match tz {
            Timezone::Zone(z) => Some(z),
            Timezone::Local => zone.as_deref(),
            Timezone::Naive | Timezone::Utc => None,
        };
        AsString { unit, out, utc: tz == Timezone::Utc, local, unsafe_casting }
    }

    /// The process's zone when `tz` asks for it (to keep alive beside the formatter).
    pub(crate) fn process_zone(tz: Timezone<'_>) -> Option<Arc<TimeZone>> {
        (tz == Timezone::Local).then(TimeZone::local)
    }

    /// Appends the string of `count` to `buf`.
    pub(crate) fn write(&self, count: i64, buf: &mut String) -> Result<()> {
        if count == NAT {
            buf.push_str("NaT");
            return Ok(());
        }
        let fields = DateTimeFields::from_count(count, self.unit)?;
        // As NumPy, local time only for years 1970..=9999 (others print as UTC, bare).
        let zone = self.local.filter(|_| (1970..10_000).contains(&fields.year));
        let shown = match self.out {
            AsStringUnit::Own => self.unit.unit,
            AsStringUnit::Unit(u) => u,
            AsStringUnit::Auto if zone.is_some() => auto_unit(&fields).max(TimeUnit::Minute),
            AsStringUnit::Auto => auto_unit(&fields),
        };
        let Some(zone) = zone else {
            // The fields are printed down to the unit, so a coarser unit floors the value
            // and a finer one adds zeros (without the range limits a conversion of the
            // count would have).
            fields.write_iso(shown, buf);
            if self.utc && shown > TimeUnit::Day {
                buf.push('Z');
            }
            return Ok(());
        };
        if shown <= TimeUnit::Day && !self.unsafe_casting {
            return Err(Error::LocalDateCasting);
        }
        let (local, offset) = zone.localize(&fields);
        local.write_iso(shown, buf);
        if shown > TimeUnit::Day {
            let minutes = offset.unsigned_abs();
            buf.push(if offset < 0 { '-' } else { '+' });
            for d in [minutes / 600, minutes / 60 % 10, minutes % 60 / 10, minutes % 10] {
                buf.push(char::from(b'0' + d as u8));
            }
        }
        Ok(())
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
/// With a local zone ([`Timezone::Local`], [`Timezone::Zone`]) the time is shown in that
/// zone with its offset (`2026-03-01T07:00-0500`) for years 1970 to 9999 (others as UTC
/// without a suffix, as NumPy); `'auto'` then shows at least minutes.
///
/// # Errors
/// NumPy's `ValueError` for a value other than NaT in generic units, and its `TypeError`
/// "Cannot create a local timezone-based date string from a NumPy datetime without forcing
/// 'unsafe' casting" for a local time shown as a date (a unit of days or coarser); the
/// array function with `casting="unsafe"` allows it.
///
/// ```
/// use nprs_core::dtype::{DateTimeUnit, TimeUnit};
/// use nprs_core::print::TimeZone;
/// use nprs_datetime::{AsStringUnit, Timezone, datetime_as_string};
///
/// let ms = DateTimeUnit::new(TimeUnit::Millisecond);
/// let noon = 1_772_366_400_000; // 2026-03-01T12:00 in ms
/// assert_eq!(datetime_as_string(noon, ms, AsStringUnit::Auto, Timezone::Naive).unwrap(), "2026-03-01T12:00");
/// let hour = AsStringUnit::Unit(TimeUnit::Hour);
/// assert_eq!(datetime_as_string(noon, ms, hour, Timezone::Utc).unwrap(), "2026-03-01T12Z");
/// let ny = TimeZone::from_posix("EST5EDT,M3.2.0,M11.1.0").unwrap();
/// let s = datetime_as_string(noon, ms, AsStringUnit::Auto, Timezone::Zone(&ny)).unwrap();
/// assert_eq!(s, "2026-03-01T07:00-0500");
/// ```
pub fn datetime_as_string(count: i64, unit: DateTimeUnit, out: AsStringUnit, tz: Timezone<'_>) -> Result<String> {
    let zone = AsString::process_zone(tz);
    let mut s = String::with_capacity(32);
    AsString::new(unit, out, tz, &zone, false).write(count, &mut s)?;
    Ok(s)
}

/// [`datetime_as_string`] with NumPy's string arguments: `unit` (`None` for the datetime's
/// own, `"auto"`, or a unit code) and `timezone` (`"naive"`, `"UTC"` or `"local"`).
///
/// # Errors
/// NumPy's `TypeError` for an unknown unit, `ValueError` for an unsupported timezone, and
/// the errors of [`datetime_as_string`].
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
