//! numpy.ma's elementwise functions beyond the plain masked ufuncs against NumPy
//! (`tests/oracle/groups/ma/elementwise.py`): `maximum`/`minimum` and their `reduce`,
//! `left_shift`/`right_shift`, `angle`, `around`, `round`/`round_`, `clip`.

use crate::common;

use common::{check_err, check_ma, input, plain};
use nprs_core::{DynArray, Operand, Scalar};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, oracle};

const NAMES: [&str; 14] = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "m2", "i2", "big", "big2", "mid", "d3"];
const INTS: [&str; 6] = ["i64", "i8", "u8", "i2", "mid", "d3"];

fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

fn int(v: i64) -> Option<Operand<'static>> {
    Some(Operand::Scalar(Scalar::Int(v as i128)))
}

/// `x` reversed along axis 0 (a copy), and the mask rolled by one (flat): NumPy's `r`.
fn reversed(m: &MaskedArray) -> MaskedArray {
    let rev = m.data().slice(nprs_core::s![..;-1]).to_owned();
    let mk = m.mask_array().unwrap();
    let n = mk.size();
    let v = mk.iter().collect::<Vec<_>>();
    let rolled: Vec<bool> = (0..n).map(|k| v[(k + n - 1) % n]).collect();
    let mask = nprs_core::Array::from_shape_vec(mk.shape(), rolled).unwrap();
    ma::masked_array(rev, &mask).unwrap()
}

#[test]
fn extrema_and_their_reduce() {
    let o = oracle("ma/elementwise");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let r = reversed(&m);
        let rx = r.data().clone();
        let all = ma::masked_array(plain(&o, n), true).unwrap();
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check(c("maximum"), ma::maximum(&m, &r));
        check(c("maximum_nomask"), ma::maximum(&p, &rx));
        check(c("maximum_mixed"), ma::maximum(&p, &r));
        check(c("minimum"), ma::minimum(&m, &r));
        check(c("minimum_nomask"), ma::minimum(&p, &rx));
        check(c("minimum_mixed"), ma::minimum(&p, &r));
        check(c("maximum_reduce"), ma::maximum_reduce(&m, None));
        check(c("maximum_reduce0"), ma::maximum_reduce(&m, Some(0)));
        check(c("maximum_reduce_nomask"), ma::maximum_reduce(&p, None));
        check(c("maximum_reduce_all"), ma::maximum_reduce(&all, Some(0)));
        check(c("minimum_reduce"), ma::minimum_reduce(&m, None));
        check(c("minimum_reduce0"), ma::minimum_reduce(&m, Some(0)));
        check(c("minimum_reduce_nomask"), ma::minimum_reduce(&p, None));
        check(c("minimum_reduce_all"), ma::minimum_reduce(&all, Some(0)));
    }
    let e = MaskedArray::new(DynArray::from(nprs_core::Array::<f64>::zeros(&[0]).unwrap()));
    check(o.case("reduce_empty"), ma::maximum_reduce(&e, Some(0)));
}

#[test]
fn rounding_angle_clip_and_shifts() {
    let o = oracle("ma/elementwise");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        if !["f32", "f16", "i8", "u8", "b"].contains(&n) {
            check(c("angle"), ma::angle(&m, false));
            check(c("angle_deg"), ma::angle(&m, true));
        }
        if n != "b" {
            for (d, k) in [(0, "0"), (2, "2"), (-1, "m1")] {
                check(c(&format!("around_{k}")), ma::around(&m, d));
                check(c(&format!("round_{k}")), ma::round(&m, d));
            }
            check(c("round_"), ma::round_(&m, 0));
            check(c("round_nomask"), ma::round(&p, 1));
        }
        if n != "c128" {
            check(c("clip"), ma::clip(&m, int(1), int(5)));
            check(c("clip_lo"), ma::clip(&m, int(0), None));
            check(c("clip_hi"), ma::clip(&m, None, int(2)));
            check(c("clip_nomask"), ma::clip(&p, int(-1), int(1)));
        }
        if INTS.contains(&n) {
            // A Python int is a weak scalar: it takes the array's dtype.
            let weak = |v: i64| DynArray::from(nprs_core::Array::from_elem_0d(v)).astype(m.data().dtype()).unwrap();
            let two = weak(2);
            check(c("left_shift"), ma::left_shift(&m, &two));
            let one = weak(1);
            check(c("right_shift"), ma::right_shift(&m, &one));
            let three = weak(3);
            check(c("left_shift_nomask"), ma::left_shift(&p, &three));
            let x = plain(&o, n);
            let four = DynArray::from(nprs_core::Array::from_elem_0d(4i64));
            let k = ma::remainder(&x, &four).unwrap().into_data().astype(x.dtype()).unwrap();
            check(c("right_shift_arr"), ma::right_shift(&m, &k));
        }
    }
    let m = input(&o, "f64").with_fill_value(-2.5).unwrap();
    check(o.case("round_fill"), ma::round(&m, 1));
    check(o.case("around_fill"), ma::around(&m, 1));
    let f = |v: f64| Some(Operand::Scalar(Scalar::Float(v)));
    check(o.case("clip_fill"), ma::clip(&m, f(-1.0), f(1.0)));
    let half = DynArray::from(nprs_core::Array::from_elem_0d(0.5f64));
    check(o.case("maximum_fill"), ma::maximum(&m, &half));
    let x = MaskedArray::new(DynArray::from(nprs_core::array![1.5f64]));
    let one = DynArray::from(nprs_core::Array::from_elem_0d(1i64));
    check(o.case("shift_float"), ma::left_shift(&x, &one));
}
