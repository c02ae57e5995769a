//! The array type: one struct for owned arrays and views, told apart by their storage.
#![allow(unsafe_code)] // pointer + strides views; each block says why it holds

use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::storage::{CowRepr, Data, DataMut, OwnedRepr, RawData, ViewRepr};

/// An N-dimensional array. Use the aliases [`Array`], [`ArrayView`] and [`ArrayViewMut`].
///
/// Shape and strides are held inline for up to six axes; strides are in elements and may
/// be negative or zero (broadcast).
pub struct ArrayBase<S: RawData> {
    pub(crate) data: S,
    pub(crate) ptr: NonNull<S::Elem>,
    pub(crate) shape: Shape,
    pub(crate) strides: Strides,
}

/// An owned array (NumPy's array with `OWNDATA`).
pub type Array<T> = ArrayBase<OwnedRepr<T>>;
/// A read-only view borrowing another array's data.
pub type ArrayView<'a, T> = ArrayBase<ViewRepr<&'a T>>;
/// A writable view borrowing another array's data uniquely.
pub type ArrayViewMut<'a, T> = ArrayBase<ViewRepr<&'a mut T>>;
/// A view or a copy, whichever NumPy would give (`reshape`, `ravel`).
pub type CowArray<'a, T> = ArrayBase<CowRepr<'a, T>>;

// SAFETY: owned data and views of `Send + Sync` elements may move between threads; a
// `ViewRepr<&mut T>` is as `Send` as `&mut T`.
unsafe impl<S: RawData + Send> Send for ArrayBase<S> {}
// SAFETY: shared access to the array only reads.
unsafe impl<S: RawData + Sync> Sync for ArrayBase<S> {}

/// NumPy's `flags` of an array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flags {
    /// `C_CONTIGUOUS`
    pub c_contiguous: bool,
    /// `F_CONTIGUOUS`
    pub f_contiguous: bool,
    /// `OWNDATA`
    pub owndata: bool,
    /// `WRITEABLE`
    pub writeable: bool,
}

impl<S: RawData> ArrayBase<S> {
    /// The length of each axis (`arr.shape`).
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The number of axes (`arr.ndim`).
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape.len()
    }

    /// The number of elements (`arr.size`).
    #[must_use]
    pub fn size(&self) -> usize {
        self.shape.iter().product()
    }

    /// The number of elements (`len(arr.ravel())`); same as [`size`](Self::size).
    #[must_use]
    pub fn len(&self) -> usize {
        self.size()
    }

    /// True when the array has no elements.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.size() == 0
    }

    /// The strides in bytes, as NumPy reports them (`arr.strides`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[3, 4]).unwrap();
    /// assert_eq!(a.strides(), vec![32, 8]);
    /// ```
    #[must_use]
    pub fn strides(&self) -> Vec<isize> {
        let item = size_of::<S::Elem>() as isize;
        self.strides.iter().map(|&s| s * item).collect()
    }

    /// The strides in elements.
    #[must_use]
    pub fn strides_elems(&self) -> &[isize] {
        &self.strides
    }

    /// Bytes per element (`arr.itemsize`).
    #[must_use]
    pub fn itemsize(&self) -> usize {
        size_of::<S::Elem>()
    }

    /// Bytes of all elements (`arr.nbytes`).
    #[must_use]
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// The dtype (`arr.dtype`).
    #[must_use]
    pub fn dtype(&self) -> DType {
        S::Elem::DTYPE
    }

    /// True when the elements lie in C order without gaps.
    #[must_use]
    pub fn is_c_contiguous(&self) -> bool {
        dims::is_c_contiguous(&self.shape, &self.strides)
    }

    /// True when the elements lie in Fortran order without gaps.
    #[must_use]
    pub fn is_f_contiguous(&self) -> bool {
        dims::is_f_contiguous(&self.shape, &self.strides)
    }

    /// NumPy's flags. `writeable` is false for read-only views.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1.0, 2.0], [3.0, 4.0]];
    /// let f = a.t().flags();
    /// assert!(!f.c_contiguous && f.f_contiguous && !f.owndata && !f.writeable);
    /// ```
    #[must_use]
    pub fn flags(&self) -> Flags {
        Flags {
            c_contiguous: self.is_c_contiguous(),
            f_contiguous: self.is_f_contiguous(),
            owndata: self.data.is_owned(),
            writeable: S::WRITEABLE,
        }
    }

    /// Pointer to the first element (the element at index `[0, 0, …]`).
    #[must_use]
    pub fn as_ptr(&self) -> *const S::Elem {
        self.ptr.as_ptr()
    }

    /// The byte range `[lo, hi)` spanned by the array's elements (empty arrays span nothing).
    #[must_use]
    pub fn byte_extent(&self) -> (usize, usize) {
        if self.size() == 0 {
            let p = self.ptr.as_ptr() as usize;
            return (p, p);
        }
        let item = size_of::<S::Elem>() as isize;
        let (mut lo, mut hi) = (0isize, 0isize);
        for (&d, &s) in self.shape.iter().zip(&self.strides) {
            let span = (d as isize - 1) * s;
            if span < 0 { lo += span } else { hi += span }
        }
        let base = self.ptr.as_ptr() as isize;
        ((base + lo * item) as usize, (base + (hi + 1) * item) as usize)
    }

    /// The element offsets (in elements) of the first and one past the last element
    /// reachable from `ptr`, as `(min, max_exclusive)`.
    pub(crate) fn offset_extent(&self) -> (isize, isize) {
        let (mut lo, mut hi) = (0isize, 0isize);
        for (&d, &s) in self.shape.iter().zip(&self.strides) {
            if d == 0 {
                return (0, 0);
            }
            let span = (d as isize - 1) * s;
            if span < 0 { lo += span } else { hi += span }
        }
        (lo, hi + 1)
    }
}

