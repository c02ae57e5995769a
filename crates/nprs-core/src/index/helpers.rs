//! Index helpers: `unravel_index`, `ravel_multi_index`, the `tril`/`triu`/`diag`/`mask`
//! index families and `fill_diagonal`.
//!
//! The functions that read indices or shapes take an [`Operand`]: a typed array, a dynamic
//! array or a Rust integer, so one function serves both array families. Results are `intp`
//! (`int64`) arrays, as NumPy returns them.

use crate::array::{Array, ArrayBase};
use crate::dims::Order;
use crate::dtype::{DType, Element};
use crate::dynarray::{DynBase, DynDataMut, Operand};
use crate::error::{Error, Result};
use crate::scalar::Scalar;
use crate::storage::DataMut;

use super::IntIndexElem;

/// An operand's shape and its values as `intp`, in C order; NumPy's `TypeError` ("only
/// int indices permitted") for anything but integers.
pub(crate) fn intp_values(op: &Operand<'_>) -> Result<(Vec<usize>, Vec<isize>)> {
    match op {
        Operand::Scalar(Scalar::Int(v)) => {
            let v = isize::try_from(*v).map_err(|_| Error::IntTooLarge)?;
            Ok((Vec::new(), vec![v]))
        }
        Operand::Scalar(_) => Err(Error::OnlyIntIndices),
        Operand::Array(a) => {
            let t = a.dtype().numeric().ok_or(Error::OnlyIntIndices)?;
            let c = a.as_numeric(t)?;
            let vals = match t {
                DType::Int8 => values::<i8>(&c)?,
                DType::Int16 => values::<i16>(&c)?,
                DType::Int32 => values::<i32>(&c)?,
                DType::Int64 => values::<i64>(&c)?,
                DType::UInt8 => values::<u8>(&c)?,
                DType::UInt16 => values::<u16>(&c)?,
                DType::UInt32 => values::<u32>(&c)?,
                DType::UInt64 => values::<u64>(&c)?,
                _ => return Err(Error::OnlyIntIndices),
            };
            Ok((a.shape().to_vec(), vals))
        }
    }
}

fn values<T: IntIndexElem>(c: &crate::dynarray::DynCow<'_>) -> Result<Vec<isize>> {
    Ok(c.typed::<T>()?.iter().map(IntIndexElem::as_intp).collect())
}

/// The product of `dims`, or `None` when it overflows `isize`.
fn checked_size(dims: &[usize]) -> Option<isize> {
    dims.iter().try_fold(1isize, |n, &d| n.checked_mul(isize::try_from(d).ok()?))
}

/// Writes the multi-index of flat position `i` in `dims` (`order` C or F) into `out`.
fn unravel_one(mut i: usize, dims: &[usize], order: Order, out: &mut [usize]) {
    let mut step = |d: usize, slot: &mut usize| {
        *slot = i % d;
        i /= d;
    };
    match order {
        Order::C => dims.iter().zip(out.iter_mut()).rev().for_each(|(&d, s)| step(d, s)),
        Order::F => dims.iter().zip(out.iter_mut()).for_each(|(&d, s)| step(d, s)),
    }
}

