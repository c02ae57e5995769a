//! Properties of sorting: the stable argsort is a stable sorting permutation, on both sides of the
//! radix threshold, for values with many ties, NaNs and signed zeros.

use nprs_core::prelude::*;
use nprs_ufunc::{SortElem, SortKind, argsort_kind, sort_kind};
use proptest::prelude::*;

fn check_stable<T: SortElem>(v: &[T]) {
    let a = Array::from_vec(v.to_vec());
    let idx = argsort_kind(&a, Some(-1), SortKind::Stable).unwrap().to_vec();
    let mut seen = vec![false; v.len()];
    for &i in &idx {
        assert!(!std::mem::replace(&mut seen[i as usize], true), "not a permutation");
    }
    for w in idx.windows(2) {
        let (i, j) = (w[0] as usize, w[1] as usize);
        match T::np_cmp(v[i], v[j]) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => assert!(i < j, "equal elements out of input order"),
            std::cmp::Ordering::Greater => panic!("not sorted"),
        }
    }
    let by_idx: Vec<T> = idx.iter().map(|&i| v[i as usize]).collect();
    for kind in [SortKind::Stable, SortKind::Mergesort] {
        let s = sort_kind(&a, None, kind).unwrap().to_vec();
        assert_eq!(format!("{s:?}"), format!("{by_idx:?}"), "stable sort is not a[argsort]");
    }
}

fn float_strategy() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-4i32..4).prop_map(|x| f64::from(x) / 2.0),
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(-f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        any::<f64>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn int_argsort_is_stable(v in prop::collection::vec(-6i64..6, 0..1200)) {
        check_stable(&v);
    }

    #[test]
    fn u8_argsort_is_stable(v in prop::collection::vec(any::<u8>(), 0..1200)) {
        check_stable(&v);
    }

    #[test]
    fn float_argsort_is_stable(v in prop::collection::vec(float_strategy(), 0..1200)) {
        check_stable(&v.iter().map(|&x| x as f32).collect::<Vec<f32>>());
        check_stable(&v);
    }

    #[test]
    fn complex_argsort_is_stable(v in prop::collection::vec((float_strategy(), float_strategy()), 0..600)) {
        check_stable(&v.into_iter().map(|(r, i)| C128::new(r, i)).collect::<Vec<_>>());
    }
}

/// Inputs long enough for the most-significant-digit passes (2^16 elements and more):
/// stable, and the same as std's stable sort under NumPy's order (the default kind up to
/// the order of equal elements).
#[test]
fn long_inputs_match_a_stable_comparison_sort() {
    let mut s = 0x1234_5678_u64;
    let mut next = || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    let specials = [0.0, -0.0, f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5];
    let f: Vec<f64> = (0..300_000)
        .map(|_| {
            let r = next();
            if r % 5 == 0 { specials[(r >> 8) as usize % specials.len()] } else { (r >> 11) as f64 / 1e12 - 4e6 }
        })
        .collect();
    check_stable(&f);
    let mut want = f.clone();
    want.sort_by(|a, b| f64::np_cmp(*a, *b));
    let got = sort_kind(&Array::from_vec(f.clone()), None, SortKind::Stable).unwrap().to_vec();
    assert_eq!(format!("{got:?}"), format!("{want:?}"));
    // The default kind is unstable: equal elements (-0.0 and 0.0, NaNs) in any order.
    let got = sort_kind(&Array::from_vec(f.clone()), None, SortKind::Quicksort).unwrap().to_vec();
    assert!(got.iter().zip(&want).all(|(g, w)| f64::np_cmp(*g, *w).is_eq()));
    let i: Vec<i64> = (0..200_000).map(|_| (next() as i64) >> (next() % 60)).collect();
    check_stable(&i);
    let u: Vec<u32> = (0..100_000).map(|_| (next() >> 40) as u32).collect();
    check_stable(&u);
}

/// Stable sorting of dynamic string, byte-string and datetime arrays: `argsort_dyn` is
/// the permutation std's stable sort gives under NumPy's order, and `sort_dyn` (every kind)
/// and `partition_dyn` agree with it.
mod dynamic {
    use nprs_core::{Descr, DynArray, Scalar};
    use nprs_ufunc::{SortKind, argsort_dyn, partition_dyn, sort_dyn};
    use proptest::prelude::*;

    fn check(d: &DynArray, want: &[usize], kth: usize) {
        let idx = argsort_dyn(d, Some(-1), SortKind::Quicksort).unwrap();
        assert_eq!(idx.iter().map(|i| i as usize).collect::<Vec<_>>(), want, "argsort is not the stable order");
        let by_idx = d.take(&want.iter().map(|&i| i as isize).collect::<Vec<_>>(), None).unwrap();
        for kind in [SortKind::Quicksort, SortKind::Mergesort, SortKind::Heapsort, SortKind::Stable] {
            assert!(sort_dyn(d, Some(-1), kind).unwrap() == by_idx, "sorted values differ from a[argsort]");
        }
        if !want.is_empty() {
            let k = kth % want.len();
            let p = partition_dyn(d, &[k as isize], -1).unwrap();
            assert_eq!(p.item(&[k as isize]).unwrap(), by_idx.item(&[k as isize]).unwrap(), "kth element");
        }
    }

    fn stable_order<T: Ord>(v: &[T]) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        idx.sort_by(|&i, &j| v[i].cmp(&v[j]));
        idx
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn strings_sort_by_code_point(v in prop::collection::vec("[ab\u{e9}\u{1f600}]{0,4}", 0..300), k in 0usize..300) {
            // UTF-8 byte order is code point order
            let d = DynArray::from_strs_width(&v, 4).unwrap();
            check(&d, &stable_order(&v), k);
        }

        #[test]
        fn bytes_sort_unsigned(v in prop::collection::vec(prop::collection::vec(1u8..=255, 0..4), 0..300), k in 0usize..300) {
            let d = DynArray::from_scalars(&[v.len()], &Descr::bytes(3), &v.iter().map(|b| Scalar::Bytes(b[..b.len().min(3)].to_vec())).collect::<Vec<_>>()).unwrap();
            let cut: Vec<Vec<u8>> = v.iter().map(|b| b[..b.len().min(3)].to_vec()).collect();
            check(&d, &stable_order(&cut), k);
        }

        #[test]
        fn datetimes_sort_nat_last(v in prop::collection::vec(prop_oneof![(-5i64..5), Just(i64::MIN), any::<i64>()], 0..300), k in 0usize..300) {
            let d = DynArray::from_scalars(&[v.len()], &Descr::parse("<M8[us]").unwrap(), &v.iter().map(|&x| Scalar::Int(i128::from(x))).collect::<Vec<_>>()).unwrap();
            let key: Vec<(bool, i64)> = v.iter().map(|&x| (x == i64::MIN, x)).collect();
            check(&d, &stable_order(&key), k);
        }
    }
}
