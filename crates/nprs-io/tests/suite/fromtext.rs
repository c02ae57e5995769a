//! `numpy.fromstring` (text mode) and `numpy.fromregex` against NumPy (`io/fromtext`), on
//! texts written from random values.

use nprs_core::{Array, Descr, DynArray};
use nprs_io::{fromregex, fromregex_reader, fromregex_str, fromstring};
use nprs_testkit::{Case, Value, oracle};

fn text(c: &Case) -> String {
    match c.input() {
        Value::Str(s) => s.clone(),
        other => panic!("{}: not a text: {other:?}", c.name),
    }
}

fn check<T: nprs_core::Cast + nprs_core::Element>(c: &Case, r: nprs_io::Result<Array<T>>) {
    match r {
        Ok(a) => c.check(&a),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// `[str(r.dtype.descr), list(r.shape), r.tobytes().hex()]`, or the error.
fn check_rec(c: &Case, r: nprs_io::Result<DynArray>) {
    match r {
        Ok(r) => c.check_value(&Value::List(vec![
            Value::Str(r.dtype().descr_list().unwrap()),
            Value::List(r.shape().iter().map(|&d| Value::Int(d as i128)).collect()),
            Value::Str(hex(&r.to_bytes())),
        ])),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

#[test]
fn fromstring_matches_numpy() {
    let o = oracle("io/fromtext");
    let ftext = text(o.case("ftext"));
    let floats = fromstring::<f64>(&ftext, None, ",");
    // The floats were written with repr: reading them back gives the values themselves.
    let Value::Array(want) = o.case("f_values").input().clone() else { panic!("f_values: not an array") };
    assert_eq!(floats.as_ref().unwrap().shape(), &want.shape[..]);
    check(o.case("fromstring_floats"), floats);
    check(o.case("fromstring_float32"), fromstring::<f32>(&ftext, None, ", "));
    check(o.case("fromstring_ints_whitespace"), fromstring::<i64>(&text(o.case("itext")), None, " "));
    check(o.case("fromstring_uint8_count"), fromstring::<u8>(&text(o.case("utext")), Some(600), ";"));
    check(o.case("fromstring_empty"), fromstring::<f64>("", None, ","));
    check(o.case("fromstring_spaces"), fromstring::<f64>("  1.5 ,\n 2e3 , -inf,nan", None, ","));
    check(o.case("fromstring_unmatched"), fromstring::<f64>("1,,2", None, ","));
    check(o.case("fromstring_not_int"), fromstring::<i64>("1.5 2", None, " "));
    check(o.case("fromstring_binary"), fromstring::<i16>("\u{1}\u{0}", None, ""));
}

#[test]
fn fromstring_refuses_a_count_beyond_the_text() {
    let e = fromstring::<i64>("1 2", Some(5), " ").unwrap_err();
    assert_eq!((e.numpy_kind(), e.to_string().as_str()), ("ValueError", "string is smaller than requested size"));
    assert_eq!(fromstring::<i64>("1 2 3", Some(2), " ").unwrap().to_vec(), vec![1, 2]);
}

#[test]
fn fromregex_matches_numpy() {
    let o = oracle("io/fromtext");
    let log = text(o.case("log"));
    let re = r"id=(-?\d+) key=(\w+) val=(\S+)";
    let dt = |s: &str| Descr::parse(s).unwrap();
    check_rec(o.case("fromregex_log"), fromregex_str(&log, re, &dt("[('id', '<i8'), ('key', 'U3'), ('val', '<f8')]")));
    check_rec(
        o.case("fromregex_log_casts"),
        fromregex_reader(log.as_bytes(), re, &dt("[('id', '<f4'), ('key', 'S2'), ('val', '<f4')]")),
    );
    check_rec(o.case("fromregex_one_group"), fromregex_str(&log, r"key=(\w+)", &dt("[('key', 'U4')]")));
    check_rec(o.case("fromregex_no_group"), fromregex_str(&log, r"-\d+", &dt("[('neg', '<i8')]")));
    check_rec(o.case("fromregex_no_match"), fromregex_str(&log, "(zz)(q)", &dt("[('a', 'U1'), ('b', 'i4')]")));
    check_rec(o.case("fromregex_not_structured"), fromregex_str("1 2", r"(\d)", &dt("i8")));
    check_rec(
        o.case("fromregex_group_count"),
        fromregex_str("1 a 2 b", r"(\d) (\w)", &dt("[('a', 'i8'), ('b', 'U1'), ('c', 'f8')]")),
    );
    check_rec(o.case("fromregex_bad_value"), fromregex_str("1 a 2 b", r"(\d) (\w)", &dt("[('a', 'i8'), ('b', 'i8')]")));
}

#[test]
fn fromregex_reads_files_and_refuses_what_numpy_reinterprets() {
    let dir = std::env::temp_dir().join(format!("nprs-io-fromregex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("log.txt");
    std::fs::write(&path, "a=1 b=2.5\na=3 b=4\n").unwrap();
    let dt = Descr::parse("[('a', 'u2'), ('b', 'f8')]").unwrap();
    let r = fromregex(&path, r"a=(\d+) b=(\S+)", &dt).unwrap();
    assert_eq!(r.field("b").unwrap().to_typed::<f64>().unwrap().to_vec(), vec![2.5, 4.0]);
    // One group for two fields: NumPy reinterprets the values' bytes as records.
    let e = fromregex(&path, r"a=(\d+)", &dt).unwrap_err();
    assert_eq!(e.to_string(), "could not assign tuple of length 1 to structure with 2 fields.");
    let e = fromregex(&path, r"(\d+", &dt).unwrap_err();
    assert_eq!(e.numpy_kind(), "ValueError");
    std::fs::remove_dir_all(&dir).unwrap();
}
