//! The elementwise helpers (`clip`, `isclose`, `allclose`, `nan_to_num`, `real`, `imag`,
//! `angle`, `real_if_close`, `round`, `select`) against NumPy (`ufunc/elementwise`), per
//! dtype on 1003 random values with special values, and NumPy's errors.

use crate::common;

use common::{DTYPES, compare_dyn, load_dyn_case};
use nprs_core::dynarray::{DynArray, DynView, Operand};
use nprs_core::prelude::*;
use nprs_core::{UfuncOptions, array};
use nprs_testkit::{Value, oracle};
use nprs_ufunc::{IsClose, NanToNum, ufuncs};

/// The numeric dtypes without bool (`DTYPES` starts with it).
const NUMERIC: &[&str] = DTYPES.split_first().unwrap().1;

fn v(a: &DynArray) -> DynView<'_> {
    a.view()
}

fn op(a: &DynArray) -> Operand<'_> {
    a.into()
}

#[test]
fn clip_matches_numpy_per_dtype() {
    let c = oracle("ufunc/elementwise");
    for t in NUMERIC.iter().copied().chain(["bool"]) {
        let x = load_dyn_case(c.case(&format!("x/{t}")));
        let case = |k: &str| c.case(&format!("clip/{t}/{k}"));
        if t == "bool" {
            compare_dyn(case("scalars"), nprs_ufunc::clip_dyn(&x, Some(0.into()), Some(1.into())));
            compare_dyn(case("none"), nprs_ufunc::clip_dyn(&x, None, None));
            continue;
        }
        compare_dyn(case("scalars"), nprs_ufunc::clip_dyn(&x, Some(3.into()), Some(20.into())));
        compare_dyn(case("lo_only"), nprs_ufunc::clip_dyn(&x, Some(3.into()), None));
        compare_dyn(case("hi_only"), nprs_ufunc::clip_dyn(&x, None, Some(20.into())));
        compare_dyn(case("none"), nprs_ufunc::clip_dyn(&x, None, None));
        compare_dyn(case("float_bounds"), nprs_ufunc::clip_dyn(&x, Some((-2.5).into()), Some(7.5.into())));
        let lo = load_dyn_case(case("arrays/lo"));
        let hi = load_dyn_case(case("arrays/hi"));
        compare_dyn(case("arrays"), nprs_ufunc::clip_dyn(&x, Some(op(&lo)), Some(op(&hi))));
    }
}

#[test]
fn clip_bounds_nan_and_python_ints_match_numpy() {
    let c = oracle("ufunc/elementwise");
    let f = DynArray::from(array![f64::NAN, 1.0, -3.0, 0.25]);
    let i = DynArray::from(array![1i8, 50, 120]);
    let u = DynArray::from(array![0u8, 7, 200]);
    let clip = |a: &DynArray, lo: Option<Operand<'_>>, hi: Option<Operand<'_>>| nprs_ufunc::clip_dyn(a, lo, hi);
    compare_dyn(c.case("clip_nan_lo"), clip(&f, Some(f64::NAN.into()), Some(2.into())));
    compare_dyn(c.case("clip_nan_hi"), clip(&f, Some(0.into()), Some(f64::NAN.into())));
    compare_dyn(c.case("clip_int8_300"), clip(&i, Some(10.into()), Some(300.into())));
    compare_dyn(c.case("clip_int8_minus_1000"), clip(&i, Some((-1000).into()), Some(100.into())));
    compare_dyn(c.case("clip_uint8_minus1"), clip(&u, Some((-1).into()), Some(100.into())));
    compare_dyn(c.case("clip_int8_overflow"), clip(&i, Some(200.into()), Some(300.into())));
    compare_dyn(c.case("clip_crossed"), clip(&f, Some(1.into()), Some(0.into())));
    let lo = DynArray::from(array![[0.0], [0.5]]);
    compare_dyn(c.case("clip_broadcast"), clip(&f, Some(op(&lo)), Some(1.0.into())));
    let z = DynArray::zeros(&[3], &DType::Float64.into()).unwrap();
    compare_dyn(c.case("clip_bad_shape"), clip(&f, Some(op(&z)), Some(1.0.into())));
    // The typed form keeps the element type.
    assert_eq!(nprs_ufunc::clip(&array![1i8, 50, 120], Some(10), Some(100)).unwrap().to_vec(), vec![10, 50, 100]);
}

