"""Generator distributions: every method, several parameters, sizes, edge cases (nprs-random)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

RNG = "rng = np.random.default_rng({s})"

# name -> list of (variant, call) ; each call is evaluated on a fresh default_rng(42) (and 0).
CASES = {
    "uniform": [("a", "uniform(-1, 1, 40)"), ("b", "uniform(5, 10, (4, 5))"), ("zero", "uniform(3, 3, 5)"),
                ("bc", "uniform([0, 1], [[2], [3]])"), ("bc_size", "uniform([0, 1], 2, (3, 2))")],
    "normal": [("a", "normal(3.0, 2.0, 40)"), ("bc", "normal([0, 10], [1, 100])"), ("zero", "normal(1.5, 0.0, 5)"),
               ("tiny", "normal(0, 1e-300, 5)"), ("huge", "normal(1e300, 1e300, 5)"), ("bc_size", "normal([[0], [5]], [1, 2, 3], (2, 3))")],
    "standard_normal": [("a", "standard_normal(120)"), ("f32", "standard_normal(120, dtype=np.float32)"),
                        ("shape", "standard_normal((3, 4))")],
    "exponential": [("a", "exponential(2.5, 40)"), ("zero", "exponential(0.0, 5)"), ("bc", "exponential([1, 10, 100])")],
    "standard_exponential": [("a", "standard_exponential(120)"), ("f32", "standard_exponential(120, dtype=np.float32)"),
                             ("inv", "standard_exponential(40, method='inv')"),
                             ("inv_f32", "standard_exponential(40, dtype=np.float32, method='inv')")],
    "standard_gamma": [("half", "standard_gamma(0.5, 40)"), ("one", "standard_gamma(1.0, 20)"), ("k25", "standard_gamma(2.5, 40)"),
                       ("zero", "standard_gamma(0.0, 5)"), ("tiny", "standard_gamma(1e-3, 20)"), ("huge", "standard_gamma(1e6, 20)"),
                       ("bc", "standard_gamma([0.3, 3.0, 30.0])"),
                       ("f32_half", "standard_gamma(0.5, 40, dtype=np.float32)"),
                       ("f32_k3", "standard_gamma(3.0, 40, dtype=np.float32)"),
                       ("f32_one", "standard_gamma(1.0, 20, dtype=np.float32)")],
    "gamma": [("a", "gamma(2.0, 3.0, 30)"), ("small", "gamma(0.2, 0.5, 30)"), ("bc", "gamma([1, 2], [[1], [10]])"),
              ("zero_scale", "gamma(2.0, 0.0, 4)")],
    "beta": [("a", "beta(2.0, 3.0, 30)"), ("half", "beta(0.5, 0.5, 30)"), ("mixed", "beta(0.3, 2.0, 30)"),
             ("small", "beta(1e-3, 1e-3, 30)"), ("tiny", "beta(1e-110, 1e-110, 30)"), ("ones", "beta(1.0, 1.0, 10)"),
             ("bc", "beta([0.5, 5], [0.5, 5])")],
    "chisquare": [("a", "chisquare(2.0, 30)"), ("half", "chisquare(0.5, 30)"), ("bc", "chisquare([1, 10, 100])")],
    "f": [("a", "f(5.0, 10.0, 30)"), ("small", "f(0.5, 0.7, 30)"), ("bc", "f([1, 2], [3, 4])")],
    "noncentral_chisquare": [("a", "noncentral_chisquare(3.0, 2.0, 30)"), ("low_df", "noncentral_chisquare(0.5, 2.0, 30)"),
                             ("zero_nonc", "noncentral_chisquare(3.0, 0.0, 10)"), ("nan", "noncentral_chisquare(3.0, np.nan, 3)"),
                             ("bc", "noncentral_chisquare([0.5, 3], [1, 10])")],
    "noncentral_f": [("a", "noncentral_f(3.0, 10.0, 2.0, 30)"), ("low", "noncentral_f(0.8, 2.0, 0.5, 30)"),
                     ("bc", "noncentral_f([1, 5], 10, [0, 2])")],
    "standard_cauchy": [("a", "standard_cauchy(40)")],
    "standard_t": [("a", "standard_t(3.0, 30)"), ("half", "standard_t(0.5, 30)"), ("big", "standard_t(1e6, 10)"),
                   ("bc", "standard_t([1, 10, 100])")],
    "vonmises": [("a", "vonmises(0.0, 4.0, 40)"), ("pi", "vonmises(np.pi, 4.0, 20)"), ("mu", "vonmises(-2.5, 1.0, 30)"),
                 ("tiny", "vonmises(1.0, 1e-9, 10)"), ("small", "vonmises(1.0, 1e-6, 10)"), ("huge", "vonmises(3.0, 1e7, 20)"),
                 ("nan", "vonmises(0.0, np.nan, 3)"), ("bc", "vonmises([0, 1], [0.5, 50])")],
    "pareto": [("a", "pareto(3.0, 30)"), ("small", "pareto(0.1, 30)"), ("bc", "pareto([1, 5, 50])")],
    "weibull": [("a", "weibull(5.0, 30)"), ("zero", "weibull(0.0, 5)"), ("small", "weibull(0.1, 30)"), ("bc", "weibull([0.5, 2])")],
    "power": [("a", "power(5.0, 30)"), ("small", "power(0.2, 30)"), ("bc", "power([0.5, 2])")],
    "laplace": [("a", "laplace(1.0, 2.0, 40)"), ("zero", "laplace(1.0, 0.0, 5)"), ("bc", "laplace([0, 10], [1, 3])")],
    "gumbel": [("a", "gumbel(1.0, 2.0, 40)"), ("bc", "gumbel([0, 10], [1, 3])")],
    "logistic": [("a", "logistic(1.0, 2.0, 40)"), ("bc", "logistic([0, 10], [1, 3])")],
    "lognormal": [("a", "lognormal(0.5, 0.3, 40)"), ("bc", "lognormal([0, 1], [0.1, 2])")],
    "rayleigh": [("a", "rayleigh(2.0, 40)"), ("zero", "rayleigh(0.0, 5)"), ("bc", "rayleigh([1, 5])")],
    "wald": [("a", "wald(3.0, 2.0, 40)"), ("small", "wald(0.1, 100.0, 20)"), ("bc", "wald([1, 2], [3, 4])")],
    "triangular": [("a", "triangular(-3, 0, 8, 40)"), ("left", "triangular(0, 0, 1, 20)"), ("right", "triangular(0, 1, 1, 20)"),
                   ("bc", "triangular([0, 1], [2, 3], [4, 5])")],
    "binomial": [("a", "binomial(10, 0.3, 40)"), ("hi_p", "binomial(10, 0.7, 40)"), ("btpe", "binomial(1000, 0.5, 120)"),
                 ("big", "binomial(100000, 0.4, 30)"), ("n0", "binomial(0, 0.5, 5)"), ("p0", "binomial(5, 0.0, 5)"),
                 ("p1", "binomial(5, 1.0, 5)"), ("bc", "binomial([1, 10, 100, 1000], [0.1, 0.5, 0.9, 0.99])"),
                 ("hi_btpe", "binomial(500, 0.8, 100)"), ("s3", "binomial(1000, 0.2, 8)")],
    "negative_binomial": [("a", "negative_binomial(1, 0.5, 40)"), ("frac", "negative_binomial(10.5, 0.1, 40)"),
                          ("p1", "negative_binomial(5, 1.0, 5)"), ("bc", "negative_binomial([1, 100], [0.9, 0.01])")],
    "poisson": [("a", "poisson(3.0, 40)"), ("half", "poisson(0.5, 40)"), ("ptrs", "poisson(100.0, 100)"),
                ("big", "poisson(1e6, 20)"), ("zero", "poisson(0.0, 5)"), ("ten", "poisson(10.0, 40)"),
                ("bc", "poisson([0, 1, 10, 100])")],
    "zipf": [("a", "zipf(2.0, 40)"), ("four", "zipf(4.0, 40)"), ("low", "zipf(1.1, 40)"), ("bc", "zipf([1.5, 3])"),
             ("huge", "zipf(2000.0, 5)"), ("inf", "zipf(np.inf, 3)")],
    "geometric": [("search", "geometric(0.5, 40)"), ("inv", "geometric(0.1, 40)"), ("one", "geometric(1.0, 5)"),
                  ("tiny", "geometric(1e-18, 5)"), ("bc", "geometric([0.05, 0.9])")],
    "hypergeometric": [("small", "hypergeometric(10, 5, 3, 40)"), ("hrua", "hypergeometric(100, 200, 50, 40)"),
                       ("big", "hypergeometric(10**8, 10**8, 10**6, 10)"), ("n0", "hypergeometric(5, 5, 0, 5)"),
                       ("good0", "hypergeometric(0, 5, 2, 5)"), ("most", "hypergeometric(1000, 2, 990, 10)"),
                       ("half", "hypergeometric(30, 30, 45, 20)"), ("bc", "hypergeometric([10, 100], [5, 200], [3, 50])")],
    "logseries": [("a", "logseries(0.5, 40)"), ("high", "logseries(0.99, 40)"), ("zero", "logseries(0.0, 5)"),
                  ("bc", "logseries([0.1, 0.9])")],
}

SCALAR_SEQS = {
    "normal": "[rng.normal(1.0, 2.0) for _ in range(3)]",
    "standard_normal": "[rng.standard_normal() for _ in range(3)] + [rng.standard_normal(dtype=np.float32)]",
    "standard_exponential": "[rng.standard_exponential() for _ in range(3)]",
    "binomial": "[rng.binomial(20, 0.4) for _ in range(4)]",
    "poisson": "[rng.poisson(4.0) for _ in range(4)]",
    "gamma": "[rng.gamma(2.0, 1.5) for _ in range(3)]",
    "uniform": "[rng.uniform(2.0, 3.0) for _ in range(3)]",
    "triangular": "[rng.triangular(0.0, 0.5, 2.0) for _ in range(3)]",
    "hypergeometric": "[rng.hypergeometric(100, 200, 50) for _ in range(3)]",
    "standard_gamma_f32": "[rng.standard_gamma(2.5, dtype=np.float32) for _ in range(3)]",
}

HASHES = {
    "standard_normal": "standard_normal(100000)",
    "standard_normal_f32": "standard_normal(100000, dtype=np.float32)",
    "standard_exponential": "standard_exponential(100000)",
    "standard_exponential_f32": "standard_exponential(100000, dtype=np.float32)",
    "binomial_1000": "binomial(1000, 0.3, 100000)",
    "binomial_20": "binomial(20, 0.3, 100000)",
    "poisson_small": "poisson(4.5, 100000)",
    "poisson_large": "poisson(250.0, 100000)",
    "standard_gamma_small": "standard_gamma(0.7, 100000)",
    "standard_gamma_large": "standard_gamma(3.0, 100000)",
    "standard_gamma_f32": "standard_gamma(0.7, 20000, dtype=np.float32)",
    "beta": "beta(0.4, 0.6, 20000)",
    "hypergeometric": "hypergeometric(60, 40, 30, 20000)",
    "vonmises": "vonmises(0.3, 2.0, 20000)",
    "zipf": "zipf(1.3, 20000)",
    "logseries": "logseries(0.9, 20000)",
    "geometric": "geometric(0.02, 20000)",
}


def generate(g):
    for name, variants in CASES.items():
        for v, call in variants:
            for s in (42, 0):
                case(g, f"{name}_{v}_{s}", f"rng.{call}", setup=RNG.format(s=s))
    for name, expr in SCALAR_SEQS.items():
        case(g, f"scalars_{name}", expr, setup=RNG.format(s=42))
    for name, call in HASHES.items():
        case(g, f"hash_{name}", f"fnv(rng.{call})", setup=RNG.format(s=42))
    r = RNG.format(s=1)
    case(g, "normal_tail_1", "rng.standard_normal(1000)[850:870]", setup=r)
    case(g, "exp_tail_42", "rng.standard_exponential(2105)[2095:]", setup=RNG.format(s=42))
    case(g, "binomial_btpe_long", "rng.binomial(1000, 0.5, 13453)[13440:]", setup=RNG.format(s=42))
    # multinomial and dirichlet
    r = RNG.format(s=42)
    case(g, "multinomial_dice", "rng.multinomial(20, [1 / 6.] * 6, size=5)", setup=r)
    case(g, "multinomial_one", "rng.multinomial(100, [0.2, 0.3, 0.5])", setup=r)
    case(g, "multinomial_big", "rng.multinomial(100000, [0.1, 0.2, 0.3, 0.4], size=3)", setup=r)
    case(g, "multinomial_zeros", "rng.multinomial(50, [0.0, 0.5, 0.0, 0.5], size=4)", setup=r)
    case(g, "multinomial_short", "rng.multinomial(30, [0.2, 0.3, 0.1], size=3)", setup=r)
    case(g, "multinomial_n0", "rng.multinomial(0, [0.5, 0.5], size=2)", setup=r)
    case(g, "multinomial_bc_n", "rng.multinomial([10, 20], [[0.25, 0.25, 0.5], [0.5, 0.5, 0.0]])", setup=r)
    case(g, "multinomial_bc_size", "rng.multinomial([[10], [20]], [1 / 6.] * 6, size=(2, 2))", setup=r)
    case(g, "multinomial_bc_rows", "rng.multinomial(1, [[0.1, 0.5, 0.4], [0.3, 0.7, 0.0]], size=(4, 2))", setup=r)
    case(g, "dirichlet_a", "rng.dirichlet([1.0, 2.0, 3.0], 5)", setup=r)
    case(g, "dirichlet_small", "rng.dirichlet([0.05, 0.02, 0.01], 5)", setup=r)
    case(g, "dirichlet_small_zero", "rng.dirichlet([0.05, 0.0, 0.01], 4)", setup=r)
    case(g, "dirichlet_zeros", "rng.dirichlet([0.0, 0.0], 2)", setup=r)
    case(g, "dirichlet_one", "rng.dirichlet([0.5, 0.5, 9.0])", setup=r)
    case(g, "dirichlet_shape", "rng.dirichlet([2.0, 3.0], (2, 3))", setup=r)
    case(g, "dirichlet_empty", "rng.dirichlet([], 3)", setup=r)
