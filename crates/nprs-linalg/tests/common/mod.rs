//! Shared helpers of the linalg tests: oracle arrays as typed nprs arrays.
#![allow(dead_code)]

use nprs_core::prelude::*;
use nprs_core::{DynArray, copy::Cast};
use nprs_testkit::{Case, Elems};

/// An element type an oracle array can be loaded as.
pub trait FromOracle: Element + Cast {
    fn from_elems(e: &Elems) -> Vec<Self>;
}

macro_rules! real {
    ($($t:ty),*) => {$(
        impl FromOracle for $t {
            fn from_elems(e: &Elems) -> Vec<Self> {
                match e {
                    Elems::Float(v) => v.iter().map(|&x| x as $t).collect(),
                    other => panic!("expected floats, found {other:?}"),
                }
            }
        }
    )*};
}
real!(f32, f64);

macro_rules! int {
    ($($t:ty),*) => {$(
        impl FromOracle for $t {
            fn from_elems(e: &Elems) -> Vec<Self> {
                match e {
                    Elems::Int(v) => v.iter().map(|&x| x as $t).collect(),
                    other => panic!("expected ints, found {other:?}"),
                }
            }
        }
    )*};
}
int!(i8, i32, i64, u8);

impl FromOracle for bool {
    fn from_elems(e: &Elems) -> Vec<Self> {
        match e {
            Elems::Bool(v) => v.clone(),
            other => panic!("expected bools, found {other:?}"),
        }
    }
}

impl FromOracle for C64 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        match e {
            Elems::Complex(v) => v.iter().map(|&(r, i)| C64::new(r as f32, i as f32)).collect(),
            other => panic!("expected complex, found {other:?}"),
        }
    }
}

impl FromOracle for C128 {
    fn from_elems(e: &Elems) -> Vec<Self> {
        match e {
            Elems::Complex(v) => v.iter().map(|&(r, i)| C128::new(r, i)).collect(),
            other => panic!("expected complex, found {other:?}"),
        }
    }
}

/// The case's recorded array as `Array<T>`.
pub fn load<T: FromOracle>(case: &Case) -> Array<T> {
    let a = case.array();
    Array::from_shape_vec(&a.shape, T::from_elems(&a.data)).unwrap()
}

/// A dynamic result as a typed array of `T`, for comparing with the oracle.
pub fn typed<T: Element>(d: DynArray) -> Array<T> {
    d.into_typed::<T>().unwrap()
}

/// The Frobenius norm of `a - b` over the Frobenius norm of `b` (0 when both are empty).
pub fn rel_diff(a: &[C128], b: &[C128]) -> f64 {
    assert_eq!(a.len(), b.len());
    let num: f64 = a.iter().zip(b).map(|(x, y)| (x - y).norm_sqr()).sum::<f64>().sqrt();
    let den: f64 = b.iter().map(num_complex::Complex::norm_sqr).sum::<f64>().sqrt();
    if den == 0.0 { num } else { num / den }
}

/// Elements widened to `C128`.
pub fn widen<T: Cast>(v: &[T]) -> Vec<C128> {
    v.iter().map(|&x| C128::new(x.to_f64(), x.imag_f64())).collect()
}

/// Row-major matrix product of stacks `(b, m, k) x (b, k, n)` in C128 (for property checks).
pub fn matmul_c(a: &[C128], b: &[C128], batch: usize, m: usize, k: usize, n: usize) -> Vec<C128> {
    let mut out = vec![C128::new(0.0, 0.0); batch * m * n];
    for s in 0..batch {
        for i in 0..m {
            for j in 0..n {
                let mut acc = C128::new(0.0, 0.0);
                for l in 0..k {
                    acc += a[s * m * k + i * k + l] * b[s * k * n + l * n + j];
                }
                out[s * m * n + i * n + j] = acc;
            }
        }
    }
    out
}
