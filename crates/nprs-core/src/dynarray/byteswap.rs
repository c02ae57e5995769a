//! `ndarray.byteswap()`: the bytes of every element reversed, dtype unchanged.
#![allow(unsafe_code)] // one byte slice over a fresh owned buffer; the block says why it holds

use crate::dims::Order;
use crate::dtype::{DType, DescrKind};

use super::copy::{for_each_leaf, swap_all};
use super::{DynArray, DynBase, DynData};

impl<S: DynData> DynBase<S> {
    /// `numpy.ndarray.byteswap()`: a copy with the bytes of every value reversed and the
    /// dtype unchanged, so the values change (`arr.byteswap().view(arr.dtype.newbyteorder())`
    /// has the original values). Every number of a record or sub-array is swapped in place
    /// within its element, each half of a complex number and each character of a `U`
    /// string separately; `bool`, one-byte integers and `S` strings are left as they are.
    /// NumPy's `inplace=True` is `a = a.byteswap()`.
    ///
    /// ```
    /// use nprs_core::{Descr, DynArray};
    /// use nprs_core::prelude::*;
    /// let a = DynArray::from(array![1i16, 256, -2]);
    /// let b = a.byteswap();
    /// assert_eq!(b.dtype(), a.dtype());
    /// assert_eq!(b.typed::<i16>()?.to_vec(), vec![256, 1, -257]);
    /// // the values come back through the opposite byte order
    /// let other = if cfg!(target_endian = "little") { ">i2" } else { "<i2" };
    /// let back = b.view_dtype(&Descr::parse(other)?)?;
    /// assert_eq!(back.astype(a.dtype())?.typed::<i16>()?.to_vec(), vec![1, 256, -2]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    #[must_use]
    pub fn byteswap(&self) -> DynArray {
        let out = self.to_owned_order(Order::C);
        let mut segs = Vec::new();
        for_each_leaf(&self.descr, 0, &mut |leaf, at| match leaf.kind_of() {
            DescrKind::Numeric(DType::Complex64 | DType::Complex128) => {
                let half = leaf.itemsize() / 2;
                segs.push((at, half));
                segs.push((at + half, half));
            }
            DescrKind::Unicode(n) => segs.extend((0..*n).map(|i| (at + 4 * i, 4))),
            DescrKind::Bytes(_) | DescrKind::Void(_) => {}
            _ if leaf.itemsize() > 1 => segs.push((at, leaf.itemsize())),
            _ => {}
        });
        let (n, item) = (out.nbytes(), out.itemsize());
        // SAFETY: the owned C-contiguous buffer holds `nbytes` initialised bytes from `ptr`,
        // and nothing else refers to it.
        let bytes = unsafe { std::slice::from_raw_parts_mut(out.ptr.as_ptr(), n) };
        swap_all(bytes, item, &segs);
        out
    }
}
