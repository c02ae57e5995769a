//! The other products: `dot`, `vdot`, `inner`, `outer`, `tensordot`, `kron`, `vecdot`,
//! `multi_dot`, `cross`; and `trace`, `diagonal`, `matrix_transpose` over the last two
//! axes. Contractions are reshaped into one matrix product (`matmul`), so they run on
//! faer's kernels for floating-point types and exactly for integers.

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, ArrayView};

use crate::batch::{Stack, broadcast_batch, run, shaped};
use crate::error::{Error, Result};
use crate::products::{MatmulElem, matmul_views};

fn not_aligned(a: &[usize], b: &[usize], da: usize, db: usize) -> Error {
    Error::NotAligned { a: a.to_vec(), b: b.to_vec(), dim_a: da, dim_b: db }
}

/// `a` (any layout) as a C-contiguous `rows x cols` matrix view or copy.
fn as_matrix<T: MatmulElem>(a: &ArrayView<'_, T>, rows: usize, cols: usize) -> Result<Array<T>> {
    Ok(a.to_owned().into_shape(&[rows as isize, cols as isize])?)
}

fn normalize(axis: isize, ndim: usize) -> Result<usize> {
    let a = if axis < 0 { axis + ndim as isize } else { axis };
    if a < 0 || a >= ndim as isize {
        return Err(nprs_core::Error::AxisOutOfBounds { axis, ndim }.into());
    }
    Ok(a as usize)
}

/// The sum of products over `axes_a` of `a` and `axes_b` of `b` (`numpy.tensordot(a, b,
/// axes=(axes_a, axes_b))`); the result has `a`'s free axes, then `b`'s.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = Array::<f64>::arange(6).into_shape(&[2, 3])?;
/// let t = nprs_linalg::tensordot(&a, &a, &[1], &[1])?; // a @ a.T
/// assert_eq!(t.to_vec(), vec![5.0, 14.0, 14.0, 50.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// "shape-mismatch for sum" when the summed axes differ in length or number; `AxisError`
/// for an axis out of range.
pub fn tensordot<T, SA, SB>(
    a: &ArrayBase<SA>,
    b: &ArrayBase<SB>,
    axes_a: &[isize],
    axes_b: &[isize],
) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    tensordot_views(&a.view(), &b.view(), axes_a, axes_b)
}

/// `numpy.tensordot(a, b, axes=n)`: the last `n` axes of `a` with the first `n` of `b`.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(nprs_linalg::tensordot_n(&a, &a, 2)?.to_vec(), vec![30.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// As [`tensordot`].
pub fn tensordot_n<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>, n: usize) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let (na, nb) = (a.ndim() as isize, b.ndim() as isize);
    let n = n as isize;
    if n > na || n > nb {
        return Err(Error::SumShapeMismatch);
    }
    let axes_a: Vec<isize> = (na - n..na).collect();
    let axes_b: Vec<isize> = (0..n).collect();
    tensordot(a, b, &axes_a, &axes_b)
}

pub(crate) fn tensordot_views<T: MatmulElem>(
    a: &ArrayView<'_, T>,
    b: &ArrayView<'_, T>,
    axes_a: &[isize],
    axes_b: &[isize],
) -> Result<Array<T>> {
    if axes_a.len() != axes_b.len() {
        return Err(Error::SumShapeMismatch);
    }
    let ia: Vec<usize> = axes_a.iter().map(|&x| normalize(x, a.ndim())).collect::<Result<_>>()?;
    let ib: Vec<usize> = axes_b.iter().map(|&x| normalize(x, b.ndim())).collect::<Result<_>>()?;
    if ia.iter().zip(&ib).any(|(&x, &y)| a.shape()[x] != b.shape()[y]) {
        return Err(Error::SumShapeMismatch);
    }
    let free_a: Vec<usize> = (0..a.ndim()).filter(|i| !ia.contains(i)).collect();
    let free_b: Vec<usize> = (0..b.ndim()).filter(|i| !ib.contains(i)).collect();
    let k: usize = ia.iter().map(|&i| a.shape()[i]).product();
    let m: usize = free_a.iter().map(|&i| a.shape()[i]).product();
    let n: usize = free_b.iter().map(|&i| b.shape()[i]).product();
    let perm_a: Vec<isize> = free_a.iter().chain(&ia).map(|&i| i as isize).collect();
    let perm_b: Vec<isize> = ib.iter().chain(&free_b).map(|&i| i as isize).collect();
    let am = as_matrix(&a.permute_dims(&perm_a)?, m, k)?;
    let bm = as_matrix(&b.permute_dims(&perm_b)?, k, n)?;
    let out = matmul_views(&am.view(), &bm.view())?;
    let shape: Vec<isize> =
        free_a.iter().map(|&i| a.shape()[i] as isize).chain(free_b.iter().map(|&i| b.shape()[i] as isize)).collect();
    Ok(out.into_shape(&shape)?)
}

