//! [`Scalar`]: a dynamically typed value, as a Python object is to NumPy; and [`Np`], the
//! NumPy-style printing of one Rust number.
//!
//! Scalars are what `item()` of a dynamic array returns (`int`, `float`, `str`, a tuple
//! for a record …) and what dynamic operations accept beside arrays. In arithmetic they
//! are "weak" (NEP 50): `Scalar::Float(2.5)` added to a `float32` array stays `float32`.
//!
//! Rust prints its own numbers its own way (`f32::MAX` with `{}` is a 39-digit integer);
//! [`NpFormat::np`] prints them as NumPy prints
//! a scalar of that dtype: `{}` is `str()` (`3.4028235e+38`), `{:?}` is `repr()`
//! (`np.float32(3.4028235e+38)`).
//!
//! ```
//! use nprs_core::scalar::NpFormat;
//! assert_eq!(f32::MAX.np().to_string(), "3.4028235e+38");
//! assert_eq!(format!("{:?}", 0.1f64.np()), "np.float64(0.1)");
//! assert_eq!(format!("{}", true.np()), "True");
//! ```

use std::fmt;

use crate::dtype::pyfmt::{py_bytes_repr, py_str_repr, repr_complex, repr_f64};
use crate::dtype::{C64, C128, DType, Element, f16};
use crate::print::Values;

/// A number printed as NumPy prints a scalar of its dtype: `Display` is NumPy's `str()`
/// (what `print(x)` shows), `Debug` its `repr()`. Made by [`NpFormat::np`].
///
/// `str()` uses the shortest digits that round-trip in the element's own type
/// (`float16` and `float32` included), positional between `1e-4` and `1e16` and scientific
/// outside; complex numbers print as `(1+2j)`; bools as `True`/`False`. Width and
/// alignment in the format spec apply (`{:>8}`).
///
/// ```
/// use nprs_core::scalar::NpFormat;
/// use nprs_core::{C64, f16};
/// assert_eq!(1e16f64.np().to_string(), "1e+16");
/// assert_eq!(f16::from_f64(0.3).np().to_string(), "0.3");
/// assert_eq!(C64::new(1.5, -2.25).np().to_string(), "(1.5-2.25j)");
/// assert_eq!(format!("{:?}", C64::new(1.5, -2.25).np()), "np.complex64(1.5-2.25j)");
/// assert_eq!(format!("{:?}", (-5i8).np()), "np.int8(-5)");
/// assert_eq!(format!("{:?}", false.np()), "np.False_");
/// assert_eq!(format!("[{:>6}]", 2.5f32.np()), "[   2.5]");
/// ```
#[derive(Clone, Copy, PartialEq)]
pub struct Np<T>(pub T);

/// `x.np()`: NumPy's printing for every element type (`bool`, the integers, `f16`, `f32`,
/// `f64`, `C64`, `C128`). See [`Np`].
pub trait NpFormat: Element {
    /// The value, printed as NumPy prints a scalar of this dtype.
    fn np(self) -> Np<Self> {
        Np(self)
    }
}

impl<T: Element> NpFormat for T {}

impl<T: Element> Np<T> {
    /// NumPy's `str()` of the value.
    fn str(&self) -> String {
        Values::from_vec(vec![self.0]).scalar_str()
    }
}

impl<T: Element> fmt::Display for Np<T> {
    /// NumPy's `str()`: `0.1`, `3.4028235e+38`, `(1+2j)`, `True`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.str())
    }
}

impl<T: Element> fmt::Debug for Np<T> {
    /// NumPy's `repr()`: `np.float32(3.4028235e+38)`, `np.complex128(1+2j)`, `np.True_`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.str();
        let s = if T::DTYPE == DType::Bool {
            format!("np.{s}_")
        } else {
            let inner = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(&s);
            format!("np.{}({inner})", T::DTYPE.name())
        };
        f.pad(&s)
    }
}

/// A dynamically typed value: Python's `bool`, `int`, `float`, `complex`, `str`, `bytes`,
/// and tuples (records) and lists (sub-arrays) of them.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    /// `bool`
    Bool(bool),
    /// `int` (any integer dtype's value fits).
    Int(i128),
    /// `float`
    Float(f64),
    /// `complex` (real, imaginary)
    Complex(f64, f64),
    /// `str`
    Str(String),
    /// `bytes`
    Bytes(Vec<u8>),
    /// A record's fields, in order.
    Tuple(Vec<Scalar>),
    /// A sub-array's elements (nested for more than one axis).
    List(Vec<Scalar>),
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Scalar {
            fn from(x: $t) -> Self { Scalar::Int(i128::from(x)) }
        }
    )*};
}
from_int!(i8, i16, i32, i64, u8, u16, u32, u64, i128);

