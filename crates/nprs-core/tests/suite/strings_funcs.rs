//! Oracle checks of `numpy.strings` comparisons, character classes, case changes,
//! searching, partitioning, slicing, tabs, translation and codecs on random `U` and `S`
//! arrays (`dtypes/strings_funcs`).

use crate::common;

use std::collections::HashMap;

use common::check;
use nprs_core::strings::{self as s, Translation};
use nprs_core::{Descr, DynArray, Scalar};
use nprs_testkit::{Cases, Elems, oracle};

/// An input array recorded by the oracle (bytes come as one character per byte).
fn input(o: &Cases, name: &str) -> DynArray {
    let a = o.case(name).array();
    let d = Descr::parse(&a.dtype).unwrap();
    let Elems::Str(v) = &a.data else { panic!("{name}: not strings") };
    let vals: Vec<Scalar> = if a.dtype.contains('S') {
        v.iter().map(|x| Scalar::Bytes(x.chars().map(|c| c as u8).collect())).collect()
    } else {
        v.iter().map(|x| Scalar::Str(x.clone())).collect()
    };
    DynArray::from_scalars(&a.shape, &d, &vals).unwrap()
}

/// The first `n` elements of a 1-d array.
fn first(a: &DynArray, n: usize) -> DynArray {
    let vals: Vec<Scalar> = a.to_scalars().into_iter().take(n).collect();
    DynArray::from_scalars(&[n], a.dtype(), &vals).unwrap()
}

struct Inputs {
    u: DynArray,
    w: DynArray,
    u2: DynArray,
    by: DynArray,
    by2: DynArray,
    sm: DynArray,
    smb: DynArray,
    tb: DynArray,
}

fn inputs(o: &Cases) -> Inputs {
    Inputs {
        u: input(o, "in_u"),
        w: input(o, "in_w"),
        u2: input(o, "in_u2"),
        by: input(o, "in_by"),
        by2: input(o, "in_by2"),
        sm: input(o, "in_sm"),
        smb: input(o, "in_smb"),
        tb: input(o, "in_tb"),
    }
}

type Test = fn(&DynArray) -> nprs_core::Result<DynArray>;

#[test]
fn classes_and_case_changes_match_python() {
    let o = oracle("dtypes/strings_funcs");
    let i = inputs(&o);
    let tests: [(&str, Test); 11] = [
        ("isalpha", |a| s::isalpha(a)),
        ("isalnum", |a| s::isalnum(a)),
        ("isdigit", |a| s::isdigit(a)),
        ("isdecimal", |a| s::isdecimal(a)),
        ("isnumeric", |a| s::isnumeric(a)),
        ("isspace", |a| s::isspace(a)),
        ("islower", |a| s::islower(a)),
        ("isupper", |a| s::isupper(a)),
        ("istitle", |a| s::istitle(a)),
        ("swapcase", |a| s::swapcase(a)),
        ("title", |a| s::title(a)),
    ];
    for (name, f) in tests {
        check(o.case(&format!("{name}_u")), f(&i.u));
        check(o.case(&format!("{name}_w")), f(&i.w));
        check(o.case(&format!("{name}_by")), f(&i.by));
    }
    let sig = DynArray::from_strs(&["\u{3a3}\u{3a3} a\u{3a3} \u{3a3}a\u{3a3}.\u{3a3}", "x\u{3a3}\u{301} y"]);
    check(o.case("title_sigma"), s::title(&sig));
    let sig = DynArray::from_strs(&["A\u{3a3}", "\u{3c3}\u{3a3}\u{3c2} \u{3a3}", "a\u{3a3}b"]);
    check(o.case("swapcase_sigma"), s::swapcase(&sig));
}

