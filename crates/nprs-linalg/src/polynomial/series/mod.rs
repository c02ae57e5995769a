//! `numpy.polynomial`: the series families Polynomial, Chebyshev, Legendre, Hermite,
//! HermiteE and Laguerre — the classes ([`Series`] and its aliases) and each family's
//! module functions ([`polynomial`], [`chebyshev`], [`legendre`], [`hermite`],
//! [`hermite_e`], [`laguerre`]).
//!
//! Coefficients run from the lowest degree up, as in NumPy's `numpy.polynomial`:
//! `[1, 2, 3]` is `1 + 2·P_1(x) + 3·P_2(x)`.
//!
//! One generic implementation serves all six families: a family is a [`Basis`], its
//! three-term recurrence `x·P_k = a_k·P_{k+1} + b_k·P_k + c_k·P_{k-1}` together with its
//! derivative and antiderivative rules. Evaluation (Clenshaw's recurrence), multiplication
//! by `x`, products, division, powers, Vandermonde matrices, fits, companion matrices,
//! roots, lines and conversions between families are written once over it.
//!
//! ```
//! use nprs_core::prelude::*;
//! use nprs_linalg::polynomial::chebyshev::{chebval, chebmul, cheb2poly};
//! let c = array![1.0, 2.0, 3.0];
//! let y = chebval(&array![0.5], &c)?;                  // 1 + 2·0.5 + 3·(2·0.25 - 1)
//! assert_eq!(y.to_vec(), vec![0.5]);
//! assert_eq!(chebmul(&array![0.0, 1.0], &array![0.0, 1.0])?.to_vec(), vec![0.5, 0.0, 0.5]);
//! assert_eq!(cheb2poly(&c)?.to_vec(), vec![-2.0, 2.0, 6.0]);
//! # Ok::<(), nprs_linalg::Error>(())
//! ```

mod basis;
mod class;
mod fit;
mod fmt;
mod gauss;
pub(crate) mod generic;
mod nd;

use std::cmp::Ordering;
use std::ops::{Add, Div, Mul, Neg, Sub};

pub use basis::{Basis, ChebyshevBasis, HermiteBasis, HermiteEBasis, LaguerreBasis, LegendreBasis, PowerBasis};
pub use class::{Series, getdomain, mapparms};
pub use fit::FitDeg;
pub use fmt::set_default_printstyle;

use crate::polynomial::PolyfitFull;

/// A coefficient type of the series module functions: `float64` or `complex128`.
pub trait Coef:
    nprs_core::Element
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Neg<Output = Self>
{
    /// The real number `v` in this type.
    fn of(v: f64) -> Self;
    /// The absolute value.
    fn magnitude(self) -> f64;
    /// NumPy's sort order (lexicographic for complex numbers).
    fn numpy_cmp(a: &Self, b: &Self) -> Ordering;
}

/// `numpy.polynomial.Polynomial`: power series.
pub type Polynomial = Series<PowerBasis>;
/// `numpy.polynomial.Chebyshev`: Chebyshev series of the first kind.
pub type Chebyshev = Series<ChebyshevBasis>;
/// `numpy.polynomial.Legendre`: Legendre series.
pub type Legendre = Series<LegendreBasis>;
/// `numpy.polynomial.Hermite`: physicists' Hermite series.
pub type Hermite = Series<HermiteBasis>;
/// `numpy.polynomial.HermiteE`: probabilists' Hermite series.
pub type HermiteE = Series<HermiteEBasis>;
/// `numpy.polynomial.Laguerre`: Laguerre series.
pub type Laguerre = Series<LaguerreBasis>;

/// `polyutils.trimseq`: trailing zeros dropped, keeping at least one coefficient.
#[must_use]
pub fn trimseq<T: Coef>(c: &[T]) -> Vec<T> {
    generic::trimseq(c.to_vec())
}

/// `numpy.polynomial.polyutils`: the helpers shared by the families.
pub mod polyutils {
    use nprs_core::kernel::Data;
    use nprs_core::{Array, ArrayBase};

    use super::{Coef, coefs, generic};
    pub use super::{getdomain, mapparms, trimseq};
    use crate::error::Result;

