//! The ufunc table: one row per ufunc (see the [module docs](super) for the row syntax and
//! how to add one). Loops are listed in NumPy's order (`np.<name>.types`, without the
//! long-double, object and datetime loops, and without the `q`/`Q` rows, which are the
//! `l`/`L` dtypes on 64-bit Linux).
//!
//! Row syntax:
//!
//! ```text
//! /// doc
//! NAME = "numpy_name" ["alias", …], nin -> nout, identity <Identity>, resolver <Resolver>,
//!     fp <report floating-point conditions>, loops {
//!     core(<nprs_core::kernel::loops item>) ["sig" <element type>, …]   // nprs-core's operator loops
//!     unary(<ElemUnary kernel>) ["sig" <input type>, …]
//!     binary(<ElemBinary kernel>) ["sig" <input type>, …]     // both inputs of that type
//!     binary_mixed(<ElemBinary kernel>) ["sig" <a type>, <b type>; …]
//!     unary2(<ElemUnary2 kernel>) ["sig" <input type>, …]
//!     binary2(<ElemBinary2 kernel>) ["sig" <input type>, …]
//! };
//! ```

use std::sync::OnceLock;

use nprs_core::kernel::{self, LoopFn, loops};
#[allow(unused_imports)] // the element types the rows name
use nprs_core::{C64, C128, f16};

use super::kernels::*;
use super::{Identity, Loop, Resolver, Ufunc};
use crate::elem::loops as elem;
use crate::math::{
    Arccos, Arccosh, Arcsin, Arcsinh, Arctan, Arctanh, Cbrt, Cos, Cosh, Exp, Exp2, Expm1, Log, Log1p, Log2, Log10, Sin,
    Sinh, Tan, Tanh,
};

