//! Oracle checks of `numpy.strings.mod` (`strings::mod_`): `%` formatting with random
//! values of every numeric dtype, bools and strings, broadcasting, byte-string formats and
//! Python's formatting errors (`dtypes/strings_mod`).

use crate::common;

use common::check;
use nprs_core::strings::mod_;
use nprs_core::{Descr, DynArray, Scalar};
use nprs_testkit::{Cases, Elems, oracle};

/// An input array recorded by the oracle, in its dtype.
fn input(o: &Cases, name: &str) -> DynArray {
    let a = o.case(name).array();
    let d = Descr::parse(&a.dtype).unwrap();
    let bytes = a.dtype.contains('S');
    let vals: Vec<Scalar> = match &a.data {
        Elems::Bool(v) => v.iter().map(|&b| Scalar::Bool(b)).collect(),
        Elems::Int(v) => v.iter().map(|&i| Scalar::Int(i)).collect(),
        Elems::Float(v) => v.iter().map(|&x| Scalar::Float(x)).collect(),
        Elems::Str(v) if bytes => v.iter().map(|x| Scalar::Bytes(x.chars().map(|c| c as u8).collect())).collect(),
        Elems::Str(v) => v.iter().map(|x| Scalar::Str(x.clone())).collect(),
        Elems::Complex(_) => panic!("{name}: complex input"),
    };
    DynArray::from_scalars(&a.shape, &d, &vals).unwrap()
}

fn strs(v: &[&str]) -> DynArray {
    DynArray::from_strs(v)
}

fn ints(v: &[i64]) -> DynArray {
    DynArray::from(nprs_core::Array::from_vec(v.to_vec()))
}

fn floats(v: &[f64]) -> DynArray {
    DynArray::from(nprs_core::Array::from_vec(v.to_vec()))
}

fn bytes(v: &[&[u8]]) -> DynArray {
    let v: Vec<Vec<u8>> = v.iter().map(|b| b.to_vec()).collect();
    DynArray::from_byte_strs(&v)
}

#[test]
fn random_values_of_every_dtype_format_as_python() {
    let o = oracle("dtypes/strings_mod");
    let fi = input(&o, "in_fi");
    for t in ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"] {
        check(o.case(&format!("int_{t}")), mod_(&fi, &input(&o, &format!("in_int_{t}"))));
    }
    let ff = input(&o, "in_ff");
    for t in ["f2", "f4", "f8"] {
        check(o.case(&format!("float_{t}")), mod_(&ff, &input(&o, &format!("in_float_{t}"))));
    }
    check(o.case("bool"), mod_(&input(&o, "in_fb"), &input(&o, "in_bools")));
    check(o.case("str"), mod_(&input(&o, "in_fs"), &input(&o, "in_words")));
    let chars = input(&o, "in_chars");
    let cf = strs(&["%c", "%-3c|", "%3c"]).into_shape(&[3, 1]).unwrap();
    check(o.case("char_int"), mod_(&cf, &chars));
    check(o.case("char_str"), mod_("%c", &strs(&["a", "\u{e9}", "\u{4e00}"])));
}

#[test]
fn formats_and_values_broadcast() {
    let o = oracle("dtypes/strings_mod");
    let fi = input(&o, "in_fi");
    let i8s = input(&o, "in_int_i8");
    let f8s = input(&o, "in_float_f8");
    let ff = input(&o, "in_ff");
    let first =
        |a: &DynArray, n: usize| -> DynArray { DynArray::from_scalars(&[n], a.dtype(), &a.to_scalars()[..n]).unwrap() };
    check(o.case("bcast"), mod_(&first(&fi, 7).into_shape(&[7, 1]).unwrap(), &first(&i8s, 5)));
    check(o.case("scalar_fmt"), mod_("x=%.2f", &first(&f8s, 20)));
    check(o.case("scalar_val_int"), mod_(&first(&fi, 20), 42i64));
    check(o.case("scalar_val_float"), mod_(&first(&ff, 20), 0.1));
    check(o.case("scalar_val_str"), mod_(&strs(&["%s", "[%5s]"]), "ab"));
    let none = ints(&[]).into_shape(&[0, 1]).unwrap();
    check(o.case("no_spec"), mod_(&strs(&["abc", "100%%"]), &none));
    let empty = DynArray::from_scalars(&[0], &Descr::parse("U7").unwrap(), &[]).unwrap();
    check(o.case("empty"), mod_(&empty, &ints(&[])));
    let f4 = DynArray::from_scalars(&[], &Descr::parse("f4").unwrap(), &[Scalar::Float(2.25)]).unwrap();
    check(o.case("zero_d"), mod_(&strs(&["%05.1f"]).into_shape(()).unwrap(), &f4));
    check(o.case("big_float_d"), mod_("%d", &floats(&[1e300, -2.5e40, 3.9e19, -0.5])));
    check(o.case("wide"), mod_(&strs(&["%.30f", "%40s"]), 1.0 / 3.0));
    check(o.case("err_shape"), mod_(&first(&fi, 3), &first(&i8s, 4)));
}

