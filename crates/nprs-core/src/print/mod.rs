//! Printing arrays exactly as NumPy does: `Display` is `str(arr)`, `Debug` is `repr(arr)`.
//!
//! ```
//! use nprs_core::prelude::*;
//!
//! let a = array![[1.5, 2.0], [3.25, -4.0]];
//! assert_eq!(format!("{a}"), "[[ 1.5   2.  ]\n [ 3.25 -4.  ]]");
//! assert_eq!(format!("{a:?}"), "array([[ 1.5 ,  2.  ],\n       [ 3.25, -4.  ]])");
//! let b = Array::<i8>::arange(3);
//! assert_eq!(format!("{b:?}"), "array([0, 1, 2], dtype=int8)");
//! ```
//!
//! What is covered, for every element type:
//! - NumPy's element formats: booleans padded to `" True"`, integers right-aligned, floats
//!   with the shortest digits that round-trip in their own type (`float16` included), capped
//!   by `precision` and padded to a common layout, switching to scientific notation on
//!   NumPy's thresholds; complex numbers as two aligned float columns (`1.+2.j`).
//! - Summarisation past `threshold` elements with `...` and `edgeitems`, wrapping at
//!   `linewidth`, nested brackets with blank lines between blocks of 3-d and larger arrays.
//! - `repr`'s `dtype=` and `shape=` suffixes; 0-d arrays (`array(5)`, and `str` prints the
//!   scalar: `5`, `0.30000000000000004`, `(1+2j)`); empty arrays
//!   (`array([], shape=(0, 3), dtype=int64)`).
//! - Print options ([`PrintOptions`]) set per thread ([`set_printoptions`]) or for a scope
//!   ([`with_printoptions`], [`printoptions`]); the free functions [`array_repr`],
//!   [`array_str`] and [`array2string`] take options explicitly. A precision in the format
//!   spec overrides the `precision` option: `format!("{a:.3}")`, `format!("{a:.3?}")`.
//!
//! The layout engine ([`Layout`]) is independent of the element type: dynamic arrays
//! ([`DynArray`](crate::DynArray)) print every dtype through it and through these element
//! formats, adding strings, bytes, records, sub-arrays, `datetime64` ([`datetime_as_string`])
//! and `timedelta64` ([`timedelta_str`]).

mod bignum;
mod datetime;
mod datetime_parse;
mod dragon4;
mod elements;
mod float;
mod format_float;
mod layout;
mod localtime;
mod options;
mod series;

use std::fmt;

pub use datetime::{
    DateTimeFields, NAT, check_conversion_factor, civil_from_days, convert_datetime, datetime_as_string,
    days_from_civil, days_in_month, is_leap_year, linear_unit_factor, timedelta_str,
};
pub(crate) use datetime::{format_datetimes, format_timedeltas, scale_floor, unit_factor};
pub use datetime_parse::{IsoDateTime, TIMEZONE_WARNING, parse_iso_datetime, today_in, warn_timezone};
pub(crate) use elements::Values;
pub use format_float::{FloatFormat, FloatTrim, FormatFloat, format_float_positional, format_float_scientific};
pub use layout::Layout;
pub use localtime::{TimeZone, TimeZoneError};
pub use options::{
    FloatMode, PrintOptions, PrintOptionsGuard, Sign, get_printoptions, printoptions, set_printoptions,
    with_printoptions,
};
pub use series::series_float_str;

use crate::array::ArrayBase;
use crate::dtype::DType;
use crate::storage::Data;

/// The shown elements of `a` (C order), sorted into their family.
fn shown_values<S: Data>(a: &ArrayBase<S>, layout: &Layout) -> Values {
    if !layout.summarize {
        return Values::from_vec(a.to_vec());
    }
    let mut out = Vec::new();
    let mut idx = Vec::with_capacity(a.ndim());
    layout.for_each_kept(a.shape(), |i| {
        idx.clear();
        idx.extend(i.iter().map(|&x| x as isize));
        if let Ok(v) = a.get(&idx) {
            out.push(v);
        }
    });
    Values::from_vec(out)
}

/// NumPy's `np.array2string(a, separator=..., prefix=..., suffix=...)` with the given
/// options: the bracketed elements without `array(` or any dtype suffix.
///
/// `prefix` is only measured (continuation lines are indented past it); `suffix` is only
/// measured too (the last line leaves room for it). An empty array gives `[]`.
///
/// ```
/// use nprs_core::print::{PrintOptions, array2string};
/// use nprs_core::array;
///
/// let a = array![1.0, 2.5, 3.0];
/// assert_eq!(array2string(&a, &PrintOptions::default(), ", ", "", ""), "[1. , 2.5, 3. ]");
/// ```
pub fn array2string<S: Data>(
    a: &ArrayBase<S>,
    options: &PrintOptions,
    separator: &str,
    prefix: &str,
    suffix: &str,
) -> String {
    if a.size() == 0 {
        return "[]".into();
    }
    let layout = Layout::for_array(a.size(), options, separator, prefix, suffix);
    let values = shown_values(a, &layout);
    let mut words = crate::error::or_panic(values.format_all(a.ndim() == 0, options));
    layout.render(a.shape(), |k| std::mem::take(&mut words[k]))
}

