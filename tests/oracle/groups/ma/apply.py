"""numpy.ma's function application and iteration (apply_along_axis, apply_over_axes,
ndenumerate), notmasked_edges, compress_nd, hsplit and frombuffer, on random inputs of
several dtypes, with and without masks."""

from _ma import INPUTS, inputs, ma_case

ONE_D = ["f64", "f32", "i64", "i8", "u8"]
ND = ["m2", "i2", "big2", "d3", "row"]
ENUM = ["f32", "i64", "i8", "u8", "b", "c128", "m2", "i2", "d3"]
EDGES = "[[[int(v) for v in a] for a in t] for t in {}]"
FLAT = "(lambda r: None if r is None else [int(v) for v in r])({})"


def generate(g):
    inputs(g, sorted(set(ONE_D + ND + ENUM)))
    for n in ONE_D + ND:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        nd = {"m2": 2, "i2": 2, "big2": 2, "d3": 3, "row": 2}.get(n, 1)
        for ax in range(-1, nd):
            ma_case(g, f"along_sum_{ax}_{n}", f"np.ma.apply_along_axis(lambda r: r.sum(), {ax}, m)", s)
            ma_case(g, f"along_max_{ax}_{n}", f"np.ma.apply_along_axis(lambda r: r.max(), {ax}, m)", s)
            ma_case(g, f"along_cumsum_{ax}_{n}", f"np.ma.apply_along_axis(lambda r: r.cumsum(), {ax}, m)", s)
            ma_case(g, f"along_nomask_{ax}_{n}", f"np.ma.apply_along_axis(lambda r: r.cumsum(), {ax}, p)", s)
        g.case(f"along_bad_axis_{n}", f"np.ma.apply_along_axis(lambda r: r.sum(), {nd}, m)", setup=s)
        if nd > 1:  # (of a 1-d input, NumPy returns a plain ndarray)
            axes = [[0], [-1], list(range(nd))]
            for k, ax in enumerate(axes):
                ma_case(g, f"over_{k}_{n}", f"np.ma.apply_over_axes(np.ma.sum, m, {ax})", s)
            ma_case(g, f"over_nomask_{n}", "np.ma.apply_over_axes(np.ma.sum, p, [0])", s)
            g.case(f"over_bad_{n}", "np.ma.apply_over_axes(lambda v, ax: v.sum(), m, [0])", setup=s)
        # compress_nd
        for k, ax in enumerate([None] + [(a,) for a in range(-1, nd)] + ([(0, nd - 1)] if nd > 1 else [])):
            ma_case(g, f"cnd_{k}_{n}", f"np.ma.masked_array(np.ma.compress_nd(m, axis={ax!r}))", s)
        ma_case(g, f"cnd_nomask_{n}", "np.ma.masked_array(np.ma.compress_nd(p))", s)
        ma_case(g, f"cnd_all_{n}", "np.ma.masked_array(np.ma.compress_nd(np.ma.masked_array(x, mask=True)))", s)
        g.case(f"cnd_repeated_{n}", "np.ma.compress_nd(m, axis=(0, 0))", setup=s)
        g.case(f"cnd_bad_axis_{n}", f"np.ma.compress_nd(m, axis={nd})", setup=s)
        # notmasked_edges
        g.case(f"edges_none_{n}", FLAT.format("np.ma.notmasked_edges(m)"), setup=s)
        g.case(f"edges_all_{n}", FLAT.format("np.ma.notmasked_edges(np.ma.masked_array(x, mask=True))"), setup=s)
        for ax in range(nd):
            if nd == 1:
                g.case(f"edges_{ax}_{n}", FLAT.format(f"np.ma.notmasked_edges(m, axis={ax})"), setup=s)
            else:
                g.case(f"edges_{ax}_{n}", EDGES.format(f"np.ma.notmasked_edges(m, axis={ax})"), setup=s)
                g.case(f"edges_nomask_{ax}_{n}", EDGES.format(f"np.ma.notmasked_edges(p, axis={ax})"), setup=s)
        # hsplit
        cols = {"m2": 5, "i2": 4, "big2": 10, "d3": 2, "row": 6}.get(n, 23 if n != "i8" and n != "u8" else 19)
        for k, sec in enumerate([1, cols, [1]]):
            ma_case(g, f"hsplit_{k}_{n}", f"np.ma.hsplit(m, {sec!r})", s)
        ma_case(g, f"hsplit_nomask_{n}", f"np.ma.hsplit(p, {cols})", s)
        ma_case(g, f"hsplit_uneven_{n}", "np.ma.hsplit(m, 3)", s)
        # frombuffer: the bytes of the data, read back whole and in part
        g.case(f"bytes_{n}", "b", setup=s + "\nb = list(x.tobytes())")
        ma_case(g, f"frombuffer_{n}", "np.ma.frombuffer(x.tobytes(), dtype=x.dtype)", s)
        ma_case(g, f"frombuffer_part_{n}",
                "np.ma.frombuffer(x.tobytes(), dtype=x.dtype, count=3, offset=x.itemsize)", s)
        g.case(f"frombuffer_odd_{n}", "np.ma.frombuffer(x.tobytes()[:-1], dtype=x.dtype)", setup=s)
    for n in ENUM:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        code = "[(list(i), None if v is np.ma.masked else v.item()) for i, v in np.ma.ndenumerate({})]"
        g.case(f"ndenumerate_{n}", code.format("m"), setup=s)
        g.case(f"ndenumerate_all_{n}", code.format("m, compressed=False"), setup=s)
        g.case(f"ndenumerate_nomask_{n}", code.format("p"), setup=s)
