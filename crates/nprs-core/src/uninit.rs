//! A safe API over uninitialised array memory (`numpy.empty` without the undefined
//! behaviour): allocate, write every element, then take the array.
#![allow(unsafe_code)] // uninitialised buffers; each block says why it holds

use std::mem::MaybeUninit;

use smallvec::SmallVec;

use crate::array::Array;
use crate::dims::{self, Order, Shape};
use crate::dtype::Element;
use crate::error::Result;
use crate::storage::OwnedRepr;

/// An allocated array whose elements are not written yet.
///
/// Obtained from [`Array::uninit`]. Elements are reached as `MaybeUninit<T>` slots in
/// memory order; the safe ways out ([`fill`](Self::fill), [`init_with`](Self::init_with))
/// write every element, and [`assume_init`](Self::assume_init) is for callers that wrote
/// them through [`as_mut_slice`](Self::as_mut_slice).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = Array::<f64>::uninit(&[2, 3]).unwrap().init_with(|idx| (idx[0] * 10 + idx[1]) as f64);
/// assert_eq!(a.to_vec(), vec![0.0, 1.0, 2.0, 10.0, 11.0, 12.0]);
/// ```
pub struct UninitArray<T: Element> {
    data: OwnedRepr<T>,
    shape: Shape,
    order: Order,
}

impl<T: Element> Array<T> {
    /// Allocates an array of `shape` (C order) without writing its elements.
    ///
    /// # Errors
    /// [`crate::Error::TooBig`] / [`crate::Error::Alloc`] for sizes that cannot be allocated.
    pub fn uninit(shape: &[usize]) -> Result<UninitArray<T>> {
        Self::uninit_order(shape, Order::C)
    }

    /// As [`uninit`](Self::uninit), in the given memory order.
    ///
    /// # Errors
    /// As [`uninit`](Self::uninit).
    pub fn uninit_order(shape: &[usize], order: Order) -> Result<UninitArray<T>> {
        let n = dims::check_bytes(shape, size_of::<T>())?;
        // SAFETY: the slots are only exposed as MaybeUninit until every one is written.
        let data = unsafe { OwnedRepr::uninit(n, shape)? };
        Ok(UninitArray { data, shape: SmallVec::from_slice(shape), order })
    }
}

impl<T: Element> UninitArray<T> {
    /// The shape.
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The slots in memory order (C or F, as allocated).
    pub fn as_mut_slice(&mut self) -> &mut [MaybeUninit<T>] {
        // SAFETY: the buffer holds `len` slots; MaybeUninit<T> has T's layout.
        unsafe { std::slice::from_raw_parts_mut(self.data.as_ptr().as_ptr().cast(), self.data.len()) }
    }

    /// Writes `value` everywhere and returns the array.
    #[must_use]
    pub fn fill(mut self, value: T) -> Array<T> {
        for slot in self.as_mut_slice() {
            slot.write(value);
        }
        // SAFETY: every slot was just written.
        unsafe { self.assume_init() }
    }

    /// Writes `f(index)` at every multi-index and returns the array.
    #[must_use]
    pub fn init_with(mut self, mut f: impl FnMut(&[usize]) -> T) -> Array<T> {
        let shape = self.shape.clone();
        let strides = dims::contiguous_strides(&shape, self.order);
        let slots = self.as_mut_slice();
        let mut idx: Shape = SmallVec::from_elem(0, shape.len());
        for _ in 0..slots.len() {
            let off: isize = idx.iter().zip(&strides).map(|(&i, &s)| i as isize * s).sum();
            slots[off as usize].write(f(&idx));
            for ax in (0..shape.len()).rev() {
                idx[ax] += 1;
                if idx[ax] < shape[ax] {
                    break;
                }
                idx[ax] = 0;
            }
        }
        // SAFETY: the walk visited every multi-index once, so every slot was written.
        unsafe { self.assume_init() }
    }

