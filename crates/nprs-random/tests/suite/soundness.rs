//! NaN and infinite parameters never hang and give NumPy's values; impossible allocations
//! give NumPy's error instead of aborting.

use crate::common;

use std::sync::mpsc;
use std::time::Duration;

use common::{float, items};
use nprs_random::{Choice, Generator, Pcg64, RandomState, SeedSequence, default_rng};
use nprs_testkit::{Case, Value, oracle};

/// Runs `f` on its own thread and fails the test when it has not finished within a few
/// seconds (a sampler stuck in a rejection loop), instead of hanging the test run.
#[track_caller]
fn within_time<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(v) => v,
        Err(_) => panic!("{what} did not return within 10 s"),
    }
}

fn rng() -> Generator<Pcg64> {
    default_rng(42)
}

/// `[value, rng.random()]`: the value (NaN or a float) and the next draw, bit for bit.
#[track_caller]
fn check_pair(c: &Case, value: f64, next: f64) {
    let it = items(c);
    let want = float(&it[0]);
    c.assert(
        want.to_bits() == value.to_bits() || (want.is_nan() && value.is_nan()),
        &format!("nprs {value}, NumPy {want}"),
    );
    c.assert_eq(float(&it[1]).to_bits(), next.to_bits());
}

type Draw = fn(&mut Generator<Pcg64>) -> f64;

#[test]
fn scalar_nan_parameters_give_nan() {
    let o = oracle("random/soundness");
    let nan = f64::NAN;
    let cases: [(&str, Draw); 18] = [
        ("standard_gamma", |g| g.standard_gamma_scalar(f64::NAN).unwrap()),
        ("standard_gamma_f32", |g| f64::from(g.standard_gamma_f32_scalar(f32::NAN).unwrap())),
        ("gamma", |g| g.gamma_scalar(f64::NAN, 2.0).unwrap()),
        ("beta_a", |g| g.beta_scalar(f64::NAN, 2.0).unwrap()),
        ("beta_b", |g| g.beta_scalar(0.5, f64::NAN).unwrap()),
        ("chisquare", |g| g.chisquare_scalar(f64::NAN).unwrap()),
        ("f_num", |g| g.f_scalar(f64::NAN, 2.0).unwrap()),
        ("f_den", |g| g.f_scalar(2.0, f64::NAN).unwrap()),
        ("standard_t", |g| g.standard_t_scalar(f64::NAN).unwrap()),
        ("noncentral_chisquare_df", |g| g.noncentral_chisquare_scalar(f64::NAN, 1.0).unwrap()),
        ("noncentral_chisquare_nonc", |g| g.noncentral_chisquare_scalar(0.5, f64::NAN).unwrap()),
        ("noncentral_f_num", |g| g.noncentral_f_scalar(f64::NAN, 1.0, 1.0).unwrap()),
        ("noncentral_f_den", |g| g.noncentral_f_scalar(1.0, f64::NAN, 1.0).unwrap()),
        ("pareto", |g| g.pareto_scalar(f64::NAN).unwrap()),
        ("power", |g| g.power_scalar(f64::NAN).unwrap()),
        ("wald_mean", |g| g.wald_scalar(f64::NAN, 1.0).unwrap()),
        ("wald_scale", |g| g.wald_scalar(1.0, f64::NAN).unwrap()),
        ("weibull", |g| g.weibull_scalar(f64::NAN).unwrap()),
    ];
    for (name, draw) in cases {
        let (x, next) = within_time(name, move || {
            let mut g = rng();
            let x = draw(&mut g);
            (x, g.random_scalar())
        });
        assert!(x.is_nan(), "{name}: {x}");
        check_pair(o.case(&format!("nan_{name}")), x, next);
    }
    // The array forms with scalar parameters take the same path.
    let a = within_time("standard_gamma(nan, 3)", move || rng().standard_gamma(nan, 3).unwrap());
    assert!(a.iter().all(f64::is_nan));
}

