//! Kernels every numeric type has: NumPy's `maximum`, `minimum`, `fmax`, `fmin`, and the
//! rounding functions `floor`, `ceil`, `trunc` (the identity for bool and integers).

use nprs_core::Element;

/// `maximum`, `minimum` (NaN-propagating) and `fmax`, `fmin` (NaN-ignoring), with NumPy's
/// choice between equal operands per type (see each implementation).
pub trait ElemExtrema: Element {
    /// `numpy.maximum`: a NaN operand wins (the first when both are NaN).
    fn maximum(self, b: Self) -> Self;
    /// `numpy.minimum`: a NaN operand wins (the first when both are NaN).
    fn minimum(self, b: Self) -> Self;
    /// `numpy.fmax`: a NaN operand loses (NaN only when both are).
    fn fmax(self, b: Self) -> Self;
    /// `numpy.fmin`: a NaN operand loses (NaN only when both are).
    fn fmin(self, b: Self) -> Self;
}

/// `floor`, `ceil` and `trunc` (also `numpy.fix`).
pub trait ElemRounding: Element {
    /// Round toward -inf.
    fn floor(self) -> Self;
    /// Round toward +inf.
    fn ceil(self) -> Self;
    /// Round toward zero.
    fn trunc(self) -> Self;
}

macro_rules! exact_types {
    ($($t:ty),*) => {$(
        impl ElemExtrema for $t {
            #[inline(always)]
            fn maximum(self, b: Self) -> Self { if self > b { self } else { b } }
            #[inline(always)]
            fn minimum(self, b: Self) -> Self { if self < b { self } else { b } }
            #[inline(always)]
            fn fmax(self, b: Self) -> Self { self.maximum(b) }
            #[inline(always)]
            fn fmin(self, b: Self) -> Self { self.minimum(b) }
        }
        /// The identity, as NumPy's bool and integer loops.
        impl ElemRounding for $t {
            #[inline(always)]
            fn floor(self) -> Self { self }
            #[inline(always)]
            fn ceil(self) -> Self { self }
            #[inline(always)]
            fn trunc(self) -> Self { self }
        }
    )*};
}
exact_types!(bool, i8, i16, i32, i64, u8, u16, u32, u64);
