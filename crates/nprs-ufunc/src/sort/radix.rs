//! LSD radix sort over order-preserving unsigned keys.
//!
//! Every element type that NumPy orders by a plain `<` (bool, integers, floats with NaN
//! last and `-0.0 == 0.0`) maps to an unsigned key whose integer order is NumPy's order;
//! the elements themselves (not the keys) are moved, so NaN payloads and the sign of zero
//! survive. Least-significant-digit radix sort is stable: it serves the stable kinds
//! (`sort` and `argsort`), and the unstable kinds where the AVX-512 kernels cannot run.
//! Below [`RADIX_MIN`] elements a comparison sort (pattern-defeating quicksort, or std's
//! stable merge sort for the stable kinds) is faster.

use nprs_core::{Array, Element};

/// Inputs shorter than this use a comparison sort.
pub(crate) const RADIX_MIN: usize = 256;

/// An unsigned key whose integer order is the sort order.
pub(crate) trait RadixKey: Copy + Ord + Send + Sync {
    /// Bits in the key.
    const BITS: u32;
    /// The key widened to 64 bits.
    fn wide(self) -> u64;
}

macro_rules! radix_key {
    ($($t:ty),*) => {$(
        impl RadixKey for $t {
            const BITS: u32 = <$t>::BITS;
            #[inline(always)]
            fn wide(self) -> u64 {
                u64::from(self)
            }
        }
    )*};
}
radix_key!(u8, u16, u32, u64);

/// The digit width for a key of `bits` bits and `n` elements.
fn digit_bits(bits: u32, n: usize) -> u32 {
    match bits {
        8 => 8,
        16 if n >= 1 << 16 => 16,
        16 => 8,
        _ => 11,
    }
}

/// Sorts `v` by `key` (stable). `stable` only chooses the comparison sort used below
/// [`RADIX_MIN`].
pub(crate) fn sort_by_key<T: Element, K: RadixKey>(v: &mut [T], key: impl Fn(T) -> K + Copy, stable: bool) {
    let n = v.len();
    if n < RADIX_MIN {
        if stable {
            v.sort_by_key(|&x| key(x));
        } else {
            v.sort_unstable_by_key(|&x| key(x));
        }
        return;
    }
    // The scratch buffer comes from nprs-core's allocator: huge pages and reuse of recently
    // freed large buffers spare the page faults of a fresh buffer on every call.
    match Array::<T>::zeros(&[n]) {
        Ok(mut scratch) => match scratch.as_slice_mut() {
            Some(buf) => radix(v, buf, key),
            None => radix(v, &mut v.to_vec(), key),
        },
        Err(_) => radix(v, &mut v.to_vec(), key),
    }
}

/// The LSD passes: one read for all histograms, then one scatter per digit that is not
/// the same for every element.
fn radix<T: Copy, K: RadixKey>(v: &mut [T], buf: &mut [T], key: impl Fn(T) -> K + Copy) {
    let n = v.len();
    let db = digit_bits(K::BITS, n);
    let passes = K::BITS.div_ceil(db) as usize;
    let buckets = 1usize << db;
    let mask = (buckets - 1) as u64;
    let mut counts = vec![0usize; passes * buckets];
    for &x in v.iter() {
        let k = key(x).wide();
        for p in 0..passes {
            counts[p * buckets + ((k >> (p as u32 * db)) & mask) as usize] += 1;
        }
    }
    let mut in_v = true; // where the current order lives
    for p in 0..passes {
        let c = &mut counts[p * buckets..(p + 1) * buckets];
        if c.contains(&n) {
            continue; // every element has this digit
        }
        let mut sum = 0;
        for m in c.iter_mut() {
            let here = *m;
            *m = sum;
            sum += here;
        }
        let shift = p as u32 * db;
        let (src, dst): (&[T], &mut [T]) = if in_v { (&*v, &mut *buf) } else { (&*buf, &mut *v) };
        for &x in src {
            let d = ((key(x).wide() >> shift) & mask) as usize;
            dst[c[d]] = x;
            c[d] += 1;
        }
        in_v = !in_v;
    }
    if !in_v {
        v.copy_from_slice(buf);
    }
}

/// The indices that sort `v` by `key`, stably, written to `out` (`out.len() == v.len()`).
pub(crate) fn argsort_by_key<T: Copy, K: RadixKey>(v: &[T], key: impl Fn(T) -> K + Copy, out: &mut [i64]) {
    let n = v.len();
    if n < RADIX_MIN || u32::try_from(n).is_err() {
        let mut idx: Vec<usize> = (0..n).collect();
        idx.sort_by_key(|&i| key(v[i]));
        for (o, i) in out.iter_mut().zip(idx) {
            *o = i as i64;
        }
        return;
    }
    let mut pairs: Vec<(K, u32)> = v.iter().enumerate().map(|(i, &x)| (key(x), i as u32)).collect();
    let mut buf = pairs.clone();
    radix(&mut pairs, &mut buf, |p: (K, u32)| p.0);
    for (o, p) in out.iter_mut().zip(pairs) {
        *o = i64::from(p.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lcg(n: usize, seed: u64) -> Vec<u64> {
        let mut s = seed;
        (0..n)
            .map(|_| {
                s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                s >> 7
            })
            .collect()
    }

    #[test]
    fn radix_matches_std_at_and_around_the_threshold() {
        for n in [0, 1, 2, RADIX_MIN - 1, RADIX_MIN, RADIX_MIN + 1, 5000, 70_000] {
            let v = lcg(n, n as u64);
            for shift in [0u32, 40, 56] {
                let mut a: Vec<u64> = v.iter().map(|x| x >> shift).collect();
                let mut want = a.clone();
                want.sort_unstable();
                sort_by_key(&mut a, |x| x, false);
                assert_eq!(a, want, "n={n} shift={shift}");
                let b: Vec<u16> = v.iter().map(|&x| (x >> shift) as u16).collect();
                let mut idx = vec![0i64; n];
                argsort_by_key(&b, |x| x, &mut idx);
                let mut want_idx: Vec<i64> = (0..n as i64).collect();
                want_idx.sort_by_key(|&i| b[i as usize]);
                assert_eq!(idx, want_idx, "n={n} shift={shift}");
            }
        }
    }
}
