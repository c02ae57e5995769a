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
#[doc = include_str!("../../../docs/porting.md")]
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
    pub use nprs_ufunc::{DynSortInPlace, DynSortMethods};
    #[cfg(feature = "ufunc")]
    pub use nprs_ufunc::{PartitionInPlace, SortInPlace, SortMethods};
}

#[cfg(feature = "datetime")]
pub use nprs_datetime::TimeDelta64;
#[cfg(feature = "datetime")]
pub use nprs_datetime::{DateTime64, datetime_data, datetime64, datetime64_as};
#[cfg(feature = "datetime")]
pub use nprs_datetime::{datetime_array, datetime_as_string_array};

// Window functions and the Bessel function `i0` (`np.hanning(M)`, `np.kaiser(M, beta)`,
// `np.i0(x)`).
#[cfg(feature = "ufunc")]
pub use nprs_ufunc::{bartlett, blackman, hamming, hanning, i0, i0_dyn, kaiser};

// `numpy.testing`: assertions with NumPy's failure reports.
pub mod testing;

// NumPy's legacy polynomial functions (`np.polyval`, `np.polyfit`, `np.roots`, `np.poly`,
// `np.polyadd`/`polysub`/`polymul`/`polydiv`, `np.polyder`, `np.polyint`).
#[cfg(feature = "linalg")]
pub use nprs_linalg::{
    poly, polyadd, polyder, polydiv, polyfit, polyint, polymul, polysub, polyval, polyval_scalar, roots,
};

/// `numpy.polynomial`: for now the legacy functions ([`polyval`], [`polyfit`], [`roots`],
/// …) with their result types; the series classes are not provided yet.
#[cfg(feature = "linalg")]
pub mod polynomial {
    pub use nprs_linalg::polynomial::*;
}
