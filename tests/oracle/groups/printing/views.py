"""Printing views: transposed, strided, reversed, permuted and broadcast arrays."""

import numpy as np


def generate(g):
    a = "np.arange(12).reshape(3, 4)"
    g.case("transpose", f"repr({a}.T)")
    g.case("step_slice", f"str({a}[:, ::2])")
    g.case("reversed", f"repr({a}[::-1, 1:3])")
    g.case("big_transpose", "repr(np.arange(3000.0).reshape(50, 60).T)")
    g.case("big_transpose_str", "str(np.arange(3000.0).reshape(50, 60).T)")
    g.case("permuted", "repr(np.permute_dims(np.arange(24, dtype=np.float32).reshape(2, 3, 4), (2, 0, 1)))")
    g.case("broadcast", "repr(np.broadcast_to(np.arange(3).reshape(3, 1), (3, 4)))")
