//! Operands of the typed function forms and operators, and NumPy's result type for two
//! operands at the type level.
//!
//! An operand is an array (owned, a view, or a reference to either) or a Rust number. As
//! NumPy does with a Python scalar (NEP 50), a Rust number is a "weak" operand: its kind
//! (bool < integer < float < complex) counts, not its width. So `int8_array + 1` stays
//! `int8`, `float32_array * 2.5` stays `float32`, and `int64_array - 0.5` is `float64`.
//! Two arrays of different element types promote as `numpy.promote_types` does (`int32`
//! with `float32` gives `float64`).
//!
//! [`Promote`] and [`WeakWith`] are those two tables, and [`Operands`] pairs two operands
//! with the type they compute in. The element kernels then run on values cast (with the
//! element casts of [`Cast`]) to that type; same-type operands are not cast at all.
//!
//! Rust types a literal from the impls that can take it, so each array type takes one
//! number type per kind — the one a literal of that kind gets: an integer array takes
//! integers of its own type (`int8_array + 1` types the `1` as `i8`), every other array
//! `i32` (the type of a bare integer literal); float arrays take their own float type
//! (`f64` for `float16`), other arrays `f64`; bool and complex numbers (`C64`, `C128`)
//! everywhere. A value of another Rust type needs a cast (`&a * (n as f64)`); the result
//! type is NumPy's in every case, since a Python scalar's width never matters.

use crate::array::{Array, ArrayBase, ArrayView};
use crate::copy::Cast;
use crate::dtype::{C64, C128, DType, Element, f16};
use crate::dynarray::{DynView, Operand};
use crate::error::Result;
use crate::scalar::Scalar;
use crate::storage::Data;
use crate::zip::RunCheck;

/// NumPy's `promote_types` of two element types, at the type level: the element type of
/// `array_of_Self op array_of_U`.
pub trait Promote<U: Element>: Element {
    /// The promoted type.
    type Out: Element;
    /// A value of the left operand in the promoted type.
    fn left(a: Self) -> Self::Out;
    /// A value of the right operand in the promoted type.
    fn right(b: U) -> Self::Out;
}

impl<T: Element> Promote<T> for T {
    type Out = T;
    #[inline(always)]
    fn left(a: T) -> T {
        a
    }
    #[inline(always)]
    fn right(b: T) -> T {
        b
    }
}

macro_rules! promote_row {
    ($a:ty: $($b:ty => $o:ty),*) => {$(
        impl Promote<$b> for $a {
            type Out = $o;
            #[inline(always)]
            fn left(a: $a) -> $o { <$o as Cast>::cast_from(a) }
            #[inline(always)]
            fn right(b: $b) -> $o { <$o as Cast>::cast_from(b) }
        }
    )*};
}

macro_rules! promote_table {
    ($($a:ty: $($b:ty => $o:ty),*;)*) => {$( promote_row!($a: $($b => $o),*); )*};
}

// Generated from `np.promote_types` (NumPy 2.4); a test compares it with the oracle.
promote_table! {
    bool: i8 => i8, i16 => i16, i32 => i32, i64 => i64, u8 => u8, u16 => u16, u32 => u32, u64 => u64, f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128;
    i8: bool => i8, i16 => i16, i32 => i32, i64 => i64, u8 => i16, u16 => i32, u32 => i64, u64 => f64, f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128;
    i16: bool => i16, i8 => i16, i32 => i32, i64 => i64, u8 => i16, u16 => i32, u32 => i64, u64 => f64, f16 => f32, f32 => f32, f64 => f64, C64 => C64, C128 => C128;
    i32: bool => i32, i8 => i32, i16 => i32, i64 => i64, u8 => i32, u16 => i32, u32 => i64, u64 => f64, f16 => f64, f32 => f64, f64 => f64, C64 => C128, C128 => C128;
    i64: bool => i64, i8 => i64, i16 => i64, i32 => i64, u8 => i64, u16 => i64, u32 => i64, u64 => f64, f16 => f64, f32 => f64, f64 => f64, C64 => C128, C128 => C128;
    u8: bool => u8, i8 => i16, i16 => i16, i32 => i32, i64 => i64, u16 => u16, u32 => u32, u64 => u64, f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128;
    u16: bool => u16, i8 => i32, i16 => i32, i32 => i32, i64 => i64, u8 => u16, u32 => u32, u64 => u64, f16 => f32, f32 => f32, f64 => f64, C64 => C64, C128 => C128;
    u32: bool => u32, i8 => i64, i16 => i64, i32 => i64, i64 => i64, u8 => u32, u16 => u32, u64 => u64, f16 => f64, f32 => f64, f64 => f64, C64 => C128, C128 => C128;
    u64: bool => u64, i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => u64, u16 => u64, u32 => u64, f16 => f64, f32 => f64, f64 => f64, C64 => C128, C128 => C128;
    f16: bool => f16, i8 => f16, i16 => f32, i32 => f64, i64 => f64, u8 => f16, u16 => f32, u32 => f64, u64 => f64, f32 => f32, f64 => f64, C64 => C64, C128 => C128;
    f32: bool => f32, i8 => f32, i16 => f32, i32 => f64, i64 => f64, u8 => f32, u16 => f32, u32 => f64, u64 => f64, f16 => f32, f64 => f64, C64 => C64, C128 => C128;
    f64: bool => f64, i8 => f64, i16 => f64, i32 => f64, i64 => f64, u8 => f64, u16 => f64, u32 => f64, u64 => f64, f16 => f64, f32 => f64, C64 => C128, C128 => C128;
    C64: bool => C64, i8 => C64, i16 => C64, i32 => C128, i64 => C128, u8 => C64, u16 => C64, u32 => C128, u64 => C128, f16 => C64, f32 => C64, f64 => C128, C128 => C128;
    C128: bool => C128, i8 => C128, i16 => C128, i32 => C128, i64 => C128, u8 => C128, u16 => C128, u32 => C128, u64 => C128, f16 => C128, f32 => C128, f64 => C128, C64 => C128;
}

