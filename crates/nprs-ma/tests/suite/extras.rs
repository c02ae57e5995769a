//! numpy.ma's array functions that carry the mask and the run helpers against NumPy
//! (`tests/oracle/groups/ma/extras.py`): `diff`, `ediff1d`, `append`, `diagonal`, `trace`,
//! `atleast_*d`, `clump_masked`, `clump_unmasked`, `flatnotmasked_contiguous`,
//! `flatnotmasked_edges`, `notmasked_contiguous`.

use crate::common;

use std::ops::Range;

use common::{check_dyn, check_err, check_ma, input, plain};
use nprs_core::{ClipMode, DynArray, SliceArg};
use nprs_ma::{self as ma, MaskedArray};
use nprs_testkit::{Case, Value, oracle};
use nprs_ufunc::ConvolveMode;

const NAMES: [&str; 15] =
    ["f64", "f32", "i64", "i8", "u8", "b", "c128", "m2", "i2", "big", "big2", "mid", "d3", "row", "r1"];
const ND2: [&str; 5] = ["m2", "i2", "big2", "row", "d3"];

fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

fn ranges(r: &[Range<usize>]) -> Value {
    Value::List(r.iter().map(|r| Value::List(vec![Value::Int(r.start as i128), Value::Int(r.end as i128)])).collect())
}

fn check_ranges(c: &Case, r: &[Range<usize>]) {
    c.check_with(Value::clone, ranges(r));
}

