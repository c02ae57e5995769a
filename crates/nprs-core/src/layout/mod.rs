//! One layout for every array: a data pointer, a shape and strides in bytes, and the
//! element's description — [`Typed<T>`], the element type itself, for typed arrays
//! ([`Array<T>`](crate::Array) and its views), a [`Descr`] for dynamic ones
//! ([`DynArray`](crate::DynArray) and its views).
//!
//! Both kinds of array dereference to their [`Layout`], so every layout method —
//! slicing, `at`, reshape and ravel, transposes and axis moves, broadcasting, squeeze and
//! expand_dims, diagonal, flip, dtype views — is written once here and returns the view
//! type of the array it was called on ([`LayoutKind::View`]): an [`ArrayView`](crate::ArrayView)
//! for a typed array, a [`DynView`](crate::DynView) for a dynamic one.
//!
//! Strides are in bytes, as NumPy's: a typed array and a dynamic array over the same memory
//! have the same layout, so converting between them moves the layout as it is, and views
//! that step by a record's size (a field of a structured array) are ordinary layouts.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::DynArray;
//!
//! let a = Array::<i32>::arange(6).into_shape(&[2, 3]).unwrap();
//! let d = DynArray::from(a.clone());
//! // The same method, the same layout, on both:
//! assert_eq!(a.t().strides(), &[4, 12]);
//! assert_eq!(d.t().strides(), &[4, 12]);
//! assert_eq!(d.moveaxis(&[0], &[-1]).unwrap().shape(), &[3, 2]);
//! ```
#![allow(unsafe_code)] // views from a pointer and byte strides; each block says why it holds
mod dtype_view;
mod reshape;
mod views;

use std::marker::PhantomData;
use std::ptr::NonNull;

use smallvec::SmallVec;

pub(crate) use reshape::{contiguous_bytes, into_shape};
pub(crate) use views::index_args;

use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::{Descr, Element};
use crate::error::{Error, Result};

mod sealed {
    pub trait Sealed {}
    impl<T: crate::dtype::Element> Sealed for super::Typed<T> {}
    impl Sealed for crate::dtype::Descr {}
}

/// The element description of a typed array's layout: the element type `T`, known at
/// compile time, so nothing is stored.
pub struct Typed<T>(PhantomData<T>);

impl<T> Typed<T> {
    pub(crate) const fn new() -> Self {
        Typed(PhantomData)
    }
}

impl<T> Clone for Typed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Typed<T> {}

/// What the elements of a layout are, as the layout stores it: [`Typed<T>`] for typed
/// arrays (nothing stored: the type says it all), a [`Descr`] for dynamic arrays. It names
/// the view, copy and owned types the layout methods return. Sealed.
pub trait LayoutKind: sealed::Sealed + Clone + Sized + 'static {
    /// The read-only view: [`ArrayView<'a, T>`](crate::ArrayView) or
    /// [`DynView<'a>`](crate::DynView).
    type View<'a>;
    /// The writable view: [`ArrayViewMut<'a, T>`](crate::ArrayViewMut) or
    /// [`DynViewMut<'a>`](crate::DynViewMut).
    type ViewMut<'a>;
    /// A view or a copy (`reshape`, `ravel`): [`CowArray<'a, T>`](crate::CowArray) or
    /// [`DynCow<'a>`](crate::DynCow).
    type Cow<'a>;
    /// The owned array: [`Array<T>`](crate::Array) or [`DynArray`](crate::DynArray).
    type Owned;

    /// Bytes per element.
    #[doc(hidden)]
    fn item_bytes(&self) -> usize;

    /// A read-only view of `layout`.
    ///
    /// # Safety
    /// Every element `layout` addresses must be readable, valid for its dtype and not
    /// written through another path for `'a`.
    #[doc(hidden)]
    unsafe fn view<'a>(layout: Layout<Self>) -> Self::View<'a>;

    /// A writable view of `layout`.
    ///
    /// # Safety
    /// As [`view`](Self::view), and the elements must be writable, reached through no
    /// other path for `'a`, and no two indices may address overlapping bytes.
    #[doc(hidden)]
    unsafe fn view_mut<'a>(layout: Layout<Self>) -> Self::ViewMut<'a>;

    /// A new owned array with `view`'s elements laid out in `order`.
    #[doc(hidden)]
    fn copy(view: &Self::View<'_>, order: Order) -> Self::Owned;

    /// An owned array given a new shape and byte strides over its own buffer.
    ///
    /// # Safety
    /// The new layout must address only elements of the buffer, each element once.
    #[doc(hidden)]
    unsafe fn relayout(owned: Self::Owned, shape: Shape, strides: Strides) -> Self::Owned;

    /// The view as a copy-on-write array.
    #[doc(hidden)]
    fn cow_of_view<'a>(view: Self::View<'a>) -> Self::Cow<'a>;

    /// The owned array as a copy-on-write array.
    #[doc(hidden)]
    fn cow_of_owned<'a>(owned: Self::Owned) -> Self::Cow<'a>;

    /// The owned array's layout.
    #[doc(hidden)]
    fn owned_layout(owned: &Self::Owned) -> &Layout<Self>;
}

