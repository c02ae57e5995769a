"""numpy.nditer: the visiting order, values, multi-indices and external-loop chunks for
operands of random shapes, transposed, reversed and strided (order 'K', 'C', 'F', 'A'),
two broadcast operands, allocated outputs (values and memory layout), written operands,
and NumPy's errors. Operands are views of np.arange so each value names its position; a
recipe case records how each view is made (shape, axis order, step per axis)."""

RECIPES = '''\
rng = np.random.default_rng(SEED)
nd = int(rng.integers(1, 5))
shape = [int(x) for x in rng.integers(1, 6, nd)]
perm = [int(x) for x in rng.permutation(nd)]
steps = [int(x) for x in rng.choice([1, 2, -1, -2], nd)]
base = np.arange(int(np.prod(shape))).reshape(shape)
A = base.transpose(perm)[tuple(slice(None, None, s) for s in steps)]
recipe = [shape, perm, steps]
'''

TWO = '''\
P = np.arange(60).reshape(3, 4, 5).transpose(2, 0, 1)[::-1, :, ::2]
Q = np.arange(100, 103).reshape(1, 3, 1)
'''


def visit(expr, flags="[]", order="'K'"):
    return (f"[int(x) for x in np.nditer({expr}, flags={flags}, order={order})]")


def generate(g):
    for seed in range(8):
        s = RECIPES.replace("SEED", str(seed))
        g.case(f"recipe_{seed}", "recipe", setup=s)
        for order in ["K", "C", "F", "A"]:
            g.case(f"visit_{seed}_{order}", visit("A", order=f"'{order}'"), setup=s)
        g.case(f"multi_{seed}",
               "[(it.multi_index, int(x)) for it in [np.nditer(A, flags=['multi_index'])] for x in it]", setup=s)
        g.case(f"chunks_{seed}", "[x.tolist() for x in np.nditer(A, flags=['external_loop'])]", setup=s)
        g.case(f"alloc_{seed}",
               "it = np.nditer([A, None])\nfor x, y in it:\n    y[...] = x * 3 + 1\nout = it.operands[1]\n"
               "r = (out, [s // 8 for s in out.strides])", setup=s, result="r")
    s = TWO
    g.case("two_pairs", "[(int(x), int(y)) for x, y in np.nditer([P, Q])]", setup=s)
    g.case("two_multi", "[(it.multi_index, int(x), int(y)) for it in [np.nditer([P, Q], flags=['multi_index'])]"
           " for x, y in it]", setup=s)
    g.case("two_chunks", "[(x.tolist(), y.tolist()) for x, y in np.nditer([P, Q], flags=['external_loop'])]",
           setup=s)
    g.case("two_chunks_c", "[(x.tolist(), y.tolist()) for x, y in np.nditer([P, Q], flags=['external_loop'], "
           "order='C')]", setup=s)
    g.case("alloc_dtype", "it = np.nditer([P, Q, None], op_dtypes=[None, None, np.float32],"
           " op_flags=[['readonly'], ['readonly'], ['writeonly', 'allocate']])\n"
           "for x, y, z in it:\n    z[...] = x - 0.5 * y\nr = it.operands[2]", setup=s, result="r")
    g.case("readwrite", "B = np.arange(12.).reshape(3, 4).T.copy().T\n"
           "it = np.nditer([B, np.arange(4.)], op_flags=[['readwrite'], ['readonly']])\n"
           "for x, y in it:\n    x[...] = x * 10 + y", setup=s, result="B")
    g.case("err_broadcast", "np.nditer([np.arange(3), np.arange(4)])")
    g.case("err_zero_size", "np.nditer(np.zeros((0, 3)))")
    g.case("zero_size_ok", "[int(x) for x in np.nditer(np.zeros((0, 3)), flags=['zerosize_ok'])]")
    g.case("err_no_multi", "np.nditer(np.arange(3)).multi_index")
    g.case("err_multi_external", "np.nditer(np.arange(3), flags=['multi_index', 'external_loop'])")
    for i, z in enumerate(["3", "(1, 3)", "(2, 1)"]):
        g.case(f"err_out_broadcast_{i}", f"np.nditer([np.arange(6).reshape(2, 3), np.zeros({z})],"
               " op_flags=[['readonly'], ['readwrite']])")
    g.case("err_readonly", "it = np.nditer(np.arange(3))\nfor x in it:\n    x[...] = 1", result="it")
    g.case("zero_d", "[int(x) for x in np.nditer(np.array(7))]")
    # An axis that no operand steps along on both sides (a broadcast middle axis) is passed
    # over when NumPy orders the axes: the first axis becomes the innermost.
    s3 = ("X = np.broadcast_to(np.arange(15).reshape(5, 3).T[:, None, :], (3, 4, 5))\n"
          "Y = np.broadcast_to(np.arange(4).reshape(1, 4, 1) + 100, (3, 4, 5))")
    g.case("skip_pairs", "[(int(x), int(y)) for x, y in np.nditer([X, Y])]", setup=s3)
    g.case("skip_chunks", "[(x.tolist(), y.tolist()) for x, y in np.nditer([X, Y], flags=['external_loop'])]",
           setup=s3)
    # nested_iters: each group's iterator at every position of the groups before it.
    nest = ("a = np.arange(24).reshape(2, 3, 4)\nviews = {'a': a, 't': a.transpose(2, 0, 1), 'r': a[:, ::-1],"
            " 'b': np.broadcast_to(np.arange(4), (3, 4))}\n"
            "def walk(v, axes):\n"
            "    its = np.nested_iters(v, axes, flags=['multi_index'])\n"
            "    def rec(k):\n"
            "        out = []\n"
            "        for _ in its[k]:\n"
            "            out.append([its[k].multi_index, rec(k + 1) if k + 1 < len(its) else int(its[k][0])])\n"
            "        return out\n"
            "    return rec(0)")
    for name, v, axes in [("a01", "a", "[[0], [1, 2]]"), ("a10", "a", "[[1], [0, 2]]"), ("t", "t", "[[0], [1, 2]]"),
                          ("r", "r", "[[0], [1, 2]]"), ("three", "t", "[[2], [0], [1]]"), ("b", "b", "[[1], [0]]")]:
        g.case(f"nested_{name}", f"walk(views['{v}'], {axes})", setup=nest)
    g.case("err_nested_twice", "np.nested_iters(np.zeros((2, 3)), [[0], [0, 1]])")
