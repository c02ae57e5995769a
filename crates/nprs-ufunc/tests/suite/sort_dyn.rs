//! Sorting, searching and sets of the dtypes beyond numbers against NumPy: unicode and
//! byte strings, datetime64/timedelta64 (NaT last), records (field order and `order=`).

use nprs_core::prelude::*;
use nprs_core::{Descr, DynArray, s};
use nprs_testkit::{Cases, oracle};
use nprs_ufunc::{
    DynSortInPlace, DynSortMethods, Side, SortKind, UniqueOptions, argpartition_dyn, argsort_dyn, argsort_fields_dyn,
    intersect1d_dyn, intersect1d_indices_dyn, isin_dyn, lexsort_dyn, partition_dyn, searchsorted_dyn, setdiff1d_dyn,
    setxor1d_dyn, sort_dyn, sort_fields_dyn, union1d_dyn, unique_dyn,
};

use crate::common;
use common::{check_dyn, check_idx, dyn_actual, load_dyn};

fn cases() -> Cases {
    oracle("sort/dyn")
}

/// `a[indices]` of a 1-d dynamic array.
fn at(a: &DynArray, idx: &Array<i64>) -> DynArray {
    a.take(&idx.iter().map(|i| i as isize).collect::<Vec<_>>(), None).unwrap()
}

fn check_kind(c: &Cases, k: &str) {
    let n = |x: &str| format!("{k}_{x}");
    let (a, b, v) = (load_dyn(c, &n("a")), load_dyn(c, &n("b")), load_dyn(c, &n("v")));
    for kind in [SortKind::Quicksort, SortKind::Stable] {
        check_dyn(c.case(&n("sort")), sort_dyn(&a, Some(-1), kind));
        check_idx(c.case(&n("argsort")), argsort_dyn(&a, Some(-1), kind));
    }
    check_idx(c.case(&n("argsort")), a.argsort());
    check_dyn(c.case(&n("sort_ax0")), sort_dyn(&b, Some(0), SortKind::Quicksort));
    check_idx(c.case(&n("argsort_ax0")), argsort_dyn(&b, Some(0), SortKind::Stable));
    check_idx(c.case(&n("argsort_ax1")), argsort_dyn(&b, Some(1), SortKind::Mergesort));
    check_dyn(c.case(&n("sort_none")), sort_dyn(&b, None, SortKind::Heapsort));
    check_dyn(c.case(&n("sort_strided")), sort_dyn(&b.slice(s![..;2, ..;-3]), Some(1), SortKind::Quicksort));
    check_idx(c.case(&n("argsort_T")), argsort_dyn(&b.t(), Some(0), SortKind::Stable));
    // unique with every output
    let u = unique_dyn(&a, &UniqueOptions::new().return_index(true).return_inverse(true).return_counts(true)).unwrap();
    let case = c.case(&n("unique"));
    case.assert_item(0, dyn_actual(&u.values) == to_actual_item(case, 0), "values");
    case.check_item(1, &u.indices.unwrap());
    case.check_item(2, &u.inverse.unwrap());
    case.check_item(3, &u.counts.unwrap());
    let u2 = unique_dyn(&b, &UniqueOptions::new().return_inverse(true)).unwrap();
    let case = c.case(&n("unique_2d"));
    case.assert_item(0, dyn_actual(&u2.values) == to_actual_item(case, 0), "values");
    case.check_item(1, &u2.inverse.unwrap());
    // searching in the sorted array
    let sorted = sort_dyn(&a, Some(-1), SortKind::Stable).unwrap();
    check_idx(c.case(&n("ss_left")), searchsorted_dyn(&sorted, &v, Side::Left, None));
    check_idx(c.case(&n("ss_left")), sorted.searchsorted(&v, Side::Left));
    let v2 = v.reshape(&[6isize, 10]).unwrap();
    check_idx(c.case(&n("ss_right")), searchsorted_dyn(&sorted, &v2, Side::Right, None));
    let sorter = argsort_dyn(&a, None, SortKind::Stable).unwrap();
    check_idx(c.case(&n("ss_sorter")), searchsorted_dyn(&a, &v, Side::Left, Some(&sorter)));
    // sets
    c.case(&n("isin")).check(&isin_dyn(&a, &v, false).unwrap());
    check_dyn(c.case(&n("intersect")), intersect1d_dyn(&a, &v, false));
    let r = intersect1d_indices_dyn(&a, &v, false).unwrap();
    let case = c.case(&n("intersect_idx"));
    case.assert_item(0, dyn_actual(&r.values) == to_actual_item(case, 0), "values");
    case.check_item(1, &r.indices1);
    case.check_item(2, &r.indices2);
    check_dyn(c.case(&n("union")), union1d_dyn(&a.slice(s![..50]), &v, false));
    check_dyn(c.case(&n("setdiff")), setdiff1d_dyn(&v, &a.slice(s![..100]), false));
    check_dyn(c.case(&n("setxor")), setxor1d_dyn(&v, &a.slice(s![..100]), false));
    let second = DynArray::from(nprs_core::kernel::map(&Array::<i64>::arange(500), |x| x % 3));
    check_idx(c.case(&n("lexsort")), lexsort_dyn(&[a.view(), second.view()], -1));
    // partition: a full sort is one; the kth values are NumPy's
    let p = partition_dyn(&a, &[7, 250], -1).unwrap();
    check_dyn(c.case(&n("part")), Ok(at(&p, &array![7, 250])));
    let ap = argpartition_dyn(&a, &[99], -1).unwrap();
    check_dyn(c.case(&n("argpart")), a.take(&[ap.get(&[99]).unwrap() as isize], None));
    let mut inplace = b.clone();
    inplace.sort(0).unwrap();
    check_dyn(c.case(&n("inplace")), Ok(inplace));
    check_dyn(c.case(&n("empty")), sort_dyn(&a.slice(s![..0]), Some(-1), SortKind::Quicksort));
    let zero_d = a.at(&[3]).unwrap().to_owned();
    check_idx(c.case(&n("zero_d_argsort")), argsort_dyn(&zero_d, Some(-1), SortKind::Quicksort));
    check_dyn(c.case(&n("zero_d_sort")), sort_dyn(&zero_d, Some(-1), SortKind::Quicksort));
}

