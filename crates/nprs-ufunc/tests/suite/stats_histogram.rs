//! histogram and histogram_bin_edges against NumPy (`stats/histogram`): integer and float
//! dtypes (more than one block of 65,536 elements), equal bins from the data or `range`,
//! explicit edges, weights, density, every bin-width estimator, and errors.

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{BinEstimator, Bins, HistogramOptions, histogram, histogram_bin_edges, histogram_dyn};

use crate::common;
use common::{dyn_actual, load, load_dyn};

const DTYPES: [&str; 7] = ["int8", "int32", "int64", "uint16", "float16", "float32", "float64"];
const ESTIMATORS: [&str; 8] = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"];

fn cases() -> Cases {
    oracle("stats/histogram")
}

/// Compares `(hist, bin_edges)` with NumPy's tuple, item by item (dtype, shape, bits).
fn check_pair(c: &Cases, name: &str, r: nprs_core::Result<(DynArray, DynArray)>) {
    check_pair_tol(c, name, r, 0.0);
}

/// As [`check_pair`], the weights sums within a relative `rtol` (NumPy's sort of the
/// data is not stable, so the order in which tied elements' weights are added — and the
/// last bits of the sums — follow its sorting algorithm).
fn check_pair_tol(c: &Cases, name: &str, r: nprs_core::Result<(DynArray, DynArray)>, rtol: f64) {
    let case = c.case(name);
    match r {
        Ok((h, e)) => {
            let nprs_testkit::Value::List(items) = &case.result else { panic!("{name}: NumPy raised") };
            for (i, got) in [h, e].iter().enumerate() {
                let nprs_testkit::Value::Array(w) = &items[i] else { panic!("{name}: item {i}") };
                let g = dyn_actual(got);
                let ok = w.name == g.name && w.shape == g.shape && same(&w.data, &g.data, rtol);
                case.assert_item(i, ok, &format!("differs from NumPy's: {:?} vs {:?}", g.data, w.data));
            }
        }
        Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
    }
}

fn same(w: &nprs_testkit::Elems, g: &nprs_testkit::Elems, rtol: f64) -> bool {
    use nprs_testkit::Elems;
    let eq =
        |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()) || (a - b).abs() <= rtol * a.abs();
    match (w, g) {
        (Elems::Float(w), Elems::Float(g)) => w.len() == g.len() && w.iter().zip(g).all(|(a, b)| eq(*a, *b)),
        (w, g) => w == g,
    }
}

#[test]
fn histograms_of_every_dtype_match_numpy() {
    let c = cases();
    let edges = [-50.0, -3.5, 0.0, 0.0, 2.0, 7.25, 60.0];
    let edges_w = [-50.0, -3.5, 0.0, 2.0, 7.25, 60.0];
    let edges_d = [-50.0, -3.5, 0.0, 2.0, 60.0];
    for dt in DTYPES {
        let x = load_dyn(&c, &format!("hx_{dt}"));
        let w = load::<f64>(&c, &format!("hw_{dt}"));
        let o = HistogramOptions::new;
        check_pair(&c, &format!("h_{dt}"), histogram_dyn(&x, &o()));
        check_pair(&c, &format!("h_{dt}_37"), histogram_dyn(&x, &o().bins(Bins::Count(37))));
        check_pair(&c, &format!("h_{dt}_range"), histogram_dyn(&x, &o().bins(Bins::Count(13)).range(-20.5, 30.25)));
        check_pair(&c, &format!("h_{dt}_w"), histogram_dyn(&x, &o().bins(Bins::Count(9)).weights(w.view())));
        check_pair(&c, &format!("h_{dt}_density"), histogram_dyn(&x, &o().bins(Bins::Count(11)).density(true)));
        check_pair(&c, &format!("h_{dt}_edges"), histogram_dyn(&x, &o().bins(Bins::Edges(&edges))));
        let ow = o().bins(Bins::Edges(&edges_w)).weights(w.view());
        check_pair_tol(&c, &format!("h_{dt}_edges_w"), histogram_dyn(&x, &ow), 1e-13);
        let od = o().bins(Bins::Edges(&edges_d)).density(true);
        check_pair(&c, &format!("h_{dt}_edges_density"), histogram_dyn(&x, &od));
    }
    let x = load::<f64>(&c, "hx_float64");
    let e = histogram_bin_edges(&x, &HistogramOptions::new().bins(Bins::Count(6))).unwrap();
    c.case("hbe_float64").check(&e);
    let x = load::<i32>(&c, "hx_int32");
    let e = histogram_bin_edges(&x, &HistogramOptions::new().bins(Bins::Count(6))).unwrap();
    c.case("hbe_int32").check(&e);
    for dt in ["int8", "int64", "uint16", "float16", "float32"] {
        let x = load_dyn(&c, &format!("hx_{dt}"));
        let (_, e) = histogram_dyn(&x, &HistogramOptions::new().bins(Bins::Count(6))).unwrap();
        common::check_dyn(c.case(&format!("hbe_{dt}")), Ok(e));
    }
}

