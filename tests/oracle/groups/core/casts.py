"""astype between every pair of element types, with edge values (unsafe casting)."""

import numpy as np

TYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]

SOURCES = {
    "bool": "[True, False, True]",
    "int8": "[0, 1, -1, 127, -128, 100, -100]",
    "int16": "[0, 1, -1, 32767, -32768, 300, -300, 255, 256]",
    "int32": "[0, 1, -1, 2147483647, -2147483648, 70000, -70000, 65536, 16777217]",
    "int64": "[0, 1, -1, 9223372036854775807, -9223372036854775808, 4294967296, -4294967297, 9007199254740993]",
    "uint8": "[0, 1, 255, 128, 127]",
    "uint16": "[0, 1, 65535, 32768, 256]",
    "uint32": "[0, 1, 4294967295, 2147483648, 65536, 16777217]",
    "uint64": "[0, 1, 18446744073709551615, 9223372036854775808, 4294967296, 9007199254740993]",
    "float16": "[0.0, -0.0, 1.5, -1.5, 2.5, 65504.0, -65504.0, np.inf, -np.inf, np.nan, 0.1, 6e-08]",
    "float32": "[0.0, -0.0, 1.5, -2.5, 127.9, 128.5, -129.5, 255.5, 256.7, 65535.9, 70000.5, 3e9, -3e9, 1e20, 3.4e38, np.inf, -np.inf, np.nan, 1e-30]",
    "float64": "[0.0, -0.0, 1.5, -2.5, 127.9, 128.5, -129.5, 255.5, 256.7, 65535.9, 70000.5, 3e9, -3e9, 9.3e18, 1.9e19, -9.3e18, 1e20, 1e300, np.inf, -np.inf, np.nan, 1e-310, 0.1, 65519.99, 65520.0]",
    "complex64": "[0, 1.5 + 2j, -2.5 - 0.5j, 300.7j, np.nan + 0j, complex(np.inf, 1), 1e20 + 1j]",
    "complex128": "[0, 1.5 + 2j, -2.5 - 0.5j, 300.7j, np.nan + 0j, complex(np.inf, 1), 1e20 + 1j, 0.1 + 0.2j]",
}


def generate(g):
    for src in TYPES:
        for dst in TYPES:
            # Each value four times: NumPy's float -> uint32 results for NaN and out-of-range
            # values differ between its vectorised body (groups of four) and the tail, so
            # every element is kept in the body (see docs/deviations.md).
            g.case(f"{src}_to_{dst}", f"np.repeat(np.array({SOURCES[src]}, dtype=np.{src}), 4).astype(np.{dst})")
    # The seed examples.
    g.case("seed_uint8_wrap", "np.array([250], dtype=np.uint8) + np.uint8(10)")
    g.case("seed_float16_max", "np.array([65504.0, 65600.0], dtype=np.float16)")
    g.case("seed_float_to_int", "np.array([1.7, -2.5, 300.9]).astype(np.int8)")
