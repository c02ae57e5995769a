//! `Error::kind()` names the Python exception NumPy raises: representative errors of each
//! kind against the class NumPy recorded (tests/oracle/groups/*, `core/error_kinds` for
//! classes no other case file records).

use nprs_core::Scalar;
use nprs_core::prelude::*;
use nprs_core::promote::Casting;
use nprs_core::{
    Descr, DynArray, ErrorKind, common_type, concatenate, insert, promote_types, shares_memory, split, tril,
};
use nprs_testkit::{Case, oracle};

/// NumPy raised the class `e.kind()` names, with `e`'s message.
#[track_caller]
fn check(case: &Case, e: &Error) {
    case.check_error(e.kind().name(), &e.to_string());
}

#[track_caller]
fn err<T: std::fmt::Debug>(r: Result<T>) -> Error {
    r.expect_err("NumPy raises here")
}

#[test]
fn array_errors_report_numpys_exception_class() {
    let m = oracle("core/manip");
    let r6 = Array::<i64>::arange(6);
    // ZeroDivisionError: `n % 0` in Python, not a ValueError.
    let e = err(split(&r6, 0, 0));
    assert_eq!(e.kind(), ErrorKind::ZeroDivisionError);
    assert!(e.kind().is_a(ErrorKind::ArithmeticError) && !e.kind().is_a(ErrorKind::ValueError));
    check(m.case("split_err_zero"), &e);
    // IndexError from Python's tuple indexing.
    check(m.case("split_err_axis"), &err(split(&r6, 2, 1)));
    check(m.case("insert_err_index_list"), &err(insert(&Array::<i64>::arange(5), [6], &9i64, None)));
    // TypeError: a tuple where one axis is needed.
    check(m.case("concat_err_tuple_axis"), &err(concatenate(&[Array::<f64>::zeros(&[2]).unwrap()], [0, 1])));
    // AxisError is a ValueError and an IndexError at once.
    let e = err(concatenate(&[Array::<f64>::zeros(&[2, 2]).unwrap()], -3));
    check(m.case("concat_err_neg_axis"), &e);
    assert!(e.kind().is_a(ErrorKind::ValueError) && e.kind().is_a(ErrorKind::IndexError));
    // ValueError.
    check(m.case("split_err_unequal"), &err(split(&r6, 4, 0)));

    let c = oracle("core/creation");
    check(c.case("tril_0d_error"), &err(tril(&Array::from_elem_0d(5i64), 0)));

    let k = oracle("core/error_kinds");
    let a = Array::<f64>::zeros(&[100]).unwrap();
    let (even, odd) = (a.slice(s![..;2]), a.slice(s![1..;2]));
    let e = err(shares_memory(&even, &odd, Some(0)));
    assert!(e.kind().is_a(ErrorKind::RuntimeError));
    check(k.case("shares_memory_too_hard"), &e);
    k.case("shares_memory_exact").check_value(&nprs_testkit::Value::Bool(shares_memory(&even, &odd, None).unwrap()));
}

#[test]
fn dtype_errors_report_numpys_exception_class() {
    let d = |s: &str| Descr::parse(s).unwrap();
    let o = oracle("dtypes/descr");
    check(o.case("error_00"), &err(Descr::parse("foo")));
    check(o.case("error_11"), &err(Descr::parse("M8[xx]")));
    check(o.case("error_12"), &err(Descr::parse("M8[s]x")));

    let p = oracle("dtypes/promotion");
    let e = err(promote_types(&d("m8[Y]"), &d("m8[D]")));
    assert_eq!(e.kind(), ErrorKind::TypeError);
    check(p.case("promote_error_03"), &e);
    check(p.case("promote_error_04"), &err(promote_types(&d("M8[ps]"), &d("M8[Y]"))));
    let e = err(promote_types(&d("m8[s]"), &d("f8")));
    assert!(e.kind().is_a(ErrorKind::TypeError));
    check(p.case("promote_error_00"), &e);
    check(p.case("common_type_6"), &err(common_type(&[&d("U3")])));
    let x = DynArray::from(array![1.5f64]);
    check(p.case("cast_error_message"), &err(x.astype_casting(&d("i8"), Casting::Safe)));

    let dy = oracle("dtypes/dynarray");
    // UnicodeEncodeError derives from ValueError.
    let mut s3 = DynArray::zeros(&[2], &d("S3")).unwrap();
    let e = err(s3.set_item(&[0], "\u{e9}"));
    assert!(e.kind().is_a(ErrorKind::ValueError));
    check(dy.case("setitem_S3_nonascii"), &e);
    check(dy.case("astype_str_U_S_nonascii"), &err(DynArray::from_strs(&["\u{e9}"]).astype(&d("S"))));
    let mut f8 = DynArray::zeros(&[2], &d("f8")).unwrap();
    check(dy.case("setitem_float64_complex"), &err(f8.set_item(&[0], Scalar::Complex(1.0, 2.0))));
    let mut i8 = DynArray::zeros(&[2], &d("i8")).unwrap();
    check(dy.case("setitem_int64_inf"), &err(i8.set_item(&[0], f64::INFINITY)));

    let st = oracle("dtypes/strings");
    check(st.case("upper_number"), &err(nprs_core::strings::upper(&DynArray::from(array![1i64, 2]))));

    let l = oracle("dtypes/limits");
    check(l.case("iinfo_error_f8"), &err(nprs_core::iinfo(d("f8"))));
    check(l.case("finfo_error_i8"), &err(nprs_core::finfo(d("i8"))));
}

#[test]
fn numpy_kind_is_the_kinds_name() {
    let e = Error::TupleIndex;
    assert_eq!(e.numpy_kind(), e.kind().name());
    assert_eq!(e.kind(), ErrorKind::IndexError);
}
