"""numpy.char where it differs from numpy.strings: comparisons that ignore trailing
whitespace (compare_chararrays), partition/rpartition stacked on a last axis, join, and
array/asarray with itemsize= and unicode=; random strings with random trailing
whitespace."""

INPUTS = """
rng = np.random.default_rng(1920)
def words(n):
    out = []
    for _ in range(n):
        w = ''.join(rng.choice(list('ab-c'), size=rng.integers(0, 5)))
        out.append(w + ''.join(rng.choice([' ', '\\t', '\\n'], size=rng.integers(0, 3))))
    return out
a = np.array(words(1001))
b = np.array(words(1001))
ab = a.astype('S')
bb = b.astype('S')
"""


def generate(g):
    for name in ("a", "b"):
        g.case(name, name, setup=INPUTS)
    for op in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal"):
        g.case(f"{op}_str", f"np.char.{op}(a, b)", setup=INPUTS)
        g.case(f"{op}_bytes", f"np.char.{op}(ab, bb)", setup=INPUTS)
    g.case("equal_scalar", "np.char.equal(a, 'ab')", setup=INPUTS)
    g.case("compare_no_rstrip", "np.char.compare_chararrays(a, b, '<=', False)", setup=INPUTS)
    g.case("compare_broadcast", "np.char.compare_chararrays(a.reshape(7, 143), b[:143], '!=', True)", setup=INPUTS)
    g.case("compare_bad_op", "np.char.compare_chararrays(a, b, '=<', True)", setup=INPUTS)
    g.case("compare_shapes", "np.char.compare_chararrays(a, b[:3], '==', True)", setup=INPUTS)
    g.case("compare_non_string", "np.char.equal(np.arange(3), np.arange(3))")
    g.case("unicode_whitespace_kept", "np.char.equal(np.array(['a\\u3000', 'b\\t']), np.array(['a', 'b']))")
    g.case("partition", "np.char.partition(a, '-')", setup=INPUTS)
    g.case("rpartition_bytes", "np.char.rpartition(bb, '-')", setup=INPUTS)
    g.case("partition_2d", "np.char.partition(a[:12].reshape(3, 4), 'b')", setup=INPUTS)
    g.case("join", "np.char.join('-', a)", setup=INPUTS)
    g.case("join_bytes", "np.char.join('-', ab)", setup=INPUTS)
    # A chararray strips trailing whitespace from the items it gives: view the strings as
    # they are stored.
    g.case("array_itemsize", "np.char.array(a, itemsize=2).view(np.ndarray)", setup=INPUTS)
    g.case("array_to_bytes", "np.char.array(a, unicode=False).view(np.ndarray)", setup=INPUTS)
    g.case("array_to_str", "np.char.array(bb, unicode=True).view(np.ndarray)", setup=INPUTS)
    g.case("asarray_same_width", "np.char.asarray(bb, itemsize=6, unicode=True).view(np.ndarray)", setup=INPUTS)
    g.case("asarray_wider", "np.char.asarray(bb, itemsize=7, unicode=True).view(np.ndarray)", setup=INPUTS)
    g.case("array_non_ascii", "np.char.array(np.array(['ab', '\\u00e9']), unicode=False)")
