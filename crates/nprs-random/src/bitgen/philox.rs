//! Philox 4x64-10, NumPy's counter-based bit generator.

use super::{BitGenerator, SeedableBitGenerator, impl_rand_core};
use crate::seed_sequence::SeedSequence;

const ROUNDS: usize = 10;
const BUFFER_SIZE: usize = 4;

/// The state of a Philox generator, as `bit_generator.state` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhiloxState {
    /// The 256-bit counter, least significant word first.
    pub counter: [u64; 4],
    /// The 128-bit key, least significant word first.
    pub key: [u64; 2],
    /// The block of outputs being handed out.
    pub buffer: [u64; BUFFER_SIZE],
    /// The next index into `buffer` (4: compute a new block first).
    pub buffer_pos: usize,
    /// Whether a 32-bit half is buffered.
    pub has_uint32: bool,
    /// The buffered high half of the last 64-bit draw.
    pub uinteger: u32,
}

/// NumPy's `Philox` bit generator (Philox 4x64 with 10 rounds).
///
/// ```
/// use nprs_random::{BitGenerator, Philox};
/// let mut bg = Philox::new(0);
/// assert_eq!(bg.next_uint64(), 0x0399_e5b2_22b8_2fa9); // NumPy's philox-testset-2.csv
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Philox {
    st: PhiloxState,
    seed_seq: Option<SeedSequence>,
}

#[inline]
fn mulhilo(a: u64, b: u64) -> (u64, u64) {
    let p = u128::from(a) * u128::from(b);
    ((p >> 64) as u64, p as u64)
}

#[inline]
fn round(ctr: [u64; 4], key: [u64; 2]) -> [u64; 4] {
    let (hi0, lo0) = mulhilo(0xD2E7_470E_E14C_6C93, ctr[0]);
    let (hi1, lo1) = mulhilo(0xCA5A_8263_9512_1157, ctr[2]);
    [hi1 ^ ctr[1] ^ key[0], lo1, hi0 ^ ctr[3] ^ key[1], lo0]
}

fn philox4x64(mut ctr: [u64; 4], mut key: [u64; 2]) -> [u64; 4] {
    ctr = round(ctr, key);
    for _ in 1..ROUNDS {
        key[0] = key[0].wrapping_add(0x9E37_79B9_7F4A_7C15);
        key[1] = key[1].wrapping_add(0xBB67_AE85_84CA_A73B);
        ctr = round(ctr, key);
    }
    ctr
}

impl Philox {
    /// The generator NumPy builds from `seed` through [`SeedSequence`] (`Philox(seed)`).
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

    /// `Philox(seed_seq, counter=counter)`: the key from the seed sequence, the counter given.
    #[must_use]
    pub fn with_counter(seed_seq: SeedSequence, counter: [u64; 4]) -> Self {
        let mut g = Self::from_seed_seq(seed_seq);
        g.st.counter = counter;
        g
    }

    /// `Philox(key=key, counter=counter)`: an explicit key, no seed sequence (it cannot spawn).
    #[must_use]
    pub fn from_key(key: [u64; 2], counter: [u64; 4]) -> Self {
        Philox { st: Self::fresh(key, counter), seed_seq: None }
    }

    fn fresh(key: [u64; 2], counter: [u64; 4]) -> PhiloxState {
        PhiloxState { counter, key, buffer: [0; BUFFER_SIZE], buffer_pos: BUFFER_SIZE, has_uint32: false, uinteger: 0 }
    }

    /// A generator in the given state, with no seed sequence.
    #[must_use]
    pub fn from_state(state: PhiloxState) -> Self {
        Philox { st: state, seed_seq: None }
    }

    /// The current state.
    #[must_use]
    pub fn state(&self) -> PhiloxState {
        self.st
    }

    /// Sets the state (the seed sequence is kept).
    pub fn set_state(&mut self, state: PhiloxState) {
        self.st = state;
    }

    /// Advances the counter by a 256-bit `delta` (least significant word first), as
    /// `Philox.advance`; clears the output buffers.
    pub fn advance_words(&mut self, step: [u64; 4]) -> &mut Self {
        let v = &mut self.st.counter;
        let mut carry = false;
        for i in 0..4 {
            if carry {
                v[i] = v[i].wrapping_add(1);
                carry = v[i] == 0;
            }
            let orig = v[i];
            v[i] = v[i].wrapping_add(step[i]);
            if v[i] < orig && !carry {
                carry = true;
            }
        }
        let (key, counter) = (self.st.key, self.st.counter);
        self.st = Self::fresh(key, counter);
        self
    }

    /// Advances as if `delta` draws were made (`Philox.advance(delta)`); negative values are
    /// taken mod 2^256, as NumPy wraps them.
    pub fn advance(&mut self, delta: i128) -> &mut Self {
        let fill = if delta < 0 { u64::MAX } else { 0 };
        self.advance_words([delta as u64, (delta >> 64) as u64, fill, fill])
    }

    /// A copy advanced by `jumps` × 2^128 draws (`Philox.jumped`). Like NumPy, the copy gets a
    /// fresh operating-system seed sequence.
    #[must_use]
    pub fn jumped(&self, jumps: u128) -> Self {
        let mut g = self.clone();
        g.seed_seq = Some(SeedSequence::from_os());
        g.advance_words([0, 0, jumps as u64, (jumps >> 64) as u64]);
        g
    }
}

impl SeedableBitGenerator for Philox {
    fn from_seed_seq(seed_seq: SeedSequence) -> Self {
        let k = seed_seq.state_words_u64(2).collect::<Vec<u64>>();
        Philox { st: Self::fresh([k[0], k[1]], [0; 4]), seed_seq: Some(seed_seq) }
    }
}

impl BitGenerator for Philox {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        let st = &mut self.st;
        if st.buffer_pos < BUFFER_SIZE {
            let out = st.buffer[st.buffer_pos];
            st.buffer_pos += 1;
            return out;
        }
        st.counter[0] = st.counter[0].wrapping_add(1);
        if st.counter[0] == 0 {
            st.counter[1] = st.counter[1].wrapping_add(1);
            if st.counter[1] == 0 {
                st.counter[2] = st.counter[2].wrapping_add(1);
                if st.counter[2] == 0 {
                    st.counter[3] = st.counter[3].wrapping_add(1);
                }
            }
        }
        st.buffer = philox4x64(st.counter, st.key);
        st.buffer_pos = 1;
        st.buffer[0]
    }
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        if self.st.has_uint32 {
            self.st.has_uint32 = false;
            return self.st.uinteger;
        }
        let x = self.next_uint64();
        self.st.has_uint32 = true;
        self.st.uinteger = (x >> 32) as u32;
        x as u32
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        self.seed_seq.as_mut()
    }
}

impl_rand_core!(Philox);
