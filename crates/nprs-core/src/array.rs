//! The array type: one struct for owned arrays and views, told apart by their storage.
#![allow(unsafe_code)] // pointer + strides views; each block says why it holds

use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::{DType, Element};
use crate::error::{Error, Result};
use crate::layout::{Layout, LayoutKind, Typed, contiguous_bytes};
use crate::slice::SliceArg;
use crate::storage::{CowRepr, Data, DataMut, OwnedRepr, RawData, ViewRepr};

/// An N-dimensional array. Use the aliases [`Array`], [`ArrayView`] and [`ArrayViewMut`].
///
/// The array is its storage plus a [`Layout`]: shape and strides are held inline for up to
/// six axes; strides are in bytes, as NumPy's, and may be negative or zero (broadcast).
/// The array dereferences to its layout, where the shape accessors and every view-making
/// method (slicing, transposes, reshapes, broadcasting, …) live, shared with
/// [`DynBase`](crate::DynBase).
pub struct ArrayBase<S: RawData> {
    pub(crate) data: S,
    pub(crate) layout: Layout<Typed<S::Elem>>,
}

impl<S: RawData> std::ops::Deref for ArrayBase<S> {
    type Target = Layout<Typed<S::Elem>>;
    fn deref(&self) -> &Layout<Typed<S::Elem>> {
        &self.layout
    }
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
    /// The dtype (`arr.dtype`).
    #[must_use]
    pub fn dtype(&self) -> DType {
        S::Elem::DTYPE
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
        self.layout.flags_with(self.data.is_owned(), S::WRITEABLE)
    }

    /// Pointer to the first element (the element at index `[0, 0, …]`).
    #[must_use]
    pub fn as_ptr(&self) -> *const S::Elem {
        self.layout.elem_ptr().as_ptr()
    }
}

impl<S: Data> ArrayBase<S> {
    /// The elements as a slice, when the array is C-contiguous.
    #[must_use]
    pub fn as_slice(&self) -> Option<&[S::Elem]> {
        if self.is_c_contiguous() {
            // SAFETY: contiguous, so `size` elements from `ptr` belong to the array.
            Some(unsafe { std::slice::from_raw_parts(self.as_ptr(), self.size()) })
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
            // SAFETY: the array covers exactly `size` elements starting `lo` bytes from `ptr`.
            Some(unsafe { std::slice::from_raw_parts(self.ptr.as_ptr().offset(lo).cast(), self.size()) })
        } else {
            None
        }
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
        Ok(unsafe { *self.ptr.as_ptr().offset(off).cast::<S::Elem>() })
    }

    /// The single element of a 0-d or size-1 array (`arr.item()`).
    ///
    /// # Errors
    /// When the array has more than one element.
    pub fn item(&self) -> Result<S::Elem> {
        if self.size() != 1 {
            return Err(Error::ItemSize);
        }
        // SAFETY: the array has exactly one element, at `ptr`.
        Ok(unsafe { *self.as_ptr() })
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
        let plan = crate::engine::Plan::<1>::new(&self.shape, [&self.strides]);
        let mut out = Vec::with_capacity(self.size());
        // SAFETY: the plan walks exactly the elements of this view.
        unsafe {
            plan.for_each_run([self.ptr.as_ptr()], |p, s, len| {
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
        self.layout.elem_ptr().as_ptr()
    }

    /// A writable view of the whole array.
    pub fn view_mut(&mut self) -> ArrayViewMut<'_, S::Elem> {
        let whole = self.layout.at_offset(0, self.shape.clone(), self.strides.clone());
        // SAFETY: the view borrows `self` (writable) uniquely for its lifetime.
        unsafe { self.layout.view_mut_of(whole) }
    }

    /// A writable view of a basic slice.
    ///
    /// # Panics
    /// As [`slice`](Layout::slice).
    #[track_caller]
    pub fn slice_mut(&mut self, args: &[SliceArg]) -> ArrayViewMut<'_, S::Elem> {
        crate::error::or_panic(self.try_slice_mut(args))
    }

    /// A writable view of a basic slice.
    ///
    /// # Errors
    /// As [`try_slice`](Layout::try_slice).
    pub fn try_slice_mut(&mut self, args: &[SliceArg]) -> Result<ArrayViewMut<'_, S::Elem>> {
        let sliced = self.layout.sliced(args)?;
        // SAFETY: a basic slice never maps two indices to one element (new axes have length
        // one), and `self` is writable and borrowed uniquely.
        Ok(unsafe { self.layout.view_mut_of(sliced) })
    }

