//! numpy.ma shape manipulation against NumPy (`tests/oracle/groups/ma/manip.py`): the
//! mask travels with the data through reshape, transpose, joins, repeat, take, indexing and
//! `where`.

use crate::common;

use common::{check_err, check_ma, input, plain};
use nprs_core::{Array, IndexArg, Order, Scalar, idx, s};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, Value, oracle};

const NAMES: [&str; 7] = ["m2", "i2", "d3", "f64", "U", "row", "big2"];

/// A masked result, or NumPy's error.
fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

#[test]
fn shape_manipulation_carries_the_mask() {
    let o = oracle("ma/manip");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let nd = m.ndim();
        let shape0 = m.shape()[0];
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check(c("ravel"), m.ravel());
        check(c("ravel_nomask"), p.ravel());
        check(c("reshape"), m.reshape(&[-1, 1]));
        check(c("flattenF"), m.flatten(Order::F));
        check(c("T"), m.transpose(None));
        check(c("expand"), m.expand_dims(&[0]));
        check(c("squeeze"), m.expand_dims(&[-1]).unwrap().squeeze(None));
        check(c("repeat"), m.repeat(2, None));
        let counts: Vec<isize> = (0..shape0 as isize).map(|k| k % 3).collect();
        check(c("repeat_ax0"), m.repeat(counts, Some(0)));
        check(c("take"), m.take(&[0, -1, 1, 0], None));
        check(c("take_nomask"), p.take(&[1, 0], None));
        check(c("take_axm1"), m.take(&[2, 0], Some(-1)));
        check(c("slice"), m.slice(s![..;-2]));
        check(c("fancy"), m.index(idx![vec![1i64, 0, 1]]));
        let keep = Array::from_shape_vec(m.shape(), (0..m.size()).map(|k| k % 3 != 1).collect()).unwrap();
        check(c("boolidx"), m.index(&[IndexArg::from(&keep)]));
        let rev = m.slice(s![..;-1]).unwrap();
        check(c("concat"), ma::concatenate(&[&m, &rev], 0));
        check(c("concat_mixed"), ma::concatenate(&[&p, &m], -1));
        check(c("concat_nomask"), ma::concatenate(&[&p, &p], 0));
        check(c("stack"), ma::stack(&[&m, &p], -1));
        check(c("stack_nomask"), ma::stack(&[&p, &p], 0));
        check(c("vstack"), ma::vstack(&[&m, &p]));
        check(c("hstack"), ma::hstack(&[&m, &p]));
        check(c("column_stack"), ma::column_stack(&[&m, &p]));
        check(c("dstack"), ma::dstack(&[&p, &m]));
        if nd >= 2 {
            check(c("slice2"), m.slice(s![1.., ..;2]));
            check(c("row"), m.slice(s![-1]));
            check(c("swap"), m.swapaxes(0, -1));
            check(c("moveaxis"), m.moveaxis(&[0], &[-1]));
            let mut axes: Vec<isize> = (0..nd as isize).rev().skip(1).collect();
            axes.push(nd as isize - 1);
            check(c("transpose"), m.transpose(Some(&axes)));
            check(c("fancy2"), m.index(idx![vec![0i64, -1], 1..]));
        }
        if n != "U" {
            let pos = ma::greater(&m, &Array::from_elem_0d(0i64)).unwrap();
            let neg = ma::negative(&m).unwrap();
            check(c("where"), ma::where_(&pos, &m, &neg));
            let x = plain(&o, n);
            let cond = MaskedArray::new(ma::greater(&x, &Array::from_elem_0d(1i64)).unwrap().into_data());
            check(c("where_plain"), ma::where_(&cond, &m, &Array::from_elem_0d(0i64)));
            let pcond = ma::greater(&p, &Array::from_elem_0d(1i64)).unwrap();
            check(c("where_nomask"), ma::where_(&pcond, &p, &p));
            check(c("where_masked_x"), ma::where_(&pcond, &ma::masked(), &m));
            let mcond = ma::greater(&m, &Array::from_elem_0d(1i64)).unwrap();
            check(c("where_masked_y"), ma::where_(&mcond, &p, &ma::masked()));
        }
    }
}

#[test]
fn fill_value_and_hard_mask_follow_numpy() {
    let o = oracle("ma/manip");
    let mut m = input(&o, "f64");
    m.set_fill_value(Some(Scalar::Float(7.5))).unwrap();
    m.harden_mask();
    check(o.case("fill_kept_reshape"), m.reshape(&[23, 1]));
    check(o.case("fill_kept_repeat"), m.repeat(2, None));
    check(o.case("fill_dropped_take"), m.take(&[1, 2], None));
    check(o.case("fill_dropped_concat"), ma::concatenate(&[&m, &m], 0));
    o.case("hard_kept_reshape").check_value(&Value::Bool(m.reshape(&[23, 1]).unwrap().hardmask()));
    check(o.case("reshape_bad"), m.reshape(&[5, 3]));
    check(o.case("take_bad"), m.take(&[30], None));
    let z = |v: f64| MaskedArray::new(nprs_core::DynArray::from(Array::from_elem_0d(v)));
    check(o.case("concat_0d"), ma::concatenate(&[&z(1.0), &z(2.0)], 0));
    let a = MaskedArray::new(nprs_core::DynArray::from(nprs_core::array![1.0, 2.0]));
    let b = MaskedArray::new(nprs_core::DynArray::from(nprs_core::array![1.0]));
    check(o.case("stack_shapes"), ma::stack(&[&a, &b], 0));
}

#[test]
fn typed_data_stays_typed() {
    let m = ma::masked_array(nprs_core::array![[1i32, 2], [3, 4]], &nprs_core::array![[false, true], [false, false]])
        .unwrap();
    let t: MaskedArray<Array<i32>> = m.transpose(None).unwrap();
    assert_eq!(t.data().to_vec(), vec![1, 3, 2, 4]);
    assert_eq!(t.mask().unwrap().to_vec(), vec![false, false, true, false]);
    let j = ma::vstack(&[&m, &t]).unwrap();
    assert_eq!(j.to_string(), "[[1 --]\n [3 4]\n [1 3]\n [-- 4]]");
}

#[test]
fn assigning_to_slices_unmasks_unless_hard_and_masks_with_masked() {
    let o = oracle("ma/manip");
    for n in ["f64", "i2", "m2", "U"] {
        let sl: &[nprs_core::SliceArg] = if n == "f64" || n == "U" { s![1..3] } else { s![1.., ..;2] };
        let v = if n == "U" { Scalar::Str("zz".into()) } else { Scalar::Int(9) };
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        let mut m = input(&o, n);
        m.set_slice(sl, v.clone()).unwrap();
        check_ma(c("setslice"), &m);
        let mut h = input(&o, n);
        h.harden_mask();
        h.set_slice(sl, v.clone()).unwrap();
        check_ma(c("setslice_hard"), &h);
        let mut mm = input(&o, n);
        mm.set_slice_masked(sl).unwrap();
        check_ma(c("setslice_masked"), &mm);
        let mut p = MaskedArray::new(plain(&o, n));
        p.set_slice(sl, v).unwrap();
        check_ma(c("setslice_nomask"), &p);
        let mut pm = MaskedArray::new(plain(&o, n));
        pm.set_slice_masked(sl).unwrap();
        check_ma(c("setslice_nomask_masked"), &pm);
    }
    let mut m = input(&o, "f64");
    check_err(o.case("setslice_bad"), &m.set_slice(s![30.., 1], 1).unwrap_err());
}
