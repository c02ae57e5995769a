//! LU with partial pivoting of eight `float64` matrices of order 2 to 4 at once, one per
//! vector lane: the batched `det`, `slogdet`, `solve` and `inv` of stacks of small
//! matrices.
//!
//! One matrix's LU is a chain of dependent steps (a pivot search, a division, an update,
//! the next pivot search), so the per-matrix kernel ([`lu_small`](crate::lu::lu_small))
//! waits on latency. Here each step runs on eight matrices in one vector instruction:
//! lane `l` of every value holds matrix `l` of the group. The operations are
//! [`lu_small`](crate::lu::lu_small)'s and [`lu_small_solve`](crate::lu::lu_small_solve)'s,
//! with the same roundings (a reciprocal multiply, a multiply then a subtraction, never
//! fused), so a lane gives the same bits as the per-matrix kernel; their branches (a row
//! swap, an update skipped for a zero multiplier, a division for a pivot below the
//! smallest normal) become per-lane selects. The code is written on plain arrays of eight
//! lanes and compiled once for AVX-512F, where the CPU has it, and once for the baseline.
#![allow(unsafe_code)] // the AVX-512 instances are called once the CPU is known to have it

/// Matrices per group: the lanes of an AVX-512 vector of `f64`.
pub(crate) const LANES: usize = 8;

/// The matrices of a group, row-major one after another: lane `l`'s matrix (`N x cols`)
/// is `group[l * N * cols..(l + 1) * N * cols]`.
pub(crate) type Group<'a> = &'a [f64];

/// One value of each of the group's matrices.
type V = [f64; LANES];

/// A group's matrices, column-major: `a[j * N + i]` holds element `(i, j)` of each.
type Mats = [V; 16];

#[inline(always)]
fn map(a: V, f: impl Fn(f64) -> f64) -> V {
    a.map(f)
}

/// Loads the group's `N x cols` matrices into the lanes.
#[inline(always)]
fn load<const N: usize>(group: Group<'_>, a: &mut Mats, cols: usize) {
    let per = N * cols;
    let group = &group[..LANES * per];
    for l in 0..LANES {
        for i in 0..N {
            for j in 0..cols {
                a[j * N + i][l] = group[l * per + i * cols + j];
            }
        }
    }
}

/// Factors the group in place, as [`lu_small`](crate::lu::lu_small) factors each matrix:
/// `piv[j]` gets each lane's pivot row for column `j` (as a number). Returns, per lane,
/// whether a pivot was exactly zero (the matrix is singular).
#[inline(always)]
fn lu<const N: usize>(a: &mut Mats, piv: &mut [V; 4]) -> [bool; LANES] {
    let mut singular = [false; LANES];
    for j in 0..N {
        let col = j * N;
        // The first largest |a(i, j)| for i >= j.
        let mut best = map(a[col + j], f64::abs);
        let mut p = [j as f64; LANES];
        for i in j + 1..N {
            let v = map(a[col + i], f64::abs);
            for l in 0..LANES {
                let take = v[l] > best[l];
                best[l] = if take { v[l] } else { best[l] };
                p[l] = if take { i as f64 } else { p[l] };
            }
        }
        piv[j] = p;
        // Rows j and p swapped in every column (a lane with a zero pivot has p == j).
        for r in j + 1..N {
            for k in 0..N {
                let (x, y) = (a[k * N + j], a[k * N + r]);
                for l in 0..LANES {
                    let s = p[l] == r as f64;
                    a[k * N + j][l] = if s { y[l] } else { x[l] };
                    a[k * N + r][l] = if s { x[l] } else { y[l] };
                }
            }
        }
        let pivot = a[col + j];
        let normal = pivot.map(|d| d.abs() >= f64::MIN_POSITIVE);
        if normal.iter().all(|&n| n) {
            let r = pivot.map(|d| 1.0 / d);
            for i in j + 1..N {
                for l in 0..LANES {
                    a[col + i][l] *= r[l];
                }
            }
        } else {
            // Rare: a zero (singular), NaN or subnormal pivot in some lane.
            for l in 0..LANES {
                let d = pivot[l];
                if d == 0.0 {
                    singular[l] = true;
                } else if normal[l] {
                    let r = 1.0 / d;
                    for i in j + 1..N {
                        a[col + i][l] *= r;
                    }
                } else {
                    for i in j + 1..N {
                        a[col + i][l] /= d;
                    }
                }
            }
        }
        for k in j + 1..N {
            let u = a[k * N + j];
            for i in j + 1..N {
                let li = a[col + i];
                let x = &mut a[k * N + i];
                for l in 0..LANES {
                    let y = x[l] - li[l] * u[l];
                    x[l] = if u[l] == 0.0 { x[l] } else { y };
                }
            }
        }
    }
    singular
}

