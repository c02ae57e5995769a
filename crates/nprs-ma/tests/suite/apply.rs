//! numpy.ma's function application and iteration against NumPy
//! (`tests/oracle/groups/ma/apply.py`): `apply_along_axis`, `apply_over_axes`,
//! `ndenumerate`, `notmasked_edges`, `compress_nd`, `hsplit`, `frombuffer`.

use crate::common;

use common::{check_dyn, check_err, check_ma, input, plain};
use nprs_core::{Array, Scalar};
use nprs_ma::{self as ma, MaskedArray, NotMaskedEdges};
use nprs_testkit::{Case, Cases, Value, oracle};

const ONE_D: [&str; 5] = ["f64", "f32", "i64", "i8", "u8"];
const ND: [&str; 5] = ["m2", "i2", "big2", "d3", "row"];
const ENUM: [&str; 9] = ["f32", "i64", "i8", "u8", "b", "c128", "m2", "i2", "d3"];

/// A masked result, or NumPy's error.
fn check(c: &Case, r: ma::Result<MaskedArray>) {
    match r {
        Ok(m) => check_ma(c, &m),
        Err(e) => check_err(c, &e),
    }
}

fn ints(v: &[i64]) -> Value {
    Value::List(v.iter().map(|&i| Value::Int(i128::from(i))).collect())
}

fn edges_value(e: &NotMaskedEdges) -> Value {
    match e {
        NotMaskedEdges::Flat(None) => Value::None,
        NotMaskedEdges::Flat(Some(f)) => ints(f),
        NotMaskedEdges::Axis(ends) => {
            Value::List(ends.iter().map(|t| Value::List(t.iter().map(|a| ints(&a.to_vec())).collect())).collect())
        }
    }
}

fn check_edges(c: &Case, r: ma::Result<NotMaskedEdges>) {
    match r {
        Ok(e) => c.check_value(&edges_value(&e)),
        Err(e) => check_err(c, &e),
    }
}

fn bytes_of(o: &Cases, n: &str) -> Vec<u8> {
    match o.case(&format!("bytes_{n}")).input() {
        Value::List(v) => v
            .iter()
            .map(|b| match b {
                Value::Int(i) => u8::try_from(*i).unwrap(),
                other => panic!("not a byte: {other:?}"),
            })
            .collect(),
        other => panic!("not a list: {other:?}"),
    }
}

#[test]
fn apply_along_and_over_axes() {
    let o = oracle("ma/apply");
    for n in ONE_D.iter().chain(&ND) {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let nd = m.ndim() as isize;
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        for ax in -1..nd {
            check(c(&format!("along_sum_{ax}")), ma::apply_along_axis(|r| r.sum(None, false), ax, &m));
            check(c(&format!("along_max_{ax}")), ma::apply_along_axis(|r| r.max(None, false), ax, &m));
            check(c(&format!("along_cumsum_{ax}")), ma::apply_along_axis(|r| r.cumsum(None), ax, &m));
            check(c(&format!("along_nomask_{ax}")), ma::apply_along_axis(|r| r.cumsum(None), ax, &p));
        }
        check(c("along_bad_axis"), ma::apply_along_axis(|r| r.sum(None, false), nd, &m));
        if nd > 1 {
            let all: Vec<isize> = (0..nd).collect();
            for (k, axes) in [&[0isize][..], &[-1], &all].iter().enumerate() {
                check(c(&format!("over_{k}")), ma::apply_over_axes(|v, ax| v.sum(Some(ax), false), &m, axes));
            }
            check(c("over_nomask"), ma::apply_over_axes(|v, ax| v.sum(Some(ax), false), &p, &[0]));
            check(c("over_bad"), ma::apply_over_axes(|v, _| v.sum(None, false), &m, &[0]));
        }
    }
}