/// `numpy.unravel_index`: the coordinate arrays (one per axis of `shape`, each shaped as
/// `indices`) of flat indices into an array of `shape`, in C (row-major) or F order.
///
/// `indices` is an integer array (typed or dynamic) or a Rust integer (0-d results).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::unravel_index;
/// let ix = unravel_index(&array![22i64, 41, 37], &[7, 6], Order::C).unwrap();
/// assert_eq!(ix[0].to_vec(), vec![3, 6, 6]);
/// assert_eq!(ix[1].to_vec(), vec![4, 5, 1]);
/// let f = unravel_index(1621i64, &[6, 7, 8, 9], Order::F).unwrap();
/// assert_eq!(f.iter().map(|a| a.get(&[]).unwrap()).collect::<Vec<_>>(), vec![1, 4, 6, 4]);
/// ```
///
/// # Errors
/// An index outside `0..size` ("index 10 is out of bounds for array with size 6"), indices
/// that are not integers ("only int indices permitted").
pub fn unravel_index<'a>(indices: impl Into<Operand<'a>>, shape: &[usize], order: Order) -> Result<Vec<Array<i64>>> {
    let (ishape, vals) = intp_values(&indices.into())?;
    let size = checked_size(shape).ok_or(Error::DimsTooLarge)?;
    let nd = shape.len();
    let mut cols: Vec<Vec<i64>> = (0..nd).map(|_| Vec::with_capacity(vals.len())).collect();
    let mut mi = vec![0usize; nd];
    for &v in &vals {
        if v < 0 || v >= size {
            return Err(Error::UnravelIndex { index: v, size });
        }
        unravel_one(v.unsigned_abs(), shape, order, &mut mi);
        for (c, &x) in cols.iter_mut().zip(&mi) {
            c.push(x as i64);
        }
    }
    cols.into_iter().map(|c| Array::from_shape_vec(&ishape, c)).collect()
}

/// `numpy.ravel_multi_index`: the flat indices of coordinate arrays (one per axis of
/// `dims`, broadcast together) into an array of shape `dims`.
///
/// `modes` is one [`ClipMode`](super::ClipMode) for every axis, or one per axis
/// (`mode=('wrap', 'raise')`); `order` is C or F.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{ClipMode, ravel_multi_index};
/// let rows = array![3i64, 6, 6];
/// let cols = array![4i64, 5, 1];
/// let flat = ravel_multi_index([&rows, &cols], &[7, 6], &[ClipMode::Raise], Order::C).unwrap();
/// assert_eq!(flat.to_vec(), vec![22, 41, 37]);
/// let wrapped = ravel_multi_index([&rows, &cols], &[4, 6], &[ClipMode::Wrap, ClipMode::Clip], Order::F).unwrap();
/// assert_eq!(wrapped.to_vec(), vec![19, 22, 6]);
/// ```
///
/// # Errors
/// NumPy's `ValueError`s: a coordinate count other than `dims.len()`, a mode list of the
/// wrong length, dims with a zero or too large a product, a coordinate outside its axis
/// under `Raise` ("invalid entry in coordinates array"), coordinates that do not
/// broadcast; and "only int indices permitted".
pub fn ravel_multi_index<'a, I>(
    multi_index: I,
    dims: &[usize],
    modes: &[super::ClipMode],
    order: Order,
) -> Result<Array<i64>>
where
    I: IntoIterator,
    I::Item: Into<Operand<'a>>,
{
    use super::ClipMode;
    let coords: Vec<(Vec<usize>, Vec<isize>)> =
        multi_index.into_iter().map(|x| intp_values(&x.into())).collect::<Result<_>>()?;
    let nd = dims.len();
    if coords.len() != nd {
        return Err(Error::MultiIndexLength { expected: nd });
    }
    if modes.len() != 1 && modes.len() != nd {
        return Err(Error::ClipModesLength { got: modes.len(), expected: nd });
    }
    if checked_size(dims).is_none() {
        return Err(Error::InvalidDims);
    }
    if dims.contains(&0) {
        return Err(Error::RavelEmptyShape);
    }
    let shapes: Vec<&[usize]> = coords.iter().map(|(s, _)| s.as_slice()).collect();
    let shape = crate::dims::broadcast_operands(&shapes)?;
    // Each coordinate array broadcast to the common shape, as flat values.
    let spread: Vec<Vec<isize>> = coords
        .into_iter()
        .map(|(s, v)| -> Result<Vec<isize>> {
            let a = Array::from_shape_vec(&s, v.into_iter().map(|x| x as i64).collect())?;
            Ok(a.broadcast_to(&shape)?.iter().map(|x| x as isize).collect())
        })
        .collect::<Result<_>>()?;
    // Strides of each axis in the flat index.
    let mut strides = vec![0isize; nd];
    let mut acc = 1isize;
    let axes: Vec<usize> = match order {
        Order::C => (0..nd).rev().collect(),
        Order::F => (0..nd).collect(),
    };
    for &ax in &axes {
        strides[ax] = acc;
        acc *= dims[ax] as isize;
    }
    let n: usize = shape.iter().product();
    let mut out = vec![0i64; n];
    for (ax, coords) in spread.iter().enumerate() {
        let d = dims[ax] as isize;
        let mode = if modes.len() == 1 { modes[0] } else { modes[ax] };
        for (flat, &v) in out.iter_mut().zip(coords) {
            let v = match mode {
                ClipMode::Raise if v < 0 || v >= d => return Err(Error::CoordinatesEntry),
                ClipMode::Raise => v,
                ClipMode::Wrap => v.rem_euclid(d),
                ClipMode::Clip => v.clamp(0, d - 1),
            };
            *flat += (v * strides[ax]) as i64;
        }
    }
    Array::from_shape_vec(&shape, out)
}

