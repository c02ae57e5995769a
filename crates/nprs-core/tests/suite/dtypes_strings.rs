//! Oracle checks of fixed-width string arrays: widths and truncation, comparisons,
//! `numpy.strings` functions and printing.

use crate::common;

use common::{actual, check};
use nprs_core::dynarray::{BinaryOp, CompareOp, binary, compare};
use nprs_core::{Descr, DynArray, Scalar, strings as s};
use nprs_testkit::{Value, oracle};

fn u(v: &[&str]) -> DynArray {
    DynArray::from_strs(v)
}

fn b(v: &[&[u8]]) -> DynArray {
    DynArray::from_byte_strs(v)
}

#[test]
fn widths_and_truncation() {
    let o = oracle("dtypes/strings");
    o.case("infer_width").check_actual(&actual(&u(&["a", "bcd", "ef"])));
    o.case("infer_width_bytes").check_actual(&actual(&b(&[b"a", b"bcd"])));
    let u5 = DynArray::from_strs_width(&["hello world", "hi"], 5).unwrap();
    o.case("u5_truncates").check_actual(&actual(&u5));
    o.case("seed_u5_dtype").check_str(&u5.dtype().to_string());
    let s3 = DynArray::from_scalars(&[1], &Descr::parse("S3").unwrap(), &[Scalar::Bytes(b"abcdef".to_vec())]).unwrap();
    o.case("s3_truncates").check_actual(&actual(&s3));
    o.case("unicode_width").check_actual(&actual(&u(&["\u{e9}t\u{e9}", "\u{65e5}\u{672c}\u{8a9e}\u{306e}"])));
    let h = DynArray::from_strs_width(&["hello"], 5).unwrap();
    o.case("itemsize_u5").check_value(&Value::Int(h.itemsize() as i128));
    let mut a = u(&["abc", "de"]);
    a.set_item(&[1], "wxyz").unwrap();
    o.case("assign_truncates").check_actual(&actual(&a));
}

#[test]
fn comparisons() {
    let o = oracle("dtypes/strings");
    check(o.case("eq"), compare(CompareOp::Equal, &u(&["a", "b", "c"]), &u(&["a", "x", "c"])));
    check(o.case("lt"), compare(CompareOp::Less, &u(&["a", "b", "ab", ""]), &u(&["b", "a", "abc", "a"])));
    check(o.case("ge_scalar"), compare(CompareOp::GreaterEqual, &u(&["apple", "banana", "cherry"]), "b"));
    let m = u(&["a", "b", "c", "a"]).into_shape(&[2, 2]).unwrap();
    check(o.case("eq_broadcast"), compare(CompareOp::Equal, &m, &u(&["a", "c"])));
    check(o.case("bytes_lt"), compare(CompareOp::Less, &b(&[b"a", b"\xff"]), &b(&[b"b", b"a"])));
}

#[test]
fn string_functions_match_numpy() {
    let o = oracle("dtypes/strings");
    let c = |k: &str| o.case(k);
    check(c("add"), s::add(&u(&["a", "bc"]), &u(&["xyz"])));
    check(c("add_scalar"), s::add(&u(&["a", "bc"]), "!"));
    check(c("add_bytes"), binary(BinaryOp::Add, &b(&[b"a"]), &b(&[b"bc"])));
    check(c("multiply"), s::multiply(&u(&["ab", "c"]), 3));
    check(c("multiply_zero"), s::multiply(&u(&["ab"]), 0));
    check(c("multiply_neg"), s::multiply(&u(&["ab"]), -1));
    check(c("multiply_bytes"), s::multiply(&b(&[b"ab"]), 2));
    let words = u(&["hello World", "ABC def", "", "mIxEd 123", "\u{df}", "stra\u{df}e"]);
    check(c("upper"), s::upper(&words));
    check(c("lower"), s::lower(&words));
    check(c("capitalize"), s::capitalize(&words));
    check(c("upper_truncates"), s::upper(&u(&["\u{df}", "\u{fb01}", "\u{1c5}"])));
    check(c("lower_special"), s::lower(&u(&["\u{130}", "\u{1c5}", "\u{3a3}\u{391}\u{3a3}"])));
    check(c("capitalize_bytes"), s::capitalize(&b(&[b"hELLO wORLD", b""])));
    check(c("upper_bytes"), s::upper(&b(&[b"abc\xe9"])));
    let pad = u(&["  a b  ", "xx", "\t y\n", ""]);
    check(c("strip"), s::strip(&pad, None));
    check(c("lstrip"), s::lstrip(&pad, None));
    check(c("rstrip"), s::rstrip(&pad, None));
    check(c("strip_chars"), s::strip(&u(&["xaxy", "yyy", "abc"]), Some("xy")));
    check(c("strip_bytes"), s::strip(&b(&[b"  ab ", b"\x0bcd\x0c"]), None));
    let hay = u(&["hello world", "lll", "", "abcabc"]);
    check(c("find"), s::find(&hay, "l", 0, None));
    check(c("find_start"), s::find(&hay, "l", 3, None));
    check(c("find_range"), s::find(&hay, "c", 1, Some(5)));
    check(c("find_neg_start"), s::find(&hay, "l", -2, None));
    check(c("find_empty"), s::find(&hay, "", 0, None));
    check(c("count"), s::count(&hay, "l", 0, None));
    check(c("count_overlap"), s::count(&u(&["aaaa"]), "aa", 0, None));
    check(c("count_empty"), s::count(&hay, "", 0, None));
    check(c("count_range"), s::count(&hay, "l", 2, Some(9)));
    check(c("startswith"), s::startswith(&hay, "he", 0, None));
    check(c("endswith"), s::endswith(&hay, "bc", 0, None));
    check(c("startswith_empty"), s::startswith(&hay, "", 0, None));
    check(c("str_len"), s::str_len(&u(&["hello", "", "\u{e9}t\u{e9}", "a b"])));
    check(c("str_len_bytes"), s::str_len(&b(&[b"ab", b""])));
    let r = u(&["aaa", "b", "banana"]);
    check(c("replace"), s::replace(&r, "a", "xyz", -1));
    check(c("replace_count"), s::replace(&r, "a", "xyz", 1));
    check(c("replace_shrink"), s::replace(&u(&["aaaa", "abab"]), "a", "", -1));
    check(c("replace_empty_old"), s::replace(&u(&["abc"]), "", "-", -1));
    check(c("zfill"), s::zfill(&u(&["-12", "3", "+7", "abcdef", ""]), 5));
    check(c("zfill_small"), s::zfill(&u(&["abcdef"]), 3));
    check(c("center"), s::center(&u(&["ab", "c", "abcdef"]), 5, '*'));
    check(c("center_even"), s::center(&u(&["ab", "abc"]), 6, ' '));
    check(c("ljust"), s::ljust(&u(&["ab", "abcdef"]), 4, ' '));
    check(c("rjust"), s::rjust(&u(&["ab", "abcdef"]), 4, '-'));
    check(c("center_bytes"), s::center(&b(&[b"ab"]), 5, ' '));
    check(c("upper_2d"), s::upper(&u(&["ab", "c", "d", "efg"]).into_shape(&[2, 2]).unwrap()));
    let nums = DynArray::from(nprs_core::array![1i64, 2]);
    check(c("upper_number"), s::upper(&nums));
}

