"""multivariate_normal (legacy RandomState and Generator): samples, NumPy's factors, the
stream after the call, and the argument errors (nprs-random)."""

MEAN = "mean = np.array([1.0, -2.0, 0.5])"
COV = "cov = np.array([[2.0, 0.6, -0.3], [0.6, 1.5, 0.4], [-0.3, 0.4, 1.0]])"
DIAG = "cov = np.diag([4.0, 1.0, 9.0])"
SETUP = MEAN + "; " + COV

# NumPy's factor B of each algorithm, so that samples == standard_normal rows @ B + mean.
FACTORS = {
    "legacy": "u, s, v = np.linalg.svd(cov); b = np.sqrt(s)[:, None] * v",
    "svd": "u, s, vh = np.linalg.svd(cov); b = (u * np.sqrt(s)).T",
    "eigh": "s, u = np.linalg.eigh(cov); b = (u * np.sqrt(abs(s))).T",
    "cholesky": "b = np.linalg.cholesky(cov).T",
}

SAMPLES = {
    "legacy": "rs = np.random.RandomState(7); x = rs.multivariate_normal(mean, cov, size={size}); r = [x, rs.random_sample(3)]",
    "svd": "rng = np.random.default_rng(11); x = rng.multivariate_normal(mean, cov, size={size}); r = [x, rng.random(3)]",
    "eigh": "rng = np.random.default_rng(11); x = rng.multivariate_normal(mean, cov, size={size}, method='eigh'); "
            "r = [x, rng.random(3)]",
    "cholesky": "rng = np.random.default_rng(11); x = rng.multivariate_normal(mean, cov, size={size}, method='cholesky'); "
                "r = [x, rng.random(3)]",
}

NOT_PSD = "cov = np.array([[1.0, 2.0], [2.0, 1.0]])"
ERRORS = {
    "mean_2d": "np.random.RandomState(1).multivariate_normal([[0.0, 0.0]], np.eye(2))",
    "mean_0d": "np.random.default_rng(1).multivariate_normal(0.0, np.eye(1))",
    "cov_1d": "np.random.RandomState(1).multivariate_normal([0.0, 0.0], [1.0, 1.0])",
    "cov_not_square": "np.random.default_rng(1).multivariate_normal([0.0, 0.0], np.ones((2, 3)))",
    "length": "np.random.default_rng(1).multivariate_normal([0.0, 0.0, 0.0], np.eye(2))",
    "negative_size": "np.random.RandomState(1).multivariate_normal([0.0, 0.0], np.eye(2), size=-1)",
    "legacy_raise": NOT_PSD + "; np.random.RandomState(1).multivariate_normal([0.0, 0.0], cov, check_valid='raise')",
    "svd_raise": NOT_PSD + "; np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, check_valid='raise')",
    "eigh_raise": NOT_PSD + "; np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, check_valid='raise', "
                            "method='eigh')",
    "cholesky_not_pd": NOT_PSD + "; np.random.default_rng(1).multivariate_normal([0.0, 0.0], cov, method='cholesky')",
    "check_valid": "np.random.default_rng(1).multivariate_normal([0.0, 0.0], np.eye(2), check_valid='strict')",
    "method": "np.random.default_rng(1).multivariate_normal([0.0, 0.0], np.eye(2), method='qr')",
    "legacy_nan": "np.random.RandomState(1).multivariate_normal([0.0, 0.0], [[np.nan, 0.0], [0.0, 1.0]])",
}


