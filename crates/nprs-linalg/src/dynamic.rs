//! The same functions for arrays whose dtype is known only at run time
//! ([`DynArray`] and its views): the dtype is read once and the typed function runs.
//!
//! Two-operand functions first cast both operands to NumPy's common linalg type
//! (`complex128` if either is complex, single precision only when both are, `float64` for
//! integers and bools).
//!
//! ```
//! use nprs_core::{DynArray, prelude::*};
//! let a = DynArray::from(array![[1i64, 2], [3, 4]]);
//! let d = nprs_linalg::dynamic::det(&a)?;
//! assert_eq!(d.dtype().name(), "float64");
//! # Ok::<(), nprs_linalg::Error>(())
//! ```

use nprs_core::dynarray::DynData;
use nprs_core::{C64, C128, CowArray, DType, Descr, DynArray, DynBase, Element};

use crate::error::{Error, Result};

/// A typed view of `a`, or a typed copy when its layout or byte order needs one.
pub(crate) fn typed_cow<T: Element, S: DynData>(a: &DynBase<S>) -> Result<CowArray<'_, T>> {
    match a.typed::<T>() {
        Ok(v) => Ok(v.into()),
        Err(_) => Ok(a.to_typed::<T>()?.into()),
    }
}

/// The numeric dtype of `a` if `numpy.linalg` accepts it.
pub(crate) fn linalg_dtype<S: DynData>(a: &DynBase<S>, func: &'static str) -> Result<DType> {
    match a.dtype().numeric() {
        Some(DType::Float16) => Err(Error::UnsupportedDType { dtype: "float16".into() }),
        Some(d) => Ok(d),
        None => Err(Error::NoCast { func, from: a.dtype().str(), to: "float64" }),
    }
}

/// Runs `$body` with `$x` bound to `$a` as a typed array of its own element type.
macro_rules! dispatch {
    ($a:expr, $func:literal, |$x:ident| $body:expr) => {{
        let a = $a;
        match linalg_dtype(a, $func)? {
            DType::Bool => {
                let $x = typed_cow::<bool, _>(a)?;
                $body
            }
            DType::Int8 => {
                let $x = typed_cow::<i8, _>(a)?;
                $body
            }
            DType::Int16 => {
                let $x = typed_cow::<i16, _>(a)?;
                $body
            }
            DType::Int32 => {
                let $x = typed_cow::<i32, _>(a)?;
                $body
            }
            DType::Int64 => {
                let $x = typed_cow::<i64, _>(a)?;
                $body
            }
            DType::UInt8 => {
                let $x = typed_cow::<u8, _>(a)?;
                $body
            }
            DType::UInt16 => {
                let $x = typed_cow::<u16, _>(a)?;
                $body
            }
            DType::UInt32 => {
                let $x = typed_cow::<u32, _>(a)?;
                $body
            }
            DType::UInt64 => {
                let $x = typed_cow::<u64, _>(a)?;
                $body
            }
            DType::Float32 => {
                let $x = typed_cow::<f32, _>(a)?;
                $body
            }
            DType::Float64 => {
                let $x = typed_cow::<f64, _>(a)?;
                $body
            }
            DType::Complex64 => {
                let $x = typed_cow::<C64, _>(a)?;
                $body
            }
            DType::Complex128 => {
                let $x = typed_cow::<C128, _>(a)?;
                $body
            }
            other => Err(Error::UnsupportedDType { dtype: other.name().to_string() }),
        }
    }};
}

/// NumPy's common linalg type of several operands (`_commonType`): complex if any is,
/// single precision only if all are.
pub(crate) fn common_dtype(dtypes: &[DType]) -> DType {
    let complex = dtypes.iter().any(|d| matches!(d, DType::Complex64 | DType::Complex128));
    let single = dtypes.iter().all(|d| matches!(d, DType::Float32 | DType::Complex64));
    match (complex, single) {
        (true, true) => DType::Complex64,
        (true, false) => DType::Complex128,
        (false, true) => DType::Float32,
        (false, false) => DType::Float64,
    }
}

