//! CPU time of the calling thread (best of N) for the datetime bench rows' work: parsing
//! 10^6 ISO dates into `M8[D]` and `datetime_as_string` of 10^6 `M8[s]` values into a
//! `U38` array, as `benches/src/workloads.rs` runs them. Run with `--release`; compare
//! with the same calls timed by `time.thread_time()` in NumPy (see docs/performance.md):
//!
//! ```text
//! import numpy as np, time
//! def best(f, runs=7):
//!     b = 1e9
//!     for _ in range(runs):
//!         t = time.thread_time(); f(); b = min(b, time.thread_time() - t)
//!     return b
//! rng = np.random.default_rng(1)
//! s = np.datetime_as_string((rng.integers(0, 40000, 10**6) - 10000).view('M8[D]')).tolist()
//! print(best(lambda: np.array(s, dtype='M8[D]').view('i8')))
//! a = (rng.integers(0, 2**40, 10**6) - 2**39).view('M8[s]')
//! print(best(lambda: np.datetime_as_string(a).view(np.int32)))
//! ```

#![allow(unsafe_code)] // one call of clock_gettime, for the thread's CPU time

use nprs_core::DynArray;
use nprs_core::dtype::Descr;

/// CPU seconds used by this thread.
fn thread_cpu() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant the
    // system defines; clock_gettime writes only into `ts`.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &raw mut ts) };
    assert_eq!(rc, 0, "clock_gettime failed");
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let t = thread_cpu();
            std::hint::black_box(f());
            thread_cpu() - t
        })
        .fold(f64::INFINITY, f64::min)
}

/// `n` values in `0..high` (a SplitMix64 stream).
fn indices(n: usize, high: u64, seed: u64) -> Vec<i64> {
    (0..n as u64)
        .map(|i| {
            let mut z =
                (i + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(seed.wrapping_mul(0xD1B5_4A32_D192_ED03));
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % high) as i64
        })
        .collect()
}

fn datetimes(counts: &[i64], dtype: &str) -> DynArray {
    let bytes: Vec<u8> = counts.iter().flat_map(|c| c.to_ne_bytes()).collect();
    DynArray::from_bytes(&bytes, &Descr::parse(dtype).expect("dtype"), &[counts.len()]).expect("datetimes")
}

fn main() {
    let n = 1_000_000;
    let runs = std::env::args().nth(1).and_then(|r| r.parse().ok()).unwrap_or(7);
    let days: Vec<i64> = indices(n, 40_000, 1).into_iter().map(|d| d - 10_000).collect();
    let days = datetimes(&days, "M8[D]");
    let text = nprs_datetime::datetime_as_string_array(&days, None, "naive").expect("dates");
    let parse = best(runs, || {
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        nprs_datetime::datetime_array(&refs, Some("D")).expect("ISO dates")
    });
    println!("parse ISO dates 1e6: {:.1} ms", parse * 1e3);

    let secs: Vec<i64> = indices(n, 1 << 40, 2).into_iter().map(|x| x - (1 << 39)).collect();
    let secs = datetimes(&secs, "M8[s]");
    let i4: Descr = nprs_core::DType::Int32.into();
    let strings = best(runs, || nprs_datetime::datetime_as_string_array(&secs, None, "naive").expect("datetimes"));
    let as_string = best(runs, || {
        let naive = nprs_datetime::Timezone::Naive;
        let u = nprs_datetime::datetime_as_string_ndarray(&secs, None, naive, "same_kind").expect("datetimes");
        u.view_dtype(&i4).expect("UCS4 code points").to_owned()
    });
    println!("datetime_as_string 1e6 M8[s] (Vec<String>): {:.1} ms", strings * 1e3);
    println!("datetime_as_string 1e6 M8[s] (the row: datetime_as_string_ndarray, U38): {:.1} ms", as_string * 1e3);
}
