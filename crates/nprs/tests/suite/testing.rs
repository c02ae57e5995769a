//! `nprs::testing` against NumPy's `numpy.testing`: the failure reports word for word, and
//! the assertions that pass.

use nprs::testing::{
    AssertResult, assert_allclose, assert_almost_equal, assert_almost_equal_scalar, assert_approx_equal,
    assert_array_almost_equal, assert_array_almost_equal_nulp, assert_array_equal, assert_array_less,
    assert_array_max_ulp, assert_equal, assert_string_equal,
};
use nprs::{Array, array};
use nprs_testkit::{Case, Elems, Value, oracle};

/// Compares an assertion's outcome with NumPy's: the same report, or both passing.
#[track_caller]
fn check<T>(c: &Case, r: AssertResult<T>) {
    match r {
        Err(e) => c.check_error("AssertionError", e.message()),
        Ok(_) => c.check_value(&Value::None),
    }
}

fn input_f32(c: &Case) -> Array<f32> {
    let a = c.array();
    let Elems::Float(v) = &a.data else { panic!("{}: expected floats", c.name) };
    Array::from_shape_vec(&a.shape, v.iter().map(|&x| x as f32).collect()).unwrap()
}

#[test]
fn assert_allclose_reports_as_numpy() {
    let o = oracle("testing/messages");
    let (a, b) = (array![1.0, 2.0, 3.0], array![1.0, 2.5, 3.0]);
    check(o.case("allclose_basic"), assert_allclose(&a, &b, 1e-7, 0.0, true, ""));
    check(o.case("allclose_err_msg"), assert_allclose(&a, &b, 1e-7, 0.0, true, "hi"));
    check(o.case("allclose_long_err_msg"), assert_allclose(&a, &b, 1e-7, 0.0, true, &"x".repeat(60)));
    check(o.case("allclose_multiline_err_msg"), assert_allclose(&a, &b, 1e-7, 0.0, true, "one\ntwo"));
    let near = nprs::kernel::map(&a, |x| x + 1e-9);
    check(o.case("allclose_pass"), assert_allclose(&a, &near, 1e-7, 0.0, true, ""));
    check(o.case("allclose_atol"), assert_allclose(&a.view(), &b, 0.0, 0.1, true, ""));
    check(o.case("allclose_rtol"), assert_allclose(&a, &b.view(), 0.001, 0.0, true, ""));
    let shape = assert_allclose(&array![1.0, 2.0], &array![1.0, 2.0, 3.0], 1e-7, 0.0, true, "");
    check(o.case("allclose_shape"), shape);
    check(o.case("allclose_int"), assert_allclose(&array![1i64, 2], &array![1i64, 3], 1e-7, 0.0, true, ""));
    let nan = array![1.0, f64::NAN];
    check(o.case("allclose_nan_location"), assert_allclose(&nan, &array![1.0, 2.0], 1e-7, 0.0, true, ""));
    check(o.case("allclose_nan_not_equal"), assert_allclose(&nan, &nan, 1e-7, 0.0, false, ""));
    let inf = array![f64::INFINITY, 1.0];
    check(o.case("allclose_inf_values"), assert_allclose(&inf, &array![f64::NEG_INFINITY, 1.0], 1e-7, 0.0, true, ""));
    check(o.case("allclose_inf_location"), assert_allclose(&inf, &array![1.0, 1.0], 1e-7, 0.0, true, ""));
    let one = Array::from_elem_0d(1.0);
    check(o.case("allclose_scalar_desired"), assert_allclose(&array![1.0, 2.0], &one, 1e-7, 0.0, true, ""));
    check(o.case("allclose_zero_desired"), assert_allclose(&array![1.0, 2.0], &array![0.0, 2.0], 1e-7, 0.0, true, ""));
    let a23 = Array::<f64>::arange(6).into_shape(&[2, 3]).unwrap();
    let b23 = array![[0.0, 1.5, 2.0], [3.5, 4.0, 5.5]];
    check(o.case("allclose_2d"), assert_allclose(&a23, &b23, 1e-7, 0.0, true, ""));
    let big = nprs::kernel::map(&Array::<f64>::arange(100).into_shape(&[10, 10]).unwrap(), |x| x / 7.0);
    let big2 = nprs::kernel::map(&big, |x| x + 1e-3);
    check(o.case("allclose_big"), assert_allclose(&big, &big2, 1e-7, 0.0, true, ""));
    let x = input_f32(o.case("allclose_rand_x"));
    let y = input_f32(o.case("allclose_rand_y"));
    check(o.case("allclose_rand_f32"), assert_allclose(&x, &y, 1e-7, 0.0, true, ""));
    check(o.case("allclose_rand_f32_loose"), assert_allclose(&x, &y, 0.01, 0.001, true, ""));
}

