//! The dtype examples of the seed material, checked against NumPy's answers.

use crate::common;

use common::{actual, check};
use nprs_core::dynarray::{BinaryOp, binary};
use nprs_core::{DType, Descr, DynArray, Scalar, finfo, iinfo};
use nprs_testkit::{Value, oracle};

fn dt(s: &str) -> Descr {
    Descr::parse(s).unwrap()
}

#[test]
fn seed_dtypes() {
    let o = oracle("dtypes/seeds");
    let ints = |v: &[i64]| v.iter().map(|&x| Scalar::from(x)).collect::<Vec<_>>();
    let a = DynArray::from_scalars(&[4], &dt("int"), &ints(&[1, 2, 3, 4])).unwrap();
    o.case("default_int_dtype").check_str(&a.dtype().to_string());
    let f = DynArray::from_scalars(&[3], &DType::Float32.into(), &ints(&[1, 2, 3])).unwrap();
    let shape = Value::List(f.shape().iter().map(|&d| Value::Int(d as i128)).collect());
    let strides = Value::List(f.strides().iter().map(|&d| Value::Int(d as i128)).collect());
    o.case("float32_attrs").check_value(&Value::List(vec![
        Value::Str(f.dtype().to_string()),
        shape,
        Value::Int(f.ndim() as i128),
        strides,
    ]));
    for (name, spec, vals) in [
        ("int8", "int8", vec![Scalar::from(1i64), 2i64.into(), 3i64.into()]),
        ("int16", "int16", ints(&[1, 2, 3])),
        ("int32", "int32", ints(&[1, 2, 3])),
        ("int64", "int64", ints(&[1, 2, 3])),
        ("float16", "float16", vec![1.0.into()]),
        ("float32", "float32", vec![1.0.into()]),
        ("float64", "float64", vec![1.0.into()]),
        ("bool_", "bool", vec![true.into(), false.into(), true.into()]),
    ] {
        let a = DynArray::from_scalars(&[vals.len()], &dt(spec), &vals).unwrap();
        o.case(&format!("q2_{name}")).check_actual(&actual(&a));
        o.case(&format!("q2_{name}_itemsize")).check_value(&Value::Int(a.itemsize() as i128));
    }
    o.case("q2_iinfo_int8").check_str(&iinfo(DType::Int8).unwrap().to_string());
    o.case("q2_finfo_float32").check_str(&finfo(DType::Float32).unwrap().to_string());
    let i32s = DynArray::from_scalars(&[3], &DType::Int32.into(), &ints(&[1, 2, 3])).unwrap();
    check(o.case("q2_astype_float32"), i32s.astype(&DType::Float32.into()));
    let h =
        |x: f64| DynArray::full(&[], &DType::Float16.into(), x).unwrap().astype(&dt("U")).unwrap().item(&[]).unwrap();
    // The value stored in a float16 array, then its str() (through astype('U')).
    let shown = |x: f64| match h(x) {
        Scalar::Str(s) => s,
        other => panic!("{other:?}"),
    };
    o.case("q2_float16_65504").check_str(&shown(65504.0));
    o.case("q2_float16_65600").check_str(&shown(65600.0));
    check(o.case("zeros_float32"), DynArray::zeros(&[3, 4], &DType::Float32.into()));
    let ar = DynArray::arange(12, &DType::Int32.into()).unwrap();
    o.case("arange_int32").check_value(&Value::List(vec![
        Value::Str(ar.dtype().to_string()),
        Value::Int(ar.itemsize() as i128),
        Value::Int(ar.nbytes() as i128),
    ]));
    o.case("nbytes_100_float64")
        .check_value(&Value::Int(DynArray::zeros(&[100], &DType::Float64.into()).unwrap().nbytes() as i128));
    let m = DynArray::from_scalars(&[2, 2], &DType::Float32.into(), &ints(&[1, 2, 3, 4])).unwrap();
    o.case("matrix_float32").check_actual(&actual(&m));
}

