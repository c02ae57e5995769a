"""The ufunc methods `outer` and `at`."""


def generate(g):
    g.case("multiply_outer", "np.multiply.outer(np.arange(1, 4), np.array([10, 100]))")
    g.case("add_outer_2d", "np.add.outer(np.arange(6.0).reshape(2, 3), np.array([0.5, 1.5, 2.5, 3.5], dtype=np.float32))")
    g.case("less_outer", "np.less.outer(np.array([1, 5, 3], dtype=np.int8), np.array([2.0, 4.0]))")
    g.case("maximum_outer_scalar", "np.maximum.outer(np.array([1.0, np.nan, 3.0]), 2.0)")
    # at: repeated indices accumulate; negative indices count from the end.
    g.case("add_at", "a = np.zeros(5, dtype=np.int64); np.add.at(a, [0, 2, 0, -1, 2, 2], 1)", result="a")
    g.case("add_at_values", "a = np.arange(5.0); np.add.at(a, [1, 1, 3], np.array([0.5, 0.25, 10.0]))", result="a")
    g.case("subtract_at_rows", "a = np.ones((3, 2)); np.subtract.at(a, [2, 0, 2], np.array([1.0, 2.0]))", result="a")
    g.case("maximum_at", "a = np.array([1, 5, 3], dtype=np.int16); np.maximum.at(a, [0, 0, 2], np.array([4, 2, 9], dtype=np.int16))", result="a")
    g.case("negative_at", "a = np.arange(4.0); np.negative.at(a, [1, 3, 1])", result="a")
    g.case("add_at_out_of_bounds", "a = np.zeros(3); np.add.at(a, [0, 5], 1.0)", result="a")
    g.case("add_at_cast", "a = np.zeros(3, dtype=np.int32); np.add.at(a, [0], 1.5)", result="a")
    # at with enough indices to be shared out among threads (each element must still
    # receive its additions in index order): values over seven decades, so that the order
    # shows in the bits; negative indices; a scalar value.
    big = ("rng = np.random.default_rng(8); i = rng.integers(-1001, 1001, 100003); "
           "v = rng.standard_normal(100003) * 10.0 ** rng.integers(-3, 4, 100003)")
    g.case("at_big_i", "i", setup=big)
    g.case("at_big_v", "v", setup=big)
    for dt in ["float64", "float32", "float16", "int64", "int32"]:
        cast = f"v.astype(np.{dt})" if dt.startswith("float") else f"(v * 1000).astype(np.{dt})"
        g.case(f"add_at_big_{dt}", f"a = np.zeros(1001, dtype=np.{dt}); np.add.at(a, i, {cast})",
               setup=big, result="a")
    g.case("add_at_big_scalar", "a = np.zeros(1001); np.add.at(a, i, 0.1)", setup=big, result="a")
    # reduce: pairwise float sums along the innermost axis, in-order sums along others.
    rnd = "rng = np.random.default_rng(7); a = rng.standard_normal((5, 3000)) * 100"
    g.case("reduce_a", "a", setup=rnd)
    g.case("add_reduce_axis0", "np.add.reduce(a, axis=0)", setup=rnd)
    g.case("add_reduce_axis1", "np.add.reduce(a, axis=1)", setup=rnd)
    g.case("add_reduce_none", "np.add.reduce(a, axis=None)", setup=rnd)
    g.case("add_reduce_keepdims", "np.add.reduce(a, axis=-1, keepdims=True)", setup=rnd)
    g.case("add_reduce_f_order_axis1", "np.add.reduce(np.asfortranarray(a), axis=1)", setup=rnd)
    g.case("add_reduce_f32", "np.add.reduce(a.astype(np.float32), axis=1)", setup=rnd)
    g.case("add_reduce_f16", "np.add.reduce((a / 100).astype(np.float16), axis=1)", setup=rnd)
    g.case("multiply_reduce_f32", "np.multiply.reduce((a[:, :40] / 100 + 1).astype(np.float32), axis=1)", setup=rnd)
    g.case("add_reduce_int8", "np.add.reduce(np.array([[100, 100, -7], [1, 2, 3]], dtype=np.int8), axis=1)")
    g.case("add_reduce_bool", "np.add.reduce(np.array([True, True, False]))")
    g.case("maximum_reduce_nan", "np.maximum.reduce(np.array([[1.0, np.nan, 3.0], [4.0, 5.0, -1.0]]), axis=1)")
    g.case("maximum_reduce_empty", "np.maximum.reduce(np.zeros((0, 3)), axis=0)")
    g.case("add_reduce_empty", "np.add.reduce(np.zeros((0, 3)), axis=0)")
    g.case("maximum_reduce_where_no_initial",
           "np.maximum.reduce(np.arange(6.0).reshape(2, 3), axis=1, where=np.array([True, False, True]))")
    g.case("maximum_reduce_where_initial",
           "np.maximum.reduce(np.arange(6.0).reshape(2, 3), axis=1, where=np.array([True, False, True]), initial=-10.0)")
    g.case("add_reduce_where", "np.add.reduce(np.arange(6).reshape(2, 3), axis=0, where=np.array([[True], [False]]))")
    g.case("add_reduce_initial", "np.add.reduce(np.arange(6).reshape(2, 3), axis=1, initial=100)")
    g.case("logical_and_reduce", "np.logical_and.reduce(np.array([[1.0, 2.0], [0.0, 3.0]]), axis=1)")
    g.case("add_reduce_axis_error", "np.add.reduce(np.zeros((2, 3)), axis=2)")
    # Comparisons with a Python integer outside the array's integer range compare by value.
    g.case("equal_uint8_300", "np.equal(np.array([1, 44], dtype=np.uint8), 300)")
    g.case("less_uint8_minus1", "np.less(np.array([1, 44], dtype=np.uint8), -1)")
    g.case("greater_uint64_minus1", "np.greater(np.array([0, 7], dtype=np.uint64), -1)")
    g.case("less_int64_big", "np.less(np.array([-5, 9], dtype=np.int64), 2**64 - 1)")
    g.case("greater_equal_int8_left", "np.greater_equal(-200, np.array([-128, 5], dtype=np.int8))")
    # The casting rule does not change the loop: the call checks the casts it needs
    # (NumPy numbers the operand only when the ufunc has several inputs).
    g.case("sqrt_casting_no", "np.sqrt(np.ones(2, 'i1'), casting='no')")
    g.case("add_casting_no_mixed", "np.add(np.ones(2, 'i1'), np.ones(2, 'i2'), casting='no')")