#[test]
fn differences_and_joins() {
    let o = oracle("ma/extras");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check(c("diff"), ma::diff(&m, 1, -1, None, None));
        check(c("diff2"), ma::diff(&m, 2, -1, None, None));
        check(c("diff_ax0"), ma::diff(&m, 1, 0, None, None));
        check(c("diff_nomask"), ma::diff(&p, 1, -1, None, None));
        check(c("diff_pre"), ma::diff(&m, 1, -1, Some(&m), Some(&p)));
        check(c("ediff1d"), ma::ediff1d(&m, None, None));
        check(c("ediff1d_nomask"), ma::ediff1d(&p, None, None));
        let first = m.slice(&[SliceArg::Ellipsis, SliceArg::Slice { start: None, stop: Some(1), step: 1 }]).unwrap();
        check(c("ediff1d_ends"), ma::ediff1d(&m, Some(&first), Some(&p)));
        check(c("append"), ma::append(&m, &p, None));
        check(c("append_ax0"), ma::append(&m, &p, Some(0)));
        check(c("append_nomask"), ma::append(&p, &p, None));
        check(c("atleast_1d"), ma::atleast_1d(&m));
        check(c("atleast_2d"), ma::atleast_2d(&m));
        check(c("atleast_3d"), ma::atleast_3d(&m));
        check(c("atleast_2d_nomask"), ma::atleast_2d(&p));
        let size = m.size();
        let ax0: Vec<bool> = (0..m.shape()[0]).map(|k| k % 3 != 1).collect();
        let cond = |v: Vec<bool>| DynArray::from(nprs_core::Array::from_vec(v));
        check(c("compress"), ma::compress(&cond(ax0).view(), &m, Some(0)));
        let flat: Vec<bool> = (0..size).map(|k| k % 2 == 0).collect();
        check(c("compress_flat"), ma::compress(&cond(flat).view(), &m, None));
        let last: Vec<bool> = (0..m.shape()[m.ndim() - 1]).map(|k| k < 2).collect();
        check(c("compress_nomask"), ma::compress(&cond(last).view(), &p, Some(-1)));
        let idx = DynArray::from(
            nprs_core::Array::from_shape_vec(m.shape(), (0..size as i64).map(|k| k % 3).collect()).unwrap(),
        );
        let mk: Vec<bool> = m.mask_array().unwrap().iter().collect();
        let rolled: Vec<bool> = (0..size).map(|k| mk[(k + size - 1) % size]).collect();
        let ci = ma::masked_array(idx.clone(), &nprs_core::Array::from_shape_vec(m.shape(), rolled).unwrap()).unwrap();
        let rev = m.slice(&[SliceArg::Slice { start: None, stop: None, step: -1 }]).unwrap();
        check(c("choose"), ma::choose(&ci, &[&m, &p, &rev], ClipMode::Raise));
        check(c("choose_nomask"), ma::choose(&MaskedArray::new(idx), &[&p, &p, &p], ClipMode::Raise));
        check(c("choose_masked_idx"), ma::choose(&ci, &[&p, &p, &p], ClipMode::Raise));
        let pm = nprs_core::Array::from_shape_vec(m.shape(), (0..size).map(|k| k % 4 == 1).collect()).unwrap();
        let rolled2: Vec<bool> = (0..size).map(|k| mk[(k + size - 2) % size]).collect();
        let vdata = rev.data().clone();
        let v =
            ma::masked_array(vdata.clone(), &nprs_core::Array::from_shape_vec(m.shape(), rolled2).unwrap()).unwrap();
        let put = |mut a: MaskedArray, vals: &MaskedArray| ma::putmask(&mut a, &pm, vals).map(|_| a);
        check(c("putmask"), put(m.clone(), &v));
        check(c("putmask_plainv"), put(m.clone(), &MaskedArray::new(vdata)));
        check(c("putmask_nomask"), put(p.clone(), &v));
        check(c("putmask_hard"), put(m.clone().hard(true), &v));
        if ND2.contains(&n) {
            check(c("diagonal"), m.diagonal(0, 0, 1));
            check(c("diagonal_off"), m.diagonal(1, 0, 1));
            check(c("diagonal_nomask"), p.diagonal(-1, 0, 1));
            check_dyn(c("trace"), &m.trace(0, 0, 1).unwrap().view());
            check_dyn(c("trace_nomask"), &p.trace(1, 0, 1).unwrap().view());
        }
    }
    let m = input(&o, "f64").with_fill_value(4.5).unwrap();
    check(o.case("diff_fill"), ma::diff(&m, 1, -1, None, None));
    check(o.case("append_fill"), ma::append(&m, &m, None));
    check(o.case("diff_0"), ma::diff(&m, 0, -1, None, None));
    let one = MaskedArray::new(DynArray::from(nprs_core::Array::from_elem_0d(1.0f64)));
    let two = ma::masked_array(DynArray::from(nprs_core::Array::from_elem_0d(2.0f64)), true).unwrap();
    check(o.case("diff_scalar_ends"), ma::diff(&m, 1, -1, Some(&one), Some(&two)));
    let sl = |a: isize, b: isize| m.slice(&[SliceArg::Slice { start: Some(a), stop: Some(b), step: 1 }]).unwrap();
    let (m2, m3, m36) = (sl(0, 2), sl(0, 3), sl(3, 6));
    let ix = |v: Vec<i64>| MaskedArray::new(DynArray::from(nprs_core::Array::from_vec(v)));
    check(o.case("choose_bad"), ma::choose(&ix(vec![0, 3]), &[&m2, &m2], ClipMode::Raise));
    check(o.case("choose_clip"), ma::choose(&ix(vec![0, 3, -1]), &[&m3, &m36], ClipMode::Clip));
    check(o.case("choose_wrap"), ma::choose(&ix(vec![0, 3, -1]), &[&m3, &m36], ClipMode::Wrap));
    let keep = DynArray::from(nprs_core::array![true, false, true]);
    check(o.case("compress_fill"), ma::compress(&keep.view(), &m3, None));
    let mut mi = MaskedArray::new(DynArray::from(nprs_core::array![1i64, 2]));
    let fv = MaskedArray::new(DynArray::from(nprs_core::array![1.5, 2.5]));
    let e = ma::putmask(&mut mi, &nprs_core::array![true, false], &fv).unwrap_err();
    check_err(o.case("putmask_cast"), &e);
    for n in ["f64", "i64", "m2", "i2", "r1", "big2"] {
        if n.starts_with('i') {
            typed_diag::<i64>(&o, n);
        } else {
            typed_diag::<f64>(&o, n);
        }
    }
    for n in ["f64", "i64", "r1", "big", "mid"] {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let five = m.data().slice(nprs_core::s![..5]).to_owned();
        let five = five.slice(nprs_core::s![..;-1]).to_owned();
        let w = ma::masked_array(five, &nprs_core::array![false, true, false, false, false]).unwrap();
        let p3 = p.slice(nprs_core::s![..3]).unwrap();
        for (mode, k) in [(ConvolveMode::Full, "full"), (ConvolveMode::Same, "same"), (ConvolveMode::Valid, "valid")] {
            let c = |f: &str| o.case(&format!("{f}_{k}_{n}"));
            check(c("convolve"), ma::convolve(&m, &w, mode, true));
            let c2 = |f: &str| o.case(&format!("{f}_{k}_noprop_{n}"));
            check(c2("convolve"), ma::convolve(&m, &w, mode, false));
            check(c2("correlate"), ma::correlate(&m, &w, mode, false));
            check(c("correlate"), ma::correlate(&m, &w, mode, true));
            let c3 = |f: &str| o.case(&format!("{f}_{k}_nomask_{n}"));
            check(c3("convolve"), ma::convolve(&p, &p3, mode, true));
            check(c3("correlate"), ma::correlate(&p, &p3, mode, true));
        }
    }
    let e = MaskedArray::new(DynArray::from(nprs_core::Array::<f64>::zeros(&[0]).unwrap()));
    let twos = MaskedArray::new(DynArray::from(nprs_core::Array::<f64>::ones(&[2]).unwrap()));
    check(o.case("convolve_empty"), ma::convolve(&e, &twos, ConvolveMode::Full, true));
    let z = ma::zeros::<f64>(&[2, 2, 2]).unwrap();
    check(o.case("diag_3d"), ma::diag(&z, 0).map(MaskedArray::into_dyn));
    let z = ma::zeros::<f64>(&[3]).unwrap();
    check(o.case("resize_neg"), ma::resize(&z, &[-1, 2]).map(MaskedArray::into_dyn));
    check(o.case("diff_neg"), ma::diff(&m, -1, -1, None, None));
    check(o.case("diff_0d"), ma::diff(&one, 1, -1, None, None));
}

