//! Fresh entropy from the operating system, without extra dependencies.
//!
//! On Unix-like systems this reads `/dev/urandom`. Where that device does not exist the
//! fallback hashes the standard library's per-process random hasher keys (which the standard
//! library itself draws from the operating system) together with the time and a counter.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// 128 bits of operating-system entropy.
pub(crate) fn random_u128() -> u128 {
    let mut buf = [0u8; 16];
    if std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok() {
        return u128::from_le_bytes(buf);
    }
    let half = |salt: u64| {
        let mut h = RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            h.write_u128(t.as_nanos());
        }
        h.finish()
    };
    (u128::from(half(0x9e37_79b9_7f4a_7c15)) << 64) | u128::from(half(0xbb67_ae85_84ca_a73b))
}
