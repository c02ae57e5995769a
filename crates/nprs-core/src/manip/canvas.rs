//! A new array being filled region by region.
//!
//! Joining, padding, rolling and inserting all build their result by copying whole
//! sub-arrays into rectangular regions of a freshly allocated buffer. A [`Canvas`] wraps
//! that uninitialised buffer: every write goes through the iteration engine
//! ([`crate::zip`]), which merges contiguous axes into long runs and copies them as slices,
//! and regions that are already written can be read back as views (padding modes read
//! the data they extend).
#![allow(unsafe_code)] // writes into uninitialised memory; each block says why it holds

use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{Array, ArrayView};
use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::Element;
use crate::error::Result;
use crate::zip;

/// The buffer of an array under construction, with its shape and element strides.
pub(crate) struct Canvas<T: Element> {
    ptr: NonNull<T>,
    shape: Shape,
    strides: Strides,
}

impl<T: Element> Canvas<T> {
    fn offset(&self, start: &[usize]) -> isize {
        start.iter().zip(&self.strides).map(|(&i, &s)| i as isize * s).sum()
    }

    fn region_ptr(&self, start: &[usize]) -> *mut T {
        // SAFETY: callers only pass starts of non-empty regions inside the canvas, so the
        // offset stays inside the allocation.
        unsafe { self.ptr.as_ptr().offset(self.offset(start)) }
    }

    /// Copies `src` into the region that starts at `start` and has `src`'s shape.
    ///
    /// # Safety
    /// The region must lie inside the canvas, and `src` must not read memory of that
    /// region (it may read other, already written, regions of the canvas).
    pub(crate) unsafe fn write(&self, start: &[usize], src: &ArrayView<'_, T>) {
        debug_assert_eq!(start.len(), self.shape.len());
        if src.size() == 0 {
            return;
        }
        // SAFETY: the region is inside the canvas and disjoint from what `src` reads.
        unsafe { zip::map_raw(self.region_ptr(start), &self.strides, src, &|x| x) }
    }

    /// Copies `src` in C order into the stretch of `src.size()` elements that starts at
    /// flat position `offset` of a 1-d canvas.
    ///
    /// # Safety
    /// The canvas must be 1-d and the stretch inside it; `src` must not read it.
    pub(crate) unsafe fn write_flat(&self, offset: usize, src: &ArrayView<'_, T>) {
        debug_assert_eq!(self.shape.len(), 1);
        if src.size() == 0 {
            return;
        }
        let strides = dims::contiguous_strides(src.shape(), Order::C);
        // SAFETY: a contiguous stretch inside the 1-d canvas, disjoint from `src`.
        unsafe { zip::map_raw(self.region_ptr(&[offset]), &strides, src, &|x| x) }
    }

    /// Writes `f(a, b)` for each pair of elements of `a` and `b` (of equal shapes) into the
    /// region that starts at `start`.
    ///
    /// # Safety
    /// As [`write`](Self::write), for both inputs.
    pub(crate) unsafe fn write_zip<F: Fn(T, T) -> T + Sync + Send>(
        &self,
        start: &[usize],
        a: &ArrayView<'_, T>,
        b: &ArrayView<'_, T>,
        f: F,
    ) {
        if a.size() == 0 {
            return;
        }
        // SAFETY: as `write`.
        unsafe { zip::zip_raw(self.region_ptr(start), &self.strides, a, b, &f) }
    }

    /// Sets every element of the region `start`, `shape` to `value`.
    ///
    /// # Safety
    /// The region must lie inside the canvas.
    pub(crate) unsafe fn fill(&self, start: &[usize], shape: &[usize], value: T) {
        let src = ArrayView::from_shape(&[], std::slice::from_ref(&value)).expect("one element fits shape ()");
        let src = src.broadcast_to(shape).expect("a 0-d array broadcasts to any shape");
        // SAFETY: the region is inside the canvas; `src` reads only the local `value`.
        unsafe { self.write(start, &src) }
    }

    /// A read-only view of the region `start`, `shape`.
    ///
    /// # Safety
    /// The region must lie inside the canvas. Only elements already written may be read
    /// through the view, and those must not be written again while it lives.
    pub(crate) unsafe fn view(&self, start: &[usize], shape: &[usize]) -> ArrayView<'_, T> {
        let empty = shape.contains(&0);
        let ptr = if empty { self.ptr.as_ptr() } else { self.region_ptr(start) };
        // SAFETY: the region is initialised and inside the canvas (caller's contract); an
        // empty view reads nothing.
        unsafe {
            ArrayView::from_raw_parts(NonNull::new_unchecked(ptr), SmallVec::from_slice(shape), self.strides.clone())
        }
    }
}

/// Builds a new array of `shape` in `order`; `fill` must write every element through the
/// canvas it is given.
///
/// # Errors
/// When the shape is too large to allocate.
///
/// # Safety
/// `fill` must write every element of the canvas (and read only what it wrote).
pub(crate) unsafe fn build<T: Element>(
    shape: &[usize],
    order: Order,
    fill: impl FnOnce(&Canvas<T>),
) -> Result<Array<T>> {
    // SAFETY: forwarded: `fill` writes every element.
    unsafe {
        Array::build_uninit(shape, order, |buf| {
            let ptr = NonNull::new(buf.as_mut_ptr().cast::<T>()).expect("a buffer pointer is never null");
            let canvas =
                Canvas { ptr, shape: SmallVec::from_slice(shape), strides: dims::contiguous_strides(shape, order) };
            fill(&canvas);
        })
    }
}
