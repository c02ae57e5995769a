//! `astype` between datetimes and strings against the NumPy oracle
//! (`tests/oracle/groups/datetime/cast.py`).

use nprs_core::dtype::{DType, Descr};
use nprs_core::scalar::Scalar;
use nprs_core::{Array, DynArray};
use nprs_datetime::{Error, astype};
use nprs_testkit::{Value, oracle};

const FILE: &str = "datetime/cast";
const UNITS: [&str; 15] = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "7D", "generic"];
const STRINGS: [&str; 7] = ["2026-03-01", "NaT", "2026-03-01T12", "1969-12-31T23:59:59.5", "-0044-03-15", "", "nat"];

fn s(x: &str) -> Value {
    Value::Str(x.to_string())
}

fn counts(d: &str) -> DynArray {
    let c = vec![0i64, i64::MIN, 1_234_567, -98_765, 1 << 40];
    DynArray::from(Array::from_vec(c)).view_dtype(&Descr::parse(d).unwrap()).unwrap().to_owned()
}

fn strings(dtype: &str, shape: &[usize]) -> DynArray {
    let vals: Vec<Scalar> = STRINGS
        .iter()
        .map(|t| if dtype.starts_with('U') { Scalar::Str((*t).into()) } else { Scalar::Bytes(t.as_bytes().to_vec()) })
        .collect();
    DynArray::from_scalars(shape, &Descr::parse(dtype).unwrap(), &vals).unwrap()
}

fn enc(r: Result<DynArray, Error>) -> Value {
    match r {
        Ok(a) => {
            let vals: Vec<Value> = if matches!(a.dtype().kind(), 'M' | 'm') {
                let c = a.view_dtype(&DType::Int64.into()).unwrap().to_owned();
                c.typed::<i64>().unwrap().iter().map(|x| Value::Int(i128::from(x))).collect()
            } else {
                a.to_scalars()
                    .into_iter()
                    .map(|v| match v {
                        Scalar::Str(t) => Value::Str(t),
                        Scalar::Bytes(b) => Value::Str(String::from_utf8(b).unwrap()),
                        other => panic!("{other:?}"),
                    })
                    .collect()
            };
            Value::List(vec![s("ok"), s(&a.dtype().str()), Value::List(vals)])
        }
        Err(e) => Value::List(vec![s("err"), s(e.numpy_kind()), s(&e.to_string())]),
    }
}

fn descr(d: &str) -> Descr {
    Descr::parse(d).unwrap()
}

#[test]
fn datetimes_to_strings_in_every_unit() {
    let o = oracle(FILE);
    for u in UNITS {
        for t in ["U", "S", "U40"] {
            o.case(&format!("to_{t}_{u}")).check_value(&enc(astype(&counts(&format!("M8[{u}]")), &descr(t))));
        }
    }
    o.case("td_to_U").check_value(&enc(astype(&counts("m8[s]"), &descr("U"))));
    o.case("td_to_S").check_value(&enc(astype(&counts("m8[D]"), &descr("S"))));
    o.case("too_short").check_value(&enc(astype(&counts("M8[D]"), &descr("U5"))));
}

#[test]
fn strings_to_datetimes_with_unit_inference() {
    let o = oracle(FILE);
    for t in ["M8", "M8[D]", "M8[s]", "M8[ns]", "M8[M]"] {
        o.case(&format!("from_U_{t}")).check_value(&enc(astype(&strings("U25", &[7, 1]), &descr(t))));
        o.case(&format!("from_S_{t}")).check_value(&enc(astype(&strings("S25", &[7]), &descr(t))));
    }
    let td = DynArray::from_scalars(
        &[4],
        &descr("U3"),
        &["5", "NaT", "-12", " 7"].iter().map(|t| Scalar::Str((*t).into())).collect::<Vec<_>>(),
    )
    .unwrap();
    o.case("td_from_U").check_value(&enc(astype(&td, &descr("m8[s]"))));
    let bad = DynArray::from_scalars(&[1], &descr("U10"), &[Scalar::Str("2026-13-01".into())]).unwrap();
    o.case("bad_string").check_value(&enc(astype(&bad, &descr("M8[D]"))));
}

/// `DynArray::astype` itself (nprs-core) does these casts; its errors read as NumPy's.
fn core_enc(r: Result<DynArray, nprs_core::Error>) -> Value {
    enc(r.map_err(Error::from))
}

fn texts(items: &[&str]) -> DynArray {
    let vals: Vec<Scalar> = items.iter().map(|t| Scalar::Str((*t).into())).collect();
    let width = items.iter().map(|t| t.chars().count()).max().unwrap_or(1).max(1);
    DynArray::from_scalars(&[items.len()], &descr(&format!("U{width}")), &vals).unwrap()
}

