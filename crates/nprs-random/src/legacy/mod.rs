//! The legacy `RandomState` (MT19937 with the pre-1.17 algorithms), bit-exact with
//! `np.random.seed(...)` and `np.random.RandomState(...)`, and the module-level functions.

pub mod global;

use nprs_core::storage::{Data, DataMut};
use nprs_core::{Array, ArrayBase, Element};

use crate::bitgen::{BitGenerator, Mt19937, Mt19937State};
use crate::error::{ChoiceError, Error, Result, SeedError, or_panic};
use crate::generator::{Generator, IntParam, Param, RandomInteger, Size};
use crate::seed_sequence::SeedSequence;

/// What `RandomState(seed)` / `np.random.seed(seed)` accepts: an integer in `[0, 2**32)`, a
/// non-empty 1-d sequence of such integers, or nothing (operating-system entropy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LegacySeed {
    /// Fresh operating-system entropy.
    Os,
    /// One integer, seeded with the reference implementation's `init_genrand`.
    Int(i128),
    /// A sequence of integers, seeded with `init_by_array`.
    Array(Vec<i128>),
}

impl From<()> for LegacySeed {
    fn from((): ()) -> Self {
        LegacySeed::Os
    }
}

impl<T: Into<LegacySeed>> From<Option<T>> for LegacySeed {
    fn from(s: Option<T>) -> Self {
        s.map_or(LegacySeed::Os, Into::into)
    }
}

macro_rules! legacy_seed_from {
    ($($t:ty),*) => {$(
        impl From<$t> for LegacySeed {
            fn from(v: $t) -> Self {
                LegacySeed::Int(v as i128)
            }
        }
        impl From<Vec<$t>> for LegacySeed {
            fn from(v: Vec<$t>) -> Self {
                LegacySeed::Array(v.into_iter().map(|x| x as i128).collect())
            }
        }
        impl From<&[$t]> for LegacySeed {
            fn from(v: &[$t]) -> Self {
                LegacySeed::Array(v.iter().map(|&x| x as i128).collect())
            }
        }
        impl<const N: usize> From<[$t; N]> for LegacySeed {
            fn from(v: [$t; N]) -> Self {
                LegacySeed::Array(v.iter().map(|&x| x as i128).collect())
            }
        }
    )*};
}
legacy_seed_from!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, i128);

/// The full state of a `RandomState`: the MT19937 state plus the cached Gaussian.
#[derive(Clone, Debug, PartialEq)]
pub struct LegacyState {
    /// The Mersenne Twister's key and position.
    pub mt: Mt19937State,
    /// Whether a second polar-method normal is cached.
    pub has_gauss: bool,
    /// The cached normal.
    pub gauss: f64,
}

/// NumPy's legacy `RandomState`: MT19937 with the original (pre-`Generator`) algorithms.
///
/// Streams match `np.random.RandomState(seed)` bit for bit: the polar Box–Muller normal with
/// its cached second value, masked-rejection integers, inversion exponentials.
///
/// ```
/// use nprs_random::RandomState;
/// let mut rs = RandomState::new(0);
/// assert_eq!(rs.random_sample_scalar(), 0.5488135039273248);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RandomState {
    bg: Mt19937,
    has_gauss: bool,
    gauss: f64,
}

impl RandomState {
    /// `RandomState(seed)`.
    ///
    /// # Panics
    /// On a seed outside `[0, 2**32)` or an empty sequence, with NumPy's message.
    #[track_caller]
    #[must_use]
    pub fn new(seed: impl Into<LegacySeed>) -> Self {
        or_panic(Self::try_new(seed))
    }

    /// As [`new`](Self::new), returning the error.
    ///
    /// # Errors
    /// [`Error::Seed`] for an out-of-range or empty seed.
    pub fn try_new(seed: impl Into<LegacySeed>) -> Result<Self> {
        let mut rs = RandomState { bg: Mt19937::legacy_seeded(0), has_gauss: false, gauss: 0.0 };
        rs.seed(seed)?;
        Ok(rs)
    }