/// `numpy.dot(a, b)`: the inner product of vectors, the matrix product of matrices, and in
/// general the sum over `a`'s last axis and `b`'s second-to-last; a 0-d operand scales the
/// other.
///
/// ```
/// use nprs_core::prelude::*;
/// let d = nprs_linalg::dot(&array![1.0, 2.0, 3.0], &array![4.0, 5.0, 6.0])?;
/// assert_eq!(d.to_vec(), vec![32.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's "shapes (2,3) and (2,3) not aligned: ..." when the summed axes differ.
pub fn dot<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let (a, b) = (a.view(), b.view());
    if a.ndim() == 0 || b.ndim() == 0 {
        return scale(&a, &b);
    }
    let la = a.ndim() - 1;
    let lb = if b.ndim() == 1 { 0 } else { b.ndim() - 2 };
    if a.shape()[la] != b.shape()[lb] {
        return Err(not_aligned(a.shape(), b.shape(), la, lb));
    }
    if a.ndim() <= 2 && b.ndim() <= 2 {
        return matmul_views(&a, &b);
    }
    tensordot_views(&a, &b, &[-1], &[lb as isize])
}

/// A 0-d operand times the other (elementwise, through a product of inner length one).
fn scale<'a, T: MatmulElem>(a: &ArrayView<'a, T>, b: &ArrayView<'a, T>) -> Result<Array<T>> {
    let (s, x, scalar_left) = if a.ndim() == 0 { (a, b, true) } else { (b, a, false) };
    let n = x.size();
    let sm = as_matrix(s, 1, 1)?;
    let xm = as_matrix(x, if scalar_left { 1 } else { n }, if scalar_left { n } else { 1 })?;
    let out = if scalar_left { matmul_views(&sm.view(), &xm.view())? } else { matmul_views(&xm.view(), &sm.view())? };
    let shape: Vec<isize> = x.shape().iter().map(|&d| d as isize).collect();
    Ok(out.into_shape(&shape)?)
}

/// `numpy.vdot(a, b)`: both flattened, `sum(conj(a) * b)`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::C128;
/// let a = array![C128::new(1.0, 2.0), C128::new(3.0, 4.0)];
/// let v = nprs_linalg::vdot(&a, &a)?;
/// assert_eq!(v.to_vec(), vec![C128::new(30.0, 0.0)]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's reshape error when the sizes differ.
pub fn vdot<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    if a.size() != b.size() {
        return Err(nprs_core::Error::Reshape { size: b.size(), shape: vec![a.size() as isize] }.into());
    }
    let n = a.size();
    let ac: Vec<T> = a.iter().map(MatmulElem::conj_elem).collect();
    let am = Array::from_shape_vec(&[1, n], ac)?;
    let bm = as_matrix(&b.view(), n, 1)?;
    Ok(matmul_views(&am.view(), &bm.view())?.into_shape(())?)
}

/// `numpy.inner(a, b)`: the sum over the last axes of both.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(nprs_linalg::inner(&a, &a)?.to_vec(), vec![5.0, 11.0, 11.0, 25.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's "not aligned" error when the last axes differ.
pub fn inner<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let (a, b) = (a.view(), b.view());
    if a.ndim() == 0 || b.ndim() == 0 {
        return scale(&a, &b);
    }
    let (la, lb) = (a.ndim() - 1, b.ndim() - 1);
    if a.shape()[la] != b.shape()[lb] {
        return Err(not_aligned(a.shape(), b.shape(), la, lb));
    }
    tensordot_views(&a, &b, &[-1], &[-1])
}

