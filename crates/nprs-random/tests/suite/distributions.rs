//! Every Generator distribution against NumPy: several parameter sets, two seeds, sizes,
//! broadcasting, edge cases, scalar draws, and long-stream hashes.

use crate::common;

use common::{check_scalars, fnv_f32, fnv_f64, fnv_i64, int};
use nprs_core::Array;
use nprs_random::{Generator, Pcg64, default_rng};
use nprs_testkit::oracle;

enum Out {
    F64(Array<f64>),
    F32(Array<f32>),
    I64(Array<i64>),
}

fn col<T: nprs_core::Element>(v: &[T]) -> Array<T> {
    Array::from_shape_vec(&[v.len(), 1], v.to_vec()).unwrap()
}

#[allow(clippy::too_many_lines)] // one arm per recorded case
fn call(key: &str, r: &mut Generator<Pcg64>) -> Out {
    use Out::{F32, F64, I64};
    let nan = f64::NAN;
    let pi = std::f64::consts::PI;
    match key {
        "uniform_a" => F64(r.uniform(-1.0, 1.0, 40).unwrap()),
        "uniform_b" => F64(r.uniform(5.0, 10.0, [4, 5]).unwrap()),
        "uniform_zero" => F64(r.uniform(3.0, 3.0, 5).unwrap()),
        "uniform_bc" => F64(r.uniform([0.0, 1.0], col(&[2.0, 3.0]), ()).unwrap()),
        "uniform_bc_size" => F64(r.uniform([0.0, 1.0], 2.0, [3, 2]).unwrap()),
        "normal_a" => F64(r.normal(3.0, 2.0, 40).unwrap()),
        "normal_bc" => F64(r.normal([0.0, 10.0], [1.0, 100.0], ()).unwrap()),
        "normal_zero" => F64(r.normal(1.5, 0.0, 5).unwrap()),
        "normal_tiny" => F64(r.normal(0.0, 1e-300, 5).unwrap()),
        "normal_huge" => F64(r.normal(1e300, 1e300, 5).unwrap()),
        "normal_bc_size" => F64(r.normal(col(&[0.0, 5.0]), [1.0, 2.0, 3.0], [2, 3]).unwrap()),
        "standard_normal_a" => F64(r.standard_normal(120).unwrap()),
        "standard_normal_f32" => F32(r.standard_normal_f32(120).unwrap()),
        "standard_normal_shape" => F64(r.standard_normal([3, 4]).unwrap()),
        "exponential_a" => F64(r.exponential(2.5, 40).unwrap()),
        "exponential_zero" => F64(r.exponential(0.0, 5).unwrap()),
        "exponential_bc" => F64(r.exponential([1.0, 10.0, 100.0], ()).unwrap()),
        "standard_exponential_a" => F64(r.standard_exponential(120).unwrap()),
        "standard_exponential_f32" => F32(r.standard_exponential_f32(120).unwrap()),
        "standard_exponential_inv" => F64(r.standard_exponential_inv(40).unwrap()),
        "standard_exponential_inv_f32" => F32(r.standard_exponential_inv_f32(40).unwrap()),
        "standard_gamma_half" => F64(r.standard_gamma(0.5, 40).unwrap()),
        "standard_gamma_one" => F64(r.standard_gamma(1.0, 20).unwrap()),
        "standard_gamma_k25" => F64(r.standard_gamma(2.5, 40).unwrap()),
        "standard_gamma_zero" => F64(r.standard_gamma(0.0, 5).unwrap()),
        "standard_gamma_tiny" => F64(r.standard_gamma(1e-3, 20).unwrap()),
        "standard_gamma_huge" => F64(r.standard_gamma(1e6, 20).unwrap()),
        "standard_gamma_bc" => F64(r.standard_gamma([0.3, 3.0, 30.0], ()).unwrap()),
        "standard_gamma_f32_half" => F32(r.standard_gamma_f32(0.5f32, 40).unwrap()),
        "standard_gamma_f32_k3" => F32(r.standard_gamma_f32(3.0f32, 40).unwrap()),
        "standard_gamma_f32_one" => F32(r.standard_gamma_f32(1.0f32, 20).unwrap()),
        "gamma_a" => F64(r.gamma(2.0, 3.0, 30).unwrap()),
        "gamma_small" => F64(r.gamma(0.2, 0.5, 30).unwrap()),
        "gamma_bc" => F64(r.gamma([1.0, 2.0], col(&[1.0, 10.0]), ()).unwrap()),
        "gamma_zero_scale" => F64(r.gamma(2.0, 0.0, 4).unwrap()),
        "beta_a" => F64(r.beta(2.0, 3.0, 30).unwrap()),
        "beta_half" => F64(r.beta(0.5, 0.5, 30).unwrap()),
        "beta_mixed" => F64(r.beta(0.3, 2.0, 30).unwrap()),
        "beta_small" => F64(r.beta(1e-3, 1e-3, 30).unwrap()),
        "beta_tiny" => F64(r.beta(1e-110, 1e-110, 30).unwrap()),
        "beta_ones" => F64(r.beta(1.0, 1.0, 10).unwrap()),
        "beta_bc" => F64(r.beta([0.5, 5.0], [0.5, 5.0], ()).unwrap()),
        "chisquare_a" => F64(r.chisquare(2.0, 30).unwrap()),
        "chisquare_half" => F64(r.chisquare(0.5, 30).unwrap()),
        "chisquare_bc" => F64(r.chisquare([1.0, 10.0, 100.0], ()).unwrap()),
        "f_a" => F64(r.f(5.0, 10.0, 30).unwrap()),
        "f_small" => F64(r.f(0.5, 0.7, 30).unwrap()),
        "f_bc" => F64(r.f([1.0, 2.0], [3.0, 4.0], ()).unwrap()),
        "noncentral_chisquare_a" => F64(r.noncentral_chisquare(3.0, 2.0, 30).unwrap()),
        "noncentral_chisquare_low_df" => F64(r.noncentral_chisquare(0.5, 2.0, 30).unwrap()),
        "noncentral_chisquare_zero_nonc" => F64(r.noncentral_chisquare(3.0, 0.0, 10).unwrap()),
        "noncentral_chisquare_nan" => F64(r.noncentral_chisquare(3.0, nan, 3).unwrap()),
        "noncentral_chisquare_bc" => F64(r.noncentral_chisquare([0.5, 3.0], [1.0, 10.0], ()).unwrap()),
        "noncentral_f_a" => F64(r.noncentral_f(3.0, 10.0, 2.0, 30).unwrap()),
        "noncentral_f_low" => F64(r.noncentral_f(0.8, 2.0, 0.5, 30).unwrap()),
        "noncentral_f_bc" => F64(r.noncentral_f([1.0, 5.0], 10.0, [0.0, 2.0], ()).unwrap()),
        "standard_cauchy_a" => F64(r.standard_cauchy(40).unwrap()),
        "standard_t_a" => F64(r.standard_t(3.0, 30).unwrap()),
        "standard_t_half" => F64(r.standard_t(0.5, 30).unwrap()),
        "standard_t_big" => F64(r.standard_t(1e6, 10).unwrap()),
        "standard_t_bc" => F64(r.standard_t([1.0, 10.0, 100.0], ()).unwrap()),
        "vonmises_a" => F64(r.vonmises(0.0, 4.0, 40).unwrap()),
        "vonmises_pi" => F64(r.vonmises(pi, 4.0, 20).unwrap()),
        "vonmises_mu" => F64(r.vonmises(-2.5, 1.0, 30).unwrap()),
        "vonmises_tiny" => F64(r.vonmises(1.0, 1e-9, 10).unwrap()),
        "vonmises_small" => F64(r.vonmises(1.0, 1e-6, 10).unwrap()),
        "vonmises_huge" => F64(r.vonmises(3.0, 1e7, 20).unwrap()),
        "vonmises_nan" => F64(r.vonmises(0.0, nan, 3).unwrap()),
        "vonmises_bc" => F64(r.vonmises([0.0, 1.0], [0.5, 50.0], ()).unwrap()),
        "pareto_a" => F64(r.pareto(3.0, 30).unwrap()),
        "pareto_small" => F64(r.pareto(0.1, 30).unwrap()),
        "pareto_bc" => F64(r.pareto([1.0, 5.0, 50.0], ()).unwrap()),
        "weibull_a" => F64(r.weibull(5.0, 30).unwrap()),
        "weibull_zero" => F64(r.weibull(0.0, 5).unwrap()),
        "weibull_small" => F64(r.weibull(0.1, 30).unwrap()),
        "weibull_bc" => F64(r.weibull([0.5, 2.0], ()).unwrap()),
        "power_a" => F64(r.power(5.0, 30).unwrap()),
        "power_small" => F64(r.power(0.2, 30).unwrap()),
        "power_bc" => F64(r.power([0.5, 2.0], ()).unwrap()),
        "laplace_a" => F64(r.laplace(1.0, 2.0, 40).unwrap()),
        "laplace_zero" => F64(r.laplace(1.0, 0.0, 5).unwrap()),
        "laplace_bc" => F64(r.laplace([0.0, 10.0], [1.0, 3.0], ()).unwrap()),
        "gumbel_a" => F64(r.gumbel(1.0, 2.0, 40).unwrap()),
        "gumbel_bc" => F64(r.gumbel([0.0, 10.0], [1.0, 3.0], ()).unwrap()),
        "logistic_a" => F64(r.logistic(1.0, 2.0, 40).unwrap()),
        "logistic_bc" => F64(r.logistic([0.0, 10.0], [1.0, 3.0], ()).unwrap()),
        "lognormal_a" => F64(r.lognormal(0.5, 0.3, 40).unwrap()),
        "lognormal_bc" => F64(r.lognormal([0.0, 1.0], [0.1, 2.0], ()).unwrap()),
        "rayleigh_a" => F64(r.rayleigh(2.0, 40).unwrap()),
        "rayleigh_zero" => F64(r.rayleigh(0.0, 5).unwrap()),
        "rayleigh_bc" => F64(r.rayleigh([1.0, 5.0], ()).unwrap()),
        "wald_a" => F64(r.wald(3.0, 2.0, 40).unwrap()),
        "wald_small" => F64(r.wald(0.1, 100.0, 20).unwrap()),
        "wald_bc" => F64(r.wald([1.0, 2.0], [3.0, 4.0], ()).unwrap()),
        "triangular_a" => F64(r.triangular(-3.0, 0.0, 8.0, 40).unwrap()),
        "triangular_left" => F64(r.triangular(0.0, 0.0, 1.0, 20).unwrap()),
        "triangular_right" => F64(r.triangular(0.0, 1.0, 1.0, 20).unwrap()),
        "triangular_bc" => F64(r.triangular([0.0, 1.0], [2.0, 3.0], [4.0, 5.0], ()).unwrap()),
        "binomial_a" => I64(r.binomial(10, 0.3, 40).unwrap()),
        "binomial_hi_p" => I64(r.binomial(10, 0.7, 40).unwrap()),
        "binomial_btpe" => I64(r.binomial(1000, 0.5, 120).unwrap()),
        "binomial_big" => I64(r.binomial(100_000, 0.4, 30).unwrap()),
        "binomial_n0" => I64(r.binomial(0, 0.5, 5).unwrap()),
        "binomial_p0" => I64(r.binomial(5, 0.0, 5).unwrap()),
        "binomial_p1" => I64(r.binomial(5, 1.0, 5).unwrap()),
        "binomial_bc" => I64(r.binomial([1i64, 10, 100, 1000], [0.1, 0.5, 0.9, 0.99], ()).unwrap()),
        "binomial_hi_btpe" => I64(r.binomial(500, 0.8, 100).unwrap()),
        "binomial_s3" => I64(r.binomial(1000, 0.2, 8).unwrap()),
        "negative_binomial_a" => I64(r.negative_binomial(1.0, 0.5, 40).unwrap()),
        "negative_binomial_frac" => I64(r.negative_binomial(10.5, 0.1, 40).unwrap()),
        "negative_binomial_p1" => I64(r.negative_binomial(5.0, 1.0, 5).unwrap()),
        "negative_binomial_bc" => I64(r.negative_binomial([1.0, 100.0], [0.9, 0.01], ()).unwrap()),
        "poisson_a" => I64(r.poisson(3.0, 40).unwrap()),
        "poisson_half" => I64(r.poisson(0.5, 40).unwrap()),
        "poisson_ptrs" => I64(r.poisson(100.0, 100).unwrap()),
        "poisson_big" => I64(r.poisson(1e6, 20).unwrap()),
        "poisson_zero" => I64(r.poisson(0.0, 5).unwrap()),
        "poisson_ten" => I64(r.poisson(10.0, 40).unwrap()),
        "poisson_bc" => I64(r.poisson([0.0, 1.0, 10.0, 100.0], ()).unwrap()),
        "zipf_a" => I64(r.zipf(2.0, 40).unwrap()),
        "zipf_four" => I64(r.zipf(4.0, 40).unwrap()),
        "zipf_low" => I64(r.zipf(1.1, 40).unwrap()),
        "zipf_bc" => I64(r.zipf([1.5, 3.0], ()).unwrap()),
        "zipf_huge" => I64(r.zipf(2000.0, 5).unwrap()),
        "zipf_inf" => I64(r.zipf(f64::INFINITY, 3).unwrap()),
        "geometric_search" => I64(r.geometric(0.5, 40).unwrap()),
        "geometric_inv" => I64(r.geometric(0.1, 40).unwrap()),
        "geometric_one" => I64(r.geometric(1.0, 5).unwrap()),
        "geometric_tiny" => I64(r.geometric(1e-18, 5).unwrap()),
        "geometric_bc" => I64(r.geometric([0.05, 0.9], ()).unwrap()),
        "hypergeometric_small" => I64(r.hypergeometric(10, 5, 3, 40).unwrap()),
        "hypergeometric_hrua" => I64(r.hypergeometric(100, 200, 50, 40).unwrap()),
        "hypergeometric_big" => I64(r.hypergeometric(100_000_000, 100_000_000, 1_000_000, 10).unwrap()),
        "hypergeometric_n0" => I64(r.hypergeometric(5, 5, 0, 5).unwrap()),
        "hypergeometric_good0" => I64(r.hypergeometric(0, 5, 2, 5).unwrap()),
        "hypergeometric_most" => I64(r.hypergeometric(1000, 2, 990, 10).unwrap()),
        "hypergeometric_half" => I64(r.hypergeometric(30, 30, 45, 20).unwrap()),
        "hypergeometric_bc" => I64(r.hypergeometric([10i64, 100], [5i64, 200], [3i64, 50], ()).unwrap()),
        "logseries_a" => I64(r.logseries(0.5, 40).unwrap()),
        "logseries_high" => I64(r.logseries(0.99, 40).unwrap()),
        "logseries_zero" => I64(r.logseries(0.0, 5).unwrap()),
        "logseries_bc" => I64(r.logseries([0.1, 0.9], ()).unwrap()),
        other => panic!("no nprs call for case {other}"),
    }
}

