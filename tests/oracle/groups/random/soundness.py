"""NaN and infinite parameters, and impossible allocations (nprs-random).

NaN parameters give NaN where NumPy's samplers let them through (NumPy's rejection loops
exit on NaN); the draw after a NaN element shows how many values the NaN consumed.
Allocation failures are recorded for their exception class (MemoryError).
"""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

RNG = "rng = np.random.default_rng(42)"
RS = "rs = np.random.RandomState(42)"

# Scalar NaN parameters: [value, next random()] on a fresh default_rng(42).
NAN_SCALAR = {
    "standard_gamma": "rng.standard_gamma(np.nan)",
    "standard_gamma_f32": "rng.standard_gamma(np.float32(np.nan), dtype=np.float32)",
    "gamma": "rng.gamma(np.nan, 2.0)",
    "beta_a": "rng.beta(np.nan, 2.0)",
    "beta_b": "rng.beta(0.5, np.nan)",
    "chisquare": "rng.chisquare(np.nan)",
    "f_num": "rng.f(np.nan, 2.0)",
    "f_den": "rng.f(2.0, np.nan)",
    "standard_t": "rng.standard_t(np.nan)",
    "noncentral_chisquare_df": "rng.noncentral_chisquare(np.nan, 1.0)",
    "noncentral_chisquare_nonc": "rng.noncentral_chisquare(0.5, np.nan)",
    "noncentral_f_num": "rng.noncentral_f(np.nan, 1.0, 1.0)",
    "noncentral_f_den": "rng.noncentral_f(1.0, np.nan, 1.0)",
    "pareto": "rng.pareto(np.nan)",
    "power": "rng.power(np.nan)",
    "wald_mean": "rng.wald(np.nan, 1.0)",
    "wald_scale": "rng.wald(1.0, np.nan)",
    "weibull": "rng.weibull(np.nan)",
}

# NaN elements of array parameters: the whole array (later elements show the stream).
NAN_ARRAY = {
    "standard_gamma": "rng.standard_gamma([np.nan, 2.5, 0.5, np.nan, 3.0])",
    "standard_gamma_f32": "rng.standard_gamma(np.array([np.nan, 2.5, 0.5], dtype=np.float32), dtype=np.float32)",
    "gamma": "rng.gamma([np.nan, 2.0, 0.3], 2.0)",
    "beta": "rng.beta([np.nan, 2.0, 0.5], [1.0, np.nan, 0.5])",
    "chisquare": "rng.chisquare([np.nan, 3.0, 0.5])",
    "f": "rng.f([np.nan, 2.0, 5.0], [1.0, np.nan, 3.0])",
    "standard_t": "rng.standard_t([np.nan, 3.0, 0.5])",
    "noncentral_chisquare": "rng.noncentral_chisquare([np.nan, 3.0, 0.5, 0.5], [1.0, 1.0, np.nan, 2.0])",
    "noncentral_f": "rng.noncentral_f([np.nan, 3.0, 2.0], [1.0, np.nan, 2.0], [1.0, 1.0, np.nan])",
    "dirichlet": "rng.dirichlet([np.nan, 1.0, 2.0], 3)",
    "dirichlet_small": "rng.dirichlet([0.05, np.nan], 2)",
}

NONC = {
    "ncx_df3_inf": "[rng.noncentral_chisquare(3.0, np.inf), rng.random()]",
    "ncx_df1_inf": "[rng.noncentral_chisquare(1.0, np.inf), rng.random()]",
    "ncx_df05_inf": "[rng.noncentral_chisquare(0.5, np.inf), rng.random()]",
    "ncf_3_inf": "[rng.noncentral_f(3.0, 1.0, np.inf), rng.random()]",
    "ncf_1_inf": "[rng.noncentral_f(1.0, 1.0, np.inf), rng.random()]",
    "ncx_df1_1e18": "rng.noncentral_chisquare(1.0, 1e18, 3)",
    "ncx_df1_1e12": "rng.noncentral_chisquare(0.7, 1e12, 3)",
    "ncx_df1_1e300": "rng.noncentral_chisquare(1.0, 1e300)",
    "ncx_df1_1p2e19": "rng.noncentral_chisquare(1.0, 1.2e19)",
}

