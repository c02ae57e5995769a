"""numpy.ma shape manipulation: the mask travels with the data (reshape, transpose, joins,
repeat, take, indexing, where)."""

from _ma import INPUTS, inputs, ma_case

NAMES = ["m2", "i2", "d3", "f64", "U", "row", "big2"]


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        nd = {"m2": 2, "i2": 2, "d3": 3, "row": 2, "big2": 2}.get(n, 1)
        ma_case(g, f"ravel_{n}", "m.ravel()", s)
        ma_case(g, f"ravel_nomask_{n}", "p.ravel()", s)
        ma_case(g, f"reshape_{n}", "m.reshape(-1, 1)", s)
        ma_case(g, f"flattenF_{n}", "m.flatten(order='F')", s)
        ma_case(g, f"T_{n}", "m.T", s)
        ma_case(g, f"expand_{n}", "np.ma.expand_dims(m, 0)", s)
        ma_case(g, f"squeeze_{n}", "np.ma.expand_dims(m, -1).squeeze()", s)
        ma_case(g, f"repeat_{n}", "m.repeat(2)", s)
        ma_case(g, f"repeat_ax0_{n}", "np.ma.repeat(m, [k % 3 for k in range(x.shape[0])], axis=0)", s)
        ma_case(g, f"take_{n}", "m.take([0, -1, 1, 0])", s)
        ma_case(g, f"take_nomask_{n}", "p.take([1, 0])", s)
        ma_case(g, f"take_axm1_{n}", "m.take([2, 0], axis=-1)", s)
        ma_case(g, f"slice_{n}", "m[::-2]", s)
        ma_case(g, f"fancy_{n}", "m[[1, 0, 1]]", s)
        ma_case(g, f"boolidx_{n}", "m[np.arange(x.size).reshape(x.shape) % 3 != 1]", s)
        ma_case(g, f"concat_{n}", "np.ma.concatenate([m, m[::-1]], axis=0)", s)
        ma_case(g, f"concat_mixed_{n}", "np.ma.concatenate([p, m], axis=-1)", s)
        ma_case(g, f"concat_nomask_{n}", "np.ma.concatenate([p, p])", s)
        ma_case(g, f"stack_{n}", "np.ma.stack([m, p], axis=-1)", s)
        ma_case(g, f"stack_nomask_{n}", "np.ma.stack([p, p])", s)
        ma_case(g, f"vstack_{n}", "np.ma.vstack([m, p])", s)
        ma_case(g, f"hstack_{n}", "np.ma.hstack([m, p])", s)
        ma_case(g, f"column_stack_{n}", "np.ma.column_stack([m, p])", s)
        ma_case(g, f"dstack_{n}", "np.ma.dstack([p, m])", s)
        if nd >= 2:
            ma_case(g, f"slice2_{n}", "m[1:, ::2]", s)
            ma_case(g, f"row_{n}", "m[-1]", s)
            ma_case(g, f"swap_{n}", "m.swapaxes(0, -1)", s)
            ma_case(g, f"moveaxis_{n}", "np.moveaxis(m, 0, -1)", s)
            ma_case(g, f"transpose_{n}", f"m.transpose({list(range(nd))[::-1][1:] + [nd - 1]})", s)
            ma_case(g, f"fancy2_{n}", "m[[0, -1], 1:]", s)
        if n != "U":
            ma_case(g, f"where_{n}", "np.ma.where(m > 0, m, np.ma.negative(m))", s)
            ma_case(g, f"where_plain_{n}", "np.ma.where(x > 1, m, 0)", s)
            ma_case(g, f"where_nomask_{n}", "np.ma.where(p > 1, p, p)", s)
            ma_case(g, f"where_masked_x_{n}", "np.ma.where(p > 1, np.ma.masked, m)", s)
            ma_case(g, f"where_masked_y_{n}", "np.ma.where(m > 1, p, np.ma.masked)", s)
    s = INPUTS["f64"] + "\nm = np.ma.masked_array(x, mask=mk, fill_value=7.5, hard_mask=True)"
    ma_case(g, "fill_kept_reshape", "m.reshape(23, 1)", s)
    ma_case(g, "fill_kept_repeat", "m.repeat(2)", s)
    ma_case(g, "fill_dropped_take", "m.take([1, 2])", s)
    ma_case(g, "fill_dropped_concat", "np.ma.concatenate([m, m])", s)
    g.case("hard_kept_reshape", "m.reshape(23, 1).hardmask", setup=s)
    g.case("reshape_bad", "m.reshape(5, 3)", setup=s)
    g.case("take_bad", "m.take([30])", setup=s)
    g.case("concat_0d", "np.ma.concatenate([np.ma.masked_array(1.0), np.ma.masked_array(2.0)])")
    g.case("stack_shapes", "np.ma.stack([np.ma.masked_array([1.0, 2]), np.ma.masked_array([1.0])])")
    generate_setitem(g)


def generate_setitem(g):
    """`a[slices] = value` (unmasks unless the mask is hard) and `a[slices] = ma.masked`."""
    for n in ["f64", "i2", "m2", "U"]:
        base = INPUTS[n] + "\nm0 = np.ma.masked_array(x, mask=mk)"
        v = "'zz'" if n == "U" else "9"
        sl = "1:3" if n in ("f64", "U") else "1:, ::2"
        ma_case(g, f"setslice_{n}", "m0", f"{base}\nm0[{sl}] = {v}")
        ma_case(g, f"setslice_hard_{n}", "m0", f"{base}\nm0.harden_mask()\nm0[{sl}] = {v}")
        ma_case(g, f"setslice_masked_{n}", "m0", f"{base}\nm0[{sl}] = np.ma.masked")
        ma_case(g, f"setslice_nomask_{n}", "p0", f"{INPUTS[n]}\np0 = np.ma.masked_array(x)\np0[{sl}] = {v}")
        ma_case(g, f"setslice_nomask_masked_{n}", "p0",
                f"{INPUTS[n]}\np0 = np.ma.masked_array(x)\np0[{sl}] = np.ma.masked")
    g.case("setslice_bad", "m0[30:, 1] = 1", setup=INPUTS["f64"] + "\nm0 = np.ma.masked_array(x, mask=mk)",
           result="m0")
