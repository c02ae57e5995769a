//! Typed entry points: `nprs_ufunc::sqrt(&a)` on any typed array or view, returning the
//! element type NumPy's resolver picks for the input's dtype (`int8` → `float16` for
//! `sqrt`). The output type is an associated type of a trait per family of ufuncs
//! ([`FloatUnary`], …); the call runs the same table loop as the dynamic form, resolved
//! once per call, and a test checks every family against the resolver for every dtype.

use nprs_core::dynarray::{DynView, Operand};
use nprs_core::kernel::Data;
use nprs_core::ops::operand::{Operands, Promote, ResultElem, TypedOperand};
use nprs_core::{Array, ArrayBase, C64, C128, Element, Result, UfuncOptions, f16};

use super::Ufunc;
use super::table::{
    ABSOLUTE, ISFINITE, ISINF, ISNAN, LOGICAL_AND, LOGICAL_NOT, LOGICAL_OR, LOGICAL_XOR, MAXIMUM, MINIMUM, NEGATIVE,
    POSITIVE, RECIPROCAL, SIGN, SQRT, SQUARE,
};
use super::table::{
    ARCCOS, ARCCOSH, ARCSIN, ARCSINH, ARCTAN, ARCTANH, COS, COSH, EXP, EXP2, EXPM1, LOG, LOG1P, LOG2, LOG10, SIN, SINH,
    TAN, TANH,
};
use super::table::{ARCTAN2, COPYSIGN, HEAVISIDE, HYPOT, LDEXP, LOGADDEXP, LOGADDEXP2, NEXTAFTER, POWER};

