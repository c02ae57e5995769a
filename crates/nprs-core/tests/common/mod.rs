//! Helpers shared by the dtype test files: dynamic arrays in the oracle's terms.
#![allow(dead_code)] // each test file uses a subset

pub mod printing;

use nprs_core::{Descr, DescrKind, DynArray, DynBase, Scalar, dynarray::DynData};
use nprs_testkit::{Actual, Case, Cases, Elems, Value};

/// A dynamic array as the oracle records arrays.
pub fn actual<S: DynData>(a: &DynBase<S>) -> Actual {
    let vals = a.to_scalars();
    let data = match a.dtype().kind() {
        'b' => Elems::Bool(vals.iter().map(|v| matches!(v, Scalar::Bool(true))).collect()),
        'i' | 'u' | 'M' | 'm' => Elems::Int(vals.iter().map(|v| if let Scalar::Int(i) = v { *i } else { 0 }).collect()),
        'f' => Elems::Float(vals.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect()),
        'c' => Elems::Complex(
            vals.iter().map(|v| if let Scalar::Complex(r, i) = v { (*r, *i) } else { (0.0, 0.0) }).collect(),
        ),
        _ => Elems::Str(
            vals.iter()
                .map(|v| match v {
                    Scalar::Str(s) => s.clone(),
                    Scalar::Bytes(b) => b.iter().map(|&c| char::from(c)).collect(),
                    other => other.to_string(),
                })
                .collect(),
        ),
    };
    Actual { name: a.dtype().name(), shape: a.shape().to_vec(), data }
}

/// Checks a result (array or error) against a case.
#[track_caller]
pub fn check(c: &Case, r: nprs_core::Result<DynArray>) {
    match r {
        Ok(a) => c.check_actual(&actual(&a)),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

/// `np.array(values, dtype=spec)` for a list of Python-like values.
pub fn arr(spec: &str, values: &[Scalar]) -> DynArray {
    DynArray::from_scalars(&[values.len()], &Descr::parse(spec).unwrap(), values).unwrap()
}

/// Integers as scalars.
pub fn ints(v: &[i64]) -> Vec<Scalar> {
    v.iter().map(|&x| Scalar::from(x)).collect()
}

/// Floats as scalars.
pub fn floats(v: &[f64]) -> Vec<Scalar> {
    v.iter().map(|&x| Scalar::from(x)).collect()
}

/// Strings as scalars.
pub fn strs(v: &[&str]) -> Vec<Scalar> {
    v.iter().map(|&x| Scalar::from(x)).collect()
}

/// A Python-like value in the oracle's terms (tuples and lists both become lists).
pub fn value(s: &Scalar) -> Value {
    match s {
        Scalar::Bool(b) => Value::Bool(*b),
        Scalar::Int(i) => Value::Int(*i),
        Scalar::Float(x) => Value::Float(*x),
        Scalar::Complex(r, i) => Value::Complex(*r, *i),
        Scalar::Str(x) => Value::Str(x.clone()),
        Scalar::Bytes(b) => Value::Str(b.iter().map(|&c| char::from(c)).collect()),
        Scalar::Tuple(v) | Scalar::List(v) => Value::List(v.iter().map(value).collect()),
    }
}

/// True when `d` is a `U` dtype.
pub fn is_unicode(d: &Descr) -> bool {
    matches!(d.kind_of(), DescrKind::Unicode(_))
}

/// A recorded array as a dynamic array of its own dtype (byte order included).
pub fn load_dyn(c: &Cases, name: &str) -> DynArray {
    let a = c.case(name).array();
    let vals: Vec<Scalar> = match &a.data {
        Elems::Bool(v) => v.iter().map(|&x| Scalar::Bool(x)).collect(),
        Elems::Int(v) => v.iter().map(|&x| Scalar::Int(x)).collect(),
        Elems::Float(v) => v.iter().map(|&x| Scalar::Float(x)).collect(),
        Elems::Complex(v) => v.iter().map(|&(r, i)| Scalar::Complex(r, i)).collect(),
        other => panic!("numeric cases only: {other:?}"),
    };
    DynArray::from_scalars(&a.shape, &Descr::parse(&a.dtype).unwrap(), &vals).unwrap()
}
