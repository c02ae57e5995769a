//! `take` and `put`: selection and assignment along one axis or over the flattened array.
#![allow(unsafe_code)] // kernels over validated offsets; each block says why it holds

use crate::array::{Array, ArrayBase};
use crate::dims::{self, Shape, Strides};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};

use super::fancy::{gather_selection, scatter_selection};
use super::kernels::wrap_negative;
use super::plan::{Middle, Selection};
use super::{Idx, IndexArray, KIdx};

/// How `take` and `put` treat indices outside the axis (NumPy's `mode=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ClipMode {
    /// `'raise'`: an error (negative indices count from the end).
    #[default]
    Raise,
    /// `'wrap'`: indices wrap around (modulo the length).
    Wrap,
    /// `'clip'`: indices are clipped to `0..len` (negative ones become 0).
    Clip,
}

/// Normalises `i` for an axis of length `n > 0` (already validated for `Raise`).
#[inline]
fn normalise(i: isize, n: isize, mode: ClipMode) -> isize {
    match mode {
        ClipMode::Raise => wrap_negative(i, n),
        ClipMode::Wrap => i.rem_euclid(n),
        ClipMode::Clip => i.clamp(0, n - 1),
    }
}

/// The element offset of flat (C-order) position `i` in a layout.
#[inline]
fn unravel_offset(mut i: usize, shape: &[usize], strides: &[isize]) -> isize {
    let mut off = 0isize;
    for (&d, &s) in shape.iter().zip(strides).rev() {
        off += (i % d) as isize * s;
        i /= d;
    }
    off
}

/// A selection of flat (C-order) positions of an array of `shape`/`strides`; the indices
/// must already be validated for [`ClipMode::Raise`].
///
/// # Errors
/// NumPy's MemoryError when the indices or their offsets cannot be allocated.
pub(crate) fn flat_selection<'x>(
    shape: &[usize],
    strides: &[isize],
    idx: KIdx<'x>,
    mode: ClipMode,
) -> Result<Selection<'x>> {
    let n: usize = shape.iter().product();
    let idx = idx.into_contiguous()?;
    let mid_shape = Shape::from_slice(idx.shape());
    let middle = if dims::is_c_contiguous(shape, strides) {
        Middle::Index { idx, stride: 1, len: n, mode }
    } else {
        fn offsets<I: Idx>(s: &[I], n: usize, shape: &[usize], strides: &[isize], mode: ClipMode) -> Vec<i64> {
            s.iter()
                .map(|x| unravel_offset(normalise(x.isz(), n as isize, mode) as usize, shape, strides) as i64)
                .collect()
        }
        let v = match &idx {
            KIdx::I64(a) => offsets(a.as_slice().expect("contiguous"), n, shape, strides, mode),
            KIdx::I32(a) => offsets(a.as_slice().expect("contiguous"), n, shape, strides, mode),
        };
        Middle::Offsets(Array::from_shape_vec(&mid_shape, v).expect("one offset per index"))
    };
    Ok(Selection {
        base: 0,
        pre: (Shape::new(), Strides::new()),
        mid_shape,
        middle,
        post: (Shape::new(), Strides::new()),
    })
}

/// `numpy.take`: elements of `a` at `indices` along `axis` (over the flattened array when
/// `axis` is `None`). The result has shape `a.shape[..axis] + indices.shape +
/// a.shape[axis+1..]`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{ClipMode, take};
/// let a = array![[4, 3, 5], [7, 6, 8]];
/// assert_eq!(take(&a, vec![0, 1, 4], None, ClipMode::Raise).unwrap().to_vec(), vec![4, 3, 6]);
/// let cols = take(&a, vec![2, 0], Some(1), ClipMode::Raise).unwrap();
/// assert_eq!(cols.to_vec(), vec![5, 4, 8, 7]);
/// assert_eq!(take(&a, vec![-7, 30], None, ClipMode::Clip).unwrap().to_vec(), vec![4, 8]);
/// assert_eq!(take(&a, vec![-7, 30], None, ClipMode::Wrap).unwrap().to_vec(), vec![8, 4]);
/// ```
///
/// # Errors
/// [`Error::AxisOutOfBounds`]; [`Error::IndexOutOfBounds`] in raise mode; [`Error::EmptyTake`]
/// for a non-empty take from an axis of length zero.
pub fn take<'i, S: Data>(
    a: &ArrayBase<S>,
    indices: impl Into<IndexArray<'i>>,
    axis: Option<isize>,
    mode: ClipMode,
) -> Result<Array<S::Elem>> {
    let indices = indices.into();
    let k = indices.kernel();
    let nidx = indices.size();
    let sel = match axis {
        None => {
            let n = a.size();
            if n == 0 && nidx != 0 {
                return Err(Error::EmptyTake);
            }
            if mode == ClipMode::Raise && nidx > 0 {
                k.check_bounds(n, 0)?;
            }
            flat_selection(a.shape(), &a.strides_elems(), k, mode)?
        }
        Some(ax) => {
            let ax = dims::normalize_axis(ax, a.ndim())?;
            let elem_strides = a.strides_elems();
            let (shape, strides) = (a.shape(), &elem_strides[..]);
            let len = shape[ax];
            if len == 0 && nidx != 0 {
                return Err(Error::EmptyTake);
            }
            let outer: usize = shape[..ax].iter().product();
            if mode == ClipMode::Raise && nidx > 0 && outer > 0 {
                k.check_bounds(len, ax)?;
            }
            let k = k.into_contiguous()?;
            Selection {
                base: 0,
                pre: (Shape::from_slice(&shape[..ax]), Strides::from_slice(&strides[..ax])),
                mid_shape: Shape::from_slice(k.shape()),
                middle: Middle::Index { idx: k, stride: strides[ax], len, mode },
                post: (Shape::from_slice(&shape[ax + 1..]), Strides::from_slice(&strides[ax + 1..])),
            }
        }
    };
    gather_selection(a.as_ptr(), &sel)
}

