//! median, quantile, percentile and the NaN-aware forms against NumPy (`stats/quantile`):
//! every real dtype, axes (None, int, negative, tuples), keepdims, every method with scalar
//! and array q, weights, NaN and all-NaN lanes, long lanes, and NumPy's errors. The dynamic
//! forms are compared with NumPy's result dtype; the typed forms where their float type is
//! NumPy's.

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{
    Quantile, QuantileElem, QuantileMethod, QuantileOptions, median, median_dyn, nanmedian, nanmedian_dyn,
    nanpercentile_dyn, nanquantile, nanquantile_dyn, nanquantiles, percentile, percentile_dyn, quantile, quantile_dyn,
    quantiles,
};

use crate::common;
use common::{FromOracle, check_dyn, load, load_dyn};

const DTYPES: [&str; 12] =
    ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32", "float64"];
const FLOATS: [&str; 3] = ["float16", "float32", "float64"];
const QS: [f64; 15] = [0.0, 0.01, 0.1, 0.2, 0.25, 1.0 / 3.0, 0.4, 0.5, 0.6, 2.0 / 3.0, 0.75, 0.8, 0.9, 0.99, 1.0];
const AXES: [(&str, Option<&[isize]>); 7] = [
    ("all", None),
    ("a0", Some(&[0])),
    ("a1", Some(&[1])),
    ("a2", Some(&[2])),
    ("am1", Some(&[-1])),
    ("a02", Some(&[0, 2])),
    ("a10", Some(&[1, 0])),
];

fn cases() -> Cases {
    oracle("stats/quantile")
}

fn opts(axis: Option<&[isize]>) -> QuantileOptions<'static> {
    QuantileOptions { axis: axis.map(<[isize]>::to_vec), ..QuantileOptions::new() }
}

#[test]
fn median_and_quantiles_of_every_dtype_match_numpy() {
    let c = cases();
    for dt in DTYPES {
        let x = load_dyn(&c, &format!("x_{dt}"));
        for (name, ax) in AXES {
            check_dyn(c.case(&format!("median_{dt}_{name}")), median_dyn(&x, ax, false));
            check_dyn(c.case(&format!("nanmedian_{dt}_{name}")), nanmedian_dyn(&x, ax, false));
            check_dyn(c.case(&format!("p_{dt}_{name}")), percentile_dyn(&x, Quantile::Scalar(42.5), &opts(ax)));
            check_dyn(c.case(&format!("nq_{dt}_{name}")), nanquantile_dyn(&x, Quantile::Many(&[0.3, 0.7]), &opts(ax)));
        }
        check_dyn(c.case(&format!("median_{dt}_keep")), median_dyn(&x, Some(&[0, 2]), true));
        for m in QuantileMethod::ALL {
            let n = m.name();
            let o = QuantileOptions::new().axis(1).method(m);
            check_dyn(c.case(&format!("q_{dt}_{n}")), quantile_dyn(&x, Quantile::Scalar(0.37), &o));
            let o = QuantileOptions::new().axis(0).method(m);
            check_dyn(c.case(&format!("qm_{dt}_{n}")), quantile_dyn(&x, Quantile::Many(&QS), &o));
            let o = QuantileOptions::new().method(m);
            check_dyn(c.case(&format!("qall_{dt}_{n}")), quantile_dyn(&x, Quantile::Scalar(0.5), &o));
        }
        let o = QuantileOptions::new().axis(2).keepdims(true);
        check_dyn(c.case(&format!("p_{dt}_keep")), percentile_dyn(&x, Quantile::Many(&[10.0, 90.0]), &o));
        let o = QuantileOptions::new().axes(&[1, 2]).keepdims(true);
        check_dyn(c.case(&format!("np_{dt}_keep")), nanpercentile_dyn(&x, Quantile::Scalar(90.0), &o));
    }
}

#[test]
fn weighted_quantiles_match_numpy() {
    let c = cases();
    for dt in DTYPES {
        let x = load_dyn(&c, &format!("x_{dt}"));
        let w = load::<f64>(&c, &format!("w_{dt}"));
        let o = QuantileOptions::new().axis(1).method(QuantileMethod::InvertedCdf).weights(w.view());
        check_dyn(c.case(&format!("qw_{dt}")), quantile_dyn(&x, Quantile::Many(&[0.1, 0.5, 0.9]), &o));
        let w1 = w.slice(s![.., 0, 0]).to_owned();
        let o = QuantileOptions::new().axis(0).method(QuantileMethod::InvertedCdf).weights(w1.view());
        check_dyn(c.case(&format!("qw1_{dt}")), quantile_dyn(&x, Quantile::Scalar(0.5), &o));
        let w2 = w.slice(s![.., 0, ..]).t().to_owned();
        let o = QuantileOptions::new().axes(&[2, 0]).method(QuantileMethod::InvertedCdf).weights(w2.view());
        check_dyn(c.case(&format!("qw2_{dt}")), quantile_dyn(&x, Quantile::Scalar(0.5), &o));
    }
    for dt in FLOATS {
        let x = load_dyn(&c, &format!("xn_{dt}"));
        let w = load::<f64>(&c, &format!("wn_{dt}"));
        let o = QuantileOptions::new().axis(0).method(QuantileMethod::InvertedCdf).weights(w.view());
        check_dyn(c.case(&format!("nqw_{dt}")), nanquantile_dyn(&x, Quantile::Many(&[0.2, 0.8]), &o));
    }
}