/// Expands the table rows into `static` [`Ufunc`]s and the list [`ALL`].
macro_rules! ufuncs {
    ($(
        $(#[$doc:meta])*
        $NAME:ident = $name:literal $([$($alias:literal),*])?, $nin:literal -> $nout:literal,
        identity $id:ident, resolver $res:ident, fp $fp:literal, loops { $($group:tt)* };
    )*) => {
        $(
            $(#[$doc])*
            pub static $NAME: Ufunc = Ufunc {
                name: $name,
                aliases: &[$($($alias),*)?],
                nin: $nin,
                nout: $nout,
                identity: Identity::$id,
                resolver: Resolver::$res,
                report_fp: $fp,
                loops: &ufuncs!(@loops [] $($group)*),
                cache: OnceLock::new(),
            };
        )*
        /// Every ufunc of the table, in table order.
        pub static ALL: &[&Ufunc] = &[$(&$NAME),*];
    };
    (@loops [$($acc:expr,)*]) => { [$($acc,)*] };
    (@loops [$($acc:expr,)*] core($f:ident) [$($sig:literal $t:ty),* $(,)?] $($rest:tt)*) => {
        ufuncs!(@loops [$($acc,)* $(Loop { types: $sig, func: loops::$f::<$t> as LoopFn, writes_uninit: true },)*] $($rest)*)
    };
    (@loops [$($acc:expr,)*] unary($K:ty) [$($sig:literal $t:ty),* $(,)?] $($rest:tt)*) => {
        ufuncs!(@loops [$($acc,)* $(Loop { types: $sig, func: kernel::unary::<$K, $t> as LoopFn, writes_uninit: false },)*] $($rest)*)
    };
    (@loops [$($acc:expr,)*] binary($K:ty) [$($sig:literal $t:ty),* $(,)?] $($rest:tt)*) => {
        ufuncs!(@loops [$($acc,)* $(Loop { types: $sig, func: kernel::binary::<$K, $t, $t> as LoopFn, writes_uninit: false },)*] $($rest)*)
    };
    (@loops [$($acc:expr,)*] binary_mixed($K:ty) [$($sig:literal $a:ty, $b:ty);* $(;)?] $($rest:tt)*) => {
        ufuncs!(@loops [$($acc,)* $(Loop { types: $sig, func: kernel::binary::<$K, $a, $b> as LoopFn, writes_uninit: false },)*] $($rest)*)
    };
    (@loops [$($acc:expr,)*] unary2($K:ty) [$($sig:literal $t:ty),* $(,)?] $($rest:tt)*) => {
        ufuncs!(@loops [$($acc,)* $(Loop { types: $sig, func: kernel::unary2::<$K, $t> as LoopFn, writes_uninit: false },)*] $($rest)*)
    };
    (@loops [$($acc:expr,)*] binary2($K:ty) [$($sig:literal $t:ty),* $(,)?] $($rest:tt)*) => {
        ufuncs!(@loops [$($acc,)* $(Loop { types: $sig, func: kernel::binary2::<$K, $t, $t> as LoopFn, writes_uninit: false },)*] $($rest)*)
    };
}

ufuncs! {
    /// `numpy.add`: the elementwise sum (`+`).
    ADD = "add", 2 -> 1, identity Zero, resolver Uniform, fp true, loops {
        core(add) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.subtract`: the elementwise difference (`-`).
    SUBTRACT = "subtract", 2 -> 1, identity None, resolver Subtract, fp true, loops {
        core(subtract) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.multiply`: the elementwise product (`*`).
    MULTIPLY = "multiply", 2 -> 1, identity One, resolver Uniform, fp true, loops {
        core(multiply) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.divide` (`numpy.true_divide`): true division (`/`); integers divide in float64.
    DIVIDE = "divide" ["true_divide"], 2 -> 1, identity None, resolver TrueDivide, fp true, loops {
        core(divide) ["ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.floor_divide`: the floor of the quotient (`//`).
    FLOOR_DIVIDE = "floor_divide", 2 -> 1, identity None, resolver Uniform, fp true, loops {
        core(floor_divide) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.remainder` (`numpy.mod`): the remainder with the divisor's sign (`%`).
    REMAINDER = "remainder" ["mod"], 2 -> 1, identity None, resolver Uniform, fp true, loops {
        core(remainder) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.equal` (`==`).
    EQUAL = "equal", 2 -> 1, identity None, resolver Comparison, fp false, loops {
        core(equal) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32,
            "ll->?" i64, "LL->?" u64]
        binary_mixed(Equal) ["lL->?" i64, u64; "Ll->?" u64, i64]
        core(equal) ["ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.not_equal` (`!=`).
    NOT_EQUAL = "not_equal", 2 -> 1, identity None, resolver Comparison, fp false, loops {
        core(not_equal) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32,
            "ll->?" i64, "LL->?" u64]
        binary_mixed(NotEqual) ["lL->?" i64, u64; "Ll->?" u64, i64]
        core(not_equal) ["ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.less` (`<`).
    LESS = "less", 2 -> 1, identity None, resolver Comparison, fp false, loops {
        core(less) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32,
            "ll->?" i64, "LL->?" u64]
        binary_mixed(Less) ["lL->?" i64, u64; "Ll->?" u64, i64]
        core(less) ["ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.less_equal` (`<=`).
    LESS_EQUAL = "less_equal", 2 -> 1, identity None, resolver Comparison, fp false, loops {
        core(less_equal) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32,
            "ll->?" i64, "LL->?" u64]
        binary_mixed(LessEqual) ["lL->?" i64, u64; "Ll->?" u64, i64]
        core(less_equal) ["ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.greater` (`>`).
    GREATER = "greater", 2 -> 1, identity None, resolver Comparison, fp false, loops {
        core(greater) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32,
            "ll->?" i64, "LL->?" u64]
        binary_mixed(Greater) ["lL->?" i64, u64; "Ll->?" u64, i64]
        core(greater) ["ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.greater_equal` (`>=`).
    GREATER_EQUAL = "greater_equal", 2 -> 1, identity None, resolver Comparison, fp false, loops {
        core(greater_equal) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32,
            "ll->?" i64, "LL->?" u64]
        binary_mixed(GreaterEqual) ["lL->?" i64, u64; "Ll->?" u64, i64]
        core(greater_equal) ["ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.logical_and`: both true (non-zero).
    LOGICAL_AND = "logical_and", 2 -> 1, identity One, resolver Uniform, fp false, loops {
        binary(LogicalAnd) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32, "ll->?" i64, "LL->?" u64, "ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.logical_or`: either true.
    LOGICAL_OR = "logical_or", 2 -> 1, identity Zero, resolver Uniform, fp false, loops {
        binary(LogicalOr) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32, "ll->?" i64, "LL->?" u64, "ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.logical_xor`: exactly one true.
    LOGICAL_XOR = "logical_xor", 2 -> 1, identity Zero, resolver Uniform, fp false, loops {
        binary(LogicalXor) ["??->?" bool, "bb->?" i8, "BB->?" u8, "hh->?" i16, "HH->?" u16, "ii->?" i32, "II->?" u32, "ll->?" i64, "LL->?" u64, "ee->?" f16, "ff->?" f32, "dd->?" f64, "FF->?" C64, "DD->?" C128]
    };
    /// `numpy.logical_not`: false (zero).
    LOGICAL_NOT = "logical_not", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(LogicalNot) ["?->?" bool, "b->?" i8, "B->?" u8, "h->?" i16, "H->?" u16, "i->?" i32, "I->?" u32, "l->?" i64, "L->?" u64, "e->?" f16, "f->?" f32, "d->?" f64, "F->?" C64, "D->?" C128]
    };
    /// `numpy.maximum`: the larger element, NaN when either is NaN.
    MAXIMUM = "maximum", 2 -> 1, identity None, resolver Uniform, fp false, loops {
        binary(Maximum) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.minimum`: the smaller element, NaN when either is NaN.
    MINIMUM = "minimum", 2 -> 1, identity None, resolver Uniform, fp false, loops {
        binary(Minimum) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.negative` (unary `-`; integers wrap).
    NEGATIVE = "negative", 1 -> 1, identity None, resolver Negative, fp true, loops {
        core(negative) ["b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.positive` (unary `+`).
    POSITIVE = "positive", 1 -> 1, identity None, resolver UniformExact, fp true, loops {
        unary(Positive) ["b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.absolute` (`numpy.abs`); complex numbers give their magnitude.
    ABSOLUTE = "absolute" ["abs"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Absolute) ["?->?" bool, "b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->f" C64, "D->d" C128]
    };
    /// `numpy.sqrt`: the non-negative square root (principal branch for complex).
    SQRT = "sqrt", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Sqrt) ["e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.square`: `x * x`.
    SQUARE = "square", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Square) ["b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.reciprocal`: `1 / x` (integers through float64).
    RECIPROCAL = "reciprocal", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Reciprocal) ["b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.sign`: -1, 0 or 1 (NaN for NaN; `z / |z|` for complex).
    SIGN = "sign", 1 -> 1, identity None, resolver UniformExact, fp false, loops {
        unary(Sign) ["b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.isnan`.
    ISNAN = "isnan", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(IsNan) ["?->?" bool, "b->?" i8, "B->?" u8, "h->?" i16, "H->?" u16, "i->?" i32, "I->?" u32, "l->?" i64, "L->?" u64, "e->?" f16, "f->?" f32, "d->?" f64, "F->?" C64, "D->?" C128]
    };
    /// `numpy.isinf`.
    ISINF = "isinf", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(IsInf) ["?->?" bool, "b->?" i8, "B->?" u8, "h->?" i16, "H->?" u16, "i->?" i32, "I->?" u32, "l->?" i64, "L->?" u64, "e->?" f16, "f->?" f32, "d->?" f64, "F->?" C64, "D->?" C128]
    };
    /// `numpy.isfinite`.
    ISFINITE = "isfinite", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(IsFinite) ["?->?" bool, "b->?" i8, "B->?" u8, "h->?" i16, "H->?" u16, "i->?" i32, "I->?" u32, "l->?" i64, "L->?" u64, "e->?" f16, "f->?" f32, "d->?" f64, "F->?" C64, "D->?" C128]
    };
    /// `numpy.bitwise_and`.
    BITWISE_AND = "bitwise_and", 2 -> 1, identity MinusOne, resolver Uniform, fp false, loops {
        binary(elem::BitwiseAnd) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.bitwise_or`.
    BITWISE_OR = "bitwise_or", 2 -> 1, identity Zero, resolver Uniform, fp false, loops {
        binary(elem::BitwiseOr) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.bitwise_xor`.
    BITWISE_XOR = "bitwise_xor", 2 -> 1, identity Zero, resolver Uniform, fp false, loops {
        binary(elem::BitwiseXor) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.invert`: `~x` (logical not for bool).
    INVERT = "invert" ["bitwise_not", "bitwise_invert"], 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Invert) ["?->?" bool, "b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64]
    };
    /// `numpy.left_shift`: 0 for shifts past the width or negative.
    LEFT_SHIFT = "left_shift" ["bitwise_left_shift"], 2 -> 1, identity None, resolver Uniform, fp false, loops {
        binary(elem::LeftShift) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.right_shift`: sign fill for shifts past the width or negative.
    RIGHT_SHIFT = "right_shift" ["bitwise_right_shift"], 2 -> 1, identity None, resolver Uniform, fp false, loops {
        binary(elem::RightShift) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.bitwise_count`: one bits of `|x|`, as uint8.
    BITWISE_COUNT = "bitwise_count", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::BitwiseCount) ["b->B" i8, "B->B" u8, "h->B" i16, "H->B" u16, "i->B" i32, "I->B" u32, "l->B" i64, "L->B" u64]
    };
    /// `numpy.gcd`.
    GCD = "gcd", 2 -> 1, identity Zero, resolver UniformExact, fp false, loops {
        binary(elem::Gcd) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.lcm`.
    LCM = "lcm", 2 -> 1, identity None, resolver UniformExact, fp false, loops {
        binary(elem::Lcm) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
    };
    /// `numpy.fmod`: C's remainder (the sign of the dividend; 0 for integer division by zero).
    FMOD = "fmod", 2 -> 1, identity None, resolver Uniform, fp true, loops {
        binary(elem::Fmod) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.floor`.
    FLOOR = "floor", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Floor) ["?->?" bool, "b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.ceil`.
    CEIL = "ceil", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Ceil) ["?->?" bool, "b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.trunc`.
    TRUNC = "trunc", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Trunc) ["?->?" bool, "b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.rint`: ties to even.
    RINT = "rint", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Rint) ["e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.spacing`.
    SPACING = "spacing", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(elem::Spacing) ["e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.signbit`.
    SIGNBIT = "signbit", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Signbit) ["e->?" f16, "f->?" f32, "d->?" f64]
    };
    /// `numpy.fabs`.
    FABS = "fabs", 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Fabs) ["e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.deg2rad`.
    DEG2RAD = "deg2rad" ["radians"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(elem::Deg2rad) ["e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.rad2deg`.
    RAD2DEG = "rad2deg" ["degrees"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(elem::Rad2deg) ["e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.conjugate`.
    CONJUGATE = "conjugate" ["conj"], 1 -> 1, identity None, resolver Default, fp false, loops {
        unary(elem::Conjugate) ["b->b" i8, "B->B" u8, "h->h" i16, "H->H" u16, "i->i" i32, "I->I" u32, "l->l" i64, "L->L" u64, "e->e" f16, "f->f" f32, "d->d" f64, "F->F" C64, "D->D" C128]
    };
    /// `numpy.fmax`: NaN-ignoring maximum.
    FMAX = "fmax", 2 -> 1, identity None, resolver Uniform, fp false, loops {
        binary(elem::Fmax) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.fmin`: NaN-ignoring minimum.
    FMIN = "fmin", 2 -> 1, identity None, resolver Uniform, fp false, loops {
        binary(elem::Fmin) ["??->?" bool, "bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64, "ee->e" f16, "ff->f" f32, "dd->d" f64, "FF->F" C64, "DD->D" C128]
    };
    /// `numpy.float_power`: float64 or complex128 power.
    FLOAT_POWER = "float_power", 2 -> 1, identity None, resolver Default, fp true, loops {
        binary(elem::FloatPower) ["dd->d" f64, "DD->D" C128]
    };
    /// `numpy.frexp`: mantissa and int32 exponent.
    FREXP = "frexp", 1 -> 2, identity None, resolver Default, fp true, loops {
        unary2(elem::Frexp) ["e->ei" f16, "f->fi" f32, "d->di" f64]
    };
    /// `numpy.modf`: fractional and integral parts.
    MODF = "modf", 1 -> 2, identity None, resolver Default, fp true, loops {
        unary2(elem::Modf) ["e->ee" f16, "f->ff" f32, "d->dd" f64]
    };
    /// `numpy.divmod`: floor quotient and remainder.
    DIVMOD = "divmod", 2 -> 2, identity None, resolver Uniform, fp true, loops {
        binary2(elem::Divmod) ["bb->bb" i8, "BB->BB" u8, "hh->hh" i16, "HH->HH" u16, "ii->ii" i32, "II->II" u32,
            "ll->ll" i64, "LL->LL" u64, "ee->ee" f16, "ff->ff" f32, "dd->dd" f64]
    };
    /// `numpy.cbrt`: the real cube root.
    CBRT = "cbrt", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Cbrt) ["e->e" f16, "f->f" f32, "d->d" f64]
    };
    /// `numpy.power` (`numpy.pow`): `x ** y`; integers wrap, and a negative integer exponent
    /// is NumPy's ValueError.
    POWER = "power" ["pow"], 2 -> 1, identity None, resolver Default, fp true, loops {
        binary(elem::IntPower) ["bb->b" i8, "BB->B" u8, "hh->h" i16, "HH->H" u16, "ii->i" i32, "II->I" u32, "ll->l" i64, "LL->L" u64]
        binary(elem::FloatPower) ["ee->e" f16]
        binary(crate::math::Power) ["ff->f" f32, "dd->d" f64]
        binary(elem::FloatPower) ["FF->F" C64, "DD->D" C128]
    };
    /// `numpy.arctan2` (`numpy.atan2`): the angle of the point `(x2, x1)`, quadrant-aware.
    ARCTAN2 = "arctan2" ["atan2"], 2 -> 1, identity None, resolver Default, fp true, loops {
        binary(crate::math::Arctan2) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.hypot`: `sqrt(x1**2 + x2**2)` without undue overflow.
    HYPOT = "hypot", 2 -> 1, identity Zero, resolver Default, fp true, loops {
        binary(crate::math::Hypot) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.logaddexp`: `log(exp(x1) + exp(x2))`.
    LOGADDEXP = "logaddexp", 2 -> 1, identity NegInfinity, resolver Default, fp true, loops {
        binary(elem::Logaddexp) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.logaddexp2`: `log2(2**x1 + 2**x2)`.
    LOGADDEXP2 = "logaddexp2", 2 -> 1, identity NegInfinity, resolver Default, fp true, loops {
        binary(elem::Logaddexp2) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.copysign`: the magnitude of `x1` with the sign of `x2`.
    COPYSIGN = "copysign", 2 -> 1, identity None, resolver Default, fp true, loops {
        binary(elem::Copysign) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.nextafter`: the next value after `x1` toward `x2`.
    NEXTAFTER = "nextafter", 2 -> 1, identity None, resolver Default, fp true, loops {
        binary(elem::Nextafter) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.ldexp`: `x1 * 2**x2` for an integer exponent.
    LDEXP = "ldexp", 2 -> 1, identity None, resolver Default, fp true, loops {
        binary_mixed(elem::Ldexp) ["ei->e" f16, i32; "fi->f" f32, i32; "el->e" f16, i64; "fl->f" f32, i64;
            "di->d" f64, i32; "dl->d" f64, i64]
    };
    /// `numpy.heaviside`: 0 below zero, 1 above, `x2` at zero (NaN for NaN).
    HEAVISIDE = "heaviside", 2 -> 1, identity None, resolver Default, fp true, loops {
        binary(elem::Heaviside) ["ee->e" f16, "ff->f" f32, "dd->d" f64]
    };
    /// `numpy.exp`: the exponential `e**x`.
    EXP = "exp", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Exp) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexExp) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.exp2`: `2**x`.
    EXP2 = "exp2", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Exp2) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexExp2) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.expm1`: `exp(x) - 1`, accurate near zero.
    EXPM1 = "expm1", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Expm1) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexExpm1) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.log`: the natural logarithm (principal branch for complex).
    LOG = "log", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Log) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexLog) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.log2`: the base-2 logarithm.
    LOG2 = "log2", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Log2) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexLog2) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.log10`: the base-10 logarithm.
    LOG10 = "log10", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Log10) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexLog10) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.log1p`: `log(1 + x)`, accurate near zero.
    LOG1P = "log1p", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Log1p) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexLog1p) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.sin`: the sine.
    SIN = "sin", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Sin) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexSin) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.cos`: the cosine.
    COS = "cos", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Cos) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexCos) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.tan`: the tangent.
    TAN = "tan", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Tan) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexTan) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.arcsin` (`numpy.asin`): the inverse sine.
    ARCSIN = "arcsin" ["asin"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Arcsin) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexArcsin) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.arccos` (`numpy.acos`): the inverse cosine.
    ARCCOS = "arccos" ["acos"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Arccos) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexArccos) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.arctan` (`numpy.atan`): the inverse tangent.
    ARCTAN = "arctan" ["atan"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Arctan) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexArctan) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.sinh`: the hyperbolic sine.
    SINH = "sinh", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Sinh) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexSinh) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.cosh`: the hyperbolic cosine.
    COSH = "cosh", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Cosh) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexCosh) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.tanh`: the hyperbolic tangent.
    TANH = "tanh", 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Tanh) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexTanh) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.arcsinh` (`numpy.asinh`): the inverse hyperbolic sine.
    ARCSINH = "arcsinh" ["asinh"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Arcsinh) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexArcsinh) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.arccosh` (`numpy.acosh`): the inverse hyperbolic cosine.
    ARCCOSH = "arccosh" ["acosh"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Arccosh) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexArccosh) ["F->F" C64, "D->D" C128]
    };
    /// `numpy.arctanh` (`numpy.atanh`): the inverse hyperbolic tangent.
    ARCTANH = "arctanh" ["atanh"], 1 -> 1, identity None, resolver Default, fp true, loops {
        unary(Arctanh) ["e->e" f16, "f->f" f32, "d->d" f64]
        unary(elem::ComplexArctanh) ["F->F" C64, "D->D" C128]
    };
}
