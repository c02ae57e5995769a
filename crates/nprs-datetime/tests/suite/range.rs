//! `datetime_arange` and `isnat` against the NumPy oracle
//! (`tests/oracle/groups/datetime/range.py`).

use nprs_core::dtype::{DType, Descr};
use nprs_core::{Array, DynArray};
use nprs_datetime::{Error, RangeArg, TimeDelta64, datetime_arange, datetime64, datetime64_as, isnat, parse_unit};
use nprs_testkit::{Value, oracle};

const FILE: &str = "datetime/range";

fn s(x: &str) -> Value {
    Value::Str(x.to_string())
}

/// Builds an argument from its Python repr (`['M', '2026-03-01']`, `['m', 5, 'D']`,
/// `['i', 5]`, `None`).
fn arg(repr: &str) -> Option<RangeArg> {
    if repr == "None" {
        return None;
    }
    let parts: Vec<String> =
        repr.trim_matches(['[', ']']).split(", ").map(|p| p.trim_matches('\'').to_string()).collect();
    Some(match parts[0].as_str() {
        "M" if parts.len() == 3 => RangeArg::DateTime(datetime64_as(&parts[1], &parts[2]).unwrap()),
        "M" => RangeArg::DateTime(datetime64(&parts[1]).unwrap()),
        "m" => {
            let unit = parse_unit(parts.get(2).map_or("generic", String::as_str)).unwrap();
            let count = if parts[1] == "NaT" { i64::MIN } else { parts[1].parse().unwrap() };
            RangeArg::TimeDelta(TimeDelta64::new(count, unit))
        }
        _ => RangeArg::Int(parts[1].parse().unwrap()),
    })
}

fn outcome(r: Result<DynArray, Error>) -> Value {
    match r {
        Ok(a) => {
            let counts = a.view_dtype(&DType::Int64.into()).unwrap().to_owned().typed::<i64>().unwrap().to_vec();
            Value::List(vec![
                s("ok"),
                s(&a.dtype().name()),
                Value::List(counts.into_iter().map(|c| Value::Int(i128::from(c))).collect()),
            ])
        }
        Err(e) => Value::List(vec![s("err"), s(e.numpy_kind()), s(&e.to_string())]),
    }
}

#[test]
fn arange_over_datetimes_and_timedeltas() {
    let o = oracle(FILE);
    let case = o.case("arange");
    let Value::List(items) = &case.result else { panic!("not a list") };
    let mut got = Vec::new();
    for item in items {
        let Value::List(pair) = item else { panic!("not a pair") };
        let Value::List(args) = &pair[0] else { panic!("no args") };
        let reprs: Vec<&str> = args
            .iter()
            .map(|a| match a {
                Value::Str(x) => x.as_str(),
                _ => panic!("not a repr"),
            })
            .collect();
        let dtype = (reprs[3] != "None").then(|| Descr::parse(reprs[3].trim_matches('\'')).unwrap());
        let start = arg(reprs[0]).unwrap();
        let r = outcome(datetime_arange(start, arg(reprs[1]), arg(reprs[2]), dtype.as_ref()));
        assert_eq!(r, pair[1], "arange{reprs:?}");
        got.push(Value::List(vec![pair[0].clone(), r]));
    }
    case.check_value(&Value::List(got));
}

#[test]
fn isnat_of_every_kind_and_byte_order() {
    let o = oracle(FILE);
    let raw = DynArray::from(Array::from_vec(vec![0i64, i64::MIN, 5]));
    let got: Vec<Value> = ["M8[D]", "m8[s]", "M8[ns]", "m8", ">M8[D]"]
        .iter()
        .map(|d| {
            let a = raw.view_dtype(&Descr::parse(d).unwrap()).unwrap().to_owned();
            Value::List(isnat(&a).unwrap().to_vec().into_iter().map(Value::Bool).collect())
        })
        .collect();
    o.case("isnat").check_value(&Value::List(got));
    let e = isnat(&DynArray::from(Array::from_vec(vec![1.0f64]))).unwrap_err();
    o.case("isnat_float").check_error(e.numpy_kind(), &e.to_string());
}
