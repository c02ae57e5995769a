//! Views of dynamic arrays that change shape, strides or axis order (no copies).
#![allow(unsafe_code)] // views from pointer + byte strides; each block says why it holds

use std::marker::PhantomData;
use std::ptr::NonNull;

use smallvec::SmallVec;

use super::{DynArray, DynBase, DynCow, DynData, DynDataMut, DynView, DynViewMut, DynViewRepr, byte_strides};
use crate::dims::{self, Order, Shape, Strides};
use crate::error::{Error, Result};
use crate::shape::{axes, reshape_strides, resolve_reshape};
use crate::slice::{SliceArg, slice_layout};

/// NumPy's contiguity rule over byte strides.
pub(crate) fn contiguous(shape: &[usize], strides: &[isize], item: usize, fortran: bool) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut acc = item as isize;
    let axes: Box<dyn Iterator<Item = usize>> =
        if fortran { Box::new(0..shape.len()) } else { Box::new((0..shape.len()).rev()) };
    for i in axes {
        if shape[i] != 1 {
            if strides[i] != acc {
                return false;
            }
            acc *= shape[i] as isize;
        }
    }
    true
}

impl<S: DynData> DynBase<S> {
    /// A view at byte `offset` from `ptr` with the given layout.
    pub(crate) fn view_with(&self, offset: isize, shape: Shape, strides: Strides) -> DynView<'_> {
        DynBase {
            data: DynViewRepr(PhantomData),
            // SAFETY: callers pass layouts that address only elements of `self`.
            ptr: unsafe { NonNull::new_unchecked(self.ptr.as_ptr().offset(offset)) },
            shape,
            strides,
            descr: self.descr.clone(),
        }
    }

    /// A view of a basic slice (`a[1:3, ::2]`), as typed arrays' [`slice`](crate::ArrayBase::slice).
    ///
    /// # Errors
    /// Index out of bounds, too many indices, a zero step (NumPy's messages).
    pub fn slice(&self, args: &[SliceArg]) -> Result<DynView<'_>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, 1, args)?;
        Ok(self.view_with(off, shape, strides))
    }

    /// The sub-array at `index` along the first axes (`a[i]`, `a[i, j]`): a view of
    /// `ndim - index.len()` dimensions.
    ///
    /// # Errors
    /// Index out of bounds or too many indices.
    pub fn at(&self, index: &[isize]) -> Result<DynView<'_>> {
        let args: Vec<SliceArg> = index.iter().map(|&i| SliceArg::Index(i)).collect();
        self.slice(&args)
    }

    /// The transpose (axes reversed).
    #[must_use]
    pub fn t(&self) -> DynView<'_> {
        let (shape, strides) = axes::reversed(&self.shape, &self.strides);
        self.view_with(0, shape, strides)
    }

    /// The transpose (axes reversed).
    #[must_use]
    pub fn transpose(&self) -> DynView<'_> {
        self.t()
    }

    /// Axes permuted (`arr.transpose(axes)`).
    ///
    /// # Errors
    /// Wrong number of axes, out-of-bounds or repeated axes.
    pub fn permute_dims(&self, axes: &[isize]) -> Result<DynView<'_>> {
        let (shape, strides) = axes::permuted(&self.shape, &self.strides, axes)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// Two axes interchanged.
    ///
    /// # Errors
    /// Out-of-bounds axes.
    pub fn swapaxes(&self, a: isize, b: isize) -> Result<DynView<'_>> {
        let (shape, strides) = axes::swapped(&self.shape, &self.strides, a, b)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// Length-one axes removed (all, or the named ones).
    ///
    /// # Errors
    /// Out-of-bounds axes, or a named axis whose length is not one.
    pub fn squeeze(&self, axes: Option<&[isize]>) -> Result<DynView<'_>> {
        let (shape, strides) = axes::squeezed(&self.shape, &self.strides, axes)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// New length-one axes at `axes` of the result.
    ///
    /// # Errors
    /// Out-of-bounds or repeated axes.
    pub fn expand_dims(&self, axes: &[isize]) -> Result<DynView<'_>> {
        let (shape, strides) = axes::expanded(&self.shape, &self.strides, axes)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// A read-only view broadcast to `shape` (`numpy.broadcast_to`).
    ///
    /// # Errors
    /// When the shapes are incompatible, or the shape's size or byte count overflows
    /// `isize` (as [`ArrayBase::broadcast_to`](crate::ArrayBase::broadcast_to)).
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<DynView<'_>> {
        if self.shape.as_slice() == shape {
            return Ok(self.view());
        }
        let strides = dims::broadcast_strides(&self.shape, &self.strides, shape).ok_or_else(|| {
            if shape.is_empty() {
                Error::BroadcastToScalar
            } else {
                Error::BroadcastTo { from: self.shape.to_vec(), to: shape.to_vec() }
            }
        })?;
        dims::check_view_shape(shape, self.itemsize())?;
        Ok(self.view_with(0, SmallVec::from_slice(shape), strides))
    }

    fn reshape_layout(&self, new_shape: &[usize], order: Order) -> Option<Strides> {
        if self.size() == 0 || (new_shape.is_empty() && self.size() == 1) {
            return Some(byte_strides(new_shape, self.itemsize(), order));
        }
        reshape_strides(&self.shape, &self.strides, new_shape, order)
    }

    /// A view with a new shape when the layout allows, else a copy (`arr.reshape`); one
    /// entry may be `-1`.
    ///
    /// # Errors
    /// Sizes that differ, more than one `-1`, negative dimensions; a shape whose non-zero
    /// lengths overflow `isize` bytes.
    pub fn reshape(&self, shape: impl crate::manip::IntoShape) -> Result<DynCow<'_>> {
        self.reshape_order(shape, Order::C)
    }

    /// As [`reshape`](Self::reshape), reading and writing elements in `order`.
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape).
    pub fn reshape_order(&self, shape: impl crate::manip::IntoShape, order: Order) -> Result<DynCow<'_>> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), self.itemsize())?;
        if let Some(st) = self.reshape_layout(&new_shape, order) {
            return Ok(self.view_with(0, new_shape, st).into());
        }
        let copy = self.to_owned_order(order);
        let st = byte_strides(&new_shape, self.itemsize(), order);
        Ok(DynArray::relayout(copy, new_shape, st).into())
    }

    /// The elements as 1-d: a view when possible, else a copy.
    #[must_use]
    pub fn ravel(&self) -> DynCow<'_> {
        crate::error::or_panic(self.reshape(&[-1]))
    }

    /// A 1-d copy in C order.
    #[must_use]
    pub fn flatten(&self) -> DynArray {
        let n = self.size();
        let copy = self.to_owned_order(Order::C);
        DynArray::relayout(copy, SmallVec::from_slice(&[n]), SmallVec::from_slice(&[self.itemsize() as isize]))
    }
}