/// Item `i` of a tuple case as an [`nprs_testkit::Actual`]-comparable dynamic array.
fn to_actual_item(case: &nprs_testkit::Case, i: usize) -> nprs_testkit::Actual {
    let nprs_testkit::Value::List(items) = &case.result else { panic!("{}: not a tuple", case.name) };
    let nprs_testkit::Value::Array(o) = &items[i] else { panic!("{}: item {i} not an array", case.name) };
    dyn_actual(&common::oarray_dyn(o))
}

#[test]
fn strings_bytes_and_datetimes_match_numpy() {
    let c = cases();
    for k in ["U", "S", "M", "m"] {
        check_kind(&c, k);
    }
}

#[test]
fn byte_order_units_and_nat() {
    let c = cases();
    let be = DynArray::from_strs(&["b", "ab", "a", ""]).astype(&Descr::parse(">U2").unwrap()).unwrap();
    check_dyn(c.case("U_big_endian"), sort_dyn(&be, Some(-1), SortKind::Quicksort));
    let d = Descr::parse(">M8[D]").unwrap();
    let nat = i128::from(i64::MIN);
    let m = DynArray::from_scalars(&[4], &d, &[5.into(), (-1).into(), nprs_core::Scalar::Int(nat), 2.into()]).unwrap();
    check_dyn(c.case("M_big_endian"), sort_dyn(&m, Some(-1), SortKind::Quicksort));
    let hay = DynArray::from_strs(&["a", "bb", "c"]);
    check_idx(
        c.case("U_mixed_width_ss"),
        searchsorted_dyn(&hay, &DynArray::from_strs(&["b", "bbb", "c"]), Side::Left, None),
    );
    let bhay = DynArray::from_byte_strs(&[&b"a"[..], b"bb", b"c"]);
    check_idx(c.case("S_U_ss"), searchsorted_dyn(&bhay, &DynArray::from_strs(&["b"]), Side::Left, None));
    let days = DynArray::from_scalars(&[2], &Descr::parse("<M8[D]").unwrap(), &[18262.into(), 18628.into()]).unwrap();
    let secs = DynArray::from_scalars(&[1], &Descr::parse("<M8[s]").unwrap(), &[1_591_012_800.into()]).unwrap();
    check_idx(c.case("M_units_ss"), searchsorted_dyn(&days, &secs, Side::Left, None));
    let nats = DynArray::from_scalars(
        &[4],
        &Descr::parse("<M8[D]").unwrap(),
        &[nprs_core::Scalar::Int(nat), 18262.into(), nprs_core::Scalar::Int(nat), 0.into()],
    )
    .unwrap();
    let (i32s, f64s) = (DynArray::from(array![5i32, 1, 3, 3, 9]), DynArray::from(array![3.0, f64::NAN, 9.0, 1.5]));
    let r = intersect1d_indices_dyn(&i32s, &f64s, false).unwrap();
    let case = c.case("num_intersect_idx");
    case.assert_item(0, dyn_actual(&r.values) == to_actual_item(case, 0), "values");
    case.check_item(1, &r.indices1);
    case.check_item(2, &r.indices2);
    let u = unique_dyn(&nats, &UniqueOptions::new().return_counts(true)).unwrap();
    let case = c.case("M_unique_nat");
    case.assert_item(0, dyn_actual(&u.values) == to_actual_item(case, 0), "values");
    case.check_item(1, &u.counts.unwrap());
}