impl<S: Data> ArrayBase<S> {
    /// A read-only view of the whole array.
    #[must_use]
    pub fn view(&self) -> ArrayView<'_, S::Elem> {
        // SAFETY: the view borrows `self`, which keeps the data alive and unaliased by writers.
        unsafe { ArrayView::from_raw_parts(self.ptr, self.shape.clone(), self.strides.clone()) }
    }

    /// The elements as a slice, when the array is C-contiguous.
    #[must_use]
    pub fn as_slice(&self) -> Option<&[S::Elem]> {
        if self.is_c_contiguous() {
            // SAFETY: contiguous, so `size` elements from `ptr` belong to the array.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// The elements as a slice in memory order, when contiguous in C or F order (or any
    /// order of axes with positive strides and no gaps).
    #[must_use]
    pub fn as_slice_memory_order(&self) -> Option<&[S::Elem]> {
        if self.is_contiguous_any_order() {
            let (lo, _) = self.offset_extent();
            // SAFETY: the array covers exactly `size` elements starting at `ptr + lo`.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr().offset(lo), self.size()) })
        } else {
            None
        }
    }

    /// True when the elements occupy `size` consecutive slots in some axis order.
    pub(crate) fn is_contiguous_any_order(&self) -> bool {
        if self.is_c_contiguous() || self.is_f_contiguous() {
            return true;
        }
        let mut axes: SmallVec<[(usize, isize); 6]> =
            self.shape.iter().zip(&self.strides).filter(|(d, _)| **d != 1).map(|(&d, &s)| (d, s.abs())).collect();
        axes.sort_by_key(|&(_, s)| s);
        let mut acc = 1isize;
        for (d, s) in axes {
            if s != acc {
                return false;
            }
            acc *= d as isize;
        }
        true
    }

    /// The element at a multi-index; negative indices count from the end.
    ///
    /// # Errors
    /// [`Error::TooManyIndices`] / [`Error::IndexOutOfBounds`] in NumPy's words; an index
    /// with fewer entries than axes is an error here too (use slicing for sub-arrays).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.get(&[1, -1]).unwrap(), 6);
    /// assert_eq!(a.get(&[2, 0]).unwrap_err().to_string(), "index 2 is out of bounds for axis 0 with size 2");
    /// ```
    pub fn get(&self, index: &[isize]) -> Result<S::Elem> {
        let off = self.offset_of(index)?;
        // SAFETY: `offset_of` checked every index against its axis.
        Ok(unsafe { *self.ptr.as_ptr().offset(off) })
    }

    /// The element offset (in elements from `ptr`) of a full multi-index.
    pub(crate) fn offset_of(&self, index: &[isize]) -> Result<isize> {
        if index.len() > self.ndim() {
            return Err(Error::TooManyIndices { ndim: self.ndim(), given: index.len() });
        }
        if index.len() < self.ndim() {
            return Err(Error::Value(format!("an element index needs {} indices, {} given", self.ndim(), index.len())));
        }
        let mut off = 0isize;
        for (axis, (&i, (&d, &s))) in index.iter().zip(self.shape.iter().zip(&self.strides)).enumerate() {
            off += dims::normalize_index(i, axis, d)? as isize * s;
        }
        Ok(off)
    }

    /// The single element of a 0-d or size-1 array (`arr.item()`).
    ///
    /// # Errors
    /// When the array has more than one element.
    pub fn item(&self) -> Result<S::Elem> {
        if self.size() != 1 {
            return Err(Error::Value("can only convert an array of size 1 to a Python scalar".into()));
        }
        // SAFETY: the array has exactly one element, at `ptr`.
        Ok(unsafe { *self.ptr.as_ptr() })
    }

    /// A new owned array with the same elements (C order unless already F-contiguous, as
    /// NumPy's `copy(order='K')` does for these layouts).
    #[must_use]
    pub fn to_owned(&self) -> Array<S::Elem> {
        let order = if self.is_f_contiguous() && !self.is_c_contiguous() { Order::F } else { Order::C };
        self.to_owned_order(order)
    }

    /// A new owned array in the given memory order (`arr.copy(order=…)`).
    #[must_use]
    pub fn to_owned_order(&self, order: Order) -> Array<S::Elem> {
        crate::copy::copy_to_order(&self.view(), order)
    }

    /// The elements in C (row-major) order as a `Vec`.
    #[must_use]
    pub fn to_vec(&self) -> Vec<S::Elem> {
        if let Some(s) = self.as_slice() {
            return s.to_vec();
        }
        self.to_owned_order(Order::C).into_raw_vec()
    }

    /// The elements in the order the iteration engine walks them (memory order where the
    /// layout allows: the order NumPy's iterator uses for `order='K'`).
    #[must_use]
    pub fn to_vec_memory_order(&self) -> Vec<S::Elem> {
        if let Some(s) = self.as_slice_memory_order() {
            return s.to_vec();
        }
        let item = size_of::<S::Elem>() as isize;
        let st: Strides = self.strides.iter().map(|&s| s * item).collect();
        let plan = crate::engine::Plan::<1>::new(&self.shape, [&st]);
        let mut out = Vec::with_capacity(self.size());
        // SAFETY: the plan walks exactly the elements of this view.
        unsafe {
            plan.for_each_run([self.ptr.as_ptr().cast()], |p, s, len| {
                for i in 0..len as isize {
                    out.push(*p[0].offset(i * s[0]).cast::<S::Elem>());
                }
            });
        }
        out
    }

    /// Iterates over the elements in C (row-major) order.
    pub fn iter(&self) -> crate::iter::Iter<'_, S::Elem> {
        crate::iter::Iter::new(&self.view())
    }
}

