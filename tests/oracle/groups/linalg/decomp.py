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

    # Real matrices with min(m, n) >= 256, whose values take the two-stage reduction:
    # standard normal entries (values spread out, not a shifted identity); sizes that leave
    # a partial band panel; a tall one; a wide one taken to its triangle first (more than
    # 11/6 as many columns as rows); the square one near underflow (subnormal entries too)
    # and overflow, in float32,
    # as integers, and through norm 2, nuc and cond; a rank-30 product and its rank.
    for key, shape, seed in (("ts_sq", (300, 300), 1400), ("ts_tall", (420, 270), 1401), ("ts_wide", (260, 530), 1402)):
        setup = f"a = np.random.default_rng({seed}).standard_normal({shape!r})"
        g.case(f"{key}_a", "a", setup=setup)
        g.case(f"{key}_svdvals", "np.linalg.svdvals(a)", setup=setup, **TOL["f64"])
    sq = "a = np.random.default_rng(1400).standard_normal((300, 300))"
    g.case("ts_sq_tiny", "np.linalg.svdvals(a * 1e-300)", setup=sq, rtol=1e-11, atol=1e-312)
    g.case("ts_sq_subnormal", "np.linalg.svdvals(a * 1e-310)", setup=sq, rtol=1e-11, atol=1e-322)
    g.case("ts_sq_huge", "np.linalg.svdvals(a * 1e300)", setup=sq, rtol=1e-11, atol=1e288)
    g.case("ts_sq_f32", "np.linalg.svdvals(a.astype(np.float32))", setup=sq, **TOL["f32"])
    g.case("ts_sq_int", "np.linalg.svdvals(np.floor(a * 10).astype(np.int64))", setup=sq, **TOL["f64"])
    g.case("ts_sq_norm2", "np.linalg.norm(a, 2)", setup=sq, **TOL["f64"])
    g.case("ts_sq_nuc", "np.linalg.norm(a, 'nuc')", setup=sq, **TOL["f64"])
    g.case("ts_sq_cond", "np.linalg.cond(a)", setup=sq, rtol=1e-9, atol=0)
    rank = "rng = np.random.default_rng(1403)\na = rng.standard_normal((280, 30)) @ rng.standard_normal((30, 280))"
    g.case("ts_rank_a", "a", setup=rank)
    g.case("ts_rank_svdvals", "np.linalg.svdvals(a)", setup=rank, rtol=1e-11, atol=1e-10)
    g.case("ts_rank", "np.linalg.matrix_rank(a)", setup=rank)

    # Hermitian eigenvalues of orders past faer's blocked tridiagonal reduction, found by
    # dsterf's root-free iteration: real (both triangles), complex, float32, complex64 and
    # integer input; scaled near underflow and overflow (each block is scaled into range);
    # a block-diagonal matrix (the tridiagonal splits); graded diagonals rising and falling
    # (QL and QR sweeps); a rank-40 product and its rank (NumPy: `abs(eigvalsh)`).
    he = "a = np.random.default_rng(1410).standard_normal((300, 300))"
    g.case("he_sq_a", "a", setup=he)
    g.case("he_sq", "np.linalg.eigvalsh(a)", setup=he, **TOL["f64"])
    g.case("he_sq_U", "np.linalg.eigvalsh(a, UPLO='U')", setup=he, **TOL["f64"])
    # With vectors (faer's divide and conquer after the reduction): the vectors of distinct
    # eigenvalues agree to about eps * norm / gap, so looser than the values.
    g.case("he_sq_eigh", "np.linalg.eigh(a)", setup=he, rtol=1e-9, atol=1e-10)
    g.case("he_sq_eigh_U", "np.linalg.eigh(a, UPLO='U')", setup=he, rtol=1e-9, atol=1e-10)
    g.case("he_sq_f32", "np.linalg.eigvalsh(a.astype(np.float32))", setup=he, **TOL["f32"])
    g.case("he_sq_int", "np.linalg.eigvalsh(np.floor(a * 10).astype(np.int64))", setup=he, **TOL["f64"])
    g.case("he_sq_tiny", "np.linalg.eigvalsh(a * 1e-300)", setup=he, rtol=1e-11, atol=1e-311)
    g.case("he_sq_huge", "np.linalg.eigvalsh(a * 1e300)", setup=he, rtol=1e-11, atol=1e289)
    hr = "rng = np.random.default_rng(1414)\nb = rng.standard_normal((260, 40))\na = b @ b.T"
    g.case("he_rank_a", "a", setup=hr)
    g.case("he_rank_values", "np.linalg.eigvalsh(a)", setup=hr, rtol=1e-11, atol=1e-10)
    g.case("he_rank", "np.linalg.matrix_rank(a, hermitian=True)", setup=hr)
    # LAPACK reads only the triangle UPLO names: a NaN or inf in the other one changes
    # nothing (order 300 through the blocked reduction, order 2 through the small path).
    other = (
        "rng = np.random.default_rng(1415)\na = rng.standard_normal((300, 300))\n"
        "a[3, 250] = np.nan\na[10, 11] = np.inf\na[0, 299] = -np.inf"
    )
    g.case("he_other_a", "a", setup=other)
    g.case("he_other", "np.linalg.eigvalsh(a)", setup=other, **TOL["f64"])
    g.case("he_other_U", "np.linalg.eigvalsh(a.T, UPLO='U')", setup=other, **TOL["f64"])
    g.case("he_other_eigh", "np.linalg.eigh(a)", setup=other, rtol=1e-9, atol=1e-10)
    g.case("he_other_rank", "np.linalg.matrix_rank(a, hermitian=True)", setup=other)
    small = "a = np.array([[1.0, np.nan], [0.5, 2.0]])"
    g.case("he_other_small_eigh", "np.linalg.eigh(a)", setup=small, **TOL["f64"])
    g.case("he_other_small_U", "np.linalg.eigvalsh(a.T, UPLO='U')", setup=small, **TOL["f64"])
    g.case("he_other_small_pinv", "np.linalg.pinv(a, hermitian=True)", setup=small, **TOL["f64"])
    g.case("he_nan_small_pinv", "np.linalg.pinv(a.T, hermitian=True)", setup=small, **TOL["f64"])
    hc = "rng = np.random.default_rng(1411)\na = rng.standard_normal((200, 200)) + 1j * rng.standard_normal((200, 200))"
    g.case("he_c_a", "a", setup=hc)
    g.case("he_c", "np.linalg.eigvalsh(a)", setup=hc, **TOL["c128"])
    g.case("he_c_U", "np.linalg.eigvalsh(a, UPLO='U')", setup=hc, **TOL["c128"])
    g.case("he_c_eigh", "np.linalg.eigh(a)", setup=hc, rtol=1e-9, atol=1e-10)
    g.case("he_c64_eigh", "np.linalg.eigh(a.astype(np.complex64))", setup=hc, rtol=1e-3, atol=1e-4)
    g.case("he_c64", "np.linalg.eigvalsh(a.astype(np.complex64))", setup=hc, **TOL["c64"])
    blocks = (
        "rng = np.random.default_rng(1412)\na = np.zeros((160, 160))\n"
        "a[:70, :70] = rng.standard_normal((70, 70))\na[70:, 70:] = 3 + rng.standard_normal((90, 90))"
    )
    g.case("he_blocks_a", "a", setup=blocks)
    g.case("he_blocks", "np.linalg.eigvalsh(a)", setup=blocks, **TOL["f64"])
    for key, grade in (("he_rising", "np.logspace(-4, 6, 150)"), ("he_falling", "np.logspace(6, -4, 150)")):
        setup = f"a = np.diag({grade}) + 1e-3 * np.random.default_rng(1413).standard_normal((150, 150))"
        g.case(f"{key}_a", "a", setup=setup)
        g.case(key, "np.linalg.eigvalsh(a)", setup=setup, rtol=1e-11, atol=1e-9)

    # Orders past the values-only divide and conquer's threshold (512), their entries from
    # an integer hash both sides compute exactly (so no input is stored): real (both
    # triangles; eigh's values too), complex, and a rank-40 product whose many zero
    # eigenvalues deflate.
    hash_ = (
        "def hashed(n, m, s):\n"
        "    i, j = np.indices((n, m), dtype=np.int64)\n"
        "    return ((i * i * 31 + j * j * 17 + i * j * 13 + i * 7 + j * 3 + s) % 1009) / 1009.0 - 0.5\n"
    )
    big = hash_ + "a = hashed(640, 640, 0)"
    g.case("he_big", "np.linalg.eigvalsh(a)", setup=big, rtol=1e-11, atol=1e-11)
    g.case("he_big_U", "np.linalg.eigvalsh(a, UPLO='U')", setup=big, rtol=1e-11, atol=1e-11)
    g.case("he_big_eigh_values", "np.linalg.eigh(a)[0]", setup=big, rtol=1e-11, atol=1e-11)
    bigc = hash_ + "a = hashed(520, 520, 1) + 1j * hashed(520, 520, 2)"
    g.case("he_big_c", "np.linalg.eigvalsh(a)", setup=bigc, rtol=1e-11, atol=1e-11)
    bigr = hash_ + "b = hashed(560, 40, 3)\na = b @ b.T"
    g.case("he_big_rank_values", "np.linalg.eigvalsh(a)", setup=bigr, rtol=1e-11, atol=1e-10)
    g.case("he_big_rank", "np.linalg.matrix_rank(a, hermitian=True)", setup=bigr)

    g.case("eig_real_values", "np.linalg.eig(np.array([[2.0, 1.0], [1.0, 2.0]]))", **TOL["f64"])
    g.case("eig_complex_values", "np.linalg.eig(np.array([[0.0, -1.0], [1.0, 0.0]]))", **TOL["f64"])
    g.case("err_eig_nan", "np.linalg.eig(np.array([[np.nan, 0.0], [0.0, 1.0]]))")
    g.case("err_eigvals_inf", "np.linalg.eigvals(np.array([[np.inf, 0.0], [0.0, 1.0]]))")
    g.case("err_svd_nan", "np.linalg.svd(np.array([[np.nan, 0.0], [0.0, 1.0]]))")
    g.case("err_svd_ndim", "np.linalg.svd(np.ones(3))")
    g.case("err_eigh_square", "np.linalg.eigh(np.ones((2, 3)))")
    g.case("err_qr_ndim", "np.linalg.qr(np.ones(3))")
    g.case("err_eig_square", "np.linalg.eig(np.ones((2, 3)))")
