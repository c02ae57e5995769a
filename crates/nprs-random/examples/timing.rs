//! Times the benchmark workloads (run with `--release`); compare with the same calls in NumPy.

use std::time::Instant;

use nprs_random::{Choice, RandomState, default_rng};

fn time<T>(name: &str, mut f: impl FnMut() -> T) {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{name:40} {:9.3} ms", best * 1e3);
}

fn main() {
    let mut rng = default_rng(42);
    time("random(1e7)", || rng.random(10_000_000).unwrap());
    time("standard_normal(1e7)", || rng.standard_normal(10_000_000).unwrap());
    time("integers(0, 100, 1e7)", || rng.integers::<i64>(0, 100, 10_000_000).unwrap());
    time("normal(0, 1, 1e7)", || rng.normal(0.0, 1.0, 10_000_000).unwrap());
    time("exponential(1, 1e7)", || rng.exponential(1.0, 10_000_000).unwrap());
    time("permutation(1e6)", || rng.permutation(1_000_000).unwrap());
    time("choice(1e7, 1e5, replace=False)", || rng.choice(10_000_000, 100_000, &Choice::new().replace(false)).unwrap());
    let mut rs = RandomState::new(42);
    time("legacy randn(1e7)", || rs.randn(10_000_000).unwrap());
    time("legacy gamma(2.0, 1.0, 1e7)", || rs.gamma(2.0, 1.0, 10_000_000).unwrap());
    time("legacy poisson(5, 1e7)", || rs.poisson(5.0, 10_000_000).unwrap());
    time("legacy binomial(10, 0.3, 1e7)", || rs.binomial(10, 0.3, 10_000_000).unwrap());
}
