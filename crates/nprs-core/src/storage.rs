//! Array storage: the owned buffer and the borrowed-view representations.
//!
//! Owned buffers are allocated 64-byte aligned (or adopted from a `Vec` as they are) and
//! hold `Copy` elements only, so nothing needs dropping element by element.
#![allow(unsafe_code)] // raw allocation and views over pointers: each block says why it holds

use std::alloc::{self, Layout};
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::dtype::Element;
use crate::error::{Error, Result};

/// Alignment of freshly allocated array buffers, in bytes.
pub const ALIGN: usize = 64;

/// Buffers at least this large are aligned to huge pages and advised to use them.
const HUGE_MIN: usize = 4 << 20;
/// Huge page size on x86-64 and aarch64 Linux.
const HUGE_PAGE: usize = 2 << 20;
/// The granule in which large buffers are sized: a multiple of every base page size Linux
/// uses (4, 16 or 64 KiB), so that a mapping's tail can be unmapped on its own.
const SMALL_PAGE: usize = 64 << 10;

/// Memory for large buffers, mapped straight from the system.
///
/// Large buffers do not come from the global allocator: glibc serves a 2 MiB-aligned
/// request of a few MiB from its per-thread arenas (it raises its mapping threshold after the
/// first large free), keeps the freed memory there, and with huge pages advised the arenas'
/// partly used 2 MiB pages stay resident — threads churning through 4 MiB arrays grew to
/// several times their live data. A mapping of its own is returned to the system the moment
/// it is freed (unless the reuse cache keeps it), and is huge-page aligned by construction.
#[cfg(target_os = "linux")]
mod pages {
    use super::HUGE_PAGE;

    /// Maps `size` bytes (a multiple of [`super::SMALL_PAGE`]) of zeroed memory aligned to
    /// [`HUGE_PAGE`], advised to use transparent huge pages (as NumPy advises its large
    /// buffers) so that first touching it costs a few faults instead of one per 4 KiB page.
    /// Null when the system refuses.
    pub(super) fn map(size: usize) -> *mut u8 {
        let Some(total) = size.checked_add(HUGE_PAGE) else { return std::ptr::null_mut() };
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing
        // touches no existing memory.
        let raw = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                total,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if raw == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        let start = raw as usize;
        let aligned = start.next_multiple_of(HUGE_PAGE);
        let head = aligned - start;
        let tail = total - head - size;
        // SAFETY: the head and tail lie inside the mapping just made, outside the part kept;
        // both start on page boundaries (the mapping, HUGE_PAGE and `size` are page multiples).
        unsafe {
            if head > 0 {
                libc::munmap(raw, head);
            }
            if tail > 0 {
                libc::munmap((aligned + size) as *mut libc::c_void, tail);
            }
            // Only advice: failure (no transparent huge pages) leaves ordinary pages.
            libc::madvise(aligned as *mut libc::c_void, size, libc::MADV_HUGEPAGE);
        }
        aligned as *mut u8
    }

    /// Returns a mapping made by [`map`] to the system.
    ///
    /// # Safety
    /// `ptr` and `size` must be those of a live mapping from [`map`], not used afterwards.
    pub(super) unsafe fn unmap(ptr: *mut u8, size: usize) {
        // SAFETY: by the caller's contract the range is one whole mapping of ours.
        unsafe { libc::munmap(ptr.cast(), size) };
    }
}

/// Without a system mapping call, large buffers come from the global allocator (zeroed,
/// as mappings are).
#[cfg(not(target_os = "linux"))]
mod pages {
    use std::alloc::{self, Layout};

    use super::HUGE_PAGE;

    pub(super) fn map(size: usize) -> *mut u8 {
        match Layout::from_size_align(size, HUGE_PAGE) {
            // SAFETY: the layout has a non-zero size.
            Ok(layout) => unsafe { alloc::alloc_zeroed(layout) },
            Err(_) => std::ptr::null_mut(),
        }
    }

    /// # Safety
    /// `ptr` and `size` must be those of a live allocation from [`map`].
    pub(super) unsafe fn unmap(ptr: *mut u8, size: usize) {
        // SAFETY: allocated by `map` with this layout.
        unsafe { alloc::dealloc(ptr, Layout::from_size_align_unchecked(size, HUGE_PAGE)) };
    }
}

