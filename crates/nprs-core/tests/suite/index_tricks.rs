//! `r_!`/`c_!` against NumPy's `np.r_`/`np.c_` (`core/index_tricks`): slices with integer,
//! float and point-count steps, weak Python scalars, random arrays of several dtypes,
//! every directive form, and NumPy's errors.

use nprs_core::prelude::*;
use nprs_core::{DynArray, GridSlice, c_, r_};

use crate::common;
use common::{check, load_dyn};
use nprs_testkit::oracle;

#[test]
fn r_and_c_match_numpy() {
    let c = oracle("core/index_tricks");
    let ld = |n: &str| load_dyn(&c, &format!("in_{n}"));
    let (i8a, u16a, i32a, f32a, f64a) = (ld("i8"), ld("u16"), ld("i32"), ld("f32"), ld("f64"));
    let (a, b, cc) = (ld("A"), ld("B"), ld("C"));
    let case = |n: &str| c.case(n);

    check(case("r_basic"), r_![1..4, 0, [5i64, 6]]);
    check(case("r_points"), r_![0.0..=1.0; 5]);
    check(case("r_int_points"), r_![0..=10; 4, 7]);
    check(case("r_float_step"), r_![0.1..1.0; 0.2]);
    check(case("r_neg_step"), r_![GridSlice::new(5, 0, -2), 0.5]);
    check(case("r_step_int"), r_![-7..20; 4]);
    check(case("r_weak_int"), r_![&i8a, 3, -7]);
    check(case("r_weak_float"), r_![&f32a, 1.5, &i8a]);
    check(case("r_weak_float_only"), r_![&f32a, 1.5, 2]);
    check(case("r_mixed"), r_![&i32a, &u16a, &f32a]);
    check(case("r_uint_weak"), r_![&u16a, 7, 1..3]);
    check(case("r_bool"), r_![true, false]);
    check(case("r_complex"), r_![1, 2.5, C128::new(0.0, 1.0)]);
    check(case("r_arrays_f64"), r_![f64a.slice(s![..;-2]), 0..2, f64a.slice(s![..2])]);
    check(case("r_axis1"), r_!["1", &a, &b]);
    check(case("r_axis_neg"), r_!["-1", &a, &b, &a]);
    check(case("r_0_2"), r_!["0,2", [1i64, 2, 3], [4i64, 5, 6]]);
    check(case("r_0_2_0"), r_!["0,2,0", [1i64, 2, 3], [4i64, 5, 6]]);
    check(case("r_1_2_0"), r_!["1,2,0", [1i64, 2, 3], [4i64, 5, 6]]);
    check(case("r_0_4_0"), r_!["0,4,0", &a, &a]);
    check(case("r_0_3_1"), r_!["0,3,1", &f64a, &f64a]);
    check(case("r_0_3_m2"), r_!["1,3,-2", &f64a, &f64a]);
    check(case("r_slice_0_2"), r_!["0,2", 1..4, 4..7]);
    check(case("r_slice_1_2_0"), r_!["1,2,0", 1..4, 0.0..=1.0; 3]);
    check(case("r_scalar_ndmin"), r_!["0,2", 1.5, &array![[2i64, 3]], 4]);
    check(case("r_matrix_row"), r_!["r", [1i64, 2, 3], [4i64, 5, 6]]);
    check(case("r_matrix_col"), r_!["c", [1i64, 2, 3], [4i64, 5, 6]]);
    check(case("r_matrix_2d"), r_!["r", &a, &a]);
    check(case("c_basic"), c_![&f64a, f64a.slice(s![..;-1])]);
    check(case("c_2d"), c_![&array![[1i64, 2, 3]], 0, 0, &array![[4i64, 5, 6]]]);
    check(case("c_slices"), c_![0..3, 1.0..=2.0; 3, &i32a]);
    check(case("c_mats"), c_![&a, &b, a.slice(s![.., ..1])]);

    check(case("err_not_first"), r_![1, "0,2"]);
    check(case("err_unknown"), r_!["x", 1]);
    check(case("err_unknown_comma"), r_!["1,x", 1]);
    check(case("err_empty"), r_![]);
    check(case("err_only_directive"), r_!["0,2"]);
    check(case("err_zero_dim"), r_!["0,0", 1, 2]);
    check(case("err_overflow"), r_![&i8a, 300]);
    check(case("err_shape"), r_![&a, &cc]);
    check(case("err_zero_step"), r_![0..5; 0]);
    check(case("err_matrix_3d"), r_!["r", DynArray::from(Array::<f64>::zeros(&[2, 2, 2]).unwrap())]);
}

#[test]
fn r_macro_and_function_agree() {
    use nprs_core::index_tricks::{RItem, SliceWithStep};
    let by_fn = r_(vec![(0i64..6).with_step(2), RItem::from(0.5), [9i64].into()]).unwrap();
    let by_macro = r_![0..6; 2, 0.5, [9i64]].unwrap();
    assert_eq!(by_fn.to_typed::<f64>().unwrap().to_vec(), vec![0.0, 2.0, 4.0, 0.5, 9.0]);
    assert_eq!(by_macro.to_typed::<f64>().unwrap().to_vec(), by_fn.to_typed::<f64>().unwrap().to_vec());
}
