//! Float elements of an array: one format for all printed values, as NumPy's
//! `FloatingFormat` builds it.
//!
//! The format is chosen from the finite values that will be printed:
//! - scientific notation when the largest magnitude reaches `10^min(8, finfo.precision)`
//!   (1e3 for `float16`, 1e6 for `float32`, 1e8 for `float64`), or, unless `suppress`,
//!   when the smallest non-zero magnitude is below `1e-4` or the ratio of largest to
//!   smallest exceeds 1000 (all compared in the array's own type);
//! - a first pass formats every value to learn the widest integer part, fraction and
//!   exponent; the second pass pads every value to those widths (or, for `fixed` and
//!   `maxprec_equal`, gives every value the same number of digits);
//! - NaN and infinity are right-aligned to the common width.

use super::dragon4::{Cutoff, DigitMode, FloatBits, Spec, Trim, positional, scientific};
use super::options::{FloatMode, PrintOptions, Sign};
use crate::error::{Error, Result};

/// The longest float NumPy formats: its Dragon4 buffer holds 16,384 bytes with the
/// terminating NUL. A longer result is its RuntimeError "Float formatting result too large"
/// (for positional output; NumPy cuts scientific output short instead, and nprs raises the
/// same error there — see `docs/deviations.md`).
const MAX_FORMATTED: i64 = 16_383;

/// A prepared float format (NumPy's `FloatingFormat` after `fillFormat`).
#[derive(Clone, Debug)]
pub(crate) struct FloatFormat {
    exp_format: bool,
    precision: Option<i32>,
    min_digits: Option<i32>,
    unique: bool,
    trim: Trim,
    pad_left: i32,
    pad_right: i32,
    exp_size: i32,
    sign: Sign,
    nanstr: String,
    infstr: String,
}

impl FloatFormat {
    /// Prepares the format for `data` (the values that will be printed).
    ///
    /// # Errors
    /// [`Error::FloatFormatTooLarge`] when a finite value would print longer than NumPy's
    /// limit (a huge `precision` in `fixed` mode, a huge `nanstr` or `infstr` beside finite
    /// values).
    pub(crate) fn new<F: FloatBits>(data: &[F], opts: &PrintOptions, sign: Sign) -> Result<FloatFormat> {
        // Precisions past an i32 mean "every digit" as surely as i32::MAX does.
        let precision = if opts.floatmode == FloatMode::Unique {
            None
        } else {
            Some(i32::try_from(opts.precision).unwrap_or(i32::MAX))
        };
        let mut f = FloatFormat {
            exp_format: false,
            precision,
            min_digits: None,
            unique: true,
            trim: Trim::Zeros,
            pad_left: 0,
            pad_right: 0,
            exp_size: -1,
            sign,
            nanstr: opts.nanstr.clone(),
            infstr: opts.infstr.clone(),
        };
        let finite = data.iter().any(|x| x.to_f64().is_finite());
        // Fixed mode prints every digit of the precision: past the limit, every finite
        // value is too long, and making its digits first would take memory and time.
        if finite && opts.floatmode == FloatMode::Fixed && opts.precision > (MAX_FORMATTED - 2) as usize {
            return Err(Error::FloatFormatTooLarge);
        }
        f.fill(data, opts.floatmode, opts.suppress);
        if finite && i64::from(f.pad_left) + i64::from(f.pad_right) + 1 > MAX_FORMATTED {
            return Err(Error::FloatFormatTooLarge);
        }
        Ok(f)
    }

