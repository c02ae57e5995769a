//! Dynamic arrays: any dtype chosen at run time ([`DynArray`], [`DynView`], [`DynViewMut`]).
//!
//! A dynamic array is bytes plus a [`Descr`], a shape and byte strides. Numeric work
//! dispatches once per operation to the typed kernels (a `match` over the dtype that calls
//! the same generic code typed arrays use), never per element; strings and records are
//! moved with byte-wise copies. Typed access is a view, checked against the dtype:
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{DynArray, Descr};
//!
//! let a = DynArray::from(array![1.0f64, 2.0, 3.0]);
//! let b = DynArray::from(array![1i32, 2, 3]);
//! let c = &a + &b; // float64 + int32 -> float64 (the operator panics where `try_add` errs)
//! assert_eq!(c.dtype(), &Descr::from(DType::Float64));
//! assert_eq!(c.typed::<f64>().unwrap().to_vec(), vec![2.0, 4.0, 6.0]);
//! assert!(c.typed::<f32>().is_err()); // wrong element type
//! ```
#![allow(unsafe_code)] // byte views over typed buffers; each block says why it holds

mod arith;
mod byteswap;
mod cast;
mod combine;
mod copy;
mod create;
mod dispatch;
mod fmt;
mod index;
mod raw;
pub(crate) mod ufunc;
mod value;

use std::any::TypeId;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut};
use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::{C64, C128, DType, Descr, Element, f16};
use crate::error::{Error, Result};
use crate::layout::{Layout, LayoutKind, contiguous_bytes};
use crate::storage::{Data, OwnedRepr};

pub use arith::{BinaryOp, CompareOp, NpOrd, Operand, binary, compare};
pub use combine::{concatenate, stack};
pub(crate) use copy::for_each_leaf;
pub use dispatch::{ManyKernel, UnaryKernel, map_many, map_unary};
pub(crate) use raw::expanded;
pub(crate) use ufunc::zero_divisor;
pub use ufunc::{ResultOrder, UfuncOptions, binary_out, binary_with};
pub use value::{DynIndexedIter, DynIter};

/// An owned buffer: one of the typed buffers typed arrays use, so typed arrays move in and
/// out of dynamic arrays without copying. Strings and records live in a `u8` buffer.
pub(crate) enum Buffer {
    Bool(OwnedRepr<bool>),
    I8(OwnedRepr<i8>),
    I16(OwnedRepr<i16>),
    I32(OwnedRepr<i32>),
    I64(OwnedRepr<i64>),
    U8(OwnedRepr<u8>),
    U16(OwnedRepr<u16>),
    U32(OwnedRepr<u32>),
    U64(OwnedRepr<u64>),
    F16(OwnedRepr<f16>),
    F32(OwnedRepr<f32>),
    F64(OwnedRepr<f64>),
    C64(OwnedRepr<C64>),
    C128(OwnedRepr<C128>),
}

/// Moves `r` into `$variant` when `T` is `$t` (same `TypeId`).
macro_rules! try_wrap {
    ($r:ident, $T:ty, $($t:ty => $variant:ident),*) => {$(
        if TypeId::of::<$T>() == TypeId::of::<$t>() {
            let r = ManuallyDrop::new($r);
            // SAFETY: `T` and `$t` are the same type (equal TypeIds), so this is a move.
            return Buffer::$variant(unsafe { std::ptr::read((&raw const *r).cast::<OwnedRepr<$t>>()) });
        }
    )*};
}

macro_rules! try_unwrap {
    ($b:ident, $T:ty, $($t:ty => $variant:ident),*) => {
        match $b {
            $(Buffer::$variant(r) if TypeId::of::<$T>() == TypeId::of::<$t>() => {
                let r = ManuallyDrop::new(r);
                // SAFETY: `T` and `$t` are the same type (equal TypeIds), so this is a move.
                Ok(unsafe { std::ptr::read((&raw const *r).cast::<OwnedRepr<$T>>()) })
            })*
            other => Err(other),
        }
    };
}

