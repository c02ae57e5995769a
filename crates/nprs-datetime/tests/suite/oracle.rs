//! nprs-datetime against the NumPy oracle (`tests/oracle/groups/datetime/parse.py`).

use nprs_core::dtype::{DateTimeUnit, Descr, TimeUnit};
use nprs_core::print::NAT;
use nprs_datetime::{
    AsStringUnit, DateTime64, Error, Timezone, convert_units, datetime_as_string, datetime_as_string_with,
    datetime_data, parse_datetime, parse_datetime_as, parse_unit,
};
use nprs_testkit::{Case, Value, oracle};

const FILE: &str = "datetime/parse";
const UNITS: [&str; 13] = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"];

fn s(x: &str) -> Value {
    Value::Str(x.to_string())
}

fn err_value(e: &Error) -> Value {
    Value::List(vec![s("err"), s(e.numpy_kind()), s(&e.to_string())])
}

/// One parse as the oracle records it: `['ok', dtype, count, warned]` or `['err', kind, message]`.
fn parse_value(text: &str, unit: Option<&str>) -> Value {
    let parsed = match unit {
        None => parse_datetime(text),
        Some(u) => parse_unit(u).and_then(|u| parse_datetime_as(text, u)),
    };
    match parsed {
        Ok(p) => {
            let u = p.value.unit();
            Value::List(vec![
                s("ok"),
                s(&Descr::datetime(u.unit, u.num).name()),
                Value::Int(i128::from(p.value.count())),
                Value::Bool(p.timezone_warning),
            ])
        }
        Err(e) => err_value(&e),
    }
}

/// The input strings a parse case recorded (its first item).
fn strings(case: &Case) -> Vec<String> {
    let Value::List(items) = &case.result else { panic!("{}: not a list", case.name) };
    let Value::List(strs) = &items[0] else { panic!("{}: no strings", case.name) };
    strs.iter().map(|v| if let Value::Str(x) = v { x.clone() } else { panic!("{}: not a string", case.name) }).collect()
}

fn check_parse(case: &Case, unit: Option<&str>) {
    let strs = strings(case);
    let results = strs.iter().map(|t| parse_value(t, unit)).collect();
    case.check_value(&Value::List(vec![Value::List(strs.iter().map(|t| s(t)).collect()), Value::List(results)]));
}

#[test]
fn parse_forms_malformed_and_timezones() {
    let o = oracle(FILE);
    for name in ["forms", "malformed", "timezones", "non_ascii"] {
        check_parse(o.case(name), None);
    }
}

#[test]
fn parse_with_explicit_units() {
    let o = oracle(FILE);
    let mut n = 0;
    for case in o.with_prefix("unit_") {
        let unit = case.name.strip_prefix("unit_").unwrap();
        check_parse(case, Some(if unit == "bad" { "xx" } else { unit }));
        n += 1;
    }
    assert_eq!(n, 23);
}

#[test]
fn parse_random_values_formatted_by_numpy() {
    let o = oracle(FILE);
    let mut n = 0;
    for case in o.with_prefix("random_") {
        check_parse(case, None);
        n += 1;
    }
    assert_eq!(n, 8);
}

#[test]
fn parse_the_ends_of_every_unit() {
    let o = oracle(FILE);
    for code in UNITS {
        check_parse(o.case(&format!("extremes_{code}")), Some(code));
    }
}

#[test]
fn today_and_now_units() {
    let o = oracle(FILE);
    let case = o.case("today_now");
    let h = DateTimeUnit::new(TimeUnit::Hour);
    let units = [
        parse_datetime("today").unwrap().value.unit(),
        parse_datetime("Now").unwrap().value.unit(),
        parse_datetime_as("TODAY", h).unwrap().value.unit(),
    ];
    case.check_value(&Value::List(units.iter().map(|u| s(&Descr::datetime(u.unit, u.num).name())).collect()));
}

/// The array of `as_string_*` cases, parsed as `M8[ms]`.
const AS_STRING_INPUT: [&str; 8] = [
    "2026-03-01T00:00:00",
    "2026-03-01T12:00:00",
    "2026-01-01T00:00:00",
    "2026-03-01T12:30:00.5",
    "2026-03-01T12:30:07",
    "1969-12-31T23:59:59.999",
    "-0005-02-03T04:05:06.007",
    "NaT",
];

