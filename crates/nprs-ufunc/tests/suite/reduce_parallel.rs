//! Reductions whose lanes or rows are shared out among threads (oracle group
//! `reductions/parallel`): float and complex sums along the innermost axis, each lane in
//! NumPy's pairwise order, on random inputs with odd lengths, several lanes per thread.

use crate::common;

use common::{dyn_actual, load_dyn};
use nprs_core::prelude::*;
use nprs_core::{DynArray, Result};
use nprs_testkit::{Case, oracle};
use nprs_ufunc::ufunc::ReduceOptions;
use nprs_ufunc::ufuncs::ADD;
use nprs_ufunc::{ReduceArgs, mean_dyn};

#[track_caller]
fn check(case: &Case, got: Result<DynArray>) {
    match got {
        Ok(r) => case.check_actual(&dyn_actual(&r)),
        Err(e) => case.check_error(e.kind().name(), &e.to_string()),
    }
}

#[test]
fn float_and_complex_sums_along_rows_on_threads() {
    let c = oracle("reductions/parallel");
    for dt in ["float16", "float32", "float64", "complex64", "complex128"] {
        let a = load_dyn(&c, &format!("{dt}_sum_a"));
        let (rows, cols) = (a.shape()[0], a.shape()[1]);
        let tag = format!("{dt}_sum");
        let sum = |v: &nprs_core::dynarray::DynView<'_>, opts: &ReduceOptions<'_>| ADD.reduce(v, opts);
        check(c.case(&format!("{tag}_1")), sum(&a.view(), &ReduceOptions::new().axis(1)));
        check(c.case(&format!("{tag}_init")), sum(&a.view(), &ReduceOptions::new().axis(-1).initial(2.5)));
        check(c.case(&format!("{tag}_T0")), sum(&a.t(), &ReduceOptions::new().axis(0)));
        let even = a.slice(s![..rows / 2 * 2, ..]);
        let three = even.reshape(&[2, rows / 2, cols][..]).unwrap();
        check(c.case(&format!("{tag}_3d")), sum(&three.view(), &ReduceOptions::new().axis(2)));
        check(c.case(&format!("{tag}_rev")), sum(&a.slice(s![..;-1, ..]), &ReduceOptions::new().axis(1)));
        check(c.case(&format!("{tag}_cols")), sum(&a.slice(s![.., 1..]), &ReduceOptions::new().axis(1)));
        check(c.case(&format!("{tag}_mean")), mean_dyn(&a.view(), &ReduceArgs::new().axis(1)));
    }
}

/// `counts` with `edit` applied, as an array of dtype `descr`.
fn with_counts(counts: &[i64], descr: &str, edit: impl FnOnce(&mut Vec<i64>)) -> DynArray {
    let mut c = counts.to_vec();
    edit(&mut c);
    let n = c.len();
    DynArray::from(Array::from_shape_vec(&[n], c).unwrap())
        .into_dtype_view(&nprs_core::Descr::parse(descr).unwrap())
        .unwrap()
}

/// A datetime or timedelta result compared as its int64 counts (the oracle records
/// `.view('i8')`), after checking its dtype.
#[track_caller]
fn check_counts(case: &Case, got: Result<DynArray>, descr: &str) {
    let r = got.unwrap();
    assert_eq!(r.dtype(), &nprs_core::Descr::parse(descr).unwrap(), "{}", case.name);
    check(case, Ok(r.view_dtype(&DType::Int64.into()).unwrap().to_owned()));
}

#[test]
fn datetime_and_timedelta_reductions_on_counts() {
    use nprs_ufunc::sum_dyn;
    use nprs_ufunc::ufunc::by_name;
    const NAT: i64 = i64::MIN;
    let c = oracle("reductions/parallel");
    let counts = load_dyn(&c, "td_a").typed::<i64>().unwrap().to_vec();
    let t = with_counts(&counts, "m8[ns]", |_| {});
    let td = "m8[ns]";
    check_counts(c.case("td_sum"), sum_dyn(&t.view(), &ReduceArgs::new()), td);
    check_counts(c.case("td_sum_init"), ADD.reduce(&t.view(), &ReduceOptions::new().initial(7i64)), td);
    let rows = t.slice(s![..200000]).reshape(&[40usize, 5000][..]).unwrap().into_owned();
    check_counts(c.case("td_sum_rows"), sum_dyn(&rows.view(), &ReduceArgs::new().axis(1)), td);
    let u = with_counts(&counts, td, |v| v[150001] = NAT);
    check_counts(c.case("td_sum_nat"), sum_dyn(&u.view(), &ReduceArgs::new()), td);
    let u = with_counts(&counts, td, |v| v[..2].fill(-(1 << 62)));
    check_counts(c.case("td_sum_to_nat"), sum_dyn(&u.view(), &ReduceArgs::new()), td);
    let u = with_counts(&counts, td, |v| v[..2].copy_from_slice(&[1 << 62, (1 << 62) + 1]));
    check_counts(c.case("td_sum_wrap"), sum_dyn(&u.view(), &ReduceArgs::new()), td);
    // The datetimes' counts are the timedeltas' times 4096.
    let dc: Vec<i64> = counts.iter().map(|x| x * 4096).collect();
    let dt = "M8[ns]";
    let d = with_counts(&dc, dt, |_| {});
    for op in ["maximum", "minimum", "fmax", "fmin"] {
        let u = by_name(op).unwrap();
        check_counts(c.case(&format!("dt_{op}")), u.reduce(&d.view(), &ReduceOptions::new()), dt);
        let nat = with_counts(&dc, dt, |v| v[99999] = NAT);
        check_counts(c.case(&format!("dt_{op}_nat")), u.reduce(&nat.view(), &ReduceOptions::new()), dt);
        let nat = with_counts(&dc, dt, |v| {
            v.truncate(200000);
            v[17] = NAT;
            v[5000..10000].fill(NAT);
        });
        let nat = nat.reshape(&[40usize, 5000][..]).unwrap();
        let r = u.reduce(&nat.view(), &ReduceOptions::new().axis(1));
        check_counts(c.case(&format!("dt_{op}_rows")), r, dt);
    }
    let head = d.slice(s![..1001]);
    let r = by_name("maximum").unwrap().reduce(&head, &ReduceOptions::new().initial(3i64));
    check_counts(c.case("dt_max_init"), r, dt);
}