#[test]
fn comparisons_match_numpy() {
    let o = oracle("dtypes/strings_funcs");
    let i = inputs(&o);
    type Cmp = fn(&DynArray, &DynArray) -> nprs_core::Result<DynArray>;
    let ops: [(&str, Cmp); 6] = [
        ("equal", |a, b| s::equal(a, b)),
        ("not_equal", |a, b| s::not_equal(a, b)),
        ("less", |a, b| s::less(a, b)),
        ("less_equal", |a, b| s::less_equal(a, b)),
        ("greater", |a, b| s::greater(a, b)),
        ("greater_equal", |a, b| s::greater_equal(a, b)),
    ];
    let grid = i.u.clone().into_shape(&[20, 20]).unwrap();
    let head = first(&i.u2, 20);
    let ab = DynArray::from_strs(&["ab"]).into_shape(()).unwrap();
    for (name, f) in ops {
        check(o.case(&format!("{name}_u")), f(&i.u, &i.u2));
        check(o.case(&format!("{name}_by")), f(&i.by, &i.by2));
        check(o.case(&format!("{name}_bcast")), f(&grid, &head));
        check(o.case(&format!("{name}_scalar")), f(&i.sm, &ab));
    }
    check(o.case("equal_mixed"), s::equal(&i.u, &first(&i.by, 1)));
    check(o.case("less_int"), s::less(&i.u, Scalar::Int(1)));
}

#[test]
fn searching_and_partitioning_match_numpy() {
    let o = oracle("dtypes/strings_funcs");
    let i = inputs(&o);
    let ranges: [(i64, Option<i64>); 7] =
        [(0, None), (2, None), (-3, None), (1, Some(5)), (0, Some(-2)), (9, None), (20, Some(3))];
    type Find = fn(&DynArray, &str, i64, Option<i64>) -> nprs_core::Result<DynArray>;
    let finds: [(&str, Find); 3] = [
        ("find", |a, p, x, y| s::find(a, p, x, y)),
        ("rfind", |a, p, x, y| s::rfind(a, p, x, y)),
        ("count", |a, p, x, y| s::count(a, p, x, y)),
    ];
    for (name, f) in finds {
        for sub in ["a", "ab", "\u{e9}a", "", "zz"] {
            for (k, &(lo, hi)) in ranges.iter().enumerate() {
                // The case names hold Python's repr of the pattern.
                check(o.case(&format!("{name}_'{sub}'_{k}")), f(&i.sm, sub, lo, hi));
            }
        }
        check(o.case(&format!("{name}_b")), f(&i.smb, "a-", 1, None));
    }
    let found = |start: i64| {
        let hits = s::find(&i.sm, "b", start, None).unwrap().typed::<i64>().unwrap().to_vec();
        let vals: Vec<Scalar> =
            i.sm.to_scalars().into_iter().zip(&hits).filter(|(_, h)| **h >= 0).map(|(v, _)| v).collect();
        DynArray::from_scalars(&[vals.len()], i.sm.dtype(), &vals).unwrap()
    };
    check(o.case("index_ok"), s::index(&found(0), "b", 0, None));
    check(o.case("rindex_ok"), s::rindex(&found(1), "b", 1, None));
    check(o.case("index_missing"), s::index(&i.sm, "b", 0, None));
    check(o.case("rindex_missing"), s::rindex(&i.smb, "ab", 2, Some(-1)));

    type Part = fn(&DynArray, &str) -> nprs_core::Result<(DynArray, DynArray, DynArray)>;
    let parts: [(&str, Part); 2] =
        [("partition", |a, p| s::partition(a, p)), ("rpartition", |a, p| s::rpartition(a, p))];
    for (name, f) in parts {
        let run = |a: &DynArray, sep: &str, label: &str| {
            let (x, y, z) = f(a, sep).unwrap();
            for (k, part) in [x, y, z].into_iter().enumerate() {
                check(o.case(&format!("{name}_{label}_{k}")), Ok(part));
            }
        };
        for sep in ["a", "ab", "\u{e9}", "zz"] {
            run(&i.sm, sep, &format!("'{sep}'"));
        }
        run(&i.smb, "-", "b");
        let e = f(&i.sm, "").unwrap_err();
        o.case(&format!("{name}_empty")).check_error(e.numpy_kind(), &e.to_string());
    }
}