impl Buffer {
    fn from_typed<T: Element>(r: OwnedRepr<T>) -> Buffer {
        try_wrap!(r, T, bool => Bool, i8 => I8, i16 => I16, i32 => I32, i64 => I64, u8 => U8, u16 => U16,
            u32 => U32, u64 => U64, f16 => F16, f32 => F32, f64 => F64, C64 => C64, C128 => C128);
        unreachable!("every element type has a buffer variant")
    }

    fn into_typed<T: Element>(self) -> std::result::Result<OwnedRepr<T>, Buffer> {
        try_unwrap!(self, T, bool => Bool, i8 => I8, i16 => I16, i32 => I32, i64 => I64, u8 => U8, u16 => U16,
            u32 => U32, u64 => U64, f16 => F16, f32 => F32, f64 => F64, C64 => C64, C128 => C128)
    }

    fn base_ptr(&self) -> NonNull<u8> {
        match self {
            Buffer::Bool(r) => r.as_ptr().cast(),
            Buffer::I8(r) => r.as_ptr().cast(),
            Buffer::I16(r) => r.as_ptr().cast(),
            Buffer::I32(r) => r.as_ptr().cast(),
            Buffer::I64(r) => r.as_ptr().cast(),
            Buffer::U8(r) => r.as_ptr().cast(),
            Buffer::U16(r) => r.as_ptr().cast(),
            Buffer::U32(r) => r.as_ptr().cast(),
            Buffer::U64(r) => r.as_ptr().cast(),
            Buffer::F16(r) => r.as_ptr().cast(),
            Buffer::F32(r) => r.as_ptr().cast(),
            Buffer::F64(r) => r.as_ptr().cast(),
            Buffer::C64(r) => r.as_ptr().cast(),
            Buffer::C128(r) => r.as_ptr().cast(),
        }
    }

    /// A zero-filled buffer sized for `n` elements of `descr`, typed to match numeric dtypes.
    fn zeroed(descr: &Descr, n: usize, shape: &[usize]) -> Result<Buffer> {
        let bytes = n.checked_mul(descr.itemsize()).ok_or(Error::TooBig)?;
        Self::zeroed_typed(descr, n, bytes, shape).map_err(|e| match e {
            // NumPy's MemoryError names the array's dtype, not the buffer's element type.
            Error::Alloc { shape, .. } => Error::Alloc { bytes, shape, dtype: descr.to_string() },
            e => e,
        })
    }

    fn zeroed_typed(descr: &Descr, n: usize, bytes: usize, shape: &[usize]) -> Result<Buffer> {
        Ok(match descr.numeric() {
            Some(DType::Bool) => Buffer::Bool(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Int8) => Buffer::I8(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Int16) => Buffer::I16(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Int32) => Buffer::I32(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Int64) => Buffer::I64(OwnedRepr::zeroed(n, shape)?),
            Some(DType::UInt8) => Buffer::U8(OwnedRepr::zeroed(n, shape)?),
            Some(DType::UInt16) => Buffer::U16(OwnedRepr::zeroed(n, shape)?),
            Some(DType::UInt32) => Buffer::U32(OwnedRepr::zeroed(n, shape)?),
            Some(DType::UInt64) => Buffer::U64(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Float16) => Buffer::F16(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Float32) => Buffer::F32(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Float64) => Buffer::F64(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Complex64) => Buffer::C64(OwnedRepr::zeroed(n, shape)?),
            Some(DType::Complex128) => Buffer::C128(OwnedRepr::zeroed(n, shape)?),
            None => Buffer::U8(OwnedRepr::zeroed(bytes, shape)?),
        })
    }
}

mod sealed {
    pub trait Sealed {}
}

/// Storage of a dynamic array: owned bytes, or a borrow of another array's. Sealed.
pub trait DynData: sealed::Sealed {
    /// True when elements may be written through the array.
    const WRITEABLE: bool;
    /// True when the array owns its data.
    fn is_owned(&self) -> bool;
}

