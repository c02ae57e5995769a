//! Shared by the sorting tests: typed arrays rebuilt from recorded ones.
#![allow(dead_code)] // each test file uses a part

use nprs_core::prelude::*;
use nprs_core::{C64, C128};
use nprs_testkit::{Actual, Case, Cases, Elems};
use nprs_ufunc::SortElem;

/// Rebuilds a typed array from a recorded one.
pub trait FromOracle: SortElem + nprs_core::copy::Cast {
    /// The elements as `Self`.
    fn from_elems(e: &Elems) -> Vec<Self>;
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl FromOracle for $t {
            fn from_elems(e: &Elems) -> Vec<Self> {
                let Elems::Int(v) = e else { panic!("not ints") };
                v.iter().map(|&x| <$t>::try_from(x).unwrap()).collect()
            }
        }
    )*};
}
from_int!(i8, i16, i32, i64, u8, u16, u32, u64);

impl FromOracle for bool {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Bool(v) = e else { panic!("not bools") };
        v.clone()
    }
}
impl FromOracle for f16 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Float(v) = e else { panic!("not floats") };
        v.iter().map(|&x| f16::from_f64(x)).collect()
    }
}
impl FromOracle for f32 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Float(v) = e else { panic!("not floats") };
        v.iter().map(|&x| x as f32).collect()
    }
}
impl FromOracle for f64 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Float(v) = e else { panic!("not floats") };
        v.clone()
    }
}
impl FromOracle for C64 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Complex(v) = e else { panic!("not complex") };
        v.iter().map(|&(r, i)| C64::new(r as f32, i as f32)).collect()
    }
}
impl FromOracle for C128 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        let Elems::Complex(v) = e else { panic!("not complex") };
        v.iter().map(|&(r, i)| C128::new(r, i)).collect()
    }
}

pub fn load<T: FromOracle>(c: &Cases, name: &str) -> Array<T> {
    let a = c.case(name).array();
    Array::from_shape_vec(&a.shape, T::from_elems(&a.data)).unwrap()
}

/// Same dtype, shape and elements, treating `-0.0` and `0.0` as the same value (the order
/// of equal elements under NumPy's unstable default kind is unspecified) and NaNs as equal.
pub fn check_loose(case: &Case, got: &Actual) {
    let want = case.array();
    assert_eq!(want.name, got.name, "{}", case.name);
    assert_eq!(want.shape, got.shape, "{}", case.name);
    let feq = |a: f64, b: f64| a == b || (a.is_nan() && b.is_nan());
    let same = match (&want.data, &got.data) {
        (Elems::Float(w), Elems::Float(g)) => w.iter().zip(g).all(|(a, b)| feq(*a, *b)),
        (Elems::Complex(w), Elems::Complex(g)) => w.iter().zip(g).all(|(a, b)| feq(a.0, b.0) && feq(a.1, b.1)),
        (w, g) => w == g,
    };
    case.assert(same, "values differ from NumPy's");
}

/// Rebuilds a dynamic array of any non-record dtype from a recorded input case.
pub fn load_dyn(c: &Cases, name: &str) -> nprs_core::DynArray {
    oarray_dyn(c.case(name).array())
}

/// A dynamic array from a recorded array (numbers, strings, bytes, datetimes).
pub fn oarray_dyn(a: &nprs_testkit::OArray) -> nprs_core::DynArray {
    use nprs_core::{Descr, DynArray, Scalar};
    let descr = Descr::parse(&a.dtype).unwrap_or_else(|e| panic!("dtype {}: {e}", a.dtype));
    let bytes = descr.kind() == 'S';
    let vals: Vec<Scalar> = match &a.data {
        Elems::Bool(v) => v.iter().map(|&x| Scalar::Bool(x)).collect(),
        Elems::Int(v) => v.iter().map(|&x| Scalar::Int(x)).collect(),
        Elems::Float(v) => v.iter().map(|&x| Scalar::Float(x)).collect(),
        Elems::Complex(v) => v.iter().map(|&(r, i)| Scalar::Complex(r, i)).collect(),
        Elems::Str(v) if bytes => v.iter().map(|s| Scalar::Bytes(s.chars().map(|c| c as u8).collect())).collect(),
        Elems::Str(v) => v.iter().map(|s| Scalar::Str(s.clone())).collect(),
    };
    DynArray::from_scalars(&a.shape, &descr, &vals).unwrap()
}

