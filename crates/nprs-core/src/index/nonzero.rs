//! Where an array is non-zero: `nonzero`, `argwhere`, `flatnonzero`; and `ix_`.
#![allow(unsafe_code)] // compaction into uninitialised output; each block says why it holds

use std::mem::MaybeUninit;

use rayon::prelude::*;

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::Order;
use crate::dtype::Element;
use crate::engine::PAR_THRESHOLD;
use crate::error::{Error, Result};
use crate::storage::Data;

use super::kernels::{MASK_CHUNK, chunk_counts, split_by_counts};
use super::{IndexArg, IndexArray, IntIndexElem};

/// Writes `base + i` for every non-zero `s[i]`; `out.len()` is the number of non-zeros.
fn compact_positions<T: Element>(s: &[T], base: usize, out: &mut [MaybeUninit<i64>]) {
    let zero = T::zero();
    let Some(last) = s.iter().rposition(|x| *x != zero) else { return };
    let o = out.as_mut_ptr();
    let mut k = 0usize;
    for (i, x) in s[..=last].iter().enumerate() {
        // SAFETY: a non-zero lies at or after every position up to `last`, so `k` is below
        // the number of non-zeros, `out.len()`.
        unsafe { (*o.add(k)).write((base + i) as i64) };
        k += usize::from(*x != zero);
    }
    debug_assert_eq!(k, out.len());
}

/// The flat (C-order) positions of the non-zero elements (`true`, non-zero numbers, NaN).
pub(crate) fn true_positions<T: Element>(a: &ArrayView<'_, T>) -> Vec<i64> {
    let zero = T::zero();
    let Some(s) = a.as_slice() else {
        return a.iter().enumerate().filter(|(_, x)| *x != zero).map(|(i, _)| i as i64).collect();
    };
    let counts = chunk_counts(s, |c| c.iter().filter(|x| **x != zero).count());
    let total: usize = counts.iter().sum();
    let mut out: Vec<i64> = Vec::with_capacity(total);
    {
        let buf = &mut out.spare_capacity_mut()[..total];
        let pieces = split_by_counts(buf, &counts, 1);
        if s.len() >= PAR_THRESHOLD && rayon::current_num_threads() > 1 {
            s.par_chunks(MASK_CHUNK)
                .zip(pieces.into_par_iter())
                .enumerate()
                .for_each(|(c, (sc, piece))| compact_positions(sc, c * MASK_CHUNK, piece));
        } else {
            for (c, (sc, piece)) in s.chunks(MASK_CHUNK).zip(pieces).enumerate() {
                compact_positions(sc, c * MASK_CHUNK, piece);
            }
        }
    }
    // SAFETY: the pieces tile the first `total` slots and every one was written.
    unsafe { out.set_len(total) };
    out
}

/// `numpy.nonzero`: for each axis, the indices of the non-zero elements (in C order).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::nonzero;
/// let a = array![[3, 0, 0], [0, 4, 0], [5, 6, 0]];
/// let nz = nonzero(&a).unwrap();
/// assert_eq!(nz[0].to_vec(), vec![0, 1, 2, 2]);
/// assert_eq!(nz[1].to_vec(), vec![0, 1, 0, 1]);
/// // the elements themselves: a[nonzero(a)]
/// let args: Vec<_> = nz.iter().map(nprs_core::IndexArg::from).collect();
/// assert_eq!(a.index(&args).unwrap().to_vec(), vec![3, 4, 5, 6]);
/// ```
///
/// # Errors
/// On a 0-d array, with NumPy's message.
pub fn nonzero<S: Data>(a: &ArrayBase<S>) -> Result<Vec<Array<i64>>> {
    if a.ndim() == 0 {
        return Err(Error::NonzeroZeroDim);
    }
    let pos = true_positions(&a.view());
    if a.ndim() == 1 {
        return Ok(vec![Array::from_vec(pos)]);
    }
    let shape = a.shape();
    let mut out: Vec<Vec<i64>> = (0..shape.len()).map(|_| Vec::with_capacity(pos.len())).collect();
    for &p in &pos {
        let mut r = p as usize;
        for (d, col) in shape.iter().zip(out.iter_mut()).rev() {
            col.push((r % d) as i64);
            r /= d;
        }
    }
    Ok(out.into_iter().map(Array::from_vec).collect())
}

