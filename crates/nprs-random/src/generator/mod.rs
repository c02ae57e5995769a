//! `Generator` and `default_rng`: NumPy's modern sampling API.

mod args;
mod continuous;
mod discrete;
mod dynamic;
mod integers;
mod multivariate;
mod out;
mod permute;

pub(crate) use args::{Cons, ParamValue, check, check_scalars, dist_method, sample_with, shared_dist_methods};
pub use args::{Param, Size};
pub use integers::{IntParam, RandomInteger};
pub use permute::Choice;

pub(crate) use args::{fill as fill_shape, try_vec};
pub(crate) use continuous::uniform_range;
pub(crate) use discrete::any_sum_below;
pub(crate) use dynamic::take_dyn;
pub use multivariate::MvhgMethod;
pub(crate) use multivariate::{multinomial_into, zeros};
pub(crate) use permute::{cdf, check_p, kahan_sum, search_right, size_prod_is_zero, take_along, weighted_unique};

use nprs_core::{Array, Element};

use crate::bitgen::{BitGenerator, Pcg64, SeedableBitGenerator};
use crate::dist::continuous as cd;
use crate::dist::ziggurat as zig;
use crate::error::{Result, or_panic};
use crate::seed_sequence::{Entropy, SeedSequence};
use args::{fill, output_shape};

/// What `default_rng` accepts: an integer or sequence of integers (entropy for a
/// [`SeedSequence`]), a `SeedSequence`, a [`Pcg64`] (wrapped as it is), or nothing (fresh
/// operating-system entropy).
///
/// Other bit generators go to [`Generator::new`] (NumPy's `default_rng(bit_generator)` wraps
/// any bit generator as-is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seed {
    /// Fresh entropy from the operating system (`default_rng()` / `default_rng(None)`).
    Os,
    /// Entropy for a new `SeedSequence`.
    Entropy(Entropy),
    /// A seed sequence used as-is.
    Sequence(SeedSequence),
    /// A PCG64 bit generator, wrapped without reseeding.
    BitGenerator(Pcg64),
}

impl From<Pcg64> for Seed {
    fn from(bg: Pcg64) -> Self {
        Seed::BitGenerator(bg)
    }
}

impl From<()> for Seed {
    fn from((): ()) -> Self {
        Seed::Os
    }
}

impl<T: Into<Seed>> From<Option<T>> for Seed {
    fn from(s: Option<T>) -> Self {
        s.map_or(Seed::Os, Into::into)
    }
}

impl From<SeedSequence> for Seed {
    fn from(s: SeedSequence) -> Self {
        Seed::Sequence(s)
    }
}

impl From<Entropy> for Seed {
    fn from(e: Entropy) -> Self {
        Seed::Entropy(e)
    }
}

macro_rules! seed_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Seed {
            fn from(v: $t) -> Self {
                Seed::Entropy(v.into())
            }
        }
        impl From<Vec<$t>> for Seed {
            fn from(v: Vec<$t>) -> Self {
                Seed::Entropy(v.into())
            }
        }
        impl From<&[$t]> for Seed {
            fn from(v: &[$t]) -> Self {
                Seed::Entropy(v.into())
            }
        }
        impl<const N: usize> From<[$t; N]> for Seed {
            fn from(v: [$t; N]) -> Self {
                Seed::Entropy(v.into())
            }
        }
    )*};
}
seed_from!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

impl Seed {
    fn into_bit_generator(self) -> Result<Pcg64> {
        Ok(match self {
            Seed::Os => Pcg64::from_seed_seq(SeedSequence::from_os()),
            Seed::Entropy(e) => Pcg64::from_seed_seq(SeedSequence::try_new(e)?),
            Seed::Sequence(s) => Pcg64::from_seed_seq(s),
            Seed::BitGenerator(bg) => bg,
        })
    }
}