/// NEP 50's result type of an array of `Self` with a Rust number of type `X` standing for
/// a Python scalar: the array's type when the number's kind is not higher, else the
/// default type of the number's kind (`int64`, `float64`, `complex128`; `complex64` for
/// `float16`/`float32` arrays). Implemented for the number types each array type takes
/// (see the [module docs](self)).
pub trait WeakWith<X: Element>: Element {
    /// The result type.
    type Out: Element;
    /// An array element in the result type.
    fn array(a: Self) -> Self::Out;
    /// The number in the result type.
    fn scalar(x: X) -> Self::Out;
}

macro_rules! weak_row {
    ($a:ty: $($x:ty => $o:ty),*) => {$(
        impl WeakWith<$x> for $a {
            type Out = $o;
            #[inline(always)]
            fn array(a: $a) -> $o { <$o as Cast>::cast_from(a) }
            #[inline(always)]
            fn scalar(x: $x) -> $o { <$o as Cast>::cast_from(x) }
        }
    )*};
}

macro_rules! weak_table {
    ($($a:ty: $($x:ty => $o:ty),*;)*) => {$( weak_row!($a: $($x => $o),*); )*};
}

// The result types are `np.result_type(array, python_scalar)` (NumPy 2.4); a test checks
// them against NEP 50's rule.
weak_table! {
    bool: bool => bool, i64 => i64, f64 => f64, C64 => C128, C128 => C128;
    i8: bool => i8, i8 => i8, f64 => f64, C64 => C128, C128 => C128;
    i16: bool => i16, i16 => i16, f64 => f64, C64 => C128, C128 => C128;
    i32: bool => i32, i32 => i32, f64 => f64, C64 => C128, C128 => C128;
    i64: bool => i64, i64 => i64, f64 => f64, C64 => C128, C128 => C128;
    u8: bool => u8, u8 => u8, f64 => f64, C64 => C128, C128 => C128;
    u16: bool => u16, u16 => u16, f64 => f64, C64 => C128, C128 => C128;
    u32: bool => u32, u32 => u32, f64 => f64, C64 => C128, C128 => C128;
    u64: bool => u64, u64 => u64, f64 => f64, C64 => C128, C128 => C128;
    f16: bool => f16, i32 => f16, f16 => f16, f64 => f16, C64 => C64, C128 => C64;
    f32: bool => f32, i32 => f32, f32 => f32, C64 => C64, C128 => C64;
    f64: bool => f64, i32 => f64, f64 => f64, C64 => C128, C128 => C128;
    C64: bool => C64, i32 => C64, f64 => C64, C64 => C64, C128 => C64;
    C128: bool => C128, i32 => C128, f64 => C128, C64 => C128, C128 => C128;
}

/// What the typed function forms ([`add`](crate::add), [`less`](crate::less), …) and
/// operators take: an array, a view, a reference to either, or a Rust number (a weak
/// scalar, as a Python number is to NumPy).
pub trait TypedOperand {
    /// The element type.
    type Elem: Element;
    /// The operand as a view (a 0-d view for a number).
    fn operand_view(&self) -> ArrayView<'_, Self::Elem>;
    /// The operand for the dynamic operations (a number stays a weak scalar).
    fn dyn_operand(&self) -> Operand<'_>;
}

impl<S: Data> TypedOperand for ArrayBase<S> {
    type Elem = S::Elem;
    fn operand_view(&self) -> ArrayView<'_, S::Elem> {
        self.view()
    }
    fn dyn_operand(&self) -> Operand<'_> {
        Operand::Array(DynView::from(self.view()))
    }
}

impl<S: Data> TypedOperand for &ArrayBase<S> {
    type Elem = S::Elem;
    fn operand_view(&self) -> ArrayView<'_, S::Elem> {
        self.view()
    }
    fn dyn_operand(&self) -> Operand<'_> {
        Operand::Array(DynView::from(self.view()))
    }
}