#[test]
fn every_distribution_matches_numpy() {
    let o = oracle("random/distributions");
    let mut n = 0;
    for c in o.iter() {
        let Some(rest) = c.name.strip_suffix("_42").or_else(|| c.name.strip_suffix("_0")) else { continue };
        if rest.starts_with("scalars_") || rest.starts_with("hash_") || rest.contains("_tail") {
            continue;
        }
        let seed: u64 = if c.name.ends_with("_42") { 42 } else { 0 };
        if rest.starts_with("multinomial") || rest.starts_with("dirichlet") || rest.starts_with("binomial_btpe_long") {
            continue;
        }
        match call(rest, &mut default_rng(seed)) {
            Out::F64(a) => c.check(&a),
            Out::F32(a) => c.check(&a),
            Out::I64(a) => c.check(&a),
        }
        n += 1;
    }
    assert!(n > 250, "only {n} cases ran");
}

#[test]
fn scalar_draws() {
    let o = oracle("random/distributions");
    let r = || default_rng(42);
    let mut g = r();
    let v: Vec<f64> = (0..3).map(|_| g.normal_scalar(1.0, 2.0).unwrap()).collect();
    check_scalars(o.case("scalars_normal"), &v);
    let mut g = r();
    let mut v: Vec<f64> = (0..3).map(|_| g.standard_normal_scalar()).collect();
    v.push(f64::from(g.standard_normal_f32_scalar()));
    check_scalars(o.case("scalars_standard_normal"), &v);
    let mut g = r();
    let v: Vec<f64> = (0..3).map(|_| g.standard_exponential_scalar()).collect();
    check_scalars(o.case("scalars_standard_exponential"), &v);
    let mut g = r();
    let v: Vec<i64> = (0..4).map(|_| g.binomial_scalar(20, 0.4).unwrap()).collect();
    check_scalars(o.case("scalars_binomial"), &v);
    let mut g = r();
    let v: Vec<i64> = (0..4).map(|_| g.poisson_scalar(4.0).unwrap()).collect();
    check_scalars(o.case("scalars_poisson"), &v);
    let mut g = r();
    let v: Vec<f64> = (0..3).map(|_| g.gamma_scalar(2.0, 1.5).unwrap()).collect();
    check_scalars(o.case("scalars_gamma"), &v);
    let mut g = r();
    let v: Vec<f64> = (0..3).map(|_| g.uniform_scalar(2.0, 3.0).unwrap()).collect();
    check_scalars(o.case("scalars_uniform"), &v);
    let mut g = r();
    let v: Vec<f64> = (0..3).map(|_| g.triangular_scalar(0.0, 0.5, 2.0).unwrap()).collect();
    check_scalars(o.case("scalars_triangular"), &v);
    let mut g = r();
    let v: Vec<i64> = (0..3).map(|_| g.hypergeometric_scalar(100, 200, 50).unwrap()).collect();
    check_scalars(o.case("scalars_hypergeometric"), &v);
    let mut g = r();
    let v: Vec<f32> = (0..3).map(|_| g.standard_gamma_f32_scalar(2.5).unwrap()).collect();
    check_scalars(o.case("scalars_standard_gamma_f32"), &v);
}

