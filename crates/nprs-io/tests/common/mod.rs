//! Shared helpers: comparing loaded arrays with the NumPy oracle.
#![allow(dead_code)] // each test file uses a subset

use std::path::PathBuf;

use nprs_io::{AnyArray, RawArray};
use nprs_testkit::{Case, Elems};

/// The folder of NumPy-written files.
pub fn corpus() -> PathBuf {
    nprs_testkit::data_dir().join("io/npy")
}

/// A fresh empty folder under the system's temporary directory.
pub fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("nprs-io-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Checks a typed or raw array against the case's recorded array.
#[track_caller]
pub fn check_any(case: &Case, a: &AnyArray) {
    match a {
        AnyArray::Bool(x) => case.check(x),
        AnyArray::I8(x) => case.check(x),
        AnyArray::I16(x) => case.check(x),
        AnyArray::I32(x) => case.check(x),
        AnyArray::I64(x) => case.check(x),
        AnyArray::U8(x) => case.check(x),
        AnyArray::U16(x) => case.check(x),
        AnyArray::U32(x) => case.check(x),
        AnyArray::U64(x) => case.check(x),
        AnyArray::F16(x) => case.check(x),
        AnyArray::F32(x) => case.check(x),
        AnyArray::F64(x) => case.check(x),
        AnyArray::C64(x) => case.check(x),
        AnyArray::C128(x) => case.check(x),
        AnyArray::Dyn(d) => check_dyn(case, d),
        AnyArray::Raw(r) => check_raw(case, r),
        _ => panic!("{}: unexpected variant", case.name),
    }
}

/// Checks a raw array: its type string, shape and elements.
#[track_caller]
pub fn check_raw(case: &Case, r: &RawArray) {
    let want = case.array();
    let t = r.descr().as_type().unwrap_or_else(|| panic!("{}: not a plain type: {}", case.name, r.descr()));
    assert_eq!(t.to_str(), want.dtype, "{}: type string", case.name);
    assert_eq!(r.shape(), &want.shape[..], "{}: shape", case.name);
    match t.kind {
        'U' | 'S' => case.assert_eq(&want.data, &Elems::Str(r.to_strings().unwrap())),
        'M' | 'm' => {
            let got: Vec<i128> = r.to_i64().unwrap().into_iter().map(i128::from).collect();
            case.assert_eq(&want.data, &Elems::Int(got));
        }
        _ => {
            let any = numeric_from_raw(r);
            assert!(!any.is_raw(), "{}: {} should convert to a typed array", case.name, r.descr());
            check_any(case, &any);
        }
    }
}

/// A numeric raw array converted to its typed form.
pub fn numeric_from_raw(r: &RawArray) -> AnyArray {
    use nprs_core::DType;
    match r.descr().numeric() {
        Some(DType::Bool) => r.to_array::<bool>().unwrap().into(),
        Some(DType::Int8) => r.to_array::<i8>().unwrap().into(),
        Some(DType::Int16) => r.to_array::<i16>().unwrap().into(),
        Some(DType::Int32) => r.to_array::<i32>().unwrap().into(),
        Some(DType::Int64) => r.to_array::<i64>().unwrap().into(),
        Some(DType::UInt8) => r.to_array::<u8>().unwrap().into(),
        Some(DType::UInt16) => r.to_array::<u16>().unwrap().into(),
        Some(DType::UInt32) => r.to_array::<u32>().unwrap().into(),
        Some(DType::UInt64) => r.to_array::<u64>().unwrap().into(),
        Some(DType::Float16) => r.to_array::<nprs_core::f16>().unwrap().into(),
        Some(DType::Float32) => r.to_array::<f32>().unwrap().into(),
        Some(DType::Float64) => r.to_array::<f64>().unwrap().into(),
        Some(DType::Complex64) => r.to_array::<nprs_core::C64>().unwrap().into(),
        Some(DType::Complex128) => r.to_array::<nprs_core::C128>().unwrap().into(),
        _ => AnyArray::Raw(r.clone()),
    }
}

/// Checks a dynamic array against the case's recorded (non-structured) array: the dtype's
/// `str` and `name`, the shape and every element (strings as text, datetimes as counts).
#[track_caller]
pub fn check_dyn(case: &Case, a: &nprs_core::DynArray) {
    use nprs_core::{DType, Scalar};
    let want = case.array();
    assert_eq!(a.dtype().str(), want.dtype, "{}: dtype str", case.name);
    assert_eq!(a.dtype().name(), want.name, "{}: dtype name", case.name);
    assert_eq!(a.shape(), &want.shape[..], "{}: shape", case.name);
    macro_rules! typed {
        ($($d:ident => $t:ty),*) => {
            match a.dtype().numeric() {
                $(Some(DType::$d) => return case.check(&a.to_typed::<$t>().unwrap()),)*
                _ => {}
            }
        };
    }
    typed!(Bool => bool, Int8 => i8, Int16 => i16, Int32 => i32, Int64 => i64, UInt8 => u8, UInt16 => u16,
        UInt32 => u32, UInt64 => u64, Float16 => nprs_core::f16, Float32 => f32, Float64 => f64,
        Complex64 => nprs_core::C64, Complex128 => nprs_core::C128);
    let got = match a.dtype().kind() {
        'U' | 'S' => Elems::Str(
            a.to_scalars()
                .into_iter()
                .map(|s| match s {
                    Scalar::Str(s) => s,
                    Scalar::Bytes(b) => b.iter().map(|&c| char::from(c)).collect(),
                    other => panic!("{}: a string element read as {other:?}", case.name),
                })
                .collect(),
        ),
        'M' | 'm' => Elems::Int(
            a.to_scalars()
                .into_iter()
                .map(|s| match s {
                    Scalar::Int(i) => i,
                    other => panic!("{}: a datetime element read as {other:?}", case.name),
                })
                .collect(),
        ),
        k => panic!("{}: no element comparison for kind {k}", case.name),
    };
    case.assert_eq(&want.data, &got);
}
