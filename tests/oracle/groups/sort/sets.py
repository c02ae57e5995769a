"""unique (all options, axis, equal_nan), the array-API unique_* functions, isin and the
set routines."""

import numpy as np
from _inputs import DTYPES, setup as make_setup


def generate(g):
    # 10007 float64 elements take the radix path; the others stay small to keep the data small
    for dt, n in (("float64", 10007), ("int64", 500), ("complex128", 500), ("float32", 500)):
        s = make_setup(dt, n, 21)
        g.case(f"u_{dt}_a", "a", setup=s)
        g.case(f"u_{dt}", "np.unique(a, return_index=True, return_inverse=True, return_counts=True)", setup=s)
        if n < 10000:
            g.case(f"u_{dt}_nonan", "np.unique(a, return_index=True, return_inverse=True, return_counts=True, "
                   "equal_nan=False)", setup=s)
        g.case(f"u_{dt}_values", "np.sort(np.unique_values(a))", setup=s)
    s = make_setup("float64", 120, 22, (4, 30))
    g.case("u2d_a", "a", setup=s)
    g.case("u2d_all", "tuple(np.unique_all(a))", setup=s)
    g.case("u2d_inverse", "tuple(np.unique_inverse(a))", setup=s)
    g.case("u2d_counts", "tuple(np.unique_counts(a))", setup=s)
    g.case("u2d", "np.unique(a, return_inverse=True)", setup=s)
    rows = "r = np.array([[1, 2, 0], [1, 2, 0], [0, 5, 1], [1, 2, -1], [0, 5, 1]])"
    g.case("u_axis0", "np.unique(r, axis=0, return_index=True, return_inverse=True, return_counts=True)", setup=rows)
    g.case("u_axis1", "np.unique(r, axis=1, return_index=True, return_inverse=True, return_counts=True)", setup=rows)
    g.case("u_axis_bad", "np.unique(r, axis=2)", setup=rows)
    g.case("u_0d", "np.unique(np.array(5), return_inverse=True)")
    g.case("u_zeros", "np.unique(np.array([-0.0, 0.0, -0.0]), return_index=True)")
    g.case("u_cnan", "np.unique(np.array([complex(np.nan, 1), complex(1, np.nan), complex(np.nan, 2), 1j]), "
           "return_index=True, return_counts=True)")
    # unique without indices (values, counts) sorts a copy unstably: every radix-keyed dtype,
    # and long float32/int32 inputs (also read as float64/int64) past the two-thread sort
    # threshold; return_index makes NumPy's values the first occurrences (stable)
    for dt in DTYPES:
        if dt.startswith("complex"):
            continue
        s = make_setup(dt, 3001, 31)
        g.case(f"ur_{dt}_a", "a", setup=s)
        for eq in (True, False):
            g.case(f"ur_{dt}_{eq}", f"np.unique(a, return_index=True, return_counts=True, equal_nan={eq})",
                   setup=s)
    s = ("rng = np.random.default_rng(33); n = 210000; b = (rng.integers(-3000, 3000, n) / 8).astype(np.float32); "
         "pick = rng.random(n) < 0.05; "
         "b[pick] = np.array([np.nan, -np.nan, 0.0, -0.0, np.inf, -np.inf], np.float32)[rng.integers(0, 6, pick.sum())]; "
         "c = rng.integers(-3000, 3000, n).astype(np.int32)")
    g.case("ur_long_b", "b", setup=s)
    g.case("ur_long_c", "c", setup=s)
    for name, x in (("f32", "b"), ("f64", "b.astype(np.float64)"), ("i32", "c"), ("i64", "c.astype(np.int64)")):
        g.case(f"ur_long_{name}", f"np.unique({x}, return_index=True, return_counts=True)", setup=s)
    # isin and the set routines
    s = ("rng = np.random.default_rng(23); x = rng.integers(-50, 50, (40, 25)).astype(float); "
         "x[::7, ::3] = np.nan; y = rng.integers(-30, 60, 300).astype(float); y[::11] = np.nan; y[5] = -0.0")
    g.case("s_x", "x", setup=s)
    g.case("s_y", "y", setup=s)
    g.case("isin", "np.isin(x, y)", setup=s)
    g.case("isin_invert", "np.isin(x, y, invert=True)", setup=s)
    # many elements: the batched searches on several threads
    s3 = "rng = np.random.default_rng(34); e = rng.integers(-400, 400, 20011); t = rng.integers(-300, 300, 300)"
    g.case("isin_long_e", "e", setup=s3)
    g.case("isin_long_t", "t", setup=s3)
    g.case("isin_long", "np.isin(e, t)", setup=s3)
    g.case("isin_long_invert", "np.isin(e, t, invert=True)", setup=s3)
    g.case("intersect", "np.intersect1d(x, y)", setup=s)
    g.case("intersect_idx", "np.intersect1d(x, y, return_indices=True)", setup=s)
    g.case("union", "np.union1d(x, y)", setup=s)
    g.case("setdiff", "np.setdiff1d(x, y)", setup=s)
    g.case("setxor", "np.setxor1d(x, y)", setup=s)
    s2 = "p = np.array([5, 1, 9, 3, 7]); q = np.array([9, 2, 5, 8])"
    g.case("intersect_unique", "np.intersect1d(p, q, assume_unique=True, return_indices=True)", setup=s2)
    g.case("setdiff_unique", "np.setdiff1d(p, q, assume_unique=True)", setup=s2)
    g.case("setxor_unique", "np.setxor1d(p, q, assume_unique=True)", setup=s2)
