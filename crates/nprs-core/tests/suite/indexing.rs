//! Advanced indexing against NumPy: index arrays, masks, take/put, nonzero, ix_ and the
//! along-axis routines, with NumPy's result shapes and error messages.

use nprs_core::prelude::*;
use nprs_core::{
    ClipMode, DynArray, ELLIPSIS, IndexArg, IndexArray, NEW_AXIS, argwhere, compress, extract, flatnonzero, idx, ix_,
    nonzero, put, put_along_axis, shares_memory, take, take_along_axis,
};
use nprs_testkit::{Case, Cases, oracle};

fn cases() -> Cases {
    oracle("core/indexing")
}

fn ar(n: usize) -> Array<i64> {
    Array::<i64>::arange(n)
}

fn shaped(n: usize, shape: &[isize]) -> Array<i64> {
    ar(n).into_shape(shape).unwrap()
}

/// `np.arange(24).reshape(2, 3, 4)`
fn a3() -> Array<i64> {
    shaped(24, &[2, 3, 4])
}

/// `np.arange(25).reshape(5, 5)`
fn b() -> Array<i64> {
    shaped(25, &[5, 5])
}

/// `np.arange(12).reshape(3, 4)`
fn a() -> Array<i64> {
    shaped(12, &[3, 4])
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
    let nprs_testkit::Value::List(items) = &c.result else { panic!("{}: expected a tuple", c.name) };
    assert_eq!(items.len(), arrays.len(), "{}: tuple length", c.name);
    for (i, x) in arrays.iter().enumerate() {
        c.check_item(i, x);
    }
}

fn mask_of<S: nprs_core::kernel::Data<Elem = i64>>(
    a: &ArrayBase<S>,
    f: impl Fn(i64) -> bool + Sync + Send,
) -> Array<bool> {
    nprs_core::kernel::map(a, f)
}

#[test]
fn integer_index_arrays() {
    let o = cases();
    o.case("int_array_1d").check(&ar(10).index(idx![array![7i64, -1, 0, 3]]).unwrap());
    o.case("int_array_repeat").check(&ar(10).select(vec![2, 2, 5]).unwrap());
    o.case("int_array_2d_index").check(&ar(10).index(idx![array![[1i64, 2], [3, -4]]]).unwrap());
    o.case("rows_2d").check(&a().index(idx![vec![0, 2]]).unwrap());
    o.case("rows_cols_pairs").check(&a().index(idx![array![0i64, 1, 2], array![1i64, 2, 3]]).unwrap());
    o.case("index_arrays_broadcast").check(&a().index(idx![array![[0i64], [2]], array![1i64, 3]]).unwrap());
    o.case("int_and_array").check(&a().index(idx![1, vec![3, 0, -1]]).unwrap());
    let f = Array::<f32>::arange(6);
    o.case("dtype_float32").check(&f.index(idx![vec![5, 0]]).unwrap());
    let c = nprs_core::kernel::map(&ar(4), |x| C128::new(x as f64, 1.0));
    o.case("dtype_complex").check(&c.index(idx![vec![3, 1]]).unwrap());
    let bools = array![true, false, true];
    o.case("dtype_bool").check(&bools.index(idx![vec![2usize, 1]]).unwrap());
}

#[test]
fn index_array_element_types() {
    let o = cases();
    o.case("index_uint64_wraps").check(&b().index(idx![array![u64::MAX]]).unwrap());
    o.case("index_int8_negative").check(&b().index(idx![array![-1i8]]).unwrap());
    o.case("index_uint8_2d").check(&ar(5).index(idx![array![[1u8, 2], [3, 4]]]).unwrap());
    o.case("index_int32").check(&b().index(idx![.., array![4i32, 0]]).unwrap());
    o.case("index_uint32").check(&b().index(idx![array![1u32, 3], 2]).unwrap());
    // isize and usize vectors and slices become int64 index arrays
    let i: Vec<isize> = vec![-1, 0];
    let u: &[usize] = &[4, 0];
    assert_eq!(ar(5).index(idx![i]).unwrap().to_vec(), vec![4, 0]);
    assert_eq!(ar(5).index(idx![u]).unwrap().to_vec(), vec![4, 0]);
    assert_eq!(IndexArray::from(vec![1usize]).dtype(), DType::Int64);
}

#[test]
fn basic_entries_only() {
    let o = cases();
    let x = a();
    let r = x.index(idx![1.., ..;-2]).unwrap();
    o.case("basic_only_copy").check(&r);
    assert!(!shares_memory(&r, &x, None).unwrap());
    o.case("zero_d_int_array_basic").check(&x.index(idx![Array::from_elem_0d(1i64)]).unwrap());
}

