//! `Error::kind()` names the Python exception NumPy raises for bad transform arguments.

use nprs_core::{Array, ErrorKind};
use nprs_fft::{Error, Norm, fft, fftfreq, fftn};
use nprs_testkit::{Case, oracle};

#[track_caller]
fn check(case: &Case, e: &Error) {
    case.check_error(e.kind().name(), &e.to_string());
}

#[test]
fn fft_errors_report_numpys_exception_class() {
    let o = oracle("fft/errors");
    let a = Array::<f64>::ones(&[3, 4]).unwrap();
    let e = fft(&a, Some(0), -1, Norm::Backward).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ValueError);
    check(o.case("fft_n0"), &e);
    // `a.shape[2]` in NumPy: Python's IndexError, not an AxisError.
    let e = fft(&a, None, 2, Norm::Backward).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::IndexError);
    check(o.case("fft_axis_bad_default_n"), &e);
    let e = fft(&a, Some(4), 2, Norm::Backward).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::AxisError);
    check(o.case("fft_axis_bad_given_n"), &e);
    let e = fftn(&a, None, Some(&[0, 2]), Norm::Backward).unwrap_err();
    check(o.case("fftn_axes_take"), &e);
    assert_eq!(fftfreq(0, 1.0).unwrap_err().kind(), ErrorKind::ZeroDivisionError);
}
