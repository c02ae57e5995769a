//! `vectorize(f).signature(…)` against `np.vectorize(f, signature=…)`
//! (`core/vectorize_sig`): core dimensions over random arrays whose loop dimensions
//! broadcast, transposed and reversed inputs, several outputs, output dimensions learnt from
//! the first call, size-0 loops, and NumPy's errors.

use nprs_core::prelude::*;
use nprs_core::vectorize;

use nprs_testkit::{Cases, Elems, oracle};

fn load_f(c: &Cases, name: &str) -> Array<f64> {
    let a = c.case(name).array();
    let Elems::Float(v) = &a.data else { panic!("float case") };
    Array::from_shape_vec(&a.shape, v.clone()).unwrap()
}

fn load_i(c: &Cases, name: &str) -> Array<i64> {
    let a = c.case(name).array();
    let Elems::Int(v) = &a.data else { panic!("int case") };
    Array::from_shape_vec(&a.shape, v.iter().map(|&x| i64::try_from(x).unwrap()).collect()).unwrap()
}

/// `np.sum(x * y)` of two 1-d views (fewer than eight elements: NumPy adds in order).
fn dot(v: &[ArrayView<'_, f64>]) -> f64 {
    v[0].iter().zip(v[1].iter()).fold(0.0, |s, (x, y)| s + x * y)
}

#[track_caller]
fn check_err<T>(c: &Cases, name: &str, r: nprs_core::Result<T>) {
    let Err(e) = r else { panic!("{name}: expected an error") };
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn vectorize_with_signature_matches_numpy() {
    let c = oracle("core/vectorize_sig");
    let (a, b, m, e) = (load_f(&c, "in_a"), load_f(&c, "in_b"), load_f(&c, "in_m"), load_f(&c, "in_e"));
    let k = load_i(&c, "in_k");

    let vdot = vectorize(dot).signature("(n),(n)->()").unwrap();
    c.case("dot").check(&vdot.call(&[a.view(), b.view()]).unwrap());
    let bt = b.t();
    let rev = bt.slice(s![.., ..;-1]);
    c.case("dot_t").check(&vdot.call(&[rev.t(), a.at(&[0]).unwrap()]).unwrap());

    let tr = vectorize(|v: &[ArrayView<'_, f64>]| v[0].t().to_owned()).signature("(m,n)->(n,m)").unwrap();
    c.case("transpose").check(&tr.call(&[m.view()]).unwrap());

    let outer = vectorize(|v: &[ArrayView<'_, f64>]| {
        let (x, y) = (v[0].to_vec(), v[1].to_vec());
        let prod: Vec<f64> = x.iter().flat_map(|p| y.iter().map(move |q| p * q)).collect();
        Array::from_shape_vec(&[x.len(), y.len()], prod).unwrap()
    })
    .signature("(i),(j)->(i,j)")
    .unwrap();
    c.case("outer").check(&outer.call(&[b.slice(s![.., ..2]), a.slice(s![.., .., ..3])]).unwrap());

    let minmax = vectorize(|v: &[ArrayView<'_, i64>]| {
        let x = v[0].to_vec();
        let (lo, hi) = (x.iter().min().copied().unwrap_or(0), x.iter().max().copied().unwrap_or(0));
        vec![Array::from_elem_0d(lo), Array::from_elem_0d(hi)]
    });
    let r = minmax.signature("(n)->(),()").unwrap().call(&[k.view()]).unwrap();
    c.case("minmax").check_item(0, &r[0]);
    c.case("minmax").check_item(1, &r[1]);

    let cumsum_every_other = |v: &[ArrayView<'_, i64>]| {
        let mut s = 0;
        let cs: Vec<i64> = v[0]
            .iter()
            .map(|x| {
                s += x;
                s
            })
            .collect();
        Array::from_vec(cs.into_iter().step_by(2).collect())
    };
    c.case("new_dim").check(&vectorize(cumsum_every_other).signature("(n)->(p)").unwrap().call(&[k.view()]).unwrap());

    let lin = vectorize(|v: &[ArrayView<'_, i64>]| v[0].get(&[]).unwrap() * 2 + v[1].get(&[]).unwrap());
    c.case("scalar_core").check(&lin.signature("(),()->()").unwrap().call(&[k.view(), k.slice(s![..1, ..])]).unwrap());

    let sum = |v: &[ArrayView<'_, i64>]| v[0].iter().sum::<i64>();
    check_err(&c, "broadcast_core", vectorize(sum).signature("(n)->(p)").unwrap().call(&[k.view()]));
    let fsum = |v: &[ArrayView<'_, f64>]| v[0].iter().sum::<f64>();
    c.case("empty").check(&vectorize(fsum).signature("(n)->()").unwrap().call(&[e.view()]).unwrap());

    check_err(&c, "err_sig", vectorize(fsum).signature("(n)->(n"));
    check_err(&c, "err_sig_space", vectorize(fsum).signature("(n, m) -> [m]"));
    check_err(&c, "err_inconsistent", vdot.call(&[a.view(), m.view()]));
    check_err(&c, "err_too_few", tr.call(&[b.at(&[0]).unwrap()]));
    check_err(&c, "err_args", vdot.call(&[a.view()]));
    check_err(&c, "err_outputs", minmax.signature("(n)->()").unwrap().call(&[k.view()]));
    check_err(&c, "err_broadcast", vdot.call(&[m.slice(s![.., .., ..3]), b.slice(s![..2, ..3])]));
    let k00 = *k.to_vec().first().unwrap();
    let grow = vectorize(move |v: &[ArrayView<'_, i64>]| {
        let n = if v[0].get(&[0]).unwrap() == k00 { 1 } else { 3 };
        Array::<i64>::arange(n)
    });
    check_err(&c, "err_result_shape", grow.signature("(n)->(p)").unwrap().call(&[k.view()]));
    check_err(&c, "err_out_ndim", vectorize(sum).signature("(n)->(p)").unwrap().call(&[k.view()]));
    let ident = |v: &[ArrayView<'_, f64>]| v[0].to_owned();
    check_err(&c, "err_empty_new_dim", vectorize(ident).signature("(n)->(p)").unwrap().call(&[e.view()]));
}
