//! Advanced indexing of dynamic arrays of strings and records, against NumPy.

use crate::common;

use common::value;
use nprs_core::prelude::*;
use nprs_core::{Descr, DynArray, DynBase, Scalar, dynarray::DynData, idx};
use nprs_testkit::{Value, oracle};

fn words() -> DynArray {
    let flat = DynArray::from_strs(&["apple", "kiwi", "fig", "plum", "date", "lime"]);
    flat.reshape(&[2, 3]).unwrap().into_owned()
}

fn records() -> DynArray {
    let d = Descr::parse("[('name', 'U10'), ('age', '<i4'), ('scores', '<f8', (3,))]").unwrap();
    DynArray::from_records(
        &d,
        &[
            Scalar::from(("Alice", 25, vec![1.0, 2.0, 3.0])),
            Scalar::from(("Bob", 30, vec![4.0, 5.0, 6.0])),
            Scalar::from(("Cy", 35, vec![7.0, 8.0, 9.0])),
        ],
    )
    .unwrap()
}

fn list<S: DynData>(a: &DynBase<S>) -> Value {
    value(&a.tolist())
}

#[test]
fn string_arrays_index_like_numpy() {
    let o = oracle("dtypes/dynindex");
    let w = words();
    o.case("words_rows").check_value(&list(&w.index(idx![vec![1i64, 0, 1]]).unwrap()));
    o.case("words_pairs").check_value(&list(&w.index(idx![vec![0i64, 1], vec![2i64, 0]]).unwrap()));
    o.case("words_slice_and_array").check_value(&list(&w.index(idx![.., vec![2i64, 0]]).unwrap()));
    let m = array![[true, false, true], [false, true, false]];
    o.case("words_mask").check_value(&list(&w.mask_select(&m).unwrap()));
    o.case("words_row_mask").check_value(&list(&w.mask_select(&array![false, true]).unwrap()));
    o.case("words_T_neg").check_value(&list(&w.t().index(idx![vec![-1i64, 0]]).unwrap()));
    let e = w.index(idx![vec![0i64, 2]]).unwrap_err();
    o.case("words_oob").check_error(e.numpy_kind(), &e.to_string());
    let e = w.mask_select(&array![true, false, true]).unwrap_err();
    o.case("words_mask_bad").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn record_arrays_index_like_numpy() {
    let o = oracle("dtypes/dynindex");
    let r = records();
    let picked = r.index(idx![vec![2i64, 0]]).unwrap();
    o.case("records_fancy_names").check_value(&list(&picked.field("name").unwrap()));
    o.case("records_fancy_scores").check_value(&list(&picked.field("scores").unwrap()));
    let ages = r.field("age").unwrap().to_typed::<i32>().unwrap();
    let older = nprs_core::kernel::map(&ages, |a| a > 26);
    o.case("records_mask_age").check_value(&list(&r.mask_select(&older).unwrap().field("name").unwrap()));
    o.case("records_repr").check_str(&format!("{:?}", r.index(idx![vec![1i64]]).unwrap()));
}