# Legacy samplers near the limits where NumPy's own loops stop ending (it hangs for
# vonmises kappa >= ~1e17 and zipf a >= 1025, so those are not recorded).
LEGACY = {
    "vonmises_1e15": "rs.vonmises(0.5, 1e15, 5)",
    "vonmises_1e16": "rs.vonmises(0.5, 1e16, 5)",
    "zipf_1024": "[rs.zipf(1024.9, 5), rs.random_sample()]",
    "ncx_df1_inf": "[rs.noncentral_chisquare(1.0, np.inf), rs.random_sample()]",
    "ncx_df3_inf": "[rs.noncentral_chisquare(3.0, np.inf), rs.random_sample()]",
    "negative_binomial_p0": "[rs.negative_binomial(1.0, 0.0), rs.random_sample()]",
}

# Counts near the int64 limit: NumPy's float64 arithmetic in BTPE, no overflow.
HUGE_N = {
    "binomial_2p62": "rng.binomial(2**62, 0.5, 5)",
    "binomial_max": "rng.binomial(2**63 - 1, 0.3, 5)",
    "binomial_max_tiny_p": "rng.binomial(2**63 - 1, 1e-18, 5)",
    "binomial_2p62_hash": "fnv(rng.binomial(2**62 + 12345, 0.4, 200000))",
    "binomial_max_hash": "fnv(rng.binomial(2**63 - 1, 0.5, 200000))",
    "legacy_binomial_max_hash": "fnv(np.random.RandomState(42).binomial(2**63 - 1, 0.5, 200000))",
    "legacy_binomial_2p62": "np.random.RandomState(42).binomial(2**62, 0.5, 5)",
    "legacy_binomial_max": "np.random.RandomState(42).binomial(2**63 - 1, 0.7, 5)",
}

MEMORY = {
    "permutation": "rng.permutation(1 << 40)",
    "bytes": "rng.bytes(1 << 62)",
    "random": "rng.random(1 << 40)",
    "random_too_big": "rng.random((1 << 40, 1 << 40))",
    "generate_state": "np.random.SeedSequence(0).generate_state(1 << 40)",
    "pool_size": "np.random.SeedSequence(0, pool_size=2**40)",
    "pool_size_too_big": "np.random.SeedSequence(0, pool_size=2**62)",
    "generate_state_u64": "np.random.SeedSequence(0).generate_state(1 << 40, np.uint64)",
    "random_raw": "rng.bit_generator.random_raw(1 << 40)",
    "choice_noreplace": "rng.choice(1 << 40, 1 << 39, replace=False)",
    "choice_floyd": "rng.choice(1 << 50, 1 << 40, replace=False)",
    "choice_p": "rng.choice(3, 1 << 40, p=[0.2, 0.3, 0.5])",
    "integers": "rng.integers(0, 10, 1 << 40)",
    "multinomial": "rng.multinomial(3, [0.5, 0.5], 1 << 40)",
    "dirichlet": "rng.dirichlet([0.5, 0.5], 1 << 40)",
    "normal_bc": "rng.normal([0.0, 1.0], 1.0, (1 << 40, 2))",
    "legacy_permutation": "np.random.RandomState(0).permutation(1 << 40)",
    "legacy_choice": "np.random.RandomState(0).choice(1 << 40, 5, replace=False)",
    "legacy_normal_bc": "np.random.RandomState(0).normal([0.0, 1.0], 1.0, (1 << 40, 2))",
}


def generate(g):
    for name, expr in NAN_SCALAR.items():
        case(g, f"nan_{name}", f"[{expr}, rng.random()]", setup=RNG)
    for name, expr in NAN_ARRAY.items():
        case(g, f"nan_arr_{name}", expr, setup=RNG)
    for name, expr in NONC.items():
        case(g, name, expr, setup=RNG)
    for name, expr in LEGACY.items():
        case(g, f"legacy_{name}", expr, setup=RS)
    for name, expr in HUGE_N.items():
        case(g, f"huge_{name}", expr, setup=RNG)
    for name, expr in MEMORY.items():
        case(g, f"mem_{name}", expr, setup=RNG)
