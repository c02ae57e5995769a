//! # nprs-ma
//!
//! NumPy's masked arrays (`numpy.ma`) for nprs: arrays with a mask, fill values, masked
//! ufuncs and reductions, the constructors (`masked_where`, `masked_invalid`,
//! `masked_equal` …) and NumPy's printing (`[1 -- 3]`).
//!
//! - [`MaskedArray<D>`]: data `D` — a typed [`Array<T>`](nprs_core::Array) or a dynamic
//!   [`DynArray`](nprs_core::DynArray), one implementation for both — plus a mask
//!   (`None` is NumPy's `nomask` and allocates nothing), a fill value (NumPy's default per
//!   dtype: `1e20`, `999999`, `True`, `'N/A'`, `b'N/A'`, `1e20+0j`, `NaT`) and the
//!   hard/soft mask flag.
//! - Constructors: [`masked_array`], [`masked_array_with`] (`fill_value`, `keep_mask`,
//!   `hard_mask`, `shrink`), [`masked_where`], [`masked_equal`], [`masked_not_equal`],
//!   [`masked_greater`], [`masked_greater_equal`], [`masked_less`],
//!   [`masked_less_equal`], [`masked_inside`], [`masked_outside`], [`masked_invalid`],
//!   [`masked_values`], [`fix_invalid`]; mask helpers [`make_mask`], [`make_mask_none`],
//!   [`mask_or`].
//! - Access: `data()` (`getdata`), `mask()` (`getmask`), `mask_array()` (`getmaskarray`),
//!   `filled`, `compressed`, `count`, `is_masked`, `fill_value`/`set_fill_value`,
//!   `harden_mask`/`soften_mask`, `shrink_mask`, `nonzero`.
//! - Every ufunc through one wrapper, [`apply`], with `numpy.ma`'s domains; the named
//!   functions ([`log`], [`sqrt`], [`divide`] …) and the operators `+ - * /`.
//! - Reductions that skip masked values ([`MaskedArray::sum`], `mean`, `min`, …): a
//!   fully masked slice is masked in the result.
//! - Statistics: [`MaskedArray::median`], [`MaskedArray::average`] (weights, their sum),
//!   [`MaskedArray::cumsum`]/[`MaskedArray::cumprod`] (masked entries as the identity,
//!   masked in the result).
//! - Shape manipulation carrying the mask: `reshape`, `ravel`, `flatten`, `transpose`,
//!   `swapaxes`, `moveaxis`, `squeeze`, `expand_dims`, `repeat`, `take`, `slice` (basic
//!   indexing), `index` (advanced indexing) — copies —, [`concatenate`], [`stack`],
//!   [`vstack`], [`hstack`], [`column_stack`], [`dstack`], [`where_`].
//! - Sorting with masked values last ([`MaskedArray::sort`], [`MaskedArray::argsort`],
//!   `endwith`, `fill_value`), `argmin_fill`/`argmax_fill`, and the set routines
//!   [`unique`], [`in1d`], [`isin`], [`intersect1d`], [`union1d`], [`setdiff1d`],
//!   [`setxor1d`] as `numpy.ma` defines them.
//! - Products and 2-d helpers: [`dot`] (`strict`), [`inner`], [`outer`], [`cov`],
//!   [`corrcoef`], [`polyfit`], [`compress_rowcols`], [`compress_rows`],
//!   [`compress_cols`], [`mask_rowcols`], [`mask_rows`], [`mask_cols`].
//! - Constructors without a mask: [`zeros`], [`ones`], [`empty`], [`arange`],
//!   [`identity`], [`indices`], [`fromfunction`]; [`zeros_like`], [`ones_like`],
//!   [`empty_like`] (keeping the model's mask and fill value), [`masked_all`],
//!   [`masked_all_like`], [`asarray`], [`asanyarray`].
//! - Elementwise: [`maximum`]/[`minimum`] (`where(a > b, a, b)`) and
//!   [`maximum_reduce`]/[`minimum_reduce`], [`left_shift`], [`right_shift`], [`angle`],
//!   [`around`], [`round`], [`clip`]; comparisons [`allclose`], [`allequal`].
//! - Helpers: [`is_mask`], [`count_masked`], [`flatten_mask`], [`maximum_fill_value`],
//!   [`minimum_fill_value`], [`common_fill_value`], [`clump_masked`],
//!   [`clump_unmasked`], [`flatnotmasked_contiguous`], [`flatnotmasked_edges`],
//!   [`notmasked_contiguous`].
//! - Array functions carrying the mask: [`diff`], [`ediff1d`], [`append`], [`compress`],
//!   [`choose`], [`putmask`], [`atleast_1d`], [`atleast_2d`], [`atleast_3d`],
//!   [`MaskedArray::diagonal`], [`MaskedArray::trace`].
//! - Views ([`MaskedView`], [`MaskedViewMut`]): `a.view()`, `a.view_mut()` and their
//!   `slice`, `transpose`, `reshape` borrow the data and the mask, as NumPy's basic indexing
//!   does; `set`, `set_masked`, `set_all`, `assign`, `fill` through a writable view write
//!   into the viewed array (hard masks and `nomask` as NumPy).
//! - Application and iteration: [`apply_along_axis`], [`apply_over_axes`],
//!   [`ndenumerate`]; [`notmasked_edges`], [`compress_nd`], [`hsplit`], [`frombuffer`].
//! - Printing: `Display` is NumPy's `str`, [`MaskedArray::repr`] (and `Debug`) NumPy's
//!   `repr`.
//!
//! ```
//! use nprs_core::array;
//! use nprs_ma as ma;
//!
//! let a = ma::masked_array(array![1.0, -2.0, 4.0], &array![false, false, true])?;
//! assert_eq!(a.to_string(), "[1.0 -2.0 --]");
//! let l = ma::sqrt(&a)?;                     // -2 is outside sqrt's domain: masked
//! assert_eq!(l.to_string(), "[1.0 -- --]");
//! assert_eq!(a.sum(None, false)?.item()?, Some(nprs_core::Scalar::Float(-1.0)));
//! # Ok::<(), ma::Error>(())
//! ```
#![forbid(unsafe_code)]

