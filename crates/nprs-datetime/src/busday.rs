//! Business days: [`BusDayCalendar`] (NumPy's `busdaycalendar`), [`is_busday`],
//! [`busday_offset`] and [`busday_count`].
//!
//! A calendar is a weekmask (which weekdays are business days, Monday first) and a sorted
//! list of holidays (days since 1970-01-01, normalised as NumPy does: NaT and duplicates
//! dropped, days the weekmask already excludes removed). Every function works from one
//! count: `C(x)`, the number of business days before day `x` (weekmask days in whole weeks
//! and the week's start, minus the holidays before `x`). A count of days between two dates
//! is a difference of `C`, and the `n`-th business day is found by inverting `C` over the
//! weekmask and correcting for the holidays it passed, so offsets of any size cost the same.

use nprs_core::dtype::{DType, Descr, TimeUnit};
use nprs_core::print::{NAT, civil_from_days};
use nprs_core::{Array, DynArray};

use crate::error::{Error, Result};

/// The weekday of day `x` since 1970-01-01 (a Thursday), Monday being 0.
const fn weekday(x: i64) -> usize {
    (x.wrapping_sub(4)).rem_euclid(7) as usize
}

/// A weekmask as NumPy's `busdaycalendar` takes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekmask<'a> {
    /// Seven `'0'`/`'1'` characters (`"1111100"`), or weekday abbreviations (`"Mon Tue Wed"`,
    /// `"MonWedFri"`; whitespace between them allowed).
    Str(&'a str),
    /// Seven flags, Monday first.
    Bools([bool; 7]),
    /// Integers, non-zero meaning a business day (NumPy's array form); must be seven.
    Ints(&'a [i64]),
}

impl Default for Weekmask<'_> {
    /// NumPy's default, `"1111100"` (Monday to Friday).
    fn default() -> Self {
        Weekmask::Str("1111100")
    }
}

impl<'a> From<&'a str> for Weekmask<'a> {
    fn from(s: &'a str) -> Self {
        Weekmask::Str(s)
    }
}

impl From<[bool; 7]> for Weekmask<'_> {
    fn from(b: [bool; 7]) -> Self {
        Weekmask::Bools(b)
    }
}

impl<'a> From<&'a [i64]> for Weekmask<'a> {
    fn from(v: &'a [i64]) -> Self {
        Weekmask::Ints(v)
    }
}

impl Weekmask<'_> {
    /// The seven flags, or NumPy's error for a malformed weekmask.
    fn flags(self) -> Result<[bool; 7]> {
        match self {
            Weekmask::Bools(b) => Ok(b),
            Weekmask::Ints(v) => {
                let v: [i64; 7] = v.try_into().map_err(|_| Error::WeekmaskLength)?;
                Ok(v.map(|x| x != 0))
            }
            Weekmask::Str(s) => parse_weekmask(s),
        }
    }
}

/// `"1111100"` or `"Mon Tue …"`.
fn parse_weekmask(s: &str) -> Result<[bool; 7]> {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let bad = || Error::WeekmaskString(s.to_string());
    let b = s.as_bytes();
    if b.len() == 7 && b.iter().all(|c| matches!(c, b'0' | b'1')) {
        return Ok(std::array::from_fn(|i| b[i] == b'1'));
    }
    let mut mask = [false; 7];
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
        if rest.is_empty() {
            break;
        }
        let day = DAYS.iter().position(|d| rest.starts_with(d)).ok_or_else(bad)?;
        mask[day] = true;
        rest = &rest[3..];
    }
    Ok(mask)
}

/// NumPy's `np.busdaycalendar(weekmask, holidays)`: which weekdays are business days and
/// which dates are holidays.
///
/// ```
/// use nprs_datetime::{BusDayCalendar, busday_count, datetime_array};
///
/// let cal = BusDayCalendar::new("Mon Tue Wed Thu Fri", &["2026-01-01", "2026-01-03", "NaT"])?;
/// assert_eq!(cal.holidays(), &[20454]); // 2026-01-03 is a Saturday
/// let begin = datetime_array(&["2026-01-01"], Some("D"))?;
/// let end = datetime_array(&["2026-01-10"], Some("D"))?;
/// assert_eq!(busday_count(&begin, &end, &cal)?.to_vec(), vec![6]); // Jan 2 and Jan 5-9
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusDayCalendar {
    mask: [bool; 7],
    holidays: Vec<i64>,
    /// Business days in a whole week.
    per_week: i64,
    /// `prefix[r]`: business days among the first `r` days of a week that starts on a
    /// Thursday (as day 0 does).
    prefix: [i64; 8],
    /// The offsets (from a Thursday) of the week's business days, in order.
    offsets: Vec<i64>,
}

