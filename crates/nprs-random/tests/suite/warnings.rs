//! The warnings of nprs-random against NumPy's: `random_integers`' DeprecationWarning and
//! `multivariate_normal(check_valid='warn')`'s RuntimeWarning (class and message, and the
//! result that comes with them), and the errors they become under `WarnAction::Error`.

use nprs_core::Array;
use nprs_core::warnings::{WarnAction, Warning, catch_warnings, with_filter};
use nprs_random::legacy::global as npr;
use nprs_random::{CheckValid, MvnMethod, RandomState, default_rng};
use nprs_testkit::{Value, oracle};

type Outcome = (Vec<i128>, Vec<(String, String)>);

/// NumPy's `[shape, [(class, message), ...]]`.
fn numpy_outcome(v: &Value) -> Outcome {
    let Value::List(items) = v else { panic!("expected a list, found {v:?}") };
    let Value::List(shape) = &items[0] else { panic!("expected a shape") };
    let shape = shape.iter().map(|d| if let Value::Int(i) = d { *i } else { panic!("dimension {d:?}") }).collect();
    let Value::List(ws) = &items[1] else { panic!("expected warnings") };
    let ws = ws
        .iter()
        .map(|w| match w {
            Value::List(p) => match (&p[0], &p[1]) {
                (Value::Str(c), Value::Str(m)) => (c.clone(), m.clone()),
                other => panic!("warning {other:?}"),
            },
            other => panic!("warning {other:?}"),
        })
        .collect();
    (shape, ws)
}

fn outcome<T: nprs_core::Element>(r: (nprs_random::Result<Array<T>>, Vec<Warning>)) -> Outcome {
    let shape = r.0.unwrap().shape().iter().map(|&d| d as i128).collect();
    (shape, r.1.into_iter().map(|w| (w.category.name().to_string(), w.message)).collect())
}

fn cov(v: [f64; 4]) -> Array<f64> {
    Array::from_shape_vec(&[2, 2], v.to_vec()).unwrap()
}

const NOT_PSD: [f64; 4] = [1.0, 2.0, 2.0, 1.0];
const ASYM: [f64; 4] = [2.0, 0.5, 0.1, 1.0];
const EYE: [f64; 4] = [1.0, 0.0, 0.0, 1.0];

fn legacy(c: [f64; 4], check: CheckValid) -> nprs_random::Result<Array<f64>> {
    RandomState::new(1).multivariate_normal([0.0, 0.0], cov(c), 4, check, 1e-8)
}

fn generator(c: [f64; 4], check: CheckValid, method: MvnMethod) -> nprs_random::Result<Array<f64>> {
    default_rng(1).multivariate_normal([0.0, 0.0], cov(c), 4, check, 1e-8, method)
}

#[test]
fn warnings_are_numpys() {
    let o = oracle("random/warnings");
    let (w, i) = (CheckValid::Warn, CheckValid::Ignore);
    let (svd, eigh, chol) = (MvnMethod::Svd, MvnMethod::Eigh, MvnMethod::Cholesky);
    let check = |name: &str, got: Outcome| o.case(name).check_with(numpy_outcome, got);
    check("random_integers", outcome(catch_warnings(|| RandomState::new(1).random_integers(3, 10, 4))));
    check("random_integers_neg", outcome(catch_warnings(|| RandomState::new(1).random_integers(-7, -1, [2, 2]))));
    // NumPy's one-argument `random_integers(10)` is `random_integers(1, 10)`: the same words.
    check("random_integers_one", outcome(catch_warnings(|| RandomState::new(1).random_integers(1, 10, ()))));
    check("random_integers_global", outcome(catch_warnings(|| npr::random_integers(5, 6, 3))));
    check("legacy_warn", outcome(catch_warnings(|| legacy(NOT_PSD, w))));
    check("legacy_asym", outcome(catch_warnings(|| legacy(ASYM, w))));
    check("legacy_ok", outcome(catch_warnings(|| legacy(EYE, w))));
    check("legacy_ignore", outcome(catch_warnings(|| legacy(NOT_PSD, i))));
    check("global_warn", outcome(catch_warnings(|| npr::multivariate_normal([0.0, 0.0], cov(NOT_PSD), 2, w, 1e-8))));
    check("svd_warn", outcome(catch_warnings(|| generator(NOT_PSD, w, svd))));
    check("svd_asym", outcome(catch_warnings(|| generator(ASYM, w, svd))));
    check("eigh_warn", outcome(catch_warnings(|| generator(NOT_PSD, w, eigh))));
    check("eigh_ignore", outcome(catch_warnings(|| generator(NOT_PSD, i, eigh))));
    check("svd_ok", outcome(catch_warnings(|| generator(EYE, w, svd))));
    check("cholesky_asym", outcome(catch_warnings(|| generator(ASYM, w, chol))));
}

#[track_caller]
fn check_raised<T: std::fmt::Debug>(name: &str, r: nprs_random::Result<T>) {
    match r.expect_err(name) {
        nprs_random::Error::Core(nprs_core::Error::Warning { category, message }) => {
            oracle("random/warnings").case(name).check_error(category, &message);
        }
        other => panic!("{name}: not a warning: {other:?}"),
    }
}

#[test]
fn error_filter_turns_warnings_into_errors() {
    let w = CheckValid::Warn;
    with_filter(WarnAction::Error, || {
        check_raised("error_random_integers", RandomState::new(1).random_integers(3, 10, 4));
        check_raised("error_legacy_warn", legacy(NOT_PSD, w));
        check_raised("error_svd_warn", generator(NOT_PSD, w, MvnMethod::Svd));
        check_raised("error_eigh_warn", generator(NOT_PSD, w, MvnMethod::Eigh));
        // A valid covariance does not warn, so the filter changes nothing.
        assert!(legacy(EYE, w).is_ok());
    });
}
