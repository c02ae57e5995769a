//! Oracle checks of the manipulation routines (tests/oracle/groups/core/manip.py).
#![allow(unsafe_code)] // `as_strided` is an unsafe fn; each call says why its layout fits

use nprs_core::copy::Cast;
use nprs_core::prelude::*;
use nprs_core::{
    Block, PadMode, Positions, ReflectType, append, array_split, as_strided, block, column_stack, concatenate, delete,
    dsplit, dstack, flip, fliplr, flipud, hsplit, hstack, insert, pad, repeat, resize, roll, rot90, shares_memory,
    sliding_window_view, split, stack, tile, trim_zeros, vsplit, vstack,
};
use nprs_testkit::{Cases, Value, oracle};

/// `np.arange(prod(shape)).reshape(shape).astype(T)`.
fn ar<T: Cast>(shape: &[usize]) -> Array<T> {
    let n = shape.iter().product();
    let s: Vec<isize> = shape.iter().map(|&d| d as isize).collect();
    Array::<T>::arange(n).into_shape(&s).unwrap()
}

fn zeros<T: Element>(shape: &[usize]) -> Array<T> {
    Array::zeros(shape).unwrap()
}

fn c64(re: f32, im: f32) -> C64 {
    C64::new(re, im)
}

fn c128(re: f64, im: f64) -> C128 {
    C128::new(re, im)
}

fn h(x: f64) -> f16 {
    f16::from_f64(x)
}

fn cases() -> Cases {
    oracle("core/manip")
}

/// Checks an `Ok` array against the case.
macro_rules! ok {
    ($o:expr, $name:expr, $e:expr) => {
        match $e {
            Ok(v) => $o.case($name).check(&v),
            Err(e) => panic!("{}: nprs failed with {e}", $name),
        }
    };
}

/// Checks an `Ok` list of arrays against the case's list.
macro_rules! ok_list {
    ($o:expr, $name:expr, $e:expr) => {
        match $e {
            Ok(parts) => {
                let case = $o.case($name);
                let Value::List(items) = &case.result else { panic!("{}: expected a list", $name) };
                assert_eq!(items.len(), parts.len(), "{}: number of parts", $name);
                for (i, p) in parts.iter().enumerate() {
                    case.check_item(i, p);
                }
            }
            Err(e) => panic!("{}: nprs failed with {e}", $name),
        }
    };
}

/// Checks that the call fails as NumPy did.
macro_rules! fails {
    ($o:expr, $name:expr, $e:expr) => {
        match $e {
            Ok(_) => panic!("{}: nprs did not fail", $name),
            Err(e) => $o.case($name).check_error(e.numpy_kind(), &e.to_string()),
        }
    };
}

#[test]
fn concatenate_matches_numpy() {
    let o = cases();
    ok!(o, "concat_axis0", concatenate(&[ar::<i64>(&[2, 3]), ar(&[1, 3])], 0));
    ok!(o, "concat_axis1_f64", concatenate(&[ar::<f64>(&[2, 2]), ar(&[2, 3])], 1));
    ok!(o, "concat_neg_axis_3d_f32", concatenate(&[ar::<f32>(&[2, 3, 4]), ar(&[2, 3, 2])], -1));
    ok!(o, "concat_three_u8", concatenate(&[ar::<u8>(&[2]), ar(&[3]), ar(&[1])], 0));
    ok!(o, "concat_none", concatenate(&[ar::<i64>(&[2, 2]), ar(&[3])], None));
    ok!(o, "concat_none_0d", concatenate(&[1.5, 2.5], None));
    let (a, b) = (ar::<i64>(&[2, 3]), ar::<i64>(&[3, 4]));
    ok!(o, "concat_noncontig", concatenate(&[a.t(), b.slice(s![.., ..;2])], 1));
    let c = ar::<i64>(&[4]);
    ok!(o, "concat_none_noncontig", concatenate(&[a.t(), c.slice(s![..;-2])], None));
    let f = ar::<i64>(&[2, 3]).to_owned_order(Order::F);
    let r = concatenate(&[&f, &f], 0).unwrap();
    o.case("concat_fortran_flags").check_value(&Value::Bool(r.is_f_contiguous()));
    o.case("concat_fortran").check(&r);
    ok!(o, "concat_empty", concatenate(&[zeros::<f64>(&[0, 3]), ar(&[2, 3])], 0));
    ok!(o, "concat_all_empty", concatenate(&[zeros::<i16>(&[0, 3]), zeros(&[0, 3])], 1));
    ok!(o, "concat_bool", concatenate(&[array![true, false], array![false]], 0));
    ok!(o, "concat_c128", concatenate(&[array![c128(1.0, 2.0), c128(3.0, -1.0)], array![c128(0.0, 0.5)]], 0));
    ok!(o, "concat_f16", concatenate(&[ar::<f16>(&[2, 2]), ar(&[2, 1])], 1));
    ok!(o, "concat_seed", concatenate(&[array![1.5, 62.5], array![3.0, 4.0, 5.0]], 0));
    fails!(o, "concat_err_dims", concatenate(&[zeros::<f64>(&[2, 2]), zeros(&[3, 3])], 0));
    fails!(o, "concat_err_ndim", concatenate(&[zeros::<f64>(&[2, 2]), zeros(&[3])], 0));
    fails!(o, "concat_err_0d", concatenate(&[0.0, 0.0], 0));
    fails!(o, "concat_err_0d_before_axis", concatenate(&[0.0], 5));
    fails!(o, "concat_err_empty_list", concatenate::<Array<f64>>(&[], 0));
    fails!(o, "concat_err_axis", concatenate(&[zeros::<f64>(&[2, 2]), zeros(&[2, 2])], 2));
    fails!(o, "concat_err_neg_axis", concatenate(&[zeros::<f64>(&[2, 2])], -3));
    fails!(o, "concat_err_tuple_axis", concatenate(&[zeros::<f64>(&[2])], [0, 1]));
}