impl<S: DataMut> ArrayBase<S> {
    /// Writable pointer to the first element (the element at index `[0, 0, …]`), for code
    /// that writes through the array's strides itself. The array stays borrowed uniquely
    /// only while `&mut self` lives; the caller keeps writes within the elements the
    /// shape and strides reach.
    pub fn as_mut_ptr(&mut self) -> *mut S::Elem {
        self.ptr.as_ptr()
    }

    /// A writable view of the whole array.
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, S::Elem> {
        // SAFETY: the view borrows `self` uniquely for its lifetime.
        unsafe { ArrayViewMut::from_raw_parts(self.ptr, self.shape.clone(), self.strides.clone()) }
    }

    /// The elements as a mutable slice, when C-contiguous.
    pub fn as_slice_mut(&mut self) -> Option<&mut [S::Elem]> {
        if self.is_c_contiguous() {
            // SAFETY: contiguous and uniquely borrowed.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// The elements as a mutable slice in memory order, when contiguous in some order.
    pub fn as_slice_memory_order_mut(&mut self) -> Option<&mut [S::Elem]> {
        if self.is_contiguous_any_order() {
            let (lo, _) = self.offset_extent();
            // SAFETY: contiguous in memory and uniquely borrowed.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr().offset(lo), self.size()) })
        } else {
            None
        }
    }

    /// A mutable reference to the element at a multi-index.
    ///
    /// # Errors
    /// As [`get`](Self::get).
    pub fn get_mut(&mut self, index: &[isize]) -> Result<&mut S::Elem> {
        let off = self.offset_of(index)?;
        // SAFETY: the offset was bounds-checked, and `self` is uniquely borrowed.
        Ok(unsafe { &mut *self.ptr.as_ptr().offset(off) })
    }

    /// Writes `value` at a multi-index.
    ///
    /// # Errors
    /// As [`get`](Self::get).
    pub fn set(&mut self, index: &[isize], value: S::Elem) -> Result<()> {
        *self.get_mut(index)? = value;
        Ok(())
    }

    /// Sets every element to `value` (`arr.fill(value)`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let mut a = Array::<i64>::zeros(&[2, 3]).unwrap();
    /// a.slice_mut(s![.., 1]).fill(7); // a[:, 1] = 7
    /// assert_eq!(a.to_vec(), vec![0, 7, 0, 0, 7, 0]);
    /// ```
    pub fn fill(&mut self, value: S::Elem) {
        crate::zip::for_each_mut(&mut self.view_mut(), |x| *x = value);
    }

    /// Applies `f` to every element in place.
    pub fn map_inplace(&mut self, f: impl Fn(&mut S::Elem) + Sync + Send) {
        crate::zip::for_each_mut(&mut self.view_mut(), f);
    }

    /// Copies `src` into `self`, broadcasting `src` to `self`'s shape (`self[...] = src`).
    ///
    /// # Errors
    /// When `src` cannot be broadcast to `self`'s shape.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let mut a = Array::<i64>::zeros(&[2, 3]).unwrap();
    /// a.assign(&array![1, 2, 3]).unwrap(); // a[...] = [1, 2, 3]
    /// assert_eq!(a.to_vec(), vec![1, 2, 3, 1, 2, 3]);
    /// ```
    pub fn assign<S2: Data<Elem = S::Elem>>(&mut self, src: &ArrayBase<S2>) -> Result<()> {
        let src = src.broadcast_to(&self.shape)?;
        crate::zip::zip_mut_with(&mut self.view_mut(), &src, |d, s| *d = s);
        Ok(())
    }

    /// Iterates mutably over the elements in C order.
    pub fn iter_mut(&mut self) -> crate::iter::IterMut<'_, S::Elem> {
        crate::iter::IterMut::new(&self.view_mut())
    }
}

impl<'a, T: Element> ArrayView<'a, T> {
    /// A view from a pointer, shape and strides (in elements).
    ///
    /// # Safety
    /// Every element reachable through `shape`/`strides` from `ptr` must be valid for reads
    /// for `'a`, and not written through another path during `'a`.
    #[must_use]
    pub unsafe fn from_raw_parts(ptr: NonNull<T>, shape: Shape, strides: Strides) -> Self {
        ArrayBase { data: ViewRepr::new(), ptr, shape, strides }
    }

