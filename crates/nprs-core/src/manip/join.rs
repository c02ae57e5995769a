//! Joining arrays: `concatenate`, `stack`, `hstack`, `vstack`, `dstack`, `column_stack`,
//! `append`.
#![allow(unsafe_code)] // results are assembled in uninitialised buffers; each block says why it holds

use crate::array::{Array, ArrayView};
use crate::dims::{self, Order, Shape};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::zip;

use super::args::{AsArrayView, AxisArg};
use super::canvas;

/// The shape of the concatenation of arrays of `shapes` along `axis` (already
/// normalised), checking them as NumPy's `concatenate` does.
pub(crate) fn concat_shape(shapes: &[&[usize]], axis: usize) -> Result<Shape> {
    let first = shapes[0];
    let mut out = Shape::from_slice(first);
    for (i, s) in shapes.iter().enumerate().skip(1) {
        if s.len() != first.len() {
            return Err(Error::ConcatenateNdim { first: first.len(), index: i, ndim: s.len() });
        }
        for d in 0..first.len() {
            if d != axis && s[d] != first[d] {
                return Err(Error::ConcatenateShape { dim: d, first: first[d], index: i, size: s[d] });
            }
        }
        out[axis] = out[axis].checked_add(s[axis]).ok_or(Error::TooBig)?;
    }
    Ok(out)
}

