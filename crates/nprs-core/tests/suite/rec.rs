//! `numpy.rec` against NumPy (`dtypes/rec`): record arrays from random columns, rows and
//! bytes, `format_parser`'s dtypes, and the errors.

use std::io::Cursor;

use nprs_core::rec::{self, RecOptions, format_parser};
use nprs_core::{ByteOrder, Descr, DynArray, DynView, Result, Scalar};
use nprs_testkit::{Case, Elems, Value, oracle};

/// An input case as a dynamic array.
fn input(c: &Case) -> DynArray {
    let a = c.array();
    let d = Descr::parse(&a.dtype).unwrap();
    let vals: Vec<Scalar> = match &a.data {
        Elems::Bool(v) => v.iter().map(|&x| Scalar::Bool(x)).collect(),
        Elems::Int(v) => v.iter().map(|&x| Scalar::Int(x)).collect(),
        Elems::Float(v) => v.iter().map(|&x| Scalar::Float(x)).collect(),
        Elems::Complex(v) => v.iter().map(|&(r, i)| Scalar::Complex(r, i)).collect(),
        Elems::Str(v) => v.iter().map(|s| Scalar::Str(s.clone())).collect(),
    };
    DynArray::from_scalars(&a.shape, &d, &vals).unwrap()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// `[str(r.dtype.descr), list(r.shape), r.tobytes().hex()]`, or the error.
fn check(c: &Case, r: Result<DynArray>) {
    match r {
        Ok(r) => c.check_value(&Value::List(vec![
            Value::Str(r.dtype().descr_list().unwrap()),
            Value::List(r.shape().iter().map(|&d| Value::Int(d as i128)).collect()),
            Value::Str(hex(&r.to_bytes())),
        ])),
        Err(e) => c.check_error(e.numpy_kind(), &e.to_string()),
    }
}

struct Cols {
    x: DynArray,
    y: DynArray,
    s: DynArray,
    m: DynArray,
    b: DynArray,
}

fn cols() -> Cols {
    let o = oracle("dtypes/rec");
    Cols {
        x: input(o.case("x")),
        y: input(o.case("y")),
        s: input(o.case("s")),
        m: input(o.case("m")),
        b: input(o.case("b")),
    }
}

#[test]
fn fromarrays_matches_numpy() {
    let o = oracle("dtypes/rec");
    let Cols { x, y, s, m, b } = cols();
    let xys = [x.view(), y.view(), s.view()];
    let opts = RecOptions::new;
    check(o.case("fromarrays_default"), rec::fromarrays(&xys, &opts()));
    check(o.case("fromarrays_names_str"), rec::fromarrays(&xys, &opts().names(" a, b ,c ")));
    check(o.case("fromarrays_names_short"), rec::fromarrays(&xys, &opts().names(["first"])));
    check(o.case("fromarrays_names_long"), rec::fromarrays(&xys[..2], &opts().names("p,q,r")));
    check(o.case("fromarrays_formats_str"), rec::fromarrays(&xys, &opts().formats("i2,f4,U2")));
    check(
        o.case("fromarrays_formats_list_aligned"),
        rec::fromarrays(
            &[b.view(), y.view(), s.view()],
            &opts().formats(["i1", "f8", "U3"]).names("k,v,t").aligned(true),
        ),
    );
    let d = Descr::parse("[('p', 'f4'), ('q', '>i8'), ('r', 'S8')]").unwrap();
    check(o.case("fromarrays_dtype"), rec::fromarrays(&[y.view(), x.view(), s.view()], &opts().dtype(d)));
    check(
        o.case("fromarrays_byteorder"),
        rec::fromarrays(&xys[..2], &opts().formats(["i4", "f8"]).byteorder(ByteOrder::Big)),
    );
    check(o.case("fromarrays_titles"), rec::fromarrays(&xys[..2], &opts().names("a,b").titles(&["Alpha"])));
    check(o.case("fromarrays_subarray"), rec::fromarrays(&[m.view(), x.view()], &opts().formats(["(3,)i4", "f8"])));
    let m25 = m.try_mul(2.5).unwrap();
    check(o.case("fromarrays_2d"), rec::fromarrays(&[m.view(), m25.view()], &opts()));
    let short = y.slice(nprs_core::s![..-1]);
    check(o.case("fromarrays_shape_mismatch"), rec::fromarrays(&[x.view(), short], &opts().names("a,b")));
    check(o.case("fromarrays_count_mismatch"), rec::fromarrays(&xys[..2], &opts().formats("i4,i4,i4")));
    check(o.case("fromarrays_duplicate_names"), rec::fromarrays(&xys, &opts().names("a,b,a")));
    let none: [DynView<'_>; 0] = [];
    check(o.case("fromarrays_empty"), rec::fromarrays(&none, &opts()));
}

#[test]
fn fromrecords_matches_numpy() {
    let o = oracle("dtypes/rec");
    let Cols { x, y, s, .. } = cols();
    let rows: Vec<Scalar> = x
        .to_scalars()
        .into_iter()
        .zip(y.to_scalars())
        .zip(s.to_scalars())
        .map(|((a, b), c)| Scalar::Tuple(vec![a, b, c]))
        .collect();
    let opts = RecOptions::new;
    check(o.case("fromrecords_infer"), rec::fromrecords(&rows, &opts().names("i,f,t")));
    check(o.case("fromrecords_formats"), rec::fromrecords(&rows, &opts().formats("i4,f4,U4")));
    let d = Descr::parse("[('a', '<i8'), ('b', '<f8'), ('c', 'U6')]").unwrap();
    check(o.case("fromrecords_dtype"), rec::fromrecords(&rows, &opts().dtype(d)));
    let mixed = [Scalar::from((1, true)), Scalar::from((2.5, false)), Scalar::from((3, true))];
    check(o.case("fromrecords_mixed_numbers"), rec::fromrecords(&mixed, &opts()));
    let ragged = [Scalar::from((1, 2)), Scalar::from((3, 4, 5))];
    check(o.case("fromrecords_row_length"), rec::fromrecords(&ragged, &opts().formats("i4,i4")));
}

#[test]
fn fromrecords_without_formats_refuses_what_it_cannot_type() {
    let mixed = [Scalar::from((1, "a")), Scalar::from(("b", 2))];
    let e = rec::fromrecords(&mixed, &RecOptions::new()).unwrap_err();
    assert_eq!(e.to_string(), "column 0 holds both strings and numbers: give formats= or dtype=");
    let ragged = [Scalar::from((1, 2)), Scalar::from((3, 4, 5))];
    let e = rec::fromrecords(&ragged, &RecOptions::new()).unwrap_err();
    assert_eq!(e.to_string(), "could not assign tuple of length 3 to structure with 2 fields.");
}

#[test]
fn fromstring_and_fromfile_match_numpy() {
    let o = oracle("dtypes/rec");
    let data: Vec<u8> = (0..3).flat_map(|_| 0..=255u8).collect();
    let opts = RecOptions::new;
    check(o.case("fromstring_formats"), rec::fromstring(&data, &opts().formats("u1,>i2,S3"), 0));
    let d = Descr::parse("[('a', '<u4'), ('b', '<f4')]").unwrap();
    check(o.case("fromstring_offset_shape"), rec::fromstring(&data, &opts().dtype(d).shape(&[4, 3]), 5));
    check(o.case("fromstring_small"), rec::fromstring(&data, &opts().formats("i4,i4").shape(&[100]), 0));
    check(o.case("fromstring_no_dtype"), rec::fromstring(&data, &opts(), 0));
    let file = || Cursor::new(data.clone());
    check(o.case("fromfile_offset"), rec::fromfile(&mut file(), &opts().formats("<i8,u1"), 7));
    check(o.case("fromfile_shape"), rec::fromfile(&mut file(), &opts().formats("<i2").shape(&[3, 5]), 0));
    check(o.case("fromfile_short"), rec::fromfile(&mut file(), &opts().formats("<i8").shape(&[97]), 0));
    check(o.case("fromfile_no_dtype"), rec::fromfile(&mut file(), &opts(), 0));
}

#[test]
fn fromfile_reads_from_the_current_position() {
    let data: Vec<u8> = (0..40u8).collect();
    let mut f = Cursor::new(data);
    f.set_position(4);
    let r = rec::fromfile(&mut f, &RecOptions::new().formats("u1,u1").shape(&[2]), 2).unwrap();
    assert_eq!(r.to_bytes(), vec![6, 7, 8, 9]);
    assert_eq!(f.position(), 10);
}

#[test]
fn format_parser_matches_numpy() {
    let o = oracle("dtypes/rec");
    let repr = |c: &str, r: Result<rec::FormatParser>| match r {
        Ok(p) => o.case(c).check_str(&format!("{:?}", p.dtype)),
        Err(e) => o.case(c).check_error(e.numpy_kind(), &e.to_string()),
    };
    repr("format_parser_comma", format_parser(&"i4, (2,)f8, S3".into(), Some(&" a , b ".into()), None, false, None));
    repr("format_parser_plain", format_parser(&"i4".into(), None, None, false, None));
    repr("format_parser_aligned", format_parser(&["i4", "i1"].into(), None, None, true, None));
    let titles = ["t1".to_string()];
    repr(
        "format_parser_aligned_titles",
        format_parser(&["i1", "i4"].into(), Some(&"a,b".into()), Some(&titles), true, None),
    );
    repr(
        "format_parser_byteorder",
        format_parser(
            &["i4", "f8", "U2"].into(),
            Some(&["a", "b", "c", "d"].into()),
            None,
            false,
            Some(ByteOrder::Big),
        ),
    );
    repr("format_parser_duplicate", format_parser(&["i4", "f8"].into(), Some(&"a,a".into()), None, false, None));
    repr("format_parser_bad_format", format_parser(&["i4", "q9"].into(), None, None, false, None));
    let dups = rec::find_duplicate(&["a", "b", "a", "c", "b", "a"]);
    o.case("find_duplicate").check_value(&Value::List(dups.iter().map(|s| Value::Str((*s).to_string())).collect()));
}

#[test]
fn fromrecords_types_columns_as_numpy_types_lists() {
    let o = oracle("dtypes/rec");
    let big = 1i128 << 63;
    let rows = [
        Scalar::Tuple(vec![Scalar::Int(big), Scalar::Int(big), Scalar::Bool(true), Scalar::Complex(1.0, 2.0)]),
        Scalar::Tuple(vec![Scalar::Int(1), Scalar::Bool(true), Scalar::Bool(false), Scalar::Bool(true)]),
    ];
    check(o.case("fromrecords_column_types"), rec::fromrecords(&rows, &RecOptions::new()));
    // Beyond uint64 NumPy makes an object column, which nprs has no dtype for.
    let huge = [Scalar::Tuple(vec![Scalar::Int(1i128 << 64)])];
    let e = rec::fromrecords(&huge, &RecOptions::new()).unwrap_err();
    assert_eq!(e.to_string(), "Python int too large to convert to C long");
}
