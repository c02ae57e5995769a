//! `reduce` along the axis walked innermost, one kernel call per lane (oracle group
//! `reductions/lanes`): maximum/minimum/fmax/fmin of floats over inputs made of ±0 and
//! NaNs of both signs, where only NumPy's order of operations decides which zero comes
//! out, at lengths around the vector widths; integer and bool sums, products, extrema,
//! bitwise and logical reductions; 1-d, along rows, transposed, strided, with `initial`.

use crate::common;

use common::{dyn_actual, load_dyn};
use nprs_core::prelude::*;
use nprs_core::{DynArray, Result};
use nprs_testkit::{Case, oracle};
use nprs_ufunc::ufunc::{ReduceOptions, by_name};
use nprs_ufunc::{argmax_dyn, argmin_dyn};

const LENGTHS: [usize; 21] = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 129, 130, 257, 1000, 4099, 70001];
const EXTREMA: [&str; 4] = ["maximum", "minimum", "fmax", "fmin"];
const INTS: [&str; 9] = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool"];

#[track_caller]
fn check(case: &Case, got: Result<DynArray>) {
    match got {
        Ok(r) => case.check_actual(&dyn_actual(&r)),
        Err(e) => case.check_error(e.kind().name(), &e.to_string()),
    }
}

fn reduce(op: &str, a: &nprs_core::dynarray::DynView<'_>, opts: &ReduceOptions<'_>) -> Result<DynArray> {
    by_name(op).unwrap_or_else(|| panic!("no ufunc {op}")).reduce(a, opts)
}

#[test]
fn float_extrema_pick_numpys_zero_at_every_length() {
    let c = oracle("reductions/lanes");
    for dt in ["float16", "float32", "float64"] {
        for n in LENGTHS {
            for nan in ["z", "nan"] {
                let tag = format!("{dt}_{n}_{nan}");
                let a = load_dyn(&c, &format!("{tag}_a"));
                for op in EXTREMA {
                    check(c.case(&format!("{tag}_{op}")), reduce(op, &a.view(), &ReduceOptions::new()));
                }
                let c_arg = |name: &str| c.case(&format!("{tag}_{name}"));
                check(c_arg("argmax"), argmax_dyn(&a.view(), None, false));
                check(c_arg("argmin"), argmin_dyn(&a.view(), None, false));
                let max = ReduceOptions::new().initial(-0.0f64);
                check(c.case(&format!("{tag}_max_init")), reduce("maximum", &a.view(), &max));
                let min = ReduceOptions::new().initial(0.0f64);
                check(c.case(&format!("{tag}_min_init")), reduce("minimum", &a.view(), &min));
            }
        }
    }
}

#[test]
fn float_extrema_along_rows_transposed_and_strided() {
    let c = oracle("reductions/lanes");
    for dt in ["float16", "float32", "float64"] {
        for (rows, cols) in [(5, 37), (3, 130), (40, 9)] {
            let tag = format!("{dt}_{rows}x{cols}");
            let a = load_dyn(&c, &format!("{tag}_a"));
            for op in EXTREMA {
                let v = a.view();
                check(c.case(&format!("{tag}_{op}_1")), reduce(op, &v, &ReduceOptions::new().axis(1)));
                let t = v.permute_dims(&[1, 0]).unwrap();
                check(c.case(&format!("{tag}_{op}_T0")), reduce(op, &t, &ReduceOptions::new().axis(0)));
                let s = a.slice(s![.., ..;2]);
                check(c.case(&format!("{tag}_{op}_s2")), reduce(op, &s, &ReduceOptions::new().axis(1)));
            }
        }
    }
}

#[test]
fn integer_and_bool_reductions_every_length() {
    let c = oracle("reductions/lanes");
    for dt in INTS {
        for n in [1, 5, 31, 32, 33, 95, 1000, 70001] {
            let tag = format!("{dt}_{n}");
            let a = load_dyn(&c, &format!("{tag}_a"));
            let mut ops = vec!["add", "multiply", "maximum", "minimum", "logical_and", "logical_or"];
            if dt != "bool" {
                ops.extend(["bitwise_and", "bitwise_or", "bitwise_xor"]);
            }
            for op in ops {
                check(c.case(&format!("{tag}_{op}")), reduce(op, &a.view(), &ReduceOptions::new()));
            }
            let init = ReduceOptions::new().initial(3i64);
            check(c.case(&format!("{tag}_add_init")), reduce("add", &a.view(), &init));
        }
        let a = load_dyn(&c, &format!("{dt}_2d_a"));
        for op in ["add", "maximum", "minimum", "logical_or"] {
            let v = a.view();
            check(c.case(&format!("{dt}_2d_{op}_1")), reduce(op, &v, &ReduceOptions::new().axis(1)));
            let t = v.permute_dims(&[1, 0]).unwrap();
            check(c.case(&format!("{dt}_2d_{op}_T0")), reduce(op, &t, &ReduceOptions::new().axis(0)));
            let s = a.slice(s![.., ..;3]);
            check(c.case(&format!("{dt}_2d_{op}_s3")), reduce(op, &s, &ReduceOptions::new().axis(1)));
        }
    }
}

