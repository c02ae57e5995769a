//! Properties of sorting: argsort is a stable sorting permutation, on both sides of the
//! radix threshold, for values with many ties, NaNs and signed zeros.

use nprs_core::prelude::*;
use nprs_ufunc::{SortElem, SortKind, argsort, sort_kind};
use proptest::prelude::*;

fn check_stable<T: SortElem>(v: &[T]) {
    let a = Array::from_vec(v.to_vec());
    let idx = argsort(&a, Some(-1)).unwrap().to_vec();
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
/// stable, and the same as std's stable sort under NumPy's order.
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
    let got = sort_kind(&Array::from_vec(f.clone()), None, SortKind::Quicksort).unwrap().to_vec();
    assert_eq!(format!("{got:?}"), format!("{want:?}"));
    let i: Vec<i64> = (0..200_000).map(|_| (next() as i64) >> (next() % 60)).collect();
    check_stable(&i);
    let u: Vec<u32> = (0..100_000).map(|_| (next() >> 40) as u32).collect();
    check_stable(&u);
}
