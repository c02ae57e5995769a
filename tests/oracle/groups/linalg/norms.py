"""norm / vector_norm / matrix_norm (every ord, axis, keepdims), cond, pinv, matrix_rank,
lstsq: dtypes, batches, empty inputs, errors."""

from _common import DTYPES, TOL, matrix_setup

VEC_ORDS = {"inf": "np.inf", "ninf": "-np.inf", "0": "0", "1": "1", "2": "2", "3": "3", "half": "0.5", "m1": "-1"}
MAT_ORDS = {"fro": "'fro'", "nuc": "'nuc'", "inf": "np.inf", "ninf": "-np.inf", "1": "1", "m1": "-1", "2": "2", "m2": "-2"}


def generate(g):
    seed = 900
    for dt in DTYPES:
        tol = TOL[dt]
        seed += 1
        setup = matrix_setup(seed, (2, 3, 4), dt)
        key = f"{dt}"
        g.case(f"{key}_x", "a", setup=setup)
        g.case(f"{key}_norm", "np.linalg.norm(a)", setup=setup, **tol)
        g.case(f"{key}_norm_keep", "np.linalg.norm(a, keepdims=True)", setup=setup, **tol)
        for ok, o in VEC_ORDS.items():
            g.case(f"{key}_vec_{ok}_ax2", f"np.linalg.norm(a, {o}, axis=2)", setup=setup, **tol)
            g.case(f"{key}_vec_{ok}_ax0_keep", f"np.linalg.norm(a, {o}, axis=0, keepdims=True)", setup=setup, **tol)
            g.case(f"{key}_vnorm_{ok}", f"np.linalg.vector_norm(a, ord={o})", setup=setup, **tol)
            g.case(f"{key}_vnorm_{ok}_ax02", f"np.linalg.vector_norm(a, ord={o}, axis=(0, 2))", setup=setup, **tol)
        for ok, o in MAT_ORDS.items():
            g.case(f"{key}_mat_{ok}", f"np.linalg.matrix_norm(a, ord={o})", setup=setup, **tol)
            g.case(f"{key}_mat_{ok}_ax20_keep", f"np.linalg.norm(a, {o}, axis=(2, 0), keepdims=True)", setup=setup, **tol)
            g.case(f"{key}_mat2d_{ok}", f"np.linalg.norm(a[0], {o})", setup=setup, **tol)
        sq = matrix_setup(seed + 50, (3, 4, 4), dt)
        g.case(f"{key}_sq", "a", setup=sq)
        for ok, o in {"none": "None", **{k: v for k, v in MAT_ORDS.items() if k not in ("nuc", "fro")}}.items():
            g.case(f"{key}_cond_{ok}", f"np.linalg.cond(a, {o})", setup=sq, rtol=max(tol["rtol"], 1e-9) if dt in ("f64", "c128", "i64") else tol["rtol"] * 10)
        g.case(f"{key}_cond_fro", "np.linalg.cond(a, 'fro')", setup=matrix_setup(seed + 50, (3, 4, 4), dt), rtol=1e-9 if dt in ("f64", "c128", "i64") else 2e-5)
        for sk, shape in {"r53": (5, 3), "r35": (3, 5), "b2r43": (2, 4, 3), "n0": (0, 0), "r20": (2, 0)}.items():
            ms = matrix_setup(seed + 100, shape, dt)
            g.case(f"{key}_{sk}_m", "a", setup=ms)
            g.case(f"{key}_{sk}_pinv", "np.linalg.pinv(a)", setup=ms, **tol)
            g.case(f"{key}_{sk}_rank", "np.linalg.matrix_rank(a)", setup=ms)
        hs = matrix_setup(seed + 200, (3, 4, 4), dt, "hpd") + "\na = a - 5 * np.eye(4, dtype=a.dtype)"
        g.case(f"{key}_h", "a", setup=hs)
        g.case(f"{key}_pinv_herm", "np.linalg.pinv(a, hermitian=True)", setup=hs, **tol)
        g.case(f"{key}_rank_herm", "np.linalg.matrix_rank(a, hermitian=True)", setup=hs)
        ls = matrix_setup(seed + 300, (6, 3), dt) + f"\nb = np.random.default_rng({seed}).standard_normal((6, 2)).astype(a.dtype)"
        g.case(f"{key}_ls_a", "a", setup=ls)
        g.case(f"{key}_ls_b", "b", setup=ls)
        g.case(f"{key}_lstsq", "np.linalg.lstsq(a, b)", setup=ls, **tol)
        g.case(f"{key}_lstsq1", "np.linalg.lstsq(a, b[:, 0])", setup=ls, **tol)
        g.case(f"{key}_lstsq_wide", "np.linalg.lstsq(a.T, b[:3])", setup=ls, **tol)

    # A matrix tall and large enough for lstsq to factor the halves of its rows apart (an
    # odd row count), solved for two right-hand sides and for one.
    for i, dt in enumerate(("f64", "c128")):
        lt = matrix_setup(1300 + i, (531, 125), dt) + f"\nb = np.random.default_rng({1310 + i}).standard_normal((531, 2)).astype(a.dtype)"
        g.case(f"{dt}_lt_a", "a", setup=lt)
        g.case(f"{dt}_lt_b", "b", setup=lt)
        g.case(f"{dt}_lstsq_tall", "np.linalg.lstsq(a, b)", setup=lt, **TOL[dt])
        g.case(f"{dt}_lstsq_tall1", "np.linalg.lstsq(a, b[:, 1])", setup=lt, **TOL[dt])

    # Ranks and cutoffs.
    g.case("rank_deficient", "np.linalg.matrix_rank(np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]]))")
    g.case("rank_tol", "np.linalg.matrix_rank(np.diag([1.0, 1e-3, 1e-9]), tol=1e-4)")
    g.case("rank_rtol", "np.linalg.matrix_rank(np.diag([1.0, 1e-3, 1e-9]), rtol=1e-2)")
    g.case("rank_1d", "np.linalg.matrix_rank(np.array([0.0, 1.0]))")
    g.case("rank_1d_zero", "np.linalg.matrix_rank(np.zeros(3))")
    g.case("rank_empty", "np.linalg.matrix_rank(np.zeros((0, 3)))")
    g.case("pinv_rcond", "np.linalg.pinv(np.diag([1.0, 1e-3, 1e-9]), rcond=1e-4)", rtol=1e-14)
    g.case("pinv_singular", "np.linalg.pinv(np.array([[1.0, 2.0], [2.0, 4.0]]))", rtol=1e-13, atol=1e-15)
    g.case("lstsq_deficient", "np.linalg.lstsq(np.array([[1.0, 1.0], [1.0, 1.0], [0.0, 0.0]]), np.array([1.0, 2.0, 3.0]))", rtol=1e-12, atol=1e-14)
    g.case("lstsq_rcond", "np.linalg.lstsq(np.diag([1.0, 1e-3]), np.array([1.0, 1.0]), rcond=1e-2)", rtol=1e-14)
    g.case("lstsq_empty_cols", "np.linalg.lstsq(np.ones((2, 0)), np.ones(2))")
    g.case("lstsq_empty_rows", "np.linalg.lstsq(np.zeros((0, 2)), np.zeros(0))")
    g.case("cond_singular", "np.linalg.cond(np.array([[1.0, 2.0], [2.0, 4.0]]), 1)")
    g.case("cond_nan", "np.linalg.cond(np.array([[np.nan, 2.0], [2.0, 4.0]]), 1)")
    g.case("cond_rect", "np.linalg.cond(np.arange(6.0).reshape(2, 3) + np.eye(2, 3))", rtol=1e-12)
    g.case("norm_empty_inf", "np.linalg.norm(np.zeros((0, 3)), np.inf)")
    g.case("norm_empty_2", "np.linalg.norm(np.zeros((0, 3)), 2)")
    g.case("norm_empty_vec_inf", "np.linalg.norm(np.zeros((0,)), np.inf)")
    g.case("norm_3d_default", "np.linalg.norm(np.arange(24.0).reshape(2, 3, 4))", rtol=1e-15)
    g.case("norm_int", "np.linalg.norm(np.array([3, 4]))")
    g.case("err_norm_3d_ord", "np.linalg.norm(np.zeros((2, 3, 4)), 1)")
    g.case("err_norm_nuc_vec", "np.linalg.norm(np.zeros((2, 3)), 'nuc', axis=0)")
    g.case("err_norm_fro_vec", "np.linalg.norm(np.zeros((2, 3)), 'fro', axis=0)")
    g.case("err_norm_mat_ord", "np.linalg.norm(np.zeros((2, 3)), 3, axis=(0, 1))")
    g.case("err_norm_dup", "np.linalg.norm(np.zeros((2, 3)), axis=(0, 0))")
    g.case("err_norm_axes3", "np.linalg.norm(np.zeros((2, 3)), axis=(0, 1, 1))")
    g.case("err_norm_axis", "np.linalg.norm(np.zeros((2, 3)), axis=5)")
    g.case("err_vnorm_axis", "np.linalg.vector_norm(np.zeros((2, 3)), axis=5)")
    g.case("err_mnorm_1d", "np.linalg.matrix_norm(np.zeros(3))")
    g.case("err_vec_ninf_empty", "np.linalg.norm(np.zeros((0,)), -np.inf)")
    g.case("err_cond_empty", "np.linalg.cond(np.zeros((0, 0)))")
    g.case("err_cond_square", "np.linalg.cond(np.ones((2, 3)), 1)")
    g.case("err_lstsq_dims", "np.linalg.lstsq(np.ones((2, 2)), np.ones(3))")
    g.case("err_lstsq_1d", "np.linalg.lstsq(np.ones(3), np.ones(3))")
    g.case("err_lstsq_3d", "np.linalg.lstsq(np.ones((2, 2)), np.ones((2, 2, 2)))")
    g.case("err_pinv_nan", "np.linalg.pinv(np.array([[np.nan, 1.0], [1.0, 1.0]]))")
