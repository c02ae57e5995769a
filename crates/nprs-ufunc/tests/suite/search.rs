//! searchsorted, partition/argpartition, lexsort and sort_complex against NumPy; the
//! partition guarantees by property.

use crate::common;

use nprs_core::prelude::*;
use nprs_core::{C64, C128, DynArray};
use nprs_testkit::{Cases, Elems, oracle};
use nprs_ufunc::{
    PartitionInPlace, Side, SortElem, SortMethods, argpartition, lexsort, lexsort_dyn, partition, searchsorted,
    searchsorted_dyn, searchsorted_scalar, sort, sort_complex,
};
use proptest::prelude::*;

fn floats(c: &Cases, name: &str) -> Array<f64> {
    let a = c.case(name).array();
    let Elems::Float(v) = &a.data else { panic!("{name}: not floats") };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

fn ints(c: &Cases, name: &str) -> Array<i64> {
    let a = c.case(name).array();
    let Elems::Int(v) = &a.data else { panic!("{name}: not ints") };
    Array::from_shape_vec(&a.shape, v.iter().map(|&x| x as i64).collect()).unwrap()
}

/// Many needles of every dtype: the batched searches, their tails and the threaded split
/// (NumPy's indices recorded as int16).
fn check_batched<T: common::FromOracle>(c: &Cases, dt: &str) {
    let h = common::load::<T>(c, &format!("ssb_{dt}_h"));
    let v = common::load::<T>(c, &format!("ssb_{dt}_v"));
    for side in [Side::Left, Side::Right] {
        let name = format!("ssb_{dt}_{}", if side == Side::Left { "left" } else { "right" });
        c.case(&name).check(&searchsorted(&h, &v, side, None).unwrap().astype::<i16>());
        // a strided needle view is copied first
        let v2 = Array::from_vec(v.iter().flat_map(|x| [x, x]).collect());
        c.case(&name).check(&searchsorted(&h, &v2.slice(s![..;2]), side, None).unwrap().astype::<i16>());
    }
}

#[test]
fn searchsorted_batched_matches_numpy() {
    let c = oracle("sort/search");
    check_batched::<bool>(&c, "bool");
    check_batched::<i8>(&c, "int8");
    check_batched::<i16>(&c, "int16");
    check_batched::<i32>(&c, "int32");
    check_batched::<i64>(&c, "int64");
    check_batched::<u8>(&c, "uint8");
    check_batched::<u16>(&c, "uint16");
    check_batched::<u32>(&c, "uint32");
    check_batched::<u64>(&c, "uint64");
    check_batched::<f16>(&c, "float16");
    check_batched::<f32>(&c, "float32");
    check_batched::<f64>(&c, "float64");
    check_batched::<C64>(&c, "complex64");
    check_batched::<C128>(&c, "complex128");
}

#[test]
fn searchsorted_matches_numpy() {
    let c = oracle("sort/search");
    let (h, v) = (floats(&c, "ss_h"), floats(&c, "ss_v"));
    c.case("ss_left").check(&searchsorted(&h, &v, Side::Left, None).unwrap());
    c.case("ss_right").check(&searchsorted(&h, &v, "right".parse().unwrap(), None).unwrap());
    c.case("ss_left").check(&h.searchsorted(&v, Side::Left).unwrap());
    let sv = sort(&v, None).unwrap();
    c.case("ss_sorted_needles").check(&searchsorted(&h, &sv, Side::Right, None).unwrap());
    let v2 = v.slice(s![..600]).to_owned().into_shape(&[20, 30]).unwrap();
    c.case("ss_2d_needles").check(&searchsorted(&h, &v2, Side::Left, None).unwrap());
    c.case("ss_left")
        .check(&searchsorted_dyn(&DynArray::from(h.clone()), &DynArray::from(v.clone()), Side::Left, None).unwrap());
    let a = ints(&c, "ss_sorter_a");
    let sorter = nprs_ufunc::argsort(&a, Some(-1)).unwrap();
    let needles = array![-5i64, 0, 3, 5, 1 << 62];
    c.case("ss_sorter_left").check(&searchsorted(&a, &needles, Side::Left, Some(&sorter)).unwrap());
    c.case("ss_sorter_right").check(&searchsorted(&a, &needles, Side::Right, Some(&sorter)).unwrap());
    c.case("ss_scalar")
        .check(&Array::from_elem_0d(searchsorted_scalar(&array![1i64, 2, 2, 3], 2, Side::Right, None).unwrap()));
    c.case("ss_empty")
        .check(&searchsorted(&Array::<i64>::zeros(&[0]).unwrap(), &array![1i64, 2], Side::Left, None).unwrap());
    let n = f64::NAN;
    let hay =
        sort(&array![C128::new(1.0, 1.0), C128::new(1.0, n), C128::new(n, 0.0), C128::new(0.0, 0.0)], None).unwrap();
    let nd = array![C128::new(1.0, 2.0), C128::new(n, 5.0), C128::new(1.0, 0.0)];
    c.case("ss_complex").check(&searchsorted(&hay, &nd, Side::Left, None).unwrap());
    let e = searchsorted_scalar(&Array::<f64>::zeros(&[2, 2]).unwrap(), 1.0, Side::Left, None).unwrap_err();
    c.case("ss_too_deep").check_error(e.numpy_kind(), &e.to_string());
    let e = searchsorted_scalar(&Array::<f64>::arange(5), 1.0, Side::Left, Some(&array![0i64, 1])).unwrap_err();
    c.case("ss_sorter_size").check_error(e.numpy_kind(), &e.to_string());
    let e = "x".parse::<Side>().unwrap_err();
    c.case("ss_bad_side").check_error(e.numpy_kind(), &e.to_string());
    // an out-of-range sorter entry that the search reads is an error, not a panic
    let e =
        searchsorted_scalar(&Array::<f64>::arange(5), 4.0, Side::Left, Some(&array![0i64, 1, 2, 3, 9])).unwrap_err();
    assert_eq!(e.to_string(), "Sorter index out of range.");
}

/// NumPy's guarantee: each kth element in sorted position, nothing greater before it,
/// nothing smaller after it.
fn check_partitioned<T: SortElem>(p: &[T], sorted: &[T], ks: &[usize]) {
    for &k in ks {
        assert!(T::np_cmp(p[k], sorted[k]).is_eq(), "kth {k} not in sorted position");
        assert!(p[..k].iter().all(|&x| T::np_cmp(x, p[k]).is_le()), "greater element before kth {k}");
        assert!(p[k + 1..].iter().all(|&x| T::np_cmp(x, p[k]).is_ge()), "smaller element after kth {k}");
    }
}

#[test]
fn partition_matches_numpy() {
    let c = oracle("sort/search");
    let a = floats(&c, "part_a");
    let sorted = sort(&a, None).unwrap().to_vec();
    for k in [0isize, 5000, 10006, -1, -300] {
        let p = partition(&a, &[k], -1).unwrap();
        let kk = if k < 0 { (k + 10007) as usize } else { k as usize };
        c.case(&format!("part_k{k}")).check(&Array::from_elem_0d(p.to_vec()[kk]));
        check_partitioned(&p.to_vec(), &sorted, &[kk]);
        let idx = argpartition(&a, &[k], -1).unwrap().to_vec();
        let by_idx: Vec<f64> = idx.iter().map(|&i| a.to_vec()[i as usize]).collect();
        check_partitioned(&by_idx, &sorted, &[kk]);
    }
    let mut p = a.clone();
    p.partition(&[3, 9000, 77, 77], 0).unwrap();
    let pv = p.to_vec();
    c.case("part_multi").check(&array![pv[3], pv[77], pv[9000]]);
    check_partitioned(&pv, &sorted, &[3, 77, 9000]);
    for (name, k) in [("part_kth_oob", vec![5isize]), ("part_kth_neg_oob", vec![-6]), ("part_multi_oob", vec![1, 7])] {
        let e = partition(&Array::<f64>::arange(5), &k, -1).unwrap_err();
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
    }
    let d = nprs_ufunc::partition_dyn(&DynArray::from(a.clone()), &[5000], 0).unwrap();
    c.case("part_k5000").check(&Array::from_elem_0d(d.typed::<f64>().unwrap().to_vec()[5000]));
    let idx = nprs_ufunc::argpartition_dyn(&DynArray::from(a.clone()), &[-1], -1).unwrap();
    c.case("part_k-1").check(&Array::from_elem_0d(a.to_vec()[idx.to_vec()[10006] as usize]));
    let e = partition(&Array::from_elem_0d(3.0), &[0], -1).unwrap_err();
    c.case("part_0d").check_error(e.numpy_kind(), &e.to_string());
    let e = argpartition(&Array::<f64>::arange(5), &[1], 1).unwrap_err();
    c.case("part_axis").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn lexsort_and_sort_complex_match_numpy() {
    let c = oracle("sort/search");
    let (k0, k1, k2) = (ints(&c, "lex_k0"), ints(&c, "lex_k1"), floats(&c, "lex_k2"));
    c.case("lex_int").check(&lexsort(&[k0.view(), k1.view()], -1).unwrap());
    let keys = [DynArray::from(k2.clone()), DynArray::from(k0.clone()), DynArray::from(k1.clone())];
    c.case("lex_mixed").check(&lexsort_dyn(&keys, -1).unwrap());
    let (r0, r1) = (k0.clone().into_shape(&[30, 100]).unwrap(), k1.clone().into_shape(&[30, 100]).unwrap());
    c.case("lex_2d").check(&lexsort(&[r0.view(), r1.view()], 0).unwrap());
    let e = lexsort(&[Array::<f64>::zeros(&[3]).unwrap(), Array::<f64>::zeros(&[4]).unwrap()], -1).unwrap_err();
    c.case("lex_shape").check_error(e.numpy_kind(), &e.to_string());
    let e = lexsort::<nprs_core::kernel::OwnedRepr<f64>>(&[], -1).unwrap_err();
    c.case("lex_empty").check_error(e.numpy_kind(), &e.to_string());
    let vals = [3.0, 10.0, 2.0, 0.0, 7.0];
    for dt in ["int8", "uint16", "int32", "float32", "float64", "complex64"] {
        let f = DynArray::from(Array::from_vec(vals.to_vec()));
        let d = f.astype(&nprs_core::Descr::parse(dt).unwrap()).unwrap();
        let s = sort_complex(&d).unwrap();
        let case = c.case(&format!("sc_{dt}"));
        if case.array().name == "complex64" {
            case.check(&s.typed::<C64>().unwrap());
        } else {
            case.check(&s.typed::<C128>().unwrap());
        }
    }
    let s = sort_complex(&DynArray::from(array![f64::NAN, 1.0, -0.0, f64::INFINITY, 0.5])).unwrap();
    c.case("sc_nan").check(&s.typed::<C128>().unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn partition_guarantees_hold(
        v in prop::collection::vec(prop_oneof![(-5i32..5).prop_map(f64::from), Just(f64::NAN), Just(-0.0)], 1..400),
        kth in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
    ) {
        let n = v.len();
        let ks: Vec<usize> = kth.iter().map(|i| i.index(n)).collect();
        let kis: Vec<isize> = ks.iter().map(|&k| k as isize).collect();
        let a = Array::from_vec(v.clone());
        let sorted = sort(&a, None).unwrap().to_vec();
        check_partitioned(&partition(&a, &kis, 0).unwrap().to_vec(), &sorted, &ks);
        let idx = argpartition(&a, &kis, -1).unwrap().to_vec();
        let mut seen = vec![false; n];
        for &i in &idx { prop_assert!(!std::mem::replace(&mut seen[i as usize], true)); }
        let by_idx: Vec<f64> = idx.iter().map(|&i| v[i as usize]).collect();
        check_partitioned(&by_idx, &sorted, &ks);
    }

    /// Every type of the vectorised partition, on lanes long enough for several partition
    /// steps, with many ties (and NaNs and both zeros for the floats).
    #[test]
    fn partition_guarantees_hold_per_dtype(
        v in prop::collection::vec(-40i32..40, 1..3000),
        kth in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
    ) {
        fn one<T: SortElem>(v: Vec<T>, ks: &[usize]) {
            let kis: Vec<isize> = ks.iter().map(|&k| k as isize).collect();
            let a = Array::from_vec(v);
            let sorted = sort(&a, None).unwrap().to_vec();
            check_partitioned(&partition(&a, &kis, 0).unwrap().to_vec(), &sorted, ks);
        }
        let n = v.len();
        let ks: Vec<usize> = kth.iter().map(|i| i.index(n)).collect();
        let float = |x: i32| match x {
            39 => f64::NAN,
            0 => -0.0,
            _ => f64::from(x),
        };
        one(v.iter().map(|&x| i64::from(x)).collect(), &ks);
        one(v.clone(), &ks);
        one(v.iter().map(|&x| x as u32).collect(), &ks);
        one(v.iter().map(|&x| x as u64).collect(), &ks);
        one(v.iter().map(|&x| float(x) as f32).collect(), &ks);
        one(v.iter().map(|&x| float(x)).collect(), &ks);
    }
}
