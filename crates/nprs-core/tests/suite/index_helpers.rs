//! Index helpers against NumPy: unravel_index, ravel_multi_index, the tril/triu/diag/mask
//! index families, fill_diagonal, packbits/unpackbits, array_equal/array_equiv and
//! apply_along_axis/apply_over_axes, on typed and dynamic arrays, with NumPy's errors.

use nprs_core::prelude::*;
use nprs_core::{
    BitOrder, ClipMode, DType, DynArray, apply_along_axis, apply_over_axes, array_equal, array_equiv, diag_indices,
    diag_indices_from, fill_diagonal, mask_indices, packbits, ravel_multi_index, tril, tril_indices, tril_indices_from,
    triu, triu_indices, triu_indices_from, unpackbits, unravel_index,
};
use nprs_testkit::{Case, Cases, Elems, Value, oracle};

fn cases() -> Cases {
    oracle("core/index_helpers")
}

#[track_caller]
fn check_err<T>(c: &Case, r: Result<T>) {
    match r {
        Ok(_) => panic!("{}: expected an error, got a result", c.name),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

#[track_caller]
fn check_list(c: &Case, arrays: &[Array<i64>]) {
    let Value::List(items) = &c.result else { panic!("{}: expected a tuple", c.name) };
    assert_eq!(items.len(), arrays.len(), "{}: tuple length", c.name);
    if arrays.is_empty() {
        c.check_value(&Value::List(Vec::new()));
    }
    for (i, x) in arrays.iter().enumerate() {
        c.check_item(i, x);
    }
}

#[track_caller]
fn check_pair(c: &Case, (a, b): (Array<i64>, Array<i64>)) {
    check_list(c, &[a, b]);
}

#[track_caller]
fn check_bool(c: &Case, got: bool) {
    c.check_value(&Value::Bool(got));
}

/// An input case's integers as an array of `T`.
fn input_ints<T: Element>(c: &Case, conv: impl Fn(i128) -> T) -> Array<T> {
    let a = c.array();
    let Elems::Int(v) = &a.data else { panic!("{}: expected integers", c.name) };
    Array::from_shape_vec(&a.shape, v.iter().map(|&x| conv(x)).collect()).unwrap()
}

fn input_f64(c: &Case) -> Array<f64> {
    let a = c.array();
    let Elems::Float(v) = &a.data else { panic!("{}: expected floats", c.name) };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

fn input_bool(c: &Case) -> Array<bool> {
    let a = c.array();
    let Elems::Bool(v) = &a.data else { panic!("{}: expected bools", c.name) };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

#[test]
fn unravel_index_matches_numpy() {
    let o = cases();
    let idx = array![22i64, 41, 37];
    check_list(o.case("unravel_c"), &unravel_index(&idx, &[7, 6], Order::C).unwrap());
    // the same through a dynamic array
    let d = DynArray::from(idx.clone());
    check_list(o.case("unravel_f"), &unravel_index(&d, &[7, 6], Order::F).unwrap());
    check_list(o.case("unravel_scalar_f"), &unravel_index(1621i64, &[6, 7, 8, 9], Order::F).unwrap());
    let i32s = array![[0i32, 5], [3, 2]];
    check_list(o.case("unravel_2d_int32"), &unravel_index(&i32s, &[2, 3], Order::C).unwrap());
    let empty = Array::<u8>::from_vec(vec![]);
    check_list(o.case("unravel_uint8_empty"), &unravel_index(&empty, &[0, 3], Order::C).unwrap());
    check_list(o.case("unravel_uint64"), &unravel_index(&array![1u64, 5], &[2, 3], Order::C).unwrap());
    check_list(o.case("unravel_empty_shape"), &unravel_index(0i64, &[], Order::C).unwrap());
    check_err(o.case("unravel_oob"), unravel_index(10i64, &[2, 3], Order::C));
    check_err(o.case("unravel_negative"), unravel_index(&array![1i64, -1], &[2, 3], Order::C));
    check_err(o.case("unravel_zero_size"), unravel_index(0i64, &[0, 3], Order::C));
    check_err(o.case("unravel_float"), unravel_index(&array![1.0f64], &[2, 3], Order::C));
    check_err(o.case("unravel_uint64_wraps"), unravel_index(&array![1u64 << 63], &[2, 3], Order::C));
    check_err(o.case("unravel_too_large_dims"), unravel_index(0i64, &[1 << 40, 1 << 40], Order::C));
    let r = input_ints(o.case("unravel_rand_idx"), |x| x as i64);
    check_list(o.case("unravel_rand_c"), &unravel_index(&r, &[3, 5, 4, 2], Order::C).unwrap());
    check_list(o.case("unravel_rand_f"), &unravel_index(&DynArray::from(r), &[3, 5, 4, 2], Order::F).unwrap());
}

#[test]
fn ravel_multi_index_matches_numpy() {
    let o = cases();
    let (rows, cols) = (array![3i64, 6, 6], array![4i64, 5, 1]);
    let raise = [ClipMode::Raise];
    o.case("ravel_c").check(&ravel_multi_index([&rows, &cols], &[7, 6], &raise, Order::C).unwrap());
    o.case("ravel_f").check(&ravel_multi_index([&rows, &cols], &[7, 6], &raise, Order::F).unwrap());
    let wc = [ClipMode::Wrap, ClipMode::Clip];
    o.case("ravel_wrap_clip_f").check(&ravel_multi_index([&rows, &cols], &[4, 6], &wc, Order::F).unwrap());
    let (dr, dc) = (DynArray::from(rows.clone()), DynArray::from(cols.clone()));
    o.case("ravel_clip").check(&ravel_multi_index([&dr, &dc], &[4, 4], &[ClipMode::Clip], Order::C).unwrap());
    o.case("ravel_scalar_f").check(&ravel_multi_index([1i64, 1], &[2, 3], &raise, Order::F).unwrap());
    let bc = ravel_multi_index([&array![[0i64], [1]], &array![[0i64, 1, 2]]], &[2, 3], &raise, Order::C).unwrap();
    o.case("ravel_broadcast").check(&bc);
    let nw = ravel_multi_index([&array![-4i64], &array![1i64]], &[2, 3], &[ClipMode::Wrap], Order::C).unwrap();
    o.case("ravel_negative_wrap").check(&nw);
    let none: [&Array<i64>; 0] = [];
    o.case("ravel_empty").check(&ravel_multi_index(none, &[], &raise, Order::C).unwrap());
    let one = array![1i64];
    check_err(o.case("ravel_oob"), ravel_multi_index([&one, &array![5i64]], &[2, 3], &raise, Order::C));
    check_err(o.case("ravel_negative_raise"), ravel_multi_index([&one, &array![-1i64]], &[2, 3], &raise, Order::C));
    let wr = [ClipMode::Wrap, ClipMode::Raise];
    check_err(o.case("ravel_mode_per_axis_raise"), ravel_multi_index([&one, &array![5i64]], &[2, 3], &wr, Order::C));
    check_err(o.case("ravel_length"), ravel_multi_index([&one, &one, &one], &[2, 3], &raise, Order::C));
    let three = [ClipMode::Wrap, ClipMode::Raise, ClipMode::Clip];
    check_err(o.case("ravel_modes_length"), ravel_multi_index([&one, &one], &[2, 3], &three, Order::C));
    check_err(o.case("ravel_dims_too_large"), ravel_multi_index([&one, &one], &[1 << 40, 1 << 40], &raise, Order::C));
    check_err(o.case("ravel_zero_dim"), ravel_multi_index([&one, &one], &[2, 0], &raise, Order::C));
    let (two, three_i) = (array![1i64, 2], array![5i64, 1, 2]);
    check_err(o.case("ravel_not_broadcast"), ravel_multi_index([&two, &three_i], &[2, 3], &[ClipMode::Wrap], Order::C));
    let f = DynArray::from(array![1.0f64]);
    let di = DynArray::from(one.clone());
    check_err(o.case("ravel_float"), ravel_multi_index([&f, &di], &[2, 3], &raise, Order::C));
    // random coordinates of three integer dtypes, in and out of range
    let i = DynArray::from(input_ints(o.case("ravel_rand_i"), |x| x as i64));
    let j = DynArray::from(input_ints(o.case("ravel_rand_j"), |x| x as i16));
    let k = DynArray::from(input_ints(o.case("ravel_rand_k"), |x| x as u32));
    let ijk = [&i, &j, &k];
    o.case("ravel_rand_wrap_c").check(&ravel_multi_index(ijk, &[3, 5, 4], &[ClipMode::Wrap], Order::C).unwrap());
    o.case("ravel_rand_clip_f").check(&ravel_multi_index(ijk, &[3, 5, 4], &[ClipMode::Clip], Order::F).unwrap());
    let mixed = [ClipMode::Clip, ClipMode::Wrap, ClipMode::Clip];
    o.case("ravel_rand_mixed").check(&ravel_multi_index(ijk, &[7, 9, 11], &mixed, Order::C).unwrap());
    check_err(o.case("ravel_rand_raise"), ravel_multi_index(ijk, &[20, 20, 30], &raise, Order::C));
}

#[test]
fn triangle_and_diagonal_indices_match_numpy() {
    let o = cases();
    check_pair(o.case("tril_4"), tril_indices(4, 0, None));
    check_pair(o.case("tril_3_m1_2"), tril_indices(3, -1, Some(2)));
    check_pair(o.case("triu_3_1_5"), triu_indices(3, 1, Some(5)));
    check_pair(o.case("triu_4_m2"), triu_indices(4, -2, None));
    check_pair(o.case("tril_0"), tril_indices(0, 0, None));
    check_pair(o.case("tril_big_k"), tril_indices(5, 10, Some(3)));
    check_pair(o.case("triu_small_k"), triu_indices(5, -10, Some(3)));
    check_pair(o.case("triu_7_2_9"), triu_indices(7, 2, Some(9)));
    let ones24 = Array::<f64>::ones(&[2, 4]).unwrap();
    check_pair(o.case("tril_from"), tril_indices_from(&ones24, 1).unwrap());
    let d32 = DynArray::ones(&[3, 2], &DType::Float64.into()).unwrap();
    check_pair(o.case("triu_from"), triu_indices_from(&d32, 0).unwrap());
    check_err(o.case("tril_from_3d"), tril_indices_from(&Array::<f64>::ones(&[2, 3, 4]).unwrap(), 0));
    check_err(o.case("triu_from_1d"), triu_indices_from(&Array::<f64>::ones(&[3]).unwrap(), 0));
    check_list(o.case("diag_3_3"), &diag_indices(3, 3));
    check_list(o.case("diag_4"), &diag_indices(4, 2));
    check_list(o.case("diag_0_2"), &diag_indices(0, 2));
    let d333 = DynArray::ones(&[3, 3, 3], &DType::Float64.into()).unwrap();
    check_list(o.case("diag_from_3d"), &diag_indices_from(&d333).unwrap());
    check_err(o.case("diag_from_1d"), diag_indices_from(&Array::<f64>::ones(&[3]).unwrap()));
    check_err(o.case("diag_from_unequal"), diag_indices_from(&Array::<f64>::ones(&[3, 4]).unwrap()));
    check_list(o.case("mask_triu_3_1"), &mask_indices(3, triu, 1).unwrap());
    check_list(o.case("mask_tril_4_m1"), &mask_indices(4, tril, -1).unwrap());
    check_list(o.case("mask_triu_0"), &mask_indices(0, triu, 0).unwrap());
}

#[test]
fn fill_diagonal_matches_numpy() {
    let o = cases();
    let mut a = Array::<f64>::zeros(&[5, 3]).unwrap();
    fill_diagonal(&mut a, &[1.0, 2.0], true).unwrap();
    o.case("fill_tall_wrap").check(&a);
    let mut a = Array::<f64>::zeros(&[5, 3]).unwrap();
    fill_diagonal(&mut a.view_mut(), &[1.0, 2.0], false).unwrap();
    o.case("fill_tall").check(&a);
    let mut a = Array::<i32>::zeros(&[3, 5]).unwrap();
    fill_diagonal(&mut a, &[7], false).unwrap();
    o.case("fill_wide").check(&a);
    let mut d = DynArray::zeros(&[3, 3, 3], &DType::Int64.into()).unwrap();
    d.fill_diagonal(&array![1i64, 2], false).unwrap();
    o.case("fill_3d").check(&d.typed::<i64>().unwrap());
    let mut a = Array::<f64>::zeros(&[3, 3]).unwrap();
    fill_diagonal(&mut a, &[], false).unwrap();
    o.case("fill_empty_val").check(&a);
    let mut d = DynArray::zeros(&[3, 3], &DType::Int64.into()).unwrap();
    d.fill_diagonal(2.7f64, false).unwrap();
    o.case("fill_int_from_float").check(&d.typed::<i64>().unwrap());
    let mut d = DynArray::zeros(&[3, 3], &DType::UInt8.into()).unwrap();
    d.fill_diagonal(&array![-1i64, 300], false).unwrap();
    o.case("fill_uint8_from_int64_array").check(&d.typed::<u8>().unwrap());
    let mut d = DynArray::zeros(&[3, 3], &DType::UInt8.into()).unwrap();
    check_err(o.case("fill_uint8_negative"), d.fill_diagonal(-1i64, false));
    check_err(o.case("fill_1d"), fill_diagonal(&mut Array::<f64>::zeros(&[3]).unwrap(), &[1.0], false));
    let mut d = DynArray::zeros(&[2, 3, 4], &DType::Float64.into()).unwrap();
    check_err(o.case("fill_3d_unequal"), d.fill_diagonal(1i64, false));
    let a0 = input_f64(o.case("fill_rand_a0"));
    let v = input_f64(o.case("fill_rand_v")).to_vec();
    let mut a = a0.clone();
    fill_diagonal(&mut a, &v, true).unwrap();
    o.case("fill_rand_wrap").check(&a);
    let mut d = DynArray::from(a0);
    d.fill_diagonal(&Array::from_vec(v), false).unwrap();
    o.case("fill_rand").check(&d.typed::<f64>().unwrap());
}

#[test]
fn packbits_matches_numpy() {
    let o = cases();
    let m = array![[1i64, 0, 1], [0, 1, 1]];
    let big = BitOrder::Big;
    o.case("pack_flat").check(&packbits(&m, None, big).unwrap());
    o.case("pack_axis1_little").check(&packbits(&m, Some(1), "little".parse().unwrap()).unwrap());
    o.case("pack_axis0").check(&packbits(&DynArray::from(m.clone()), Some(0), big).unwrap());
    o.case("pack_int8").check(&packbits(&array![0i8, 2, -3, 0, 5, 0, 0, 1, 9], None, big).unwrap());
    o.case("pack_uint64").check(&packbits(&array![u64::MAX, 0, 1], None, big).unwrap());
    o.case("pack_0d").check(&packbits(5i64, None, big).unwrap());
    o.case("pack_0d_axis0").check(&packbits(&Array::from_elem_0d(5i64), Some(0), big).unwrap());
    o.case("pack_empty_axis1").check(&packbits(&Array::<i64>::zeros(&[2, 0]).unwrap(), Some(1), big).unwrap());
    o.case("pack_empty_flat").check(&packbits(&Array::<bool>::zeros(&[2, 0]).unwrap(), None, big).unwrap());
    check_err(o.case("pack_float"), packbits(&array![1.0f64], None, big));
    check_err(o.case("pack_axis_oob"), packbits(&m, Some(2), big));
    check_err(o.case("pack_bitorder_bad"), "foo".parse::<BitOrder>());
    let b = input_bool(o.case("pack_rand_b"));
    for (ax, name) in [(None, "None"), (Some(0), "0"), (Some(1), "1"), (Some(2), "2"), (Some(-1), "m1")] {
        for (order, oname) in [(BitOrder::Big, "big"), (BitOrder::Little, "little")] {
            o.case(&format!("pack_rand_{name}_{oname}")).check(&packbits(&b, ax, order).unwrap());
        }
    }
}

#[test]
fn unpackbits_matches_numpy() {
    let o = cases();
    let u = array![[2u8, 7], [255, 128]];
    let big = BitOrder::Big;
    o.case("unpack_flat").check(&unpackbits(&u, None, None, big).unwrap());
    o.case("unpack_axis1_little").check(&unpackbits(&u, Some(1), None, BitOrder::Little).unwrap());
    o.case("unpack_axis0").check(&unpackbits(&DynArray::from(u.clone()), Some(0), None, big).unwrap());
    o.case("unpack_count_neg").check(&unpackbits(&u, None, Some(-3), big).unwrap());
    o.case("unpack_count_long").check(&unpackbits(&u, Some(1), Some(20), big).unwrap());
    o.case("unpack_count_short").check(&unpackbits(&u, Some(0), Some(5), BitOrder::Little).unwrap());
    o.case("unpack_count_zero").check(&unpackbits(&u, Some(1), Some(0), big).unwrap());
    o.case("unpack_0d").check(&unpackbits(&Array::from_elem_0d(3u8), None, None, big).unwrap());
    check_err(o.case("unpack_int64"), unpackbits(&array![1i64, 2], None, None, big));
    check_err(o.case("unpack_count_too_neg"), unpackbits(&u, None, Some(-40), big));
    let x = input_ints(o.case("unpack_rand_x"), |v| v as u8);
    for (ax, name) in [(None, "None"), (Some(0), "0"), (Some(1), "1"), (Some(2), "2")] {
        for (order, oname) in [(BitOrder::Big, "big"), (BitOrder::Little, "little")] {
            o.case(&format!("unpack_rand_{name}_{oname}")).check(&unpackbits(&x, ax, None, order).unwrap());
        }
    }
    o.case("unpack_rand_count").check(&unpackbits(&x, Some(2), Some(-7), big).unwrap());
    // packing what was unpacked gives the bytes back
    let back = packbits(&unpackbits(&x, Some(1), None, big).unwrap(), Some(1), big).unwrap();
    assert_eq!(back.to_vec(), x.to_vec());
}

#[test]
fn array_equal_and_equiv_match_numpy() {
    let o = cases();
    check_bool(o.case("eq_int_float"), array_equal(&array![1i32, 2], &array![1.0f32, 2.0], false).unwrap());
    check_bool(o.case("eq_differs"), array_equal(&array![1i64, 2], &array![1i64, 3], false).unwrap());
    check_bool(o.case("eq_shape"), array_equal(&array![1i64, 2], &array![[1i64, 2]], false).unwrap());
    let n = array![1.0, f64::NAN];
    check_bool(o.case("eq_nan"), array_equal(&n, &n.clone(), false).unwrap());
    check_bool(o.case("eq_nan_equal"), array_equal(&n, &DynArray::from(n.clone()), true).unwrap());
    check_bool(o.case("eq_nan_places"), array_equal(&array![f64::NAN, 1.0], &n, true).unwrap());
    let c1 = array![C128::new(1.0, f64::NAN)];
    let c2 = array![C128::new(f64::NAN, 1.0)];
    check_bool(o.case("eq_complex_nan"), array_equal(&c1, &c2, true).unwrap());
    check_bool(o.case("eq_nan_int"), array_equal(&n, &array![1i64, 2], true).unwrap());
    check_bool(o.case("eq_bool_int"), array_equal(&array![true, false], &array![1i64, 0], false).unwrap());
    check_bool(o.case("eq_f32_f64"), array_equal(&array![0.1f32], &array![0.1f64], false).unwrap());
    let s = DynArray::from_strs(&["ab", "c"]);
    check_bool(o.case("eq_str"), array_equal(&s, &DynArray::from_strs(&["ab", "c"]), false).unwrap());
    check_bool(o.case("eq_str_int"), array_equal(&DynArray::from_strs(&["a"]), &array![1i64], false).unwrap());
    let e1 = Array::<f64>::zeros(&[0, 3]).unwrap();
    check_bool(o.case("eq_empty"), array_equal(&e1, &Array::<i8>::zeros(&[0, 3]).unwrap(), false).unwrap());
    check_bool(o.case("eq_uint64_int64"), array_equal(&array![u64::MAX], &array![-1i64], false).unwrap());
    let a = input_f64(o.case("eq_rand_a"));
    let b = a.clone();
    check_bool(o.case("eq_rand_nan"), array_equal(&a, &b, true).unwrap());
    check_bool(o.case("eq_rand_plain"), array_equal(&a, &b, false).unwrap());
    let b32 = DynArray::from(b).astype(&DType::Float32.into()).unwrap();
    check_bool(o.case("eq_rand_f32"), array_equal(&a, &b32, true).unwrap());
    let row = array![1i64, 2];
    check_bool(o.case("equiv_broadcast"), array_equiv(&row, &array![[1i64, 2], [1, 2]]).unwrap());
    check_bool(o.case("equiv_differs"), array_equiv(&row, &array![[1i64, 2], [1, 3]]).unwrap());
    check_bool(o.case("equiv_not_broadcast"), array_equiv(&row, &array![[1i64, 2, 3]]).unwrap());
    check_bool(o.case("equiv_scalar"), array_equiv(&array![[3.0, 3.0]], 3i64).unwrap());
    let x = DynArray::from_strs(&["x"]);
    check_bool(o.case("equiv_str"), array_equiv(&x, &DynArray::from_strs(&["x", "x"])).unwrap());
}

/// The first and last element of a lane.
#[allow(clippy::needless_pass_by_value)] // the shape of apply_along_axis's callback
fn ends(v: ArrayView<'_, f64>) -> Result<Array<f64>> {
    Ok(array![v.get(&[0])?, v.get(&[-1])?])
}

/// A lane summed, as a 0-d array.
#[allow(clippy::needless_pass_by_value)] // the shape of apply_along_axis's callback
fn lane_sum(v: ArrayView<'_, i64>) -> Result<Array<i64>> {
    Ok(Array::from_elem_0d(v.iter().sum()))
}

#[test]
fn apply_along_axis_matches_numpy() {
    let o = cases();
    let x = input_f64(o.case("apply_rand_x"));
    o.case("apply_ends_ax0").check(&apply_along_axis(ends, 0, &x).unwrap());
    o.case("apply_ends_ax1").check(&apply_along_axis(ends, 1, &x).unwrap());
    o.case("apply_ends_axm1").check(&apply_along_axis(ends, -1, &x.view()).unwrap());
    let outer = |v: ArrayView<'_, f64>| -> Result<Array<f64>> {
        let n = v.size();
        let mut data = Vec::with_capacity(n * 2);
        for i in 0..n as isize {
            for j in 0..2 {
                data.push(v.get(&[i])? * v.get(&[j])?);
            }
        }
        Array::from_shape_vec(&[n, 2], data)
    };
    o.case("apply_outer_ax1").check(&apply_along_axis(outer, 1, &x).unwrap());
    let dx = DynArray::from(x.clone());
    let first = dx.apply_along_axis(|v| Ok(v.at(&[0])?.to_owned()), 2).unwrap();
    o.case("apply_first_ax2").check(&first.typed::<f64>().unwrap());
    let rev = apply_along_axis(|v| Ok(v.slice(s![..;-1]).to_owned()), 0, &Array::<i64>::arange(5)).unwrap();
    o.case("apply_1d").check(&rev);
    let z = Array::<f64>::zeros(&[0, 3]).unwrap();
    o.case("apply_empty_lanes").check(&apply_along_axis(|v| Ok(v.to_owned()), 0, &z).unwrap());
    let z = Array::<f64>::zeros(&[3, 0]).unwrap();
    check_err(o.case("apply_empty_iteration"), apply_along_axis(|v| Ok(v.to_owned()), 0, &z));
    let a = Array::<i64>::arange(12).into_shape(&[4, 3]).unwrap();
    let uneven = |v: ArrayView<'_, i64>| -> Result<Array<i64>> {
        let n = if v.get(&[0])? == 0 { 2 } else { 3 };
        Ok(v.slice(s![..n]).to_owned())
    };
    check_err(o.case("apply_mismatch"), apply_along_axis(uneven, 1, &a));
    check_err(o.case("apply_axis_oob"), apply_along_axis(ends, 3, &x));
}

#[test]
fn apply_over_axes_matches_numpy() {
    let o = cases();
    let a = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    let sum = |v: ArrayView<'_, i64>, ax: isize| apply_along_axis(lane_sum, ax, &v);
    o.case("over_sum_0_2").check(&apply_over_axes(sum, &a, &[0, 2]).unwrap());
    let d = DynArray::from(a.clone());
    let dsum = |v: nprs_core::DynView<'_>, ax: isize| Ok(DynArray::from(sum(v.typed::<i64>()?, ax)?));
    o.case("over_sum_neg").check(&d.apply_over_axes(dsum, &[-1]).unwrap().typed::<i64>().unwrap());
    let b = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
    let double = |v: ArrayView<'_, i64>, _ax: isize| Ok(nprs_core::kernel::map(&v, |x| x * 2));
    o.case("over_keep").check(&apply_over_axes(double, &b, &[0, 1]).unwrap());
    let z = Array::<f64>::zeros(&[2, 3, 4]).unwrap();
    check_err(o.case("over_bad_shape"), apply_over_axes(|_v, _ax| Array::<f64>::zeros(&[3]), &z, &[0]));
}
