//! numpy.ma edge cases against NumPy (`tests/oracle/groups/ma/edges.py`): empty arrays,
//! fully masked arrays and masked 0-d arrays through the shape, statistics, sorting, set
//! and product functions.

use crate::common;

use common::{check_dyn, check_err, check_ma, same};
use nprs_core::{Array, DynArray, DynView};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, Value, oracle};
use nprs_ufunc::SortKind;

fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

fn check_scalar(c: &Case, r: ma::Result<MaskedArray>) {
    let r = match r {
        Ok(r) => r,
        Err(e) => return check_err(c, &e),
    };
    match &c.result {
        Value::Str(s) if s == "masked" => c.assert(r.item().unwrap().is_none(), &format!("not masked: {r}")),
        Value::Scalar(want) => {
            let res = same(want, &r.data().view());
            c.assert(res.is_ok() && r.item().unwrap().is_some(), &format!("{res:?}"));
        }
        other => c.assert(false, &format!("unexpected record {other:?}")),
    }
}

#[test]
fn empty_fully_masked_and_zero_d() {
    let o = oracle("ma/edges");
    let e = ma::masked_array(DynArray::from(Array::<f64>::zeros(&[0]).unwrap()), false).unwrap();
    let f = ma::masked_array(DynArray::from(Array::<f64>::arange(4)), true).unwrap();
    let z = ma::masked_array(DynArray::from(Array::from_elem_0d(2.5)), true).unwrap();
    let u = ma::masked_array(DynArray::from(Array::from_elem_0d(2.5)), false).unwrap();
    let st = SortKind::Quicksort;
    let c = |k: &str| o.case(k);
    check(c("sort_e"), e.sort(Some(-1), st, true, None));
    check(c("sort_f"), f.sort(Some(-1), st, true, None));
    check(c("unique_e"), ma::unique(&e));
    check(c("unique_f"), ma::unique(&f));
    check(c("cumsum_e"), e.cumsum(None));
    check(c("cumsum_f"), f.cumsum(None));
    check(c("cumprod_f"), f.cumprod(None));
    check(c("reshape_z"), z.reshape(&[1]));
    check(c("reshape_u"), u.reshape(&[1, 1]));
    check(c("concat_ef"), ma::concatenate(&[&e, &f], 0));
    check(c("in1d_ef"), ma::in1d(&e, &f, false, false));
    check(c("in1d_fe"), ma::in1d(&f, &e, false, false));
    check(c("intersect_ff"), ma::intersect1d(&f, &f, false));
    check(c("setxor_ee"), ma::setxor1d(&e, &e, false));
    check(c("union_fe"), ma::union1d(&f, &e));
    check(c("setdiff_ff"), ma::setdiff1d(&f, &f, false));
    check(c("dot_ff"), ma::dot(&f, &f, false));
    check(c("outer_ef"), ma::outer(&e, &f));
    let cond = ma::greater(&f, &Array::from_elem_0d(1i64)).unwrap();
    check(c("where_f"), ma::where_(&cond, &f, &Array::from_elem_0d(0i64)));
    check(c("repeat_e"), e.repeat(3, None));
    check(c("ravel_z"), z.ravel());
    check(c("expand_z"), z.expand_dims(&[0]));
    check(c("stack_zu"), ma::stack(&[&z, &u], 0));
    check(c("take_f"), f.take(&[3, 0], None));
    check_scalar(c("median_e"), e.median(None, false));
    check_scalar(c("median_f"), f.median(None, false));
    check_scalar(c("average_f"), f.average(None, None, false).map(|r| r.0));
    let idx = |a: Array<i64>| DynView::from(a.view()).to_owned();
    check_dyn(c("argsort_e"), &idx(e.argsort(Some(-1), st, true, None).unwrap()).view());
    check_dyn(c("argsort_f"), &idx(f.argsort(Some(-1), st, true, None).unwrap()).view());
    check(c("take_e"), e.take(&[0], None));
    check(c("squeeze_bad"), f.reshape(&[2, 2]).unwrap().squeeze(Some(&[0])));
}
