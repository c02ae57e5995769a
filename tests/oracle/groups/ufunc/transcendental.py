"""Values of the transcendental ufuncs (exp … arctanh) through the ufunc table, per dtype.

Inputs are random per domain class and dtype (case `x/<class>/<dtype>`): N = 2085 values
for the float dtypes, so that AVX-512 and AVX2 vector bodies, their tails and the float16
chunks of 256 all run; 300 for the complex dtypes; 200 small integers for the integer
dtypes, which NumPy computes in float16 (int8), float32 (uint16) or float64 (int32, int64).
A class draws over a function's whole domain, a little past its edges (overflow of `exp`,
arguments below -1 of `log1p`, beyond ±1 of `arcsin`), with tiny, subnormal and huge
magnitudes where the function takes them.

Cases per function `f`:
- `f/<float dtype>`: a tuple of f(x) (contiguous), f(x.reshape(15, 139).T) (a transposed
  2-d view), f(x[::3]) (strided), f(s) for the special values `specials/<dtype>` (±0, ±inf,
  NaN, subnormals, the extremes, the domain edges and overflow thresholds), and for each
  special value alone, under np.errstate(all='raise'), "ok" or the FloatingPointError's
  message (the first condition in NumPy's order);
- `f/<complex or integer dtype>`: f(x).
Results of the float and complex loops carry `TOL[f]` ULPs (float16, float32, float64)
or are exact; see docs/deviations.md.
"""

import numpy as np

N = 2085
FLOATS = ("float16", "float32", "float64")
COMPLEX = ("complex64", "complex128")
INTS = ("int8", "uint16", "int32", "int64")

# Function -> domain class.
FUNCS = {
    "exp": "exp", "exp2": "exp2", "expm1": "exp", "log": "log", "log2": "log", "log10": "log",
    "log1p": "log1p", "sin": "trig", "cos": "trig", "tan": "trig", "arcsin": "unit", "arccos": "unit",
    "arctan": "wide", "sinh": "exp", "cosh": "exp", "tanh": "wide", "arcsinh": "wide",
    "arccosh": "acosh", "arctanh": "unit",
}

# ULP bounds per function for (float16, float32, float64) results. float16 is computed in
# float32 and rounded once by both (NumPy's AVX512-FP16 loops round differently in rare
# cases: 1 ULP); float32 is NumPy's umath validation bound plus one (nprs computes float32 in
# float64 and rounds once, NumPy's SIMD polynomials are up to the bound from the true
# value); float64 is within 1 ULP of NumPy's own SIMD or SVML results (the C library's
# inverse hyperbolic functions, which nprs calls for float64, are within 2 of SVML's atanh).
TOL = {
    "exp": (1, 4, 1), "exp2": (1, 3, 1), "expm1": (1, 4, 1), "log": (1, 5, 1), "log2": (1, 4, 1),
    "log10": (1, 5, 1), "log1p": (1, 3, 1), "sin": (1, 3, 1), "cos": (1, 3, 1), "tan": (1, 5, 1),
    "arcsin": (1, 5, 1), "arccos": (1, 4, 1), "arctan": (1, 4, 1), "sinh": (1, 3, 1), "cosh": (1, 4, 1),
    "tanh": (1, 3, 2), "arcsinh": (1, 3, 1), "arccosh": (1, 3, 1), "arctanh": (1, 3, 2),
}

# Per domain class: statements making `v` (float64 values) from `rng`, `n`, the dtype's
# `fi = np.finfo(...)`, `big`/`tiny` (log10 of its largest and smallest subnormal
# magnitudes) and a random `sign`.
DRAW = {
    "exp": "lim = float(np.log(fi.max)) * 1.05; "
           "v = np.where(rng.random(n) < 0.5, rng.uniform(-lim, lim, n), rng.standard_normal(n) * 2); "
           "v = np.where(rng.random(n) < 0.1, sign * 10 ** rng.uniform(tiny, 0, n), v)",
    "exp2": "lim = float(np.log2(fi.max)) * 1.05; "
            "v = np.where(rng.random(n) < 0.5, rng.uniform(-lim, lim, n), rng.standard_normal(n) * 4)",
    "log": "v = 10 ** rng.uniform(tiny, big, n); v = np.where(rng.random(n) < 0.3, rng.uniform(0.5, 2.0, n), v); "
           "v = np.where(rng.random(n) < 0.02, -v, v)",
    "log1p": "v = sign * 10 ** rng.uniform(tiny, big, n); "
             "v = np.where(rng.random(n) < 0.3, rng.uniform(-1.0, 2.0, n), v); "
             "v = np.where(rng.random(n) < 0.05, -1 + 10 ** rng.uniform(-12, 0, n), v)",
    "trig": "v = sign * 10 ** rng.uniform(tiny, big, n); v = np.where(rng.random(n) < 0.5, rng.uniform(-20, 20, n), v); "
            "v = np.where(rng.random(n) < 0.1, sign * 10 ** rng.uniform(3, min(big, 9), n), v)",
    "wide": "v = sign * 10 ** rng.uniform(tiny, big, n); v = np.where(rng.random(n) < 0.5, rng.standard_normal(n) * 4, v)",
    "unit": "v = rng.uniform(-1.02, 1.02, n); v = np.where(rng.random(n) < 0.1, sign * 10 ** rng.uniform(tiny, 0, n), v); "
            "v = np.where(rng.random(n) < 0.05, sign * (1 - 10 ** rng.uniform(-12, -1, n)), v)",
    "acosh": "v = 1 + 10 ** rng.uniform(-12, big, n); v = np.where(rng.random(n) < 0.3, rng.uniform(0.9, 3, n), v)",
}


