//! `numpy.format_float_positional` and `numpy.format_float_scientific`: one float as a
//! string, with NumPy's Dragon4 digits and every option of NumPy's functions.

use half::bf16;

use super::dragon4::{Cutoff, DigitMode, Spec, Trim, positional, scientific};
use crate::dtype::f16;
use crate::error::{Error, Result};

/// A float that the two formatters take: `f16`, `f32`, `f64` and `bf16`, each printed
/// with its own type's shortest unique digits (as NumPy does for `np.float16`,
/// `np.float32` and `np.float64` scalars).
pub trait FormatFloat: Copy + sealed::Sealed {}

mod sealed {
    /// Which float type a value is, and its bits (not reachable outside the crate).
    pub trait Sealed {
        fn kind_and_bits(self) -> (u8, u64);
    }
}

macro_rules! format_float {
    ($($t:ty => $tag:literal),*) => {$(
        impl sealed::Sealed for $t {
            fn kind_and_bits(self) -> (u8, u64) {
                ($tag, u64::from(self.to_bits()))
            }
        }
        impl FormatFloat for $t {}
    )*};
}
format_float!(f16 => 0, bf16 => 1, f32 => 2, f64 => 3);

/// Formats `x` with the float type it came as.
fn dispatch<F: FormatFloat>(x: F, cutoff: Option<Cutoff>, spec: &Spec) -> String {
    fn one<T: super::dragon4::FloatBits>(x: T, cutoff: Option<Cutoff>, spec: &Spec) -> String {
        match cutoff {
            Some(c) => positional(x, c, spec),
            None => scientific(x, spec),
        }
    }
    let (tag, bits) = x.kind_and_bits();
    // The bits came from a value of the tagged type, so they fit it.
    match tag {
        0 => one(f16::from_bits(bits as u16), cutoff, spec),
        1 => one(bf16::from_bits(bits as u16), cutoff, spec),
        2 => one(f32::from_bits(bits as u32), cutoff, spec),
        _ => one(f64::from_bits(bits), cutoff, spec),
    }
}

/// NumPy's `trim` argument of the float formatters: what happens to trailing zeros and
/// the decimal point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum FloatTrim {
    /// `'k'`: keep trailing zeros and the point.
    #[default]
    Keep,
    /// `'.'`: drop trailing zeros, keep the point.
    Point,
    /// `'0'`: drop trailing zeros but keep one zero after the point.
    Zero,
    /// `'-'`: drop trailing zeros and the point.
    Minus,
}

impl FloatTrim {
    fn inner(self) -> Trim {
        match self {
            FloatTrim::Keep => Trim::Keep,
            FloatTrim::Point => Trim::Zeros,
            FloatTrim::Zero => Trim::LeaveOneZero,
            FloatTrim::Minus => Trim::DptZeros,
        }
    }
}

impl std::str::FromStr for FloatTrim {
    type Err = Error;

    /// NumPy's spellings: `"k"`, `"."`, `"0"`, `"-"`.
    fn from_str(s: &str) -> Result<FloatTrim> {
        match s {
            "k" => Ok(FloatTrim::Keep),
            "." => Ok(FloatTrim::Point),
            "0" => Ok(FloatTrim::Zero),
            "-" => Ok(FloatTrim::Minus),
            _ => Err(Error::FloatTrim { got: s.to_string() }),
        }
    }
}

/// The options of [`format_float_positional`] and [`format_float_scientific`], NumPy's
/// keyword arguments with NumPy's defaults (`FloatFormat::new()`): `precision=None`,
/// `unique=True`, `fractional=True`, `trim='k'`, `sign=False`, no padding, no minimum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FloatFormat {
    /// `precision`: the most digits to print (`None`: as many as `unique` needs).
    pub precision: Option<usize>,
    /// `unique`: the shortest digits that identify the value (else the exact expansion,
    /// which needs a `precision`).
    pub unique: bool,
    /// `fractional` (positional only): `precision` counts digits after the point, else all
    /// significant digits.
    pub fractional: bool,
    /// `trim`.
    pub trim: FloatTrim,
    /// `sign`: a `+` before positive values.
    pub sign: bool,
    /// `pad_left`: pad the whole part with spaces to this many characters.
    pub pad_left: Option<usize>,
    /// `pad_right` (positional only): pad the fraction with spaces to this many characters.
    pub pad_right: Option<usize>,
    /// `min_digits`: at least this many digits (after the point when `fractional`).
    pub min_digits: Option<usize>,
    /// `exp_digits` (scientific only): at least this many exponent digits.
    pub exp_digits: Option<usize>,
}

impl Default for FloatFormat {
    fn default() -> FloatFormat {
        FloatFormat::new()
    }
}

