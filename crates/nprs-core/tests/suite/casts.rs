//! `astype` between every pair of element types, checked against NumPy's unsafe casts.

use nprs_core::prelude::*;
use nprs_core::{Cast, Complex32, Complex64};
use nprs_testkit::{Elems, OArray, oracle};

/// Rebuilds the recorded source array of a case as an nprs array of `T`.
fn source<T: Cast>(want: &OArray) -> Array<T> {
    let v: Vec<T> = match &want.data {
        Elems::Bool(v) => v.iter().map(|&b| T::cast_from(b)).collect(),
        Elems::Int(v) => v
            .iter()
            .map(|&i| if i > i128::from(i64::MAX) { T::cast_from(i as u64) } else { T::cast_from(i as i64) })
            .collect(),
        Elems::Float(v) => v.iter().map(|&x| T::cast_from(x)).collect(),
        Elems::Complex(v) => v.iter().map(|&(r, i)| T::cast_from(Complex64::new(r, i))).collect(),
        Elems::Str(_) => panic!("no string sources here"),
    };
    Array::from_vec(v)
}

macro_rules! dst_loop {
    ($c:expr, $src:ty, $sname:expr, $a:expr; $($dst:ty => $dname:expr),*) => {$(
        let name = format!("{}_to_{}", $sname, $dname);
        let got = $a.astype::<$dst>();
        if let Err(e) = std::panic::catch_unwind(|| $c.case(&name).check(&got)) {
            FAILS.with(|f| f.borrow_mut().push(e.downcast_ref::<String>().cloned().unwrap_or_default()));
        }
    )*};
}

macro_rules! all_pairs {
    ($c:expr; $($src:ty => $sname:expr),*) => {$(
        {
            // The source values are NumPy's own array of the source dtype, read back from
            // the identity cast's recorded result.
            let want = $c.case(&format!("{}_to_{}", $sname, $sname)).array().clone();
            let a = source::<$src>(&want);
            dst_loop!($c, $src, $sname, a;
                bool => "bool", i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64",
                u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64",
                f16 => "float16", f32 => "float32", f64 => "float64",
                Complex32 => "complex64", Complex64 => "complex128");
        }
    )*};
}

thread_local! {
    static FAILS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[test]
fn astype_matches_numpy_for_every_pair() {
    let c = oracle("core/casts");
    all_pairs!(c;
        bool => "bool", i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64",
        u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64",
        f16 => "float16", f32 => "float32", f64 => "float64",
        Complex32 => "complex64", Complex64 => "complex128");
    let fails = FAILS.with(|f| f.borrow().clone());
    assert!(fails.is_empty(), "{} casts differ from NumPy:\n{}", fails.len(), fails.join("\n"));
}

#[test]
fn seed_examples() {
    let c = oracle("core/casts");
    c.case("seed_uint8_wrap").check(&(&array![250u8] + 10u8));
    c.case("seed_float16_max").check(&array![65504.0f64, 65600.0].astype::<f16>());
    c.case("seed_float_to_int").check(&array![1.7, -2.5, 300.9].astype::<i8>());
}
