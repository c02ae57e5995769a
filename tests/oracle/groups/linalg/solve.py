"""solve, inv, det, slogdet, cholesky: every dtype, batch shapes, 0x0, errors."""

from _common import DTYPES, TOL, matrix_setup

SHAPES = {
    "n0": (0, 0),
    "n1": (1, 1),
    "n2": (2, 2),
    "n3": (3, 3),
    "n4": (4, 4),
    "n7": (7, 7),
    "n24": (24, 24),
    "b3n3": (3, 3, 3),
    "b23n4": (2, 3, 4, 4),
    "b2n20": (2, 20, 20),
    "b2n0": (2, 0, 0),
    # Stacks of eight and more small matrices go through the eight-lane kernels; 37, 19
    # and 13 leave a tail of matrices taken one at a time.
    "b37n2": (37, 2, 2),
    "b19n3": (19, 3, 3),
    "b13n4": (13, 4, 4),
}


def generate(g):
    seed = 0
    for dt in DTYPES:
        tol = TOL[dt]
        for sk, shape in SHAPES.items():
            seed += 1
            key = f"{dt}_{sk}"
            setup = matrix_setup(seed, shape, dt)
            g.case(f"{key}_a", "a", setup=setup)
            g.case(f"{key}_inv", "np.linalg.inv(a)", setup=setup, **tol)
            g.case(f"{key}_det", "np.linalg.det(a)", setup=setup, **tol)
            g.case(f"{key}_slogdet", "np.linalg.slogdet(a)", setup=setup, **tol)
            n = shape[-1]
            bsetup = setup + f"\nb = np.random.default_rng({seed + 1000}).standard_normal({shape[:-1] + (2,)!r}).astype(a.dtype)"
            g.case(f"{key}_b", "b", setup=bsetup)
            g.case(f"{key}_solve", "np.linalg.solve(a, b)", setup=bsetup, **tol)
            vsetup = setup + f"\nv = np.random.default_rng({seed + 2000}).standard_normal({n}).astype(a.dtype)"
            g.case(f"{key}_v", "v", setup=vsetup)
            g.case(f"{key}_solve1", "np.linalg.solve(a, v)", setup=vsetup, **tol)
            hsetup = matrix_setup(seed, shape, dt, "hpd") if dt != "i64" else setup + "\na = a @ np.swapaxes(a, -1, -2)"
            g.case(f"{key}_hpd", "a", setup=hsetup)
            g.case(f"{key}_cholesky", "np.linalg.cholesky(a)", setup=hsetup, **tol)
            g.case(f"{key}_cholesky_upper", "np.linalg.cholesky(a, upper=True)", setup=hsetup, **tol)

    # Values NumPy gives through its LU: det = sign * exp(logabsdet).
    g.case("det_12_34", "np.linalg.det(np.array([[1.0, 2.0], [3.0, 4.0]]))")
    g.case("det_int_12_34", "np.linalg.det(np.array([[1, 2], [3, 4]]))")
    g.case("det_bool", "np.linalg.det(np.array([[True, False], [True, True]]))")
    g.case("det_singular", "np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]]))")
    g.case("slogdet_singular", "np.linalg.slogdet(np.array([[1.0, 2.0], [2.0, 4.0]]))")
    g.case("slogdet_0x0", "np.linalg.slogdet(np.zeros((0, 0)))")
    g.case("det_big_singular", "np.linalg.det(np.outer(np.arange(1.0, 31.0), np.arange(1.0, 31.0)) * 0 + np.eye(30) * 0)")
    g.case("det_nan", "np.linalg.det(np.array([[np.nan, 2.0], [3.0, 4.0]]))")
    g.case("inv_inf", "np.linalg.inv(np.array([[np.inf, 2.0], [3.0, 4.0]]))")
    g.case("det_overflow", "np.linalg.det(np.eye(3) * 1e200)")
    g.case("slogdet_overflow", "np.linalg.slogdet(np.eye(3) * 1e200)")
    g.case("det_complex", "np.linalg.det(np.array([[1 + 2j, 3], [4j, 5 - 1j]]))", rtol=1e-15)

    # A stack of 16 matrices (two eight-lane groups) whose lanes take every branch of the
    # kernels: a singular matrix, a zero column, NaN and infinite entries, row swaps with
    # zeros under the pivot, zero multipliers. (A subnormal pivot is left to the test that
    # compares the lanes with the per-matrix kernel: OpenBLAS's LU does not divide by it
    # as LAPACK's reference `getf2` does, and nprs follows the reference.)
    special = (
        "a = np.random.default_rng(31).standard_normal((16, 3, 3))\n"
        "a[2] = [[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]]\n"
        "a[4] = [[0.0, 1.0, 2.0], [0.0, 3.0, 4.0], [0.0, 5.0, 7.0]]\n"
        "a[5, 0, 2] = np.nan\n"
        "a[7, 0, 2] = np.inf\n"
        "a[9] = [[1.0, 0.0, 5.0], [3.0, 2.0, 0.0], [0.0, 4.0, 1.0]]\n"
        "a[11] = [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]\n"
        "a[13] = [[2.0, 0.0, 1.0], [4.0, 0.0, 3.0], [1.0, 5.0, 0.0]]\n"
        "a[15] = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]"
    )
    g.case("lanes_a", "a", setup=special)
    g.case("lanes_det", "np.linalg.det(a)", setup=special, **TOL["f64"])
    g.case("lanes_slogdet", "np.linalg.slogdet(a)", setup=special, **TOL["f64"])
    regular = special + "\nkeep = [0, 1, 3, 6, 8, 9, 10, 11, 12, 13, 14, 0, 1, 3, 6, 8]\nr = a[keep]"
    g.case("lanes_r", "r", setup=regular)
    g.case("lanes_inv", "np.linalg.inv(r)", setup=regular, **TOL["f64"])
    g.case("lanes_solve", "np.linalg.solve(r, r[:, :, :2])", setup=regular, **TOL["f64"])
    g.case("err_lanes_singular", "np.linalg.inv(a)", setup=special)

    # Errors, in NumPy's words.
    g.case("err_singular_inv", "np.linalg.inv(np.zeros((2, 2)))")
    g.case("err_singular_inv_big", "np.linalg.inv(np.zeros((20, 20)))")
    g.case("err_singular_solve", "np.linalg.solve(np.array([[1.0, 2.0], [2.0, 4.0]]), np.ones(2))")
    g.case("err_singular_batch", "np.linalg.inv(np.stack([np.eye(3), np.zeros((3, 3))]))")
    g.case("err_square", "np.linalg.inv(np.zeros((2, 3)))")
    g.case("err_square_det", "np.linalg.det(np.zeros((4, 2, 3)))")
    g.case("err_ndim", "np.linalg.inv(np.zeros(3))")
    g.case("err_ndim0", "np.linalg.det(np.array(1.0))")
    g.case("err_f16", "np.linalg.inv(np.eye(2, dtype=np.float16))")
    g.case("err_str", "np.linalg.inv(np.array([['a', 'b'], ['c', 'd']]))")
    g.case("err_solve1_core", "np.linalg.solve(np.eye(3), np.ones(2))")
    g.case("err_solve_core", "np.linalg.solve(np.eye(3), np.ones((2, 2)))")
    g.case("err_solve_b0d", "np.linalg.solve(np.eye(3), np.array(1.0))")
    g.case("err_solve_broadcast", "np.linalg.solve(np.ones((2, 3, 3)), np.ones((4, 3, 1)))")
    g.case("err_cholesky", "np.linalg.cholesky(-np.eye(2))")
    g.case("err_cholesky_big", "np.linalg.cholesky(-np.eye(20))")
    g.case("err_cholesky_nan", "np.linalg.cholesky(np.array([[np.nan, 0.0], [0.0, 1.0]]))")
    g.case("err_cholesky_square", "np.linalg.cholesky(np.zeros((2, 3)))")

    # Batch broadcasting in solve.
    g.case("bcast_a", "a", setup="a = np.random.default_rng(7).standard_normal((2, 1, 3, 3)) + 3 * np.eye(3)")
    g.case("bcast_b", "b", setup="b = np.random.default_rng(8).standard_normal((4, 3, 2))")
    g.case(
        "bcast_solve",
        "np.linalg.solve(a, b)",
        setup="a = np.random.default_rng(7).standard_normal((2, 1, 3, 3)) + 3 * np.eye(3)\n"
        "b = np.random.default_rng(8).standard_normal((4, 3, 2))",
        **TOL["f64"],
    )
    g.case(
        "bcast_solve1",
        "np.linalg.solve(a, b[0, :, 0])",
        setup="a = np.random.default_rng(7).standard_normal((2, 1, 3, 3)) + 3 * np.eye(3)\n"
        "b = np.random.default_rng(8).standard_normal((4, 3, 2))",
        **TOL["f64"],
    )
    # Mixed dtypes: the common type.
    g.case("mixed_f32_i64", "np.linalg.solve(np.eye(2, dtype=np.float32) * 2, np.array([2, 4]))")
    g.case("mixed_f32_c64", "np.linalg.solve(np.eye(2, dtype=np.float32) * 2, np.array([2, 4], dtype=np.complex64))")

    # tensorinv / tensorsolve
    ts = "rng = np.random.default_rng(77)\na = rng.standard_normal((6, 2, 3)) + np.eye(6).reshape(6, 2, 3) * 3\nb = rng.standard_normal(6)"
    g.case("tensor_a", "a", setup=ts)
    g.case("tensor_b", "b", setup=ts)
    g.case("tensorinv", "np.linalg.tensorinv(a, ind=1)", setup=ts, **TOL["f64"])
    g.case("tensorinv_2", "np.linalg.tensorinv(a.reshape(2, 3, 2, 3), ind=2)", setup=ts, **TOL["f64"])
    g.case("tensorsolve", "np.linalg.tensorsolve(a, b)", setup=ts, **TOL["f64"])
    g.case("tensorsolve_axes", "np.linalg.tensorsolve(a.transpose(1, 0, 2), b, axes=(0,))", setup=ts, **TOL["f64"])
    g.case("err_tensorinv_ind", "np.linalg.tensorinv(np.eye(2), ind=0)")
    g.case("err_tensorsolve", "np.linalg.tensorsolve(np.ones((6, 2, 2)), np.ones(6))")