/// Solves the group's systems for the column-major `N x k` right-hand sides `x` in place,
/// from [`lu`]'s factors, as [`lu_small_solve`](crate::lu::lu_small_solve) does.
#[inline(always)]
fn solve<const N: usize>(lu: &Mats, piv: &[V; 4], x: &mut Mats, k: usize) {
    for c in 0..k {
        let x = &mut x[c * N..(c + 1) * N];
        for (j, p) in piv.iter().enumerate().take(N) {
            for r in j + 1..N {
                let (a, b) = (x[j], x[r]);
                for l in 0..LANES {
                    let s = p[l] == r as f64;
                    x[j][l] = if s { b[l] } else { a[l] };
                    x[r][l] = if s { a[l] } else { b[l] };
                }
            }
        }
        for j in 0..N {
            let xj = x[j];
            for i in j + 1..N {
                let f = lu[j * N + i];
                for l in 0..LANES {
                    let y = x[i][l] - xj[l] * f[l];
                    x[i][l] = if xj[l] == 0.0 { x[i][l] } else { y };
                }
            }
        }
        for j in (0..N).rev() {
            let zero = x[j].map(|v| v == 0.0);
            let d = lu[j * N + j];
            for l in 0..LANES {
                x[j][l] = if zero[l] { x[j][l] } else { x[j][l] / d[l] };
            }
            let xj = x[j];
            for i in 0..j {
                let f = lu[j * N + i];
                for l in 0..LANES {
                    let y = x[i][l] - xj[l] * f[l];
                    x[i][l] = if zero[l] { x[i][l] } else { y };
                }
            }
        }
    }
}

/// The pivots of a group for `slogdet`: for each lane, the sign NumPy builds (the
/// permutation's sign times each pivot's sign; 0 for a singular matrix) and the pivots'
/// moduli (ones for a singular matrix), `moduli[l * N + j]`.
#[inline(always)]
fn pivots<const N: usize>(mat: Group<'_>, signs: &mut [f64], moduli: &mut [f64]) {
    let mut a = [[0.0; LANES]; 16];
    load::<N>(mat, &mut a, N);
    let mut piv = [[0.0; LANES]; 4];
    let singular = lu::<N>(&mut a, &mut piv);
    for l in 0..LANES {
        let mut sign = 1.0;
        for j in 0..N {
            let d = a[j * N + j][l];
            let s = if d < 0.0 { -1.0 } else { 1.0 };
            sign *= if piv[j][l] == j as f64 { s } else { -s };
            // `-d` for a negative pivot, else `d` itself (a NaN keeps its sign bit), as
            // `Compute::sign_abs` and NumPy take the modulus apart.
            moduli[l * N + j] = if d < 0.0 { -d } else { d };
        }
        if singular[l] {
            sign = 0.0;
            moduli[l * N..(l + 1) * N].fill(1.0);
        }
        signs[l] = sign;
    }
}

/// Solves a group: `b(l)` is lane `l`'s right-hand side (`N x k`), or `None` for the
/// identity; lane `l`'s solution is written row-major to `out[l * N * k..]`. Returns
/// whether some lane's matrix is singular.
#[inline(always)]
fn solve_group<const N: usize>(mat: Group<'_>, b: Option<Group<'_>>, k: usize, out: &mut [f64]) -> bool {
    let mut a = [[0.0; LANES]; 16];
    load::<N>(mat, &mut a, N);
    let mut piv = [[0.0; LANES]; 4];
    let singular = lu::<N>(&mut a, &mut piv);
    let mut x = [[0.0; LANES]; 16];
    match b {
        Some(b) => load::<N>(b, &mut x, k),
        None => {
            for i in 0..N {
                x[i * N + i] = [1.0; LANES];
            }
        }
    }
    solve::<N>(&a, &piv, &mut x, k);
    let per = N * k;
    for (l, o) in out.chunks_exact_mut(per).enumerate() {
        for c in 0..k {
            for r in 0..N {
                o[r * k + c] = x[c * N + r][l];
            }
        }
    }
    singular.iter().any(|&s| s)
}

