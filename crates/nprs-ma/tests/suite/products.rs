//! numpy.ma products and 2-d helpers against NumPy (`tests/oracle/groups/ma/products.py`):
//! dot (strict or not), inner, outer, cov, corrcoef, compress_* and mask_*.

use crate::common;

use common::{check_dyn, check_err, check_ma, input};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, oracle};

fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

fn check_plain(c: &Case, r: ma::Result<nprs_core::DynArray>) {
    match r {
        Ok(d) => check_dyn(c, &d.view()),
        Err(e) => check_err(c, &e),
    }
}

#[test]
fn dot_inner_outer_mask_what_no_unmasked_pair_reaches() {
    let o = oracle("ma/products");
    for (a, b) in [("q1", "q2"), ("qi", "q1"), ("q1", "f64"), ("r1", "r1"), ("qn", "qn"), ("q2", "r1")] {
        let (x, y) = (input(&o, a), input(&o, b));
        let c = |f: &str| o.case(&format!("{f}_{a}_{b}"));
        if (a, b) == ("q2", "r1") {
            check(c("inner"), ma::inner(&x.slice(nprs_core::s![.., ..5]).unwrap(), &y));
            continue;
        }
        check(c("dot"), ma::dot(&x, &y, false));
        check(c("outer"), ma::outer(&x, &y));
        if (a, b) == ("q1", "f64") {
            continue;
        }
        check(c("dot_strict"), ma::dot(&x, &y, true));
        if a != "r1" && a != "qn" {
            check(c("inner"), ma::inner(&x, &y.transpose(None).unwrap()));
        }
    }
    let qn = input(&o, "qn");
    check(o.case("dot_T_qn"), ma::dot(&qn, &qn.transpose(None).unwrap(), false));
    let q1 = input(&o, "q1");
    check(o.case("dot_T_strict_q1"), ma::dot(&q1, &q1.transpose(None).unwrap(), true));
    let p = |v: Vec<f64>| MaskedArray::new(nprs_core::DynArray::from(nprs_core::Array::from_vec(v)));
    check(o.case("outer_nomask"), ma::outer(&p(vec![1.0, 2.0]), &p(vec![3.0, 4.0, 5.0])));
}

#[test]
fn rows_and_columns_and_covariances() {
    let o = oracle("ma/products");
    for n in ["m2", "i2", "q1", "q2", "q3", "qi", "qn", "qf", "row"] {
        let m = input(&o, n);
        let p = MaskedArray::new(m.data().clone());
        let c = |f: &str| o.case(&format!("{f}_{n}"));
        check_plain(c("compress_rowcols"), ma::compress_rowcols(&m, None));
        check_plain(c("compress_rows"), ma::compress_rows(&m));
        check_plain(c("compress_cols"), ma::compress_cols(&m));
        check_plain(c("compress_nomask"), ma::compress_rowcols(&p, None));
        check(c("mask_rowcols"), ma::mask_rowcols(&m, None));
        check(c("mask_rows"), ma::mask_rows(&m));
        check(c("mask_cols"), ma::mask_cols(&m));
        check(c("mask_rowcols_nomask"), ma::mask_rowcols(&p, None));
        check(c("cov"), ma::cov(&m, true, None));
        check(c("cov_cols"), ma::cov(&m, false, None));
        check(c("cov_ddof0"), ma::cov(&m, true, Some(0)));
        if n != "row" {
            check(c("corrcoef"), ma::corrcoef(&m, true));
            check(c("corrcoef_cols"), ma::corrcoef(&m, false));
        }
    }
    let v = ma::masked_array(nprs_core::array![1.0, 2.0], &nprs_core::array![false, true]).unwrap();
    check_err(o.case("compress_rows_1d"), &ma::compress_rows(&v).unwrap_err());
    check_err(o.case("mask_rowcols_1d"), &ma::mask_rowcols(&v, None).unwrap_err());
}

#[test]
fn polyfit_leaves_masked_points_out() {
    let o = oracle("ma/products");
    let get = |v: &str| common::dyn_of(o.case(&format!("pf_{v}")).array());
    let mask = |v: &str| get(v).into_typed::<bool>().unwrap();
    let xm = ma::masked_array(get("x"), &mask("mx")).unwrap();
    let ym = ma::masked_array(get("y"), &mask("my")).unwrap();
    let y2m = ma::masked_array(get("y2"), &mask("my2")).unwrap();
    let w = get("w").into_typed::<f64>().unwrap();
    let fit = |c: &Case, r: ma::Result<nprs_core::Array<f64>>| match r {
        Ok(a) => {
            let res = common::same_within(c.array(), &nprs_core::DynView::from(a.view()), &c.tol);
            c.assert(res.is_ok(), &res.err().unwrap_or_default());
        }
        Err(e) => check_err(c, &e),
    };
    fit(o.case("polyfit_xy"), ma::polyfit(&xm, &ym, 2, None, None));
    let (px, py) = (MaskedArray::new(get("x")), MaskedArray::new(get("y")));
    fit(o.case("polyfit_nomask"), ma::polyfit(&px, &py, 3, None, None));
    fit(o.case("polyfit_y2"), ma::polyfit(&xm, &y2m, 1, None, None));
    fit(o.case("polyfit_w"), ma::polyfit(&xm, &ym, 2, None, Some(&w)));
    let y3 = MaskedArray::new(nprs_core::DynArray::from(nprs_core::Array::<f64>::zeros(&[30, 1, 1]).unwrap()));
    fit(o.case("polyfit_y3"), ma::polyfit(&xm, &y3, 1, None, None));
}