    /// Re-seeds (`seed(seed)`), clearing the cached Gaussian.
    ///
    /// # Errors
    /// [`Error::Seed`] for an out-of-range or empty seed.
    pub fn seed(&mut self, seed: impl Into<LegacySeed>) -> Result<()> {
        let in_range = |x: i128| (0..=i128::from(u32::MAX)).contains(&x);
        match seed.into() {
            LegacySeed::Os => {
                let val = SeedSequence::from_os().state_words(624).collect::<Vec<u32>>();
                let mut st = self.bg.state();
                st.key[0] = 0x8000_0000;
                st.key[1..].copy_from_slice(&val[1..]);
                self.bg = Mt19937::from_state(&st);
            }
            LegacySeed::Int(s) => {
                if !in_range(s) {
                    return Err(Error::Seed(SeedError::LegacyRange));
                }
                self.bg.legacy_seed(s as u32);
            }
            LegacySeed::Array(v) => {
                if v.is_empty() {
                    return Err(Error::Seed(SeedError::LegacyEmpty));
                }
                if !v.iter().all(|&x| in_range(x)) {
                    return Err(Error::Seed(SeedError::LegacyRange));
                }
                let words: Vec<u32> = v.iter().map(|&x| x as u32).collect();
                self.bg.legacy_seed_array(&words)?;
            }
        }
        self.has_gauss = false;
        self.gauss = 0.0;
        Ok(())
    }

    /// The state (`get_state()`).
    #[must_use]
    pub fn get_state(&self) -> LegacyState {
        LegacyState { mt: self.bg.state(), has_gauss: self.has_gauss, gauss: self.gauss }
    }

    /// Sets the state (`set_state(state)`).
    ///
    /// # Errors
    /// A position outside `[0, 624]`.
    pub fn set_state(&mut self, state: &LegacyState) -> Result<()> {
        self.bg.set_state(&state.mt)?;
        self.has_gauss = state.has_gauss;
        self.gauss = state.gauss;
        Ok(())
    }

    /// The underlying MT19937.
    #[must_use]
    pub fn bit_generator(&self) -> &Mt19937 {
        &self.bg
    }

    /// A normal by the polar method, handing out the cached second value first.
    fn gauss(&mut self) -> f64 {
        if self.has_gauss {
            self.has_gauss = false;
            let g = self.gauss;
            self.gauss = 0.0;
            return g;
        }
        let (x1, x2, r2) = loop {
            let x1 = 2.0 * self.bg.next_double() - 1.0;
            let x2 = 2.0 * self.bg.next_double() - 1.0;
            let r2 = x1 * x1 + x2 * x2;
            if r2 < 1.0 && r2 != 0.0 {
                break (x1, x2, r2);
            }
        };
        let f = (-2.0 * r2.ln() / r2).sqrt();
        self.gauss = f * x1;
        self.has_gauss = true;
        f * x2
    }

    fn fill_f64(&mut self, size: &Size, mut f: impl FnMut(&mut Self) -> f64) -> Result<Array<f64>> {
        let shape = size.shape()?.unwrap_or_default();
        crate::generator::fill_shape(&shape, || f(self))
    }

    /// Floats in `[0, 1)` (`random_sample(size)`).
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn random_sample(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        self.fill_f64(&size.into(), |s| s.bg.next_double())
    }

    /// One float in `[0, 1)`.
    pub fn random_sample_scalar(&mut self) -> f64 {
        self.bg.next_double()
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
        self.fill_f64(&size.into(), Self::gauss)
    }

    /// One standard normal.
    pub fn standard_normal_scalar(&mut self) -> f64 {
        self.gauss()
    }

    /// Runs a `Generator`-style parameter method on this state's MT19937 with the legacy
    /// per-element sampler `f`.
    fn with_params<const N: usize>(
        &mut self,
        size: &Size,
        params: [(&Param<'_, f64>, &'static str, bool); N],
        mut f: impl FnMut(&mut Self, [f64; N]) -> f64,
    ) -> Result<Array<f64>> {
        let all_scalar = params.iter().all(|p| p.0.is_scalar());
        for (p, name, non_negative) in &params {
            if *non_negative {
                crate::generator::check_non_negative(&p.values(), name, !all_scalar)?;
            }
        }
        let ps: [&dyn crate::generator::Source<f64>; N] = std::array::from_fn(|i| params[i].0 as _);
        let shapes: Vec<&[usize]> = params.iter().map(|p| p.0.shape()).collect();
        let shape = crate::generator::output_shape_of(size, &shapes, all_scalar)?;
        crate::generator::fill_broadcast(&shape, ps, |x| f(self, x))
    }

