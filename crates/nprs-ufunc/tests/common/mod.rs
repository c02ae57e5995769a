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
