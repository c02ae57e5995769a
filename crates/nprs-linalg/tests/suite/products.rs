//! matmul and matrix_power against NumPy, typed and dynamic.

use crate::common;

use common::{FromOracle, load, typed};
use nprs_core::DynArray;
use nprs_core::prelude::*;
use nprs_linalg::{MatmulElem, dynamic, matmul, matrix_power};
use nprs_testkit::{Cases, oracle};

const PAIRS: [&str; 12] = ["mm", "vm", "mv", "vv", "bm", "bb", "small", "big", "k0", "m0", "wide", "bigstack"];

fn check_matmul<T: FromOracle + MatmulElem>(c: &Cases, dt: &str) {
    for pk in PAIRS {
        let key = format!("{dt}_{pk}");
        let a: Array<T> = load(c.case(&format!("{key}_a")));
        let b: Array<T> = load(c.case(&format!("{key}_b")));
        c.case(&format!("{key}_matmul")).check(&matmul(&a, &b).unwrap());
        let r = dynamic::matmul(&DynArray::from(a.clone()), &DynArray::from(b.clone())).unwrap();
        c.case(&format!("{key}_matmul")).check(&typed::<T>(r));
        // A transposed (F-ordered) copy of the operands gives the same product.
        if a.ndim() == 2 && b.ndim() == 2 {
            let at = a.t().to_owned();
            let bt = b.t().to_owned();
            c.case(&format!("{key}_matmul")).check(&matmul(&at.t(), &bt.t()).unwrap());
        }
    }
}

#[test]
fn matmul_float_and_complex_match_numpy() {
    let c = oracle("linalg/products");
    check_matmul::<f32>(&c, "f32");
    check_matmul::<f64>(&c, "f64");
    check_matmul::<C64>(&c, "c64");
    check_matmul::<C128>(&c, "c128");
}

#[test]
fn matmul_integer_and_bool_are_exact() {
    let c = oracle("linalg/products");
    check_matmul::<i64>(&c, "i64");
    check_matmul::<i32>(&c, "i32");
    check_matmul::<u8>(&c, "u8");
    check_matmul::<i8>(&c, "i8");
    check_matmul::<bool>(&c, "bool");
}

#[test]
fn matmul_mixed_dtypes_promote_as_numpy() {
    let c = oracle("linalg/products");
    let r = dynamic::matmul(&DynArray::from(array![[1i64, 2]]), &DynArray::from(array![[0.5f32], [0.25]])).unwrap();
    c.case("mixed_i64_f32").check(&typed::<f64>(r));
    let r = dynamic::matmul(&DynArray::from(array![[200u8, 2]]), &DynArray::from(array![[3i8], [-1]])).unwrap();
    c.case("mixed_u8_i8").check(&typed::<i16>(r));
    c.case("overflow_i8").check(&matmul(&array![[100i8, 100]], &array![[2i8], [1]]).unwrap());
}

fn check_err<T>(c: &Cases, name: &str, r: nprs_linalg::Result<T>) {
    let Err(e) = r else { panic!("{name}: nprs did not fail") };
    c.case(name).check_error(e.numpy_kind(), &e.to_string());
}

#[test]
fn matmul_errors_match_numpy() {
    let c = oracle("linalg/products");
    let ones = |s: &[usize]| Array::<f64>::ones(s).unwrap();
    check_err(&c, "err_0d", matmul(&Array::from_elem_0d(1.0), &ones(&[2])));
    check_err(&c, "err_0d_b", matmul(&ones(&[2]), &Array::from_elem_0d(1.0)));
    check_err(&c, "err_core", matmul(&ones(&[2, 3]), &ones(&[2, 3])));
    check_err(&c, "err_core_vec", matmul(&ones(&[3]), &ones(&[2])));
    check_err(&c, "err_broadcast", matmul(&ones(&[2, 3, 4]), &ones(&[3, 4, 5])));
}

fn check_power<T>(c: &Cases, dt: &str, typed_api: impl Fn(&Array<T>, i64) -> Option<nprs_linalg::Result<DynArray>>)
where
    T: FromOracle + MatmulElem,
{
    let a: Array<T> = load(c.case(&format!("pow_{dt}_a")));
    let da = DynArray::from(a.clone());
    for n in [-3i64, -1, 0, 1, 2, 3, 4, 5, 13] {
        let name = format!("pow_{dt}_{}{}", if n < 0 { "m" } else { "" }, n.abs());
        let case = c.case(&name);
        let results = [Some(dynamic::matrix_power(&da, n)), typed_api(&a, n)];
        for r in results.into_iter().flatten() {
            match r {
                Ok(d) => match case.dtype() {
                    Some(DType::Float64) => case.check(&typed::<f64>(d)),
                    Some(DType::Float32) => case.check(&typed::<f32>(d)),
                    Some(DType::Complex128) => case.check(&typed::<C128>(d)),
                    Some(DType::Int64) => case.check(&typed::<i64>(d)),
                    Some(DType::Bool) => case.check(&typed::<bool>(d)),
                    other => panic!("{name}: unexpected dtype {other:?}"),
                },
                Err(e) => case.check_error(e.numpy_kind(), &e.to_string()),
            }
        }
    }
}

