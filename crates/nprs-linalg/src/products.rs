//! Matrix products: `matmul` (NumPy's `@`) and `matrix_power`, batched and broadcast.
//!
//! Floating-point and complex products run on faer's matrix multiplication (its own
//! precision: `float32` stays `float32`, as NumPy's BLAS call does); integer products are
//! exact with wrapping on overflow, as NumPy's; `bool` products are logical (or of ands).

use std::mem::MaybeUninit;

use faer::reborrow::ReborrowMut;
use faer::{Accum, MatMut, MatRef, Par};
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, ArrayView, C64, C128, Element};

use crate::batch::{Stack, broadcast_batch, run, shaped};
use crate::error::{Error, Result};
use crate::scalar::LinalgElem;

/// An element type `matmul` multiplies: `f32`, `f64`, `C64`, `C128`, the integer types and
/// `bool`.
pub trait MatmulElem: Element {
    /// `out = a @ b` for one `m x k` by `k x n` product into the row-major `m x n` slots
    /// of `out`, which need not be initialised: every slot is written, and returned as
    /// written values.
    fn gemm<'o>(out: &'o mut [MaybeUninit<Self>], a: MatRef<'_, Self>, b: MatRef<'_, Self>, par: Par)
    -> &'o mut [Self];
    /// One (the multiplicative identity).
    fn one() -> Self;
    /// The complex conjugate (the value itself for real, integer and bool types).
    fn conj_elem(self) -> Self;
    /// `self + other` (wrapping for integers, `or` for bool).
    fn add_elem(self, other: Self) -> Self;
    /// `self * other` (wrapping for integers, `and` for bool).
    fn mul_elem(self, other: Self) -> Self;
    /// `self - other` (wrapping for integers, `xor` for bool).
    fn sub_elem(self, other: Self) -> Self;
    /// The products of the leading contiguous row-major square blocks of order `N` (2 to
    /// 4) in `a` and `b` into `out` by a vector kernel of the type's own, with the plain
    /// loop's roundings: how many blocks it wrote (0 when the type has no such kernel).
    #[doc(hidden)]
    fn square_stack<const N: usize>(out: &mut [Self], a: &[Self], b: &[Self]) -> usize {
        let _ = (out, a, b);
        0
    }
    /// The dot product of two equally long contiguous vectors by a blocked, parallel
    /// kernel of the type's own; `None` when the type has none (the product kernel then
    /// computes it as a `1 x n` by `n x 1` product).
    #[doc(hidden)]
    fn dot_vectors(a: &[Self], b: &[Self]) -> Option<Self> {
        let _ = (a, b);
        None
    }
}

/// Products up to this many multiply-adds use a plain loop (no call overhead).
const NAIVE_MAX: usize = 4 * 4 * 4;

/// The slots as the values written into them.
///
/// # Safety
/// Every slot must have been written.
#[allow(unsafe_code)]
unsafe fn written<T>(out: &mut [MaybeUninit<T>]) -> &mut [T] {
    // SAFETY: `MaybeUninit<T>` has `T`'s layout, and the caller vouches that every slot holds
    // a value.
    unsafe { std::slice::from_raw_parts_mut(out.as_mut_ptr().cast::<T>(), out.len()) }
}

/// The slots, each set to zero (`T::default()`).
#[allow(unsafe_code)]
fn zeroed<T: Element>(out: &mut [MaybeUninit<T>]) -> &mut [T] {
    for slot in out.iter_mut() {
        slot.write(T::default());
    }
    // SAFETY: the loop wrote every slot.
    unsafe { written(out) }
}

/// Products below this many multiply-adds run on one thread (64 x 64 x 64: 4.3 µs on one
/// thread, 22 µs shared by faer between two).
const PAR_MIN: usize = 1 << 21;

/// Products at least this large (multiply-adds) are cut into one part per thread; between
/// [`PAR_MIN`] and this, faer shares the product out itself.
const SPLIT_MIN: usize = 1 << 27;

/// Products at least this large (multiply-adds) whose right-hand side is not column-major
/// (`a.T @ b` of C-ordered arrays) copy it column-major first: faer's kernel ran about
/// half as fast with it row-major (512 x 512 x 512: 7.6 against 4.0 ms on one thread, 3.6
/// against 2.7 on two; 1024: 38 against 23 ms on two), and the copy costs a fraction of a
/// millisecond. At 256 the two are within 0.05 ms.
const COPY_RHS_MIN: usize = 1 << 26;

