"""bincount and digitize: random inputs per dtype (integers of every width and bool for
bincount, with weights and minlength; increasing and decreasing bins, right=, NaNs and
ties for digitize), and errors."""

import numpy as np

INTS = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
REALS = ["int8", "int32", "int64", "uint16", "float16", "float32", "float64"]


def generate(g):
    for k, dt in enumerate(INTS):
        s = (f"rng = np.random.default_rng({k}); x = rng.integers(0, 2 if {dt!r} == 'bool' else 100, 1001)"
             f".astype({dt!r}); w = rng.standard_normal(1001)")
        g.case(f"bx_{dt}", "x", setup=s)
        g.case(f"bw_{dt}", "w", setup=s)
        g.case(f"bincount_{dt}", "np.bincount(x)", setup=s)
        g.case(f"bincount_{dt}_min", "np.bincount(x, minlength=150)", setup=s)
        g.case(f"bincount_{dt}_w", "np.bincount(x, weights=w)", setup=s)
    g.case("bincount_empty", "np.bincount(np.array([], dtype=np.int64))")
    g.case("err_bincount_neg", "np.bincount(np.array([1, -1]))")
    g.case("err_bincount_min", "np.bincount(np.array([1, 2]), minlength=-1)")
    g.case("err_bincount_float", "np.bincount(np.array([1.0, 2.0]))")
    g.case("err_bincount_w", "np.bincount(np.array([1, 2]), weights=np.array([1.0]))")
    g.case("err_bincount_2d", "np.bincount(np.ones((2, 2), dtype=np.int64))")
    for k, dt in enumerate(REALS):
        s = (f"rng = np.random.default_rng({k + 30}); x = (rng.standard_normal((7, 9)) * 20).astype({dt!r}); "
             "b = np.array([-30.0, -10.0, -10.0, -1.5, 0.0, 0.0, 2.0, 7.5, 25.0])")
        if dt.startswith("float"):
            s += "; x[0, :3] = np.nan; x[1, :5] = b[:5]"
        else:
            s += "; x[1, :5] = b[:5]"
        g.case(f"dx_{dt}", "x", setup=s)
        g.case(f"digitize_{dt}", "np.digitize(x, b)", setup=s)
        g.case(f"digitize_{dt}_right", "np.digitize(x, b, right=True)", setup=s)
        g.case(f"digitize_{dt}_dec", "np.digitize(x, b[::-1])", setup=s)
        g.case(f"digitize_{dt}_dec_right", "np.digitize(x, b[::-1], right=True)", setup=s)
    g.case("d_bins", "b", setup="b = np.array([-30.0, -10.0, -10.0, -1.5, 0.0, 0.0, 2.0, 7.5, 25.0])")
    g.case("digitize_nan_bins", "np.digitize(np.array([1, 5]), np.array([2.0, np.nan]))")
    g.case("err_digitize_mono", "np.digitize(np.array([1.0]), np.array([3.0, 1.0, 2.0]))")
    g.case("err_digitize_complex", "np.digitize(np.array([1j]), np.array([1.0]))")
    g.case("err_digitize_2d", "np.digitize(np.array([1.0]), np.array([[1.0]]))")
    # `minlength` is checked before the values; long inputs (counted on several threads)
    g.case("err_bincount_neg_min", "np.bincount(np.array([-1, 2]), minlength=-1)")
    for dt in ("uint8", "int32", "int64", "uint64"):
        s = f"x = np.random.default_rng(41).integers(0, 1000, 140001).astype(np.{dt})"
        g.case(f"bx_big_{dt}", "x", setup=s)
        g.case(f"bincount_big_{dt}", "np.bincount(x)", setup=s)
    s = "x = np.random.default_rng(42).integers(0, 200000, 140001)"
    g.case("bx_big_wide", "x", setup=s)
    g.case("bincount_big_wide", "np.bincount(x, minlength=5)", setup=s)
