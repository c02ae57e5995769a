//! Raising floating-point conditions in the hardware status word.
//!
//! nprs reads the CPU's floating-point status around a loop (`nprs_core::fpstatus`), so a
//! kernel reports a condition NumPy reports — also one that integer arithmetic or a bit
//! manipulation does not raise by itself (integer division by zero, `nextafter` stepping
//! to infinity) — by performing one operation that raises exactly that flag. The helpers
//! are cold: they run only on the exceptional element.

use std::hint::black_box;

/// Raises the divide-by-zero flag (`1 / 0`).
#[cold]
#[inline(never)]
pub(crate) fn divide() {
    black_box(black_box(1.0f64) / black_box(0.0f64));
}

/// Raises the invalid flag (`0 / 0`).
#[cold]
#[inline(never)]
pub(crate) fn invalid() {
    black_box(black_box(0.0f64) / black_box(0.0f64));
}

/// Raises the overflow flag (and, as the hardware does, inexact).
#[cold]
#[inline(never)]
pub(crate) fn overflow() {
    black_box(black_box(f64::MAX) * black_box(2.0f64));
}

/// Raises the underflow flag (a tiny inexact result).
#[cold]
#[inline(never)]
pub(crate) fn underflow() {
    black_box(black_box(f64::MIN_POSITIVE) * black_box(f64::MIN_POSITIVE));
}