/// `dst = alpha * lhs @ rhs` by faer's kernel, with the threads `par` allows used three
/// ways by size. Small products run on one thread. Mid-sized ones are shared out by faer in
/// many small tasks: when the pool's threads have been asleep (a call after a pause), the
/// first awake thread starts them all and the others join as they wake. Large ones are cut
/// along `dst`'s longer side into one contiguous part per thread, each on faer's
/// one-thread kernel: on two cores this beat faer's own sharing (`float64` 1024 x 1024,
/// 10.3 against 9.7 ms; 4096, 720 against 685 ms), and a thread that wakes late costs
/// little against a call of milliseconds. (Cut in halves, a 256 x 256 product was faster in
/// a loop, 169 against 155 µs, but slower right after a pause, when the second half waits
/// for its thread to wake: 280 against 210 µs in the comparison's repetitions.)
pub(crate) fn split_product<T: faer::traits::ComplexField + Copy + Send + Sync>(
    dst: MatMut<'_, T>,
    lhs: MatRef<'_, T>,
    rhs: MatRef<'_, T>,
    alpha: T,
    par: Par,
) {
    let parts = match par {
        Par::Seq => 1,
        Par::Rayon(n) => n.get(),
    };
    let work = dst.nrows().saturating_mul(dst.ncols()).saturating_mul(lhs.ncols());
    if work >= COPY_RHS_MIN && rhs.row_stride() != 1 && rhs.nrows() > 1 && rhs.ncols() > 1 {
        let rhs = column_major(rhs, parts > 1);
        return split_product(dst, lhs, rhs.as_ref(), alpha, par);
    }
    if work < PAR_MIN || parts < 2 {
        faer::linalg::matmul::matmul(dst, Accum::Replace, lhs, rhs, alpha, Par::Seq);
    } else if work < SPLIT_MIN {
        faer::linalg::matmul::matmul(dst, Accum::Replace, lhs, rhs, alpha, par);
    } else {
        split_parts(dst, lhs, rhs, alpha, parts);
    }
}

/// A column-major copy of `m`, in bands of 32 columns (on the pool when `par`), each band
/// copied in 32 x 32 tiles so that a row-major source is read a few cache lines per tile
/// (faer's `to_owned` of a row-major 1,024 x 1,024 matrix took about 6 ms).
fn column_major<T: faer::traits::ComplexField + Copy + Send + Sync>(m: MatRef<'_, T>, par: bool) -> faer::Mat<T> {
    use rayon::prelude::*;
    const TILE: usize = 32;
    let (rows, cols) = (m.nrows(), m.ncols());
    let mut out = faer::Mat::<T>::zeros(rows, cols);
    let band = |(b, mut o): (usize, MatMut<'_, T>)| {
        let c0 = b * TILE;
        for r0 in (0..rows).step_by(TILE) {
            let r1 = (r0 + TILE).min(rows);
            for c in 0..o.ncols() {
                let col = o.rb_mut().col_mut(c).try_as_col_major_mut().expect("a column").as_slice_mut();
                for (r, x) in col[r0..r1].iter_mut().enumerate() {
                    *x = m[(r0 + r, c0 + c)];
                }
            }
        }
    };
    if par {
        out.par_col_chunks_mut(TILE).enumerate().for_each(band);
    } else {
        for c0 in (0..cols).step_by(TILE) {
            band((c0 / TILE, out.as_mut().subcols_mut(c0, TILE.min(cols - c0))));
        }
    }
    out
}

/// [`split_product`] into `parts` pieces, halving recursively on the rayon pool.
fn split_parts<T: faer::traits::ComplexField + Copy + Send + Sync>(
    dst: MatMut<'_, T>,
    lhs: MatRef<'_, T>,
    rhs: MatRef<'_, T>,
    alpha: T,
    parts: usize,
) {
    let (rows, cols) = (dst.nrows(), dst.ncols());
    if parts < 2 || rows.max(cols) < 2 {
        faer::linalg::matmul::matmul(dst, Accum::Replace, lhs, rhs, alpha, Par::Seq);
        return;
    }
    let first = parts / 2;
    if cols >= rows {
        let at = cols * first / parts;
        let (d0, d1) = dst.split_at_col_mut(at);
        let (r0, r1) = rhs.split_at_col(at);
        rayon::join(|| split_parts(d0, lhs, r0, alpha, first), || split_parts(d1, lhs, r1, alpha, parts - first));
    } else {
        let at = rows * first / parts;
        let (d0, d1) = dst.split_at_row_mut(at);
        let (l0, l1) = lhs.split_at_row(at);
        rayon::join(|| split_parts(d0, l0, rhs, alpha, first), || split_parts(d1, l1, rhs, alpha, parts - first));
    }
}