#[test]
fn mixed_slices_and_arrays() {
    let o = cases();
    let x = a3();
    o.case("mixed_slice_array_slice").check(&x.index(idx![.., vec![2, 0], 1..3]).unwrap());
    o.case("mixed_int_slice_array").check(&x.index(idx![0, .., vec![0, 1]]).unwrap());
    o.case("mixed_array_slice_int").check(&x.index(idx![vec![0], .., 0]).unwrap());
    o.case("mixed_slice_int_array").check(&x.index(idx![.., 0, vec![0, 1]]).unwrap());
    o.case("mixed_newaxis_separates").check(&x.index(idx![vec![0], NEW_AXIS, vec![0]]).unwrap());
    o.case("mixed_empty_ellipsis_separates").check(&x.index(idx![.., vec![0], ELLIPSIS, vec![0]]).unwrap());
    o.case("mixed_ellipsis_adjacent").check(&x.index(idx![ELLIPSIS, vec![0], vec![0]]).unwrap());
    o.case("mixed_broadcast_first").check(&x.index(idx![array![[0i64], [1]], .., vec![0, 1, 2]]).unwrap());
    o.case("mixed_broadcast_in_place").check(&x.index(idx![1.., array![[0i64], [1]], vec![0, 1, 2]]).unwrap());
    o.case("mixed_ellipsis_2d_index").check(&x.index(idx![ELLIPSIS, array![[0i64], [1]]]).unwrap());
    o.case("mixed_negative_steps").check(&x.index(idx![..;-1, vec![2, 0], ..;-2]).unwrap());
    o.case("mixed_newaxis_kept").check(&x.index(idx![vec![0], .., .., NEW_AXIS]).unwrap());
    o.case("mixed_zero_d_int_array").check(&x.index(idx![Array::from_elem_0d(1i64), .., vec![0, 1]]).unwrap());
    let big = shaped(24, &[4, 6]);
    let v = big.slice(s![..;2, ..;-1]);
    o.case("mixed_strided_source").check(&v.index(idx![vec![1, 0], 2..5]).unwrap());
    let f = a().to_owned_order(Order::F);
    assert!(f.is_f_contiguous() && !f.is_c_contiguous());
    o.case("fortran_source").check(&f.index(idx![vec![2, 0], 1..]).unwrap());
}

#[test]
fn masks_mixed_with_other_entries() {
    let o = cases();
    let x = a3();
    o.case("mask_then_array").check(&b().index(idx![array![true, false, true, false, true], vec![1, 2, 3]]).unwrap());
    let m2 = array![[true, false, true], [false, true, false]];
    o.case("mask_2d_then_slice").check(&x.index(idx![&m2, 1..3]).unwrap());
    o.case("slice_then_mask").check(&x.index(idx![.., array![true, false, true]]).unwrap());
    let m34 = mask_of(&a(), |v| v % 3 == 0);
    o.case("slice_then_mask_2d").check(&x.index(idx![.., &m34]).unwrap());
    o.case("array_then_mask").check(&x.index(idx![vec![1, 0], array![false, true, true]]).unwrap());
    o.case("zero_d_true").check(&x.index(idx![Array::from_elem_0d(true)]).unwrap());
    o.case("zero_d_false").check(&x.index(idx![false]).unwrap());
    o.case("zero_d_with_array").check(&x.index(idx![vec![0, 1], true]).unwrap());
    o.case("zero_d_separated").check(&x.index(idx![true, .., vec![0, 1]]).unwrap());
    o.case("zero_d_on_0d_array").check(&Array::from_elem_0d(5i64).index(idx![true]).unwrap());
}

#[test]
fn empty_selections() {
    let o = cases();
    o.case("empty_index").check(&b().index(idx![Vec::<i64>::new()]).unwrap());
    o.case("empty_index_slice").check(&b().index(idx![Vec::<i64>::new(), 1..3]).unwrap());
    let z = Array::<f64>::zeros(&[0, 3]).unwrap();
    o.case("empty_axis_columns").check(&z.index(idx![.., vec![0, 2]]).unwrap());
    o.case("empty_broadcast_skips_bounds").check(&b().index(idx![vec![10], Vec::<i64>::new()]).unwrap());
    o.case("empty_mask_all_false").check(&ar(5).mask_select(&Array::<bool>::zeros(&[5]).unwrap()).unwrap());
}

#[test]
fn indexing_errors() {
    let o = cases();
    let x = a3();
    check_err(o.case("err_out_of_bounds"), ar(5).index(idx![vec![10]]));
    check_err(o.case("err_out_of_bounds_negative"), x.index(idx![vec![1, -3]]));
    check_err(o.case("err_out_of_bounds_axis1"), x.index(idx![.., vec![1, -4]]));
    check_err(o.case("err_out_of_bounds_first_array"), b().index(idx![vec![0, 10], vec![10, 0]]));
    check_err(o.case("err_out_of_bounds_empty_axis"), Array::<f64>::zeros(&[0, 3]).unwrap().index(idx![vec![0]]));
    check_err(o.case("err_out_of_bounds_empty_rows"), Array::<f64>::zeros(&[2, 0]).unwrap().index(idx![vec![5]]));
    check_err(o.case("err_int_checked_first"), b().index(idx![vec![10], 10]));
    check_err(o.case("err_int_before_broadcast"), x.index(idx![5, vec![0, 1], vec![0, 1, 2]]));
    check_err(o.case("err_mask_mismatch"), ar(3).index(idx![array![true, false, true, false]]));
    check_err(o.case("err_mask_mismatch"), ar(3).mask_select(&array![true, false, true, false]));
    check_err(o.case("err_mask_mismatch_axis1"), b().index(idx![.., Array::<bool>::ones(&[4]).unwrap()]));
    check_err(o.case("err_mask_mismatch_2d"), x.index(idx![Array::<bool>::ones(&[2, 4]).unwrap()]));
    check_err(o.case("err_mask_mismatch_2d"), x.mask_select(&Array::<bool>::ones(&[2, 4]).unwrap()));
    check_err(o.case("err_mask_before_int"), b().index(idx![10, Array::<bool>::ones(&[4]).unwrap()]));
    check_err(o.case("err_too_many"), b().index(idx![0, 0, 0]));
    check_err(o.case("err_too_many_arrays"), b().index(idx![vec![0], vec![0], vec![0]]));
    check_err(o.case("err_too_many_mask"), b().index(idx![Array::<bool>::ones(&[5, 5]).unwrap(), 0]));
    check_err(o.case("err_too_many_0d"), Array::from_elem_0d(5i64).index(idx![vec![0]]));
    check_err(o.case("err_broadcast"), b().index(idx![vec![1, 2], vec![1, 2, 3]]));
    check_err(o.case("err_broadcast_three"), x.index(idx![vec![0, 1], vec![1, 2], vec![1, 2, 3]]));
    check_err(o.case("err_broadcast_with_int"), x.index(idx![0, vec![1, 2], vec![1, 2, 3]]));
    check_err(o.case("err_broadcast_mask"), x.index(idx![Array::<bool>::ones(&[2, 3]).unwrap(), vec![0, 1]]));
    check_err(o.case("err_broadcast_zero_d"), x.index(idx![true, vec![0, 1, 2], vec![0, 1]]));
    check_err(o.case("err_broadcast_before_bounds"), b().index(idx![vec![10, 2], vec![1, 2, 3]]));
    check_err(o.case("err_two_ellipses"), x.index(idx![ELLIPSIS, vec![0], ELLIPSIS]));
    check_err(o.case("err_zero_step"), b().index(idx![vec![0], ..;0]));
}

