"""histogram2d and histogramdd: random points per dtype (float64, float32, int64), equal
bins from the data or range=, explicit edges, weights, density, outliers and points on the
last edge, and errors."""

import numpy as np


def generate(g):
    for k, dt in enumerate(["float64", "float32", "int64"]):
        s = (f"rng = np.random.default_rng({k}); "
             f"p = (rng.standard_normal((501, 3)) * 10).astype({dt!r}); w = rng.random(501); "
             "x = p[:, 0].copy(); y = p[:, 1].copy()")
        g.case(f"p_{dt}", "p", setup=s)
        g.case(f"w_{dt}", "w", setup=s)
        g.case(f"x_{dt}", "x", setup=s)
        g.case(f"y_{dt}", "y", setup=s)
        g.case(f"dd_{dt}", "np.histogramdd(p)", setup=s)
        g.case(f"dd_{dt}_bins", "np.histogramdd(p, bins=[3, 5, 4])", setup=s)
        g.case(f"dd_{dt}_range", "np.histogramdd(p, bins=4, range=[(-10, 10), (-5.5, 5.5), (0, 20)])", setup=s)
        g.case(f"dd_{dt}_w", "np.histogramdd(p, bins=6, weights=w)", setup=s)
        g.case(f"dd_{dt}_density", "np.histogramdd(p, bins=[3, 4, 5], density=True)", setup=s)
        g.case(f"dd_{dt}_edges", "np.histogramdd(p, bins=[[-30.0, -1.0, 0.0, 4.0, 30.0], 3, [-5.0, 5.0]])",
               setup=s)
        g.case(f"h2_{dt}", "np.histogram2d(x, y, bins=7)", setup=s)
        g.case(f"h2_{dt}_w", "np.histogram2d(x, y, bins=[4, 6], weights=w, range=[(-10, 10), (-20, 20)])",
               setup=s)
    g.case("err_dd_bins", "np.histogramdd(np.ones((3, 2)), bins=[2, 2, 2])")
    g.case("err_dd_range", "np.histogramdd(np.ones((3, 2)), range=[(0, 1)])")
    g.case("err_dd_pos", "np.histogramdd(np.ones((3, 2)), bins=[2, 0])")
    g.case("err_dd_mono", "np.histogramdd(np.ones((3, 2)), bins=[[0.0, 1.0], [1.0, 0.0]])")
