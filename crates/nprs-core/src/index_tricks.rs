//! `numpy.r_` and `numpy.c_`: concatenation of ranges, scalars and arrays, as the macros
//! [`r_!`](crate::r_!) and [`c_!`](crate::c_!) (or the functions [`r_`] and [`c_`] of a
//! list of [`RItem`]s).
//!
//! Rust has no `np.r_[1:4, 0, [5, 6]]` syntax; the macros take the nearest thing:
//!
//! | NumPy | nprs |
//! |---|---|
//! | `np.r_[1:4, 0, [5, 6]]` | `r_![1..4, 0, [5i64, 6]]` |
//! | `np.r_[-1:1:0.5]` (`start:stop:step`) | `r_![-1.0..1.0; 0.5]` |
//! | `np.r_[0:1:5j]` (a point count: linspace, the end included) | `r_![0.0..=1.0; 5]` |
//! | `np.r_['0,2,0', a, b]` (axis, ndmin, trans1d) | `r_!["0,2,0", &a, &b]` |
//! | `np.r_['r', …]`, `np.r_['c', …]` | `r_!["r", …]`, `r_!["c", …]` (a 2-d array, see below) |
//! | `np.c_[a, b]` (`np.r_['-1,2,0', a, b]`) | `c_![&a, &b]` |
//!
//! A slice is a [`GridSlice`] (the type [`crate::mgrid`] takes): `a..b` and `a..b; step`
//! are [`GridSlice::new`], `a..=b; n` is [`GridSlice::points`]; a downward slice is a
//! `GridSlice` itself (`np.r_[5:0:-2]` is `r_![GridSlice::new(5, 0, -2)]`: clippy rejects
//! the reversed range `5..0`). Its values are NumPy's
//! `arange(start, stop, step)` (int64 for `i64` bounds, float64 for `f64`) or
//! `linspace(start, stop, n)` (float64). Plain Rust numbers `i64`, `f64`, `bool` and
//! [`C128`] are Python scalars (weak, NEP 50: `r_![&int8_array, 3]` stays int8); arrays,
//! views, `DynArray`s, Rust arrays and vectors are arrays (strong). The result's dtype is
//! `numpy.result_type` of every item, as NumPy computes it, so the result is a
//! [`DynArray`] (`.into_typed::<T>()` makes it typed). A Rust integer literal in an array
//! (`[5, 6]`) is an `i32`, not Python's int64: write `[5i64, 6]` where the dtype matters.
//!
//! `'r'` and `'c'` make a `numpy.matrix` in NumPy; nprs has no matrix class and gives the
//! matrix's 2-d array (a row for `'r'`, a column for `'c'`).
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{DType, c_, r_};
//! // np.r_[1:4, 0, [5, 6]]
//! let a = r_![1..4, 0, [5i64, 6]]?;
//! assert_eq!(*a.dtype(), DType::Int64);
//! assert_eq!(a.to_typed::<i64>()?.to_vec(), vec![1, 2, 3, 0, 5, 6]);
//! // np.r_[0:1:5j]
//! assert_eq!(r_![0.0..=1.0; 5]?.to_typed::<f64>()?.to_vec(), vec![0.0, 0.25, 0.5, 0.75, 1.0]);
//! // np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])]
//! let c = c_![&array![1i64, 2, 3], &array![4i64, 5, 6]]?;
//! assert_eq!(c.shape(), &[3, 2]);
//! assert_eq!(c.to_typed::<i64>()?.to_vec(), vec![1, 4, 2, 5, 3, 6]);
//! # Ok::<(), nprs_core::Error>(())
//! ```

use std::ops::{Range, RangeInclusive};

use crate::array::{Array, ArrayBase};
use crate::dtype::{C128, Element};
use crate::dynarray::{DynArray, DynView, concatenate};
use crate::error::{Error, Result};
use crate::mgrid::{GridSlice, GridStep};
use crate::promote::{TypeArg, result_type};
use crate::ranges::{arange, linspace};
use crate::scalar::Scalar;
use crate::storage::Data;

/// One entry of [`r_`]/[`c_`]: a directive, a slice, a Python scalar or an array. Made
/// by `From` (the macros call it on every entry).
#[derive(Clone, Debug)]
pub enum RItem {
    /// A string directive (`"r"`, `"c"`, `"1"`, `"0,2"`, `"-1,2,0"`): only first.
    Directive(String),
    /// An integer `start:stop:step` or `start:stop:nj`.
    IntSlice(GridSlice<i64>),
    /// A float `start:stop:step` or `start:stop:nj`.
    FloatSlice(GridSlice<f64>),
    /// A Python scalar (`bool`, `int`, `float`, `complex`): weak in the result's dtype.
    Scalar(Scalar),
    /// An array: its dtype takes part in the result's.
    Array(DynArray),
}