#[test]
fn matrix_power_matches_numpy() {
    let c = oracle("linalg/products");
    check_power::<f64>(&c, "f64", |a, n| Some(matrix_power(a, n).map(DynArray::from)));
    check_power::<f32>(&c, "f32", |a, n| Some(matrix_power(a, n).map(DynArray::from)));
    check_power::<C128>(&c, "c128", |a, n| Some(matrix_power(a, n).map(DynArray::from)));
    check_power::<i64>(&c, "i64", |_, _| None);
    check_power::<bool>(&c, "bool", |_, _| None);
    check_err(&c, "pow_err_square", matrix_power(&Array::<f64>::ones(&[2, 3]).unwrap(), 2));
    check_err(&c, "pow_err_ndim", matrix_power(&Array::<f64>::ones(&[3]).unwrap(), 2));
    check_err(&c, "pow_err_singular", matrix_power(&Array::<f64>::zeros(&[2, 2]).unwrap(), -1));
    c.case("pow_0x0").check(&matrix_power(&Array::<f64>::zeros(&[0, 0]).unwrap(), 3).unwrap());
}

#[test]
fn matvec_and_vecmat_match_numpy() {
    use nprs_linalg::{matvec, vecmat};
    let c = oracle("linalg/products");
    let a: Array<f64> = load(c.case("mv_a"));
    let v: Array<f64> = load(c.case("mv_v"));
    let w: Array<C128> = load(c.case("mv_w"));
    c.case("matvec").check(&matvec(&a, &v).unwrap());
    c.case("vecmat").check(&vecmat(&w, &a.astype::<C128>()).unwrap());
    let ones = |s: &[usize]| Array::<f64>::ones(s).unwrap();
    check_err(&c, "err_matvec_core", matvec(&ones(&[2, 3]), &ones(&[2])));
    check_err(&c, "err_vecmat_core", vecmat(&ones(&[2]), &ones(&[3, 2])));
    check_err(&c, "err_matvec_bcast", matvec(&ones(&[2, 2, 3]), &ones(&[3, 3])));
    check_err(&c, "err_matvec_ndim", matvec(&ones(&[3]), &ones(&[3])));
}

/// A sum of `-0.0` products is `+0.0` in NumPy (BLAS starts every sum at `+0.0`): the
/// results are compared bit for bit, so a `-0.0` fails. Small, stacked, mid-sized and
/// blocked products, typed and dynamic.
#[test]
fn matmul_sums_of_negative_zero_products_are_positive_zero() {
    fn check<T: FromOracle + MatmulElem>(c: &Cases, dt: &str) {
        let a_shapes: [(&str, &[usize]); 4] =
            [("small", &[2, 5]), ("stack", &[10, 3, 3]), ("mid", &[6, 5]), ("big", &[70, 65])];
        for (pk, sa) in a_shapes {
            let key = format!("negzero_{dt}_{pk}");
            let b: Array<T> = load(c.case(&format!("{key}_b")));
            let a = Array::<T>::zeros(sa).unwrap();
            c.case(&key).check(&matmul(&a, &b).unwrap());
            let r = dynamic::matmul(&DynArray::from(a.clone()), &DynArray::from(b.clone())).unwrap();
            c.case(&key).check(&typed::<T>(r));
        }
    }
    let c = oracle("linalg/products");
    check::<f32>(&c, "f32");
    check::<f64>(&c, "f64");
    check::<C64>(&c, "c64");
    check::<C128>(&c, "c128");
}