#[test]
fn stacks_match_numpy() {
    let o = cases();
    let a = ar::<i64>(&[3]);
    ok!(o, "stack_axis0", stack(&[&a, &(&a + 10)], 0));
    let f = ar::<f32>(&[2, 3]);
    ok!(o, "stack_axis1_f32", stack(&[&f, &(&f * 2.0)], 1));
    let m = ar::<i64>(&[2, 3]);
    ok!(o, "stack_neg_axis", stack(&[m.view(), (&m + 1).view(), m.slice(s![..;-1, ..])], -1));
    ok!(o, "stack_0d", stack(&[1i64, 2, 3], 0));
    ok!(o, "stack_empty", stack(&[zeros::<f64>(&[0, 2]), zeros(&[0, 2])], 1));
    o.case("stack_seed_shape").check_shape(stack(&[array![1i64, 2, 3], array![4, 5, 6]], 0).unwrap().shape());
    o.case("concat_seed_shape").check_shape(concatenate(&[array![1i64, 2, 3], array![4, 5, 6]], 0).unwrap().shape());
    fails!(o, "stack_err_shapes", stack(&[zeros::<f64>(&[2]), zeros(&[3])], 0));
    fails!(o, "stack_err_empty", stack::<Array<f64>>(&[], 0));
    fails!(o, "stack_err_axis", stack(&[zeros::<f64>(&[2]), zeros(&[2])], 2));
    fails!(o, "stack_err_neg_axis", stack(&[zeros::<f64>(&[2]), zeros(&[2])], -3));

    ok!(o, "hstack_1d", hstack(&[array![1i64, 2].view(), array![3i64, 4, 5].view()]));
    ok!(o, "hstack_2d", hstack(&[ar::<i64>(&[2, 1]), ar(&[2, 3])]));
    ok!(o, "hstack_0d", hstack(&[1i64, 2]));
    fails!(o, "hstack_err", hstack(&[zeros::<f64>(&[2, 2]), zeros(&[3, 3])]));
    fails!(o, "hstack_err_empty", hstack::<Array<f64>>(&[]));
    ok!(o, "vstack_1d", vstack(&[[1i64, 2, 3], [4, 5, 6]]));
    ok!(o, "vstack_mixed", vstack(&[ar::<i32>(&[2, 3]).view(), array![7i32, 8, 9].view()]));
    let full = |v: f64| Array::full(&[5, 2], v).unwrap();
    ok!(o, "vstack_seed", vstack(&[full(1.0), full(5.0), &full(9.0) * &array![1.0, 0.1]]));
    fails!(o, "vstack_err", vstack(&[zeros::<f64>(&[2]), zeros(&[3])]));
    ok!(o, "dstack_1d", dstack(&[[1i64, 2, 3], [4, 5, 6]]));
    let d = ar::<i64>(&[2, 2]);
    ok!(o, "dstack_2d", dstack(&[&d, &(&d * 3)]));
    ok!(o, "dstack_0d", dstack(&[1i64, 2]));
    fails!(o, "dstack_err_empty", dstack::<Array<f64>>(&[]));
    ok!(o, "column_stack_1d", column_stack(&[[1i64, 2, 3], [4, 5, 6]]));
    ok!(o, "column_stack_mixed", column_stack(&[ar::<i64>(&[3]), ar(&[3, 2])]));
    ok!(o, "column_stack_0d", column_stack(&[1i64, 2]));
    fails!(o, "column_stack_err", column_stack(&[ar::<i64>(&[3]), ar(&[4])]));

    ok!(o, "append_none", append(&ar::<i64>(&[2, 2]), &[7i64, 8, 9], None));
    ok!(o, "append_axis0", append(&ar::<f64>(&[2, 3]), &array![[7.0, 8.0, 9.0]], 0));
    ok!(o, "append_scalar", append(&array![1.0, 2.0], &3.0, None));
    fails!(o, "append_err_ndim", append(&zeros::<f64>(&[2, 2]), &Array::<f64>::ones(&[3]).unwrap(), 0));
    fails!(o, "append_err_dims", append(&zeros::<f64>(&[2, 2]), &Array::<f64>::ones(&[1, 3]).unwrap(), 0));
}

#[test]
fn block_matches_numpy() {
    let o = cases();
    let eye = array![[1.0, 0.0], [0.0, 1.0]];
    let (z, one, seven) =
        (zeros::<f64>(&[2, 3]), Array::<f64>::ones(&[1, 2]).unwrap(), Array::full(&[1, 3], 7.0).unwrap());
    ok!(o, "block_2x2", block([[&eye, &z], [&one, &seven]]));
    let (x, y, w) = (array![1i64, 2], array![3i64], array![4i64, 5, 6]);
    ok!(o, "block_1level", block([x.view(), y.view(), w.view()]));
    let (p, q, r) = (ar::<i64>(&[1, 1, 2]), ar::<i64>(&[1, 1, 1]), ar::<i64>(&[1, 1, 3]));
    ok!(o, "block_3level", block(Block::List(vec![[[&p, &q]].into(), [[&r]].into()])));
    let m = array![[4i64, 5, 6]];
    ok!(o, "block_mixed_ndim", block(vec![vec![&x, &y], vec![&m]]));
    let s = ar::<i64>(&[2, 3]);
    ok!(o, "block_single", block(&s));
    let (z1, z2) = (Array::from_elem_0d(1i64), Array::from_elem_0d(2i64));
    ok!(o, "block_0d", block([&z1, &z2]));
    let (t, u) = (ar::<i64>(&[3, 2]), ar::<i64>(&[2, 4]));
    ok!(o, "block_noncontig", block([[t.t(), u.slice(s![.., ..;2])]]));
    let z2v = zeros::<f64>(&[2]);
    let leaf = || Block::from(&z2v);
    fails!(o, "block_err_depth", block(Block::List(vec![Block::List(vec![leaf()]), leaf()])));
    fails!(o, "block_err_depth2", block(Block::List(vec![leaf(), Block::List(vec![leaf()])])));
    fails!(o, "block_err_empty_inner", block(Block::List(vec![Block::List(vec![]), Block::List(vec![leaf()])])));
    fails!(o, "block_err_empty_last", block(Block::List(vec![Block::List(vec![leaf()]), Block::List(vec![])])));
    fails!(o, "block_err_empty", block::<f64>(Block::List(vec![])));
    let (a22, a33) = (zeros::<f64>(&[2, 2]), zeros::<f64>(&[3, 3]));
    fails!(o, "block_err_shapes_row", block([[&a22, &a33]]));
    fails!(o, "block_err_shapes_col", block([[&a22], [&a33]]));
    let (big, bigger) = (zeros::<f64>(&[600, 600]), zeros::<f64>(&[600, 601]));
    fails!(o, "block_err_shapes_large", block([[&big], [&bigger]]));
}

