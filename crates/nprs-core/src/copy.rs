//! Copies and casts (`copy`, `ascontiguousarray`, `asfortranarray`, `astype`).

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::{self, Order};
use crate::dtype::{C64, C128, Element, f16};
use crate::storage::Data;
use crate::zip;

/// Copies a view into a new array laid out in `order`.
///
/// # Panics
/// With NumPy's MemoryError message when the copy cannot be allocated.
pub(crate) fn copy_to_order<T: Element>(a: &ArrayView<'_, T>, order: Order) -> Array<T> {
    crate::error::or_panic(try_copy_to_order(a, order))
}

/// As [`copy_to_order`], returning the allocation failure.
pub(crate) fn try_copy_to_order<T: Element>(a: &ArrayView<'_, T>, order: Order) -> crate::Result<Array<T>> {
    try_cast_to_order(a, order, |x| x)
}

fn cast_to_order<A: Element, O: Element>(
    a: &ArrayView<'_, A>,
    order: Order,
    f: impl Fn(A) -> O + Sync + Send,
) -> Array<O> {
    crate::error::or_panic(try_cast_to_order(a, order, f))
}

fn try_cast_to_order<A: Element, O: Element>(
    a: &ArrayView<'_, A>,
    order: Order,
    f: impl Fn(A) -> O + Sync + Send,
) -> crate::Result<Array<O>> {
    // SAFETY: `map_raw` writes every element of the fresh buffer.
    #[allow(unsafe_code)]
    unsafe {
        Array::build_uninit(a.shape(), order, |buf| {
            let st = dims::contiguous_strides(a.shape(), order);
            zip::map_raw(buf.as_mut_ptr().cast::<O>(), &st, a, &f);
        })
    }
}

/// How a value of one element type becomes another, exactly as NumPy casts
/// (`astype(..., casting='unsafe')`): integers wrap, floats truncate toward zero,
/// NaN and out-of-range floats give what NumPy's C casts give on x86-64, complex values
/// drop their imaginary part when cast to a real type.
pub trait Cast: Element {
    /// Which family the type belongs to.
    const FAMILY: Family;
    /// The value as a wrapped 64-bit integer (integers and bool only).
    fn to_i64_wrapping(self) -> i64;
    /// The value as `f64` (real part for complex).
    fn to_f64(self) -> f64;
    /// The value rounded once to `f32` (real part for complex).
    fn to_f32(self) -> f32;
    /// The imaginary part (zero for real types).
    fn imag_f64(self) -> f64;
    /// The value as bool (`x != 0`).
    fn to_bool(self) -> bool;
    /// Converts from any element type.
    fn cast_from<S: Cast>(s: S) -> Self;
}

/// The families of element types, for casting rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// bool
    Bool,
    /// signed integers
    Int,
    /// unsigned integers
    UInt,
    /// floats
    Float,
    /// complex numbers
    Complex,
}

/// x86-64 `cvttsd2si` with a 32-bit destination: NaN and out-of-range give `i32::MIN`.
#[inline(always)]
fn f64_to_i32_c(x: f64) -> i32 {
    if x.is_nan() || x <= -2_147_483_649.0 || x >= 2_147_483_648.0 { i32::MIN } else { x as i32 }
}

/// x86-64 `cvttsd2si` with a 64-bit destination: NaN and out-of-range give `i64::MIN`.
#[inline(always)]
fn f64_to_i64_c(x: f64) -> i64 {
    if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) { x as i64 } else { i64::MIN }
}

/// NumPy's float → uint32 cast on x86-64.
///
/// For NaN and values outside `[0, 2**32)` the C conversion is undefined, and NumPy's
/// results depend on which loop handles the element: its vectorised body (groups of four)
/// uses GCC's unsigned sequence — values from `2**31` up go through the 32-bit conversion
/// of `x - 2**31` — while the last `n % 4` elements go through a 64-bit conversion. nprs
/// gives the vectorised body's result for every element of float32, float64 and complex
/// sources, and the 64-bit route for float16 sources, as NumPy does for those everywhere.
#[inline(always)]
fn float_to_u32_np(x: f64, src: crate::DType) -> u32 {
    const TWO31: f64 = 2_147_483_648.0;
    match src {
        crate::DType::Float64 | crate::DType::Float32 | crate::DType::Complex64 | crate::DType::Complex128 => {
            if x >= TWO31 { (f64_to_i32_c(x - TWO31) as u32) ^ (1u32 << 31) } else { f64_to_i32_c(x) as u32 }
        }
        _ => f64_to_i64_c(x) as u32,
    }
}

