//! `numpy.mgrid` and `numpy.ogrid`: dense and open grids from `start:stop:step` slices, as
//! functions of a list of [`GridSlice`]s (`np.mgrid[0:5, 0:3]` is
//! `mgrid::<i64>(&[(0..5).into(), (0..3).into()])`).
//!
//! A slice steps by a value (`0:1:0.25` is [`GridSlice::new`]`(0.0, 1.0, 0.25)`) or asks for
//! a number of points with the end included, NumPy's complex step (`-1:1:5j` is
//! [`GridSlice::points`]`(-1.0, 1.0, 5)`). Each axis has `ceil((stop - start) / step)` points
//! `start + i * step` (the arithmetic of the element type: integer for integers, `f64` for
//! floats), or for `n` points `start + i * (stop - start) / (n - 1)`. The element type is
//! the caller's; NumPy picks `int64` when every start, stop and step is an integer and
//! `float64` otherwise (always `float64` with a point count).
//!
//! `mgrid(&[a])` is `np.mgrid[a,]`, of shape `(1, n)`; NumPy's single-slice form
//! `np.mgrid[a]` is that array's one row.
//!
//! ```
//! use nprs_core::{GridSlice, mgrid, ogrid};
//! // np.mgrid[0:2, 0:3]
//! let g = mgrid::<i64>(&[(0..2).into(), (0..3).into()])?;
//! assert_eq!(g.shape(), &[2, 2, 3]);
//! assert_eq!(g.to_vec(), vec![0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2]);
//! // np.ogrid[0:1:3j, 0:3]
//! let o = ogrid::<f64>(&[GridSlice::points(0.0, 1.0, 3), GridSlice::new(0.0, 3.0, 1.0)])?;
//! assert_eq!(o[0].shape(), &[3, 1]);
//! assert_eq!(o[0].to_vec(), vec![0.0, 0.5, 1.0]);
//! assert_eq!(o[1].to_vec(), vec![0.0, 1.0, 2.0]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use std::ops::Range;

use smallvec::SmallVec;

use crate::array::Array;
use crate::copy::{Cast, Family};
use crate::dims::{self, Shape};
use crate::error::{Error, Result};
use crate::grids::fromfunction;

/// How a [`GridSlice`] steps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GridStep<T> {
    /// By this value (`start:stop:step`).
    By(T),
    /// This many points with the end included (`start:stop:nj`, NumPy's complex step).
    Points(usize),
}

/// One `start:stop:step` slice of [`mgrid`] or [`ogrid`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridSlice<T> {
    /// The first value.
    pub start: T,
    /// The end: excluded with a step, included with a point count.
    pub stop: T,
    /// The step or the number of points.
    pub step: GridStep<T>,
}

impl<T> GridSlice<T> {
    /// `start:stop:step`.
    ///
    /// ```
    /// let s = nprs_core::GridSlice::new(0.0, 1.0, 0.25); // 0:1:0.25
    /// assert_eq!(nprs_core::mgrid(&[s])?.to_vec(), vec![0.0, 0.25, 0.5, 0.75]); // shape (1, 4)
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn new(start: T, stop: T, step: T) -> Self {
        GridSlice { start, stop, step: GridStep::By(step) }
    }

    /// `start:stop:nj`: `n` evenly spaced points from `start` to `stop`, both included.
    ///
    /// ```
    /// let s = nprs_core::GridSlice::points(-1.0, 1.0, 5); // -1:1:5j
    /// assert_eq!(nprs_core::mgrid(&[s])?.to_vec(), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    pub fn points(start: T, stop: T, n: usize) -> Self {
        GridSlice { start, stop, step: GridStep::Points(n) }
    }
}

impl<T: Cast> From<Range<T>> for GridSlice<T> {
    /// `start:stop` (a step of one).
    fn from(r: Range<T>) -> Self {
        GridSlice::new(r.start, r.end, T::cast_from(1i64))
    }
}

/// An axis's value at an index.
type ValueAt<T> = Box<dyn Fn(usize) -> T + Sync + Send>;

