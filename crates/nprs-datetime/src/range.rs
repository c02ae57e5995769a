//! `np.arange` over datetimes and timedeltas, and `np.isnat`.

use nprs_core::dtype::{DType, DateTimeUnit, Descr, TimeUnit};
use nprs_core::print::NAT;
use nprs_core::{Array, DynArray};

use crate::error::{Error, Result};
use crate::scalar::{DateTime64, TimeDelta64};

/// One of `arange`'s `start`, `stop` or `step` for datetime ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeArg {
    /// A `datetime64`.
    DateTime(DateTime64),
    /// A `timedelta64`.
    TimeDelta(TimeDelta64),
    /// A Python integer (a timedelta in generic units).
    Int(i64),
}

impl From<DateTime64> for RangeArg {
    fn from(d: DateTime64) -> Self {
        RangeArg::DateTime(d)
    }
}

impl From<TimeDelta64> for RangeArg {
    fn from(d: TimeDelta64) -> Self {
        RangeArg::TimeDelta(d)
    }
}

impl From<i64> for RangeArg {
    fn from(n: i64) -> Self {
        RangeArg::Int(n)
    }
}

impl RangeArg {
    fn is_datetime(self) -> bool {
        matches!(self, RangeArg::DateTime(_))
    }

    /// The count and unit (generic for integers).
    fn parts(self) -> (i64, DateTimeUnit) {
        match self {
            RangeArg::DateTime(d) => (d.count(), d.unit()),
            RangeArg::TimeDelta(t) => (t.count(), t.unit()),
            RangeArg::Int(n) => (n, DateTimeUnit::new(TimeUnit::Generic)),
        }
    }
}

/// The common unit of two units as NumPy promotes `a` and `b` (`a_td`/`b_td`: whether each
/// is a timedelta, whose years and months do not mix with other units).
fn promote(a: DateTimeUnit, a_td: bool, b: DateTimeUnit, b_td: bool) -> Result<DateTimeUnit> {
    let d =
        |u: DateTimeUnit, td: bool| if td { Descr::timedelta(u.unit, u.num) } else { Descr::datetime(u.unit, u.num) };
    let p = nprs_core::promote::promote_types(&d(a, a_td), &d(b, b_td))?;
    Ok(p.datetime_unit().unwrap_or(a))
}

/// A count converted to `to` (generic counts are taken as they are, as NumPy does).
fn to_unit(count: i64, from: DateTimeUnit, to: DateTimeUnit) -> Result<i64> {
    if from.unit == TimeUnit::Generic || to.unit == TimeUnit::Generic {
        return Ok(count);
    }
    crate::convert_units(count, from, to)
}

/// NumPy's `np.arange(start, stop, step, dtype)` for datetimes and timedeltas.
///
/// A datetime range needs a datetime `start`; `stop` is a datetime, or a timedelta or
/// integer counted from `start`; `step` is a timedelta or integer (1 when `None`). A
/// timedelta range takes timedeltas or integers, and `stop = None` counts from zero to
/// `start`. The unit is `dtype`'s, else the common unit of the three (NumPy's promotion:
/// `arange(2026-03, 2026-06-15)` runs in days).
///
/// # Errors
/// NumPy's `ValueError`s "arange requires both a start and a stop for NumPy datetime64
/// ranges", "arange: step cannot be zero", "arange: cannot use NaT (not-a-time) datetime
/// values", "Could not convert object to NumPy datetime" (a timedelta where a datetime is
/// needed) / "… timedelta"; the unit promotion's `TypeError`.
///
/// ```
/// use nprs_datetime::{datetime64, datetime_arange, datetime_as_string_array};
///
/// let r = datetime_arange(datetime64("2026-03-01")?, Some(datetime64("2026-03-04")?.into()), None, None)?;
/// assert_eq!(datetime_as_string_array(&r, None, "naive")?, ["2026-03-01", "2026-03-02", "2026-03-03"]);
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
pub fn datetime_arange(
    start: impl Into<RangeArg>,
    stop: Option<RangeArg>,
    step: Option<RangeArg>,
    dtype: Option<&Descr>,
) -> Result<DynArray> {
    let start = start.into();
    let datetime = match dtype {
        Some(d) if d.kind() == 'M' => true,
        Some(d) if d.kind() == 'm' => false,
        Some(_) => return Err(Error::NotDatetime),
        None => start.is_datetime() || stop.is_some_and(RangeArg::is_datetime),
    };
    let (start, stop) = match stop {
        Some(s) => (start, s),
        None if datetime => return Err(Error::ArangeNeedsStop),
        None => (RangeArg::Int(0), start),
    };
    let step = step.unwrap_or(RangeArg::Int(1));
    if datetime && !start.is_datetime() {
        return Err(Error::ArangeConvert("datetime"));
    }
    if (!datetime && (start.is_datetime() || stop.is_datetime())) || step.is_datetime() {
        return Err(Error::ArangeConvert("timedelta"));
    }
    let ((a, ua), (b, ub), (s, us)) = (start.parts(), stop.parts(), step.parts());
    if a == NAT || b == NAT || s == NAT {
        return Err(Error::ArangeNat);
    }
    let unit = match dtype.and_then(Descr::datetime_unit) {
        Some(u) if u.unit != TimeUnit::Generic => u,
        _ => {
            let ends = promote(ua, !datetime, ub, !stop.is_datetime())?;
            promote(us, true, ends, !datetime)?
        }
    };
    let a = to_unit(a, ua, unit)?;
    let mut b = to_unit(b, ub, unit)?;
    if datetime && !stop.is_datetime() {
        b = a.wrapping_add(b);
    }
    let s = to_unit(s, us, unit)?;
    if s == 0 {
        return Err(Error::ArangeZeroStep);
    }
    let span = i128::from(b) - i128::from(a);
    let len = if (span > 0) == (s > 0) && span != 0 {
        let s = i128::from(s);
        ((span + s - s.signum()) / s).max(0)
    } else {
        0
    };
    let len = usize::try_from(len).map_err(|_| Error::Overflow("Maximum allowed size exceeded".into()))?;
    let values: Vec<i64> = (0..len as i64).map(|i| a.wrapping_add(i.wrapping_mul(s))).collect();
    let descr = if datetime { Descr::datetime(unit.unit, unit.num) } else { Descr::timedelta(unit.unit, unit.num) };
    Ok(DynArray::from(Array::from_vec(values)).view_dtype(&descr)?.to_owned())
}

/// NumPy's `np.isnat(a)`: true where a `datetime64` or `timedelta64` array holds NaT.
///
/// # Errors
/// NumPy's `TypeError` "ufunc 'isnat' is only defined for np.datetime64 and
/// np.timedelta64." for other dtypes.
///
/// ```
/// let a = nprs_datetime::datetime_array(&["2026-03-01", "NaT"], None)?;
/// assert_eq!(nprs_datetime::isnat(&a)?.to_vec(), vec![false, true]);
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
pub fn isnat(a: &DynArray) -> Result<Array<bool>> {
    if !matches!(a.dtype().kind(), 'M' | 'm') {
        return Err(Error::IsNatType);
    }
    let native = a.astype(&a.dtype().to_native())?;
    let counts = native.view_dtype(&DType::Int64.into())?;
    Ok(nprs_core::kernel::map(&counts.typed::<i64>()?, |x| x == NAT))
}
