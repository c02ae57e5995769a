//! NumPy's reductions — `sum`, `prod`, `max`/`amax`, `min`/`amin`, `all`, `any`, `mean`,
//! `var`, `std` — built once on the ufunc machinery: `sum` is `add.reduce`, `prod` is
//! `multiply.reduce`, `max` is `maximum.reduce`, `all` is `logical_and.reduce`, and `mean`,
//! `var` and `std` are NumPy's own compositions of those with `true_divide`, `subtract`,
//! `multiply` and `sqrt` (`numpy/_core/_methods.py`), so every dtype, layout and option
//! goes through one path.
//!
//! - The dynamic forms (`sum_dyn`, `mean_dyn`, …) take any numeric [`DynView`] and
//!   [`ReduceArgs`]: NumPy's `axis` (all, one, negative, a tuple), `keepdims`, `where`,
//!   `dtype`, `initial` and `ddof`.
//! - Typed arrays and views reach the same functions through the extension trait
//!   [`ReduceMethods`] (`a.sum(1)`, `a.mean(())`, `a.std(ReduceArgs::new().ddof(1.0))`), whose
//!   results are typed with NumPy's result type ([`ReduceElem`]); [`sum()`] is the
//!   whole-array sum as a scalar. A typed array becomes a dynamic view without a copy, so
//!   typed and dynamic calls run the same code.
//!
//! The numbers are NumPy's: float and complex sums use NumPy's pairwise summation as its
//! iterator feeds it (whole lanes along an innermost axis, 8,192-element buffers when the
//! elements are converted, in-order accumulation along outer axes; see
//! [`SumElem`]); integers and bool sum in int64 (uint64 for unsigned), `mean` of
//! integers is computed in float64 and `mean` of float16 in float32 and returned as
//! float16; `var` is NumPy's two-pass formula (mean, subtract, square — `re² + im²` for
//! complex, a real result —, sum, divide by `max(n - ddof, 0)`).
//!
//! Warnings: nprs has no general warning channel, only the floating-point error state
//! ([`errstate`](nprs_core::fpstatus)). The mean of an empty slice is NaN as in NumPy,
//! and the `0/0` reports NumPy's "invalid value encountered in divide"; NumPy's extra
//! "Mean of empty slice" and "Degrees of freedom <= 0 for slice" warnings are not emitted.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_core::{DType, DynArray};
//! use nprs_ufunc::{ReduceArgs, ReduceMethods, mean_dyn, sum_dyn};
//! let a = array![[1i8, 2, 3], [4, 5, 6]];
//! assert_eq!(a.sum(1)?.to_vec(), vec![6i64, 15]); // int8 sums in int64
//! assert_eq!(a.mean(())?.item()?, 3.5); // the mean of ints is float64
//! let d = DynArray::from(a);
//! let m = mean_dyn(&d.view(), &ReduceArgs::new().axis(0).keepdims(true))?;
//! assert_eq!((m.shape(), m.dtype().numeric()), (&[1, 3][..], Some(DType::Float64)));
//! let s = sum_dyn(&d.view(), &ReduceArgs::new().axes(&[0, 1]).dtype(DType::Int8))?;
//! assert_eq!(s.typed::<i8>()?.item()?, 21);
//! # Ok::<(), nprs_core::Error>(())
//! ```

mod arg;
pub(crate) mod lanes;
mod nan;
pub(crate) mod pairwise;

use nprs_core::dynarray::{DynView, Operand};
use nprs_core::kernel::Data;
use nprs_core::{
    Array, ArrayBase, C64, C128, DType, Descr, DynArray, Element, Error, Result, Scalar, UfuncOptions, f16,
};

pub use arg::{
    argmax_dyn, argmin_dyn, average_dyn, count_nonzero_dyn, cumprod_dyn, cumsum_dyn, cumulative_prod_dyn,
    cumulative_sum_dyn, ptp_dyn,
};
pub use nan::{nanargmax, nanargmin, nancumprod, nancumsum, nanmax, nanmean, nanmin, nanprod, nanstd, nansum, nanvar};
pub use nan::{
    nanargmax_dyn, nanargmin_dyn, nancumprod_dyn, nancumsum_dyn, nanmax_dyn, nanmean_dyn, nanmin_dyn, nanprod_dyn,
    nanstd_dyn, nansum_dyn, nanvar_dyn,
};
pub use pairwise::SumElem;