    /// A writable view of the sub-array at `index` along the first axes (`a[i]`).
    ///
    /// # Errors
    /// As [`at`](Layout::at).
    pub fn at_mut(&mut self, index: &[isize]) -> Result<ArrayViewMut<'_, S::Elem>> {
        self.try_slice_mut(&crate::layout::index_args(index))
    }

    /// The elements as a mutable slice, when C-contiguous.
    pub fn as_slice_mut(&mut self) -> Option<&mut [S::Elem]> {
        if self.is_c_contiguous() {
            // SAFETY: contiguous and uniquely borrowed.
            Some(unsafe { std::slice::from_raw_parts_mut(self.as_mut_ptr(), self.size()) })
        } else {
            None
        }
    }

    /// The elements as a mutable slice in memory order, when contiguous in some order.
    pub fn as_slice_memory_order_mut(&mut self) -> Option<&mut [S::Elem]> {
        if self.is_contiguous_any_order() {
            let (lo, _) = self.offset_extent();
            // SAFETY: contiguous in memory and uniquely borrowed.
            Some(unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr().offset(lo).cast(), self.size()) })
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
        Ok(unsafe { &mut *self.ptr.as_ptr().offset(off).cast::<S::Elem>() })
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
        // SAFETY: the caller's contract.
        unsafe { Self::from_layout(Layout::typed_elems(ptr, shape, strides)) }
    }

    /// A view of a layout.
    ///
    /// # Safety
    /// As [`from_raw_parts`](Self::from_raw_parts), for the layout's byte strides.
    pub(crate) unsafe fn from_layout(layout: Layout<Typed<T>>) -> Self {
        ArrayBase { data: ViewRepr::new(), layout }
    }

    /// A 1-d view of a slice.
    #[must_use]
    pub fn from_slice(s: &'a [T]) -> Self {
        let ptr = NonNull::from(s).cast::<T>();
        // SAFETY: the slice is borrowed for 'a and holds `len` elements at stride 1.
        unsafe { Self::from_raw_parts(ptr, SmallVec::from_slice(&[s.len()]), SmallVec::from_slice(&[1])) }
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
        let ptr = NonNull::from(s).cast::<T>();
        // SAFETY: the slice holds exactly the `n` elements of a C-contiguous `shape`.
        Ok(unsafe { Self::from_raw_parts(ptr, SmallVec::from_slice(shape), dims::contiguous_strides(shape, Order::C)) })
    }

    /// Re-borrows the view for its full lifetime `'a` (views are cheap to copy).
    #[must_use]
    pub fn reborrow(&self) -> ArrayView<'a, T> {
        let whole = self.layout.at_offset(0, self.shape.clone(), self.strides.clone());
        // SAFETY: same data, same lifetime.
        unsafe { ArrayView::from_layout(whole) }
    }

    /// Slices a view, keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`Layout::try_slice`].
    pub fn slice_move(self, args: &[SliceArg]) -> Result<ArrayView<'a, T>> {
        let sliced = self.layout.sliced(args)?;
        // SAFETY: a sub-view of a view with the same lifetime.
        Ok(unsafe { ArrayView::from_layout(sliced) })
    }

    /// The elements as a slice with the view's lifetime, when C-contiguous.
    #[must_use]
    pub fn to_slice(&self) -> Option<&'a [T]> {
        if self.is_c_contiguous() {
            // SAFETY: contiguous, borrowed for 'a.
            Some(unsafe { std::slice::from_raw_parts(self.as_ptr(), self.size()) })
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
        // SAFETY: the caller's contract.
        unsafe { Self::from_layout(Layout::typed_elems(ptr, shape, strides)) }
    }

    /// A writable view of a layout.
    ///
    /// # Safety
    /// As [`from_raw_parts`](Self::from_raw_parts), for the layout's byte strides.
    pub(crate) unsafe fn from_layout(layout: Layout<Typed<T>>) -> Self {
        ArrayBase { data: ViewRepr::new(), layout }
    }

    /// A 1-d writable view of a mutable slice.
    pub fn from_slice_mut(s: &'a mut [T]) -> Self {
        let n = s.len();
        let ptr = NonNull::from(s).cast::<T>();
        // SAFETY: the slice is uniquely borrowed for 'a.
        unsafe { Self::from_raw_parts(ptr, SmallVec::from_slice(&[n]), SmallVec::from_slice(&[1])) }
    }

    /// Re-borrows mutably for a shorter lifetime.
    pub fn reborrow_mut(&mut self) -> ArrayViewMut<'_, T> {
        self.view_mut()
    }

    /// Slices a writable view, keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`Layout::try_slice`].
    pub fn slice_move(self, args: &[SliceArg]) -> Result<ArrayViewMut<'a, T>> {
        let sliced = self.layout.sliced(args)?;
        // SAFETY: a sub-view of a unique view with the same lifetime; a basic slice never
        // maps two indices to one element.
        Ok(unsafe { ArrayViewMut::from_layout(sliced) })
    }

    /// Turns the writable view into a read-only view of the same lifetime.
    #[must_use]
    pub fn into_view(self) -> ArrayView<'a, T> {
        // SAFETY: giving up write access keeps the borrow's guarantees.
        unsafe { ArrayView::from_layout(self.layout) }
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
        Ok(Self::from_owned(data, SmallVec::from_slice(shape), contiguous_bytes(shape, size_of::<T>(), order), 0))
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

    /// An owned array over `data` with the given shape and byte strides, its first element
    /// `offset` bytes into the buffer (callers give a layout inside the buffer).
    pub(crate) fn from_owned(data: OwnedRepr<T>, shape: Shape, strides: Strides, offset: isize) -> Self {
        // SAFETY: `offset` addresses the first element inside the buffer (callers ensure).
        let ptr = unsafe { NonNull::new_unchecked(data.as_ptr().as_ptr().byte_offset(offset)) };
        ArrayBase { data, layout: Layout::typed(ptr, shape, strides) }
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
        Ok(Self::from_owned(data, SmallVec::from_slice(shape), contiguous_bytes(shape, size_of::<T>(), order), 0))
    }

    /// Consumes the array and returns its elements in C order.
    #[must_use]
    pub fn into_raw_vec(self) -> Vec<T> {
        if self.is_c_contiguous() && self.ptr.cast() == self.data.as_ptr() && self.data.len() == self.size() {
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

    /// Reshapes an owned array in place when possible, else copies (`arr.reshape` on an
    /// array you no longer need).
    ///
    /// # Errors
    /// As [`Layout::reshape`].
    pub fn into_shape(self, shape: impl crate::manip::IntoShape) -> Result<Array<T>> {
        crate::layout::into_shape::<Typed<T>>(self, shape)
    }

    /// The byte offset of the first element from the start of the buffer.
    fn buffer_offset(&self, data: &OwnedRepr<T>) -> isize {
        // SAFETY: both pointers lie in (or one past) the same buffer.
        unsafe { self.ptr.as_ptr().offset_from(data.as_ptr().as_ptr().cast::<u8>()) }
    }
}

impl<T: Element> Clone for Array<T> {
    fn clone(&self) -> Self {
        let offset = self.buffer_offset(&self.data);
        Self::from_owned(self.data.clone(), self.shape.clone(), self.strides.clone(), offset)
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
            CowRepr::Owned(data) => ArrayBase { data, layout: self.layout },
            CowRepr::View(_) => self.view().to_owned(),
        }
    }
}

