//! Continuous distributions of `Generator`.

use nprs_core::Array;

use super::args::{Cons, Param, Size, Source, fill_broadcast};
use super::{Generator, ParamValue};
use crate::bitgen::BitGenerator;
use crate::dist::continuous as cd;
use crate::dist::ziggurat as zig;
use crate::error::{Error, Result, TriangularError};

/// Defines an array method and its `_scalar` twin for a continuous distribution with float
/// parameters: the array method validates, broadcasts and fills; the scalar one validates
/// and draws once.
macro_rules! cont_method {
    (
        $doc:literal, $name:ident, $scalar:ident,
        [$($p:ident: $pname:literal => $cons:ident),*],
        |$b:ident $(, $v:ident)*| $body:expr
    ) => {
        #[doc = $doc]
        ///
        /// Parameters are scalars or arrays that broadcast with each other and with `size`.
        ///
        /// # Errors
        /// A parameter outside its domain (NumPy's message), shapes that do not broadcast,
        /// negative dimensions.
        pub fn $name<'a>(&mut self, $($p: impl Into<Param<'a, f64>>,)* size: impl Into<Size>) -> Result<Array<f64>> {
            $(let $p = $p.into();)*
            self.cont(&size.into(), [$((&$p, $pname, Cons::$cons)),*], |$b, [$($v),*]| $body)
        }

        #[doc = concat!("One draw of [`", stringify!($name), "`](Self::", stringify!($name), ") for scalar parameters.")]
        ///
        /// # Errors
        /// A parameter outside its domain (NumPy's message).
        pub fn $scalar(&mut self $(, $p: f64)*) -> Result<f64> {
            Self::check_scalars([$(($p, $pname, Cons::$cons)),*])?;
            let $b = &mut self.bg;
            $(let $v = $p;)*
            Ok($body)
        }
    };
}

impl<B: BitGenerator> Generator<B> {
    cont_method!(
        "Normal draws (`normal(loc, scale, size)`): `loc + scale * standard_normal()`.",
        normal, normal_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
        |b, l, s| l + s * zig::standard_normal(b)
    );

    cont_method!(
        "Exponential draws (`exponential(scale, size)`): `scale * standard_exponential()`.",
        exponential, exponential_scalar, [scale: "scale" => NonNegative],
        |b, s| s * zig::standard_exponential(b)
    );

    cont_method!(
        "Standard gamma draws (`standard_gamma(shape, size)`).",
        standard_gamma, standard_gamma_scalar, [shape: "shape" => NonNegative],
        |b, k| cd::standard_gamma(b, k)
    );

    cont_method!(
        "Gamma draws (`gamma(shape, scale, size)`): `scale * standard_gamma(shape)`.",
        gamma, gamma_scalar, [shape: "shape" => NonNegative, scale: "scale" => NonNegative],
        |b, k, s| s * cd::standard_gamma(b, k)
    );

    cont_method!(
        "Beta draws (`beta(a, b, size)`).",
        beta, beta_scalar, [a: "a" => Positive, b: "b" => Positive],
        |bg, a, b| cd::beta(bg, a, b)
    );

    cont_method!(
        "Chi-square draws (`chisquare(df, size)`).",
        chisquare, chisquare_scalar, [df: "df" => Positive],
        |b, df| cd::chisquare(b, df)
    );

    cont_method!(
        "F draws (`f(dfnum, dfden, size)`).",
        f, f_scalar, [dfnum: "dfnum" => Positive, dfden: "dfden" => Positive],
        |b, n, d| cd::f(b, n, d)
    );

    cont_method!(
        "Noncentral chi-square draws (`noncentral_chisquare(df, nonc, size)`).",
        noncentral_chisquare, noncentral_chisquare_scalar, [df: "df" => Positive, nonc: "nonc" => NonNegative],
        |b, df, nonc| cd::noncentral_chisquare(b, df, nonc)
    );

    cont_method!(
        "Noncentral F draws (`noncentral_f(dfnum, dfden, nonc, size)`).",
        noncentral_f, noncentral_f_scalar,
        [dfnum: "dfnum" => Positive, dfden: "dfden" => Positive, nonc: "nonc" => NonNegative],
        |b, n, d, nonc| cd::noncentral_f(b, n, d, nonc)
    );