#[test]
fn nan_lanes_match_numpy() {
    let c = cases();
    for dt in FLOATS {
        let x = load_dyn(&c, &format!("xn_{dt}"));
        for (name, ax) in AXES {
            check_dyn(c.case(&format!("nmedian_{dt}_{name}")), median_dyn(&x, ax, false));
            check_dyn(c.case(&format!("nnanmedian_{dt}_{name}")), nanmedian_dyn(&x, ax, false));
            let q = Quantile::Many(&[0.0, 0.3, 0.5, 1.0]);
            check_dyn(c.case(&format!("nnq_{dt}_{name}")), nanquantile_dyn(&x, q, &opts(ax)));
            check_dyn(c.case(&format!("nq1_{dt}_{name}")), quantile_dyn(&x, Quantile::Scalar(0.3), &opts(ax)));
        }
        for m in QuantileMethod::ALL {
            let o = QuantileOptions::new().axis(1).method(m);
            check_dyn(c.case(&format!("nnqm_{dt}_{}", m.name())), nanquantile_dyn(&x, Quantile::Scalar(0.37), &o));
            check_dyn(c.case(&format!("nqm_{dt}_{}", m.name())), quantile_dyn(&x, Quantile::Scalar(0.37), &o));
        }
        let o = QuantileOptions::new().axis(2);
        check_dyn(c.case(&format!("nnp_{dt}")), nanpercentile_dyn(&x, Quantile::Scalar(12.5), &o));
    }
}

/// The typed forms give the same values where their float type is NumPy's dtype.
fn typed<T: FromOracle + QuantileElem>(c: &Cases, dt: &str)
where
    <T as QuantileElem>::Out: nprs_core::copy::Cast,
{
    let x = load::<T>(c, &format!("x_{dt}"));
    for (name, ax) in AXES {
        c.case(&format!("median_{dt}_{name}")).check(&median(&x, ax, false).unwrap());
        c.case(&format!("nanmedian_{dt}_{name}")).check(&nanmedian(&x, ax, false).unwrap());
        c.case(&format!("p_{dt}_{name}")).check(&percentile(&x, 42.5, &opts(ax)).unwrap());
        c.case(&format!("nq_{dt}_{name}")).check(&nanquantiles(&x, &[0.3, 0.7], &opts(ax)).unwrap());
    }
    c.case(&format!("median_{dt}_keep")).check(&median(&x.view(), Some(&[0, 2]), true).unwrap());
    for m in QuantileMethod::ALL.into_iter().filter(|m| !m.is_discrete()) {
        let n = m.name();
        let o = QuantileOptions::new().axis(1).method(m);
        c.case(&format!("q_{dt}_{n}")).check(&quantile(&x, 0.37, &o).unwrap());
        let o = QuantileOptions::new().axis(0).method(m);
        c.case(&format!("qm_{dt}_{n}")).check(&quantiles(&x, &QS, &o).unwrap());
        // a strided view gives the same
        let o = QuantileOptions::new().method(m);
        let t = x.t();
        c.case(&format!("qall_{dt}_{n}")).check(&quantile(&t, 0.5, &o).unwrap());
    }
}

#[test]
fn typed_forms_match_numpy() {
    let c = cases();
    typed::<i8>(&c, "int8");
    typed::<i16>(&c, "int16");
    typed::<i32>(&c, "int32");
    typed::<i64>(&c, "int64");
    typed::<u8>(&c, "uint8");
    typed::<u16>(&c, "uint16");
    typed::<u32>(&c, "uint32");
    typed::<u64>(&c, "uint64");
    typed::<f16>(&c, "float16");
    typed::<f32>(&c, "float32");
    typed::<f64>(&c, "float64");
    // typed discrete methods of floats keep the float type, as NumPy
    for m in QuantileMethod::ALL.into_iter().filter(|m| m.is_discrete()) {
        let x = load::<f32>(&c, "x_float32");
        let o = QuantileOptions::new().axis(1).method(m);
        c.case(&format!("q_float32_{}", m.name())).check(&quantile(&x, 0.37, &o).unwrap());
    }
    let x = load::<f64>(&c, "xn_float64");
    let o = QuantileOptions::new().axis(1);
    c.case("nnqm_float64_linear").check(&nanquantile(&x, 0.37, &o).unwrap());
}

