//! # nprs — NumPy for Rust
//!
//! N-d arrays with NumPy's dtypes, broadcasting, views and printing, and NumPy's modules
//! under the same names: `nprs::random`, `nprs::linalg`, `nprs::fft`, `nprs::ma`,
//! `nprs::io`. A line of NumPy becomes a line of nprs with the same meaning and the same
//! numbers.
//!
//! ```
//! use nprs::prelude::*;
//!
//! // np.arange(12.0).reshape(3, 4) + np.array([10.0, 20.0, 30.0, 40.0])
//! let a = Array::<f64>::arange(12).into_shape(&[3, 4])?;
//! let b = &a + &array![10.0, 20.0, 30.0, 40.0];
//! assert_eq!(b.get(&[2, 3])?, 51.0);
//! // a[:, 1::2] is a view, as in NumPy
//! let v = a.slice(s![.., 1..;2]);
//! assert!(nprs::shares_memory(&a, &v, None)?);
//! # Ok::<(), nprs::Error>(())
//! ```
//!
//! Each sub-crate can also be used alone; the features of this crate are named after them
//! (`ufunc`, `linalg`, `random`, `fft`, `ma`, `datetime`, `io`), all on by default.
#![forbid(unsafe_code)]

pub use nprs_core::*;

#[cfg(feature = "ufunc")]
#[doc(inline)]
pub use nprs_ufunc as ufunc;
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::sum;
// Sorting, searching and sets (`np.sort`, `np.unique`, …); the method traits make
// `a.sort(axis)`, `a.argsort()`, `a.searchsorted(v, side)` and `a.partition(kth, axis)` work.
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    Intersection, PartitionInPlace, Side, SortElem, SortInPlace, SortKind, SortMethods, Unique, UniqueDyn,
    UniqueOptions, argpartition, argpartition_dyn, argsort, argsort_dyn, argsort_kind, intersect1d, intersect1d_dyn,
    intersect1d_indices, isin, isin_dyn, lexsort, lexsort_dyn, partition, partition_dyn, searchsorted,
    searchsorted_dyn, searchsorted_scalar, setdiff1d, setdiff1d_dyn, setxor1d, setxor1d_dyn, sort, sort_complex,
    sort_dyn, sort_kind, union1d, union1d_dyn, unique, unique_all, unique_counts, unique_dyn, unique_inverse,
    unique_values, unique_with,
};
// Every dtype NumPy sorts for dynamic arrays (`order=` for records), the dynamic array
// methods, and the selection helpers (`np.where`, `np.choose`, `np.place`, `np.putmask`).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    DynSortInPlace, DynSortMethods, argsort_fields_dyn, choose, choose_dyn, clip_mode, compress_dyn, extract_dyn,
    flatnonzero_dyn, nonzero_dyn, place, place_dyn, putmask, putmask_dyn, sort_fields_dyn, where_, where_dyn,
};
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{IntersectionDyn, intersect1d_indices_dyn};
// Ufuncs (`np.sqrt(a)`, `np.maximum(a, b)`, …) as typed functions over the ufunc table;
// `nprs::ufuncs::ADD.call(…)` for any dtype with NumPy's options, and the methods
// (`outer`, `at`, `reduce`).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    abs, absolute, isfinite, isinf, isnan, logical_and, logical_not, logical_or, logical_xor, maximum, minimum,
    positive, reciprocal, sign, sqrt, square, ufuncs,
};
// The binary math ufuncs (`np.power`, `np.arctan2`, …) on typed arrays, and the elementwise
// helpers beside them (`np.clip`, `np.isclose`, `np.round`, `np.select`, …), typed and dynamic.
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    IsClose, NanToNum, allclose, allclose_dyn, angle, angle_dyn, arctan2, around, around_dyn, atan2, clip, clip_dyn,
    copysign, heaviside, hypot, imag, imag_dyn, isclose, isclose_dyn, ldexp, logaddexp, logaddexp2, nan_to_num,
    nan_to_num_dyn, nextafter, pow, power, real, real_dyn, real_if_close_dyn, round, round_dyn, select, select_dyn,
};
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{Piece, piecewise_dyn, sinc_dyn, unwrap_dyn};
// The transcendental ufuncs (`np.exp`, `np.sin`, `np.arcsin` and its alias `np.asin`, …).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    acos, acosh, arccos, arccosh, arcsin, arcsinh, arctan, arctanh, asin, asinh, atan, atanh, cos, cosh, exp, exp2,
    expm1, log, log1p, log2, log10, sin, sinh, tan, tanh,
};

