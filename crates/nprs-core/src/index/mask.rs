//! Boolean masks: `a[mask]`, `a[mask] = values`, `compress` and `extract`.
#![allow(unsafe_code)] // compaction into uninitialised output; each block says why it holds

use std::mem::MaybeUninit;

use rayon::prelude::*;

use crate::array::{Array, ArrayBase, ArrayView, ArrayViewMut};
use crate::dims::{Order, Shape, Strides};
use crate::dtype::Element;
use crate::engine::PAR_THRESHOLD;
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};

use super::IndexArg;
use super::fancy::{fancy_value_strides, gather_selection, scatter_selection};
use super::kernels::{MASK_CHUNK, Values, chunk_counts, count_true, split_by_counts};
use super::nonzero::true_positions;
use super::plan::{Middle, Selection, check_mask_shape, mask_offsets};
use super::take::{ClipMode, take};

/// Copies the elements (rows of `p` elements) whose mask entry is true, in order.
/// `out.len()` must be `p` times the number of true entries.
fn compact<T: Element>(src: &[T], m: &[bool], p: usize, out: &mut [MaybeUninit<T>]) {
    if p == 1 {
        let Some(last) = m.iter().rposition(|&b| b) else { return };
        let o = out.as_mut_ptr();
        let mut k = 0usize;
        for (x, &b) in src[..=last].iter().zip(&m[..=last]) {
            // SAFETY: a true entry lies at or after every position up to `last`, so `k` is
            // below the number of trues, which is `out.len()`.
            unsafe { (*o.add(k)).write(*x) };
            k += usize::from(b);
        }
        debug_assert_eq!(k, out.len());
    } else {
        let mut rows = out.chunks_exact_mut(p);
        for (row, _) in src.chunks_exact(p).zip(m).filter(|(_, b)| **b) {
            let dst = rows.next().expect("one output row per true entry");
            for (d, s) in dst.iter_mut().zip(row) {
                d.write(*s);
            }
        }
    }
}

/// `a[mask]` for a mask over the leading axes of `a` (shapes already checked).
pub(crate) fn select_leading<T: Element>(a: &ArrayView<'_, T>, m: &ArrayView<'_, bool>) -> Result<Array<T>> {
    let k = m.ndim();
    let rest = &a.shape()[k..];
    let p: usize = rest.iter().product();
    if let (Some(src), Some(ms)) = (a.as_slice(), m.as_slice()) {
        let counts = chunk_counts(ms, count_true);
        let total: usize = counts.iter().sum();
        let mut shape = Shape::from_slice(&[total]);
        shape.extend_from_slice(rest);
        // SAFETY: every chunk writes exactly `count * p` elements into its own piece, and
        // the pieces tile the buffer.
        return unsafe {
            Array::build_uninit(&shape, Order::C, |buf| {
                if buf.is_empty() {
                    return;
                }
                let pieces = split_by_counts(buf, &counts, p);
                if ms.len() >= PAR_THRESHOLD && rayon::current_num_threads() > 1 {
                    ms.par_chunks(MASK_CHUNK)
                        .zip(src.par_chunks(MASK_CHUNK * p))
                        .zip(pieces.into_par_iter())
                        .for_each(|((mc, sc), out)| compact(sc, mc, p, out));
                } else {
                    for ((mc, sc), out) in ms.chunks(MASK_CHUNK).zip(src.chunks(MASK_CHUNK * p)).zip(pieces) {
                        compact(sc, mc, p, out);
                    }
                }
            })
        };
    }
    let sel = leading_selection(a.shape(), &a.strides_elems(), m);
    gather_selection(a.as_ptr(), &sel)
}

/// The selection `a[mask]` for a mask over the leading axes, as offsets.
fn leading_selection<'x>(shape: &[usize], strides: &[isize], m: &ArrayView<'_, bool>) -> Selection<'x> {
    let k = m.ndim();
    let offs = mask_offsets(m, &strides[..k]);
    let n = offs.len();
    Selection {
        base: 0,
        pre: (Shape::new(), Strides::new()),
        mid_shape: Shape::from_slice(&[n]),
        middle: Middle::Offsets(Array::from_vec(offs)),
        post: (Shape::from_slice(&shape[k..]), Strides::from_slice(&strides[k..])),
    }
}

