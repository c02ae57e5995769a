//! `take_along_axis` and `put_along_axis`: index arrays matched to the array along every
//! axis but one (the results of `argsort`, `argmax(keepdims=True)` …).

use crate::array::{Array, ArrayBase};
use crate::dims;
use crate::error::{Error, Result};
use crate::storage::{Data, DataMut};

use super::take::{flat_assign, flat_gather};
use super::{IndexArg, IndexArray};

/// The advanced index NumPy builds: `indices` on `axis`, and on every other axis an
/// `arange` shaped to broadcast along that axis only.
fn along_index<'i>(shape: &[usize], indices: &'i IndexArray<'_>, axis: usize) -> Result<Vec<IndexArg<'i>>> {
    if indices.ndim() != shape.len() {
        return Err(Error::AlongNdim);
    }
    let nd = shape.len();
    let mut args = Vec::with_capacity(nd);
    for (d, &n) in shape.iter().enumerate() {
        if d == axis {
            args.push(IndexArg::Array(indices.reborrow()));
        } else {
            let fit: Vec<isize> = (0..nd).map(|k| if k == d { n as isize } else { 1 }).collect();
            let r = Array::<i64>::arange(n).into_shape(&fit)?;
            args.push(IndexArg::from(r));
        }
    }
    Ok(args)
}

fn flat_indices_check(indices: &IndexArray<'_>) -> Result<()> {
    if indices.ndim() != 1 {
        return Err(Error::AlongFlatNdim);
    }
    Ok(())
}

/// `numpy.take_along_axis`: `arr` indexed along `axis` by `indices`, which has as many
/// dimensions as `arr` and broadcasts against it on the other axes. With `axis` `None`,
/// `arr` is flattened and `indices` must be 1-d.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::take_along_axis;
/// let a = array![[10, 30, 20], [60, 40, 50]];
/// // the largest of each row (the indices as argmax(axis=1, keepdims=True) gives them)
/// let i = array![[1i64], [0]];
/// assert_eq!(take_along_axis(&a, &i, Some(1)).unwrap().to_vec(), vec![30, 60]);
/// ```
///
/// # Errors
/// [`Error::AxisOutOfBounds`]; mismatched dimensions; index arrays that do not broadcast
/// ([`Error::IndexBroadcast`]); [`Error::IndexOutOfBounds`].
pub fn take_along_axis<'i, S: Data>(
    arr: &ArrayBase<S>,
    indices: impl Into<IndexArray<'i>>,
    axis: Option<isize>,
) -> Result<Array<S::Elem>> {
    let indices = indices.into();
    match axis {
        None => {
            flat_indices_check(&indices)?;
            flat_gather(arr, &indices)
        }
        Some(ax) => {
            let ax = dims::normalize_axis(ax, arr.ndim())?;
            let args = along_index(arr.shape(), &indices, ax)?;
            arr.index(&args)
        }
    }
}

/// `numpy.put_along_axis`: writes `values` into `arr` at `indices` along `axis` (the
/// flattened array when `None`), `values` broadcast to the indexing result.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::put_along_axis;
/// let mut a = array![[10, 30, 20], [60, 40, 50]];
/// put_along_axis(&mut a, &array![[1i64], [0]], &Array::from_elem_0d(99), Some(1)).unwrap();
/// assert_eq!(a.to_vec(), vec![10, 99, 20, 99, 40, 50]);
/// ```
///
/// # Errors
/// As [`take_along_axis`]; values that do not broadcast to the selection.
pub fn put_along_axis<'i, S: DataMut, S2: Data<Elem = S::Elem>>(
    arr: &mut ArrayBase<S>,
    indices: impl Into<IndexArray<'i>>,
    values: &ArrayBase<S2>,
    axis: Option<isize>,
) -> Result<()> {
    let indices = indices.into();
    match axis {
        None => {
            flat_indices_check(&indices)?;
            flat_assign(arr, &indices, &values.view())
        }
        Some(ax) => {
            let ax = dims::normalize_axis(ax, arr.ndim())?;
            let args = along_index(arr.shape(), &indices, ax)?;
            arr.index_assign(&args, values)
        }
    }
}
