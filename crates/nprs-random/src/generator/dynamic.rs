//! `shuffle`, `permutation`, `permuted` and `choice` over dynamic arrays: any dtype,
//! strings and records included. The draws are the typed methods' draws; the elements
//! move as whole items through nprs-core's `take` and `assign`.

use nprs_core::dims::normalize_axis;
use nprs_core::dynarray::{DynData, DynDataMut};
use nprs_core::{DynArray, DynBase};

use super::Generator;
use super::args::Size;
use super::permute::Choice;
use crate::bitgen::BitGenerator;
use crate::dist::bounded::random_interval;
use crate::error::{ChoiceError, Error, Result};

/// `a.take(idx, axis)` with `idx` of shape `idx_shape` (the result's axis replaced by it).
pub(crate) fn take_dyn<S: DynData>(a: &DynBase<S>, idx: &[i64], idx_shape: &[usize], axis: usize) -> Result<DynArray> {
    let idx: Vec<isize> = idx.iter().map(|&i| i as isize).collect();
    let taken = a.take(&idx, Some(axis as isize))?;
    let mut shape: Vec<isize> = a.shape()[..axis].iter().map(|&d| d as isize).collect();
    shape.extend(idx_shape.iter().map(|&d| d as isize));
    shape.extend(a.shape()[axis + 1..].iter().map(|&d| d as isize));
    Ok(taken.into_shape(&shape)?)
}

fn unsized_error() -> Error {
    nprs_core::Error::Unsized.into()
}

impl<B: BitGenerator> Generator<B> {
    /// A Fisher–Yates permutation of `0..n` with the typed shuffle's draws.
    pub(crate) fn shuffled_indices(&mut self, n: usize) -> Vec<isize> {
        let mut perm: Vec<isize> = (0..n as isize).collect();
        self.shuffle_slice(&mut perm);
        perm
    }

    /// [`shuffle`](Self::shuffle) for a dynamic array or mutable view of any dtype
    /// (strings, records, …): whole sub-arrays along `axis` move.
    ///
    /// ```
    /// use nprs_core::DynArray;
    /// let mut x = DynArray::from_strs(&["a", "bb", "ccc", "dd", "e"]);
    /// nprs_random::default_rng(42).shuffle_dyn(&mut x, 0).unwrap();
    /// assert_eq!(x.shape(), &[5]);
    /// ```
    ///
    /// # Errors
    /// A 0-d array (NumPy's `TypeError`), an axis out of range.
    pub fn shuffle_dyn<S: DynData + DynDataMut>(&mut self, x: &mut DynBase<S>, axis: isize) -> Result<()> {
        if x.ndim() == 0 {
            return Err(unsized_error());
        }
        let ax = normalize_axis(axis, x.ndim())?;
        if x.size() == 0 {
            return Ok(());
        }
        let perm = self.shuffled_indices(x.shape()[ax]);
        let moved = x.take(&perm, Some(ax as isize))?;
        x.assign(&moved)?;
        Ok(())
    }

    /// [`permutation_of`](Self::permutation_of) for a dynamic array of any dtype: a copy
    /// shuffled along `axis`.
    ///
    /// # Errors
    /// An axis out of range (a 0-d array has none).
    pub fn permutation_dyn<S: DynData>(&mut self, x: &DynBase<S>, axis: isize) -> Result<DynArray> {
        let ax = normalize_axis(axis, x.ndim())?;
        let perm = self.shuffled_indices(x.shape()[ax]);
        Ok(x.take(&perm, Some(ax as isize))?)
    }

    /// [`permuted`](Self::permuted) for a dynamic array of any dtype: each 1-d slice along
    /// `axis` shuffled independently, or the whole array (in memory order, C or Fortran)
    /// when `axis` is `None`.
    ///
    /// # Errors
    /// A 0-d array without an axis (`TypeError`), an axis out of range.
    pub fn permuted_dyn<S: DynData>(&mut self, x: &DynBase<S>, axis: Option<isize>) -> Result<DynArray> {
        let shape: Vec<isize> = x.shape().iter().map(|&d| d as isize).collect();
        let Some(axis) = axis else {
            if x.ndim() == 0 {
                return Err(unsized_error());
            }
            // NumPy shuffles the memory of an order-keeping copy: Fortran order when the
            // array is Fortran-ordered and not C-ordered.
            if x.ndim() > 1 && super::permute::keeps_fortran_order(x.shape(), x.strides()) {
                let flat = x.t().ravel().into_owned();
                let perm = self.shuffled_indices(flat.size());
                let rev: Vec<isize> = shape.iter().rev().copied().collect();
                let t = flat.take(&perm, Some(0))?.into_shape(&rev)?;
                return Ok(t.t().to_owned());
            }
            let flat = x.ravel();
            let perm = self.shuffled_indices(flat.size());
            return Ok(flat.take(&perm, Some(0))?.into_shape(&shape)?);
        };
        let ax = normalize_axis(axis, x.ndim())?;
        let dims = x.shape();
        let outer: usize = dims[..ax].iter().product();
        let len = dims[ax];
        let inner: usize = dims[ax + 1..].iter().product();
        // Source flat index of every output element, each lane permuted as NumPy does.
        let mut src: Vec<isize> = (0..x.size() as isize).collect();
        let mut lane: Vec<isize> = Vec::with_capacity(len);
        for o in 0..outer {
            for i in 0..inner {
                lane.clear();
                lane.extend((0..len).map(|k| ((o * len + k) * inner + i) as isize));
                for k in (0..len).rev() {
                    let j = random_interval(&mut self.bg, k as u64) as usize;
                    lane.swap(k, j);
                }
                for (k, &v) in lane.iter().enumerate() {
                    src[(o * len + k) * inner + i] = v;
                }
            }
        }
        Ok(x.ravel().take(&src, Some(0))?.into_shape(&shape)?)
    }

    /// [`choice_from`](Self::choice_from) for a dynamic array of any dtype (strings,
    /// records, …): sub-arrays along the options' axis.
    ///
    /// # Errors
    /// As [`choice`](Self::choice), plus an out-of-range axis.
    pub fn choice_dyn<S: DynData>(
        &mut self,
        a: &DynBase<S>,
        size: impl Into<Size>,
        opts: &Choice<'_>,
    ) -> Result<DynArray> {
        let nd = a.ndim() as isize;
        let axis = opts.axis_value();
        if axis >= nd || axis < -nd {
            return Err(Error::AxisIndex);
        }
        let ax = normalize_axis(axis, a.ndim())?;
        let pop = a.shape()[ax] as i64;
        let (idx, shape) = self.choice_indices(pop, &size.into(), opts, ChoiceError::PopulationEmpty)?;
        take_dyn(a, &idx, &shape, ax)
    }
}