#[test]
fn splits_match_numpy() {
    let o = cases();
    ok_list!(o, "split_sections", split(&ar::<f64>(&[9]), 3, 0));
    ok_list!(o, "split_indices", split(&ar::<f64>(&[8]), [3, 5, 6, 10], 0));
    ok_list!(o, "split_axis1", split(&ar::<i64>(&[2, 6]), 3, 1));
    ok_list!(o, "split_neg_axis", split(&ar::<i16>(&[2, 4, 2]), [1], -2));
    fails!(o, "split_err_unequal", split(&ar::<i64>(&[6]), 4, 0));
    // NumPy raises Python's ZeroDivisionError here; the message is the same.
    let e = split(&ar::<i64>(&[6]), 0, 0).unwrap_err();
    let case = o.case("split_err_zero");
    case.assert_eq(case.error_message(), &*e.to_string());
    fails!(o, "split_err_negative", split(&ar::<i64>(&[6]), -1, 0));
    fails!(o, "split_err_axis", split(&ar::<i64>(&[6]), 2, 1));
    fails!(o, "split_err_neg_axis", split(&ar::<i64>(&[6]), 2, -2));
    ok_list!(o, "array_split_uneven", array_split(&ar::<i64>(&[7]), 3, 0));
    ok_list!(o, "array_split_many", array_split(&ar::<i64>(&[2]), 5, 0));
    ok_list!(o, "array_split_indices", array_split(&ar::<i64>(&[5]), [3, 1, 10, -2], 0));
    ok_list!(o, "array_split_2d", array_split(&ar::<f32>(&[3, 5]), 2, 1));
    ok_list!(o, "array_split_empty_axis", array_split(&zeros::<f64>(&[0, 2]), 3, 0));
    let a = ar::<i64>(&[4, 6]);
    ok_list!(o, "array_split_noncontig", array_split(&a.slice(s![..;-1, ..;2]), [1, 2], 0));
    fails!(o, "array_split_err_sections", array_split(&ar::<i64>(&[5]), 0, 0));
    fails!(o, "array_split_err_axis", array_split(&ar::<i64>(&[6]), 4, 1));
    ok_list!(o, "hsplit_2d", hsplit(&ar::<i64>(&[2, 4]), 2));
    ok_list!(o, "hsplit_1d", hsplit(&ar::<i64>(&[6]), [2]));
    fails!(o, "hsplit_err", hsplit(&Array::from_elem_0d(3i64), 1));
    ok_list!(o, "vsplit_2d", vsplit(&ar::<i64>(&[4, 2]), [1, 3]));
    fails!(o, "vsplit_err", vsplit(&ar::<i64>(&[3]), 1));
    ok_list!(o, "dsplit_3d", dsplit(&ar::<i64>(&[2, 2, 4]), 2));
    fails!(o, "dsplit_err", dsplit(&ar::<i64>(&[3]), 1));
}

#[test]
fn tile_repeat_resize_match_numpy() {
    let o = cases();
    let r = array![0i64, 1, 2];
    ok!(o, "tile_1d", tile(&r, 2));
    ok!(o, "tile_1d_2d_reps", tile(&r, [2, 2]));
    ok!(o, "tile_1d_3d_reps", tile(&r, [2, 1, 2]));
    ok!(o, "tile_2d", tile(&ar::<i64>(&[2, 2]), 2));
    ok!(o, "tile_2d_rows", tile(&ar::<f32>(&[2, 2]), [2, 1]));
    ok!(o, "tile_3d", tile(&ar::<i8>(&[2, 1, 3]), [2, 3, 2]));
    ok!(o, "tile_0d", tile(&Array::from_elem_0d(5i64), 3));
    ok!(o, "tile_0d_empty_reps", tile(&Array::from_elem_0d(5i64), Vec::<isize>::new()));
    ok!(o, "tile_empty_reps", tile(&ar::<i64>(&[2, 3]), Vec::<isize>::new()));
    ok!(o, "tile_ones", tile(&ar::<i64>(&[2, 3]), [1, 1]));
    ok!(o, "tile_zero_reps", tile(&ar::<i64>(&[2, 3]), [0, 2]));
    ok!(o, "tile_bool", tile(&array![true, false], [2, 2]));
    ok!(o, "tile_c64", tile(&array![c64(1.0, 1.0), c64(2.0, -2.0)], 3));
    let t = ar::<i64>(&[3, 4]);
    let tt = t.t();
    ok!(o, "tile_noncontig", tile(&tt.slice(s![..;2, ..]), [2, 3]));
    ok!(o, "tile_empty_input", tile(&zeros::<f64>(&[2, 0]), [2, 3]));
    fails!(o, "tile_err_negative", tile(&ar::<i64>(&[3]), -1));
    fails!(o, "tile_err_negative2", tile(&ar::<i64>(&[3]), [2, -1]));
    ok!(o, "tile_negative_empty", tile(&ar::<i64>(&[0]), -1));
    fails!(o, "tile_err_negative_empty", tile(&zeros::<f64>(&[2, 0]), [-1, 1]));
    fails!(o, "tile_err_negative_empty2", tile(&zeros::<f64>(&[2, 0]), [-1, -1]));
    fails!(o, "tile_err_negative_empty3", tile(&zeros::<f64>(&[0, 2]), [1, -1]));

    ok!(o, "repeat_scalar_none", repeat(&ar::<i64>(&[2, 2]), 2, None));
    ok!(o, "repeat_axis1", repeat(&ar::<i64>(&[2, 2]), 3, 1));
    ok!(o, "repeat_per_item_axis0", repeat(&ar::<f64>(&[2, 2]), [1, 2], 0));
    ok!(o, "repeat_per_item_none", repeat(&array![1u16, 2, 3], [0, 2, 1], None));
    ok!(o, "repeat_list_of_one", repeat(&ar::<i64>(&[3]), [2], None));
    ok!(o, "repeat_3d_mid", repeat(&ar::<i32>(&[2, 3, 2]), [2, 0, 1], -2));
    ok!(o, "repeat_noncontig", repeat(&t.t(), 2, 0));
    ok!(o, "repeat_f16", repeat(&array![h(0.5), h(-1.5)], 3, None));
    ok!(o, "repeat_0d", repeat(&Array::from_elem_0d(7i64), 4, None));
    ok!(o, "repeat_empty", repeat(&zeros::<f64>(&[0]), 3, None));
    ok!(o, "repeat_empty_negative", repeat(&zeros::<f64>(&[0]), -2, None));
    fails!(o, "repeat_err_negative", repeat(&ar::<i64>(&[3]), -1, None));
    fails!(o, "repeat_err_negative_item", repeat(&ar::<i64>(&[3]), [1, -2, 1], None));
    fails!(o, "repeat_err_length", repeat(&ar::<i64>(&[3]), [1, 2], None));
    fails!(o, "repeat_err_length_axis", repeat(&ar::<i64>(&[2, 3]), [1, 2], 1));
    fails!(o, "repeat_err_axis", repeat(&ar::<i64>(&[2, 3]), 2, 2));
    fails!(o, "repeat_err_tuple_axis", repeat(&zeros::<f64>(&[2]), 2, [0, 1]));

    let x = array![1i64, 2, 3];
    ok!(o, "resize_seed", resize(&x, [2, 4]));
    ok!(o, "resize_smaller", resize(&x, 2));
    ok!(o, "resize_larger_int", resize(&x, 7));
    ok!(o, "resize_zero", resize(&ar::<i64>(&[3]), 0));
    ok!(o, "resize_empty_input", resize(&ar::<i64>(&[0]), [2, 2]));
    ok!(o, "resize_transposed", resize(&ar::<f64>(&[2, 3]).t(), [4]));
    ok!(o, "resize_3d", resize(&ar::<C128>(&[2, 2]), [2, 3, 2]));
    fails!(o, "resize_err_negative", resize(&ar::<i64>(&[3]), [2, -1]));
    let mut a2 = array![1i64, 2, 3];
    a2.resize(5).unwrap();
    o.case("ndarray_resize_seed_grow").check(&a2);
    a2.resize(2).unwrap();
    o.case("ndarray_resize_seed_shrink").check(&a2);
    let mut b = ar::<i64>(&[2, 3]).to_owned_order(Order::F);
    b.resize([3, 3]).unwrap();
    assert!(b.is_f_contiguous());
    o.case("ndarray_resize_fortran").check(&b);
    let mut d = Array::from_elem_0d(5.5);
    d.resize([2, 2]).unwrap();
    o.case("ndarray_resize_0d").check(&d);
    let mut e = ar::<f64>(&[4]);
    e.resize(Vec::<isize>::new()).unwrap();
    o.case("ndarray_resize_to_0d").check(&e);
    fails!(o, "ndarray_resize_err", ar::<i64>(&[2, 3]).resize([2, -3]));
}

