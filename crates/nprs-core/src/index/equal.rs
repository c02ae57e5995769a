//! Whole-array equality: `array_equal` and `array_equiv`.

use crate::dims;
use crate::dynarray::{CompareOp, DynArray, Operand, compare};
use crate::error::{Error, Result};

/// Whether every element of a boolean comparison result is true.
fn all_true(r: &DynArray) -> Result<bool> {
    Ok(r.typed::<bool>()?.iter().all(|x| x))
}

/// `a == b` reduced with `all`, where a comparison NumPy has no loop for (a datetime and a
/// number, say) is unequal, as NumPy's `==` answers it.
fn all_equal(a: &Operand<'_>, b: &Operand<'_>) -> Result<bool> {
    match compare(CompareOp::Equal, a.reborrow(), b.reborrow()) {
        Ok(r) => all_true(&r),
        Err(Error::UFuncNoLoop { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

fn shape_of<'s>(op: &'s Operand<'_>) -> &'s [usize] {
    match op {
        Operand::Array(a) => a.shape(),
        Operand::Scalar(_) => &[],
    }
}

/// Whether an operand's dtype can hold NaN (floating point and complex).
fn can_hold_nan(op: &Operand<'_>) -> bool {
    match op {
        Operand::Array(a) => a.dtype().numeric().is_some_and(|t| matches!(t.kind(), 'f' | 'c')),
        Operand::Scalar(s) => matches!(s, crate::scalar::Scalar::Float(_) | crate::scalar::Scalar::Complex(..)),
    }
}

/// `numpy.array_equal(a1, a2, equal_nan)`: true when both have the same shape and equal
/// elements, compared as NumPy's `==` compares them (with promotion across dtypes; strings
/// by value; values of kinds that do not compare are unequal). With `equal_nan`, NaNs in the
/// same places count as equal (a complex number is NaN when either part is).
///
/// Operands are typed arrays, dynamic arrays or Rust scalars.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::array_equal;
/// let a = array![1.0, f64::NAN];
/// assert!(!array_equal(&a, &a, false).unwrap());
/// assert!(array_equal(&a, &a, true).unwrap());
/// assert!(array_equal(&array![1i32, 2], &array![1.0f32, 2.0], false).unwrap());
/// assert!(!array_equal(&array![1, 2], &array![[1, 2]], false).unwrap());
/// ```
///
/// # Errors
/// Failures of the comparison other than a missing loop (which is unequal).
pub fn array_equal<'a, 'b>(a1: impl Into<Operand<'a>>, a2: impl Into<Operand<'b>>, equal_nan: bool) -> Result<bool> {
    let (a, b) = (a1.into(), a2.into());
    if shape_of(&a) != shape_of(&b) {
        return Ok(false);
    }
    if !equal_nan || !(can_hold_nan(&a) || can_hold_nan(&b)) {
        return all_equal(&a, &b);
    }
    let isnan = |x: &Operand<'_>| -> Result<Option<DynArray>> {
        if can_hold_nan(x) { compare(CompareOp::NotEqual, x.reborrow(), x.reborrow()).map(Some) } else { Ok(None) }
    };
    let flat =
        |m: Option<DynArray>| -> Result<Option<Vec<bool>>> { m.map(|m| Ok(m.typed::<bool>()?.to_vec())).transpose() };
    let (na, nb) = (flat(isnan(&a)?)?, flat(isnan(&b)?)?);
    let eq = match compare(CompareOp::Equal, a.reborrow(), b.reborrow()) {
        Ok(r) => r,
        Err(Error::UFuncNoLoop { .. }) => return Ok(false),
        Err(e) => return Err(e),
    };
    // NaN in the same places, and every other element equal.
    for (i, e) in eq.typed::<bool>()?.iter().enumerate() {
        let x = na.as_ref().is_some_and(|v| v[i]);
        let y = nb.as_ref().is_some_and(|v| v[i]);
        if x != y || (!x && !e) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `numpy.array_equiv(a1, a2)`: true when the operands broadcast together and are equal
/// element for element after broadcasting (`[1, 2]` is equivalent to `[[1, 2], [1, 2]]`).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::array_equiv;
/// assert!(array_equiv(&array![1, 2], &array![[1, 2], [1, 2]]).unwrap());
/// assert!(!array_equiv(&array![1, 2], &array![[1, 2, 3]]).unwrap());
/// assert!(array_equiv(&array![[3.0, 3.0]], 3i64).unwrap());
/// ```
///
/// # Errors
/// Failures of the comparison other than a missing loop (which is unequal).
pub fn array_equiv<'a, 'b>(a1: impl Into<Operand<'a>>, a2: impl Into<Operand<'b>>) -> Result<bool> {
    let (a, b) = (a1.into(), a2.into());
    if dims::broadcast_shapes(&[shape_of(&a), shape_of(&b)]).is_err() {
        return Ok(false);
    }
    all_equal(&a, &b)
}
