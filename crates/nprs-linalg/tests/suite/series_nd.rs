//! `numpy.polynomial` module functions with coefficient arrays of more than one dimension
//! against NumPy (`polynomial/nd`): evaluation with and without `tensor`, the 2-D and 3-D
//! values and grids with batch axes, derivatives and antiderivatives along an axis, and
//! fits of a 2-d `y`, for all six families.

use crate::common;

use common::load;
use nprs_core::prelude::*;
use nprs_linalg::Error;
use nprs_linalg::polynomial::{chebyshev, hermite, hermite_e, laguerre, legendre, polynomial};
use nprs_testkit::{Case, oracle};

fn err(c: &Case, e: &Error) {
    c.check_error(e.numpy_kind(), &e.to_string());
}

macro_rules! nd_cases {
    ($test:ident, $p:literal, $m:ident :: {
        $val:ident, $val_tensor:ident, $val2d:ident, $val3d:ident, $grid2d:ident, $grid3d:ident,
        $der:ident, $der_axis:ident, $int:ident, $int_axis:ident, $fit:ident
    }) => {
        #[test]
        fn $test() {
            use $m::*;
            let o = oracle("polynomial/nd");
            let c = |k: &str| o.case(&format!("{}_{k}", $p));
            let inp = |k: &str| -> Array<f64> { load(c(&format!("in_{k}"))) };
            let (c3, c4, c5) = (inp("c3"), inp("c4"), inp("c5"));
            let (x, y, z, x2, x0) = (inp("x"), inp("y"), inp("z"), inp("x2"), inp("x0"));
            let head = |a: &Array<f64>, n: usize| Array::from_vec(a.to_vec()[..n].to_vec());
            c("val_tensor").check(&$val(&x, &c3).unwrap());
            c("val_tensor_2d_x").check(&$val(&x2, &c3).unwrap());
            c("val_tensor_0d_x").check(&$val(&x0, &c3).unwrap());
            c("val_nontensor").check(&$val_tensor(&x2, &c3, false).unwrap());
            c("val_nontensor_bcast").check(&$val_tensor(&head(&x, 2), &c3, false).unwrap());
            c("val2d_batch").check(&$val2d(&x, &y, &c4).unwrap());
            c("val3d_batch").check(&$val3d(&x, &y, &z, &c5).unwrap());
            c("grid2d_batch").check(&$grid2d(&x, &head(&y, 3), &c4).unwrap());
            c("grid3d_batch").check(&$grid3d(&head(&x, 2), &head(&y, 3), &z, &c5).unwrap());
            c("der_axis0").check(&$der(&c3, 2, 0.5).unwrap());
            c("der_axis1").check(&$der_axis(&c3, 1, 1.0, 1).unwrap());
            c("der_axis_neg").check(&$der_axis(&c5, 3, -1.5, -2).unwrap());
            c("der_axis_all").check(&$der_axis(&c3, 7, 1.0, 0).unwrap());
            c("int_axis0").check(&$int(&c3, 2, &[1.0, -2.0], 0.5, 1.5).unwrap());
            c("int_axis1").check(&$int_axis(&c3, 1, &[0.25], 0.0, 1.0, 1).unwrap());
            c("int_axis_neg").check(&$int_axis(&c5, 2, &[], -0.5, 1.0, -1).unwrap());
            let zeros = Array::<f64>::zeros(&[1, 3]).unwrap();
            c("int_zero_lanes").check(&$int(&zeros, 2, &[2.0, 1.0], 0.0, 1.0).unwrap());
            let some = Array::from_shape_vec(&[1, 3], vec![0.0, 1.5, 0.0]).unwrap();
            c("int_some_zero").check(&$int(&some, 1, &[2.0], 0.0, 1.0).unwrap());
            c("fit_2d_y").check(&$fit(&inp("fx"), &inp("fy"), 3, None, None).unwrap());
            err(c("err_der_axis"), &$der_axis(&c3, 1, 1.0, 3).unwrap_err());
            err(c("err_int_axis"), &$int_axis(&c3, 1, &[], 0.0, 1.0, -4).unwrap_err());
            err(c("err_der_neg"), &$der_axis(&c3, -1, 1.0, 1).unwrap_err());
            err(c("err_int_k"), &$int_axis(&c3, 1, &[1.0, 2.0], 0.0, 1.0, 1).unwrap_err());
        }
    };
}

nd_cases!(power_series_nd, "poly", polynomial::{
    polyval, polyval_tensor, polyval2d, polyval3d, polygrid2d, polygrid3d, polyder, polyder_axis, polyint,
    polyint_axis, polyfit
});
nd_cases!(chebyshev_nd, "cheb", chebyshev::{
    chebval, chebval_tensor, chebval2d, chebval3d, chebgrid2d, chebgrid3d, chebder, chebder_axis, chebint,
    chebint_axis, chebfit
});
nd_cases!(legendre_nd, "leg", legendre::{
    legval, legval_tensor, legval2d, legval3d, leggrid2d, leggrid3d, legder, legder_axis, legint, legint_axis, legfit
});
nd_cases!(hermite_nd, "herm", hermite::{
    hermval, hermval_tensor, hermval2d, hermval3d, hermgrid2d, hermgrid3d, hermder, hermder_axis, hermint,
    hermint_axis, hermfit
});
nd_cases!(hermite_e_nd, "herme", hermite_e::{
    hermeval, hermeval_tensor, hermeval2d, hermeval3d, hermegrid2d, hermegrid3d, hermeder, hermeder_axis, hermeint,
    hermeint_axis, hermefit
});
nd_cases!(laguerre_nd, "lag", laguerre::{
    lagval, lagval_tensor, lagval2d, lagval3d, laggrid2d, laggrid3d, lagder, lagder_axis, lagint, lagint_axis, lagfit
});
