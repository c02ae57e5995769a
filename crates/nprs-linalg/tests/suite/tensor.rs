//! dot, vdot, inner, outer, tensordot, kron, vecdot, multi_dot, trace, diagonal,
//! matrix_transpose against NumPy.

use crate::common;

use common::load;
use nprs_core::prelude::*;
use nprs_linalg::{
    diagonal, dot, inner, kron, matrix_transpose, multi_dot, outer, tensordot, tensordot_n, trace, vdot, vecdot,
};
use nprs_testkit::{Cases, oracle};

fn check_err<T>(c: &Cases, name: &str, r: nprs_linalg::Result<T>) {
    let Err(e) = r else { panic!("{name}: nprs did not fail") };
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn products_match_numpy() {
    let c = oracle("linalg/tensor");
    let x: Array<f64> = load(c.case("x"));
    let m: Array<f64> = load(c.case("m"));
    let v: Array<f64> = load(c.case("v"));
    let z: Array<C128> = load(c.case("z"));
    let i: Array<i64> = load(c.case("i"));
    let (x0, x1) = (x.slice(s![0]), x.slice(s![1]));
    c.case("dot_vv").check(&dot(&v, &v).unwrap());
    for n in [0usize, 1, 15, 16, 17, 32769, 131_072, 131_075, 400_003] {
        let a: Vec<f64> = (0..n).map(|k| ((k * 7919) % 1000) as f64 / 1000.0).collect();
        let b: Vec<f64> = (0..n).map(|k| ((k * 104_729) % 997) as f64 / 997.0 - 0.5).collect();
        let (a, b) = (Array::from_vec(a), Array::from_vec(b));
        c.case(&format!("dot_long_{n}")).check(&dot(&a, &b).unwrap());
        // The product kernel's 1 x n by n x 1 product agrees (to rounding).
        let (am, bm) = (a.reshape(&[1, n]).unwrap(), b.reshape(&[n, 1]).unwrap());
        c.case(&format!("dot_long_{n}")).check(&dot(&am, &bm).unwrap().reshape(&[] as &[usize]).unwrap());
    }
    c.case("dot_mm").check(&dot(&x0, &m).unwrap());
    c.case("dot_mv").check(&dot(&m.t(), &v).unwrap());
    c.case("dot_3d_2d").check(&dot(&x, &m).unwrap());
    c.case("dot_3d_3d").check(&dot(&x, &x.permute_dims(&[0, 2, 1]).unwrap()).unwrap());
    c.case("dot_3d_1d").check(&dot(&x, &v).unwrap());
    c.case("dot_scalar").check(&dot(&Array::from_elem_0d(2.5), &m).unwrap());
    c.case("dot_int").check(&dot(&i, &i.t()).unwrap());
    check_err(&c, "err_dot", dot(&m, &m));
    check_err(&c, "err_dot_v", dot(&x0, &Array::<f64>::ones(&[3]).unwrap()));
    c.case("vdot_c").check(&vdot(&z, &z.slice(s![..;-1])).unwrap());
    c.case("vdot_2d").check(&vdot(&x0, &x1).unwrap());
    check_err(&c, "err_vdot", vdot(&v, &Array::<f64>::ones(&[3]).unwrap()));
    c.case("inner_mm").check(&inner(&x0, &x1).unwrap());
    c.case("inner_3d_1d").check(&inner(&x, &v).unwrap());
    c.case("inner_int").check(&inner(&i, &i).unwrap());
    check_err(&c, "err_inner", inner(&x0, &Array::<f64>::ones(&[3]).unwrap()));
    c.case("outer_2d").check(&outer(&x0, &v).unwrap());
    c.case("outer_int").check(&outer(&i.slice(s![0]), &i.slice(s![1])).unwrap());
    c.case("tensordot_2").check(&tensordot_n(&x, &x.permute_dims(&[1, 2, 0]).unwrap(), 2).unwrap());
    c.case("tensordot_axes").check(&tensordot(&x, &x, &[0, 2], &[0, 2]).unwrap());
    c.case("tensordot_0").check(&tensordot_n(&v, &v, 0).unwrap());
    check_err(&c, "err_tensordot", tensordot(&x, &m, &[0], &[0]));
    c.case("kron_1d").check(&kron(&array![1i64, 10, 100], &array![1i64, 2]).unwrap());
    c.case("kron_2d").check(&kron(&x0, &m.slice(s![..2, ..3])).unwrap());
    c.case("kron_2d_1d").check(&kron(&i, &array![1i64, -1]).unwrap());
    c.case("kron_3d_2d").check(&kron(&x, &m.slice(s![..2, ..2])).unwrap());
    c.case("vecdot").check(&vecdot(&x, &v).unwrap());
    c.case("vecdot_c").check(&vecdot(&z, &z.slice(s![..;-1])).unwrap());
    c.case("vecdot_bcast").check(&vecdot(&x.slice(s![.., NEW_AXIS]), &x.slice(s![NEW_AXIS])).unwrap());
    check_err(&c, "err_vecdot", vecdot(&x, &Array::<f64>::ones(&[3]).unwrap()));
    let mt = m.t();
    let x1t = x1.t();
    c.case("multi_dot").check(&multi_dot(&[x0.view(), m.view(), mt.view(), x1t.view()]).unwrap());
    c.case("multi_dot_vecs").check(&multi_dot(&[v.view(), m.view(), mt.view(), v.view()]).unwrap());
    c.case("multi_dot_first_vec").check(&multi_dot(&[v.view(), m.view(), mt.view()]).unwrap());
    check_err(&c, "err_multi_dot", multi_dot(&[v.view()]));
    c.case("trace").check(&trace(&x, 0).unwrap());
    c.case("trace_offset").check(&trace(&x, 1).unwrap());
    c.case("trace_neg_offset").check(&trace(&x, -2).unwrap());
    c.case("trace_i64").check(&trace(&i, 0).unwrap());
    check_err(&c, "err_trace", trace(&v, 0));
    c.case("diagonal").check(&diagonal(&x, 1).unwrap());
    check_err(&c, "err_diagonal", diagonal(&v, 0).map(|d| d.to_owned()));
    c.case("matrix_transpose").check(&matrix_transpose(&x).unwrap());
    check_err(&c, "err_matrix_transpose", matrix_transpose(&v).map(|d| d.to_owned()));
}

#[test]
fn dynamic_products_promote_as_numpy() {
    use common::typed;
    use nprs_core::DynArray;
    use nprs_linalg::dynamic;
    let c = oracle("linalg/tensor");
    let x = DynArray::from(load::<f64>(c.case("x")));
    let m = DynArray::from(load::<f64>(c.case("m")));
    let v = DynArray::from(load::<f64>(c.case("v")));
    let i = DynArray::from(load::<i64>(c.case("i")));
    c.case("dot_3d_2d").check(&typed::<f64>(dynamic::dot(&x, &m).unwrap()));
    c.case("inner_3d_1d").check(&typed::<f64>(dynamic::inner(&x, &v).unwrap()));
    c.case("vecdot").check(&typed::<f64>(dynamic::vecdot(&x, &v).unwrap()));
    c.case("tensordot_axes").check(&typed::<f64>(dynamic::tensordot(&x, &x, &[0, 2], &[0, 2]).unwrap()));
    c.case("inner_int").check(&typed::<i64>(dynamic::inner(&i, &i).unwrap()));
    let (a, b) = (DynArray::from(array![1i64, 10, 100]), DynArray::from(array![1i64, 2]));
    c.case("kron_1d").check(&typed::<i64>(dynamic::kron(&a, &b).unwrap()));
    // int64 with float64 gives float64, as np.dot does.
    let r = dynamic::outer(&DynArray::from(array![1i64, 2]), &DynArray::from(array![0.5f64])).unwrap();
    assert_eq!(r.dtype().name(), "float64");
    let z = DynArray::from(load::<C128>(c.case("z")));
    let zr = load::<C128>(c.case("z"));
    let zr = DynArray::from(zr.slice(s![..;-1]).to_owned());
    c.case("vdot_c").check(&typed::<C128>(dynamic::vdot(&z, &zr).unwrap()));
    // The views: diagonal and matrix_transpose of a dynamic array.
    c.case("diagonal").check(&dynamic::diagonal(&x, 1).unwrap().to_typed::<f64>().unwrap());
    c.case("matrix_transpose").check(&dynamic::matrix_transpose(&x).unwrap().to_typed::<f64>().unwrap());
    let e = dynamic::diagonal(&v, 0).unwrap_err();
    c.case("err_diagonal").check_error(e.numpy_kind(), &e.to_string());
    let e = dynamic::matrix_transpose(&v).unwrap_err();
    c.case("err_matrix_transpose").check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn cross_matches_numpy() {
    use nprs_linalg::cross;
    let c = oracle("linalg/tensor");
    let x: Array<f64> = load(c.case("x"));
    let m: Array<f64> = load(c.case("m"));
    let v: Array<f64> = load(c.case("v"));
    let z: Array<C128> = load(c.case("z"));
    c.case("cross").check(&cross(&x.slice(s![.., .., ..3]), &m.slice(s![NEW_AXIS, ..3, ..3])).unwrap());
    c.case("cross_c").check(&cross(&z.slice(s![.., ..3]), &z.slice(s![..;-1, 1..])).unwrap());
    let a = x.slice(s![0, .., ..3]).astype::<f32>();
    let b = m.slice(s![..3, 1..4]).astype::<f32>();
    c.case("cross_f32").check(&cross(&a, &b).unwrap());
    check_err(&c, "err_cross", cross(&x, &v));
}
