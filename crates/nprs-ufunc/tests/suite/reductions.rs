//! sum, prod, max, min, all, any, mean, var and std against NumPy (oracle group
//! `reductions/core`): every numeric dtype, each axis and tuple, keepdims, where masks,
//! dtype=, initial=, ddof, non-contiguous views, empty inputs and NumPy's errors — exact
//! bits, through the dynamic functions and the typed methods alike.

use crate::common;
use common::DTYPES;

use common::{dyn_actual, load_dyn};
use nprs_core::dynarray::DynView;
use nprs_core::prelude::*;
use nprs_core::{C128, DType, DynArray, Result};
use nprs_testkit::{Case, Cases, actual, oracle};
use nprs_ufunc::{
    ReduceArgs, ReduceMethods, all_dyn, any_dyn, argmax_dyn, argmin_dyn, average_dyn, count_nonzero_dyn, cumprod_dyn,
    cumsum_dyn, cumulative_prod_dyn, cumulative_sum_dyn, max_dyn, mean_dyn, min_dyn, nanargmax_dyn, nanargmin_dyn,
    nancumprod_dyn, nancumsum_dyn, nanmax_dyn, nanmean_dyn, nanmin_dyn, nanprod_dyn, nanstd_dyn, nansum_dyn,
    nanvar_dyn, prod_dyn, ptp_dyn, std_dyn, sum_dyn, var_dyn,
};

const INEXACT: [&str; 5] = ["float16", "float32", "float64", "complex64", "complex128"];
const OPS: [&str; 9] = ["sum", "prod", "max", "min", "all", "any", "mean", "var", "std"];

/// Runs reduction `op` by its NumPy name.
fn run(op: &str, a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    match op {
        "sum" => sum_dyn(a, args),
        "prod" => prod_dyn(a, args),
        "max" => max_dyn(a, args),
        "min" => min_dyn(a, args),
        "all" => all_dyn(a, args),
        "any" => any_dyn(a, args),
        "mean" => mean_dyn(a, args),
        "var" => var_dyn(a, args),
        "std" => std_dyn(a, args),
        _ => unreachable!("{op}"),
    }
}

/// The arguments for an axis tag of the oracle's case names.
fn axis_args(tag: &str) -> ReduceArgs<'static> {
    match tag {
        "none" => ReduceArgs::new(),
        "m1" => ReduceArgs::new().axis(-1),
        "t01" => ReduceArgs::new().axes(&[0, 1]),
        "t10" => ReduceArgs::new().axes(&[1, 0]),
        "02" => ReduceArgs::new().axes(&[0, 2]),
        "12" => ReduceArgs::new().axes(&[1, 2]),
        "20" => ReduceArgs::new().axes(&[2, 0]),
        "01" => ReduceArgs::new().axes(&[0, 1]),
        t => ReduceArgs::new().axis(t.parse().unwrap()),
    }
}

#[track_caller]
fn check(case: &Case, got: Result<DynArray>) {
    match got {
        Ok(r) => case.check_actual(&dyn_actual(&r)),
        Err(e) => case.check_error(e.kind().name(), &e.to_string()),
    }
}

#[test]
fn one_dimensional_random_inputs_every_dtype() {
    let c = oracle("reductions/core");
    for dt in DTYPES {
        let a = load_dyn(&c, &format!("{dt}_1d_a"));
        let inexact = INEXACT.contains(&dt);
        for op in OPS {
            let v = if op == "prod" && inexact { a.slice(s![..60]) } else { a.view() };
            check(c.case(&format!("{dt}_1d_{op}")), run(op, &v, &ReduceArgs::new()));
        }
        for (tag, v) in [("s3", a.slice(s![..;3])), ("rev", a.slice(s![..;-1]))] {
            for op in ["sum", "mean", "var"] {
                check(c.case(&format!("{dt}_1d_{tag}_{op}")), run(op, &v, &ReduceArgs::new()));
            }
        }
    }
}