/// The record array of a case file's setup, rebuilt from its recorded fields.
fn records(c: &Cases, descr: &str, fields: &[(&str, &str)]) -> DynArray {
    let d = Descr::parse(descr).unwrap();
    let first = load_dyn(c, fields[0].1);
    let mut r = DynArray::zeros(&first.shape()[..1], &d).unwrap();
    for (name, case) in fields {
        r.field_mut(name).unwrap().assign(&load_dyn(c, case)).unwrap();
    }
    r
}

#[test]
fn records_sort_by_fields_as_numpy() {
    let c = cases();
    let r = records(&c, "[('x', '<i4'), ('y', '<f8'), ('s', '<U3')]", &[("x", "r_x"), ("y", "r_y"), ("s", "r_s")]);
    check_idx(c.case("r_argsort"), argsort_dyn(&r, Some(-1), SortKind::Stable));
    check_idx(c.case("r_argsort_y"), argsort_fields_dyn(&r, Some(-1), SortKind::Stable, &["y"]));
    check_idx(c.case("r_argsort_s_x"), argsort_fields_dyn(&r, Some(-1), SortKind::Stable, &["s", "x"]));
    let sorted = sort_fields_dyn(&r, Some(-1), SortKind::Stable, &["y"]).unwrap();
    for f in ["x", "y", "s"] {
        check_dyn(c.case(&format!("r_sort_y_{f}")), Ok(sorted.field(f).unwrap().to_owned()));
    }
    let r2 = r.reshape(&[10isize, 20]).unwrap();
    let s2 = sort_fields_dyn(&r2, Some(0), SortKind::Quicksort, &["s"]).unwrap();
    check_dyn(c.case("r_sort_2d_x"), Ok(s2.field("x").unwrap().to_owned()));
    let u = unique_dyn(&r, &UniqueOptions::new().return_index(true).return_counts(true)).unwrap();
    let case = c.case("r_unique_idx");
    case.check_item(0, &u.indices.unwrap());
    case.check_item(1, &u.counts.unwrap());
    let sorted_all = sort_dyn(&r, Some(-1), SortKind::Quicksort).unwrap();
    check_idx(c.case("r_ss"), searchsorted_dyn(&sorted_all, &r.slice(s![..20]), Side::Left, None));
    check_dyn(c.case("r_bad_field"), sort_fields_dyn(&r, Some(-1), SortKind::Quicksort, &["z"]));
    check_dyn(c.case("r_dup_field"), sort_fields_dyn(&r, Some(-1), SortKind::Quicksort, &["y", "y"]));
    let plain = DynArray::from(Array::<i64>::arange(3));
    check_dyn(c.case("r_no_fields"), sort_fields_dyn(&plain, Some(-1), SortKind::Quicksort, &["x"]));

    let q =
        records(&c, "[('p', '<i2', (2,)), ('t', '<M8[D]'), ('b', '|S2')]", &[("p", "q_p"), ("t", "q_t"), ("b", "q_b")]);
    check_idx(c.case("q_argsort"), argsort_dyn(&q, Some(-1), SortKind::Stable));
    check_idx(c.case("q_argsort_b"), argsort_fields_dyn(&q, Some(-1), SortKind::Stable, &["b"]));
    check_idx(c.case("q_argsort_t"), argsort_fields_dyn(&q, Some(-1), SortKind::Stable, &["t", "b"]));
    // in place, with order
    let mut inplace = r.clone();
    inplace.sort_with(-1, SortKind::Stable, &["y"]).unwrap();
    check_dyn(c.case("r_sort_y_s"), Ok(inplace.field("s").unwrap().to_owned()));
}

