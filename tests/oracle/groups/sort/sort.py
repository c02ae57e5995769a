"""numpy.sort / argsort: every numeric dtype, NaN/±0/inf, ties, stable order, axes, layouts."""

import numpy as np
from _inputs import DTYPES, setup as make_setup

# Small inputs (below the 256-element radix threshold) record sorted values and stable
# indices; large ones (10007 elements, radix path) record the stable indices only, and the
# tests check sorted values as `a[argsort]`, which is NumPy's stable sort by definition
# (this keeps the data small).
LARGE = ["bool", "int8", "int32", "int64", "uint64", "float16", "float32", "float64", "complex128"]


def generate(g):
    for dt in DTYPES:
        setup = make_setup(dt, 100, 100)
        g.case(f"{dt}_small_a", "a", setup=setup)
        g.case(f"{dt}_small_sort", "np.sort(a)", setup=setup)
        g.case(f"{dt}_small_stable", "np.sort(a, kind='stable')", setup=setup)
        g.case(f"{dt}_small_argsort", "np.argsort(a, kind='stable')", setup=setup)
    for dt in LARGE:
        setup = make_setup(dt, 10007, 10007)
        g.case(f"{dt}_large_a", "a", setup=setup)
        g.case(f"{dt}_large_argsort", "np.argsort(a, kind='stable')", setup=setup)
    # axes and layouts
    setup = make_setup("float64", 4 * 5 * 30, 3, (4, 5, 30))
    g.case("nd_a", "a", setup=setup)
    for ax in (0, 1, 2, -1, -3):
        g.case(f"nd_sort_ax{ax}", f"np.sort(a, axis={ax}, kind='stable')", setup=setup)
        g.case(f"nd_argsort_ax{ax}", f"np.argsort(a, axis={ax}, kind='stable')", setup=setup)
    g.case("nd_sort_none", "np.sort(a, axis=None, kind='stable')", setup=setup)
    g.case("nd_argsort_none", "np.argsort(a, axis=None, kind='stable')", setup=setup)
    g.case("nd_sort_T", "np.sort(a.T, kind='stable')", setup=setup)
    g.case("nd_argsort_T", "np.argsort(a.T, axis=1, kind='stable')", setup=setup)
    g.case("nd_sort_strided", "np.sort(a[::2, 1::2, ::-4], axis=1, kind='stable')", setup=setup)
    g.case("nd_argsort_strided", "np.argsort(a[::2, 1::2, ::-4], axis=2, kind='stable')", setup=setup)
    g.case("inplace_ax0", "b = a.copy(); b.sort(axis=0, kind='stable')", setup=setup, result="b")
    g.case("inplace_strided", "b = a.copy(); b[:, ::2].sort(axis=1, kind='stable')", setup=setup, result="b")
    # edge cases
    g.case("empty", "np.sort(np.zeros((3, 0)))")
    g.case("empty_argsort", "np.argsort(np.zeros((0, 4)), axis=0)")
    g.case("zero_d_axis", "np.sort(np.array(5.0))")
    g.case("zero_d_none", "np.sort(np.array(5.0), axis=None)")
    g.case("zero_d_argsort", "np.argsort(np.array(5.0))")
    g.case("zero_d_argsort_ax1", "np.argsort(np.array(5.0), axis=1)")
    g.case("bad_axis", "np.sort(np.zeros((2, 3)), axis=2)")
    g.case("bad_axis_neg", "np.argsort(np.zeros((2, 3)), axis=-3)")
    g.case("bad_kind", "np.sort(np.zeros(3), kind='foo')")
    g.case("bad_kind_empty", "np.sort(np.zeros(3), kind='')")
    g.case("zeros_stable", "np.argsort(np.array([0.0, -0.0, 0.0, -0.0, np.nan, -np.nan]), kind='stable')")
    g.case("zeros_stable_values", "np.sort(np.array([0.0, -0.0, 0.0, -0.0, 1.0, -0.0]), kind='stable')")
    g.case("complex_nan", "np.sort(np.array([complex(np.nan, 1), complex(1, np.nan), complex(np.nan, np.nan), "
           "complex(2, -1), complex(1, 3), complex(np.nan, -1), complex(-1, np.nan)]))")
    g.case("kinds_int", "[np.sort(np.array([3, 1, 2, 1]), kind=k) for k in ('quicksort', 'mergesort', 'heapsort', 'stable')]")
