//! Element formatting for every numeric dtype: one common format for all printed values of
//! an array (NumPy's `BoolFormat`, `IntegerFormat`, `FloatingFormat`,
//! `ComplexFloatingFormat`), and the `str()` of a single scalar for 0-d arrays.

use std::any::Any;

use half::bf16;

use super::dragon4::{FloatBits, Trim, scalar_str, scalar_str_trim};
use super::float::FloatFormat;
use super::options::{PrintOptions, Sign};
use crate::dtype::{C64, C128, DType, Element, f16};

/// The printed values of an array, by element family.
#[derive(Clone, Debug)]
pub(crate) enum Values {
    Bool(Vec<bool>),
    Int(Vec<i128>),
    F16(Vec<f16>),
    F32(Vec<f32>),
    F64(Vec<f64>),
    /// `bfloat16` (an extension dtype of dynamic arrays).
    BF16(Vec<bf16>),
    C64(Vec<C64>),
    C128(Vec<C128>),
}

/// Reinterprets a vector whose element type is known from its dtype.
fn downcast<T: Element, U: 'static>(v: Vec<T>) -> Vec<U> {
    let boxed: Box<dyn Any> = Box::new(v);
    match boxed.downcast::<Vec<U>>() {
        Ok(b) => *b,
        Err(_) => unreachable!("Element::DTYPE names the element type"),
    }
}

fn ints<T: Element, U: Into<i128> + Copy + 'static>(v: Vec<T>) -> Values {
    Values::Int(downcast::<T, U>(v).into_iter().map(Into::into).collect())
}

impl Values {
    /// Sorts values of element type `T` into their family.
    pub(crate) fn from_vec<T: Element>(v: Vec<T>) -> Values {
        match T::DTYPE {
            DType::Bool => Values::Bool(downcast(v)),
            DType::Int8 => ints::<T, i8>(v),
            DType::Int16 => ints::<T, i16>(v),
            DType::Int32 => ints::<T, i32>(v),
            DType::Int64 => ints::<T, i64>(v),
            DType::UInt8 => ints::<T, u8>(v),
            DType::UInt16 => ints::<T, u16>(v),
            DType::UInt32 => ints::<T, u32>(v),
            DType::UInt64 => ints::<T, u64>(v),
            DType::Float16 => Values::F16(downcast(v)),
            DType::Float32 => Values::F32(downcast(v)),
            DType::Float64 => Values::F64(downcast(v)),
            DType::Complex64 => Values::C64(downcast(v)),
            DType::Complex128 => Values::C128(downcast(v)),
        }
    }

    /// Formats every value with the format NumPy builds for exactly these values.
    /// `zero_d` marks the single value of a 0-d array (`True` loses its padding).
    ///
    /// # Errors
    /// [`crate::Error::FloatFormatTooLarge`] for floats longer than NumPy prints.
    pub(crate) fn format_all(&self, zero_d: bool, opts: &PrintOptions) -> crate::Result<Vec<String>> {
        Ok(match self {
            Values::Bool(v) => {
                let t = if zero_d { "True" } else { " True" };
                v.iter().map(|&b| if b { t } else { "False" }.to_string()).collect()
            }
            Values::Int(v) => format_ints(v, opts.sign),
            Values::F16(v) => format_floats(v, opts)?,
            Values::F32(v) => format_floats(v, opts)?,
            Values::F64(v) => format_floats(v, opts)?,
            Values::BF16(v) => format_floats(v, opts)?,
            Values::C64(v) => format_complex(&v.iter().map(|c| (c.re, c.im)).collect::<Vec<_>>(), opts)?,
            Values::C128(v) => format_complex(&v.iter().map(|c| (c.re, c.im)).collect::<Vec<_>>(), opts)?,
        })
    }

    /// `str()` of the first value as a NumPy scalar (what `str` of a 0-d array prints).
    pub(crate) fn scalar_str(&self) -> String {
        self.scalar_str_at(0)
    }

