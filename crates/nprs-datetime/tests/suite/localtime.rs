//! The local time zone (`timezone='local'`, `'today'`) and the fast ISO layouts against the
//! NumPy oracle (`tests/oracle/groups/datetime/localtime.py`). Every zone is given
//! explicitly (the TZif bytes NumPy's C library read, or the POSIX TZ string it was set
//! to), so no test depends on the process's `TZ`.

use nprs_core::DynArray;
use nprs_core::dtype::Descr;
use nprs_datetime::{
    TimeZone, Timezone, datetime_array, datetime_as_string_array, datetime_as_string_array_in, parse_datetime, today_in,
};
use nprs_testkit::{Case, Cases, Elems, Value, oracle};

const FILE: &str = "datetime/localtime";

fn hex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn ints(case: &Case) -> Vec<i64> {
    match &case.array().data {
        Elems::Int(v) => v.iter().map(|&x| i64::try_from(x).unwrap()).collect(),
        other => panic!("{}: not integers: {other:?}", case.name),
    }
}

fn strs_of(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => match &a.data {
            Elems::Str(s) => s.clone(),
            other => panic!("not strings: {other:?}"),
        },
        other => panic!("not an array: {other:?}"),
    }
}

fn input_str(case: &Case) -> String {
    match case.input() {
        Value::Str(s) => s.clone(),
        other => panic!("{}: not a string: {other:?}", case.name),
    }
}

fn array(counts: &[i64], dtype: &str) -> DynArray {
    let bytes: Vec<u8> = counts.iter().flat_map(|c| c.to_ne_bytes()).collect();
    DynArray::from_bytes(&bytes, &Descr::parse(dtype).unwrap(), &[counts.len()]).unwrap()
}

/// The five `local_<key>` string arrays of `zone`, as nprs makes them.
fn local_strings(a: &DynArray, zone: &TimeZone) -> Vec<Vec<String>> {
    let tz = Timezone::Zone(zone);
    [
        (None, "same_kind"),
        (Some("auto"), "same_kind"),
        (Some("ms"), "same_kind"),
        (Some("h"), "same_kind"),
        (Some("D"), "unsafe"),
    ]
    .into_iter()
    .map(|(unit, casting)| datetime_as_string_array_in(a, unit, tz, casting).unwrap())
    .collect()
}

fn check_zone(o: &Cases, key: &str, zone: &TimeZone) {
    let a = array(&ints(o.case(&format!("inst_{key}"))), "M8[s]");
    let got = local_strings(&a, zone);
    o.case(&format!("local_{key}")).check_with(
        |v| match v {
            Value::List(items) => items.iter().map(strs_of).collect::<Vec<_>>(),
            other => panic!("not a list: {other:?}"),
        },
        got,
    );
    // 'today' is the local date of 'now', in days.
    let today = today_in(zone);
    let now = parse_datetime("now").unwrap().value;
    let local_now =
        datetime_as_string_array_in(&array(&[now.count()], "M8[s]"), Some("D"), Timezone::Zone(zone), "unsafe")
            .unwrap();
    let unit = parse_datetime("today").unwrap().value.unit();
    o.case(&format!("today_{key}")).check_value(&Value::List(vec![
        Value::Str(Descr::datetime(unit.unit, unit.num).name()),
        Value::Bool(today.iso(nprs_core::dtype::TimeUnit::Day) == local_now[0]),
    ]));
}

#[test]
fn local_time_in_tzif_zones_as_numpy() {
    let o = oracle(FILE);
    let mut n = 0;
    for case in o.with_prefix("tzif_") {
        let key = case.name.strip_prefix("tzif_").unwrap();
        let bytes = hex(&input_str(case));
        let zone = TimeZone::from_tzif(&bytes).unwrap();
        // The system's copy, by name and through TZ's rules, when it is the same file.
        let name = key.replacen('_', "/", usize::from(key.contains('_')));
        let path = format!("/usr/share/zoneinfo/{name}");
        if std::fs::read(&path).is_ok_and(|b| b == bytes) {
            assert_eq!(TimeZone::named(&name).unwrap(), zone);
            assert_eq!(TimeZone::from_tz_variable(Some(&format!(":{name}"))), zone);
            assert_eq!(TimeZone::from_tz_variable(Some(&path)), zone);
        }
        check_zone(&o, key, &zone);
        n += 1;
    }
    assert_eq!(n, 8);
}

#[test]
fn local_time_in_posix_tz_strings_as_numpy() {
    let o = oracle(FILE);
    for i in 0..10 {
        let key = format!("posix_{i}");
        let tz = input_str(o.case(&key));
        let zone = TimeZone::from_tz_variable(Some(&tz));
        match TimeZone::from_posix(&tz) {
            Ok(z) => assert_eq!(z, zone),
            // The C library falls back to UTC for what it cannot parse.
            Err(_) => assert_eq!(zone, TimeZone::utc()),
        }
        check_zone(&o, &key, &zone);
    }
}

