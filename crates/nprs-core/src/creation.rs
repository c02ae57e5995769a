//! Array creation: from data (`array!`, nested arrays and Vecs, iterators), and filled
//! shapes (`zeros`, `ones`, `full`, `empty` and their `_like` forms).

use crate::array::{Array, ArrayBase};
use crate::dims::{self, Order};
use crate::dtype::Element;
use crate::error::{Error, Result};
use crate::storage::{Data, OwnedRepr};

/// Nested data that can become an array: scalars, fixed-size arrays and `Vec`s of them.
pub trait Nested<T: Element> {
    /// Appends the shape below this level (`shape` is filled on the first element).
    fn shape_into(&self, shape: &mut Vec<usize>);
    /// Appends the elements in C order, checking each sub-list against `shape[depth..]`.
    fn flatten_into(&self, depth: usize, shape: &[usize], out: &mut Vec<T>) -> Result<()>;
}

macro_rules! nested_scalar {
    ($($t:ty),*) => {$(
        impl Nested<$t> for $t {
            fn shape_into(&self, _shape: &mut Vec<usize>) {}
            fn flatten_into(&self, depth: usize, shape: &[usize], out: &mut Vec<$t>) -> Result<()> {
                if depth != shape.len() {
                    return Err(inhomogeneous(depth, shape));
                }
                out.push(*self);
                Ok(())
            }
        }
    )*};
}
nested_scalar!(bool, i8, i16, i32, i64, u8, u16, u32, u64, crate::f16, f32, f64, crate::C64, crate::C128);

fn inhomogeneous(depth: usize, shape: &[usize]) -> Error {
    let s = crate::error::ShapeDisplay(shape[..depth.min(shape.len())].to_vec());
    Error::Value(format!(
        "setting an array element with a sequence. The requested array has an inhomogeneous shape after {depth} dimensions. The detected shape was {s} + inhomogeneous part."
    ))
}

fn nested_list<T: Element, X: Nested<T>>(items: &[X], depth: usize, shape: &[usize], out: &mut Vec<T>) -> Result<()> {
    if depth >= shape.len() || shape[depth] != items.len() {
        return Err(inhomogeneous(depth, shape));
    }
    for x in items {
        x.flatten_into(depth + 1, shape, out)?;
    }
    Ok(())
}

impl<T: Element, X: Nested<T>, const N: usize> Nested<T> for [X; N] {
    fn shape_into(&self, shape: &mut Vec<usize>) {
        shape.push(N);
        if let Some(x) = self.first() {
            x.shape_into(shape);
        }
    }
    fn flatten_into(&self, depth: usize, shape: &[usize], out: &mut Vec<T>) -> Result<()> {
        nested_list(self, depth, shape, out)
    }
}

impl<T: Element, X: Nested<T>> Nested<T> for Vec<X> {
    fn shape_into(&self, shape: &mut Vec<usize>) {
        shape.push(self.len());
        if let Some(x) = self.first() {
            x.shape_into(shape);
        }
    }
    fn flatten_into(&self, depth: usize, shape: &[usize], out: &mut Vec<T>) -> Result<()> {
        nested_list(self, depth, shape, out)
    }
}

impl<T: Element, X: Nested<T>> Nested<T> for &[X] {
    fn shape_into(&self, shape: &mut Vec<usize>) {
        shape.push(self.len());
        if let Some(x) = self.first() {
            x.shape_into(shape);
        }
    }
    fn flatten_into(&self, depth: usize, shape: &[usize], out: &mut Vec<T>) -> Result<()> {
        nested_list(self, depth, shape, out)
    }
}

/// `numpy.array(data)` for nested lists: `array(vec![vec![1, 2], vec![3, 4]])`.
///
/// # Errors
/// A ragged input, with NumPy's "inhomogeneous shape" message.
#[allow(clippy::needless_pass_by_value)] // by value reads like `np.array(data)`; literals are cheap
pub fn array<T: Element, X: Nested<T>>(data: X) -> Result<Array<T>> {
    let mut shape = Vec::new();
    data.shape_into(&mut shape);
    let mut out = Vec::with_capacity(dims::size_checked(&shape)?);
    data.flatten_into(0, &shape, &mut out)?;
    Array::from_shape_vec(&shape, out)
}

