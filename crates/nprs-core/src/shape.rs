//! Layout arithmetic behind the views that change shape or axis order (reshape,
//! transposes, axis moves, squeeze, expand_dims; the methods themselves are
//! [`Layout`](crate::layout::Layout)'s), and `broadcast_arrays`.
#![allow(unsafe_code)] // broadcast views of views; the block says why it holds

use smallvec::SmallVec;

use crate::array::ArrayView;
use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::Element;
use crate::error::{Error, Result};

/// Resolves a requested shape with at most one `-1` against `size`.
///
/// # Errors
/// [`Error::ReshapeUnknown`], [`Error::NegativeDimensions`], [`Error::Reshape`] (also when
/// the product of the given lengths overflows, as NumPy reports it).
pub fn resolve_shape(size: usize, shape: &[isize]) -> Result<Shape> {
    let mut unknown = None;
    let mut known: usize = 1;
    for (i, &d) in shape.iter().enumerate() {
        if d < 0 {
            // NumPy takes any negative entry as the one unknown dimension.
            if unknown.is_some() {
                return Err(Error::ReshapeUnknown);
            }
            unknown = Some(i);
        } else {
            known = known
                .checked_mul(d.unsigned_abs())
                .filter(|&k| k <= isize::MAX as usize)
                .ok_or_else(|| Error::Reshape { size, shape: shape.to_vec() })?;
        }
    }
    let mut out: Shape = shape.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(i) => {
            if known == 0 || !size.is_multiple_of(known) {
                return Err(Error::Reshape { size, shape: shape.to_vec() });
            }
            out[i] = size / known;
        }
        None => {
            if known != size {
                return Err(Error::Reshape { size, shape: shape.to_vec() });
            }
        }
    }
    Ok(out)
}

/// [`resolve_shape`], then NumPy's check of the new array's size: `itemsize`-byte elements
/// in a shape whose non-zero lengths multiply past `isize` bytes are refused even when the
/// array is empty (`np.zeros(0).reshape(2**40, 0, 2**40)` is "array is too big").
pub(crate) fn resolve_reshape(size: usize, shape: &[isize], itemsize: usize) -> Result<Shape> {
    let new_shape = resolve_shape(size, shape)?;
    dims::check_bytes(&new_shape, itemsize)?;
    Ok(new_shape)
}

/// Strides for viewing `shape`/`strides` as `new_shape` (same size) in `order` without
/// copying, or `None` when the layout does not allow it (NumPy's `_attempt_nocopy_reshape`).
#[must_use]
///
/// Also `None` when the sizes differ (or overflow) or `strides` does not have one stride
/// per axis of `shape`.
pub fn reshape_strides(shape: &[usize], strides: &[isize], new_shape: &[usize], order: Order) -> Option<Strides> {
    if shape.len() != strides.len() {
        return None;
    }
    let size = dims::size_checked(shape).ok()?;
    if dims::size_checked(new_shape).ok()? != size {
        return None;
    }
    if size == 0 || new_shape.is_empty() && size == 1 {
        return Some(dims::contiguous_strides(new_shape, order));
    }
    // Work in C order; F order is C order on reversed axes.
    let (old_d, old_s, new_d): (Vec<usize>, Vec<isize>, Vec<usize>) = {
        let keep: Vec<(usize, isize)> =
            shape.iter().zip(strides).filter(|(d, _)| **d != 1).map(|(&d, &s)| (d, s)).collect();
        let (mut d, mut s): (Vec<usize>, Vec<isize>) = keep.into_iter().unzip();
        let mut n = new_shape.to_vec();
        if order == Order::F {
            d.reverse();
            s.reverse();
            n.reverse();
        }
        (d, s, n)
    };
    let mut new_s = vec![0isize; new_d.len()];
    let (mut oi, mut ni) = (0usize, 0usize);
    let (on, nn) = (old_d.len(), new_d.len());
    while ni < nn && oi < on {
        let (mut np, mut op) = (new_d[ni], old_d[oi]);
        let (mut nj, mut oj) = (ni + 1, oi + 1);
        while np != op {
            if np < op {
                np *= new_d[nj];
                nj += 1;
            } else {
                op *= old_d[oj];
                oj += 1;
            }
        }
        for ok in oi..oj - 1 {
            if old_s[ok] != old_d[ok + 1] as isize * old_s[ok + 1] {
                return None;
            }
        }
        new_s[nj - 1] = old_s[oj - 1];
        for nk in (ni + 1..nj).rev() {
            new_s[nk - 1] = new_s[nk] * new_d[nk] as isize;
        }
        ni = nj;
        oi = oj;
    }
    // Trailing ones in the new shape.
    let last = if ni > 0 { new_s[ni - 1] } else { 1 };
    for s in new_s.iter_mut().skip(ni) {
        *s = last;
    }
    if order == Order::F {
        new_s.reverse();
    }
    Some(new_s.into_iter().collect())
}

