//! Sizes at the edges, against NumPy (`core/limits`): shapes whose lengths multiply past
//! `isize` (reshape, creation, broadcasting), record dtypes past a C `int`, and dtype
//! specifications nested deeper than the parser follows.

use nprs_core::prelude::*;
use nprs_core::{Descr, DynArray, add, broadcast_arrays, broadcast_shapes, empty, full, ones, tile, zeros};
use nprs_testkit::{Cases, Value, oracle};

fn cases() -> Cases {
    oracle("core/limits")
}

const P20: usize = 1 << 20;
const P31: usize = 1 << 31;
const P40: usize = 1 << 40;
const P61: usize = 1 << 61;
const P62: usize = 1 << 62;

fn check_err(c: &Cases, name: &str, e: &Error) {
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

fn shape_value(s: &[usize]) -> Value {
    Value::List(s.iter().map(|&d| Value::Int(d as i128)).collect())
}

fn ishape(s: &[usize]) -> Vec<isize> {
    s.iter().map(|&d| d as isize).collect()
}

#[test]
fn reshaping_empty_arrays_to_huge_shapes() {
    let c = cases();
    let e = Array::<f64>::zeros(&[0]).unwrap();
    let de = DynArray::from(e.clone());
    let refused: [(&str, Vec<isize>); 7] = [
        ("reshape_zero_mid", ishape(&[P40, 0, P40])),
        ("reshape_zero_mid_62", ishape(&[P62, 0, P62])),
        ("reshape_zero_bytes", ishape(&[P61, 0, 4])),
        ("reshape_zero_last", ishape(&[P31, P31, P31, 0])),
        ("reshape_unknown_overflow", vec![P40 as isize, -1, P40 as isize]),
        ("reshape_unknown_leading", vec![-1, P40 as isize, P40 as isize]),
        ("reshape_zero_mid", ishape(&[P40, 0, P40])),
    ];
    for (name, shape) in &refused {
        check_err(&c, name, &e.reshape(shape).unwrap_err());
        check_err(&c, name, &e.reshape_view(shape).unwrap_err());
        check_err(&c, name, &e.clone().into_shape(shape).unwrap_err());
        check_err(&c, name, &de.reshape(shape).unwrap_err());
        check_err(&c, name, &de.clone().into_shape(shape).unwrap_err());
    }
    let seven = Array::<i64>::arange(7);
    check_err(&c, "reshape_unknown_leading_small", &seven.reshape(&[-1, 5]).unwrap_err());
    c.case("reshape_zero_fits").check_value(&shape_value(e.reshape(&ishape(&[P20, 0, P20])).unwrap().shape()));
    let e8 = Array::<i8>::zeros(&[0]).unwrap();
    c.case("reshape_int8_fits").check_value(&shape_value(e8.reshape(&ishape(&[P61, 0, 2])).unwrap().shape()));
    check_err(&c, "reshape_int8_bytes", &e8.reshape(&ishape(&[P62, 0, 2])).unwrap_err());
    // A view of an empty slice (np.frombuffer(b'').reshape(...)).
    let z03 = Array::<f64>::zeros(&[0, 3]).unwrap();
    check_err(&c, "tile_min", &tile(&z03, [1, isize::MIN]).unwrap_err());
    check_err(&c, "tile_neg_big", &tile(&z03, [-1, isize::MAX]).unwrap_err());
    check_err(&c, "tile_neg", &tile(&z03, [1, -2]).unwrap_err());
    let none: [f64; 0] = [];
    check_err(&c, "frombuffer_zero_mid", &ArrayView::from_shape(&[P40, 0, P40], &none).unwrap_err());
}

#[test]
fn creating_arrays_of_huge_empty_shapes() {
    let c = cases();
    let mid = [P40, 0, P40];
    check_err(&c, "zeros_zero_mid", &zeros::<f64>(&mid).unwrap_err());
    check_err(&c, "zeros_zero_bytes", &zeros::<f64>(&[P61, 0, 4]).unwrap_err());
    check_err(&c, "zeros_dim_max", &zeros::<f64>(&[isize::MAX as usize, 0]).unwrap_err());
    c.case("zeros_dim_max_int8").check_value(&shape_value(zeros::<i8>(&[isize::MAX as usize, 0]).unwrap().shape()));
    check_err(&c, "empty_zero_mid", &empty::<f64>(&mid).unwrap_err());
    check_err(&c, "full_zero_mid", &full::<f64>(&mid, 1.0).unwrap_err());
    check_err(&c, "ones_int32_zero_mid", &ones::<i32>(&[3, 0, P62]).unwrap_err());

    let f8 = Descr::from(DType::Float64);
    check_err(&c, "zeros_zero_mid", &DynArray::zeros(&mid, &f8).unwrap_err());
    check_err(&c, "full_zero_mid", &DynArray::full(&mid, &f8, 1.0).unwrap_err());
    let rec = Descr::parse("i4, f8").unwrap();
    check_err(&c, "zeros_record_zero_mid", &DynArray::zeros(&mid, &rec).unwrap_err());
    check_err(&c, "zeros_subarray_zero_mid", &Descr::subarray(f8, &[P20, P20]).unwrap_err());
    // A length beyond isize::MAX, with nothing to multiply it by (NumPy cannot even be
    // given one: "Maximum allowed dimension exceeded").
    assert_eq!(zeros::<i8>(&[usize::MAX, 0]).unwrap_err(), Error::TooBig);
}

#[test]
fn broadcasting_to_huge_shapes() {
    let c = cases();
    let z = Array::<f64>::zeros(&[]).unwrap();
    let dz = DynArray::from(z.clone());
    for (name, shape) in [
        ("broadcast_to_iter", vec![P40, P40]),
        ("broadcast_to_iter_order", vec![P40, P40, 0]),
        ("broadcast_to_zero_mid", vec![P40, 0, P40]),
        ("broadcast_to_bytes", vec![P61, 2]),
    ] {
        check_err(&c, name, &z.broadcast_to(&shape).unwrap_err());
        check_err(&c, name, &dz.broadcast_to(&shape).unwrap_err());
    }
    let z8 = Array::<i8>::zeros(&[]).unwrap();
    c.case("broadcast_to_int8_fits").check_value(&shape_value(z8.broadcast_to(&[P61, 2]).unwrap().shape()));
    let row = Array::<f64>::zeros(&[3]).unwrap();
    check_err(&c, "broadcast_to_row", &row.broadcast_to(&[P62, 3]).unwrap_err());
    c.case("broadcast_to_zero_fits").check_value(&shape_value(row.broadcast_to(&[P40, 0, 3]).unwrap().shape()));

    check_err(&c, "broadcast_shapes_big", &broadcast_shapes(&[&[P40, 1], &[1, P40]]).unwrap_err());
    check_err(&c, "broadcast_shapes_zero_last", &broadcast_shapes(&[&[P40, 1, 0], &[1, P40, 0]]).unwrap_err());
    check_err(&c, "broadcast_shapes_over", &broadcast_shapes(&[&[P62, 2], &[1]]).unwrap_err());
    c.case("broadcast_shapes_zero_mid").check_value(&shape_value(&broadcast_shapes(&[&[P40, 0, P40], &[1]]).unwrap()));
    let max = isize::MAX as usize;
    c.case("broadcast_shapes_max").check_value(&shape_value(&broadcast_shapes(&[&[max], &[1]]).unwrap()));

    let x = z8.broadcast_to(&[P40, 1, 0]).unwrap();
    let y = z8.broadcast_to(&[1, P40, 0]).unwrap();
    check_err(&c, "broadcast_arrays_big", &broadcast_arrays(&[x.clone(), y.clone()]).unwrap_err());
    check_err(&c, "add_big", &add(&x, &y).unwrap_err());
}

#[test]
fn record_offsets_and_sizes_are_c_ints() {
    let c = cases();
    for (name, spec) in [
        ("record_itemsize_c_int", format!("{{'names': ['a'], 'formats': ['i8'], 'offsets': [0], 'itemsize': {P31}}}")),
        ("record_itemsize_2_62", format!("{{'names': ['a'], 'formats': ['i8'], 'offsets': [0], 'itemsize': {P62}}}")),
        ("record_offset_c_int", format!("{{'names': ['a'], 'formats': ['i8'], 'offsets': [{P31}]}}")),
    ] {
        check_err(&c, name, &Descr::parse(&spec).unwrap_err());
    }
    let spec = format!("{{'names': ['a'], 'formats': ['i8'], 'offsets': [0], 'itemsize': {}}}", P31 - 1);
    c.case("record_itemsize_int_max").check_value(&Value::Int(Descr::parse(&spec).unwrap().itemsize() as i128));
    check_err(&c, "subarray_bytes_c_int", &Descr::parse("('i8', (268435456,))").unwrap_err());
    check_err(&c, "subarray_dim_c_int", &Descr::parse("('i1', (2147483648,))").unwrap_err());

    // The same limit for records built field by field. (NumPy accepts `[('a', 'V2147483647'),
    // ('b', 'V1')]` and wraps its item size to -2147483648; nprs refuses it with the
    // message NumPy gives for the dict form.)
    let big = Descr::void(P31 - 1);
    let err = Descr::record([("a", big.clone()), ("b", Descr::void(1))]).unwrap_err();
    check_err(&c, "record_itemsize_c_int", &err);
    check_err(&c, "record_itemsize_c_int", &Descr::parse("[('a', 'V2147483647'), ('b', 'V1')]").unwrap_err());
    check_err(&c, "record_itemsize_c_int", &Descr::parse("V2147483647, V1").unwrap_err());
    let field = nprs_core::dtype::Field::new("a", Descr::from(DType::Int64), P62);
    check_err(&c, "record_offset_c_int", &Descr::record_with_offsets(vec![field], P62 + 8).unwrap_err());
    assert_eq!(Descr::record([("a", big)]).unwrap().itemsize(), P31 - 1);
}

/// A dtype spelling nested `depth` levels deep, as the oracle's case builds it in Python.
fn nested(kind: &str, depth: usize) -> String {
    let (open, close) = match kind {
        "list" => ("[('a', ", ")]"),
        "tuple" => ("(", ", (1,))"),
        _ => ("{'names': ['a'], 'formats': [", "]}"),
    };
    format!("{}'i4'{}", open.repeat(depth), close.repeat(depth))
}

#[test]
fn deeply_nested_dtypes_are_refused_as_numpy_does() {
    let c = cases();
    for kind in ["list", "tuple", "dict"] {
        let e = Descr::parse(&nested(kind, 5000)).unwrap_err();
        check_err(&c, &format!("nested_{kind}"), &e);
        let e = Descr::from_npy_descr(&nested(kind, 5000)).unwrap_err();
        check_err(&c, &format!("nested_{kind}"), &e);
        let d = Descr::parse(&nested(kind, 30)).unwrap();
        c.case(&format!("nested_{kind}_30")).check_value(&Value::Int(d.itemsize() as i128));
    }
}

#[test]
fn deep_nesting_on_a_small_stack_is_an_error_not_a_crash() {
    // 64 KiB of stack: input nested past the limit fails before any recursion, however
    // deep it goes.
    let on_small_stack = |spec: String| {
        std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || Descr::parse(&spec).map(|d| d.itemsize()).map_err(|e| e.to_string()))
            .unwrap()
            .join()
            .expect("the parser thread finished")
    };
    for kind in ["list", "tuple", "dict"] {
        for depth in [5000, 100_000] {
            let err = on_small_stack(nested(kind, depth)).unwrap_err();
            assert!(err.starts_with("maximum recursion depth exceeded"), "{err}");
        }
    }
    // The limit is 64 brackets, as nprs-io's header reader: 32 nested records, 63 nested
    // sub-arrays (whose innermost shape adds a bracket).
    assert_eq!(on_small_stack(nested("list", 33)).unwrap_err(), c_err("list"));
    assert_eq!(on_small_stack(nested("tuple", 64)).unwrap_err(), c_err("tuple"));
    assert_eq!(on_small_stack(nested("dict", 33)).unwrap_err(), c_err("dict"));
    assert_eq!(Descr::parse(&nested("list", 32)).unwrap().itemsize(), 4);
    assert_eq!(Descr::parse(&nested("tuple", 63)).unwrap().itemsize(), 4);
    assert_eq!(Descr::parse(&nested("dict", 32)).unwrap().itemsize(), 4);
    // Brackets inside quotes do not count.
    let quoted = format!("[('{}', 'i4')]", "[".repeat(100));
    assert_eq!(Descr::parse(&quoted).unwrap().itemsize(), 4);
}

fn c_err(container: &str) -> String {
    format!("maximum recursion depth exceeded while trying to convert the given data type from a {container} object")
}
