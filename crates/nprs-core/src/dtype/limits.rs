//! Machine limits of the numeric types: [`iinfo`] and [`finfo`] with NumPy's values and
//! printed forms.

use std::fmt;

use half::{bf16, f16};

use super::DType;
use super::descr::{Descr, DescrKind};
use super::pyfmt::{c_exp, repr_bf16, repr_f16, repr_f32, repr_f64};
use crate::error::{Error, Result};

/// Limits of an integer type (`numpy.iinfo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IInfo {
    /// Bits per value.
    pub bits: u32,
    /// The smallest value.
    pub min: i128,
    /// The largest value.
    pub max: i128,
    /// The integer dtype.
    pub dtype: DType,
}

impl IInfo {
    /// `'i'` or `'u'`.
    #[must_use]
    pub fn kind(&self) -> char {
        self.dtype.kind()
    }
}

/// Limits of an integer dtype, as `numpy.iinfo(dtype)`.
///
/// ```
/// let i = nprs_core::iinfo(nprs_core::DType::Int8).unwrap();
/// assert_eq!((i.min, i.max, i.bits), (-128, 127, 8));
/// ```
///
/// # Errors
/// For a dtype that is not an integer: "Invalid integer data type 'f'." (NumPy's words).
pub fn iinfo(dtype: impl Into<Descr>) -> Result<IInfo> {
    let d = dtype.into();
    let bad = || Error::NotInteger { kind: d.kind() };
    let t = d.numeric().ok_or_else(bad)?;
    let (min, max) = match t {
        DType::Int8 => (i128::from(i8::MIN), i128::from(i8::MAX)),
        DType::Int16 => (i128::from(i16::MIN), i128::from(i16::MAX)),
        DType::Int32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
        DType::Int64 => (i128::from(i64::MIN), i128::from(i64::MAX)),
        DType::UInt8 => (0, i128::from(u8::MAX)),
        DType::UInt16 => (0, i128::from(u16::MAX)),
        DType::UInt32 => (0, i128::from(u32::MAX)),
        DType::UInt64 => (0, i128::from(u64::MAX)),
        _ => return Err(bad()),
    };
    Ok(IInfo { bits: 8 * t.itemsize() as u32, min, max, dtype: t })
}

impl fmt::Display for IInfo {
    /// `str(np.iinfo(t))`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = "-".repeat(63);
        write!(f, "Machine parameters for {}\n{line}\nmin = {}\nmax = {}\n{line}\n", self.dtype, self.min, self.max)
    }
}

/// Which float type a [`FInfo`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatKind {
    /// `float16`
    F16,
    /// `float32`
    F32,
    /// `float64`
    F64,
    /// `bfloat16` (extension)
    BF16,
}

/// Limits of a floating-point type (`numpy.finfo`). Values are held as `f64`, which
/// represents every value of the narrower types exactly; `kind` says which type they
/// belong to (it decides how they print).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FInfo {
    /// Bits per value.
    pub bits: u32,
    /// `2**-nmant`: the gap between 1 and the next larger value.
    pub eps: f64,
    /// `2**-(nmant+1)`: the gap between 1 and the next smaller value.
    pub epsneg: f64,
    /// The largest finite value.
    pub max: f64,
    /// The most negative finite value (`-max`).
    pub min: f64,
    /// The smallest positive normal value (same as `smallest_normal`).
    pub tiny: f64,
    /// The smallest positive normal value.
    pub smallest_normal: f64,
    /// The smallest positive subnormal value.
    pub smallest_subnormal: f64,
    /// `10**-precision`, in the type's precision.
    pub resolution: f64,
    /// Approximate decimal digits of precision.
    pub precision: i32,
    /// The exponent of `eps`.
    pub machep: i32,
    /// The exponent of `epsneg`.
    pub negep: i32,
    /// The smallest power of two that overflows.
    pub maxexp: i32,
    /// The exponent of the smallest normal value.
    pub minexp: i32,
    /// Explicit mantissa bits.
    pub nmant: i32,
    /// Exponent bits.
    pub nexp: i32,
    /// Exponent bits (same as `nexp`).
    pub iexp: i32,
    /// Which float type these are the limits of.
    pub kind: FloatKind,
}

impl FInfo {
    fn build(kind: FloatKind, bits: u32, nmant: i32, nexp: i32, max: f64, resolution: f64, precision: i32) -> Self {
        let maxexp = 1i32 << (nexp - 1);
        let minexp = 2 - maxexp;
        let normal = 2f64.powi(minexp);
        FInfo {
            bits,
            eps: 2f64.powi(-nmant),
            epsneg: 2f64.powi(-nmant - 1),
            max,
            min: -max,
            tiny: normal,
            smallest_normal: normal,
            smallest_subnormal: normal * 2f64.powi(-nmant),
            resolution,
            precision,
            machep: -nmant,
            negep: -nmant - 1,
            maxexp,
            minexp,
            nmant,
            nexp,
            iexp: nexp,
            kind,
        }
    }

