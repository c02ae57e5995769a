//! Discrete distributions of `Generator`.

use nprs_core::{Array, Element};

use super::Generator;
use super::args::{
    Cons, Param, ParamIter, ParamValue, Size, Source, check, check_scalars, dist_method, fill, fill_broadcast,
    output_shape,
};
use crate::bitgen::BitGenerator;
use crate::dist::discrete as dd;
use crate::dist::hypergeometric::hypergeometric;
use crate::error::{Error, Result};

/// Fills `shape` from two parameters of different element types, broadcast to it.
pub(crate) fn fill_broadcast2<T: Element, U: Element, O: Element>(
    shape: &[usize],
    a: &Param<'_, T>,
    b: &Param<'_, U>,
    mut f: impl FnMut(T, U) -> O,
) -> Result<Array<O>> {
    let (va, vb) = (a.broadcast_view(shape)?, b.broadcast_view(shape)?);
    let (mut ia, mut ib) = (ParamIter::new(a, va.as_ref()), ParamIter::new(b, vb.as_ref()));
    fill(shape, || f(ia.next_value(), ib.next_value()))
}

/// Whether `ngood + nbad < nsample` anywhere (broadcast), NumPy's first hypergeometric check
/// (in wrapping int64 arithmetic, as NumPy adds).
pub(crate) fn any_sum_below(g: &Param<'_, i64>, b: &Param<'_, i64>, n: &Param<'_, i64>) -> Result<bool> {
    if g.is_scalar() && b.is_scalar() && n.is_scalar() {
        return Ok(g.first().wrapping_add(b.first()) < n.first());
    }
    let shape = nprs_core::dims::broadcast_operands(&[g.shape(), b.shape(), n.shape()])?;
    let short = fill_broadcast(&shape, [g as &dyn Source<i64>, b, n], |[g, b, n]| g.wrapping_add(b) < n)?;
    Ok(short.iter().any(|x| x))
}

impl<B: BitGenerator> Generator<B> {
    dist_method!(
        bg -> i64,
        "Geometric draws: trials until the first success (`geometric(p, size)`).",
        geometric, geometric_scalar, [p: "p" => BoundedGt01],
        |b, p| dd::geometric(b, p)
    );

    dist_method!(
        bg -> i64,
        "Logarithmic series draws (`logseries(p, size)`).",
        logseries, logseries_scalar, [p: "p" => BoundedLt01],
        |b, p| dd::logseries(b, p)
    );

