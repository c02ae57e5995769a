//! Times the default sort and argsort (the AVX-512 kernels where the CPU has them) against
//! the stable radix sort, which is also the default kind's path on CPUs without AVX-512, on
//! 10^7 elements: `cargo run --release -p nprs-ufunc --example sort_timing [n] [reps]`.
//! Each figure is the best of `reps` runs of `sort(&a)` (a copy and a sort, as `np.sort`)
//! or `argsort(&a)`. `1 thread` runs in a one-thread pool and reports CPU time of the
//! calling thread (`CLOCK_THREAD_CPUTIME_ID`, Python's `time.thread_time()`), which a
//! loaded machine disturbs less than wall time; `wall` runs in the global pool (long inputs
//! sort the two sides of their top partitions on two threads) and reports wall time.
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
use nprs_ufunc::{SortElem, SortKind, argsort_kind, sort_kind};

fn best<R>(reps: usize, mut f: impl FnMut() -> R) -> f64 {
    let mut t = f64::INFINITY;
    for _ in 0..reps {
        let s = thread_time();
        std::hint::black_box(f());
        t = t.min(thread_time() - s);
    }
    t * 1e3
}

fn best_wall<R>(reps: usize, mut f: impl FnMut() -> R) -> f64 {
    let mut t = f64::INFINITY;
    for _ in 0..reps {
        let s = std::time::Instant::now();
        std::hint::black_box(f());
        t = t.min(s.elapsed().as_secs_f64());
    }
    t * 1e3
}

/// Prints the default kind's time on one thread (CPU time), on the global pool (wall time),
/// and the stable radix kind's (CPU time) for `f(kind)`.
fn row<R>(name: &str, one: &rayon::ThreadPool, reps: usize, f: impl Fn(SortKind) -> R + Sync) {
    let new = one.install(|| best(reps, || f(SortKind::Quicksort)));
    let wall = best_wall(reps, || f(SortKind::Quicksort));
    let old = best(reps, || f(SortKind::Stable));
    println!(
        "{name:>16}: default 1 thread {new:8.1} ms   wall {wall:8.1} ms   radix {old:8.1} ms   radix/default {:.2}",
        old / new
    );
}

fn sort_row<T: SortElem>(name: &str, one: &rayon::ThreadPool, v: Vec<T>, reps: usize) {
    let a = Array::from_vec(v);
    row(&format!("sort {name}"), one, reps, |k| sort_kind(&a, Some(-1), k).unwrap());
}

fn argsort_row<T: SortElem>(name: &str, one: &rayon::ThreadPool, v: Vec<T>, reps: usize) {
    let a = Array::from_vec(v);
    row(&format!("argsort {name}"), one, reps, |k| argsort_kind(&a, Some(-1), k).unwrap());
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
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a thread pool");
    let only = std::env::var("ROWS").unwrap_or_default();
    if only.is_empty() || only.contains("sort") {
        sort_row("f64", &one, uniform.clone(), reps);
        sort_row("f32", &one, uniform.iter().map(|&x| x as f32).collect(), reps);
        sort_row("i64", &one, u.iter().map(|&b| b as i64).collect(), reps);
        sort_row("i32", &one, u.iter().map(|&b| b as i32).collect(), reps);
        sort_row("u64", &one, u.clone(), reps);
        sort_row("u32", &one, u.iter().map(|&b| b as u32).collect(), reps);
        let mut nearly: Vec<f64> = (0..n).map(|i| i as f64).collect();
        for _ in 0..n / 100 {
            let (i, j) = ((bits() % n as u64) as usize, (bits() % n as u64) as usize);
            nearly.swap(i, j);
        }
        sort_row("f64 nearly", &one, nearly, reps);
        sort_row("i64 10 vals", &one, u.iter().map(|&b| (b % 10) as i64).collect(), reps);
    }
    if only.is_empty() || only.contains("arg") {
        argsort_row("f64", &one, uniform.clone(), reps);
        argsort_row("f32", &one, uniform.iter().map(|&x| x as f32).collect(), reps);
        argsort_row("i64", &one, u.iter().map(|&b| b as i64).collect(), reps);
        argsort_row("i32", &one, u.iter().map(|&b| b as i32).collect(), reps);
        let m = n / 10;
        argsort_row(&format!("f64 {m}"), &one, uniform[..m].to_vec(), reps);
    }
}
