"""numpy.ma's elementwise functions beyond the plain masked ufuncs: maximum/minimum (and
their reduce), left_shift/right_shift, angle, around, round/round_, clip — on random data
and masks per dtype."""

from _ma import INPUTS, inputs, ma_case

NAMES = ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "m2", "i2", "big", "big2", "mid", "d3"]
INTS = ["i64", "i8", "u8", "i2", "mid", "d3"]


def generate(g):
    inputs(g, NAMES)
    for n in NAMES:
        s = INPUTS[n] + ("\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
                         "\nr = np.ma.masked_array(x[::-1].copy(), mask=np.roll(mk, 1))")
        for f in ["maximum", "minimum"]:
            ma_case(g, f"{f}_{n}", f"np.ma.{f}(m, r)", s)
            ma_case(g, f"{f}_nomask_{n}", f"np.ma.{f}(p, x[::-1].copy())", s)
            ma_case(g, f"{f}_mixed_{n}", f"np.ma.{f}(p, r)", s)
            ma_case(g, f"{f}_reduce_{n}", f"np.ma.{f}.reduce(m, axis=None)", s)
            ma_case(g, f"{f}_reduce0_{n}", f"np.ma.{f}.reduce(m, axis=0)", s)
            ma_case(g, f"{f}_reduce_nomask_{n}", f"np.ma.{f}.reduce(p, axis=None)", s)
            ma_case(g, f"{f}_reduce_all_{n}", f"np.ma.{f}.reduce(np.ma.masked_array(x, mask=True), axis=0)", s)
        # arctan2 is a transcendental kernel: a couple of ulp. (Results narrower than float64:
        # NumPy prints the result's fill value as a float64 scalar; not compared.)
        if n not in ("f32", "f16", "i8", "u8", "b"):
            ma_case(g, f"angle_{n}", "np.ma.angle(m)", s, ulp=2)
            ma_case(g, f"angle_deg_{n}", "np.ma.angle(m, deg=True)", s, ulp=2)
        if n != "b":
            for d in [0, 2, -1]:
                ma_case(g, f"around_{d}_{n}".replace("-", "m"), f"np.ma.around(m, {d})", s)
                ma_case(g, f"round_{d}_{n}".replace("-", "m"), f"np.ma.round(m, {d})", s)
            ma_case(g, f"round__{n}", "np.ma.round_(m)", s)
            ma_case(g, f"round_nomask_{n}", "np.ma.round(p, 1)", s)
        if n != "c128":
            ma_case(g, f"clip_{n}", "np.ma.clip(m, 1, 5)", s)
            ma_case(g, f"clip_lo_{n}", "np.ma.clip(m, 0, None)", s)
            ma_case(g, f"clip_hi_{n}", "np.ma.clip(m, None, 2)", s)
            ma_case(g, f"clip_nomask_{n}", "np.ma.clip(p, -1, 1)", s)
        if n in INTS:
            ma_case(g, f"left_shift_{n}", "np.ma.left_shift(m, 2)", s)
            ma_case(g, f"right_shift_{n}", "np.ma.right_shift(m, 1)", s)
            ma_case(g, f"left_shift_nomask_{n}", "np.ma.left_shift(p, 3)", s)
            ma_case(g, f"right_shift_arr_{n}", "np.ma.right_shift(m, np.ma.masked_array(x % 4).astype(x.dtype))", s)
    s = INPUTS["f64"] + "\nm = np.ma.masked_array(x, mask=mk, fill_value=-2.5)"
    ma_case(g, "round_fill", "np.ma.round(m, 1)", s)
    ma_case(g, "around_fill", "np.ma.around(m, 1)", s)
    ma_case(g, "clip_fill", "np.ma.clip(m, -1.0, 1.0)", s)
    ma_case(g, "maximum_fill", "np.ma.maximum(m, 0.5)", s)
    g.case("shift_float", "np.ma.left_shift(np.ma.masked_array([1.5]), 1)")
    g.case("reduce_empty", "np.ma.maximum.reduce(np.ma.masked_array(np.zeros(0)), axis=0)")