#[cfg(feature = "random")]
#[doc(inline)]
pub use nprs_random as random;

#[cfg(feature = "linalg")]
#[doc(inline)]
pub use nprs_linalg as linalg;
#[cfg(feature = "linalg")]
pub use nprs_linalg::matmul;
#[cfg(feature = "linalg")]
pub use nprs_linalg::{einsum, einsum_path};

#[cfg(feature = "fft")]
#[doc(inline)]
pub use nprs_fft as fft;

#[cfg(feature = "ma")]
#[doc(inline)]
pub use nprs_ma as ma;

#[cfg(feature = "io")]
#[doc(inline)]
pub use nprs_io as io;

#[cfg(feature = "datetime")]
#[doc(inline)]
pub use nprs_datetime as datetime;

pub mod error;
pub use error::{Error, ErrorKind, Result};
/// The porting guide (`docs/porting.md`): NumPy's spelling next to nprs's, for every
/// area, with what differs and why. Each code block in it is a test.
#[cfg(all(feature = "ufunc", feature = "linalg", feature = "random", feature = "fft", feature = "io"))]
#[doc = include_str!("../docs/porting.md")]
pub mod porting {}

/// Everything a NumPy port usually needs: `use nprs::prelude::*;`.
///
/// Its [`Error`] and [`Result`] are the facade's, which every
/// crate's error converts into: `?` on an array, random, I/O, linalg or FFT error works in
/// a function returning `Result<T>`.
pub mod prelude {
    pub use crate::error::{Error, ErrorKind, Result};
    pub use nprs_core::prelude::*;
    #[cfg(feature = "ufunc")]
    pub use nprs_ufunc::ReduceMethods;
    #[cfg(feature = "ufunc")]
    pub use nprs_ufunc::{DynSortInPlace, DynSortMethods};
    #[cfg(feature = "ufunc")]
    pub use nprs_ufunc::{PartitionInPlace, SortInPlace, SortMethods};
}

#[cfg(feature = "datetime")]
pub use nprs_datetime::TimeDelta64;
#[cfg(feature = "datetime")]
pub use nprs_datetime::{BusDayCalendar, RangeArg, Roll, Weekmask, busday_count, busday_offset, is_busday};
#[cfg(feature = "datetime")]
pub use nprs_datetime::{DateTime64, datetime_data, datetime64, datetime64_as};
#[cfg(feature = "datetime")]
pub use nprs_datetime::{datetime_arange, isnat};
#[cfg(feature = "datetime")]
pub use nprs_datetime::{datetime_array, datetime_as_string_array};
#[cfg(feature = "datetime")]
pub use nprs_datetime::{datetime_scalars, timedelta_scalars};

// Window functions and the Bessel function `i0` (`np.hanning(M)`, `np.kaiser(M, beta)`,
// `np.i0(x)`).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{bartlett, blackman, hamming, hanning, i0, i0_dyn, kaiser};

// `numpy.testing`: assertions with NumPy's failure reports.
pub mod testing;

