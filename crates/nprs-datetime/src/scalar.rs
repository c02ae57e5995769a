//! [`DateTime64`]: a `datetime64` scalar.

use std::fmt;

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::print::NAT;

use crate::error::{Error, Result};

/// A `datetime64` scalar: a count of `unit` since 1970-01-01T00:00 (`i64::MIN` is NaT).
///
/// `Display` is NumPy's `str()` (`2026-03-01`, `NaT`) and `Debug` its `repr()`
/// (`np.datetime64('2026-03-01')`, `np.datetime64('2026-03-01T12','h')`,
/// `np.datetime64('NaT','generic')`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTime64 {
    count: i64,
    unit: DateTimeUnit,
}

impl DateTime64 {
    /// A datetime of `count` units (`np.datetime64(count, unit)`).
    ///
    /// # Errors
    /// NumPy's `ValueError` for a count other than NaT in generic units.
    pub fn new(count: i64, unit: DateTimeUnit) -> Result<Self> {
        if unit.unit == TimeUnit::Generic && count != NAT {
            return Err(Error::GenericUnits);
        }
        Ok(DateTime64 { count, unit })
    }

    /// Not a time, in `unit`.
    #[must_use]
    pub const fn nat(unit: DateTimeUnit) -> Self {
        DateTime64 { count: NAT, unit }
    }

    /// A value known to be valid (NaT, or a unit other than generic).
    pub(crate) const fn from_raw(count: i64, unit: DateTimeUnit) -> Self {
        DateTime64 { count, unit }
    }

    /// The raw count (`.view('i8')`).
    #[must_use]
    pub const fn count(&self) -> i64 {
        self.count
    }

    /// The unit.
    #[must_use]
    pub const fn unit(&self) -> DateTimeUnit {
        self.unit
    }

    /// True for NaT (`np.isnat`).
    #[must_use]
    pub const fn is_nat(&self) -> bool {
        self.count == NAT
    }

    /// The value in another unit, as `astype` converts it (floored towards coarser units).
    ///
    /// # Errors
    /// NumPy's `ValueError` for generic units.
    pub fn to_unit(&self, unit: DateTimeUnit) -> Result<Self> {
        DateTime64::new(crate::convert_units(self.count, self.unit, unit)?, unit)
    }

    /// NumPy's `repr()`: `np.datetime64('2026-03-01')`; the unit is named when the string
    /// does not imply it (hours, multiplied units, NaT).
    #[must_use]
    pub fn repr(&self) -> String {
        let text = self.to_string();
        if self.is_nat() || self.unit.num != 1 || self.unit.unit == TimeUnit::Hour {
            format!("np.datetime64('{text}','{}')", crate::unit_str(self.unit))
        } else {
            format!("np.datetime64('{text}')")
        }
    }
}

impl fmt::Display for DateTime64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A generic unit only ever holds NaT (see `new`), so printing cannot fail.
        let s = nprs_core::print::datetime_as_string(self.count, self.unit).map_err(|_| fmt::Error)?;
        f.write_str(&s)
    }
}

impl fmt::Debug for DateTime64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

/// A `timedelta64` scalar: a signed count of `unit` (`i64::MIN` is NaT). Generic units
/// are allowed (`np.timedelta64(3)`).
///
/// `Display` is NumPy's `str()` (`5 days`, `15 hours` for 5 in `[3h]`, `NaT`) and `Debug`
/// its `repr()` (`np.timedelta64(5,'D')`, `np.timedelta64(3)`, `np.timedelta64('NaT','s')`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeDelta64 {
    count: i64,
    unit: DateTimeUnit,
}

impl TimeDelta64 {
    /// A timedelta of `count` units (`np.timedelta64(count, unit)`).
    #[must_use]
    pub const fn new(count: i64, unit: DateTimeUnit) -> Self {
        TimeDelta64 { count, unit }
    }

    /// The raw count (`.view('i8')`).
    #[must_use]
    pub const fn count(&self) -> i64 {
        self.count
    }

    /// The unit.
    #[must_use]
    pub const fn unit(&self) -> DateTimeUnit {
        self.unit
    }

    /// True for NaT (`np.isnat`).
    #[must_use]
    pub const fn is_nat(&self) -> bool {
        self.count == NAT
    }

    /// NumPy's `repr()`: `np.timedelta64(5,'D')`; generic units name no unit.
    #[must_use]
    pub fn repr(&self) -> String {
        let value = if self.is_nat() { "'NaT'".to_string() } else { self.count.to_string() };
        if self.unit.unit == TimeUnit::Generic {
            format!("np.timedelta64({value})")
        } else {
            format!("np.timedelta64({value},'{}')", crate::unit_str(self.unit))
        }
    }
}

impl fmt::Display for TimeDelta64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&nprs_core::print::timedelta_str(self.count, self.unit))
    }
}

impl fmt::Debug for TimeDelta64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}
