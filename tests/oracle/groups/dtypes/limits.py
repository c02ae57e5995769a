"""iinfo / finfo for every numeric type, with their printed forms; float16 overflow."""

import numpy as np

INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOATS = ["float16", "float32", "float64", "complex64", "complex128"]


def generate(g):
    for t in INTS:
        g.case(f"iinfo_{t}",
               f"(lambda i: (i.bits, int(i.min), int(i.max), i.kind, str(i.dtype), str(i), repr(i)))(np.iinfo(np.{t}))")
    for spec in ["f8", "?", "U5", "M8"]:
        g.case(f"iinfo_error_{spec}", f"np.iinfo(np.dtype({spec!r}))")
    for t in FLOATS:
        g.case(f"finfo_{t}",
               "(lambda f: (f.bits, float(f.eps), float(f.epsneg), float(f.max), float(f.min), float(f.tiny),"
               " float(f.smallest_normal), float(f.smallest_subnormal), float(f.resolution), f.precision,"
               " f.machep, f.negep, f.maxexp, f.minexp, f.nmant, f.nexp, f.iexp, str(f.dtype)))"
               f"(np.finfo(np.{t}))")
        g.case(f"finfo_str_{t}", f"str(np.finfo(np.{t}))")
        g.case(f"finfo_repr_{t}", f"repr(np.finfo(np.{t}))")
    for spec in ["i8", "?", "U3"]:
        g.case(f"finfo_error_{spec}", f"np.finfo(np.dtype({spec!r}))")
    # Seed: "print(np.float16(65504))  # 65504 (max)", "print(np.float16(65600))  # inf (overflow)".
    g.case("f16_65504", "np.float16(65504)")
    g.case("f16_65600", "np.float16(65600)")
    g.case("f16_65504_str", "str(np.float16(65504))")
    g.case("f16_65600_str", "str(np.float16(65600))")
