//! Datetime and timedelta arithmetic through the ufunc table against the NumPy oracle
//! (`tests/oracle/groups/datetime/arith.py`): result dtypes and values for every unit pair,
//! NaT, integer and float operands, and NumPy's errors.

use nprs_core::dtype::{DateTimeUnit, TimeUnit};
use nprs_core::dynarray::Operand;
use nprs_core::scalar::Scalar;
use nprs_core::{Array, DType, Descr, DynArray};
use nprs_testkit::{Case, Elems, Value, oracle};
use nprs_ufunc::ufunc::by_name;

const FILE: &str = "datetime/arith";
const NAT: i64 = i64::MIN;

/// The value sets of the case file's `VALS`.
fn ints(set: &str) -> Vec<i64> {
    match set {
        "a" => vec![0, 1, -1, 17, -123_456, NAT, 1_000_003, 86399, -86401],
        "b" => vec![5, -3, 0, 17, 99, 2, NAT, 3600, 400],
        "c" => vec![2, -2, 3, 7, -1, 0, 4, 1, -5],
        "n" => vec![NAT, NAT, 0, 5, -5, NAT, 1, 2, NAT],
        other => panic!("no integer set {other}"),
    }
}

fn floats() -> Vec<f64> {
    vec![2.5, -0.5, 0.0, f64::NAN, f64::INFINITY, 1e300, 3.0, -1.75, 1e-300]
}

fn int64() -> Descr {
    DType::Int64.into()
}

/// A built operand: a Python scalar or an array.
enum Built {
    Scalar(Scalar),
    Array(DynArray),
}

/// The operand a spec names (`'M8[D]:a'`, `'i1:c'`, `'int:3'`, `'0dm8[s]:a'`).
fn operand(spec: &str) -> Built {
    let (kind, v) = spec.split_once(':').unwrap();
    match kind {
        "int" => return Built::Scalar(Scalar::Int(v.parse().unwrap())),
        "float" => return Built::Scalar(Scalar::Float(v.parse().unwrap())),
        "bool" => return Built::Scalar(Scalar::Bool(v == "True")),
        _ => {}
    }
    let (zero_d, kind) = match kind.strip_prefix("0d") {
        Some(k) => (true, k),
        None => (false, kind),
    };
    let d = Descr::parse(kind).unwrap();
    let x = if matches!(d.kind(), 'M' | 'm') {
        DynArray::from(Array::from_vec(ints(v))).view_dtype(&d).unwrap().to_owned()
    } else if matches!(d.kind(), 'f') {
        DynArray::from(Array::from_vec(floats())).astype(&d).unwrap()
    } else {
        DynArray::from(Array::from_vec(ints(v))).astype(&d).unwrap()
    };
    Built::Array(if zero_d { x.at(&[0]).unwrap().to_owned() } else { x })
}

fn s(x: &str) -> Value {
    Value::Str(x.to_string())
}

/// A result as the case file encodes it.
fn encode(r: nprs_core::Result<DynArray>) -> Value {
    match r {
        Ok(r) => {
            let vals: Vec<i64> = if r.dtype().numeric() == Some(DType::Bool) {
                r.astype(&int64()).unwrap().typed::<i64>().unwrap().to_vec()
            } else {
                r.view_dtype(&int64()).unwrap().to_owned().typed::<i64>().unwrap().to_vec()
            };
            Value::List(vec![
                s("ok"),
                s(&r.dtype().name()),
                Value::List(vals.into_iter().map(|v| Value::Int(i128::from(v))).collect()),
            ])
        }
        Err(e) => Value::List(vec![s("err"), s(e.kind().name()), s(&e.to_string())]),
    }
}

