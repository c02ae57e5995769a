//! Times the default sort (the AVX-512 quicksort where the CPU has it) against the stable
//! radix sort, which is also the default kind's path on CPUs without AVX-512, on 10^7
//! elements: `cargo run --release -p nprs-ufunc --example sort_timing [n] [reps]`.
//! Each figure is the best of `reps` runs of `sort(&a)` (a copy and a sort, as `np.sort`),
//! in CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`, Python's
//! `time.thread_time()`), which a loaded machine disturbs less than wall time.
#![allow(unsafe_code, reason = "the thread CPU clock is a C library call")]

/// `struct timespec` of Linux on 64-bit targets.
#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

// SAFETY: `clock_gettime` is the POSIX function of the C library every Linux `std` links;
// it writes one `struct timespec` through its pointer argument.
unsafe extern "C" {
    fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
}

/// The calling thread's CPU time in seconds.
fn thread_time() -> f64 {
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable `timespec`; 3 is `CLOCK_THREAD_CPUTIME_ID` on Linux.
    unsafe { clock_gettime(3, &mut t) };
    t.sec as f64 + t.nsec as f64 * 1e-9
}

use nprs_core::Array;
use nprs_ufunc::{SortElem, SortKind, argsort, sort_kind};

fn best<R>(reps: usize, mut f: impl FnMut() -> R) -> f64 {
    let mut t = f64::INFINITY;
    for _ in 0..reps {
        let s = thread_time();
        std::hint::black_box(f());
        t = t.min(thread_time() - s);
    }
    t * 1e3
}

fn row<T: SortElem>(name: &str, v: Vec<T>, reps: usize) {
    let a = Array::from_vec(v);
    let new = best(reps, || sort_kind(&a, Some(-1), SortKind::Quicksort).unwrap());
    let old = best(reps, || sort_kind(&a, Some(-1), SortKind::Stable).unwrap());
    println!("{name:>12}: default {new:8.1} ms   radix {old:8.1} ms   radix/default {:.2}", old / new);
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|s| s.parse().expect("a number")).collect();
    let n = args.first().copied().unwrap_or(10_000_000);
    let reps = args.get(1).copied().unwrap_or(5);
    let mut s = 0x9E37_79B9_7F4A_7C15_u64;
    let mut bits = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let u: Vec<u64> = (0..n).map(|_| bits()).collect();
    let uniform: Vec<f64> = u.iter().map(|&b| (b >> 11) as f64 / (1u64 << 53) as f64).collect();
    row("f64", uniform.clone(), reps);
    row("f32", uniform.iter().map(|&x| x as f32).collect(), reps);
    row("i64", u.iter().map(|&b| b as i64).collect(), reps);
    row("i32", u.iter().map(|&b| b as i32).collect(), reps);
    row("u64", u.clone(), reps);
    row("u32", u.iter().map(|&b| b as u32).collect(), reps);
    let mut nearly: Vec<f64> = (0..n).map(|i| i as f64).collect();
    for _ in 0..n / 100 {
        let (i, j) = ((bits() % n as u64) as usize, (bits() % n as u64) as usize);
        nearly.swap(i, j);
    }
    row("f64 nearly", nearly, reps);
    row("i64 10 vals", u.iter().map(|&b| (b % 10) as i64).collect(), reps);
    let m = n / 10;
    let a = Array::from_vec(uniform[..m].to_vec());
    let t = best(reps, || argsort(&a, Some(-1)).unwrap());
    println!("{:>12}: {t:8.1} ms", format!("argsort {m}"));
}
