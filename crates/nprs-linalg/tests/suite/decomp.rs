//! eigh/eigvalsh, svd/svdvals, qr, eig/eigvals against NumPy: values directly, vectors
//! after fixing their sign/phase, and every reconstruction.

use crate::common;

use common::{FromOracle, assert_close, fix_phase, load, matmul_c, recorded, rel_diff, widen};
use nprs_core::copy::Cast;
use nprs_core::prelude::*;
use nprs_linalg::{
    LinalgElem, NormOrd, QrMode, Uplo, cond, eig, eigh, eigvals, eigvalsh, matrix_rank, norm, pinv, qr, svd, svdvals,
};
use nprs_testkit::{Case, Cases, oracle};

const SQUARE: [&str; 7] = ["n0", "n1", "n2", "n3", "n5", "n20", "b3n4"];
const ALL: [&str; 13] = ["n0", "n1", "n2", "n3", "n5", "n20", "b3n4", "r53", "r35", "b2r43", "r03", "r30", "r2x1"];

fn w<T: Cast>(a: &Array<T>) -> Vec<C128> {
    widen(&a.to_vec())
}

/// `(batch, rows, cols)` of a stacked shape.
fn dims(shape: &[usize]) -> (usize, usize, usize) {
    let n = shape.len();
    (shape[..n - 2].iter().product(), shape[n - 2], shape[n - 1])
}

/// Conjugate transpose of each matrix of a stack.
fn adjoint(v: &[C128], batch: usize, r: usize, c: usize) -> Vec<C128> {
    let mut out = vec![C128::new(0.0, 0.0); v.len()];
    for s in 0..batch {
        for i in 0..r {
            for j in 0..c {
                out[s * r * c + j * r + i] = v[s * r * c + i * c + j].conj();
            }
        }
    }
    out
}

/// Checks dtype name and shape, then the values with the case's tolerance.
#[track_caller]
fn check_vals<T: Cast + Element>(case: &Case, item: Option<usize>, got: &Array<T>, phase: Option<bool>) {
    let (name, shape, want) = recorded(case, item);
    assert_eq!(got.shape(), &shape[..], "{}: shape", case.name);
    let what = format!("item {item:?}");
    match phase {
        None => {
            assert_eq!(T::DTYPE.name(), name, "{}: dtype", case.name);
            assert_close(case, &what, &w(got), &want);
        }
        Some(columns) => {
            let (_, r, c) = dims(&shape);
            assert_close(case, &what, &fix_phase(&w(got), r, c, columns), &fix_phase(&want, r, c, columns));
        }
    }
}

/// Eigenvalues compared as multisets (sorted by real then imaginary part).
fn sorted(v: &[C128], n: usize) -> Vec<C128> {
    let mut out = Vec::new();
    for m in v.chunks(n.max(1)) {
        let mut m = m.to_vec();
        m.sort_by(|a, b| a.re.total_cmp(&b.re).then(a.im.total_cmp(&b.im)));
        out.extend(m);
    }
    out
}

