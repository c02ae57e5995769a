//! The small numpy-namespace functions against NumPy (`core/namespace`): `base_repr`,
//! `binary_repr`, `typename`, `mintypecode`, `typecodes`, `atleast_*d`, `isfortran`,
//! `ndindex`, `ndenumerate`, `asarray_chkfinite`, `format_float_positional` and
//! `format_float_scientific`.

use nprs_core::prelude::*;
use nprs_core::{
    DTypeClass, Descr, DynArray, iscomplex, iscomplexobj, isdtype, isneginf, isposinf, isreal, isrealobj, issubdtype,
    rollaxis,
};
use nprs_core::{
    E, EULER_GAMMA, FloatFormat, FloatTrim, FormatFloat, INF, LITTLE_ENDIAN, NAN, NUMPY_VERSION, PI, TYPECODES,
    asarray_chkfinite, atleast_1d, atleast_2d, atleast_3d, base_repr, binary_repr, f16, format_float_positional,
    format_float_scientific, isfortran, mintypecode, ndindex, typename,
};
use nprs_testkit::{Case, Value, oracle};

/// The arguments of a recorded call `np.f(a, b, ...)`, as written.
fn args(c: &Case) -> Vec<String> {
    let call = c.expr.lines().last().unwrap();
    let inner = &call[call.find('(').unwrap() + 1..call.rfind(')').unwrap()];
    inner.split(", ").map(str::to_string).collect()
}