/// `numpy.outer(a, b)`: both flattened, `out[i, j] = a[i] * b[j]`. (`numpy.linalg.outer`
/// is the same for 1-d inputs and refuses others.)
///
/// ```
/// use nprs_core::prelude::*;
/// let o = nprs_linalg::outer(&array![1, 2], &array![3, 4, 5])?;
/// assert_eq!((o.shape(), o.to_vec()), (&[2usize, 3][..], vec![3, 4, 5, 6, 8, 10]));
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// None in practice (only allocation failures).
pub fn outer<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let am = as_matrix(&a.view(), a.size(), 1)?;
    let bm = as_matrix(&b.view(), 1, b.size())?;
    matmul_views(&am.view(), &bm.view())
}

/// The Kronecker product (`numpy.kron(a, b)`): blocks `a[i, j] * b`, for any number of
/// dimensions (the shorter shape padded with leading ones).
///
/// ```
/// use nprs_core::prelude::*;
/// let k = nprs_linalg::kron(&array![1, 10], &array![1, 2, 3])?;
/// assert_eq!(k.to_vec(), vec![1, 2, 3, 10, 20, 30]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// None in practice (only allocation failures).
pub fn kron<T, SA, SB>(a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let nd = a.ndim().max(b.ndim());
    let pad = |s: &[usize]| -> Vec<usize> { std::iter::repeat_n(1, nd - s.len()).chain(s.iter().copied()).collect() };
    let (sa, sb) = (pad(a.shape()), pad(b.shape()));
    let o = outer(a, b)?;
    let full: Vec<isize> = sa.iter().chain(&sb).map(|&d| d as isize).collect();
    let o = o.into_shape(&full)?;
    let perm: Vec<isize> = (0..nd).flat_map(|i| [i as isize, (nd + i) as isize]).collect();
    let shape: Vec<isize> = sa.iter().zip(&sb).map(|(x, y)| (x * y) as isize).collect();
    Ok(o.permute_dims(&perm)?.to_owned().into_shape(&shape)?)
}

/// The vector dot product over the last axis with broadcasting
/// (`numpy.linalg.vecdot(x1, x2)`): `sum(conj(x1) * x2, axis=-1)`.
///
/// ```
/// use nprs_core::prelude::*;
/// let v = nprs_linalg::vecdot(&array![[1.0, 2.0], [3.0, 4.0]], &array![1.0, 1.0])?;
/// assert_eq!(v.to_vec(), vec![3.0, 7.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's gufunc errors: a 0-d operand, last axes of different lengths, batch dimensions
/// that do not broadcast.
pub fn vecdot<T, SA, SB>(x1: &ArrayBase<SA>, x2: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    const SIG: &str = "(n),(n)->()";
    for (i, nd) in [x1.ndim(), x2.ndim()].into_iter().enumerate() {
        if nd == 0 {
            return Err(Error::CoreDimsMissing { func: "vecdot", operand: i, has: 0, signature: SIG, requires: 1 });
        }
    }
    let c1: Array<T> = Array::from_shape_vec(x1.shape(), x1.iter().map(MatmulElem::conj_elem).collect())?;
    let (v1, v2) = (c1.view(), x2.view());
    let s1 = Stack::row_vectors(&v1)?;
    let s2 = Stack::vectors(&v2)?;
    if s2.m != s1.n {
        return Err(Error::CoreDimMismatch {
            func: "vecdot",
            operand: 1,
            dim: 0,
            signature: SIG,
            got: s2.m,
            want: s1.n,
        });
    }
    let batch = broadcast_batch(&s1, &s2, [x1.shape(), x2.shape()], [1, 1], &[])?;
    let (s1, s2) = (s1.broadcast(&batch)?, s2.broadcast(&batch)?);
    let n = s1.n;
    let out = run(s1.count(), 1, 2 * n + 1, |i, o| {
        let (a, b) = (s1.mat(i), s2.mat(i));
        let mut acc = T::default();
        for k in 0..n {
            acc = acc.add_elem(a[(0, k)].mul_elem(b[(k, 0)]));
        }
        o[0] = acc;
        Ok(())
    })?;
    shaped(&batch, &[], out)
}

