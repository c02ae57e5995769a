//! The distributions of `RandomState`, with the legacy samplers and NumPy's legacy checks.

use nprs_core::{Array, Element};

use super::RandomState;
use crate::bitgen::BitGenerator;
use crate::dist::Draws;
use crate::dist::continuous as cd;
use crate::dist::discrete as dd;
use crate::dist::legacy::{self as dl, Aug};
use crate::error::{Error, Result, Rule};
use crate::generator::{Cons, Param, ParamValue, Size, check, dist_method, sample_with, shared_dist_methods};
use crate::mvnormal::{self, CheckValid};

impl<B: BitGenerator> RandomState<B> {
    /// The shared path of the distribution methods (see [`sample_with`]), drawing from the
    /// augmented state: the legacy Gaussian and exponential.
    fn sample<T: ParamValue, O: Element, const N: usize>(
        &mut self,
        size: &Size,
        params: [(&Param<'_, T>, &'static str, Cons); N],
        f: impl FnMut(&mut Aug<B>, [T; N]) -> O,
    ) -> Result<Array<O>> {
        sample_with(&mut self.aug, size, params, f)
    }
}

impl<B: BitGenerator> RandomState<B> {
    /// Floats in `[0, 1)` (`random_sample(size)`; also `random`).
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn random_sample(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.gen_view().random(size)
    }

    /// One float in `[0, 1)`.
    pub fn random_sample_scalar(&mut self) -> f64 {
        self.aug.bg.next_double()
    }

    /// `random(size)`: an alias of [`random_sample`](Self::random_sample).
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn random(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.random_sample(size)
    }

    /// Floats in `[0, 1)` of the given shape (`rand(d0, d1, ...)`).
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn rand(&mut self, shape: impl Into<Size>) -> Result<Array<f64>> {
        self.random_sample(shape)
    }

    /// Standard normals of the given shape (`randn(d0, d1, ...)`).
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn randn(&mut self, shape: impl Into<Size>) -> Result<Array<f64>> {
        self.standard_normal(shape)
    }

    /// Standard normals by the polar Box–Muller method (`standard_normal(size)`).
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn standard_normal(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        // `gauss()` per element, with the cache in a local: the pairs of the polar method
        // go out one after the other, and the state keeps what `gauss()` would have left.
        let mut cached = self.aug.take_gauss();
        let out = self.sample::<f64, f64, 0>(&size.into(), [], |s, []| match cached.take() {
            Some(g) => g,
            None => {
                let (next, g) = s.polar();
                cached = Some(next);
                g
            }
        });
        self.aug.restore_gauss(cached);
        out
    }

    /// One standard normal.
    pub fn standard_normal_scalar(&mut self) -> f64 {
        self.aug.gauss()
    }

    /// Standard exponential draws (`standard_exponential(size)`): `-log(1 - U)`.
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn standard_exponential(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.sample::<f64, f64, 0>(&size.into(), [], |s, []| s.exponential())
    }

    /// One standard exponential draw.
    pub fn standard_exponential_scalar(&mut self) -> f64 {
        self.aug.exponential()
    }

    /// Standard Cauchy draws (`standard_cauchy(size)`): a ratio of two polar normals.
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn standard_cauchy(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.sample::<f64, f64, 0>(&size.into(), [], |s, []| cd::standard_cauchy(s))
    }

    /// One standard Cauchy draw.
    pub fn standard_cauchy_scalar(&mut self) -> f64 {
        cd::standard_cauchy(&mut self.aug)
    }

    /// Non-negative `int64` values from the top 63 bits of 64-bit draws (`tomaxint(size)`).
    ///
    /// # Errors
    /// As [`random_sample`](Self::random_sample).
    pub fn tomaxint(&mut self, size: impl Into<Size>) -> Result<Array<i64>> {
        self.sample::<f64, i64, 0>(&size.into(), [], |s, []| dl::positive_int(&mut s.bg))
    }

    /// One `tomaxint()` value.
    pub fn tomaxint_scalar(&mut self) -> i64 {
        dl::positive_int(&mut self.aug.bg)
    }

