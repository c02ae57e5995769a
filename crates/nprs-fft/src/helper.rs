//! `fftfreq`, `rfftfreq`, `fftshift` and `ifftshift`.

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Element};

use crate::error::{Error, Result};
use crate::exec::shape_at;

/// `numpy.fft.fftfreq(n, d)`: the sample frequencies of an `n`-point transform with
/// sample spacing `d`: `[0, 1, …, ⌈n/2⌉-1, -⌊n/2⌋, …, -1] / (n d)`, as NumPy computes
/// them (the integers times `1 / (n d)`).
///
/// ```
/// let f = nprs_fft::fftfreq(4, 0.1)?;
/// assert_eq!(f.to_vec(), vec![0.0, 2.5, -5.0, -2.5]);
/// # Ok::<(), nprs_fft::Error>(())
/// ```
///
/// # Errors
/// [`Error::ZeroDivision`] when `n * d` is zero.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_wrap)] // NumPy's int → float conversion
pub fn fftfreq(n: usize, d: f64) -> Result<Array<f64>> {
    let den = n as f64 * d;
    if den == 0.0 {
        return Err(Error::ZeroDivision);
    }
    let val = 1.0 / den;
    let pos = (n - 1) / 2 + 1;
    let v: Vec<f64> = (0..n).map(|i| if i < pos { i as f64 } else { i as f64 - n as f64 } * val).collect();
    Ok(Array::from_vec(v))
}

/// `numpy.fft.rfftfreq(n, d)`: the non-negative sample frequencies `[0, 1, …, ⌊n/2⌋] /
/// (n d)` of [`rfft`](crate::rfft).
///
/// ```
/// let f = nprs_fft::rfftfreq(5, 1.0)?;
/// assert_eq!(f.to_vec(), vec![0.0, 0.2, 0.4]);
/// # Ok::<(), nprs_fft::Error>(())
/// ```
///
/// # Errors
/// [`Error::ZeroDivision`] when `n * d` is zero.
#[allow(clippy::cast_precision_loss)] // NumPy's int → float conversion
pub fn rfftfreq(n: usize, d: f64) -> Result<Array<f64>> {
    let den = n as f64 * d;
    if den == 0.0 {
        return Err(Error::ZeroDivision);
    }
    let val = 1.0 / den;
    Ok(Array::from_vec((0..=n / 2).map(|i| i as f64 * val).collect()))
}

fn shifts(shape: &[usize], axes: Option<&[isize]>, inverse: bool) -> nprs_core::Result<(Vec<isize>, Vec<isize>)> {
    let axes: Vec<isize> = match axes {
        Some(a) => a.to_vec(),
        None => (0..shape.len() as isize).collect(),
    };
    let sh = axes
        .iter()
        .map(|&ax| {
            let d = shape_at(shape, ax)? as isize;
            Ok(if inverse { -(d / 2) } else { d / 2 })
        })
        .collect::<nprs_core::Result<_>>()?;
    Ok((sh, axes))
}

/// `fftshift` (`inverse` false) or `ifftshift` with nprs-core's error: an axis outside the
/// shape is its [`TupleIndex`](nprs_core::Error::TupleIndex).
pub(crate) fn shift<S: Data>(
    x: &ArrayBase<S>,
    axes: Option<&[isize]>,
    inverse: bool,
) -> nprs_core::Result<Array<S::Elem>>
where
    S::Elem: Element,
{
    let (sh, axes) = shifts(x.shape(), axes, inverse)?;
    nprs_core::roll(x, sh, axes)
}

/// `numpy.fft.fftshift(x, axes)`: rolls the zero-frequency term to the centre of each of
/// `axes` (all axes when `None`; an axis may repeat, as in NumPy's `roll`).
///
/// ```
/// use nprs_core::array;
/// let s = nprs_fft::fftshift(&array![0, 1, 2, -2, -1], None)?;
/// assert_eq!(s.to_vec(), vec![-2, -1, 0, 1, 2]);
/// # Ok::<(), nprs_fft::Error>(())
/// ```
///
/// # Errors
/// An axis outside the array (`IndexError`, as NumPy's `x.shape[ax]`).
pub fn fftshift<S: Data>(x: &ArrayBase<S>, axes: Option<&[isize]>) -> Result<Array<S::Elem>>
where
    S::Elem: Element,
{
    Ok(shift(x, axes, false)?)
}

/// `numpy.fft.ifftshift(x, axes)`: the inverse of [`fftshift`] (they differ for odd
/// lengths).
///
/// ```
/// use nprs_core::array;
/// let s = nprs_fft::ifftshift(&array![-2, -1, 0, 1, 2], None)?;
/// assert_eq!(s.to_vec(), vec![0, 1, 2, -2, -1]);
/// # Ok::<(), nprs_fft::Error>(())
/// ```
///
/// # Errors
/// As [`fftshift`].
pub fn ifftshift<S: Data>(x: &ArrayBase<S>, axes: Option<&[isize]>) -> Result<Array<S::Elem>>
where
    S::Elem: Element,
{
    Ok(shift(x, axes, true)?)
}
