//! Shapes, strides and broadcasting rules.

use smallvec::SmallVec;

use crate::error::{Error, Result};

/// A shape: lengths per axis, stored inline for up to six axes.
pub type Shape = SmallVec<[usize; 6]>;
/// Strides (signed; in bytes in an array's layout), stored inline for up to six axes.
pub type Strides = SmallVec<[isize; 6]>;

/// Memory order for creation and copies, as NumPy's `order=` argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Order {
    /// Row-major ('C'): the last index varies fastest.
    #[default]
    C,
    /// Column-major ('F'): the first index varies fastest.
    F,
}

/// The number of elements of `shape`, or [`Error::TooBig`] if it overflows `isize`.
pub fn size_checked(shape: &[usize]) -> Result<usize> {
    let mut n: usize = 1;
    for &d in shape {
        n = n.checked_mul(d).ok_or(Error::TooBig)?;
    }
    if n > isize::MAX as usize {
        return Err(Error::TooBig);
    }
    Ok(n)
}

/// Checks that `shape` holds at most `isize::MAX` bytes of `itemsize`-byte elements, as
/// NumPy checks every array it makes: the product of the non-zero lengths times the item
/// size must fit `isize` — so `(2**40, 0, 2**40)` is refused although it holds nothing.
///
/// Returns the element count.
///
/// # Errors
/// [`Error::TooBig`].
pub fn check_bytes(shape: &[usize], itemsize: usize) -> Result<usize> {
    // NumPy checks the product over non-zero dimensions too: zeros((2**62, 0, 2**62)) fails.
    let mut nz: usize = 1;
    for &d in shape {
        if d != 0 {
            nz = nz.checked_mul(d).ok_or(Error::TooBig)?;
        }
    }
    let bytes = nz.checked_mul(itemsize.max(1)).ok_or(Error::TooBig)?;
    if bytes > isize::MAX as usize {
        return Err(Error::TooBig);
    }
    size_checked(shape)
}

/// Strides (in elements) of a contiguous array of `shape` in `order`.
#[must_use]
pub fn contiguous_strides(shape: &[usize], order: Order) -> Strides {
    let mut strides: Strides = SmallVec::from_elem(0, shape.len());
    let mut acc: isize = 1;
    match order {
        Order::C => {
            for i in (0..shape.len()).rev() {
                strides[i] = acc;
                acc = acc.wrapping_mul(shape[i].max(1) as isize);
            }
        }
        Order::F => {
            for i in 0..shape.len() {
                strides[i] = acc;
                acc = acc.wrapping_mul(shape[i].max(1) as isize);
            }
        }
    }
    strides
}

/// NumPy's contiguity rule for `shape`/`strides` whose unit is `item` bytes (1 for
/// strides counted in elements): in `order`, each axis of length other than one steps over
/// all the elements of the axes inside it; axes of length 1 are ignored and empty arrays
/// are contiguous.
#[must_use]
pub(crate) fn contiguous(shape: &[usize], strides: &[isize], item: usize, order: Order) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut acc = item as isize;
    let mut check = |i: usize| {
        if shape[i] == 1 {
            return true;
        }
        let ok = strides[i] == acc;
        acc = acc.wrapping_mul(shape[i] as isize);
        ok
    };
    match order {
        Order::C => (0..shape.len()).rev().all(&mut check),
        Order::F => (0..shape.len()).all(&mut check),
    }
}

/// True when `shape`/`strides` (in elements) are C-contiguous, by NumPy's rule (axes of
/// length 1 are ignored; empty arrays are contiguous).
#[must_use]
pub fn is_c_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    contiguous(shape, strides, 1, Order::C)
}

/// True when `shape`/`strides` (in elements) are F-contiguous, by NumPy's rule.
#[must_use]
pub fn is_f_contiguous(shape: &[usize], strides: &[isize]) -> bool {
    contiguous(shape, strides, 1, Order::F)
}

/// Normalises a possibly negative axis against `ndim`.
///
/// # Errors
/// [`Error::AxisOutOfBounds`] when `axis` is outside `-ndim..ndim`.
pub fn normalize_axis(axis: isize, ndim: usize) -> Result<usize> {
    let n = ndim as isize;
    if axis < -n || axis >= n {
        return Err(Error::AxisOutOfBounds { axis, ndim });
    }
    Ok(if axis < 0 { (axis + n) as usize } else { axis as usize })
}

/// As [`normalize_axis`], naming the argument in the error as NumPy does
/// (`axis1: axis 3 is out of bounds …`).
///
/// # Errors
/// [`Error::NamedAxisOutOfBounds`].
pub fn normalize_axis_named(axis: isize, ndim: usize, name: &'static str) -> Result<usize> {
    normalize_axis(axis, ndim).map_err(|_| Error::NamedAxisOutOfBounds { name, axis, ndim })
}

