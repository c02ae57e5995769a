//! Repeating elements: `tile`, `repeat`, `resize`.
//!
//! All three write each distinct block of the result once and then fill the rest of each
//! contiguous stretch by doubling copies within the output (`copy_within`), so the work
//! is a few large memory copies whatever the number of repetitions.
#![allow(unsafe_code)] // results are built in uninitialised buffers; each block says why it holds

use std::mem::MaybeUninit;

use crate::array::{Array, ArrayBase};
use crate::copy::ascontiguousarray;
use crate::dims::{self, Order};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::storage::Data;
use crate::zip;

use super::args::{AxisArg, Ints};
use super::join::atleast_nd;

/// Writes `src` into the first `src.len()` slots of `dst`.
fn put<T: Copy>(dst: &mut [MaybeUninit<T>], src: &[T]) {
    dst[..src.len()].write_copy_of_slice(src);
}

/// Bytes of the block that `replicate` copies over and over once it has grown: small
/// enough to stay in the first-level caches, large enough for fast copies.
const BLOCK_BYTES: usize = 16 * 1024;

/// Fills `seg` by repeating its first `filled` (initialised) slots: the block doubles
/// until it reaches [`BLOCK_BYTES`], then is copied as a whole.
fn replicate<T: Copy>(seg: &mut [MaybeUninit<T>], filled: usize) {
    if filled == 0 {
        return;
    }
    let target = (BLOCK_BYTES / size_of::<T>().max(1)).max(filled);
    let mut have = filled;
    while have < seg.len() && have < target {
        let n = have.min(seg.len() - have);
        seg.copy_within(0..n, have);
        have += n;
    }
    let block = have;
    while have < seg.len() {
        let n = block.min(seg.len() - have);
        seg.copy_within(0..n, have);
        have += n;
    }
}

/// Writes each element of `data` `r` times in a row.
fn repeat_each<T: Copy>(out: &mut [MaybeUninit<T>], data: &[T], r: usize) {
    fn fixed<T: Copy, const R: usize>(out: &mut [MaybeUninit<T>], data: &[T]) {
        for (d, &x) in out.chunks_exact_mut(R).zip(data) {
            for slot in d {
                slot.write(x);
            }
        }
    }
    match r {
        0 => {}
        1 => put(out, data),
        2 => fixed::<T, 2>(out, data),
        3 => fixed::<T, 3>(out, data),
        4 => fixed::<T, 4>(out, data),
        _ => {
            for (d, &x) in out.chunks_exact_mut(r).zip(data) {
                d.fill(MaybeUninit::new(x));
            }
        }
    }
}

/// `numpy.tile`: the array repeated `reps` times along each axis. With more `reps` than
/// dimensions the array gets leading axes of length one; with fewer, `reps` gets leading
/// ones.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::tile;
///
/// let a = array![0, 1, 2];
/// assert_eq!(tile(&a, 2).unwrap(), array![0, 1, 2, 0, 1, 2]);
/// assert_eq!(tile(&a, [2, 2]).unwrap(), array![[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]]);
/// let b = array![[1, 2], [3, 4]];
/// assert_eq!(tile(&b, [2, 1]).unwrap(), array![[1, 2], [3, 4], [1, 2], [3, 4]]);
/// ```
///
/// # Errors
/// A negative repetition count ("negative dimensions are not allowed").
pub fn tile<S: Data>(a: &ArrayBase<S>, reps: impl Into<Ints>) -> Result<Array<S::Elem>> {
    let reps = reps.into().to_vec();
    let v = a.view();
    let c = atleast_nd(&v, reps.len());
    let nd = c.ndim();
    let mut tup = vec![1isize; nd - reps.len()];
    tup.extend_from_slice(&reps);
    if reps.iter().all(|&r| r == 1) {
        return Ok(c.to_owned());
    }
    if tup.iter().any(|&r| r < 0) {
        if c.size() > 0 {
            return Err(Error::NegativeDimensions);
        }
        // NumPy reshapes the empty array to the products, where a negative entry is an
        // unknown length.
        // NumPy forms these products as Python integers and fails converting one past
        // `intp` to a length.
        let out: Vec<isize> = c
            .shape()
            .iter()
            .zip(&tup)
            .map(|(&s, &t)| s.cast_signed().checked_mul(t).ok_or(Error::MaxDimensionExceeded))
            .collect::<Result<_>>()?;
        match out.iter().filter(|&&d| d < 0).count() {
            0 => {}
            1 => return Err(Error::Reshape { size: 0, shape: out }),
            _ => return Err(Error::ReshapeUnknown),
        }
    }
    let shape: Vec<usize> = c
        .shape()
        .iter()
        .zip(&tup)
        .map(|(&s, &t)| s.checked_mul(t.max(0) as usize).ok_or(Error::TooBig))
        .collect::<Result<_>>()?;
    dims::check_bytes(&shape, size_of::<S::Elem>())?;
    let out_strides = dims::contiguous_strides(&shape, Order::C);
    // SAFETY: the source block is written at the origin, then each axis from the last to
    // the first is completed by copying already written blocks; together they cover every
    // element (see `tile_fill`).
    unsafe {
        Array::build_uninit(&shape, Order::C, |buf| {
            if buf.is_empty() {
                return;
            }
            zip::map_raw(buf.as_mut_ptr().cast::<S::Elem>(), &out_strides, &c, &|x| x);
            tile_fill(buf, c.shape(), &tup, &out_strides);
        })
    }
}