/// `U<w>` strings ordered code unit by code unit (unsigned, the zero padding included)
/// down to the last key level: units from a small alphabet, so that ties reach every level
/// of the string sort's keys (three code points per key), and arrays holding units above
/// `0x1FFFFF` (not characters, but a `U` array may hold them), whose first key is clamped.
/// The stable argsort must be the stable order of the unit sequences, and the sort their
/// values in that order.
#[test]
fn unicode_order_at_every_key_level() {
    let mut s = 0x1234_5678_9ABC_DEF0_u64;
    for (w, big) in [(8usize, false), (9, false), (7, true), (3, true), (1, false)] {
        let alpha: &[u32] =
            if big { &[0, 1, 0x61, 0x10_FFFF, 0x20_0000, 0x20_0001, u32::MAX] } else { &[0, 0x61, 0x62, 0x1_F600] };
        let n = 3000;
        let units: Vec<u32> = (0..n * w)
            .map(|_| {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                alpha[(s >> 33) as usize % alpha.len()]
            })
            .collect();
        let raw = DynArray::from(Array::from_vec(units.clone()));
        let a = raw.view_dtype(&Descr::parse(&format!("<U{w}")).unwrap()).unwrap().to_owned();
        assert_eq!(a.shape(), &[n]);
        let word = |i: usize| &units[i * w..(i + 1) * w];
        let mut want: Vec<usize> = (0..n).collect();
        want.sort_by(|&i, &j| word(i).cmp(word(j)));
        let got = argsort_dyn(&a, Some(-1), SortKind::Stable).unwrap().to_vec();
        assert_eq!(got, want.iter().map(|&i| i as i64).collect::<Vec<_>>(), "w={w} big={big}: stable argsort");
        let sorted = sort_dyn(&a, Some(-1), SortKind::Quicksort).unwrap();
        let back = sorted.view_dtype(&Descr::parse("<u4").unwrap()).unwrap().to_owned().to_typed::<u32>().unwrap();
        let want_units: Vec<u32> = want.iter().flat_map(|&i| word(i).iter().copied()).collect();
        assert_eq!(back.to_vec(), want_units, "w={w} big={big}: sorted values");
    }
}
