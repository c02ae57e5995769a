"""numpy.ma: construction, fill values, masks, access and printing."""

from _ma import INPUTS, inputs, ma_case

DTYPES = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "U", "S"]
SHAPES = ["m2", "i2", "r1", "big", "big2", "mid", "row", "d3"]


def generate(g):
    inputs(g, DTYPES + SHAPES)
    for n in DTYPES + SHAPES:
        s = INPUTS[n]
        ma_case(g, f"masked_{n}", "np.ma.masked_array(x, mask=mk)", s)
        ma_case(g, f"nomask_{n}", "np.ma.masked_array(x)", s)
        ma_case(g, f"allfalse_{n}", "np.ma.masked_array(x, mask=np.zeros(x.shape, bool))", s)
        ma_case(g, f"full_{n}", "np.ma.masked_array(x, mask=True)", s)
        g.case(f"filled_{n}", "np.ma.masked_array(x, mask=mk).filled()", setup=s)
        g.case(f"compressed_{n}", "np.ma.masked_array(x, mask=mk).compressed()", setup=s)
        g.case(f"count_{n}", "int(np.ma.masked_array(x, mask=mk).count())", setup=s)
    for n in ["f64", "i64", "m2", "i2", "b"]:
        s = INPUTS[n]
        g.case(f"nonzero_{n}", "np.ma.masked_array(x, mask=mk).nonzero()", setup=s)
        g.case(f"filled0_{n}", "np.ma.masked_array(x, mask=mk).filled(0)", setup=s)
    # 0-d and empty
    ma_case(g, "zero_d_masked", "np.ma.masked_array(5.5, mask=True)")
    ma_case(g, "zero_d_unmasked", "np.ma.masked_array(5.5, mask=False)")
    ma_case(g, "zero_d_nomask", "np.ma.masked_array(np.int8(3))")
    ma_case(g, "zero_d_str", "np.ma.masked_array(np.array('ab'), mask=False)")
    ma_case(g, "empty_f64", "np.ma.masked_array(np.zeros(0))")
    ma_case(g, "empty_mask", "np.ma.masked_array(np.zeros(0, np.int32), mask=np.zeros(0, bool))")
    ma_case(g, "empty_2d", "np.ma.masked_array(np.zeros((0, 3)), mask=np.zeros((0, 3), bool))")
    # fill values
    ma_case(g, "fill_i8", "np.ma.masked_array(np.int8([1, 2, 3]), mask=[0, 1, 0], fill_value=5)")
    ma_case(g, "fill_i64_float", "np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1, 0], fill_value=5.5)")
    ma_case(g, "fill_f32", "np.ma.masked_array(np.float32([1, 2, 3]), mask=[0, 1, 0], fill_value=-1.5)")
    ma_case(g, "fill_f64", "np.ma.masked_array(np.array([1.0, 2, 3]), mask=[0, 1, 0], fill_value=7)")
    ma_case(g, "fill_u", "np.ma.masked_array(np.array(['a', 'bc']), mask=[1, 0], fill_value='zz')")
    g.case("fill_i8_overflow", "np.ma.masked_array(np.int8([1, 2]), fill_value=300)")
    g.case("fill_f64_str", "np.ma.masked_array(np.array([1.0, 2.0]), fill_value='x')")
    g.case("filled_i8_default", "np.ma.masked_array(np.int8([1, 2]), mask=[0, 1]).filled()")
    g.case("filled_f16_default", "np.ma.masked_array(np.float16([1, 2]), mask=[0, 1]).filled()")
    g.case("filled_u8_default", "np.ma.masked_array(np.uint8([1, 2]), mask=[0, 1]).filled()")
    g.case("filled_value", "np.ma.masked_array(np.array([1.5, 2]), mask=[0, 1]).filled(-1)")
    # masks
    g.case("mask_size_error", "np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1])")
    ma_case(g, "mask_reshaped", "np.ma.masked_array(np.array([[1, 2], [3, 4]]), mask=[1, 0, 0, 1])")
    ma_case(g, "mask_one", "np.ma.masked_array(np.array([1, 2, 3]), mask=[1])")
    ma_case(g, "keep_mask", "np.ma.masked_array(np.ma.masked_array(np.array([1, 2, 3]), mask=[1, 0, 0]), mask=[0, 1, 0])")
    ma_case(g, "keep_mask_false",
            "np.ma.masked_array(np.ma.masked_array(np.array([1, 2, 3]), mask=[1, 0, 0]), mask=[0, 1, 0], keep_mask=False)")
    ma_case(g, "keep_mask_nomask", "np.ma.masked_array(np.ma.masked_array(np.array([1, 2, 3]), mask=[1, 0, 0]))")
    ma_case(g, "no_shrink", "np.ma.masked_array(np.array([1.0, 2.0]), shrink=False)")
    ma_case(g, "no_shrink_no_keep",
            "np.ma.masked_array(np.ma.masked_array(np.array([1.0, 2.0]), mask=[1, 0]), keep_mask=False, shrink=False)")
    ma_case(g, "hard", "np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1, 0], hard_mask=True)")
    g.case("hard_flag", "np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1, 0], hard_mask=True).hardmask")
    g.case("soften_flag", "m = np.ma.masked_array(np.array([1]), hard_mask=True)\nm.soften_mask()\nr = m.hardmask",
           result="r")
    ma_case(g, "shrink_mask", "np.ma.masked_array(np.array([1, 2]), mask=[0, 0]).shrink_mask()")
    ma_case(g, "set_fill", "np.ma.masked_array(np.array([1, 2]), mask=[0, 1])", "")
    g.case("is_masked_yes", "np.ma.is_masked(np.ma.masked_array([1, 2], mask=[0, 1]))")
    g.case("is_masked_allfalse", "np.ma.is_masked(np.ma.masked_array([1, 2], mask=[0, 0]))")
    g.case("is_masked_nomask", "np.ma.is_masked(np.ma.masked_array([1, 2]))")
    g.case("make_mask", "np.ma.make_mask(np.array([0, 2, 0, 3]))")
    g.case("make_mask_shrink", "np.ma.make_mask(np.array([0, 0])) is np.ma.nomask")
    g.case("make_mask_none", "np.ma.make_mask_none((2, 3))")
    g.case("mask_or", "np.ma.mask_or(np.array([0, 1, 0], bool), np.array([0, 0, 1], bool))")
    g.case("mask_or_shrink", "np.ma.mask_or(np.array([0, 0], bool), np.array([0, 0], bool)) is np.ma.nomask")
    g.case("getmaskarray_nomask", "np.ma.getmaskarray(np.ma.masked_array(np.arange(3)))")
    # constructors
    for n in ["f64", "f32", "i64", "i8", "m2"]:
        s = INPUTS[n]
        ma_case(g, f"where_{n}", "np.ma.masked_where(x > 0, x)", s)
        ma_case(g, f"where_masked_{n}", "np.ma.masked_where(x > 0, np.ma.masked_array(x, mask=mk))", s)
        ma_case(g, f"where_none_{n}", "np.ma.masked_where(np.zeros(x.shape, bool), x)", s)
        ma_case(g, f"equal_{n}", "np.ma.masked_equal(x, x.flat[1])", s)
        ma_case(g, f"not_equal_{n}", "np.ma.masked_not_equal(x, x.flat[1])", s)
        ma_case(g, f"greater_{n}", "np.ma.masked_greater(x, 1)", s)
        ma_case(g, f"greater_equal_{n}", "np.ma.masked_greater_equal(x, 1)", s)
        ma_case(g, f"less_{n}", "np.ma.masked_less(x, 1)", s)
        ma_case(g, f"less_equal_{n}", "np.ma.masked_less_equal(x, 1)", s)
        ma_case(g, f"inside_{n}", "np.ma.masked_inside(x, -1, 2)", s)
        ma_case(g, f"outside_{n}", "np.ma.masked_outside(x, 2, -1)", s)
        ma_case(g, f"invalid_{n}", "np.ma.masked_invalid(x)", s)
        ma_case(g, f"fix_invalid_{n}", "np.ma.fix_invalid(np.ma.masked_array(x, mask=mk))", s)
        ma_case(g, f"fix_invalid0_{n}", "np.ma.fix_invalid(x, fill_value=0)", s)
    ma_case(g, "values_f64", "np.ma.masked_values(x, x[1] * (1 + 1e-7))", INPUTS["f64"])
    ma_case(g, "values_f64_tol", "np.ma.masked_values(x, 1.0, rtol=0.5, atol=0.1)", INPUTS["f64"])
    ma_case(g, "values_f32", "np.ma.masked_values(x, float(x[2]))", INPUTS["f32"])
    ma_case(g, "values_i64", "np.ma.masked_values(x, 5)", "x = np.array([1, 5, 3, 5])")
    ma_case(g, "values_none", "np.ma.masked_values(np.array([1.0, 2.0]), 5.0)")
    ma_case(g, "values_noshrink", "np.ma.masked_values(np.array([1.0, 2.0]), 5.0, shrink=False)")
    ma_case(g, "setitem_soft", "np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1, 0])",
            "")
    g.case("setitem_soft_after",
           "m = np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1, 0])\nm[1] = 5\nm[0] = 7\n"
           "out = (m.data, m.mask, str(m))", result="out")
    g.case("setitem_hard_after",
           "m = np.ma.masked_array(np.array([1, 2, 3]), mask=[0, 1, 0], hard_mask=True)\nm[1] = 5\nm[0] = 7\n"
           "out = (m.data, m.mask, str(m))", result="out")
    g.case("setitem_masked",
           "m = np.ma.masked_array(np.array([1.5, 2, 3]))\nm[2] = np.ma.masked\nout = (m.data, m.mask, str(m))",
           result="out")
    for n in ["f64", "m2", "i64"]:
        for k, opts in enumerate([{"threshold": 5, "edgeitems": 2}, {"linewidth": 40}, {"precision": 3}]):
            g.case(f"printopts{k}_{n}",
                   f"m = np.ma.masked_array(x, mask=mk)\nwith np.printoptions(**{opts!r}):\n    out = (str(m), repr(m))",
                   setup=INPUTS[n], result="out")
    g.case("where_shape_error", "np.ma.masked_where(np.array([True, False]), np.arange(3))")
