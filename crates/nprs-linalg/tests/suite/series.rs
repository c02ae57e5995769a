//! `numpy.polynomial`'s six series families against NumPy: module functions on random
//! float64 (and complex128) coefficients, the classes, their printing (exact) and errors.
//! Tolerances are the oracle cases' (stated in `tests/oracle/groups/polynomial/series.py`).

use crate::common;

use common::{check_root_set, load};
use nprs_core::prelude::*;
use nprs_linalg::Error;
use nprs_linalg::polynomial::{
    Basis, Chebyshev, ChebyshevBasis, FitDeg, Hermite, HermiteE, Laguerre, Legendre, Polynomial, PowerBasis, Series,
    chebyshev, hermite, hermite_e, laguerre, legendre, polynomial,
};
use nprs_testkit::{Case, Cases, oracle};

const LENS: [usize; 6] = [1, 2, 3, 5, 8, 13];

fn err(c: &Case, e: &Error) {
    c.check_error(e.numpy_kind(), &e.to_string());
}

fn arr(v: &[f64]) -> Array<f64> {
    Array::from_vec(v.to_vec())
}

fn scalar<T: Element>(v: T) -> Array<T> {
    Array::from_shape_vec(&[], vec![v]).unwrap()
}

/// The class cases of one family and length (`{k}_K_*`).
fn class_cases<B: Basis>(o: &Cases, k: &str) {
    let c: Array<f64> = load(o.case(&format!("{k}_c")));
    let d: Array<f64> = load(o.case(&format!("{k}_d")));
    let x: Array<f64> = load(o.case(&format!("{k}_x")));
    let r: Array<f64> = load(o.case(&format!("{k}_r")));
    let dom = Some([-2.0, 3.0]);
    let p = Series::<B>::with(&c.to_vec(), dom, None, "x").unwrap();
    let q = Series::<B>::with(&d.to_vec(), dom, None, "x").unwrap();
    let case = |s: &str| o.case(&format!("{k}_K_{s}"));
    case("call").check(&p.call(&x).unwrap());
    case("add").check(&(&p + &q).coef());
    case("sub").check(&(&p - &q).coef());
    case("mul").check(&(&p * &q).coef());
    case("floordiv").check(&p.floordiv(&q).unwrap().coef());
    case("mod").check(&(&p % &q).coef());
    case("pow2").check(&p.pow(2).unwrap().coef());
    case("addsc").check(&(&p + 2.5).coef());
    case("rsubsc").check(&p.rsub_scalar(2.5).coef());
    case("mulsc").check(&(&p * 3.0).coef());
    case("divsc").check(&p.div_scalar(2.0).unwrap().coef());
    case("neg").check(&(-&p).coef());
    case("deriv").check(&p.deriv(2).unwrap().coef());
    case("integ").check(&p.integ(2, &[1.0], Some(0.5)).unwrap().coef());
    check_root_set(case("roots"), &p.roots().unwrap().to_vec());
    case("convert_poly").check(&p.convert::<PowerBasis>(None, None).coef());
    case("convert_cheb").check(&p.convert::<ChebyshevBasis>(Some([0.0, 1.0]), None).coef());
    let (lx, ly) = p.linspace(9, None).unwrap();
    case("linspace").check_item(0, &lx);
    case("linspace").check_item(1, &ly);
    case("cutdeg").check(&p.cutdeg(2).unwrap().coef());
    case("trim").check(&p.trim(0.5).unwrap().coef());
    case("fromroots").check(&Series::<B>::fromroots(&r.to_vec(), dom, None).unwrap().coef());
}