    /// `mapdomain(x, old, new)`: `off + scl·x` with `(off, scl) = mapparms(old, new)`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// let y = nprs_linalg::polynomial::polyutils::mapdomain(&array![0.0, 2.0], [0.0, 2.0], [-1.0, 1.0])?;
    /// assert_eq!(y.to_vec(), vec![-1.0, 1.0]);
    /// # Ok::<(), nprs_linalg::Error>(())
    /// ```
    ///
    /// # Errors
    /// None in practice (the result has `x`'s shape).
    pub fn mapdomain<S: Data<Elem = f64>>(x: &ArrayBase<S>, old: [f64; 2], new: [f64; 2]) -> Result<Array<f64>> {
        let (off, scl) = mapparms(old, new);
        let out: Vec<f64> = x.iter().map(|v| off + scl * v).collect();
        Ok(Array::from_shape_vec(x.shape(), out)?)
    }

    /// `trimcoef(c, tol)`: trailing coefficients of magnitude at most `tol` dropped (a
    /// single zero when all go).
    ///
    /// # Errors
    /// "tol must be non-negative"; "Coefficient array is empty".
    pub fn trimcoef<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>, tol: f64) -> Result<Array<T>> {
        Ok(Array::from_vec(generic::trimcoef(&coefs(c)?, tol)?))
    }

    /// `as_series([c])[0]`: the coefficients as a one-dimensional series, trailing zeros
    /// trimmed when `trim`.
    ///
    /// # Errors
    /// "Coefficient array is empty"; "Coefficient array is not 1-d".
    pub fn as_series<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>, trim: bool) -> Result<Array<T>> {
        let v = coefs(c)?;
        let v = if trim || v.is_empty() { generic::as_series(&v)? } else { v };
        Ok(Array::from_vec(v))
    }
}

/// The one-dimensional coefficients of an array (NumPy's `as_series` refuses others).
fn coefs<T: Coef, S: nprs_core::kernel::Data<Elem = T>>(c: &nprs_core::ArrayBase<S>) -> crate::Result<Vec<T>> {
    if c.ndim() > 1 {
        return Err(crate::Error::PolyValue("Coefficient array is not 1-d"));
    }
    Ok(c.to_vec())
}