/// `a` as a typed array of `T` (of dtype `to`): a view when it already is one, else a cast
/// copy.
pub(crate) fn typed_as<T: Element, S: DynData>(a: &DynBase<S>, to: DType) -> Result<CowArray<'_, T>> {
    if a.dtype().numeric() == Some(to) {
        return typed_cow(a);
    }
    Ok(a.astype(&Descr::from(to))?.into_typed::<T>()?.into())
}

/// [`solve`](crate::solve) for dynamic arrays.
///
/// # Errors
/// As [`solve`](crate::solve); a `TypeError` for `float16`, a `UFuncTypeError` for
/// non-numeric dtypes.
pub fn solve<SA: DynData, SB: DynData>(a: &DynBase<SA>, b: &DynBase<SB>) -> Result<DynArray> {
    let t = common_dtype(&[linalg_dtype(a, "solve")?, linalg_dtype(b, "solve")?]);
    match t {
        DType::Float32 => Ok(crate::solve(&typed_as::<f32, _>(a, t)?, &typed_as::<f32, _>(b, t)?)?.into()),
        DType::Complex64 => Ok(crate::solve(&typed_as::<C64, _>(a, t)?, &typed_as::<C64, _>(b, t)?)?.into()),
        DType::Complex128 => Ok(crate::solve(&typed_as::<C128, _>(a, t)?, &typed_as::<C128, _>(b, t)?)?.into()),
        _ => Ok(crate::solve(&typed_as::<f64, _>(a, t)?, &typed_as::<f64, _>(b, t)?)?.into()),
    }
}

/// [`inv`](crate::inv) for dynamic arrays.
///
/// # Errors
/// As [`inv`](crate::inv); a `TypeError` for `float16`, a `UFuncTypeError` for non-numeric
/// dtypes.
pub fn inv<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    dispatch!(a, "inv", |x| Ok(crate::inv(&x)?.into()))
}

/// [`det`](crate::det) for dynamic arrays.
///
/// # Errors
/// As [`det`](crate::det); a `TypeError` for `float16`, a `UFuncTypeError` for non-numeric
/// dtypes.
pub fn det<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    dispatch!(a, "det", |x| Ok(crate::det(&x)?.into()))
}

/// [`slogdet`](crate::slogdet) for dynamic arrays: `(sign, logabsdet)`.
///
/// # Errors
/// As [`slogdet`](crate::slogdet); a `TypeError` for `float16`, a `UFuncTypeError` for
/// non-numeric dtypes.
pub fn slogdet<S: DynData>(a: &DynBase<S>) -> Result<(DynArray, DynArray)> {
    dispatch!(a, "slogdet", |x| {
        let (s, l) = crate::slogdet(&x)?;
        Ok((s.into(), l.into()))
    })
}

/// [`cholesky`](crate::cholesky) for dynamic arrays.
///
/// # Errors
/// As [`cholesky`](crate::cholesky); a `TypeError` for `float16`, a `UFuncTypeError` for
/// non-numeric dtypes.
pub fn cholesky<S: DynData>(a: &DynBase<S>, upper: bool) -> Result<DynArray> {
    dispatch!(a, "cholesky", |x| Ok(crate::cholesky(&x, upper)?.into()))
}

