"""Random inputs for the sort group: every numeric dtype, with ties, NaNs, signed zeros
and infinities where the dtype has them. ``setup(dtype, n, seed)`` gives the setup code
that makes ``a`` (the recorded code must run on its own)."""

DTYPES = [
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "complex64", "complex128",
]

MAKE = '''\
def make(dtype, n, seed):
    rng = np.random.default_rng(seed)
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        wide = rng.integers(info.min, info.max, n, dtype=dt, endpoint=True)
        few = rng.integers(max(info.min, -5), 6, n).astype(dt)
        return np.where(rng.random(n) < 0.5, few, wide)
    if dt.kind == "f":
        wide = (rng.standard_normal(n) * 10.0 ** rng.integers(-3, 4, n)).astype(dt)
        few = (rng.integers(-8, 8, n) / 4).astype(dt)
        a = np.where(rng.random(n) < 0.5, few, wide)
        special = np.array([np.nan, -np.nan, 0.0, -0.0, np.inf, -np.inf], dtype=dt)
        pick = rng.random(n) < 0.08
        a[pick] = special[rng.integers(0, len(special), pick.sum())]
        return a
    part = "float32" if dt == np.complex64 else "float64"
    out = np.empty(n, dtype=dt)
    re = make(part, n, seed + 1)
    out.real = np.where(rng.random(n) < 0.3, np.round(re), re)
    out.imag = make(part, n, seed + 2)
    return out
'''


def setup(dtype, n, seed, shape=None):
    reshape = f".reshape({shape!r})" if shape else ""
    return MAKE + f"a = make({dtype!r}, {n}, {seed}){reshape}"