/// `np.random.default_rng(seed)`: a [`Generator`] over [`Pcg64`] seeded through
/// [`SeedSequence`].
///
/// `seed` is an integer (any width), a sequence of integers, a `SeedSequence`, or `()`/`None`
/// for fresh operating-system entropy.
///
/// ```
/// let mut rng = nprs_random::default_rng(42);
/// assert_eq!(rng.random_scalar(), 0.7739560485559633);
/// ```
///
/// # Panics
/// On a negative seed, with NumPy's message; [`try_default_rng`] returns the error instead.
#[track_caller]
#[must_use]
pub fn default_rng(seed: impl Into<Seed>) -> Generator<Pcg64> {
    or_panic(try_default_rng(seed))
}

/// As [`default_rng`], returning the error for a negative seed.
///
/// # Errors
/// [`crate::Error::Seed`] for negative entropy.
pub fn try_default_rng(seed: impl Into<Seed>) -> Result<Generator<Pcg64>> {
    Ok(Generator::new(seed.into().into_bit_generator()?))
}

/// NumPy's `Generator`: sampling methods over a bit generator (PCG64 by default).
///
/// Every method takes a [`Size`] and returns an [`nprs_core::Array`]; distribution
/// parameters are [`Param`]s (a scalar or an array that broadcasts). A `_scalar` twin returns
/// one value, as NumPy does with `size=None` and scalar parameters. Streams match NumPy 2.4
/// bit for bit: the same seed and the same calls give the same values.
///
/// ```
/// use nprs_random::default_rng;
/// let mut rng = default_rng(42);
/// let x = rng.normal(3.0, 2.0, 3).unwrap();
/// assert_eq!(x.to_vec(), vec![3.609434159508863, 0.9200317875190089, 4.5009023916129145]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generator<B: BitGenerator = Pcg64> {
    pub(crate) bg: B,
}

/// A `Generator` is a random source for the `rand` ecosystem too: its bit generator's stream.
impl<B: BitGenerator> rand_core::TryRng for Generator<B> {
    type Error = core::convert::Infallible;
    #[inline]
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.bg.next_uint32())
    }
    #[inline]
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.bg.next_uint64())
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        for chunk in dst.chunks_mut(8) {
            let w = self.bg.next_uint64().to_le_bytes();
            let n = chunk.len();
            chunk.copy_from_slice(&w[..n]);
        }
        Ok(())
    }
}

impl<B: BitGenerator> Generator<B> {
    /// A generator over `bit_generator` (`Generator(bit_generator)`).
    #[must_use]
    pub fn new(bit_generator: B) -> Self {
        Generator { bg: bit_generator }
    }

    /// The bit generator.
    #[must_use]
    pub fn bit_generator(&self) -> &B {
        &self.bg
    }

    /// The bit generator, mutably (to read or set its state, advance it, …).
    pub fn bit_generator_mut(&mut self) -> &mut B {
        &mut self.bg
    }

    /// Consumes the generator, returning the bit generator.
    #[must_use]
    pub fn into_bit_generator(self) -> B {
        self.bg
    }

    /// `n_children` independent generators from children of the bit generator's seed
    /// sequence (`Generator.spawn`).
    ///
    /// # Errors
    /// [`crate::Error::NoSeedSequence`] when the bit generator was built from a state or key.
    pub fn spawn(&mut self, n_children: usize) -> Result<Vec<Generator<B>>>
    where
        B: SeedableBitGenerator,
    {
        Ok(self.bg.spawn(n_children)?.into_iter().map(Generator::new).collect())
    }

