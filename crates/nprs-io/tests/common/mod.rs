//! Shared helpers: comparing loaded arrays with the NumPy oracle.
#![allow(dead_code)] // each test file uses a subset

use std::path::PathBuf;

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
