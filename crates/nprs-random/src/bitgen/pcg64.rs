//! PCG64 (XSL-RR 128/64) and PCG64DXSM, NumPy's default and "cheap multiplier" PCG variants.

use super::{BitGenerator, SeedableBitGenerator, impl_rand_core};
use crate::seed_sequence::SeedSequence;

const MULT: u128 = 0x2360_ed05_1fc6_5da4_4385_df64_9fcc_f645;
const CHEAP_MULT: u64 = 0xda94_2042_e4dd_58b5;
const JUMP_STEP: u128 = 0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835;

/// The state of a PCG64 or PCG64DXSM generator, as `bit_generator.state` reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pcg64State {
    /// The 128-bit LCG state.
    pub state: u128,
    /// The increment (always odd).
    pub inc: u128,
    /// Whether a 32-bit half is buffered.
    pub has_uint32: bool,
    /// The buffered high half of the last 64-bit draw.
    pub uinteger: u32,
}

/// `acc_mult * state + acc_plus` for `delta` LCG steps, by binary powering.
fn lcg_advance(state: u128, delta: u128, mut cur_mult: u128, mut cur_plus: u128) -> u128 {
    let (mut acc_mult, mut acc_plus) = (1u128, 0u128);
    let mut delta = delta;
    while delta > 0 {
        if delta & 1 == 1 {
            acc_mult = acc_mult.wrapping_mul(cur_mult);
            acc_plus = acc_plus.wrapping_mul(cur_mult).wrapping_add(cur_plus);
        }
        cur_plus = cur_mult.wrapping_add(1).wrapping_mul(cur_plus);
        cur_mult = cur_mult.wrapping_mul(cur_mult);
        delta >>= 1;
    }
    acc_mult.wrapping_mul(state).wrapping_add(acc_plus)
}

/// Seeds state and increment from a seed sequence (shared by both variants).
fn seeded(ss: &SeedSequence) -> (u128, u128) {
    let v = ss.state_words_u64(4).collect::<Vec<u64>>();
    let initstate = (u128::from(v[0]) << 64) | u128::from(v[1]);
    let initseq = (u128::from(v[2]) << 64) | u128::from(v[3]);
    let inc = (initseq << 1) | 1;
    let mut state = inc; // 0 * MULT + inc
    state = state.wrapping_add(initstate);
    state = state.wrapping_mul(MULT).wrapping_add(inc);
    (state, inc)
}

macro_rules! pcg_common {
    ($name:ident, $numpy:literal, $mult:expr) => {
        impl $name {
            /// The generator NumPy builds from `seed` (any integer or sequence, through
            /// [`SeedSequence`]).
            ///
            /// # Panics
            /// On a negative seed.
            #[track_caller]
            #[must_use]
            pub fn new(seed: impl Into<crate::Entropy>) -> Self {
                Self::from_seed_seq(SeedSequence::new(seed))
            }

            /// A generator seeded from operating-system entropy (`seed=None`).
            #[must_use]
            pub fn from_os() -> Self {
                Self::from_seed_seq(SeedSequence::from_os())
            }

            /// A generator in the given state, with no seed sequence (it cannot spawn).
            #[must_use]
            pub fn from_state(state: Pcg64State) -> Self {
                $name {
                    state: state.state,
                    inc: state.inc,
                    has_uint32: state.has_uint32,
                    uinteger: state.uinteger,
                    seed_seq: None,
                }
            }

            /// The current state.
            #[must_use]
            pub fn state(&self) -> Pcg64State {
                Pcg64State { state: self.state, inc: self.inc, has_uint32: self.has_uint32, uinteger: self.uinteger }
            }

            /// Sets the state (the seed sequence is kept).
            pub fn set_state(&mut self, state: Pcg64State) {
                self.state = state.state;
                self.inc = state.inc;
                self.has_uint32 = state.has_uint32;
                self.uinteger = state.uinteger;
            }

            #[doc = concat!("Advances the stream as if `delta` 64-bit draws were made (`", $numpy, ".advance`);")]
            /// `delta` is taken mod 2^128, so negative values step back. Clears the 32-bit buffer.
            pub fn advance(&mut self, delta: i128) -> &mut Self {
                self.state = lcg_advance(self.state, delta as u128, $mult, self.inc);
                self.has_uint32 = false;
                self.uinteger = 0;
                self
            }

            /// A copy advanced by `jumps` times 0x9e3779b97f4a7c15f39cc0605cedc835 steps
            #[doc = concat!("(`", $numpy, ".jumped`). Like NumPy, the copy gets a fresh")]
            /// operating-system seed sequence, so its spawned children are not reproducible.
            #[must_use]
            pub fn jumped(&self, jumps: u128) -> Self {
                let mut g = self.clone();
                g.seed_seq = Some(SeedSequence::from_os());
                g.advance(jumps.wrapping_mul(JUMP_STEP) as i128);
                g
            }
        }

        impl SeedableBitGenerator for $name {
            fn from_seed_seq(seed_seq: SeedSequence) -> Self {
                let (state, inc) = seeded(&seed_seq);
                $name { state, inc, has_uint32: false, uinteger: 0, seed_seq: Some(seed_seq) }
            }
        }

        impl_rand_core!($name);
    };
}