#[test]
fn flips_rolls_rotations_match_numpy() {
    let o = cases();
    let a = ar::<i64>(&[2, 3]);
    ok!(o, "flip_none", flip(&a, None));
    ok!(o, "flip_axis0", flip(&ar::<f32>(&[2, 3]), 0));
    ok!(o, "flip_neg_axis_3d", flip(&ar::<i64>(&[2, 3, 4]), -1));
    ok!(o, "flip_tuple", flip(&ar::<u32>(&[2, 3, 4]), [0, 2]));
    ok!(o, "flip_0d", flip(&Array::from_elem_0d(3i64), None));
    let b = ar::<i64>(&[4, 6]);
    ok!(o, "flip_noncontig", flip(&b.slice(s![..;2, 1..;2]), 1));
    fails!(o, "flip_err_axis", flip(&a, 2));
    fails!(o, "flip_err_repeated", flip(&a, [0, 0]));
    ok!(o, "fliplr", fliplr(&ar::<i8>(&[2, 3])));
    fails!(o, "fliplr_err", fliplr(&ar::<i64>(&[3])));
    ok!(o, "flipud", flipud(&ar::<i64>(&[3, 2])));
    ok!(o, "flipud_1d", flipud(&ar::<f64>(&[4])));
    fails!(o, "flipud_err", flipud(&Array::from_elem_0d(3i64)));

    let r = ar::<i64>(&[10]);
    ok!(o, "roll_1d", roll(&r, 2, None));
    ok!(o, "roll_1d_negative", roll(&r, -2, None));
    ok!(o, "roll_1d_large", roll(&ar::<i64>(&[5]), -7, None));
    let m = ar::<i64>(&[2, 5]);
    ok!(o, "roll_none_2d", roll(&m, 1, None));
    ok!(o, "roll_axis0", roll(&ar::<f64>(&[2, 5]), 1, 0));
    ok!(o, "roll_axis1_neg", roll(&m, -1, -1));
    ok!(o, "roll_tuple", roll(&m, [1, 1], [1, 0]));
    ok!(o, "roll_tuple_shift_one_axis", roll(&a, [1, 2], 0));
    ok!(o, "roll_repeated_axis", roll(&ar::<i64>(&[3, 4]), 1, [0, 0]));
    ok!(o, "roll_shift_list_none", roll(&ar::<i64>(&[5]), [1, 2], None));
    ok!(o, "roll_empty_axes", roll(&a, 1, Vec::<isize>::new()));
    ok!(o, "roll_empty", roll(&zeros::<f64>(&[0, 3]), 2, 0));
    ok!(o, "roll_fortran", roll(&ar::<i16>(&[3, 4]).to_owned_order(Order::F), [1, -1], [0, 1]));
    ok!(o, "roll_3d", roll(&ar::<C64>(&[2, 3, 4]), [1, 2, 3], [0, 1, 2]));
    fails!(o, "roll_err_broadcast", roll(&ar::<i64>(&[5]), [1, 2], [0, 0, 0]));
    fails!(o, "roll_err_axis", roll(&a, 1, 2));

    ok!(o, "rot90_k1", rot90(&a, 1, [0, 1]));
    ok!(o, "rot90_k2", rot90(&a, 2, [0, 1]));
    ok!(o, "rot90_k3", rot90(&a, 3, [0, 1]));
    ok!(o, "rot90_k_neg", rot90(&a, -1, [0, 1]));
    ok!(o, "rot90_k4", rot90(&a, 4, [0, 1]));
    ok!(o, "rot90_k5", rot90(&a, 5, [0, 1]));
    ok!(o, "rot90_axes10", rot90(&a, 1, [1, 0]));
    ok!(o, "rot90_3d", rot90(&ar::<f64>(&[2, 3, 4]), 1, [0, 2]));
    fails!(o, "rot90_err_same", rot90(&a, 1, [0, 0]));
    fails!(o, "rot90_err_same_mod", rot90(&a, 1, [0, -2]));
    fails!(o, "rot90_err_wrap", rot90(&a, 1, [0, 2]));
    let c = ar::<i64>(&[2, 2, 2]);
    fails!(o, "rot90_err_range", rot90(&c, 1, [5, 4]));
    fails!(o, "rot90_err_range_neg", rot90(&c, 1, [-3, 3]));
    fails!(o, "rot90_err_0d", rot90(&Array::from_elem_0d(3i64), 1, [0, 1]));
}

