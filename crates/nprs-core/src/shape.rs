//! Views that change shape or axis order: broadcast_to, reshape, transpose, swapaxes,
//! moveaxis, squeeze, expand_dims, ravel, diagonal.
#![allow(unsafe_code)] // views from pointer + strides; each block says why it holds

use std::ptr::NonNull;

use smallvec::SmallVec;

use crate::array::{Array, ArrayBase, ArrayView, CowArray};
use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::manip::IntoShape;
use crate::storage::Data;

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
            Error::RepeatedAxis => Error::Value("repeated axis in transpose".into()),
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

    /// `squeeze(axis)`.
    pub(crate) fn squeezed(shape: &[usize], strides: &[isize], axes: Option<&[isize]>) -> Result<(Shape, Strides)> {
        let nd = shape.len();
        let drop: Vec<usize> = match axes {
            None => (0..nd).filter(|&a| shape[a] == 1).collect(),
            Some(ax) => {
                let ax = dims::normalize_axes(ax, nd)?;
                if ax.iter().any(|&a| shape[a] != 1) {
                    return Err(Error::Value(
                        "cannot select an axis to squeeze out which has size not equal to one".into(),
                    ));
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

impl<S: Data> ArrayBase<S> {
    fn view_with(&self, offset: isize, shape: Shape, strides: Strides) -> ArrayView<'_, S::Elem> {
        // SAFETY: callers pass layouts that address only elements of `self`.
        unsafe { ArrayView::from_raw_parts(NonNull::new_unchecked(self.ptr.as_ptr().offset(offset)), shape, strides) }
    }

    /// A read-only view of the array broadcast to `shape` (zero strides), as
    /// `numpy.broadcast_to`.
    ///
    /// # Errors
    /// [`Error::BroadcastTo`] when the shapes are incompatible; NumPy's "iterator is too
    /// large" and [`Error::TooBig`] for shapes whose size or byte count overflows `isize`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let row = array![1, 2, 3];
    /// let b = row.broadcast_to(&[2, 3]).unwrap();
    /// assert_eq!(b.strides(), vec![0, 4]); // np.broadcast_to(np.arange(3, dtype=np.int32), (2, 3)).strides
    /// assert_eq!(b.to_vec(), vec![1, 2, 3, 1, 2, 3]);
    /// ```
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<ArrayView<'_, S::Elem>> {
        if self.shape.as_slice() == shape {
            return Ok(self.view());
        }
        let strides = dims::broadcast_strides(&self.shape, &self.strides, shape).ok_or_else(|| {
            if shape.is_empty() {
                Error::BroadcastToScalar
            } else {
                Error::BroadcastTo { from: self.shape.to_vec(), to: shape.to_vec() }
            }
        })?;
        dims::check_view_shape(shape, size_of::<S::Elem>())?;
        Ok(self.view_with(0, SmallVec::from_slice(shape), strides))
    }

    /// The transpose: axes reversed (`arr.T`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.t().shape(), &[3, 2]);
    /// assert!(a.t().is_f_contiguous()); // a view: no copy
    /// ```
    #[must_use]
    pub fn t(&self) -> ArrayView<'_, S::Elem> {
        let (shape, strides) = axes::reversed(&self.shape, &self.strides);
        self.view_with(0, shape, strides)
    }

    /// The transpose: axes reversed (`arr.transpose()`).
    #[must_use]
    pub fn transpose(&self) -> ArrayView<'_, S::Elem> {
        self.t()
    }

    /// Axes permuted: axis `i` of the result is axis `axes[i]` of `self`
    /// (`numpy.permute_dims`, `arr.transpose(axes)`).
    ///
    /// # Errors
    /// [`Error::AxesMismatch`], [`Error::AxisOutOfBounds`], [`Error::RepeatedAxis`].
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[2, 3, 4]).unwrap();
    /// assert_eq!(a.permute_dims(&[2, 0, 1]).unwrap().shape(), &[4, 2, 3]);
    /// ```
    pub fn permute_dims(&self, axes: &[isize]) -> Result<ArrayView<'_, S::Elem>> {
        let (shape, strides) = axes::permuted(&self.shape, &self.strides, axes)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// Two axes interchanged (`numpy.swapaxes`).
    ///
    /// # Errors
    /// [`Error::AxisOutOfBounds`].
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[2, 3, 4]).unwrap();
    /// assert_eq!(a.swapaxes(0, -1).unwrap().shape(), &[4, 3, 2]);
    /// ```
    pub fn swapaxes(&self, a: isize, b: isize) -> Result<ArrayView<'_, S::Elem>> {
        let (shape, strides) = axes::swapped(&self.shape, &self.strides, a, b)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// Axes moved to new positions, the others keeping their order (`numpy.moveaxis`).
    ///
    /// # Errors
    /// [`Error::AxisOutOfBounds`], [`Error::RepeatedAxis`], or differing lengths of
    /// `source` and `destination`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[3, 4, 5]).unwrap();
    /// assert_eq!(a.moveaxis(&[0], &[-1]).unwrap().shape(), &[4, 5, 3]);
    /// ```
    pub fn moveaxis(&self, source: &[isize], destination: &[isize]) -> Result<ArrayView<'_, S::Elem>> {
        let nd = self.ndim();
        let named = |axes: &[isize], name: &'static str, what: &str| -> Result<Vec<usize>> {
            let mut out = Vec::with_capacity(axes.len());
            for &a in axes {
                let a = dims::normalize_axis_named(a, nd, name)?;
                if out.contains(&a) {
                    return Err(Error::Value(format!("repeated axis in `{what}` argument")));
                }
                out.push(a);
            }
            Ok(out)
        };
        let src = named(source, "source", "source")?;
        let dst = named(destination, "destination", "destination")?;
        if src.len() != dst.len() {
            return Err(Error::Value(
                "`source` and `destination` arguments must have the same number of elements".into(),
            ));
        }
        let mut order: Vec<usize> = (0..nd).filter(|a| !src.contains(a)).collect();
        let mut pairs: Vec<(usize, usize)> = dst.iter().copied().zip(src.iter().copied()).collect();
        pairs.sort_unstable();
        for (d, s) in pairs {
            order.insert(d, s);
        }
        let axes: Vec<isize> = order.iter().map(|&a| a as isize).collect();
        self.permute_dims(&axes)
    }

    /// Axes of length one removed; with `axes`, only those (each must have length one).
    ///
    /// # Errors
    /// [`Error::AxisOutOfBounds`], or a named axis whose length is not one.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[1, 3, 1]).unwrap();
    /// assert_eq!(a.squeeze(None).unwrap().shape(), &[3]);
    /// assert_eq!(a.squeeze(Some(&[0])).unwrap().shape(), &[3, 1]);
    /// ```
    pub fn squeeze(&self, axes: Option<&[isize]>) -> Result<ArrayView<'_, S::Elem>> {
        let (shape, strides) = axes::squeezed(&self.shape, &self.strides, axes)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// New axes of length one inserted at `axes` of the result (`numpy.expand_dims`).
    ///
    /// # Errors
    /// [`Error::AxisOutOfBounds`] (against the result's dimensions), [`Error::RepeatedAxis`].
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![1.0, 2.0];
    /// assert_eq!(a.expand_dims(&[0, -1]).unwrap().shape(), &[1, 2, 1]);
    /// ```
    pub fn expand_dims(&self, axes: &[isize]) -> Result<ArrayView<'_, S::Elem>> {
        let (shape, strides) = axes::expanded(&self.shape, &self.strides, axes)?;
        Ok(self.view_with(0, shape, strides))
    }

    /// A view with a new shape when the layout allows, else a copy, as `arr.reshape`.
    /// One entry may be `-1`.
    ///
    /// # Errors
    /// [`Error::Reshape`], [`Error::ReshapeUnknown`], [`Error::NegativeDimensions`];
    /// [`Error::TooBig`] for a shape whose non-zero lengths overflow `isize` bytes, even
    /// with no elements.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<i64>::arange(12);
    /// let b = a.reshape(&[3, -1]).unwrap();
    /// assert_eq!(b.shape(), &[3, 4]);
    /// assert!(b.is_view()); // contiguous input: a view, as in NumPy
    /// let bt = b.t();
    /// let c = bt.reshape(&[-1]).unwrap();
    /// assert!(!c.is_view()); // a transposed input needs a copy
    /// assert_eq!(a.reshape(&[5, 3]).unwrap_err().to_string(), "cannot reshape array of size 12 into shape (5,3)");
    /// ```
    pub fn reshape(&self, shape: impl IntoShape) -> Result<CowArray<'_, S::Elem>> {
        self.reshape_order(shape, Order::C)
    }

    /// As [`reshape`](Self::reshape), reading and writing elements in `order`.
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape).
    pub fn reshape_order(&self, shape: impl IntoShape, order: Order) -> Result<CowArray<'_, S::Elem>> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), size_of::<S::Elem>())?;
        if let Some(st) = reshape_strides(&self.shape, &self.strides, &new_shape, order) {
            return Ok(self.view_with(0, new_shape, st).into());
        }
        let copy = self.to_owned_order(order);
        let st = dims::contiguous_strides(&new_shape, order);
        Ok(Array::from_owned_parts(copy, new_shape, st).into())
    }

    /// A view with a new shape, failing instead of copying when the layout does not
    /// allow a view (like assigning to `arr.shape` in NumPy).
    ///
    /// # Errors
    /// As [`reshape`](Self::reshape), or when a copy would be needed.
    pub fn reshape_view(&self, shape: impl IntoShape) -> Result<ArrayView<'_, S::Elem>> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), size_of::<S::Elem>())?;
        let st = reshape_strides(&self.shape, &self.strides, &new_shape, Order::C).ok_or_else(|| {
            Error::Value(
                "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape."
                    .into(),
            )
        })?;
        Ok(self.view_with(0, new_shape, st))
    }

    /// The elements as 1-d: a view when possible, else a copy (`numpy.ravel`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.t().ravel().to_vec(), vec![1, 3, 2, 4]);
    /// ```
    #[must_use]
    pub fn ravel(&self) -> CowArray<'_, S::Elem> {
        self.reshape(&[-1]).expect("ravel keeps the size")
    }

    /// The elements as 1-d in `order`: a view when possible, else a copy.
    #[must_use]
    pub fn ravel_order(&self, order: Order) -> CowArray<'_, S::Elem> {
        self.reshape_order(&[-1], order).expect("ravel keeps the size")
    }

    /// A 1-d copy (`arr.flatten()`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.flatten_order(Order::F).to_vec(), vec![1, 3, 2, 4]);
    /// ```
    #[must_use]
    pub fn flatten(&self) -> Array<S::Elem> {
        self.flatten_order(Order::C)
    }

    /// A 1-d copy in `order` (`arr.flatten(order)`).
    #[must_use]
    pub fn flatten_order(&self, order: Order) -> Array<S::Elem> {
        let n = self.size();
        let copy = self.to_owned_order(order);
        Array::from_owned_parts(copy, SmallVec::from_slice(&[n]), SmallVec::from_slice(&[1]))
    }

    /// The diagonal with `offset` over axes `axis1`, `axis2`, as a view
    /// (`numpy.diagonal`; the diagonal becomes the last axis).
    ///
    /// # Errors
    /// [`Error::AxisOutOfBounds`], equal axes, or arrays of fewer than two dimensions; an
    /// offset outside C `int`'s range ([`Error::Overflow`], as NumPy).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<i64>::arange(9).into_shape(&[3, 3]).unwrap();
    /// assert_eq!(a.diagonal(1, 0, 1).unwrap().to_vec(), vec![1, 5]);
    /// ```
    pub fn diagonal(&self, offset: isize, axis1: isize, axis2: isize) -> Result<ArrayView<'_, S::Elem>> {
        // NumPy reads the offset as a C `int`.
        if offset > i32::MAX as isize {
            return Err(Error::Overflow("signed integer is greater than maximum".into()));
        }
        if offset < i32::MIN as isize {
            return Err(Error::Overflow("signed integer is less than minimum".into()));
        }
        if self.ndim() < 2 {
            return Err(Error::Value("diag requires an array of at least two dimensions".into()));
        }
        let a1 = dims::normalize_axis_named(axis1, self.ndim(), "axis1")?;
        let a2 = dims::normalize_axis_named(axis2, self.ndim(), "axis2")?;
        if a1 == a2 {
            return Err(Error::Value("axis1 and axis2 cannot be the same".into()));
        }
        // Axis lengths are at most `isize::MAX`, so neither difference below overflows,
        // whatever the offset (`isize::MIN` included).
        let (n1, n2) = (self.shape[a1].cast_signed(), self.shape[a2].cast_signed());
        let len = if offset >= 0 { n1.min(n2 - offset) } else { (n1 + offset).min(n2) }.max(0).unsigned_abs();
        let off = if len > 0 {
            // The first element is inside both axes: `|offset| < n`, and the products fit.
            let (start1, start2) = if offset >= 0 { (0, offset) } else { (-offset, 0) };
            let at = |i: isize, stride: isize| i.checked_mul(stride).ok_or(Error::TooBig);
            at(start1, self.strides[a1])?.checked_add(at(start2, self.strides[a2])?).ok_or(Error::TooBig)?
        } else {
            0
        };
        let mut shape: Shape = SmallVec::new();
        let mut strides: Strides = SmallVec::new();
        for a in 0..self.ndim() {
            if a != a1 && a != a2 {
                shape.push(self.shape[a]);
                strides.push(self.strides[a]);
            }
        }
        shape.push(len);
        strides.push(self.strides[a1].checked_add(self.strides[a2]).ok_or(Error::TooBig)?);
        Ok(self.view_with(off, shape, strides))
    }
}