/// Runs ufunc `name` on the operands the specs name (`isnat` is nprs-datetime's).
fn call(name: &str, specs: &[&str]) -> Value {
    let built: Vec<Built> = specs.iter().map(|sp| operand(sp)).collect();
    if name == "isnat" {
        let Built::Array(a) = &built[0] else { panic!("isnat of a scalar") };
        return match nprs_datetime::isnat(a) {
            Ok(r) => encode(Ok(DynArray::from(r))),
            Err(e) => Value::List(vec![s("err"), s(e.numpy_kind()), s(&e.to_string())]),
        };
    }
    let u = by_name(name).unwrap_or_else(|| panic!("no ufunc {name}"));
    let ops: Vec<Operand<'_>> = built
        .iter()
        .map(|b| match b {
            Built::Scalar(x) => Operand::Scalar(x.clone()),
            Built::Array(a) => Operand::Array(a.view()),
        })
        .collect();
    encode(u.call(&ops, nprs_core::UfuncOptions::new()))
}

fn strs(v: &Value) -> Vec<String> {
    let Value::List(items) = v else { panic!("not a list: {v:?}") };
    items
        .iter()
        .map(|x| match x {
            Value::Str(t) => t.clone(),
            other => panic!("not a string: {other:?}"),
        })
        .collect()
}

/// Checks a `calls([...])` case: every call, then the whole list.
fn check_calls(case: &Case) {
    let Value::List(items) = &case.result else { panic!("{}: not a list", case.name) };
    let mut got = Vec::with_capacity(items.len());
    let mut bad = Vec::new();
    for item in items {
        let Value::List(pair) = item else { panic!("{}: not a pair", case.name) };
        let spec = strs(&pair[0]);
        let specs: Vec<&str> = spec[1..].iter().map(String::as_str).collect();
        let r = call(&spec[0], &specs);
        if r != pair[1] && bad.len() < 20 {
            bad.push(format!("{spec:?}:\n  numpy {:?}\n  nprs  {r:?}", pair[1]));
        }
        got.push(Value::List(vec![pair[0].clone(), r]));
    }
    assert!(bad.is_empty(), "{}: {} calls differ, e.g.\n{}", case.name, bad.len(), bad.join("\n"));
    case.check_value(&Value::List(got));
}

#[test]
fn every_unit_pair_of_datetime_and_timedelta_arithmetic() {
    let o = oracle(FILE);
    for name in ["sub_MM", "add_Mm", "add_mm", "sub_Mm", "less_MM", "divide_mm", "maximum_mm"] {
        check_calls(o.case(name));
    }
}

#[test]
fn timedeltas_with_integers_bools_and_floats() {
    check_calls(oracle(FILE).case("mixed_numbers"));
}

#[test]
fn timedelta_pairs_nat_and_zero_divisors() {
    check_calls(oracle(FILE).case("timedelta_pairs"));
}

#[test]
fn datetime_pairs_comparisons_extrema_and_refused_combinations() {
    check_calls(oracle(FILE).case("datetime_pairs"));
}

#[test]
fn unary_ufuncs_of_timedeltas() {
    check_calls(oracle(FILE).case("unary"));
}

#[test]
fn zero_d_operands_broadcast() {
    check_calls(oracle(FILE).case("zero_d"));
}

fn ufunc2(name: &str, a: &DynArray, b: &DynArray) -> Value {
    encode(by_name(name).unwrap().call(&[a.into(), b.into()], nprs_core::UfuncOptions::new()))
}

fn reversed(a: &DynArray) -> DynArray {
    a.flip(0).unwrap().to_owned()
}

