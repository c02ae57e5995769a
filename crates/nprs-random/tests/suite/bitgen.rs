//! Bit generators against NumPy: raw streams, NumPy's own test sets, seeding, state,
//! advance/jumped, spawning, and the rand_core integration.

use crate::common;

use common::{check_err, check_scalar, fnv_u32, fnv_u64, int, ints, items};
use nprs_core::Array;
use nprs_random::{
    BitGenerator, Entropy, Generator, Mt19937, Pcg64, Pcg64Dxsm, Philox, SeedSequence, SeedableBitGenerator, Sfc64,
    default_rng,
};
use nprs_testkit::oracle;

fn seeds() -> Vec<(&'static str, Entropy)> {
    vec![
        ("0", Entropy::from(0)),
        ("42", Entropy::from(42)),
        ("big", Entropy::from((1u128 << 100) + 3)),
        ("seq", Entropy::from([1, 2, 3])),
    ]
}

fn check_streams<B: SeedableBitGenerator>(name: &str) {
    let o = oracle("random/bitgen");
    for (s, e) in seeds() {
        let mut bg = B::from_seed_seq(SeedSequence::new(e));
        o.case(&format!("raw_{name}_{s}")).check(&Array::from_vec(bg.random_raw(12).unwrap()));
    }
    let mk = || Generator::new(B::from_seed_seq(SeedSequence::new(42)));
    o.case(&format!("u32_{name}")).check(&mk().integers::<u32>(0, 1u64 << 32, 9).unwrap());
    o.case(&format!("double_{name}")).check(&mk().random(9).unwrap());
    o.case(&format!("f32_{name}")).check(&mk().random_f32(9).unwrap());
    for i in 1..=2 {
        let c = o.case(&format!("testset_{name}_{i}"));
        let it = items(c);
        let mut bg = B::from_seed_seq(SeedSequence::new(int(&it[0]) as u64));
        let vals = bg.random_raw(1000).unwrap();
        c.check_item(1, &Array::from_vec(vals[..8].to_vec()));
        c.assert_eq(int(&it[2]), i128::from(fnv_u64(&vals)));
    }
}

#[test]
fn pcg64_streams() {
    check_streams::<Pcg64>("PCG64");
}

#[test]
fn pcg64dxsm_streams() {
    check_streams::<Pcg64Dxsm>("PCG64DXSM");
}

#[test]
fn mt19937_streams() {
    check_streams::<Mt19937>("MT19937");
}

#[test]
fn philox_streams() {
    check_streams::<Philox>("Philox");
}

#[test]
fn sfc64_streams() {
    check_streams::<Sfc64>("SFC64");
}

fn words(x: u128) -> [i128; 2] {
    [(x >> 64) as i128, (x as u64) as i128]
}

#[test]
fn pcg_state_advance_jump() {
    let o = oracle("random/bitgen");
    macro_rules! pcg {
        ($t:ty, $name:literal) => {{
            let st = <$t>::new(42).state();
            let mut want = words(st.state).to_vec();
            want.extend(words(st.inc));
            o.case(concat!("state_", $name, "_42")).check_with(ints, want);
            let mut bg = <$t>::new(42);
            bg.advance((1i128 << 64) + 3);
            o.case(concat!("advance_", $name)).check_with(ints, words(bg.state().state).to_vec());
            let mut bg = <$t>::new(7);
            bg.random_raw(10).unwrap();
            bg.advance(-10);
            o.case(concat!("advance_back_", $name)).check(&Array::from_vec(bg.random_raw(3).unwrap()));
            let mut bg = <$t>::new(7);
            Generator::new(&mut bg).integers::<u32>(0, 1u64 << 32, ()).unwrap();
            bg.advance(1);
            o.case(concat!("advance_buffer_", $name))
                .check(&Generator::new(&mut bg).integers::<u32>(0, 1u64 << 32, 3).unwrap());
            let mut j = <$t>::new(42).jumped(1);
            let c = o.case(concat!("jumped_", $name));
            c.assert_eq(ints(&items(c)[0]), words(j.state().state).to_vec());
            c.check_item(1, &Array::from_vec(j.random_raw(4).unwrap()));
            o.case(concat!("jumped3_", $name)).check(&Array::from_vec(<$t>::new(42).jumped(3).random_raw(4).unwrap()));
        }};
    }
    pcg!(Pcg64, "PCG64");
    pcg!(Pcg64Dxsm, "PCG64DXSM");
}