#[test]
fn fancy_assignment() {
    let o = cases();
    let mut x = ar(10);
    x.index_assign(idx![vec![1, 1, 1]], &array![5i64, 6, 7]).unwrap();
    o.case("assign_repeat_last_wins").check(&x);

    let mut x = a();
    x.index_assign(idx![vec![2, 0, 2]], &array![[1i64, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]]).unwrap();
    o.case("assign_rows").check(&x);

    let mut x = a();
    x.index_assign(idx![vec![2, 0, 2], vec![1, 1, 1]], &array![5i64, 6, 7]).unwrap();
    o.case("assign_pairs_repeat").check(&x);

    let mut x = a3();
    x.index_assign(idx![0, .., vec![0, 1]], &shaped(6, &[2, 3])).unwrap();
    o.case("assign_transposed").check(&x);

    let mut x = Array::<f64>::zeros(&[3, 4]).unwrap();
    x.index_assign(idx![vec![0, 2]], &array![1.0, 2.0, 3.0, 4.0]).unwrap();
    o.case("assign_broadcast_row").check(&x);

    let mut x = ar(10);
    x.index_fill(idx![vec![0, -1]], -1).unwrap();
    o.case("assign_scalar").check(&x);

    let mut x = ar(10);
    x.index_assign(idx![vec![1, 2]], &array![[7i64, 8]]).unwrap();
    o.case("assign_leading_ones").check(&x);

    let mut x = ar(5);
    x.index_assign(idx![Vec::<i64>::new()], &Array::<i64>::zeros(&[3, 0]).unwrap()).unwrap();
    o.case("assign_empty_values_empty").check(&x);

    let mut x = Array::<i64>::zeros(&[2, 3]).unwrap();
    x.index_assign(idx![.., vec![0, 2]], &array![[1i64, 2], [3, 4]]).unwrap();
    o.case("assign_slice_columns").check(&x);

    let mut x = b();
    x.index_assign(idx![array![true, false, true, false, true], vec![1, 2, 3]], &array![-1i64, -2, -3]).unwrap();
    o.case("assign_mask_then_array").check(&x);

    let mut x = ar(5);
    x.index_fill(idx![true], 7).unwrap();
    o.case("assign_zero_d_true").check(&x);

    let mut x = Array::<f64>::zeros(&[2, 3]).unwrap();
    x.index_assign(idx![0..1, ..], &array![1.0, 2.0, 3.0]).unwrap();
    o.case("assign_basic_row").check(&x);
}

#[test]
fn mask_assignment() {
    let o = cases();
    let mut x = a();
    let m = mask_of(&x, |v| v > 5);
    x.mask_assign(&m, &(&ar(6) * 10i64)).unwrap();
    o.case("assign_mask_values").check(&x);

    let mut x = a();
    let m = mask_of(&x, |v| v > 5);
    x.mask_fill(&m, -1).unwrap();
    o.case("assign_mask_scalar").check(&x);
    let mut y = a();
    y.index_fill(idx![&m], -1).unwrap();
    o.case("assign_mask_scalar").check(&y);
    let mut y = a();
    y.mask_assign(&m, &Array::from_elem_0d(-1i64)).unwrap();
    o.case("assign_mask_scalar").check(&y);

    let mut x = shaped(6, &[2, 3]);
    x.mask_assign(&array![[true, false, true], [false, false, true]], &array![1i64]).unwrap();
    o.case("assign_mask_one_value").check(&x);

    let mut x = a();
    x.mask_assign(&array![true, false, true], &array![[1i64], [2]]).unwrap();
    o.case("assign_mask_rows_column").check(&x);

    let mut x = a();
    x.index_assign(idx![array![true, false, true]], &array![1i64, 2, 3, 4]).unwrap();
    o.case("assign_mask_rows_row").check(&x);

    let mut x = array![1.0, 2.0, f64::NAN, 4.0, 5.0, f64::NAN, 7.0];
    let nan = nprs_core::kernel::map(&x, f64::is_nan);
    x.mask_fill(&nan, 3.8).unwrap();
    o.case("assign_nan_mask").check(&x);
}

