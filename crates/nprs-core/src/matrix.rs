//! Building matrices: [`eye`], [`identity`], [`diag`], [`diagflat`], [`tri`], [`tril`],
//! [`triu`].
#![allow(unsafe_code)] // `tri` writes a fresh buffer once; the block says why it holds

use crate::array::{Array, ArrayBase};
use crate::dims::{self, Order};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::ranges::par_fill;
use crate::storage::Data;

/// Writes `value` at each `(row, row + k)` inside an `n × m` array laid out with `strides`
/// (in elements) in `buf`.
fn set_diagonal<T: Element>(
    buf: &mut [T],
    strides: &[isize],
    n: usize,
    m: usize,
    k: isize,
    mut value: impl FnMut() -> T,
) {
    let first_row = if k < 0 { k.unsigned_abs() } else { 0 };
    let first_col = if k > 0 { k.unsigned_abs() } else { 0 };
    if first_row >= n || first_col >= m {
        return;
    }
    let len = (n - first_row).min(m - first_col);
    let step = (strides[0] + strides[1]) as usize;
    let mut at = first_row * strides[0] as usize + first_col * strides[1] as usize;
    for _ in 0..len {
        buf[at] = value();
        at += step;
    }
}

/// A 2-d array with ones on the `k`-th diagonal and zeros elsewhere (`numpy.eye(N, M, k,
/// dtype=T, order)`): `n` rows, `m` columns (`n` when `None`); `k > 0` is above the main
/// diagonal, `k < 0` below.
///
/// ```
/// use nprs_core::{Order, eye};
/// let e = eye::<f64>(2, Some(3), 1, Order::C).unwrap();
/// assert_eq!(e.to_vec(), vec![0.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
/// let f = eye::<i32>(3, None, 0, Order::F).unwrap();
/// assert!(f.is_f_contiguous());
/// assert_eq!(f.get(&[1, 1]).unwrap(), 1);
/// ```
///
/// # Errors
/// Sizes that cannot be allocated ([`Error::TooBig`], [`Error::Alloc`]).
#[doc(alias = "numpy.eye")]
pub fn eye<T: Element>(n: usize, m: Option<usize>, k: isize, order: Order) -> Result<Array<T>> {
    let m = m.unwrap_or(n);
    let mut a = Array::<T>::zeros_order(&[n, m], order)?;
    let strides = dims::contiguous_strides(&[n, m], order);
    if let Some(buf) = a.as_slice_memory_order_mut() {
        set_diagonal(buf, &strides, n, m, k, T::one);
    }
    Ok(a)
}

/// The `n × n` identity matrix (`numpy.identity(n, dtype=T)`).
///
/// ```
/// use nprs_core::identity;
/// let i = identity::<u8>(2).unwrap();
/// assert_eq!(i.to_vec(), vec![1, 0, 0, 1]);
/// ```
///
/// # Errors
/// As [`eye`].
#[doc(alias = "numpy.identity")]
pub fn identity<T: Element>(n: usize) -> Result<Array<T>> {
    eye(n, None, 0, Order::C)
}

/// A square array with `values` on its `k`-th diagonal and zeros elsewhere.
fn from_diagonal<T: Element>(values: impl Iterator<Item = T>, len: usize, k: isize) -> Result<Array<T>> {
    let n = len.checked_add(k.unsigned_abs()).ok_or(Error::TooBig)?;
    let mut a = Array::<T>::zeros(&[n, n])?;
    let strides = dims::contiguous_strides(&[n, n], Order::C);
    if let Some(buf) = a.as_slice_mut() {
        let mut values = values;
        set_diagonal(buf, &strides, n, n, k, || values.next().unwrap_or_else(T::zero));
    }
    Ok(a)
}

/// `numpy.diag(v, k)`: for a 1-d `v`, a square array with `v` on the `k`-th diagonal; for
/// a 2-d `v`, its `k`-th diagonal.
///
/// The result is always a new array, so it may outlive `v`: `diag(&(&v + 1), -1)` works on
/// a temporary. NumPy returns a read-only view of a 2-d input's diagonal; its elements are
/// the same, and [`diagonal`](crate::Layout::diagonal) gives the view when one is wanted.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{arange, diag};
/// let v = array![1, 2, 3];
/// let d = diag(&v, 0).unwrap();
/// assert_eq!(d.shape(), &[3, 3]);
/// assert_eq!(d.to_vec(), vec![1, 0, 0, 0, 2, 0, 0, 0, 3]);
/// let m = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
/// assert_eq!(diag(&m, 1).unwrap().to_vec(), vec![1, 6, 11]);
/// // np.diag(np.arange(4) + 1, k=-1): the argument is a temporary
/// let z = diag(&(&arange(0, 4, 1).unwrap() + 1), -1).unwrap();
/// assert_eq!(z.shape(), &[5, 5]);
/// ```
///
/// # Errors
/// Arrays of other dimensions ("Input must be 1- or 2-d."), or a result too large to allocate.
#[doc(alias = "numpy.diag")]
pub fn diag<S: Data>(v: &ArrayBase<S>, k: isize) -> Result<Array<S::Elem>> {
    match v.ndim() {
        1 => from_diagonal(v.iter(), v.len(), k),
        2 => Ok(v.diagonal(k, 0, 1)?.to_owned()),
        _ => Err(Error::DiagNdim),
    }
}

