//! ISO 8601 strings to datetime fields, as `np.datetime64(string)` and the string to
//! `datetime64` casts parse them (NumPy's `parse_iso_8601_datetime`).
//!
//! The grammar is NumPy's: a year of any number of digits with an optional sign, then
//! optionally `-MM`, `-DD`, `T` or a space, `hh`, `:mm`, `:ss` and a fraction of up to 18
//! digits; `NaT` in any case (and the empty string) is NaT; `today` and `now` (any case)
//! are the current local date (in days) and the current UTC instant (in seconds). The unit is inferred from the string (a fraction of one
//! to three digits gives milliseconds, four to six microseconds, and so on to
//! attoseconds). A trailing `Z` or `±hh[[:]mm]` offset after a time is applied (the time
//! is converted to UTC) and flagged, as NumPy warns "no explicit representation of
//! timezones available for np.datetime64" ([`TIMEZONE_WARNING`]); whitespace is allowed
//! after a time only in that same position.
//!
//! ```
//! use nprs_core::dtype::TimeUnit;
//! use nprs_core::print::parse_iso_datetime;
//!
//! let p = parse_iso_datetime("2026-03-01T12:30").unwrap();
//! assert_eq!((p.fields.year, p.fields.month, p.fields.minute), (2026, 3, 30));
//! assert_eq!(p.unit, TimeUnit::Minute);
//! let e = parse_iso_datetime("2026-13-01").unwrap_err();
//! assert_eq!(e.to_string(), "Month out of range in datetime string \"2026-13-01\"");
//! ```

use std::time::{SystemTime, UNIX_EPOCH};

use super::datetime::{DateTimeFields, NAT, civil_from_days, days_from_civil, days_in_month};
use super::localtime::TimeZone;
use crate::dtype::{DateTimeUnit, TimeUnit};
use crate::error::{Error, Result};

/// The warning NumPy gives for a string with a timezone (a `UserWarning`).
pub const TIMEZONE_WARNING: &str = "no explicit representation of timezones available for np.datetime64";

/// What the parser found in an ISO 8601 string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDateTime {
    /// The calendar fields (UTC when the string had an offset); the year is [`NAT`] for NaT.
    pub fields: DateTimeFields,
    /// The unit the string implies ([`TimeUnit::Generic`] for NaT).
    pub unit: TimeUnit,
    /// True when the string had a timezone (`Z`, an offset, or trailing whitespace after a
    /// time), where NumPy warns with [`TIMEZONE_WARNING`].
    pub timezone: bool,
}

impl IsoDateTime {
    /// True for NaT.
    #[must_use]
    pub const fn is_nat(&self) -> bool {
        self.fields.year == NAT
    }

    /// The count of `unit` (floored to it); NaT stays NaT.
    ///
    /// # Errors
    /// NumPy's `ValueError` for a value other than NaT in generic units.
    pub fn to_count(&self, unit: DateTimeUnit) -> Result<i64> {
        self.fields.to_count(unit)
    }
}

/// Reports NumPy's timezone `UserWarning` through [`crate::warnings`] when `parsed` had a
/// timezone.
///
/// # Errors
/// The warning as an error under the `error` filter.
pub fn warn_timezone(parsed: &IsoDateTime) -> Result<()> {
    if parsed.timezone {
        crate::warnings::warn(crate::warnings::Category::User, TIMEZONE_WARNING)?;
    }
    Ok(())
}

type Found = IsoDateTime;

/// C's `isspace` in the "C" locale.
const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// A cursor over the string's bytes.
struct Cursor<'a> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn left(&self) -> usize {
        self.b.len() - self.pos
    }

    fn fail(&self) -> Error {
        Error::DateTimeParse { string: self.s.to_string(), position: self.pos }
    }

    fn range(&self, field: &'static str) -> Error {
        Error::DateTimeFieldRange { field, string: self.s.to_string() }
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.pos += usize::from(hit);
        hit
    }

    /// Exactly two digits.
    fn two_digits(&mut self) -> Result<u8> {
        match (self.peek(), self.b.get(self.pos + 1)) {
            (Some(a @ b'0'..=b'9'), Some(&b @ b'0'..=b'9')) => {
                self.pos += 2;
                Ok((a - b'0') * 10 + (b - b'0'))
            }
            _ => Err(self.fail()),
        }
    }

    /// Up to six digits as a zero-padded six-digit number, and how many there were.
    fn six_digits(&mut self) -> (u32, usize) {
        let mut v = 0u32;
        let mut n = 0;
        for _ in 0..6 {
            v *= 10;
            if let Some(d @ b'0'..=b'9') = self.peek() {
                v += u32::from(d - b'0');
                self.pos += 1;
                n += 1;
            }
        }
        (v, n)
    }

    fn at_digit(&self) -> bool {
        self.peek().is_some_and(|c| c.is_ascii_digit())
    }
}

