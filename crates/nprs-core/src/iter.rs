//! Element iterators in C order, `ndenumerate`, and iteration over an axis or over lanes.
#![allow(unsafe_code)] // strided pointer walks; each block says why it holds

use std::marker::PhantomData;
use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{ArrayBase, ArrayView, ArrayViewMut};
use crate::dims::{self, Shape};
use crate::dtype::Element;
use crate::error::Result;
use crate::storage::{Data, DataMut};

/// A strided walk in C order over a layout: yields element offsets (in the strides' unit,
/// bytes for an array's layout).
#[derive(Clone)]
pub(crate) struct Walk {
    shape: Shape,
    strides: SmallVec<[isize; 6]>,
    index: Shape,
    offset: isize,
    remaining: usize,
}

impl Walk {
    pub(crate) fn new(shape: &[usize], strides: &[isize]) -> Self {
        Walk {
            shape: SmallVec::from_slice(shape),
            strides: SmallVec::from_slice(strides),
            index: SmallVec::from_elem(0, shape.len()),
            offset: 0,
            remaining: shape.iter().product(),
        }
    }
}

impl Walk {
    /// The walk over every element of a layout in C order (a C-contiguous layout walks as
    /// one axis).
    fn of<K: crate::layout::LayoutKind>(l: &crate::layout::Layout<K>) -> Self {
        if l.is_c_contiguous() {
            Walk::new(&[l.size()], &[l.itemsize() as isize])
        } else {
            Walk::new(&l.shape, &l.strides)
        }
    }
}

impl Iterator for Walk {
    type Item = isize;

    /// The current offset, then advances.
    #[inline]
    fn next(&mut self) -> Option<isize> {
        if self.remaining == 0 {
            return None;
        }
        let off = self.offset;
        self.remaining -= 1;
        if self.remaining > 0 {
            let mut ax = self.shape.len();
            while ax > 0 {
                ax -= 1;
                self.index[ax] += 1;
                // Wrapping steps: an axis of length one may carry any stride (NumPy's
                // `stride * step` of a one-element slice), stepped onto and straight back off;
                // the offsets handed out are those of elements, which fit.
                self.offset = self.offset.wrapping_add(self.strides[ax]);
                if self.index[ax] < self.shape[ax] {
                    break;
                }
                self.offset = self.offset.wrapping_sub(self.shape[ax].cast_signed().wrapping_mul(self.strides[ax]));
                self.index[ax] = 0;
            }
        }
        Some(off)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Iterator over an array's elements in C order, by value.
pub struct Iter<'a, T: Element> {
    ptr: NonNull<T>,
    walk: Walk,
    _life: PhantomData<&'a T>,
}

impl<'a, T: Element> Iter<'a, T> {
    pub(crate) fn new(v: &ArrayView<'a, T>) -> Self {
        // C-contiguous arrays walk as one axis.
        Iter { ptr: v.elem_ptr(), walk: Walk::of(&v.layout), _life: PhantomData }
    }
}

impl<T: Element> Iterator for Iter<'_, T> {
    type Item = T;
    #[inline]
    fn next(&mut self) -> Option<T> {
        let off = self.walk.next()?;
        // SAFETY: the walk only yields offsets of elements of the borrowed view.
        Some(unsafe { *self.ptr.as_ptr().byte_offset(off) })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.walk.remaining, Some(self.walk.remaining))
    }
}

impl<T: Element> ExactSizeIterator for Iter<'_, T> {}

/// Iterator over mutable references to an array's elements in C order.
pub struct IterMut<'a, T: Element> {
    ptr: NonNull<T>,
    walk: Walk,
    _life: PhantomData<&'a mut T>,
}

impl<'a, T: Element> IterMut<'a, T> {
    pub(crate) fn new(v: &ArrayViewMut<'a, T>) -> Self {
        IterMut { ptr: v.elem_ptr(), walk: Walk::of(&v.layout), _life: PhantomData }
    }
}

impl<'a, T: Element> Iterator for IterMut<'a, T> {
    type Item = &'a mut T;
    #[inline]
    fn next(&mut self) -> Option<&'a mut T> {
        let off = self.walk.next()?;
        // SAFETY: each offset is yielded once and addresses a distinct element of the
        // uniquely borrowed view.
        Some(unsafe { &mut *self.ptr.as_ptr().byte_offset(off) })
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.walk.remaining, Some(self.walk.remaining))
    }
}

/// Iterator of `(index, value)` pairs in C order (`numpy.ndenumerate`).
pub struct IndexedIter<'a, T: Element> {
    ptr: NonNull<T>,
    walk: Walk,
    _life: PhantomData<&'a T>,
}

