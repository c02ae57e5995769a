//! Advanced indexing with NumPy's rules: integer index arrays, boolean masks, and the
//! routines built on them (`take`, `put`, `nonzero`, `argwhere`, `ix_`, `compress`,
//! `take_along_axis` …).
//!
//! [`ArrayBase::index`] is NumPy's `a[...]` for any mix of integers, slices, new axes, an
//! ellipsis, integer index arrays and boolean masks; [`ArrayBase::index_assign`] is
//! `a[...] = values`. Like NumPy, selecting with arrays or masks gives a copy, and assigning
//! through them writes into the array in place. Index arrays broadcast against each other;
//! when advanced indices are separated by a slice, an ellipsis or a new axis, their
//! broadcast dimensions come first in the result, as in NumPy.
//!
//! Build index lists with [`idx!`](crate::idx) (entries as in [`s!`](crate::s), plus
//! arrays, vectors and masks) or with `IndexArg::from`:
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::idx;
//!
//! let a = Array::<i64>::arange(12).into_shape(&[3, 4]).unwrap();
//! let rows = array![0i64, 2];
//! let cols = array![1i64, 3];
//! // a[rows, cols]: the elements at (0, 1) and (2, 3)
//! assert_eq!(a.index(idx![&rows, &cols]).unwrap().to_vec(), vec![1, 11]);
//! // a[[0, 2], 1:3]
//! assert_eq!(a.index(idx![vec![0, 2], 1..3]).unwrap().to_vec(), vec![1, 2, 9, 10]);
//! // a[a > 5]
//! let mask = nprs_core::kernel::map(&a, |x| x > 5);
//! assert_eq!(a.mask_select(&mask).unwrap().to_vec(), vec![6, 7, 8, 9, 10, 11]);
//! ```
#![allow(unsafe_code)] // reinterpreting uint64 index views as int64; the block says why it holds

mod along;
mod apply;
mod bits;
mod equal;
mod fancy;
mod helpers;
mod kernels;
mod mask;
mod nonzero;
mod plan;
mod take;

use std::fmt;
use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

use crate::array::{Array, ArrayBase, ArrayView, CowArray};
use crate::dtype::{DType, Element};
use crate::layout::Layout;
use crate::slice::SliceArg;
use crate::storage::Data;

pub use along::{put_along_axis, take_along_axis};
pub use apply::{apply_along_axis, apply_over_axes};
pub use bits::{BitOrder, packbits, unpackbits};
pub use equal::{array_equal, array_equiv};
pub use helpers::{
    diag_indices, diag_indices_from, fill_diagonal, mask_indices, ravel_multi_index, tril_indices, tril_indices_from,
    triu_indices, triu_indices_from, unravel_index,
};
pub use mask::{compress, extract};
pub use nonzero::{argwhere, flatnonzero, ix_, nonzero};
pub use take::{ClipMode, put, take};