/// Runs `$body` with `$x`, `$y` bound to `$a`, `$b` as typed arrays of the dtype `$t`
/// (one of matmul's element types).
macro_rules! dispatch_matmul {
    ($t:expr, $a:expr, $b:expr, |$x:ident, $y:ident| $body:expr) => {{
        let (t, a, b) = ($t, $a, $b);
        match t {
            DType::Bool => {
                let ($x, $y) = (typed_as::<bool, _>(a, t)?, typed_as::<bool, _>(b, t)?);
                $body
            }
            DType::Int8 => {
                let ($x, $y) = (typed_as::<i8, _>(a, t)?, typed_as::<i8, _>(b, t)?);
                $body
            }
            DType::Int16 => {
                let ($x, $y) = (typed_as::<i16, _>(a, t)?, typed_as::<i16, _>(b, t)?);
                $body
            }
            DType::Int32 => {
                let ($x, $y) = (typed_as::<i32, _>(a, t)?, typed_as::<i32, _>(b, t)?);
                $body
            }
            DType::Int64 => {
                let ($x, $y) = (typed_as::<i64, _>(a, t)?, typed_as::<i64, _>(b, t)?);
                $body
            }
            DType::UInt8 => {
                let ($x, $y) = (typed_as::<u8, _>(a, t)?, typed_as::<u8, _>(b, t)?);
                $body
            }
            DType::UInt16 => {
                let ($x, $y) = (typed_as::<u16, _>(a, t)?, typed_as::<u16, _>(b, t)?);
                $body
            }
            DType::UInt32 => {
                let ($x, $y) = (typed_as::<u32, _>(a, t)?, typed_as::<u32, _>(b, t)?);
                $body
            }
            DType::UInt64 => {
                let ($x, $y) = (typed_as::<u64, _>(a, t)?, typed_as::<u64, _>(b, t)?);
                $body
            }
            DType::Float32 => {
                let ($x, $y) = (typed_as::<f32, _>(a, t)?, typed_as::<f32, _>(b, t)?);
                $body
            }
            DType::Float64 => {
                let ($x, $y) = (typed_as::<f64, _>(a, t)?, typed_as::<f64, _>(b, t)?);
                $body
            }
            DType::Complex64 => {
                let ($x, $y) = (typed_as::<C64, _>(a, t)?, typed_as::<C64, _>(b, t)?);
                $body
            }
            DType::Complex128 => {
                let ($x, $y) = (typed_as::<C128, _>(a, t)?, typed_as::<C128, _>(b, t)?);
                $body
            }
            other => Err(Error::UnsupportedDType { dtype: other.name().to_string() }),
        }
    }};
}

/// The numeric dtype of a product operand (float16 and non-numeric dtypes refused).
fn product_dtype<S: DynData>(a: &DynBase<S>) -> Result<DType> {
    match a.dtype().numeric() {
        Some(DType::Float16) | None => Err(Error::UnsupportedDType { dtype: a.dtype().name() }),
        Some(d) => Ok(d),
    }
}

/// The dtype NumPy's products give for two operand dtypes (`np.result_type`).
pub(crate) fn product_result<SA: DynData, SB: DynData>(a: &DynBase<SA>, b: &DynBase<SB>) -> Result<DType> {
    let (ta, tb) = (product_dtype(a)?, product_dtype(b)?);
    let t = nprs_core::promote_types(&Descr::from(ta), &Descr::from(tb))?;
    t.numeric().ok_or_else(|| Error::UnsupportedDType { dtype: t.name() })
}

/// [`matmul`](crate::matmul) for dynamic arrays: both operands are cast to their promoted
/// dtype first (`int64 @ float32` is `float64`), as NumPy's type resolution does.
///
/// # Errors
/// As [`matmul`](crate::matmul); a `TypeError` for `float16` and non-numeric dtypes.
pub fn matmul<SA: DynData, SB: DynData>(a: &DynBase<SA>, b: &DynBase<SB>) -> Result<DynArray> {
    let t = product_result(a, b)?;
    dispatch_matmul!(t, a, b, |x, y| Ok(crate::matmul(&x, &y)?.into()))
}

/// [`matrix_power`](crate::matrix_power) for dynamic arrays of any numeric dtype: integer
/// and bool matrices keep their dtype for `n >= 0` (exact products), and give `float64` for
/// `n < 0`, as in NumPy.
///
/// # Errors
/// As [`matrix_power`](crate::matrix_power); a `TypeError` for `float16` and non-numeric
/// dtypes.
pub fn matrix_power<S: DynData>(a: &DynBase<S>, n: i64) -> Result<DynArray> {
    product_dtype(a)?;
    if n < 0 {
        return power_nonneg(&inv(a)?, n.unsigned_abs());
    }
    power_nonneg(a, n.unsigned_abs())
}

