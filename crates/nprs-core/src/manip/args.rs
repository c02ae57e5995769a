//! Argument types of the manipulation routines: what NumPy spells as `axis=None | k | (j, k)`,
//! "an int or a sequence of ints", index objects (`obj` of `insert`/`delete`) and the
//! [`AsArrayView`] conversion that lets a list of arrays mix nothing but one kind of input.

use std::ops::{Range, RangeFrom, RangeFull, RangeInclusive, RangeTo, RangeToInclusive};

use smallvec::SmallVec;

use crate::array::{ArrayBase, ArrayView};
use crate::dtype::{C64, C128, Element, f16};
use crate::error::{Error, Result};
use crate::slice::SliceArg;
use crate::storage::Data;

/// Anything that can be read as an array view: owned arrays, views, references to them,
/// slices, `Vec`s and fixed-size arrays (1-d), and scalars (0-d).
///
/// The joining routines take `&[A]` with `A: AsArrayView`, so one call accepts a list of
/// references to owned arrays, a list of views, or a list of plain Rust arrays:
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::concatenate;
///
/// let a = array![1, 2];
/// let b = array![3, 4, 5];
/// let x = concatenate(&[&a, &b], 0).unwrap(); // references to owned arrays
/// let y = concatenate(&[a.view(), b.slice(s![1..])], 0).unwrap(); // views
/// let z = concatenate(&[[1, 2], [3, 4]], 0).unwrap(); // plain arrays
/// assert_eq!(x.to_vec(), vec![1, 2, 3, 4, 5]);
/// assert_eq!(y.to_vec(), vec![1, 2, 4, 5]);
/// assert_eq!(z.to_vec(), vec![1, 2, 3, 4]);
/// ```
///
/// Mixing owned arrays and views in one list needs `.view()` on each (a Rust slice holds
/// one type).
pub trait AsArrayView {
    /// The element type.
    type Elem: Element;
    /// A read-only view of the data.
    fn as_array_view(&self) -> ArrayView<'_, Self::Elem>;
}

impl<S: Data> AsArrayView for ArrayBase<S> {
    type Elem = S::Elem;
    fn as_array_view(&self) -> ArrayView<'_, S::Elem> {
        self.view()
    }
}

impl<X: AsArrayView + ?Sized> AsArrayView for &X {
    type Elem = X::Elem;
    fn as_array_view(&self) -> ArrayView<'_, X::Elem> {
        (**self).as_array_view()
    }
}

impl<T: Element> AsArrayView for [T] {
    type Elem = T;
    fn as_array_view(&self) -> ArrayView<'_, T> {
        ArrayView::from_slice(self)
    }
}

impl<T: Element, const N: usize> AsArrayView for [T; N] {
    type Elem = T;
    fn as_array_view(&self) -> ArrayView<'_, T> {
        ArrayView::from_slice(self)
    }
}

impl<T: Element> AsArrayView for Vec<T> {
    type Elem = T;
    fn as_array_view(&self) -> ArrayView<'_, T> {
        ArrayView::from_slice(self)
    }
}

macro_rules! scalar_view {
    ($($t:ty),*) => {$(
        impl AsArrayView for $t {
            type Elem = $t;
            fn as_array_view(&self) -> ArrayView<'_, $t> {
                ArrayView::from_shape(&[], std::slice::from_ref(self)).expect("one element fits shape ()")
            }
        }
    )*};
}
scalar_view!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f16, f32, f64, C64, C128);

/// NumPy's `axis` argument: `None`, one axis, or a tuple of axes. Negative axes count
/// from the end.
///
/// Built from an integer (`0`, `-1`), `None` / `Some(k)`, or a list of integers
/// (`[0, 1]`, `vec![0, 2]`, `&[0, 1][..]`). Routines that take a single axis reject a
/// list with NumPy's TypeError.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AxisArg {
    /// `axis=None`: the routine's meaning for it (flatten, or every axis).
    None,
    /// `axis=k`.
    One(isize),
    /// `axis=(j, k, …)`.
    Many(Vec<isize>),
}

/// An integer or a sequence of integers (`reps` of `tile`, `repeats` of `repeat`,
/// `shift` of `roll`, `indices_or_sections` of `split`, window and array shapes).
///
/// NumPy tells a scalar from a one-element list (`split(a, 3)` makes three sections,
/// `split(a, [3])` splits at index 3), and so does this type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ints {
    /// A scalar.
    One(isize),
    /// A sequence.
    Many(Vec<isize>),
}

