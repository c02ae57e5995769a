//! `multivariate_normal` (legacy and Generator) against NumPy: the normal draws consumed,
//! the samples, and the argument errors.

use crate::common;

use common::items;
use nprs_core::Array;
use nprs_random::legacy::global as npr;
use nprs_random::{CheckValid, Generator, Mt19937, MvnMethod, RandomState, Size, default_rng};
use nprs_testkit::{Case, Elems, Value, oracle};

const MEAN: [f64; 3] = [1.0, -2.0, 0.5];
const COV: [f64; 9] = [2.0, 0.6, -0.3, 0.6, 1.5, 0.4, -0.3, 0.4, 1.0];
const DIAG: [f64; 9] = [4.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 9.0];

fn floats(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(a) => match &a.data {
            Elems::Float(x) => x.clone(),
            other => panic!("expected floats, found {other:?}"),
        },
        other => panic!("expected an array, found {other:?}"),
    }
}

fn mat(v: &[f64; 9]) -> Array<f64> {
    Array::from_shape_vec(&[3, 3], v.to_vec()).unwrap()
}

/// The algorithms under test: NumPy's name in the case names and how nprs runs it, returning
/// the samples, the standard normals of the same seed, and the `random` draws after the call.
#[derive(Clone, Copy)]
enum Algo {
    Legacy,
    Gen(MvnMethod),
}

const ALGOS: [(&str, Algo); 4] = [
    ("legacy", Algo::Legacy),
    ("svd", Algo::Gen(MvnMethod::Svd)),
    ("eigh", Algo::Gen(MvnMethod::Eigh)),
    ("cholesky", Algo::Gen(MvnMethod::Cholesky)),
];

fn run(algo: Algo, cov: &[f64; 9], size: &[usize]) -> (Array<f64>, Vec<f64>, Array<f64>) {
    let cov = mat(cov);
    let mut shape = size.to_vec();
    shape.push(3);
    match algo {
        Algo::Legacy => {
            let mut rs = RandomState::new(7);
            let x = rs.multivariate_normal(MEAN, &cov, size, CheckValid::Raise, 1e-8).unwrap();
            let next = rs.random_sample(3).unwrap();
            let z = RandomState::new(7).standard_normal(shape.as_slice()).unwrap().to_vec();
            (x, z, next)
        }
        Algo::Gen(m) => {
            let mut rng = default_rng(11);
            let x = rng.multivariate_normal(MEAN, &cov, size, CheckValid::Raise, 1e-8, m).unwrap();
            let next = rng.random(3).unwrap();
            let z = default_rng(11).standard_normal(shape.as_slice()).unwrap().to_vec();
            (x, z, next)
        }
    }
}

/// `z @ diag(signs) @ b + MEAN`, row by row.
fn apply(z: &[f64], b: &[f64], signs: [f64; 3]) -> Vec<f64> {
    let mut out = Vec::with_capacity(z.len());
    for row in z.chunks_exact(3) {
        for j in 0..3 {
            out.push(MEAN[j] + (0..3).map(|k| row[k] * signs[k] * b[k * 3 + j]).sum::<f64>());
        }
    }
    out
}

fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 1e-10 * (1.0 + y.abs()))
}

/// The sign patterns of the factor's rows under which `x` is `z @ (D b) + mean`.
fn sign_patterns(x: &[f64], z: &[f64], b: &[f64]) -> Vec<[f64; 3]> {
    let mut found = Vec::new();
    for bits in 0..8u32 {
        let signs = [0, 1, 2].map(|k| if bits >> k & 1 == 1 { -1.0 } else { 1.0 });
        if close(x, &apply(z, b, signs)) {
            found.push(signs);
        }
    }
    found
}

#[test]
fn stream_after_the_call_is_numpys() {
    let o = oracle("random/mvnormal");
    for (name, algo) in ALGOS {
        for (prefix, cov, size) in
            [("samples", &COV, &[3][..]), ("samples_2d", &COV, &[2, 4][..]), ("samples_diag", &DIAG, &[5][..])]
        {
            let (x, _, next) = run(algo, cov, size);
            let c = o.case(&format!("{prefix}_{name}"));
            c.check_item(1, &next);
            let want = items(c)[0].clone();
            let Value::Array(want) = want else { panic!("{prefix}_{name}: not an array") };
            // The values differ by the factor's signs (see the next test); the shape is NumPy's.
            c.assert_item(0, x.shape() == &want.shape[..], &format!("shape {:?}", x.shape()));
        }
    }
}