/// [`MatmulElem::gemm`] into a block of an initialised (zeroed) batched result.
#[allow(unsafe_code)]
fn gemm_into<T: MatmulElem>(out: &mut [T], a: MatRef<'_, T>, b: MatRef<'_, T>, par: Par) {
    // SAFETY: viewing initialised values as possibly-uninitialised slots is sound as long
    // as nothing uninitialised is stored through the view, and `gemm` stores only values.
    let slots = unsafe { &mut *(std::ptr::from_mut(out) as *mut [MaybeUninit<T>]) };
    T::gemm(slots, a, b, par);
}

macro_rules! faer_gemm {
    ($($t:ty => $one:expr, $conj:expr $(, $square:ident, $dot:path)?);*) => {$(
        impl MatmulElem for $t {
            $(
            fn square_stack<const N: usize>(out: &mut [Self], a: &[Self], b: &[Self]) -> usize {
                crate::lanes::$square::<N>(out, a, b)
            }
            fn dot_vectors(a: &[Self], b: &[Self]) -> Option<Self> {
                Some($dot(a, b))
            }
            )?
            #[allow(unsafe_code)] // faer writes the uninitialised output without reading it
            fn gemm<'o>(out: &'o mut [MaybeUninit<Self>], a: MatRef<'_, Self>, b: MatRef<'_, Self>, par: Par) -> &'o mut [Self] {
                let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
                assert_eq!(out.len(), m * n, "gemm: an output of m x n slots");
                if m * n * k <= NAIVE_MAX {
                    sum_products([m, k, n], |i, l| a[(i, l)], |l, j| b[(l, j)], |at, x| {
                        out[at].write(x);
                    });
                    // SAFETY: `sum_products` wrote all `m * n` slots.
                    return unsafe { written(out) };
                }
                // The row-major `out` is `C^T` column-major: ask for `C^T = B^T A^T`, so that
                // for C-ordered operands faer sees every matrix column-major, the layout its
                // kernels are written for.
                // SAFETY: `out` holds `n * m` slots, the extent of an `n x m` column-major
                // view with these strides, borrowed mutably for the view's whole life.
                let dst = unsafe { MatMut::from_raw_parts_mut(out.as_mut_ptr().cast::<$t>(), n, m, 1, n as isize) };
                // `Accum::Replace`: faer writes every element and does not read the old
                // values (its documented contract), so the slots need no zeros first.
                split_product(dst, b.transpose(), a.transpose(), $one, par);
                // SAFETY: the product wrote every slot.
                let out = unsafe { written(out) };
                // BLAS sums every element from +0.0, so NumPy never returns -0.0 from a
                // product (+0.0 + -0.0 is +0.0); faer's kernels can (a sum of only -0.0
                // products). Adding +0.0 turns -0.0 into +0.0 and leaves any other value,
                // NaN included, as it is: one pass over the output.
                for x in out.iter_mut() {
                    *x += <$t>::default();
                }
                out
            }
            fn one() -> Self {
                $one
            }
            fn conj_elem(self) -> Self {
                ($conj)(self)
            }
            fn add_elem(self, other: Self) -> Self {
                self + other
            }
            fn mul_elem(self, other: Self) -> Self {
                self * other
            }
            fn sub_elem(self, other: Self) -> Self {
                self - other
            }
        }
    )*};
}
faer_gemm!(
    f32 => 1.0f32, |x: f32| x;
    f64 => 1.0f64, |x: f64| x, square_stack_f64, crate::sums::dot_f64;
    C64 => C64::new(1.0, 0.0), |x: C64| x.conj();
    C128 => C128::new(1.0, 0.0), |x: C128| x.conj()
);