#[test]
fn as_string_units_and_timezones() {
    let o = oracle(FILE);
    let ms = DateTimeUnit::new(TimeUnit::Millisecond);
    let values: Vec<DateTime64> = AS_STRING_INPUT.iter().map(|t| parse_datetime_as(t, ms).unwrap().value).collect();
    let mut n = 0;
    for unit in ["auto", "default"].into_iter().chain(UNITS) {
        for tz in ["naive", "UTC"] {
            let case = o.case(&format!("as_string_{unit}_{tz}"));
            let arg = (unit != "default").then_some(unit);
            let got = values.iter().map(|v| s(&datetime_as_string_with(v, arg, tz).unwrap())).collect();
            case.check_value(&Value::List(got));
            n += 1;
        }
    }
    assert_eq!(n, 30);
}

#[test]
fn as_string_auto_in_every_unit() {
    let o = oracle(FILE);
    let counts = [0, 1, -1, 123_456_789, -987_654_321, 1 << 40, -(1 << 40)];
    for code in UNITS {
        let unit = parse_unit(code).unwrap();
        let got = counts
            .iter()
            .map(|&c| s(&datetime_as_string(c, unit, AsStringUnit::Auto, Timezone::Naive).unwrap()))
            .collect();
        o.case(&format!("as_string_auto_{code}")).check_value(&Value::List(got));
    }
}