/// Storage that may be written.
pub trait DynDataMut: DynData {}

/// Owned storage of a [`DynArray`].
pub struct DynOwned(pub(crate) Buffer);

/// Borrowed storage: `DynViewRepr<&'a u8>` reads, `DynViewRepr<&'a mut u8>` writes.
pub struct DynViewRepr<R>(pub(crate) PhantomData<R>);

/// A view or an owned copy, whichever the layout allowed (`reshape`, `ravel`).
pub enum DynCowRepr<'a> {
    /// Borrowed.
    View(PhantomData<&'a u8>),
    /// A fresh copy.
    Owned(DynOwned),
}

impl sealed::Sealed for DynOwned {}
impl sealed::Sealed for DynViewRepr<&u8> {}
impl sealed::Sealed for DynViewRepr<&mut u8> {}
impl sealed::Sealed for DynCowRepr<'_> {}

impl DynData for DynOwned {
    const WRITEABLE: bool = true;
    fn is_owned(&self) -> bool {
        true
    }
}
impl DynDataMut for DynOwned {}
impl DynData for DynViewRepr<&u8> {
    const WRITEABLE: bool = false;
    fn is_owned(&self) -> bool {
        false
    }
}
impl DynData for DynViewRepr<&mut u8> {
    const WRITEABLE: bool = true;
    fn is_owned(&self) -> bool {
        false
    }
}
impl DynDataMut for DynViewRepr<&mut u8> {}
impl DynData for DynCowRepr<'_> {
    const WRITEABLE: bool = false;
    fn is_owned(&self) -> bool {
        matches!(self, DynCowRepr::Owned(_))
    }
}

/// An N-dimensional array whose dtype is known at run time. Use the aliases [`DynArray`],
/// [`DynView`], [`DynViewMut`] and [`DynCow`].
///
/// The array is its storage plus a [`Layout`] with a [`Descr`]: the same layout typed arrays
/// have, so the array dereferences to it for the shape accessors and every view-making
/// method (slicing, transposes, reshapes, broadcasting, …).
pub struct DynBase<S: DynData> {
    pub(crate) data: S,
    pub(crate) layout: Layout<Descr>,
}

impl<S: DynData> std::ops::Deref for DynBase<S> {
    type Target = Layout<Descr>;
    fn deref(&self) -> &Layout<Descr> {
        &self.layout
    }
}

/// An owned dynamic array.
pub type DynArray = DynBase<DynOwned>;
/// A read-only view of a dynamic (or typed) array.
pub type DynView<'a> = DynBase<DynViewRepr<&'a u8>>;
/// A writable view of a dynamic (or typed) array.
pub type DynViewMut<'a> = DynBase<DynViewRepr<&'a mut u8>>;
/// A view or a copy (`reshape`, `ravel`).
pub type DynCow<'a> = DynBase<DynCowRepr<'a>>;

// SAFETY: the bytes are plain data; owned buffers are uniquely held and views follow the
// borrow rules of the array they came from.
unsafe impl<S: DynData + Send> Send for DynBase<S> {}
// SAFETY: shared access only reads.
unsafe impl<S: DynData + Sync> Sync for DynBase<S> {}

impl<S: DynData> DynBase<S> {
    /// The dtype (`arr.dtype`).
    #[must_use]
    pub fn dtype(&self) -> &Descr {
        &self.descr
    }

    /// Pointer to the first element's bytes.
    #[must_use]
    pub fn as_ptr(&self) -> *const u8 {
        self.ptr.as_ptr()
    }

    /// NumPy's flags.
    #[must_use]
    pub fn flags(&self) -> crate::array::Flags {
        self.layout.flags_with(self.data.is_owned(), S::WRITEABLE)
    }

