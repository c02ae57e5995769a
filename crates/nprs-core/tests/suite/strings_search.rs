//! Oracle checks of the `numpy.strings` searches with array arguments: patterns, starts
//! and ends broadcast against the strings (`dtypes/strings_search`).

use crate::common;

use common::check;
use nprs_core::strings::{self as s, Bound};
use nprs_core::{Descr, DynArray, Operand, Scalar};
use nprs_testkit::{Cases, Elems, oracle};

/// An input array recorded by the oracle, in its dtype.
fn input(o: &Cases, name: &str) -> DynArray {
    let a = o.case(name).array();
    let d = Descr::parse(&a.dtype).unwrap();
    let vals: Vec<Scalar> = match &a.data {
        Elems::Int(v) => v.iter().map(|&i| Scalar::Int(i)).collect(),
        Elems::Str(v) if a.dtype.contains('S') => {
            v.iter().map(|x| Scalar::Bytes(x.chars().map(|c| c as u8).collect())).collect()
        }
        Elems::Str(v) => v.iter().map(|x| Scalar::Str(x.clone())).collect(),
        _ => panic!("{name}: unexpected input"),
    };
    DynArray::from_scalars(&a.shape, &d, &vals).unwrap()
}

type Search = for<'a, 'b, 'c> fn(&DynArray, Operand<'a>, Bound<'b>, Bound<'c>) -> nprs_core::Result<DynArray>;

const FUNCS: [(&str, Search); 5] = [
    ("find", |a, p, x, y| s::find(a, p, x, y)),
    ("rfind", |a, p, x, y| s::rfind(a, p, x, y)),
    ("count", |a, p, x, y| s::count(a, p, x, y)),
    ("startswith", |a, p, x, y| s::startswith(a, p, x, y)),
    ("endswith", |a, p, x, y| s::endswith(a, p, x, y)),
];

fn head(a: &DynArray, n: usize) -> DynArray {
    DynArray::from_scalars(&[n], a.dtype(), &a.to_scalars()[..n]).unwrap()
}

#[test]
fn array_patterns_starts_and_ends_broadcast() {
    let o = oracle("dtypes/strings_search");
    let a = input(&o, "in_a");
    let subs = input(&o, "in_subs");
    let starts = input(&o, "in_starts");
    let ends = input(&o, "in_ends");
    let (ab, subsb) = (input(&o, "in_ab"), input(&o, "in_subsb"));
    let grid = head(&a, 24).into_shape(&[24, 1]).unwrap();
    let row = head(&subs, 6);
    let (st_col, en_row) = (input(&o, "in_st_col"), input(&o, "in_en_row"));
    let big = input(&o, "in_big");
    let a4 = head(&a, 4);
    for (f, run) in FUNCS {
        let c = |k: &str| o.case(&format!("{f}_{k}"));
        check(c("all"), run(&a, (&subs).into(), (&starts).into(), (&ends).into()));
        check(c("sub"), run(&a, (&subs).into(), 0.into(), None.into()));
        check(c("start"), run(&a, "a".into(), (&starts).into(), None.into()));
        check(c("end"), run(&a, "b".into(), 1.into(), (&ends).into()));
        check(c("grid"), run(&grid, (&row).into(), (&st_col).into(), (&en_row).into()));
        check(c("bytes"), run(&ab, (&subsb).into(), (&starts).into(), (&ends).into()));
        check(c("big"), run(&a4, "a".into(), (&big).into(), None.into()));
    }
}

#[test]
fn index_and_rindex_take_arrays_and_report_a_missing_substring() {
    let o = oracle("dtypes/strings_search");
    let a = input(&o, "in_a");
    let (subs, starts, ends) = (input(&o, "in_subs"), input(&o, "in_starts"), input(&o, "in_ends"));
    let (ab, subsb) = (input(&o, "in_ab"), input(&o, "in_subsb"));
    check(o.case("index_ok"), s::index(&a, "", &input(&o, "in_ok_starts"), None));
    let grid = head(&a, 24).into_shape(&[24, 1]).unwrap();
    let empty = DynArray::from_strs(&[""]);
    check(o.case("rindex_ok"), s::rindex(&grid, &empty, 0, &input(&o, "in_en_row")));
    check(o.case("index_missing"), s::index(&a, &subs, &starts, &ends));
    check(o.case("rindex_missing"), s::rindex(&ab, &subsb, &starts, None));
}

#[test]
fn bad_shapes_and_float_bounds_are_numpys_errors() {
    let o = oracle("dtypes/strings_search");
    let a = input(&o, "in_a");
    let subs = input(&o, "in_subs");
    check(o.case("err_shape"), s::find(&head(&a, 3), &head(&subs, 4), 0, None));
    let half = DynArray::from(nprs_core::array![1.5]);
    check(o.case("err_float_start"), s::find(&a, "a", &half, None));
    check(o.case("err_float_end"), s::count(&a, "a", 0, &half));
}

#[test]
fn partition_takes_an_array_of_separators() {
    let o = oracle("dtypes/strings_search");
    let a = input(&o, "in_a");
    let (seps, ab, sepsb) = (input(&o, "in_seps"), input(&o, "in_ab"), input(&o, "in_sepsb"));
    let grid = head(&a, 24).into_shape(&[24, 1]).unwrap();
    let six = head(&seps, 6);
    type Part = fn(&DynArray, &DynArray) -> nprs_core::Result<(DynArray, DynArray, DynArray)>;
    let parts: [(&str, Part); 2] =
        [("partition", |a, p| s::partition(a, p)), ("rpartition", |a, p| s::rpartition(a, p))];
    for (f, run) in parts {
        for (label, x, p) in [("arr", &a, &seps), ("grid", &grid, &six), ("bytes", &ab, &sepsb)] {
            let (h, m, t) = run(x, p).unwrap();
            for (k, part) in [h, m, t].into_iter().enumerate() {
                check(o.case(&format!("{f}_{label}_{k}")), Ok(part));
            }
        }
        let empty = DynArray::from_strs(&["a", ""]).into_shape(&[2, 1]).unwrap();
        let e = run(&a, &empty).unwrap_err();
        o.case(&format!("{f}_err_empty")).check_error(e.numpy_kind(), &e.to_string());
    }
}
