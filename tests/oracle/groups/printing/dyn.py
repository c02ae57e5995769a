"""Printing of dynamic arrays: str()/repr() of string, bytes, void, record and numeric arrays
(including byte-swapped ones), with and without print options.

Each case records ({dtype, shape, hex bytes, view}, repr, str, np.get_printoptions()); the
test rebuilds the array from the bytes (`str(dtype)` parses back), applies the same view
(`T`, `step` = [::2], `rev` = [::-1]) and the options, and compares both strings."""

import numpy as np

VIEWS = {"": "", "T": ".T", "step": "[::2]", "rev": "[::-1]"}


def show(g, name, expr, setup="", view="", **opts):
    code = (setup + "\n" if setup else "") + (
        f"with np.printoptions(**{opts!r}):\n"
        f"    base = np.asarray({expr}).copy(order='C')\n"
        f"    a = base{VIEWS[view]}\n"
        "    spec = {'dtype': str(base.dtype), 'shape': list(base.shape), 'hex': base.tobytes().hex(), "
        f"'view': {view!r}}}\n"
        "    out = (spec, repr(a), str(a), np.get_printoptions())"
    )
    g.case(name, code, result="out")


PEOPLE = (
    "np.array([('Alice', 25, [90.0, 85.5, 77.0]), ('Bob', 19, [60.0, 70.0, 80.0]),"
    " ('Carol', 31, [88.0, 92.25, 79.5])],"
    " dtype=[('name', 'U10'), ('age', 'i4'), ('scores', 'f8', (3,))])"
)


def strings(g):
    show(g, "u_basic", "np.array(['a', 'bcd', ''])")
    show(g, "u_2d", "np.array([['ab', 'c'], ['d', 'efgh']])")
    show(g, "u_3d", "np.array([[['a', 'b'], ['c', 'd']], [['e', 'f'], ['g', 'h']]])")
    show(g, "u_quotes", "np.array([\"it's\", 'say \"hi\"', 'both \\' and \"'])")
    show(g, "u_escapes", "np.array(['a\\nb', 'tab\\there', 'back\\\\slash', '\\x01\\x7f'])")
    show(g, "u_unicode", "np.array(['caf\\u00e9', '\\u65e5\\u672c', '\\U0001f600', '\\u00a0x'])")
    show(g, "u_format_chars", "np.array(['a\\u200bb', '\\ufeff', '\\ue000', '\\U000f0000', '\\ufdd0', '\\U0001fffe', '\\u0600x', '\\u2028'])")
    show(g, "u_long_wrap", "np.array(['word%d' % i * 3 for i in range(12)])")
    show(g, "u_linewidth", "np.array(['alpha', 'beta', 'gamma', 'delta', 'epsilon'])", linewidth=20)
    show(g, "u_summary", "np.array(['s%d' % i for i in range(20)])", threshold=5)
    show(g, "u_summary_e1", "np.array(['s%d' % i for i in range(20)])", threshold=5, edgeitems=1)
    show(g, "u_summary_e0", "np.array(['s%d' % i for i in range(20)])", threshold=5, edgeitems=0)
    show(g, "u_summary_2d", "np.array([['r%dc%d' % (i, j) for j in range(8)] for i in range(8)])", threshold=10, edgeitems=2)
    show(g, "u_default_threshold", "np.array(['x', 'y', 'z'] * 334)")
    show(g, "u_0d", "np.array('abc')")
    show(g, "u_0d_empty", "np.array('', dtype='U2')")
    show(g, "u_0d_quote", "np.array(\"it's\")")
    show(g, "u_empty", "np.array([], dtype='U3')")
    show(g, "u_empty_2d", "np.zeros((0, 2), dtype='U1')")
    show(g, "u_empty_2d_b", "np.zeros((2, 0), dtype='U1')")
    show(g, "u_big_endian", "np.array(['ab', 'c'], dtype='>U2')")
    show(g, "u_transposed", "np.array([['ab', 'c', 'd'], ['e', 'fg', 'h']])", view="T")
    show(g, "u_step", "np.array(['a', 'b', 'c', 'd', 'e'])", view="step")
    show(g, "u_reversed", "np.array(['a', 'bb', 'ccc'])", view="rev")
    show(g, "u_options_ignored", "np.array(['1.5', '-2'])", precision=1, sign="+", floatmode="fixed")
    show(g, "u_wide_cells", "np.array(['x' * 30, 'y' * 30, 'z' * 30])")
    show(g, "u_2d_wrap", "np.array([['item%02d' % (i * 10 + j) for j in range(10)] for i in range(2)])")
    show(g, "s_basic", "np.array([b'a', b'bcd', b''])")
    show(g, "s_escapes", "np.array([b'\\x00x', b\"it's\", b'\\xff\\n', b'\\\\'])")
    show(g, "s_trailing_nul", "np.array([b'ab\\x00\\x00', b'c'], dtype='S4')")
    show(g, "s_2d", "np.array([[b'ab', b'c'], [b'd', b'ef']])")
    show(g, "s_0d", "np.array(b'ab')")
    show(g, "s_0d_escape", "np.array(b'\\x01\\'')")
    show(g, "s_empty", "np.array([], dtype='S2')")
    show(g, "s_summary", "np.array([b'b%d' % i for i in range(30)])", threshold=10)
    show(g, "s_default_threshold", "np.array([b'k'] * 1001)")
    show(g, "s_linewidth", "np.array([b'abc'] * 12)", linewidth=30)
    show(g, "v_basic", "np.array([b'\\x00\\x01a', b'xyz'], dtype='V3')")
    show(g, "v_0d", "np.array(np.void(b'\\x00\\x7f'))")
    show(g, "v_2d", "np.zeros((2, 2), dtype='V2')")
    show(g, "v_empty", "np.zeros(0, dtype='V4')")