impl Ints {
    /// The values as a list (a scalar becomes a list of one).
    #[must_use]
    pub fn to_vec(&self) -> Vec<isize> {
        match self {
            Ints::One(x) => vec![*x],
            Ints::Many(v) => v.clone(),
        }
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl From<$t> for AxisArg {
            fn from(x: $t) -> Self { AxisArg::One(x as isize) }
        }
        impl<const N: usize> From<[$t; N]> for AxisArg {
            fn from(x: [$t; N]) -> Self { AxisArg::Many(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<&[$t]> for AxisArg {
            fn from(x: &[$t]) -> Self { AxisArg::Many(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<Vec<$t>> for AxisArg {
            fn from(x: Vec<$t>) -> Self { AxisArg::Many(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<$t> for Ints {
            fn from(x: $t) -> Self { Ints::One(x as isize) }
        }
        impl<const N: usize> From<[$t; N]> for Ints {
            fn from(x: [$t; N]) -> Self { Ints::Many(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<&[$t]> for Ints {
            fn from(x: &[$t]) -> Self { Ints::Many(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<Vec<$t>> for Ints {
            fn from(x: Vec<$t>) -> Self { Ints::Many(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<$t> for Positions {
            fn from(x: $t) -> Self { Positions::Index(x as isize) }
        }
        impl<const N: usize> From<[$t; N]> for Positions {
            fn from(x: [$t; N]) -> Self { Positions::List(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<&[$t]> for Positions {
            fn from(x: &[$t]) -> Self { Positions::List(x.iter().map(|&v| v as isize).collect()) }
        }
        impl From<Vec<$t>> for Positions {
            fn from(x: Vec<$t>) -> Self { Positions::List(x.iter().map(|&v| v as isize).collect()) }
        }
    )*};
}
int_conversions!(i32, i64, isize, usize);

impl From<Option<isize>> for AxisArg {
    fn from(x: Option<isize>) -> Self {
        x.map_or(AxisArg::None, AxisArg::One)
    }
}

impl AxisArg {
    /// The single axis of a routine that takes `axis=None` or `axis=k`.
    ///
    /// # Errors
    /// A tuple of axes, with the TypeError NumPy raises.
    pub(crate) fn single(self) -> Result<Option<isize>> {
        match self {
            AxisArg::None => Ok(None),
            AxisArg::One(a) => Ok(Some(a)),
            AxisArg::Many(_) => Err(Error::TupleAsInteger),
        }
    }
}

/// Which entries along an axis `insert` and `delete` act on (NumPy's `obj`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Positions {
    /// A single index (`obj=2`).
    Index(isize),
    /// A list of indices (`obj=[1, 3]`).
    List(Vec<isize>),
    /// A slice (`obj=slice(start, stop, step)`, or `np.s_[1:5:2]`); from Rust ranges too.
    Slice {
        /// First index, or the default for the step's direction.
        start: Option<isize>,
        /// End (exclusive), or the default for the step's direction.
        stop: Option<isize>,
        /// Step (not zero).
        step: isize,
    },
    /// A boolean mask along the axis (a boolean `ndarray` as `obj`).
    Mask(Vec<bool>),
}

impl Positions {
    /// `slice(start, stop, step)`.
    #[must_use]
    pub fn slice(start: Option<isize>, stop: Option<isize>, step: isize) -> Self {
        Positions::Slice { start, stop, step }
    }
}

impl From<SliceArg> for Positions {
    fn from(s: SliceArg) -> Self {
        match s {
            SliceArg::Index(i) => Positions::Index(i),
            SliceArg::Slice { start, stop, step } => Positions::Slice { start, stop, step },
            SliceArg::NewAxis | SliceArg::Ellipsis => Positions::Slice { start: None, stop: None, step: 1 },
        }
    }
}

macro_rules! range_positions {
    ($($t:ty),*) => {$(
        impl From<Range<$t>> for Positions {
            fn from(r: Range<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl From<RangeInclusive<$t>> for Positions {
            fn from(r: RangeInclusive<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl From<RangeFrom<$t>> for Positions {
            fn from(r: RangeFrom<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl From<RangeTo<$t>> for Positions {
            fn from(r: RangeTo<$t>) -> Self { SliceArg::from(r).into() }
        }
        impl From<RangeToInclusive<$t>> for Positions {
            fn from(r: RangeToInclusive<$t>) -> Self { SliceArg::from(r).into() }
        }
    )*};
}
range_positions!(i32, i64, isize, usize);

impl From<RangeFull> for Positions {
    fn from(_: RangeFull) -> Self {
        Positions::Slice { start: None, stop: None, step: 1 }
    }
}

impl From<Vec<bool>> for Positions {
    fn from(m: Vec<bool>) -> Self {
        Positions::Mask(m)
    }
}

impl From<&[bool]> for Positions {
    fn from(m: &[bool]) -> Self {
        Positions::Mask(m.to_vec())
    }
}

impl<const N: usize> From<[bool; N]> for Positions {
    fn from(m: [bool; N]) -> Self {
        Positions::Mask(m.to_vec())
    }
}

/// The view of `v` with `axis` restricted to `start..start + len` (no bounds checks beyond
/// the slice rules; callers pass in-range values).
pub(crate) fn along<'a, T: Element>(v: &ArrayView<'a, T>, axis: usize, start: usize, len: usize) -> ArrayView<'a, T> {
    let mut args: SmallVec<[SliceArg; 6]> = SmallVec::from_elem(SliceArg::FULL, v.ndim());
    args[axis] = SliceArg::Slice { start: Some(start as isize), stop: Some((start + len) as isize), step: 1 };
    v.reborrow().slice_move(&args).expect("an in-range slice")
}
