"""Exception classes of numpy.linalg that no other case file records, for `Error::kind()`."""


def generate(g):
    g.case("multi_dot_3d", "np.linalg.multi_dot([np.ones(3), np.ones((3, 3, 3)), np.ones(3)])")
    g.case("multi_dot_0d_middle", "np.linalg.multi_dot([np.ones(3), np.float64(2.0), np.ones(3)])")
