//! Oracle checks of structured (record) arrays: creation from rows, field views,
//! assignment, sorting by fields, printing.

use crate::common;

use common::{actual, check, value};
use nprs_core::dynarray::{CompareOp, compare};
use nprs_core::{DType, Descr, DescrKind, DynArray, DynBase, Scalar, dynarray::DynData};
use nprs_testkit::{Elems, OArray, Value, oracle};

fn seed_dtype() -> Descr {
    Descr::parse("[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]").unwrap()
}

fn people() -> DynArray {
    DynArray::from_records(
        &seed_dtype(),
        &[
            Scalar::from(("Alice", 25, vec![90.0, 85.5, 77.0])),
            Scalar::from(("Bob", 19, vec![60.0, 70.0, 80.0])),
            Scalar::from(("Carol", 31, vec![88.0, 92.25, 79.5])),
            Scalar::from(("Dan", 19, vec![55.0, 65.0, 75.0])),
        ],
    )
    .unwrap()
}

/// A record value as NumPy's `tolist()` records it: sub-array fields are arrays.
fn record_value(v: &Scalar, d: &Descr) -> Value {
    match (v, d.kind_of()) {
        (Scalar::Tuple(items), DescrKind::Record(r)) => {
            Value::List(items.iter().zip(r.fields()).map(|(x, f)| record_value(x, &f.descr)).collect())
        }
        (Scalar::List(items), DescrKind::SubArray(sa)) => {
            let flat: Vec<f64> = items.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect();
            Value::Array(OArray {
                dtype: sa.base.str(),
                name: sa.base.name(),
                shape: sa.shape.clone(),
                data: Elems::Float(flat),
            })
        }
        (other, _) => value(other),
    }
}

fn records_list<S: DynData>(a: &DynBase<S>) -> Value {
    Value::List(a.to_scalars().iter().map(|r| record_value(r, a.dtype())).collect())
}

#[test]
fn creation_and_field_views() {
    let o = oracle("dtypes/records");
    let a = people();
    o.case("tolist").check_value(&records_list(&a));
    o.case("itemsize").check_value(&Value::Int(a.itemsize() as i128));
    let age = a.field("age").unwrap();
    o.case("field_age").check_actual(&actual(&age));
    o.case("field_name").check_actual(&actual(&a.field("name").unwrap()));
    let scores = a.field("scores").unwrap();
    o.case("field_scores").check_actual(&actual(&scores));
    let strides: Vec<Value> = age.strides().iter().chain(scores.strides()).map(|&s| Value::Int(s as i128)).collect();
    o.case("field_strides").check_value(&Value::List(strides));
    // The int32 field is aligned (offset 40, stride 68 = 17 * 4): a typed view works;
    // the float64 field (offset 44) is not aligned for f64: a typed copy works.
    let tv = age.typed::<i32>().unwrap();
    assert_eq!(tv.strides(), vec![68]);
    assert_eq!(tv.to_vec(), vec![25, 19, 31, 19]);
    assert!(scores.typed::<f64>().is_err());
    assert_eq!(scores.to_typed::<f64>().unwrap().shape(), &[4, 3]);
    o.case("row").check_value(&record_value(&a.item(&[1]).unwrap(), a.dtype()));
    let e = a.field("height").unwrap_err();
    o.case("missing_field").check_error(e.numpy_kind(), &e.to_string());
    let plain = DynArray::zeros(&[3], &DType::Float64.into()).unwrap();
    assert!(plain.field("age").is_err());
}

