//! Array storage: the owned buffer and the borrowed-view representations.
//!
//! Owned buffers are allocated 64-byte aligned (or adopted from a `Vec` as they are) and
//! hold `Copy` elements only, so nothing needs dropping element by element.
#![allow(unsafe_code)] // raw allocation and views over pointers: each block says why it holds

use std::alloc::{self, Layout};
use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::dtype::Element;
use crate::error::{Error, Result};

/// Alignment of freshly allocated array buffers, in bytes.
pub const ALIGN: usize = 64;

/// Buffers at least this large are aligned to huge pages and advised to use them.
const HUGE_MIN: usize = 4 << 20;
/// Huge page size on x86-64 and aarch64 Linux.
const HUGE_PAGE: usize = 2 << 20;

/// Asks the kernel to back a large buffer with transparent huge pages (as NumPy does), so
/// that first touching it costs a few faults instead of one per 4 KiB page.
#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, bytes: usize) {
    if bytes >= HUGE_MIN {
        // SAFETY: the range lies inside an allocation we own; madvise only gives advice.
        unsafe {
            libc::madvise(ptr.cast(), bytes & !(HUGE_PAGE - 1), libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_ptr: *mut u8, _bytes: usize) {}

/// A small cache of large freed buffers.
///
/// Freeing an 80 MB result returns its pages to the system, and the next allocation of the
/// same size pays again for faulting in and zeroing every page — more than the arithmetic
/// itself. Keeping a few recently freed large buffers (at most [`CACHE_ENTRIES`], each at
/// most [`CACHE_MAX_BUFFER`] bytes, [`CACHE_MAX_BYTES`] in all) lets a loop that makes a
/// result of the same size every iteration reuse warm memory. [`release_cached_buffers`]
/// returns them to the system.
mod cache {
    use std::alloc::{self, Layout};
    use std::sync::Mutex;

    pub(super) const CACHE_ENTRIES: usize = 4;
    pub(super) const CACHE_MAX_BUFFER: usize = 256 << 20;
    pub(super) const CACHE_MAX_BYTES: usize = 512 << 20;

    /// Cached buffers as (address, layout), oldest first.
    static CACHE: Mutex<Vec<(usize, Layout)>> = Mutex::new(Vec::new());

    /// A cached buffer with exactly this layout, if any.
    pub(super) fn take(layout: Layout) -> Option<*mut u8> {
        let mut c = CACHE.lock().ok()?;
        let i = c.iter().rposition(|&(_, l)| l == layout)?;
        Some(c.remove(i).0 as *mut u8)
    }

    /// Keeps `ptr` for reuse when it fits the limits; returns false when the caller must free it.
    pub(super) fn put(ptr: *mut u8, layout: Layout) -> bool {
        if layout.size() > CACHE_MAX_BUFFER {
            return false;
        }
        let Ok(mut c) = CACHE.lock() else { return false };
        let mut total: usize = c.iter().map(|(_, l)| l.size()).sum::<usize>() + layout.size();
        while !c.is_empty() && (c.len() >= CACHE_ENTRIES || total > CACHE_MAX_BYTES) {
            let (p, l) = c.remove(0);
            total -= l.size();
            // SAFETY: cached buffers were allocated with their recorded layout.
            unsafe { alloc::dealloc(p as *mut u8, l) };
        }
        c.push((ptr as usize, layout));
        true
    }

    /// Frees every cached buffer.
    pub(super) fn clear() {
        if let Ok(mut c) = CACHE.lock() {
            for (p, l) in c.drain(..) {
                // SAFETY: cached buffers were allocated with their recorded layout.
                unsafe { alloc::dealloc(p as *mut u8, l) };
            }
        }
    }
}

/// Returns the large buffers kept for reuse to the system (see the module docs).
pub fn release_cached_buffers() {
    cache::clear();
}

/// An owned, heap-allocated buffer of `len` elements.
pub struct OwnedRepr<T: Element> {
    ptr: NonNull<T>,
    len: usize,
    /// The layout it was allocated with (`None` when nothing was allocated).
    layout: Option<Layout>,
}

// SAFETY: the buffer is uniquely owned and `T: Send + Sync`.
unsafe impl<T: Element> Send for OwnedRepr<T> {}
// SAFETY: shared access only reads `T: Sync` values.
unsafe impl<T: Element> Sync for OwnedRepr<T> {}

impl<T: Element> OwnedRepr<T> {
    fn layout_for(len: usize, zeroed: bool) -> Result<Option<Layout>> {
        let bytes = len.checked_mul(size_of::<T>()).ok_or(Error::TooBig)?;
        if bytes > isize::MAX as usize {
            return Err(Error::TooBig);
        }
        if bytes == 0 {
            return Ok(None);
        }
        // Zeroed buffers keep the element's own alignment so that the allocator can hand
        // out lazily zeroed pages (calloc) instead of writing zeros.
        let align = if zeroed {
            align_of::<T>()
        } else if bytes >= HUGE_MIN {
            // Large buffers are huge-page aligned and sized in whole huge pages, which also
            // lets buffers of nearly the same size share the reuse cache.
            return Layout::from_size_align(bytes.next_multiple_of(HUGE_PAGE), HUGE_PAGE)
                .map(Some)
                .map_err(|_| Error::TooBig);
        } else {
            ALIGN.max(align_of::<T>())
        };
        Layout::from_size_align(bytes, align).map(Some).map_err(|_| Error::TooBig)
    }

    fn alloc_with(len: usize, zeroed: bool, shape: &[usize]) -> Result<Self> {
        let layout = Self::layout_for(len, zeroed)?;
        let Some(layout) = layout else {
            return Ok(Self { ptr: NonNull::dangling(), len, layout: None });
        };
        let cached = if layout.align() == HUGE_PAGE { cache::take(layout) } else { None };
        let raw = match cached {
            Some(p) => p,
            None => {
                // SAFETY: `layout` has a non-zero size.
                let raw = unsafe { if zeroed { alloc::alloc_zeroed(layout) } else { alloc::alloc(layout) } };
                if !raw.is_null() {
                    advise_huge(raw, layout.size());
                }
                raw
            }
        };
        let ptr = NonNull::new(raw.cast::<T>()).ok_or_else(|| Error::Alloc {
            bytes: layout.size(),
            shape: shape.to_vec(),
            dtype: T::DTYPE.name().to_string(),
        })?;
        Ok(Self { ptr, len, layout: Some(layout) })
    }

    /// A buffer of `len` elements whose bytes are all zero.
    ///
    /// Every element type's zero is the all-zero bit pattern, so the buffer is initialised.
    pub(crate) fn zeroed(len: usize, shape: &[usize]) -> Result<Self> {
        Self::alloc_with(len, true, shape)
    }

    /// A buffer of `len` uninitialised elements.
    ///
    /// # Safety
    /// Every element must be written before the buffer is read or exposed.
    pub(crate) unsafe fn uninit(len: usize, shape: &[usize]) -> Result<Self> {
        Self::alloc_with(len, false, shape)
    }

    /// Adopts a `Vec`'s allocation without copying.
    pub(crate) fn from_vec(v: Vec<T>) -> Self {
        let mut v = std::mem::ManuallyDrop::new(v);
        let len = v.len();
        let cap = v.capacity();
        let layout = if cap == 0 || size_of::<T>() == 0 {
            None
        } else {
            Some(Layout::array::<T>(cap).expect("a Vec's layout is valid"))
        };
        // SAFETY: a Vec's pointer is never null.
        let ptr = unsafe { NonNull::new_unchecked(v.as_mut_ptr()) };
        Self { ptr, len, layout }
    }

    /// Pointer to the first element.
    pub(crate) fn as_ptr(&self) -> NonNull<T> {
        self.ptr
    }

    /// Number of elements.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The elements as a slice.
    pub(crate) fn as_slice(&self) -> &[T] {
        // SAFETY: `ptr` points at `len` initialised elements owned by `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl<T: Element> Clone for OwnedRepr<T> {
    fn clone(&self) -> Self {
        let mut out = crate::error::or_panic(Self::alloc_with(self.len, false, &[self.len]));
        // SAFETY: both buffers hold `len` elements and do not overlap.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.as_ptr(), out.ptr.as_ptr(), self.len) };
        out.len = self.len;
        out
    }
}

impl<T: Element> Drop for OwnedRepr<T> {
    fn drop(&mut self) {
        if let Some(layout) = self.layout {
            let ptr = self.ptr.as_ptr().cast::<u8>();
            if layout.align() == HUGE_PAGE && cache::put(ptr, layout) {
                return;
            }
            // SAFETY: allocated with this layout by the global allocator (ours or a Vec's).
            unsafe { alloc::dealloc(ptr, layout) };
        }
    }
}

/// A borrowed view's representation: `ViewRepr<&'a T>` reads, `ViewRepr<&'a mut T>` writes.
pub struct ViewRepr<R> {
    _life: PhantomData<R>,
}

impl<R> ViewRepr<R> {
    pub(crate) const fn new() -> Self {
        Self { _life: PhantomData }
    }
}

impl<R> Clone for ViewRepr<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for ViewRepr<R> {}

mod sealed {
    pub trait Sealed {}
}

/// A storage representation of an array (owned buffer or borrowed view). Sealed.
///
/// # Safety
/// Implementations guarantee that the array's pointer and strides stay valid for as long
/// as the representation lives.
pub unsafe trait RawData: sealed::Sealed {
    /// The element type.
    type Elem: Element;
    /// True when the array owns its data (NumPy's `OWNDATA`).
    fn is_owned(&self) -> bool;
    /// True when the array may be written through (NumPy's `WRITEABLE`).
    const WRITEABLE: bool;
}

/// Storage that may be read.
///
/// # Safety
/// Only for representations that give shared read access.
pub unsafe trait Data: RawData {}

/// Storage that may be written.
///
/// # Safety
/// Only for representations that give unique write access.
pub unsafe trait DataMut: Data {}

impl<T: Element> sealed::Sealed for OwnedRepr<T> {}
impl<T: Element> sealed::Sealed for ViewRepr<&T> {}
impl<T: Element> sealed::Sealed for ViewRepr<&mut T> {}
impl<T: Element> sealed::Sealed for CowRepr<'_, T> {}

/// Either a borrowed view or an owned buffer: what `reshape` and `ravel` return, since
/// NumPy gives a view when the layout allows and a copy otherwise.
pub enum CowRepr<'a, T: Element> {
    /// Borrowed from another array.
    View(ViewRepr<&'a T>),
    /// A fresh copy.
    Owned(OwnedRepr<T>),
}

// SAFETY: a borrowed variant is kept alive by 'a; an owned one by itself.
unsafe impl<T: Element> RawData for CowRepr<'_, T> {
    type Elem = T;
    fn is_owned(&self) -> bool {
        matches!(self, CowRepr::Owned(_))
    }
    const WRITEABLE: bool = false;
}
// SAFETY: both variants may be read.
unsafe impl<T: Element> Data for CowRepr<'_, T> {}

// SAFETY: the owned buffer lives as long as the array.
unsafe impl<T: Element> RawData for OwnedRepr<T> {
    type Elem = T;
    fn is_owned(&self) -> bool {
        true
    }
    const WRITEABLE: bool = true;
}
// SAFETY: owned data is readable.
unsafe impl<T: Element> Data for OwnedRepr<T> {}
// SAFETY: owned data is uniquely held.
unsafe impl<T: Element> DataMut for OwnedRepr<T> {}

// SAFETY: the borrow's lifetime keeps the data alive.
unsafe impl<T: Element> RawData for ViewRepr<&T> {
    type Elem = T;
    fn is_owned(&self) -> bool {
        false
    }
    const WRITEABLE: bool = false;
}
// SAFETY: a shared borrow may be read.
unsafe impl<T: Element> Data for ViewRepr<&T> {}

// SAFETY: the borrow's lifetime keeps the data alive.
unsafe impl<T: Element> RawData for ViewRepr<&mut T> {
    type Elem = T;
    fn is_owned(&self) -> bool {
        false
    }
    const WRITEABLE: bool = true;
}
// SAFETY: a unique borrow may be read.
unsafe impl<T: Element> Data for ViewRepr<&mut T> {}
// SAFETY: a unique borrow may be written.
unsafe impl<T: Element> DataMut for ViewRepr<&mut T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_buffers_are_reused_and_released() {
        let n = (8 << 20) / 8;
        // SAFETY: the buffer is never read.
        let a = unsafe { OwnedRepr::<f64>::uninit(n, &[n]).unwrap() };
        let first = a.as_ptr();
        drop(a);
        // SAFETY: as above.
        let b = unsafe { OwnedRepr::<f64>::uninit(n, &[n]).unwrap() };
        assert_eq!(b.as_ptr(), first, "a freed large buffer of the same size is reused");
        drop(b);
        release_cached_buffers();
        let zero = OwnedRepr::<f64>::zeroed(n, &[n]).unwrap();
        assert!(zero.as_slice().iter().all(|&x| x == 0.0), "zeroed buffers never come from the cache");
    }
}