#[test]
fn printing_matches_numpy() {
    let o = oracle("dtypes/strings");
    let a = u(&["a", "bcd", "ef"]);
    o.case("str_1d").check_str(&a.to_string());
    o.case("repr_1d").check_str(&format!("{a:?}"));
    o.case("repr_u5").check_str(&format!("{:?}", DynArray::from_strs_width(&["hello world", "hi"], 5).unwrap()));
    o.case("str_bytes").check_str(&b(&[b"a", b"\x00x\xff"]).to_string());
    o.case("repr_bytes").check_str(&format!("{:?}", b(&[b"a", b"b\n"])));
    o.case("repr_quotes").check_str(&format!("{:?}", u(&["it's", "say \"hi\"", "back\\slash"])));
    let m = u(&["a", "bb", "ccc", "d"]).into_shape(&[2, 2]).unwrap();
    o.case("str_2d").check_str(&m.to_string());
    o.case("repr_2d").check_str(&format!("{m:?}"));
    let t = u(&["x", "yy"]).into_shape(&[2, 1, 1]).unwrap();
    o.case("repr_3d").check_str(&format!("{t:?}"));
    let z = u(&["abc"]).into_shape(()).unwrap();
    o.case("repr_0d").check_str(&format!("{z:?}"));
    o.case("str_0d").check_str(&z.to_string());
    let e = DynArray::zeros(&[0], &Descr::unicode(3)).unwrap();
    o.case("repr_empty").check_str(&format!("{e:?}"));
    let e2 = DynArray::zeros(&[0, 2], &Descr::unicode(3)).unwrap();
    o.case("repr_empty_2d").check_str(&format!("{e2:?}"));
    let words: Vec<String> = (0..30).map(|i| format!("word{i}")).collect();
    let w = u(&words.iter().map(String::as_str).collect::<Vec<_>>());
    o.case("repr_wrap").check_str(&format!("{w:?}"));
    o.case("str_wrap").check_str(&w.to_string());
    let long = u(&[&"x".repeat(50), &"y".repeat(50)]);
    o.case("repr_long").check_str(&format!("{long:?}"));
    let many: Vec<String> = (0..2000).map(|i| format!("s{i}")).collect();
    let big = u(&many.iter().map(String::as_str).collect::<Vec<_>>());
    o.case("repr_summary").check_str(&format!("{big:?}"));
    let nums: Vec<String> = (0..1200).map(|i| i.to_string()).collect();
    let grid = u(&nums.iter().map(String::as_str).collect::<Vec<_>>()).into_shape(&[40, 30]).unwrap();
    o.case("str_summary_2d").check_str(&grid.to_string());
    let be = u(&["ab"]).astype(&Descr::parse(">U2").unwrap()).unwrap();
    o.case("repr_big_endian").check_str(&format!("{be:?}"));
    o.case("repr_unicode").check_str(&format!("{:?}", u(&["\u{e9}t\u{e9}", "\u{65e5}\u{672c}"])));
}
