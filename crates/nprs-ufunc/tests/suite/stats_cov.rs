//! cov and corrcoef against NumPy (`stats/cov`): rowvar, bias, ddof, fweights, aweights,
//! integer and complex input, one variable, empty input, errors (within the cases' small
//! tolerance: NumPy's products go through BLAS).

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{CovOptions, corrcoef, corrcoef_dyn, cov, cov_dyn};

use crate::common;
use common::{check_dyn, load, load_dyn};

fn cases() -> Cases {
    oracle("stats/cov")
}

#[test]
fn cov_and_corrcoef_match_numpy() {
    let c = cases();
    let x = load_dyn(&c, "in_x");
    let xt = DynArray::from(load::<f64>(&c, "in_x").t().to_owned());
    let xi = load_dyn(&c, "in_xi");
    let xc = load_dyn(&c, "in_xc");
    let f = load::<i64>(&c, "in_f").to_vec();
    let aw = load::<f64>(&c, "in_aw").to_vec();
    let o = CovOptions::new;
    check_dyn(c.case("cov"), cov_dyn(&x, &o()));
    check_dyn(c.case("cov_cols"), cov_dyn(&xt, &CovOptions { rowvar: false, ..o() }));
    check_dyn(c.case("cov_bias"), cov_dyn(&x, &CovOptions { bias: true, ..o() }));
    check_dyn(c.case("cov_ddof"), cov_dyn(&x, &CovOptions { ddof: Some(3), ..o() }));
    check_dyn(c.case("cov_f"), cov_dyn(&x, &CovOptions { fweights: Some(&f), ..o() }));
    check_dyn(c.case("cov_a"), cov_dyn(&x, &CovOptions { aweights: Some(&aw), ..o() }));
    let fa = CovOptions { fweights: Some(&f), aweights: Some(&aw), ddof: Some(2), ..o() };
    check_dyn(c.case("cov_fa"), cov_dyn(&x, &fa));
    let fa0 = CovOptions { fweights: Some(&f), aweights: Some(&aw), bias: true, ..o() };
    check_dyn(c.case("cov_fa0"), cov_dyn(&x, &fa0));
    check_dyn(c.case("cov_int"), cov_dyn(&xi, &o()));
    check_dyn(c.case("cov_complex"), cov_dyn(&xc, &o()));
    let xa = load::<f64>(&c, "in_x");
    c.case("cov_one").check(&cov(&xa.slice(s![0, ..]), &o()).unwrap());
    c.case("cov").check(&cov(&xa, &o()).unwrap());
    c.case("cov_empty").check(&cov(&Array::<f64>::zeros(&[0, 3]).unwrap(), &o()).unwrap());
    check_dyn(c.case("corr"), corrcoef_dyn(&x, true));
    check_dyn(c.case("corr_cols"), corrcoef_dyn(&xt, false));
    check_dyn(c.case("corr_int"), corrcoef_dyn(&xi, true));
    check_dyn(c.case("corr_complex"), corrcoef_dyn(&xc, true));
    c.case("corr").check(&corrcoef(&xa, true).unwrap());
}

#[test]
fn errors_match_numpy() {
    let c = cases();
    let err = |name: &str, e: nprs_core::Error| c.case(name).check_error(e.numpy_kind(), &e.to_string());
    let ones = DynArray::from(Array::<f64>::ones(&[2, 3]).unwrap());
    let o = CovOptions::new;
    err("err_cov_nd", cov_dyn(&DynArray::from(Array::<f64>::ones(&[2, 2, 2]).unwrap()), &o()).unwrap_err());
    err("err_cov_flen", cov_dyn(&ones, &CovOptions { fweights: Some(&[1, 2]), ..o() }).unwrap_err());
    err("err_cov_fneg", cov_dyn(&ones, &CovOptions { fweights: Some(&[1, -2, 1]), ..o() }).unwrap_err());
    err("err_cov_alen", cov_dyn(&ones, &CovOptions { aweights: Some(&[1.0, 2.0]), ..o() }).unwrap_err());
    err("err_cov_aneg", cov_dyn(&ones, &CovOptions { aweights: Some(&[1.0, -2.0, 1.0]), ..o() }).unwrap_err());
}