/// Parses the calendar part and the time of day.
fn parse_fields(s: &str) -> Result<Found> {
    let mut c = Cursor { s, b: s.as_bytes(), pos: 0 };
    let mut f = DateTimeFields::default();
    let done = |f, unit| Ok(Found { fields: f, unit, timezone: false });
    while c.peek().is_some_and(is_space) {
        c.pos += 1;
    }
    if matches!(c.peek(), Some(b'-' | b'+')) {
        c.pos += 1;
    }
    if c.left() == 0 {
        return Err(c.fail());
    }
    // The year: any number of digits (wrapping as NumPy's does), negated when the string
    // itself starts with '-'.
    let mut year = 0i64;
    while let Some(d @ b'0'..=b'9') = c.peek() {
        year = year.wrapping_mul(10).wrapping_add(i64::from(d - b'0'));
        c.pos += 1;
    }
    f.year = if s.starts_with('-') { year.wrapping_neg() } else { year };
    if c.left() == 0 {
        return done(f, TimeUnit::Year);
    }
    if !c.eat(b'-') || c.left() == 0 {
        return Err(c.fail());
    }
    f.month = c.two_digits()?;
    if !(1..=12).contains(&f.month) {
        return Err(c.range("Month"));
    }
    if c.left() == 0 {
        return done(f, TimeUnit::Month);
    }
    if !c.eat(b'-') || c.left() == 0 {
        return Err(c.fail());
    }
    f.day = c.two_digits()?;
    if f.day < 1 || f.day > days_in_month(f.year, f.month) {
        return Err(c.range("Day"));
    }
    if c.left() == 0 {
        return done(f, TimeUnit::Day);
    }
    if !c.eat(b'T') && !c.eat(b' ') {
        return Err(c.fail());
    }
    f.hour = c.two_digits()?;
    if f.hour >= 24 {
        return Err(c.range("Hours"));
    }
    if !c.eat(b':') {
        return timezone(c, f, TimeUnit::Hour);
    }
    if c.left() == 0 {
        return Err(c.fail());
    }
    f.minute = c.two_digits()?;
    if f.minute >= 60 {
        return Err(c.range("Minutes"));
    }
    if !c.eat(b':') {
        return timezone(c, f, TimeUnit::Minute);
    }
    if c.left() == 0 {
        return Err(c.fail());
    }
    f.second = c.two_digits()?;
    if f.second >= 60 {
        return Err(c.range("Seconds"));
    }
    if !c.eat(b'.') {
        return timezone(c, f, TimeUnit::Second);
    }
    let fine = [
        (TimeUnit::Millisecond, TimeUnit::Microsecond),
        (TimeUnit::Nanosecond, TimeUnit::Picosecond),
        (TimeUnit::Femtosecond, TimeUnit::Attosecond),
    ];
    for (i, (three, six)) in fine.into_iter().enumerate() {
        let (v, n) = c.six_digits();
        match i {
            0 => f.us = v,
            1 => f.ps = v,
            _ => f.attos = v,
        }
        if i == 2 || !c.at_digit() {
            return timezone(c, f, if n > 3 { six } else { three });
        }
    }
    unreachable!("the loop returns on its last pass")
}

/// Parses what may follow a time: nothing, or a timezone (with NumPy's warning) and
/// trailing whitespace.
fn timezone(mut c: Cursor<'_>, mut f: DateTimeFields, unit: TimeUnit) -> Result<Found> {
    if c.left() == 0 {
        return Ok(Found { fields: f, unit, timezone: false });
    }
    match c.peek() {
        Some(b'Z') => {
            c.pos += 1;
        }
        Some(sign @ (b'-' | b'+')) => {
            c.pos += 1;
            let hours = c.two_digits()?;
            if hours >= 24 {
                return Err(c.range("Timezone hours offset"));
            }
            let mut minutes = 0;
            if c.left() > 0 {
                c.eat(b':');
                minutes = c.two_digits()?;
                if minutes >= 60 {
                    return Err(c.range("Timezone minutes offset"));
                }
            }
            let offset = i64::from(hours) * 60 + i64::from(minutes);
            let offset = if sign == b'-' { -offset } else { offset };
            f = f.add_minutes(-offset);
        }
        _ => {}
    }
    while c.peek().is_some_and(is_space) {
        c.pos += 1;
    }
    if c.left() != 0 {
        return Err(c.fail());
    }
    Ok(Found { fields: f, unit, timezone: true })
}

