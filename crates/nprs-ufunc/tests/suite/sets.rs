//! unique, the unique_* functions, isin and the set routines against NumPy.

use crate::common;
use common::{check_loose, load};

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, Value, actual, oracle};
use nprs_ufunc::{
    UniqueOptions, intersect1d, intersect1d_dyn, intersect1d_indices, isin, isin_dyn, setdiff1d, setdiff1d_dyn,
    setxor1d, setxor1d_dyn, union1d, union1d_dyn, unique, unique_all, unique_counts, unique_dyn, unique_inverse,
    unique_values, unique_with,
};

fn check_full<T: common::FromOracle>(c: &Cases, dt: &str) {
    let a = load::<T>(c, &format!("u_{dt}_a"));
    let all = UniqueOptions::new().return_index(true).return_inverse(true).return_counts(true);
    let mut cases = vec![(format!("u_{dt}"), true)];
    if c.iter().any(|k| k.name == format!("u_{dt}_nonan")) {
        cases.push((format!("u_{dt}_nonan"), false));
    }
    for (name, eq) in cases {
        let d = unique_dyn(&DynArray::from(a.clone()), &all.equal_nan(eq)).unwrap();
        c.case(&name).check_item(0, &d.values.typed::<T>().unwrap());
        c.case(&name).check_item(2, &d.inverse.unwrap());
        let u = unique_with(&a, &all.equal_nan(eq)).unwrap();
        let case = c.case(&name);
        case.check_item(0, &u.values);
        case.check_item(1, &u.indices.unwrap());
        case.check_item(2, &u.inverse.unwrap());
        case.check_item(3, &u.counts.unwrap());
        if eq {
            case.check_item(0, &unique(&a));
        }
    }
    // NumPy 2.4's unique_values is in hash order; the recorded np.sort of it leaves equal
    // elements (±0 with a NaN part) in that order
    check_loose(c.case(&format!("u_{dt}_values")), &actual(&unique_values(&a)));
}

#[test]
fn unique_matches_numpy() {
    let c = oracle("sort/sets");
    check_full::<f64>(&c, "float64");
    check_full::<i64>(&c, "int64");
    check_full::<C128>(&c, "complex128");
    check_full::<f32>(&c, "float32");
    let a = load::<f64>(&c, "u2d_a");
    let u = unique_all(&a);
    let case = c.case("u2d_all");
    case.check_item(0, &u.values);
    case.check_item(1, &u.indices.unwrap());
    case.check_item(2, &u.inverse.unwrap());
    case.check_item(3, &u.counts.unwrap());
    let (v, inv) = unique_inverse(&a);
    c.case("u2d_inverse").check_item(0, &v);
    // NaNs are distinct values here and NumPy sorts them unstably, so the inverse of a NaN
    // may name any NaN slot: compare the other positions, and check that every NaN's
    // entry names a NaN, each one once
    let Value::List(items) = &c.case("u2d_inverse").result else { panic!() };
    let Value::Array(want) = &items[1] else { panic!() };
    let nprs_testkit::Elems::Int(want) = &want.data else { panic!() };
    let (vals, av, iv) = (v.to_vec(), a.to_vec(), inv.to_vec());
    let mut nan_slots: Vec<i64> = Vec::new();
    for (k, (&x, &i)) in av.iter().zip(&iv).enumerate() {
        if x.is_nan() {
            assert!(vals[i as usize].is_nan());
            nan_slots.push(i);
        } else {
            assert_eq!(i128::from(i), want[k], "inverse at {k}");
        }
    }
    let before = nan_slots.len();
    nan_slots.sort_unstable();
    nan_slots.dedup();
    c.case("u2d_inverse").assert_item(1, before == nan_slots.len(), "a NaN slot named twice");
    let (v, cnt) = unique_counts(&a);
    c.case("u2d_counts").check_item(0, &v);
    c.case("u2d_counts").check_item(1, &cnt);
    let u = unique_with(&a, &UniqueOptions::new().return_inverse(true)).unwrap();
    c.case("u2d").check_item(0, &u.values);
    c.case("u2d").check_item(1, &u.inverse.unwrap());
}

