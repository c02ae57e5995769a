"""numpy.ma constructors: zeros/ones/empty and their `_like` forms (which keep a masked
model's mask and fill value), masked_all/_like, arange, identity, indices, fromfunction,
asarray/asanyarray."""

from _ma import INPUTS, inputs, ma_case

# `empty` leaves the data unspecified: its shape, dtype, mask and fill value are recorded.
EMPTY = "(lambda e: (e.shape, e.dtype.name, np.ma.getmaskarray(e), np.ma.getmask(e) is np.ma.nomask, e.fill_value))({})"


def all_case(g, name, expr, setup=""):
    """A fully masked result: its mask, fill value, str and repr (the data is unspecified)."""
    g.case(name, (setup + "\n" if setup else "") + f"m = {expr}\n"
           "out = (np.ma.getmask(m), m.fill_value, str(m), repr(m))", result="out")


NAMES = ["f64", "i8", "u8", "b", "c128", "m2", "d3", "U"]


def generate(g):
    inputs(g, NAMES)
    for shape in ["(3,)", "(2, 3)", "(0,)", "()", "(2, 0, 3)"]:
        k = shape.replace("(", "").replace(")", "").replace(", ", "x").replace(",", "") or "0d"
        for dt in ["float64", "int8", "uint16", "bool", "complex64"]:
            ma_case(g, f"zeros_{dt}_{k}", f"np.ma.zeros({shape}, dtype=np.{dt})")
            ma_case(g, f"ones_{dt}_{k}", f"np.ma.ones({shape}, dtype=np.{dt})")
            all_case(g, f"masked_all_{dt}_{k}", f"np.ma.masked_all({shape}, dtype=np.{dt})")
            g.case(f"empty_{dt}_{k}", EMPTY.format(f"np.ma.empty({shape}, dtype=np.{dt})"))
    for n in NAMES:
        s = INPUTS[n] + "\nm = np.ma.masked_array(x, mask=mk)\np = np.ma.masked_array(x)"
        ma_case(g, f"zeros_like_{n}", "np.ma.zeros_like(m)", s)
        ma_case(g, f"zeros_like_nomask_{n}", "np.ma.zeros_like(p)", s)
        ma_case(g, f"ones_like_{n}", "np.ma.ones_like(m)", s)
        ma_case(g, f"ones_like_nomask_{n}", "np.ma.ones_like(p)", s)
        all_case(g, f"masked_all_like_{n}", "np.ma.masked_all_like(m)", s)
        all_case(g, f"masked_all_like_nomask_{n}", "np.ma.masked_all_like(x)", s)
        ma_case(g, f"asarray_{n}", "np.ma.asarray(m)", s)
        ma_case(g, f"asarray_plain_{n}", "np.ma.asarray(x)", s)
        ma_case(g, f"asanyarray_{n}", "np.ma.asanyarray(m)", s)
        g.case(f"empty_like_{n}", EMPTY.format("np.ma.empty_like(m)"), setup=s)
    s = INPUTS["f64"] + "\nm = np.ma.masked_array(x, mask=mk, fill_value=-3.5, hard_mask=True)"
    ma_case(g, "zeros_like_fill", "np.ma.zeros_like(m)", s)
    ma_case(g, "ones_like_fill", "np.ma.ones_like(m)", s)
    all_case(g, "masked_all_like_fill", "np.ma.masked_all_like(m)", s)
    g.case("zeros_like_hard", "np.ma.zeros_like(m).hardmask", setup=s)
    g.case("masked_all_like_hard", "np.ma.masked_all_like(m).hardmask", setup=s)
    for k, (a, b, c) in enumerate([(0, 10, 1), (5, -7, -3), (2, 2, 1), (-4, 1000, 7)]):
        ma_case(g, f"arange_int_{k}", f"np.ma.arange({a}, {b}, {c})")
        ma_case(g, f"arange_float_{k}", f"np.ma.arange({a / 4}, {b / 3}, {c / 2})")
    g.case("arange_zero_step", "np.ma.arange(0, 5, 0)")
    for n in [0, 1, 4, 70]:
        ma_case(g, f"identity_f64_{n}", f"np.ma.identity({n})")
        ma_case(g, f"identity_i32_{n}", f"np.ma.identity({n}, dtype=np.int32)")
    for dims in ["(2, 3)", "(4,)", "(2, 1, 3)", "(0, 2)"]:
        k = dims.replace("(", "").replace(")", "").replace(", ", "x").replace(",", "")
        ma_case(g, f"indices_{k}", f"np.ma.indices({dims})")
        ma_case(g, f"indices_i8_{k}", f"np.ma.indices({dims}, dtype=np.int8)")
    ma_case(g, "fromfunction_f64", "np.ma.fromfunction(lambda i, j: i * 10.0 + j, (3, 4))")
    ma_case(g, "fromfunction_bool", "np.ma.fromfunction(lambda i, j: i == j, (3, 3), dtype=int)")