#[test]
fn assignment_errors() {
    let o = cases();
    check_err(o.case("err_assign_shape"), ar(10).index_assign(idx![vec![1, 2]], &array![1i64, 2, 3]));
    check_err(o.case("err_assign_rows"), a().index_assign(idx![vec![1, 2]], &array![1i64, 2, 3]));
    check_err(o.case("err_assign_transposed"), a3().index_assign(idx![0, .., vec![0, 1]], &shaped(6, &[3, 2])));
    check_err(
        o.case("err_assign_leading"),
        ar(5).index_assign(idx![vec![1, 2]], &Array::<i64>::zeros(&[2, 1, 2]).unwrap()),
    );
    check_err(
        o.case("err_assign_empty_result"),
        ar(5).index_assign(idx![Vec::<i64>::new()], &Array::<i64>::zeros(&[3, 2]).unwrap()),
    );
    let x = a();
    let m = mask_of(&x, |v| v > 5);
    check_err(o.case("err_assign_mask_count"), a().mask_assign(&m, &array![1i64, 2, 3]));
    check_err(o.case("err_assign_mask_count"), a().index_assign(idx![&m], &array![1i64, 2, 3]));
    check_err(o.case("err_assign_mask_ndim"), a().mask_assign(&m, &array![[1i64, 2, 3, 4, 5, 6]]));
    check_err(o.case("err_assign_mask_rows"), a().mask_assign(&array![true, false, true], &array![1i64, 2, 3]));
    check_err(
        o.case("err_assign_mask_none_true"),
        shaped(6, &[2, 3]).mask_assign(&Array::<bool>::zeros(&[2, 3]).unwrap(), &array![1i64, 2]),
    );
    check_err(
        o.case("err_assign_mask_mismatch"),
        shaped(6, &[2, 3]).mask_assign(&Array::<bool>::ones(&[3, 3]).unwrap(), &Array::from_elem_0d(4i64)),
    );
    check_err(
        o.case("err_assign_mask_mismatch"),
        shaped(6, &[2, 3]).mask_fill(&Array::<bool>::ones(&[3, 3]).unwrap(), 4),
    );
    let mut x = ar(5);
    check_err(o.case("err_assign_out_of_bounds"), x.index_fill(idx![vec![1, 7]], 3));
    o.case("assign_out_of_bounds_writes_nothing").check(&x);
    check_err(
        o.case("err_assign_basic"),
        Array::<f64>::zeros(&[2, 3]).unwrap().index_assign(idx![0..1, ..], &Array::<f64>::zeros(&[2, 2]).unwrap()),
    );
    check_err(
        o.case("err_assign_basic_ones_dropped"),
        Array::<f64>::zeros(&[2, 3]).unwrap().index_assign(idx![0..1, ..], &Array::<f64>::zeros(&[1, 2, 2]).unwrap()),
    );
}

#[test]
fn take_matches_numpy() {
    let o = cases();
    let t = array![[4i64, 3, 5], [7, 6, 8]];
    o.case("take_flat").check(&take(&t, vec![0, 1, 4], None, ClipMode::Raise).unwrap());
    o.case("take_axis1").check(&t.take(vec![2, 0], Some(1)).unwrap());
    o.case("take_axis1_2d_indices").check(&take(&a3(), array![[0i64, 2], [1, 1]], Some(1), ClipMode::Raise).unwrap());
    o.case("take_negative_axis").check(&a3().take(vec![3, -1], Some(-1)).unwrap());
    o.case("take_clip").check(&take(&b(), vec![-7, 30], None, ClipMode::Clip).unwrap());
    o.case("take_wrap").check(&take(&b(), vec![-7, 30], None, ClipMode::Wrap).unwrap());
    o.case("take_wrap_axis").check(&take(&a3(), vec![-4, 5], Some(1), ClipMode::Wrap).unwrap());
    o.case("take_clip_axis").check(&take(&a3(), vec![-4, 5], Some(2), ClipMode::Clip).unwrap());
    o.case("take_0d_index")
        .check(&take(&shaped(6, &[2, 3]), Array::from_elem_0d(2i64), Some(1), ClipMode::Raise).unwrap());
    o.case("take_0d_index_flat").check(&ar(5).take(Array::from_elem_0d(2i64), None).unwrap());
    let s6 = shaped(6, &[2, 3]);
    o.case("take_transposed_flat").check(&s6.t().take(vec![1, 4], None).unwrap());
    o.case("take_reversed_flat").check(&s6.slice(s![.., ..;-1]).take(vec![1, 4], None).unwrap());
    let z = Array::<f64>::zeros(&[0, 3]).unwrap();
    o.case("take_empty").check(&z.take(Vec::<i64>::new(), Some(0)).unwrap());
    o.case("take_empty_outer_skips_bounds")
        .check(&Array::<f64>::zeros(&[0, 2]).unwrap().take(vec![5], Some(1)).unwrap());
    o.case("take_float").check(&array![0.0, 0.25, 0.5, 0.75, 1.0].take(vec![4, 0, 2], None).unwrap());
    check_err(o.case("err_take_out_of_bounds"), b().take(vec![30], None));
    check_err(o.case("err_take_out_of_bounds_axis"), b().take(vec![30], Some(1)));
    check_err(o.case("err_take_empty_axis"), z.take(vec![0], None));
    check_err(
        o.case("err_take_empty_axis_clip"),
        take(&Array::<f64>::zeros(&[2, 0]).unwrap(), vec![0], Some(1), ClipMode::Clip),
    );
    check_err(o.case("err_take_axis"), b().take(vec![0], Some(2)));

    // The dynamic `take` answers the same cases as the typed one.
    let dz = DynArray::from(Array::<f64>::zeros(&[0, 3]).unwrap());
    o.case("take_empty").check(&dz.take(&[], Some(0)).unwrap().typed::<f64>().unwrap());
    o.case("take_empty_outer_skips_bounds").check(
        &DynArray::from(Array::<f64>::zeros(&[0, 2]).unwrap()).take(&[5], Some(1)).unwrap().typed::<f64>().unwrap(),
    );
    o.case("take_negative_axis").check(&DynArray::from(a3()).take(&[3, -1], Some(-1)).unwrap().typed::<i64>().unwrap());
    check_err(o.case("err_take_empty_axis"), dz.take(&[0], None));
    check_err(o.case("err_take_out_of_bounds_axis"), DynArray::from(b()).take(&[30], Some(1)));
    check_err(o.case("err_take_axis"), DynArray::from(b()).take(&[0], Some(2)));
}

