"""A corpus of .npy/.npz files written by NumPy, and what each holds.

Every file goes to data/io/npy/<name>.npy (or .npz); the case of the same name
records the array NumPy wrote, so the Rust tests read each file and compare exactly.
Structured arrays are recorded field by field (<name>.<field>). Every .npy file also has
a case dtype:<name> recording what np.load gives for it: the dtype's repr, str, name,
itemsize, alignment and field offsets, the shape, whether it is Fortran-ordered, and the
data bytes in C order (a.tobytes()). The files are small and byte-stable: np.savez stamps
members with zipfile's fixed 1980 date.
"""

import io
import pathlib

import numpy as np

# What np.load gives for a file: dtype facts, shape, order and C-order bytes.
LOADED_INFO = (
    "{'repr': repr(a.dtype), 'str': str(a.dtype), 'dtype_str': a.dtype.str, 'name': a.dtype.name, "
    "'itemsize': a.dtype.itemsize, 'alignment': a.dtype.alignment, "
    "'offsets': [] if a.dtype.names is None else [a.dtype.fields[n][1] for n in a.dtype.names], "
    "'shape': list(a.shape), 'fortran': bool(a.ndim > 1 and a.flags.f_contiguous and not a.flags.c_contiguous), "
    "'bytes': a.tobytes().hex()}"
)