/// Completes a C-ordered tiled buffer whose origin block (`src_shape`) is written.
fn tile_fill<T: Copy>(buf: &mut [MaybeUninit<T>], src_shape: &[usize], tup: &[isize], strides: &[isize]) {
    for ax in (0..src_shape.len()).rev() {
        let reps = tup[ax] as usize;
        if reps == 1 {
            continue;
        }
        let inner = strides[ax] as usize;
        let filled = src_shape[ax] * inner;
        let seg_len = filled * reps;
        // Every combination of written indices on the axes before `ax` starts a stretch.
        let mut idx = vec![0usize; ax];
        loop {
            let base: usize = idx.iter().zip(strides).map(|(&i, &s)| i * s as usize).sum();
            replicate(&mut buf[base..base + seg_len], filled);
            let mut k = ax;
            loop {
                if k == 0 {
                    break;
                }
                k -= 1;
                idx[k] += 1;
                if idx[k] < src_shape[k] {
                    break;
                }
                idx[k] = 0;
            }
            if idx.iter().all(|&i| i == 0) {
                break;
            }
        }
    }
}

/// `numpy.repeat`: each element (or sub-array along `axis`) repeated. `repeats` is one
/// count for all, or one count per entry along the axis; `axis = None` repeats the
/// flattened elements.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::repeat;
///
/// let x = array![[1, 2], [3, 4]];
/// assert_eq!(repeat(&x, 2, None).unwrap(), array![1, 1, 2, 2, 3, 3, 4, 4]);
/// assert_eq!(repeat(&x, 3, 1).unwrap(), array![[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]]);
/// assert_eq!(repeat(&x, [1, 2], 0).unwrap(), array![[1, 2], [3, 4], [3, 4]]);
/// ```
///
/// # Errors
/// An axis out of bounds; a list of counts whose length is neither one nor the axis
/// length; negative counts.
pub fn repeat<S: Data>(a: &ArrayBase<S>, repeats: impl Into<Ints>, axis: impl Into<AxisArg>) -> Result<Array<S::Elem>> {
    let axis = axis.into().single()?;
    let (shape, ax): (Vec<usize>, usize) = match axis {
        None => (vec![a.size()], 0),
        Some(x) => (a.shape().to_vec(), dims::normalize_axis(x, a.ndim())?),
    };
    let n = shape[ax];
    let (counts, total, same): (Vec<usize>, usize, bool) = match repeats.into() {
        Ints::One(r) => broadcast_count(r, n)?,
        Ints::Many(v) if v.len() == 1 => broadcast_count(v[0], n)?,
        Ints::Many(v) => {
            if v.len() != n {
                return Err(Error::RepeatsLength { len: n, repeats: v.len() });
            }
            if v.iter().any(|&r| r < 0) {
                return Err(Error::NegativeRepeats);
            }
            let counts: Vec<usize> = v.iter().map(|&r| r as usize).collect();
            let total = counts.iter().try_fold(0usize, |acc, &r| acc.checked_add(r)).ok_or(Error::TooBig)?;
            (counts, total, false)
        }
    };
    let mut out_shape = shape.clone();
    out_shape[ax] = total;
    let src = ascontiguousarray(a);
    let data = src.as_slice().expect("C-contiguous");
    let outer: usize = shape[..ax].iter().product();
    let inner: usize = shape[ax + 1..].iter().product();
    // SAFETY: each (outer index, entry) pair writes `count * inner` consecutive slots,
    // walking the C-ordered result from start to end, which covers it exactly.
    unsafe {
        Array::build_uninit(&out_shape, Order::C, |buf| {
            if buf.is_empty() {
                return;
            }
            if inner == 1 && same {
                // Every element repeated the same number of times, in C order.
                repeat_each(buf, data, counts[0]);
                return;
            }
            let mut pos = 0usize;
            for o in 0..outer {
                for (j, &r) in counts.iter().enumerate() {
                    let len = r * inner;
                    if len == 0 {
                        continue;
                    }
                    let seg = &mut buf[pos..pos + len];
                    let at = (o * n + j) * inner;
                    if inner == 1 {
                        seg.fill(MaybeUninit::new(data[at]));
                    } else {
                        put(seg, &data[at..at + inner]);
                        replicate(seg, inner);
                    }
                    pos += len;
                }
            }
        })
    }
}