#[test]
fn compress_nd_edges_hsplit_frombuffer() {
    let o = oracle("ma/apply");
    for n in ONE_D.iter().chain(&ND) {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let nd = m.ndim() as isize;
        let c = |k: &str| o.case(&format!("{k}_{n}"));
        let mut axes: Vec<Option<Vec<isize>>> = vec![None];
        axes.extend((-1..nd).map(|a| Some(vec![a])));
        if nd > 1 {
            axes.push(Some(vec![0, nd - 1]));
        }
        for (k, ax) in axes.iter().enumerate() {
            check(c(&format!("cnd_{k}")), ma::compress_nd(&m, ax.as_deref()).map(MaskedArray::new));
        }
        check(c("cnd_nomask"), ma::compress_nd(&p, None).map(MaskedArray::new));
        let all = ma::masked_array(plain(&o, n), true).unwrap();
        check(c("cnd_all"), ma::compress_nd(&all, None).map(MaskedArray::new));
        check(c("cnd_repeated"), ma::compress_nd(&m, Some(&[0, 0])).map(MaskedArray::new));
        check(c("cnd_bad_axis"), ma::compress_nd(&m, Some(&[nd])).map(MaskedArray::new));

        check_edges(c("edges_none"), ma::notmasked_edges(&m, None));
        check_edges(c("edges_all"), ma::notmasked_edges(&all, None));
        for ax in 0..nd {
            check_edges(c(&format!("edges_{ax}")), ma::notmasked_edges(&m, Some(ax)));
            if nd > 1 {
                check_edges(c(&format!("edges_nomask_{ax}")), ma::notmasked_edges(&p, Some(ax)));
            }
        }

        let cols = if nd == 1 { m.shape()[0] } else { m.shape()[1] } as isize;
        for (k, sec) in [vec![1isize], vec![cols]].into_iter().enumerate() {
            check(c(&format!("hsplit_{k}")), ma::hsplit(&m, sec[0]));
        }
        check(c("hsplit_2"), ma::hsplit(&m, vec![1isize]));
        check(c("hsplit_nomask"), ma::hsplit(&p, cols));
        check(c("hsplit_uneven"), ma::hsplit(&m, 3));

        let bytes = bytes_of(&o, n);
        let dtype = m.dtype();
        check(c("frombuffer"), ma::frombuffer(&bytes, &dtype, None, 0));
        check(c("frombuffer_part"), ma::frombuffer(&bytes, &dtype, Some(3), dtype.itemsize()));
        let odd = c("frombuffer_odd");
        match ma::frombuffer(&bytes[..bytes.len() - 1], &dtype, None, 0) {
            Ok(r) => check_dyn(odd, &r.data().view()),
            Err(e) => check_err(odd, &e),
        }
    }
}

fn scalar_value(s: &Scalar) -> Value {
    match s {
        Scalar::Bool(b) => Value::Bool(*b),
        Scalar::Int(i) => Value::Int(*i),
        Scalar::Float(x) => Value::Float(*x),
        Scalar::Complex(r, i) => Value::Complex(*r, *i),
        other => panic!("unexpected element {other:?}"),
    }
}

#[test]
fn ndenumerate_skips_masked_elements() {
    let o = oracle("ma/apply");
    for n in ENUM {
        let m = input(&o, n);
        let p = MaskedArray::new(plain(&o, n));
        let list = |a: &MaskedArray, compressed: bool| {
            Value::List(
                ma::ndenumerate(a, compressed)
                    .map(|(i, v)| {
                        let idx = Value::List(i.iter().map(|&k| Value::Int(k as i128)).collect());
                        Value::List(vec![idx, v.as_ref().map_or(Value::None, scalar_value)])
                    })
                    .collect(),
            )
        };
        o.case(&format!("ndenumerate_{n}")).check_value(&list(&m, true));
        o.case(&format!("ndenumerate_all_{n}")).check_value(&list(&m, false));
        o.case(&format!("ndenumerate_nomask_{n}")).check_value(&list(&p, true));
    }
    // A typed masked array enumerates the same way.
    let t = ma::masked_array(Array::from_vec(vec![1.5f64, 2.5]), &Array::from_vec(vec![true, false])).unwrap();
    assert_eq!(ma::ndenumerate(&t, true).collect::<Vec<_>>(), vec![(vec![1], Some(Scalar::Float(2.5)))]);
}
