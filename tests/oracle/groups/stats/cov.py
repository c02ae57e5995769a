"""cov and corrcoef: random float64, integer and complex observations, rowvar, bias, ddof,
fweights, aweights, one variable, empty input, errors. NumPy multiplies through BLAS, so the
cases carry a small relative tolerance."""

import numpy as np

TOL = {"rtol": 1e-12, "atol": 1e-13}


def generate(g):
    s = ("rng = np.random.default_rng(3); x = rng.standard_normal((4, 37)); xi = rng.integers(-50, 50, (3, 23)); "
         "xc = x[:2] + 1j * rng.standard_normal((2, 37)); f = rng.integers(0, 4, 37); aw = rng.random(37)")
    for name in ["x", "xi", "xc", "f", "aw"]:
        g.case(f"in_{name}", name, setup=s)
    g.case("cov", "np.cov(x)", setup=s, **TOL)
    g.case("cov_cols", "np.cov(x.T, rowvar=False)", setup=s, **TOL)
    g.case("cov_bias", "np.cov(x, bias=True)", setup=s, **TOL)
    g.case("cov_ddof", "np.cov(x, ddof=3)", setup=s, **TOL)
    g.case("cov_f", "np.cov(x, fweights=f)", setup=s, **TOL)
    g.case("cov_a", "np.cov(x, aweights=aw)", setup=s, **TOL)
    g.case("cov_fa", "np.cov(x, fweights=f, aweights=aw, ddof=2)", setup=s, **TOL)
    g.case("cov_fa0", "np.cov(x, fweights=f, aweights=aw, bias=True)", setup=s, **TOL)
    g.case("cov_int", "np.cov(xi)", setup=s, **TOL)
    g.case("cov_complex", "np.cov(xc)", setup=s, **TOL)
    g.case("cov_one", "np.cov(x[0])", setup=s, **TOL)
    g.case("cov_empty", "np.cov(np.zeros((0, 3)))")
    g.case("corr", "np.corrcoef(x)", setup=s, **TOL)
    g.case("corr_cols", "np.corrcoef(x.T, rowvar=False)", setup=s, **TOL)
    g.case("corr_int", "np.corrcoef(xi)", setup=s, **TOL)
    g.case("corr_complex", "np.corrcoef(xc)", setup=s, **TOL)
    g.case("err_cov_nd", "np.cov(np.ones((2, 2, 2)))")
    g.case("err_cov_flen", "np.cov(np.ones((2, 3)), fweights=[1, 2])")
    g.case("err_cov_fneg", "np.cov(np.ones((2, 3)), fweights=[1, -2, 1])")
    g.case("err_cov_alen", "np.cov(np.ones((2, 3)), aweights=[1.0, 2.0])")
    g.case("err_cov_aneg", "np.cov(np.ones((2, 3)), aweights=[1.0, -2.0, 1.0])")