#[test]
fn round_matches_numpy_per_dtype_and_decimals() {
    let c = oracle("ufunc/elementwise");
    for &t in NUMERIC {
        let x = load_dyn_case(c.case(&format!("x/{t}")));
        for d in [-2, -1, 0, 1, 3] {
            compare_dyn(c.case(&format!("round/{t}/{d}")), nprs_ufunc::round_dyn(&x, d));
        }
    }
    let b = load_dyn_case(c.case("x/bool"));
    compare_dyn(c.case("round/bool/0"), nprs_ufunc::round_dyn(&b, 0));
    compare_dyn(c.case("round/bool/1"), nprs_ufunc::around_dyn(&b, 1));
    compare_dyn(c.case("round/bool/-1"), nprs_ufunc::round_dyn(&b, -1));
}

#[test]
fn nan_to_num_and_parts_match_numpy_per_dtype() {
    let c = oracle("ufunc/elementwise");
    for &t in NUMERIC {
        let x = load_dyn_case(c.case(&format!("x/{t}")));
        let case = |k: &str| c.case(k);
        compare_dyn(case(&format!("nan_to_num/{t}/default")), nprs_ufunc::nan_to_num_dyn(&x, &NanToNum::new()));
        let r = NanToNum::new().nan(-1.5).posinf(1e10).neginf(-7.0);
        compare_dyn(case(&format!("nan_to_num/{t}/values")), nprs_ufunc::nan_to_num_dyn(&x, &r));
        compare_dyn(case(&format!("parts/{t}/real")), nprs_ufunc::real_dyn(&x));
        compare_dyn(case(&format!("parts/{t}/imag")), nprs_ufunc::imag_dyn(&x));
        compare_dyn(case(&format!("parts/{t}/angle")), nprs_ufunc::angle_dyn(&x, false));
        compare_dyn(case(&format!("parts/{t}/angle_deg")), nprs_ufunc::angle_dyn(&x, true));
    }
    let b = DynArray::from(array![true, false]);
    compare_dyn(c.case("angle_bool"), nprs_ufunc::angle_dyn(&b, false));
}

#[test]
fn isclose_and_allclose_match_numpy_per_dtype() {
    let c = oracle("ufunc/elementwise");
    for &t in NUMERIC {
        let x = load_dyn_case(c.case(&format!("isclose/{t}/x")));
        let y = load_dyn_case(c.case(&format!("isclose/{t}/y")));
        let case = |k: &str| c.case(&format!("isclose/{t}/{k}"));
        compare_dyn(case("default"), nprs_ufunc::isclose_dyn(op(&x), op(&y), &IsClose::new()));
        let strict = IsClose::new().rtol(1e-7).atol(0.0).equal_nan(true);
        compare_dyn(case("equal_nan"), nprs_ufunc::isclose_dyn(op(&x), op(&y), &strict));
        let all = nprs_ufunc::allclose_dyn(op(&x), op(&y), &IsClose::new().rtol(1e-3).atol(1e-5)).unwrap();
        case("allclose").check_with(Clone::clone, Value::Bool(all));
    }
}

