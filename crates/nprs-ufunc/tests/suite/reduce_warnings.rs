//! NumPy's RuntimeWarnings from reductions and statistics (oracle group
//! `reductions/warnings`): each call's warning messages, caught with
//! `nprs_core::warnings::catch_warnings`, and its result, against what NumPy warned and
//! returned. Floating-point conditions ("… encountered in …") come from the error state
//! and are left out on both sides.

use crate::common;

use common::dyn_actual;
use nprs_core::prelude::*;
use nprs_core::warnings::{WarnAction, catch_warnings, with_filter};
use nprs_core::{DynArray, Result};
use nprs_testkit::{Value, oracle};
use nprs_ufunc::{
    Quantile, QuantileOptions, ReduceArgs, mean_dyn, nanmax_dyn, nanmean_dyn, nanmedian_dyn, nanmin_dyn,
    nanpercentile_dyn, nanstd_dyn, nanvar_dyn, std_dyn, var_dyn,
};

fn d(a: Array<f64>) -> DynArray {
    DynArray::from(a)
}

/// The nprs form of each NumPy call of the case file.
fn call(name: &str) -> Result<DynArray> {
    let nan = f64::NAN;
    let all = ReduceArgs::new();
    match name {
        "mean_empty" => mean_dyn(&d(Array::zeros(&[0])?).view(), &all),
        "mean_empty_axis" => mean_dyn(&d(Array::zeros(&[0, 3])?).view(), &ReduceArgs::new().axis(0)),
        "mean_ok" => mean_dyn(&d(array![0.0, 1.0, 2.0, 3.0]).view(), &all),
        "var_ddof" => var_dyn(&d(array![1.0]).view(), &ReduceArgs::new().ddof(1.0)),
        "std_ddof2" => std_dyn(&d(array![1.0, 2.0]).view(), &ReduceArgs::new().ddof(2.0)),
        "var_ok" => var_dyn(&d(array![1.0, 2.0]).view(), &ReduceArgs::new().ddof(1.0)),
        "nanmean_all_nan" => nanmean_dyn(&d(array![nan, nan]).view(), &all),
        "nanmean_rows" => nanmean_dyn(&d(array![[nan, 1.0], [nan, 2.0]]).view(), &ReduceArgs::new().axis(0)),
        "nanmax_all_nan" => nanmax_dyn(&d(array![nan, nan]).view(), &all),
        "nanmin_cols" => nanmin_dyn(&d(array![[nan, 1.0], [nan, 2.0]]).view(), &ReduceArgs::new().axis(0)),
        "nanmax_ok" => nanmax_dyn(&d(array![nan, 3.0]).view(), &all),
        "nanvar_ddof" => nanvar_dyn(&d(array![nan, 1.0]).view(), &ReduceArgs::new().ddof(1.0)),
        "nanstd_all_nan" => nanstd_dyn(&d(array![nan, nan]).view(), &all),
        "nanmedian_all_nan" => nanmedian_dyn(&d(array![nan, nan]), None, false),
        "nanpercentile_all_nan" => nanpercentile_dyn(
            &d(array![[nan, nan], [1.0, 2.0]]),
            Quantile::Scalar(50.0),
            &QuantileOptions::new().axis(1),
        ),
        other => unreachable!("{other}"),
    }
}

const CALLS: [&str; 15] = [
    "mean_empty",
    "mean_empty_axis",
    "mean_ok",
    "var_ddof",
    "std_ddof2",
    "var_ok",
    "nanmean_all_nan",
    "nanmean_rows",
    "nanmax_all_nan",
    "nanmin_cols",
    "nanmax_ok",
    "nanvar_ddof",
    "nanstd_all_nan",
    "nanmedian_all_nan",
    "nanpercentile_all_nan",
];

#[test]
fn reductions_warn_as_numpy_and_return_its_results() {
    let c = oracle("reductions/warnings");
    for name in CALLS {
        let (r, caught) = catch_warnings(|| call(name));
        let msgs: Vec<String> =
            caught.iter().map(|w| w.message.clone()).filter(|m| !m.contains(" encountered in ")).collect();
        c.case(&format!("{name}_warnings")).check_with(
            |v| match v {
                Value::List(items) => items.iter().map(|i| format!("{i:?}")).collect::<Vec<_>>(),
                other => vec![format!("{other:?}")],
            },
            msgs.iter().map(|m| format!("{:?}", Value::Str(m.clone()))).collect(),
        );
        c.case(&format!("{name}_result")).check_actual(&dyn_actual(&r.unwrap()));
    }
}

#[test]
fn an_error_filter_turns_the_warning_into_numpys_exception() {
    let e = with_filter(WarnAction::Error, || call("mean_empty")).unwrap_err();
    assert_eq!(e.kind().name(), "RuntimeWarning");
    assert_eq!(e.to_string(), "RuntimeWarning: Mean of empty slice");
    assert!(with_filter(WarnAction::Error, || call("mean_ok")).is_ok());
}