impl<T: Element> Iterator for IndexedIter<'_, T> {
    type Item = (Shape, T);
    fn next(&mut self) -> Option<(Shape, T)> {
        let index = self.walk.index.clone();
        let off = self.walk.next()?;
        // SAFETY: the walk only yields offsets of elements of the borrowed view.
        Some((index, unsafe { *self.ptr.as_ptr().byte_offset(off) }))
    }
}

/// Iterator over the sub-arrays along one axis (`for row in arr` iterates axis 0).
pub struct AxisIter<'a, T: Element> {
    base: ArrayView<'a, T>,
    axis: usize,
    pos: usize,
}

impl<'a, T: Element> Iterator for AxisIter<'a, T> {
    type Item = ArrayView<'a, T>;
    fn next(&mut self) -> Option<ArrayView<'a, T>> {
        if self.pos >= self.base.shape[self.axis] {
            return None;
        }
        let mut shape = self.base.shape.clone();
        let mut strides = self.base.strides.clone();
        let off = self.pos as isize * strides[self.axis];
        shape.remove(self.axis);
        strides.remove(self.axis);
        self.pos += 1;
        // SAFETY: a sub-view of the borrowed view at a valid index of `axis`.
        Some(unsafe { ArrayView::from_layout(self.base.layout.at_offset(off, shape, strides)) })
    }
}

/// Iterator over the 1-d lanes along one axis: every 1-d view obtained by fixing all other
/// indices (for a 2-d array, lanes along axis 1 are its rows).
pub struct Lanes<'a, T: Element> {
    base: ArrayView<'a, T>,
    walk: Walk,
    len: usize,
    stride: isize,
}

impl<'a, T: Element> Iterator for Lanes<'a, T> {
    type Item = ArrayView<'a, T>;
    fn next(&mut self) -> Option<ArrayView<'a, T>> {
        let off = self.walk.next()?;
        let lane =
            self.base.layout.at_offset(off, SmallVec::from_slice(&[self.len]), SmallVec::from_slice(&[self.stride]));
        // SAFETY: a 1-d sub-view of the borrowed view.
        Some(unsafe { ArrayView::from_layout(lane) })
    }
}

impl<S: Data> ArrayBase<S> {
    /// `(index, value)` pairs in C order (`numpy.ndenumerate`).
    pub fn indexed_iter(&self) -> IndexedIter<'_, S::Elem> {
        IndexedIter { ptr: self.elem_ptr(), walk: Walk::new(&self.shape, &self.strides), _life: PhantomData }
    }

    /// Sub-arrays along `axis`, each with that axis removed.
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`].
    pub fn axis_iter(&self, axis: isize) -> Result<AxisIter<'_, S::Elem>> {
        let axis = dims::normalize_axis(axis, self.ndim())?;
        Ok(AxisIter { base: self.view(), axis, pos: 0 })
    }

    /// Sub-arrays along axis 0 (`for x in arr`).
    ///
    /// # Panics
    /// On a 0-d array ("iteration over a 0-d array").
    #[track_caller]
    pub fn outer_iter(&self) -> AxisIter<'_, S::Elem> {
        assert!(self.ndim() > 0, "iteration over a 0-d array");
        AxisIter { base: self.view(), axis: 0, pos: 0 }
    }

    /// The 1-d lanes along `axis`, in C order of the other indices.
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`].
    pub fn lanes(&self, axis: isize) -> Result<Lanes<'_, S::Elem>> {
        let axis = dims::normalize_axis(axis, self.ndim())?;
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        let len = shape.remove(axis);
        let stride = strides.remove(axis);
        let walk = Walk::new(&shape, &strides);
        Ok(Lanes { base: self.view(), walk, len, stride })
    }

    /// The rows of a 2-d array (lanes along the last axis).
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`] on a 0-d array.
    pub fn rows(&self) -> Result<Lanes<'_, S::Elem>> {
        self.lanes(-1)
    }
}

impl<S: DataMut> ArrayBase<S> {
    /// Calls `f` with each 1-d lane along `axis`, writable.
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`].
    pub fn for_each_lane_mut(&mut self, axis: isize, mut f: impl FnMut(ArrayViewMut<'_, S::Elem>)) -> Result<()> {
        let axis = dims::normalize_axis(axis, self.ndim())?;
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        let len = shape.remove(axis);
        let stride = strides.remove(axis);
        let walk = Walk::new(&shape, &strides);
        for off in walk {
            let lane = self.layout.at_offset(off, SmallVec::from_slice(&[len]), SmallVec::from_slice(&[stride]));
            // SAFETY: lanes are disjoint sub-views of the uniquely borrowed, writable array.
            f(unsafe { ArrayViewMut::from_layout(lane) });
        }
        Ok(())
    }
}

impl<'a, T: Element> IntoIterator for &'a ArrayView<'_, T> {
    type Item = T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}