macro_rules! family {
    ($module:ident, $basis:ty, $title:literal,
     $val:ident, $vander:ident, $fit:ident, $fit_full:ident, $roots:ident, $companion:ident,
     $fromroots:ident, $add:ident, $sub:ident, $mul:ident, $mulx:ident, $div:ident, $pow:ident,
     $der:ident, $int:ident, $line:ident, $trim:ident,
     $val2d:ident, $val3d:ident, $grid2d:ident, $grid3d:ident, $vander2d:ident, $vander3d:ident,
     $domain:ident, $zero:ident, $one:ident, $x:ident,
     $val_tensor:ident, $der_axis:ident, $int_axis:ident $(, $extra:item)*) => {
        #[doc = concat!("`numpy.polynomial.", stringify!($module), "`: the module functions of ", $title, ".")]
        ///
        /// Coefficients run lowest degree first; `float64` or `complex128` where NumPy
        /// takes either, `float64` for fits, Vandermonde and companion matrices; roots are
        /// `complex128`. Evaluation, derivatives and antiderivatives take coefficient
        /// arrays of any dimension (the first axis — or `axis` — is the degree, the others
        /// a batch of series); the other functions take one-dimensional series.
        pub mod $module {
            use nprs_core::kernel::Data;
            use nprs_core::{Array, ArrayBase, C128};

            use super::fit::FitDeg;
            use super::{Basis, Coef, PolyfitFull, coefs, fit, generic, nd};
            use crate::error::Result;

            type B = $basis;

            $($extra)*

            fn pts<T: Coef, S: Data<Elem = T>>(x: &ArrayBase<S>) -> nd::Nd<T> {
                (x.to_vec(), x.shape().to_vec())
            }

            #[doc = concat!("`", stringify!($val2d), "(x, y, c)`: the 2-D series `sum c[i, j]·P_i(x)·P_j(y)` at the points `(x[k], y[k])`.")]
            ///
            /// # Errors
            /// "x, y are incompatible" when the shapes differ; "Coefficient array is
            /// empty". Axes of `c` past the second are a batch, in front of the result's.
            pub fn $val2d<T: Coef, SX: Data<Elem = T>, SY: Data<Elem = T>, S: Data<Elem = T>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                c: &ArrayBase<S>,
            ) -> Result<Array<T>> {
                nd::valnd::<B, T>(&[pts(x), pts(y)], &pts(c))
            }

            #[doc = concat!("`", stringify!($val3d), "(x, y, z, c)`: the 3-D series at the points `(x[k], y[k], z[k])`.")]
            ///
            /// # Errors
            /// "x, y, z are incompatible" when the shapes differ; "Coefficient array is
            /// empty". Axes of `c` past the third are a batch, in front of the result's.
            pub fn $val3d<T: Coef, SX: Data<Elem = T>, SY: Data<Elem = T>, SZ: Data<Elem = T>, S: Data<Elem = T>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                z: &ArrayBase<SZ>,
                c: &ArrayBase<S>,
            ) -> Result<Array<T>> {
                nd::valnd::<B, T>(&[pts(x), pts(y), pts(z)], &pts(c))
            }

            #[doc = concat!("`", stringify!($grid2d), "(x, y, c)`: the 2-D series on the grid of `x` by `y`, shape `x.shape + y.shape`.")]
            ///
            /// # Errors
            /// "Coefficient array is empty". Axes of `c` past the second are a batch.
            pub fn $grid2d<T: Coef, SX: Data<Elem = T>, SY: Data<Elem = T>, S: Data<Elem = T>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                c: &ArrayBase<S>,
            ) -> Result<Array<T>> {
                nd::gridnd::<B, T>(&[pts(x), pts(y)], &pts(c))
            }

            #[doc = concat!("`", stringify!($grid3d), "(x, y, z, c)`: the 3-D series on the grid of `x`, `y` and `z`.")]
            ///
            /// # Errors
            /// "Coefficient array is empty". Axes of `c` past the third are a batch.
            pub fn $grid3d<T: Coef, SX: Data<Elem = T>, SY: Data<Elem = T>, SZ: Data<Elem = T>, S: Data<Elem = T>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                z: &ArrayBase<SZ>,
                c: &ArrayBase<S>,
            ) -> Result<Array<T>> {
                nd::gridnd::<B, T>(&[pts(x), pts(y), pts(z)], &pts(c))
            }

            #[doc = concat!("`", stringify!($vander2d), "(x, y, [xdeg, ydeg])`: the 2-D pseudo-Vandermonde matrix, shape `x.shape + ((xdeg + 1)·(ydeg + 1),)`.")]
            ///
            /// # Errors
            /// "deg must be non-negative"; "x, y are incompatible" when the shapes differ.
            pub fn $vander2d<SX: Data<Elem = f64>, SY: Data<Elem = f64>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                deg: [i64; 2],
            ) -> Result<Array<f64>> {
                nd::vandernd::<B>(&[pts(x), pts(y)], &deg)
            }

            #[doc = concat!("`", stringify!($vander3d), "(x, y, z, [xdeg, ydeg, zdeg])`: the 3-D pseudo-Vandermonde matrix.")]
            ///
            /// # Errors
            /// "deg must be non-negative"; "x, y, z are incompatible" when the shapes differ.
            pub fn $vander3d<SX: Data<Elem = f64>, SY: Data<Elem = f64>, SZ: Data<Elem = f64>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                z: &ArrayBase<SZ>,
                deg: [i64; 3],
            ) -> Result<Array<f64>> {
                nd::vandernd::<B>(&[pts(x), pts(y), pts(z)], &deg)
            }

            #[doc = concat!("`", stringify!($domain), "`: the family's default domain.")]
            #[must_use]
            pub fn $domain() -> Array<f64> {
                Array::from_vec(<B as Basis>::DOMAIN.to_vec())
            }

            #[doc = concat!("`", stringify!($zero), "`: the zero series `[0.0]`.")]
            #[must_use]
            pub fn $zero() -> Array<f64> {
                Array::from_vec(vec![0.0])
            }

            #[doc = concat!("`", stringify!($one), "`: the series of `1`, `[1.0]`.")]
            #[must_use]
            pub fn $one() -> Array<f64> {
                Array::from_vec(vec![1.0])
            }

            #[doc = concat!("`", stringify!($x), "`: the series of `x` (NumPy's integer arrays are `float64` here).")]
            #[must_use]
            pub fn $x() -> Array<f64> {
                Array::from_vec(generic::line::<B, f64>(0.0, 1.0))
            }

            #[doc = concat!("`", stringify!($val), "(x, c)`: the series at every element of `x` (Clenshaw's recurrence).")]
            ///
            /// ```
            /// use nprs_core::prelude::*;
            #[doc = concat!("use nprs_linalg::polynomial::", stringify!($module), "::{", stringify!($val), ", ", stringify!($fromroots), ", ", stringify!($roots), "};")]
            /// // A constant series is its constant everywhere (every basis starts with P_0 = 1).
            #[doc = concat!("assert_eq!(", stringify!($val), "(&array![0.25, 0.5], &array![2.0])?.to_vec(), vec![2.0, 2.0]);")]
            /// // The series with given roots vanishes there, and its roots are those roots.
            #[doc = concat!("let c: Array<f64> = ", stringify!($fromroots), "(&array![0.25, 0.5])?;")]
            #[doc = concat!("let y: Array<f64> = ", stringify!($val), "(&array![0.25, 0.5], &c)?;")]
            /// assert!(y.iter().all(|v| v.abs() < 1e-12));
            #[doc = concat!("let r = ", stringify!($roots), "(&c)?;")]
            /// assert!((r.to_vec()[0].re - 0.25).abs() < 1e-12 && (r.to_vec()[1].re - 0.5).abs() < 1e-12);
            /// # Ok::<(), nprs_linalg::Error>(())
            /// ```
            ///
            /// `c` may have more than one dimension: its first axis is the degree and the
            /// others a batch of series, each evaluated at every point (NumPy's default
            /// `tensor=True`): the result's shape is `c.shape[1:] + x.shape`.
            ///
            /// # Errors
            /// "Coefficient array is empty" for no coefficients.
            pub fn $val<T: Coef, SX: Data<Elem = T>, S: Data<Elem = T>>(
                x: &ArrayBase<SX>,
                c: &ArrayBase<S>,
            ) -> Result<Array<T>> {
                $val_tensor(x, c, true)
            }

            #[doc = concat!("`", stringify!($val), "(x, c, tensor)`: as [`", stringify!($val), "`]; with `tensor = false` the batch axes of `c` (`c.shape[1:]`) broadcast against `x` instead of being evaluated at every point.")]
            ///
            /// ```
            /// use nprs_core::prelude::*;
            #[doc = concat!("use nprs_linalg::polynomial::", stringify!($module), "::", stringify!($val_tensor), ";")]
            /// let c = array![[1.0, 2.0], [0.0, 0.0]];            // two constant series: 1 and 2
            #[doc = concat!("let all = ", stringify!($val_tensor), "(&array![0.5, 0.25, 0.0], &c, true)?;")]
            /// assert_eq!(all.shape(), &[2, 3]);                  // every series at every point
            #[doc = concat!("let pairs = ", stringify!($val_tensor), "(&array![0.5, 0.25], &c, false)?;")]
            /// assert_eq!(pairs.to_vec(), vec![1.0, 2.0]);        // series i at point i
            /// # Ok::<(), nprs_linalg::Error>(())
            /// ```
            ///
            /// # Errors
            /// "Coefficient array is empty"; without `tensor`, batch and point shapes that
            /// do not broadcast.
            pub fn $val_tensor<T: Coef, SX: Data<Elem = T>, S: Data<Elem = T>>(
                x: &ArrayBase<SX>,
                c: &ArrayBase<S>,
                tensor: bool,
            ) -> Result<Array<T>> {
                let (v, shape) = nd::val::<B, T>(&pts(x), &pts(c), tensor)?;
                Ok(Array::from_shape_vec(&shape, v)?)
            }

            #[doc = concat!("`", stringify!($vander), "(x, deg)`: the pseudo-Vandermonde matrix, shape `x.shape + (deg + 1,)`.")]
            ///
            /// # Errors
            /// "deg must be non-negative".
            pub fn $vander<S: Data<Elem = f64>>(x: &ArrayBase<S>, deg: i64) -> Result<Array<f64>> {
                fit::vander::<B, S>(x, deg)
            }

            #[doc = concat!("`", stringify!($fit), "(x, y, deg, rcond, w=w)`: least-squares coefficients (one column per column of a 2-D `y`).")]
            ///
            /// `deg` is a degree (`3`) or the list of terms to fit (`vec![0, 2]`).
            ///
            /// # Errors
            /// NumPy's: "expected deg >= 0", "deg must be an int or non-empty 1-D array
            /// of int", "expected 1D vector for x", "expected non-empty vector for x",
            /// "expected 1D or 2D array for y", "expected x and y to have same length",
            /// "expected x and w to have same length".
            pub fn $fit<SX: Data<Elem = f64>, SY: Data<Elem = f64>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                deg: impl Into<FitDeg>,
                rcond: Option<f64>,
                w: Option<&[f64]>,
            ) -> Result<Array<f64>> {
                Ok(fit::fit::<B, SX, SY>(x, y, &deg.into(), rcond, w)?.coef)
            }

            #[doc = concat!("`", stringify!($fit), "(..., full=True)`: the coefficients with `[resid, rank, sv, rcond]`.")]
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($fit), "`].")]
            pub fn $fit_full<SX: Data<Elem = f64>, SY: Data<Elem = f64>>(
                x: &ArrayBase<SX>,
                y: &ArrayBase<SY>,
                deg: impl Into<FitDeg>,
                rcond: Option<f64>,
                w: Option<&[f64]>,
            ) -> Result<PolyfitFull> {
                fit::fit::<B, SX, SY>(x, y, &deg.into(), rcond, w)
            }

            #[doc = concat!("`", stringify!($roots), "(c)`: the roots, sorted, as `complex128` (NumPy returns `float64` when all are real).")]
            ///
            /// # Errors
            /// "Coefficient array is empty"; `LinAlgError` for non-finite coefficients.
            pub fn $roots<S: Data<Elem = f64>>(c: &ArrayBase<S>) -> Result<Array<C128>> {
                fit::roots::<B>(&coefs(c)?)
            }

            #[doc = concat!("`", stringify!($companion), "(c)`: the (scaled) companion matrix.")]
            ///
            /// # Errors
            /// "Series must have maximum degree of at least 1."
            pub fn $companion<S: Data<Elem = f64>>(c: &ArrayBase<S>) -> Result<Array<f64>> {
                fit::companion::<B>(&coefs(c)?)
            }

            #[doc = concat!("`", stringify!($fromroots), "(roots)`: the series of the product of `x - r`.")]
            ///
            /// # Errors
            /// "Coefficient array is not 1-d".
            pub fn $fromroots<T: Coef, S: Data<Elem = T>>(roots: &ArrayBase<S>) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::fromroots::<B, T>(&coefs(roots)?)))
            }

            #[doc = concat!("`", stringify!($add), "(c1, c2)`: the sum, trimmed.")]
            ///
            /// # Errors
            /// "Coefficient array is empty".
            pub fn $add<T: Coef, S1: Data<Elem = T>, S2: Data<Elem = T>>(
                c1: &ArrayBase<S1>,
                c2: &ArrayBase<S2>,
            ) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::add(&coefs(c1)?, &coefs(c2)?)?))
            }

            #[doc = concat!("`", stringify!($sub), "(c1, c2)`: the difference, trimmed.")]
            ///
            /// # Errors
            /// "Coefficient array is empty".
            pub fn $sub<T: Coef, S1: Data<Elem = T>, S2: Data<Elem = T>>(
                c1: &ArrayBase<S1>,
                c2: &ArrayBase<S2>,
            ) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::sub(&coefs(c1)?, &coefs(c2)?)?))
            }

            #[doc = concat!("`", stringify!($mul), "(c1, c2)`: the product, trimmed.")]
            ///
            /// # Errors
            /// "Coefficient array is empty".
            pub fn $mul<T: Coef, S1: Data<Elem = T>, S2: Data<Elem = T>>(
                c1: &ArrayBase<S1>,
                c2: &ArrayBase<S2>,
            ) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::mul::<B, T>(&coefs(c1)?, &coefs(c2)?)?))
            }

            #[doc = concat!("`", stringify!($mulx), "(c)`: the series times `x`.")]
            ///
            /// # Errors
            /// "Coefficient array is empty".
            pub fn $mulx<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::mulx::<B, T>(&coefs(c)?)?))
            }

            #[doc = concat!("`", stringify!($div), "(c1, c2)`: quotient and remainder.")]
            ///
            /// # Errors
            /// `ZeroDivisionError` when `c2`'s last coefficient (after trimming) is zero;
            /// "Coefficient array is empty".
            pub fn $div<T: Coef, S1: Data<Elem = T>, S2: Data<Elem = T>>(
                c1: &ArrayBase<S1>,
                c2: &ArrayBase<S2>,
            ) -> Result<(Array<T>, Array<T>)> {
                let (q, r) = generic::div::<B, T>(&coefs(c1)?, &coefs(c2)?)?;
                Ok((Array::from_vec(q), Array::from_vec(r)))
            }

            #[doc = concat!("`", stringify!($pow), "(c, pow, maxpower)`: `c` to the power `pow`; `None` is no limit (NumPy's default is 16, none for `polypow`).")]
            ///
            /// # Errors
            /// "Power must be a non-negative integer."; "Power is too large".
            pub fn $pow<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>, pow: i64, maxpower: Option<i64>) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::pow::<B, T>(&coefs(c)?, pow, maxpower)?))
            }

            #[doc = concat!("`", stringify!($der), "(c, m, scl)`: the `m`-th derivative, each one multiplied by `scl`, along `c`'s first axis (every series of an N-d `c`).")]
            ///
            /// # Errors
            /// "The order of derivation must be non-negative".
            pub fn $der<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>, m: i64, scl: T) -> Result<Array<T>> {
                $der_axis(c, m, scl, 0)
            }

            #[doc = concat!("`", stringify!($der), "(c, m, scl, axis)`: the derivative along `axis` of an N-d coefficient array (negative axes count from the end).")]
            ///
            /// ```
            /// use nprs_core::prelude::*;
            #[doc = concat!("use nprs_linalg::polynomial::", stringify!($module), "::", stringify!($der_axis), ";")]
            /// let c = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]];   // a series per row
            #[doc = concat!("assert_eq!(", stringify!($der_axis), "(&c, 1, 1.0, 1)?.shape(), &[2, 2]);")]
            /// # Ok::<(), nprs_linalg::Error>(())
            /// ```
            ///
            /// # Errors
            /// "The order of derivation must be non-negative"; NumPy's AxisError.
            pub fn $der_axis<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>, m: i64, scl: T, axis: isize) -> Result<Array<T>> {
                nd::der::<B, T>(&pts(c), m, scl, axis)
            }

            #[doc = concat!("`", stringify!($int), "(c, m, k, lbnd, scl)`: the `m`-th antiderivative along `c`'s first axis; integral `i` takes the value `k[i]` (0 when missing) at `lbnd`, each one multiplied by `scl`.")]
            ///
            /// # Errors
            /// "The order of integration must be non-negative"; "Too many integration
            /// constants".
            pub fn $int<T: Coef, S: Data<Elem = T>>(
                c: &ArrayBase<S>,
                m: i64,
                k: &[T],
                lbnd: T,
                scl: T,
            ) -> Result<Array<T>> {
                $int_axis(c, m, k, lbnd, scl, 0)
            }

            #[doc = concat!("`", stringify!($int), "(c, m, k, lbnd, scl, axis)`: the antiderivative along `axis` of an N-d coefficient array.")]
            ///
            /// # Errors
            #[doc = concat!("As [`", stringify!($int), "`]; NumPy's AxisError.")]
            pub fn $int_axis<T: Coef, S: Data<Elem = T>>(
                c: &ArrayBase<S>,
                m: i64,
                k: &[T],
                lbnd: T,
                scl: T,
                axis: isize,
            ) -> Result<Array<T>> {
                nd::int::<B, T>(&pts(c), m, k, lbnd, scl, axis)
            }

            #[doc = concat!("`", stringify!($line), "(off, scl)`: the series of `off + scl·x`.")]
            #[must_use]
            pub fn $line<T: Coef>(off: T, scl: T) -> Array<T> {
                Array::from_vec(generic::line::<B, T>(off, scl))
            }

            #[doc = concat!("`", stringify!($trim), "(c, tol)`: trailing coefficients of magnitude at most `tol` dropped (at least one kept, zero if all go).")]
            ///
            /// # Errors
            /// "tol must be non-negative"; "Coefficient array is empty".
            pub fn $trim<T: Coef, S: Data<Elem = T>>(c: &ArrayBase<S>, tol: f64) -> Result<Array<T>> {
                Ok(Array::from_vec(generic::trimcoef(&coefs(c)?, tol)?))
            }
        }
    };
}

