//! Mixed-dtype arithmetic converts its operands a buffer at a time: `int32 + float64` on
//! 10^7 elements allocates the result and a few small buffers, never a converted copy of
//! the int32 operand (80 MB), whether the int32 operand is a typed or a dynamic array.
#![allow(unsafe_code)] // a counting global allocator for the test

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use nprs_core::dynarray::{BinaryOp, binary};
use nprs_core::{Array, DynArray};

struct Counting;

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

#[global_allocator]
static GLOBAL: Counting = Counting;

fn measure<R>(f: impl FnOnce() -> R) -> (R, usize, usize) {
    let (b0, c0) = (BYTES.load(Ordering::SeqCst), COUNT.load(Ordering::SeqCst));
    let r = f();
    (r, BYTES.load(Ordering::SeqCst) - b0, COUNT.load(Ordering::SeqCst) - c0)
}

/// Small buffers the loop may take besides the result: one set of cast buffers per share
/// of the work (at most four shares per thread) and the thread pool's job records.
const SLACK_BYTES: usize = 4 << 20;
const SLACK_COUNT: usize = 256;

#[test]
fn int32_plus_float64_allocates_only_the_result() {
    let n = 10_000_000usize;
    let x = Array::<i32>::from_vec((0..n as i32).map(|i| i % 1000 - 500).collect());
    let y = Array::<f64>::from_vec((0..n).map(|i| i as f64 * 0.25).collect());
    let (dx, dy) = (DynArray::from(x.clone()), DynArray::from(y.clone()));
    // Warm up: the thread pool starts and each thread's first buffers are taken.
    for _ in 0..2 {
        let _ = binary(BinaryOp::Add, &dx, &dy).unwrap();
        let _ = binary(BinaryOp::Add, &x, &dy).unwrap();
    }
    let result = n * size_of::<f64>();
    let (dd, bytes, count) = measure(|| binary(BinaryOp::Add, &dx, &dy).unwrap());
    assert!(
        bytes < result + SLACK_BYTES && count < SLACK_COUNT,
        "dynamic int32 + dynamic float64 allocated {bytes} bytes in {count} blocks (result: {result})"
    );
    let (td, bytes, count) = measure(|| binary(BinaryOp::Add, &x, &dy).unwrap());
    assert!(
        bytes < result + SLACK_BYTES && count < SLACK_COUNT,
        "typed int32 + dynamic float64 allocated {bytes} bytes in {count} blocks (result: {result})"
    );
    let (dt, bytes, count) = measure(|| binary(BinaryOp::Add, &dy, &x).unwrap());
    assert!(
        bytes < result + SLACK_BYTES && count < SLACK_COUNT,
        "dynamic float64 + typed int32 allocated {bytes} bytes in {count} blocks (result: {result})"
    );
    // The values are those of converting first (the whole-operand route).
    let expected = nprs_core::add(&x.astype::<f64>(), &y).unwrap();
    for r in [&dd, &td, &dt] {
        assert_eq!(r.dtype().name(), "float64");
        assert_eq!(r.typed::<f64>().unwrap(), expected);
    }
}