#[test]
fn nan_elements_of_array_parameters() {
    let nan = f64::NAN;
    within_time("array parameters with NaN", move || {
        let o = oracle("random/soundness");
        o.case("nan_arr_standard_gamma").check(&rng().standard_gamma([nan, 2.5, 0.5, nan, 3.0], ()).unwrap());
        o.case("nan_arr_standard_gamma_f32").check(&rng().standard_gamma_f32([f32::NAN, 2.5, 0.5], ()).unwrap());
        o.case("nan_arr_gamma").check(&rng().gamma([nan, 2.0, 0.3], 2.0, ()).unwrap());
        o.case("nan_arr_beta").check(&rng().beta([nan, 2.0, 0.5], [1.0, nan, 0.5], ()).unwrap());
        o.case("nan_arr_chisquare").check(&rng().chisquare([nan, 3.0, 0.5], ()).unwrap());
        o.case("nan_arr_f").check(&rng().f([nan, 2.0, 5.0], [1.0, nan, 3.0], ()).unwrap());
        o.case("nan_arr_standard_t").check(&rng().standard_t([nan, 3.0, 0.5], ()).unwrap());
        o.case("nan_arr_noncentral_chisquare")
            .check(&rng().noncentral_chisquare([nan, 3.0, 0.5, 0.5], [1.0, 1.0, nan, 2.0], ()).unwrap());
        o.case("nan_arr_noncentral_f")
            .check(&rng().noncentral_f([nan, 3.0, 2.0], [1.0, nan, 2.0], [1.0, 1.0, nan], ()).unwrap());
        o.case("nan_arr_dirichlet").check(&rng().dirichlet(&[nan, 1.0, 2.0], 3).unwrap());
        o.case("nan_arr_dirichlet_small").check(&rng().dirichlet(&[0.05, nan], 2).unwrap());
    });
}

#[test]
fn infinite_noncentrality() {
    let o = oracle("random/soundness");
    let inf = f64::INFINITY;
    // NumPy's values where they are well defined.
    let mut g = rng();
    check_pair(o.case("ncx_df3_inf"), g.noncentral_chisquare_scalar(3.0, inf).unwrap(), g.random_scalar());
    let mut g = rng();
    check_pair(o.case("ncf_3_inf"), g.noncentral_f_scalar(3.0, 1.0, inf).unwrap(), g.random_scalar());
    // df <= 1: NumPy's count is an undefined cast (its value is a plain chisquare(df)); nprs
    // gives inf after consuming the same draws, so the stream goes on as NumPy's does.
    for (name, df) in [("ncx_df1_inf", 1.0), ("ncx_df05_inf", 0.5)] {
        let (x, next) = within_time(name, move || {
            let mut g = rng();
            (g.noncentral_chisquare_scalar(df, inf).unwrap(), g.random_scalar())
        });
        assert_eq!(x, inf, "{name}");
        o.case(name).assert_eq(float(&items(o.case(name))[1]).to_bits(), next.to_bits());
    }
    let (x, next) = within_time("noncentral_f(1, 1, inf)", move || {
        let mut g = rng();
        (g.noncentral_f_scalar(1.0, 1.0, inf).unwrap(), g.random_scalar())
    });
    assert_eq!(x, inf);
    o.case("ncf_1_inf").assert_eq(float(&items(o.case("ncf_1_inf"))[1]).to_bits(), next.to_bits());
}

#[test]
fn huge_noncentrality() {
    let o = oracle("random/soundness");
    // Counts below 2**62: NumPy's stream, bit for bit.
    o.case("ncx_df1_1e18").check(&rng().noncentral_chisquare(1.0, 1e18, 3).unwrap());
    o.case("ncx_df1_1e12").check(&rng().noncentral_chisquare(0.7, 1e12, 3).unwrap());
    // Above, NumPy's `long` arithmetic wraps (it gives 2.0 and 2.56 here); nprs keeps the
    // count, so the draw is near its mean `df + nonc`.
    for (name, nonc) in [("ncx_df1_1e300", 1e300), ("ncx_df1_1p2e19", 1.2e19)] {
        let x = within_time(name, move || rng().noncentral_chisquare_scalar(1.0, nonc).unwrap());
        let case = o.case(name);
        let numpy = float(&case.result);
        assert!((x / nonc - 1.0).abs() < 1e-6, "{name}: {x}");
        case.assert(numpy < 10.0, &format!("NumPy's artefact changed: {numpy} (nprs draws {x})"));
    }
}