fn power_nonneg<S: DynData>(a: &DynBase<S>, n: u64) -> Result<DynArray> {
    let t = product_dtype(a)?;
    dispatch_matmul!(t, a, a, |x, _y| Ok(crate::products::power_nonneg(&x.view(), n)?.into()))
}

/// [`eigh`](crate::eigh) for dynamic arrays: `(eigenvalues, eigenvectors)`.
///
/// # Errors
/// As [`eigh`](crate::eigh); a `TypeError` for `float16`, a `UFuncTypeError` for
/// non-numeric dtypes.
pub fn eigh<S: DynData>(a: &DynBase<S>, uplo: crate::Uplo) -> Result<(DynArray, DynArray)> {
    dispatch!(a, "eigh_lo", |x| {
        let (w, v) = crate::eigh(&x, uplo)?;
        Ok((w.into(), v.into()))
    })
}

/// [`eigvalsh`](crate::eigvalsh) for dynamic arrays.
///
/// # Errors
/// As [`eigvalsh`](crate::eigvalsh).
pub fn eigvalsh<S: DynData>(a: &DynBase<S>, uplo: crate::Uplo) -> Result<DynArray> {
    dispatch!(a, "eigvalsh_lo", |x| Ok(crate::eigvalsh(&x, uplo)?.into()))
}

/// [`svd`](crate::svd) for dynamic arrays: `(U, S, Vh)`.
///
/// # Errors
/// As [`svd`](crate::svd).
pub fn svd<S: DynData>(a: &DynBase<S>, full_matrices: bool, hermitian: bool) -> Result<(DynArray, DynArray, DynArray)> {
    dispatch!(a, "svd", |x| {
        let (u, s, vh) = crate::svd(&x, full_matrices, hermitian)?;
        Ok((u.into(), s.into(), vh.into()))
    })
}

/// [`svdvals`](crate::svdvals) for dynamic arrays.
///
/// # Errors
/// As [`svdvals`](crate::svdvals).
pub fn svdvals<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    dispatch!(a, "svd", |x| Ok(crate::svdvals(&x)?.into()))
}

/// [`qr`](crate::qr) for dynamic arrays: `(Q, R)`, `Q` absent in [`QrMode::R`](crate::QrMode::R).
///
/// # Errors
/// As [`qr`](crate::qr).
pub fn qr<S: DynData>(a: &DynBase<S>, mode: crate::QrMode) -> Result<(Option<DynArray>, DynArray)> {
    dispatch!(a, "qr_r_raw", |x| {
        let (q, r) = crate::qr(&x, mode)?;
        Ok((q.map(DynArray::from), r.into()))
    })
}

/// NumPy's `eig` result type: real arrays when the input is real and every eigenvalue's
/// imaginary part is zero, complex otherwise.
fn real_if_all_real<S: DynData>(
    a: &DynBase<S>,
    w: &DynArray,
    v: Option<&DynArray>,
) -> Result<Option<(DynArray, Option<DynArray>)>> {
    let real_input = !matches!(a.dtype().numeric(), Some(DType::Complex64 | DType::Complex128));
    if !real_input {
        return Ok(None);
    }
    let single = a.dtype().numeric() == Some(DType::Float32);
    let wc = w.astype(&Descr::from(DType::Complex128))?.into_typed::<C128>()?;
    if wc.iter().any(|z| z.im != 0.0) {
        return Ok(None);
    }
    let to = Descr::from(if single { DType::Float32 } else { DType::Float64 });
    let real = |d: &DynArray| -> Result<DynArray> {
        let c = d.astype(&Descr::from(DType::Complex128))?.into_typed::<C128>()?;
        let re: nprs_core::Array<f64> = nprs_core::Array::from_shape_vec(c.shape(), c.iter().map(|z| z.re).collect())?;
        Ok(DynArray::from(re).astype(&to)?)
    };
    Ok(Some((real(w)?, v.map(real).transpose()?)))
}

