//! Element iterators in C order, `ndenumerate`, and iteration over an axis or over lanes.
//!
//! Iteration over an axis ([`axis_iter`](Layout::axis_iter), [`outer_iter`](Layout::outer_iter))
//! and over lanes ([`lanes`](Layout::lanes), [`rows`](Layout::rows)) gives views, and is
//! written once on the layout: a typed array yields [`ArrayView`]s, a dynamic array
//! [`DynView`](crate::DynView)s.
#![allow(unsafe_code)] // strided pointer walks; each block says why it holds

use std::marker::PhantomData;
use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{ArrayBase, ArrayView, ArrayViewMut};
use crate::dims::{self, Shape};
use crate::dtype::Element;
use crate::error::Result;
use crate::layout::{Layout, LayoutKind};
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
    /// The multi-index of the element the next call yields.
    pub(crate) fn index(&self) -> &Shape {
        &self.index
    }

    /// The walk over every element of a layout in C order (a C-contiguous layout walks as
    /// one axis).
    pub(crate) fn of<K: LayoutKind>(l: &Layout<K>) -> Self {
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
    inner: IterInner<'a, T>,
}

/// A C-contiguous array's elements are a slice; others take the strided walk.
enum IterInner<'a, T: Element> {
    Slice(std::slice::Iter<'a, T>),
    Walk { ptr: NonNull<T>, walk: Walk, _life: PhantomData<&'a T> },
}

impl<'a, T: Element> Iter<'a, T> {
    pub(crate) fn new(v: &ArrayView<'a, T>) -> Self {
        let inner = if v.layout.is_c_contiguous() {
            // SAFETY: a C-contiguous view's `size` elements lie one after the other from
            // its first element, initialised and borrowed (shared) for `'a`; an empty
            // view's pointer is non-null and aligned.
            let s: &'a [T] = unsafe { std::slice::from_raw_parts(v.elem_ptr().as_ptr(), v.layout.size()) };
            IterInner::Slice(s.iter())
        } else {
            IterInner::Walk { ptr: v.elem_ptr(), walk: Walk::of(&v.layout), _life: PhantomData }
        };
        Iter { inner }
    }
}

impl<T: Element> Iterator for Iter<'_, T> {
    type Item = T;
    #[inline]
    fn next(&mut self) -> Option<T> {
        match &mut self.inner {
            IterInner::Slice(s) => s.next().copied(),
            IterInner::Walk { ptr, walk, .. } => {
                let off = walk.next()?;
                // SAFETY: the walk only yields offsets of elements of the borrowed view.
                Some(unsafe { *ptr.as_ptr().byte_offset(off) })
            }
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.inner {
            IterInner::Slice(s) => s.size_hint(),
            IterInner::Walk { walk, .. } => (walk.remaining, Some(walk.remaining)),
        }
    }
    fn fold<B, F: FnMut(B, T) -> B>(self, init: B, mut f: F) -> B {
        match self.inner {
            IterInner::Slice(s) => s.fold(init, |acc, &x| f(acc, x)),
            IterInner::Walk { ptr, walk, .. } => walk.fold(init, |acc, off| {
                // SAFETY: as in `next`.
                f(acc, unsafe { *ptr.as_ptr().byte_offset(off) })
            }),
        }
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

/// Iterator over the sub-arrays along one axis (`for row in arr` iterates axis 0): views
/// of the array's own kind ([`ArrayView`] or [`DynView`](crate::DynView)).
pub struct AxisIter<'a, K: LayoutKind> {
    base: &'a Layout<K>,
    axis: usize,
    pos: usize,
}

impl<'a, K: LayoutKind> Iterator for AxisIter<'a, K> {
    type Item = K::View<'a>;
    fn next(&mut self) -> Option<K::View<'a>> {
        if self.pos >= self.base.shape[self.axis] {
            return None;
        }
        let mut shape = self.base.shape.clone();
        let mut strides = self.base.strides.clone();
        let off = self.pos as isize * strides[self.axis];
        shape.remove(self.axis);
        strides.remove(self.axis);
        self.pos += 1;
        // A sub-layout at a valid index of `axis`.
        Some(self.base.view_of(self.base.at_offset(off, shape, strides)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.base.shape[self.axis] - self.pos;
        (n, Some(n))
    }
}

impl<K: LayoutKind> ExactSizeIterator for AxisIter<'_, K> {}

/// Iterator over the 1-d lanes along one axis: every 1-d view obtained by fixing all other
/// indices (for a 2-d array, lanes along axis 1 are its rows).
pub struct Lanes<'a, K: LayoutKind> {
    base: &'a Layout<K>,
    walk: Walk,
    len: usize,
    stride: isize,
}

impl<'a, K: LayoutKind> Iterator for Lanes<'a, K> {
    type Item = K::View<'a>;
    fn next(&mut self) -> Option<K::View<'a>> {
        let off = self.walk.next()?;
        let lane = self.base.at_offset(off, SmallVec::from_slice(&[self.len]), SmallVec::from_slice(&[self.stride]));
        // A 1-d sub-layout of the borrowed one.
        Some(self.base.view_of(lane))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.walk.size_hint()
    }
}

impl<K: LayoutKind> ExactSizeIterator for Lanes<'_, K> {}

impl<S: Data> ArrayBase<S> {
    /// `(index, value)` pairs in C order (`numpy.ndenumerate`).
    pub fn indexed_iter(&self) -> IndexedIter<'_, S::Elem> {
        IndexedIter { ptr: self.elem_ptr(), walk: Walk::new(&self.shape, &self.strides), _life: PhantomData }
    }
}