#[test]
fn byte_string_formats() {
    let o = oracle("dtypes/strings_mod");
    let f = bytes(&[b"%d", b"%5x|", b"%-4o|", b"%.2f"]);
    check(o.case("bytes_int"), mod_(&f, &ints(&[255, -3, 8, 7])));
    check(o.case("bytes_str"), mod_(&bytes(&[b"<%s>", b"%4s", b"%c"]), &bytes(&[b"ab", b"c", b"z"])));
    check(o.case("bytes_char"), mod_(Scalar::Bytes(b"%c".to_vec()), &ints(&[65, 255])));
    check(o.case("err_bytes_c_range"), mod_(Scalar::Bytes(b"%c".to_vec()), &ints(&[256])));
    check(o.case("err_bytes_d_bytes"), mod_(Scalar::Bytes(b"%d".to_vec()), &bytes(&[b"a"])));
    check(o.case("err_bytes_s_str"), mod_(&bytes(&[b"%s"]), &strs(&["a"])));
    // Python writes a number's memory for `%s` in a byte format; nprs refuses.
    let e = mod_(&bytes(&[b"%s"]), &ints(&[5])).unwrap_err();
    assert_eq!(e.numpy_kind(), "NotImplementedError");
}

#[test]
fn python_formatting_errors() {
    let o = oracle("dtypes/strings_mod");
    check(o.case("err_too_few"), mod_(&strs(&["%d %d"]), 1i64));
    check(o.case("err_too_many"), mod_(&strs(&["abc"]), 1i64));
    check(o.case("err_too_many_empty_str"), mod_(&strs(&["a%s", "b"]), &strs(&["x", ""])));
    check(o.case("err_nan"), mod_("%d", &floats(&[1.0, f64::NAN])));
    check(o.case("err_inf"), mod_("%i", &floats(&[f64::INFINITY])));
    check(o.case("err_hex_float"), mod_("%x", &floats(&[1.5])));
    let f4 = DynArray::from_scalars(&[1], &Descr::parse("f4").unwrap(), &[Scalar::Float(1.5)]).unwrap();
    check(o.case("err_hex_f4"), mod_("%X", &f4));
    check(o.case("err_hex_bool"), mod_("%x", &DynArray::from(nprs_core::array![true])));
    check(o.case("err_hex_str"), mod_("%x", &strs(&["a"])));
    check(o.case("err_d_str"), mod_("%d", &strs(&["a"])));
    check(o.case("err_f_str"), mod_("%f", &strs(&["a"])));
    check(o.case("err_bad_char"), mod_(&strs(&["ab%q"]), 1i64));
    check(o.case("err_incomplete"), mod_(&strs(&["%5"]), 1i64));
    check(o.case("err_star"), mod_(&strs(&["%*d"]), 3i64));
    check(o.case("err_c_float"), mod_("%c", &floats(&[1.0])));
    check(o.case("err_c_long_str"), mod_("%c", &strs(&["ab"])));
    check(o.case("err_c_range"), mod_("%c", &ints(&[0x11_0000])));
    check(o.case("err_c_negative"), mod_("%c", &ints(&[-1])));
    // What nprs does not format: a non-string `a`, `%r`, complex values.
    assert!(mod_(&ints(&[1]), 1i64).is_err());
    assert_eq!(mod_(&strs(&["%r"]), 1i64).unwrap_err().numpy_kind(), "NotImplementedError");
    let c = DynArray::from(nprs_core::array![nprs_core::C128::new(1.0, 2.0)]);
    assert_eq!(mod_(&strs(&["%s"]), &c).unwrap_err().numpy_kind(), "NotImplementedError");
}