    /// True when every element sits at a multiple of the dtype's alignment (NumPy's
    /// `ALIGNED` flag).
    #[must_use]
    pub fn is_aligned(&self) -> bool {
        let a = self.descr.alignment().max(1);
        (self.ptr.as_ptr() as usize).is_multiple_of(a)
            && self.strides.iter().all(|&s| s.unsigned_abs().is_multiple_of(a))
    }

    /// A typed view of the elements (no copy).
    ///
    /// # Errors
    /// When the dtype is not `T`'s (or not in native byte order), and when the elements
    /// are not aligned for `T` (a field of a packed record); [`to_typed`](Self::to_typed)
    /// copies in those layouts.
    pub fn typed<T: Element>(&self) -> Result<ArrayView<'_, T>> {
        self.layout.check_typed::<T>()?;
        let whole = self.layout.at_offset(0, self.shape.clone(), self.strides.clone());
        // SAFETY: the dtype is `T` in native order, the pointer and strides suit `T`, and
        // the view borrows `self`.
        Ok(unsafe { ArrayView::from_layout(whole.into_typed_unchecked()) })
    }

    /// A typed copy of the elements (C order), whatever the layout and byte order.
    ///
    /// # Errors
    /// When the dtype is not `T`'s.
    pub fn to_typed<T: Element>(&self) -> Result<Array<T>> {
        if self.descr.numeric() != Some(T::DTYPE) {
            return self.typed::<T>().map(|v| v.to_owned());
        }
        if let Ok(v) = self.typed::<T>() {
            return Ok(v.to_owned());
        }
        let owned = self.to_native_contiguous();
        owned.into_typed::<T>()
    }
}

impl<S: DynData + DynDataMut> DynBase<S> {
    /// A writable view of the whole array.
    pub fn view_mut(&mut self) -> DynViewMut<'_> {
        let whole = self.layout.at_offset(0, self.shape.clone(), self.strides.clone());
        // SAFETY: the view borrows `self` (writable) uniquely for its lifetime.
        unsafe { self.layout.view_mut_of(whole) }
    }

    /// A writable view of a basic slice.
    ///
    /// # Panics
    /// As [`slice`](Layout::slice).
    #[track_caller]
    pub fn slice_mut(&mut self, args: &[crate::slice::SliceArg]) -> DynViewMut<'_> {
        crate::error::or_panic(self.try_slice_mut(args))
    }

    /// A writable view of a basic slice.
    ///
    /// # Errors
    /// As [`try_slice`](Layout::try_slice).
    pub fn try_slice_mut(&mut self, args: &[crate::slice::SliceArg]) -> Result<DynViewMut<'_>> {
        let sliced = self.layout.sliced(args)?;
        // SAFETY: a basic slice never maps two indices to one element, and `self` is
        // writable and borrowed uniquely.
        Ok(unsafe { self.layout.view_mut_of(sliced) })
    }

    /// A writable view of the sub-array at `index` along the first axes (`a[i]`).
    ///
    /// # Errors
    /// As [`at`](Layout::at).
    pub fn at_mut(&mut self, index: &[isize]) -> Result<DynViewMut<'_>> {
        self.try_slice_mut(&crate::layout::index_args(index))
    }

    /// A writable typed view of the elements.
    ///
    /// # Errors
    /// As [`typed`](DynBase::typed).
    pub fn typed_mut<T: Element>(&mut self) -> Result<ArrayViewMut<'_, T>> {
        self.layout.check_typed::<T>()?;
        let whole = self.layout.at_offset(0, self.shape.clone(), self.strides.clone());
        // SAFETY: as `typed`, and `self` is borrowed uniquely; a dynamic array never maps
        // two indices to one element.
        Ok(unsafe { ArrayViewMut::from_layout(whole.into_typed_unchecked()) })
    }
}

impl DynArray {
    pub(crate) fn from_buffer(buf: Buffer, shape: Shape, strides: Strides, offset: isize, descr: Descr) -> Self {
        // SAFETY: `offset` addresses the first element inside the buffer (callers ensure).
        let ptr = unsafe { NonNull::new_unchecked(buf.base_ptr().as_ptr().offset(offset)) };
        DynBase { data: DynOwned(buf), layout: Layout::dynamic(ptr, shape, strides, descr) }
    }

