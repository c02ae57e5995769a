//! `SeedSequence`: NumPy's entropy pool that turns seeds of any size into bit generator state.

use crate::error::{Error, Result, SeedError, or_panic};
use crate::generator::try_vec;

const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;
/// NumPy's default (and smallest) pool size, in 32-bit words.
pub const DEFAULT_POOL_SIZE: usize = 4;

/// Seed entropy: the 32-bit words NumPy derives from an integer or a sequence of integers.
///
/// An integer becomes its 32-bit words, least significant first (`0` is one word `[0]`;
/// `2**64 + 5` is `[5, 0, 1]`). A sequence converts each element the same way and
/// concatenates them; an empty sequence gives no words.
///
/// ```
/// use nprs_random::Entropy;
/// assert_eq!(Entropy::from(2u64.pow(32)).words(), &[0, 1]);
/// assert_eq!(Entropy::from(vec![1u64 << 40, 5]).words(), &[0, 256, 5]);
/// assert_eq!(Entropy::from_le_bytes(&[5, 0, 0, 0, 0, 0, 0, 0, 1]).words(), &[5, 0, 1]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entropy {
    words: Vec<u32>,
    /// Set when a negative integer was given; [`SeedSequence::try_new`] rejects it.
    negative: bool,
}

impl Entropy {
    /// The entropy words, least significant first.
    #[must_use]
    pub fn words(&self) -> &[u32] {
        &self.words
    }

    /// Entropy taken as already-split 32-bit words (as NumPy uses a `uint32` array).
    #[must_use]
    pub fn from_words(words: Vec<u32>) -> Self {
        Entropy { words, negative: false }
    }

    /// A non-negative integer of any width given as little-endian bytes.
    #[must_use]
    pub fn from_le_bytes(bytes: &[u8]) -> Self {
        let mut words: Vec<u32> = bytes
            .chunks(4)
            .map(|c| {
                let mut w = [0u8; 4];
                w[..c.len()].copy_from_slice(c);
                u32::from_le_bytes(w)
            })
            .collect();
        while words.len() > 1 && words.last() == Some(&0) {
            words.pop();
        }
        if words.is_empty() {
            words.push(0);
        }
        Entropy { words, negative: false }
    }

    /// 128 bits of fresh entropy from the operating system, as NumPy draws for `seed=None`.
    ///
    /// Like NumPy's `secrets.randbits(128)` the value is an integer, so leading zero words are
    /// dropped.
    #[must_use]
    pub fn from_os() -> Self {
        Entropy::from(crate::os_entropy::random_u128())
    }

    fn int(v: u128) -> Vec<u32> {
        let mut words = vec![v as u32];
        let mut rest = v >> 32;
        while rest != 0 {
            words.push(rest as u32);
            rest >>= 32;
        }
        words
    }

    fn concat<I: IntoIterator<Item = Entropy>>(items: I) -> Self {
        let mut out = Entropy { words: Vec::new(), negative: false };
        for e in items {
            out.words.extend_from_slice(&e.words);
            out.negative |= e.negative;
        }
        out
    }
}

macro_rules! entropy_from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Entropy {
            fn from(v: $t) -> Self {
                Entropy { words: Entropy::int(v as u128), negative: false }
            }
        }
    )*};
}
entropy_from_unsigned!(u8, u16, u32, u64, u128, usize);

macro_rules! entropy_from_signed {
    ($($t:ty),*) => {$(
        impl From<$t> for Entropy {
            fn from(v: $t) -> Self {
                Entropy { words: Entropy::int(v.unsigned_abs() as u128), negative: v < 0 }
            }
        }
    )*};
}
entropy_from_signed!(i8, i16, i32, i64, i128, isize);

impl<T: Into<Entropy> + Clone> From<&[T]> for Entropy {
    fn from(v: &[T]) -> Self {
        Entropy::concat(v.iter().cloned().map(Into::into))
    }
}

impl<T: Into<Entropy>> From<Vec<T>> for Entropy {
    fn from(v: Vec<T>) -> Self {
        Entropy::concat(v.into_iter().map(Into::into))
    }
}

impl<T: Into<Entropy>, const N: usize> From<[T; N]> for Entropy {
    fn from(v: [T; N]) -> Self {
        Entropy::concat(v.into_iter().map(Into::into))
    }
}

