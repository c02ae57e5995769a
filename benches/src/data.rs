//! Deterministic inputs, generated bit-identically here and in `benches/numpy_compare.py`.
//!
//! Element `i` of stream `seed` comes from the SplitMix64 output function applied to the
//! counter `(i + 1) * GAMMA + seed * SEED_MIX` (all arithmetic wrapping modulo 2^64). The
//! Python side computes the same thing with `uint64` arrays, which wrap the same way, so
//! both sides hold exactly the same inputs.

/// The counter increment (SplitMix64's golden gamma).
pub const GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;
/// Multiplier that separates the streams of different seeds.
pub const SEED_MIX: u64 = 0xD1B5_4A32_D192_ED03;

/// The 64 random bits of element `i` of stream `seed`.
#[inline]
#[must_use]
pub fn bits_at(i: u64, seed: u64) -> u64 {
    let mut z = (i + 1).wrapping_mul(GAMMA).wrapping_add(seed.wrapping_mul(SEED_MIX));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `n` random 64-bit words of stream `seed` (`bits(n, seed)` in Python).
#[must_use]
pub fn bits(n: usize, seed: u64) -> Vec<u64> {
    (0..n as u64).map(|i| bits_at(i, seed)).collect()
}

/// `n` doubles uniform in `[0, 1)`: the top 53 bits of each word times 2^-53
/// (`uniform(n, seed)` in Python). Both steps are exact, so both sides agree bit for bit.
#[must_use]
pub fn uniform(n: usize, seed: u64) -> Vec<f64> {
    const SCALE: f64 = 1.0 / (1u64 << 53) as f64;
    (0..n as u64).map(|i| (bits_at(i, seed) >> 11) as f64 * SCALE).collect()
}

/// `n` indices in `0..high`: each word modulo `high` (`indices(n, high, seed)` in Python).
///
/// # Panics
/// If `high` is zero.
#[must_use]
pub fn indices(n: usize, high: u64, seed: u64) -> Vec<i64> {
    assert!(high > 0, "indices: high must be positive");
    (0..n as u64).map(|i| (bits_at(i, seed) % high) as i64).collect()
}

/// `n` booleans, each the top bit of its word (`mask(n, seed)` in Python): about half true.
#[must_use]
pub fn mask(n: usize, seed: u64) -> Vec<bool> {
    (0..n as u64).map(|i| bits_at(i, seed) >> 63 == 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_differ_and_repeat() {
        assert_eq!(bits(4, 1), bits(4, 1));
        assert_ne!(bits(4, 1), bits(4, 2));
        assert_eq!(bits(4, 1)[3], bits_at(3, 1));
    }

    #[test]
    fn uniform_is_in_unit_interval() {
        let u = uniform(10_000, 7);
        assert!(u.iter().all(|&x| (0.0..1.0).contains(&x)));
        let mean = u.iter().sum::<f64>() / u.len() as f64;
        assert!((mean - 0.5).abs() < 0.02, "mean {mean}");
    }

    #[test]
    fn indices_and_mask_cover_their_range() {
        let ix = indices(10_000, 10, 3);
        assert!(ix.iter().all(|&i| (0..10).contains(&i)));
        assert!((0..10).all(|k| ix.contains(&k)));
        let m = mask(10_000, 3);
        let t = m.iter().filter(|&&b| b).count();
        assert!((4_500..5_500).contains(&t), "true count {t}");
    }
}
