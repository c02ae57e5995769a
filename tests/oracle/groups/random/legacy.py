"""Legacy RandomState and np.random.* module functions, bit for bit (nprs-random)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

SEEDS = {"0": "0", "42": "42", "max": "2**32 - 1", "arr": "[1, 2, 3]", "long": "list(range(1000))"}
RS = "rs = np.random.RandomState({s})"


def generate(g):
    for name, s in SEEDS.items():
        r = RS.format(s=s)
        case(g, f"random_sample_{name}", "rs.random_sample(8)", setup=r)
        case(g, f"randn_{name}", "rs.randn(7)", setup=r)
        case(g, f"randint_{name}", "rs.randint(0, 100, 10)", setup=r)
        case(g, f"state_{name}", "[s[2], s[1][:4], fnv(s[1]), s[3], s[4]]", setup=r + "; s = rs.get_state()")
    r = RS.format(s=42)
    case(g, "rand_2x3", "rs.rand(2, 3)", setup=r)
    case(g, "rand_scalar", "[rs.rand(), rs.random_sample()]", setup=r)
    case(g, "randn_split", "[rs.randn(3), rs.randn(2), rs.randn()]", setup=r)
    case(g, "standard_normal", "rs.standard_normal((3, 3))", setup=r)
    case(g, "gauss_state", "[s[3], s[4]]", setup=r + "; rs.randn(3); s = rs.get_state()")
    case(g, "normal", "rs.normal(3.0, 2.0, 9)", setup=r)
    case(g, "normal_bc", "rs.normal([0, 10], [1, 100])", setup=r)
    case(g, "normal_scalars", "[rs.normal(1.0, 2.0) for _ in range(3)]", setup=r)
    case(g, "uniform", "rs.uniform(-1, 1, 9)", setup=r)
    case(g, "uniform_bc", "rs.uniform([0, 1], [[2], [3]])", setup=r)
    case(g, "uniform_reversed", "rs.uniform(1, 0, 4)", setup=r)
    case(g, "exponential", "rs.exponential(2.5, 9)", setup=r)
    case(g, "exponential_scalars", "[rs.exponential() for _ in range(3)]", setup=r)
    case(g, "binomial", "rs.binomial(10, 0.3, 20)", setup=r)
    case(g, "binomial_hi", "rs.binomial(10, 0.7, 20)", setup=r)
    case(g, "binomial_btpe", "rs.binomial(1000, 0.5, 30)", setup=r)
    case(g, "binomial_n0", "[rs.binomial(0, 0.5, 3), rs.random_sample()]", setup=r)
    case(g, "binomial_p0", "[rs.binomial(5, 0.0, 3), rs.random_sample()]", setup=r)
    case(g, "binomial_p1", "[rs.binomial(5, 1.0, 3), rs.random_sample()]", setup=r)
    case(g, "binomial_bc", "rs.binomial([1, 10, 100], [0.1, 0.5, 0.9])", setup=r)
    case(g, "binomial_hash", "fnv(rs.binomial(100, 0.2, 20000))", setup=r)
    case(g, "poisson", "rs.poisson(3.0, 20)", setup=r)
    case(g, "poisson_big", "rs.poisson(100.0, 20)", setup=r)
    case(g, "poisson_zero", "[rs.poisson(0.0, 3), rs.random_sample()]", setup=r)
    case(g, "randint_dtypes", "[rs.randint(0, 100, 6, dtype=t) for t in "
         "(np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)]", setup=r)
    case(g, "randint_bool", "rs.randint(0, 2, 20, dtype=bool)", setup=r)
    case(g, "randint_big", "rs.randint(-2**62, 2**62, 6)", setup=r)
    case(g, "randint_full", "rs.randint(-2**63, 2**63 - 1, 4)", setup=r)
    case(g, "randint_2p32", "rs.randint(0, 2**32, 4)", setup=r)
    case(g, "randint_scalars", "[rs.randint(10) for _ in range(4)] + [rs.randint(0, 256, dtype=np.uint8) for _ in range(3)]", setup=r)
    case(g, "randint_bc", "rs.randint([0, 10], [5, 100])", setup=r)
    case(g, "choice", "rs.choice(10, 6)", setup=r)
    case(g, "choice_noreplace", "rs.choice(10, 6, replace=False)", setup=r)
    case(g, "choice_p", "rs.choice(4, 8, p=[0.1, 0.2, 0.3, 0.4])", setup=r)
    case(g, "choice_p_noreplace", "rs.choice(4, 3, replace=False, p=[0.1, 0.2, 0.3, 0.4])", setup=r)
    case(g, "choice_scalars", "[rs.choice(5) for _ in range(3)]", setup=r)
    case(g, "choice_shape", "rs.choice(20, (2, 3), replace=False)", setup=r)
    case(g, "choice_arr", "rs.choice(np.array([1.5, 2.5, 3.5]), 5)", setup=r)
    case(g, "shuffle", "x", setup=r + "; x = np.arange(10); rs.shuffle(x)", result="x")
    case(g, "shuffle_2d", "x", setup=r + "; x = np.arange(12).reshape(4, 3); rs.shuffle(x)", result="x")
    case(g, "permutation", "rs.permutation(10)", setup=r)
    case(g, "permutation_arr", "rs.permutation(np.arange(12).reshape(4, 3))", setup=r)
    case(g, "permutation_big", "fnv(rs.permutation(100000))", setup=r)
    case(g, "random_sample_hash", "fnv(rs.random_sample(100000))", setup=r)
    case(g, "randn_hash", "fnv(rs.randn(100000))", setup=r)
    # Module-level functions share one global state.
    case(g, "module_seq", "[np.random.rand(3), np.random.randn(2), np.random.randint(0, 10, 4), "
         "np.random.normal(1, 2, 2), np.random.uniform(0, 5, 2), np.random.exponential(1, 2), "
         "np.random.binomial(10, 0.5, 3), np.random.poisson(2.0, 3), np.random.random_sample(2), "
         "np.random.standard_normal(2), np.random.choice(10, 3), np.random.permutation(5)]",
         setup="np.random.seed(1234)")
    case(g, "module_shuffle", "x", setup="np.random.seed(7); x = np.arange(8); np.random.shuffle(x)", result="x")
    case(g, "module_seed_array", "np.random.rand(4)", setup="np.random.seed([5, 6, 7])")
    case(g, "module_state", "[np.random.rand(2), np.random.rand(2)]",
         setup="np.random.seed(3); st = np.random.get_state(); np.random.rand(5); np.random.set_state(st)")
    # Errors
    for name, expr in {
        "err_seed_neg": "np.random.RandomState(-1)",
        "err_seed_big": "np.random.RandomState(2**32)",
        "err_seed_empty": "np.random.RandomState([])",
        "err_seed_arr": "np.random.RandomState([2**32])",
        "err_randint": "rs.randint(5, 5)",
        "err_randint_zero": "rs.randint(0)",
        "err_randint_u8": "rs.randint(0, 300, dtype=np.uint8)",
        "err_normal": "rs.normal(0, -1)",
        "err_binomial_n": "rs.binomial(-1, 0.5)",
        "err_binomial_p": "rs.binomial(1, 1.5)",
        "err_poisson": "rs.poisson(-1)",
        "err_poisson_big": "rs.poisson(1e20)",
        "err_exponential": "rs.exponential(-1)",
        "err_uniform": "rs.uniform(0, np.inf)",
        "err_uniform_arr": "rs.uniform([0], [np.inf])",
        "err_choice_pop": "rs.choice(0, 1)",
        "err_choice_empty": "rs.choice(np.array([]), 1)",
        "err_choice_2d": "rs.choice(np.ones((2, 2)), 1)",
        "err_choice_p_size": "rs.choice(3, 1, p=[0.5, 0.5])",
        "err_choice_p_sum": "rs.choice(2, 1, p=[0.5, 0.6])",
        "err_choice_p_neg": "rs.choice(2, 1, p=[-0.5, 1.5])",
        "err_choice_p_nan": "rs.choice(2, 1, p=[np.nan, 1])",
        "err_choice_many": "rs.choice(2, 3, replace=False)",
        "err_choice_nonzero": "rs.choice(3, 2, replace=False, p=[1, 0, 0])",
        "err_choice_neg": "rs.choice(3, -1, replace=False)",
        "err_rand_neg": "rs.rand(-1)",
        "err_permutation_0d": "rs.permutation(np.float64(1.0))",
    }.items():
        case(g, name, expr, setup=RS.format(s=0))
