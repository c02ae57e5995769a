"""Elementwise operators on random operands, per element type and length.

One hand-picked input per operator cannot tell a right kernel from a wrong one: a SIMD
body, its tail and a chunk boundary each have their own code. Each case runs the operator
on the first n elements for every length in SIZES (1, around a vector of 8, a prime tail,
a long body, and past NumPy's 8192-element buffer) and records the results one after
the other.
"""

import numpy as np

SIZES = (1, 7, 8, 9, 31, 1000, 10003)
N = max(SIZES)
INTS = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
FLOATS = ("float16", "float32", "float64")
COMPLEX = ("complex64", "complex128")
OPS = {"add": "np.add", "sub": "np.subtract", "mul": "np.multiply", "div": "np.true_divide",
       "floordiv": "np.floor_divide", "rem": "np.remainder"}


def operands(t, seed):
    """Setup code making `a` and `b`: the whole range of an integer type (with small
    divisors, zero among them, for half of `b`), floats of mixed magnitudes and signs."""
    rng = f"rng = np.random.default_rng({seed})"
    if t in INTS:
        full = f"rng.integers(np.iinfo(np.{t}).min, np.iinfo(np.{t}).max, {N}, dtype=np.{t}, endpoint=True)"
        lo = "0" if t.startswith("u") else "-300"
        small = f"rng.integers({lo}, 300, {N}).astype(np.{t})"
        return f"{rng}; a = {full}; b = np.where(rng.random({N}) < 0.5, {full}, {small})"
    scale = "1e3" if t == "float16" else "1e6"
    real = f"(rng.standard_normal({N}) * {scale} ** rng.uniform(-1, 1, {N}))"
    if t in FLOATS:
        return f"{rng}; a = {real}.astype(np.{t}); b = {real}.astype(np.{t})"
    return f"{rng}; a = ({real} + 1j * {real}).astype(np.{t}); b = ({real} + 1j * {real}).astype(np.{t})"


def generate(g):
    for seed, t in enumerate(INTS + FLOATS + COMPLEX):
        setup = operands(t, 1000 + seed)
        g.case(f"{t}_a", "a", setup=setup)
        g.case(f"{t}_b", "b", setup=setup)
        for name, fn in OPS.items():
            if t in COMPLEX and name in ("floordiv", "rem"):
                continue  # NumPy has no floor division or remainder for complex numbers
            g.case(f"{t}_{name}", f"np.concatenate([{fn}(a[:n], b[:n]) for n in {SIZES}])", setup=setup)
