//! Selection, membership and arg-extrema on inputs long enough for their fast paths: the
//! sampled selection behind `median`/`percentile` (lanes of 2^16 elements and more), the
//! table `isin` for integers, and `argmax`/`argmin` split over threads. Each is checked
//! against a plain reference (a full sort, a hash set, a sequential scan) on random data
//! of several shapes of distribution.

use std::collections::HashSet;

use nprs_core::prelude::*;
use nprs_ufunc::{QuantileOptions, SortElem};

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in `lo..hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo) as u64) as i64
    }
}

/// Lanes of these lengths take the sampled selection (at least 2^16 elements), odd and
/// even.
const LENS: [usize; 2] = [200_003, 131_072];

fn check_select<T: SortElem>(v: &[T], what: &str) {
    let mut sorted = v.to_vec();
    T::sort_lane(&mut sorted, true);
    let n = v.len();
    let rank_sets: Vec<Vec<usize>> = vec![
        vec![n / 2],
        vec![n / 2 - 1, n / 2],
        vec![0],
        vec![n - 1],
        vec![n / 10, n / 10 + 1],
        vec![n / 4, 3 * n / 4],
    ];
    for ks in rank_sets {
        let mut w = v.to_vec();
        let got = T::select_values(&mut w, &ks);
        for (g, &k) in got.iter().zip(&ks) {
            assert!(T::np_cmp(*g, sorted[k]).is_eq(), "{what}: rank {k} of {n}: {g:?} != {:?}", sorted[k]);
        }
    }
}

#[test]
fn sampled_selection_matches_a_full_sort() {
    let mut rng = Rng(7);
    for &n in &LENS {
        let uniform: Vec<f64> = (0..n).map(|_| rng.unit()).collect();
        check_select(&uniform, "uniform f64");
        let normal: Vec<f64> = (0..n).map(|_| (rng.unit() - 0.5) * 1e6).collect();
        check_select(&normal, "signed f64");
        let zeros: Vec<f64> = (0..n).map(|_| [0.0, -0.0, 1.0, -1.0][rng.range(0, 4) as usize]).collect();
        check_select(&zeros, "signed zeros and ones");
        let few: Vec<i64> = (0..n).map(|_| rng.range(0, 5)).collect();
        check_select(&few, "five distinct i64");
        let wide: Vec<i64> = (0..n).map(|_| rng.next() as i64).collect();
        check_select(&wide, "wide i64");
        let sorted: Vec<i32> = (0..n as i32).collect();
        check_select(&sorted, "sorted i32");
        let reversed: Vec<u64> = (0..n as u64).rev().collect();
        check_select(&reversed, "reversed u64");
        let f32s: Vec<f32> = (0..n).map(|_| rng.unit() as f32 * 100.0 - 50.0).collect();
        check_select(&f32s, "f32");
        // A lane whose values cluster far from its sample: most equal, a tail of outliers.
        let skewed: Vec<f64> = (0..n).map(|i| if i.is_multiple_of(1000) { rng.unit() * 1e9 } else { 3.0 }).collect();
        check_select(&skewed, "skewed f64");
        let with_nan: Vec<f64> = (0..n).map(|i| if i.is_multiple_of(7) { f64::NAN } else { rng.unit() }).collect();
        check_select(&with_nan, "f64 with NaN (NaN sorts last)");
    }
}

#[test]
fn median_and_percentile_of_long_lanes_match_the_sorted_values() {
    let mut rng = Rng(11);
    for &n in &LENS {
        let v: Vec<f64> = (0..n).map(|_| rng.unit() * 10.0 - 3.0).collect();
        let mut s = v.clone();
        s.sort_by(f64::total_cmp);
        let a = Array::from_vec(v);
        let med = nprs_ufunc::median(&a, None, false).unwrap().to_vec()[0];
        let want = if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 };
        assert_eq!(med.to_bits(), want.to_bits(), "median of {n}");
        // Linear percentile 30: NumPy's virtual index (n - 1) * 0.3 between two ranks.
        let p = nprs_ufunc::percentile(&a, 30.0, &QuantileOptions::new()).unwrap().to_vec()[0];
        let idx = (n - 1) as f64 * 0.3;
        let (lo, hi) = (s[idx.floor() as usize], s[idx.floor() as usize + 1]);
        assert!(p >= lo && p <= hi, "percentile 30 of {n}: {p} outside [{lo}, {hi}]");
        // Against the sorting path: more than 16 quantiles at once sort the lane.
        let mut qs = vec![0.3];
        qs.extend((1..=17).map(|i| f64::from(i) / 100.0));
        let sorted_path = nprs_ufunc::quantiles(&a, &qs, &QuantileOptions::new()).unwrap().to_vec()[0];
        assert_eq!(p.to_bits(), sorted_path.to_bits(), "percentile 30 of {n} against the sorting path");
    }
}

fn check_isin<T: SortElem + std::hash::Hash + Eq>(xs: &[T], test: &[T], what: &str) {
    let set: HashSet<T> = test.iter().copied().collect();
    let a = Array::from_vec(xs.to_vec());
    let b = Array::from_vec(test.to_vec());
    for invert in [false, true] {
        let got = nprs_ufunc::isin(&a, &b, invert).to_vec();
        for (x, g) in xs.iter().zip(got) {
            assert_eq!(g, set.contains(x) != invert, "{what}: {x:?} (invert {invert})");
        }
    }
}

#[test]
fn table_isin_matches_a_hash_set() {
    let mut rng = Rng(3);
    // A small range: the table.
    let xs: Vec<i64> = (0..50_000).map(|_| rng.range(-30_000, 30_000)).collect();
    let test: Vec<i64> = (0..5_000).map(|_| rng.range(-10_000, 20_000)).collect();
    check_isin(&xs, &test, "i64, small range");
    // A range wider than six times the sizes: the sorted search.
    let test_wide: Vec<i64> = (0..5_000).map(|_| rng.range(-1_000_000_000, 1_000_000_000)).collect();
    let mut xs_wide = xs.clone();
    xs_wide.extend_from_slice(&test_wide[..100]);
    check_isin(&xs_wide, &test_wide, "i64, wide range");
    // Values beyond i64 in uint64, and around the ends of the small types.
    let ux: Vec<u64> =
        (0..20_000u64).map(|i| u64::MAX - rng.range(0, 40_000) as u64 - u64::from(i.is_multiple_of(2))).collect();
    let ut: Vec<u64> = (0..3_000).map(|_| u64::MAX - rng.range(0, 40_000) as u64).collect();
    check_isin(&ux, &ut, "u64 near the top");
    let bx: Vec<i8> = (0..5_000).map(|_| rng.next() as i8).collect();
    let bt: Vec<i8> = vec![i8::MIN, -1, 0, 1, i8::MAX];
    check_isin(&bx, &bt, "i8");
    let flags: Vec<bool> = (0..1_000).map(|_| rng.next().is_multiple_of(2)).collect();
    check_isin(&flags, &[true], "bool");
    check_isin(&xs[..100], &[], "empty test set");
}

fn first_extreme(v: &[f64], max: bool) -> usize {
    if let Some(i) = v.iter().position(|x| x.is_nan()) {
        return i;
    }
    let mut best = 0;
    for (i, &x) in v.iter().enumerate() {
        if (max && x > v[best]) || (!max && x < v[best]) {
            best = i;
        }
    }
    best
}

#[test]
fn argmax_of_long_arrays_is_the_first_extreme() {
    let mut rng = Rng(5);
    let n = 1 << 20;
    let base: Vec<f64> = (0..n).map(|_| rng.range(0, 1000) as f64).collect();
    let mut cases = vec![("ties across pieces", base.clone())];
    for at in [0, 17, n / 3, n - 1] {
        let mut v = base.clone();
        v[at] = f64::NAN;
        v[n - 5] = f64::NAN;
        cases.push(("NaN", v));
    }
    let mut late = base.clone();
    late[n - 2] = 5000.0;
    late[n / 2] = -5000.0;
    cases.push(("extremes late", late));
    for (what, v) in cases {
        let a = nprs_core::DynArray::from(Array::from_vec(v.clone()));
        let index = |r: nprs_core::DynArray| r.into_typed::<i64>().unwrap().to_vec()[0];
        let mx = index(nprs_ufunc::argmax_dyn(&a.view(), None, false).unwrap());
        let mn = index(nprs_ufunc::argmin_dyn(&a.view(), None, false).unwrap());
        assert_eq!(mx as usize, first_extreme(&v, true), "argmax, {what}");
        assert_eq!(mn as usize, first_extreme(&v, false), "argmin, {what}");
    }
}

#[test]
fn rows_sorted_and_partitioned_over_threads_match_one_row_at_a_time() {
    let mut rng = Rng(9);
    let (r, c) = (300, 257);
    let v: Vec<f64> = (0..r * c).map(|_| if rng.next().is_multiple_of(50) { f64::NAN } else { rng.unit() }).collect();
    let a = Array::from_shape_vec(&[r, c], v.clone()).unwrap();
    let sorted = nprs_ufunc::sort(&a, Some(1)).unwrap().to_vec();
    let parted = nprs_ufunc::partition(&a, &[100], -1).unwrap().to_vec();
    for (i, row) in v.chunks(c).enumerate() {
        let mut want = row.to_vec();
        f64::sort_lane(&mut want, true);
        let got = &sorted[i * c..(i + 1) * c];
        assert!(got.iter().zip(&want).all(|(g, w)| g.to_bits() == w.to_bits()), "row {i} sorted");
        let p = &parted[i * c..(i + 1) * c];
        assert!(f64::np_cmp(p[100], want[100]).is_eq(), "row {i}: kth element");
        assert!(p[..100].iter().all(|x| f64::np_cmp(*x, p[100]).is_le()), "row {i}: before kth");
        assert!(p[101..].iter().all(|x| f64::np_cmp(*x, p[100]).is_ge()), "row {i}: after kth");
    }
}

/// `isclose` of two same-shape float arrays (one pass) against the ufunc-by-ufunc form
/// (taken when the shapes differ and broadcast).
#[test]
fn one_pass_isclose_matches_the_ufunc_form() {
    let mut rng = Rng(21);
    let awkward = [0.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e-320, 1e300, 1.0, 1.0 + 1e-6];
    let n = 200_001;
    let pick = |rng: &mut Rng| {
        let r = rng.next();
        if r.is_multiple_of(4) { awkward[(r >> 8) as usize % awkward.len()] } else { rng.unit() }
    };
    let x: Vec<f64> = (0..n).map(|_| pick(&mut rng)).collect();
    let y: Vec<f64> = x
        .iter()
        .map(|&v| if rng.next().is_multiple_of(3) { pick(&mut rng) } else { v * (1.0 + 2e-6 * (rng.unit() - 0.5)) })
        .collect();
    let tols = [nprs_ufunc::IsClose::new(), nprs_ufunc::IsClose::new().equal_nan(true).rtol(1e-3).atol(0.0)];
    for tol in &tols {
        let (a, b) = (Array::from_vec(x.clone()), Array::from_vec(y.clone()));
        let row = Array::from_shape_vec(&[1, n], x.clone()).unwrap();
        let fast = nprs_ufunc::isclose(&a, &b, tol).unwrap().to_vec();
        let general = nprs_ufunc::isclose(&row, &b, tol).unwrap().to_vec();
        assert_eq!(fast, general, "float64");
        let (a32, b32): (Vec<f32>, Vec<f32>) =
            (x.iter().map(|&v| v as f32).collect(), y.iter().map(|&v| v as f32).collect());
        let row32 = Array::from_shape_vec(&[1, n], a32.clone()).unwrap();
        let fast = nprs_ufunc::isclose(&Array::from_vec(a32), &Array::from_vec(b32.clone()), tol).unwrap().to_vec();
        let general = nprs_ufunc::isclose(&row32, &Array::from_vec(b32), tol).unwrap().to_vec();
        assert_eq!(fast, general, "float32");
    }
}
