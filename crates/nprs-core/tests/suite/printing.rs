//! Oracle checks of printing: `Debug` against NumPy's `repr`, `Display` against `str`, for
//! every dtype, the float notations, summarisation, wrapping and the print options.
//!
//! Most cases record `(array, repr(array), str(array), np.get_printoptions())`; the test
//! rebuilds the array from the recorded elements (or, for large arrays, from the recorded
//! `np.arange` recipe), applies the recorded options and compares both strings.

use std::collections::BTreeMap;

use crate::common;
use nprs_core::prelude::*;
use nprs_core::print::{
    FloatMode, Layout, PrintOptions, Sign, array_repr, array_str, array2string, get_printoptions, printoptions,
    set_printoptions, with_printoptions,
};

use common::printing::{compare_strings, int, options_from, text};
use nprs_testkit::{Elems, OArray, Value, oracle};

/// An array of any numeric dtype.
enum AnyArray {
    Bool(Array<bool>),
    I8(Array<i8>),
    I16(Array<i16>),
    I32(Array<i32>),
    I64(Array<i64>),
    U8(Array<u8>),
    U16(Array<u16>),
    U32(Array<u32>),
    U64(Array<u64>),
    F16(Array<f16>),
    F32(Array<f32>),
    F64(Array<f64>),
    C64(Array<C64>),
    C128(Array<C128>),
}

macro_rules! each {
    ($a:expr, $x:ident => $body:expr) => {
        match $a {
            AnyArray::Bool($x) => $body,
            AnyArray::I8($x) => $body,
            AnyArray::I16($x) => $body,
            AnyArray::I32($x) => $body,
            AnyArray::I64($x) => $body,
            AnyArray::U8($x) => $body,
            AnyArray::U16($x) => $body,
            AnyArray::U32($x) => $body,
            AnyArray::U64($x) => $body,
            AnyArray::F16($x) => $body,
            AnyArray::F32($x) => $body,
            AnyArray::F64($x) => $body,
            AnyArray::C64($x) => $body,
            AnyArray::C128($x) => $body,
        }
    };
}

fn arr<T: Element>(shape: &[usize], v: Vec<T>) -> Array<T> {
    Array::from_shape_vec(shape, v).unwrap()
}

/// Builds an array from the dtype name, shape and elements (given as f64/complex/int/bool).
fn build(name: &str, shape: &[usize], data: &Elems) -> AnyArray {
    let ints = || match data {
        Elems::Int(v) => v.clone(),
        other => panic!("expected integers, found {other:?}"),
    };
    let floats = || match data {
        Elems::Float(v) => v.clone(),
        other => panic!("expected floats, found {other:?}"),
    };
    let complex = || match data {
        Elems::Complex(v) => v.clone(),
        other => panic!("expected complex values, found {other:?}"),
    };
    match name {
        "bool" => match data {
            Elems::Bool(v) => AnyArray::Bool(arr(shape, v.clone())),
            other => panic!("expected bools, found {other:?}"),
        },
        "int8" => AnyArray::I8(arr(shape, ints().iter().map(|&x| x as i8).collect())),
        "int16" => AnyArray::I16(arr(shape, ints().iter().map(|&x| x as i16).collect())),
        "int32" => AnyArray::I32(arr(shape, ints().iter().map(|&x| x as i32).collect())),
        "int64" => AnyArray::I64(arr(shape, ints().iter().map(|&x| x as i64).collect())),
        "uint8" => AnyArray::U8(arr(shape, ints().iter().map(|&x| x as u8).collect())),
        "uint16" => AnyArray::U16(arr(shape, ints().iter().map(|&x| x as u16).collect())),
        "uint32" => AnyArray::U32(arr(shape, ints().iter().map(|&x| x as u32).collect())),
        "uint64" => AnyArray::U64(arr(shape, ints().iter().map(|&x| x as u64).collect())),
        "float16" => AnyArray::F16(arr(shape, floats().iter().map(|&x| f16::from_f64(x)).collect())),
        "float32" => AnyArray::F32(arr(shape, floats().iter().map(|&x| x as f32).collect())),
        "float64" => AnyArray::F64(arr(shape, floats())),
        "complex64" => {
            AnyArray::C64(arr(shape, complex().iter().map(|&(r, i)| C64::new(r as f32, i as f32)).collect()))
        }
        "complex128" => AnyArray::C128(arr(shape, complex().iter().map(|&(r, i)| C128::new(r, i)).collect())),
        other => panic!("no such dtype {other}"),
    }
}

