//! Reordering elements: `flip`, `fliplr`, `flipud`, `rot90` (views) and `roll` (a copy).
#![allow(unsafe_code)] // the rolled result is assembled in an uninitialised buffer; the block says why it holds

use smallvec::SmallVec;

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::{self, Order};
use crate::error::{Error, Result};
use crate::slice::SliceArg;
use crate::storage::Data;
use crate::zip;

use super::args::{AxisArg, Ints, along};
use super::canvas;

const REVERSED: SliceArg = SliceArg::Slice { start: None, stop: None, step: -1 };

fn flip_axes<'a, T: crate::Element>(v: ArrayView<'a, T>, axes: &[usize]) -> ArrayView<'a, T> {
    let mut args: SmallVec<[SliceArg; 6]> = SmallVec::from_elem(SliceArg::FULL, v.ndim());
    for &a in axes {
        args[a] = REVERSED;
    }
    v.slice_move(&args).expect("full slices are always valid")
}

/// `numpy.flip`: a view with the order of elements reversed along `axis` (`None`: every
/// axis; one axis; or a list of axes).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::flip;
///
/// let a = array![[1, 2], [3, 4]];
/// assert_eq!(flip(&a, None).unwrap(), array![[4, 3], [2, 1]]);
/// assert_eq!(flip(&a, 1).unwrap(), array![[2, 1], [4, 3]]);
/// assert_eq!(flip(&a, [0, 1]).unwrap(), array![[4, 3], [2, 1]]);
/// ```
///
/// # Errors
/// An axis out of bounds, or a repeated axis.
pub fn flip<S: Data>(m: &ArrayBase<S>, axis: impl Into<AxisArg>) -> Result<ArrayView<'_, S::Elem>> {
    m.flip(axis)
}

/// `numpy.fliplr`: a view with the columns (axis 1) reversed.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::fliplr;
///
/// assert_eq!(fliplr(&array![[1, 2, 3]]).unwrap(), array![[3, 2, 1]]);
/// ```
///
/// # Errors
/// Fewer than two dimensions ("Input must be >= 2-d.").
pub fn fliplr<S: Data>(m: &ArrayBase<S>) -> Result<ArrayView<'_, S::Elem>> {
    if m.ndim() < 2 {
        return Err(Error::FlipNdim { min: 2 });
    }
    Ok(flip_axes(m.view(), &[1]))
}

/// `numpy.flipud`: a view with the rows (axis 0) reversed.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::flipud;
///
/// assert_eq!(flipud(&array![1, 2, 3]).unwrap(), array![3, 2, 1]);
/// ```
///
/// # Errors
/// A 0-d array ("Input must be >= 1-d.").
pub fn flipud<S: Data>(m: &ArrayBase<S>) -> Result<ArrayView<'_, S::Elem>> {
    if m.ndim() < 1 {
        return Err(Error::FlipNdim { min: 1 });
    }
    Ok(flip_axes(m.view(), &[0]))
}

/// `numpy.rot90`: a view of the array rotated by 90 degrees `k` times in the plane of
/// `axes`, from the first axis towards the second (`axes = [0, 1]` is NumPy's default).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::rot90;
///
/// let m = array![[1, 2], [3, 4]];
/// assert_eq!(rot90(&m, 1, [0, 1]).unwrap(), array![[2, 4], [1, 3]]);
/// assert_eq!(rot90(&m, 2, [0, 1]).unwrap(), array![[4, 3], [2, 1]]);
/// assert_eq!(rot90(&m, -1, [0, 1]).unwrap(), array![[3, 1], [4, 2]]);
/// ```
///
/// # Errors
/// Equal axes ("Axes must be different."), or axes outside the array
/// ("Axes=(0, 2) out of range for array of ndim=2.").
pub fn rot90<S: Data>(m: &ArrayBase<S>, k: isize, axes: [isize; 2]) -> Result<ArrayView<'_, S::Elem>> {
    let nd = m.ndim() as isize;
    if axes[0] == axes[1] || (axes[0] - axes[1]).abs() == nd {
        return Err(Error::Rot90SameAxes);
    }
    if axes.iter().any(|&a| a >= nd || a < -nd) {
        return Err(Error::Rot90Axes { axes, ndim: m.ndim() });
    }
    let a0 = dims::normalize_axis(axes[0], m.ndim())?;
    let a1 = dims::normalize_axis(axes[1], m.ndim())?;
    let v = m.view();
    Ok(match k.rem_euclid(4) {
        0 => v,
        2 => flip_axes(v, &[a0, a1]),
        1 => swapped(flip_axes(v, &[a1]), a0, a1),
        _ => flip_axes(swapped(v, a0, a1), &[a1]),
    })
}

/// `v` with axes `a0` and `a1` interchanged, keeping the view's lifetime.
fn swapped<'a, T: crate::Element>(v: ArrayView<'a, T>, a0: usize, a1: usize) -> ArrayView<'a, T> {
    let mut out = v;
    out.layout.shape.swap(a0, a1);
    out.layout.strides.swap(a0, a1);
    out
}

