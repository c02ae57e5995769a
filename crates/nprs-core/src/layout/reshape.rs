//! New shapes over the same elements: `reshape` (a view when the layout allows, else a
//! copy), `reshape_view`, `ravel`, `flatten`, `into_shape` — once, for typed and dynamic
//! arrays.

use smallvec::SmallVec;

use super::{Layout, LayoutKind};
use crate::dims::{self, Order, Shape, Strides};
use crate::error::{Error, Result};
use crate::manip::IntoShape;
use crate::shape::{reshape_strides, resolve_reshape};

/// Contiguous byte strides of `shape` in `order` for `itemsize`-byte elements.
pub(crate) fn contiguous_bytes(shape: &[usize], itemsize: usize, order: Order) -> Strides {
    dims::contiguous_strides(shape, order).iter().map(|&s| s.wrapping_mul(itemsize as isize)).collect()
}

impl<K: LayoutKind> Layout<K> {
    /// Byte strides that view these elements as `new_shape` (same size) in `order`, or
    /// `None` when a copy is needed.
    pub(crate) fn reshape_layout(&self, new_shape: &[usize], order: Order) -> Option<Strides> {
        if self.size() == 0 || (new_shape.is_empty() && self.size() == 1) {
            return Some(contiguous_bytes(new_shape, self.itemsize(), order));
        }
        reshape_strides(&self.shape, &self.strides, new_shape, order)
    }

    /// A view with a new shape when the layout allows, else a copy, as `arr.reshape`.
    /// One entry may be `-1`.
    ///
    /// # Errors
    /// [`Error::Reshape`], [`Error::ReshapeUnknown`], [`Error::NegativeDimensions`];
    /// [`Error::TooBig`] for a shape whose non-zero lengths overflow `isize` bytes, even
    /// with no elements.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<i64>::arange(12);
    /// let b = a.reshape(&[3, -1]).unwrap();
    /// assert_eq!(b.shape(), &[3, 4]);
    /// assert!(b.is_view()); // contiguous input: a view, as in NumPy
    /// let bt = b.t();
    /// let c = bt.reshape(&[-1]).unwrap();
    /// assert!(!c.is_view()); // a transposed input needs a copy
    /// assert_eq!(a.reshape(&[5, 3]).unwrap_err().to_string(), "cannot reshape array of size 12 into shape (5,3)");
    /// ```
    pub fn reshape(&self, shape: impl IntoShape) -> Result<K::Cow<'_>> {
        self.reshape_order(shape, Order::C)
    }

    /// As [`reshape`](Self::reshape), reading and writing elements in `order`.
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape).
    pub fn reshape_order(&self, shape: impl IntoShape, order: Order) -> Result<K::Cow<'_>> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), self.itemsize())?;
        if let Some(st) = self.reshape_layout(&new_shape, order) {
            return Ok(K::cow_of_view(self.view_of(self.at_offset(0, new_shape, st))));
        }
        Ok(K::cow_of_owned(self.copy_as(new_shape, order)))
    }

    /// A copy of the elements in `order`, given `shape` (of the same size).
    fn copy_as(&self, shape: Shape, order: Order) -> K::Owned {
        let st = contiguous_bytes(&shape, self.itemsize(), order);
        let copy = K::copy(&self.view(), order);
        // SAFETY: the copy is contiguous in `order`, and `shape` has its size.
        unsafe { K::relayout(copy, shape, st) }
    }

    /// A view with a new shape, failing instead of copying when the layout does not
    /// allow a view (like assigning to `arr.shape` in NumPy).
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape), or when a copy would be needed.
    pub fn reshape_view(&self, shape: impl IntoShape) -> Result<K::View<'_>> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), self.itemsize())?;
        let st = self.reshape_layout(&new_shape, Order::C).ok_or(Error::ReshapeInPlace)?;
        Ok(self.view_of(self.at_offset(0, new_shape, st)))
    }

    /// The elements as 1-d: a view when possible, else a copy (`numpy.ravel`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.t().ravel().to_vec(), vec![1, 3, 2, 4]);
    /// ```
    #[must_use]
    pub fn ravel(&self) -> K::Cow<'_> {
        self.ravel_order(Order::C)
    }

    /// The elements as 1-d in `order`: a view when possible, else a copy.
    #[must_use]
    pub fn ravel_order(&self, order: Order) -> K::Cow<'_> {
        crate::error::or_panic(self.reshape_order(&[-1], order))
    }

    /// A 1-d copy (`arr.flatten()`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.flatten_order(Order::F).to_vec(), vec![1, 3, 2, 4]);
    /// ```
    #[must_use]
    pub fn flatten(&self) -> K::Owned {
        self.flatten_order(Order::C)
    }

    /// A 1-d copy in `order` (`arr.flatten(order)`).
    #[must_use]
    pub fn flatten_order(&self, order: Order) -> K::Owned {
        self.copy_as(SmallVec::from_slice(&[self.size()]), order)
    }
}

/// Reshapes an owned array, in place when the layout allows, else into a C-ordered copy
/// (what `Array::into_shape` and `DynArray::into_shape` do).
pub(crate) fn into_shape<K: LayoutKind>(owned: K::Owned, shape: impl IntoShape) -> Result<K::Owned> {
    let l = K::owned_layout(&owned);
    let new_shape = resolve_reshape(l.size(), &shape.shape_vec(), l.itemsize())?;
    if let Some(st) = l.reshape_layout(&new_shape, Order::C) {
        // SAFETY: `reshape_layout` gives strides that address exactly the same elements.
        return Ok(unsafe { K::relayout(owned, new_shape, st) });
    }
    Ok(l.copy_as(new_shape, Order::C))
}