/// The memory order NumPy gives a result assembled from `views`: Fortran when every input
/// is Fortran-ordered (and not also C-ordered), else C.
pub(crate) fn order_of<T: Element>(views: &[ArrayView<'_, T>]) -> Order {
    let strides: Vec<_> = views.iter().map(|v| v.strides_elems()).collect();
    let layouts: Vec<(&[usize], &[isize])> = views.iter().zip(&strides).map(|(v, s)| (v.shape(), &s[..])).collect();
    zip::result_order(&layouts)
}

/// Concatenates views along `axis` (may be negative).
pub(crate) fn concat_views<T: Element>(views: &[ArrayView<'_, T>], axis: isize) -> Result<Array<T>> {
    let Some(first) = views.first() else {
        return Err(Error::NoArrays { op: "concatenate" });
    };
    if first.ndim() == 0 {
        return Err(Error::ConcatenateZeroDim);
    }
    let ax = dims::normalize_axis(axis, first.ndim())?;
    let shapes: Vec<&[usize]> = views.iter().map(|v| v.shape()).collect();
    let shape = concat_shape(&shapes, ax)?;
    let order = order_of(views);
    // SAFETY: the inputs' extents along `axis` add up to the result's, so the regions
    // written one after another cover it exactly; inputs are not part of the new buffer.
    unsafe {
        canvas::build(&shape, order, |c| {
            let mut start = vec![0usize; shape.len()];
            for v in views {
                c.write(&start, v);
                start[ax] += v.shape()[ax];
            }
        })
    }
}

/// Concatenates the flattened (C order) views into one 1-d array.
pub(crate) fn concat_flat<T: Element>(views: &[ArrayView<'_, T>]) -> Result<Array<T>> {
    if views.is_empty() {
        return Err(Error::NoArrays { op: "concatenate" });
    }
    let mut total = 0usize;
    for v in views {
        total = total.checked_add(v.size()).ok_or(Error::TooBig)?;
    }
    // SAFETY: each input is written, in C order, over its own stretch of the 1-d result;
    // the stretches tile it.
    unsafe {
        canvas::build(&[total], Order::C, |c| {
            let mut off = 0usize;
            for v in views {
                c.write_flat(off, v);
                off += v.size();
            }
        })
    }
}

/// `numpy.concatenate`: joins arrays along an existing axis; `axis = None` flattens them
/// first.
///
/// All inputs share one element type (convert with [`astype`](crate::ArrayBase::astype)
/// first where NumPy would promote). The result is Fortran-ordered when every input is.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::concatenate;
///
/// let a = array![[1, 2], [3, 4]];
/// let b = array![[5, 6]];
/// let r = concatenate(&[&a, &b], 0).unwrap();
/// assert_eq!(r, array![[1, 2], [3, 4], [5, 6]]);
/// let c = concatenate(&[a.view(), b.t()], 1).unwrap();
/// assert_eq!(c, array![[1, 2, 5], [3, 4, 6]]);
/// let flat = concatenate(&[&a, &b], None).unwrap();
/// assert_eq!(flat.to_vec(), vec![1, 2, 3, 4, 5, 6]);
/// ```
///
/// # Errors
/// An empty list, 0-d inputs, an axis out of bounds, differing numbers of dimensions or
/// differing lengths off the joining axis, each with NumPy's message.
pub fn concatenate<A: AsArrayView>(arrays: &[A], axis: impl Into<AxisArg>) -> Result<Array<A::Elem>> {
    let views: Vec<ArrayView<'_, A::Elem>> = arrays.iter().map(AsArrayView::as_array_view).collect();
    match axis.into().single()? {
        None => concat_flat(&views),
        Some(ax) => concat_views(&views, ax),
    }
}

/// `numpy.stack`: joins arrays of one shape along a new axis `axis` of the result.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::stack;
///
/// let a = array![1, 2, 3];
/// let b = array![4, 5, 6];
/// assert_eq!(stack(&[&a, &b], 0).unwrap(), array![[1, 2, 3], [4, 5, 6]]);
/// assert_eq!(stack(&[&a, &b], -1).unwrap(), array![[1, 4], [2, 5], [3, 6]]);
/// ```
///
/// # Errors
/// An empty list, differing shapes, or an axis outside the result's dimensions.
pub fn stack<A: AsArrayView>(arrays: &[A], axis: isize) -> Result<Array<A::Elem>> {
    let views: Vec<ArrayView<'_, A::Elem>> = arrays.iter().map(AsArrayView::as_array_view).collect();
    let Some(first) = views.first() else {
        return Err(Error::NoArrays { op: "stack" });
    };
    if views.iter().any(|v| v.shape() != first.shape()) {
        return Err(Error::StackShapes);
    }
    let ax = dims::normalize_axis(axis, first.ndim() + 1)?;
    let expanded: Vec<ArrayView<'_, A::Elem>> =
        views.iter().map(|v| v.expand_dims(&[ax as isize]).expect("axis checked")).collect();
    concat_views(&expanded, ax as isize)
}

/// The view with at least `n` dimensions, new axes of length one in front (NumPy's
/// `array(a, ndmin=n)`).
pub(crate) fn atleast_nd<'a, T: Element>(v: &'a ArrayView<'_, T>, n: usize) -> ArrayView<'a, T> {
    if v.ndim() >= n {
        return v.view();
    }
    let new: Vec<isize> = (0..(n - v.ndim()) as isize).collect();
    v.expand_dims(&new).expect("leading axes are in range")
}

fn atleast_1d<'a, T: Element>(v: &'a ArrayView<'_, T>) -> ArrayView<'a, T> {
    atleast_nd(v, 1)
}

fn atleast_2d<'a, T: Element>(v: &'a ArrayView<'_, T>) -> ArrayView<'a, T> {
    atleast_nd(v, 2)
}

fn atleast_3d<'a, T: Element>(v: &'a ArrayView<'_, T>) -> ArrayView<'a, T> {
    match v.ndim() {
        0 => v.expand_dims(&[0, 1, 2]),
        1 => v.expand_dims(&[0, 2]),
        2 => v.expand_dims(&[2]),
        _ => Ok(v.view()),
    }
    .expect("axes are in range")
}

/// `numpy.hstack`: joins along the second axis, or the first for 1-d inputs (0-d inputs
/// become 1-d).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::hstack;
///
/// assert_eq!(hstack(&[array![1, 2], array![3, 4]]).unwrap(), array![1, 2, 3, 4]);
/// let a = array![[1], [2]];
/// assert_eq!(hstack(&[&a, &a]).unwrap(), array![[1, 1], [2, 2]]);
/// ```
///
/// # Errors
/// As [`concatenate`].
pub fn hstack<A: AsArrayView>(arrays: &[A]) -> Result<Array<A::Elem>> {
    let views: Vec<ArrayView<'_, A::Elem>> = arrays.iter().map(AsArrayView::as_array_view).collect();
    let arrs: Vec<ArrayView<'_, A::Elem>> = views.iter().map(atleast_1d).collect();
    let axis = if arrs.first().is_some_and(|a| a.ndim() == 1) { 0 } else { 1 };
    concat_views(&arrs, axis)
}

/// `numpy.vstack`: joins along the first axis, 1-d inputs of length N becoming rows
/// (1, N).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::vstack;
///
/// assert_eq!(vstack(&[array![1, 2], array![3, 4]]).unwrap(), array![[1, 2], [3, 4]]);
/// ```
///
/// # Errors
/// As [`concatenate`].
pub fn vstack<A: AsArrayView>(arrays: &[A]) -> Result<Array<A::Elem>> {
    let views: Vec<ArrayView<'_, A::Elem>> = arrays.iter().map(AsArrayView::as_array_view).collect();
    let arrs: Vec<ArrayView<'_, A::Elem>> = views.iter().map(atleast_2d).collect();
    concat_views(&arrs, 0)
}

/// `numpy.dstack`: joins along the third axis; (N,) becomes (1, N, 1) and (M, N) becomes
/// (M, N, 1).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::dstack;
///
/// let d = dstack(&[array![1, 2], array![3, 4]]).unwrap();
/// assert_eq!(d, array![[[1, 3], [2, 4]]]);
/// ```
///
/// # Errors
/// As [`concatenate`].
pub fn dstack<A: AsArrayView>(arrays: &[A]) -> Result<Array<A::Elem>> {
    let views: Vec<ArrayView<'_, A::Elem>> = arrays.iter().map(AsArrayView::as_array_view).collect();
    let arrs: Vec<ArrayView<'_, A::Elem>> = views.iter().map(atleast_3d).collect();
    concat_views(&arrs, 2)
}

/// `numpy.column_stack`: 1-d inputs become columns, then everything is joined along the
/// second axis.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::column_stack;
///
/// let c = column_stack(&[array![1, 2, 3], array![4, 5, 6]]).unwrap();
/// assert_eq!(c, array![[1, 4], [2, 5], [3, 6]]);
/// ```
///
/// # Errors
/// As [`concatenate`].
pub fn column_stack<A: AsArrayView>(arrays: &[A]) -> Result<Array<A::Elem>> {
    let views: Vec<ArrayView<'_, A::Elem>> = arrays.iter().map(AsArrayView::as_array_view).collect();
    let arrs: Vec<ArrayView<'_, A::Elem>> = views
        .iter()
        .map(|v| match v.ndim() {
            0 => v.expand_dims(&[0, 1]).expect("axes in range"),
            1 => v.expand_dims(&[1]).expect("axis in range"),
            _ => v.view(),
        })
        .collect();
    concat_views(&arrs, 1)
}

/// `numpy.append`: `values` joined to the end of `arr` along `axis`; with `axis = None`
/// both are flattened first.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::append;
///
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(append(&a, &[5, 6], None).unwrap(), array![1, 2, 3, 4, 5, 6]);
/// assert_eq!(append(&a, &array![[5, 6]], 0).unwrap(), array![[1, 2], [3, 4], [5, 6]]);
/// ```
///
/// # Errors
/// As [`concatenate`]: with an axis, `values` must have `arr`'s dimensions.
pub fn append<A, V>(arr: &A, values: &V, axis: impl Into<AxisArg>) -> Result<Array<A::Elem>>
where
    A: AsArrayView + ?Sized,
    V: AsArrayView<Elem = A::Elem> + ?Sized,
{
    let views = [arr.as_array_view(), values.as_array_view()];
    match axis.into().single()? {
        None => concat_flat(&views),
        Some(ax) => concat_views(&views, ax),
    }
}
