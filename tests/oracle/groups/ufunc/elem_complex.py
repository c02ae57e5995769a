"""Exactly defined complex ufuncs on random operands and every edge value.

Per complex type: `z` holds random values of mixed magnitudes (some on the axes), then
every complex number whose parts are edge values (±0, ±1, ±inf, NaN, the smallest
subnormal, a huge value, 0.5, 3); `w` is a second operand of the same length (random,
then the edge numbers in another order, and `z` itself for ties).
"""

import numpy as np

COMPLEX = ("complex64", "complex128")
N = 2000


def setup_for(t, seed):
    f = "float32" if t == "complex64" else "float64"
    fi = np.finfo(f)
    parts = [0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, float(fi.smallest_subnormal), float(fi.max) / 2,
             0.5, 3.0, -3.0]
    k = len(parts)
    edge = f"np.array({parts!r}, dtype=np.{f})".replace("inf", "np.inf").replace("nan", "np.nan")
    real = f"(rng.standard_normal({N}) * 1e3 ** rng.uniform(-1, 1, {N}))"
    axis = f"np.where(rng.random({N}) < 0.1, 0, 1)"
    return (
        f"rng = np.random.default_rng({seed}); p = {edge}; "
        f"ez = np.repeat(p, {k}).astype(np.{t}); ez.imag = np.tile(p, {k}); "
        f"z = np.concatenate([({real} * {axis} + 1j * {real} * {axis}).astype(np.{t}), ez]); "
        f"w = np.concatenate([({real} + 1j * {real}).astype(np.{t}), ez[::-1]]); "
        f"w[::7] = z[::7]; "
        f"u = (rng.uniform(-3, 3, 2100) + 1j * rng.uniform(-8, 8, 2100)).astype(np.{t}); "
        f"k = np.where(rng.random(2100) < 0.6, rng.integers(-7, 8, 2100), rng.uniform(-3, 3, 2100)).astype(np.{t}); "
        f"u[::13] = u[::13].real; u[1::13] = 1j * u[1::13].imag; u[2::17] *= 1e-9; u[3::19] *= 1e9; "
        f"k[::11] += 1j * rng.uniform(-2, 2, k[::11].size).astype(np.{t}); k[5::97] = 150; k[6::97] = -99"
    )


def generate(g):
    for seed, t in enumerate(COMPLEX):
        setup = setup_for(t, 4000 + seed)
        g.case(f"{t}_z", "z", setup=setup)
        g.case(f"{t}_w", "w", setup=setup)
        g.case(f"{t}_u", "u", setup=setup)
        for f in ("absolute", "sign", "conjugate", "square", "reciprocal", "rint", "isnan", "isinf", "isfinite"):
            g.case(f"{t}_{f}", f"np.{f}(z)", setup=setup)
        # The C library's csqrt and cexp (NumPy calls them on Linux), NumPy's own log1p and
        # expm1 formulas; `u` adds values of moderate size around the unit circle.
        for f in ("sqrt", "exp", "exp2", "log1p", "expm1", "log", "log2", "log10", "sin", "cos", "tan", "sinh", "cosh",
                  "tanh", "arctanh", "arctan", "arcsinh", "arcsin", "arccos", "arccosh"):
            g.case(f"{t}_{f}", f"np.{f}(z)", setup=setup)
            g.case(f"{t}_{f}_u", f"np.{f}(u)", setup=setup)
        g.case(f"{t}_k", "k", setup=setup)
        # NumPy's own power: repeated products for small integer exponents, C's cpow else.
        g.case(f"{t}_power", "np.power(z, w)", setup=setup)
        g.case(f"{t}_power_k", "np.power(u, k)", setup=setup)
        for f in ("maximum", "minimum", "fmax", "fmin"):
            g.case(f"{t}_{f}", f"np.{f}(z, w)", setup=setup)
