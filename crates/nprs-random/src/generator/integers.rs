//! `integers`: bounded integers of every integer dtype (and bool), with broadcasting bounds.

use nprs_core::kernel::Data;
use nprs_core::{Array, ArrayBase, Element};

use super::Generator;
use super::args::{Size, fill};
use crate::bitgen::BitGenerator;
use crate::dist::bounded::{BoundedDraw, SmallBuffer};
use crate::error::{Error, Result};

mod sealed {
    use crate::dist::bounded::BoundedDraw;

    /// The draw machinery behind [`RandomInteger`](super::RandomInteger).
    pub trait Sealed: Sized + nprs_core::Element {
        /// The unsigned type of the same width that the draws are made in.
        type Unsigned: BoundedDraw;
        /// `x mod 2^width` as the unsigned type.
        fn wrap(x: i128) -> Self::Unsigned;
        /// Reinterprets the unsigned value as this type.
        fn from_unsigned(u: Self::Unsigned) -> Self;
        /// Fills `shape` with draws in `[off, off + rng]` (one call's buffer, as NumPy).
        fn fill_bounded<B: crate::BitGenerator + ?Sized>(
            bg: &mut B,
            off: Self::Unsigned,
            rng: Self::Unsigned,
            masked: bool,
            shape: &[usize],
        ) -> crate::Result<nprs_core::Array<Self>> {
            let mut buf = crate::dist::bounded::SmallBuffer::default();
            crate::generator::fill_shape(shape, || {
                Self::from_unsigned(<Self::Unsigned as BoundedDraw>::bounded(bg, off, rng, masked, &mut buf))
            })
        }
    }
}

use sealed::Sealed;

/// The element types `integers` can produce: `i8`…`i64`, `u8`…`u64` and `bool`.
///
/// Each draws in the unsigned type of its width (8-, 16-, 32- or 64-bit), as NumPy does.
pub trait RandomInteger: Element + Sealed {
    /// The smallest value of the type.
    const MIN: i128;
    /// The largest value of the type.
    const MAX: i128;
}

macro_rules! random_integer {
    ($($t:ty => $u:ty),*) => {$(
        impl Sealed for $t {
            type Unsigned = $u;
            #[inline]
            fn wrap(x: i128) -> $u {
                x as $u
            }
            #[inline]
            fn from_unsigned(u: $u) -> $t {
                u as $t
            }
        }
        impl RandomInteger for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
        }
    )*};
}
random_integer!(i8 => u8, i16 => u16, i32 => u32, u8 => u8, u16 => u16, u32 => u32);

macro_rules! random_integer64 {
    ($($t:ty),*) => {$(
        impl Sealed for $t {
            type Unsigned = u64;
            #[inline]
            fn wrap(x: i128) -> u64 {
                x as u64
            }
            #[inline]
            fn from_unsigned(u: u64) -> $t {
                u as $t
            }
            fn fill_bounded<B: crate::BitGenerator + ?Sized>(
                bg: &mut B,
                off: u64,
                rng: u64,
                masked: bool,
                shape: &[usize],
            ) -> crate::Result<nprs_core::Array<$t>> {
                crate::dist::bounded::fill_u64(bg, off, rng, masked, shape, |u| u as $t)
            }
        }
        impl RandomInteger for $t {
            const MIN: i128 = <$t>::MIN as i128;
            const MAX: i128 = <$t>::MAX as i128;
        }
    )*};
}
random_integer64!(i64, u64);

impl Sealed for bool {
    type Unsigned = bool;
    #[inline]
    fn wrap(x: i128) -> bool {
        x & 1 == 1
    }
    #[inline]
    fn from_unsigned(u: bool) -> bool {
        u
    }
}

impl RandomInteger for bool {
    const MIN: i128 = 0;
    const MAX: i128 = 1;
}

/// Integer element types whose values can serve as `integers` bounds.
pub trait IntElement: Element {
    /// The value as an `i128`.
    fn to_i128(self) -> i128;
}

macro_rules! int_element {
    ($($t:ty),*) => {$(
        impl IntElement for $t {
            fn to_i128(self) -> i128 {
                self as i128
            }
        }
    )*};
}
int_element!(i8, i16, i32, i64, u8, u16, u32, u64);

/// A bound of `integers`: a scalar of any integer width (up to `2**64` for `uint64`), or an
/// integer array that broadcasts with the other bound and `size`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntParam {
    /// One bound for every draw.
    Scalar(i128),
    /// Per-draw bounds (shape and values in C order).
    Array {
        /// The shape.
        shape: Vec<usize>,
        /// The values in C order.
        values: Vec<i128>,
    },
}

macro_rules! int_param_scalar {
    ($($t:ty),*) => {$(
        impl From<$t> for IntParam {
            fn from(x: $t) -> Self {
                IntParam::Scalar(x as i128)
            }
        }
    )*};
}
int_param_scalar!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, usize);

