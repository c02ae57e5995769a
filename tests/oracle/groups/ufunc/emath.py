"""numpy.emath (numpy.lib.scimath): sqrt, log, log2, log10, logn, power, arccos, arcsin and
arctanh on random inputs per dtype, once inside the real domain (a real result) and once
with some elements outside it (the whole array becomes complex: complex64 for
int8/int16/uint8/uint16/float32, complex128 otherwise), plus complex inputs, NaNs,
scalars, broadcasting of the two-argument functions and the integer-power rule."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]

MAKE = '''\
def make(dtype, n, seed, lo, hi):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.random(n) < 0.5
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(max(lo, info.min), min(hi, info.max), n, dtype=dt, endpoint=True)
    if dt.kind == "f":
        return rng.uniform(lo, hi, n).astype(dt)
    return (rng.uniform(lo, hi, n) + 1j * rng.uniform(lo, hi, n)).astype(dt)
'''

UNARY_LT0 = ["sqrt", "log", "log2", "log10"]
UNARY_GT1 = ["arccos", "arcsin", "arctanh"]
TOL = 8


def generate(g):
    for k, dt in enumerate(DTYPES):
        # in the real domain: a real result of the ufunc's own type
        s = MAKE + f"x = make({dt!r}, 300, {k}, 0, 100)"
        g.case(f"lt0_{dt}_in_x", "x", setup=s)
        for f in UNARY_LT0:
            g.case(f"{f}_{dt}_in", f"np.emath.{f}(x)", setup=s, ulp=TOL)
        s = MAKE + f"x = make({dt!r}, 300, {100 + k}, -100, 100)"
        g.case(f"lt0_{dt}_out_x", "x", setup=s)
        for f in UNARY_LT0:
            g.case(f"{f}_{dt}_out", f"np.emath.{f}(x)", setup=s, ulp=TOL)
        s = MAKE + f"x = make({dt!r}, 300, {200 + k}, -1, 1)"
        g.case(f"gt1_{dt}_in_x", "x", setup=s)
        for f in UNARY_GT1:
            g.case(f"{f}_{dt}_in", f"np.emath.{f}(x)", setup=s, ulp=TOL)
        s = MAKE + f"x = make({dt!r}, 300, {300 + k}, -3, 3)"
        g.case(f"gt1_{dt}_out_x", "x", setup=s)
        for f in UNARY_GT1:
            g.case(f"{f}_{dt}_out", f"np.emath.{f}(x)", setup=s, ulp=TOL)
        # two arguments
        s = MAKE + f"x = make({dt!r}, (7, 13), {400 + k}, -20, 20); p = make('int64', (13,), {500 + k}, -3, 3)"
        g.case(f"power_{dt}_x", "x", setup=s)
        g.case(f"power_{dt}_p", "p", setup=s)
        g.case(f"power_{dt}", "np.emath.power(x, p)", setup=s, ulp=TOL)
        s = MAKE + f"x = make({dt!r}, (7, 13), {600 + k}, 0, 20); p = make('int64', (13,), {700 + k}, 0, 3)"
        g.case(f"power_{dt}_in_x", "x", setup=s)
        g.case(f"power_{dt}_in_p", "p", setup=s)
        g.case(f"power_{dt}_in", "np.emath.power(x, p)", setup=s, ulp=TOL)
        s = MAKE + f"x = make({dt!r}, (7, 13), {800 + k}, -20, 20); n = make({dt!r}, (13,), {900 + k}, 2, 9)"
        g.case(f"logn_{dt}_x", "x", setup=s)
        g.case(f"logn_{dt}_n", "n", setup=s)
        g.case(f"logn_{dt}", "np.emath.logn(n, x)", setup=s, ulp=TOL)
    # NaN and infinities stay real (NaN < 0 is False)
    s = "x = np.array([np.nan, np.inf, 4.0, 0.0, -0.0])"
    g.case("nan_x", "x", setup=s)
    for f in UNARY_LT0:
        g.case(f"{f}_nan", f"np.emath.{f}(x)", setup=s, ulp=TOL)
    g.case("arcsin_nan", "np.emath.arcsin(np.array([np.nan, 0.5]))", ulp=TOL)
    g.case("sqrt_neg_inf", "np.emath.sqrt(np.array([-np.inf, 4.0]))", ulp=TOL)
    # scalars: Python numbers become int64/float64/complex128 0-d arrays
    g.case("sqrt_scalar_neg", "np.asarray(np.emath.sqrt(-4))")
    g.case("sqrt_scalar_pos", "np.asarray(np.emath.sqrt(4.0))")
    g.case("log_scalar_neg", "np.asarray(np.emath.log(-1.5))", ulp=TOL)
    g.case("arccos_scalar", "np.asarray(np.emath.arccos(2))", ulp=TOL)
    g.case("power_scalar", "np.asarray(np.emath.power(-8, 1.0 / 3.0))", ulp=TOL)
    g.case("power_int_neg_exp", "np.emath.power(np.array([2, 4]), -2)")
    g.case("power_float_exp", "np.emath.power(np.array([2.0, -4.0], dtype=np.float32), np.float32(0.5))",
           ulp=TOL)
    g.case("logn_scalar", "np.asarray(np.emath.logn(2, 8))", ulp=TOL)
    g.case("logn_neg_base", "np.asarray(np.emath.logn(-2, 8.0))", ulp=TOL)