/// The product of a chain of matrices in the cheapest order (`numpy.linalg.multi_dot`);
/// a 1-d first (last) array is a row (column) vector, and the result drops that axis.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// let r = nprs_linalg::multi_dot(&[a.view(), a.view(), array![1.0, 0.0].view()])?;
/// assert_eq!(r.to_vec(), vec![7.0, 15.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError` for fewer than two arrays, a middle array that is not 2-d, or shapes that
/// do not chain.
pub fn multi_dot<T: MatmulElem>(arrays: &[ArrayView<'_, T>]) -> Result<Array<T>> {
    let n = arrays.len();
    if n < 2 {
        return Err(Error::TooFewArrays);
    }
    if n == 2 {
        return dot(&arrays[0], &arrays[1]);
    }
    let (first_vec, last_vec) = (arrays[0].ndim() == 1, arrays[n - 1].ndim() == 1);
    let mut mats: Vec<Array<T>> = Vec::with_capacity(n);
    for (i, a) in arrays.iter().enumerate() {
        let m = match (i, a.ndim()) {
            (0, 1) => as_matrix(a, 1, a.size())?,
            (i, 1) if i == n - 1 => as_matrix(a, a.size(), 1)?,
            (_, 2) => a.to_owned(),
            (_, d) => {
                return Err(Error::NotTwoDims { ndim: d });
            }
        };
        mats.push(m);
    }
    // Dimensions p[0] x p[1], p[1] x p[2], ...; the classic chain-order recurrence.
    let mut p: Vec<usize> = vec![mats[0].shape()[0]];
    for (i, m) in mats.iter().enumerate() {
        if m.shape()[0] != p[i] {
            let prev = &mats[i - 1];
            return Err(not_aligned(prev.shape(), m.shape(), 1, 0));
        }
        p.push(m.shape()[1]);
    }
    let mut cost = vec![vec![0u128; n]; n];
    let mut split = vec![vec![0usize; n]; n];
    for len in 1..n {
        for i in 0..n - len {
            let j = i + len;
            cost[i][j] = u128::MAX;
            for k in i..j {
                let c = cost[i][k] + cost[k + 1][j] + (p[i] * p[k + 1] * p[j + 1]) as u128;
                if c < cost[i][j] {
                    cost[i][j] = c;
                    split[i][j] = k;
                }
            }
        }
    }
    fn chain<T: MatmulElem>(mats: &[Array<T>], split: &[Vec<usize>], i: usize, j: usize) -> Result<Array<T>> {
        if i == j {
            return Ok(mats[i].clone());
        }
        let k = split[i][j];
        let (l, r) = (chain(mats, split, i, k)?, chain(mats, split, k + 1, j)?);
        matmul_views(&l.view(), &r.view())
    }
    let out = chain(&mats, &split, 0, n - 1)?;
    let (r, c) = (out.shape()[0] as isize, out.shape()[1] as isize);
    let shape: Vec<isize> = match (first_vec, last_vec) {
        (true, true) => vec![],
        (true, false) => vec![c],
        (false, true) => vec![r],
        (false, false) => vec![r, c],
    };
    Ok(out.into_shape(&shape)?)
}

/// The main (or `offset`) diagonal of each matrix over the last two axes
/// (`numpy.linalg.diagonal(x, offset=...)`), a view.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(nprs_linalg::diagonal(&a, 0)?.to_vec(), vec![1, 4]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError` for fewer than two dimensions.
pub fn diagonal<S: Data>(x: &ArrayBase<S>, offset: isize) -> Result<ArrayView<'_, S::Elem>> {
    if x.ndim() < 2 {
        return Err(Error::DiagonalNdim);
    }
    Ok(x.diagonal(offset, -2, -1)?)
}

