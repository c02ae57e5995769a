"""ndarray.byteswap(): random values of every numeric dtype (complex halves swapped
separately), a big-endian input, and 2-d strided input."""

DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64", "complex64", "complex128", ">i4", ">f8"]

MAKE = '''\
rng = np.random.default_rng(SEED)
dt = np.dtype(DT)
if dt.kind == "b":
    x = rng.random(37) < 0.5
elif dt.kind in "iu":
    info = np.iinfo(dt)
    x = rng.integers(info.min, info.max, 37, dtype=dt.newbyteorder("="), endpoint=True).astype(dt)
elif dt.kind == "f":
    # values whose swapped bytes are finite and not subnormal-free noise only
    x = (rng.standard_normal(37) * 100).astype(dt)
else:
    x = (rng.standard_normal(37) + 1j * rng.standard_normal(37)).astype(dt)
'''


def generate(g):
    for k, dt in enumerate(DTYPES):
        s = MAKE.replace("SEED", str(k)).replace("DT", repr(dt))
        g.case(f"x_{dt}", "x", setup=s)
        g.case(f"swap_{dt}", "x.byteswap()", setup=s)
    s = "x = np.arange(24, dtype=np.int32).reshape(4, 6) * 1000003"
    g.case("x_2d", "x", setup=s)
    g.case("swap_2d_strided", "x[::2, 1::2].T.byteswap()", setup=s)
