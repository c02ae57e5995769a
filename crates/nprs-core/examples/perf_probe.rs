use nprs_core::prelude::*;
use std::time::Instant;
fn t<F: FnMut()>(name: &str, mut f: F) {
    f();
    let mut v = vec![];
    for _ in 0..7 { let s = Instant::now(); f(); v.push(s.elapsed().as_secs_f64()); }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{name}: {:.3} ms", v[3] * 1e3);
}
fn main() {
    let a = Array::<f64>::arange(10_000_000);
    let b = Array::<f64>::arange(10_000_000);
    t("add 1e7", || { std::hint::black_box(&a + &b); });
    let m = Array::<f64>::arange(10_000_000).into_shape(&[1000, 10000]).unwrap();
    let r = Array::<f64>::arange(10000);
    t("bcast add", || { std::hint::black_box(&m + &r); });
    let s = Array::<f64>::arange(16_000_000).into_shape(&[4000, 4000]).unwrap();
    t("a + a.T", || { std::hint::black_box(&s + &s.t()); });
    t("a.T copy", || { std::hint::black_box(s.t().to_owned_order(Order::C)); });
    t("astype f32", || { std::hint::black_box(a.astype::<f32>()); });
}