    /// A 1-d view of a slice.
    #[must_use]
    pub fn from_slice(s: &'a [T]) -> Self {
        // SAFETY: the slice is borrowed for 'a and holds `len` elements at stride 1.
        unsafe {
            Self::from_raw_parts(
                NonNull::new_unchecked(s.as_ptr().cast_mut()),
                SmallVec::from_slice(&[s.len()]),
                SmallVec::from_slice(&[1]),
            )
        }
    }

    /// A view of a slice with the given shape (C order).
    ///
    /// # Errors
    /// [`Error::Reshape`] when the sizes differ.
    pub fn from_shape(shape: &[usize], s: &'a [T]) -> Result<Self> {
        let n = dims::check_bytes(shape, size_of::<T>())?;
        if n != s.len() {
            return Err(Error::Reshape { size: s.len(), shape: shape.iter().map(|&d| d as isize).collect() });
        }
        // SAFETY: the slice holds exactly the `n` elements of a C-contiguous `shape`.
        Ok(unsafe {
            Self::from_raw_parts(
                NonNull::new_unchecked(s.as_ptr().cast_mut()),
                SmallVec::from_slice(shape),
                dims::contiguous_strides(shape, Order::C),
            )
        })
    }

    /// Re-borrows the view for its full lifetime `'a` (views are cheap to copy).
    #[must_use]
    pub fn reborrow(&self) -> ArrayView<'a, T> {
        // SAFETY: same data, same lifetime.
        unsafe { ArrayView::from_raw_parts(self.ptr, self.shape.clone(), self.strides.clone()) }
    }

