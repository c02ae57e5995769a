"""Exactly defined integer and bool ufuncs on random operands and every edge value.

Per integer type: `a` and `b` hold random values over the type's whole range, small values
(so that gcd/lcm share factors and divisors include zero), and then every pair of the edge
values (0, ±1, ±2, min, min+1, max-1, max) one after the other; `s` holds shift counts
from -3 to width+2 against random values; `e` non-negative exponents. The results of each
ufunc on those operands are recorded whole.
"""

import numpy as np

INTS = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
N = 1100


def operands(t, seed):
    info = np.iinfo(t)
    bits = info.bits
    edges = sorted({0, 1, 2, info.max, info.max - 1, info.min, info.min + 1}
                   | ({-1, -2} if info.min < 0 else set()))
    reps = {8: 150, 16: 90, 32: 50, 64: 30}[bits]  # past 2048 shift cases: stored as .npy
    rng = f"rng = np.random.default_rng({seed})"
    full = f"rng.integers({info.min}, {info.max}, {N}, dtype=np.{t}, endpoint=True)"
    lo = 0 if info.min == 0 else -60
    small = f"rng.integers({lo}, 60, {N}).astype(np.{t})"
    factor = f"rng.integers(1, 12, {N}).astype(np.{t})"
    ea = f"np.repeat(np.array({edges}, dtype=np.{t}), {len(edges)})"
    eb = f"np.tile(np.array({edges}, dtype=np.{t}), {len(edges)})"
    shifts = f"np.arange({-3 if info.min < 0 else 0}, {bits + 3}).astype(np.{t})"
    setup = (
        f"{rng}; k = {factor}; "
        f"a = np.concatenate([{full}, {small} * k, {ea}]); "
        f"b = np.concatenate([np.where(rng.random({N}) < 0.5, {full}, {small}), {small} * k, {eb}]); "
        f"sv = {shifts}; x = {full}; "
        f"xs = np.concatenate([np.repeat(x[:{reps}], sv.size), np.repeat(np.array({edges}, dtype=np.{t}), sv.size)]); "
        f"s = np.concatenate([np.tile(sv, {reps}), np.tile(sv, {len(edges)})]); "
        f"e = np.concatenate([rng.integers(0, {bits + 6}, 2040), np.arange(0, 5).repeat(2)]).astype(np.{t}); "
        f"pa = np.concatenate([{full}, np.resize(np.array({edges}, dtype=np.{t}), 2050)])[-e.size:]"
    )
    return setup


def generate(g):
    for seed, t in enumerate(INTS):
        setup = operands(t, 2000 + seed)
        for name in ("a", "b", "s", "xs", "e", "pa"):
            g.case(f"{t}_{name}", name, setup=setup)
        for f in ("bitwise_and", "bitwise_or", "bitwise_xor", "gcd", "lcm", "fmod", "maximum",
                  "minimum", "fmax", "fmin"):
            g.case(f"{t}_{f}", f"np.{f}(a, b)", setup=setup)
        for f in ("invert", "bitwise_count", "reciprocal", "absolute", "sign", "square", "floor",
                  "ceil", "trunc"):
            g.case(f"{t}_{f}", f"np.{f}(a)", setup=setup)
        g.case(f"{t}_divmod", "np.divmod(a, b)", setup=setup)
        g.case(f"{t}_left_shift", "np.left_shift(xs, s)", setup=setup)
        g.case(f"{t}_right_shift", "np.right_shift(xs, s)", setup=setup)
        g.case(f"{t}_power", "np.power(pa, e)", setup=setup)
        if t.startswith("int"):
            g.case(f"{t}_power_negative",
                   f"np.power(np.array([2, 3], dtype=np.{t}), np.array([1, -1], dtype=np.{t}))")
    setup = "a = np.array([False, False, True, True]); b = np.array([False, True, False, True])"
    g.case("bool_a", "a", setup=setup)
    g.case("bool_b", "b", setup=setup)
    for f in ("bitwise_and", "bitwise_or", "bitwise_xor", "maximum", "minimum", "fmax", "fmin"):
        g.case(f"bool_{f}", f"np.{f}(a, b)", setup=setup)
    for f in ("invert", "floor", "ceil", "trunc"):
        g.case(f"bool_{f}", f"np.{f}(a)", setup=setup)