def records(g):
    show(g, "r_people", PEOPLE)
    show(g, "r_people_p2", PEOPLE, precision=2)
    show(g, "r_people_sign", PEOPLE, sign="+")
    show(g, "r_people_fixed", PEOPLE, floatmode="fixed", precision=3)
    show(g, "r_people_lw", PEOPLE, linewidth=40)
    show(g, "r_people_rev", PEOPLE, view="rev")
    show(g, "r_people_step", PEOPLE, view="step")
    show(g, "r_ints_bools", "np.array([(1, True), (100, False), (-5, True)], dtype=[('a', 'i4'), ('b', '?')])")
    show(g, "r_int_sign_space", "np.array([(1, 2), (30, -4)], dtype=[('a', 'i8'), ('b', 'i2')])", sign=" ")
    show(g, "r_single_field", "np.array([(1,), (22,)], dtype=[('a', 'i8')])")
    show(g, "r_floats_exp", "np.array([(1e-5, 1.5), (1e10, 2.0)], dtype=[('x', 'f8'), ('y', 'f4')])")
    show(g, "r_floats_suppress", "np.array([(1e-5, 1.5), (1e3, 2.0)], dtype=[('x', 'f8'), ('y', 'f4')])", suppress=True)
    show(g, "r_floats_unique", "np.array([(0.1, 1 / 3), (2.5, 1e-3)], dtype=[('x', 'f8'), ('y', 'f8')])", floatmode="unique")
    show(g, "r_floats_maxprec_equal", "np.array([(0.1, 1 / 3), (2.5, 1e-3)], dtype=[('x', 'f8'), ('y', 'f8')])", floatmode="maxprec_equal", precision=4)
    show(g, "r_nan_inf", "np.array([(np.nan, -np.inf), (1.5, 2.0)], dtype=[('x', 'f8'), ('y', 'f8')])")
    show(g, "r_nan_inf_strs", "np.array([(np.nan, -np.inf), (1.5, np.inf)], dtype=[('x', 'f8'), ('y', 'f8')])", nanstr="NaN", infstr="Inf")
    show(g, "r_f2_f4", "np.array([(0.1, 0.1, 0.1), (1000.0, 3.0, 1e-7)], dtype=[('h', 'f2'), ('s', 'f4'), ('d', 'f8')])")
    show(g, "r_complex", "np.array([(1 + 2j, 1), (0.5 - 1j, 2)], dtype=[('c', 'c16'), ('i', 'i4')])")
    show(g, "r_complex64", "np.array([(1 + 2j, 1e-6j), (0.5 - 1j, 3)], dtype=[('c', 'c8'), ('d', 'c8')])")
    show(g, "r_complex_opts", "np.array([(1 / 3 + 2j,), (-0.5 - 1j / 7,)], dtype=[('c', 'c16')])", precision=3, sign="+")
    show(g, "r_complex_nan", "np.array([(complex(np.nan, 1),), (complex(1, np.inf),)], dtype=[('c', 'c16')])")
    show(g, "r_bytes_field", "np.array([(b'ab', 1), (b'\\x00', 200)], dtype=[('k', 'S2'), ('v', 'u1')])")
    show(g, "r_void_field", "np.array([(b'\\x01\\x02', 1)], dtype=[('raw', 'V2'), ('n', 'i1')])")
    show(g, "r_nested", "np.array([((1.5, 2.0), 7), ((-3.25, 0.0), 8)], dtype=[('pos', [('x', 'f4'), ('y', 'f4')]), ('id', 'u8')])")
    show(g, "r_nested_deep", "np.array([(((1, True),), 'a')], dtype=[('o', [('i', [('n', 'i2'), ('b', '?')])]), ('s', 'U1')])")
    show(g, "r_sub_2d", "np.array([([[1, 2], [3, 4]], 0.5)], dtype=[('m', 'i4', (2, 2)), ('f', 'f8')])")
    show(g, "r_sub_bool", "np.array([([True, False],), ([False, False],)], dtype=[('b', '?', (2,))])")
    show(g, "r_sub_str", "np.array([(['ab', 'c'],)], dtype=[('s', 'U2', (2,))])")
    show(g, "r_sub_records", "np.array([([(1, 2.5), (3, 4.0)],)], dtype=[('p', [('a', 'i4'), ('b', 'f8')], (2,))])")
    show(g, "r_sub_summary", "np.zeros(2, dtype=[('a', 'f8', (10,))])", threshold=5)
    show(g, "r_sub_summary_e1", "np.zeros(2, dtype=[('a', 'f8', (4, 2))])", threshold=5, edgeitems=1)
    show(g, "r_sub_summary_e0", "np.arange(12.0).view([('a', 'f8', (6,))])", threshold=5, edgeitems=0)
    show(g, "r_sub_long_default", "np.arange(2004, dtype='i2').view([('a', 'i2', (1002,))])")
    show(g, "r_sub_empty", "np.zeros(2, dtype=[('e', 'f8', (0,)), ('i', 'i1')])")
    show(g, "r_0d", "np.array((1, 2.5), dtype=[('a', 'i4'), ('b', 'f8')])")
    show(g, "r_0d_floats", "np.array((1 / 3, np.float32(0.1), 1e20, 1e-5), dtype=[('a', 'f8'), ('b', 'f4'), ('c', 'f8'), ('d', 'f8')])")
    show(g, "r_0d_sign", "np.array((1, 2.5, 1 + 2j), dtype=[('a', 'i4'), ('b', 'f8'), ('c', 'c16')])", sign="+", precision=2)
    show(g, "r_0d_bool", "np.array((True,), dtype=[('b', '?')])")
    show(g, "r_0d_sub", "np.array(([True, False], [1.0, 2.5]), dtype=[('b', '?', (2,)), ('f', 'f8', (2,))])")
    show(g, "r_0d_nested", "np.array(((True, 1.5),), dtype=[('r', [('b', '?'), ('f', 'f4')])])")
    show(g, "r_0d_strings", "np.array(('x', b'y', 3), dtype=[('u', 'U2'), ('s', 'S2'), ('n', 'u2')])")
    show(g, "r_2d", "np.zeros((2, 2), dtype=[('a', 'i1')])")
    show(g, "r_3d", "np.arange(8, dtype='i2').view([('a', 'i2')]).reshape(2, 2, 2)")
    show(g, "r_2d_wrap", "np.zeros((2, 5), dtype=[('name', 'U6'), ('value', 'f8')])")
    show(g, "r_transposed", "np.arange(6, dtype='i4').view([('a', 'i4')]).reshape(2, 3)", view="T")
    show(g, "r_summary", "np.arange(20, dtype='i4').view([('a', 'i4')])", threshold=5)
    show(g, "r_summary_floats", "np.array([(i / 7, i) for i in range(30)], dtype=[('f', 'f8'), ('i', 'i8')])", threshold=10, edgeitems=2)
    show(g, "r_summary_2d", "np.arange(64, dtype='i2').view([('a', 'i2')]).reshape(8, 8)", threshold=10, edgeitems=1)
    show(g, "r_empty", "np.zeros(0, dtype=[('a', 'i4'), ('b', 'f8')])")
    show(g, "r_empty_2d", "np.zeros((0, 3), dtype=[('a', 'i4')])")
    show(g, "r_aligned", "np.zeros(2, dtype=np.dtype([('a', 'i1'), ('b', 'i4')], align=True))")
    show(g, "r_offsets", "np.zeros(2, dtype={'names': ['a', 'b'], 'formats': ['i2', 'f4'], 'offsets': [0, 8], 'itemsize': 16})")
    show(g, "r_big_endian", "np.array([(1, 2.5)], dtype=[('a', '>i4'), ('b', '>f8')])")
    show(g, "r_datetime_fields", "np.array([(np.datetime64('2024-01-01'), np.timedelta64(5, 'h')), (np.datetime64('NaT'), np.timedelta64(-12, 'h'))], dtype=[('d', 'M8[D]'), ('t', 'm8[h]')])")
    show(g, "r_0d_datetime", "np.array((np.datetime64('2024-02-29T12:30', 'm'), np.timedelta64(3, 'D')), dtype=[('d', 'M8[m]'), ('t', 'm8[D]')])")
    show(g, "r_no_fields", "np.zeros(2, dtype=[])")
    show(g, "r_many_fields", "np.zeros(1, dtype=[('f%d' % i, 'f8') for i in range(12)])")
    show(g, "r_nested_wrap", "np.zeros(3, dtype=[('a', [('x', 'f8'), ('y', 'f8'), ('z', 'f8')]), ('b', 'U8'), ('c', 'i8', (3,))])")