#[test]
fn put_matches_numpy() {
    let o = cases();
    let mut x = ar(5);
    put(&mut x, vec![0, 2], &array![-44i64, -55], ClipMode::Raise).unwrap();
    o.case("put_basic").check(&x);
    let mut x = ar(5);
    put(&mut x, vec![22, -3], &array![-5i64, -6], ClipMode::Clip).unwrap();
    o.case("put_clip").check(&x);
    let mut x = ar(5);
    put(&mut x, vec![7, -1], &array![-5i64, -6], ClipMode::Wrap).unwrap();
    o.case("put_wrap").check(&x);
    let mut x = Array::<f64>::zeros(&[5]).unwrap();
    x.put(vec![0, 1, 2, 3, 4], &array![1.0, 2.0]).unwrap();
    o.case("put_cycle_values").check(&x);
    let mut x = Array::<f64>::zeros(&[3]).unwrap();
    x.put(vec![0, 1], &array![7.0, 8.0, 9.0]).unwrap();
    o.case("put_extra_values").check(&x);
    let mut x = Array::<f64>::zeros(&[3]).unwrap();
    x.put(vec![0, 0], &array![7.0, 8.0]).unwrap();
    o.case("put_repeat_last_wins").check(&x);
    let mut x = Array::<f64>::zeros(&[2, 3]).unwrap();
    x.put(array![[0i64], [4]], &array![[7.0, 8.0]]).unwrap();
    o.case("put_2d").check(&x);
    let mut x = Array::<f64>::zeros(&[3]).unwrap();
    x.put(vec![0, 1, 2], &Array::<f64>::zeros(&[0]).unwrap()).unwrap();
    o.case("put_empty_values").check(&x);
    let mut x = shaped(6, &[2, 3]).to_owned_order(Order::F);
    x.put(vec![1, 4], &array![10i64, 20]).unwrap();
    o.case("put_fortran").check(&x);
    let mut x = ar(5);
    x.put(vec![-1, -5], &array![50i64, 10]).unwrap();
    o.case("put_negative").check(&x);
    let mut x = Array::<f64>::zeros(&[3]).unwrap();
    check_err(o.case("err_put_out_of_bounds"), x.put(vec![0, 5], &array![1.0, 2.0]));
    // nprs checks every index before writing (NumPy would have written x[0] already).
    assert_eq!(x.to_vec(), vec![0.0; 3]);
    let mut e = Array::<f64>::zeros(&[0]).unwrap();
    check_err(o.case("err_put_empty_array"), e.put(vec![0], &array![1.0]));
    e.put(Vec::<i64>::new(), &array![1.0]).unwrap();
    o.case("put_empty_array_no_indices").check(&e);
}

#[test]
fn mask_select_matches_numpy() {
    let o = cases();
    let f = Array::<f64>::arange(10);
    o.case("mask_1d").check(&f.mask_select(&mask_of(&ar(10), |v| v % 3 == 0)).unwrap());
    let x = a3();
    let m = mask_of(&x, |v| v % 5 == 0);
    o.case("mask_full_3d").check(&x.mask_select(&m).unwrap());
    o.case("mask_full_3d").check(&x.index(idx![&m]).unwrap());
    o.case("mask_leading_rows").check(&b().mask_select(&array![true, false, true, false, true]).unwrap());
    o.case("mask_leading_2d").check(&x.mask_select(&array![[true, false, true], [false, true, false]]).unwrap());
    let big = shaped(24, &[4, 6]);
    let v = big.slice(s![..;2, ..;-1]);
    let vm = mask_of(&v, |e| e % 4 == 1);
    o.case("mask_strided").check(&v.mask_select(&vm).unwrap());
    let raw = array![true, false, false, true, true, false, true, true];
    let sm = raw.slice(s![..;-1]).slice_move(s![1..7]).unwrap();
    assert!(!sm.is_c_contiguous());
    o.case("mask_strided_mask").check(&ar(6).mask_select(&sm).unwrap());
}