#[test]
fn far_from_the_epoch_and_near_the_ends_of_int64() {
    let o = oracle(FILE);
    let big: Vec<i64> = vec![
        1 << 62,
        -(1 << 62),
        i64::MAX,
        i64::MIN + 1,
        1_000_000_000_000_000_000,
        -1_000_000_000_000_000_000,
        0,
        NAT,
    ];
    let mut big = big;
    big.push(123_456_789_012_345_678);
    let mut got = Vec::new();
    for u in ["Y", "M", "D", "s", "ns", "as"] {
        let raw = DynArray::from(Array::from_vec(big.clone()));
        let x = raw.view_dtype(&Descr::parse(&format!("M8[{u}]")).unwrap()).unwrap().to_owned();
        let t = reversed(&raw).view_dtype(&Descr::parse(&format!("m8[{u}]")).unwrap()).unwrap().to_owned();
        let (xr, tr) = (reversed(&x), reversed(&t));
        for (f, a, b) in [
            ("subtract", &x, &xr),
            ("add", &x, &t),
            ("subtract", &x, &t),
            ("less", &x, &xr),
            ("divide", &t, &tr),
            ("floor_divide", &t, &tr),
            ("remainder", &t, &tr),
        ] {
            got.push(Value::List(vec![s(f), s(u), ufunc2(f, a, b)]));
        }
    }
    let years = nprs_datetime::datetime_array(
        &["-10000-01-01", "10000-12-31", "-9996-02-29", "2000-02-29", "1970-01-01"],
        Some("D"),
    )
    .unwrap();
    let start = nprs_datetime::datetime_array(&["-10000-03-01"], Some("D")).unwrap();
    let start0 = start.at(&[0]).unwrap().to_owned();
    got.push(Value::List(vec![s("subtract_years"), s("D"), ufunc2("subtract", &years, &start0)]));
    // Calendar years of the dates (NumPy's astype('M8[Y]')).
    let (d, y) = (DateTimeUnit::new(TimeUnit::Day), DateTimeUnit::new(TimeUnit::Year));
    let counts = years.view_dtype(&int64()).unwrap().to_owned().typed::<i64>().unwrap().to_vec();
    let in_years: Vec<i64> = counts.iter().map(|&c| nprs_datetime::convert_units(c, d, y).unwrap()).collect();
    let in_years = as_dtype(&in_years, "M8[Y]");
    let months =
        DynArray::from(Array::from_vec(vec![25i64])).view_dtype(&Descr::parse("m8[M]").unwrap()).unwrap().to_owned();
    let months0 = months.at(&[0]).unwrap().to_owned();
    got.push(Value::List(vec![s("add_years"), s("Y"), ufunc2("add", &in_years, &months0)]));
    o.case("far_from_epoch").check_value(&Value::List(got));
}

/// The int64 values of an input case.
fn input(o: &nprs_testkit::Cases, name: &str) -> Vec<i64> {
    let Elems::Int(v) = &o.case(name).array().data else { panic!("{name}: not integers") };
    v.iter().map(|&x| i64::try_from(x).unwrap()).collect()
}

fn as_dtype(v: &[i64], d: &str) -> DynArray {
    DynArray::from(Array::from_vec(v.to_vec())).view_dtype(&Descr::parse(d).unwrap()).unwrap().to_owned()
}

#[test]
fn random_arrays_through_chunked_loops() {
    let o = oracle(FILE);
    let (x, y) = (input(&o, "random_x"), input(&o, "random_y"));
    let shifted: Vec<i64> = y.iter().map(|&v| v >> 40).collect();
    let us: Vec<i64> = y.iter().map(|&v| v.div_euclid(1000)).collect();
    let ratio = DynArray::from(Array::from_vec(y.iter().map(|&v| v as f64 / 2f64.powi(61)).collect::<Vec<f64>>()));
    let cases = [
        ("random_ns_minus_ns", ufunc2("subtract", &as_dtype(&x, "M8[ns]"), &as_dtype(&y, "M8[ns]"))),
        ("random_ns_minus_us", ufunc2("subtract", &as_dtype(&x, "M8[ns]"), &as_dtype(&us, "M8[us]"))),
        ("random_td_div", ufunc2("divide", &as_dtype(&x, "m8[ns]"), &as_dtype(&y, "m8[ns]"))),
        ("random_td_floordiv", ufunc2("floor_divide", &as_dtype(&x, "m8[ns]"), &as_dtype(&shifted, "m8[ns]"))),
        ("random_td_rem", ufunc2("remainder", &as_dtype(&x, "m8[ns]"), &as_dtype(&shifted, "m8[ns]"))),
        ("random_td_times_float", ufunc2("multiply", &as_dtype(&x, "m8[ns]"), &ratio)),
    ];
    for (name, got) in cases {
        o.case(name).check_value(&got);
    }
}

const REDUCE_FILE: &str = "datetime/reduce";