// Statistics (`np.median`, `np.quantile` with its 13 methods, `np.percentile`, the nan
// forms), differences and integrals (`np.diff`, `np.gradient`, `np.trapezoid`),
// `np.interp`, `np.bincount`, `np.digitize`.
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    InterpValue, Quantile, QuantileElem, QuantileMethod, QuantileOptions, Sample, Spacing, StatFloat, bincount,
    bincount_dyn, bincount_weighted, diff, diff_dyn, digitize, digitize_dyn, ediff1d, ediff1d_dyn, gradient,
    gradient_dyn, interp, interp_complex, interp_dyn, median, median_dyn, nanmedian, nanmedian_dyn, nanpercentile,
    nanpercentile_dyn, nanpercentiles, nanquantile, nanquantile_dyn, nanquantiles, percentile, percentile_dyn,
    percentiles, quantile, quantile_dyn, quantiles, trapezoid, trapezoid_dyn,
};
// `np.histogram`, `np.histogram_bin_edges` (bin counts, edges, estimators, weights, density).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{BinEstimator, Bins, HistogramOptions, histogram, histogram_bin_edges, histogram_dyn};
// `np.convolve`, `np.correlate` (modes full/same/valid).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{ConvolveMode, DotElem, convolve, convolve_dyn, correlate, correlate_dyn};
// `np.cov`, `np.corrcoef`.
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{CovOptions, corrcoef, corrcoef_dyn, cov, cov_dyn};
// `np.histogram2d`, `np.histogramdd`.
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{histogram2d_dyn, histogramdd_dyn};
// Reductions (`np.sum`, `np.mean`, `np.std`, …) on the ufunc machinery; `ReduceMethods`
// (in the prelude) gives typed arrays `a.sum(axis)`, `a.mean(())`, ….
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::average_dyn;
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    Axis, ReduceArgs, ReduceElem, ReduceMethods, all_dyn, amax_dyn, amin_dyn, any_dyn, max_dyn, mean_dyn, min_dyn,
    prod_dyn, std_dyn, sum_dyn, var_dyn,
};
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    argmax_dyn, argmin_dyn, count_nonzero_dyn, cumprod_dyn, cumsum_dyn, cumulative_prod_dyn, cumulative_sum_dyn,
    nanargmax_dyn, nanargmin_dyn, nancumprod_dyn, nancumsum_dyn, nanmax_dyn, nanmean_dyn, nanmin_dyn, nanprod_dyn,
    nanstd_dyn, nansum_dyn, nanvar_dyn, ptp_dyn,
};
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{
    nanargmax, nanargmin, nancumprod, nancumsum, nanmax, nanmean, nanmin, nanprod, nanstd, nansum, nanvar,
};

// NumPy's legacy polynomial functions (`np.polyval`, `np.polyfit`, `np.roots`, `np.poly`,
// `np.polyadd`/`polysub`/`polymul`/`polydiv`, `np.polyder`, `np.polyint`).
#[cfg(feature = "linalg")]
pub use nprs_linalg::{
    poly, polyadd, polyder, polydiv, polyfit, polyint, polymul, polysub, polyval, polyval_scalar, roots,
};

/// `numpy.polynomial`: the series classes ([`Polynomial`](polynomial::Polynomial),
/// [`Chebyshev`](polynomial::Chebyshev), [`Legendre`](polynomial::Legendre),
/// [`Hermite`](polynomial::Hermite), [`HermiteE`](polynomial::HermiteE),
/// [`Laguerre`](polynomial::Laguerre)), each family's module functions
/// (`nprs::polynomial::chebyshev::chebval`, … as `np.polynomial.chebyshev.chebval`), and
/// the legacy functions ([`polyval`], [`polyfit`], [`roots`], …) with their result types.
///
/// ```
/// use nprs::polynomial::{Chebyshev, Polynomial};
/// use nprs::polynomial::chebyshev::chebval;
/// let p = Polynomial::new(&[1.0, 2.0, 3.0])?;              // np.polynomial.Polynomial([1, 2, 3])
/// assert_eq!(p.to_string(), "1.0 + 2.0·x + 3.0·x²");     // str(p)
/// let c: Chebyshev = p.convert(None, None);               // p.convert(kind=Chebyshev)
/// assert_eq!(c.coef_slice(), &[2.5, 2.0, 1.5]);
/// let y = chebval(&nprs::array![0.0], &c.coef())?;        // np.polynomial.chebyshev.chebval(0, c.coef)
/// assert_eq!(y.to_vec(), vec![1.0]);
/// # Ok::<(), nprs::Error>(())
/// ```
#[cfg(feature = "linalg")]
pub mod polynomial {
    pub use nprs_linalg::polynomial::*;
}

// The porting map (`docs/porting.md`, the `porting` module's documentation) links to items
// as `nprs::…`, the spelling a user writes; inside this crate that name is the crate itself.
extern crate self as nprs;

