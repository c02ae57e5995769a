//! Stride tricks: `sliding_window_view` and `as_strided` (NumPy's
//! `numpy.lib.stride_tricks`).
#![allow(unsafe_code)] // views with arbitrary strides; each block says why it holds

use smallvec::SmallVec;

use crate::array::{ArrayBase, ArrayView};
use crate::dims;
use crate::error::{Error, Result};
use crate::storage::Data;

use super::args::{AxisArg, Ints};

/// `numpy.lib.stride_tricks.sliding_window_view`: a read-only view of every window of
/// `window_shape` sliding over the array. With `axis = None` the window spans every axis;
/// otherwise `window_shape` gives one length per listed axis (an axis may be listed more
/// than once). The windows' axes come last in the result.
///
/// The windows overlap, so the view repeats elements without copying them.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::sliding_window_view;
///
/// let x = Array::<i64>::arange(6);
/// let v = sliding_window_view(&x, 3, None).unwrap();
/// assert_eq!(v, array![[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]);
/// let m = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
/// let w = sliding_window_view(&m, 2, 1).unwrap();
/// assert_eq!(w.shape(), &[3, 3, 2]);
/// ```
///
/// # Errors
/// Negative window lengths, a window longer than its axis, a `window_shape` whose length
/// does not match the axes, or an axis out of bounds, with NumPy's messages.
pub fn sliding_window_view<S: Data>(
    x: &ArrayBase<S>,
    window_shape: impl Into<Ints>,
    axis: impl Into<AxisArg>,
) -> Result<ArrayView<'_, S::Elem>> {
    let window = window_shape.into().to_vec();
    if window.iter().any(|&w| w < 0) {
        return Err(Error::NegativeWindow);
    }
    let nd = x.ndim();
    let axes: Vec<usize> = match axis.into() {
        AxisArg::None => {
            if window.len() != nd {
                return Err(Error::WindowNdim { window: window.len(), ndim: nd });
            }
            (0..nd).collect()
        }
        other => {
            let list = match other {
                AxisArg::One(a) => vec![a],
                AxisArg::Many(v) => v,
                AxisArg::None => unreachable!("handled above"),
            };
            let axes: Vec<usize> = list.iter().map(|&a| dims::normalize_axis(a, nd)).collect::<Result<_>>()?;
            if window.len() != axes.len() {
                return Err(Error::WindowAxes { window: window.len(), axes: axes.len() });
            }
            axes
        }
    };
    let mut shape: SmallVec<[usize; 6]> = SmallVec::from_slice(x.shape());
    let mut strides: SmallVec<[isize; 6]> = SmallVec::from_slice(x.strides());
    for (&ax, &w) in axes.iter().zip(&window) {
        let w = w as usize;
        if shape[ax] < w {
            return Err(Error::WindowTooLarge);
        }
        // A window of length zero leaves one more position than the axis has elements.
        shape[ax] = shape[ax] + 1 - w;
    }
    for (&ax, &w) in axes.iter().zip(&window) {
        shape.push(w as usize);
        strides.push(x.strides()[ax]);
    }
    // SAFETY: for every index, position `p` along an axis plus window offset `q` along the
    // same axis stays below the axis length (`p + q <= n - w + w - 1`), so each element
    // addressed is an element of `x`; an empty result addresses nothing.
    Ok(unsafe { ArrayView::from_layout(x.layout.at_offset(0, shape, strides)) })
}

/// `numpy.lib.stride_tricks.as_strided`: a read-only view of `x`'s memory with any shape
/// and strides (in bytes, as NumPy gives them; `None` keeps `x`'s own).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::as_strided;
///
/// let x = Array::<i32>::arange(6);
/// // Overlapping rows of 3, each starting one element (4 bytes) later.
/// // SAFETY: the largest offset is 3 * 4 + 2 * 4 = 20 bytes, the last element of `x`.
/// let v = unsafe { as_strided(&x, Some(&[4, 3]), Some(&[4, 4])) }.unwrap();
/// assert_eq!(v, array![[0, 1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]]);
/// ```
///
/// # Errors
/// Shape and strides of different lengths ("mismatch in length of strides and shape"),
/// and strides that are not whole multiples of the element size (NumPy allows those for
/// reinterpreting bytes; typed arrays cannot express them).
///
/// # Safety
/// For every index `i` of `shape`, the byte offset `Σ i[k]·strides[k]` from `x`'s first
/// element must address an element inside the memory `x` itself spans (its
/// [`byte_extent`](crate::Layout::byte_extent)) and aligned to an element boundary of
/// `x`. Those elements are read through the view for as long as it lives, so they must
/// not be written meanwhile; borrowing `x` guarantees that only for memory `x` addresses,
/// which is why the view may not reach past it. Offsets must not overflow `isize`. The
/// view may address one element at several indices; it is read-only, so that is allowed.
pub unsafe fn as_strided<'a, S: Data>(
    x: &'a ArrayBase<S>,
    shape: Option<&[usize]>,
    strides: Option<&[isize]>,
) -> Result<ArrayView<'a, S::Elem>> {
    let shape = shape.unwrap_or(x.shape());
    let item = x.itemsize() as isize;
    let strides = strides.unwrap_or(x.strides());
    if shape.len() != strides.len() {
        return Err(Error::StridesLength);
    }
    if strides.iter().any(|&s| s % item != 0) {
        return Err(Error::StridesNotElements { itemsize: x.itemsize() });
    }
    dims::check_bytes(shape, x.itemsize())?;
    let layout = x.layout.at_offset(0, SmallVec::from_slice(shape), SmallVec::from_slice(strides));
    // SAFETY: the caller guarantees that every addressed element lies in `x`'s memory and
    // stays unwritten while the view, which borrows `x`, lives.
    Ok(unsafe { ArrayView::from_layout(layout) })
}
