"""searchsorted, partition/argpartition (the kth values), lexsort and sort_complex."""

import numpy as np
from _inputs import DTYPES, setup as make_setup


def generate(g):
    # searchsorted: a sorted haystack with ties and NaNs, needles of every kind
    s = make_setup("float64", 3000, 5) + "\nh = np.sort(a[:2000]); v = a[2000:]"
    g.case("ss_h", "h", setup=s)
    g.case("ss_v", "v", setup=s)
    g.case("ss_left", "np.searchsorted(h, v)", setup=s)
    g.case("ss_right", "np.searchsorted(h, v, side='right')", setup=s)
    g.case("ss_sorted_needles", "np.searchsorted(h, np.sort(v), side='right')", setup=s)
    g.case("ss_2d_needles", "np.searchsorted(h, v[:600].reshape(20, 30))", setup=s)
    s2 = make_setup("int64", 500, 6) + "\nsorter = np.argsort(a, kind='stable'); v = np.array([-5, 0, 3, 5, 2**62])"
    g.case("ss_sorter_a", "a", setup=s2)
    g.case("ss_sorter_left", "np.searchsorted(a, v, sorter=sorter)", setup=s2)
    g.case("ss_sorter_right", "np.searchsorted(a, v, side='right', sorter=sorter)", setup=s2)
    g.case("ss_scalar", "np.searchsorted(np.array([1, 2, 2, 3]), 2, side='right')")
    g.case("ss_empty", "np.searchsorted(np.array([], dtype=np.int64), np.array([1, 2]))")
    g.case("ss_complex", "np.searchsorted(np.sort(np.array([1+1j, complex(1, np.nan), complex(np.nan, 0), 0j])), "
           "np.array([1+2j, complex(np.nan, 5), 1+0j]))")
    g.case("ss_too_deep", "np.searchsorted(np.zeros((2, 2)), 1.0)")
    g.case("ss_sorter_size", "np.searchsorted(np.arange(5.0), 1.0, sorter=np.array([0, 1]))")
    g.case("ss_bad_side", "np.searchsorted(np.arange(5.0), 1.0, side='x')")
    # many needles per dtype: batched searches with their tails, on several threads (the
    # indices fit int16, which keeps the data small)
    for dt in DTYPES:
        s = make_setup(dt, 18012, 41) + "\nh = np.sort(a[:1001]); v = a[1001:]"
        g.case(f"ssb_{dt}_h", "h", setup=s)
        g.case(f"ssb_{dt}_v", "v", setup=s)
        for side in ("left", "right"):
            g.case(f"ssb_{dt}_{side}", f"np.searchsorted(h, v, side={side!r}).astype(np.int16)", setup=s)
    # partition: NumPy's arrangement is unspecified; the kth values are not
    s3 = make_setup("float64", 10007, 8)
    g.case("part_a", "a", setup=s3)
    for k in (0, 5000, 10006, -1, -300):
        g.case(f"part_k{k}", f"np.partition(a, {k})[{k}]", setup=s3)
    g.case("part_multi", "np.partition(a, [3, 9000, 77, 77])[[3, 77, 9000]]", setup=s3)
    g.case("part_kth_oob", "np.partition(np.arange(5.0), 5)")
    g.case("part_kth_neg_oob", "np.partition(np.arange(5.0), -6)")
    g.case("part_multi_oob", "np.partition(np.arange(5.0), [1, 7])")
    g.case("part_0d", "np.partition(np.array(3.0), 0)")
    g.case("part_axis", "np.partition(np.arange(5.0), 1, axis=1)")
    # lexsort
    s4 = ("rng = np.random.default_rng(9); k0 = rng.integers(0, 4, 3000); k1 = rng.integers(0, 5, 3000); "
          "k2 = rng.standard_normal(3000).round(1)")
    g.case("lex_k0", "k0", setup=s4)
    g.case("lex_k1", "k1", setup=s4)
    g.case("lex_k2", "k2", setup=s4)
    g.case("lex_int", "np.lexsort((k0, k1))", setup=s4)
    g.case("lex_mixed", "np.lexsort((k2, k0, k1))", setup=s4)
    g.case("lex_2d", "np.lexsort((k0.reshape(30, 100), k1.reshape(30, 100)), axis=0)", setup=s4)
    g.case("lex_shape", "np.lexsort([np.zeros(3), np.zeros(4)])")
    g.case("lex_empty", "np.lexsort([])")
    # sort_complex
    for dt in ("int8", "uint16", "int32", "float32", "float64", "complex64"):
        g.case(f"sc_{dt}", f"np.sort_complex(np.array([3, 10, 2, 0, 7], dtype=np.{dt}))")
    g.case("sc_nan", "np.sort_complex(np.array([np.nan, 1.0, -0.0, np.inf, 0.5]))")