    /// A C-contiguous array of `shape` and `descr` with every byte zero (`numpy.zeros`;
    /// empty strings, `False`, `0`).
    ///
    /// # Errors
    /// On absurd sizes.
    pub fn zeros(shape: &[usize], descr: &Descr) -> Result<Self> {
        Self::zeros_order(shape, descr, Order::C)
    }

    /// As [`zeros`](Self::zeros) in the given memory order.
    ///
    /// # Errors
    /// On absurd sizes.
    pub fn zeros_order(shape: &[usize], descr: &Descr, order: Order) -> Result<Self> {
        let (shape, descr) = expand_subarray(shape, descr);
        let n = dims::check_bytes(&shape, descr.itemsize())?;
        let buf = Buffer::zeroed(&descr, n, &shape)?;
        let strides = contiguous_bytes(&shape, descr.itemsize(), order);
        Ok(Self::from_buffer(buf, shape, strides, 0, descr))
    }

    /// An array of `shape` and `descr` from raw bytes in C order, in the dtype's byte order
    /// (what a `.npy` file holds after its header).
    ///
    /// # Errors
    /// When `bytes` is not exactly `size * itemsize` long.
    pub fn from_bytes(bytes: &[u8], descr: &Descr, shape: &[usize]) -> Result<Self> {
        Self::from_bytes_order(bytes, descr, shape, Order::C)
    }

    /// As [`from_bytes`](Self::from_bytes) with the bytes in the given memory order.
    ///
    /// # Errors
    /// When `bytes` is not exactly `size * itemsize` long.
    pub fn from_bytes_order(bytes: &[u8], descr: &Descr, shape: &[usize], order: Order) -> Result<Self> {
        let out = Self::zeros_order(shape, descr, order)?;
        if bytes.len() != out.nbytes() {
            return Err(Error::BufferSize {
                bytes: bytes.len(),
                shape: out.shape().to_vec(),
                dtype: out.dtype().clone(),
            });
        }
        // SAFETY: the fresh buffer holds exactly `nbytes` bytes starting at `ptr`.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), out.ptr.as_ptr(), bytes.len()) };
        Ok(out)
    }

    /// A copy of a typed array or view.
    #[must_use]
    pub fn from_view<S: Data>(a: &ArrayBase<S>) -> Self {
        DynArray::from(a.to_owned())
    }

    /// Reshapes an owned array, in place when the layout allows.
    ///
    /// # Errors
    /// As [`Layout::reshape`].
    pub fn into_shape(self, shape: impl crate::manip::IntoShape) -> Result<DynArray> {
        crate::layout::into_shape::<Descr>(self, shape)
    }

    /// The array in C order: itself when already C-contiguous, else a C-ordered copy.
    #[must_use]
    pub fn into_c_contiguous(self) -> Self {
        if self.is_c_contiguous() { self } else { self.to_owned_order(Order::C) }
    }

    /// The typed array, without copying when the buffer already holds `T` in a layout a
    /// typed array can describe.
    ///
    /// # Errors
    /// When the dtype is not `T`'s.
    pub fn into_typed<T: Element>(self) -> Result<Array<T>> {
        self.layout.check_typed::<T>()?;
        let DynBase { data, layout } = self;
        match data.0.into_typed::<T>() {
            Ok(repr) => Ok(ArrayBase { data: repr, layout: layout.into_typed_unchecked() }),
            Err(buf) => {
                let me = DynBase { data: DynOwned(buf), layout };
                Ok(me.typed::<T>()?.to_owned())
            }
        }
    }
}