/// The layout of an array: where its first element lies, the length of each axis, the
/// strides in bytes (NumPy's `strides`, negative or zero where views make them so) and what
/// its elements are.
///
/// Every array dereferences to its layout, so the methods here are called on arrays and
/// views directly (`a.shape()`, `a.t()`, `d.slice(s![1..])`). A layout cannot be made or
/// copied on its own: it is only ever borrowed from the array it describes.
pub struct Layout<K: LayoutKind> {
    pub(crate) ptr: NonNull<u8>,
    pub(crate) shape: Shape,
    /// Strides in bytes.
    pub(crate) strides: Strides,
    pub(crate) descr: K,
}

impl<T: Element> Layout<Typed<T>> {
    /// A typed layout of `ptr` with the given shape and byte strides.
    pub(crate) fn typed(ptr: NonNull<T>, shape: Shape, strides: Strides) -> Self {
        Layout { ptr: ptr.cast(), shape, strides, descr: Typed::new() }
    }

    /// A typed layout from strides counted in elements.
    pub(crate) fn typed_elems(ptr: NonNull<T>, shape: Shape, mut strides: Strides) -> Self {
        for s in &mut strides {
            *s = s.wrapping_mul(size_of::<T>() as isize);
        }
        Self::typed(ptr, shape, strides)
    }

    /// Pointer to the first element, typed.
    pub(crate) fn elem_ptr(&self) -> NonNull<T> {
        self.ptr.cast()
    }

    /// The strides counted in elements (`strides()` divided by the item size). Exact on
    /// every axis that is stepped along: typed arrays keep those strides whole multiples
    /// of their item size (an axis of length one, which is never stepped, may carry any
    /// stride, as in NumPy).
    #[must_use]
    pub fn strides_elems(&self) -> Strides {
        let item = size_of::<T>() as isize;
        self.strides.iter().map(|&s| s / item).collect()
    }

    /// The layout described as a dynamic array's (same pointer, shape and strides).
    pub(crate) fn into_dyn(self) -> Layout<Descr> {
        Layout { ptr: self.ptr, shape: self.shape, strides: self.strides, descr: T::DTYPE.into() }
    }
}

impl Layout<Descr> {
    /// A dynamic layout.
    pub(crate) fn dynamic(ptr: NonNull<u8>, shape: Shape, strides: Strides, descr: Descr) -> Self {
        Layout { ptr, shape, strides, descr }
    }

    /// Checks that the elements can be read as `T` in place: `T`'s dtype in native byte
    /// order, aligned for `T`, strides whole multiples of its size.
    ///
    /// # Errors
    /// A different dtype; elements not aligned for a typed view (a field of a packed record).
    pub(crate) fn check_typed<T: Element>(&self) -> Result<()> {
        if self.descr.numeric() != Some(T::DTYPE) || !self.descr.is_native() {
            return Err(Error::TypedAccess { from: self.descr.clone(), to: T::DTYPE });
        }
        if !fits_type::<T>(self.ptr, &self.shape, &self.strides) {
            return Err(Error::TypedUnaligned { dtype: T::DTYPE });
        }
        Ok(())
    }

    /// The layout described as `T`'s, unchecked: callers ran [`check_typed`](Self::check_typed).
    pub(crate) fn into_typed_unchecked<T: Element>(self) -> Layout<Typed<T>> {
        Layout { ptr: self.ptr, shape: self.shape, strides: self.strides, descr: Typed::new() }
    }
}

/// True when `T` can be read at `ptr` and at every step of the layout: aligned, and the
/// strides of axes that are stepped along (length above one, in a non-empty array) whole
/// multiples of `T`'s size (what typed kernels assume).
pub(crate) fn fits_type<T>(ptr: NonNull<u8>, shape: &[usize], strides: &[isize]) -> bool {
    let size = size_of::<T>().max(1) as isize;
    let empty = shape.contains(&0);
    (ptr.as_ptr() as usize).is_multiple_of(align_of::<T>())
        && (empty || shape.iter().zip(strides).all(|(&d, &s)| d <= 1 || s % size == 0))
}

impl<K: LayoutKind> Layout<K> {
    /// A layout at byte `offset` from this one's first element, of the same elements.
    pub(crate) fn at_offset(&self, offset: isize, shape: Shape, strides: Strides) -> Layout<K> {
        Layout {
            // Callers pass offsets of elements of the array (or 0), so the address is an
            // element's, never null.
            ptr: NonNull::new(self.ptr.as_ptr().wrapping_offset(offset)).expect("an element's address is not null"),
            shape,
            strides,
            descr: self.descr.clone(),
        }
    }

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
    /// assert_eq!(a.strides(), &[32, 8]);
    /// ```
    #[must_use]
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Bytes per element (`arr.itemsize`).
    #[must_use]
    pub fn itemsize(&self) -> usize {
        self.descr.item_bytes()
    }

