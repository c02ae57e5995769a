"""diff, ediff1d, gradient, trapezoid and interp: random inputs per dtype (integers wrap,
bool differences are !=), odd lengths, several axes, prepend/append, uniform and
non-uniform spacing with edge_order 1 and 2, sample points, left/right/period and complex
values, and errors."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
NUM = [d for d in DTYPES if d != "bool"]

MAKE = '''\
def make(dtype, shape, seed):
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return (rng.random(n) < 0.5).reshape(shape)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, n, dtype=dt, endpoint=True).reshape(shape)
    if dt.kind == "f":
        return (rng.standard_normal(n) * 10.0 ** rng.integers(-2, 3, n)).astype(dt).reshape(shape)
    re = rng.standard_normal(n) * 10
    return (re + 1j * rng.standard_normal(n)).astype(dt).reshape(shape)
'''


def generate(g):
    for k, dt in enumerate(DTYPES):
        s = MAKE + f"x = make({dt!r}, (5, 7, 3), {k})"
        g.case(f"x_{dt}", "x", setup=s)
        g.case(f"diff_{dt}", "np.diff(x)", setup=s)
        g.case(f"diff_{dt}_a0", "np.diff(x, axis=0)", setup=s)
        g.case(f"diff_{dt}_n3", "np.diff(x, n=3, axis=1)", setup=s)
        g.case(f"diff_{dt}_n9", "np.diff(x, n=9, axis=1)", setup=s)
        g.case(f"ediff1d_{dt}", "np.ediff1d(x)", setup=s)
    for dt in NUM:
        s = MAKE + f"x = make({dt!r}, (5, 7, 3), {DTYPES.index(dt)})"
        g.case(f"grad_{dt}", "np.gradient(x, axis=1)", setup=s)
        g.case(f"grad_{dt}_e2", "np.gradient(x, 0.5, axis=0, edge_order=2)", setup=s)
        g.case(f"grad_{dt}_all", "np.gradient(x, 2.0)", setup=s)
        g.case(f"grad_{dt}_coords", "np.gradient(x, [0.0, 0.5, 1.5, 3.5, 4.0], axis=0)", setup=s)
        g.case(f"grad_{dt}_coords2", "np.gradient(x, [0.0, 0.5, 1.5, 3.5, 4.0], axis=0, edge_order=2)",
               setup=s)
        g.case(f"grad_{dt}_uniform", "np.gradient(x, [0.0, 0.5, 1.0, 1.5, 2.0], axis=0)", setup=s)
        g.case(f"trap_{dt}", "np.trapezoid(x)", setup=s)
        g.case(f"trap_{dt}_dx", "np.trapezoid(x, dx=0.25, axis=0)", setup=s)
        g.case(f"trap_{dt}_x", "np.trapezoid(x, x=[0.0, 0.5, 1.5, 3.5, 4.0], axis=0)", setup=s)
    # prepend / append
    s = MAKE + "x = make('int16', (4, 5), 3); p = make('int16', (4, 2), 4)"
    g.case("pp_x", "x", setup=s)
    g.case("pp_p", "p", setup=s)
    g.case("diff_prepend", "np.diff(x, prepend=p)", setup=s)
    g.case("diff_append", "np.diff(x, n=2, append=p)", setup=s)
    g.case("diff_prepend_scalar", "np.diff(x, axis=0, prepend=np.int16(7), append=np.int16(-3))", setup=s)
    g.case("diff_prepend_float", "np.diff(x, prepend=np.float64(0.5))", setup=s)
    g.case("ediff1d_ends", "np.ediff1d(x, to_end=p, to_begin=np.int16(-99))", setup=s)
    # errors
    g.case("err_diff_order", "np.diff(np.arange(3), n=-1)")
    g.case("err_diff_0d", "np.diff(np.array(3.0))")
    g.case("err_diff_axis", "np.diff(np.ones((2, 3)), axis=2)")
    g.case("err_diff_prepend", "np.diff(np.ones((2, 3)), prepend=np.ones((3, 3)))")
    g.case("err_ediff1d_cast", "np.ediff1d(np.arange(3), to_begin=np.array([0.5]))")
    g.case("err_ediff1d_bool", "np.ediff1d(np.array([True, False]))")
    g.case("err_grad_small", "np.gradient(np.array([1.0, 2.0]), edge_order=2)")
    g.case("err_grad_edge", "np.gradient(np.arange(5.0), edge_order=3)")
    g.case("err_grad_args", "np.gradient(np.ones((3, 3)), 1.0, 2.0, 3.0)")
    g.case("err_grad_len", "np.gradient(np.arange(5.0), [0.0, 1.0])")
    g.case("err_grad_bool", "np.gradient(np.array([True, False, True]))")
    # interp
    s = ('rng = np.random.default_rng(5); xp = np.sort(rng.uniform(-5, 5, 33)); '
         'fp = rng.standard_normal(33); x = rng.uniform(-7, 7, (9, 11)); x[0, :3] = np.nan; '
         'x[1, :4] = xp[:4]; fc = fp + 1j * rng.standard_normal(33)')
    g.case("i_xp", "xp", setup=s)
    g.case("i_fp", "fp", setup=s)
    g.case("i_fc", "fc", setup=s)
    g.case("i_x", "x", setup=s)
    g.case("interp", "np.interp(x, xp, fp)", setup=s)
    g.case("interp_lr", "np.interp(x, xp, fp, left=-10.0, right=10.0)", setup=s)
    g.case("interp_period", "np.interp(x, xp, fp, period=3.0)", setup=s)
    g.case("interp_period_neg", "np.interp(x, xp, fp, period=-2.5)", setup=s)
    g.case("interp_complex", "np.interp(x, xp, fc)", setup=s)
    g.case("interp_complex_lr", "np.interp(x, xp, fc, left=1 + 2j, right=-3j)", setup=s)
    g.case("interp_complex_period", "np.interp(x, xp, fc, period=4.0)", setup=s)
    g.case("interp_few", "np.interp(x, xp[:3], fp[:3])", setup=s)
    g.case("interp_one", "np.interp(x, xp[:1], fp[:1], left=-1.0, right=1.0)", setup=s)
    g.case("interp_inf", "np.interp([0.5, 1.5, 2.0], [0.0, 1.0, 2.0, 3.0], [1.0, np.inf, np.inf, 2.0])")
    g.case("interp_int", "np.interp(np.arange(-2, 9), [0, 2, 5], [1, 4, -2])")
    g.case("err_interp_empty", "np.interp([1.0], [], [])")
    g.case("err_interp_len", "np.interp([1.0], [0.0, 1.0], [1.0])")
    g.case("err_interp_period0", "np.interp([1.0], [0.0, 1.0], [1.0, 2.0], period=0)")
    g.case("err_interp_period_len", "np.interp([1.0], [0.0, 1.0], [1.0], period=1.0)")
