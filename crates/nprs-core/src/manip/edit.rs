//! Editing along an axis: `insert`, `delete`, `trim_zeros`.
#![allow(unsafe_code)] // results are assembled in uninitialised buffers; each block says why it holds

use smallvec::SmallVec;

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::{self, Order};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::slice::{SliceArg, slice_indices};
use crate::storage::Data;
use crate::zip;

use super::args::{AsArrayView, AxisArg, Positions, along};
use super::canvas;
use super::join::atleast_nd;

/// The array an edit works on (flattened when `axis` is `None` and it is not 1-d) and the
/// normalised axis.
fn edit_target<'a, T: Element>(base: &'a ArrayView<'_, T>, axis: AxisArg) -> Result<(crate::CowArray<'a, T>, usize)> {
    match axis.single()? {
        None if base.ndim() == 1 => Ok((base.view().into(), 0)),
        None => Ok((base.ravel(), 0)),
        Some(x) => Ok((base.view().into(), dims::normalize_axis(x, base.ndim())?)),
    }
}

/// NumPy's `arrorder`: Fortran for Fortran-but-not-C inputs.
fn order_of<T: Element>(a: &ArrayView<'_, T>) -> Order {
    zip::result_order(&[(a.shape(), &a.strides_elems())])
}

/// `v` with leading axes of length one dropped until it has at most `ndim` axes, as NumPy
/// does before broadcasting an assigned value.
fn strip_leading_ones<'a, T: Element>(v: &ArrayView<'a, T>, ndim: usize) -> ArrayView<'a, T> {
    let mut out = v.reborrow();
    while out.ndim() > ndim && out.shape()[0] == 1 {
        out = out.slice_move(&[SliceArg::Index(0)]).expect("index 0 of a length-one axis");
    }
    out
}

/// Numpy's `str()` of a 1-d boolean array (for error messages): `[False  True]`.
fn bool_array_str(m: &[bool]) -> String {
    let items: Vec<&str> = m.iter().map(|&b| if b { " True" } else { "False" }).collect();
    format!("[{}]", items.join(" "))
}

/// Writes the entries of `a` along `axis` whose positions in `keep` are true, in order, at
/// the positions of `dest` (an increasing list of destination indices along the axis).
///
/// # Safety
/// The destinations must lie inside the canvas along `axis`.
unsafe fn write_runs<T: Element>(
    c: &canvas::Canvas<T>,
    a: &ArrayView<'_, T>,
    axis: usize,
    src: &[usize],
    dest: &[usize],
) {
    let mut i = 0;
    let mut start = vec![0usize; a.ndim()];
    while i < src.len() {
        let mut j = i + 1;
        while j < src.len() && src[j] == src[j - 1] + 1 && dest[j] == dest[j - 1] + 1 {
            j += 1;
        }
        start[axis] = dest[i];
        // SAFETY: forwarded; `a` is not part of the new buffer.
        unsafe { c.write(&start, &along(a, axis, src[i], j - i)) };
        i = j;
    }
}