    /// Normal draws (`normal(loc, scale, size)`): `loc + scale * gauss`.
    ///
    /// # Errors
    /// `scale < 0`, shapes that do not broadcast, negative dimensions.
    pub fn normal<'a>(
        &mut self,
        loc: impl Into<Param<'a, f64>>,
        scale: impl Into<Param<'a, f64>>,
        size: impl Into<Size>,
    ) -> Result<Array<f64>> {
        let (loc, scale) = (loc.into(), scale.into());
        self.with_params(&size.into(), [(&loc, "loc", false), (&scale, "scale", true)], |s, [l, sc]| l + sc * s.gauss())
    }

    /// One normal draw.
    ///
    /// # Errors
    /// `scale < 0`.
    pub fn normal_scalar(&mut self, loc: f64, scale: f64) -> Result<f64> {
        crate::generator::check_non_negative(&[scale], "scale", false)?;
        Ok(loc + scale * self.gauss())
    }

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
        self.with_params(&size.into(), [(&low, "", false), (&range, "", false)], |s, [l, r]| l + r * s.bg.next_double())
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
        Ok(low + r * self.bg.next_double())
    }

    /// Exponential draws (`exponential(scale, size)`): `scale * -log(1 - U)`.
    ///
    /// # Errors
    /// `scale < 0`, shapes that do not broadcast, negative dimensions.
    pub fn exponential<'a>(&mut self, scale: impl Into<Param<'a, f64>>, size: impl Into<Size>) -> Result<Array<f64>> {
        let scale = scale.into();
        self.with_params(&size.into(), [(&scale, "scale", true)], |s, [sc]| sc * -(1.0 - s.bg.next_double()).ln())
    }

    /// One exponential draw.
    ///
    /// # Errors
    /// `scale < 0`.
    pub fn exponential_scalar(&mut self, scale: f64) -> Result<f64> {
        crate::generator::check_non_negative(&[scale], "scale", false)?;
        Ok(scale * -(1.0 - self.bg.next_double()).ln())
    }

    /// A `Generator` view over this state's MT19937 (shared draw paths).
    fn gen_view(&mut self) -> Generator<&mut Mt19937> {
        Generator::new(&mut self.bg)
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

    /// Poisson draws (`poisson(lam, size)`).
    ///
    /// # Errors
    /// `lam < 0` or NaN, `lam` too large, shapes that do not broadcast, negative dimensions.
    pub fn poisson<'a>(&mut self, lam: impl Into<Param<'a, f64>>, size: impl Into<Size>) -> Result<Array<i64>> {
        self.gen_view().poisson(lam, size)
    }

    /// One Poisson draw.
    ///
    /// # Errors
    /// `lam < 0` or NaN, or too large.
    pub fn poisson_scalar(&mut self, lam: f64) -> Result<i64> {
        self.gen_view().poisson_scalar(lam)
    }

    /// Integers in `[low, high)` by masked rejection (`randint(low, high, size, dtype=T)`);
    /// NumPy's `randint(high)` is `randint(0, high, ..)` here.
    ///
    /// # Errors
    /// Bounds outside `T`'s range, an empty range, shapes that do not broadcast, negative dimensions.
    pub fn randint<T: RandomInteger>(
        &mut self,
        low: impl Into<IntParam>,
        high: impl Into<IntParam>,
        size: impl Into<Size>,
    ) -> Result<Array<T>> {
        self.gen_view().integers_impl(&low.into(), &high.into(), &size.into(), false, true)
    }

    /// One integer in `[low, high)`.
    ///
    /// # Errors
    /// As [`randint`](Self::randint).
    pub fn randint_scalar<T: RandomInteger>(&mut self, low: i128, high: i128) -> Result<T> {
        let a = self.randint::<T>(low, high, Size::NONE)?;
        Ok(a.item()?)
    }

    /// Shuffles `x` in place along axis 0 (`shuffle(x)`).
    ///
    /// # Errors
    /// A 0-d array (NumPy's `TypeError`).
    pub fn shuffle<T: Element, S: DataMut<Elem = T>>(&mut self, x: &mut ArrayBase<S>) -> Result<()> {
        self.gen_view().shuffle(x, 0)
    }

    /// Shuffles a slice in place.
    pub fn shuffle_slice<T>(&mut self, x: &mut [T]) {
        self.gen_view().shuffle_slice(x);
    }

    /// A random permutation of `arange(n)` (`permutation(n)`).
    ///
    /// # Errors
    /// NumPy's `MemoryError` when `n` elements cannot be allocated.
    pub fn permutation(&mut self, n: i64) -> Result<Array<i64>> {
        self.gen_view().permutation(n)
    }

    /// A copy of `x` shuffled along axis 0 (`permutation(x)`).
    ///
    /// # Errors
    /// A 0-d array ("x must be an integer or at least 1-dimensional", an `IndexError`).
    pub fn permutation_of<T: Element, S: Data<Elem = T>>(&mut self, x: &ArrayBase<S>) -> Result<Array<T>> {
        if x.ndim() == 0 {
            return Err(Error::NotOneDimensional);
        }
        self.gen_view().permutation_of(x, 0)
    }

    /// The index sample of the legacy `choice`.
    fn choice_indices(
        &mut self,
        pop_size: i64,
        size: &Size,
        replace: bool,
        p: Option<&[f64]>,
        empty: ChoiceError,
    ) -> Result<(Vec<i64>, Vec<usize>)> {
        let legacy = |kind| Error::Choice { kind, legacy: true };
        if pop_size <= 0 && !crate::generator::size_prod_is_zero(size) {
            return Err(legacy(empty));
        }
        if let Some(p) = p {
            crate::generator::check_p(p, pop_size, true)?;
        }
        let dims = size.dims().map(<[isize]>::to_vec);
        let count: isize = dims.as_ref().map_or(1, |d| d.iter().fold(1isize, |p, &x| p.wrapping_mul(x)));
        if replace {
            let (shape, n) = match size.shape()? {
                None => (Vec::new(), 1),
                Some(s) => {
                    let n = s.iter().product();
                    (s, n)
                }
            };
            if let Some(p) = p {
                let mut idx = crate::generator::try_vec(n, &shape, "float64")?;
                let c = crate::generator::cdf(p);
                idx.extend((0..n).map(|_| crate::generator::search_right(&c, self.bg.next_double())));
                return Ok((idx, shape));
            }
            let a = self.randint::<i64>(0, pop_size, Size::from(shape.clone()))?;
            return Ok((a.into_raw_vec(), shape));
        }
        if count as i64 > pop_size {
            return Err(legacy(ChoiceError::SampleTooLarge));
        }
        if count < 0 {
            return Err(legacy(ChoiceError::NegativeDimensions));
        }
        let shape: Vec<usize> = dims.map(|d| d.iter().map(|&x| x as usize).collect()).unwrap_or_default();
        let n = count as usize;
        if let Some(p) = p {
            if p.iter().filter(|&&x| x > 0.0).count() < n {
                return Err(legacy(ChoiceError::FewerNonZero));
            }
            let bg = &mut self.bg;
            let idx = crate::generator::weighted_unique(p, n, |k| (0..k).map(|_| bg.next_double()).collect());
            return Ok((idx, shape));
        }
        let mut perm = self.permutation(pop_size)?.into_raw_vec();
        perm.truncate(n);
        Ok((perm, shape))
    }

    /// A random sample from `arange(a)` (`choice(a, size, replace, p)`); `size=None` gives a
    /// 0-d array.
    ///
    /// # Errors
    /// NumPy's legacy messages: a non-positive population, bad probabilities, a sample larger
    /// than the population without replacement, negative dimensions.
    pub fn choice(&mut self, a: i64, size: impl Into<Size>, replace: bool, p: Option<&[f64]>) -> Result<Array<i64>> {
        let (idx, shape) = self.choice_indices(a, &size.into(), replace, p, ChoiceError::PopulationNotPositive)?;
        Ok(Array::from_shape_vec(&shape, idx)?)
    }

    /// One value from `arange(a)`.
    ///
    /// # Errors
    /// As [`choice`](Self::choice).
    pub fn choice_scalar(&mut self, a: i64, replace: bool, p: Option<&[f64]>) -> Result<i64> {
        let (idx, _) = self.choice_indices(a, &Size::NONE, replace, p, ChoiceError::PopulationNotPositive)?;
        Ok(idx[0])
    }

    /// A random sample of the elements of the 1-d array `a`.
    ///
    /// # Errors
    /// As [`choice`](Self::choice), plus "a must be 1-dimensional".
    pub fn choice_from<T: Element, S: Data<Elem = T>>(
        &mut self,
        a: &ArrayBase<S>,
        size: impl Into<Size>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<Array<T>> {
        if a.ndim() != 1 {
            return Err(Error::Choice { kind: ChoiceError::NotOneDimensional, legacy: true });
        }
        let (idx, shape) =
            self.choice_indices(a.shape()[0] as i64, &size.into(), replace, p, ChoiceError::PopulationEmpty)?;
        crate::generator::take_along(a, &idx, &shape, 0)
    }
}

impl Default for RandomState {
    /// A `RandomState` seeded from operating-system entropy (`RandomState()`).
    fn default() -> Self {
        RandomState::new(())
    }
}
