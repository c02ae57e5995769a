//! Gather and scatter kernels shared by advanced indexing, `take`, `put` and the
//! along-axis routines.
//!
//! A selection reads `out[p, j, q] = src[pre[p] + mid(j) + post[q]]`: `pre` and `post` are
//! the element offsets of the sliced axes before and after the advanced block, and
//! `mid(j)` is the offset chosen by the `j`-th position of the (broadcast) index arrays.
//! Indices are validated before a kernel runs, so the kernels themselves never check.
#![allow(unsafe_code)] // raw gathers over validated offsets; each block says why it holds

use std::mem::MaybeUninit;

use rayon::prelude::*;

use crate::dims;
use crate::dtype::Element;
use crate::engine::PAR_THRESHOLD;
use crate::error::{Error, Result};

use super::Idx;

/// A raw pointer that may cross to worker threads (the kernels write disjoint ranges).
#[derive(Clone, Copy)]
pub(crate) struct SendPtr<T>(pub(crate) *mut T);
// SAFETY: the pointee is `Send + Sync` plain data, and the kernels use the pointer only for
// reads of data no one writes meanwhile, or writes to elements no other thread touches.
unsafe impl<T: Send + Sync> Send for SendPtr<T> {}
// SAFETY: as above.
unsafe impl<T: Send + Sync> Sync for SendPtr<T> {}

impl<T> SendPtr<T> {
    /// The pointer (a method, so closures capture the whole `SendPtr`).
    pub(crate) fn get(self) -> *mut T {
        self.0
    }
}

pub(crate) use crate::iter::Walk;

/// The element offsets of a layout, in C order.
pub(crate) fn offsets_of(shape: &[usize], strides: &[isize]) -> Vec<isize> {
    let mut out = vec![0isize];
    for (&d, &s) in shape.iter().zip(strides) {
        let mut next = Vec::with_capacity(out.len() * d);
        for &o in &out {
            next.extend((0..d as isize).map(|k| o + k * s));
        }
        out = next;
    }
    out
}

/// The layout of the sliced axes after the advanced block: how one "row" is laid out.
pub(crate) enum Block {
    /// A single element.
    One,
    /// `n` consecutive elements.
    Contig(usize),
    /// Elements at these offsets.
    Offsets(Vec<isize>),
}

impl Block {
    pub(crate) fn new(shape: &[usize], strides: &[isize]) -> Block {
        let n: usize = shape.iter().product();
        if n == 1 {
            Block::One
        } else if dims::is_c_contiguous(shape, strides) {
            Block::Contig(n)
        } else {
            Block::Offsets(offsets_of(shape, strides))
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Block::One => 1,
            Block::Contig(n) => *n,
            Block::Offsets(v) => v.len(),
        }
    }

    #[inline(always)]
    fn at(&self, q: usize) -> isize {
        match self {
            Block::One => 0,
            Block::Contig(_) => q as isize,
            // SAFETY: callers pass `q < len()`.
            Block::Offsets(v) => unsafe { *v.get_unchecked(q) },
        }
    }
}

/// True when any index lies outside `-len..len`.
#[inline]
fn any_out_of_range<I: Idx>(s: &[I], len: usize) -> bool {
    let n = len as isize;
    let two_n = 2 * len;
    s.chunks(4096).any(|c| c.iter().fold(false, |bad, &x| bad | (x.isz().wrapping_add(n) as usize >= two_n)))
}

