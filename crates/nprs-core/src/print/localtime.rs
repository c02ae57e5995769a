//! Time zones for NumPy's local-time features: `datetime_as_string(..., timezone='local')`
//! and the `'today'` of `np.datetime64`, which both ask the C library for local time.
//!
//! A [`TimeZone`] is read from a TZif file (RFC 8536, versions 1 to 4: the table of
//! transitions and, from version 2 on, the footer's POSIX TZ string that rules instants
//! after the table) or from a POSIX TZ string (`EST5EDT,M3.2.0,M11.1.0`, with the version 3
//! extensions of negative and up to 167-hour rule times). [`TimeZone::local`] resolves the
//! process's zone as the GNU C library does:
//!
//! - `TZ` unset: the file `/etc/localtime`;
//! - `TZ` empty: UTC;
//! - otherwise, after dropping a leading `:`, a file (an absolute path, or a name under
//!   `$TZDIR` or `/usr/share/zoneinfo`, such as `Europe/Paris` or `UTC`), and if there is
//!   no such readable TZif file, the value as a POSIX TZ string.
//!
//! When none of these gives a zone (no `/etc/localtime`, a malformed file or string), the
//! local zone is **UTC**, as the C library falls back to it. Leap-second records of
//! `right/` zones are skipped: instants count POSIX seconds.
//!
//! Malformed input gives a [`TimeZoneError`], never a panic; the explicit constructors
//! ([`TimeZone::from_tzif`], [`TimeZone::from_posix`], [`TimeZone::from_file`],
//! [`TimeZone::named`]) return it, while [`TimeZone::local`] and
//! [`TimeZone::from_tz_variable`] fall back to UTC.
//!
//! ```
//! use nprs_core::print::TimeZone;
//!
//! let ny = TimeZone::from_posix("EST5EDT,M3.2.0,M11.1.0").unwrap();
//! assert_eq!(ny.offset_at(1_772_366_400), -5 * 3600); // 2026-03-01T12:00Z
//! assert_eq!(ny.offset_at(1_782_907_200), -4 * 3600); // 2026-07-01T12:00Z
//! assert_eq!(TimeZone::from_tz_variable(Some("")).offset_at(0), 0);
//! ```

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::datetime::{DateTimeFields, civil_from_days, days_from_civil, days_in_month, is_leap_year};

/// Why a time zone could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeZoneError {
    /// A TZif file that breaks the format (truncated, bad counts, indices out of range).
    #[error("invalid TZif data: {0}")]
    Tzif(&'static str),
    /// A POSIX TZ string that does not parse.
    #[error("invalid POSIX TZ string \"{0}\"")]
    Posix(String),
    /// A zone file that cannot be read.
    #[error("cannot read time zone file {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        reason: String,
    },
}

type Result<T> = std::result::Result<T, TimeZoneError>;

/// The largest zone file read (real ones are a few kilobytes).
const MAX_FILE: u64 = 1 << 20;

/// A day of the year in a POSIX TZ rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleDay {
    /// `Jn`: 1..=365, February 29 never counted.
    Julian(u16),
    /// `n`: 0..=365, February 29 counted in leap years.
    Zero(u16),
    /// `Mm.w.d`: weekday `d` (0 Sunday) of week `w` (1..=5, 5 the last) of month `m`.
    Month { month: u8, week: u8, weekday: u8 },
}

impl RuleDay {
    /// Days from 1970-01-01 to this day of `year`.
    fn days(self, year: i64) -> i64 {
        let jan1 = days_from_civil(year, 1, 1);
        match self {
            RuleDay::Julian(n) => {
                let n = i64::from(n);
                jan1 + n - 1 + i64::from(is_leap_year(year) && n >= 60)
            }
            RuleDay::Zero(n) => jan1 + i64::from(n),
            RuleDay::Month { month, week, weekday } => {
                let first = days_from_civil(year, month, 1);
                // 1970-01-01 was a Thursday (4).
                let first_weekday = (first + 4).rem_euclid(7);
                let mut day = 1 + (i64::from(weekday) - first_weekday).rem_euclid(7) + 7 * (i64::from(week) - 1);
                while day > i64::from(days_in_month(year, month)) {
                    day -= 7;
                }
                first + day - 1
            }
        }
    }
}