def numeric(g):
    show(g, "n_int32_be", "np.array([1, -2, 300], dtype='>i4')")
    show(g, "n_int64_be", "np.array([1, 2], dtype='>i8')")
    show(g, "n_f8_be", "np.array([1.5, -2.25, np.nan], dtype='>f8')")
    show(g, "n_f4_be", "np.array([0.1, 1e7], dtype='>f4')")
    show(g, "n_c16_be", "np.array([1 + 2j, -0.5j], dtype='>c16')")
    show(g, "n_u2_be", "np.array([1, 65535], dtype='>u2')")
    show(g, "n_f8_be_0d", "np.array(0.1, dtype='>f8')")
    show(g, "n_bool", "np.array([True, False, True])")
    show(g, "n_bool_0d", "np.array(False)")
    show(g, "n_int8", "np.array([[1, -2], [3, 127]], dtype='i1')")
    show(g, "n_uint64", "np.array([0, 2**64 - 1], dtype='u8')")
    show(g, "n_f2", "np.array([0.1, 1000.0, 65504.0], dtype='f2')")
    show(g, "n_f8_precision", "np.array([np.pi, np.e])", precision=3)
    show(g, "n_f8_sign", "np.array([1.0, -1.0, 0.0])", sign="+")
    show(g, "n_f8_suppress", "np.array([1e-10, 1.0])", suppress=True)
    show(g, "n_f8_fixed", "np.array([0.5, 0.25])", floatmode="fixed", precision=4)
    show(g, "n_f8_nanstr", "np.array([np.nan, np.inf, 1.0])", nanstr="NA", infstr="INF")
    show(g, "n_f8_nanstr_0d", "np.array(np.nan)", nanstr="NA", infstr="INF")
    show(g, "n_c16_fixed", "np.array([1 / 3 + 1j, 2 - 0.5j])", floatmode="fixed", precision=2)
    show(g, "n_summary", "np.arange(30.0)", threshold=10, edgeitems=2)
    show(g, "n_summary_2d", "np.arange(100, dtype='i2').reshape(10, 10)", threshold=20)
    show(g, "n_0d_int", "np.array(5, dtype='u1')")
    show(g, "n_0d_threshold0", "np.array(5)", threshold=0)
    show(g, "n_0d_str_threshold0", "np.array('ab')", threshold=0)
    show(g, "n_0d_record_threshold0", "np.array((1, 2.5), dtype=[('a', 'i4'), ('b', 'f8')])", threshold=0)
    show(g, "n_empty_f4", "np.zeros((0, 2), dtype='f4')")
    show(g, "n_transposed", "np.arange(6, dtype='i8').reshape(2, 3)", view="T")
    show(g, "n_reversed_be", "np.array([1.5, 2.5, 3.5], dtype='>f8')", view="rev")


