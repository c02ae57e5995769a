//! numpy.ma's comparisons and mask/fill-value helpers against NumPy
//! (`tests/oracle/groups/ma/helpers.py`): `allclose`, `allequal`, `is_mask`,
//! `count_masked`, `flatten_mask`, `maximum_fill_value`, `minimum_fill_value`,
//! `common_fill_value`.

use crate::common;

use common::{check_dyn, dyn_of, input, plain};
use nprs_core::{Array, Descr, DynArray, DynView, Scalar};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, Elems, Value, oracle};

const NAMES: [&str; 14] = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "m2", "i2", "big", "big2", "mid", "d3"];
const DTYPES: [&str; 18] = [
    "float64",
    "float32",
    "float16",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "bool",
    "complex64",
    "complex128",
    "datetime64[s]",
    "timedelta64[ms]",
    "U3",
    "S2",
];

/// A recorded truth value: a Python bool or a NumPy bool scalar.
fn truth(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Scalar(a) => matches!(&a.data, Elems::Bool(b) if b[0]),
        other => panic!("not a truth value: {other:?}"),
    }
}

fn check_truth(c: &Case, got: ma::Result<bool>) {
    c.check_with(truth, got.unwrap());
}

/// NumPy's `y`: `x` where unmasked, `x * 2 + 1` (`~x` for bools) where masked.
fn other(m: &MaskedArray) -> MaskedArray {
    let x = m.data();
    let alt = if x.dtype().name() == "bool" {
        ma::logical_not(x).unwrap().into_data()
    } else {
        let two = DynArray::from(Array::from_elem_0d(2i64));
        let one = DynArray::from(Array::from_elem_0d(1i64));
        let t = ma::multiply(x, &two).unwrap().into_data();
        ma::add(&t, &one).unwrap().into_data()
    };
    let mk = m.mask_array().unwrap();
    let d = nprs_ufunc::select::where_dyn(&DynArray::from(mk.clone()), &alt, x).unwrap();
    ma::masked_array(d, &mk).unwrap()
}

#[test]
fn allequal_and_allclose() {
    let o = oracle("ma/helpers");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let y = other(&m);
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check_truth(c("allequal"), ma::allequal(&m, &y, true));
        check_truth(c("allequal_nofill"), ma::allequal(&m, &y, false));
        check_truth(c("allequal_plain"), ma::allequal(&m, y.data(), true));
        check_truth(c("allequal_nomask"), ma::allequal(&p, p.data(), true));
        check_truth(c("allequal_nomask_nofill"), ma::allequal(&p, p.data(), false));
        check_truth(c("allclose"), ma::allclose(&m, &y, true, 1e-5, 1e-8));
        check_truth(c("allclose_unmasked"), ma::allclose(&m, &y, false, 1e-5, 1e-8));
        check_truth(c("allclose_plain"), ma::allclose(&m, y.data(), true, 1e-5, 1e-8));
        check_truth(c("allclose_self"), ma::allclose(&p, p.data(), true, 1e-5, 1e-8));
        if n != "b" {
            let k = DynArray::from(Array::from_elem_0d(1.000001f64));
            let near = ma::multiply(&m, &k).unwrap();
            check_truth(c("allclose_near"), ma::allclose(&m, &near, true, 1e-5, 1e-8));
            let one = DynArray::from(Array::from_elem_0d(1i64));
            let far = ma::add(&m, &one).unwrap();
            check_truth(c("allclose_far"), ma::allclose(&m, &far, true, 0.01, 0.5));
        }
    }
    let a = ma::masked_array(
        DynArray::from(nprs_core::array![1.0, f64::INFINITY, f64::NEG_INFINITY, 3.0]),
        &nprs_core::array![false, false, false, true],
    )
    .unwrap();
    check_truth(o.case("allclose_inf"), ma::allclose(&a, &a, true, 1e-5, 1e-8));
    let rev = a.slice(nprs_core::s![..;-1]).unwrap();
    check_truth(o.case("allclose_inf_moved"), ma::allclose(&a, &rev, true, 1e-5, 1e-8));
    let neg = ma::negative(&a).unwrap();
    check_truth(o.case("allclose_inf_sign"), ma::allclose(&a, &neg, true, 1e-5, 1e-8));
    let b = ma::masked_array(
        DynArray::from(nprs_core::array![1.0, f64::INFINITY, 5.0, 3.0]),
        &nprs_core::array![false, false, true, false],
    )
    .unwrap();
    check_truth(o.case("allclose_inf_masked"), ma::allclose(&a, &b, true, 1e-5, 1e-8));
    let nan = DynArray::from(nprs_core::array![f64::NAN, 1.0]);
    check_truth(o.case("allclose_nan"), ma::allclose(&nan, &nan, true, 1e-5, 1e-8));
    let row = DynArray::from(nprs_core::array![[1.0, 2.0]]);
    let v = DynArray::from(nprs_core::array![1.0, 2.0000001]);
    check_truth(o.case("allclose_bcast"), ma::allclose(&row, &v, true, 1e-5, 1e-8));
    let lo = DynArray::from(nprs_core::array![i64::MIN]);
    check_truth(o.case("allclose_int_min"), ma::allclose(&lo, &lo, true, 1e-5, 1e-8));
}