#[test]
fn isclose_real_if_close_and_select_cases_match_numpy() {
    let c = oracle("ufunc/elementwise");
    let f = DynArray::from(array![f64::NAN, 1.0, -3.0, 0.25]);
    let i = DynArray::from(array![1i8, 50, 120]);
    let u = DynArray::from(array![0u8, 7, 200]);
    let tol = IsClose::new();
    let r = nprs_ufunc::isclose_dyn(1.into(), (1.0 + 1e-9).into(), &tol);
    compare_dyn(c.case("isclose_scalars"), r);
    let col = f.reshape(&[4, 1]).unwrap().into_owned();
    let row = DynArray::from(array![1.0, 0.25]);
    compare_dyn(c.case("isclose_broadcast"), nprs_ufunc::isclose_dyn(op(&col), op(&row), &tol));
    let z = DynArray::zeros(&[3], &DType::Float64.into()).unwrap();
    compare_dyn(c.case("isclose_bad_shape"), nprs_ufunc::isclose_dyn(op(&f), op(&z), &tol));
    let m = DynArray::from(array![-128i8, 127]);
    compare_dyn(c.case("isclose_int_min"), nprs_ufunc::isclose_dyn(op(&m), op(&m), &tol));
    let e = DynArray::zeros(&[0], &DType::Float64.into()).unwrap();
    let all = nprs_ufunc::allclose_dyn(op(&e), op(&e), &tol).unwrap();
    c.case("allclose_empty").check_with(Clone::clone, Value::Bool(all));

    let z128 = DynArray::from(array![C128::new(1.0, 1e-15), C128::new(2.0, -3e-15)]);
    compare_dyn(c.case("real_if_close_c128"), nprs_ufunc::real_if_close_dyn(&z128, 100.0));
    let z64 = DynArray::from(array![C64::new(1.0, 1e-6), C64::new(2.0, 0.0)]);
    compare_dyn(c.case("real_if_close_c64"), nprs_ufunc::real_if_close_dyn(&z64, 100.0));
    let far = DynArray::from(array![C128::new(1.0, 1e-10), C128::new(2.0, 0.0)]);
    compare_dyn(c.case("real_if_close_far"), nprs_ufunc::real_if_close_dyn(&far, 100.0));
    compare_dyn(c.case("real_if_close_tol"), nprs_ufunc::real_if_close_dyn(&far, 1e-9));
    compare_dyn(c.case("real_if_close_real"), nprs_ufunc::real_if_close_dyn(&i, 100.0));

    let o = UfuncOptions::new;
    let pos = ufuncs::GREATER.call(&[op(&f), 0.into()], o()).unwrap();
    let negs = ufuncs::LESS.call(&[op(&f), 0.into()], o()).unwrap();
    let f10 = ufuncs::MULTIPLY.call(&[op(&f), 10.into()], o()).unwrap();
    let r = nprs_ufunc::select_dyn(&[v(&pos), v(&negs)], &[op(&f), op(&f10)], &(-1.0).into());
    compare_dyn(c.case("select_basic"), r);
    let i5 = ufuncs::GREATER.call(&[op(&i), 5.into()], o()).unwrap();
    compare_dyn(c.case("select_weak_default"), nprs_ufunc::select_dyn(&[v(&i5)], &[op(&i)], &2.into()));
    let i100 = ufuncs::GREATER.call(&[op(&i), 100.into()], o()).unwrap();
    let r = nprs_ufunc::select_dyn(&[v(&i5), v(&i100)], &[op(&i), op(&u)], &0.5.into());
    compare_dyn(c.case("select_promote"), r);
    let colc = DynArray::from(array![[true], [false]]);
    let r = nprs_ufunc::select_dyn(&[v(&colc), v(&pos)], &[op(&f), 7.0.into()], &(-1.0).into());
    compare_dyn(c.case("select_broadcast"), r);
    compare_dyn(c.case("select_lengths"), nprs_ufunc::select_dyn(&[v(&i5)], &[op(&i), op(&i)], &0.into()));
    compare_dyn(c.case("select_empty"), nprs_ufunc::select_dyn(&[], &[], &0.into()));
    compare_dyn(c.case("select_not_bool"), nprs_ufunc::select_dyn(&[v(&i)], &[op(&i)], &0.into()));
    let (t3, t4) = (DynArray::from(array![true, true, true]), DynArray::from(array![true, true, true, true]));
    let r = nprs_ufunc::select_dyn(&[v(&t3), v(&t4)], &[1.into(), 2.into()], &0.into());
    compare_dyn(c.case("select_bad_shape"), r);
}

