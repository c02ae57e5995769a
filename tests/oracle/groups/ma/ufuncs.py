"""numpy.ma ufuncs: masks ORed, domains masked, data under the mask as numpy.ma leaves it."""

from _ma import INPUTS, inputs, ma_case

UNARY = {
    "sqrt": ["f64", "f32", "f16", "i64", "i8", "c128"],
    "absolute": ["f64", "i8", "c128"],
    "negative": ["f64", "i64", "u8"],
    "floor": ["f64", "f32"],
    "ceil": ["f64"],
    "logical_not": ["f64", "b"],
    "fabs": ["f64"],
    "conjugate": ["c128"],
    "log": ["f64", "i64", "c128"],
    "log2": ["f64"],
    "log10": ["f64", "i64"],
    "exp": ["f64"],
    "sin": ["f64"],
    "tan": ["f64"],
    "arcsin": ["f64"],
    "arccos": ["f64"],
    "arccosh": ["f64"],
    "arctanh": ["f64"],
}
# Kernels that are not NumPy's bit for bit: the data is compared within 2 ULP (their bound
# in ufunc/transcendental is 1-2 ULP for float64).
INEXACT = {"log", "log2", "log10", "exp", "sin", "tan", "arcsin", "arccos", "arccosh", "arctanh", "power"}
# power's domain (negative bases with non-integer exponents); float pairs only, as an integer
# to a negative integer power is an error in NumPy.
POWER_PAIRS = [("f64", "f64"), ("i64", "f64")]
BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "equal", "less",
          "greater_equal", "logical_and", "bitwise_and"]
PAIRS = [("f64", "f64"), ("f32", "f32"), ("i64", "i64"), ("i8", "i8"), ("i8", "f32"), ("u8", "i8")]


def two(a, b):
    """Statements defining xa/ma (input a) and xb/mb (input b) of the same length."""
    return (INPUTS[a].replace("x =", "xa =").replace("x[", "xa[").replace("mk =", "ma_ =")
            + "\n" + INPUTS[b].replace("x =", "xb =").replace("x[", "xb[").replace("mk =", "mb_ =")
            + "\nxb, mb_ = xb[::-1].copy(), mb_[::-1].copy()"
            + "\nn = min(len(xa), len(xb))\nxa, xb, ma_, mb_ = xa[:n], xb[:n], ma_[:n], mb_[:n]"
            + "\nA = np.ma.masked_array(xa, mask=ma_)\nB = np.ma.masked_array(xb, mask=mb_)")


def generate(g):
    inputs(g, ["f64", "f32", "f16", "i64", "i8", "u8", "b", "c128", "m2"])
    for f, names in UNARY.items():
        for n in names:
            s = INPUTS[n]
            ulp = 2 if f in INEXACT else None
            ma_case(g, f"{f}_{n}", f"np.ma.{f}(np.ma.masked_array(x, mask=mk))", s, ulp)
            ma_case(g, f"{f}_nomask_{n}", f"np.ma.{f}(np.ma.masked_array(x))", s, ulp)
    for f in BINARY:
        for a, b in PAIRS:
            if f in ("bitwise_and",) and "f" in a + b:
                continue
            s = two(a, b)
            ma_case(g, f"{f}_{a}_{b}", f"np.ma.{f}(A, B)", s)
            ma_case(g, f"{f}_plain_{a}_{b}", f"np.ma.{f}(A, xb)", s)
            ma_case(g, f"{f}_nomask_{a}_{b}", f"np.ma.{f}(np.ma.masked_array(xa), np.ma.masked_array(xb))", s)
    for a, b in POWER_PAIRS:
        s = two(a, b)
        ma_case(g, f"power_{a}_{b}", "np.ma.power(A, B)", s, 2)
        ma_case(g, f"power_plain_{a}_{b}", "np.ma.power(A, xb)", s, 2)
    for f in ["add", "divide", "floor_divide", "remainder", "multiply"]:
        for n in ["f64", "f32", "i64", "i8"]:
            s = INPUTS[n]
            ma_case(g, f"{f}_scalar_{n}", f"np.ma.{f}(np.ma.masked_array(x, mask=mk), 2)", s)
            ma_case(g, f"{f}_scalar0_{n}", f"np.ma.{f}(np.ma.masked_array(x, mask=mk), 0)", s)
            ma_case(g, f"{f}_rscalar_{n}", f"np.ma.{f}(3.5, np.ma.masked_array(x, mask=mk))", s)
    # broadcasting: a (4, 5) masked array with a masked row
    s = INPUTS["m2"] + "\nrow = np.ma.masked_array(np.arange(5.0) - 2, mask=[0, 0, 1, 0, 0])"
    ma_case(g, "add_broadcast", "np.ma.add(np.ma.masked_array(x, mask=mk), row)", s)
    ma_case(g, "divide_broadcast", "np.ma.divide(np.ma.masked_array(x, mask=mk), row)", s)
    # operators
    s = two("f64", "f64")
    for op, name in [("+", "add"), ("-", "sub"), ("*", "mul"), ("/", "div")]:
        ma_case(g, f"op_{name}", f"A {op} B", s)
    g.case("fill_passes_on",
           "A = np.ma.masked_array(np.array([1.0, 4.0]), mask=[0, 1], fill_value=-3.0)\nr = np.ma.sqrt(A).fill_value",
           result="r")
