"""numpy.ma cumsum/cumprod (masked entries as the identity, the result masked where the
input is), median and average with weights."""

from _ma import INPUTS, inputs, ma_case

NAMES = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "m2", "i2", "big2", "d3"]
TWO_D = ("m2", "i2", "big2", "d3")


def scalar(g, name, expr, setup):
    """Records a reduction to one value: 'masked' for numpy.ma's masked, else the value."""
    g.case(name, f"r = {expr}\nout = 'masked' if r is np.ma.masked else r", setup=setup, result="out")


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\nfull = np.ma.masked_array(x, mask=True)" \
                        "\nplain = np.ma.masked_array(x)"
        two_d = n in TWO_D
        for f in ["cumsum", "cumprod"]:
            if f == "cumprod" and n in ("big2", "d3"):
                continue
            ma_case(g, f"{f}_{n}", f"m.{f}()", s)
            ma_case(g, f"{f}_nomask_{n}", f"plain.{f}()", s)
            ma_case(g, f"{f}_ax0_{n}", f"np.ma.{f}(m, axis=0)", s)
            if two_d:
                ma_case(g, f"{f}_axm1_{n}", f"m.{f}(axis=-1)", s)
        if n != "b":
            scalar(g, f"median_{n}", "np.ma.median(m)", s)
            scalar(g, f"median_full_{n}", "np.ma.median(full)", s)
            scalar(g, f"median_nomask_{n}", "np.ma.median(plain)", s)
            if two_d:
                ma_case(g, f"median_ax0_{n}", "np.ma.median(m, axis=0)", s)
                ma_case(g, f"median_axm1_{n}", "np.ma.median(m, axis=-1)", s)
                ma_case(g, f"median_ax1_keep_{n}", "np.ma.median(m, axis=1, keepdims=True)", s)
                ma_case(g, f"median_ax0_nomask_{n}", "np.ma.median(plain, axis=0)", s)
        w = "w = np.random.default_rng(30).random(x.shape) * 3"
        w1 = "w1 = np.arange(1.0, x.shape[-1] + 1)"
        sw = s + "\n" + w + "\n" + w1
        g.case(f"w_{n}", "w", setup=sw)
        scalar(g, f"average_{n}", "np.ma.average(m)", sw)
        scalar(g, f"average_w_{n}", "np.ma.average(m, weights=w)", sw)
        scalar(g, f"average_w_scl_{n}", "np.ma.average(m, weights=w, returned=True)[1]", sw)
        scalar(g, f"average_w_full_{n}", "np.ma.average(full, weights=w)", sw)
        scalar(g, f"average_scl_{n}", "np.ma.average(m, returned=True)[1]", sw)
        if two_d:
            ma_case(g, f"average_w_ax0_{n}", "np.ma.average(m, axis=0, weights=w)", sw)
            ma_case(g, f"average_w1_axm1_{n}", "np.ma.average(m, axis=-1, weights=w1)", sw)
            ma_case(g, f"average_w1_axm1_scl_{n}", "np.ma.average(m, axis=-1, weights=w1, returned=True)[1]", sw)
            ma_case(g, f"average_ax1_{n}", "np.ma.average(m, axis=1)", sw)
            g.case(f"average_ax1_scl_{n}", "np.ma.average(m, axis=1, returned=True)[1]", setup=sw)
    g.case("average_w_noaxis", "np.ma.average(np.ma.masked_array(np.ones((2, 3))), weights=np.ones(3))")
    g.case("average_w_badshape", "np.ma.average(np.ma.masked_array(np.ones((2, 3))), axis=0, weights=np.ones(3))")