/// Writes zeros over `size` bytes at `p`, in pieces of 1 MiB on the rayon pool.
fn zero_bytes(p: *mut u8, size: usize) {
    use rayon::prelude::*;
    const PIECE: usize = 1 << 20;
    let base = p as usize;
    (0..size.div_ceil(PIECE)).into_par_iter().for_each(|k| {
        let lo = k * PIECE;
        // SAFETY: `[lo, lo + len)` lies inside the `size` bytes at `p`, which the caller
        // owns and nothing else reads or writes meanwhile; pieces are disjoint.
        unsafe { std::ptr::write_bytes((base + lo) as *mut u8, 0, PIECE.min(size - lo)) };
    });
}

/// A small cache of large freed buffers.
///
/// Unmapping an 80 MB result returns its pages to the system, and the next allocation of
/// the same size pays again for faulting in and zeroing every page — more than the
/// arithmetic itself. Keeping a few recently freed large buffers (at most
/// [`CACHE_ENTRIES`], each at most [`CACHE_MAX_BUFFER`] bytes, [`CACHE_MAX_BYTES`] in all,
/// for the whole process) lets a loop that makes a result of about the same size every
/// iteration reuse warm memory: a request takes the smallest cached buffer that holds it
/// with less than a huge page to spare. [`release_cached_buffers`] returns them to the
/// system.
mod cache {
    use std::alloc::Layout;
    use std::sync::Mutex;

    pub(super) const CACHE_ENTRIES: usize = 4;
    pub(super) const CACHE_MAX_BUFFER: usize = 256 << 20;
    pub(super) const CACHE_MAX_BYTES: usize = 512 << 20;

    /// Cached buffers as (address, layout), oldest first: one cache for the process, so
    /// its bounds hold however many threads free buffers.
    static CACHE: Mutex<Vec<(usize, Layout)>> = Mutex::new(Vec::new());

    /// The smallest cached buffer that holds `size` bytes without wasting a huge page or
    /// more, with its layout.
    pub(super) fn take(size: usize) -> Option<(*mut u8, Layout)> {
        let mut c = CACHE.lock().ok()?;
        let fits = |l: &Layout| l.size() >= size && l.size() - size < super::HUGE_PAGE;
        let (i, _) = c.iter().enumerate().filter(|(_, (_, l))| fits(l)).min_by_key(|(_, (_, l))| l.size())?;
        let (p, l) = c.remove(i);
        Some((p as *mut u8, l))
    }

    /// Keeps the large buffer `ptr` for reuse when it fits the limits, evicting the oldest
    /// entries as needed, or returns it to the system.
    ///
    /// # Safety
    /// `ptr` must be a large buffer of `layout` from [`super::pages::map`], not used
    /// afterwards.
    pub(super) unsafe fn put(ptr: *mut u8, layout: Layout) {
        let mut evicted: Vec<(usize, Layout)> = Vec::new();
        let kept = layout.size() <= CACHE_MAX_BUFFER
            && CACHE.lock().is_ok_and(|mut c| {
                let mut total: usize = c.iter().map(|(_, l)| l.size()).sum::<usize>() + layout.size();
                while !c.is_empty() && (c.len() >= CACHE_ENTRIES || total > CACHE_MAX_BYTES) {
                    let (p, l) = c.remove(0);
                    total -= l.size();
                    evicted.push((p, l));
                }
                // The vector never grows past CACHE_ENTRIES, so after the first use this
                // push does not allocate.
                c.try_reserve(1).is_ok() && {
                    c.push((ptr as usize, layout));
                    true
                }
            });
        if !kept {
            evicted.push((ptr as usize, layout));
        }
        // Unmapping happens outside the lock: other threads need not wait for it.
        for (p, l) in evicted {
            // SAFETY: cached buffers, and `ptr` by the caller's contract, are live
            // mappings of their recorded size, no longer referenced.
            unsafe { super::pages::unmap(p as *mut u8, l.size()) };
        }
    }

    /// Frees every cached buffer.
    pub(super) fn clear() {
        let drained: Vec<(usize, Layout)> = match CACHE.lock() {
            Ok(mut c) => c.drain(..).collect(),
            Err(_) => return,
        };
        for (p, l) in drained {
            // SAFETY: cached buffers are live mappings of their recorded size.
            unsafe { super::pages::unmap(p as *mut u8, l.size()) };
        }
    }

    /// Buffers and bytes held by the cache now.
    #[cfg(test)]
    pub(super) fn held() -> (usize, usize) {
        CACHE.lock().map(|c| (c.len(), c.iter().map(|(_, l)| l.size()).sum())).unwrap_or((0, 0))
    }
}

