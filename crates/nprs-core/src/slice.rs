//! Basic slicing with NumPy's rules: `s![1..3, ..;2, NEW_AXIS, -1, ELLIPSIS]`.
//!
//! A slice with a step follows Python's `slice(start, stop, step)` exactly, including
//! negative steps: `s![..;-1]` is `[::-1]` and `s![5..1;-1]` is `[5:1:-1]`.
#![allow(unsafe_code)] // views are built from offset pointers; each block says why it holds

use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};
use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{ArrayBase, ArrayView, ArrayViewMut};
use crate::dims::{Shape, Strides};
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};

/// One entry of a slicing expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SliceArg {
    /// A single index: removes the axis (`a[2]`, `a[-1]`).
    Index(isize),
    /// A Python slice `start:stop:step` (keeps the axis).
    Slice {
        /// First index, or the default for the step's direction.
        start: Option<isize>,
        /// End (exclusive), or the default for the step's direction.
        stop: Option<isize>,
        /// Step; never zero.
        step: isize,
    },
    /// `np.newaxis`: inserts an axis of length one.
    NewAxis,
    /// `...`: as many full slices as needed.
    Ellipsis,
}

/// `np.newaxis` for [`s!`](crate::s).
pub const NEW_AXIS: SliceArg = SliceArg::NewAxis;
/// `...` for [`s!`](crate::s).
pub const ELLIPSIS: SliceArg = SliceArg::Ellipsis;

impl SliceArg {
    /// Applies a step written after `;` in [`s!`](crate::s).
    #[must_use]
    pub fn with_step(self, step: isize) -> SliceArg {
        match self {
            SliceArg::Slice { start, stop, .. } => SliceArg::Slice { start, stop, step },
            other => other,
        }
    }

    /// The full slice `:`.
    pub const FULL: SliceArg = SliceArg::Slice { start: None, stop: None, step: 1 };
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for SliceArg {
            fn from(i: $t) -> Self { SliceArg::Index(i as isize) }
        }
        impl From<Range<$t>> for SliceArg {
            fn from(r: Range<$t>) -> Self {
                SliceArg::Slice { start: Some(r.start as isize), stop: Some(r.end as isize), step: 1 }
            }
        }
        impl From<RangeInclusive<$t>> for SliceArg {
            fn from(r: RangeInclusive<$t>) -> Self {
                let end = *r.end() as isize;
                SliceArg::Slice {
                    start: Some(*r.start() as isize),
                    stop: if end == -1 { None } else { Some(end + 1) },
                    step: 1,
                }
            }
        }
        impl From<RangeFrom<$t>> for SliceArg {
            fn from(r: RangeFrom<$t>) -> Self {
                SliceArg::Slice { start: Some(r.start as isize), stop: None, step: 1 }
            }
        }
        impl From<RangeTo<$t>> for SliceArg {
            fn from(r: RangeTo<$t>) -> Self {
                SliceArg::Slice { start: None, stop: Some(r.end as isize), step: 1 }
            }
        }
        impl From<RangeToInclusive<$t>> for SliceArg {
            fn from(r: RangeToInclusive<$t>) -> Self {
                let end = r.end as isize;
                SliceArg::Slice { start: None, stop: if end == -1 { None } else { Some(end + 1) }, step: 1 }
            }
        }
    )*};
}
from_int!(i32, i64, isize, usize, u32);

impl From<RangeFull> for SliceArg {
    fn from(_: RangeFull) -> Self {
        SliceArg::FULL
    }
}

/// Builds a slicing expression: `s![1..3, ..;2, NEW_AXIS, -1]`.
///
/// Each entry is an index, a range (optionally followed by `;step`), [`NEW_AXIS`] or
/// [`ELLIPSIS`]. Ranges and steps follow Python's slice rules.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = Array::<i64>::arange(10);
/// let v = a.slice(s![1..8;3]);
/// assert_eq!(v.to_vec(), vec![1, 4, 7]);
/// let r = a.slice(s![..;-1]);
/// assert_eq!(r.to_vec(), vec![9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
/// ```
#[macro_export]
macro_rules! s {
    // Ranges such as `7..2;-2` are empty in Rust but mean Python's `7:2:-2` here.
    (@step $e:expr) => {{
        #[allow(clippy::reversed_empty_ranges)]
        let arg = $crate::slice::SliceArg::from($e);
        arg
    }};
    (@step $e:expr; $step:expr) => {{
        #[allow(clippy::reversed_empty_ranges)]
        let arg = $crate::slice::SliceArg::from($e);
        arg.with_step(($step) as isize)
    }};
    ($($e:expr $(; $step:expr)?),* $(,)?) => {
        &[$( $crate::s!(@step $e $(; $step)?) ),*]
    };
}

