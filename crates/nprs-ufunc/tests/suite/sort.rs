//! `sort` / `argsort` against NumPy: every numeric dtype, NaN/±0/inf, ties, stable indices,
//! axes and layouts, errors.

use nprs_core::prelude::*;
use nprs_core::{C64, C128, ClipMode, DynArray, take};
use nprs_testkit::{Cases, Elems, actual, oracle};
use nprs_ufunc::{
    SortElem, SortInPlace, SortKind, SortMethods, argsort, argsort_dyn, argsort_kind, sort, sort_dyn, sort_kind,
};

use crate::common;
use common::{FromOracle, check_loose, load};

/// Bit-exact equality of two nprs arrays (NaN payloads and zero signs included).
fn same_bits<T: Element>(a: &Array<T>, b: &Array<T>) -> bool {
    a.shape() == b.shape() && format!("{:?}", a.to_vec()) == format!("{:?}", b.to_vec())
}

/// The default kind's argsort `idx` of `a` (1-d): a permutation that sorts `a`, with the
/// stable indices on every run of equal elements (so NumPy's wherever the keys are
/// distinct).
fn check_unstable_argsort<T: SortElem>(a: &Array<T>, idx: &Array<i64>, what: &str) {
    let v = a.to_vec();
    let idx = idx.to_vec();
    let stable = argsort_kind(a, Some(-1), SortKind::Stable).unwrap().to_vec();
    assert_eq!(idx.len(), v.len(), "{what}");
    let mut start = 0;
    while start < v.len() {
        let mut end = start + 1;
        while end < v.len() && T::np_cmp(v[stable[start] as usize], v[stable[end] as usize]).is_eq() {
            end += 1;
        }
        let mut got = idx[start..end].to_vec();
        got.sort_unstable();
        assert_eq!(got, stable[start..end], "{what}: positions {start}..{end}");
        start = end;
    }
}

fn check_dtype<T: FromOracle>(c: &Cases, dt: &str, large: bool) {
    let a = load::<T>(c, &format!("{dt}_small_a"));
    check_loose(c.case(&format!("{dt}_small_sort")), &actual(&sort(&a, Some(-1)).unwrap()));
    c.case(&format!("{dt}_small_stable")).check(&sort_kind(&a, Some(-1), SortKind::Stable).unwrap());
    c.case(&format!("{dt}_small_stable")).check(&sort_kind(&a, Some(-1), SortKind::Mergesort).unwrap());
    for kind in [SortKind::Stable, SortKind::Mergesort] {
        c.case(&format!("{dt}_small_argsort")).check(&argsort_kind(&a, Some(-1), kind).unwrap());
    }
    for kind in [SortKind::Quicksort, SortKind::Heapsort] {
        check_unstable_argsort(&a, &argsort_kind(&a, Some(-1), kind).unwrap(), &format!("{dt} small {kind:?}"));
    }
    // the dynamic path gives the same arrays
    let d = DynArray::from(a.clone());
    let ds = sort_dyn(&d, Some(-1), SortKind::Stable).unwrap();
    c.case(&format!("{dt}_small_stable")).check(&ds.typed::<T>().unwrap());
    c.case(&format!("{dt}_small_argsort")).check(&argsort_dyn(&d, None, SortKind::Stable).unwrap());
    if large {
        let a = load::<T>(c, &format!("{dt}_large_a"));
        let case = c.case(&format!("{dt}_large_argsort"));
        case.check(&argsort_kind(&a, Some(-1), SortKind::Stable).unwrap());
        check_unstable_argsort(&a, &argsort(&a, Some(-1)).unwrap(), &format!("{dt} large"));
        check_unstable_argsort(&a, &a.argsort().unwrap(), &format!("{dt} large method"));
        // NumPy's stable sort is a[argsort(a, kind='stable')]
        let Elems::Int(idx) = &case.array().data else { panic!() };
        let idx = Array::from_vec(idx.iter().map(|&i| i as i64).collect::<Vec<_>>());
        let want = take(&a, &idx, None, ClipMode::Raise).unwrap();
        let got = sort_kind(&a, None, SortKind::Stable).unwrap();
        assert!(same_bits(&got, &want), "{dt} large: sorted values differ from NumPy's");
        // the default kind: the same values, equal ones (±0) in any order
        let got = sort(&a, None).unwrap();
        assert!(got.iter().zip(want.iter()).all(|(x, y)| T::np_cmp(x, y).is_eq()), "{dt} large default kind");
        let mut inplace = a.clone();
        inplace.sort_kind(0, SortKind::Mergesort).unwrap();
        assert!(same_bits(&inplace, &want), "{dt} large in place");
    }
}

#[test]
fn every_dtype_matches_numpy() {
    let c = oracle("sort/sort");
    check_dtype::<bool>(&c, "bool", true);
    check_dtype::<i8>(&c, "int8", true);
    check_dtype::<i16>(&c, "int16", false);
    check_dtype::<i32>(&c, "int32", true);
    check_dtype::<i64>(&c, "int64", true);
    check_dtype::<u8>(&c, "uint8", false);
    check_dtype::<u16>(&c, "uint16", false);
    check_dtype::<u32>(&c, "uint32", false);
    check_dtype::<u64>(&c, "uint64", true);
    check_dtype::<f16>(&c, "float16", true);
    check_dtype::<f32>(&c, "float32", true);
    check_dtype::<f64>(&c, "float64", true);
    check_dtype::<C64>(&c, "complex64", false);
    check_dtype::<C128>(&c, "complex128", true);
}

