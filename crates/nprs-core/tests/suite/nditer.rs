//! `nditer` against `np.nditer` (`core/nditer`): visiting order, values, multi-indices and
//! external-loop chunks of random transposed, reversed and strided views (orders K, C, F,
//! A), two broadcast operands, allocated outputs (values and memory layout), written
//! operands, and NumPy's errors.

use nprs_core::dynarray::ResultOrder;
use nprs_core::nditer::{NdIter, NdOperand, nditer};
use nprs_core::prelude::*;
use nprs_core::{Descr, DynArray, DynView, SliceArg};

use crate::common;
use nprs_testkit::{Value, oracle};

fn ints(v: &Value) -> Vec<isize> {
    let Value::List(items) = v else { panic!("a list: {v:?}") };
    items.iter().map(|x| if let Value::Int(i) = x { isize::try_from(*i).unwrap() } else { panic!("{x:?}") }).collect()
}

fn int(i: i64) -> Value {
    Value::Int(i128::from(i))
}

fn list(v: impl IntoIterator<Item = Value>) -> Value {
    Value::List(v.into_iter().collect())
}

fn index(ix: &[usize]) -> Value {
    list(ix.iter().map(|&i| Value::Int(i as i128)))
}

/// Every step of `it`: `f` reads the current position.
fn walk<T>(mut it: NdIter<'_>, mut f: impl FnMut(&NdIter<'_>) -> T) -> Vec<T> {
    let mut out = vec![];
    while !it.finished() {
        out.push(f(&it));
        it.iternext();
    }
    out
}

fn chunk(it: &NdIter<'_>, op: usize) -> Value {
    list(it.chunk::<i64>(op).unwrap().iter().map(int))
}

#[test]
fn nditer_visits_random_views_as_numpy_does() {
    let c = oracle("core/nditer");
    for seed in 0..8 {
        let Value::List(r) = c.case(&format!("recipe_{seed}")).input().clone() else { panic!() };
        let (shape, perm, steps) = (ints(&r[0]), ints(&r[1]), ints(&r[2]));
        let shape: Vec<usize> = shape.iter().map(|&d| d.unsigned_abs()).collect();
        let n = shape.iter().product::<usize>();
        let base = DynArray::from(Array::<i64>::arange(n).into_shape(&shape[..]).unwrap());
        let p = base.permute_dims(&perm).unwrap();
        let args: Vec<SliceArg> = steps.iter().map(|&s| SliceArg::Slice { start: None, stop: None, step: s }).collect();
        let a: DynView<'_> = p.try_slice(&args).unwrap();
        for (o, order) in [("K", ResultOrder::K), ("C", ResultOrder::C), ("F", ResultOrder::F), ("A", ResultOrder::A)] {
            let it = nditer(vec![a.view().into()]).order(order).build().unwrap();
            let got = walk(it, |it| int(it.value::<i64>(0).unwrap()));
            c.case(&format!("visit_{seed}_{o}")).check_value(&list(got));
        }
        let it = nditer(vec![a.view().into()]).multi_index().build().unwrap();
        let got = walk(it, |it| list([index(&it.multi_index().unwrap()), int(it.value::<i64>(0).unwrap())]));
        c.case(&format!("multi_{seed}")).check_value(&list(got));
        let it = nditer(vec![a.view().into()]).external_loop().build().unwrap();
        c.case(&format!("chunks_{seed}")).check_value(&list(walk(it, |it| chunk(it, 0))));

        let mut it = nditer(vec![a.view().into(), NdOperand::Allocate(None)]).build().unwrap();
        while !it.finished() {
            let x = it.value::<i64>(0).unwrap();
            it.set_value(1, x * 3 + 1).unwrap();
            it.iternext();
        }
        let out = it.into_allocated().remove(0);
        let case = c.case(&format!("alloc_{seed}"));
        case.check_item(0, &out.to_typed::<i64>().unwrap());
        // The memory layout: element strides of the axes longer than one.
        let long = |shape: &[usize], st: Vec<isize>| -> Vec<isize> {
            st.into_iter().zip(shape).filter(|&(_, &d)| d > 1).map(|(s, _)| s).collect()
        };
        let want = |v: &Value| {
            let Value::List(items) = v else { panic!() };
            long(out.shape(), ints(&items[1]))
        };
        case.check_with(want, long(out.shape(), out.strides().iter().map(|&s| s / 8).collect()));
    }
}

