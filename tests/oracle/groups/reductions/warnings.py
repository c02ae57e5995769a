"""NumPy's RuntimeWarnings from reductions and statistics: empty slices, ddof >= n, all-NaN
slices. Each case records the warning messages a call gave (floating-point conditions
"... encountered in ..." left out: they come from the error state, checked elsewhere)
next to the call's result."""

CALLS = [
    ("mean_empty", "np.mean(np.array([]))"),
    ("mean_empty_axis", "np.mean(np.zeros((0, 3)), axis=0)"),
    ("mean_ok", "np.mean(np.arange(4.0))"),
    ("var_ddof", "np.var(np.array([1.0]), ddof=1)"),
    ("std_ddof2", "np.std(np.array([1.0, 2.0]), ddof=2)"),
    ("var_ok", "np.var(np.array([1.0, 2.0]), ddof=1)"),
    ("nanmean_all_nan", "np.nanmean(np.array([np.nan, np.nan]))"),
    ("nanmean_rows", "np.nanmean(np.array([[np.nan, 1.0], [np.nan, 2.0]]), axis=0)"),
    ("nanmax_all_nan", "np.nanmax(np.array([np.nan, np.nan]))"),
    ("nanmin_cols", "np.nanmin(np.array([[np.nan, 1.0], [np.nan, 2.0]]), axis=0)"),
    ("nanmax_ok", "np.nanmax(np.array([np.nan, 3.0]))"),
    ("nanvar_ddof", "np.nanvar(np.array([np.nan, 1.0]), ddof=1)"),
    ("nanstd_all_nan", "np.nanstd(np.array([np.nan, np.nan]))"),
    ("nanmedian_all_nan", "np.nanmedian(np.array([np.nan, np.nan]))"),
    ("nanpercentile_all_nan", "np.nanpercentile(np.array([[np.nan, np.nan], [1.0, 2.0]]), 50, axis=1)"),
]


def generate(g):
    setup = "import warnings"
    for name, call in CALLS:
        code = ("with warnings.catch_warnings(record=True) as w:\n"
                "    warnings.simplefilter('always')\n"
                f"    r = {call}\n"
                "msgs = [str(x.message) for x in w if ' encountered in ' not in str(x.message)]")
        g.case(f"{name}_warnings", code, setup=setup, result="msgs")
        g.case(f"{name}_result", code, setup=setup, result="r")