#[test]
fn samples_are_the_normals_through_numpys_factor() {
    let o = oracle("random/mvnormal");
    for (name, algo) in ALGOS {
        for (prefix, factor, cov) in [("samples_2d", "factor", &COV), ("samples_diag", "factor_diag", &DIAG)] {
            let size: &[usize] = if prefix == "samples_diag" { &[5] } else { &[2, 4] };
            let (x, z, _) = run(algo, cov, size);
            let b = o.case(&format!("{factor}_{name}")).array();
            let Elems::Float(b) = &b.data else { panic!("factor is not float") };
            let samples = o.case(&format!("{prefix}_{name}"));
            let numpy = floats(&items(samples)[0]);
            // NumPy's samples are exactly z @ b + mean: the same normals, NumPy's factor.
            samples.assert_item(0, close(&numpy, &apply(&z, b, [1.0; 3])), "not z @ NumPy's factor + mean");
            // nprs's are too: exactly one sign pattern of the factor's rows fits, all positive.
            let signs = sign_patterns(&x.to_vec(), &z, b);
            assert_eq!(signs.len(), 1, "{prefix}_{name}: no sign pattern fits ({signs:?})");
            // The Cholesky factor is unique; the SVD and eigh factors are LAPACK's, signs included.
            assert_eq!(signs[0], [1.0; 3], "{prefix}_{name}: not NumPy's factor");
        }
    }
}

#[test]
fn cholesky_and_diagonal_samples_match_numpy() {
    let o = oracle("random/mvnormal");
    let (x, _, next) = run(Algo::Gen(MvnMethod::Cholesky), &COV, &[2, 4]);
    o.case("samples_cholesky_tol").check_item(0, &x);
    o.case("samples_cholesky_tol").check_item(1, &next);
    // A diagonal covariance has sign-unique factors when the factorisation returns the
    // unit vectors with positive signs, as LAPACK and faer both do.
    for (name, algo) in ALGOS {
        let (x, _, _) = run(algo, &DIAG, &[5]);
        o.case(&format!("samples_diag_{name}")).check_item(0, &x);
    }
}

#[test]
fn global_function_draws_numpys_stream() {
    let o = oracle("random/mvnormal");
    let c = o.case("global");
    npr::seed(7).unwrap();
    let x = npr::multivariate_normal(MEAN, mat(&COV), 3, CheckValid::Warn, 1e-8).unwrap();
    let next = npr::random_sample(3).unwrap();
    c.check_item(1, &next);
    let z = RandomState::new(7).standard_normal([3, 3]).unwrap().to_vec();
    let b = o.case("factor_legacy").array();
    let Elems::Float(b) = &b.data else { panic!("factor is not float") };
    assert_eq!(sign_patterns(&x.to_vec(), &z, b).len(), 1);
    // NumPy's draws themselves: the same normals through NumPy's factor.
    let numpy = floats(&items(c)[0]);
    c.assert_item(0, close(&numpy, &apply(&z, b, [1.0; 3])), "NumPy's draws are not z @ factor + mean");
}