#[test]
fn pad_matches_numpy() {
    let o = cases();
    let x = array![1i64, 2, 3, 4, 5];
    ok!(o, "pad_doc_constant", pad(&x, (2, 3), PadMode::constant((4, 6))));
    ok!(o, "pad_doc_edge", pad(&x, (2, 3), PadMode::Edge));
    ok!(o, "pad_doc_linear_ramp", pad(&x, (2, 3), PadMode::linear_ramp((5, -4))));
    ok!(o, "pad_doc_reflect", pad(&x, (2, 3), PadMode::Reflect(ReflectType::Even)));
    ok!(o, "pad_doc_reflect_odd", pad(&x, (2, 3), PadMode::Reflect(ReflectType::Odd)));
    ok!(o, "pad_doc_symmetric", pad(&x, (2, 3), PadMode::Symmetric(ReflectType::Even)));
    ok!(o, "pad_doc_symmetric_odd", pad(&x, (2, 3), PadMode::Symmetric(ReflectType::Odd)));
    ok!(o, "pad_doc_wrap", pad(&x, (2, 3), PadMode::Wrap));
    ok!(o, "pad_constant_default", pad(&ar::<f64>(&[2, 3]), 1, PadMode::constant(0.0)));
    let a = ar::<i64>(&[2, 3]);
    ok!(o, "pad_constant_per_axis", pad(&a, [(1, 2), (3, 0)], PadMode::constant([(-1, -2), (-3, -4)])));
    ok!(o, "pad_constant_axis_values", pad(&ar::<i16>(&[2, 2]), 1, PadMode::constant([[7], [9]])));
    ok!(o, "pad_width_per_axis_single", pad(&ar::<i64>(&[2, 2]), [[1], [2]], PadMode::constant(0)));
    ok!(o, "pad_width_one_pair", pad(&ar::<u8>(&[2, 2]), [(0, 2)], PadMode::constant(255)));
    ok!(o, "pad_constant_3d", pad(&ar::<f32>(&[2, 2, 2]), [(0, 1), (1, 0), (1, 1)], PadMode::constant(0.5)));
    ok!(o, "pad_constant_bool", pad(&array![[true, false]], 1, PadMode::constant(true)));
    let cv = array![c128(1.0, 1.0), c128(2.0, 0.0)];
    // Python's `-1j` is `-(0+1j)`, whose real part is -0.0.
    ok!(o, "pad_constant_c128", pad(&cv, (1, 2), PadMode::constant((c128(-0.0, -1.0), c128(3.0, 0.0)))));
    ok!(o, "pad_constant_empty", pad(&zeros::<f64>(&[0, 3]), 1, PadMode::constant(2.0)));
    ok!(o, "pad_0d", pad(&Array::from_elem_0d(5i64), 2, PadMode::constant(0)));
    ok!(o, "pad_0d_edge", pad(&Array::from_elem_0d(5i64), 2, PadMode::Edge));
    ok!(o, "pad_edge_2d", pad(&ar::<i32>(&[2, 3]), [(1, 2), (2, 1)], PadMode::Edge));
    ok!(o, "pad_edge_transposed", pad(&a.t(), 1, PadMode::Edge));
    let fa = a.to_owned_order(Order::F);
    let p = pad(&fa, 1, PadMode::constant(0)).unwrap();
    o.case("pad_fortran_flags").check_value(&Value::Bool(p.is_f_contiguous()));
    let ends = PadMode::linear_ramp([(0.0, 10.0), (-1.0, 5.0)]);
    ok!(o, "pad_ramp_2d", pad(&ar::<f64>(&[2, 3]), [(1, 2), (2, 3)], ends));
    ok!(o, "pad_ramp_2d_zero_step", pad(&array![[1.0, 2.0], [3.0, 5.0]], 2, PadMode::linear_ramp(3.0)));
    let f32s = array![0.1f32, 0.7];
    ok!(o, "pad_ramp_f32", pad(&f32s, (7, 5), PadMode::linear_ramp((1.25f32, -2.875))));
    let f32m = array![[0.1f32, 0.7], [0.3, 0.9]];
    let ends = PadMode::linear_ramp([(1.25f32, -2.875), (0.2, 5.5)]);
    ok!(o, "pad_ramp_f32_per_axis", pad(&f32m, [(1, 1), (3, 2)], ends));
    ok!(o, "pad_ramp_f64_thirds", pad(&array![1.0, 2.0], 7, PadMode::linear_ramp((0.1, 10.3))));
    let f16s = array![h(0.1), h(3.25)];
    ok!(o, "pad_ramp_f16", pad(&f16s, (7, 6), PadMode::linear_ramp((h(-1.0), h(7.5)))));
    let f16m = array![[h(0.1), h(3.25)]];
    let ends = PadMode::linear_ramp([(h(0.0), h(0.0)), (h(-1.0), h(7.5))]);
    ok!(o, "pad_ramp_f16_per_axis", pad(&f16m, [(0, 0), (7, 6)], ends));
    let c64s = array![c64(0.1, 0.3), c64(0.0, 2.0)];
    ok!(o, "pad_ramp_c64", pad(&c64s, (5, 3), PadMode::linear_ramp((c64(1.0, -1.0), c64(2.5, 0.0)))));
    let c64m = array![[c64(0.1, 0.3), c64(0.0, 2.0)]];
    let ends = PadMode::linear_ramp([(c64(0.0, 0.0), c64(0.0, 0.0)), (c64(1.0, -1.0), c64(2.5, 0.0))]);
    ok!(o, "pad_ramp_c64_per_axis", pad(&c64m, [(0, 0), (5, 3)], ends));
    let cr = array![c128(1.0, 2.0), c128(0.0, 3.0)];
    ok!(o, "pad_ramp_c128", pad(&cr, (3, 2), PadMode::linear_ramp((c128(2.0, -1.0), c128(-4.0, 0.5)))));
    ok!(o, "pad_ramp_int8", pad(&array![1i8, 2], 2, PadMode::linear_ramp(5)));
    ok!(o, "pad_ramp_uint8_down", pad(&array![200u8, 3], (4, 5), PadMode::linear_ramp((0, 250))));
    ok!(o, "pad_ramp_int64_neg", pad(&array![10i64, -10], (3, 7), PadMode::linear_ramp((-4, 4))));
    ok!(o, "pad_ramp_bool", pad(&array![true, false], 2, PadMode::linear_ramp(true)));
    let even = |k| PadMode::Reflect(k);
    ok!(o, "pad_reflect_wide", pad(&array![1i64, 2, 3], (7, 8), even(ReflectType::Even)));
    let fr = array![1.0, 2.5, 4.0, 3.0];
    ok!(o, "pad_reflect_wide_odd", pad(&fr, (9, 6), PadMode::Reflect(ReflectType::Odd)));
    ok!(o, "pad_reflect_2d", pad(&ar::<i64>(&[3, 3]), [(2, 4), (3, 1)], PadMode::Reflect(ReflectType::Even)));
    ok!(o, "pad_reflect_len1", pad(&array![[7i64], [8]], [(1, 0), (2, 3)], PadMode::Reflect(ReflectType::Even)));
    ok!(o, "pad_reflect_len2", pad(&array![1i64, 5], (5, 4), PadMode::Reflect(ReflectType::Even)));
    ok!(o, "pad_reflect_uint8_odd", pad(&array![1u8, 2], 2, PadMode::Reflect(ReflectType::Odd)));
    ok!(o, "pad_reflect_bool_odd", pad(&array![true, false], 2, PadMode::Reflect(ReflectType::Odd)));
    let hf = array![h(0.1), h(0.7), h(2.2)];
    ok!(o, "pad_reflect_f16_odd", pad(&hf, 4, PadMode::Reflect(ReflectType::Odd)));
    let cc = array![c64(1.0, 1.0), c64(2.0, -1.0), c64(-0.0, -1.0)]; // -1j
    ok!(o, "pad_reflect_c64_odd", pad(&cc, (3, 3), PadMode::Reflect(ReflectType::Odd)));
    ok!(o, "pad_symmetric_wide", pad(&array![1i64, 2, 3], (8, 7), PadMode::Symmetric(ReflectType::Even)));
    ok!(o, "pad_symmetric_wide_odd", pad(&array![1i64, 2, 4], (8, 7), PadMode::Symmetric(ReflectType::Odd)));
    let s3 = ar::<i16>(&[2, 3, 2]);
    ok!(o, "pad_symmetric_3d", pad(&s3, [(1, 2), (4, 0), (3, 3)], PadMode::Symmetric(ReflectType::Even)));
    ok!(o, "pad_wrap_wide", pad(&array![1i64, 2, 3], (7, 8), PadMode::Wrap));
    ok!(o, "pad_wrap_2d", pad(&ar::<u64>(&[2, 3]), [(3, 1), (4, 5)], PadMode::Wrap));
    let w = ar::<i64>(&[4, 5]);
    ok!(o, "pad_wrap_noncontig", pad(&w.slice(s![..;2, ..;-2]), [(1, 2), (2, 1)], PadMode::Wrap));
    ok!(o, "pad_empty_other_axis", pad(&zeros::<f64>(&[0, 3]), [(0, 0), (1, 1)], PadMode::Edge));
    fails!(o, "pad_err_empty_axis", pad(&zeros::<f64>(&[0, 3]), 1, PadMode::Edge));
    fails!(o, "pad_err_negative", pad(&ar::<i64>(&[3]), -1, PadMode::constant(0)));
    fails!(o, "pad_err_negative_pair", pad(&ar::<i64>(&[3]), [(1, -2)], PadMode::constant(0)));
    fails!(o, "pad_err_broadcast", pad(&a, [(1, 2), (3, 4), (5, 6)], PadMode::constant(0)));
    fails!(o, "pad_err_broadcast_1d", pad(&a, [1, 2, 3], PadMode::constant(0)));
    fails!(o, "pad_err_broadcast_pairs", pad(&ar::<i64>(&[3]), [(1, 2), (3, 4)], PadMode::constant(0)));
    fails!(o, "pad_err_values_broadcast", pad(&a, 1, PadMode::constant([1, 2, 3])));
}

