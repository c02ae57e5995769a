"""numpy.require: which requirements copy and which borrow (C, F, O, W, A, E and their
long names), the order of a copy, and the errors."""


def generate(g):
    s = "a = np.arange(24.0).reshape(4, 6); t = a.T; v = a[:, ::2]"
    for name, src in [("a", "a"), ("t", "t"), ("v", "v")]:
        for req in ["", "C", "F", "O", "W", "A", "E", "CO", "FW", "OA"]:
            r = list(req)
            g.case(f"req_{name}_{req or 'none'}",
                   f"(lambda b: (b, bool(b.flags.c_contiguous), bool(b.flags.f_contiguous), "
                   f"bool(np.shares_memory(b, a))))(np.require({src}, requirements={r!r}))",
                   setup=s)
    g.case("req_long", "(lambda b: (b, bool(b.flags.f_contiguous), bool(np.shares_memory(b, a))))"
           "(np.require(a, requirements=['f_contiguous', 'Writeable']))", setup=s)
    g.case("err_both", "np.require(a, requirements=['C', 'fortran'])", setup=s)
    g.case("err_key", "np.require(a, requirements=['C', 'aligned_x'])", setup=s)
