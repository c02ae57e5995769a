"""`ufunc.reduce` by one walk over the input: every axis of a 3-d array, per dtype and
ufunc, C- and F-ordered, with keepdims, initial, empty axes and the errors."""

DTYPES = ("bool", "int8", "int32", "int64", "uint8", "uint64", "float32", "float64")
UFUNCS = ("add", "multiply", "maximum", "minimum", "logical_or", "subtract")
AXES = {"0": 0, "1": 1, "2": 2, "m1": -1, "none": None}


def generate(g):
    for dt in DTYPES:
        setup = (f"rng = np.random.default_rng(11); a = (rng.standard_normal((4, 5, 6)) * 20).astype(np.{dt})"
                 if dt != "bool" else "rng = np.random.default_rng(11); a = rng.standard_normal((4, 5, 6)) > 0")
        if dt.startswith("float"):
            setup += "; a[1, 2, 3] = np.nan; a[2, 0, 1] = -0.0"
        g.case(f"r3_{dt}", "a", setup=setup)
        for u in UFUNCS:
            for name, ax in AXES.items():
                if u == "subtract" and dt == "bool":
                    continue
                g.case(f"{u}_{dt}_{name}", f"np.{u}.reduce(a, axis={ax})", setup=setup)
                g.case(f"{u}_{dt}_{name}_f", f"np.{u}.reduce(np.asfortranarray(a), axis={ax})", setup=setup)
            g.case(f"{u}_{dt}_keep1", f"np.{u}.reduce(a, axis=1, keepdims=True)", setup=setup)
    # initial, empty axes and errors
    g.case("maximum_int32_initial", "np.maximum.reduce(np.arange(12, dtype=np.int32).reshape(3, 4), axis=0, initial=7)")
    g.case("minimum_empty_axis1", "np.minimum.reduce(np.zeros((3, 0), dtype=np.int64), axis=1)")
    g.case("minimum_empty_initial", "np.minimum.reduce(np.zeros((3, 0), dtype=np.int64), axis=1, initial=5)")
    g.case("multiply_empty_uint8", "np.multiply.reduce(np.zeros((0, 3), dtype=np.uint8), axis=0)")
    g.case("maximum_axis_m4", "np.maximum.reduce(np.zeros((2, 3, 4), dtype=np.int8), axis=-4)")
    g.case("maximum_big_axis1", "np.maximum.reduce(np.arange(300 * 70, dtype=np.int64).reshape(300, 70) % 977, axis=1)")
    # accumulate
    for dt in DTYPES:
        setup = (f"rng = np.random.default_rng(11); a = (rng.standard_normal((4, 5, 6)) * 20).astype(np.{dt})"
                 if dt != "bool" else "rng = np.random.default_rng(11); a = rng.standard_normal((4, 5, 6)) > 0")
        if dt.startswith("float"):
            setup += "; a[1, 2, 3] = np.nan; a[2, 0, 1] = -0.0"
        for u in ("add", "multiply", "maximum", "minimum", "subtract"):
            if u == "subtract" and dt == "bool":
                continue
            for name, ax in (("0", 0), ("1", 1), ("m1", -1)):
                g.case(f"acc_{u}_{dt}_{name}", f"np.{u}.accumulate(a, axis={ax})", setup=setup)
    g.case("acc_add_1d", "np.add.accumulate(np.arange(10, dtype=np.int16))")
    g.case("acc_empty", "np.add.accumulate(np.zeros((0, 3)), axis=0)")
    g.case("acc_axis_error", "np.add.accumulate(np.zeros((2, 3)), axis=2)")
    g.case("acc_float_in", "a", setup="a = np.linspace(0, 1, 1000) ** 2")
    g.case("acc_float_add_1d", "np.add.accumulate(a)", setup="a = np.linspace(0, 1, 1000) ** 2")
    # tuples of axes, dtype=
    rnd = "rng = np.random.default_rng(5); a = rng.standard_normal((4, 5, 6)) * 10"
    g.case("ax_in", "a", setup=rnd)
    for name, axes in (("01", (0, 1)), ("12", (1, 2)), ("02", (0, 2)), ("20", (2, 0)), ("012", (0, 1, 2)), ("none", ())):
        for u in ("add", "maximum", "multiply"):
            # float `add`/`multiply` over axes that are neither outer nor trailing: NumPy's iterator
            # adds in its own order (docs/deviations.md), within 1e-12 here.
            tol = {}
            if name in ("02", "20") and u != "maximum":
                tol = {"atol": 1e-12} if u == "add" else {"rtol": 1e-13}
            g.case(f"axes_{u}_{name}", f"np.{u}.reduce(a, axis={axes})", setup=rnd, **tol)
            g.case(f"axes_{u}_{name}_keep", f"np.{u}.reduce(a, axis={axes}, keepdims=True)", setup=rnd, **tol)
    g.case("axes_add_where", "np.add.reduce(a, axis=(0, 2), where=a > 0)", setup=rnd, atol=1e-12)
    g.case("axes_out_of_range", "np.add.reduce(a, axis=(0, 3))", setup=rnd)
    g.case("dtype_add_int8", "np.add.reduce(np.array([[100, 100], [1, 2]], dtype=np.int8), axis=0, dtype=np.int8)")
    g.case("dtype_add_f32", "np.add.reduce(np.arange(10, dtype=np.int32), dtype=np.float32)")
    g.case("dtype_max_f64", "np.maximum.reduce(np.array([[1, 9], [4, 2]], dtype=np.int16), axis=1, dtype=np.float64)")
    # at: one indexed walk, repeated and negative indices
    st = "rng = np.random.default_rng(3); i = rng.integers(-50, 50, 2000); v = rng.standard_normal(2000)"
    g.case("at_i", "i", setup=st)
    g.case("at_v", "v", setup=st)
    g.case("at_add_rand", "a = np.zeros(50); np.add.at(a, i, v)", setup=st, result="a")
    g.case("at_max_rand", "a = np.zeros(50, dtype=np.float32); np.maximum.at(a, i, v.astype(np.float32))", setup=st, result="a")
    g.case("at_mul_rows", "a = np.arange(1, 25, dtype=np.int64).reshape(6, 4); np.multiply.at(a, [1, -1, 1, 0], np.array([2, 3, 4, 5]))", result="a")
    g.case("at_add_f_rows", "a = np.asfortranarray(np.arange(12.0).reshape(4, 3)); np.add.at(a, [3, 3, 0], np.array([[1.0, 2.0, 3.0]]))", result="a")
    g.case("at_absolute_int8", "a = np.array([-128, -3, 4], dtype=np.int8); np.absolute.at(a, [0, 1, 1])", result="a")
    # reduceat: increasing, equal and decreasing indices, the last index, errors
    ra = "rng = np.random.default_rng(9); a = rng.standard_normal((6, 7)) * 10"
    g.case("rat_in", "a", setup=ra)
    for u in ("add", "maximum", "multiply"):
        g.case(f"rat_{u}_0", f"np.{u}.reduceat(a, [0, 2, 2, 5, 1], axis=0)", setup=ra)
        g.case(f"rat_{u}_1", f"np.{u}.reduceat(a, [1, 6, 3, 4], axis=1)", setup=ra)
    g.case("rat_int8", "np.add.reduceat(np.arange(10, dtype=np.int8), [0, 4, 1, 5])")
    g.case("rat_empty", "np.maximum.reduceat(np.arange(5), [])")
    g.case("rat_oob", "np.add.reduceat(np.arange(10), [0, 12])")
    g.case("rat_neg", "np.add.reduceat(np.arange(10), [-1])")
