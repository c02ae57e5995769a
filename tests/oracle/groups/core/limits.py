"""Sizes at the edges: shapes whose lengths multiply past intp, record dtypes past a C int,
and dtype specifications nested deeper than NumPy follows."""

import numpy as np

BIG = "e = np.zeros(0)"


def nested(kind, depth):
    """Setup code building a dtype specification nested `depth` levels deep."""
    step = {
        "list": "d = [('a', d)]",
        "tuple": "d = (d, (1,))",
        "dict": "d = {'names': ['a'], 'formats': [d]}",
    }[kind]
    return f"d = 'i4'\nfor _ in range({depth}):\n    {step}"


def generate(g):
    # Reshaping an empty array: NumPy multiplies the given lengths in order (overflow is a
    # size mismatch), then refuses shapes whose non-zero lengths overflow intp bytes.
    g.case("reshape_zero_mid", "e.reshape(2**40, 0, 2**40)", setup=BIG)
    g.case("reshape_zero_mid_62", "e.reshape(2**62, 0, 2**62)", setup=BIG)
    g.case("reshape_zero_bytes", "e.reshape(2**61, 0, 4)", setup=BIG)
    g.case("reshape_zero_fits", "e.reshape(2**20, 0, 2**20).shape", setup=BIG)
    g.case("reshape_zero_last", "e.reshape(2**31, 2**31, 2**31, 0)", setup=BIG)
    g.case("reshape_unknown_overflow", "e.reshape(2**40, -1, 2**40)", setup=BIG)
    g.case("reshape_unknown_leading", "e.reshape(-1, 2**40, 2**40)", setup=BIG)
    g.case("reshape_unknown_leading_small", "np.arange(7).reshape(-1, 5)")
    g.case("reshape_int8_fits", "np.zeros(0, np.int8).reshape(2**61, 0, 2).shape")
    g.case("reshape_int8_bytes", "np.zeros(0, np.int8).reshape(2**62, 0, 2)")

    # tile reshapes an empty array to the products of lengths and (negative) counts.
    g.case("tile_min", "np.tile(np.zeros((0, 3)), (1, -2**63))")
    g.case("tile_neg_big", "np.tile(np.zeros((0, 3)), (-1, 2**63 - 1))")
    g.case("tile_neg", "np.tile(np.zeros((0, 3)), (1, -2))")

    # Creation.
    g.case("zeros_zero_mid", "np.zeros((2**40, 0, 2**40))")
    g.case("zeros_zero_bytes", "np.zeros((2**61, 0, 4))")
    g.case("zeros_dim_max", "np.zeros((2**63 - 1, 0))")
    g.case("zeros_dim_max_int8", "np.zeros((2**63 - 1, 0), np.int8).shape")
    g.case("empty_zero_mid", "np.empty((2**40, 0, 2**40))")
    g.case("full_zero_mid", "np.full((2**40, 0, 2**40), 1.0)")
    g.case("ones_int32_zero_mid", "np.ones((3, 0, 2**62), np.int32)")
    g.case("zeros_record_zero_mid", "np.zeros((2**40, 0, 2**40), 'i4, f8')")
    g.case("zeros_subarray_zero_mid", "np.zeros((2**40, 0), ('f8', (2**20, 2**20)))")
    g.case("frombuffer_zero_mid", "np.frombuffer(b'', np.float64).reshape(2**40, 0, 2**40)")

    # Broadcasting views and broadcast shapes.
    z = "z = np.zeros(())"
    g.case("broadcast_to_iter", "np.broadcast_to(z, (2**40, 2**40))", setup=z)
    g.case("broadcast_to_iter_order", "np.broadcast_to(z, (2**40, 2**40, 0))", setup=z)
    g.case("broadcast_to_zero_mid", "np.broadcast_to(z, (2**40, 0, 2**40))", setup=z)
    g.case("broadcast_to_bytes", "np.broadcast_to(z, (2**61, 2))", setup=z)
    g.case("broadcast_to_int8_fits", "np.broadcast_to(np.zeros((), np.int8), (2**61, 2)).shape")
    g.case("broadcast_to_row", "np.broadcast_to(np.zeros(3), (2**62, 3))")
    g.case("broadcast_to_zero_fits", "np.broadcast_to(np.zeros(3), (2**40, 0, 3)).shape")
    g.case("broadcast_shapes_big", "np.broadcast_shapes((2**40, 1), (1, 2**40))")
    g.case("broadcast_shapes_zero_last", "np.broadcast_shapes((2**40, 1, 0), (1, 2**40, 0))")
    g.case("broadcast_shapes_zero_mid", "np.broadcast_shapes((2**40, 0, 2**40), (1,))")
    g.case("broadcast_shapes_max", "np.broadcast_shapes((2**63 - 1,), (1,))")
    g.case("broadcast_shapes_over", "np.broadcast_shapes((2**62, 2), (1,))")
    xy = (
        "x = np.broadcast_to(np.zeros((), np.int8), (2**40, 1, 0))\n"
        "y = np.broadcast_to(np.zeros((), np.int8), (1, 2**40, 0))"
    )
    g.case("broadcast_arrays_big", "np.broadcast_arrays(x, y)", setup=xy)
    g.case("add_big", "x + y", setup=xy)

    # Record dtypes: offsets and item sizes are C ints.
    g.case("record_itemsize_c_int", "np.dtype({'names': ['a'], 'formats': ['i8'], 'offsets': [0], 'itemsize': 2**31})")
    g.case("record_itemsize_2_62", "np.dtype({'names': ['a'], 'formats': ['i8'], 'offsets': [0], 'itemsize': 2**62})")
    g.case("record_offset_c_int", "np.dtype({'names': ['a'], 'formats': ['i8'], 'offsets': [2**31]})")
    g.case("record_itemsize_int_max", "np.dtype({'names': ['a'], 'formats': ['i8'], 'offsets': [0], 'itemsize': 2**31 - 1}).itemsize")
    g.case("subarray_bytes_c_int", "np.dtype(('i8', (2**28,)))")
    g.case("subarray_dim_c_int", "np.dtype(('i1', (2**31,)))")

    # Nesting: NumPy stops with a RecursionError naming the container it was converting.
    for kind in ("list", "tuple", "dict"):
        g.case(f"nested_{kind}", "np.dtype(d)", setup=nested(kind, 5000))
        g.case(f"nested_{kind}_30", "np.dtype(d).itemsize", setup=nested(kind, 30))
