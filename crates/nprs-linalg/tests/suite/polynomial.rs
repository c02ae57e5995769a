//! The legacy polynomial functions against NumPy: random coefficients of several lengths,
//! roots compared as sets, fits at the cases' tolerances, and NumPy's errors.

use crate::common;

use common::{check_root_set, load};
use nprs_core::prelude::*;
use nprs_linalg::{
    Coeffs, Error, poly, poly_complex, polyadd, polyder, polydiv, polyfit, polyfit_cov, polyfit_full, polyint, polymul,
    polysub, polyval, polyval_scalar, roots,
};
use nprs_testkit::{Case, Cases, Value, oracle};

const LENS: [usize; 6] = [1, 2, 3, 5, 8, 13];

fn err(c: &Case, e: &Error) {
    c.check_error(e.numpy_kind(), &e.to_string());
}

fn check_coeffs(c: &Case, got: &Coeffs) {
    // No roots: NumPy returns the Python float 1.0, nprs the coefficients `[1.0]`.
    if let Value::Float(_) = c.result {
        let one = match got {
            Coeffs::Real(a) if a.len() == 1 => Some(a.to_vec()[0]),
            _ => None,
        };
        c.check_with(|v| if let Value::Float(f) = v { Some(*f) } else { None }, one);
        return;
    }
    match got {
        Coeffs::Real(a) => c.check(a),
        Coeffs::Complex(a) => c.check(a),
    }
}

fn scalar<T: Element>(v: T) -> Array<T> {
    Array::from_shape_vec(&[], vec![v]).unwrap()
}

#[test]
fn arithmetic_matches_numpy() {
    let o = oracle("polynomial/legacy");
    for n in LENS {
        let k = format!("n{n}");
        let p: Array<f64> = load(o.case(&format!("{k}_p")));
        let q: Array<f64> = load(o.case(&format!("{k}_q")));
        let x: Array<f64> = load(o.case(&format!("{k}_x")));
        o.case(&format!("{k}_polyval")).check(&polyval(&p, &x).unwrap());
        o.case(&format!("{k}_polyval_scalar")).check(&scalar(polyval_scalar(&p.to_vec(), 0.75)));
        o.case(&format!("{k}_polyadd")).check(&polyadd(&p, &q).unwrap());
        o.case(&format!("{k}_polysub")).check(&polysub(&q, &p).unwrap());
        o.case(&format!("{k}_polymul")).check(&polymul(&p, &q).unwrap());
        for m in 0..4 {
            o.case(&format!("{k}_polyder{m}")).check(&polyder(&p, m).unwrap());
        }
        o.case(&format!("{k}_polyint1")).check(&polyint(&p, 1, &[]).unwrap());
        o.case(&format!("{k}_polyint2k")).check(&polyint(&p, 2, &[1.5]).unwrap());
        o.case(&format!("{k}_polyint3k")).check(&polyint(&p, 3, &[1.0, -2.0, 0.5]).unwrap());
        for (name, (u, v)) in [("polydiv", (&p, &q)), ("polydiv_rev", (&q, &p))] {
            let (dq, dr) = polydiv(u, v).unwrap();
            let c = o.case(&format!("{k}_{name}"));
            c.check_item(0, &dq);
            c.check_item(1, &dr);
        }
    }
}

