//! Numerical ranges: [`arange`], [`linspace`], [`logspace`], [`geomspace`].
//!
//! Rust scalars passed to these functions play the part of Python scalars in NumPy, and the
//! element type of the result is NumPy's `dtype=` argument: `arange::<f32>(0.0, 1.0, 0.25)`
//! computes what `np.arange(0.0, 1.0, 0.25, dtype=np.float32)` computes, with the `f32`
//! arguments widened exactly to Python floats. Integer arguments behave as Python ints (no
//! overflow), float arguments as Python floats (`f64`), complex ones as Python complex
//! numbers. [`arange_as`] takes arguments of one type and builds an array of another, as
//! `np.arange(0, 1, 0.1, dtype=np.float32)` does.
//!
//! ```
//! use nprs_core::{arange, linspace};
//! let a = arange::<i64>(0, 10, 2).unwrap();
//! assert_eq!(a.to_vec(), vec![0, 2, 4, 6, 8]);
//! let x = linspace::<f64>(0.0, 1.0, 5, true).unwrap();
//! assert_eq!(x.to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
//! ```
#![allow(unsafe_code)] // fills fresh buffers in parallel; each block says why it holds

mod space;

use std::mem::MaybeUninit;

pub use space::{Inexact, SpaceElem, geomspace, linspace, linspace_as, linspace_retstep, logspace};

use crate::array::Array;
use crate::copy::{Cast, Family};
use crate::dims::{self, Order};
use crate::dtype::{C64, C128, DType, Element};
use crate::engine::Plan;
use crate::error::{Error, Result};

/// Writes every slot of `buf` through `f(start, chunk)`, where `chunk` holds the slots at
/// flat positions `start..start + chunk.len()`. Large buffers are split over the thread
/// pool by the iteration engine; `f` must write every slot of each chunk it is given.
pub(crate) fn par_fill<T: Element>(buf: &mut [MaybeUninit<T>], f: impl Fn(usize, &mut [MaybeUninit<T>]) + Sync + Send) {
    let n = buf.len();
    let item = size_of::<T>();
    let base = buf.as_mut_ptr();
    let base_addr = base as usize;
    let stride = [item as isize];
    let plan = Plan::<1>::new(&[n], [&stride]);
    // SAFETY: the plan walks exactly the `n` slots of `buf` (one axis, stride one element);
    // the engine hands out disjoint runs, so each chunk is borrowed by one thread only.
    unsafe {
        plan.par_for_each_run([base.cast::<u8>()], |p, _strides, len| {
            let start = (p[0] as usize - base_addr) / item;
            let chunk = std::slice::from_raw_parts_mut(p[0].cast::<MaybeUninit<T>>(), len);
            f(start, chunk);
        });
    }
}

/// Writes `f(i)` into slot `i` of `buf`, for every slot, in parallel for large buffers.
pub(crate) fn par_fill_indexed<T: Element>(buf: &mut [MaybeUninit<T>], f: impl Fn(usize) -> T + Sync + Send) {
    par_fill(buf, |start, chunk| {
        for (j, slot) in chunk.iter_mut().enumerate() {
            slot.write(f(start + j));
        }
    });
}

/// A 1-d array of `n` elements with element `i` set to `f(i)`.
pub(crate) fn from_index_fn<T: Element>(n: usize, f: impl Fn(usize) -> T + Sync + Send) -> Result<Array<T>> {
    // SAFETY: `par_fill_indexed` writes every slot.
    unsafe { Array::build_uninit(&[n], Order::C, |buf| par_fill_indexed(buf, f)) }
}

// ---------------------------------------------------------------------------------------
// Python numbers: what NumPy's `arange` computes its length and second element with.

/// A Python int, float or complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
enum PyNum {
    Int(i128),
    Float(f64),
    Complex(f64, f64),
}

impl PyNum {
    /// The Python scalar holding `a`'s value (bools are ints, as in Python).
    fn of<A: Cast>(a: A) -> Self {
        match A::FAMILY {
            Family::Bool | Family::Int => PyNum::Int(i128::from(a.to_i64_wrapping())),
            Family::UInt => PyNum::Int(i128::from(a.to_i64_wrapping() as u64)),
            Family::Float => PyNum::Float(a.to_f64()),
            Family::Complex => PyNum::Complex(a.to_f64(), a.imag_f64()),
        }
    }

