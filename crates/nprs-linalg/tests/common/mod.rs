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
int!(i8, i16, i32, i64, u8);

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

/// The `item`-th array of a recorded tuple (or the array itself for `None`), widened to
/// complex: `(dtype name, shape, elements)`.
pub fn recorded(case: &Case, item: Option<usize>) -> (String, Vec<usize>, Vec<C128>) {
    use nprs_testkit::Value;
    let a = match (item, &case.result) {
        (None, Value::Array(a) | Value::Scalar(a)) => a,
        (Some(i), Value::List(items)) => match &items[i] {
            Value::Array(a) | Value::Scalar(a) => a,
            other => panic!("{}: item {i} is {other:?}", case.name),
        },
        (_, other) => panic!("{}: unexpected {other:?}", case.name),
    };
    let v = match &a.data {
        Elems::Float(v) => v.iter().map(|&x| C128::new(x, 0.0)).collect(),
        Elems::Complex(v) => v.iter().map(|&(r, i)| C128::new(r, i)).collect(),
        Elems::Int(v) => v.iter().map(|&x| C128::new(x as f64, 0.0)).collect(),
        other => panic!("{}: {other:?}", case.name),
    };
    (a.name.clone(), a.shape.clone(), v)
}

/// Asserts `got` equals `want` elementwise within the case's rtol/atol.
#[track_caller]
pub fn assert_close(case: &Case, what: &str, got: &[C128], want: &[C128]) {
    assert_eq!(got.len(), want.len(), "{}/{what}: lengths differ", case.name);
    let (r, a) = (case.tol.rtol.unwrap_or(0.0), case.tol.atol.unwrap_or(0.0));
    let ok = |(g, w): &(&C128, &C128)| (g.re.is_nan() && w.re.is_nan()) || (*g - *w).norm() <= a + r * w.norm();
    let bad = got.iter().zip(want).enumerate().find(|(_, gw)| !ok(gw));
    let msg = bad.map(|(i, (g, w))| format!("{what}: element {i}: nprs {g}, NumPy {w}")).unwrap_or_default();
    case.assert(bad.is_none(), &msg);
}

/// Each vector (a column when `columns`, else a row) of each `rows x cols` matrix in `v`,
/// multiplied by the phase that makes its largest component real and positive.
pub fn fix_phase(v: &[C128], rows: usize, cols: usize, columns: bool) -> Vec<C128> {
    let mut out = v.to_vec();
    let per = rows * cols;
    if per == 0 {
        return out;
    }
    let (nvec, len) = if columns { (cols, rows) } else { (rows, cols) };
    for m in out.chunks_mut(per) {
        for k in 0..nvec {
            let idx = |i: usize| if columns { i * cols + k } else { k * cols + i };
            let mut best = 0;
            for i in 0..len {
                // Ties within rounding: prefer the first.
                if m[idx(i)].norm() > m[idx(best)].norm() * (1.0 + 1e-6) {
                    best = i;
                }
            }
            let p = m[idx(best)];
            if p.norm() == 0.0 {
                continue;
            }
            let ph = p.conj() / p.norm();
            for i in 0..len {
                m[idx(i)] *= ph;
            }
        }
    }
    out
}

/// The recorded operand as a dynamic array of its own dtype.
pub fn operand(c: &Case) -> DynArray {
    match c.array().name.as_str() {
        "float64" => load::<f64>(c).into(),
        "float32" => load::<f32>(c).into(),
        "complex128" => load::<C128>(c).into(),
        "complex64" => load::<C64>(c).into(),
        "int64" => load::<i64>(c).into(),
        "int32" => load::<i32>(c).into(),
        "int16" => load::<i16>(c).into(),
        "int8" => load::<i8>(c).into(),
        "uint8" => load::<u8>(c).into(),
        "bool" => load::<bool>(c).into(),
        other => panic!("{}: dtype {other}", c.name),
    }
}

/// Compares a dynamic result with the case (dtype, shape, elements).
#[track_caller]
pub fn check_dyn(c: &Case, d: DynArray) {
    match d.dtype().name().as_str() {
        "float64" => c.check(&d.into_typed::<f64>().unwrap()),
        "float32" => c.check(&d.into_typed::<f32>().unwrap()),
        "complex128" => c.check(&d.into_typed::<C128>().unwrap()),
        "complex64" => c.check(&d.into_typed::<C64>().unwrap()),
        "int64" => c.check(&d.into_typed::<i64>().unwrap()),
        "uint64" => c.check(&d.into_typed::<u64>().unwrap()),
        "int32" => c.check(&d.into_typed::<i32>().unwrap()),
        "int16" => c.check(&d.into_typed::<i16>().unwrap()),
        "int8" => c.check(&d.into_typed::<i8>().unwrap()),
        "uint8" => c.check(&d.into_typed::<u8>().unwrap()),
        "bool" => c.check(&d.into_typed::<bool>().unwrap()),
        other => panic!("{}: result dtype {other}", c.name),
    }
}

/// Every recorded root has its own nprs root within `1e-8 * (1 + |root|)`, and the counts
/// agree (the eigen solvers order roots differently).
pub fn check_root_set(c: &Case, got: &[C128]) {
    let (_, shape, want) = recorded(c, None);
    let mut used = vec![false; got.len()];
    let mut ok = shape.iter().product::<usize>() == got.len();
    for w in &want {
        let best =
            (0..got.len()).filter(|&i| !used[i]).min_by(|&a, &b| (got[a] - w).norm().total_cmp(&(got[b] - w).norm()));
        match best {
            Some(i) if (got[i] - w).norm() <= 1e-8 * (1.0 + w.norm()) => used[i] = true,
            _ => ok = false,
        }
    }
    c.assert(ok, &format!("roots differ: nprs {got:?}"));
}