/// Moves sub-array dtypes into the shape, as NumPy does when it creates arrays
/// (`zeros(2, dtype=('i4', (3,)))` has shape `(2, 3)` and dtype `int32`).
pub(crate) fn expand_subarray(shape: &[usize], descr: &Descr) -> (Shape, Descr) {
    let mut shape: Shape = SmallVec::from_slice(shape);
    let mut d = descr.clone();
    while let Some(sub) = d.subdtype() {
        shape.extend_from_slice(&sub.shape);
        d = sub.base.clone();
    }
    (shape, d)
}

impl<T: Element> From<Array<T>> for DynArray {
    /// Wraps a typed array without copying.
    fn from(a: Array<T>) -> Self {
        let ArrayBase { data, layout } = a;
        DynBase { data: DynOwned(Buffer::from_typed(data)), layout: layout.into_dyn() }
    }
}

impl<'a, T: Element> From<ArrayView<'a, T>> for DynView<'a> {
    /// A dynamic view of a typed view (no copy).
    fn from(a: ArrayView<'a, T>) -> Self {
        DynBase { data: DynViewRepr(PhantomData), layout: a.layout.into_dyn() }
    }
}

impl<'a, T: Element> From<ArrayViewMut<'a, T>> for DynViewMut<'a> {
    /// A writable dynamic view of a typed view (no copy).
    fn from(a: ArrayViewMut<'a, T>) -> Self {
        DynBase { data: DynViewRepr(PhantomData), layout: a.layout.into_dyn() }
    }
}

impl Clone for DynArray {
    fn clone(&self) -> Self {
        self.to_owned()
    }
}

impl<'a> DynView<'a> {
    /// A view of a layout.
    ///
    /// # Safety
    /// Every element the layout addresses must be readable, valid for its dtype and not
    /// written through another path for `'a`.
    pub(crate) unsafe fn from_layout(layout: Layout<Descr>) -> Self {
        DynBase { data: DynViewRepr(PhantomData), layout }
    }

    /// Re-borrows the view for its full lifetime.
    #[must_use]
    pub fn reborrow(&self) -> DynView<'a> {
        let whole = self.layout.at_offset(0, self.shape.clone(), self.strides.clone());
        // SAFETY: same data, same lifetime.
        unsafe { DynView::from_layout(whole) }
    }

    /// Slices a view keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`Layout::try_slice`].
    pub fn slice_move(self, args: &[crate::slice::SliceArg]) -> Result<DynView<'a>> {
        let sliced = self.layout.sliced(args)?;
        // SAFETY: a sub-view of a view with the same lifetime.
        Ok(unsafe { DynView::from_layout(sliced) })
    }
}

impl<'a> DynViewMut<'a> {
    /// A writable view of a layout.
    ///
    /// # Safety
    /// As [`DynView::from_layout`], and the elements must be writable, reached through no
    /// other path for `'a`, none addressed twice.
    pub(crate) unsafe fn from_layout(layout: Layout<Descr>) -> Self {
        DynBase { data: DynViewRepr(PhantomData), layout }
    }

    /// Re-borrows mutably for a shorter lifetime.
    pub fn reborrow_mut(&mut self) -> DynViewMut<'_> {
        self.view_mut()
    }

    /// Slices a writable view, keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`Layout::try_slice`].
    pub fn slice_move(self, args: &[crate::slice::SliceArg]) -> Result<DynViewMut<'a>> {
        let sliced = self.layout.sliced(args)?;
        // SAFETY: a sub-view of a unique view with the same lifetime; a basic slice never
        // maps two indices to one element.
        Ok(unsafe { DynViewMut::from_layout(sliced) })
    }

    /// Turns the writable view into a read-only view of the same lifetime.
    #[must_use]
    pub fn into_view(self) -> DynView<'a> {
        // SAFETY: giving up write access keeps the borrow's guarantees.
        unsafe { DynView::from_layout(self.layout) }
    }
}