impl From<&str> for RItem {
    fn from(s: &str) -> Self {
        RItem::Directive(s.to_string())
    }
}

impl From<GridSlice<i64>> for RItem {
    fn from(s: GridSlice<i64>) -> Self {
        RItem::IntSlice(s)
    }
}

impl From<GridSlice<f64>> for RItem {
    fn from(s: GridSlice<f64>) -> Self {
        RItem::FloatSlice(s)
    }
}

impl From<Range<i64>> for RItem {
    /// `start:stop`.
    fn from(r: Range<i64>) -> Self {
        RItem::IntSlice(r.into())
    }
}

impl From<Range<f64>> for RItem {
    /// `start:stop` with float bounds.
    fn from(r: Range<f64>) -> Self {
        RItem::FloatSlice(r.into())
    }
}

macro_rules! scalar_item {
    ($($t:ty),*) => {$(
        impl From<$t> for RItem {
            /// A Python scalar.
            fn from(x: $t) -> Self {
                RItem::Scalar(Scalar::from(x))
            }
        }
    )*};
}
scalar_item!(i64, f64, bool, C128);

impl From<DynArray> for RItem {
    fn from(a: DynArray) -> Self {
        RItem::Array(a)
    }
}

impl From<&DynArray> for RItem {
    fn from(a: &DynArray) -> Self {
        RItem::Array(a.clone())
    }
}

impl From<DynView<'_>> for RItem {
    fn from(a: DynView<'_>) -> Self {
        RItem::Array(a.to_owned())
    }
}

impl<S: Data> From<&ArrayBase<S>> for RItem {
    fn from(a: &ArrayBase<S>) -> Self {
        RItem::Array(DynArray::from_view(a))
    }
}

impl<T: Element> From<Array<T>> for RItem {
    fn from(a: Array<T>) -> Self {
        RItem::Array(DynArray::from(a))
    }
}

impl<T: Element, const N: usize> From<[T; N]> for RItem {
    /// A list: a 1-d array.
    fn from(a: [T; N]) -> Self {
        RItem::Array(DynArray::from(Array::from_vec(a.to_vec())))
    }
}

impl<T: Element> From<Vec<T>> for RItem {
    /// A list: a 1-d array.
    fn from(a: Vec<T>) -> Self {
        RItem::Array(DynArray::from(Array::from_vec(a)))
    }
}

/// A range with a step, as the macros' `range; step` entries: `a..b; step` steps by
/// `step`, `a..=b; n` takes `n` points with the end included (NumPy's `a:b:nj`).
pub trait SliceWithStep {
    /// The step's type (the bounds' type, or a point count).
    type Step;
    /// The entry.
    fn with_step(self, step: Self::Step) -> RItem;
}

impl SliceWithStep for Range<i64> {
    type Step = i64;
    fn with_step(self, step: i64) -> RItem {
        RItem::IntSlice(GridSlice::new(self.start, self.end, step))
    }
}

impl SliceWithStep for Range<f64> {
    type Step = f64;
    fn with_step(self, step: f64) -> RItem {
        RItem::FloatSlice(GridSlice::new(self.start, self.end, step))
    }
}

impl SliceWithStep for RangeInclusive<i64> {
    type Step = usize;
    fn with_step(self, n: usize) -> RItem {
        RItem::IntSlice(GridSlice::points(*self.start(), *self.end(), n))
    }
}

impl SliceWithStep for RangeInclusive<f64> {
    type Step = usize;
    fn with_step(self, n: usize) -> RItem {
        RItem::FloatSlice(GridSlice::points(*self.start(), *self.end(), n))
    }
}

/// The concatenation settings a directive changes.
#[derive(Clone, Copy, Debug)]
struct Settings {
    axis: isize,
    ndmin: usize,
    trans1d: isize,
    /// `'r'` (`Some(false)`) or `'c'` (`Some(true)`).
    matrix: Option<bool>,
}

fn parse_directive(d: &str, s: &mut Settings) -> Result<()> {
    if d == "r" || d == "c" {
        s.matrix = Some(d == "c");
        return Ok(());
    }
    let py_int = |x: &str| x.trim().replace('_', "").parse::<isize>().ok();
    if d.contains(',') {
        let parts: Vec<&str> = d.split(',').collect();
        let bad = || Error::UnknownDirective { directive: Some(d.to_string()) };
        let axis = py_int(parts[0]).ok_or_else(bad)?;
        let ndmin = py_int(parts[1]).ok_or_else(bad)?;
        let trans1d = if parts.len() == 3 { Some(py_int(parts[2]).ok_or_else(bad)?) } else { None };
        s.axis = axis;
        // A negative ndmin asks for nothing extra, as in `np.array(x, ndmin=-1)`.
        s.ndmin = usize::try_from(ndmin).unwrap_or(0);
        if let Some(t) = trans1d {
            s.trans1d = t;
        }
        return Ok(());
    }
    s.axis = py_int(d).ok_or(Error::UnknownDirective { directive: None })?;
    Ok(())
}