NUMERIC = ["?", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f2", "f4", "f8", "c8", "c16"]


def numeric_values(code):
    """An expression for a small 2x3 array of `code` with edge values."""
    kind = np.dtype(code).kind
    if kind == "b":
        return "np.array([[True, False, True], [False, False, True]])"
    if kind == "i":
        info = np.iinfo(code)
        return f"np.array([[{info.min}, -1, 0], [1, 7, {info.max}]], dtype='{code}')"
    if kind == "u":
        info = np.iinfo(code)
        return f"np.array([[0, 1, 2], [100, 200, {info.max}]], dtype='{code}')"
    if kind == "f":
        return f"np.array([[-0.0, 1.5, np.nan], [np.inf, -np.inf, 3.25e-3]], dtype='{code}')"
    return f"np.array([[1+2j, -0.5j, np.nan], [np.inf+1j, 0, -3.25e-3+7j]], dtype='{code}')"


def generate(g):
    corpus = pathlib.Path(g.out_dir) / "io" / "npy"
    corpus.mkdir(parents=True, exist_ok=True)

    def npy(name, code, *, version=None, fields=None, record=True):
        """Writes `code`'s array to corpus/<name>.npy and records it."""
        a = eval(code, {"np": np})
        with open(corpus / f"{name}.npy", "wb") as f:
            np.lib.format.write_array(f, a, version=version, allow_pickle=False)
        g.case(f"dtype:{name}", LOADED_INFO,
               setup=f"import io\nb = io.BytesIO()\nnp.lib.format.write_array(b, {code}, version={version!r})\n"
                     "b.seek(0)\na = np.load(b)")
        if fields:
            for fld in fields:
                g.case(f"{name}.{fld}", f"({code})[{fld!r}]")
        elif record:
            g.case(name, code)

    # Every numeric dtype, little- and big-endian, C order.
    for code in NUMERIC:
        name = np.dtype(code).name
        vals = numeric_values(code)
        npy(f"{name}_le", f"{vals}.astype('<{code}')")
        if np.dtype(code).itemsize > 1:
            npy(f"{name}_be", f"{vals}.astype('>{code}')")
    # Fortran order (a view written in F order, no copy) in both byte orders.
    npy("float64_f", "np.asfortranarray(np.arange(12.0).reshape(3, 4))")
    npy("int32_f3d", "np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4))")
    npy("int16_be_f", "np.asfortranarray(np.arange(6, dtype='>i2').reshape(2, 3))")
    npy("complex64_f", "np.asfortranarray((np.arange(6) + 1j * np.arange(6)).astype('<c8').reshape(3, 2))")
    # Format versions.
    npy("float32_v2", "np.linspace(0, 1, 5, dtype='<f4')", version=(2, 0))
    npy("int16_v3", "np.arange(-3, 3, dtype='<i2')", version=(3, 0))
    npy("uint8_v1", "np.arange(4, dtype='u1')", version=(1, 0))
    # 0-d and empty arrays.
    npy("float64_0d", "np.array(2.5)")
    npy("bool_0d", "np.array(True)")
    npy("int64_0d_be", "np.array(-7, dtype='>i8')")
    npy("float64_empty", "np.zeros((0,))")
    npy("int32_empty3d", "np.zeros((2, 0, 3), dtype='<i4')")
    npy("uint16_empty_f", "np.asfortranarray(np.zeros((0, 4), dtype='<u2'))")
    # Strings.
    npy("unicode_le", "np.array(['a', 'héllo', '', 'δx'], dtype='<U5')")
    npy("unicode_be", "np.array([['ab', 'c'], ['', 'xyz']], dtype='>U3')")
    npy("bytes", "np.array([b'ab', b'', b'abcd', b'\\x00z'], dtype='S4')")
    # Datetimes.
    npy("datetime_ns", "np.array(['2024-01-02T03:04:05.123456789', 'NaT', '1970-01-01'], dtype='<M8[ns]')")
    npy("timedelta_be", "np.array([1, -2, 3], dtype='>m8[s]')")
    npy("datetime_days_f", "np.asfortranarray(np.arange(6).astype('<M8[D]').reshape(2, 3))")
    npy("datetime_generic_empty", "np.zeros((0,), dtype='<m8')", record=False)
    # Structured.
    s1 = "np.array([(1, [1.5, -2.0], b'ab'), (-3, [np.inf, 0.25], b'xyz')], dtype=[('x', '<i4'), ('y', '>f8', (2,)), ('name', 'S3')])"
    npy("struct_basic", s1, fields=["x", "y", "name"])
    s2 = "np.array([((1, 2), 0.5), ((-1, 255), -8.0)], dtype=[('a', [('b', '<i2'), ('c', 'u1')]), ('d', '<f4')])"
    npy("struct_nested", s2, record=False)
    g.case("struct_nested.d", f"({s2})['d']")
    g.case("struct_nested.a.b", f"({s2})['a']['b']")
    g.case("struct_nested.a.c", f"({s2})['a']['c']")
    s3 = "np.array([(1, 0.5), (2, 1.5), (3, 2.5)], dtype=np.dtype([('u', 'u1'), ('v', '<f8')], align=True))"
    npy("struct_aligned", s3, fields=["u", "v"])
    s4 = "np.array([(1, 2.0)], dtype=[('δ', '<i8'), ('ω', '<f8')])"
    npy("struct_unicode_v3", s4, fields=["δ", "ω"])
    s5 = "np.asfortranarray(np.array([[(1, 2.0), (3, 4.0)], [(5, 6.0), (7, 8.0)], [(9, 1.0), (2, 3.0)]], dtype=[('i', '<i4'), ('f', '<f4')]))"
    npy("struct_f", s5, fields=["i", "f"])
    s6 = ("np.array([(True, '2024-02-29', 'xyz', [[1, -2], [3, 4]], (7, 0.5)), (False, 'NaT', '', [[0, 0], [0, -1]], (255, -1.0))], "
          "dtype=np.dtype([('flag', '?'), ('when', '<M8[D]'), ('name', '>U3'), ('pts', '<i2', (2, 2)), "
          "('inner', np.dtype([('a', 'u1'), ('b', '>f4')], align=True))], align=True))")
    npy("struct_mixed", s6, fields=["flag", "when", "name", "pts"])
    g.case("struct_mixed.inner.a", f"({s6})['inner']['a']")
    g.case("struct_mixed.inner.b", f"({s6})['inner']['b']")
    npy("struct_titles", "np.array([(1, 2.0)], dtype=[(('Title', 't'), '<i4'), ('u', '<f8')])", record=False)
    npy("void", "np.array([b'\\x01\\x02\\x03\\x04', b'abcd', b''], dtype='V4')", record=False)
    npy("datetime_10ms_be", "np.array([[1, -2], [3, -9223372036854775808]], dtype='>M8[10ms]')")
    # Object arrays are refused; NumPy writes them as a pickle.
    with open(corpus / "object.npy", "wb") as f:
        np.lib.format.write_array(f, np.array([1, "a", None], dtype=object), allow_pickle=True)
    g.case("object_refused", "np.load(io.BytesIO(data), allow_pickle=False)",
           setup="import io\nb = io.BytesIO()\nnp.save(b, np.array([1, 'a', None], dtype=object))\ndata = b.getvalue()")

    # Archives: named and positional members, plain and compressed.
    a_code = "np.arange(6, dtype='<i8').reshape(2, 3)"
    b_code = "np.array([0.5, -1.0, np.nan], dtype='>f4')"
    c_code = "np.array(['x', 'yz'], dtype='<U2')"
    arrs = {k: eval(v, {"np": np}) for k, v in [("a", a_code), ("b", b_code), ("c", c_code)]}
    np.savez(corpus / "plain.npz", arrs["a"], b=arrs["b"], c=arrs["c"])
    np.savez_compressed(corpus / "compressed.npz", arrs["a"], b=arrs["b"], c=arrs["c"])
    np.savez(corpus / "empty.npz")
    g.case("npz.arr_0", a_code)
    g.case("npz.b", b_code)
    g.case("npz.c", c_code)
    g.case("npz_files", "sorted(np.load(io.BytesIO(data)).files)",
           setup=f"import io\nb = io.BytesIO()\nnp.savez(b, {a_code}, b={b_code}, c={c_code})\ndata = b.getvalue()")
    big = "np.arange(20000, dtype='<f8').reshape(100, 200) % 97"
    np.savez_compressed(corpus / "compressed_big.npz", big=eval(big, {"np": np}))
    g.case("npz_big_sum", f"float(({big}).sum())")

    # Hostile and malformed input: NumPy's errors, from bytes in memory.
    def bad(name, payload_code):
        """Records np.load's error for the payload, also written to io/npy/<name>.bin."""
        (corpus / f"{name}.bin").write_bytes(eval(payload_code, {"np": np}))
        g.case(name, "np.load(io.BytesIO(data))", setup=f"import io\ndata = {payload_code}")

    hdr = "lambda d, v=1: b'\\x93NUMPY' + bytes([v, 0]) + (len(d).to_bytes(2, 'little') if v == 1 else len(d).to_bytes(4, 'little')) + d"
    bad("err_magic_load", "b'\\x93NUMPZ\\x01\\x00' + b' ' * 100")
    g.case("err_magic", "np.lib.format.read_array(io.BytesIO(data))",
           setup="import io\ndata = b'\\x93NUMPZ\\x01\\x00' + b' ' * 100")  # same bytes as err_magic_load
    bad("err_version", "b'\\x93NUMPY\\x04\\x00' + b' ' * 100")
    bad("err_eof_magic", "b'\\x93NUMPY\\x01'")
    bad("err_eof_len", "b'\\x93NUMPY\\x02\\x00\\x10'")
    bad("err_eof_header", f"({hdr})(b\"{{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }}\")[:-5]")
    bad("err_syntax_v3", f"({hdr})(b\"{{'descr': '<f8', 'fortran_order': False, 'shape': (3,), \\n\", 3)")
    bad("err_syntax_v1", f"({hdr})(b\"{{'descr': : 1}}   \\n\")")
    bad("err_not_dict", f"({hdr})(b\"[1, 2]\\n\")")
    bad("err_keys", f"({hdr})(b\"{{'descr': '<f8', 'shape': (3,), 'extra': 1}}\\n\")")
    bad("err_keys_missing", f"({hdr})(b\"{{'descr': '<f8', 'shape': (3,)}}\\n\")")
    bad("err_shape", f"({hdr})(b\"{{'descr': '<f8', 'fortran_order': False, 'shape': [3]}}\\n\")")
    bad("err_shape_float", f"({hdr})(b\"{{'descr': '<f8', 'fortran_order': False, 'shape': (3, 1.5)}}\\n\")")
    bad("err_fortran", f"({hdr})(b\"{{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}}\\n\")")
    bad("err_descr", f"({hdr})(b\"{{'descr': '<q7', 'fortran_order': False, 'shape': (3,)}}\\n\")")
    bad("err_descr_list", f"({hdr})(b\"{{'descr': [('x', 5)], 'fortran_order': False, 'shape': (3,)}}\\n\")")
    bad("err_too_large", f"({hdr})(b\"{{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }}\" + b' ' * 20000 + b'\\n', 2)")
    bad("err_pickle", "b'\\x80\\x04not a numpy file'")
    bad("err_empty", "b''")
    # A header that promises more data than a real file holds.
    with open(corpus / "err_truncated.npy", "wb") as f:
        np.save(f, np.arange(10.0))
        f.truncate(128 + 8 * 7 + 3)
    g.case("err_truncated", "np.load(p)",
           setup="import tempfile, os\n"
                 "d = tempfile.mkdtemp()\np = os.path.join(d, 't.npy')\n"
                 "np.save(p, np.arange(10.0))\nopen(p, 'r+b').truncate(128 + 8 * 7 + 3)")
    g.case("err_key", "np.load(io.BytesIO(data))['nope']",
           setup="import io\nb = io.BytesIO()\nnp.savez(b, a=np.arange(3))\ndata = b.getvalue()")
    # The exception class of failures outside the .npy format itself (nprs-io's kind()).
    g.case("kind_missing_file", "np.load('/nonexistent-nprs-dir/absent.npy')")
    g.case("kind_not_zip", "np.load(io.BytesIO(data))", setup="import io\ndata = b'PK\\x03\\x04garbage'")
    g.case("kind_savez_name", "np.savez(io.BytesIO(), np.arange(2), arr_0=np.arange(3))", setup="import io")