    /// The elements as a slice with the view's lifetime, when C-contiguous.
    #[must_use]
    pub fn to_slice(&self) -> Option<&'a [T]> {
        if self.is_c_contiguous() {
            // SAFETY: contiguous, borrowed for 'a.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.size()) })
        } else {
            None
        }
    }
}

impl<T: Element> Clone for ArrayView<'_, T> {
    fn clone(&self) -> Self {
        self.reborrow()
    }
}

impl<'a, T: Element> ArrayViewMut<'a, T> {
    /// A writable view from a pointer, shape and strides (in elements).
    ///
    /// # Safety
    /// Every element reachable must be valid for reads and writes for `'a`, reachable
    /// through no other path during `'a`, and no two indices may address the same element.
    #[must_use]
    pub unsafe fn from_raw_parts(ptr: NonNull<T>, shape: Shape, strides: Strides) -> Self {
        ArrayBase { data: ViewRepr::new(), ptr, shape, strides }
    }

    /// A 1-d writable view of a mutable slice.
    pub fn from_slice_mut(s: &'a mut [T]) -> Self {
        // SAFETY: the slice is uniquely borrowed for 'a.
        unsafe {
            Self::from_raw_parts(
                NonNull::new_unchecked(s.as_mut_ptr()),
                SmallVec::from_slice(&[s.len()]),
                SmallVec::from_slice(&[1]),
            )
        }
    }

    /// Re-borrows mutably for a shorter lifetime.
    pub fn reborrow_mut(&mut self) -> ArrayViewMut<'_, T> {
        // SAFETY: the new view borrows `self` uniquely.
        unsafe { ArrayViewMut::from_raw_parts(self.ptr, self.shape.clone(), self.strides.clone()) }
    }

    /// Turns the writable view into a read-only view of the same lifetime.
    #[must_use]
    pub fn into_view(self) -> ArrayView<'a, T> {
        // SAFETY: giving up write access keeps the borrow's guarantees.
        unsafe { ArrayView::from_raw_parts(self.ptr, self.shape, self.strides) }
    }
}

impl<T: Element> Array<T> {
    /// An owned array from a shape and a `Vec` of elements in C order.
    ///
    /// # Errors
    /// [`Error::Reshape`] when `v.len()` differs from the shape's size.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::from_shape_vec(&[2, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
    /// assert_eq!(a.get(&[1, 0]).unwrap(), 3.0);
    /// ```
    pub fn from_shape_vec(shape: &[usize], v: Vec<T>) -> Result<Self> {
        Self::from_shape_vec_order(shape, v, Order::C)
    }

    /// An owned array from a shape and a `Vec` of elements in the given memory order.
    ///
    /// # Errors
    /// [`Error::Reshape`] when `v.len()` differs from the shape's size.
    pub fn from_shape_vec_order(shape: &[usize], v: Vec<T>, order: Order) -> Result<Self> {
        let n = dims::check_bytes(shape, size_of::<T>())?;
        if n != v.len() {
            return Err(Error::Reshape { size: v.len(), shape: shape.iter().map(|&d| d as isize).collect() });
        }
        let data = OwnedRepr::from_vec(v);
        Ok(Self::from_owned(data, SmallVec::from_slice(shape), dims::contiguous_strides(shape, order), 0))
    }

    /// A 1-d array of a `Vec`'s elements.
    #[must_use]
    pub fn from_vec(v: Vec<T>) -> Self {
        let n = v.len();
        Self::from_shape_vec(&[n], v).expect("a Vec's length fits its own shape")
    }

    /// A 0-d array holding `value`.
    #[must_use]
    pub fn from_elem_0d(value: T) -> Self {
        Self::from_shape_vec(&[], vec![value]).expect("one element fits shape ()")
    }

