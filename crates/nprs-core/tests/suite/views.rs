//! Views against NumPy: slicing, transposes, reshapes, broadcasting views, flags, sharing.

use nprs_core::prelude::*;
use nprs_core::{broadcast_arrays, may_share_memory, shares_memory};
use nprs_testkit::{Cases, Value, oracle};

fn cases() -> Cases {
    oracle("core/views")
}

fn a3() -> Array<i64> {
    Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap()
}

fn ints(v: &[isize]) -> Value {
    Value::List(v.iter().map(|&x| Value::Int(x as i128)).collect())
}

fn bools(v: &[bool]) -> Value {
    Value::List(v.iter().map(|&x| Value::Bool(x)).collect())
}

fn check_err(c: &Cases, name: &str, e: &Error) {
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn slicing_1d() {
    let c = cases();
    let a = Array::<i64>::arange(10);
    let table: [(&str, &[SliceArg]); 11] = [
        ("s_1_3", s![1..3]),
        ("s_step2", s![..;2]),
        ("s_neg_step", s![..;-1]),
        ("s_neg_start", s![-3..]),
        ("s_neg_stop", s![..-2]),
        ("s_rev_range", s![7..2;-2]),
        ("s_out_of_range", s![5..100]),
        ("s_empty", s![4..2]),
        ("s_index_neg", s![-1]),
        ("s_step3_from1", s![1..;3]),
        ("s_rev_neg", s![-2..-8;-3]),
    ];
    for (name, args) in table {
        c.case(&format!("slice1d_{name}")).check(&a.slice(args));
    }
    check_err(&c, "slice_oob", &a.try_slice(s![10]).unwrap_err());
    check_err(&c, "slice_too_many", &a.try_slice(s![1, 2]).unwrap_err());
    check_err(&c, "slice_step0", &a.try_slice(s![..;0]).unwrap_err());
    let b = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
    check_err(&c, "slice_oob_neg", &b.try_slice(s![0, -4]).unwrap_err());
}

#[test]
fn slicing_nd() {
    let c = cases();
    let a = a3();
    let table: [(&str, &[SliceArg]); 9] = [
        ("row", s![1]),
        ("col", s![.., 1]),
        ("inner", s![ELLIPSIS, 2]),
        ("newaxis", s![.., NEW_AXIS, 1]),
        ("mixed", s![1, ..;-1, 1..3]),
        ("ellipsis_mid", s![0, ELLIPSIS, ..;2]),
        ("newaxis_end", s![ELLIPSIS, NEW_AXIS]),
        ("elem", s![1, 2, 3]),
        ("neg_all", s![-1, -1, -1]),
    ];
    for (name, args) in table {
        c.case(&format!("slice3d_{name}")).check(&a.slice(args));
    }
    c.case("slice_strides").check_value(&ints(a.slice(s![..;2, 1.., ..;-1]).strides()));
}

#[test]
fn transposes() {
    let c = cases();
    let a = a3();
    c.case("t").check(&a.t());
    c.case("t_strides").check_value(&ints(a.t().strides()));
    c.case("permute").check(&a.permute_dims(&[1, 0, 2]).unwrap());
    c.case("permute_neg").check(&a.permute_dims(&[-1, 0, 1]).unwrap());
    check_err(&c, "permute_bad_len", &a.permute_dims(&[1, 0]).unwrap_err());
    check_err(&c, "permute_repeat", &a.permute_dims(&[1, 1, 0]).unwrap_err());
    c.case("swapaxes").check(&a.swapaxes(0, 2).unwrap());
    check_err(&c, "swapaxes_oob", &a.swapaxes(0, 3).unwrap_err());
    check_err(&c, "reshape_bad_infer", &Array::<i64>::arange(12).reshape(&[5, -1]).unwrap_err());
    c.case("moveaxis").check(&a.moveaxis(&[0], &[-1]).unwrap());
    c.case("moveaxis_multi").check(&a.moveaxis(&[0, 1], &[-1, -2]).unwrap());
    let z = Array::<f64>::zeros(&[3, 4, 5]).unwrap();
    c.case("moveaxis_shape").check_shape(z.moveaxis(&[0, 1], &[-1, -2]).unwrap().shape());
}

#[test]
fn reshapes() {
    let c = cases();
    let r = Array::<i64>::arange(12);
    c.case("reshape_34").check(&r.reshape(&[3, 4]).unwrap());
    c.case("reshape_infer").check(&r.reshape(&[2, -1]).unwrap());
    check_err(&c, "reshape_bad", &r.reshape(&[5, 3]).unwrap_err());
    check_err(&c, "reshape_two_unknown", &r.reshape(&[-1, -1]).unwrap_err());
    check_err(&c, "reshape_bad_infer", &r.reshape(&[5, -1]).unwrap_err());
    c.case("reshape_F").check(&r.reshape_order(&[3, 4], Order::F).unwrap());
    let a = a3();
    let at = a.t();
    let flat = at.reshape(&[-1]).unwrap();
    c.case("reshape_T").check(&flat);
    c.case("reshape_T_is_view").check_value(&Value::Bool(shares_memory(&flat, &a, None).unwrap()));
    let col = a.slice(s![.., 1]);
    let col_flat = col.reshape(&[-1]).unwrap();
    c.case("reshape_sliced_is_view").check_value(&Value::Bool(shares_memory(&col_flat, &a, None).unwrap()));
    c.case("reshape_0d").check(&Array::<i64>::arange(1).reshape(()).unwrap());
    check_err(&c, "reshape_empty", &Array::<f64>::zeros(&[0, 3]).unwrap().reshape(&[3, 0, -1]).unwrap_err());
    c.case("ravel_T").check(&at.ravel());
    c.case("ravel_F").check(&a.ravel_order(Order::F));
    c.case("flatten_F").check(&a.flatten_order(Order::F));
    let z = Array::<f64>::zeros(&[1, 3, 1, 2]).unwrap();
    c.case("squeeze").check_shape(z.squeeze(None).unwrap().shape());
    c.case("squeeze_axis").check_shape(z.squeeze(Some(&[2])).unwrap().shape());
    check_err(&c, "squeeze_bad", &z.squeeze(Some(&[1])).unwrap_err());
    let z = Array::<f64>::zeros(&[3, 4]).unwrap();
    c.case("expand_dims").check_shape(z.expand_dims(&[0, -1]).unwrap().shape());
    check_err(&c, "expand_dims_oob", &z.expand_dims(&[3]).unwrap_err());
    c.case("diagonal").check(&a.diagonal(1, 1, 2).unwrap());
    let m = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    c.case("diagonal_neg").check(&m.diagonal(-1, 0, 1).unwrap());
    c.case("diagonal_big_offset").check(&m.diagonal(7, 0, 1).unwrap());
}

#[test]
fn negative_dimension_in_reshape() {
    // NumPy accepts any negative value as the unknown dimension only for -1; -2 is
    // checked here against NumPy's actual behaviour.
    let c = cases();
    let r = Array::<i64>::arange(12);
    match &c.case("reshape_neg").result {
        Value::Array(_) => c.case("reshape_neg").check(&r.reshape(&[-2, 6]).unwrap()),
        _ => check_err(&c, "reshape_neg", &r.reshape(&[-2, 6]).unwrap_err()),
    }
}

#[test]
fn broadcasting_views() {
    let c = cases();
    let r = Array::<i64>::arange(3);
    let b = r.broadcast_to(&[2, 3]).unwrap();
    c.case("broadcast_to").check(&b);
    c.case("broadcast_to_strides").check_value(&ints(b.strides()));
    check_err(&c, "broadcast_to_bad", &r.broadcast_to(&[4]).unwrap_err());
    check_err(&c, "broadcast_to_scalar_bad", &r.broadcast_to(&[]).unwrap_err());
    let col = Array::<i64>::arange(3).into_shape(&[3, 1]).unwrap();
    let row = Array::<i64>::arange(4);
    let out = broadcast_arrays(&[col.view(), row.view()]).unwrap();
    c.case("broadcast_arrays").check_item(0, &out[0]);
    c.case("broadcast_arrays").check_item(1, &out[1]);
}

#[test]
fn flags_and_sharing() {
    let c = cases();
    let a = a3();
    let f = a.flags();
    c.case("flags_c").check_value(&bools(&[f.c_contiguous, f.f_contiguous, f.owndata, f.writeable]));
    let f = a.t().flags();
    c.case("flags_T").check_value(&bools(&[f.c_contiguous, f.f_contiguous, f.owndata]));
    let f = a.slice(s![.., 1]).flags();
    c.case("flags_slice").check_value(&bools(&[f.c_contiguous, f.f_contiguous]));
    let f = a.slice(s![1]).flags();
    c.case("flags_row").check_value(&bools(&[f.c_contiguous, f.f_contiguous]));
    let z = Array::<f64>::zeros(&[1, 4]).unwrap();
    let f = z.slice(s![.., ..;2]).flags();
    c.case("flags_1x").check_value(&bools(&[f.c_contiguous, f.f_contiguous]));
    let r = Array::<i64>::arange(10);
    let (ev, od) = (r.slice(s![..;2]), r.slice(s![1..;2]));
    c.case("shares_interleaved").check_value(&Value::Bool(shares_memory(&ev, &od, None).unwrap()));
    c.case("may_share_interleaved").check_value(&Value::Bool(may_share_memory(&ev, &od)));
    let ov = shares_memory(&r.slice(s![2..6]), &r.slice(s![5..9]), None).unwrap();
    c.case("shares_overlap").check_value(&Value::Bool(ov));
    let dj = shares_memory(&r.slice(s![..5]), &r.slice(s![5..]), None).unwrap();
    c.case("shares_disjoint").check_value(&Value::Bool(dj));
    // The same questions on dynamic views, and across typed and dynamic, as methods too.
    let d = nprs_core::DynView::from(r.view());
    let (dev, dod) = (d.slice(s![..;2]), d.slice(s![1..;2]));
    c.case("shares_interleaved").check_value(&Value::Bool(shares_memory(&dev, &dod, None).unwrap()));
    c.case("may_share_interleaved").check_value(&Value::Bool(dev.may_share_memory(&dod)));
    c.case("shares_overlap")
        .check_value(&Value::Bool(d.slice(s![2..6]).shares_memory(&r.slice(s![5..9]), None).unwrap()));
    c.case("shares_disjoint")
        .check_value(&Value::Bool(shares_memory(&d.slice(s![..5]), &d.slice(s![5..]), None).unwrap()));
    assert!(may_share_memory(&d, &r) && d.shares_memory(&d.typed::<i64>().unwrap(), None).unwrap());
    assert!(!d.shares_memory(&r.to_owned(), None).unwrap());
    let z = Array::<f32>::zeros(&[3, 5]).unwrap();
    let shape = Value::List(z.shape().iter().map(|&d| Value::Int(d as i128)).collect());
    let n = |x: usize| Value::Int(x as i128);
    c.case("attrs").check_value(&Value::List(vec![shape, n(z.ndim()), n(z.size()), n(z.itemsize()), n(z.nbytes())]));
}

#[test]
fn copies_keep_numpy_layouts() {
    let c = cases();
    let a = a3();
    c.case("copy_F_strides").check_value(&ints(a.to_owned_order(Order::F).strides()));
    c.case("asfortran_strides").check_value(&ints(nprs_core::asfortranarray(&a).strides()));
    c.case("ascontig_T_strides").check_value(&ints(nprs_core::ascontiguousarray(&a.t()).strides()));
    c.case("T_plus_1_strides").check_value(&ints((&a.t() + 1i64).strides()));
}

#[test]
fn ndenumerate_order() {
    let c = cases();
    let a = a3();
    let v = a.slice(s![.., ..;2, 1]);
    let got: Vec<Value> = v
        .indexed_iter()
        .map(|(i, x)| {
            Value::List(vec![
                Value::List(i.iter().map(|&k| Value::Int(k as i128)).collect()),
                Value::Int(i128::from(x)),
            ])
        })
        .collect();
    c.case("ndenumerate").check_value(&Value::List(got));
}

#[test]
fn axis_errors_name_the_argument() {
    let c = cases();
    let z = Array::<f64>::zeros(&[2, 3, 4]).unwrap();
    check_err(&c, "diagonal_axis2_oob", &z.diagonal(0, 0, 3).unwrap_err());
    check_err(&c, "diagonal_same", &z.diagonal(0, 1, 1).unwrap_err());
    check_err(&c, "diagonal_1d", &Array::<f64>::zeros(&[3]).unwrap().diagonal(0, 0, 1).unwrap_err());
    check_err(&c, "moveaxis_src_oob", &z.moveaxis(&[3], &[0]).unwrap_err());
    check_err(&c, "moveaxis_dst_oob", &z.moveaxis(&[0], &[3]).unwrap_err());
    check_err(&c, "moveaxis_repeat", &z.moveaxis(&[0, 0], &[1, 2]).unwrap_err());
    check_err(&c, "moveaxis_len", &z.moveaxis(&[0, 1], &[1]).unwrap_err());
    check_err(&c, "expand_dims_repeat", &z.expand_dims(&[0, 0]).unwrap_err());
    check_err(&c, "squeeze_oob", &z.squeeze(Some(&[5])).unwrap_err());
}
