//! numpy.ma ufuncs against NumPy (`tests/oracle/groups/ma/ufuncs.py`): masks ORed, domains
//! masked, the data under the mask as numpy.ma leaves it.

use crate::common;

use common::{check_dyn, check_ma, input, plain};
use nprs_core::{Array, DynArray};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Cases, oracle};

const UNARY: [(&str, &[&str]); 18] = [
    ("sqrt", &["f64", "f32", "f16", "i64", "i8", "c128"]),
    ("absolute", &["f64", "i8", "c128"]),
    ("negative", &["f64", "i64", "u8"]),
    ("floor", &["f64", "f32"]),
    ("ceil", &["f64"]),
    ("logical_not", &["f64", "b"]),
    ("fabs", &["f64"]),
    ("conjugate", &["c128"]),
    ("log", &["f64", "i64", "c128"]),
    ("log2", &["f64"]),
    ("log10", &["f64", "i64"]),
    ("exp", &["f64"]),
    ("sin", &["f64"]),
    ("tan", &["f64"]),
    ("arcsin", &["f64"]),
    ("arccos", &["f64"]),
    ("arccosh", &["f64"]),
    ("arctanh", &["f64"]),
];
/// Pairs for `power` (floats only: an integer to a negative integer power is an error).
const POWER_PAIRS: [(&str, &str); 2] = [("f64", "f64"), ("i64", "f64")];
const BINARY: [&str; 12] = [
    "add",
    "subtract",
    "multiply",
    "divide",
    "floor_divide",
    "remainder",
    "fmod",
    "equal",
    "less",
    "greater_equal",
    "logical_and",
    "bitwise_and",
];
const PAIRS: [(&str, &str); 6] =
    [("f64", "f64"), ("f32", "f32"), ("i64", "i64"), ("i8", "i8"), ("i8", "f32"), ("u8", "i8")];

fn ufunc(name: &str) -> &'static nprs_ufunc::Ufunc {
    nprs_ufunc::by_name(name).unwrap_or_else(|| panic!("no ufunc {name}"))
}

/// The first `n` elements (reversed when `rev`) of a 1-d masked input.
fn part(m: &MaskedArray, n: usize, rev: bool) -> (MaskedArray, DynArray) {
    let idx: Vec<isize> = if rev { (0..m.size() as isize).rev().take(n).collect() } else { (0..n as isize).collect() };
    let x = m.data().take(&idx, Some(0)).unwrap();
    let mk = DynArray::from(m.mask_array().unwrap()).take(&idx, Some(0)).unwrap().into_typed::<bool>().unwrap();
    (ma::masked_array(x.clone(), &mk).unwrap(), x)
}

/// `two(a, b)` of the case file: A, xa, B, xb.
fn two(o: &Cases, a: &str, b: &str) -> (MaskedArray, DynArray, MaskedArray, DynArray) {
    let (ia, ib) = (input(o, a), input(o, b));
    let n = ia.size().min(ib.size());
    let (ma_, xa) = part(&ia, n, false);
    let (mb, xb) = part(&ib, n, true);
    (ma_, xa, mb, xb)
}

#[test]
fn unary_ufuncs_mask_domains_and_keep_numpy_data() {
    let o = oracle("ma/ufuncs");
    for (f, names) in UNARY {
        for n in names {
            let m = input(&o, n);
            let r = ma::apply(ufunc(f), &[(&m).into()]).unwrap();
            check_ma(o.case(&format!("{f}_{n}")), &r);
            let x = plain(&o, n);
            let r = ma::apply(ufunc(f), &[(&MaskedArray::new(x)).into()]).unwrap();
            check_ma(o.case(&format!("{f}_nomask_{n}")), &r);
        }
    }
}

#[test]
fn binary_ufuncs_or_masks_and_mask_unsafe_division() {
    let o = oracle("ma/ufuncs");
    for f in BINARY {
        for (a, b) in PAIRS {
            if f == "bitwise_and" && (a.starts_with('f') || b.starts_with('f')) {
                continue;
            }
            let (ma_, xa, mb, xb) = two(&o, a, b);
            let u = ufunc(f);
            check_ma(o.case(&format!("{f}_{a}_{b}")), &ma::apply(u, &[(&ma_).into(), (&mb).into()]).unwrap());
            check_ma(o.case(&format!("{f}_plain_{a}_{b}")), &ma::apply(u, &[(&ma_).into(), (&xb).into()]).unwrap());
            let (pa, pb) = (MaskedArray::new(xa), MaskedArray::new(xb));
            check_ma(o.case(&format!("{f}_nomask_{a}_{b}")), &ma::apply(u, &[(&pa).into(), (&pb).into()]).unwrap());
        }
    }
}

