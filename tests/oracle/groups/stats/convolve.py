"""convolve and correlate: random inputs per dtype (integers wrap in their dtype, bool,
floats, complex), both orders of lengths, every mode, mixed dtypes, and errors. Float sums
are BLAS dot products in NumPy, so float cases carry a relative tolerance."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint64", "float16", "float32",
          "float64", "complex64", "complex128"]

MAKE = '''\
def make(dtype, n, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(n) < 0.5
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
    if dt.kind == "f":
        return rng.standard_normal(n).astype(dt)
    return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dt)
'''


def generate(g):
    for k, dt in enumerate(DTYPES):
        s = MAKE + f"a = make({dt!r}, 301, {k}); v = make({dt!r}, 17, {k + 50})"
        tol = {} if dt == "bool" or "int" in dt else ({"rtol": 1e-2, "atol": 1e-2} if dt == "float16" else
                                                      {"rtol": 1e-5, "atol": 1e-5} if dt in ("float32", "complex64") else
                                                      {"rtol": 1e-12, "atol": 1e-12})
        g.case(f"a_{dt}", "a", setup=s)
        g.case(f"v_{dt}", "v", setup=s)
        for mode in ["full", "same", "valid"]:
            g.case(f"conv_{dt}_{mode}", f"np.convolve(a, v, {mode!r})", setup=s, **tol)
            g.case(f"conv_{dt}_{mode}_swap", f"np.convolve(v, a, {mode!r})", setup=s, **tol)
            g.case(f"corr_{dt}_{mode}", f"np.correlate(a, v, {mode!r})", setup=s, **tol)
            g.case(f"corr_{dt}_{mode}_swap", f"np.correlate(v, a, {mode!r})", setup=s, **tol)
    g.case("corr_mixed", "np.correlate(np.array([1, 2, 3], dtype=np.int8), np.array([0.5, 2.0]), 'full')")
    g.case("err_conv_mode", "np.convolve(np.array([1.0, 2.0]), np.array([1.0]), mode='x')")
    g.case("err_conv_a", "np.convolve(np.array([]), np.array([1.0]))")
    g.case("err_conv_v", "np.convolve(np.array([1.0]), np.array([]))")
    g.case("err_corr_v", "np.correlate(np.array([1.0, 2.0]), np.array([]), 'full')")
    g.case("err_corr_a", "np.correlate(np.array([]), np.array([1.0]), 'full')")
