//! Views that select, reorder, add or drop axes: slicing, `at`, transposes, `moveaxis`,
//! `swapaxes`, `squeeze`, `expand_dims`, `broadcast_to`, `diagonal`, `flip` — once, for
//! typed and dynamic arrays.

use smallvec::SmallVec;

use super::{Layout, LayoutKind};
use crate::dims::{self, Shape, Strides};
use crate::error::{Error, Result};
use crate::manip::AxisArg;
use crate::shape::axes;
use crate::slice::{SliceArg, slice_layout};

const REVERSED: SliceArg = SliceArg::Slice { start: None, stop: None, step: -1 };

impl<K: LayoutKind> Layout<K> {
    /// The layout of a basic slice of this one.
    pub(crate) fn sliced(&self, args: &[SliceArg]) -> Result<Layout<K>> {
        let (off, shape, strides) = slice_layout(&self.shape, &self.strides, args)?;
        Ok(self.at_offset(off, shape, strides))
    }

    /// This layout with new shape and strides from the same first element.
    fn relaid(&self, (shape, strides): (Shape, Strides)) -> K::View<'_> {
        self.view_of(self.at_offset(0, shape, strides))
    }

    /// A view of a basic slice (`a[1:3, ::2]`), never a copy.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::DynArray;
    /// let a = Array::<i64>::arange(10);
    /// assert_eq!(a.slice(s![1..8;3]).to_vec(), vec![1, 4, 7]);
    /// let d = DynArray::from(a);
    /// assert_eq!(d.slice(s![..;-4]).to_typed::<i64>().unwrap().to_vec(), vec![9, 5, 1]);
    /// ```
    ///
    /// # Panics
    /// On an index out of bounds or too many indices, with NumPy's message; see
    /// [`try_slice`](Self::try_slice).
    #[track_caller]
    #[must_use]
    pub fn slice(&self, args: &[SliceArg]) -> K::View<'_> {
        crate::error::or_panic(self.try_slice(args))
    }

    /// A view of a basic slice.
    ///
    /// # Errors
    /// [`Error::IndexOutOfBounds`], [`Error::TooManyIndices`], a zero step, more than one
    /// ellipsis (NumPy's messages).
    pub fn try_slice(&self, args: &[SliceArg]) -> Result<K::View<'_>> {
        Ok(self.view_of(self.sliced(args)?))
    }

    /// The sub-array at `index` along the first axes (`a[i]`, `a[i, j]`): a view of
    /// `ndim - index.len()` dimensions.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2, 3], [4, 5, 6]];
    /// assert_eq!(a.at(&[-1]).unwrap().to_vec(), vec![4, 5, 6]);
    /// ```
    ///
    /// # Errors
    /// Index out of bounds or too many indices.
    pub fn at(&self, index: &[isize]) -> Result<K::View<'_>> {
        self.try_slice(&index_args(index))
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
    pub fn t(&self) -> K::View<'_> {
        self.relaid(axes::reversed(&self.shape, &self.strides))
    }

    /// The transpose: axes reversed (`arr.transpose()`).
    #[must_use]
    pub fn transpose(&self) -> K::View<'_> {
        self.t()
    }

    /// Axes permuted: axis `i` of the result is axis `axes[i]` of `self`
    /// (`numpy.permute_dims`, `arr.transpose(axes)`).
    ///
    /// # Errors
    /// [`Error::AxesMismatch`], [`Error::AxisOutOfBounds`], a repeated axis.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[2, 3, 4]).unwrap();
    /// assert_eq!(a.permute_dims(&[2, 0, 1]).unwrap().shape(), &[4, 2, 3]);
    /// ```
    pub fn permute_dims(&self, axes: &[isize]) -> Result<K::View<'_>> {
        Ok(self.relaid(axes::permuted(&self.shape, &self.strides, axes)?))
    }

    /// Two axes interchanged (`numpy.swapaxes`).
    ///
    /// # Errors
    /// [`Error::NamedAxisOutOfBounds`].
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[2, 3, 4]).unwrap();
    /// assert_eq!(a.swapaxes(0, -1).unwrap().shape(), &[4, 3, 2]);
    /// ```
    pub fn swapaxes(&self, a: isize, b: isize) -> Result<K::View<'_>> {
        Ok(self.relaid(axes::swapped(&self.shape, &self.strides, a, b)?))
    }

    /// Axes moved to new positions, the others keeping their order (`numpy.moveaxis`).
    ///
    /// # Errors
    /// [`Error::NamedAxisOutOfBounds`], a repeated axis, or differing lengths of `source`
    /// and `destination` (NumPy's messages).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<f64>::zeros(&[3, 4, 5]).unwrap();
    /// assert_eq!(a.moveaxis(&[0], &[-1]).unwrap().shape(), &[4, 5, 3]);
    /// ```
    pub fn moveaxis(&self, source: &[isize], destination: &[isize]) -> Result<K::View<'_>> {
        let order = axes::moved(self.ndim(), source, destination)?;
        Ok(self
            .relaid((order.iter().map(|&a| self.shape[a]).collect(), order.iter().map(|&a| self.strides[a]).collect())))
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
    pub fn squeeze(&self, axes: Option<&[isize]>) -> Result<K::View<'_>> {
        Ok(self.relaid(axes::squeezed(&self.shape, &self.strides, axes)?))
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
    pub fn expand_dims(&self, axes: &[isize]) -> Result<K::View<'_>> {
        Ok(self.relaid(axes::expanded(&self.shape, &self.strides, axes)?))
    }

    /// A read-only view broadcast to `shape` (zero strides), as `numpy.broadcast_to`.
    ///
    /// # Errors
    /// [`Error::BroadcastTo`] when the shapes are incompatible; NumPy's "iterator is too
    /// large" and [`Error::TooBig`] for shapes whose size or byte count overflows `isize`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let row = array![1, 2, 3];
    /// let b = row.broadcast_to(&[2, 3]).unwrap();
    /// assert_eq!(b.strides(), &[0, 4]); // np.broadcast_to(np.arange(3, dtype=np.int32), (2, 3)).strides
    /// assert_eq!(b.to_vec(), vec![1, 2, 3, 1, 2, 3]);
    /// ```
    pub fn broadcast_to(&self, shape: &[usize]) -> Result<K::View<'_>> {
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
        dims::check_view_shape(shape, self.itemsize())?;
        Ok(self.relaid((SmallVec::from_slice(shape), strides)))
    }

    /// The diagonal with `offset` over axes `axis1`, `axis2`, as a view
    /// (`numpy.diagonal`; the diagonal becomes the last axis).
    ///
    /// # Errors
    /// [`Error::NamedAxisOutOfBounds`], equal axes, or arrays of fewer than two dimensions;
    /// an offset outside C `int`'s range ([`Error::CIntRange`], as NumPy).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<i64>::arange(9).into_shape(&[3, 3]).unwrap();
    /// assert_eq!(a.diagonal(1, 0, 1).unwrap().to_vec(), vec![1, 5]);
    /// ```
    pub fn diagonal(&self, offset: isize, axis1: isize, axis2: isize) -> Result<K::View<'_>> {
        // NumPy reads the offset as a C `int`.
        if offset > i32::MAX as isize {
            return Err(Error::CIntRange { above: true });
        }
        if offset < i32::MIN as isize {
            return Err(Error::CIntRange { above: false });
        }
        if self.ndim() < 2 {
            return Err(Error::DiagonalNdim);
        }
        let a1 = dims::normalize_axis_named(axis1, self.ndim(), "axis1")?;
        let a2 = dims::normalize_axis_named(axis2, self.ndim(), "axis2")?;
        if a1 == a2 {
            return Err(Error::DiagonalSameAxes);
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
        let (mut shape, mut strides): (Shape, Strides) =
            (0..self.ndim()).filter(|&a| a != a1 && a != a2).map(|a| (self.shape[a], self.strides[a])).unzip();
        shape.push(len);
        strides.push(self.strides[a1].checked_add(self.strides[a2]).ok_or(Error::TooBig)?);
        Ok(self.view_of(self.at_offset(off, shape, strides)))
    }

    /// A view with the order of elements reversed along `axis` (`numpy.flip`: `None` for
    /// every axis, one axis, or a list of axes).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = array![[1, 2], [3, 4]];
    /// assert_eq!(a.flip(None).unwrap(), array![[4, 3], [2, 1]]);
    /// assert_eq!(a.flip(1).unwrap(), array![[2, 1], [4, 3]]);
    /// ```
    ///
    /// # Errors
    /// An axis out of bounds, or a repeated axis.
    pub fn flip(&self, axis: impl Into<AxisArg>) -> Result<K::View<'_>> {
        let axes: Vec<usize> = match axis.into() {
            AxisArg::None => (0..self.ndim()).collect(),
            AxisArg::One(a) => vec![dims::normalize_axis(a, self.ndim())?],
            AxisArg::Many(v) => dims::normalize_axes(&v, self.ndim())?,
        };
        let mut args: SmallVec<[SliceArg; 6]> = SmallVec::from_elem(SliceArg::FULL, self.ndim());
        for a in axes {
            args[a] = REVERSED;
        }
        self.try_slice(&args)
    }
}

/// Slice arguments that index the first axes (`a[i, j]`).
pub(crate) fn index_args(index: &[isize]) -> SmallVec<[SliceArg; 6]> {
    index.iter().map(|&i| SliceArg::Index(i)).collect()
}