fn from_oarray(a: &OArray) -> AnyArray {
    build(&a.name, &a.shape, &a.data)
}

/// Rebuilds `np.arange(n)` followed by the recorded operation, as the case file does.
fn from_recipe(r: &BTreeMap<String, Value>) -> AnyArray {
    let n = int(&r["n"]) as usize;
    let dtype = text(&r["dtype"]);
    let shape: Vec<usize> = match &r["shape"] {
        Value::List(v) => v.iter().map(|d| int(d) as usize).collect(),
        other => panic!("bad shape {other:?}"),
    };
    let k = match &r["k"] {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        other => panic!("bad operand {other:?}"),
    };
    let data = match text(&r["op"]) {
        "none" if dtype.starts_with("float") => Elems::Float((0..n).map(|i| i as f64).collect()),
        "none" => Elems::Int((0..n as i128).collect()),
        "div" => Elems::Float((0..n).map(|i| i as f64 / k).collect()),
        "mul" if dtype.starts_with("float") => Elems::Float((0..n).map(|i| i as f64 * k).collect()),
        "mul" => Elems::Int((0..n as i128).map(|i| i * k as i128).collect()),
        "mod0" => Elems::Bool((0..n).map(|i| i % (k as usize) == 0).collect()),
        "mulj" => Elems::Complex((0..n).map(|i| (0.0, i as f64 * k)).collect()),
        other => panic!("unknown recipe op {other}"),
    };
    build(dtype, &shape, &data)
}

/// Checks every `(array, repr, str, options)` case of a file; returns how many strings
/// were compared. All differences are reported together.
fn check_file(file: &str) -> usize {
    let cases = oracle(file);
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases.iter() {
        let Value::List(items) = &case.result else { continue };
        let [input, Value::Str(want_repr), Value::Str(want_str), Value::Dict(opts)] = items.as_slice() else {
            continue;
        };
        let a = match input {
            Value::Array(oa) | Value::Scalar(oa) => from_oarray(oa),
            Value::Dict(recipe) => from_recipe(recipe),
            other => panic!("{}: unexpected input {other:?}", case.name),
        };
        let opts = options_from(opts);
        let (got_repr, got_str) =
            each!(&a, x => with_printoptions(opts.clone(), || (format!("{x:?}"), format!("{x}"))));
        let (fn_repr, fn_str) = each!(&a, x => (array_repr(x, &opts), array_str(x, &opts)));
        compare_strings(case, want_repr, want_str, [&got_repr, &got_str, &fn_repr, &fn_str], &mut failures);
        checked += 2;
    }
    assert!(failures.is_empty(), "{} mismatches in {file}:\n{}", failures.len(), failures.join("\n"));
    checked
}

#[test]
fn numbers_match_numpy() {
    let n = check_file("printing/numbers");
    assert!(n >= 250, "only {n} strings checked");
}

#[test]
fn layout_matches_numpy() {
    let n = check_file("printing/layout");
    assert!(n >= 100, "only {n} strings checked");
}

#[test]
fn options_match_numpy() {
    let n = check_file("printing/options");
    assert!(n >= 120, "only {n} strings checked");
}

#[test]
fn seeds_match_numpy() {
    let n = check_file("printing/seeds");
    assert!(n >= 70, "only {n} strings checked");
}

#[test]
fn array2string_matches_numpy() {
    let o = oracle("printing/options");
    let d = PrintOptions::default();
    o.case("a2s_comma").check_str(&array2string(&array![1.0, 2.5, 3.0], &d, ", ", "", ""));
    let a = Array::<f64>::arange(30);
    o.case("a2s_prefix").check_str(&array2string(&a, &d, " ", "values = ", ""));
    o.case("a2s_suffix").check_str(&array2string(&Array::<i64>::arange(30), &d, ",", "", ");"));
    let b = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
    o.case("a2s_2d_sep").check_str(&array2string(&b, &d, ";  ", "", ""));
    o.case("a2s_0d").check_str(&array2string(&Array::from_elem_0d(2.5), &d, " ", "", ""));
}

