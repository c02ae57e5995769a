//! `Error::kind()` names the Python exception NumPy raises (LinAlgError, a ValueError
//! subclass; ValueError; AxisError; TypeError), checked against NumPy's recorded class.

use nprs_core::{Array, ErrorKind};
use nprs_linalg::{Error, NormOrd, inv, multi_dot, norm};
use nprs_testkit::{Case, oracle};

#[track_caller]
fn check(case: &Case, e: &Error) {
    case.check_error(e.kind().name(), &e.to_string());
}

fn zeros(shape: &[usize]) -> Array<f64> {
    Array::zeros(shape).unwrap()
}

#[test]
fn linalg_errors_report_numpys_exception_class() {
    let s = oracle("linalg/solve");
    let e = inv(&zeros(&[2, 2])).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::LinAlgError);
    assert!(e.kind().is_a(ErrorKind::ValueError));
    check(s.case("err_singular_inv"), &e);

    let n = oracle("linalg/norms");
    let e = norm(&zeros(&[2, 3]), Some(NormOrd::Fro), Some(&[0]), false).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ValueError);
    check(n.case("err_norm_fro_vec"), &e);
    let e = norm(&zeros(&[2, 3]), None, Some(&[5]), false).unwrap_err();
    assert!(e.kind().is_a(ErrorKind::IndexError));
    check(n.case("err_norm_axis"), &e);

    // multi_dot's middle operands must be matrices: NumPy's LinAlgError, not a ValueError.
    let k = oracle("linalg/error_kinds");
    let (v, cube) = (Array::<f64>::ones(&[3]).unwrap(), Array::<f64>::ones(&[3, 3, 3]).unwrap());
    let e = multi_dot(&[v.view(), cube.view(), v.view()]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::LinAlgError);
    check(k.case("multi_dot_3d"), &e);
    let scalar = Array::from_elem_0d(2.0f64);
    check(k.case("multi_dot_0d_middle"), &multi_dot(&[v.view(), scalar.view(), v.view()]).unwrap_err());
}
