//! `numpy.vander(x, N, increasing)`: the Vandermonde matrix of a vector.

use crate::array::{Array, ArrayBase};
use crate::error::{Error, Result};
use crate::ops::ElemMul;
use crate::ops::operand::Promote;
use crate::storage::Data;

/// `numpy.vander(x, N=n, increasing=increasing)`: row `i` holds the powers of `x[i]`,
/// `x^(N-1)` down to `x^0` (or up, when `increasing`), with `N = len(x)` for `None`. The
/// element type is NumPy's `promote_types(x.dtype, int)` (`int64` for small integers and
/// bool, `float64` for `float32`), and the powers are repeated products, as NumPy's
/// `multiply.accumulate`.
///
/// ```
/// use nprs_core::prelude::*;
/// let v = nprs_core::vander(&array![1i64, 2, 3], None, false)?;
/// assert_eq!(v.to_vec(), vec![1, 1, 1, 4, 2, 1, 9, 3, 1]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::VanderNotVector`] when `x` is not one-dimensional (NumPy's ValueError).
pub fn vander<S: Data>(
    x: &ArrayBase<S>,
    n: Option<usize>,
    increasing: bool,
) -> Result<Array<<S::Elem as Promote<i64>>::Out>>
where
    S::Elem: Promote<i64>,
    <S::Elem as Promote<i64>>::Out: ElemMul,
{
    if x.ndim() != 1 {
        return Err(Error::VanderNotVector);
    }
    let rows = x.len();
    let cols = n.unwrap_or(rows);
    let one = <S::Elem as Promote<i64>>::right(1);
    let mut out = Vec::with_capacity(rows * cols);
    for v in x.iter() {
        let v = <S::Elem as Promote<i64>>::left(v);
        let start = out.len();
        let mut p = one;
        for k in 0..cols {
            if k > 0 {
                p = if k == 1 { v } else { p.mul(v) };
            }
            out.push(p);
        }
        if !increasing {
            out[start..].reverse();
        }
    }
    Array::from_shape_vec(&[rows, cols], out)
}