#[test]
fn seed_examples() {
    let o = cases();
    let x = a();
    let m = mask_of(&x, |v| v > 5);
    o.case("seed_mask_select").check(&x.mask_select(&m).unwrap());
    let mut y = a();
    y.mask_fill(&m, -1).unwrap();
    o.case("seed_mask_assign").check(&y);

    let xf = Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap();
    let cols = xf.index(idx![.., array![true, true, true, true]]).unwrap();
    o.case("seed_feature_mask").check(&cols.index(idx![.., array![true, false, true, true]]).unwrap());

    let f = Array::<f64>::arange(10);
    let band = nprs_core::kernel::map(&f, |v| (2.0..5.0).contains(&v));
    o.case("seed_band_mask").check(&f.mask_select(&band).unwrap());

    let pts = Array::<f64>::arange(12).into_shape(&[6, 2]).unwrap();
    let labels = array![0i64, 1, 0, 2, 1, 0];
    o.case("seed_labels").check(&pts.mask_select(&mask_of(&labels, |l| l == 0)).unwrap());

    let d = array![1.0, 2.0, f64::NAN, 4.0, 5.0, f64::NAN, 7.0];
    o.case("seed_nan_select").check(&d.mask_select(&nprs_core::kernel::map(&d, |v| !v.is_nan())).unwrap());

    // fancy indexing returns a copy: writing to it leaves the original alone
    let orig = ar(10);
    let mut fancy = orig.select(vec![2, 3, 4]).unwrap();
    fancy.set(&[0], 999).unwrap();
    let c = o.case("seed_fancy_is_copy");
    c.check_item(0, &orig);
    c.check_item(1, &fancy);
    assert!(!nprs_core::may_share_memory(&orig, &fancy));

    check_list(o.case("seed_where_indices"), &nonzero(&mask_of(&array![1i64, -2, 3, -4, 5], |v| v > 0)).unwrap());
    check_list(o.case("seed_where_2d"), &nonzero(&mask_of(&shaped(9, &[3, 3]), |v| v > 4)).unwrap());
    let w = array![-3i64, -1, 0, 2, 5, -4, 7];
    let nz = nonzero(&mask_of(&w, |v| v > 0)).unwrap();
    let args: Vec<IndexArg> = nz.iter().map(IndexArg::from).collect();
    o.case("seed_where_index_back").check(&w.index(&args).unwrap());

    o.case("seed_rows_cols").check(&x.index(idx![array![0i64, 2], array![1i64, 3]]).unwrap());
    o.case("seed_rows_slice").check(&x.index(idx![vec![0, 2], ..]).unwrap());
    let ix = ix_(&[IndexArg::from(vec![0, 2]), IndexArg::from(vec![1, 3])]).unwrap();
    o.case("seed_ix").check(&x.index(&ix).unwrap());
    let chain = x.index(idx![vec![0, 1], ..]).unwrap().index(idx![.., vec![0, 1]]).unwrap();
    o.case("seed_copy_chain").check(&chain);
    assert!(!shares_memory(&x, &chain, None).unwrap());
    o.case("seed_matrix_pairs").check(&x.index(idx![array![0i64, 1, 2], array![1i64, 2, 3]]).unwrap());
}

#[test]
fn compress_and_extract() {
    let o = cases();
    let x = shaped(6, &[3, 2]);
    o.case("compress_axis0").check(&compress(&array![0i64, 1], &x, Some(0)).unwrap());
    o.case("compress_long_false").check(&compress(&array![false, true, false, false], &x, Some(0)).unwrap());
    o.case("compress_flat").check(&compress(&array![false, true], &x, None).unwrap());
    o.case("compress_axis1").check(&compress(&array![false, true], &x, Some(1)).unwrap());
    check_err(o.case("err_compress_long_true"), compress(&array![false, true, true, true], &x, Some(0)));
    check_err(o.case("err_compress_2d"), compress(&array![[false, true]], &x, None));
    check_err(o.case("err_compress_axis"), compress(&array![false, true], &x, Some(2)));
    let y = a();
    o.case("extract_2d").check(&extract(&mask_of(&y, |v| v % 3 == 0), &y).unwrap());
    o.case("extract_short_condition").check(&extract(&array![true, false, true], &x).unwrap());
    let long = array![true, false, true, true, false, true, true, false, true];
    check_err(o.case("err_extract_long_condition"), extract(&long, &x));
}

#[test]
fn nonzero_argwhere_flatnonzero() {
    let o = cases();
    check_list(o.case("nonzero_2d"), &nonzero(&array![[3i64, 0, 0], [0, 4, 0], [5, 6, 0]]).unwrap());
    check_list(o.case("nonzero_floats"), &nonzero(&array![0.0, -0.0, f64::NAN, 1.5, 0.0]).unwrap());
    let c = array![C128::new(0.0, 0.0), C128::new(0.0, 1.0), C128::new(0.0, 0.0), C128::new(2.0, 0.0)];
    check_list(o.case("nonzero_complex"), &nonzero(&c).unwrap());
    check_list(o.case("nonzero_3d_bool"), &nonzero(&mask_of(&a3(), |v| v % 7 == 0)).unwrap());
    let t = array![[0i64, 1, 2], [3, 0, 5]];
    check_list(o.case("nonzero_transposed"), &nonzero(&t.t()).unwrap());
    check_list(o.case("nonzero_empty"), &nonzero(&Array::<f64>::zeros(&[0, 3]).unwrap()).unwrap());
    check_err(o.case("err_nonzero_0d"), nonzero(&Array::from_elem_0d(3i64)));
    o.case("argwhere_2d").check(&argwhere(&mask_of(&shaped(6, &[2, 3]), |v| v > 1)));
    o.case("argwhere_0d_true").check(&argwhere(&Array::from_elem_0d(3i64)));
    o.case("argwhere_0d_false").check(&argwhere(&Array::from_elem_0d(0i64)));
    o.case("argwhere_empty").check(&argwhere(&Array::<f64>::zeros(&[0, 3]).unwrap()));
    o.case("flatnonzero_2d").check(&flatnonzero(&array![[0i64, 1], [2, 0]]));
    o.case("flatnonzero_0d").check(&flatnonzero(&Array::from_elem_0d(3i64)));
}

