"""`accumulate` and `at` on random inputs per dtype, large enough to run the one-pass scan
on several threads (lanes along the last axis in chunks, blocks of rows along a middle
axis), across its column ranges and their tails, and `at`'s indexed walk with repeated
and negative indices."""

# 2 * 16 * 4100 = 131200 elements: just above the size at which lanes and blocks are
# shared out among threads; 4100 columns cross the 2048/4096/16384-element column ranges.
SHAPE = (2, 16, 4100)


def generate(g):
    for dt in ("int8", "int64", "float32", "float64"):
        if dt.startswith("float"):
            setup = (f"rng = np.random.default_rng(21); a = rng.standard_normal({SHAPE}).astype(np.{dt})"
                     "; a[1, 3, 17] = np.nan; a[0, 5, 4099] = -0.0")
        else:
            setup = f"rng = np.random.default_rng(21); a = rng.integers(-100, 100, {SHAPE}).astype(np.{dt})"
        g.case(f"acc_{dt}_in", "a", setup=setup)
        # int8 in its own dtype (wrapping), the others in the dtype `add` accumulates in
        kw = ", dtype=np.int8" if dt == "int8" else ""
        for ax in (0, 1, 2):
            g.case(f"acc_add_{dt}_{ax}", f"np.add.accumulate(a, axis={ax}{kw})", setup=setup)
        if dt.startswith("float"):
            g.case(f"acc_max_{dt}_2", "np.maximum.accumulate(a, axis=2)", setup=setup)
            g.case(f"acc_mul_{dt}_1", "np.multiply.accumulate(1 + a / 64, axis=1)", setup=setup)
        if dt in ("int8", "float64"):
            g.case(f"cumsum_{dt}_flat", f"np.cumsum(a{kw})", setup=setup)
    # at: 10^4 indices (repeated, negative) into 37 elements, b of a's dtype or a scalar
    g.case("at_i", "i", setup="i = np.random.default_rng(23).integers(-37, 37, 10007)")
    for dt in ("int8", "int64", "uint8", "float32", "float64"):
        st = (f"i = np.random.default_rng(23).integers(-37, 37, 10007)"
              f"; v = (np.random.default_rng(24).standard_normal(10007) * 50).astype(np.{dt})")
        g.case(f"at_{dt}_v", "v", setup=st)
        g.case(f"at_add_{dt}", f"a = np.ones(37, dtype=np.{dt}); np.add.at(a, i, v)", setup=st, result="a")
        g.case(f"at_max_{dt}", f"a = np.zeros(37, dtype=np.{dt}); np.maximum.at(a, i, v)", setup=st, result="a")
        g.case(f"at_add_{dt}_scalar", f"a = np.zeros(37, dtype=np.{dt}); np.add.at(a, i, 3)", setup=st, result="a")
        g.case(f"at_add_{dt}_strided_v", f"a = np.zeros(37, dtype=np.{dt}); np.add.at(a, i[:10000:2], v[1:10000:2])",
               setup=st, result="a")
    g.case("at_add_f64_int_v", "a = np.zeros(37); np.add.at(a, i, np.arange(10007))", setup=st, result="a")
    g.case("at_oob_high", "a = np.zeros(5); np.add.at(a, [0, 1, 5, 2], 1.0)", result="a")
    g.case("at_oob_low", "a = np.zeros(5); np.add.at(a, [0, -6], 1.0)", result="a")
