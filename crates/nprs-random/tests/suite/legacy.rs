//! The legacy RandomState and the module-level functions against NumPy.

use crate::common;

use common::{check_err, check_scalars, float, fnv_f64, fnv_i64, fnv_u32, int, items};
use nprs_core::Array;
use nprs_random::legacy::global as npr;
use nprs_random::{LegacySeed, RandomState};
use nprs_testkit::oracle;

fn seeds() -> Vec<(&'static str, LegacySeed)> {
    vec![
        ("0", 0.into()),
        ("42", 42.into()),
        ("max", LegacySeed::Int(i128::from(u32::MAX))),
        ("arr", vec![1, 2, 3].into()),
        ("long", (0..1000).collect::<Vec<i64>>().into()),
    ]
}

#[test]
fn seeding_and_basic_draws() {
    let o = oracle("random/legacy");
    for (name, seed) in seeds() {
        let rs = || RandomState::new(seed.clone());
        o.case(&format!("random_sample_{name}")).check(&rs().random_sample(8).unwrap());
        o.case(&format!("randn_{name}")).check(&rs().randn(7).unwrap());
        o.case(&format!("randint_{name}")).check(&rs().randint::<i64>(0, 100, 10).unwrap());
        let st = rs().get_state();
        let c = o.case(&format!("state_{name}"));
        let it = items(c);
        c.assert_eq(int(&it[0]), st.mt.pos as i128);
        c.check_item(1, &Array::from_vec(st.mt.key[..4].to_vec()));
        c.assert_eq(int(&it[2]), i128::from(fnv_u32(&st.mt.key)));
        c.assert_eq(int(&it[3]), i128::from(st.has_gauss));
        c.assert_eq(float(&it[4]).to_bits(), st.gauss.to_bits());
    }
}

#[test]
fn legacy_methods() {
    let o = oracle("random/legacy");
    let rs = || RandomState::new(42);
    o.case("rand_2x3").check(&rs().rand([2, 3]).unwrap());
    let mut r = rs();
    check_scalars(o.case("rand_scalar"), &[r.random_sample_scalar(), r.random_sample_scalar()]);
    let mut r = rs();
    let c = o.case("randn_split");
    c.check_item(0, &r.randn(3).unwrap());
    c.check_item(1, &r.randn(2).unwrap());
    c.assert_eq(float(&items(c)[2]).to_bits(), r.standard_normal_scalar().to_bits());
    o.case("standard_normal").check(&rs().standard_normal([3, 3]).unwrap());
    let mut r = rs();
    r.randn(3).unwrap();
    let st = r.get_state();
    let c = o.case("gauss_state");
    c.assert_eq(int(&items(c)[0]), i128::from(st.has_gauss));
    c.assert_eq(float(&items(c)[1]).to_bits(), st.gauss.to_bits());
    o.case("normal").check(&rs().normal(3.0, 2.0, 9).unwrap());
    o.case("normal_bc").check(&rs().normal([0.0, 10.0], [1.0, 100.0], ()).unwrap());
    let mut r = rs();
    let v: Vec<f64> = (0..3).map(|_| r.normal_scalar(1.0, 2.0).unwrap()).collect();
    check_scalars(o.case("normal_scalars"), &v);
    o.case("uniform").check(&rs().uniform(-1.0, 1.0, 9).unwrap());
    let hi = Array::from_shape_vec(&[2, 1], vec![2.0, 3.0]).unwrap();
    o.case("uniform_bc").check(&rs().uniform([0.0, 1.0], &hi, ()).unwrap());
    o.case("uniform_reversed").check(&rs().uniform(1.0, 0.0, 4).unwrap());
    o.case("exponential").check(&rs().exponential(2.5, 9).unwrap());
    let mut r = rs();
    let v: Vec<f64> = (0..3).map(|_| r.exponential_scalar(1.0).unwrap()).collect();
    check_scalars(o.case("exponential_scalars"), &v);
    o.case("binomial").check(&rs().binomial(10, 0.3, 20).unwrap());
    o.case("binomial_hi").check(&rs().binomial(10, 0.7, 20).unwrap());
    o.case("binomial_btpe").check(&rs().binomial(1000, 0.5, 30).unwrap());
    for (name, n, p) in [("binomial_n0", 0i64, 0.5), ("binomial_p0", 5, 0.0), ("binomial_p1", 5, 1.0)] {
        let mut r = rs();
        let c = o.case(name);
        c.check_item(0, &r.binomial(n, p, 3).unwrap());
        c.assert_eq(float(&items(c)[1]).to_bits(), r.random_sample_scalar().to_bits());
    }
    o.case("binomial_bc").check(&rs().binomial([1i64, 10, 100], [0.1, 0.5, 0.9], ()).unwrap());
    let h = fnv_i64(&rs().binomial(100, 0.2, 20_000).unwrap().to_vec());
    o.case("binomial_hash").check_with(int, i128::from(h));
    o.case("poisson").check(&rs().poisson(3.0, 20).unwrap());
    o.case("poisson_big").check(&rs().poisson(100.0, 20).unwrap());
    let mut r = rs();
    let c = o.case("poisson_zero");
    c.check_item(0, &r.poisson(0.0, 3).unwrap());
    c.assert_eq(float(&items(c)[1]).to_bits(), r.random_sample_scalar().to_bits());
}

