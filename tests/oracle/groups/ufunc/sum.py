"""numpy.sum over all elements: pairwise float summation, integer result types."""

import numpy as np


def generate(g):
    for n in (0, 1, 5, 8, 9, 17, 100, 128, 129, 300, 1000, 8192, 8193, 20011):
        setup = f"a = np.random.default_rng({n}).standard_normal({n})"
        g.case(f"f64_n{n}_a", "a", setup=setup)
        g.case(f"f64_n{n}", "np.sum(a)", setup=setup)
        g.case(f"f32_n{n}", "np.sum(a.astype(np.float32))", setup=setup)
    setup = "a = np.random.default_rng(11).standard_normal((40, 1001))"
    g.case("f64_2d_a", "a", setup=setup)
    g.case("f64_2d", "np.sum(a)", setup=setup)
    g.case("f64_2d_T", "np.sum(a.T)", setup=setup)
    g.case("f64_2d_cols", "np.sum(a[:, ::2])", setup=setup)
    g.case("f64_2d_rows", "np.sum(a[::2, :])", setup=setup)
    g.case("f64_1d_strided", "np.sum(a.ravel()[::3])", setup=setup)
    g.case("neg_zero", "np.sum(np.array([-0.0]))")
    g.case("empty", "np.sum(np.array([], dtype=np.float64))")
    g.case("nan", "np.sum(np.array([1.0, np.nan, 2.0]))")
    g.case("int8", "np.sum(np.array([100, 100, 100, -128], dtype=np.int8))")
    g.case("uint8", "np.sum(np.array([200, 200, 255], dtype=np.uint8))")
    g.case("int64_wrap", "np.sum(np.array([9223372036854775807, 1], dtype=np.int64))")
    g.case("bool", "np.sum(np.array([True, False, True, True]))")
    g.case("float16", "np.sum(np.array([0.1, 0.2, 65504.0, 10.0], dtype=np.float16))")
    # Random values per float type, 10^4 of them: NumPy sums float16 pairwise in float32
    # precision and rounds once per inner loop, so a float16 sum done in float16 (or
    # rounded per block) differs from it. `big` values (x and -x, shuffled) overflow
    # float16 partial sums but not float32 ones.
    for t in ("float16", "float32", "float64"):
        setup = f"rng = np.random.default_rng(12); a = rng.standard_normal(10000).astype(np.{t})"
        g.case(f"{t}_rand_a", "a", setup=setup)
        g.case(f"{t}_rand", "np.sum(a)", setup=setup)
        setup = f"rng = np.random.default_rng(13); a = rng.uniform(0, 1, 10000).astype(np.{t})"
        g.case(f"{t}_rand_pos_a", "a", setup=setup)
        g.case(f"{t}_rand_pos", "np.sum(a)", setup=setup)
        # Non-contiguous 2-d: NumPy's buffered chunks of whole rows.
        setup = f"rng = np.random.default_rng(14); a = (rng.standard_normal((40, 1001)) * 50).astype(np.{t})"
        g.case(f"{t}_rand_2d_a", "a", setup=setup)
        g.case(f"{t}_rand_2d_cols", "np.sum(a[:, ::2])", setup=setup)
        g.case(f"{t}_rand_2d_T", "np.sum(a.T)", setup=setup)
    setup = ("rng = np.random.default_rng(15); x = rng.uniform(0, 6e4, 5000).astype(np.float16); "
             "a = rng.permutation(np.concatenate([x, -x]))")
    g.case("float16_big_a", "a", setup=setup)
    g.case("float16_big", "np.sum(a)", setup=setup)
