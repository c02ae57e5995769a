"""numpy.ma sort/argsort (masked last with endwith, first without, or as fill_value),
argmin/argmax with fill_value, and the set routines (unique, in1d, isin, intersect1d,
union1d, setdiff1d, setxor1d). NumPy's sorts are asked for kind='stable': nprs sorts
stably for every kind, and NumPy's default quicksort leaves the order of equal keys
(every masked element has the same key) unspecified. The set routines sort with NumPy's
default kind, so which masked element's data a result keeps is unspecified there: the
inputs hold one value under their mask, and NaNs meet masked elements only in fewer than
17 elements (where NumPy's sort is an insertion sort)."""

from _ma import INPUTS, inputs, ma_case

NAMES = ["f64", "f32", "i64", "i8", "u8", "b", "c128", "U", "m2", "i2", "d3", "big"]

SETS = {
    "k1": "rng = np.random.default_rng(20)\nx = rng.integers(0, 8, 15)\nmk = rng.random(15) < 0.3\nx[mk] = 7",
    "k2": "rng = np.random.default_rng(21)\nx = rng.integers(3, 12, 10)\nmk = rng.random(10) < 0.3\nx[mk] = 7",
    "k3": "rng = np.random.default_rng(24)\nx = rng.integers(0, 5, 9)\nmk = np.zeros(9, bool)",
    "f1": "rng = np.random.default_rng(22)\nx = np.round(rng.standard_normal(14) * 2)\nx[2] = np.nan; x[9] = np.nan\n"
          "mk = rng.random(14) < 0.3\nmk[13] = False",
    "f2": "rng = np.random.default_rng(23)\nx = np.round(rng.standard_normal(8) * 2)\n"
          "mk = rng.random(8) < 0.3",
    "f3": "x = np.array([3.0, np.nan, 1.0, np.nan, 3.0])\nmk = np.zeros(5, bool)",
    "u1": "x = np.array(['b', 'a', 'c', 'a', 'd', 'b'])\nmk = np.array([0, 1, 0, 0, 1, 0], bool)",
    "u2": "x = np.array(['a', 'e', 'b'])\nmk = np.array([0, 0, 1], bool)",
    "kb": "rng = np.random.default_rng(25)\nx = rng.integers(0, 9, (3, 4))\nmk = rng.random((3, 4)) < 0.3\n"
          "x[mk] = 7",
}
PAIRS = [("k1", "k2"), ("k2", "k1"), ("f2", "f3"), ("k1", "k3"), ("k3", "k2"),
         ("kb", "k1")]


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        st = "kind='stable'"
        ma_case(g, f"sort_{n}", f"np.ma.sort(m, {st})", s)
        ma_case(g, f"sort_none_{n}", f"np.ma.sort(m, axis=None, {st})", s)
        ma_case(g, f"sort_start_{n}", f"np.ma.sort(m, endwith=False, {st})", s)
        ma_case(g, f"sort_nomask_{n}", f"np.ma.sort(p, {st})", s)
        g.case(f"argsort_{n}", f"m.argsort(axis=-1, {st})", setup=s)
        g.case(f"argsort_none_{n}", f"m.argsort(axis=None, {st})", setup=s)
        g.case(f"argsort_start_{n}", f"m.argsort(axis=-1, endwith=False, {st})", setup=s)
        if n not in ("U", "b"):
            ma_case(g, f"sort_fill_{n}", f"np.ma.sort(m, fill_value=1, {st})", s)
            g.case(f"argsort_fill_{n}", f"m.argsort(axis=-1, fill_value=1, {st})", setup=s)
            g.case(f"argmin_fill_{n}", "m.argmin(fill_value=1)", setup=s)
            g.case(f"argmax_fill_{n}", "m.argmax(axis=0, fill_value=1)", setup=s)
        if n in ("m2", "i2", "d3"):
            ma_case(g, f"sort_ax0_{n}", f"np.ma.sort(m, axis=0, {st})", s)
            g.case(f"argsort_ax0_{n}", f"m.argsort(axis=0, {st})", setup=s)
    ma_case(g, "sort_keeps_fill", "np.ma.sort(np.ma.masked_array([3, 1, 2], mask=[0, 0, 1], fill_value=5))")
    for n, code in SETS.items():
        g.case(f"in_{n}", "x", setup=code)
        g.case(f"inm_{n}", "mk", setup=code)
        s = code + "\nm = np.ma.masked_array(x, mask=mk)"
        ma_case(g, f"unique_{n}", "np.ma.unique(m)", s)
        g.case(f"unique_inv_{n}", "np.ma.unique(m, return_inverse=True)[1]", setup=s)
        ma_case(g, f"unique_idx_vals_{n}", "np.ma.unique(m, return_index=True)[0]", s)
        g.case(f"unique_idx_{n}", "np.ma.unique(m, return_index=True)[1]", setup=s)
    for a, b in PAIRS:
        s = SETS[a].replace("x =", "xa =").replace("mk", "mka").replace("x[", "xa[") + "\n" + \
            SETS[b].replace("x =", "xb =").replace("mk", "mkb").replace("x[", "xb[") + \
            "\nma_ = np.ma.masked_array(xa, mask=mka)\nmb = np.ma.masked_array(xb, mask=mkb)"
        k = f"{a}_{b}"
        ma_case(g, f"in1d_{k}", "np.ma.in1d(ma_, mb)", s)
        ma_case(g, f"in1d_inv_{k}", "np.ma.in1d(ma_, mb, invert=True)", s)
        ma_case(g, f"isin_{k}", "np.ma.isin(ma_, mb)", s)
        ma_case(g, f"intersect1d_{k}", "np.ma.intersect1d(ma_, mb)", s)
        ma_case(g, f"union1d_{k}", "np.ma.union1d(ma_, mb)", s)
        ma_case(g, f"setdiff1d_{k}", "np.ma.setdiff1d(ma_, mb)", s)
        ma_case(g, f"setxor1d_{k}", "np.ma.setxor1d(ma_, mb)", s)
        if (a, b) in (("k1", "k2"), ("f2", "f3"), ("k1", "k3")):
            su = s + "\nua = np.ma.unique(ma_)\nub = np.ma.unique(mb)"
            ma_case(g, f"in1d_au_{k}", "np.ma.in1d(ua, ub, assume_unique=True)", su)
            ma_case(g, f"isin_au_inv_{k}", "np.ma.isin(ua, ub, assume_unique=True, invert=True)", su)
            ma_case(g, f"intersect1d_au_{k}", "np.ma.intersect1d(ua, ub, assume_unique=True)", su)
            ma_case(g, f"setxor1d_au_{k}", "np.ma.setxor1d(ua, ub, assume_unique=True)", su)
            ma_case(g, f"setdiff1d_au_{k}", "np.ma.setdiff1d(ua, ub, assume_unique=True)", su)
