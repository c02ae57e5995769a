"""Window functions (bartlett, blackman, hamming, hanning, kaiser) and i0."""

import numpy as np

SIZES = [-3, 0, 1, 2, 3, 4, 5, 12, 51, 256, 1001]


def generate(g):
    for f in ["bartlett", "blackman", "hamming", "hanning"]:
        for m in SIZES:
            g.case(f"{f}_{m}".replace("-", "m"), f"np.{f}({m})")
    for m in SIZES:
        for beta in [0.0, 1.5, 5.0, 14.0, 40.0]:
            name = f"kaiser_{m}_{beta}".replace("-", "m").replace(".", "_")
            g.case(name, f"np.kaiser({m}, {beta})", ulp=4)
    g.case("i0_small", "np.i0(np.array([0.0, 0.5, -1.0, 7.99, 8.0, 8.01, 30.0, -700.0, np.inf, np.nan]))", ulp=4)
    setup = "rng = np.random.default_rng(21)\nx = rng.standard_normal(5000) * 20\n"
    g.case("i0_rand_x", "x", setup=setup)
    g.case("i0_rand_f64", "np.i0(x)", setup=setup, ulp=4)
    g.case("i0_rand_f32", "np.i0(x.astype(np.float32))", setup=setup, ulp=4)
    g.case("i0_rand_f16", "np.i0((x / 3).astype(np.float16))", setup=setup, ulp=2)
    g.case("i0_int", "np.i0(np.arange(-10, 11, dtype=np.int16))", ulp=4)
    g.case("i0_bool", "np.i0(np.array([True, False]))", ulp=4)
    g.case("i0_0d", "np.i0(np.float32(2.5))", ulp=4)
    g.case("i0_complex", "np.i0(np.array([1 + 1j]))")
    g.case("i0_2d", "np.i0(np.arange(12.0).reshape(3, 4) - 4)", ulp=4)
