//! Helpers shared by the oracle tests.
#![allow(dead_code)] // each test file uses a subset

use nprs_core::Array;
use nprs_core::copy::Cast;
use nprs_testkit::{Case, Value};

/// FNV-1a (64-bit) over the elements' little-endian bytes, as the case files compute it.
pub fn fnv<T: Copy>(data: &[T], to_le: impl Fn(T) -> Vec<u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in data {
        for b in to_le(x) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

pub fn fnv_u64(data: &[u64]) -> u64 {
    fnv(data, |x| x.to_le_bytes().to_vec())
}

pub fn fnv_u32(data: &[u32]) -> u64 {
    fnv(data, |x| x.to_le_bytes().to_vec())
}

pub fn fnv_f64(data: &[f64]) -> u64 {
    fnv(data, |x| x.to_le_bytes().to_vec())
}

pub fn fnv_f32(data: &[f32]) -> u64 {
    fnv(data, |x| x.to_le_bytes().to_vec())
}

pub fn fnv_i64(data: &[i64]) -> u64 {
    fnv(data, |x| x.to_le_bytes().to_vec())
}

pub fn fnv_u8(data: &[u8]) -> u64 {
    fnv(data, |x| vec![x])
}

/// The recorded list items.
#[track_caller]
pub fn items(c: &Case) -> &[Value] {
    match &c.result {
        Value::List(v) => v,
        other => panic!("{}: expected a list, found {other:?}", c.name),
    }
}

/// A recorded Python int (or a NumPy integer scalar).
#[track_caller]
pub fn int(v: &Value) -> i128 {
    match v {
        Value::Int(i) => *i,
        Value::Scalar(a) => match &a.data {
            nprs_testkit::Elems::Int(x) => x[0],
            other => panic!("expected an int scalar, found {other:?}"),
        },
        other => panic!("expected an int, found {other:?}"),
    }
}

/// A recorded Python float.
#[track_caller]
pub fn float(v: &Value) -> f64 {
    match v {
        Value::Float(x) => *x,
        Value::Scalar(a) => match &a.data {
            nprs_testkit::Elems::Float(x) => x[0],
            other => panic!("expected a float scalar, found {other:?}"),
        },
        other => panic!("expected a float, found {other:?}"),
    }
}

/// The recorded list of ints.
#[track_caller]
pub fn ints(v: &Value) -> Vec<i128> {
    match v {
        Value::List(items) => items.iter().map(int).collect(),
        Value::Array(a) => match &a.data {
            nprs_testkit::Elems::Int(x) => x.clone(),
            other => panic!("expected ints, found {other:?}"),
        },
        other => panic!("expected a list of ints, found {other:?}"),
    }
}

/// Checks item `i` of a recorded list against an array.
#[track_caller]
pub fn check_item<T: Cast>(c: &Case, i: usize, a: &Array<T>) {
    c.check_item(i, a);
}

/// A recorded scalar (Python int/float or NumPy scalar) compared with an nprs value.
#[track_caller]
pub fn check_scalar<T: Cast>(c: &Case, x: T) {
    match &c.result {
        Value::Scalar(_) => c.check_actual(&nprs_testkit::actual_scalar(x)),
        Value::Int(i) => c.assert_eq(*i, i128::from(x.to_i64_wrapping())),
        Value::Float(f) => c.assert(x.to_f64().to_bits() == f.to_bits(), &format!("nprs {}, NumPy {f}", x.to_f64())),
        Value::Bool(b) => c.assert_eq(*b, x.to_bool()),
        other => panic!("{}: expected a scalar, found {other:?}", c.name),
    }
}

/// Checks that NumPy raised the error nprs returned.
#[track_caller]
pub fn check_err<T: std::fmt::Debug>(c: &Case, r: nprs_random::Result<T>) {
    let e = r.expect_err(&format!("{}: expected an error ({})", c.name, c.expr));
    c.check_error(e.numpy_kind(), &e.to_string());
}

/// Checks a recorded list of scalars (NumPy scalars or Python numbers) against `xs`.
#[track_caller]
pub fn check_scalars<T: Cast>(c: &Case, xs: &[T]) {
    let it = items(c);
    assert_eq!(it.len(), xs.len(), "{}: length", c.name);
    for (i, (v, &x)) in it.iter().zip(xs).enumerate() {
        match v {
            Value::Scalar(_) => c.check_item(i, &Array::from_elem_0d(x)),
            Value::Int(n) => c.assert_eq((i, *n), (i, i128::from(x.to_i64_wrapping()))),
            Value::Float(f) => c.assert_eq((i, f.to_bits()), (i, x.to_f64().to_bits())),
            Value::Bool(b) => c.assert_eq((i, *b), (i, x.to_bool())),
            other => panic!("{}: item {i} is {other:?}", c.name),
        }
    }
}

/// A recorded `bytes` value (stored as latin-1 text).
#[track_caller]
pub fn bytes(v: &Value) -> Vec<u8> {
    match v {
        Value::Str(s) => s.chars().map(|c| c as u32 as u8).collect(),
        other => panic!("expected bytes, found {other:?}"),
    }
}
