//! Linear-algebra workloads (`numpy.linalg` and `@`), compared approximately: nprs's and
//! OpenBLAS/LAPACK's results agree to rounding, not bit for bit (see
//! [`Output::approx`](crate::output::Output::approx)).
//!
//! Inputs are the shared `uniform` streams: general matrices are `u / n + I` (well
//! conditioned, determinants of order one), symmetric ones `(u + u.T) / 2`, positive
//! definite ones `u @ u.T / n + I`.

use nprs_core::{Array, ArrayBase, identity, kernel::Data};
use nprs_linalg as la;

use crate::output::Output;
use crate::workloads::{Workload, uniform_array};

/// `u / n + I` over the last two axes of `shape`.
fn general(shape: &[usize], seed: u64) -> Array<f64> {
    let n = shape[shape.len() - 1];
    let u = uniform_array(shape, seed);
    &(&u / n as f64) + &identity::<f64>(n).expect("small identity")
}

fn abs<S: Data<Elem = f64>>(a: &ArrayBase<S>) -> Array<f64> {
    Array::from_shape_vec(a.shape(), a.iter().map(f64::abs).collect()).expect("same size")
}

const GENERAL: &str =
    "n = dims[-1]; a = uniform(int(np.prod(dims)), 1).reshape(dims) / n + np.eye(n); approx_digest = 20";

/// `(u + u.T) / 2` of order `n`.
fn symmetric(n: usize) -> Array<f64> {
    let u = uniform_array(&[n, n], 1);
    &(&u + &u.t()) / 2.0
}

const SYMMETRIC: &str = "n = dims[0]; u = uniform(n * n, 1).reshape(n, n); a = (u + u.T) / 2; approx_digest = 20";

macro_rules! w {
    ($name:expr, $size:expr, $dims:expr, $test:expr, $nprs:expr, $setup:expr, $run:expr) => {
        Workload {
            area: "linalg",
            name: $name,
            size: $size,
            dims: $dims,
            test_dims: $test,
            nprs: $nprs,
            numpy_setup: $setup,
            numpy_run: $run,
            numpy_avx512_slow: false,
        }
    };
}

