"""matmul and matrix_power: dtypes, vector promotion, batches, broadcasting, errors."""

PTOL = {
    "f32": {"rtol": 1e-5, "atol": 1e-5},
    "c64": {"rtol": 1e-5, "atol": 1e-5},
    "f64": {"rtol": 1e-13, "atol": 1e-13},
    "c128": {"rtol": 1e-13, "atol": 1e-13},
}
NPT = {
    "f32": "np.float32", "f64": "np.float64", "c64": "np.complex64", "c128": "np.complex128",
    "i64": "np.int64", "i32": "np.int32", "u8": "np.uint8", "i8": "np.int8", "bool": "np.bool_",
}
PAIRS = {
    "mm": ((3, 4), (4, 5)),
    "vm": ((4,), (4, 5)),
    "mv": ((3, 4), (4,)),
    "vv": ((4,), (4,)),
    "bm": ((2, 3, 4), (4, 5)),
    "bb": ((2, 1, 3, 4), (3, 4, 2)),
    "small": ((10, 3, 3), (10, 3, 3)),
    "big": ((70, 65), (65, 66)),
    "k0": ((3, 0), (0, 2)),
    "m0": ((0, 3), (3, 2)),
}
# A wide product (its result cut by rows, not columns, where a product is cut between
# threads) and a stack of large products; odd sizes. (Products large enough to be cut are
# checked exactly against column blocks in the Rust suite.)
SPLIT_PAIRS = {
    "wide": ((41, 77), (77, 123)),
    "bigstack": ((3, 70, 65), (65, 67)),
}


def operands(seed, sa, sb, dt):
    lines = [f"rng = np.random.default_rng({seed})"]
    if dt == "bool":
        lines += [f"a = rng.integers(0, 2, {sa!r}).astype(np.bool_)", f"b = rng.integers(0, 2, {sb!r}).astype(np.bool_)"]
    elif dt in ("i64", "i32", "i8", "u8"):
        hi = 40 if dt in ("i8", "u8") else 1000
        lines += [f"a = rng.integers(0, {hi}, {sa!r}).astype({NPT[dt]})", f"b = rng.integers(0, {hi}, {sb!r}).astype({NPT[dt]})"]
    elif dt.startswith("c"):
        lines += [
            f"a = (rng.standard_normal({sa!r}) + 1j * rng.standard_normal({sa!r})).astype({NPT[dt]})",
            f"b = (rng.standard_normal({sb!r}) + 1j * rng.standard_normal({sb!r})).astype({NPT[dt]})",
        ]
    else:
        lines += [f"a = rng.standard_normal({sa!r}).astype({NPT[dt]})", f"b = rng.standard_normal({sb!r}).astype({NPT[dt]})"]
    return "\n".join(lines)


def pair_cases(g, pairs, seed):
    """Operands and product of every pair for every dtype, seeds from `seed + 1` on;
    returns the last seed used."""
    for dt in NPT:
        tol = PTOL.get(dt, {})
        for pk, (sa, sb) in pairs.items():
            seed += 1
            setup = operands(seed, sa, sb, dt)
            key = f"{dt}_{pk}"
            g.case(f"{key}_a", "a", setup=setup)
            g.case(f"{key}_b", "b", setup=setup)
            g.case(f"{key}_matmul", "np.matmul(a, b)", setup=setup, **tol)
    return seed