#[test]
fn power_masks_its_domain() {
    let o = oracle("ma/ufuncs");
    let u = ufunc("power");
    for (a, b) in POWER_PAIRS {
        let (ma_, _, mb, xb) = two(&o, a, b);
        check_ma(o.case(&format!("power_{a}_{b}")), &ma::apply(u, &[(&ma_).into(), (&mb).into()]).unwrap());
        check_ma(o.case(&format!("power_plain_{a}_{b}")), &ma::apply(u, &[(&ma_).into(), (&xb).into()]).unwrap());
    }
}

#[test]
fn python_scalars_are_strong_zero_d_arrays() {
    let o = oracle("ma/ufuncs");
    let (two_, zero, three_half) =
        (ma::scalar_array(2i64).unwrap(), ma::scalar_array(0i64).unwrap(), ma::scalar_array(3.5).unwrap());
    for f in ["add", "divide", "floor_divide", "remainder", "multiply"] {
        for n in ["f64", "f32", "i64", "i8"] {
            let m = input(&o, n);
            let u = ufunc(f);
            check_ma(o.case(&format!("{f}_scalar_{n}")), &ma::apply(u, &[(&m).into(), (&two_).into()]).unwrap());
            check_ma(o.case(&format!("{f}_scalar0_{n}")), &ma::apply(u, &[(&m).into(), (&zero).into()]).unwrap());
            let r = ma::apply(u, &[(&three_half).into(), (&m).into()]).unwrap();
            check_ma(o.case(&format!("{f}_rscalar_{n}")), &r);
        }
    }
}

#[test]
fn broadcasting_operators_and_fill_values() {
    let o = oracle("ma/ufuncs");
    let m = input(&o, "m2");
    let row = ma::masked_array(
        DynArray::from(Array::from_vec(vec![-2.0f64, -1.0, 0.0, 1.0, 2.0])),
        &Array::from_vec(vec![false, false, true, false, false]),
    )
    .unwrap();
    check_ma(o.case("add_broadcast"), &ma::add(&m, &row).unwrap());
    check_ma(o.case("divide_broadcast"), &ma::divide(&m, &row).unwrap());
    let (a, _, b, _) = two(&o, "f64", "f64");
    check_ma(o.case("op_add"), &(&a + &b));
    check_ma(o.case("op_sub"), &(&a - &b));
    check_ma(o.case("op_mul"), &(&a * &b));
    check_ma(o.case("op_div"), &(&a / &b));
    let a = ma::masked_array_with(
        DynArray::from(Array::from_vec(vec![1.0f64, 4.0])),
        &ma::MaOptions::new().mask(&Array::from_vec(vec![false, true])).fill_value(-3.0),
    )
    .unwrap();
    check_dyn(o.case("fill_passes_on"), &ma::sqrt(&a).unwrap().fill_value().unwrap().view());
}

#[test]
fn wrong_arity_is_an_error_not_a_panic() {
    let a = MaskedArray::new(DynArray::from(Array::from_vec(vec![1.0f64])));
    let e = ma::apply(ufunc("add"), &[(&a).into()]).unwrap_err();
    assert_eq!(e.numpy_kind(), "TypeError");
}

#[test]
fn floating_point_conditions_are_ignored_as_numpy_ma_does() {
    use nprs_core::fpstatus::{ErrAction, ErrState, errstate};
    let o = oracle("ma/ufuncs");
    let m = input(&o, "f64");
    // sqrt of negative numbers (a domain) and division by zero raise nothing, as in numpy.ma.
    let r = errstate(ErrState::all(ErrAction::Raise), || ma::apply(ufunc("sqrt"), &[(&m).into()])).unwrap();
    check_ma(o.case("sqrt_f64"), &r);
    let (a, _, b, _) = two(&o, "f64", "f64");
    let r = errstate(ErrState::all(ErrAction::Raise), || ma::divide(&a, &b)).unwrap();
    check_ma(o.case("divide_f64_f64"), &r);
}