/// GCC's double → uint64 sequence on x86-64.
#[inline(always)]
fn f64_to_u64_c(x: f64) -> u64 {
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if x >= TWO63 { (f64_to_i64_c(x - TWO63) as u64) ^ (1u64 << 63) } else { f64_to_i64_c(x) as u64 }
}

macro_rules! cast_int {
    ($($t:ty: $fam:ident, $via:ident);* $(;)?) => {$(
        impl Cast for $t {
            const FAMILY: Family = Family::$fam;
            #[inline(always)]
            fn to_i64_wrapping(self) -> i64 { self as i64 }
            #[inline(always)]
            fn to_f64(self) -> f64 { self as f64 }
            #[inline(always)]
            fn to_f32(self) -> f32 { self as f32 }
            #[inline(always)]
            fn imag_f64(self) -> f64 { 0.0 }
            #[inline(always)]
            fn to_bool(self) -> bool { self != 0 }
            #[inline(always)]
            fn cast_from<S: Cast>(s: S) -> Self {
                match S::FAMILY {
                    Family::Bool | Family::Int | Family::UInt => s.to_i64_wrapping() as $t,
                    Family::Float | Family::Complex => $via(s.to_f64()) as $t,
                }
            }
        }
    )*};
}

cast_int! {
    i8: Int, f64_to_i32_c;
    i16: Int, f64_to_i32_c;
    i32: Int, f64_to_i32_c;
    i64: Int, f64_to_i64_c;
    u8: UInt, f64_to_i32_c;
    u16: UInt, f64_to_i32_c;
    u64: UInt, f64_to_u64_c;
}

impl Cast for u32 {
    const FAMILY: Family = Family::UInt;
    #[inline(always)]
    fn to_i64_wrapping(self) -> i64 {
        i64::from(self)
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    #[inline(always)]
    fn to_f32(self) -> f32 {
        self as f32
    }
    #[inline(always)]
    fn imag_f64(self) -> f64 {
        0.0
    }
    #[inline(always)]
    fn to_bool(self) -> bool {
        self != 0
    }
    #[inline(always)]
    fn cast_from<S: Cast>(s: S) -> Self {
        match S::FAMILY {
            Family::Bool | Family::Int | Family::UInt => s.to_i64_wrapping() as u32,
            Family::Float | Family::Complex => float_to_u32_np(s.to_f64(), S::DTYPE),
        }
    }
}

impl Cast for bool {
    const FAMILY: Family = Family::Bool;
    #[inline(always)]
    fn to_i64_wrapping(self) -> i64 {
        i64::from(self)
    }
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(u8::from(self))
    }
    #[inline(always)]
    fn to_f32(self) -> f32 {
        f32::from(u8::from(self))
    }
    #[inline(always)]
    fn imag_f64(self) -> f64 {
        0.0
    }
    #[inline(always)]
    fn to_bool(self) -> bool {
        self
    }
    #[inline(always)]
    fn cast_from<S: Cast>(s: S) -> Self {
        match S::FAMILY {
            Family::Complex => s.to_bool() || s.imag_f64() != 0.0,
            _ => s.to_bool(),
        }
    }
}

macro_rules! cast_float {
    ($($t:ty: $to64:expr, $to32:expr, $from64:expr, $from32:expr);* $(;)?) => {$(
        impl Cast for $t {
            const FAMILY: Family = Family::Float;
            #[inline(always)]
            fn to_i64_wrapping(self) -> i64 { f64_to_i64_c($to64(self)) }
            #[inline(always)]
            fn to_f64(self) -> f64 { $to64(self) }
            #[inline(always)]
            fn to_f32(self) -> f32 { $to32(self) }
            #[inline(always)]
            fn imag_f64(self) -> f64 { 0.0 }
            #[inline(always)]
            fn to_bool(self) -> bool { $to64(self) != 0.0 }
            #[inline(always)]
            fn cast_from<S: Cast>(s: S) -> Self {
                match (S::FAMILY, S::DTYPE) {
                    (_, crate::DType::Float32 | crate::DType::Complex64) => $from32(s.to_f32()),
                    (Family::Int | Family::UInt, _) if size_of::<$t>() == 4 => $from32(s.to_f32()),
                    _ => $from64(s.to_f64()),
                }
            }
        }
    )*};
}

