//! `kind()` of the errors of sorting and searching (nprs-core's error, which nprs-ufunc
//! shares) names the Python exception NumPy raises.

use nprs_core::{Array, Error, ErrorKind};
use nprs_testkit::{Case, oracle};
use nprs_ufunc::{Side, SortKind, lexsort, partition, searchsorted_scalar, sort};

#[track_caller]
fn check(case: &Case, e: &Error) {
    case.check_error(e.kind().name(), &e.to_string());
}

#[test]
fn sorting_errors_report_numpys_exception_class() {
    let s = oracle("sort/search");
    let r5 = Array::<f64>::arange(5);
    let e = partition(&r5, &[5], -1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::ValueError);
    check(s.case("part_kth_oob"), &e);
    let no_keys: [Array<f64>; 0] = [];
    let e = lexsort(&no_keys, -1).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::TypeError);
    check(s.case("lex_empty"), &e);
    let e = partition(&r5, &[1], 1).unwrap_err();
    assert!(e.kind().is_a(ErrorKind::ValueError) && e.kind().is_a(ErrorKind::IndexError));
    check(s.case("part_axis"), &e);
    let e = searchsorted_scalar(&Array::<f64>::zeros(&[2, 2]).unwrap(), 1.0, Side::Left, None).unwrap_err();
    check(s.case("ss_too_deep"), &e);

    let o = oracle("sort/sort");
    let e = "foo".parse::<SortKind>().unwrap_err();
    check(o.case("bad_kind"), &e);
    check(o.case("bad_axis"), &sort(&Array::<f64>::zeros(&[2, 3]).unwrap(), Some(2)).unwrap_err());
}
