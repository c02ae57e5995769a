"""The elementwise helpers beside the ufuncs: clip, isclose, allclose, nan_to_num, real,
imag, angle, real_if_close, round/around and select, against NumPy 2: random inputs per
dtype at lengths past the SIMD blocks (1003), special values, broadcasting, and NumPy's
errors. The input of a dtype is the case `x/<dtype>` (with `clip/<dtype>/arrays/lo`, `/hi` and
`isclose/<dtype>/x`, `/y`)."""

NUMERIC = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
           "float16", "float32", "float64", "complex64", "complex128")
FLOATS = ("float16", "float32", "float64")


def rand(t, n, seed, scale=50):
    rng = f"rng = np.random.default_rng({seed})"
    if t.startswith(("int", "uint")):
        lo = 0 if t.startswith("u") else -scale
        return f"{rng}; x = rng.integers({lo}, {scale}, {n}).astype(np.{t})"
    if t.startswith("float"):
        return (f"{rng}; x = rng.standard_normal({n}) * {scale / 2}; x[:6] = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1e-310]; "
                f"x = x.astype(np.{t})")
    return (f"{rng}; x = rng.standard_normal({n}) * {scale / 2} + 1j * rng.standard_normal({n}) * {scale / 2}; "
            f"x[:4] = [complex(np.nan, 1), complex(1, np.inf), complex(-np.inf, np.nan), 0]; x = x.astype(np.{t})")


