//! Times typed hot paths that read an array's layout: elementwise addition of 10^6 `f64`
//! (contiguous and transposed), a sum through the element iterator, and a strided copy.
//! Run with `cargo run --release -p nprs-core --example layout_timing`; the figures in
//! `docs/architecture.md` (the layout section) come from it.

use std::time::Instant;

use nprs_core::prelude::*;

/// The best of `reps` runs of `f`, in microseconds.
fn best_us(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..reps {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64() * 1e6);
    }
    best
}

fn main() -> nprs_core::Result<()> {
    let n = 1000;
    let a = Array::<f64>::arange(n * n).into_shape(&[n as isize, n as isize])?;
    let b = &a * 0.5;
    let reps = 30;
    let add = best_us(reps, || {
        std::hint::black_box(&a + &b);
    });
    let add_t = best_us(reps, || {
        std::hint::black_box(&a.t() + &b);
    });
    let sum = best_us(reps, || {
        std::hint::black_box(a.iter().sum::<f64>());
    });
    let sum_t = best_us(reps, || {
        std::hint::black_box(a.t().iter().sum::<f64>());
    });
    let copy_t = best_us(reps, || {
        std::hint::black_box(a.t().to_owned_order(Order::C));
    });
    println!("add 1e6 f64 contiguous   {add:9.1} us");
    println!("add 1e6 f64 transposed   {add_t:9.1} us");
    println!("iter sum 1e6 f64         {sum:9.1} us");
    println!("iter sum 1e6 f64 (.T)    {sum_t:9.1} us");
    println!("copy .T to C order       {copy_t:9.1} us");
    Ok(())
}