#[test]
fn malformed_strings_give_numpys_errors() {
    let o = oracle(FILE);
    let bad = [
        "x",
        "2026-02-30",
        "2026-03-01T25",
        "2026-03-01T12:61",
        "2026-1-01",
        "2026-03-01T12+25",
        "2026-03-01T12:30:00.5x",
        "--2026",
    ];
    for (i, b) in bad.iter().enumerate() {
        for t in ["M8", "M8[s]"] {
            o.case(&format!("bad_{i}_{t}")).check_value(&core_enc(texts(&["2026-03-01", b]).astype(&descr(t))));
        }
    }
    for (i, b) in ["abc", "1.5", "1_000", " 7 ", "+5", "nAt", "0x10"].iter().enumerate() {
        o.case(&format!("td_bad_{i}")).check_value(&core_enc(texts(&[b]).astype(&descr("m8[ms]"))));
    }
}

#[test]
fn text_round_trips_in_every_unit() {
    let o = oracle(FILE);
    for u in &UNITS[..UNITS.len() - 1] {
        let text = counts(&format!("M8[{u}]")).astype(&descr("U")).unwrap();
        o.case(&format!("round_{u}")).check_value(&core_enc(text.astype(&descr("M8"))));
    }
}

#[test]
fn timezones_convert_to_utc_and_warn() {
    use nprs_core::warnings::{WarnAction, catch_warnings, with_filter};
    let o = oracle(FILE);
    let tz = texts(&["2026-03-01T12Z", "2026-03-01T13+01", "NaT", "2026-03-01T00:30-01:30"]);
    for t in ["M8", "M8[h]", "M8[m]"] {
        let (r, caught) = catch_warnings(|| tz.astype(&descr(t)));
        o.case(&format!("tz_{t}")).check_value(&core_enc(r));
        let caught: Vec<Value> = caught.iter().map(|w| s(&format!("{}: {}", w.category.name(), w.message))).collect();
        o.case(&format!("tz_warnings_{t}")).check_value(&Value::List(caught));
    }
    // Under the `error` filter the warning is raised, as `warnings.simplefilter('error')`.
    let e = with_filter(WarnAction::Error, || tz.astype(&descr("M8[h]"))).unwrap_err();
    assert_eq!(e.to_string(), "UserWarning: no explicit representation of timezones available for np.datetime64");
    let e = with_filter(WarnAction::Error, || nprs_datetime::parse_datetime("2026-03-01T12Z")).unwrap_err();
    assert_eq!(e.numpy_kind(), "Warning");
}

#[test]
fn unit_conversion_factors_of_2_pow_56_overflow() {
    let o = oracle(FILE);
    let pairs = [
        ("M8[D]", "M8[ps]"),
        ("m8[h]", "m8[fs]"),
        ("M8[Y]", "M8[ps]"),
        ("M8[s]", "M8[as]"),
        ("m8[ps]", "m8[W]"),
        ("M8[D]", "M8[ns]"),
        ("m8[Y]", "m8[ns]"),
        ("M8[m]", "M8[fs]"),
    ];
    for (a, b) in pairs {
        let name = format!("{a}_{b}").replace(['[', ']'], "");
        let full = counts(a);
        o.case(&format!("factor_{name}")).check_value(&core_enc(full.astype(&descr(b))));
        let empty = DynArray::from(Array::from_vec(Vec::<i64>::new())).view_dtype(&descr(a)).unwrap().to_owned();
        o.case(&format!("factor_empty_{name}")).check_value(&core_enc(empty.astype(&descr(b))));
    }
}

#[test]
fn datetime_as_string_casting_rule() {
    let o = oracle(FILE);
    for dt in ["M8[s]", "M8[Y]", "M8"] {
        let first_two = vec![0i64, i64::MIN];
        let a = DynArray::from(Array::from_vec(first_two)).view_dtype(&descr(dt)).unwrap().to_owned();
        for u in [Some("D"), Some("ms"), Some("auto"), Some("s"), None, Some("Y"), Some("W")] {
            for c in ["no", "equiv", "safe", "same_kind", "unsafe", "bogus"] {
                let r = match nprs_datetime::datetime_as_string_array_casting(&a, u, "naive", c) {
                    Ok(v) => Value::List(vec![s("ok"), Value::List(v.iter().map(|t| s(t)).collect())]),
                    Err(e) => Value::List(vec![s("err"), s(e.numpy_kind()), s(&e.to_string())]),
                };
                let name = u.unwrap_or("None");
                o.case(&format!("as_string_{dt}_{name}_{c}")).check_value(&r);
            }
        }
    }
}