#[test]
fn two_dimensional_axes_tuples_and_keepdims_every_dtype() {
    let c = oracle("reductions/core");
    for dt in DTYPES {
        let a = load_dyn(&c, &format!("{dt}_2d_a"));
        let inexact = INEXACT.contains(&dt);
        for op in OPS {
            for tag in ["none", "0", "1", "m1", "t01", "t10"] {
                if op == "prod" && inexact && tag != "0" {
                    continue;
                }
                check(c.case(&format!("{dt}_2d_{op}_{tag}")), run(op, &a.view(), &axis_args(tag)));
            }
        }
        for op in ["sum", "mean", "var", "max"] {
            check(c.case(&format!("{dt}_2d_{op}_1_keep")), run(op, &a.view(), &axis_args("1").keepdims(true)));
            check(c.case(&format!("{dt}_2d_{op}_none_keep")), run(op, &a.view(), &ReduceArgs::new().keepdims(true)));
        }
        for d in [1, 2] {
            for tag in ["none", "1"] {
                let args = axis_args(tag).ddof(f64::from(d));
                check(c.case(&format!("{dt}_2d_var_ddof{d}_{tag}")), var_dyn(&a.view(), &args));
                check(c.case(&format!("{dt}_2d_std_ddof{d}_{tag}")), std_dyn(&a.view(), &args));
            }
        }
        let rows = a.shape()[0] as f64;
        check(c.case(&format!("{dt}_2d_var_ddof_n")), var_dyn(&a.view(), &axis_args("0").ddof(rows)));
        check(c.case(&format!("{dt}_2d_var_ddof_n1")), var_dyn(&a.view(), &axis_args("0").ddof(rows + 1.0)));
    }
}

#[test]
fn non_contiguous_views_are_reduced_where_they_lie() {
    let c = oracle("reductions/core");
    for dt in DTYPES {
        let a = load_dyn(&c, &format!("{dt}_2d_a"));
        for (vt, v) in [("T", a.t()), ("c3", a.slice(s![.., ..;3]))] {
            for op in ["sum", "mean", "var", "std", "max"] {
                for tag in ["none", "0", "1"] {
                    check(c.case(&format!("{dt}_2d{vt}_{op}_{tag}")), run(op, &v, &axis_args(tag)));
                }
            }
        }
    }
}

#[test]
fn where_masks_every_dtype() {
    let c = oracle("reductions/core");
    for dt in DTYPES {
        let a = load_dyn(&c, &format!("{dt}_2d_a"));
        let m = load_dyn(&c, &format!("{dt}_mask_a"));
        let row = m.slice(s![0, ..]);
        for op in ["sum", "mean", "var", "all", "any"] {
            for tag in ["none", "0", "1"] {
                let args = axis_args(tag).where_mask(m.view());
                check(c.case(&format!("{dt}_where_{op}_{tag}")), run(op, &a.view(), &args));
                let args = axis_args(tag).where_mask(row.reborrow());
                check(c.case(&format!("{dt}_whererow_{op}_{tag}")), run(op, &a.view(), &args));
            }
        }
        let first = a.item(&[0, 0]).unwrap();
        for tag in ["none", "1"] {
            let args = axis_args(tag).where_mask(m.view()).initial(first.clone());
            check(c.case(&format!("{dt}_where_max_{tag}")), max_dyn(&a.view(), &args));
        }
    }
}

#[test]
fn three_dimensional_tuples_of_axes() {
    let c = oracle("reductions/core");
    for dt in INEXACT {
        let a = load_dyn(&c, &format!("{dt}_3d_a"));
        for tag in ["02", "12", "20", "01", "m1", "1", "none"] {
            for op in ["sum", "mean", "var", "max"] {
                check(c.case(&format!("{dt}_3d_{op}_{tag}")), run(op, &a.view(), &axis_args(tag)));
            }
        }
    }
}

