"""median, quantile, percentile and their NaN-aware forms: random inputs per real dtype
(odd and even lane lengths, several axes, tuples of axes, keepdims), every method of NumPy 2
with scalar and array q, weights (inverted_cdf), NaN lanes, all-NaN lanes, and errors."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64"]
FLOATS = ["float16", "float32", "float64"]
METHODS = ["inverted_cdf", "averaged_inverted_cdf", "closest_observation",
           "interpolated_inverted_cdf", "hazen", "weibull", "linear", "median_unbiased",
           "normal_unbiased", "lower", "higher", "midpoint", "nearest"]
DISCRETE = ["inverted_cdf", "closest_observation", "lower", "higher", "nearest"]
# q values that hit the lane ends, exact order statistics and the points between them
QS = [0.0, 0.01, 0.1, 0.2, 0.25, 1 / 3, 0.4, 0.5, 0.6, 2 / 3, 0.75, 0.8, 0.9, 0.99, 1.0]
# (case suffix, axis) pairs; the inputs have shape (7, 6, 5)
AXES = [("all", None), ("a0", 0), ("a1", 1), ("a2", 2), ("am1", -1), ("a02", (0, 2)), ("a10", (1, 0))]

MAKE = '''\
def make(dtype, shape, seed, nans=0.0):
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return (rng.random(n) < 0.5).reshape(shape)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        wide = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        few = rng.integers(max(info.min, -20), 21, n).astype(dt)
        return np.where(rng.random(n) < 0.5, few, wide).reshape(shape)
    wide = (rng.standard_normal(n) * 10.0 ** rng.integers(-2, 3, n)).astype(dt)
    few = (rng.integers(-8, 8, n) / 4).astype(dt)
    a = np.where(rng.random(n) < 0.5, few, wide)
    a[rng.random(n) < nans] = np.nan
    return a.reshape(shape)
'''


def generate(g):
    for k, dt in enumerate(DTYPES):
        s = MAKE + f"x = make({dt!r}, (7, 6, 5), {k})"
        g.case(f"x_{dt}", "x", setup=s)
        for name, ax in AXES:
            g.case(f"median_{dt}_{name}", f"np.median(x, axis={ax!r})", setup=s)
            g.case(f"nanmedian_{dt}_{name}", f"np.nanmedian(x, axis={ax!r})", setup=s)
        g.case(f"median_{dt}_keep", "np.median(x, axis=(0, 2), keepdims=True)", setup=s)
        for m in METHODS:
            g.case(f"q_{dt}_{m}", f"np.quantile(x, 0.37, axis=1, method={m!r})", setup=s)
            g.case(f"qm_{dt}_{m}", f"np.quantile(x, {QS!r}, axis=0, method={m!r})", setup=s)
            g.case(f"qall_{dt}_{m}", f"np.quantile(x, 0.5, method={m!r})", setup=s)
        for name, ax in AXES:
            g.case(f"p_{dt}_{name}", f"np.percentile(x, 42.5, axis={ax!r})", setup=s)
            g.case(f"nq_{dt}_{name}", f"np.nanquantile(x, [0.3, 0.7], axis={ax!r})", setup=s)
        g.case(f"p_{dt}_keep", "np.percentile(x, [10.0, 90.0], axis=2, keepdims=True)", setup=s)
        g.case(f"np_{dt}_keep", "np.nanpercentile(x, 90.0, axis=(1, 2), keepdims=True)", setup=s)
        # weights (inverted_cdf only): of x's shape, and 1-d along the axis
        ws = s + f"\nw = np.random.default_rng({k + 50}).integers(0, 4, (7, 6, 5)).astype(float)"
        g.case(f"w_{dt}", "w", setup=ws)
        g.case(f"qw_{dt}", "np.quantile(x, [0.1, 0.5, 0.9], axis=1, method='inverted_cdf', weights=w)",
               setup=ws)
        g.case(f"qw1_{dt}", "np.quantile(x, 0.5, axis=0, method='inverted_cdf', weights=w[:, 0, 0])",
               setup=ws)
        g.case(f"qw2_{dt}", "np.quantile(x, 0.5, axis=(2, 0), method='inverted_cdf', weights=w[:, 0, :].T)",
               setup=ws)
    # NaNs: lanes with NaNs, all-NaN lanes
    for k, dt in enumerate(FLOATS):
        s = MAKE + f"x = make({dt!r}, (7, 6, 5), {k + 20}, nans=0.08); x[:, 2, :] = np.nan; x[3, :, 1] = np.nan"
        g.case(f"xn_{dt}", "x", setup=s)
        for name, ax in AXES:
            g.case(f"nmedian_{dt}_{name}", f"np.median(x, axis={ax!r})", setup=s)
            g.case(f"nnanmedian_{dt}_{name}", f"np.nanmedian(x, axis={ax!r})", setup=s)
            g.case(f"nnq_{dt}_{name}", f"np.nanquantile(x, [0.0, 0.3, 0.5, 1.0], axis={ax!r})", setup=s)
            g.case(f"nq1_{dt}_{name}", f"np.quantile(x, 0.3, axis={ax!r})", setup=s)
        for m in METHODS:
            g.case(f"nnqm_{dt}_{m}", f"np.nanquantile(x, 0.37, axis=1, method={m!r})", setup=s)
            g.case(f"nqm_{dt}_{m}", f"np.quantile(x, 0.37, axis=1, method={m!r})", setup=s)
        g.case(f"nnp_{dt}", "np.nanpercentile(x, 12.5, axis=2)", setup=s)
        ws = s + "\nw = np.random.default_rng(9).integers(1, 4, (7, 6, 5)).astype(float)"
        g.case(f"wn_{dt}", "w", setup=ws)
        g.case(f"nqw_{dt}", "np.nanquantile(x, [0.2, 0.8], axis=0, method='inverted_cdf', weights=w)",
               setup=ws)
    # long lanes: many order statistics (full sort), odd and even lengths; from 2**16
    # elements a median or a single quantile takes the sampled selection
    for n in (10001, 10000, 100001, 100000):
        s = MAKE + f"x = make('float64', ({n},), 77)"
        g.case(f"long_{n}", "x", setup=s)
        g.case(f"long_{n}_median", "np.median(x)", setup=s)
        g.case(f"long_{n}_q", f"np.quantile(x, {QS!r})", setup=s)
        g.case(f"long_{n}_p", "np.percentile(x, 99.9, method='hazen')", setup=s)
    # small hand cases: overflow of the integer difference, infinities, 0-d and empty inputs
    g.case("int8_wrap", "np.quantile(np.array([-100, 100], dtype=np.int8), 0.25)")
    g.case("inf_top", "np.quantile(np.array([1.0, np.inf]), 1.0)")
    g.case("inf_mid", "np.quantile(np.array([1.0, np.inf]), 0.5)")
    g.case("zero_d", "np.median(np.array(3.5))")
    g.case("empty_median", "np.median(np.zeros((0, 3)), axis=0)")
    g.case("empty_median_lanes", "np.median(np.zeros((3, 0)), axis=0)")
    g.case("empty_nanquantile", "np.nanquantile(np.zeros(0), 0.5)")
    g.case("q_float32_many", "np.quantile(np.arange(7, dtype=np.float32) / 3, [0.3, 0.6])")
    g.case("q_float32_many_lower", "np.quantile(np.arange(7, dtype=np.float32) / 3, [0.3, 0.6], method='lower')")
    # errors
    g.case("err_empty", "np.quantile(np.zeros((0, 3)), 0.5, axis=0)")
    g.case("err_range", "np.quantile(np.arange(3.0), 1.5)")
    g.case("err_range_neg", "np.quantile(np.arange(3.0), [0.5, -0.1])")
    g.case("err_prange", "np.percentile(np.arange(3.0), 101)")
    g.case("err_method", "np.quantile(np.arange(3.0), 0.5, method='foo')")
    g.case("err_axis", "np.quantile(np.ones((2, 3)), 0.5, axis=2)")
    g.case("err_axis_median", "np.median(np.ones((2, 3)), axis=-3)")
    g.case("err_repeated", "np.quantile(np.ones((2, 3)), 0.5, axis=(0, 0))")
    g.case("err_bool", "np.quantile(np.array([True, False, True]), 0.5)")
    g.case("err_complex", "np.quantile(np.ones(3, dtype=complex), 0.5)")
    g.case("err_w_method", "np.quantile(np.arange(2.0), 0.5, weights=np.ones(2), method='linear')")
    g.case("err_w_neg", "np.quantile(np.arange(2.0), 0.5, weights=np.array([-1.0, 1.0]), method='inverted_cdf')")
    g.case("err_w_zero", "np.quantile(np.arange(2.0), 0.5, weights=np.zeros(2), method='inverted_cdf')")
    g.case("err_w_axis", "np.quantile(np.arange(2.0), 0.5, weights=np.ones((1, 2)), method='inverted_cdf')")
    g.case("err_w_shape", "np.quantile(np.ones((2, 3)), 0.5, axis=1, weights=np.ones(2), method='inverted_cdf')")