#[test]
fn insert_matches_numpy() {
    let o = cases();
    let m = array![[1i64, 1], [2, 2], [3, 3]];
    ok!(o, "insert_doc_flat", insert(&m, 1, &5i64, None));
    ok!(o, "insert_doc_axis1", insert(&m, 1, &5i64, 1));
    ok!(o, "insert_doc_list_col", insert(&m, [1], &array![[1i64], [2], [3]], 1));
    ok!(o, "insert_doc_scalar_col", insert(&m, 1, &[1i64, 2, 3], 1));
    let b = array![1i64, 1, 2, 2, 3, 3];
    ok!(o, "insert_doc_seq", insert(&b, [2, 2], &[5i64, 6], None));
    ok!(o, "insert_doc_slice", insert(&b, 2..4, &[5i64, 6], None));
    ok!(o, "insert_doc_float_values", insert(&array![1.0, 1.0, 2.0], [2, 2], &[7.13, 0.0], None));
    ok!(o, "insert_doc_axis_idx", insert(&ar::<i64>(&[2, 4]), [1, 3], &999i64, 1));
    let r5 = ar::<i64>(&[5]);
    ok!(o, "insert_dups_negative", insert(&r5, [0, 0, -1, 5], &[1i64, 2, 3, 4], None));
    let a = ar::<i64>(&[2, 3]);
    let rows = array![[1i64, 2, 3], [4, 5, 6]];
    ok!(o, "insert_rows_scalar", insert(&a, 1, &rows, 0));
    ok!(o, "insert_rows_list", insert(&a, [1, 1], &rows, 0));
    ok!(o, "insert_mask", insert(&r5, [false, true, false, true, false], &[8i64, 9], None));
    ok!(o, "insert_mask_one", insert(&r5, [false, true], &7i64, None));
    ok!(o, "insert_empty_list", insert(&r5, Vec::<isize>::new(), &3i64, None));
    ok!(o, "insert_0d", insert(&Array::from_elem_0d(5i64), 0, &1i64, None));
    ok!(o, "insert_end", insert(&ar::<f64>(&[4]), 4, &-1.0, None));
    let f = ar::<f32>(&[3, 4]);
    ok!(o, "insert_noncontig", insert(&f.t(), 2, &[9.0f32, 8.0, 7.0, 6.0], 1));
    fails!(o, "insert_err_values_noncontig", insert(&f.t(), 2, &[9.0f32, 8.0, 7.0], 1));
    let ones = Array::<i64>::ones(&[1, 1, 2]).unwrap();
    ok!(o, "insert_leading_ones", insert(&a, [1, 2], &ones, 1));
    fails!(o, "insert_err_index", insert(&r5, 6, &9i64, None));
    fails!(o, "insert_err_index_list", insert(&r5, [6], &9i64, None));
    fails!(o, "insert_err_index_many", insert(&r5, [1, 9], &9i64, None));
    let mut mask = vec![false; 8];
    mask.push(true);
    fails!(o, "insert_err_index_mask", insert(&r5, mask, &7i64, None));
    fails!(o, "insert_err_values_many", insert(&r5, [1, 2], &[7i64, 8, 9], None));
    fails!(o, "insert_err_values_empty", insert(&r5, Vec::<isize>::new(), &[1i64, 2], None));
    fails!(o, "insert_err_values_one", insert(&a, 1, &[7i64, 8, 9], 1));
    fails!(o, "insert_err_values_one_extra", insert(&a, 1, &ones, 1));
    fails!(o, "insert_err_collision_1d", insert(&r5, [-9, 2], &[7i64, 8], None));
    fails!(o, "insert_err_collision_2d", insert(&a, [-6, 1], &[7i64, 8], 1));
    fails!(o, "insert_err_negative_many", insert(&a, [-9, 2], &[7i64, 8], 1));
    fails!(o, "insert_err_axis", insert(&r5, 1, &1i64, 1));
}

