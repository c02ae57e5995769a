//! Array creation: from data (`array!`, nested arrays and Vecs, iterators with
//! [`fromiter`], views of slices with [`asarray`]), and filled shapes (`zeros`, `ones`,
//! `full`, `empty`, each with an `_order` form, and their `_like` forms). Ranges live in
//! [`crate::ranges`], matrices in [`crate::matrix`], grids in [`crate::grids`].

use crate::array::{Array, ArrayBase, ArrayView};
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
    Error::Inhomogeneous { depth, shape: shape[..depth.min(shape.len())].to_vec() }
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
/// ```
/// use nprs_core::creation::array;
/// let a = array(vec![vec![1, 2, 3], vec![4, 5, 6]]).unwrap();
/// assert_eq!(a.shape(), &[2, 3]);
/// assert!(array(vec![vec![1, 2], vec![3]]).is_err());
/// ```
///
/// # Errors
/// A ragged input, with NumPy's "inhomogeneous shape" message.
#[allow(clippy::needless_pass_by_value)] // taken by value so `array(vec![...])` reads like NumPy
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
    /// ```
    /// use nprs_core::Array;
    /// let a = Array::full(&[2, 3], 7.0).unwrap();
    /// assert_eq!(a.to_vec(), vec![7.0; 6]);
    /// ```
    ///
    /// # Errors
    /// [`Error::TooBig`] / [`Error::Alloc`] for sizes that cannot be allocated.
    pub fn full(shape: &[usize], value: T) -> Result<Self> {
        Self::full_order(shape, value, Order::C)
    }

    /// As [`full`](Self::full) with a memory order.
    ///
    /// ```
    /// use nprs_core::{Array, Order};
    /// let a = Array::full_order(&[2, 3], 1.5, Order::F).unwrap();
    /// assert_eq!(a.strides(), vec![8, 16]);
    /// ```
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
    /// ```
    /// use nprs_core::Array;
    /// let z = Array::<f32>::zeros(&[3, 4]).unwrap();
    /// assert!(z.iter().all(|x| x == 0.0));
    /// assert!(Array::<f64>::zeros(&[1 << 40, 1 << 40]).is_err());
    /// ```
    ///
    /// # Errors
    /// As [`full`](Self::full); `zeros(&[1 << 40, 1 << 40])` fails cleanly.
    pub fn zeros(shape: &[usize]) -> Result<Self> {
        Self::zeros_order(shape, Order::C)
    }

    /// As [`zeros`](Self::zeros) with a memory order.
    ///
    /// ```
    /// use nprs_core::{Array, Order};
    /// let z = Array::<f64>::zeros_order(&[3, 4], Order::F).unwrap();
    /// assert_eq!(z.strides(), vec![8, 24]);
    /// ```
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn zeros_order(shape: &[usize], order: Order) -> Result<Self> {
        let n = dims::check_bytes(shape, size_of::<T>())?;
        let data = OwnedRepr::zeroed(n, shape)?;
        Ok(Array::from_owned(data, shape.into(), crate::layout::contiguous_bytes(shape, size_of::<T>(), order), 0))
    }

    /// An array of ones (`numpy.ones`).
    ///
    /// ```
    /// use nprs_core::Array;
    /// let window = &Array::<f64>::ones(&[4]).unwrap() / 4.0;
    /// assert_eq!(window.to_vec(), vec![0.25; 4]);
    /// ```
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn ones(shape: &[usize]) -> Result<Self> {
        Self::full(shape, T::one())
    }

    /// As [`ones`](Self::ones) with a memory order (`numpy.ones(shape, order=…)`).
    ///
    /// ```
    /// use nprs_core::{Array, Order};
    /// let f = Array::<f64>::ones_order(&[1000, 1000], Order::F).unwrap();
    /// assert!(f.is_f_contiguous() && !f.is_c_contiguous());
    /// ```
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn ones_order(shape: &[usize], order: Order) -> Result<Self> {
        Self::full_order(shape, T::one(), order)
    }

    /// `numpy.empty`. NumPy leaves the contents unspecified; reading uninitialised memory
    /// is undefined behaviour in Rust, so this returns zero-filled memory from the
    /// allocator's zeroed pages, which costs no more than an uninitialised allocation for
    /// large arrays. Contents are unspecified all the same: write before you read.
    ///
    /// ```
    /// use nprs_core::Array;
    /// let mut e = Array::<f64>::empty(&[3]).unwrap();
    /// e.fill(2.0);
    /// assert_eq!(e.to_vec(), vec![2.0; 3]);
    /// ```
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn empty(shape: &[usize]) -> Result<Self> {
        Self::zeros(shape)
    }

    /// As [`empty`](Self::empty) with a memory order (`numpy.empty(shape, order=…)`).
    ///
    /// ```
    /// use nprs_core::{Array, Order};
    /// let e = Array::<i16>::empty_order(&[2, 5], Order::F).unwrap();
    /// assert_eq!(e.strides(), vec![2, 4]);
    /// ```
    ///
    /// # Errors
    /// As [`full`](Self::full).
    pub fn empty_order(shape: &[usize], order: Order) -> Result<Self> {
        Self::zeros_order(shape, order)
    }

    /// An array from an iterator's items (1-d), as `numpy.fromiter`.
    ///
    /// ```
    /// use nprs_core::Array;
    /// let a = Array::from_iter_1d((0..4).map(|x| x * x));
    /// assert_eq!(a.to_vec(), vec![0, 1, 4, 9]);
    /// ```
    pub fn from_iter_1d(iter: impl IntoIterator<Item = T>) -> Self {
        Array::from_vec(iter.into_iter().collect())
    }
}