    /// Writes the array block by block, over the rayon pool when it is large:
    /// `f(start, slots, companion)` gets the slots `start..start + slots.len()` (memory
    /// order) with the same range of `companion`, and returns the same slots as written
    /// values — the `&mut [T]` that `write_copy_of_slice`
    /// returns, for one. A pass that fills an array and a second one of the same length (a
    /// mask) together, with no zeroing first.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let src: Vec<f64> = (0..10).map(f64::from).collect();
    /// let mut twice = vec![0.0; 10];
    /// let a = Array::<f64>::uninit(&[10])?.par_init_blocks(4, &mut twice, |start, slots, t| {
    ///     let w = slots.write_copy_of_slice(&src[start..start + slots.len()]);
    ///     for (t, &v) in t.iter_mut().zip(w.iter()) {
    ///         *t = 2.0 * v;
    ///     }
    ///     w
    /// });
    /// assert_eq!(a.to_vec(), src);
    /// assert_eq!(twice[9], 18.0);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Panics
    /// When `companion` is not as long as the array, `block` is zero, or `f` returns
    /// anything but its own slots.
    #[must_use]
    pub fn par_init_blocks<U, F>(mut self, block: usize, companion: &mut [U], f: F) -> Array<T>
    where
        U: Send,
        F: for<'s> Fn(usize, &'s mut [MaybeUninit<T>], &mut [U]) -> &'s mut [T] + Sync,
    {
        use rayon::prelude::*;
        assert!(block > 0, "blocks of at least one element");
        let slots = self.as_mut_slice();
        assert_eq!(companion.len(), slots.len(), "a companion as long as the array");
        let one = |(k, (s, c)): (usize, (&mut [MaybeUninit<T>], &mut [U]))| {
            let (p, n) = (s.as_ptr(), s.len());
            let w = f(k * block, s, c);
            // A `&mut [T]` over these slots exists only once they are written.
            assert!(std::ptr::eq(w.as_ptr().cast(), p) && w.len() == n, "the block's own slots, written");
        };
        if slots.len() < crate::engine::PAR_THRESHOLD {
            slots.chunks_mut(block).zip(companion.chunks_mut(block)).enumerate().for_each(one);
        } else {
            slots.par_chunks_mut(block).zip(companion.par_chunks_mut(block)).enumerate().for_each(one);
        }
        // SAFETY: every block's slots were returned as written `T`s (checked above), and
        // the blocks cover the buffer.
        unsafe { self.assume_init() }
    }

    /// Writes the whole buffer at once and returns the array: `f` gets every slot (memory
    /// order) and returns the same slots as written values, as `write_copy_of_slice` does.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let a = Array::<i32>::uninit(&[3])?.init_slice(|slots| slots.write_copy_of_slice(&[3, 1, 2]));
    /// assert_eq!(a.to_vec(), vec![3, 1, 2]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Panics
    /// When `f` returns anything but its own slots.
    #[must_use]
    pub fn init_slice(mut self, f: impl FnOnce(&mut [MaybeUninit<T>]) -> &mut [T]) -> Array<T> {
        let slots = self.as_mut_slice();
        let (p, n) = (slots.as_ptr(), slots.len());
        let w = f(slots);
        // A `&mut [T]` over these slots exists only once they are written.
        assert!(std::ptr::eq(w.as_ptr().cast(), p) && w.len() == n, "the array's own slots, written");
        // SAFETY: every slot was returned as a written `T` (checked above).
        unsafe { self.assume_init() }
    }

    /// The array, trusting that every slot was written.
    ///
    /// # Safety
    /// Every element of [`as_mut_slice`](Self::as_mut_slice) must have been written.
    #[must_use]
    pub unsafe fn assume_init(self) -> Array<T> {
        let strides = crate::layout::contiguous_bytes(&self.shape, size_of::<T>(), self.order);
        Array::from_owned(self.data, self.shape, strides, 0)
    }
}
