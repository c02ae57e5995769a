//! Business days against the NumPy oracle (`tests/oracle/groups/datetime/busday.py`).

use nprs_core::dtype::Descr;
use nprs_core::{Array, DynArray};
use nprs_datetime::{BusDayCalendar, Error, busday_count, busday_offset, datetime_array, is_busday};
use nprs_testkit::{Elems, Value, oracle};

const FILE: &str = "datetime/busday";
const HOLIDAYS: [&str; 20] = [
    "2025-12-25",
    "2025-12-26",
    "2026-01-01",
    "2026-01-02",
    "2024-02-29",
    "2024-02-28",
    "2023-12-31",
    "2024-01-01",
    "2026-01-01",
    "NaT",
    "2026-01-03",
    "2000-02-29",
    "1999-12-31",
    "-0400-02-29",
    "12000-06-15",
    "2026-07-04",
    "2026-05-25",
    "1970-01-01",
    "1969-12-31",
    "2100-03-01",
];
const WEEKMASKS: [&str; 10] = [
    "1111100",
    "1111111",
    "0000011",
    "1010101",
    "Mon Tue Wed Thu Fri",
    "MonWedFri",
    " Sat  Sun ",
    "Tue",
    "Mon Tue Mon",
    "0111110",
];
const ROLLS: [&str; 8] =
    ["raise", "nat", "forward", "following", "backward", "preceding", "modifiedfollowing", "modifiedpreceding"];

fn s(x: &str) -> Value {
    Value::Str(x.to_string())
}

fn err(e: &Error) -> Value {
    Value::List(vec![s("err"), s(e.numpy_kind()), s(&e.to_string())])
}

fn ints(v: impl IntoIterator<Item = i64>) -> Value {
    Value::List(v.into_iter().map(|x| Value::Int(i128::from(x))).collect())
}

fn bools(v: impl IntoIterator<Item = bool>) -> Value {
    Value::List(v.into_iter().map(Value::Bool).collect())
}

/// The first place where two recorded values differ (a path of list indices).
fn first_difference(a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::List(x), Value::List(y)) => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(p, q) {
                    return Some(format!("[{i}]{d}"));
                }
            }
            (x.len() != y.len()).then(|| format!(": lengths {} and {}", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!(": numpy {a:?}, nprs {b:?}")),
    }
}

/// Compares with the case, naming the first difference.
fn check(o: &nprs_testkit::Cases, name: &str, got: &Value) {
    let case = o.case(name);
    if let Some(d) = first_difference(&case.result, got) {
        panic!("{name}{d}");
    }
    case.check_value(got);
}

fn days(a: &DynArray) -> Vec<i64> {
    a.view_dtype(&nprs_core::DType::Int64.into()).unwrap().to_owned().typed::<i64>().unwrap().to_vec()
}

fn date_array(days: &[i64]) -> DynArray {
    DynArray::from(Array::from_vec(days.to_vec())).view_dtype(&Descr::parse("M8[D]").unwrap()).unwrap().to_owned()
}

#[test]
fn calendars_from_weekmask_strings_and_holidays() {
    let o = oracle(FILE);
    for (i, w) in WEEKMASKS.iter().enumerate() {
        let got = match BusDayCalendar::new(*w, &HOLIDAYS) {
            Ok(c) => Value::List(vec![bools(c.weekmask()), ints(c.holidays().iter().copied())]),
            Err(e) => err(&e),
        };
        check(&o, &format!("cal_{i}"), &got);
    }
    let a = BusDayCalendar::new([true, false, true, false, true, false, true], &[]).unwrap();
    let b = BusDayCalendar::new(&[1i64, 1, 1, 1, 1, 0, 2][..], &[]).unwrap();
    check(&o, "cal_bools", &Value::List(vec![bools(a.weekmask()), bools(b.weekmask())]));
    let bad = ["1111", "11111000", "0000000", "Mon,Tue", "mon tue", "Mo Tu", "1111100x", "", "2111100", "Monday"];
    let mut got: Vec<Value> = bad.iter().map(|w| err(&BusDayCalendar::new(*w, &[]).unwrap_err())).collect();
    got.push(err(&BusDayCalendar::new(&[1i64, 1, 1][..], &[]).unwrap_err()));
    got.push(err(&BusDayCalendar::new(&[0i64; 7][..], &[]).unwrap_err()));
    check(&o, "cal_bad", &Value::List(got));
    let e = BusDayCalendar::new("1111100", &["2026-01-05T12"]).unwrap_err();
    check(&o, "cal_bad_holiday", &err(&e));
}

