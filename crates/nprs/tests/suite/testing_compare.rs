//! `nprs::testing::assert_array_compare` and `build_err_msg` against NumPy
//! (`testing/compare`): the reports word for word on random inputs, NaN positions, shapes,
//! names and precision; the messages with and without the arrays.

use nprs::testing::{AssertResult, CompareOptions, assert_array_compare, build_err_msg};
use nprs::{Array, array, s};
use nprs_testkit::{Case, Elems, Value, oracle};

#[track_caller]
fn check(c: &Case, r: AssertResult) {
    match r {
        Err(e) => c.check_error("AssertionError", e.message()),
        Ok(()) => c.check_value(&Value::None),
    }
}

fn load(c: &Case) -> Array<f64> {
    let a = c.array();
    let Elems::Float(v) = &a.data else { panic!("{}: expected floats", c.name) };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

#[test]
fn assert_array_compare_reports_as_numpy() {
    let o = oracle("testing/compare");
    let (x, y) = (load(o.case("x")), load(o.case("y")));
    let lt = |a: f64, b: f64| a < b;
    let h = CompareOptions { header: "H", ..CompareOptions::default() };
    let ordered = CompareOptions { header: "Arrays are not less-ordered", ..CompareOptions::default() };
    check(o.case("cmp_lt_fail"), assert_array_compare(lt, &x, &y, &ordered));
    let x1 = nprs::kernel::map(&x, |v| v + 1.0);
    let le = CompareOptions { header: "h", ..CompareOptions::default() };
    check(o.case("cmp_le_pass"), assert_array_compare(|a: f64, b| a <= b, &x, &x1, &le));
    let why = CompareOptions { err_msg: "why", ..h.clone() };
    check(o.case("cmp_err_msg"), assert_array_compare(lt, &x, &y, &why));
    let nan = assert_array_compare(lt, &array![1.0, f64::NAN], &array![f64::NAN, 2.0], &h);
    check(o.case("cmp_nan"), nan);
    let off = CompareOptions { equal_nan: false, ..h.clone() };
    check(o.case("cmp_nan_off"), assert_array_compare(lt, &array![1.0, f64::NAN], &array![2.0, f64::NAN], &off));
    let shape = assert_array_compare(|a: f64, b| a == b, &x.slice(s![..3]), &x.slice(s![..4]), &h);
    check(o.case("cmp_shape"), shape);
    let named = CompareOptions { names: ["a", "b"], precision: 3, ..h.clone() };
    check(o.case("cmp_names"), assert_array_compare(lt, &x, &y, &named));
}

#[test]
fn build_err_msg_matches_numpy() {
    let o = oracle("testing/compare");
    let (x, y) = (load(o.case("x")), load(o.case("y")));
    let (x2, y2) = (x.slice(s![..2]), y.slice(s![..2]));
    let (x5, y5) = (x.slice(s![..5]), y.slice(s![..5]));
    let names = ["ACTUAL", "DESIRED"];
    let head = "Items are not equal:";
    o.case("bem_basic").check_str(&build_err_msg(&[&x2, &y2], "oops", head, true, &names, 8));
    o.case("bem_quiet").check_str(&build_err_msg(&[&x2, &y2], "oops", head, false, &names, 8));
    o.case("bem_long").check_str(&build_err_msg(&[&x2, &y2], &"z".repeat(70), "Header here", true, &names, 8));
    o.case("bem_multiline").check_str(&build_err_msg(&[&x2, &y2], "a\nb", head, true, &names, 8));
    o.case("bem_precision").check_str(&build_err_msg(&[&x5, &y5], "", head, true, &["P", "Q"], 3));
    o.case("bem_cut").check_str(&build_err_msg(&[&x, &y], "m", head, true, &names, 8));
}