/// Normalises a list of axes, rejecting repeats.
///
/// # Errors
/// [`Error::AxisOutOfBounds`] or [`Error::RepeatedAxis`].
pub fn normalize_axes(axes: &[isize], ndim: usize) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let a = normalize_axis(a, ndim)?;
        if out.contains(&a) {
            return Err(Error::RepeatedAxis);
        }
        out.push(a);
    }
    Ok(out)
}

/// Normalises an index into an axis of length `size`.
///
/// # Errors
/// [`Error::IndexOutOfBounds`] when out of range.
pub fn normalize_index(index: isize, axis: usize, size: usize) -> Result<usize> {
    let n = size as isize;
    if index < -n || index >= n {
        return Err(Error::IndexOutOfBounds { index, axis, size });
    }
    Ok(if index < 0 { (index + n) as usize } else { index as usize })
}

/// The product of `shape` as NumPy forms it for iterators and broadcasts: in axis order,
/// stopping at the first zero length, `None` when it passes `isize::MAX` first (so
/// `(2**40, 0, 2**40)` gives 0 and `(2**40, 2**40, 0)` gives `None`).
fn iteration_size(shape: &[usize]) -> Option<usize> {
    let mut n: usize = 1;
    for &d in shape {
        if d == 0 {
            return Some(0);
        }
        n = n.checked_mul(d).filter(|&n| n <= isize::MAX as usize)?;
    }
    Some(n)
}

/// Checks that NumPy could iterate over `shape` ("iterator is too large").
///
/// # Errors
/// [`Error::IteratorTooLarge`].
pub(crate) fn check_iteration_size(shape: &[usize]) -> Result<()> {
    match iteration_size(shape) {
        Some(_) => Ok(()),
        None => Err(Error::IteratorTooLarge),
    }
}

/// Checks that a view of `shape` with `itemsize`-byte elements could exist in NumPy, as
/// `numpy.broadcast_to` checks its target: iterable, then within `isize` bytes.
///
/// # Errors
/// "iterator is too large", then as [`check_bytes`].
pub(crate) fn check_view_shape(shape: &[usize], itemsize: usize) -> Result<()> {
    check_iteration_size(shape)?;
    check_bytes(shape, itemsize).map(|_| ())
}

/// The shape that `shapes` broadcast to, as `numpy.broadcast_shapes`.
///
/// # Errors
/// [`Error::BroadcastShapes`] with NumPy's message naming the first conflicting pair;
/// "broadcast dimensions too large." when the shape's size overflows (in NumPy's order).
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Shape> {
    let out = broadcast_lengths(shapes)?;
    if iteration_size(&out).is_none() {
        return Err(Error::BroadcastTooLarge);
    }
    Ok(out)
}

/// The lengths `shapes` broadcast to, with no check of their product.
fn broadcast_lengths(shapes: &[&[usize]]) -> Result<Shape> {
    let ndim = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out: Shape = SmallVec::from_elem(1, ndim);
    for (i, o) in out.iter_mut().enumerate() {
        let mut src: Option<usize> = None;
        for (j, s) in shapes.iter().enumerate() {
            let Some(k) = (i + s.len()).checked_sub(ndim) else { continue };
            let d = s[k];
            if d == 1 {
                continue;
            }
            match src {
                None => {
                    *o = d;
                    src = Some(j);
                }
                Some(si) if d != *o => {
                    return Err(Error::BroadcastShapes { first: (si, shapes[si].to_vec()), second: (j, s.to_vec()) });
                }
                Some(_) => {}
            }
        }
    }
    Ok(out)
}

/// As [`broadcast_shapes`], with the messages NumPy's operators give
/// ("operands could not be broadcast together with shapes …", "iterator is too large").
///
/// # Errors
/// [`Error::Broadcast`]; [`Error::BroadcastTooLarge`] when the result's size overflows.
pub fn broadcast_operands(shapes: &[&[usize]]) -> Result<Shape> {
    let out = broadcast_lengths(shapes)
        .map_err(|_| Error::Broadcast { shapes: shapes.iter().map(|s| s.to_vec()).collect() })?;
    check_iteration_size(&out)?;
    Ok(out)
}

/// Strides that view an array of `shape`/`strides` as `target` (a broadcast shape):
/// zero strides on new and stretched axes. `None` when it cannot.
#[must_use]
pub fn broadcast_strides(shape: &[usize], strides: &[isize], target: &[usize]) -> Option<Strides> {
    if shape.len() > target.len() {
        return None;
    }
    let off = target.len() - shape.len();
    let mut out: Strides = SmallVec::from_elem(0, target.len());
    for i in 0..shape.len() {
        let t = target[off + i];
        if shape[i] == t {
            out[off + i] = if t == 1 { 0 } else { strides[i] };
        } else if shape[i] == 1 {
            out[off + i] = 0;
        } else {
            return None;
        }
    }
    Some(out)
}
