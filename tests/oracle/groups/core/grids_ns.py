"""numpy.mgrid and numpy.ogrid: integer, float, negative and point-count ("complex") steps,
random float slices, a one-point axis, and the errors."""


def generate(g):
    g.case("mgrid_int", "np.mgrid[0:5, 0:3]")
    g.case("mgrid_int_step", "np.mgrid[-7:20:4, 3:-2:-2]")
    g.case("mgrid_float", "np.mgrid[-1:1:0.3, 0:2:0.5]")
    g.case("mgrid_points", "np.mgrid[-1:1:7j, 0:10:4j]")
    g.case("mgrid_one_point", "np.mgrid[0:1:1j, 0:2]")
    g.case("mgrid_neg_step", "np.mgrid[1:0:-0.3, 0:2]")
    g.case("mgrid_three", "np.mgrid[0:2, 0:3, 0:1:3j]")
    s = ("rng = np.random.default_rng(3)\n"
         "v = rng.uniform(-5, 5, 6).round(3)\n"
         "st = rng.uniform(0.05, 0.9, 2).round(4)")
    g.case("rand_v", "v", setup=s)
    g.case("rand_st", "st", setup=s)
    g.case("mgrid_random", "np.mgrid[v[0]:v[0] + 7.1:st[0], v[2]:v[2] - 3.3:-st[1]]", setup=s)
    g.case("ogrid_float", "np.ogrid[0:3, 1:2:0.25]")
    g.case("ogrid_points", "np.ogrid[-2:2:9j, 5:6:2j, 0:4:2.0]")
    g.case("err_negative", "np.mgrid[5:0, 0:2]")
    g.case("err_zero_step", "np.mgrid[0:5:0, 0:2]")
