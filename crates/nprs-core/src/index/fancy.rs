//! `a[index]` and `a[index] = values` for any index list (NumPy's `__getitem__` and
//! `__setitem__`).
#![allow(unsafe_code)] // kernels over validated offsets; each block says why it holds

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::{self, Order, Strides};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};

use super::kernels::{self, Block, Values, offsets_of, wrap_negative};
use super::plan::{self, Middle, Plan, Selection};
use super::take::ClipMode;
use super::{Idx, IndexArg, KIdx};

/// Strides that present values of `vshape`/`vstrides` as the indexing result `target`, as
/// NumPy's advanced assignment does: extra leading axes are reshaped away when that keeps
/// the size (leading ones, or empty values), then the usual broadcasting applies.
pub(crate) fn fancy_value_strides(vshape: &[usize], vstrides: &[isize], target: &[usize]) -> Result<Strides> {
    let err = || Error::ValueShape { value: vshape.to_vec(), result: target.to_vec() };
    let (mut shape, mut strides) = (vshape, vstrides);
    if vshape.len() > target.len() {
        let lead = vshape.len() - target.len();
        let lead_size: usize = vshape[..lead].iter().product();
        let rest_size: usize = vshape[lead..].iter().product();
        if lead_size != 1 && rest_size != 0 {
            return Err(err());
        }
        shape = &vshape[lead..];
        strides = &vstrides[lead..];
    }
    dims::broadcast_strides(shape, strides, target).ok_or_else(err)
}

/// Strides that present values as the target of a basic assignment (`a[1:3] = v`):
/// leading axes of length one are dropped, then the usual broadcasting applies.
pub(crate) fn basic_value_strides(vshape: &[usize], vstrides: &[isize], target: &[usize]) -> Result<Strides> {
    let (mut shape, mut strides) = (vshape, vstrides);
    while shape.len() > target.len() && shape[0] == 1 {
        shape = &shape[1..];
        strides = &strides[1..];
    }
    dims::broadcast_strides(shape, strides, target)
        .ok_or_else(|| Error::BroadcastInput { from: shape.to_vec(), to: target.to_vec() })
}

/// Gathers `a[index]` for a planned selection over the elements at `src`.
pub(crate) fn gather_selection<T: Element>(src: *const T, sel: &Selection<'_>) -> Result<Array<T>> {
    let shape = sel.result_shape();
    let pre: Vec<isize> = offsets_of(&sel.pre.0, &sel.pre.1).into_iter().map(|o| o + sel.base).collect();
    let post = Block::new(&sel.post.0, &sel.post.1);
    let m: usize = sel.mid_shape.iter().product();
    // SAFETY: the planner validated every offset; `gather` writes all
    // `pre.len() * m * post.len()` elements, which is the size of `shape`.
    unsafe {
        Array::build_uninit(&shape, Order::C, |buf| match &sel.middle {
            Middle::Offsets(o) => {
                let o = o.as_slice().expect("offsets are C-contiguous");
                // SAFETY: `j < m == o.len()`.
                kernels::gather(src, &pre, m, &|j| *o.get_unchecked(j) as isize, &post, buf);
            }
            Middle::Index { idx: KIdx::I64(ix), stride, len, mode } => {
                gather_index(src, &pre, ix.as_slice().expect("contiguous indices"), *stride, *len, *mode, &post, buf);
            }
            Middle::Index { idx: KIdx::I32(ix), stride, len, mode } => {
                gather_index(src, &pre, ix.as_slice().expect("contiguous indices"), *stride, *len, *mode, &post, buf);
            }
        })
    }
}

/// # Safety
/// As [`kernels::gather`]; for [`ClipMode::Raise`] the indices must be validated.
unsafe fn gather_index<T: Element, I: Idx>(
    src: *const T,
    pre: &[isize],
    s: &[I],
    stride: isize,
    len: usize,
    mode: ClipMode,
    post: &Block,
    buf: &mut [std::mem::MaybeUninit<T>],
) {
    let n = len as isize;
    // SAFETY: (all three) `j < s.len()`; the offsets are inside the array by validation
    // (raise) or by construction (wrap, clip; `n > 0` whenever anything is gathered).
    unsafe {
        match mode {
            ClipMode::Raise => {
                kernels::gather(src, pre, s.len(), &|j| wrap_negative(s.get_unchecked(j).isz(), n) * stride, post, buf);
            }
            ClipMode::Wrap => {
                kernels::gather(src, pre, s.len(), &|j| s.get_unchecked(j).isz().rem_euclid(n) * stride, post, buf);
            }
            ClipMode::Clip => {
                kernels::gather(src, pre, s.len(), &|j| s.get_unchecked(j).isz().clamp(0, n - 1) * stride, post, buf);
            }
        }
    }
}