fn fit_class_cases<B: Basis>(o: &Cases, k: &str, dg: i64, (lo, hi): (f64, f64)) {
    let xs: Array<f64> = load(o.case(&format!("{k}_fx")));
    let ys: Array<f64> = load(o.case(&format!("{k}_fy")));
    let w: Array<f64> = load(o.case(&format!("{k}_fw")));
    let col = |j: usize| arr(&ys.to_vec().chunks(2).map(|r| r[j]).collect::<Vec<_>>());
    let f = Series::<B>::fit(&xs, &col(0), dg, None, None, None, None).unwrap();
    o.case(&format!("{k}_K_fit")).check(&f.coef());
    o.case(&format!("{k}_K_fit_domain")).check(&arr(&f.domain()));
    let f = Series::<B>::fit(&xs, &col(1), dg, Some([lo - 0.5, hi + 0.5]), None, Some(&w.to_vec()), None).unwrap();
    o.case(&format!("{k}_K_fit_w")).check(&f.coef());
    let f = Series::<B>::fit(&xs, &col(1), vec![1, dg], None, None, None, None).unwrap();
    o.case(&format!("{k}_K_fit_eval")).check(&f.call(&xs).unwrap());
}

fn printing_cases<B: Basis>(o: &Cases, p: &str) {
    let s = Series::<B>::new(&[1.0, -2.5, 3.0, 0.0, -0.125]).unwrap();
    o.case(&format!("{p}_str")).check_str(&s.to_string());
    o.case(&format!("{p}_ascii")).check_str(&s.to_ascii());
    o.case(&format!("{p}_repr")).check_str(&format!("{s:?}"));
    let s = Series::<B>::with(&[0.5, 1e9, -1e-7, f64::NAN], Some([0.0, 4.0]), None, "x").unwrap();
    o.case(&format!("{p}_str_domain")).check_str(&s.to_string());
    let s = Series::<B>::with(&[0.5, 1e9, -1e-7], Some([0.0, 4.0]), None, "t").unwrap();
    o.case(&format!("{p}_repr_domain")).check_str(&s.repr());
    let s = Series::<B>::with(&[1.0, 2.0, 3.0], Some([1.0, 3.0]), Some([0.0, 2.0]), "x").unwrap();
    o.case(&format!("{p}_ascii_shift")).check_str(&s.to_ascii());
    let s = Series::<B>::with(&[1.0, 2.0, 3.0], Some([-2.0, 2.0]), None, "x").unwrap();
    o.case(&format!("{p}_str_scale")).check_str(&s.to_unicode());
    let long: Vec<f64> = load::<f64>(o.case(&format!("{p}_long"))).to_vec();
    let s = Series::<B>::new(&long).unwrap();
    o.case(&format!("{p}_str_long")).check_str(&s.to_string());
    o.case(&format!("{p}_repr_long")).check_str(&format!("{s:?}"));
    let big: Vec<f64> = long.iter().map(|v| v * 1e4).collect();
    o.case(&format!("{p}_ascii_long")).check_str(&Series::<B>::new(&big).unwrap().to_ascii());
}

fn class_error_cases<B: Basis>(o: &Cases, p: &str) {
    let one = Series::<B>::new(&[1.0]).unwrap();
    let case = |s: &str| o.case(&format!("{p}_err_{s}"));
    err(case("domains"), &one.try_add(&Series::<B>::with(&[1.0], Some([0.0, 2.0]), None, "x").unwrap()).unwrap_err());
    err(case("windows"), &one.try_sub(&Series::<B>::with(&[1.0], None, Some([0.0, 2.0]), "x").unwrap()).unwrap_err());
    err(case("symbols"), &one.try_mul(&Series::<B>::with(&[1.0], None, None, "t").unwrap()).unwrap_err());
    let two = Series::<B>::new(&[1.0, 2.0]).unwrap();
    err(case("pow_neg"), &two.pow(-1).unwrap_err());
    err(case("pow_big"), &two.pow(101).unwrap_err());
    err(case("divzero"), &two.divmod(&Series::<B>::new(&[0.0]).unwrap()).unwrap_err());
    err(case("truncate"), &two.truncate(0).unwrap_err());
    err(case("trim"), &two.trim(-1.0).unwrap_err());
}