    fn family(self) -> Family {
        match self {
            PyNum::Int(_) => Family::Int,
            PyNum::Float(_) => Family::Float,
            PyNum::Complex(..) => Family::Complex,
        }
    }

    fn as_float(self) -> f64 {
        match self {
            PyNum::Int(v) => v as f64,
            PyNum::Float(x) | PyNum::Complex(x, _) => x,
        }
    }

    fn as_complex(self) -> (f64, f64) {
        match self {
            PyNum::Complex(re, im) => (re, im),
            other => (other.as_float(), 0.0),
        }
    }

    /// Python's `a + b` (with `sign = 1`) or `a - b` (`sign = -1`), promoting int < float < complex.
    fn add_signed(self, b: PyNum, sign: i8) -> PyNum {
        match (self, b) {
            (PyNum::Int(x), PyNum::Int(y)) => PyNum::Int(if sign > 0 { x + y } else { x - y }),
            (PyNum::Complex(..), _) | (_, PyNum::Complex(..)) => {
                let ((ar, ai), (br, bi)) = (self.as_complex(), b.as_complex());
                if sign > 0 { PyNum::Complex(ar + br, ai + bi) } else { PyNum::Complex(ar - br, ai - bi) }
            }
            _ => {
                let (x, y) = (self.as_float(), b.as_float());
                PyNum::Float(if sign > 0 { x + y } else { x - y })
            }
        }
    }

    fn is_zero(self) -> bool {
        match self {
            PyNum::Int(v) => v == 0,
            PyNum::Float(x) => x == 0.0,
            PyNum::Complex(re, im) => re == 0.0 && im == 0.0,
        }
    }

    /// Python's true division `a / b`.
    fn true_div(self, b: PyNum) -> Result<PyNum> {
        if b.is_zero() {
            let family = match (self.family(), b.family()) {
                (Family::Complex, _) | (_, Family::Complex) => Family::Complex,
                (Family::Float, _) | (_, Family::Float) => Family::Float,
                _ => Family::Int,
            };
            return Err(Error::ZeroDivision { family });
        }
        Ok(match (self, b) {
            (PyNum::Int(n), PyNum::Int(d)) => PyNum::Float(int_true_div(n, d)),
            (PyNum::Complex(..), _) | (_, PyNum::Complex(..)) => {
                let (re, im) = py_complex_div(self.as_complex(), b.as_complex());
                PyNum::Complex(re, im)
            }
            _ => PyNum::Float(self.as_float() / b.as_float()),
        })
    }
}

/// `n / d` of two integers, correctly rounded to the nearest `f64` (ties to even), as
/// Python divides ints. `|n|, |d| < 2**66`, `d != 0`.
fn int_true_div(n: i128, d: i128) -> f64 {
    let negative = (n < 0) != (d < 0);
    let (n, d) = (n.unsigned_abs(), d.unsigned_abs());
    if n == 0 {
        return if negative { -0.0 } else { 0.0 };
    }
    let bits = |x: u128| 128 - x.leading_zeros() as i32;
    // Scale so that the integer quotient has 55 or 56 bits: 53 kept, the rest to round.
    let shift = 55 - (bits(n) - bits(d));
    let (q, r) = if shift >= 0 {
        let nn = n << shift;
        (nn / d, nn % d)
    } else {
        let dd = d << -shift;
        (n / dd, n % dd)
    };
    let drop = if q >> 55 != 0 { 3 } else { 2 };
    let mut m = q >> drop;
    let rest = q & ((1 << drop) - 1);
    let half = 1u128 << (drop - 1);
    if rest > half || (rest == half && (r != 0 || m & 1 == 1)) {
        m += 1;
    }
    let scale = f64::from_bits(((1023 + drop - shift) as u64) << 52);
    let v = m as f64 * scale;
    if negative { -v } else { v }
}