/// Stacks of small square `float64` products (the vector kernel, one row of the product
/// per vector, and the plain loop for the last block) give, bit for bit, each product
/// alone (the per-matrix loop): orders 2 to 4, stacks longer and shorter than a parallel
/// block, signed zeros (a sum of `-0.0` products is `+0.0`, as BLAS gives), NaN and
/// infinity.
#[test]
fn small_stacks_equal_one_product_at_a_time() {
    // Bit for bit, signed zeros included; a NaN is any NaN, since neither Rust nor IEEE 754
    // fixes which operand's sign and payload a NaN result carries (the optimiser may swap
    // an addition's operands, and NumPy's loops do not promise one either).
    let bits = |v: Vec<f64>| v.into_iter().map(|x| if x.is_nan() { f64::NAN } else { x }.to_bits()).collect::<Vec<_>>();
    for n in 2..=4usize {
        for count in [1usize, 2, 9, 1500] {
            let val = |i: usize, s: u64| {
                let r = (i as u64 ^ s).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(17);
                match r % 41 {
                    0 => -0.0,
                    1 => 0.0,
                    2 => f64::NAN,
                    3 => f64::INFINITY,
                    _ => (r >> 11) as f64 / (1u64 << 53) as f64 * 6.0 - 3.0,
                }
            };
            let len = count * n * n;
            let a = Array::from_shape_vec(&[count, n, n], (0..len).map(|i| val(i, 1)).collect()).unwrap();
            let b = Array::from_shape_vec(&[count, n, n], (0..len).map(|i| val(i, 2)).collect()).unwrap();
            let all = matmul(&a, &b).unwrap();
            for p in 0..count {
                let p = p as isize;
                let one = matmul(&a.slice(s![p]), &b.slice(s![p])).unwrap();
                assert_eq!(bits(one.to_vec()), bits(all.slice(s![p]).to_vec()), "n = {n}, count = {count}, block {p}");
            }
        }
    }
    // The sum of -0.0 products is +0.0.
    let neg: Array<f64> = array![[[-0.0, 1.0], [1.0, 1.0]], [[-0.0, 1.0], [1.0, 1.0]]];
    let pos: Array<f64> = array![[[1.0, 1.0], [-0.0, 1.0]], [[1.0, 1.0], [-0.0, 1.0]]];
    let p = matmul(&neg, &pos).unwrap();
    assert_eq!(p.to_vec()[0].to_bits(), 0.0f64.to_bits());
}

/// Products large enough to be cut into one part per thread (along either side of the
/// result), in `float64` and `float32`, against the same product computed a block of
/// columns at a time (each block small enough to stay whole): the entries are small
/// integers, so every sum is exact whatever its order and the two agree exactly.
#[test]
fn large_products_cut_between_threads_are_exact() {
    fn check<T: MatmulElem + nprs_core::Element>(m: usize, k: usize, n: usize, val: impl Fn(i64) -> T) {
        let int = |i: usize, s: i64| ((i as i64).wrapping_mul(2_654_435_761 + s) >> 7).rem_euclid(5) - 2;
        let a = Array::from_shape_vec(&[m, k], (0..m * k).map(|i| val(int(i, 1))).collect()).unwrap();
        let b = Array::from_shape_vec(&[k, n], (0..k * n).map(|i| val(int(i, 2))).collect()).unwrap();
        let whole = matmul(&a, &b).unwrap();
        for c0 in (0..n).step_by(64) {
            let c1 = (c0 + 64).min(n);
            let block = matmul(&a, &b.slice(s![.., c0 as isize..c1 as isize])).unwrap();
            assert!(
                block.to_vec() == whole.slice(s![.., c0 as isize..c1 as isize]).to_vec(),
                "{m} x {k} x {n}, columns {c0}..{c1}"
            );
        }
    }
    for (m, k, n) in [(520usize, 510usize, 530usize), (300, 400, 1200), (1100, 300, 420)] {
        assert!(m * k * n >= 1 << 27, "large enough to be cut");
        check::<f64>(m, k, n, |x| x as f64);
        check::<f32>(m, k, n, |x| x as f32);
    }
}

/// A product large enough that its transposed left operand (a column-major right-hand side
/// for faer, which multiplies the transposed problem) is copied column-major first gives the
/// bits of the same product of a C-ordered copy, and entries that are the dot products they
/// must be.
#[test]
fn large_products_of_transposed_views_equal_contiguous_ones() {
    let (m, k, n) = (520usize, 500usize, 530usize);
    let val = |i: usize| ((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) as f64 / (1u64 << 53) as f64 - 0.5;
    let a = Array::from_shape_vec(&[k, m], (0..m * k).map(val).collect()).unwrap();
    let b = Array::from_shape_vec(&[k, n], (0..k * n).map(|i| val(i + m * k)).collect()).unwrap();
    let at = a.t().to_owned();
    let viewed = matmul(&a.t(), &b).unwrap();
    let copied = matmul(&at, &b).unwrap();
    assert_eq!(viewed.shape(), &[m, n]);
    assert!(viewed.iter().zip(copied.iter()).all(|(x, y)| x.to_bits() == y.to_bits()));
    // Entry (i, j) is the dot product of column i of `a` and column j of `b`.
    let (av, bv) = (a.to_vec(), b.to_vec());
    for &(i, j) in &[(0usize, 0usize), (m - 1, n - 1), (17, 400), (511, 3)] {
        let dot: f64 = (0..k).map(|r| av[r * m + i] * bv[r * n + j]).sum();
        let got = viewed.to_vec()[i * n + j];
        assert!((got - dot).abs() <= 1e-12, "({i}, {j}): {got} against {dot}");
    }
}