    /// Floats in `[0, 1)` (`random(size)`).
    ///
    /// ```
    /// let x = nprs_random::default_rng(0).random(2).unwrap();
    /// assert_eq!(x.to_vec(), vec![0.6369616873214543, 0.2697867137638703]);
    /// ```
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn random(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || bg.next_double())
    }

    /// One float in `[0, 1)` (`random()`).
    pub fn random_scalar(&mut self) -> f64 {
        self.bg.next_double()
    }

    /// Float32 values in `[0, 1)` (`random(size, dtype=np.float32)`), two per 64-bit draw.
    ///
    /// # Errors
    /// As [`random`](Self::random).
    pub fn random_f32(&mut self, size: impl Into<Size>) -> Result<Array<f32>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || zig::next_float(bg))
    }

    /// One float32 in `[0, 1)`.
    pub fn random_f32_scalar(&mut self) -> f32 {
        zig::next_float(&mut self.bg)
    }

    /// `length` random bytes (`bytes(length)`): little-endian 32-bit draws, truncated.
    ///
    /// ```
    /// let b = nprs_random::default_rng(42).bytes(5).unwrap();
    /// assert_eq!(b.len(), 5);
    /// ```
    ///
    /// # Errors
    /// NumPy's `MemoryError` when the bytes cannot be allocated.
    pub fn bytes(&mut self, length: usize) -> Result<Vec<u8>> {
        let words = length.div_ceil(4);
        // NumPy draws a uint32 array of `words` elements: its error names that array.
        let mut out = args::try_vec(words.checked_mul(4).ok_or(nprs_core::Error::TooBig)?, &[words], "uint32")?;
        out.extend((0..words).flat_map(|_| self.bg.next_uint32().to_le_bytes()));
        out.truncate(length);
        Ok(out)
    }

    /// The shared path of the distribution methods: validates the parameters, works out the
    /// output shape and fills it (see [`args::sample_with`]).
    pub(crate) fn sample<T: ParamValue, O: Element, const N: usize>(
        &mut self,
        size: &Size,
        params: [(&Param<'_, T>, &'static str, Cons); N],
        f: impl FnMut(&mut B, [T; N]) -> O,
    ) -> Result<Array<O>> {
        args::sample_with(&mut self.bg, size, params, f)
    }

    /// Standard normal draws (`standard_normal(size)`), by NumPy's ziggurat.
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn standard_normal(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || zig::standard_normal(bg))
    }

    /// One standard normal draw.
    pub fn standard_normal_scalar(&mut self) -> f64 {
        zig::standard_normal(&mut self.bg)
    }

    /// Float32 standard normal draws (`standard_normal(size, dtype=np.float32)`).
    ///
    /// # Errors
    /// As [`standard_normal`](Self::standard_normal).
    pub fn standard_normal_f32(&mut self, size: impl Into<Size>) -> Result<Array<f32>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || zig::standard_normal_f(bg))
    }

    /// One float32 standard normal draw.
    pub fn standard_normal_f32_scalar(&mut self) -> f32 {
        zig::standard_normal_f(&mut self.bg)
    }

    /// Standard exponential draws (`standard_exponential(size)`, `method='zig'`).
    ///
    /// # Errors
    /// Negative dimensions, or a size too large to allocate.
    pub fn standard_exponential(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || zig::standard_exponential(bg))
    }

    /// One standard exponential draw.
    pub fn standard_exponential_scalar(&mut self) -> f64 {
        zig::standard_exponential(&mut self.bg)
    }

    /// Float32 standard exponential draws (`dtype=np.float32`).
    ///
    /// # Errors
    /// As [`standard_exponential`](Self::standard_exponential).
    pub fn standard_exponential_f32(&mut self, size: impl Into<Size>) -> Result<Array<f32>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || zig::standard_exponential_f(bg))
    }

    /// Standard exponential draws by inversion (`method='inv'`): `-log1p(-U)`.
    ///
    /// # Errors
    /// As [`standard_exponential`](Self::standard_exponential).
    pub fn standard_exponential_inv(&mut self, size: impl Into<Size>) -> Result<Array<f64>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || cd::standard_exponential_inv(bg))
    }

    /// Float32 standard exponential draws by inversion (`dtype=np.float32, method='inv'`).
    ///
    /// # Errors
    /// As [`standard_exponential`](Self::standard_exponential).
    pub fn standard_exponential_inv_f32(&mut self, size: impl Into<Size>) -> Result<Array<f32>> {
        let shape = output_shape(&size.into(), &[], true)?;
        let bg = &mut self.bg;
        fill(&shape, || cd::standard_exponential_inv_f(bg))
    }
}
