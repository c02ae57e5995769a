"""Values of the binary math ufuncs (power, arctan2, hypot, logaddexp, logaddexp2, copysign,
nextafter, heaviside, ldexp) against NumPy: random operands per float dtype at lengths that
run the SIMD bodies and their tails (1, 7, 8, 9, 33, 1003), with special values (NaN, +-inf,
+-0, subnormals, huge and tiny numbers) mixed in; integer `power` per integer dtype; weak
scalars and broadcasting; NumPy's errors.

Case names: `<ufunc>/<dtype>/<n>` with the input cases `<ufunc>/<dtype>/<n>/x` and `/y`.
"""

FUNCS = ("power", "arctan2", "hypot", "logaddexp", "logaddexp2", "copysign", "nextafter", "heaviside")
FLOATS = ("float16", "float32", "float64")
SIZES = (1, 7, 8, 9, 33, 1003)
# ULP bounds per float dtype (NumPy's float32/float64 power, arctan2 and hypot are vector
# kernels of its own, float32 up to a few ulp from the true value; nprs computes float32 in
# float64 and rounds once). Unlisted: bit for bit.
TOL = {"power": {"float32": 4, "float64": 1}, "arctan2": {"float32": 4, "float64": 1},
       "hypot": {"float32": 4, "float64": 1}}
SPECIALS = "[np.nan, np.inf, -np.inf, 0.0, -0.0, 5e-324, 1e300, -1e300, 1e-300, 1.0, -1.0, 2.0, 0.5, 65504.0, 1e-8]"


def operands(name, t, n, seed):
    rng = f"rng = np.random.default_rng({seed}); sp = np.array({SPECIALS})"
    if name == "power":
        x = f"rng.uniform(0, 4, {n})"
        y = f"rng.uniform(-6, 6, {n})"
    elif name in ("logaddexp", "logaddexp2"):
        x = f"rng.standard_normal({n}) * 30"
        y = f"rng.standard_normal({n}) * 30"
    else:
        x = f"rng.standard_normal({n}) * 10"
        y = f"rng.standard_normal({n}) * 10"
    mix = ""
    if n >= 8:
        # Specials at random places of both operands (every pair of them at n = 1003).
        mix = (f"; i = rng.integers(0, {n}, {n} // 4); x[i] = sp[rng.integers(0, len(sp), len(i))]"
               f"; j = rng.integers(0, {n}, {n} // 4); y[j] = sp[rng.integers(0, len(sp), len(j))]")
    if n == 1003:
        mix += "; k = np.arange(225); x[:225] = sp[k // 15]; y[:225] = sp[k % 15]"
    return f"{rng}; x = {x}; y = {y}{mix}; x = x.astype(np.{t}); y = y.astype(np.{t})"


def generate(g):
    seed = 7000
    for name in FUNCS:
        for t in FLOATS:
            for n in SIZES:
                seed += 1
                setup = operands(name, t, n, seed)
                base = f"{name}/{t}/{n}"
                g.case(f"{base}/x", "x", setup=setup)
                g.case(f"{base}/y", "y", setup=setup)
                g.case(base, f"np.{name}(x, y)", setup=setup, ulp=TOL.get(name, {}).get(t))
    # ldexp: every float dtype with int32 and int64 exponents (past the exponent range too).
    for t in FLOATS:
        for e in ("int32", "int64"):
            seed += 1
            setup = (f"rng = np.random.default_rng({seed}); x = (rng.standard_normal(1003) * 10).astype(np.{t}); "
                     f"x[:6] = [np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0]; "
                     f"y = rng.integers(-1100, 1100, 1003).astype(np.{e}); y[6:10] = [-2**31 if '{e}' == 'int32' else -2**40, 2**31 - 1 if '{e}' == 'int32' else 2**40, 0, 1]")
            base = f"ldexp/{t}/{e}"
            g.case(f"{base}/x", "x", setup=setup)
            g.case(f"{base}/y", "y", setup=setup)
            g.case(base, "np.ldexp(x, y)", setup=setup)
    # Integer power: non-negative exponents (wrapping), per integer dtype and length.
    for t in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
        for n in (7, 1003):
            seed += 1
            setup = (f"rng = np.random.default_rng({seed}); x = rng.integers(-50 if '{t}'[0] == 'i' else 0, 50, {n}).astype(np.{t}); "
                     f"y = rng.integers(0, 70, {n}).astype(np.{t})")
            base = f"power/{t}/{n}"
            g.case(f"{base}/x", "x", setup=setup)
            g.case(f"{base}/y", "y", setup=setup)
            g.case(base, "np.power(x, y)", setup=setup)
    # Complex power (small integer exponents take NumPy's repeated multiplication).
    for t in ("complex64", "complex128"):
        seed += 1
        setup = (f"rng = np.random.default_rng({seed}); x = (rng.standard_normal(40) + 1j * rng.standard_normal(40)).astype(np.{t}); "
                 f"y = (rng.standard_normal(40) + 1j * rng.standard_normal(40)).astype(np.{t}); "
                 f"y[:8] = [0, 1, 2, 3, -1, -2, 0.5, 1j]")
        base = f"power/{t}/40"
        g.case(f"{base}/x", "x", setup=setup)
        g.case(f"{base}/y", "y", setup=setup)
        g.case(base, "np.power(x, y)", setup=setup)
    # Errors, weak scalars, broadcasting, aliases, identities.
    small = "a = np.array([2, 3, -4], dtype=np.int64); f = np.array([0.5, 2.0, 4.0])"
    cases = {
        "power_int_negative": "np.power(a, np.array([1, -1, 2]))",
        "power_int_negative_scalar": "np.power(a, -2)",
        "power_int8_weak": "np.power(a.astype(np.int8), 3)",
        "power_int8_weak_float": "np.power(a.astype(np.int8), 0.5)",
        "power_bool_weak_int": "np.power(np.array([True, False]), 2)",
        "power_float32_weak_complex": "np.power(f.astype(np.float32), 1j)",
        "power_broadcast": "np.power(f.reshape(3, 1), np.array([0.0, 1.0, -1.0, 2.5]))",
        "arctan2_int8_weak_int": "np.arctan2(a.astype(np.int8), 1)",
        "arctan2_weak_int_first": "np.arctan2(1, a.astype(np.int16))",
        "hypot_bool_weak_int": "np.hypot(np.array([True, False]), 3)",
        "ldexp_float16_weak_int": "np.ldexp(f.astype(np.float16), 3)",
        "ldexp_weak_float_int8": "np.ldexp(1.5, a.astype(np.int8))",
        "ldexp_float_exponent": "np.ldexp(f, f)",
        "copysign_int_weak_float": "np.copysign(a, -1.0)",
        "logaddexp_reduce": "np.logaddexp.reduce(f)",
        "logaddexp_reduce_empty": "np.logaddexp.reduce(np.array([]))",
        "hypot_reduce_empty": "np.hypot.reduce(np.array([]))",
        "power_accumulate_negative": "np.power.accumulate(np.array([2, -1, 3]))",
        "power_outer": "np.power.outer(np.array([1, 2, 3]), np.array([0, 1, 2]))",
    }
    for k, v in cases.items():
        g.case(k, v, setup=small, ulp=1 if k.startswith("power") else 4 if k.startswith("arctan2") else None)
