//! The operators `+ - * /` on masked arrays: `numpy.ma`'s `add`, `subtract`, `multiply`
//! and `divide` (see [`apply`](crate::apply)). They panic on what the function forms
//! return as errors (shapes that do not broadcast), as nprs-core's operators do.

use std::ops::{Add, Div, Mul, Sub};

use crate::array::{MaData, MaskedArray};
use crate::error::Result;
use crate::ufuncs::{MaOperand, apply};
use nprs_ufunc::ufuncs::{ADD, DIVIDE, MULTIPLY, SUBTRACT};

fn binary<'a, 'b>(u: &nprs_ufunc::Ufunc, a: MaOperand<'a>, b: MaOperand<'b>) -> Result<MaskedArray> {
    apply(u, &[a, b])
}

macro_rules! op {
    ($Trait:ident, $method:ident, $u:ident, $try:ident) => {
        impl<'a, 'b, D: MaData, E: MaData> $Trait<&'b MaskedArray<E>> for &'a MaskedArray<D> {
            type Output = MaskedArray;
            fn $method(self, rhs: &'b MaskedArray<E>) -> MaskedArray {
                binary(&$u, self.into(), rhs.into()).unwrap_or_else(|e| panic!("{e}"))
            }
        }

        impl<D: MaData> MaskedArray<D> {
            #[doc = concat!("`numpy.ma.", stringify!($method), "` of two masked arrays, plain arrays or scalars, without panicking.")]
            ///
            /// # Errors
            /// As [`apply`](crate::apply).
            pub fn $try<'b>(&self, rhs: impl Into<MaOperand<'b>>) -> Result<MaskedArray> {
                binary(&$u, self.into(), rhs.into())
            }
        }
    };
}

op!(Add, add, ADD, try_add);
op!(Sub, sub, SUBTRACT, try_sub);
op!(Mul, mul, MULTIPLY, try_mul);
op!(Div, div, DIVIDE, try_div);
