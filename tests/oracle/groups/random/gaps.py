"""Generator: `out=`, `size=()` against `size=None`, shuffles of views (nprs-random)."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _common import case  # noqa: E402

RNG = "rng = np.random.default_rng(42)"

OUT = {
    "random": ("out = np.empty((3, 4)); rng.random(out=out)", "out"),
    "random_f": ("out = np.empty((3, 4), order='F'); rng.random(out=out)", "out"),
    "random_f32": ("out = np.empty(7, np.float32); rng.random(dtype=np.float32, out=out)", "out"),
    "standard_normal": ("out = np.empty((2, 5)); rng.standard_normal(out=out)", "out"),
    "standard_normal_f": ("out = np.empty((2, 5), order='F'); rng.standard_normal(out=out)", "out"),
    "standard_normal_f32": ("out = np.empty(9, np.float32); rng.standard_normal(dtype=np.float32, out=out)", "out"),
    "standard_exponential": ("out = np.empty((4, 2)); rng.standard_exponential(out=out)", "out"),
    "standard_exponential_f32": ("out = np.empty(6, np.float32); rng.standard_exponential(dtype=np.float32, out=out)", "out"),
    "standard_gamma": ("out = np.empty((2, 3)); rng.standard_gamma(2.5, out=out)", "out"),
    "standard_gamma_bc": ("out = np.empty((2, 3)); rng.standard_gamma([0.5, 1.0, 3.0], out=out)", "out"),
    "standard_gamma_col": ("out = np.empty((2, 3)); rng.standard_gamma(np.array([[0.5], [4.0]]), out=out)", "out"),
    "standard_gamma_f32": ("out = np.empty(5, np.float32); rng.standard_gamma(np.float32(0.7), dtype=np.float32, out=out)", "out"),
    "then_random": ("out = np.empty(3); rng.standard_normal(out=out); r = [out, rng.random()]", "r"),
}

OUT_ERRORS = {
    "strided": "rng.random(out=np.empty((4, 6))[:, ::2])",
    "gamma_f": "rng.standard_gamma(2.0, out=np.empty((2, 3), order='F'))",
    "gamma_bc": "rng.standard_gamma([1.0, 2.0, 3.0], out=np.empty(2))",
    "gamma_big_param": "rng.standard_gamma(np.ones((2, 3)), out=np.empty(3))",
    "gamma_neg": "rng.standard_gamma(-1.0, out=np.empty(3))",
}

SIZE = {
    "random_none": "rng.random()",
    "random_empty": "rng.random(size=())",
    "normal_empty": "rng.normal(1.0, 2.0, size=())",
    "normal_arr_empty": "rng.normal([0.0, 1.0], 1.0, size=())",
    "integers_u8_none": "[rng.integers(0, 100, dtype=np.uint8) for _ in range(3)]",
    "integers_u8_empty": "[rng.integers(0, 100, size=(), dtype=np.uint8) for _ in range(3)]",
    "integers_bool_empty": "[rng.integers(0, 2, size=(), dtype=bool) for _ in range(3)]",
    "choice_empty": "rng.choice(10, size=())",
    "choice_noreplace_empty": "rng.choice(10, size=(), replace=False)",
    "multinomial_empty": "rng.multinomial(10, [0.2, 0.8], size=())",
    "dirichlet_empty": "rng.dirichlet([1.0, 2.0], size=())",
    "legacy_randint_empty": "np.random.RandomState(3).randint(0, 10, size=())",
    "legacy_normal_empty": "np.random.RandomState(3).normal(0.0, 1.0, size=())",
}

VIEWS = {
    "shuffle_cols_view": ("x = np.arange(24).reshape(4, 6); rng.shuffle(x[:, 1:5], axis=1)", "x"),
    "shuffle_rows_view": ("x = np.arange(24).reshape(6, 4); rng.shuffle(x[::2])", "x"),
    "shuffle_neg_view": ("x = np.arange(24).reshape(4, 6); rng.shuffle(x[::-1, ::2], axis=1)", "x"),
    "shuffle_3d_axis2": ("x = np.arange(24).reshape(2, 3, 4); rng.shuffle(x[:, 1:], axis=2)", "x"),
    "legacy_shuffle_view": ("x = np.arange(20).reshape(5, 4); np.random.RandomState(1).shuffle(x[1:4])", "x"),
}


def generate(g):
    for name, (setup, result) in OUT.items():
        case(g, f"out_{name}", result, setup=RNG + "; " + setup)
    for name, expr in OUT_ERRORS.items():
        case(g, f"out_err_{name}", expr, setup=RNG)
    for name, expr in SIZE.items():
        case(g, f"size_{name}", expr, setup=RNG)
    for name, (setup, result) in VIEWS.items():
        case(g, f"view_{name}", result, setup=RNG + "; " + setup)
