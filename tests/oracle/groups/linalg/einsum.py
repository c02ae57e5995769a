"""einsum and einsum_path: explicit and implicit output, ellipsis broadcasting, traces and
diagonals, any number of operands, 0-d operands, every product dtype, the C parser's
errors, and the contraction paths ('greedy', 'optimal') with their printed reports.

Cases named ``e_<name>`` hold ``np.einsum(subscripts, *operands)``; ``e_<name>__s`` the
subscripts, ``e_<name>__<i>`` the operands and (optionally) ``e_<name>__opt`` the optimize
argument. Cases named ``p_<name>`` hold ``np.einsum_path(...)[0]`` and ``p_<name>_report``
its report, with ``p_<name>__s``, ``p_<name>__shapes`` and ``p_<name>__opt`` as inputs.
"""

NPT = {
    "f32": "np.float32", "f64": "np.float64", "c64": "np.complex64", "c128": "np.complex128",
    "i64": "np.int64", "i32": "np.int32", "u8": "np.uint8", "i8": "np.int8", "bool": "np.bool_",
}
TOL = {
    "f32": {"rtol": 1e-4, "atol": 1e-4},
    "c64": {"rtol": 1e-4, "atol": 1e-4},
    "f64": {"rtol": 1e-11, "atol": 1e-11},
    "c128": {"rtol": 1e-11, "atol": 1e-11},
}


def operand(dt, shape):
    """An expression for a random operand of dtype ``dt`` and ``shape`` (``rng`` in scope)."""
    s = repr(tuple(shape))
    if dt == "bool":
        return f"rng.integers(0, 2, {s}).astype(np.bool_)"
    if dt in ("i8", "u8"):
        return f"rng.integers(0, 60, {s}).astype({NPT[dt]})"
    if dt in ("i32", "i64"):
        return f"rng.integers(-50, 50, {s}).astype({NPT[dt]})"
    if dt.startswith("c"):
        return f"(rng.standard_normal({s}) + 1j * rng.standard_normal({s})).astype({NPT[dt]})"
    return f"rng.standard_normal({s}).astype({NPT[dt]})"


