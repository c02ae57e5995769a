//! [`vectorize`]: a Rust function of scalars lifted to a function of arrays that broadcast,
//! as `numpy.vectorize` lifts a Python function.
//!
//! NumPy's options map onto Rust as follows:
//!
//! | `np.vectorize(…)` | nprs |
//! |---|---|
//! | `pyfunc` | any `Fn(T, …) -> U` closure or function |
//! | `otypes=[np.float64]` | the closure's return type `U` (known at compile time, so the first element is never called to find it, and size-0 inputs need no `otypes`) |
//! | `excluded={'n'}` / keyword arguments | values the closure captures: `vectorize(move \|x\| x * n)` |
//! | `signature='(n),(n)->()'` | [`Vectorize::signature`], then [`VectorizeSig::call`](crate::VectorizeSig::call) with a function of the core sub-arrays |
//! | `cache=True` | not needed (nothing is called to find the output type) |
//! | `f(a, b)` | [`Vectorize::call2`]; one, two and three arguments of any element types, and [`Vectorize::call_n`] for any number of one type |
//!
//! The one- and two-argument forms run through the iteration engine (the closure must be
//! `Sync + Send`: large arrays are split over threads); [`Vectorize::call3`] and
//! [`Vectorize::call_n`] visit the broadcast elements in C order on the calling thread.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::vectorize;
//! // def myfunc(a, b): return a - b if a > b else a + b
//! // np.vectorize(myfunc)([1, 2, 3, 4], 2) -> array([3, 4, 1, 2])
//! let f = vectorize(|a: i64, b: i64| if a > b { a - b } else { a + b });
//! let r = f.call2(&array![1, 2, 3, 4], &array![2])?;
//! assert_eq!(r.to_vec(), vec![3, 4, 1, 2]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use crate::array::{Array, ArrayBase, ArrayView};
use crate::dims::broadcast_shapes;
use crate::dtype::Element;
use crate::error::Result;
use crate::kernel::{Data, map, zip_map};

/// A function of scalars that applies elementwise to arrays (`numpy.vectorize`); made by
/// [`vectorize`]. The module docs list how NumPy's options translate.
#[derive(Clone, Copy, Debug)]
pub struct Vectorize<F> {
    f: F,
}

/// `numpy.vectorize(pyfunc)`: lifts `f`, a function of scalars, to arrays that broadcast
/// against each other ([`Vectorize::call1`], [`Vectorize::call2`], [`Vectorize::call3`],
/// [`Vectorize::call_n`]).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::vectorize;
/// let n = 3.0; // np.vectorize(f, excluded={'n'})(x, n=3.0): the closure captures `n`
/// let f = vectorize(move |x: f64| if x > 0.0 { x.powf(n) } else { 0.0 });
/// assert_eq!(f.call1(&array![-1.0, 2.0]).to_vec(), vec![0.0, 8.0]);
/// ```
pub fn vectorize<F>(f: F) -> Vectorize<F> {
    Vectorize { f }
}

impl<F> Vectorize<F> {
    /// The wrapped function (`vectorize.pyfunc`).
    ///
    /// ```
    /// let f = nprs_core::vectorize(|x: i32| x + 1);
    /// assert_eq!((f.pyfunc())(1), 2);
    /// ```
    pub fn pyfunc(&self) -> &F {
        &self.f
    }

    /// The wrapped function, by value.
    pub(crate) fn into_inner(self) -> F {
        self.f
    }

    /// `f(a)` for one array: a new array of `f(x)` for every element.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let f = nprs_core::vectorize(|x: u8| x.count_ones() as i64);
    /// assert_eq!(f.call1(&array![[3u8, 255], [0, 16]]).to_vec(), vec![2, 8, 0, 1]);
    /// ```
    pub fn call1<S: Data, U: Element>(&self, a: &ArrayBase<S>) -> Array<U>
    where
        F: Fn(S::Elem) -> U + Sync + Send,
    {
        map(a, &self.f)
    }