/// Daylight saving time of a POSIX TZ rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Daylight {
    /// Seconds east of UTC during DST.
    offset: i32,
    start: RuleDay,
    /// Seconds after local midnight (standard time) when DST starts.
    start_time: i32,
    end: RuleDay,
    /// Seconds after local midnight (daylight time) when DST ends.
    end_time: i32,
}

/// A POSIX TZ rule: a standard offset and possibly daylight saving time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PosixRule {
    /// Seconds east of UTC in standard time.
    std_offset: i32,
    dst: Option<Daylight>,
}

impl PosixRule {
    fn offset_at(&self, t: i64) -> i32 {
        let Some(d) = self.dst else { return self.std_offset };
        // The rule's changes in the UTC year of the instant, as the C library computes them.
        let year = civil_from_days(t.div_euclid(86_400)).0;
        let t = i128::from(t);
        let change = |day: RuleDay, time: i32, offset: i32| {
            i128::from(day.days(year)) * 86_400 + i128::from(time) - i128::from(offset)
        };
        let start = change(d.start, d.start_time, self.std_offset);
        let end = change(d.end, d.end_time, d.offset);
        let dst = if start > end { t < end || t >= start } else { t >= start && t < end };
        if dst { d.offset } else { self.std_offset }
    }
}

/// A cursor over a POSIX TZ string.
struct Posix<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Posix<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        self.pos += usize::from(hit);
        hit
    }

    /// A zone abbreviation: three or more letters, or `<…>` of letters, digits and signs.
    fn name(&mut self) -> Option<()> {
        let start = self.pos;
        if self.eat(b'<') {
            while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'+' || c == b'-') {
                self.pos += 1;
            }
            let len = self.pos - start - 1;
            return (self.eat(b'>') && len >= 3).then_some(());
        }
        while self.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
            self.pos += 1;
        }
        (self.pos - start >= 3).then_some(())
    }

    /// A number of at most `digits` digits.
    fn number(&mut self, digits: usize) -> Option<u32> {
        let start = self.pos;
        let mut v = 0u32;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            if self.pos - start == digits {
                return None;
            }
            v = v * 10 + u32::from(d - b'0');
            self.pos += 1;
        }
        (self.pos > start).then_some(v)
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, hours at most `max_hours`.
    fn hms(&mut self, max_hours: u32) -> Option<i32> {
        let negative = if self.eat(b'-') {
            true
        } else {
            self.eat(b'+');
            false
        };
        let h = self.number(3).filter(|&h| h <= max_hours)?;
        let mut secs = h * 3600;
        if self.eat(b':') {
            secs += self.number(2).filter(|&m| m < 60)? * 60;
            if self.eat(b':') {
                secs += self.number(2).filter(|&s| s < 60)?;
            }
        }
        let secs = i32::try_from(secs).ok()?;
        Some(if negative { -secs } else { secs })
    }

    fn rule_day(&mut self) -> Option<RuleDay> {
        if self.eat(b'J') {
            let n = self.number(3).filter(|n| (1..=365).contains(n))?;
            Some(RuleDay::Julian(n as u16))
        } else if self.eat(b'M') {
            let month = self.number(2).filter(|m| (1..=12).contains(m))?;
            let week = self.eat(b'.').then(|| self.number(1)).flatten().filter(|w| (1..=5).contains(w))?;
            let weekday = self.eat(b'.').then(|| self.number(1)).flatten().filter(|&d| d <= 6)?;
            Some(RuleDay::Month { month: month as u8, week: week as u8, weekday: weekday as u8 })
        } else {
            let n = self.number(3).filter(|&n| n <= 365)?;
            Some(RuleDay::Zero(n as u16))
        }
    }

    /// `,date[/time]`; the time defaults to 02:00.
    fn change(&mut self) -> Option<(RuleDay, i32)> {
        if !self.eat(b',') {
            return None;
        }
        let day = self.rule_day()?;
        let time = if self.eat(b'/') { self.hms(167)? } else { 7200 };
        Some((day, time))
    }

    fn rule(&mut self) -> Option<PosixRule> {
        self.name()?;
        // POSIX offsets count west of Greenwich.
        let std_offset = -self.hms(24)?;
        if self.pos == self.b.len() {
            return Some(PosixRule { std_offset, dst: None });
        }
        self.name()?;
        let offset = match self.peek() {
            Some(b'+' | b'-' | b'0'..=b'9') => -self.hms(24)?,
            _ => std_offset + 3600,
        };
        let (start, start_time, end, end_time) = if self.pos == self.b.len() {
            // The C library's default when a zone names DST without rules (US rules).
            let m = |month, week| RuleDay::Month { month, week, weekday: 0 };
            (m(3, 2), 7200, m(11, 1), 7200)
        } else {
            let (start, start_time) = self.change()?;
            let (end, end_time) = self.change()?;
            (start, start_time, end, end_time)
        };
        (self.pos == self.b.len())
            .then_some(PosixRule { std_offset, dst: Some(Daylight { offset, start, start_time, end, end_time }) })
    }
}

