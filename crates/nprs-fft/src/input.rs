//! The element types the transforms accept, and the precision each is computed in.

use nprs_core::{C64, C128, Element, f16};
use num_complex::Complex;

use crate::plan::FftFloat;

/// An element type the transforms accept, with NumPy's result precision: `float32`,
/// `float16` and `complex64` compute in single precision (complex64 results); `float64`,
/// `complex128`, the integers and `bool` in double precision (complex128 results).
pub trait FftInput: Element {
    /// The real type computed in (`f32` or `f64`).
    type Real: FftFloat;
    /// The value as a complex number of the computing precision.
    fn to_complex(self) -> Complex<Self::Real>;
}

/// A real element type: the input of `rfft`, `rfftn` and `ihfft`.
pub trait RealInput: FftInput {
    /// The value in the computing precision.
    fn to_real(self) -> Self::Real;
}

/// The complex result element of input `T`: `C64` or `C128`.
pub type ComplexOf<T> = <<T as FftInput>::Real as FftFloat>::Cx;

/// The real result element of input `T` (`irfft`, `hfft`): `f32` or `f64`.
pub type RealOf<T> = <T as FftInput>::Real;

macro_rules! real_input {
    ($($t:ty => $r:ty, |$x:ident| $e:expr);* $(;)?) => {$(
        impl FftInput for $t {
            type Real = $r;
            fn to_complex(self) -> Complex<$r> {
                Complex::new(self.to_real(), 0.0)
            }
        }
        impl RealInput for $t {
            #[allow(clippy::cast_lossless, clippy::cast_precision_loss)] // NumPy's int → float64 conversion
            fn to_real(self) -> $r {
                let $x = self;
                $e
            }
        }
    )*};
}

real_input! {
    bool => f64, |x| if x { 1.0 } else { 0.0 };
    i8 => f64, |x| x as f64;
    i16 => f64, |x| x as f64;
    i32 => f64, |x| x as f64;
    i64 => f64, |x| x as f64;
    u8 => f64, |x| x as f64;
    u16 => f64, |x| x as f64;
    u32 => f64, |x| x as f64;
    u64 => f64, |x| x as f64;
    f16 => f32, |x| x.to_f32();
    f32 => f32, |x| x;
    f64 => f64, |x| x;
}

impl FftInput for C64 {
    type Real = f32;
    fn to_complex(self) -> Complex<f32> {
        self
    }
}

impl FftInput for C128 {
    type Real = f64;
    fn to_complex(self) -> Complex<f64> {
        self
    }
}
