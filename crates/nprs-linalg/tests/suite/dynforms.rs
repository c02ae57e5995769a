//! qr(mode='raw') against NumPy (LAPACK's Householder form, to rounding), and the
//! dynamic-dtype forms of multi_dot, cross, trace, tensordot, tensorinv, tensorsolve,
//! matvec and vecmat with NumPy's result dtypes and errors.

use crate::common;

use common::{check_dyn, load, operand};
use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_linalg::dynamic;
use nprs_testkit::{Case, Cases, oracle};

/// The recorded operands `<name>__0`, `<name>__1`, … of a case.
fn operands(c: &Cases, name: &str) -> Vec<DynArray> {
    (0..).map_while(|i| c.iter().find(|k| k.name == format!("{name}__{i}"))).map(operand).collect()
}

#[track_caller]
fn check(case: &Case, r: nprs_linalg::Result<DynArray>) {
    match r {
        Ok(d) => check_dyn(case, d),
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

fn item<T: Element>(d: &DynArray) -> Array<T> {
    d.to_typed::<T>().unwrap()
}

#[test]
fn qr_raw_matches_lapack() {
    let c = oracle("linalg/dynforms");
    let mut n = 0;
    for case in c.with_prefix("raw_").filter(|k| !k.name.contains("__")) {
        let a = &operands(&c, &case.name)[0];
        match dynamic::qr_raw(a) {
            Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
            Ok((h, tau)) => {
                assert_eq!(h.dtype(), tau.dtype());
                match h.dtype().name().as_str() {
                    "float64" => {
                        case.check_item(0, &item::<f64>(&h));
                        case.check_item(1, &item::<f64>(&tau));
                    }
                    "float32" => {
                        case.check_item(0, &item::<f32>(&h));
                        case.check_item(1, &item::<f32>(&tau));
                    }
                    "complex128" => {
                        case.check_item(0, &item::<C128>(&h));
                        case.check_item(1, &item::<C128>(&tau));
                    }
                    "complex64" => {
                        case.check_item(0, &item::<C64>(&h));
                        case.check_item(1, &item::<C64>(&tau));
                    }
                    other => panic!("{other}"),
                }
            }
        }
        n += 1;
    }
    assert!(n >= 50, "{n} raw cases");
    // The typed entry point is the same computation.
    let case = c.case("raw_f64_2x3x4");
    let a: Array<f64> = load(c.case("raw_f64_2x3x4__0"));
    let (h, tau) = nprs_linalg::qr_raw(&a).unwrap();
    case.check_item(0, &h);
    case.check_item(1, &tau);
}

#[test]
fn dynamic_forms_match_numpy() {
    let c = oracle("linalg/dynforms");
    let run = |name: &str, f: &dyn Fn(&[DynArray]) -> nprs_linalg::Result<DynArray>| {
        let ops = operands(&c, name);
        check(c.case(name), f(&ops));
    };
    for name in ["multi_dot_mixed", "multi_dot_int", "multi_dot_c", "err_multi_dot_3d"] {
        run(name, &|o| dynamic::multi_dot(&o.iter().collect::<Vec<_>>()));
    }
    for name in ["cross_i8", "cross_i64_bcast", "cross_f32_f64", "cross_c64_f32", "err_cross_bool", "err_cross_dims"] {
        run(name, &|o| dynamic::cross(&o[0], &o[1]));
    }
    run("trace_i32", &|o| dynamic::trace(&o[0], 0));
    run("trace_u8", &|o| dynamic::trace(&o[0], 1));
    run("trace_bool", &|o| dynamic::trace(&o[0], 0));
    run("trace_i8_widens", &|o| dynamic::trace(&o[0], 0));
    run("trace_f32", &|o| dynamic::trace(&o[0], -1));
    run("trace_c128", &|o| dynamic::trace(&o[0], 0));
    run("tensordot_n_mixed", &|o| dynamic::tensordot_n(&o[0], &o[1], 1));
    run("tensordot_n_2", &|o| dynamic::tensordot_n(&o[0], &o[1], 2));
    run("tensorinv_i64", &|o| dynamic::tensorinv(&o[0], 2));
    run("tensorinv_f32", &|o| dynamic::tensorinv(&o[0], 1));
    for name in ["tensorsolve_f32", "tensorsolve_mixed", "err_tensorsolve"] {
        run(name, &|o| dynamic::tensorsolve(&o[0], &o[1], None));
    }
    for name in ["matvec_mixed", "matvec_bcast", "matvec_int", "err_matvec_bcast"] {
        run(name, &|o| dynamic::matvec(&o[0], &o[1]));
    }
    for name in ["vecmat_c", "vecmat_int", "err_vecmat_core"] {
        run(name, &|o| dynamic::vecmat(&o[0], &o[1]));
    }
}

#[test]
fn typed_cross_of_integers_wraps_and_bool_is_refused() {
    let c = oracle("linalg/dynforms");
    let a: Array<i8> = load(c.case("cross_i8__0"));
    let b: Array<i8> = load(c.case("cross_i8__1"));
    c.case("cross_i8").check(&nprs_linalg::cross(&a, &b).unwrap());
    let t = array![true, false, true];
    let e = nprs_linalg::cross(&t, &t).unwrap_err();
    c.case("err_cross_bool").check_error(e.numpy_kind(), &e.to_string());
}