def generate(g):
    for name, code in FACTORS.items():
        g.case(f"factor_{name}", "b", setup=SETUP + "; " + code)
        g.case(f"factor_diag_{name}", "b", setup=MEAN + "; " + DIAG + "; " + code)
    for name, code in SAMPLES.items():
        # An odd number of normals (3 x 3) leaves the legacy Gaussian cache full.
        g.case(f"samples_{name}", "r", setup=SETUP + "; " + code.format(size="3"))
        g.case(f"samples_2d_{name}", "r", setup=SETUP + "; " + code.format(size="(2, 4)"))
        g.case(f"samples_diag_{name}", "r", setup=MEAN + "; " + DIAG + "; " + code.format(size="5"), rtol=1e-10)
    g.case("samples_cholesky_tol", "r", setup=SETUP + "; " + SAMPLES["cholesky"].format(size="(2, 4)"), rtol=1e-10)
    g.case("global", "r", setup=SETUP + "; np.random.seed(7); x = np.random.multivariate_normal(mean, cov, size=3); "
                                "r = [x, np.random.random_sample(3)]")
    g.case("legacy_warn", "x.shape", setup=NOT_PSD + "; x = np.random.RandomState(1).multivariate_normal([0.0, 0.0], cov, 4)")
    g.case("empty", "r", setup="rng = np.random.default_rng(3); x = rng.multivariate_normal([], np.zeros((0, 0)), size=2); "
                              "r = [x, rng.random(2)]")
    g.case("legacy_empty", "r", setup="rs = np.random.RandomState(3); x = rs.multivariate_normal([], np.zeros((0, 0)), "
                                      "size=2); r = [x, rs.random_sample(2)]")
    for name, code in ERRORS.items():
        if code.startswith(NOT_PSD):
            g.case(f"err_{name}", code[len(NOT_PSD) + 2:], setup=NOT_PSD)
        else:
            g.case(f"err_{name}", code)

    # Random covariances of sizes 1 to 10 (full rank and rank-deficient): the legacy method
    # and Generator's 'svd' and 'eigh' factor them with LAPACK's steps, so the samples are NumPy's.
    for n in range(1, 11):
        for i, k in enumerate((n + 2, n, max(n - 2, 1))):
            seed = 100 * n + i
            setup = (f"x = np.random.default_rng({seed}).standard_normal(({n}, {k})); cov = x @ x.T / {k}; "
                     f"mean = np.arange({n}) * 0.5 - 1.0")
            g.case(f"random_cov_{n}_{i}", "cov", setup=setup)
            # A singular covariance's null directions carry singular values of order 1e-17 whose
            # vectors rounding decides; they add about sqrt(1e-17) to a sample.
            tol = {"rtol": 1e-10, "atol": 1e-10 if k >= n else 1e-7}
            g.case(f"random_legacy_{n}_{i}", "r", setup=setup + f"; rs = np.random.RandomState({seed}); "
                   "x = rs.multivariate_normal(mean, cov, size=6); r = [x, rs.random_sample(2)]", **tol)
            g.case(f"random_svd_{n}_{i}", "r", setup=setup + f"; rng = np.random.default_rng({seed}); "
                   "x = rng.multivariate_normal(mean, cov, size=(2, 3)); r = [x, rng.random(2)]", **tol)
            g.case(f"random_eigh_{n}_{i}", "r", setup=setup + f"; rng = np.random.default_rng({seed}); "
                   "x = rng.multivariate_normal(mean, cov, size=4, method='eigh'); r = [x, rng.random(2)]", **tol)

    # The `desired` arrays of NumPy's test_randomstate.py / test_random.py (legacy) and
    # test_generator_mt19937.py (each method), recomputed: shape (3, 2) then the default size.
    tests_mean = "mean = (.123456789, 10); cov = [[1, 0], [0, 1]]"
    g.case("desired_legacy", "r", setup=tests_mean + "; rs = np.random.RandomState(1234567890); "
           "r = [rs.multivariate_normal(mean, cov, (3, 2)), rs.multivariate_normal(mean, cov)]", atol=1e-15)
    for method in ("svd", "eigh", "cholesky"):
        g.case(f"desired_{method}", "r", setup=tests_mean + "; rng = np.random.Generator(np.random.MT19937(1234567890)); "
               f"r = [rng.multivariate_normal(mean, cov, (3, 2), method='{method}'), "
               f"rng.multivariate_normal(mean, cov, method='{method}')]", atol=1e-15)
    # The singular covariance of test_generator_mt19937.py: degenerate samples.
    for method in ("svd", "eigh"):
        g.case(f"desired_singular_{method}", "x", setup="rng = np.random.Generator(np.random.MT19937(1234567890)); "
               f"x = rng.multivariate_normal([0, 0], [[1, 1], [1, 1]], size=(3, 2), method='{method}')", atol=1e-7)