/// The module-function cases of one family, through its NumPy-named functions.
macro_rules! module_cases {
    ($test:ident, $p:literal, $B:ty, $m:ident :: {
        $val:ident, $vander:ident, $add:ident, $sub:ident, $mul:ident, $mulx:ident, $div:ident, $pow:ident,
        $der:ident, $int:ident, $fromroots:ident, $roots:ident, $companion:ident, $trim:ident, $fit:ident,
        $fit_full:ident, $line:ident
    } $(, conv: $to:ident, $from:ident)?) => {
        #[test]
        fn $test() {
            use $m::*;
            let o = oracle("polynomial/series");
            for n in LENS {
                let k = format!("{}_n{n}", $p);
                let case = |s: &str| o.case(&format!("{k}_{s}"));
                let c: Array<f64> = load(case("c"));
                let d: Array<f64> = load(case("d"));
                let x: Array<f64> = load(case("x"));
                let r: Array<f64> = load(case("r"));
                case("val").check(&$val(&x, &c).unwrap());
                case("vander").check(&$vander(&x, n as i64 - 1).unwrap());
                case("add").check(&$add(&c, &d).unwrap());
                case("sub").check(&$sub(&d, &c).unwrap());
                case("mul").check(&$mul(&c, &d).unwrap());
                case("mulx").check(&$mulx(&c).unwrap());
                let (q, rem) = $div(&c, &d).unwrap();
                case("div").check_item(0, &q);
                case("div").check_item(1, &rem);
                if n <= 5 {
                    case("pow3").check(&$pow(&c, 3, Some(16)).unwrap());
                }
                for m in 0..4 {
                    case(&format!("der{m}")).check(&$der(&c, m, 1.0).unwrap());
                }
                case("der2s").check(&$der(&c, 2, 1.5).unwrap());
                case("int1").check(&$int(&c, 1, &[], 0.0, 1.0).unwrap());
                case("int2").check(&$int(&c, 2, &[1.0, -2.0], 0.5, 1.5).unwrap());
                case("int3").check(&$int(&c, 3, &[0.25], 0.0, 1.0).unwrap());
                case("fromroots").check(&$fromroots(&r).unwrap());
                check_root_set(case("roots"), &$roots(&c).unwrap().to_vec());
                if n >= 2 {
                    case("companion").check(&$companion(&c).unwrap());
                }
                let mut ct = c.to_vec();
                ct.extend([1e-3, 0.0]);
                case("trim").check(&$trim(&arr(&ct), 0.01).unwrap());
                $(
                    case("2poly").check(&$to(&c).unwrap());
                    case("poly2").check(&$from(&c).unwrap());
                )?
                if n == 3 || n == 8 {
                    let cc: Array<C128> = load(case("cc"));
                    let xc: Array<C128> = load(case("xc"));
                    let dc = Array::from_vec(d.iter().map(|v| C128::new(v, 0.0)).collect());
                    case("cval").check(&$val(&xc, &cc).unwrap());
                    case("cmul").check(&$mul(&cc, &dc).unwrap());
                    case("cder").check(&$der(&cc, 1, C128::new(2.0, 0.0)).unwrap());
                    let zero = C128::new(0.0, 0.0);
                    case("cint").check(&$int(&cc, 1, &[C128::new(0.0, 1.0)], zero, C128::new(1.0, 0.0)).unwrap());
                }
                // fits
                let xs: Array<f64> = load(case("fx"));
                let ys: Array<f64> = load(case("fy"));
                let w: Array<f64> = load(case("fw"));
                let col = |j: usize| arr(&ys.to_vec().chunks(2).map(|r| r[j]).collect::<Vec<_>>());
                let dg = n.min(6) as i64;
                case("fit").check(&$fit(&xs, &col(0), dg, None, None).unwrap());
                case("fit_w").check(&$fit(&xs, &col(0), dg, None, Some(&w.to_vec())).unwrap());
                case("fit_2d").check(&$fit(&xs, &ys, dg, None, None).unwrap());
                case("fit_terms").check(&$fit(&xs, &col(1), FitDeg::Terms(vec![0, dg]), None, None).unwrap());
                let f = $fit_full(&xs, &col(1), dg, None, None).unwrap();
                let fc = case("fit_full");
                fc.check_item(0, &f.coef);
                fc.check_item(1, &f.residuals);
                fc.check_item(2, &scalar(f.rank));
                fc.check_item(3, &f.singular_values);
                fc.check_item(4, &scalar(f.rcond));
                class_cases::<$B>(&o, &k);
                fit_class_cases::<$B>(&o, &k, dg, if $p == "lag" { (0.0, 2.0) } else { (-1.0, 1.0) });
            }
            let p = $p;
            printing_cases::<$B>(&o, p);
            class_error_cases::<$B>(&o, p);
            let case = |s: &str| o.case(&format!("{p}_err_{s}"));
            let two = array![1.0, 2.0];
            err(case("der"), &$der(&two, -1, 1.0).unwrap_err());
            err(case("int"), &$int(&two, -1, &[], 0.0, 1.0).unwrap_err());
            err(case("int_k"), &$int(&two, 1, &[1.0, 2.0], 0.0, 1.0).unwrap_err());
            err(case("vander"), &$vander(&two, -1).unwrap_err());
            err(case("fit_deg"), &$fit(&two, &two, -1, None, None).unwrap_err());
            err(case("fit_terms"), &$fit(&two, &two, Vec::<i64>::new(), None, None).unwrap_err());
            err(case("fit_x2d"), &$fit(&Array::<f64>::ones(&[2, 2]).unwrap(), &two, 1, None, None).unwrap_err());
            err(case("fit_len"), &$fit(&two, &array![1.0, 2.0, 3.0], 1, None, None).unwrap_err());
            err(case("fit_w"), &$fit(&two, &two, 1, None, Some(&[1.0])).unwrap_err());
            err(case("companion"), &$companion(&array![1.0]).unwrap_err());
            err(case("pow_mod"), &$pow(&two, 17, Some(16)).unwrap_err());
            err(case("div_mod"), &$div(&two, &array![0.0]).unwrap_err());
            err(case("empty"), &$add(&Array::<f64>::from_vec(vec![]), &array![1.0]).unwrap_err());
            assert_eq!($line(1.5, -2.0).len(), 2);
        }
    };
}