#[test]
fn runs_of_the_mask() {
    let o = oracle("ma/extras");
    for n in NAMES {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let all = ma::masked_array(plain(&o, n), true).unwrap();
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        check_ranges(c("clump_masked"), &ma::clump_masked(&m));
        check_ranges(c("clump_unmasked"), &ma::clump_unmasked(&m));
        check_ranges(c("clump_masked_nomask"), &ma::clump_masked(&p));
        check_ranges(c("clump_unmasked_nomask"), &ma::clump_unmasked(&p));
        check_ranges(c("flatnotmasked_contiguous"), &ma::flatnotmasked_contiguous(&m));
        for (k, a) in
            [("flatnotmasked_edges", &m), ("flatnotmasked_edges_nomask", &p), ("flatnotmasked_edges_all", &all)]
        {
            let got = ma::flatnotmasked_edges(a).map(|e| nprs_core::Array::from_vec(e.to_vec()));
            let case = c(k);
            match (got, &case.result) {
                (None, Value::None) => case.assert(true, ""),
                (Some(e), _) => case.check(&e),
                (None, w) => case.assert(false, &format!("NumPy {w:?}, nprs None")),
            }
        }
        match ma::notmasked_contiguous(&m, None) {
            Ok(r) => check_ranges(c("notmasked_contiguous"), &r[0]),
            Err(e) => check_err(c("notmasked_contiguous"), &e),
        }
        if ND2.contains(&n) && n != "d3" {
            for ax in [0isize, 1] {
                let r = ma::notmasked_contiguous(&m, Some(ax)).unwrap();
                let v = Value::List(r.iter().map(|l| ranges(l)).collect());
                c(&format!("notmasked_contiguous_ax{ax}")).check_with(Value::clone, v);
            }
        }
    }
    let z = ma::zeros::<f64>(&[2, 2, 2]).unwrap();
    let e = ma::notmasked_contiguous(&z, Some(0)).unwrap_err();
    check_err(o.case("notmasked_contiguous_3d"), &e);
}