/// NumPy's `SeedSequence`: mixes seed entropy into a pool and hands out state words.
///
/// `SeedSequence::new(42)` equals `np.random.SeedSequence(42)`: the same pool, the same
/// `generate_state` words, the same children from `spawn`.
///
/// ```
/// use nprs_random::SeedSequence;
/// let ss = SeedSequence::new(42);
/// assert_eq!(ss.generate_state(2).unwrap(), vec![0xcd54_0ab7, 0x9f1e_2e6d]);
/// assert_eq!(ss.generate_state_u64(1).unwrap(), vec![0x9f1e_2e6d_cd54_0ab7]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedSequence {
    entropy: Entropy,
    spawn_key: Vec<u64>,
    pool_size: usize,
    n_children_spawned: u64,
    pool: Vec<u32>,
}

fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut value = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    value = value.wrapping_mul(*hash_const);
    value ^ (value >> XSHIFT)
}

fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L.wrapping_mul(x).wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

impl SeedSequence {
    /// A seed sequence from entropy (an integer of any width, or a sequence of integers).
    ///
    /// # Panics
    /// On negative entropy, with NumPy's message ("expected non-negative integer").
    #[track_caller]
    #[must_use]
    pub fn new(entropy: impl Into<Entropy>) -> Self {
        or_panic(Self::try_new(entropy))
    }

    /// As [`new`](Self::new), returning the error.
    ///
    /// # Errors
    /// [`Error::Seed`] for negative entropy.
    pub fn try_new(entropy: impl Into<Entropy>) -> Result<Self> {
        Self::try_with(entropy, Vec::new(), DEFAULT_POOL_SIZE, 0)
    }

    /// A seed sequence drawing 128 bits of entropy from the operating system
    /// (`SeedSequence()` in NumPy). Read [`entropy`](Self::entropy) to reproduce it later.
    #[must_use]
    pub fn from_os() -> Self {
        or_panic(Self::try_with(Entropy::from_os(), Vec::new(), DEFAULT_POOL_SIZE, 0))
    }

    /// The full constructor: `SeedSequence(entropy, spawn_key=..., pool_size=..., n_children_spawned=...)`.
    ///
    /// # Errors
    /// [`Error::Seed`] for negative entropy; a `ValueError` for a pool smaller than 4 words.
    pub fn try_with(
        entropy: impl Into<Entropy>,
        spawn_key: Vec<u64>,
        pool_size: usize,
        n_children_spawned: u64,
    ) -> Result<Self> {
        let entropy = entropy.into();
        if entropy.negative {
            return Err(Error::Seed(SeedError::Negative));
        }
        if pool_size < DEFAULT_POOL_SIZE {
            return Err(Error::PoolSize { min: DEFAULT_POOL_SIZE });
        }
        // NumPy allocates the pool as an array: a pool too large is its MemoryError.
        let pool = try_vec(pool_size, &[pool_size], "uint32")?;
        let mut ss = SeedSequence { entropy, spawn_key, pool_size, n_children_spawned, pool: Vec::new() };
        ss.pool = ss.mix_entropy(pool);
        Ok(ss)
    }

    fn assembled(&self) -> Vec<u32> {
        let mut run = self.entropy.words.clone();
        let key: Vec<u32> = self.spawn_key.iter().flat_map(|&k| Entropy::int(u128::from(k))).collect();
        if !key.is_empty() && run.len() < self.pool_size {
            run.resize(self.pool_size, 0);
        }
        run.extend_from_slice(&key);
        run
    }

    /// The mixed pool, built in `pool` (an empty buffer, allocated by the caller).
    fn mix_entropy(&self, mut pool: Vec<u32>) -> Vec<u32> {
        let entropy = self.assembled();
        let mut hash_const = INIT_A;
        pool.extend((0..self.pool_size).map(|i| hashmix(entropy.get(i).copied().unwrap_or(0), &mut hash_const)));
        for src in 0..self.pool_size {
            for dst in 0..self.pool_size {
                if src != dst {
                    let h = hashmix(pool[src], &mut hash_const);
                    pool[dst] = mix(pool[dst], h);
                }
            }
        }
        for &e in entropy.iter().skip(self.pool_size) {
            for p in &mut pool {
                let h = hashmix(e, &mut hash_const);
                *p = mix(*p, h);
            }
        }
        pool
    }