/// Large buffers handed out so far (fresh mappings and cache hits).
static LARGE_COUNT: AtomicUsize = AtomicUsize::new(0);
/// Their bytes.
static LARGE_BYTES: AtomicUsize = AtomicUsize::new(0);

/// How many array buffers of 4 MiB or more this process has allocated so far, and their
/// bytes. Such buffers are mapped from the system rather than taken from the global
/// allocator, so a counting `#[global_allocator]` does not see them; memory tests add
/// these totals to its counts.
#[must_use]
pub fn large_buffer_totals() -> (usize, usize) {
    (LARGE_COUNT.load(Ordering::Relaxed), LARGE_BYTES.load(Ordering::Relaxed))
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
    /// Bytes from the start of the allocation to `ptr` (non-zero only for buffers aligned
    /// by hand inside a larger allocation).
    offset: usize,
}

// SAFETY: the buffer is uniquely owned and `T: Send + Sync`.
unsafe impl<T: Element> Send for OwnedRepr<T> {}
// SAFETY: shared access only reads `T: Sync` values.
unsafe impl<T: Element> Sync for OwnedRepr<T> {}

/// The alignment `malloc` gives on 64-bit targets, which the global allocator serves
/// without an aligned-allocation call.
const MALLOC_ALIGN: usize = 16;

impl<T: Element> OwnedRepr<T> {
    /// The allocation for a buffer of `len` elements: `None` for no bytes; huge-page
    /// aligned and sized in whole huge pages for large buffers (served by [`pages`]; the
    /// rounding also lets buffers of nearly the same size share the reuse cache); the
    /// element's own alignment for other zeroed buffers (so that the allocator can hand
    /// out lazily zeroed pages, calloc, instead of writing zeros); otherwise
    /// [`MALLOC_ALIGN`]-aligned with room to align the elements to [`ALIGN`] by hand.
    ///
    /// Asking the allocator itself for 64-byte alignment would cost memory: glibc's
    /// aligned allocation leaves small free fragments beside each block that keep freed
    /// blocks from merging, and threads churning through arrays of a few MiB grew to
    /// several times their live data.
    fn layout_for(len: usize, zeroed: bool, shape: &[usize]) -> Result<Option<Layout>> {
        let bytes = len.checked_mul(size_of::<T>()).ok_or(Error::TooBig)?;
        if bytes > isize::MAX as usize {
            return Err(Error::TooBig);
        }
        if bytes == 0 {
            return Ok(None);
        }
        let (size, align) = if bytes >= HUGE_MIN {
            // Whole base pages, not whole huge pages: the tail of the last huge page would
            // otherwise become resident for nothing.
            (bytes.next_multiple_of(SMALL_PAGE), HUGE_PAGE)
        } else if zeroed {
            (bytes, align_of::<T>())
        } else {
            (bytes + (ALIGN - MALLOC_ALIGN), MALLOC_ALIGN.max(align_of::<T>()))
        };
        // Only the rounding of a size just under isize::MAX can fail here: memory that
        // cannot exist, so the system's refusal.
        Layout::from_size_align(size, align).map(Some).map_err(|_| Error::alloc::<T>(len, shape))
    }

    fn alloc_with(len: usize, zeroed: bool, shape: &[usize]) -> Result<Self> {
        Self::alloc_mode(len, zeroed, false, shape)
    }

    /// [`alloc_with`](Self::alloc_with); with `warm`, a zeroed buffer may also come from
    /// the reuse cache, zeroed by hand on every thread.
    fn alloc_mode(len: usize, zeroed: bool, warm: bool, shape: &[usize]) -> Result<Self> {
        let Some(layout) = Self::layout_for(len, zeroed, shape)? else {
            return Ok(Self { ptr: NonNull::dangling(), len, layout: None, offset: 0 });
        };
        let mut layout = layout;
        if layout.align() == HUGE_PAGE {
            LARGE_COUNT.fetch_add(1, Ordering::Relaxed);
            LARGE_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        }
        let raw = if layout.align() == HUGE_PAGE {
            // Fresh mappings are zeroed; cached buffers are not.
            match if zeroed && !warm { None } else { cache::take(layout.size()) } {
                Some((p, cached)) => {
                    layout = cached;
                    if zeroed {
                        zero_bytes(p, layout.size());
                    }
                    p
                }
                None => pages::map(layout.size()),
            }
        } else {
            // SAFETY: `layout` has a non-zero size.
            unsafe { if zeroed { alloc::alloc_zeroed(layout) } else { alloc::alloc(layout) } }
        };
        if raw.is_null() {
            return Err(Error::alloc::<T>(len, shape));
        }
        let offset = if zeroed || layout.align() == HUGE_PAGE { 0 } else { (ALIGN - raw as usize % ALIGN) % ALIGN };
        // SAFETY: `layout_for` left ALIGN - MALLOC_ALIGN spare bytes, and a block aligned to
        // MALLOC_ALIGN is at most that far from the next ALIGN boundary, so `len`
        // elements still fit after the offset.
        let ptr = unsafe { NonNull::new_unchecked(raw.add(offset).cast::<T>()) };
        Ok(Self { ptr, len, layout: Some(layout), offset })
    }

