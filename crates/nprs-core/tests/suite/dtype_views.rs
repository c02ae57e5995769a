//! `view_as` / `view_dtype` (NumPy's `a.view(dtype)`) against NumPy, on typed and dynamic
//! arrays, and the layout methods both kinds of array share.

use crate::common;

use common::actual;
use nprs_core::prelude::*;
use nprs_core::{Descr, DynArray, DynView};
use nprs_testkit::{Cases, Value, oracle};

fn cases() -> Cases {
    oracle("core/dtype_views")
}

fn i32_3x4() -> Array<i32> {
    Array::<i32>::arange(12).into_shape(&[3, 4]).unwrap()
}

fn ints(v: &[isize]) -> Value {
    Value::List(v.iter().map(|&x| Value::Int(x as i128)).collect())
}

fn check_err(c: &Cases, name: &str, e: &Error) {
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

/// Checks a typed view and the same view taken through a dynamic array.
fn check_both<T: nprs_core::Cast>(c: &Cases, name: &str, typed: &ArrayView<'_, T>, dynamic: &DynView<'_>) {
    c.case(name).check(typed);
    c.case(name).check_actual(&actual(dynamic));
    assert_eq!(typed.strides(), dynamic.strides(), "{name}: one layout, one set of strides");
}

#[test]
fn same_itemsize_keeps_the_layout() {
    let c = cases();
    let f = array![[1.0f32, -2.0], [0.5, 4.0]];
    let d = DynArray::from(f.clone());
    check_both(&c, "f32_as_u32", &f.view_as::<u32>().unwrap(), &d.view_dtype(&DType::UInt32.into()).unwrap());
    let a = i32_3x4();
    let at = a.t();
    let v = at.view_as::<f32>().unwrap();
    c.case("i32_as_f32_T").check(&v);
    c.case("i32_as_f32_T_strides").check_value(&ints(v.strides()));
}

#[test]
fn larger_items_shrink_the_last_axis() {
    let c = cases();
    let a = i32_3x4();
    let d = DynArray::from(a.clone());
    let v = a.view_as::<i64>().unwrap();
    check_both(&c, "i32_as_i64", &v, &d.view_dtype(&DType::Int64.into()).unwrap());
    c.case("i32_as_i64_strides").check_value(&ints(v.strides()));
    let cols = a.slice(s![.., ..2]);
    let v = cols.view_as::<i64>().unwrap();
    c.case("i32_cols_as_i64").check(&v);
    c.case("i32_cols_as_i64_strides").check_value(&ints(v.strides()));
    c.case("i32_rows_as_i64").check(&a.slice(s![..;2]).view_as::<i64>().unwrap());
    let f = array![[1.0f32, -2.0], [0.5, 4.0]];
    c.case("f32_as_c64").check(&f.view_as::<C64>().unwrap());
    let first = a.slice(s![..1]);
    check_err(&c, "i32_col1_as_i64_T", &first.t().view_as::<i64>().unwrap_err());
}

#[test]
fn smaller_items_grow_the_last_axis() {
    let c = cases();
    let a = i32_3x4();
    let d = DynArray::from(a.clone());
    let v = a.view_as::<i16>().unwrap();
    check_both(&c, "i32_as_i16", &v, &d.view_dtype(&DType::Int16.into()).unwrap());
    c.case("i32_as_i16_strides").check_value(&ints(v.strides()));
    c.case("i32_as_u8").check(&a.view_as::<u8>().unwrap());
    let col = a.slice(s![.., 1..2]);
    let v = col.view_as::<i16>().unwrap();
    c.case("i32_col_as_i16").check(&v);
    c.case("i32_col_as_i16_strides").check_value(&ints(v.strides()));
}

#[test]
fn empty_arrays_rescale_without_contiguity() {
    let c = cases();
    let e = Array::<i32>::zeros(&[3, 0]).unwrap();
    c.case("empty_as_i64_shape").check_shape(e.view_as::<i64>().unwrap().shape());
    let e = Array::<i32>::zeros(&[0]).unwrap();
    c.case("empty1d_as_i64_shape").check_shape(e.view_as::<i64>().unwrap().shape());
}

#[test]
fn records_and_raw_bytes() {
    let c = cases();
    let b = DynArray::zeros(&[2, 6], &DType::Int8.into()).unwrap();
    let v = b.view_dtype(&Descr::void(3)).unwrap();
    c.case("i8_as_v3_shape").check_shape(v.shape());
    c.case("i8_as_v3_strides").check_value(&ints(v.strides()));
    let bytes = DynArray::from(Array::<i8>::arange(12).into_shape(&[2, 6]).unwrap());
    let rec = Descr::parse("[('a', 'i1'), ('b', '<i2'), ('c', 'V3')]").unwrap();
    let r = bytes.view_dtype(&rec).unwrap();
    c.case("i8_as_record").check_actual(&actual(&r.field("b").unwrap()));
    let sub = Descr::subarray(DType::Int16.into(), &[2]).unwrap();
    let w = DynArray::zeros(&[4], &DType::Int32.into()).unwrap();
    c.case("i32_as_subarray_shape").check_shape(w.view_dtype(&sub).unwrap().shape());
}

#[test]
fn numpys_errors() {
    let c = cases();
    let z = Array::from_elem_0d(5i32);
    check_err(&c, "err_0d", &z.view_as::<i64>().unwrap_err());
    check_err(&c, "err_0d", &DynArray::from(z).view_dtype(&DType::Int64.into()).unwrap_err());
    let a = i32_3x4();
    check_err(&c, "err_last_axis", &a.slice(s![.., ..;2]).view_as::<i64>().unwrap_err());
    check_err(&c, "err_transposed", &a.t().view_as::<i16>().unwrap_err());
    check_err(&c, "err_larger", &a.slice(s![.., ..3]).view_as::<i64>().unwrap_err());
    check_err(&c, "err_larger_1d", &Array::<i8>::zeros(&[3]).unwrap().view_as::<i64>().unwrap_err());
    check_err(&c, "err_length_one", &Array::<i16>::zeros(&[3, 1]).unwrap().view_as::<i32>().unwrap_err());
    let w = DynArray::zeros(&[4], &DType::Int32.into()).unwrap();
    check_err(&c, "err_smaller", &w.view_dtype(&Descr::void(3)).unwrap_err());
    let sub = Descr::subarray(DType::Int16.into(), &[3]).unwrap();
    check_err(&c, "err_subarray", &w.view_dtype(&sub).unwrap_err());
}

#[test]
fn typed_views_refuse_what_a_typed_array_cannot_hold() {
    // NumPy makes an unaligned array here; a typed view cannot, the dynamic one can.
    let b = Array::<u8>::arange(9);
    let odd = b.slice(s![1..]);
    assert!(odd.view_as::<u16>().is_err());
    assert_eq!(DynArray::from(b.clone()).slice(s![1..]).view_dtype(&DType::UInt16.into()).unwrap().shape(), &[4]);
    // Bytes other than 0 and 1 are no bools.
    assert!(Array::<u8>::arange(3).view_as::<bool>().is_err());
    assert_eq!(Array::<u8>::arange(2).view_as::<bool>().unwrap().to_vec(), vec![false, true]);
}

#[test]
fn dynamic_arrays_share_the_layout_methods() {
    let c = cases();
    let s = DynArray::from_strs(&["ab", "c", "def", "g", "hi", "j"]).into_shape(&[2, 3]).unwrap();
    c.case("str_moveaxis").check_actual(&actual(&s.moveaxis(&[0], &[-1]).unwrap()));
    let d = s.diagonal(1, 0, 1).unwrap();
    c.case("str_diagonal").check_actual(&actual(&d));
    c.case("str_diagonal_strides").check_value(&ints(d.strides()));
    c.case("str_flip").check_actual(&actual(&s.flip(1).unwrap()));
}

#[test]
fn typed_and_dynamic_convert_without_copying() {
    let a = i32_3x4();
    let t = a.t();
    let p = t.as_ptr().cast::<u8>();
    let d = DynView::from(t.clone());
    assert_eq!((d.as_ptr(), d.strides()), (p, t.strides()));
    let back = d.typed::<i32>().unwrap();
    assert_eq!((back.as_ptr().cast::<u8>(), back.strides()), (p, t.strides()));
    let owned_ptr = a.as_ptr().cast::<u8>();
    let dynamic = DynArray::from(a);
    assert_eq!(dynamic.as_ptr(), owned_ptr);
    assert_eq!(dynamic.into_typed::<i32>().unwrap().as_ptr().cast::<u8>(), owned_ptr);
}
