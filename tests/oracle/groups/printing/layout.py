"""repr/str layout: nesting, wrapping, summarisation, empty and 0-d arrays, dtype suffixes."""

import numpy as np  # noqa: F401

from _show import show, show_seq


def generate(g):
    # nesting
    show(g, "ints_2d", "np.arange(12).reshape(3, 4)")
    show(g, "ints_3d", "np.arange(24).reshape(2, 3, 4)")
    show(g, "ints_4d", "np.arange(16).reshape(2, 2, 2, 2)")
    show(g, "ints_5d", "np.arange(32, dtype=np.int16).reshape(2, 2, 2, 2, 2)")
    show(g, "floats_3d", "np.arange(12.0).reshape(2, 3, 2) / 4")
    show(g, "ones_111", "np.ones((1, 1, 1))")
    show(g, "column", "np.arange(3).reshape(3, 1)")
    show(g, "row", "np.arange(3.0).reshape(1, 3)")
    show(g, "bool_3d", "np.arange(8).reshape(2, 2, 2) % 3 == 0")
    show(g, "complex_3d", "(np.arange(8) + 1j * np.arange(8)[::-1]).reshape(2, 2, 2)")

    # wrapping long rows
    show(g, "wrap_ints_50", "np.arange(50)")
    show(g, "wrap_ints_int8", "np.arange(40, dtype=np.int8)")
    show(g, "wrap_floats", "np.arange(30) / 7")
    show(g, "wrap_linspace", "np.linspace(0, 1, 30)")
    show(g, "wrap_2d", "np.arange(60).reshape(2, 30) * 1000")
    show(g, "wrap_2d_floats", "np.arange(40.0).reshape(2, 20) / 3")
    show(g, "wrap_complex", "np.arange(12) * (1 + 1j) / 3")
    show(g, "wrap_bool", "np.arange(30) % 2 == 0")
    show(g, "wrap_3d", "np.arange(60).reshape(2, 2, 15) * 12345")
    show(g, "wrap_uint64", "np.arange(8, dtype=np.uint64) * np.uint64(2**61)")

    # summarisation
    show_seq(g, "summary_arange_2000", 2000)
    show_seq(g, "summary_threshold_edge_1000", 1000)
    show_seq(g, "summary_threshold_1001", 1001)
    show_seq(g, "summary_int32", 2000, "int32")
    show_seq(g, "summary_floats", 2000, "float64", op="div", k=3)
    show_seq(g, "summary_3d_10", 1000, shape=(10, 10, 10))
    show_seq(g, "summary_3d_11", 1331, shape=(11, 11, 11))
    show_seq(g, "summary_3d_float", 1331, "float64", (11, 11, 11), "div", 7)
    show_seq(g, "summary_2d_rows", 1200, shape=(400, 3))
    show_seq(g, "summary_2d_cols", 1200, shape=(3, 400))
    show_seq(g, "summary_bool", 1500, "bool", op="mod0", k=3)
    show_seq(g, "summary_complex", 1100, "complex128", op="mulj", k=1)
    show_seq(g, "summary_f16", 1100, "float16")
    show_seq(g, "summary_f32_div", 1500, "float32", (3, 500), "div", 7)
    show_seq(g, "summary_4d", 2400, "int16", (4, 5, 6, 20))
    show_seq(g, "summary_exp", 1100, "float64", op="mul", k=1e-5)

    # empty arrays
    show(g, "empty_f64", "np.array([])")
    show(g, "empty_int64", "np.array([], dtype=np.int64)")
    show(g, "empty_int8", "np.array([], dtype=np.int8)")
    show(g, "empty_2d", "np.zeros((0, 3), dtype=np.int64)")
    show(g, "empty_2d_cols", "np.zeros((3, 0))")
    show(g, "empty_bool", "np.zeros(0, dtype=bool)")
    show(g, "empty_3d_complex", "np.zeros((2, 0, 2), dtype=np.complex64)")

    # 0-d
    show(g, "zero_d_int", "np.array(5)")
    show(g, "zero_d_int8", "np.array(5, dtype=np.int8)")
    show(g, "zero_d_uint64", "np.array(7, dtype=np.uint64)")
    show(g, "zero_d_f32", "np.array(1.5, dtype=np.float32)")
    show(g, "zero_d_c64", "np.array(1 + 2j, dtype=np.complex64)")

    # dtype suffix placement
    show(g, "suffix_f32", "np.array([1.0, 2.0], dtype=np.float32)")
    show(g, "suffix_wraps", "np.arange(21, dtype=np.int16) * 100")
    show(g, "suffix_fits", "np.arange(17, dtype=np.int16) * 100")
    show(g, "suffix_newline_2d", "np.arange(40, dtype=np.uint8).reshape(2, 20)")
    show_seq(g, "suffix_shape_and_dtype", 3000, "float32", (30, 100))
