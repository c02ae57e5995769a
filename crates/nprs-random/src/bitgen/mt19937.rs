//! MT19937, the Mersenne Twister, with NumPy's SeedSequence seeding, legacy seeding and jump.

use super::mt19937_jump_poly::JUMP_POLY;
use super::{BitGenerator, SeedableBitGenerator, impl_rand_core};
use crate::error::{Error, Result, SeedError};
use crate::seed_sequence::SeedSequence;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The state of an MT19937 generator: the 624-word key and the read position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937State {
    /// The key words.
    pub key: [u32; N],
    /// The position of the next word to temper (624: regenerate first).
    pub pos: usize,
}

/// NumPy's `MT19937` bit generator (also the engine of the legacy `RandomState`).
///
/// ```
/// use nprs_random::{BitGenerator, Mt19937};
/// let mut bg = Mt19937::new(0);
/// assert_eq!(bg.next_uint32(), 0x7ab4_ea94); // NumPy's mt19937-testset-2.csv
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937 {
    key: Box<[u32; N]>,
    pos: usize,
    seed_seq: Option<SeedSequence>,
}

#[inline]
fn temper(mut y: u32) -> u32 {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

#[inline]
fn twist(a: u32, b: u32, m: u32) -> u32 {
    let y = (a & UPPER_MASK) | (b & LOWER_MASK);
    m ^ (y >> 1) ^ (0u32.wrapping_sub(y & 1) & MATRIX_A)
}

impl Mt19937 {
    /// The generator NumPy builds from `seed` through [`SeedSequence`] (`MT19937(seed)`).
    ///
    /// # Panics
    /// On a negative seed.
    #[track_caller]
    #[must_use]
    pub fn new(seed: impl Into<crate::Entropy>) -> Self {
        Self::from_seed_seq(SeedSequence::new(seed))
    }

    /// A generator seeded from operating-system entropy.
    #[must_use]
    pub fn from_os() -> Self {
        Self::from_seed_seq(SeedSequence::from_os())
    }

    /// A generator with the legacy integer seeding of `np.random.seed(seed)` /
    /// `RandomState(seed)` (Knuth's initialisation of the reference implementation).
    #[must_use]
    pub fn legacy_seeded(seed: u32) -> Self {
        let mut g = Mt19937 { key: Box::new([0; N]), pos: N, seed_seq: None };
        g.legacy_seed(seed);
        g
    }

    /// Re-seeds with the legacy integer seeding (`mt19937_seed`); drops the seed sequence.
    pub fn legacy_seed(&mut self, seed: u32) {
        let mut s = seed;
        for pos in 0..N {
            self.key[pos] = s;
            s = 1_812_433_253u32.wrapping_mul(s ^ (s >> 30)).wrapping_add(pos as u32 + 1);
        }
        self.pos = N;
        self.seed_seq = None;
    }

    /// Re-seeds from an array of words with the reference `init_by_array` (legacy seeding
    /// of `np.random.seed([..])`); drops the seed sequence.
    ///
    /// # Errors
    /// [`Error::Seed`] for an empty key, as NumPy.
    pub fn legacy_seed_array(&mut self, init_key: &[u32]) -> Result<()> {
        if init_key.is_empty() {
            return Err(Error::Seed(SeedError::LegacyEmpty));
        }
        let mt = &mut self.key;
        mt[0] = 19_650_218;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        let (mut i, mut j) = (1usize, 0usize);
        let len = init_key.len();
        for _ in 0..N.max(len) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(init_key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.pos = N;
        self.seed_seq = None;
        Ok(())
    }

    /// A generator in the given state, with no seed sequence.
    #[must_use]
    pub fn from_state(state: &Mt19937State) -> Self {
        Mt19937 { key: Box::new(state.key), pos: state.pos, seed_seq: None }
    }

    /// The current state.
    #[must_use]
    pub fn state(&self) -> Mt19937State {
        Mt19937State { key: *self.key, pos: self.pos }
    }

    /// Sets the state (the seed sequence is kept).
    ///
    /// # Errors
    /// A `ValueError` when `pos` exceeds 624.
    pub fn set_state(&mut self, state: &Mt19937State) -> Result<()> {
        if state.pos > N {
            return Err(Error::StatePosition { max: N, pos: state.pos });
        }
        *self.key = state.key;
        self.pos = state.pos;
        Ok(())
    }

    /// Regenerates the key (once every 624 words, so kept out of the inlined draw).
    #[cold]
    #[inline(never)]
    fn generate(&mut self) {
        let k = &mut self.key;
        for i in 0..N - M {
            k[i] = twist(k[i], k[i + 1], k[i + M]);
        }
        for i in N - M..N - 1 {
            k[i] = twist(k[i], k[i + 1], k[i + M - N]);
        }
        k[N - 1] = twist(k[N - 1], k[0], k[M - 1]);
        self.pos = 0;
    }

    /// The next tempered word. The position is read once and is below `N` where the key
    /// is indexed, so the draw carries no bounds check. Always inlined: a call per word
    /// costs as much as the word (the samplers' loops are too large for the inliner's
    /// own choice).
    #[inline(always)]
    fn next(&mut self) -> u32 {
        let mut pos = self.pos;
        if pos >= N {
            self.generate();
            pos = 0;
        }
        let y = self.key[pos];
        self.pos = pos + 1;
        temper(y)
    }

    /// The next two tempered words, in order (one position check when both are in the key).
    #[inline(always)]
    fn next_pair(&mut self) -> (u32, u32) {
        let pos = self.pos;
        if pos < N - 1 {
            let (a, b) = (self.key[pos], self.key[pos + 1]);
            self.pos = pos + 2;
            (temper(a), temper(b))
        } else {
            let a = self.next();
            (a, self.next())
        }
    }

    /// A copy jumped ahead as if 2^128 × `jumps` draws were made (`MT19937.jumped`). Like
    /// NumPy, the copy gets a fresh operating-system seed sequence.
    #[must_use]
    pub fn jumped(&self, jumps: usize) -> Self {
        let mut g = self.clone();
        g.seed_seq = Some(SeedSequence::from_os());
        for _ in 0..jumps {
            g.jump_once();
        }
        g
    }

    /// One step of the state-by-state recurrence on the circular key (the jump's `T`).
    fn step_circular(key: &mut [u32; N], pos: usize) -> usize {
        if pos < N - M {
            key[pos] = twist(key[pos], key[pos + 1], key[pos + M]);
            pos + 1
        } else if pos < N - 1 {
            key[pos] = twist(key[pos], key[pos + 1], key[pos + M - N]);
            pos + 1
        } else {
            key[N - 1] = twist(key[N - 1], key[0], key[M - 1]);
            0
        }
    }

    /// Evaluates the jump polynomial at the transition with Horner's scheme.
    fn jump_once(&mut self) {
        let coef = |i: usize| (JUMP_POLY[i >> 5] >> (i & 31)) & 1 == 1;
        let pos = if self.pos >= N { 0 } else { self.pos };
        let base: [u32; N] = *self.key;
        let add = |acc: &mut [u32; N], apos: usize| {
            for i in 0..N {
                acc[(i + apos) % N] ^= base[(i + pos) % N];
            }
        };
        let mut i = (0..JUMP_POLY.len() * 32).rev().find(|&i| coef(i)).unwrap_or(0);
        let mut acc = base;
        let mut apos = pos;
        if i > 0 {
            apos = Self::step_circular(&mut acc, apos);
            i -= 1;
            while i > 0 {
                if coef(i) {
                    add(&mut acc, apos);
                }
                apos = Self::step_circular(&mut acc, apos);
                i -= 1;
            }
            if coef(0) {
                add(&mut acc, apos);
            }
        }
        *self.key = acc;
        self.pos = apos;
    }
}

impl SeedableBitGenerator for Mt19937 {
    fn from_seed_seq(seed_seq: SeedSequence) -> Self {
        let val = seed_seq.state_words(N).collect::<Vec<u32>>();
        let mut key = Box::new([0u32; N]);
        key[0] = 0x8000_0000;
        key[1..].copy_from_slice(&val[1..]);
        // NumPy leaves the position at the last index the seeding loop wrote.
        Mt19937 { key, pos: N - 1, seed_seq: Some(seed_seq) }
    }
}

impl BitGenerator for Mt19937 {
    #[inline(always)]
    fn next_uint64(&mut self) -> u64 {
        let (hi, lo) = self.next_pair();
        (u64::from(hi) << 32) | u64::from(lo)
    }
    #[inline(always)]
    fn next_uint32(&mut self) -> u32 {
        self.next()
    }
    #[inline(always)]
    fn next_double(&mut self) -> f64 {
        let (a, b) = self.next_pair();
        let (a, b) = (f64::from(a >> 5), f64::from(b >> 6));
        (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }
    #[inline]
    fn next_raw(&mut self) -> u64 {
        u64::from(self.next())
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        self.seed_seq.as_mut()
    }
}

impl_rand_core!(Mt19937);
