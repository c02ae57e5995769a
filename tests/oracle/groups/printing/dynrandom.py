"""Random dynamic arrays printed under random print options: records (nested, with
sub-array fields) of numbers, strings, bytes, raw bytes, datetimes and timedeltas, in
random shapes, with random values (NaN, infinities, the int64 extremes, NaT).

The arrays are drawn with a fixed seed; each case rebuilds its array from its bytes and
records ({dtype, shape, hex, view}, repr, str, np.get_printoptions()) as printing/dyn.py."""

import numpy as np

SIMPLE = ["i1", "u2", "i4", "i8", "u8", "f2", "f4", "f8", "c8", "c16", "?", "U4", "S3", "V2",
          "M8[D]", "M8[s]", "M8[ns]", "M8[Y]", "M8[M]", "M8[W]", "M8[h]", "M8[ms]", "M8[us]", "M8[fs]", "M8[as]",
          "m8[D]", "m8[ns]", "m8", ">f8", ">i4", ">M8[us]", "M8[10ms]", "m8[3h]"]


def rand_dtype(rng, depth=0):
    if depth < 2 and rng.random() < 0.3:
        n = int(rng.integers(1, 4))
        fields = []
        for i in range(n):
            sub = rand_dtype(rng, depth + 1)
            if rng.random() < 0.25:
                fields.append((f"f{i}", sub, tuple(int(x) for x in rng.integers(1, 4, int(rng.integers(1, 3))))))
            else:
                fields.append((f"f{i}", sub))
        return np.dtype(fields)
    return np.dtype(SIMPLE[int(rng.integers(len(SIMPLE)))])


def fill(rng, a):
    dt = a.dtype
    if dt.names is not None:
        for n in dt.names:
            fill(rng, a[n])
        return
    if dt.subdtype is not None:
        return
    k = dt.kind
    if k == "b":
        a[...] = rng.random(a.shape) < 0.5
    elif k in "iu":
        info = np.iinfo(dt)
        mode = rng.integers(3)
        if mode == 0:
            a[...] = rng.integers(-5 if k == "i" else 0, 50, a.shape)
        else:
            a[...] = rng.integers(info.min, info.max, a.shape, dtype=dt.newbyteorder("="), endpoint=True)
    elif k == "f" or k == "c":
        parts = [1] if k == "f" else [1, 1j]
        out = np.zeros(a.shape, dtype=complex if k == "c" else float)
        for p in parts:
            mode = rng.integers(5)
            if mode == 0:
                v = rng.integers(-20, 20, a.shape) / 4
            elif mode == 1:
                v = rng.standard_normal(a.shape) * 10.0 ** rng.integers(-10, 12)
            elif mode == 2:
                v = rng.choice([0.0, np.nan, np.inf, -np.inf, 1.5, -0.0, 1e-9, 123456789.0], a.shape)
            elif mode == 3:
                v = rng.random(a.shape)
            else:
                v = rng.integers(0, 1000, a.shape).astype(float)
            out = out + p * v
        a[...] = out
    elif k == "U":
        alphabet = list("ab'\"\\ \nxyz\u00e9\u200b")
        a[...] = np.array(["".join(rng.choice(alphabet, int(rng.integers(0, 5)))) for _ in range(a.size)]).reshape(a.shape) if a.size else a
    elif k == "S":
        a[...] = np.array([bytes(rng.integers(0, 256, int(rng.integers(0, 4))).astype(np.uint8)) for _ in range(a.size)], dtype="S3").reshape(a.shape) if a.size else a
    elif k == "V":
        for idx in np.ndindex(a.shape):
            a[idx] = bytes(rng.integers(0, 256, dt.itemsize).astype(np.uint8))
    elif k in "mM":
        mode = rng.integers(3)
        iv = a.view("i8") if a.dtype.isnative else None
        if mode == 0:
            v = rng.integers(-100000, 100000, a.shape)
        elif mode == 1:
            v = rng.integers(-2**63, 2**63 - 1, a.shape, endpoint=True)
        else:
            v = rng.choice([-2**63, 0, 1, -1, 2**63 - 1, 10**12], a.shape)
        if "generic" in str(np.datetime_data(dt)[0]) and k == "M":
            v[...] = -2**63
        a[...] = v.astype("i8").view(dt.newbyteorder("="))


def generate(g):
    rng = np.random.default_rng(12345)
    made = 0
    while made < 110:
        dt = rand_dtype(rng)
        nd = int(rng.integers(0, 4))
        shape = tuple(int(x) for x in rng.integers(0, 6 if nd < 3 else 4, nd))
        a = np.zeros(shape, dtype=dt)
        fill(rng, a)
        if a.nbytes > 600:
            continue
        opts = {}
        if rng.random() < 0.6:
            opts["precision"] = int(rng.integers(0, 10))
            opts["threshold"] = int(rng.integers(1, 60))
            opts["edgeitems"] = int(rng.integers(0, 4))
            opts["linewidth"] = int(rng.integers(10, 120))
            opts["suppress"] = bool(rng.random() < 0.3)
            opts["sign"] = str(rng.choice(["-", "+", " "]))
            opts["floatmode"] = str(rng.choice(["fixed", "unique", "maxprec", "maxprec_equal"]))
            if rng.random() < 0.3:
                opts["nanstr"] = "NaN"
                opts["infstr"] = "Infinity"
        build = a.dtype.descr if a.dtype.names is not None else a.dtype.str
        code = (
            f"with np.printoptions(**{opts!r}):\n"
            f"    a = np.frombuffer(bytes.fromhex({a.tobytes().hex()!r}), dtype=np.dtype({build!r}))"
            f".reshape({shape!r}).copy()\n"
            "    spec = {'dtype': str(a.dtype), 'shape': list(a.shape), 'hex': a.tobytes().hex(), 'view': ''}\n"
            "    out = (spec, repr(a), str(a), np.get_printoptions())"
        )
        g.case(f"random_{made}", code, result="out")
        made += 1