def generate(g):
    seed = pair_cases(g, PAIRS, 100)
    pair_cases(g, SPLIT_PAIRS, 900)

    g.case("mixed_i64_f32", "np.matmul(np.array([[1, 2]]), np.array([[0.5], [0.25]], dtype=np.float32))")
    g.case("mixed_u8_i8", "np.matmul(np.array([[200, 2]], dtype=np.uint8), np.array([[3], [-1]], dtype=np.int8))")
    g.case("overflow_i8", "np.matmul(np.array([[100, 100]], dtype=np.int8), np.array([[2], [1]], dtype=np.int8))")
    g.case("err_0d", "np.matmul(np.array(1.0), np.ones(2))")
    g.case("err_0d_b", "np.matmul(np.ones(2), np.array(1.0))")
    g.case("err_core", "np.matmul(np.ones((2, 3)), np.ones((2, 3)))")
    g.case("err_core_vec", "np.matmul(np.ones(3), np.ones(2))")
    g.case("err_broadcast", "np.matmul(np.ones((2, 3, 4)), np.ones((3, 4, 5)))")

    # matrix_power
    for dt in ("f64", "f32", "c128", "i64", "bool"):
        seed += 1
        if dt in ("i64", "bool"):
            setup = operands(seed, (3, 3), (1,), dt)
        else:
            setup = f"rng = np.random.default_rng({seed})\na = (rng.standard_normal((2, 3, 3)) / 2 + np.eye(3)).astype({NPT[dt]})"
            if dt == "c128":
                setup += " * (1 + 0.5j)"
        tol = PTOL.get(dt, {})
        g.case(f"pow_{dt}_a", "a", setup=setup)
        for n in (-3, -1, 0, 1, 2, 3, 4, 5, 13):
            name = f"pow_{dt}_{'m' if n < 0 else ''}{abs(n)}"
            ntol = tol if dt not in ("i64", "bool") else ({"rtol": 1e-12, "atol": 1e-12} if n < 0 else {})
            g.case(name, f"np.linalg.matrix_power(a, {n})", setup=setup, **ntol)
    g.case("pow_err_square", "np.linalg.matrix_power(np.ones((2, 3)), 2)")
    g.case("pow_err_ndim", "np.linalg.matrix_power(np.ones(3), 2)")
    g.case("pow_err_singular", "np.linalg.matrix_power(np.zeros((2, 2)), -1)")
    g.case("pow_0x0", "np.linalg.matrix_power(np.zeros((0, 0)), 3)")

    mv = "rng = np.random.default_rng(31)\na = rng.standard_normal((2, 1, 3, 4))\nv = rng.standard_normal((5, 4))\nw = rng.standard_normal((5, 3)) + 1j * rng.standard_normal((5, 3))"
    g.case("mv_a", "a", setup=mv)
    g.case("mv_v", "v", setup=mv)
    g.case("mv_w", "w", setup=mv)
    g.case("matvec", "np.matvec(a, v)", setup=mv, **PTOL["f64"])
    g.case("vecmat", "np.vecmat(w, a.astype(np.complex128))", setup=mv, **PTOL["c128"])
    g.case("err_matvec_core", "np.matvec(np.ones((2, 3)), np.ones(2))")
    g.case("err_vecmat_core", "np.vecmat(np.ones(2), np.ones((3, 2)))")
    g.case("err_matvec_bcast", "np.matvec(np.ones((2, 2, 3)), np.ones((3, 3)))")
    g.case("err_matvec_ndim", "np.matvec(np.ones(3), np.ones(3))")

    # Sums of -0.0 products: BLAS starts every sum at +0.0, so NumPy's product is +0.0
    # there. No tolerance: compared bit for bit, the sign included.
    nz = {"small": ((2, 5), (5, 2)), "stack": ((10, 3, 3), (10, 3, 3)), "mid": ((6, 5), (5, 7)), "big": ((70, 65), (65, 66))}
    for dt in ("f32", "f64", "c64", "c128"):
        for pk, (sa, sb) in nz.items():
            seed += 1
            neg = f"-(rng.random({sb!r}) + 0.5)" + (" * (1 + 1j)" if dt.startswith("c") else "")
            setup = f"rng = np.random.default_rng({seed})\na = np.zeros({sa!r}, dtype={NPT[dt]})\nb = ({neg}).astype({NPT[dt]})"
            g.case(f"negzero_{dt}_{pk}_b", "b", setup=setup)
            g.case(f"negzero_{dt}_{pk}", "np.matmul(a, b)", setup=setup)