def generate(g):
    seed = 9000
    for t in NUMERIC:
        seed += 1
        s = rand(t, 1003, seed)
        g.case(f"x/{t}", "x", setup=s)
        g.case(f"clip/{t}/scalars", "np.clip(x, 3, 20)", setup=s)
        g.case(f"clip/{t}/lo_only", "np.clip(x, 3, None)", setup=s)
        g.case(f"clip/{t}/hi_only", "np.clip(x, None, 20)", setup=s)
        g.case(f"clip/{t}/none", "np.clip(x, None, None)", setup=s)
        g.case(f"clip/{t}/float_bounds", "np.clip(x, -2.5, 7.5)", setup=s)
        s2 = s + f"; lo = rng.integers(-10, 10, 1003).astype(np.{t}); hi = lo + np.array(5).astype(np.{t})"
        g.case(f"clip/{t}/arrays/lo", "lo", setup=s2)
        g.case(f"clip/{t}/arrays/hi", "hi", setup=s2)
        g.case(f"clip/{t}/arrays", "np.clip(x, lo, hi)", setup=s2)
        for d in (-2, -1, 0, 1, 3):
            g.case(f"round/{t}/{d}", f"np.round(x, {d})", setup=s)
        g.case(f"nan_to_num/{t}/default", "np.nan_to_num(x)", setup=s)
        g.case(f"nan_to_num/{t}/values", "np.nan_to_num(x, nan=-1.5, posinf=1e10, neginf=-7.0)", setup=s)
        g.case(f"parts/{t}/real", "np.real(x).copy()", setup=s)
        g.case(f"parts/{t}/imag", "np.imag(x).copy()", setup=s)
        # (float32 angles: NumPy's arctan2 kernel is a few ulp from the true value.)
        g.case(f"parts/{t}/angle", "np.angle(x)", setup=s, ulp=4)
        g.case(f"parts/{t}/angle_deg", "np.angle(x, deg=True)", setup=s, ulp=4)
        seed += 1
        sy = s + f"; y = x + (rng.standard_normal(1003) * 1e-6 * np.abs(x.astype(np.complex128) + 1)).astype(x.dtype if x.dtype.kind in 'fc' else np.float64)"
        g.case(f"isclose/{t}/x", "x", setup=sy)
        g.case(f"isclose/{t}/y", "y", setup=sy)
        g.case(f"isclose/{t}/default", "np.isclose(x, y)", setup=sy)
        g.case(f"isclose/{t}/equal_nan", "np.isclose(x, y, rtol=1e-7, atol=0.0, equal_nan=True)", setup=sy)
        g.case(f"isclose/{t}/allclose", "np.allclose(x, y, rtol=1e-3, atol=1e-5)", setup=sy)
    for t in ("bool",):
        s = "x = np.array([True, False, True])"
        g.case("x/bool", "x", setup=s)
        g.case("clip/bool/scalars", "np.clip(x, 0, 1)", setup=s)
        g.case("clip/bool/none", "np.clip(x, None, None)", setup=s)
        g.case("round/bool/0", "np.round(x)", setup=s)
        g.case("round/bool/1", "np.round(x, 1)", setup=s)
        g.case("round/bool/-1", "np.round(x, -1)", setup=s)
    # clip specifics: NaN bounds, out-of-range Python ints, broadcasting.
    misc = "f = np.array([np.nan, 1.0, -3.0, 0.25]); i = np.array([1, 50, 120], dtype=np.int8); u = np.array([0, 7, 200], dtype=np.uint8)"
    for k, v in {
        "clip_nan_lo": "np.clip(f, np.nan, 2)",
        "clip_nan_hi": "np.clip(f, 0, np.nan)",
        "clip_int8_300": "np.clip(i, 10, 300)",
        "clip_int8_minus_1000": "np.clip(i, -1000, 100)",
        "clip_uint8_minus1": "np.clip(u, -1, 100)",
        "clip_int8_overflow": "np.clip(i, 200, 300)",
        "clip_crossed": "np.clip(f, 1, 0)",
        "clip_broadcast": "np.clip(f, np.array([[0.0], [0.5]]), 1.0)",
        "clip_bad_shape": "np.clip(f, np.zeros(3), 1.0)",
        "isclose_scalars": "np.isclose(1, 1.0 + 1e-9)",
        "isclose_broadcast": "np.isclose(f.reshape(4, 1), np.array([1.0, 0.25]))",
        "isclose_bad_shape": "np.isclose(f, np.zeros(3))",
        "isclose_int_min": "np.isclose(np.array([-128, 127], dtype=np.int8), np.array([-128, 127], dtype=np.int8))",
        "allclose_empty": "np.allclose(np.zeros(0), np.zeros(0))",
        "real_if_close_c128": "np.real_if_close(np.array([1 + 1e-15j, 2 - 3e-15j]))",
        "real_if_close_c64": "np.real_if_close(np.array([1 + 1e-6j, 2 + 0j], dtype=np.complex64))",
        "real_if_close_far": "np.real_if_close(np.array([1 + 1e-10j, 2 + 0j]))",
        "real_if_close_tol": "np.real_if_close(np.array([1 + 1e-10j, 2 + 0j]), tol=1e-9)",
        "real_if_close_real": "np.real_if_close(i)",
        "angle_bool": "np.angle(np.array([True, False]))",
        "select_basic": "np.select([f > 0, f < 0], [f, f * 10], -1.0)",
        "select_weak_default": "np.select([i > 5], [i], 2)",
        "select_promote": "np.select([i > 5, i > 100], [i, u], 0.5)",
        "select_broadcast": "np.select([np.array([[True], [False]]), f > 0], [f, 7.0], -1.0)",
        "select_lengths": "np.select([i > 5], [i, i])",
        "select_empty": "np.select([], [])",
        "select_not_bool": "np.select([i], [i])",
        "select_bad_shape": "np.select([np.ones(3, bool), np.ones(4, bool)], [1, 2])",
    }.items():
        g.case(k, v, setup=misc)
    # sinc per dtype (SIMD lengths, zeros among the values); unwrap along each axis.
    for t in ("int8", "int64", "float16", "float32", "float64", "complex64", "complex128"):
        seed += 1
        s = rand(t, 1003, seed, scale=8) + "; x[10:13] = 0"
        g.case(f"sinc/{t}/x", "x", setup=s)
        g.case(f"sinc/{t}", "np.sinc(x)", setup=s, ulp=4)
    for t in ("float32", "float64", "int64"):
        seed += 1
        s = (f"rng = np.random.default_rng({seed}); x = np.cumsum(rng.uniform(-4, 4, (7, 301)), axis=1)"
             f"; x[0, :4] = [0, np.pi, 2 * np.pi, -np.pi]; x = (x * (10 if '{t}' == 'int64' else 1)).astype(np.{t})")
        g.case(f"unwrap/{t}/x", "x", setup=s)
        g.case(f"unwrap/{t}/last", "np.unwrap(x)", setup=s, ulp=2)
        g.case(f"unwrap/{t}/axis0", "np.unwrap(x, axis=0)", setup=s, ulp=2)
        g.case(f"unwrap/{t}/discont", "np.unwrap(x, discont=4.0, axis=1)", setup=s, ulp=2)
        g.case(f"unwrap/{t}/period", "np.unwrap(x, period=360.0)", setup=s, ulp=2)
    g.case("unwrap_axis_error", "np.unwrap(np.zeros((2, 3)), axis=2)")
    g.case("unwrap_one", "np.unwrap(np.array([5.0]))")
    # piecewise: functions of the selected elements, constants, the "otherwise" piece.
    pw = "rng = np.random.default_rng(9900); x = rng.standard_normal(1003) * 3; k = rng.integers(-50, 50, 1003)"
    g.case("piecewise/x", "x", setup=pw)
    g.case("piecewise/k", "k", setup=pw)
    g.case("piecewise_abs", "np.piecewise(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v])", setup=pw)
    g.case("piecewise_otherwise", "np.piecewise(x, [x < -1, x > 1], [-1.0, 1.0, lambda v: v * 2])", setup=pw)
    g.case("piecewise_int", "np.piecewise(k, [k % 2 == 0], [lambda v: v * 10, 7])", setup=pw)
    g.case("piecewise_none_selected", "np.piecewise(x, [x > 100], [lambda v: v * 0 + 5])", setup=pw)
    g.case("piecewise_count", "np.piecewise(x, [x < 0], [1.0, 2.0, 3.0])", setup=pw)