    /// `f(a, b)` for two arrays that broadcast against each other (element types may
    /// differ).
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let f = nprs_core::vectorize(|x: f64, k: i32| x.powi(k));
    /// let r = f.call2(&array![[2.0], [3.0]], &array![0, 1, 2])?;
    /// assert_eq!(r.shape(), &[2, 3]);
    /// assert_eq!(r.to_vec(), vec![1.0, 2.0, 4.0, 1.0, 3.0, 9.0]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::Broadcast`] when the shapes do not broadcast.
    pub fn call2<SA: Data, SB: Data, U: Element>(&self, a: &ArrayBase<SA>, b: &ArrayBase<SB>) -> Result<Array<U>>
    where
        F: Fn(SA::Elem, SB::Elem) -> U + Sync + Send,
    {
        zip_map(a, b, &self.f)
    }

    /// `f(a, b, c)` for three arrays that broadcast against each other, called in C order
    /// of the broadcast shape.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// // np.vectorize(lambda c, x, y: x if c else y)
    /// let f = nprs_core::vectorize(|c: bool, x: i64, y: i64| if c { x } else { y });
    /// let r = f.call3(&array![true, false, true], &array![1], &array![7, 8, 9])?;
    /// assert_eq!(r.to_vec(), vec![1, 8, 1]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::Broadcast`] when the shapes do not broadcast.
    pub fn call3<SA: Data, SB: Data, SC: Data, U: Element>(
        &self,
        a: &ArrayBase<SA>,
        b: &ArrayBase<SB>,
        c: &ArrayBase<SC>,
    ) -> Result<Array<U>>
    where
        F: Fn(SA::Elem, SB::Elem, SC::Elem) -> U,
    {
        let shape = broadcast_shapes(&[a.shape(), b.shape(), c.shape()])?;
        let (av, bv, cv) = (a.broadcast_to(&shape[..])?, b.broadcast_to(&shape[..])?, c.broadcast_to(&shape[..])?);
        let out: Vec<U> = av.iter().zip(bv.iter()).zip(cv.iter()).map(|((x, y), z)| (self.f)(x, y, z)).collect();
        Array::from_shape_vec(&shape[..], out)
    }

    /// `f(*arrays)` for any number of arrays of one element type that broadcast against
    /// each other: `f` receives one element of each, in the order given, and is called in C
    /// order of the broadcast shape.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let f = nprs_core::vectorize(|xs: &[f64]| xs.iter().sum::<f64>());
    /// let (a, b, c, d) = (array![1.0, 2.0], array![10.0], array![100.0, 200.0], array![0.5]);
    /// let r = f.call_n(&[a.view(), b.view(), c.view(), d.view()])?;
    /// assert_eq!(r.to_vec(), vec![111.5, 212.5]);
    /// # Ok::<(), nprs_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`crate::Error::Broadcast`] when the shapes do not broadcast.
    pub fn call_n<T: Element, U: Element>(&self, arrays: &[ArrayView<'_, T>]) -> Result<Array<U>>
    where
        F: Fn(&[T]) -> U,
    {
        let shapes: Vec<&[usize]> = arrays.iter().map(|a| a.shape()).collect();
        let shape = broadcast_shapes(&shapes)?;
        let views = arrays.iter().map(|a| a.broadcast_to(&shape[..])).collect::<Result<Vec<_>>>()?;
        let mut iters: Vec<_> = views.iter().map(ArrayBase::iter).collect();
        let n: usize = shape.iter().product();
        let mut args = Vec::with_capacity(arrays.len());
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            args.clear();
            // Every broadcast view has the broadcast shape's `n` elements.
            args.extend(iters.iter_mut().filter_map(Iterator::next));
            out.push((self.f)(&args));
        }
        Array::from_shape_vec(&shape[..], out)
    }
}
