"""numpy.fromstring with sep= (text mode; the binary mode is removed) and numpy.fromregex
(groups of a regular expression into the fields of a structured dtype), on random values."""

INPUTS = """
rng = np.random.default_rng(1919)
f = rng.standard_normal(1001) * 10.0 ** rng.integers(-8, 9, size=1001)
i = rng.integers(-2**40, 2**40, size=1001)
u = rng.integers(0, 256, size=1001).astype(np.uint8)
keys = [''.join(rng.choice(list('abcdefghij'), size=3)) for _ in range(1001)]
ftext = ', '.join(repr(float(v)) for v in f) + ','
itext = '\\n'.join(' '.join(str(v) for v in i[k:k + 7]) for k in range(0, 1001, 7))
utext = ';'.join(str(v) for v in u)
log = ''.join(f'id={a} key={k} val={v!r}\\n' for a, k, v in zip(i.tolist(), keys, f.tolist()))
def out(r):
    return [str(r.dtype.descr), list(r.shape), r.tobytes().hex()]
"""

LOG_RE = r"id=(-?\d+) key=(\w+) val=(\S+)"


def generate(g):
    # The texts are inputs; the values they were written from show what was parsed.
    for name in ("ftext", "itext", "utext", "log"):
        g.case(name, name, setup=INPUTS)
    g.case("f_values", "f", setup=INPUTS)
    g.case("fromstring_floats", "np.fromstring(ftext, sep=',')", setup=INPUTS)
    g.case("fromstring_ints_whitespace", "np.fromstring(itext, dtype=np.int64, sep=' ')", setup=INPUTS)
    g.case("fromstring_uint8_count", "np.fromstring(utext, dtype=np.uint8, sep=';', count=600)", setup=INPUTS)
    g.case("fromstring_float32", "np.fromstring(ftext, dtype=np.float32, sep=', ')", setup=INPUTS)
    g.case("fromstring_empty", "np.fromstring('', sep=',')")
    g.case("fromstring_spaces", "np.fromstring('  1.5 ,\\n 2e3 , -inf,nan', sep=',')")
    g.case("fromstring_unmatched", "np.fromstring('1,,2', sep=',')")
    g.case("fromstring_not_int", "np.fromstring('1.5 2', dtype=np.int64, sep=' ')")
    g.case("fromstring_binary", "np.fromstring(b'\\x01\\x00', dtype=np.int16)")
    rx = f"np.fromregex(io.StringIO(log), {LOG_RE!r}, "
    g.case("fromregex_log", f"import io\nr = out({rx}[('id', '<i8'), ('key', 'U3'), ('val', '<f8')]))",
           setup=INPUTS, result="r")
    g.case("fromregex_log_casts", f"import io\nr = out({rx}[('id', '<f4'), ('key', 'S2'), ('val', '<f4')]))",
           setup=INPUTS, result="r")
    g.case("fromregex_one_group", "import io\nr = out(np.fromregex(io.StringIO(log), r'key=(\\w+)', [('key', 'U4')]))",
           setup=INPUTS, result="r")
    g.case("fromregex_no_group", "import io\nr = out(np.fromregex(io.StringIO(log), r'-\\d+', [('neg', '<i8')]))",
           setup=INPUTS, result="r")
    g.case("fromregex_no_match", "import io\nr = out(np.fromregex(io.StringIO(log), r'(zz)(q)', [('a', 'U1'), ('b', 'i4')]))",
           setup=INPUTS, result="r")
    g.case("fromregex_not_structured", "import io\nr = np.fromregex(io.StringIO('1 2'), r'(\\d)', 'i8')", result="r")
    g.case("fromregex_group_count",
           "import io\nr = np.fromregex(io.StringIO('1 a 2 b'), r'(\\d) (\\w)', [('a', 'i8'), ('b', 'U1'), ('c', 'f8')])",
           result="r")
    g.case("fromregex_bad_value", "import io\nr = np.fromregex(io.StringIO('1 a 2 b'), r'(\\d) (\\w)', [('a', 'i8'), ('b', 'i8')])",
           result="r")
