//! `numpy.block`: assembling an array from nested lists of blocks.
#![allow(unsafe_code)] // the result is assembled in an uninitialised buffer; each block says why it holds

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::Shape;
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::storage::Data;

use super::canvas;
use super::join::{atleast_nd, concat_shape, order_of};

/// A nested list of arrays for [`block`]: NumPy's `[[a, b], [c, d]]`.
///
/// Build one from views or references to arrays, and from `Vec`s or fixed-size arrays of
/// anything that converts into a `Block`:
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::Block;
///
/// let a = array![1, 2];
/// let rows: Block<'_, i32> = [[&a, &a], [&a, &a]].into(); // two levels
/// let flat: Block<'_, i32> = vec![a.view(), a.view()].into(); // one level
/// let nested = Block::List(vec![Block::from(&a), Block::List(vec![])]); // by hand
/// # let _ = (rows, flat, nested);
/// ```
#[derive(Clone)]
pub enum Block<'a, T: Element> {
    /// An array (a leaf).
    Array(ArrayView<'a, T>),
    /// A list of blocks (one nesting level).
    List(Vec<Block<'a, T>>),
}

impl<'a, T: Element> From<ArrayView<'a, T>> for Block<'a, T> {
    fn from(v: ArrayView<'a, T>) -> Self {
        Block::Array(v)
    }
}

impl<'a, S: Data> From<&'a ArrayBase<S>> for Block<'a, S::Elem> {
    fn from(a: &'a ArrayBase<S>) -> Self {
        Block::Array(a.view())
    }
}

impl<'a, T: Element, X: Into<Block<'a, T>>> From<Vec<X>> for Block<'a, T> {
    fn from(v: Vec<X>) -> Self {
        Block::List(v.into_iter().map(Into::into).collect())
    }
}

impl<'a, T: Element, X: Into<Block<'a, T>>, const N: usize> From<[X; N]> for Block<'a, T> {
    fn from(v: [X; N]) -> Self {
        Block::List(v.into_iter().map(Into::into).collect())
    }
}

/// NumPy's depth check: the index path of the first leaf (or empty list), the largest
/// leaf dimension count, and the total number of elements.
fn check_depths<T: Element>(b: &Block<'_, T>, parent: &[Option<usize>]) -> Result<(Vec<Option<usize>>, usize, usize)> {
    match b {
        Block::Array(v) => Ok((parent.to_vec(), v.ndim(), v.size())),
        Block::List(items) if items.is_empty() => {
            let mut idx = parent.to_vec();
            idx.push(None);
            Ok((idx, 0, 0))
        }
        Block::List(items) => {
            let mut first: Option<(Vec<Option<usize>>, usize, usize)> = None;
            for (i, item) in items.iter().enumerate() {
                let mut path = parent.to_vec();
                path.push(Some(i));
                let (index, ndim, size) = check_depths(item, &path)?;
                let Some((first_index, max_ndim, total)) = first.as_mut() else {
                    first = Some((index, ndim, size));
                    continue;
                };
                *total += size;
                *max_ndim = (*max_ndim).max(ndim);
                if index.len() != first_index.len() {
                    return Err(Error::BlockDepths {
                        first: first_index.len(),
                        depth: index.len(),
                        path: index.iter().flatten().copied().collect(),
                    });
                }
                if index.last() == Some(&None) {
                    *first_index = index;
                }
            }
            Ok(first.expect("the list is not empty"))
        }
    }
}

/// The leaves of a block, each padded to the result's dimensions, with its place in the
/// result.
struct Layout<'v, T: Element> {
    shape: Shape,
    leaves: Vec<(Vec<usize>, ArrayView<'v, T>)>,
}

fn layout<'v, T: Element>(
    b: &'v Block<'_, T>,
    depth: usize,
    list_ndim: usize,
    result_ndim: usize,
    slicing_messages: bool,
) -> Result<Layout<'v, T>> {
    match b {
        Block::Array(v) => {
            let leaf = atleast_nd(v, result_ndim);
            Ok(Layout { shape: Shape::from_slice(leaf.shape()), leaves: vec![(vec![0; result_ndim], leaf)] })
        }
        Block::List(items) => {
            let parts: Vec<Layout<'v, T>> = items
                .iter()
                .map(|it| layout(it, depth + 1, list_ndim, result_ndim, slicing_messages))
                .collect::<Result<_>>()?;
            let axis = result_ndim - list_ndim + depth;
            let shapes: Vec<&[usize]> = parts.iter().map(|p| p.shape.as_slice()).collect();
            let shape = if slicing_messages {
                let first = shapes[0];
                let same = |s: &&[usize]| s[..axis] == first[..axis] && s[axis + 1..] == first[axis + 1..];
                if !shapes.iter().all(same) {
                    return Err(Error::BlockShapes { axis });
                }
                let mut out = Shape::from_slice(first);
                out[axis] = shapes.iter().map(|s| s[axis]).sum();
                out
            } else {
                concat_shape(&shapes, axis)?
            };
            let mut leaves = Vec::new();
            let mut off = 0;
            for p in parts {
                let len = p.shape[axis];
                for (mut start, leaf) in p.leaves {
                    start[axis] += off;
                    leaves.push((start, leaf));
                }
                off += len;
            }
            Ok(Layout { shape, leaves })
        }
    }
}

/// `numpy.block`: assembles an array from nested lists of blocks. The innermost lists are
/// joined along the last axis, the next level along the second-to-last, and so on; blocks
/// with fewer dimensions than the result get leading axes of length one.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::block;
///
/// let a = array![[1, 2], [3, 4]];
/// let b = array![[5], [6]];
/// let c = array![[7, 8, 9]];
/// let m = block([vec![&a, &b], vec![&c]]).unwrap();
/// assert_eq!(m, array![[1, 2, 5], [3, 4, 6], [7, 8, 9]]);
/// // One level: like hstack of 1-d arrays.
/// assert_eq!(block([array![1, 2].view(), array![3].view()]).unwrap(), array![1, 2, 3]);
/// ```
///
/// # Errors
/// Lists of mismatched depths, empty lists, and blocks whose shapes do not fit, with
/// NumPy's messages (for results of more than 2·512·512 elements times the nesting depth
/// NumPy reports shape mismatches as "Mismatched array shapes in block along axis …", and
/// so does this function).
pub fn block<'a, T: Element>(arrays: impl Into<Block<'a, T>>) -> Result<Array<T>> {
    let arrays = arrays.into();
    let (bottom, arr_ndim, final_size) = check_depths(&arrays, &[])?;
    let list_ndim = bottom.len();
    if bottom.last() == Some(&None) {
        return Err(Error::BlockEmptyList { path: bottom.iter().flatten().copied().collect() });
    }
    let result_ndim = arr_ndim.max(list_ndim);
    let slicing = list_ndim.saturating_mul(final_size) > 2 * 512 * 512;
    let lay = layout(&arrays, 0, list_ndim, result_ndim, slicing)?;
    let views: Vec<ArrayView<'_, T>> = lay.leaves.iter().map(|(_, v)| v.view()).collect();
    let order = order_of(&views);
    // SAFETY: the leaves' regions tile the result (their extents were checked to add up
    // along every joining axis and to agree on every other axis).
    unsafe {
        canvas::build(&lay.shape, order, |c| {
            for (start, leaf) in &lay.leaves {
                c.write(start, leaf);
            }
        })
    }
}