#[test]
fn local_dates_need_unsafe_casting() {
    let o = oracle(FILE);
    let ny = TimeZone::from_tzif(&hex(&input_str(o.case("tzif_America_New_York")))).unwrap();
    let tz = Timezone::Zone(&ny);
    let h = datetime_array(&["2026-03-01T12"], None).unwrap();
    let e = datetime_as_string_array_in(&h, Some("D"), tz, "same_kind").unwrap_err();
    o.case("local_date_error").check_error(e.numpy_kind(), &e.to_string());
    let y = datetime_array(&["2026"], None).unwrap();
    let e = datetime_as_string_array_in(&y, None, tz, "same_kind").unwrap_err();
    o.case("local_date_error_Y").check_error(e.numpy_kind(), &e.to_string());
    // Outside 1970..=9999 the value is not made local, so dates pass.
    let d = datetime_array(&["1969-12-31", "10000-01-01"], None).unwrap();
    let got = datetime_as_string_array_in(&d, None, tz, "same_kind").unwrap();
    o.case("local_date_out_of_range").check_with(strs_of, got);
    let us = datetime_array(&["NaT", "2026-03-01T12:00:00.123456"], Some("us")).unwrap();
    let got = datetime_as_string_array_in(&us, None, tz, "same_kind").unwrap();
    o.case("local_nat").check_with(strs_of, got);
}

#[test]
fn random_datetimes_format_and_parse_as_numpy() {
    let o = oracle(FILE);
    for u in ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"] {
        let counts = ints(o.case(&format!("rand_{u}")));
        assert_eq!(counts.len(), 10_000);
        let a = array(&counts, &format!("M8[{u}]"));
        let text = datetime_as_string_array(&a, None, "naive").unwrap();
        o.case(&format!("rand_{u}_str")).check_with(strs_of, text.clone());
        let refs: Vec<&str> = text.iter().map(String::as_str).collect();
        let parsed = datetime_array(&refs, None).unwrap();
        let case = o.case(&format!("rand_{u}_parse"));
        let i8: Descr = nprs_core::DType::Int64.into();
        let got = parsed.view_dtype(&i8).unwrap().to_owned().into_typed::<i64>().unwrap().to_vec();
        let numpy = |v: &Value| match v {
            Value::List(items) => match (&items[0], &items[1]) {
                (Value::Str(d), Value::Array(a)) => match &a.data {
                    Elems::Int(x) => (d.clone(), x.iter().map(|&c| i64::try_from(c).unwrap()).collect::<Vec<_>>()),
                    other => panic!("not integers: {other:?}"),
                },
                other => panic!("not [dtype, counts]: {other:?}"),
            },
            other => panic!("not a list: {other:?}"),
        };
        case.check_with(numpy, (parsed.dtype().name(), got));
    }
}

/// A small deterministic generator for the fuzz test.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn hostile_tzif_data_gives_errors_not_panics() {
    let o = oracle(FILE);
    let good = hex(&input_str(o.case("tzif_Europe_Dublin")));
    // Every truncation: an error, except where only the footer's tail is cut.
    for len in 0..good.len() {
        let _ = TimeZone::from_tzif(&good[..len]);
    }
    assert!(TimeZone::from_tzif(&good[..good.len() - 1]).is_err());
    assert!(TimeZone::from_tzif(&[]).is_err());
    assert!(TimeZone::from_tzif(b"TZif").is_err());
    // Random bytes flipped, and random garbage of every small length.
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let mut bytes = good.clone();
        for _ in 0..1 + rng.next() % 4 {
            let i = (rng.next() % bytes.len() as u64) as usize;
            bytes[i] = rng.next() as u8;
        }
        if let Ok(z) = TimeZone::from_tzif(&bytes) {
            for t in [i64::MIN, -1 << 40, 0, 1 << 31, 1 << 40, i64::MAX] {
                let _ = z.offset_at(t);
            }
        }
    }
    for len in 0..200 {
        let mut bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if len >= 5 {
            bytes[..5].copy_from_slice(b"TZif2");
        }
        let _ = TimeZone::from_tzif(&bytes);
    }
    // Huge counts in a header allocate nothing and fail.
    let mut huge = good[..44].to_vec();
    huge[32..36].copy_from_slice(&u32::MAX.to_be_bytes());
    assert!(TimeZone::from_tzif(&huge).is_err());
    // A transition naming a missing type, and transitions out of order.
    let one = |times: &[i32], idx: &[u8]| {
        let mut b = b"TZif\0".to_vec();
        b.extend([0; 15]);
        for c in [0u32, 0, 0, times.len() as u32, 1, 4] {
            b.extend(c.to_be_bytes());
        }
        times.iter().for_each(|t| b.extend(t.to_be_bytes()));
        b.extend(idx);
        b.extend([0, 0, 0, 0, 0, 0]);
        b.extend(b"UTC\0");
        b
    };
    assert!(TimeZone::from_tzif(&one(&[0], &[0])).is_ok());
    assert!(TimeZone::from_tzif(&one(&[0], &[1])).is_err());
    assert!(TimeZone::from_tzif(&one(&[5, 5], &[0, 0])).is_err());
    // A file that is not a zone, and one that does not exist.
    assert!(TimeZone::from_file("/dev/null").is_err());
    assert!(TimeZone::named("No/Such_Zone").is_err());
    assert_eq!(TimeZone::from_tz_variable(Some(":No/Such_Zone")), TimeZone::utc());
}

