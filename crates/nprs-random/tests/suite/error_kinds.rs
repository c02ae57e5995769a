//! `Error::kind()` names the Python exception NumPy raises for bad random arguments.

use nprs_core::{Array, ErrorKind};
use nprs_random::{Error, SeedSequence, default_rng};
use nprs_testkit::{Case, oracle};

#[track_caller]
fn check(case: &Case, e: &Error) {
    case.check_error(e.kind().name(), &e.to_string());
}

#[test]
fn random_errors_report_numpys_exception_class() {
    let o = oracle("random/errors");
    let mut g = default_rng(0);
    let e = g.normal_scalar(0.0, -1.0).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ValueError);
    check(o.case("normal_scale"), &e);
    let e = g.uniform_scalar(0.0, f64::INFINITY).unwrap_err();
    assert!(e.kind().is_a(ErrorKind::ArithmeticError));
    check(o.case("uniform_overflow"), &e);
    let e = g.triangular_scalar(1.0, 0.0, 2.0).unwrap_err();
    check(o.case("triangular_left"), &e);
    // len() of a 0-d array: Python's TypeError, carried by nprs-core's error.
    let e = g.shuffle(&mut Array::from_elem_0d(5i64), 0).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TypeError);
    check(o.case("shuffle_0d"), &e);
    let e = g.shuffle(&mut Array::<i64>::arange(3), 1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AxisError);
    check(o.case("shuffle_axis"), &e);

    let s = oracle("random/seed_sequence");
    let e = SeedSequence::try_with(0, vec![], 3, 0).unwrap_err();
    assert!(matches!(e, Error::PoolSize { min: 4 }));
    check(s.case("err_pool_size"), &e);
}