/// NumPy's `PCG64`: the permuted congruential generator XSL-RR 128/64, NumPy's default.
///
/// ```
/// use nprs_random::{BitGenerator, Pcg64};
/// let mut bg = Pcg64::new(42);
/// assert_eq!(bg.next_uint64(), 0xc621_fbcd_16d9_2688);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64 {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
    seed_seq: Option<SeedSequence>,
}

pcg_common!(Pcg64, "PCG64", MULT);

impl BitGenerator for Pcg64 {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        self.state = self.state.wrapping_mul(MULT).wrapping_add(self.inc);
        let hi = (self.state >> 64) as u64;
        let lo = self.state as u64;
        (hi ^ lo).rotate_right((hi >> 58) as u32)
    }
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let x = self.next_uint64();
        self.has_uint32 = true;
        self.uinteger = (x >> 32) as u32;
        x as u32
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        self.seed_seq.as_mut()
    }
}

/// NumPy's `PCG64DXSM`: PCG64 with the "double xorshift multiply" output and a 64-bit multiplier.
///
/// ```
/// use nprs_random::{BitGenerator, Pcg64Dxsm};
/// let mut bg = Pcg64Dxsm::new(42);
/// assert_eq!(bg.next_uint64(), 0xab1c_5033_8e63_481d);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pcg64Dxsm {
    state: u128,
    inc: u128,
    has_uint32: bool,
    uinteger: u32,
    seed_seq: Option<SeedSequence>,
}

pcg_common!(Pcg64Dxsm, "PCG64DXSM", CHEAP_MULT as u128);

impl BitGenerator for Pcg64Dxsm {
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        let mut hi = (self.state >> 64) as u64;
        let lo = (self.state as u64) | 1;
        hi ^= hi >> 32;
        hi = hi.wrapping_mul(CHEAP_MULT);
        hi ^= hi >> 48;
        hi = hi.wrapping_mul(lo);
        self.state = self.state.wrapping_mul(u128::from(CHEAP_MULT)).wrapping_add(self.inc);
        hi
    }
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        if self.has_uint32 {
            self.has_uint32 = false;
            return self.uinteger;
        }
        let x = self.next_uint64();
        self.has_uint32 = true;
        self.uinteger = (x >> 32) as u32;
        x as u32
    }
    fn seed_seq(&self) -> Option<&SeedSequence> {
        self.seed_seq.as_ref()
    }
    fn seed_seq_mut(&mut self) -> Option<&mut SeedSequence> {
        self.seed_seq.as_mut()
    }
}