use crate::ufunc::ReduceOptions;
use crate::ufuncs::{ADD, DIVIDE, LOGICAL_AND, LOGICAL_OR, MAXIMUM, MINIMUM, MULTIPLY, SQRT, SUBTRACT};

/// The axes a reduction runs over (NumPy's `axis=`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Axis {
    /// Every axis (`axis=None`, the default of the reduction functions).
    #[default]
    All,
    /// One axis (negative counts from the end).
    One(isize),
    /// Several axes at once (`axis=(0, 2)`; an empty tuple reduces nothing).
    Many(Vec<isize>),
}

/// NumPy's options of the reduction functions: `axis`, `keepdims`, `where`, `dtype`,
/// `initial` and `ddof`. `()` converts to the defaults and an `isize` to `axis=`, so
/// `a.sum(())` and `a.sum(1)` read as `a.sum()` and `a.sum(axis=1)`.
#[derive(Default)]
pub struct ReduceArgs<'w> {
    axis: Axis,
    keepdims: bool,
    mask: Option<DynView<'w>>,
    dtype: Option<DType>,
    initial: Option<Scalar>,
    ddof: f64,
}

impl<'w> ReduceArgs<'w> {
    /// NumPy's defaults: every axis, no `keepdims`, no mask, the default dtype, `ddof=0`.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Reduce along one axis (`axis=k`; negative counts from the end).
    #[must_use]
    pub fn axis(mut self, axis: isize) -> Self {
        self.axis = Axis::One(axis);
        self
    }

    /// Reduce over several axes (`axis=(0, 2)`).
    #[must_use]
    pub fn axes(mut self, axes: &[isize]) -> Self {
        self.axis = Axis::Many(axes.to_vec());
        self
    }

    /// The axes as an [`Axis`] value.
    #[must_use]
    pub fn with_axis(mut self, axis: Axis) -> Self {
        self.axis = axis;
        self
    }

    /// Reduce over every axis (`axis=None`, the default).
    #[must_use]
    pub fn all_axes(mut self) -> Self {
        self.axis = Axis::All;
        self
    }

    /// Keep the reduced axes with length one (`keepdims=True`).
    #[must_use]
    pub fn keepdims(mut self, keep: bool) -> Self {
        self.keepdims = keep;
        self
    }

    /// Only the elements where `mask` (bool, broadcast to the input) is true take part
    /// (`where=`).
    #[must_use]
    pub fn where_mask(mut self, mask: impl Into<DynView<'w>>) -> Self {
        self.mask = Some(mask.into());
        self
    }

    /// The dtype the reduction computes in and returns (`dtype=`).
    #[must_use]
    pub fn dtype(mut self, dtype: DType) -> Self {
        self.dtype = Some(dtype);
        self
    }

    /// The value the reduction starts from (`initial=`; `sum`, `prod`, `max`, `min`).
    #[must_use]
    pub fn initial(mut self, value: impl Into<Scalar>) -> Self {
        self.initial = Some(value.into());
        self
    }

    /// Delta degrees of freedom of `var` and `std` (`ddof=`): the divisor is `n - ddof`.
    #[must_use]
    pub fn ddof(mut self, ddof: f64) -> Self {
        self.ddof = ddof;
        self
    }

    /// The options of `ufunc.reduce` these stand for, with `dtype` and `keepdims` as given.
    fn reduce_options(&self, dtype: Option<DType>, keepdims: bool) -> ReduceOptions<'w> {
        let mut o = ReduceOptions::new().keepdims(keepdims);
        o = match &self.axis {
            Axis::All => o.all_axes(),
            Axis::One(ax) => o.axis(*ax),
            Axis::Many(axes) => o.axes(axes),
        };
        if let Some(d) = dtype {
            o = o.dtype(d);
        }
        if let Some(v) = &self.initial {
            o = o.initial(v.clone());
        }
        if let Some(m) = &self.mask {
            o = o.where_view(m.reborrow());
        }
        o
    }
}

impl Clone for ReduceArgs<'_> {
    fn clone(&self) -> Self {
        Self {
            axis: self.axis.clone(),
            keepdims: self.keepdims,
            mask: self.mask.as_ref().map(DynView::reborrow),
            dtype: self.dtype,
            initial: self.initial.clone(),
            ddof: self.ddof,
        }
    }
}

