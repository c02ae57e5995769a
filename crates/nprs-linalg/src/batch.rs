//! The batching layer: a stack of matrices `(..., M, N)` seen in place as faer matrices,
//! batch dimensions broadcast between operands, the batch run in parallel when it pays.
#![allow(unsafe_code)] // faer views of each matrix in place: pointer + strides.

use faer::MatRef;
use nprs_core::{Array, ArrayView, Element, broadcast_shapes};
use rayon::prelude::*;

use crate::error::{Error, Result};

/// A stack of `M x N` matrices over batch dimensions, viewed in place.
pub(crate) struct Stack<'a, T: Element> {
    view: ArrayView<'a, T>,
    /// The batch (loop) dimensions.
    pub batch: Vec<usize>,
    /// Rows of each matrix.
    pub m: usize,
    /// Columns of each matrix.
    pub n: usize,
    /// The view's strides in elements, computed once: [`mat`](Self::mat) runs once per
    /// matrix of a stack of thousands of small ones.
    strides: Vec<isize>,
}

impl<'a, T: Element> Stack<'a, T> {
    /// The matrices of `view`, whose last two dimensions are the matrix dimensions.
    pub(crate) fn matrices(view: ArrayView<'a, T>) -> Result<Self> {
        let nd = view.ndim();
        if nd < 2 {
            return Err(Error::TooFewDims { ndim: nd });
        }
        let shape = view.shape();
        let (batch, m, n) = (shape[..nd - 2].to_vec(), shape[nd - 2], shape[nd - 1]);
        let strides = view.strides_elems().to_vec();
        Ok(Stack { view, batch, m, n, strides })
    }

    /// As [`matrices`](Self::matrices), requiring square matrices.
    pub(crate) fn square(view: ArrayView<'a, T>) -> Result<Self> {
        let s = Self::matrices(view)?;
        if s.m != s.n {
            return Err(Error::NotSquare);
        }
        Ok(s)
    }

    /// The vectors of `view` (last dimension) seen as `M x 1` matrices.
    pub(crate) fn vectors(view: &ArrayView<'a, T>) -> Result<Self> {
        let mut shape = view.shape().to_vec();
        let mut strides = view.strides_elems().to_vec();
        shape.push(1);
        strides.push(0);
        // SAFETY: a trailing axis of length 1 adds no element: every index maps to an
        // element of `view`.
        let v = unsafe { same_data(view, &shape, &strides) };
        Self::matrices(v)
    }

    /// The vectors of `view` (last dimension) seen as `1 x N` matrices.
    pub(crate) fn row_vectors(view: &ArrayView<'a, T>) -> Result<Self> {
        let nd = view.ndim();
        let mut shape = view.shape().to_vec();
        let mut strides = view.strides_elems().to_vec();
        shape.insert(nd - 1, 1);
        strides.insert(nd - 1, 0);
        // SAFETY: an axis of length 1 adds no element: every index maps to an element of
        // `view`.
        let v = unsafe { same_data(view, &shape, &strides) };
        Self::matrices(v)
    }

    /// The matrices one after another, row-major, when the stack is C-contiguous (not
    /// broadcast, not strided).
    pub(crate) fn as_slice(&self) -> Option<&[T]> {
        self.view.as_slice()
    }

    /// Number of matrices in the stack.
    pub(crate) fn count(&self) -> usize {
        self.batch.iter().product()
    }

    /// The same matrices with the batch dimensions broadcast to `batch`.
    pub(crate) fn broadcast(&self, batch: &[usize]) -> Result<Stack<'a, T>> {
        let mut full = batch.to_vec();
        full.extend([self.m, self.n]);
        let v = self.view.reborrow();
        // The view of a view keeps the original lifetime.
        let b = broadcast_view(&v, &full)?;
        let strides = b.strides_elems().to_vec();
        Ok(Stack { view: b, batch: batch.to_vec(), m: self.m, n: self.n, strides })
    }

    /// The `i`-th matrix (batch index in C order), in place.
    #[inline]
    pub(crate) fn mat(&self, i: usize) -> MatRef<'a, T> {
        let strides = &self.strides;
        let nb = self.batch.len();
        let mut off = 0isize;
        if nb == 1 {
            // One batch dimension (the common stack): no division.
            off = i as isize * strides[0];
        } else {
            let mut rest = i;
            for k in (0..nb).rev() {
                let d = self.batch[k];
                off += (rest % d) as isize * strides[k];
                rest /= d;
            }
        }
        let (rs, cs) = (strides[nb], strides[nb + 1]);
        let ptr = self.view.as_ptr();
        // SAFETY: `i` is below the batch size (callers iterate `0..count()`), so `off` is the
        // offset of an element of the view, and every `r * rs + c * cs` for `r < m`, `c < n`
        // addresses an element of the same view; the view borrows the data for `'a` and is
        // read-only, so nothing writes through another path meanwhile. For an empty matrix
        // the pointer is the view's own (non-null, aligned) pointer and is never read.
        unsafe { MatRef::from_raw_parts(ptr.wrapping_offset(off), self.m, self.n, rs, cs) }
    }
}

