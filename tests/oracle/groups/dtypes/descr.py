"""dtype spellings: parsing, str/repr/name/kind/char/itemsize/alignment/byteorder."""

import numpy as np

SPECS = [
    "int64", "<f8", ">i4", "|b1", "c16", "U5", "S3", "M8[ns]", "m8[D]", "bool", "?", "b", "B", "h", "H",
    "i", "I", "l", "L", "e", "f", "d", "F", "D", "i1", "u1", "i2", "u2", "u4", "u8", "f2", "f4", "c8",
    ">f8", ">c16", ">u2", "<U5", ">U5", "|S3", "S0", "U", "S", "V8", "V", "M8", "m8", "M8[10ms]",
    ">M8[s]", "datetime64[ms]", "timedelta64", "float", "int", "complex", "str", "bytes", "half",
    "single", "double", "uint", "intp", "uintp", "byte", "ubyte", "short", "ushort", "intc",
    "uintc", "csingle", "cdouble", "float16", "float32", "uint16",
    "complex64", "=i4", "|i4", ">b1", "a5", "i08", "U05",
    "[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]",
    "[('a', '|b1'), ('b', '|i1'), ('c', '|S3'), ('d', '>f4')]",
    "[('x', '<f8'), ('', '|V4'), ('y', '<i4')]",
    "[('pos', [('x', '<f4'), ('y', '<f4', (2,))]), ('id', '<u8')]",
    "i4, f8", "i4,(2,3)f8,U3", "(3,)i4", "(2,3)f8", "3i4",
    # Zero-size parts NumPy accepts; an integer in place of the shape sizes a flexible type.
    "[('s', '<f8', (0,))]", "[('s', 'S0')]", "[('s', 'V0'), ('t', '<i2')]", "[('s', [], (2,))]",
    "[('s', 'S0', 3)]", "[('s', 'U', 2)]", "[('s', '<f8', (2, 0))]",
]

# Sub-arrays of a base with no bytes (other than a record), which NumPy refuses.
UNSIZED = ["[('s', '0<f8', (3,))]", "[('s', 'V0', (3,))]", "[('s', 'S0', ())]", "[('s', ('<f8', (0,)), (3,))]",
           "[('s', 'U0', (2, 2))]", "[('s', 'S', (0,))]", "('V0', (1,))"]

# Field names that `repr` writes with backslash escapes.
ESCAPED_NAMES = ["nam\x01", "a'b", 'a"b', "a'\"b", "a\\b", "\u00e9\u2028\U0001f600", "x\x7f\x80\xa0",
                 "tab\t\n\r", "\\x41", "\x00z", "\\'", "\\"]

ERRORS = ["foo", "i3", "f3", "c4", "int65", "  i4", "i4 ", ">>i4", "str5", "int8[s]", "f0", "M8[xx]",
          "M8[s]x", "M8[", "m8[2]", "M8[-1s]", "datetime64[D]x", "v", "Uabc", ">", "",
          "U536870912", "S2147483648", "(100000,100000)f8", "(4611686018427387904,4)f8"]


def generate(g):
    # One case per spec (the expression records the tuple of attributes).
    for i, s in enumerate(SPECS):
        expr = (
            f"(lambda d: (str(d), repr(d), d.str, d.name, d.kind, d.char, d.itemsize, d.alignment, d.byteorder))"
            f"(np.dtype({s if s.startswith('[') else repr(s)}))"
        )
        g.case(f"spec_{i:03}", expr, note=s)
    for i, s in enumerate(ERRORS):
        g.case(f"error_{i:02}", f"np.dtype({s!r})", note=s)
    for i, s in enumerate(UNSIZED):
        g.case(f"unsized_{i:02}", f"np.dtype({s})", note=s)
    for i, name in enumerate(ESCAPED_NAMES):
        # The .npy descr (as the header writes it), str(dtype) and the names.
        g.case(f"escaped_{i:02}",
               f"(lambda d: (repr(np.lib.format.dtype_to_descr(d)), str(d), d.names))(np.dtype([({name!r}, '<U10')]))")
    g.case("aligned_repr", "repr(np.dtype([('a', 'i1'), ('b', '<i4')], align=True))")
    g.case("aligned_str", "str(np.dtype([('a', 'i1'), ('b', '<i4')], align=True))")
    g.case("aligned_itemsize", "np.dtype([('a', 'i1'), ('b', '<i4'), ('c', 'i2')], align=True).itemsize")
    g.case("offsets_repr",
           "repr(np.dtype({'names': ['a', 'b'], 'formats': ['i1', '<f8'], 'offsets': [0, 8], 'itemsize': 24}))")
    g.case("offsets_descr",
           "str(np.dtype({'names': ['a', 'b'], 'formats': ['i1', '<f8'], 'offsets': [0, 8], 'itemsize': 24}).descr)")
    g.case("seed_descr", "str(np.dtype([('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]).descr)")
    g.case("seed_names", "np.dtype([('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]).names")
    g.case("duplicate_field", "np.dtype([('a', 'i4'), ('a', 'f8')])")
    g.case("newbyteorder", "str(np.dtype('<i4').newbyteorder('>'))")
    g.case("subarray_field_offsets",
           "[np.dtype([('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]).fields[n][1] for n in ('name', 'age', 'scores')]")