/// One count for all `n` entries: NumPy computes the total first, so a negative count
/// fails only when there are entries to repeat.
fn broadcast_count(r: isize, n: usize) -> Result<(Vec<usize>, usize, bool)> {
    let t = (r as i128) * (n as i128);
    if t < 0 {
        return Err(Error::NegativeDimensions);
    }
    Ok((vec![r.max(0) as usize; n], usize::try_from(t).map_err(|_| Error::TooBig)?, true))
}

/// `numpy.resize`: a new array of `new_shape` filled with the elements of `a` (in C
/// order) repeated cyclically; zeros when either `a` or the new shape is empty.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::resize;
///
/// let r = resize(&array![1, 2, 3], [2, 4]).unwrap();
/// assert_eq!(r, array![[1, 2, 3, 1], [2, 3, 1, 2]]);
/// assert_eq!(resize(&array![1, 2, 3], 2).unwrap(), array![1, 2]);
/// ```
///
/// # Errors
/// Negative entries ("all elements of `new_shape` must be non-negative").
pub fn resize<S: Data>(a: &ArrayBase<S>, new_shape: impl Into<Ints>) -> Result<Array<S::Elem>> {
    let shape = new_shape.into().to_vec();
    if shape.iter().any(|&d| d < 0) {
        return Err(Error::ResizeNegative);
    }
    let shape: Vec<usize> = shape.iter().map(|&d| d as usize).collect();
    let new_size = dims::check_bytes(&shape, size_of::<S::Elem>())?;
    if a.size() == 0 || new_size == 0 {
        return Array::zeros(&shape);
    }
    let src = ascontiguousarray(a);
    let data = src.as_slice().expect("C-contiguous");
    // SAFETY: the first `min(size, new_size)` slots are copied, the rest repeat them.
    unsafe {
        Array::build_uninit(&shape, Order::C, |buf| {
            let k = data.len().min(new_size);
            put(buf, &data[..k]);
            replicate(buf, k);
        })
    }
}

impl<T: Element> Array<T> {
    /// `ndarray.resize(new_shape)`: changes the array's shape in place; the elements in
    /// memory order are cut short or extended with zeros (unlike the function [`resize`],
    /// which repeats them). A Fortran-ordered array stays Fortran-ordered.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    ///
    /// let mut a = array![1, 2, 3];
    /// a.resize(5).unwrap();
    /// assert_eq!(a, array![1, 2, 3, 0, 0]);
    /// a.resize(2).unwrap();
    /// assert_eq!(a, array![1, 2]);
    /// ```
    ///
    /// # Errors
    /// Negative lengths ("negative dimensions not allowed"), or a size too large to
    /// allocate.
    pub fn resize(&mut self, new_shape: impl Into<Ints>) -> Result<()> {
        let shape = new_shape.into().to_vec();
        if shape.iter().any(|&d| d < 0) {
            return Err(Error::ResizeNegativeInPlace);
        }
        let shape: Vec<usize> = shape.iter().map(|&d| d as usize).collect();
        let n = dims::check_bytes(&shape, size_of::<T>())?;
        let order = zip::result_order(&[(self.shape(), &self.strides_elems())]);
        let old = self.to_owned_order(order);
        let data = old.as_slice_memory_order().expect("a fresh copy is contiguous");
        let k = data.len().min(n);
        // SAFETY: the first `k` slots are copied and the rest set to zero.
        let new = unsafe {
            Array::build_uninit(&shape, order, |buf| {
                put(buf, &data[..k]);
                buf[k..].fill(MaybeUninit::new(T::zero()));
            })
        }?;
        *self = new;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replicate_doubles_then_copies_blocks() {
        for (filled, len) in [(2usize, 7usize), (3, 50_000), (5000, 123_457), (1, 1)] {
            let mut buf = vec![MaybeUninit::new(0u16); len];
            let src: Vec<u16> = (0..filled as u16).collect();
            put(&mut buf, &src);
            replicate(&mut buf, filled);
            // SAFETY: every slot was initialised at creation.
            let got: Vec<u16> = buf.iter().map(|x| unsafe { x.assume_init() }).collect();
            assert!(got.iter().enumerate().all(|(i, &x)| x as usize == i % filled), "filled {filled}, len {len}");
        }
    }

    #[test]
    fn repeat_each_small_and_large_counts() {
        for r in [0usize, 1, 2, 3, 4, 7] {
            let data = [1i32, 2, 3];
            let mut buf = vec![MaybeUninit::new(0i32); 3 * r];
            repeat_each(&mut buf, &data, r);
            // SAFETY: every slot was initialised at creation.
            let got: Vec<i32> = buf.iter().map(|x| unsafe { x.assume_init() }).collect();
            let want: Vec<i32> = data.iter().flat_map(|&x| std::iter::repeat_n(x, r)).collect();
            assert_eq!(got, want);
        }
    }
}