#[test]
fn long_lanes_and_edge_cases_match_numpy() {
    let c = cases();
    for n in [10001, 10000, 100001, 100000] {
        let x = load::<f64>(&c, &format!("long_{n}"));
        c.case(&format!("long_{n}_median")).check(&median(&x, None, false).unwrap());
        c.case(&format!("long_{n}_q")).check(&quantiles(&x, &QS, &QuantileOptions::new()).unwrap());
        let o = QuantileOptions::new().method(QuantileMethod::Hazen);
        c.case(&format!("long_{n}_p")).check(&percentile(&x, 99.9, &o).unwrap());
    }
    let q = |v: Vec<f64>, x: f64| quantile(&Array::from_vec(v), x, &QuantileOptions::new()).unwrap();
    c.case("int8_wrap").check(&quantile(&array![-100i8, 100], 0.25, &QuantileOptions::new()).unwrap());
    c.case("inf_top").check(&q(vec![1.0, f64::INFINITY], 1.0));
    c.case("inf_mid").check(&q(vec![1.0, f64::INFINITY], 0.5));
    c.case("zero_d").check(&median(&Array::from_elem_0d(3.5), None, false).unwrap());
    let z = Array::<f64>::zeros(&[0, 3]).unwrap();
    c.case("empty_median").check(&median(&z, Some(&[0]), false).unwrap());
    let z2 = Array::<f64>::zeros(&[3, 0]).unwrap();
    c.case("empty_median_lanes").check(&median(&z2, Some(&[0]), false).unwrap());
    let e = Array::<f64>::zeros(&[0]).unwrap();
    c.case("empty_nanquantile").check(&nanquantile(&e, 0.5, &QuantileOptions::new()).unwrap());
    let f = DynArray::from(Array::from_vec((0..7).map(|i| i as f32 / 3.0).collect::<Vec<f32>>()));
    check_dyn(c.case("q_float32_many"), quantile_dyn(&f, Quantile::Many(&[0.3, 0.6]), &QuantileOptions::new()));
    let o = QuantileOptions::new().method(QuantileMethod::Lower);
    check_dyn(c.case("q_float32_many_lower"), quantile_dyn(&f, Quantile::Many(&[0.3, 0.6]), &o));
}

#[test]
fn errors_match_numpy() {
    let c = cases();
    let err = |name: &str, r: nprs_core::Result<DynArray>| {
        let e = r.expect_err(name);
        c.case(name).check_error(e.numpy_kind(), &e.to_string());
    };
    let d = |a: Array<f64>| DynArray::from(a);
    let r3 = d(Array::from_vec(vec![0.0, 1.0, 2.0]));
    let r2 = d(Array::from_vec(vec![0.0, 1.0]));
    let ones = d(Array::<f64>::ones(&[2, 3]).unwrap());
    let qo = QuantileOptions::new;
    err("err_empty", quantile_dyn(&d(Array::zeros(&[0, 3]).unwrap()), Quantile::Scalar(0.5), &qo().axis(0)));
    err("err_range", quantile_dyn(&r3, Quantile::Scalar(1.5), &qo()));
    err("err_range_neg", quantile_dyn(&r3, Quantile::Many(&[0.5, -0.1]), &qo()));
    err("err_prange", percentile_dyn(&r3, Quantile::Scalar(101.0), &qo()));
    let e = "foo".parse::<QuantileMethod>().unwrap_err();
    c.case("err_method").check_error(e.numpy_kind(), &e.to_string());
    err("err_axis", quantile_dyn(&ones, Quantile::Scalar(0.5), &qo().axis(2)));
    err("err_axis_median", median_dyn(&ones, Some(&[-3]), false));
    err("err_repeated", quantile_dyn(&ones, Quantile::Scalar(0.5), &qo().axes(&[0, 0])));
    let b = DynArray::from(array![true, false, true]);
    err("err_bool", quantile_dyn(&b, Quantile::Scalar(0.5), &qo()));
    let cx = DynArray::from(Array::<nprs_core::C128>::ones(&[3]).unwrap());
    err("err_complex", quantile_dyn(&cx, Quantile::Scalar(0.5), &qo()));
    let w2 = Array::<f64>::ones(&[2]).unwrap();
    err("err_w_method", quantile_dyn(&r2, Quantile::Scalar(0.5), &qo().weights(w2.view())));
    let inv = || qo().method(QuantileMethod::InvertedCdf);
    let wn = array![-1.0, 1.0];
    err("err_w_neg", quantile_dyn(&r2, Quantile::Scalar(0.5), &inv().weights(wn.view())));
    let wz = Array::<f64>::zeros(&[2]).unwrap();
    err("err_w_zero", quantile_dyn(&r2, Quantile::Scalar(0.5), &inv().weights(wz.view())));
    let w12 = Array::<f64>::ones(&[1, 2]).unwrap();
    err("err_w_axis", quantile_dyn(&r2, Quantile::Scalar(0.5), &inv().weights(w12.view())));
    err("err_w_shape", quantile_dyn(&ones, Quantile::Scalar(0.5), &inv().axis(1).weights(w2.view())));
}