/// A result as `datetime/reduce` encodes it: dtype, shape and the int64 counts.
fn encode_shaped(r: nprs_core::Result<DynArray>) -> Value {
    match r {
        Ok(r) => {
            let shape = Value::List(r.shape().iter().map(|&n| Value::Int(n as i128)).collect());
            // The case file casts results that are not datetimes (`astype('i8')`).
            let name = r.dtype().name();
            let r = if matches!(r.dtype().kind(), 'M' | 'm') { r } else { r.astype(&int64()).unwrap() };
            let Value::List(mut parts) = encode(Ok(r)) else { unreachable!("encode gives a list") };
            parts[1] = s(&name);
            parts.insert(2, shape);
            Value::List(parts)
        }
        Err(e) => encode(Err(e)),
    }
}

/// `datetime/reduce`'s `run`: function `f` of `a` along `axis`.
fn run_reduction(f: &str, a: &DynArray, axis: &Value, keep: bool) -> nprs_core::Result<DynArray> {
    use nprs_ufunc::{ReduceArgs, SortKind};
    let v = a.view();
    let mut args = ReduceArgs::new().keepdims(keep);
    let axis = match axis {
        Value::Int(k) => Some(*k as isize),
        Value::List(axes) => {
            let axes: Vec<isize> = axes
                .iter()
                .map(|x| match x {
                    Value::Int(k) => *k as isize,
                    other => panic!("bad axis {other:?}"),
                })
                .collect();
            args = args.axes(&axes);
            None
        }
        _ => None,
    };
    if let Some(ax) = axis {
        args = args.axis(ax);
    }
    // NumPy's `where=np.arange(a.size).reshape(a.shape) % 3 != 0`.
    let mask = DynArray::from(
        Array::from_shape_vec(a.shape(), (0..a.size()).map(|i| i % 3 != 0).collect::<Vec<bool>>()).unwrap(),
    );
    let last = |a: &DynArray| a.ndim() as isize - 1;
    match f {
        "max" => nprs_ufunc::max_dyn(&v, &args),
        "min" => nprs_ufunc::min_dyn(&v, &args),
        "nanmax" => nprs_ufunc::nanmax_dyn(&v, &args),
        "nanmin" => nprs_ufunc::nanmin_dyn(&v, &args),
        "ptp" => nprs_ufunc::ptp_dyn(&v, &args),
        "sum" => nprs_ufunc::sum_dyn(&v, &args),
        "mean" => nprs_ufunc::mean_dyn(&v, &args),
        "nansum" => nprs_ufunc::nansum_dyn(&v, &args),
        "nanmean" => nprs_ufunc::nanmean_dyn(&v, &args),
        "argmax" => nprs_ufunc::argmax_dyn(&v, axis, keep),
        "argmin" => nprs_ufunc::argmin_dyn(&v, axis, keep),
        "cumsum" => nprs_ufunc::cumsum_dyn(&v, axis),
        "sum_where" => nprs_ufunc::sum_dyn(&v, &args.where_mask(mask.view())),
        "max_where" => nprs_ufunc::max_dyn(&v, &args.where_mask(mask.view()).initial(-5)),
        "min_initial" => nprs_ufunc::min_dyn(&v, &args.initial(3)),
        "max_accumulate" => nprs_ufunc::ufuncs::MAXIMUM.accumulate(&v, axis.unwrap_or(0)),
        "median" => nprs_ufunc::stats::median_dyn(a, axis.as_ref().map(std::slice::from_ref), keep),
        "nanmedian" => nprs_ufunc::stats::nanmedian_dyn(a, axis.as_ref().map(std::slice::from_ref), keep),
        f if f.ends_with("_reduceat") => {
            ufunc_named(f.trim_end_matches("_reduceat")).reduceat(&v, &[0, 3, 1, 3, 2], axis.unwrap_or(0))
        }
        f if f.contains("_dtype_") => {
            let (g, dt) = f.split_once("_dtype_").unwrap();
            let t = Descr::parse(dt).unwrap().numeric().unwrap();
            if g == "sum" {
                return nprs_ufunc::sum_dyn(&v, &args.dtype(t));
            }
            let opts = nprs_ufunc::ufunc::ReduceOptions::new().keepdims(keep).dtype(t);
            let opts = match axis {
                Some(ax) => opts.axis(ax),
                None => opts.all_axes(),
            };
            ufunc_named(g).reduce(&v, &opts)
        }
        "sort" => nprs_ufunc::sort_dyn(a, axis, SortKind::Quicksort),
        "argsort" => nprs_ufunc::argsort_dyn(a, axis, SortKind::Stable).map(DynArray::from),
        "unique" => nprs_ufunc::unique_dyn(a, &nprs_ufunc::UniqueOptions::default()).map(|u| u.values),
        "diff" => nprs_ufunc::stats::diff_dyn(a, 1, axis.unwrap_or_else(|| last(a)), None, None),
        "searchsorted" => {
            let sorted = nprs_ufunc::sort_dyn(a, None, SortKind::Quicksort)?;
            let counts = a.view_dtype(&int64())?.to_owned().typed::<i64>()?.to_vec();
            let head = DynArray::from(Array::from_vec(counts[..64.min(counts.len())].to_vec()));
            let head = head.view_dtype(a.dtype())?.to_owned();
            nprs_ufunc::searchsorted_dyn(&sorted, &head, nprs_ufunc::Side::Left, None).map(DynArray::from)
        }
        other => panic!("no function {other}"),
    }
}