/// Writes `values` (already laid out for the selection) into the selected elements.
///
/// # Safety
/// `dst` must be the writable array the selection was planned for, and a strided source
/// must not overlap it.
pub(crate) unsafe fn scatter_selection<T: Element>(dst: *mut T, sel: &Selection<'_>, values: &Values<T>) {
    let pre: Vec<isize> = offsets_of(&sel.pre.0, &sel.pre.1).into_iter().map(|o| o + sel.base).collect();
    let post = Block::new(&sel.post.0, &sel.post.1);
    let m: usize = sel.mid_shape.iter().product();
    if pre.is_empty() || m == 0 || post.len() == 0 {
        return;
    }
    // SAFETY: (all arms) offsets validated by the planner, as for gathering.
    unsafe {
        match &sel.middle {
            Middle::Offsets(o) => {
                let o = o.as_slice().expect("offsets are C-contiguous");
                kernels::scatter(dst, &pre, m, &|j| *o.get_unchecked(j) as isize, &post, values);
            }
            Middle::Index { idx: KIdx::I64(ix), stride, len, mode } => {
                scatter_index(dst, &pre, ix.as_slice().expect("contiguous"), *stride, *len, *mode, &post, values);
            }
            Middle::Index { idx: KIdx::I32(ix), stride, len, mode } => {
                scatter_index(dst, &pre, ix.as_slice().expect("contiguous"), *stride, *len, *mode, &post, values);
            }
        }
    }
}

/// # Safety
/// As [`scatter_selection`].
unsafe fn scatter_index<T: Element, I: Idx>(
    dst: *mut T,
    pre: &[isize],
    s: &[I],
    stride: isize,
    len: usize,
    mode: ClipMode,
    post: &Block,
    values: &Values<T>,
) {
    let n = len as isize;
    // SAFETY: (all three) as in `gather_index`.
    unsafe {
        match mode {
            ClipMode::Raise => {
                kernels::scatter(
                    dst,
                    pre,
                    s.len(),
                    &|j| wrap_negative(s.get_unchecked(j).isz(), n) * stride,
                    post,
                    values,
                );
            }
            ClipMode::Wrap => {
                kernels::scatter(dst, pre, s.len(), &|j| s.get_unchecked(j).isz().rem_euclid(n) * stride, post, values);
            }
            ClipMode::Clip => {
                kernels::scatter(
                    dst,
                    pre,
                    s.len(),
                    &|j| s.get_unchecked(j).isz().clamp(0, n - 1) * stride,
                    post,
                    values,
                );
            }
        }
    }
}

/// Lays out `values` for a selection, with NumPy's advanced-assignment broadcasting.
pub(crate) fn selection_values<T: Element>(values: &ArrayView<'_, T>, sel: &Selection<'_>) -> Result<Values<T>> {
    let shape = sel.result_shape();
    let st = fancy_value_strides(values.shape(), &values.strides_elems(), &shape)?;
    Ok(Values::strided(values.as_ptr(), &st, &sel.pre.0, &sel.mid_shape, &sel.post.0))
}