fn check_result(c: &Case, r: Result<String, Error>) {
    match r {
        Ok(s) => c.check_str(&s),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

#[test]
fn base_repr_and_binary_repr_match_numpy() {
    let o = oracle("core/namespace");
    let mut n = 0;
    for c in o.with_prefix("base_repr_") {
        let a = args(c);
        check_result(c, base_repr(a[0].parse().unwrap(), a[1].parse().unwrap(), a[2].parse().unwrap()));
        n += 1;
    }
    for c in o.with_prefix("binary_repr_") {
        let a = args(c);
        let width = (a[1] != "None").then(|| a[1].parse().unwrap());
        check_result(c, binary_repr(a[0].parse().unwrap(), width));
        n += 1;
    }
    assert_eq!(n, 42);
}

#[test]
fn typename_mintypecode_and_typecodes_match_numpy() {
    let o = oracle("core/namespace");
    for c in o.with_prefix("typename_") {
        let code = c.name.strip_prefix("typename_").unwrap();
        check_result(c, typename(code).map(str::to_string));
    }
    for c in o.with_prefix("mintypecode_") {
        let call = c.expr.trim();
        let inner = &call["np.mintypecode(".len()..call.len() - 1];
        // The type characters (a string or a list of strings), then the keywords.
        let kw_start = [", typeset=", ", default="].iter().filter_map(|k| inner.find(k)).min().unwrap_or(inner.len());
        let chars: Vec<char> = inner[..kw_start].chars().filter(|ch| ch.is_ascii_alphabetic() || *ch == '?').collect();
        let (mut typeset, mut default) = ("GDFgdf".to_string(), 'd');
        for kw in inner[kw_start..].split(", ").filter(|s| !s.is_empty()) {
            let (k, v) = kw.split_once('=').unwrap();
            let v = v.trim_matches('\'');
            match k {
                "typeset" => typeset = v.to_string(),
                "default" => default = v.chars().next().unwrap(),
                _ => panic!("{k}"),
            }
        }
        c.check_str(&mintypecode(&chars, &typeset, default).to_string());
    }
    let t = TYPECODES;
    let want = [
        ("Character", t.character),
        ("Integer", t.integer),
        ("UnsignedInteger", t.unsigned_integer),
        ("Float", t.float),
        ("Complex", t.complex),
        ("AllInteger", t.all_integer),
        ("AllFloat", t.all_float),
        ("Datetime", t.datetime),
        ("All", t.all),
    ];
    let dict = Value::Dict(want.iter().map(|(k, v)| ((*k).to_string(), Value::Str((*v).to_string()))).collect());
    o.case("typecodes").check_value(&dict);
    o.case("little_endian").check_value(&Value::Bool(LITTLE_ENDIAN));
    o.case("version").check_str(NUMPY_VERSION);
    for (name, v) in [("pi", PI), ("e", E), ("euler_gamma", EULER_GAMMA), ("inf", INF)] {
        o.case(&format!("const_{name}")).check_value(&Value::Float(v));
    }
    let Value::Float(nan) = o.case("const_nan").result else { panic!("np.nan is a float") };
    o.case("const_nan").assert(nan.is_nan() && NAN.is_nan(), "np.nan is a NaN");
}

#[test]
fn atleast_nd_match_numpy() -> Result<(), Error> {
    let o = oracle("core/namespace");
    let shape = [2usize, 3, 4, 5];
    for nd in 0..5 {
        let a = Array::<i64>::arange(shape[..nd].iter().product::<usize>()).into_shape(&shape[..nd])?;
        o.case(&format!("atleast_1d_{nd}d")).check(&atleast_1d(&a));
        o.case(&format!("atleast_2d_{nd}d")).check(&atleast_2d(&a));
        o.case(&format!("atleast_3d_{nd}d")).check(&atleast_3d(&a));
        // The dynamic arrays take the same functions.
        let d = DynArray::from(a.clone());
        assert_eq!(atleast_3d(&d).shape(), atleast_3d(&a).shape());
    }
    Ok(())
}

#[test]
fn isfortran_matches_numpy() -> Result<(), Error> {
    let o = oracle("core/namespace");
    let c2 = Array::<f64>::zeros(&[2, 3])?;
    let f2 = Array::<f64>::zeros_order(&[2, 3], Order::F)?;
    let f46 = Array::<f64>::zeros_order(&[4, 6], Order::F)?;
    let one_row = Array::<f64>::zeros_order(&[1, 3], Order::F)?;
    let c0 = Array::<f64>::zeros(&[])?;
    o.case("isfortran_c2").check_value(&Value::Bool(isfortran(&c2)));
    o.case("isfortran_f2").check_value(&Value::Bool(isfortran(&f2)));
    let c1 = Array::<f64>::zeros(&[3])?;
    o.case("isfortran_c1").check_value(&Value::Bool(isfortran(&c1)));
    o.case("isfortran_t").check_value(&Value::Bool(isfortran(&c2.t())));
    o.case("isfortran_strided").check_value(&Value::Bool(isfortran(&f46.slice(s![..;2]))));
    o.case("isfortran_one_row_f").check_value(&Value::Bool(isfortran(&one_row)));
    o.case("isfortran_c0").check_value(&Value::Bool(isfortran(&c0)));
    assert!(isfortran(&DynArray::from(f2)));
    Ok(())
}

fn int_list(v: &[usize]) -> Value {
    Value::List(v.iter().map(|&i| Value::Int(i as i128)).collect())
}

#[test]
fn ndindex_and_ndenumerate_match_numpy() -> Result<(), Error> {
    let o = oracle("core/namespace");
    for shape in [&[2usize, 3][..], &[3], &[], &[2, 0, 3], &[1, 2, 1, 2]] {
        let key = if shape.is_empty() {
            "0d".to_string()
        } else {
            shape.iter().map(ToString::to_string).collect::<Vec<_>>().join("_")
        };
        let it = ndindex(shape);
        assert_eq!(it.len(), shape.iter().product::<usize>());
        o.case(&format!("ndindex_{key}")).check_value(&Value::List(it.map(|i| int_list(&i)).collect()));
    }
    // np.ndenumerate(a) is a.indexed_iter().
    let a = Array::<i64>::arange(6).into_shape(&[2, 3])?;
    let r = a.slice(s![.., ..;-1]);
    let got = r.indexed_iter().map(|(i, v)| Value::List(vec![int_list(&i), Value::Int(i128::from(v))])).collect();
    o.case("ndenumerate").check_value(&Value::List(got));
    Ok(())
}

#[test]
fn asarray_chkfinite_matches_numpy() {
    let o = oracle("core/namespace");
    let check = |name: &str, r: Result<Vec<usize>, Error>| {
        let c = o.case(&format!("chkfinite_{name}"));
        match r {
            Ok(shape) => c.check_shape(&shape),
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
    };
    // The shape stands for the array (asarray returns it unchanged); the errors word for word.
    let c = o.case("chkfinite_float_ok");
    c.check(&asarray_chkfinite(&array![1.0, -2.5]).unwrap());
    check("nan", asarray_chkfinite(&array![1.0, f64::NAN]).map(|v| v.shape().to_vec()));
    check("inf", asarray_chkfinite(&array![[f32::INFINITY, 1.0]]).map(|v| v.shape().to_vec()));
    o.case("chkfinite_int").check(&asarray_chkfinite(&Array::<i64>::arange(4)).unwrap());
    let z = array![C128::new(1.0, 1.0), C128::new(1.0, f64::NAN)];
    check("complex_nan_imag", asarray_chkfinite(&z).map(|v| v.shape().to_vec()));
    check("half_inf", asarray_chkfinite(&array![f16::INFINITY]).map(|v| v.shape().to_vec()));
}

/// NumPy's keyword arguments of a recorded formatter call, as options.
fn float_format(opts: &str) -> FloatFormat {
    let mut f = FloatFormat::new();
    for kw in opts.split(", ").filter(|s| !s.is_empty()) {
        let (k, v) = kw.split_once('=').unwrap();
        let n = || v.parse::<usize>().unwrap();
        match k {
            "precision" => f = f.precision(n()),
            "unique" => f = f.unique(v == "True"),
            "fractional" => f = f.fractional(v == "True"),
            "trim" => f = f.trim(v.trim_matches('\'').parse::<FloatTrim>().unwrap()),
            "sign" => f = f.sign(v == "True"),
            "pad_left" => f = f.pad_left(n()),
            "pad_right" => f = f.pad_right(n()),
            "min_digits" => f = f.min_digits(n()),
            "exp_digits" => f = f.exp_digits(n()),
            _ => panic!("unknown option {k}"),
        }
    }
    f
}

/// The values of a formatter case's setup (`x = np.array([...], dtype=...)`).
fn values(c: &Case) -> Vec<f64> {
    let setup = c.expr.lines().next().unwrap();
    let inner = &setup[setup.find('[').unwrap() + 1..setup.find(']').unwrap()];
    inner
        .split(", ")
        .map(|s| match s {
            "np.inf" => f64::INFINITY,
            "-np.inf" => f64::NEG_INFINITY,
            "np.nan" => f64::NAN,
            _ => s.parse().unwrap(),
        })
        .collect()
}

fn format_all<F: FormatFloat>(xs: &[F], f: &FloatFormat, scientific: bool) -> Value {
    Value::List(
        xs.iter()
            .map(|&x| {
                let s = if scientific { format_float_scientific(x, f) } else { format_float_positional(x, f) };
                Value::Str(s.unwrap())
            })
            .collect(),
    )
}

#[test]
fn format_float_positional_and_scientific_match_numpy() {
    let o = oracle("core/namespace");
    let mut n = 0;
    for c in o.iter().filter(|c| c.name.starts_with("positional_") || c.name.starts_with("scientific_")) {
        let scientific = c.name.starts_with("scientific_");
        let call = c.expr.lines().last().unwrap();
        let opts = &call[call.find("(v").unwrap() + 2..call.find(") for").unwrap()];
        let f = float_format(opts.trim_start_matches(", "));
        let xs = values(c);
        let got = if c.name.contains("float64") {
            format_all(&xs, &f, scientific)
        } else if c.name.contains("float32") {
            format_all(&xs.iter().map(|&x| x as f32).collect::<Vec<_>>(), &f, scientific)
        } else {
            format_all(&xs.iter().map(|&x| f16::from_f64(x)).collect::<Vec<_>>(), &f, scientific)
        };
        c.check_value(&got);
        n += 1;
    }
    assert_eq!(n, 3 * (14 + 9));
    let err = |name: &str, r: Result<String, Error>| {
        let e = r.unwrap_err();
        o.case(&format!("format_error_{name}")).check_error(e.numpy_kind(), &e.to_string());
    };
    let p2m3 = FloatFormat::new().precision(2).min_digits(3);
    err("min_gt_precision", format_float_positional(1.5, &p2m3));
    err("sci_min_gt_precision", format_float_scientific(1.5, &p2m3));
    err("nonunique_no_precision", format_float_positional(1.5, &FloatFormat::new().unique(false)));
    err("sci_nonunique_no_precision", format_float_scientific(1.5, &FloatFormat::new().unique(false)));
    err("total_precision0", format_float_positional(1.5, &FloatFormat::new().fractional(false).precision(0)));
    assert!("x".parse::<FloatTrim>().is_err());
}

/// The dtype of a recorded `np.dtype(...)` setup.
fn setup_descr(c: &Case) -> Descr {
    let setup = c.expr.lines().next().unwrap();
    let arg = &setup["d = np.dtype(".len()..setup.len() - 1];
    Descr::parse(arg.trim_matches('\'')).unwrap()
}

#[test]
fn issubdtype_and_isdtype_match_numpy() {
    let o = oracle("core/namespace");
    let classes = [
        ("generic", DTypeClass::Generic),
        ("number", DTypeClass::Number),
        ("integer", DTypeClass::Integer),
        ("signedinteger", DTypeClass::SignedInteger),
        ("unsignedinteger", DTypeClass::UnsignedInteger),
        ("inexact", DTypeClass::Inexact),
        ("floating", DTypeClass::Floating),
        ("complexfloating", DTypeClass::ComplexFloating),
        ("flexible", DTypeClass::Flexible),
        ("character", DTypeClass::Character),
    ];
    let kinds =
        ["bool", "signed integer", "unsigned integer", "integral", "real floating", "complex floating", "numeric"];
    let names = |v: Vec<&str>| Value::List(v.into_iter().map(|s| Value::Str(s.to_string())).collect());
    let mut n = 0;
    for c in o.with_prefix("issubdtype_classes_") {
        let d = setup_descr(c);
        c.check_value(&names(classes.iter().filter(|(_, k)| issubdtype(&d, *k)).map(|(s, _)| *s).collect()));
        let k = o.case(&c.name.replace("issubdtype_classes_", "isdtype_kinds_"));
        k.check_value(&names(kinds.iter().copied().filter(|k| isdtype(&d, &[k]).unwrap()).collect()));
        n += 1;
    }
    assert_eq!(n, 17);
    for c in o.with_prefix("issubdtype_pair_") {
        let call = c.expr.trim();
        let inner = &call["np.issubdtype(".len()..call.len() - 1];
        let (a, b) = inner.split_once(", ").unwrap();
        let (a, b) = (Descr::parse(a.trim_matches('\'')).unwrap(), Descr::parse(b.trim_matches('\'')).unwrap());
        c.check_value(&Value::Bool(issubdtype(&a, &b)));
    }
    let f8 = Descr::from(DType::Float64);
    o.case("isdtype_tuple").check_value(&Value::Bool(isdtype(&f8, &["bool", "real floating"]).unwrap()));
    let e = isdtype(&f8, &["floaty"]).unwrap_err();
    o.case("isdtype_bad_kind").check_error(e.numpy_kind(), &e.to_string());
}

/// The six type checks of one input, against NumPy's cases `<f>_<name>`.
fn check_type_checks<S: nprs_core::kernel::Data>(o: &nprs_testkit::Cases, name: &str, x: &ArrayBase<S>)
where
    S::Elem: nprs_core::Cast,
{
    let case = |f: &str| o.case(&format!("{f}_{name}"));
    case("iscomplex").check(&iscomplex(x));
    case("isreal").check(&isreal(x));
    case("iscomplexobj").check_value(&Value::Bool(iscomplexobj(x)));
    case("isrealobj").check_value(&Value::Bool(isrealobj(x)));
    for (f, r) in [("isposinf", isposinf(x)), ("isneginf", isneginf(x))] {
        match r {
            Ok(a) => case(f).check(&a),
            Err(e) => case(f).check_error(e.numpy_kind(), &e.to_string()),
        }
    }
}

#[test]
fn type_checks_match_numpy() {
    let o = oracle("core/namespace");
    let inf = f64::INFINITY;
    let z = array![C128::new(1.0, 0.0), C128::new(0.0, 1.0), C128::new(inf, 0.0), C128::new(0.0, -0.0)];
    check_type_checks(&o, "complex", &z);
    check_type_checks(&o, "float", &array![1.0, inf, -inf, f64::NAN, -0.0]);
    check_type_checks(&o, "float32", &array![f32::INFINITY, 2.5]);
    check_type_checks(&o, "int", &Array::<i64>::arange(3));
    check_type_checks(&o, "complex64", &array![C64::new(0.0, 1.0)]);
}

#[test]
fn rollaxis_matches_numpy() -> Result<(), Error> {
    let o = oracle("core/namespace");
    let mut n = 0;
    for c in o.with_prefix("rollaxis_") {
        let call = c.expr.trim();
        let shape_str = &call[call.find("((").unwrap() + 2..call.find("))").unwrap()];
        let shape: Vec<usize> = shape_str.split(", ").map(|s| s.parse().unwrap()).collect();
        let rest = &call[call.find(")), ").unwrap() + 4..call.rfind(").shape").unwrap()];
        let (axis, start) = rest.split_once(", ").unwrap();
        let a = Array::<f64>::zeros(&shape)?;
        match rollaxis(&a, axis.parse().unwrap(), start.parse().unwrap()) {
            Ok(v) => c.check_shape(v.shape()),
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
        n += 1;
    }
    assert_eq!(n, 9);
    Ok(())
}

fn on_fp_error(_: &str, _: nprs_core::fpstatus::FpFlags) {}

#[test]
fn geterrcall_matches_numpy() {
    use nprs_core::fpstatus::{ErrCall, geterrcall, seterrcall};
    let o = oracle("core/namespace");
    let none = geterrcall().is_none();
    o.case("geterrcall_default").check_value(if none { &Value::None } else { &Value::Bool(false) });
    let f: ErrCall = on_fp_error;
    let old = seterrcall(Some(f));
    o.case("geterrcall_after_set").check_value(&Value::Bool(geterrcall().map(|g| g as usize) == Some(f as usize)));
    seterrcall(old);
}

#[test]
fn copyto_matches_numpy() -> Result<(), Error> {
    use nprs_core::{Casting, copyto};
    let o = oracle("core/namespace");
    let run = |name: &str, mut dst: DynArray, src: DynArray, casting: Casting, mask: Option<Array<bool>>| {
        let c = o.case(&format!("copyto_{name}"));
        match copyto(&mut dst, &src, casting, mask.as_ref().map(|m| m.view()).as_ref()) {
            Ok(()) => check_dyn(c, dst),
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
    };
    let i64z = |shape: &[usize]| DynArray::from(Array::<i64>::zeros(shape).unwrap());
    run("plain", i64z(&[2, 3]), DynArray::from(array![1i32, 2, 3]), Casting::SameKind, None);
    run("same_kind_refused", i64z(&[2, 3]), DynArray::from(array![0.5, 1.5, 2.5]), Casting::SameKind, None);
    run("unsafe", i64z(&[2, 3]), DynArray::from(array![0.5, 1.5, -2.5]), Casting::Unsafe, None);
    let src = DynArray::from(Array::<f64>::from_shape_vec(&[2, 3], (0..6).map(|i| f64::from(i) * 1.5).collect())?);
    let m = array![[true, false, true], [false, true, false]];
    run("where", DynArray::from(Array::full(&[2, 3], -1.0f32)?), src, Casting::SameKind, Some(m));
    let seven = DynArray::from(Array::from_shape_vec(&[], vec![7i16])?);
    let zeros16 = DynArray::from(Array::<i16>::zeros(&[2, 3])?);
    run("where_row", zeros16, seven, Casting::SameKind, Some(array![true, false, true]));
    let f = |shape: &[usize]| DynArray::from(Array::<f64>::zeros(shape).unwrap());
    run("src_shape", f(&[2, 3]), DynArray::from(array![1.0, 1.0]), Casting::SameKind, None);
    run("mask_shape", f(&[2, 3]), DynArray::from(array![1.0, 1.0, 1.0]), Casting::SameKind, Some(array![true, false]));
    run("no_refused", i64z(&[3]), DynArray::from(array![1i32, 2, 3]), Casting::No, None);
    run("safe", i64z(&[3]), DynArray::from(array![1i32, 2, 3]), Casting::Safe, None);
    let dst = DynArray::from_strs(&["x", "y", "z"]).astype(&Descr::parse("U5")?)?;
    let src = DynArray::from_strs(&["a", "bb", "ccc"]);
    run("strings_where", dst, src, Casting::SameKind, Some(array![true, false, true]));
    Ok(())
}

/// Compares a dynamic result with NumPy's array: typed for numbers, element by element
/// (with the dtype) for strings.
fn check_dyn(c: &Case, d: DynArray) {
    match d.dtype().name().as_str() {
        "int64" => c.check(&d.into_typed::<i64>().unwrap()),
        "int16" => c.check(&d.into_typed::<i16>().unwrap()),
        "float32" => c.check(&d.into_typed::<f32>().unwrap()),
        _ => {
            let got: Vec<String> = d
                .iter()
                .map(|s| match s {
                    nprs_core::Scalar::Str(s) => s,
                    other => panic!("{}: not a string: {other:?}", c.name),
                })
                .collect();
            let a = c.array();
            let same =
                a.dtype == d.dtype().str() && a.shape == d.shape() && a.data == nprs_testkit::Elems::Str(got.clone());
            c.assert(
                same,
                &format!("{} {:?} {got:?} differs from NumPy's {} {:?}", d.dtype().str(), d.shape(), a.dtype, a.shape),
            );
        }
    }
}

#[test]
fn frombuffer_matches_numpy() -> Result<(), Error> {
    use nprs_core::frombuffer;
    let o = oracle("core/namespace");
    let bytes: Vec<u8> = (0..10).collect();
    let mut n = 0;
    for c in o.with_prefix("frombuffer_") {
        let call = c.expr.lines().last().unwrap();
        let args: Vec<&str> = call["np.frombuffer(b, ".len()..call.len() - 1].split(", ").collect();
        let descr = Descr::parse(args[0].trim_matches('\''))?;
        let count = args.get(1).map(|s| s.parse::<i64>().unwrap()).and_then(|n| usize::try_from(n).ok());
        let offset = args.get(2).map_or(0, |s| s.parse().unwrap());
        match frombuffer(&bytes, &descr, count, offset) {
            Ok(a) => {
                // The values in native order, and the dtype as NumPy spells it.
                let native = a.astype(&a.dtype().to_native())?;
                let want = c.array();
                assert_eq!(want.dtype, a.dtype().str(), "{}", c.name);
                match a.dtype().kind() {
                    'f' => c.check(&native.into_typed::<f64>()?),
                    _ => {
                        let got: Vec<i128> = (0..native.len())
                            .map(|i| match native.get(&[i as isize]).unwrap() {
                                nprs_core::Scalar::Int(v) => v,
                                other => panic!("{other:?}"),
                            })
                            .collect();
                        c.assert(want.data == nprs_testkit::Elems::Int(got), "values differ");
                    }
                }
            }
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
        n += 1;
    }
    assert_eq!(n, 11);
    Ok(())
}

#[test]
fn broadcast_matches_numpy() {
    let o = oracle("core/namespace");
    let cases: [(&str, &[&[usize]]); 4] = [
        ("three", &[&[2, 1], &[3], &[1, 1, 3]]),
        ("one", &[&[4, 0]]),
        ("scalar", &[&[], &[]]),
        ("mismatch", &[&[2], &[3]]),
    ];
    for (name, shapes) in cases {
        let c = o.case(&format!("broadcast_{name}"));
        match nprs_core::broadcast(shapes) {
            Ok(b) => {
                let int = |n: usize| Value::Int(n as i128);
                // NumPy's `b.index` after each step: the flat position of the next index.
                let steps = b.indices().enumerate().map(|(i, _)| int(i + 1)).collect();
                c.check_value(&Value::List(vec![
                    int_list(b.shape()),
                    int(b.ndim()),
                    int(b.ndim()),
                    int(b.numiter()),
                    int(b.size()),
                    Value::List(steps),
                ]));
            }
            Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
        }
    }
}

#[test]
fn vander_matches_numpy() -> Result<(), Error> {
    use nprs_core::vander;
    let o = oracle("core/namespace");
    let c = |name: &str| o.case(&format!("vander_{name}"));
    c("int").check(&vander(&array![1i64, 2, 3, 5], None, false)?);
    c("float_inc").check(&vander(&array![1.5, -2.0], Some(4), true)?);
    c("int8").check(&vander(&array![2i8, 3], Some(9), false)?);
    c("float32").check(&vander(&array![0.1f32, 3.3], Some(5), false)?);
    c("bool").check(&vander(&array![true, false], Some(3), false)?);
    c("complex64").check(&vander(&array![C64::new(1.0, 2.0)], Some(4), false)?);
    c("n0").check(&vander(&array![1i64, 2], Some(0), false)?);
    c("overflow").check(&vander(&array![3i64], Some(45), false)?);
    let xs = c("random_x").array();
    let nprs_testkit::Elems::Float(v) = &xs.data else { panic!("random_x: floats") };
    c("random").check(&vander(&Array::from_vec(v.clone()), Some(12), false)?);
    let e = vander(&Array::<f64>::zeros(&[2, 2])?, None, false).unwrap_err();
    c("not_1d").check_error(e.numpy_kind(), &e.to_string());
    Ok(())
}