impl Default for BusDayCalendar {
    /// Monday to Friday, no holidays.
    fn default() -> Self {
        Self::build([true, true, true, true, true, false, false], Vec::new())
    }
}

impl BusDayCalendar {
    /// A calendar from a weekmask and holidays given as ISO dates (`"2026-01-01"`, `"NaT"`).
    ///
    /// # Errors
    /// NumPy's `ValueError`s: "Invalid business day weekmask string", "A business day
    /// weekmask array must have length 7", "Cannot construct a numpy.busdaycal with a
    /// weekmask of all zeros"; "Cannot safely convert provided holidays input into an
    /// array of dates" for a holiday finer than a day; the parse errors of the dates.
    pub fn new<'a>(weekmask: impl Into<Weekmask<'a>>, holidays: &[&str]) -> Result<Self> {
        let days = crate::datetime_array(holidays, None)?;
        Self::with_holiday_array(weekmask, &days)
    }

    /// A calendar whose holidays are a `datetime64` array (in days, or a coarser unit).
    ///
    /// # Errors
    /// As [`new`](Self::new); NumPy's error for holidays that are not dates.
    pub fn with_holiday_array<'a>(weekmask: impl Into<Weekmask<'a>>, holidays: &DynArray) -> Result<Self> {
        let mask = weekmask.into().flags()?;
        if !mask.contains(&true) {
            return Err(Error::WeekmaskZeros);
        }
        if holidays.size() == 0 {
            return Ok(Self::build(mask, Vec::new()));
        }
        if !day_castable(holidays.dtype()) {
            return Err(Error::HolidaysCast);
        }
        Ok(Self::build(mask, in_days(holidays, 0)?))
    }

    fn build(mask: [bool; 7], mut holidays: Vec<i64>) -> Self {
        holidays.retain(|&h| h != NAT && mask[weekday(h)]);
        holidays.sort_unstable();
        holidays.dedup();
        let mut prefix = [0i64; 8];
        let mut offsets = Vec::with_capacity(7);
        for r in 0..7 {
            let open = mask[weekday(r as i64)];
            prefix[r + 1] = prefix[r] + i64::from(open);
            if open {
                offsets.push(r as i64);
            }
        }
        BusDayCalendar { mask, holidays, per_week: prefix[7], prefix, offsets }
    }

    /// The weekmask, Monday first (`busdaycalendar.weekmask`).
    #[must_use]
    pub fn weekmask(&self) -> [bool; 7] {
        self.mask
    }

    /// The normalised holidays as days since 1970-01-01 (`busdaycalendar.holidays`).
    #[must_use]
    pub fn holidays(&self) -> &[i64] {
        &self.holidays
    }

    /// The holidays as a `datetime64[D]` array.
    ///
    /// # Panics
    /// Never: the array is built from its own days.
    #[must_use]
    pub fn holidays_array(&self) -> DynArray {
        DynArray::from(Array::from_vec(self.holidays.clone()))
            .view_dtype(&Descr::datetime(TimeUnit::Day, 1))
            .expect("int64 and datetime64[D] have one size")
            .to_owned()
    }

    /// Whether day `x` is a business day.
    #[must_use]
    pub fn is_busday_count(&self, x: i64) -> bool {
        x != NAT && self.mask[weekday(x)] && self.holidays.binary_search(&x).is_err()
    }

    /// Weekmask days before day `x` (counted from day 0; negative before it).
    fn weekmask_before(&self, x: i64) -> i64 {
        x.div_euclid(7).wrapping_mul(self.per_week).wrapping_add(self.prefix[x.rem_euclid(7) as usize])
    }

    /// Holidays before day `x`.
    fn holidays_before(&self, x: i64) -> i64 {
        self.holidays.partition_point(|&h| h < x) as i64
    }

    /// `C(x)`: business days before day `x`.
    fn before(&self, x: i64) -> i64 {
        self.weekmask_before(x) - self.holidays_before(x)
    }

    /// The weekmask day with `m` weekmask days before it.
    fn nth_weekmask_day(&self, m: i64) -> i64 {
        let (w, r) = (m.div_euclid(self.per_week), m.rem_euclid(self.per_week));
        w.wrapping_mul(7).wrapping_add(self.offsets[r as usize])
    }

    /// The business day with `k` business days before it.
    fn nth(&self, k: i64) -> i64 {
        // Holidays before the answer push it later; start from none and add those passed
        // until the count stands (at most one round per holiday).
        let mut passed = self.holidays_before(self.nth_weekmask_day(k));
        loop {
            let x = self.nth_weekmask_day(k.wrapping_add(passed));
            let now = self.holidays_before(x) + i64::from(self.holidays.binary_search(&x).is_ok());
            if now == passed {
                return x;
            }
            passed = now;
        }
    }

    /// The first business day on or after `x`.
    fn forward(&self, x: i64) -> i64 {
        self.nth(self.before(x))
    }

    /// The last business day on or before `x`.
    fn backward(&self, x: i64) -> i64 {
        self.nth(self.before(x.wrapping_add(1)) - 1)
    }
}