/// The `(row, column)` pairs of an `n × m` grid, in row-major order, for which `keep(j - i)`.
fn tri_pairs(n: usize, m: usize, keep: impl Fn(isize) -> bool) -> (Array<i64>, Array<i64>) {
    let (mut rows, mut cols) = (Vec::new(), Vec::new());
    for i in 0..n {
        for j in 0..m {
            if keep(j as isize - i as isize) {
                rows.push(i as i64);
                cols.push(j as i64);
            }
        }
    }
    (Array::from_vec(rows), Array::from_vec(cols))
}

/// `numpy.tril_indices(n, k, m)`: the row and column indices of the lower triangle (on and
/// below diagonal `k`) of an `n × m` array (`m` defaults to `n`).
///
/// ```
/// use nprs_core::tril_indices;
/// let (r, c) = tril_indices(3, -1, Some(2));
/// assert_eq!(r.to_vec(), vec![1, 2, 2]);
/// assert_eq!(c.to_vec(), vec![0, 0, 1]);
/// ```
#[must_use]
pub fn tril_indices(n: usize, k: isize, m: Option<usize>) -> (Array<i64>, Array<i64>) {
    tri_pairs(n, m.unwrap_or(n), |d| d <= k)
}

/// `numpy.triu_indices(n, k, m)`: the row and column indices of the upper triangle (on and
/// above diagonal `k`) of an `n × m` array (`m` defaults to `n`).
///
/// ```
/// use nprs_core::triu_indices;
/// let (r, c) = triu_indices(3, 1, None);
/// assert_eq!(r.to_vec(), vec![0, 0, 1]);
/// assert_eq!(c.to_vec(), vec![1, 2, 2]);
/// ```
#[must_use]
pub fn triu_indices(n: usize, k: isize, m: Option<usize>) -> (Array<i64>, Array<i64>) {
    tri_pairs(n, m.unwrap_or(n), |d| d >= k)
}

/// The shape of an operand (a scalar is 0-d).
fn operand_shape<'s>(op: &'s Operand<'_>) -> &'s [usize] {
    match op {
        Operand::Array(a) => a.shape(),
        Operand::Scalar(_) => &[],
    }
}

/// The two lengths of a 2-d operand, or NumPy's "input array must be 2-d".
fn two_d(op: &Operand<'_>) -> Result<(usize, usize)> {
    match *operand_shape(op) {
        [n, m] => Ok((n, m)),
        _ => Err(Error::Input2d),
    }
}

/// `numpy.tril_indices_from(arr, k)`: [`tril_indices`] for the shape of a 2-d array
/// (typed or dynamic).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::tril_indices_from;
/// let a = Array::<f64>::zeros(&[2, 4]).unwrap();
/// let (r, c) = tril_indices_from(&a, 1).unwrap();
/// assert_eq!(r.to_vec(), vec![0, 0, 1, 1, 1]);
/// assert_eq!(c.to_vec(), vec![0, 1, 0, 1, 2]);
/// ```
///
/// # Errors
/// An array that is not 2-d ("input array must be 2-d").
pub fn tril_indices_from<'a>(arr: impl Into<Operand<'a>>, k: isize) -> Result<(Array<i64>, Array<i64>)> {
    let (n, m) = two_d(&arr.into())?;
    Ok(tril_indices(n, k, Some(m)))
}

