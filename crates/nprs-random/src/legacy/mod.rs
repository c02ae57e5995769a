//! The legacy `RandomState` (MT19937 with the pre-1.17 algorithms), bit-exact with
//! `np.random.seed(...)` and `np.random.RandomState(...)`, and the module-level functions.

pub mod global;
mod methods;

use nprs_core::dynarray::{DynData, DynDataMut};
use nprs_core::kernel::{Data, DataMut};
use nprs_core::{Array, ArrayBase, DynArray, DynBase, Element};

use crate::bitgen::{BitGenerator, Mt19937, Mt19937State};
use crate::dist::legacy::Aug;
use crate::error::{ChoiceError, Error, Result, SeedError, or_panic};
use crate::generator::{Generator, IntParam, RandomInteger, Size};
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

/// NumPy's legacy `RandomState`: the original (pre-`Generator`) algorithms over MT19937, or
/// over any other bit generator (`RandomState(PCG64(...))`).
///
/// Streams match `np.random.RandomState(seed)` bit for bit: the polar Box–Muller normal with
/// its cached second value, masked-rejection integers, inversion exponentials, and the
/// legacy forms of gamma, beta, binomial, hypergeometric and the rest.
///
/// ```
/// use nprs_random::{Pcg64, RandomState};
/// let mut rs = RandomState::new(0);
/// assert_eq!(rs.random_sample_scalar(), 0.5488135039273248);
/// let mut rs = RandomState::from_bit_generator(Pcg64::new(0)); // RandomState(PCG64(0))
/// assert_eq!(rs.random_sample_scalar(), 0.6369616873214543);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct RandomState<B: BitGenerator = Mt19937> {
    aug: Aug<B>,
}

impl<B: BitGenerator> RandomState<B> {
    /// A `RandomState` drawing from `bit_generator` (`RandomState(bit_generator)`), with no
    /// cached Gaussian.
    #[must_use]
    pub fn from_bit_generator(bit_generator: B) -> Self {
        RandomState { aug: Aug::new(bit_generator) }
    }

    /// The bit generator.
    #[must_use]
    pub fn bit_generator(&self) -> &B {
        &self.aug.bg
    }

    /// The bit generator, mutably.
    pub fn bit_generator_mut(&mut self) -> &mut B {
        &mut self.aug.bg
    }

    /// Consumes the state, returning the bit generator.
    #[must_use]
    pub fn into_bit_generator(self) -> B {
        self.aug.bg
    }

    /// The cached second normal of the polar method, if one is waiting.
    #[must_use]
    pub fn cached_gauss(&self) -> Option<f64> {
        self.aug.has_gauss.then_some(self.aug.gauss)
    }

    /// Sets or clears the cached Gaussian: with the bit generator's own state, this is
    /// `set_state` of NumPy's dictionary form (`get_state(legacy=False)`) for any bit
    /// generator.
    ///
    /// ```
    /// use nprs_random::{Pcg64, RandomState};
    /// let mut rs = RandomState::from_bit_generator(Pcg64::new(3));
    /// rs.randn(1).unwrap(); // leaves the second polar normal cached
    /// let (bg, gauss) = (rs.bit_generator().state(), rs.cached_gauss());
    /// let a = rs.randn(3).unwrap();
    /// rs.bit_generator_mut().set_state(bg);
    /// rs.set_cached_gauss(gauss);
    /// assert_eq!(rs.randn(3).unwrap().to_vec(), a.to_vec());
    /// ```
    pub fn set_cached_gauss(&mut self, gauss: Option<f64>) {
        self.aug.restore_gauss(gauss);
    }

    /// A `Generator` over this state's bit generator, for the paths the two APIs share
    /// (integers, shuffles, bytes, uniforms-only samplers); the distribution methods draw
    /// from the augmented state instead.
    pub(crate) fn gen_view(&mut self) -> Generator<&mut B> {
        Generator::new(&mut self.aug.bg)
    }
}

