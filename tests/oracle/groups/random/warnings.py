"""The warnings of numpy.random: `random_integers`' DeprecationWarning and
`multivariate_normal(check_valid='warn')`'s RuntimeWarning, recorded as (class, message)
pairs with the result's shape, and what `warnings.simplefilter('error')` raises
(nprs-random)."""

CATCH = """
import warnings
def caught(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        x = f()
    return [np.shape(x), [(m.category.__name__, str(m.message)) for m in w]]
def raised(f):
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        return f()
"""
NOT_PSD = "cov = np.array([[1.0, 2.0], [2.0, 1.0]])"
ASYM = "cov = np.array([[2.0, 0.5], [0.1, 1.0]])"

CALLS = {
    "random_integers": "np.random.RandomState(1).random_integers(3, 10, 4)",
    "random_integers_neg": "np.random.RandomState(1).random_integers(-7, -1, (2, 2))",
    "random_integers_one": "np.random.RandomState(1).random_integers(1, 10)",
    "random_integers_global": "np.random.random_integers(5, 6, 3)",
    "legacy_warn": NOT_PSD + "; x = np.random.RandomState(1).multivariate_normal([0.0, 0.0], cov, 4)",
    "legacy_asym": ASYM + "; x = np.random.RandomState(1).multivariate_normal([0.0, 0.0], cov, 4)",
    "legacy_ok": "x = np.random.RandomState(1).multivariate_normal([0.0, 0.0], np.eye(2), 4)",
    "legacy_ignore": NOT_PSD + "; x = np.random.RandomState(1).multivariate_normal([0.0, 0.0], cov, 4, check_valid='ignore')",
    "global_warn": NOT_PSD + "; x = np.random.multivariate_normal([0.0, 0.0], cov, 2)",
    "svd_warn": NOT_PSD + "; x = np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, 4)",
    "svd_asym": ASYM + "; x = np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, 4)",
    "eigh_warn": NOT_PSD + "; x = np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, 4, method='eigh')",
    "eigh_ignore": NOT_PSD + "; x = np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, 4, method='eigh', "
                             "check_valid='ignore')",
    "svd_ok": "x = np.random.default_rng(1).multivariate_normal([0.0, 0.0], np.eye(2), 4)",
    "cholesky_asym": ASYM + "; x = np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, 4, method='cholesky')",
}


def generate(g):
    for name, code in CALLS.items():
        setup, _, last = code.rpartition("; ")
        body = last if last.startswith("x = ") else "x = " + last
        fn = f"def f():\n    global cov\n    {body}\n    return x\n"
        g.case(name, "r", setup=CATCH + setup + "\n" + fn + "r = caught(f)")
    for name in ["random_integers", "legacy_warn", "svd_warn", "eigh_warn"]:
        code = CALLS[name]
        setup, _, last = code.rpartition("; ")
        body = last if last.startswith("x = ") else "x = " + last
        fn = f"def f():\n    global cov\n    {body}\n    return x\n"
        g.case(f"error_{name}", "raised(f)", setup=CATCH + setup + "\n" + fn)
