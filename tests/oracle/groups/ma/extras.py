"""numpy.ma's array functions that carry the mask (diff, ediff1d, append, diagonal, trace,
atleast_1d/2d/3d) and the run helpers on the mask (clump_masked, clump_unmasked,
flatnotmasked_contiguous, flatnotmasked_edges, notmasked_contiguous)."""

from _ma import INPUTS, inputs, ma_case

NAMES = ["f64", "f32", "i64", "i8", "u8", "b", "c128", "m2", "i2", "big", "big2", "mid", "d3", "row", "r1"]
ND2 = ["m2", "i2", "big2", "row", "d3"]

SLICES = "[(int(s.start), int(s.stop)) for s in {}]"


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        ma_case(g, f"diff_{n}", "np.ma.diff(m)", s)
        ma_case(g, f"diff2_{n}", "np.ma.diff(m, n=2)", s)
        ma_case(g, f"diff_ax0_{n}", "np.ma.diff(m, axis=0)", s)
        ma_case(g, f"diff_nomask_{n}", "np.ma.diff(p)", s)
        ma_case(g, f"diff_pre_{n}", "np.ma.diff(m, prepend=m, append=p)", s)
        ma_case(g, f"ediff1d_{n}", "np.ma.ediff1d(m)", s)
        ma_case(g, f"ediff1d_nomask_{n}", "np.ma.ediff1d(p)", s)
        ma_case(g, f"ediff1d_ends_{n}", "np.ma.ediff1d(m, to_end=m[..., :1], to_begin=p)", s)
        ma_case(g, f"append_{n}", "np.ma.append(m, p)", s)
        ma_case(g, f"append_ax0_{n}", "np.ma.append(m, p, axis=0)", s)
        ma_case(g, f"append_nomask_{n}", "np.ma.append(p, p)", s)
        ma_case(g, f"atleast_1d_{n}", "np.ma.atleast_1d(m)", s)
        ma_case(g, f"atleast_2d_{n}", "np.ma.atleast_2d(m)", s)
        ma_case(g, f"atleast_3d_{n}", "np.ma.atleast_3d(m)", s)
        ma_case(g, f"atleast_2d_nomask_{n}", "np.ma.atleast_2d(p)", s)
        g.case(f"clump_masked_{n}", SLICES.format("np.ma.clump_masked(m)"), setup=s)
        g.case(f"clump_unmasked_{n}", SLICES.format("np.ma.clump_unmasked(m)"), setup=s)
        g.case(f"clump_masked_nomask_{n}", SLICES.format("np.ma.clump_masked(p)"), setup=s)
        g.case(f"clump_unmasked_nomask_{n}", SLICES.format("np.ma.clump_unmasked(p)"), setup=s)
        g.case(f"flatnotmasked_contiguous_{n}", SLICES.format("np.ma.flatnotmasked_contiguous(m)"), setup=s)
        g.case(f"flatnotmasked_edges_{n}", "np.ma.flatnotmasked_edges(m)", setup=s)
        g.case(f"flatnotmasked_edges_nomask_{n}", "np.ma.flatnotmasked_edges(p)", setup=s)
        g.case(f"flatnotmasked_edges_all_{n}", "np.ma.flatnotmasked_edges(np.ma.masked_array(x, mask=True))",
               setup=s)
        g.case(f"notmasked_contiguous_{n}", SLICES.format("np.ma.notmasked_contiguous(m)"), setup=s)
        ma_case(g, f"compress_{n}", "np.ma.compress(np.arange(x.shape[0]) % 3 != 1, m, axis=0)", s)
        ma_case(g, f"compress_flat_{n}", "np.ma.compress(np.arange(x.size) % 2 == 0, m)", s)
        ma_case(g, f"compress_nomask_{n}", "np.ma.compress(np.arange(x.shape[-1]) < 2, p, axis=-1)", s)
        ci = "ci = np.ma.masked_array(np.arange(x.size).reshape(x.shape) % 3, mask=np.roll(mk, 1))\n"
        ma_case(g, f"choose_{n}", "np.ma.choose(ci, [m, p, m[::-1]])", s + "\n" + ci)
        ma_case(g, f"choose_nomask_{n}", "np.ma.choose(ci.data, [p, p, p])", s + "\n" + ci)
        ma_case(g, f"choose_masked_idx_{n}", "np.ma.choose(ci, [p, p, p])", s + "\n" + ci)
        pm = "pm = np.arange(x.size).reshape(x.shape) % 4 == 1\nv = np.ma.masked_array(x[::-1].copy(), mask=np.roll(mk, 2))\n"
        ma_case(g, f"putmask_{n}", "m0", s + "\n" + pm + "m0 = m.copy()\nnp.ma.putmask(m0, pm, v)")
        ma_case(g, f"putmask_plainv_{n}", "m0", s + "\n" + pm + "m0 = m.copy()\nnp.ma.putmask(m0, pm, v.data)")
        ma_case(g, f"putmask_nomask_{n}", "m0", s + "\n" + pm + "m0 = p.copy()\nnp.ma.putmask(m0, pm, v)")
        ma_case(g, f"putmask_hard_{n}", "m0", s + "\n" + pm + "m0 = m.copy()\nm0.harden_mask()\nnp.ma.putmask(m0, pm, v)")
        if n in ND2:
            ma_case(g, f"diagonal_{n}", "np.ma.diagonal(m)", s)
            ma_case(g, f"diagonal_off_{n}", "np.ma.diagonal(m, 1)", s)
            ma_case(g, f"diagonal_nomask_{n}", "np.ma.diagonal(p, -1)", s)
            g.case(f"trace_{n}", "np.ma.trace(m)", setup=s)
            g.case(f"trace_nomask_{n}", "np.ma.trace(p, 1)", setup=s)
            if n != "d3":
                for ax in [0, 1]:
                    g.case(f"notmasked_contiguous_ax{ax}_{n}",
                           f"[[(int(s.start), int(s.stop)) for s in r] for r in np.ma.notmasked_contiguous(m, axis={ax})]",
                           setup=s)
    s = INPUTS["f64"] + "\nm = np.ma.masked_array(x, mask=mk, fill_value=4.5)"
    ma_case(g, "diff_fill", "np.ma.diff(m)", s)
    ma_case(g, "append_fill", "np.ma.append(m, m)", s)
    ma_case(g, "diff_0", "np.ma.diff(m, n=0)", s)
    ma_case(g, "diff_scalar_ends", "np.ma.diff(m, prepend=1.0, append=np.ma.masked_array(2.0, mask=True))", s)
    g.case("choose_bad", "np.ma.choose(np.ma.masked_array([0, 3]), [m[:2], m[:2]])", setup=s)
    ma_case(g, "choose_clip", "np.ma.choose(np.ma.masked_array([0, 3, -1]), [m[:3], m[3:6]], mode='clip')", s)
    ma_case(g, "choose_wrap", "np.ma.choose(np.ma.masked_array([0, 3, -1]), [m[:3], m[3:6]], mode='wrap')", s)
    ma_case(g, "compress_fill", "np.ma.compress([True, False, True], m[:3])", s)
    g.case("putmask_cast", "np.ma.putmask(mi, [True, False], np.ma.masked_array([1.5, 2.5]))",
           setup="mi = np.ma.masked_array([1, 2])", result="mi")
    for n in ["f64", "i64", "m2", "i2", "r1", "big2"]:
        s2 = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        ma_case(g, f"diag_{n}", "np.ma.diag(m)", s2)
        ma_case(g, f"diag_k_{n}", "np.ma.diag(m, 2)", s2)
        ma_case(g, f"diag_nomask_{n}", "np.ma.diag(p, -1)", s2)
        ma_case(g, f"diagflat_{n}", "np.ma.diagflat(m, 1)", s2)
        ma_case(g, f"diagflat_nomask_{n}", "np.ma.diagflat(p)", s2)
        ma_case(g, f"resize_{n}", "np.ma.resize(m, (3, 7))", s2)
        ma_case(g, f"resize_nomask_{n}", "np.ma.resize(p, (40,))", s2)
        pv = "\nvals = np.ma.masked_array(np.arange(4).astype(x.dtype) * 3, mask=[0, 1, 0, 0])\nm0 = m.copy()\n"
        ma_case(g, f"put_{n}", "m0", s2 + pv + "np.ma.put(m0, [0, -1, 4, 2, 5, 9], vals)")
        ma_case(g, f"put_plainv_{n}", "m0", s2 + pv + "np.ma.put(m0, [1, 3, 6], vals.data)")
        ma_case(g, f"put_nomask_{n}", "m0", s2 + pv + "m0 = p.copy()\nnp.ma.put(m0, [1, 3], vals.data)")
        ma_case(g, f"put_nomask_maskedv_{n}", "m0", s2 + pv + "m0 = p.copy()\nnp.ma.put(m0, [0, 1, 2], vals)")
        ma_case(g, f"put_clip_{n}", "m0", s2 + pv + "np.ma.put(m0, [-100, 100], vals, mode='clip')")
        g.case(f"put_bad_{n}", "np.ma.put(m0, [100000], vals)", setup=s2 + pv)
        g.case(f"vander_{n}", "np.ma.vander(m)" if n in ("f64", "i64", "r1") else "np.ma.vander(m.ravel()[:6], 4)", setup=s2)
        g.case(f"vander_nomask_{n}", "np.ma.vander(p.ravel()[:5], 3)", setup=s2)
    for n in ["f64", "i64", "r1", "big", "mid"]:
        s2 = INPUTS[n] + ("\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
                          "\nw = np.ma.masked_array(x[:5][::-1].copy(), mask=[0, 1, 0, 0, 0])")
        for mode in ["full", "same", "valid"]:
            for f in ["convolve", "correlate"]:
                # The dot products' summation order differs from NumPy's: a few ulp.
                ma_case(g, f"{f}_{mode}_{n}", f"np.ma.{f}(m, w, mode='{mode}')", s2, ulp=8)
                ma_case(g, f"{f}_{mode}_noprop_{n}", f"np.ma.{f}(m, w, mode='{mode}', propagate_mask=False)", s2,
                        ulp=8)
                ma_case(g, f"{f}_{mode}_nomask_{n}", f"np.ma.{f}(p, p[:3], mode='{mode}')", s2, ulp=8)
    g.case("convolve_empty", "np.ma.convolve(np.ma.zeros(0), np.ma.ones(2))")
    g.case("diag_3d", "np.ma.diag(np.ma.zeros((2, 2, 2)))")
    g.case("resize_neg", "np.ma.resize(np.ma.zeros(3), (-1, 2))")
    g.case("diff_neg", "np.ma.diff(m, n=-1)", setup=s)
    g.case("diff_0d", "np.ma.diff(np.ma.masked_array(1.0))")
    g.case("notmasked_contiguous_3d", "np.ma.notmasked_contiguous(np.ma.zeros((2, 2, 2)), axis=0)")
