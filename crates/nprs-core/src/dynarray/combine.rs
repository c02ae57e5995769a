//! Joining dynamic arrays: `concatenate` and `stack`, for any dtype. The inputs are
//! promoted to one dtype, each is cast once when needed, and blocks are copied byte-wise.
#![allow(unsafe_code)] // block copies into the fresh result; each block says why it holds

use smallvec::SmallVec;

use super::copy::copy_bytes;
use super::{DynArray, DynCow, DynView};
use crate::dims;
use crate::dtype::Descr;
use crate::error::{Error, Result};
use crate::promote::promote_types;

fn common_dtype(arrays: &[DynView<'_>]) -> Result<Descr> {
    let mut d = arrays[0].dtype().to_native();
    for a in &arrays[1..] {
        d = promote_types(&d, a.dtype())?;
    }
    Ok(d)
}

fn in_dtype<'a>(a: &'a DynView<'_>, d: &Descr) -> Result<DynCow<'a>> {
    if a.dtype() == d { Ok(a.reborrow().into()) } else { Ok(a.astype(d)?.into()) }
}

/// `numpy.concatenate(arrays, axis)` for dynamic arrays of any dtypes (promoted together).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{DynArray, dynarray::concatenate};
/// let a = DynArray::from(array![1i32, 2]);
/// let b = DynArray::from(array![0.5f64]);
/// let c = concatenate(&[a.view(), b.view()], 0).unwrap();
/// assert_eq!(c.typed::<f64>().unwrap().to_vec(), vec![1.0, 2.0, 0.5]);
/// let s = concatenate(&[DynArray::from_strs(&["a"]).view(), DynArray::from_strs(&["bcd"]).view()], 0).unwrap();
/// assert_eq!(s.dtype().str(), "<U3");
/// ```
///
/// # Errors
/// No arrays, 0-d arrays, differing numbers of dimensions or lengths off the axis (NumPy's
/// messages), dtypes without a common dtype.
pub fn concatenate(arrays: &[DynView<'_>], axis: isize) -> Result<DynArray> {
    if arrays.is_empty() {
        return Err(Error::NoArrays { op: "concatenate" });
    }
    let nd = arrays[0].ndim();
    if nd == 0 {
        return Err(Error::ConcatenateZeroDim);
    }
    let ax = dims::normalize_axis(axis, nd)?;
    for (i, a) in arrays.iter().enumerate().skip(1) {
        if a.ndim() != nd {
            return Err(Error::ConcatenateNdim { first: nd, index: i, ndim: a.ndim() });
        }
        for d in 0..nd {
            if d != ax && a.shape()[d] != arrays[0].shape()[d] {
                return Err(Error::ConcatenateShape {
                    dim: d,
                    first: arrays[0].shape()[d],
                    index: i,
                    size: a.shape()[d],
                });
            }
        }
    }
    let d = common_dtype(arrays)?;
    let mut shape: SmallVec<[usize; 6]> = SmallVec::from_slice(arrays[0].shape());
    shape[ax] = arrays.iter().map(|a| a.shape()[ax]).sum();
    let out = DynArray::zeros(&shape, &d)?;
    let item = d.itemsize();
    let mut offset = 0isize;
    for a in arrays {
        let a = in_dtype(a, &d)?;
        // SAFETY: the block `[offset, offset + len)` along `ax` lies inside the fresh result,
        // which no input overlaps.
        unsafe {
            copy_bytes(
                out.ptr.as_ptr().offset(offset * out.strides[ax]),
                &out.strides,
                a.ptr.as_ptr(),
                &a.strides,
                &a.shape,
                item,
            );
        }
        offset += a.shape()[ax] as isize;
    }
    Ok(out)
}

/// `numpy.stack(arrays, axis)` for dynamic arrays: joins along a new axis.
///
/// # Errors
/// No arrays, differing shapes ("all input arrays must have the same shape"), an axis out
/// of bounds, dtypes without a common dtype.
pub fn stack(arrays: &[DynView<'_>], axis: isize) -> Result<DynArray> {
    if arrays.is_empty() {
        return Err(Error::NoArrays { op: "stack" });
    }
    let shape0 = arrays[0].shape();
    if arrays.iter().any(|a| a.shape() != shape0) {
        return Err(Error::StackShapes);
    }
    let ax = dims::normalize_axis(axis, shape0.len() + 1)?;
    let expanded: Vec<DynView<'_>> = arrays.iter().map(|a| a.expand_dims(&[ax as isize])).collect::<Result<_>>()?;
    concatenate(&expanded, ax as isize)
}