// `numpy.show_config()`: nprs's build (version, the NumPy version it follows, features, target).
mod config;
pub use config::{config_info, enabled_features, show_config};

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// `numpy.emath` (`numpy.lib.scimath`): `sqrt`, `log`, `log2`, `log10`, `logn`, `power`,
/// `arccos`, `arcsin`, `arctanh`, complex where the input leaves the real domain.
///
/// ```
/// use nprs::prelude::*;
/// let z = nprs::emath::sqrt(&array![-4.0, 4.0])?; // array([0.+2.j, 2.+0.j])
/// assert_eq!(z.dtype(), &DType::Complex128);
/// # Ok::<(), nprs::Error>(())
/// ```
#[cfg(feature = "ufunc")]
pub mod emath {
    pub use nprs_ufunc::emath::*;
}

/// `numpy.lib`: the sub-modules NumPy keeps public there, `scimath` (the same functions as
/// `nprs::emath`, with the `ufunc` feature) and [`stride_tricks`](lib::stride_tricks).
///
/// ```
/// use nprs::prelude::*;
/// use nprs::lib::stride_tricks::sliding_window_view;
/// let x = Array::<i64>::arange(4);
/// let w = sliding_window_view(&x, 2, None)?; // np.lib.stride_tricks.sliding_window_view(x, 2)
/// assert_eq!(w.shape(), &[3, 2]);
/// # Ok::<(), nprs::Error>(())
/// ```
pub mod lib {
    /// `numpy.lib.scimath`: the functions of [`crate::emath`].
    ///
    /// ```
    /// let r = nprs::lib::scimath::log2(8.0)?;
    /// assert_eq!(r.typed::<f64>()?.to_vec(), vec![3.0]);
    /// # Ok::<(), nprs::Error>(())
    /// ```
    #[cfg(feature = "ufunc")]
    pub mod scimath {
        pub use nprs_ufunc::emath::*;
    }
    /// `numpy.lib.stride_tricks`: [`as_strided`](nprs_core::as_strided) and
    /// [`sliding_window_view`](nprs_core::sliding_window_view), views that
    /// step through an array's memory in ways its shape does not.
    ///
    /// ```
    /// use nprs::prelude::*;
    /// let x = Array::<f64>::arange(5);
    /// let w = nprs::lib::stride_tricks::sliding_window_view(&x, 3, None)?;
    /// assert_eq!(w.shape(), &[3, 3]);
    /// # Ok::<(), nprs::Error>(())
    /// ```
    pub mod stride_tricks {
        pub use nprs_core::manip::{as_strided, sliding_window_view};
    }
}

// `numpy.show_runtime()`: the machine nprs runs on (CPU features it dispatches on, threads).
pub use config::{runtime_info, show_runtime};

/// `numpy.dtypes`: NumPy's dtype classes (`np.dtypes.Float64DType`, `StrDType`,
/// `VoidDType`, …) are, in nprs, the variants of [`DType`] (the numeric types) and of
/// [`DescrKind`] (every kind: strings, bytes, datetimes, records), and a dtype instance is
/// a [`Descr`].
///
/// ```
/// use nprs::dtypes::{DType, Descr, DescrKind};
/// let d = Descr::parse("<U5")?;                        // np.dtypes.StrDType(5)
/// assert!(matches!(d.kind_of(), DescrKind::Unicode(5)));
/// assert_eq!(Descr::from(DType::Float64).str(), "<f8"); // np.dtypes.Float64DType()
/// # Ok::<(), nprs::Error>(())
/// ```
pub mod dtypes {
    pub use nprs_core::{ByteOrder, DType, Descr, DescrKind, TimeUnit};
}

// `numpy.fromstring` (text with `sep=`) and `numpy.fromregex` (records from a regular
// expression's groups). `numpy.rec` and `numpy.char` are `nprs::rec` and `nprs::char`
// (from nprs-core, through the glob re-export above).
#[cfg(feature = "io")]
pub use nprs_io::{fromregex, fromregex_reader, fromregex_str, fromstring};
