"""Exception classes NumPy raises that no other case file records, for `Error::kind()`."""


def generate(g):
    a = "a = np.zeros(100)"
    g.case("shares_memory_too_hard", "np.shares_memory(a[::2], a[1::2], max_work=0)", setup=a)
    g.case("shares_memory_exact", "np.shares_memory(a[::2], a[1::2])", setup=a)
