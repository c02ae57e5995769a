//! Byte-wise copies of dynamic arrays through the iteration engine, and byte swapping.
#![allow(unsafe_code)] // raw element copies over engine runs; each block says why it holds

use super::{DynArray, DynBase, DynData, DynDataMut};
use crate::dims::Order;
use crate::dtype::{ByteOrder, DType, Descr, DescrKind};
use crate::engine::Plan;
use crate::error::Result;
use crate::layout::contiguous_bytes;

/// Copies one run of `len` elements of `item` bytes.
///
/// # Safety
/// The pointers with these byte strides must address `len` valid, non-overlapping elements.
#[inline]
unsafe fn copy_run(p: [*mut u8; 2], s: [isize; 2], len: usize, item: usize) {
    let (dst, src) = (p[0], p[1].cast_const());
    let it = item as isize;
    // SAFETY: (whole body) forwarded contract.
    unsafe {
        if s[0] == it && s[1] == it {
            std::ptr::copy_nonoverlapping(src, dst, len * item);
            return;
        }
        macro_rules! fixed {
            ($t:ty) => {
                for i in 0..len as isize {
                    dst.offset(i * s[0])
                        .cast::<$t>()
                        .write_unaligned(src.offset(i * s[1]).cast::<$t>().read_unaligned());
                }
            };
        }
        match item {
            1 => fixed!(u8),
            2 => fixed!(u16),
            4 => fixed!(u32),
            8 => fixed!(u64),
            16 => fixed!(u128),
            _ => {
                for i in 0..len as isize {
                    std::ptr::copy_nonoverlapping(src.offset(i * s[1]), dst.offset(i * s[0]), item);
                }
            }
        }
    }
}

/// Copies every element of `src` (already broadcast to `shape`) into `dst`, byte for byte.
///
/// # Safety
/// `dst` with `dst_strides` must address writable elements of `item` bytes that do not
/// overlap `src`'s; `src` with `src_strides` must address readable ones.
pub(crate) unsafe fn copy_bytes(
    dst: *mut u8,
    dst_strides: &[isize],
    src: *const u8,
    src_strides: &[isize],
    shape: &[usize],
    item: usize,
) {
    if item == 0 {
        return;
    }
    let plan = Plan::<2>::new(shape, [dst_strides, src_strides]);
    // SAFETY: forwarded contract; distinct positions of `dst` are distinct elements.
    unsafe { plan.par_for_each_run([dst, src.cast_mut()], |p, s, l| copy_run(p, s, l, item)) };
}

/// Calls `f` with every leaf of `descr` (a dtype that is neither a record nor a sub-array)
/// and its byte offset inside one element, counted from `base`.
pub(crate) fn for_each_leaf(descr: &Descr, base: usize, f: &mut impl FnMut(&Descr, usize)) {
    match descr.kind_of() {
        DescrKind::Record(r) => {
            for field in r.fields() {
                for_each_leaf(&field.descr, base + field.offset, f);
            }
        }
        DescrKind::SubArray(s) => {
            let n: usize = s.shape.iter().product();
            let w = s.base.itemsize();
            for i in 0..n {
                for_each_leaf(&s.base, base + i * w, f);
            }
        }
        _ => f(descr, base),
    }
}

/// The byte ranges `(offset, width)` of one element that must be reversed to turn `descr`
/// into native byte order.
pub(crate) fn swap_segments(descr: &Descr, base: usize, out: &mut Vec<(usize, usize)>) {
    for_each_leaf(descr, base, &mut |leaf, at| {
        if leaf.byte_order() != ByteOrder::opposite_native() {
            return;
        }
        match leaf.kind_of() {
            DescrKind::Numeric(DType::Complex64 | DType::Complex128) => {
                let half = leaf.itemsize() / 2;
                out.push((at, half));
                out.push((at + half, half));
            }
            DescrKind::Unicode(n) => out.extend((0..*n).map(|i| (at + 4 * i, 4))),
            _ => out.push((at, leaf.itemsize())),
        }
    });
}

/// Reverses the byte segments of every element of a contiguous buffer.
pub(crate) fn swap_all(bytes: &mut [u8], item: usize, segments: &[(usize, usize)]) {
    if segments.is_empty() || item == 0 {
        return;
    }
    for elem in bytes.chunks_exact_mut(item) {
        for &(o, w) in segments {
            elem[o..o + w].reverse();
        }
    }
}

