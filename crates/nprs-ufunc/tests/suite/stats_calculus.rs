//! diff, ediff1d, gradient, trapezoid and interp against NumPy (`stats/calculus`): every
//! numeric dtype (dynamic forms with NumPy's result dtype, typed forms for a few types),
//! axes, prepend/append, spacings and edge orders, sample points, left/right/period,
//! complex values, and errors.

use nprs_core::prelude::*;
use nprs_core::{C128, DynArray, DynView};
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{
    Sample, Spacing, diff, diff_dyn, ediff1d_dyn, gradient, gradient_dyn, interp, interp_complex, interp_dyn,
    trapezoid, trapezoid_dyn,
};

use crate::common;
use common::DTYPES;
use common::{check_dyn, load, load_dyn};

fn cases() -> Cases {
    oracle("stats/calculus")
}

/// Same dtype, shape and bits (NaNs equal).
fn same(want: &nprs_testkit::OArray, got: &nprs_testkit::Actual) -> bool {
    use nprs_testkit::Elems;
    let eq = |a: f64, b: f64| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan());
    want.name == got.name
        && want.shape == got.shape
        && match (&want.data, &got.data) {
            (Elems::Float(w), Elems::Float(g)) => w.len() == g.len() && w.iter().zip(g).all(|(a, b)| eq(*a, *b)),
            (Elems::Complex(w), Elems::Complex(g)) => {
                w.len() == g.len() && w.iter().zip(g).all(|(a, b)| eq(a.0, b.0) && eq(a.1, b.1))
            }
            (w, g) => w == g,
        }
}

fn one(r: nprs_core::Result<Vec<DynArray>>) -> nprs_core::Result<DynArray> {
    r.map(|mut v| v.swap_remove(0))
}

#[test]
fn diff_and_ediff1d_of_every_dtype_match_numpy() {
    let c = cases();
    for dt in DTYPES {
        let x = load_dyn(&c, &format!("x_{dt}"));
        check_dyn(c.case(&format!("diff_{dt}")), diff_dyn(&x, 1, -1, None, None));
        check_dyn(c.case(&format!("diff_{dt}_a0")), diff_dyn(&x, 1, 0, None, None));
        check_dyn(c.case(&format!("diff_{dt}_n3")), diff_dyn(&x, 3, 1, None, None));
        check_dyn(c.case(&format!("diff_{dt}_n9")), diff_dyn(&x, 9, 1, None, None));
        check_dyn(c.case(&format!("ediff1d_{dt}")), ediff1d_dyn(&x, None, None));
    }
    // typed forms run the same code
    let x = load::<i8>(&c, "x_int8");
    c.case("diff_int8_n3").check(&diff(&x, 3, 1, None, None).unwrap());
    let x = load::<f32>(&c, "x_float32");
    c.case("diff_float32_a0").check(&diff(&x.view(), 1, 0, None, None).unwrap());
}

#[test]
fn prepend_append_and_ends_match_numpy() {
    let c = cases();
    let x = load_dyn(&c, "pp_x");
    let p = load_dyn(&c, "pp_p");
    check_dyn(c.case("diff_prepend"), diff_dyn(&x, 1, -1, Some(&p.view()), None));
    check_dyn(c.case("diff_append"), diff_dyn(&x, 2, -1, None, Some(&p.view())));
    let seven = DynArray::from(Array::from_elem_0d(7i16));
    let minus3 = DynArray::from(Array::from_elem_0d(-3i16));
    check_dyn(c.case("diff_prepend_scalar"), diff_dyn(&x, 1, 0, Some(&seven.view()), Some(&minus3.view())));
    let half = DynArray::from(Array::from_elem_0d(0.5f64));
    check_dyn(c.case("diff_prepend_float"), diff_dyn(&x, 1, -1, Some(&half.view()), None));
    let begin = DynArray::from(Array::from_elem_0d(-99i16));
    check_dyn(c.case("ediff1d_ends"), ediff1d_dyn(&x, Some(&p.view()), Some(&begin.view())));
    let xt = load::<i16>(&c, "pp_x");
    let pt = load::<i16>(&c, "pp_p");
    c.case("diff_prepend").check(&diff(&xt, 1, -1, Some(&pt), None).unwrap());
}