    /// `length` random bytes (`bytes(length)`): little-endian 32-bit draws, truncated.
    ///
    /// # Errors
    /// NumPy's `MemoryError` when the bytes cannot be allocated.
    pub fn bytes(&mut self, length: usize) -> Result<Vec<u8>> {
        self.gen_view().bytes(length)
    }

    /// Integers in the closed interval `[low, high]` (`random_integers(low, high, size)`,
    /// deprecated in NumPy); NumPy's one-argument `random_integers(high)` is
    /// `random_integers(1, high, ..)`.
    ///
    /// As NumPy, first reports a `DeprecationWarning` through [`nprs_core::warnings`]:
    /// "This function is deprecated. Please call randint(low, high + 1) instead" with the
    /// numbers filled in.
    ///
    /// ```
    /// use nprs_core::warnings;
    /// let (x, caught) = warnings::catch_warnings(|| nprs_random::RandomState::new(1).random_integers(3, 10, 2));
    /// assert_eq!(x.unwrap().shape(), &[2]);
    /// assert_eq!(caught[0].message, "This function is deprecated. Please call randint(3, 10 + 1) instead");
    /// ```
    ///
    /// # Errors
    /// As [`randint`](Self::randint) with `high + 1`; the warning as an error under
    /// [`WarnAction::Error`](nprs_core::warnings::WarnAction::Error), before any draw.
    pub fn random_integers(&mut self, low: i64, high: i64, size: impl Into<Size>) -> Result<Array<i64>> {
        nprs_core::warnings::warn(
            nprs_core::warnings::Category::Deprecation,
            format!("This function is deprecated. Please call randint({low}, {high} + 1) instead"),
        )?;
        self.randint::<i64>(i128::from(low), i128::from(high) + 1, size)
    }

    // normal, exponential, standard_gamma, gamma, chisquare, f, noncentral_chisquare,
    // noncentral_f, standard_t, vonmises, weibull, laplace, gumbel, logistic, lognormal,
    // poisson, zipf: the Generator's samplers over the legacy draws.
    shared_dist_methods!(aug);

    // Beta, Pareto, power, Rayleigh and Wald: NumPy's legacy functions (`legacy_beta`,
    // `legacy_pareto`, `legacy_power`, `legacy_rayleigh`, `legacy_wald`) differ from the
    // Generator's in their formulas, not only their base draws; dist/legacy.rs has them.

    dist_method!(
        aug -> f64,
        "Beta draws (`beta(a, b, size)`): Johnk's algorithm for `a, b <= 1`, else a ratio of gammas.",
        beta, beta_scalar, [a: "a" => Positive, b: "b" => Positive],
        |s, a, b| dl::beta(s, a, b)
    );

    dist_method!(
        aug -> f64,
        "Pareto II (Lomax) draws (`pareto(a, size)`): `exp(E / a) - 1`.",
        pareto, pareto_scalar, [a: "a" => Positive],
        |s, a| dl::pareto(s, a)
    );

    dist_method!(
        aug -> f64,
        "Power-function draws in `[0, 1]` (`power(a, size)`).",
        power, power_scalar, [a: "a" => Positive],
        |s, a| dl::power(s, a)
    );

    dist_method!(
        aug -> f64,
        "Rayleigh draws (`rayleigh(scale, size)`): `scale * sqrt(-2 log1p(-U))`.",
        rayleigh, rayleigh_scalar, [scale: "scale" => NonNegative],
        |s, sc| dl::rayleigh(s, sc)
    );

    dist_method!(
        aug -> f64,
        "Wald (inverse Gaussian) draws (`wald(mean, scale, size)`), the legacy formula.",
        wald, wald_scalar, [mean: "mean" => Positive, scale: "scale" => Positive],
        |s, m, sc| dl::wald(s, m, sc)
    );

    dist_method!(
        aug -> i64,
        "Geometric draws (`geometric(p, size)`), the legacy algorithm.",
        geometric, geometric_scalar, [p: "p" => BoundedGt01],
        |s, p| dl::geometric(&mut s.bg, p)
    );

    dist_method!(
        aug -> i64,
        "Logarithmic series draws (`logseries(p, size)`), the legacy algorithm.",
        logseries, logseries_scalar, [p: "p" => BoundedLt01],
        |s, p| dl::logseries(&mut s.bg, p)
    );