/// A dynamic array in the oracle's terms (dtype name, shape, elements in C order).
pub fn dyn_actual<S: nprs_core::dynarray::DynData>(a: &nprs_core::DynBase<S>) -> Actual {
    use nprs_core::Scalar;
    let vals = a.to_scalars();
    let data = match a.dtype().kind() {
        'b' => Elems::Bool(vals.iter().map(|v| matches!(v, Scalar::Bool(true))).collect()),
        'i' | 'u' | 'M' | 'm' => Elems::Int(vals.iter().map(|v| if let Scalar::Int(i) = v { *i } else { 0 }).collect()),
        'f' => Elems::Float(vals.iter().map(|v| if let Scalar::Float(x) = v { *x } else { f64::NAN }).collect()),
        'c' => Elems::Complex(
            vals.iter().map(|v| if let Scalar::Complex(r, i) = v { (*r, *i) } else { (f64::NAN, f64::NAN) }).collect(),
        ),
        _ => Elems::Str(
            vals.iter()
                .map(|v| match v {
                    Scalar::Str(s) => s.clone(),
                    Scalar::Bytes(b) => b.iter().map(|&c| char::from(c)).collect(),
                    other => panic!("a string element read as {other:?}"),
                })
                .collect(),
        ),
    };
    Actual { name: a.dtype().name(), shape: a.shape().to_vec(), data }
}

/// Checks a dynamic result (array or error) against a case, the dtype's byte order too.
#[track_caller]
pub fn check_dyn(case: &Case, r: nprs_core::Result<nprs_core::DynArray>) {
    match r {
        Ok(a) => {
            let want = case.array();
            assert_eq!(a.dtype().str(), want.dtype, "{}: dtype", case.name);
            case.check_actual(&dyn_actual(&a));
        }
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

/// Checks an index result (or error) against a case.
#[track_caller]
pub fn check_idx(case: &Case, r: nprs_core::Result<Array<i64>>) {
    match r {
        Ok(a) => case.check(&a),
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

/// A recorded numeric array as a dynamic array of its dtype.
pub fn load_dyn_case(c: &Case) -> nprs_core::DynArray {
    use nprs_core::DynArray;
    let a = c.array();
    let v = |f: &dyn Fn(&Elems) -> DynArray| f(&a.data);
    let shape = a.shape.clone();
    macro_rules! mk {
        ($t:ty) => {
            v(&|e| DynArray::from(Array::from_shape_vec(&shape, <$t as FromOracle>::from_elems(e)).unwrap()))
        };
    }
    match a.name.as_str() {
        "bool" => mk!(bool),
        "int8" => mk!(i8),
        "int16" => mk!(i16),
        "int32" => mk!(i32),
        "int64" => mk!(i64),
        "uint8" => mk!(u8),
        "uint16" => mk!(u16),
        "uint32" => mk!(u32),
        "uint64" => mk!(u64),
        "float16" => mk!(f16),
        "float32" => mk!(f32),
        "float64" => mk!(f64),
        "complex64" => mk!(C64),
        "complex128" => mk!(C128),
        other => panic!("not a numeric dtype: {other}"),
    }
}

/// Compares a dynamic result (dtype, shape, every element within the case's bound) with
/// the case, or NumPy's exception with the error.
pub fn compare_dyn(case: &Case, got: nprs_core::Result<nprs_core::DynArray>) {
    let a = match got {
        Ok(a) => a,
        Err(e) => return case.check_error(e.numpy_kind(), &e.to_string()),
    };
    macro_rules! chk {
        ($t:ty) => {
            case.check(&a.typed::<$t>().unwrap())
        };
    }
    match a.dtype().numeric().expect("a numeric result") {
        DType::Bool => chk!(bool),
        DType::Int8 => chk!(i8),
        DType::Int16 => chk!(i16),
        DType::Int32 => chk!(i32),
        DType::Int64 => chk!(i64),
        DType::UInt8 => chk!(u8),
        DType::UInt16 => chk!(u16),
        DType::UInt32 => chk!(u32),
        DType::UInt64 => chk!(u64),
        DType::Float16 => chk!(f16),
        DType::Float32 => chk!(f32),
        DType::Float64 => chk!(f64),
        DType::Complex64 => chk!(C64),
        DType::Complex128 => chk!(C128),
        other => panic!("not a numeric dtype: {other:?}"),
    }
}

/// NumPy's numeric dtypes in its order, as the oracle groups name them.
pub const DTYPES: [&str; 14] = [
    "bool",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "float16",
    "float32",
    "float64",
    "complex64",
    "complex128",
];