#[test]
fn equality_assertions_report_as_numpy() {
    let o = oracle("testing/messages");
    check(o.case("array_equal_int"), assert_array_equal(&array![1i64, 2, 3], &array![1i64, 5, 3], ""));
    let nan = array![1.0, f64::NAN];
    check(o.case("array_equal_nan_pass"), assert_array_equal(&nan, &nan, ""));
    check(o.case("array_equal_nan_location"), assert_array_equal(&nan, &array![1.0, 2.0], ""));
    check(o.case("array_equal_uint8"), assert_array_equal(&array![1u8, 9], &array![250u8, 9], ""));
    check(o.case("array_equal_int8"), assert_array_equal(&array![-128i8, 0], &array![127i8, 0], ""));
    check(o.case("array_equal_f32"), assert_array_equal(&array![0.1f32, 0.2], &array![0.1f32, 0.3], ""));
    check(o.case("equal_arrays"), assert_equal(&array![1i64, 2], &array![1i64, 3], ""));
    let (p, q) = (array![1.0, 2.0], array![1.0, 2.1]);
    check(o.case("array_almost_equal"), assert_array_almost_equal(&p, &q, 6, ""));
    let r = assert_array_almost_equal(&array![1.0, 2.123], &array![1.0, 2.13], 2, "");
    check(o.case("array_almost_equal_2"), r);
    let r = assert_array_almost_equal(&p, &array![1.0, 2.000_000_1], 6, "");
    check(o.case("array_almost_equal_pass"), r);
    check(o.case("almost_equal_arrays"), assert_almost_equal(&p, &array![1.0, 2.000_000_2], 7, ""));
    check(o.case("almost_equal_scalar"), assert_almost_equal_scalar(1.0, 1.1, 7, ""));
    check(o.case("almost_equal_scalar_nan"), assert_almost_equal_scalar(f64::NAN, 1.0, 7, ""));
    check(o.case("almost_equal_scalar_pass"), assert_almost_equal_scalar(1.0, 1.0004, 3, ""));
    check(o.case("approx_equal"), assert_approx_equal(1.0, 1.1, 7, ""));
    check(o.case("approx_equal_3"), assert_approx_equal(1.0, 1.01, 3, ""));
    check(o.case("approx_equal_pass"), assert_approx_equal(1234.5, 1234.7, 3, ""));
    check(o.case("approx_equal_msg"), assert_approx_equal(0.5, 0.25, 7, "halves"));
    check(o.case("array_less"), assert_array_less(&p, &q.clone(), ""));
    let r = assert_array_less(&array![1.0, f64::INFINITY], &array![2.0, f64::INFINITY], "");
    check(o.case("array_less_inf"), r);
    let r = assert_array_less(&array![1.0, f64::NEG_INFINITY], &array![2.0, 0.0], "");
    check(o.case("array_less_pass"), r);
}

#[test]
fn ulp_assertions_report_as_numpy() {
    let o = oracle("testing/messages");
    let one = array![1.0];
    let off = array![1.0 + 1e-10];
    check(o.case("nulp"), assert_array_almost_equal_nulp(&one, &off, 1));
    let r = assert_array_almost_equal_nulp(&array![1.0f32, -2.0], &array![1.0f32, -2.0001], 3);
    check(o.case("nulp_f32"), r);
    check(o.case("nulp_pass"), assert_array_almost_equal_nulp(&one, &array![1.0f64.next_up()], 1));
    check(o.case("max_ulp"), assert_array_max_ulp(&one, &off, 1));
    let got = assert_array_max_ulp(&array![1.0, -1.0, 0.0], &array![1.0f64.next_up(), -1.0, -0.0], 2).unwrap();
    let c = o.case("max_ulp_pass");
    let Elems::Float(want) = &c.array().data else { panic!("expected floats") };
    c.assert_eq(want.iter().map(|&v| v as i64).collect::<Vec<_>>(), got);
}

#[test]
fn assert_string_equal_reports_as_numpy() {
    let o = oracle("testing/messages");
    check(o.case("string_equal"), assert_string_equal("abc\ndef\n", "abc\nxef\n"));
    check(o.case("string_equal_pass"), assert_string_equal("same\n", "same\n"));
    let r = assert_string_equal("the quick brown fox\njumps over\n", "the quick brown cat\njumped over\n");
    check(o.case("string_equal_words"), r);
    check(o.case("string_equal_insert"), assert_string_equal("a\nb\n", "a\nnew\nb\n"));
    check(o.case("string_equal_unrelated"), assert_string_equal("alpha\n", "zzzz\n"));
    check(o.case("string_equal_tabs"), assert_string_equal("x\ty = 1\n", "x\ty = 2\n"));
    check(o.case("string_equal_no_newline"), assert_string_equal("hello world", "hello, world"));
}
