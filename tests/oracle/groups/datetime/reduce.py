"""Reductions, accumulations, sorting and set operations on datetime64 and timedelta64
arrays: `max`/`min`/`nanmax`/`nanmin`/`ptp`/`argmax`/`argmin` (NaT propagates, and the first
NaT wins the arg-reductions), `sum`/`mean`/`cumsum` of timedeltas (NumPy's errors for
datetimes), `where=` and `initial=`, and `sort`/`argsort`/`unique`/`diff`/`searchsorted`
with NaT last, on random counts with scattered NaTs in every unit.

Each case records a list of outcomes, one per call: [[function, kind+unit, input, axis,
keepdims], result], the result ['ok', dtype str, shape, values as int64 counts] or ['err',
exception class, message]. The inputs are int64 counts ('x': 37x29 with NaTs in a few lanes,
'y': 1003 values with one NaT, 'w': 5x4 with an all-NaT row and column, 'z': 1003 values
without NaT) viewed as the dtype."""

NAT = -(2**63)
UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic", "7D", "10ms"]

SETUP = f"""
import warnings
NAT = {NAT}
rng = np.random.default_rng(1717)
X = rng.integers(-10**12, 10**12, (37, 29))
for i, j in [(3, 5), (20, 5), (11, 17), (36, 0), (0, 28)]:
    X[i, j] = NAT
Z = rng.integers(-10**12, 10**12, 1003)
Y = Z.copy()
Y[600] = NAT
W = np.array([[5, NAT, -3, 7], [NAT, NAT, NAT, NAT], [2, NAT, 9, -9], [0, NAT, 4, 4], [1, NAT, NAT, 8]], 'i8')
INPUTS = {{'x': X, 'y': Y, 'w': W, 'z': Z}}
def enc(r):
    r = np.asarray(r)
    vals = r.view('i8') if r.dtype.kind in 'Mm' else r.astype('i8')
    return ['ok', str(r.dtype), list(r.shape), vals.ravel().tolist()]
def run(f, a, axis, keep):
    if f in ('argmax', 'argmin'):
        return getattr(np, f)(a, axis=axis, keepdims=keep)
    if f in ('cumsum', 'diff'):
        return getattr(np, f)(a, axis=axis)
    if f == 'sort':
        return np.sort(a, axis=axis)
    if f == 'argsort':
        return np.argsort(a, axis=axis, kind='stable')
    if f == 'unique':
        return np.unique(a)
    if f == 'searchsorted':
        return np.searchsorted(np.sort(a, axis=None), a.ravel()[:64])
    if f == 'sum_where':
        return np.sum(a, axis=axis, keepdims=keep, where=np.arange(a.size).reshape(a.shape) % 3 != 0)
    if f == 'max_where':
        return np.max(a, axis=axis, keepdims=keep, where=np.arange(a.size).reshape(a.shape) % 3 != 0, initial=-5)
    if f == 'max_accumulate':
        return np.maximum.accumulate(a, axis=axis)
    if f == 'min_initial':
        return np.min(a, axis=axis, keepdims=keep, initial=3)
    if f.endswith('_reduceat'):
        return getattr(np, f[:-9]).reduceat(a, [0, 3, 1, 3, 2], axis=axis or 0)
    if f in ('median', 'nanmedian'):
        return getattr(np, f)(a, axis=axis, keepdims=keep)
    if '_dtype_' in f:
        g, dt = f.split('_dtype_')
        if g == 'sum':
            return np.sum(a, axis=axis, keepdims=keep, dtype=dt)
        return getattr(np, g).reduce(a, axis=axis, keepdims=keep, dtype=dt)
    return getattr(np, f)(a, axis=axis, keepdims=keep)
def call(f, dtype, name, axis, keep):
    if isinstance(axis, list):
        axis = tuple(axis)
    try:
        # 'xtbe': x transposed, big-endian (a strided, byte-swapped operand).
        a = INPUTS['x'].view(dtype).T.astype('>' + dtype) if name == 'xtbe' else INPUTS[name].view(dtype)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            return enc(run(f, a, axis, keep))
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
def calls(items):
    return [[list(item), call(*item)] for item in items]
"""