#[test]
fn gradient_and_trapezoid_of_every_dtype_match_numpy() {
    let c = cases();
    let coords = [0.0, 0.5, 1.5, 3.5, 4.0];
    let uniform = [0.0, 0.5, 1.0, 1.5, 2.0];
    for dt in &DTYPES[1..] {
        let x = load_dyn(&c, &format!("x_{dt}"));
        check_dyn(c.case(&format!("grad_{dt}")), one(gradient_dyn(&x, &[], Some(&[1]), 1)));
        check_dyn(c.case(&format!("grad_{dt}_e2")), one(gradient_dyn(&x, &[Spacing::Scalar(0.5)], Some(&[0]), 2)));
        let all = gradient_dyn(&x, &[Spacing::Scalar(2.0)], None, 1).unwrap();
        let case = c.case(&format!("grad_{dt}_all"));
        let nprs_testkit::Value::List(items) = &case.result else { panic!("grad_{dt}_all: not a tuple") };
        assert_eq!(items.len(), all.len());
        for (i, g) in all.iter().enumerate() {
            let nprs_testkit::Value::Array(w) = &items[i] else { panic!("not an array") };
            case.assert_item(i, same(w, &common::dyn_actual(g)), "differs from NumPy's");
        }
        let sp = [Spacing::Coords(&coords)];
        check_dyn(c.case(&format!("grad_{dt}_coords")), one(gradient_dyn(&x, &sp, Some(&[0]), 1)));
        check_dyn(c.case(&format!("grad_{dt}_coords2")), one(gradient_dyn(&x, &sp, Some(&[0]), 2)));
        let su = [Spacing::Coords(&uniform)];
        check_dyn(c.case(&format!("grad_{dt}_uniform")), one(gradient_dyn(&x, &su, Some(&[0]), 1)));
        check_dyn(c.case(&format!("trap_{dt}")), trapezoid_dyn(&x, Sample::Dx(1.0), -1));
        check_dyn(c.case(&format!("trap_{dt}_dx")), trapezoid_dyn(&x, Sample::Dx(0.25), 0));
        let xs = DynArray::from(Array::from_vec(coords.to_vec()));
        let xv = xs.view();
        check_dyn(c.case(&format!("trap_{dt}_x")), trapezoid_dyn(&x, Sample::X(&xv), 0));
    }
    let x = load::<i32>(&c, "x_int32");
    c.case("grad_int32").check(&gradient::<_, f64>(&x, &[], Some(&[1]), 1).unwrap()[0]);
    c.case("trap_int32_dx").check(&trapezoid::<_, f64>(&x, 0.25, 0).unwrap());
    let x = load::<f32>(&c, "x_float32");
    c.case("grad_float32_e2").check(&gradient::<_, f32>(&x, &[Spacing::Scalar(0.5)], Some(&[0]), 2).unwrap()[0]);
}

