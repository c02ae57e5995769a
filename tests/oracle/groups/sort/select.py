"""The selection helpers: where (three arguments; one argument = nonzero), nonzero,
flatnonzero, compress, extract, place, putmask, choose — random inputs per dtype, NumPy's
promotion with weak Python scalars, layouts (strided, broadcast, 0-d, empty) and errors."""

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128"]

MAKE = '''\
def make(dtype, shape, seed):
    rng = np.random.default_rng(seed)
    n = int(np.prod(shape))
    dt = np.dtype(dtype)
    if dt.kind == "b":
        return (rng.random(n) < 0.5).reshape(shape)
    if dt.kind in "iu":
        info = np.iinfo(dt)
        return rng.integers(info.min, info.max, n, dtype=dt, endpoint=True).reshape(shape)
    if dt.kind == "f":
        a = (rng.standard_normal(n) * 100).astype(dt)
        a[rng.random(n) < 0.1] = np.nan
        a[rng.random(n) < 0.1] = -0.0
        return a.reshape(shape)
    return (make("float64", shape, seed) + 1j * make("float64", shape, seed + 7)).astype(dt)
'''

PAIRS = [("int8", "int8"), ("int8", "uint8"), ("float32", "int64"), ("bool", "float16"),
         ("complex64", "float64"), ("uint64", "int64"), ("uint16", "int32"), ("float16", "complex128")]
SCALARS = [("int8", "300"), ("uint8", "-1"), ("float32", "2.5"), ("int16", "2.5"), ("bool", "1"),
           ("float16", "1e300"), ("complex64", "1j"), ("int64", "True")]