/// A 1-d array of an iterator's items (`numpy.fromiter(iter, dtype=T, count)`): all of them
/// when `count` is `None`, else exactly the first `count`.
///
/// ```
/// use nprs_core::fromiter;
/// let a = fromiter((0..).map(|x: i64| x * x), Some(3)).unwrap();
/// assert_eq!(a.to_vec(), vec![0, 1, 4]);
/// let all = fromiter(vec![1.5, 2.5], None).unwrap();
/// assert_eq!(all.len(), 2);
/// assert!(fromiter(0..2i64, Some(5)).is_err());
/// ```
///
/// # Errors
/// An iterator with fewer than `count` items, in NumPy's words ("iterator too short:
/// Expected 5 but iterator had only 2 items."), or a `count` too large to allocate.
#[doc(alias = "numpy.fromiter")]
pub fn fromiter<T: Element>(iter: impl IntoIterator<Item = T>, count: Option<usize>) -> Result<Array<T>> {
    let Some(count) = count else {
        return Ok(Array::from_vec(iter.into_iter().collect()));
    };
    dims::check_bytes(&[count], size_of::<T>())?;
    let mut v = Vec::new();
    v.try_reserve_exact(count).map_err(|_| Error::Alloc {
        bytes: count * size_of::<T>(),
        shape: vec![count],
        dtype: T::DTYPE.name().to_string(),
    })?;
    v.extend(iter.into_iter().take(count));
    if v.len() < count {
        return Err(Error::IteratorTooShort { expected: count, got: v.len() });
    }
    Ok(Array::from_vec(v))
}

/// A read-only array view of `data` without copying (`numpy.asarray`): `data` may be a
/// slice, a `Vec` or fixed-size array (by reference, as 1-d), or any array or view.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::asarray;
/// let v = vec![1.0, 2.0, 3.0];
/// let a = asarray(&v);
/// assert_eq!(a.shape(), &[3]);
/// let m = array![[1, 2], [3, 4]];
/// assert!(nprs_core::shares_memory(&asarray(&m), &m, None).unwrap());
/// ```
#[doc(alias = "numpy.asarray")]
pub fn asarray<'a, T: Element>(data: impl Into<ArrayView<'a, T>>) -> ArrayView<'a, T> {
    data.into()
}

impl<T: Element> From<Vec<T>> for Array<T> {
    /// A 1-d array owning the `Vec`'s buffer (no copy).
    fn from(v: Vec<T>) -> Self {
        Array::from_vec(v)
    }
}

impl<T: Element, const N: usize> From<[T; N]> for Array<T> {
    /// A 1-d array of the items.
    fn from(v: [T; N]) -> Self {
        Array::from_vec(v.to_vec())
    }
}

impl<T: Element> FromIterator<T> for Array<T> {
    /// A 1-d array of the iterator's items.
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Array::from_vec(iter.into_iter().collect())
    }
}

