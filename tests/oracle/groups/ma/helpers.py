"""numpy.ma's comparisons and mask/fill-value helpers: allclose, allequal, is_mask,
count_masked, flatten_mask, maximum_fill_value, minimum_fill_value, common_fill_value."""

from _ma import INPUTS, inputs

NAMES = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "m2", "i2", "big", "big2", "mid", "d3"]
DTYPES = ["float64", "float32", "float16", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
          "uint64", "bool", "complex64", "complex128", "datetime64[s]", "timedelta64[ms]", "U3", "S2"]


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        # `y` equals `x` where unmasked, and differs at masked positions.
        s += "\ny = np.ma.masked_array(np.where(mk, x * 2 + 1 if x.dtype != bool else ~x, x), mask=mk)"
        g.case(f"allequal_{n}", "np.ma.allequal(m, y)", setup=s)
        g.case(f"allequal_nofill_{n}", "np.ma.allequal(m, y, fill_value=False)", setup=s)
        g.case(f"allequal_plain_{n}", "np.ma.allequal(m, y.data)", setup=s)
        g.case(f"allequal_nomask_{n}", "np.ma.allequal(p, x)", setup=s)
        g.case(f"allequal_nomask_nofill_{n}", "np.ma.allequal(p, x, fill_value=False)", setup=s)
        g.case(f"allclose_{n}", "np.ma.allclose(m, y)", setup=s)
        g.case(f"allclose_unmasked_{n}", "np.ma.allclose(m, y, masked_equal=False)", setup=s)
        g.case(f"allclose_plain_{n}", "np.ma.allclose(m, y.data)", setup=s)
        g.case(f"allclose_self_{n}", "np.ma.allclose(p, x)", setup=s)
        if n not in ("b",):
            g.case(f"allclose_near_{n}", "np.ma.allclose(m, m * 1.000001)", setup=s)
            g.case(f"allclose_far_{n}", "np.ma.allclose(m, m + 1, rtol=0.01, atol=0.5)", setup=s)
        g.case(f"count_masked_{n}", "np.ma.count_masked(m)", setup=s)
        g.case(f"count_masked0_{n}", "np.ma.count_masked(m, axis=0)", setup=s)
        g.case(f"count_masked_nomask_{n}", "np.ma.count_masked(p)", setup=s)
        g.case(f"flatten_mask_{n}", "np.ma.flatten_mask(mk)", setup=s)
        g.case(f"is_mask_{n}", "np.ma.is_mask(mk)", setup=s)
        g.case(f"is_mask_data_{n}", "np.ma.is_mask(x)", setup=s)
    inf = "a = np.ma.masked_array([1.0, np.inf, -np.inf, 3.0], mask=[0, 0, 0, 1])\n"
    g.case("allclose_inf", "np.ma.allclose(a, a)", setup=inf)
    g.case("allclose_inf_moved", "np.ma.allclose(a, a[::-1])", setup=inf)
    g.case("allclose_inf_sign", "np.ma.allclose(a, -a)", setup=inf)
    g.case("allclose_inf_masked", "np.ma.allclose(a, np.ma.masked_array([1.0, np.inf, 5.0, 3.0], mask=[0, 0, 1, 0]))",
           setup=inf)
    g.case("allclose_nan", "np.ma.allclose(np.ma.masked_array([np.nan, 1.0]), np.ma.masked_array([np.nan, 1.0]))")
    g.case("allclose_bcast", "np.ma.allclose(np.ma.masked_array([[1.0, 2.0]]), np.ma.masked_array([1.0, 2.0000001]))")
    g.case("allclose_int_min", "np.ma.allclose(np.array([np.iinfo(np.int64).min]), np.array([np.iinfo(np.int64).min]))")
    for dt in DTYPES:
        g.case(f"maximum_fill_value_{dt}", f"np.ma.maximum_fill_value(np.dtype('{dt}'))")
        g.case(f"minimum_fill_value_{dt}", f"np.ma.minimum_fill_value(np.dtype('{dt}'))")
    for k, (a, b) in enumerate([("np.ma.masked_array([1.0])", "np.ma.masked_array([2.0])"),
                                ("np.ma.masked_array([1.0], fill_value=3)", "np.ma.masked_array([2.0])"),
                                ("np.ma.masked_array([1], dtype=np.int8)", "np.ma.masked_array([2], dtype=np.int16)"),
                                ("np.ma.masked_array([1])", "np.ma.masked_array([1.0])"),
                                ("np.ma.masked_array([1.0], fill_value=np.nan)",
                                 "np.ma.masked_array([1.0], fill_value=np.nan)"),
                                ("np.ma.masked_array([1.0], fill_value=5)", "np.ma.masked_array([1], fill_value=5)")]):
        g.case(f"common_fill_value_{k}", f"np.ma.common_fill_value({a}, {b})")
