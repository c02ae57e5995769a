"""Exactly defined real floating-point ufuncs on random operands and every edge value.

Per float type: `x` and `y` hold random values of mixed magnitudes and signs (integers and
halves among them, for the rounding functions), then every pair of the edge values (±0,
±inf, NaN, the smallest and largest subnormals, the smallest normal, the largest finite,
±0.5, ±1, ±1.5, ±2.5, a large integer plus a half) one after the other. `e` (int32) and
`e64` (int64) are exponents for `ldexp`, from far below the subnormal range to far past
overflow.
"""

import numpy as np

FLOATS = ("float16", "float32", "float64")
N = 1500


def edges(t):
    """Setup code for `ed`, the edge values of type `t` and their negatives."""
    big = {"float16": "1000.5", "float32": "2.0**22 + 0.5", "float64": "2.0**51 + 0.5"}[t]
    return (f"fi = np.finfo(np.{t}); ed = np.array([0.0, np.inf, np.nan, fi.smallest_subnormal, "
            f"fi.smallest_normal - fi.smallest_subnormal, fi.smallest_normal, fi.max, 0.5, 1.0, 1.5, 2.5, "
            f"{big}, 3.0], dtype=np.{t}); ed = np.concatenate([ed, -ed[~np.isnan(ed)]])")


def setup_for(t, seed):
    k = 25
    scale = "1e2" if t == "float16" else "1e6"
    real = f"(rng.standard_normal({N}) * {scale} ** rng.uniform(-1, 1, {N}))"
    halves = f"(rng.integers(-40, 40, {N}) / 2)"
    pick = f"np.where(rng.random({N}) < 0.2, {halves}, {real})"
    return (
        f"rng = np.random.default_rng({seed}); {edges(t)}; "
        f"x = np.concatenate([{pick}.astype(np.{t}), np.repeat(ed, {k})]); "
        f"y = np.concatenate([{pick}.astype(np.{t}), np.tile(ed, {k})]); "
        f"e = np.concatenate([rng.integers(-1200, 1200, 2052), [-2000, -1100, -1075, -1074, -1023, -1022, "
        f"-150, -149, -126, -25, -24, -15, -14, 0, 1, 15, 16, 127, 128, 1023, 1024, 2000, 2147483647, "
        f"-2147483648] * 2]).astype(np.int32); "
        f"xe = np.resize(x, e.size); "
        f"e64 = np.concatenate([e.astype(np.int64), [2**40, -2**40, 2**62, -2**62]]); "
        f"xe64 = np.resize(x, e64.size); "
        # fmax/fmin of +0 and -0 keep either operand depending on the position in NumPy's
        # loop (vector body or scalar tail): only pairs without that ambiguity.
        f"px = np.concatenate([rng.uniform(0, 8, {N}), -rng.integers(1, 9, 600)]).astype(np.{t}); "
        f"py = np.concatenate([rng.uniform(-20, 20, {N}), rng.integers(-10, 10, 600)]).astype(np.{t}); "
        f"keep = ~((x == 0) & (y == 0) & (np.signbit(x) != np.signbit(y))); xf = x[keep]; yf = y[keep]"
    )


def generate(g):
    for seed, t in enumerate(FLOATS):
        setup = setup_for(t, 3000 + seed)
        for name in ("x", "y", "e", "xe", "e64", "xe64", "xf", "yf", "px", "py"):
            g.case(f"{t}_{name}", name, setup=setup)
        for f in ("floor", "ceil", "trunc", "rint", "fix", "spacing", "signbit", "sign", "isnan", "isinf",
                  "isfinite", "deg2rad", "rad2deg", "square", "reciprocal", "fabs", "absolute"):
            g.case(f"{t}_{f}", f"np.{f}(x)", setup=setup)
        for f in ("frexp", "modf"):
            g.case(f"{t}_{f}", f"np.{f}(x)", setup=setup)
        for f in ("copysign", "nextafter", "fmod", "heaviside", "maximum", "minimum"):
            g.case(f"{t}_{f}", f"np.{f}(x, y)", setup=setup)
        g.case(f"{t}_divmod", "np.divmod(x, y)", setup=setup)
        for f in ("fmax", "fmin"):
            g.case(f"{t}_{f}", f"np.{f}(xf, yf)", setup=setup)
        g.case(f"{t}_ldexp", "np.ldexp(xe, e)", setup=setup)
        g.case(f"{t}_ldexp64", "np.ldexp(xe64, e64)", setup=setup)
        g.case(f"{t}_logaddexp", "np.logaddexp(x, y)", setup=setup)
        g.case(f"{t}_logaddexp2", "np.logaddexp2(x, y)", setup=setup)
        g.case(f"{t}_logaddexp_p", "np.logaddexp(px, py)", setup=setup)
        g.case(f"{t}_logaddexp2_p", "np.logaddexp2(px, py)", setup=setup)
        # float16 goes through C's powf; float32/float64 arrays through a vector pow
        # within one ULP of C's pow.
        ulp = None if t == "float16" else 1
        g.case(f"{t}_power", "np.power(x, y)", setup=setup, ulp=ulp)
        g.case(f"{t}_power_p", "np.power(px, py)", setup=setup, ulp=ulp)
        if t == "float64":
            g.case("float64_float_power", "np.float_power(x, y)", setup=setup)
            g.case("float64_float_power_p", "np.float_power(px, py)", setup=setup)
    # float16 fmax/fmin keep the first of two equal operands everywhere (a scalar loop).
    setup = "x = np.array([0.0, -0.0, 0.0, -0.0], dtype=np.float16); y = np.array([-0.0, 0.0, 0.0, -0.0], dtype=np.float16)"
    for f in ("fmax", "fmin", "maximum", "minimum"):
        g.case(f"float16_zeros_{f}", f"np.signbit(np.{f}(x, y))", setup=setup)
