//! `apply_along_axis` and `apply_over_axes`: a function run on every 1-d lane, or over axes
//! in turn. Written once on dynamic arrays; the typed forms view their input and results as
//! dynamic arrays (no copy) and back.

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::{self, Order};
use crate::dtype::Element;
use crate::dynarray::{DynArray, DynBase, DynData, DynView};
use crate::error::{Error, Result};
use crate::storage::Data;

/// Every index of `shape` in C order.
fn c_indices(shape: &[usize]) -> impl Iterator<Item = Vec<isize>> + '_ {
    let n: usize = shape.iter().product();
    (0..n).map(move |mut i| {
        let mut ix = vec![0isize; shape.len()];
        for (slot, &d) in ix.iter_mut().zip(shape).rev() {
            *slot = (i % d) as isize;
            i /= d;
        }
        ix
    })
}

/// The one implementation of `apply_along_axis`.
fn along(arr: &DynView<'_>, axis: isize, f: &mut dyn FnMut(DynView<'_>) -> Result<DynArray>) -> Result<DynArray> {
    let nd = arr.ndim();
    let ax = dims::normalize_axis(axis, nd)?;
    let moved = arr.moveaxis(&[ax as isize], &[-1])?;
    let outer = &moved.shape()[..nd - 1];
    if outer.contains(&0) {
        return Err(Error::ApplyEmptyIteration);
    }
    let mut out: Option<DynArray> = None;
    for ix in c_indices(outer) {
        let res = f(moved.at(&ix)?)?;
        let buf = match &mut out {
            Some(b) => b,
            None => {
                let mut shape = outer.to_vec();
                shape.extend_from_slice(res.shape());
                out.insert(DynArray::zeros(&shape, res.dtype())?)
            }
        };
        let mut dst = buf.at_mut(&ix)?;
        // NumPy's `buff[ind] = res`: the result must broadcast to the first one's shape.
        if res.broadcast_to(dst.shape()).is_err() {
            return Err(Error::BroadcastInput { from: res.shape().to_vec(), to: dst.shape().to_vec() });
        }
        dst.assign(&res)?;
    }
    let buf = out.ok_or(Error::ApplyEmptyIteration)?;
    // The lane results' axes go where `axis` was.
    let bnd = buf.ndim();
    let rnd = bnd - (nd - 1);
    let perm: Vec<isize> = (0..ax).chain(nd - 1..bnd).chain(ax..nd - 1).map(|x| x as isize).collect();
    debug_assert_eq!(perm.len(), (nd - 1) + rnd);
    Ok(buf.permute_dims(&perm)?.to_owned_order(Order::C))
}