fn check_dtype<T: LinalgElem + FromOracle>(c: &Cases, dt: &str) {
    let eps = if matches!(T::DTYPE, DType::Float32 | DType::Complex64) { 1e-5 } else { 1e-12 };
    for sk in SQUARE {
        let key = format!("{dt}_{sk}");
        let a: Array<T> = load(c.case(&format!("{key}_a")));
        for (suffix, uplo) in [("", Uplo::Lower), ("_U", Uplo::Upper)] {
            check_vals(c.case(&format!("{key}_eigvalsh{suffix}")), None, &eigvalsh(&a, uplo).unwrap(), None);
            let (wv, v) = eigh(&a, uplo).unwrap();
            let case = c.case(&format!("{key}_eigh{suffix}"));
            check_vals(case, Some(0), &wv, None);
            check_vals(case, Some(1), &v, Some(true));
            assert_eq!(v.dtype(), T::Out::DTYPE);
        }
        let n = a.shape()[a.ndim() - 1];
        let (batch, _, _) = dims(a.shape());
        let case = c.case(&format!("{key}_eigvals"));
        let (_, _, want) = recorded(case, None);
        assert_close(case, "eigvals", &sorted(&w(&eigvals(&a).unwrap()), n), &sorted(&want, n));
        let (ew, ev) = eig(&a).unwrap();
        let case = c.case(&format!("{key}_eig"));
        let (_, _, want) = recorded(case, Some(0));
        assert_close(case, "eig values", &sorted(&w(&ew), n), &sorted(&want, n));
        // A V = V diag(w), unit columns.
        let (av, vv) = (w(&a), w(&ev));
        let lhs = matmul_c(&av, &vv, batch, n, n, n);
        let ewv = w(&ew);
        let rhs: Vec<C128> = vv.iter().enumerate().map(|(i, x)| x * ewv[(i / (n * n)) * n + i % n]).collect();
        assert!(rel_diff(&lhs, &rhs) < 100.0 * eps, "{key}: eig residual {}", rel_diff(&lhs, &rhs));
        // Hermitian SVD.
        let h: Array<T> = load(c.case(&format!("{key}_herm")));
        let (u, s, vh) = svd(&h, true, true).unwrap();
        let case = c.case(&format!("{key}_svd_herm"));
        check_vals(case, Some(1), &s, None);
        let us: Vec<C128> = w(&u).iter().enumerate().map(|(i, x)| x * w(&s)[(i / (n * n)) * n + i % n]).collect();
        let rec = matmul_c(&us, &w(&vh), batch, n, n, n);
        assert!(rel_diff(&rec, &w(&h)) < 100.0 * eps, "{key}: hermitian svd reconstruction");
        check_vals(case, Some(0), &u, Some(true));
    }
    for sk in ALL {
        let key = format!("{dt}_{sk}");
        let a: Array<T> = load(c.case(&format!("{key}_m")));
        let (batch, m, n) = dims(a.shape());
        let k = m.min(n);
        check_vals(c.case(&format!("{key}_svdvals")), None, &svdvals(&a).unwrap(), None);
        for (suffix, full) in [("", true), ("_thin", false)] {
            let case = c.case(&format!("{key}_svd{suffix}"));
            let (u, s, vh) = svd(&a, full, false).unwrap();
            check_vals(case, Some(1), &s, None);
            let (ku, kv) = if full { (m, n) } else { (k, k) };
            assert_eq!((u.shape()[u.ndim() - 1], vh.shape()[vh.ndim() - 2]), (ku, kv));
            // U[:, :k] diag(s) Vh[:k] = A; U and Vh unitary; vectors match NumPy's up to phase
            // (the first k, where the singular values are distinct).
            let (uw, vw, sw) = (w(&u), w(&vh), w(&s));
            let mut us = vec![C128::new(0.0, 0.0); batch * m * k];
            for b in 0..batch {
                for i in 0..m {
                    for j in 0..k {
                        us[b * m * k + i * k + j] = uw[b * m * ku + i * ku + j] * sw[b * k + j];
                    }
                }
            }
            let vk: Vec<C128> = (0..batch).flat_map(|b| vw[b * kv * n..b * kv * n + k * n].to_vec()).collect();
            let rec = matmul_c(&us, &vk, batch, m, k, n);
            assert!(rel_diff(&rec, &w(&a)) < 100.0 * eps, "{key}{suffix}: svd reconstruction");
            let uhu = matmul_c(&adjoint(&uw, batch, m, ku), &uw, batch, ku, m, ku);
            let eye_u: Vec<C128> = (0..batch * ku * ku)
                .map(|i| C128::new(if (i % (ku * ku)) % (ku + 1) == 0 { 1.0 } else { 0.0 }, 0.0))
                .collect();
            assert!(rel_diff(&uhu, &eye_u) < 100.0 * eps, "{key}{suffix}: U unitary");
            if ku == k {
                check_vals(case, Some(0), &u, Some(true));
            }
            if kv == k {
                check_vals(case, Some(2), &vh, Some(false));
            }
        }
        for (suffix, mode) in [("", QrMode::Reduced), ("_complete", QrMode::Complete), ("_r", QrMode::R)] {
            let case = c.case(&format!("{key}_qr{suffix}"));
            let (q, r) = qr(&a, mode).unwrap();
            if mode == QrMode::R {
                // R is unique up to the sign/phase of each row.
                check_vals(case, None, &r, Some(false));
                continue;
            }
            let q = q.unwrap();
            check_vals(case, Some(1), &r, Some(false));
            let qc = q.shape()[q.ndim() - 1];
            let rec = matmul_c(&w(&q), &w(&r), batch, m, qc, n);
            assert!(rel_diff(&rec, &w(&a)) < 100.0 * eps, "{key}{suffix}: qr reconstruction");
            let (_, qshape, _) = recorded(case, Some(0));
            assert_eq!(q.shape(), &qshape[..]);
            if qc == k {
                check_vals(case, Some(0), &q, Some(true));
            }
        }
    }
}