# name: (subscripts, [(dtype, shape), ...])
CASES = {
    # the seeds' uses
    "mm": ("ij,jk->ik", [("f64", (30, 40)), ("f64", (40, 50))]),
    "dot": ("i,i->", [("f64", (100,)), ("f64", (100,))]),
    "outer": ("i,j->ij", [("f64", (7,)), ("f64", (9,))]),
    "bmm": ("bij,bjk->bik", [("f64", (8, 10, 16)), ("f64", (8, 16, 32))]),
    "attn": ("bhid,bhjd->bhij", [("f64", (2, 4, 16, 8)), ("f64", (2, 4, 16, 8))]),
    # The output's free labels in the second operand's order first: the product is taken
    # the other way round (no transposing copy at the end).
    "attn_swapped": ("bjd,bid->bij", [("f64", (3, 20, 8)), ("f64", (3, 30, 8))]),
    "transpose": ("ij->ji", [("f64", (4, 3))]),
    "trace_explicit": ("ii->", [("f64", (5, 5))]),
    # implicit output
    "mm_implicit": ("ij,jk", [("f64", (30, 40)), ("f64", (40, 50))]),
    "mm_implicit_t": ("ij,jh", [("f64", (12, 9)), ("f64", (9, 11))]),
    "dot_implicit": ("i,i", [("f64", (100,)), ("f64", (100,))]),
    "trace": ("ii", [("f64", (5, 5))]),
    "upper": ("iJ", [("f64", (2, 3))]),
    "upper_mm": ("Ab,bC->CA", [("f64", (10, 20)), ("f64", (20, 8))]),
    "view_1": ("i", [("f64", (6,))]),
    # diagonals and repeated indices
    "diag": ("ii->i", [("f64", (5, 5))]),
    "diag_3": ("iij->ij", [("f64", (3, 3, 4))]),
    "diag_all": ("iii->i", [("f64", (4, 4, 4))]),
    "diag_mul": ("ii,i->i", [("f64", (6, 6)), ("f64", (6,))]),
    "trace_prod": ("ij,ji", [("f64", (20, 30)), ("f64", (30, 20))]),
    # sums over indices absent from the output
    "sum_all": ("ijk->", [("f64", (3, 4, 5))]),
    "sum_j": ("ijk->ki", [("f64", (3, 4, 5))]),
    "sum_both": ("ij,jk->", [("f64", (20, 30)), ("f64", (30, 10))]),
    "sum_own": ("ijk,jl->il", [("f64", (6, 20, 3)), ("f64", (20, 7))]),
    "hadamard": ("ij,ij->ij", [("f64", (6, 7)), ("f64", (6, 7))]),
    "frob": ("ij,ij->", [("f64", (6, 7)), ("f64", (6, 7))]),
    "rowdot": ("ij,ij->i", [("f64", (6, 70)), ("f64", (6, 70))]),
    "kron_like": ("ij,kl->ikjl", [("f64", (2, 3)), ("f64", (4, 5))]),
    "matvec": ("ij,j->i", [("f64", (40, 30)), ("f64", (30,))]),
    "vecmat": ("i,ij->j", [("f64", (30,)), ("f64", (30, 40))]),
    "tensordot": ("abc,bcd->ad", [("f64", (5, 6, 7)), ("f64", (6, 7, 8))]),
    "batch_last": ("ij...,jk...->ik...", [("f64", (4, 5, 2)), ("f64", (5, 6, 2))]),
    # ellipsis and broadcasting
    "ell_diag": ("...ii->...i", [("f64", (3, 4, 4))]),
    "ell_trace": ("i...i", [("f64", (3, 2, 3))]),
    "ell_sum": ("...i->...", [("f64", (2, 3, 4))]),
    "ell_front": ("i...->...", [("f64", (2, 3, 4))]),
    "ell_mm": ("...ij,...jk->...ik", [("f64", (2, 1, 4, 15)), ("f64", (3, 15, 6))]),
    "ell_dot": ("...i,...i->...", [("f64", (1, 4, 6)), ("f64", (3, 1, 6))]),
    "ell_implicit": ("...ij,...jk", [("f64", (2, 6, 12)), ("f64", (12, 5))]),
    "ell_zero": ("...,...", [("f64", ()), ("f64", (2, 3))]),
    "ell_out_only": ("i->i...", [("f64", (3,))]),
    "bcast_label": ("i,i", [("f64", (1,)), ("f64", (3,))]),
    "bcast_label_mm": ("ij,jk->ik", [("f64", (3, 1)), ("f64", (5, 4))]),
    # any number of operands
    "chain3": ("ij,jk,kl->il", [("f64", (10, 20)), ("f64", (20, 5)), ("f64", (5, 30))]),
    "chain4": ("ab,bc,cd,de->ae", [("f64", (8, 30)), ("f64", (30, 4)), ("f64", (4, 25)), ("f64", (25, 6))]),
    "five": ("ea,fb,abcd,gc,hd->efgh", [("f64", (4, 4)), ("f64", (4, 4)), ("f64", (4, 4, 4, 4)), ("f64", (4, 4)), ("f64", (4, 4))]),
    "three_sum": ("abc,cd,def->abef", [("f64", (3, 4, 5)), ("f64", (5, 6)), ("f64", (6, 2, 3))]),
    "three_implicit": ("ij,jk,ki", [("f64", (6, 7)), ("f64", (7, 8)), ("f64", (8, 6))]),
    "three_hadamard": ("i,i,i->i", [("f64", (9,)), ("f64", (9,)), ("f64", (9,))]),
    "triple_batch": ("bij,bjk,bkl->bil", [("f64", (3, 4, 20)), ("f64", (3, 20, 6)), ("f64", (3, 6, 20))]),
    # scalars / 0-d operands
    "scalar": ("", [("f64", ())]),
    "scalar_arrow": ("->", [("f64", ())]),
    "scalar_times": (",ij->ij", [("f64", ()), ("f64", (3, 4))]),
    "scalar_two": (",", [("f64", ()), ("f64", ())]),
    "scalar_sum": (",ij->", [("f64", ()), ("f64", (3, 4))]),
    # empty
    "empty_k": ("ij,jk", [("f64", (2, 0)), ("f64", (0, 3))]),
    "empty_m": ("ij,jk->ik", [("f64", (0, 4)), ("f64", (4, 3))]),
    "empty_sum": ("i->", [("f64", (0,))]),
    "empty_bcast": ("i,i", [("f64", (0,)), ("f64", (1,))]),
    # dtypes
    "f32_bmm": ("bij,bjk->bik", [("f32", (4, 10, 16)), ("f32", (4, 16, 12))]),
    "f32_chain": ("ij,jk,kl->il", [("f32", (10, 20)), ("f32", (20, 5)), ("f32", (5, 30))]),
    "c128_mm": ("ij,jk", [("c128", (20, 30)), ("c128", (30, 40))]),
    "c128_trace": ("ii", [("c128", (6, 6))]),
    "c128_chain": ("ij,jk,kl->il", [("c128", (10, 20)), ("c128", (20, 5)), ("c128", (5, 30))]),
    "c64_dot": ("i,i", [("c64", (50,)), ("c64", (50,))]),
    "i64_mm": ("ij,jk", [("i64", (20, 30)), ("i64", (30, 10))]),
    "i64_chain": ("ij,jk,kl->il", [("i64", (10, 20)), ("i64", (20, 5)), ("i64", (5, 30))]),
    "i64_trace": ("ii", [("i64", (7, 7))]),
    "i32_bmm": ("bij,bjk->bik", [("i32", (3, 8, 16)), ("i32", (3, 16, 8))]),
    "i8_wrap": ("ij,jk", [("i8", (6, 30)), ("i8", (30, 5))]),
    "u8_wrap": ("i,i", [("u8", (40,)), ("u8", (40,))]),
    "bool_mm": ("ij,jk", [("bool", (6, 30)), ("bool", (30, 5))]),
    "bool_sum": ("ij->i", [("bool", (6, 5))]),
    "mixed_i8_u8": ("ij,jk", [("i8", (4, 20)), ("u8", (20, 3))]),
    "mixed_i64_f32": ("ij,jk", [("i64", (4, 20)), ("f32", (20, 3))]),
    "mixed_f32_c64": ("i,i", [("f32", (10,)), ("c64", (10,))]),
    "mixed_f64_c64": ("ij,j", [("f64", (10, 20)), ("c64", (20,))]),
    "mixed_bool_i8": ("i,i->i", [("bool", (10,)), ("i8", (10,))]),
    # NumPy's (C parser's) errors
    "err_too_many": ("ijk", [("f64", (2, 3))]),
    "err_too_many_scalar": ("i", [("f64", ())]),
    "err_too_few": ("i", [("f64", (2, 3))]),
    "err_more_ops": ("ij,jk", [("f64", (2, 3))]),
    "err_fewer_ops": ("ij", [("f64", (2, 3)), ("f64", (3, 4))]),
    "err_comma_ops": (",", [("f64", (2, 3))]),
    "err_fewer_before_parse": ("ijk", [("f64", (2, 3)), ("f64", (3, 4))]),
    "err_more_before_parse": ("i$,", [("f64", (2, 3))]),
    "err_out_unknown": ("ij->ik", [("f64", (2, 3))]),
    "err_out_twice": ("ij->ii", [("f64", (2, 3))]),
    "err_out_twice_first": ("ij->iik", [("f64", (2, 3))]),
    "err_symbol": ("i$j", [("f64", (2, 3))]),
    "err_digit": ("i1", [("f64", (2, 3))]),
    "err_out_symbol": ("ij->$k", [("f64", (2, 3))]),
    "err_arrow": ("ij-k", [("f64", (2, 3))]),
    "err_two_arrows": ("ij->->i", [("f64", (2, 3))]),
    "err_dot": ("i.j", [("f64", (2, 3))]),
    "err_four_dots": ("....", [("f64", (2, 3))]),
    "err_two_ellipses": ("...i...", [("f64", (2, 3))]),
    "err_out_dot": ("ij->j.", [("f64", (2, 3))]),
    "err_out_no_ellipsis": ("...i->i", [("f64", (2, 3))]),
    "err_ellipsis_short": ("...ij->...i", [("f64", (3,))]),
    "err_collapse": ("ii", [("f64", (2, 3))]),
    "err_collapse_2": ("ijj,i", [("f64", (2, 3, 4)), ("f64", (2,))]),
    "err_bcast": ("ij,jk->ik", [("f64", (2, 3)), ("f64", (4, 4))]),
    "err_bcast_implicit": ("ij,jk", [("f64", (2, 3)), ("f64", (4, 4))]),
    "err_bcast_ki": ("ij,jk->ki", [("f64", (2, 3)), ("f64", (4, 4))]),
    "err_bcast_ijk": ("ij,jk->ijk", [("f64", (2, 3)), ("f64", (4, 4))]),
    "err_bcast_same": ("ij,ij->", [("f64", (2, 3)), ("f64", (2, 4))]),
    "err_bcast_1d": ("i,i,i", [("f64", (2,)), ("f64", (2,)), ("f64", (3,))]),
    "err_bcast_mixed": ("i,j,i", [("f64", (2,)), ("f64", (2,)), ("f64", (3,))]),
    "err_bcast_three": ("ab,bc,cd", [("f64", (2, 3)), ("f64", (3, 4)), ("f64", (5, 6))]),
    "err_bcast_ellipsis": ("...i,...i", [("f64", (2, 3)), ("f64", (3, 3))]),
    "err_bcast_diag": ("iij,i", [("f64", (3, 3, 2)), ("f64", (4,))]),
    "err_bcast_empty": ("i,i", [("f64", (0,)), ("f64", (3,))]),
}