#[test]
fn mask_helpers() {
    let o = oracle("ma/helpers");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check_dyn(c("count_masked"), &DynView::from(ma::count_masked(&m, None).unwrap().view()));
        check_dyn(c("count_masked0"), &DynView::from(ma::count_masked(&m, Some(0)).unwrap().view()));
        check_dyn(c("count_masked_nomask"), &DynView::from(ma::count_masked(&p, None).unwrap().view()));
        let mk = m.mask_array().unwrap();
        check_dyn(c("flatten_mask"), &DynView::from(ma::flatten_mask(&mk).unwrap().view()));
        c("is_mask").check_with(truth, ma::is_mask(&DynView::from(mk.view())));
        c("is_mask_data").check_with(truth, ma::is_mask(&m.data().view()));
    }
}

/// A recorded Python number as nprs's scalar.
fn number(v: &Value) -> Option<Scalar> {
    match v {
        Value::Int(i) => Some(Scalar::Int(*i)),
        Value::Float(f) => Some(Scalar::Float(*f)),
        Value::Complex(r, i) => Some(Scalar::Complex(*r, *i)),
        Value::None => None,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn fill_values() {
    let o = oracle("ma/helpers");
    for dt in DTYPES {
        let d: Descr = dt.parse().unwrap();
        o.case(&format!("maximum_fill_value_{dt}")).check_with(number, ma::maximum_fill_value(&d).unwrap());
        o.case(&format!("minimum_fill_value_{dt}")).check_with(number, ma::minimum_fill_value(&d).unwrap());
    }
    let f = |v: Vec<f64>| MaskedArray::new(DynArray::from(Array::from_vec(v)));
    let i = |v: Vec<i64>| MaskedArray::new(DynArray::from(Array::from_vec(v)));
    let pairs: Vec<(MaskedArray, MaskedArray)> = vec![
        (f(vec![1.0]), f(vec![2.0])),
        (f(vec![1.0]).with_fill_value(3i64).unwrap(), f(vec![2.0])),
        (
            MaskedArray::new(DynArray::from(nprs_core::array![1i8])),
            MaskedArray::new(DynArray::from(nprs_core::array![2i16])),
        ),
        (i(vec![1]), f(vec![1.0])),
        (f(vec![1.0]).with_fill_value(f64::NAN).unwrap(), f(vec![1.0]).with_fill_value(f64::NAN).unwrap()),
        (f(vec![1.0]).with_fill_value(5i64).unwrap(), i(vec![1]).with_fill_value(5i64).unwrap()),
    ];
    for (k, (a, b)) in pairs.iter().enumerate() {
        let c = o.case(&format!("common_fill_value_{k}"));
        match (ma::common_fill_value(a, b).unwrap(), &c.result) {
            (None, Value::None) => c.assert(true, ""),
            (Some(got), Value::Scalar(want)) => {
                let w = dyn_of(want);
                c.assert(w.to_scalars() == got.to_scalars() && w.dtype() == got.dtype(), &format!("{got:?}"));
            }
            (got, want) => c.assert(false, &format!("NumPy {want:?}, nprs {got:?}")),
        }
    }
}