#[test]
fn as_string_bad_arguments() {
    let o = oracle(FILE);
    let d = nprs_datetime::datetime64("2026-03-01").unwrap();
    let e = datetime_as_string_with(&d, Some("xx"), "naive").unwrap_err();
    o.case("as_string_bad_unit").check_error(e.numpy_kind(), &e.to_string());
    let e = datetime_as_string_with(&d, None, "bad").unwrap_err();
    o.case("as_string_bad_tz").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn scalar_repr_and_str() {
    let o = oracle(FILE);
    let counts = [0, 1, -1, 123_456_789, NAT];
    let mut n = 0;
    for case in o.with_prefix("repr_") {
        let code = case.name.strip_prefix("repr_").unwrap();
        if code == "generic_nat" {
            let nat = parse_datetime("NaT").unwrap().value;
            case.check_value(&Value::List(vec![s(&format!("{nat:?}")), s(&nat.to_string())]));
            continue;
        }
        let unit = parse_unit(code).unwrap();
        let got = counts
            .iter()
            .map(|&c| {
                let d = DateTime64::new(c, unit).unwrap();
                Value::List(vec![s(&d.repr()), s(&d.to_string())])
            })
            .collect();
        case.check_value(&Value::List(got));
        n += 1;
    }
    assert_eq!(n, 20);
}

#[test]
fn casts_between_every_unit_pair() {
    let o = oracle(FILE);
    let counts: [i64; 16] =
        [0, 1, -1, 7, -7, 59, -61, 1000, -1001, 123_456_789, -123_456_789, 20513, -719_528, NAT, 1 << 40, -(1 << 40)];
    let codes: Vec<&str> = UNITS.into_iter().chain(["2D", "10ms", "7M", "3h"]).collect();
    for src in &codes {
        for dst in &codes {
            let (from, to) = (parse_unit(src).unwrap(), parse_unit(dst).unwrap());
            let case = o.case(&format!("cast_{src}_{dst}"));
            match counts.iter().map(|&c| convert_units(c, from, to)).collect::<Result<Vec<i64>, Error>>() {
                Ok(got) => case.check_value(&Value::List(got.into_iter().map(|c| Value::Int(i128::from(c))).collect())),
                Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
            }
        }
    }
}

#[test]
fn datetime_data_of_dtypes() {
    let o = oracle(FILE);
    for dt in ["M8[ns]", "m8[10ms]", "M8", "M8[2W]", "m8[generic]", "datetime64[25s]", "M8[Y]"] {
        let (code, num) = datetime_data(&Descr::parse(dt).unwrap()).unwrap();
        o.case(&format!("datetime_data_{dt}")).check_value(&Value::List(vec![s(code), Value::Int(i128::from(num))]));
    }
}

/// Python's `repr()` of what `item()` returns.
#[cfg(feature = "chrono")]
fn item_repr(item: nprs_datetime::Item) -> String {
    use chrono::{Datelike, Timelike};
    use nprs_datetime::Item;
    match item {
        Item::NaT => "None".into(),
        Item::Int(c) => c.to_string(),
        Item::Date(d) => format!("datetime.date({}, {}, {})", d.year(), d.month(), d.day()),
        Item::DateTime(dt) => {
            let (d, t) = (dt.date(), dt.time());
            let mut s =
                format!("datetime.datetime({}, {}, {}, {}, {}", d.year(), d.month(), d.day(), t.hour(), t.minute());
            let us = t.nanosecond() / 1000;
            if t.second() != 0 || us != 0 {
                s += &format!(", {}", t.second());
            }
            if us != 0 {
                s += &format!(", {us}");
            }
            s + ")"
        }
    }
}

#[cfg(feature = "chrono")]
#[test]
fn item_as_chrono_types() {
    let o = oracle(FILE);
    let counts: [i64; 10] =
        [0, 1_234_567, -1, NAT, 1_000_000_000, -1_000_000, 3_000_000, 2_932_896, -719_162, -719_163];
    for code in UNITS.into_iter().chain(["2D", "3h"]) {
        let unit = parse_unit(code).unwrap();
        let got = counts.iter().map(|&c| s(&item_repr(DateTime64::new(c, unit).unwrap().item()))).collect();
        o.case(&format!("item_{code}")).check_value(&Value::List(got));
    }
    let edges = ["0001-01-01", "0000-12-31", "9999-12-31T23:59:59.999999", "10000-01-01", "2024-02-29T12:00:00.000001"];
    let got = edges.iter().map(|t| s(&item_repr(nprs_datetime::datetime64(t).unwrap().item()))).collect();
    o.case("item_edges").check_value(&Value::List(got));
}

#[cfg(feature = "chrono")]
#[test]
fn chrono_round_trips() {
    use chrono::{NaiveDate, NaiveDateTime};
    // The oracle's parse of "2026-03-01T12:30:45.123456" (forms case) gives this count.
    let d = nprs_datetime::datetime64("2026-03-01T12:30:45.123456").unwrap();
    let dt = NaiveDateTime::try_from(d).unwrap();
    assert_eq!(DateTime64::from(dt), d);
    let day = nprs_datetime::datetime64("-0400-02-29").unwrap();
    assert_eq!(DateTime64::from(NaiveDate::try_from(day).unwrap()), day);
    assert!(NaiveDate::try_from(DateTime64::nat(DateTimeUnit::new(TimeUnit::Day))).is_err());
    let far = DateTime64::new(1_000_000_000, DateTimeUnit::new(TimeUnit::Day)).unwrap();
    assert_eq!(NaiveDate::try_from(far).unwrap_err().numpy_kind(), "OverflowError");
}

/// Python's `repr()` of what `timedelta64.item()` returns.
#[cfg(feature = "chrono")]
fn td_item_repr(item: nprs_datetime::TimeDeltaItem) -> String {
    use nprs_datetime::TimeDeltaItem;
    match item {
        TimeDeltaItem::NaT => "None".into(),
        TimeDeltaItem::Int(c) => c.to_string(),
        TimeDeltaItem::TimeDelta(t) => {
            let us = i128::from(t.num_seconds()) * 1_000_000 + i128::from(t.subsec_nanos()) / 1000;
            let (days, rest) = (us.div_euclid(86_400_000_000), us.rem_euclid(86_400_000_000));
            let parts: Vec<String> =
                [("days", days), ("seconds", rest / 1_000_000), ("microseconds", rest % 1_000_000)]
                    .into_iter()
                    .filter(|&(_, v)| v != 0)
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect();
            if parts.is_empty() {
                "datetime.timedelta(0)".into()
            } else {
                format!("datetime.timedelta({})", parts.join(", "))
            }
        }
    }
}

#[cfg(feature = "chrono")]
#[test]
fn timedelta_repr_str_and_item() {
    use nprs_datetime::TimeDelta64;
    let o = oracle(FILE);
    let counts: [i64; 9] = [0, 5, -1, NAT, 1_000_000_000, 1_000_000_000_000_000, -1_000_000_000_000_000, 86399, -86401];
    let mut n = 0;
    for case in o.with_prefix("td_") {
        let unit = parse_unit(case.name.strip_prefix("td_").unwrap()).unwrap();
        let got = counts
            .iter()
            .map(|&c| {
                let t = TimeDelta64::new(c, unit);
                Value::List(vec![s(&format!("{t:?}")), s(&t.to_string()), s(&td_item_repr(t.item()))])
            })
            .collect();
        case.check_value(&Value::List(got));
        n += 1;
    }
    assert_eq!(n, 16);
}

#[cfg(feature = "chrono")]
#[test]
fn timedelta_chrono_round_trips() {
    use chrono::TimeDelta;
    use nprs_datetime::TimeDelta64;
    let us = |c| TimeDelta64::new(c, DateTimeUnit::new(TimeUnit::Microsecond));
    for c in [0, 1, -1, 86_400_000_001, -86_400_000_001, i64::MAX] {
        assert_eq!(TimeDelta64::from(TimeDelta::try_from(us(c)).unwrap()), us(c));
    }
    let ps = TimeDelta64::new(-1, DateTimeUnit::new(TimeUnit::Picosecond));
    assert_eq!(TimeDelta::try_from(ps).unwrap(), TimeDelta::nanoseconds(-1));
    let years = TimeDelta64::new(1, DateTimeUnit::new(TimeUnit::Year));
    assert_eq!(TimeDelta::try_from(years).unwrap_err().numpy_kind(), "OverflowError");
    assert!(TimeDelta::try_from(TimeDelta64::new(NAT, DateTimeUnit::new(TimeUnit::Day))).is_err());
}

/// The string lists of the `array_*` cases.
const ARRAYS: [&[&str]; 8] = [
    &["2026", "2026-03-01T12", "NaT"],
    &["NaT"],
    &[],
    &["2026-03-01", "1969-12-31T23:59:59.5", "-0001"],
    &["2026-03", "2026-03-01T12:30:45.123456789"],
    &["2026", "bad"],
    &["2026-13-01"],
    &["now", "nat"],
];

#[test]
fn arrays_from_strings_and_back() {
    let o = oracle(FILE);
    for (i, strs) in ARRAYS.iter().enumerate() {
        for unit in [None, Some("D"), Some("ms")] {
            let case = o.case(&format!("array_{i}_{}", unit.unwrap_or("infer")));
            match nprs_datetime::datetime_array(strs, unit) {
                Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
                Ok(a) => {
                    let name = s(&a.dtype().name());
                    if strs.contains(&"now") {
                        case.check_value(&Value::List(vec![name, Value::Int(a.shape()[0] as i128)]));
                        continue;
                    }
                    let counts = a
                        .to_bytes()
                        .chunks_exact(8)
                        .map(|b| Value::Int(i128::from(i64::from_ne_bytes(b.try_into().unwrap()))))
                        .collect();
                    let strings = nprs_datetime::datetime_as_string_array(&a, Some("auto"), "naive").unwrap();
                    let strings = strings.iter().map(|t| s(t)).collect();
                    case.check_value(&Value::List(vec![
                        name,
                        Value::List(vec![Value::List(counts), Value::List(strings)]),
                    ]));
                }
            }
        }
    }
    let ints = nprs_core::DynArray::from_bytes(&[0u8; 24], &Descr::parse("i8").unwrap(), &[3]).unwrap();
    let e = nprs_datetime::datetime_as_string_array(&ints, None, "naive").unwrap_err();
    o.case("array_as_string_int").check_error(e.numpy_kind(), &e.to_string());
}

#[cfg(feature = "chrono")]
#[test]
fn items_of_array_elements_transposed_and_big_endian() {
    use nprs_core::{Array, DynArray};
    let o = oracle(FILE);
    let counts: Vec<i64> =
        vec![0, 1_234_567, -1, NAT, 1_000_000_000, -1_000_000, 3_000_000, 2_932_896, -719_162, -719_163];
    let mut n = 0;
    for kind in ["M", "m"] {
        for u in ["D", "s", "us", "ns", "Y", "h"] {
            let raw = DynArray::from(Array::from_shape_vec(&[2, 5], counts.clone()).unwrap());
            let a = raw.view_dtype(&Descr::parse(&format!("{kind}8[{u}]")).unwrap()).unwrap();
            let a = a.transpose().astype(&Descr::parse(&format!(">{kind}8[{u}]")).unwrap()).unwrap();
            let got: Vec<Value> = if kind == "M" {
                nprs_datetime::datetime_scalars(&a).unwrap().into_iter().map(|d| s(&item_repr(d.item()))).collect()
            } else {
                nprs_datetime::timedelta_scalars(&a).unwrap().into_iter().map(|t| s(&td_item_repr(t.item()))).collect()
            };
            o.case(&format!("array_items_{kind}_{u}")).check_value(&Value::List(got));
            n += 1;
        }
    }
    assert_eq!(n, 12);
    let ints = DynArray::from(Array::from_vec(vec![1i64]));
    assert_eq!(nprs_datetime::datetime_scalars(&ints).unwrap_err().numpy_kind(), "TypeError");
    let dates = nprs_datetime::datetime_array(&["2026-03-01"], None).unwrap();
    assert_eq!(nprs_datetime::timedelta_scalars(&dates).unwrap_err().numpy_kind(), "TypeError");
}
