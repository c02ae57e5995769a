"""qr(mode='raw') (LAPACK's Householder form, bit-close), and the dynamic-dtype forms of
multi_dot, cross, trace, tensordot, tensorinv, tensorsolve, matvec and vecmat with NumPy's
result dtypes. Operands are recorded as input cases (``<case>__<i>``)."""

from _common import TOL, matrix_setup

RAW_TOL = {
    "f32": {"rtol": 2e-6, "atol": 2e-6},
    "c64": {"rtol": 2e-6, "atol": 2e-6},
    "f64": {"rtol": 1e-12, "atol": 1e-13},
    "c128": {"rtol": 1e-12, "atol": 1e-13},
    "i64": {"rtol": 1e-12, "atol": 1e-13},
}


def generate(g):
    seed = 1700
    for dt in ("f32", "f64", "c64", "c128", "i64"):
        for shape in ((5, 3), (3, 5), (4, 4), (2, 3, 4), (1, 3), (3, 1), (0, 3), (3, 0), (40, 30), (150, 140)):
            seed += 1
            key = f"raw_{dt}_" + "x".join(map(str, shape))
            setup = matrix_setup(seed, shape, dt)
            g.case(f"{key}__0", "a", setup=setup)
            tol = RAW_TOL[dt] if max(shape) < 100 else {k: v * 100 for k, v in RAW_TOL[dt].items()}
            g.case(key, "[np.ascontiguousarray(x) for x in np.linalg.qr(a, mode='raw')]", setup=setup, **tol)
    g.case("raw_err_ndim__0", "a", setup="a = np.ones(3)")
    g.case("raw_err_ndim", "np.linalg.qr(a, mode='raw')", setup="a = np.ones(3)")

    def dyn(name, expr, ops, **tol):
        setup = "rng = np.random.default_rng(%d)\n" % (1800 + len(g.cases))
        setup += "\n".join(f"x{i} = {o}" for i, o in enumerate(ops))
        for i in range(len(ops)):
            g.case(f"{name}__{i}", f"x{i}", setup=setup)
        g.case(name, expr, setup=setup, **tol)

    f = "rng.standard_normal({})"
    i = "rng.integers(-9, 10, {})"
    dyn("multi_dot_mixed", "np.linalg.multi_dot([x0, x1, x2])",
        [i.format((3, 4)) + ".astype(np.int8)", f.format((4, 5)), f.format(5) + ".astype(np.float32)"], **TOL["f64"])
    dyn("multi_dot_int", "np.linalg.multi_dot([x0, x1, x2, x3])",
        [i.format((3, 4)), i.format((4, 6)), i.format((6, 2)), i.format((2, 5))])
    dyn("multi_dot_c", "np.linalg.multi_dot([x0, x1, x2])",
        [f.format((6, 3)) + " + 1j", f.format((3, 7)), f.format(7) + ".astype(np.float32)"], **TOL["c128"])
    dyn("err_multi_dot_3d", "np.linalg.multi_dot([x0, x1, x2])", [f.format((2, 2)), f.format((2, 2, 2)), f.format((2, 2))])
    dyn("cross_i8", "np.linalg.cross(x0, x1)", [i.format((4, 3)) + ".astype(np.int8)", i.format(3) + ".astype(np.int8)"])
    dyn("cross_i64_bcast", "np.linalg.cross(x0, x1)", [i.format((2, 1, 3)), i.format((5, 3))])
    dyn("cross_f32_f64", "np.linalg.cross(x0, x1)", [f.format((4, 3)) + ".astype(np.float32)", f.format((4, 3))], **TOL["f64"])
    dyn("cross_c64_f32", "np.linalg.cross(x0, x1)",
        [f"({f.format((2, 3))} + 1j * {f.format((2, 3))}).astype(np.complex64)", f.format(3) + ".astype(np.float32)"], **TOL["c64"])
    dyn("err_cross_bool", "np.linalg.cross(x0, x1)", ["np.array([True, False, True])", "np.array([True, True, False])"])
    dyn("err_cross_dims", "np.linalg.cross(x0, x1)", [i.format((2, 4)), i.format(3)])
    dyn("trace_i32", "np.linalg.trace(x0)", [i.format((2, 3, 3)) + ".astype(np.int32)"])
    dyn("trace_u8", "np.linalg.trace(x0, offset=1)", ["rng.integers(0, 250, (4, 4)).astype(np.uint8)"])
    dyn("trace_bool", "np.linalg.trace(x0)", ["rng.integers(0, 2, (2, 3, 3)).astype(np.bool_)"])
    dyn("trace_i8_widens", "np.linalg.trace(x0)", ["np.full((4, 4), 100, dtype=np.int8)"])
    dyn("trace_f32", "np.linalg.trace(x0, offset=-1)", [f.format((3, 4, 4)) + ".astype(np.float32)"], **TOL["f32"])
    dyn("trace_c128", "np.linalg.trace(x0)", [f.format((5, 5)) + " - 2j"], **TOL["c128"])
    dyn("tensordot_n_mixed", "np.tensordot(x0, x1, 1)", [i.format((3, 4)), f.format((4, 5)) + ".astype(np.float32)"], **TOL["f64"])
    dyn("tensordot_n_2", "np.tensordot(x0, x1, 2)", [i.format((2, 3, 4)), i.format((3, 4, 5))])
    dyn("tensorinv_i64", "np.linalg.tensorinv(x0, ind=2)",
        ["(rng.integers(-2, 3, (24, 24)) + 20 * np.eye(24, dtype=np.int64)).reshape(4, 6, 8, 3)"], **TOL["f64"])
    dyn("tensorinv_f32", "np.linalg.tensorinv(x0, ind=1)",
        ["(rng.standard_normal((6, 6)) + 6 * np.eye(6)).reshape(6, 2, 3).astype(np.float32)"], **TOL["f32"])
    dyn("tensorsolve_f32", "np.linalg.tensorsolve(x0, x1)",
        ["(rng.standard_normal((6, 6)) + 6 * np.eye(6)).reshape(2, 3, 6).astype(np.float32)", f.format((2, 3)) + ".astype(np.float32)"], **TOL["f32"])
    dyn("tensorsolve_mixed", "np.linalg.tensorsolve(x0, x1)",
        ["(rng.integers(-2, 3, (6, 6)) + 9 * np.eye(6, dtype=np.int64)).reshape(6, 2, 3)", f.format(6) + " + 0.5j"], **TOL["c128"])
    dyn("err_tensorsolve", "np.linalg.tensorsolve(x0, x1)", [f.format((2, 3, 4)), f.format((2, 3))])
    dyn("matvec_mixed", "np.matvec(x0, x1)", [i.format((2, 3, 4)), f.format(4) + ".astype(np.float32)"], **TOL["f64"])
    dyn("matvec_bcast", "np.matvec(x0, x1)", [f.format((2, 1, 3, 4)), f.format((5, 4))], **TOL["f64"])
    dyn("matvec_int", "np.matvec(x0, x1)", [i.format((3, 4)) + ".astype(np.int8)", i.format((2, 4)) + ".astype(np.int16)"])
    dyn("vecmat_c", "np.vecmat(x0, x1)", [f.format((2, 3)) + " + 1j * " + f.format((2, 3)), f.format((4, 1, 3, 5))], **TOL["c128"])
    dyn("vecmat_int", "np.vecmat(x0, x1)", [i.format(3), i.format((2, 3, 4))])
    dyn("err_matvec_bcast", "np.matvec(x0, x1)", [f.format((2, 2, 3)), f.format((3, 3))])
    dyn("err_vecmat_core", "np.vecmat(x0, x1)", [f.format(2), f.format((3, 2))])