/// Checks that nprs's error is of the class NumPy raised (the byte counts in NumPy's
/// MemoryError message are rounded to binary units; nprs's name the exact bytes).
#[track_caller]
fn check_kind<T: std::fmt::Debug>(c: &Case, r: nprs_random::Result<T>) {
    let e = r.expect_err(&format!("{}: expected an error ({})", c.name, c.expr));
    match &c.result {
        Value::Error { kind, message } => {
            c.assert_eq(kind.as_str(), e.numpy_kind());
            if kind == "ValueError" {
                c.assert_eq(message, &e.to_string());
            }
        }
        other => panic!("{}: NumPy did not raise: {other:?}", c.name),
    }
}

#[test]
fn impossible_allocations_are_errors() {
    let o = oracle("random/soundness");
    let m = |name: &str| o.case(&format!("mem_{name}"));
    check_kind(m("permutation"), rng().permutation(1 << 40));
    check_kind(m("bytes"), rng().bytes(1 << 62));
    check_kind(m("random"), rng().random(1usize << 40));
    check_kind(m("random_too_big"), rng().random([1usize << 40, 1 << 40]));
    check_kind(m("generate_state"), SeedSequence::new(0).generate_state(1 << 40));
    check_kind(m("generate_state_u64"), SeedSequence::new(0).generate_state_u64(1 << 40));
    check_kind(m("pool_size"), SeedSequence::try_with(0, vec![], 1 << 40, 0));
    check_kind(m("pool_size_too_big"), SeedSequence::try_with(0, vec![], 1 << 62, 0));
    check_kind(m("random_raw"), nprs_random::BitGenerator::random_raw(&mut Pcg64::new(42), 1 << 40));
    let nr = Choice::new().replace(false);
    check_kind(m("choice_noreplace"), rng().choice(1 << 40, 1usize << 39, &nr));
    check_kind(m("choice_floyd"), rng().choice(1 << 50, 1usize << 40, &nr));
    check_kind(m("choice_p"), rng().choice(3, 1usize << 40, &Choice::new().p(&[0.2, 0.3, 0.5])));
    check_kind(m("integers"), rng().integers::<i64>(0, 10, 1usize << 40));
    check_kind(m("multinomial"), rng().multinomial(3, vec![0.5, 0.5], 1usize << 40));
    check_kind(m("dirichlet"), rng().dirichlet(&[0.5, 0.5], 1usize << 40));
    check_kind(m("normal_bc"), rng().normal([0.0, 1.0], 1.0, [1usize << 40, 2]));
    check_kind(m("legacy_permutation"), RandomState::new(0).permutation(1 << 40));
    check_kind(m("legacy_choice"), RandomState::new(0).choice(1 << 40, 5, false, None));
    check_kind(m("legacy_normal_bc"), RandomState::new(0).normal([0.0, 1.0], 1.0, [1usize << 40, 2]));
    // More children than memory holds: an error, and nothing counted as spawned.
    let mut ss = SeedSequence::new(0);
    let e = ss.spawn(usize::MAX / 8).unwrap_err();
    assert_eq!(e.numpy_kind(), "ValueError");
    let e = ss.spawn(1 << 40).unwrap_err();
    assert_eq!(e.numpy_kind(), "MemoryError");
    assert_eq!(ss.n_children_spawned(), 0);
    assert!(rng().spawn(1 << 40).is_err());
    assert_eq!(rng().permutation(0).unwrap().shape(), &[0]);
}