impl<T: Element> Array<T> {
    /// Gives an owned array a new layout over the same buffer (shape and strides must fit).
    pub(crate) fn from_owned_parts(a: Array<T>, shape: Shape, strides: Strides) -> Array<T> {
        let ArrayBase { data, ptr, .. } = a;
        ArrayBase { data, ptr, shape, strides }
    }

    /// Reshapes an owned array in place when possible, else copies (`arr.reshape` on an
    /// array you no longer need).
    ///
    /// # Errors
    /// As [`ArrayBase::reshape`].
    pub fn into_shape(self, shape: impl IntoShape) -> Result<Array<T>> {
        let new_shape = resolve_reshape(self.size(), &shape.shape_vec(), size_of::<T>())?;
        if let Some(st) = reshape_strides(&self.shape, &self.strides, &new_shape, Order::C) {
            return Ok(Array::from_owned_parts(self, new_shape, st));
        }
        let copy = self.to_owned_order(Order::C);
        let st = dims::contiguous_strides(&new_shape, Order::C);
        Ok(Array::from_owned_parts(copy, new_shape, st))
    }
}

/// `numpy.broadcast_arrays`: read-only views of every input broadcast to a common shape.
///
/// # Errors
/// [`Error::Broadcast`] when the shapes are incompatible.
pub fn broadcast_arrays<'a, T: Element>(arrays: &[ArrayView<'a, T>]) -> Result<Vec<ArrayView<'a, T>>> {
    let shapes: Vec<&[usize]> = arrays.iter().map(ArrayBase::shape).collect();
    let shape = dims::broadcast_shapes(&shapes)?;
    Ok(arrays
        .iter()
        .map(|a| {
            let strides = dims::broadcast_strides(&a.shape, &a.strides, &shape).expect("checked by broadcast_shapes");
            // SAFETY: a broadcast view of a valid view, same lifetime.
            unsafe { ArrayView::from_raw_parts(a.ptr, shape.clone(), strides) }
        })
        .collect())
}
