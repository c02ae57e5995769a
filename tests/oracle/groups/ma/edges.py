"""numpy.ma edge cases of the shape, statistics, sorting, set and product functions:
empty arrays, fully masked arrays and masked 0-d arrays."""

from _ma import ma_case

SETUP = ("e = np.ma.masked_array(np.zeros(0), mask=np.zeros(0, bool))\n"
         "f = np.ma.masked_array(np.arange(4.0), mask=True)\n"
         "z = np.ma.masked_array(np.array(2.5), mask=True)\n"
         "u = np.ma.masked_array(np.array(2.5), mask=False)")

MA = {
    "sort_e": "np.ma.sort(e)",
    "sort_f": "np.ma.sort(f)",
    "unique_e": "np.ma.unique(e)",
    "unique_f": "np.ma.unique(f)",
    "cumsum_e": "e.cumsum()",
    "cumsum_f": "f.cumsum()",
    "cumprod_f": "f.cumprod()",
    "reshape_z": "z.reshape(1)",
    "reshape_u": "u.reshape(1, 1)",
    "concat_ef": "np.ma.concatenate([e, f])",
    "in1d_ef": "np.ma.in1d(e, f)",
    "in1d_fe": "np.ma.in1d(f, e)",
    "intersect_ff": "np.ma.intersect1d(f, f)",
    "setxor_ee": "np.ma.setxor1d(e, e)",
    "union_fe": "np.ma.union1d(f, e)",
    "setdiff_ff": "np.ma.setdiff1d(f, f)",
    "dot_ff": "np.ma.dot(f, f)",
    "outer_ef": "np.ma.outer(e, f)",
    "where_f": "np.ma.where(f > 1, f, 0)",
    "repeat_e": "e.repeat(3)",
    "ravel_z": "z.ravel()",
    "expand_z": "np.ma.expand_dims(z, 0)",
    "stack_zu": "np.ma.stack([z, u])",
    "take_f": "f.take([3, 0])",
}
SCALAR = {
    "median_e": "np.ma.median(e)",
    "median_f": "np.ma.median(f)",
    "average_f": "np.ma.average(f)",
}


def generate(g):
    for name, expr in MA.items():
        ma_case(g, name, expr, SETUP)
    for name, expr in SCALAR.items():
        g.case(name, f"r = {expr}\nout = 'masked' if r is np.ma.masked else r", setup=SETUP, result="out")
    g.case("argsort_e", "e.argsort()", setup=SETUP)
    g.case("argsort_f", "f.argsort()", setup=SETUP)
    g.case("take_e", "e.take([0])", setup=SETUP)
    g.case("squeeze_bad", "f.reshape(2, 2).squeeze(axis=0)", setup=SETUP)
