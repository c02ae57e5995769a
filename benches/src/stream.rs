//! The machine's memory bandwidth, measured as McCalpin's STREAM benchmark does: the
//! copy, scale, add and triad kernels over `float64` arrays far larger than the caches,
//! the best of several repetitions, bytes counted as STREAM counts them (each array read
//! or written once per pass: 16 bytes an element for copy and scale, 24 for add and
//! triad). A reduction that streams its input (`sum`, `max` of 10⁷ `float64`) is bounded
//! by this figure; `cargo xtask bench --compare` reports it with the run.

use rayon::prelude::*;
use serde_json::{Value, json};
use std::time::Instant;

/// Elements per parallel task.
const CHUNK: usize = 1 << 16;

/// The best rate in GB/s of the four STREAM kernels over arrays of `n` elements, `reps`
/// repetitions each, on the current rayon pool.
fn kernels(n: usize, reps: usize) -> [f64; 4] {
    let mut a = vec![1.0f64; n];
    let mut b = vec![2.0f64; n];
    let mut c = vec![0.0f64; n];
    let s = 3.0f64;
    let mut best = [f64::INFINITY; 4];
    for _ in 0..reps.max(1) {
        let t = Instant::now();
        c.par_chunks_mut(CHUNK).zip(a.par_chunks(CHUNK)).for_each(|(c, a)| c.copy_from_slice(a));
        best[0] = best[0].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        b.par_chunks_mut(CHUNK).zip(c.par_chunks(CHUNK)).for_each(|(b, c)| {
            for (b, &c) in b.iter_mut().zip(c) {
                *b = s * c;
            }
        });
        best[1] = best[1].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        c.par_chunks_mut(CHUNK).zip(a.par_chunks(CHUNK).zip(b.par_chunks(CHUNK))).for_each(|(c, (a, b))| {
            for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
                *c = a + b;
            }
        });
        best[2] = best[2].min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        a.par_chunks_mut(CHUNK).zip(b.par_chunks(CHUNK).zip(c.par_chunks(CHUNK))).for_each(|(a, (b, c))| {
            for ((a, &b), &c) in a.iter_mut().zip(b).zip(c) {
                *a = b + s * c;
            }
        });
        best[3] = best[3].min(t.elapsed().as_secs_f64());
    }
    std::hint::black_box((&a, &b, &c));
    let bytes = [16.0, 16.0, 24.0, 24.0].map(|b| b * n as f64);
    std::array::from_fn(|k| bytes[k] / best[k] / 1e9)
}

/// STREAM's four rates (GB/s) with this process's rayon threads and with one thread:
/// `{"n": n, "threads": t, "copy": …, "scale": …, "add": …, "triad": …, "one_thread":
/// {"copy": …, …}}`.
///
/// # Errors
/// A one-thread pool that cannot be built.
pub fn stream(n: usize, reps: usize) -> Result<Value, String> {
    let named = |r: [f64; 4]| json!({"copy": r[0], "scale": r[1], "add": r[2], "triad": r[3]});
    let all = kernels(n, reps);
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().map_err(|e| e.to_string())?;
    let single = one.install(|| kernels(n, reps));
    let mut v = named(all);
    v["n"] = json!(n);
    v["threads"] = json!(rayon::current_num_threads());
    v["one_thread"] = named(single);
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_positive_and_named() {
        let v = stream(1 << 12, 2).unwrap();
        for k in ["copy", "scale", "add", "triad"] {
            assert!(v[k].as_f64().unwrap() > 0.0, "{k}: {v}");
            assert!(v["one_thread"][k].as_f64().unwrap() > 0.0, "{k}: {v}");
        }
        assert_eq!(v["n"], 1 << 12);
    }
}