/// Checks every index of `idx` against an axis of length `len` (NumPy's message names
/// `axis` and the first offending index in C order).
///
/// Broadcast axes (stride 0) repeat the same indices, so they are checked once each: an
/// index array broadcast to 2**40 positions costs what its own elements cost, and the
/// first offending index in C order is the same.
pub(crate) fn check_bounds<I: Idx>(idx: &crate::array::ArrayView<'_, I>, len: usize, axis: usize) -> Result<()> {
    if idx.shape().iter().zip(idx.strides()).any(|(&d, &s)| s == 0 && d > 1) {
        let shape: dims::Shape =
            idx.shape().iter().zip(idx.strides()).map(|(&d, &s)| if s == 0 { d.min(1) } else { d }).collect();
        let cut = idx.layout.at_offset(0, shape, idx.layout.strides.clone());
        // SAFETY: the same pointer and strides with some lengths cut to at most 1 reach a
        // subset of the elements `idx` reaches, which are readable for its lifetime.
        let distinct = unsafe { crate::array::ArrayView::from_layout(cut) };
        return check_bounds(&distinct, len, axis);
    }
    let first_bad = |it: &mut dyn Iterator<Item = I>| -> Result<()> {
        let n = len as isize;
        for x in it {
            let i = x.isz();
            if i < -n || i >= n {
                return Err(Error::IndexOutOfBounds { index: i, axis, size: len });
            }
        }
        Ok(())
    };
    if let Some(s) = idx.as_slice() {
        let bad = if s.len() >= PAR_THRESHOLD {
            s.par_chunks(1 << 16).any(|c| any_out_of_range(c, len))
        } else {
            any_out_of_range(s, len)
        };
        if bad {
            return first_bad(&mut s.iter().copied());
        }
        return Ok(());
    }
    first_bad(&mut idx.iter())
}

/// `i` (already known to be in `-n..n`) as a non-negative index, without a branch.
#[inline(always)]
pub(crate) fn wrap_negative(i: isize, n: isize) -> isize {
    i + ((i >> (isize::BITS - 1)) & n)
}

/// Fills `out` (rows of `post.len()` elements) from `src`, as described in the module docs.
///
/// # Safety
/// Every `pre[p] + mid(j) + post[q]` must address a readable element of `src`, and
/// `out.len()` must be `pre.len() * m * post.len()`.
pub(crate) unsafe fn gather<T: Element, M: Fn(usize) -> isize + Sync>(
    src: *const T,
    pre: &[isize],
    m: usize,
    mid: &M,
    post: &Block,
    out: &mut [MaybeUninit<T>],
) {
    let plen = post.len();
    if out.is_empty() || plen == 0 || m == 0 {
        return;
    }
    let rows = out.len() / plen;
    let src = SendPtr(src.cast_mut());
    // Small gathers never ask for the thread count: that would start the rayon pool.
    let threads = if out.len() < PAR_THRESHOLD { 1 } else { rayon::current_num_threads() };
    if threads < 2 || rows < 2 {
        // SAFETY: forwarded contract.
        unsafe { gather_rows(src.0, pre, m, mid, post, 0, out) };
        return;
    }
    let per = rows.div_ceil(threads * 4).max(1);
    out.par_chunks_mut(per * plen).enumerate().for_each(|(c, chunk)| {
        // SAFETY: each chunk holds whole rows starting at row `c * per`.
        unsafe { gather_rows(src.get(), pre, m, mid, post, c * per, chunk) };
    });
}

/// Gathers the rows `row0..row0 + out.len() / post.len()` of a selection.
///
/// # Safety
/// As [`gather`].
unsafe fn gather_rows<T: Element, M: Fn(usize) -> isize>(
    src: *const T,
    pre: &[isize],
    m: usize,
    mid: &M,
    post: &Block,
    row0: usize,
    out: &mut [MaybeUninit<T>],
) {
    let plen = post.len();
    let end = row0 + out.len() / plen;
    let mut o = out.as_mut_ptr();
    let mut r = row0;
    // SAFETY: (whole loop) offsets were validated by the caller; `o` stays inside `out`
    // because exactly `plen` elements are written per row.
    unsafe {
        while r < end {
            let (p, j0) = (r / m, r % m);
            let j1 = m.min(j0 + (end - r));
            let base = src.offset(*pre.get_unchecked(p));
            match post {
                Block::One => {
                    for j in j0..j1 {
                        (*o).write(*base.offset(mid(j)));
                        o = o.add(1);
                    }
                }
                Block::Contig(n) => {
                    for j in j0..j1 {
                        std::ptr::copy_nonoverlapping(base.offset(mid(j)), o.cast::<T>(), *n);
                        o = o.add(*n);
                    }
                }
                Block::Offsets(v) => {
                    for j in j0..j1 {
                        let s = base.offset(mid(j));
                        for &q in v {
                            (*o).write(*s.offset(q));
                            o = o.add(1);
                        }
                    }
                }
            }
            r += j1 - j0;
        }
    }
}

