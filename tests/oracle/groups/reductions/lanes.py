"""Whole-lane reductions: maximum/minimum/fmax/fmin of float16/32/64 over inputs made of
0.0, -0.0 and NaNs of both signs (where only NumPy's order of operations decides which
zero or NaN comes out), at lengths around the vector widths and their tails, 1-d, along
rows, with initial=, and strided; integer and bool sums, products, extrema, bitwise and
logical reductions at lengths that exercise every accumulator and tail."""

LENGTHS = [1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 129, 130, 257, 1000, 4099, 70001]
FLOATS = ["float16", "float32", "float64"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
EXTREMA = ["maximum", "minimum", "fmax", "fmin"]


def zeros(dt, n, seed, nan):
    """Setup making `a`: `n` elements of dtype `dt` drawn from ±0 (and, when `nan`, ±1 and
    NaNs of both signs)."""
    p = "[.3, .3, .1, .1, .1, .1]" if nan else "[.5, .5, 0, 0, 0, 0]"
    return (f"rng = np.random.default_rng({seed}); "
            f"a = rng.choice(np.array([0.0, -0.0, 1.0, -1.0, np.nan, -np.nan], dtype=np.{dt}), "
            f"size={n}, p={p})")


def ints(dt, shape, seed):
    """Setup making `a`: random integers over the whole range of `dt`."""
    return (f"rng = np.random.default_rng({seed}); a = rng.integers(np.iinfo(np.{dt}).min, "
            f"np.iinfo(np.{dt}).max, size={shape}, dtype=np.{dt}, endpoint=True)")


def generate(g):
    for k, dt in enumerate(FLOATS):
        for j, n in enumerate(LENGTHS):
            for nan in (False, True):
                tag = f"{dt}_{n}_{'nan' if nan else 'z'}"
                s = zeros(dt, n, 1000 * k + 2 * j + nan, nan)
                g.case(f"{tag}_a", "a", setup=s)
                for op in EXTREMA:
                    g.case(f"{tag}_{op}", f"np.{op}.reduce(a)", setup=s)
                g.case(f"{tag}_argmax", "np.argmax(a)", setup=s)
                g.case(f"{tag}_argmin", "np.argmin(a)", setup=s)
                g.case(f"{tag}_max_init", "np.maximum.reduce(a, initial=-0.0)", setup=s)
                g.case(f"{tag}_min_init", "np.minimum.reduce(a, initial=0.0)", setup=s)
        # Along rows of a C-ordered array, and along a strided axis.
        for rows, cols in [(5, 37), (3, 130), (40, 9)]:
            s = zeros(dt, rows * cols, 7000 + k + rows, True) + f"; a = a.reshape({rows}, {cols})"
            tag = f"{dt}_{rows}x{cols}"
            g.case(f"{tag}_a", "a", setup=s)
            for op in EXTREMA:
                g.case(f"{tag}_{op}_1", f"np.{op}.reduce(a, axis=1)", setup=s)
                g.case(f"{tag}_{op}_T0", f"np.{op}.reduce(a.T, axis=0)", setup=s)
                g.case(f"{tag}_{op}_s2", f"np.{op}.reduce(a[:, ::2], axis=1)", setup=s)
    for k, dt in enumerate(INTS + ["bool"]):
        for j, n in enumerate([1, 5, 31, 32, 33, 95, 1000, 70001]):
            if dt == "bool":
                s = f"rng = np.random.default_rng({9000 + j}); a = rng.random({n}) < 0.7"
            else:
                s = ints(dt, n, 8000 + 100 * k + j)
            tag = f"{dt}_{n}"
            g.case(f"{tag}_a", "a", setup=s)
            ops = ["add", "multiply", "maximum", "minimum", "logical_and", "logical_or"]
            if dt != "bool":
                ops += ["bitwise_and", "bitwise_or", "bitwise_xor"]
            for op in ops:
                g.case(f"{tag}_{op}", f"np.{op}.reduce(a)", setup=s)
            g.case(f"{tag}_add_init", "np.add.reduce(a, initial=3)", setup=s)
        s = (ints(dt, "(6, 45)", 8500 + k) if dt != "bool"
             else f"rng = np.random.default_rng(8600); a = rng.random((6, 45)) < 0.5")
        g.case(f"{dt}_2d_a", "a", setup=s)
        for op in ["add", "maximum", "minimum", "logical_or"]:
            for tag, view in [("1", "a"), ("T0", "a.T"), ("s3", "a[:, ::3]")]:
                ax = 0 if tag == "T0" else 1
                g.case(f"{dt}_2d_{op}_{tag}", f"np.{op}.reduce({view}, axis={ax})", setup=s)
    # argmax/argmin where the extreme value repeats: small-range integers, long enough
    # for several chunks, and rows.
    for k, dt in enumerate(INTS + ["float32", "float64"]):
        s = (f"rng = np.random.default_rng({9500 + k}); "
             f"a = rng.integers(0, 50, size=70001).astype(np.{dt}); a[[0, 4000, 69999]] = [7, 60, 60]")
        g.case(f"{dt}_dup_a", "a", setup=s)
        g.case(f"{dt}_dup_argmax", "np.argmax(a)", setup=s)
        g.case(f"{dt}_dup_argmin", "np.argmin(a)", setup=s)
        g.case(f"{dt}_dup_argmax_rows", "np.argmax(a[:70000].reshape(7, 10000), axis=1)", setup=s)
        g.case(f"{dt}_dup_argmin_cols", "np.argmin(a[:70000].reshape(7, 10000), axis=0)", setup=s)
        # An outer axis long and wide enough for the column-parallel path.
        if dt in ("int16", "uint64", "float32", "float64"):
            tall = ("h = a[:70000]; "
                    "t = np.concatenate([h, h[::-1], np.roll(h, 12345), h[::-1]]).reshape(28, 10000)")
            g.case(f"{dt}_dup_argmax_tall", "np.argmax(t, axis=0)", setup=f"{s}; {tall}")
            g.case(f"{dt}_dup_argmin_tall", "np.argmin(t.reshape(2, 14, 10000), axis=1)", setup=f"{s}; {tall}")
            g.case(f"{dt}_dup_argmax_wide", "np.argmax(t.reshape(140, 2000), axis=1)", setup=f"{s}; {tall}")
            g.case(f"{dt}_dup_argmin_wide", "np.argmin(t.reshape(56, 5000), axis=-1)", setup=f"{s}; {tall}")
    # Outer axes (rows folded in place, in column ranges, on threads) and long inner
    # lanes (several lanes per thread), large enough for the parallel paths: random data
    # per dtype, floats with ±0 and NaNs of both signs, and normal floats whose sums
    # depend on the order of the additions.
    for k, dt in enumerate(FLOATS + INTS + ["bool"]):
        # Rows of 20,000 one-byte or 10,000 wider elements: more than a column range.
        rows, cols = (8, 20000) if dt in ("bool", "int8", "uint8") else (14, 10000)
        if dt == "bool":
            s = f"rng = np.random.default_rng({9800 + k}); a = rng.random(({rows}, {cols})) < 0.9"
        elif dt in FLOATS:
            s = zeros(dt, rows * cols, 9800 + k, True) + f"; a = a.reshape({rows}, {cols})"
        else:
            s = ints(dt, f"({rows}, {cols})", 9800 + k)
        g.case(f"{dt}_outer_a", "a", setup=s)
        ops = ["add", "maximum", "minimum"] + (["fmax", "fmin"] if dt in FLOATS else [])
        ops += ["logical_or"] if dt == "bool" else ["bitwise_xor"] if dt in INTS else []
        for op in ops:
            g.case(f"{dt}_outer_{op}_0", f"np.{op}.reduce(a, axis=0)", setup=s)
            g.case(f"{dt}_outer_{op}_3d1", f"np.{op}.reduce(a.reshape(2, {rows // 2}, {cols}), axis=1)", setup=s)
            g.case(f"{dt}_outer_{op}_1", f"np.{op}.reduce(a, axis=1)", setup=s)
            g.case(f"{dt}_outer_{op}_rev0", f"np.{op}.reduce(a[::-1, ::-1], axis=0)", setup=s)
        if dt not in ("bool", "float16"):
            g.case(f"{dt}_outer_add_init", "np.add.reduce(a, axis=0, initial=5)", setup=s)
    for k, dt in enumerate(["float32", "float64"]):
        s = (f"rng = np.random.default_rng({9900 + k}); "
             f"a = (rng.standard_normal((15, 9001)) * 10.0 ** rng.integers(-3, 4, (15, 9001))).astype(np.{dt})")
        g.case(f"{dt}_outer_sum_a", "a", setup=s)
        g.case(f"{dt}_outer_sum_0", "np.add.reduce(a, axis=0)", setup=s)
        g.case(f"{dt}_outer_sum_3d", "np.add.reduce(a[:14].reshape(2, 7, 9001), axis=1)", setup=s)
        g.case(f"{dt}_outer_sum_1", "np.add.reduce(a, axis=1)", setup=s)
        g.case(f"{dt}_outer_prod_1", "np.multiply.reduce(a[:, :200], axis=1)", setup=s)
    # ufunc.at with many repeated (and negative) indices into a 1-d array.
    for k, dt in enumerate(["int8", "int32", "int64", "uint16", "float32", "float64"]):
        s = (f"rng = np.random.default_rng({9700 + k}); i = rng.integers(-97, 97, size=5000); "
             f"v = (rng.standard_normal(5000) * 50).astype(np.{dt}); a0 = (rng.standard_normal(97) * 50).astype(np.{dt})")
        g.case(f"{dt}_at_i", "i", setup=s)
        g.case(f"{dt}_at_v", "v", setup=s)
        g.case(f"{dt}_at_a0", "a0", setup=s)
        for op in ["add", "multiply", "maximum", "minimum"]:
            g.case(f"{dt}_at_{op}", f"a = a0.copy(); np.{op}.at(a, i, v)", setup=s, result="a")
        g.case(f"{dt}_at_add_scalar", "a = a0.copy(); np.add.at(a, i, 3)", setup=s, result="a")
    # out= (computed in out's dtype, cast unsafely) and accumulate's dtype=.
    s8 = "a = np.array([100, 100, 100], dtype=np.int8)"
    g.case("out_int8_a", "a", setup=s8)
    g.case("out_int8", "o = np.zeros((), np.int8); np.add.reduce(a, out=o)", setup=s8, result="o")
    g.case("out_float32", "o = np.zeros((), np.float32); np.add.reduce(a, out=o)", setup=s8, result="o")
    s2 = "a = np.arange(6.0).reshape(2, 3) * 1.5"
    g.case("out_2d_a", "a", setup=s2)
    g.case("out_2d_axis0", "o = np.zeros(3, np.float32); np.add.reduce(a, axis=0, out=o)", setup=s2, result="o")
    g.case("out_2d_keep", "o = np.zeros((1, 3)); np.maximum.reduce(a, axis=0, keepdims=True, out=o)",
           setup=s2, result="o")
    g.case("out_2d_int", "o = np.zeros(2, np.int64); np.add.reduce(a, axis=1, out=o)", setup=s2, result="o")
    g.case("out_2d_bad_ndim", "np.add.reduce(a, axis=0, out=np.zeros((1, 3)))", setup=s2)
    g.case("out_2d_bad_shape", "np.add.reduce(a, axis=0, out=np.zeros(2))", setup=s2)
    g.case("acc_int8_f32", "np.add.accumulate(a, dtype=np.float32)", setup=s8)
    g.case("acc_int8_int8", "np.add.accumulate(a, dtype=np.int8)", setup=s8)
    g.case("acc_float_int", "np.multiply.accumulate(a, axis=1, dtype=np.int64)", setup=s2)
    # ufunc.at with a tuple of index arrays (every axis, leading axes only, a broadcast
    # length-one array, a strided target) and its errors.
    st = ("rng = np.random.default_rng(9800); r = rng.integers(-6, 6, size=400); c = rng.integers(-5, 5, size=400); "
          "v = rng.standard_normal(400); a0 = rng.standard_normal((6, 5)); b3 = rng.standard_normal((6, 5, 4))")
    for name in ["r", "c", "v", "a0", "b3"]:
        g.case(f"at2_{name}", name, setup=st)
    g.case("at2_add", "a = a0.copy(); np.add.at(a, (r, c), v)", setup=st, result="a")
    g.case("at2_max_scalar", "a = a0.copy(); np.maximum.at(a, (r, c), 0.5)", setup=st, result="a")
    g.case("at2_int", "a = (a0 * 10).astype(np.int32); np.add.at(a, (r, c), 2)", setup=st, result="a")
    g.case("at2_row0", "a = a0.copy(); np.multiply.at(a, (r[:7], [2]), v[:7])", setup=st, result="a")
    g.case("at2_lead", "a = b3.copy(); np.add.at(a, (r[:50], c[:50]), 1.0)", setup=st, result="a")
    g.case("at2_strided", "a = a0.copy(); np.subtract.at(a[:, ::2], (r[:30], c[:30] % 3), v[:30]); a = a", setup=st, result="a")
    g.case("at2_negative", "a = a0.copy(); np.negative.at(a, (r[:9], c[:9]))", setup=st, result="a")
    g.case("at2_too_many", "np.add.at(a, ([0], [0]), 1.0)", setup="a = np.zeros(3)")
    g.case("at2_oob", "np.add.at(a, ([0, 1], [1, 3]), 1.0)", setup="a = np.zeros((2, 3))")
    g.case("at2_mismatch", "np.add.at(a, ([0, 1], [1, 2, 0]), 1.0)", setup="a = np.zeros((2, 3))")