/// `numpy.insert`: `values` inserted before the given positions along `axis` (`None`:
/// into the flattened array).
///
/// `obj` is a single index (the values fill a new slab there, broadcast to its shape), a
/// list of indices or a slice (one new entry before each index; duplicates allowed), or a
/// boolean mask (insertion before each true position). `values` may be a scalar, a Rust
/// array or any array.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::insert;
///
/// let a = array![[1, 1], [2, 2], [3, 3]];
/// assert_eq!(insert(&a, 1, &5, None).unwrap(), array![1, 5, 1, 2, 2, 3, 3]);
/// assert_eq!(insert(&a, 1, &[4, 5, 6], 1).unwrap(), array![[1, 4, 1], [2, 5, 2], [3, 6, 3]]);
/// let b = array![1, 2, 3, 4];
/// assert_eq!(insert(&b, [1, 3], &[8, 9], None).unwrap(), array![1, 8, 2, 3, 9, 4]);
/// ```
///
/// # Errors
/// Positions out of bounds, `values` that do not broadcast to the inserted entries, and an
/// axis out of bounds, with NumPy's messages.
pub fn insert<S, V>(
    arr: &ArrayBase<S>,
    obj: impl Into<Positions>,
    values: &V,
    axis: impl Into<AxisArg>,
) -> Result<Array<S::Elem>>
where
    S: Data,
    V: AsArrayView<Elem = S::Elem> + ?Sized,
{
    let base = arr.view();
    let (target, ax) = edit_target(&base, axis.into())?;
    let a = target.view();
    let n = a.shape()[ax];
    let vals = values.as_array_view();
    match obj.into() {
        Positions::Index(i) => insert_one(&a, ax, i, &i.to_string(), true, &vals),
        Positions::List(v) if v.len() == 1 => insert_one(&a, ax, v[0], &format!("[{}]", v[0]), false, &vals),
        Positions::List(v) => insert_many(&a, ax, &v, &vals),
        Positions::Slice { start, stop, step } => {
            let (st, step, count) = slice_indices(start, stop, step, n)?;
            let idx: Vec<isize> = (0..count as isize).map(|k| st + k * step).collect();
            if idx.len() == 1 {
                insert_one(&a, ax, idx[0], &idx[0].to_string(), false, &vals)
            } else {
                insert_many(&a, ax, &idx, &vals)
            }
        }
        Positions::Mask(m) => {
            let idx: Vec<isize> = m.iter().enumerate().filter(|(_, b)| **b).map(|(i, _)| i as isize).collect();
            if idx.len() == 1 {
                insert_one(&a, ax, idx[0], &bool_array_str(&m), false, &vals)
            } else {
                insert_many(&a, ax, &idx, &vals)
            }
        }
    }
}

/// One insertion position: `values` (given at least `a`'s dimensions; for a scalar
/// index its first axis moved to `axis`) fills a slab before `index`.
fn insert_one<T: Element>(
    a: &ArrayView<'_, T>,
    ax: usize,
    index: isize,
    shown: &str,
    scalar: bool,
    vals: &ArrayView<'_, T>,
) -> Result<Array<T>> {
    let n = a.shape()[ax];
    if index < -(n as isize) || index > n as isize {
        return Err(Error::InsertIndex { shown: shown.to_string(), axis: ax, size: n });
    }
    let index = if index < 0 { (index + n as isize) as usize } else { index as usize };
    let v1 = atleast_nd(vals, a.ndim());
    let v2 = if scalar { v1.moveaxis(&[0], &[ax as isize])? } else { v1.view() };
    let numnew = v2.shape()[ax];
    let mut slab = a.shape().to_vec();
    slab[ax] = numnew;
    let stripped = strip_leading_ones(&v2, slab.len());
    let vb = stripped
        .broadcast_to(&slab)
        .map_err(|_| Error::BroadcastInput { from: stripped.shape().to_vec(), to: slab.clone() })?;
    let mut shape = a.shape().to_vec();
    shape[ax] += numnew;
    let order = order_of(a);
    // SAFETY: the part before `index`, the new slab and the part after it tile the result
    // along `ax`; the inputs are not part of the new buffer.
    unsafe {
        canvas::build(&shape, order, |c| {
            let mut start = vec![0usize; shape.len()];
            c.write(&start, &along(a, ax, 0, index));
            start[ax] = index;
            c.write(&start, &vb);
            start[ax] = index + numnew;
            c.write(&start, &along(a, ax, index, n - index));
        })
    }
}