/// The `span` dates of the case file.
fn span() -> DynArray {
    let mut all = Vec::new();
    for (a, b) in [
        ("2023-12-20", "2024-03-10"),
        ("2025-12-15", "2026-01-20"),
        ("1969-12-20", "1970-01-10"),
        ("-0401-02-20", "-0400-03-05"),
        ("11999-12-25", "12000-01-10"),
    ] {
        let a = nprs_datetime::datetime64_as(a, "D").unwrap();
        let b = nprs_datetime::datetime64_as(b, "D").unwrap();
        all.extend(a.count()..b.count());
    }
    all.push(i64::MIN);
    date_array(&all)
}

#[test]
fn every_roll_and_offset_over_year_ends_leap_days_and_far_dates() {
    let o = oracle(FILE);
    let span = span();
    let n = span.size();
    let dates = span.slice(nprs_core::s![..n - 1]).to_owned();
    let nat = span.slice(nprs_core::s![n - 1..]).to_owned();
    let reversed = dates.flip(0).unwrap().to_owned();
    for (i, w) in ["1111100", "1010101", "0000011", "Mon Tue Wed Thu Fri"].iter().enumerate() {
        let cal = BusDayCalendar::new(*w, &HOLIDAYS).unwrap();
        check(&o, &format!("span_is_busday_{i}"), &bools(is_busday(&span, &cal).unwrap().to_vec()));
        for r in ROLLS {
            for off in [0i64, 1, -1, 3, -7, 25, -260] {
                let got = match busday_offset(&dates, &Array::from_vec(vec![off]), r, &cal) {
                    Ok(a) => ints(days(&a)),
                    Err(e) => err(&e),
                };
                check(&o, &format!("span_offset_{i}_{r}_{off}").replace('-', "m"), &got);
            }
            let got = match busday_offset(&nat, &Array::from_vec(vec![2]), r, &cal) {
                Ok(a) => ints(days(&a)),
                Err(e) => err(&e),
            };
            check(&o, &format!("span_offset_nat_{i}_{r}"), &got);
        }
        let first = dates.slice(nprs_core::s![..1]).to_owned().into_shape(&[] as &[usize]).unwrap();
        let fixed = datetime_array(&["2026-01-07"], Some("D")).unwrap().into_shape(&[] as &[usize]).unwrap();
        let got = Value::List(vec![
            ints(busday_count(&dates, &reversed, &cal).unwrap().to_vec()),
            ints(busday_count(&first, &dates, &cal).unwrap().to_vec()),
            ints(busday_count(&dates, &fixed, &cal).unwrap().to_vec()),
        ]);
        check(&o, &format!("span_count_{i}"), &got);
    }
}

#[test]
fn weekmask_and_holidays_given_directly_broadcast_two_d_offsets() {
    let o = oracle(FILE);
    let d = datetime_array(&["2026-01-01", "2026-01-09", "2024-02-28"], Some("D")).unwrap();
    let offs = Array::from_shape_vec(&[3, 1], vec![1i64, -2, 10]).unwrap();
    let cal = BusDayCalendar::new("Mon Tue Wed Thu Fri", &["2026-01-02", "2024-02-29"]).unwrap();
    let r = busday_offset(&d, &offs, "forward", &cal).unwrap();
    o.case("direct_forms")
        .check_value(&Value::List(days(&r).chunks(3).map(|row| ints(row.iter().copied())).collect::<Vec<_>>()));
    let r = busday_offset(&d, &offs, "forward", &BusDayCalendar::default()).unwrap();
    check(&o, "direct_shape", &ints(r.shape().iter().map(|&x| x as i64)));
}