#[test]
fn legacy_integers_and_permutations() {
    let o = oracle("random/legacy");
    let rs = || RandomState::new(42);
    let mut r = rs();
    let c = o.case("randint_dtypes");
    c.check_item(0, &r.randint::<i8>(0, 100, 6).unwrap());
    c.check_item(1, &r.randint::<i16>(0, 100, 6).unwrap());
    c.check_item(2, &r.randint::<i32>(0, 100, 6).unwrap());
    c.check_item(3, &r.randint::<i64>(0, 100, 6).unwrap());
    c.check_item(4, &r.randint::<u8>(0, 100, 6).unwrap());
    c.check_item(5, &r.randint::<u16>(0, 100, 6).unwrap());
    c.check_item(6, &r.randint::<u32>(0, 100, 6).unwrap());
    c.check_item(7, &r.randint::<u64>(0, 100, 6).unwrap());
    o.case("randint_bool").check(&rs().randint::<bool>(0, 2, 20).unwrap());
    o.case("randint_big").check(&rs().randint::<i64>(-(1i64 << 62), 1i64 << 62, 6).unwrap());
    o.case("randint_full").check(&rs().randint::<i64>(i64::MIN, i64::MAX, 4).unwrap());
    o.case("randint_2p32").check(&rs().randint::<i64>(0, 1i64 << 32, 4).unwrap());
    let mut r = rs();
    let mut v: Vec<i64> = (0..4).map(|_| r.randint_scalar::<i64>(0, 10).unwrap()).collect();
    v.extend((0..3).map(|_| i64::from(r.randint_scalar::<u8>(0, 256).unwrap())));
    let c = o.case("randint_scalars");
    for (i, x) in v.iter().enumerate() {
        c.assert_eq(int(&items(c)[i]), i128::from(*x));
    }
    o.case("randint_bc").check(&rs().randint::<i64>([0, 10], [5, 100], ()).unwrap());
    o.case("choice").check(&rs().choice(10, 6, true, None).unwrap());
    o.case("choice_noreplace").check(&rs().choice(10, 6, false, None).unwrap());
    let p = [0.1, 0.2, 0.3, 0.4];
    o.case("choice_p").check(&rs().choice(4, 8, true, Some(&p)).unwrap());
    o.case("choice_p_noreplace").check(&rs().choice(4, 3, false, Some(&p)).unwrap());
    let mut r = rs();
    let v: Vec<i64> = (0..3).map(|_| r.choice_scalar(5, true, None).unwrap()).collect();
    check_scalars(o.case("choice_scalars"), &v);
    o.case("choice_shape").check(&rs().choice(20, [2, 3], false, None).unwrap());
    let a = Array::from_vec(vec![1.5, 2.5, 3.5]);
    o.case("choice_arr").check(&rs().choice_from(&a, 5, true, None).unwrap());
    let mut x = Array::<i64>::arange(10);
    rs().shuffle(&mut x).unwrap();
    o.case("shuffle").check(&x);
    let mut x = Array::<i64>::arange(12).into_shape(&[4, 3]).unwrap();
    rs().shuffle(&mut x).unwrap();
    o.case("shuffle_2d").check(&x);
    o.case("permutation").check(&rs().permutation(10).unwrap());
    let a = Array::<i64>::arange(12).into_shape(&[4, 3]).unwrap();
    o.case("permutation_arr").check(&rs().permutation_of(&a).unwrap());
    let h = fnv_i64(&rs().permutation(100_000).unwrap().to_vec());
    o.case("permutation_big").check_with(int, i128::from(h));
    let h = fnv_f64(&rs().random_sample(100_000).unwrap().to_vec());
    o.case("random_sample_hash").check_with(int, i128::from(h));
    let h = fnv_f64(&rs().randn(100_000).unwrap().to_vec());
    o.case("randn_hash").check_with(int, i128::from(h));
}

