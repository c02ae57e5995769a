//! Element kernels of NumPy's exactly defined ufuncs, bit-identical to NumPy.
//!
//! One generic trait per family, implemented for every element type NumPy has a loop for:
//! - [`ElemExtrema`] (every numeric type): `maximum`/`minimum` (NaN-propagating) and
//!   `fmax`/`fmin` (NaN-ignoring); [`ElemRounding`]: `floor`, `ceil`, `trunc` (the
//!   identity for bool and integers, as NumPy's loops);
//! - [`ElemBitwise`] (bool and integers) and [`ElemInt`] (integers): bitwise operations,
//!   shifts by any count, `bitwise_count`, `gcd`/`lcm`, integer `power` (a negative
//!   exponent is NumPy's `ValueError`, [`NegativeIntPower`]), `reciprocal`, `absolute`,
//!   `sign`, `square`, `fmod`, `divmod`;
//! - [`ElemFloat`] (`float16` through `float32` as NumPy computes it, `float32`,
//!   `float64`): rounding, `copysign`, `nextafter`, `spacing`, `frexp`, `ldexp`, `fmod`,
//!   `modf`, `divmod` (nprs-core's `ElemRem` floor division and remainder), `sign`,
//!   `heaviside`, unit conversions, `square`, `reciprocal`, `absolute` and the
//!   classification functions;
//! - [`ElemComplex`] (`complex64`, `complex128`): `absolute`, `sign`, `conjugate`,
//!   `square`, `reciprocal`, `rint`, classification (and lexicographic extrema), and the
//!   transcendental functions as the C library NumPy calls on Linux computes them;
//! - [`ElemRound`]: `numpy.round(x, decimals)` for every numeric type.
//!
//! Floating-point conditions are raised in the hardware status word, where nprs reads
//! them around a loop: also those that integer arithmetic or bit manipulation does not
//! raise by itself (integer division by zero, `nextafter` stepping to infinity).
//!
//! [`loops`] wraps the kernels as nprs-core element kernels (one marker type per ufunc);
//! the table (`src/ufunc/table.rs`) registers them. The oracle tests (`tests.rs`,
//! `flags_tests.rs`) run every kernel over NumPy's recorded inputs and compare every
//! result, and every floating-point condition, bit for bit.
// Kernels without a table row (`round` serves `elementwise::round`) are called by the
// tests only.
#![allow(dead_code, unused_imports)]

mod complex;
mod float;
mod fpe;
mod int;
pub(crate) mod loops;
mod round;
mod shared;

pub use complex::ElemComplex;
pub use float::ElemFloat;
pub use int::{ElemBitwise, ElemInt, NegativeIntPower};
pub use round::ElemRound;
pub use shared::{ElemExtrema, ElemRounding};

#[cfg(test)]
mod flags_tests;
#[cfg(test)]
mod tests;