#[test]
fn assignment_by_field_and_row() {
    let o = oracle("dtypes/records");
    let mut a = people();
    let plus = a.field("age").unwrap().try_add(1i64).unwrap();
    a.field_mut("age").unwrap().assign(&plus).unwrap();
    o.case("assign_field").check_value(&records_list(&a));
    let mut a = people();
    let src = DynArray::from(nprs_core::array![1.9f64, 2.1, -3.5, 40.0]);
    a.field_mut("age").unwrap().assign(&src).unwrap();
    o.case("assign_field_cast").check_actual(&actual(&a.field("age").unwrap()));
    let mut a = people();
    a.set_row(&[2], ("Zed", 99, vec![1i64, 2, 3])).unwrap();
    o.case("assign_row").check_value(&records_list(&a));
    let mut a = people();
    let e = a.set_row(&[2], ("Zed", 99)).unwrap_err();
    o.case("assign_row_wrong_len").check_error(e.numpy_kind(), &e.to_string());
    let mut b = DynArray::zeros(&[2], &Descr::parse("[('x', 'i4'), ('y', 'f8')]").unwrap()).unwrap();
    b.set_item(&[0], 5i64).unwrap();
    o.case("assign_scalar_all_fields").check_value(&records_list(&b));
    let mut a = people();
    a.field_mut("scores").unwrap().set_item(&[0, 1], -1.0).unwrap();
    o.case("view_writes_through").check_value(&record_value(&a.item(&[0]).unwrap(), a.dtype()));
}

#[test]
fn sorting_by_fields() {
    let o = oracle("dtypes/records");
    let a = people();
    o.case("argsort_age").check(&a.argsort_by_fields(&["age"]).unwrap());
    o.case("argsort_age_name").check(&a.argsort_by_fields(&["age", "name"]).unwrap());
    o.case("argsort_name").check(&a.argsort_by_fields(&["name"]).unwrap());
    o.case("sort_age").check_value(&records_list(&a.sort_by_fields(&["age"]).unwrap()));
    let e = a.sort_by_fields(&["height"]).unwrap_err();
    o.case("sort_unknown_field").check_error(e.numpy_kind(), &e.to_string());
    let e = DynArray::zeros(&[3], &DType::Float64.into()).unwrap().sort_by_fields(&["x"]).unwrap_err();
    o.case("sort_no_fields").check_error(e.numpy_kind(), &e.to_string());
    let n = DynArray::from_records(
        &Descr::parse("[('v', 'f8'), ('k', 'i4')]").unwrap(),
        &[(1.0, 1).into(), (f64::NAN, 2).into(), (0.5, 3).into(), (f64::NAN, 0).into()],
    )
    .unwrap();
    o.case("argsort_nan_field").check(&n.argsort_by_fields(&["v"]).unwrap());
}

#[test]
fn multi_field_views_and_equality() {
    let o = oracle("dtypes/records");
    let a = people();
    let m = a.fields(&["age", "name"]).unwrap();
    o.case("multi_field_dtype").check_str(&m.dtype().to_string());
    o.case("multi_field_list").check_value(&records_list(&m));
    let rev = a.try_slice(nprs_core::s![..;-1]).unwrap();
    check(o.case("eq_rows"), compare(CompareOp::Equal, &a, &rev));
    check(o.case("eq_self"), compare(CompareOp::Equal, &a, &a));
    assert!(a == a.clone());
}

#[test]
fn record_casts() {
    let o = oracle("dtypes/records");
    let d = |s: &str| Descr::parse(s).unwrap();
    let r = DynArray::from_records(&d("[('a', 'i4'), ('b', 'f8')]"), &[(1, 2.5).into()]).unwrap();
    o.case("astype_reorder").check_value(&records_list(&r.astype(&d("[('x', 'f8'), ('y', 'i4')]")).unwrap()));
    let f = DynArray::from(nprs_core::array![1.5f64, 2.0]);
    o.case("astype_from_scalar").check_value(&records_list(&f.astype(&d("[('a', 'i4'), ('b', 'f8')]")).unwrap()));
    let one = DynArray::from_records(&d("[('a', 'i4')]"), &[Scalar::Tuple(vec![1i64.into()])]).unwrap();
    check(o.case("astype_one_field"), one.astype(&d("f8")));
    check(o.case("astype_two_fields"), r.astype(&d("f8")));
    let be = DynArray::from_records(&d("[('a', '>i4'), ('b', '<i2')]"), &[(1, 2).into()]).unwrap();
    let fa = be.field("a").unwrap();
    assert_eq!(fa.dtype().str(), ">i4");
    o.case("big_endian_field").check_actual(&actual(&fa));
}