#[test]
fn mt19937_state_jump_and_legacy_seeding() {
    let o = oracle("random/bitgen");
    let check_state = |name: &str, bg: &Mt19937| {
        let c = o.case(name);
        let it = items(c);
        let st = bg.state();
        c.assert_eq(int(&it[0]), st.pos as i128);
        c.check_item(1, &Array::from_vec(st.key[..6].to_vec()));
        c.assert_eq(int(&it[2]), i128::from(fnv_u32(&st.key)));
    };
    check_state("state_MT19937_42", &Mt19937::new(42));
    check_state("legacy_MT19937_int", &Mt19937::legacy_seeded(12345));
    let mut bg = Mt19937::legacy_seeded(0);
    bg.legacy_seed_array(&[1, 2, 3, u32::MAX]).unwrap();
    check_state("legacy_MT19937_array", &bg);
    let mut bg = Mt19937::legacy_seeded(0);
    bg.legacy_seed_array(&(0..700).collect::<Vec<u32>>()).unwrap();
    o.case("legacy_MT19937_long_array").check_with(int, i128::from(fnv_u32(&bg.state().key)));

    for (name, mut j) in [
        ("jumped_MT19937", Mt19937::new(42).jumped(1)),
        ("jumped_MT19937_mid", {
            let mut bg = Mt19937::new(5);
            bg.random_raw(100).unwrap();
            bg.jumped(2)
        }),
    ] {
        let c = o.case(name);
        let it = items(c);
        let st = j.state();
        c.assert_eq(int(&it[0]), st.pos as i128);
        c.assert_eq(int(&it[1]), i128::from(fnv_u32(&st.key)));
        c.check_item(2, &Array::from_vec(j.random_raw(6).unwrap()));
    }
}

#[test]
fn philox_state_advance_jump() {
    let o = oracle("random/bitgen");
    let st = Philox::new(42).state();
    let c = o.case("state_Philox_42");
    c.check_item(0, &Array::from_vec(st.key.to_vec()));
    c.check_item(1, &Array::from_vec(st.counter.to_vec()));
    c.assert_eq(int(&items(c)[2]), st.buffer_pos as i128);
    let mut bg = Philox::new(42);
    bg.advance((1i128 << 70) + 5);
    o.case("advance_Philox").check(&Array::from_vec(bg.random_raw(6).unwrap()));
    let mut bg = Philox::from_key([1, 2], [u64::MAX, u64::MAX, 5, 0]);
    bg.advance(3);
    let c = o.case("advance_Philox_carry");
    c.check_item(0, &Array::from_vec(bg.state().counter.to_vec()));
    c.check_item(1, &Array::from_vec(bg.random_raw(3).unwrap()));
    let mut bg = Philox::new(42);
    bg.advance(-1);
    let c = o.case("advance_Philox_negative");
    c.check_item(0, &Array::from_vec(bg.state().counter.to_vec()));
    c.check_item(1, &Array::from_vec(bg.random_raw(3).unwrap()));
    let mut bg = Philox::new(42);
    bg.random_raw(3).unwrap();
    let mut j = bg.jumped(2);
    let c = o.case("jumped_Philox");
    c.check_item(0, &Array::from_vec(j.state().counter.to_vec()));
    c.check_item(1, &Array::from_vec(j.random_raw(6).unwrap()));
    o.case("key_Philox").check(&Array::from_vec(Philox::from_key([123, 456], [7, 0, 0, 0]).random_raw(6).unwrap()));
    o.case("state_SFC64_42").check(&Array::from_vec(Sfc64::new(42).state().state.to_vec()));
}