/// `numpy.argwhere`: the indices of the non-zero elements, one row per element, shape
/// `(count, ndim)`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::argwhere;
/// let a = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
/// let big = nprs_core::kernel::map(&a, |x| x > 1);
/// let w = argwhere(&big);
/// assert_eq!(w.shape(), &[4, 2]);
/// assert_eq!(w.to_vec(), vec![0, 2, 1, 0, 1, 1, 1, 2]);
/// ```
#[must_use]
pub fn argwhere<S: Data>(a: &ArrayBase<S>) -> Array<i64> {
    let pos = true_positions(&a.view());
    let nd = a.ndim();
    let shape = a.shape();
    let mut data = Vec::with_capacity(pos.len() * nd);
    let mut row = vec![0i64; nd];
    for &p in &pos {
        let mut r = p as usize;
        for (d, slot) in shape.iter().zip(row.iter_mut()).rev() {
            *slot = (r % d) as i64;
            r /= d;
        }
        data.extend_from_slice(&row);
    }
    Array::from_shape_vec(&[pos.len(), nd], data).expect("count * ndim elements")
}

/// `numpy.flatnonzero`: the indices of the non-zero elements of the flattened array.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::flatnonzero;
/// let a = array![[0.0, 1.5], [f64::NAN, 0.0]];
/// assert_eq!(flatnonzero(&a).to_vec(), vec![1, 2]);
/// ```
#[must_use]
pub fn flatnonzero<S: Data>(a: &ArrayBase<S>) -> Array<i64> {
    Array::from_vec(true_positions(&a.view()))
}

/// An owned integer index array reshaped to `shape`, keeping its dtype.
fn reshaped<T: IntIndexElem>(a: &ArrayView<'_, T>, shape: &[isize]) -> Result<IndexArray<'static>> {
    let owned = a.to_owned_order(Order::C).into_shape(shape)?;
    Ok(T::into_index_array(owned.into()))
}

/// `numpy.ix_`: open-mesh index arrays from 1-d sequences, so that `a.index(&ix_(..)?)`
/// selects the cross product (`a[np.ix_(rows, cols)]`). Integer sequences keep their dtype;
/// boolean masks become the positions of their true entries (`int64`).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{IndexArg, ix_};
/// let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
/// let ix = ix_(&[IndexArg::from(vec![0, 2]), IndexArg::from(vec![1, 3])]).unwrap();
/// let sub = a.index(&ix).unwrap();
/// assert_eq!(sub.shape(), &[2, 2]);
/// assert_eq!(sub.to_vec(), vec![1, 3, 9, 11]);
/// ```
///
/// # Errors
/// An entry that is not a 1-d array or mask ("Cross index must be 1 dimensional").
pub fn ix_(seqs: &[IndexArg<'_>]) -> Result<Vec<IndexArg<'static>>> {
    let nd = seqs.len();
    let err = || Error::CrossIndexNdim;
    let mut out = Vec::with_capacity(nd);
    for (k, s) in seqs.iter().enumerate() {
        let shape_for = |n: usize| -> Vec<isize> { (0..nd).map(|d| if d == k { n as isize } else { 1 }).collect() };
        let arr = match s {
            IndexArg::Array(x) if x.ndim() == 1 => {
                let shape = shape_for(x.size());
                match x {
                    IndexArray::I8(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::I16(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::I32(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::I64(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::U8(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::U16(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::U32(v) => reshaped(&v.view(), &shape)?,
                    IndexArray::U64(v) => reshaped(&v.view(), &shape)?,
                }
            }
            IndexArg::Mask(m) if m.ndim() == 1 => {
                let pos = true_positions(&m.view());
                let shape = shape_for(pos.len());
                IndexArray::I64(Array::from_vec(pos).into_shape(&shape)?.into())
            }
            _ => return Err(err()),
        };
        out.push(IndexArg::Array(arr));
    }
    Ok(out)
}