/// Axis reorderings as pure functions of a layout (shape and strides, in any stride unit),
/// shared by typed and dynamic arrays so both give NumPy's results and messages.
pub(crate) mod axes {
    use super::*;

    /// Axes reversed (`.T`).
    pub(crate) fn reversed(shape: &[usize], strides: &[isize]) -> (Shape, Strides) {
        (shape.iter().rev().copied().collect(), strides.iter().rev().copied().collect())
    }

    /// `transpose(axes)`.
    pub(crate) fn permuted(shape: &[usize], strides: &[isize], axes: &[isize]) -> Result<(Shape, Strides)> {
        if axes.len() != shape.len() {
            return Err(Error::AxesMismatch);
        }
        let axes = dims::normalize_axes(axes, shape.len()).map_err(|e| match e {
            Error::RepeatedAxis => Error::TransposeRepeatedAxis,
            other => other,
        })?;
        Ok((axes.iter().map(|&a| shape[a]).collect(), axes.iter().map(|&a| strides[a]).collect()))
    }

    /// `swapaxes(a, b)`.
    pub(crate) fn swapped(shape: &[usize], strides: &[isize], a: isize, b: isize) -> Result<(Shape, Strides)> {
        let a = dims::normalize_axis_named(a, shape.len(), "axis1")?;
        let b = dims::normalize_axis_named(b, shape.len(), "axis2")?;
        let (mut sh, mut st): (Shape, Strides) = (shape.into(), strides.into());
        sh.swap(a, b);
        st.swap(a, b);
        Ok((sh, st))
    }

    /// The axis order of `moveaxis(source, destination)` on `ndim` axes.
    pub(crate) fn moved(ndim: usize, source: &[isize], destination: &[isize]) -> Result<Vec<usize>> {
        let named = |axes: &[isize], name: &'static str| -> Result<Vec<usize>> {
            let mut out = Vec::with_capacity(axes.len());
            for &a in axes {
                let a = dims::normalize_axis_named(a, ndim, name)?;
                if out.contains(&a) {
                    return Err(Error::RepeatedAxisIn { name });
                }
                out.push(a);
            }
            Ok(out)
        };
        let src = named(source, "source")?;
        let dst = named(destination, "destination")?;
        if src.len() != dst.len() {
            return Err(Error::MoveaxisLengths);
        }
        let mut order: Vec<usize> = (0..ndim).filter(|a| !src.contains(a)).collect();
        let mut pairs: Vec<(usize, usize)> = dst.iter().copied().zip(src.iter().copied()).collect();
        pairs.sort_unstable();
        for (d, s) in pairs {
            order.insert(d, s);
        }
        Ok(order)
    }

    /// `squeeze(axis)`.
    pub(crate) fn squeezed(shape: &[usize], strides: &[isize], axes: Option<&[isize]>) -> Result<(Shape, Strides)> {
        let nd = shape.len();
        let drop: Vec<usize> = match axes {
            None => (0..nd).filter(|&a| shape[a] == 1).collect(),
            Some(ax) => {
                let ax = dims::normalize_axes(ax, nd)?;
                if ax.iter().any(|&a| shape[a] != 1) {
                    return Err(Error::SqueezeNotOne);
                }
                ax
            }
        };
        Ok((0..nd).filter(|a| !drop.contains(a)).map(|a| (shape[a], strides[a])).unzip())
    }

    /// `expand_dims(axis)`.
    pub(crate) fn expanded(shape: &[usize], strides: &[isize], axes: &[isize]) -> Result<(Shape, Strides)> {
        let nd = shape.len() + axes.len();
        let axes = dims::normalize_axes(axes, nd)?;
        let (mut sh, mut st): (Shape, Strides) = (SmallVec::new(), SmallVec::new());
        let mut src = 0;
        for a in 0..nd {
            if axes.contains(&a) {
                sh.push(1);
                st.push(0);
            } else {
                sh.push(shape[src]);
                st.push(strides[src]);
                src += 1;
            }
        }
        Ok((sh, st))
    }
}

/// `numpy.broadcast_arrays`: read-only views of every input broadcast to a common shape.
///
/// # Errors
/// [`Error::Broadcast`] when the shapes are incompatible.
pub fn broadcast_arrays<'a, T: Element>(arrays: &[ArrayView<'a, T>]) -> Result<Vec<ArrayView<'a, T>>> {
    let shapes: Vec<&[usize]> = arrays.iter().map(|a| a.shape()).collect();
    let shape = dims::broadcast_shapes(&shapes)?;
    Ok(arrays
        .iter()
        .map(|a| {
            let strides = dims::broadcast_strides(&a.shape, &a.strides, &shape).expect("checked by broadcast_shapes");
            // SAFETY: a broadcast view of a valid view, same lifetime.
            unsafe { ArrayView::from_layout(a.layout.at_offset(0, shape.clone(), strides)) }
        })
        .collect())
}