#[test]
fn roots_and_poly_match_numpy() {
    let o = oracle("polynomial/legacy");
    for n in LENS {
        let k = format!("n{n}");
        let p: Array<f64> = load(o.case(&format!("{k}_p")));
        let r = roots(&p).unwrap();
        check_root_set(o.case(&format!("{k}_roots")), &r.to_vec());
        check_coeffs(o.case(&format!("{k}_poly")), &poly(&p).unwrap());
        check_coeffs(o.case(&format!("{k}_poly_of_roots")), &poly_complex(&r).unwrap());
    }
    let r = roots(&array![0.0, 0.0, 1.0, -3.0, 2.0, 0.0, 0.0]).unwrap().to_vec();
    check_root_set(o.case("roots_zeros"), &r);
    // Trailing zeros come last, as NumPy appends them.
    assert_eq!(&r[2..], &[C128::new(0.0, 0.0); 2]);
    check_root_set(o.case("roots_complex"), &roots(&array![1.0, 0.0, 1.0]).unwrap().to_vec());
    check_root_set(o.case("roots_const"), &roots(&array![0.0, 5.0]).unwrap().to_vec());
    check_root_set(o.case("roots_allzero"), &roots(&array![0.0, 0.0]).unwrap().to_vec());
    err(o.case("roots_2d"), &roots(&array![[1.0, 2.0]]).unwrap_err());
    check_coeffs(o.case("poly_matrix"), &poly(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap());
    check_coeffs(o.case("poly_matrix_complex"), &poly(&array![[0.0, -1.0], [1.0, 0.0]]).unwrap());
    let z = |re: f64, im: f64| C128::new(re, im);
    let pairs = Array::from_vec(vec![z(1.0, 2.0), z(1.0, -2.0), z(3.0, 0.0)]);
    check_coeffs(o.case("poly_complex_pairs"), &poly_complex(&pairs).unwrap());
    let cx = Array::from_vec(vec![z(1.0, 2.0), z(0.0, 3.0)]);
    check_coeffs(o.case("poly_complex"), &poly_complex(&cx).unwrap());
    err(o.case("poly_bad"), &poly(&Array::<f64>::ones(&[2, 3]).unwrap()).unwrap_err());
}

#[test]
fn special_inputs_and_errors_match_numpy() {
    let o = oracle("polynomial/legacy");
    let (q, r) = polydiv(&array![1.0, -3.0, 2.0], &array![1.0, -1.0]).unwrap();
    o.case("polydiv_exact").check_item(0, &q);
    o.case("polydiv_exact").check_item(1, &r);
    err(o.case("polyder_neg"), &polyder(&array![1.0, 2.0], -1).unwrap_err());
    err(o.case("polyint_neg"), &polyint(&array![1.0, 2.0], -1, &[]).unwrap_err());
    err(o.case("polyint_badk"), &polyint(&array![1.0, 2.0], 3, &[1.0, 2.0]).unwrap_err());
    let x = array![f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
    o.case("polyval_inf").check(&polyval(&array![1.0, 2.0], &x).unwrap());
    let (a, b) = (array![1.0, 2.0], array![1.0, 2.0]);
    err(o.case("polyfit_negdeg"), &polyfit(&a, &b, -1, None, None).unwrap_err());
    err(o.case("polyfit_x2d"), &polyfit(&Array::<f64>::ones(&[2, 2]).unwrap(), &b, 1, None, None).unwrap_err());
    let e = Array::<f64>::from_vec(vec![]);
    err(o.case("polyfit_xempty"), &polyfit(&e, &e, 1, None, None).unwrap_err());
    err(o.case("polyfit_y3d"), &polyfit(&a, &Array::<f64>::ones(&[2, 1, 1]).unwrap(), 1, None, None).unwrap_err());
    err(o.case("polyfit_len"), &polyfit(&a, &array![1.0, 2.0, 3.0], 1, None, None).unwrap_err());
    let w2 = Array::<f64>::ones(&[2, 1]).unwrap();
    err(o.case("polyfit_w2d"), &polyfit(&a, &b, 1, None, Some(&w2)).unwrap_err());
    err(o.case("polyfit_wlen"), &polyfit(&a, &b, 1, None, Some(&array![1.0])).unwrap_err());
    let few = polyfit_cov(&array![1.0, 2.0, 3.0], &array![1.0, 2.0, 0.0], 2, None, None, false).unwrap_err();
    err(o.case("polyfit_cov_few"), &few);
}

fn fits(o: &Cases, n: usize) {
    let k = format!("n{n}");
    let xs: Array<f64> = load(o.case(&format!("{k}_fx")));
    let ys: Array<f64> = load(o.case(&format!("{k}_fy")));
    let w: Array<f64> = load(o.case(&format!("{k}_fw")));
    let m = xs.len();
    let col = |j: usize| Array::from_vec(ys.to_vec().chunks(3).map(|r| r[j]).collect::<Vec<f64>>());
    let d = n.min(6) as i64;
    o.case(&format!("{k}_polyfit")).check(&polyfit(&xs, &col(0), d, None, None).unwrap());
    o.case(&format!("{k}_polyfit_w")).check(&polyfit(&xs, &col(0), d, None, Some(&w)).unwrap());
    o.case(&format!("{k}_polyfit_2d")).check(&polyfit(&xs, &ys, d, None, None).unwrap());
    let f = polyfit_full(&xs, &col(1), d, None, None).unwrap();
    let c = o.case(&format!("{k}_polyfit_full"));
    c.check_item(0, &f.coef);
    c.check_item(1, &f.residuals);
    c.check_item(2, &scalar(f.rank));
    c.check_item(3, &f.singular_values);
    c.check_item(4, &scalar(f.rcond));
    assert_eq!(f.rcond, m as f64 * f64::EPSILON);
    let (cf, cov) = polyfit_cov(&xs, &col(2), d, None, Some(&w), false).unwrap();
    o.case(&format!("{k}_polyfit_cov")).check_item(0, &cf);
    o.case(&format!("{k}_polyfit_cov")).check_item(1, &cov);
    let (cf, cov) = polyfit_cov(&xs, &col(2), d, None, None, true).unwrap();
    o.case(&format!("{k}_polyfit_cov_unscaled")).check_item(0, &cf);
    o.case(&format!("{k}_polyfit_cov_unscaled")).check_item(1, &cov);
    let (cf, cov) = polyfit_cov(&xs, &ys, d, None, None, false).unwrap();
    o.case(&format!("{k}_polyfit_cov_2d")).check_item(0, &cf);
    o.case(&format!("{k}_polyfit_cov_2d")).check_item(1, &cov);
}

#[test]
fn polyfit_matches_numpy() {
    let o = oracle("polynomial/legacy");
    for n in LENS {
        fits(&o, n);
    }
}

fn arr(v: &[f64]) -> Array<f64> {
    Array::from_vec(v.to_vec())
}

#[test]
fn poly1d_matches_numpy() {
    use nprs_linalg::polynomial::Poly1d;
    let o = oracle("polynomial/legacy");
    for n in LENS {
        let k = format!("p1d_n{n}");
        let a: Array<f64> = load(o.case(&format!("{k}_a")));
        let b: Array<f64> = load(o.case(&format!("{k}_b")));
        let x: Array<f64> = load(o.case(&format!("{k}_x")));
        let (p, q) = (Poly1d::new(&a.to_vec()), Poly1d::new(&b.to_vec()));
        o.case(&format!("{k}_coeffs")).check(&arr(p.coeffs()));
        o.case(&format!("{k}_order"))
            .check_with(|v| if let Value::Int(i) = v { Some(*i) } else { None }, Some(p.order() as i128));
        o.case(&format!("{k}_call")).check(&p.call_array(&x).unwrap());
        let direct: Vec<f64> = x.iter().map(|v| p.call(v)).collect();
        o.case(&format!("{k}_call")).check(&arr(&direct));
        o.case(&format!("{k}_add")).check(&arr((&p + &q).coeffs()));
        o.case(&format!("{k}_sub")).check(&arr((&q - &p).coeffs()));
        o.case(&format!("{k}_mul")).check(&arr((&p * &q).coeffs()));
        o.case(&format!("{k}_neg")).check(&arr((-&p).coeffs()));
        o.case(&format!("{k}_deriv2")).check(&arr(p.deriv(2).coeffs()));
        o.case(&format!("{k}_integ")).check(&arr(p.integ(2, &[0.5, -1.0]).unwrap().coeffs()));
        let (dq, dr) = p.div(&q).unwrap();
        o.case(&format!("{k}_divmod")).check_item(0, &arr(dq.coeffs()));
        o.case(&format!("{k}_divmod")).check_item(1, &arr(dr.coeffs()));
        o.case(&format!("{k}_fromroots")).check(&arr(Poly1d::from_roots(&b.to_vec()).coeffs()));
    }
    let z = Poly1d::new(&[0.0, 0.0]);
    o.case("p1d_zero").check(&arr(z.coeffs()));
    o.case("p1d_zero_order")
        .check_with(|v| if let Value::Int(i) = v { Some(*i) } else { None }, Some(z.order() as i128));
}

#[test]
fn non_finite_and_degenerate_inputs_match_numpy() {
    let o = oracle("polynomial/legacy");
    err(o.case("roots_nan"), &roots(&array![1.0, f64::NAN, 2.0]).unwrap_err());
    err(o.case("roots_inf"), &roots(&array![1.0, 2.0, f64::INFINITY]).unwrap_err());
    let x = array![1.0, 2.0, 3.0];
    o.case("polyfit_nan").check(&polyfit(&x, &array![1.0, f64::NAN, 0.0], 1, None, None).unwrap());
    let (q, r) = polydiv(&array![1.0, 2.0, 3.0], &array![0.0, 1.0]).unwrap();
    o.case("polydiv_zero_lead").check_item(0, &q);
    o.case("polydiv_zero_lead").check_item(1, &r);
    let f = polyfit_full(&array![0.0, 1.0, 2.0], &array![1.0, -1.0, 0.5], 4, None, None).unwrap();
    let c = o.case("polyfit_underdetermined");
    c.check_item(0, &f.coef);
    c.check_item(1, &f.residuals);
    c.check_item(2, &scalar(f.rank));
    c.check_item(3, &f.singular_values);
    c.check_item(4, &scalar(f.rcond));
    let empty = Array::<f64>::from_vec(vec![]);
    o.case("polyval_empty_p").check(&polyval(&empty, &array![1.0, 2.0]).unwrap());
}

#[test]
fn rank_deficient_covariance_matches_numpy() {
    let o = oracle("polynomial/legacy");
    let xr = Array::from_vec((0..10).map(|i| f64::from(i) / 9.0).collect::<Vec<f64>>());
    let yr = Array::from_vec(xr.iter().map(|v| (3.0 * v).cos()).collect::<Vec<f64>>());
    err(o.case("polyfit_cov_rankdef"), &polyfit_cov(&xr, &yr, 3, Some(0.1), None, false).unwrap_err());
    let y2 = Array::from_shape_vec(&[10, 2], yr.iter().flat_map(|v| [v, v]).collect()).unwrap();
    let (_, cov) = polyfit_cov(&xr, &y2, 3, Some(0.1), None, false).unwrap();
    let shape = |v: &Value| match v {
        Value::List(items) => {
            items.iter().map(|i| if let Value::Int(n) = i { *n as usize } else { usize::MAX }).collect()
        }
        _ => vec![],
    };
    o.case("polyfit_cov_rankdef_2d").check_with(shape, cov.shape().to_vec());
}
