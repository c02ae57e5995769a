//! # nprs-datetime
//!
//! NumPy's `datetime64` and `timedelta64` for nprs: units from years to attoseconds, parsing
//! and formatting of ISO 8601 strings, arithmetic and unit conversion, `datetime_as_string`,
//! business-day functions (busday_offset, busday_count, is_busday) and chrono interop.
//!
//! This crate is part of nprs (NumPy for Rust). It compiles today and is empty: its
//! contents land in the releases listed in the workspace CHANGELOG.
#![forbid(unsafe_code)]