impl<'a, T: Element> From<&'a [T]> for ArrayView<'a, T> {
    /// A 1-d view of the slice.
    fn from(s: &'a [T]) -> Self {
        ArrayView::from_slice(s)
    }
}

impl<'a, T: Element> From<&'a Vec<T>> for ArrayView<'a, T> {
    /// A 1-d view of the `Vec`'s items.
    fn from(s: &'a Vec<T>) -> Self {
        ArrayView::from_slice(s)
    }
}

impl<'a, T: Element, const N: usize> From<&'a [T; N]> for ArrayView<'a, T> {
    /// A 1-d view of the items.
    fn from(s: &'a [T; N]) -> Self {
        ArrayView::from_slice(s)
    }
}

impl<'a, S: Data> From<&'a ArrayBase<S>> for ArrayView<'a, S::Elem> {
    /// A view of the whole array.
    fn from(a: &'a ArrayBase<S>) -> Self {
        a.view()
    }
}

/// `numpy.zeros`.
///
/// ```
/// let z = nprs_core::zeros::<i32>(&[2, 2]).unwrap();
/// assert_eq!(z.to_vec(), vec![0; 4]);
/// ```
///
/// # Errors
/// As [`Array::full`].
pub fn zeros<T: Element>(shape: &[usize]) -> Result<Array<T>> {
    Array::zeros(shape)
}

/// `numpy.ones`.
///
/// ```
/// let o = nprs_core::ones::<u8>(&[3]).unwrap();
/// assert_eq!(o.to_vec(), vec![1, 1, 1]);
/// ```
///
/// # Errors
/// As [`Array::full`].
pub fn ones<T: Element>(shape: &[usize]) -> Result<Array<T>> {
    Array::ones(shape)
}

/// `numpy.full`.
///
/// ```
/// let f = nprs_core::full(&[2], -1i64).unwrap();
/// assert_eq!(f.to_vec(), vec![-1, -1]);
/// ```
///
/// # Errors
/// As [`Array::full`].
pub fn full<T: Element>(shape: &[usize], value: T) -> Result<Array<T>> {
    Array::full(shape, value)
}

/// `numpy.empty` (zero-filled; see [`Array::empty`]).
///
/// ```
/// let e = nprs_core::empty::<f64>(&[2, 3]).unwrap();
/// assert_eq!(e.shape(), &[2, 3]);
/// ```
///
/// # Errors
/// As [`Array::full`].
pub fn empty<T: Element>(shape: &[usize]) -> Result<Array<T>> {
    Array::empty(shape)
}

/// `numpy.zeros_like`: zeros of `a`'s shape, in `a`'s memory order when it is F-ordered.
///
/// ```
/// use nprs_core::{Array, zeros_like};
/// let a = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
/// let z = zeros_like(&a);
/// assert_eq!((z.shape(), z.to_vec()), (&[2usize, 3][..], vec![0; 6]));
/// ```
#[must_use]
pub fn zeros_like<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem> {
    full_like(a, S::Elem::zero())
}

/// `numpy.ones_like`.
///
/// ```
/// use nprs_core::{Array, ones_like};
/// let a = Array::<f32>::zeros(&[2]).unwrap();
/// assert_eq!(ones_like(&a).to_vec(), vec![1.0, 1.0]);
/// ```
#[must_use]
pub fn ones_like<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem> {
    full_like(a, S::Elem::one())
}

/// `numpy.empty_like` (zero-filled; see [`Array::empty`]).
///
/// ```
/// use nprs_core::{Array, empty_like};
/// let a = Array::<f64>::ones(&[4]).unwrap();
/// assert_eq!(empty_like(&a).shape(), &[4]);
/// ```
#[must_use]
pub fn empty_like<S: Data>(a: &ArrayBase<S>) -> Array<S::Elem> {
    zeros_like(a)
}

/// `numpy.full_like`.
///
/// ```
/// use nprs_core::{Array, full_like};
/// let x = Array::<f64>::arange(3);
/// assert_eq!(full_like(&x, -1.0).to_vec(), vec![-1.0; 3]);
/// ```
#[must_use]
pub fn full_like<S: Data>(a: &ArrayBase<S>, value: S::Elem) -> Array<S::Elem> {
    let order = crate::zip::result_order(&[(a.shape(), &a.strides_elems())]);
    Array::full_order(a.shape(), value, order).expect("an existing array's shape is allocatable")
}
