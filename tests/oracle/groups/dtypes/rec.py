"""numpy.rec: record arrays from columns (fromarrays), rows (fromrecords), bytes
(fromstring, fromfile), and format_parser's dtypes, with NumPy's errors.

A record array is recorded as [str(dtype.descr), shape, the bytes in hex], which the Rust
side rebuilds from its own result; the inputs are random per dtype (257 rows, so that no
length is a power of two)."""

# Random columns: int64, float64 and strings of 0-6 letters; recorded as inputs.
INPUTS = """
rng = np.random.default_rng(19)
x = rng.integers(-40000, 40000, size=257)
y = rng.standard_normal(257) * 1000
s = np.array([''.join(rng.choice(list('abcdefgh'), size=rng.integers(0, 7))) for _ in range(257)])
m = rng.integers(-5, 5, size=(257, 3))
b = rng.integers(0, 2, size=257).astype(bool)
"""

OUT = """
def out(r):
    return [str(r.dtype.descr), list(r.shape), r.tobytes().hex()]
"""

INPUTS += OUT
DATA = "data = bytes(range(256)) * 3\n" + OUT


def generate(g):
    g.case("x", "x", setup=INPUTS)
    g.case("y", "y", setup=INPUTS)
    g.case("s", "s", setup=INPUTS)
    g.case("m", "m", setup=INPUTS)
    g.case("b", "b", setup=INPUTS)

    fa = "np.rec.fromarrays"
    g.case("fromarrays_default", f"out({fa}([x, y, s]))", setup=INPUTS)
    g.case("fromarrays_names_str", f"out({fa}([x, y, s], names=' a, b ,c '))", setup=INPUTS)
    g.case("fromarrays_names_short", f"out({fa}([x, y, s], names=['first']))", setup=INPUTS)
    g.case("fromarrays_names_long", f"out({fa}([x, y], names='p,q,r'))", setup=INPUTS)
    g.case("fromarrays_formats_str", f"out({fa}([x, y, s], formats='i2,f4,U2'))", setup=INPUTS)
    g.case("fromarrays_formats_list_aligned",
           f"out({fa}([b, y, s], formats=['i1', 'f8', 'U3'], names='k,v,t', aligned=True))", setup=INPUTS)
    g.case("fromarrays_dtype", f"out({fa}([y, x, s], dtype=[('p', 'f4'), ('q', '>i8'), ('r', 'S8')]))",
           setup=INPUTS)
    g.case("fromarrays_byteorder", f"out({fa}([x, y], formats=['i4', 'f8'], byteorder='>'))", setup=INPUTS)
    g.case("fromarrays_titles", f"out({fa}([x, y], names='a,b', titles=['Alpha']))", setup=INPUTS)
    g.case("fromarrays_subarray", f"out({fa}([m, x], formats=['(3,)i4', 'f8']))", setup=INPUTS)
    g.case("fromarrays_2d", f"out({fa}([m, m * 2.5]))", setup=INPUTS)
    g.case("fromarrays_shape_mismatch", f"{fa}([x, y[:-1]], names='a,b')", setup=INPUTS)
    g.case("fromarrays_count_mismatch", f"{fa}([x, y], formats='i4,i4,i4')", setup=INPUTS)
    g.case("fromarrays_duplicate_names", f"{fa}([x, y, s], names='a,b,a')", setup=INPUTS)
    g.case("fromarrays_empty", f"{fa}([])")

    fr = "np.rec.fromrecords"
    rows = "rows = list(zip(x.tolist(), y.tolist(), s.tolist()))"
    g.case("fromrecords_infer", f"{rows}\nr = out({fr}(rows, names='i,f,t'))", setup=INPUTS, result="r")
    g.case("fromrecords_mixed_numbers", f"out({fr}([(1, True), (2.5, False), (3, True)]))", setup=OUT)
    g.case("fromrecords_formats", f"{rows}\nr = out({fr}(rows, formats='i4,f4,U4'))", setup=INPUTS, result="r")
    g.case("fromrecords_dtype",
           f"{rows}\nr = out({fr}(rows, dtype=[('a', '<i8'), ('b', '<f8'), ('c', 'U6')]))", setup=INPUTS, result="r")
    g.case("fromrecords_column_types",
           f"out({fr}([(2**63, 2**63, True, 1+2j), (1, True, False, True)]))", setup=OUT)
    g.case("fromrecords_row_length", f"{fr}([(1, 2), (3, 4, 5)], formats='i4,i4')")

    g.case("fromstring_formats", f"out(np.rec.fromstring(data, formats='u1,>i2,S3'))", setup=DATA)
    g.case("fromstring_offset_shape",
           f"out(np.rec.fromstring(data, dtype=[('a', '<u4'), ('b', '<f4')], offset=5, shape=(4, 3)))", setup=DATA)
    g.case("fromstring_small", "np.rec.fromstring(data, formats='i4,i4', shape=100)", setup=DATA)
    g.case("fromstring_no_dtype", "np.rec.fromstring(data)", setup=DATA)

    g.case("fromfile_offset", "import io\nr = out(np.rec.fromfile(io.BytesIO(data), formats='<i8,u1', offset=7))",
           setup=DATA, result="r")
    g.case("fromfile_shape", "import io\nr = out(np.rec.fromfile(io.BytesIO(data), formats='<i2', shape=(3, 5)))",
           setup=DATA, result="r")
    g.case("fromfile_short", "import io\nr = np.rec.fromfile(io.BytesIO(data), formats='<i8', shape=97)",
           setup=DATA, result="r")
    g.case("fromfile_no_dtype", "import io\nr = np.rec.fromfile(io.BytesIO(data))", setup=DATA, result="r")

    fp = "np.rec.format_parser"
    g.case("format_parser_comma", f"repr({fp}('i4, (2,)f8, S3', ' a , b ', None).dtype)")
    g.case("format_parser_plain", f"repr({fp}('i4', None, None).dtype)")
    g.case("format_parser_aligned", f"repr({fp}(['i4', 'i1'], None, None, aligned=True).dtype)")
    g.case("format_parser_aligned_titles", f"repr({fp}(['i1', 'i4'], 'a,b', ['t1'], aligned=True).dtype)")
    g.case("format_parser_byteorder", f"repr({fp}(['i4', 'f8', 'U2'], ['a', 'b', 'c', 'd'], None, byteorder='>').dtype)")
    g.case("format_parser_duplicate", f"{fp}(['i4', 'f8'], 'a,a', None)")
    g.case("format_parser_bad_format", f"{fp}(['i4', 'q9'], None, None)")
    g.case("find_duplicate", "np.rec.find_duplicate(['a', 'b', 'a', 'c', 'b', 'a'])")