#[test]
fn dtype_and_initial_options() {
    let c = oracle("reductions/core");
    let h = load_dyn(&c, "f16_cast_a");
    for tag in ["none", "1", "0"] {
        let f32a = axis_args(tag).dtype(DType::Float32);
        let f64a = axis_args(tag).dtype(DType::Float64);
        check(c.case(&format!("f16_cast_sum_f32_{tag}")), sum_dyn(&h.view(), &f32a));
        check(c.case(&format!("f16_cast_sum_f64_{tag}")), sum_dyn(&h.view(), &f64a));
        check(c.case(&format!("f16_cast_mean_{tag}")), mean_dyn(&h.view(), &axis_args(tag)));
        check(c.case(&format!("f16_cast_mean_f64_{tag}")), mean_dyn(&h.view(), &f64a));
    }
    let i = load_dyn(&c, "i32_cast_a");
    for tag in ["none", "1"] {
        check(c.case(&format!("i32_cast_sum_i8_{tag}")), sum_dyn(&i.view(), &axis_args(tag).dtype(DType::Int8)));
        check(c.case(&format!("i32_cast_sum_f32_{tag}")), sum_dyn(&i.view(), &axis_args(tag).dtype(DType::Float32)));
        check(c.case(&format!("i32_cast_mean_f32_{tag}")), mean_dyn(&i.view(), &axis_args(tag).dtype(DType::Float32)));
        check(c.case(&format!("i32_cast_prod_u8_{tag}")), prod_dyn(&i.view(), &axis_args(tag).dtype(DType::UInt8)));
    }
    let a = load_dyn(&c, "init_a");
    check(c.case("init_sum"), sum_dyn(&a.view(), &ReduceArgs::new().initial(100.5)));
    check(c.case("init_sum_1"), sum_dyn(&a.view(), &axis_args("1").initial(-3.0)));
    check(c.case("init_max_0"), max_dyn(&a.view(), &axis_args("0").initial(5.0)));
    check(c.case("init_min_none"), min_dyn(&a.view(), &ReduceArgs::new().initial(-100.0)));
    check(c.case("init_prod_1"), prod_dyn(&a.view(), &axis_args("1").initial(2.0)));
}

#[test]
fn nan_empty_and_errors() {
    let c = oracle("reductions/core");
    let nan = DynArray::from(array![[1.0, f64::NAN, 3.0], [4.0, 5.0, -1.0], [f64::INFINITY, f64::NEG_INFINITY, 0.5]]);
    for op in ["sum", "max", "min", "mean", "var", "all", "any"] {
        for tag in ["1", "0"] {
            check(c.case(&format!("nan_{op}_{tag}")), run(op, &nan.view(), &axis_args(tag)));
        }
    }
    let empty = DynArray::from(Array::<f64>::zeros(&[0, 3]).unwrap());
    for op in OPS {
        for tag in ["none", "0", "1"] {
            check(c.case(&format!("empty_{op}_{tag}")), run(op, &empty.view(), &axis_args(tag)));
        }
    }
    check(c.case("empty_max_initial"), max_dyn(&empty.view(), &axis_args("0").initial(-1.0)));
    let e8 = DynArray::from(Array::<i8>::zeros(&[0]).unwrap());
    check(c.case("empty_sum_int8"), sum_dyn(&e8.view(), &ReduceArgs::new()));
    let e16 = DynArray::from(Array::<f16>::zeros(&[0]).unwrap());
    check(c.case("empty_mean_f16"), mean_dyn(&e16.view(), &ReduceArgs::new()));
    let z = DynArray::from(Array::<f64>::zeros(&[2, 3]).unwrap());
    for op in OPS {
        check(c.case(&format!("err_axis_{op}")), run(op, &z.view(), &axis_args("2")));
        check(c.case(&format!("err_axis_neg_{op}")), run(op, &z.view(), &ReduceArgs::new().axis(-3)));
        check(c.case(&format!("err_axis_tuple_{op}")), run(op, &z.view(), &ReduceArgs::new().axes(&[0, 5])));
        check(c.case(&format!("err_repeated_{op}")), run(op, &z.view(), &ReduceArgs::new().axes(&[1, -1])));
    }
    check(c.case("err_max_empty"), max_dyn(&empty.view(), &ReduceArgs::new()));
    let e31 = DynArray::from(Array::<f64>::zeros(&[3, 0]).unwrap());
    check(c.case("err_min_empty_axis"), min_dyn(&e31.view(), &axis_args("1")));
    let ones = DynArray::from(Array::<f64>::ones(&[2, 3]).unwrap());
    let m = DynArray::from(array![true, false, true]);
    check(c.case("err_max_where"), max_dyn(&ones.view(), &ReduceArgs::new().where_mask(m.view())));
}

