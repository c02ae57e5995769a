"""numpy.ma reductions: masked values skipped, fully masked slices masked."""

from _ma import INPUTS, inputs, ma_case

FUNCS = ["sum", "prod", "mean", "min", "max", "ptp", "all", "any"]
NAMES = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "m2", "i2", "big2"]


def scalar(g, name, expr, setup):
    """Records an axis=None reduction: 'masked' for numpy.ma's masked, else the value."""
    g.case(name, f"r = {expr}\nout = 'masked' if r is np.ma.masked else r", setup=setup, result="out")


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\nfull = np.ma.masked_array(x, mask=True)" \
                        "\nplain = np.ma.masked_array(x)"
        two_d = n in ("m2", "i2", "big2")
        for f in FUNCS:
            if f == "prod" and n in ("big2", "f16"):  # nprs-ufunc: multiply.reduce of float16 rounds per step
                continue
            scalar(g, f"{f}_{n}", f"m.{f}()", s)
            scalar(g, f"{f}_full_{n}", f"full.{f}()", s)
            scalar(g, f"{f}_nomask_{n}", f"plain.{f}()", s)
            rec = ma_case if two_d else scalar
            rec(g, f"{f}_ax0_{n}", f"m.{f}(axis=0)", s)
            rec(g, f"{f}_ax0_nomask_{n}", f"plain.{f}(axis=0)", s)
            if two_d:
                ma_case(g, f"{f}_ax1_{n}", f"m.{f}(axis=1)", s)
                ma_case(g, f"{f}_ax1_keep_{n}", f"m.{f}(axis=1, keepdims=True)", s)
                ma_case(g, f"{f}_axm1_full_{n}", f"full.{f}(axis=-1)", s)
        for f in ["argmin", "argmax"]:
            g.case(f"{f}_{n}", f"np.ma.masked_array(x, mask=mk).{f}()", setup=s)
            g.case(f"{f}_ax0_{n}", f"np.ma.masked_array(x, mask=mk).{f}(axis=0)", setup=s)
            if two_d:
                g.case(f"{f}_ax1_{n}", f"np.ma.masked_array(x, mask=mk).{f}(axis=1, keepdims=True)", setup=s)
        g.case(f"count_ax0_{n}", "np.ma.masked_array(x, mask=mk).count(axis=0)", setup=s)
        g.case(f"count_ax0_nomask_{n}", "np.ma.masked_array(x).count(axis=0)", setup=s)
    generate_var(g)


def generate_var(g):
    """var, std (ddof 0 and 1) and anom."""
    for n in ["f64", "f32", "f16", "i64", "i8", "b", "m2", "i2", "big2"]:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\nfull = np.ma.masked_array(x, mask=True)" \
                        "\nplain = np.ma.masked_array(x)"
        two_d = n in ("m2", "i2", "big2")
        rec = ma_case if two_d else scalar
        for f in ["var", "std"]:
            for ddof in [0, 1]:
                scalar(g, f"{f}{ddof}_{n}", f"m.{f}(ddof={ddof})", s)
                scalar(g, f"{f}{ddof}_full_{n}", f"full.{f}(ddof={ddof})", s)
                scalar(g, f"{f}{ddof}_nomask_{n}", f"plain.{f}(ddof={ddof})", s)
                rec(g, f"{f}{ddof}_ax0_{n}", f"m.{f}(axis=0, ddof={ddof})", s)
                rec(g, f"{f}{ddof}_ax0_nomask_{n}", f"plain.{f}(axis=0, ddof={ddof})", s)
                if two_d:
                    ma_case(g, f"{f}{ddof}_ax1_keep_{n}", f"m.{f}(axis=1, ddof={ddof}, keepdims=True)", s)
            scalar(g, f"{f}_ddof_big_{n}", f"m.{f}(ddof=6)", s)
        ma_case(g, f"anom_{n}", "m.anom()", s)
        ma_case(g, f"anom_full_{n}", "full.anom()", s)
        if two_d:
            ma_case(g, f"anom_ax0_{n}", "m.anom(axis=0)", s)
            ma_case(g, f"anom_ax1_{n}", "m.anom(axis=1)", s)