#[test]
fn argmax_and_argmin_find_the_first_of_repeated_extremes() {
    let c = oracle("reductions/lanes");
    for dt in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"] {
        let a = load_dyn(&c, &format!("{dt}_dup_a"));
        check(c.case(&format!("{dt}_dup_argmax")), argmax_dyn(&a.view(), None, false));
        check(c.case(&format!("{dt}_dup_argmin")), argmin_dyn(&a.view(), None, false));
        let head = a.slice(s![..70000]);
        let m = head.reshape(&[7usize, 10000][..]).unwrap();
        check(c.case(&format!("{dt}_dup_argmax_rows")), argmax_dyn(&m.view(), Some(1), false));
        check(c.case(&format!("{dt}_dup_argmin_cols")), argmin_dyn(&m.view(), Some(0), false));
        if ["int16", "uint64", "float32", "float64"].contains(&dt) {
            // `np.concatenate([h, h[::-1], np.roll(h, 12345), h[::-1]])`, 28 rows.
            let h = head.to_owned();
            let rev = h.slice(s![..;-1]).to_owned();
            let n = h.shape()[0];
            let rolled =
                nprs_core::dynarray::concatenate(&[h.slice(s![n - 12345..]), h.slice(s![..n - 12345])], 0).unwrap();
            let t = nprs_core::dynarray::concatenate(&[h.view(), rev.view(), rolled.view(), rev.view()], 0).unwrap();
            let t = t.reshape(&[28usize, 10000][..]).unwrap();
            check(c.case(&format!("{dt}_dup_argmax_tall")), argmax_dyn(&t.view(), Some(0), false));
            let t3 = t.reshape(&[2usize, 14, 10000][..]).unwrap();
            check(c.case(&format!("{dt}_dup_argmin_tall")), argmin_dyn(&t3.view(), Some(1), false));
            let w = t.reshape(&[140usize, 2000][..]).unwrap();
            check(c.case(&format!("{dt}_dup_argmax_wide")), argmax_dyn(&w.view(), Some(1), false));
            let w = t.reshape(&[56usize, 5000][..]).unwrap();
            check(c.case(&format!("{dt}_dup_argmin_wide")), argmin_dyn(&w.view(), Some(-1), false));
        }
    }
}

#[test]
fn outer_axes_and_long_lanes_on_threads() {
    let c = oracle("reductions/lanes");
    for dt in ["float16", "float32", "float64"].into_iter().chain(INTS) {
        let a = load_dyn(&c, &format!("{dt}_outer_a"));
        let (rows, cols) = (a.shape()[0], a.shape()[1]);
        let mut ops = vec!["add", "maximum", "minimum"];
        if dt.starts_with("float") {
            ops.extend(["fmax", "fmin"]);
        } else if dt == "bool" {
            ops.push("logical_or");
        } else {
            ops.push("bitwise_xor");
        }
        let three = a.reshape(&[2, rows / 2, cols][..]).unwrap();
        let rev = a.slice(s![..;-1, ..;-1]);
        for op in ops {
            let tag = format!("{dt}_outer_{op}");
            check(c.case(&format!("{tag}_0")), reduce(op, &a.view(), &ReduceOptions::new().axis(0)));
            check(c.case(&format!("{tag}_3d1")), reduce(op, &three.view(), &ReduceOptions::new().axis(1)));
            check(c.case(&format!("{tag}_1")), reduce(op, &a.view(), &ReduceOptions::new().axis(1)));
            check(c.case(&format!("{tag}_rev0")), reduce(op, &rev, &ReduceOptions::new().axis(0)));
        }
        if dt != "bool" && dt != "float16" {
            let init = ReduceOptions::new().axis(0).initial(5i64);
            check(c.case(&format!("{dt}_outer_add_init")), reduce("add", &a.view(), &init));
        }
    }
    for dt in ["float32", "float64"] {
        let a = load_dyn(&c, &format!("{dt}_outer_sum_a"));
        check(c.case(&format!("{dt}_outer_sum_0")), reduce("add", &a.view(), &ReduceOptions::new().axis(0)));
        let head = a.slice(s![..14, ..]);
        let three = head.reshape(&[2usize, 7, 9001][..]).unwrap();
        check(c.case(&format!("{dt}_outer_sum_3d")), reduce("add", &three.view(), &ReduceOptions::new().axis(1)));
        check(c.case(&format!("{dt}_outer_sum_1")), reduce("add", &a.view(), &ReduceOptions::new().axis(1)));
        let narrow = a.slice(s![.., ..200]);
        check(c.case(&format!("{dt}_outer_prod_1")), reduce("multiply", &narrow, &ReduceOptions::new().axis(1)));
    }
}

