//! `astype` between datetimes and strings (`U`/`S`): nprs-core's cast, which parses and
//! formats ISO 8601 with the same code as this crate.

use nprs_core::DynArray;
use nprs_core::dtype::Descr;

use crate::error::Result;

/// NumPy's `a.astype(to)`, as nprs-core's [`astype`](nprs_core::DynBase::astype) does it
/// (including the casts between `datetime64`/`timedelta64` and strings: `U`/`S` arrays are
/// parsed, `astype('M8')` inferring the finest unit the strings imply and `astype('m8[s]')`
/// reading integers and `NaT`; datetimes become their ISO 8601 text and timedeltas their
/// `str()`, `5 seconds`, in NumPy's width when the target has none), with the errors as
/// this crate's.
///
/// # Errors
/// The parse errors of [`parse_datetime`](crate::parse_datetime); NumPy's `ValueError` for
/// a generic-unit datetime that is not NaT and "Could not convert object to NumPy
/// timedelta"; "The string provided for NumPy ISO datetime formatting was too short" for a
/// string target narrower than a value; nprs-core's cast errors.
///
/// ```
/// use nprs_core::dtype::Descr;
/// use nprs_core::DynArray;
///
/// let s = DynArray::from_scalars(&[2], &Descr::parse("U10").unwrap(), &["2026-03-01".into(), "NaT".into()]).unwrap();
/// let d = nprs_datetime::astype(&s, &Descr::parse("M8").unwrap())?;
/// assert_eq!(d.dtype().name(), "datetime64[D]");
/// let back = nprs_datetime::astype(&d, &Descr::parse("U").unwrap())?;
/// assert_eq!(back.dtype().str(), "<U28");
/// # Ok::<(), nprs_datetime::Error>(())
/// ```
pub fn astype(a: &DynArray, to: &Descr) -> Result<DynArray> {
    Ok(a.astype(to)?)
}