#[test]
fn delete_and_trim_zeros_match_numpy() {
    let o = cases();
    let b = ar::<i64>(&[3, 4]);
    ok!(o, "delete_row", delete(&b, 1, 0));
    ok!(o, "delete_slice_cols", delete(&b, Positions::slice(None, None, 2), 1));
    ok!(o, "delete_list_flat", delete(&b, [1, 3, 5], None));
    ok!(o, "delete_negative", delete(&ar::<f64>(&[5]), -1, None));
    let r5 = ar::<i64>(&[5]);
    ok!(o, "delete_dups", delete(&r5, [-1, -1, 0], None));
    ok!(o, "delete_neg_step", delete(&r5, Positions::slice(None, None, -2), None));
    ok!(o, "delete_empty_slice", delete(&b, Positions::slice(Some(3), Some(1), 1), 1));
    ok!(o, "delete_mask", delete(&ar::<u8>(&[5]), [true, false, true, false, false], None));
    ok!(o, "delete_empty_list", delete(&r5, Vec::<isize>::new(), None));
    ok!(o, "delete_0d", delete(&Array::from_elem_0d(5i64), 0, None));
    ok!(o, "delete_3d_axis", delete(&ar::<C128>(&[2, 3, 4]), [0, 2], -1));
    ok!(o, "delete_noncontig", delete(&b.t(), 1, 1));
    fails!(o, "delete_err_index", delete(&r5, 5, None));
    fails!(o, "delete_err_index_neg", delete(&r5, -6, None));
    fails!(o, "delete_err_list_of_one", delete(&r5, [5], None));
    let a = ar::<i64>(&[2, 3]);
    fails!(o, "delete_err_list", delete(&a, [0, 7], 1));
    fails!(o, "delete_err_single_axis1", delete(&a, 7, 1));
    fails!(o, "delete_err_mask", delete(&r5, [true, false], None));
    fails!(o, "delete_err_axis", delete(&Array::from_elem_0d(5i64), 0, 0));

    let z = array![0i64, 0, 0, 1, 2, 3, 0, 2, 1, 0];
    ok!(o, "trim_fb", trim_zeros(&z, "fb", None));
    ok!(o, "trim_f", trim_zeros(&z, "f", None));
    ok!(o, "trim_b", trim_zeros(&z, "b", None));
    ok!(o, "trim_upper", trim_zeros(&z, "BF", None));
    ok!(o, "trim_all_zero", trim_zeros(&zeros::<f64>(&[4]), "fb", None));
    ok!(o, "trim_empty", trim_zeros(&zeros::<i32>(&[0]), "fb", None));
    ok!(o, "trim_float", trim_zeros(&array![0.0, -0.0, f64::NAN, 1.5, 0.0], "fb", None));
    ok!(o, "trim_bool", trim_zeros(&array![false, true, false, true, false], "b", None));
    let m = array![[0i64, 0, 0], [0, 1, 0], [0, 0, 2]];
    ok!(o, "trim_2d", trim_zeros(&m, "fb", None));
    ok!(o, "trim_2d_axis0", trim_zeros(&m, "fb", 0));
    ok!(o, "trim_2d_axis_neg", trim_zeros(&m, "f", -1));
    ok!(o, "trim_2d_all_zero_f", trim_zeros(&zeros::<f64>(&[2, 3]), "f", None));
    ok!(o, "trim_2d_axes_empty", trim_zeros(&zeros::<f64>(&[2, 2]), "fb", Vec::<isize>::new()));
    ok!(o, "trim_0d", trim_zeros(&Array::from_elem_0d(0i64), "fb", None));
    fails!(o, "trim_err_trim", trim_zeros(&array![0i64, 1, 0], "x", None));
    fails!(o, "trim_err_trim_quote", trim_zeros(&zeros::<f64>(&[3]), "f'b", None));
    fails!(o, "trim_err_axis", trim_zeros(&array![0i64, 1, 0], "f", 1));
    fails!(o, "trim_err_repeated", trim_zeros(&zeros::<f64>(&[2, 2]), "fb", [0, 0]));
}

