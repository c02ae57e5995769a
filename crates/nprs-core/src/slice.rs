//! Basic slicing with NumPy's rules: `s![1..3, ..;2, NEW_AXIS, -1, ELLIPSIS]`.
//!
//! A slice with a step follows Python's `slice(start, stop, step)` exactly, including
//! negative steps: `s![..;-1]` is `[::-1]` and `s![5..1;-1]` is `[5:1:-1]`.

use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

use smallvec::SmallVec;

use crate::dims::{Shape, Strides};
use crate::error::{Error, Result};

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

/// An integer used as an index, a slice bound or a step, converted to `isize` as Python
/// converts slice arguments: values beyond `isize`'s range saturate (so `usize::MAX` as a
/// bound means "to the end", never a wrapped negative index).
///
/// Implemented for every primitive integer type; [`s!`](crate::s) and [`idx!`](crate::idx)
/// use it for steps.
pub trait SliceInt: Copy {
    /// The value as `isize`, saturated at `isize::MIN` / `isize::MAX`.
    fn to_isize_saturating(self) -> isize;
}

macro_rules! slice_int {
    ($($t:ty),*) => {$(
        impl SliceInt for $t {
            #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation, clippy::cast_lossless)]
            fn to_isize_saturating(self) -> isize {
                match isize::try_from(self) {
                    Ok(v) => v,
                    Err(_) if self > 0 as $t => isize::MAX,
                    Err(_) => isize::MIN,
                }
            }
        }
    )*};
}
slice_int!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

/// A step for [`s!`](crate::s) and [`idx!`](crate::idx): any integer, saturated to `isize`.
#[doc(hidden)]
pub fn step_of<T: SliceInt>(step: T) -> isize {
    step.to_isize_saturating()
}

/// The exclusive stop of an inclusive range ending at `end` (`..=end`): `end + 1`, where
/// `-1` means "to the end" and `isize::MAX` (which no axis reaches) stays itself.
fn inclusive_stop(end: isize) -> Option<isize> {
    if end == -1 { None } else { Some(end.saturating_add(1)) }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for SliceArg {
            fn from(i: $t) -> Self { SliceArg::Index(i.to_isize_saturating()) }
        }
        impl From<Range<$t>> for SliceArg {
            fn from(r: Range<$t>) -> Self {
                SliceArg::Slice {
                    start: Some(r.start.to_isize_saturating()),
                    stop: Some(r.end.to_isize_saturating()),
                    step: 1,
                }
            }
        }
        impl From<RangeInclusive<$t>> for SliceArg {
            fn from(r: RangeInclusive<$t>) -> Self {
                SliceArg::Slice {
                    start: Some(r.start().to_isize_saturating()),
                    stop: inclusive_stop(r.end().to_isize_saturating()),
                    step: 1,
                }
            }
        }
        impl From<RangeFrom<$t>> for SliceArg {
            fn from(r: RangeFrom<$t>) -> Self {
                SliceArg::Slice { start: Some(r.start.to_isize_saturating()), stop: None, step: 1 }
            }
        }
        impl From<RangeTo<$t>> for SliceArg {
            fn from(r: RangeTo<$t>) -> Self {
                SliceArg::Slice { start: None, stop: Some(r.end.to_isize_saturating()), step: 1 }
            }
        }
        impl From<RangeToInclusive<$t>> for SliceArg {
            fn from(r: RangeToInclusive<$t>) -> Self {
                SliceArg::Slice { start: None, stop: inclusive_stop(r.end.to_isize_saturating()), step: 1 }
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
        arg.with_step($crate::slice::step_of($step))
    }};
    ($($e:expr $(; $step:expr)?),* $(,)?) => {
        &[$( $crate::s!(@step $e $(; $step)?) ),*]
    };
}

/// Python's `slice.indices` for an axis of length `len`: the first index, the step and the
/// number of elements, as CPython's `PySlice_Unpack` + `PySlice_AdjustIndices` compute them
/// (a step below `-isize::MAX` counts as `-isize::MAX`; bounds are clamped to the axis).
///
/// No intermediate value overflows, whatever the arguments: after clamping, `start` and
/// `stop` lie in `-1..=len`, so `stop - start` is at most `len`.
///
/// # Errors
/// A zero step ("slice step cannot be zero"); an axis longer than `isize::MAX` (which no
/// array has) as [`Error::TooBig`].
pub(crate) fn slice_indices(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
) -> Result<(isize, isize, usize)> {
    if step == 0 {
        return Err(Error::SliceStepZero);
    }
    let step = step.max(-isize::MAX);
    let n = isize::try_from(len).map_err(|_| Error::TooBig)?;
    let back = step < 0;
    let adjust = |v: isize| {
        if v < 0 {
            // `v + n` cannot overflow: `v` is negative and `n` is not.
            let v = v + n;
            if v < 0 { if back { -1 } else { 0 } } else { v }
        } else if v >= n {
            if back { n - 1 } else { n }
        } else {
            v
        }
    };
    let start = start.map_or(if back { n - 1 } else { 0 }, adjust);
    let stop = stop.map_or(if back { -1 } else { n }, adjust);
    let count = if back {
        if stop < start { (start - stop - 1) / -step + 1 } else { 0 }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    // `count` is at most `len`.
    Ok((start, step, count.unsigned_abs()))
}

/// One sliced axis of a view: where it starts (in bytes), its length and its byte stride,
/// as NumPy's basic indexing lays it out.
///
/// An empty slice starts at the axis' first element with the axis' own stride (NumPy sets
/// `start = 0, step = 1` then). A one-element slice gets NumPy's stride `stride * step` in
/// C arithmetic, which wraps around when the product overflows (`a[0:2:sys.maxsize]` of
/// an `int64` array has stride -8): the axis never steps to a second element, so the value
/// only has to be what NumPy shows.
///
/// This is the one place the offset and stride products of slicing are formed, for typed
/// and dynamic arrays alike. Offsets and the strides of axes with two or more elements are
/// checked products (they address elements, so they fit in any array that exists).
///
/// # Errors
/// As [`slice_indices`]; [`Error::TooBig`] for a layout whose offsets do not fit `isize`
/// (no array that exists has one).
pub(crate) fn slice_axis(
    start: Option<isize>,
    stop: Option<isize>,
    step: isize,
    len: usize,
    stride: isize,
) -> Result<(isize, usize, isize)> {
    let (first, step, count) = slice_indices(start, stop, step, len)?;
    match count {
        0 => Ok((0, 0, stride)),
        1 => Ok((checked_offset(first, stride)?, 1, stride.wrapping_mul(step))),
        // With two or more elements, `first + step` lies inside the axis, so `stride * step`
        // is at most the distance between two of its elements.
        _ => Ok((checked_offset(first, stride)?, count, checked_offset(step, stride)?)),
    }
}

/// `index * stride`, or [`Error::TooBig`] when it overflows.
fn checked_offset(index: isize, stride: isize) -> Result<isize> {
    index.checked_mul(stride).ok_or(Error::TooBig)
}

/// Computes the byte offset, shape and byte strides of a basic-slicing view (see
/// [`slice_axis`]).
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
                // `i < shape[ax] <= isize::MAX` (normalize_index checked it).
                let at = checked_offset(i.cast_signed(), strides[ax])?;
                off = off.checked_add(at).ok_or(Error::TooBig)?;
                ax += 1;
            }
            SliceArg::Slice { start, stop, step } => {
                let (at, count, stride) = slice_axis(start, stop, step, shape[ax], strides[ax])?;
                off = off.checked_add(at).ok_or(Error::TooBig)?;
                out_shape.push(count);
                out_strides.push(stride);
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