#[test]
fn spawning() {
    let o = oracle("random/bitgen");
    let mut bg = Pcg64::new(42);
    let mut kids = bg.spawn(2).unwrap();
    kids.extend(bg.spawn(1).unwrap());
    let c = o.case("spawn_PCG64");
    for (i, k) in kids.iter_mut().enumerate() {
        c.check_item(i, &Array::from_vec(k.random_raw(2).unwrap()));
    }
    let c = o.case("spawn_Philox");
    for (i, k) in Philox::new(42).spawn(2).unwrap().iter_mut().enumerate() {
        c.check_item(i, &Array::from_vec(k.random_raw(2).unwrap()));
    }
    let mut rng = default_rng(42);
    let mut kids = rng.spawn(2).unwrap();
    kids.extend(rng.spawn(1).unwrap());
    let c = o.case("spawn_generator");
    for (i, k) in kids.iter_mut().enumerate() {
        c.assert_eq(common::float(&items(c)[i]).to_bits(), k.random_scalar().to_bits());
    }
    let ss = SeedSequence::try_with(42, vec![1], 4, 0).unwrap();
    check_scalar(o.case("spawn_key_generator"), Generator::new(Pcg64::from_seed_seq(ss)).random_scalar());
    check_err(o.case("err_spawn_keyed"), Philox::from_key([1, 2], [0; 4]).spawn(1));
}

#[test]
fn default_rng_seeds() {
    let o = oracle("random/bitgen");
    o.case("default_rng_seq").check(&default_rng([1, 2, 3]).random(3).unwrap());
    o.case("default_rng_ss").check(&default_rng(SeedSequence::new(7)).random(3).unwrap());
    o.case("default_rng_big").check(&default_rng((1u128 << 100) + 3).random(3).unwrap());
    o.case("default_rng_bitgen").check(&Generator::new(Philox::new(3)).random(3).unwrap());
    let mut bg = Pcg64::new(5);
    bg.random_raw(2).unwrap();
    o.case("default_rng_pcg").check(&default_rng(bg).random(3).unwrap());
}

#[test]
fn rand_core_traits() {
    use rand::RngExt;
    use rand_core::{Rng, SeedableRng};
    let o = oracle("random/bitgen");
    // `seed_from_u64(n)` is NumPy's `PCG64(n)`; `next_u64` is its raw stream.
    let mut bg = Pcg64::seed_from_u64(42);
    let raw: Vec<u64> = (0..12).map(|_| bg.next_u64()).collect();
    o.case("raw_PCG64_42").check(&Array::from_vec(raw));
    // `from_seed` takes a 128-bit little-endian integer seed.
    let mut bg = Mt19937::from_seed(((1u128 << 100) + 3).to_le_bytes());
    let raw: Vec<u64> = (0..12).map(|_| u64::from(bg.next_u32())).collect();
    o.case("raw_MT19937_big").check(&Array::from_vec(raw));
    // Every bit generator drives rand and rand_distr.
    fn drive<R: Rng>(mut r: R) -> f64 {
        let n: f64 = rand_distr::Distribution::sample(&rand_distr::Normal::new(10.0, 2.0).unwrap(), &mut r);
        let u: f64 = r.random_range(0.0..1.0);
        let k: u32 = r.random_range(0..10);
        assert!((0.0..1.0).contains(&u) && k < 10 && n.is_finite());
        let mut buf = [0u8; 13];
        r.fill_bytes(&mut buf);
        n
    }
    let a = drive(Philox::seed_from_u64(1));
    assert_eq!(a.to_bits(), drive(Philox::seed_from_u64(1)).to_bits(), "seeded runs repeat");
    drive(Sfc64::seed_from_u64(1));
    drive(Pcg64Dxsm::seed_from_u64(1));
    // A mean over many normal draws from rand_distr lands near the mean.
    let mut bg = Sfc64::seed_from_u64(5);
    let d = rand_distr::Normal::new(10.0, 2.0).unwrap();
    let m: f64 = (0..20_000).map(|_| rand_distr::Distribution::sample(&d, &mut bg)).sum::<f64>() / 20_000.0;
    assert!((m - 10.0).abs() < 0.1, "mean {m}");
    // A Generator is itself a rand source: its bit generator's stream.
    let mut g = default_rng(42);
    let raw: Vec<u64> = (0..12).map(|_| g.next_u64()).collect();
    o.case("raw_PCG64_42").check(&Array::from_vec(raw));
    drive(default_rng(9));
    // fill_bytes is the little-endian 64-bit stream.
    let mut a = Pcg64::seed_from_u64(3);
    let mut b = Pcg64::new(3);
    let mut bytes = [0u8; 12];
    a.fill_bytes(&mut bytes);
    assert_eq!(bytes[..8], b.next_uint64().to_le_bytes());
    assert_eq!(bytes[8..], b.next_uint64().to_le_bytes()[..4]);
}
