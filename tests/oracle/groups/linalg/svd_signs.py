"""np.linalg.svd, eigh and svd(hermitian=True) of small real matrices, vectors with LAPACK's
signs (nprs-linalg).

NumPy's SVD is LAPACK's dgesdd; for min(m, n) <= 25 nprs takes dgesdd's steps, so U, S and
Vh are compared as recorded, signs included. Each case is a stack of random matrices of one
shape (the gufunc factors each one separately): covariances as multivariate_normal sees them
(full rank and rank-deficient), general square and rectangular matrices on both sides of
dgesdd's QR/LQ crossover (the larger side at least 11/6 of the smaller), diagonal ones,
and matrices with repeated or zero singular values; for eigh (dsyevd, n <= 25) random
covariances and symmetric matrices read from either triangle.
"""

# Singular vectors agree to rounding times the (modest) conditioning of these matrices; a
# sign difference is a difference of order one.
TOL = {"rtol": 1e-10, "atol": 1e-10}

PSD_SIZES = range(1, 11)
SQUARE_SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 25]
RECT = [(2, 1), (1, 2), (1, 5), (5, 1), (3, 2), (2, 3), (4, 3), (3, 4), (4, 2), (2, 4), (5, 3), (3, 5),
        (7, 4), (4, 7), (8, 4), (4, 8), (10, 6), (6, 10), (11, 6), (6, 11), (30, 5), (5, 30), (40, 25), (25, 40)]


def stack(seed, lines):
    return "\n".join([f"rng = np.random.default_rng({seed})", *lines])


