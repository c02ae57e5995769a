//! `packbits` and `unpackbits`: boolean/integer arrays to and from `uint8` bit fields.

use std::str::FromStr;

use crate::array::{Array, ArrayView};
use crate::copy::Cast;
use crate::dims::{self, Order};
use crate::dtype::{DType, Element};
use crate::dynarray::{DynArray, Operand, UnaryKernel, map_unary};
use crate::error::{Error, Result};

/// The order of bits within a byte (`bitorder=`): `Big` puts the first element in the most
/// significant bit, as NumPy's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum BitOrder {
    /// `'big'`: the first element is the most significant bit.
    #[default]
    Big,
    /// `'little'`: the first element is the least significant bit.
    Little,
}

impl FromStr for BitOrder {
    type Err = Error;

    /// `"big"` or `"little"` (NumPy reads the first letter).
    ///
    /// ```
    /// use nprs_core::BitOrder;
    /// assert_eq!("little".parse::<BitOrder>().unwrap(), BitOrder::Little);
    /// assert_eq!("foo".parse::<BitOrder>().unwrap_err().to_string(), "'order' must be either 'little' or 'big'");
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s.as_bytes().first() {
            Some(b'b') => Ok(BitOrder::Big),
            Some(b'l') => Ok(BitOrder::Little),
            _ => Err(Error::BitOrder),
        }
    }
}

/// Non-zero test of any numeric element type, as a `bool` array.
struct NonZero;

impl UnaryKernel for NonZero {
    fn call<T: Element + Cast>(&self, a: ArrayView<'_, T>) -> Result<DynArray> {
        Ok(DynArray::from(crate::kernel::map(&a, |x| x != T::zero())))
    }
}

/// The operand's elements as C-ordered lanes along `axis` (or all of them flattened when
/// `axis` is `None`; a 0-d operand counts as 1-d): the lane-major shape, whose last
/// length is the lane's, and the elements.
fn lanes<T: Element>(a: &ArrayView<'_, T>, axis: Option<isize>) -> Result<(Vec<usize>, usize, Vec<T>)> {
    let a = if a.ndim() == 0 { a.reshape_view(&[1])? } else { a.view() };
    match axis {
        None => Ok((vec![a.size()], 0, a.to_vec())),
        Some(ax) => {
            let ax = dims::normalize_axis(ax, a.ndim())?;
            let moved = a.moveaxis(&[ax as isize], &[-1])?;
            Ok((moved.shape().to_vec(), ax, moved.to_vec()))
        }
    }
}

/// A lane-major result (`shape`, axis last) moved back so the lane axis is `axis`, in C order.
fn unmoved(shape: &[usize], data: Vec<u8>, axis: Option<isize>, ax: usize) -> Result<Array<u8>> {
    let out = Array::from_shape_vec(shape, data)?;
    if axis.is_none() {
        return Ok(out);
    }
    Ok(out.moveaxis(&[-1], &[ax as isize])?.to_owned_order(Order::C))
}

/// `numpy.packbits(a, axis, bitorder)`: the elements of a boolean or integer array (typed
/// or dynamic; non-zero counts as 1) packed eight to a `uint8`, along `axis` or over the
/// flattened array when `axis` is `None`; a last partial byte is padded with zero bits.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{BitOrder, packbits};
/// let a = array![[1, 0, 1], [0, 1, 1]];
/// assert_eq!(packbits(&a, Some(1), BitOrder::Big).unwrap().to_vec(), vec![0b1010_0000, 0b0110_0000]);
/// assert_eq!(packbits(&a, None, BitOrder::Little).unwrap().to_vec(), vec![0b0011_0101]);
/// ```
///
/// # Errors
/// A dtype other than bool or integer ("Expected an input array of integer or boolean data
/// type", a `TypeError`), an axis out of bounds.
pub fn packbits<'a>(a: impl Into<Operand<'a>>, axis: Option<isize>, bitorder: BitOrder) -> Result<Array<u8>> {
    let op = a.into();
    let arr = op.materialize()?;
    let t = arr.dtype().numeric().ok_or(Error::PackBitsDType)?;
    if !matches!(t.kind(), 'b' | 'i' | 'u') {
        return Err(Error::PackBitsDType);
    }
    let bits = map_unary(&arr, &NonZero)?.into_typed::<bool>()?;
    let (mut shape, ax, data) = lanes(&bits.view(), axis)?;
    let n = *shape.last().unwrap_or(&0);
    let nb = n.div_ceil(8);
    let rows: usize = shape[..shape.len() - 1].iter().product();
    let mut out = Vec::with_capacity(rows * nb);
    for r in 0..rows {
        let lane = &data[r * n..(r + 1) * n];
        for chunk in lane.chunks(8) {
            let mut byte = 0u8;
            for (k, &b) in chunk.iter().enumerate() {
                let bit = match bitorder {
                    BitOrder::Big => 7 - k,
                    BitOrder::Little => k,
                };
                byte |= u8::from(b) << bit;
            }
            out.push(byte);
        }
    }
    if let Some(last) = shape.last_mut() {
        *last = nb;
    }
    unmoved(&shape, out, axis, ax)
}

/// `numpy.unpackbits(a, axis, count, bitorder)`: the bits of a `uint8` array (typed or
/// dynamic) as a `uint8` array of 0s and 1s, eight per byte along `axis` (or over the
/// flattened array when `axis` is `None`). `count` keeps that many bits (padding with zeros
/// past the end); a negative `count` drops that many from the end.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::{BitOrder, unpackbits};
/// let a = array![2u8, 7];
/// let bits = unpackbits(&a, None, None, BitOrder::Big).unwrap();
/// assert_eq!(bits.to_vec(), vec![0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
/// let first = unpackbits(&a, None, Some(3), BitOrder::Little).unwrap();
/// assert_eq!(first.to_vec(), vec![0, 1, 0]);
/// ```
///
/// # Errors
/// A dtype other than `uint8` (a `TypeError`), an axis out of bounds, a negative `count`
/// larger than the number of bits.
pub fn unpackbits<'a>(
    a: impl Into<Operand<'a>>,
    axis: Option<isize>,
    count: Option<isize>,
    bitorder: BitOrder,
) -> Result<Array<u8>> {
    let op = a.into();
    let arr = op.materialize()?;
    if arr.dtype().numeric() != Some(DType::UInt8) {
        return Err(Error::UnpackBitsDType);
    }
    let c = arr.as_numeric(DType::UInt8)?;
    let (mut shape, ax, data) = lanes(&c.typed::<u8>()?, axis)?;
    let n = *shape.last().unwrap_or(&0);
    let total = n * 8;
    let keep = match count {
        None => total,
        Some(k) if k >= 0 => k.unsigned_abs(),
        Some(k) => total.checked_sub(k.unsigned_abs()).ok_or(Error::UnpackCount)?,
    };
    let rows: usize = shape[..shape.len() - 1].iter().product();
    let mut out = Vec::with_capacity(rows * keep);
    for r in 0..rows {
        let lane = &data[r * n..(r + 1) * n];
        for k in 0..keep {
            let bit = match lane.get(k / 8) {
                None => 0,
                Some(&byte) => match bitorder {
                    BitOrder::Big => (byte >> (7 - k % 8)) & 1,
                    BitOrder::Little => (byte >> (k % 8)) & 1,
                },
            };
            out.push(bit);
        }
    }
    if let Some(last) = shape.last_mut() {
        *last = keep;
    }
    unmoved(&shape, out, axis, ax)
}
