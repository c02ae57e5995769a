//! Element types and their NumPy dtype descriptions.
//!
//! [`DType`] names the numeric element types of typed arrays (one per [`Element`]);
//! [`Descr`] is the full NumPy dtype — byte order, `bfloat16`, strings, datetimes and
//! records — with NumPy's parsing and printing. [`iinfo`] and [`finfo`] give the limits of
//! the numeric types.

use std::fmt;

mod descr;
mod limits;
mod parse;
pub mod pyfmt;

pub use descr::{ByteOrder, DateTimeUnit, Descr, DescrKind, Field, Record, SubArray, TimeUnit};
pub use limits::{FInfo, FloatKind, IInfo, finfo, iinfo};
pub use parse::UnsupportedType;

pub use half::f16;
pub use num_complex::{Complex32, Complex64};

/// `numpy.complex64`: a complex number of two `f32`.
pub type C64 = Complex32;
/// `numpy.complex128`: a complex number of two `f64`.
pub type C128 = Complex64;

/// The data type of an array, named as NumPy names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DType {
    /// `bool`
    Bool,
    /// `int8`
    Int8,
    /// `int16`
    Int16,
    /// `int32`
    Int32,
    /// `int64`
    Int64,
    /// `uint8`
    UInt8,
    /// `uint16`
    UInt16,
    /// `uint32`
    UInt32,
    /// `uint64`
    UInt64,
    /// `float16`
    Float16,
    /// `float32`
    Float32,
    /// `float64`
    Float64,
    /// `complex64`
    Complex64,
    /// `complex128`
    Complex128,
}

impl DType {
    /// Every numeric dtype, in NumPy's type-number order.
    pub const ALL: [DType; 14] = [
        DType::Bool,
        DType::Int8,
        DType::UInt8,
        DType::Int16,
        DType::UInt16,
        DType::Int32,
        DType::UInt32,
        DType::Int64,
        DType::UInt64,
        DType::Float16,
        DType::Float32,
        DType::Float64,
        DType::Complex64,
        DType::Complex128,
    ];

    /// NumPy's name: `"float64"`, `"int8"`, `"bool"` …
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            DType::Bool => "bool",
            DType::Int8 => "int8",
            DType::Int16 => "int16",
            DType::Int32 => "int32",
            DType::Int64 => "int64",
            DType::UInt8 => "uint8",
            DType::UInt16 => "uint16",
            DType::UInt32 => "uint32",
            DType::UInt64 => "uint64",
            DType::Float16 => "float16",
            DType::Float32 => "float32",
            DType::Float64 => "float64",
            DType::Complex64 => "complex64",
            DType::Complex128 => "complex128",
        }
    }

    /// Bytes per element.
    #[must_use]
    pub const fn itemsize(self) -> usize {
        match self {
            DType::Bool | DType::Int8 | DType::UInt8 => 1,
            DType::Int16 | DType::UInt16 | DType::Float16 => 2,
            DType::Int32 | DType::UInt32 | DType::Float32 => 4,
            DType::Int64 | DType::UInt64 | DType::Float64 | DType::Complex64 => 8,
            DType::Complex128 => 16,
        }
    }

    /// NumPy's kind character: `b`, `i`, `u`, `f` or `c`.
    #[must_use]
    pub const fn kind(self) -> char {
        match self {
            DType::Bool => 'b',
            DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => 'i',
            DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => 'u',
            DType::Float16 | DType::Float32 | DType::Float64 => 'f',
            DType::Complex64 | DType::Complex128 => 'c',
        }
    }

    /// NumPy's type character (`dtype.char`).
    #[must_use]
    pub const fn char(self) -> char {
        match self {
            DType::Bool => '?',
            DType::Int8 => 'b',
            DType::Int16 => 'h',
            DType::Int32 => 'i',
            DType::Int64 => 'l',
            DType::UInt8 => 'B',
            DType::UInt16 => 'H',
            DType::UInt32 => 'I',
            DType::UInt64 => 'L',
            DType::Float16 => 'e',
            DType::Float32 => 'f',
            DType::Float64 => 'd',
            DType::Complex64 => 'F',
            DType::Complex128 => 'D',
        }
    }

    /// The array-protocol string on this machine, as `dtype.str`: `<f8`, `|b1`, `|u1` …
    #[must_use]
    pub fn str(self) -> String {
        let order = if self.itemsize() == 1 { '|' } else { '<' };
        let kind = if self == DType::Bool { 'b' } else { self.kind() };
        format!("{order}{kind}{}", self.itemsize())
    }

    /// True for float and complex dtypes.
    #[must_use]
    pub const fn is_inexact(self) -> bool {
        matches!(self.kind(), 'f' | 'c')
    }
}

impl fmt::Display for DType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

mod sealed {
    pub trait Sealed {}
}

/// An element type of a typed array: one of NumPy's numeric scalar types.
///
/// Implemented for `bool`, `i8`…`i64`, `u8`…`u64`, [`f16`](struct@f16), `f32`, `f64`,
/// [`C64`] (`complex64`) and [`C128`] (`complex128`). Sealed.
pub trait Element: Copy + Send + Sync + 'static + PartialEq + fmt::Debug + Default + sealed::Sealed {
    /// The dtype of arrays of this element.
    const DTYPE: DType;
    /// Zero (`false` for bool).
    fn zero() -> Self;
    /// One (`true` for bool).
    fn one() -> Self;
}

macro_rules! element {
    ($($t:ty => $d:ident, $zero:expr, $one:expr;)*) => {$(
        impl sealed::Sealed for $t {}
        impl Element for $t {
            const DTYPE: DType = DType::$d;
            #[inline(always)]
            fn zero() -> Self { $zero }
            #[inline(always)]
            fn one() -> Self { $one }
        }
    )*};
}

element! {
    bool => Bool, false, true;
    i8 => Int8, 0, 1;
    i16 => Int16, 0, 1;
    i32 => Int32, 0, 1;
    i64 => Int64, 0, 1;
    u8 => UInt8, 0, 1;
    u16 => UInt16, 0, 1;
    u32 => UInt32, 0, 1;
    u64 => UInt64, 0, 1;
    f16 => Float16, f16::ZERO, f16::ONE;
    f32 => Float32, 0.0, 1.0;
    f64 => Float64, 0.0, 1.0;
    C64 => Complex64, C64::new(0.0, 0.0), C64::new(1.0, 0.0);
    C128 => Complex128, C128::new(0.0, 0.0), C128::new(1.0, 0.0);
}