    /// The dtype the values belong to (`finfo(complex128).dtype` is `float64`).
    #[must_use]
    pub fn dtype(&self) -> Descr {
        match self.kind {
            FloatKind::F16 => DType::Float16.into(),
            FloatKind::F32 => DType::Float32.into(),
            FloatKind::F64 => DType::Float64.into(),
            FloatKind::BF16 => Descr::bfloat16(),
        }
    }

    /// A value as NumPy prints a scalar of this type.
    fn show(&self, x: f64) -> String {
        match self.kind {
            FloatKind::F16 => repr_f16(f16::from_f64(x)),
            FloatKind::F32 => repr_f32(x as f32),
            FloatKind::F64 => repr_f64(x),
            FloatKind::BF16 => repr_bf16(bf16::from_f64(x)),
        }
    }

    /// `repr(np.finfo(t))`: `finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)`.
    #[must_use]
    pub fn repr(&self) -> String {
        let (min, max) = match self.kind {
            FloatKind::F16 | FloatKind::BF16 => (c_exp(self.min, 5), c_exp(self.max, 5)),
            FloatKind::F32 => (c_exp(self.min, 7), c_exp(self.max, 7)),
            FloatKind::F64 => (c_exp(self.min, 16), c_exp(self.max, 16)),
        };
        format!("finfo(resolution={}, min={min}, max={max}, dtype={})", self.show(self.resolution), self.dtype())
    }
}

/// Limits of a floating-point (or complex) dtype, as `numpy.finfo(dtype)`.
///
/// ```
/// use nprs_core::{finfo, DType};
/// let f = finfo(DType::Float32).unwrap();
/// assert_eq!(f.eps, f64::from(f32::EPSILON));
/// assert_eq!(f.precision, 6);
/// ```
///
/// # Errors
/// For a dtype that is not inexact: "data type <class 'numpy.int64'> not inexact".
pub fn finfo(dtype: impl Into<Descr>) -> Result<FInfo> {
    let d = dtype.into();
    let kind = match d.kind_of() {
        DescrKind::Numeric(DType::Float16) => FloatKind::F16,
        DescrKind::Numeric(DType::Float32 | DType::Complex64) => FloatKind::F32,
        DescrKind::Numeric(DType::Float64 | DType::Complex128) => FloatKind::F64,
        DescrKind::BFloat16 => FloatKind::BF16,
        _ => return Err(Error::NotInexact { class: scalar_class(&d).to_string() }),
    };
    Ok(match kind {
        FloatKind::F16 => FInfo::build(kind, 16, 10, 5, f16::MAX.to_f64(), f16::from_f64(1e-3).to_f64(), 3),
        FloatKind::F32 => FInfo::build(kind, 32, 23, 8, f64::from(f32::MAX), f64::from(1e-6f32), 6),
        FloatKind::F64 => FInfo::build(kind, 64, 52, 11, f64::MAX, 1e-15, 15),
        FloatKind::BF16 => FInfo::build(kind, 16, 7, 8, bf16::MAX.to_f64(), bf16::from_f64(1e-2).to_f64(), 2),
    })
}

/// NumPy's scalar class name for a dtype (`int64`, `bool`, `str_`, `bytes_`, `void` …).
pub(crate) fn scalar_class(d: &Descr) -> String {
    match d.kind_of() {
        DescrKind::Numeric(t) => t.name().to_string(),
        DescrKind::Unicode(_) => "str_".into(),
        DescrKind::Bytes(_) => "bytes_".into(),
        DescrKind::DateTime(_) => "datetime64".into(),
        DescrKind::TimeDelta(_) => "timedelta64".into(),
        DescrKind::BFloat16 => "bfloat16".into(),
        _ => "void".into(),
    }
}

impl fmt::Display for FInfo {
    /// `str(np.finfo(t))`: the "Machine parameters" table.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = "-".repeat(63);
        let s = |x: f64| self.show(x);
        let min = if -self.min == self.max { "-max".to_string() } else { s(self.min) };
        writeln!(f, "Machine parameters for {}", self.dtype())?;
        writeln!(f, "{line}")?;
        writeln!(f, "precision = {}   resolution = {}", self.precision, s(self.resolution))?;
        writeln!(f, "machep = {}   eps =        {}", self.machep, s(self.eps))?;
        writeln!(f, "negep =  {}   epsneg =     {}", self.negep, s(self.epsneg))?;
        writeln!(f, "minexp = {}   tiny =       {}", self.minexp, s(self.tiny))?;
        writeln!(f, "maxexp = {}   max =        {}", self.maxexp, s(self.max))?;
        writeln!(f, "nexp =   {}   min =        {min}", self.nexp)?;
        writeln!(
            f,
            "smallest_normal = {}   smallest_subnormal = {}",
            s(self.smallest_normal),
            s(self.smallest_subnormal)
        )?;
        writeln!(f, "{line}")
    }
}

impl IInfo {
    /// `repr(np.iinfo(t))`: `iinfo(min=-128, max=127, dtype=int8)`.
    #[must_use]
    pub fn repr(&self) -> String {
        format!("iinfo(min={}, max={}, dtype={})", self.min, self.max, self.dtype)
    }
}