fn broadcast_view<'a, T: Element>(v: &ArrayView<'a, T>, shape: &[usize]) -> Result<ArrayView<'a, T>> {
    // `broadcast_to` borrows its receiver; rebuild the view with the receiver's lifetime
    // from the strides it computes.
    let strides: Vec<isize> = v.broadcast_to(shape)?.strides_elems().to_vec();
    // SAFETY: `broadcast_to` validated `shape` against `v` and computed these strides for
    // `v`'s pointer, so every index of `shape` maps to an element of `v`.
    Ok(unsafe { same_data(v, shape, &strides) })
}

/// A view of `base`'s data with another shape and strides, for `base`'s lifetime.
///
/// # Safety
/// Every index of `shape` must map, through `strides` from `base`'s pointer, to an
/// element of `base`.
pub(crate) unsafe fn same_data<'a, T: Element>(
    base: &ArrayView<'a, T>,
    shape: &[usize],
    strides: &[isize],
) -> ArrayView<'a, T> {
    // SAFETY: the pointer is `base`'s (non-null); the caller guarantees that the layout
    // only reaches `base`'s elements, which are borrowed read-only for `'a`.
    unsafe {
        ArrayView::from_raw_parts(
            std::ptr::NonNull::new_unchecked(base.as_ptr().cast_mut()),
            shape.iter().copied().collect(),
            strides.iter().copied().collect(),
        )
    }
}

/// The broadcast batch shape of two stacks, with NumPy's gufunc error on a mismatch.
pub(crate) fn broadcast_batch<A: Element, B: Element>(
    a: &Stack<'_, A>,
    b: &Stack<'_, B>,
    full: [&[usize]; 2],
    core: [usize; 2],
    requested: &[usize],
) -> Result<Vec<usize>> {
    broadcast_shapes(&[&a.batch[..], &b.batch[..]]).map(|s| s.to_vec()).map_err(|_| Error::BatchBroadcast {
        shapes: vec![full[0].to_vec(), full[1].to_vec()],
        core: core.to_vec(),
        requested: requested.to_vec(),
    })
}

/// Runs `f(i, out_i)` for each of `count` matrices, where `out_i` is the `i`-th block of
/// `per` elements of the result; in parallel when the batch is large enough that threads
/// pay (`work` estimates the cost of one call in flops). Stops at the first error.
pub(crate) fn run<U, F>(count: usize, per: usize, work: usize, f: F) -> Result<Vec<U>>
where
    U: Element,
    F: Fn(usize, &mut [U]) -> Result<()> + Sync + Send,
{
    run_groups(count, per, 1, work, f)
}

/// [`run`] a group of `group` matrices at a time: `f(first, out)` gets the blocks of the
/// matrices `first..first + out.len() / per` (`group` of them, fewer in the last group).
pub(crate) fn run_groups<U, F>(count: usize, per: usize, group: usize, work: usize, f: F) -> Result<Vec<U>>
where
    U: Element,
    F: Fn(usize, &mut [U]) -> Result<()> + Sync + Send,
{
    let mut out = vec![U::default(); count * per];
    if per == 0 {
        for i in 0..count {
            f(i, &mut [])?;
        }
        return Ok(out);
    }
    let parallel = count > group && count.saturating_mul(work) >= 1 << 16 && rayon::current_num_threads() > 1;
    let chunk = group * per;
    if parallel {
        let min_len = ((1usize << 14) / work.saturating_mul(group).max(1)).max(1);
        out.par_chunks_mut(chunk).with_min_len(min_len).enumerate().try_for_each(|(g, o)| f(g * group, o))?;
    } else {
        for (g, o) in out.chunks_mut(chunk).enumerate() {
            f(g * group, o)?;
        }
    }
    Ok(out)
}

/// An array of `batch + core` from C-ordered elements.
pub(crate) fn shaped<U: Element>(batch: &[usize], core: &[usize], v: Vec<U>) -> Result<Array<U>> {
    let mut shape = batch.to_vec();
    shape.extend_from_slice(core);
    Ok(Array::from_shape_vec(&shape, v)?)
}