    /// Binomial draws (`binomial(n, p, size)`), NumPy 2.4's stream (see the crate docs for
    /// the change in NumPy 2.5).
    ///
    /// # Errors
    /// `p` outside `[0, 1]` or NaN, `n < 0`, shapes that do not broadcast, negative dimensions.
    pub fn binomial<'a>(
        &mut self,
        n: impl Into<Param<'a, i64>>,
        p: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        self.binomial_with(&n.into(), &p.into(), &size.into(), false)
    }

    /// Binomial draws with the Generator's (`legacy = false`) or RandomState's algorithm.
    pub(crate) fn binomial_with(
        &mut self,
        n: &Param<'_, i64>,
        p: &Param<'_, f64>,
        size: &Size,
        legacy: bool,
    ) -> Result<Array<i64>> {
        let all_scalar = n.is_scalar() && p.is_scalar();
        check(&p.values(), "p", Cons::Bounded01, !all_scalar)?;
        check(
            &n.values().into_iter().map(ParamValue::as_f64).collect::<Vec<_>>(),
            "n",
            Cons::NonNegative,
            !all_scalar,
        )?;
        let shape = output_shape(size, &[p.shape(), n.shape()], all_scalar)?;
        let bg = &mut self.bg;
        if all_scalar {
            // One set-up for every draw: no per-draw parameter walk or cache check.
            let plan = dd::BinomialPlan::new(p.first(), n.first(), legacy);
            return fill(&shape, || plan.draw(bg));
        }
        let mut sampler = dd::BinomialSampler::default();
        fill_broadcast2(&shape, p, n, |p, n| sampler.draw(bg, p, n, legacy))
    }

    /// One binomial draw.
    ///
    /// # Errors
    /// `p` outside `[0, 1]` or NaN, or `n < 0`.
    pub fn binomial_scalar(&mut self, n: i64, p: f64) -> Result<i64> {
        check_scalars([(p, "p", Cons::Bounded01), (n as f64, "n", Cons::NonNegative)])?;
        Ok(dd::binomial(&mut self.bg, p, n, false))
    }

    /// Negative binomial draws: failures before the `n`-th success (`negative_binomial(n, p, size)`).
    ///
    /// # Errors
    /// `n <= 0` or NaN, `p` outside `(0, 1]`, parameters whose Poisson stage would overflow,
    /// shapes that do not broadcast, negative dimensions.
    pub fn negative_binomial<'a>(
        &mut self,
        n: impl Into<Param<'a, f64>>,
        p: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let (n, p) = (n.into(), p.into());
        let all_scalar = n.is_scalar() && p.is_scalar();
        check(&n.values(), "n", Cons::PositiveNotNan, !all_scalar)?;
        check(&p.values(), "p", Cons::BoundedGt01, !all_scalar)?;
        let max = dd::poisson_lam_max();
        let too_large = |n: f64, p: f64| (1.0 - p) / p * (n + 10.0 * n.sqrt()) > max;
        let bad = if all_scalar {
            too_large(n.first(), p.first())
        } else {
            let shape = nprs_core::dims::broadcast_operands(&[p.shape(), n.shape()])?;
            fill_broadcast(&shape, [&p as &dyn Source<f64>, &n], |[p, n]| too_large(n, p))?.iter().any(|x| x)
        };
        if bad {
            return Err(Error::NegativeBinomialRange);
        }
        self.sample(&size.into(), [(&n, "n", Cons::None), (&p, "p", Cons::None)], |b, [n, p]| {
            dd::negative_binomial(b, n, p)
        })
    }

    /// One negative binomial draw.
    ///
    /// # Errors
    /// As [`negative_binomial`](Self::negative_binomial).
    pub fn negative_binomial_scalar(&mut self, n: f64, p: f64) -> Result<i64> {
        check_scalars([(n, "n", Cons::PositiveNotNan), (p, "p", Cons::BoundedGt01)])?;
        if (1.0 - p) / p * (n + 10.0 * n.sqrt()) > dd::poisson_lam_max() {
            return Err(Error::NegativeBinomialRange);
        }
        Ok(dd::negative_binomial(&mut self.bg, n, p))
    }

    /// Hypergeometric draws: good items among `nsample` drawn without replacement from
    /// `ngood` good and `nbad` bad (`hypergeometric(ngood, nbad, nsample, size)`).
    ///
    /// # Errors
    /// `ngood` or `nbad` of 10**9 or more, `ngood + nbad < nsample`, a negative argument,
    /// shapes that do not broadcast, negative dimensions.
    pub fn hypergeometric<'a>(
        &mut self,
        ngood: impl Into<Param<'a, i64>>,
        nbad: impl Into<Param<'a, i64>>,
        nsample: impl Into<Param<'a, i64>>,
        size: impl Into<Size>,
    ) -> Result<Array<i64>> {
        let (g, b, n) = (ngood.into(), nbad.into(), nsample.into());
        const MAX: i64 = 1_000_000_000;
        if g.values().iter().any(|&x| x >= MAX) || b.values().iter().any(|&x| x >= MAX) {
            return Err(Error::HypergeometricTooLarge);
        }
        if any_sum_below(&g, &b, &n)? {
            return Err(Error::HypergeometricSample);
        }
        self.sample(
            &size.into(),
            [(&g, "ngood", Cons::NonNegative), (&b, "nbad", Cons::NonNegative), (&n, "nsample", Cons::NonNegative)],
            |bg, [g, b, n]| hypergeometric(bg, g, b, n),
        )
    }

    /// One hypergeometric draw.
    ///
    /// # Errors
    /// As [`hypergeometric`](Self::hypergeometric).
    pub fn hypergeometric_scalar(&mut self, ngood: i64, nbad: i64, nsample: i64) -> Result<i64> {
        if ngood >= 1_000_000_000 || nbad >= 1_000_000_000 {
            return Err(Error::HypergeometricTooLarge);
        }
        if ngood.wrapping_add(nbad) < nsample {
            return Err(Error::HypergeometricSample);
        }
        check_scalars([
            (ngood as f64, "ngood", Cons::NonNegative),
            (nbad as f64, "nbad", Cons::NonNegative),
            (nsample as f64, "nsample", Cons::NonNegative),
        ])?;
        Ok(hypergeometric(&mut self.bg, ngood, nbad, nsample))
    }
}
