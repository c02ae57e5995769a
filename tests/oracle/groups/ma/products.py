"""numpy.ma products and 2-d helpers: dot (strict or not), inner, outer, cov, corrcoef,
compress_rowcols/rows/cols and mask_rowcols/rows/cols."""

from _ma import INPUTS, inputs, ma_case

NAMES = ["m2", "i2", "f64", "r1", "row"]
EXTRA = {
    "q1": "rng = np.random.default_rng(40)\nx = np.round(rng.standard_normal((5, 4)) * 3, 1)\nmk = rng.random((5, 4)) < 0.2",
    "q2": "rng = np.random.default_rng(41)\nx = np.round(rng.standard_normal((4, 6)) * 3, 1)\nmk = rng.random((4, 6)) < 0.2",
    "q3": "rng = np.random.default_rng(42)\nx = rng.standard_normal((3, 40))\nmk = rng.random((3, 40)) < 0.15",
    "qi": "rng = np.random.default_rng(43)\nx = rng.integers(-5, 5, (4, 5))\nmk = rng.random((4, 5)) < 0.25",
    "qn": "x = np.arange(6.0).reshape(2, 3)\nmk = np.zeros((2, 3), bool)",
    "qf": "x = np.arange(6.0).reshape(2, 3)\nmk = np.ones((2, 3), bool)",
}


def generate(g):
    inputs(g, NAMES)
    for n, code in EXTRA.items():
        g.case(f"in_{n}", "x", setup=code)
        g.case(f"inm_{n}", "mk", setup=code)
    two = lambda a, b: (EXTRA.get(a, INPUTS.get(a)).replace("x =", "xa =").replace("mk", "mka").replace("x[", "xa[")
                        + "\n" + EXTRA.get(b, INPUTS.get(b)).replace("x =", "xb =").replace("mk", "mkb")
                        .replace("x[", "xb[") + "\na = np.ma.masked_array(xa, mask=mka)\nb = np.ma.masked_array(xb, mask=mkb)")
    for a, b in [("q1", "q2"), ("qi", "q1"), ("q1", "f64"), ("r1", "r1"), ("qn", "qn"), ("q2", "r1")]:
        s = two(a, b)
        k = f"{a}_{b}"
        if a == "q2" and b == "r1":
            ma_case(g, f"inner_{k}", "np.ma.inner(a[:, :5], b)", s)
            continue
        if a == "q1" and b == "f64":
            g.case(f"dot_{k}", "np.ma.dot(a, b)", setup=s)
            ma_case(g, f"outer_{k}", "np.ma.outer(a, b)", s)
            continue
        ma_case(g, f"dot_{k}", "np.ma.dot(a, b)", s)
        # ulp=1 only lets a zero's sign differ: nprs-linalg's matmul sums products of zero
        # rows to -0.0 where BLAS gives +0.0 (inner length 5 and more).
        ma_case(g, f"dot_strict_{k}", "np.ma.dot(a, b, strict=True)", s, ulp=1)
        ma_case(g, f"outer_{k}", "np.ma.outer(a, b)", s)
        if a not in ("r1", "qn"):
            ma_case(g, f"inner_{k}", "np.ma.inner(a, b.T)", s)
    ma_case(g, "dot_T_qn", "np.ma.dot(a, b.T)", two("qn", "qn"))
    ma_case(g, "dot_T_strict_q1", "np.ma.dot(a, b.T, strict=True)", two("q1", "q1"))
    ma_case(g, "outer_nomask", "np.ma.outer(np.ma.masked_array([1.0, 2]), np.ma.masked_array([3.0, 4, 5]))")
    for n in ["m2", "i2", "q1", "q2", "q3", "qi", "qn", "qf", "row"]:
        s = EXTRA.get(n, INPUTS.get(n)) + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        g.case(f"compress_rowcols_{n}", "np.ma.compress_rowcols(m)", setup=s)
        g.case(f"compress_rows_{n}", "np.ma.compress_rows(m)", setup=s)
        g.case(f"compress_cols_{n}", "np.ma.compress_cols(m)", setup=s)
        g.case(f"compress_nomask_{n}", "np.ma.compress_rowcols(p)", setup=s)
        ma_case(g, f"mask_rowcols_{n}", "np.ma.mask_rowcols(m)", s)
        ma_case(g, f"mask_rows_{n}", "np.ma.mask_rows(m)", s)
        ma_case(g, f"mask_cols_{n}", "np.ma.mask_cols(m)", s)
        ma_case(g, f"mask_rowcols_nomask_{n}", "np.ma.mask_rowcols(p)", s)
        ma_case(g, f"cov_{n}", "np.ma.cov(m)", s, ulp=4)
        ma_case(g, f"cov_cols_{n}", "np.ma.cov(m, rowvar=False)", s, ulp=4)
        ma_case(g, f"cov_ddof0_{n}", "np.ma.cov(m, ddof=0)", s, ulp=4)
        if n != "row":  # a 0-d covariance: NumPy's corrcoef fails writing to `masked`
            ma_case(g, f"corrcoef_{n}", "np.ma.corrcoef(m)", s, ulp=8)
            ma_case(g, f"corrcoef_cols_{n}", "np.ma.corrcoef(m, rowvar=False)", s, ulp=8)
    g.case("compress_rows_1d", "np.ma.compress_rows(np.ma.masked_array([1.0, 2.0], mask=[0, 1]))")
    g.case("mask_rowcols_1d", "np.ma.mask_rowcols(np.ma.masked_array([1.0, 2.0], mask=[0, 1]))")
    generate_polyfit(g)


def generate_polyfit(g):
    """ma.polyfit: the points where x or y is masked (rows of a 2-d y) are left out."""
    s = ("rng = np.random.default_rng(50)\nx = np.linspace(-2, 3, 30)\ny = 1.5 * x ** 2 - x + rng.standard_normal(30) * 0.1\n"
         "y2 = np.stack([y, 2 * y - 1], axis=1)\nw = rng.random(30) + 0.5\n"
         "mx = rng.random(30) < 0.2\nmy = rng.random(30) < 0.2\nmy2 = rng.random((30, 2)) < 0.1\n"
         "xm = np.ma.masked_array(x, mask=mx)\nym = np.ma.masked_array(y, mask=my)\n"
         "y2m = np.ma.masked_array(y2, mask=my2)")
    for v in ["x", "y", "y2", "w", "mx", "my", "my2"]:
        g.case(f"pf_{v}", v, setup=s)
    g.case("polyfit_xy", "np.ma.polyfit(xm, ym, 2)", setup=s, rtol=1e-10)
    g.case("polyfit_nomask", "np.ma.polyfit(np.ma.masked_array(x), np.ma.masked_array(y), 3)", setup=s, rtol=1e-10)
    g.case("polyfit_y2", "np.ma.polyfit(xm, y2m, 1)", setup=s, rtol=1e-10)
    g.case("polyfit_w", "np.ma.polyfit(xm, ym, 2, w=w)", setup=s, rtol=1e-10)
    g.case("polyfit_y3", "np.ma.polyfit(xm, np.ma.masked_array(np.zeros((30, 1, 1))), 1)", setup=s)
