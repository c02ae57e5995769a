"""Legacy RandomState distributions, bit for bit (nprs-random).

The `t_*` cases are the calls of NumPy's own numpy/random/tests/test_randomstate.py
(`TestRandomDist`, seed 1234567890), so their results are that file's `desired` arrays (and
test_random.py's, whose `TestRandomDist` makes the same calls on a `RandomState(1234567890)`
and adds `random`);
the `s_*` cases add streams for other seeds and parameters, `e_*` NumPy's error messages,
`m_*` the module-level functions over the global state.
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

RS = "rng = np.random.RandomState({s})"

TEST_RANDOMSTATE = {
    "rand": "rng.rand(3, 2)",
    "rand_scalar": "rng.rand()",
    "randn": "rng.randn(3, 2)",
    "randn_scalar": "rng.randn()",
    "randint": "rng.randint(-99, 99, size=(3, 2))",
    "random_integers": "rng.random_integers(-99, 99, size=(3, 2))",
    "random_integers_one": "rng.random_integers(198, size=(3, 2))",
    "tomaxint": "rng.tomaxint(size=(3, 2))",
    "tomaxint_scalar": "rng.tomaxint()",
    "random_sample": "rng.random_sample((3, 2))",
    "random_sample_scalar": "rng.random_sample()",
    "random": "rng.random((3, 2))",
    "choice_uniform_replace": "rng.choice(4, 4)",
    "choice_nonuniform_replace": "rng.choice(4, 4, p=[0.4, 0.4, 0.1, 0.1])",
    "choice_uniform_noreplace": "rng.choice(4, 3, replace=False)",
    "choice_nonuniform_noreplace": "rng.choice(4, 3, replace=False, p=[0.1, 0.3, 0.5, 0.1])",
    "bytes": "rng.bytes(10)",
    "permutation_2d": "rng.permutation(np.atleast_2d(np.arange(10)).T)",
    "permutation_int": "rng.permutation(10)",
    "beta": "rng.beta(.1, .9, size=(3, 2))",
    "binomial": "rng.binomial(100, .456, size=(3, 2))",
    "binomial_scalar": "rng.binomial(100, .456)",
    "chisquare": "rng.chisquare(50, size=(3, 2))",
    "dirichlet": "rng.dirichlet(np.array([51.72840233779265162, 39.74494232180943953]), size=(3, 2))",
    "dirichlet_none": "rng.dirichlet(np.array([51.72840233779265162, 39.74494232180943953]))",
    "exponential": "rng.exponential(1.1234, size=(3, 2))",
    "f": "rng.f(12, 77, size=(3, 2))",
    "gamma": "rng.gamma(5, 3, size=(3, 2))",
    "geometric": "rng.geometric(.123456789, size=(3, 2))",
    "gumbel": "rng.gumbel(loc=.123456789, scale=2.0, size=(3, 2))",
    "hypergeometric": "rng.hypergeometric(10, 5, 14, size=(3, 2))",
    "hypergeometric_nbad0": "rng.hypergeometric(5, 0, 3, size=4)",
    "hypergeometric_nbad0_big": "rng.hypergeometric(15, 0, 12, size=4)",
    "hypergeometric_ngood0": "rng.hypergeometric(0, 5, 3, size=4)",
    "hypergeometric_ngood0_big": "rng.hypergeometric(0, 15, 12, size=4)",
    "laplace": "rng.laplace(loc=.123456789, scale=2.0, size=(3, 2))",
    "logistic": "rng.logistic(loc=.123456789, scale=2.0, size=(3, 2))",
    "lognormal": "rng.lognormal(mean=.123456789, sigma=2.0, size=(3, 2))",
    "logseries": "rng.logseries(p=.923456789, size=(3, 2))",
    "multinomial": "rng.multinomial(20, [1 / 6.] * 6, size=(3, 2))",
    "negative_binomial": "rng.negative_binomial(n=100, p=.12345, size=(3, 2))",
    "noncentral_chisquare": "rng.noncentral_chisquare(df=5, nonc=5, size=(3, 2))",
    "noncentral_chisquare_small": "rng.noncentral_chisquare(df=.5, nonc=.2, size=(3, 2))",
    "noncentral_chisquare_zero": "rng.noncentral_chisquare(df=5, nonc=0, size=(3, 2))",
    "noncentral_f": "rng.noncentral_f(dfnum=5, dfden=2, nonc=1, size=(3, 2))",
    "noncentral_f_nan": "rng.noncentral_f(dfnum=5, dfden=2, nonc=np.nan)",
    "normal": "rng.normal(loc=.123456789, scale=2.0, size=(3, 2))",
    "pareto": "rng.pareto(a=.123456789, size=(3, 2))",
    "poisson": "rng.poisson(lam=.123456789, size=(3, 2))",
    "power": "rng.power(a=.123456789, size=(3, 2))",
    "rayleigh": "rng.rayleigh(scale=10, size=(3, 2))",
    "standard_cauchy": "rng.standard_cauchy(size=(3, 2))",
    "standard_exponential": "rng.standard_exponential(size=(3, 2))",
    "standard_gamma": "rng.standard_gamma(shape=3, size=(3, 2))",
    "standard_normal": "rng.standard_normal(size=(3, 2))",
    "standard_t": "rng.standard_t(df=10, size=(3, 2))",
    "triangular": "rng.triangular(left=5.12, mode=10.23, right=20.34, size=(3, 2))",
    "uniform": "rng.uniform(low=1.23, high=10.54, size=(3, 2))",
    "vonmises": "rng.vonmises(mu=1.23, kappa=1.54, size=(3, 2))",
    "vonmises_small": "rng.vonmises(mu=0., kappa=1.1e-8, size=10**6).std()",
    "vonmises_large": "rng.vonmises(mu=0., kappa=1e7, size=3)",
    "wald": "rng.wald(mean=1.23, scale=1.54, size=(3, 2))",
    "weibull": "rng.weibull(a=1.23, size=(3, 2))",
    "zipf": "rng.zipf(a=1.23, size=(3, 2))",
}

# Streams over other seeds and parameter regimes (every branch of the legacy samplers).
STREAMS = {
    "standard_gamma_small": "rng.standard_gamma(0.3, 40)",
    "standard_gamma_one": "rng.standard_gamma(1.0, 10)",
    "standard_gamma_zero": "[rng.standard_gamma(0.0, 3), rng.random_sample()]",
    "standard_gamma_big": "rng.standard_gamma(1e6, 10)",
    "gamma_bc": "rng.gamma([0.5, 2.0, 9.0], [[1.0], [3.0]])",
    "beta_johnk": "rng.beta(0.5, 0.7, 40)",
    "beta_tiny": "rng.beta(1e-200, 1e-200, 10)",
    "beta_gamma": "rng.beta(2.0, 3.0, 40)",
    "beta_mixed": "rng.beta([0.3, 3.0], [0.9, 0.2])",
    "chisquare_small": "rng.chisquare(0.5, 30)",
    "f_small": "rng.f(0.5, 0.7, 20)",
    "noncentral_chisquare_low": "rng.noncentral_chisquare(0.8, 3.0, 30)",
    "noncentral_chisquare_big_nonc": "rng.noncentral_chisquare(0.5, 50.0, 20)",
    "noncentral_chisquare_nan": "[rng.noncentral_chisquare(0.5, np.nan), rng.noncentral_chisquare(3.0, np.nan), rng.random_sample()]",
    "noncentral_f_low": "rng.noncentral_f(0.8, 2.0, 0.5, 20)",
    "standard_t_small": "rng.standard_t(0.5, 20)",
    "wald_small": "rng.wald(0.1, 100.0, 20)",
    "wald_bc": "rng.wald([1.0, 2.0], [3.0, 4.0])",
    "pareto_big": "rng.pareto(30.0, 20)",
    "weibull_zero": "[rng.weibull(0.0, 3), rng.random_sample()]",
    "power_big": "rng.power(5.0, 20)",
    "lognormal_bc": "rng.lognormal([0.0, 1.0], [0.1, 2.0])",
    "rayleigh_bc": "rng.rayleigh([1.0, 5.0])",
    "vonmises_mu": "rng.vonmises(-2.5, 1.0, 30)",
    "vonmises_tiny": "rng.vonmises(1.0, 1e-9, 10)",
    "vonmises_small_kappa": "rng.vonmises(1.0, 1e-6, 10)",
    "vonmises_big": "rng.vonmises(3.0, 1e8, 10)",
    "vonmises_nan": "[rng.vonmises(0.0, np.nan), rng.random_sample()]",
    "laplace_bc": "rng.laplace([0.0, 10.0], [1.0, 3.0])",
    "gumbel_many": "rng.gumbel(1.0, 2.0, 30)",
    "logistic_many": "rng.logistic(1.0, 2.0, 30)",
    "triangular_edges": "[rng.triangular(0, 0, 1, 5), rng.triangular(0, 1, 1, 5)]",
    "standard_cauchy_many": "rng.standard_cauchy(30)",
    "standard_exponential_many": "rng.standard_exponential(30)",
    "geometric_search": "rng.geometric(0.5, 30)",
    "geometric_tiny": "rng.geometric(1e-10, 10)",
    "geometric_one": "rng.geometric(1.0, 5)",
    "zipf_big": "rng.zipf(3.5, 30)",
    "zipf_near_one": "rng.zipf(1.01, 30)",
    "zipf_1024": "rng.zipf(1024.5, 5)",
    "logseries_small": "rng.logseries(0.2, 30)",
    "logseries_big": "rng.logseries(0.999, 30)",
    "logseries_zero": "[rng.logseries(0.0, 3), rng.random_sample()]",
    "hypergeometric_small": "rng.hypergeometric(7, 9, 5, 30)",
    "hypergeometric_hrua": "rng.hypergeometric(100, 200, 60, 30)",
    "hypergeometric_big": "rng.hypergeometric(10**8, 10**8, 10**8, 5)",
    "hypergeometric_huge": "rng.hypergeometric(10**12, 10**12, 10**12, 3)",
    "geometric_zero_p": "rng.geometric(1e-300, 3)",
    "hypergeometric_bc": "rng.hypergeometric([10, 20], [5, 30], [[3], [12]])",
    "negative_binomial_bc": "rng.negative_binomial([1.0, 10.0], [0.3, 0.9])",
    "negative_binomial_frac": "rng.negative_binomial(0.5, 0.5, 20)",
    "negative_binomial_p1": "rng.negative_binomial(3.0, 1.0, 5)",
    "poisson_big": "rng.poisson(1e6, 10)",
    "binomial_btpe_hi": "rng.binomial(1000, 0.7, 20)",
    "multinomial_uneven": "rng.multinomial(100, [0.1, 0.2, 0.7], 4)",
    "multinomial_empty_tail": "rng.multinomial(10, [0.5, 0.5, 0.0], 3)",
    "multinomial_none": "rng.multinomial(30, [0.25, 0.25, 0.5])",
    "dirichlet_small": "rng.dirichlet([0.05, 0.1, 0.2], 4)",
    "dirichlet_nan": "rng.dirichlet([np.nan, 1.0], 2)",
    "tomaxint_many": "rng.tomaxint(10)",
    "bytes_odd": "[rng.bytes(7), rng.random_sample()]",
    "random_alias": "[rng.random(2), rng.random_sample(2)]",
    "standard_gamma_nan": "[rng.standard_gamma(np.nan), rng.random_sample()]",
    "beta_nan": "rng.beta([np.nan, 2.0], [1.0, 3.0])",
    "chisquare_nan": "rng.chisquare([np.nan, 4.0])",
    "standard_t_nan": "rng.standard_t([np.nan, 4.0])",
    "negative_binomial_nan": "rng.negative_binomial(np.nan, 0.5, 3)",
}

ERRORS = {
    "beta": "rng.beta(0, 1)",
    "beta_arr": "rng.beta([1.0], [0.0])",
    "chisquare": "rng.chisquare(0)",
    "f": "rng.f(1, 0)",
    "standard_gamma": "rng.standard_gamma(-1)",
    "gamma_scale": "rng.gamma(1, -1)",
    "noncentral_chisquare": "rng.noncentral_chisquare(1, -1)",
    "noncentral_f": "rng.noncentral_f(0, 1, 1)",
    "standard_t": "rng.standard_t(0)",
    "vonmises": "rng.vonmises(0, -1)",
    "pareto": "rng.pareto(0)",
    "weibull": "rng.weibull(-1)",
    "power": "rng.power(0)",
    "laplace": "rng.laplace(0, -1)",
    "gumbel": "rng.gumbel(0, -1)",
    "logistic": "rng.logistic(0, -1)",
    "lognormal": "rng.lognormal(0, -1)",
    "rayleigh": "rng.rayleigh(-1)",
    "wald": "rng.wald(0, 1)",
    "wald_scale": "rng.wald(1, 0)",
    "triangular": "rng.triangular(1, 0, 2)",
    "triangular_right": "rng.triangular(0, 3, 2)",
    "triangular_equal": "rng.triangular(1, 1, 1)",
    "zipf": "rng.zipf(1.0)",
    "zipf_nan": "rng.zipf(np.nan)",
    "zipf_arr": "rng.zipf([2.0, 0.5])",
    "geometric": "rng.geometric(0)",
    "geometric_big": "rng.geometric(1.5)",
    "logseries": "rng.logseries(1.0)",
    "logseries_arr": "rng.logseries([0.5, 1.0])",
    "negative_binomial_n": "rng.negative_binomial(0, 0.5)",
    "negative_binomial_p": "rng.negative_binomial(1, 1.5)",
    "hypergeometric_sum": "rng.hypergeometric(1, 1, 3)",
    "hypergeometric_overflow": "rng.hypergeometric(2**62, 2**62, 5)",
    "hypergeometric_overflow_arr": "rng.hypergeometric([2**63 - 1], [1], [5])",
    "hypergeometric_ngood": "rng.hypergeometric(-1, 5, 3)",
    "hypergeometric_nbad": "rng.hypergeometric(5, -1, 3)",
    "hypergeometric_nsample": "rng.hypergeometric(5, 5, 0)",
    "hypergeometric_arr": "rng.hypergeometric([5], [5], [0])",
    "multinomial_p": "rng.multinomial(10, [0.5, 1.5])",
    "multinomial_sum": "rng.multinomial(10, [0.6, 0.6, 0.0])",
    "multinomial_n": "rng.multinomial(-1, [0.5, 0.5])",
    "dirichlet": "rng.dirichlet([1.0, 0.0])",
    "random_integers": "rng.random_integers(5, 4)",
    "poisson": "rng.poisson(-1)",
}

MODULE = {
    "m_seq": "[np.random.beta(0.5, 0.5, 2), np.random.gamma(2.0, 1.0, 2), np.random.chisquare(3, 2), "
             "np.random.f(3, 4, 2), np.random.standard_t(5, 2), np.random.standard_cauchy(2), "
             "np.random.standard_exponential(2), np.random.standard_gamma(0.5, 2), np.random.pareto(2.0, 2), "
             "np.random.weibull(2.0, 2), np.random.power(2.0, 2), np.random.laplace(0, 1, 2), "
             "np.random.gumbel(0, 1, 2), np.random.logistic(0, 1, 2), np.random.lognormal(0, 1, 2), "
             "np.random.rayleigh(1, 2), np.random.wald(1, 1, 2), np.random.triangular(0, 1, 2, 2), "
             "np.random.vonmises(0, 1, 2), np.random.noncentral_chisquare(2, 1, 2), "
             "np.random.noncentral_f(2, 3, 1, 2), np.random.negative_binomial(5, 0.5, 2), "
             "np.random.geometric(0.2, 2), np.random.hypergeometric(10, 10, 5, 2), np.random.logseries(0.5, 2), "
             "np.random.zipf(2.0, 2), np.random.multinomial(10, [0.3, 0.7], 2), np.random.dirichlet([1.0, 2.0], 2), "
             "np.random.random_integers(1, 6, 3), np.random.random(2), "
             "np.random.ranf(2), np.random.sample(2)]",
    "m_bytes": "np.random.bytes(6)",
    "m_dyn": "[np.random.choice(np.array([1.5, 2.5, 3.5]), 4), repr(np.random.permutation(np.array(['a', 'bb', 'c']))), "
             "repr(np.random.choice(np.array(['x', 'y']), 3))]",
    "m_shuffle_words": "w = np.array(['a', 'bb', 'c', 'dd']); np.random.shuffle(w); r = repr(w)",
}

# numpy/random/tests/test_randomstate_regression.py, as values.
REGRESSION = {
    "vonmises_range": ("np.random.seed(0)", "[np.random.vonmises(mu, 1, 50) for mu in np.linspace(-7., 7., 5)]"),
    "hypergeometric_range": ("np.random.seed(0)", "[np.random.hypergeometric(3, 18, 11, size=10), "
                             "np.random.hypergeometric(18, 3, 11, size=10), np.random.hypergeometric(2**20 - 2, 2**20 - 2, 2**20 - 2), "
                             "np.random.hypergeometric(2**40 - 2, 2**40 - 2, 2**40 - 2)]"),
    "logseries_convergence": ("np.random.seed(0)", "fnv(np.random.logseries(0.8, size=1000))"),
    "beta_small_parameters": ("np.random.seed(1234567890)", "np.random.beta(0.0001, 0.0001, size=100)"),
    "shuffle_different_length_strings": ("np.random.seed(1234); a = np.array(['a', 'a' * 1000])\n"
                                         "for _ in range(101): np.random.shuffle(a)", "repr(a[0][:3]) + str(len(a[1]))"),
    "randint_117": ("rng = np.random.RandomState(0)", "rng.randint(2**32, size=10)"),
    "p_zero_stream": ("rng = np.random.RandomState(12345)", "rng.binomial(1, [0, 0.25, 0.5, 0.75, 1])"),
    "n_zero_stream": ("rng = np.random.RandomState(8675309)", "rng.binomial([[0], [10]], 0.25, size=(2, 10))"),
    "multinomial_empty": ("np.random.seed(0)", "[np.random.multinomial(10, []), np.random.multinomial(3, [], size=(7, 5, 3)).shape]"),
}

# test_randomstate.py's TestRandint.test_repeatability: 1000 values of every dtype, seed 1234.
RANDINT_DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")


# test_randomstate.py's TestBroadcast (seed 123456789): one parameter of each call is
# repeated three times and broadcast against the others.
BROADCAST = {
    "uniform_low": "rng.uniform([0.0] * 3, [1.0])",
    "uniform_high": "rng.uniform([0.0], [1.0] * 3)",
    "normal_loc": "rng.normal([0.0] * 3, [1.0])",
    "normal_scale": "rng.normal([0.0], [1.0] * 3)",
    "beta_a": "rng.beta([1.0] * 3, [2.0])",
    "beta_b": "rng.beta([1.0], [2.0] * 3)",
    "exponential": "rng.exponential([1.0] * 3)",
    "standard_gamma": "rng.standard_gamma([1.0] * 3)",
    "gamma_shape": "rng.gamma([1.0] * 3, [2.0])",
    "gamma_scale": "rng.gamma([1.0], [2.0] * 3)",
    "f_num": "rng.f([1.0] * 3, [2.0])",
    "f_den": "rng.f([1.0], [2.0] * 3)",
    "noncentral_f_num": "rng.noncentral_f([2.0] * 3, [3.0], [4.0])",
    "noncentral_f_den": "rng.noncentral_f([2.0], [3.0] * 3, [4.0])",
    "noncentral_f_nonc": "rng.noncentral_f([2.0], [3.0], [4.0] * 3)",
    "noncentral_f_small_df": "rng.noncentral_f(0.9, 0.9, 2, size=2)",
    "chisquare": "rng.chisquare([1.0] * 3)",
    "noncentral_chisquare_df": "rng.noncentral_chisquare([1.0] * 3, [2.0])",
    "noncentral_chisquare_nonc": "rng.noncentral_chisquare([1.0], [2.0] * 3)",
    "standard_t": "rng.standard_t([1.0] * 3)",
    "vonmises_mu": "rng.vonmises([2.0] * 3, [1.0])",
    "vonmises_kappa": "rng.vonmises([2.0], [1.0] * 3)",
    "pareto": "rng.pareto([1.0] * 3)",
    "weibull": "rng.weibull([1.0] * 3)",
    "power": "rng.power([1.0] * 3)",
    "laplace_loc": "rng.laplace([0.0] * 3, [1.0])",
    "laplace_scale": "rng.laplace([0.0], [1.0] * 3)",
    "gumbel_loc": "rng.gumbel([0.0] * 3, [1.0])",
    "gumbel_scale": "rng.gumbel([0.0], [1.0] * 3)",
    "logistic_loc": "rng.logistic([0.0] * 3, [1.0])",
    "logistic_scale": "rng.logistic([0.0], [1.0] * 3)",
    "lognormal_mean": "rng.lognormal([0.0] * 3, [1.0])",
    "lognormal_sigma": "rng.lognormal([0.0], [1.0] * 3)",
    "rayleigh": "rng.rayleigh([1.0] * 3)",
    "wald_mean": "rng.wald([0.5] * 3, [1.0])",
    "wald_scale": "rng.wald([0.5], [1.0] * 3)",
    "triangular_left": "rng.triangular([1.0] * 3, [2.0], [3.0])",
    "triangular_mode": "rng.triangular([1.0], [2.0] * 3, [3.0])",
    "triangular_right": "rng.triangular([1.0], [2.0], [3.0] * 3)",
    "binomial_n": "rng.binomial([1] * 3, [0.5])",
    "binomial_p": "rng.binomial([1], [0.5] * 3)",
    "negative_binomial_n": "rng.negative_binomial([1.0] * 3, [0.5])",
    "negative_binomial_p": "rng.negative_binomial([1.0], [0.5] * 3)",
    "poisson": "rng.poisson([1.0] * 3)",
    "zipf": "rng.zipf([2.0] * 3)",
    "geometric": "rng.geometric([0.5] * 3)",
    "hypergeometric_ngood": "rng.hypergeometric([1] * 3, [2], [2])",
    "hypergeometric_nbad": "rng.hypergeometric([1], [2] * 3, [2])",
    "hypergeometric_nsample": "rng.hypergeometric([1], [2], [2] * 3)",
    "logseries": "rng.logseries([0.5] * 3)",
}


def generate(g):
    for name, expr in BROADCAST.items():
        case(g, f"b_{name}", expr, setup=RS.format(s=123456789))
    for name, expr in TEST_RANDOMSTATE.items():
        case(g, f"t_{name}", expr, setup=RS.format(s=1234567890))
    for name, expr in STREAMS.items():
        for s in (0, 42):
            case(g, f"s_{name}_{s}", expr, setup=RS.format(s=s))
    for name, expr in ERRORS.items():
        case(g, f"e_{name}", expr, setup=RS.format(s=0))
    for name, expr in MODULE.items():
        if name == "m_shuffle_words":
            case(g, name, "r", setup="np.random.seed(2024); " + expr)
        else:
            case(g, name, expr, setup="np.random.seed(2024)")
    for name, (setup, expr) in REGRESSION.items():
        case(g, f"reg_{name}", expr, setup=setup)
    for dt in RANDINT_DTYPES:
        high = 2 if dt == "bool" else 6
        case(g, f"randint_repeat_{dt}", f"fnv(np.random.RandomState(1234).randint(0, {high}, size=1000, dtype=np.{dt}))")
    # RandomState over other bit generators: the legacy Gaussian over their streams.
    for bg in ("PCG64", "Philox", "SFC64", "MT19937"):
        setup = f"rng = np.random.RandomState(np.random.{bg}(7))"
        case(g, f"bg_{bg}", "[rng.randn(5), rng.random_sample(3), rng.randint(0, 100, 5), rng.standard_gamma(2.5, 3), "
             "rng.binomial(20, 0.4, 3), rng.bytes(5), rng.tomaxint(2), rng.gamma(0.5, 1.0, 3)]", setup=setup)
