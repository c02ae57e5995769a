//! Bit generators: the raw streams under `Generator` and `RandomState`.
//!
//! Each one is seeded from a [`SeedSequence`] exactly as NumPy seeds it, produces NumPy's
//! raw stream bit for bit, exposes its state, and implements rand_core's [`TryRng`] (so
//! [`rand_core::Rng`], and the deprecated `RngCore` alias) and [`SeedableRng`], so it drives
//! the `rand`/`rand_distr` ecosystem too.
//!
//! [`TryRng`]: rand_core::TryRng
//! [`SeedableRng`]: rand_core::SeedableRng

mod mt19937;
mod mt19937_jump_poly;
mod pcg64;
mod philox;
mod sfc64;

pub use mt19937::{Mt19937, Mt19937State};
pub use pcg64::{Pcg64, Pcg64Dxsm, Pcg64State};
pub use philox::{Philox, PhiloxState};
pub use sfc64::{Sfc64, Sfc64State};

use crate::error::{Error, Result};
use crate::seed_sequence::SeedSequence;

/// `(x >> 11) * 2^-53`: NumPy's 53-bit double from a 64-bit draw.
#[inline]
pub(crate) fn uint64_to_double(x: u64) -> f64 {
    (x >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// A source of raw random bits, as NumPy's `bitgen_t`.
///
/// The distributions are written against this trait and monomorphised per bit generator, so
/// the hot loops call the generator's step inline.
pub trait BitGenerator {
    /// The next 64 random bits.
    fn next_uint64(&mut self) -> u64;
    /// The next 32 random bits (generators with 64-bit output hand out the low half of a
    /// 64-bit draw and keep the high half for the next call, as NumPy does).
    fn next_uint32(&mut self) -> u32;
    /// A double in `[0, 1)` with 53 random bits.
    #[inline]
    fn next_double(&mut self) -> f64 {
        uint64_to_double(self.next_uint64())
    }
    /// One raw output word (`random_raw`): 64 bits, or 32 for MT19937.
    #[inline]
    fn next_raw(&mut self) -> u64 {
        self.next_uint64()
    }
    /// The seed sequence the generator was built from, if any.
    fn seed_seq(&self) -> Option<&SeedSequence>;
    /// Mutable access to the seed sequence (spawning advances its child counter).
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence>;

    /// `n` raw output words (`random_raw(n)`).
    ///
    /// # Errors
    /// NumPy's `MemoryError` when `n` words cannot be allocated.
    fn random_raw(&mut self, n: usize) -> Result<Vec<u64>> {
        let mut out = crate::generator::try_vec(n, &[n], "uint64")?;
        out.extend((0..n).map(|_| self.next_raw()));
        Ok(out)
    }
}

/// Bit generators that NumPy builds from a [`SeedSequence`].
pub trait SeedableBitGenerator: BitGenerator + Sized {
    /// The generator NumPy builds from `seed_seq` (`PCG64(seed_seq)`, …).
    fn from_seed_seq(seed_seq: SeedSequence) -> Self;

    /// `n_children` new generators from children of the seed sequence (`BitGenerator.spawn`).
    ///
    /// # Errors
    /// [`Error::NoSeedSequence`] when the generator was built from an explicit state or key.
    fn spawn(&mut self, n_children: usize) -> Result<Vec<Self>> {
        let ss = self.seed_seq_mut().ok_or(Error::NoSeedSequence)?;
        Ok(ss.spawn(n_children)?.into_iter().map(Self::from_seed_seq).collect())
    }
}

impl<B: BitGenerator + ?Sized> BitGenerator for &mut B {
    #[inline(always)]
    fn next_uint64(&mut self) -> u64 {
        (**self).next_uint64()
    }
    #[inline(always)]
    fn next_uint32(&mut self) -> u32 {
        (**self).next_uint32()
    }
    #[inline(always)]
    fn next_double(&mut self) -> f64 {
        (**self).next_double()
    }
    #[inline(always)]
    fn next_raw(&mut self) -> u64 {
        (**self).next_raw()
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        (**self).seed_seq()
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        (**self).seed_seq_mut()
    }
}

/// Implements rand_core's traits for a bit generator: `TryRng` (infallible, so `Rng`) with
/// NumPy's `next_uint32`/`next_uint64`, and `SeedableRng` through `SeedSequence`
/// (`seed_from_u64(n)` equals NumPy's `Bitgen(n)`; `from_seed(bytes)` takes a 128-bit
/// little-endian integer seed).
macro_rules! impl_rand_core {
    ($t:ty) => {
        impl rand_core::TryRng for $t {
            type Error = core::convert::Infallible;
            #[inline]
            fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
                Ok($crate::BitGenerator::next_uint32(self))
            }
            #[inline]
            fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
                Ok($crate::BitGenerator::next_uint64(self))
            }
            fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
                let mut chunks = dst.chunks_exact_mut(8);
                for c in &mut chunks {
                    c.copy_from_slice(&$crate::BitGenerator::next_uint64(self).to_le_bytes());
                }
                let rest = chunks.into_remainder();
                if !rest.is_empty() {
                    let w = $crate::BitGenerator::next_uint64(self).to_le_bytes();
                    let n = rest.len();
                    rest.copy_from_slice(&w[..n]);
                }
                Ok(())
            }
        }

        impl rand_core::SeedableRng for $t {
            type Seed = [u8; 16];
            fn from_seed(seed: [u8; 16]) -> Self {
                <$t as $crate::SeedableBitGenerator>::from_seed_seq($crate::SeedSequence::new(u128::from_le_bytes(
                    seed,
                )))
            }
            fn seed_from_u64(state: u64) -> Self {
                <$t as $crate::SeedableBitGenerator>::from_seed_seq($crate::SeedSequence::new(state))
            }
        }
    };
}
pub(crate) use impl_rand_core;
