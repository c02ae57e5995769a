//! A deterministic mutation fuzzer over valid `.npy` and `.npz` files: thousands of
//! mutated inputs (bit flips, truncations, header-length changes, shape inflation,
//! spliced bytes) must each give a value or an error — never a panic, never a slow
//! case, never an allocation the input does not justify.
//!
//! A counting global allocator records the largest single allocation per input.
#![allow(unsafe_code)] // the counting allocator forwards to the system allocator

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::corpus;
use nprs_io::{LoadOptions, NpzFile, read_npy_dyn};
use nprs_testkit::mutate::{Rng, mutate};

struct Counting;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only records sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f`, returning the largest single allocation it made; panics propagate as a
/// test failure naming the input.
fn probe(label: &str, input: &[u8], f: impl FnOnce()) -> usize {
    LARGEST.store(0, Ordering::Relaxed);
    let t = Instant::now();
    let r = catch_unwind(AssertUnwindSafe(f));
    let took = t.elapsed();
    let largest = LARGEST.load(Ordering::Relaxed);
    assert!(r.is_ok(), "{label}: panicked on input of {} bytes: {:02x?}", input.len(), &input[..input.len().min(200)]);
    assert!(took < Duration::from_millis(500), "{label}: took {took:?}");
    largest
}

#[test]
fn mutated_files_never_panic_or_overallocate() {
    let npy_seeds: Vec<Vec<u8>> = [
        "float64_le",
        "int16_be_f",
        "struct_basic",
        "unicode_be",
        "datetime_ns",
        "float32_v2",
        "struct_unicode_v3",
        "bool_0d",
        "int32_empty3d",
        "struct_nested",
    ]
    .iter()
    .map(|n| std::fs::read(corpus().join(format!("{n}.npy"))).unwrap())
    .collect();
    let npz_seeds: Vec<Vec<u8>> =
        ["plain.npz", "compressed.npz"].iter().map(|n| std::fs::read(corpus().join(n)).unwrap()).collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let budget = Instant::now();
    let (mut npy_runs, mut npz_runs, mut ok_runs) = (0usize, 0usize, 0usize);
    while budget.elapsed() < Duration::from_secs(4) && npy_runs < 40_000 {
        let seed = &npy_seeds[rng.below(npy_seeds.len())];
        let input = mutate(&mut rng, seed);
        let mut ok = false;
        let largest = probe("npy", &input, || {
            ok = read_npy_dyn(&mut &input[..], &LoadOptions::default()).is_ok();
        });
        // Growing buffers: at most about twice what was read, plus one chunk.
        assert!(largest <= 4 * input.len() + (2 << 20), "npy: allocated {largest} for {} bytes", input.len());
        ok_runs += usize::from(ok);
        npy_runs += 1;
        if npy_runs % 8 == 0 {
            let seed = &npz_seeds[rng.below(npz_seeds.len())];
            let input = mutate(&mut rng, seed);
            let largest = probe("npz", &input, || {
                if let Ok(mut npz) = NpzFile::new(Cursor::new(input.clone())) {
                    for name in npz.names() {
                        let _ = npz.get(&name);
                    }
                }
            });
            assert!(largest <= 1100 * input.len() + (16 << 20), "npz: allocated {largest} for {} bytes", input.len());
            npz_runs += 1;
        }
    }
    assert!(npy_runs >= 2000, "only {npy_runs} inputs in the time budget");
    // Some mutations leave a valid file: the fuzzer reaches the data path too.
    assert!(ok_runs > 0);
    eprintln!("fuzz: {npy_runs} npy inputs ({ok_runs} valid), {npz_runs} npz inputs");
}