def generate(g):
    base = MAKE + "rng = np.random.default_rng(0); c = rng.random((4, 5)) < 0.5"
    g.case("w_c", "c", setup=base)
    for dt in DTYPES:
        s = base + f"\nx = make({dt!r}, (4, 5), 1); y = make({dt!r}, (5,), 2)"
        g.case(f"w_{dt}_x", "x", setup=s)
        g.case(f"w_{dt}_y", "y", setup=s)
        g.case(f"w_{dt}", "np.where(c, x, y)", setup=s)
        g.case(f"w_{dt}_strided", "np.where(c[::-2, ::2], x[::2, ::-2], y[::2])", setup=s)
        g.case(f"w_{dt}_cond", "np.where(x, y, x)", setup=s)
        g.case(f"w_{dt}_nonzero", "np.nonzero(x)", setup=s)
        g.case(f"w_{dt}_flatnonzero", "np.flatnonzero(x.T)", setup=s)
    for a, b in PAIRS:
        s = base + f"\nx = make({a!r}, (4, 5), 3); y = make({b!r}, (4, 1), 4)"
        g.case(f"wp_{a}_{b}_x", "x", setup=s)
        g.case(f"wp_{a}_{b}_y", "y", setup=s)
        g.case(f"wp_{a}_{b}", "np.where(c, x, y)", setup=s)
    for a, v in SCALARS:
        s = base + f"\nx = make({a!r}, (4, 5), 5)"
        g.case(f"ws_{a}_x", "x", setup=s)
        g.case(f"ws_{a}", f"np.where(c, x, {v})", setup=s)
        g.case(f"ws_{a}_first", f"np.where(c, {v}, x)", setup=s)
    g.case("w_scalars", "np.where(c, 1, 2.5)", setup=base)
    g.case("w_0d", "np.where(np.array(True), np.arange(3), 7)")
    g.case("w_0d_all", "np.where(np.array(False), np.array(1.5), np.array(2))")
    g.case("w_empty", "np.where(np.zeros((0, 3), dtype=bool), 1, np.arange(3.0))")
    g.case("w_str", "np.where(np.array([True, False, True]), np.array(['ab', 'c', 'd']), 'xyz')")
    g.case("w_str_bytes", "np.where(np.array([1, 0]), np.array(['ab']), np.array([b'c']))")
    g.case("w_dt", "np.where(np.array([True, False]), np.array(['2020-01-01'], dtype='M8[D]'), "
           "np.array(['NaT', '1999-12-31T23:00:00'], dtype='M8[s]'))")
    g.case("w_str_cond", "np.where(np.array(['', 'a', ' ']), 1, 2)")
    g.case("w_bad_shapes", "np.where(np.array([True, False]), np.arange(3), 1)")
    g.case("w_bad_promote", "np.where(np.array([True, False]), 'ab', 1)")
    g.case("nz_0d", "np.nonzero(np.array(5))")
    g.case("nz_str", "np.nonzero(np.array([['', 'a'], ['b', '']]))")
    g.case("fnz_dt", "np.flatnonzero(np.array([0, 5, -1, 0], dtype='m8[s]'))")
    # compress / extract
    s = ("rng = np.random.default_rng(8); a = rng.standard_normal((5, 6)); u = a.round(1).astype('U4'); "
         "m = rng.random(6) < 0.5; k = rng.integers(-1, 2, (5, 6))")
    g.case("ce_a", "a", setup=s)
    g.case("ce_u", "u", setup=s)
    g.case("ce_m", "m", setup=s)
    g.case("ce_k", "k", setup=s)
    g.case("cp_ax1", "np.compress(m, a, axis=1)", setup=s)
    g.case("cp_ax0", "np.compress(m[:5], u, axis=0)", setup=s)
    g.case("cp_none", "np.compress(m, u)", setup=s)
    g.case("cp_short", "np.compress([True, False], u, axis=1)", setup=s)
    g.case("cp_2d", "np.compress(np.ones((2, 2), bool), a)", setup=s)
    g.case("cp_past_end", "np.compress(np.ones(7, bool), a, axis=1)", setup=s)
    g.case("cp_axis", "np.compress(m, a, axis=2)", setup=s)
    g.case("ex_u", "np.extract(k, u)", setup=s)
    g.case("ex_a", "np.extract(k.T, a[:, ::-1])", setup=s)
    g.case("ex_past_end", "np.extract(np.ones(40), a)", setup=s)
    # place / putmask
    s = ("rng = np.random.default_rng(9); a = rng.integers(-9, 9, (4, 5)); f = rng.standard_normal((4, 5)); "
         "m = rng.random((4, 5)) < 0.5; u = np.array(['a', 'bb', 'c', 'dd', 'e'])")
    for n in ("a", "f", "m", "u"):
        g.case(f"pm_{n}", n, setup=s)
    g.case("pl_int", "b = a.copy(); np.place(b, m, np.array([100, 200, 300]))", setup=s, result="b")
    g.case("pl_flat_mask", "b = a.copy(); np.place(b, m.ravel(), np.array([7]))", setup=s, result="b")
    g.case("pl_float_into_int", "b = a.copy(); np.place(b, m, np.array([1.5]))", setup=s, result="b")
    g.case("pl_scalar_trunc", "b = a.copy(); np.place(b, m, 2.7)", setup=s, result="b")
    g.case("pl_int8_overflow", "b = a.astype(np.int8); np.place(b, m, 300)", setup=s, result="b")
    g.case("pl_f_strided", "b = f.copy(); np.place(b[::-1, ::2], m[::-1, ::2], np.array([-1.0, -2.0]))", setup=s, result="b")
    g.case("pl_str", "b = u.copy(); np.place(b, b > 'b', np.array(['x', 'yy']))", setup=s, result="b")
    g.case("pl_empty_vals", "b = a.copy(); np.place(b, m, np.array([], dtype=np.int64))", setup=s, result="b")
    g.case("pl_empty_ok", "b = a.copy(); np.place(b, np.zeros_like(m), np.array([], dtype=np.int64))",
           setup=s, result="b")
    g.case("pl_size", "b = a.copy(); np.place(b, m[:2], np.array([1]))", setup=s, result="b")
    g.case("pm_int", "b = a.copy(); np.putmask(b, m, np.array([100, 200, 300]))", setup=s, result="b")
    g.case("pm_flat_mask", "b = a.copy(); np.putmask(b, m.ravel(), np.array([[1, 2], [3, 4]]))", setup=s, result="b")
    g.case("pm_int_mask", "b = a.copy(); np.putmask(b, a, np.array([0]))", setup=s, result="b")
    g.case("pm_float_into_int", "b = a.copy(); np.putmask(b, m, np.array([1.5]))", setup=s, result="b")
    g.case("pm_scalar_trunc", "b = a.copy(); np.putmask(b, m, 2.7)", setup=s, result="b")
    g.case("pm_int8_overflow", "b = a.astype(np.int8); np.putmask(b, m, 300)", setup=s, result="b")
    g.case("pm_safe_widen", "b = f.astype(np.float32); np.putmask(b, m, np.array([1, 2], dtype=np.int16))",
           setup=s, result="b")
    g.case("pm_f_strided", "b = f.copy(); np.putmask(b[::-1, ::2], m[::-1, ::2], np.array([-1.0, -2.0, -3.0]))", setup=s, result="b")
    g.case("pm_str", "b = u.copy(); np.putmask(b, b > 'b', np.array(['x', 'yy']))", setup=s, result="b")
    g.case("pm_empty_vals", "b = a.copy(); np.putmask(b, m, np.array([], dtype=np.int64))", setup=s, result="b")
    g.case("pm_size", "b = a.copy(); np.putmask(b, m[:2], np.array([1]))", setup=s, result="b")
    # choose
    s = ("rng = np.random.default_rng(10); i = rng.integers(-2, 5, (3, 4)); j = rng.integers(0, 3, (3, 4)); "
         "c0 = rng.integers(0, 100, (3, 1)); c1 = rng.standard_normal((1, 4)).astype(np.float32); "
         "c2 = rng.integers(-5, 5, (3, 4)).astype(np.int8)")
    for n in ("i", "j", "c0", "c1", "c2"):
        g.case(f"ch_{n}", n, setup=s)
    g.case("ch_raise", "np.choose(j, [c0, c1, c2])", setup=s)
    g.case("ch_wrap", "np.choose(i, [c0, c1, c2], mode='wrap')", setup=s)
    g.case("ch_clip", "np.choose(i, [c0, c1, c2], mode='clip')", setup=s)
    g.case("ch_int8_scalar", "np.choose(j, [c2, 300, -1])", setup=s)
    g.case("ch_int8_float", "np.choose(j, [c2, c2, 2.5])", setup=s)
    g.case("ch_same", "np.choose(j, (c2, c2 * 2, c2 - 1))", setup=s)
    g.case("ch_strided", "np.choose(j[::-1, ::2], [c2[:, ::2], c2[::-1, 1::2], c0])", setup=s)
    g.case("ch_bool_idx", "np.choose(j > 0, [c0, c1])", setup=s)
    g.case("ch_0d", "np.choose(np.array(1), [c0, c1])", setup=s)
    g.case("ch_empty", "np.choose(np.zeros((0, 4), dtype=int), [c1, c1])", setup=s)
    g.case("ch_str", "np.choose(np.array([0, 1, 1]), [np.array(['a', 'bb', 'c']), np.array(['ccc'])])")
    g.case("ch_invalid", "np.choose(i, [c0, c1, c2])", setup=s)
    g.case("ch_none", "np.choose(j, [])", setup=s)
    g.case("ch_too_many", "np.choose(j, [c0] * 64)", setup=s)
    g.case("ch_63", "np.choose(j, [c0] * 63)", setup=s)
    g.case("ch_float_idx", "np.choose(j.astype(float), [c0, c1, c2])", setup=s)
    g.case("ch_u64_idx", "np.choose(j.astype(np.uint64), [c0, c1, c2])", setup=s)
    g.case("ch_shapes", "np.choose(np.array([0, 1]), [np.arange(3), np.arange(3)])")
    for m in ("foo", "c", "", "CLIP", "wrapx"):
        g.case(f"ch_mode_{m or 'empty'}", f"np.choose(j, [c0, c1, c2], mode={m!r})", setup=s)