#[test]
fn legacy_limits_never_hang() {
    let o = oracle("random/soundness");
    let rs = || RandomState::new(42);
    // Where NumPy's loops still end: its values.
    o.case("legacy_vonmises_1e15").check(&rs().vonmises(0.5, 1e15, 5).unwrap());
    o.case("legacy_vonmises_1e16").check(&rs().vonmises(0.5, 1e16, 5).unwrap());
    let mut r = rs();
    let c = o.case("legacy_zipf_1024");
    c.check_item(0, &r.zipf(1024.9, 5).unwrap());
    c.assert_eq(float(&items(c)[1]).to_bits(), r.random_sample_scalar().to_bits());
    // Where NumPy's loops never end: the limit, promptly.
    let v = within_time("vonmises(0.5, 1e20)", move || rs().vonmises(0.5, 1e20, 5).unwrap());
    assert!(v.iter().all(|x| (x - 0.5).abs() < 1e-8), "{v:?}");
    let v = within_time("vonmises(0.5, inf)", move || rs().vonmises(0.5, f64::INFINITY, 3).unwrap());
    assert_eq!(v.to_vec(), vec![0.5; 3]);
    let v = within_time("vonmises(0, 1e300)", move || rs().vonmises(0.0, 1e300, 3).unwrap());
    assert!(v.iter().all(|x| x.abs() < 1e-100), "{v:?}");
    for a in [1025.0, 2000.0, 1e10, f64::INFINITY] {
        let z = within_time("zipf(large a)", move || rs().zipf(a, 4).unwrap());
        assert_eq!(z.to_vec(), vec![1; 4], "zipf({a})");
    }
    // NaN parameters of the legacy gamma family.
    let g = within_time("legacy NaN gammas", move || {
        let mut r = rs();
        [
            r.standard_gamma_scalar(f64::NAN).unwrap(),
            r.gamma_scalar(f64::NAN, 2.0).unwrap(),
            r.beta_scalar(0.5, f64::NAN).unwrap(),
            r.chisquare_scalar(f64::NAN).unwrap(),
            r.f_scalar(f64::NAN, 1.0).unwrap(),
            r.standard_t_scalar(f64::NAN).unwrap(),
            r.noncentral_f_scalar(1.0, f64::NAN, 1.0).unwrap(),
            r.dirichlet(&[f64::NAN, 1.0], ()).unwrap().to_vec()[0],
        ]
    });
    assert!(g.iter().all(|x| x.is_nan()), "{g:?}");
    // Infinite noncentrality: inf, after NumPy's draws.
    let mut r = rs();
    let c = o.case("legacy_ncx_df1_inf");
    assert_eq!(r.noncentral_chisquare_scalar(1.0, f64::INFINITY).unwrap(), f64::INFINITY);
    c.assert_eq(float(&items(c)[1]).to_bits(), r.random_sample_scalar().to_bits());
    let mut r = rs();
    check_pair(
        o.case("legacy_ncx_df3_inf"),
        r.noncentral_chisquare_scalar(3.0, f64::INFINITY).unwrap(),
        r.random_sample_scalar(),
    );
    // p = 0: an infinite Poisson mean; NumPy's count is an undefined cast (int64 min),
    // nprs saturates to int64 max; the draws consumed are the same.
    let mut r = rs();
    let c = o.case("legacy_negative_binomial_p0");
    assert_eq!(r.negative_binomial_scalar(1.0, 0.0).unwrap(), i64::MAX);
    c.assert_eq(float(&items(c)[1]).to_bits(), r.random_sample_scalar().to_bits());
}

#[test]
fn binomial_counts_near_the_int64_limit() {
    let o = oracle("random/soundness");
    let h = |name: &str| o.case(&format!("huge_{name}"));
    h("binomial_2p62").check(&rng().binomial(1i64 << 62, 0.5, 5).unwrap());
    h("binomial_max").check(&rng().binomial(i64::MAX, 0.3, 5).unwrap());
    h("binomial_max_tiny_p").check(&rng().binomial(i64::MAX, 1e-18, 5).unwrap());
    h("legacy_binomial_2p62").check(&RandomState::new(42).binomial(1i64 << 62, 0.5, 5).unwrap());
    h("legacy_binomial_max").check(&RandomState::new(42).binomial(i64::MAX, 0.7, 5).unwrap());
    // Long streams reach BTPE's squeeze (step 52), whose terms NumPy adds in float64.
    let hash = |a: nprs_core::Array<i64>| i128::from(common::fnv_i64(&a.to_vec()));
    let n = (1i64 << 62) + 12345;
    h("binomial_2p62_hash").check_with(common::int, hash(rng().binomial(n, 0.4, 200_000).unwrap()));
    h("binomial_max_hash").check_with(common::int, hash(rng().binomial(i64::MAX, 0.5, 200_000).unwrap()));
    let legacy = RandomState::new(42).binomial(i64::MAX, 0.5, 200_000).unwrap();
    h("legacy_binomial_max_hash").check_with(common::int, hash(legacy));
}