    dist_method!(
        aug -> i64,
        "Negative binomial draws (`negative_binomial(n, p, size)`): `poisson(gamma(n, (1-p)/p))`.",
        negative_binomial, negative_binomial_scalar, [n: "n" => Positive, p: "p" => Bounded01],
        |s, n, p| dd::negative_binomial(s, n, p)
    );

    /// Uniform draws on `[low, high)` (`uniform(low, high, size)`).
    ///
    /// # Errors
    /// A non-finite `high - low` (`OverflowError`), shapes that do not broadcast, negative dimensions.
    pub fn uniform<'a>(
        &mut self,
        low: impl Into<Param<'a, f64>>,
        high: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (low, high) = (low.into(), high.into());
        let range = crate::generator::uniform_range(&low, &high, true)?;
        self.sample(&size.into(), [(&low, "", Cons::None), (&range, "", Cons::None)], |s, [l, r]| cd::uniform(s, l, r))
    }

    /// One uniform draw on `[low, high)`.
    ///
    /// # Errors
    /// A non-finite `high - low` (`OverflowError`).
    pub fn uniform_scalar(&mut self, low: f64, high: f64) -> Result<f64> {
        let r = high - low;
        if !r.is_finite() {
            return Err(Error::RangeOverflow { scalar: false });
        }
        Ok(cd::uniform(&mut self.aug, low, r))
    }

    /// Triangular draws (`triangular(left, mode, right, size)`).
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
        self.gen_view().triangular(left, mode, right, size)
    }

    /// One triangular draw.
    ///
    /// # Errors
    /// As [`triangular`](Self::triangular).
    pub fn triangular_scalar(&mut self, left: f64, mode: f64, right: f64) -> Result<f64> {
        self.gen_view().triangular_scalar(left, mode, right)
    }

    /// Binomial draws with the legacy algorithm (`binomial(n, p, size)`).
    ///
    /// # Errors
    /// `p` outside `[0, 1]` or NaN, `n < 0`, shapes that do not broadcast, negative dimensions.
    pub fn binomial<'a>(
        &mut self,
        n: impl Into<Param<'a, i64>>,
        p: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        self.gen_view().binomial_with(&n.into(), &p.into(), &size.into(), true)
    }

    /// One legacy binomial draw.
    ///
    /// # Errors
    /// `p` outside `[0, 1]` or NaN, or `n < 0`.
    pub fn binomial_scalar(&mut self, n: i64, p: f64) -> Result<i64> {
        let a = self.binomial(n, p, Size::NONE)?;
        Ok(a.item()?)
    }

    /// Hypergeometric draws with the legacy algorithm (`hypergeometric(ngood, nbad, nsample, size)`).
    ///
    /// # Errors
    /// "ngood + nbad < nsample", "ngood < 0", "nbad < 0", "nsample < 1", shapes that do not
    /// broadcast, negative dimensions.
    pub fn hypergeometric<'a>(
        &mut self,
        ngood: impl Into<Param<'a, i64>>,
        nbad: impl Into<Param<'a, i64>>,
        nsample: impl Into<Param<'a, i64>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let (g, b, n) = (ngood.into(), nbad.into(), nsample.into());
        if crate::generator::any_sum_below(&g, &b, &n)? {
            return Err(Error::HypergeometricSample);
        }
        self.sample(
            &size.into(),
            [(&g, "ngood", Cons::NonNegative), (&b, "nbad", Cons::NonNegative), (&n, "nsample", Cons::Gte1)],
            |s, [g, b, n]| dl::hypergeometric(&mut s.bg, g, b, n),
        )
    }

    /// One legacy hypergeometric draw.
    ///
    /// # Errors
    /// As [`hypergeometric`](Self::hypergeometric).
    pub fn hypergeometric_scalar(&mut self, ngood: i64, nbad: i64, nsample: i64) -> Result<i64> {
        let a = self.hypergeometric(ngood, nbad, nsample, Size::NONE)?;
        Ok(a.item()?)
    }

    /// Multinomial draws with the legacy binomial (`multinomial(n, pvals, size)`): shape
    /// `size + (len(pvals),)`.
    ///
    /// # Errors
    /// "pvals < 0, pvals > 1 or pvals contains NaNs", "sum(pvals[:-1]) > 1.0", "n < 0",
    /// negative dimensions, a size too large to allocate.
    pub fn multinomial(&mut self, n: i64, pvals: &[f64], size: impl Into<Size>) -> Result<Array<i64>> {
        check(pvals, "pvals", Cons::Bounded01, true)?;
        let d = pvals.len();
        if d > 0 && crate::generator::kahan_sum(&pvals[..d - 1]) > 1.0 + 1e-12 {
            return Err(Error::PvalsSum { ndim: 1 });
        }
        let mut shape = size.into().shape()?.unwrap_or_default();
        shape.push(d);
        let mut out = crate::generator::zeros::<i64>(&shape)?;
        check(&[n as f64], "n", Cons::NonNegative, false)?;
        if d > 0 {
            for row in out.chunks_exact_mut(d) {
                crate::generator::multinomial_into(&mut self.aug.bg, n, pvals, row, true);
            }
        }
        Ok(Array::from_shape_vec(&shape, out)?)
    }

    /// Dirichlet draws with the legacy gamma (`dirichlet(alpha, size)`): shape `size + (k,)`.
    ///
    /// # Errors
    /// "alpha <= 0", negative dimensions, a size too large to allocate.
    pub fn dirichlet(&mut self, alpha: &[f64], size: impl Into<Size>) -> Result<Array<f64>> {
        if alpha.iter().any(|&a| a <= 0.0) {
            return Err(Error::param("alpha", Rule::Positive, true));
        }
        let k = alpha.len();
        let mut shape = size.into().shape()?.unwrap_or_default();
        shape.push(k);
        let mut out = crate::generator::zeros::<f64>(&shape)?;
        cd::dirichlet_gammas(&mut self.aug, alpha, &mut out);
        Ok(Array::from_shape_vec(&shape, out)?)
    }
}

