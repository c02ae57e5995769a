"""Shared inputs and recorders for the numpy.ma case files (not a case file itself).

Inputs are recorded as input cases (`in_<name>`: the data, `inm_<name>`: the mask) so the
tests build the same masked arrays; every other case records what numpy.ma gives as
(data, mask or None for nomask, fill_value, str, repr)."""

import numpy as np  # noqa: F401  (the recorded code refers to np)

# name -> statements that define `x` (data) and `mk` (mask), seeded.
INPUTS = {
    "f64": "rng = np.random.default_rng(1)\nx = rng.standard_normal(23) * 3\n"
           "x[3] = np.nan; x[7] = np.inf; x[11] = 0.0; x[12] = -0.0; x[13] = -np.inf\n"
           "mk = rng.random(23) < 0.3",
    "f32": "rng = np.random.default_rng(2)\nx = (rng.standard_normal(23) * 3).astype(np.float32)\n"
           "x[4] = np.nan; x[9] = 0.0\nmk = rng.random(23) < 0.3",
    "f16": "rng = np.random.default_rng(3)\nx = (rng.standard_normal(17) * 3).astype(np.float16)\n"
           "mk = rng.random(17) < 0.3",
    "i64": "rng = np.random.default_rng(4)\nx = rng.integers(-50, 50, 23)\nx[5] = 0\nmk = rng.random(23) < 0.3",
    "i8": "rng = np.random.default_rng(5)\nx = rng.integers(-100, 100, 19).astype(np.int8)\nx[2] = 0\n"
          "mk = rng.random(19) < 0.3",
    "u8": "rng = np.random.default_rng(6)\nx = rng.integers(0, 250, 19).astype(np.uint8)\nmk = rng.random(19) < 0.3",
    "b": "rng = np.random.default_rng(7)\nx = rng.random(15) < 0.5\nmk = rng.random(15) < 0.3",
    "c128": "rng = np.random.default_rng(8)\nx = rng.standard_normal(9) + 1j * rng.standard_normal(9)\n"
            "mk = rng.random(9) < 0.3",
    "m2": "rng = np.random.default_rng(9)\nx = np.round(rng.standard_normal((4, 5)) * 10, 2)\n"
          "mk = rng.random((4, 5)) < 0.3\nmk[2] = True",
    "i2": "rng = np.random.default_rng(10)\nx = rng.integers(-9, 9, (3, 4))\nmk = rng.random((3, 4)) < 0.3\n"
          "mk[:, 1] = True",
    "r1": "rng = np.random.default_rng(11)\nx = rng.standard_normal(5)\nmk = rng.random(5) < 0.4",
    "big": "x = np.arange(2000.0)\nmk = np.arange(2000) % 3 == 0",
    "big2": "x = np.arange(2000.0).reshape(200, 10)\nmk = np.arange(2000).reshape(200, 10) % 7 == 0",
    "mid": "x = np.arange(1200)\nmk = np.arange(1200) % 5 == 1",
    "row": "x = np.arange(6.0).reshape(1, 6) / 4\nmk = np.array([[0, 1, 0, 0, 1, 0]], bool)",
    "d3": "x = np.arange(12).reshape(2, 2, 3)\nmk = (np.arange(12) % 4 == 0).reshape(2, 2, 3)",
    "U": "x = np.array(['a', 'bc', 'def', 'g'])\nmk = np.array([0, 1, 0, 0], bool)",
    "S": "x = np.array([b'x', b'yy', b'zzz'])\nmk = np.array([0, 0, 1], bool)",
}


def inputs(g, names):
    """Records the data and mask of each named input as input cases."""
    for n in names:
        g.case(f"in_{n}", "x", setup=INPUTS[n])
        g.case(f"inm_{n}", "mk", setup=INPUTS[n])


def ma_case(g, name, expr, setup="", ulp=None):
    """Records (data, mask or None, fill_value, str, repr) of the masked array `expr`; `ulp`
    states a float tolerance for the data (the transcendental kernels are not NumPy's)."""
    code = (setup + "\n" if setup else "") + (
        f"m = {expr}\n"
        "out = (np.ma.getdata(m), None if np.ma.getmask(m) is np.ma.nomask else np.ma.getmask(m), "
        "m.fill_value, str(m), repr(m))"
    )
    if ulp is None:
        g.case(name, code, result="out")
    else:
        g.case(name, code, result="out", ulp=ulp)


def on(name, expr):
    """`expr` with `m` the masked input `name` (x with mask mk) in scope."""
    return INPUTS[name] + "\nm0 = np.ma.masked_array(x, mask=mk)", expr