#[test]
fn malformed_posix_strings_are_errors() {
    assert!(TimeZone::from_posix("EST").is_err());
    for bad in [
        "",
        "ES5",
        "EST5EDT,M13.1.0,M11.1.0",
        "EST5EDT,M3.2.0",
        "EST5EDT,M3.6.0,M11.1.0",
        "EST5EDT,M3.2.7,M11.1.0",
        "EST5EDT,J0,J365",
        "EST5EDT,366,1",
        "EST25",
        "EST5:60",
        "EST5EDT,M3.2.0/168,M11.1.0",
        "<AB>5",
        "<ABC5",
        "EST5 ",
        "EST5EDT4,M3.2.0,M11.1.0x",
    ] {
        assert!(TimeZone::from_posix(bad).is_err(), "{bad:?}");
        assert_eq!(TimeZone::from_tz_variable(Some(bad)).offset_at(1 << 30), 0, "{bad:?}");
    }
    let z = TimeZone::from_posix("XXX3YYY,J60/25,300/-1").unwrap();
    for t in [i64::MIN, i64::MIN + 1, -1, 0, i64::MAX - 1, i64::MAX] {
        assert!([-3 * 3600, -2 * 3600].contains(&z.offset_at(t)));
    }
}

#[test]
fn local_is_the_process_zone() {
    // The process's zone (whatever TZ is here), through the string argument and 'today'.
    let zone = TimeZone::local();
    let a = datetime_array(&["1969-12-31T23:59", "2026-03-08T07:00", "9999-12-31T23:59", "NaT"], None).unwrap();
    let by_name = nprs_datetime::datetime_as_string_array(&a, None, "local").unwrap();
    assert_eq!(by_name, datetime_as_string_array_in(&a, None, Timezone::Zone(&zone), "same_kind").unwrap());
    let today = parse_datetime("today").unwrap().value;
    assert_eq!(today.to_string(), today_in(&zone).iso(nprs_core::dtype::TimeUnit::Day));
}

#[test]
fn datetime_as_string_ndarray_as_numpy() {
    let o = oracle(FILE);
    let ny = TimeZone::from_tzif(&hex(&input_str(o.case("tzif_America_New_York")))).unwrap();
    let counts = [0, i64::MIN, 1_234_567_890_123, -98_765_432_100, 1 << 40, 7];
    let bytes: Vec<u8> = counts.iter().flat_map(|c| c.to_ne_bytes()).collect();
    let a = DynArray::from_bytes(&bytes, &Descr::parse("M8[ms]").unwrap(), &[2, 3]).unwrap();
    let units = [None, Some("auto"), Some("Y"), Some("M"), Some("W"), Some("D"), Some("h"), Some("m"), Some("s")];
    let fine = [Some("ms"), Some("us"), Some("ns"), Some("ps"), Some("fs"), Some("as")];
    for unit in units.into_iter().chain(fine) {
        for (name, tz) in [("naive", Timezone::Naive), ("UTC", Timezone::Utc), ("local", Timezone::Zone(&ny))] {
            let got = nprs_datetime::datetime_as_string_ndarray(&a, unit, tz, "unsafe").unwrap();
            let case = o.case(&format!("ndarray_{}_{name}", unit.unwrap_or("None")));
            let numpy = case.array();
            let Elems::Str(text) = &numpy.data else { panic!("{}: not strings", case.name) };
            let strs = nprs_datetime::datetime_as_string_array_in(&a, unit, tz, "unsafe").unwrap();
            case.assert_eq(
                (numpy.dtype.clone(), numpy.shape.clone(), text.clone()),
                (got.dtype().str(), got.shape().to_vec(), strs),
            );
            // The array's own elements are NumPy's strings too.
            let scalars: Vec<_> = text.iter().map(|t| nprs_core::scalar::Scalar::Str(t.clone())).collect();
            let expected = DynArray::from_scalars(&[2, 3], got.dtype(), &scalars).unwrap();
            assert_eq!(got.to_bytes(), expected.to_bytes());
        }
    }
    let nat = datetime_array(&["NaT", "NaT"], None).unwrap();
    let got = nprs_datetime::datetime_as_string_ndarray(&nat, None, Timezone::Naive, "same_kind").unwrap();
    let case = o.case("ndarray_generic");
    case.assert_eq((case.array().dtype.clone(), case.array().shape.clone()), (got.dtype().str(), got.shape().to_vec()));
}
