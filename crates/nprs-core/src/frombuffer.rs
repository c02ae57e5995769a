//! `numpy.frombuffer(buffer, dtype, count, offset)`: a one-dimensional array read from raw
//! bytes.

use crate::dtype::Descr;
use crate::dynarray::DynArray;
use crate::error::{Error, Result};

/// `numpy.frombuffer(buffer, dtype=dtype, count=count, offset=offset)`: the elements of
/// `dtype` stored in `buffer` from byte `offset` on, `count` of them (`None`, NumPy's
/// `-1`: as many as the rest holds). nprs copies the bytes where NumPy makes a read-only
/// view of the buffer.
///
/// ```
/// use nprs_core::{Descr, frombuffer};
/// let bytes: Vec<u8> = (0..10).collect();
/// let a = frombuffer(&bytes, &Descr::parse("<i2")?, Some(2), 3)?;
/// assert_eq!(a.typed::<i16>()?.to_vec(), vec![1027, 1541]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's ValueErrors: [`Error::BufferOffset`] for an offset past the end,
/// [`Error::BufferMultiple`] when, without a count, the rest is not a whole number of
/// elements, [`Error::BufferSmall`] when it holds fewer than `count`.
pub fn frombuffer(buffer: &[u8], dtype: &Descr, count: Option<usize>, offset: usize) -> Result<DynArray> {
    if offset > buffer.len() {
        return Err(Error::BufferOffset { len: buffer.len() });
    }
    let rest = &buffer[offset..];
    let itemsize = dtype.itemsize();
    let n = match count {
        None if itemsize == 0 => 0,
        None if !rest.len().is_multiple_of(itemsize) => return Err(Error::BufferMultiple),
        None => rest.len() / itemsize,
        Some(n) if n.checked_mul(itemsize).is_none_or(|need| need > rest.len()) => return Err(Error::BufferSmall),
        Some(n) => n,
    };
    DynArray::from_bytes(&rest[..n * itemsize], dtype, &[n])
}
