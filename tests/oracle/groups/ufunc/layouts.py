"""Values of every registered ufunc per dtype and layout, on random operands per dtype
(NaN, infinities and zero among the floats, zero divisors among the integers).

Case names are `<ufunc>/<dtype>/<layout>`; the operands are the input cases `<dtype>_x`
and `<dtype>_y` (24 elements each). Layouts, for a unary `f` / binary `f`:
- `contig`: f(x) / f(x, y)
- `strided`: f(x[::2]) / f(x[::2], y[1::2])
- `bcast`: f(x.reshape(4, 6).T) / f(x[:6].reshape(6, 1), y[:4])
- `0d`: on 0-d arrays x[1], y[1] (NumPy returns a scalar)
- `empty`: on x[:0], y[:0]
- `alias`: o = x.copy(), then f(o, out=o) / f(o, y, out=o): the output is the first input
- `where`: o = np.full(24, 7).astype(R) with R the contig result's dtype, then
  f(x, out=o, where=m) / f(x, y, out=o, where=m) with m = np.arange(24) % 3 != 1
Every layout runs for every dtype in `ALL_LAYOUTS`; the others run `contig` only.
"""

from _registered import BINARY, DTYPES, UNARY

N = 24
ALL_LAYOUTS = ("bool", "int8", "uint16", "int64", "float16", "float32", "float64", "complex128")
# ULP bounds per ufunc as (float dtypes, complex dtypes); unlisted ufuncs and integer
# dtypes are compared bit for bit. (NumPy's float32 power, arctan2 and hypot are vector
# kernels up to a few ulp from the true value; nprs's are within one.) Complex square roots, signs, squares and reciprocals
# are computed by formulas of nprs's own; NumPy's complex absolute value differs by one
# ULP between its array loop (which nprs follows) and its scalar path (0-d inputs).
TOL = {"sqrt": (None, 2), "sign": (None, 2), "reciprocal": (None, 2), "square": (None, 2), "absolute": (None, 1),
       "cbrt": (2, None), "power": (4, None), "arctan2": (4, None), "hypot": (4, None)}
# The transcendental ufuncs: the float32 bound of `transcendental.TOL` (float16 and float64
# are within it too); their complex loops give NumPy's bits.
TOL.update({name: (bound, None) for name, bound in (
    ("exp", 4), ("exp2", 3), ("expm1", 4), ("log", 5), ("log2", 4), ("log10", 5), ("log1p", 3), ("sin", 3),
    ("cos", 3), ("tan", 5), ("arcsin", 5), ("arccos", 4), ("arctan", 4), ("sinh", 3), ("cosh", 4), ("tanh", 3),
    ("arcsinh", 3), ("arccosh", 3), ("arctanh", 3))})


def operands(t, seed):
    """Setup code making `x` and `y` of dtype `t`."""
    rng = f"rng = np.random.default_rng({seed})"
    if t == "bool":
        return f"{rng}; x = rng.random({N}) < 0.5; y = rng.random({N}) < 0.5"
    if t.startswith(("int", "uint")):
        lo = 0 if t.startswith("u") else -100
        return (f"{rng}; x = rng.integers({lo}, 100, {N}).astype(np.{t}); "
                f"y = rng.integers({lo}, 100, {N}).astype(np.{t}); y[5] = 0; x[6] = 0")
    real = f"(rng.standard_normal({N}) * 10)"
    if t.startswith("float"):
        return (f"{rng}; x = {real}; y = {real}; x[3] = np.nan; x[10] = np.inf; x[17] = -np.inf; "
                f"y[8] = np.nan; y[12] = -np.inf; x[20] = 0.0; y[5] = 0.0; x = x.astype(np.{t}); y = y.astype(np.{t})")
    return (f"{rng}; x = {real} + 1j * {real}; y = {real} + 1j * {real}; x[3] = complex(np.nan, 1); "
            f"x[10] = complex(np.inf, 2); y[8] = complex(1, np.nan); x[20] = 0; y[5] = 0; "
            f"x = x.astype(np.{t}); y = y.astype(np.{t})")


UNARY_LAYOUTS = {
    "contig": "f(x)",
    "strided": "f(x[::2])",
    "bcast": "f(x.reshape(4, 6).T)",
    "0d": "f(x[1:2].reshape(()))",
    "empty": "f(x[:0])",
}
BINARY_LAYOUTS = {
    "contig": "f(x, y)",
    "strided": "f(x[::2], y[1::2])",
    "bcast": "f(x[:6].reshape(6, 1), y[:4])",
    "0d": "f(x[1:2].reshape(()), y[1:2].reshape(()))",
    "empty": "f(x[:0], y[:0])",
}


def generate(g):
    for seed, t in enumerate(DTYPES):
        setup = operands(t, 2000 + seed)
        g.case(f"{t}_x", "x", setup=setup)
        g.case(f"{t}_y", "y", setup=setup)
        for name in UNARY + BINARY:
            unary = name in UNARY
            s = setup + f"; f = np.{name}"
            bounds = TOL.get(name, (None, None))
            # (A float bound also covers integer inputs, whose loops are float ones.)
            tol = bounds[1] if t.startswith("complex") else bounds[0]
            layouts = UNARY_LAYOUTS if unary else BINARY_LAYOUTS
            args = "x" if unary else "x, y"
            for layout, expr in layouts.items():
                if layout != "contig" and t not in ALL_LAYOUTS:
                    continue
                g.case(f"{name}/{t}/{layout}", expr, setup=s, ulp=tol)
            if t not in ALL_LAYOUTS:
                continue
            first = "o" if unary else "o, y"
            g.case(f"{name}/{t}/alias", f"o = x.copy(); f({first}, out=o)", setup=s, result="o", ulp=tol)
            g.case(f"{name}/{t}/where",
                   f"m = np.arange({N}) % 3 != 1; o = np.full({N}, 7).astype(f({args}).dtype); "
                   f"f({args}, out=o, where=m)", setup=s, result="o", ulp=tol)
