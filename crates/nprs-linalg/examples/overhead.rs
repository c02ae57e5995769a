//! Times nprs-linalg calls against the same computation called on faer directly, in one
//! process, alternating, and prints the medians (milliseconds) and their ratio.
//!
//! `cargo run --release -p nprs-linalg --example overhead [row-filter]`

use std::time::Instant;

use faer::{Accum, Mat, MatRef, Par, Side};
use nprs_core::{Array, identity};
use nprs_linalg as la;

fn uniform(shape: &[usize], seed: u64) -> Array<f64> {
    let n: usize = shape.iter().product();
    let mut z = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let v = (0..n)
        .map(|_| {
            z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut x = z;
            x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            x ^= x >> 31;
            (x >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
        })
        .collect();
    Array::from_shape_vec(shape, v).expect("size")
}

fn general(n: usize, seed: u64) -> Array<f64> {
    &(&uniform(&[n, n], seed) / n as f64) + &identity::<f64>(n).expect("identity")
}

fn rowmaj(a: &Array<f64>) -> MatRef<'_, f64> {
    let s = a.shape();
    MatRef::from_row_major_slice(a.as_slice().expect("contiguous"), s[0], s[1])
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs `nprs` and `faer` alternately `reps` times; prints medians in ms.
fn row(name: &str, reps: usize, mut nprs: impl FnMut(), mut faer: impl FnMut()) {
    let filter = std::env::args().nth(1).unwrap_or_default();
    if !name.contains(&filter) {
        return;
    }
    nprs();
    faer();
    let (mut tn, mut tf) = (Vec::new(), Vec::new());
    for _ in 0..reps {
        let t = Instant::now();
        nprs();
        tn.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        faer();
        tf.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let (n, f) = (median(&mut tn), median(&mut tf));
    println!("{name:<28} nprs {n:>10.3} ms   faer {f:>10.3} ms   nprs/faer {:.2}", n / f);
}

fn main() {
    println!("rayon threads: {}", rayon::current_num_threads());
    for n in [256usize, 1024, 2048] {
        let (a, b) = (uniform(&[n, n], 1), uniform(&[n, n], 2));
        let (fa, fb) = (rowmaj(&a).to_owned(), rowmaj(&b).to_owned());
        let reps = if n >= 2048 { 5 } else { 15 };
        row(
            &format!("matmul f64 {n}"),
            reps,
            || {
                std::hint::black_box(la::matmul(&a, &b).expect("square"));
            },
            || {
                let mut c = Mat::<f64>::zeros(n, n);
                faer::linalg::matmul::matmul(c.as_mut(), Accum::Replace, fa.as_ref(), fb.as_ref(), 1.0, Par::rayon(0));
                std::hint::black_box(c);
            },
        );
        // The layout nprs used to hand faer: C-ordered operands and a C-ordered output.
        row(
            &format!("matmul f64 {n} row-major faer"),
            reps,
            || {
                let mut c = vec![0.0f64; n * n];
                let dst = faer::MatMut::from_row_major_slice_mut(&mut c, n, n);
                faer::linalg::matmul::matmul(dst, Accum::Replace, rowmaj(&a), rowmaj(&b), 1.0, Par::rayon(0));
                std::hint::black_box(c);
            },
            || {
                let mut c = Mat::<f64>::zeros(n, n);
                faer::linalg::matmul::matmul(c.as_mut(), Accum::Replace, fa.as_ref(), fb.as_ref(), 1.0, Par::rayon(0));
                std::hint::black_box(c);
            },
        );
    }
    for n in [256usize, 1024] {
        let (a, b) = (uniform(&[n, n], 1).astype::<f32>(), uniform(&[n, n], 2).astype::<f32>());
        let fa = Mat::<f32>::from_fn(n, n, |i, j| a.as_slice().expect("c")[i * n + j]);
        let fb = Mat::<f32>::from_fn(n, n, |i, j| b.as_slice().expect("c")[i * n + j]);
        row(
            &format!("matmul f32 {n}"),
            15,
            || {
                std::hint::black_box(la::matmul(&a, &b).expect("square"));
            },
            || {
                let mut c = Mat::<f32>::zeros(n, n);
                faer::linalg::matmul::matmul(c.as_mut(), Accum::Replace, fa.as_ref(), fb.as_ref(), 1.0, Par::rayon(0));
                std::hint::black_box(c);
            },
        );
    }
    {
        let (a, b) = (uniform(&[10_000, 3, 3], 1), uniform(&[10_000, 3, 3], 2));
        let (sa, sb) = (a.as_slice().expect("c"), b.as_slice().expect("c"));
        row(
            "matmul stack (1e4,3,3)",
            51,
            || {
                std::hint::black_box(la::matmul(&a, &b).expect("stacks"));
            },
            || {
                // The floor: a plain loop over contiguous 3x3 blocks into a fresh buffer.
                let mut out = Vec::<f64>::with_capacity(sa.len());
                for (x, y) in sa.chunks_exact(9).zip(sb.chunks_exact(9)) {
                    for i in 0..3 {
                        for j in 0..3 {
                            out.push(x[3 * i] * y[j] + x[3 * i + 1] * y[3 + j] + x[3 * i + 2] * y[6 + j]);
                        }
                    }
                }
                std::hint::black_box(out);
            },
        );
    }
    {
        // A non-contiguous stack takes the general per-matrix path (the one every stack took).
        let (a, b) = (uniform(&[10_000, 3, 3], 1), uniform(&[10_000, 3, 3], 2));
        let at = a.permute_dims(&[0, 2, 1]).expect("axes");
        row(
            "matmul stack, per-matrix path",
            51,
            || {
                std::hint::black_box(la::matmul(&at, &b).expect("stacks"));
            },
            || {
                std::hint::black_box(la::matmul(&a, &b).expect("stacks"));
            },
        );
    }
    {
        let n = 1024;
        let u = uniform(&[n, n], 1);
        let a = &(&u + &u.t()) / 2.0;
        let fa = rowmaj(&a).to_owned();
        row(
            "eigh 1024",
            5,
            || {
                std::hint::black_box(la::eigh(&a, la::Uplo::Lower).expect("square"));
            },
            || {
                std::hint::black_box(fa.as_ref().self_adjoint_eigen(Side::Lower).expect("converges"));
            },
        );
    }
    {
        let a = general(1024, 1);
        let fa = rowmaj(&a).to_owned();
        row(
            "svd values 1024",
            5,
            || {
                std::hint::black_box(la::svdvals(&a).expect("finite"));
            },
            || {
                std::hint::black_box(fa.as_ref().singular_values().expect("converges"));
            },
        );
    }
    {
        let (a, b) = (uniform(&[4000, 500], 1), uniform(&[4000], 2));
        let fa = rowmaj(&a).to_owned();
        let fb = Mat::<f64>::from_fn(4000, 1, |i, _| b.as_slice().expect("c")[i]);
        row(
            "lstsq (4000,500)",
            7,
            || {
                std::hint::black_box(la::lstsq(&a, &b, None).expect("finite"));
            },
            || {
                // faer's least squares through QR, plus R's singular values (lstsq returns them).
                use faer::linalg::solvers::SolveLstsq;
                let qr = fa.as_ref().qr();
                let sv = qr.R().singular_values().expect("converges");
                let mut x = fb.clone();
                qr.solve_lstsq_in_place(x.as_mut());
                std::hint::black_box((x, sv));
            },
        );
    }
    {
        let a = general(512, 1);
        let fa = rowmaj(&a).to_owned();
        row(
            "pinv 512",
            9,
            || {
                std::hint::black_box(la::pinv(&a, None, false).expect("finite"));
            },
            || {
                let svd = fa.as_ref().thin_svd().expect("converges");
                let s = svd.S().column_vector();
                let cutoff = 1e-15 * s[0];
                let mut v = svd.V().to_owned();
                for c in 0..v.ncols() {
                    let inv = if s[c] > cutoff { 1.0 / s[c] } else { 0.0 };
                    for r in 0..v.nrows() {
                        v[(r, c)] *= inv;
                    }
                }
                let mut p = Mat::<f64>::zeros(512, 512);
                faer::linalg::matmul::matmul(
                    p.as_mut(),
                    Accum::Replace,
                    v.as_ref(),
                    svd.U().adjoint(),
                    1.0,
                    Par::rayon(0),
                );
                std::hint::black_box(p);
            },
        );
    }
    {
        let a = general(2048, 1);
        let fa = rowmaj(&a).to_owned();
        row(
            "norm fro 2048",
            21,
            || {
                std::hint::black_box(la::norm(&a, None, None, false).expect("matrix"));
            },
            || {
                std::hint::black_box(fa.as_ref().norm_l2());
            },
        );
    }
    {
        let a = general(1024, 1);
        let fa = rowmaj(&a).to_owned();
        row(
            "norm 2 1024",
            5,
            || {
                std::hint::black_box(la::norm(&a, Some(la::NormOrd::P(2.0)), None, false).expect("matrix"));
            },
            || {
                std::hint::black_box(fa.as_ref().singular_values().expect("converges")[0]);
            },
        );
    }
}
