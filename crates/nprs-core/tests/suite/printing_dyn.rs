//! Oracle checks of printing dynamic arrays: `Debug` against NumPy's `repr`, `Display`
//! against `str`, for strings, bytes, raw bytes, records, datetimes, timedeltas and numbers
//! (byte-swapped ones too), under the recorded print options.
//!
//! Each case records `({dtype, shape, hex, view}, repr, str, np.get_printoptions())`: the
//! test rebuilds the array from its bytes (the dtype's `str` parses back), takes the same
//! view, applies the options and compares both strings, through the formatting traits and
//! through `array_repr` / `array_str`.

use std::collections::BTreeMap;

use crate::common;
use nprs_core::print::{PrintOptions, with_printoptions};
use nprs_core::{Descr, DynArray, DynView, SliceArg};

use common::printing::{compare_strings, int, options_from, text};
use nprs_testkit::{Value, oracle};

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// The array a case describes: its dtype, shape and C-order bytes.
fn rebuild(spec: &BTreeMap<String, Value>) -> DynArray {
    let descr = Descr::parse(text(&spec["dtype"])).unwrap_or_else(|e| panic!("{spec:?}: {e}"));
    let shape: Vec<usize> = match &spec["shape"] {
        Value::List(v) => v.iter().map(|d| int(d) as usize).collect(),
        other => panic!("bad shape {other:?}"),
    };
    DynArray::from_bytes(&unhex(text(&spec["hex"])), &descr, &shape).unwrap()
}

/// The recorded view of `a`: itself, `.T`, `[::2]` or `[::-1]`.
fn view_of<'a>(a: &'a DynArray, view: &str) -> DynView<'a> {
    let step = |s: isize| a.try_slice(&[SliceArg::Slice { start: None, stop: None, step: s }]).unwrap();
    match view {
        "" => a.view(),
        "T" => a.t(),
        "step" => step(2),
        "rev" => step(-1),
        other => panic!("unknown view {other}"),
    }
}

/// Checks every `(spec, repr, str, options)` case of a file; returns how many NumPy strings
/// were compared. All differences are reported together.
fn check_file(file: &str) -> usize {
    let cases = oracle(file);
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases.iter() {
        let Value::List(items) = &case.result else { continue };
        let [Value::Dict(spec), Value::Str(want_repr), Value::Str(want_str), Value::Dict(opts)] = items.as_slice()
        else {
            continue;
        };
        let base = rebuild(spec);
        let a = view_of(&base, text(&spec["view"]));
        let opts = options_from(opts);
        let (got_repr, got_str) = with_printoptions(opts.clone(), || (format!("{a:?}"), format!("{a}")));
        let fn_repr = a.array_repr(&opts).unwrap_or_else(|e| format!("error: {e}"));
        let fn_str = a.array_str(&opts).unwrap_or_else(|e| format!("error: {e}"));
        compare_strings(case, want_repr, want_str, [&got_repr, &got_str, &fn_repr, &fn_str], &mut failures);
        checked += 2;
    }
    assert!(failures.is_empty(), "{} mismatches in {file}:\n{}", failures.len(), failures.join("\n"));
    checked
}

#[test]
fn strings_records_and_numbers_match_numpy() {
    let n = check_file("printing/dyn");
    assert!(n >= 240, "only {n} strings checked");
}

#[test]
fn datetimes_and_timedeltas_match_numpy() {
    let n = check_file("printing/datetime");
    assert!(n >= 220, "only {n} strings checked");
}

#[test]
fn random_arrays_and_options_match_numpy() {
    let n = check_file("printing/dynrandom");
    assert!(n >= 200, "only {n} strings checked");
}