/// Whether the AVX-512 instances can run (checked once).
pub(crate) fn avx512() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        use std::sync::OnceLock;
        static HAS: OnceLock<bool> = OnceLock::new();
        *HAS.get_or_init(|| std::arch::is_x86_feature_detected!("avx512f"))
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Defines `$name::<N>(args) -> $ret`, calling `$body` compiled for AVX-512F where the CPU
/// has it and for the baseline elsewhere.
macro_rules! dispatched {
    ($(#[$doc:meta])* fn $name:ident<const N: usize>($($arg:ident: $ty:ty),*) $(-> $ret:ty)? = $body:ident) => {
        $(#[$doc])*
        pub(crate) fn $name<const N: usize>($($arg: $ty),*) $(-> $ret)? {
            #[cfg(target_arch = "x86_64")]
            {
                #[target_feature(enable = "avx512f")]
                fn wide<const N: usize>($($arg: $ty),*) $(-> $ret)? {
                    $body::<N>($($arg),*)
                }
                if avx512() {
                    // SAFETY: the CPU has AVX-512F (checked at run time).
                    return unsafe { wide::<N>($($arg),*) };
                }
            }
            $body::<N>($($arg),*)
        }
    };
}

dispatched! {
    /// [`pivots`] of a group.
    fn group_pivots<const N: usize>(mat: Group<'_>, signs: &mut [f64], moduli: &mut [f64]) = pivots
}

dispatched! {
    /// [`solve_group`] of a group.
    fn group_solve<const N: usize>(mat: Group<'_>, b: Option<Group<'_>>, k: usize, out: &mut [f64]) -> bool = solve_group
}

/// `out = a @ b` for the pairs of contiguous row-major `N x N` blocks of `a` and `b` (`N`
/// from 2 to 4; `out`, `a`, `b` equally long) but the last, each element summed from zero
/// in order of `k` (a multiply then an add, never fused) as the plain loop sums it; returns
/// how many blocks it wrote, 0 when the CPU lacks AVX (every x86-64 CPU since 2011 has it;
/// checked at run time) or `N` is out of range. A row of the product is one vector of four,
/// `a[i, l]` broadcast times row `l` of `b`; for orders 2 and 3 a row of four reads and
/// writes past the block into the next one (whose outputs are written after), which is why
/// the last block is left to the caller.
pub(crate) fn square_stack_f64<const N: usize>(out: &mut [f64], a: &[f64], b: &[f64]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        use std::sync::OnceLock;
        static HAS: OnceLock<bool> = OnceLock::new();
        let per = N * N;
        if !(2..=4).contains(&N) || !*HAS.get_or_init(|| std::arch::is_x86_feature_detected!("avx")) {
            return 0;
        }
        let blocks = (out.len().min(a.len()).min(b.len()) / per).saturating_sub(1);
        // SAFETY: the CPU has AVX (checked above).
        unsafe { square_stack_avx::<N>(out, a, b, blocks) };
        blocks
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        let _ = (out, a, b);
        0
    }
}

/// The first `blocks` products of [`square_stack_f64`], a row per AVX vector.
///
/// # Safety
/// The CPU must have AVX.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
unsafe fn square_stack_avx<const N: usize>(out: &mut [f64], a: &[f64], b: &[f64], blocks: usize) {
    use std::arch::x86_64::{
        _mm256_add_pd, _mm256_loadu_pd, _mm256_mul_pd, _mm256_set1_pd, _mm256_setzero_pd, _mm256_storeu_pd,
    };
    let per = N * N;
    // Every access below is at most `blocks * per + 4 <= (blocks + 1) * per` elements from
    // the start (a block has at least 4 elements), within the slices.
    assert!(out.len() >= (blocks + 1) * per && a.len() >= (blocks + 1) * per && b.len() >= (blocks + 1) * per);
    let (o, x, y) = (out.as_mut_ptr(), a.as_ptr(), b.as_ptr());
    for p in 0..blocks {
        let base = p * per;
        // SAFETY: rows start at `base + l * N` and span 4 elements, at most
        // `base + per - N + 4 <= base + per + 2`, inside the next block (asserted above).
        unsafe {
            let rows: [_; 4] =
                std::array::from_fn(|l| if l < N { _mm256_loadu_pd(y.add(base + l * N)) } else { _mm256_setzero_pd() });
            for i in 0..N {
                let mut acc = _mm256_setzero_pd();
                for (l, r) in rows.iter().enumerate().take(N) {
                    acc = _mm256_add_pd(acc, _mm256_mul_pd(_mm256_set1_pd(*x.add(base + i * N + l)), *r));
                }
                // Rows are written in order, so the lanes past row `i` are overwritten by
                // the next row (or the next block) afterwards.
                _mm256_storeu_pd(o.add(base + i * N), acc);
            }
        }
    }
}