/// `numpy.roll`: elements shifted along axes, those that fall off one end coming back at
/// the other. `shift` and `axis` are scalars or lists broadcast against each other
/// (shifts on a repeated axis add up); `axis = None` rolls the flattened array.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::roll;
///
/// let x = Array::<i64>::arange(10);
/// assert_eq!(roll(&x, 2, None).unwrap().to_vec(), vec![8, 9, 0, 1, 2, 3, 4, 5, 6, 7]);
/// let m = x.into_shape(&[2, 5]).unwrap();
/// assert_eq!(roll(&m, 1, None).unwrap(), array![[9, 0, 1, 2, 3], [4, 5, 6, 7, 8]]);
/// assert_eq!(roll(&m, [1, -1], [0, 1]).unwrap(), array![[6, 7, 8, 9, 5], [1, 2, 3, 4, 0]]);
/// ```
///
/// # Errors
/// An axis out of bounds, or `shift` and `axis` lists of lengths that do not broadcast.
pub fn roll<S: Data>(a: &ArrayBase<S>, shift: impl Into<Ints>, axis: impl Into<AxisArg>) -> Result<Array<S::Elem>> {
    let shift = shift.into();
    match axis.into() {
        AxisArg::None => {
            // Roll the elements in C order as one axis, then give back the shape.
            let c = crate::copy::ascontiguousarray(a);
            let flat = ArrayView::from_slice(c.as_slice().expect("C-contiguous"));
            let shifts = net_shift(&shift, &[0], 1)?;
            let rolled = roll_views(&flat, &shifts, Order::C)?;
            let shape: Vec<isize> = a.shape().iter().map(|&d| d as isize).collect();
            rolled.into_shape(&shape)
        }
        AxisArg::One(x) => roll_axes(a, &shift, &[x]),
        AxisArg::Many(v) => roll_axes(a, &shift, &v),
    }
}

fn roll_axes<S: Data>(a: &ArrayBase<S>, shift: &Ints, axes: &[isize]) -> Result<Array<S::Elem>> {
    let norm: Vec<usize> = axes.iter().map(|&x| dims::normalize_axis(x, a.ndim())).collect::<Result<_>>()?;
    let shifts = net_shift(shift, &norm, a.ndim())?;
    let order = zip::result_order(&[(a.shape(), &a.strides_elems())]);
    roll_views(&a.view(), &shifts, order)
}

/// Adds up the shifts per axis after broadcasting `shift` against `axes` (NumPy always
/// treats `axes` as a tuple).
fn net_shift(shift: &Ints, axes: &[usize], ndim: usize) -> Result<Vec<i128>> {
    let sh = shift.to_vec();
    let (ns, na) = (sh.len(), axes.len());
    let n = if ns == na || na == 1 {
        ns
    } else if ns == 1 {
        na
    } else {
        return Err(Error::BroadcastShapes { first: (0, vec![ns]), second: (1, vec![na]) });
    };
    let mut out = vec![0i128; ndim];
    for i in 0..n {
        let s = sh[if ns == 1 { 0 } else { i }];
        out[axes[if na == 1 { 0 } else { i }]] += s as i128;
    }
    Ok(out)
}

/// Copies `v` rolled by `shift` along each listed axis into a new array.
fn roll_views<T: crate::Element>(v: &ArrayView<'_, T>, shifts: &[i128], order: Order) -> Result<Array<T>> {
    let nd = v.ndim();
    // Per axis: the (source start, destination start, length) pieces.
    let mut pieces: Vec<Vec<(usize, usize, usize)>> = (0..nd).map(|ax| vec![(0, 0, v.shape()[ax])]).collect();
    for (ax, &s) in shifts.iter().enumerate() {
        let n = v.shape()[ax];
        let off = s.rem_euclid(n.max(1) as i128) as usize;
        if off != 0 {
            pieces[ax] = vec![(0, off, n - off), (n - off, 0, off)];
        }
    }
    // SAFETY: along each axis the pieces' destinations tile the axis, so their products
    // tile the result; the source is not part of the new buffer.
    unsafe {
        canvas::build(v.shape(), order, |c| {
            let mut choice = vec![0usize; nd];
            loop {
                let mut src = v.reborrow();
                let mut dst = vec![0usize; nd];
                for ax in 0..nd {
                    let (s0, d0, len) = pieces[ax][choice[ax]];
                    src = along(&src, ax, s0, len);
                    dst[ax] = d0;
                }
                c.write(&dst, &src);
                // Next combination of pieces.
                let mut ax = nd;
                loop {
                    if ax == 0 {
                        return;
                    }
                    ax -= 1;
                    choice[ax] += 1;
                    if choice[ax] < pieces[ax].len() {
                        break;
                    }
                    choice[ax] = 0;
                }
            }
        })
    }
}
