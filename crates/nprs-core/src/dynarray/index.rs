//! Advanced indexing of dynamic arrays (`a[[0, 2]]`, `a[rows, cols]`, `a[mask]`) for every
//! dtype: the typed indexing machinery selects the elements — as byte offsets, so NumPy's
//! result shapes, index rules and error messages are the typed arrays' own — and whole
//! elements are then copied byte for byte, whatever their dtype.
#![allow(unsafe_code)] // byte copies between element slots; each block says why it holds

use super::{DynArray, DynBase, DynData};
use crate::array::{Array, ArrayBase};
use crate::error::Result;
use crate::index::IndexArg;
use crate::iter::Walk;
use crate::storage::Data;

impl<S: DynData> DynBase<S> {
    /// The byte offset (from the first element) of every element, in the array's shape.
    fn element_offsets(&self) -> Array<i64> {
        let offsets: Vec<i64> = Walk::new(&self.shape, &self.strides).map(|o| o as i64).collect();
        Array::from_shape_vec(&self.shape, offsets).expect("one offset per element")
    }

    /// A new C-ordered array of the elements at `offsets` (in `offsets`' shape).
    fn gather(&self, offsets: &Array<i64>) -> Result<DynArray> {
        let out = DynArray::zeros(offsets.shape(), &self.descr)?;
        let item = self.itemsize();
        let dst = out.ptr.as_ptr();
        for (k, off) in offsets.iter().enumerate() {
            // SAFETY: `off` is the offset of an element of `self` (it came from
            // `element_offsets`), `out` is a fresh C-contiguous array of `offsets.size()`
            // elements of the same itemsize, and the two do not overlap.
            unsafe { std::ptr::copy_nonoverlapping(self.ptr.as_ptr().offset(off as isize), dst.add(k * item), item) };
        }
        Ok(out)
    }

    /// A copy of the elements selected by NumPy's advanced indexing (`a[idx, 1:, mask]`),
    /// as [`ArrayBase::index`] does for typed arrays.
    ///
    /// ```
    /// use nprs_core::{DynArray, idx};
    /// let words = DynArray::from_strs(&["apple", "kiwi", "fig"]);
    /// let picked = words.index(idx![vec![2i64, 0]]).unwrap();
    /// assert_eq!(format!("{picked:?}"), "array(['fig', 'apple'], dtype='<U5')");
    /// ```
    ///
    /// # Errors
    /// As [`ArrayBase::index`]: out-of-bounds indices, mismatched masks, index arrays that do
    /// not broadcast, too many indices (NumPy's messages).
    pub fn index(&self, args: &[IndexArg<'_>]) -> Result<DynArray> {
        self.gather(&self.element_offsets().index(args)?)
    }

    /// `a[mask]`: the elements where `mask` is true, as a 1-d copy (the mask may cover the
    /// leading axes only), as [`ArrayBase::mask_select`] does for typed arrays.
    ///
    /// # Errors
    /// A mask whose shape does not match (NumPy's message).
    pub fn mask_select<SM: Data<Elem = bool>>(&self, mask: &ArrayBase<SM>) -> Result<DynArray> {
        self.gather(&self.element_offsets().mask_select(mask)?)
    }
}