module_cases!(polynomial_matches_numpy, "poly", PowerBasis, polynomial::{
    polyval, polyvander, polyadd, polysub, polymul, polymulx, polydiv, polypow, polyder, polyint, polyfromroots,
    polyroots, polycompanion, polytrim, polyfit, polyfit_full, polyline
});
module_cases!(chebyshev_matches_numpy, "cheb", ChebyshevBasis, chebyshev::{
    chebval, chebvander, chebadd, chebsub, chebmul, chebmulx, chebdiv, chebpow, chebder, chebint, chebfromroots,
    chebroots, chebcompanion, chebtrim, chebfit, chebfit_full, chebline
}, conv: cheb2poly, poly2cheb);
module_cases!(legendre_matches_numpy, "leg", nprs_linalg::polynomial::LegendreBasis, legendre::{
    legval, legvander, legadd, legsub, legmul, legmulx, legdiv, legpow, legder, legint, legfromroots,
    legroots, legcompanion, legtrim, legfit, legfit_full, legline
}, conv: leg2poly, poly2leg);
module_cases!(hermite_matches_numpy, "herm", nprs_linalg::polynomial::HermiteBasis, hermite::{
    hermval, hermvander, hermadd, hermsub, hermmul, hermmulx, hermdiv, hermpow, hermder, hermint, hermfromroots,
    hermroots, hermcompanion, hermtrim, hermfit, hermfit_full, hermline
}, conv: herm2poly, poly2herm);
module_cases!(hermite_e_matches_numpy, "herme", nprs_linalg::polynomial::HermiteEBasis, hermite_e::{
    hermeval, hermevander, hermeadd, hermesub, hermemul, hermemulx, hermediv, hermepow, hermeder, hermeint,
    hermefromroots, hermeroots, hermecompanion, hermetrim, hermefit, hermefit_full, hermeline
}, conv: herme2poly, poly2herme);
module_cases!(laguerre_matches_numpy, "lag", nprs_linalg::polynomial::LaguerreBasis, laguerre::{
    lagval, lagvander, lagadd, lagsub, lagmul, lagmulx, lagdiv, lagpow, lagder, lagint, lagfromroots,
    lagroots, lagcompanion, lagtrim, lagfit, lagfit_full, lagline
}, conv: lag2poly, poly2lag);