#[test]
fn nditer_broadcasts_allocates_and_writes_like_numpy() {
    let c = oracle("core/nditer");
    let base = DynArray::from(Array::<i64>::arange(60).into_shape(&[3, 4, 5]).unwrap());
    let pt = base.permute_dims(&[2, 0, 1]).unwrap();
    let p = pt.try_slice(nprs_core::s![..;-1, .., ..;2]).unwrap();
    let q = DynArray::from(nprs_core::arange(100i64, 103, 1).unwrap().into_shape(&[1, 3, 1]).unwrap());
    let two = || vec![p.view().into(), (&q).into()];

    let got = walk(nditer(two()).build().unwrap(), |it| {
        list([int(it.value::<i64>(0).unwrap()), int(it.value::<i64>(1).unwrap())])
    });
    c.case("two_pairs").check_value(&list(got));
    let got = walk(nditer(two()).multi_index().build().unwrap(), |it| {
        list([index(&it.multi_index().unwrap()), int(it.value::<i64>(0).unwrap()), int(it.value::<i64>(1).unwrap())])
    });
    c.case("two_multi").check_value(&list(got));
    let got = walk(nditer(two()).external_loop().build().unwrap(), |it| list([chunk(it, 0), chunk(it, 1)]));
    c.case("two_chunks").check_value(&list(got));
    let it = nditer(two()).external_loop().order(ResultOrder::C).build().unwrap();
    c.case("two_chunks_c").check_value(&list(walk(it, |it| list([chunk(it, 0), chunk(it, 1)]))));

    let mut ops = two();
    ops.push(NdOperand::Allocate(Some(Descr::parse("float32").unwrap())));
    let mut it = nditer(ops).build().unwrap();
    while !it.finished() {
        let (x, y) = (it.value::<i64>(0).unwrap(), it.value::<i64>(1).unwrap());
        it.set_value(2, (x as f64 - 0.5 * y as f64) as f32).unwrap();
        it.iternext();
    }
    common::check(c.case("alloc_dtype"), Ok(it.into_allocated().remove(0)));

    let mut b = DynArray::from(Array::<f64>::arange(12).into_shape(&[3, 4]).unwrap().to_owned_order(Order::F));
    let y = DynArray::from(Array::<f64>::arange(4));
    let mut it = nditer(vec![NdOperand::ReadWrite(b.view_mut()), (&y).into()]).build().unwrap();
    while !it.finished() {
        let (x, y) = (it.value::<f64>(0).unwrap(), it.value::<f64>(1).unwrap());
        it.set_value(0, x * 10.0 + y).unwrap();
        it.iternext();
    }
    drop(it);
    common::check(c.case("readwrite"), Ok(b));

    // A broadcast middle axis is passed over when the axes are ordered.
    let xs = DynArray::from(Array::<i64>::arange(15).into_shape(&[5, 3]).unwrap());
    let xt = xs.t();
    let x3 = xt.expand_dims(&[1]).unwrap();
    let x = x3.broadcast_to(&[3, 4, 5][..]).unwrap();
    let ys = DynArray::from(nprs_core::arange(100i64, 104, 1).unwrap().into_shape(&[1, 4, 1]).unwrap());
    let y = ys.broadcast_to(&[3, 4, 5][..]).unwrap();
    let got = walk(nditer(vec![x.view().into(), y.view().into()]).build().unwrap(), |it| {
        list([int(it.value::<i64>(0).unwrap()), int(it.value::<i64>(1).unwrap())])
    });
    c.case("skip_pairs").check_value(&list(got));
    let it = nditer(vec![x.view().into(), y.view().into()]).external_loop().build().unwrap();
    c.case("skip_chunks").check_value(&list(walk(it, |it| list([chunk(it, 0), chunk(it, 1)]))));

    let err = |name: &str, e: nprs_core::Error| c.case(name).check_error(e.numpy_kind(), &e.to_string());
    let (a3, a4) = (DynArray::from(Array::<i64>::arange(3)), DynArray::from(Array::<i64>::arange(4)));
    err("err_broadcast", nditer(vec![(&a3).into(), (&a4).into()]).build().unwrap_err());
    let z = DynArray::zeros(&[0, 3], &Descr::parse("float64").unwrap()).unwrap();
    err("err_zero_size", nditer(vec![(&z).into()]).build().unwrap_err());
    let it = nditer(vec![(&z).into()]).zerosize_ok().build().unwrap();
    c.case("zero_size_ok").check_value(&list(walk(it, |it| int(it.value::<f64>(0).unwrap() as i64))));
    err("err_no_multi", nditer(vec![(&a3).into()]).build().unwrap().multi_index().unwrap_err());
    err("err_multi_external", nditer(vec![(&a3).into()]).multi_index().external_loop().build().unwrap_err());
    let a23 = DynArray::from(Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap());
    for (i, shape) in [vec![3], vec![1, 3], vec![2, 1]].into_iter().enumerate() {
        let mut zz = DynArray::zeros(&shape, &Descr::parse("float64").unwrap()).unwrap();
        let e = nditer(vec![(&a23).into(), NdOperand::ReadWrite(zz.view_mut())]).build().unwrap_err();
        err(&format!("err_out_broadcast_{i}"), e);
    }
    let mut it = nditer(vec![(&a3).into()]).build().unwrap();
    err("err_readonly", it.set_value(0, 1i64).unwrap_err());
    let zd = DynArray::from(Array::<i64>::from_elem_0d(7));
    c.case("zero_d")
        .check_value(&list(walk(nditer(vec![(&zd).into()]).build().unwrap(), |it| int(it.value(0).unwrap()))));
}