/// `a` with ones prepended to `ndmin` dimensions (`np.array(a, ndmin=ndmin)`).
fn with_ndmin(a: DynArray, ndmin: usize) -> Result<DynArray> {
    if a.ndim() >= ndmin {
        return Ok(a);
    }
    let mut shape = vec![1; ndmin - a.ndim()];
    shape.extend_from_slice(a.shape());
    a.into_shape(&shape[..])
}

/// A slice's values: NumPy's `arange(start, stop, step)`, or `linspace(start, stop, n)`
/// for a point count.
fn slice_values<T: crate::ranges::RangeArg>(s: &GridSlice<T>, to_f64: impl Fn(T) -> f64) -> Result<DynArray> {
    Ok(match s.step {
        GridStep::By(step) => DynArray::from(arange(s.start, s.stop, step)?),
        GridStep::Points(n) => DynArray::from(linspace(to_f64(s.start), to_f64(s.stop), n, true)?),
    })
}

/// A slice's values under `ndmin` and `trans1d`.
fn slice_item(v: DynArray, s: Settings) -> Result<DynArray> {
    if s.ndmin <= 1 {
        return Ok(v);
    }
    let v = with_ndmin(v, s.ndmin)?;
    if s.trans1d == -1 { Ok(v) } else { Ok(v.swapaxes(-1, s.trans1d)?.to_owned()) }
}

/// An entry on its way to the concatenation: scalars wait for the result's dtype.
enum Obj {
    Arr(DynArray),
    Scal(Scalar),
}

fn concatenator(items: Vec<RItem>, mut s: Settings) -> Result<DynArray> {
    let mut objs: Vec<Obj> = Vec::with_capacity(items.len());
    let mut types: Vec<TypeArg> = Vec::with_capacity(items.len());
    for (k, item) in items.into_iter().enumerate() {
        match item {
            RItem::Directive(d) => {
                if k != 0 {
                    return Err(Error::DirectiveNotFirst);
                }
                parse_directive(&d, &mut s)?;
                continue;
            }
            #[allow(clippy::cast_precision_loss)] // Python's float() of an int bound
            RItem::IntSlice(g) => {
                let v = slice_item(slice_values(&g, |x| x as f64)?, s)?;
                types.push(TypeArg::DType(v.dtype().clone()));
                objs.push(Obj::Arr(v));
            }
            RItem::FloatSlice(g) => {
                let v = slice_item(slice_values(&g, |x| x)?, s)?;
                types.push(TypeArg::DType(v.dtype().clone()));
                objs.push(Obj::Arr(v));
            }
            RItem::Scalar(x) => {
                types.push(TypeArg::of_scalar(&x));
                objs.push(Obj::Scal(x));
            }
            RItem::Array(a) => {
                let nd = a.ndim();
                let mut v = with_ndmin(a, s.ndmin)?;
                if s.trans1d != -1 && nd < s.ndmin {
                    v = v.permute_dims(&trans1d_axes(nd, s.ndmin, s.trans1d))?.to_owned();
                }
                types.push(TypeArg::DType(v.dtype().clone()));
                objs.push(Obj::Arr(v));
            }
        }
    }
    if types.is_empty() {
        return Err(Error::NoArrays { op: "concatenate" });
    }
    let dtype = result_type(&types)?;
    let ready = objs
        .into_iter()
        .map(|o| match o {
            Obj::Arr(a) => with_ndmin(a.astype(&dtype)?, s.ndmin),
            Obj::Scal(x) => DynArray::full(&vec![1; s.ndmin], &dtype, x),
        })
        .collect::<Result<Vec<_>>>()?;
    let views: Vec<DynView<'_>> = ready.iter().map(|a| a.view()).collect();
    let res = concatenate(&views, s.axis)?;
    match s.matrix {
        None => Ok(res),
        Some(col) => {
            let nd = res.ndim();
            if nd > 2 {
                return Err(Error::MatrixNdim);
            }
            let n = res.size();
            let m = with_ndmin(res, 2)?;
            if nd == 1 && col { m.into_shape(&[n, 1][..]) } else { Ok(m) }
        }
    }
}

