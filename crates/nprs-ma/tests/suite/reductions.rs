//! numpy.ma reductions against NumPy (`tests/oracle/groups/ma/reductions.py`): masked
//! values skipped, fully masked slices masked.

use crate::common;

use common::{check_dyn, check_err, check_ma, input, plain, same};
use nprs_core::{Array, DynView};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, Value, oracle};

const FUNCS: [&str; 8] = ["sum", "prod", "mean", "min", "max", "ptp", "all", "any"];
const NAMES: [&str; 10] = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "m2", "i2", "big2"];

fn run(m: &MaskedArray, f: &str, axis: Option<isize>, keep: bool) -> ma::Result<MaskedArray> {
    match f {
        "sum" => m.sum(axis, keep),
        "prod" => m.prod(axis, keep),
        "mean" => m.mean(axis, keep),
        "min" => m.min(axis, keep),
        "max" => m.max(axis, keep),
        "ptp" => m.ptp(axis, keep),
        "all" => m.all(axis, keep),
        "any" => m.any(axis, keep),
        _ => unreachable!(),
    }
}

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

fn full(m: &MaskedArray) -> MaskedArray {
    ma::masked_array(m.data().clone(), true).unwrap()
}

#[test]
fn reductions_skip_masked_values() {
    let o = oracle("ma/reductions");
    for n in NAMES {
        let m = input(&o, n);
        let fm = full(&m);
        let pm = MaskedArray::new(plain(&o, n));
        let two_d = m.ndim() == 2;
        for f in FUNCS {
            if f == "prod" && (n == "big2" || n == "f16") {
                continue;
            }
            let c = |k: &str| o.case(&format!("{f}_{k}{n}"));
            check_scalar(c(""), run(&m, f, None, false));
            check_scalar(c("full_"), run(&fm, f, None, false));
            check_scalar(c("nomask_"), run(&pm, f, None, false));
            if two_d {
                check_ma(c("ax0_"), &run(&m, f, Some(0), false).unwrap());
                check_ma(c("ax0_nomask_"), &run(&pm, f, Some(0), false).unwrap());
                check_ma(c("ax1_"), &run(&m, f, Some(1), false).unwrap());
                check_ma(c("ax1_keep_"), &run(&m, f, Some(1), true).unwrap());
                check_ma(c("axm1_full_"), &run(&fm, f, Some(-1), false).unwrap());
            } else {
                check_scalar(c("ax0_"), run(&m, f, Some(0), false));
                check_scalar(c("ax0_nomask_"), run(&pm, f, Some(0), false));
            }
        }
        for f in ["argmin", "argmax"] {
            let arg = |axis, keep| if f == "argmin" { m.argmin(axis, keep) } else { m.argmax(axis, keep) };
            let c = |k: &str| o.case(&format!("{f}_{k}{n}"));
            check_dyn(c(""), &DynView::from(arg(None, false).unwrap().view()));
            check_dyn(c("ax0_"), &DynView::from(arg(Some(0), false).unwrap().view()));
            if two_d {
                check_dyn(c("ax1_"), &DynView::from(arg(Some(1), true).unwrap().view()));
            }
        }
        let cnt: Array<i64> = m.count_axis(Some(0), false).unwrap();
        check_dyn(o.case(&format!("count_ax0_{n}")), &DynView::from(cnt.view()));
        let cnt = pm.count_axis(Some(0), false).unwrap();
        check_dyn(o.case(&format!("count_ax0_nomask_{n}")), &DynView::from(cnt.view()));
    }
}

#[test]
fn var_std_and_anom() {
    let o = oracle("ma/reductions");
    for n in ["f64", "f32", "f16", "i64", "i8", "b", "m2", "i2", "big2"] {
        let m = input(&o, n);
        let fm = full(&m);
        let pm = MaskedArray::new(plain(&o, n));
        let two_d = m.ndim() == 2;
        for f in ["var", "std"] {
            let run = |a: &MaskedArray, axis, ddof, keep| {
                if f == "var" { a.var(axis, ddof, keep) } else { a.std(axis, ddof, keep) }
            };
            for ddof in [0usize, 1] {
                let c = |k: &str| o.case(&format!("{f}{ddof}_{k}{n}"));
                check_scalar(c(""), run(&m, None, ddof, false));
                check_scalar(c("full_"), run(&fm, None, ddof, false));
                check_scalar(c("nomask_"), run(&pm, None, ddof, false));
                if two_d {
                    check_ma(c("ax0_"), &run(&m, Some(0), ddof, false).unwrap());
                    check_ma(c("ax0_nomask_"), &run(&pm, Some(0), ddof, false).unwrap());
                    check_ma(c("ax1_keep_"), &run(&m, Some(1), ddof, true).unwrap());
                } else {
                    check_scalar(c("ax0_"), run(&m, Some(0), ddof, false));
                    check_scalar(c("ax0_nomask_"), run(&pm, Some(0), ddof, false));
                }
            }
            check_scalar(o.case(&format!("{f}_ddof_big_{n}")), run(&m, None, 6, false));
        }
        check_ma(o.case(&format!("anom_{n}")), &m.anom(None).unwrap());
        check_ma(o.case(&format!("anom_full_{n}")), &fm.anom(None).unwrap());
        if two_d {
            check_ma(o.case(&format!("anom_ax0_{n}")), &m.anom(Some(0)).unwrap());
            check_ma(o.case(&format!("anom_ax1_{n}")), &m.anom(Some(1)).unwrap());
        }
    }
}