#[test]
fn interp_matches_numpy() {
    let c = cases();
    let xp = load::<f64>(&c, "i_xp").to_vec();
    let fp = load::<f64>(&c, "i_fp").to_vec();
    let fc = c.case("i_fc").array();
    let fc: Vec<C128> = match &fc.data {
        nprs_testkit::Elems::Complex(v) => v.iter().map(|&(r, i)| C128::new(r, i)).collect(),
        _ => panic!("not complex"),
    };
    let x = load::<f64>(&c, "i_x");
    c.case("interp").check(&interp(&x, &xp, &fp, None, None, None).unwrap());
    c.case("interp_lr").check(&interp(&x, &xp, &fp, Some(-10.0), Some(10.0), None).unwrap());
    c.case("interp_period").check(&interp(&x, &xp, &fp, None, None, Some(3.0)).unwrap());
    c.case("interp_period_neg").check(&interp(&x, &xp, &fp, None, None, Some(-2.5)).unwrap());
    c.case("interp_complex").check(&interp_complex(&x, &xp, &fc, None, None, None).unwrap());
    // Python's `-3j` is `-(0+3j)`: a negative zero real part
    let (l, r) = (C128::new(1.0, 2.0), C128::new(-0.0, -3.0));
    c.case("interp_complex_lr").check(&interp_complex(&x, &xp, &fc, Some(l), Some(r), None).unwrap());
    c.case("interp_complex_period").check(&interp_complex(&x, &xp, &fc, None, None, Some(4.0)).unwrap());
    c.case("interp_few").check(&interp(&x, &xp[..3], &fp[..3], None, None, None).unwrap());
    c.case("interp_one").check(&interp(&x, &xp[..1], &fp[..1], Some(-1.0), Some(1.0), None).unwrap());
    let inf = f64::INFINITY;
    let r = interp(&array![0.5, 1.5, 2.0], &[0.0, 1.0, 2.0, 3.0], &[1.0, inf, inf, 2.0], None, None, None);
    c.case("interp_inf").check(&r.unwrap());
    let xi = DynArray::from(Array::from_vec((-2i64..9).collect::<Vec<_>>()));
    let xpi = DynArray::from(array![0i64, 2, 5]);
    let fpi = DynArray::from(array![1i64, 4, -2]);
    check_dyn(c.case("interp_int"), interp_dyn(&xi, &xpi, &fpi, None, None, None));
    let dx = DynArray::from(x.clone());
    let dxp = DynArray::from(Array::from_vec(xp.clone()));
    let dfc = DynArray::from(Array::from_vec(fc.clone()));
    check_dyn(c.case("interp_complex"), interp_dyn(&dx, &dxp, &dfc, None, None, None));
}

#[test]
fn errors_match_numpy() {
    let c = cases();
    let err = |name: &str, e: nprs_core::Error| c.case(name).check_error(e.numpy_kind(), &e.to_string());
    let r3 = DynArray::from(array![0i64, 1, 2]);
    err("err_diff_order", diff_dyn(&r3, -1, -1, None, None).unwrap_err());
    let z = DynArray::from(Array::from_elem_0d(3.0));
    err("err_diff_0d", diff_dyn(&z, 1, -1, None, None).unwrap_err());
    let ones = DynArray::from(Array::<f64>::ones(&[2, 3]).unwrap());
    err("err_diff_axis", diff_dyn(&ones, 1, 2, None, None).unwrap_err());
    let o33 = DynArray::from(Array::<f64>::ones(&[3, 3]).unwrap());
    err("err_diff_prepend", diff_dyn(&ones, 1, -1, Some(&o33.view()), None).unwrap_err());
    let half = DynArray::from(array![0.5]);
    err("err_ediff1d_cast", ediff1d_dyn(&r3, None, Some(&half.view())).unwrap_err());
    let b = DynArray::from(array![true, false]);
    err("err_ediff1d_bool", ediff1d_dyn(&b, None, None).unwrap_err());
    let two = DynArray::from(array![1.0, 2.0]);
    err("err_grad_small", gradient_dyn(&two, &[], None, 2).unwrap_err());
    let five = DynArray::from(array![0.0, 1.0, 2.0, 3.0, 4.0]);
    err("err_grad_edge", gradient_dyn(&five, &[], None, 3).unwrap_err());
    let sp = [Spacing::Scalar(1.0), Spacing::Scalar(2.0), Spacing::Scalar(3.0)];
    err("err_grad_args", gradient_dyn(&o33, &sp, None, 1).unwrap_err());
    err("err_grad_len", gradient_dyn(&five, &[Spacing::Coords(&[0.0, 1.0])], None, 1).unwrap_err());
    let b3 = DynArray::from(array![true, false, true]);
    err("err_grad_bool", gradient_dyn(&b3, &[], None, 1).unwrap_err());
    let x1 = array![1.0];
    err("err_interp_empty", interp(&x1, &[], &[], None, None, None).unwrap_err());
    err("err_interp_len", interp(&x1, &[0.0, 1.0], &[1.0], None, None, None).unwrap_err());
    err("err_interp_period0", interp(&x1, &[0.0, 1.0], &[1.0, 2.0], None, None, Some(0.0)).unwrap_err());
    err("err_interp_period_len", interp(&x1, &[0.0, 1.0], &[1.0], None, None, Some(1.0)).unwrap_err());
    let _ = DynView::from(x1.view());
}
