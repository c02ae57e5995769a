"""numpy.polynomial module functions with coefficient arrays of more than one dimension:
`*val` with `tensor=True` and `tensor=False`, `*val2d`/`*val3d`/`*grid2d`/`*grid3d` with
batch axes, `*der`/`*int` along `axis`, and `*fit` of a 2-d `y` (one column of
coefficients per column), for the six families on random float64 coefficients.

Tolerances as in `series.py` (one generic recurrence in nprs, per-family loops in NumPy)."""

FAMILIES = [
    ("poly", "polynomial", 1.0, (-1, 1)),
    ("cheb", "chebyshev", 1.0, (-1, 1)),
    ("leg", "legendre", 1.0, (-1, 1)),
    ("herm", "hermite", 1e5, (-1, 1)),
    ("herme", "hermite_e", 1e3, (-1, 1)),
    ("lag", "laguerre", 1e3, (0, 2)),
]


def generate(g):
    for fi, (p, mod, scale, (lo, hi)) in enumerate(FAMILIES):
        tol = {"rtol": 1e-10, "atol": 1e-10 * scale}
        setup = (f"rng = np.random.default_rng({9500 + fi})\nM = np.polynomial.{mod}\n"
                 "c3 = rng.standard_normal((5, 3, 2))\nc4 = rng.standard_normal((4, 3, 2))\n"
                 "c5 = rng.standard_normal((3, 2, 4, 2))\n"
                 f"x = rng.uniform({lo}, {hi}, 4)\ny = rng.uniform({lo}, {hi}, 4)\nz = rng.uniform({lo}, {hi}, 4)\n"
                 f"x2 = rng.uniform({lo}, {hi}, (3, 2))\nx0 = np.array(rng.uniform({lo}, {hi}))\n"
                 f"fx = np.linspace({lo}, {hi}, 30)\nfy = rng.standard_normal((30, 3))")
        for v in ("c3", "c4", "c5", "x", "y", "z", "x2", "x0", "fx", "fy"):
            g.case(f"{p}_in_{v}", v, setup=setup)
        case = lambda name, expr, **kw: g.case(f"{p}_{name}", expr, setup=setup, **(kw or tol))
        case("val_tensor", f"M.{p}val(x, c3)")
        case("val_tensor_2d_x", f"M.{p}val(x2, c3)")
        case("val_tensor_0d_x", f"M.{p}val(x0, c3)")
        case("val_nontensor", f"M.{p}val(x2, c3, tensor=False)")
        case("val_nontensor_bcast", f"M.{p}val(x[:2], c3, tensor=False)")
        case("val2d_batch", f"M.{p}val2d(x, y, c4)")
        case("val3d_batch", f"M.{p}val3d(x, y, z, c5)")
        case("grid2d_batch", f"M.{p}grid2d(x, y[:3], c4)")
        case("grid3d_batch", f"M.{p}grid3d(x[:2], y[:3], z, c5)")
        case("der_axis0", f"M.{p}der(c3, 2, scl=0.5)")
        case("der_axis1", f"M.{p}der(c3, 1, axis=1)")
        case("der_axis_neg", f"M.{p}der(c5, 3, scl=-1.5, axis=-2)")
        case("der_axis_all", f"M.{p}der(c3, 7, axis=0)")
        case("int_axis0", f"M.{p}int(c3, 2, k=[1.0, -2.0], lbnd=0.5, scl=1.5)")
        case("int_axis1", f"M.{p}int(c3, 1, k=[0.25], axis=1)")
        case("int_axis_neg", f"M.{p}int(c5, 2, lbnd=-0.5, axis=-1)")
        case("int_zero_lanes", f"M.{p}int(np.zeros((1, 3)), 2, k=[2.0, 1.0])")
        case("int_some_zero", f"M.{p}int(np.array([[0.0, 1.5, 0.0]]), 1, k=[2.0])")
        case("fit_2d_y", f"M.{p}fit(fx, fy, 3)", rtol=1e-8, atol=1e-8 * scale)
        case("err_der_axis", f"M.{p}der(c3, 1, axis=3)")
        case("err_int_axis", f"M.{p}int(c3, 1, axis=-4)")
        case("err_der_neg", f"M.{p}der(c3, -1, axis=1)")
        case("err_int_k", f"M.{p}int(c3, 1, k=[1.0, 2.0], axis=1)")
