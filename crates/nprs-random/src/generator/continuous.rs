//! Continuous distributions of `Generator`.

use nprs_core::Array;

use super::args::{Cons, Param, Size, Source, check_scalars, dist_method, fill_broadcast};
use super::{Generator, ParamValue};
use crate::bitgen::BitGenerator;
use crate::dist::continuous as cd;
use crate::error::{Error, Result, TriangularError};

impl<B: BitGenerator> Generator<B> {
    // normal, exponential, standard_gamma, gamma, chisquare, f, noncentral_chisquare,
    // noncentral_f, standard_t, vonmises, weibull, laplace, gumbel, logistic, lognormal,
    // poisson, zipf: the samplers RandomState shares.
    super::shared_dist_methods!(bg);

    // Beta, Pareto, power, Rayleigh and Wald: RandomState's differ in their formulas (see
    // dist/legacy.rs), so each type declares its own.

    dist_method!(
        bg -> f64,
        "Beta draws (`beta(a, b, size)`).",
        beta, beta_scalar, [a: "a" => Positive, b: "b" => Positive],
        |bg, a, b| cd::beta(bg, a, b)
    );

    dist_method!(
        bg -> f64,
        "Pareto II (Lomax) draws (`pareto(a, size)`): `expm1(standard_exponential() / a)`.",
        pareto, pareto_scalar, [a: "a" => Positive],
        |b, a| cd::pareto(b, a)
    );

    dist_method!(
        bg -> f64,
        "Power-function draws in `[0, 1]` (`power(a, size)`).",
        power, power_scalar, [a: "a" => Positive],
        |b, a| cd::power(b, a)
    );

    dist_method!(
        bg -> f64,
        "Rayleigh draws (`rayleigh(scale, size)`).",
        rayleigh, rayleigh_scalar, [scale: "scale" => NonNegative],
        |b, s| cd::rayleigh(b, s)
    );

    dist_method!(
        bg -> f64,
        "Wald (inverse Gaussian) draws (`wald(mean, scale, size)`).",
        wald, wald_scalar, [mean: "mean" => Positive, scale: "scale" => Positive],
        |b, m, s| cd::wald(b, m, s)
    );

    /// Standard Cauchy draws (`standard_cauchy(size)`): a ratio of two standard normals.
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn standard_cauchy(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.sample::<f64, f64, 0>(&size.into(), [], |b, []| cd::standard_cauchy(b))
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
        check_scalars([(shape.as_f64(), "shape", Cons::NonNegative)])?;
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
        self.sample(&size.into(), [(&low, "", Cons::None), (&range, "high - low", Cons::NonNegative)], |b, [l, r]| {
            cd::uniform(b, l, r)
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
        check_scalars([(range, "high - low", Cons::NonNegative)])?;
        Ok(cd::uniform(&mut self.bg, low, range))
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
        self.sample(
            &size.into(),
            [(&left, "", Cons::None), (&mode, "", Cons::None), (&right, "", Cons::None)],
            |b, x| cd::triangular(b, x[0], x[1], x[2]),
        )
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