/// True when `repr` need not name the dtype (NumPy's defaults: `bool`, `int64`, `float64`,
/// `complex128`).
fn dtype_is_implied(d: DType) -> bool {
    matches!(d, DType::Bool | DType::Int64 | DType::Float64 | DType::Complex128)
}

/// A shape as a Python tuple: `(2000,)`, `(0, 3)`, `()`.
fn shape_tuple(shape: &[usize]) -> String {
    match shape {
        [n] => format!("({n},)"),
        _ => format!("({})", shape.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")),
    }
}

/// NumPy's `repr(a)` (`np.array_repr`) with the given options.
///
/// ```
/// use nprs_core::print::{PrintOptions, array_repr};
/// use nprs_core::prelude::*;
///
/// let a = Array::<f32>::zeros(&[0, 3]).unwrap();
/// assert_eq!(array_repr(&a, &PrintOptions::default()), "array([], shape=(0, 3), dtype=float32)");
/// ```
pub fn array_repr<S: Data>(a: &ArrayBase<S>, options: &PrintOptions) -> String {
    let body = array2string(a, options, ", ", "array(", ")");
    let dtype = a.dtype();
    repr_from_parts(&body, a.shape(), dtype.name(), dtype_is_implied(dtype), options)
}

/// Wraps the body of a `repr` (from [`array2string`] with separator `", "`, prefix
/// `"array("` and suffix `")"`) into `array(...)`, adding `shape=` and `dtype=` where NumPy
/// does: the shape when the array is summarised or is empty with a shape other than `(0,)`,
/// the dtype when it is not implied by the values or the array is empty. The extras move
/// to their own line when they would pass the line width.
///
/// `dtype` is printed as given (`float32`; quote it for dtypes NumPy quotes, `'<U3'`).
/// For other element kinds that format their own bodies.
///
/// ```
/// use nprs_core::print::{PrintOptions, repr_from_parts};
///
/// let r = repr_from_parts("['ab', 'c']", &[2], "'<U2'", false, &PrintOptions::default());
/// assert_eq!(r, "array(['ab', 'c'], dtype='<U2')");
/// ```
#[must_use]
pub fn repr_from_parts(
    body: &str,
    shape: &[usize],
    dtype: &str,
    dtype_implied: bool,
    options: &PrintOptions,
) -> String {
    let prefix = "array(";
    let size: usize = shape.iter().product();
    let mut extras = Vec::new();
    if (size == 0 && shape != [0]) || size > options.threshold {
        extras.push(format!("shape={}", shape_tuple(shape)));
    }
    if !dtype_implied || size == 0 {
        extras.push(format!("dtype={dtype}"));
    }
    if extras.is_empty() {
        return format!("{prefix}{body})");
    }
    let arr_str = format!("{prefix}{body},");
    let extra_str = format!("{})", extras.join(", "));
    let last_line = arr_str.rfind('\n').map_or(arr_str.as_str(), |i| &arr_str[i + 1..]);
    let last_len = last_line.chars().count();
    let spacer = if last_len + extra_str.chars().count() + 1 > options.linewidth {
        format!("\n{}", " ".repeat(prefix.len()))
    } else {
        " ".to_string()
    };
    format!("{arr_str}{spacer}{extra_str}")
}

/// NumPy's `str(a)` (`np.array_str`) with the given options. A 0-d array prints its
/// element as a NumPy scalar's `str` (full precision, no brackets).
///
/// ```
/// use nprs_core::print::{PrintOptions, array_str};
/// use nprs_core::prelude::*;
///
/// let a = Array::from_elem_0d(0.1 + 0.2);
/// assert_eq!(array_str(&a, &PrintOptions::default()), "0.30000000000000004");
/// ```
pub fn array_str<S: Data>(a: &ArrayBase<S>, options: &PrintOptions) -> String {
    if a.ndim() == 0 {
        return Values::from_vec(a.to_vec()).scalar_str();
    }
    array2string(a, options, " ", "", "")
}

/// This thread's print options, with the precision of a `{:.N}` format spec if one is given.
fn options_for(f: &fmt::Formatter<'_>) -> PrintOptions {
    let opts = get_printoptions();
    match f.precision() {
        Some(precision) => PrintOptions { precision, ..opts },
        None => opts,
    }
}

impl<S: Data> fmt::Debug for ArrayBase<S> {
    /// NumPy's `repr`, with this thread's print options; `{:.N?}` sets the precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&array_repr(self, &options_for(f)))
    }
}

impl<S: Data> fmt::Display for ArrayBase<S> {
    /// NumPy's `str`, with this thread's print options; `{:.N}` sets the precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&array_str(self, &options_for(f)))
    }
}