/// The linear-algebra rows of the comparison table.
#[must_use]
#[allow(clippy::too_many_lines)] // one table
pub fn linalg_workloads() -> Vec<Workload> {
    const MATMUL_SETUP: &str =
        "n = dims[0]; a = uniform(n * n, 1).reshape(n, n); b = uniform(n * n, 2).reshape(n, n); approx_digest = 20";
    const MATMUL32_SETUP: &str = "n = dims[0]; a = uniform(n * n, 1).reshape(n, n).astype(np.float32); \
         b = uniform(n * n, 2).reshape(n, n).astype(np.float32); approx_digest = 10";
    fn mm64(d: &[usize]) -> crate::workloads::Runner {
        let (a, b) = (uniform_array(&[d[0], d[0]], 1), uniform_array(&[d[0], d[0]], 2));
        Box::new(move || Output::approx(la::matmul(&a, &b).expect("square")))
    }
    fn mm32(d: &[usize]) -> crate::workloads::Runner {
        let (a, b) = (uniform_array(&[d[0], d[0]], 1).astype::<f32>(), uniform_array(&[d[0], d[0]], 2).astype::<f32>());
        Box::new(move || Output::approx32(la::matmul(&a, &b).expect("square")))
    }
    vec![
        w!("matmul f64", "256", &[256], &[17], mm64, MATMUL_SETUP, "a @ b"),
        w!("matmul f64", "1024", &[1024], &[33], mm64, MATMUL_SETUP, "a @ b"),
        w!("matmul f64", "4096", &[4096], &[65], mm64, MATMUL_SETUP, "a @ b"),
        w!(
            "matmul f64 a.T @ b",
            "1024",
            &[1024],
            &[33],
            |d| {
                let (a, b) = (uniform_array(&[d[0], d[0]], 1), uniform_array(&[d[0], d[0]], 2));
                Box::new(move || Output::approx(la::matmul(&a.t(), &b).expect("square")))
            },
            MATMUL_SETUP,
            "a.T @ b"
        ),
        w!("matmul f32", "256", &[256], &[17], mm32, MATMUL32_SETUP, "a @ b"),
        w!("matmul f32", "1024", &[1024], &[33], mm32, MATMUL32_SETUP, "a @ b"),
        w!("matmul f32", "4096", &[4096], &[65], mm32, MATMUL32_SETUP, "a @ b"),
        w!(
            "matmul stack",
            "(1e4,3,3) f64",
            &[10_000, 3, 3],
            &[50, 3, 3],
            |d| {
                let (a, b) = (uniform_array(d, 1), uniform_array(d, 2));
                Box::new(move || Output::approx(la::matmul(&a, &b).expect("same stacks")))
            },
            "a = uniform(int(np.prod(dims)), 1).reshape(dims); b = uniform(int(np.prod(dims)), 2).reshape(dims); approx_digest = 20",
            "a @ b"
        ),
        w!(
            "solve",
            "1024 one rhs",
            &[1024, 1024],
            &[40, 40],
            |d| {
                let (a, b) = (general(d, 1), uniform_array(&d[..1], 2));
                Box::new(move || Output::approx(la::solve(&a, &b).expect("regular")))
            },
            "n = dims[-1]; a = uniform(n * n, 1).reshape(dims) / n + np.eye(n); b = uniform(n, 2); approx_digest = 20",
            "np.linalg.solve(a, b)"
        ),
        w!(
            "solve batch",
            "(1e4,4,4) x (1e4,4,1)",
            &[10_000, 4, 4],
            &[30, 4, 4],
            |d| {
                let (a, b) = (general(d, 1), uniform_array(&[d[0], 4, 1], 2));
                Box::new(move || Output::approx(la::solve(&a, &b).expect("regular")))
            },
            "n = dims[-1]; a = uniform(int(np.prod(dims)), 1).reshape(dims) / n + np.eye(n); \
             b = uniform(dims[0] * 4, 2).reshape(dims[0], 4, 1); approx_digest = 20",
            "np.linalg.solve(a, b)"
        ),
        w!(
            "inv",
            "512",
            &[512, 512],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::inv(&a).expect("regular")))
            },
            GENERAL,
            "np.linalg.inv(a)"
        ),
        w!(
            "inv batch",
            "(1e5,3,3)",
            &[100_000, 3, 3],
            &[40, 3, 3],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::inv(&a).expect("regular")))
            },
            GENERAL,
            "np.linalg.inv(a)"
        ),
        w!(
            "det",
            "512",
            &[512, 512],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::det(&a).expect("square")))
            },
            GENERAL,
            "np.linalg.det(a)"
        ),
        w!(
            "det batch",
            "(1e5,3,3)",
            &[100_000, 3, 3],
            &[40, 3, 3],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::det(&a).expect("square")))
            },
            GENERAL,
            "np.linalg.det(a)"
        ),
        w!(
            "slogdet",
            "512",
            &[512, 512],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::slogdet(&a).expect("square").1))
            },
            GENERAL,
            "np.linalg.slogdet(a)[1]"
        ),
        w!(
            "slogdet batch",
            "(1e5,3,3)",
            &[100_000, 3, 3],
            &[40, 3, 3],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::slogdet(&a).expect("square").1))
            },
            GENERAL,
            "np.linalg.slogdet(a)[1]"
        ),
        w!(
            "cholesky",
            "2048",
            &[2048],
            &[40],
            |d| {
                let n = d[0];
                let x = uniform_array(&[n, n], 1);
                let xxt = la::matmul(&x, &x.t()).expect("square");
                let a = &(&xxt / n as f64) + &identity::<f64>(n).expect("identity");
                Box::new(move || Output::approx(la::cholesky(&a, false).expect("positive definite")))
            },
            "n = dims[0]; x = uniform(n * n, 1).reshape(n, n); a = x @ x.T / n + np.eye(n); approx_digest = 20",
            "np.linalg.cholesky(a)"
        ),
        w!(
            "qr (Q and R), |R|",
            "1024",
            &[1024, 1024],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(abs(&la::qr(&a, la::QrMode::Reduced).expect("matrix").1)))
            },
            GENERAL,
            "np.abs(np.linalg.qr(a)[1])"
        ),
        w!(
            "eigh (values + vectors), values",
            "1024",
            &[1024],
            &[30],
            |d| {
                let a = symmetric(d[0]);
                Box::new(move || Output::approx(la::eigh(&a, la::Uplo::Lower).expect("square").0))
            },
            SYMMETRIC,
            "np.linalg.eigh(a)[0]"
        ),
        w!(
            "eigvalsh",
            "1024",
            &[1024],
            &[30],
            |d| {
                let a = symmetric(d[0]);
                Box::new(move || Output::approx(la::eigvalsh(&a, la::Uplo::Lower).expect("square")))
            },
            SYMMETRIC,
            "np.linalg.eigvalsh(a)"
        ),
        w!(
            "eig (values + vectors), sorted |w|",
            "512",
            &[512, 512],
            &[20, 20],
            |d| {
                let a = general(d, 1);
                Box::new(move || {
                    let (w, _v) = la::eig(&a).expect("finite");
                    let mut m: Vec<f64> = w.iter().map(nprs_core::C128::norm).collect();
                    m.sort_by(f64::total_cmp);
                    Output::approx(Array::from_vec(m))
                })
            },
            GENERAL,
            "np.sort(np.abs(np.linalg.eig(a)[0]))"
        ),
        w!(
            "svd values",
            "1024",
            &[1024, 1024],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::svdvals(&a).expect("finite")))
            },
            GENERAL,
            "np.linalg.svd(a, compute_uv=False)"
        ),
        w!(
            "svd full (U, S, Vh), S",
            "1024",
            &[1024, 1024],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::svd(&a, true, false).expect("finite").1))
            },
            GENERAL,
            "np.linalg.svd(a)[1]"
        ),
        w!(
            "lstsq",
            "(4000,500)",
            &[4000, 500],
            &[60, 20],
            |d| {
                let (a, b) = (uniform_array(d, 1), uniform_array(&d[..1], 2));
                Box::new(move || Output::approx(la::lstsq(&a, &b, None).expect("finite").0))
            },
            "a = uniform(dims[0] * dims[1], 1).reshape(dims); b = uniform(dims[0], 2); approx_digest = 20",
            "np.linalg.lstsq(a, b)[0]"
        ),
        w!(
            "pinv",
            "512",
            &[512, 512],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::pinv(&a, None, false).expect("finite")))
            },
            GENERAL,
            "np.linalg.pinv(a)"
        ),
        w!(
            "norm fro",
            "2048",
            &[2048, 2048],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::norm(&a, None, None, false).expect("matrix")))
            },
            GENERAL,
            "np.linalg.norm(a)"
        ),
        w!(
            "norm 2",
            "2048",
            &[2048, 2048],
            &[30, 30],
            |d| {
                let a = general(d, 1);
                Box::new(move || Output::approx(la::norm(&a, Some(la::NormOrd::P(2.0)), None, false).expect("matrix")))
            },
            GENERAL,
            "np.linalg.norm(a, 2)"
        ),
        w!(
            "dot",
            "1e7 f64 vectors",
            &[10_000_000],
            &[1000],
            |d| {
                let (a, b) = (uniform_array(d, 1), uniform_array(d, 2));
                Box::new(move || Output::approx(la::dot(&a, &b).expect("same length")))
            },
            "a = uniform(dims[0], 1); b = uniform(dims[0], 2); approx_digest = 20",
            "np.dot(a, b)"
        ),
        w!(
            "einsum bij,bjk->bik",
            "(64,128,128)",
            &[64, 128, 128],
            &[3, 8, 8],
            |d| {
                let (a, b) = (uniform_array(d, 1), uniform_array(d, 2));
                Box::new(move || {
                    Output::approx(la::einsum("bij,bjk->bik", &[a.view(), b.view()], la::Optimize::No).expect("stacks"))
                })
            },
            "a = uniform(int(np.prod(dims)), 1).reshape(dims); b = uniform(int(np.prod(dims)), 2).reshape(dims); approx_digest = 20",
            "np.einsum('bij,bjk->bik', a, b)"
        ),
        w!(
            "einsum bhid,bhjd->bhij",
            "(8,8,256,64)",
            &[8, 8, 256, 64],
            &[2, 2, 8, 4],
            |d| {
                let (q, k) = (uniform_array(d, 1), uniform_array(d, 2));
                Box::new(move || {
                    Output::approx(
                        la::einsum("bhid,bhjd->bhij", &[q.view(), k.view()], la::Optimize::No).expect("stacks"),
                    )
                })
            },
            "q = uniform(int(np.prod(dims)), 1).reshape(dims); k = uniform(int(np.prod(dims)), 2).reshape(dims); approx_digest = 20",
            "np.einsum('bhid,bhjd->bhij', q, k)"
        ),
    ]
}