impl DynArray {
    /// Gives an owned array a new layout over the same buffer.
    pub(crate) fn relayout(a: DynArray, shape: Shape, strides: Strides) -> DynArray {
        DynBase { data: a.data, ptr: a.ptr, shape, strides, descr: a.descr }
    }

    /// Reshapes an owned array, in place when the layout allows.
    ///
    /// # Errors
    /// As [`DynBase::reshape`].
    pub fn into_shape(self, shape: impl crate::manip::IntoShape) -> Result<DynArray> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), self.itemsize())?;
        if let Some(st) = self.reshape_layout(&new_shape, Order::C) {
            return Ok(DynArray::relayout(self, new_shape, st));
        }
        let copy = self.to_owned_order(Order::C);
        let st = byte_strides(&new_shape, self.itemsize(), Order::C);
        Ok(DynArray::relayout(copy, new_shape, st))
    }
}

impl<S: DynData + DynDataMut> DynBase<S> {
    pub(crate) fn view_mut_with(&mut self, offset: isize, shape: Shape, strides: Strides) -> DynViewMut<'_> {
        DynBase {
            data: DynViewRepr(PhantomData),
            // SAFETY: callers pass layouts inside `self` that never map two indices to one
            // element; `self` is borrowed uniquely.
            ptr: unsafe { NonNull::new_unchecked(self.ptr.as_ptr().offset(offset)) },
            shape,
            strides,
            descr: self.descr.clone(),
        }
    }

    /// A writable view of a basic slice.
    ///
    /// # Errors
    /// As [`slice`](DynBase::slice).
    pub fn slice_mut(&mut self, args: &[SliceArg]) -> Result<DynViewMut<'_>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, 1, args)?;
        Ok(self.view_mut_with(off, shape, strides))
    }

    /// A writable view of the sub-array at `index` along the first axes.
    ///
    /// # Errors
    /// As [`at`](DynBase::at).
    pub fn at_mut(&mut self, index: &[isize]) -> Result<DynViewMut<'_>> {
        let args: Vec<SliceArg> = index.iter().map(|&i| SliceArg::Index(i)).collect();
        self.slice_mut(&args)
    }
}

impl<'a> DynView<'a> {
    /// Slices a view keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`DynBase::slice`].
    pub fn slice_move(self, args: &[SliceArg]) -> Result<DynView<'a>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, 1, args)?;
        Ok(DynBase {
            data: DynViewRepr(PhantomData),
            // SAFETY: a sub-view of a view with the same lifetime.
            ptr: unsafe { NonNull::new_unchecked(self.ptr.as_ptr().offset(off)) },
            shape,
            strides,
            descr: self.descr,
        })
    }
}