macro_rules! int_gemm {
    ($($t:ty),*) => {$(
        impl MatmulElem for $t {
            fn gemm<'o>(out: &'o mut [MaybeUninit<Self>], a: MatRef<'_, Self>, b: MatRef<'_, Self>, _par: Par) -> &'o mut [Self] {
                let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
                let out = zeroed(out);
                for i in 0..m {
                    let row = &mut out[i * n..(i + 1) * n];
                    for l in 0..k {
                        let x = a[(i, l)];
                        if x == 0 {
                            continue;
                        }
                        for (j, o) in row.iter_mut().enumerate() {
                            *o = o.wrapping_add(x.wrapping_mul(b[(l, j)]));
                        }
                    }
                }
                out
            }
            fn one() -> Self {
                1
            }
            fn conj_elem(self) -> Self {
                self
            }
            fn add_elem(self, other: Self) -> Self {
                self.wrapping_add(other)
            }
            fn mul_elem(self, other: Self) -> Self {
                self.wrapping_mul(other)
            }
            fn sub_elem(self, other: Self) -> Self {
                self.wrapping_sub(other)
            }
        }
    )*};
}
int_gemm!(i8, i16, i32, i64, u8, u16, u32, u64);

impl MatmulElem for bool {
    fn gemm<'o>(
        out: &'o mut [MaybeUninit<Self>],
        a: MatRef<'_, Self>,
        b: MatRef<'_, Self>,
        _par: Par,
    ) -> &'o mut [Self] {
        let (m, k, n) = (a.nrows(), a.ncols(), b.ncols());
        let out = zeroed(out);
        for i in 0..m {
            for j in 0..n {
                out[i * n + j] = (0..k).any(|l| a[(i, l)] && b[(l, j)]);
            }
        }
        out
    }
    fn one() -> Self {
        true
    }
    fn conj_elem(self) -> Self {
        self
    }
    fn add_elem(self, other: Self) -> Self {
        self || other
    }
    fn mul_elem(self, other: Self) -> Self {
        self && other
    }
    fn sub_elem(self, other: Self) -> Self {
        self != other
    }
}

const MATMUL_SIG: &str = "(n?,k),(k,m?)->(n?,m?)";

/// The matrix product of two arrays (`numpy.matmul`, the `@` operator).
///
/// Stacks of matrices `(..., N, K) @ (..., K, M)` broadcast their batch dimensions; a 1-d
/// left operand is a row vector and a 1-d right operand a column vector, and the added
/// dimension is removed from the result, as in NumPy. Both operands have the same element
/// type; mixed dtypes go through [`dynamic::matmul`](crate::dynamic::matmul).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let c = nprs_linalg::matmul(&a, &array![1.0, 1.0])?;
/// assert_eq!(c.to_vec(), vec![3.0, 7.0]);
/// let i = nprs_linalg::matmul(&array![[1i64, 2], [3, 4]], &array![[5i64, 6], [7, 8]])?;
/// assert_eq!(i.to_vec(), vec![19, 22, 43, 50]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError`s in NumPy's words: a 0-d operand, inner dimensions that differ, batch
/// dimensions that do not broadcast.
pub fn matmul<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    matmul_views(&a.view(), &b.view())
}

