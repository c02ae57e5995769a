//! Dynamic arrays over memory they do not own (memory maps, foreign buffers), and the
//! bytes of contiguous dynamic arrays in memory order.
#![allow(unsafe_code)] // views from caller-supplied pointers and byte slices over buffers; each block says why

use std::ptr::NonNull;

use smallvec::SmallVec;

use super::{DynBase, DynData, DynDataMut, DynView, DynViewMut};
use crate::dims::{Order, Shape, Strides};
use crate::dtype::Descr;
use crate::layout::{Layout, contiguous_bytes};

/// The layout of a view of `shape`/`strides`/`descr` with a sub-array dtype moved into
/// trailing axes (C-contiguous inside each element), as arrays always hold them.
pub(crate) fn expanded(shape: &[usize], strides: &[isize], descr: &Descr) -> (Shape, Strides, Descr) {
    let mut shape: Shape = SmallVec::from_slice(shape);
    let mut strides: Strides = SmallVec::from_slice(strides);
    let mut d = descr.clone();
    while let Some(sub) = d.subdtype() {
        let base = sub.base.clone();
        shape.extend_from_slice(&sub.shape);
        strides.extend(contiguous_bytes(&sub.shape, base.itemsize(), Order::C));
        d = base;
    }
    (shape, strides, d)
}

impl DynView<'_> {
    /// A read-only view of elements of `descr` at `ptr` with the given shape and byte
    /// strides (a sub-array `descr` adds its axes at the end, as `numpy.ndarray(shape,
    /// dtype, buffer)` does).
    ///
    /// # Safety
    /// Every element addressed by `shape` and `strides` must be `descr.itemsize()`
    /// readable bytes that stay valid and unchanged for the view's lifetime; elements of
    /// bool type (fields included) must hold 0 or 1.
    #[must_use]
    pub unsafe fn from_raw_parts(ptr: NonNull<u8>, shape: &[usize], strides: &[isize], descr: &Descr) -> Self {
        assert_eq!(shape.len(), strides.len(), "one stride per axis");
        let (shape, strides, descr) = expanded(shape, strides, descr);
        // SAFETY: the caller's contract.
        unsafe { Self::from_layout(Layout::dynamic(ptr, shape, strides, descr)) }
    }
}

impl DynViewMut<'_> {
    /// A writable view of elements of `descr` at `ptr` with the given shape and byte
    /// strides (a sub-array `descr` adds its axes at the end).
    ///
    /// # Safety
    /// As [`DynView::from_raw_parts`], and the elements must be writable, not reached
    /// through any other reference for the view's lifetime, and no two indices may
    /// address overlapping bytes.
    #[must_use]
    pub unsafe fn from_raw_parts(ptr: NonNull<u8>, shape: &[usize], strides: &[isize], descr: &Descr) -> Self {
        assert_eq!(shape.len(), strides.len(), "one stride per axis");
        let (shape, strides, descr) = expanded(shape, strides, descr);
        // SAFETY: the caller's contract.
        unsafe { Self::from_layout(Layout::dynamic(ptr, shape, strides, descr)) }
    }
}

impl<S: DynData> DynBase<S> {
    /// True when the elements fill one block of memory in C or Fortran order.
    fn is_memory_contiguous(&self) -> bool {
        self.is_c_contiguous() || self.is_f_contiguous()
    }

    /// The elements' bytes in memory order, when they lie in C or Fortran order without
    /// gaps (as typed arrays' `as_slice_memory_order`); `None` otherwise.
    ///
    /// ```
    /// use nprs_core::{DynArray, array};
    /// let a = DynArray::from(array![1u16, 2]);
    /// assert_eq!(a.as_bytes_memory_order().unwrap().len(), 4);
    /// assert!(a.t().as_bytes_memory_order().is_some());
    /// ```
    #[must_use]
    pub fn as_bytes_memory_order(&self) -> Option<&[u8]> {
        if !self.is_memory_contiguous() {
            return None;
        }
        // SAFETY: the elements occupy exactly `nbytes` bytes from `ptr` (contiguous, and a
        // contiguous layout has non-negative strides from its first element); the slice
        // borrows `self`.
        Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.nbytes()) })
    }
}

impl<S: DynData + DynDataMut> DynBase<S> {
    /// The elements' bytes in memory order, writable, when they lie in C or Fortran order
    /// without gaps; `None` otherwise.
    ///
    /// # Safety
    /// Bytes of bool elements (fields included) must be left holding 0 or 1.
    #[must_use]
    pub unsafe fn as_bytes_memory_order_mut(&mut self) -> Option<&mut [u8]> {
        if !self.is_memory_contiguous() {
            return None;
        }
        // SAFETY: as `as_bytes_memory_order`; the storage is writable and uniquely
        // borrowed, and the caller keeps bool bytes valid.
        Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.nbytes()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DynArray;
    use crate::array;

    #[test]
    fn raw_views_expand_sub_arrays() {
        let buf = [1u8, 2, 3, 4, 5, 6];
        let d = Descr::subarray(Descr::from(crate::DType::UInt8), &[3]).unwrap();
        // SAFETY: two elements of three bytes lie in `buf`, which outlives the view.
        let v = unsafe { DynView::from_raw_parts(NonNull::from(&buf).cast(), &[2], &[3], &d) };
        assert_eq!(v.shape(), &[2, 3]);
        assert_eq!(v.strides(), &[3, 1]);
        assert_eq!(v.to_typed::<u8>().unwrap().to_vec(), vec![1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn bytes_of_contiguous_arrays_only() {
        let mut a = DynArray::from(array![[1i16, 2, 3], [4, 5, 6]]);
        assert_eq!(a.as_bytes_memory_order().map(<[u8]>::len), Some(12));
        assert!(a.t().as_bytes_memory_order().is_some());
        assert!(a.slice(crate::s![.., ..;2]).as_bytes_memory_order().is_none());
        // SAFETY: no bool elements.
        let b = unsafe { a.as_bytes_memory_order_mut() }.unwrap();
        b[0] = 9;
        assert_eq!(a.typed::<i16>().unwrap().get(&[0, 0]).unwrap(), i16::from_ne_bytes([9, 0]));
    }
}
