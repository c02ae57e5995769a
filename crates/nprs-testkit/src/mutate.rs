//! A deterministic mutation fuzzer: a fixed-seed generator, a byte mutator that knows the
//! `.npy` layout, and a driver that feeds mutated seeds to a target for a bounded time.
//! The same target bodies run under libFuzzer from the repository's `fuzz/` directory.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// xorshift64*: a small fixed-seed generator, so every run tries the same inputs.
#[derive(Clone, Debug)]
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const INTERESTING: [&[u8]; 12] =
    [b"0", b"99999999999", b"-1", b"(", b")", b",", b"'", b"[", b"]", b"\\", b"4294967296, 4294967296", b"'|O'"];

/// A mutated copy of `seed`: one to four rounds of bit flips, byte changes, truncation,
/// deletion, duplication, spliced tokens, and the `.npy` fields that matter (header
/// length, version byte, shape).
#[must_use]
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        if b.is_empty() {
            b.push(0);
        }
        match rng.below(9) {
            0 => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(b.len());
                b[i] = rng.next_u64() as u8;
            }
            2 => b.truncate(rng.below(b.len())),
            3 => {
                // The header length field (bytes 8..12).
                if b.len() > 12 {
                    let v = match rng.below(4) {
                        0 => 0u32,
                        1 => u32::MAX,
                        2 => rng.next_u64() as u32,
                        _ => (b.len() as u32).wrapping_add(rng.below(64) as u32).wrapping_sub(32),
                    };
                    let w = if b[6] == 1 { 2 } else { 4 };
                    b[8..8 + w].copy_from_slice(&v.to_le_bytes()[..w]);
                }
            }
            4 => {
                // Inflate a shape: put digits after "'shape': (".
                if let Some(p) = b.windows(10).position(|w| w == b"'shape': (") {
                    let digits = ["9", "99999", "9999999999", "99999999999999999999"][rng.below(4)];
                    let at = p + 10;
                    b.splice(at..at, digits.bytes());
                }
            }
            5 => {
                let i = rng.below(b.len());
                let s = INTERESTING[rng.below(INTERESTING.len())];
                b.splice(i..i, s.iter().copied());
            }
            6 => {
                let i = rng.below(b.len());
                let n = 1 + rng.below(8.min(b.len() - i));
                b.drain(i..i + n);
            }
            7 => {
                // Duplicate a slice elsewhere.
                let i = rng.below(b.len());
                let n = rng.below(32.min(b.len() - i)) + 1;
                let piece: Vec<u8> = b[i..i + n].to_vec();
                let j = rng.below(b.len());
                b.splice(j..j, piece);
            }
            _ => {
                // Version byte.
                if b.len() > 7 {
                    b[6] = [1, 2, 3, 0, 255][rng.below(5)];
                }
            }
        }
    }
    b
}

/// Feeds `target` mutated copies of `seeds` (and the seeds themselves first) until
/// `budget` has passed or `max_inputs` inputs were tried; returns the number tried.
///
/// # Panics
/// When the target panics, naming the target and showing the input (as bytes and as
/// text), so that the failure can be replayed.
pub fn drive(name: &str, seeds: &[Vec<u8>], budget: Duration, max_inputs: usize, target: impl Fn(&[u8])) -> usize {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let mut rng =
        Rng(0x9e37_79b9_7f4a_7c15 ^ name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b.into())));
    let start = Instant::now();
    let mut n = 0;
    while n < max_inputs && (n < seeds.len() || start.elapsed() < budget) {
        let input = if n < seeds.len() {
            seeds[n].clone()
        } else {
            let seed = &seeds[rng.below(seeds.len())];
            mutate(&mut rng, seed)
        };
        if catch_unwind(AssertUnwindSafe(|| target(&input))).is_err() {
            panic!(
                "{name}: the target panicked on input {n} ({} bytes): {:02x?}\n  as text: {:?}",
                input.len(),
                &input[..input.len().min(400)],
                String::from_utf8_lossy(&input[..input.len().min(400)])
            );
        }
        n += 1;
    }
    n
}
