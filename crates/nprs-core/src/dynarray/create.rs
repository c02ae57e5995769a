//! Creation of dynamic arrays of any dtype (`full`, `ones`, `arange`) and integer-array
//! indexing (`take`), byte-wise so that strings and records work too.
#![allow(unsafe_code)] // element copies into fresh buffers; each block says why it holds

use super::dispatch::with_numeric;
use super::{DynArray, DynBase, DynData};
use crate::array::Array;
use crate::dims;
use crate::dtype::Descr;
use crate::error::{Error, Result};
use crate::scalar::Scalar;

impl DynArray {
    /// An array of `shape` and `descr` with every element `value` (`numpy.full`), converted
    /// as `arr[...] = value` converts.
    ///
    /// # Errors
    /// Absurd sizes and conversion errors (an integer out of the dtype's range …).
    pub fn full(shape: &[usize], descr: &Descr, value: impl Into<Scalar>) -> Result<Self> {
        let mut out = DynArray::zeros(shape, descr)?;
        out.fill(value)?;
        Ok(out)
    }

    /// An array of ones (`numpy.ones`): `1`, `True`, `'1'` for strings, every field 1 for
    /// records.
    ///
    /// # Errors
    /// Absurd sizes.
    pub fn ones(shape: &[usize], descr: &Descr) -> Result<Self> {
        DynArray::full(shape, descr, 1i64)
    }

    /// `numpy.arange(n, dtype=descr)`: `0, 1, …, n-1` in a numeric dtype.
    ///
    /// # Errors
    /// A dtype that is not numeric.
    pub fn arange(n: usize, descr: &Descr) -> Result<Self> {
        let t = descr.numeric().ok_or_else(|| Error::NotNumeric { op: "arange", dtype: descr.to_string() })?;
        let out = with_numeric!(t, T => DynArray::from(Array::<T>::arange(n)));
        if descr.is_native() { Ok(out) } else { out.astype(descr) }
    }
}

impl<S: DynData> DynBase<S> {
    /// Elements picked by integer indices along `axis`, or from the flattened array when
    /// `axis` is `None` (`numpy.take`): a copy, for any dtype. Negative indices count from
    /// the end.
    ///
    /// # Errors
    /// An index out of bounds (NumPy's `IndexError`), [`Error::EmptyTake`] for a non-empty
    /// take from an axis of length zero, an axis out of bounds.
    pub fn take(&self, indices: &[isize], axis: Option<isize>) -> Result<DynArray> {
        let Some(axis) = axis else {
            let flat = self.ravel();
            return flat.take(indices, Some(0));
        };
        let ax = dims::normalize_axis(axis, self.ndim())?;
        let n = self.shape[ax];
        if n == 0 && !indices.is_empty() {
            return Err(Error::EmptyTake);
        }
        // As NumPy (and the typed `take`): with no elements before the axis nothing is
        // read, and the indices are not checked.
        if self.shape[..ax].contains(&0) {
            let mut shape = self.shape.to_vec();
            shape[ax] = indices.len();
            return DynArray::zeros(&shape, &self.descr);
        }
        let idx: Vec<usize> = indices
            .iter()
            .map(|&i| {
                let k = if i < 0 { i + n as isize } else { i };
                if k < 0 || k >= n as isize {
                    Err(Error::IndexOutOfBounds { index: i, axis: ax, size: n })
                } else {
                    Ok(k as usize)
                }
            })
            .collect::<Result<_>>()?;
        let mut shape = self.shape.to_vec();
        shape[ax] = idx.len();
        let out = DynArray::zeros(&shape, &self.descr)?;
        let item = self.itemsize();
        let mut dst_strides = out.strides.clone();
        dst_strides.remove(ax);
        let mut src_strides = self.strides.clone();
        src_strides.remove(ax);
        let mut sub_shape = self.shape.clone();
        sub_shape.remove(ax);
        for (j, &i) in idx.iter().enumerate() {
            // SAFETY: row `i` of the source and row `j` of the fresh result are valid
            // sub-arrays of `sub_shape`, and do not overlap.
            unsafe {
                super::copy::copy_bytes(
                    out.ptr.as_ptr().offset(j as isize * out.strides[ax]),
                    &dst_strides,
                    self.ptr.as_ptr().offset(i as isize * self.strides[ax]),
                    &src_strides,
                    &sub_shape,
                    item,
                );
            }
        }
        Ok(out)
    }
}
