//! numpy.ma cumsum/cumprod, median and average against NumPy
//! (`tests/oracle/groups/ma/stats.py`).

use crate::common;

use common::{check_dyn, check_err, check_ma, input, plain, same};
use nprs_core::DynArray;
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, Value, oracle};

const NAMES: [&str; 11] = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "m2", "i2", "big2", "d3"];

/// A reduction to one value: NumPy's `masked`, or a NumPy scalar of the same dtype and
/// value.
fn check_scalar(c: &Case, r: ma::Result<MaskedArray>) {
    let r = match r {
        Ok(r) => r,
        Err(e) => return check_err(c, &e),
    };
    match &c.result {
        Value::Str(s) if s == "masked" => c.assert(r.item().unwrap().is_none(), &format!("not masked: {r}")),
        Value::Scalar(want) => {
            let ok = r.item().unwrap().is_some() && r.ndim() == 0;
            let res = same(want, &r.data().view());
            c.assert(ok && res.is_ok(), &format!("{res:?} (masked: {})", !ok));
        }
        other => c.assert(false, &format!("unexpected record {other:?}")),
    }
}

/// The weights of the case file: `w` (a's shape, seeded) and `w1` (1, 2, … along the last
/// axis).
fn weights(o: &nprs_testkit::Cases, n: &str, shape: &[usize]) -> (DynArray, DynArray) {
    let w = o.case(&format!("w_{n}")).array();
    let w = common::dyn_of(w);
    assert_eq!(w.shape(), shape);
    let last = *shape.last().unwrap();
    let w1 = DynArray::from(nprs_core::Array::from_vec((1..=last).map(|k| k as f64).collect()));
    (w, w1)
}

#[test]
fn cumulative_sums_and_products_keep_the_mask() {
    let o = oracle("ma/stats");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        for f in ["cumsum", "cumprod"] {
            if f == "cumprod" && (n == "big2" || n == "d3") {
                continue;
            }
            let run = |a: &MaskedArray, axis| if f == "cumsum" { a.cumsum(axis) } else { a.cumprod(axis) };
            check_ma(c(f), &run(&m, None).unwrap());
            check_ma(c(&format!("{f}_nomask")), &run(&p, None).unwrap());
            check_ma(c(&format!("{f}_ax0")), &run(&m, Some(0)).unwrap());
            if m.ndim() >= 2 {
                check_ma(c(&format!("{f}_axm1")), &run(&m, Some(-1)).unwrap());
            }
        }
    }
}

#[test]
fn median_of_the_unmasked_values() {
    let o = oracle("ma/stats");
    for n in NAMES {
        if n == "b" {
            continue;
        }
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let full = ma::masked_array(m.data().clone(), true).unwrap();
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check_scalar(c("median"), m.median(None, false));
        check_scalar(c("median_full"), full.median(None, false));
        check_scalar(c("median_nomask"), p.median(None, false));
        if m.ndim() >= 2 {
            check_ma(c("median_ax0"), &m.median(Some(0), false).unwrap());
            check_ma(c("median_axm1"), &m.median(Some(-1), false).unwrap());
            check_ma(c("median_ax1_keep"), &m.median(Some(1), true).unwrap());
            check_ma(c("median_ax0_nomask"), &p.median(Some(0), false).unwrap());
        }
    }
}

#[test]
fn average_with_weights_and_their_sum() {
    let o = oracle("ma/stats");
    for n in NAMES {
        let m = input(&o, n);
        let full = ma::masked_array(m.data().clone(), true).unwrap();
        let (w, w1) = weights(&o, n, m.shape());
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check_scalar(c("average"), m.average(None, None, false).map(|r| r.0));
        check_scalar(c("average_scl"), m.average(None, None, false).map(|r| r.1));
        let (avg, scl) = m.average(None, Some(&w.view()), false).unwrap();
        check_scalar(c("average_w"), Ok(avg));
        check_scalar(c("average_w_scl"), Ok(scl));
        check_scalar(c("average_w_full"), full.average(None, Some(&w.view()), false).map(|r| r.0));
        if m.ndim() >= 2 {
            check_ma(c("average_w_ax0"), &m.average(Some(0), Some(&w.view()), false).unwrap().0);
            let (a1, s1) = m.average(Some(-1), Some(&w1.view()), false).unwrap();
            check_ma(c("average_w1_axm1"), &a1);
            check_ma(c("average_w1_axm1_scl"), &s1);
            let (a, s) = m.average(Some(1), None, false).unwrap();
            check_ma(c("average_ax1"), &a);
            check_dyn(c("average_ax1_scl"), &s.data().view());
        }
    }
    let ones = MaskedArray::new(DynArray::from(nprs_core::Array::<f64>::ones(&[2, 3]).unwrap()));
    let w3 = DynArray::from(nprs_core::Array::<f64>::ones(&[3]).unwrap());
    check_err(o.case("average_w_noaxis"), &ones.average(None, Some(&w3.view()), false).unwrap_err());
    check_err(o.case("average_w_badshape"), &ones.average(Some(0), Some(&w3.view()), false).unwrap_err());
}