/// NumPy's `roll` argument of [`busday_offset`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Roll {
    /// `raise`: a date that is not a business day is an error.
    Raise,
    /// `nat`: such a date gives NaT.
    Nat,
    /// `forward` / `following`: the next business day.
    Forward,
    /// `backward` / `preceding`: the previous business day.
    Backward,
    /// `modifiedfollowing`: forward, unless that changes the month, then backward.
    ModifiedFollowing,
    /// `modifiedpreceding`: backward, unless that changes the month, then forward.
    ModifiedPreceding,
}

impl Roll {
    /// Parses NumPy's roll names.
    ///
    /// # Errors
    /// NumPy's `ValueError` "Invalid business day roll parameter".
    pub fn parse(s: &str) -> Result<Roll> {
        Ok(match s {
            "raise" => Roll::Raise,
            "nat" => Roll::Nat,
            "forward" | "following" => Roll::Forward,
            "backward" | "preceding" => Roll::Backward,
            "modifiedfollowing" => Roll::ModifiedFollowing,
            "modifiedpreceding" => Roll::ModifiedPreceding,
            _ => return Err(Error::Roll(s.to_string())),
        })
    }
}

/// Whether a dtype is a `datetime64` that casts to days safely (days and coarser units, or
/// generic).
fn day_castable(d: &Descr) -> bool {
    d.kind() == 'M' && d.datetime_unit().is_some_and(|u| u.unit <= TimeUnit::Day || u.unit == TimeUnit::Generic)
}

/// The dates of operand `which` as day counts, in C order, or NumPy's cast error.
fn in_days(a: &DynArray, which: usize) -> Result<Vec<i64>> {
    let d = a.dtype();
    let refuse = || Error::BusdayCast { operand: which, dtype: format!("{d:?}") };
    if !day_castable(d) {
        return Err(refuse());
    }
    let unit = d.datetime_unit().ok_or_else(refuse)?;
    let native = a.astype(&d.to_native())?;
    let counts = native.view_dtype(&DType::Int64.into())?.to_owned();
    let counts = counts.typed::<i64>()?.to_vec();
    if unit.unit == TimeUnit::Generic {
        return Ok(counts);
    }
    let day = nprs_core::dtype::DateTimeUnit::new(TimeUnit::Day);
    counts.into_iter().map(|c| crate::convert_units(c, unit, day)).collect()
}

/// A day-count array of `shape` as it came from `a` (same shape).
fn days_array(a: &DynArray, which: usize) -> Result<Array<i64>> {
    Ok(Array::from_shape_vec(a.shape(), in_days(a, which)?)?)
}

/// NumPy's `np.is_busday(dates, busdaycal=cal)`.
///
/// # Errors
/// NumPy's `TypeError` for dates finer than a day.
///
/// ```
/// use nprs_datetime::{BusDayCalendar, datetime_array, is_busday};
///
/// let d = datetime_array(&["2026-01-01", "2026-01-03", "NaT"], Some("D"))?;
/// let cal = BusDayCalendar::new("1111100", &["2026-01-01"])?;
/// assert_eq!(is_busday(&d, &cal)?.to_vec(), vec![false, false, false]);
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
pub fn is_busday(dates: &DynArray, cal: &BusDayCalendar) -> Result<Array<bool>> {
    Ok(nprs_core::kernel::map(&days_array(dates, 0)?, |x| cal.is_busday_count(x)))
}