    /// A buffer of `len` elements whose bytes are all zero.
    ///
    /// Every element type's zero is the all-zero bit pattern, so the buffer is initialised.
    pub(crate) fn zeroed(len: usize, shape: &[usize]) -> Result<Self> {
        Self::alloc_with(len, true, shape)
    }

    /// A buffer of `len` elements whose bytes are all zero, for a result that is about to
    /// be written whole: a large one may reuse a cached buffer, zeroed on all threads,
    /// which costs less than faulting in and zeroing fresh pages one fault at a time. (A
    /// [`zeroed`](Self::zeroed) buffer stays lazily zeroed, for arrays that may be
    /// touched only in part.)
    pub(crate) fn zeroed_warm(len: usize, shape: &[usize]) -> Result<Self> {
        Self::alloc_mode(len, true, true, shape)
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
        Self { ptr, len, layout, offset: 0 }
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
            // SAFETY: `offset` bytes back from `ptr` is the start of the allocation.
            let ptr = unsafe { self.ptr.as_ptr().cast::<u8>().sub(self.offset) };
            if layout.align() == HUGE_PAGE {
                // SAFETY: huge-page aligned layouts are only made by `alloc_with`, whose
                // large buffers come from `pages::map`; the buffer is not used again.
                unsafe { cache::put(ptr, layout) };
            } else {
                // SAFETY: allocated with this layout by the global allocator (ours or a Vec's).
                unsafe { alloc::dealloc(ptr, layout) };
            }
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
        the_cache_stays_bounded_across_threads();
    }

    #[test]
    fn buffers_are_aligned_without_aligned_allocation_calls() {
        for n in [1, 7, 1000, (1 << 20) / 8, (4 << 20) / 8 - 1] {
            // SAFETY: the buffer is never read.
            let a = unsafe { OwnedRepr::<f64>::uninit(n, &[n]).unwrap() };
            assert_eq!(a.as_ptr().as_ptr() as usize % ALIGN, 0, "{n} elements");
            assert!(a.layout.is_some_and(|l| l.align() <= MALLOC_ALIGN), "{n} elements: plain malloc, no memalign");
        }
        let n = (4 << 20) / 8 + 1;
        // SAFETY: as above.
        let big = unsafe { OwnedRepr::<f64>::uninit(n, &[n]).unwrap() };
        assert_eq!(big.as_ptr().as_ptr() as usize % HUGE_PAGE, 0);
        assert!(big.layout.unwrap().size() < n * 8 + SMALL_PAGE, "sized in base pages, not huge pages");
    }

    /// Called from the test above: tests run in parallel and share the cache.
    fn the_cache_stays_bounded_across_threads() {
        let n = (5 << 20) / 8;
        std::thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(move || {
                    for _ in 0..20 {
                        // SAFETY: the buffers are never read.
                        let v: Vec<_> =
                            (0..3).map(|_| unsafe { OwnedRepr::<u8>::uninit(n * 8, &[n * 8]).unwrap() }).collect();
                        drop(v);
                    }
                });
            }
        });
        let (count, bytes) = cache::held();
        assert!(count <= cache::CACHE_ENTRIES && bytes <= cache::CACHE_MAX_BYTES, "{count} buffers, {bytes} bytes");
    }

    #[test]
    fn alloc_failure_is_numpys_memory_error() {
        let n = 1usize << 40;
        // SAFETY: never read (it cannot be allocated).
        let err = unsafe { OwnedRepr::<f64>::uninit(n, &[n]) }.err().unwrap();
        assert_eq!(err.numpy_kind(), "MemoryError");
        let err = OwnedRepr::<f64>::zeroed(n, &[n]).err().unwrap();
        assert_eq!(err.numpy_kind(), "MemoryError");
    }
}