impl RandomState<Mt19937> {
    /// `RandomState(MT19937(seed_seq))`: NumPy's recommended seeding of the legacy stream
    /// through a `SeedSequence` (rather than the legacy integer seeding).
    #[must_use]
    pub fn from_seed_seq(seed_seq: SeedSequence) -> Self {
        RandomState::from_bit_generator(<Mt19937 as crate::SeedableBitGenerator>::from_seed_seq(seed_seq))
    }

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
        let mut rs = RandomState::from_bit_generator(Mt19937::legacy_seeded(0));
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
                let mut st = self.aug.bg.state();
                st.key[0] = 0x8000_0000;
                st.key[1..].copy_from_slice(&val[1..]);
                self.aug.bg = Mt19937::from_state(&st);
            }
            LegacySeed::Int(s) => {
                if !in_range(s) {
                    return Err(Error::Seed(SeedError::LegacyRange));
                }
                self.aug.bg.legacy_seed(s as u32);
            }
            LegacySeed::Array(v) => {
                if v.is_empty() {
                    return Err(Error::Seed(SeedError::LegacyEmpty));
                }
                if !v.iter().all(|&x| in_range(x)) {
                    return Err(Error::Seed(SeedError::LegacyRange));
                }
                let words: Vec<u32> = v.iter().map(|&x| x as u32).collect();
                self.aug.bg.legacy_seed_array(&words)?;
            }
        }
        self.aug.restore_gauss(None);
        Ok(())
    }

    /// The state (`get_state()`).
    #[must_use]
    pub fn get_state(&self) -> LegacyState {
        LegacyState { mt: self.aug.bg.state(), has_gauss: self.aug.has_gauss, gauss: self.aug.gauss }
    }

    /// Sets the state (`set_state(state)`).
    ///
    /// # Errors
    /// A position outside `[0, 624]`.
    pub fn set_state(&mut self, state: &LegacyState) -> Result<()> {
        self.aug.bg.set_state(&state.mt)?;
        self.aug.has_gauss = state.has_gauss;
        self.aug.gauss = state.gauss;
        Ok(())
    }
}

impl<B: BitGenerator> RandomState<B> {
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
                idx.extend((0..n).map(|_| crate::generator::search_right(&c, self.aug.bg.next_double())));
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
            let bg = &mut self.aug.bg;
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

impl<B: BitGenerator> RandomState<B> {
    /// [`shuffle`](Self::shuffle) for a dynamic array or mutable view of any dtype
    /// (strings, records, …), along axis 0.
    ///
    /// # Errors
    /// A 0-d array (NumPy's `TypeError`).
    pub fn shuffle_dyn<S: DynData + DynDataMut>(&mut self, x: &mut DynBase<S>) -> Result<()> {
        self.gen_view().shuffle_dyn(x, 0)
    }

    /// [`permutation_of`](Self::permutation_of) for a dynamic array of any dtype.
    ///
    /// # Errors
    /// A 0-d array ("x must be an integer or at least 1-dimensional", an `IndexError`).
    pub fn permutation_dyn<S: DynData>(&mut self, x: &DynBase<S>) -> Result<DynArray> {
        if x.ndim() == 0 {
            return Err(Error::NotOneDimensional);
        }
        self.gen_view().permutation_dyn(x, 0)
    }

    /// [`choice_from`](Self::choice_from) for a 1-d dynamic array of any dtype
    /// (`choice(['a', 'b', 'c'], size)`).
    ///
    /// # Errors
    /// As [`choice_from`](Self::choice_from).
    pub fn choice_dyn<S: DynData>(
        &mut self,
        a: &DynBase<S>,
        size: impl Into<Size>,
        replace: bool,
        p: Option<&[f64]>,
    ) -> Result<DynArray> {
        if a.ndim() != 1 {
            return Err(Error::Choice { kind: ChoiceError::NotOneDimensional, legacy: true });
        }
        let (idx, shape) =
            self.choice_indices(a.shape()[0] as i64, &size.into(), replace, p, ChoiceError::PopulationEmpty)?;
        crate::generator::take_dyn(a, &idx, &shape, 0)
    }
}

impl Default for RandomState<Mt19937> {
    /// A `RandomState` seeded from operating-system entropy (`RandomState()`).
    fn default() -> Self {
        RandomState::new(())
    }
}
