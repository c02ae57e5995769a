//! Criterion benches of every row of the workload table, one group per area (`core`,
//! `random`, `io`, `fft`).
//!
//! `cargo bench -p nprs-benches --bench workloads` measures the full sizes (`-- core` for
//! one area). Run as a test
//! (`cargo test --all-targets`, which passes no `--bench`), each bench runs once on the
//! small test sizes.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use nprs_benches::workloads::workloads;
use std::hint::black_box;
use std::time::Duration;

fn areas(c: &mut Criterion) {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let all = workloads();
    let mut areas: Vec<&str> = all.iter().map(|w| w.area).collect();
    areas.dedup();
    for area in areas {
        bench_area(c, area, benchmarking);
    }
}

fn bench_area(c: &mut Criterion, area: &str, benchmarking: bool) {
    let mut group = c.benchmark_group(area);
    group.sample_size(10).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    for w in workloads().into_iter().filter(|w| w.area == area) {
        let dims = if benchmarking { w.dims } else { w.test_dims };
        // Inputs are built on first use, so benches left out by a filter cost nothing.
        let mut prepared = None;
        group.bench_function(BenchmarkId::new(w.name, w.size), |b| {
            let run = prepared.get_or_insert_with(|| (w.nprs)(dims));
            b.iter(|| black_box(run()));
        });
    }
    group.finish();
}

criterion_group!(benches, areas);
criterion_main!(benches);