/// Declares an output-type family: a trait with an associated `Out` and its impls.
macro_rules! family {
    ($(#[$doc:meta])* $Tr:ident { $($t:ty => $o:ty),* $(,)? }) => {
        $(#[$doc])*
        pub trait $Tr: Element {
            /// The output element type.
            type Out: Element;
        }
        $(impl $Tr for $t { type Out = $o; })*
    };
}

family!(
    /// Output types of the float-valued unary ufuncs (`sqrt`, and the transcendentals):
    /// small integers and bool give float16, 16-bit integers float32, wider integers
    /// float64; floats and complex numbers keep their type.
    FloatUnary {
        bool => f16, i8 => f16, u8 => f16, i16 => f32, u16 => f32, i32 => f64, u32 => f64, i64 => f64, u64 => f64,
        f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128,
    }
);
family!(
    /// Output types of the arithmetic unary ufuncs without a bool loop (`square`,
    /// `reciprocal`, `positive`, `sign`): bool computes in int8, every other type keeps
    /// its type.
    ArithUnary {
        bool => i8, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64,
        f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128,
    }
);
family!(
    /// Output types of `absolute`: complex numbers give their real magnitude.
    AbsUnary {
        bool => bool, i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64,
        f16 => f16, f32 => f32, f64 => f64, C64 => f32, C128 => f64,
    }
);
family!(
    /// Output types of the predicates (`isnan`, `isinf`, `isfinite`, `logical_not`): bool.
    PredicateUnary {
        bool => bool, i8 => bool, u8 => bool, i16 => bool, u16 => bool, i32 => bool, u32 => bool, i64 => bool,
        u64 => bool, f16 => bool, f32 => bool, f64 => bool, C64 => bool, C128 => bool,
    }
);
family!(
    /// Output types of `negative`: every type but bool (which NumPy refuses) keeps its type.
    NegUnary {
        i8 => i8, u8 => u8, i16 => i16, u16 => u16, i32 => i32, u32 => u32, i64 => i64, u64 => u64,
        f16 => f16, f32 => f32, f64 => f64, C64 => C64, C128 => C128,
    }
);

/// Runs a unary ufunc on a typed array through its table loop.
fn typed_unary<S: Data, O: Element>(u: &Ufunc, a: &ArrayBase<S>) -> Result<Array<O>> {
    let r = u.call(&[Operand::Array(DynView::from(a.view()))], UfuncOptions::new())?;
    r.into_typed::<O>()
}

/// Runs a binary ufunc on two typed operands (arrays or weak Rust numbers).
fn typed_binary<A: TypedOperand, B: TypedOperand, O: Element>(u: &Ufunc, a: &A, b: &B) -> Result<Array<O>> {
    let r = u.call(&[a.dyn_operand(), b.dyn_operand()], UfuncOptions::new())?;
    r.into_typed::<O>()
}

macro_rules! unary_fns {
    ($($(#[$doc:meta])* $f:ident: $U:ident, $Tr:ident;)*) => {$(
        $(#[$doc])*
        ///
        /// # Errors
        /// [`Error::FloatingPoint`](nprs_core::Error::FloatingPoint) when the error state
        /// says `raise` for a condition the call met.
        pub fn $f<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as $Tr>::Out>>
        where
            S::Elem: $Tr,
        {
            typed_unary(&$U, a)
        }
    )*};
}

unary_fns! {
    /// `numpy.sqrt` of a typed array (the dynamic form is [`SQRT`]).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let r: Array<f64> = nprs_ufunc::sqrt(&array![4i64, 9])?;
    /// assert_eq!(r.to_vec(), vec![2.0, 3.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    sqrt: SQRT, FloatUnary;
    /// `numpy.square` of a typed array.
    square: SQUARE, ArithUnary;
    /// `numpy.reciprocal` of a typed array.
    reciprocal: RECIPROCAL, ArithUnary;
    /// `numpy.positive` of a typed array.
    positive: POSITIVE, ArithUnary;
    /// `numpy.sign` of a typed array.
    sign: SIGN, ArithUnary;
    /// `numpy.absolute` (`numpy.abs`) of a typed array.
    absolute: ABSOLUTE, AbsUnary;
    /// `numpy.isnan` of a typed array.
    isnan: ISNAN, PredicateUnary;
    /// `numpy.isinf` of a typed array.
    isinf: ISINF, PredicateUnary;
    /// `numpy.isfinite` of a typed array.
    isfinite: ISFINITE, PredicateUnary;
    /// `numpy.logical_not` of a typed array.
    logical_not: LOGICAL_NOT, PredicateUnary;
    /// `numpy.negative` of a typed array, through the ufunc table (nprs-core's `-a` runs
    /// the same element kernel).
    negative: NEGATIVE, NegUnary;
    /// `numpy.exp` of a typed array.
    exp: EXP, FloatUnary;
    /// `numpy.exp2` of a typed array.
    exp2: EXP2, FloatUnary;
    /// `numpy.expm1` of a typed array.
    expm1: EXPM1, FloatUnary;
    /// `numpy.log` of a typed array.
    log: LOG, FloatUnary;
    /// `numpy.log2` of a typed array.
    log2: LOG2, FloatUnary;
    /// `numpy.log10` of a typed array.
    log10: LOG10, FloatUnary;
    /// `numpy.log1p` of a typed array.
    log1p: LOG1P, FloatUnary;
    /// `numpy.sin` of a typed array (the dynamic form is [`SIN`]): float16 for bool and
    /// 8-bit integers, float32 for 16-bit ones, float64 for wider ones.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let r: Array<f64> = nprs_ufunc::sin(&array![0i32, 0])?;
    /// assert_eq!(r.to_vec(), vec![0.0, 0.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    sin: SIN, FloatUnary;
    /// `numpy.cos` of a typed array.
    cos: COS, FloatUnary;
    /// `numpy.tan` of a typed array.
    tan: TAN, FloatUnary;
    /// `numpy.arcsin` of a typed array.
    arcsin: ARCSIN, FloatUnary;
    /// `numpy.arccos` of a typed array.
    arccos: ARCCOS, FloatUnary;
    /// `numpy.arctan` of a typed array.
    arctan: ARCTAN, FloatUnary;
    /// `numpy.sinh` of a typed array.
    sinh: SINH, FloatUnary;
    /// `numpy.cosh` of a typed array.
    cosh: COSH, FloatUnary;
    /// `numpy.tanh` of a typed array.
    tanh: TANH, FloatUnary;
    /// `numpy.arcsinh` of a typed array.
    arcsinh: ARCSINH, FloatUnary;
    /// `numpy.arccosh` of a typed array.
    arccosh: ARCCOSH, FloatUnary;
    /// `numpy.arctanh` of a typed array.
    arctanh: ARCTANH, FloatUnary;
}

/// `numpy.abs`, the alias of [`absolute`].
///
/// # Errors
/// As [`absolute`].
pub fn abs<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as AbsUnary>::Out>>
where
    S::Elem: AbsUnary,
{
    absolute(a)
}

/// `numpy.asin`, the alias of [`arcsin`].
///
/// # Errors
/// As [`arcsin`].
pub fn asin<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as FloatUnary>::Out>>
where
    S::Elem: FloatUnary,
{
    arcsin(a)
}

/// `numpy.acos`, the alias of [`arccos`].
///
/// # Errors
/// As [`arccos`].
pub fn acos<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as FloatUnary>::Out>>
where
    S::Elem: FloatUnary,
{
    arccos(a)
}

/// `numpy.atan`, the alias of [`arctan`].
///
/// # Errors
/// As [`arctan`].
pub fn atan<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as FloatUnary>::Out>>
where
    S::Elem: FloatUnary,
{
    arctan(a)
}

/// `numpy.asinh`, the alias of [`arcsinh`].
///
/// # Errors
/// As [`arcsinh`].
pub fn asinh<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as FloatUnary>::Out>>
where
    S::Elem: FloatUnary,
{
    arcsinh(a)
}

/// `numpy.acosh`, the alias of [`arccosh`].
///
/// # Errors
/// As [`arccosh`].
pub fn acosh<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as FloatUnary>::Out>>
where
    S::Elem: FloatUnary,
{
    arccosh(a)
}

/// `numpy.atanh`, the alias of [`arctanh`].
///
/// # Errors
/// As [`arctanh`].
pub fn atanh<S: Data>(a: &ArrayBase<S>) -> Result<Array<<S::Elem as FloatUnary>::Out>>
where
    S::Elem: FloatUnary,
{
    arctanh(a)
}

macro_rules! binary_fns {
    ($($(#[$doc:meta])* $f:ident: $U:ident, $out:ty;)*) => {$(
        $(#[$doc])*
        ///
        /// Either operand may be an array, a view, or a Rust number (NumPy's weak scalar).
        ///
        /// # Errors
        /// Shapes that do not broadcast; [`Error::FloatingPoint`](nprs_core::Error::FloatingPoint)
        /// when the error state says `raise`.
        pub fn $f<A, B>(a: A, b: B) -> Result<Array<$out>>
        where
            A: Operands<B>,
            B: TypedOperand,
        {
            typed_binary(&$U, &a, &b)
        }
    )*};
}

binary_fns! {
    /// `numpy.maximum` of typed operands, in NumPy's result type for them.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let r = nprs_ufunc::maximum(&array![1i8, 5], 3)?;
    /// assert_eq!(r.to_vec(), vec![3i8, 5]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    maximum: MAXIMUM, ResultElem<A, B>;
    /// `numpy.minimum` of typed operands.
    minimum: MINIMUM, ResultElem<A, B>;
    /// `numpy.logical_and` of typed operands.
    logical_and: LOGICAL_AND, bool;
    /// `numpy.logical_or` of typed operands.
    logical_or: LOGICAL_OR, bool;
    /// `numpy.logical_xor` of typed operands.
    logical_xor: LOGICAL_XOR, bool;
}

/// The float type of a real element type in the float loops (`float16` for bool and 8-bit
/// integers, `float32` for 16-bit integers, `float64` for wider integers; floats keep
/// their type): the first of NumPy's `e`, `f`, `d` loops the type reaches by a safe cast.
pub trait RealFloat: Element {
    /// The float type.
    type F: Element;
}
macro_rules! real_float {
    ($($t:ty => $f:ty),*) => {$(impl RealFloat for $t { type F = $f; })*};
}
real_float!(bool => f16, i8 => f16, u8 => f16, i16 => f32, u16 => f32, i32 => f64, u32 => f64, i64 => f64,
    u64 => f64, f16 => f16, f32 => f32, f64 => f64);

/// The wider of two float types (`f16`, `f32`, `f64`).
pub trait FloatMax<B>: Element {
    /// The wider type.
    type Out: Element;
}
macro_rules! float_max {
    ($($a:ty, $b:ty => $o:ty);*) => {$(impl FloatMax<$b> for $a { type Out = $o; })*};
}
float_max!(f16, f16 => f16; f16, f32 => f32; f16, f64 => f64; f32, f16 => f32; f32, f32 => f32; f32, f64 => f64;
    f64, f16 => f64; f64, f32 => f64; f64, f64 => f64);

/// The output type of the float-only binary ufuncs (`arctan2`, `hypot`, `logaddexp`,
/// `logaddexp2`, `copysign`, `nextafter`, `heaviside`) on arrays of `A` and `B`: the first
/// of the `ee`, `ff`, `dd` loops both reach (`int8` with `uint8` runs in `float16`).
pub type FloatBinaryOut<A, B> = <<A as RealFloat>::F as FloatMax<<B as RealFloat>::F>>::Out;

/// The output type of `power` on arrays of `A` and `B`: their promoted type, `int8` for
/// two bools (NumPy has no bool loop).
pub type PowerOut<A, B> = <<A as Promote<B>>::Out as ArithUnary>::Out;

/// Exponent types `ldexp` takes (those that reach its `int32` or `int64` loops).
pub trait LdexpExponent: Element {}
impl LdexpExponent for bool {}
impl LdexpExponent for i8 {}
impl LdexpExponent for u8 {}
impl LdexpExponent for i16 {}
impl LdexpExponent for u16 {}
impl LdexpExponent for i32 {}
impl LdexpExponent for u32 {}
impl LdexpExponent for i64 {}

/// Runs a binary ufunc on two typed arrays through its table loop.
fn typed_arrays<S: Data, S2: Data, O: Element>(u: &Ufunc, a: &ArrayBase<S>, b: &ArrayBase<S2>) -> Result<Array<O>> {
    let r = u.call(
        &[Operand::Array(DynView::from(a.view())), Operand::Array(DynView::from(b.view()))],
        UfuncOptions::new(),
    )?;
    r.into_typed::<O>()
}

macro_rules! float_binary_fns {
    ($($(#[$doc:meta])* $f:ident: $U:ident;)*) => {$(
        $(#[$doc])*
        ///
        /// On two typed arrays of real element types, in the float type NumPy's loop search
        /// picks for them ([`FloatBinaryOut`]); the dynamic form (any dtype, weak scalars,
        /// options) is the table's ufunc.
        ///
        /// # Errors
        /// Shapes that do not broadcast; [`Error::FloatingPoint`](nprs_core::Error::FloatingPoint)
        /// when the error state says `raise`.
        pub fn $f<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>) -> Result<Array<FloatBinaryOut<S::Elem, S2::Elem>>>
        where
            S::Elem: RealFloat,
            S2::Elem: RealFloat,
            <S::Elem as RealFloat>::F: FloatMax<<S2::Elem as RealFloat>::F>,
        {
            typed_arrays(&$U, a, b)
        }
    )*};
}

float_binary_fns! {
    /// `numpy.arctan2` (`numpy.atan2`): the angle of `(b, a)` (the dynamic form is [`ARCTAN2`]).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let r = nprs_ufunc::arctan2(&array![1.0, -1.0], &array![1.0, 1.0])?;
    /// assert_eq!(r.to_vec(), vec![std::f64::consts::FRAC_PI_4, -std::f64::consts::FRAC_PI_4]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    arctan2: ARCTAN2;
    /// `numpy.hypot`: `sqrt(a**2 + b**2)` (the dynamic form is [`HYPOT`]).
    hypot: HYPOT;
    /// `numpy.logaddexp`: `log(exp(a) + exp(b))` (the dynamic form is [`LOGADDEXP`]).
    logaddexp: LOGADDEXP;
    /// `numpy.logaddexp2`: `log2(2**a + 2**b)` (the dynamic form is [`LOGADDEXP2`]).
    logaddexp2: LOGADDEXP2;
    /// `numpy.copysign`: `|a|` with the sign of `b` (the dynamic form is [`COPYSIGN`]).
    copysign: COPYSIGN;
    /// `numpy.nextafter`: the next float after `a` toward `b` (the dynamic form is [`NEXTAFTER`]).
    nextafter: NEXTAFTER;
    /// `numpy.heaviside`: 0 for `a < 0`, 1 for `a > 0`, `b` where `a == 0` (the dynamic form
    /// is [`HEAVISIDE`]).
    heaviside: HEAVISIDE;
}

/// `numpy.atan2`, the alias of [`arctan2`].
///
/// # Errors
/// As [`arctan2`].
pub fn atan2<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>) -> Result<Array<FloatBinaryOut<S::Elem, S2::Elem>>>
where
    S::Elem: RealFloat,
    S2::Elem: RealFloat,
    <S::Elem as RealFloat>::F: FloatMax<<S2::Elem as RealFloat>::F>,
{
    arctan2(a, b)
}

/// `numpy.power` (`a ** b`) of two typed arrays, in their promoted type (`int8` for two
/// bool arrays); integers wrap. The dynamic form, with weak scalars and options, is
/// [`POWER`].
///
/// ```
/// use nprs_core::prelude::*;
/// assert_eq!(nprs_ufunc::power(&array![2i32, 3], &array![10i32, 2])?.to_vec(), vec![1024, 9]);
/// let e = nprs_ufunc::power(&array![2i64], &array![-1i64]).unwrap_err();
/// assert_eq!(e.to_string(), "Integers to negative integer powers are not allowed.");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::NegativeIntPower`](nprs_core::Error::NegativeIntPower) for an integer raised to
/// a negative integer (NumPy's ValueError); shapes that do not broadcast;
/// [`Error::FloatingPoint`](nprs_core::Error::FloatingPoint) when the error state says `raise`.
pub fn power<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>) -> Result<Array<PowerOut<S::Elem, S2::Elem>>>
where
    S::Elem: Promote<S2::Elem>,
    <S::Elem as Promote<S2::Elem>>::Out: ArithUnary,
{
    typed_arrays(&POWER, a, b)
}

/// `numpy.pow`, the alias of [`power`].
///
/// # Errors
/// As [`power`].
pub fn pow<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>) -> Result<Array<PowerOut<S::Elem, S2::Elem>>>
where
    S::Elem: Promote<S2::Elem>,
    <S::Elem as Promote<S2::Elem>>::Out: ArithUnary,
{
    power(a, b)
}

/// `numpy.ldexp`: `a * 2**b` for a real array `a` and an integer exponent array `b`, in
/// `a`'s float type ([`RealFloat`]); the dynamic form is [`LDEXP`].
///
/// ```
/// use nprs_core::prelude::*;
/// assert_eq!(nprs_ufunc::ldexp(&array![1.5f32, 3.0], &array![2i32, -1])?.to_vec(), vec![6.0f32, 1.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// Shapes that do not broadcast; [`Error::FloatingPoint`](nprs_core::Error::FloatingPoint)
/// when the error state says `raise`.
pub fn ldexp<S: Data, S2: Data>(a: &ArrayBase<S>, b: &ArrayBase<S2>) -> Result<Array<<S::Elem as RealFloat>::F>>
where
    S::Elem: RealFloat,
    S2::Elem: LdexpExponent,
{
    typed_arrays(&LDEXP, a, b)
}
