//! Arithmetic with NumPy's semantics and broadcasting: `+ - * / %` between arrays, views
//! and scalars, compound assignment, and the fallible function forms.
//!
//! Element rules follow NumPy: integers wrap on overflow; `/` is true division (integers
//! and bools give `float64`); `%` takes the sign of the divisor and `x % 0` is `0` for
//! integers; bool `+` is logical or and `*` logical and, bool `-` does not exist (NumPy
//! raises TypeError; here it does not compile).

use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Rem, RemAssign, Sub, SubAssign};

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims;
use crate::dtype::{C64, C128, Element, f16};
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};
use crate::zip;

/// Element addition as NumPy's `add`.
pub trait ElemAdd: Element {
    /// `a + b`
    fn add(self, b: Self) -> Self;
}
/// Element subtraction as NumPy's `subtract`.
pub trait ElemSub: Element {
    /// `a - b`
    fn sub(self, b: Self) -> Self;
}
/// Element multiplication as NumPy's `multiply`.
pub trait ElemMul: Element {
    /// `a * b`
    fn mul(self, b: Self) -> Self;
}
/// True division as NumPy's `true_divide`.
pub trait ElemDiv: Element {
    /// The result type: `float64` for integers and bool, the same type otherwise.
    type Output: Element;
    /// `a / b`
    fn div(self, b: Self) -> Self::Output;
}
/// Remainder and floor division as NumPy's `remainder` and `floor_divide`.
pub trait ElemRem: Element {
    /// `a % b` with the sign of `b`.
    fn rem(self, b: Self) -> Self;
    /// `a // b`
    fn floor_div(self, b: Self) -> Self;
}

macro_rules! int_arith {
    ($($t:ty),*) => {$(
        impl ElemAdd for $t {
            #[inline(always)]
            fn add(self, b: Self) -> Self { self.wrapping_add(b) }
        }
        impl ElemSub for $t {
            #[inline(always)]
            fn sub(self, b: Self) -> Self { self.wrapping_sub(b) }
        }
        impl ElemMul for $t {
            #[inline(always)]
            fn mul(self, b: Self) -> Self { self.wrapping_mul(b) }
        }
        impl ElemDiv for $t {
            type Output = f64;
            #[inline(always)]
            fn div(self, b: Self) -> f64 { self as f64 / b as f64 }
        }
        impl ElemRem for $t {
            #[inline(always)]
            fn rem(self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let r = self.wrapping_rem(b);
                #[allow(unused_comparisons)]
                if r != 0 && ((r < 0) != (b < 0)) { r.wrapping_add(b) } else { r }
            }
            #[inline(always)]
            fn floor_div(self, b: Self) -> Self {
                if b == 0 {
                    return 0;
                }
                let q = self.wrapping_div(b);
                let r = self.wrapping_rem(b);
                #[allow(unused_comparisons)]
                if r != 0 && ((r < 0) != (b < 0)) { q.wrapping_sub(1) } else { q }
            }
        }
    )*};
}
int_arith!(i8, i16, i32, i64, u8, u16, u32, u64);

impl ElemAdd for bool {
    #[inline(always)]
    fn add(self, b: Self) -> Self {
        self | b
    }
}
impl ElemMul for bool {
    #[inline(always)]
    fn mul(self, b: Self) -> Self {
        self & b
    }
}
impl ElemDiv for bool {
    type Output = f64;
    #[inline(always)]
    fn div(self, b: Self) -> f64 {
        f64::from(u8::from(self)) / f64::from(u8::from(b))
    }
}

macro_rules! float_divmod {
    ($($name:ident: $t:ty),*) => {$(
        /// NumPy's `npy_divmod` for floats: (floor quotient, remainder with the divisor's sign).
        #[inline(always)]
        fn $name(a: $t, b: $t) -> ($t, $t) {
            let m = a % b;
            if b == 0.0 {
                return (a / b, m);
            }
            let mut div = (a - m) / b;
            let mut m = m;
            if m == 0.0 {
                m = (0.0 as $t).copysign(b);
            } else if (b < 0.0) != (m < 0.0) {
                m += b;
                div -= 1.0;
            }
            let floordiv = if div == 0.0 {
                (0.0 as $t).copysign(a / b)
            } else {
                let f = div.floor();
                if div - f > 0.5 { f + 1.0 } else { f }
            };
            (floordiv, m)
        }
    )*};
}
float_divmod!(float_divmod: f64, float_divmod32: f32);