    cont_method!(
        "Student's t draws (`standard_t(df, size)`).",
        standard_t, standard_t_scalar, [df: "df" => Positive],
        |b, df| cd::standard_t(b, df)
    );

    cont_method!(
        "Von Mises draws on `[-pi, pi]` (`vonmises(mu, kappa, size)`).",
        vonmises, vonmises_scalar, [mu: "mu" => None, kappa: "kappa" => NonNegative],
        |b, mu, kappa| cd::vonmises(b, mu, kappa)
    );

    cont_method!(
        "Pareto II (Lomax) draws (`pareto(a, size)`): `expm1(standard_exponential() / a)`.",
        pareto, pareto_scalar, [a: "a" => Positive],
        |b, a| cd::pareto(b, a)
    );

    cont_method!(
        "Weibull draws (`weibull(a, size)`): `standard_exponential() ** (1/a)`.",
        weibull, weibull_scalar, [a: "a" => NonNegative],
        |b, a| cd::weibull(b, a)
    );

    cont_method!(
        "Power-function draws in `[0, 1]` (`power(a, size)`).",
        power, power_scalar, [a: "a" => Positive],
        |b, a| cd::power(b, a)
    );

    cont_method!(
        "Laplace draws (`laplace(loc, scale, size)`).",
        laplace, laplace_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
        |b, l, s| cd::laplace(b, l, s)
    );

    cont_method!(
        "Gumbel draws (`gumbel(loc, scale, size)`).",
        gumbel, gumbel_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
        |b, l, s| cd::gumbel(b, l, s)
    );

    cont_method!(
        "Logistic draws (`logistic(loc, scale, size)`).",
        logistic, logistic_scalar, [loc: "loc" => None, scale: "scale" => NonNegative],
        |b, l, s| cd::logistic(b, l, s)
    );

    cont_method!(
        "Log-normal draws (`lognormal(mean, sigma, size)`): `exp(mean + sigma * standard_normal())`.",
        lognormal, lognormal_scalar, [mean: "mean" => None, sigma: "sigma" => NonNegative],
        |b, m, s| cd::lognormal(b, m, s)
    );

    cont_method!(
        "Rayleigh draws (`rayleigh(scale, size)`).",
        rayleigh, rayleigh_scalar, [scale: "scale" => NonNegative],
        |b, s| cd::rayleigh(b, s)
    );

    cont_method!(
        "Wald (inverse Gaussian) draws (`wald(mean, scale, size)`).",
        wald, wald_scalar, [mean: "mean" => Positive, scale: "scale" => Positive],
        |b, m, s| cd::wald(b, m, s)
    );

    /// Standard Cauchy draws (`standard_cauchy(size)`): a ratio of two standard normals.
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn standard_cauchy(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.cont(&size.into(), [], |b, []| cd::standard_cauchy(b))
    }

    /// One standard Cauchy draw.
    pub fn standard_cauchy_scalar(&mut self) -> f64 {
        cd::standard_cauchy(&mut self.bg)
    }

