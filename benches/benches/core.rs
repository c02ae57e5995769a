//! Criterion benches of nprs-core's hot operations: the `core` rows of the workload table.
//!
//! `cargo bench -p nprs-benches --bench core` measures the full sizes. Run as a test
//! (`cargo test --all-targets`, which passes no `--bench`), each bench runs once on the
//! small test sizes.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use nprs_benches::workloads::workloads;
use std::hint::black_box;
use std::time::Duration;

fn core(c: &mut Criterion) {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    let mut group = c.benchmark_group("core");
    group.sample_size(10).measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1));
    for w in workloads().into_iter().filter(|w| w.area == "core") {
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

criterion_group!(benches, core);
criterion_main!(benches);