/// A cursor over TZif bytes.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len()).ok_or(TimeZoneError::Tzif("truncated"))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn count(&mut self) -> Result<usize> {
        let b = self.take(4)?;
        let v = u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        usize::try_from(v).map_err(|_| TimeZoneError::Tzif("count too large"))
    }
}

/// The counts of a TZif header.
struct Header {
    version: u8,
    isut: usize,
    isstd: usize,
    leap: usize,
    time: usize,
    types: usize,
    chars: usize,
}

impl Header {
    fn read(r: &mut Reader<'_>) -> Result<Header> {
        if r.take(4)? != b"TZif" {
            return Err(TimeZoneError::Tzif("no TZif magic"));
        }
        let version = r.take(1)?[0];
        if version != 0 && version < b'2' {
            return Err(TimeZoneError::Tzif("unknown version"));
        }
        r.take(15)?;
        let h = Header {
            version,
            isut: r.count()?,
            isstd: r.count()?,
            leap: r.count()?,
            time: r.count()?,
            types: r.count()?,
            chars: r.count()?,
        };
        if h.types == 0 || h.types > 256 {
            return Err(TimeZoneError::Tzif("the number of local time types is not in 1..=256"));
        }
        if (h.isut != 0 && h.isut != h.types) || (h.isstd != 0 && h.isstd != h.types) {
            return Err(TimeZoneError::Tzif("indicator counts differ from the number of types"));
        }
        Ok(h)
    }

    /// The size of the data block with `time_size`-byte times.
    fn data_len(&self, time_size: usize) -> Result<usize> {
        let parts = [
            self.time.checked_mul(time_size + 1),
            self.types.checked_mul(6),
            Some(self.chars),
            self.leap.checked_mul(time_size + 4),
            Some(self.isstd),
            Some(self.isut),
        ];
        parts.into_iter().try_fold(0usize, |acc, p| acc.checked_add(p?)).ok_or(TimeZoneError::Tzif("block too large"))
    }
}

/// A time zone: its table of transitions and the rule that follows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeZone {
    /// Transition instants (seconds since the epoch, UTC), strictly increasing.
    transitions: Vec<i64>,
    /// The local time type from each transition on.
    type_of: Vec<u8>,
    /// Each type's offset (seconds east of UTC) and whether it is daylight saving time.
    types: Vec<(i32, bool)>,
    /// The rule after the last transition (the TZif footer) or of a POSIX TZ string.
    rule: Option<PosixRule>,
}

impl TimeZone {
    /// Coordinated Universal Time.
    #[must_use]
    pub fn utc() -> TimeZone {
        TimeZone { transitions: Vec::new(), type_of: Vec::new(), types: vec![(0, false)], rule: None }
    }

