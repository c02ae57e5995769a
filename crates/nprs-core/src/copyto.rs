//! `numpy.copyto(dst, src, casting, where)`: copies one array into another in place, with
//! NumPy's casting rule and an optional mask.

use crate::array::ArrayView;
use crate::dynarray::{DynBase, DynData, DynDataMut};
use crate::error::{Error, Result};
use crate::namespace::ndindex;
use crate::promote::{Casting, can_cast};

/// `numpy.copyto(dst, src, casting=casting, where=mask)`: `src` broadcast to `dst`'s shape
/// and cast to its dtype is written into `dst`, where `mask` (broadcast likewise) is true,
/// or everywhere without a mask. NumPy's default rule is `Casting::SameKind`.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{Casting, DynArray, copyto};
/// let mut dst = DynArray::from(Array::<i64>::zeros(&[2, 3])?);
/// copyto(&mut dst, &DynArray::from(array![1i32, 2, 3]), Casting::SameKind, None)?;
/// assert_eq!(dst.typed::<i64>()?.to_vec(), vec![1, 2, 3, 1, 2, 3]);
/// let e = copyto(&mut dst, &DynArray::from(array![0.5]), Casting::SameKind, None).unwrap_err();
/// assert_eq!(e.to_string(), "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'");
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// [`Error::CastForbidden`] when `casting` forbids the cast (NumPy's TypeError), the
/// broadcasting errors of `src` or `mask` against `dst`, and conversion errors.
pub fn copyto<S: DynData + DynDataMut, S2: DynData>(
    dst: &mut DynBase<S>,
    src: &DynBase<S2>,
    casting: Casting,
    mask: Option<&ArrayView<'_, bool>>,
) -> Result<()> {
    if !can_cast(src.dtype(), dst.dtype(), casting) {
        return Err(Error::CastForbidden { from: src.dtype().clone(), to: dst.dtype().clone(), casting });
    }
    let shape = dst.shape().to_vec();
    let broadcasts = |from: &[usize]| crate::dims::broadcast_shapes(&[from, &shape]).is_ok_and(|s| s[..] == shape[..]);
    if !broadcasts(src.shape()) {
        return Err(Error::BroadcastInput { from: src.shape().to_vec(), to: shape });
    }
    let Some(mask) = mask else { return dst.assign(src) };
    if !broadcasts(mask.shape()) {
        return Err(Error::BroadcastWhere { from: mask.shape().to_vec(), to: shape });
    }
    let cast = src.astype(dst.dtype())?;
    let values = cast.broadcast_to(&shape)?;
    let mask = mask.broadcast_to(&shape)?;
    for index in ndindex(&shape) {
        let index: Vec<isize> = index.iter().map(|&i| i as isize).collect();
        if mask.get(&index)? {
            dst.set(&index, values.get(&index)?)?;
        }
    }
    Ok(())
}