#[test]
fn sinc_and_unwrap_match_numpy() {
    let c = oracle("ufunc/elementwise");
    for t in ["int8", "int64", "float16", "float32", "float64", "complex64", "complex128"] {
        let x = load_dyn_case(c.case(&format!("sinc/{t}/x")));
        compare_dyn(c.case(&format!("sinc/{t}")), nprs_ufunc::sinc_dyn(&x));
    }
    let tau = std::f64::consts::TAU;
    for t in ["float32", "float64", "int64"] {
        let x = load_dyn_case(c.case(&format!("unwrap/{t}/x")));
        let case = |k: &str| c.case(&format!("unwrap/{t}/{k}"));
        compare_dyn(case("last"), nprs_ufunc::unwrap_dyn(&x, None, -1, tau));
        compare_dyn(case("axis0"), nprs_ufunc::unwrap_dyn(&x, None, 0, tau));
        compare_dyn(case("discont"), nprs_ufunc::unwrap_dyn(&x, Some(4.0), 1, tau));
        compare_dyn(case("period"), nprs_ufunc::unwrap_dyn(&x, None, -1, 360.0));
    }
    let z = DynArray::zeros(&[2, 3], &DType::Float64.into()).unwrap();
    compare_dyn(c.case("unwrap_axis_error"), nprs_ufunc::unwrap_dyn(&z, None, 2, tau));
    let one = DynArray::from(array![5.0]);
    compare_dyn(c.case("unwrap_one"), nprs_ufunc::unwrap_dyn(&one, None, -1, tau));
}

#[test]
fn piecewise_matches_numpy() {
    use nprs_ufunc::Piece;
    let c = oracle("ufunc/elementwise");
    let x = load_dyn_case(c.case("piecewise/x"));
    let k = load_dyn_case(c.case("piecewise/k"));
    let o = UfuncOptions::new;
    let cmp = |a: &DynArray, u: &nprs_ufunc::Ufunc, b: Operand<'_>| u.call(&[op(a), b], o()).unwrap();
    let neg = |v: &DynArray| ufuncs::NEGATIVE.call(&[op(v)], o());
    let same = |v: &DynArray| Ok(v.clone());
    let double = |v: &DynArray| ufuncs::MULTIPLY.call(&[op(v), 2.into()], o());
    let ten = |v: &DynArray| ufuncs::MULTIPLY.call(&[op(v), 10.into()], o());
    let five = |v: &DynArray| {
        let z = ufuncs::MULTIPLY.call(&[op(v), 0.into()], o())?;
        ufuncs::ADD.call(&[op(&z), 5.into()], o())
    };
    let (lt0, ge0) = (cmp(&x, &ufuncs::LESS, 0.into()), cmp(&x, &ufuncs::GREATER_EQUAL, 0.into()));
    let r = nprs_ufunc::piecewise_dyn(&x, &[v(&lt0), v(&ge0)], &[Piece::Func(&neg), Piece::Func(&same)]);
    compare_dyn(c.case("piecewise_abs"), r);
    let (lo, hi) = (cmp(&x, &ufuncs::LESS, (-1).into()), cmp(&x, &ufuncs::GREATER, 1.into()));
    let pieces = [Piece::Value((-1.0).into()), Piece::Value(1.0.into()), Piece::Func(&double)];
    compare_dyn(c.case("piecewise_otherwise"), nprs_ufunc::piecewise_dyn(&x, &[v(&lo), v(&hi)], &pieces));
    let even = cmp(&cmp(&k, &ufuncs::REMAINDER, 2.into()), &ufuncs::EQUAL, 0.into());
    let pieces = [Piece::Func(&ten), Piece::Value(7.into())];
    compare_dyn(c.case("piecewise_int"), nprs_ufunc::piecewise_dyn(&k, &[v(&even)], &pieces));
    let none = cmp(&x, &ufuncs::GREATER, 100.into());
    compare_dyn(c.case("piecewise_none_selected"), nprs_ufunc::piecewise_dyn(&x, &[v(&none)], &[Piece::Func(&five)]));
    let pieces = [Piece::Value(1.0.into()), Piece::Value(2.0.into()), Piece::Value(3.0.into())];
    compare_dyn(c.case("piecewise_count"), nprs_ufunc::piecewise_dyn(&x, &[v(&lt0)], &pieces));
}
