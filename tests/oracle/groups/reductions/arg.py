"""argmin/argmax (first NaN wins), ptp, count_nonzero, cumsum/cumprod and NumPy 2's
cumulative_sum/cumulative_prod (include_initial) for every numeric dtype, with errors."""

from _common import DTYPES, INEXACT, mk


def generate(g):
    for k, dt in enumerate(DTYPES):
        s = mk(dt, (7, 1001), 600 + k)
        if dt in INEXACT:
            # A few NaNs (complex: in either part), so some lanes hold one or more.
            part = "a.real" if dt.startswith("complex") else "a"
            s += f"; {part}[np.random.default_rng({700 + k}).random((7, 1001)) < 0.0004] = np.nan"
        g.case(f"{dt}_a", "a", setup=s)
        # NumPy's complex multiply loop rounds differently (fused multiply-adds in its SIMD
        # kernels) from the table's; the running products drift apart by a few ulps each step.
        cplx = ({"rtol": 1e-5, "atol": 1e-5} if dt == "complex64" else {"rtol": 1e-13, "atol": 1e-13}) if dt.startswith("complex") else {}
        for op in ["argmax", "argmin"]:
            for tag, ax in [("none", "None"), ("0", "0"), ("1", "1"), ("m1", "-1")]:
                g.case(f"{dt}_{op}_{tag}", f"np.{op}(a, axis={ax})", setup=s)
            g.case(f"{dt}_{op}_1_keep", f"np.{op}(a, axis=1, keepdims=True)", setup=s)
            g.case(f"{dt}_{op}_T_0", f"np.{op}(a.T, axis=0)", setup=s)
        for tag, ax in [("none", "None"), ("0", "0"), ("1", "1")]:
            g.case(f"{dt}_ptp_{tag}", f"np.ptp(a, axis={ax})", setup=s)
            g.case(f"{dt}_count_nonzero_{tag}", f"np.count_nonzero(a, axis={ax})", setup=s)
            g.case(f"{dt}_cumsum_{tag}", f"np.cumsum(a, axis={ax})", setup=s)
            g.case(f"{dt}_cumprod_{tag}", f"np.cumprod(a[:, :40], axis={ax})", setup=s, **cplx)
        g.case(f"{dt}_count_nonzero_1_keep", "np.count_nonzero(a, axis=1, keepdims=True)", setup=s)
        g.case(f"{dt}_cumsum_T_1", "np.ascontiguousarray(np.cumsum(a.T, axis=1))", setup=s)
        g.case(f"{dt}_cumulative_sum_0_init", "np.cumulative_sum(a, axis=0, include_initial=True)", setup=s)
        g.case(f"{dt}_cumulative_sum_1", "np.cumulative_sum(a, axis=1)", setup=s)
        g.case(f"{dt}_cumulative_prod_1_init", "np.cumulative_prod(a[:, :40], axis=1, include_initial=True)",
               setup=s, **cplx)
        g.case(f"{dt}_cumulative_sum_1d_init", "np.cumulative_sum(a[0], include_initial=True)", setup=s)
    # NaN rules: the first NaN wins, in either part of a complex number.
    g.case("nan_argmax", "np.argmax(np.array([1.0, np.nan, 5.0, np.nan]))")
    g.case("nan_argmin_first", "np.argmin(np.array([np.nan, -1.0, np.nan]))")
    g.case("nan_argmax_complex", "np.argmax(np.array([1 + 1j, 2 + 0j, complex(1, np.nan), 3 + 0j]))")
    g.case("argmax_ties", "np.argmax(np.array([3, 7, 7, 1, 7]))")
    g.case("argmin_bool", "np.argmin(np.array([True, True, False, False]))")
    # Errors and empty inputs.
    g.case("err_argmax_empty", "np.argmax(np.zeros(0))")
    g.case("err_argmin_empty_axis", "np.argmin(np.zeros((2, 0)), axis=1)")
    g.case("argmax_empty_other_axis", "np.argmax(np.zeros((2, 0)), axis=0)")
    g.case("err_argmax_axis", "np.argmax(np.zeros((2, 3)), axis=2)")
    g.case("err_ptp_bool", "np.ptp(np.array([True, False]))")
    g.case("err_ptp_empty", "np.ptp(np.zeros((0, 3)), axis=0)")
    g.case("err_cumulative_sum_2d", "np.cumulative_sum(np.ones((2, 2)))")
    g.case("err_cumsum_axis", "np.cumsum(np.ones((2, 2)), axis=-3)")
    g.case("cumsum_empty_int8", "np.cumsum(np.zeros((0, 3), dtype=np.int8), axis=0)")
    g.case("cumsum_0d", "np.cumsum(np.float64(3.0))")
    g.case("cumulative_prod_0d_init", "np.cumulative_prod(np.int32(3), include_initial=True)")
    g.case("count_nonzero_empty", "np.count_nonzero(np.zeros((0, 3)), axis=0)")
    # average: weights of a's shape or along the axes, returned, keepdims, errors.
    for k, dt in enumerate(["int16", "float32", "float64", "complex128"]):
        s = mk(dt, (5, 301), 1000 + k) + f"; w = np.random.default_rng({1100 + k}).random((5, 301)) + 0.1"
        g.case(f"avg_{dt}_a", "a", setup=s)
        g.case(f"avg_{dt}_w", "w", setup=s)
        g.case(f"avg_{dt}_plain_none", "np.average(a, returned=True)", setup=s)
        g.case(f"avg_{dt}_plain_1", "np.average(a, axis=1, returned=True)", setup=s)
        g.case(f"avg_{dt}_w_none", "np.average(a, weights=w, returned=True)", setup=s)
        g.case(f"avg_{dt}_w_0", "np.average(a, axis=0, weights=w, returned=True)", setup=s)
        g.case(f"avg_{dt}_w1d_1", "np.average(a, axis=1, weights=w[0], returned=True)", setup=s)
        g.case(f"avg_{dt}_w_1_keep", "np.average(a, axis=1, weights=w, keepdims=True, returned=True)", setup=s)
    g.case("err_avg_zero", "np.average(np.ones(3), weights=np.array([1.0, -1.0, 0.0]))")
    g.case("err_avg_axis", "np.average(np.ones((2, 3)), weights=np.ones(3))")
    g.case("err_avg_shape", "np.average(np.ones((2, 3)), axis=1, weights=np.ones(2))")
