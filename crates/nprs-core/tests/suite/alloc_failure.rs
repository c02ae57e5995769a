//! Sizes that cannot be allocated give NumPy's `MemoryError` (or, past the largest
//! possible array, its "array is too big" ValueError) — never an abort or a panic. An
//! abort kills this whole binary, so every case here would have failed loudly before.
//!
//! 2**40 float64 elements are 8 TiB: more than any machine running these tests can map.

use nprs_core::prelude::*;
use nprs_core::print::{PrintOptions, array2string};
use nprs_core::{DynArray, Indexing};

const HUGE: usize = 1 << 40;

/// Asserts that `r` is NumPy's MemoryError.
#[track_caller]
fn memory_error<T>(r: Result<T>) {
    match r {
        Ok(_) => panic!("expected a MemoryError, got a value"),
        Err(e) => assert_eq!(e.numpy_kind(), "MemoryError", "{e}"),
    }
}

/// A read-only float64 view of `n` elements (a broadcast scalar: no memory).
fn wide(zero: &Array<f64>, n: usize) -> ArrayView<'_, f64> {
    zero.broadcast_to(&[n]).unwrap()
}

#[test]
fn creation_of_huge_arrays() {
    let e = Array::<f64>::zeros(&[HUGE]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type float64"
    );
    memory_error(Array::<f64>::empty(&[HUGE]));
    memory_error(Array::<f64>::ones(&[1 << 20, 1 << 20]));
    memory_error(Array::<u8>::full(&[HUGE], 7));
    memory_error(nprs_core::eye::<f64>(1 << 20, None, 0, Order::C));
    memory_error(nprs_core::tri::<f64>(1 << 20, None, 0));
    memory_error(nprs_core::indices::<i64>(&[1 << 20, 1 << 20]));
    memory_error(nprs_core::arange(0.0, HUGE as f64, 1.0));
    memory_error(nprs_core::linspace(0.0, 1.0, HUGE, true));
    memory_error(DynArray::zeros(&[HUGE], &nprs_core::Descr::unicode(3)));
}

#[test]
fn dynamic_memory_errors_name_the_dtype() {
    let e = DynArray::zeros(&[HUGE], &nprs_core::Descr::unicode(3)).unwrap_err();
    assert_eq!(e.to_string(), "Unable to allocate 12.0 TiB for an array with shape (1099511627776,) and data type <U3");
}

#[test]
fn array_split_into_huge_counts() {
    let a = Array::<f64>::arange(3);
    memory_error(nprs_core::array_split(&a, HUGE, 0));
}

#[test]
fn meshgrid_copies_of_huge_grids() {
    let zero = Array::<f64>::zeros(&[1]).unwrap();
    let x = wide(&zero, 1 << 20);
    let e = nprs_core::meshgrid(&[x.clone(), x], Indexing::Xy, false, true).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Unable to allocate 8.00 TiB for an array with shape (1048576, 1048576) and data type float64"
    );
}

#[test]
fn manipulation_with_huge_counts() {
    let a = Array::<f64>::arange(3);
    let zero = Array::<f64>::zeros(&[1]).unwrap();
    memory_error(nprs_core::tile(&a, HUGE));
    memory_error(nprs_core::repeat(&a, HUGE, None::<isize>));
    memory_error(nprs_core::resize(&a, HUGE));
    memory_error(nprs_core::pad(&a, HUGE, nprs_core::PadMode::Edge));
    memory_error(nprs_core::concatenate(&[wide(&zero, HUGE), wide(&zero, 3)], 0));
    memory_error(nprs_core::stack(&[wide(&zero, HUGE), wide(&zero, HUGE)], 0));
    memory_error(nprs_core::append(&wide(&zero, HUGE), &a, None::<isize>));
}

#[test]
fn basic_indexing_copies_of_huge_views() {
    let zero = Array::<f64>::zeros(&[1]).unwrap();
    memory_error(wide(&zero, HUGE).index(&[nprs_core::IndexArg::Slice { start: None, stop: None, step: 1 }]));
}

#[test]
fn string_functions_with_huge_widths() {
    // NumPy 2.4.6: np.strings.multiply(np.array(['ab']), 2**40) and friends.
    let s = DynArray::from_strs(&["ab"]);
    let msg = |r: Result<DynArray>| r.map(drop).unwrap_err().to_string();
    assert_eq!(msg(nprs_core::strings::multiply(&s, 1 << 40)), "data type 'U2199023255552' not understood");
    assert_eq!(msg(nprs_core::strings::multiply(&s, 1 << 62)), "data type 'U-9223372036854775808' not understood");
    assert_eq!(msg(nprs_core::strings::center(&s, HUGE, ' ')), "data type 'U1099511627776' not understood");
    assert_eq!(msg(nprs_core::strings::zfill(&s, HUGE)), "data type 'U1099511627776' not understood");
    assert_eq!(msg(nprs_core::strings::ljust(&s, 536_870_912, ' ')), "data type 'U536870912' not understood");
}

