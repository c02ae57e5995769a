//! Every legacy RandomState distribution against NumPy: the calls (and so the `desired`
//! arrays) of NumPy's test_randomstate.py and test_random.py, streams for other seeds,
//! errors, the module-level functions, and RandomState over other bit generators.

use crate::common;

use common::{bytes, check_err, check_scalar, float, items};
use nprs_core::Array;
use nprs_random::legacy::global as npr;
use nprs_random::{BitGenerator, Mt19937, Pcg64, Philox, RandomState, Sfc64};
use nprs_testkit::{Cases, oracle};

const SEED: u32 = 1_234_567_890;

fn rs() -> RandomState {
    RandomState::new(SEED)
}

#[test]
#[allow(clippy::too_many_lines)] // one line per recorded case
fn numpy_test_randomstate_desired() {
    let o = oracle("random/legacy_dists");
    let t = |name: &str| o.case(&format!("t_{name}"));
    let s32 = [3usize, 2];
    t("rand").check(&rs().rand(s32).unwrap());
    check_scalar(t("rand_scalar"), rs().random_sample_scalar());
    t("randn").check(&rs().randn(s32).unwrap());
    check_scalar(t("randn_scalar"), rs().standard_normal_scalar());
    t("randint").check(&rs().randint::<i64>(-99, 99, s32).unwrap());
    t("random_integers").check(&rs().random_integers(-99, 99, s32).unwrap());
    t("random_integers_one").check(&rs().random_integers(1, 198, s32).unwrap());
    t("tomaxint").check(&rs().tomaxint(s32).unwrap());
    check_scalar(t("tomaxint_scalar"), rs().tomaxint_scalar());
    t("random_sample").check(&rs().random_sample(s32).unwrap());
    check_scalar(t("random_sample_scalar"), rs().random_sample_scalar());
    t("random").check(&rs().random(s32).unwrap());
    t("choice_uniform_replace").check(&rs().choice(4, 4, true, None).unwrap());
    t("choice_nonuniform_replace").check(&rs().choice(4, 4, true, Some(&[0.4, 0.4, 0.1, 0.1])).unwrap());
    t("choice_uniform_noreplace").check(&rs().choice(4, 3, false, None).unwrap());
    t("choice_nonuniform_noreplace").check(&rs().choice(4, 3, false, Some(&[0.1, 0.3, 0.5, 0.1])).unwrap());
    t("bytes").check_with(bytes, rs().bytes(10).unwrap());
    let col = Array::<i64>::arange(10).into_shape(&[10, 1]).unwrap();
    t("permutation_2d").check(&rs().permutation_of(&col).unwrap());
    t("permutation_int").check(&rs().permutation(10).unwrap());
    t("beta").check(&rs().beta(0.1, 0.9, s32).unwrap());
    t("binomial").check(&rs().binomial(100, 0.456, s32).unwrap());
    check_scalar(t("binomial_scalar"), rs().binomial_scalar(100, 0.456).unwrap());
    t("chisquare").check(&rs().chisquare(50.0, s32).unwrap());
    #[allow(clippy::excessive_precision)] // the literal of NumPy's test
    let alpha = [51.728_402_337_792_651_62, 39.744_942_321_809_439_53];
    t("dirichlet").check(&rs().dirichlet(&alpha, s32).unwrap());
    t("dirichlet_none").check(&rs().dirichlet(&alpha, ()).unwrap());
    t("exponential").check(&rs().exponential(1.1234, s32).unwrap());
    t("f").check(&rs().f(12.0, 77.0, s32).unwrap());
    t("gamma").check(&rs().gamma(5.0, 3.0, s32).unwrap());
    t("geometric").check(&rs().geometric(0.123_456_789, s32).unwrap());
    t("gumbel").check(&rs().gumbel(0.123_456_789, 2.0, s32).unwrap());
    t("hypergeometric").check(&rs().hypergeometric(10, 5, 14, s32).unwrap());
    t("hypergeometric_nbad0").check(&rs().hypergeometric(5, 0, 3, 4).unwrap());
    t("hypergeometric_nbad0_big").check(&rs().hypergeometric(15, 0, 12, 4).unwrap());
    t("hypergeometric_ngood0").check(&rs().hypergeometric(0, 5, 3, 4).unwrap());
    t("hypergeometric_ngood0_big").check(&rs().hypergeometric(0, 15, 12, 4).unwrap());
    t("laplace").check(&rs().laplace(0.123_456_789, 2.0, s32).unwrap());
    t("logistic").check(&rs().logistic(0.123_456_789, 2.0, s32).unwrap());
    t("lognormal").check(&rs().lognormal(0.123_456_789, 2.0, s32).unwrap());
    t("logseries").check(&rs().logseries(0.923_456_789, s32).unwrap());
    t("multinomial").check(&rs().multinomial(20, &[1.0 / 6.0; 6], s32).unwrap());
    t("negative_binomial").check(&rs().negative_binomial(100.0, 0.12345, s32).unwrap());
    t("noncentral_chisquare").check(&rs().noncentral_chisquare(5.0, 5.0, s32).unwrap());
    t("noncentral_chisquare_small").check(&rs().noncentral_chisquare(0.5, 0.2, s32).unwrap());
    t("noncentral_chisquare_zero").check(&rs().noncentral_chisquare(5.0, 0.0, s32).unwrap());
    t("noncentral_f").check(&rs().noncentral_f(5.0, 2.0, 1.0, s32).unwrap());
    let nan = rs().noncentral_f_scalar(5.0, 2.0, f64::NAN).unwrap();
    assert!(nan.is_nan());
    t("noncentral_f_nan").check_with(|v| float(v).is_nan(), nan.is_nan());
    t("normal").check(&rs().normal(0.123_456_789, 2.0, s32).unwrap());
    t("pareto").check(&rs().pareto(0.123_456_789, s32).unwrap());
    t("poisson").check(&rs().poisson(0.123_456_789, s32).unwrap());
    t("power").check(&rs().power(0.123_456_789, s32).unwrap());
    t("rayleigh").check(&rs().rayleigh(10.0, s32).unwrap());
    t("standard_cauchy").check(&rs().standard_cauchy(s32).unwrap());
    t("standard_exponential").check(&rs().standard_exponential(s32).unwrap());
    t("standard_gamma").check(&rs().standard_gamma(3.0, s32).unwrap());
    t("standard_normal").check(&rs().standard_normal(s32).unwrap());
    t("standard_t").check(&rs().standard_t(10.0, s32).unwrap());
    t("triangular").check(&rs().triangular(5.12, 10.23, 20.34, s32).unwrap());
    t("uniform").check(&rs().uniform(1.23, 10.54, s32).unwrap());
    t("vonmises").check(&rs().vonmises(1.23, 1.54, s32).unwrap());
    // The spread of 10**6 draws with a tiny kappa (NumPy's test only asserts it is finite).
    let v = rs().vonmises(0.0, 1.1e-8, 1_000_000).unwrap().to_vec();
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    let std = (v.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / v.len() as f64).sqrt();
    let small = t("vonmises_small");
    small.assert((std / float(&small.result) - 1.0).abs() < 1e-9, &format!("spread {std}"));
    t("vonmises_large").check(&rs().vonmises(0.0, 1e7, 3).unwrap());
    t("wald").check(&rs().wald(1.23, 1.54, s32).unwrap());
    t("weibull").check(&rs().weibull(1.23, s32).unwrap());
    t("zipf").check(&rs().zipf(1.23, s32).unwrap());
}