impl<K: LayoutKind> Layout<K> {
    /// Sub-arrays along `axis`, each a view with that axis removed.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// let cols: Vec<Vec<i32>> = a.axis_iter(1).unwrap().map(|c| c.to_vec()).collect();
    /// assert_eq!(cols, vec![vec![1, 4], vec![2, 5], vec![3, 6]]);
    /// // The same on a dynamic array, which yields dynamic views.
    /// let d = DynArray::from(a);
    /// assert_eq!(d.axis_iter(-1).unwrap().map(|c| c.shape().to_vec()).last(), Some(vec![2]));
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`].
    pub fn axis_iter(&self, axis: isize) -> Result<AxisIter<'_, K>> {
        let axis = dims::normalize_axis(axis, self.ndim())?;
        Ok(AxisIter { base: self, axis, pos: 0 })
    }

    /// Sub-arrays along axis 0 (`for x in arr`).
    ///
    /// # Panics
    /// On a 0-d array ("iteration over a 0-d array").
    #[track_caller]
    pub fn outer_iter(&self) -> AxisIter<'_, K> {
        assert!(self.ndim() > 0, "iteration over a 0-d array");
        AxisIter { base: self, axis: 0, pos: 0 }
    }

    /// The 1-d lanes along `axis`, in C order of the other indices.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let d = DynArray::from(array![[1.0, 2.0], [3.0, 4.0]]);
    /// let sums: Vec<f64> = d.lanes(0).unwrap().map(|l| l.typed::<f64>().unwrap().iter().sum()).collect();
    /// assert_eq!(sums, vec![4.0, 6.0]);
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`].
    pub fn lanes(&self, axis: isize) -> Result<Lanes<'_, K>> {
        let axis = dims::normalize_axis(axis, self.ndim())?;
        let mut shape = self.shape.clone();
        let mut strides = self.strides.clone();
        let len = shape.remove(axis);
        let stride = strides.remove(axis);
        let walk = Walk::new(&shape, &strides);
        Ok(Lanes { base: self, walk, len, stride })
    }

    /// The rows of a 2-d array (lanes along the last axis).
    ///
    /// # Errors
    /// [`crate::Error::AxisOutOfBounds`] on a 0-d array.
    pub fn rows(&self) -> Result<Lanes<'_, K>> {
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