cast_float! {
    f64: |x: f64| x, |x: f64| x as f32, |x: f64| x, |x: f32| f64::from(x);
    f32: |x: f32| f64::from(x), |x: f32| x, |x: f64| x as f32, |x: f32| x;
    f16: |x: f16| x.to_f64(), |x: f16| x.to_f32(), f16::from_f64, f16::from_f32;
}

macro_rules! cast_complex {
    ($($t:ty: $f:ty);* $(;)?) => {$(
        impl Cast for $t {
            const FAMILY: Family = Family::Complex;
            #[inline(always)]
            fn to_i64_wrapping(self) -> i64 { f64_to_i64_c(f64::from(self.re)) }
            #[inline(always)]
            fn to_f64(self) -> f64 { f64::from(self.re) }
            #[inline(always)]
            fn to_f32(self) -> f32 { self.re as f32 }
            #[inline(always)]
            fn imag_f64(self) -> f64 { f64::from(self.im) }
            #[inline(always)]
            fn to_bool(self) -> bool { self.re != 0.0 || self.im != 0.0 }
            #[inline(always)]
            fn cast_from<S: Cast>(s: S) -> Self {
                let re = <$f as Cast>::cast_from(s);
                let im = match S::FAMILY {
                    Family::Complex => <$f as Cast>::cast_from(s.imag_f64()),
                    _ => 0.0,
                };
                <$t>::new(re, im)
            }
        }
    )*};
}

cast_complex! {
    C64: f32;
    C128: f64;
}

impl<S: Data> ArrayBase<S>
where
    S::Elem: Cast,
{
    /// A copy converted to element type `U` with NumPy's unsafe-cast results
    /// (`arr.astype(U)`), keeping the memory order for F-ordered input.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![1.7, -2.5, 300.9, f64::NAN];
    /// assert_eq!(a.astype::<i8>().to_vec(), vec![1, -2, 44, 0]); // as NumPy on x86-64
    /// assert_eq!(array![250u8].astype::<i8>().to_vec(), vec![-6]);
    /// ```
    #[must_use]
    pub fn astype<U: Cast>(&self) -> Array<U> {
        let order = zip::result_order(&[(self.shape(), &self.strides_elems())]);
        cast_to_order(&self.view(), order, U::cast_from)
    }
}

/// A C-contiguous array with the same elements: the input itself when it already is one,
/// else a copy (`numpy.ascontiguousarray`).
#[must_use]
pub fn ascontiguousarray<S: Data>(a: &ArrayBase<S>) -> crate::CowArray<'_, S::Elem> {
    if a.is_c_contiguous() { a.view().into() } else { a.to_owned_order(Order::C).into() }
}

/// An F-contiguous array with the same elements: the input itself when it already is one,
/// else a copy (`numpy.asfortranarray`).
#[must_use]
pub fn asfortranarray<S: Data>(a: &ArrayBase<S>) -> crate::CowArray<'_, S::Elem> {
    if a.is_f_contiguous() { a.view().into() } else { a.to_owned_order(Order::F).into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_casts() {
        assert_eq!(i64::cast_from(f64::NAN), i64::MIN);
        assert_eq!(i8::cast_from(300.7f64), 44);
        assert_eq!(u8::cast_from(-1.0f64), 255);
        assert_eq!(u8::cast_from(250u8.wrapping_add(10)), 4);
        assert!(bool::cast_from(f64::NAN));
        assert_eq!(u32::cast_from(f64::NAN), 1 << 31);
        assert_eq!(u32::cast_from(3e9f64), 3_000_000_000);
        assert_eq!(u32::cast_from(f16::NAN), 0);
    }
}