pub(crate) fn matmul_views<T: MatmulElem>(a: &ArrayView<'_, T>, b: &ArrayView<'_, T>) -> Result<Array<T>> {
    for (i, nd) in [a.ndim(), b.ndim()].into_iter().enumerate() {
        if nd == 0 {
            return Err(Error::CoreDimsMissing {
                func: "matmul",
                operand: i,
                has: 0,
                signature: MATMUL_SIG,
                requires: 1,
            });
        }
    }
    let (a_vec, b_vec) = (a.ndim() == 1, b.ndim() == 1);
    let sa = if a_vec { Stack::row_vectors(&a.reborrow())? } else { Stack::matrices(a.reborrow())? };
    let sb = if b_vec { Stack::vectors(&b.reborrow())? } else { Stack::matrices(b.reborrow())? };
    if sb.m != sa.n {
        return Err(Error::CoreDimMismatch {
            func: "matmul",
            operand: 1,
            dim: 0,
            signature: MATMUL_SIG,
            got: sb.m,
            want: sa.n,
        });
    }
    let (m, k, n) = (sa.m, sa.n, sb.n);
    let mut core = Vec::new();
    if !a_vec {
        core.push(m);
    }
    if !b_vec {
        core.push(n);
    }
    let batch = broadcast_batch(
        &sa,
        &sb,
        [a.shape(), b.shape()],
        [if a_vec { 1 } else { 2 }, if b_vec { 1 } else { 2 }],
        &core,
    )?;
    let count: usize = batch.iter().product();
    let work = m * n * k;
    // Two contiguous vectors: one blocked, parallel sum of products where the type has it.
    if a_vec
        && b_vec
        && let (Some(xa), Some(xb)) = (a.as_slice(), b.as_slice())
        && let Some(d) = T::dot_vectors(xa, xb)
    {
        return shaped(&batch, &core, vec![d]);
    }
    // A stack of small products over contiguous operands that need no broadcasting: one
    // pass over the blocks, no per-matrix view or library call, no zero-filled output.
    if work > 0
        && work <= NAIVE_MAX
        && sa.count() == count
        && sb.count() == count
        && let (Some(xa), Some(xb)) = (a.as_slice(), b.as_slice())
    {
        let out = if m == k && k == n {
            crate::lu::by_order!(n, small_stack::<T>(xa, xb, count, [m, k, n]))
        } else {
            small_stack::<T, 0>(xa, xb, count, [m, k, n])
        };
        return shaped(&batch, &core, out);
    }
    let (sa, sb) = (sa.broadcast(&batch)?, sb.broadcast(&batch)?);
    if count == 1 {
        // One product: faer writes the result straight into an unzeroed array.
        let shape: Vec<usize> = batch.iter().chain(&core).copied().collect();
        return Ok(Array::uninit(&shape)?.init_slice(|o| T::gemm(o, sa.mat(0), sb.mat(0), Par::rayon(0))));
    }
    let par = if work >= 1 << 18 { Par::rayon(0) } else { Par::Seq };
    let out = run(count, m * n, work.max(1), |i, o| {
        gemm_into(o, sa.mat(i), sb.mat(i), par);
        Ok(())
    })?;
    shaped(&batch, &core, out)
}

/// The products of `count` contiguous row-major blocks `m x k` (`xa`) by `k x n` (`xb`);
/// `N` as in [`by_order`](crate::lu::by_order) (square blocks of order 1 to 4 unroll).
/// Blocks of matrices run in parallel for large stacks.
fn small_stack<T: MatmulElem, const N: usize>(xa: &[T], xb: &[T], count: usize, dims: [usize; 3]) -> Vec<T> {
    use rayon::prelude::*;
    let [m, k, n] = if N == 0 { dims } else { [N; 3] };
    let (sa, sb, so) = (m * k, k * n, m * n);
    let mut out = vec![T::default(); count * so];
    let body = |(o, (x, y)): (&mut [T], (&[T], &[T]))| {
        let done = if N >= 2 { T::square_stack::<N>(o, x, y) } else { 0 };
        small_block::<T, N>(&mut o[done * so..], &x[done * sa..], &y[done * sb..], [m, k, n]);
    };
    if count.saturating_mul(sa * n) >= 1 << 20 && rayon::current_num_threads() > 1 {
        const BLOCK: usize = 512;
        out.par_chunks_mut(BLOCK * so).zip(xa.par_chunks(BLOCK * sa).zip(xb.par_chunks(BLOCK * sb))).for_each(body);
    } else {
        body((&mut out, (xa, xb)));
    }
    out
}

/// The products of the blocks of `x` and `y` into `o` ([`small_product`] each), compiled
/// with AVX-512F enabled where the CPU has it: a row of the product is then one vector.
#[allow(unsafe_code)] // the AVX-512 instance is called once the CPU is known to have it
fn small_block<T: MatmulElem, const N: usize>(o: &mut [T], x: &[T], y: &[T], dims: [usize; 3]) {
    #[inline(always)]
    fn each<T: MatmulElem, const N: usize>(o: &mut [T], x: &[T], y: &[T], dims: [usize; 3]) {
        let [m, k, n] = if N == 0 { dims } else { [N; 3] };
        for ((o, x), y) in o.chunks_exact_mut(m * n).zip(x.chunks_exact(m * k)).zip(y.chunks_exact(k * n)) {
            small_product(o, x, y, [m, k, n]);
        }
    }
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx512f")]
        fn wide<T: MatmulElem, const N: usize>(o: &mut [T], x: &[T], y: &[T], dims: [usize; 3]) {
            each::<T, N>(o, x, y, dims);
        }
        if N > 0 && crate::lanes::avx512() {
            // SAFETY: the CPU has AVX-512F (checked at run time).
            return unsafe { wide::<T, N>(o, x, y, dims) };
        }
    }
    each::<T, N>(o, x, y, dims);
}