    /// A zone from the bytes of a TZif file (versions 1 to 4).
    ///
    /// # Errors
    /// [`TimeZoneError::Tzif`] for data that breaks the format, and
    /// [`TimeZoneError::Posix`] for a footer that is not a POSIX TZ string.
    pub fn from_tzif(bytes: &[u8]) -> Result<TimeZone> {
        let mut r = Reader { b: bytes, pos: 0 };
        let mut h = Header::read(&mut r)?;
        let mut time_size = 4;
        if h.version >= b'2' {
            // Skip the 32-bit block; the 64-bit one follows with its own header.
            r.take(h.data_len(4)?)?;
            h = Header::read(&mut r)?;
            time_size = 8;
        }
        let times = r.take(h.time.checked_mul(time_size).ok_or(TimeZoneError::Tzif("block too large"))?)?;
        let transitions: Vec<i64> = times
            .chunks_exact(time_size)
            .map(|c| match *c {
                [a, b, c, d] => i64::from(i32::from_be_bytes([a, b, c, d])),
                _ => i64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]),
            })
            .collect();
        if transitions.windows(2).any(|w| w[0] >= w[1]) {
            return Err(TimeZoneError::Tzif("transition times are not increasing"));
        }
        let type_of = r.take(h.time)?.to_vec();
        if type_of.iter().any(|&t| usize::from(t) >= h.types) {
            return Err(TimeZoneError::Tzif("a transition names a missing local time type"));
        }
        let mut types = Vec::with_capacity(h.types);
        for rec in r.take(h.types * 6)?.chunks_exact(6) {
            let offset = i32::from_be_bytes([rec[0], rec[1], rec[2], rec[3]]);
            if offset == i32::MIN || rec[4] > 1 || usize::from(rec[5]) >= h.chars.max(1) {
                return Err(TimeZoneError::Tzif("invalid local time type"));
            }
            types.push((offset, rec[4] == 1));
        }
        // Abbreviations, leap seconds and the standard/UT indicators are not needed.
        r.take(h.chars)?;
        r.take(h.leap.checked_mul(time_size + 4).ok_or(TimeZoneError::Tzif("block too large"))?)?;
        r.take(h.isstd)?;
        r.take(h.isut)?;
        let mut rule = None;
        if h.version >= b'2' {
            let rest = &bytes[r.pos..];
            let footer = rest
                .strip_prefix(b"\n")
                .and_then(|f| f.iter().position(|&c| c == b'\n').map(|end| &f[..end]))
                .ok_or(TimeZoneError::Tzif("missing footer"))?;
            if !footer.is_empty() {
                rule = Some(parse_posix(footer)?);
            }
        }
        Ok(TimeZone { transitions, type_of, types, rule })
    }

    /// A zone from a POSIX TZ string (`CET-1CEST,M3.5.0,M10.5.0/3`, `<+0545>-5:45`).
    ///
    /// # Errors
    /// [`TimeZoneError::Posix`] when it does not parse.
    pub fn from_posix(s: &str) -> Result<TimeZone> {
        let rule = parse_posix(s.as_bytes())?;
        // One transition at the start of time: the rule applies everywhere.
        Ok(TimeZone {
            transitions: vec![i64::MIN],
            type_of: vec![0],
            types: vec![(rule.std_offset, false)],
            rule: Some(rule),
        })
    }

    /// A zone from a TZif file.
    ///
    /// # Errors
    /// [`TimeZoneError::Io`] when it cannot be read (or is not a regular file), and the
    /// errors of [`TimeZone::from_tzif`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<TimeZone> {
        let path = path.as_ref();
        let io = |e: std::io::Error| TimeZoneError::Io { path: path.display().to_string(), reason: e.to_string() };
        let file = std::fs::File::open(path).map_err(io)?;
        if !file.metadata().map_err(io)?.is_file() {
            let reason = "not a regular file".to_string();
            return Err(TimeZoneError::Io { path: path.display().to_string(), reason });
        }
        let mut bytes = Vec::new();
        file.take(MAX_FILE).read_to_end(&mut bytes).map_err(io)?;
        TimeZone::from_tzif(&bytes)
    }

    /// The zone of the time zone database named `name` (`"America/New_York"`, `"UTC"`):
    /// the file under `$TZDIR`, or `/usr/share/zoneinfo` when that is unset; an absolute
    /// path is read as it is.
    ///
    /// # Errors
    /// As [`TimeZone::from_file`].
    pub fn named(name: &str) -> Result<TimeZone> {
        TimeZone::from_file(zone_path(name))
    }

    /// The zone a value of the `TZ` environment variable selects, as the GNU C library
    /// resolves it: unset (`None`), the file `/etc/localtime`; empty, UTC; otherwise, after
    /// dropping a leading `:`, a zone file (a path, or a name under `$TZDIR` or
    /// `/usr/share/zoneinfo`), else a POSIX TZ string. UTC when it selects none.
    #[must_use]
    pub fn from_tz_variable(tz: Option<&str>) -> TimeZone {
        let Some(tz) = tz else {
            return TimeZone::from_file("/etc/localtime").unwrap_or_else(|_| TimeZone::utc());
        };
        let tz = tz.strip_prefix(':').unwrap_or(tz);
        if tz.is_empty() {
            return TimeZone::utc();
        }
        TimeZone::named(tz).or_else(|_| TimeZone::from_posix(tz)).unwrap_or_else(|_| TimeZone::utc())
    }

    /// The process's local zone, from the `TZ` environment variable or `/etc/localtime`
    /// (as [`TimeZone::from_tz_variable`] resolves them); UTC when there is no zone
    /// information.
    /// The zone is read again when `TZ` changes.
    #[must_use]
    pub fn local() -> Arc<TimeZone> {
        static CACHE: Mutex<Option<(Option<OsString>, Arc<TimeZone>)>> = Mutex::new(None);
        let tz = std::env::var_os("TZ");
        let mut cache = CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((key, zone)) = cache.as_ref()
            && *key == tz
        {
            return Arc::clone(zone);
        }
        // A value that is not UTF-8 names no zone this reader can find.
        let zone = match &tz {
            None => TimeZone::from_tz_variable(None),
            Some(v) => v.to_str().map_or_else(TimeZone::utc, |v| TimeZone::from_tz_variable(Some(v))),
        };
        let zone = Arc::new(zone);
        *cache = Some((tz, Arc::clone(&zone)));
        zone
    }

    /// The offset from UTC (seconds east) in effect at `t` seconds since the epoch (UTC).
    ///
    /// Before the first transition, the first standard-time type applies (as in the C
    /// library); after the last, the footer's rule when there is one.
    #[must_use]
    pub fn offset_at(&self, t: i64) -> i32 {
        let (Some(&first), Some(&last)) = (self.transitions.first(), self.transitions.last()) else {
            return self.first_standard();
        };
        if t < first {
            return self.first_standard();
        }
        if t >= last
            && let Some(rule) = self.rule
        {
            return rule.offset_at(t);
        }
        let i = self.transitions.partition_point(|&x| x <= t) - 1;
        self.types[usize::from(self.type_of[i])].0
    }

    /// NumPy's conversion of UTC calendar fields to local time: the offset in effect at the
    /// start of the fields' minute, in whole minutes (floored, so zones with offsets in
    /// seconds lose them as the C library's minute fields do), applied to the date, hour and
    /// minute; the seconds and finer fields are kept. Returns the local fields and the
    /// offset in minutes.
    ///
    /// ```
    /// use nprs_core::dtype::TimeUnit;
    /// use nprs_core::print::{TimeZone, parse_iso_datetime};
    ///
    /// let paris = TimeZone::from_posix("CET-1CEST,M3.5.0,M10.5.0/3").unwrap();
    /// let utc = parse_iso_datetime("2026-07-01T23:30:05").unwrap().fields;
    /// let (local, offset) = paris.localize(&utc);
    /// assert_eq!((local.iso(TimeUnit::Second).as_str(), offset), ("2026-07-02T01:30:05", 120));
    /// ```
    #[must_use]
    pub fn localize(&self, utc: &DateTimeFields) -> (DateTimeFields, i64) {
        let minute_start = days_from_civil(utc.year, utc.month, utc.day)
            .wrapping_mul(86_400)
            .wrapping_add(i64::from(utc.hour) * 3600 + i64::from(utc.minute) * 60);
        let offset = i64::from(self.offset_at(minute_start)).div_euclid(60);
        (utc.add_minutes(offset), offset)
    }

    fn first_standard(&self) -> i32 {
        self.types.iter().find(|t| !t.1).unwrap_or(&self.types[0]).0
    }
}

/// The file of a zone name: absolute paths as they are, others under the zone directory.
fn zone_path(name: &str) -> PathBuf {
    if name.starts_with('/') {
        return PathBuf::from(name);
    }
    let dir = std::env::var_os("TZDIR").filter(|d| !d.is_empty()).unwrap_or_else(|| "/usr/share/zoneinfo".into());
    Path::new(&dir).join(name)
}

fn parse_posix(b: &[u8]) -> Result<PosixRule> {
    Posix { b, pos: 0 }.rule().ok_or_else(|| TimeZoneError::Posix(String::from_utf8_lossy(b).into_owned()))
}
