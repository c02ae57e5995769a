//! Fallible allocation: memory the system refuses becomes NumPy's `MemoryError`
//! ([`Error::Alloc`] for an array's elements, [`Error::OutOfMemory`] for anything else)
//! instead of aborting the process.
//!
//! ```
//! use nprs_core::mem;
//! let v: Vec<f64> = mem::array_vec(&[3, 4]).unwrap();
//! assert!(v.capacity() >= 12);
//! let err = mem::array_vec::<f64>(&[1 << 40]).unwrap_err();
//! assert_eq!(
//!     err.to_string(),
//!     "Unable to allocate 8.00 TiB for an array with shape (1099511627776,) and data type float64"
//! );
//! assert!(mem::vec_with_capacity::<u8>(usize::MAX).is_err());
//! ```

use crate::dims;
use crate::dtype::Element;
use crate::error::{Error, Result};

/// The error for `n` more items of `T` that could not be had.
fn out_of_memory<T>(n: usize) -> Error {
    Error::OutOfMemory { bytes: n.saturating_mul(size_of::<T>()) }
}

/// Reserves room for `additional` more items in `v` ([`Vec::try_reserve`]).
///
/// # Errors
/// [`Error::OutOfMemory`] when the system refuses.
pub fn reserve<T>(v: &mut Vec<T>, additional: usize) -> Result<()> {
    v.try_reserve(additional).map_err(|_| out_of_memory::<T>(v.len().saturating_add(additional)))
}

/// An empty `Vec` with room for exactly `n` items.
///
/// # Errors
/// [`Error::OutOfMemory`] when the system refuses.
pub fn vec_with_capacity<T>(n: usize) -> Result<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| out_of_memory::<T>(n))?;
    Ok(v)
}

/// An empty `Vec` with room for exactly the elements of an array of `shape`.
///
/// # Errors
/// [`Error::TooBig`] when the shape's byte count overflows, [`Error::Alloc`] (NumPy's
/// array MemoryError, naming the shape and dtype) when the system refuses.
pub fn array_vec<T: Element>(shape: &[usize]) -> Result<Vec<T>> {
    let n = dims::check_bytes(shape, size_of::<T>())?;
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| Error::alloc::<T>(n, shape))?;
    Ok(v)
}

/// Reserves room for `additional` more bytes in `s` ([`String::try_reserve`]).
///
/// # Errors
/// [`Error::OutOfMemory`] when the system refuses.
pub fn reserve_str(s: &mut String, additional: usize) -> Result<()> {
    s.try_reserve(additional).map_err(|_| Error::OutOfMemory { bytes: s.len().saturating_add(additional) })
}