def generate(g):
    seed = 1800
    for n in PSD_SIZES:
        for kind, k in (("full", n + 3), ("rankdef", max(n - 1, 1)), ("rank1", 1)):
            seed += 1
            setup = stack(seed, [f"x = rng.standard_normal((40, {n}, {k}))",
                                     f"a = x @ np.swapaxes(x, -1, -2) / {k}"])
            g.case(f"psd_{kind}_n{n}_a", "a", setup=setup)
            g.case(f"psd_{kind}_n{n}", "np.linalg.svd(a)", setup=setup, **TOL)
        # Covariances written with few digits, as in scripts: exactly symmetric, some ties.
        seed += 1
        setup = stack(seed, [f"x = rng.standard_normal((30, {n}, {n + 2}))",
                                 f"a = np.round(x @ np.swapaxes(x, -1, -2) / {n + 2}, 1)"])
        g.case(f"psd_round_n{n}_a", "a", setup=setup)
        g.case(f"psd_round_n{n}", "np.linalg.svd(a)", setup=setup, **TOL)
    for n in SQUARE_SIZES:
        seed += 1
        setup = stack(seed, [f"a = rng.standard_normal((20, {n}, {n}))"])
        g.case(f"square_n{n}_a", "a", setup=setup)
        g.case(f"square_n{n}", "np.linalg.svd(a)", setup=setup, **TOL)
        g.case(f"square_thin_n{n}", "np.linalg.svd(a, full_matrices=False)", setup=setup, **TOL)
    for m, n in RECT:
        seed += 1
        setup = stack(seed, [f"a = rng.standard_normal((10, {m}, {n}))"])
        g.case(f"rect_{m}x{n}_a", "a", setup=setup)
        g.case(f"rect_{m}x{n}", "np.linalg.svd(a)", setup=setup, **TOL)
        g.case(f"rect_thin_{m}x{n}", "np.linalg.svd(a, full_matrices=False)", setup=setup, **TOL)
    for n in (2, 3, 5, 8):
        seed += 1
        # Diagonal matrices with both signs, and permuted diagonals.
        setup = stack(seed, [f"d = rng.standard_normal((10, {n}))",
                                 f"a = np.zeros((10, {n}, {n})); a[:, np.arange({n}), np.arange({n})] = d",
                                 f"a = a[:, :, rng.permutation({n})]"])
        g.case(f"diag_n{n}_a", "a", setup=setup)
        g.case(f"diag_n{n}", "np.linalg.svd(a)", setup=setup, **TOL)
    special = {
        "identity": "np.eye(4)",
        "zeros": "np.zeros((3, 3))",
        "ones": "np.ones((4, 4))",
        "ties": "np.diag([2.0, -1.0, 2.0, 1.0])",
        "mvn_eye": "np.array([[1.0, 0.0], [0.0, 1.0]])",
        "mvn_cov": "np.array([[2.0, 0.6, -0.3], [0.6, 1.5, 0.4], [-0.3, 0.4, 1.0]])",
        "tiny": "np.array([[1e-300, 2e-300], [3e-300, 4e-300]])",
        "huge": "np.array([[1e300, 2e300], [-3e300, 4e300]])",
        "rank1_exact": "np.outer([1.0, 2.0, 3.0], [4.0, -5.0, 6.0])",
    }
    for name, code in special.items():
        g.case(f"special_{name}_a", "a", setup=f"a = {code}")
        g.case(f"special_{name}", "np.linalg.svd(a)", setup=f"a = {code}", **TOL)
    # eigh (dsyevd, the lower triangle): covariances, general symmetric matrices, ties.
    for n in (1, 2, 3, 4, 5, 6, 8, 10, 16, 25):
        for kind in ("psd", "sym"):
            seed += 1
            lines = [f"x = rng.standard_normal((30, {n}, {n + 2 if kind == 'psd' else n}))"]
            lines.append(f"a = x @ np.swapaxes(x, -1, -2) / {n + 2}" if kind == "psd" else "a = x + np.swapaxes(x, -1, -2)")
            setup = stack(seed, lines)
            g.case(f"eigh_{kind}_n{n}_a", "a", setup=setup)
            g.case(f"eigh_{kind}_n{n}", "np.linalg.eigh(a)", setup=setup, **TOL)
            if kind == "sym":
                # The upper triangle of a general matrix (the lower one is not read).
                g.case(f"eigh_upper_n{n}_a", "b", setup=setup + "\nb = a + np.tril(x, -1)")
                g.case(f"eigh_upper_n{n}", "np.linalg.eigh(b, UPLO='U')", setup=setup + "\nb = a + np.tril(x, -1)", **TOL)
    for name, code in {"identity": "np.eye(4)", "ties": "np.diag([2.0, -1.0, 2.0, 1.0])",
                       "mvn_cov": "np.array([[2.0, 0.6, -0.3], [0.6, 1.5, 0.4], [-0.3, 0.4, 1.0]])",
                       "lower_only": "np.tril(np.arange(16.0).reshape(4, 4)) - 3 * np.triu(np.ones((4, 4)), 1)"}.items():
        g.case(f"eigh_special_{name}_a", "a", setup=f"a = {code}")
        g.case(f"eigh_special_{name}", "np.linalg.eigh(a)", setup=f"a = {code}", **TOL)
    # svd(hermitian=True): eigh's vectors reordered by |w| (argsort reversed: ties last
    # index first), the eigenvalues' signs (copysign: zeros too) moved into Vh.
    for n in (1, 2, 3, 4, 6, 10):
        seed += 1
        setup = stack(seed, [f"x = rng.standard_normal((20, {n}, {n}))", "a = x + np.swapaxes(x, -1, -2)"])
        g.case(f"herm_n{n}_a", "a", setup=setup)
        g.case(f"herm_n{n}", "np.linalg.svd(a, hermitian=True)", setup=setup, **TOL)
    for name, code in {"swap": "np.array([[0.0, 1.0], [1.0, 0.0]])", "singular": "np.ones((3, 3))",
                       "zeros": "np.zeros((2, 2))", "ties": "np.diag([1.0, -2.0, 2.0, -1.0])"}.items():
        g.case(f"herm_special_{name}_a", "a", setup=f"a = {code}")
        g.case(f"herm_special_{name}", "np.linalg.svd(a, hermitian=True)", setup=f"a = {code}", **TOL)