impl<T: Cast> GridSlice<T> {
    /// The number of points and the value at index `i` (NumPy's `nd_grid` arithmetic).
    fn resolve(&self) -> Result<(usize, ValueAt<T>)> {
        let int = matches!(T::FAMILY, Family::Int | Family::UInt | Family::Bool);
        let (start, stop) = (self.start, self.stop);
        match self.step {
            GridStep::Points(n) => {
                let step = if n == 1 { 1.0 } else { (stop.to_f64() - start.to_f64()) / (n as f64 - 1.0) };
                let s = start.to_f64();
                let f: ValueAt<T> = Box::new(move |i: usize| T::cast_from(i as f64 * step + s));
                Ok((n, f))
            }
            GridStep::By(step) => {
                let (st, sp) = (step.to_f64(), start.to_f64());
                if st == 0.0 {
                    return Err(Error::ZeroDivision { family: Family::Int });
                }
                let len = ((stop.to_f64() - sp) / st).ceil();
                if len < 0.0 {
                    return Err(Error::NegativeDimensions);
                }
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // non-negative, checked
                let len = len as usize;
                let f: ValueAt<T> = if int {
                    let (a, b) = (start.to_i64_wrapping(), step.to_i64_wrapping());
                    Box::new(move |i: usize| T::cast_from((i as i64).wrapping_mul(b).wrapping_add(a)))
                } else {
                    Box::new(move |i: usize| T::cast_from(i as f64 * st + sp))
                };
                Ok((len, f))
            }
        }
    }
}

/// `numpy.mgrid[s0, s1, …]`: the dense grid, shape `(k, n0, n1, …)` for `k` slices; entry
/// `[j, i0, i1, …]` is axis `j`'s value at `ij`.
///
/// ```
/// use nprs_core::{GridSlice, mgrid};
/// // np.mgrid[0:4:2, 1:2:2j]
/// let g = mgrid(&[GridSlice::new(0.0, 4.0, 2.0), GridSlice::points(1.0, 2.0, 2)])?;
/// assert_eq!(g.shape(), &[2, 2, 2]);
/// assert_eq!(g.to_vec(), vec![0.0, 0.0, 2.0, 2.0, 1.0, 2.0, 1.0, 2.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// A zero step (NumPy's ZeroDivisionError), a stop before the start for a positive step
/// ("negative dimensions are not allowed"), sizes that cannot be allocated.
#[doc(alias = "numpy.mgrid")]
pub fn mgrid<T: Cast>(slices: &[GridSlice<T>]) -> Result<Array<T>> {
    let axes = slices.iter().map(GridSlice::resolve).collect::<Result<Vec<_>>>()?;
    let mut shape: Shape = SmallVec::with_capacity(axes.len() + 1);
    shape.push(axes.len());
    shape.extend(axes.iter().map(|(n, _)| *n));
    dims::size_checked(&shape)?;
    fromfunction(&shape, |ix| (axes[ix[0]].1)(ix[ix[0] + 1]))
}

/// `numpy.ogrid[s0, s1, …]`: the open grid, one array per slice, of its length along its
/// own axis and one along the others (they broadcast to [`mgrid`]'s planes).
///
/// ```
/// use nprs_core::ogrid;
/// let o = ogrid::<i64>(&[(0..3).into(), (1..3).into()])?; // np.ogrid[0:3, 1:3]
/// assert_eq!(o[0].shape(), &[3, 1]);
/// assert_eq!(o[1].shape(), &[1, 2]);
/// assert_eq!(o[1].to_vec(), vec![1, 2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`mgrid`].
#[doc(alias = "numpy.ogrid")]
pub fn ogrid<T: Cast>(slices: &[GridSlice<T>]) -> Result<Vec<Array<T>>> {
    let axes = slices.iter().map(GridSlice::resolve).collect::<Result<Vec<_>>>()?;
    (0..axes.len())
        .map(|k| {
            let mut shape: Shape = SmallVec::from_elem(1, axes.len());
            shape[k] = axes[k].0;
            fromfunction(&shape, |ix| (axes[k].1)(ix[k]))
        })
        .collect()
}