#[test]
fn seed_overflow_truncation_and_promotion() {
    let o = oracle("dtypes/seeds");
    let u8a = |v: &[i64]| {
        DynArray::from_scalars(
            &[v.len()],
            &DType::UInt8.into(),
            &v.iter().map(|&x| Scalar::from(x)).collect::<Vec<_>>(),
        )
        .unwrap()
    };
    check(o.case("uint8_wraparound"), binary(BinaryOp::Add, &u8a(&[250, 100]), &u8a(&[10, 200])));
    check(o.case("uint8_wraparound_sub"), binary(BinaryOp::Subtract, &u8a(&[3]), &u8a(&[5])));
    o.case("u5_truncation").check_actual(&actual(&DynArray::from_strs_width(&["Alexander", "Bo"], 5).unwrap()));
    let one = |spec: &str, v: Scalar| DynArray::from_scalars(&[1], &dt(spec), &[v]).unwrap();
    let p = |a: DynArray, b: DynArray| binary(BinaryOp::Add, &a, &b).unwrap().dtype().str();
    o.case("promotion_int_float").check_str(&p(one("i4", 1i64.into()), one("f4", 0.5.into())));
    o.case("promotion_int8_int16").check_str(&p(one("i1", 1i64.into()), one("i2", 1i64.into())));
    o.case("promotion_uint64_int64").check_str(&p(one("u8", 1i64.into()), one("i8", 1i64.into())));
    o.case("promotion_bool_bool").check_str(&p(one("?", true.into()), one("?", true.into())));
    o.case("promotion_float32_weak")
        .check_str(&binary(BinaryOp::Add, &one("f4", 1.0.into()), 2.5).unwrap().dtype().str());
    check(o.case("nan_to_int"), one("f8", f64::NAN.into()).astype(&DType::Int64.into()));
    let mut z = DynArray::zeros(&[2], &DType::Int64.into()).unwrap();
    check(o.case("nan_in_int_array"), z.set_item(&[0], f64::NAN).map(|()| z.clone()));
}

#[test]
fn seed_structured_record() {
    let o = oracle("dtypes/seeds");
    let d = dt("[('name', 'U10'), ('age', 'i4'), ('scores', 'f8', (3,)), ('flag', '?')]");
    let a = DynArray::from_records(
        &d,
        &[Scalar::from(("Ana", 31, vec![1.0, 2.0, 3.0], true)), Scalar::from(("Ben", 25, vec![4.5, 5.5, 6.5], false))],
    )
    .unwrap();
    let names = Value::List(a.field_names().unwrap().into_iter().map(|n| Value::Str(n.into())).collect());
    let c = o.case("structured_tolist");
    let Value::List(items) = &c.result else { panic!("a tuple") };
    c.assert_eq(&items[0], &names);
    let ages = actual(&a.field("age").unwrap());
    let want_ages = match &items[1] {
        Value::Array(x) => x.clone(),
        other => panic!("{other:?}"),
    };
    c.assert_eq(
        (want_ages.name.as_str(), &want_ages.shape, &want_ages.data),
        (ages.name.as_str(), &ages.shape, &ages.data),
    );
    let scores = a.field("scores").unwrap().to_typed::<f64>().unwrap();
    let v = scores.to_vec();
    let means: Vec<f64> = v.chunks(3).map(|r| r.iter().sum::<f64>() / 3.0).collect();
    let Value::Array(want_means) = &items[2] else { panic!("an array") };
    c.assert_eq(&want_means.data, &nprs_testkit::Elems::Float(means));
    c.assert_eq(&items[3], &Value::Str(a.to_string()));
}

#[test]
fn creation_and_take() {
    let d = dt("[('a', 'i4'), ('s', 'U2')]");
    let ones = DynArray::ones(&[2], &d).unwrap();
    assert_eq!(ones.to_scalars(), vec![Scalar::from((1, "1")), Scalar::from((1, "1"))]);
    let f = DynArray::full(&[2, 2], &dt("U3"), "abcd").unwrap();
    assert_eq!(f.item(&[1, 1]).unwrap(), Scalar::from("abc"));
    let e = DynArray::full(&[2], &dt("i1"), 300i64).unwrap_err();
    assert_eq!(e.to_string(), "Python integer 300 out of bounds for int8");
    let s = DynArray::from_strs(&["a", "bb", "ccc"]);
    let t = s.take(&[2, -3, 1], None).unwrap();
    assert_eq!(t.to_scalars(), vec![Scalar::from("ccc"), "a".into(), "bb".into()]);
    let g = DynArray::arange(6, &dt(">i2")).unwrap().into_shape(&[2, 3]).unwrap();
    assert_eq!(g.dtype().str(), ">i2");
    let cols = g.take(&[2, 0], Some(1)).unwrap();
    assert_eq!(cols.to_scalars(), vec![Scalar::from(2i64), 0i64.into(), 5i64.into(), 3i64.into()]);
    let err = s.take(&[3], None).unwrap_err();
    assert_eq!(err.to_string(), "index 3 is out of bounds for axis 0 with size 3");
}