#[test]
fn long_streams() {
    let o = oracle("random/distributions");
    let r = || default_rng(42);
    let h = |name: &str| o.case(&format!("hash_{name}"));
    h("standard_normal").check_with(int, fnv_f64(&r().standard_normal(100_000).unwrap().to_vec()).into());
    h("standard_normal_f32").check_with(int, fnv_f32(&r().standard_normal_f32(100_000).unwrap().to_vec()).into());
    h("standard_exponential").check_with(int, fnv_f64(&r().standard_exponential(100_000).unwrap().to_vec()).into());
    h("standard_exponential_f32")
        .check_with(int, fnv_f32(&r().standard_exponential_f32(100_000).unwrap().to_vec()).into());
    h("binomial_1000").check_with(int, fnv_i64(&r().binomial(1000, 0.3, 100_000).unwrap().to_vec()).into());
    h("binomial_20").check_with(int, fnv_i64(&r().binomial(20, 0.3, 100_000).unwrap().to_vec()).into());
    h("poisson_small").check_with(int, fnv_i64(&r().poisson(4.5, 100_000).unwrap().to_vec()).into());
    h("poisson_large").check_with(int, fnv_i64(&r().poisson(250.0, 100_000).unwrap().to_vec()).into());
    h("standard_gamma_small").check_with(int, fnv_f64(&r().standard_gamma(0.7, 100_000).unwrap().to_vec()).into());
    h("standard_gamma_large").check_with(int, fnv_f64(&r().standard_gamma(3.0, 100_000).unwrap().to_vec()).into());
    h("standard_gamma_f32").check_with(int, fnv_f32(&r().standard_gamma_f32(0.7f32, 20_000).unwrap().to_vec()).into());
    h("beta").check_with(int, fnv_f64(&r().beta(0.4, 0.6, 20_000).unwrap().to_vec()).into());
    h("hypergeometric").check_with(int, fnv_i64(&r().hypergeometric(60, 40, 30, 20_000).unwrap().to_vec()).into());
    h("vonmises").check_with(int, fnv_f64(&r().vonmises(0.3, 2.0, 20_000).unwrap().to_vec()).into());
    h("zipf").check_with(int, fnv_i64(&r().zipf(1.3, 20_000).unwrap().to_vec()).into());
    h("logseries").check_with(int, fnv_i64(&r().logseries(0.9, 20_000).unwrap().to_vec()).into());
    h("geometric").check_with(int, fnv_i64(&r().geometric(0.02, 20_000).unwrap().to_vec()).into());
    let tail = default_rng(1).standard_normal(1000).unwrap().to_vec();
    o.case("normal_tail_1").check(&Array::from_vec(tail[850..870].to_vec()));
    let tail = r().standard_exponential(2105).unwrap().to_vec();
    o.case("exp_tail_42").check(&Array::from_vec(tail[2095..].to_vec()));
    let b = r().binomial(1000, 0.5, 13453).unwrap().to_vec();
    o.case("binomial_btpe_long").check(&Array::from_vec(b[13440..].to_vec()));
}