#[test]
fn generic_datetimes_with_values_fail_as_numpy() {
    let o = oracle("printing/datetime");
    let d: Descr = "M8".parse().unwrap();
    let bytes: Vec<u8> = [1i64, 2].iter().flat_map(|x| x.to_ne_bytes()).collect();
    let a = DynArray::from_bytes(&bytes, &d, &[2]).unwrap();
    let opts = PrintOptions::default();
    let e = a.array_repr(&opts).unwrap_err();
    o.case("generic_values_repr").check_error(e.numpy_kind(), &e.to_string());
    let e = a.array_str(&opts).unwrap_err();
    o.case("generic_values_str").check_error(e.numpy_kind(), &e.to_string());
    let z = DynArray::from_bytes(&1i64.to_ne_bytes(), &d, &[]).unwrap();
    let e = z.array_str(&opts).unwrap_err();
    o.case("generic_value_0d_str").check_error(e.numpy_kind(), &e.to_string());
    // The formatting traits cannot fail: they show the counts.
    assert_eq!(format!("{a:?}"), "array([1, 2], dtype=datetime64)");
    assert_eq!(a.to_string(), "[1 2]");
    assert_eq!(z.to_string(), "1");
}

#[test]
fn format_spec_precision_applies_to_record_floats() {
    let d = Descr::parse("[('x', '<f8')]").unwrap();
    let a = DynArray::from_records(&d, &[nprs_core::Scalar::Tuple(vec![(1.0f64 / 3.0).into()])]).unwrap();
    assert_eq!(format!("{a:.3}"), "[(0.333,)]");
    assert_eq!(format!("{a:.2?}"), "array([(0.33,)], dtype=[('x', '<f8')])");
}

#[test]
fn bfloat16_prints_as_a_float_dtype() {
    // `bfloat16` is an extension (NumPy has no such dtype): values that both 16-bit formats
    // hold exactly print as `float16` arrays do, with the dtype named.
    let values: Vec<nprs_core::Scalar> = [1.5, -2.0, 0.25, 8.0].iter().map(|&x| x.into()).collect();
    let bf = DynArray::from_scalars(&[2, 2], &Descr::bfloat16(), &values).unwrap();
    let h = DynArray::from_scalars(&[2, 2], &"f2".parse().unwrap(), &values).unwrap();
    assert_eq!(bf.to_string(), h.to_string());
    assert_eq!(format!("{bf:?}"), format!("{h:?}").replace("float16", "bfloat16"));
    let one = DynArray::from_scalars(&[], &Descr::bfloat16(), &[0.1.into()]).unwrap();
    assert_eq!(one.to_string(), nprs_core::dtype::pyfmt::repr_bf16(half::bf16::from_f64(0.1)));
}

#[test]
fn records_with_generic_datetimes_fail_as_numpy_and_still_format() {
    let o = oracle("printing/datetime");
    let opts = PrintOptions::default();
    let a = DynArray::zeros(&[2], &Descr::parse("[('a', 'M8')]").unwrap()).unwrap();
    let e = a.array_repr(&opts).unwrap_err();
    o.case("generic_record_repr").check_error(e.numpy_kind(), &e.to_string());
    let e = a.array_str(&opts).unwrap_err();
    o.case("generic_record_str").check_error(e.numpy_kind(), &e.to_string());
    let z = DynArray::zeros(&[], &Descr::parse("[('a', 'M8'), ('b', '<i4')]").unwrap()).unwrap();
    let e = z.array_str(&opts).unwrap_err();
    o.case("generic_record_0d_str").check_error(e.numpy_kind(), &e.to_string());
    let nested = DynArray::zeros(&[2], &Descr::parse("[('r', [('a', 'M8', (2,))])]").unwrap()).unwrap();
    let e = nested.array_repr(&opts).unwrap_err();
    o.case("generic_record_nested_repr").check_error(e.numpy_kind(), &e.to_string());
    // The formatting traits cannot fail: they show the counts (docs/deviations.md).
    assert_eq!(format!("{a:?}"), "array([(0,), (0,)], dtype=[('a', '<M8')])");
    assert_eq!(a.to_string(), "[(0,) (0,)]");
    assert_eq!(z.to_string(), "(0, 0)");
    assert_eq!(nested.to_string(), "[(([0, 0],),) (([0, 0],),)]");
    let comma = DynArray::zeros(&[1], &Descr::parse("M8, i4").unwrap()).unwrap();
    assert_eq!(format!("{comma:?}"), "array([(0, 0)], dtype=[('f0', '<M8'), ('f1', '<i4')])");
}
