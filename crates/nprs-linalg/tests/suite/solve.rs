//! solve, inv, det, slogdet, cholesky against NumPy, typed and dynamic, every dtype and
//! batch shape of the oracle, plus residual properties.

use crate::common;

use common::{FromOracle, load, matmul_c, rel_diff, typed, widen};
use nprs_core::DynArray;
use nprs_core::copy::Cast;
use nprs_core::prelude::*;
use nprs_linalg::{LinalgElem, cholesky, det, dynamic, inv, slogdet, solve};
use nprs_testkit::{Cases, oracle};

const SHAPES: [&str; 14] =
    ["n0", "n1", "n2", "n3", "n4", "n7", "n24", "b3n3", "b23n4", "b2n20", "b2n0", "b37n2", "b19n3", "b13n4"];

fn check_dtype<T>(c: &Cases, dt: &str)
where
    T: LinalgElem + FromOracle,
{
    for sk in SHAPES {
        let key = format!("{dt}_{sk}");
        let a: Array<T> = load(c.case(&format!("{key}_a")));
        let b: Array<T> = load(c.case(&format!("{key}_b")));
        let v: Array<T> = load(c.case(&format!("{key}_v")));
        let h: Array<T> = load(c.case(&format!("{key}_hpd")));
        c.case(&format!("{key}_inv")).check(&inv(&a).unwrap());
        c.case(&format!("{key}_det")).check(&det(&a).unwrap());
        let (s, l) = slogdet(&a).unwrap();
        c.case(&format!("{key}_slogdet")).check_item(0, &s);
        c.case(&format!("{key}_slogdet")).check_item(1, &l);
        c.case(&format!("{key}_solve")).check(&solve(&a, &b).unwrap());
        c.case(&format!("{key}_solve1")).check(&solve(&a, &v).unwrap());
        c.case(&format!("{key}_cholesky")).check(&cholesky(&h, false).unwrap());
        c.case(&format!("{key}_cholesky_upper")).check(&cholesky(&h, true).unwrap());

        // The dynamic entry points give the same arrays (dtype included).
        let (da, db, dh) = (DynArray::from(a.clone()), DynArray::from(b.clone()), DynArray::from(h.clone()));
        c.case(&format!("{key}_inv")).check(&typed::<T::Out>(dynamic::inv(&da).unwrap()));
        c.case(&format!("{key}_det")).check(&typed::<T::Out>(dynamic::det(&da).unwrap()));
        let (s, l) = dynamic::slogdet(&da).unwrap();
        c.case(&format!("{key}_slogdet")).check_item(0, &typed::<T::Out>(s));
        c.case(&format!("{key}_slogdet")).check_item(1, &typed::<T::RealOut>(l));
        c.case(&format!("{key}_solve")).check(&typed::<T::Out>(dynamic::solve(&da, &db).unwrap()));
        c.case(&format!("{key}_cholesky_upper")).check(&typed::<T::Out>(dynamic::cholesky(&dh, true).unwrap()));
    }
}

#[test]
fn float64_matches_numpy() {
    check_dtype::<f64>(&oracle("linalg/solve"), "f64");
}

#[test]
fn float32_matches_numpy() {
    check_dtype::<f32>(&oracle("linalg/solve"), "f32");
}

#[test]
fn complex128_matches_numpy() {
    check_dtype::<C128>(&oracle("linalg/solve"), "c128");
}

#[test]
fn complex64_matches_numpy() {
    check_dtype::<C64>(&oracle("linalg/solve"), "c64");
}

#[test]
fn int64_promotes_to_float64_as_numpy() {
    check_dtype::<i64>(&oracle("linalg/solve"), "i64");
}