/// Python's `slice.indices`: (start, step, count) for an axis of length `len`.
pub(crate) fn slice_indices(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> Result<(isize, isize, usize)> {
    if step == 0 {
        return Err(Error::Value("slice step cannot be zero".into()));
    }
    let n = len as isize;
    let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
    let clamp = |v: isize| {
        if v < 0 { (v + n).max(lower) } else { v.min(upper) }
    };
    let start = start.map_or(if step < 0 { upper } else { lower }, clamp);
    let stop = stop.map_or(if step < 0 { lower } else { upper }, clamp);
    let count = if step > 0 {
        if stop > start { (stop - start + step - 1) / step } else { 0 }
    } else if start > stop {
        (start - stop + (-step) - 1) / (-step)
    } else {
        0
    };
    Ok((start, step, count as usize))
}

/// Computes the offset, shape and strides of a basic-slicing view.
pub(crate) fn slice_layout(shape: &[usize], strides: &[isize], args: &[SliceArg]) -> Result<(isize, Shape, Strides)> {
    let n_ell = args.iter().filter(|a| matches!(a, SliceArg::Ellipsis)).count();
    if n_ell > 1 {
        return Err(Error::MultipleEllipsis);
    }
    let consumed = args.iter().filter(|a| matches!(a, SliceArg::Index(_) | SliceArg::Slice { .. })).count();
    if consumed > shape.len() {
        return Err(Error::TooManyIndices { ndim: shape.len(), given: consumed });
    }
    let mut off = 0isize;
    let mut out_shape: Shape = SmallVec::new();
    let mut out_strides: Strides = SmallVec::new();
    let mut ax = 0usize;
    for arg in args {
        match *arg {
            SliceArg::Index(i) => {
                let i = crate::dims::normalize_index(i, ax, shape[ax])?;
                off += i as isize * strides[ax];
                ax += 1;
            }
            SliceArg::Slice { start, stop, step } => {
                let (st, step, count) = slice_indices(start, stop, step, shape[ax])?;
                if count > 0 {
                    off += st * strides[ax];
                }
                out_shape.push(count);
                out_strides.push(strides[ax] * step);
                ax += 1;
            }
            SliceArg::NewAxis => {
                out_shape.push(1);
                out_strides.push(0);
            }
            SliceArg::Ellipsis => {
                let fill = shape.len() - consumed;
                for _ in 0..fill {
                    out_shape.push(shape[ax]);
                    out_strides.push(strides[ax]);
                    ax += 1;
                }
            }
        }
    }
    while ax < shape.len() {
        out_shape.push(shape[ax]);
        out_strides.push(strides[ax]);
        ax += 1;
    }
    Ok((off, out_shape, out_strides))
}

impl<S: Data> ArrayBase<S> {
    /// A view of a basic slice (`a[1:3, ::2]`), never a copy.
    ///
    /// # Panics
    /// On an index out of bounds or too many indices, with NumPy's message; see
    /// [`try_slice`](Self::try_slice).
    #[track_caller]
    #[must_use]
    pub fn slice(&self, args: &[SliceArg]) -> ArrayView<'_, S::Elem> {
        crate::error::or_panic(self.try_slice(args))
    }

    /// A view of a basic slice.
    ///
    /// # Errors
    /// [`Error::IndexOutOfBounds`], [`Error::TooManyIndices`], a zero step.
    pub fn try_slice(&self, args: &[SliceArg]) -> Result<ArrayView<'_, S::Elem>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, args)?;
        // SAFETY: every element of the sliced layout is an element of `self`.
        Ok(unsafe { ArrayView::from_raw_parts(NonNull::new_unchecked(self.ptr.as_ptr().offset(off)), shape, strides) })
    }
}

impl<S: DataMut> ArrayBase<S> {
    /// A writable view of a basic slice.
    ///
    /// # Panics
    /// As [`slice`](Self::slice).
    #[track_caller]
    pub fn slice_mut(&mut self, args: &[SliceArg]) -> ArrayViewMut<'_, S::Elem> {
        crate::error::or_panic(self.try_slice_mut(args))
    }

    /// A writable view of a basic slice.
    ///
    /// # Errors
    /// As [`try_slice`](Self::try_slice).
    pub fn try_slice_mut(&mut self, args: &[SliceArg]) -> Result<ArrayViewMut<'_, S::Elem>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, args)?;
        // SAFETY: a basic slice never maps two indices to one element (new axes have length
        // one), and `self` is uniquely borrowed.
        Ok(unsafe {
            ArrayViewMut::from_raw_parts(NonNull::new_unchecked(self.ptr.as_ptr().offset(off)), shape, strides)
        })
    }
}

impl<'a, T: crate::Element> ArrayView<'a, T> {
    /// Slices a view, keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`ArrayBase::try_slice`].
    pub fn slice_move(self, args: &[SliceArg]) -> Result<ArrayView<'a, T>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, args)?;
        // SAFETY: a sub-view of a view with the same lifetime.
        Ok(unsafe { ArrayView::from_raw_parts(NonNull::new_unchecked(self.ptr.as_ptr().offset(off)), shape, strides) })
    }
}

impl<'a, T: crate::Element> ArrayViewMut<'a, T> {
    /// Slices a writable view, keeping the original borrow's lifetime.
    ///
    /// # Errors
    /// As [`ArrayBase::try_slice`].
    pub fn slice_move(self, args: &[SliceArg]) -> Result<ArrayViewMut<'a, T>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, args)?;
        // SAFETY: a sub-view of a unique view with the same lifetime.
        Ok(unsafe {
            ArrayViewMut::from_raw_parts(NonNull::new_unchecked(self.ptr.as_ptr().offset(off)), shape, strides)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::slice_indices;

    #[test]
    fn python_slice_indices() {
        assert_eq!(slice_indices(None, None, -1, 5).unwrap(), (4, -1, 5));
        assert_eq!(slice_indices(Some(-2), None, 1, 5).unwrap(), (3, 1, 2));
        assert_eq!(slice_indices(Some(10), Some(20), 1, 5).unwrap().2, 0);
        assert_eq!(slice_indices(Some(5), Some(1), -2, 10).unwrap(), (5, -2, 2));
    }
}
