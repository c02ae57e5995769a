//! The `numpy` namespace's helpers against NumPy: `vectorize` (`core/vectorize`: one, two,
//! three and four arguments of mixed element types broadcast together, transposed and
//! strided inputs, the broadcast error) and `mgrid`/`ogrid` (`core/grids_ns`).

use nprs_core::prelude::*;
use nprs_core::{Cast, GridSlice, mgrid, ogrid, vectorize};

use crate::common;
use nprs_testkit::{Cases, Elems, oracle};

fn load<T: Cast>(c: &Cases, name: &str) -> Array<T> {
    let want = c.case(name).array();
    let v: Vec<T> = match &want.data {
        Elems::Bool(v) => v.iter().map(|&b| T::cast_from(b)).collect(),
        Elems::Int(v) => v.iter().map(|&i| T::cast_from(i64::try_from(i).unwrap())).collect(),
        Elems::Float(v) => v.iter().map(|&x| T::cast_from(x)).collect(),
        other => panic!("numeric cases only: {other:?}"),
    };
    Array::from_shape_vec(&want.shape, v).unwrap()
}

#[test]
fn vectorize_broadcasts_one_to_four_arguments_like_numpy() {
    let c = oracle("core/vectorize");
    let a = load::<i32>(&c, "in_a");
    let b = load::<f64>(&c, "in_b");
    let w = load::<bool>(&c, "in_c");
    let big = load::<f64>(&c, "in_big");

    let one = vectorize(|x: i32| if x > 0 { x * x - 3 } else { -x });
    c.case("one").check(&one.call1(&a));

    let two = vectorize(|x: i32, y: f64| {
        let x = f64::from(x);
        if x > y { x - y } else { x + y * 2.0 }
    });
    c.case("two").check(&two.call2(&a, &b).unwrap());

    let three = vectorize(|w: bool, x: i32, y: f64| if w { f64::from(x) } else { y });
    c.case("three").check(&three.call3(&w, &a, &b).unwrap());

    let sq = vectorize(|x: f64| x * x + 1.0);
    c.case("big_t").check(&sq.call1(&big.t().slice(s![..;2])));

    let n = vectorize(|v: &[f64]| v[0] + 2.0 * v[1] + 3.0 * v[2] + 4.0 * v[3]);
    let (bt, t) = (b.t(), array![1.5]);
    let args = [b.view(), big.slice(s![..4, ..5]), bt.slice(s![.., ..1]), t.view()];
    c.case("n_sum").check(&n.call_n(&args).unwrap());

    let add = vectorize(|x: i32, y: f64| f64::from(x) + y);
    let e = add.call2(&a, &big).unwrap_err();
    c.case("err_broadcast").check_error(e.numpy_kind(), &e.to_string());
    let e = three.call3(&w, &a, &big).unwrap_err();
    assert_eq!(e.numpy_kind(), "ValueError");
}

