//! Throughput of `.npy` save and load for a large float64 array, and of a memory-mapped
//! load followed by a sum over the mapped data.
#![allow(unsafe_code)] // the memory-map bench maps a file of its own

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nprs_core::Array;
use nprs_io::MmapMode;

/// 80 MB of float64.
const N: usize = 10_000_000;

fn bench(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("nprs-io-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.npy");
    let a = Array::from_vec((0..N).map(|i| i as f64 * 0.5).collect());
    let bytes = (N * 8) as u64;

    let mut g = c.benchmark_group("npy_f64_80MB");
    g.sample_size(10).measurement_time(Duration::from_secs(8)).throughput(Throughput::Bytes(bytes));
    g.bench_function("save", |b| b.iter(|| nprs_io::save(&path, black_box(&a)).unwrap()));
    nprs_io::save(&path, &a).unwrap();
    g.bench_function("load", |b| b.iter(|| black_box(nprs_io::load::<f64>(&path).unwrap())));
    g.bench_function("load_mmap_sum", |b| {
        b.iter(|| {
            // SAFETY: the bench's own file; nothing changes it while it is mapped.
            let m = unsafe { nprs_io::load_mmap::<f64>(&path, MmapMode::ReadOnly) }.unwrap();
            let mut s = 0.0;
            for &x in m.as_slice() {
                s += x;
            }
            black_box(s)
        });
    });
    g.finish();
    std::fs::remove_dir_all(&dir).unwrap();
}

criterion_group!(benches, bench);
criterion_main!(benches);
