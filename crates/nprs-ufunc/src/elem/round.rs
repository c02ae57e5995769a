//! `numpy.round` / `around` with `decimals`: NumPy's `PyArray_Round` element by element.
//!
//! For `decimals > 0` a float is multiplied by `10**decimals`, rounded to the nearest
//! integer (ties to even) and divided back; for `decimals < 0` divided, rounded and
//! multiplied back; each step in the element type's own arithmetic (`float16` through
//! `float32`, rounded per step), with the power of ten converted to the element type as a
//! Python float is (a weak scalar). Integers are returned as they are for `decimals >= 0`
//! and go through `float64` otherwise, cast back as NumPy's `astype` does. Complex numbers
//! round each part.

use nprs_core::ops::{ElemDiv, ElemMul};
use nprs_core::{C64, C128, Cast, f16};

use super::ElemFloat;

/// `numpy.round(x, decimals)` for one element.
pub trait ElemRound: Sized {
    /// `x` rounded to `decimals` decimal places (negative: to tens, hundreds, …).
    fn round_decimals(self, decimals: i32) -> Self;
}

/// `10**n` as NumPy computes it: exact up to `1e8`, then repeated products of `1e9` by 10.
fn power_of_ten(n: i32) -> f64 {
    const P10: [f64; 9] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
    if n < 9 {
        #[allow(clippy::cast_sign_loss)] // 0 <= n < 9 here
        return P10[n as usize];
    }
    let mut r: f64 = 1e9;
    for _ in 9..n {
        r *= 10.0;
        if r.is_infinite() {
            break; // stays infinite
        }
    }
    r
}

/// The power of ten and whether to multiply first (`decimals > 0`), as NumPy picks them.
fn scale(decimals: i32) -> (f64, bool) {
    if decimals >= 0 {
        (power_of_ten(decimals), true)
    } else {
        // NumPy maps INT_MIN to INT_MAX rather than overflowing the negation.
        (power_of_ten(decimals.checked_neg().unwrap_or(i32::MAX)), false)
    }
}

macro_rules! float_round {
    ($($t:ty),*) => {$(
        impl ElemRound for $t {
            fn round_decimals(self, decimals: i32) -> Self {
                if decimals == 0 {
                    return ElemFloat::rint(self);
                }
                let (f, multiply_first) = scale(decimals);
                let f = <$t as Cast>::cast_from(f);
                if multiply_first {
                    ElemDiv::div(ElemFloat::rint(ElemMul::mul(self, f)), f)
                } else {
                    ElemMul::mul(ElemFloat::rint(ElemDiv::div(self, f)), f)
                }
            }
        }
    )*};
}
float_round!(f16, f32, f64);

macro_rules! int_round {
    ($($t:ty),*) => {$(
        impl ElemRound for $t {
            fn round_decimals(self, decimals: i32) -> Self {
                if decimals >= 0 {
                    return self;
                }
                let (f, _) = scale(decimals);
                let x = <f64 as Cast>::cast_from(self);
                <$t as Cast>::cast_from(ElemFloat::rint(x / f) * f)
            }
        }
    )*};
}
int_round!(i8, u8, i16, u16, i32, u32, i64, u64);

impl ElemRound for C64 {
    fn round_decimals(self, decimals: i32) -> Self {
        C64::new(self.re.round_decimals(decimals), self.im.round_decimals(decimals))
    }
}

impl ElemRound for C128 {
    fn round_decimals(self, decimals: i32) -> Self {
        C128::new(self.re.round_decimals(decimals), self.im.round_decimals(decimals))
    }
}