macro_rules! float_arith {
    ($($t:ty, $dm:ident);*) => {$(
        impl ElemAdd for $t {
            #[inline(always)]
            fn add(self, b: Self) -> Self { self + b }
        }
        impl ElemSub for $t {
            #[inline(always)]
            fn sub(self, b: Self) -> Self { self - b }
        }
        impl ElemMul for $t {
            #[inline(always)]
            fn mul(self, b: Self) -> Self { self * b }
        }
        impl ElemDiv for $t {
            type Output = $t;
            #[inline(always)]
            fn div(self, b: Self) -> Self { self / b }
        }
        impl ElemRem for $t {
            #[inline(always)]
            fn rem(self, b: Self) -> Self { $dm(self, b).1 }
            #[inline(always)]
            fn floor_div(self, b: Self) -> Self { $dm(self, b).0 }
        }
    )*};
}
float_arith!(f64, float_divmod; f32, float_divmod32);

impl ElemAdd for f16 {
    #[inline(always)]
    fn add(self, b: Self) -> Self {
        f16::from_f32(self.to_f32() + b.to_f32())
    }
}
impl ElemSub for f16 {
    #[inline(always)]
    fn sub(self, b: Self) -> Self {
        f16::from_f32(self.to_f32() - b.to_f32())
    }
}
impl ElemMul for f16 {
    #[inline(always)]
    fn mul(self, b: Self) -> Self {
        f16::from_f32(self.to_f32() * b.to_f32())
    }
}
impl ElemDiv for f16 {
    type Output = f16;
    #[inline(always)]
    fn div(self, b: Self) -> Self {
        f16::from_f32(self.to_f32() / b.to_f32())
    }
}
impl ElemRem for f16 {
    #[inline(always)]
    fn rem(self, b: Self) -> Self {
        f16::from_f32(float_divmod32(self.to_f32(), b.to_f32()).1)
    }
    #[inline(always)]
    fn floor_div(self, b: Self) -> Self {
        f16::from_f32(float_divmod32(self.to_f32(), b.to_f32()).0)
    }
}

macro_rules! complex_arith {
    ($($t:ty, $f:ty);*) => {$(
        impl ElemAdd for $t {
            #[inline(always)]
            fn add(self, b: Self) -> Self { <$t>::new(self.re + b.re, self.im + b.im) }
        }
        impl ElemSub for $t {
            #[inline(always)]
            fn sub(self, b: Self) -> Self { <$t>::new(self.re - b.re, self.im - b.im) }
        }
        impl ElemMul for $t {
            #[inline(always)]
            /// With fused multiply-adds, as NumPy's vectorised loop computes it:
            /// `re = fma(ar, br, -(ai*bi))`, `im = fma(ar, bi, ai*br)`.
            fn mul(self, b: Self) -> Self {
                <$t>::new(self.re.mul_add(b.re, -(self.im * b.im)), self.re.mul_add(b.im, self.im * b.re))
            }
        }
        impl ElemDiv for $t {
            type Output = $t;
            /// Smith's algorithm, as NumPy's complex division.
            #[inline(always)]
            fn div(self, b: Self) -> Self {
                let (ar, ai, br, bi) = (self.re, self.im, b.re, b.im);
                let (abr, abi) = (br.abs(), bi.abs());
                if abr >= abi {
                    if abr == 0.0 && abi == 0.0 {
                        <$t>::new(ar / abr, ai / abi)
                    } else {
                        let rat = bi / br;
                        let scl = 1.0 / (br + bi * rat);
                        <$t>::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
                    }
                } else {
                    let rat = br / bi;
                    let scl = 1.0 / (bi + br * rat);
                    <$t>::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
                }
            }
        }
    )*};
}
complex_arith!(C64, f32; C128, f64);

fn scalar_view<T: Element>(x: &T) -> ArrayView<'_, T> {
    ArrayView::from_shape(&[], std::slice::from_ref(x)).expect("one element fits shape ()")
}

// ---------------------------------------------------------------------------------------
// Function forms.

