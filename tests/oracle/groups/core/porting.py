"""What a port of NumPy code writes first: ranges from plain literals (float64 unless a dtype
is asked for), scalars printed as NumPy prints them, function forms with scalars on either
side, comparisons, and operations mixing element types."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]


def ranges(g):
    g.case("linspace_int_literals", "np.linspace(0, 1, 5)")
    g.case("linspace_int_literals_retstep", "np.linspace(0, 1, 5, retstep=True)")
    g.case("linspace_complex_literals", "np.linspace(0j, 1 + 1j, 3)")
    g.case("logspace_int_literals", "np.logspace(0, 3, 4)")
    g.case("geomspace_int_literals", "np.geomspace(1, 1000, 4)")
    g.case("arange_int_literals", "np.arange(0, 10, 3)")
    g.case("arange_float_literals", "np.arange(0.5, 3.0, 0.5)")


def scalars(g):
    """str() and repr() of random scalars of every dtype: random bit patterns for the
    floats (subnormals, NaN, huge and tiny exponents), values of every magnitude, specials."""
    rng = np.random.default_rng(1010)
    for dt in DTYPES:
        n = 48
        if dt == "bool":
            setup = "a = np.array([True, False])"
        elif dt.startswith(("int", "uint")):
            info = np.iinfo(dt)
            v = rng.integers(info.min, info.max, n, endpoint=True, dtype=dt).tolist()
            v += [int(info.min), int(info.max), 0, 1, -1 if info.min < 0 else 2]
            setup = f"a = np.array({v!r}, dtype=np.{dt})"
        else:
            m = 2 if dt.startswith("complex") else 1
            width = {"float16": 16, "float32": 32, "float64": 64, "complex64": 32, "complex128": 64}[dt]
            ut = {16: "uint16", 32: "uint32", 64: "uint64"}[width]
            bits = rng.integers(0, 2**width - 1, n * m, dtype=np.uint64, endpoint=True).tolist()
            scaled = (rng.standard_normal(n * m) * 10.0 ** rng.integers(-20, 20, n * m)).tolist()
            specials = [0.0, -0.0, 1.0, -1.0, 0.1, 1e16, 1e-4, 9.999e-5, 1e15, 123456789.0,
                        float("inf"), float("-inf"), float("nan"), 3.4028235e38, 65504.0, 5e-324]
            specials = [repr(x) if np.isfinite(x) else f"float('{x}')" for x in specials]
            plain = f"np.array([{', '.join(specials)}] + {scaled!r})"
            if m == 2:
                setup = (f"b = np.array({bits!r}, dtype=np.{ut}).view(np.{dt}); "
                         f"c = {plain}; c = c[: len(c) // 2 * 2].view(np.complex128).astype(np.{dt}); "
                         f"a = np.concatenate([b, c])")
            else:
                setup = (f"with np.errstate(over='ignore'):\n"
                         f"    a = np.concatenate([np.array({bits!r}, dtype=np.{ut}).view(np.{dt}), {plain}.astype(np.{dt})])")
        g.case(f"scalar_{dt}", "out = (a, [str(x) for x in a], [repr(x) for x in a])", setup=setup, result="out")


def functions(g):
    g.case("floor_divide_scalar", "np.floor_divide(np.arange(10), 3)")
    g.case("floor_divide_scalar_left", "np.floor_divide(7, np.array([2, 3, -4]))")
    g.case("remainder_scalar", "np.remainder(np.array([-3.5, 2.0, 7.25]), 2.5)")
    g.case("subtract_scalar_left", "np.subtract(10, np.arange(4))")
    g.case("divide_int_scalar", "np.divide(np.arange(4), 2)")
    g.case("multiply_f32_scalar", "np.multiply(np.array([0.1, 0.2], dtype=np.float32), 3.0)")
    # Weak scalars of another kind (NEP 50).
    g.case("int64_minus_half", "np.arange(4) - 0.5")
    g.case("int8_plus_int", "np.array([1, 127, -128], dtype=np.int8) + 1")
    g.case("int8_times_float", "np.array([1, 127, -128], dtype=np.int8) * 1.5")
    g.case("float32_plus_float", "np.array([0.1, 1e38], dtype=np.float32) + 0.2")
    g.case("float16_plus_complex", "np.array([0.5, 2.0], dtype=np.float16) + 1j")
    g.case("int32_plus_complex", "np.array([1, 2], dtype=np.int32) + (0.5 + 1j)")
    g.case("bool_plus_int", "np.array([True, False]) + 1")
    g.case("bool_times_float", "np.array([True, False]) * 2.5")
    g.case("float32_plus_huge_float", "np.array([1.0], dtype=np.float32) + 2.0**62")
    g.case("int16_div_int", "np.array([7, -7], dtype=np.int16) / 2")
    # Arrays of two element types.
    for a, b in [("int32", "float32"), ("int8", "uint8"), ("uint64", "int64"), ("float16", "int8"),
                 ("int16", "float16"), ("bool", "int8"), ("complex64", "float64"), ("uint32", "int8"),
                 ("float32", "complex64"), ("bool", "float32")]:
        setup = (f"x = np.array([1, 0, 3, 5], dtype=np.{a}); "
                 f"y = np.array([2, 1, 7, 0], dtype=np.{b})")
        for op, sym in [("add", "+"), ("sub", "-"), ("mul", "*"), ("div", "/")]:
            g.case(f"mixed_{a}_{b}_{op}", f"x {sym} y", setup=setup)
    g.case("promote_table", "[[np.promote_types(a, b).name for b in T] for a in T]",
           setup=f"T = {DTYPES!r}")


def comparisons(g):
    f = "x = np.array([1.0, np.nan, -0.0, np.inf, 2.0]); y = np.array([1.0, 1.0, 0.0, np.inf, np.nan])"
    for op in ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]:
        g.case(f"{op}_nan", f"np.{op}(x, y)", setup=f)
        g.case(f"{op}_broadcast", f"np.{op}(np.arange(6).reshape(2, 3), np.array([[1], [4]]))")
        g.case(f"{op}_scalar", f"np.{op}(np.arange(5), 2)")
        g.case(f"{op}_complex", f"np.{op}(x, y)",
               setup="x = np.array([1+1j, 1+2j, complex(np.nan, 0), complex(1, np.nan), 2+0j, 1+1j]); "
                     "y = np.array([1+2j, 1+1j, 1+0j, 2+0j, complex(1, np.nan), 1+1j])")
        g.case(f"{op}_mixed_sign", f"np.{op}(x, y)",
               setup="x = np.array([-1, 0, 2**63 - 1, 2**53 + 1, -2**63], dtype=np.int64); "
                     "y = np.array([2**64 - 1, 0, 2**63, 2**53, 0], dtype=np.uint64)")
        g.case(f"{op}_int8_300", f"np.{op}(np.array([1, -2, 127], dtype=np.int8), 300)")
        g.case(f"{op}_uint8_neg", f"np.{op}(np.array([0, 255], dtype=np.uint8), -1)")
        g.case(f"{op}_f32_weak", f"np.{op}(np.array([0.1, 0.2], dtype=np.float32), 0.1)")
        g.case(f"{op}_int_float", f"np.{op}(np.array([2**53 + 1, 3], dtype=np.int64), np.array([2.0**53, 3.5]))")
        g.case(f"{op}_f32_int_array", f"np.{op}(np.array([16777217.0, 1.5], dtype=np.float32), np.array([16777217, 1], dtype=np.int32))")


def generate(g):
    ranges(g)
    scalars(g)
    functions(g)
    comparisons(g)