impl From<isize> for Scalar {
    fn from(x: isize) -> Self {
        Scalar::Int(x as i128)
    }
}

impl From<usize> for Scalar {
    fn from(x: usize) -> Self {
        Scalar::Int(x as i128)
    }
}

impl From<bool> for Scalar {
    fn from(x: bool) -> Self {
        Scalar::Bool(x)
    }
}

impl From<f64> for Scalar {
    fn from(x: f64) -> Self {
        Scalar::Float(x)
    }
}

impl From<f32> for Scalar {
    fn from(x: f32) -> Self {
        Scalar::Float(f64::from(x))
    }
}

impl From<f16> for Scalar {
    fn from(x: f16) -> Self {
        Scalar::Float(x.to_f64())
    }
}

impl From<C128> for Scalar {
    fn from(x: C128) -> Self {
        Scalar::Complex(x.re, x.im)
    }
}

impl From<C64> for Scalar {
    fn from(x: C64) -> Self {
        Scalar::Complex(f64::from(x.re), f64::from(x.im))
    }
}

impl From<&str> for Scalar {
    fn from(x: &str) -> Self {
        Scalar::Str(x.to_string())
    }
}

impl From<String> for Scalar {
    fn from(x: String) -> Self {
        Scalar::Str(x)
    }
}

impl From<&[u8]> for Scalar {
    fn from(x: &[u8]) -> Self {
        Scalar::Bytes(x.to_vec())
    }
}

impl From<Vec<u8>> for Scalar {
    /// Bytes (`Vec<u8>` is a byte string, not a list of integers).
    fn from(x: Vec<u8>) -> Self {
        Scalar::Bytes(x)
    }
}

impl<A: Into<Scalar>, B: Into<Scalar>> From<(A, B)> for Scalar {
    fn from((a, b): (A, B)) -> Self {
        Scalar::Tuple(vec![a.into(), b.into()])
    }
}

impl<A: Into<Scalar>, B: Into<Scalar>, C: Into<Scalar>> From<(A, B, C)> for Scalar {
    fn from((a, b, c): (A, B, C)) -> Self {
        Scalar::Tuple(vec![a.into(), b.into(), c.into()])
    }
}

impl<A: Into<Scalar>, B: Into<Scalar>, C: Into<Scalar>, D: Into<Scalar>> From<(A, B, C, D)> for Scalar {
    fn from((a, b, c, d): (A, B, C, D)) -> Self {
        Scalar::Tuple(vec![a.into(), b.into(), c.into(), d.into()])
    }
}

macro_rules! from_vec {
    ($($t:ty),*) => {$(
        impl From<Vec<$t>> for Scalar {
            /// A list (a sub-array's values).
            fn from(v: Vec<$t>) -> Self {
                Scalar::List(v.into_iter().map(Into::into).collect())
            }
        }
    )*};
}
from_vec!(Scalar, bool, i8, i16, i32, i64, u16, u32, u64, f32, f64, &str, String);

impl<T: Into<Scalar> + Clone, const N: usize> From<[T; N]> for Scalar {
    fn from(v: [T; N]) -> Self {
        Scalar::List(v.into_iter().map(Into::into).collect())
    }
}

impl Scalar {
    /// Python's type name of the value (`int`, `float`, `str` …), as error messages use it.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Scalar::Bool(_) => "bool",
            Scalar::Int(_) => "int",
            Scalar::Float(_) => "float",
            Scalar::Complex(..) => "complex",
            Scalar::Str(_) => "str",
            Scalar::Bytes(_) => "bytes",
            Scalar::Tuple(_) => "tuple",
            Scalar::List(_) => "list",
        }
    }

    /// The value as `f64` for the numeric variants.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Scalar::Bool(b) => Some(f64::from(u8::from(b))),
            Scalar::Int(i) => Some(i as f64),
            Scalar::Float(x) => Some(x),
            _ => None,
        }
    }
}

impl fmt::Display for Scalar {
    /// Python's `repr` of the value: `True`, `3`, `1.5`, `(1+2j)`, `'abc'`, `b'ab'`,
    /// `('Alice', 25)`, `[1.0, 2.0]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Scalar::Int(i) => write!(f, "{i}"),
            Scalar::Float(x) => f.write_str(&repr_f64(*x)),
            Scalar::Complex(re, im) => f.write_str(&repr_complex(*re, *im)),
            Scalar::Str(s) => f.write_str(&py_str_repr(s)),
            Scalar::Bytes(b) => f.write_str(&py_bytes_repr(b)),
            Scalar::Tuple(items) => {
                f.write_str("(")?;
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{x}")?;
                }
                if items.len() == 1 {
                    f.write_str(",")?;
                }
                f.write_str(")")
            }
            Scalar::List(items) => {
                f.write_str("[")?;
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{x}")?;
                }
                f.write_str("]")
            }
        }
    }
}
