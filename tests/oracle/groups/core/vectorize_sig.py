"""numpy.vectorize with signature=: core dimensions over random arrays whose loop
dimensions broadcast (inner products, transposes, several outputs, output dimensions
learnt from the first call, size-0 loops), and NumPy's errors."""

MAKE = '''\
rng = np.random.default_rng(11)
a = rng.standard_normal((4, 1, 5))
b = rng.standard_normal((3, 5))
m = rng.standard_normal((2, 3, 4))
k = rng.integers(-20, 20, (3, 6))
e = np.zeros((0, 5))
'''


def generate(g):
    s = MAKE
    for v in ["a", "b", "m", "k", "e"]:
        g.case(f"in_{v}", v, setup=s)
    g.case("dot", "np.vectorize(lambda x, y: np.sum(x * y), signature='(n),(n)->()')(a, b)", setup=s)
    g.case("dot_t", "np.vectorize(lambda x, y: np.sum(x * y), signature='(n),(n)->()')(b.T[:, ::-1].T, a[0])",
           setup=s)
    g.case("transpose", "np.vectorize(lambda x: x.T, signature='(m,n)->(n,m)')(m)", setup=s)
    g.case("outer", "np.vectorize(lambda x, y: np.multiply.outer(x, y), signature='(i),(j)->(i,j)')(b[:, :2], a[:, :, :3])",
           setup=s)
    g.case("minmax", "np.vectorize(lambda x: (x.min(), x.max()), signature='(n)->(),()')(k)", setup=s)
    g.case("new_dim", "np.vectorize(lambda x: np.cumsum(x)[::2], signature='(n)->(p)')(k)", setup=s)
    g.case("scalar_core", "np.vectorize(lambda x, y: x * 2 + y, signature='(),()->()')(k, k[:1])", setup=s)
    g.case("broadcast_core", "np.vectorize(lambda x: np.sum(x), signature='(n)->(p)')(k)", setup=s)
    g.case("empty", "np.vectorize(lambda x: np.sum(x), signature='(n)->()', otypes=[float])(e)", setup=s)
    g.case("err_sig", "np.vectorize(lambda x: x, signature='(n)->(n')", setup=s)
    g.case("err_sig_space", "np.vectorize(lambda x: x, signature='(n, m) -> [m]')", setup=s)
    g.case("err_inconsistent", "np.vectorize(lambda x, y: 0.0, signature='(n),(n)->()')(a, m)", setup=s)
    g.case("err_too_few", "np.vectorize(lambda x: x, signature='(m,n)->(n,m)')(b[0])", setup=s)
    g.case("err_args", "np.vectorize(lambda x, y: 0.0, signature='(n),(n)->()')(a)", setup=s)
    g.case("err_outputs", "np.vectorize(lambda x: (x.min(), x.max()), signature='(n)->()')(k)", setup=s)
    g.case("err_broadcast", "np.vectorize(lambda x, y: 0.0, signature='(n),(n)->()')(m[:, :, :3], b[:2, :3])",
           setup=s)
    g.case("err_result_shape", "np.vectorize(lambda x: np.arange(1 + 2 * (x[0] != k[0, 0])), signature='(n)->(p)')(k)", setup=s)
    g.case("err_out_ndim", "np.vectorize(lambda x: x.sum(), signature='(n)->(p)')(k)", setup=s)
    g.case("err_empty_new_dim", "np.vectorize(lambda x: x, signature='(n)->(p)', otypes=[float])(e)", setup=s)