/// The typed methods run the dynamic functions: the same bits, NumPy's result types.
#[test]
fn typed_methods_match_numpy() {
    let c: Cases = oracle("reductions/core");
    let a: Array<f64> = load_dyn(&c, "float64_2d_a").into_typed().unwrap();
    c.case("float64_2d_sum_1").check_actual(&actual(&a.sum(1).unwrap()));
    c.case("float64_2dT_mean_0").check_actual(&actual(&a.t().mean(0).unwrap()));
    c.case("float64_2d_std_ddof1_1").check_actual(&actual(&a.std(ReduceArgs::new().axis(1).ddof(1.0)).unwrap()));
    c.case("float64_2d_max_t01").check_actual(&actual(&a.max(ReduceArgs::new().axes(&[0, 1])).unwrap()));
    c.case("float64_1d_sum").assert(
        {
            let v: Array<f64> = load_dyn(&c, "float64_1d_a").into_typed().unwrap();
            let Some(nprs_testkit::Value::Scalar(s)) = Some(&c.case("float64_1d_sum").result) else { panic!() };
            let nprs_testkit::Elems::Float(w) = &s.data else { panic!() };
            nprs_ufunc::sum(&v).to_bits() == w[0].to_bits()
        },
        "the typed scalar sum differs",
    );
    let i: Array<i8> = load_dyn(&c, "int8_2d_a").into_typed().unwrap();
    c.case("int8_2d_sum_0").check_actual(&actual(&i.sum(0).unwrap()));
    c.case("int8_2d_mean_none").check_actual(&actual(&i.mean(()).unwrap()));
    c.case("int8_2d_var_1").check_actual(&actual(&i.var(1).unwrap()));
    c.case("int8_2d_all_0").check_actual(&actual(&i.all(0).unwrap()));
    let z: Array<C64> = load_dyn(&c, "complex64_2d_a").into_typed().unwrap();
    c.case("complex64_2d_var_1").check_actual(&actual(&z.var(1).unwrap()));
    c.case("complex64_2d_sum_none").check_actual(&actual(&z.sum(()).unwrap()));
    let h: Array<f16> = load_dyn(&c, "f16_cast_a").into_typed().unwrap();
    c.case("f16_cast_mean_1").check_actual(&actual(&h.mean(1).unwrap()));
}

/// The axis tag of a case name as `Option<isize>`.
fn opt_axis(tag: &str) -> Option<isize> {
    match tag {
        "none" => None,
        "m1" => Some(-1),
        t => Some(t.parse().unwrap()),
    }
}