/// `numpy.triu_indices_from(arr, k)`: [`triu_indices`] for the shape of a 2-d array
/// (typed or dynamic).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::triu_indices_from;
/// let a = Array::<f64>::zeros(&[3, 2]).unwrap();
/// let (r, c) = triu_indices_from(&a, 0).unwrap();
/// assert_eq!(r.to_vec(), vec![0, 0, 1]);
/// assert_eq!(c.to_vec(), vec![0, 1, 1]);
/// ```
///
/// # Errors
/// An array that is not 2-d ("input array must be 2-d").
pub fn triu_indices_from<'a>(arr: impl Into<Operand<'a>>, k: isize) -> Result<(Array<i64>, Array<i64>)> {
    let (n, m) = two_d(&arr.into())?;
    Ok(triu_indices(n, k, Some(m)))
}

/// `numpy.diag_indices(n, ndim)`: `ndim` copies of `0..n`, indexing the main diagonal of an
/// `n × … × n` array.
///
/// ```
/// use nprs_core::diag_indices;
/// let d = diag_indices(3, 2);
/// assert_eq!(d.len(), 2);
/// assert_eq!(d[1].to_vec(), vec![0, 1, 2]);
/// ```
#[must_use]
pub fn diag_indices(n: usize, ndim: usize) -> Vec<Array<i64>> {
    (0..ndim).map(|_| Array::from_vec((0..n as i64).collect())).collect()
}

/// `numpy.diag_indices_from(arr)`: [`diag_indices`] for an array (typed or dynamic) of at
/// least two dimensions, all of one length.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::diag_indices_from;
/// let a = Array::<i32>::zeros(&[2, 2, 2]).unwrap();
/// assert_eq!(diag_indices_from(&a).unwrap().len(), 3);
/// ```
///
/// # Errors
/// NumPy's `ValueError`s: fewer than two dimensions, or dimensions of differing lengths.
pub fn diag_indices_from<'a>(arr: impl Into<Operand<'a>>) -> Result<Vec<Array<i64>>> {
    let op = arr.into();
    let shape = operand_shape(&op);
    if shape.len() < 2 {
        return Err(Error::InputAtLeast2d);
    }
    if shape.iter().any(|&d| d != shape[0]) {
        return Err(Error::EqualLengthDims);
    }
    Ok(diag_indices(shape[0], shape.len()))
}

/// `numpy.mask_indices(n, mask_func, k)`: the indices where `mask_func(ones((n, n)), k)` is
/// non-zero — with [`triu`](crate::triu) or [`tril`](crate::tril), the indices of a
/// triangle.
///
/// ```
/// use nprs_core::{mask_indices, triu};
/// let ix = mask_indices(3, |m, k| triu(m, k), 1).unwrap();
/// assert_eq!(ix[0].to_vec(), vec![0, 0, 1]);
/// assert_eq!(ix[1].to_vec(), vec![1, 2, 2]);
/// ```
///
/// # Errors
/// Whatever `mask_func` reports, and `nonzero`'s error when it returns a 0-d array.
pub fn mask_indices<U: Element>(
    n: usize,
    mask_func: impl FnOnce(&Array<i64>, isize) -> Result<Array<U>>,
    k: isize,
) -> Result<Vec<Array<i64>>> {
    let m = Array::<i64>::ones(&[n, n])?;
    let a = mask_func(&m, k)?;
    super::nonzero(&a)
}