#[test]
fn float64_matches_numpy() {
    check_dtype::<f64>(&oracle("linalg/decomp"), "f64");
}

#[test]
fn float32_matches_numpy() {
    check_dtype::<f32>(&oracle("linalg/decomp"), "f32");
}

#[test]
fn complex128_matches_numpy() {
    check_dtype::<C128>(&oracle("linalg/decomp"), "c128");
}

#[test]
fn complex64_matches_numpy() {
    check_dtype::<C64>(&oracle("linalg/decomp"), "c64");
}

#[test]
fn int64_matches_numpy() {
    check_dtype::<i64>(&oracle("linalg/decomp"), "i64");
}

fn check_err<T>(c: &Cases, name: &str, r: nprs_linalg::Result<T>) {
    let Err(e) = r else { panic!("{name}: nprs did not fail") };
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

/// Singular values of real matrices large enough for the two-stage reduction, against
/// NumPy: shapes with a partial band panel, tall, wide (reduced to its triangle first),
/// scaled near underflow and overflow, float32, integers, the norms and condition number
/// built on them, and a rank-deficient product.
#[test]
fn large_real_singular_values_match_numpy() {
    let c = oracle("linalg/decomp");
    for key in ["ts_sq", "ts_tall", "ts_wide", "ts_rank"] {
        let a: Array<f64> = load(c.case(&format!("{key}_a")));
        c.case(&format!("{key}_svdvals")).check(&svdvals(&a).unwrap());
    }
    let a: Array<f64> = load(c.case("ts_sq_a"));
    c.case("ts_sq_tiny").check(&svdvals(&(&a * 1e-300)).unwrap());
    c.case("ts_sq_subnormal").check(&svdvals(&(&a * 1e-310)).unwrap());
    c.case("ts_sq_huge").check(&svdvals(&(&a * 1e300)).unwrap());
    c.case("ts_sq_f32").check(&svdvals(&a.astype::<f32>()).unwrap());
    let ints: Vec<i64> = a.to_vec().iter().map(|x| (x * 10.0).floor() as i64).collect();
    c.case("ts_sq_int").check(&svdvals(&Array::from_shape_vec(a.shape(), ints).unwrap()).unwrap());
    c.case("ts_sq_norm2").check(&norm(&a, Some(NormOrd::P(2.0)), None, false).unwrap());
    c.case("ts_sq_nuc").check(&norm(&a, Some(NormOrd::Nuc), None, false).unwrap());
    c.case("ts_sq_cond").check(&cond(&a, None).unwrap());
    let r: Array<f64> = load(c.case("ts_rank_a"));
    c.case("ts_rank").check(&matrix_rank(&r, None, None, false).unwrap());
}

#[test]
fn large_hermitian_eigenvalues_match_numpy() {
    let c = oracle("linalg/decomp");
    let a: Array<f64> = load(c.case("he_sq_a"));
    c.case("he_sq").check(&eigvalsh(&a, Uplo::Lower).unwrap());
    c.case("he_sq_U").check(&eigvalsh(&a, Uplo::Upper).unwrap());
    c.case("he_sq_f32").check(&eigvalsh(&a.astype::<f32>(), Uplo::Lower).unwrap());
    let ints: Vec<i64> = a.to_vec().iter().map(|x| (x * 10.0).floor() as i64).collect();
    c.case("he_sq_int").check(&eigvalsh(&Array::from_shape_vec(a.shape(), ints).unwrap(), Uplo::Lower).unwrap());
    c.case("he_sq_tiny").check(&eigvalsh(&(&a * 1e-300), Uplo::Lower).unwrap());
    c.case("he_sq_huge").check(&eigvalsh(&(&a * 1e300), Uplo::Lower).unwrap());
    for (key, uplo) in [("he_sq_eigh", Uplo::Lower), ("he_sq_eigh_U", Uplo::Upper)] {
        let (wv, v) = eigh(&a, uplo).unwrap();
        check_vals(c.case(key), Some(0), &wv, None);
        check_vals(c.case(key), Some(1), &v, Some(true));
    }
    let z: Array<C128> = load(c.case("he_c_a"));
    let (wv, v) = eigh(&z, Uplo::Lower).unwrap();
    check_vals(c.case("he_c_eigh"), Some(0), &wv, None);
    check_vals(c.case("he_c_eigh"), Some(1), &v, Some(true));
    let z64 = z.astype::<C64>();
    let (wv, v) = eigh(&z64, Uplo::Lower).unwrap();
    check_vals(c.case("he_c64_eigh"), Some(0), &wv, None);
    check_vals(c.case("he_c64_eigh"), Some(1), &v, Some(true));
    // The reconstruction A V = V diag(w) of the complex one, to a multiple of eps ||A||.
    let n = z.shape()[0];
    let zv = z.to_vec();
    let hz =
        Array::from_shape_vec(&[n, n], (0..n * n).map(|k| zv[k] + zv[(k % n) * n + k / n].conj()).collect()).unwrap();
    let (hw, hv) = eigh(&hz, Uplo::Lower).unwrap();
    let lhs = matmul_c(&w(&hz), &w(&hv), 1, n, n, n);
    let rhs: Vec<C128> = w(&hv).iter().enumerate().map(|(i, x)| x * hw.to_vec()[i % n]).collect();
    assert!(rel_diff(&lhs, &rhs) < 1e-13, "complex eigh residual {}", rel_diff(&lhs, &rhs));
    c.case("he_c").check(&eigvalsh(&z, Uplo::Lower).unwrap());
    c.case("he_c_U").check(&eigvalsh(&z, Uplo::Upper).unwrap());
    c.case("he_c64").check(&eigvalsh(&z.astype::<C64>(), Uplo::Lower).unwrap());
    for key in ["he_blocks", "he_rising", "he_falling", "he_rank"] {
        let a: Array<f64> = load(c.case(&format!("{key}_a")));
        let case = if key == "he_rank" { "he_rank_values" } else { key };
        c.case(case).check(&eigvalsh(&a, Uplo::Lower).unwrap());
    }
    let r: Array<f64> = load(c.case("he_rank_a"));
    c.case("he_rank").check(&matrix_rank(&r, None, None, true).unwrap());
}

/// `((i^2 31 + j^2 17 + i j 13 + 7 i + 3 j + s) mod 1009) / 1009 - 0.5`, the oracle's
/// `hashed`: integers and one division, so NumPy and Rust make the same bits.
fn hashed(n: usize, m: usize, s: i64) -> Array<f64> {
    let v = (0..n as i64)
        .flat_map(|i| {
            (0..m as i64)
                .map(move |j| ((i * i * 31 + j * j * 17 + i * j * 13 + i * 7 + j * 3 + s) % 1009) as f64 / 1009.0 - 0.5)
        })
        .collect();
    Array::from_shape_vec(&[n, m], v).unwrap()
}

/// Orders past the values-only divide and conquer's threshold: `eigvalsh` (real from either
/// triangle, complex, and a rank-40 product whose zero eigenvalues deflate) and `eigh`'s
/// values against NumPy, and `eigh`'s vectors by their residual and orthogonality.
#[test]
fn hermitian_eigenvalues_by_divide_and_conquer_match_numpy() {
    let c = oracle("linalg/decomp");
    let a = hashed(640, 640, 0);
    c.case("he_big").check(&eigvalsh(&a, Uplo::Lower).unwrap());
    c.case("he_big_U").check(&eigvalsh(&a, Uplo::Upper).unwrap());
    let (wv, v) = eigh(&a, Uplo::Lower).unwrap();
    c.case("he_big_eigh_values").check(&wv);
    let n = 640;
    let av = a.to_vec();
    let sym =
        Array::from_shape_vec(&[n, n], (0..n * n).map(|k| av[(k / n).max(k % n) * n + (k / n).min(k % n)]).collect())
            .unwrap();
    let (w, vv) = (wv.to_vec(), v.to_vec());
    let lhs = nprs_linalg::matmul(&sym, &v).unwrap().to_vec();
    let residual = lhs.iter().enumerate().map(|(k, x)| (x - vv[k] * w[k % n]).abs()).fold(0.0, f64::max);
    let gram = nprs_linalg::matmul(&v.t(), &v).unwrap().to_vec();
    let orth =
        gram.iter().enumerate().map(|(k, x)| (x - f64::from(u8::from(k / n == k % n))).abs()).fold(0.0, f64::max);
    let norm = w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    assert!(residual <= 1e-13 * norm * n as f64, "residual {residual:e}");
    assert!(orth <= 1e-13 * n as f64, "orthogonality {orth:e}");
    let (re, im) = (hashed(520, 520, 1).to_vec(), hashed(520, 520, 2).to_vec());
    let z = Array::from_shape_vec(&[520, 520], re.iter().zip(&im).map(|(r, i)| C128::new(*r, *i)).collect()).unwrap();
    c.case("he_big_c").check(&eigvalsh(&z, Uplo::Lower).unwrap());
    let b = hashed(560, 40, 3);
    let r = nprs_linalg::matmul(&b, &b.t()).unwrap();
    c.case("he_big_rank_values").check(&eigvalsh(&r, Uplo::Lower).unwrap());
    c.case("he_big_rank").check(&matrix_rank(&r, None, None, true).unwrap());
}

/// A stack of Hermitian matrices large enough for the two-thread reduction runs its
/// matrices on the pool's threads at once, each reduction with or without a helper as the
/// pool allows: every value is the one the matrix gives alone, bit for bit, and the pool
/// does not deadlock.
#[test]
fn stacked_hermitian_matrices_give_each_ones_bits() {
    let c = oracle("linalg/decomp");
    let a: Array<f64> = load(c.case("he_sq_a"));
    let n = a.shape()[0];
    let scales = [1.0, -2.0, 0.5, 3.0];
    let mats: Vec<Array<f64>> = scales.iter().map(|&k| &a * k).collect();
    let flat: Vec<f64> = mats.iter().flat_map(nprs_core::ArrayBase::to_vec).collect();
    let stack = Array::from_shape_vec(&[scales.len(), n, n], flat).unwrap();
    let together = eigvalsh(&stack, Uplo::Lower).unwrap().to_vec();
    let (wv, vv) = eigh(&stack, Uplo::Lower).unwrap();
    let (wv, vv) = (wv.to_vec(), vv.to_vec());
    for (i, m) in mats.iter().enumerate() {
        let alone = eigvalsh(m, Uplo::Lower).unwrap().to_vec();
        assert!(together[i * n..(i + 1) * n].iter().zip(&alone).all(|(x, y)| x.to_bits() == y.to_bits()), "matrix {i}");
        let (w1, v1) = eigh(m, Uplo::Lower).unwrap();
        assert!(wv[i * n..(i + 1) * n].iter().zip(&w1.to_vec()).all(|(x, y)| x.to_bits() == y.to_bits()));
        assert!(vv[i * n * n..(i + 1) * n * n].iter().zip(&v1.to_vec()).all(|(x, y)| x.to_bits() == y.to_bits()));
    }
}

/// A NaN or an infinity in the triangle `UPLO` does not name is not read, as LAPACK does
/// not read it.
#[test]
fn the_other_triangle_is_not_read() {
    let c = oracle("linalg/decomp");
    let a: Array<f64> = load(c.case("he_other_a"));
    c.case("he_other").check(&eigvalsh(&a, Uplo::Lower).unwrap());
    c.case("he_other_U").check(&eigvalsh(&a.t(), Uplo::Upper).unwrap());
    let (wv, v) = eigh(&a, Uplo::Lower).unwrap();
    check_vals(c.case("he_other_eigh"), Some(0), &wv, None);
    check_vals(c.case("he_other_eigh"), Some(1), &v, Some(true));
    c.case("he_other_rank").check(&matrix_rank(&a, None, None, true).unwrap());
    let small = array![[1.0, f64::NAN], [0.5, 2.0]];
    let (wv, v) = eigh(&small, Uplo::Lower).unwrap();
    check_vals(c.case("he_other_small_eigh"), Some(0), &wv, None);
    check_vals(c.case("he_other_small_eigh"), Some(1), &v, None);
    c.case("he_other_small_U").check(&eigvalsh(&small.t(), Uplo::Upper).unwrap());
    c.case("he_other_small_pinv").check(&pinv(&small, None, true).unwrap());
    // A NaN in the triangle read makes every element NaN, without an error.
    c.case("he_nan_small_pinv").check(&pinv(&small.t(), None, true).unwrap());
}

#[test]
fn special_cases_and_errors_match_numpy() {
    let c = oracle("linalg/decomp");
    let (wv, _) = eig(&array![[2.0, 1.0], [1.0, 2.0]]).unwrap();
    let case = c.case("eig_real_values");
    assert_close(case, "w", &sorted(&w(&wv), 2), &sorted(&recorded(case, Some(0)).2, 2));
    let (wv, _) = eig(&array![[0.0, -1.0], [1.0, 0.0]]).unwrap();
    let case = c.case("eig_complex_values");
    assert_close(case, "w", &sorted(&w(&wv), 2), &sorted(&recorded(case, Some(0)).2, 2));
    check_err(&c, "err_eig_nan", eig(&array![[f64::NAN, 0.0], [0.0, 1.0]]));
    check_err(&c, "err_eigvals_inf", eigvals(&array![[f64::INFINITY, 0.0], [0.0, 1.0]]));
    check_err(&c, "err_svd_nan", svd(&array![[f64::NAN, 0.0], [0.0, 1.0]], true, false));
    check_err(&c, "err_svd_ndim", svd(&Array::<f64>::ones(&[3]).unwrap(), true, false));
    check_err(&c, "err_eigh_square", eigh(&Array::<f64>::ones(&[2, 3]).unwrap(), Uplo::Lower));
    check_err(&c, "err_qr_ndim", qr(&Array::<f64>::ones(&[3]).unwrap(), QrMode::Reduced));
    check_err(&c, "err_eig_square", eig(&Array::<f64>::ones(&[2, 3]).unwrap()));
}

#[test]
fn dynamic_entry_points_give_numpys_dtypes() {
    use common::typed;
    use nprs_core::DynArray;
    use nprs_linalg::dynamic;
    let c = oracle("linalg/decomp");
    // eig of real input with real eigenvalues is real, as in NumPy; complex otherwise.
    let (wv, _) = dynamic::eig(&DynArray::from(array![[2.0, 1.0], [1.0, 2.0]])).unwrap();
    assert_eq!(wv.dtype().name(), recorded(c.case("eig_real_values"), Some(0)).0);
    let (wv, _) = dynamic::eig(&DynArray::from(array![[0.0, -1.0], [1.0, 0.0]])).unwrap();
    assert_eq!(wv.dtype().name(), recorded(c.case("eig_complex_values"), Some(0)).0);
    for dt in ["f32", "f64", "i64", "c64", "c128"] {
        let key = format!("{dt}_b3n4");
        let case = c.case(&format!("{key}_eigvals"));
        let (name, _, want) = recorded(case, None);
        let a = c.case(&format!("{key}_a"));
        let da = match dt {
            "f32" => DynArray::from(load::<f32>(a)),
            "f64" => DynArray::from(load::<f64>(a)),
            "i64" => DynArray::from(load::<i64>(a)),
            "c64" => DynArray::from(load::<C64>(a)),
            _ => DynArray::from(load::<C128>(a)),
        };
        let got = dynamic::eigvals(&da).unwrap();
        assert_eq!(got.dtype().name(), name, "{key}: eigvals dtype");
        let gotc = typed::<C128>(got.astype(&nprs_core::Descr::from(DType::Complex128)).unwrap());
        assert_close(case, "eigvals", &sorted(&w(&gotc), 4), &sorted(&want, 4));
        let wv = dynamic::eigvalsh(&da, Uplo::Lower).unwrap();
        assert_eq!(wv.dtype().name(), recorded(c.case(&format!("{key}_eigvalsh")), None).0);
        let (_, s, _) = dynamic::svd(&da, true, false).unwrap();
        assert_eq!(s.dtype().name(), recorded(c.case(&format!("{key}_svd")), Some(1)).0);
        let (q, r) = dynamic::qr(&da, QrMode::Reduced).unwrap();
        assert_eq!(q.unwrap().dtype().name(), recorded(c.case(&format!("{key}_qr")), Some(0)).0);
        assert_eq!(r.dtype().name(), recorded(c.case(&format!("{key}_qr")), Some(1)).0);
        let sv = dynamic::svdvals(&da).unwrap();
        assert_eq!(sv.dtype().name(), recorded(c.case(&format!("{key}_svdvals")), None).0);
        let (wv, v) = dynamic::eigh(&da, Uplo::Upper).unwrap();
        assert_eq!((wv.dtype().name(), v.dtype().name()), {
            let case = c.case(&format!("{key}_eigh_U"));
            (recorded(case, Some(0)).0, recorded(case, Some(1)).0)
        });
    }
}