/// Checks `ix_` output entries (which keep their integer dtype) against a tuple case.
#[track_caller]
fn check_ix(c: &Case, ix: &[IndexArg<'_>]) {
    let nprs_testkit::Value::List(items) = &c.result else { panic!("{}: expected a tuple", c.name) };
    assert_eq!(items.len(), ix.len());
    for (i, arg) in ix.iter().enumerate() {
        match arg {
            IndexArg::Array(IndexArray::I64(x)) => c.check_item(i, x),
            IndexArg::Array(IndexArray::I32(x)) => c.check_item(i, x),
            IndexArg::Array(IndexArray::I8(x)) => c.check_item(i, x),
            other => panic!("unexpected ix_ entry {other:?}"),
        }
    }
}

#[test]
fn ix_matches_numpy() {
    let o = cases();
    let ix = ix_(&[IndexArg::from(vec![0i64, 1]), IndexArg::from(vec![2i64, 3])]).unwrap();
    check_ix(o.case("ix_two"), &ix);
    let ix = ix_(&[IndexArg::from(vec![true, false, true]), IndexArg::from(vec![2i64, 3])]).unwrap();
    check_ix(o.case("ix_bool"), &ix);
    let ix = ix_(&[IndexArg::from(array![1i8, 2]), IndexArg::from(array![true, false])]).unwrap();
    check_ix(o.case("ix_int8_and_mask"), &ix);
    let ix = ix_(&[IndexArg::from(vec![1, 0]), IndexArg::from(vec![2]), IndexArg::from(vec![3, 0, 1])]).unwrap();
    o.case("ix_three_select").check(&a3().index(&ix).unwrap());
    check_err(o.case("err_ix_2d"), ix_(&[IndexArg::from(array![[0i64]])]));
    check_err(o.case("err_ix_scalar"), ix_(&[IndexArg::from(3)]));
    assert!(ix_(&[]).unwrap().is_empty());
}

#[test]
fn take_along_axis_matches_numpy() {
    let o = cases();
    let r = array![[10i64, 30, 20], [60, 40, 50]];
    o.case("tala_axis1").check(&take_along_axis(&r, array![[0i64], [2]], Some(1)).unwrap());
    o.case("tala_broadcast").check(&take_along_axis(&r, array![[0i64, 1, 2, 2, 1]], Some(1)).unwrap());
    o.case("tala_axis0_3d").check(&take_along_axis(&a3(), array![[[1i64], [0], [1]]], Some(0)).unwrap());
    o.case("tala_argsort").check(&take_along_axis(&r, array![[0i64, 2, 1], [1, 2, 0]], Some(1)).unwrap());
    o.case("tala_none").check(&take_along_axis(&r, vec![0, 5], None).unwrap());
    o.case("tala_negative").check(&take_along_axis(&r, array![[0i64, -1]], Some(1)).unwrap());
    o.case("tala_negative_axis").check(&take_along_axis(&a3(), array![[[3i64, 0]]], Some(-1)).unwrap());
    check_err(o.case("err_tala_ndim"), take_along_axis(&r, vec![0, 1], Some(0)));
    check_err(o.case("err_tala_none_ndim"), take_along_axis(&r, array![[0i64, 5]], None));
    check_err(o.case("err_tala_out_of_bounds"), take_along_axis(&r, array![[0i64, 3]], Some(1)));
    check_err(o.case("err_tala_axis"), take_along_axis(&r, array![[0i64, 3]], Some(2)));
    check_err(o.case("err_tala_broadcast_axis0"), take_along_axis(&r, array![[0i64, 1], [1, 0]], Some(0)));
    check_err(o.case("err_tala_broadcast_axis1"), take_along_axis(&r, array![[0i64, 1], [0, 1], [0, 1]], Some(1)));
    check_err(o.case("err_tala_none_out_of_bounds"), take_along_axis(&r, vec![6], None));
}

#[test]
fn put_along_axis_matches_numpy() {
    let o = cases();
    let mut x = shaped(6, &[2, 3]);
    put_along_axis(&mut x, array![[0i64], [2]], &Array::from_elem_0d(99i64), Some(1)).unwrap();
    o.case("pala_scalar").check(&x);
    let mut x = shaped(6, &[2, 3]);
    put_along_axis(&mut x, array![[0i64, 1, 2]], &array![[7i64], [8]], Some(1)).unwrap();
    o.case("pala_rows").check(&x);
    let mut x = shaped(6, &[2, 3]);
    put_along_axis(&mut x, vec![0, 5], &array![7i64, 8], None).unwrap();
    o.case("pala_none").check(&x);
    // flat C-order positions, also for a Fortran-ordered array
    let mut x = shaped(6, &[2, 3]).to_owned_order(Order::F);
    put_along_axis(&mut x, vec![1, -2], &array![7i64, 8], None).unwrap();
    o.case("pala_none_c_order").check(&x);
    let mut x = shaped(6, &[2, 3]);
    check_err(o.case("err_pala_values"), put_along_axis(&mut x, array![[0i64], [2]], &array![[7i64, 8]], Some(1)));
    check_err(o.case("err_pala_none_values"), put_along_axis(&mut x, vec![0, 5], &array![7i64, 8, 9], None));
    check_err(
        o.case("err_pala_out_of_bounds"),
        put_along_axis(&mut x, array![[0i64], [5]], &Array::from_elem_0d(1i64), Some(1)),
    );
    check_err(o.case("err_pala_ndim"), put_along_axis(&mut x, vec![0], &Array::from_elem_0d(1i64), Some(1)));
    assert_eq!(x, shaped(6, &[2, 3]));
}

#[test]
fn selections_are_copies_and_assignment_writes_in_place() {
    let mut x = a3();
    let sel = x.index(idx![.., vec![2, 0], 1..3]).unwrap();
    assert!(!shares_memory(&x, &sel, None).unwrap());
    let m = x.mask_select(&mask_of(&x, |v| v % 2 == 0)).unwrap();
    assert!(!shares_memory(&x, &m, None).unwrap());
    let t = x.take(vec![1], Some(2)).unwrap();
    assert!(!shares_memory(&x, &t, None).unwrap());

    // assigning through a writable view changes the viewed array
    let before = x.as_ptr();
    {
        let mut v = x.slice_mut(s![1, .., ..]);
        v.index_fill(idx![vec![0, 2], vec![3, 0]], -7).unwrap();
    }
    assert_eq!(x.as_ptr(), before);
    assert_eq!(x.get(&[1, 0, 3]).unwrap(), -7);
    assert_eq!(x.get(&[1, 2, 0]).unwrap(), -7);
    assert_eq!(x.get(&[0, 0, 3]).unwrap(), 3);
    let mut col = x.slice_mut(s![.., 1, ..]);
    col.mask_fill(&array![[true, false, false, false], [false, false, false, true]], 100).unwrap();
    assert_eq!(x.get(&[0, 1, 0]).unwrap(), 100);
    assert_eq!(x.get(&[1, 1, 3]).unwrap(), 100);
    assert_eq!(x.get(&[1, 1, 2]).unwrap(), 18);
}

/// A plain reference for `a[mask]` over a 1-d array.
fn reference_mask(a: &[f64], m: &[bool]) -> Vec<f64> {
    a.iter().zip(m).filter(|(_, b)| **b).map(|(x, _)| *x).collect()
}

/// Large inputs take the parallel paths; they must agree with plain loops.
#[test]
fn large_inputs_match_plain_loops() {
    let n = 600_000usize;
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let data: Vec<f64> = (0..n).map(|i| i as f64 * 0.5).collect();
    let a = Array::from_vec(data.clone());
    let mask: Vec<bool> = (0..n).map(|_| next() % 3 == 0).collect();
    let m = Array::from_vec(mask.clone());
    assert_eq!(a.mask_select(&m).unwrap().to_vec(), reference_mask(&data, &mask));
    let idx: Vec<i64> = (0..n / 2).map(|_| (next() % (2 * n as u64)) as i64 - n as i64).collect();
    let want: Vec<f64> = idx.iter().map(|&i| data[if i < 0 { (i + n as i64) as usize } else { i as usize }]).collect();
    assert_eq!(a.take(idx.clone(), None).unwrap().to_vec(), want);
    assert_eq!(a.select(idx.clone()).unwrap().to_vec(), want);
    let pos = flatnonzero(&m).to_vec();
    let want_pos: Vec<i64> = mask.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i as i64).collect();
    assert_eq!(pos, want_pos);
    // masked assignment with values and with a scalar
    let count = want_pos.len();
    let mut b1 = a.clone();
    b1.mask_assign(&m, &Array::from_vec((0..count).map(|k| -(k as f64)).collect())).unwrap();
    let mut b2 = a.clone();
    b2.mask_fill(&m, -1.0).unwrap();
    let (v1, v2) = (b1.to_vec(), b2.to_vec());
    let mut k = 0;
    for i in 0..n {
        if mask[i] {
            assert_eq!(v1[i], -(k as f64));
            assert_eq!(v2[i], -1.0);
            k += 1;
        } else {
            assert_eq!(v1[i], data[i]);
            assert_eq!(v2[i], data[i]);
        }
    }
    // an out-of-range index deep in a large index array is found
    let mut bad = idx;
    bad[200_000] = n as i64;
    let e = a.take(bad, None).unwrap_err();
    assert_eq!(e.to_string(), format!("index {n} is out of bounds for axis 0 with size {n}"));
    // rows gathered in parallel from a 2-d array
    let w = Array::from_vec(data).into_shape(&[n as isize / 4, 4]).unwrap();
    let rows: Vec<i64> = (0..200_000).map(|_| (next() % (n as u64 / 4)) as i64).collect();
    let got = w.select(rows.clone()).unwrap();
    for (r, &i) in rows.iter().enumerate().step_by(997) {
        for c in 0..4 {
            assert_eq!(got.get(&[r as isize, c]).unwrap(), (i as f64 * 4.0 + c as f64) * 0.5);
        }
    }
}