#[test]
fn special_values_match_numpy() {
    let c = oracle("linalg/solve");
    c.case("det_12_34").check(&det(&array![[1.0, 2.0], [3.0, 4.0]]).unwrap());
    c.case("det_int_12_34").check(&det(&array![[1i64, 2], [3, 4]]).unwrap());
    c.case("det_bool").check(&det(&array![[true, false], [true, true]]).unwrap());
    c.case("det_singular").check(&det(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap());
    let (s, l) = slogdet(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap();
    c.case("slogdet_singular").check_item(0, &s);
    c.case("slogdet_singular").check_item(1, &l);
    let (s, l) = slogdet(&Array::<f64>::zeros(&[0, 0]).unwrap()).unwrap();
    c.case("slogdet_0x0").check_item(0, &s);
    c.case("slogdet_0x0").check_item(1, &l);
    c.case("det_big_singular").check(&det(&Array::<f64>::zeros(&[30, 30]).unwrap()).unwrap());
    c.case("det_nan").check(&det(&array![[f64::NAN, 2.0], [3.0, 4.0]]).unwrap());
    c.case("inv_inf").check(&inv(&array![[f64::INFINITY, 2.0], [3.0, 4.0]]).unwrap());
    let big = array![[1e200, 0.0, 0.0], [0.0, 1e200, 0.0], [0.0, 0.0, 1e200]];
    c.case("det_overflow").check(&det(&big).unwrap());
    let (s, l) = slogdet(&big).unwrap();
    c.case("slogdet_overflow").check_item(0, &s);
    c.case("slogdet_overflow").check_item(1, &l);
    let z = array![[C128::new(1.0, 2.0), C128::new(3.0, 0.0)], [C128::new(0.0, 4.0), C128::new(5.0, -1.0)]];
    c.case("det_complex").check(&det(&z).unwrap());
    c.case("err_cholesky_nan").check(&cholesky(&array![[f64::NAN, 0.0], [0.0, 1.0]], false).unwrap());
}

/// A stack of 16 matrices whose lanes take every branch of the eight-lane kernels.
#[test]
fn lane_kernel_branches_match_numpy() {
    let c = oracle("linalg/solve");
    let a: Array<f64> = load(c.case("lanes_a"));
    c.case("lanes_det").check(&det(&a).unwrap());
    let (s, l) = slogdet(&a).unwrap();
    c.case("lanes_slogdet").check_item(0, &s);
    c.case("lanes_slogdet").check_item(1, &l);
    let r: Array<f64> = load(c.case("lanes_r"));
    c.case("lanes_inv").check(&inv(&r).unwrap());
    let rhs = r.slice(s![.., .., ..2]);
    c.case("lanes_solve").check(&solve(&r, &rhs).unwrap());
    check_err(&c, "err_lanes_singular", inv(&a));
}

fn check_err<T>(c: &Cases, name: &str, r: nprs_linalg::Result<T>) {
    let Err(e) = r else { panic!("{name}: nprs did not fail") };
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn errors_match_numpy() {
    let c = oracle("linalg/solve");
    let z = |s: &[usize]| Array::<f64>::zeros(s).unwrap();
    check_err(&c, "err_singular_inv", inv(&z(&[2, 2])));
    check_err(&c, "err_singular_inv_big", inv(&z(&[20, 20])));
    check_err(&c, "err_singular_solve", solve(&array![[1.0, 2.0], [2.0, 4.0]], &array![1.0, 1.0]));
    let mut st = z(&[2, 3, 3]);
    for i in 0..3 {
        st.set(&[0, i, i], 1.0).unwrap();
    }
    check_err(&c, "err_singular_batch", inv(&st));
    check_err(&c, "err_square", inv(&z(&[2, 3])));
    check_err(&c, "err_square_det", det(&z(&[4, 2, 3])));
    check_err(&c, "err_ndim", inv(&z(&[3])));
    check_err(&c, "err_ndim0", det(&Array::from_elem_0d(1.0)));
    let half = DynArray::from(nprs_core::identity::<f64>(2).unwrap().astype::<f16>());
    check_err(&c, "err_f16", dynamic::inv(&half));
    check_err(&c, "err_solve1_core", solve(&nprs_core::identity::<f64>(3).unwrap(), &array![1.0, 1.0]));
    check_err(&c, "err_solve_core", solve(&nprs_core::identity::<f64>(3).unwrap(), &z(&[2, 2])));
    check_err(&c, "err_solve_b0d", solve(&nprs_core::identity::<f64>(3).unwrap(), &Array::from_elem_0d(1.0)));
    check_err(
        &c,
        "err_solve_broadcast",
        solve(&Array::<f64>::ones(&[2, 3, 3]).unwrap(), &Array::<f64>::ones(&[4, 3, 1]).unwrap()),
    );
    check_err(&c, "err_cholesky", cholesky(&(-&nprs_core::identity::<f64>(2).unwrap()), false));
    check_err(&c, "err_cholesky_big", cholesky(&(-&nprs_core::identity::<f64>(20).unwrap()), false));
    check_err(&c, "err_cholesky_square", cholesky(&z(&[2, 3]), false));
}

#[test]
fn non_numeric_dtypes_are_refused_as_numpy() {
    let c = oracle("linalg/solve");
    let s = nprs_core::Descr::parse("<U1").unwrap();
    let a = DynArray::zeros(&[2, 2], &s).unwrap();
    check_err(&c, "err_str", dynamic::inv(&a));
}

#[test]
fn batch_dimensions_broadcast() {
    let c = oracle("linalg/solve");
    let a: Array<f64> = load(c.case("bcast_a"));
    let b: Array<f64> = load(c.case("bcast_b"));
    c.case("bcast_solve").check(&solve(&a, &b).unwrap());
    let b0 = b.slice(s![0, .., 0]);
    c.case("bcast_solve1").check(&solve(&a, &b0).unwrap());
}

#[test]
fn mixed_dtypes_use_numpys_common_type() {
    let c = oracle("linalg/solve");
    let a = DynArray::from(array![[2.0f32, 0.0], [0.0, 2.0]]);
    let r = dynamic::solve(&a, &DynArray::from(array![2i64, 4])).unwrap();
    c.case("mixed_f32_i64").check(&typed::<f64>(r));
    let r = dynamic::solve(&a, &DynArray::from(array![C64::new(2.0, 0.0), C64::new(4.0, 0.0)])).unwrap();
    c.case("mixed_f32_c64").check(&typed::<C64>(r));
}

/// Residual ‖A X − B‖ / (‖A‖ ‖X‖) within a small multiple of the double epsilon, for
/// strided (transposed, sliced) inputs of every size on both sides of the small-kernel
/// threshold.
#[test]
fn residuals_are_small_on_strided_views() {
    let eps = f64::EPSILON;
    for n in [1usize, 2, 3, 4, 5, 8, 16, 17, 40] {
        let raw: Vec<f64> = (0..2 * n * n * 2).map(|i| (((i * 7919) % 1009) as f64 / 1009.0) - 0.5).collect();
        let big = Array::from_shape_vec(&[2, n, 2 * n], raw).unwrap();
        // Every other column of a transposed stack: non-unit strides on both axes.
        let a = big.slice(s![.., .., ..;2]);
        let a = a.permute_dims(&[0, 2, 1]).unwrap();
        let a = &a + &(nprs_core::identity::<f64>(n).unwrap() * (n as f64));
        let a = a.slice(s![.., .., ..]);
        let bvals: Vec<f64> = (0..2 * n * 3).map(|i| (i as f64).sin()).collect();
        let b = Array::from_shape_vec(&[2, n, 3], bvals).unwrap();
        let x = solve(&a, &b).unwrap();
        let ax = matmul_c(&widen(&a.to_vec()), &widen(&x.to_vec()), 2, n, n, 3);
        let err = rel_diff(&ax, &widen(&b.to_vec()));
        assert!(err < 64.0 * eps * n as f64, "n={n}: residual {err}");
        let ai = inv(&a).unwrap();
        let prod = matmul_c(&widen(&a.to_vec()), &widen(&ai.to_vec()), 2, n, n, n);
        let eye: Vec<f64> = (0..2).flat_map(|_| nprs_core::identity::<f64>(n).unwrap().to_vec()).collect();
        let err = rel_diff(&prod, &widen(&eye));
        assert!(err < 64.0 * eps * n as f64, "n={n}: inverse residual {err}");
    }
}

/// A batch large enough to run in parallel gives the same result as one matrix at a time.
#[test]
fn parallel_batches_equal_sequential_results() {
    let n = 3;
    let count = 20_000;
    let vals: Vec<f64> =
        (0..count * n * n).map(|i| ((i * 31) % 97) as f64 / 97.0 + if i % 4 == 0 { 3.0 } else { 0.0 }).collect();
    let a = Array::from_shape_vec(&[count, n, n], vals).unwrap();
    let all = inv(&a).unwrap();
    let d = det(&a).unwrap();
    for i in [0usize, 1, 7777, count - 1] {
        let one = inv(&a.slice(s![i as isize])).unwrap();
        assert_eq!(one.to_vec(), all.slice(s![i as isize]).to_vec());
        assert_eq!(det(&a.slice(s![i as isize])).unwrap().item().unwrap(), d.get(&[i as isize]).unwrap());
    }
}

/// Stacks of orders 2 to 4 (eight-lane groups and a tail) give, bit for bit, what each
/// matrix gives alone (the per-matrix kernel): random entries with zeros, NaNs,
/// infinities, subnormals and singular matrices mixed in.
#[test]
fn lane_groups_equal_one_matrix_at_a_time() {
    let bits = |v: Vec<f64>| v.into_iter().map(f64::to_bits).collect::<Vec<_>>();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for n in 2..=4usize {
        let count = 29;
        let vals: Vec<f64> = (0..count * n * n)
            .map(|_| {
                let r = next();
                match r % 64 {
                    0..=5 => 0.0,
                    6 => f64::NAN,
                    7 => f64::NEG_INFINITY,
                    8 => 3e-310,
                    _ => (r >> 11) as f64 / (1u64 << 53) as f64 * 4.0 - 2.0,
                }
            })
            .collect();
        let mut vals = vals;
        // Every seventh matrix: a NaN multiplier under a pivot whose row is otherwise zero,
        // so that only the skipped updates (zero multiplier) keep the rest finite.
        for m in (0..count).step_by(7) {
            let b = m * n * n;
            vals[b] = 4.0;
            vals[b + 1..b + n].fill(0.0);
            vals[b + n] = f64::NAN;
        }
        let a = Array::from_shape_vec(&[count, n, n], vals).unwrap();
        let d = det(&a).unwrap();
        let (s, l) = slogdet(&a).unwrap();
        let rhs = a.slice(s![.., .., ..2]);
        for i in 0..count {
            let ai = a.slice(s![i as isize]);
            let at = |x: &Array<f64>| bits(vec![x.get(&[i as isize]).unwrap()]);
            assert_eq!(bits(det(&ai).unwrap().to_vec()), at(&d), "det, n = {n}, matrix {i}");
            let (si, li) = slogdet(&ai).unwrap();
            assert_eq!(bits(si.to_vec()), at(&s), "slogdet sign, n = {n}, matrix {i}");
            assert_eq!(bits(li.to_vec()), at(&l), "slogdet log, n = {n}, matrix {i}");
        }
        // inv and solve of the nonsingular matrices, stacked against one at a time.
        let regular: Vec<usize> = (0..count).filter(|&i| inv(&a.slice(s![i as isize])).is_ok()).collect();
        assert!(regular.len() >= 16, "n = {n}: {} regular matrices", regular.len());
        let pick = |x: &ArrayView<'_, f64>| {
            let mut v = Vec::new();
            for &i in &regular {
                v.extend(x.slice(s![i as isize]).to_vec());
            }
            let mut shape = x.shape().to_vec();
            shape[0] = regular.len();
            Array::from_shape_vec(&shape, v).unwrap()
        };
        let (ra, rb) = (pick(&a.view()), pick(&rhs));
        let (all_inv, all_x) = (inv(&ra).unwrap(), solve(&ra, &rb).unwrap());
        for j in 0..regular.len() {
            let (aj, bj) = (ra.slice(s![j as isize]), rb.slice(s![j as isize]));
            assert_eq!(bits(inv(&aj).unwrap().to_vec()), bits(all_inv.slice(s![j as isize]).to_vec()), "inv, n = {n}");
            assert_eq!(
                bits(solve(&aj, &bj).unwrap().to_vec()),
                bits(all_x.slice(s![j as isize]).to_vec()),
                "solve, n = {n}"
            );
        }
    }
}

fn _assert_cast<T: Cast>() {}

#[test]
fn tensorinv_and_tensorsolve_match_numpy() {
    use nprs_linalg::{tensorinv, tensorsolve};
    let c = oracle("linalg/solve");
    let a: Array<f64> = load(c.case("tensor_a"));
    let b: Array<f64> = load(c.case("tensor_b"));
    c.case("tensorinv").check(&tensorinv(&a, 1).unwrap());
    c.case("tensorinv_2").check(&tensorinv(&a.reshape(&[2, 3, 2, 3]).unwrap(), 2).unwrap());
    c.case("tensorsolve").check(&tensorsolve(&a, &b, None).unwrap());
    c.case("tensorsolve_axes").check(&tensorsolve(&a.permute_dims(&[1, 0, 2]).unwrap(), &b, Some(&[0])).unwrap());
    check_err(&c, "err_tensorinv_ind", tensorinv(&nprs_core::identity::<f64>(2).unwrap(), 0));
    check_err(
        &c,
        "err_tensorsolve",
        tensorsolve(&Array::<f64>::ones(&[6, 2, 2]).unwrap(), &Array::<f64>::ones(&[6]).unwrap(), None),
    );
}