/// Python's complex division (CPython's `_Py_c_quot`); `b` is not zero.
fn py_complex_div((ar, ai): (f64, f64), (br, bi): (f64, f64)) -> (f64, f64) {
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

/// `ceil(value)` as an array length, with NumPy's checks: NaN cannot give a length, and
/// values outside the `intp` range overflow. `2**63` itself passes the check and becomes
/// `intp`'s minimum, as NumPy's conversion does on x86-64 (so the array is empty).
fn ceil_to_len(value: f64) -> Result<i64> {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    let c = value.ceil();
    if c.is_nan() {
        return Err(Error::ArangeLength);
    }
    if !(-LIMIT..=LIMIT).contains(&c) {
        return Err(Error::MaxSizeExceeded);
    }
    Ok(if c >= LIMIT { i64::MIN } else { c as i64 })
}

/// The length of `arange(start, stop, step)` as NumPy computes it.
fn arange_len(start: PyNum, stop: PyNum, step: PyNum, complex_dtype: bool) -> Result<usize> {
    let next = stop.add_signed(start, -1);
    let next_is_nonzero = !next.is_zero();
    let val = next.true_div(step)?;
    let len = match val {
        PyNum::Complex(re, im) if complex_dtype => ceil_to_len(re)?.min(ceil_to_len(im)?),
        PyNum::Complex(..) => return Err(Error::ComplexNotReal),
        _ => {
            let value = val.as_float();
            if val.is_zero() && next_is_nonzero {
                // The quotient underflowed (or the step is infinite): one element or none.
                i64::from(!value.is_sign_negative())
            } else {
                ceil_to_len(value)?
            }
        }
    };
    Ok(usize::try_from(len).unwrap_or(0))
}

/// Converts a Python int to an integer dtype as NumPy's item assignment does.
fn int_into<T: Cast>(v: i128) -> Result<T> {
    let (lo, hi): (i128, i128) = match T::DTYPE {
        DType::Int8 => (i8::MIN.into(), i8::MAX.into()),
        DType::Int16 => (i16::MIN.into(), i16::MAX.into()),
        DType::Int32 => (i32::MIN.into(), i32::MAX.into()),
        DType::UInt8 => (0, u8::MAX.into()),
        DType::UInt16 => (0, u16::MAX.into()),
        DType::UInt32 => (0, u32::MAX.into()),
        DType::UInt64 => (0, u64::MAX.into()),
        _ => (i64::MIN.into(), i64::MAX.into()),
    };
    // NumPy first reads the int as a C long; uint32 and uint64 try unsigned long first.
    let reads_unsigned = matches!(T::DTYPE, DType::UInt32 | DType::UInt64);
    let top = if reads_unsigned { i128::from(u64::MAX) } else { i128::from(i64::MAX) };
    if v < i128::from(i64::MIN) || v > top {
        return Err(Error::IntTooLarge);
    }
    if v < lo || v > hi {
        return Err(Error::IntegerOutOfBounds { value: v, dtype: T::DTYPE });
    }
    Ok(if v > i128::from(i64::MAX) { T::cast_from(v as u64) } else { T::cast_from(v as i64) })
}

/// Stores a Python number into element type `T` as NumPy's item assignment does
/// (`arr[0] = x`): ints are range-checked, floats stored into integer types are truncated
/// to an int first, complex numbers only go into complex types.
fn py_into<T: Cast>(x: PyNum) -> Result<T> {
    let not_real = || Error::ComplexNotReal;
    match T::FAMILY {
        Family::Bool => Ok(T::cast_from(!x.is_zero())),
        Family::Int | Family::UInt => match x {
            PyNum::Int(v) => int_into(v),
            PyNum::Float(f) if f.is_nan() => Err(Error::NanToInteger),
            PyNum::Float(f) if f.abs() >= 1e30 => Err(Error::IntTooLarge),
            PyNum::Float(f) => int_into(f.trunc() as i128),
            PyNum::Complex(..) => Err(not_real()),
        },
        Family::Float => match x {
            PyNum::Complex(..) => Err(not_real()),
            other => Ok(T::cast_from(other.as_float())),
        },
        Family::Complex => {
            let (re, im) = x.as_complex();
            Ok(T::cast_from(C128::new(re, im)))
        }
    }
}

/// Fills an `arange` buffer from its first two elements the way NumPy's per-dtype `fill`
/// does: `start + i * delta` with `delta = second - start`, in the element type's own
/// arithmetic (integers wrap; `float16` works in `float32`; complex parts separately).
fn arange_fill<T: Cast>(buf: &mut [MaybeUninit<T>], first: T, second: T) {
    fn fill<T: Element>(buf: &mut [MaybeUninit<T>], first: T, second: T, at: impl Fn(usize) -> T + Sync + Send) {
        par_fill(buf, |start, chunk| {
            for (j, slot) in chunk.iter_mut().enumerate() {
                slot.write(at(start + j));
            }
            // The first two elements are stored as given, not recomputed from `delta`.
            for (i, v) in [(0usize, first), (1, second)] {
                if let Some(slot) = i.checked_sub(start).and_then(|j| chunk.get_mut(j)) {
                    slot.write(v);
                }
            }
        });
    }
    match T::DTYPE {
        DType::Float64 => {
            let (s, d) = (first.to_f64(), second.to_f64() - first.to_f64());
            fill(buf, first, second, |i| T::cast_from(s + i as f64 * d));
        }
        DType::Float32 | DType::Float16 => {
            // float16 fills in float32 and rounds each element once.
            let (s, d) = (first.to_f32(), second.to_f32() - first.to_f32());
            fill(buf, first, second, |i| T::cast_from(s + i as f32 * d));
        }
        DType::Complex128 => {
            let (sr, si) = (first.to_f64(), first.imag_f64());
            let (dr, di) = (second.to_f64() - sr, second.imag_f64() - si);
            fill(buf, first, second, |i| {
                let k = i as f64;
                T::cast_from(C128::new(sr + k * dr, si + k * di))
            });
        }
        DType::Complex64 => {
            let (sr, si) = (first.to_f32(), first.imag_f64() as f32);
            let (dr, di) = (second.to_f32() - sr, second.imag_f64() as f32 - si);
            fill(buf, first, second, |i| {
                let k = i as f32;
                T::cast_from(C64::new(sr + k * dr, si + k * di))
            });
        }
        _ => {
            // Integers (and the at most two elements of a bool range): wrapping arithmetic
            // in 64 bits, truncated to the element type, is the C arithmetic modulo 2**bits.
            let s = first.to_i64_wrapping();
            let d = second.to_i64_wrapping().wrapping_sub(s);
            fill(buf, first, second, |i| T::cast_from(s.wrapping_add((i as i64).wrapping_mul(d))));
        }
    }
}

/// `numpy.arange` over Python numbers, producing element type `T`.
fn arange_py<T: Cast>(start: PyNum, stop: PyNum, step: PyNum) -> Result<Array<T>> {
    let len = arange_len(start, stop, step, T::FAMILY == Family::Complex)?;
    dims::check_bytes(&[len], size_of::<T>())?;
    if len == 0 {
        return Array::from_shape_vec(&[0], Vec::new());
    }
    let first: T = py_into(start)?;
    let second: T = if len > 1 { py_into(start.add_signed(step, 1))? } else { first };
    if T::FAMILY == Family::Bool && len > 2 {
        return Err(Error::BoolArange);
    }
    // SAFETY: `arange_fill` writes every slot.
    unsafe { Array::build_uninit(&[len], Order::C, |buf| arange_fill(buf, first, second)) }
}

/// Evenly spaced values in `[start, stop)`, as `numpy.arange(start, stop, step)` with the
/// arguments' type as the dtype.
///
/// The arguments behave like Python scalars: integers are exact, floats are `f64`
/// (an `f32` argument is widened exactly), complex numbers are Python complex numbers. The
/// length is `ceil((stop - start) / step)` computed as NumPy does, the first two elements
/// are `start` and `start + step`, and element `i` is `start + i * delta` with
/// `delta = (start + step) - start` in `T`'s own arithmetic — so float ranges give exactly
/// NumPy's bits, including its well-known surprises (`arange(0.0, 1.0, 0.1)` has ten
/// elements, and `0.30000000000000004` among them).
///
/// ```
/// use nprs_core::arange;
/// assert_eq!(arange::<i64>(10, 0, -3).unwrap().to_vec(), vec![10, 7, 4, 1]);
/// let x = arange::<f64>(0.0, 1.0, 0.1).unwrap();
/// assert_eq!(x.len(), 10);
/// assert_eq!(x.get(&[3]).unwrap(), 0.30000000000000004);
/// assert!(arange::<i64>(5, 1, 1).unwrap().is_empty());
/// ```
///
/// # Errors
/// - A zero step: NumPy's ZeroDivisionError ("division by zero", "float division by zero").
/// - An infinite length ("Maximum allowed size exceeded") or a NaN one ("arange: cannot
///   compute length").
/// - A length too large to allocate ([`Error::TooBig`], [`Error::Alloc`]).
/// - `bool` ranges longer than two elements (NumPy's TypeError).
#[doc(alias = "numpy.arange")]
pub fn arange<T: Cast>(start: T, stop: T, step: T) -> Result<Array<T>> {
    arange_py(PyNum::of(start), PyNum::of(stop), PyNum::of(step))
}

/// `numpy.arange(start, stop, step, dtype=T)` with arguments of another type `A`:
/// the length and the first two elements are computed on the arguments (as Python ints,
/// floats or complex numbers), then stored into `T` as NumPy stores Python scalars.
///
/// ```
/// use nprs_core::arange_as;
/// // np.arange(0, 1, 0.25, dtype=np.float32)
/// let a = arange_as::<f32, f64>(0.0, 1.0, 0.25).unwrap();
/// assert_eq!(a.to_vec(), vec![0.0f32, 0.25, 0.5, 0.75]);
/// // np.arange(0.0, 2.0, 0.5, dtype=int): every element is int(0.0) + i * (int(0.5) - 0)
/// assert_eq!(arange_as::<i64, f64>(0.0, 2.0, 0.5).unwrap().to_vec(), vec![0, 0, 0, 0]);
/// ```
///
/// # Errors
/// As [`arange`], and NumPy's OverflowError when the first two elements do not fit an
/// integer `T` ("Python integer -3 out of bounds for uint8"), TypeError when complex
/// arguments meet a real `T`.
#[doc(alias = "numpy.arange")]
pub fn arange_as<T: Cast, A: Cast>(start: A, stop: A, step: A) -> Result<Array<T>> {
    arange_py(PyNum::of(start), PyNum::of(stop), PyNum::of(step))
}

impl<T: Cast> Array<T> {
    /// `numpy.arange(stop, dtype=T)`: `0, 1, …, stop - 1` (integer types wrap past their
    /// maximum, as in NumPy; float types round as NumPy's fill does).
    ///
    /// ```
    /// use nprs_core::Array;
    /// assert_eq!(Array::<i32>::arange(4).to_vec(), vec![0, 1, 2, 3]);
    /// assert_eq!(Array::<f64>::arange(3).to_vec(), vec![0.0, 1.0, 2.0]);
    /// ```
    ///
    /// # Panics
    /// For lengths that cannot be allocated, and for `bool` beyond two elements (NumPy
    /// raises); [`arange_as`] is the fallible form.
    #[must_use]
    #[track_caller]
    pub fn arange(stop: usize) -> Self {
        crate::error::or_panic(arange_py(PyNum::Int(0), PyNum::Int(stop as i128), PyNum::Int(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dtype::f16;

    #[test]
    fn int_division_rounds_correctly() {
        assert_eq!(int_true_div(10, 4), 2.5);
        assert_eq!(int_true_div(-7, 2), -3.5);
        assert_eq!(int_true_div(1, 3), 1.0 / 3.0);
        // 2**53 + 1 is not a double: the quotient by one rounds to even.
        assert_eq!(int_true_div((1 << 53) + 1, 1), 9_007_199_254_740_992.0);
        assert_eq!(int_true_div((1 << 53) + 3, 1), 9_007_199_254_740_996.0);
        // Python: (2**62 + 1) / (2**53 + 1) == 511.9999999999999
        assert_eq!(int_true_div((1 << 62) + 1, (1 << 53) + 1), 511.999_999_999_999_94);
        assert_eq!(int_true_div(i128::from(u64::MAX), 1), 18_446_744_073_709_551_616.0);
    }

    #[test]
    fn complex_division_is_pythons() {
        assert_eq!(py_complex_div((10.0, 10.0), (1.0, 0.5)), (12.0, 4.0));
        assert_eq!(py_complex_div((1.0, 0.0), (0.0, 2.0)), (0.0, -0.5));
    }

    #[test]
    fn half_fill_rounds_in_float() {
        // 2049 is stored as 2048 and 2050 as itself; the rest step by their difference.
        let a = arange_as::<f16, i64>(2049, 2053, 1).unwrap();
        let want: Vec<f16> = [2048.0, 2050.0, 2052.0, 2054.0].into_iter().map(f16::from_f32).collect();
        assert_eq!(a.to_vec(), want);
    }
}
