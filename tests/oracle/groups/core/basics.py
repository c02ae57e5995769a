"""Array attributes, broadcasting arithmetic and casts (nprs-core foundation)."""

import numpy as np


def generate(g):
    g.case("arange12_reshape_plus_row", "np.arange(12.0).reshape(3, 4) + np.array([10.0, 20.0, 30.0, 40.0])")
    g.case("broadcast_error", "np.zeros((3, 4)) + np.zeros(3)")
    g.case("broadcast_shapes", "np.broadcast_shapes((6, 7), (5, 6, 1), (7,), (5, 1, 7))")
    g.case("broadcast_shapes_error", "np.broadcast_shapes((2, 3), (3, 2))")
    g.case("strides_f64_3x4", "np.zeros((3, 4)).strides")
    g.case("strides_transposed", "np.zeros((3, 4), dtype=np.int32).T.strides")