    /// Float32 standard gamma draws (`standard_gamma(shape, size, dtype=np.float32)`), in
    /// float32 arithmetic.
    ///
    /// # Errors
    /// `shape < 0`, shapes that do not broadcast, negative dimensions.
    pub fn standard_gamma_f32<'a>(
        &mut self,
        shape: impl Into<Param<'a, f32>>,
        size: impl Into<Size>,
    ) -> Result<Array<f32>> {
        let shape = shape.into();
        self.sample(&size.into(), [(&shape, "shape", Cons::NonNegative)], |b, [k]| cd::standard_gamma_f(b, k))
    }

    /// One float32 standard gamma draw.
    ///
    /// # Errors
    /// `shape < 0`.
    pub fn standard_gamma_f32_scalar(&mut self, shape: f32) -> Result<f32> {
        Self::check_scalars([(shape.as_f64(), "shape", Cons::NonNegative)])?;
        Ok(cd::standard_gamma_f(&mut self.bg, shape))
    }

    /// Uniform draws on `[low, high)` (`uniform(low, high, size)`): `low + (high - low) * U`.
    ///
    /// # Errors
    /// A non-finite `high - low` (NumPy's `OverflowError`), `high - low < 0`, shapes that do
    /// not broadcast, negative dimensions.
    pub fn uniform<'a>(
        &mut self,
        low: impl Into<Param<'a, f64>>,
        high: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (low, high) = (low.into(), high.into());
        let range = uniform_range(&low, &high, false)?;
        self.cont(&size.into(), [(&low, "", Cons::None), (&range, "high - low", Cons::NonNegative)], |b, [l, r]| {
            l + r * b.next_double()
        })
    }

    /// One uniform draw on `[low, high)`.
    ///
    /// # Errors
    /// A non-finite `high - low` (`OverflowError`), or `high - low < 0`.
    pub fn uniform_scalar(&mut self, low: f64, high: f64) -> Result<f64> {
        let range = high - low;
        if !range.is_finite() {
            return Err(Error::RangeOverflow { scalar: true });
        }
        Self::check_scalars([(range, "high - low", Cons::NonNegative)])?;
        Ok(low + range * self.bg.next_double())
    }

    /// Triangular draws on `[left, right]` peaking at `mode` (`triangular(left, mode, right, size)`).
    ///
    /// # Errors
    /// "left > mode", "mode > right", "left == right", shapes that do not broadcast,
    /// negative dimensions.
    pub fn triangular<'a>(
        &mut self,
        left: impl Into<Param<'a, f64>>,
        mode: impl Into<Param<'a, f64>>,
        right: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (left, mode, right) = (left.into(), mode.into(), right.into());
        if any_pair(&left, &mode, |l, m| l > m)? {
            return Err(Error::Triangular(TriangularError::LeftAboveMode));
        }
        if any_pair(&mode, &right, |m, r| m > r)? {
            return Err(Error::Triangular(TriangularError::ModeAboveRight));
        }
        if any_pair(&left, &right, |l, r| l == r)? {
            return Err(Error::Triangular(TriangularError::LeftEqualsRight));
        }
        self.cont(&size.into(), [(&left, "", Cons::None), (&mode, "", Cons::None), (&right, "", Cons::None)], |b, x| {
            cd::triangular(b, x[0], x[1], x[2])
        })
    }

    /// One triangular draw.
    ///
    /// # Errors
    /// "left > mode", "mode > right" or "left == right".
    pub fn triangular_scalar(&mut self, left: f64, mode: f64, right: f64) -> Result<f64> {
        if left > mode {
            return Err(Error::Triangular(TriangularError::LeftAboveMode));
        }
        if mode > right {
            return Err(Error::Triangular(TriangularError::ModeAboveRight));
        }
        if left == right {
            return Err(Error::Triangular(TriangularError::LeftEqualsRight));
        }
        Ok(cd::triangular(&mut self.bg, left, mode, right))
    }
}

/// `high - low`, elementwise with broadcasting; a non-finite difference is NumPy's
/// `OverflowError` ("Range exceeds valid bounds", or the scalar wording when both are scalars
/// and `legacy` is false).
pub(crate) fn uniform_range<'p>(low: &Param<'_, f64>, high: &Param<'_, f64>, legacy: bool) -> Result<Param<'p, f64>> {
    if low.is_scalar() && high.is_scalar() {
        let r = high.first() - low.first();
        if !r.is_finite() {
            return Err(Error::RangeOverflow { scalar: !legacy });
        }
        return Ok(Param::Scalar(r));
    }
    let shape = nprs_core::dims::broadcast_operands(&[high.shape(), low.shape()])?;
    let range = fill_broadcast(&shape, [high as &dyn Source<f64>, low], |[h, l]| h - l)?;
    if !range.iter().all(f64::is_finite) {
        return Err(Error::RangeOverflow { scalar: false });
    }
    Ok(Param::Array(range.into()))
}

/// Whether `pred` holds for any broadcast pair of `a` and `b` (NumPy's `np.any(op(a, b))`).
fn any_pair<T: ParamValue>(a: &Param<'_, T>, b: &Param<'_, T>, pred: impl Fn(T, T) -> bool) -> Result<bool> {
    if a.is_scalar() && b.is_scalar() {
        return Ok(pred(a.first(), b.first()));
    }
    let shape = nprs_core::dims::broadcast_operands(&[a.shape(), b.shape()])?;
    let hits = fill_broadcast(&shape, [a as &dyn Source<T>, b], |[x, y]| pred(x, y))?;
    Ok(hits.iter().any(|h| h))
}