/// `[[multi_index, deeper or value], …]` of level `k` of `nest` at `outer`, as the
/// oracle's `walk` records it.
fn nested_walk(nest: &nprs_core::NestedIters<'_>, k: usize, outer: &[usize]) -> Value {
    let mut it = nest.level(k, outer).unwrap();
    let mut out = vec![];
    while !it.finished() {
        let ix = it.multi_index().unwrap();
        let inner = if k + 1 < nest.levels() {
            nested_walk(nest, k + 1, &[outer, &ix[..]].concat())
        } else {
            int(it.value::<i64>(0).unwrap())
        };
        out.push(list([index(&ix), inner]));
        it.iternext();
    }
    list(out)
}

#[test]
fn nested_iters_match_numpy() {
    use nprs_core::nested_iters;
    let c = oracle("core/nditer");
    let a = DynArray::from(Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap());
    let t = a.permute_dims(&[2, 0, 1]).unwrap();
    let r = a.try_slice(nprs_core::s![.., ..;-1]).unwrap();
    let b4 = DynArray::from(Array::<i64>::arange(4));
    let b = b4.broadcast_to(&[3, 4][..]).unwrap();
    let cases: [(&str, DynView<'_>, &[&[usize]]); 6] = [
        ("a01", a.view(), &[&[0], &[1, 2]]),
        ("a10", a.view(), &[&[1], &[0, 2]]),
        ("t", t.view(), &[&[0], &[1, 2]]),
        ("r", r.view(), &[&[0], &[1, 2]]),
        ("three", t.view(), &[&[2], &[0], &[1]]),
        ("b", b.view(), &[&[1], &[0]]),
    ];
    for (name, v, axes) in cases {
        let nest = nested_iters(vec![v], axes, ResultOrder::K).unwrap();
        c.case(&format!("nested_{name}")).check_value(&nested_walk(&nest, 0, &[]));
    }
    let z = DynArray::from(Array::<f64>::zeros(&[2, 3]).unwrap());
    let e = nested_iters(vec![z.view()], &[&[0], &[0, 1]], ResultOrder::K).unwrap_err();
    c.case("err_nested_twice").check_error(e.numpy_kind(), &e.to_string());
}