impl FloatFormat {
    /// NumPy's defaults.
    #[must_use]
    pub const fn new() -> FloatFormat {
        FloatFormat {
            precision: None,
            unique: true,
            fractional: true,
            trim: FloatTrim::Keep,
            sign: false,
            pad_left: None,
            pad_right: None,
            min_digits: None,
            exp_digits: None,
        }
    }

    /// `precision=n`.
    #[must_use]
    pub const fn precision(mut self, n: usize) -> FloatFormat {
        self.precision = Some(n);
        self
    }

    /// `unique=...`.
    #[must_use]
    pub const fn unique(mut self, unique: bool) -> FloatFormat {
        self.unique = unique;
        self
    }

    /// `fractional=...`.
    #[must_use]
    pub const fn fractional(mut self, fractional: bool) -> FloatFormat {
        self.fractional = fractional;
        self
    }

    /// `trim=...`.
    #[must_use]
    pub const fn trim(mut self, trim: FloatTrim) -> FloatFormat {
        self.trim = trim;
        self
    }

    /// `sign=...`.
    #[must_use]
    pub const fn sign(mut self, sign: bool) -> FloatFormat {
        self.sign = sign;
        self
    }

    /// `pad_left=n`.
    #[must_use]
    pub const fn pad_left(mut self, n: usize) -> FloatFormat {
        self.pad_left = Some(n);
        self
    }

    /// `pad_right=n`.
    #[must_use]
    pub const fn pad_right(mut self, n: usize) -> FloatFormat {
        self.pad_right = Some(n);
        self
    }

    /// `min_digits=n`.
    #[must_use]
    pub const fn min_digits(mut self, n: usize) -> FloatFormat {
        self.min_digits = Some(n);
        self
    }

    /// `exp_digits=n`.
    #[must_use]
    pub const fn exp_digits(mut self, n: usize) -> FloatFormat {
        self.exp_digits = Some(n);
        self
    }

    /// The checks NumPy makes before formatting, and the formatter's arguments.
    fn spec(&self) -> Result<Spec> {
        let int = |v: Option<usize>| v.map(|n| i32::try_from(n).unwrap_or(i32::MAX));
        let (precision, min_digits) = (int(self.precision), int(self.min_digits));
        if let (Some(m), Some(p)) = (min_digits, precision)
            && m > 0
            && p > 0
            && m > p
        {
            return Err(Error::MinDigitsPrecision);
        }
        if !self.unique && precision.is_none() {
            return Err(Error::NonUniquePrecision);
        }
        Ok(Spec {
            mode: if self.unique { DigitMode::Unique } else { DigitMode::Exact },
            precision,
            min_digits,
            trim: self.trim.inner(),
            sign: self.sign,
            pad_left: int(self.pad_left),
            pad_right: int(self.pad_right),
            exp_digits: int(self.exp_digits),
        })
    }
}

/// `numpy.format_float_positional(x, precision, unique, fractional, trim, sign, pad_left,
/// pad_right, min_digits)`: `x` in positional notation.
///
/// ```
/// use nprs_core::{FloatFormat, FloatTrim, format_float_positional};
/// assert_eq!(format_float_positional(0.1f32, &FloatFormat::new())?, "0.1");
/// assert_eq!(format_float_positional(0.1f64, &FloatFormat::new().unique(false).precision(20))?, "0.10000000000000000555");
/// assert_eq!(format_float_positional(1.0f64, &FloatFormat::new().trim(FloatTrim::Minus))?, "1");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's ValueErrors: `fractional=False` with `precision=0`, `min_digits` above
/// `precision`; its TypeError for `unique=False` without a `precision`.
pub fn format_float_positional<F: FormatFloat>(x: F, options: &FloatFormat) -> Result<String> {
    if !options.fractional && options.precision == Some(0) {
        return Err(Error::PrecisionNotFractional);
    }
    let spec = options.spec()?;
    Ok(dispatch(x, Some(if options.fractional { Cutoff::Fraction } else { Cutoff::Total }), &spec))
}

/// `numpy.format_float_scientific(x, precision, unique, trim, sign, pad_left, exp_digits,
/// min_digits)`: `x` in scientific notation (`fractional` and `pad_right` are not
/// arguments of NumPy's function and are ignored).
///
/// ```
/// use nprs_core::{FloatFormat, format_float_scientific};
/// assert_eq!(format_float_scientific(1e-5f64, &FloatFormat::new())?, "1.e-05");
/// assert_eq!(format_float_scientific(12345.0f32, &FloatFormat::new().exp_digits(3))?, "1.2345e+004");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`format_float_positional`] (`min_digits` above `precision`, `unique=False` without
/// a `precision`).
pub fn format_float_scientific<F: FormatFloat>(x: F, options: &FloatFormat) -> Result<String> {
    let spec = Spec { pad_right: None, ..options.spec()? };
    Ok(dispatch(x, None, &spec))
}