/// `numpy.put`: writes `values` at flat (C-order) positions `indices`, repeating `values`
/// cyclically when it is shorter. Later positions win when indices repeat. With no values
/// nothing is written.
///
/// Unlike NumPy, which writes the elements before an out-of-range index, nothing is
/// written when raise mode finds a bad index.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{ClipMode, put};
/// let mut a = Array::<i64>::arange(5);
/// put(&mut a, vec![0, 2], &array![-44, -55], ClipMode::Raise).unwrap();
/// assert_eq!(a.to_vec(), vec![-44, 1, -55, 3, 4]);
/// put(&mut a, vec![22], &array![-5], ClipMode::Clip).unwrap();
/// assert_eq!(a.to_vec(), vec![-44, 1, -55, 3, -5]);
/// ```
///
/// # Errors
/// [`Error::IndexOutOfBounds`] in raise mode; [`Error::EmptyPut`] when `a` has no elements
/// but `indices` is not empty.
pub fn put<'i, S: DataMut, S2: Data<Elem = S::Elem>>(
    a: &mut ArrayBase<S>,
    indices: impl Into<IndexArray<'i>>,
    values: &ArrayBase<S2>,
    mode: ClipMode,
) -> Result<()> {
    let indices = indices.into();
    let n = a.size();
    let nidx = indices.size();
    if nidx > 0 && n == 0 {
        return Err(Error::EmptyPut);
    }
    let vals = values.to_vec();
    if vals.is_empty() || nidx == 0 {
        return Ok(());
    }
    let k = indices.kernel();
    if mode == ClipMode::Raise {
        k.check_bounds(n, 0)?;
    }
    let sel = flat_selection(a.shape(), &a.strides_elems(), k, mode)?;
    let offs: Vec<isize> = match &sel.middle {
        Middle::Offsets(o) => o.iter().map(|x| x as isize).collect(),
        Middle::Index { idx: KIdx::I64(ix), .. } => ix.iter().map(|x| normalise(x.isz(), n as isize, mode)).collect(),
        Middle::Index { idx: KIdx::I32(ix), .. } => ix.iter().map(|x| normalise(x.isz(), n as isize, mode)).collect(),
    };
    let dst = a.as_mut_ptr();
    for (j, &o) in offs.iter().enumerate() {
        // SAFETY: every offset was validated (raise) or normalised into the array (wrap,
        // clip), and `a` is uniquely borrowed.
        unsafe { *dst.offset(o) = vals[j % vals.len()] };
    }
    Ok(())
}

/// Writes `values` (broadcast to the indices' shape, NumPy's assignment rules) at flat
/// positions; used by `put_along_axis` with no axis.
pub(crate) fn flat_assign<T: Element, S: DataMut<Elem = T>>(
    a: &mut ArrayBase<S>,
    indices: &IndexArray<'_>,
    values: &crate::array::ArrayView<'_, T>,
) -> Result<()> {
    let n = a.size();
    let k = indices.kernel();
    if indices.size() > 0 {
        k.check_bounds(n, 0)?;
    }
    let sel = flat_selection(a.shape(), &a.strides_elems(), k, ClipMode::Raise)?;
    let vals = super::fancy::selection_values(values, &sel)?;
    // SAFETY: the selection addresses validated elements of `a`, uniquely borrowed.
    unsafe { scatter_selection(a.as_mut_ptr(), &sel, &vals) };
    Ok(())
}

/// Gathers flat positions with NumPy's fancy-indexing checks; used by `take_along_axis`
/// with no axis.
pub(crate) fn flat_gather<S: Data>(a: &ArrayBase<S>, indices: &IndexArray<'_>) -> Result<Array<S::Elem>> {
    let k = indices.kernel();
    if indices.size() > 0 {
        k.check_bounds(a.size(), 0)?;
    }
    let sel = flat_selection(a.shape(), &a.strides_elems(), k, ClipMode::Raise)?;
    gather_selection(a.as_ptr(), &sel)
}

impl<S: Data> ArrayBase<S> {
    /// `a.take(indices, axis)` in raise mode; see [`take`] for the modes.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::arange(10);
    /// assert_eq!(a.take(vec![9, -10], None).unwrap().to_vec(), vec![9.0, 0.0]);
    /// ```
    ///
    /// # Errors
    /// As [`take`].
    pub fn take<'i>(&self, indices: impl Into<IndexArray<'i>>, axis: Option<isize>) -> Result<Array<S::Elem>> {
        take(self, indices, axis, ClipMode::Raise)
    }
}

impl<S: DataMut> ArrayBase<S> {
    /// `a.put(indices, values)` in raise mode; see [`put`] for the modes.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let mut a = Array::<i32>::zeros(&[2, 2]).unwrap();
    /// a.put(vec![3, 0], &array![7, 8]).unwrap();
    /// assert_eq!(a.to_vec(), vec![8, 0, 0, 7]);
    /// ```
    ///
    /// # Errors
    /// As [`put`].
    pub fn put<'i, S2: Data<Elem = S::Elem>>(
        &mut self,
        indices: impl Into<IndexArray<'i>>,
        values: &ArrayBase<S2>,
    ) -> Result<()> {
        put(self, indices, values, ClipMode::Raise)
    }
}
