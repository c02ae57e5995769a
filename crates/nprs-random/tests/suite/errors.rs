//! Bad parameters give NumPy's errors: the same exception class and message.

use crate::common;

use common::check_err;
use nprs_core::Array;
use nprs_random::{Choice, Generator, Pcg64, default_rng};
use nprs_testkit::oracle;

type R<T> = nprs_random::Result<T>;

fn discard<T>(r: R<T>) -> R<()> {
    r.map(|_| ())
}

#[allow(clippy::too_many_lines)] // one arm per recorded case
fn call(name: &str, g: &mut Generator<Pcg64>) -> R<()> {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    let a23 = Array::<i64>::arange(6).into_shape(&[2, 3]).unwrap();
    match name {
        "normal_scale" => discard(g.normal_scalar(0.0, -1.0)),
        "normal_scale_arr" => discard(g.normal(0.0, [1.0, -1.0], ())),
        "normal_negzero" => discard(g.normal_scalar(0.0, -0.0)),
        "exponential" => discard(g.exponential_scalar(-1.0)),
        "gamma_shape" => discard(g.gamma_scalar(-1.0, 1.0)),
        "gamma_scale" => discard(g.gamma_scalar(1.0, -1.0)),
        "standard_gamma" => discard(g.standard_gamma_scalar(-1.0)),
        "standard_gamma_f32" => discard(g.standard_gamma_f32_scalar(-1.0)),
        "beta_a" => discard(g.beta_scalar(0.0, 1.0)),
        "beta_b_arr" => discard(g.beta([1.0], 0.0, ())),
        "chisquare" => discard(g.chisquare_scalar(0.0)),
        "f" => discard(g.f_scalar(0.0, 1.0)),
        "noncentral_chisquare" => discard(g.noncentral_chisquare_scalar(1.0, -1.0)),
        "noncentral_f" => discard(g.noncentral_f_scalar(1.0, 1.0, -1.0)),
        "standard_t" => discard(g.standard_t_scalar(0.0)),
        "vonmises" => discard(g.vonmises_scalar(0.0, -1.0)),
        "pareto" => discard(g.pareto_scalar(0.0)),
        "weibull" => discard(g.weibull_scalar(-1.0)),
        "power" => discard(g.power_scalar(0.0)),
        "laplace" => discard(g.laplace_scalar(0.0, -1.0)),
        "gumbel" => discard(g.gumbel_scalar(0.0, -1.0)),
        "logistic" => discard(g.logistic_scalar(0.0, -1.0)),
        "lognormal" => discard(g.lognormal_scalar(0.0, -1.0)),
        "rayleigh" => discard(g.rayleigh_scalar(-1.0)),
        "wald_mean" => discard(g.wald_scalar(0.0, 1.0)),
        "wald_scale" => discard(g.wald_scalar(1.0, 0.0)),
        "triangular_left" => discard(g.triangular_scalar(1.0, 0.0, 2.0)),
        "triangular_mode" => discard(g.triangular_scalar(0.0, 3.0, 2.0)),
        "triangular_equal" => discard(g.triangular_scalar(1.0, 1.0, 1.0)),
        "triangular_arr" => discard(g.triangular([1.0], [0.0], [2.0], ())),
        "binomial_n" => discard(g.binomial_scalar(-1, 0.5)),
        "binomial_p" => discard(g.binomial_scalar(1, 1.5)),
        "binomial_p_nan" => discard(g.binomial_scalar(1, nan)),
        "binomial_p_arr" => discard(g.binomial([1i64], [1.5], ())),
        "binomial_n_arr" => discard(g.binomial([-1i64], [0.5], ())),
        "negative_binomial_n" => discard(g.negative_binomial_scalar(0.0, 0.5)),
        "negative_binomial_nan" => discard(g.negative_binomial_scalar(nan, 0.5)),
        "negative_binomial_p" => discard(g.negative_binomial_scalar(1.0, 0.0)),
        "negative_binomial_range" => discard(g.negative_binomial_scalar(1e30, 1e-10)),
        "poisson_neg" => discard(g.poisson_scalar(-1.0)),
        "poisson_large" => discard(g.poisson_scalar(1e20)),
        "poisson_nan" => discard(g.poisson_scalar(nan)),
        "poisson_arr_neg" => discard(g.poisson([-1.0], ())),
        "poisson_arr_nan" => discard(g.poisson([nan], ())),
        "zipf" => discard(g.zipf_scalar(1.0)),
        "zipf_arr" => discard(g.zipf([1.0], ())),
        "geometric" => discard(g.geometric_scalar(0.0)),
        "geometric_arr" => discard(g.geometric([1.5], ())),
        "logseries" => discard(g.logseries_scalar(1.0)),
        "logseries_arr" => discard(g.logseries([-0.1], ())),
        "hypergeometric_sum" => discard(g.hypergeometric_scalar(1, 1, 3)),
        "hypergeometric_max" => discard(g.hypergeometric_scalar(1_000_000_000, 1, 1)),
        "hypergeometric_ngood" => discard(g.hypergeometric_scalar(-1, 5, 1)),
        "hypergeometric_nbad_arr" => discard(g.hypergeometric([5i64], [-1i64], [1i64], ())),
        "hypergeometric_nsample" => discard(g.hypergeometric_scalar(1, 1, -1)),
        "multinomial_n" => discard(g.multinomial(-1, [0.5, 0.5], ())),
        "multinomial_p" => discard(g.multinomial(1, [-0.1, 1.1], ())),
        "multinomial_sum" => discard(g.multinomial(1, [0.7, 0.7, 0.1], ())),
        "multinomial_sum_2d" => {
            discard(g.multinomial(1, Array::from_shape_vec(&[1, 3], vec![0.7, 0.7, 0.1]).unwrap(), ()))
        }
        "multinomial_empty" => discard(g.multinomial(1, Vec::<f64>::new(), ())),
        "multinomial_scalar_p" => discard(g.multinomial(1, 0.5, ())),
        "multinomial_size" => discard(g.multinomial([1i64, 2], [0.5, 0.5], 1)),
        "dirichlet" => discard(g.dirichlet(&[-1.0, 1.0], ())),
        "uniform_overflow" => discard(g.uniform_scalar(0.0, inf)),
        "uniform_overflow_arr" => discard(g.uniform([0.0], [inf], ())),
        "uniform_neg" => discard(g.uniform_scalar(1.0, 0.0)),
        "integers_high" => discard(g.integers_scalar::<i64>(0, 0)),
        "integers_empty" => discard(g.integers_scalar::<i64>(5, 5)),
        "integers_empty_closed" => discard(g.integers_endpoint::<i64>(5, 4, ())),
        "integers_high_closed" => discard(g.integers_endpoint::<i64>(0, -1, ())),
        "integers_arr_empty" => discard(g.integers::<i64>([1, 2], [0, 5], ())),
        "integers_arr_zero" => discard(g.integers::<i64>([0, 0], [0, 5], ())),
        "integers_u8_high" => discard(g.integers_scalar::<u8>(0, 300)),
        "integers_u8_low" => discard(g.integers_scalar::<u8>(-1, 3)),
        "integers_i64_low" => discard(g.integers_scalar::<i64>(-(1i128 << 63) - 1, 0)),
        "integers_u64_high" => discard(g.integers_scalar::<u64>(0, (1i128 << 64) + 1)),
        "integers_bool_high" => discard(g.integers_scalar::<bool>(0, 3)),
        "integers_neg_size" => discard(g.integers::<i64>(0, 5, -1)),
        "integers_broadcast" => discard(g.integers::<i64>([0, 1], [5, 6], 3)),
        "choice_pop" => discard(g.choice(0, 1, &Choice::new())),
        "choice_pop_none" => discard(g.choice_scalar(0, &Choice::new())),
        "choice_empty" => discard(g.choice_from(&Array::<f64>::from_vec(vec![]), 1, &Choice::new())),
        "choice_p_size" => discard(g.choice(3, 1, &Choice::new().p(&[0.5, 0.5]))),
        "choice_p_sum" => discard(g.choice(2, 1, &Choice::new().p(&[0.5, 0.6]))),
        "choice_p_neg" => discard(g.choice(2, 1, &Choice::new().p(&[-0.5, 1.5]))),
        "choice_p_nan" => discard(g.choice(2, 1, &Choice::new().p(&[nan, 1.0]))),
        "choice_too_many" => discard(g.choice(2, 3, &Choice::new().replace(false))),
        "choice_nonzero" => discard(g.choice(3, 2, &Choice::new().replace(false).p(&[1.0, 0.0, 0.0]))),
        "choice_neg_size" => discard(g.choice(3, -1, &Choice::new())),
        "choice_neg_size_noreplace" => discard(g.choice(3, -1, &Choice::new().replace(false))),
        "choice_axis" => discard(g.choice_from(&a23, 1, &Choice::new().axis(2))),
        "random_neg" => discard(g.random(-1)),
        "random_neg_2d" => discard(g.random([2, -1])),
        "normal_neg_size" => discard(g.normal(0.0, 1.0, -3)),
        "normal_shape" => discard(g.normal([0.0, 1.0], 1.0, 3)),
        "normal_output" => discard(g.normal([0.0, 1.0], 1.0, [3, 1])),
        "normal_broadcast" => discard(g.normal([0.0, 1.0], [1.0, 2.0, 3.0], ())),
        "exponential_output" => discard(g.exponential([1.0, 2.0, 3.0], 1)),
        "binomial_output" => discard(g.binomial([5i64, 5], 0.5, 3)),
        "permutation_0d" => discard(g.permutation_of(&Array::from_elem_0d(1.0), 0)),
        "permuted_axis" => discard(g.permuted(&Array::<i64>::arange(3), Some(1))),
        "permuted_0d" => discard(g.permuted(&Array::from_elem_0d(5i64), None)),
        "shuffle_axis" => discard(g.shuffle(&mut Array::<i64>::arange(3), 1)),
        "shuffle_0d" => discard(g.shuffle(&mut Array::from_elem_0d(5i64), 0)),
        other => panic!("no nprs call for case {other}"),
    }
}

#[test]
fn errors_match_numpy() {
    let o = oracle("random/errors");
    for c in o.iter() {
        check_err(c, call(&c.name, &mut default_rng(0)));
    }
    assert!(o.len() > 100);
}

#[test]
#[should_panic(expected = "expected non-negative integer")]
fn default_rng_panics_on_negative_seed() {
    let _ = default_rng(-5);
}

#[test]
fn try_default_rng_returns_the_error() {
    let e = nprs_random::try_default_rng(-5).unwrap_err();
    assert_eq!((e.numpy_kind(), e.to_string().as_str()), ("ValueError", "expected non-negative integer"));
}