mod apply;
mod array;
mod construct;
mod creation;
mod elementwise;
pub mod error;
mod extras;
mod helpers;
mod kernels;
mod manip;
mod ops;
mod print;
mod products;
mod reduce;
mod sets;
mod sort;
mod stats;
mod ufuncs;
mod views;

pub use apply::{NotMaskedEdges, apply_along_axis, apply_over_axes, frombuffer, hsplit, ndenumerate, notmasked_edges};
pub use array::{MaData, MaskArg, MaskedArray, default_fill_value};
pub use construct::{
    arange, asanyarray, asarray, empty, empty_like, fromfunction, identity, indices, masked_all, masked_all_like, ones,
    ones_like, zeros, zeros_like,
};
pub use creation::{
    MaOptions, fix_invalid, make_mask, make_mask_none, mask_or, masked_array, masked_array_with, masked_equal,
    masked_greater, masked_greater_equal, masked_inside, masked_invalid, masked_less, masked_less_equal,
    masked_not_equal, masked_outside, masked_values, masked_where,
};
pub use elementwise::{
    angle, around, clip, left_shift, maximum, maximum_reduce, minimum, minimum_reduce, right_shift, round, round_,
};
pub use error::{Error, Result};
pub use extras::{
    append, atleast_1d, atleast_2d, atleast_3d, choose, clump_masked, clump_unmasked, compress, convolve, correlate,
    diag, diagflat, diff, ediff1d, flatnotmasked_contiguous, flatnotmasked_edges, notmasked_contiguous, put, putmask,
    resize, vander,
};
pub use helpers::{
    allclose, allequal, common_fill_value, count_masked, flatten_mask, is_mask, maximum_fill_value, minimum_fill_value,
};
pub use manip::{column_stack, concatenate, dstack, hstack, stack, vstack, where_};
pub use products::{
    compress_cols, compress_nd, compress_rowcols, compress_rows, corrcoef, cov, dot, inner, mask_cols, mask_rowcols,
    mask_rows, outer, polyfit,
};
pub use reduce::{Axis, masked};
pub use sets::{in1d, intersect1d, isin, setdiff1d, setxor1d, union1d, unique, unique_index, unique_inverse};
pub use ufuncs::*;
pub use views::{MaskedView, MaskedViewMut};

/// `ma.array`: the same as [`masked_array`].
pub use creation::masked_array as array;

/// `ma.getmask(a)`: the mask, `None` for `nomask`.
#[must_use]
pub fn getmask<D: MaData>(a: &MaskedArray<D>) -> Option<&nprs_core::Array<bool>> {
    a.mask()
}

/// `ma.getmaskarray(a)`: the mask as a full array.
///
/// # Errors
/// When the mask cannot be allocated.
pub fn getmaskarray<D: MaData>(a: &MaskedArray<D>) -> Result<nprs_core::Array<bool>> {
    a.mask_array()
}

/// `ma.getdata(a)`: the data, masked positions included.
#[must_use]
pub fn getdata<D: MaData>(a: &MaskedArray<D>) -> &D {
    a.data()
}

/// `ma.is_masked(a)`: whether any element is masked.
#[must_use]
pub fn is_masked<D: MaData>(a: &MaskedArray<D>) -> bool {
    a.is_masked()
}

/// `ma.filled(a, fill_value)`: the data with masked elements replaced (by the fill value
/// when `None`).
///
/// # Errors
/// NumPy's `TypeError` for a value that does not convert to the dtype.
pub fn filled<D: MaData>(a: &MaskedArray<D>, value: Option<nprs_core::Scalar>) -> Result<D> {
    a.filled(value)
}

/// `ma.compressed(a)`: the unmasked elements, flattened.
///
/// # Errors
/// When the result cannot be allocated.
pub fn compressed<D: MaData>(a: &MaskedArray<D>) -> Result<D> {
    a.compressed()
}

/// `ma.count(a)`: the number of unmasked elements.
#[must_use]
pub fn count<D: MaData>(a: &MaskedArray<D>) -> usize {
    a.count()
}

/// `ma.set_fill_value(a, value)` (`None` restores the dtype's default).
///
/// # Errors
/// NumPy's `TypeError` for a value that does not convert to the dtype.
pub fn set_fill_value<D: MaData>(a: &mut MaskedArray<D>, value: Option<nprs_core::Scalar>) -> Result<()> {
    a.set_fill_value(value).map(|_| ())
}

/// `ma.harden_mask(a)`: assigning values no longer unmasks elements.
pub fn harden_mask<D: MaData>(a: &mut MaskedArray<D>) {
    a.harden_mask();
}

/// `ma.soften_mask(a)`.
pub fn soften_mask<D: MaData>(a: &mut MaskedArray<D>) {
    a.soften_mask();
}

/// `ma.nonzero(a)`: the indices of the unmasked nonzero elements, one array per axis.
///
/// # Errors
/// As [`MaskedArray::nonzero`].
pub fn nonzero<D: MaData>(a: &MaskedArray<D>) -> Result<Vec<nprs_core::Array<i64>>> {
    a.nonzero()
}

/// The README (the registry page) and its example, run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