#[test]
fn printing_a_huge_broadcast_summarises_without_copying() {
    let zero = Array::<f64>::zeros(&[1]).unwrap();
    let v = wide(&zero, HUGE);
    assert_eq!(format!("{v}"), "[0. 0. 0. ... 0. 0. 0.]");
    let d = DynArray::from(Array::<f64>::zeros(&[1]).unwrap());
    let dv = d.broadcast_to(&[HUGE]).unwrap();
    assert_eq!(dv.array_str(&PrintOptions::default()).unwrap(), "[0. 0. 0. ... 0. 0. 0.]");
}

#[test]
fn printing_with_huge_edgeitems() {
    let a = array![1.5, 2.0];
    let opts = PrintOptions { edgeitems: usize::MAX, threshold: 0, ..PrintOptions::default() };
    // NumPy prints the whole array when 2 * edgeitems reaches past it (edgeitems=2**62).
    assert_eq!(array2string(&a, &opts, " ", "", ""), "[1.5 2. ]");
}

#[test]
fn reshape_strides_of_different_sizes_is_none() {
    assert_eq!(nprs_core::shape::reshape_strides(&[2, 3], &[3, 1], &[5], Order::C), None);
    assert_eq!(nprs_core::shape::reshape_strides(&[2, 3], &[3, 1], &[4, 2], Order::F), None);
    assert_eq!(nprs_core::shape::reshape_strides(&[2, 3], &[3], &[6], Order::C), None);
}

#[test]
fn printing_past_numpys_float_length_is_its_runtime_error() {
    // NumPy 2.4.6: str(np.array([1.5, np.nan])) raises RuntimeError "Float formatting
    // result too large" from precision 16382 in fixed mode and from a nanstr of 16384
    // characters; 16381 and 16383 print.
    let d = DynArray::from(array![1.5, f64::NAN]);
    let fixed =
        |precision| PrintOptions { precision, floatmode: nprs_core::FloatMode::Fixed, ..PrintOptions::default() };
    let nan = |n| PrintOptions { nanstr: "n".repeat(n), ..PrintOptions::default() };
    assert_eq!(d.array_str(&fixed(16_381)).unwrap().len(), 32_770);
    assert_eq!(d.array_str(&nan(16_383)).unwrap().len(), 32_770);
    for opts in [fixed(16_382), fixed(70_000), fixed(usize::MAX), nan(16_384), nan(70_000)] {
        let e = d.array_str(&opts).unwrap_err();
        assert_eq!((e.numpy_kind(), e.to_string().as_str()), ("RuntimeError", "Float formatting result too large"));
    }
    // Only finite values go through NumPy's float formatter: a long nanstr alone prints.
    let only_nan = DynArray::from(array![f64::NAN]);
    assert_eq!(only_nan.array_str(&nan(70_000)).unwrap().len(), 70_002);
    // The typed printers panic with the same message instead of returning it.
    let typed = std::panic::catch_unwind(|| array2string(&array![1.5], &fixed(70_000), " ", "", ""));
    let msg = typed.unwrap_err();
    assert_eq!(msg.downcast_ref::<String>().map(String::as_str), Some("Float formatting result too large"));
}

#[test]
fn fancy_indexing_with_huge_broadcast_index_arrays() {
    // np.zeros(3)[np.broadcast_to(np.array([1]), (2**40,))]: NumPy's MemoryError for the
    // result. The bounds of a broadcast index array are checked once per distinct element,
    // so this returns at once instead of walking 2**40 positions.
    let a = Array::<f64>::zeros(&[3]).unwrap();
    let one = Array::<i64>::from_shape_vec(&[1], vec![1]).unwrap();
    let idx = one.broadcast_to(&[HUGE]).unwrap();
    memory_error(a.index(idx![&idx]));
    memory_error(a.take(&idx, None));
    memory_error(a.take(&idx, Some(0)));
    // An out-of-bounds index is still found, and named as NumPy names it.
    let five = Array::<i64>::from_shape_vec(&[2], vec![0, 5]).unwrap();
    let bad = five.broadcast_to(&[HUGE, 2]).unwrap();
    let e = a.index(idx![&bad]).unwrap_err();
    assert_eq!(e.to_string(), "index 5 is out of bounds for axis 0 with size 3");
}
