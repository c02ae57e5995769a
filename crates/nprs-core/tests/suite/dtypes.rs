//! Oracle checks of dtype descriptors: parsing, NumPy's string forms, limits.

use nprs_core::{DType, Descr, finfo, iinfo};
use nprs_testkit::{Value, oracle};

fn s(x: &str) -> Value {
    Value::Str(x.to_string())
}

fn i(x: usize) -> Value {
    Value::Int(x as i128)
}

/// The dtype spelling inside `np.dtype(...)` of a case's expression.
fn spec_of(expr: &str) -> String {
    let start = expr.find("(np.dtype(").expect("np.dtype call") + "(np.dtype(".len();
    let inner = &expr[start..expr.len() - 2];
    if inner.starts_with('\'') || inner.starts_with('"') {
        inner[1..inner.len() - 1].to_string()
    } else {
        inner.to_string()
    }
}

fn attrs(d: &Descr) -> Value {
    Value::List(vec![
        s(&d.to_string()),
        s(&format!("{d:?}")),
        s(&d.str()),
        s(&d.name()),
        s(&d.kind().to_string()),
        s(&d.char().to_string()),
        i(d.itemsize()),
        i(d.alignment()),
        s(&d.byteorder().to_string()),
    ])
}

#[test]
fn dtype_spellings_match_numpy() {
    let o = oracle("dtypes/descr");
    let mut n = 0;
    for c in o.with_prefix("spec_") {
        let spec = spec_of(&c.expr);
        let d = Descr::parse(&spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
        c.check_value(&attrs(&d));
        n += 1;
    }
    assert!(n > 80, "expected the full list of spellings, got {n}");
}

#[test]
fn bad_dtype_strings_error_as_numpy() {
    let o = oracle("dtypes/descr");
    for c in o.with_prefix("error_") {
        let spec = c.expr.trim_start_matches("np.dtype(").trim_end_matches(')');
        let spec = &spec[1..spec.len() - 1];
        let e = Descr::parse(spec).expect_err(spec);
        c.check_error(e.numpy_kind(), &e.to_string());
    }
    let e = Descr::parse("[('a', 'i4'), ('a', 'f8')]").unwrap_err();
    o.case("duplicate_field").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn aligned_and_offset_records() {
    let o = oracle("dtypes/descr");
    let al = Descr::record_aligned([("a", Descr::parse("i1").unwrap()), ("b", Descr::parse("<i4").unwrap())]).unwrap();
    o.case("aligned_repr").check_str(&format!("{al:?}"));
    o.case("aligned_str").check_str(&al.to_string());
    let al3 =
        Descr::record_aligned([("a", DType::Int8.into()), ("b", DType::Int32.into()), ("c", DType::Int16.into())])
            .unwrap();
    o.case("aligned_itemsize").check_value(&i(al3.itemsize()));
    let off =
        Descr::parse("{'names': ['a', 'b'], 'formats': ['i1', '<f8'], 'offsets': [0, 8], 'itemsize': 24}").unwrap();
    o.case("offsets_repr").check_str(&format!("{off:?}"));
    o.case("offsets_descr").check_str(&off.descr_list().unwrap());
    // The .npy reading drops the padding entries again.
    let back = Descr::from_npy_descr(&off.descr_list().unwrap()).unwrap();
    assert_eq!(back, off);
}

#[test]
fn seed_record_dtype() {
    let o = oracle("dtypes/descr");
    let d = Descr::record([
        ("name", Descr::unicode(10)),
        ("age", DType::Int32.into()),
        ("scores", Descr::subarray(DType::Float64.into(), &[3]).unwrap()),
    ])
    .unwrap();
    assert_eq!(d, Descr::parse("[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]").unwrap());
    o.case("seed_descr").check_str(&d.descr_list().unwrap());
    o.case("seed_names").check_value(&Value::List(d.names().unwrap().into_iter().map(s).collect()));
    let offs: Vec<Value> = d.record_layout_of().unwrap().fields().iter().map(|f| i(f.offset)).collect();
    o.case("subarray_field_offsets").check_value(&Value::List(offs));
    o.case("newbyteorder")
        .check_str(&Descr::parse("<i4").unwrap().with_byte_order(nprs_core::ByteOrder::Big).to_string());
    assert_eq!(d.npy_descr().unwrap(), "[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]");
    assert_eq!(Descr::from(DType::Float64).npy_descr().unwrap(), "'<f8'");
}

#[test]
fn unsupported_dtypes_are_refused() {
    // Deliberate deviations: no object dtype, no long double.
    for (spec, what) in [("object", "object"), ("O", "object"), ("f16", "long double"), ("longdouble", "long double")] {
        let e = Descr::parse(spec).unwrap_err();
        assert_eq!(e.numpy_kind(), "TypeError");
        assert_eq!(e.to_string(), format!("the {what} dtype '{spec}' is not supported by nprs"));
    }
}

#[test]
fn bfloat16_extension() {
    let b = Descr::parse("bfloat16").unwrap();
    assert_eq!(
        (b.name(), b.itemsize(), b.kind(), b.char(), b.str()),
        ("bfloat16".to_string(), 2, 'V', 'E', "<V2".into())
    );
    let f = finfo(b).unwrap();
    assert_eq!((f.nmant, f.nexp, f.precision), (7, 8, 2));
    assert_eq!(f.eps, 2f64.powi(-7));
    assert_eq!(f.max, half::bf16::MAX.to_f64());
}

fn int_limits(t: DType) -> Value {
    let l = iinfo(t).unwrap();
    Value::List(vec![
        Value::Int(i128::from(l.bits)),
        Value::Int(l.min),
        Value::Int(l.max),
        s(&l.kind().to_string()),
        s(&l.dtype.to_string()),
        s(&l.to_string()),
        s(&l.repr()),
    ])
}

#[test]
fn iinfo_matches_numpy() {
    let o = oracle("dtypes/limits");
    for t in DType::ALL.into_iter().filter(|t| matches!(t.kind(), 'i' | 'u')) {
        o.case(&format!("iinfo_{t}")).check_value(&int_limits(t));
    }
    for spec in ["f8", "?", "U5", "M8"] {
        let e = iinfo(Descr::parse(spec).unwrap()).unwrap_err();
        o.case(&format!("iinfo_error_{spec}")).check_error(e.numpy_kind(), &e.to_string());
    }
}

#[test]
fn finfo_matches_numpy() {
    let o = oracle("dtypes/limits");
    let fl = |x: f64| Value::Float(x);
    let int = |x: i32| Value::Int(i128::from(x));
    for t in DType::ALL.into_iter().filter(|t| matches!(t.kind(), 'f' | 'c')) {
        let f = finfo(t).unwrap();
        let v = Value::List(vec![
            Value::Int(i128::from(f.bits)),
            fl(f.eps),
            fl(f.epsneg),
            fl(f.max),
            fl(f.min),
            fl(f.tiny),
            fl(f.smallest_normal),
            fl(f.smallest_subnormal),
            fl(f.resolution),
            int(f.precision),
            int(f.machep),
            int(f.negep),
            int(f.maxexp),
            int(f.minexp),
            int(f.nmant),
            int(f.nexp),
            int(f.iexp),
            s(&f.dtype().to_string()),
        ]);
        o.case(&format!("finfo_{t}")).check_value(&v);
        o.case(&format!("finfo_str_{t}")).check_str(&f.to_string());
        o.case(&format!("finfo_repr_{t}")).check_str(&f.repr());
    }
    for spec in ["i8", "?", "U3"] {
        let e = finfo(Descr::parse(spec).unwrap()).unwrap_err();
        o.case(&format!("finfo_error_{spec}")).check_error(e.numpy_kind(), &e.to_string());
    }
}

#[test]
fn float16_overflow_and_max() {
    // Seed: np.float16(65504) stays, np.float16(65600) overflows to inf.
    let o = oracle("dtypes/limits");
    let f = |x: f64| half::f16::from_f64(x);
    o.case("f16_65504").check(&nprs_core::Array::from_elem_0d(f(65504.0)));
    o.case("f16_65600").check(&nprs_core::Array::from_elem_0d(f(65600.0)));
    o.case("f16_65504_str").check_str(&nprs_core::dtype::pyfmt::repr_f16(f(65504.0)));
    o.case("f16_65600_str").check_str(&nprs_core::dtype::pyfmt::repr_f16(f(65600.0)));
}

// ---------------------------------------------------------------------------------------
// Promotion and casting.

use nprs_core::{Casting, Scalar, TypeArg, can_cast, common_type, min_scalar_type, promote_types, result_type};

const NUM: [&str; 14] = ["?", "b", "B", "h", "H", "i", "I", "l", "L", "e", "f", "d", "F", "D"];
const MODES: [Casting; 5] = [Casting::No, Casting::Equiv, Casting::Safe, Casting::SameKind, Casting::Unsafe];

/// The `np.dtype(...)` arguments of an expression, in order.
fn dtype_args(expr: &str) -> Vec<Descr> {
    let mut out = Vec::new();
    let mut rest = expr;
    while let Some(i) = rest.find("np.dtype(") {
        let after = &rest[i + "np.dtype(".len()..];
        let (spec, tail) = if after.starts_with('[') {
            let end = after.find("])").expect("list spec") + 1;
            (after[..end].to_string(), &after[end..])
        } else {
            let q = &after[..1];
            let end = after[1..].find(q).expect("quoted spec") + 1;
            (after[1..end].to_string(), &after[end + 1..])
        };
        out.push(Descr::parse(&spec).unwrap_or_else(|e| panic!("{spec}: {e}")));
        rest = tail;
    }
    out
}

#[test]
fn promote_types_table_matches_numpy() {
    let o = oracle("dtypes/promotion");
    let mut got = Vec::new();
    for a in NUM {
        for b in NUM {
            let p = promote_types(&Descr::parse(a).unwrap(), &Descr::parse(b).unwrap()).unwrap();
            got.push(s(&p.str()));
        }
    }
    o.case("promote_numeric").check_value(&Value::List(got));
    for c in o.with_prefix("promote_other_") {
        let d = dtype_args(&c.expr);
        c.check_str(&promote_types(&d[0], &d[1]).unwrap_or_else(|e| panic!("{}: {e}", c.expr)).to_string());
    }
    for c in o.with_prefix("promote_error_") {
        let d = dtype_args(&c.expr);
        let e = promote_types(&d[0], &d[1]).expect_err(&c.expr);
        c.check_error(e.numpy_kind(), &e.to_string());
    }
}

#[test]
fn can_cast_matrix_matches_numpy() {
    let o = oracle("dtypes/promotion");
    for m in MODES {
        let mut got = Vec::new();
        for a in NUM {
            for b in NUM {
                got.push(Value::Bool(can_cast(&Descr::parse(a).unwrap(), &Descr::parse(b).unwrap(), m)));
            }
        }
        o.case(&format!("can_cast_numeric_{}", m.name())).check_value(&Value::List(got));
    }
    for c in o.with_prefix("can_cast_other_") {
        let d = dtype_args(&c.expr);
        c.check_value(&Value::List(MODES.iter().map(|&m| Value::Bool(can_cast(&d[0], &d[1], m))).collect()));
    }
}

/// Parses `np.result_type(...)` arguments: `np.int8`, `'>i4'`, `1`, `1.0`, `1j`, `True`.
fn result_type_args(expr: &str) -> Vec<TypeArg> {
    let inner = expr.trim_start_matches("str(np.result_type(").trim_end_matches("))");
    inner
        .split(", ")
        .map(|a| {
            if let Some(name) = a.strip_prefix("np.") {
                TypeArg::DType(Descr::parse(name).unwrap())
            } else if a.starts_with('\'') {
                TypeArg::DType(Descr::parse(&a[1..a.len() - 1]).unwrap())
            } else if a == "True" {
                TypeArg::Bool
            } else if a.ends_with('j') {
                TypeArg::Complex
            } else if a.contains('.') {
                TypeArg::Float
            } else {
                TypeArg::Int
            }
        })
        .collect()
}

#[test]
fn result_type_follows_nep50() {
    let o = oracle("dtypes/promotion");
    let mut n = 0;
    for c in o.with_prefix("result_type_") {
        let args = result_type_args(&c.expr);
        match result_type(&args) {
            Ok(d) => c.check_str(&d.to_string()),
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
        n += 1;
    }
    assert_eq!(n, 27);
}

#[test]
fn min_scalar_type_matches_numpy() {
    let o = oracle("dtypes/promotion");
    let values: Vec<Scalar> = vec![
        0i64.into(),
        1i64.into(),
        255i64.into(),
        256i64.into(),
        (-1i64).into(),
        (-129i64).into(),
        Scalar::Int(1 << 63),
        0.1.into(),
        1e10.into(),
        65504.0.into(),
        1e300.into(),
        Scalar::Complex(0.0, 1.0),
        Scalar::Complex(1e10, 1.0),
        Scalar::Complex(0.0, 1e300),
        true.into(),
        "abc".into(),
        Scalar::Bytes(b"ab".to_vec()),
        Scalar::Int(-(1 << 63)),
        70000i64.into(),
        (-40000i64).into(),
    ];
    for (k, v) in values.iter().enumerate() {
        o.case(&format!("min_scalar_type_{k:02}")).check_str(&min_scalar_type(v).to_string());
    }
}

#[test]
fn common_type_matches_numpy() {
    let o = oracle("dtypes/promotion");
    let sets: [&[&str]; 9] = [
        &["int8"],
        &["float16"],
        &["float32", "int8"],
        &["complex64"],
        &["complex64", "float64"],
        &["bool"],
        &["U3"],
        &["float32", "float16"],
        &["uint64", "complex64"],
    ];
    for (k, set) in sets.iter().enumerate() {
        let ds: Vec<Descr> = set.iter().map(|t| Descr::parse(t).unwrap()).collect();
        let refs: Vec<&Descr> = ds.iter().collect();
        let c = o.case(&format!("common_type_{k}"));
        match common_type(&refs) {
            Ok(d) => c.check_str(&d.str()),
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
    }
}

#[test]
fn subarrays_of_zero_size_bases_error_as_numpy() {
    let o = oracle("dtypes/descr");
    let mut n = 0;
    for c in o.with_prefix("unsized_") {
        let spec = c.expr.strip_prefix("np.dtype(").and_then(|s| s.strip_suffix(')')).expect("np.dtype call");
        let e = Descr::parse(spec).expect_err(spec);
        c.check_error(e.numpy_kind(), &e.to_string());
        n += 1;
    }
    assert!(n >= 7, "only {n} cases");
    // The constructor refuses them too; a record with no fields is a valid base.
    let e = Descr::subarray(Descr::bytes(0), &[3]).unwrap_err();
    o.case("unsized_01").check_error(e.numpy_kind(), &e.to_string());
    // NumPy takes `(('<f8', (0,)), 2)` for a dtype whose item size (2) contradicts its
    // shape; nprs refuses it with the same error (docs/deviations.md).
    let e = Descr::parse("[('s', ('<f8', (0,)), 2)]").unwrap_err();
    o.case("unsized_01").check_error(e.numpy_kind(), &e.to_string());
    assert_eq!(Descr::parse("[('s', 'S0', 3)]").unwrap(), Descr::parse("[('s', 'S3')]").unwrap());
    let empty = Descr::record(Vec::<(&str, Descr)>::new()).unwrap();
    assert_eq!(Descr::subarray(empty, &[2]).unwrap().itemsize(), 0);
}

#[test]
fn escaped_field_names_round_trip_as_numpy_writes_them() {
    let o = oracle("dtypes/descr");
    let mut n = 0;
    for c in o.with_prefix("escaped_") {
        let Value::List(parts) = &c.result else { panic!("{}: {:?}", c.name, c.result) };
        let [Value::Str(npy), Value::Str(text), Value::List(names)] = parts.as_slice() else {
            panic!("{}: {parts:?}", c.name)
        };
        let names: Vec<String> = names
            .iter()
            .map(|v| match v {
                Value::Str(s) => s.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        let d = Descr::from_npy_descr(npy).unwrap_or_else(|e| panic!("{}: {npy}: {e}", c.name));
        c.assert_eq(names, d.names().unwrap().into_iter().map(String::from).collect::<Vec<_>>());
        c.assert_eq(npy, &d.npy_descr().unwrap());
        let parsed = Descr::parse(text).unwrap_or_else(|e| panic!("{}: {text}: {e}", c.name));
        assert_eq!(parsed, d, "{}: {text}", c.name);
        c.assert_eq(text, &d.to_string());
        n += 1;
    }
    assert!(n >= 12, "only {n} cases");
}

#[test]
fn malformed_escapes_in_field_names_are_errors() {
    for spec in [
        r"[('a\x4', '<i4')]",
        r"[('a\xg1', '<i4')]",
        r"[('a\u12', '<i4')]",
        r"[('a\ud800', '<i4')]",
        r"[('a\U00110000', '<i4')]",
        r"[('a\', '<i4')]",
        "[('a\\",
        r"[('a\'",
    ] {
        let e = Descr::parse(spec).expect_err(spec);
        assert_eq!(e.to_string(), format!("data type '{spec}' not understood"));
        assert!(Descr::from_npy_descr(spec).is_err(), "{spec}");
    }
    // Every escape Python writes or reads with one letter.
    let d = Descr::parse(r#"[('\\\'\"\n\r\t\a\b\f\v\x41\u00e9\U0001F600', '<i4')]"#).unwrap();
    assert_eq!(d.names().unwrap(), ["\\'\"\n\r\t\u{7}\u{8}\u{c}\u{b}A\u{e9}\u{1f600}"]);
    // As in Python: octal escapes, and a backslash before anything else stands for itself.
    let d = Descr::parse(r"[('\101\q', '<i4')]").unwrap();
    assert_eq!(d.names().unwrap(), ["A\\q"]);
}

#[test]
fn titled_fields_parse_print_and_look_up_as_in_numpy() {
    // Spellings and results from NumPy 2.4.6.
    let d = Descr::parse("[(('Title', 't'), '<i4'), ('u', '<f8')]").unwrap();
    assert_eq!(format!("{d:?}"), "dtype([(('Title', 't'), '<i4'), ('u', '<f8')])");
    assert_eq!(d.to_string(), "[(('Title', 't'), '<i4'), ('u', '<f8')]");
    assert_eq!(d.npy_descr().unwrap(), "[(('Title', 't'), '<i4'), ('u', '<f8')]");
    let r = d.record_layout_of().unwrap();
    assert_eq!(d.names().unwrap(), ["t", "u"]);
    assert_eq!(r.field("Title").unwrap().name, "t");
    assert_eq!(r.field("t").unwrap().title.as_deref(), Some("Title"));
    assert_eq!(Descr::from_npy_descr(&d.npy_descr().unwrap()).unwrap(), d);
    let a = Descr::parse("[(('T', 'a'), '<i4'), ('b', '<f8')]").unwrap().with_byte_order(nprs_core::ByteOrder::Big);
    assert_eq!(format!("{a:?}"), "dtype([(('T', 'a'), '>i4'), ('b', '>f8')])");
    // With gaps: the dict form lists the titles; the .npy form pads between fields.
    let g = Descr::parse("{'names': ['a', 'b'], 'formats': ['<i4', '<f8'], 'offsets': [0, 8], 'titles': ['T', None]}")
        .unwrap();
    assert_eq!(
        format!("{g:?}"),
        "dtype({'names': ['a', 'b'], 'formats': ['<i4', '<f8'], 'offsets': [0, 8], 'titles': ['T', None], 'itemsize': 16})"
    );
    assert_eq!(g.npy_descr().unwrap(), "[(('T', 'a'), '<i4'), ('', '|V4'), ('b', '<f8')]");
    let e = Descr::parse("[(('a', 'a'), '<i4')]").unwrap_err();
    assert_eq!(e.to_string(), "title already used as a name or title.");
}
