//! `numpy.emath` against NumPy (`ufunc/emath`): random inputs of every dtype inside the real
//! domain (a real result of the ufunc's type) and partly outside it (the whole result
//! complex, of NumPy's complex type for the input), complex inputs, NaN and infinities,
//! Python-number operands, and the broadcasting two-argument functions.

use nprs_core::Array;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::emath;

use crate::common;
use common::DTYPES;
use common::{check_dyn, load_dyn};

fn cases() -> Cases {
    oracle("ufunc/emath")
}

type Unary = fn(&nprs_core::DynArray) -> nprs_core::Result<nprs_core::DynArray>;

const LT0: [(&str, Unary); 4] = [
    ("sqrt", |x| emath::sqrt(x)),
    ("log", |x| emath::log(x)),
    ("log2", |x| emath::log2(x)),
    ("log10", |x| emath::log10(x)),
];
const GT1: [(&str, Unary); 3] =
    [("arccos", |x| emath::arccos(x)), ("arcsin", |x| emath::arcsin(x)), ("arctanh", |x| emath::arctanh(x))];

#[test]
fn unary_functions_of_every_dtype_in_and_out_of_the_real_domain_match_numpy() {
    let c = cases();
    for dt in DTYPES {
        for (domain, fns) in [("lt0", &LT0[..]), ("gt1", &GT1[..])] {
            for side in ["in", "out"] {
                let x = load_dyn(&c, &format!("{domain}_{dt}_{side}_x"));
                for (name, f) in fns {
                    check_dyn(c.case(&format!("{name}_{dt}_{side}")), f(&x));
                }
            }
        }
    }
}

#[test]
fn power_and_logn_broadcast_and_follow_numpys_conversions() {
    let c = cases();
    for dt in DTYPES {
        for side in ["", "_in"] {
            let x = load_dyn(&c, &format!("power_{dt}{side}_x"));
            let p = load_dyn(&c, &format!("power_{dt}{side}_p"));
            check_dyn(c.case(&format!("power_{dt}{side}")), emath::power(&x, &p));
        }
        let x = load_dyn(&c, &format!("logn_{dt}_x"));
        let n = load_dyn(&c, &format!("logn_{dt}_n"));
        check_dyn(c.case(&format!("logn_{dt}")), emath::logn(&n, &x));
    }
}

#[test]
fn nan_and_infinities_stay_real_and_minus_infinity_goes_complex() {
    let c = cases();
    let x = load_dyn(&c, "nan_x");
    for (name, f) in LT0 {
        check_dyn(c.case(&format!("{name}_nan")), f(&x));
    }
    check_dyn(c.case("arcsin_nan"), emath::arcsin(&nprs_core::array![f64::NAN, 0.5]));
    check_dyn(c.case("sqrt_neg_inf"), emath::sqrt(&nprs_core::array![f64::NEG_INFINITY, 4.0]));
}

#[test]
fn rust_numbers_are_numpys_default_dtypes() {
    let c = cases();
    check_dyn(c.case("sqrt_scalar_neg"), emath::sqrt(-4));
    check_dyn(c.case("sqrt_scalar_pos"), emath::sqrt(4.0));
    check_dyn(c.case("log_scalar_neg"), emath::log(-1.5));
    check_dyn(c.case("arccos_scalar"), emath::arccos(2));
    check_dyn(c.case("power_scalar"), emath::power(-8, 1.0 / 3.0));
    check_dyn(c.case("power_int_neg_exp"), emath::power(&nprs_core::array![2i64, 4], -2));
    let half = Array::from_shape_vec(&[], vec![0.5f32]).unwrap();
    check_dyn(c.case("power_float_exp"), emath::power(&nprs_core::array![2.0f32, -4.0], &half));
    check_dyn(c.case("logn_scalar"), emath::logn(2, 8));
    check_dyn(c.case("logn_neg_base"), emath::logn(-2, 8.0));
}
