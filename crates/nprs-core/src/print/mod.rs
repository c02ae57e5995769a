//! Printing: `Display` as NumPy's `str()`, `Debug` as `repr()`.
//!
//! Interim formatting (flat element list with the shape) until the NumPy-exact printer
//! lands in this module.

use std::fmt;

use crate::array::ArrayBase;
use crate::storage::Data;

impl<S: Data> fmt::Debug for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "array({:?}, shape={:?}, dtype={})", self.to_vec(), self.shape(), self.dtype())
    }
}

impl<S: Data> fmt::Display for ArrayBase<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_vec())
    }
}
