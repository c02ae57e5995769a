//! The default (unstable) sort of `float64`, `float32`, `int64`, `int32`, `uint64` and
//! `uint32` lanes, which runs the AVX-512 quicksort where the CPU has it: its result is a
//! permutation of the input (bit for bit, signed zeros and NaN payloads included) in
//! NumPy's order (std's stable `sort_by` with [`SortElem::np_cmp`] is the reference), for
//! every length up to a few register blocks and for long inputs of many shapes, adversarial
//! ones included. The default argsort of the same types (the AVX-512 argsort of key/index
//! pairs) is checked against the stable radix argsort: a permutation that sorts, with the
//! stable indices on every run of equal keys (so the same indices wherever keys are
//! distinct). Inputs past the thread threshold check the parallel partitions of both.

use std::cmp::Ordering;

use nprs_core::prelude::*;
use nprs_ufunc::{SortElem, SortInPlace, SortKind, argsort_kind, sort, sort_kind};
use proptest::prelude::*;

/// A small deterministic generator (PCG-style LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let x = self.0;
        (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9) ^ (x >> 32)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The element types of the SIMD sort, built from random bits.
trait Case: SortElem + std::fmt::Debug {
    fn from_bits(b: u64) -> Self;
    fn bits(self) -> u64;
    /// Special values: extremes, zeros of both signs, infinities, NaNs.
    fn specials() -> Vec<Self>;
    fn small(x: i64) -> Self;
}

macro_rules! int_case {
    ($($t:ty),*) => {$(
        impl Case for $t {
            fn from_bits(b: u64) -> Self {
                b as $t
            }
            fn bits(self) -> u64 {
                self as u64
            }
            fn specials() -> Vec<Self> {
                vec![<$t>::MIN, <$t>::MAX, 0, 1, <$t>::MIN.wrapping_add(1), <$t>::MAX - 1]
            }
            fn small(x: i64) -> Self {
                x as $t
            }
        }
    )*};
}
int_case!(i64, i32, u64, u32);

impl Case for f64 {
    fn from_bits(b: u64) -> Self {
        f64::from_bits(b)
    }
    fn bits(self) -> u64 {
        self.to_bits()
    }
    fn specials() -> Vec<Self> {
        vec![
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7FF0_0000_0000_0001),
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -5e-324,
            5e-324,
        ]
    }
    fn small(x: i64) -> Self {
        x as f64
    }
}

impl Case for f32 {
    fn from_bits(b: u64) -> Self {
        f32::from_bits(b as u32)
    }
    fn bits(self) -> u64 {
        u64::from(self.to_bits())
    }
    fn specials() -> Vec<Self> {
        vec![
            0.0,
            -0.0,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            -f32::NAN,
            f32::from_bits(0xFF80_0001),
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            -1e-45,
            1e-45,
        ]
    }
    fn small(x: i64) -> Self {
        x as f32
    }
}

/// Checks that `out` is `input` sorted: NumPy's order, and the same multiset of bits.
fn check_sorted<T: Case>(input: &[T], out: &[T], what: &str) {
    assert_eq!(input.len(), out.len(), "{what}: length");
    let mut want = input.to_vec();
    want.sort_by(|a, b| T::np_cmp(*a, *b));
    for (i, (o, w)) in out.iter().zip(&want).enumerate() {
        assert_eq!(T::np_cmp(*o, *w), Ordering::Equal, "{what}: element {i}: got {o:?}, want {w:?}");
    }
    let mut a: Vec<u64> = input.iter().map(|x| x.bits()).collect();
    let mut b: Vec<u64> = out.iter().map(|x| x.bits()).collect();
    a.sort_unstable();
    b.sort_unstable();
    assert!(a == b, "{what}: not a permutation of the input");
}

/// The input shapes: `n` elements of distribution `d`.
fn make<T: Case>(d: usize, n: usize, rng: &mut Rng) -> Vec<T> {
    let sp = T::specials();
    let n64 = n as i64;
    (0..n)
        .map(|i| {
            let i64_ = i as i64;
            match d {
                0 => T::from_bits(rng.next()),                                 // any bits
                1 => T::small(rng.below(4) as i64 - 1),                        // few distinct
                2 => T::small(7),                                              // all equal
                3 => T::small(i64_),                                           // sorted
                4 => T::small(n64 - i64_),                                     // reversed
                5 => sp[rng.below(sp.len() as u64) as usize],                  // specials
                6 => T::small(if i64_ < n64 / 2 { i64_ } else { n64 - i64_ }), // organ pipe
                7 => T::small(i64_ % 17),                                      // sawtooth
                8 => {
                    // nearly sorted
                    if rng.below(50) == 0 { T::from_bits(rng.next()) } else { T::small(i64_) }
                }
                9 => {
                    // half specials (NaN-heavy for floats), half random
                    if rng.below(2) == 0 { sp[4 % sp.len()] } else { T::from_bits(rng.next()) }
                }
                10 => T::small((rng.next() >> 40) as i64), // moderate range, positive
                _ => {
                    // one huge and one tiny value among duplicates
                    match rng.below(64) {
                        0 => sp[0],
                        1 => sp[1],
                        _ => T::small(3),
                    }
                }
            }
        })
        .collect()
}