/// `a[mask] = value` for a mask over the leading axes (shapes already checked).
pub(crate) fn fill_mask<T: Element>(a: &mut ArrayViewMut<'_, T>, m: &ArrayView<'_, bool>, value: T) {
    let p: usize = a.shape()[m.ndim()..].iter().product();
    if p == 1
        && let Some(ms) = m.as_slice()
        && let Some(dst) = a.as_slice_mut()
    {
        let kernel = |d: &mut [T], mc: &[bool]| {
            for (x, &b) in d.iter_mut().zip(mc) {
                *x = if b { value } else { *x };
            }
        };
        if dst.len() >= PAR_THRESHOLD && rayon::current_num_threads() > 1 {
            dst.par_chunks_mut(MASK_CHUNK).zip(ms.par_chunks(MASK_CHUNK)).for_each(|(d, mc)| kernel(d, mc));
        } else {
            kernel(dst, ms);
        }
        return;
    }
    let sel = leading_selection(a.shape(), &a.strides_elems(), m);
    // SAFETY: the selection addresses elements of `a`, which is uniquely borrowed.
    unsafe { scatter_selection(a.as_mut_ptr(), &sel, &Values::Scalar(value)) };
}

/// Writes consecutive `vals` into the positions of the true entries (one element each).
fn expand<T: Element>(dst: &mut [T], m: &[bool], vals: &[T]) {
    let Some(last) = m.iter().rposition(|&b| b) else { return };
    let mut k = 0usize;
    for (x, &b) in dst[..=last].iter_mut().zip(&m[..=last]) {
        // SAFETY: as in `compact`, `k` stays below the number of trues, `vals.len()`.
        let v = unsafe { *vals.get_unchecked(k) };
        *x = if b { v } else { *x };
        k += usize::from(b);
    }
}

/// `a[mask] = values` for a mask over the leading axes (shapes already checked), with
/// NumPy's rules: a mask over every axis takes a 0-d value, one value, or one value per
/// true entry; a mask over fewer axes broadcasts `values` to the selection.
pub(crate) fn assign_mask<T: Element>(
    a: &mut ArrayViewMut<'_, T>,
    m: &ArrayView<'_, bool>,
    values: &ArrayView<'_, T>,
) -> Result<()> {
    if m.ndim() == a.ndim() {
        if values.ndim() > 1 {
            return Err(Error::MaskAssignNdim { ndim: values.ndim() });
        }
        let count = match m.as_slice() {
            Some(s) => count_true(s),
            None => m.iter().filter(|&b| b).count(),
        };
        let nv = values.size();
        if values.ndim() == 1 && nv != 1 && nv != count {
            return Err(Error::MaskAssignCount { values: nv, count });
        }
        if nv == 1 {
            fill_mask(a, m, values.iter().next().expect("one value"));
            return Ok(());
        }
        if count == 0 {
            return Ok(());
        }
        if let (Some(ms), Some(vs)) = (m.as_slice(), values.as_slice())
            && let Some(dst) = a.as_slice_mut()
        {
            let counts = chunk_counts(ms, count_true);
            let mut vpieces = Vec::with_capacity(counts.len());
            let mut rest = vs;
            for &c in &counts {
                let (h, t) = rest.split_at(c);
                vpieces.push(h);
                rest = t;
            }
            if dst.len() >= PAR_THRESHOLD && rayon::current_num_threads() > 1 {
                dst.par_chunks_mut(MASK_CHUNK)
                    .zip(ms.par_chunks(MASK_CHUNK))
                    .zip(vpieces.into_par_iter())
                    .for_each(|((d, mc), v)| expand(d, mc, v));
            } else {
                for ((d, mc), v) in dst.chunks_mut(MASK_CHUNK).zip(ms.chunks(MASK_CHUNK)).zip(vpieces) {
                    expand(d, mc, v);
                }
            }
            return Ok(());
        }
    }
    let sel = leading_selection(a.shape(), &a.strides_elems(), m);
    let st = fancy_value_strides(values.shape(), &values.strides_elems(), &sel.result_shape())?;
    let vals = Values::strided(values.as_ptr(), &st, &sel.pre.0, &sel.mid_shape, &sel.post.0);
    // SAFETY: the selection addresses elements of `a`, uniquely borrowed; `values` is a
    // separate borrow.
    unsafe { scatter_selection(a.as_mut_ptr(), &sel, &vals) };
    Ok(())
}

/// Checks a mask used as `a[mask]` against `a`'s shape.
fn check_mask(shape: &[usize], mask: &[usize]) -> Result<()> {
    if mask.len() > shape.len() {
        return Err(Error::TooManyIndices { ndim: shape.len(), given: mask.len() });
    }
    check_mask_shape(mask, shape, 0)
}

