//! Numerical ranges: `arange`, `linspace`, `logspace`, `geomspace`.

use crate::array::Array;
use crate::copy::Cast;
use crate::error::Result;

impl<T: Cast> Array<T> {
    /// `numpy.arange(stop)`: `0, 1, …, stop - 1`.
    ///
    /// # Panics
    /// Never for lengths that fit in memory; see [`arange`] for the fallible form.
    #[must_use]
    pub fn arange(stop: usize) -> Self {
        Array::from_iter_1d((0..stop).map(|i| T::cast_from(i as i64)))
    }
}

/// `numpy.arange(start, stop, step)` computed in `f64` and cast to `T`.
///
/// # Errors
/// A zero step ("Maximum allowed size exceeded" in NumPy's words) or a non-finite length.
pub fn arange<T: Cast>(start: f64, stop: f64, step: f64) -> Result<Array<T>> {
    if step == 0.0 {
        return Err(crate::Error::Value("Maximum allowed size exceeded".into()));
    }
    let len = ((stop - start) / step).ceil();
    if !len.is_finite() {
        return Err(crate::Error::Value("arange: cannot compute length".into()));
    }
    let len = if len > 0.0 { len as usize } else { 0 };
    Ok(Array::from_iter_1d((0..len).map(|i| T::cast_from(start + i as f64 * step))))
}