/// An integer index array of any integer element type, borrowed or owned.
///
/// Made with `IndexArray::from` (or `.into()`) from an integer array, a view, a `Vec` or a
/// slice (including `isize` and `usize` ones, which become `int64` arrays). `uint64`
/// indices are read as `intp` the way NumPy casts them: `u64::MAX` is `-1`.
pub enum IndexArray<'a> {
    /// `int8` indices.
    I8(CowArray<'a, i8>),
    /// `int16` indices.
    I16(CowArray<'a, i16>),
    /// `int32` indices.
    I32(CowArray<'a, i32>),
    /// `int64` indices.
    I64(CowArray<'a, i64>),
    /// `uint8` indices.
    U8(CowArray<'a, u8>),
    /// `uint16` indices.
    U16(CowArray<'a, u16>),
    /// `uint32` indices.
    U32(CowArray<'a, u32>),
    /// `uint64` indices.
    U64(CowArray<'a, u64>),
}

macro_rules! each_index_array {
    ($e:expr, $a:ident => $body:expr) => {
        match $e {
            IndexArray::I8($a) => $body,
            IndexArray::I16($a) => $body,
            IndexArray::I32($a) => $body,
            IndexArray::I64($a) => $body,
            IndexArray::U8($a) => $body,
            IndexArray::U16($a) => $body,
            IndexArray::U32($a) => $body,
            IndexArray::U64($a) => $body,
        }
    };
}

/// Index values in the two layouts the kernels are written for.
pub(crate) enum KIdx<'v> {
    /// `int64` (also `uint64`, reinterpreted, and the small types, widened).
    I64(CowArray<'v, i64>),
    /// `int32`.
    I32(CowArray<'v, i32>),
}

/// An integer element the gather kernels read directly.
pub(crate) trait Idx: Element {
    /// The index as NumPy's `intp`.
    fn isz(self) -> isize;
}

impl Idx for i64 {
    #[inline(always)]
    fn isz(self) -> isize {
        self as isize
    }
}

impl Idx for i32 {
    #[inline(always)]
    fn isz(self) -> isize {
        self as isize
    }
}

impl<'a> IndexArray<'a> {
    /// The shape of the index array.
    ///
    /// ```
    /// use nprs_core::IndexArray;
    /// assert_eq!(IndexArray::from(vec![1i64, 2, 3]).shape(), &[3]);
    /// ```
    #[must_use]
    pub fn shape(&self) -> &[usize] {
        each_index_array!(self, a => a.shape())
    }

    /// The number of dimensions.
    ///
    /// ```
    /// use nprs_core::IndexArray;
    /// assert_eq!(IndexArray::from(vec![1i64, 2, 3]).ndim(), 1);
    /// ```
    #[must_use]
    pub fn ndim(&self) -> usize {
        self.shape().len()
    }

    /// The number of indices.
    ///
    /// ```
    /// use nprs_core::IndexArray;
    /// assert_eq!(IndexArray::from(vec![1u8, 2]).size(), 2);
    /// ```
    #[must_use]
    pub fn size(&self) -> usize {
        self.shape().iter().product()
    }

    /// The dtype of the index array.
    ///
    /// ```
    /// use nprs_core::{DType, IndexArray};
    /// assert_eq!(IndexArray::from(vec![1i32]).dtype(), DType::Int32);
    /// assert_eq!(IndexArray::from(vec![1usize]).dtype(), DType::Int64);
    /// ```
    #[must_use]
    pub fn dtype(&self) -> DType {
        match self {
            IndexArray::I8(_) => DType::Int8,
            IndexArray::I16(_) => DType::Int16,
            IndexArray::I32(_) => DType::Int32,
            IndexArray::I64(_) => DType::Int64,
            IndexArray::U8(_) => DType::UInt8,
            IndexArray::U16(_) => DType::UInt16,
            IndexArray::U32(_) => DType::UInt32,
            IndexArray::U64(_) => DType::UInt64,
        }
    }

    /// The indices as `intp` values in C order (`uint64` wraps as NumPy casts it).
    ///
    /// ```
    /// use nprs_core::IndexArray;
    /// assert_eq!(IndexArray::from(vec![u64::MAX, 2]).to_isize_vec(), vec![-1, 2]);
    /// ```
    #[must_use]
    pub fn to_isize_vec(&self) -> Vec<isize> {
        each_index_array!(self, a => a.iter().map(IntIndexElem::as_intp).collect())
    }

    /// An index array that borrows this one.
    ///
    /// ```
    /// use nprs_core::IndexArray;
    /// let i = IndexArray::from(vec![3i64]);
    /// assert_eq!(i.reborrow().to_isize_vec(), vec![3]);
    /// ```
    #[must_use]
    pub fn reborrow(&self) -> IndexArray<'_> {
        match self {
            IndexArray::I8(a) => IndexArray::I8(a.view().into()),
            IndexArray::I16(a) => IndexArray::I16(a.view().into()),
            IndexArray::I32(a) => IndexArray::I32(a.view().into()),
            IndexArray::I64(a) => IndexArray::I64(a.view().into()),
            IndexArray::U8(a) => IndexArray::U8(a.view().into()),
            IndexArray::U16(a) => IndexArray::U16(a.view().into()),
            IndexArray::U32(a) => IndexArray::U32(a.view().into()),
            IndexArray::U64(a) => IndexArray::U64(a.view().into()),
        }
    }

    /// The indices in a layout the kernels read (no copy for `int64`, `uint64`, `int32`).
    pub(crate) fn kernel(&self) -> KIdx<'_> {
        fn widen<'v, T: IntIndexElem>(a: &CowArray<'_, T>) -> KIdx<'v> {
            KIdx::I64(crate::zip::map(a, |x| x.as_intp() as i64).into())
        }
        match self {
            IndexArray::I64(a) => KIdx::I64(a.view().into()),
            IndexArray::I32(a) => KIdx::I32(a.view().into()),
            IndexArray::U64(a) => {
                // SAFETY: u64 and i64 have the same size, alignment and valid bit patterns;
                // the view covers exactly the elements of `a`, read-only, for `a`'s borrow.
                let v = unsafe {
                    ArrayView::from_layout(Layout::typed(a.ptr.cast::<i64>(), a.shape.clone(), a.strides.clone()))
                };
                KIdx::I64(v.into())
            }
            IndexArray::I8(a) => widen(a),
            IndexArray::I16(a) => widen(a),
            IndexArray::U8(a) => widen(a),
            IndexArray::U16(a) => widen(a),
            IndexArray::U32(a) => widen(a),
        }
    }

    /// The single index of a 0-d index array.
    pub(crate) fn scalar(&self) -> Option<isize> {
        if self.ndim() == 0 { self.to_isize_vec().first().copied() } else { None }
    }
}

impl fmt::Debug for IndexArray<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IndexArray({}, shape={:?}, {:?})", self.dtype(), self.shape(), self.to_isize_vec())
    }
}

mod sealed {
    pub trait Sealed {}
}

/// Element types that can index an array: the integer types (index arrays) and `bool`
/// (masks). Sealed.
pub trait IndexElem: Element + sealed::Sealed {
    /// Wraps an array of this element type as an index entry.
    #[doc(hidden)]
    fn into_index_arg(a: CowArray<'_, Self>) -> IndexArg<'_>;
}

/// Integer element types usable as index arrays. Sealed.
pub trait IntIndexElem: IndexElem {
    /// Wraps an array of this element type as an index array.
    #[doc(hidden)]
    fn into_index_array(a: CowArray<'_, Self>) -> IndexArray<'_>;
    /// The value as NumPy's `intp` (unsigned 64-bit values wrap).
    #[doc(hidden)]
    fn as_intp(self) -> isize;
}

macro_rules! int_index_elem {
    ($($t:ty => $v:ident),*) => {$(
        impl sealed::Sealed for $t {}
        impl IndexElem for $t {
            fn into_index_arg(a: CowArray<'_, Self>) -> IndexArg<'_> {
                IndexArg::Array(IndexArray::$v(a))
            }
        }
        impl IntIndexElem for $t {
            fn into_index_array(a: CowArray<'_, Self>) -> IndexArray<'_> {
                IndexArray::$v(a)
            }
            #[inline(always)]
            #[allow(clippy::cast_possible_wrap)] // NumPy casts uint64 indices to intp unsafely
            fn as_intp(self) -> isize {
                self as isize
            }
        }
    )*};
}
int_index_elem!(i8 => I8, i16 => I16, i32 => I32, i64 => I64, u8 => U8, u16 => U16, u32 => U32, u64 => U64);

impl sealed::Sealed for bool {}
impl IndexElem for bool {
    fn into_index_arg(a: CowArray<'_, Self>) -> IndexArg<'_> {
        IndexArg::Mask(a)
    }
}

impl<'a, S: Data> From<&'a ArrayBase<S>> for IndexArray<'a>
where
    S::Elem: IntIndexElem,
{
    fn from(a: &'a ArrayBase<S>) -> Self {
        <S::Elem as IntIndexElem>::into_index_array(a.view().into())
    }
}

impl<'a, T: IntIndexElem> From<ArrayView<'a, T>> for IndexArray<'a> {
    fn from(a: ArrayView<'a, T>) -> Self {
        T::into_index_array(a.into())
    }
}

impl<'a, T: IntIndexElem> From<Array<T>> for IndexArray<'a> {
    fn from(a: Array<T>) -> Self {
        T::into_index_array(a.into())
    }
}

impl<'a, T: IntIndexElem> From<Vec<T>> for IndexArray<'a> {
    fn from(v: Vec<T>) -> Self {
        T::into_index_array(Array::from_vec(v).into())
    }
}

impl<'a, T: IntIndexElem> From<&'a [T]> for IndexArray<'a> {
    fn from(v: &'a [T]) -> Self {
        T::into_index_array(ArrayView::from_slice(v).into())
    }
}

impl<'a, T: IntIndexElem> From<&'a Vec<T>> for IndexArray<'a> {
    fn from(v: &'a Vec<T>) -> Self {
        T::into_index_array(ArrayView::from_slice(v).into())
    }
}

impl<'a, T: IntIndexElem, const N: usize> From<[T; N]> for IndexArray<'a> {
    fn from(v: [T; N]) -> Self {
        T::into_index_array(Array::from_vec(v.to_vec()).into())
    }
}

macro_rules! from_pointer_sized {
    ($($t:ty),*) => {$(
        impl<'a> From<Vec<$t>> for IndexArray<'a> {
            #[allow(clippy::cast_possible_wrap)] // usize indices wrap as NumPy's uint64 do
            fn from(v: Vec<$t>) -> Self {
                IndexArray::I64(Array::from_vec(v.into_iter().map(|x| x as i64).collect()).into())
            }
        }
        impl<'a> From<&[$t]> for IndexArray<'a> {
            #[allow(clippy::cast_possible_wrap)]
            fn from(v: &[$t]) -> Self {
                IndexArray::I64(Array::from_vec(v.iter().map(|&x| x as i64).collect()).into())
            }
        }
        impl<'a> From<&Vec<$t>> for IndexArray<'a> {
            fn from(v: &Vec<$t>) -> Self {
                IndexArray::from(v.as_slice())
            }
        }
        impl<'a, const N: usize> From<[$t; N]> for IndexArray<'a> {
            fn from(v: [$t; N]) -> Self {
                IndexArray::from(&v[..])
            }
        }
        impl<'a> From<Vec<$t>> for IndexArg<'a> {
            fn from(v: Vec<$t>) -> Self {
                IndexArg::Array(v.into())
            }
        }
        impl<'a> From<&[$t]> for IndexArg<'a> {
            fn from(v: &[$t]) -> Self {
                IndexArg::Array(v.into())
            }
        }
        impl<'a> From<&Vec<$t>> for IndexArg<'a> {
            fn from(v: &Vec<$t>) -> Self {
                IndexArg::Array(v.into())
            }
        }
        impl<'a, const N: usize> From<[$t; N]> for IndexArg<'a> {
            fn from(v: [$t; N]) -> Self {
                IndexArg::Array(v.into())
            }
        }
    )*};
}
from_pointer_sized!(isize, usize);

/// One entry of an indexing expression: NumPy's `a[...]` items.
///
/// Usually made by [`idx!`](crate::idx) or `IndexArg::from(..)`: integers become
/// [`Int`](IndexArg::Int), ranges and [`SliceArg`]s (including [`NEW_AXIS`](crate::NEW_AXIS)
/// and [`ELLIPSIS`](crate::ELLIPSIS)) become slices, new axes and ellipses, integer arrays,
/// views, vectors and slices become [`Array`](IndexArg::Array), and `bool` arrays, vectors
/// and the scalars `true`/`false` become [`Mask`](IndexArg::Mask).
pub enum IndexArg<'a> {
    /// A single index: removes the axis (`a[2]`, `a[-1]`).
    Int(isize),
    /// A Python slice `start:stop:step`.
    Slice {
        /// First index, or the default for the step's direction.
        start: Option<isize>,
        /// End (exclusive), or the default for the step's direction.
        stop: Option<isize>,
        /// Step; never zero.
        step: isize,
    },
    /// `np.newaxis`: inserts an axis of length one.
    NewAxis,
    /// `...`: as many full slices as needed.
    Ellipsis,
    /// An integer index array (advanced indexing).
    Array(IndexArray<'a>),
    /// A boolean mask over one or more axes (advanced indexing).
    Mask(CowArray<'a, bool>),
}

impl IndexArg<'_> {
    /// The full slice `:`.
    ///
    /// ```
    /// use nprs_core::IndexArg;
    /// assert!(matches!(IndexArg::full(), IndexArg::Slice { start: None, stop: None, step: 1 }));
    /// ```
    #[must_use]
    pub const fn full() -> Self {
        IndexArg::Slice { start: None, stop: None, step: 1 }
    }

    /// Applies a step to a slice entry (other entries are returned unchanged); used by
    /// [`idx!`](crate::idx) for `range;step`.
    ///
    /// ```
    /// use nprs_core::IndexArg;
    /// let s = IndexArg::from(..).with_step(-1);
    /// assert!(matches!(s, IndexArg::Slice { start: None, stop: None, step: -1 }));
    /// ```
    #[must_use]
    pub fn with_step(self, step: isize) -> Self {
        match self {
            IndexArg::Slice { start, stop, .. } => IndexArg::Slice { start, stop, step },
            other => other,
        }
    }

    /// True for index arrays and masks (NumPy's "advanced" indices).
    ///
    /// ```
    /// use nprs_core::IndexArg;
    /// assert!(IndexArg::from(vec![0i64, 1]).is_advanced());
    /// assert!(!IndexArg::from(1..3).is_advanced());
    /// ```
    #[must_use]
    pub fn is_advanced(&self) -> bool {
        matches!(self, IndexArg::Array(_) | IndexArg::Mask(_))
    }
}

impl fmt::Debug for IndexArg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexArg::Int(i) => write!(f, "Int({i})"),
            IndexArg::Slice { start, stop, step } => write!(f, "Slice({start:?}, {stop:?}, {step})"),
            IndexArg::NewAxis => f.write_str("NewAxis"),
            IndexArg::Ellipsis => f.write_str("Ellipsis"),
            IndexArg::Array(a) => write!(f, "{a:?}"),
            IndexArg::Mask(m) => write!(f, "Mask(shape={:?})", m.shape()),
        }
    }
}

impl<'a> From<SliceArg> for IndexArg<'a> {
    fn from(s: SliceArg) -> Self {
        match s {
            SliceArg::Index(i) => IndexArg::Int(i),
            SliceArg::Slice { start, stop, step } => IndexArg::Slice { start, stop, step },
            SliceArg::NewAxis => IndexArg::NewAxis,
            SliceArg::Ellipsis => IndexArg::Ellipsis,
        }
    }
}

impl<'a> From<RangeFull> for IndexArg<'a> {
    fn from(_: RangeFull) -> Self {
        IndexArg::Slice { start: None, stop: None, step: 1 }
    }
}

macro_rules! index_arg_from_int {
    ($($t:ty),*) => {$(
        impl<'a> From<$t> for IndexArg<'a> {
            fn from(i: $t) -> Self { IndexArg::Int(crate::slice::SliceInt::to_isize_saturating(i)) }
        }
        impl<'a> From<Range<$t>> for IndexArg<'a> {
            fn from(r: Range<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl<'a> From<RangeInclusive<$t>> for IndexArg<'a> {
            fn from(r: RangeInclusive<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl<'a> From<RangeFrom<$t>> for IndexArg<'a> {
            fn from(r: RangeFrom<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl<'a> From<RangeTo<$t>> for IndexArg<'a> {
            fn from(r: RangeTo<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl<'a> From<RangeToInclusive<$t>> for IndexArg<'a> {
            fn from(r: RangeToInclusive<$t>) -> Self { SliceArg::from(r).into() }
        }
    )*};
}
index_arg_from_int!(i32, i64, isize, usize, u32);

impl<'a> From<bool> for IndexArg<'a> {
    /// A Python `True`/`False` index: a 0-d mask.
    fn from(b: bool) -> Self {
        IndexArg::Mask(Array::from_elem_0d(b).into())
    }
}

impl<'a> From<IndexArray<'a>> for IndexArg<'a> {
    fn from(a: IndexArray<'a>) -> Self {
        IndexArg::Array(a)
    }
}

impl<'a, S: Data> From<&'a ArrayBase<S>> for IndexArg<'a>
where
    S::Elem: IndexElem,
{
    fn from(a: &'a ArrayBase<S>) -> Self {
        <S::Elem as IndexElem>::into_index_arg(a.view().into())
    }
}

impl<'a, T: IndexElem> From<ArrayView<'a, T>> for IndexArg<'a> {
    fn from(a: ArrayView<'a, T>) -> Self {
        T::into_index_arg(a.into())
    }
}

impl<'a, T: IndexElem> From<Array<T>> for IndexArg<'a> {
    fn from(a: Array<T>) -> Self {
        T::into_index_arg(a.into())
    }
}

impl<'a, T: IndexElem> From<Vec<T>> for IndexArg<'a> {
    fn from(v: Vec<T>) -> Self {
        T::into_index_arg(Array::from_vec(v).into())
    }
}

impl<'a, T: IndexElem> From<&'a [T]> for IndexArg<'a> {
    fn from(v: &'a [T]) -> Self {
        T::into_index_arg(ArrayView::from_slice(v).into())
    }
}

impl<'a, T: IndexElem> From<&'a Vec<T>> for IndexArg<'a> {
    fn from(v: &'a Vec<T>) -> Self {
        T::into_index_arg(ArrayView::from_slice(v).into())
    }
}

impl<'a, T: IndexElem, const N: usize> From<[T; N]> for IndexArg<'a> {
    fn from(v: [T; N]) -> Self {
        T::into_index_arg(Array::from_vec(v.to_vec()).into())
    }
}

/// Builds an index list for [`ArrayBase::index`]: `idx![&rows, 1..3, NEW_AXIS, ..;2]`.
///
/// Each entry is anything `IndexArg::from` accepts (an integer, a range optionally followed
/// by `;step`, [`NEW_AXIS`](crate::NEW_AXIS), [`ELLIPSIS`](crate::ELLIPSIS), an integer
/// array/view/`Vec`/slice, or a `bool` mask).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::idx;
/// let a = Array::<i64>::arange(10);
/// let b = a.index(idx![vec![7, -1, 0]]).unwrap();
/// assert_eq!(b.to_vec(), vec![7, 9, 0]);
/// let c = a.index(idx![..;-3]).unwrap();
/// assert_eq!(c.to_vec(), vec![9, 6, 3, 0]);
/// // An entry may be a temporary, borrowed or owned: a[i + 1]
/// let i = array![0i64, 2];
/// assert_eq!(a.index(idx![&(&i + 1)]).unwrap().to_vec(), vec![1, 3]);
/// assert_eq!(a.index(idx![&i + 1]).unwrap().to_vec(), vec![1, 3]);
/// ```
#[macro_export]
macro_rules! idx {
    // Each entry is converted in the caller's statement, not in a block of its own, so an
    // entry may borrow a temporary (`idx![&(&i + 1)]`): it lives to the end of the
    // caller's statement. Ranges such as `7..2;-2` are empty in Rust but mean Python's
    // `7:2:-2` here.
    (@arg $e:expr) => {
        $crate::index::IndexArg::from($e)
    };
    (@arg $e:expr; $step:expr) => {
        $crate::index::IndexArg::from($e).with_step($crate::slice::step_of($step))
    };
    ($($e:expr $(; $step:expr)?),* $(,)?) => {
        &[$( $crate::idx!(@arg $e $(; $step)?) ),*]
    };
}
