//! Arithmetic with NumPy's semantics and broadcasting: `+ - * / %` between arrays, views
//! and scalars, compound assignment, the fallible function forms, comparisons
//! ([`equal`], [`less`], … and the methods of the same names), and negation of typed and
//! dynamic arrays.
//!
//! A Rust number on either side is NumPy's weak Python scalar, and the function forms
//! ([`add`], …) take arrays of different element types: the result has NumPy's type
//! ([`operand`] says how). The operators take two arrays of one element type, so that an
//! array literal (`&a + &array![1.0, 2.0]`) takes the other operand's type: with operators
//! generic over both element types, Rust cannot infer a literal's type from the other
//! operand, and `let b = &a + &array![1.0, 2.0]; b.get(..)` stops compiling.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{add, floor_divide};
//! let z = array![1i64, 2, 3];
//! let half: Array<f64> = &z - 0.5; // int64 - Python float is float64
//! assert_eq!(half.to_vec(), vec![0.5, 1.5, 2.5]);
//! let small = array![1i8, 2] * 2; // int8 * Python int stays int8
//! assert_eq!(small.dtype(), DType::Int8);
//! let mixed = add(&array![1i32, 2], &array![0.5f32, 0.5]).unwrap(); // int32 + float32: float64
//! assert_eq!(mixed.dtype(), DType::Float64);
//! let b = &array![1.0, 2.0] + &array![10.0, 20.0]; // one element type: literals infer
//! assert_eq!(b.get(&[1]).unwrap(), 22.0);
//! assert_eq!(floor_divide(&z, 2).unwrap().to_vec(), vec![0, 1, 1]);
//! ```
//!
//! Element rules follow NumPy: integers wrap on overflow; `/` is true division (integers
//! and bools give `float64`); `%` takes the sign of the divisor and `x % 0` is `0` for
//! integers; bool `+` is logical or and `*` logical and, bool `-` does not exist (NumPy
//! raises TypeError; here it does not compile).

//!
//! # Floating-point errors
//! The operators and the function forms report the conditions NumPy reports (division by
//! zero, overflow, underflow, invalid values; for integer `%` and `floor_divide`, division
//! by zero) through the thread's error state ([`fpstatus`](crate::fpstatus),
//! `numpy.errstate`): by default a `RuntimeWarning: divide by zero encountered in divide`
//! line on standard error, nothing for underflow. The status flags are read once per call
//! (per thread's share of a large call), never per element. Under
//! [`ErrAction::Raise`](crate::fpstatus::ErrAction::Raise) the function forms return
//! NumPy's `FloatingPointError` ([`Error::FloatingPoint`]) and the operators, which cannot
//! return a `Result`, panic with its message:
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::divide;
//! use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
//! let (a, b) = (array![1.0f64, 2.0], array![0.0f64, 1.0]);
//! let e = errstate(ErrState::all(ErrAction::Raise), || divide(&a, &b)).unwrap_err();
//! assert_eq!(e.to_string(), "divide by zero encountered in divide");
//! let r = errstate(ErrState::all(ErrAction::Ignore), || &a / &b); // inf, silently
//! assert!(r.to_vec()[0].is_infinite());
//! ```

use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Rem, RemAssign, Sub, SubAssign};

use crate::array::{Array, ArrayBase};
use crate::dims;
use crate::dtype::{C64, C128, Element, f16};
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};
use crate::zip;

mod compare;
mod negate;
pub mod operand;

pub(crate) use compare::compare_exact;
pub use compare::{equal, greater, greater_equal, less, less_equal, not_equal};
use operand::{Operands, ResultElem, TypedOperand, WeakWith, int_divisor_check};

use crate::zip::RunCheck;

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

// ---------------------------------------------------------------------------------------
// Function forms.

/// No run check: the hardware sees every condition of the operation.
#[allow(clippy::extra_unused_type_parameters)] // called as `int_divisor_check` is, by macros
fn no_check<D: Element, O: Element>() -> Option<RunCheck> {
    None
}

