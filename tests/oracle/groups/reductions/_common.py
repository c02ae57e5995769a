"""Inputs shared by the reduction case files."""

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]
INEXACT = ["float16", "float32", "float64", "complex64", "complex128"]


def mk(dt, shape, seed):
    """Setup code making `a`: random values of dtype `dt`, about 5% of them zero."""
    if dt == "bool":
        body = f"rng.random({shape}) < 0.5"
    elif dt.startswith(("int", "uint")):
        body = (f"rng.integers(np.iinfo(np.{dt}).min, np.iinfo(np.{dt}).max, size={shape}, "
                f"dtype=np.{dt}, endpoint=True)")
    elif dt.startswith("float"):
        body = f"(rng.standard_normal({shape}) * 10).astype(np.{dt})"
    else:
        body = f"(rng.standard_normal({shape}) + 1j * rng.standard_normal({shape})).astype(np.{dt})"
    return f"rng = np.random.default_rng({seed}); a = {body}; a[rng.random({shape}) < 0.05] = 0"