/// The binary ufunc of a NumPy name used by `datetime/reduce`.
fn ufunc_named(name: &str) -> &'static nprs_ufunc::ufunc::Ufunc {
    use nprs_ufunc::ufuncs::{ADD, FMAX, FMIN, MAXIMUM, MINIMUM, SUBTRACT};
    match name {
        "add" => &ADD,
        "subtract" => &SUBTRACT,
        "maximum" => &MAXIMUM,
        "minimum" => &MINIMUM,
        "fmax" => &FMAX,
        "fmin" => &FMIN,
        other => panic!("no ufunc {other}"),
    }
}

/// Checks a `datetime/reduce` case: every call, then the whole list.
fn check_reductions(o: &nprs_testkit::Cases, name: &str) {
    let inputs: Vec<(&str, DynArray)> = ["x", "y", "w", "z"]
        .into_iter()
        .map(|n| {
            let arr = o.case(n).array();
            let Elems::Int(v) = &arr.data else { panic!("{n}: not integers") };
            let v: Vec<i64> = v.iter().map(|&x| i64::try_from(x).unwrap()).collect();
            (n, DynArray::from(Array::from_shape_vec(&arr.shape, v).unwrap()))
        })
        .collect();
    let case = o.case(name);
    let Value::List(items) = &case.result else { panic!("{name}: not a list") };
    let mut got = Vec::with_capacity(items.len());
    let mut bad = Vec::new();
    for item in items {
        let Value::List(pair) = item else { panic!("{name}: not a pair") };
        let Value::List(spec) = &pair[0] else { panic!("{name}: no spec") };
        let (Value::Str(f), Value::Str(dt), Value::Str(input)) = (&spec[0], &spec[1], &spec[2]) else {
            panic!("{name}: bad spec {spec:?}")
        };
        let keep = matches!(spec[4], Value::Bool(true));
        let descr = Descr::parse(dt).unwrap();
        let a = if input == "xtbe" {
            // x transposed, big-endian.
            let x = &inputs[0].1;
            let be = Descr::parse(&format!(">{dt}")).unwrap();
            x.view_dtype(&descr).unwrap().transpose().astype(&be).unwrap()
        } else {
            let counts = &inputs.iter().find(|(n, _)| n == input).unwrap().1;
            counts.view_dtype(&descr).unwrap().to_owned()
        };
        let r = encode_shaped(run_reduction(f, &a, &spec[3], keep));
        if r != pair[1] && bad.len() < 20 {
            bad.push(format!("{spec:?}:\n  numpy {:?}\n  nprs  {r:?}", pair[1]));
        }
        got.push(Value::List(vec![pair[0].clone(), r]));
    }
    assert!(bad.is_empty(), "{name}: {} calls differ, e.g.\n{}", bad.len(), bad.join("\n"));
    case.check_value(&Value::List(got));
}