impl DateTimeFields {
    /// The fields `minutes` later (earlier when negative), carrying into the date; the
    /// seconds and finer fields are kept (NumPy's `add_minutes_to_datetimestruct`).
    ///
    /// ```
    /// use nprs_core::print::{DateTimeFields, parse_iso_datetime};
    ///
    /// let f = parse_iso_datetime("2026-03-01T00:30:15").unwrap().fields;
    /// assert_eq!(f.add_minutes(-45).iso(nprs_core::dtype::TimeUnit::Second), "2026-02-28T23:45:15");
    /// ```
    #[must_use]
    pub fn add_minutes(mut self, minutes: i64) -> DateTimeFields {
        let total = (i64::from(self.hour) * 60 + i64::from(self.minute)).wrapping_add(minutes);
        let day_shift = total.div_euclid(1440);
        let in_day = total.rem_euclid(1440);
        self.hour = (in_day / 60) as u8;
        self.minute = (in_day % 60) as u8;
        if day_shift != 0 {
            let (year, month, day) =
                civil_from_days(days_from_civil(self.year, self.month, self.day).wrapping_add(day_shift));
            (self.year, self.month, self.day) = (year, month, day);
        }
        self
    }
}

/// Two ASCII digits at `b[i..i + 2]`, or `None`.
fn digits2(b: &[u8], i: usize) -> Option<u8> {
    let (x, y) = (b[i].wrapping_sub(b'0'), b[i + 1].wrapping_sub(b'0'));
    (x < 10 && y < 10).then(|| x * 10 + y)
}

/// The common fixed layouts `YYYY-MM-DD` and `YYYY-MM-DDThh:mm:ss` (or with a space), with
/// every field in range; `None` sends the string to the general parser (which also words
/// the errors).
fn fixed_layout(b: &[u8]) -> Option<Found> {
    if (b.len() != 10 && b.len() != 19) || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i64::from(u16::from(digits2(b, 0)?) * 100 + u16::from(digits2(b, 2)?));
    let month = digits2(b, 5)?;
    let day = digits2(b, 8)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut fields = DateTimeFields { year, month, day, ..DateTimeFields::default() };
    if b.len() == 10 {
        return Some(Found { fields, unit: TimeUnit::Day, timezone: false });
    }
    if !matches!(b[10], b'T' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    (fields.hour, fields.minute, fields.second) = (digits2(b, 11)?, digits2(b, 14)?, digits2(b, 17)?);
    if fields.hour >= 24 || fields.minute >= 60 || fields.second >= 60 {
        return None;
    }
    Some(Found { fields, unit: TimeUnit::Second, timezone: false })
}

/// The current time as whole seconds since the epoch (UTC).
fn now_seconds() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// NumPy's `'today'` in `zone`: the local calendar date of the current instant.
///
/// ```
/// use nprs_core::print::{TimeZone, today_in};
///
/// let east = today_in(&TimeZone::from_posix("<+14>-14").unwrap());
/// let west = today_in(&TimeZone::from_posix("<-12>12").unwrap());
/// // 26 hours apart: the dates differ by one or two days.
/// let days = |f: nprs_core::print::DateTimeFields| nprs_core::print::days_from_civil(f.year, f.month, f.day);
/// assert!((1..=2).contains(&(days(east) - days(west))));
/// ```
#[must_use]
pub fn today_in(zone: &TimeZone) -> DateTimeFields {
    let utc = DateTimeFields::from_count(now_seconds(), DateTimeUnit::new(TimeUnit::Second))
        .expect("seconds are not generic units");
    let (local, _) = zone.localize(&utc);
    DateTimeFields { year: local.year, month: local.month, day: local.day, ..DateTimeFields::default() }
}

/// Parses an ISO 8601 string (or `NaT`, `today`, `now`) into fields, the unit it implies
/// and whether it had a timezone; NaT has the year [`NAT`] and generic units.
///
/// As NumPy's, `today` is the current date in the local time zone
/// ([`TimeZone::local`], UTC when the system has no zone information) in days, and `now`
/// the current instant in seconds.
///
/// # Errors
/// NumPy's `ValueError`s: `Error parsing datetime string "…" at position N`, `Month out of
/// range in datetime string "…"` (and Day, Hours, Minutes, Seconds, timezone offsets).
pub fn parse_iso_datetime(s: &str) -> Result<IsoDateTime> {
    if let Some(found) = fixed_layout(s.as_bytes()) {
        return Ok(found);
    }
    if s.is_empty() || s.eq_ignore_ascii_case("nat") {
        let fields = DateTimeFields { year: NAT, ..DateTimeFields::default() };
        return Ok(Found { fields, unit: TimeUnit::Generic, timezone: false });
    }
    if s.eq_ignore_ascii_case("today") {
        return Ok(Found { fields: today_in(&TimeZone::local()), unit: TimeUnit::Day, timezone: false });
    }
    if s.eq_ignore_ascii_case("now") {
        let fields = DateTimeFields::from_count(now_seconds(), DateTimeUnit::new(TimeUnit::Second))?;
        return Ok(Found { fields, unit: TimeUnit::Second, timezone: false });
    }
    parse_fields(s)
}
