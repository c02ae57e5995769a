"""dot, vdot, inner, outer, tensordot, kron, vecdot, multi_dot, trace, diagonal,
matrix_transpose."""

F64 = {"rtol": 1e-13, "atol": 1e-13}
A = "rng = np.random.default_rng(1234)\n"


def generate(g):
    S = A + "x = rng.standard_normal((2, 3, 4))\nm = rng.standard_normal((4, 5))\nv = rng.standard_normal(4)\n"
    S += "z = rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))\ni = rng.integers(-5, 6, (3, 4))"
    for name in ("x", "m", "v", "z", "i"):
        g.case(name, name, setup=S)
    c = lambda name, expr, **t: g.case(name, expr, setup=S, **t)
    c("dot_vv", "np.dot(v, v)", **F64)
    # Long vectors (the blocked, parallel sum of products): inputs both sides compute
    # exactly, lengths around the partial sums (16), a block (32768) and the parallel
    # threshold (4 blocks).
    for n in (0, 1, 15, 16, 17, 32769, 131072, 131075, 400003):
        long = f"k = np.arange({n})\na = (k * 7919 % 1000) / 1000.0\nb = (k * 104729 % 997) / 997.0 - 0.5"
        g.case(f"dot_long_{n}", "np.dot(a, b)", setup=long, **F64)
    c("dot_mm", "np.dot(x[0], m)", **F64)
    c("dot_mv", "np.dot(m.T, v)", **F64)
    c("dot_3d_2d", "np.dot(x, m)", **F64)
    c("dot_3d_3d", "np.dot(x, x.transpose(0, 2, 1))", **F64)
    c("dot_3d_1d", "np.dot(x, v)", **F64)
    c("dot_scalar", "np.dot(np.float64(2.5), m)")
    c("dot_int", "np.dot(i, i.T)")
    c("err_dot", "np.dot(m, m)")
    c("err_dot_v", "np.dot(x[0], np.ones(3))")
    c("vdot_c", "np.vdot(z, z[::-1])", **F64)
    c("vdot_2d", "np.vdot(x[0], x[1])", **F64)
    c("err_vdot", "np.vdot(v, np.ones(3))")
    c("inner_mm", "np.inner(x[0], x[1])", **F64)
    c("inner_3d_1d", "np.inner(x, v)", **F64)
    c("inner_int", "np.inner(i, i)")
    c("err_inner", "np.inner(x[0], np.ones(3))")
    c("outer_2d", "np.outer(x[0], v)", **F64)
    c("outer_int", "np.outer(i[0], i[1])")
    c("tensordot_2", "np.tensordot(x, x.transpose(1, 2, 0), 2)", **F64)
    c("tensordot_axes", "np.tensordot(x, x, ([0, 2], [0, 2]))", **F64)
    c("tensordot_0", "np.tensordot(v, v, 0)", **F64)
    c("err_tensordot", "np.tensordot(x, m, ([0], [0]))")
    c("kron_1d", "np.kron(np.array([1, 10, 100]), np.array([1, 2]))")
    c("kron_2d", "np.kron(x[0], m[:2, :3])", **F64)
    c("kron_2d_1d", "np.kron(i, np.array([1, -1]))")
    c("kron_3d_2d", "np.kron(x, m[:2, :2])", **F64)
    c("vecdot", "np.linalg.vecdot(x, v)", **F64)
    c("vecdot_c", "np.linalg.vecdot(z, z[::-1])", **F64)
    c("vecdot_bcast", "np.linalg.vecdot(x[:, None], x[None, :])", **F64)
    c("err_vecdot", "np.linalg.vecdot(x, np.ones(3))")
    c("multi_dot", "np.linalg.multi_dot([x[0], m, m.T, x[1].T])", **F64)
    c("multi_dot_vecs", "np.linalg.multi_dot([v, m, m.T, v])", **F64)
    c("multi_dot_first_vec", "np.linalg.multi_dot([v, m, m.T])", **F64)
    c("err_multi_dot", "np.linalg.multi_dot([v])")
    c("trace", "np.linalg.trace(x)", **F64)
    c("trace_offset", "np.linalg.trace(x, offset=1)", **F64)
    c("trace_neg_offset", "np.linalg.trace(x, offset=-2)", **F64)
    c("trace_i64", "np.linalg.trace(i)")
    c("err_trace", "np.linalg.trace(v)")
    c("diagonal", "np.linalg.diagonal(x, offset=1)")
    c("err_diagonal", "np.linalg.diagonal(v)")
    c("matrix_transpose", "np.linalg.matrix_transpose(x)")
    c("err_matrix_transpose", "np.linalg.matrix_transpose(v)")
    c("cross", "np.linalg.cross(x[..., :3], m[None, :3, :3])", **F64)
    c("cross_c", "np.linalg.cross(z[:, :3], z[::-1, 1:])", **F64)
    c("cross_f32", "np.linalg.cross(x[0, :, :3].astype(np.float32), m[:3, 1:4].astype(np.float32))", rtol=1e-6, atol=1e-6)
    c("err_cross", "np.linalg.cross(x, v)")