# name: (subscripts, [(dtype, shape)], optimize) -- einsum with an explicit optimize argument
OPT_CASES = {
    "path_explicit": ("ij,jk,kl->il", [("f64", (10, 20)), ("f64", (20, 5)), ("f64", (5, 30))], "['einsum_path', (0, 2), (0, 1)]"),
    "path_single": ("ij,jk,kl->il", [("f64", (10, 20)), ("f64", (20, 5)), ("f64", (5, 30))], "['einsum_path', (0, 1, 2)]"),
    "greedy_limit": ("ij,jk,kl,lm->im", [("f64", (4, 6)), ("f64", (6, 5)), ("f64", (5, 7)), ("f64", (7, 3))], "('greedy', 10)"),
    "err_path_index": ("ij,jk", [("f64", (2, 3)), ("f64", (3, 4))], "['einsum_path', (0, 5)]"),
    "err_path_short": ("ij,jk,kl", [("f64", (2, 3)), ("f64", (3, 4)), ("f64", (4, 5))], "['einsum_path', (0, 1)]"),
    "err_path_one": ("ij,jk", [("f64", (2, 3)), ("f64", (3, 4))], "['einsum_path', (0,)]"),
}

# name: (subscripts, shapes, optimize)
PATHS = {
    "chain_greedy": ("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], "'greedy'"),
    "chain_optimal": ("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], "'optimal'"),
    "chain_false": ("ij,jk,kl->il", [(2, 2), (2, 5), (5, 2)], "False"),
    "five_greedy": ("ea,fb,abcd,gc,hd->efgh", [(10, 10), (10, 10), (10, 10, 10, 10), (10, 10), (10, 10)], "'greedy'"),
    "five_optimal": ("ea,fb,abcd,gc,hd->efgh", [(10, 10), (10, 10), (10, 10, 10, 10), (10, 10), (10, 10)], "'optimal'"),
    "chain4_greedy": ("ab,bc,cd,de->ae", [(8, 30), (30, 4), (4, 25), (25, 6)], "'greedy'"),
    "chain4_optimal": ("ab,bc,cd,de->ae", [(8, 30), (30, 4), (4, 25), (25, 6)], "'optimal'"),
    "chain5_greedy": ("ab,bc,cd,de,ef->af", [(30, 5), (5, 40), (40, 3), (3, 50), (50, 2)], "'greedy'"),
    "chain5_optimal": ("ab,bc,cd,de,ef->af", [(30, 5), (5, 40), (40, 3), (3, 50), (50, 2)], "'optimal'"),
    "three_sum": ("abc,cd,def->abef", [(3, 4, 5), (5, 6), (6, 2, 3)], "'greedy'"),
    "outer_first": ("i,j,ij->", [(20,), (30,), (20, 30)], "'greedy'"),
    "outer_optimal": ("i,j,k,ijk->", [(5,), (6,), (7,), (5, 6, 7)], "'optimal'"),
    "disjoint": ("a,b,c->abc", [(3,), (4,), (5,)], "'greedy'"),
    "hadamard_out": ("ij,ij,ij->ij", [(4, 5), (4, 5), (4, 5)], "'greedy'"),
    "two_ops": ("ij,jk->ik", [(3, 4), (4, 5)], "'greedy'"),
    "one_op": ("ii->i", [(4, 4)], "'greedy'"),
    "implicit": ("ij,jk,kl", [(3, 4), (4, 5), (5, 6)], "'optimal'"),
    "repeated": ("iij,jk,kl->il", [(3, 3, 4), (4, 5), (5, 6)], "'greedy'"),
    "limit": ("ij,jk,kl,lm->im", [(4, 6), (6, 5), (5, 7), (7, 3)], "('greedy', 10)"),
    "limit_optimal": ("ij,jk,kl,lm->im", [(4, 6), (6, 5), (5, 7), (7, 3)], "('optimal', 20)"),
    "upper": ("Ab,bC,Cd->Ad", [(3, 9), (9, 2), (2, 8)], "'greedy'"),
    "mixed_sizes": ("abc,bcd,cde,ea->ad", [(3, 4, 5), (4, 5, 6), (5, 6, 2), (2, 3)], "'optimal'"),
    "mixed_greedy": ("abc,bcd,cde,ea->ad", [(3, 4, 5), (4, 5, 6), (5, 6, 2), (2, 3)], "'greedy'"),
    "ellipsis_path": ("...ij,...jk,...kl->...il", [(2, 3, 4), (2, 4, 5), (2, 5, 6)], "'greedy'"),
}


def generate(g):
    seed = 900
    for name, (subs, ops) in CASES.items():
        seed += 1
        setup = f"rng = np.random.default_rng({seed})\ns = {subs!r}\n"
        setup += "\n".join(f"x{i} = {operand(dt, sh)}" for i, (dt, sh) in enumerate(ops))
        key = f"e_{name}"
        g.case(f"{key}__s", "s", setup=setup)
        for i in range(len(ops)):
            g.case(f"{key}__{i}", f"x{i}", setup=setup)
        args = ", ".join(f"x{i}" for i in range(len(ops)))
        dts = {dt for dt, _ in ops}
        tol = {}
        for dt in ("f32", "c64", "f64", "c128"):
            if dt in dts:
                tol = TOL[dt]
                break
        g.case(key, f"np.einsum(s, {args})", setup=setup, **tol)
    for name, (subs, ops, opt) in OPT_CASES.items():
        seed += 1
        setup = f"rng = np.random.default_rng({seed})\ns = {subs!r}\nopt = {opt}\n"
        setup += "\n".join(f"x{i} = {operand(dt, sh)}" for i, (dt, sh) in enumerate(ops))
        key = f"e_{name}"
        g.case(f"{key}__s", "s", setup=setup)
        g.case(f"{key}__opt", "opt", setup=setup)
        for i in range(len(ops)):
            g.case(f"{key}__{i}", f"x{i}", setup=setup)
        args = ", ".join(f"x{i}" for i in range(len(ops)))
        g.case(key, f"np.einsum(s, {args}, optimize=opt)", setup=setup, **TOL["f64"])
    for name, (subs, shapes, opt) in PATHS.items():
        setup = f"s = {subs!r}\nshapes = {shapes!r}\nopt = {opt}\nops = [np.ones(sh) for sh in shapes]"
        key = f"p_{name}"
        g.case(f"{key}__s", "s", setup=setup)
        g.case(f"{key}__shapes", "shapes", setup=setup)
        g.case(f"{key}__opt", "opt", setup=setup)
        g.case(key, "np.einsum_path(s, *ops, optimize=opt)[0]", setup=setup)
        if "..." not in subs:
            # With '...', NumPy names the broadcast dimensions by letters it picks at random.
            g.case(f"{key}_report", "np.einsum_path(s, *ops, optimize=opt)[1]", setup=setup)