/// `*gauss` and `*weight` of an orthogonal family (expanded inside its module).
macro_rules! quadrature {
    ($gauss:ident, $weight:ident, $mu0:expr, $symmetric:expr, $wdoc:literal, |$x:ident| $w:expr) => {
        #[doc = concat!("`", stringify!($gauss), "(deg)`: Gauss quadrature nodes and weights for the family's weight function.")]
        ///
        /// # Errors
        /// "deg must be a positive integer" for `deg < 1`.
        pub fn $gauss(deg: i64) -> Result<(Array<f64>, Array<f64>)> {
            super::gauss::gauss::<B>(deg, $mu0, $symmetric)
        }

        #[doc = concat!("`", stringify!($weight), "(x)`: the weight function, ", $wdoc, ".")]
        #[must_use]
        pub fn $weight<S: Data<Elem = f64>>(x: &ArrayBase<S>) -> Array<f64> {
            let out: Vec<f64> = x.iter().map(|$x: f64| $w).collect();
            Array::from_shape_vec(x.shape(), out).unwrap_or_else(|_| Array::from_vec(Vec::new()))
        }
    };
}

macro_rules! conversions {
    ($basis:ty, $to:ident, $from:ident) => {
        #[doc = concat!("`", stringify!($to), "(c)`: the same function as power-series coefficients.")]
        ///
        /// # Errors
        /// "Coefficient array is empty".
        pub fn $to<T: Coef, S: nprs_core::kernel::Data<Elem = T>>(
            c: &nprs_core::ArrayBase<S>,
        ) -> crate::Result<nprs_core::Array<T>> {
            let c = generic::as_series(&coefs(c)?)?;
            Ok(nprs_core::Array::from_vec(generic::compose::<$basis, PowerBasis, T>(&c, None)))
        }

        #[doc = concat!("`", stringify!($from), "(pol)`: power-series coefficients as this family's.")]
        ///
        /// # Errors
        /// "Coefficient array is empty".
        pub fn $from<T: Coef, S: nprs_core::kernel::Data<Elem = T>>(
            pol: &nprs_core::ArrayBase<S>,
        ) -> crate::Result<nprs_core::Array<T>> {
            let c = generic::as_series(&coefs(pol)?)?;
            Ok(nprs_core::Array::from_vec(generic::compose::<PowerBasis, $basis, T>(&c, None)))
        }
    };
}