    /// Bytes of all elements (`arr.nbytes`).
    #[must_use]
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }

    /// True when the elements lie in C order without gaps (NumPy's `C_CONTIGUOUS`).
    #[must_use]
    pub fn is_c_contiguous(&self) -> bool {
        dims::contiguous(&self.shape, &self.strides, self.itemsize(), Order::C)
    }

    /// True when the elements lie in Fortran order without gaps (NumPy's `F_CONTIGUOUS`).
    #[must_use]
    pub fn is_f_contiguous(&self) -> bool {
        dims::contiguous(&self.shape, &self.strides, self.itemsize(), Order::F)
    }

    /// True when the elements fill `size` consecutive slots in some order of the axes.
    pub(crate) fn is_contiguous_any_order(&self) -> bool {
        if self.is_c_contiguous() || self.is_f_contiguous() {
            return true;
        }
        let mut axes: SmallVec<[(usize, isize); 6]> =
            self.shape.iter().zip(&self.strides).filter(|(d, _)| **d != 1).map(|(&d, &s)| (d, s.abs())).collect();
        axes.sort_by_key(|&(_, s)| s);
        let mut acc = self.itemsize() as isize;
        for (d, s) in axes {
            if s != acc {
                return false;
            }
            acc *= d as isize;
        }
        true
    }

    /// NumPy's flags for an array of this layout that owns its data or not and may be
    /// written or not.
    pub(crate) fn flags_with(&self, owndata: bool, writeable: bool) -> crate::array::Flags {
        crate::array::Flags {
            c_contiguous: self.is_c_contiguous(),
            f_contiguous: self.is_f_contiguous(),
            owndata,
            writeable,
        }
    }

    /// The byte offsets from the first element of the lowest element and one past the
    /// last byte of the highest, as `(lo, hi)`; `(0, 0)` for an empty array.
    pub(crate) fn offset_extent(&self) -> (isize, isize) {
        let (mut lo, mut hi) = (0isize, 0isize);
        for (&d, &s) in self.shape.iter().zip(&self.strides) {
            if d == 0 {
                return (0, 0);
            }
            let span = (d as isize - 1) * s;
            if span < 0 { lo += span } else { hi += span }
        }
        (lo, hi + self.itemsize() as isize)
    }

    /// The byte range `[lo, hi)` spanned by the array's elements (empty arrays span nothing).
    #[must_use]
    pub fn byte_extent(&self) -> (usize, usize) {
        let base = self.ptr.as_ptr() as isize;
        let (lo, hi) = self.offset_extent();
        ((base + lo) as usize, (base + hi) as usize)
    }

    /// The byte offset from the first element of a full multi-index (negative indices
    /// count from the end).
    pub(crate) fn offset_of(&self, index: &[isize]) -> Result<isize> {
        if index.len() > self.ndim() {
            return Err(Error::TooManyIndices { ndim: self.ndim(), given: index.len() });
        }
        if index.len() < self.ndim() {
            return Err(Error::ElementIndex { ndim: self.ndim(), given: index.len() });
        }
        let mut off = 0isize;
        for (axis, (&i, (&d, &s))) in index.iter().zip(self.shape.iter().zip(&self.strides)).enumerate() {
            off += dims::normalize_index(i, axis, d)? as isize * s;
        }
        Ok(off)
    }

    /// A read-only view of the whole array.
    #[must_use]
    pub fn view(&self) -> K::View<'_> {
        // SAFETY: a layout is only reached through the array it describes; the view borrows
        // it, so the elements stay alive and unwritten for the view's lifetime.
        unsafe { K::view(self.at_offset(0, self.shape.clone(), self.strides.clone())) }
    }

    /// A read-only view of a sub-layout of this one.
    ///
    /// Callers pass layouts that address only elements of this one (a crate-internal
    /// contract, kept by every layout computation in this module).
    pub(crate) fn view_of(&self, layout: Layout<K>) -> K::View<'_> {
        // SAFETY: `layout` addresses elements of `self`'s array (the caller's contract),
        // which the view borrows.
        unsafe { K::view(layout) }
    }

    /// A writable view of a sub-layout of this one.
    ///
    /// # Safety
    /// The array must be writable and borrowed uniquely for the view's lifetime, and
    /// `layout` must address only its elements, none twice.
    pub(crate) unsafe fn view_mut_of(&self, layout: Layout<K>) -> K::ViewMut<'_> {
        // SAFETY: the caller's contract.
        unsafe { K::view_mut(layout) }
    }
}
