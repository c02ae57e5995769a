//! Oracle checks of dynamic arrays: mixed-dtype arithmetic (NEP 50), comparisons, astype
//! between dtypes, setting items, joining.

use crate::common;

use common::{arr, check, floats, ints, strs};
use nprs_core::dynarray::{BinaryOp, CompareOp, binary, compare, concatenate, stack};
use nprs_core::{Casting, DType, Descr, DynArray, Scalar};
use nprs_testkit::oracle;

const NUM: [&str; 14] = ["?", "b", "B", "h", "H", "i", "I", "l", "L", "e", "f", "d", "F", "D"];
const OPS: [(&str, BinaryOp); 6] = [
    ("add", BinaryOp::Add),
    ("subtract", BinaryOp::Subtract),
    ("multiply", BinaryOp::Multiply),
    ("divide", BinaryOp::Divide),
    ("remainder", BinaryOp::Remainder),
    ("floor_divide", BinaryOp::FloorDivide),
];

#[test]
fn mixed_arithmetic_matches_numpy() {
    let o = oracle("dtypes/dynarray");
    let mut n = 0;
    for a in NUM {
        for b in NUM {
            let x = arr(a, &ints(&[1, 2, 3, 7]));
            let y = arr(b, &ints(&[3, 2, 1, 2]));
            for (name, op) in OPS {
                let key = format!("{name}_{a}_{b}");
                if o.with_prefix(&key).any(|c| c.name == key) {
                    check(o.case(&key), binary(op, &x, &y));
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 14 * 14 * 2 + 16 * 4);
    for t in ["b", "i", "l", "f", "d", "e"] {
        let x = arr(t, &ints(&[-7, 7, -7, 7]));
        let y = arr(t, &ints(&[2, -2, -2, 2]));
        check(o.case(&format!("remainder_neg_{t}")), binary(BinaryOp::Remainder, &x, &y));
        check(o.case(&format!("floor_divide_neg_{t}")), binary(BinaryOp::FloorDivide, &x, &y));
    }
    let z = arr("d", &floats(&[0.0, 0.0, 0.0]));
    check(o.case("divide_by_zero_f8"), binary(BinaryOp::Divide, &arr("d", &floats(&[1.0, -1.0, 0.0])), &z));
    let (p, q) = (arr("b", &ints(&[5, -5])), arr("b", &ints(&[0, 0])));
    check(o.case("int_divide_by_zero"), binary(BinaryOp::FloorDivide, &p, &q));
    check(o.case("int_remainder_by_zero"), binary(BinaryOp::Remainder, &p, &q));
}

#[test]
fn weak_scalars_follow_nep50() {
    let o = oracle("dtypes/dynarray");
    let c = |k: &str| o.case(&format!("weak_{k}"));
    check(c("int8_plus_1000"), binary(BinaryOp::Add, &arr("i1", &ints(&[1, 2])), 1000i64));
    check(c("uint8_plus_neg1"), binary(BinaryOp::Add, &arr("u1", &ints(&[1, 2])), -1i64));
    check(c("uint8_wrap"), binary(BinaryOp::Add, &arr("u1", &ints(&[250, 10])), 10i64));
    check(c("float32_plus_2_5"), binary(BinaryOp::Add, &arr("f4", &floats(&[1.0, 2.0])), 2.5));
    check(c("int8_plus_1_5"), binary(BinaryOp::Add, &arr("i1", &ints(&[1, 2])), 1.5));
    let bools = arr("?", &[true.into(), false.into()]);
    check(c("bool_plus_1"), binary(BinaryOp::Add, &bools, 1i64));
    check(c("bool_plus_true"), binary(BinaryOp::Add, &bools, true));
    check(c("int16_times_true"), binary(BinaryOp::Multiply, &arr("i2", &ints(&[3, 4])), true));
    check(c("float16_times_100000"), binary(BinaryOp::Multiply, &arr("e", &floats(&[1.0])), 100_000i64));
    check(c("float16_plus_65504"), binary(BinaryOp::Add, &arr("e", &floats(&[0.0, 32.0])), 65504i64));
    check(c("int64_plus_2_63"), binary(BinaryOp::Add, &arr("i8", &ints(&[1])), Scalar::Int(1 << 63)));
    check(c("uint64_plus_2_64"), binary(BinaryOp::Add, &arr("u8", &ints(&[1])), Scalar::Int(1 << 64)));
    check(c("uint64_plus_neg"), binary(BinaryOp::Subtract, &arr("u8", &ints(&[1])), 1i64));
    check(
        c("float32_times_1j"),
        binary(BinaryOp::Multiply, &arr("f4", &floats(&[1.0, 2.0])), Scalar::Complex(0.0, 1.0)),
    );
    check(c("int32_div_2"), binary(BinaryOp::Divide, &arr("i4", &ints(&[1, 2])), 2i64));
    check(c("scalar_left"), binary(BinaryOp::Subtract, 10i64, &arr("i1", &ints(&[1, 2]))));
    check(c("int8_rem_3"), binary(BinaryOp::Remainder, &arr("i1", &ints(&[-7, 7])), 3i64));
    check(c("bool_minus_bool"), binary(BinaryOp::Subtract, &arr("?", &[true.into()]), &arr("?", &[false.into()])));
    let j = arr("D", &[Scalar::Complex(0.0, 1.0)]);
    check(c("complex_remainder"), binary(BinaryOp::Remainder, &j, &j));
    let sa = DynArray::from_strs(&["a"]);
    check(c("str_plus_int"), binary(BinaryOp::Add, &sa, 1i64));
    check(c("int_plus_str"), binary(BinaryOp::Add, &arr("l", &ints(&[1])), &sa));
    check(c("str_minus_str"), binary(BinaryOp::Subtract, &sa, &DynArray::from_strs(&["b"])));
    check(c("str_plus_bytes"), binary(BinaryOp::Add, &sa, &DynArray::from_byte_strs(&[b"b"])));
    check(c("str_plus_str"), binary(BinaryOp::Add, &DynArray::from_strs(&["a", "bc"]), &DynArray::from_strs(&["xyz"])));
    check(
        c("bytes_plus_bytes"),
        binary(BinaryOp::Add, &DynArray::from_byte_strs(&[b"a"]), &DynArray::from_byte_strs(&[b"b"])),
    );
    let rec = DynArray::zeros(&[1], &Descr::parse("[('a', '<i4')]").unwrap()).unwrap();
    check(c("record_plus_int"), binary(BinaryOp::Add, &rec, 1i64));
    let m = DynArray::from(nprs_core::Array::<i16>::arange(6).into_shape(&[2, 3]).unwrap());
    check(c("broadcast_mixed"), binary(BinaryOp::Multiply, &m, &arr("f4", &floats(&[1.5, 2.5, 3.5]))));
    let z = DynArray::zeros(&[2, 3], &DType::Int8.into()).unwrap();
    check(c("broadcast_error"), binary(BinaryOp::Add, &z, &DynArray::zeros(&[2], &DType::Float64.into()).unwrap()));
    let tt = arr("?", &[true.into(), true.into()]);
    check(c("bool_remainder"), binary(BinaryOp::Remainder, &bools, &tt));
    check(c("bool_floor_divide"), binary(BinaryOp::FloorDivide, &bools, &tt));
    check(c("bool_divide"), binary(BinaryOp::Divide, &bools, &tt));
}

#[test]
fn operators_panic_with_numpy_message() {
    let a = arr("i1", &ints(&[1, 2]));
    let r = std::panic::catch_unwind(|| &a + 1000i64);
    let msg = r.unwrap_err().downcast::<String>().unwrap();
    assert_eq!(*msg, "Python integer 1000 out of bounds for int8");
    let b = &a + &arr("h", &ints(&[1, 1]));
    assert_eq!(b.dtype().name(), "int16");
    assert_eq!(b.typed::<i16>().unwrap().to_vec(), vec![2, 3]);
}

#[test]
fn comparisons_match_numpy() {
    let o = oracle("dtypes/dynarray");
    let c = |k: &str| o.case(&format!("cmp_{k}"));
    let u8a = arr("u1", &ints(&[1, 2]));
    check(c("uint8_eq_neg1"), compare(CompareOp::Equal, &u8a, -1i64));
    check(c("uint8_ne_neg1"), compare(CompareOp::NotEqual, &u8a, -1i64));
    check(c("uint8_lt_300"), compare(CompareOp::Less, &u8a, 300i64));
    check(c("uint8_gt_300"), compare(CompareOp::Greater, &u8a, 300i64));
    let i8a = arr("i1", &ints(&[1, -2]));
    check(c("int8_ge_neg200"), compare(CompareOp::GreaterEqual, &i8a, -200i64));
    check(c("neg200_lt_int8"), compare(CompareOp::Less, -200i64, &i8a));
    let n1 = arr("d", &floats(&[f64::NAN, 1.0]));
    check(c("nan_eq"), compare(CompareOp::Equal, &n1, &n1));
    check(c("nan_ne"), compare(CompareOp::NotEqual, &n1, &n1));
    check(c("nan_lt"), compare(CompareOp::Less, &n1, &arr("d", &floats(&[1.0, f64::NAN]))));
    let cx = |v: &[(f64, f64)]| arr("D", &v.iter().map(|&(r, i)| Scalar::Complex(r, i)).collect::<Vec<_>>());
    check(
        c("complex_lt"),
        compare(
            CompareOp::Less,
            &cx(&[(1.0, 2.0), (1.0, 3.0), (2.0, 0.0)]),
            &cx(&[(1.0, 3.0), (1.0, 2.0), (1.0, 5.0)]),
        ),
    );
    check(
        c("mixed_eq"),
        compare(CompareOp::Equal, &arr("i1", &ints(&[1, 2, 3])), &arr("f4", &floats(&[1.0, 2.5, 3.0]))),
    );
    check(c("int_lt_float"), compare(CompareOp::Less, &arr("l", &ints(&[1, 2])), 1.5));
    check(c("bool_eq_int"), compare(CompareOp::Equal, &arr("?", &[true.into(), false.into()]), 1i64));
    check(c("u8_i8_le"), compare(CompareOp::LessEqual, &arr("u1", &ints(&[200, 3])), &arr("i1", &ints(&[-1, 3]))));
    let s = DynArray::from_strs(&["a", "b"]);
    check(c("str_eq_int"), compare(CompareOp::Equal, &s, 1i64));
    check(c("str_lt_int"), compare(CompareOp::Less, &DynArray::from_strs(&["a"]), 1i64));
    check(
        c("str_eq_bytes"),
        compare(CompareOp::Equal, &DynArray::from_strs(&["a"]), &DynArray::from_byte_strs(&[b"a"])),
    );
}

fn sources() -> Vec<(&'static str, DynArray)> {
    let p63 = 9_223_372_036_854_775_808.0;
    vec![
        (
            "f8",
            arr(
                "d",
                &floats(&[
                    f64::NAN,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    1e20,
                    -1e20,
                    300.7,
                    -1.5,
                    2147483648.0,
                    -2147483649.0,
                    p63,
                    255.5,
                    -0.0,
                    65520.0,
                    1e-8,
                ]),
            ),
        ),
        (
            "f4",
            arr(
                "f",
                &floats(&[
                    f64::NAN,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    1e20,
                    -1e20,
                    300.7,
                    -1.5,
                    2147483648.0,
                    255.5,
                    -0.0,
                    65520.0,
                ]),
            ),
        ),
        ("f2", arr("e", &floats(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 65504.0, -300.5, 255.5, -1.5, 0.1]))),
        (
            "i8",
            arr(
                "l",
                &[
                    Scalar::Int(i128::from(i64::MIN)),
                    Scalar::Int(i128::from(i64::MAX)),
                    (-1i64).into(),
                    300i64.into(),
                    65537i64.into(),
                    ((1i64 << 53) + 1).into(),
                    ((1i64 << 24) + 1).into(),
                    2049i64.into(),
                ],
            ),
        ),
        (
            "u8",
            arr(
                "L",
                &[
                    Scalar::Int(i128::from(u64::MAX)),
                    Scalar::Int(1 << 63),
                    300i64.into(),
                    0i64.into(),
                    ((1i64 << 53) + 1).into(),
                ],
            ),
        ),
        ("i2", arr("h", &ints(&[-32768, 32767, -1, 300, 2049]))),
        ("b1", arr("?", &[true.into(), false.into()])),
        (
            "c16",
            arr(
                "D",
                &[
                    Scalar::Complex(1.5, 2.5),
                    Scalar::Complex(f64::NAN, 1.0),
                    Scalar::Complex(-3.7, 0.0),
                    Scalar::Complex(1e20, 0.0),
                ],
            ),
        ),
        ("c8", arr("F", &[Scalar::Complex(1.5, 2.5), Scalar::Complex(-3.7, -1.0)])),
    ]
}

#[test]
fn astype_between_numeric_dtypes_matches_numpy() {
    let o = oracle("dtypes/dynarray");
    for (name, src) in sources() {
        for t in NUM {
            check(o.case(&format!("astype_{name}_{t}")), src.astype(&Descr::parse(t).unwrap()));
        }
    }
}

#[test]
fn astype_with_strings_matches_numpy() {
    let o = oracle("dtypes/dynarray");
    let c = |k: &str| o.case(&format!("astype_str_{k}"));
    let d = |s: &str| Descr::parse(s).unwrap();
    check(
        c("f8_U"),
        arr("d", &floats(&[1.5, 1e20, f64::NAN, -0.0, 0.1, 1.0 / 3.0, 1e16, 1e15, 1e-5, 123456.789])).astype(&d("U")),
    );
    check(c("f4_U"), arr("f", &floats(&[0.1, 1e7, 1e6, 123456.0, 1e-4, 3.4028235e38])).astype(&d("U")));
    check(c("f2_U"), arr("e", &floats(&[0.1, 1000.0, 999.0, 65504.0, 1e-4, 6e-8])).astype(&d("U")));
    check(c("i8_U"), arr("l", &ints(&[1, -5, i64::MAX])).astype(&d("U")));
    check(c("u1_U"), arr("B", &ints(&[1, 255])).astype(&d("U")));
    check(c("i1_S"), arr("b", &ints(&[-128, 5])).astype(&d("S")));
    check(c("b1_U"), arr("?", &[true.into(), false.into()]).astype(&d("U")));
    let cx = [
        Scalar::Complex(1.0, 2.0),
        Scalar::Complex(1.5, 0.0),
        Scalar::Complex(0.0, 1.0),
        Scalar::Complex(-1.0, -1.0),
        Scalar::Complex(1e20, 1e-5),
    ];
    check(c("c16_U"), arr("D", &cx).astype(&d("U")));
    check(c("c8_U"), arr("F", &[Scalar::Complex(0.1, 0.2), Scalar::Complex(1e7, 0.0)]).astype(&d("U")));
    check(c("i8_U3"), arr("l", &ints(&[12345, 7])).astype(&d("U3")));
    check(c("f8_U2"), arr("d", &floats(&[1.5])).astype(&d("U2")));
    check(c("f2_S"), arr("e", &floats(&[1000.0])).astype(&d("S")));
    let u = |v: &[&str]| DynArray::from_strs(v);
    check(c("U_i1"), u(&["12", "-7", " 3 ", "+1_0"]).astype(&d("b")));
    check(c("U_i1_overflow"), u(&["300", "-1"]).astype(&d("b")));
    check(c("U_u1_overflow"), u(&["300"]).astype(&d("B")));
    check(c("U_i8_float_text"), u(&["1e5"]).astype(&d("l")));
    check(c("U_i8_hex"), u(&["0x10"]).astype(&d("l")));
    check(c("U_f2"), u(&["1.5", "inf", "-nan", "1e5"]).astype(&d("e")));
    check(c("U_f8"), u(&["1.5", " 2.25 ", "-1e-3", "1_000.5"]).astype(&d("d")));
    check(c("U_f8_bad"), u(&["abc"]).astype(&d("d")));
    check(c("U_b1"), u(&["", "a", "0", "False"]).astype(&d("?")));
    check(c("S_b1"), DynArray::from_byte_strs(&[b"".as_slice(), b"a"]).astype(&d("?")));
    check(c("U_c16"), u(&["1+2j", "3", "-2j", "(1-1j)"]).astype(&d("D")));
    check(c("S_f4"), DynArray::from_byte_strs(&[b"1.5".as_slice(), b"-2"]).astype(&d("f")));
    check(c("U_U3"), u(&["abcdef", "xy"]).astype(&d("U3")));
    check(c("U_S"), u(&["abc", "de"]).astype(&d("S")));
    check(c("S_U"), DynArray::from_byte_strs(&[b"abc".as_slice(), b"de"]).astype(&d("U")));
    check(c("U_S2"), u(&["abc"]).astype(&d("S2")));
    // UnicodeEncodeError / UnicodeDecodeError are ValueErrors: the message is NumPy's.
    let e = u(&["\u{e9}"]).astype(&d("S")).unwrap_err();
    c("U_S_nonascii").assert_eq(c("U_S_nonascii").error_message(), &*e.to_string());
    let e = DynArray::from_byte_strs(&[b"\xe9"]).astype(&d("U")).unwrap_err();
    c("S_U_nonascii").assert_eq(c("S_U_nonascii").error_message(), &*e.to_string());
}

#[test]
fn astype_casting_modes_and_byte_order() {
    let o = oracle("dtypes/dynarray");
    let a = arr("d", &floats(&[1.5]));
    check(o.case("astype_safe_error"), a.astype_casting(&DType::Int64.into(), Casting::Safe));
    check(o.case("astype_same_kind_ok"), a.astype_casting(&DType::Float32.into(), Casting::SameKind));
    let p = oracle("dtypes/promotion");
    check(p.case("cast_error_message"), a.astype_casting(&DType::Int64.into(), Casting::Safe));
    check(p.case("cast_error_same_kind"), a.astype_casting(&DType::Int64.into(), Casting::SameKind));
    check(p.case("cast_error_no"), arr("i4", &ints(&[1])).astype_casting(&DType::Int64.into(), Casting::No));
    let big = arr(">i4", &ints(&[1, 256, -2]));
    assert_eq!(big.dtype().str(), ">i4");
    check(o.case("astype_big_endian"), big.astype(&Descr::parse("<i8").unwrap()));
    let be = arr("i4", &ints(&[1, 256])).astype(&Descr::parse(">i4").unwrap()).unwrap();
    let bytes: Vec<nprs_testkit::Value> =
        be.to_bytes().into_iter().map(|b| nprs_testkit::Value::Int(i128::from(b))).collect();
    o.case("astype_to_big_endian_bytes").check_value(&nprs_testkit::Value::List(bytes));
    // Typed access refuses a byte-swapped array but copies it correctly.
    assert!(be.typed::<i32>().is_err());
    assert_eq!(be.to_typed::<i32>().unwrap().to_vec(), vec![1, 256]);
}

#[test]
fn datetime_unit_casts() {
    let o = oracle("dtypes/dynarray");
    let d = |s: &str| Descr::parse(s).unwrap();
    let secs = arr("M8[s]", &ints(&[0, 1, -1, 86399, -86401]));
    check(o.case("datetime_units"), secs.astype(&d("M8[D]")).and_then(|x| x.astype(&d("i8"))));
    let h = arr("m8[h]", &ints(&[1, -1, 3]));
    check(o.case("timedelta_units"), h.astype(&d("m8[s]")).and_then(|x| x.astype(&d("i8"))));
    let nat = arr("m8[s]", &[Scalar::Int(i128::from(i64::MIN)), 5i64.into()]);
    check(o.case("timedelta_nat"), nat.astype(&d("m8[ms]")).and_then(|x| x.astype(&d("i8"))));
}

#[test]
fn concatenate_and_stack_promote() {
    let o = oracle("dtypes/dynarray");
    let (a, b) = (arr("i", &ints(&[1, 2])), arr("d", &floats(&[0.5])));
    check(o.case("concat_i4_f8"), concatenate(&[a.view(), b.view()], 0));
    let (a, b) = (arr("B", &ints(&[200])), arr("b", &ints(&[-1])));
    check(o.case("concat_u1_i1"), concatenate(&[a.view(), b.view()], 0));
    let m = DynArray::from(nprs_core::Array::<i8>::arange(4).into_shape(&[2, 2]).unwrap());
    let ones = DynArray::from_scalars(&[2, 1], &DType::Float16.into(), &floats(&[1.0, 1.0])).unwrap();
    check(o.case("concat_2d_axis1"), concatenate(&[m.view(), ones.view()], 1));
    let (s1, s2) = (DynArray::from_strs(&["a"]), DynArray::from_strs(&["bcd"]));
    check(o.case("concat_str"), concatenate(&[s1.view(), s2.view()], 0));
    let z22 = DynArray::zeros(&[2, 2], &DType::Float64.into()).unwrap();
    let z2 = DynArray::zeros(&[2], &DType::Float64.into()).unwrap();
    let z33 = DynArray::zeros(&[3, 3], &DType::Float64.into()).unwrap();
    check(o.case("concat_dims_error"), concatenate(&[z22.view(), z2.view()], 0));
    check(o.case("concat_shape_error"), concatenate(&[z22.view(), z33.view()], 1));
    let (p, q) = (arr("b", &ints(&[1, 2])), arr("H", &ints(&[3, 4])));
    check(o.case("stack_axis1"), stack(&[p.view(), q.view()], 1));
    let z3 = DynArray::zeros(&[3], &DType::Float64.into()).unwrap();
    check(o.case("stack_shape_error"), stack(&[z2.view(), z3.view()], 0));
}

#[test]
fn setting_items_converts_as_numpy() {
    let o = oracle("dtypes/dynarray");
    let cases: Vec<(&str, &str, Scalar)> = vec![
        ("int8_1000", "i1", 1000i64.into()),
        ("int8_1000_0", "i1", 1000.0.into()),
        ("int8_1_5", "i1", 1.5.into()),
        ("int64_nan", "i8", f64::NAN.into()),
        ("int64_inf", "i8", f64::INFINITY.into()),
        ("int64_1e20", "i8", 1e20.into()),
        ("uint8_neg", "u1", (-1i64).into()),
        ("float64_complex", "f8", Scalar::Complex(1.0, 2.0)),
        ("float16_1e6", "f2", 1e6.into()),
        ("int8_str", "i1", "12".into()),
        ("int8_str_float", "i1", "1.5".into()),
        ("float64_str", "f8", "1.5".into()),
        ("float64_bad", "f8", "abc".into()),
        ("bool_str", "?", "abc".into()),
        ("U3_long", "U3", "abcdef".into()),
        ("S3_long", "S3", "abcdef".into()),
        ("U3_int", "U3", 12345i64.into()),
        ("U5_float", "U5", 1.5.into()),
        ("U5_bool", "U5", true.into()),
        ("int64_2_70", "i8", Scalar::Int(1 << 70)),
        ("uint64_2_64", "u8", Scalar::Int(1 << 64)),
        ("int16_40000", "i2", 40000i64.into()),
        ("complex64_str", "c8", "1+2j".into()),
    ];
    for (k, t, v) in cases {
        let mut a = DynArray::zeros(&[2], &Descr::parse(t).unwrap()).unwrap();
        let r = a.set_item(&[0], v).map(|()| a);
        check(o.case(&format!("setitem_{k}")), r);
    }
    let mut a = DynArray::zeros(&[2], &Descr::parse("S3").unwrap()).unwrap();
    let e = a.set_item(&[0], "\u{e9}").unwrap_err();
    let case = o.case("setitem_S3_nonascii");
    case.assert_eq(case.error_message(), &*e.to_string());
}

#[test]
fn typed_access_checks_the_dtype() {
    let a = arr("i4", &ints(&[1, 2, 3]));
    let e = a.typed::<f64>().unwrap_err();
    assert_eq!(e.numpy_kind(), "TypeError");
    assert_eq!(e.to_string(), "array of dtype int32 cannot be accessed as float64");
    assert!(a.to_typed::<i64>().is_err());
    assert_eq!(a.typed::<i32>().unwrap().to_vec(), vec![1, 2, 3]);
    let s = DynArray::from_strs(&["x"]);
    assert!(s.typed::<u8>().is_err());
    // Moving a typed array in and out does not copy.
    let t = nprs_core::Array::<f64>::arange(4);
    let p = t.as_ptr();
    let d = DynArray::from(t);
    let back = d.into_typed::<f64>().unwrap();
    assert_eq!(back.as_ptr(), p);
}

#[test]
fn views_reshape_and_transpose() {
    let a = DynArray::from(nprs_core::Array::<i32>::arange(12).into_shape(&[3, 4]).unwrap());
    let t = a.t();
    assert_eq!(t.shape(), &[4, 3]);
    assert_eq!(t.strides(), &[4, 16]);
    assert!(!t.is_c_contiguous() && t.is_f_contiguous());
    assert_eq!(t.to_typed::<i32>().unwrap().to_vec(), a.typed::<i32>().unwrap().t().to_vec());
    let s = a.try_slice(nprs_core::s![1.., ..;2]).unwrap();
    assert_eq!(s.to_typed::<i32>().unwrap().to_vec(), vec![4, 6, 8, 10]);
    let r = a.reshape(&[2, -1]).unwrap();
    assert!(r.is_view());
    assert_eq!(r.shape(), &[2, 6]);
    let rt = t.reshape(&[12]).unwrap();
    assert!(!rt.is_view());
    assert_eq!(rt.to_typed::<i32>().unwrap().to_vec(), vec![0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11]);
    assert_eq!(a.item(&[2, -1]).unwrap(), Scalar::Int(11));
    assert!(a.item(&[3, 0]).is_err());
    let e = a.expand_dims(&[0]).unwrap();
    assert_eq!(e.shape(), &[1, 3, 4]);
    assert_eq!(e.squeeze(None).unwrap().shape(), &[3, 4]);
    let p = a.permute_dims(&[1, 0]).unwrap();
    assert_eq!(p.shape(), &[4, 3]);
    assert_eq!(a.broadcast_to(&[2, 3, 4]).unwrap().strides(), &[0, 16, 4]);
    let strs = DynArray::from_strs(&["ab", "cd", "ef", "gh"]).into_shape(&[2, 2]).unwrap();
    assert_eq!(strs.t().to_scalars(), strs_list(&["ab", "ef", "cd", "gh"]));
}

fn strs_list(v: &[&str]) -> Vec<Scalar> {
    strs(v)
}

#[test]
fn bfloat16_casts_and_arithmetic() {
    let bf = Descr::bfloat16();
    let a = arr("d", &floats(&[1.0, 3.140625, -2.5, 1.0 / 3.0])).astype(&bf).unwrap();
    assert_eq!(a.dtype(), &bf);
    let back = a.astype(&DType::Float64.into()).unwrap();
    // 1/3 rounds to the nearest bfloat16 (8 significant bits).
    assert_eq!(back.typed::<f64>().unwrap().to_vec(), vec![1.0, 3.140625, -2.5, 0.333984375]);
    let s = binary(BinaryOp::Add, &a, &a).unwrap();
    assert_eq!(s.dtype(), &bf);
    assert_eq!(
        s.astype(&DType::Float32.into()).unwrap().typed::<f32>().unwrap().to_vec(),
        vec![2.0, 6.28125, -5.0, 0.66796875]
    );
    let w = binary(BinaryOp::Add, &a, &arr("f", &floats(&[0.0; 4]))).unwrap();
    assert_eq!(w.dtype().name(), "float32");
    assert_eq!(a.astype(&Descr::parse("U").unwrap()).unwrap().to_scalars()[1], Scalar::from("3.14"));
}

fn bytes_of(v: &nprs_testkit::Value) -> Vec<u8> {
    match v {
        nprs_testkit::Value::List(items) => items
            .iter()
            .map(|x| match x {
                nprs_testkit::Value::Int(b) => *b as u8,
                other => panic!("{other:?}"),
            })
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn raw_bytes_round_trip() {
    let o = oracle("dtypes/dynarray");
    let case = o.case("bytes_big_endian_f8");
    let big = DynArray::from(nprs_core::array![1.5, -2.0, 1e300]).astype(&Descr::parse(">f8").unwrap()).unwrap();
    case.check_with(bytes_of, big.to_bytes());
    let raw = bytes_of(&case.result);
    let a = DynArray::from_bytes(&raw, &Descr::parse(">f8").unwrap(), &[3]).unwrap();
    check(o.case("bytes_big_endian_f8_values"), a.astype(&Descr::parse("<f8").unwrap()));
    assert_eq!(a.to_bytes(), raw);
    let d = Descr::parse("[('s', '<U2'), ('i', '>i4'), ('f', '<f4')]").unwrap();
    let case = o.case("bytes_record");
    let raw = bytes_of(&case.result);
    let r = DynArray::from_bytes(&raw, &d, &[2]).unwrap();
    let rows: Vec<nprs_testkit::Value> = r.to_scalars().iter().map(common::value).collect();
    o.case("bytes_record_values").check_value(&nprs_testkit::Value::List(rows));
    case.check_with(bytes_of, r.to_bytes());
    let case = o.case("bytes_fortran");
    // The bytes in Fortran order are those of the transpose in C order.
    let c = DynArray::from(nprs_core::Array::<i16>::arange(6).into_shape(&[2, 3]).unwrap());
    case.check_with(bytes_of, c.t().to_bytes());
    let raw = bytes_of(&case.result);
    let f = DynArray::from_bytes_order(&raw, &Descr::parse("<i2").unwrap(), &[2, 3], nprs_core::Order::F).unwrap();
    assert!(f.is_f_contiguous());
    assert_eq!(f.to_typed::<i16>().unwrap().to_vec(), (0..6).collect::<Vec<i16>>());
    let e = DynArray::from_bytes(&raw[1..], &Descr::parse("<i2").unwrap(), &[2, 3]).unwrap_err();
    assert_eq!(e.numpy_kind(), "ValueError");
}