impl From<()> for ReduceArgs<'_> {
    fn from((): ()) -> Self {
        Self::new()
    }
}

impl From<isize> for ReduceArgs<'_> {
    fn from(axis: isize) -> Self {
        Self::new().axis(axis)
    }
}

impl From<i32> for ReduceArgs<'_> {
    fn from(axis: i32) -> Self {
        Self::new().axis(axis as isize)
    }
}

impl<'w> From<&ReduceArgs<'w>> for ReduceArgs<'w> {
    fn from(args: &ReduceArgs<'w>) -> Self {
        args.clone()
    }
}

/// `numpy.sum(a, axis, dtype, keepdims, initial, where)`: `add.reduce` (bool and small
/// integers in int64/uint64, floats and complex numbers pairwise as NumPy).
///
/// # Errors
/// NumPy's: an axis out of range (AxisError), a repeated axis, a non-numeric dtype, a
/// mask that does not broadcast.
pub fn sum_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    ADD.reduce(a, &args.reduce_options(args.dtype, args.keepdims))
}

/// `numpy.prod`: `multiply.reduce` (bool and small integers in int64/uint64).
///
/// # Errors
/// As [`sum_dyn`].
pub fn prod_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    MULTIPLY.reduce(a, &args.reduce_options(args.dtype, args.keepdims))
}

/// `numpy.max` / `numpy.amax`: `maximum.reduce` (NaN propagates).
///
/// # Errors
/// As [`sum_dyn`], and NumPy's "zero-size array to reduction operation maximum which has
/// no identity" for an empty reduction without `initial`, and its error for `where=`
/// without `initial`.
pub fn max_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    MAXIMUM.reduce(a, &args.reduce_options(args.dtype, args.keepdims))
}

/// `numpy.min` / `numpy.amin`: `minimum.reduce` (NaN propagates).
///
/// # Errors
/// As [`max_dyn`].
pub fn min_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    MINIMUM.reduce(a, &args.reduce_options(args.dtype, args.keepdims))
}

/// `numpy.amax`, the same function as [`max_dyn`].
///
/// # Errors
/// As [`max_dyn`].
pub fn amax_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    max_dyn(a, args)
}

/// `numpy.amin`, the same function as [`min_dyn`].
///
/// # Errors
/// As [`max_dyn`].
pub fn amin_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    min_dyn(a, args)
}

/// `numpy.all`: `logical_and.reduce`, a bool result (`dtype` is ignored, as NumPy's
/// bool result).
///
/// # Errors
/// As [`sum_dyn`].
pub fn all_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    LOGICAL_AND.reduce(a, &args.reduce_options(None, args.keepdims))
}

/// `numpy.any`: `logical_or.reduce`, a bool result.
///
/// # Errors
/// As [`sum_dyn`].
pub fn any_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    LOGICAL_OR.reduce(a, &args.reduce_options(None, args.keepdims))
}

/// The numeric dtype of `a`, or NumPy's TypeError for `what`.
fn numeric(a: &DynView<'_>, what: &'static str) -> Result<DType> {
    a.dtype().numeric().ok_or_else(|| Error::NotNumeric { op: what, dtype: a.dtype().to_string() })
}

/// NumPy's `_count_reduce_items`: the number of elements each result stands for, as an
/// int64 array of the result's shape (0-d without a mask: NumPy's `intp` scalar).
fn count_items(a: &DynView<'_>, args: &ReduceArgs<'_>, keepdims: bool) -> Result<DynArray> {
    if let Some(m) = &args.mask {
        let full = m.broadcast_to(a.shape())?;
        let mut o = args.clone();
        o.initial = None;
        o.mask = None;
        return ADD.reduce(&full, &o.reduce_options(Some(DType::Int64), keepdims));
    }
    let nd = a.ndim();
    let n: usize = match &args.axis {
        Axis::All => a.size(),
        Axis::One(ax) => a.shape()[nprs_core::dims::normalize_axis(*ax, nd)?],
        Axis::Many(axes) => {
            let mut seen = Vec::new();
            for &ax in axes {
                let d = nprs_core::dims::normalize_axis(ax, nd)?;
                if seen.contains(&d) {
                    return Err(Error::DuplicateReduceAxis);
                }
                seen.push(d);
            }
            seen.iter().map(|&d| a.shape()[d]).product()
        }
    };
    Ok(DynArray::from(Array::from_elem_0d(n as i64)))
}

