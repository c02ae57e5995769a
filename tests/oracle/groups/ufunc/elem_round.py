"""numpy.round (around) with decimals, per numeric type: random values of mixed magnitudes
(halves and values near ties among them) and the edge values, for decimals from far
negative to far positive (past the exactly representable powers of ten)."""

import numpy as np

DECIMALS = (-400, -30, -10, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 25, 40, 330)
N = 2100


def generate(g):
    for seed, t in enumerate(("float16", "float32", "float64")):
        setup = (f"rng = np.random.default_rng({5000 + seed}); fi = np.finfo(np.{t}); "
                 f"x = np.concatenate([rng.standard_normal({N}) * 10.0 ** rng.integers(-6, 6, {N}), "
                 f"rng.integers(-2000, 2000, 300) / 8, [0.0, -0.0, np.inf, -np.inf, np.nan, fi.max, -fi.max, "
                 f"fi.smallest_subnormal, fi.smallest_normal, 0.5, 1.5, 2.5, -0.5, 0.125, 0.375]]).astype(np.{t})")
        g.case(f"{t}_x", "x", setup=setup)
        for d in DECIMALS:
            g.case(f"{t}_round_{d}".replace("-", "m"), f"np.round(x, {d})", setup=setup)
    for seed, t in enumerate(("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64")):
        info = np.iinfo(t)
        setup = (f"rng = np.random.default_rng({5100 + seed}); "
                 f"x = np.concatenate([rng.integers({info.min}, {info.max}, {N}, dtype=np.{t}, endpoint=True), "
                 f"np.array({[v for v in (info.min, info.max, 0, 5, 15, 25, 50, 150, 250) if v <= info.max]}, dtype=np.{t})])")
        g.case(f"{t}_x", "x", setup=setup)
        for d in (-30, -3, -2, -1, 0, 2):
            g.case(f"{t}_round_{d}".replace("-", "m"), f"np.round(x, {d})", setup=setup)
    for seed, t in enumerate(("complex64", "complex128")):
        setup = (f"rng = np.random.default_rng({5200 + seed}); "
                 f"x = (rng.standard_normal({N}) * 1e3 + 1j * rng.integers(-4000, 4000, {N}) / 8).astype(np.{t})")
        g.case(f"{t}_x", "x", setup=setup)
        for d in (-2, 0, 1, 3):
            g.case(f"{t}_round_{d}".replace("-", "m"), f"np.round(x, {d})", setup=setup)