/// [`eig`](crate::eig) for dynamic arrays, with NumPy's result type: real arrays for real
/// input whose eigenvalues are all real, complex otherwise.
///
/// # Errors
/// As [`eig`](crate::eig).
pub fn eig<S: DynData>(a: &DynBase<S>) -> Result<(DynArray, DynArray)> {
    let (w, v): (DynArray, DynArray) = dispatch!(a, "eig", |x| {
        let (w, v) = crate::eig(&x)?;
        Ok((w.into(), v.into()))
    })?;
    match real_if_all_real(a, &w, Some(&v))? {
        Some((w, Some(v))) => Ok((w, v)),
        _ => Ok((w, v)),
    }
}

/// [`eigvals`](crate::eigvals) for dynamic arrays, with NumPy's result type (see [`eig`]).
///
/// # Errors
/// As [`eigvals`](crate::eigvals).
pub fn eigvals<S: DynData>(a: &DynBase<S>) -> Result<DynArray> {
    let w: DynArray = dispatch!(a, "eigvals", |x| Ok(crate::eigvals(&x)?.into()))?;
    match real_if_all_real(a, &w, None)? {
        Some((w, _)) => Ok(w),
        None => Ok(w),
    }
}

/// [`norm`](crate::norm) for dynamic arrays.
///
/// # Errors
/// As [`norm`](crate::norm); a `TypeError` for `float16` and non-numeric dtypes.
pub fn norm<S: DynData>(
    x: &DynBase<S>,
    ord: Option<crate::NormOrd>,
    axis: Option<&[isize]>,
    keepdims: bool,
) -> Result<DynArray> {
    dispatch!(x, "norm", |v| Ok(crate::norm(&v, ord, axis, keepdims)?.into()))
}

/// [`vector_norm`](crate::vector_norm) for dynamic arrays.
///
/// # Errors
/// As [`vector_norm`](crate::vector_norm).
pub fn vector_norm<S: DynData>(x: &DynBase<S>, ord: f64, axis: Option<&[isize]>, keepdims: bool) -> Result<DynArray> {
    dispatch!(x, "vector_norm", |v| Ok(crate::vector_norm(&v, ord, axis, keepdims)?.into()))
}

/// [`matrix_norm`](crate::matrix_norm) for dynamic arrays.
///
/// # Errors
/// As [`matrix_norm`](crate::matrix_norm).
pub fn matrix_norm<S: DynData>(x: &DynBase<S>, ord: crate::NormOrd, keepdims: bool) -> Result<DynArray> {
    dispatch!(x, "matrix_norm", |v| Ok(crate::matrix_norm(&v, ord, keepdims)?.into()))
}

/// [`cond`](crate::cond) for dynamic arrays.
///
/// # Errors
/// As [`cond`](crate::cond).
pub fn cond<S: DynData>(x: &DynBase<S>, p: Option<crate::NormOrd>) -> Result<DynArray> {
    dispatch!(x, "cond", |v| Ok(crate::cond(&v, p)?.into()))
}

/// [`pinv`](crate::pinv) for dynamic arrays.
///
/// # Errors
/// As [`pinv`](crate::pinv).
pub fn pinv<S: DynData>(a: &DynBase<S>, rcond: Option<f64>, hermitian: bool) -> Result<DynArray> {
    dispatch!(a, "pinv", |v| Ok(crate::pinv(&v, rcond, hermitian)?.into()))
}

/// [`matrix_rank`](crate::matrix_rank) for dynamic arrays (an `int64` array).
///
/// # Errors
/// As [`matrix_rank`](crate::matrix_rank).
pub fn matrix_rank<S: DynData>(
    a: &DynBase<S>,
    tol: Option<f64>,
    rtol: Option<f64>,
    hermitian: bool,
) -> Result<DynArray> {
    dispatch!(a, "matrix_rank", |v| Ok(crate::matrix_rank(&v, tol, rtol, hermitian)?.into()))
}