/// Whether any element of an int64 count array satisfies `f`.
fn any_i64(counts: &DynArray, f: impl Fn(i64) -> bool) -> Result<bool> {
    Ok(counts.typed::<i64>()?.iter().any(f))
}

/// Reports NumPy's `RuntimeWarning` `message` through [`nprs_core::warnings`].
pub(crate) fn warn_runtime(message: &str) -> Result<()> {
    nprs_core::warnings::warn(nprs_core::warnings::Category::Runtime, message)
}

/// `true_divide(num, den, out=num, casting='unsafe')`: the quotient in `num`'s dtype.
fn divide_into(num: &DynArray, den: &DynArray) -> Result<DynArray> {
    let q = DIVIDE.call(&[num.into(), den.into()], UfuncOptions::new())?;
    if q.dtype() == num.dtype() { Ok(q) } else { q.astype(num.dtype()) }
}

/// The dtype `mean` and `var` sum in when no `dtype` is given: float64 for bool and
/// integers, the input's otherwise.
fn float_sum_dtype(dt: DType, given: Option<DType>) -> Option<DType> {
    given.or(match dt {
        DType::Bool
        | DType::Int8
        | DType::Int16
        | DType::Int32
        | DType::Int64
        | DType::UInt8
        | DType::UInt16
        | DType::UInt32
        | DType::UInt64 => Some(DType::Float64),
        _ => None,
    })
}

/// `numpy.mean`: `add.reduce` divided by the number of elements, as NumPy's `_mean`:
/// integers and bool in float64, float16 summed in float32 and returned as float16; with
/// `where=`, each result is divided by its own count. An empty slice gives NaN.
///
/// # Errors
/// As [`sum_dyn`].
pub fn mean_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    if matches!(a.dtype().kind(), 'M' | 'm') {
        // Timedeltas: the sum divided by the count (`m8 / int` truncates; an empty slice
        // is NaT); datetimes get `add`'s error, as in NumPy.
        let count = count_items(a, args, args.keepdims)?;
        let s = ADD.reduce(a, &args.reduce_options(args.dtype, args.keepdims))?;
        return DIVIDE.call(&[(&s).into(), (&count).into()], UfuncOptions::new());
    }
    let dt = numeric(a, "mean")?;
    let half = args.dtype.is_none() && dt == DType::Float16;
    let sum_dtype = if half { Some(DType::Float32) } else { float_sum_dtype(dt, args.dtype) };
    let count = count_items(a, args, args.keepdims)?;
    if any_i64(&count, |n| n == 0)? {
        warn_runtime("Mean of empty slice")?;
    }
    let s = ADD.reduce(a, &args.reduce_options(sum_dtype, args.keepdims))?;
    let q = divide_into(&s, &count)?;
    if half { q.astype(&Descr::from(DType::Float16)) } else { Ok(q) }
}

/// `numpy.var` with `ddof`: NumPy's two passes (the mean with `keepdims`, `x = a - mean`,
/// `x * x` — `re² + im²` for complex, a real result —, their sum divided by
/// `max(n - ddof, 0)`). `ddof >= n` gives NumPy's inf/NaN.
///
/// # Errors
/// As [`sum_dyn`].
pub fn var_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    let dt = numeric(a, "var")?;
    let sum_dtype = float_sum_dtype(dt, args.dtype);
    let mut plain = args.clone();
    plain.initial = None;
    let count_keep = count_items(a, &plain, true)?;
    if any_i64(&count_keep, |n| n as f64 - args.ddof <= 0.0)? {
        warn_runtime("Degrees of freedom <= 0 for slice")?;
    }
    let s = ADD.reduce(a, &plain.reduce_options(sum_dtype, true))?;
    let mean = divide_into(&s, &count_keep)?;
    let x = SUBTRACT.call(&[Operand::Array(a.reborrow()), (&mean).into()], UfuncOptions::new())?;
    let sq = match x.dtype().numeric() {
        Some(DType::Complex64) => abs2::<C64, f32>(&x, |z| z.re * z.re + z.im * z.im)?,
        Some(DType::Complex128) => abs2::<C128, f64>(&x, |z| z.re * z.re + z.im * z.im)?,
        _ => MULTIPLY.call(&[(&x).into(), (&x).into()], UfuncOptions::new())?,
    };
    let ret = ADD.reduce(&sq.view(), &plain.reduce_options(sum_dtype, args.keepdims))?;
    let count = count_items(a, &plain, args.keepdims)?;
    let ddof = args.ddof;
    let div: Array<f64> = nprs_core::kernel::map(&count.typed::<i64>()?, |n: i64| (n as f64 - ddof).max(0.0));
    divide_into(&ret, &DynArray::from(div))
}

