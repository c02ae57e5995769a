"""The NaN-aware reductions: nansum, nanprod, nanmin, nanmax, nanargmin, nanargmax,
nanmean, nanvar, nanstd, nancumsum, nancumprod — random inputs with NaNs, an all-NaN row
and column, integer and bool inputs (no NaN), and NumPy's errors."""

from _common import INEXACT, mk


def generate(g):
    for k, dt in enumerate(INEXACT):
        s = mk(dt, (7, 1001), 800 + k)
        s += f"; a[np.random.default_rng({900 + k}).random((7, 1001)) < 0.03] = np.nan; a[3] = np.nan; a[:, 5] = np.nan"
        # Complex products and squares go through NumPy's complex multiply loop, whose
        # rounding differs from the table's in the last bits.
        tol = ({"rtol": 1e-5, "atol": 1e-5} if dt == "complex64" else {"rtol": 1e-13, "atol": 1e-13}) \
            if dt.startswith("complex") else {}
        g.case(f"{dt}_a", "a", setup=s)
        for tag, ax in [("none", "None"), ("0", "0"), ("1", "1")]:
            for op in ["nansum", "nanmax", "nanmin", "nanmean"]:
                g.case(f"{dt}_{op}_{tag}", f"np.{op}(a, axis={ax})", setup=s)
            for op in ["nanvar", "nanstd"]:
                g.case(f"{dt}_{op}_{tag}", f"np.{op}(a, axis={ax})", setup=s, **tol)
                g.case(f"{dt}_{op}_ddof1_{tag}", f"np.{op}(a, axis={ax}, ddof=1)", setup=s, **tol)
            g.case(f"{dt}_nanprod_{tag}", f"np.nanprod(a[:, :40], axis={ax})", setup=s, **tol)
            g.case(f"{dt}_nancumsum_{tag}", f"np.nancumsum(a, axis={ax})", setup=s)
            g.case(f"{dt}_nancumprod_{tag}", f"np.nancumprod(a[:, :40], axis={ax})", setup=s, **tol)
            for op in ["nanargmax", "nanargmin"]:
                g.case(f"{dt}_{op}_{tag}", f"np.{op}(a[:3, 6:], axis={ax})", setup=s)
        g.case(f"{dt}_nanmean_1_keep", "np.nanmean(a, axis=1, keepdims=True)", setup=s)
        g.case(f"{dt}_nanvar_ddof_big", "np.nanvar(a, axis=0, ddof=6)", setup=s, **tol)
        g.case(f"{dt}_err_nanargmax_all_nan", "np.nanargmax(a, axis=1)", setup=s)
        g.case(f"{dt}_err_nanargmin_all_nan", "np.nanargmin(a, axis=0)", setup=s)
    # Integers and bool hold no NaN: the ordinary reductions.
    for k, dt in enumerate(["int16", "uint8", "bool"]):
        s = mk(dt, (7, 1001), 950 + k)
        g.case(f"{dt}_a", "a", setup=s)
        for tag, ax in [("none", "None"), ("1", "1")]:
            for op in ["nansum", "nanmean", "nanvar", "nanmax", "nanargmin", "nancumsum"]:
                g.case(f"{dt}_{op}_{tag}", f"np.{op}(a, axis={ax})", setup=s)
    g.case("err_nanmax_empty", "np.nanmax(np.zeros((0, 3)), axis=0)")
    g.case("nanmean_all_nan", "np.nanmean(np.array([np.nan, np.nan]))")