impl<S: Data> ArrayBase<S> {
    /// NumPy's `a[mask]`: the elements (or, for a mask over the leading axes, the
    /// sub-arrays) where `mask` is true, in C order, as a new array of shape
    /// `(count,) + a.shape[mask.ndim..]`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2], [3, 4], [5, 6]];
    /// let b = a.mask_select(&array![[false, true], [true, false], [false, true]]).unwrap();
    /// assert_eq!(b.to_vec(), vec![2, 3, 6]);
    /// let rows = a.mask_select(&array![true, false, true]).unwrap();
    /// assert_eq!(rows.shape(), &[2, 2]);
    /// ```
    ///
    /// # Errors
    /// [`Error::MaskMismatch`] when the mask's shape differs from `a`'s leading axes;
    /// [`Error::TooManyIndices`] when it has more axes than `a`.
    pub fn mask_select<SM: Data<Elem = bool>>(&self, mask: &ArrayBase<SM>) -> Result<Array<S::Elem>> {
        if mask.ndim() == 0 {
            return self.index(&[IndexArg::from(mask)]);
        }
        check_mask(self.shape(), mask.shape())?;
        select_leading(&self.view(), &mask.view())
    }
}

impl<S: DataMut> ArrayBase<S> {
    /// NumPy's `a[mask] = values`, in place.
    ///
    /// For a mask over every axis, `values` is 0-d, one value, or one value per true
    /// entry; for a mask over the leading axes, `values` broadcasts to the selection.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let mut a = array![1.0, -2.0, 3.0, -4.0];
    /// let neg = nprs_core::kernel::map(&a, |x| x < 0.0);
    /// a.mask_assign(&neg, &array![20.0, 40.0]).unwrap();
    /// assert_eq!(a.to_vec(), vec![1.0, 20.0, 3.0, 40.0]);
    /// ```
    ///
    /// # Errors
    /// As [`mask_select`](ArrayBase::mask_select); values of more than one dimension or of
    /// the wrong length (full mask), or that do not broadcast to the selection.
    pub fn mask_assign<SM: Data<Elem = bool>, S2: Data<Elem = S::Elem>>(
        &mut self,
        mask: &ArrayBase<SM>,
        values: &ArrayBase<S2>,
    ) -> Result<()> {
        if mask.ndim() == 0 {
            return self.index_assign(&[IndexArg::from(mask)], values);
        }
        check_mask(self.shape(), mask.shape())?;
        assign_mask(&mut self.view_mut(), &mask.view(), &values.view())
    }

    /// NumPy's `a[mask] = value`, in place.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let mut a = Array::<i64>::arange(6);
    /// let big = nprs_core::kernel::map(&a, |x| x > 3);
    /// a.mask_fill(&big, -1).unwrap();
    /// assert_eq!(a.to_vec(), vec![0, 1, 2, 3, -1, -1]);
    /// ```
    ///
    /// # Errors
    /// As [`mask_select`](ArrayBase::mask_select).
    pub fn mask_fill<SM: Data<Elem = bool>>(&mut self, mask: &ArrayBase<SM>, value: S::Elem) -> Result<()> {
        if mask.ndim() == 0 {
            return self.index_fill(&[IndexArg::from(mask)], value);
        }
        check_mask(self.shape(), mask.shape())?;
        fill_mask(&mut self.view_mut(), &mask.view(), value);
        Ok(())
    }
}

/// `numpy.compress`: the slices of `a` along `axis` (the flattened `a` when `None`) where
/// the 1-d `condition` is true. A shorter condition counts as false beyond its end; a
/// longer one may only be false there.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::compress;
/// let a = array![[1, 2], [3, 4], [5, 6]];
/// assert_eq!(compress(&array![false, true, true], &a, Some(0)).unwrap().to_vec(), vec![3, 4, 5, 6]);
/// assert_eq!(compress(&array![false, true], &a, None).unwrap().to_vec(), vec![2]);
/// ```
///
/// # Errors
/// A condition of other than one dimension ("condition must be a 1-d array");
/// [`Error::AxisOutOfBounds`]; [`Error::IndexOutOfBounds`] for a true entry past the axis.
pub fn compress<C: Data, S: Data>(
    condition: &ArrayBase<C>,
    a: &ArrayBase<S>,
    axis: Option<isize>,
) -> Result<Array<S::Elem>> {
    if condition.ndim() != 1 {
        return Err(Error::ConditionNdim);
    }
    let pos = true_positions(&condition.view());
    take(a, Array::from_vec(pos), axis, ClipMode::Raise)
}

/// `numpy.extract`: the elements of the flattened `arr` where the flattened `condition`
/// is non-zero.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::extract;
/// let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
/// let cond = nprs_core::kernel::map(&a, |x| x % 3 == 0);
/// assert_eq!(extract(&cond, &a).unwrap().to_vec(), vec![0, 3, 6, 9]);
/// ```
///
/// # Errors
/// [`Error::IndexOutOfBounds`] when `condition` has a true entry past the end of `arr`.
pub fn extract<C: Data, S: Data>(condition: &ArrayBase<C>, arr: &ArrayBase<S>) -> Result<Array<S::Elem>> {
    let pos = true_positions(&condition.view());
    take(arr, Array::from_vec(pos), None, ClipMode::Raise)
}