#[test]
fn aliases_name_their_classes() {
    assert_eq!(Polynomial::new(&[1.0]).unwrap().class_name(), "Polynomial");
    assert_eq!(Chebyshev::new(&[1.0]).unwrap().class_name(), "Chebyshev");
    assert_eq!(Legendre::new(&[1.0]).unwrap().class_name(), "Legendre");
    assert_eq!(Hermite::new(&[1.0]).unwrap().class_name(), "Hermite");
    assert_eq!(HermiteE::new(&[1.0]).unwrap().class_name(), "HermiteE");
    assert_eq!(Laguerre::new(&[1.0]).unwrap().domain(), [0.0, 1.0]);
}

/// Lines, identities, basis functions, casts, conversions to every family, 2-D and 3-D
/// functions and constants of one family.
macro_rules! more_cases {
    ($test:ident, $p:literal, $B:ty, $m:ident :: {
        $line:ident, $val2d:ident, $val3d:ident, $grid2d:ident, $grid3d:ident, $vander2d:ident, $vander3d:ident,
        $domain:ident, $zero:ident, $one:ident, $x:ident
    }) => {
        #[test]
        fn $test() {
            use nprs_linalg::polynomial::{HermiteBasis, HermiteEBasis, LaguerreBasis, LegendreBasis};
            use $m::*;
            let o = oracle("polynomial/series");
            let p = $p;
            let case = |s: &str| o.case(&format!("{p}_m_{s}"));
            let c: Array<f64> = load(case("c"));
            let c2: Array<f64> = load(case("c2"));
            let c3: Array<f64> = load(case("c3"));
            let [x, y, z, xg, yg]: [Array<f64>; 5] = ["x", "y", "z", "xg", "yg"].map(|v| load(case(v)));
            case("line").check(&$line(1.5, -2.0));
            case("identity").check(&Series::<$B>::identity(Some([0.0, 4.0]), None).coef());
            case("basis").check(&Series::<$B>::basis(3, Some([0.0, 2.0]), None).unwrap().coef());
            let leg = Legendre::with(&[1.0, 2.0, 3.0], Some([0.0, 2.0]), None, "x").unwrap();
            case("cast").check(&Series::<$B>::cast(&leg, None, None).coef());
            let pp = Series::<$B>::with(&c.to_vec(), Some([-2.0, 3.0]), None, "x").unwrap();
            case("convert_Polynomial").check(&pp.convert::<PowerBasis>(None, None).coef());
            case("convert_Chebyshev").check(&pp.convert::<ChebyshevBasis>(None, None).coef());
            case("convert_Legendre").check(&pp.convert::<LegendreBasis>(None, None).coef());
            case("convert_Hermite").check(&pp.convert::<HermiteBasis>(None, None).coef());
            case("convert_HermiteE").check(&pp.convert::<HermiteEBasis>(None, None).coef());
            case("convert_Laguerre").check(&pp.convert::<LaguerreBasis>(None, None).coef());
            case("val2d").check(&$val2d(&x, &y, &c2).unwrap());
            case("val3d").check(&$val3d(&x, &y, &z, &c3).unwrap());
            case("grid2d").check(&$grid2d(&xg, &yg, &c2).unwrap());
            case("grid3d").check(&$grid3d(&xg, &yg, &xg, &c3).unwrap());
            case("vander2d").check(&$vander2d(&x, &y, [2, 3]).unwrap());
            case("vander3d").check(&$vander3d(&x, &y, &z, [1, 2, 1]).unwrap());
            let y3 = Array::from_vec(y.to_vec()[..3].to_vec());
            err(case("val2d_bad"), &$val2d(&x, &y3, &c2).unwrap_err());
            err(case("vander2d_bad"), &$vander2d(&x, &y, [1, -1]).unwrap_err());
            err(case("symbol_bad"), &Series::<$B>::with(&[1.0], None, None, "1x").unwrap_err());
            err(case("basis_bad"), &Series::<$B>::basis(-1, None, None).unwrap_err());
            case("ascii_style").check_str(&pp.to_ascii());
            let q = Chebyshev::with(&[0.5, 0.25, -1.0], Some([0.0, 1.0]), None, "x").unwrap();
            case("call_series").check(&pp.call_series(&q).coef());
            case("call_series_domain").check(&arr(&pp.call_series(&q).domain()));
            let konst = |s: &str| o.case(&format!("{p}_const_{s}"));
            konst("domain").check(&$domain());
            konst("zero").check(&$zero());
            konst("one").check(&$one());
            konst("x").check(&$x());
        }
    };
}