/// NumPy's `np.busday_offset(dates, offsets, roll, busdaycal=cal)`: each date rolled to a
/// business day as `roll` says, then moved by `offsets` business days (broadcast
/// together). NaT stays NaT except under `roll="raise"`.
///
/// # Errors
/// NumPy's `ValueError`s "Non-business day date in busday_offset" and "NaT input in
/// busday_offset" (`roll="raise"`), "Invalid business day roll parameter"; its `TypeError`
/// for dates finer than a day; shapes that do not broadcast.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_datetime::{BusDayCalendar, busday_offset, datetime_array};
///
/// let d = datetime_array(&["2026-01-02", "2026-01-03"], Some("D"))?;
/// let r = busday_offset(&d, &array![1i64, 1], "forward", &BusDayCalendar::default())?;
/// assert_eq!(nprs_datetime::datetime_as_string_array(&r, None, "naive")?, ["2026-01-05", "2026-01-06"]);
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
pub fn busday_offset(dates: &DynArray, offsets: &Array<i64>, roll: &str, cal: &BusDayCalendar) -> Result<DynArray> {
    let roll = Roll::parse(roll)?;
    let days = days_array(dates, 0)?;
    if roll == Roll::Raise {
        // NumPy raises at the first date (in order) it cannot use.
        let shape = nprs_core::broadcast_shapes(&[days.shape(), offsets.shape()])?;
        if shape.iter().product::<usize>() > 0 {
            for x in days.iter() {
                if x == NAT {
                    return Err(Error::BusdayNat);
                }
                if !cal.is_busday_count(x) {
                    return Err(Error::NonBusinessDay);
                }
            }
        }
    }
    let month = |x: i64| {
        let (y, m, _) = civil_from_days(x);
        (y, m)
    };
    let out = nprs_core::kernel::zip_map(&days, offsets, |x, n| {
        if x == NAT {
            return NAT;
        }
        let rolled = if cal.is_busday_count(x) {
            x
        } else {
            match roll {
                Roll::Raise | Roll::Nat => return NAT,
                Roll::Forward => cal.forward(x),
                Roll::Backward => cal.backward(x),
                Roll::ModifiedFollowing => {
                    let f = cal.forward(x);
                    if month(f) == month(x) { f } else { cal.backward(x) }
                }
                Roll::ModifiedPreceding => {
                    let b = cal.backward(x);
                    if month(b) == month(x) { b } else { cal.forward(x) }
                }
            }
        };
        cal.nth(cal.before(rolled).wrapping_add(n))
    })?;
    Ok(DynArray::from(out).view_dtype(&Descr::datetime(TimeUnit::Day, 1))?.to_owned())
}

/// NumPy's `np.busday_count(begin, end, busdaycal=cal)`: business days in `[begin, end)`,
/// negative (minus those in `(end, begin]`) when `end` is earlier; broadcast together.
///
/// # Errors
/// NumPy's `ValueError` "Cannot compute a business day count with a NaT (not-a-time)
/// date", its `TypeError` for dates finer than a day; shapes that do not broadcast.
pub fn busday_count(begin: &DynArray, end: &DynArray, cal: &BusDayCalendar) -> Result<Array<i64>> {
    let (b, e) = (days_array(begin, 0)?, days_array(end, 1)?);
    let shape = nprs_core::broadcast_shapes(&[b.shape(), e.shape()])?;
    if shape.iter().product::<usize>() > 0 && (b.iter().any(|x| x == NAT) || e.iter().any(|x| x == NAT)) {
        return Err(Error::BusdayCountNat);
    }
    // An earlier end counts the days after it up to and including the beginning, negated.
    Ok(nprs_core::kernel::zip_map(&b, &e, |x, y| {
        if y < x {
            cal.before(y.wrapping_add(1)) - cal.before(x.wrapping_add(1))
        } else {
            cal.before(y) - cal.before(x)
        }
    })?)
}
