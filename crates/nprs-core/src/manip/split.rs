//! Splitting arrays into views: `split`, `array_split`, `hsplit`, `vsplit`, `dsplit`.

use crate::array::{ArrayBase, ArrayView};
use crate::error::{Error, Result};
use crate::slice::slice_indices;
use crate::storage::Data;

use super::args::{Ints, along};

/// `ary.shape[axis]` with Python's tuple indexing (negative from the end).
fn shape_index(shape: &[usize], axis: isize) -> Result<usize> {
    let n = shape.len() as isize;
    if axis < -n || axis >= n {
        return Err(Error::TupleIndex);
    }
    Ok(if axis < 0 { (axis + n) as usize } else { axis as usize })
}

fn split_views<'a, T: crate::Element>(
    v: &ArrayView<'a, T>,
    sections: &Ints,
    axis: usize,
) -> Result<Vec<ArrayView<'a, T>>> {
    let total = v.shape()[axis];
    let points: Vec<(usize, usize)> = match sections {
        Ints::One(n) => {
            let n = *n;
            if n <= 0 {
                return Err(Error::SplitSections);
            }
            let n = n as usize;
            let (each, extras) = (total / n, total % n);
            let mut out = crate::mem::vec_with_capacity(n)?;
            let mut start = 0;
            for i in 0..n {
                let len = each + usize::from(i < extras);
                out.push((start, len));
                start += len;
            }
            out
        }
        Ints::Many(idx) => {
            // Python slices `[st:end]` between consecutive division points.
            let mut bounds: Vec<Option<isize>> = Vec::with_capacity(idx.len() + 2);
            bounds.push(Some(0));
            bounds.extend(idx.iter().map(|&i| Some(i)));
            bounds.push(Some(total as isize));
            bounds
                .windows(2)
                .map(|w| {
                    let (st, _, count) = slice_indices(w[0], w[1], 1, total).expect("step is one");
                    (if count > 0 { st as usize } else { 0 }, count)
                })
                .collect()
        }
    };
    let mut views = crate::mem::vec_with_capacity(points.len())?;
    views.extend(points.into_iter().map(|(st, len)| along(v, axis, st, len)));
    Ok(views)
}

/// `numpy.array_split`: splits into `sections` views along `axis`, with `sections` either
/// a number of parts (the first `len % n` parts get one element more) or a list of split
/// indices (Python slice rules: out-of-range and negative indices are allowed).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::array_split;
///
/// let a = Array::<i64>::arange(7);
/// let parts = array_split(&a, 3, 0).unwrap();
/// let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
/// assert_eq!(lens, vec![3, 2, 2]);
/// let at = array_split(&a, [2, 5], 0).unwrap();
/// assert_eq!(at[1].to_vec(), vec![2, 3, 4]);
/// ```
///
/// # Errors
/// A number of sections below one ("number sections must be larger than 0."), or an axis
/// outside the array (NumPy's IndexError "tuple index out of range").
pub fn array_split<S: Data>(
    ary: &ArrayBase<S>,
    sections: impl Into<Ints>,
    axis: isize,
) -> Result<Vec<ArrayView<'_, S::Elem>>> {
    let ax = shape_index(ary.shape(), axis)?;
    split_views(&ary.view(), &sections.into(), ax)
}

/// `numpy.split`: as [`array_split`], but a number of sections must divide the axis
/// exactly.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::split;
///
/// let a = Array::<f64>::arange(6);
/// let parts = split(&a, 3, 0).unwrap();
/// assert_eq!(parts[2].to_vec(), vec![4.0, 5.0]);
/// assert!(nprs_core::shares_memory(&a, &parts[0], None).unwrap()); // views
/// assert!(split(&a, 4, 0).is_err()); // "array split does not result in an equal division"
/// ```
///
/// # Errors
/// "array split does not result in an equal division"; zero sections (NumPy raises
/// Python's ZeroDivisionError "integer modulo by zero", reported here as a ValueError with
/// that message); and the errors of [`array_split`].
pub fn split<S: Data>(
    ary: &ArrayBase<S>,
    sections: impl Into<Ints>,
    axis: isize,
) -> Result<Vec<ArrayView<'_, S::Elem>>> {
    let sections = sections.into();
    let ax = shape_index(ary.shape(), axis)?;
    if let Ints::One(n) = sections {
        if n == 0 {
            return Err(Error::SplitByZero);
        }
        if ary.shape()[ax] as isize % n != 0 {
            return Err(Error::SplitUnequal);
        }
    }
    split_views(&ary.view(), &sections, ax)
}

/// `numpy.hsplit`: [`split`] along the second axis (the first for 1-d arrays).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::hsplit;
///
/// let a = array![[1, 2, 3, 4], [5, 6, 7, 8]];
/// let p = hsplit(&a, 2).unwrap();
/// assert_eq!(p[1], array![[3, 4], [7, 8]]);
/// ```
///
/// # Errors
/// A 0-d array ("hsplit only works on arrays of 1 or more dimensions"), and those of
/// [`split`].
pub fn hsplit<S: Data>(ary: &ArrayBase<S>, sections: impl Into<Ints>) -> Result<Vec<ArrayView<'_, S::Elem>>> {
    if ary.ndim() == 0 {
        return Err(Error::SplitNdim { func: "hsplit", min: 1 });
    }
    split(ary, sections, if ary.ndim() > 1 { 1 } else { 0 })
}

/// `numpy.vsplit`: [`split`] along the first axis of an array of two or more dimensions.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::vsplit;
///
/// let a = array![[1, 2], [3, 4], [5, 6]];
/// let p = vsplit(&a, [1]).unwrap();
/// assert_eq!(p[1], array![[3, 4], [5, 6]]);
/// ```
///
/// # Errors
/// Fewer than two dimensions ("vsplit only works on arrays of 2 or more dimensions"), and
/// those of [`split`].
pub fn vsplit<S: Data>(ary: &ArrayBase<S>, sections: impl Into<Ints>) -> Result<Vec<ArrayView<'_, S::Elem>>> {
    if ary.ndim() < 2 {
        return Err(Error::SplitNdim { func: "vsplit", min: 2 });
    }
    split(ary, sections, 0)
}

/// `numpy.dsplit`: [`split`] along the third axis of an array of three or more
/// dimensions.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::dsplit;
///
/// let a = Array::<i32>::arange(8).into_shape(&[1, 2, 4]).unwrap();
/// let p = dsplit(&a, 2).unwrap();
/// assert_eq!(p[0], array![[[0, 1], [4, 5]]]);
/// ```
///
/// # Errors
/// Fewer than three dimensions ("dsplit only works on arrays of 3 or more dimensions"),
/// and those of [`split`].
pub fn dsplit<S: Data>(ary: &ArrayBase<S>, sections: impl Into<Ints>) -> Result<Vec<ArrayView<'_, S::Elem>>> {
    if ary.ndim() < 3 {
        return Err(Error::SplitNdim { func: "dsplit", min: 3 });
    }
    split(ary, sections, 2)
}
