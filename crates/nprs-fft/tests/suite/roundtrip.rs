//! Round trips as properties: `ifft(fft(x)) ≈ x`, `irfft(rfft(x), n) ≈ x`, for random
//! data, lengths (prime ones included), norms, precisions and strided layouts; the plan
//! cache is shared safely between threads.

use nprs_core::{Array, C64, C128, s};
use nprs_fft::{self as f, Norm};
use proptest::prelude::*;

fn norm_of(i: u8) -> Norm {
    [Norm::Backward, Norm::Ortho, Norm::Forward][usize::from(i % 3)]
}

fn bound(n: usize, eps: f64, scale: f64) -> f64 {
    8.0 * eps * (n.max(2) as f64).log2() * scale.max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn ifft_of_fft_is_identity(v in prop::collection::vec((-1e3f64..1e3, -1e3f64..1e3), 1..300), k in 0u8..3) {
        let x = Array::from_vec(v.iter().map(|&(r, i)| C128::new(r, i)).collect());
        let norm = norm_of(k);
        let back = f::ifft(&f::fft(&x, None, -1, norm).unwrap(), None, -1, norm).unwrap();
        let scale = v.iter().map(|&(r, i)| r.hypot(i)).fold(0.0, f64::max);
        for (a, b) in x.iter().zip(back.iter()) {
            prop_assert!((a - b).norm() <= bound(v.len(), f64::EPSILON, scale));
        }
    }

    #[test]
    fn irfft_of_rfft_is_identity(v in prop::collection::vec(-1e3f64..1e3, 1..300), k in 0u8..3) {
        let x = Array::from_vec(v.clone());
        let n = v.len() as isize;
        let norm = norm_of(k);
        let back = f::irfft(&f::rfft(&x, None, -1, norm).unwrap(), Some(n), -1, norm).unwrap();
        let scale = v.iter().map(|a| a.abs()).fold(0.0, f64::max);
        for (a, b) in x.iter().zip(back.iter()) {
            prop_assert!((a - b).abs() <= bound(v.len(), f64::EPSILON, scale));
        }
    }

    #[test]
    fn single_precision_round_trip(v in prop::collection::vec(-1e2f32..1e2, 1..200)) {
        let x = Array::from_vec(v.clone());
        let n = v.len() as isize;
        let back = f::irfft(&f::rfft(&x, None, -1, Norm::Ortho).unwrap(), Some(n), -1, Norm::Ortho).unwrap();
        let scale = f64::from(v.iter().map(|a| a.abs()).fold(0.0, f32::max));
        for (a, b) in x.iter().zip(back.iter()) {
            prop_assert!(f64::from((a - b).abs()) <= bound(v.len(), f64::from(f32::EPSILON), scale));
        }
        let c = Array::from_vec(v.iter().map(|&r| C64::new(r, -r)).collect());
        let cb = f::ifft(&f::fft(&c, None, -1, Norm::Backward).unwrap(), None, -1, Norm::Backward).unwrap();
        for (a, b) in c.iter().zip(cb.iter()) {
            prop_assert!(f64::from((a - b).norm()) <= 2.0 * bound(v.len(), f64::from(f32::EPSILON), scale));
        }
    }

    #[test]
    fn strided_2d_round_trip(rows in 1usize..9, cols in 1usize..13, seed in 0u64..1000) {
        let data: Vec<f64> = (0..rows * cols * 2).map(|i| ((i as u64 * 2654435761 + seed) % 1000) as f64 / 100.0 - 5.0).collect();
        let big = Array::from_shape_vec(&[rows, cols * 2], data).unwrap();
        let x = big.slice(s![.., ..;2]);
        let t = x.t();
        let spec = f::rfft2(&t, None, None, Norm::Backward).unwrap();
        let back = f::irfft2(&spec, Some(&[cols as isize, rows as isize]), None, Norm::Backward).unwrap();
        prop_assert_eq!(back.shape(), t.shape());
        for (a, b) in t.iter().zip(back.iter()) {
            prop_assert!((a - b).abs() <= bound(rows * cols, f64::EPSILON, 5.0) * 4.0);
        }
    }
}

#[test]
fn prime_and_smooth_lengths_round_trip() {
    for n in [1009usize, 4099, 1000, 2 * 3 * 5 * 7 * 11] {
        let x = Array::from_vec((0..n).map(|i| ((i * 7919) % 101) as f64 - 50.0).collect());
        let back =
            f::irfft(&f::rfft(&x, None, -1, Norm::Backward).unwrap(), Some(n as isize), -1, Norm::Backward).unwrap();
        for (a, b) in x.iter().zip(back.iter()) {
            assert!((a - b).abs() <= bound(n, f64::EPSILON, 50.0), "n={n}");
        }
    }
}

#[test]
fn plans_are_shared_across_threads() {
    let x = Array::from_vec((0..4096).map(|i| f64::from(i % 17)).collect());
    let first = f::rfft(&x, None, -1, Norm::Backward).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..10 {
                    assert_eq!(f::rfft(&x, None, -1, Norm::Backward).unwrap(), first);
                }
            });
        }
    });
    assert!(f::cached_plans::<f64>() >= 1);
}

#[test]
fn many_lanes_split_across_threads_equal_one_thread() {
    let a = Array::from_shape_vec(&[300, 256], (0..300 * 256).map(|i| f64::from(i % 97) - 48.0).collect()).unwrap();
    let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let two = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let r1 = one.install(|| f::fft2(&a, None, None, Norm::Backward).unwrap());
    let r2 = two.install(|| f::fft2(&a, None, None, Norm::Backward).unwrap());
    assert_eq!(r1, r2);
}
