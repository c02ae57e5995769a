"""Shared recorders for the printing case files (not a case file itself)."""

import numpy as np  # noqa: F401  (the recorded code refers to np)


def show(g, name, expr, setup="", **opts):
    """Records (array, repr, str, print options) for `expr` under `opts`."""
    code = (setup + "\n" if setup else "") + (
        f"with np.printoptions(**{opts!r}):\n"
        f"    a = {expr}\n"
        "    out = (a, repr(a), str(a), np.get_printoptions())"
    )
    g.case(name, code, result="out")


def show_seq(g, name, n, dtype="int64", shape=None, op="none", k=0, **opts):
    """As `show`, for a large array made from `np.arange(n)`: records the recipe instead
    of the elements (the tests rebuild it) to keep the golden data small."""
    shape = tuple(shape or (n,))
    recipe = {"n": n, "dtype": dtype, "shape": list(shape), "op": op, "k": k}
    expr = {
        "none": f"np.arange({n}).astype(np.{dtype})",
        "div": f"(np.arange({n}) / {k!r}).astype(np.{dtype})",
        "mul": f"(np.arange({n}) * {k!r}).astype(np.{dtype})",
        "mod0": f"(np.arange({n}) % {k!r} == 0)",
        "mulj": f"(np.arange({n}) * {k!r}j)",
    }[op] + f".reshape({shape!r})"
    code = (
        f"with np.printoptions(**{opts!r}):\n"
        f"    a = {expr}\n"
        f"    out = ({recipe!r}, repr(a), str(a), np.get_printoptions())"
    )
    g.case(name, code, result="out")
