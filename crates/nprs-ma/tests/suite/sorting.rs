//! numpy.ma sort/argsort, argmin/argmax with a fill value and the set routines against
//! NumPy (`tests/oracle/groups/ma/sorting.py`).

use crate::common;

use common::{check_dyn, check_ma, input, plain};
use nprs_core::{DynView, Scalar};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::oracle;
use nprs_ufunc::SortKind;

const NAMES: [&str; 12] = ["f64", "f32", "i64", "i8", "u8", "b", "c128", "U", "m2", "i2", "d3", "big"];
const SETS: [&str; 9] = ["k1", "k2", "k3", "f1", "f2", "f3", "u1", "u2", "kb"];
const PAIRS: [(&str, &str); 6] = [("k1", "k2"), ("k2", "k1"), ("f2", "f3"), ("k1", "k3"), ("k3", "k2"), ("kb", "k1")];

#[test]
fn sort_and_argsort_put_masked_values_last() {
    let o = oracle("ma/sorting");
    let st = SortKind::Stable;
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        let idx = |a: nprs_core::Array<i64>| DynView::from(a.view()).to_owned();
        check_ma(c("sort"), &m.sort(Some(-1), st, true, None).unwrap());
        check_ma(c("sort_none"), &m.sort(None, st, true, None).unwrap());
        check_ma(c("sort_start"), &m.sort(Some(-1), st, false, None).unwrap());
        check_ma(c("sort_nomask"), &p.sort(Some(-1), st, true, None).unwrap());
        check_dyn(c("argsort"), &idx(m.argsort(Some(-1), st, true, None).unwrap()).view());
        check_dyn(c("argsort_none"), &idx(m.argsort(None, st, true, None).unwrap()).view());
        check_dyn(c("argsort_start"), &idx(m.argsort(Some(-1), st, false, None).unwrap()).view());
        if n != "U" && n != "b" {
            let one = Some(Scalar::Int(1));
            check_ma(c("sort_fill"), &m.sort(Some(-1), st, true, one.clone()).unwrap());
            check_dyn(c("argsort_fill"), &idx(m.argsort(Some(-1), st, true, one.clone()).unwrap()).view());
            check_dyn(c("argmin_fill"), &idx(m.argmin_fill(None, one.clone(), false).unwrap()).view());
            check_dyn(c("argmax_fill"), &idx(m.argmax_fill(Some(0), one, false).unwrap()).view());
        }
        if m.ndim() >= 2 {
            check_ma(c("sort_ax0"), &m.sort(Some(0), st, true, None).unwrap());
            check_dyn(c("argsort_ax0"), &idx(m.argsort(Some(0), st, true, None).unwrap()).view());
        }
    }
    let m = ma::masked_array(nprs_core::array![3i64, 1, 2], &nprs_core::array![false, false, true])
        .unwrap()
        .with_fill_value(5)
        .unwrap();
    check_ma(o.case("sort_keeps_fill"), &m.into_dyn().sort(Some(-1), st, true, None).unwrap());
}

#[test]
fn set_routines_treat_masked_values_as_one() {
    let o = oracle("ma/sorting");
    for n in SETS {
        let m = input(&o, n);
        check_ma(o.case(&format!("unique_{n}")), &ma::unique(&m).unwrap());
        let (_, inv) = ma::unique_inverse(&m).unwrap();
        check_dyn(o.case(&format!("unique_inv_{n}")), &DynView::from(inv.view()));
        let (vals, first) = ma::unique_index(&m).unwrap();
        check_ma(o.case(&format!("unique_idx_vals_{n}")), &vals);
        check_dyn(o.case(&format!("unique_idx_{n}")), &DynView::from(first.view()));
    }
    for (a, b) in PAIRS {
        let (x, y) = (input(&o, a), input(&o, b));
        let c = |f: &str| o.case(&format!("{f}_{a}_{b}"));
        check_ma(c("in1d"), &ma::in1d(&x, &y, false, false).unwrap());
        check_ma(c("in1d_inv"), &ma::in1d(&x, &y, false, true).unwrap());
        check_ma(c("isin"), &ma::isin(&x, &y, false, false).unwrap());
        check_ma(c("intersect1d"), &ma::intersect1d(&x, &y, false).unwrap());
        check_ma(c("union1d"), &ma::union1d(&x, &y).unwrap());
        check_ma(c("setdiff1d"), &ma::setdiff1d(&x, &y, false).unwrap());
        check_ma(c("setxor1d"), &ma::setxor1d(&x, &y, false).unwrap());
        if [("k1", "k2"), ("f2", "f3"), ("k1", "k3")].contains(&(a, b)) {
            let (ux, uy) = (ma::unique(&x).unwrap(), ma::unique(&y).unwrap());
            check_ma(c("in1d_au"), &ma::in1d(&ux, &uy, true, false).unwrap());
            check_ma(c("isin_au_inv"), &ma::isin(&ux, &uy, true, true).unwrap());
            check_ma(c("intersect1d_au"), &ma::intersect1d(&ux, &uy, true).unwrap());
            check_ma(c("setxor1d_au"), &ma::setxor1d(&ux, &uy, true).unwrap());
            check_ma(c("setdiff1d_au"), &ma::setdiff1d(&ux, &uy, true).unwrap());
        }
    }
}