#[test]
fn slicing_tabs_translation_match_numpy() {
    let o = oracle("dtypes/strings_funcs");
    let i = inputs(&o);
    let tb_bytes = s::encode(&i.tb, None, None).unwrap();
    for t in [8, 4, 1, 0, -1] {
        check(o.case(&format!("expandtabs_{t}")), s::expandtabs(&i.tb, t));
        check(o.case(&format!("expandtabs_b_{t}")), s::expandtabs(&tb_bytes, t));
    }
    let tab = DynArray::from_strs(&["a\tb"]);
    for (k, t) in [1i64 << 40, 1 << 31, 1 << 29].into_iter().enumerate() {
        check(o.case(&format!("expandtabs_huge_{k}")), s::expandtabs(&tab, t));
    }
    let slices = [
        (Some(1), Some(5), None),
        (None, None, Some(-1)),
        (Some(-3), None, None),
        (Some(5), Some(1), Some(-2)),
        (None, Some(2), None),
        (Some(-20), Some(20), Some(3)),
        (Some(20), Some(-20), Some(-1)),
        (Some(3), Some(3), Some(1)),
    ];
    for (k, (a, b, c)) in slices.into_iter().enumerate() {
        check(o.case(&format!("slice_{k}")), s::slice(&i.u, a, b, c));
        check(o.case(&format!("slice_b_{k}")), s::slice(&i.by, a, b, c));
    }
    check(o.case("slice_zero_step"), s::slice(&i.u, Some(0), Some(3), Some(0)));

    let table: HashMap<char, Option<String>> =
        [('a', Some("XY".to_string())), ('\u{e9}', None), ('b', Some("\u{3a3}".to_string()))].into_iter().collect();
    check(o.case("translate_u"), s::translate(&i.sm, Translation::Str(&table)));
    let perm: Vec<u8> = (0..256u32).map(|k| ((k * 7 + 3) % 256) as u8).collect();
    check(o.case("translate_b"), s::translate(&i.smb, Translation::Bytes(Some(&perm), b"-")));
    let rev: Vec<u8> = (0..=255u8).rev().collect();
    check(o.case("translate_b_nul_end"), s::translate(&i.smb, Translation::Bytes(Some(&rev), b"-")));
    check(o.case("translate_b_delete"), s::translate(&i.smb, Translation::Bytes(None, b"a")));
    check(o.case("translate_b_short"), s::translate(&i.smb, Translation::Bytes(Some(b"abc"), b"")));
}

#[test]
fn codecs_match_python() {
    let o = oracle("dtypes/strings_funcs");
    let i = inputs(&o);
    check(o.case("encode_utf8"), s::encode(&i.u, None, None));
    check(o.case("encode_utf8_named"), s::encode(&i.u, Some("UTF8"), None));
    check(o.case("encode_ascii"), s::encode(&i.u, Some("ascii"), None));
    let run = DynArray::from_strs(&["ab\u{e9}\u{e9}\u{4e00}c"]);
    check(o.case("encode_ascii_run"), s::encode(&run, Some("ascii"), None));
    check(o.case("encode_latin1"), s::encode(&i.u, Some("latin-1"), None));
    check(o.case("encode_latin1_ok"), s::encode(&i.sm, Some("latin-1"), None));
    check(o.case("encode_ascii_ignore"), s::encode(&i.u, Some("ascii"), Some("ignore")));
    check(o.case("encode_ascii_replace"), s::encode(&i.u, Some("ascii"), Some("replace")));
    check(o.case("encode_unknown"), s::encode(&i.u, Some("klingon"), None));
    check(o.case("encode_bad_handler"), s::encode(&i.u, Some("ascii"), Some("shout")));
    check(o.case("decode_utf8"), s::decode(&s::encode(&i.u, None, None).unwrap(), None, None));
    check(o.case("decode_latin1"), s::decode(&i.by, Some("latin-1"), None));
    check(o.case("decode_ascii"), s::decode(&i.by, Some("ascii"), None));
    check(o.case("decode_utf8_bad"), s::decode(&i.by, Some("utf-8"), None));
    check(o.case("decode_utf8_replace"), s::decode(&i.by, Some("utf-8"), Some("replace")));
    check(o.case("decode_utf8_ignore"), s::decode(&i.by, Some("utf-8"), Some("ignore")));
    check(o.case("decode_ascii_ok"), s::decode(&i.smb, Some("ascii"), None));
    let bad: [&[u8]; 7] =
        [b"a\xe2\x28\xa1", b"\xe2\x82", b"\xf0\x90\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"ok\xe2", b"\xf5x"];
    for (k, x) in bad.into_iter().enumerate() {
        let a = DynArray::from_byte_strs(&[x]);
        check(o.case(&format!("decode_bad_{k}")), s::decode(&a, None, None));
        check(o.case(&format!("decode_bad_replace_{k}")), s::decode(&a, Some("utf-8"), Some("replace")));
    }
}