#[test]
fn extrema_arg_reductions_sums_and_means_of_datetimes_with_nat_in_every_unit() {
    let o = oracle(REDUCE_FILE);
    check_reductions(&o, "reduce_M");
    check_reductions(&o, "reduce_m");
}

#[test]
fn where_initial_sort_argsort_unique_diff_searchsorted_of_datetimes_with_nat() {
    let o = oracle(REDUCE_FILE);
    check_reductions(&o, "order_M");
    check_reductions(&o, "order_m");
}

#[test]
fn reductions_of_strided_byte_swapped_datetimes_over_tuples_of_axes_and_accumulate() {
    let o = oracle(REDUCE_FILE);
    check_reductions(&o, "layouts_M");
    check_reductions(&o, "layouts_m");
}

/// Runs a two-output ufunc (`divmod`) on the operands the specs name: `['ok2', q, r]`.
fn call2(name: &str, specs: &[&str]) -> Value {
    let built: Vec<Built> = specs.iter().map(|sp| operand(sp)).collect();
    let ops: Vec<Operand<'_>> = built
        .iter()
        .map(|b| match b {
            Built::Scalar(x) => Operand::Scalar(x.clone()),
            Built::Array(a) => Operand::Array(a.view()),
        })
        .collect();
    match by_name(name).unwrap().call_all(&ops, nprs_core::UfuncOptions::new()) {
        Ok(mut outs) => {
            let r = outs.pop().unwrap().unwrap();
            let q = outs.pop().unwrap().unwrap();
            Value::List(vec![s("ok2"), encode(Ok(q)), encode(Ok(r))])
        }
        Err(e) => encode(Err(e)),
    }
}

#[test]
fn divmod_of_timedeltas_with_nat_zero_divisors_and_refused_operands() {
    let o = oracle(FILE);
    let case = o.case("divmod");
    let Value::List(items) = &case.result else { panic!("divmod: not a list") };
    let got: Vec<Value> = items
        .iter()
        .map(|item| {
            let Value::List(pair) = item else { panic!("not a pair") };
            let spec = strs(&pair[0]);
            let specs: Vec<&str> = spec[1..].iter().map(String::as_str).collect();
            Value::List(vec![pair[0].clone(), call2(&spec[0], &specs)])
        })
        .collect();
    case.check_value(&Value::List(got));
    let (x, y) = (input(&o, "random_x"), input(&o, "random_y"));
    let shifted: Vec<i64> = y.iter().map(|&v| v >> 40).collect();
    let (a, b) = (as_dtype(&x, "m8[ns]"), as_dtype(&shifted, "m8[ns]"));
    let outs =
        by_name("divmod").unwrap().call_all(&[(&a).into(), (&b).into()], nprs_core::UfuncOptions::new()).unwrap();
    let got: Vec<Value> = outs.into_iter().map(|r| encode(Ok(r.unwrap()))).collect();
    o.case("random_td_divmod").check_value(&Value::List(got));
}

#[test]
fn isnan_isinf_isfinite_of_datetimes_and_timedeltas() {
    check_calls(oracle(FILE).case("nan_predicates"));
}

/// An output array of the `outputs` case: 9 (or 2x9 with a `2x` prefix) sevens as `kind`.
fn out_array(spec: &str) -> DynArray {
    let (shape, kind) = match spec.strip_prefix("2x") {
        Some(k) => (vec![2, 9], k),
        None => (vec![9], spec),
    };
    let d = Descr::parse(kind).unwrap();
    let sevens = DynArray::from(Array::from_shape_vec(&shape, vec![7i64; shape.iter().product()]).unwrap());
    if matches!(d.kind(), 'M' | 'm') { sevens.view_dtype(&d).unwrap().to_owned() } else { sevens.astype(&d).unwrap() }
}