/// Several insertion positions: one new entry before each.
fn insert_many<T: Element>(
    a: &ArrayView<'_, T>,
    ax: usize,
    indices: &[isize],
    vals: &ArrayView<'_, T>,
) -> Result<Array<T>> {
    let n = a.shape()[ax];
    let numnew = indices.len();
    let mut idx: Vec<i128> = indices.iter().map(|&i| if i < 0 { i as i128 + n as i128 } else { i as i128 }).collect();
    let mut order: Vec<usize> = (0..numnew).collect();
    order.sort_by_key(|&k| idx[k]); // stable, as NumPy's mergesort
    for (rank, &k) in order.iter().enumerate() {
        idx[k] += rank as i128;
    }
    let m = n + numnew;
    let mut keep = vec![true; m];
    let mut pos = Vec::with_capacity(numnew);
    for &p in &idx {
        if p < -(m as i128) || p >= m as i128 {
            return Err(Error::InsertIndex { shown: p.to_string(), axis: 0, size: m });
        }
        let p = if p < 0 { (p + m as i128) as usize } else { p as usize };
        keep[p] = false;
        pos.push(p);
    }
    let mut slab = a.shape().to_vec();
    slab[ax] = numnew;
    let stripped = strip_leading_ones(vals, slab.len());
    let vb = stripped
        .broadcast_to(&slab)
        .map_err(|_| Error::ValueShape { value: vals.shape().to_vec(), result: slab.clone() })?;
    let dest: Vec<usize> = (0..m).filter(|&p| keep[p]).collect();
    if dest.len() != n {
        let mut shape = a.shape().to_vec();
        shape[ax] = dest.len();
        return Err(if a.ndim() == 1 {
            Error::MaskAssignCount { values: n, count: dest.len() }
        } else {
            Error::ValueShape { value: a.shape().to_vec(), result: shape }
        });
    }
    let mut shape = a.shape().to_vec();
    shape[ax] = m;
    let src: Vec<usize> = (0..n).collect();
    // SAFETY: the new entries go to the distinct positions `pos`, the old ones to the
    // remaining positions `dest`; together they are every index along `ax`.
    unsafe {
        canvas::build(&shape, order_of(a), |c| {
            let mut start = vec![0usize; shape.len()];
            for (k, &p) in pos.iter().enumerate() {
                start[ax] = p;
                c.write(&start, &along(&vb, ax, k, 1));
            }
            write_runs(c, a, ax, &src, &dest);
        })
    }
}

/// `numpy.delete`: a copy without the entries at the given positions along `axis`
/// (`None`: of the flattened array). `obj` is an index, a list of indices (repeats and
/// negative indices allowed), a slice, or a boolean mask of the axis' length.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{delete, Positions};
///
/// let a = array![[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
/// assert_eq!(delete(&a, 1, 0).unwrap(), array![[1, 2, 3, 4], [9, 10, 11, 12]]);
/// assert_eq!(delete(&a, Positions::slice(None, None, 2), 1).unwrap(), array![[2, 4], [6, 8], [10, 12]]);
/// assert_eq!(delete(&a, [1, 3, 5], None).unwrap(), array![1, 3, 5, 7, 8, 9, 10, 11, 12]);
/// ```
///
/// # Errors
/// Indices out of bounds, a mask of the wrong length, or an axis out of bounds.
pub fn delete<S: Data>(
    arr: &ArrayBase<S>,
    obj: impl Into<Positions>,
    axis: impl Into<AxisArg>,
) -> Result<Array<S::Elem>> {
    let base = arr.view();
    let (target, ax) = edit_target(&base, axis.into())?;
    let a = target.view();
    let n = a.shape()[ax];
    let mut keep = vec![true; n];
    let mut order = order_of(&a);
    let single = |i: isize, keep: &mut Vec<bool>| -> Result<()> {
        let k = dims::normalize_index(i, ax, n)?;
        keep[k] = false;
        Ok(())
    };
    match obj.into() {
        Positions::Index(i) => single(i, &mut keep)?,
        Positions::List(v) if v.len() == 1 => single(v[0], &mut keep)?,
        Positions::List(v) => {
            order = Order::C;
            for &i in &v {
                let k = dims::normalize_index(i, 0, n)?;
                keep[k] = false;
            }
        }
        Positions::Slice { start, stop, step } => {
            let (st, step, count) = slice_indices(start, stop, step, n)?;
            for k in 0..count as isize {
                keep[(st + k * step) as usize] = false;
            }
        }
        Positions::Mask(m) => {
            if m.len() != n {
                return Err(Error::DeleteMask { len: n });
            }
            order = Order::C;
            for (k, &b) in keep.iter_mut().zip(&m) {
                *k = !b;
            }
        }
    }
    let src: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
    let dest: Vec<usize> = (0..src.len()).collect();
    let mut shape = a.shape().to_vec();
    shape[ax] = src.len();
    // SAFETY: the kept entries are written to consecutive positions `0..len`, every index
    // of the result's axis.
    unsafe { canvas::build(&shape, order, |c| write_runs(c, &a, ax, &src, &dest)) }
}