#[track_caller]
fn check_err(c: &Case, r: nprs_random::Result<Array<f64>>) {
    let e = r.expect_err(&c.name);
    c.check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn errors_are_numpys() {
    let o = oracle("random/mvnormal");
    let c = |n: &str| o.case(&format!("err_{n}"));
    let eye = |n: usize| nprs_core::identity::<f64>(n).unwrap();
    let (w, r, i) = (CheckValid::Warn, CheckValid::Raise, CheckValid::Ignore);
    let not_psd = Array::from_shape_vec(&[2, 2], vec![1.0, 2.0, 2.0, 1.0]).unwrap();
    let mean2d = Array::from_shape_vec(&[1, 2], vec![0.0, 0.0]).unwrap();
    let legacy = || RandomState::new(1);
    let rng = || default_rng(1);
    check_err(c("mean_2d"), legacy().multivariate_normal(&mean2d, eye(2), Size::NONE, w, 1e-8));
    check_err(c("mean_0d"), rng().multivariate_normal(0.0, eye(1), Size::NONE, w, 1e-8, MvnMethod::Svd));
    check_err(c("cov_1d"), legacy().multivariate_normal([0.0, 0.0], [1.0, 1.0], Size::NONE, w, 1e-8));
    let ones = Array::<f64>::ones(&[2, 3]).unwrap();
    check_err(c("cov_not_square"), rng().multivariate_normal([0.0, 0.0], &ones, Size::NONE, w, 1e-8, MvnMethod::Svd));
    check_err(c("length"), rng().multivariate_normal([0.0; 3], eye(2), Size::NONE, w, 1e-8, MvnMethod::Svd));
    check_err(c("negative_size"), legacy().multivariate_normal([0.0, 0.0], eye(2), -1, w, 1e-8));
    check_err(c("legacy_raise"), legacy().multivariate_normal([0.0, 0.0], &not_psd, Size::NONE, r, 1e-8));
    check_err(c("svd_raise"), rng().multivariate_normal([0.0, 0.0], &not_psd, Size::NONE, r, 1e-8, MvnMethod::Svd));
    check_err(c("eigh_raise"), rng().multivariate_normal([0.0, 0.0], &not_psd, Size::NONE, r, 1e-8, MvnMethod::Eigh));
    let chol = rng().multivariate_normal([0.0, 0.0], &not_psd, Size::NONE, r, 1e-8, MvnMethod::Cholesky);
    check_err(c("cholesky_not_pd"), chol);
    let e = "strict".parse::<CheckValid>().unwrap_err();
    c("check_valid").check_error(e.numpy_kind(), &e.to_string());
    let e = "qr".parse::<MvnMethod>().unwrap_err();
    c("method").check_error(e.numpy_kind(), &e.to_string());
    let nan = Array::from_shape_vec(&[2, 2], vec![f64::NAN, 0.0, 0.0, 1.0]).unwrap();
    check_err(c("legacy_nan"), legacy().multivariate_normal([0.0, 0.0], &nan, Size::NONE, w, 1e-8));
    // NumPy's reshape of the draws to (-1, 0) fails for an empty mean.
    let empty = Array::<f64>::zeros(&[0, 0]).unwrap();
    check_err(o.case("empty"), rng().multivariate_normal(Vec::<f64>::new(), &empty, 2, w, 1e-8, MvnMethod::Svd));
    check_err(o.case("legacy_empty"), legacy().multivariate_normal(Vec::<f64>::new(), &empty, 2, w, 1e-8));
    // 'warn' and 'ignore' sample anyway ('warn' reports NumPy's warning: tests/suite/warnings.rs).
    for cv in [w, i] {
        let x = legacy().multivariate_normal([0.0, 0.0], &not_psd, 4, cv, 1e-8).unwrap();
        assert_eq!(x.shape(), &[4, 2]);
        for m in [MvnMethod::Svd, MvnMethod::Eigh] {
            assert_eq!(rng().multivariate_normal([0.0, 0.0], &not_psd, 4, cv, 1e-8, m).unwrap().shape(), &[4, 2]);
        }
    }
    let x = legacy().multivariate_normal([0.0, 0.0], &not_psd, 4, w, 1e-8).unwrap();
    o.case("legacy_warn").check_shape(x.shape());
}

#[test]
fn samples_have_the_requested_covariance() {
    // 200000 draws: the sample covariance is within a few 1e-3 of cov for every method.
    let cov = mat(&COV);
    let n = 200_000;
    let mut draws = vec![RandomState::new(3).multivariate_normal(MEAN, &cov, n, CheckValid::Raise, 1e-8).unwrap()];
    for m in [MvnMethod::Svd, MvnMethod::Eigh, MvnMethod::Cholesky] {
        draws.push(default_rng(3).multivariate_normal(MEAN, &cov, n, CheckValid::Raise, 1e-8, m).unwrap());
    }
    for x in draws {
        let x = x.to_vec();
        let mut m = [0.0; 3];
        for row in x.chunks_exact(3) {
            for j in 0..3 {
                m[j] += row[j] / n as f64;
            }
        }
        for (j, mj) in m.iter().enumerate() {
            assert!((mj - MEAN[j]).abs() < 0.02, "mean {j}: {mj}");
        }
        for a in 0..3 {
            for b in 0..3 {
                let c: f64 = x.chunks_exact(3).map(|r| (r[a] - m[a]) * (r[b] - m[b])).sum::<f64>() / (n as f64 - 1.0);
                assert!((c - COV[a * 3 + b]).abs() < 0.03, "cov[{a}][{b}] = {c}");
            }
        }
    }
}

/// The mean of the random-covariance cases: `np.arange(n) * 0.5 - 1.0`.
fn mean_of(n: usize) -> Vec<f64> {
    (0..n).map(|j| j as f64 * 0.5 - 1.0).collect()
}

#[test]
fn samples_of_random_covariances_are_numpys() {
    // The legacy method and Generator's 'svd' and 'eigh' factor the covariance with LAPACK's
    // steps: NumPy's samples to rounding, not only up to the factor's signs.
    let o = oracle("random/mvnormal");
    for n in 1..=10usize {
        for i in 0..3 {
            let seed = (100 * n + i) as u32;
            let cov = o.case(&format!("random_cov_{n}_{i}")).array();
            let Elems::Float(cov) = &cov.data else { panic!("cov is not float") };
            let cov = Array::from_shape_vec(&[n, n], cov.clone()).unwrap();
            let mean = mean_of(n);
            let mut rs = RandomState::new(seed);
            let x = rs.multivariate_normal(mean.clone(), &cov, 6, CheckValid::Warn, 1e-8).unwrap();
            let c = o.case(&format!("random_legacy_{n}_{i}"));
            c.check_item(0, &x);
            c.check_item(1, &rs.random_sample(2).unwrap());
            let mut rng = default_rng(u64::from(seed));
            let x = rng.multivariate_normal(mean, &cov, [2, 3], CheckValid::Warn, 1e-8, MvnMethod::Svd).unwrap();
            let c = o.case(&format!("random_svd_{n}_{i}"));
            c.check_item(0, &x);
            c.check_item(1, &rng.random(2).unwrap());
            let mut rng = default_rng(u64::from(seed));
            let x = rng.multivariate_normal(mean_of(n), &cov, 4, CheckValid::Warn, 1e-8, MvnMethod::Eigh).unwrap();
            let c = o.case(&format!("random_eigh_{n}_{i}"));
            c.check_item(0, &x);
            c.check_item(1, &rng.random(2).unwrap());
        }
    }
}

#[test]
fn numpys_own_desired_arrays() {
    // test_randomstate.py / test_random.py (legacy) and test_generator_mt19937.py (each
    // method): mean (.123456789, 10), identity covariance, size (3, 2) then the default size.
    let o = oracle("random/mvnormal");
    let mean = [0.123456789, 10.0];
    let eye = nprs_core::identity::<f64>(2).unwrap();
    let w = CheckValid::Warn;
    let mut rs = RandomState::new(1234567890u32);
    let c = o.case("desired_legacy");
    c.check_item(0, &rs.multivariate_normal(mean, &eye, [3, 2], w, 1e-8).unwrap());
    c.check_item(1, &rs.multivariate_normal(mean, &eye, Size::NONE, w, 1e-8).unwrap());
    for (name, m) in [("svd", MvnMethod::Svd), ("eigh", MvnMethod::Eigh), ("cholesky", MvnMethod::Cholesky)] {
        let mut rng = Generator::new(Mt19937::new(1234567890u32));
        let c = o.case(&format!("desired_{name}"));
        c.check_item(0, &rng.multivariate_normal(mean, &eye, [3, 2], w, 1e-8, m).unwrap());
        c.check_item(1, &rng.multivariate_normal(mean, &eye, Size::NONE, w, 1e-8, m).unwrap());
    }
    // The singular covariance [[1, 1], [1, 1]]: degenerate samples, NumPy's to 1e-7.
    let ones = Array::<f64>::ones(&[2, 2]).unwrap();
    for (name, m) in [("svd", MvnMethod::Svd), ("eigh", MvnMethod::Eigh)] {
        let mut rng = Generator::new(Mt19937::new(1234567890u32));
        let x = rng.multivariate_normal([0.0, 0.0], &ones, [3, 2], w, 1e-8, m).unwrap();
        o.case(&format!("desired_singular_{name}")).check(&x);
    }
}