/// The row-major `m x n` product of the row-major blocks `a` (`m x k`) and `b` (`k x n`)
/// into `out`, each element summed from zero in order of `k` (as BLAS does). A row of the
/// product is accumulated whole (`a[i, l]` times row `l` of `b`), so that for the orders up
/// to 4 it is one vector.
#[inline(always)]
fn small_product<T: MatmulElem>(out: &mut [T], a: &[T], b: &[T], [m, k, n]: [usize; 3]) {
    if n <= 4 && k <= 4 {
        // Rows of `b` padded to four lanes (the fourth sums zeros and is dropped).
        let mut rows = [[T::default(); 4]; 4];
        for (l, r) in rows.iter_mut().enumerate().take(k) {
            r[..n].copy_from_slice(&b[l * n..(l + 1) * n]);
        }
        for i in 0..m {
            let mut acc = [T::default(); 4];
            for (l, r) in rows.iter().enumerate().take(k) {
                let x = a[i * k + l];
                for j in 0..4 {
                    acc[j] = acc[j].add_elem(x.mul_elem(r[j]));
                }
            }
            out[i * n..(i + 1) * n].copy_from_slice(&acc[..n]);
        }
        return;
    }
    sum_products([m, k, n], |i, l| a[i * k + l], |l, j| b[l * n + j], |at, x| out[at] = x);
}

/// The row-major `m x n` product of the `m x k` matrix `a` and the `k x n` matrix `b`, read
/// through their element functions, one element at a time: each summed from zero in order
/// of `k` (as BLAS sums) and handed to `put` with its row-major offset. The one plain
/// product loop, for the strided views of a product too small for faer and the contiguous
/// blocks of a stack alike.
#[inline(always)]
fn sum_products<T: MatmulElem>(
    [m, k, n]: [usize; 3],
    a: impl Fn(usize, usize) -> T,
    b: impl Fn(usize, usize) -> T,
    mut put: impl FnMut(usize, T),
) {
    for i in 0..m {
        for j in 0..n {
            let mut acc = T::default();
            for l in 0..k {
                acc = acc.add_elem(a(i, l).mul_elem(b(l, j)));
            }
            put(i * n + j, acc);
        }
    }
}

/// `a` raised to the integer power `n` (`numpy.linalg.matrix_power`): repeated squaring for
/// `n > 0`, the identity for `n = 0`, the inverse's power for `n < 0` — as NumPy computes
/// it, in the element type of `a`.
///
/// For integer and bool matrices use [`dynamic::matrix_power`](crate::dynamic::matrix_power)
/// (a negative power of those is `float64`, as in NumPy).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 1.0], [1.0, 0.0]];
/// let f = nprs_linalg::matrix_power(&a, 10)?;
/// assert_eq!(f.to_vec(), vec![89.0, 55.0, 55.0, 34.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `LinAlgError` when `a` has fewer than two dimensions or is not square, or when `n < 0`
/// and a matrix is singular.
pub fn matrix_power<T, S>(a: &ArrayBase<S>, n: i64) -> Result<Array<T>>
where
    T: LinalgElem<Out = T> + MatmulElem,
    S: Data<Elem = T>,
{
    if n < 0 {
        let inv = crate::inv(a)?;
        return power_nonneg(&inv.view(), n.unsigned_abs());
    }
    power_nonneg(&a.view(), n.unsigned_abs())
}

/// `a ** n` for `n >= 0` by NumPy's sequence of products.
pub(crate) fn power_nonneg<T: MatmulElem>(a: &ArrayView<'_, T>, n: u64) -> Result<Array<T>> {
    let s = Stack::square(a.reborrow())?;
    if n == 0 {
        let m = s.n;
        let per: Vec<T> =
            (0..m * m).map(|i| if i % (m + 1) == 0 { <T as MatmulElem>::one() } else { T::default() }).collect();
        let out: Vec<T> = (0..s.count()).flat_map(|_| per.iter().copied()).collect();
        return shaped(&s.batch, &[m, m], out);
    }
    if n == 1 {
        return Ok(a.to_owned());
    }
    if n == 2 {
        return matmul_views(a, a);
    }
    if n == 3 {
        let sq = matmul_views(a, a)?;
        return matmul_views(&sq.view(), a);
    }
    let mut z: Option<Array<T>> = None;
    let mut result: Option<Array<T>> = None;
    let mut n = n;
    while n > 0 {
        z = Some(match z {
            None => a.to_owned(),
            Some(z) => matmul_views(&z.view(), &z.view())?,
        });
        let bit = n % 2;
        n /= 2;
        if bit == 1 {
            let zr = z.as_ref().map(|z| z.view());
            let zv = zr.as_ref().expect("set above");
            result = Some(match result {
                None => zv.to_owned(),
                Some(r) => matmul_views(&r.view(), zv)?,
            });
        }
    }
    Ok(result.expect("n > 0 sets a bit"))
}