#[test]
fn mgrid_and_ogrid_match_numpy() {
    let c = oracle("core/grids_ns");
    let r = |a: i64, b: i64| GridSlice::from(a..b);
    fn by<T>(start: T, stop: T, step: T) -> GridSlice<T> {
        GridSlice::new(start, stop, step)
    }
    fn pts(start: f64, stop: f64, n: usize) -> GridSlice<f64> {
        GridSlice::points(start, stop, n)
    }
    c.case("mgrid_int").check(&mgrid(&[r(0, 5), r(0, 3)]).unwrap());
    c.case("mgrid_int_step").check(&mgrid::<i64>(&[by(-7, 20, 4), by(3, -2, -2)]).unwrap());
    c.case("mgrid_float").check(&mgrid(&[by(-1.0, 1.0, 0.3), by(0.0, 2.0, 0.5)]).unwrap());
    c.case("mgrid_points").check(&mgrid(&[pts(-1.0, 1.0, 7), pts(0.0, 10.0, 4)]).unwrap());
    c.case("mgrid_one_point").check(&mgrid(&[pts(0.0, 1.0, 1), by(0.0, 2.0, 1.0)]).unwrap());
    c.case("mgrid_neg_step").check(&mgrid(&[by(1.0, 0.0, -0.3), by(0.0, 2.0, 1.0)]).unwrap());
    c.case("mgrid_three").check(&mgrid(&[by(0.0, 2.0, 1.0), by(0.0, 3.0, 1.0), pts(0.0, 1.0, 3)]).unwrap());
    let v = load::<f64>(&c, "rand_v").to_vec();
    let st = load::<f64>(&c, "rand_st").to_vec();
    let g = mgrid(&[by(v[0], v[0] + 7.1, st[0]), by(v[2], v[2] - 3.3, -st[1])]).unwrap();
    c.case("mgrid_random").check(&g);
    let o = ogrid(&[by(0.0, 3.0, 1.0), by(1.0, 2.0, 0.25)]).unwrap();
    for (i, a) in o.iter().enumerate() {
        c.case("ogrid_float").check_item(i, a);
    }
    let o = ogrid(&[pts(-2.0, 2.0, 9), pts(5.0, 6.0, 2), by(0.0, 4.0, 2.0)]).unwrap();
    for (i, a) in o.iter().enumerate() {
        c.case("ogrid_points").check_item(i, a);
    }
    let e = mgrid(&[r(5, 0), r(0, 2)]).unwrap_err();
    c.case("err_negative").check_error(e.numpy_kind(), &e.to_string());
    let e = mgrid(&[by(0, 5, 0), r(0, 2)]).unwrap_err();
    c.case("err_zero_step").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn byteswap_reverses_every_number_like_numpy() {
    let c = oracle("core/byteswap");
    let dtypes = [
        "bool",
        "int8",
        "uint8",
        "int16",
        "uint16",
        "int32",
        "uint32",
        "int64",
        "uint64",
        "float16",
        "float32",
        "float64",
        "complex64",
        "complex128",
        ">i4",
        ">f8",
    ];
    for dt in dtypes {
        let x = common::load_dyn(&c, &format!("x_{dt}"));
        let case = c.case(&format!("swap_{dt}"));
        let got = x.byteswap();
        assert_eq!(got.dtype().str(), case.array().dtype, "{dt}");
        common::check(case, Ok(got));
    }
    let x = common::load_dyn(&c, "x_2d");
    common::check(c.case("swap_2d_strided"), Ok(x.slice(s![..;2, 1..;2]).t().byteswap()));
}

/// The recorded tuple's bools from item `from` on.
fn bools(v: &nprs_testkit::Value, from: usize) -> Vec<bool> {
    let nprs_testkit::Value::List(items) = v else { panic!("a tuple: {v:?}") };
    items[from..].iter().map(|x| matches!(x, nprs_testkit::Value::Bool(true))).collect()
}

#[test]
fn require_borrows_or_copies_as_numpy_does() {
    let c = oracle("core/require");
    let a = Array::<f64>::arange(24).into_shape(&[4, 6]).unwrap();
    let t = a.t();
    let v = a.slice(s![.., ..;2]);
    for (name, src) in [("a", a.view()), ("t", t.view()), ("v", v.view())] {
        for req in ["", "C", "F", "O", "W", "A", "E", "CO", "FW", "OA"] {
            let reqs: Vec<String> = req.chars().map(String::from).collect();
            let reqs: Vec<&str> = reqs.iter().map(String::as_str).collect();
            let r = nprs_core::require(&src, &reqs).unwrap();
            let case = c.case(&format!("req_{name}_{}", if req.is_empty() { "none" } else { req }));
            case.check_item(0, &r);
            let got = vec![r.is_c_contiguous(), r.is_f_contiguous(), nprs_core::shares_memory(&r, &a, None).unwrap()];
            case.check_with(|v| bools(v, 1), got);
        }
    }
    let r = nprs_core::require(&a, &["f_contiguous", "Writeable"]).unwrap();
    let case = c.case("req_long");
    case.check_item(0, &r);
    case.check_with(|v| bools(v, 1), vec![r.is_f_contiguous(), nprs_core::shares_memory(&r, &a, None).unwrap()]);
    for (name, reqs) in [("err_both", ["C", "fortran"]), ("err_key", ["C", "aligned_x"])] {
        let e = nprs_core::require(&a, &reqs).unwrap_err();
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
    }
}