#[test]
fn outer_axis_overflow_on_another_thread_reaches_the_error_state() {
    use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
    // Wide enough for the column ranges to be folded on several threads; the overflow is
    // in the last column range only.
    for (rows, cols) in [(20usize, 20000usize), (3, 100)] {
        let mut v = vec![1.0f64; rows * cols];
        v[cols - 1] = 1e308;
        v[2 * cols - 1] = 1e308;
        // The last lane's product overflows too.
        v[rows * cols - 1] = 1e308;
        v[rows * cols - 2] = 1e308;
        let a = DynArray::from(Array::from_shape_vec(&[rows, cols], v).unwrap());
        let raise = ErrState::all(ErrAction::Raise);
        let r = errstate(raise, || reduce("add", &a.view(), &ReduceOptions::new().axis(0)));
        assert!(matches!(r, Err(nprs_core::Error::FloatingPoint { .. })), "{rows}x{cols}: {r:?}");
        let r = errstate(raise, || reduce("multiply", &a.view(), &ReduceOptions::new().axis(1)));
        assert!(matches!(r, Err(nprs_core::Error::FloatingPoint { .. })), "{rows}x{cols} product: {r:?}");
        let quiet = ErrState::all(ErrAction::Ignore);
        let r = errstate(quiet, || reduce("add", &a.view(), &ReduceOptions::new().axis(0))).unwrap();
        assert_eq!(r.typed::<f64>().unwrap().to_vec()[cols - 1], f64::INFINITY);
    }
}

#[test]
fn at_with_repeated_and_negative_indices() {
    let c = oracle("reductions/lanes");
    for dt in ["int8", "int32", "int64", "uint16", "float32", "float64"] {
        let idx: Vec<isize> =
            load_dyn(&c, &format!("{dt}_at_i")).to_typed::<i64>().unwrap().iter().map(|i| i as isize).collect();
        let v = load_dyn(&c, &format!("{dt}_at_v"));
        let a0 = load_dyn(&c, &format!("{dt}_at_a0"));
        for op in ["add", "multiply", "maximum", "minimum"] {
            let mut a = a0.clone();
            let got = by_name(op).unwrap().at(&mut a.view_mut(), &idx, Some(&(&v).into())).map(|()| a);
            check(c.case(&format!("{dt}_at_{op}")), got);
        }
        let mut a = a0.clone();
        let got = by_name("add").unwrap().at(&mut a.view_mut(), &idx, Some(&3i64.into())).map(|()| a);
        check(c.case(&format!("{dt}_at_add_scalar")), got);
    }
}