impl<'a, T: Element> From<ArrayView<'a, T>> for CowArray<'a, T> {
    fn from(v: ArrayView<'a, T>) -> Self {
        ArrayBase { data: CowRepr::View(ViewRepr::new()), layout: v.layout }
    }
}

impl<T: Element> From<Array<T>> for CowArray<'_, T> {
    fn from(a: Array<T>) -> Self {
        ArrayBase { data: CowRepr::Owned(a.data), layout: a.layout }
    }
}

impl<SA: Data, SB: Data<Elem = SA::Elem>> PartialEq<ArrayBase<SB>> for ArrayBase<SA> {
    /// Equal shapes and equal elements (NaN differs from NaN, as `numpy.array_equal`).
    fn eq(&self, other: &ArrayBase<SB>) -> bool {
        self.shape == other.shape && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<T: Element> LayoutKind for Typed<T> {
    type View<'a> = ArrayView<'a, T>;
    type ViewMut<'a> = ArrayViewMut<'a, T>;
    type Cow<'a> = CowArray<'a, T>;
    type Owned = Array<T>;

    fn item_bytes(&self) -> usize {
        size_of::<T>()
    }

    unsafe fn view<'a>(layout: Layout<Typed<T>>) -> ArrayView<'a, T> {
        // SAFETY: the caller's contract.
        unsafe { ArrayView::from_layout(layout) }
    }

    unsafe fn view_mut<'a>(layout: Layout<Typed<T>>) -> ArrayViewMut<'a, T> {
        // SAFETY: the caller's contract.
        unsafe { ArrayViewMut::from_layout(layout) }
    }

    fn copy(view: &ArrayView<'_, T>, order: Order) -> Array<T> {
        crate::copy::copy_to_order(view, order)
    }

    unsafe fn relayout(mut owned: Array<T>, shape: Shape, strides: Strides) -> Array<T> {
        owned.layout.shape = shape;
        owned.layout.strides = strides;
        owned
    }

    fn cow_of_view<'a>(view: Self::View<'a>) -> Self::Cow<'a> {
        view.into()
    }

    fn cow_of_owned<'a>(owned: Array<T>) -> CowArray<'a, T> {
        owned.into()
    }

    fn owned_layout(owned: &Array<T>) -> &Layout<Typed<T>> {
        &owned.layout
    }
}