/// [`lstsq`](crate::lstsq) for dynamic arrays, both operands first cast to NumPy's common
/// linalg type: `(x, residuals, rank, s)`.
///
/// # Errors
/// As [`lstsq`](crate::lstsq).
pub fn lstsq<SA: DynData, SB: DynData>(
    a: &DynBase<SA>,
    b: &DynBase<SB>,
    rcond: Option<f64>,
) -> Result<(DynArray, DynArray, i32, DynArray)> {
    let t = common_dtype(&[linalg_dtype(a, "lstsq")?, linalg_dtype(b, "lstsq")?]);
    macro_rules! go {
        ($ty:ty) => {{
            let (x, r, k, s) = crate::lstsq(&typed_as::<$ty, _>(a, t)?, &typed_as::<$ty, _>(b, t)?, rcond)?;
            Ok((x.into(), r.into(), k, s.into()))
        }};
    }
    match t {
        DType::Float32 => go!(f32),
        DType::Complex64 => go!(C64),
        DType::Complex128 => go!(C128),
        _ => go!(f64),
    }
}

macro_rules! dyn_product {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// As the typed function; a `TypeError` for `float16` and non-numeric dtypes.
        pub fn $name<SA: DynData, SB: DynData>(a: &DynBase<SA>, b: &DynBase<SB>) -> Result<DynArray> {
            let t = product_result(a, b)?;
            dispatch_matmul!(t, a, b, |x, y| Ok(crate::$name(&x, &y)?.into()))
        }
    };
}

dyn_product!(
    /// [`dot`](crate::dot) for dynamic arrays (operands promoted as NumPy does).
    dot
);
dyn_product!(
    /// [`vdot`](crate::vdot) for dynamic arrays.
    vdot
);
dyn_product!(
    /// [`inner`](crate::inner) for dynamic arrays.
    inner
);
dyn_product!(
    /// [`outer`](crate::outer) for dynamic arrays.
    outer
);
dyn_product!(
    /// [`kron`](crate::kron) for dynamic arrays.
    kron
);
dyn_product!(
    /// [`vecdot`](crate::vecdot) for dynamic arrays.
    vecdot
);

/// [`tensordot`](crate::tensordot) for dynamic arrays.
///
/// # Errors
/// As [`tensordot`](crate::tensordot); a `TypeError` for `float16` and non-numeric dtypes.
pub fn tensordot<SA: DynData, SB: DynData>(
    a: &DynBase<SA>,
    b: &DynBase<SB>,
    axes_a: &[isize],
    axes_b: &[isize],
) -> Result<DynArray> {
    let t = product_result(a, b)?;
    dispatch_matmul!(t, a, b, |x, y| Ok(crate::tensordot(&x, &y, axes_a, axes_b)?.into()))
}

/// Calls the generic function `$f::<T, _>($args)` for the element type `T` of the dtype
/// `$t` (one of the product element types).
macro_rules! with_product_type {
    ($t:expr, $f:ident($($arg:expr),*)) => {
        match $t {
            DType::Bool => $f::<bool, _>($($arg),*),
            DType::Int8 => $f::<i8, _>($($arg),*),
            DType::Int16 => $f::<i16, _>($($arg),*),
            DType::Int32 => $f::<i32, _>($($arg),*),
            DType::Int64 => $f::<i64, _>($($arg),*),
            DType::UInt8 => $f::<u8, _>($($arg),*),
            DType::UInt16 => $f::<u16, _>($($arg),*),
            DType::UInt32 => $f::<u32, _>($($arg),*),
            DType::UInt64 => $f::<u64, _>($($arg),*),
            DType::Float32 => $f::<f32, _>($($arg),*),
            DType::Float64 => $f::<f64, _>($($arg),*),
            DType::Complex64 => $f::<C64, _>($($arg),*),
            DType::Complex128 => $f::<C128, _>($($arg),*),
            other => Err(Error::UnsupportedDType { dtype: other.name().to_string() }),
        }
    };
}

/// The dtype NumPy's products give for several operands (`np.result_type`).
fn products_result<S: DynData>(ops: &[&DynBase<S>]) -> Result<DType> {
    let mut t: Option<Descr> = None;
    for o in ops {
        let d = Descr::from(product_dtype(o)?);
        t = Some(match t {
            None => d,
            Some(t) => nprs_core::promote_types(&t, &d)?,
        });
    }
    let t = t.ok_or(Error::TooFewArrays)?;
    t.numeric().ok_or_else(|| Error::UnsupportedDType { dtype: t.name() })
}