/// `x * conj(x)` of complex `x` as NumPy's `_var` computes it: the squares of the real
/// and imaginary parts added in the real dtype, in `x`'s layout.
fn abs2<C: Element, R: Element>(x: &DynArray, f: impl Fn(&C) -> R + Sync + Send) -> Result<DynArray> {
    Ok(DynArray::from(nprs_core::kernel::map(&x.typed::<C>()?, move |z: C| f(&z))))
}

/// `numpy.std`: the square root of [`var_dyn`], in its dtype.
///
/// # Errors
/// As [`var_dyn`].
pub fn std_dyn(a: &DynView<'_>, args: &ReduceArgs<'_>) -> Result<DynArray> {
    let v = var_dyn(a, args)?;
    SQRT.call(&[(&v).into()], UfuncOptions::new())
}

/// Element types of the typed reductions, with NumPy's result types.
pub trait ReduceElem: SumElem {
    /// The result of `mean`: float64 for bool and integers, the input's type for floats
    /// and complex numbers.
    type Mean: Element;
    /// The result of `var` and `std`: as `Mean`, real for complex inputs.
    type Var: Element;
}

macro_rules! reduce_elem {
    ($($t:ty => $m:ty, $v:ty);* $(;)?) => {$(
        impl ReduceElem for $t {
            type Mean = $m;
            type Var = $v;
        }
    )*};
}
reduce_elem!(
    bool => f64, f64; i8 => f64, f64; i16 => f64, f64; i32 => f64, f64; i64 => f64, f64;
    u8 => f64, f64; u16 => f64, f64; u32 => f64, f64; u64 => f64, f64;
    f16 => f16, f16; f32 => f32, f32; f64 => f64, f64; C64 => C64, f32; C128 => C128, f64;
);

/// NumPy's reduction methods on typed arrays and views (`a.sum(axis)`, `a.mean()`…),
/// running the dynamic functions on a view of the same memory. Results are typed with
/// NumPy's result type and are 0-d when every axis is reduced (`.item()` gives the
/// scalar). A `dtype=` other than that type is an error here: use the `_dyn` function.
///
/// ```
/// use nprs_core::prelude::*;
/// use nprs_ufunc::{ReduceArgs, ReduceMethods};
/// let a = array![[1.0, 2.0], [3.0, 5.0]];
/// assert_eq!(a.max(0)?.to_vec(), vec![3.0, 5.0]);
/// assert_eq!(a.var(ReduceArgs::new().axis(1).ddof(1.0))?.to_vec(), vec![0.5, 2.0]);
/// assert_eq!(a.t().sum(-1)?.to_vec(), vec![4.0, 7.0]);
/// # Ok::<(), nprs_core::Error>(())
/// ```
pub trait ReduceMethods {
    /// The element type.
    type Elem: ReduceElem;
    /// `a.sum(...)`.
    ///
    /// # Errors
    /// As [`sum_dyn`].
    fn sum<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<Self::Elem as SumElem>::Out>>;
    /// `a.prod(...)`.
    ///
    /// # Errors
    /// As [`prod_dyn`].
    fn prod<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<Self::Elem as SumElem>::Out>>;
    /// `a.max(...)`.
    ///
    /// # Errors
    /// As [`max_dyn`].
    fn max<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<Self::Elem>>;
    /// `a.min(...)`.
    ///
    /// # Errors
    /// As [`min_dyn`].
    fn min<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<Self::Elem>>;
    /// `a.all(...)`.
    ///
    /// # Errors
    /// As [`all_dyn`].
    fn all<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<bool>>;
    /// `a.any(...)`.
    ///
    /// # Errors
    /// As [`any_dyn`].
    fn any<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<bool>>;
    /// `a.mean(...)`.
    ///
    /// # Errors
    /// As [`mean_dyn`].
    fn mean<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<Self::Elem as ReduceElem>::Mean>>;
    /// `a.var(...)` (`ddof` in the arguments).
    ///
    /// # Errors
    /// As [`var_dyn`].
    fn var<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<Self::Elem as ReduceElem>::Var>>;
    /// `a.std(...)` (`ddof` in the arguments).
    ///
    /// # Errors
    /// As [`std_dyn`].
    fn std<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<Self::Elem as ReduceElem>::Var>>;
    /// `a.argmax(axis)` (`None`: of the flattened array; 0-d then).
    ///
    /// # Errors
    /// As [`argmax_dyn`].
    fn argmax(&self, axis: Option<isize>) -> Result<Array<i64>>;
    /// `a.argmin(axis)`.
    ///
    /// # Errors
    /// As [`argmin_dyn`].
    fn argmin(&self, axis: Option<isize>) -> Result<Array<i64>>;
    /// `a.ptp(...)`.
    ///
    /// # Errors
    /// As [`ptp_dyn`].
    fn ptp<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<Self::Elem>>;
    /// `a.cumsum(axis)` (`None`: of the flattened array).
    ///
    /// # Errors
    /// As [`cumsum_dyn`].
    fn cumsum(&self, axis: Option<isize>) -> Result<Array<<Self::Elem as SumElem>::Out>>;
    /// `a.cumprod(axis)`.
    ///
    /// # Errors
    /// As [`cumprod_dyn`].
    fn cumprod(&self, axis: Option<isize>) -> Result<Array<<Self::Elem as SumElem>::Out>>;
}

