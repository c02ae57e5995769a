"""numpy.ma views: basic indexing, transposes and reshapes share the data and the mask;
writes through a view (a value, `masked`, a slice, a masked array, `fill`) land in the
array viewed, with hard masks and `nomask` parents as NumPy handles them. Every case
records the parent after the writes (`par_*`) and the view (`view_*`)."""

from _ma import INPUTS, inputs, ma_case

ONE_D = ["f64", "f32", "i64", "i8", "u8"]
TWO_D = ["m2", "i2"]

# name -> (statements making the view `v` of `a` and writing through it)
SEQ_1D = {
    # v = a[1:5]; v[2] = ma.masked; v[0] = 7
    "basic": "v = a[1:5]\nv[2] = np.ma.masked\nv[0] = 7",
    "step": "v = a[::-2]\nv[1] = np.ma.masked\nv[2] = 3\nv[-1] = 5",
    "slice_set": "v = a[2:]\nv[1:4] = 9\nv[::3] = np.ma.masked",
    "all": "v = a[3:7]\nv[...] = 4",
    "all_masked": "v = a[1:8:3]\nv[...] = np.ma.masked",
    "assign": "v = a[:6]\nv[...] = np.ma.masked_array(np.arange(6), mask=[0, 1, 0, 0, 1, 0])",
    "assign_plain": "v = a[1:4]\nv[...] = np.ma.masked_array([1, 2, 3])",
    "fill": "v = a[1:6]\nv.fill(2)",
    "nested": "v = a[1:]\nv[0] = np.ma.masked\nw = v[2:5]\nw[1] = np.ma.masked\nw[0] = 6",
    "nested_nomask_first": "v = a[1:]\nw = v[2:5]\nw[1] = np.ma.masked\nw[2] = 6",
    "reshape": "v = a.reshape(-1, 1)\nv[3, 0] = np.ma.masked\nv[1, 0] = 8",
}

SEQ_2D = {
    "steps": "v = a[::2, 1::2]\nv[0, 1] = np.ma.masked\nv[-1, 0] = 7\nv[0, 0] = 5",
    "T": "v = a.T\nv[0, 1] = np.ma.masked\nv[1, 0] = 7\nv[-1, -1] = 6",
    "T_slice": "v = a.T[1:, ::-1]\nv[0, 0] = np.ma.masked\nv[1, 1] = 7",
    "row": "v = a[1]\nv[0] = np.ma.masked\nv[1] = 7",
    "col_set": "v = a[:, 2]\nv[1:] = 4\nv[0] = np.ma.masked",
    "reshape": "v = a.reshape(-1)\nv[3] = np.ma.masked\nv[0] = 8",
    "assign_T": "v = a.T[:2]\nv[...] = np.ma.masked_array(np.ones(v.shape, int), mask=np.eye(*v.shape, dtype=bool))",
}


def sequences(g, name, setup, seqs):
    for kind, make in [("soft", "a = np.ma.masked_array(x, mask=mk)"),
                       ("hard", "a = np.ma.masked_array(x, mask=mk, hard_mask=True)"),
                       ("nomask", "a = np.ma.masked_array(x)")]:
        for sname, seq in seqs.items():
            s = setup + "\n" + make + "\n" + seq
            ma_case(g, f"par_{sname}_{kind}_{name}", "a", s)
            ma_case(g, f"view_{sname}_{kind}_{name}", "v", s)


def generate(g):
    inputs(g, ONE_D + TWO_D)
    for n in ONE_D:
        sequences(g, n, INPUTS[n], SEQ_1D)
    for n in TWO_D:
        sequences(g, n, INPUTS[n], SEQ_2D)
    # A large 2-d array: the strided writes away from the first rows.
    inputs(g, ["big2"])
    sequences(g, "big2", INPUTS["big2"], {k: SEQ_2D[k] for k in ["steps", "T_slice"]})
    # Read-only views: the element reads and the printing of a view.
    for n in TWO_D + ["big2"]:
        s = INPUTS[n] + "\na = np.ma.masked_array(x, mask=mk)"
        ma_case(g, f"ro_{n}", "a[1:, ::2].T", s)
        g.case(f"ro_get_{n}", "[None if e is np.ma.masked else e.item() for e in (a.T[1:, ::-1][0, 0], a.T[1:, ::-1][1, 1], a.T[1:, ::-1][-1, 0])]", setup=s)
        g.case(f"ro_count_{n}", "int(a[::2].T.count())", setup=s)
    s = INPUTS["big2"] + "\na = np.ma.masked_array(x, mask=mk)"
    g.case("reshape_copy_needed", "b.shape = (-1,)", setup=s + "\nb = a.T", result="b")
    g.case("slice_oob", "a[200]", setup=s)
