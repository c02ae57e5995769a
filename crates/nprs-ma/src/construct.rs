//! The array constructors of `numpy.ma`: NumPy's constructors with a masked result
//! (`zeros`, `ones`, `empty`, `arange`, `identity`, `indices`, `fromfunction` — no mask,
//! `nomask`), the `*_like` forms (which keep the model's mask, fill value and hard-mask
//! flag, as NumPy's `__array_finalize__` does), `masked_all`/`masked_all_like` (every
//! element masked) and `asarray`/`asanyarray`.

use nprs_core::ranges::RangeArg;
use nprs_core::{Array, Cast, DynArray, Element};

use crate::array::{MaData, MaskedArray};
use crate::error::Result;

/// `ma.zeros(shape, dtype=T)`: zeros without a mask (`nomask`).
///
/// ```
/// let z = nprs_ma::zeros::<f64>(&[3])?;
/// assert_eq!(z.to_string(), "[0. 0. 0.]");
/// assert!(z.mask().is_none());
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn zeros<T: Element>(shape: &[usize]) -> Result<MaskedArray<Array<T>>> {
    Ok(MaskedArray::new(nprs_core::zeros(shape)?))
}

/// `ma.ones(shape, dtype=T)`: ones without a mask.
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn ones<T: Element>(shape: &[usize]) -> Result<MaskedArray<Array<T>>> {
    Ok(MaskedArray::new(nprs_core::ones(shape)?))
}

/// `ma.empty(shape, dtype=T)`: an array without a mask whose values are unspecified
/// (nprs fills them with zeros, as [`nprs_core::empty`] does).
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn empty<T: Element>(shape: &[usize]) -> Result<MaskedArray<Array<T>>> {
    Ok(MaskedArray::new(nprs_core::empty(shape)?))
}

/// `ma.masked_all(shape, dtype=T)`: every element masked (the data is zeros).
///
/// ```
/// let m = nprs_ma::masked_all::<i64>(&[2])?;
/// assert_eq!(m.to_string(), "[-- --]");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn masked_all<T: Element>(shape: &[usize]) -> Result<MaskedArray<Array<T>>> {
    let data = nprs_core::empty(shape)?;
    Ok(MaskedArray::from_parts(data, Some(Array::full(shape, true)?)))
}

/// `ma.arange(start, stop, step)`: NumPy's [`arange`](nprs_core::arange) without a mask.
///
/// # Errors
/// As [`nprs_core::arange`] (a zero step, an infinite length).
pub fn arange<A: RangeArg>(start: A, stop: A, step: A) -> Result<MaskedArray<Array<A>>> {
    Ok(MaskedArray::new(nprs_core::arange(start, stop, step)?))
}

/// `ma.identity(n, dtype=T)`: the `n × n` identity matrix without a mask.
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn identity<T: Element>(n: usize) -> Result<MaskedArray<Array<T>>> {
    Ok(MaskedArray::new(nprs_core::identity(n)?))
}

/// `ma.indices(dimensions, dtype=T)`: the grid of indices without a mask.
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn indices<T: Cast>(dimensions: &[usize]) -> Result<MaskedArray<Array<T>>> {
    Ok(MaskedArray::new(nprs_core::indices(dimensions)?))
}

/// `ma.fromfunction(f, shape)`: `f` of every index, without a mask.
///
/// # Errors
/// Sizes that cannot be allocated.
pub fn fromfunction<T: Element>(
    shape: &[usize],
    f: impl Fn(&[usize]) -> T + Sync + Send,
) -> Result<MaskedArray<Array<T>>> {
    Ok(MaskedArray::new(nprs_core::fromfunction(shape, f)?))
}

/// `ma.asarray(a)`: `a` as a masked array — its mask and fill value kept; a plain array
/// gets `nomask`. (In Rust this is the conversion itself: no copy is made.)
#[must_use]
pub fn asarray<D: MaData>(a: impl Into<MaskedArray<D>>) -> MaskedArray<D> {
    a.into()
}

/// `ma.asanyarray(a)`: the same as [`asarray`] (nprs has no subclasses of masked arrays).
#[must_use]
pub fn asanyarray<D: MaData>(a: impl Into<MaskedArray<D>>) -> MaskedArray<D> {
    a.into()
}

impl<D: MaData> MaskedArray<D> {
    /// The same array (mask, fill value, hard-mask flag) with other data of its shape.
    fn with_data(&self, data: DynArray) -> Result<Self> {
        Ok(MaskedArray {
            data: D::from_dyn(data)?,
            mask: self.mask.clone(),
            fill_value: self.fill_value.clone(),
            hard_mask: self.hard_mask,
        })
    }
}

/// `ma.zeros_like(a)`: zeros of `a`'s shape and dtype; a masked `a` passes on its mask,
/// fill value and hard-mask flag (NumPy's `zeros_like` keeps them).
///
/// ```
/// use nprs_core::array;
/// let a = nprs_ma::masked_array(array![1i64, 2], &array![false, true])?;
/// assert_eq!(nprs_ma::zeros_like(&a)?.to_string(), "[0 --]");
/// # Ok::<(), nprs_ma::Error>(())
/// ```
///
/// # Errors
/// When the result cannot be allocated.
pub fn zeros_like<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    a.with_data(DynArray::zeros(a.shape(), &a.dtype())?)
}

/// `ma.ones_like(a)`: as [`zeros_like`], with ones.
///
/// # Errors
/// When the result cannot be allocated.
pub fn ones_like<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    a.with_data(DynArray::ones(a.shape(), &a.dtype())?)
}

/// `ma.empty_like(a)`: as [`zeros_like`], with unspecified values (zeros in nprs).
///
/// # Errors
/// When the result cannot be allocated.
pub fn empty_like<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    zeros_like(a)
}

/// `ma.masked_all_like(a)`: `a`'s shape and dtype with every element masked; `a`'s fill
/// value and hard-mask flag are kept.
///
/// # Errors
/// When the result cannot be allocated.
pub fn masked_all_like<D: MaData>(a: &MaskedArray<D>) -> Result<MaskedArray<D>> {
    let mut out = empty_like(a)?;
    out.mask = Some(Array::full(a.shape(), true)?);
    Ok(out)
}