/// The sum of each matrix's (`offset`) diagonal over the last two axes
/// (`numpy.linalg.trace(x, offset=...)`), in the element type (NumPy sums integers of
/// fewer than 64 bits and bools in `int64`; see docs/deviations.md).
///
/// ```
/// use nprs_core::prelude::*;
/// let t = nprs_linalg::trace(&array![[1.0, 2.0], [3.0, 4.0]], 0)?;
/// assert_eq!(t.to_vec(), vec![5.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError` for fewer than two dimensions.
pub fn trace<T: MatmulElem, S: Data<Elem = T>>(x: &ArrayBase<S>, offset: isize) -> Result<Array<T>> {
    let d = diagonal(x, offset)?;
    let nd = d.ndim();
    let len = d.shape()[nd - 1];
    let batch = d.shape()[..nd - 1].to_vec();
    let vals = d.to_vec();
    let out: Vec<T> = vals
        .chunks(len.max(1))
        .take(batch.iter().product())
        .map(|c| c.iter().take(len).fold(T::default(), |acc, &v| acc.add_elem(v)))
        .collect();
    Ok(Array::from_shape_vec(&batch, out)?)
}

/// Each matrix transposed over the last two axes (`numpy.linalg.matrix_transpose`), a view.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1, 2, 3]];
/// let t = nprs_linalg::matrix_transpose(&a)?;
/// assert_eq!(t.shape(), &[3, 1]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// `ValueError` for fewer than two dimensions.
pub fn matrix_transpose<S: Data>(x: &ArrayBase<S>) -> Result<ArrayView<'_, S::Elem>> {
    if x.ndim() < 2 {
        return Err(Error::TransposeNdim { ndim: x.ndim() });
    }
    Ok(x.swapaxes(-1, -2)?)
}

/// The cross product of 3-element vectors over the last axis, with broadcasting
/// (`numpy.linalg.cross(x1, x2)`), in the element type (integers wrap, as NumPy's).
///
/// ```
/// use nprs_core::prelude::*;
/// let c = nprs_linalg::cross(&array![1.0, 0.0, 0.0], &array![0.0, 1.0, 0.0])?;
/// assert_eq!(c.to_vec(), vec![0.0, 0.0, 1.0]);
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// NumPy's `ValueError` when a last axis is not of length 3 or the other axes do not
/// broadcast; its `TypeError` for bool vectors (no boolean subtract).
pub fn cross<T, SA, SB>(x1: &ArrayBase<SA>, x2: &ArrayBase<SB>) -> Result<Array<T>>
where
    T: MatmulElem,
    SA: Data<Elem = T>,
    SB: Data<Elem = T>,
{
    let dim = |x: usize, s: &[usize]| if x == 0 { 0 } else { s[x - 1] };
    let (d1, d2) = (dim(x1.ndim(), x1.shape()), dim(x2.ndim(), x2.shape()));
    if d1 != 3 || d2 != 3 {
        return Err(Error::CrossDims { first: d1, second: d2 });
    }
    if T::DTYPE == nprs_core::DType::Bool {
        return Err(nprs_core::Error::BoolSubtract.into());
    }
    let (v1, v2) = (x1.view(), x2.view());
    let (s1, s2) = (Stack::vectors(&v1)?, Stack::vectors(&v2)?);
    let batch = nprs_core::broadcast_shapes(&[&s1.batch[..], &s2.batch[..]])?.to_vec();
    let (s1, s2) = (s1.broadcast(&batch)?, s2.broadcast(&batch)?);
    let out = run(s1.count(), 3, 9, |i, o| {
        let (a, b) = (s1.mat(i), s2.mat(i));
        let (a0, a1, a2) = (a[(0, 0)], a[(1, 0)], a[(2, 0)]);
        let (b0, b1, b2) = (b[(0, 0)], b[(1, 0)], b[(2, 0)]);
        o[0] = a1.mul_elem(b2).sub_elem(a2.mul_elem(b1));
        o[1] = a2.mul_elem(b0).sub_elem(a0.mul_elem(b2));
        o[2] = a0.mul_elem(b1).sub_elem(a1.mul_elem(b0));
        Ok(())
    })?;
    shaped(&batch, &[3], out)
}
