"""numpy.vectorize: a scalar function over random arrays that broadcast (one, two and
three arguments, mixed dtypes, F-ordered and strided inputs)."""

MAKE = '''\
rng = np.random.default_rng(SEED)
a = rng.integers(-50, 50, (6, 1, 5)).astype(np.int32)
b = rng.standard_normal((4, 1))
c = rng.random((4, 5)) < 0.5
big = rng.standard_normal((301, 97))
'''


def generate(g):
    s = MAKE.replace("SEED", "7")
    for v in ["a", "b", "c", "big"]:
        g.case(f"in_{v}", v, setup=s)
    g.case("one", "np.vectorize(lambda x: x * x - 3 if x > 0 else -x)(a)", setup=s)
    g.case("two", "np.vectorize(lambda x, y: x - y if x > y else x + y * 2.0)(a, b)", setup=s)
    g.case("three", "np.vectorize(lambda w, x, y: x if w else y)(c, a, b)", setup=s)
    g.case("big_t", "np.ascontiguousarray(np.vectorize(lambda x: x * x + 1.0)(big.T[::2]))", setup=s)
    g.case("n_sum", "np.vectorize(lambda p, q, r, t: p + 2 * q + 3 * r + 4 * t)(b, big[:4, :5], b.T[:, :1], 1.5)",
           setup=s)
    g.case("err_broadcast", "np.vectorize(lambda x, y: x + y)(a, big)", setup=s)