#[test]
fn unique_axis_and_edges_match_numpy() {
    let c = oracle("sort/sets");
    let r = array![[1i64, 2, 0], [1, 2, 0], [0, 5, 1], [1, 2, -1], [0, 5, 1]];
    let all = UniqueOptions::new().return_index(true).return_inverse(true).return_counts(true);
    for ax in [0isize, 1] {
        let u = unique_with(&r, &all.axis(Some(ax))).unwrap();
        let case = c.case(&format!("u_axis{ax}"));
        case.check_item(0, &u.values);
        case.check_item(1, &u.indices.unwrap());
        case.check_item(2, &u.inverse.unwrap());
        case.check_item(3, &u.counts.unwrap());
    }
    let e = unique_with(&r, &UniqueOptions::new().axis(Some(2))).unwrap_err();
    c.case("u_axis_bad").check_error(e.numpy_kind(), &e.to_string());
    let u = unique_with(&Array::from_elem_0d(5i64), &UniqueOptions::new().return_inverse(true)).unwrap();
    c.case("u_0d").check_item(0, &u.values);
    c.case("u_0d").check_item(1, &u.inverse.unwrap());
    let u = unique_with(&array![-0.0, 0.0, -0.0], &UniqueOptions::new().return_index(true)).unwrap();
    c.case("u_zeros").check_item(0, &u.values);
    c.case("u_zeros").check_item(1, &u.indices.unwrap());
    let n = f64::NAN;
    let cx = array![C128::new(n, 1.0), C128::new(1.0, n), C128::new(n, 2.0), C128::new(0.0, 1.0)];
    let u = unique_with(&cx, &UniqueOptions::new().return_index(true).return_counts(true)).unwrap();
    c.case("u_cnan").check_item(0, &u.values);
    c.case("u_cnan").check_item(1, &u.indices.unwrap());
    c.case("u_cnan").check_item(2, &u.counts.unwrap());
}

fn floats(c: &Cases, name: &str) -> Array<f64> {
    load::<f64>(c, name)
}

#[test]
fn isin_and_set_routines_match_numpy() {
    let c = oracle("sort/sets");
    let (x, y) = (floats(&c, "s_x"), floats(&c, "s_y"));
    c.case("isin").check(&isin(&x, &y, false));
    c.case("isin_invert").check(&isin(&x, &y, true));
    // NumPy sorts unstably here: which of 0.0 and -0.0 it keeps is unspecified
    check_loose(c.case("intersect"), &actual(&intersect1d(&x, &y, false)));
    let i = intersect1d_indices(&x, &y, false);
    c.case("intersect_idx").check_item(0, &i.values);
    c.case("intersect_idx").check_item(1, &i.indices1);
    c.case("intersect_idx").check_item(2, &i.indices2);
    c.case("union").check(&union1d(&x, &y));
    c.case("setdiff").check(&setdiff1d(&x, &y, false));
    c.case("setxor").check(&setxor1d(&x, &y, false));
    let (p, q) = (array![5i64, 1, 9, 3, 7], array![9i64, 2, 5, 8]);
    let i = intersect1d_indices(&p, &q, true);
    c.case("intersect_unique").check_item(0, &i.values);
    c.case("intersect_unique").check_item(1, &i.indices1);
    c.case("intersect_unique").check_item(2, &i.indices2);
    c.case("setdiff_unique").check(&setdiff1d(&p, &q, true));
    c.case("setxor_unique").check(&setxor1d(&p, &q, true));
    // the dynamic forms: y as float32 promotes to float64, the same values
    let (dx, dy) = (DynArray::from(x.clone()), DynArray::from(y.astype::<f32>()));
    c.case("isin").check(&isin_dyn(&dx, &dy, false).unwrap());
    c.case("union").check(&union1d_dyn(&dx, &dy, false).unwrap().typed::<f64>().unwrap());
    c.case("setdiff").check(&setdiff1d_dyn(&dx, &dy, false).unwrap().typed::<f64>().unwrap());
    c.case("setxor").check(&setxor1d_dyn(&dx, &dy, false).unwrap().typed::<f64>().unwrap());
    check_loose(c.case("intersect"), &actual(&intersect1d_dyn(&dx, &dy, false).unwrap().typed::<f64>().unwrap()));
    let (dp, dq) = (DynArray::from(p.clone()), DynArray::from(q.astype::<i8>()));
    c.case("setdiff_unique").check(&setdiff1d_dyn(&dp, &dq, true).unwrap().typed::<i64>().unwrap());
    // every recorded case of the file is compared above
    assert!(c.iter().all(|k| !matches!(k.result, Value::None)));
}