impl<S: Data> ReduceMethods for ArrayBase<S>
where
    S::Elem: ReduceElem,
{
    type Elem = S::Elem;
    fn sum<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<S::Elem as SumElem>::Out>> {
        sum_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn prod<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<S::Elem as SumElem>::Out>> {
        prod_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn max<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<S::Elem>> {
        max_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn min<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<S::Elem>> {
        min_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn all<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<bool>> {
        all_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn any<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<bool>> {
        any_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn mean<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<S::Elem as ReduceElem>::Mean>> {
        mean_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn var<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<S::Elem as ReduceElem>::Var>> {
        var_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn std<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<<S::Elem as ReduceElem>::Var>> {
        std_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn argmax(&self, axis: Option<isize>) -> Result<Array<i64>> {
        argmax_dyn(&DynView::from(self.view()), axis, false)?.into_typed()
    }
    fn argmin(&self, axis: Option<isize>) -> Result<Array<i64>> {
        argmin_dyn(&DynView::from(self.view()), axis, false)?.into_typed()
    }
    fn ptp<'w>(&self, args: impl Into<ReduceArgs<'w>>) -> Result<Array<S::Elem>> {
        ptp_dyn(&DynView::from(self.view()), &args.into())?.into_typed()
    }
    fn cumsum(&self, axis: Option<isize>) -> Result<Array<<S::Elem as SumElem>::Out>> {
        cumsum_dyn(&DynView::from(self.view()), axis)?.into_typed()
    }
    fn cumprod(&self, axis: Option<isize>) -> Result<Array<<S::Elem as SumElem>::Out>> {
        cumprod_dyn(&DynView::from(self.view()), axis)?.into_typed()
    }
}

/// `numpy.sum(a)`: the sum of all elements as a scalar, in NumPy's order of additions
/// (the same path as [`sum_dyn`] over every axis).
///
/// ```
/// use nprs_core::prelude::*;
/// let a = array![[1u8, 200], [100, 50]];
/// assert_eq!(nprs_ufunc::sum(&a), 351u64); // uint8 sums to uint64, as in NumPy
/// ```
///
/// # Panics
/// Never for a numeric element type: every such sum is defined (integers wrap).
#[must_use]
pub fn sum<S: Data>(a: &ArrayBase<S>) -> <S::Elem as SumElem>::Out
where
    S::Elem: SumElem,
{
    let r = sum_dyn(&DynView::from(a.view()), &ReduceArgs::new()).and_then(DynArray::into_typed);
    r.and_then(|t: Array<<S::Elem as SumElem>::Out>| t.item()).expect("the sum of a numeric array")
}
