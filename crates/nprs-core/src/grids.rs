//! Coordinate grids and arrays built from their indices: [`meshgrid`], [`fromfunction`],
//! [`indices`], [`indices_sparse`].
#![allow(unsafe_code)] // fresh buffers written once, and views over the inputs' data; each block says why

use std::str::FromStr;

use smallvec::SmallVec;

use crate::array::{Array, ArrayBase, ArrayView, CowArray};
use crate::copy::Cast;
use crate::dims::{self, Order, Shape, Strides};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::ranges::par_fill;

/// How [`meshgrid`] orders its output axes (NumPy's `indexing=` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Indexing {
    /// Cartesian (`'xy'`, the default): the first two output axes are swapped, so with
    /// inputs of lengths `M` and `N` the outputs have shape `(N, M)`.
    #[default]
    Xy,
    /// Matrix (`'ij'`): output axis `i` runs along input `i`, shape `(M, N)`.
    Ij,
}

impl FromStr for Indexing {
    type Err = Error;

    /// Parses `"xy"` or `"ij"`.
    ///
    /// ```
    /// use nprs_core::Indexing;
    /// assert_eq!("ij".parse::<Indexing>().unwrap(), Indexing::Ij);
    /// assert!("xx".parse::<Indexing>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "xy" => Ok(Indexing::Xy),
            "ij" => Ok(Indexing::Ij),
            _ => Err(Error::MeshgridIndexing),
        }
    }
}

/// The input's elements as a 1-d array: a view when its layout allows, else a C-order copy
/// (`np.asanyarray(x).reshape(-1)`).
fn flat_1d<'a, T: Element>(x: &ArrayView<'a, T>) -> CowArray<'a, T> {
    if x.ndim() == 1 {
        return x.reborrow().into();
    }
    match x.to_slice() {
        Some(s) => ArrayView::from_slice(s).into(),
        None => Array::from_vec(x.to_vec()).into(),
    }
}

/// Gives a 1-d array a new shape and strides over the same elements.
///
/// # Safety
/// `shape`/`strides` must address only elements of `a` (offsets `0..len` times its stride).
unsafe fn relayout<T: Element>(a: CowArray<'_, T>, shape: Shape, strides: Strides) -> CowArray<'_, T> {
    let ArrayBase { data, layout } = a;
    ArrayBase { data, layout: layout.at_offset(0, shape, strides) }
}

/// Coordinate arrays from coordinate vectors (`numpy.meshgrid(*xi, indexing, sparse,
/// copy)`).
///
/// Each input is flattened. Output `i` repeats input `i` along every other axis; with
/// [`Indexing::Xy`] the first two inputs run along axes 1 and 0, with [`Indexing::Ij`] input
/// `i` runs along axis `i`. With `sparse`, each output keeps length one on the axes it does
/// not run along (broadcasting fills them in). With `copy`, every output is a new C-ordered
/// array; without it, outputs are read-only views of the inputs with zero strides where
/// they repeat (an input that cannot be flattened without copying is copied once, and the
/// output views that copy).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{Indexing, meshgrid};
/// let x = array![1, 2, 3];
/// let y = array![4, 5];
/// let g = meshgrid(&[x.view(), y.view()], Indexing::Xy, false, true).unwrap();
/// assert_eq!(g[0].shape(), &[2, 3]);
/// assert_eq!(g[0].to_vec(), vec![1, 2, 3, 1, 2, 3]);
/// assert_eq!(g[1].to_vec(), vec![4, 4, 4, 5, 5, 5]);
/// let views = meshgrid(&[x.view(), y.view()], Indexing::Ij, false, false).unwrap();
/// assert!(views[0].is_view());
/// assert_eq!(views[0].shape(), &[3, 2]);
/// ```
///
/// # Errors
/// Only when a copy cannot be allocated.
#[doc(alias = "numpy.meshgrid")]
pub fn meshgrid<'a, T: Element>(
    xi: &[ArrayView<'a, T>],
    indexing: Indexing,
    sparse: bool,
    copy: bool,
) -> Result<Vec<CowArray<'a, T>>> {
    let ndim = xi.len();
    let swap = indexing == Indexing::Xy && ndim > 1;
    let axis_of = |i: usize| if swap && i < 2 { 1 - i } else { i };
    let flats: Vec<CowArray<'a, T>> = xi.iter().map(flat_1d).collect();
    let mut full: Shape = SmallVec::from_elem(1, ndim);
    for (i, f) in flats.iter().enumerate() {
        full[axis_of(i)] = f.len();
    }
    let mut out = Vec::with_capacity(ndim);
    for (i, f) in flats.into_iter().enumerate() {
        let ax = axis_of(i);
        let stride = f.strides()[0];
        let shape: Shape = if sparse {
            let mut s: Shape = SmallVec::from_elem(1, ndim);
            s[ax] = f.len();
            s
        } else {
            full.clone()
        };
        let mut strides: Strides = SmallVec::from_elem(0, ndim);
        strides[ax] = stride;
        // SAFETY: along axis `ax` the layout walks the 1-d input's own elements; every
        // other axis has stride zero, so no other element is addressed.
        let g = unsafe { relayout(f, shape, strides) };
        out.push(if copy { crate::copy::try_copy_to_order(&g.view(), Order::C)?.into() } else { g });
    }
    Ok(out)
}