#[test]
fn printing_matches_numpy() {
    let o = oracle("dtypes/records");
    let a = people();
    o.case("str").check_str(&a.to_string());
    o.case("repr").check_str(&format!("{a:?}"));
    let d = |s: &str| Descr::parse(s).unwrap();
    let ints =
        DynArray::from_records(&d("[('a', 'i4'), ('b', '?')]"), &[(1, true).into(), (100, false).into()]).unwrap();
    o.case("repr_ints").check_str(&format!("{ints:?}"));
    let one = DynArray::from_records(
        &d("[('a', 'i8')]"),
        &[Scalar::Tuple(vec![1i64.into()]), Scalar::Tuple(vec![22i64.into()])],
    )
    .unwrap();
    o.case("str_one_field").check_str(&one.to_string());
    let fl =
        DynArray::from_records(&d("[('x', 'f8'), ('y', 'f4')]"), &[(1e-5, 1.5).into(), (1e10, 2.0).into()]).unwrap();
    o.case("repr_floats_exp").check_str(&format!("{fl:?}"));
    let nan = DynArray::from_records(
        &d("[('x', 'f8'), ('y', 'f8')]"),
        &[(f64::NAN, f64::NEG_INFINITY).into(), (1.5, 2.0).into()],
    )
    .unwrap();
    o.case("repr_nan").check_str(&format!("{nan:?}"));
    let by =
        DynArray::from_records(&d("[('k', 'S2'), ('v', 'u1')]"), &[(Scalar::Bytes(b"ab".to_vec()), 1).into()]).unwrap();
    o.case("repr_bytes_field").check_str(&format!("{by:?}"));
    let nested = DynArray::zeros(&[2], &d("[('pos', [('x', '<f4'), ('y', '<f4')]), ('id', '<u8')]")).unwrap();
    o.case("repr_nested").check_str(&format!("{nested:?}"));
    let z =
        DynArray::from_records(&d("[('a', 'i4'), ('b', 'f8')]"), &[(1, 2.5).into()]).unwrap().into_shape(()).unwrap();
    o.case("repr_0d_record").check_str(&format!("{z:?}"));
    o.case("str_0d_record").check_str(&z.to_string());
    let g = DynArray::zeros(&[2, 2], &d("[('a', 'i1')]")).unwrap();
    o.case("repr_2d_records").check_str(&format!("{g:?}"));
    let cx = DynArray::from_records(
        &d("[('c', 'c16'), ('i', 'i4')]"),
        &[(Scalar::Complex(1.0, 2.0), 1).into(), (Scalar::Complex(0.5, -1.0), 2).into()],
    )
    .unwrap();
    o.case("repr_complex_field").check_str(&format!("{cx:?}"));
    let f4 = DynArray::from_records(
        &d("[('x', 'f4')]"),
        &[Scalar::Tuple(vec![1.5.into()]), Scalar::Tuple(vec![f64::NAN.into()])],
    )
    .unwrap();
    o.case("repr_f4_nan_field").check_str(&format!("{f4:?}"));
    o.case("repr_void").check_str(&format!("{:?}", DynArray::zeros(&[2], &d("V3")).unwrap()));
    let big = DynArray::from_records(&d("[('x', 'f8'), ('y', 'f8')]"), &[(1e20, 2.0).into()]).unwrap();
    o.case("repr_big_float_field").check_str(&format!("{big:?}"));
    let pr = DynArray::from_records(&d("[('x', 'f8'), ('y', 'f8')]"), &[(1.123_456_789_123, 2.0).into()]).unwrap();
    o.case("repr_precision_field").check_str(&format!("{pr:?}"));
    let al = Descr::record_aligned([("a", Descr::from(DType::Int8)), ("b", DType::Int32.into())]).unwrap();
    o.case("repr_aligned").check_str(&format!("{:?}", DynArray::zeros(&[2], &al).unwrap()));
}
