//! `multinomial`, `multivariate_hypergeometric`, `dirichlet` and `multivariate_normal`.

use std::str::FromStr;

use nprs_core::Array;

use super::Generator;
use super::args::{Cons, Param, Size, check, checked_len, try_vec};
use super::permute::kahan_sum;
use crate::bitgen::BitGenerator;
use crate::dist::continuous::{beta, dirichlet_gammas};
use crate::dist::discrete::binomial;
use crate::dist::hypergeometric::{mvhg_count, mvhg_marginals};
use crate::error::{Error, MVHG_COUNT_MAX, MvhgError, Result};
use crate::mvnormal::{self, CheckValid, MvnMethod};

/// A zeroed buffer for an array of `shape`, or NumPy's error when it cannot be allocated.
pub(crate) fn zeros<T: nprs_core::Element>(shape: &[usize]) -> Result<Vec<T>> {
    let n = checked_len::<T>(shape)?;
    let mut v = try_vec(n, shape, T::DTYPE.name())?;
    v.resize(n, T::default());
    Ok(v)
}

/// One multinomial draw of `n` into `out` (zeroed), applying binomials category by category.
pub(crate) fn multinomial_into<B: BitGenerator + ?Sized>(b: &mut B, n: i64, p: &[f64], out: &mut [i64], legacy: bool) {
    let d = p.len();
    let mut remaining = 1.0;
    let mut dn = n;
    for j in 0..d - 1 {
        out[j] = binomial(b, p[j] / remaining, dn, legacy);
        dn -= out[j];
        if dn <= 0 {
            break;
        }
        remaining -= p[j];
    }
    if dn > 0 {
        out[d - 1] = dn;
    }
}

/// NumPy's checks of `pvals`: a non-empty last axis, every value in `[0, 1]`, and each row's
/// `sum(pvals[..., :-1]) <= 1 + 1e-12`.
pub(crate) fn check_pvals(pvals: &[f64], shape: &[usize]) -> Result<usize> {
    let d = shape.last().copied().unwrap_or(0);
    if d == 0 {
        return Err(Error::EmptyPvals);
    }
    check(pvals, "pvals", Cons::Bounded01, true)?;
    for row in pvals.chunks_exact(d) {
        if kahan_sum(&row[..d - 1]) > 1.0 + 1e-12 {
            return Err(Error::PvalsSum { ndim: shape.len() });
        }
    }
    Ok(d)
}

/// The algorithm of `Generator::multivariate_hypergeometric` (NumPy's `method`). The two
/// give different streams.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MvhgMethod {
    /// `'marginals'`: one univariate hypergeometric draw per color; `sum(colors)` must be
    /// below `10**9`.
    #[default]
    Marginals,
    /// `'count'`: a partial shuffle of an array of `sum(colors)` item indices, kept from
    /// variate to variate (memory grows with `sum(colors)`; fast for small urns).
    Count,
}

impl FromStr for MvhgMethod {
    type Err = Error;

    /// `"marginals"` or `"count"`.
    ///
    /// ```
    /// use nprs_random::MvhgMethod;
    /// assert_eq!("count".parse::<MvhgMethod>().unwrap(), MvhgMethod::Count);
    /// let e = "exact".parse::<MvhgMethod>().unwrap_err();
    /// assert_eq!(e.to_string(), "method must be \"count\" or \"marginals\".");
    /// ```
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "marginals" => Ok(MvhgMethod::Marginals),
            "count" => Ok(MvhgMethod::Count),
            _ => Err(Error::MultivariateHypergeometric(MvhgError::MethodName)),
        }
    }
}