fn input(o: &nprs_testkit::Cases, name: &str) -> Vec<i64> {
    let Elems::Int(v) = &o.case(name).array().data else { panic!("{name}") };
    v.iter().map(|&x| i64::try_from(x).unwrap()).collect()
}

#[test]
fn random_dates_offsets_and_counts_with_twenty_holidays() {
    let o = oracle(FILE);
    let (d, off, e, hol) = (
        input(&o, "random_dates"),
        input(&o, "random_offsets"),
        input(&o, "random_ends"),
        input(&o, "random_holidays"),
    );
    let cal = BusDayCalendar::with_holiday_array("1111100", &date_array(&hol)).unwrap();
    let dates = date_array(&d);
    for r in ["forward", "backward", "modifiedfollowing", "modifiedpreceding"] {
        let got = busday_offset(&dates, &Array::from_vec(off.clone()), r, &cal).unwrap();
        check(&o, &format!("random_offset_{r}"), &ints(days(&got)));
    }
    check(&o, "random_count", &ints(busday_count(&dates, &date_array(&e), &cal).unwrap().to_vec()));
    check(&o, "random_is_busday", &bools(is_busday(&dates, &cal).unwrap().to_vec()));
}

#[test]
fn business_day_errors_in_numpys_words() {
    let o = oracle(FILE);
    let cal = BusDayCalendar::default();
    let one = Array::from_vec(vec![1i64]);
    let sat = datetime_array(&["2026-01-03"], Some("D")).unwrap();
    let nat = datetime_array(&["NaT"], Some("D")).unwrap();
    let hour = datetime_array(&["2026-01-01T12"], None).unwrap();
    let day = datetime_array(&["2026-01-01"], None).unwrap();
    check(&o, "err_roll", &err(&busday_offset(&sat, &one, "bogus", &cal).unwrap_err()));
    check(&o, "err_raise", &err(&busday_offset(&sat, &one, "raise", &cal).unwrap_err()));
    check(&o, "err_nat", &err(&busday_offset(&nat, &one, "raise", &cal).unwrap_err()));
    check(&o, "err_count_nat", &err(&busday_count(&nat, &day, &cal).unwrap_err()));
    check(&o, "err_unit", &err(&is_busday(&hour, &cal).unwrap_err()));
    check(&o, "err_unit_offset", &err(&busday_offset(&hour, &one, "raise", &cal).unwrap_err()));
    check(&o, "err_unit_count", &err(&busday_count(&day, &hour, &cal).unwrap_err()));
}

#[test]
fn coarse_units_and_huge_offsets() {
    let o = oracle(FILE);
    let cal = BusDayCalendar::default();
    let month = datetime_array(&["2026-01"], None).unwrap();
    let (y0, y1) = (datetime_array(&["2026"], None).unwrap(), datetime_array(&["2027"], None).unwrap());
    let week = datetime_array(&["2026-01-05"], Some("W")).unwrap();
    let day = datetime_array(&["2026-01-01"], None).unwrap();
    let got = Value::List(vec![
        Value::Int(i128::from(days(&busday_offset(&month, &Array::from_vec(vec![1]), "raise", &cal).unwrap())[0])),
        Value::Int(i128::from(busday_count(&y0, &y1, &cal).unwrap().to_vec()[0])),
        Value::Bool(is_busday(&week, &cal).unwrap().to_vec()[0]),
        Value::Int(i128::from(
            days(&busday_offset(&day, &Array::from_vec(vec![1i64 << 62]), "raise", &cal).unwrap())[0],
        )),
    ]);
    check(&o, "coarse_units", &got);
}