const DISTS: usize = 12;

fn run_all_lengths<T: Case>() {
    let mut rng = Rng(0x5EED);
    // Every length through four 256-lane blocks, then longer ranges that partition.
    let lengths: Vec<usize> = (0..=1100).chain([1500, 4099, 10_007, 65_536, 100_003]).collect();
    for &n in &lengths {
        for d in 0..DISTS {
            if n > 1100 || d == 0 || d == 1 || d == 5 || d == 9 || n % 7 == 0 {
                let v: Vec<T> = make(d, n, &mut rng);
                let what = format!("{} n={n} d={d}", std::any::type_name::<T>());
                // `sort` writes the sorted copy in one step (the first partition reads the
                // input); the in-place sort partitions the array itself.
                let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
                check_sorted(&v, &out, &what);
                if d == 0 || d == 9 || n > 1100 {
                    let mut a = Array::from_vec(v.clone());
                    a.sort(-1).unwrap();
                    check_sorted(&v, &a.to_vec(), &format!("{what} in place"));
                }
            }
        }
    }
}

#[test]
fn default_sort_f64_matches_std_total_order() {
    run_all_lengths::<f64>();
}

#[test]
fn default_sort_f32_matches_std_total_order() {
    run_all_lengths::<f32>();
}

#[test]
fn default_sort_i64_matches_std_total_order() {
    run_all_lengths::<i64>();
}

#[test]
fn default_sort_i32_matches_std_total_order() {
    run_all_lengths::<i32>();
}

#[test]
fn default_sort_u64_matches_std_total_order() {
    run_all_lengths::<u64>();
}

#[test]
fn default_sort_u32_matches_std_total_order() {
    run_all_lengths::<u32>();
}

/// Inputs built against a median-of-evenly-spaced-samples pivot: each level's samples are
/// the smallest values, so the pivots split badly until the depth limit hands the range to
/// heapsort; the result must still be right (and come back in reasonable time).
#[test]
fn default_sort_survives_bad_pivots() {
    for n in [5000usize, 40_000, 200_000] {
        // Sample positions are multiples of n/N plus an offset; putting small values on a
        // regular grid and large ones elsewhere defeats the sampling at several levels.
        for stride in [8usize, 16, 64, 625] {
            let v: Vec<i64> =
                (0..n).map(|i| if i % stride == stride / 2 { i as i64 } else { 1_000_000 + (n - i) as i64 }).collect();
            let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
            check_sorted(&v, &out, &format!("grid n={n} stride={stride}"));
            let w: Vec<f32> = v.iter().map(|&x| x as f32).collect();
            let out = sort(&Array::from_vec(w.clone()), None).unwrap().to_vec();
            check_sorted(&w, &out, &format!("grid f32 n={n} stride={stride}"));
        }
    }
}

/// Every lane of a 2-d array along both axes (strided lanes go through a buffer), and the
/// heapsort kind, which shares the kernel.
#[test]
fn default_sort_along_axes_and_heapsort_kind() {
    let mut rng = Rng(11);
    let v: Vec<f64> = make(9, 300 * 70, &mut rng);
    let a = Array::from_shape_vec(&[300, 70], v).unwrap();
    for axis in [0isize, 1] {
        let mut got = a.clone();
        got.sort(axis).unwrap();
        let want = sort_kind(&a, Some(axis), SortKind::Stable).unwrap();
        let (g, w) = (got.to_vec(), want.to_vec());
        for (x, y) in g.iter().zip(&w) {
            assert_eq!(f64::np_cmp(*x, *y), Ordering::Equal, "axis {axis}");
        }
        let h = sort_kind(&a, Some(axis), SortKind::Heapsort).unwrap().to_vec();
        for (x, y) in h.iter().zip(&w) {
            assert_eq!(f64::np_cmp(*x, *y), Ordering::Equal, "heapsort axis {axis}");
        }
    }
}

/// Checks the unstable kinds' argsort of `input` against the stable one: a permutation, and
/// on each run of equal keys of the stable order the same set of indices.
fn check_argsort<T: Case>(input: &[T], what: &str) {
    let n = input.len();
    let a = Array::from_vec(input.to_vec());
    let stable = argsort_kind(&a, Some(-1), SortKind::Stable).unwrap().to_vec();
    for kind in [SortKind::Quicksort, SortKind::Heapsort] {
        let idx = argsort_kind(&a, Some(-1), kind).unwrap().to_vec();
        assert_eq!(idx.len(), n, "{what}: length");
        let mut seen = vec![false; n];
        for &i in &idx {
            assert!(!std::mem::replace(&mut seen[i as usize], true), "{what}: not a permutation");
        }
        let mut start = 0;
        while start < n {
            let mut end = start + 1;
            while end < n && T::np_cmp(input[stable[start] as usize], input[stable[end] as usize]).is_eq() {
                end += 1;
            }
            let mut got = idx[start..end].to_vec();
            got.sort_unstable();
            assert_eq!(got, stable[start..end], "{what} {kind:?}: positions {start}..{end}");
            start = end;
        }
    }
}