/// Writes `f(index)` for every multi-index of `shape` in C order into `buf`.
fn fill_by_index<T: Element>(
    buf: &mut [std::mem::MaybeUninit<T>],
    shape: &[usize],
    f: &(impl Fn(&[usize]) -> T + Sync + Send),
) {
    par_fill(buf, |start, chunk| {
        // Unravel the chunk's first position, then count through the chunk.
        let mut idx: SmallVec<[usize; 6]> = SmallVec::from_elem(0, shape.len());
        let mut rest = start;
        for ax in (0..shape.len()).rev() {
            idx[ax] = rest % shape[ax];
            rest /= shape[ax];
        }
        for slot in chunk {
            slot.write(f(&idx));
            for ax in (0..shape.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < shape[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
    });
}

/// An array of `shape` whose element at each index is `f(index)` (`numpy.fromfunction`).
///
/// NumPy calls its function once with whole index arrays; here `f` is called once per
/// element with that element's index, which gives the same values for elementwise
/// functions. Elements may be computed in parallel, in any order.
///
/// ```
/// use nprs_core::fromfunction;
/// let a = fromfunction(&[2, 3], |ix| (ix[0] * 10 + ix[1]) as i64).unwrap();
/// assert_eq!(a.to_vec(), vec![0, 1, 2, 10, 11, 12]);
/// let eye = fromfunction(&[2, 2], |ix| ix[0] == ix[1]).unwrap();
/// assert_eq!(eye.to_vec(), vec![true, false, false, true]);
/// ```
///
/// # Errors
/// Sizes that cannot be allocated.
#[doc(alias = "numpy.fromfunction")]
pub fn fromfunction<T: Element>(shape: &[usize], f: impl Fn(&[usize]) -> T + Sync + Send) -> Result<Array<T>> {
    // SAFETY: `fill_by_index` writes every slot.
    unsafe { Array::build_uninit(shape, Order::C, |buf| fill_by_index(buf, shape, &f)) }
}

/// The grid of indices of an array of shape `dimensions` (`numpy.indices(dimensions,
/// dtype=T)`): an array of shape `(len(dimensions), *dimensions)` whose `[k, i0, i1, …]`
/// element is `ik`.
///
/// ```
/// use nprs_core::indices;
/// let g = indices::<i64>(&[2, 3]).unwrap();
/// assert_eq!(g.shape(), &[2, 2, 3]);
/// assert_eq!(g.to_vec(), vec![0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2]);
/// ```
///
/// # Errors
/// Sizes that cannot be allocated.
#[doc(alias = "numpy.indices")]
pub fn indices<T: Cast>(dimensions: &[usize]) -> Result<Array<T>> {
    let mut shape: Shape = SmallVec::with_capacity(dimensions.len() + 1);
    shape.push(dimensions.len());
    shape.extend_from_slice(dimensions);
    dims::size_checked(&shape)?;
    fromfunction(&shape, |ix| T::cast_from(ix[ix[0] + 1] as i64))
}

/// The sparse grid of indices (`numpy.indices(dimensions, dtype=T, sparse=True)`): one
/// array per axis, of length `dimensions[k]` along axis `k` and one along the others.
///
/// ```
/// use nprs_core::indices_sparse;
/// let g = indices_sparse::<i64>(&[2, 3]).unwrap();
/// assert_eq!(g[0].shape(), &[2, 1]);
/// assert_eq!(g[1].to_vec(), vec![0, 1, 2]);
/// ```
///
/// # Errors
/// Sizes that cannot be allocated.
#[doc(alias = "numpy.indices")]
pub fn indices_sparse<T: Cast>(dimensions: &[usize]) -> Result<Vec<Array<T>>> {
    (0..dimensions.len())
        .map(|k| {
            let mut shape: Shape = SmallVec::from_elem(1, dimensions.len());
            shape[k] = dimensions[k];
            fromfunction(&shape, |ix| T::cast_from(ix[k] as i64))
        })
        .collect()
}
