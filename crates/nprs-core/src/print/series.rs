//! The scalar format of NumPy's polynomial series printing (`polyutils.format_float`).

use super::dragon4::{Cutoff, DigitMode, Spec, Trim, positional, scientific};
use super::options::{FloatMode, Sign, get_printoptions};

/// One coefficient as `str()` of a `numpy.polynomial` series writes it, under the current
/// print options: `nanstr`/`infstr` for non-finite values, scientific notation from `1e8`
/// up or below `10**min(0, -(precision - 1) // 2)`, otherwise positional, both with at
/// most `precision` digits (exactly that many under `floatmode='fixed'`). `parens` wraps a
/// scientific value in parentheses, as NumPy does for a term's coefficient.
///
/// ```
/// assert_eq!(nprs_core::print::series_float_str(2.0, false), "2.0");
/// assert_eq!(nprs_core::print::series_float_str(1.5e9, true), "(1.5e+09)");
/// ```
#[must_use]
pub fn series_float_str(x: f64, parens: bool) -> String {
    let opts = get_printoptions();
    if x.is_nan() {
        return opts.nanstr;
    }
    if x.is_infinite() {
        return opts.infstr;
    }
    let precision = i32::try_from(opts.precision).unwrap_or(i32::MAX);
    // Python's `-(precision - 1) // 2` floors.
    let low_exp = (-(precision - 1)).div_euclid(2).min(0);
    let a = x.abs();
    // `10**e` as Python's float: the correctly rounded power of ten.
    let low: f64 = format!("1e{low_exp}").parse().unwrap_or(1e-4);
    let exp_format = x != 0.0 && (a >= 1e8 || a < low);
    let (trim, mode) = if opts.floatmode == FloatMode::Fixed {
        (Trim::Keep, DigitMode::Exact)
    } else {
        (Trim::LeaveOneZero, DigitMode::Unique)
    };
    let spec = Spec { mode, precision: Some(precision), trim, sign: opts.sign == Sign::Plus, ..Spec::unique(trim) };
    if exp_format {
        let s = scientific(x, &spec);
        if parens { format!("({s})") } else { s }
    } else {
        positional(x, Cutoff::Fraction, &spec)
    }
}