#[test]
#[allow(clippy::redundant_clone)]
fn index_arg_conversions() {
    let v = vec![1i64, 2];
    let arr = array![0i64, 1];
    let view = arr.view();
    let args = [
        IndexArg::from(3),
        IndexArg::from(1..3),
        IndexArg::from(..),
        IndexArg::from(2..=3),
        IndexArg::from(NEW_AXIS),
        IndexArg::from(&v),
        IndexArg::from(&v[..]),
        IndexArg::from([0u16, 1]),
        IndexArg::from(view.clone()),
        IndexArg::from(arr.clone()),
        IndexArg::from(vec![true]),
        IndexArg::full(),
    ];
    assert!(matches!(args[0], IndexArg::Int(3)));
    assert!(matches!(args[1], IndexArg::Slice { start: Some(1), stop: Some(3), step: 1 }));
    assert!(matches!(args[3], IndexArg::Slice { start: Some(2), stop: Some(4), step: 1 }));
    assert!(matches!(args[4], IndexArg::NewAxis));
    assert!(args[5].is_advanced() && args[10].is_advanced() && !args[11].is_advanced());
    assert!(matches!(&args[7], IndexArg::Array(IndexArray::U16(_))));
    assert!(matches!(&args[10], IndexArg::Mask(_)));
    assert_eq!(format!("{:?}", args[0]), "Int(3)");
}
