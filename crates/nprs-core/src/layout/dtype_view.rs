//! `a.view(dtype)`: the same bytes read as another dtype, on typed and dynamic arrays.
//!
//! NumPy's rules: a dtype of the same item size keeps the shape and strides; a different
//! size needs an array of at least one dimension whose last axis is contiguous (or of
//! length one, or empty), and that axis is rescaled — the new size must divide the old one
//! when smaller, and the last axis' byte length when larger. A sub-array dtype must keep
//! the item size, and its axes are appended to the shape.

use std::ptr::NonNull;

use smallvec::SmallVec;

use super::{Layout, LayoutKind, Typed, fits_type};
use crate::array::ArrayView;
use crate::dims::{Shape, Strides};
use crate::dtype::{DType, Descr, Element};
use crate::dynarray::DynView;
use crate::dynarray::for_each_leaf;
use crate::error::{Error, Result};
use crate::iter::Walk;

impl<K: LayoutKind> Layout<K> {
    /// The shape and byte strides of these bytes seen as `new_item`-byte elements
    /// (`subarray`: the new dtype is a sub-array dtype), by NumPy's rules.
    fn dtype_view_layout(&self, new_item: usize, subarray: bool) -> Result<(Shape, Strides)> {
        let old_item = self.itemsize();
        let (mut shape, mut strides) = (self.shape.clone(), self.strides.clone());
        if new_item == old_item {
            return Ok((shape, strides));
        }
        if shape.is_empty() {
            return Err(Error::ViewDTypeZeroDim);
        }
        if subarray {
            return Err(Error::ViewDTypeSubarray);
        }
        let last = shape.len() - 1;
        if shape[last] != 1 && self.size() != 0 && strides[last] != old_item as isize {
            return Err(Error::ViewDTypeLastAxis);
        }
        if new_item < old_item {
            if new_item == 0 || !old_item.is_multiple_of(new_item) {
                return Err(Error::ViewDTypeSmaller);
            }
            shape[last] = shape[last].checked_mul(old_item / new_item).ok_or(Error::TooBig)?;
        } else {
            let bytes = shape[last].checked_mul(old_item).ok_or(Error::TooBig)?;
            if !bytes.is_multiple_of(new_item) {
                return Err(Error::ViewDTypeLarger);
            }
            shape[last] = bytes / new_item;
        }
        strides[last] = new_item as isize;
        Ok((shape, strides))
    }

    /// The elements' bytes read as elements of `U` (`a.view(np.float32)`): NumPy's rules
    /// for the last axis when the sizes differ. A view, never a copy.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1.0f32, -2.0], [0.5, 4.0]];
    /// let bits = a.view_as::<u32>().unwrap(); // a.view(np.uint32)
    /// assert_eq!(bits.to_vec()[0], 1.0f32.to_bits());
    /// let wide = a.view_as::<u64>().unwrap(); // two float32 per uint64
    /// assert_eq!((wide.shape(), wide.strides()), (&[2, 1][..], &[8, 8][..]));
    /// ```
    ///
    /// # Errors
    /// NumPy's: a 0-d array whose item size would change, a last axis that is not
    /// contiguous, sizes that do not divide. Typed views also need the elements aligned
    /// for `U` at strides that are multiples of its size (NumPy would make an unaligned
    /// array; [`view_dtype`](Self::view_dtype) does), and `bool` views need every byte to
    /// be 0 or 1.
    pub fn view_as<U: Element>(&self) -> Result<ArrayView<'_, U>> {
        let (shape, strides) = self.dtype_view_layout(size_of::<U>(), false)?;
        // An empty view reads nothing, but slices made from it still need an aligned pointer.
        let ptr = if shape.contains(&0) { NonNull::<U>::dangling().cast() } else { self.ptr };
        if !fits_type::<U>(ptr, &shape, &strides) {
            return Err(Error::ViewUnaligned { dtype: U::DTYPE });
        }
        let layout = Layout { ptr, shape, strides, descr: Typed::<U>::new() };
        if U::DTYPE == DType::Bool {
            check_bools(&layout.shape, &layout.strides, self.ptr.as_ptr(), &[0])?;
        }
        // SAFETY: the new layout covers exactly the bytes of this one's elements (NumPy's
        // rules keep every element inside the last axis' bytes), aligned for `U`; every
        // bit pattern is a valid `U` except for bool, whose bytes were just checked; the
        // view borrows the array.
        Ok(unsafe { ArrayView::from_layout(layout) })
    }

    /// The elements' bytes read as elements of `descr` (`a.view(dtype)`): records as raw
    /// `V<n>` blocks, an `int32` array as `float32`, rows of bytes as one record each.
    /// A view, never a copy.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{Descr, DynArray};
    /// let a = DynArray::from(Array::<i8>::arange(6).into_shape(&[2, 3]).unwrap());
    /// let v = a.view_dtype(&Descr::void(3)).unwrap(); // a.view('V3')
    /// assert_eq!((v.shape(), v.strides()), (&[2, 1][..], &[3, 3][..]));
    /// ```
    ///
    /// # Errors
    /// NumPy's, as [`view_as`](Self::view_as); and a view as `bool` (or a record with
    /// `bool` fields) of bytes other than 0 and 1.
    pub fn view_dtype(&self, descr: &Descr) -> Result<DynView<'_>> {
        let (shape, strides) = self.dtype_view_layout(descr.itemsize(), descr.subdtype().is_some())?;
        let mut bools = Vec::new();
        for_each_leaf(descr, 0, &mut |leaf, at| {
            if leaf.numeric() == Some(DType::Bool) {
                bools.push(at);
            }
        });
        if !bools.is_empty() {
            check_bools(&shape, &strides, self.ptr.as_ptr(), &bools)?;
        }
        let (shape, strides, descr) = crate::dynarray::expanded(&shape, &strides, descr);
        // SAFETY: as `view_as`: the layout covers this array's bytes, which the view
        // borrows; any bytes are valid for a dynamic dtype except bool bytes, checked above.
        Ok(unsafe { crate::dynarray::DynView::from_layout(Layout::dynamic(self.ptr, shape, strides, descr)) })
    }
}

/// Checks that the bytes at `offsets` inside every element of the layout hold 0 or 1.
fn check_bools(shape: &[usize], strides: &[isize], ptr: *const u8, offsets: &[usize]) -> Result<()> {
    let strides: SmallVec<[isize; 6]> = SmallVec::from_slice(strides);
    for off in Walk::new(shape, &strides) {
        for &b in offsets {
            // SAFETY: `off` is the offset of an element of the array being viewed and `b`
            // lies inside the element; the bytes are initialised data of the array.
            let byte = unsafe { *ptr.offset(off).add(b) };
            if byte > 1 {
                return Err(Error::BoolBytes { byte });
            }
        }
    }
    Ok(())
}
