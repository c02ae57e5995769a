"""histogram and histogram_bin_edges: random inputs per dtype (integers, float16/32/64, bool),
equal bins from the data or from range=, explicit edges, weights, density, every bin-width
estimator (float64 and integer data), and errors."""

import numpy as np
import warnings

DTYPES = ["int8", "int32", "int64", "uint16", "float16", "float32", "float64"]
ESTIMATORS = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]

MAKE = '''\
def make(dtype, n, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind in "iu":
        return rng.integers(0 if dt.kind == "u" else -100, 100, n).astype(dt)
    return (rng.standard_normal(n) * 10).astype(dt)
'''


def generate(g):
    warnings.simplefilter("ignore")
    for k, dt in enumerate(DTYPES):
        s = MAKE + f"x = make({dt!r}, 70007, {k}).reshape(7, 10001); w = np.random.default_rng({k}).random((7, 10001))"
        g.case(f"hx_{dt}", "x", setup=s)
        g.case(f"hw_{dt}", "w", setup=s)
        g.case(f"h_{dt}", "np.histogram(x)", setup=s)
        g.case(f"h_{dt}_37", "np.histogram(x, bins=37)", setup=s)
        g.case(f"h_{dt}_range", "np.histogram(x, bins=13, range=(-20.5, 30.25))", setup=s)
        g.case(f"h_{dt}_w", "np.histogram(x, bins=9, weights=w)", setup=s)
        g.case(f"h_{dt}_density", "np.histogram(x, bins=11, density=True)", setup=s)
        g.case(f"h_{dt}_edges", "np.histogram(x, bins=[-50.0, -3.5, 0.0, 0.0, 2.0, 7.25, 60.0])", setup=s)
        g.case(f"h_{dt}_edges_w", "np.histogram(x, bins=[-50.0, -3.5, 0.0, 2.0, 7.25, 60.0], weights=w)",
               setup=s)
        g.case(f"h_{dt}_edges_density", "np.histogram(x, bins=[-50.0, -3.5, 0.0, 2.0, 60.0], density=True)",
               setup=s)
        g.case(f"hbe_{dt}", "np.histogram_bin_edges(x, bins=6)", setup=s)
    for k, dt in enumerate(["float64", "int64"]):
        s = MAKE + f"x = make({dt!r}, 2001, {k + 40})"
        g.case(f"ex_{dt}", "x", setup=s)
        for est in ESTIMATORS:
            g.case(f"est_{dt}_{est}", f"np.histogram(x, bins={est!r})", setup=s)
            g.case(f"est_{dt}_{est}_range", f"np.histogram(x, bins={est!r}, range=(-10.0, 15.0))", setup=s)
    g.case("h_bool", "np.histogram(np.array([True, False, True, True]), bins=3)")
    g.case("h_const", "np.histogram(np.array([2.0, 2.0, 2.0]), bins=4)")
    g.case("h_const_int", "np.histogram(np.array([5, 5]), bins=3)")
    g.case("h_empty", "np.histogram(np.array([], dtype=np.float64), bins=3)")
    g.case("h_nan_range", "np.histogram(np.array([1.0, np.nan, 3.0]), bins=2, range=(0.0, 4.0))")
    g.case("err_h_bins0", "np.histogram(np.arange(3.0), bins=0)")
    g.case("err_h_edges", "np.histogram(np.arange(3.0), bins=[1.0, 0.0])")
    g.case("err_h_range", "np.histogram(np.arange(3.0), range=(2.0, 1.0))")
    g.case("err_h_range_inf", "np.histogram(np.arange(3.0), range=(0.0, np.inf))")
    g.case("err_h_auto_nan", "np.histogram(np.array([1.0, np.nan]))")
    g.case("err_h_weights", "np.histogram(np.arange(3.0), weights=np.ones(2))")
    g.case("err_h_est_w", "np.histogram(np.arange(3.0), bins='auto', weights=np.ones(3))")
    g.case("err_h_too_many", "np.histogram(np.array([1.0, 1.0 + 2e-16]), bins=5)")
    # Long inputs (read on several threads): equal bins from the data and from range=, and
    # a largest value that is both -0.0 and 0.0 in different pieces.
    for k, dt in enumerate(["int16", "int64", "float32", "float64"]):
        s = MAKE + f"x = make({dt!r}, 140001, {k + 60})"
        g.case(f"hx_big_{dt}", "x", setup=s)
        g.case(f"h_big_{dt}", "np.histogram(x, bins=100)", setup=s)
        g.case(f"h_big_{dt}_range", "np.histogram(x, bins=50, range=(-20.5, 30.25))", setup=s)
    s = MAKE + "x = -np.abs(make('float64', 140001, 70)); x[5000] = -0.0; x[100000] = 0.0"
    g.case("hx_big_zero_max", "x", setup=s)
    g.case("h_big_zero_max", "np.histogram(x, bins=100)", setup=s)
