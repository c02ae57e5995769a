"""Basic slicing at the edges of `intp`: bounds and steps of +-sys.maxsize and -sys.maxsize-1.

Case names encode the slice so the Rust side can rebuild it: `x_<start>_<stop>_<step>`, each
part `N` (None), `M` (sys.maxsize), `mM` (-sys.maxsize), `MIN` (-sys.maxsize - 1), or an
integer (`m` for a minus sign).
"""

import sys

import numpy as np

M = sys.maxsize
TOKENS = {None: "N", M: "M", -M: "mM", -M - 1: "MIN"}


def tok(v):
    return TOKENS.get(v, str(v).replace("-", "m"))


def py(v):
    return {None: "", M: "M", -M: "-M", -M - 1: "-M - 1"}.get(v, str(v))


SETUP = f"M = {M}\na = np.arange(5)"


def generate(g):
    # Every combination of extreme bounds and steps on a 5-element array.
    bounds = [None, 0, -1, 3, M, -M - 1]
    steps = [1, -1, 2, M, -M, -M - 1]
    for start in bounds:
        for stop in bounds:
            for step in steps:
                name = f"x_{tok(start)}_{tok(stop)}_{tok(step)}"
                g.case(name, f"a[{py(start)}:{py(stop)}:{py(step)}]", setup=SETUP)

    # The reported cases: a 2-element array and the three extreme steps (one element each).
    two = f"M = {M}\na = np.arange(2)"
    for label, step in (("max", "M"), ("neg_max", "-M"), ("min", "-M - 1")):
        g.case(f"two_{label}", f"a[0:2:{step}]", setup=two)
        g.case(f"two_{label}_strides", f"a[0:2:{step}].strides", setup=two)
        g.case(f"two_full_{label}", f"a[::{step}]", setup=two)
        g.case(f"two_full_{label}_strides", f"a[::{step}].strides", setup=two)

    # Strides NumPy reports for one- and zero-element slices.
    g.case("strides_one", "np.arange(10)[1:2:3].strides")
    g.case("strides_empty", "np.arange(10)[5:5:3].strides")
    g.case("strides_empty_neg", "np.arange(10)[5:5:-3].strides")

    # Views of views: a reversed, then strided, then sliced again with extreme steps.
    vv = f"M = {M}\nb = np.arange(24).reshape(4, 6)"
    g.case("vv_rev_max", "b[::-1, ::2][::M, ::-M]", setup=vv)
    g.case("vv_rev_max_strides", "b[::-1, ::2][::M, ::-M].strides", setup=vv)
    g.case("vv_min_inner", "b[1:, ::-1][-M - 1:M:-M - 1, 1::M]", setup=vv)
    g.case("vv_min_inner_strides", "b[1:, ::-1][-M - 1:M:-M - 1, 1::M].strides", setup=vv)
    g.case("vv_twice_reversed", "b[::-1, ::-1][M:-M - 1:-1, 2:-M:-2]", setup=vv)

    # Integer indices at the edges.
    g.case("index_max", "a[M]", setup=SETUP)
    g.case("index_min", "a[-M - 1]", setup=SETUP)
    g.case("index_2d_min", "b[0, -M - 1]", setup=vv)

    # Writing through the one-element views.
    for label, sl in (("max", "0:2:M"), ("neg_max", "::-M"), ("min", "::-M - 1")):
        g.case(f"assign_{label}", f"a[{sl}] = 7", setup=two, result="a")

    # Diagonals at extreme offsets (a view's offset computed from the offset).
    c = "c = np.arange(12).reshape(3, 4)"
    g.case("diagonal_min", f"c.diagonal({-M - 1})", setup=c)
    g.case("diagonal_max", f"c.diagonal({M})", setup=c)
    g.case("diagonal_int_max", f"c.diagonal({2**31 - 1})", setup=c)
    g.case("diagonal_past_int_max", f"c.diagonal({2**31})", setup=c)
    g.case("diagonal_near_int_min", f"c.diagonal({-2**31 + 1})", setup=c)
    g.case("diagonal_past_int_min", f"c.diagonal({-2**31 - 1})", setup=c)
    # (NumPy 2.4.6 crashes on c.diagonal(-2**31), negating INT_MIN; nprs gives the empty diagonal.)

    # delete and insert take slices too.
    d = f"M = {M}\nd = np.arange(5)"
    g.case("delete_max", "np.delete(d, slice(None, None, M))", setup=d)
    g.case("delete_min", "np.delete(d, slice(M, -M - 1, -M - 1))", setup=d)
    g.case("insert_neg_max", "np.insert(d, slice(None, None, -M), 9)", setup=d)
    g.case("insert_min_start", "np.insert(d, slice(-M - 1, M, M), 9)", setup=d)