more_cases!(polynomial_more, "poly", PowerBasis, polynomial::{
    polyline, polyval2d, polyval3d, polygrid2d, polygrid3d, polyvander2d, polyvander3d, polydomain, polyzero, polyone,
    polyx
});
more_cases!(chebyshev_more, "cheb", ChebyshevBasis, chebyshev::{
    chebline, chebval2d, chebval3d, chebgrid2d, chebgrid3d, chebvander2d, chebvander3d, chebdomain, chebzero, chebone,
    chebx
});
more_cases!(legendre_more, "leg", nprs_linalg::polynomial::LegendreBasis, legendre::{
    legline, legval2d, legval3d, leggrid2d, leggrid3d, legvander2d, legvander3d, legdomain, legzero, legone, legx
});
more_cases!(hermite_more, "herm", nprs_linalg::polynomial::HermiteBasis, hermite::{
    hermline, hermval2d, hermval3d, hermgrid2d, hermgrid3d, hermvander2d, hermvander3d, hermdomain, hermzero, hermone,
    hermx
});
more_cases!(hermite_e_more, "herme", nprs_linalg::polynomial::HermiteEBasis, hermite_e::{
    hermeline, hermeval2d, hermeval3d, hermegrid2d, hermegrid3d, hermevander2d, hermevander3d, hermedomain, hermezero,
    hermeone, hermex
});
more_cases!(laguerre_more, "lag", nprs_linalg::polynomial::LaguerreBasis, laguerre::{
    lagline, lagval2d, lagval3d, laggrid2d, laggrid3d, lagvander2d, lagvander3d, lagdomain, lagzero, lagone, lagx
});

macro_rules! quadrature_cases {
    ($test:ident, $p:literal, $m:ident :: { $gauss:ident, $weight:ident }) => {
        #[test]
        fn $test() {
            use $m::*;
            let o = oracle("polynomial/series");
            let p = $p;
            for n in [1, 2, 5, 12, 30] {
                let (x, w) = $gauss(n).unwrap();
                let c = o.case(&format!("{p}_gauss{n}"));
                c.check_item(0, &x);
                c.check_item(1, &w);
            }
            err(o.case(&format!("{p}_gauss_bad")), &$gauss(0).unwrap_err());
            let x: Array<f64> = load(o.case(&format!("{p}_wx")));
            o.case(&format!("{p}_weight")).check(&$weight(&x));
        }
    };
}