#[test]
fn multinomial_and_dirichlet() {
    let o = oracle("random/distributions");
    let r = || default_rng(42);
    let dice = vec![1.0 / 6.0; 6];
    o.case("multinomial_dice").check(&r().multinomial(20, dice.clone(), 5).unwrap());
    o.case("multinomial_one").check(&r().multinomial(100, [0.2, 0.3, 0.5], ()).unwrap());
    o.case("multinomial_big").check(&r().multinomial(100_000, [0.1, 0.2, 0.3, 0.4], 3).unwrap());
    o.case("multinomial_zeros").check(&r().multinomial(50, [0.0, 0.5, 0.0, 0.5], 4).unwrap());
    o.case("multinomial_short").check(&r().multinomial(30, [0.2, 0.3, 0.1], 3).unwrap());
    o.case("multinomial_n0").check(&r().multinomial(0, [0.5, 0.5], 2).unwrap());
    let p = Array::from_shape_vec(&[2, 3], vec![0.25, 0.25, 0.5, 0.5, 0.5, 0.0]).unwrap();
    o.case("multinomial_bc_n").check(&r().multinomial([10i64, 20], &p, ()).unwrap());
    o.case("multinomial_bc_size").check(&r().multinomial(col(&[10i64, 20]), dice, [2, 2]).unwrap());
    let p = Array::from_shape_vec(&[2, 3], vec![0.1, 0.5, 0.4, 0.3, 0.7, 0.0]).unwrap();
    o.case("multinomial_bc_rows").check(&r().multinomial(1, &p, [4, 2]).unwrap());
    o.case("dirichlet_a").check(&r().dirichlet(&[1.0, 2.0, 3.0], 5).unwrap());
    o.case("dirichlet_small").check(&r().dirichlet(&[0.05, 0.02, 0.01], 5).unwrap());
    o.case("dirichlet_small_zero").check(&r().dirichlet(&[0.05, 0.0, 0.01], 4).unwrap());
    o.case("dirichlet_zeros").check(&r().dirichlet(&[0.0, 0.0], 2).unwrap());
    o.case("dirichlet_one").check(&r().dirichlet(&[0.5, 0.5, 9.0], ()).unwrap());
    o.case("dirichlet_shape").check(&r().dirichlet(&[2.0, 3.0], [2, 3]).unwrap());
    o.case("dirichlet_empty").check(&r().dirichlet(&[], 3).unwrap());
}