#[test]
fn arg_ptp_count_and_cumulative_every_dtype() {
    let c = oracle("reductions/arg");
    for dt in DTYPES {
        let a = load_dyn(&c, &format!("{dt}_a"));
        let v = a.view();
        for (op, f) in [("argmax", argmax_dyn as fn(&DynView<'_>, Option<isize>, bool) -> _), ("argmin", argmin_dyn)] {
            for tag in ["none", "0", "1", "m1"] {
                check(c.case(&format!("{dt}_{op}_{tag}")), f(&v, opt_axis(tag), false));
            }
            check(c.case(&format!("{dt}_{op}_1_keep")), f(&v, Some(1), true));
            check(c.case(&format!("{dt}_{op}_T_0")), f(&a.t(), Some(0), false));
        }
        let head = a.slice(s![.., ..40]);
        for tag in ["none", "0", "1"] {
            check(c.case(&format!("{dt}_ptp_{tag}")), ptp_dyn(&v, &axis_args(tag)));
            check(c.case(&format!("{dt}_count_nonzero_{tag}")), count_nonzero_dyn(&v, &axis_args(tag)));
            check(c.case(&format!("{dt}_cumsum_{tag}")), cumsum_dyn(&v, opt_axis(tag)));
            check(c.case(&format!("{dt}_cumprod_{tag}")), cumprod_dyn(&head, opt_axis(tag)));
        }
        check(c.case(&format!("{dt}_count_nonzero_1_keep")), count_nonzero_dyn(&v, &axis_args("1").keepdims(true)));
        check(c.case(&format!("{dt}_cumsum_T_1")), cumsum_dyn(&a.t(), Some(1)));
        check(c.case(&format!("{dt}_cumulative_sum_0_init")), cumulative_sum_dyn(&v, Some(0), true));
        check(c.case(&format!("{dt}_cumulative_sum_1")), cumulative_sum_dyn(&v, Some(1), false));
        check(c.case(&format!("{dt}_cumulative_prod_1_init")), cumulative_prod_dyn(&head, Some(1), true));
        check(c.case(&format!("{dt}_cumulative_sum_1d_init")), cumulative_sum_dyn(&a.slice(s![0, ..]), None, true));
    }
}

#[test]
fn arg_nan_rules_errors_and_empty_inputs() {
    let c = oracle("reductions/arg");
    let d = |a: DynArray| a;
    let x = d(DynArray::from(array![1.0, f64::NAN, 5.0, f64::NAN]));
    check(c.case("nan_argmax"), argmax_dyn(&x.view(), None, false));
    let x = d(DynArray::from(array![f64::NAN, -1.0, f64::NAN]));
    check(c.case("nan_argmin_first"), argmin_dyn(&x.view(), None, false));
    let z =
        DynArray::from(array![C128::new(1.0, 1.0), C128::new(2.0, 0.0), C128::new(1.0, f64::NAN), C128::new(3.0, 0.0)]);
    check(c.case("nan_argmax_complex"), argmax_dyn(&z.view(), None, false));
    let t = DynArray::from(array![3i64, 7, 7, 1, 7]);
    check(c.case("argmax_ties"), argmax_dyn(&t.view(), None, false));
    let b = DynArray::from(array![true, true, false, false]);
    check(c.case("argmin_bool"), argmin_dyn(&b.view(), None, false));
    let e0 = DynArray::from(Array::<f64>::zeros(&[0]).unwrap());
    check(c.case("err_argmax_empty"), argmax_dyn(&e0.view(), None, false));
    let e20 = DynArray::from(Array::<f64>::zeros(&[2, 0]).unwrap());
    check(c.case("err_argmin_empty_axis"), argmin_dyn(&e20.view(), Some(1), false));
    check(c.case("argmax_empty_other_axis"), argmax_dyn(&e20.view(), Some(0), false));
    let z23 = DynArray::from(Array::<f64>::zeros(&[2, 3]).unwrap());
    check(c.case("err_argmax_axis"), argmax_dyn(&z23.view(), Some(2), false));
    let tf = DynArray::from(array![true, false]);
    check(c.case("err_ptp_bool"), ptp_dyn(&tf.view(), &ReduceArgs::new()));
    let e03 = DynArray::from(Array::<f64>::zeros(&[0, 3]).unwrap());
    check(c.case("err_ptp_empty"), ptp_dyn(&e03.view(), &axis_args("0")));
    let o22 = DynArray::from(Array::<f64>::ones(&[2, 2]).unwrap());
    check(c.case("err_cumulative_sum_2d"), cumulative_sum_dyn(&o22.view(), None, false));
    check(c.case("err_cumsum_axis"), cumsum_dyn(&o22.view(), Some(-3)));
    let e8 = DynArray::from(Array::<i8>::zeros(&[0, 3]).unwrap());
    check(c.case("cumsum_empty_int8"), cumsum_dyn(&e8.view(), Some(0)));
    let s0 = DynArray::from(Array::from_elem_0d(3.0f64));
    check(c.case("cumsum_0d"), cumsum_dyn(&s0.view(), None));
    let i0 = DynArray::from(Array::from_elem_0d(3i32));
    check(c.case("cumulative_prod_0d_init"), cumulative_prod_dyn(&i0.view(), None, true));
    check(c.case("count_nonzero_empty"), count_nonzero_dyn(&e03.view(), &axis_args("0")));
    // The typed methods run the same code.
    let a: Array<f64> = load_dyn(&c, "float64_a").into_typed().unwrap();
    c.case("float64_argmax_1").check_actual(&actual(&a.argmax(Some(1)).unwrap()));
    c.case("float64_cumsum_0").check_actual(&actual(&a.cumsum(Some(0)).unwrap()));
    c.case("float64_ptp_none").check_actual(&actual(&a.ptp(()).unwrap()));
}

/// Runs a NaN-aware reduction with `ReduceArgs` by its NumPy name.
fn run_nan(op: &str, a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    match op {
        "nansum" => nansum_dyn(a, args),
        "nanprod" => nanprod_dyn(a, args),
        "nanmax" => nanmax_dyn(a, args),
        "nanmin" => nanmin_dyn(a, args),
        "nanmean" => nanmean_dyn(a, args),
        "nanvar" => nanvar_dyn(a, args),
        "nanstd" => nanstd_dyn(a, args),
        _ => unreachable!("{op}"),
    }
}

/// Runs a NaN-aware reduction that takes an optional axis by its NumPy name.
fn run_nan_axis(op: &str, a: &DynView<'_>, axis: Option<isize>) -> Result<DynArray> {
    match op {
        "nanargmax" => nanargmax_dyn(a, axis, false),
        "nanargmin" => nanargmin_dyn(a, axis, false),
        "nancumsum" => nancumsum_dyn(a, axis),
        "nancumprod" => nancumprod_dyn(a, axis),
        _ => unreachable!("{op}"),
    }
}

#[test]
fn nan_aware_reductions_match_numpy() {
    let c = oracle("reductions/nan");
    for dt in INEXACT {
        let a = load_dyn(&c, &format!("{dt}_a"));
        let v = a.view();
        let head = a.slice(s![.., ..40]);
        let inner = a.slice(s![..3, 6..]);
        for tag in ["none", "0", "1"] {
            for op in ["nansum", "nanmax", "nanmin", "nanmean", "nanvar", "nanstd"] {
                check(c.case(&format!("{dt}_{op}_{tag}")), run_nan(op, &v, &axis_args(tag)));
            }
            for op in ["nanvar", "nanstd"] {
                check(c.case(&format!("{dt}_{op}_ddof1_{tag}")), run_nan(op, &v, &axis_args(tag).ddof(1.0)));
            }
            check(c.case(&format!("{dt}_nanprod_{tag}")), nanprod_dyn(&head, &axis_args(tag)));
            check(c.case(&format!("{dt}_nancumsum_{tag}")), nancumsum_dyn(&v, opt_axis(tag)));
            check(c.case(&format!("{dt}_nancumprod_{tag}")), nancumprod_dyn(&head, opt_axis(tag)));
            for op in ["nanargmax", "nanargmin"] {
                check(c.case(&format!("{dt}_{op}_{tag}")), run_nan_axis(op, &inner, opt_axis(tag)));
            }
        }
        check(c.case(&format!("{dt}_nanmean_1_keep")), nanmean_dyn(&v, &axis_args("1").keepdims(true)));
        check(c.case(&format!("{dt}_nanvar_ddof_big")), nanvar_dyn(&v, &axis_args("0").ddof(6.0)));
        check(c.case(&format!("{dt}_err_nanargmax_all_nan")), nanargmax_dyn(&v, Some(1), false));
        check(c.case(&format!("{dt}_err_nanargmin_all_nan")), nanargmin_dyn(&v, Some(0), false));
    }
    for dt in ["int16", "uint8", "bool"] {
        let a = load_dyn(&c, &format!("{dt}_a"));
        for tag in ["none", "1"] {
            for op in ["nansum", "nanmean", "nanvar", "nanmax"] {
                check(c.case(&format!("{dt}_{op}_{tag}")), run_nan(op, &a.view(), &axis_args(tag)));
            }
            for op in ["nanargmin", "nancumsum"] {
                check(c.case(&format!("{dt}_{op}_{tag}")), run_nan_axis(op, &a.view(), opt_axis(tag)));
            }
        }
    }
    let e = DynArray::from(Array::<f64>::zeros(&[0, 3]).unwrap());
    check(c.case("err_nanmax_empty"), nanmax_dyn(&e.view(), &axis_args("0")));
    let n = DynArray::from(array![f64::NAN, f64::NAN]);
    check(c.case("nanmean_all_nan"), nanmean_dyn(&n.view(), &ReduceArgs::new()));
}

#[track_caller]
fn check_pair(case: &Case, got: Result<(DynArray, DynArray)>) {
    match got {
        Ok((avg, scl)) => {
            for (i, r) in [avg, scl].iter().enumerate() {
                let nprs_testkit::Value::List(items) = &case.result else { panic!("{}: not a tuple", case.name) };
                let (nprs_testkit::Value::Array(w) | nprs_testkit::Value::Scalar(w)) = &items[i] else { panic!() };
                let got = dyn_actual(r);
                case.assert_item(i, w.name == got.name && w.shape == got.shape && w.data == got.data, "average item");
            }
        }
        Err(e) => case.check_error(e.kind().name(), &e.to_string()),
    }
}

#[test]
fn average_with_weights_matches_numpy() {
    let c = oracle("reductions/arg");
    for dt in ["int16", "float32", "float64", "complex128"] {
        let a = load_dyn(&c, &format!("avg_{dt}_a"));
        let w = load_dyn(&c, &format!("avg_{dt}_w"));
        let (av, wv) = (a.view(), w.view());
        check_pair(c.case(&format!("avg_{dt}_plain_none")), average_dyn(&av, None, &ReduceArgs::new()));
        check_pair(c.case(&format!("avg_{dt}_plain_1")), average_dyn(&av, None, &axis_args("1")));
        check_pair(c.case(&format!("avg_{dt}_w_none")), average_dyn(&av, Some(&wv), &ReduceArgs::new()));
        check_pair(c.case(&format!("avg_{dt}_w_0")), average_dyn(&av, Some(&wv), &axis_args("0")));
        let w0 = w.slice(s![0, ..]);
        check_pair(c.case(&format!("avg_{dt}_w1d_1")), average_dyn(&av, Some(&w0), &axis_args("1")));
        check_pair(c.case(&format!("avg_{dt}_w_1_keep")), average_dyn(&av, Some(&wv), &axis_args("1").keepdims(true)));
    }
    let ones3 = DynArray::from(Array::<f64>::ones(&[3]).unwrap());
    let wz = DynArray::from(array![1.0, -1.0, 0.0]);
    check_pair(c.case("err_avg_zero"), average_dyn(&ones3.view(), Some(&wz.view()), &ReduceArgs::new()));
    let ones23 = DynArray::from(Array::<f64>::ones(&[2, 3]).unwrap());
    check_pair(c.case("err_avg_axis"), average_dyn(&ones23.view(), Some(&ones3.view()), &ReduceArgs::new()));
    let ones2 = DynArray::from(Array::<f64>::ones(&[2]).unwrap());
    check_pair(c.case("err_avg_shape"), average_dyn(&ones23.view(), Some(&ones2.view()), &axis_args("1")));
}

#[test]
fn typed_nan_functions_match_numpy() {
    let c = oracle("reductions/nan");
    let a = load_dyn(&c, "float64_a").to_typed::<f64>().unwrap();
    let inner = a.slice(s![..3, 6..]);
    for tag in ["none", "0", "1"] {
        let case = |op: &str| c.case(&format!("float64_{op}_{tag}"));
        case("nansum").check(&nprs_ufunc::nansum(&a, axis_args(tag)).unwrap());
        case("nanmax").check(&nprs_ufunc::nanmax(&a, axis_args(tag)).unwrap());
        case("nanmin").check(&nprs_ufunc::nanmin(&a, axis_args(tag)).unwrap());
        case("nanmean").check(&nprs_ufunc::nanmean(&a, axis_args(tag)).unwrap());
        case("nanvar").check(&nprs_ufunc::nanvar(&a, axis_args(tag)).unwrap());
        case("nanstd").check(&nprs_ufunc::nanstd(&a, axis_args(tag)).unwrap());
        case("nancumsum").check(&nprs_ufunc::nancumsum(&a, opt_axis(tag)).unwrap());
        case("nanargmax").check(&nprs_ufunc::nanargmax(&inner, opt_axis(tag)).unwrap());
        case("nanargmin").check(&nprs_ufunc::nanargmin(&inner, opt_axis(tag)).unwrap());
    }
    let i = load_dyn(&c, "int16_a").to_typed::<i16>().unwrap();
    c.case("int16_nanmean_1").check(&nprs_ufunc::nanmean(&i, axis_args("1")).unwrap());
    c.case("int16_nansum_none").check(&nprs_ufunc::nansum(&i, ()).unwrap());
}
