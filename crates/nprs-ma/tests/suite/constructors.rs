//! numpy.ma's constructors against NumPy (`tests/oracle/groups/ma/constructors.py`):
//! `zeros`/`ones`/`empty`, the `_like` forms (which keep a masked model's mask, fill value
//! and hard-mask flag), `masked_all`/`_like`, `arange`, `identity`, `indices`,
//! `fromfunction`, `asarray`/`asanyarray`.

use crate::common;

use common::{check_all_masked, check_empty, check_err, check_ma, input, plain};
use nprs_core::{C64, Element};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, oracle};

const NAMES: [&str; 8] = ["f64", "i8", "u8", "b", "c128", "m2", "d3", "U"];

fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

fn shapes<T: Element>(o: &nprs_testkit::Cases, dt: &str) {
    let all: [(&str, &[usize]); 5] = [("3", &[3]), ("2x3", &[2, 3]), ("0", &[0]), ("0d", &[]), ("2x0x3", &[2, 0, 3])];
    for (k, shape) in all {
        let c = |f: &str| o.case(&format!("{f}_{dt}_{k}"));
        check(c("zeros"), ma::zeros::<T>(shape).map(MaskedArray::into_dyn));
        check(c("ones"), ma::ones::<T>(shape).map(MaskedArray::into_dyn));
        check_all_masked(c("masked_all"), &ma::masked_all::<T>(shape).unwrap().into_dyn());
        check_empty(c("empty"), &ma::empty::<T>(shape).unwrap().into_dyn());
    }
}

#[test]
fn shape_constructors_have_no_mask() {
    let o = oracle("ma/constructors");
    shapes::<f64>(&o, "float64");
    shapes::<i8>(&o, "int8");
    shapes::<u16>(&o, "uint16");
    shapes::<bool>(&o, "bool");
    shapes::<C64>(&o, "complex64");
}

#[test]
fn like_constructors_keep_the_mask_and_fill_value() {
    let o = oracle("ma/constructors");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let c = |f: &str| o.case(&format!("{f}_{n}"));
        check(c("zeros_like"), ma::zeros_like(&m));
        check(c("zeros_like_nomask"), ma::zeros_like(&p));
        check(c("ones_like"), ma::ones_like(&m));
        check(c("ones_like_nomask"), ma::ones_like(&p));
        check_all_masked(c("masked_all_like"), &ma::masked_all_like(&m).unwrap());
        check_all_masked(c("masked_all_like_nomask"), &ma::masked_all_like(&p).unwrap());
        check(c("asarray"), Ok(ma::asarray(m.clone())));
        check(c("asarray_plain"), Ok(ma::asarray(plain(&o, n))));
        check(c("asanyarray"), Ok(ma::asanyarray(m.clone())));
        check_empty(c("empty_like"), &ma::empty_like(&m).unwrap());
    }
    let m = input(&o, "f64").with_fill_value(-3.5).unwrap().hard(true);
    check(o.case("zeros_like_fill"), ma::zeros_like(&m));
    check(o.case("ones_like_fill"), ma::ones_like(&m));
    check_all_masked(o.case("masked_all_like_fill"), &ma::masked_all_like(&m).unwrap());
    o.case("zeros_like_hard").assert_eq(true, ma::zeros_like(&m).unwrap().hardmask());
    o.case("masked_all_like_hard").assert_eq(true, ma::masked_all_like(&m).unwrap().hardmask());
}

#[test]
fn ranges_and_grids() {
    let o = oracle("ma/constructors");
    for (k, (a, b, s)) in [(0i64, 10i64, 1i64), (5, -7, -3), (2, 2, 1), (-4, 1000, 7)].into_iter().enumerate() {
        check(o.case(&format!("arange_int_{k}")), ma::arange(a, b, s).map(MaskedArray::into_dyn));
        let f = ma::arange(a as f64 / 4.0, b as f64 / 3.0, s as f64 / 2.0).map(MaskedArray::into_dyn);
        check(o.case(&format!("arange_float_{k}")), f);
    }
    check(o.case("arange_zero_step"), ma::arange(0i64, 5, 0).map(MaskedArray::into_dyn));
    for n in [0usize, 1, 4, 70] {
        check(o.case(&format!("identity_f64_{n}")), ma::identity::<f64>(n).map(MaskedArray::into_dyn));
        check(o.case(&format!("identity_i32_{n}")), ma::identity::<i32>(n).map(MaskedArray::into_dyn));
    }
    let dims: [(&str, &[usize]); 4] = [("2x3", &[2, 3]), ("4", &[4]), ("2x1x3", &[2, 1, 3]), ("0x2", &[0, 2])];
    for (k, d) in dims {
        check(o.case(&format!("indices_{k}")), ma::indices::<i64>(d).map(MaskedArray::into_dyn));
        check(o.case(&format!("indices_i8_{k}")), ma::indices::<i8>(d).map(MaskedArray::into_dyn));
    }
    let f = ma::fromfunction(&[3, 4], |ix| ix[0] as f64 * 10.0 + ix[1] as f64);
    check(o.case("fromfunction_f64"), f.map(MaskedArray::into_dyn));
    let f = ma::fromfunction(&[3, 3], |ix| ix[0] == ix[1]);
    check(o.case("fromfunction_bool"), f.map(MaskedArray::into_dyn));
}