/// Typed arrays of `T` (of dtype `t`) for each operand: views where possible.
fn typed_all<'a, T: Element, S: DynData>(ops: &[&'a DynBase<S>], t: DType) -> Result<Vec<CowArray<'a, T>>> {
    ops.iter().map(|o| typed_as::<T, _>(o, t)).collect()
}

fn einsum_as<T: crate::MatmulElem, S: DynData>(
    t: DType,
    subscripts: &str,
    ops: &[&DynBase<S>],
    optimize: crate::Optimize,
) -> Result<DynArray> {
    let cows = typed_all::<T, S>(ops, t)?;
    let views: Vec<_> = cows.iter().map(|c| c.view()).collect();
    Ok(crate::einsum(subscripts, &views, optimize)?.into())
}

/// [`einsum`](crate::einsum) for dynamic arrays: the operands are cast to their common
/// dtype (`np.result_type`) first, which is the result's dtype, as in NumPy.
///
/// ```
/// use nprs_core::{DynArray, prelude::*};
/// use nprs_linalg::Optimize;
/// let a = DynArray::from(array![[1i64, 2], [3, 4]]);
/// let b = DynArray::from(array![0.5f32, 1.0]);
/// let c = nprs_linalg::dynamic::einsum("ij,j->i", &[&a, &b], Optimize::Greedy)?;
/// assert_eq!(c.dtype().name(), "float64");
/// # Ok::<(), nprs_linalg::Error>(())
/// ```
///
/// # Errors
/// As [`einsum`](crate::einsum); a `TypeError` for `float16` and non-numeric dtypes.
pub fn einsum<S: DynData>(subscripts: &str, operands: &[&DynBase<S>], optimize: crate::Optimize) -> Result<DynArray> {
    if operands.is_empty() {
        return Err(Error::EinsumNoOperands);
    }
    let t = products_result(operands)?;
    with_product_type!(t, einsum_as(t, subscripts, operands, optimize))
}

fn multi_dot_as<T: crate::MatmulElem, S: DynData>(t: DType, ops: &[&DynBase<S>]) -> Result<DynArray> {
    let cows = typed_all::<T, S>(ops, t)?;
    let views: Vec<_> = cows.iter().map(|c| c.view()).collect();
    Ok(crate::multi_dot(&views)?.into())
}

/// [`multi_dot`](crate::multi_dot) for dynamic arrays (operands promoted as NumPy does).
///
/// # Errors
/// As [`multi_dot`](crate::multi_dot); a `TypeError` for `float16` and non-numeric dtypes.
pub fn multi_dot<S: DynData>(arrays: &[&DynBase<S>]) -> Result<DynArray> {
    if arrays.len() < 2 {
        return Err(Error::TooFewArrays);
    }
    let t = products_result(arrays)?;
    with_product_type!(t, multi_dot_as(t, arrays))
}

dyn_product!(
    /// [`matvec`](crate::matvec) for dynamic arrays (operands promoted as NumPy does).
    matvec
);
dyn_product!(
    /// [`vecmat`](crate::vecmat) for dynamic arrays (operands promoted as NumPy does).
    vecmat
);
dyn_product!(
    /// [`cross`](crate::cross) for dynamic arrays (operands promoted as NumPy does;
    /// integers stay integers).
    cross
);

/// [`tensordot_n`](crate::tensordot_n) for dynamic arrays.
///
/// # Errors
/// As [`tensordot_n`](crate::tensordot_n); a `TypeError` for `float16` and non-numeric
/// dtypes.
pub fn tensordot_n<SA: DynData, SB: DynData>(a: &DynBase<SA>, b: &DynBase<SB>, n: usize) -> Result<DynArray> {
    let t = product_result(a, b)?;
    dispatch_matmul!(t, a, b, |x, y| Ok(crate::tensordot_n(&x, &y, n)?.into()))
}

