//! The lanes of a reduction over `axis` (None, one axis or several), gathered as NumPy's
//! `_ureduce` forms them: the kept axes first, the reduced axes merged in their order.

use nprs_core::dims::normalize_axes;
use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Result};

/// The reduced lanes of an array, copied into one buffer (lane after lane).
pub(crate) struct Lanes<T: nprs_core::Element> {
    /// The lanes, each `len` elements, in C order of the kept axes (an array's buffer:
    /// nprs-core's allocator spares a large copy the page faults of fresh memory).
    pub data: Array<T>,
    /// The length of every lane.
    pub len: usize,
    /// The number of lanes (the product of `shape`).
    pub count: usize,
    /// The result's shape without `keepdims`: the kept axes.
    pub shape: Vec<usize>,
    /// The result's shape with `keepdims`: reduced axes of length one.
    pub keep_shape: Vec<usize>,
}

impl<T: nprs_core::Element> Lanes<T> {
    /// The lanes' elements, lane after lane.
    pub(crate) fn values(&self) -> &[T] {
        self.data.as_slice().unwrap_or_default()
    }

    /// As [`values`](Self::values), writable.
    pub(crate) fn values_mut(&mut self) -> &mut [T] {
        self.data.as_slice_mut().unwrap_or_default()
    }

    /// The output shape for `keepdims`, with `lead` (the quantiles' shape) in front.
    pub(crate) fn out_shape(&self, lead: &[usize], keepdims: bool) -> Vec<usize> {
        let mut s = lead.to_vec();
        s.extend_from_slice(if keepdims { &self.keep_shape } else { &self.shape });
        s
    }
}

/// Normalises `axis` against `ndim` (NumPy's `normalize_axis_tuple`): the reduced axes,
/// sorted, and the kept axes.
pub(crate) fn split_axes(axis: Option<&[isize]>, ndim: usize) -> Result<(Vec<usize>, Vec<usize>)> {
    let mut reduced = match axis {
        None => (0..ndim).collect(),
        Some(ax) => normalize_axes(ax, ndim)?,
    };
    reduced.sort_unstable();
    let kept = (0..ndim).filter(|i| !reduced.contains(i)).collect();
    Ok((reduced, kept))
}

/// Gathers the lanes of `a` along `axis`.
///
/// # Errors
/// NumPy's `AxisError` and "repeated axis".
pub(crate) fn gather<S: Data>(a: &ArrayBase<S>, axis: Option<&[isize]>) -> Result<Lanes<S::Elem>> {
    let (reduced, kept) = split_axes(axis, a.ndim())?;
    let shape: Vec<usize> = kept.iter().map(|&i| a.shape()[i]).collect();
    let keep_shape: Vec<usize> = (0..a.ndim()).map(|i| if reduced.contains(&i) { 1 } else { a.shape()[i] }).collect();
    let len: usize = reduced.iter().map(|&i| a.shape()[i]).product();
    let count: usize = shape.iter().product();
    let perm: Vec<isize> = kept.iter().chain(&reduced).map(|&i| i as isize).collect();
    let data = if perm.iter().enumerate().all(|(i, &p)| i as isize == p) {
        a.to_owned_order(nprs_core::Order::C)
    } else {
        a.permute_dims(&perm)?.to_owned_order(nprs_core::Order::C)
    };
    Ok(Lanes { data, len, count, shape, keep_shape })
}
