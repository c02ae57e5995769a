//! Dynamic dispatch costs nothing measurable: adding two dynamic `float64` arrays runs the
//! typed kernel on views of the inputs and allocates exactly what the typed `add` does (the
//! output), no casts or copies.

use nprs_core::dynarray::{BinaryOp, binary};
use nprs_core::{Array, DynArray};

#[path = "common/counting.rs"]
mod counting;
use counting::measure;

#[test]
fn dynamic_f64_add_allocates_only_the_output() {
    // Small enough to stay on one thread (the thread pool's job records would otherwise be
    // counted, the same for both paths but not reproducible run to run).
    let n = 100_000;
    let x = Array::<f64>::arange(n);
    let y = Array::<f64>::arange(n);
    let (dx, dy) = (DynArray::from(x.clone()), DynArray::from(y.clone()));
    // Warm up both paths once.
    let _ = nprs_core::add(&x, &y).unwrap();
    let _ = binary(BinaryOp::Add, &dx, &dy).unwrap();

    let (typed, typed_bytes, typed_count) = measure(|| nprs_core::add(&x, &y).unwrap());
    let (dynamic, dyn_bytes, dyn_count) = measure(|| binary(BinaryOp::Add, &dx, &dy).unwrap());
    // The output only, with the slack that aligning it to 64 bytes inside a plain
    // allocation takes.
    assert!(
        (n * 8..n * 8 + nprs_core::kernel::ALIGN).contains(&typed_bytes),
        "the typed add allocates its output only ({typed_bytes} bytes)"
    );
    assert_eq!(dyn_bytes, typed_bytes, "the dynamic add allocates what the typed add does");
    assert_eq!(dyn_count, typed_count);
    assert_eq!(dynamic.typed::<f64>().unwrap(), typed);
    // The result is the typed kernel's output, moved in without a copy.
    let (back, bytes, _) = measure(|| dynamic.into_typed::<f64>().unwrap());
    assert_eq!(bytes, 0);
    assert_eq!(back, typed);
}