def zero_size(g):
    """Records with fields of no bytes: empty sub-arrays, `S0`, `V0`, empty records."""
    show(g, "z_subarray_field", "np.zeros(3, dtype=[('s', '<f8', (0,))])")
    show(g, "z_subarray_2x0", "np.zeros(2, dtype=[('a', '<i4'), ('s', '<f8', (2, 0))])")
    show(g, "z_subarray_0x2", "np.zeros(2, dtype=[('s', '<f8', (0, 2)), ('b', '<f4')])")
    show(g, "z_bytes_field", "np.zeros(3, dtype=[('s', 'S0')])")
    show(g, "z_void_field", "np.zeros(3, dtype=[('v', 'V0'), ('i', '<i2')])")
    show(g, "z_unicode_field", "np.zeros(2, dtype=[('u', '<U0'), ('x', '<f8')])")
    show(g, "z_empty_record_field", "np.zeros(2, dtype=[('r', [], (2,)), ('x', '<i1')])")
    show(g, "z_nested", "np.zeros(2, dtype=[('n', [('s', 'S0'), ('e', '<f8', (0,))])])")
    show(g, "z_0d", "np.zeros((), dtype=[('s', '<f8', (0,)), ('b', 'S0')])")
    show(g, "z_2d", "np.zeros((2, 2), dtype=[('s', '<f8', (0,))])")
    show(g, "z_summary", "np.zeros(20, dtype=[('s', '<f8', (0,))])", threshold=5)


def generate(g):
    strings(g)
    records(g)
    numeric(g)
    zero_size(g)