/// NumPy's axis order for an array of `nd < ndmin` dimensions under `trans1d`: the
/// array's own axes move to position `trans1d` among the `ndmin` axes.
fn trans1d_axes(nd: usize, ndmin: usize, trans1d: isize) -> Vec<isize> {
    let k2 = (ndmin - nd).cast_signed();
    let n = ndmin.cast_signed();
    let mut k1 = trans1d;
    if k1 < 0 {
        k1 += k2 + 1;
    }
    // Python's list slicing `defaxes[lo:hi]`, with its clamping of negative bounds.
    let py = |i: isize| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let range = |lo: isize, hi: isize| (py(lo)..py(hi).max(py(lo))).collect::<Vec<isize>>();
    [range(0, k1), range(k2, n), range(k1, k2)].concat()
}

/// `numpy.r_[items]`: the entries concatenated along the first axis (a leading directive
/// changes the axis, the minimum number of dimensions and where 1-d entries go). The
/// [`r_!`](crate::r_!) macro builds the list; the module docs show the forms.
///
/// ```
/// use nprs_core::{GridSlice, r_};
/// // np.r_['0,2', [1, 2], 3:5]
/// let a = r_(vec!["0,2".into(), [1i64, 2].into(), (3i64..5).into()])?;
/// assert_eq!(a.shape(), &[2, 2]);
/// // np.r_[5:0:-2, 0.5]
/// let b = r_(vec![GridSlice::new(5, 0, -2).into(), 0.5.into()])?;
/// assert_eq!(b.to_typed::<f64>()?.to_vec(), vec![5.0, 3.0, 1.0, 0.5]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// NumPy's: a directive that is not first ("special directives must be the first entry."),
/// an unknown directive, nothing to concatenate, arrays that do not fit together along the
/// axis, a zero step, a scalar out of the result dtype's range, dtypes without a common
/// dtype, `'r'`/`'c'` of a result with more than two dimensions.
#[doc(alias = "numpy.r_")]
pub fn r_(items: Vec<RItem>) -> Result<DynArray> {
    concatenator(items, Settings { axis: 0, ndmin: 1, trans1d: -1, matrix: None })
}

/// `numpy.c_[items]`: [`r_`] with the directive `'-1,2,0'` (1-d entries become columns,
/// concatenated along the last axis). The [`c_!`](crate::c_!) macro builds the list.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::c_;
/// // np.c_[np.array([[1, 2, 3]]), 0, 0, np.array([[4, 5, 6]])]
/// let a = c_(vec![(&array![[1i64, 2, 3]]).into(), 0.into(), 0.into(), (&array![[4i64, 5, 6]]).into()])?;
/// assert_eq!(a.to_typed::<i64>()?.to_vec(), vec![1, 2, 3, 0, 0, 4, 5, 6]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
///
/// # Errors
/// As [`r_`].
#[doc(alias = "numpy.c_")]
pub fn c_(items: Vec<RItem>) -> Result<DynArray> {
    concatenator(items, Settings { axis: -1, ndmin: 2, trans1d: 0, matrix: None })
}

/// `numpy.r_[…]`: `r_![1..4, 0, [5i64, 6]]`; entries `a..b; step` and `a..=b; n` (a point
/// count, NumPy's `a:b:nj`) are slices, a leading string is a directive. Expands to a call
/// of [`r_`](crate::index_tricks::r_) and returns its `Result`; the module
/// [`index_tricks`](crate::index_tricks) lists the forms.
///
/// ```
/// use nprs_core::r_;
/// // np.r_[-1:1:6j, [0]*3, 5, 6]
/// let a = r_![-1.0..=1.0; 6, [0i64; 3], 5, 6]?;
/// assert_eq!(a.shape(), &[11]);
/// assert_eq!(a.to_typed::<f64>()?.to_vec()[..3], [-1.0, -0.6, -0.19999999999999996]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
#[macro_export]
macro_rules! r_ {
    ($($item:expr $(; $step:expr)?),* $(,)?) => {
        $crate::index_tricks::r_(::std::vec![$($crate::__r_item!($item $(; $step)?)),*])
    };
}

/// `numpy.c_[…]`: as [`r_!`](crate::r_!) with [`c_`](crate::index_tricks::c_).
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_core::c_;
/// // np.c_[np.array([1, 2, 3]), np.array([4, 5, 6])]
/// let a = c_![&array![1.0, 2.0, 3.0], &array![4.0, 5.0, 6.0]]?;
/// assert_eq!(a.shape(), &[3, 2]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
#[macro_export]
macro_rules! c_ {
    ($($item:expr $(; $step:expr)?),* $(,)?) => {
        $crate::index_tricks::c_(::std::vec![$($crate::__r_item!($item $(; $step)?)),*])
    };
}

/// One entry of [`r_!`](crate::r_!) / [`c_!`](crate::c_!).
#[doc(hidden)]
#[macro_export]
macro_rules! __r_item {
    ($item:expr) => {
        $crate::index_tricks::RItem::from($item)
    };
    ($item:expr; $step:expr) => {
        $crate::index_tricks::SliceWithStep::with_step($item, $step)
    };
}
