"""Reductions whose lanes or rows are shared out among threads: float and complex sums
along the innermost axis (NumPy's pairwise loop per lane); datetime and timedelta
reductions on their int64 counts (NaT propagating, partial sums wrapping onto NaT's
count); sums and counts of bool and narrow integers along an outer axis; nanmean. Random
inputs with odd lengths, large enough for several lanes per thread and for the pairwise
blocks' tails."""

PAIRWISE = [("float16", 70, 2003), ("float32", 70, 2003), ("float64", 40, 4001),
            ("complex64", 40, 3301), ("complex128", 33, 4001)]


def random(dt, rows, cols, seed):
    """Setup making `a`: normal values over seven decades (so that the order of the
    additions shows in the bits), a row of -0.0 and one holding an infinity."""
    part = f"rng.standard_normal(({rows}, {cols})) * 10.0 ** rng.integers(-3, 4, ({rows}, {cols}))"
    val = f"{part} + 1j * {part}" if dt.startswith("complex") else part
    return (f"rng = np.random.default_rng({seed}); a = ({val}).astype(np.{dt}); "
            f"a[3] = -0.0; a[5, 7] = np.inf")


def generate(g):
    for k, (dt, rows, cols) in enumerate(PAIRWISE):
        s = random(dt, rows, cols, 12000 + k)
        tag = f"{dt}_sum"
        g.case(f"{tag}_a", "a", setup=s)
        g.case(f"{tag}_1", "np.add.reduce(a, axis=1)", setup=s)
        g.case(f"{tag}_init", "np.add.reduce(a, axis=-1, initial=2.5)", setup=s)
        g.case(f"{tag}_T0", "np.add.reduce(a.T, axis=0)", setup=s)
        g.case(f"{tag}_3d", f"np.add.reduce(a[:{rows // 2 * 2}].reshape(2, {rows // 2}, {cols}), axis=2)", setup=s)
        g.case(f"{tag}_rev", "np.add.reduce(a[::-1], axis=1)", setup=s)
        g.case(f"{tag}_cols", "np.add.reduce(a[:, 1:], axis=1)", setup=s)
        g.case(f"{tag}_mean", "np.mean(a, axis=1)", setup=s)

    # Datetime and timedelta reductions, recorded as their int64 counts: 1-d long enough
    # for the threaded pass, and rows.
    s = ("rng = np.random.default_rng(12100); "
         "c = rng.integers(-2**39, 2**39, 200003); t = c.view('m8[ns]'); d = (c * 4096).view('M8[ns]')")
    g.case("td_a", "c", setup=s)
    g.case("td_sum", "np.sum(t).view('i8')", setup=s)
    g.case("td_sum_init", "np.add.reduce(t, initial=7).view('i8')", setup=s)
    g.case("td_sum_rows", "np.sum(t[:200000].reshape(40, 5000), axis=1).view('i8')", setup=s)
    g.case("td_sum_nat", "u = t.copy(); u[150001] = np.timedelta64('NaT'); r = np.sum(u).view('i8')",
           setup=s, result="r")
    # Partial sums that wrap: onto NaT's count (NaT from there on), and past it.
    g.case("td_sum_to_nat", "u = t.copy(); u[:2] = -2**62; r = np.sum(u).view('i8')", setup=s, result="r")
    g.case("td_sum_wrap", "u = t.copy(); u[:2] = [2**62, 2**62 + 1]; r = np.sum(u).view('i8')",
           setup=s, result="r")
    for op in ["maximum", "minimum", "fmax", "fmin"]:
        g.case(f"dt_{op}", f"np.{op}.reduce(d).view('i8')", setup=s)
        g.case(f"dt_{op}_nat", f"u = d.copy(); u[99999] = np.datetime64('NaT'); r = np.{op}.reduce(u).view('i8')",
               setup=s, result="r")
        g.case(f"dt_{op}_rows", f"u = d[:200000].copy(); u[17] = np.datetime64('NaT'); "
               f"u[5000:10000] = np.datetime64('NaT'); r = np.{op}.reduce(u.reshape(40, 5000), axis=1).view('i8')",
               setup=s, result="r")
    g.case("dt_max_init", "np.maximum.reduce(d[:1001], initial=3).view('i8')", setup=s)
    # Sums and counts along an outer axis, widened to int64/uint64 as they are read.
    for k, dt in enumerate(["bool", "int8", "int16", "int32", "uint8", "uint16", "uint32", "float64"]):
        if dt == "bool":
            s = f"rng = np.random.default_rng({12200 + k}); a = rng.random((61, 3001)) < 0.3"
        elif dt == "float64":
            s = (f"rng = np.random.default_rng({12200 + k}); "
                 f"a = np.where(rng.random((61, 3001)) < 0.4, 0.0, rng.standard_normal((61, 3001)))")
        else:
            s = (f"rng = np.random.default_rng({12200 + k}); a = rng.integers(np.iinfo(np.{dt}).min, "
                 f"np.iinfo(np.{dt}).max, size=(61, 3001), dtype=np.{dt}, endpoint=True)")
        g.case(f"{dt}_wide_a", "a", setup=s)
        if dt != "float64":
            g.case(f"{dt}_wide_sum_0", "np.sum(a, axis=0)", setup=s)
            g.case(f"{dt}_wide_sum_rev", "np.sum(a[::-1, ::-1], axis=0)", setup=s)
            g.case(f"{dt}_wide_sum_3d", "np.sum(a[:60].reshape(3, 20, 3001), axis=1)", setup=s)
            g.case(f"{dt}_wide_sum_init", "np.add.reduce(a, axis=0, initial=11)", setup=s)
        g.case(f"{dt}_wide_count_0", "np.count_nonzero(a, axis=0)", setup=s)
        g.case(f"{dt}_wide_count_3d", "np.count_nonzero(a[:60].reshape(3, 20, 3001), axis=(0, 1))", setup=s)
        # The whole array (C and Fortran order), counted in pieces on several threads.
        g.case(f"{dt}_wide_count_all", "np.count_nonzero(a)", setup=s)
        g.case(f"{dt}_wide_count_all_T", "np.count_nonzero(a.T)", setup=s)
    # NaN counts as non-zero, -0.0 does not.
    for dt in ["float32", "float64"]:
        g.case(f"{dt}_count_nonzero_specials",
               f"np.count_nonzero(np.array([0.0, -0.0, np.nan, 1.0, -np.inf, 1e-40, -0.0], dtype=np.{dt}))")
    # nanmean with 1% NaN, C and F layouts.
    for k, dt in enumerate(["float32", "float64"]):
        s = (f"rng = np.random.default_rng({12300 + k}); "
             f"a = (rng.standard_normal((201, 1001)) * 10.0 ** rng.integers(-3, 4, (201, 1001))).astype(np.{dt}); "
             f"a[rng.random((201, 1001)) < 0.01] = np.nan")
        g.case(f"{dt}_nanmean_a", "a", setup=s)
        g.case(f"{dt}_nanmean", "np.nanmean(a)", setup=s)
        g.case(f"{dt}_nanmean_0", "np.nanmean(a, axis=0)", setup=s)
        g.case(f"{dt}_nanmean_1", "np.nanmean(a, axis=1)", setup=s)
        g.case(f"{dt}_nanmean_T", "np.nanmean(a.T, axis=0)", setup=s)
        g.case(f"{dt}_nanmean_keep", "np.nanmean(a[:, ::2], axis=1, keepdims=True)", setup=s)