#[test]
fn reduce_into_out_and_accumulate_with_dtype() {
    use nprs_core::DType;
    let c = oracle("reductions/lanes");
    let a = load_dyn(&c, "out_int8_a");
    let add = by_name("add").unwrap();
    for (name, dt) in [("out_int8", DType::Int8), ("out_float32", DType::Float32)] {
        let mut o = DynArray::zeros(&[], &dt.into()).unwrap();
        let got = add.reduce_into(&a.view(), &ReduceOptions::new(), &mut o.view_mut()).map(|()| o);
        check(c.case(name), got);
    }
    check(c.case("acc_int8_f32"), add.accumulate_dtype(&a.view(), 0, DType::Float32));
    check(c.case("acc_int8_int8"), add.accumulate_dtype(&a.view(), 0, DType::Int8));
    let b = load_dyn(&c, "out_2d_a");
    let into = |op: &str, opts: ReduceOptions<'_>, shape: &[usize], dt: DType| {
        let mut o = DynArray::zeros(shape, &dt.into()).unwrap();
        by_name(op).unwrap().reduce_into(&b.view(), &opts, &mut o.view_mut()).map(|()| o)
    };
    check(c.case("out_2d_axis0"), into("add", ReduceOptions::new().axis(0), &[3], DType::Float32));
    check(c.case("out_2d_keep"), into("maximum", ReduceOptions::new().axis(0).keepdims(true), &[1, 3], DType::Float64));
    check(c.case("out_2d_int"), into("add", ReduceOptions::new().axis(1), &[2], DType::Int64));
    check(c.case("out_2d_bad_ndim"), into("add", ReduceOptions::new().axis(0), &[1, 3], DType::Float64));
    // NumPy words a wrong shape as a broadcast of remapped shapes; the kind is the same.
    let bad = into("add", ReduceOptions::new().axis(0), &[2], DType::Float64).unwrap_err();
    c.case("out_2d_bad_shape").check_with(
        |v| matches!(v, nprs_testkit::Value::Error { kind, .. } if kind == "ValueError"),
        bad.kind().name() == "ValueError",
    );
    check(c.case("acc_float_int"), by_name("multiply").unwrap().accumulate_dtype(&b.view(), 1, DType::Int64));
}

#[test]
fn at_with_index_tuples() {
    let c = oracle("reductions/lanes");
    let ints = |name: &str| -> Vec<isize> {
        load_dyn(&c, name).to_typed::<i64>().unwrap().iter().map(|i| i as isize).collect()
    };
    let (r, col) = (ints("at2_r"), ints("at2_c"));
    let v = load_dyn(&c, "at2_v");
    let a0 = load_dyn(&c, "at2_a0");
    let b3 = load_dyn(&c, "at2_b3");
    let ufunc = |n: &str| by_name(n).unwrap();
    let run = |base: &DynArray, op: &str, idx: &[&[isize]], b: Option<nprs_core::dynarray::Operand<'_>>| {
        let mut a = base.clone();
        ufunc(op).at_tuple(&mut a.view_mut(), idx, b.as_ref()).map(|()| a)
    };
    check(c.case("at2_add"), run(&a0, "add", &[&r, &col], Some((&v).into())));
    check(c.case("at2_max_scalar"), run(&a0, "maximum", &[&r, &col], Some(0.5f64.into())));
    let a_int = load_dyn(&c, "at2_a0");
    let scaled = by_name("multiply").unwrap().call(&[(&a_int).into(), 10.0f64.into()], Default::default()).unwrap();
    let a_int = scaled.astype(&nprs_core::DType::Int32.into()).unwrap();
    check(c.case("at2_int"), run(&a_int, "add", &[&r, &col], Some(2i64.into())));
    let v7 = v.slice(s![..7]);
    check(c.case("at2_row0"), run(&a0, "multiply", &[&r[..7], &[2]], Some(nprs_core::dynarray::Operand::Array(v7))));
    check(c.case("at2_lead"), run(&b3, "add", &[&r[..50], &col[..50]], Some(1.0f64.into())));
    let c3: Vec<isize> = col[..30].iter().map(|&x| x.rem_euclid(3)).collect();
    let mut a = a0.clone();
    {
        let mut s2 = a.slice_mut(s![.., ..;2]);
        let v30 = v.slice(s![..30]);
        ufunc("subtract").at_tuple(&mut s2, &[&r[..30], &c3], Some(&nprs_core::dynarray::Operand::Array(v30))).unwrap();
    }
    check(c.case("at2_strided"), Ok(a));
    check(c.case("at2_negative"), run(&a0, "negative", &[&r[..9], &col[..9]], None));
    let z1 = DynArray::from(Array::<f64>::zeros(&[3]).unwrap());
    check(c.case("at2_too_many"), run(&z1, "add", &[&[0], &[0]], Some(1.0f64.into())));
    let z2 = DynArray::from(Array::<f64>::zeros(&[2, 3]).unwrap());
    check(c.case("at2_oob"), run(&z2, "add", &[&[0, 1], &[1, 3]], Some(1.0f64.into())));
    check(c.case("at2_mismatch"), run(&z2, "add", &[&[0, 1], &[1, 2, 0]], Some(1.0f64.into())));
}