/// `unique` without indices sorts a copy unstably and walks its runs: its values (the
/// first occurrences, as NumPy's stable `return_index` form gives them: signed zeros, NaN
/// payloads) and counts against NumPy, with the stable form alongside.
fn check_runs<T: common::FromOracle>(c: &Cases, a: &Array<T>, name: &str, equal_nan: bool) {
    let case = c.case(name);
    let opts = UniqueOptions::new().equal_nan(equal_nan);
    let u = unique_with(a, &opts.return_counts(true)).unwrap();
    assert!(u.indices.is_none() && u.inverse.is_none());
    case.check_item(0, &u.values);
    case.check_item(2, &u.counts.unwrap());
    let s = unique_with(a, &opts.return_index(true)).unwrap();
    case.check_item(0, &s.values);
    case.check_item(1, &s.indices.unwrap());
    case.check_item(0, &unique_with(a, &opts).unwrap().values);
    let d = unique_dyn(&DynArray::from(a.clone()), &opts.return_counts(true)).unwrap();
    case.check_item(0, &d.values.typed::<T>().unwrap());
    case.check_item(2, &d.counts.unwrap());
    if equal_nan {
        case.check_item(0, &unique(a));
        // a strided view takes the copying path
        let wide = Array::from_vec(a.iter().flat_map(|x| [x, x]).collect());
        case.check_item(0, &unique(&wide.slice(s![..;2])));
    } else {
        let (v, k) = unique_counts(a);
        case.check_item(0, &v);
        case.check_item(2, &k);
        case.check_item(0, &unique_values(a));
    }
}

fn check_runs_dtype<T: common::FromOracle>(c: &Cases, dt: &str) {
    let a = load::<T>(c, &format!("ur_{dt}_a"));
    check_runs(c, &a, &format!("ur_{dt}_True"), true);
    check_runs(c, &a, &format!("ur_{dt}_False"), false);
}

#[test]
fn isin_of_many_elements_matches_numpy() {
    let c = oracle("sort/sets");
    let (e, t) = (load::<i64>(&c, "isin_long_e"), load::<i64>(&c, "isin_long_t"));
    c.case("isin_long").check(&isin(&e, &t, false));
    c.case("isin_long_invert").check(&isin(&e, &t, true));
    c.case("isin_long").check(&isin_dyn(&DynArray::from(e.clone()), &DynArray::from(t.clone()), false).unwrap());
}

#[test]
fn unique_values_and_counts_match_numpy() {
    let c = oracle("sort/sets");
    check_runs_dtype::<bool>(&c, "bool");
    check_runs_dtype::<i8>(&c, "int8");
    check_runs_dtype::<i16>(&c, "int16");
    check_runs_dtype::<i32>(&c, "int32");
    check_runs_dtype::<i64>(&c, "int64");
    check_runs_dtype::<u8>(&c, "uint8");
    check_runs_dtype::<u16>(&c, "uint16");
    check_runs_dtype::<u32>(&c, "uint32");
    check_runs_dtype::<u64>(&c, "uint64");
    check_runs_dtype::<f16>(&c, "float16");
    check_runs_dtype::<f32>(&c, "float32");
    check_runs_dtype::<f64>(&c, "float64");
    // past the two-thread threshold of the sort
    let b = load::<f32>(&c, "ur_long_b");
    check_runs(&c, &b, "ur_long_f32", true);
    check_runs(&c, &b.astype::<f64>(), "ur_long_f64", true);
    let i = load::<i32>(&c, "ur_long_c");
    check_runs(&c, &i, "ur_long_i32", true);
    check_runs(&c, &i.astype::<i64>(), "ur_long_i64", true);
}