impl<R> DynBase<DynViewRepr<R>>
where
    DynViewRepr<R>: DynData,
{
    /// The view with its axes permuted (`None` reverses them, `a.T`; `Some(axes)` is
    /// `a.transpose(axes)`), keeping the borrow's lifetime: for a writable view, a writable
    /// transposed view of the same elements.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let mut d = DynArray::from(Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap());
    /// let mut t = d.view_mut().permute_move(None).unwrap();
    /// t.set(&[2, 0], 50).unwrap();
    /// assert_eq!(d.to_typed::<i64>().unwrap().to_vec(), vec![0, 1, 50, 3, 4, 5]);
    /// ```
    ///
    /// # Errors
    /// As [`Layout::permute_dims`].
    pub fn permute_move(mut self, axes: Option<&[isize]>) -> Result<Self> {
        let (shape, strides) = match axes {
            None => crate::shape::axes::reversed(&self.layout.shape, &self.layout.strides),
            Some(ax) => crate::shape::axes::permuted(&self.layout.shape, &self.layout.strides, ax)?,
        };
        // A permutation addresses the same elements, each once.
        self.layout.shape = shape;
        self.layout.strides = strides;
        Ok(self)
    }

    /// The view with a new shape over the same elements (one length may be `-1`), keeping
    /// the borrow's lifetime; an error where the layout would need a copy, as
    /// [`Layout::reshape_view`].
    ///
    /// # Errors
    /// As [`Layout::reshape_view`].
    pub fn reshape_move(mut self, shape: &[isize]) -> Result<Self> {
        let new_shape = crate::shape::resolve_reshape(self.size(), shape, self.itemsize())?;
        let strides = self.layout.reshape_layout(&new_shape, Order::C).ok_or(Error::ReshapeInPlace)?;
        // The strides of a reshape without a copy address the same elements, each once.
        self.layout.shape = new_shape;
        self.layout.strides = strides;
        Ok(self)
    }
}

impl<'a> DynCow<'a> {
    /// True when this borrows the original data.
    #[must_use]
    pub fn is_view(&self) -> bool {
        matches!(self.data, DynCowRepr::View(_))
    }

    /// An owned array (copying only a view).
    #[must_use]
    pub fn into_owned(self) -> DynArray {
        match self.data {
            DynCowRepr::Owned(data) => DynBase { data, layout: self.layout },
            DynCowRepr::View(_) => self.view().to_owned(),
        }
    }
}

impl<'a> From<DynView<'a>> for DynCow<'a> {
    fn from(v: DynView<'a>) -> Self {
        DynBase { data: DynCowRepr::View(PhantomData), layout: v.layout }
    }
}

impl From<DynArray> for DynCow<'_> {
    fn from(a: DynArray) -> Self {
        DynBase { data: DynCowRepr::Owned(a.data), layout: a.layout }
    }
}

impl LayoutKind for Descr {
    type View<'a> = DynView<'a>;
    type ViewMut<'a> = DynViewMut<'a>;
    type Cow<'a> = DynCow<'a>;
    type Owned = DynArray;

    fn item_bytes(&self) -> usize {
        self.itemsize()
    }

    unsafe fn view<'a>(layout: Layout<Descr>) -> DynView<'a> {
        // SAFETY: the caller's contract.
        unsafe { DynView::from_layout(layout) }
    }

    unsafe fn view_mut<'a>(layout: Layout<Descr>) -> DynViewMut<'a> {
        // SAFETY: the caller's contract.
        unsafe { DynViewMut::from_layout(layout) }
    }

    fn copy(view: &DynView<'_>, order: Order) -> DynArray {
        view.to_owned_order(order)
    }

    unsafe fn relayout(mut owned: DynArray, shape: Shape, strides: Strides) -> DynArray {
        owned.layout.shape = shape;
        owned.layout.strides = strides;
        owned
    }

    fn cow_of_view<'a>(view: Self::View<'a>) -> Self::Cow<'a> {
        view.into()
    }

    fn cow_of_owned<'a>(owned: DynArray) -> DynCow<'a> {
        owned.into()
    }

    fn owned_layout(owned: &DynArray) -> &Layout<Descr> {
        &owned.layout
    }
}
