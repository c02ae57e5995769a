//! histogram2d and histogramdd against NumPy (`stats/histdd`): float64, float32 and int64
//! points, equal bins from the data or `range`, explicit edges, weights, density, errors.

use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{Bins, histogram2d_dyn, histogramdd_dyn};

use crate::common;
use common::{dyn_actual, load, load_dyn};

fn cases() -> Cases {
    oracle("stats/histdd")
}

fn same(w: &nprs_testkit::OArray, g: &DynArray) -> bool {
    use nprs_testkit::Elems;
    let g = dyn_actual(g);
    w.name == g.name
        && w.shape == g.shape
        && match (&w.data, &g.data) {
            (Elems::Float(a), Elems::Float(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
            }
            (a, b) => a == b,
        }
}

/// Compares `(hist, [edges...])` (histogramdd) item by item.
fn check_dd(c: &Cases, name: &str, r: nprs_core::Result<(DynArray, Vec<DynArray>)>) {
    let case = c.case(name);
    let (h, e) = match r {
        Ok(v) => v,
        Err(e) => return case.check_error(e.numpy_kind(), &e.to_string()),
    };
    let nprs_testkit::Value::List(items) = &case.result else { panic!("{name}: NumPy raised") };
    let nprs_testkit::Value::Array(wh) = &items[0] else { panic!("{name}: hist") };
    case.assert_item(0, same(wh, &h), "hist differs from NumPy's");
    let nprs_testkit::Value::List(we) = &items[1] else { panic!("{name}: edges") };
    let ok =
        we.len() == e.len() && we.iter().zip(&e).all(|(w, g)| matches!(w, nprs_testkit::Value::Array(w) if same(w, g)));
    case.assert_item(1, ok, "edges differ from NumPy's");
}

/// Compares `(hist, xedges, yedges)` (histogram2d) item by item.
fn check_2d(c: &Cases, name: &str, r: nprs_core::Result<(DynArray, DynArray, DynArray)>) {
    let case = c.case(name);
    let (h, ex, ey) = r.unwrap();
    let nprs_testkit::Value::List(items) = &case.result else { panic!("{name}: NumPy raised") };
    for (i, got) in [h, ex, ey].iter().enumerate() {
        let ok = matches!(&items[i], nprs_testkit::Value::Array(w) if same(w, got));
        case.assert_item(i, ok, "differs from NumPy's");
    }
}

#[test]
fn histogramdd_and_histogram2d_match_numpy() {
    let c = cases();
    for dt in ["float64", "float32", "int64"] {
        let p = load_dyn(&c, &format!("p_{dt}"));
        let w = load::<f64>(&c, &format!("w_{dt}")).to_vec();
        check_dd(&c, &format!("dd_{dt}"), histogramdd_dyn(&p, &[Bins::Count(10)], None, None, false));
        let b = [Bins::Count(3), Bins::Count(5), Bins::Count(4)];
        check_dd(&c, &format!("dd_{dt}_bins"), histogramdd_dyn(&p, &b, None, None, false));
        let r = [Some((-10.0, 10.0)), Some((-5.5, 5.5)), Some((0.0, 20.0))];
        check_dd(&c, &format!("dd_{dt}_range"), histogramdd_dyn(&p, &[Bins::Count(4)], Some(&r), None, false));
        check_dd(&c, &format!("dd_{dt}_w"), histogramdd_dyn(&p, &[Bins::Count(6)], None, Some(&w), false));
        let b = [Bins::Count(3), Bins::Count(4), Bins::Count(5)];
        check_dd(&c, &format!("dd_{dt}_density"), histogramdd_dyn(&p, &b, None, None, true));
        let b = [Bins::Edges(&[-30.0, -1.0, 0.0, 4.0, 30.0]), Bins::Count(3), Bins::Edges(&[-5.0, 5.0])];
        check_dd(&c, &format!("dd_{dt}_edges"), histogramdd_dyn(&p, &b, None, None, false));
        let x = load_dyn(&c, &format!("x_{dt}"));
        let y = load_dyn(&c, &format!("y_{dt}"));
        check_2d(&c, &format!("h2_{dt}"), histogram2d_dyn(&x, &y, &[Bins::Count(7)], None, None, false));
        let b = [Bins::Count(4), Bins::Count(6)];
        let r = [Some((-10.0, 10.0)), Some((-20.0, 20.0))];
        check_2d(&c, &format!("h2_{dt}_w"), histogram2d_dyn(&x, &y, &b, Some(&r), Some(&w), false));
    }
}

#[test]
fn errors_match_numpy() {
    let c = cases();
    let ones = DynArray::from(Array::<f64>::ones(&[3, 2]).unwrap());
    let b3 = [Bins::Count(2); 3];
    check_dd(&c, "err_dd_bins", histogramdd_dyn(&ones, &b3, None, None, false));
    check_dd(&c, "err_dd_range", histogramdd_dyn(&ones, &[Bins::Count(10)], Some(&[Some((0.0, 1.0))]), None, false));
    check_dd(&c, "err_dd_pos", histogramdd_dyn(&ones, &[Bins::Count(2), Bins::Count(0)], None, None, false));
    let b = [Bins::Edges(&[0.0, 1.0]), Bins::Edges(&[1.0, 0.0])];
    check_dd(&c, "err_dd_mono", histogramdd_dyn(&ones, &b, None, None, false));
}
