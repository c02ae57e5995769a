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
    "standard_exponential_inv": ("out = np.empty((3, 2), order='F'); rng.standard_exponential(method='inv', out=out)", "out"),
    "standard_exponential_inv_f32": ("out = np.empty(5, np.float32); "
                                     "rng.standard_exponential(dtype=np.float32, method='inv', out=out)", "out"),
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

WORDS = "w = np.array(['apple', 'kiwi', 'fig', 'plum', 'date', 'lime'])"
RECS = ("r = np.array([('Alice', 25, 1.5), ('Bob', 30, 2.5), ('Cy', 35, 3.5), ('Di', 40, 4.5)], "
        "dtype=[('name', 'U10'), ('age', '<i4'), ('score', '<f8')])")

DYN = {
    "shuffle_words": (WORDS + "; rng.shuffle(w)", "repr(w)"),
    "shuffle_words_2d_axis1": (WORDS + "; w = w.reshape(2, 3); rng.shuffle(w, axis=1)", "repr(w)"),
    "shuffle_records": (RECS + "; rng.shuffle(r)", "repr(r)"),
    "shuffle_bytes_view": ("b = np.array([b'a', b'bb', b'ccc', b'dddd', b'e']); rng.shuffle(b[1:]); r = b", "repr(r)"),
    "permutation_words": (WORDS, "repr(rng.permutation(w))"),
    "permutation_records": (RECS, "repr(rng.permutation(r))"),
    "permutation_words_axis1": (WORDS, "repr(rng.permutation(w.reshape(2, 3), axis=1))"),
    "permuted_words": (WORDS, "repr(rng.permuted(w.reshape(2, 3), axis=1))"),
    "permuted_words_none": (WORDS, "repr(rng.permuted(w.reshape(2, 3)))"),
    "permuted_words_f": (WORDS, "repr(rng.permuted(np.asfortranarray(w.reshape(2, 3))))"),
    "permuted_records_axis0": (RECS, "repr(rng.permuted(r, axis=0))"),
    "choice_words": (WORDS, "repr(rng.choice(w, 4))"),
    "choice_words_noreplace": (WORDS, "repr(rng.choice(w, (2, 2), replace=False))"),
    "choice_records_p": (RECS, "repr(rng.choice(r, 3, p=[0.1, 0.2, 0.3, 0.4]))"),
    "choice_words_axis1": (WORDS, "repr(rng.choice(w.reshape(2, 3), 2, axis=1))"),
    "legacy_shuffle_words": (WORDS + "; rs = np.random.RandomState(5); rs.shuffle(w)", "repr(w)"),
    "legacy_permutation_records": (RECS + "; rs = np.random.RandomState(5)", "repr(rs.permutation(r))"),
    "legacy_choice_letters": ("rs = np.random.RandomState(1234567890)", "repr(rs.choice(np.array(['a', 'b', 'c', 'd']), 4))"),
    "legacy_choice_records": (RECS + "; rs = np.random.RandomState(5)", "repr(rs.choice(r, 3, replace=False))"),
}


def generate(g):
    for name, (setup, expr) in DYN.items():
        case(g, f"dyn_{name}", expr, setup=RNG + "; " + setup)
    for name, (setup, result) in OUT.items():
        case(g, f"out_{name}", result, setup=RNG + "; " + setup)
    for name, expr in OUT_ERRORS.items():
        case(g, f"out_err_{name}", expr, setup=RNG)
    for name, expr in SIZE.items():
        case(g, f"size_{name}", expr, setup=RNG)
    for name, (setup, result) in VIEWS.items():
        case(g, f"view_{name}", result, setup=RNG + "; " + setup)