impl<T: IntElement, S: Data<Elem = T>> From<&ArrayBase<S>> for IntParam {
    fn from(a: &ArrayBase<S>) -> Self {
        IntParam::Array { shape: a.shape().to_vec(), values: a.iter().map(IntElement::to_i128).collect() }
    }
}

impl<T: IntElement> From<Array<T>> for IntParam {
    fn from(a: Array<T>) -> Self {
        IntParam::from(&a)
    }
}

impl<T: IntElement> From<Vec<T>> for IntParam {
    fn from(v: Vec<T>) -> Self {
        IntParam::Array { shape: vec![v.len()], values: v.into_iter().map(IntElement::to_i128).collect() }
    }
}

impl<T: IntElement> From<&[T]> for IntParam {
    fn from(v: &[T]) -> Self {
        IntParam::Array { shape: vec![v.len()], values: v.iter().map(|&x| x.to_i128()).collect() }
    }
}

impl<T: IntElement, const N: usize> From<[T; N]> for IntParam {
    fn from(v: [T; N]) -> Self {
        IntParam::Array { shape: vec![N], values: v.into_iter().map(IntElement::to_i128).collect() }
    }
}

impl IntParam {
    fn shape(&self) -> &[usize] {
        match self {
            IntParam::Scalar(_) => &[],
            IntParam::Array { shape, .. } => shape,
        }
    }

    fn values(&self) -> &[i128] {
        match self {
            IntParam::Scalar(x) => std::slice::from_ref(x),
            IntParam::Array { values, .. } => values,
        }
    }
}

/// Strides (in elements) that view a C-ordered `shape` as the broadcast `target`.
fn broadcast_offsets(shape: &[usize], target: &[usize]) -> Vec<isize> {
    let cstrides = nprs_core::dims::contiguous_strides(shape, nprs_core::Order::C);
    nprs_core::dims::broadcast_strides(shape, &cstrides, target).map(|s| s.to_vec()).unwrap_or_default()
}

/// NumPy's bound checks for `T`, in order: `low` in range, `high` in range.
fn check_range<T: RandomInteger>(low: &[i128], high: &[i128], closed: bool) -> Result<()> {
    let dtype = T::DTYPE.name();
    if low.iter().any(|&l| l < T::MIN) {
        return Err(Error::BoundOutOfRange { which: "low", dtype });
    }
    let hmax = if closed { T::MAX } else { T::MAX + 1 };
    if high.iter().any(|&h| h > hmax) {
        return Err(Error::BoundOutOfRange { which: "high", dtype });
    }
    Ok(())
}

/// The empty-range check over the broadcast `(low, high)` pairs.
fn check_nonempty(low: &[i128], mut pairs: impl Iterator<Item = (i128, i128)>, closed: bool) -> Result<()> {
    if pairs.any(|(l, h)| if closed { l > h } else { l >= h }) {
        return Err(Error::EmptyRange { closed, low_is_zero: low.iter().all(|&l| l == 0) });
    }
    Ok(())
}

impl<B: BitGenerator> Generator<B> {
    /// Integers in `[low, high)` of type `T` (`integers(low, high, size, dtype=T)`).
    ///
    /// Bounds are scalars or integer arrays that broadcast. NumPy's `integers(high)` is
    /// `integers(0, high, ..)` here. Small types draw from a byte/halfword/bit buffer that
    /// lives for one call, as NumPy's do.
    ///
    /// ```
    /// let mut rng = nprs_random::default_rng(42);
    /// let x = rng.integers::<i64>(0, 10, 5).unwrap();
    /// assert_eq!(x.to_vec(), vec![0, 7, 6, 4, 4]);
    /// ```
    ///
    /// # Errors
    /// Bounds outside `T`'s range ("high is out of bounds for uint8"), an empty range
    /// ("low >= high", "high <= 0"), shapes that do not broadcast, negative dimensions.
    pub fn integers<T: RandomInteger>(
        &mut self,
        low: impl Into<IntParam>,
        high: impl Into<IntParam>,
        size: impl Into<Size>,
    ) -> Result<Array<T>> {
        self.integers_impl(&low.into(), &high.into(), &size.into(), false, false)
    }

    /// Integers in the closed interval `[low, high]` (`integers(..., endpoint=True)`).
    ///
    /// # Errors
    /// As [`integers`](Self::integers) ("low > high", "high < 0").
    pub fn integers_endpoint<T: RandomInteger>(
        &mut self,
        low: impl Into<IntParam>,
        high: impl Into<IntParam>,
        size: impl Into<Size>,
    ) -> Result<Array<T>> {
        self.integers_impl(&low.into(), &high.into(), &size.into(), true, false)
    }

