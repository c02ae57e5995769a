//! A counting global allocator for allocation tests: each test binary that includes this
//! file (`#[path = "common/counting.rs"] mod counting;`) installs it.
#![allow(unsafe_code, dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Forwards to the system allocator, counting bytes and blocks.
pub struct Counting;

static BYTES: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        BYTES.fetch_add(layout.size(), Ordering::SeqCst);
        COUNT.fetch_add(1, Ordering::SeqCst);
        // SAFETY: forwarded contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        BYTES.fetch_add(layout.size(), Ordering::SeqCst);
        COUNT.fetch_add(1, Ordering::SeqCst);
        // SAFETY: forwarded contract.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        BYTES.fetch_add(new_size, Ordering::SeqCst);
        COUNT.fetch_add(1, Ordering::SeqCst);
        // SAFETY: forwarded contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Bytes and blocks allocated so far: the global allocator's, plus the large buffers
/// nprs-core maps from the system itself (the result here is one of them).
pub fn totals() -> (usize, usize) {
    let (lc, lb) = nprs_core::large_buffer_totals();
    (BYTES.load(Ordering::SeqCst) + lb, COUNT.load(Ordering::SeqCst) + lc)
}

pub fn measure<R>(f: impl FnOnce() -> R) -> (R, usize, usize) {
    let (b0, c0) = totals();
    let r = f();
    let (b1, c1) = totals();
    (r, b1 - b0, c1 - c0)
}

#[global_allocator]
static GLOBAL: Counting = Counting;