quadrature_cases!(chebyshev_quadrature, "cheb", chebyshev::{chebgauss, chebweight});
quadrature_cases!(legendre_quadrature, "leg", legendre::{leggauss, legweight});
quadrature_cases!(hermite_quadrature, "herm", hermite::{hermgauss, hermweight});
quadrature_cases!(hermite_e_quadrature, "herme", hermite_e::{hermegauss, hermeweight});
quadrature_cases!(laguerre_quadrature, "lag", laguerre::{laggauss, lagweight});

#[test]
fn chebyshev_points_and_interpolation() {
    use chebyshev::{chebinterpolate, chebpts1, chebpts2};
    let o = oracle("polynomial/series");
    for n in [1, 2, 7, 20] {
        o.case(&format!("chebpts1_{n}")).check(&chebpts1(n).unwrap());
        if n >= 2 {
            o.case(&format!("chebpts2_{n}")).check(&chebpts2(n).unwrap());
        }
    }
    err(o.case("chebpts1_bad"), &chebpts1(0).unwrap_err());
    err(o.case("chebpts2_bad"), &chebpts2(1).unwrap_err());
    o.case("chebinterpolate_cos").check(&chebinterpolate(f64::cos, 8).unwrap());
    o.case("chebinterpolate_tanh").check(&chebinterpolate(f64::tanh, 5).unwrap());
    err(o.case("chebinterpolate_bad"), &chebinterpolate(f64::cos, -1).unwrap_err());
}

#[test]
fn polyvalfromroots_matches_numpy() {
    let o = oracle("polynomial/series");
    let x: Array<f64> = load(o.case("valfromroots_x"));
    let r: Array<f64> = load(o.case("valfromroots_r"));
    o.case("valfromroots").check(&polynomial::polyvalfromroots(&x, &r).unwrap());
}

#[test]
#[should_panic(expected = "Domains differ")]
fn operators_panic_with_numpy_message_on_differing_domains() {
    let p = Chebyshev::new(&[1.0, 2.0]).unwrap();
    let q = Chebyshev::with(&[1.0], Some([0.0, 2.0]), None, "x").unwrap();
    let _ = &p + &q;
}

#[test]
fn polyutils_match_numpy() {
    use nprs_linalg::polynomial::polyutils::{as_series, getdomain, mapdomain, mapparms, trimcoef, trimseq};
    use nprs_testkit::Value;
    let o = oracle("polynomial/series");
    let x: Array<f64> = load(o.case("pu_x"));
    let c: Array<f64> = load(o.case("pu_c"));
    o.case("pu_mapdomain").check(&mapdomain(&x, [-3.0, 3.0], [0.0, 1.0]).unwrap());
    let (off, scl) = mapparms([-3.0, 3.0], [0.0, 1.0]);
    o.case("pu_mapparms").check_with(
        |v| match v {
            Value::List(items) => items.iter().map(|i| if let Value::Float(f) = i { *f } else { f64::NAN }).collect(),
            _ => Vec::new(),
        },
        vec![off, scl],
    );
    o.case("pu_getdomain").check(&arr(&getdomain(&x.to_vec()).unwrap()));
    o.case("pu_trimseq").check(&arr(&trimseq(&c.to_vec())));
    o.case("pu_trimcoef").check(&trimcoef(&c, 1e-3).unwrap());
    o.case("pu_as_series").check(&as_series(&c, true).unwrap());
    o.case("pu_as_series_notrim").check(&as_series(&c, false).unwrap());
    err(o.case("pu_trimcoef_bad"), &trimcoef(&c, -1.0).unwrap_err());
    err(o.case("pu_as_series_empty"), &as_series(&Array::<f64>::from_vec(vec![]), true).unwrap_err());
}