#[test]
fn histograms_of_long_inputs_match_numpy() {
    let c = cases();
    for dt in ["int16", "int64", "float32", "float64"] {
        let x = load_dyn(&c, &format!("hx_big_{dt}"));
        let o = HistogramOptions::new;
        check_pair(&c, &format!("h_big_{dt}"), histogram_dyn(&x, &o().bins(Bins::Count(100))));
        let r = o().bins(Bins::Count(50)).range(-20.5, 30.25);
        check_pair(&c, &format!("h_big_{dt}_range"), histogram_dyn(&x, &r));
    }
    let x = load_dyn(&c, "hx_big_zero_max");
    check_pair(&c, "h_big_zero_max", histogram_dyn(&x, &HistogramOptions::new().bins(Bins::Count(100))));
}

#[test]
fn estimators_match_numpy() {
    let c = cases();
    for dt in ["float64", "int64"] {
        let x = load_dyn(&c, &format!("ex_{dt}"));
        for est in ESTIMATORS {
            let b = Bins::Estimator(est.parse::<BinEstimator>().unwrap());
            check_pair(&c, &format!("est_{dt}_{est}"), histogram_dyn(&x, &HistogramOptions::new().bins(b)));
            let o = HistogramOptions::new().bins(b).range(-10.0, 15.0);
            check_pair(&c, &format!("est_{dt}_{est}_range"), histogram_dyn(&x, &o));
        }
    }
}

#[test]
fn edge_cases_and_errors_match_numpy() {
    let c = cases();
    let o = HistogramOptions::new;
    check_pair(
        &c,
        "h_bool",
        histogram_dyn(&DynArray::from(array![true, false, true, true]), &o().bins(Bins::Count(3))),
    );
    check_pair(&c, "h_const", histogram(&array![2.0, 2.0, 2.0], &o().bins(Bins::Count(4))));
    check_pair(&c, "h_const_int", histogram(&array![5i64, 5], &o().bins(Bins::Count(3))));
    check_pair(&c, "h_empty", histogram(&Array::<f64>::zeros(&[0]).unwrap(), &o().bins(Bins::Count(3))));
    let r = histogram(&array![1.0, f64::NAN, 3.0], &o().bins(Bins::Count(2)).range(0.0, 4.0));
    check_pair(&c, "h_nan_range", r);
    let a3 = array![0.0, 1.0, 2.0];
    check_pair(&c, "err_h_bins0", histogram(&a3, &o().bins(Bins::Count(0))));
    check_pair(&c, "err_h_edges", histogram(&a3, &o().bins(Bins::Edges(&[1.0, 0.0]))));
    check_pair(&c, "err_h_range", histogram(&a3, &o().range(2.0, 1.0)));
    check_pair(&c, "err_h_range_inf", histogram(&a3, &o().range(0.0, f64::INFINITY)));
    check_pair(&c, "err_h_auto_nan", histogram(&array![1.0, f64::NAN], &o()));
    let w2 = Array::<f64>::ones(&[2]).unwrap();
    check_pair(&c, "err_h_weights", histogram(&a3, &o().weights(w2.view())));
    let w3 = Array::<f64>::ones(&[3]).unwrap();
    check_pair(&c, "err_h_est_w", histogram(&a3, &o().bins(Bins::Estimator(BinEstimator::Auto)).weights(w3.view())));
    check_pair(&c, "err_h_too_many", histogram(&array![1.0, 1.0 + 2e-16], &o().bins(Bins::Count(5))));
}
