"""Random arrays of every dtype, shape and print option: random bit patterns (subnormals,
NaN payloads, huge and tiny exponents), decimal fractions, special values and normal
samples, under random floatmode, precision, suppress, sign, linewidth, threshold,
edgeitems, nanstr and infstr."""

import numpy as np

def show(g, name, a_expr, **opts):
    """Records (array, repr, str, print options) for `a_expr` under `opts`."""
    code = (f"with np.printoptions(**{opts!r}):\n"
            f"    a = {a_expr}\n"
            "    out = (a, repr(a), str(a), np.get_printoptions())")
    g.case(name, code, result="out")

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
       "float16", "float32", "float64", "complex64", "complex128"]

def generate(g):
    rng = np.random.default_rng(2024)
    modes = ["fixed", "unique", "maxprec", "maxprec_equal"]
    specials = [np.nan, np.inf, -np.inf, -0.0, 0.0, 1.0, 1e-4, 1e8, 1e3, 1e6, 0.5, 1e16, 1e-300]
    for i in range(120):
        dt = DTYPES[int(rng.integers(0, len(DTYPES)))]
        nd = int(rng.integers(0, 5))
        shape = tuple(int(x) for x in rng.integers(0, 6 if nd < 3 else 4, nd))
        n = int(np.prod(shape)) if nd else 1
        kind = int(rng.integers(0, 4))
        if dt == "bool":
            expr = f"np.array({rng.integers(0, 2, n).astype(bool).tolist()})"
        elif dt.startswith(("int", "uint")):
            info = np.iinfo(dt)
            if kind == 0:
                v = rng.integers(info.min, info.max, n, endpoint=True, dtype=dt).tolist()
            else:
                v = rng.integers(max(info.min, -1000), min(info.max, 1000), n, endpoint=True).tolist()
            expr = f"np.array({v!r}, dtype=np.{dt})"
        else:
            m = 2 if dt.startswith("complex") else 1
            if kind == 0:
                width = {"float16": 16, "float32": 32, "float64": 64, "complex64": 32, "complex128": 64}[dt]
                ut = {16: "uint16", 32: "uint32", 64: "uint64"}[width]
                bits = rng.integers(0, 2**width - 1, n * m, dtype=np.uint64, endpoint=True).tolist()
                expr = f"np.array({bits!r}, dtype=np.{ut}).view(np.{dt})"
            elif kind == 1:
                vals = (rng.integers(-10**6, 10**6, n * m) / 10.0 ** rng.integers(0, 9, n * m)).tolist()
                expr = f"np.array({vals!r}).view(np.complex128).astype(np.{dt})" if m == 2 else f"np.array({vals!r}, dtype=np.{dt})"
            elif kind == 2:
                vals = [specials[int(j)] for j in rng.integers(0, len(specials), n * m)]
                vals = [repr(x) if np.isfinite(x) else f"float('{x}')" for x in vals]
                expr = f"np.array([{', '.join(vals)}])"
                expr = f"{expr}.view(np.complex128).astype(np.{dt})" if m == 2 else f"{expr}.astype(np.{dt})"
            else:
                vals = (rng.standard_normal(n * m) * 10.0 ** rng.integers(-6, 9)).tolist()
                expr = f"np.array({vals!r}).view(np.complex128).astype(np.{dt})" if m == 2 else f"np.array({vals!r}, dtype=np.{dt})"
        expr = f"({expr}).reshape({shape!r})"
        opts = {}
        if rng.integers(0, 2):
            opts["floatmode"] = modes[int(rng.integers(0, 4))]
        if rng.integers(0, 3) == 0:
            opts["precision"] = int(rng.integers(0, 12))
        if rng.integers(0, 4) == 0:
            opts["suppress"] = True
        if rng.integers(0, 4) == 0:
            opts["sign"] = [" ", "+", "-"][int(rng.integers(0, 3))]
        if rng.integers(0, 3) == 0:
            opts["linewidth"] = int(rng.integers(0, 60))
        if rng.integers(0, 3) == 0:
            opts["threshold"] = int(rng.integers(0, 30))
        if rng.integers(0, 3) == 0:
            opts["edgeitems"] = int(rng.integers(0, 4))
        if rng.integers(0, 6) == 0:
            opts["nanstr"] = ["NaN", "x", "missing!"][int(rng.integers(0, 3))]
            opts["infstr"] = ["Inf", "i", "infinity"][int(rng.integers(0, 3))]
        show(g, f"r{i}", expr, **opts)
