//! Element buffers as bytes: reading straight into an array's allocation, writing
//! straight from it, and byte-order swaps — no intermediate copies.
#![allow(unsafe_code)] // element slices viewed as bytes; each block says why it holds

use std::io::{self, Read};

use nprs_core::{DType, Element};

use crate::error::{Error, Result};

/// Bytes read or written per step when data is streamed or converted in chunks.
pub(crate) const CHUNK: usize = 1 << 20;

/// The bytes of a slice of elements.
pub(crate) fn as_bytes<T: Element>(s: &[T]) -> &[u8] {
    // SAFETY: every element type is plain data without padding (bool is one byte 0/1,
    // complex is two floats), so its memory may be read as `size_of_val(s)` bytes.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<u8>(), size_of_val(s)) }
}

/// The bytes of a mutable slice of elements, for types where every bit pattern is a
/// valid value (every element type but `bool`).
///
/// # Panics
/// When called for `bool`, whose bytes must stay 0 or 1.
pub(crate) fn as_bytes_mut<T: Element>(s: &mut [T]) -> &mut [u8] {
    assert!(T::DTYPE != DType::Bool, "bool buffers are filled through u8");
    // SAFETY: integers, floats, f16 and complex numbers accept any bit pattern, and the
    // slice is uniquely borrowed for the returned lifetime.
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<u8>(), size_of_val(s)) }
}

/// Asks the kernel to back a large buffer with transparent huge pages, so that reading
/// into fresh memory faults once per 2 MiB rather than once per 4 KiB page.
#[cfg(target_os = "linux")]
fn advise_huge(bytes: &mut [u8]) {
    const HUGE: usize = 2 << 20;
    if bytes.len() < 2 * HUGE {
        return;
    }
    let start = bytes.as_mut_ptr() as usize;
    let lo = start.next_multiple_of(HUGE);
    let hi = (start + bytes.len()) & !(HUGE - 1);
    if hi > lo {
        // SAFETY: [lo, hi) lies inside the buffer we own; madvise only gives advice.
        unsafe {
            libc::madvise(lo as *mut libc::c_void, hi - lo, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_bytes: &mut [u8]) {}

/// A `Vec` of `n` zero elements, allocated with lazily zeroed pages (no writing pass).
///
/// # Errors
/// [`nprs_core::Error::TooBig`] / [`nprs_core::Error::Alloc`] when it cannot exist.
pub(crate) fn zeroed_vec<T: Element>(n: usize, shape: &[usize]) -> Result<Vec<T>> {
    let layout = std::alloc::Layout::array::<T>(n).map_err(|_| nprs_core::Error::TooBig)?;
    if layout.size() == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: the layout has a non-zero size.
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) }.cast::<T>();
    if ptr.is_null() {
        return Err(nprs_core::Error::Alloc {
            bytes: layout.size(),
            shape: shape.to_vec(),
            dtype: T::DTYPE.name().into(),
        }
        .into());
    }
    // SAFETY: allocated by the global allocator with `Layout::array::<T>(n)`, exactly the
    // layout a Vec of capacity n uses; the all-zero pattern is a valid value of every
    // element type (0, 0.0, false, 0+0i).
    Ok(unsafe { Vec::from_raw_parts(ptr, n, n) })
}

/// Reads into `buf` until it is full or the stream ends; returns the bytes read.
pub(crate) fn read_full<R: Read + ?Sized>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(k) => got += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Reads `count` elements of `T` (not bool) in their stored byte order.
///
/// With `known_len`, the caller has already checked that the stream holds the data, so
/// the buffer is allocated once; otherwise it grows as data arrives, so a header that
/// promises more than the stream holds never allocates more than about twice what was
/// actually read. Returns the elements and how many were complete.
pub(crate) fn read_elems<T: Element, R: Read + ?Sized>(
    r: &mut R,
    count: usize,
    known_len: bool,
    shape: &[usize],
) -> Result<(Vec<T>, usize)> {
    let item = size_of::<T>();
    if known_len || count.saturating_mul(item) <= CHUNK {
        let mut v = zeroed_vec::<T>(count, shape)?;
        let bytes = as_bytes_mut(&mut v);
        advise_huge(bytes);
        let got = read_full(r, bytes)?;
        return Ok((v, got / item.max(1)));
    }
    let mut v: Vec<T> = Vec::new();
    let mut filled_bytes = 0usize;
    let total = count * item;
    while filled_bytes < total {
        let want = (filled_bytes.max(CHUNK)).min(total - filled_bytes);
        let new_len = (filled_bytes + want).div_ceil(item);
        v.try_reserve_exact(new_len - v.len()).map_err(|_| nprs_core::Error::Alloc {
            bytes: new_len * item,
            shape: shape.to_vec(),
            dtype: T::DTYPE.name().into(),
        })?;
        v.resize(new_len, T::zero());
        let bytes = as_bytes_mut(&mut v);
        let got = read_full(r, &mut bytes[filled_bytes..filled_bytes + want])?;
        filled_bytes += got;
        if got < want {
            break;
        }
    }
    let complete = filled_bytes / item.max(1);
    Ok((v, complete))
}

/// Reverses the bytes of every `unit`-byte group of `bytes` in place.
pub(crate) fn swap_in_place(bytes: &mut [u8], unit: usize) {
    match unit {
        0 | 1 => {}
        2 => bytes.chunks_exact_mut(2).for_each(|c| c.swap(0, 1)),
        4 => bytes.chunks_exact_mut(4).for_each(|c| {
            let v = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]).swap_bytes();
            c.copy_from_slice(&v.to_ne_bytes());
        }),
        8 => bytes.chunks_exact_mut(8).for_each(|c| {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            c.copy_from_slice(&u64::from_ne_bytes(a).swap_bytes().to_ne_bytes());
        }),
        n => bytes.chunks_exact_mut(n).for_each(<[u8]>::reverse),
    }
}