/// [`trace`](crate::trace) for dynamic arrays, in NumPy's sum dtype: bools and signed
/// integers of fewer than 64 bits sum in `int64`, unsigned ones in `uint64`.
///
/// # Errors
/// As [`trace`](crate::trace); a `TypeError` for `float16` and non-numeric dtypes.
pub fn trace<S: DynData>(x: &DynBase<S>, offset: isize) -> Result<DynArray> {
    let t = match product_dtype(x)? {
        DType::Bool | DType::Int8 | DType::Int16 | DType::Int32 => DType::Int64,
        DType::UInt8 | DType::UInt16 | DType::UInt32 => DType::UInt64,
        t => t,
    };
    dispatch_matmul!(t, x, x, |v, _w| Ok(crate::trace(&v, offset)?.into()))
}

/// [`tensorinv`](crate::tensorinv) for dynamic arrays.
///
/// # Errors
/// As [`tensorinv`](crate::tensorinv); a `TypeError` for `float16`, a `UFuncTypeError` for
/// non-numeric dtypes.
pub fn tensorinv<S: DynData>(a: &DynBase<S>, ind: usize) -> Result<DynArray> {
    dispatch!(a, "inv", |x| Ok(crate::tensorinv(&x, ind)?.into()))
}

/// [`tensorsolve`](crate::tensorsolve) for dynamic arrays, both operands first cast to
/// NumPy's common linalg type.
///
/// # Errors
/// As [`tensorsolve`](crate::tensorsolve); a `TypeError` for `float16`, a `UFuncTypeError`
/// for non-numeric dtypes.
pub fn tensorsolve<SA: DynData, SB: DynData>(
    a: &DynBase<SA>,
    b: &DynBase<SB>,
    axes: Option<&[isize]>,
) -> Result<DynArray> {
    let t = common_dtype(&[linalg_dtype(a, "solve")?, linalg_dtype(b, "solve")?]);
    match t {
        DType::Float32 => Ok(crate::tensorsolve(&typed_as::<f32, _>(a, t)?, &typed_as::<f32, _>(b, t)?, axes)?.into()),
        DType::Complex64 => {
            Ok(crate::tensorsolve(&typed_as::<C64, _>(a, t)?, &typed_as::<C64, _>(b, t)?, axes)?.into())
        }
        DType::Complex128 => {
            Ok(crate::tensorsolve(&typed_as::<C128, _>(a, t)?, &typed_as::<C128, _>(b, t)?, axes)?.into())
        }
        _ => Ok(crate::tensorsolve(&typed_as::<f64, _>(a, t)?, &typed_as::<f64, _>(b, t)?, axes)?.into()),
    }
}

/// [`qr_raw`](crate::qr_raw) for dynamic arrays: `(h, tau)`.
///
/// # Errors
/// As [`qr_raw`](crate::qr_raw).
pub fn qr_raw<S: DynData>(a: &DynBase<S>) -> Result<(DynArray, DynArray)> {
    dispatch!(a, "qr_r_raw", |x| {
        let (h, tau) = crate::qr_raw(&x)?;
        Ok((h.into(), tau.into()))
    })
}

/// [`diagonal`](crate::diagonal) for dynamic arrays: a view of each matrix's (`offset`)
/// diagonal over the last two axes.
///
/// # Errors
/// `ValueError` for fewer than two dimensions.
pub fn diagonal<S: DynData>(x: &DynBase<S>, offset: isize) -> Result<nprs_core::DynView<'_>> {
    if x.ndim() < 2 {
        return Err(Error::DiagonalNdim);
    }
    Ok(x.diagonal(offset, -2, -1)?)
}

/// [`matrix_transpose`](crate::matrix_transpose) for dynamic arrays: a view with the last
/// two axes swapped.
///
/// # Errors
/// `ValueError` for fewer than two dimensions.
pub fn matrix_transpose<S: DynData>(x: &DynBase<S>) -> Result<nprs_core::DynView<'_>> {
    if x.ndim() < 2 {
        return Err(Error::TransposeNdim { ndim: x.ndim() });
    }
    Ok(x.swapaxes(-1, -2)?)
}