impl<S: DynData> DynBase<S> {
    /// A new owned array with the same elements, C order unless the array is
    /// F-contiguous (as NumPy's `copy()` keeps Fortran layouts).
    #[must_use]
    pub fn to_owned(&self) -> DynArray {
        let order = if self.is_f_contiguous() && !self.is_c_contiguous() { Order::F } else { Order::C };
        self.to_owned_order(order)
    }

    /// A new owned array in the given memory order (`copy(order=…)`).
    #[must_use]
    pub fn to_owned_order(&self, order: Order) -> DynArray {
        let mut out = crate::error::or_panic(DynArray::zeros_order(&self.shape, &self.descr, order));
        let dst_strides = out.strides.clone();
        // SAFETY: `out` is fresh (no overlap) and shaped like `self`.
        unsafe {
            copy_bytes(out.ptr.as_ptr(), &dst_strides, self.ptr.as_ptr(), &self.strides, &self.shape, self.itemsize());
        }
        out.layout.descr = self.descr.clone();
        out
    }

    /// A C-contiguous copy in native byte order (the form typed kernels read).
    #[must_use]
    pub fn to_native_contiguous(&self) -> DynArray {
        let mut out = self.to_owned_order(Order::C);
        let mut segs = Vec::new();
        swap_segments(&self.descr, 0, &mut segs);
        if !segs.is_empty() {
            let n = out.nbytes();
            // SAFETY: the owned C-contiguous buffer holds `nbytes` bytes from `ptr`.
            let bytes = unsafe { std::slice::from_raw_parts_mut(out.ptr.as_ptr(), n) };
            swap_all(bytes, out.itemsize(), &segs);
        }
        let native = self.descr.to_native();
        out.layout.descr = native;
        out
    }

    /// The elements' bytes in C order, in the dtype's own byte order (what `.npy` files
    /// and `arr.tobytes()` hold).
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; self.nbytes()];
        let st = contiguous_bytes(&self.shape, self.itemsize(), Order::C);
        // SAFETY: `out` holds `nbytes` bytes laid out by `st`; the source is a valid view.
        unsafe { copy_bytes(out.as_mut_ptr(), &st, self.ptr.as_ptr(), &self.strides, &self.shape, self.itemsize()) };
        out
    }

    /// The same elements in the other byte order (`arr.byteswap().view(dtype.newbyteorder())`
    /// — values unchanged, bytes reversed).
    #[must_use]
    pub fn with_byte_order(&self, order: ByteOrder) -> DynArray {
        let mut out = self.to_owned_order(Order::C);
        let target = self.descr.with_byte_order(order);
        let mut segs_from = Vec::new();
        swap_segments(&self.descr, 0, &mut segs_from);
        let mut segs_to = Vec::new();
        swap_segments(&target, 0, &mut segs_to);
        let n = out.nbytes();
        // SAFETY: the owned C-contiguous buffer holds `nbytes` bytes.
        let bytes = unsafe { std::slice::from_raw_parts_mut(out.ptr.as_ptr(), n) };
        swap_all(bytes, out.itemsize(), &segs_from);
        swap_all(bytes, out.itemsize(), &segs_to);
        out.layout.descr = target;
        out
    }
}

impl<S: DynData + DynDataMut> DynBase<S> {
    /// Copies `src`'s bytes into `self` (same dtype, `src` broadcast to `self`'s shape).
    pub(crate) fn assign_same_dtype<S2: DynData>(&mut self, src: &DynBase<S2>) -> Result<()> {
        let b = src.broadcast_to(&self.shape)?;
        let overlap = ranges_overlap(self.byte_extent(), b.byte_extent());
        if overlap {
            let tmp = b.to_owned();
            // SAFETY: `tmp` is a fresh copy; `self` is writable and uniquely borrowed.
            unsafe {
                copy_bytes(
                    self.ptr.as_ptr(),
                    &self.strides,
                    tmp.ptr.as_ptr(),
                    &tmp.strides,
                    &self.shape,
                    self.itemsize(),
                );
            }
        } else {
            // SAFETY: no overlap; `self` is writable and uniquely borrowed.
            unsafe {
                copy_bytes(self.ptr.as_ptr(), &self.strides, b.ptr.as_ptr(), &b.strides, &self.shape, self.itemsize());
            }
        }
        Ok(())
    }
}

fn ranges_overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}