/// Reads `count` bools stored one byte each; any non-zero byte is `true`, as NumPy reads it.
pub(crate) fn read_bools<R: Read + ?Sized>(
    r: &mut R,
    count: usize,
    known_len: bool,
    shape: &[usize],
) -> Result<(Vec<bool>, usize)> {
    let (bytes, got) = read_elems::<u8, R>(r, count, known_len, shape)?;
    Ok((bytes_to_bools(bytes), got))
}

/// Turns bytes into bools (non-zero is true) without copying.
pub(crate) fn bytes_to_bools(mut bytes: Vec<u8>) -> Vec<bool> {
    for b in &mut bytes {
        *b = u8::from(*b != 0);
    }
    let mut bytes = std::mem::ManuallyDrop::new(bytes);
    let (ptr, len, cap) = (bytes.as_mut_ptr(), bytes.len(), bytes.capacity());
    // SAFETY: bool and u8 have the same size and alignment, every byte is now 0 or 1, and
    // the allocation is handed over whole with its length and capacity.
    unsafe { Vec::from_raw_parts(ptr.cast::<bool>(), len, cap) }
}

/// The size of the units whose bytes are reversed to change the byte order of `d`: the
/// element, or each half of a complex number.
pub(crate) fn swap_unit(d: DType) -> usize {
    if d.kind() == 'c' { d.itemsize() / 2 } else { d.itemsize() }
}

/// Converts `elems` from stored byte order when `swap` is set, in place.
pub(crate) fn fix_order<T: Element>(v: &mut [T], unit: usize, swap: bool) {
    if swap && T::DTYPE != DType::Bool {
        swap_in_place(as_bytes_mut(v), unit);
    }
}

/// Appends `x`, growing `v` with a fallible allocation: values parsed from text are not
/// bounded by any size checked beforehand.
pub(crate) fn try_push<T>(v: &mut Vec<T>, x: T) -> Result<()> {
    if v.len() == v.capacity() {
        let more = v.len().max(64);
        v.try_reserve(more).map_err(|_| Error::NoMemory { bytes: (v.len() + more).saturating_mul(size_of::<T>()) })?;
    }
    v.push(x);
    Ok(())
}

/// The error for data shorter than the header promised.
pub(crate) fn truncated(shape: &[usize], count: usize, read: usize) -> Error {
    Error::Truncated { shape: shape.to_vec(), count, read }
}