/// Matrix–vector products over stacks (`numpy.matvec(x1, x2)`): `(..., M, N)` with
/// `(..., N)` gives `(..., M)`, batch dimensions broadcast.
///
/// ```
/// use nprs_core::prelude::*;
/// let y = nprs_linalg::matvec(&array![[1.0, 2.0], [3.0, 4.0]], &array![[1.0, 0.0], [0.0, 1.0]])?;
/// assert_eq!(y.to_vec(), vec![1.0, 3.0, 2.0, 4.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's gufunc `ValueError`s (too few dimensions, core dimensions that differ, batch
/// dimensions that do not broadcast).
pub fn matvec<T, SA, SB>(x1: &ArrayBase<SA>, x2: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    const SIG: &str = "(m,n),(n)->(m)";
    let (a, v) = (x1.view(), x2.view());
    for (i, (nd, need)) in [(a.ndim(), 2), (v.ndim(), 1)].into_iter().enumerate() {
        if nd < need {
            return Err(Error::CoreDimsMissing { func: "matvec", operand: i, has: nd, signature: SIG, requires: need });
        }
    }
    let sa = Stack::matrices(a.reborrow())?;
    let sv = Stack::vectors(&v)?;
    if sv.m != sa.n {
        return Err(Error::CoreDimMismatch {
            func: "matvec",
            operand: 1,
            dim: 0,
            signature: SIG,
            got: sv.m,
            want: sa.n,
        });
    }
    stacked_product(&sa, &sv, [x1.shape(), x2.shape()], [2, 1], sa.m)
}

/// Vector–matrix products over stacks (`numpy.vecmat(x1, x2)`): `conj(x1) @ x2` for
/// `(..., N)` and `(..., N, M)`, giving `(..., M)`.
///
/// ```
/// use nprs_core::prelude::*;
/// let y = nprs_linalg::vecmat(&array![1.0, 1.0], &array![[1.0, 2.0], [3.0, 4.0]])?;
/// assert_eq!(y.to_vec(), vec![4.0, 6.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// As [`matvec`].
pub fn vecmat<T, SA, SB>(x1: &ArrayBase<SA>, x2: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    const SIG: &str = "(n),(n,m)->(m)";
    for (i, (nd, need)) in [(x1.ndim(), 1), (x2.ndim(), 2)].into_iter().enumerate() {
        if nd < need {
            return Err(Error::CoreDimsMissing { func: "vecmat", operand: i, has: nd, signature: SIG, requires: need });
        }
    }
    let conj: Array<T> = Array::from_shape_vec(x1.shape(), x1.iter().map(MatmulElem::conj_elem).collect())?;
    let (v, b) = (conj.view(), x2.view());
    let sv = Stack::row_vectors(&v)?;
    let sb = Stack::matrices(b.reborrow())?;
    if sb.m != sv.n {
        return Err(Error::CoreDimMismatch {
            func: "vecmat",
            operand: 1,
            dim: 0,
            signature: SIG,
            got: sb.m,
            want: sv.n,
        });
    }
    stacked_product(&sv, &sb, [x1.shape(), x2.shape()], [1, 2], sb.n)
}

/// The products of two broadcast stacks whose result matrices are vectors of `len`.
fn stacked_product<T: MatmulElem>(
    sa: &Stack<'_, T>,
    sb: &Stack<'_, T>,
    full: [&[usize]; 2],
    core: [usize; 2],
    len: usize,
) -> Result<Array<T>> {
    let batch = broadcast_batch(sa, sb, full, core, &[len])?;
    let (sa, sb) = (sa.broadcast(&batch)?, sb.broadcast(&batch)?);
    let work = sa.m * sa.n * sb.n;
    let out = run(sa.count(), len, work.max(1), |i, o| {
        gemm_into(o, sa.mat(i), sb.mat(i), Par::Seq);
        Ok(())
    })?;
    shaped(&batch, &[len], out)
}