    fn fill<F: FloatBits>(&mut self, data: &[F], floatmode: FloatMode, suppress: bool) {
        let finite: Vec<F> = data.iter().copied().filter(|x| x.to_f64().is_finite()).collect();
        let plus = self.sign == Sign::Plus;

        // Scientific or positional, from the non-zero finite magnitudes.
        let mut max = None::<f64>;
        let mut min = None::<f64>;
        for x in &finite {
            let a = x.to_f64().abs();
            if a != 0.0 {
                max = Some(max.map_or(a, |m| m.max(a)));
                min = Some(min.map_or(a, |m| m.min(a)));
            }
        }
        if let (Some(max), Some(min)) = (max, min) {
            // Python float constants meet NumPy scalars as weak scalars: they are rounded to
            // the array's type before comparing.
            let in_type = |c: f64| F::from_f64(c).to_f64();
            let cutoff = in_type(10f64.powi(F::FINFO_PRECISION.min(8) as i32));
            let ratio = F::from_f64(max / min).to_f64();
            if max >= cutoff || (!suppress && (min < in_type(0.0001) || ratio > in_type(1000.0))) {
                self.exp_format = true;
            }
        }

        if finite.is_empty() {
            self.pad_left = 0;
            self.pad_right = 0;
            self.trim = Trim::Zeros;
            self.exp_size = -1;
            self.unique = true;
            self.min_digits = None;
        } else if self.exp_format {
            let (trim, unique) = if floatmode == FloatMode::Fixed { (Trim::Keep, false) } else { (Trim::Zeros, true) };
            let spec = Spec {
                mode: if unique { DigitMode::Unique } else { DigitMode::Exact },
                precision: self.precision,
                min_digits: None,
                trim,
                sign: plus,
                pad_left: None,
                pad_right: None,
                exp_digits: None,
            };
            let (mut int_w, mut frac_w, mut exp_w) = (0, 0, 0);
            for &x in &finite {
                let s = scientific(x, &spec);
                let (mant, exp) = s.split_once('e').unwrap_or((&s, ""));
                let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
                int_w = int_w.max(int.len() as i32);
                frac_w = frac_w.max(frac.len() as i32);
                exp_w = exp_w.max(exp.len() as i32);
            }
            self.exp_size = exp_w - 1;
            self.trim = Trim::Keep;
            self.precision = Some(frac_w);
            self.min_digits = Some(frac_w);
            self.unique = unique;
            self.pad_left = int_w;
            self.pad_right = self.exp_size + 2 + frac_w;
        } else {
            let (trim, unique) = if floatmode == FloatMode::Fixed { (Trim::Keep, false) } else { (Trim::Zeros, true) };
            let spec = Spec {
                mode: if unique { DigitMode::Unique } else { DigitMode::Exact },
                precision: self.precision,
                min_digits: None,
                trim,
                sign: plus,
                pad_left: None,
                pad_right: None,
                exp_digits: None,
            };
            let (mut int_w, mut frac_w) = (0, 0);
            for &x in &finite {
                let s = positional(x, Cutoff::Fraction, &spec);
                let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
                int_w = int_w.max(int.len() as i32);
                frac_w = frac_w.max(frac.len() as i32);
            }
            self.pad_left = int_w;
            self.pad_right = frac_w;
            self.exp_size = -1;
            self.unique = unique;
            if matches!(floatmode, FloatMode::Fixed | FloatMode::MaxPrecEqual) {
                self.precision = Some(frac_w);
                self.min_digits = Some(frac_w);
                self.trim = Trim::Keep;
            } else {
                self.trim = Trim::Zeros;
                self.min_digits = Some(0);
            }
        }

        if self.sign == Sign::Space && !finite.iter().any(|x| x.classify().0) {
            self.pad_left += 1;
        }

        if finite.len() != data.len() {
            let neginf = self.sign != Sign::Minus || data.iter().any(|x| x.to_f64() == f64::NEG_INFINITY);
            let offset = self.pad_right.saturating_add(1);
            let nan_w = i32::try_from(self.nanstr.chars().count()).unwrap_or(i32::MAX);
            let inf_w =
                i32::try_from(self.infstr.chars().count()).unwrap_or(i32::MAX).saturating_add(i32::from(neginf));
            self.pad_left = self.pad_left.max(nan_w - offset).max(inf_w - offset);
        }
    }

    /// Formats one value.
    pub(crate) fn format<F: FloatBits>(&self, x: F) -> String {
        let v = x.to_f64();
        if !v.is_finite() {
            let ret = if v.is_nan() {
                let s = if self.sign == Sign::Plus { "+" } else { "" };
                format!("{s}{}", self.nanstr)
            } else {
                let s = if v < 0.0 {
                    "-"
                } else if self.sign == Sign::Plus {
                    "+"
                } else {
                    ""
                };
                format!("{s}{}", self.infstr)
            };
            // Padded by hand: the formatter's width is limited to 65,535.
            let width = (i64::from(self.pad_left) + i64::from(self.pad_right) + 1).max(0) as usize;
            let pad = width.saturating_sub(ret.chars().count());
            return " ".repeat(pad) + &ret;
        }
        let spec = Spec {
            mode: if self.unique { DigitMode::Unique } else { DigitMode::Exact },
            precision: self.precision,
            min_digits: self.min_digits,
            trim: self.trim,
            sign: self.sign == Sign::Plus,
            pad_left: Some(self.pad_left),
            pad_right: Some(self.pad_right),
            exp_digits: Some(self.exp_size),
        };
        if self.exp_format {
            scientific(x, &Spec { pad_right: None, ..spec })
        } else {
            positional(x, Cutoff::Fraction, &Spec { exp_digits: None, ..spec })
        }
    }
}