macro_rules! binary_fn {
    ($(#[$doc:meta])* $name:ident, $tr:ident, $out:ty, $f:expr) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// [`Error::Broadcast`] when the shapes do not broadcast together.
        pub fn $name<SA, SB, T>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<$out>>
        where
            T: $tr,
            SA: Data<Elem = T>,
            SB: Data<Elem = T>,
        {
            zip::zip_map(a, b, $f)
        }
    };
}

binary_fn!(
    /// `numpy.add`: elementwise sum with broadcasting.
    add, ElemAdd, T, T::add
);
binary_fn!(
    /// `numpy.subtract`: elementwise difference with broadcasting.
    subtract, ElemSub, T, T::sub
);
binary_fn!(
    /// `numpy.multiply`: elementwise product with broadcasting.
    multiply, ElemMul, T, T::mul
);
binary_fn!(
    /// `numpy.true_divide` (`numpy.divide`): elementwise true division with broadcasting.
    divide, ElemDiv, T::Output, T::div
);
binary_fn!(
    /// `numpy.remainder` (`numpy.mod`): remainder with the divisor's sign.
    remainder, ElemRem, T, T::rem
);
binary_fn!(
    /// `numpy.floor_divide`: the floor of the quotient.
    floor_divide, ElemRem, T, T::floor_div
);

/// Applies `f(&mut a, b)` with `b` broadcast to `a`'s shape (an in-place operation).
///
/// # Errors
/// [`Error::NonBroadcastableOutput`] when `b` would need to change `a`'s shape, or
/// [`Error::Broadcast`] when the shapes are incompatible.
pub fn apply_assign<SA: DataMut, SB: Data, F>(a: &mut ArrayBase<SA>, b: &ArrayBase<SB>, f: F) -> Result<()>
where
    F: Fn(&mut SA::Elem, SB::Elem) + Sync + Send,
{
    let shape = dims::broadcast_operands(&[a.shape(), b.shape()])?;
    if shape.as_slice() != a.shape() {
        return Err(Error::NonBroadcastableOutput { output: a.shape().to_vec(), broadcast: shape.to_vec() });
    }
    let bv = b.broadcast_to(&shape)?;
    zip::zip_mut_with(&mut a.view_mut(), &bv, f);
    Ok(())
}

macro_rules! assign_fn {
    ($(#[$doc:meta])* $name:ident, $tr:ident, $f:expr) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// [`Error::NonBroadcastableOutput`] or [`Error::Broadcast`] when `b` does not
        /// broadcast to `a`'s shape.
        pub fn $name<SA, SB, T>(a: &mut ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<()>
        where
            T: $tr,
            SA: DataMut<Elem = T>,
            SB: Data<Elem = T>,
        {
            apply_assign(a, b, |x, y| *x = $f(*x, y))
        }
    };
}

assign_fn!(
    /// `a += b`, returning the error the operator panics with.
    add_assign, ElemAdd, T::add
);
assign_fn!(
    /// `a -= b`, returning the error the operator panics with.
    subtract_assign, ElemSub, T::sub
);
assign_fn!(
    /// `a *= b`, returning the error the operator panics with.
    multiply_assign, ElemMul, T::mul
);
assign_fn!(
    /// `a %= b`, returning the error the operator panics with.
    remainder_assign, ElemRem, T::rem
);

/// `a /= b` for float and complex arrays, returning the error the operator panics with.
///
/// # Errors
/// As [`add_assign`].
pub fn divide_assign<SA, SB, T>(a: &mut ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<()>
where
    T: ElemDiv<Output = T>,
    SA: DataMut<Elem = T>,
    SB: Data<Elem = T>,
{
    apply_assign(a, b, |x, y| *x = ElemDiv::div(*x, y))
}

// ---------------------------------------------------------------------------------------
// Operators.

macro_rules! impl_op {
    ($Op:ident, $op:ident, $Assign:ident, $assign:ident, $tr:ident, $f:path, $out:ty) => {
        impl<'x, SA, SB, T> $Op<&'x ArrayBase<SB>> for &'x ArrayBase<SA>
        where
            T: $tr,
            SA: Data<Elem = T>,
            SB: Data<Elem = T>,
        {
            type Output = Array<$out>;
            #[track_caller]
            fn $op(self, rhs: &'x ArrayBase<SB>) -> Array<$out> {
                crate::error::or_panic(zip::zip_map(self, rhs, $f))
            }
        }

        impl<'x, SA, SB, T> $Op<&'x ArrayBase<SB>> for ArrayBase<SA>
        where
            T: $tr,
            SA: Data<Elem = T>,
            SB: Data<Elem = T>,
        {
            type Output = Array<$out>;
            #[track_caller]
            fn $op(self, rhs: &'x ArrayBase<SB>) -> Array<$out> {
                crate::error::or_panic(zip::zip_map(&self, rhs, $f))
            }
        }

        impl<'x, SA, SB, T> $Op<ArrayBase<SB>> for &'x ArrayBase<SA>
        where
            T: $tr,
            SA: Data<Elem = T>,
            SB: Data<Elem = T>,
        {
            type Output = Array<$out>;
            #[track_caller]
            fn $op(self, rhs: ArrayBase<SB>) -> Array<$out> {
                crate::error::or_panic(zip::zip_map(self, &rhs, $f))
            }
        }

        impl<SA, SB, T> $Op<ArrayBase<SB>> for ArrayBase<SA>
        where
            T: $tr,
            SA: Data<Elem = T>,
            SB: Data<Elem = T>,
        {
            type Output = Array<$out>;
            #[track_caller]
            fn $op(self, rhs: ArrayBase<SB>) -> Array<$out> {
                crate::error::or_panic(zip::zip_map(&self, &rhs, $f))
            }
        }
    };
}

impl_op!(Add, add, AddAssign, add_assign, ElemAdd, ElemAdd::add, T);
impl_op!(Sub, sub, SubAssign, sub_assign, ElemSub, ElemSub::sub, T);
impl_op!(Mul, mul, MulAssign, mul_assign, ElemMul, ElemMul::mul, T);
impl_op!(Div, div, DivAssign, div_assign, ElemDiv, ElemDiv::div, T::Output);
impl_op!(Rem, rem, RemAssign, rem_assign, ElemRem, ElemRem::rem, T);

macro_rules! impl_assign {
    ($Assign:ident, $assign:ident, $tr:ident, $f:path) => {
        impl<'x, SA, SB, T> $Assign<&'x ArrayBase<SB>> for ArrayBase<SA>
        where
            T: $tr,
            SA: DataMut<Elem = T>,
            SB: Data<Elem = T>,
        {
            #[track_caller]
            fn $assign(&mut self, rhs: &'x ArrayBase<SB>) {
                crate::error::or_panic(apply_assign(self, rhs, |a, b| *a = $f(*a, b)));
            }
        }

        impl<SA, T> $Assign<T> for ArrayBase<SA>
        where
            T: $tr,
            SA: DataMut<Elem = T>,
        {
            fn $assign(&mut self, rhs: T) {
                zip::for_each_mut(&mut self.view_mut(), move |a| *a = $f(*a, rhs));
            }
        }
    };
}

impl_assign!(AddAssign, add_assign, ElemAdd, ElemAdd::add);
impl_assign!(SubAssign, sub_assign, ElemSub, ElemSub::sub);
impl_assign!(MulAssign, mul_assign, ElemMul, ElemMul::mul);
impl_assign!(RemAssign, rem_assign, ElemRem, ElemRem::rem);

// In-place true division only where it keeps the type (floats and complex), as NumPy
// refuses `int_array /= x` (the float result cannot be cast back to the integer type).
impl<'x, SA, SB, T> DivAssign<&'x ArrayBase<SB>> for ArrayBase<SA>
where
    T: ElemDiv<Output = T>,
    SA: DataMut<Elem = T>,
    SB: Data<Elem = T>,
{
    #[track_caller]
    fn div_assign(&mut self, rhs: &'x ArrayBase<SB>) {
        crate::error::or_panic(apply_assign(self, rhs, |a, b| *a = ElemDiv::div(*a, b)));
    }
}

impl<SA, T> DivAssign<T> for ArrayBase<SA>
where
    T: ElemDiv<Output = T>,
    SA: DataMut<Elem = T>,
{
    fn div_assign(&mut self, rhs: T) {
        zip::for_each_mut(&mut self.view_mut(), move |a| *a = ElemDiv::div(*a, rhs));
    }
}

// Scalars on either side. A scalar acts as a 0-d array (a "weak" Python scalar: it takes
// the array's type, which in typed Rust it already has).
macro_rules! impl_scalar_ops {
    ($($t:ty),*) => {$(
        impl_scalar_ops!(@op $t, Add, add, ElemAdd, ElemAdd::add);
        impl_scalar_ops!(@op $t, Sub, sub, ElemSub, ElemSub::sub);
        impl_scalar_ops!(@op $t, Mul, mul, ElemMul, ElemMul::mul);
        impl_scalar_ops!(@op $t, Div, div, ElemDiv, ElemDiv::div);
        impl_scalar_ops!(@op $t, Rem, rem, ElemRem, ElemRem::rem);
    )*};
    (@op $t:ty, $Op:ident, $op:ident, $tr:ident, $f:path) => {
        impl<S: Data<Elem = $t>> $Op<$t> for &ArrayBase<S> {
            type Output = Array<<$t as ScalarOut<$t>>::$Op>;
            fn $op(self, rhs: $t) -> Self::Output {
                let r = rhs;
                zip::zip_map(self, &scalar_view(&r), $f).expect("a scalar broadcasts")
            }
        }
        impl<S: Data<Elem = $t>> $Op<$t> for ArrayBase<S> {
            type Output = Array<<$t as ScalarOut<$t>>::$Op>;
            fn $op(self, rhs: $t) -> Self::Output {
                let r = rhs;
                zip::zip_map(&self, &scalar_view(&r), $f).expect("a scalar broadcasts")
            }
        }
        impl<S: Data<Elem = $t>> $Op<&ArrayBase<S>> for $t {
            type Output = Array<<$t as ScalarOut<$t>>::$Op>;
            fn $op(self, rhs: &ArrayBase<S>) -> Self::Output {
                let l = self;
                zip::zip_map(&scalar_view(&l), rhs, $f).expect("a scalar broadcasts")
            }
        }
        impl<S: Data<Elem = $t>> $Op<ArrayBase<S>> for $t {
            type Output = Array<<$t as ScalarOut<$t>>::$Op>;
            fn $op(self, rhs: ArrayBase<S>) -> Self::Output {
                let l = self;
                zip::zip_map(&scalar_view(&l), &rhs, $f).expect("a scalar broadcasts")
            }
        }
    };
}

/// Result element types of scalar operators (an implementation detail of the operator
/// impls: every op keeps the type except true division of integers).
#[doc(hidden)]
pub trait ScalarOut<T> {
    type Add;
    type Sub;
    type Mul;
    type Div;
    type Rem;
}

macro_rules! scalar_out {
    ($($t:ty => $d:ty),*) => {$(
        impl ScalarOut<$t> for $t {
            type Add = $t;
            type Sub = $t;
            type Mul = $t;
            type Div = $d;
            type Rem = $t;
        }
    )*};
}
scalar_out!(i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64, u16 => f64, u32 => f64, u64 => f64, f16 => f16, f32 => f32, f64 => f64);

impl_scalar_ops!(i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64);

macro_rules! impl_scalar_ops_complex {
    ($($t:ty),*) => {$(
        impl ScalarOut<$t> for $t {
            type Add = $t;
            type Sub = $t;
            type Mul = $t;
            type Div = $t;
            type Rem = $t;
        }
        impl_scalar_ops!(@op $t, Add, add, ElemAdd, ElemAdd::add);
        impl_scalar_ops!(@op $t, Sub, sub, ElemSub, ElemSub::sub);
        impl_scalar_ops!(@op $t, Mul, mul, ElemMul, ElemMul::mul);
        impl_scalar_ops!(@op $t, Div, div, ElemDiv, ElemDiv::div);
    )*};
}
impl_scalar_ops_complex!(C64, C128);

/// Element negation as NumPy's `negative` (integers wrap; `-0.0` for floats).
pub trait ElemNeg: Element {
    /// `-a`
    fn neg(self) -> Self;
}
macro_rules! neg_int {
    ($($t:ty),*) => {$(
        impl ElemNeg for $t {
            #[inline(always)]
            fn neg(self) -> Self { self.wrapping_neg() }
        }
    )*};
}
neg_int!(i8, i16, i32, i64, u8, u16, u32, u64);
macro_rules! neg_float {
    ($($t:ty),*) => {$(
        impl ElemNeg for $t {
            #[inline(always)]
            fn neg(self) -> Self { -self }
        }
    )*};
}
neg_float!(f16, f32, f64, C64, C128);

/// `numpy.negative`.
#[must_use]
pub fn negative<S: Data<Elem = T>, T: ElemNeg>(a: &ArrayBase<S>) -> Array<T> {
    zip::map(a, T::neg)
}

impl<S: Data<Elem = T>, T: ElemNeg> std::ops::Neg for &ArrayBase<S> {
    type Output = Array<T>;
    fn neg(self) -> Array<T> {
        zip::map(self, T::neg)
    }
}

impl<S: Data<Elem = T>, T: ElemNeg> std::ops::Neg for ArrayBase<S> {
    type Output = Array<T>;
    fn neg(self) -> Array<T> {
        zip::map(&self, T::neg)
    }
}