#[test]
fn option_errors_match_numpy() {
    let o = oracle("printing/options");
    let e = "x".parse::<Sign>().unwrap_err();
    o.case("err_sign").check_error(e.numpy_kind(), &e.to_string());
    let e = Sign::try_from('x').unwrap_err();
    o.case("err_sign").check_error(e.numpy_kind(), &e.to_string());
    let e = "shortest".parse::<FloatMode>().unwrap_err();
    o.case("err_floatmode").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn default_options_match_numpy() {
    let o = oracle("printing/options");
    let case = o.case("defaults");
    let Value::Dict(d) = &case.result else { panic!("expected a dict") };
    case.assert_eq(options_from(d), PrintOptions::default());
    assert_eq!(get_printoptions(), PrintOptions::default());
}

#[test]
fn options_are_scoped_and_thread_local() {
    let a = array![1.0 / 3.0];
    let before = format!("{a:?}");
    {
        let _g = printoptions(PrintOptions { precision: 2, ..get_printoptions() });
        assert_eq!(format!("{a:?}"), "array([0.33])");
        // Another thread starts from the defaults.
        let other = std::thread::spawn(|| format!("{:?}", array![1.0 / 3.0])).join().unwrap();
        assert_eq!(other, before);
    }
    assert_eq!(format!("{a:?}"), before);
    set_printoptions(PrintOptions { precision: 4, ..get_printoptions() });
    assert_eq!(format!("{a}"), "[0.3333]");
    set_printoptions(PrintOptions::default());
    assert_eq!(format!("{a:?}"), before);
    let r = std::panic::catch_unwind(|| {
        with_printoptions(PrintOptions { precision: 1, ..PrintOptions::default() }, || panic!("inside"))
    });
    assert!(r.is_err());
    assert_eq!(get_printoptions(), PrintOptions::default());
}

#[test]
fn views_print_like_numpy() {
    let o = oracle("printing/views");
    let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
    o.case("transpose").check_str(&format!("{:?}", a.t()));
    o.case("step_slice").check_str(&format!("{}", a.slice(s![.., ..;2])));
    o.case("reversed").check_str(&format!("{:?}", a.slice(s![..;-1, 1..3])));
    let big = Array::<f64>::arange(3000).into_shape(&[50, 60]).unwrap();
    o.case("big_transpose").check_str(&format!("{:?}", big.t()));
    o.case("big_transpose_str").check_str(&format!("{}", big.t()));
    let b = Array::<f32>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    o.case("permuted").check_str(&format!("{:?}", b.permute_dims(&[2, 0, 1]).unwrap()));
    let col = Array::<i64>::arange(3).into_shape(&[3, 1]).unwrap();
    o.case("broadcast").check_str(&format!("{:?}", col.broadcast_to(&[3, 4]).unwrap()));
}

#[test]
fn layout_engine_is_reusable() {
    // Words of different widths, summarised: what a string array would look like.
    let words: Vec<String> = ["'a'", "'bb'", "'c'", "'dd'"].iter().map(|w| format!("{w:<4}")).collect();
    let layout = Layout::new(75, ", ", 6).summarized(1);
    let mut kept = Vec::new();
    layout.for_each_kept(&[3, 4], |i| kept.push(i.to_vec()));
    assert_eq!(kept, vec![vec![0, 0], vec![0, 3], vec![2, 0], vec![2, 3]]);
    let out = layout.render(&[3, 4], |k| words[k].clone());
    assert_eq!(out, "[['a' , ..., 'bb'],\n       ...,\n       ['c' , ..., 'dd']]");
}

#[test]
fn random_arrays_match_numpy() {
    let n = check_file("printing/random");
    assert!(n >= 200, "only {n} strings checked");
}

#[test]
fn format_precision_sets_print_precision() {
    let o = oracle("printing/options");
    let a = array![0.125, 0.375, 2.675];
    let Value::List(items) = &o.case("precision_2").result else { panic!("expected a tuple") };
    let (Value::Str(want_repr), Value::Str(want_str)) = (&items[1], &items[2]) else { panic!("expected strings") };
    assert_eq!(&format!("{a:.2?}"), want_repr);
    assert_eq!(&format!("{a:.2}"), want_str);
    assert_eq!(get_printoptions().precision, 8);
}