    pub(crate) fn from_owned(data: OwnedRepr<T>, shape: Shape, strides: Strides, offset: isize) -> Self {
        // SAFETY: `offset` addresses the first element inside the buffer (callers ensure).
        let ptr = unsafe { NonNull::new_unchecked(data.as_ptr().as_ptr().offset(offset)) };
        ArrayBase { data, ptr, shape, strides }
    }

    /// Builds an array of `shape` in `order` by writing every element through `init`,
    /// which receives the uninitialised buffer in memory order.
    ///
    /// # Errors
    /// On absurd sizes or failed allocation.
    ///
    /// # Safety
    /// `init` must write every element of the slice it is given.
    pub(crate) unsafe fn build_uninit(
        shape: &[usize],
        order: Order,
        init: impl FnOnce(&mut [std::mem::MaybeUninit<T>]),
    ) -> Result<Self> {
        let n = dims::check_bytes(shape, size_of::<T>())?;
        // SAFETY: `init` writes every element before the array is exposed (caller contract).
        let data = unsafe { OwnedRepr::<T>::uninit(n, shape)? };
        // SAFETY: the buffer holds `n` slots; MaybeUninit<T> has T's layout.
        let slots = unsafe { std::slice::from_raw_parts_mut(data.as_ptr().as_ptr().cast(), n) };
        init(slots);
        Ok(Self::from_owned(data, SmallVec::from_slice(shape), dims::contiguous_strides(shape, order), 0))
    }

    /// Consumes the array and returns its elements in C order.
    #[must_use]
    pub fn into_raw_vec(self) -> Vec<T> {
        if self.is_c_contiguous() && self.ptr == self.data.as_ptr() && self.data.len() == self.size() {
            return self.data.as_slice().to_vec();
        }
        self.to_vec()
    }

    /// Makes the array a view-free owned array of the same shape in C order if needed,
    /// returning it unchanged when already C-contiguous.
    #[must_use]
    pub fn into_c_contiguous(self) -> Self {
        if self.is_c_contiguous() { self } else { self.to_owned_order(Order::C) }
    }
}

impl<T: Element> Clone for Array<T> {
    fn clone(&self) -> Self {
        let data = self.data.clone();
        // SAFETY: both pointers lie in (or one past) the same buffer.
        let offset = unsafe { self.ptr.as_ptr().offset_from(self.data.as_ptr().as_ptr()) };
        Self::from_owned(data, self.shape.clone(), self.strides.clone(), offset)
    }
}

impl<'a, T: Element> CowArray<'a, T> {
    /// True when this is a view of the original data (no copy was made).
    #[must_use]
    pub fn is_view(&self) -> bool {
        matches!(self.data, CowRepr::View(_))
    }

    /// Converts to an owned array (copying only when it is a view).
    #[must_use]
    pub fn into_owned(self) -> Array<T> {
        match self.data {
            CowRepr::Owned(data) => {
                // SAFETY: both pointers lie in the same buffer.
                let offset = unsafe { self.ptr.as_ptr().offset_from(data.as_ptr().as_ptr()) };
                Array::from_owned(data, self.shape, self.strides, offset)
            }
            CowRepr::View(_) => self.view().to_owned(),
        }
    }
}

impl<'a, T: Element> From<ArrayView<'a, T>> for CowArray<'a, T> {
    fn from(v: ArrayView<'a, T>) -> Self {
        ArrayBase { data: CowRepr::View(ViewRepr::new()), ptr: v.ptr, shape: v.shape, strides: v.strides }
    }
}

impl<T: Element> From<Array<T>> for CowArray<'_, T> {
    fn from(a: Array<T>) -> Self {
        ArrayBase { data: CowRepr::Owned(a.data), ptr: a.ptr, shape: a.shape, strides: a.strides }
    }
}

impl<SA: Data, SB: Data<Elem = SA::Elem>> PartialEq<ArrayBase<SB>> for ArrayBase<SA> {
    /// Equal shapes and equal elements (NaN differs from NaN, as `numpy.array_equal`).
    fn eq(&self, other: &ArrayBase<SB>) -> bool {
        self.shape == other.shape && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}