/// The `outputs` case's `call_out`: `name` with `out=`, in place, `where=`, `casting=` and
/// `dtype=`; the outputs (or the new result) encoded.
fn call_out(
    name: &str,
    specs: &[String],
    out_specs: &[String],
    casting: &str,
    masked: bool,
    dtype: Option<&str>,
) -> Value {
    use nprs_core::{Casting, UfuncOptions};
    let casting = match casting {
        "no" => Casting::No,
        "safe" => Casting::Safe,
        "same_kind" => Casting::SameKind,
        _ => Casting::Unsafe,
    };
    let mask = DynArray::from(Array::from_vec((0..9).map(|i| i % 2 == 0).collect::<Vec<bool>>()));
    let mut built: Vec<Built> = specs.iter().map(|sp| operand(sp)).collect();
    let mut outs: Vec<DynArray> = out_specs.iter().map(|sp| out_array(sp)).collect();
    let (inplace, name) = match name.strip_prefix("inplace:") {
        Some(n) => (true, n),
        None => (false, name),
    };
    let mut first = None;
    if inplace {
        let Built::Array(a) = built.remove(0) else { panic!("in place on a scalar") };
        first = Some(a);
    }
    let ops: Vec<Operand<'_>> = built
        .iter()
        .map(|b| match b {
            Built::Scalar(x) => Operand::Scalar(x.clone()),
            Built::Array(a) => Operand::Array(a.view()),
        })
        .collect();
    let mut opts = UfuncOptions::new().casting(casting);
    if masked {
        opts = opts.where_mask(&mask);
    }
    if let Some(d) = dtype {
        opts = opts.dtype(Descr::parse(d).unwrap());
    }
    if let Some(f) = first.as_mut() {
        opts = opts.inplace(f.view_mut());
    }
    for o in &mut outs {
        opts = opts.out(o.view_mut());
    }
    let r = by_name(name).unwrap().call_all(&ops, opts);
    match r {
        Ok(mut res) => {
            let got: Vec<Value> = if let Some(f) = first {
                vec![encode(Ok(f))]
            } else if outs.is_empty() {
                vec![encode(Ok(res.remove(0).unwrap()))]
            } else {
                outs.into_iter().map(|o| encode(Ok(o))).collect()
            };
            Value::List(vec![s("ok"), Value::List(got)])
        }
        Err(e) => encode(Err(e)),
    }
}

#[test]
fn outputs_of_other_units_and_kinds_in_place_where_and_dtype_arguments() {
    let o = oracle(FILE);
    let case = o.case("outputs");
    let Value::List(items) = &case.result else { panic!("outputs: not a list") };
    let mut got = Vec::new();
    let mut bad = Vec::new();
    for item in items {
        let Value::List(pair) = item else { panic!("not a pair") };
        let Value::List(spec) = &pair[0] else { panic!("no spec") };
        let name = match &spec[0] {
            Value::Str(n) => n.clone(),
            other => panic!("bad name {other:?}"),
        };
        let (specs, out_specs) = (strs(&spec[1]), strs(&spec[2]));
        let Value::Str(casting) = &spec[3] else { panic!("bad casting") };
        let masked = matches!(spec[4], Value::Bool(true));
        let dtype = match &spec[5] {
            Value::Str(d) => Some(d.as_str()),
            _ => None,
        };
        let r = call_out(&name, &specs, &out_specs, casting, masked, dtype);
        if r != pair[1] {
            bad.push(format!("{spec:?}:\n  numpy {:?}\n  nprs  {r:?}", pair[1]));
        }
        got.push(Value::List(vec![pair[0].clone(), r]));
    }
    assert!(bad.is_empty(), "{} calls differ, e.g.\n{}", bad.len(), bad.join("\n"));
    case.check_value(&Value::List(got));
}

#[test]
fn reduceat_dtype_arguments_and_medians_of_datetimes_with_nat() {
    let o = oracle(REDUCE_FILE);
    check_reductions(&o, "extras_M");
    check_reductions(&o, "extras_m");
}