/// `numpy.apply_along_axis(func1d, axis, arr)` on a typed array: `f` runs on every 1-d
/// lane along `axis` and its results (arrays of one shape) are assembled with their axes
/// where `axis` was: the result's shape is `arr.shape[:axis] + f's shape +
/// arr.shape[axis+1:]`. A later result is cast to the first one's dtype and broadcast to
/// its shape, as NumPy assigns it.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::apply_along_axis;
/// let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// // the first and last element of every row
/// let ends = apply_along_axis(
///     |lane: ArrayView<'_, f64>| -> Result<Array<f64>> {
///         let (first, last) = (lane.get(&[0])?, lane.get(&[-1])?);
///         Ok(array![first, last])
///     },
///     1,
///     &a,
/// )
/// .unwrap();
/// assert_eq!(ends.shape(), &[2, 2]);
/// assert_eq!(ends.to_vec(), vec![1.0, 3.0, 4.0, 6.0]);
/// ```
///
/// # Errors
/// An axis out of bounds, an empty iteration axis ("Cannot apply_along_axis when any
/// iteration dimensions are 0"), a result that does not broadcast to the first one's shape,
/// and whatever `f` reports.
pub fn apply_along_axis<S: Data, U: Element>(
    mut f: impl FnMut(ArrayView<'_, S::Elem>) -> Result<Array<U>>,
    axis: isize,
    arr: &ArrayBase<S>,
) -> Result<Array<U>> {
    let v = DynView::from(arr.view());
    along(&v, axis, &mut |lane| Ok(DynArray::from(f(lane.typed::<S::Elem>()?)?)))?.into_typed::<U>()
}

/// The one implementation of `apply_over_axes`.
fn over(a: DynArray, axes: &[isize], f: &mut dyn FnMut(DynView<'_>, isize) -> Result<DynArray>) -> Result<DynArray> {
    let mut val = a;
    let n = val.ndim() as isize;
    for &axis in axes {
        let axis = if axis < 0 { n + axis } else { axis };
        let res = f(val.view(), axis)?;
        if res.ndim() == val.ndim() {
            val = res;
            continue;
        }
        let expanded = res.expand_dims(&[axis])?.to_owned();
        if expanded.ndim() != val.ndim() {
            return Err(Error::ApplyOverAxesShape);
        }
        val = expanded;
    }
    Ok(val)
}

/// `numpy.apply_over_axes(func, a, axes)` on a typed array: `f(a, axis)` for each axis in
/// turn, each call on the previous result; a result with one dimension fewer gets it back
/// (length 1) at `axis`, so the result keeps `a`'s number of dimensions.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::apply_over_axes;
/// let a = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
/// // the first slice along an axis, dropping that axis
/// let first = |v: ArrayView<'_, i64>, ax: isize| -> Result<Array<i64>> {
///     Ok(v.moveaxis(&[ax], &[0])?.at(&[0])?.to_owned())
/// };
/// let s = apply_over_axes(first, &a, &[0, 2]).unwrap();
/// assert_eq!(s.shape(), &[1, 3, 1]);
/// assert_eq!(s.to_vec(), vec![0, 4, 8]);
/// ```
///
/// # Errors
/// A result with neither the same nor one fewer dimensions ("function is not returning an
/// array of the correct shape"), an axis `expand_dims` rejects, and whatever `f` reports.
pub fn apply_over_axes<S: Data>(
    mut f: impl FnMut(ArrayView<'_, S::Elem>, isize) -> Result<Array<S::Elem>>,
    a: &ArrayBase<S>,
    axes: &[isize],
) -> Result<Array<S::Elem>> {
    let start = DynArray::from(a.to_owned());
    over(start, axes, &mut |v, ax| Ok(DynArray::from(f(v.typed::<S::Elem>()?, ax)?)))?.into_typed::<S::Elem>()
}

impl<S: DynData> DynBase<S> {
    /// `numpy.apply_along_axis(func1d, axis, arr)`: as [`apply_along_axis`],
    /// with `f` taking and returning dynamic arrays; the result has the first result's dtype.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let a = DynArray::from(array![[3i32, 1], [2, 5]]);
    /// let firsts = a.apply_along_axis(|lane| Ok(lane.at(&[0])?.to_owned()), 0).unwrap();
    /// assert_eq!(firsts.typed::<i32>().unwrap().to_vec(), vec![3, 1]);
    /// ```
    ///
    /// # Errors
    /// As [`apply_along_axis`].
    pub fn apply_along_axis(
        &self,
        mut f: impl FnMut(DynView<'_>) -> Result<DynArray>,
        axis: isize,
    ) -> Result<DynArray> {
        along(&self.view(), axis, &mut f)
    }

    /// `numpy.apply_over_axes(func, a, axes)`: as [`apply_over_axes`],
    /// with `f` taking and returning dynamic arrays (whose dtype may change from call to call).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let a = DynArray::from(array![[1i64, 2], [3, 4]]);
    /// let first_row = a.apply_over_axes(|v, ax| Ok(v.take(&[0], Some(ax))?), &[0]).unwrap();
    /// assert_eq!(first_row.shape(), &[1, 2]);
    /// ```
    ///
    /// # Errors
    /// As [`apply_over_axes`].
    pub fn apply_over_axes(
        &self,
        mut f: impl FnMut(DynView<'_>, isize) -> Result<DynArray>,
        axes: &[isize],
    ) -> Result<DynArray> {
        over(self.to_owned(), axes, &mut f)
    }
}
