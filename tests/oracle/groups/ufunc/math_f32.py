"""float32 `tanh`, `arctan` and `log` (the kernels evaluated in float32 lanes) on random
inputs over the whole float32 line, against NumPy's float64 result rounded to float32.

Input `x/<f>`: N = 20011 float32 values (an odd length: AVX-512 and AVX2 bodies and every
tail run): a third any bit pattern (NaN, ±inf, subnormals, huge, negative), a third uniform
over the range where the function does real work, a third log-uniform in magnitude from
the smallest subnormal to the largest float32, with random signs; then the special values
and the kernels' break points and their neighbours.

Case `<f>`: `np.<f>` of `x` in float64, rounded to float32, within NumPy's umath validation
bound for float32 (tanh 2, arctan 3, log 4 ULP): the bound NumPy holds its own float32 loop
to, measured from the (nearly) correctly rounded value.
"""

import numpy as np

N = 20011
# function -> (uniform range, validation bound in ULP, break points)
FUNCS = {
    "tanh": ((-12.0, 12.0), 2, "0.625, 10.0, 9.0, 2.44140625e-4"),
    "arctan": ((-40.0, 40.0), 3, "0.41421357, 2.4142137, 134217728.0, 2.44140625e-4, 1.0"),
    "log": ((0.0, 300.0), 4, "1.0, 1.4142135, 0.70710677, 1.1754944e-38, 2.0, 0.5"),
}
SPECIALS = ("0.0, -0.0, np.inf, -np.inf, np.nan, 1.4e-45, -1.4e-45, 3.4028235e38, -3.4028235e38, "
            "1e-30, -1e-30, 1.0, -1.0")


def draw(name, seed):
    (lo, hi), _, breaks = FUNCS[name]
    return (f"rng = np.random.default_rng({seed}); N = {N}; n = N // 3; "
            "bits = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32).view(np.float32); "
            f"uni = rng.uniform({lo}, {hi}, n).astype(np.float32); "
            f"b = np.array([{breaks}], dtype=np.float32); "
            "nb = np.concatenate([b, -b, np.nextafter(b, np.float32(np.inf)), np.nextafter(b, np.float32(0))]); "
            f"tail = np.concatenate([np.array([{SPECIALS}], dtype=np.float32), nb]); m = N - 2 * n - tail.size; "
            "mag = (10 ** rng.uniform(-45.5, 38.5, m)) * np.where(rng.random(m) < 0.5, -1, 1); "
            "mag = np.clip(mag, -3.4028235e38, 3.4028235e38).astype(np.float32); "
            "x = np.concatenate([bits, uni, mag, tail])")


def generate(g):
    for k, (name, (_, ulp, _)) in enumerate(FUNCS.items()):
        g.case(f"x/{name}", "x", setup=draw(name, 8100 + k))
        g.case(name, f"np.{name}(x.astype(np.float64)).astype(np.float32)",
               setup=f"{draw(name, 8100 + k)}\nnp.seterr(all='ignore')", ulp=ulp)