/// `diag`, `diagflat` and `resize` on the typed input `n`.
fn typed_diag<T>(o: &nprs_testkit::Cases, n: &str)
where
    T: nprs_core::Element + nprs_core::ops::operand::Promote<i64>,
    <T as nprs_core::ops::operand::Promote<i64>>::Out: nprs_core::ops::ElemMul,
{
    let d = input(o, n);
    let typed = |a: &MaskedArray| -> MaskedArray<nprs_core::Array<T>> {
        let data = a.data().clone().into_typed::<T>().unwrap();
        match a.mask() {
            Some(m) => ma::masked_array(data, m).unwrap(),
            None => MaskedArray::new(data),
        }
    };
    let m = typed(&d);
    let p = typed(&MaskedArray::new(plain(o, n)));
    let c = |k: &str| o.case(&format!("{k}_{n}"));
    check(c("diag"), ma::diag(&m, 0).map(MaskedArray::into_dyn));
    check(c("diag_k"), ma::diag(&m, 2).map(MaskedArray::into_dyn));
    check(c("diag_nomask"), ma::diag(&p, -1).map(MaskedArray::into_dyn));
    check(c("diagflat"), ma::diagflat(&m, 1).map(MaskedArray::into_dyn));
    check(c("diagflat_nomask"), ma::diagflat(&p, 0).map(MaskedArray::into_dyn));
    check(c("resize"), ma::resize(&m, &[3, 7]).map(MaskedArray::into_dyn));
    check(c("resize_nomask"), ma::resize(&p, &[40]).map(MaskedArray::into_dyn));
    let vals = typed(
        &ma::masked_array(
            DynArray::from(nprs_core::array![0i64, 3, 6, 9]).astype(d.data().dtype()).unwrap(),
            &nprs_core::array![false, true, false, false],
        )
        .unwrap(),
    );
    let vplain = MaskedArray::new(vals.data().clone());
    let put = |mut a: MaskedArray<nprs_core::Array<T>>, idx: &[i64], v: &MaskedArray<nprs_core::Array<T>>, mode| {
        ma::put(&mut a, idx, v, mode).map(|_| a.into_dyn())
    };
    check(c("put"), put(m.clone(), &[0, -1, 4, 2, 5, 9], &vals, ClipMode::Raise));
    check(c("put_plainv"), put(m.clone(), &[1, 3, 6], &vplain, ClipMode::Raise));
    check(c("put_nomask"), put(p.clone(), &[1, 3], &vplain, ClipMode::Raise));
    check(c("put_nomask_maskedv"), put(p.clone(), &[0, 1, 2], &vals, ClipMode::Raise));
    check(c("put_clip"), put(m.clone(), &[-100, 100], &vals, ClipMode::Clip));
    check(c("put_bad"), put(m.clone(), &[100000], &vals, ClipMode::Raise));
    let flat = |a: &MaskedArray<nprs_core::Array<T>>, k: usize| {
        a.ravel()
            .unwrap()
            .into_dyn()
            .slice(&[SliceArg::Slice { start: None, stop: Some(k as isize), step: 1 }])
            .unwrap()
    };
    let v = if ["f64", "i64", "r1"].contains(&n) {
        ma::vander(&m, None)
    } else {
        ma::vander(&typed(&flat(&m, 6)), Some(4))
    };
    check_dyn(c("vander"), &DynArray::from(v.unwrap()).view());
    let v = ma::vander(&typed(&flat(&p, 5)), Some(3)).unwrap();
    check_dyn(c("vander_nomask"), &DynArray::from(v).view());
}