/// The multi-indices `numpy.fill_diagonal` writes in an array of `shape`: flat positions
/// `0, step, 2·step, …` (stopping after the square part of a tall 2-d array unless `wrap`).
fn diagonal_positions(shape: &[usize], wrap: bool) -> Result<Vec<Vec<usize>>> {
    let nd = shape.len();
    if nd < 2 {
        return Err(Error::ArrayAtLeast2d);
    }
    let size: usize = shape.iter().product();
    let (step, end) = if nd == 2 {
        let end = if wrap { size } else { size.min(shape[1].saturating_mul(shape[1])) };
        (shape[1] + 1, end)
    } else {
        if shape.iter().any(|&d| d != shape[0]) {
            return Err(Error::EqualLengthDims);
        }
        let mut prod = 1usize;
        let mut step = 1usize;
        for &d in &shape[..nd - 1] {
            prod *= d;
            step += prod;
        }
        (step, size)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < end {
        let mut mi = vec![0usize; nd];
        unravel_one(i, shape, Order::C, &mut mi);
        out.push(mi);
        i += step;
    }
    Ok(out)
}

fn signed(mi: &[usize]) -> Vec<isize> {
    mi.iter().map(|&x| x as isize).collect()
}

/// `numpy.fill_diagonal(a, val, wrap)` for a typed array: writes `val` (repeated as needed)
/// along the main diagonal of `a` in place. For a 2-d array the diagonal is `a[i, i]`; a tall
/// matrix continues below its square part every `ncols + 1` flat elements when `wrap`; an
/// array of more dimensions must have them all of one length (`a[i, i, …, i]`). An empty
/// `val` writes nothing.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::fill_diagonal;
/// let mut a = Array::<f64>::zeros(&[5, 3]).unwrap();
/// fill_diagonal(&mut a, &[1.0, 2.0], true).unwrap();
/// assert_eq!(a.to_vec(), vec![1., 0., 0., 0., 2., 0., 0., 0., 1., 0., 0., 0., 2., 0., 0.]);
/// ```
///
/// # Errors
/// NumPy's `ValueError`s: fewer than two dimensions ("array must be at least 2-d"), or more
/// than two of differing lengths.
pub fn fill_diagonal<S: DataMut>(a: &mut ArrayBase<S>, val: &[S::Elem], wrap: bool) -> Result<()> {
    let pos = diagonal_positions(a.shape(), wrap)?;
    if val.is_empty() {
        return Ok(());
    }
    for (k, mi) in pos.iter().enumerate() {
        *a.get_mut(&signed(mi))? = val[k % val.len()];
    }
    Ok(())
}

impl<S: DynDataMut> DynBase<S> {
    /// `numpy.fill_diagonal(a, val, wrap)`: as [`fill_diagonal`], with
    /// `val` any operand (a scalar, a typed or dynamic array, read flat and repeated): an
    /// array is cast to the array's dtype (unsafe casting, as NumPy's `a.flat[...] = val`),
    /// a Rust scalar converted as NumPy converts a Python scalar (an integer that does not
    /// fit is an `OverflowError`).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_core::{DType, DynArray};
    /// let mut a = DynArray::zeros(&[3, 3], &DType::Int64.into()).unwrap();
    /// a.fill_diagonal(7i64, false).unwrap();
    /// assert_eq!(a.typed::<i64>().unwrap().to_vec(), vec![7, 0, 0, 0, 7, 0, 0, 0, 7]);
    /// ```
    ///
    /// # Errors
    /// As [`fill_diagonal`], and a value the dtype cannot hold.
    pub fn fill_diagonal<'v>(&mut self, val: impl Into<Operand<'v>>, wrap: bool) -> Result<()> {
        let pos = diagonal_positions(self.shape(), wrap)?;
        let vals = match val.into() {
            Operand::Scalar(s) => vec![s],
            // An array converts as NumPy's array assignment does (unsafe casting).
            Operand::Array(v) => v.astype(&self.descr)?.to_scalars(),
        };
        if vals.is_empty() {
            return Ok(());
        }
        for (k, mi) in pos.iter().enumerate() {
            self.set(&signed(mi), vals[k % vals.len()].clone())?;
        }
        Ok(())
    }
}
