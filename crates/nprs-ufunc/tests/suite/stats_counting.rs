//! bincount and digitize against NumPy (`stats/counting`): every integer dtype and bool,
//! weights, minlength; increasing/decreasing bins with ties, right=, NaNs; errors.

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{bincount, bincount_dyn, bincount_weighted, digitize, digitize_dyn};

use crate::common;
use common::{check_dyn, load, load_dyn};

const INTS: [&str; 9] = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"];
const REALS: [&str; 7] = ["int8", "int32", "int64", "uint16", "float16", "float32", "float64"];

fn cases() -> Cases {
    oracle("stats/counting")
}

#[test]
fn bincount_of_every_integer_dtype_matches_numpy() {
    let c = cases();
    for dt in INTS {
        let x = load_dyn(&c, &format!("bx_{dt}"));
        let w = load_dyn(&c, &format!("bw_{dt}"));
        check_dyn(c.case(&format!("bincount_{dt}")), bincount_dyn(&x, None, 0));
        check_dyn(c.case(&format!("bincount_{dt}_min")), bincount_dyn(&x, None, 150));
        check_dyn(c.case(&format!("bincount_{dt}_w")), bincount_dyn(&x, Some(&w.view()), 0));
    }
    let x = load::<u16>(&c, "bx_uint16");
    let w = load::<f64>(&c, "bw_uint16").to_vec();
    c.case("bincount_uint16").check(&bincount(&x, 0).unwrap());
    c.case("bincount_uint16_w").check(&bincount_weighted(&x, &w, 0).unwrap());
    c.case("bincount_empty").check(&bincount(&Array::<i64>::zeros(&[0]).unwrap(), 0).unwrap());
}

#[test]
fn bincount_errors_match_numpy() {
    let c = cases();
    let err = |name: &str, r: nprs_core::Result<DynArray>| {
        let e = r.expect_err(name);
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
    };
    err("err_bincount_neg", bincount_dyn(&DynArray::from(array![1i64, -1]), None, 0));
    err("err_bincount_min", bincount_dyn(&DynArray::from(array![1i64, 2]), None, -1));
    err("err_bincount_float", bincount_dyn(&DynArray::from(array![1.0, 2.0]), None, 0));
    let w = DynArray::from(array![1.0]);
    err("err_bincount_w", bincount_dyn(&DynArray::from(array![1i64, 2]), Some(&w.view()), 0));
    err("err_bincount_2d", bincount_dyn(&DynArray::from(Array::<i64>::ones(&[2, 2]).unwrap()), None, 0));
    err("err_bincount_neg_min", bincount_dyn(&DynArray::from(array![-1i64, 2]), None, -1));
}

#[test]
fn bincount_of_long_inputs_matches_numpy() {
    let c = cases();
    for dt in ["uint8", "int32", "int64", "uint64", "wide"] {
        let x = load_dyn(&c, &format!("bx_big_{dt}"));
        let min = if dt == "wide" { 5 } else { 0 };
        check_dyn(c.case(&format!("bincount_big_{dt}")), bincount_dyn(&x, None, min));
    }
    // A strided view counts the same values as its copy.
    let x = load::<i64>(&c, "bx_big_int64");
    let every_other = x.slice(s![..;2]);
    assert_eq!(bincount(&every_other, 0).unwrap(), bincount(&every_other.to_owned(), 0).unwrap());
}

#[test]
fn digitize_matches_numpy() {
    let c = cases();
    let bins = load_dyn(&c, "d_bins");
    let rev = DynArray::from(load::<f64>(&c, "d_bins").flip(0isize).unwrap().to_owned());
    for dt in REALS {
        let x = load_dyn(&c, &format!("dx_{dt}"));
        c.case(&format!("digitize_{dt}")).check(&digitize_dyn(&x, &bins, false).unwrap());
        c.case(&format!("digitize_{dt}_right")).check(&digitize_dyn(&x, &bins, true).unwrap());
        c.case(&format!("digitize_{dt}_dec")).check(&digitize_dyn(&x, &rev, false).unwrap());
        c.case(&format!("digitize_{dt}_dec_right")).check(&digitize_dyn(&x, &rev, true).unwrap());
    }
    let x = load::<f64>(&c, "dx_float64");
    let b = load::<f64>(&c, "d_bins");
    c.case("digitize_float64_right").check(&digitize(&x, &b, true).unwrap());
    let r = digitize_dyn(&DynArray::from(array![1i64, 5]), &DynArray::from(array![2.0, f64::NAN]), false);
    c.case("digitize_nan_bins").check(&r.unwrap());
    let err = |name: &str, e: nprs_core::Error| c.case(name).check_error(e.numpy_kind(), &e.to_string());
    err("err_digitize_mono", digitize(&array![1.0], &array![3.0, 1.0, 2.0], false).unwrap_err());
    let cx = DynArray::from(array![nprs_core::C128::new(0.0, 1.0)]);
    err("err_digitize_complex", digitize_dyn(&cx, &DynArray::from(array![1.0]), false).unwrap_err());
    let b2 = DynArray::from(Array::<f64>::ones(&[1, 1]).unwrap());
    err("err_digitize_2d", digitize_dyn(&DynArray::from(array![1.0]), &b2, false).unwrap_err());
}