impl<B: BitGenerator> RandomState<B> {
    /// Multivariate normal draws (`multivariate_normal(mean, cov, size, check_valid, tol)`),
    /// shape `size + (n,)` for `mean` of length `n` and `cov` `n x n`, by NumPy's legacy
    /// algorithm: `x = standard_normal(size + (n,))` from the legacy Gaussian stream,
    /// `(u, s, v) = svd(cov)`, samples `x @ (sqrt(s)[:, None] * v) + mean`.
    ///
    /// The SVD is faer's: the normal draws consumed are NumPy's exactly (the stream after the
    /// call continues identically), but singular vectors are defined only up to sign, so the
    /// samples may differ from NumPy's by the sign convention of `v` (they have the same
    /// distribution). `check_valid` tests `allclose(v.T * s @ v, cov, rtol=tol, atol=tol)`;
    /// NumPy's default `'warn'` reports a `RuntimeWarning` through [`nprs_core::warnings`]:
    /// see [`CheckValid`].
    ///
    /// ```
    /// use nprs_random::{CheckValid, RandomState};
    /// let mut rs = RandomState::new(1);
    /// let cov = nprs_core::array![[2.0, 0.0], [0.0, 1.0]];
    /// let x = rs.multivariate_normal([0.0, 10.0], &cov, 4, CheckValid::Warn, 1e-8).unwrap();
    /// assert_eq!(x.shape(), &[4, 2]);
    /// ```
    ///
    /// # Errors
    /// NumPy's `ValueError`s: "mean must be 1 dimensional", "cov must be 2 dimensional and
    /// square", "mean and cov must have same length", negative dimensions, and with
    /// [`CheckValid::Raise`] "covariance is not symmetric positive-semidefinite."; NumPy's
    /// `LinAlgError` "SVD did not converge" for non-finite covariances.
    pub fn multivariate_normal<'a>(
        &mut self,
        mean: impl Into<Param<'a, f64>>,
        cov: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
        check_valid: CheckValid,
        tol: f64,
    ) -> Result<Array<f64>> {
        let args = mvnormal::prepare(&mean.into(), &cov.into(), &size.into())?;
        let x = self.standard_normal(args.shape.as_slice())?;
        mvnormal::check_rows(&x, args.mean.len())?;
        let a = mvnormal::legacy_factor(&args.cov, check_valid, tol)?;
        mvnormal::transform(&x, &a, &args.mean, &args.shape)
    }
}