    /// `str()` of the `i`-th value as a NumPy scalar.
    pub(crate) fn scalar_str_at(&self, i: usize) -> String {
        match self {
            Values::Bool(v) => if v[i] { "True" } else { "False" }.into(),
            Values::Int(v) => v[i].to_string(),
            Values::F16(v) => scalar_str(v[i], false),
            Values::F32(v) => scalar_str(v[i], false),
            Values::F64(v) => scalar_str(v[i], false),
            Values::BF16(v) => scalar_str(v[i], false),
            Values::C64(v) => complex_scalar_str(v[i].re, v[i].im),
            Values::C128(v) => complex_scalar_str(v[i].re, v[i].im),
        }
    }

    /// True for real floating-point values.
    pub(crate) fn is_real_float(&self) -> bool {
        matches!(self, Values::F16(_) | Values::F32(_) | Values::F64(_) | Values::BF16(_))
    }

    /// The number of values.
    pub(crate) fn len(&self) -> usize {
        match self {
            Values::Bool(v) => v.len(),
            Values::Int(v) => v.len(),
            Values::F16(v) => v.len(),
            Values::F32(v) => v.len(),
            Values::F64(v) => v.len(),
            Values::BF16(v) => v.len(),
            Values::C64(v) => v.len(),
            Values::C128(v) => v.len(),
        }
    }
}

/// Integers right-aligned to the widest printed value (NumPy's `IntegerFormat`).
pub(crate) fn format_ints(v: &[i128], sign: Sign) -> Vec<String> {
    let (Some(&max), Some(&min)) = (v.iter().max(), v.iter().min()) else { return Vec::new() };
    let sign = if sign == Sign::Space && min < 0 { Sign::Minus } else { sign };
    let mut max_len = max.to_string().len();
    if max >= 0 && sign != Sign::Minus {
        max_len += 1;
    }
    let width = max_len.max(min.to_string().len());
    v.iter()
        .map(|&x| {
            let s = match (x < 0, sign) {
                (true, _) | (false, Sign::Minus) => x.to_string(),
                (false, Sign::Plus) => format!("+{x}"),
                (false, Sign::Space) => format!(" {x}"),
            };
            format!("{s:>width$}")
        })
        .collect()
}

fn format_floats<F: FloatBits>(v: &[F], opts: &PrintOptions) -> crate::Result<Vec<String>> {
    let f = FloatFormat::new(v, opts, opts.sign)?;
    Ok(v.iter().map(|&x| f.format(x)).collect())
}

/// Complex values: real parts in one float format, imaginary parts in another that always
/// shows the sign, then `j` before any padding (NumPy's `ComplexFloatingFormat`).
fn format_complex<F: FloatBits>(v: &[(F, F)], opts: &PrintOptions) -> crate::Result<Vec<String>> {
    let re: Vec<F> = v.iter().map(|c| c.0).collect();
    let im: Vec<F> = v.iter().map(|c| c.1).collect();
    let fr = FloatFormat::new(&re, opts, opts.sign)?;
    let fi = FloatFormat::new(&im, opts, Sign::Plus)?;
    Ok(v.iter()
        .map(|&(r, i)| {
            let mut s = fr.format(r);
            let is = fi.format(i);
            let body = is.trim_end();
            s.push_str(body);
            s.push('j');
            s.push_str(&is[body.len()..]);
            s
        })
        .collect())
}

/// `str()` of a NumPy complex scalar: `1j`, `(1+2j)`, `(nan+infj)`.
fn complex_scalar_str<F: FloatBits>(re: F, im: F) -> String {
    let (re_neg, _) = re.classify();
    let r = re.to_f64();
    if r == 0.0 && !re_neg {
        return format!("{}j", scalar_str_trim(im, Trim::DptZeros, false));
    }
    let rs = if r.is_finite() {
        scalar_str_trim(re, Trim::DptZeros, false)
    } else if r.is_nan() {
        "nan".into()
    } else if r > 0.0 {
        "inf".into()
    } else {
        "-inf".into()
    };
    let i = im.to_f64();
    let is = if i.is_finite() {
        scalar_str_trim(im, Trim::DptZeros, true)
    } else if i.is_nan() {
        "+nan".into()
    } else if i > 0.0 {
        "+inf".into()
    } else {
        "-inf".into()
    };
    format!("({rs}{is}j)")
}