macro_rules! binary_fn {
    ($(#[$doc:meta])* $name:ident, $tr:ident, $out:ty, $f:expr, $check:ident) => {
        $(#[$doc])*
        ///
        /// Either operand may be an array, a view, a reference to either, or a Rust number
        /// (NumPy's weak Python scalar); the element types may differ, and the result has
        /// NumPy's type for them (see [`operand`]).
        ///
        /// Floating-point conditions (division by zero, overflow, invalid values) follow
        /// the thread's error state ([`fpstatus`](crate::fpstatus)), as NumPy's `errstate`:
        /// by default a `RuntimeWarning` line on standard error for all but underflow.
        ///
        /// # Errors
        /// [`Error::Broadcast`] when the shapes do not broadcast together;
        /// [`Error::FloatingPoint`] for a condition whose action is
        /// [`Raise`](crate::fpstatus::ErrAction::Raise) (NumPy's `FloatingPointError`).
        pub fn $name<A, B>(a: A, b: B) -> Result<Array<$out>>
        where
            A: Operands<B>,
            B: TypedOperand,
            ResultElem<A, B>: $tr,
        {
            operand::binary(&a, &b, stringify!($name), $check::<B::Elem, ResultElem<A, B>>(), $f)
        }
    };
}

binary_fn!(
    /// `numpy.add`: elementwise sum with broadcasting.
    ///
    /// ```
    /// use nprs_core::{add, array};
    /// assert_eq!(add(&array![1i64, 2], 10).unwrap().to_vec(), vec![11, 12]);
    /// assert_eq!(add(0.5, &array![1i64, 2]).unwrap().to_vec(), vec![1.5, 2.5]);
    /// ```
    add, ElemAdd, ResultElem<A, B>, ElemAdd::add, no_check
);
binary_fn!(
    /// `numpy.subtract`: elementwise difference with broadcasting.
    ///
    /// ```
    /// use nprs_core::{array, subtract};
    /// assert_eq!(subtract(10, &array![1u8, 2]).unwrap().to_vec(), vec![9u8, 8]);
    /// ```
    subtract, ElemSub, ResultElem<A, B>, ElemSub::sub, no_check
);
binary_fn!(
    /// `numpy.multiply`: elementwise product with broadcasting.
    ///
    /// ```
    /// use nprs_core::{array, multiply};
    /// // np.multiply(np.array([1, 2], dtype=np.int8), 1.5) is float64
    /// assert_eq!(multiply(&array![1i8, 2], 1.5).unwrap().to_vec(), vec![1.5, 3.0]);
    /// ```
    multiply, ElemMul, ResultElem<A, B>, ElemMul::mul, no_check
);
binary_fn!(
    /// `numpy.true_divide` (`numpy.divide`): elementwise true division with broadcasting.
    ///
    /// ```
    /// use nprs_core::{array, divide};
    /// assert_eq!(divide(&array![1i64, 3], 2).unwrap().to_vec(), vec![0.5, 1.5]);
    /// ```
    divide, ElemDiv, <ResultElem<A, B> as ElemDiv>::Output, ElemDiv::div, no_check
);
binary_fn!(
    /// `numpy.remainder` (`numpy.mod`): remainder with the divisor's sign.
    ///
    /// ```
    /// use nprs_core::{array, remainder};
    /// assert_eq!(remainder(&array![-3.5, 7.25], 2.5).unwrap().to_vec(), vec![1.5, 2.25]);
    /// ```
    remainder, ElemRem, ResultElem<A, B>, ElemRem::rem, int_divisor_check
);
binary_fn!(
    /// `numpy.floor_divide`: the floor of the quotient.
    ///
    /// ```
    /// use nprs_core::{arange, floor_divide};
    /// let z = arange(0, 10, 1).unwrap();
    /// assert_eq!(floor_divide(&z, 3).unwrap().to_vec(), vec![0i64, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    /// ```
    floor_divide, ElemRem, ResultElem<A, B>, ElemRem::floor_div, int_divisor_check
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

/// `a op= b` for the ufunc `ufunc`: as [`apply_assign`], with the floating-point
/// conditions of the loop (and what `check` reports on `b`) through the thread's error
/// state.
fn ufunc_assign<SA: DataMut, SB: Data, F>(
    a: &mut ArrayBase<SA>,
    b: &ArrayBase<SB>,
    ufunc: &str,
    check: Option<RunCheck>,
    f: F,
) -> Result<()>
where
    F: Fn(&mut SA::Elem, SB::Elem) + Sync + Send,
{
    let shape = dims::broadcast_operands(&[a.shape(), b.shape()])?;
    if shape.as_slice() != a.shape() {
        return Err(Error::NonBroadcastableOutput { output: a.shape().to_vec(), broadcast: shape.to_vec() });
    }
    let bv = b.broadcast_to(&shape)?;
    let flags = zip::zip_mut_with_fp(&mut a.view_mut(), &bv, f, check);
    crate::fpstatus::check(flags, ufunc)
}

macro_rules! assign_fn {
    ($(#[$doc:meta])* $name:ident, $tr:ident, $f:expr, $ufunc:literal, $check:ident) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// [`Error::NonBroadcastableOutput`] or [`Error::Broadcast`] when `b` does not
        /// broadcast to `a`'s shape; [`Error::FloatingPoint`] for a floating-point
        /// condition whose errstate action is `raise` (`a` is then written).
        pub fn $name<SA, SB, T>(a: &mut ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<()>
        where
            T: $tr,
            SA: DataMut<Elem = T>,
            SB: Data<Elem = T>,
        {
            ufunc_assign(a, b, $ufunc, $check::<T, T>(), |x, y| *x = $f(*x, y))
        }
    };
}

assign_fn!(
    /// `a += b`, returning the error the operator panics with.
    add_assign, ElemAdd, T::add, "add", no_check
);
assign_fn!(
    /// `a -= b`, returning the error the operator panics with.
    subtract_assign, ElemSub, T::sub, "subtract", no_check
);
assign_fn!(
    /// `a *= b`, returning the error the operator panics with.
    multiply_assign, ElemMul, T::mul, "multiply", no_check
);
assign_fn!(
    /// `a %= b`, returning the error the operator panics with.
    remainder_assign, ElemRem, T::rem, "remainder", int_divisor_check
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
    ufunc_assign(a, b, "divide", None, |x, y| *x = ElemDiv::div(*x, y))
}

// ---------------------------------------------------------------------------------------
// Operators.

// Operators. Two arrays have one element type, so that an array literal takes the other
// operand's type (`&a + &array![1.0, 2.0]`; the function forms promote mixed types, as
// `Promote` says); a Rust number on either side is NumPy's weak scalar, implemented per
// number type so that a literal is typed by the array ([`operand`]). Both run the
// function forms' loop. Shapes that do not broadcast, and floating-point conditions whose
// errstate action is `raise`, panic with the error the function forms return.
macro_rules! impl_op {
    ($Op:ident, $op:ident, $tr:ident, $f:path, $out:ident, $name:literal, $check:ident) => {
        impl_op!(@arrays $Op, $op, $tr, $f, $out, $name, $check, &'x ArrayBase<SA>, &'x ArrayBase<SB>);
        impl_op!(@arrays $Op, $op, $tr, $f, $out, $name, $check, ArrayBase<SA>, &'x ArrayBase<SB>);
        impl_op!(@arrays $Op, $op, $tr, $f, $out, $name, $check, &'x ArrayBase<SA>, ArrayBase<SB>);
        impl_op!(@arrays $Op, $op, $tr, $f, $out, $name, $check, ArrayBase<SA>, ArrayBase<SB>);
        impl_op!(@numbers $Op, $op, $tr, $f, $out, $name, $check, bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);
    };
    (@arrays $Op:ident, $op:ident, $tr:ident, $f:path, $out:ident, $name:literal, $check:ident, $l:ty, $r:ty) => {
        impl<'x, T, SA, SB> $Op<$r> for $l
        where
            T: $tr,
            SA: Data<Elem = T>,
            SB: Data<Elem = T>,
            $l: Operands<$r, Out = T>,
        {
            type Output = Array<impl_op!(@out T, $out)>;
            #[track_caller]
            fn $op(self, rhs: $r) -> Self::Output {
                let check = $check::<T, T>();
                crate::error::or_panic(operand::binary(&self, &rhs, $name, check, $f))
            }
        }
    };
    (@numbers $Op:ident, $op:ident, $tr:ident, $f:path, $out:ident, $name:literal, $check:ident, $($t:ty),*) => {$(
        impl_op!(@number $Op, $op, $tr, $f, $out, $name, $check, $t, &'x ArrayBase<S>);
        impl_op!(@number $Op, $op, $tr, $f, $out, $name, $check, $t, ArrayBase<S>);
    )*};
    (@number $Op:ident, $op:ident, $tr:ident, $f:path, $out:ident, $name:literal, $check:ident, $t:ty, $arr:ty) => {
        impl<'x, S: Data> $Op<$t> for $arr
        where
            $arr: Operands<$t>,
            <$arr as Operands<$t>>::Out: $tr,
        {
            type Output = Array<impl_op!(@out <$arr as Operands<$t>>::Out, $out)>;
            #[track_caller]
            fn $op(self, rhs: $t) -> Self::Output {
                let check = $check::<$t, <$arr as Operands<$t>>::Out>();
                crate::error::or_panic(operand::binary(&self, &rhs, $name, check, $f))
            }
        }

        impl<'x, S: Data> $Op<$arr> for $t
        where
            $t: Operands<$arr>,
            <$t as Operands<$arr>>::Out: $tr,
        {
            type Output = Array<impl_op!(@out <$t as Operands<$arr>>::Out, $out)>;
            #[track_caller]
            fn $op(self, rhs: $arr) -> Self::Output {
                let check = $check::<S::Elem, <$t as Operands<$arr>>::Out>();
                crate::error::or_panic(operand::binary(&self, &rhs, $name, check, $f))
            }
        }
    };
    (@out $t:ty, same) => { $t };
    (@out $t:ty, div) => { <$t as ElemDiv>::Output };
}

impl_op!(Add, add, ElemAdd, ElemAdd::add, same, "add", no_check);
impl_op!(Sub, sub, ElemSub, ElemSub::sub, same, "subtract", no_check);
impl_op!(Mul, mul, ElemMul, ElemMul::mul, same, "multiply", no_check);
impl_op!(Div, div, ElemDiv, ElemDiv::div, div, "divide", no_check);
impl_op!(Rem, rem, ElemRem, ElemRem::rem, same, "remainder", int_divisor_check);

macro_rules! impl_assign {
    ($Assign:ident, $assign:ident, $tr:ident, $f:path, $ufunc:literal, $check:ident) => {
        impl<'x, SA, SB, T> $Assign<&'x ArrayBase<SB>> for ArrayBase<SA>
        where
            T: $tr,
            SA: DataMut<Elem = T>,
            SB: Data<Elem = T>,
        {
            #[track_caller]
            fn $assign(&mut self, rhs: &'x ArrayBase<SB>) {
                crate::error::or_panic(ufunc_assign(self, rhs, $ufunc, $check::<T, T>(), |a, b| *a = $f(*a, b)));
            }
        }

        impl_assign!(@numbers $Assign, $assign, $tr, $f, $ufunc, $check, bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);
    };
    // A number of any type whose NEP 50 result with the array keeps the array's type
    // (`float_array += 1`; `int_array += 0.5` does not compile, as NumPy refuses it).
    (@numbers $Assign:ident, $assign:ident, $tr:path, $f:path, $ufunc:literal, $check:ident, $($x:ty),*) => {$(
        impl<SA: DataMut> $Assign<$x> for ArrayBase<SA>
        where
            SA::Elem: WeakWith<$x, Out = SA::Elem> + $tr,
        {
            #[track_caller]
            fn $assign(&mut self, rhs: $x) {
                let r = <SA::Elem as WeakWith<$x>>::scalar(rhs);
                let mut flags = zip::for_each_mut_fp(&mut self.view_mut(), move |a| *a = $f(*a, r));
                // An integer divisor of zero, which the hardware does not see.
                if $check::<SA::Elem, SA::Elem>().is_some() && r == <SA::Elem as Element>::zero() {
                    flags |= crate::fpstatus::FpFlags::DIVIDE;
                }
                crate::error::or_panic(crate::fpstatus::check(flags, $ufunc));
            }
        }
    )*};
}

impl_assign!(AddAssign, add_assign, ElemAdd, ElemAdd::add, "add", no_check);
impl_assign!(SubAssign, sub_assign, ElemSub, ElemSub::sub, "subtract", no_check);
impl_assign!(MulAssign, mul_assign, ElemMul, ElemMul::mul, "multiply", no_check);
impl_assign!(RemAssign, rem_assign, ElemRem, ElemRem::rem, "remainder", int_divisor_check);

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
        crate::error::or_panic(ufunc_assign(self, rhs, "divide", None, |a, b| *a = ElemDiv::div(*a, b)));
    }
}

impl_assign!(@numbers DivAssign, div_assign, ElemDiv<Output = SA::Elem>, ElemDiv::div, "divide", no_check, bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);

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