#[test]
fn bool_and_narrow_integer_sums_and_counts_along_outer_axes() {
    use nprs_ufunc::{count_nonzero_dyn, sum_dyn};
    let c = oracle("reductions/parallel");
    for dt in ["bool", "int8", "int16", "int32", "uint8", "uint16", "uint32", "float64"] {
        let a = load_dyn(&c, &format!("{dt}_wide_a"));
        let three = a.slice(s![..60, ..]).reshape(&[3usize, 20, 3001][..]).unwrap().into_owned();
        if dt != "float64" {
            check(c.case(&format!("{dt}_wide_sum_0")), sum_dyn(&a.view(), &ReduceArgs::new().axis(0)));
            let rev = a.slice(s![..;-1, ..;-1]);
            check(c.case(&format!("{dt}_wide_sum_rev")), sum_dyn(&rev, &ReduceArgs::new().axis(0)));
            check(c.case(&format!("{dt}_wide_sum_3d")), sum_dyn(&three.view(), &ReduceArgs::new().axis(1)));
            let init = ReduceOptions::new().axis(0).initial(11i64);
            check(c.case(&format!("{dt}_wide_sum_init")), ADD.reduce(&a.view(), &init));
        }
        check(c.case(&format!("{dt}_wide_count_0")), count_nonzero_dyn(&a.view(), &ReduceArgs::new().axis(0)));
        let both = ReduceArgs::new().axes(&[0, 1]);
        check(c.case(&format!("{dt}_wide_count_3d")), count_nonzero_dyn(&three.view(), &both));
        check(c.case(&format!("{dt}_wide_count_all")), count_nonzero_dyn(&a.view(), &ReduceArgs::new()));
        let v = a.view();
        let t = v.permute_dims(&[1, 0]).unwrap();
        check(c.case(&format!("{dt}_wide_count_all_T")), count_nonzero_dyn(&t, &ReduceArgs::new()));
    }
    let specials = [0.0, -0.0, f64::NAN, 1.0, f64::NEG_INFINITY, 1e-40, -0.0];
    let a64 = DynArray::from(nprs_core::Array::from_vec(specials.to_vec()));
    check(c.case("float64_count_nonzero_specials"), count_nonzero_dyn(&a64.view(), &ReduceArgs::new()));
    let a32 = DynArray::from(nprs_core::Array::from_vec(specials.iter().map(|&x| x as f32).collect::<Vec<f32>>()));
    check(c.case("float32_count_nonzero_specials"), count_nonzero_dyn(&a32.view(), &ReduceArgs::new()));
}

#[test]
fn nanmean_with_one_percent_nan() {
    use nprs_ufunc::nanmean_dyn;
    let c = oracle("reductions/parallel");
    for dt in ["float32", "float64"] {
        let a = load_dyn(&c, &format!("{dt}_nanmean_a"));
        check(c.case(&format!("{dt}_nanmean")), nanmean_dyn(&a.view(), &ReduceArgs::new()));
        check(c.case(&format!("{dt}_nanmean_0")), nanmean_dyn(&a.view(), &ReduceArgs::new().axis(0)));
        check(c.case(&format!("{dt}_nanmean_1")), nanmean_dyn(&a.view(), &ReduceArgs::new().axis(1)));
        check(c.case(&format!("{dt}_nanmean_T")), nanmean_dyn(&a.t(), &ReduceArgs::new().axis(0)));
        let half = a.slice(s![.., ..;2]);
        check(c.case(&format!("{dt}_nanmean_keep")), nanmean_dyn(&half, &ReduceArgs::new().axis(1).keepdims(true)));
    }
}
