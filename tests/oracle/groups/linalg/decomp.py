"""eigh/eigvalsh, svd/svdvals, qr, eig/eigvals: dtypes, batches, empty matrices, errors.

Eigen- and singular vectors are recorded as NumPy gives them; the Rust side compares them
after fixing each vector's sign/phase (its largest component made real and positive) and
checks the reconstructions, since LAPACK's choice of sign is not reproduced.
"""

from _common import DTYPES, TOL, matrix_setup

SQUARE = {"n0": (0, 0), "n1": (1, 1), "n2": (2, 2), "n3": (3, 3), "n5": (5, 5), "n20": (20, 20), "b3n4": (3, 4, 4)}
RECT = {"r53": (5, 3), "r35": (3, 5), "b2r43": (2, 4, 3), "r03": (0, 3), "r30": (3, 0), "r2x1": (40, 30)}


def generate(g):
    seed = 500
    for dt in DTYPES:
        tol = TOL[dt]
        for sk, shape in SQUARE.items():
            seed += 1
            key = f"{dt}_{sk}"
            # A general (non-symmetric) matrix: eigh reads one triangle of it.
            setup = matrix_setup(seed, shape, dt)
            g.case(f"{key}_a", "a", setup=setup)
            g.case(f"{key}_eigvalsh", "np.linalg.eigvalsh(a)", setup=setup, **tol)
            g.case(f"{key}_eigvalsh_U", "np.linalg.eigvalsh(a, UPLO='U')", setup=setup, **tol)
            g.case(f"{key}_eigh", "np.linalg.eigh(a)", setup=setup, **tol)
            g.case(f"{key}_eigh_U", "np.linalg.eigh(a, UPLO='U')", setup=setup, **tol)
            g.case(f"{key}_eigvals", "np.linalg.eigvals(a)", setup=setup, **tol)
            g.case(f"{key}_eig", "np.linalg.eig(a)", setup=setup, **tol)
            hsetup = matrix_setup(seed, shape, dt, "hpd") + "\na = a - 2 * a.shape[-1] * np.eye(a.shape[-1], dtype=a.dtype)"
            g.case(f"{key}_herm", "a", setup=hsetup)
            g.case(f"{key}_svd_herm", "np.linalg.svd(a, hermitian=True)", setup=hsetup, **tol)
        for sk, shape in {**SQUARE, **RECT}.items():
            seed += 1
            key = f"{dt}_{sk}"
            setup = matrix_setup(seed, shape, dt)
            g.case(f"{key}_m", "a", setup=setup)
            g.case(f"{key}_svdvals", "np.linalg.svdvals(a)", setup=setup, **tol)
            g.case(f"{key}_svd", "np.linalg.svd(a)", setup=setup, **tol)
            g.case(f"{key}_svd_thin", "np.linalg.svd(a, full_matrices=False)", setup=setup, **tol)
            g.case(f"{key}_qr", "np.linalg.qr(a)", setup=setup, **tol)
            g.case(f"{key}_qr_complete", "np.linalg.qr(a, mode='complete')", setup=setup, **tol)
            g.case(f"{key}_qr_r", "np.linalg.qr(a, mode='r')", setup=setup, **tol)

    g.case("eig_real_values", "np.linalg.eig(np.array([[2.0, 1.0], [1.0, 2.0]]))", **TOL["f64"])
    g.case("eig_complex_values", "np.linalg.eig(np.array([[0.0, -1.0], [1.0, 0.0]]))", **TOL["f64"])
    g.case("err_eig_nan", "np.linalg.eig(np.array([[np.nan, 0.0], [0.0, 1.0]]))")
    g.case("err_eigvals_inf", "np.linalg.eigvals(np.array([[np.inf, 0.0], [0.0, 1.0]]))")
    g.case("err_svd_nan", "np.linalg.svd(np.array([[np.nan, 0.0], [0.0, 1.0]]))")
    g.case("err_svd_ndim", "np.linalg.svd(np.ones(3))")
    g.case("err_eigh_square", "np.linalg.eigh(np.ones((2, 3)))")
    g.case("err_qr_ndim", "np.linalg.qr(np.ones(3))")
    g.case("err_eig_square", "np.linalg.eig(np.ones((2, 3)))")