    /// The entropy this sequence was built from.
    #[must_use]
    pub fn entropy(&self) -> &Entropy {
        &self.entropy
    }

    /// The spawn key: the path of child indices from the root sequence.
    #[must_use]
    pub fn spawn_key(&self) -> &[u64] {
        &self.spawn_key
    }

    /// The pool size in 32-bit words.
    #[must_use]
    pub fn pool_size(&self) -> usize {
        self.pool_size
    }

    /// How many children [`spawn`](Self::spawn) has handed out so far.
    #[must_use]
    pub fn n_children_spawned(&self) -> u64 {
        self.n_children_spawned
    }

    /// The mixed entropy pool.
    #[must_use]
    pub fn pool(&self) -> &[u32] {
        &self.pool
    }

    /// `n_words` 32-bit state words (`generate_state(n, np.uint32)`). Stateless: every call
    /// starts again from the pool.
    ///
    /// ```
    /// let ss = nprs_random::SeedSequence::new(42);
    /// assert_eq!(ss.generate_state(2).unwrap(), vec![0xcd54_0ab7, 0x9f1e_2e6d]);
    /// ```
    ///
    /// # Errors
    /// NumPy's `MemoryError` when the words cannot be allocated.
    pub fn generate_state(&self, n_words: usize) -> Result<Vec<u32>> {
        let mut out = try_vec(n_words, &[n_words], "uint32")?;
        out.extend(self.state_words(n_words));
        Ok(out)
    }

    /// `n_words` 64-bit state words (`generate_state(n, np.uint64)`): pairs of 32-bit words,
    /// low word first.
    ///
    /// # Errors
    /// NumPy's `MemoryError` when the words cannot be allocated.
    pub fn generate_state_u64(&self, n_words: usize) -> Result<Vec<u64>> {
        // NumPy draws the 2n 32-bit words first (the same bytes): its error names that array.
        let n32 = n_words.checked_mul(2).ok_or(nprs_core::Error::TooBig)?;
        let mut out = try_vec(n_words, &[n32], "uint32")?;
        out.extend(self.state_words_u64(n_words));
        Ok(out)
    }

    /// The 32-bit state words as an iterator (the seeding paths take a few of them).
    pub(crate) fn state_words(&self, n_words: usize) -> impl Iterator<Item = u32> + '_ {
        let mut hash_const = INIT_B;
        (0..n_words).map(move |i| {
            let mut v = self.pool[i % self.pool_size] ^ hash_const;
            hash_const = hash_const.wrapping_mul(MULT_B);
            v = v.wrapping_mul(hash_const);
            v ^ (v >> XSHIFT)
        })
    }

    /// The 64-bit state words as an iterator: pairs of 32-bit words, low word first.
    pub(crate) fn state_words_u64(&self, n_words: usize) -> impl Iterator<Item = u64> + '_ {
        let mut w = self.state_words(2 * n_words);
        (0..n_words).map(move |_| {
            let lo = w.next().unwrap_or(0);
            let hi = w.next().unwrap_or(0);
            u64::from(lo) | (u64::from(hi) << 32)
        })
    }

    /// `n_children` independent child sequences; numbering continues across calls.
    ///
    /// # Errors
    /// NumPy's `MemoryError` when the children cannot be allocated (nothing is counted as
    /// spawned then).
    pub fn spawn(&mut self, n_children: usize) -> Result<Vec<SeedSequence>> {
        // Each child holds its entropy, key and pool on the heap besides itself.
        let per_child = size_of::<SeedSequence>()
            + 4 * (self.entropy.words.len() + self.pool_size)
            + 8 * (self.spawn_key.len() + 1);
        if n_children.checked_mul(per_child).is_none_or(|b| b > isize::MAX as usize) {
            return Err(nprs_core::Error::TooBig.into());
        }
        let mut children = try_vec(n_children, &[n_children], "object")?;
        let start = self.n_children_spawned;
        children.extend((0..n_children as u64).map(|i| {
            let mut key = self.spawn_key.clone();
            key.push(start + i);
            let mut c = SeedSequence {
                entropy: self.entropy.clone(),
                spawn_key: key,
                pool_size: self.pool_size,
                n_children_spawned: 0,
                pool: Vec::new(),
            };
            c.pool = c.mix_entropy(Vec::with_capacity(self.pool_size));
            c
        }));
        self.n_children_spawned += n_children as u64;
        Ok(children)
    }
}
