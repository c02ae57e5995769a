//! Oracle checks of array creation: filled shapes, identity and triangular matrices,
//! numerical ranges, grids and conversions (tests/oracle/groups/core/creation.py).

use nprs_core::prelude::*;
use nprs_core::{
    Indexing, arange, arange_as, asarray, diag, diagflat, eye, fromfunction, fromiter, geomspace, geomspace_as,
    identity, indices, indices_sparse, linspace, linspace_as, linspace_retstep, logspace, logspace_as, meshgrid, tri,
    tril, triu,
};
use nprs_testkit::{Case, Cases, Value, oracle};

fn cases() -> Cases {
    oracle("core/creation")
}

#[track_caller]
fn check_err<T>(c: &Case, r: Result<T>) {
    match r {
        Ok(_) => panic!("{}: nprs gave a result; NumPy raised {:?}", c.name, c.result),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

fn ints(v: &[isize]) -> Value {
    Value::List(v.iter().map(|&x| Value::Int(x as i128)).collect())
}

/// Checks a recorded Python float or NumPy float scalar (item `i` of a tuple) against `x`.
#[track_caller]
fn check_float_item(c: &Case, i: usize, x: f64) {
    let Value::List(items) = &c.result else { panic!("{}: not a tuple", c.name) };
    match &items[i] {
        Value::Float(w) => {
            c.assert_item(i, w.to_bits() == x.to_bits() || (w.is_nan() && x.is_nan()), &format!("{w} vs {x}"));
        }
        Value::Scalar(_) => c.check_item(i, &Array::from_elem_0d(x)),
        other => panic!("{}: item {i} is {other:?}", c.name),
    }
}

#[track_caller]
fn check_list_len(c: &Case, n: usize) {
    let Value::List(items) = &c.result else { panic!("{}: not a tuple", c.name) };
    c.assert_eq(items.len(), n);
}

// ---------------------------------------------------------------------------------------
// Filled shapes.

#[test]
fn zeros_ones_full() {
    let o = cases();
    o.case("zeros_f32_3x4").check(&Array::<f32>::zeros(&[3, 4]).unwrap());
    o.case("ones_2x3").check(&nprs_core::ones::<f64>(&[2, 3]).unwrap());
    o.case("full_2x3_7").check(&nprs_core::full(&[2, 3], 7.0).unwrap());
    o.case("full_i16").check(&Array::<i16>::full(&[2, 2], 7).unwrap());
    o.case("full_complex").check(&Array::full(&[2], C128::new(1.0, -2.0)).unwrap());
    o.case("zeros_0x3").check(&Array::<f64>::zeros(&[0, 3]).unwrap());
    o.case("zeros_0d").check(&Array::<f64>::zeros(&[]).unwrap());
    o.case("ones_bool").check(&Array::<bool>::ones(&[3]).unwrap());
    o.case("ones_window").check(&(&Array::<f64>::ones(&[5]).unwrap() / 5.0));
}

#[test]
fn memory_order() {
    let o = cases();
    o.case("zeros_strides_f").check_value(&ints(Array::<f64>::zeros_order(&[3, 4], Order::F).unwrap().strides()));
    o.case("ones_strides_f").check_value(&ints(Array::<i32>::ones_order(&[2, 3, 4], Order::F).unwrap().strides()));
    o.case("empty_strides_f").check_value(&ints(Array::<i16>::empty_order(&[2, 5], Order::F).unwrap().strides()));
    o.case("full_strides_f").check_value(&ints(Array::full_order(&[2, 3], 1.5, Order::F).unwrap().strides()));
    let c = Array::<f64>::ones_order(&[1000, 1000], Order::C).unwrap();
    let f = Array::<f64>::ones_order(&[1000, 1000], Order::F).unwrap();
    o.case("ones_order_flags").check_value(&Value::List(vec![
        Value::Bool(c.flags().c_contiguous),
        Value::Bool(f.flags().f_contiguous),
        Value::Bool(f.flags().c_contiguous),
    ]));
    assert!(f.iter().all(|x| x == 1.0));
}

#[test]
fn sizes_that_cannot_be_allocated() {
    let o = cases();
    check_err(o.case("zeros_too_big"), Array::<f64>::zeros(&[1 << 40, 1 << 40]));
    check_err(o.case("zeros_too_big_3d"), Array::<f64>::zeros(&[1 << 62, 0, 1 << 62]));
    // 8 TiB: the allocator refuses it, and the error is NumPy's MemoryError.
    let e = Array::<f64>::zeros(&[1 << 40]).unwrap_err();
    o.case("zeros_memory_error").check_error(e.numpy_kind(), &e.to_string());
    assert!(Array::<u8>::ones(&[1 << 62, 4]).is_err());
    assert!(Array::<f32>::full(&[usize::MAX, 2], 1.0).is_err());
    assert!(Array::<i64>::empty_order(&[1 << 61, 8], Order::F).is_err());
}

#[test]
fn like_functions() {
    let o = cases();
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    o.case("zeros_like_int").check(&nprs_core::zeros_like(&a));
    let b = Array::<f32>::arange(6).into_shape(&[2, 3]).unwrap();
    o.case("ones_like_f32").check(&nprs_core::ones_like(&b));
    let z = Array::<C128>::zeros(&[2, 2]).unwrap();
    o.case("full_like_c").check(&nprs_core::full_like(&z, C128::new(3.0, 1.0)));
    let f = Array::<f64>::ones_order(&[3, 4], Order::F).unwrap();
    o.case("zeros_like_strides_f").check_value(&ints(nprs_core::zeros_like(&f).strides()));
}

// ---------------------------------------------------------------------------------------
// Matrices.

#[test]
fn eye_and_identity() {
    let o = cases();
    o.case("eye_4").check(&eye::<f64>(4, None, 0, Order::C).unwrap());
    o.case("eye_3x5_k1").check(&eye::<f64>(3, Some(5), 1, Order::C).unwrap());
    o.case("eye_5x3_km2_int").check(&eye::<i64>(5, Some(3), -2, Order::C).unwrap());
    o.case("eye_k_past_end").check(&eye::<f64>(3, None, 5, Order::C).unwrap());
    o.case("eye_k_before_start").check(&eye::<f64>(3, None, -5, Order::C).unwrap());
    o.case("eye_f_strides").check_value(&ints(eye::<f64>(3, Some(4), 0, Order::F).unwrap().strides()));
    let ef = eye::<f64>(3, Some(4), -1, Order::F).unwrap();
    assert!(ef.is_f_contiguous());
    o.case("eye_f_values").check(&ef);
    o.case("eye_complex").check(&eye::<C128>(2, None, 0, Order::C).unwrap());
    o.case("eye_bool").check(&eye::<bool>(3, None, 0, Order::C).unwrap());
    o.case("eye_0").check(&eye::<f64>(0, None, 0, Order::C).unwrap());
    o.case("eye_0x3").check(&eye::<f64>(0, Some(3), 0, Order::C).unwrap());
    let trace: f64 = eye::<f64>(4, None, 0, Order::C).unwrap().diagonal(0, 0, 1).unwrap().iter().sum();
    o.case("eye_trace").check(&Array::from_elem_0d(trace));
    o.case("identity_3_i8").check(&identity::<i8>(3).unwrap());
    o.case("identity_0").check(&identity::<f64>(0).unwrap());
    assert!(eye::<f64>(1 << 40, None, 0, Order::C).is_err());
    assert!(eye::<u8>(3, Some(3), isize::MIN, Order::C).unwrap().iter().all(|x| x == 0));
    assert!(eye::<u8>(3, Some(3), isize::MAX, Order::F).unwrap().iter().all(|x| x == 0));
}

#[test]
fn diag_builds_and_extracts() {
    let o = cases();
    o.case("diag_from_1d").check(&diag(&array![1i64, 2, 3], 0).unwrap());
    o.case("diag_from_1d_k1").check(&diag(&array![1i64, 2, 3], 1).unwrap());
    o.case("diag_from_1d_km2").check(&diag(&array![1.5, 2.5], -2).unwrap());
    o.case("diag_from_empty").check(&diag(&Array::<f64>::zeros(&[0]).unwrap(), 0).unwrap());
    o.case("diag_from_empty_k2").check(&diag(&Array::<i32>::zeros(&[0]).unwrap(), 2).unwrap());
    let m = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    let d = diag(&m, 0).unwrap();
    o.case("diag_of_2d").check(&d);
    o.case("diag_of_2d_k1").check(&diag(&m, 1).unwrap());
    o.case("diag_of_2d_km1").check(&diag(&m, -1).unwrap());
    o.case("diag_of_2d_k5").check(&diag(&m, 5).unwrap());
    o.case("diag_of_2d_km3").check(&diag(&m, -3).unwrap());
    o.case("diag_of_transposed").check(&diag(&m.t(), 1).unwrap());
    check_err(o.case("diag_3d_error"), diag(&Array::<f64>::zeros(&[2, 2, 2]).unwrap(), 0));
    check_err(o.case("diag_0d_error"), diag(&Array::from_elem_0d(5.0), 0));
    assert!(diag(&array![1.0], isize::MAX).is_err());

    // U @ diag(S) @ Vt for 2x2 factors, written out with the elementwise operators.
    let u = array![[0.0, 1.0], [1.0, 0.0]];
    let s = diag(&array![3.0, 0.5], 0).unwrap();
    let vt = array![[0.6, 0.8], [-0.8, 0.6]];
    let matmul = |a: &Array<f64>, b: &Array<f64>| {
        let mut out = Array::<f64>::zeros(&[2, 2]).unwrap();
        for i in 0..2 {
            for j in 0..2 {
                let mut acc = 0.0;
                for k in 0..2 {
                    acc += a.get(&[i, k]).unwrap() * b.get(&[k, j]).unwrap();
                }
                out.set(&[i, j], acc).unwrap();
            }
        }
        out
    };
    o.case("diag_svd_rebuild").check(&matmul(&matmul(&u, &s), &vt));
}

#[test]
fn diagflat_cases() {
    let o = cases();
    o.case("diagflat_2d").check(&diagflat(&array![[1i64, 2], [3, 4]], 0).unwrap());
    o.case("diagflat_k1").check(&diagflat(&array![1.0, 2.0], 1).unwrap());
    o.case("diagflat_km1").check(&diagflat(&array![1u8, 2, 3], -1).unwrap());
    o.case("diagflat_0d").check(&diagflat(&Array::from_elem_0d(7i64), 0).unwrap());
    o.case("diagflat_empty").check(&diagflat(&Array::<f64>::zeros(&[0]).unwrap(), 1).unwrap());
    // A non-contiguous input is flattened in C order.
    let t = array![[1i64, 2], [3, 4]];
    assert_eq!(diagflat(&t.t(), 0).unwrap().diagonal(0, 0, 1).unwrap().to_vec(), vec![1, 3, 2, 4]);
}

#[test]
fn tri_tril_triu() {
    let o = cases();
    o.case("tri_3").check(&tri::<f64>(3, None, 0).unwrap());
    o.case("tri_3x5_k2_int").check(&tri::<i64>(3, Some(5), 2).unwrap());
    o.case("tri_4x3_km1").check(&tri::<f64>(4, Some(3), -1).unwrap());
    o.case("tri_km9").check(&tri::<f64>(3, Some(4), -9).unwrap());
    o.case("tri_0").check(&tri::<f64>(0, None, 0).unwrap());
    o.case("tri_bool").check(&tri::<bool>(3, Some(2), 0).unwrap());
    let a = Array::<i64>::arange(13).slice(nprs_core::s![1..]).to_owned().into_shape(&[4, 3]).unwrap();
    o.case("tril_4x3_km1").check(&tril(&a, -1).unwrap());
    o.case("tril_4x3").check(&tril(&a, 0).unwrap());
    o.case("triu_4x3_k1").check(&triu(&a, 1).unwrap());
    o.case("triu_4x3_km1").check(&triu(&a, -1).unwrap());
    let b = arange::<f64>(1.0, 13.0, 1.0).unwrap().into_shape(&[3, 4]).unwrap();
    o.case("tril_3x4_k2").check(&tril(&b, 2).unwrap());
    o.case("triu_3x4").check(&triu(&b, 0).unwrap());
    o.case("tril_3d").check(&tril(&Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap(), 0).unwrap());
    o.case("triu_3d_k1").check(&triu(&Array::<i16>::arange(24).into_shape(&[2, 3, 4]).unwrap(), 1).unwrap());
    o.case("tril_1d").check(&tril(&array![1i64, 2, 3], 0).unwrap());
    o.case("triu_1d_k1").check(&triu(&array![1.0, 2.0, 3.0], 1).unwrap());
    let c = array![[C128::new(1.0, 1.0), C128::new(0.0, 2.0)], [C128::new(3.0, 0.0), C128::new(4.0, -1.0)]];
    o.case("tril_complex").check(&tril(&c, 0).unwrap());
    let f = Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap().to_owned_order(Order::F);
    o.case("tril_f_input").check(&tril(&f, 1).unwrap());
    o.case("tril_empty").check(&tril(&Array::<f64>::zeros(&[0, 3]).unwrap(), 0).unwrap());
    check_err(o.case("tril_0d_error"), tril(&Array::from_elem_0d(5i64), 0));
    check_err(o.case("triu_0d_error"), triu(&Array::from_elem_0d(5i64), 0));
    // Extreme offsets keep or clear everything.
    assert_eq!(tril(&a, isize::MAX).unwrap(), a);
    assert!(triu(&a, isize::MAX).unwrap().iter().all(|x| x == 0));
    assert_eq!(triu(&a, isize::MIN).unwrap(), a);
}

// ---------------------------------------------------------------------------------------
// arange.

#[test]
fn arange_integers() {
    let o = cases();
    o.case("arange_12").check(&Array::<i64>::arange(12));
    o.case("arange_0_10_2").check(&arange::<i64>(0, 10, 2).unwrap());
    o.case("arange_12_i32").check(&Array::<i32>::arange(12));
    o.case("arange_1_6_float").check(&arange_as::<f64, i64>(1, 6, 1).unwrap());
    o.case("arange_10_0_m3").check(&arange::<i64>(10, 0, -3).unwrap());
    o.case("arange_empty_backwards").check(&arange::<i64>(5, 1, 1).unwrap());
    o.case("arange_empty_wrong_sign").check(&arange::<i64>(0, 10, -1).unwrap());
    o.case("arange_u8_down").check(&arange_as::<u8, i64>(10, 0, -3).unwrap());
    o.case("arange_i8_wraps_in_fill").check(&arange_as::<i8, i64>(0, 300, 100).unwrap());
    check_err(o.case("arange_i8_next_out_of_bounds"), arange_as::<i8, i64>(0, 300, 299));
    check_err(o.case("arange_u8_negative_start"), arange_as::<u8, i64>(-3, 3, 1));
    o.case("arange_u64_top").check(&arange_as::<u64, u64>(u64::MAX - 4, u64::MAX - 1, 2).unwrap());
    o.case("arange_i64_near_max").check(&arange::<i64>(i64::MAX - 5, i64::MAX, 2).unwrap());
    o.case("arange_i64_huge_length_is_empty").check(&arange::<i64>(0, i64::MAX - 99, 1).unwrap());
    o.case("arange_i64_from_min").check(&arange::<i64>(i64::MIN, i64::MIN + 3, 1).unwrap());
    check_err(o.case("arange_i64_too_big"), arange::<i64>(0, 1 << 62, 1));
    check_err(o.case("arange_i64_too_large_for_long"), arange_as::<i64, u64>(1 << 63, (1 << 63) + 5, 1));
    check_err(o.case("arange_i32_from_i64_oob"), arange_as::<i32, i64>(1 << 40, (1 << 40) + 3, 1));
    check_err(o.case("arange_zero_step_int"), arange::<i64>(0, 10, 0));
    o.case("arange_big_step").check(&arange::<i64>(0, 10, 1 << 62).unwrap());
    o.case("arange_int_exact_division").check(&arange::<i64>(0, (1 << 60) + 1, (1 << 57) + 3).unwrap());
    let n = arange::<i64>(0, (1 << 62) + 1, (1 << 53) + 1).unwrap().len();
    o.case("arange_int_rounded_division").check_value(&Value::Int(n as i128));
}

#[test]
fn arange_floats() {
    let o = cases();
    o.case("arange_0_1_01").check(&arange::<f64>(0.0, 1.0, 0.1).unwrap());
    o.case("arange_float_down").check(&arange::<f64>(1.0, -1.0, -0.3).unwrap());
    o.case("arange_float_long").check(&arange::<f64>(-7.5, 123.25, 0.37).unwrap());
    check_err(o.case("arange_float_inf"), arange::<f64>(0.0, f64::INFINITY, 1.0));
    check_err(o.case("arange_float_nan"), arange::<f64>(0.0, f64::NAN, 1.0));
    check_err(o.case("arange_float_nan_start"), arange::<f64>(f64::NAN, 1.0, 1.0));
    o.case("arange_float_tiny_over_huge").check(&arange::<f64>(0.0, 1e-320, 1e300).unwrap());
    o.case("arange_float_inf_step").check(&arange::<f64>(0.0, 1.0, f64::INFINITY).unwrap());
    o.case("arange_float_inf_step_back").check(&arange::<f64>(0.0, -1.0, f64::INFINITY).unwrap());
    check_err(o.case("arange_float_length_overflow"), arange::<f64>(5.0, 0.0, 1e-320));
    check_err(o.case("arange_float_length_overflow_pos"), arange::<f64>(0.0, 1e300, 1e-300));
    check_err(o.case("arange_zero_step_float"), arange::<f64>(0.0, 1.0, 0.0));
    o.case("arange_f32_dtype").check(&arange_as::<f32, f64>(0.0, 1.0, 0.1).unwrap());
    o.case("arange_f32_typed").check(&arange_as::<f32, f32>(0.1, 1.0, 0.1).unwrap());
    o.case("arange_f32_long").check(&arange_as::<f32, f64>(0.0, 30.0, 0.1).unwrap());
    o.case("arange_f32_overflow").check(&arange_as::<f32, f64>(1e300, 1e301, 1e300).unwrap());
    o.case("arange_f16_dtype").check(&arange_as::<f16, f64>(0.0, 1.0, 0.1).unwrap());
    o.case("arange_f16_fill_in_float").check(&arange_as::<f16, f64>(0.1, 300.0, 7.3).unwrap());
    o.case("arange_f16_int_rounding").check(&arange_as::<f16, i64>(2049, 2100, 1).unwrap());
    o.case("arange_float_to_int").check(&arange_as::<i64, f64>(0.0, 5.0, 0.5).unwrap());
    o.case("arange_float_to_int_half").check(&arange_as::<i64, f64>(0.5, 3.0, 1.0).unwrap());
    o.case("arange_float_to_u8_trunc").check(&arange_as::<u8, f64>(-0.5, 3.0, 1.0).unwrap());
    check_err(o.case("arange_float_to_u8_negative"), arange_as::<u8, f64>(-1.5, 3.0, 1.0));
    check_err(o.case("arange_float_to_i64_too_large"), arange_as::<i64, f64>(1e20, 1e20 + 1e5, 2e4));
    o.case("arange_float_to_u64").check(&arange_as::<u64, f64>(9.3e18, 9.3e18 + 1e5, 2e4).unwrap());
    check_err(o.case("arange_float_to_i32_oob"), arange_as::<i32, f64>(1e10, 1e10 + 1e5, 2e4));
}

#[test]
fn arange_complex_and_bool() {
    let o = cases();
    let c = |re: f64, im: f64| C128::new(re, im);
    o.case("arange_float_to_complex").check(&arange_as::<C128, f64>(0.0, 1.0, 0.25).unwrap());
    o.case("arange_int_to_c64").check(&arange_as::<C64, i64>(1, 10, 3).unwrap());
    o.case("arange_complex_real_only").check(&arange(c(0.0, 0.0), c(10.0, 0.0), c(1.0, 0.0)).unwrap());
    o.case("arange_complex_diag").check(&arange(c(1.0, 1.0), c(10.0, 5.0), c(1.0, 1.0)).unwrap());
    o.case("arange_complex_both").check(&arange(c(0.0, 0.0), c(10.0, 10.0), c(1.0, 0.5)).unwrap());
    let c32 = |re: f32, im: f32| C64::new(re, im);
    o.case("arange_complex_c64").check(&arange_as::<C64, C64>(c32(0.0, 0.5), c32(10.0, 10.0), c32(1.0, 0.5)).unwrap());
    check_err(o.case("arange_complex_nan"), arange(c(0.0, 0.0), c(f64::NAN, 1.0), c(1.0, 1.0)));
    check_err(o.case("arange_complex_to_float"), arange_as::<f64, C128>(c(5.0, 0.0), c(10.0, 0.0), c(1.0, 0.0)));
    check_err(o.case("arange_complex_to_int"), arange_as::<i64, C128>(c(5.0, 1.0), c(10.0, 0.0), c(1.0, 0.0)));
    check_err(o.case("arange_zero_step_complex"), arange(c(0.0, 0.0), c(0.0, 10.0), c(0.0, 0.0)));
    o.case("arange_bool_2").check(&Array::<bool>::arange(2));
    check_err(o.case("arange_bool_3"), arange_as::<bool, i64>(0, 3, 1));
    o.case("arange_bool_typed").check(&arange_as::<bool, bool>(false, true, true).unwrap());
    o.case("arange_bool_1_3").check(&arange_as::<bool, i64>(1, 3, 1).unwrap());
    o.case("arange_bool_empty").check(&Array::<bool>::arange(0));
}

#[test]
fn arange_large_is_exact() {
    // Large enough to be filled in parallel; every element must follow NumPy's formula.
    let n = 1_000_003usize;
    let a = arange::<f64>(0.5, 0.5 + n as f64 * 0.1, 0.1).unwrap();
    let delta = (0.5 + 0.1) - 0.5;
    assert!(a.len() >= n);
    for (i, x) in a.iter().enumerate().skip(2) {
        assert_eq!(x.to_bits(), (0.5 + i as f64 * delta).to_bits(), "element {i}");
    }
    let w = Array::<i8>::arange(n);
    assert!(w.iter().enumerate().all(|(i, x)| x == i as i8));
}

// ---------------------------------------------------------------------------------------
// linspace, logspace, geomspace.

#[test]
fn linspace_cases() {
    let o = cases();
    o.case("linspace_0_1_11").check(&linspace::<f64>(0.0, 1.0, 11, true).unwrap());
    o.case("linspace_m3_3_100").check(&linspace::<f64>(-3.0, 3.0, 100, true).unwrap());
    o.case("linspace_no_endpoint").check(&linspace::<f64>(0.0, 1.0, 160, false).unwrap());
    o.case("linspace_band_edges").check(&linspace::<f64>(0.0, 22050.0 / 2.0, 41, true).unwrap());
    o.case("linspace_default_num").check(&linspace::<f64>(2.5, -7.25, 50, true).unwrap());
    for (name, endpoint) in [("linspace_retstep", true), ("linspace_retstep_no_endpoint", false)] {
        let (y, step) = linspace_retstep::<f64>(2.0, 3.0, 5, endpoint).unwrap();
        o.case(name).check_item(0, &y);
        check_float_item(o.case(name), 1, step);
    }
    o.case("linspace_num1").check(&linspace::<f64>(2.0, 3.0, 1, true).unwrap());
    o.case("linspace_num1_no_endpoint").check(&linspace::<f64>(2.0, 3.0, 1, false).unwrap());
    let (y, step) = linspace_retstep::<f64>(2.0, 3.0, 1, true).unwrap();
    o.case("linspace_num1_retstep").check_item(0, &y);
    check_float_item(o.case("linspace_num1_retstep"), 1, step);
    o.case("linspace_num0").check(&linspace::<f64>(0.0, 1.0, 0, true).unwrap());
    let (y, step) = linspace_retstep::<f64>(0.0, 1.0, 0, true).unwrap();
    o.case("linspace_num0_retstep").check_item(0, &y);
    check_float_item(o.case("linspace_num0_retstep"), 1, step);
    o.case("linspace_num2").check(&linspace::<f64>(0.1, 0.7, 2, true).unwrap());
    o.case("linspace_same").check(&linspace::<f64>(4.0, 4.0, 4, true).unwrap());
}

#[test]
fn linspace_dtypes_and_edges() {
    let o = cases();
    // Python ints without an integer dtype: float64 samples of the ints.
    o.case("linspace_ints").check(&linspace_as::<f64, i64>(0, 10, 5, true).unwrap());
    o.case("linspace_big_ints").check(&linspace_as::<f64, i64>(1 << 62, (1 << 62) + 1000, 3, true).unwrap());
    o.case("linspace_int_dtype").check(&linspace_as::<i64, i64>(-5, 5, 7, true).unwrap());
    o.case("linspace_u8").check(&linspace_as::<u8, u8>(0, 255, 10, true).unwrap());
    o.case("linspace_f32_typed").check(&linspace_as::<f32, f32>(0.1, 0.7, 7, true).unwrap());
    o.case("linspace_f16").check(&linspace_as::<f16, f16>(f16::from_f32(-1.0), f16::from_f32(1.0), 9, true).unwrap());
    o.case("linspace_bool").check(&linspace_as::<bool, bool>(false, true, 5, true).unwrap());
    o.case("linspace_denormal_step").check(&linspace::<f64>(0.0, 1e-323, 5, true).unwrap());
    let (y, step) = linspace_retstep::<f64>(0.0, 1e-323, 5, true).unwrap();
    o.case("linspace_denormal_step_retstep").check_item(0, &y);
    check_float_item(o.case("linspace_denormal_step_retstep"), 1, step);
    o.case("linspace_to_inf").check(&linspace::<f64>(0.0, f64::INFINITY, 3, true).unwrap());
    o.case("linspace_to_inf_num1").check(&linspace::<f64>(0.0, f64::INFINITY, 1, true).unwrap());
    o.case("linspace_huge_range").check(&linspace::<f64>(-1e308, 1e308, 5, true).unwrap());
    o.case("linspace_nan").check(&linspace::<f64>(f64::NAN, 1.0, 3, true).unwrap());
    assert!(linspace::<f64>(0.0, 1.0, usize::MAX, true).is_err());
    // Integer outputs come from float samples: -2.5 .. 2.5 floors to -3 .. 2.
    o.case("linspace_int_dtype_float_args").check(&linspace_as::<i64, f64>(-2.5, 2.5, 6, true).unwrap());
    o.case("linspace_f32").check(&linspace_as::<f32, f64>(0.0, 1.0, 7, true).unwrap());
}

#[test]
fn linspace_complex() {
    let o = cases();
    let c = |re: f64, im: f64| C128::new(re, im);
    o.case("linspace_complex").check(&linspace(c(1.0, 2.0), c(3.0, -4.0), 5, true).unwrap());
    let (y, step) = linspace_retstep(c(1.0, 2.0), c(3.0, -4.0), 7, false).unwrap();
    let rs = o.case("linspace_complex_retstep");
    rs.check_item(0, &y);
    rs.check_item(1, &Array::from_elem_0d(step));
    let c64 = linspace_as::<C64, C128>(c(0.1, 2.0), c(3.3, -4.0), 6, true).unwrap();
    o.case("linspace_complex_c64").check(&c64);
    o.case("linspace_complex_num1").check(&linspace(c(1.0, 1.0), c(2.0, 2.0), 1, true).unwrap());
    o.case("linspace_complex_denormal").check(&linspace(c(0.0, 0.0), c(1e-323, 1e-323), 5, true).unwrap());
}

#[test]
fn logspace_cases() {
    let o = cases();
    o.case("logspace_0_3_4").check(&logspace::<f64>(0.0, 3.0, 4, true, 10.0).unwrap());
    o.case("logspace_base2").check(&logspace::<f64>(0.0, 10.0, 11, true, 2.0).unwrap());
    o.case("logspace_no_endpoint").check(&logspace::<f64>(1.0, 2.0, 5, false, 10.0).unwrap());
    o.case("logspace_base_e").check(&logspace::<f64>(0.0, 1.0, 7, true, std::f64::consts::E).unwrap());
    o.case("logspace_many").check(&logspace::<f64>(-5.0, 5.0, 101, true, 10.0).unwrap());
    o.case("logspace_f32").check(&logspace_as::<f32, f32>(0.0, 2.0, 5, true, 10.0).unwrap());
    o.case("logspace_int").check(&logspace_as::<i64, i64>(0, 3, 4, true, 10.0).unwrap());
    o.case("logspace_negative_base").check(&logspace::<f64>(0.0, 3.0, 7, true, -2.0).unwrap());
    o.case("logspace_num0").check(&logspace::<f64>(0.0, 3.0, 0, true, 10.0).unwrap());
    o.case("logspace_num1").check(&logspace::<f64>(2.0, 3.0, 1, true, 10.0).unwrap());
    let c = |re: f64, im: f64| C128::new(re, im);
    o.case("logspace_complex").check(&logspace(c(0.0, 0.0), c(0.0, 1.0), 4, true, 10.0).unwrap());
    o.case("logspace_complex_ints").check(&logspace(c(0.0, 0.0), c(3.0, 0.0), 4, true, 10.0).unwrap());
    o.case("logspace_complex_base2").check(&logspace(c(1.0, 1.0), c(2.0, -1.0), 5, true, 2.0).unwrap());
}

#[test]
fn geomspace_cases() {
    let o = cases();
    o.case("geomspace_1_1000_4").check(&geomspace::<f64>(1.0, 1000.0, 4, true).unwrap());
    o.case("geomspace_no_endpoint").check(&geomspace::<f64>(1.0, 1000.0, 3, false).unwrap());
    o.case("geomspace_negative").check(&geomspace::<f64>(-1000.0, -1.0, 4, true).unwrap());
    o.case("geomspace_mixed_sign").check(&geomspace::<f64>(-1.0, 1000.0, 4, true).unwrap());
    o.case("geomspace_fraction").check(&geomspace::<f64>(0.5, 1e-3, 9, true).unwrap());
    o.case("geomspace_many").check(&geomspace::<f64>(1.0, (1u64 << 50) as f64, 51, true).unwrap());
    check_err(o.case("geomspace_zero_start"), geomspace::<i64>(0, 10, 3, true));
    check_err(o.case("geomspace_zero_stop"), geomspace::<f64>(1.0, 0.0, 3, true));
    o.case("geomspace_num0").check(&geomspace::<f64>(1.0, 10.0, 0, true).unwrap());
    o.case("geomspace_num1").check(&geomspace::<f64>(3.0, 10.0, 1, true).unwrap());
    o.case("geomspace_num1_no_endpoint").check(&geomspace::<f64>(3.0, 10.0, 1, false).unwrap());
    o.case("geomspace_f32").check(&geomspace_as::<f32, f32>(1.0, 256.0, 9, true).unwrap());
    o.case("geomspace_int").check(&geomspace_as::<i64, i64>(1, 1000, 4, true).unwrap());
    o.case("geomspace_int_wide").check(&geomspace_as::<i64, i64>(3, 7i64.pow(9), 10, true).unwrap());
    let c = |re: f64, im: f64| C128::new(re, im);
    o.case("geomspace_imaginary").check(&geomspace(c(0.0, 1.0), c(0.0, 1000.0), 4, true).unwrap());
    o.case("geomspace_circle").check(&geomspace(c(-1.0, 0.0), c(1.0, 0.0), 5, true).unwrap());
    o.case("geomspace_complex").check(&geomspace(c(1.0, 1.0), c(16.0, -3.0), 6, true).unwrap());
    o.case("geomspace_complex_c64")
        .check(&geomspace_as::<C64, C64>(C64::new(2.0, 0.0), C64::new(32.0, 0.0), 5, true).unwrap());
}

// ---------------------------------------------------------------------------------------
// Grids.

#[test]
fn meshgrid_cases() {
    let o = cases();
    let x = array![1i64, 2, 3];
    let y = array![4i64, 5];
    let g = meshgrid(&[x.view(), y.view()], Indexing::Xy, false, true).unwrap();
    check_list_len(o.case("meshgrid_xy"), 2);
    o.case("meshgrid_xy").check_item(0, &g[0]);
    o.case("meshgrid_xy").check_item(1, &g[1]);

    let f1 = array![1i64, 2, 3, 4, 5];
    let f2 = array![10i64, 20, 30];
    let g = meshgrid(&[f1.view(), f2.view()], Indexing::Ij, false, true).unwrap();
    o.case("meshgrid_ij").check_item(0, &g[0]);
    o.case("meshgrid_ij").check_item(1, &g[1]);
    o.case("meshgrid_interactions").check(&(&g[0] * &g[1]));

    let xf = array![1.0, 2.0, 3.0];
    let yf = array![4.0, 5.0];
    let g = meshgrid(&[xf.view(), yf.view()], Indexing::Xy, true, true).unwrap();
    o.case("meshgrid_sparse_xy").check_item(0, &g[0]);
    o.case("meshgrid_sparse_xy").check_item(1, &g[1]);
    let g = meshgrid(&[x.view(), y.view()], Indexing::Ij, true, true).unwrap();
    o.case("meshgrid_sparse_ij").check_item(0, &g[0]);
    o.case("meshgrid_sparse_ij").check_item(1, &g[1]);

    let (a, b, c) = (array![1i64, 2], array![3i64, 4, 5], array![6i64, 7, 8, 9]);
    for (name, idx, sparse) in [("meshgrid_3_xy", Indexing::Xy, false), ("meshgrid_3_ij_sparse", Indexing::Ij, true)] {
        let g = meshgrid(&[a.view(), b.view(), c.view()], idx, sparse, true).unwrap();
        check_list_len(o.case(name), 3);
        for (i, gi) in g.iter().enumerate() {
            o.case(name).check_item(i, gi);
        }
    }
    let one = array![1.5, 2.5, 3.5];
    let g = meshgrid(&[one.view()], Indexing::Xy, false, true).unwrap();
    check_list_len(o.case("meshgrid_one"), 1);
    o.case("meshgrid_one").check_item(0, &g[0]);
    let none = meshgrid::<f64>(&[], Indexing::Xy, false, true).unwrap();
    check_list_len(o.case("meshgrid_none"), none.len());

    let m = Array::<i64>::arange(4).into_shape(&[2, 2]).unwrap();
    let v = array![7i64, 8];
    for transposed in [false, true] {
        // An F-ordered 2-d input cannot be flattened without a copy.
        let mv = if transposed { m.to_owned_order(Order::F) } else { m.clone() };
        let g = meshgrid(&[mv.view(), v.view()], Indexing::Xy, false, false).unwrap();
        o.case("meshgrid_2d_input").check_item(0, &g[0]);
        o.case("meshgrid_2d_input").check_item(1, &g[1]);
    }

    let lx = linspace::<f64>(-3.0, 3.0, 100, true).unwrap();
    let g = meshgrid(&[lx.view(), lx.view()], Indexing::Xy, false, true).unwrap();
    o.case("meshgrid_linspace_shapes").check_value(&Value::List(
        g.iter().map(|a| Value::List(a.shape().iter().map(|&d| Value::Int(d as i128)).collect())).collect(),
    ));
    let (sx, sy) = (linspace::<f64>(-3.0, 3.0, 7, true).unwrap(), linspace::<f64>(-1.0, 1.0, 5, true).unwrap());
    let g = meshgrid(&[sx.view(), sy.view()], Indexing::Xy, false, true).unwrap();
    o.case("meshgrid_linspace_small").check_item(0, &g[0]);
    o.case("meshgrid_linspace_small").check_item(1, &g[1]);

    check_err(o.case("meshgrid_bad_indexing"), "xx".parse::<Indexing>());
    assert_eq!("xy".parse::<Indexing>().unwrap(), Indexing::Xy);
}

#[test]
fn meshgrid_views_and_copies() {
    let o = cases();
    let x = array![1.0, 2.0, 3.0];
    let y = array![4.0, 5.0];
    let g = meshgrid(&[x.view(), y.view()], Indexing::Xy, false, false).unwrap();
    assert!(g.iter().all(CowArray::is_view));
    o.case("meshgrid_no_copy_shares").check_value(&Value::List(vec![
        Value::Bool(nprs_core::shares_memory(&g[0], &x, None).unwrap()),
        Value::Bool(nprs_core::shares_memory(&g[1], &y, None).unwrap()),
        ints(g[0].strides()),
        ints(g[1].strides()),
    ]));
    let g = meshgrid(&[x.view(), y.view()], Indexing::Xy, false, true).unwrap();
    o.case("meshgrid_copy_owns").check_value(&Value::List(vec![
        Value::Bool(nprs_core::shares_memory(&g[0], &x, None).unwrap()),
        Value::Bool(g[0].is_c_contiguous()),
        ints(g[0].strides()),
    ]));
}

#[test]
fn fromfunction_and_indices() {
    let o = cases();
    o.case("fromfunction_sum").check(&fromfunction(&[3, 3], |ix| (ix[0] + ix[1]) as i64).unwrap());
    o.case("fromfunction_eq").check(&fromfunction(&[3, 3], |ix| ix[0] == ix[1]).unwrap());
    o.case("fromfunction_3d").check(&fromfunction(&[2, 3, 4], |ix| (100 * ix[0] + 10 * ix[1] + ix[2]) as i64).unwrap());
    o.case("fromfunction_float").check(&fromfunction(&[2, 3], |ix| ix[0] as f64 * 0.5 - ix[1] as f64).unwrap());
    o.case("fromfunction_empty").check(&fromfunction(&[0, 3], |ix| (ix[0] + ix[1]) as i64).unwrap());
    o.case("indices_2x3").check(&indices::<i64>(&[2, 3]).unwrap());
    o.case("indices_i8").check(&indices::<i8>(&[2, 2, 2]).unwrap());
    let s = indices_sparse::<i64>(&[2, 3]).unwrap();
    o.case("indices_sparse").check_item(0, &s[0]);
    o.case("indices_sparse").check_item(1, &s[1]);
    o.case("indices_empty").check(&indices::<i64>(&[0, 2]).unwrap());
    // Large enough to be filled in parallel chunks: each chunk must start at its own index.
    let big = fromfunction(&[300, 1001], |ix| (ix[0] * 1001 + ix[1]) as u32).unwrap();
    assert!(big.iter().enumerate().all(|(i, x)| x == i as u32));
    assert!(indices::<i64>(&[1 << 40, 1 << 40]).is_err());
}

// ---------------------------------------------------------------------------------------
// From data.

#[test]
fn fromiter_and_asarray() {
    let o = cases();
    o.case("fromiter_range").check(&fromiter(0..5i64, None).unwrap());
    o.case("fromiter_squares_count").check(&fromiter((0..5).map(|x| f64::from(x * x)), Some(3)).unwrap());
    check_err(o.case("fromiter_too_short"), fromiter(0..3i64, Some(5)));
    o.case("fromiter_empty").check(&fromiter(std::iter::empty::<f64>(), None).unwrap());
    assert!(fromiter(std::iter::repeat(1u8), Some(usize::MAX)).is_err());

    let v = vec![1.0, 2.0, 3.0];
    o.case("asarray_list").check(&asarray(&v));
    o.case("asarray_list").check(&asarray(v.as_slice()));
    o.case("asarray_list").check(&Array::from(v.clone()));
    o.case("asarray_list").check(&Array::from([1.0, 2.0, 3.0]));
    o.case("asarray_list").check(&v.iter().copied().collect::<Array<f64>>());
    let nested = nprs_core::creation::array(vec![vec![1i32, 2, 3], vec![4, 5, 6]]).unwrap();
    o.case("asarray_nested").check(&asarray(&nested));
    assert!(nprs_core::shares_memory(&asarray(&nested), &nested, None).unwrap());
    check_err(o.case("array_ragged"), nprs_core::creation::array(vec![vec![1i64, 2], vec![3]]));
}