/// Where assigned values come from.
pub(crate) enum Values<T> {
    /// One value for every selected element.
    Scalar(T),
    /// A strided array already broadcast to the selection's shape: offsets per part.
    Strided {
        /// First element.
        ptr: *const T,
        /// Offsets of the positions before the advanced block.
        pre: Vec<isize>,
        /// Offsets of the positions of the advanced block.
        mid: Vec<isize>,
        /// Layout of one row.
        post: Block,
    },
}

impl<T: Element> Values<T> {
    /// Values of `ptr`'s layout (already broadcast to `pre ++ mid ++ post`), split in parts.
    pub(crate) fn strided(ptr: *const T, strides: &[isize], pre: &[usize], mid: &[usize], post: &[usize]) -> Self {
        let (a, rest) = strides.split_at(pre.len());
        let (b, c) = rest.split_at(mid.len());
        Values::Strided { ptr, pre: offsets_of(pre, a), mid: offsets_of(mid, b), post: Block::new(post, c) }
    }
}

/// Writes `dst[pre[p] + mid(j) + post[q]] = values[p, j, q]` in C order of `(p, j, q)`,
/// so that for repeated indices the last write wins, as in NumPy.
///
/// # Safety
/// Every destination offset must address a writable element of `dst`; a strided source
/// must address readable elements not overlapping the destination.
pub(crate) unsafe fn scatter<T: Element, M: Fn(usize) -> isize>(
    dst: *mut T,
    pre: &[isize],
    m: usize,
    mid: &M,
    post: &Block,
    values: &Values<T>,
) {
    let plen = post.len();
    // SAFETY: (whole body) the caller's contract covers every offset formed here.
    unsafe {
        match values {
            Values::Scalar(v) => {
                for &p in pre {
                    let base = dst.offset(p);
                    for j in 0..m {
                        let d = base.offset(mid(j));
                        match post {
                            Block::One => *d = *v,
                            _ => {
                                for q in 0..plen {
                                    *d.offset(post.at(q)) = *v;
                                }
                            }
                        }
                    }
                }
            }
            Values::Strided { ptr, pre: vpre, mid: vmid, post: vpost } => {
                for (&p, &vp) in pre.iter().zip(vpre) {
                    let base = dst.offset(p);
                    let vbase = ptr.offset(vp);
                    for (j, &vj) in vmid.iter().enumerate().take(m) {
                        let d = base.offset(mid(j));
                        let s = vbase.offset(vj);
                        match (post, vpost) {
                            (Block::One, _) => *d = *s,
                            (Block::Contig(n), Block::Contig(_)) => std::ptr::copy_nonoverlapping(s, d, *n),
                            _ => {
                                for q in 0..plen {
                                    *d.offset(post.at(q)) = *s.offset(vpost.at(q));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The number of `true` elements (vectorises over bytes).
pub(crate) fn count_true(m: &[bool]) -> usize {
    m.chunks(255).map(|c| usize::from(c.iter().fold(0u8, |acc, &b| acc + u8::from(b)))).sum()
}

/// Chunk length for parallel mask work.
pub(crate) const MASK_CHUNK: usize = 1 << 16;

/// Counts per chunk of `MASK_CHUNK` elements (in parallel when large).
pub(crate) fn chunk_counts<X: Sync>(m: &[X], count: impl Fn(&[X]) -> usize + Sync + Send) -> Vec<usize> {
    if m.len() >= PAR_THRESHOLD && rayon::current_num_threads() > 1 {
        m.par_chunks(MASK_CHUNK).map(count).collect()
    } else {
        m.chunks(MASK_CHUNK).map(count).collect()
    }
}

/// Splits `out` into consecutive pieces of `counts[i] * unit` elements.
pub(crate) fn split_by_counts<'o, X>(mut out: &'o mut [X], counts: &[usize], unit: usize) -> Vec<&'o mut [X]> {
    let mut pieces = Vec::with_capacity(counts.len());
    for &c in counts {
        let (head, tail) = out.split_at_mut(c * unit);
        pieces.push(head);
        out = tail;
    }
    pieces
}