type Stream = fn(&mut RandomState, &Cases, &str);

#[test]
#[allow(clippy::too_many_lines)] // one line per recorded case
fn legacy_streams() {
    let o = oracle("random/legacy_dists");
    let streams: Vec<(&str, Stream)> = vec![
        ("standard_gamma_small", |r, o, n| o.case(n).check(&r.standard_gamma(0.3, 40).unwrap())),
        ("standard_gamma_one", |r, o, n| o.case(n).check(&r.standard_gamma(1.0, 10).unwrap())),
        ("standard_gamma_zero", |r, o, n| {
            o.case(n).check_item(0, &r.standard_gamma(0.0, 3).unwrap());
            o.case(n).assert_eq(float(&items(o.case(n))[1]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("standard_gamma_big", |r, o, n| o.case(n).check(&r.standard_gamma(1e6, 10).unwrap())),
        ("gamma_bc", |r, o, n| {
            let sc = Array::from_shape_vec(&[2, 1], vec![1.0, 3.0]).unwrap();
            o.case(n).check(&r.gamma([0.5, 2.0, 9.0], &sc, ()).unwrap());
        }),
        ("beta_johnk", |r, o, n| o.case(n).check(&r.beta(0.5, 0.7, 40).unwrap())),
        ("beta_tiny", |r, o, n| o.case(n).check(&r.beta(1e-200, 1e-200, 10).unwrap())),
        ("beta_gamma", |r, o, n| o.case(n).check(&r.beta(2.0, 3.0, 40).unwrap())),
        ("beta_mixed", |r, o, n| o.case(n).check(&r.beta([0.3, 3.0], [0.9, 0.2], ()).unwrap())),
        ("chisquare_small", |r, o, n| o.case(n).check(&r.chisquare(0.5, 30).unwrap())),
        ("f_small", |r, o, n| o.case(n).check(&r.f(0.5, 0.7, 20).unwrap())),
        ("noncentral_chisquare_low", |r, o, n| o.case(n).check(&r.noncentral_chisquare(0.8, 3.0, 30).unwrap())),
        ("noncentral_chisquare_big_nonc", |r, o, n| {
            o.case(n).check(&r.noncentral_chisquare(0.5, 50.0, 20).unwrap());
        }),
        ("noncentral_chisquare_nan", |r, o, n| {
            let a = r.noncentral_chisquare_scalar(0.5, f64::NAN).unwrap();
            let b = r.noncentral_chisquare_scalar(3.0, f64::NAN).unwrap();
            assert!(a.is_nan() && b.is_nan());
            let c = o.case(n);
            let it = items(c);
            c.assert_eq((float(&it[0]).is_nan(), float(&it[1]).is_nan()), (a.is_nan(), b.is_nan()));
            c.assert_eq(float(&it[2]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("noncentral_f_low", |r, o, n| o.case(n).check(&r.noncentral_f(0.8, 2.0, 0.5, 20).unwrap())),
        ("standard_t_small", |r, o, n| o.case(n).check(&r.standard_t(0.5, 20).unwrap())),
        ("wald_small", |r, o, n| o.case(n).check(&r.wald(0.1, 100.0, 20).unwrap())),
        ("wald_bc", |r, o, n| o.case(n).check(&r.wald([1.0, 2.0], [3.0, 4.0], ()).unwrap())),
        ("pareto_big", |r, o, n| o.case(n).check(&r.pareto(30.0, 20).unwrap())),
        ("weibull_zero", |r, o, n| {
            o.case(n).check_item(0, &r.weibull(0.0, 3).unwrap());
            o.case(n).assert_eq(float(&items(o.case(n))[1]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("power_big", |r, o, n| o.case(n).check(&r.power(5.0, 20).unwrap())),
        ("lognormal_bc", |r, o, n| o.case(n).check(&r.lognormal([0.0, 1.0], [0.1, 2.0], ()).unwrap())),
        ("rayleigh_bc", |r, o, n| o.case(n).check(&r.rayleigh([1.0, 5.0], ()).unwrap())),
        ("vonmises_mu", |r, o, n| o.case(n).check(&r.vonmises(-2.5, 1.0, 30).unwrap())),
        ("vonmises_tiny", |r, o, n| o.case(n).check(&r.vonmises(1.0, 1e-9, 10).unwrap())),
        ("vonmises_small_kappa", |r, o, n| o.case(n).check(&r.vonmises(1.0, 1e-6, 10).unwrap())),
        ("vonmises_big", |r, o, n| o.case(n).check(&r.vonmises(3.0, 1e8, 10).unwrap())),
        ("vonmises_nan", |r, o, n| {
            let x = r.vonmises_scalar(0.0, f64::NAN).unwrap();
            assert!(x.is_nan());
            o.case(n).assert_eq(float(&items(o.case(n))[1]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("laplace_bc", |r, o, n| o.case(n).check(&r.laplace([0.0, 10.0], [1.0, 3.0], ()).unwrap())),
        ("gumbel_many", |r, o, n| o.case(n).check(&r.gumbel(1.0, 2.0, 30).unwrap())),
        ("logistic_many", |r, o, n| o.case(n).check(&r.logistic(1.0, 2.0, 30).unwrap())),
        ("triangular_edges", |r, o, n| {
            o.case(n).check_item(0, &r.triangular(0.0, 0.0, 1.0, 5).unwrap());
            o.case(n).check_item(1, &r.triangular(0.0, 1.0, 1.0, 5).unwrap());
        }),
        ("standard_cauchy_many", |r, o, n| o.case(n).check(&r.standard_cauchy(30).unwrap())),
        ("standard_exponential_many", |r, o, n| o.case(n).check(&r.standard_exponential(30).unwrap())),
        ("geometric_search", |r, o, n| o.case(n).check(&r.geometric(0.5, 30).unwrap())),
        ("geometric_tiny", |r, o, n| o.case(n).check(&r.geometric(1e-10, 10).unwrap())),
        ("geometric_one", |r, o, n| o.case(n).check(&r.geometric(1.0, 5).unwrap())),
        ("zipf_big", |r, o, n| o.case(n).check(&r.zipf(3.5, 30).unwrap())),
        ("zipf_near_one", |r, o, n| o.case(n).check(&r.zipf(1.01, 30).unwrap())),
        ("zipf_1024", |r, o, n| o.case(n).check(&r.zipf(1024.5, 5).unwrap())),
        ("logseries_small", |r, o, n| o.case(n).check(&r.logseries(0.2, 30).unwrap())),
        ("logseries_big", |r, o, n| o.case(n).check(&r.logseries(0.999, 30).unwrap())),
        ("logseries_zero", |r, o, n| {
            o.case(n).check_item(0, &r.logseries(0.0, 3).unwrap());
            o.case(n).assert_eq(float(&items(o.case(n))[1]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("hypergeometric_small", |r, o, n| o.case(n).check(&r.hypergeometric(7, 9, 5, 30).unwrap())),
        ("hypergeometric_hrua", |r, o, n| o.case(n).check(&r.hypergeometric(100, 200, 60, 30).unwrap())),
        ("hypergeometric_big", |r, o, n| {
            o.case(n).check(&r.hypergeometric(100_000_000, 100_000_000, 100_000_000, 5).unwrap());
        }),
        ("hypergeometric_huge", |r, o, n| {
            let t = 1_000_000_000_000i64;
            o.case(n).check(&r.hypergeometric(t, t, t, 3).unwrap());
        }),
        ("geometric_zero_p", |r, o, n| o.case(n).check(&r.geometric(1e-300, 3).unwrap())),
        ("hypergeometric_bc", |r, o, n| {
            let ns = Array::from_shape_vec(&[2, 1], vec![3i64, 12]).unwrap();
            o.case(n).check(&r.hypergeometric([10i64, 20], [5i64, 30], &ns, ()).unwrap());
        }),
        ("negative_binomial_bc", |r, o, n| {
            o.case(n).check(&r.negative_binomial([1.0, 10.0], [0.3, 0.9], ()).unwrap());
        }),
        ("negative_binomial_frac", |r, o, n| o.case(n).check(&r.negative_binomial(0.5, 0.5, 20).unwrap())),
        ("negative_binomial_p1", |r, o, n| o.case(n).check(&r.negative_binomial(3.0, 1.0, 5).unwrap())),
        ("poisson_big", |r, o, n| o.case(n).check(&r.poisson(1e6, 10).unwrap())),
        ("binomial_btpe_hi", |r, o, n| o.case(n).check(&r.binomial(1000, 0.7, 20).unwrap())),
        ("multinomial_uneven", |r, o, n| o.case(n).check(&r.multinomial(100, &[0.1, 0.2, 0.7], 4).unwrap())),
        ("multinomial_empty_tail", |r, o, n| {
            o.case(n).check(&r.multinomial(10, &[0.5, 0.5, 0.0], 3).unwrap());
        }),
        ("multinomial_none", |r, o, n| o.case(n).check(&r.multinomial(30, &[0.25, 0.25, 0.5], ()).unwrap())),
        ("dirichlet_small", |r, o, n| o.case(n).check(&r.dirichlet(&[0.05, 0.1, 0.2], 4).unwrap())),
        ("dirichlet_nan", |r, o, n| o.case(n).check(&r.dirichlet(&[f64::NAN, 1.0], 2).unwrap())),
        ("tomaxint_many", |r, o, n| o.case(n).check(&r.tomaxint(10).unwrap())),
        ("bytes_odd", |r, o, n| {
            o.case(n).assert_eq(bytes(&items(o.case(n))[0]), r.bytes(7).unwrap());
            o.case(n).assert_eq(float(&items(o.case(n))[1]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("random_alias", |r, o, n| {
            o.case(n).check_item(0, &r.random(2).unwrap());
            o.case(n).check_item(1, &r.random_sample(2).unwrap());
        }),
        ("standard_gamma_nan", |r, o, n| {
            assert!(r.standard_gamma_scalar(f64::NAN).unwrap().is_nan());
            o.case(n).assert_eq(float(&items(o.case(n))[1]).to_bits(), r.random_sample_scalar().to_bits());
        }),
        ("beta_nan", |r, o, n| o.case(n).check(&r.beta([f64::NAN, 2.0], [1.0, 3.0], ()).unwrap())),
        ("chisquare_nan", |r, o, n| o.case(n).check(&r.chisquare([f64::NAN, 4.0], ()).unwrap())),
        ("standard_t_nan", |r, o, n| o.case(n).check(&r.standard_t([f64::NAN, 4.0], ()).unwrap())),
        ("negative_binomial_nan", |r, o, n| o.case(n).check(&r.negative_binomial(f64::NAN, 0.5, 3).unwrap())),
    ];
    for (name, f) in streams {
        for seed in [0u32, 42] {
            let mut r = RandomState::new(seed);
            f(&mut r, &o, &format!("s_{name}_{seed}"));
        }
    }
}

#[test]
fn legacy_errors() {
    let o = oracle("random/legacy_dists");
    let e = |name: &str| o.case(&format!("e_{name}"));
    let r = || RandomState::new(0);
    let nan = f64::NAN;
    check_err(e("beta"), r().beta_scalar(0.0, 1.0));
    check_err(e("beta_arr"), r().beta([1.0], [0.0], ()));
    check_err(e("chisquare"), r().chisquare_scalar(0.0));
    check_err(e("f"), r().f_scalar(1.0, 0.0));
    check_err(e("standard_gamma"), r().standard_gamma_scalar(-1.0));
    check_err(e("gamma_scale"), r().gamma_scalar(1.0, -1.0));
    check_err(e("noncentral_chisquare"), r().noncentral_chisquare_scalar(1.0, -1.0));
    check_err(e("noncentral_f"), r().noncentral_f_scalar(0.0, 1.0, 1.0));
    check_err(e("standard_t"), r().standard_t_scalar(0.0));
    check_err(e("vonmises"), r().vonmises_scalar(0.0, -1.0));
    check_err(e("pareto"), r().pareto_scalar(0.0));
    check_err(e("weibull"), r().weibull_scalar(-1.0));
    check_err(e("power"), r().power_scalar(0.0));
    check_err(e("laplace"), r().laplace_scalar(0.0, -1.0));
    check_err(e("gumbel"), r().gumbel_scalar(0.0, -1.0));
    check_err(e("logistic"), r().logistic_scalar(0.0, -1.0));
    check_err(e("lognormal"), r().lognormal_scalar(0.0, -1.0));
    check_err(e("rayleigh"), r().rayleigh_scalar(-1.0));
    check_err(e("wald"), r().wald_scalar(0.0, 1.0));
    check_err(e("wald_scale"), r().wald_scalar(1.0, 0.0));
    check_err(e("triangular"), r().triangular_scalar(1.0, 0.0, 2.0));
    check_err(e("triangular_right"), r().triangular_scalar(0.0, 3.0, 2.0));
    check_err(e("triangular_equal"), r().triangular_scalar(1.0, 1.0, 1.0));
    check_err(e("zipf"), r().zipf_scalar(1.0));
    check_err(e("zipf_nan"), r().zipf_scalar(nan));
    check_err(e("zipf_arr"), r().zipf([2.0, 0.5], ()));
    check_err(e("geometric"), r().geometric_scalar(0.0));
    check_err(e("geometric_big"), r().geometric_scalar(1.5));
    check_err(e("logseries"), r().logseries_scalar(1.0));
    check_err(e("logseries_arr"), r().logseries([0.5, 1.0], ()));
    check_err(e("negative_binomial_n"), r().negative_binomial_scalar(0.0, 0.5));
    check_err(e("negative_binomial_p"), r().negative_binomial_scalar(1.0, 1.5));
    check_err(e("hypergeometric_sum"), r().hypergeometric_scalar(1, 1, 3));
    check_err(e("hypergeometric_overflow"), r().hypergeometric_scalar(1 << 62, 1 << 62, 5));
    check_err(e("hypergeometric_overflow_arr"), r().hypergeometric([i64::MAX], [1i64], [5i64], ()));
    check_err(e("hypergeometric_ngood"), r().hypergeometric_scalar(-1, 5, 3));
    check_err(e("hypergeometric_nbad"), r().hypergeometric_scalar(5, -1, 3));
    check_err(e("hypergeometric_nsample"), r().hypergeometric_scalar(5, 5, 0));
    check_err(e("hypergeometric_arr"), r().hypergeometric([5i64], [5i64], [0i64], ()));
    check_err(e("multinomial_p"), r().multinomial(10, &[0.5, 1.5], ()));
    check_err(e("multinomial_sum"), r().multinomial(10, &[0.6, 0.6, 0.0], ()));
    check_err(e("multinomial_n"), r().multinomial(-1, &[0.5, 0.5], ()));
    check_err(e("dirichlet"), r().dirichlet(&[1.0, 0.0], ()));
    check_err(e("random_integers"), r().random_integers(5, 4, ()));
    check_err(e("poisson"), r().poisson_scalar(-1.0));
}

#[test]
fn legacy_module_functions() {
    let o = oracle("random/legacy_dists");
    // One test touches the global state, so the sequence is not interleaved with others.
    npr::seed(2024).unwrap();
    let c = o.case("m_seq");
    let mut k = 0;
    let mut f = |a: Array<f64>| {
        c.check_item(k, &a);
        k += 1;
    };
    f(npr::beta(0.5, 0.5, 2).unwrap());
    f(npr::gamma(2.0, 1.0, 2).unwrap());
    f(npr::chisquare(3.0, 2).unwrap());
    f(npr::f(3.0, 4.0, 2).unwrap());
    f(npr::standard_t(5.0, 2).unwrap());
    f(npr::standard_cauchy(2).unwrap());
    f(npr::standard_exponential(2).unwrap());
    f(npr::standard_gamma(0.5, 2).unwrap());
    f(npr::pareto(2.0, 2).unwrap());
    f(npr::weibull(2.0, 2).unwrap());
    f(npr::power(2.0, 2).unwrap());
    f(npr::laplace(0.0, 1.0, 2).unwrap());
    f(npr::gumbel(0.0, 1.0, 2).unwrap());
    f(npr::logistic(0.0, 1.0, 2).unwrap());
    f(npr::lognormal(0.0, 1.0, 2).unwrap());
    f(npr::rayleigh(1.0, 2).unwrap());
    f(npr::wald(1.0, 1.0, 2).unwrap());
    f(npr::triangular(0.0, 1.0, 2.0, 2).unwrap());
    f(npr::vonmises(0.0, 1.0, 2).unwrap());
    f(npr::noncentral_chisquare(2.0, 1.0, 2).unwrap());
    f(npr::noncentral_f(2.0, 3.0, 1.0, 2).unwrap());
    let g = |i: usize, a: Array<i64>| c.check_item(i, &a);
    g(21, npr::negative_binomial(5.0, 0.5, 2).unwrap());
    g(22, npr::geometric(0.2, 2).unwrap());
    g(23, npr::hypergeometric(10, 10, 5, 2).unwrap());
    g(24, npr::logseries(0.5, 2).unwrap());
    g(25, npr::zipf(2.0, 2).unwrap());
    g(26, npr::multinomial(10, &[0.3, 0.7], 2).unwrap());
    c.check_item(27, &npr::dirichlet(&[1.0, 2.0], 2).unwrap());
    g(28, npr::random_integers(1, 6, 3).unwrap());
    c.check_item(29, &npr::random(2).unwrap());
    c.check_item(30, &npr::ranf(2).unwrap());
    c.check_item(31, &npr::sample(2).unwrap());
    npr::seed(2024).unwrap();
    o.case("m_bytes").check_with(bytes, npr::bytes(6).unwrap());
    npr::seed(2024).unwrap();
    let c = o.case("m_dyn");
    c.check_item(0, &npr::choice_from(&Array::from_vec(vec![1.5, 2.5, 3.5]), 4, true, None).unwrap());
    let it = items(c);
    let perm = npr::permutation_dyn(&nprs_core::DynArray::from_strs(&["a", "bb", "c"])).unwrap();
    c.assert_item(1, it[1] == nprs_testkit::Value::Str(format!("{perm:?}")), &format!("{perm:?}"));
    let pick = npr::choice_dyn(&nprs_core::DynArray::from_strs(&["x", "y"]), 3, true, None).unwrap();
    c.assert_item(2, it[2] == nprs_testkit::Value::Str(format!("{pick:?}")), &format!("{pick:?}"));
    npr::seed(2024).unwrap();
    let mut w = nprs_core::DynArray::from_strs(&["a", "bb", "c", "dd"]);
    npr::shuffle_dyn(&mut w).unwrap();
    o.case("m_shuffle_words").check_str(&format!("{w:?}"));
    // test_randomstate_regression.py, over the global state.
    let r = |name: &str| o.case(&format!("reg_{name}"));
    npr::seed(0).unwrap();
    for (i, mu) in [-7.0, -3.5, 0.0, 3.5, 7.0].into_iter().enumerate() {
        let v = npr::vonmises(mu, 1.0, 50).unwrap();
        assert!(v.iter().all(|x| x > -std::f64::consts::PI && x <= std::f64::consts::PI));
        r("vonmises_range").check_item(i, &v);
    }
    npr::seed(0).unwrap();
    let c = r("hypergeometric_range");
    c.check_item(0, &npr::hypergeometric(3, 18, 11, 10).unwrap());
    c.check_item(1, &npr::hypergeometric(18, 3, 11, 10).unwrap());
    let (a, b) = ((1i64 << 20) - 2, (1i64 << 40) - 2);
    c.assert_eq(common::int(&items(c)[2]), i128::from(npr::hypergeometric(a, a, a, ()).unwrap().item().unwrap()));
    c.assert_eq(common::int(&items(c)[3]), i128::from(npr::hypergeometric(b, b, b, ()).unwrap().item().unwrap()));
    npr::seed(0).unwrap();
    let ls = npr::logseries(0.8, 1000).unwrap().to_vec();
    r("logseries_convergence").check_with(common::int, i128::from(common::fnv_i64(&ls)));
    npr::seed(1_234_567_890).unwrap();
    r("beta_small_parameters").check(&npr::beta(0.0001, 0.0001, 100).unwrap());
    npr::seed(1234).unwrap();
    let long = "a".repeat(1000);
    let mut w = nprs_core::DynArray::from_strs(&["a", long.as_str()]);
    for _ in 0..101 {
        npr::shuffle_dyn(&mut w).unwrap();
    }
    let [nprs_core::Scalar::Str(first), nprs_core::Scalar::Str(second)] = &w.to_scalars()[..] else {
        panic!("two strings")
    };
    let head: String = first.chars().take(3).collect();
    r("shuffle_different_length_strings").check_str(&format!("'{head}'{}", second.chars().count()));
    let shown = format!("{w:?}");
    assert!(shown.starts_with("array(['a',"), "the short string comes first, as in NumPy: {}", &shown[..30]);
    npr::seed(0).unwrap();
    let c = r("multinomial_empty");
    c.check_item(0, &npr::multinomial(10, &[], ()).unwrap());
    let shape = npr::multinomial(3, &[], [7, 5, 3]).unwrap().shape().to_vec();
    let want = common::ints(&items(c)[1]);
    c.assert_item(1, want == shape.iter().map(|&n| n as i128).collect::<Vec<_>>(), &format!("shape {shape:?}"));
}

#[test]
fn randomstate_regressions() {
    let o = oracle("random/legacy_dists");
    let r = |name: &str| o.case(&format!("reg_{name}"));
    r("randint_117").check(&RandomState::new(0).randint::<i64>(0, 1i128 << 32, 10).unwrap());
    r("p_zero_stream").check(&RandomState::new(12345).binomial(1, [0.0, 0.25, 0.5, 0.75, 1.0], ()).unwrap());
    let n = Array::from_shape_vec(&[2, 1], vec![0i64, 10]).unwrap();
    r("n_zero_stream").check(&RandomState::new(8_675_309).binomial(&n, 0.25, [2, 10]).unwrap());
}

#[test]
fn randint_repeatability_every_dtype() {
    let o = oracle("random/legacy_dists");
    let h = |name: &str| o.case(&format!("randint_repeat_{name}"));
    let r = || RandomState::new(1234);
    let bools: Vec<u8> = r().randint::<bool>(0, 2, 1000).unwrap().iter().map(u8::from).collect();
    h("bool").check_with(common::int, i128::from(common::fnv_u8(&bools)));
    macro_rules! check {
        ($($t:ty => $name:literal),*) => {$(
            let v = r().randint::<$t>(0, 6, 1000).unwrap().to_vec();
            h($name).check_with(common::int, i128::from(common::fnv(&v, |x| x.to_le_bytes().to_vec())));
        )*};
    }
    check!(i8 => "int8", i16 => "int16", i32 => "int32", i64 => "int64", u8 => "uint8", u16 => "uint16", u32 => "uint32", u64 => "uint64");
}

fn check_over<B: BitGenerator>(o: &Cases, name: &str, bg: B) {
    let mut r = RandomState::from_bit_generator(bg);
    let c = o.case(&format!("bg_{name}"));
    c.check_item(0, &r.randn(5).unwrap());
    c.check_item(1, &r.random_sample(3).unwrap());
    c.check_item(2, &r.randint::<i64>(0, 100, 5).unwrap());
    c.check_item(3, &r.standard_gamma(2.5, 3).unwrap());
    c.check_item(4, &r.binomial(20, 0.4, 3).unwrap());
    c.assert_eq(bytes(&items(c)[5]), r.bytes(5).unwrap());
    c.check_item(6, &r.tomaxint(2).unwrap());
    c.check_item(7, &r.gamma(0.5, 1.0, 3).unwrap());
}

#[test]
fn random_state_over_any_bit_generator() {
    let o = oracle("random/legacy_dists");
    check_over(&o, "PCG64", Pcg64::new(7));
    check_over(&o, "Philox", Philox::new(7));
    check_over(&o, "SFC64", Sfc64::new(7));
    check_over(&o, "MT19937", Mt19937::new(7));
    // The SeedSequence-seeded MT19937 shortcut is the same state.
    let mut a = RandomState::from_seed_seq(nprs_random::SeedSequence::new(7));
    let mut b = RandomState::from_bit_generator(Mt19937::new(7));
    assert_eq!(a.randn(4).unwrap().to_vec(), b.randn(4).unwrap().to_vec());
}

#[test]
#[allow(clippy::too_many_lines)] // one line per recorded case
fn numpy_test_randomstate_broadcast() {
    let o = oracle("random/legacy_dists");
    let r = || RandomState::new(123_456_789);
    let b = |name: &str| o.case(&format!("b_{name}"));
    let (x0, x1, x2) = ([0.0], [1.0], [2.0]);
    let (x0_3, x1_3, x2_3) = ([0.0; 3], [1.0; 3], [2.0; 3]);
    b("uniform_low").check(&r().uniform(x0_3, x1, ()).unwrap());
    b("uniform_high").check(&r().uniform(x0, x1_3, ()).unwrap());
    b("normal_loc").check(&r().normal(x0_3, x1, ()).unwrap());
    b("normal_scale").check(&r().normal(x0, x1_3, ()).unwrap());
    b("beta_a").check(&r().beta(x1_3, x2, ()).unwrap());
    b("beta_b").check(&r().beta(x1, x2_3, ()).unwrap());
    b("exponential").check(&r().exponential(x1_3, ()).unwrap());
    b("standard_gamma").check(&r().standard_gamma(x1_3, ()).unwrap());
    b("gamma_shape").check(&r().gamma(x1_3, x2, ()).unwrap());
    b("gamma_scale").check(&r().gamma(x1, x2_3, ()).unwrap());
    b("f_num").check(&r().f(x1_3, x2, ()).unwrap());
    b("f_den").check(&r().f(x1, x2_3, ()).unwrap());
    b("noncentral_f_num").check(&r().noncentral_f([2.0; 3], [3.0], [4.0], ()).unwrap());
    b("noncentral_f_den").check(&r().noncentral_f([2.0], [3.0; 3], [4.0], ()).unwrap());
    b("noncentral_f_nonc").check(&r().noncentral_f([2.0], [3.0], [4.0; 3], ()).unwrap());
    b("noncentral_f_small_df").check(&r().noncentral_f(0.9, 0.9, 2.0, 2).unwrap());
    b("chisquare").check(&r().chisquare(x1_3, ()).unwrap());
    b("noncentral_chisquare_df").check(&r().noncentral_chisquare(x1_3, x2, ()).unwrap());
    b("noncentral_chisquare_nonc").check(&r().noncentral_chisquare(x1, x2_3, ()).unwrap());
    b("standard_t").check(&r().standard_t(x1_3, ()).unwrap());
    b("vonmises_mu").check(&r().vonmises(x2_3, x1, ()).unwrap());
    b("vonmises_kappa").check(&r().vonmises(x2, x1_3, ()).unwrap());
    b("pareto").check(&r().pareto(x1_3, ()).unwrap());
    b("weibull").check(&r().weibull(x1_3, ()).unwrap());
    b("power").check(&r().power(x1_3, ()).unwrap());
    b("laplace_loc").check(&r().laplace(x0_3, x1, ()).unwrap());
    b("laplace_scale").check(&r().laplace(x0, x1_3, ()).unwrap());
    b("gumbel_loc").check(&r().gumbel(x0_3, x1, ()).unwrap());
    b("gumbel_scale").check(&r().gumbel(x0, x1_3, ()).unwrap());
    b("logistic_loc").check(&r().logistic(x0_3, x1, ()).unwrap());
    b("logistic_scale").check(&r().logistic(x0, x1_3, ()).unwrap());
    b("lognormal_mean").check(&r().lognormal(x0_3, x1, ()).unwrap());
    b("lognormal_sigma").check(&r().lognormal(x0, x1_3, ()).unwrap());
    b("rayleigh").check(&r().rayleigh(x1_3, ()).unwrap());
    b("wald_mean").check(&r().wald([0.5; 3], x1, ()).unwrap());
    b("wald_scale").check(&r().wald([0.5], x1_3, ()).unwrap());
    b("triangular_left").check(&r().triangular(x1_3, x2, [3.0], ()).unwrap());
    b("triangular_mode").check(&r().triangular(x1, x2_3, [3.0], ()).unwrap());
    b("triangular_right").check(&r().triangular(x1, x2, [3.0; 3], ()).unwrap());
    b("binomial_n").check(&r().binomial([1i64; 3], [0.5], ()).unwrap());
    b("binomial_p").check(&r().binomial([1i64], [0.5; 3], ()).unwrap());
    b("negative_binomial_n").check(&r().negative_binomial(x1_3, [0.5], ()).unwrap());
    b("negative_binomial_p").check(&r().negative_binomial(x1, [0.5; 3], ()).unwrap());
    b("poisson").check(&r().poisson(x1_3, ()).unwrap());
    b("zipf").check(&r().zipf(x2_3, ()).unwrap());
    b("geometric").check(&r().geometric([0.5; 3], ()).unwrap());
    b("hypergeometric_ngood").check(&r().hypergeometric([1i64; 3], [2i64], [2i64], ()).unwrap());
    b("hypergeometric_nbad").check(&r().hypergeometric([1i64], [2i64; 3], [2i64], ()).unwrap());
    b("hypergeometric_nsample").check(&r().hypergeometric([1i64], [2i64], [2i64; 3], ()).unwrap());
    b("logseries").check(&r().logseries([0.5; 3], ()).unwrap());
}