macro_rules! number_operand {
    ($($t:ty),*) => {$(
        impl TypedOperand for $t {
            type Elem = $t;
            fn operand_view(&self) -> ArrayView<'_, $t> {
                ArrayView::from_shape(&[], std::slice::from_ref(self)).expect("one element fits shape ()")
            }
            fn dyn_operand(&self) -> Operand<'_> {
                Operand::Scalar(Scalar::from(*self))
            }
        }
    )*};
}
number_operand!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);

/// Two operands of an arithmetic operation and the element type it computes in: [`Promote`]
/// for two arrays, [`WeakWith`] for an array and a number (on either side). Two numbers
/// are not an array operation.
pub trait Operands<B: TypedOperand>: TypedOperand {
    /// The element type the operation computes in.
    type Out: Element;
    /// A left value in that type.
    fn left(a: Self::Elem) -> Self::Out;
    /// A right value in that type.
    fn right(b: B::Elem) -> Self::Out;
}

macro_rules! array_pair {
    ($($l:ty, $r:ty);*) => {$(
        impl<'x, 'y, S: Data, S2: Data> Operands<$r> for $l
        where
            S::Elem: Promote<S2::Elem>,
        {
            type Out = <S::Elem as Promote<S2::Elem>>::Out;
            #[inline(always)]
            fn left(a: S::Elem) -> Self::Out {
                <S::Elem as Promote<S2::Elem>>::left(a)
            }
            #[inline(always)]
            fn right(b: S2::Elem) -> Self::Out {
                <S::Elem as Promote<S2::Elem>>::right(b)
            }
        }
    )*};
}
array_pair!(&'x ArrayBase<S>, &'y ArrayBase<S2>; &'x ArrayBase<S>, ArrayBase<S2>; ArrayBase<S>, &'y ArrayBase<S2>; ArrayBase<S>, ArrayBase<S2>);

macro_rules! number_pair {
    ($($x:ty),*) => {$(
        number_pair!(@one $x, &'x ArrayBase<S>);
        number_pair!(@one $x, ArrayBase<S>);
    )*};
    (@one $x:ty, $arr:ty) => {
        impl<'x, S: Data> Operands<$x> for $arr
        where
            S::Elem: WeakWith<$x>,
        {
            type Out = <S::Elem as WeakWith<$x>>::Out;
            #[inline(always)]
            fn left(a: S::Elem) -> Self::Out {
                <S::Elem as WeakWith<$x>>::array(a)
            }
            #[inline(always)]
            fn right(b: $x) -> Self::Out {
                <S::Elem as WeakWith<$x>>::scalar(b)
            }
        }

        impl<'x, S: Data> Operands<$arr> for $x
        where
            S::Elem: WeakWith<$x>,
        {
            type Out = <S::Elem as WeakWith<$x>>::Out;
            #[inline(always)]
            fn left(a: $x) -> Self::Out {
                <S::Elem as WeakWith<$x>>::scalar(a)
            }
            #[inline(always)]
            fn right(b: S::Elem) -> Self::Out {
                <S::Elem as WeakWith<$x>>::array(b)
            }
        }
    };
}
number_pair!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);

/// The element type an operation of `A` and `B` computes in.
pub type ResultElem<A, B> = <A as Operands<B>>::Out;

/// `f(left, right)` over two operands broadcast together, each value first brought to the
/// type the operation computes in; the floating-point conditions the loop raised (the
/// hardware flags, read once per share of the work, and what `check` reports on the right
/// operand's runs) go through the thread's error state as those of the ufunc `ufunc`.
pub(crate) fn binary<A, B, O, F>(a: &A, b: &B, ufunc: &str, check: Option<RunCheck>, f: F) -> Result<Array<O>>
where
    A: Operands<B>,
    B: TypedOperand,
    O: Element,
    F: Fn(A::Out, A::Out) -> O + Sync + Send,
{
    let (x, y) = (a.operand_view(), b.operand_view());
    let (r, flags) = crate::zip::zip_map_fp(&x, &y, move |p, q| f(A::left(p), A::right(q)), check)?;
    crate::fpstatus::check(flags, ufunc)?;
    Ok(r)
}

/// The run check of `remainder` and `floor_divide` computing in `O` with divisors of type
/// `D`: integer division by zero, which the hardware does not see (float division by zero
/// it sees itself).
pub(crate) fn int_divisor_check<D: Element, O: Element>() -> Option<RunCheck> {
    matches!(O::DTYPE.kind(), 'i' | 'u').then_some(crate::dynarray::zero_divisor::<D> as RunCheck)
}

/// The dtype of `<T as Promote<U>>::Out` (for tests of the table).
#[doc(hidden)]
#[must_use]
pub fn promoted_dtype<T: Promote<U>, U: Element>() -> DType {
    <T::Out as Element>::DTYPE
}

/// The dtype of `<T as WeakWith<X>>::Out` (for tests of the table).
#[doc(hidden)]
#[must_use]
pub fn weak_dtype<T: WeakWith<X>, X: Element>() -> DType {
    <T::Out as Element>::DTYPE
}
