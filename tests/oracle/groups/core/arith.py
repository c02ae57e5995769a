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

    # Two arrays of different element types: NumPy's promote_types.
    mixed = {
        "i32_f64_add": ("np.array([1, -2, 3], dtype=np.int32)", "+", "np.array([0.5, 1.5, -2.25])"),
        "u8_i8_mul": ("np.array([200, 3, 255], dtype=np.uint8)", "*", "np.array([-1, 100, 2], dtype=np.int8)"),
        "i64_u64_div": ("np.array([7, -9, 0], dtype=np.int64)", "/", "np.array([2, 4, 5], dtype=np.uint64)"),
        "f32_i16_sub": ("np.array([1.5, 2.5], dtype=np.float32)", "-", "np.array([[1], [30000]], dtype=np.int16)"),
        "u32_i32_rem": ("np.array([7, 4000000000, 5], dtype=np.uint32)", "%", "np.array([-3, 7, -2], dtype=np.int32)"),
        "bool_f16_add": ("np.array([True, False])", "+", "np.array([0.5, 1.5], dtype=np.float16)"),
        "i8_c64_mul": ("np.array([2, -3], dtype=np.int8)", "*", "np.array([1+1j, 0.5-2j], dtype=np.complex64)"),
    }
    for name, (a, op, b) in mixed.items():
        g.case(f"mixed_{name}", f"a {op} b", setup=f"a = {a}; b = {b}")

    # Floating-point conditions under errstate(all='raise'): NumPy's FloatingPointError.
    def raising(name, expr, setup):
        g.case(f"fperr_{name}", "f()",
               setup=f"{setup}\ndef f():\n    with np.errstate(all='raise'):\n        return {expr}")
    raising("div_zero", "a / b", "a = np.array([1.0, 2.0]); b = np.array([1.0, 0.0])")
    raising("div_invalid", "a / b", "a = np.array([0.0, 2.0]); b = np.array([0.0, 1.0])")
    raising("mul_over", "a * a", "a = np.array([1e300, 2.0])")
    raising("mixed_div_zero", "a / b", "a = np.array([1, 2], dtype=np.int32); b = np.array([0.5, 0.0])")
    raising("int_rem_zero", "a % b", "a = np.array([5, 7], dtype=np.int64); b = np.array([2, 0], dtype=np.int64)")
    raising("int_floordiv_zero", "np.floor_divide(a, 0)", "a = np.array([5, 7], dtype=np.int16)")
    raising("idiv_zero", "np.divide(a, 0.0, out=a)", "a = np.array([1.0, 2.0])")
    raising("add_ok", "a + b", "a = np.array([1.0, 2.0]); b = np.array([1.0, 0.0])")
