"""Broadcasting arithmetic operators per element type, with edge values."""

import numpy as np

VALUES = {
    "int8": ("[0, 1, -1, 127, -128, 7, -7, 100]", "[1, -1, 2, 1, -1, 0, 3, -3]"),
    "int16": ("[0, 1, -1, 32767, -32768, 7, -7, 300]", "[1, -1, 2, 1, -1, 0, 3, -3]"),
    "int32": ("[0, 1, -1, 2147483647, -2147483648, 7, -7, 300]", "[1, -1, 2, 1, -1, 0, 3, -3]"),
    "int64": ("[0, 1, -1, 9223372036854775807, -9223372036854775808, 7, -7, 300]", "[1, -1, 2, 1, -1, 0, 3, -3]"),
    "uint8": ("[0, 1, 255, 250, 7, 128, 3, 100]", "[1, 255, 2, 10, 0, 2, 3, 7]"),
    "uint16": ("[0, 1, 65535, 65530, 7, 128, 3, 100]", "[1, 65535, 2, 10, 0, 2, 3, 7]"),
    "uint32": ("[0, 1, 4294967295, 7, 128, 3, 100, 5]", "[1, 4294967295, 2, 0, 2, 3, 7, 10]"),
    "uint64": ("[0, 1, 18446744073709551615, 7, 128, 3, 100, 5]", "[1, 18446744073709551615, 2, 0, 2, 3, 7, 10]"),
    "float16": ("[0.0, -0.0, 1.5, -2.5, 65504.0, 0.1, 7.0, -7.0, np.inf, np.nan]", "[0.0, 2.0, -0.0, 3.0, 2.0, 0.3, -3.0, 3.0, 2.0, 1.0]"),
    "float32": ("[0.0, -0.0, 1.5, -2.5, 3e38, 0.1, 7.0, -7.0, np.inf, np.nan, 1e-45]", "[0.0, 2.0, -0.0, 3.0, 10.0, 0.3, -3.0, 3.0, np.inf, 1.0, 3.0]"),
    "float64": ("[0.0, -0.0, 1.5, -2.5, 1e308, 0.1, 7.0, -7.0, np.inf, np.nan, 5e-324, 5.5]", "[0.0, 2.0, -0.0, 3.0, 10.0, 0.3, -3.0, 3.0, np.inf, 1.0, 3.0, -2.0]"),
    "complex64": ("[0, 1+2j, -2.5+0.5j, 3e38+1j, 1e-30j, 4+0j]", "[1, 3-4j, 0, 1e-30+1e30j, 2j, 0.5+0.25j]"),
    "complex128": ("[0, 1+2j, -2.5+0.5j, 1e308+1j, 1e-300j, 4+0j, 1+1j]", "[1, 3-4j, 0, 1e-300+1e300j, 2j, 0.5+0.25j, 0j]"),
}

OPS = {"add": "+", "sub": "-", "mul": "*", "div": "/", "rem": "%", "floordiv": "//"}


def generate(g):
    for t, (a, b) in VALUES.items():
        setup = f"a = np.array({a}, dtype=np.{t}); b = np.array({b}, dtype=np.{t})"
        g.case(f"{t}_a", "a", setup=setup)
        g.case(f"{t}_b", "b", setup=setup)
        for name, op in OPS.items():
            if t.startswith("complex") and name in ("rem", "floordiv"):
                continue
            g.case(f"{t}_{name}", f"a {op} b", setup=setup)
            g.case(f"{t}_{name}_scalar", f"a {op} b[1]", setup=setup)
            g.case(f"{t}_r{name}_scalar", f"b[2] {op} a", setup=setup)
        g.case(f"{t}_neg", "-a", setup=setup)
    g.case("bool_add", "np.array([True, True, False, False]) + np.array([True, False, True, False])")
    g.case("bool_mul", "np.array([True, True, False, False]) * np.array([True, False, True, False])")
    g.case("bool_div", "np.array([True, True, False, False]) / np.array([True, False, True, False])")
    g.case("bool_sub", "np.array([True]) - np.array([True])")
    # Broadcasting shapes, in-place broadcasting, layouts.
    g.case("bcast_col_row", "np.arange(3.0).reshape(3, 1) * np.arange(4.0)")
    g.case("bcast_3d", "np.arange(24).reshape(2, 3, 4) - np.arange(3).reshape(3, 1)")
    g.case("bcast_T", "(lambda a: a + a.T)(np.arange(16.0).reshape(4, 4))")
    g.case("bcast_neg_strides", "(lambda a: a[::-1] * a[:, ::-2].sum(axis=1, keepdims=True))(np.arange(12.0).reshape(3, 4))")
    g.case("iadd_bcast", "a += np.arange(4)", setup="a = np.ones((3, 4), dtype=np.int64)", result="a")
    g.case("iadd_bad", "a += np.ones((3, 4), dtype=np.int64)", setup="a = np.ones(4, dtype=np.int64)", result="a")
    g.case("iadd_self_T", "a += a.T", setup="a = np.arange(9.0).reshape(3, 3)", result="a")
    g.case("idiv_f", "a /= np.array([2.0, 4.0, 8.0])", setup="a = np.ones((2, 3))", result="a")
    g.case("imod_i", "a %= 3", setup="a = np.arange(-4, 4)", result="a")
    # Random complex operands: NumPy's vectorised complex multiply uses fused multiply-adds.
    for t in ("complex64", "complex128"):
        setup = (f"rng = np.random.default_rng(7); a = (rng.standard_normal(300) + 1j * rng.standard_normal(300)).astype(np.{t}); "
                 f"b = (rng.standard_normal(300) + 1j * rng.standard_normal(300)).astype(np.{t})")
        g.case(f"{t}_rand_a", "a", setup=setup)
        g.case(f"{t}_rand_b", "b", setup=setup)
        g.case(f"{t}_rand_mul", "a * b", setup=setup)
        g.case(f"{t}_rand_div", "a / b", setup=setup)