/// A square array with the flattened input on its `k`-th diagonal (`numpy.diagflat(v, k)`).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::diagflat;
/// let d = diagflat(&array![[1, 2], [3, 4]], 0).unwrap();
/// assert_eq!(d.shape(), &[4, 4]);
/// assert_eq!(d.get(&[3, 3]).unwrap(), 4);
/// let up = diagflat(&array![1.0, 2.0], 1).unwrap();
/// assert_eq!(up.to_vec(), vec![0.0, 1.0, 0.0, 0.0, 0.0, 2.0, 0.0, 0.0, 0.0]);
/// ```
///
/// # Errors
/// A result too large to allocate.
#[doc(alias = "numpy.diagflat")]
pub fn diagflat<S: Data>(v: &ArrayBase<S>, k: isize) -> Result<Array<S::Elem>> {
    from_diagonal(v.iter(), v.size(), k)
}

/// An `n × m` array (`m` defaults to `n`) with ones at and below the `k`-th diagonal and
/// zeros above it (`numpy.tri(N, M, k, dtype=T)`): element `[i, j]` is one when `j <= i + k`.
///
/// ```
/// use nprs_core::tri;
/// let t = tri::<i64>(3, Some(4), 1).unwrap();
/// assert_eq!(t.to_vec(), vec![1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1]);
/// ```
///
/// # Errors
/// Sizes that cannot be allocated.
#[doc(alias = "numpy.tri")]
pub fn tri<T: Element>(n: usize, m: Option<usize>, k: isize) -> Result<Array<T>> {
    let m = m.unwrap_or(n);
    // SAFETY: `par_fill` hands every slot to the closure, which writes each one.
    unsafe {
        Array::build_uninit(&[n, m], Order::C, |buf| {
            par_fill(buf, |start, chunk| {
                let (mut i, mut j) = (start / m.max(1), start % m.max(1));
                for slot in chunk {
                    // Compare in i128: `i + k` may leave `isize` for huge `k`.
                    let on = (j as i128) <= i as i128 + k as i128;
                    slot.write(if on { T::one() } else { T::zero() });
                    j += 1;
                    if j == m {
                        j = 0;
                        i += 1;
                    }
                }
            });
        })
    }
}

/// Keeps the elements where `mask(k)` holds over the last two axes and zeros the rest
/// (`np.where(mask, m, 0)`, as NumPy's `tril`/`triu` do).
fn masked_triangle<S: Data>(m: &ArrayBase<S>, k: isize, lower: bool) -> Result<Array<S::Elem>> {
    let (rows, cols) = match m.shape() {
        [] => return Err(Error::TriMissingN),
        [n] => (*n, *n),
        [.., r, c] => (*r, *c),
    };
    let mask =
        if lower { tri::<bool>(rows, Some(cols), k)? } else { tri::<bool>(rows, Some(cols), k.saturating_sub(1))? };
    let zero = <S::Elem as Element>::zero();
    crate::zip::zip_map(m, &mask, move |x, below| if below == lower { x } else { zero })
}

/// The lower triangle of `m`: elements above the `k`-th diagonal of the last two axes are
/// zeroed (`numpy.tril(m, k)`). A 1-d input is treated as a row repeated into a square.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::tril;
/// let m = array![[1, 2, 3], [4, 5, 6], [7, 8, 9]];
/// assert_eq!(tril(&m, 0).unwrap().to_vec(), vec![1, 0, 0, 4, 5, 0, 7, 8, 9]);
/// assert_eq!(tril(&m, -1).unwrap().to_vec(), vec![0, 0, 0, 4, 0, 0, 7, 8, 0]);
/// ```
///
/// # Errors
/// A 0-d input (NumPy's TypeError from `tri()`).
#[doc(alias = "numpy.tril")]
pub fn tril<S: Data>(m: &ArrayBase<S>, k: isize) -> Result<Array<S::Elem>> {
    masked_triangle(m, k, true)
}

/// The upper triangle of `m`: elements below the `k`-th diagonal of the last two axes are
/// zeroed (`numpy.triu(m, k)`). A 1-d input is treated as a row repeated into a square.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::triu;
/// let m = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(triu(&m, 0).unwrap().to_vec(), vec![1.0, 2.0, 0.0, 4.0]);
/// assert_eq!(triu(&m, 1).unwrap().to_vec(), vec![0.0, 2.0, 0.0, 0.0]);
/// ```
///
/// # Errors
/// A 0-d input (NumPy's TypeError from `tri()`).
#[doc(alias = "numpy.triu")]
pub fn triu<S: Data>(m: &ArrayBase<S>, k: isize) -> Result<Array<S::Elem>> {
    masked_triangle(m, k, false)
}
