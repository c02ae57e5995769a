//! NumPy's type-check helpers on typed arrays (`numpy.iscomplex`, `isreal`,
//! `iscomplexobj`, `isrealobj`, `isposinf`, `isneginf`) and `numpy.rollaxis`.

use crate::array::{Array, ArrayBase};
use crate::copy::{Cast, Family};
use crate::dims::normalize_axis;
use crate::error::{Error, Result};
use crate::layout::{Layout, LayoutKind};
use crate::storage::Data;

/// `numpy.iscomplex(x)`: where the imaginary part is not zero (all false for real arrays).
///
/// ```
/// use nprs_core::prelude::*;
/// let z = array![C128::new(1.0, 0.0), C128::new(0.0, 1.0)];
/// assert_eq!(nprs_core::iscomplex(&z).to_vec(), vec![false, true]);
/// ```
#[must_use]
pub fn iscomplex<S: Data>(x: &ArrayBase<S>) -> Array<bool>
where
    S::Elem: Cast,
{
    crate::zip::map(x, |v| v.imag_f64() != 0.0)
}

/// `numpy.isreal(x)`: where the imaginary part is zero (all true for real arrays).
#[must_use]
pub fn isreal<S: Data>(x: &ArrayBase<S>) -> Array<bool>
where
    S::Elem: Cast,
{
    crate::zip::map(x, |v| v.imag_f64() == 0.0)
}

/// `numpy.iscomplexobj(x)`: whether the element type is complex, whatever the values.
#[must_use]
pub fn iscomplexobj<S: Data>(_x: &ArrayBase<S>) -> bool
where
    S::Elem: Cast,
{
    S::Elem::FAMILY == Family::Complex
}

/// `numpy.isrealobj(x)`: whether the element type is not complex.
#[must_use]
pub fn isrealobj<S: Data>(x: &ArrayBase<S>) -> bool
where
    S::Elem: Cast,
{
    !iscomplexobj(x)
}

/// Refuses complex input, as NumPy's `isposinf`/`isneginf` do.
fn real_only<S: Data>(x: &ArrayBase<S>) -> Result<()>
where
    S::Elem: Cast,
{
    if iscomplexobj(x) {
        return Err(Error::ComplexAmbiguous { dtype: x.dtype().name().to_string() });
    }
    Ok(())
}

/// `numpy.isposinf(x)`: where `x` is positive infinity.
///
/// ```
/// use nprs_core::prelude::*;
/// let x = array![1.0, f64::INFINITY, f64::NEG_INFINITY];
/// assert_eq!(nprs_core::isposinf(&x)?.to_vec(), vec![false, true, false]);
/// assert_eq!(nprs_core::isneginf(&x)?.to_vec(), vec![false, false, true]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::ComplexAmbiguous`] for complex arrays (NumPy's TypeError).
pub fn isposinf<S: Data>(x: &ArrayBase<S>) -> Result<Array<bool>>
where
    S::Elem: Cast,
{
    real_only(x)?;
    Ok(crate::zip::map(x, |v| v.to_f64() == f64::INFINITY))
}

/// `numpy.isneginf(x)`: where `x` is negative infinity.
///
/// # Errors
/// [`Error::ComplexAmbiguous`] for complex arrays (NumPy's TypeError).
pub fn isneginf<S: Data>(x: &ArrayBase<S>) -> Result<Array<bool>>
where
    S::Elem: Cast,
{
    real_only(x)?;
    Ok(crate::zip::map(x, |v| v.to_f64() == f64::NEG_INFINITY))
}

/// `numpy.rollaxis(a, axis, start)`: a view with `axis` moved to lie before `start`
/// (NumPy keeps it for old code; `moveaxis` is the newer spelling).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = Array::<f64>::zeros(&[3, 4, 5, 6])?;
/// assert_eq!(nprs_core::rollaxis(&a, 3, 1)?.shape(), &[3, 6, 4, 5]);
/// assert_eq!(nprs_core::rollaxis(&a, 2, 0)?.shape(), &[5, 3, 4, 6]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::AxisOutOfBounds`] for `axis`, [`Error::RollaxisStart`] for `start` outside
/// `-ndim..=ndim` (both NumPy's AxisError).
pub fn rollaxis<K: LayoutKind>(a: &Layout<K>, axis: isize, start: isize) -> Result<K::View<'_>> {
    let n = a.ndim();
    let axis = normalize_axis(axis, n)?;
    let mut start = if start < 0 { start + n as isize } else { start };
    if !(0..=n as isize).contains(&start) {
        return Err(Error::RollaxisStart { start, ndim: n });
    }
    if (axis as isize) < start {
        start -= 1;
    }
    let mut axes: Vec<isize> = (0..n as isize).filter(|&i| i != axis as isize).collect();
    axes.insert(start as usize, axis as isize);
    a.permute_dims(&axes)
}
