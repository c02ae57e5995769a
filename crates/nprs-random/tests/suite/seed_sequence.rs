//! SeedSequence against NumPy: entropy words, pools, generate_state, spawn.

use crate::common;

use common::{check_err, int, items};
use nprs_core::Array;
use nprs_random::{Entropy, SeedSequence};
use nprs_testkit::oracle;

fn entropies() -> Vec<(&'static str, Entropy)> {
    let big = {
        // 2**200 + 7 * 2**100 + 12345, little-endian bytes
        let mut b = vec![0u8; 26];
        b[0..4].copy_from_slice(&12345u32.to_le_bytes());
        b[12] = 7 << 4; // 7 * 2**100 = 7 << 100 = byte 12, bit 4
        b[25] = 1; // 2**200 = byte 25, bit 0
        Entropy::from_le_bytes(&b)
    };
    vec![
        ("0", Entropy::from(0u32)),
        ("42", Entropy::from(42)),
        ("12345", Entropy::from(12345u64)),
        ("2p32", Entropy::from(1u64 << 32)),
        ("2p64p5", Entropy::from((1u128 << 64) + 5)),
        ("2p128p1", Entropy::from_le_bytes(&[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
        ("big", big),
        ("seq123", Entropy::from(vec![1u32, 2, 3])),
        ("seq6", Entropy::from([1, 2, 3, 4, 5, 6])),
        ("empty", Entropy::from(Vec::<u32>::new())),
        ("seq_wide", Entropy::from(vec![1u64 << 40, 5])),
        ("u32max", Entropy::from(u32::MAX)),
    ]
}

#[test]
fn pools_and_states() {
    let o = oracle("random/seed_sequence");
    for (name, e) in entropies() {
        let ss = SeedSequence::new(e);
        o.case(&format!("pool_{name}")).check(&Array::from_vec(ss.pool().to_vec()));
        o.case(&format!("gen4_{name}")).check(&Array::from_vec(ss.generate_state(4).unwrap()));
        o.case(&format!("gen64_{name}")).check(&Array::from_vec(ss.generate_state_u64(3).unwrap()));
    }
    let ss = SeedSequence::new(42);
    o.case("gen9_42").check(&Array::from_vec(ss.generate_state(9).unwrap()));
    o.case("gen64_5_42").check(&Array::from_vec(ss.generate_state_u64(5).unwrap()));
    o.case("gen0_42").check(&Array::from_vec(ss.generate_state(0).unwrap()));
    o.case("trailing_zero").check(&Array::from_vec(SeedSequence::new([42, 0]).generate_state(4).unwrap()));
}

#[test]
fn spawn_matches_numpy() {
    let o = oracle("random/seed_sequence");
    let mut ss = SeedSequence::new(42);
    let mut kids = ss.spawn(2).unwrap();
    kids.extend(ss.spawn(1).unwrap());
    let c = o.case("spawn_42");
    for (i, k) in kids.iter().enumerate() {
        c.check_item(i, &Array::from_vec(k.generate_state(4).unwrap()));
    }
    c.assert_eq(int(&items(c)[3]), i128::from(ss.n_children_spawned()));
    let keys = o.case("spawn_keys_42");
    for (i, k) in kids.iter().enumerate() {
        keys.assert_eq(common::ints(&items(keys)[i]), k.spawn_key().iter().map(|&x| i128::from(x)).collect::<Vec<_>>());
    }
    let mut ss = SeedSequence::new(42);
    let g = ss.spawn(1).unwrap()[0].spawn(2).unwrap()[1].generate_state(4).unwrap();
    o.case("grandchild_42").check(&Array::from_vec(g));
}

#[test]
fn spawn_keys_and_pool_sizes() {
    let o = oracle("random/seed_sequence");
    let with = |e: Entropy, key: Vec<u64>, pool: usize| SeedSequence::try_with(e, key, pool, 0).unwrap();
    o.case("spawn_key_7").check(&Array::from_vec(with(42.into(), vec![7], 4).generate_state(4).unwrap()));
    o.case("spawn_key_7_padded")
        .check(&Array::from_vec(with([42, 0, 0, 0].into(), vec![7], 4).generate_state(4).unwrap()));
    o.case("spawn_key_long")
        .check(&Array::from_vec(with([1, 2, 3, 4, 5].into(), vec![3, 1 << 40], 4).generate_state(4).unwrap()));
    o.case("pool_size_8").check(&Array::from_vec(with(42.into(), vec![], 8).generate_state(8).unwrap()));
    let mut b = vec![0u8; 38];
    b[0] = 1;
    b[37] = 1 << 4; // 2**300 = byte 37, bit 4
    o.case("pool_size_8_pool").check(&Array::from_vec(with(Entropy::from_le_bytes(&b), vec![], 8).pool().to_vec()));
}

#[test]
fn seed_errors() {
    let o = oracle("random/seed_sequence");
    check_err(o.case("err_negative"), SeedSequence::try_new(-1));
    check_err(o.case("err_negative_elem"), SeedSequence::try_new(vec![1, -1]));
    check_err(o.case("err_pool_size"), SeedSequence::try_with(0, vec![], 3, 0));
}