#[test]
fn stride_tricks_match_numpy() {
    let o = cases();
    ok!(o, "swv_seed_7", sliding_window_view(&array![1i64, 2, 3, 4, 5, 6, 7], 3, None));
    // Seed: a rolling mean over windows of 3 (each row sum is exact, so is the quotient).
    let v = ar::<i64>(&[6]);
    let w = sliding_window_view(&v, 3, None).unwrap();
    let means: Vec<f64> = w.outer_iter().map(|row| row.iter().sum::<i64>() as f64 / 3.0).collect();
    o.case("swv_seed_mean").check(&Array::from_vec(means));
    ok!(o, "swv_2d", sliding_window_view(&ar::<i64>(&[3, 4]), [2, 2], None));
    ok!(o, "swv_axis1", sliding_window_view(&ar::<f32>(&[3, 4]), 3, 1));
    ok!(o, "swv_axis_repeated", sliding_window_view(&v, [2, 2], [0, 0]));
    let c = ar::<i64>(&[2, 3, 4]);
    ok!(o, "swv_axis_neg", sliding_window_view(&c, [3, 2], [-1, 0]));
    fails!(o, "swv_err_axis_neg_large", sliding_window_view(&c, [2, 3], [-1, 0]));
    ok!(o, "swv_window0", sliding_window_view(&ar::<i64>(&[3]), 0, None));
    let ten = ar::<i64>(&[10]);
    ok!(o, "swv_noncontig", sliding_window_view(&ten.slice(s![..;-2]), 2, None));
    fails!(o, "swv_err_negative", sliding_window_view(&v, -1, None));
    fails!(o, "swv_err_large", sliding_window_view(&v, 7, None));
    fails!(o, "swv_err_none_len", sliding_window_view(&v, [2, 2], None));
    fails!(o, "swv_err_axis_len", sliding_window_view(&v, [2, 2], 0));
    fails!(o, "swv_err_axis", sliding_window_view(&v, 2, 1));

    let x = ar::<i32>(&[6]);
    // SAFETY: the largest offset is 3 * 4 + 2 * 4 = 20 bytes, the last element of `x`.
    ok!(o, "as_strided_rows", unsafe { as_strided(&x, Some(&[4, 3]), Some(&[4, 4])) });
    let y = ar::<f64>(&[3]);
    // SAFETY: the rows repeat `y` (zero stride); offsets reach at most 16 bytes.
    ok!(o, "as_strided_zero_stride", unsafe { as_strided(&y, Some(&[2, 3]), Some(&[0, 8])) });
    let r = ar::<i64>(&[6]);
    let rv = r.slice(s![..;-1]);
    // SAFETY: from the last element, steps of -16 bytes reach the elements 5, 3 and 1.
    ok!(o, "as_strided_reverse", unsafe { as_strided(&rv, Some(&[3]), Some(&[-16])) });
    // SAFETY: never reached; the lengths differ.
    let e = unsafe { as_strided(&x, Some(&[2, 2]), Some(&[4])) }.unwrap_err();
    assert_eq!(e.to_string(), "mismatch in length of strides and shape");
}

#[test]
fn views_share_memory() {
    let a = ar::<f64>(&[4, 6]);
    let shares = |v: &ArrayView<'_, f64>| shares_memory(&a, v, None).unwrap();
    for part in split(&a, 2, 1).unwrap() {
        assert!(shares(&part));
    }
    for part in array_split(&a, [1, 3], 0).unwrap() {
        assert!(shares(&part));
    }
    assert!(hsplit(&a, 3).unwrap().iter().all(shares));
    assert!(vsplit(&a, 2).unwrap().iter().all(shares));
    assert!(shares(&flip(&a, None).unwrap()));
    assert!(shares(&fliplr(&a).unwrap()));
    assert!(shares(&flipud(&a).unwrap()));
    assert!(shares(&rot90(&a, 1, [0, 1]).unwrap()));
    assert!(shares(&rot90(&a, 0, [0, 1]).unwrap()));
    assert!(shares(&trim_zeros(&a, "fb", None).unwrap()));
    assert!(shares(&sliding_window_view(&a, [2, 3], None).unwrap()));
    // SAFETY: two rows of the first four elements, inside `a`.
    assert!(shares(&unsafe { as_strided(&a, Some(&[2, 4]), Some(&[0, 8])) }.unwrap()));
    // Copies do not.
    let copies = [
        concatenate(&[&a, &a], 0).unwrap(),
        stack(&[&a], 0).unwrap(),
        tile(&a, 1).unwrap(),
        repeat(&a, 1, 0).unwrap(),
        roll(&a, 0, None).unwrap(),
        pad(&a, 0, PadMode::constant(0.0)).unwrap(),
        resize(&a, [4, 6]).unwrap(),
        delete(&a, Vec::<isize>::new(), 0).unwrap(),
        insert(&a, Vec::<isize>::new(), &0.0, 0).unwrap(),
        append(&a, &Array::<f64>::zeros(&[0, 6]).unwrap(), 0).unwrap(),
        block(&a).unwrap(),
    ];
    for c in &copies {
        assert!(!shares_memory(&a, c, None).unwrap());
        assert!(c.flags().owndata);
    }
    // sliding_window_view's windows overlap in memory.
    let v = ar::<i64>(&[5]);
    let w = sliding_window_view(&v, 2, None).unwrap();
    let (w0, w1) = (w.slice(s![0, ..]), w.slice(s![1, ..]));
    assert!(shares_memory(&w0, &w1, None).unwrap());
}

#[test]
fn large_inputs_take_the_bulk_paths() {
    // Large enough to cross the engine's threading threshold; values checked against
    // their definition.
    let n = 300_000usize;
    let a = Array::<i64>::arange(n);
    let b = concatenate(&[&a, &a], 0).unwrap();
    assert!(b.iter().enumerate().all(|(i, x)| x as usize == i % n));
    let t = tile(&array![1i64, 2, 3], 100_000).unwrap();
    assert!(t.iter().enumerate().all(|(i, x)| x as usize == i % 3 + 1));
    let r = repeat(&array![4i64, 5], 150_000, None).unwrap();
    assert!(r.iter().enumerate().all(|(i, x)| x == if i < 150_000 { 4 } else { 5 }));
    let m = a.into_shape(&[600, 500]).unwrap();
    let rolled = roll(&m.t(), [1, 2], [0, 1]).unwrap();
    assert_eq!(rolled.get(&[1, 2]).unwrap(), m.get(&[0, 0]).unwrap());
    assert_eq!(rolled.get(&[0, 0]).unwrap(), m.get(&[598, 499]).unwrap());
}

#[test]
fn absurd_sizes_fail_cleanly() {
    let a = array![1i64, 2];
    let big = isize::MAX;
    assert_eq!(tile(&a, big).unwrap_err(), Error::TooBig);
    assert_eq!(tile(&ar::<i64>(&[2, 2]), [big, big]).unwrap_err(), Error::TooBig);
    assert_eq!(repeat(&a, big, None).unwrap_err(), Error::TooBig);
    assert_eq!(resize(&a, [big, big]).unwrap_err(), Error::TooBig);
    assert_eq!(pad(&a, (big, big), PadMode::Edge).unwrap_err(), Error::TooBig);
    assert!(Array::<i64>::zeros(&[2]).unwrap().resize(big).is_err());
}