impl<S: Data> ArrayBase<S> {
    /// NumPy's `a[index]` for any mix of integers, slices, new axes, an ellipsis, integer
    /// index arrays and boolean masks. Always returns a new array (with only basic entries,
    /// a copy of the view [`slice`](crate::Layout::slice) would give).
    ///
    /// Index arrays broadcast together; negative indices count from the end. When the
    /// advanced entries (arrays, masks, and integers among them) are adjacent, their
    /// broadcast dimensions replace them in place; when a slice, ellipsis or new axis
    /// separates them, the broadcast dimensions come first, as in NumPy.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::idx;
    /// let a = Array::<i64>::arange(24).into_shape(&[2, 3, 4]).unwrap();
    /// // a[:, [2, 0], 1:3]
    /// let b = a.index(idx![.., vec![2, 0], 1..3]).unwrap();
    /// assert_eq!(b.shape(), &[2, 2, 2]);
    /// assert_eq!(b.to_vec(), vec![9, 10, 1, 2, 21, 22, 13, 14]);
    /// // a[0, :, [0, 1]]: advanced entries split by a slice go first
    /// assert_eq!(a.index(idx![0, .., vec![0, 1]]).unwrap().shape(), &[2, 3]);
    /// ```
    ///
    /// # Errors
    /// With NumPy's messages: [`Error::TooManyIndices`], [`Error::MultipleEllipsis`],
    /// [`Error::MaskMismatch`], [`Error::IndexOutOfBounds`], [`Error::IndexBroadcast`], a
    /// zero slice step.
    pub fn index(&self, args: &[IndexArg<'_>]) -> Result<Array<S::Elem>> {
        match plan::plan(&self.shape, &self.strides_elems(), args)? {
            Plan::Basic(sargs) => crate::copy::try_copy_to_order(&self.try_slice(&sargs)?, Order::C),
            Plan::Mask(m) => super::mask::select_leading(&self.view(), &m.view()),
            Plan::Sel(sel) => gather_selection(self.as_ptr(), &sel),
        }
    }

    /// Rows (entries along axis 0) picked by an index array or mask: `a[idx]`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::arange(6).into_shape(&[3, 2]).unwrap();
    /// let b = a.select(vec![2, 2, 0]).unwrap();
    /// assert_eq!(b.to_vec(), vec![4.0, 5.0, 4.0, 5.0, 0.0, 1.0]);
    /// ```
    ///
    /// # Errors
    /// As [`index`](Self::index).
    pub fn select<'i>(&self, idx: impl Into<IndexArg<'i>>) -> Result<Array<S::Elem>> {
        self.index(&[idx.into()])
    }
}

impl<S: DataMut> ArrayBase<S> {
    /// NumPy's `a[index] = values`: writes in place, `values` broadcast to the shape
    /// `a.index(index)` would have. For repeated indices the last value wins, as in NumPy.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::idx;
    /// let mut a = Array::<i64>::zeros(&[2, 3]).unwrap();
    /// a.index_assign(idx![.., vec![0, 2]], &array![[1, 2], [3, 4]]).unwrap();
    /// assert_eq!(a.to_vec(), vec![1, 0, 2, 3, 0, 4]);
    /// ```
    ///
    /// # Errors
    /// As [`index`](ArrayBase::index); values that do not broadcast to the selection
    /// ("shape mismatch: value array of shape …"); for a single boolean mask covering every
    /// axis, NumPy's boolean-assignment errors.
    pub fn index_assign<S2: Data<Elem = S::Elem>>(
        &mut self,
        args: &[IndexArg<'_>],
        values: &ArrayBase<S2>,
    ) -> Result<()> {
        let values = values.view();
        match plan::plan(&self.shape, &self.strides_elems(), args)? {
            Plan::Basic(sargs) => {
                let mut dst = self.try_slice_mut(&sargs)?;
                let st = basic_value_strides(values.shape(), values.strides(), dst.shape())?;
                // SAFETY: the strides broadcast `values` to the destination's shape.
                let src = unsafe { ArrayView::from_layout(values.layout.at_offset(0, dst.shape.clone(), st)) };
                crate::zip::zip_mut_with(&mut dst, &src, |d, s| *d = s);
                Ok(())
            }
            Plan::Mask(m) => super::mask::assign_mask(&mut self.view_mut(), &m.view(), &values),
            Plan::Sel(sel) => {
                let vals = selection_values(&values, &sel)?;
                // SAFETY: the selection was planned for `self`, which is uniquely borrowed;
                // `values` is a different borrow, so it cannot overlap.
                unsafe { scatter_selection(self.as_mut_ptr(), &sel, &vals) };
                Ok(())
            }
        }
    }

    /// NumPy's `a[index] = value` for a single value.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::idx;
    /// let mut a = Array::<f64>::arange(5);
    /// a.index_fill(idx![vec![0, -1]], -1.0).unwrap();
    /// assert_eq!(a.to_vec(), vec![-1.0, 1.0, 2.0, 3.0, -1.0]);
    /// ```
    ///
    /// # Errors
    /// As [`index`](ArrayBase::index).
    pub fn index_fill(&mut self, args: &[IndexArg<'_>], value: S::Elem) -> Result<()> {
        match plan::plan(&self.shape, &self.strides_elems(), args)? {
            Plan::Basic(sargs) => {
                self.try_slice_mut(&sargs)?.fill(value);
                Ok(())
            }
            Plan::Mask(m) => {
                super::mask::fill_mask(&mut self.view_mut(), &m.view(), value);
                Ok(())
            }
            Plan::Sel(sel) => {
                // SAFETY: the selection was planned for `self`, which is uniquely borrowed.
                unsafe { scatter_selection(self.as_mut_ptr(), &sel, &Values::Scalar(value)) };
                Ok(())
            }
        }
    }
}