fn printoption_cases<B: Basis>(o: &Cases) {
    use nprs_core::{FloatMode, PrintOptions, Sign, with_printoptions};
    let a: Array<f64> = load(o.case("po_a"));
    let name = B::NAME;
    let s = Series::<B>::with(&a.to_vec(), Some([0.0, 3.0]), None, "x").unwrap();
    let got = with_printoptions(PrintOptions { precision: 3, ..PrintOptions::default() }, || s.to_string());
    o.case(&format!("po_{name}_prec3")).check_str(&got);
    let s = Series::<B>::new(&a.to_vec()).unwrap();
    let fixed = PrintOptions { precision: 4, floatmode: FloatMode::Fixed, sign: Sign::Plus, ..PrintOptions::default() };
    o.case(&format!("po_{name}_fixed")).check_str(&with_printoptions(fixed, || s.to_unicode()));
    let narrow = PrintOptions { linewidth: 30, ..PrintOptions::default() };
    o.case(&format!("po_{name}_narrow")).check_str(&with_printoptions(narrow, || s.to_ascii()));
}

#[test]
fn printing_follows_print_options() {
    use nprs_linalg::polynomial::{HermiteBasis, HermiteEBasis, LaguerreBasis, LegendreBasis};
    let o = oracle("polynomial/series");
    printoption_cases::<PowerBasis>(&o);
    printoption_cases::<ChebyshevBasis>(&o);
    printoption_cases::<LegendreBasis>(&o);
    printoption_cases::<HermiteBasis>(&o);
    printoption_cases::<HermiteEBasis>(&o);
    printoption_cases::<LaguerreBasis>(&o);
}

fn latex_and_predicates<B: Basis>(o: &Cases) {
    use nprs_testkit::{Elems, Value};
    let name = B::NAME;
    let s = Series::<B>::new(&[1.0, -2.5, 0.0, 3.0, 1e-9]).unwrap();
    o.case(&format!("tex_{name}")).check_str(&s.to_latex());
    let s = Series::<B>::with(&[0.5, 0.0, -1e9], Some([0.0, 2.0]), None, "t").unwrap();
    o.case(&format!("tex_{name}_domain")).check_str(&s.to_latex());
    let s = Series::<B>::with(&[0.5, 2.0], Some([1.0, 3.0]), Some([0.0, 2.0]), "x").unwrap();
    o.case(&format!("tex_{name}_shift")).check_str(&s.to_latex());
    let p = Series::<B>::new(&[1.0, 2.0, 3.0]).unwrap();
    let q = Series::<B>::with(&[1.0, 2.0, 3.0], Some([0.0, 1.0]), None, "x").unwrap();
    let r = Series::<B>::new(&[1.0, 2.0]).unwrap();
    let c = o.case(&format!("same_{name}"));
    let Value::List(items) = &c.result else { panic!("a tuple was recorded") };
    let as_bool = |v: &Value| match v {
        Value::Bool(b) => Some(*b),
        Value::Scalar(a) => match &a.data {
            Elems::Bool(b) => b.first().copied(),
            _ => None,
        },
        _ => None,
    };
    c.assert_item(0, items[0] == Value::Int(p.len() as i128), "len");
    let got =
        [p.has_samecoef(&q), p.has_samecoef(&r), p.has_samedomain(&q), p.has_samewindow(&q), p == q, p == p.clone()];
    for (i, g) in got.iter().enumerate() {
        c.assert_item(i + 1, as_bool(&items[i + 1]) == Some(*g), "predicate");
    }
}

#[test]
fn latex_and_predicates_match_numpy() {
    use nprs_linalg::polynomial::{HermiteBasis, HermiteEBasis, LaguerreBasis, LegendreBasis};
    let o = oracle("polynomial/series");
    latex_and_predicates::<PowerBasis>(&o);
    latex_and_predicates::<ChebyshevBasis>(&o);
    latex_and_predicates::<LegendreBasis>(&o);
    latex_and_predicates::<HermiteBasis>(&o);
    latex_and_predicates::<HermiteEBasis>(&o);
    latex_and_predicates::<LaguerreBasis>(&o);
}