/// Builds an array from nested brackets, as `np.array([[1, 2], [3, 4]])`.
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1.0, 2.0], [3.0, 4.0]];
/// assert_eq!(a.shape(), &[2, 2]);
/// let v = array![1i64, 2, 3];
/// assert_eq!(v.to_vec(), vec![1, 2, 3]);
/// ```
///
/// # Panics
/// Never for bracket literals (Rust already checks that they are rectangular).
#[macro_export]
macro_rules! array {
    ($($x:tt)*) => {
        $crate::creation::array([$($x)*]).expect("bracket literals are rectangular")
    };
}

impl<T: Element> Array<T> {
    /// An array of `shape` filled with `value` (`numpy.full`).
    ///
    /// # Errors
    /// [`Error::TooBig`] / [`Error::Alloc`] for sizes that cannot be allocated.
    pub fn full(shape: &[usize], value: T) -> Result<Self> {
        Self::full_order(shape, value, Order::C)
    }

    /// As [`full`](Self::full) with a memory order.
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn full_order(shape: &[usize], value: T, order: Order) -> Result<Self> {
        // SAFETY: every slot is written.
        #[allow(unsafe_code)]
        unsafe {
            Array::build_uninit(shape, order, |buf| {
                for x in buf {
                    x.write(value);
                }
            })
        }
    }

    /// An array of zeros (`numpy.zeros`).
    ///
    /// # Errors
    /// As [`full`](Self::full); `zeros(&[1 << 40, 1 << 40])` fails cleanly.
    pub fn zeros(shape: &[usize]) -> Result<Self> {
        Self::zeros_order(shape, Order::C)
    }

    /// As [`zeros`](Self::zeros) with a memory order.
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn zeros_order(shape: &[usize], order: Order) -> Result<Self> {
        let n = dims::check_bytes(shape, size_of::<T>())?;
        let data = OwnedRepr::zeroed(n, shape)?;
        Ok(Array::from_owned(data, shape.into(), dims::contiguous_strides(shape, order), 0))
    }

    /// An array of ones (`numpy.ones`).
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn ones(shape: &[usize]) -> Result<Self> {
        Self::full(shape, T::one())
    }

    /// `numpy.empty`. NumPy leaves the contents unspecified; reading uninitialised memory
    /// is undefined behaviour in Rust, so this returns zero-filled memory from the
    /// allocator's zeroed pages, which costs no more than an uninitialised allocation for
    /// large arrays. Contents are unspecified all the same: write before you read.
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn empty(shape: &[usize]) -> Result<Self> {
        Self::zeros(shape)
    }

    /// An array from an iterator's items (1-d), as `numpy.fromiter`.
    pub fn from_iter_1d(iter: impl IntoIterator<Item = T>) -> Self {
        Array::from_vec(iter.into_iter().collect())
    }
}

/// `numpy.zeros`.
///
/// # Errors
/// As [`Array::full`].
pub fn zeros<T: Element>(shape: &[usize]) -> Result<Array<T>> {
    Array::zeros(shape)
}

/// `numpy.ones`.
///
/// # Errors
/// As [`Array::full`].
pub fn ones<T: Element>(shape: &[usize]) -> Result<Array<T>> {
    Array::ones(shape)
}

/// `numpy.full`.
///
/// # Errors
/// As [`Array::full`].
pub fn full<T: Element>(shape: &[usize], value: T) -> Result<Array<T>> {
    Array::full(shape, value)
}

/// `numpy.empty` (zero-filled; see [`Array::empty`]).
///
/// # Errors
/// As [`Array::full`].
pub fn empty<T: Element>(shape: &[usize]) -> Result<Array<T>> {
    Array::empty(shape)
}

/// `numpy.zeros_like`: zeros of `a`'s shape, in `a`'s memory order when it is F-ordered.
#[must_use]
pub fn zeros_like<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem> {
    full_like(a, S::Elem::zero())
}

/// `numpy.ones_like`.
#[must_use]
pub fn ones_like<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem> {
    full_like(a, S::Elem::one())
}

/// `numpy.empty_like` (zero-filled; see [`Array::empty`]).
#[must_use]
pub fn empty_like<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem> {
    zeros_like(a)
}

/// `numpy.full_like`.
#[must_use]
pub fn full_like<S: Data>(a: &ArrayBase<S>, value: S::Elem) -> Array<S::Elem> {
    let order = crate::zip::result_order(&[(a.shape(), a.strides_elems())]);
    Array::full_order(a.shape(), value, order).expect("an existing array's shape is allocatable")
}
