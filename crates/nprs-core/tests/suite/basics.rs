//! Oracle checks of the foundation: broadcasting arithmetic, shapes and strides.

use nprs_core::prelude::*;
use nprs_testkit::{Value, oracle};

#[test]
fn broadcast_add_matches_numpy() {
    let o = oracle("core/basics");
    let a = Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap();
    o.case("arange12_reshape_plus_row").check(&(&a + &array![10.0, 20.0, 30.0, 40.0]));
    let err =
        nprs_core::add(&Array::<f64>::zeros(&[3, 4]).unwrap(), &Array::<f64>::zeros(&[3]).unwrap()).err().unwrap();
    o.case("broadcast_error").check_error(err.numpy_kind(), &err.to_string());
}

#[test]
fn broadcast_shapes_matches_numpy() {
    let o = oracle("core/basics");
    let s = nprs_core::broadcast_shapes(&[&[6, 7], &[5, 6, 1], &[7], &[5, 1, 7]]).unwrap();
    o.case("broadcast_shapes").check_shape(&s);
    let e = nprs_core::broadcast_shapes(&[&[2, 3], &[3, 2]]).unwrap_err();
    o.case("broadcast_shapes_error").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn strides_in_bytes() {
    let o = oracle("core/basics");
    let st = |v: &[isize]| Value::List(v.iter().map(|&x| Value::Int(x as i128)).collect());
    o.case("strides_f64_3x4").check_value(&st(Array::<f64>::zeros(&[3, 4]).unwrap().strides()));
    o.case("strides_transposed").check_value(&st(Array::<i32>::zeros(&[3, 4]).unwrap().t().strides()));
}