def draw(cls, t, n, seed, var="x"):
    """Statements making `var`: `n` values of class `cls` as float dtype `t`."""
    return (f"rng = np.random.default_rng({seed}); n = {n}; fi = np.finfo(np.{t}); big = float(np.log10(fi.max)); "
            f"tiny = float(np.log10(fi.smallest_subnormal)); sign = np.where(rng.random(n) < 0.5, -1.0, 1.0); "
            f"{DRAW[cls]}; {var} = np.clip(v, -float(fi.max), float(fi.max)).astype(np.{t})")


def draw_complex(cls, t, seed):
    """Statements making `x`: 300 complex values (a tenth of them real) of dtype `t`."""
    r = "float32" if t == "complex64" else "float64"
    im_cls = "wide" if cls in ("unit", "acosh", "log") else cls
    return (f"{draw(cls, r, 300, seed, 're')}; {draw(im_cls, r, 300, seed + 1, 'im')}; "
            f"im = np.where(np.random.default_rng({seed}).random(300) < 0.1, 0, im); "
            f"x = (re.astype(np.float64) + 1j * im.astype(np.float64)).astype(np.{t})")


def draw_int(t, seed):
    """Statements making `x`: 200 integers of dtype `t` in [-1000, 1000] (clipped to it)."""
    return (f"rng = np.random.default_rng({seed}); info = np.iinfo(np.{t}); "
            f"v = rng.integers(max(info.min, -1000), min(info.max, 1000), 200, endpoint=True); "
            f"v[:8] = [0, 1, -1, 2, -2, 10, 11, 100]; x = np.clip(v, info.min, info.max).astype(np.{t})")


SPECIAL_VALUES = (
    "0.0, -0.0, np.inf, -np.inf, np.nan, float(fi.smallest_subnormal), -float(fi.smallest_subnormal), "
    "float(fi.smallest_normal), -float(fi.smallest_normal), float(fi.max), -float(fi.max), 1.0, -1.0, 0.5, -0.5, "
    "2.0, -2.0, 1e-8, -1e-8, 10.0, -10.0, 100.0, -100.0, 1e5, -1e5, 1e22, -1e22, 1e300, np.pi / 2, np.pi, -np.pi, "
    "11.0, 11.1, -17.0, -17.5, 15.9, 16.0, -24.0, -25.0, 88.72, 88.73, -103.9, -104.0, 128.0, -150.0, 709.78, "
    "709.79, -745.13, -745.2, 1024.0, -1075.0"
)


def specials(t):
    """Statements making `s`: the special values as dtype `t`, then the neighbours of +-1
    (the domain edges of arcsin, arccos, arctanh, arccosh and log1p)."""
    return (f"fi = np.finfo(np.{t}); s = np.clip(np.array([{SPECIAL_VALUES}]), -float(fi.max), float(fi.max)); "
            f"one = np.{t}(1); s = np.concatenate([s.astype(np.{t}), np.nextafter([one, one, -one, -one], "
            f"[2 * one, 0 * one, -2 * one, 0 * one]).astype(np.{t})])")


# "ok", or the message of the FloatingPointError f raises for each element of `s` alone.
RAISES = ("def raises(f, s):\n    out = []\n    for v in s:\n        try:\n"
          "            with np.errstate(all='raise'):\n                f(np.array([v]))\n"
          "            out.append('ok')\n        except FloatingPointError as e:\n"
          "            out.append(str(e))\n    return out\n")

SEEDS = {cls: 7000 + 100 * i for i, cls in enumerate(("exp", "exp2", "log", "log1p", "trig", "wide", "unit", "acosh"))}


def generate(g):
    for cls in sorted(DRAW):
        seed = SEEDS[cls]
        for k, t in enumerate(FLOATS):
            g.case(f"x/{cls}/{t}", "x", setup=draw(cls, t, N, seed + k))
        for k, t in enumerate(COMPLEX):
            g.case(f"x/{cls}/{t}", "x", setup=draw_complex(cls, t, seed + 10 + k))
    for k, t in enumerate(INTS):
        g.case(f"x/int/{t}", "x", setup=draw_int(t, 7900 + k))
    for t in FLOATS:
        g.case(f"specials/{t}", "s", setup=specials(t))
    for name, cls in FUNCS.items():
        seed = SEEDS[cls]
        tol = dict(zip(FLOATS, TOL[name]))
        for k, t in enumerate(FLOATS):
            # (contiguous, a transposed 2-d view, every third element, the special values,
            # what each special value raises alone)
            s = f"{draw(cls, t, N, seed + k)}; {specials(t)}\n{RAISES}f = np.{name}"
            g.case(f"{name}/{t}", "(f(x), np.ascontiguousarray(f(x.reshape(15, 139).T)), f(x[::3]), f(s), raises(f, s))", setup=s,
                   ulp=tol[t])
        for k, t in enumerate(COMPLEX):
            g.case(f"{name}/{t}", "f(x)", setup=f"{draw_complex(cls, t, seed + 10 + k)}; f = np.{name}")
        for k, t in enumerate(INTS):
            # int8 computes in float16, uint16 in float32, the wider ones in float64.
            it = {"int8": "float16", "uint16": "float32"}.get(t, "float64")
            g.case(f"{name}/{t}", "f(x)", setup=f"{draw_int(t, 7900 + k)}; f = np.{name}", ulp=tol[it])
