//! Mixed-dtype arithmetic converts its operands a buffer at a time: `int32 + float64` on
//! 10^7 elements allocates the result and a few small buffers, never a converted copy of
//! the int32 operand (80 MB), whether the int32 operand is a typed or a dynamic array.

use nprs_core::dynarray::{BinaryOp, binary};
use nprs_core::{Array, DynArray};

#[path = "common/counting.rs"]
mod counting;
use counting::measure;

/// Small buffers the loop may take besides the result: one set of cast buffers per share
/// of the work (at most four shares per thread) and the thread pool's job records.
const SLACK_BYTES: usize = 4 << 20;
const SLACK_COUNT: usize = 256;

#[test]
fn int32_plus_float64_allocates_only_the_result() {
    let n = 10_000_000usize;
    let x = Array::<i32>::from_vec((0..n as i32).map(|i| i % 1000 - 500).collect());
    let y = Array::<f64>::from_vec((0..n).map(|i| i as f64 * 0.25).collect());
    let (dx, dy) = (DynArray::from(x.clone()), DynArray::from(y.clone()));
    // Warm up: the thread pool starts and each thread's first buffers are taken.
    for _ in 0..2 {
        let _ = binary(BinaryOp::Add, &dx, &dy).unwrap();
        let _ = binary(BinaryOp::Add, &x, &dy).unwrap();
    }
    let result = n * size_of::<f64>();
    // The result itself is counted: a whole converted operand would double the bytes.
    let (_, bytes, _) = measure(|| binary(BinaryOp::Add, &dx, &dy).unwrap());
    assert!(bytes >= result, "the result's {result} bytes are counted ({bytes})");
    let (dd, bytes, count) = measure(|| binary(BinaryOp::Add, &dx, &dy).unwrap());
    assert!(
        bytes < result + SLACK_BYTES && count < SLACK_COUNT,
        "dynamic int32 + dynamic float64 allocated {bytes} bytes in {count} blocks (result: {result})"
    );
    let (td, bytes, count) = measure(|| binary(BinaryOp::Add, &x, &dy).unwrap());
    assert!(
        bytes < result + SLACK_BYTES && count < SLACK_COUNT,
        "typed int32 + dynamic float64 allocated {bytes} bytes in {count} blocks (result: {result})"
    );
    let (dt, bytes, count) = measure(|| binary(BinaryOp::Add, &dy, &x).unwrap());
    assert!(
        bytes < result + SLACK_BYTES && count < SLACK_COUNT,
        "dynamic float64 + typed int32 allocated {bytes} bytes in {count} blocks (result: {result})"
    );
    // The values are those of converting first (the whole-operand route).
    let expected = nprs_core::add(&x.astype::<f64>(), &y).unwrap();
    for r in [&dd, &td, &dt] {
        assert_eq!(r.dtype().name(), "float64");
        assert_eq!(r.typed::<f64>().unwrap(), expected);
    }
}