/// The module-level functions share one global state, so this is the only test that
/// touches it.
#[test]
fn module_functions_share_one_state() {
    let o = oracle("random/legacy");
    npr::seed(1234).unwrap();
    let c = o.case("module_seq");
    c.check_item(0, &npr::rand(3).unwrap());
    c.check_item(1, &npr::randn(2).unwrap());
    c.check_item(2, &npr::randint::<i64>(0, 10, 4).unwrap());
    c.check_item(3, &npr::normal(1.0, 2.0, 2).unwrap());
    c.check_item(4, &npr::uniform(0.0, 5.0, 2).unwrap());
    c.check_item(5, &npr::exponential(1.0, 2).unwrap());
    c.check_item(6, &npr::binomial(10, 0.5, 3).unwrap());
    c.check_item(7, &npr::poisson(2.0, 3).unwrap());
    c.check_item(8, &npr::random_sample(2).unwrap());
    c.check_item(9, &npr::standard_normal(2).unwrap());
    c.check_item(10, &npr::choice(10, 3, true, None).unwrap());
    c.check_item(11, &npr::permutation(5).unwrap());
    npr::seed(7).unwrap();
    let mut x = Array::<i64>::arange(8);
    npr::shuffle(&mut x).unwrap();
    o.case("module_shuffle").check(&x);
    npr::seed([5, 6, 7]).unwrap();
    o.case("module_seed_array").check(&npr::rand(4).unwrap());
    npr::seed(3).unwrap();
    let st = npr::get_state();
    npr::rand(5).unwrap();
    npr::set_state(&st).unwrap();
    let c = o.case("module_state");
    c.check_item(0, &npr::rand(2).unwrap());
    c.check_item(1, &npr::rand(2).unwrap());
}

#[test]
fn legacy_errors() {
    let o = oracle("random/legacy");
    let r = || RandomState::new(0);
    let nan = f64::NAN;
    check_err(o.case("err_seed_neg"), RandomState::try_new(-1));
    check_err(o.case("err_seed_big"), RandomState::try_new(1i64 << 32));
    check_err(o.case("err_seed_empty"), RandomState::try_new(Vec::<i64>::new()));
    check_err(o.case("err_seed_arr"), RandomState::try_new(vec![1i64 << 32]));
    check_err(o.case("err_randint"), r().randint_scalar::<i64>(5, 5));
    check_err(o.case("err_randint_zero"), r().randint_scalar::<i64>(0, 0));
    check_err(o.case("err_randint_u8"), r().randint_scalar::<u8>(0, 300));
    check_err(o.case("err_normal"), r().normal_scalar(0.0, -1.0));
    check_err(o.case("err_binomial_n"), r().binomial_scalar(-1, 0.5));
    check_err(o.case("err_binomial_p"), r().binomial_scalar(1, 1.5));
    check_err(o.case("err_poisson"), r().poisson_scalar(-1.0));
    check_err(o.case("err_poisson_big"), r().poisson_scalar(1e20));
    check_err(o.case("err_exponential"), r().exponential_scalar(-1.0));
    check_err(o.case("err_uniform"), r().uniform_scalar(0.0, f64::INFINITY));
    check_err(o.case("err_uniform_arr"), r().uniform([0.0], [f64::INFINITY], ()));
    check_err(o.case("err_choice_pop"), r().choice(0, 1, true, None));
    check_err(o.case("err_choice_empty"), r().choice_from(&Array::<f64>::from_vec(vec![]), 1, true, None));
    check_err(o.case("err_choice_2d"), r().choice_from(&Array::<f64>::ones(&[2, 2]).unwrap(), 1, true, None));
    check_err(o.case("err_choice_p_size"), r().choice(3, 1, true, Some(&[0.5, 0.5])));
    check_err(o.case("err_choice_p_sum"), r().choice(2, 1, true, Some(&[0.5, 0.6])));
    check_err(o.case("err_choice_p_neg"), r().choice(2, 1, true, Some(&[-0.5, 1.5])));
    check_err(o.case("err_choice_p_nan"), r().choice(2, 1, true, Some(&[nan, 1.0])));
    check_err(o.case("err_choice_many"), r().choice(2, 3, false, None));
    check_err(o.case("err_choice_nonzero"), r().choice(3, 2, false, Some(&[1.0, 0.0, 0.0])));
    check_err(o.case("err_choice_neg"), r().choice(3, -1, false, None));
    check_err(o.case("err_rand_neg"), r().rand(-1));
    check_err(o.case("err_permutation_0d"), r().permutation_of(&Array::from_elem_0d(1.0)));
}