/// Python's `repr` of a string (for error messages).
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `numpy.trim_zeros`: a view without the leading (`'f'`), trailing (`'b'`) or both
/// (`"fb"`) zeros. For N-d arrays the bounding box of the non-zero elements is kept
/// along the chosen axes (`None`: all).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::trim_zeros;
///
/// let a = array![0, 0, 0, 1, 2, 3, 0, 2, 1, 0];
/// assert_eq!(trim_zeros(&a, "fb", None).unwrap().to_vec(), vec![1, 2, 3, 0, 2, 1]);
/// assert_eq!(trim_zeros(&a, "b", None).unwrap().to_vec(), vec![0, 0, 0, 1, 2, 3, 0, 2, 1]);
/// let m = array![[0, 0, 0], [0, 1, 0], [0, 0, 2]];
/// assert_eq!(trim_zeros(&m, "fb", None).unwrap(), array![[1, 0], [0, 2]]);
/// ```
///
/// # Errors
/// A `trim` other than `f`, `b`, `fb`, `bf` (any case), or bad axes.
pub fn trim_zeros<'a, S: Data>(
    filt: &'a ArrayBase<S>,
    trim: &str,
    axis: impl Into<AxisArg>,
) -> Result<ArrayView<'a, S::Elem>> {
    let trim = trim.to_lowercase();
    if !matches!(trim.as_str(), "fb" | "bf" | "f" | "b") {
        return Err(Error::TrimChars { repr: py_repr(&trim) });
    }
    let nd = filt.ndim();
    let axes: Vec<usize> = match axis.into() {
        AxisArg::None => (0..nd).collect(),
        AxisArg::One(a) => vec![normalize_axis_arg(a, nd)?],
        AxisArg::Many(v) => {
            let mut out = Vec::with_capacity(v.len());
            for &a in &v {
                out.push(normalize_axis_arg(a, nd)?);
            }
            let mut sorted = out.clone();
            sorted.sort_unstable();
            sorted.dedup();
            if sorted.len() != out.len() {
                return Err(Error::RepeatedAxisArgument);
            }
            out
        }
    };
    let v = filt.view();
    if axes.is_empty() {
        return Ok(v);
    }
    let bounds = nonzero_bounds(&v);
    let mut args: SmallVec<[SliceArg; 6]> = SmallVec::from_elem(SliceArg::FULL, nd);
    for &ax in &axes {
        let (start, stop) = match &bounds {
            None => (Some(0), Some(0)),
            Some(b) => {
                let (lo, hi) = b[ax];
                (trim.contains('f').then_some(lo as isize), trim.contains('b').then_some(hi as isize + 1))
            }
        };
        args[ax] = SliceArg::Slice { start, stop, step: 1 };
    }
    v.slice_move(&args)
}

fn normalize_axis_arg(a: isize, nd: usize) -> Result<usize> {
    dims::normalize_axis_named(a, nd, "axis")
}

/// The smallest and largest index of a non-zero element along every axis, or `None`
/// when every element is zero.
fn nonzero_bounds<T: Element>(v: &ArrayView<'_, T>) -> Option<Vec<(usize, usize)>> {
    let nd = v.ndim();
    let zero = T::zero();
    let mut bounds: Option<Vec<(usize, usize)>> = None;
    // Walk the elements in C order, keeping the multi-index with an odometer.
    let mut idx = vec![0usize; nd];
    for x in v.iter() {
        if x != zero {
            let b = bounds.get_or_insert_with(|| idx.iter().map(|&i| (i, i)).collect());
            for (bb, &i) in b.iter_mut().zip(&idx) {
                bb.0 = bb.0.min(i);
                bb.1 = bb.1.max(i);
            }
        }
        for ax in (0..nd).rev() {
            idx[ax] += 1;
            if idx[ax] < v.shape()[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
    bounds
}