fn run_argsort_lengths<T: Case>() {
    let mut rng = Rng(0xA5);
    // every length through two 128-pair blocks, the tails of longer blocks, partitions
    let lengths: Vec<usize> = (0..=260).chain([511, 512, 513, 1023, 1025, 4099, 10_007, 100_003]).collect();
    for &n in &lengths {
        for d in 0..DISTS {
            if n > 260 || d <= 1 || d == 5 || d == 9 || n % 5 == 0 {
                let v: Vec<T> = make(d, n, &mut rng);
                check_argsort(&v, &format!("{} n={n} d={d}", std::any::type_name::<T>()));
            }
        }
    }
}

#[test]
fn default_argsort_f64_sorts_and_matches_stable_on_distinct_keys() {
    run_argsort_lengths::<f64>();
}

#[test]
fn default_argsort_f32_sorts_and_matches_stable_on_distinct_keys() {
    run_argsort_lengths::<f32>();
}

#[test]
fn default_argsort_i64_sorts_and_matches_stable_on_distinct_keys() {
    run_argsort_lengths::<i64>();
}

#[test]
fn default_argsort_i32_sorts_and_matches_stable_on_distinct_keys() {
    run_argsort_lengths::<i32>();
}

#[test]
fn default_argsort_u64_sorts_and_matches_stable_on_distinct_keys() {
    run_argsort_lengths::<u64>();
}

#[test]
fn default_argsort_u32_sorts_and_matches_stable_on_distinct_keys() {
    run_argsort_lengths::<u32>();
}

/// Long inputs: both sides of the top partitions (over 2e5 elements) sort on two threads.
fn run_threaded<T: Case>() {
    let mut rng = Rng(0x7E);
    for d in [0usize, 1, 3, 8, 9, 11] {
        let v: Vec<T> = make(d, 450_001, &mut rng);
        let what = format!("{} threaded d={d}", std::any::type_name::<T>());
        let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
        check_sorted(&v, &out, &what);
        let mut a = Array::from_vec(v.clone());
        a.sort(-1).unwrap();
        check_sorted(&v, &a.to_vec(), &format!("{what} in place"));
        check_argsort(&v, &what);
    }
}

#[test]
fn threaded_sort_and_argsort_f64_f32() {
    run_threaded::<f64>();
    run_threaded::<f32>();
}

#[test]
fn threaded_sort_and_argsort_i64_u32() {
    run_threaded::<i64>();
    run_threaded::<u32>();
}

/// Types without the SIMD argsort give the stable indices for every kind.
#[test]
fn default_argsort_of_other_types_is_stable() {
    let mut rng = Rng(3);
    for n in [0usize, 1, 255, 256, 3000] {
        let v: Vec<i16> = (0..n).map(|_| rng.below(5) as i16).collect();
        let a = Array::from_vec(v);
        let stable = argsort_kind(&a, Some(-1), SortKind::Stable).unwrap();
        assert_eq!(argsort_kind(&a, Some(-1), SortKind::Quicksort).unwrap().to_vec(), stable.to_vec(), "n={n}");
    }
}

fn f64_strategy() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-4i32..4).prop_map(f64::from),
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        any::<f64>(),
    ]
}

proptest! {
    #[test]
    fn default_sort_f64_prop(v in prop::collection::vec(f64_strategy(), 0..2000)) {
        let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
        check_sorted(&v, &out, "prop f64");
    }

    #[test]
    fn default_sort_f32_prop(v in prop::collection::vec(f64_strategy().prop_map(|x| x as f32), 0..2000)) {
        let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
        check_sorted(&v, &out, "prop f32");
    }

    #[test]
    fn default_sort_i64_prop(v in prop::collection::vec(prop_oneof![any::<i64>(), -3i64..3], 0..2000)) {
        let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
        check_sorted(&v, &out, "prop i64");
    }

    #[test]
    fn default_sort_i32_prop(v in prop::collection::vec(prop_oneof![any::<i32>(), -3i32..3], 0..2000)) {
        let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
        check_sorted(&v, &out, "prop i32");
    }

    #[test]
    fn default_sort_u64_u32_prop(v in prop::collection::vec(prop_oneof![any::<u64>(), 0u64..3], 0..2000)) {
        let out = sort(&Array::from_vec(v.clone()), None).unwrap().to_vec();
        check_sorted(&v, &out, "prop u64");
        let w: Vec<u32> = v.iter().map(|&x| x as u32).collect();
        let out = sort(&Array::from_vec(w.clone()), None).unwrap().to_vec();
        check_sorted(&w, &out, "prop u32");
    }
}