REDUCE = ["max", "min", "nanmax", "nanmin", "ptp", "argmax", "argmin"]
TIMEDELTA = ["sum", "mean", "cumsum", "nansum", "nanmean"]


def generate(g):
    g.case("x", "X", setup=SETUP)
    g.case("y", "Y", setup=SETUP)
    g.case("w", "W", setup=SETUP)
    g.case("z", "Z", setup=SETUP)
    for kind in ("M", "m"):
        items = []
        for u in UNITS:
            dt = f"{kind}8[{u}]" if u != "generic" else f"{kind}8"
            fs = REDUCE + (TIMEDELTA if kind == "m" else ["sum", "mean"])
            for f in fs:
                for name, axis, keep in [("x", None, False), ("x", 0, False), ("x", 1, True), ("w", 0, False),
                                         ("w", 1, False), ("y", None, False), ("z", None, False)]:
                    if f == "cumsum" and name in ("x", "y", "z") and u not in ("D", "s", "generic"):
                        continue
                    items.append((f, dt, name, axis, keep))
        g.case(f"reduce_{kind}", f"calls({items!r})", setup=SETUP)
        # where=, initial=, and the functions whose results are as large as the input.
        items = []
        for u in ["D", "ns", "M", "generic", "7D"]:
            dt = f"{kind}8[{u}]" if u != "generic" else f"{kind}8"
            for f in ("sum_where", "max_where", "min_initial"):
                items += [(f, dt, "x", 0, False), (f, dt, "x", None, True), (f, dt, "w", 1, False)]
            for f, axis in [("sort", -1), ("sort", 0), ("sort", None), ("argsort", -1), ("argsort", 0),
                            ("unique", None), ("diff", -1), ("diff", 0), ("searchsorted", None)]:
                for name in ("x", "w", "y") if f in ("unique", "searchsorted") else ("x", "w"):
                    items.append((f, dt, name, axis, False))
        g.case(f"order_{kind}", f"calls({items!r})", setup=SETUP)
        # Strided byte-swapped operands, tuples of axes, accumulate.
        items = []
        for u in ["D", "ns", "generic", "W"]:
            dt = f"{kind}8[{u}]" if u != "generic" else f"{kind}8"
            for f in ["max", "min", "nanmax", "argmax", "argmin", "ptp", "sum", "mean", "cumsum", "max_accumulate"]:
                for axis, keep in [(None, False), (0, False), (1, True), ([0, 1], False), ([1], True)]:
                    if isinstance(axis, list) and f in ("argmax", "argmin", "cumsum", "max_accumulate"):
                        continue
                    if f == "max_accumulate" and axis is None:
                        continue
                    items.append((f, dt, "xtbe", axis, keep))
        g.case(f"layouts_{kind}", f"calls({items!r})", setup=SETUP)
        # reduceat (NaT-aware segments), `dtype=` of the reductions (ignored by the
        # timedelta sums, the numeric loop on the counts for the extrema), median.
        items = []
        fs = ["add_reduceat", "maximum_reduceat", "fmin_reduceat", "subtract_reduceat", "sum_dtype_i8",
              "sum_dtype_f8", "add_dtype_i4", "maximum_dtype_i8", "minimum_dtype_f8", "fmax_dtype_i4",
              "fmin_dtype_u1", "maximum_dtype_?", "subtract_dtype_f8", "median", "nanmedian"]
        for u in ["D", "ns", "generic", "7D", "Y"]:
            dt = f"{kind}8[{u}]" if u != "generic" else f"{kind}8"
            for f in fs:
                for name, axis, keep in [("x", 0, False), ("x", 1, True), ("x", None, False), ("w", 0, False),
                                         ("w", 1, False), ("y", None, False), ("z", None, False)]:
                    if axis is None and (f.endswith("_reduceat") and name == "x" or f.startswith("subtract")):
                        continue
                    items.append((f, dt, name, axis, keep))
        g.case(f"extras_{kind}", f"calls({items!r})", setup=SETUP)