family!(
    polynomial,
    super::PowerBasis,
    "power series",
    polyval,
    polyvander,
    polyfit,
    polyfit_full,
    polyroots,
    polycompanion,
    polyfromroots,
    polyadd,
    polysub,
    polymul,
    polymulx,
    polydiv,
    polypow,
    polyder,
    polyint,
    polyline,
    polytrim,
    polyval2d,
    polyval3d,
    polygrid2d,
    polygrid3d,
    polyvander2d,
    polyvander3d,
    polydomain,
    polyzero,
    polyone,
    polyx,
    polyval_tensor,
    polyder_axis,
    polyint_axis,
    /// `polyvalfromroots(x, r)`: `prod(x - r)` over the roots in order, at every element of `x`.
    ///
    /// ```
    /// use nprs_core::prelude::*;
    /// use nprs_linalg::polynomial::polynomial::polyvalfromroots;
    /// let y = polyvalfromroots(&array![0.0, 3.0], &array![1.0, 2.0])?;
    /// assert_eq!(y.to_vec(), vec![2.0, 2.0]);
    /// # Ok::<(), nprs_linalg::Error>(())
    /// ```
    ///
    /// # Errors
    /// "Coefficient array is not 1-d" for roots of more than one dimension.
    pub fn polyvalfromroots<T: Coef, SX: Data<Elem = T>, S: Data<Elem = T>>(
        x: &ArrayBase<SX>,
        r: &ArrayBase<S>,
    ) -> Result<Array<T>> {
        let r = coefs(r)?;
        let out: Vec<T> = x.iter().map(|v| r.iter().fold(T::of(1.0), |acc, &ri| acc * (v - ri))).collect();
        Ok(Array::from_shape_vec(x.shape(), out)?)
    }
);
family!(
    chebyshev,
    super::ChebyshevBasis,
    "Chebyshev series",
    chebval,
    chebvander,
    chebfit,
    chebfit_full,
    chebroots,
    chebcompanion,
    chebfromroots,
    chebadd,
    chebsub,
    chebmul,
    chebmulx,
    chebdiv,
    chebpow,
    chebder,
    chebint,
    chebline,
    chebtrim,
    chebval2d,
    chebval3d,
    chebgrid2d,
    chebgrid3d,
    chebvander2d,
    chebvander3d,
    chebdomain,
    chebzero,
    chebone,
    chebx,
    chebval_tensor,
    chebder_axis,
    chebint_axis,
    pub use super::conv::{cheb2poly, poly2cheb};,
    /// `chebgauss(deg)`: Gauss–Chebyshev nodes and weights (NumPy's closed form).
    ///
    /// # Errors
    /// "deg must be a positive integer" for `deg < 1`.
    pub fn chebgauss(deg: i64) -> Result<(Array<f64>, Array<f64>)> {
        super::gauss::chebgauss(deg)
    },
    /// `chebweight(x)`: the weight function `1 / (sqrt(1 + x)·sqrt(1 - x))`.
    #[must_use]
    pub fn chebweight<S: Data<Elem = f64>>(x: &ArrayBase<S>) -> Array<f64> {
        let out: Vec<f64> = x.iter().map(|v| 1.0 / ((1.0 + v).sqrt() * (1.0 - v).sqrt())).collect();
        Array::from_shape_vec(x.shape(), out).unwrap_or_else(|_| Array::from_vec(Vec::new()))
    },
    /// `chebpts1(npts)`: Chebyshev points of the first kind.
    ///
    /// # Errors
    /// "npts must be >= 1".
    pub fn chebpts1(npts: i64) -> Result<Array<f64>> {
        super::gauss::chebpts1(npts)
    },
    /// `chebpts2(npts)`: Chebyshev points of the second kind.
    ///
    /// # Errors
    /// "npts must be >= 2".
    pub fn chebpts2(npts: i64) -> Result<Array<f64>> {
        super::gauss::chebpts2(npts)
    },
    /// `chebinterpolate(func, deg)`: the Chebyshev series of degree `deg` interpolating
    /// `func` at the Chebyshev points of the first kind.
    ///
    /// # Errors
    /// "expected deg >= 0".
    pub fn chebinterpolate(func: impl Fn(f64) -> f64, deg: i64) -> Result<Array<f64>> {
        super::gauss::chebinterpolate::<B>(func, deg)
    }
);
family!(
    legendre,
    super::LegendreBasis,
    "Legendre series",
    legval,
    legvander,
    legfit,
    legfit_full,
    legroots,
    legcompanion,
    legfromroots,
    legadd,
    legsub,
    legmul,
    legmulx,
    legdiv,
    legpow,
    legder,
    legint,
    legline,
    legtrim,
    legval2d,
    legval3d,
    leggrid2d,
    leggrid3d,
    legvander2d,
    legvander3d,
    legdomain,
    legzero,
    legone,
    legx,
    legval_tensor,
    legder_axis,
    legint_axis,
    pub use super::conv::{leg2poly, poly2leg};,
    quadrature!(leggauss, legweight, 2.0, true, "`1`", |x| x * 0.0 + 1.0);
);
family!(
    hermite,
    super::HermiteBasis,
    "physicists' Hermite series",
    hermval,
    hermvander,
    hermfit,
    hermfit_full,
    hermroots,
    hermcompanion,
    hermfromroots,
    hermadd,
    hermsub,
    hermmul,
    hermmulx,
    hermdiv,
    hermpow,
    hermder,
    hermint,
    hermline,
    hermtrim,
    hermval2d,
    hermval3d,
    hermgrid2d,
    hermgrid3d,
    hermvander2d,
    hermvander3d,
    hermdomain,
    hermzero,
    hermone,
    hermx,
    hermval_tensor,
    hermder_axis,
    hermint_axis,
    pub use super::conv::{herm2poly, poly2herm};,
    quadrature!(hermgauss, hermweight, std::f64::consts::PI.sqrt(), true, "`exp(-x²)`", |x| (-(x * x)).exp());
);
family!(
    hermite_e,
    super::HermiteEBasis,
    "probabilists' Hermite series",
    hermeval,
    hermevander,
    hermefit,
    hermefit_full,
    hermeroots,
    hermecompanion,
    hermefromroots,
    hermeadd,
    hermesub,
    hermemul,
    hermemulx,
    hermediv,
    hermepow,
    hermeder,
    hermeint,
    hermeline,
    hermetrim,
    hermeval2d,
    hermeval3d,
    hermegrid2d,
    hermegrid3d,
    hermevander2d,
    hermevander3d,
    hermedomain,
    hermezero,
    hermeone,
    hermex,
    hermeval_tensor,
    hermeder_axis,
    hermeint_axis,
    pub use super::conv::{herme2poly, poly2herme};,
    quadrature!(hermegauss, hermeweight, (2.0 * std::f64::consts::PI).sqrt(), true, "`exp(-x²/2)`", |x| (-0.5 * (x * x)).exp());
);
family!(
    laguerre,
    super::LaguerreBasis,
    "Laguerre series",
    lagval,
    lagvander,
    lagfit,
    lagfit_full,
    lagroots,
    lagcompanion,
    lagfromroots,
    lagadd,
    lagsub,
    lagmul,
    lagmulx,
    lagdiv,
    lagpow,
    lagder,
    lagint,
    lagline,
    lagtrim,
    lagval2d,
    lagval3d,
    laggrid2d,
    laggrid3d,
    lagvander2d,
    lagvander3d,
    lagdomain,
    lagzero,
    lagone,
    lagx,
    lagval_tensor,
    lagder_axis,
    lagint_axis,
    pub use super::conv::{lag2poly, poly2lag};,
    quadrature!(laggauss, lagweight, 1.0, false, "`exp(-x)`", |x| (-x).exp());
);

/// The conversions between power series and the other families.
mod conv {
    use super::{
        ChebyshevBasis, Coef, HermiteBasis, HermiteEBasis, LaguerreBasis, LegendreBasis, PowerBasis, coefs, generic,
    };
    conversions!(ChebyshevBasis, cheb2poly, poly2cheb);
    conversions!(LegendreBasis, leg2poly, poly2leg);
    conversions!(HermiteBasis, herm2poly, poly2herm);
    conversions!(HermiteEBasis, herme2poly, poly2herme);
    conversions!(LaguerreBasis, lag2poly, poly2lag);
}