    /// One integer in `[low, high)` of type `T`.
    ///
    /// # Errors
    /// As [`integers`](Self::integers).
    pub fn integers_scalar<T: RandomInteger>(&mut self, low: i128, high: i128) -> Result<T> {
        let a = self.integers_impl::<T>(&IntParam::Scalar(low), &IntParam::Scalar(high), &Size::NONE, false, false)?;
        Ok(a.item()?)
    }

    /// The shared path of `integers` and the legacy `randint` (`masked`: masked rejection).
    pub(crate) fn integers_impl<T: RandomInteger>(
        &mut self,
        low: &IntParam,
        high: &IntParam,
        size: &Size,
        closed: bool,
        masked: bool,
    ) -> Result<Array<T>> {
        // NumPy returns an empty array for a zero-size request before looking at the bounds.
        if super::permute::size_prod_is_zero(size) {
            let shape = size.shape()?.unwrap_or_default();
            return Ok(Array::from_shape_vec(&shape, Vec::new())?);
        }
        if let (IntParam::Scalar(l), IntParam::Scalar(h)) = (low, high) {
            let (l, h) = (*l, *h);
            check_range::<T>(&[l], &[h], closed)?;
            check_nonempty(&[l], std::iter::once((l, h)), closed)?;
            let hi = if closed { h } else { h - 1 };
            let rng = T::wrap(hi - l);
            let off = T::wrap(l);
            let shape = size.shape()?.unwrap_or_default();
            return T::fill_bounded(&mut self.bg, off, rng, masked, &shape);
        }
        // Broadcast path: low, high (and the output) iterate together in C order.
        check_range::<T>(low.values(), high.values(), closed)?;
        let pshape = nprs_core::dims::broadcast_operands(&[low.shape(), high.shape()])?.to_vec();
        let (plo, phi) = (broadcast_offsets(low.shape(), &pshape), broadcast_offsets(high.shape(), &pshape));
        check_nonempty(low.values(), BroadcastPairs::new(&pshape, &plo, &phi, low.values(), high.values()), closed)?;
        let given = size.shape()?;
        let bshape = match &given {
            Some(s) => nprs_core::broadcast_shapes(&[low.shape(), high.shape(), s])?.to_vec(),
            None => pshape.clone(),
        };
        let lo_off = broadcast_offsets(low.shape(), &bshape);
        let hi_off = broadcast_offsets(high.shape(), &bshape);
        let out_shape = given.unwrap_or_else(|| bshape.clone());
        let mut buf = SmallBuffer::default();
        let bg = &mut self.bg;
        // The output takes the first elements of the broadcast iteration (NumPy does not
        // check that `size` covers the bounds' broadcast shape here).
        let mut pairs = BroadcastPairs::new(&bshape, &lo_off, &hi_off, low.values(), high.values());
        fill(&out_shape, || {
            let (l, h) = pairs.next().unwrap_or_default();
            let hi = if closed { h } else { h - 1 };
            T::from_unsigned(T::Unsigned::bounded(bg, T::wrap(l), T::wrap(hi - l), masked, &mut buf))
        })
    }
}

/// `(low, high)` pairs over a broadcast shape, in C order.
struct BroadcastPairs<'a> {
    shape: &'a [usize],
    lo_strides: &'a [isize],
    hi_strides: &'a [isize],
    lo: &'a [i128],
    hi: &'a [i128],
    index: Vec<usize>,
    lo_pos: isize,
    hi_pos: isize,
    remaining: usize,
}

impl<'a> BroadcastPairs<'a> {
    fn new(
        shape: &'a [usize],
        lo_strides: &'a [isize],
        hi_strides: &'a [isize],
        lo: &'a [i128],
        hi: &'a [i128],
    ) -> Self {
        BroadcastPairs {
            shape,
            lo_strides,
            hi_strides,
            lo,
            hi,
            index: vec![0; shape.len()],
            lo_pos: 0,
            hi_pos: 0,
            remaining: shape.iter().try_fold(1usize, |a, &d| a.checked_mul(d)).unwrap_or(usize::MAX),
        }
    }
}

impl Iterator for BroadcastPairs<'_> {
    type Item = (i128, i128);
    fn next(&mut self) -> Option<(i128, i128)> {
        if self.remaining == 0 {
            return None;
        }
        let item = (self.lo[self.lo_pos as usize], self.hi[self.hi_pos as usize]);
        self.remaining -= 1;
        for ax in (0..self.shape.len()).rev() {
            self.index[ax] += 1;
            self.lo_pos += self.lo_strides[ax];
            self.hi_pos += self.hi_strides[ax];
            if self.index[ax] < self.shape[ax] {
                break;
            }
            self.lo_pos -= self.shape[ax] as isize * self.lo_strides[ax];
            self.hi_pos -= self.shape[ax] as isize * self.hi_strides[ax];
            self.index[ax] = 0;
        }
        Some(item)
    }
}