#[test]
fn axes_and_layouts_match_numpy() {
    let c = oracle("sort/sort");
    let a = load::<f64>(&c, "nd_a");
    for ax in [0isize, 1, 2, -1, -3] {
        c.case(&format!("nd_sort_ax{ax}")).check(&sort_kind(&a, Some(ax), SortKind::Stable).unwrap());
        c.case(&format!("nd_argsort_ax{ax}")).check(&argsort_kind(&a, Some(ax), SortKind::Stable).unwrap());
    }
    c.case("nd_sort_none").check(&sort_kind(&a, None, SortKind::Stable).unwrap());
    c.case("nd_argsort_none").check(&argsort_kind(&a, None, SortKind::Stable).unwrap());
    let flat = Array::from_vec(a.to_vec());
    check_unstable_argsort(&flat, &argsort(&a, None).unwrap(), "nd none");
    c.case("nd_sort_T").check(&sort_kind(&a.t(), Some(-1), SortKind::Stable).unwrap());
    c.case("nd_argsort_T").check(&argsort_kind(&a.t(), Some(1), SortKind::Stable).unwrap());
    let v = a.slice(s![..;2, 1..;2, ..;-4]);
    c.case("nd_sort_strided").check(&sort_kind(&v, Some(1), SortKind::Stable).unwrap());
    c.case("nd_argsort_strided").check(&argsort_kind(&v, Some(2), SortKind::Stable).unwrap());
    // the default kind along an axis: each lane's indices sort it
    for ax in [0isize, 1, 2] {
        let idx = argsort(&a, Some(ax)).unwrap();
        let got = nprs_core::take_along_axis(&a, &idx, Some(ax)).unwrap();
        let want = sort_kind(&a, Some(ax), SortKind::Stable).unwrap();
        assert!(got.iter().zip(want.iter()).all(|(x, y)| f64::np_cmp(x, y).is_eq()), "nd default argsort ax{ax}");
    }
    let mut b = a.clone();
    b.sort_kind(0, SortKind::Stable).unwrap();
    c.case("inplace_ax0").check(&b);
    let mut b = a.clone();
    b.slice_mut(s![.., ..;2]).sort_kind(1, SortKind::Stable).unwrap();
    c.case("inplace_strided").check(&b);
}

#[test]
fn edge_cases_and_errors_match_numpy() {
    let c = oracle("sort/sort");
    c.case("empty").check(&sort(&Array::<f64>::zeros(&[3, 0]).unwrap(), Some(-1)).unwrap());
    c.case("empty_argsort").check(&argsort(&Array::<f64>::zeros(&[0, 4]).unwrap(), Some(0)).unwrap());
    let z = Array::from_elem_0d(5.0);
    let e = sort(&z, Some(-1)).unwrap_err();
    c.case("zero_d_axis").check_error(e.numpy_kind(), &e.to_string());
    c.case("zero_d_none").check(&sort(&z, None).unwrap());
    c.case("zero_d_argsort").check(&argsort(&z, Some(-1)).unwrap());
    let e = argsort(&z, Some(1)).unwrap_err();
    c.case("zero_d_argsort_ax1").check_error(e.numpy_kind(), &e.to_string());
    let e = sort(&Array::<f64>::zeros(&[2, 3]).unwrap(), Some(2)).unwrap_err();
    c.case("bad_axis").check_error(e.numpy_kind(), &e.to_string());
    let e = argsort(&Array::<f64>::zeros(&[2, 3]).unwrap(), Some(-3)).unwrap_err();
    c.case("bad_axis_neg").check_error(e.numpy_kind(), &e.to_string());
    for (name, s) in [("bad_kind", "foo"), ("bad_kind_empty", "")] {
        let e = s.parse::<SortKind>().unwrap_err();
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
    }
    let z = array![0.0, -0.0, 0.0, -0.0, f64::NAN, -f64::NAN];
    c.case("zeros_stable").check(&argsort_kind(&z, Some(-1), SortKind::Stable).unwrap());
    let z = array![0.0, -0.0, 0.0, -0.0, 1.0, -0.0];
    c.case("zeros_stable_values").check(&sort_kind(&z, Some(-1), SortKind::Stable).unwrap());
    let n = f64::NAN;
    let cx = array![
        C128::new(n, 1.0),
        C128::new(1.0, n),
        C128::new(n, n),
        C128::new(2.0, -1.0),
        C128::new(1.0, 3.0),
        C128::new(n, -1.0),
        C128::new(-1.0, n)
    ];
    c.case("complex_nan").check(&sort(&cx, Some(-1)).unwrap());
    let ints = array![3i64, 1, 2, 1];
    for (i, k) in ["quicksort", "mergesort", "heapsort", "stable"].into_iter().enumerate() {
        c.case("kinds_int").check_item(i, &sort_kind(&ints, Some(-1), k.parse().unwrap()).unwrap());
    }
}
