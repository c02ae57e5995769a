//! `numpy.char` against NumPy (`dtypes/char`): the comparisons that ignore trailing
//! whitespace, partition/rpartition on a last axis, join, array/asarray; random strings.

use crate::common;

use common::check;
use nprs_core::{Descr, DynArray, char};
use nprs_testkit::{Case, Elems, oracle};

/// An input case of strings as a `U` array.
fn input(c: &Case) -> DynArray {
    let a = c.array();
    let Elems::Str(v) = &a.data else { panic!("{}: not strings", c.name) };
    DynArray::from_strs(v).astype(&Descr::parse(&a.dtype).unwrap()).unwrap()
}

#[test]
fn comparisons_ignore_trailing_whitespace() {
    let o = oracle("dtypes/char");
    let (a, b) = (input(o.case("a")), input(o.case("b")));
    let s = Descr::bytes(6);
    let (ab, bb) = (a.astype(&s).unwrap(), b.astype(&s).unwrap());
    type Cmp = fn(&DynArray, &DynArray) -> nprs_core::Result<DynArray>;
    let ops: [(&str, Cmp); 6] = [
        ("equal", |x, y| char::equal(x, y)),
        ("not_equal", |x, y| char::not_equal(x, y)),
        ("less", |x, y| char::less(x, y)),
        ("less_equal", |x, y| char::less_equal(x, y)),
        ("greater", |x, y| char::greater(x, y)),
        ("greater_equal", |x, y| char::greater_equal(x, y)),
    ];
    for (name, f) in ops {
        check(o.case(&format!("{name}_str")), f(&a, &b));
        check(o.case(&format!("{name}_bytes")), f(&ab, &bb));
    }
    check(o.case("equal_scalar"), char::equal(&a, "ab"));
    check(o.case("compare_no_rstrip"), char::compare_chararrays(&a, &b, "<=", false));
    let a2 = a.reshape(&[7, 143]).unwrap();
    let b143 = b.slice(nprs_core::s![..143]);
    check(o.case("compare_broadcast"), char::compare_chararrays(&a2, &b143, "!=", true));
    check(o.case("compare_bad_op"), char::compare_chararrays(&a, &b, "=<", true));
    let b3 = b.slice(nprs_core::s![..3]);
    check(o.case("compare_shapes"), char::compare_chararrays(&a, &b3, "==", true));
    let ints = DynArray::from(nprs_core::Array::<i64>::arange(3));
    check(o.case("compare_non_string"), char::equal(&ints, &ints));
    let x = DynArray::from_strs(&["a\u{3000}", "b\t"]);
    let y = DynArray::from_strs(&["a", "b"]);
    check(o.case("unicode_whitespace_kept"), char::equal(&x, &y));
    // A U array against an S array: NumPy returns NotImplemented; nprs says why.
    let e = char::equal(&a, &bb).unwrap_err();
    assert_eq!((e.numpy_kind(), e.to_string().as_str()), ("TypeError", "comparison of a str array with a bytes array"));
}

#[test]
fn partition_join_and_array_match_numpy() {
    let o = oracle("dtypes/char");
    let (a, b) = (input(o.case("a")), input(o.case("b")));
    let s = Descr::bytes(6);
    let (ab, bb) = (a.astype(&s).unwrap(), b.astype(&s).unwrap());
    check(o.case("partition"), char::partition(&a, "-"));
    check(o.case("rpartition_bytes"), char::rpartition(&bb, "-"));
    let a12 = a.slice(nprs_core::s![..12]).reshape(&[3, 4]).unwrap().to_owned();
    check(o.case("partition_2d"), char::partition(&a12, "b"));
    check(o.case("join"), char::join("-", &a));
    check(o.case("join_bytes"), char::join("-", &ab));
    check(o.case("array_itemsize"), char::array(&a, Some(2), None));
    check(o.case("array_to_bytes"), char::array(&a, None, Some(false)));
    check(o.case("array_to_str"), char::array(&bb, None, Some(true)));
    check(o.case("asarray_same_width"), char::asarray(&bb, Some(6), Some(true)));
    check(o.case("asarray_wider"), char::asarray(&bb, Some(7), Some(true)));
    check(o.case("array_non_ascii"), char::array(&DynArray::from_strs(&["ab", "\u{e9}"]), None, Some(false)));
}
