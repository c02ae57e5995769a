//! SFC64, Chris Doty-Humphrey's Small Fast Chaotic generator.

use super::{BitGenerator, SeedableBitGenerator, impl_rand_core};
use crate::seed_sequence::SeedSequence;

/// The state of an SFC64 generator, as `bit_generator.state` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sfc64State {
    /// The four state words (the last is the counter).
    pub state: [u64; 4],
    /// Whether a 32-bit half is buffered.
    pub has_uint32: bool,
    /// The buffered high half of the last 64-bit draw.
    pub uinteger: u32,
}

/// NumPy's `SFC64` bit generator.
///
/// ```
/// use nprs_random::{BitGenerator, Sfc64};
/// let mut bg = Sfc64::new(0);
/// assert_eq!(bg.next_uint64(), 0x9195_9e5f_b96a_6332); // NumPy's sfc64-testset-2.csv
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sfc64 {
    st: Sfc64State,
    seed_seq: Option<SeedSequence>,
}

#[inline]
fn step(s: &mut [u64; 4]) -> u64 {
    let tmp = s[0].wrapping_add(s[1]).wrapping_add(s[3]);
    s[3] = s[3].wrapping_add(1);
    s[0] = s[1] ^ (s[1] >> 11);
    s[1] = s[2].wrapping_add(s[2] << 3);
    s[2] = s[2].rotate_left(24).wrapping_add(tmp);
    tmp
}

impl Sfc64 {
    /// The generator NumPy builds from `seed` through [`SeedSequence`] (`SFC64(seed)`).
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

    /// A generator in the given state, with no seed sequence.
    #[must_use]
    pub fn from_state(state: Sfc64State) -> Self {
        Sfc64 { st: state, seed_seq: None }
    }

    /// The current state.
    #[must_use]
    pub fn state(&self) -> Sfc64State {
        self.st
    }

    /// Sets the state (the seed sequence is kept).
    pub fn set_state(&mut self, state: Sfc64State) {
        self.st = state;
    }
}

impl SeedableBitGenerator for Sfc64 {
    fn from_seed_seq(seed_seq: SeedSequence) -> Self {
        let v = seed_seq.state_words_u64(3).collect::<Vec<u64>>();
        let mut s = [v[0], v[1], v[2], 1];
        for _ in 0..12 {
            step(&mut s);
        }
        Sfc64 { st: Sfc64State { state: s, has_uint32: false, uinteger: 0 }, seed_seq: Some(seed_seq) }
    }
}

impl BitGenerator for Sfc64 {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        step(&mut self.st.state)
    }
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        if self.st.has_uint32 {
            self.st.has_uint32 = false;
            return self.st.uinteger;
        }
        let x = step(&mut self.st.state);
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

impl_rand_core!(Sfc64);
