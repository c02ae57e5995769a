//! Print options: NumPy's `set_printoptions`, `get_printoptions` and `printoptions`.
//!
//! The options live in a thread-local slot (NumPy keeps them in a context variable, so a new
//! thread starts from the defaults there too). [`with_printoptions`] and [`printoptions`]
//! change them for a scope and restore the previous ones afterwards, even on panic.

use std::cell::RefCell;
use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result};

/// How floats are given their digits (`floatmode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum FloatMode {
    /// `'fixed'`: always `precision` fractional digits.
    Fixed,
    /// `'unique'`: the fewest digits that tell each value apart; `precision` is ignored.
    Unique,
    /// `'maxprec'` (the default): at most `precision` digits, fewer if a value needs fewer;
    /// values are padded with spaces to a common width.
    #[default]
    MaxPrec,
    /// `'maxprec_equal'`: at most `precision` digits, the same number for every element.
    MaxPrecEqual,
}

impl FloatMode {
    /// NumPy's name for the mode.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            FloatMode::Fixed => "fixed",
            FloatMode::Unique => "unique",
            FloatMode::MaxPrec => "maxprec",
            FloatMode::MaxPrecEqual => "maxprec_equal",
        }
    }
}

impl fmt::Display for FloatMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for FloatMode {
    type Err = Error;

    /// Parses NumPy's names: `"fixed"`, `"unique"`, `"maxprec"`, `"maxprec_equal"`.
    ///
    /// # Errors
    /// `ValueError` with NumPy's message for any other name.
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "fixed" => Ok(FloatMode::Fixed),
            "unique" => Ok(FloatMode::Unique),
            "maxprec" => Ok(FloatMode::MaxPrec),
            "maxprec_equal" => Ok(FloatMode::MaxPrecEqual),
            _ => Err(Error::FloatMode),
        }
    }
}

/// Where signs are printed (`sign`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Sign {
    /// `'-'` (the default): only negative values carry a sign.
    #[default]
    Minus,
    /// `'+'`: positive values carry a `+`.
    Plus,
    /// `' '`: positive values get a space where the sign would be.
    Space,
}

impl Sign {
    /// NumPy's character for the setting.
    #[must_use]
    pub const fn as_char(self) -> char {
        match self {
            Sign::Minus => '-',
            Sign::Plus => '+',
            Sign::Space => ' ',
        }
    }
}

impl TryFrom<char> for Sign {
    type Error = Error;

    /// Accepts `'-'`, `'+'` and `' '`.
    ///
    /// # Errors
    /// `ValueError` with NumPy's message for any other character.
    fn try_from(c: char) -> Result<Self> {
        match c {
            '-' => Ok(Sign::Minus),
            '+' => Ok(Sign::Plus),
            ' ' => Ok(Sign::Space),
            _ => Err(Error::SignOption),
        }
    }
}

impl FromStr for Sign {
    type Err = Error;

    /// Accepts `"-"`, `"+"` and `" "`.
    ///
    /// # Errors
    /// `ValueError` with NumPy's message for anything else.
    fn from_str(s: &str) -> Result<Self> {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Sign::try_from(c),
            _ => Err(Error::SignOption),
        }
    }
}

/// NumPy's print options (`np.get_printoptions()`), with NumPy's defaults.
///
/// ```
/// use nprs_core::print::{PrintOptions, with_printoptions};
/// use nprs_core::array;
///
/// let opts = PrintOptions { precision: 3, ..PrintOptions::default() };
/// let s = with_printoptions(opts, || format!("{:?}", array![1.0 / 3.0, 2.0]));
/// assert_eq!(s, "array([0.333, 2.   ])");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PrintOptions {
    /// Digits after the decimal point for floats (default 8).
    pub precision: usize,
    /// Arrays with more elements than this are summarised with `...` (default 1000).
    pub threshold: usize,
    /// Items kept at each end of every axis when summarising (default 3).
    pub edgeitems: usize,
    /// Characters per line before wrapping (default 75).
    pub linewidth: usize,
    /// Never switch to scientific notation because of small values (default false).
    pub suppress: bool,
    /// How NaN is printed (default `"nan"`).
    pub nanstr: String,
    /// How infinity is printed (default `"inf"`).
    pub infstr: String,
    /// Sign of positive values (default [`Sign::Minus`]).
    pub sign: Sign,
    /// How float digits are chosen (default [`FloatMode::MaxPrec`]).
    pub floatmode: FloatMode,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions {
            precision: 8,
            threshold: 1000,
            edgeitems: 3,
            linewidth: 75,
            suppress: false,
            nanstr: "nan".into(),
            infstr: "inf".into(),
            sign: Sign::Minus,
            floatmode: FloatMode::MaxPrec,
        }
    }
}

thread_local! {
    static CURRENT: RefCell<PrintOptions> = RefCell::new(PrintOptions::default());
}

/// The print options in force on this thread (`np.get_printoptions()`).
#[must_use]
pub fn get_printoptions() -> PrintOptions {
    CURRENT.with(|c| c.borrow().clone())
}

/// Sets the print options of this thread (`np.set_printoptions`).
///
/// Start from [`get_printoptions`] to change one field:
/// `set_printoptions(PrintOptions { precision: 4, ..get_printoptions() })`.
/// `set_printoptions(PrintOptions::default())` restores NumPy's defaults.
pub fn set_printoptions(options: PrintOptions) {
    CURRENT.with(|c| *c.borrow_mut() = options);
}

/// Restores the print options it replaced when dropped; made by [`printoptions`].
#[must_use = "the options are restored as soon as the guard is dropped"]
#[derive(Debug)]
pub struct PrintOptionsGuard {
    previous: Option<PrintOptions>,
}

impl Drop for PrintOptionsGuard {
    fn drop(&mut self) {
        if let Some(p) = self.previous.take() {
            set_printoptions(p);
        }
    }
}

/// Sets print options until the returned guard is dropped (`with np.printoptions(...)`).
///
/// ```
/// use nprs_core::print::{PrintOptions, get_printoptions, printoptions};
///
/// {
///     let _g = printoptions(PrintOptions { linewidth: 100, ..get_printoptions() });
///     assert_eq!(get_printoptions().linewidth, 100);
/// }
/// assert_eq!(get_printoptions().linewidth, 75);
/// ```
pub fn printoptions(options: PrintOptions) -> PrintOptionsGuard {
    let previous = CURRENT.with(|c| std::mem::replace(&mut *c.borrow_mut(), options));
    PrintOptionsGuard { previous: Some(previous) }
}

/// Runs `f` with `options` in force on this thread, then restores the previous options.
pub fn with_printoptions<R>(options: PrintOptions, f: impl FnOnce() -> R) -> R {
    let _guard = printoptions(options);
    f()
}