impl<B: BitGenerator> Generator<B> {
    /// Multivariate hypergeometric draws (`multivariate_hypergeometric(colors, nsample,
    /// size, method)`): the counts of each color among `nsample` items drawn without
    /// replacement from an urn holding `colors[i]` items of color `i`. The result has shape
    /// `size + (len(colors),)` (`(len(colors),)` for [`Size::NONE`]), each row summing to
    /// `nsample`.
    ///
    /// ```
    /// use nprs_random::MvhgMethod;
    /// let mut rng = nprs_random::default_rng(42);
    /// let x = rng.multivariate_hypergeometric([16, 8, 4], 6, 3, MvhgMethod::Marginals).unwrap();
    /// assert_eq!(x.shape(), &[3, 3]);
    /// assert!(x.to_vec().chunks(3).all(|r| r.iter().sum::<i64>() == 6));
    /// let y = rng.multivariate_hypergeometric([16, 8, 4], 20, [2, 2], MvhgMethod::Count).unwrap();
    /// assert_eq!(y.shape(), &[2, 2, 3]);
    /// ```
    ///
    /// # Errors
    /// NumPy's, in NumPy's order: `nsample < 0`; `colors` not 1-d or holding a negative
    /// count; `sum(colors)` beyond `int64`; `sum(colors) >= 10**9` for `Marginals`, or beyond
    /// `int64::MAX / 8` for `Count`; `nsample > sum(colors)`; negative dimensions; a
    /// `MemoryError` when `Count` cannot allocate its `sum(colors)` indices.
    pub fn multivariate_hypergeometric<'a>(
        &mut self,
        colors: impl Into<Param<'a, i64>>,
        nsample: i64,
        size: impl Into<Size>,
        method: MvhgMethod,
    ) -> Result<Array<i64>> {
        let mvhg = |e| Err(Error::MultivariateHypergeometric(e));
        if nsample < 0 {
            return mvhg(MvhgError::NsampleNegative);
        }
        let colors = colors.into();
        if colors.shape().len() != 1 {
            return mvhg(MvhgError::Colors);
        }
        let colors = colors.values();
        if colors.iter().any(|&c| c < 0) {
            return mvhg(MvhgError::Colors);
        }
        let Some(total) = colors.iter().try_fold(0i64, |acc, &c| acc.checked_add(c)) else {
            return mvhg(MvhgError::SumOverflow);
        };
        match method {
            MvhgMethod::Marginals if total >= 1_000_000_000 => return mvhg(MvhgError::MarginalsTotal),
            MvhgMethod::Count if total > MVHG_COUNT_MAX => return mvhg(MvhgError::CountTotal),
            _ => {}
        }
        if nsample > total {
            return mvhg(MvhgError::NsampleTooLarge);
        }
        let mut shape = size.into().shape()?.unwrap_or_default();
        shape.push(colors.len());
        let mut out = zeros::<i64>(&shape)?;
        if out.is_empty() || total == 0 || nsample == 0 {
            return Ok(Array::from_shape_vec(&shape, out)?);
        }
        match method {
            MvhgMethod::Marginals => mvhg_marginals(&mut self.bg, &colors, total, nsample, &mut out),
            MvhgMethod::Count => {
                let memory = Error::MvhgMemory { total };
                let len = usize::try_from(total).map_err(|_| memory.clone())?;
                let mut choices: Vec<usize> = Vec::new();
                choices.try_reserve_exact(len).map_err(|_| memory)?;
                for (i, &c) in colors.iter().enumerate() {
                    choices.extend(std::iter::repeat_n(i, c as usize));
                }
                mvhg_count(&mut self.bg, &colors, nsample, &mut choices, &mut out);
            }
        }
        Ok(Array::from_shape_vec(&shape, out)?)
    }

    /// Multinomial draws (`multinomial(n, pvals, size)`): counts of `n` trials over the
    /// categories of `pvals`'s last axis. `n` and the leading axes of `pvals` broadcast; the
    /// result has shape `size + (k,)`, or the broadcast shape `+ (k,)` when `size` is none.
    ///
    /// ```
    /// let mut rng = nprs_random::default_rng(42);
    /// let x = rng.multinomial(20, vec![0.2, 0.3, 0.5], 2).unwrap();
    /// assert_eq!(x.shape(), &[2, 3]);
    /// assert!(x.to_vec().chunks(3).all(|r| r.iter().sum::<i64>() == 20));
    /// ```
    ///
    /// # Errors
    /// NumPy's: an empty `pvals`, values outside `[0, 1]`, `sum(pvals[:-1]) > 1.0`, `n < 0`,
    /// incompatible shapes, negative dimensions.
    pub fn multinomial<'a>(
        &mut self,
        n: impl Into<Param<'a, i64>>,
        pvals: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let (n, pvals) = (n.into(), pvals.into());
        let size = size.into();
        let pshape = pvals.shape().to_vec();
        let pv = pvals.values();
        let pv = if pshape.is_empty() { Vec::new() } else { pv };
        let d = check_pvals(&pv, &pshape)?;
        if !n.is_scalar() || pshape.len() > 1 {
            let nvals: Vec<f64> = n.values().iter().map(|&x| x as f64).collect();
            check(&nvals, "n", Cons::NonNegative, true)?;
            let oshape = &pshape[..pshape.len() - 1];
            let rows = Param::Array(
                Array::<i64>::from_shape_vec(oshape, (0..oshape.iter().product::<usize>() as i64).collect())?.into(),
            );
            let bshape = match size.shape()? {
                None => nprs_core::broadcast_shapes(&[n.shape(), oshape])?.to_vec(),
                Some(s) => {
                    let b = nprs_core::broadcast_shapes(&[n.shape(), oshape, &s])?.to_vec();
                    if b != s {
                        return Err(Error::OutputSize { size: s, broadcast: b });
                    }
                    s
                }
            };
            let mut shape = bshape.clone();
            shape.push(d);
            let mut out = zeros::<i64>(&shape)?;
            let ns = super::discrete::fill_broadcast2(&bshape, &n, &rows, |ni, _| ni)?;
            let rs = super::discrete::fill_broadcast2(&bshape, &n, &rows, |_, ri| ri)?;
            let bg = &mut self.bg;
            for (k, (ni, ri)) in ns.iter().zip(rs.iter()).enumerate() {
                let row = &pv[ri as usize * d..(ri as usize + 1) * d];
                multinomial_into(bg, ni, row, &mut out[k * d..(k + 1) * d], false);
            }
            return Ok(Array::from_shape_vec(&shape, out)?);
        }
        let mut shape = size.shape()?.unwrap_or_default();
        shape.push(d);
        let ni = n.first();
        check(&[ni as f64], "n", Cons::NonNegative, false)?;
        let mut out = zeros::<i64>(&shape)?;
        for chunk in out.chunks_exact_mut(d) {
            multinomial_into(&mut self.bg, ni, &pv, chunk, false);
        }
        Ok(Array::from_shape_vec(&shape, out)?)
    }

    /// Dirichlet draws (`dirichlet(alpha, size)`), shape `size + (k,)`. All `alpha < 0.1`
    /// uses NumPy's stick-breaking with beta draws; otherwise normalised gammas.
    ///
    /// # Errors
    /// "alpha < 0", negative dimensions.
    pub fn dirichlet(&mut self, alpha: &[f64], size: impl Into<Size>) -> Result<Array<f64>> {
        if alpha.iter().any(|&a| a < 0.0) {
            return Err(Error::param("alpha", crate::error::Rule::NonNegative, true));
        }
        let k = alpha.len();
        let mut shape = size.into().shape()?.unwrap_or_default();
        shape.push(k);
        let mut out = zeros::<f64>(&shape)?;
        // NumPy's `alpha.max()` propagates NaN, which then fails `< 0.1`.
        let amax = alpha
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, |m, a| if a.is_nan() || m.is_nan() { f64::NAN } else { m.max(a) });
        let bg = &mut self.bg;
        if k > 0 && amax < 0.1 {
            let mut csum = vec![0.0; k];
            let mut acc = 0.0;
            for j in (0..k).rev() {
                acc += alpha[j];
                csum[j] = acc;
            }
            if acc > 0.0 {
                for row in out.chunks_exact_mut(k) {
                    let mut rest = 1.0;
                    for j in 0..k - 1 {
                        let v = beta(bg, alpha[j], csum[j + 1]);
                        row[j] = rest * v;
                        rest *= 1.0 - v;
                        if csum[j + 1] == 0.0 {
                            break;
                        }
                    }
                    row[k - 1] = rest;
                }
            }
        } else {
            dirichlet_gammas(bg, alpha, &mut out);
        }
        Ok(Array::from_shape_vec(&shape, out)?)
    }

    /// Multivariate normal draws (`multivariate_normal(mean, cov, size, check_valid, tol,
    /// method=method)`), shape `size + (n,)` for `mean` of length `n` and `cov` `n x n`.
    ///
    /// As NumPy, draws `standard_normal(size + (n,))` and returns `mean + x @ F.T` with `F`
    /// from `method`: `U sqrt(S)` of `svd(cov)`, `U sqrt(|w|)` of `eigh(cov)`, or
    /// `cholesky(cov)`. The factorisations are faer's: the normal draws consumed are NumPy's
    /// exactly, and with [`MvnMethod::Cholesky`] so are the samples (up to rounding), but the
    /// singular/eigen vectors of `svd`/`eigh` are only defined up to sign, so those samples may
    /// differ from NumPy's by the factor's sign convention (they have the same distribution).
    ///
    /// `check_valid` tests that `cov` is symmetric positive-semidefinite (`svd`:
    /// `allclose(Vh.T * S @ Vh, cov, rtol=tol, atol=tol)`; `eigh`: no eigenvalue below
    /// `-tol`; `cholesky`: never — the factorisation fails instead). NumPy's default `'warn'`
    /// reports a `RuntimeWarning` through [`nprs_core::warnings`]: see [`CheckValid`].
    ///
    /// ```
    /// use nprs_random::{CheckValid, MvnMethod};
    /// let mut rng = nprs_random::default_rng(42);
    /// let x = rng
    ///     .multivariate_normal([1.0, 2.0], &nprs_core::array![[1.0, 0.5], [0.5, 2.0]], 3, CheckValid::Raise, 1e-8, MvnMethod::Cholesky)
    ///     .unwrap();
    /// assert_eq!(x.shape(), &[3, 2]);
    /// ```
    ///
    /// # Errors
    /// NumPy's `ValueError`s: "mean must be 1 dimensional", "cov must be 2 dimensional and
    /// square", "mean and cov must have same length", negative dimensions, and with
    /// [`CheckValid::Raise`] "covariance is not symmetric positive-semidefinite."; NumPy's
    /// `LinAlgError` when the factorisation fails (a covariance that is not positive definite
    /// for `cholesky`, non-finite values).
    pub fn multivariate_normal<'a>(
        &mut self,
        mean: impl Into<Param<'a, f64>>,
        cov: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
        check_valid: CheckValid,
        tol: f64,
        method: MvnMethod,
    ) -> Result<Array<f64>> {
        let args = mvnormal::prepare(&mean.into(), &cov.into(), &size.into())?;
        let x = self.standard_normal(args.shape.as_slice())?;
        mvnormal::check_rows(&x, args.mean.len())?;
        let f = mvnormal::generator_factor(&args.cov, check_valid, tol, method)?;
        mvnormal::transform(&x, &f, &args.mean, &args.shape)
    }
}
