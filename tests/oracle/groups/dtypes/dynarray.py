"""Dynamic arrays: mixed-dtype arithmetic, weak scalars (NEP 50), astype between dtypes, comparisons."""

import warnings

import numpy as np

warnings.simplefilter("ignore")

NUM = "? b B h H i I l L e f d F D".split()
OPS = {"add": "+", "subtract": "-", "multiply": "*", "divide": "/", "remainder": "%", "floor_divide": "//"}
SOME_PAIRS = [("b", "h"), ("B", "b"), ("L", "l"), ("i", "f"), ("?", "?"), ("e", "e"), ("e", "b"), ("f", "d"),
              ("F", "d"), ("D", "D"), ("H", "e"), ("?", "b"), ("I", "i"), ("l", "e"), ("B", "B"), ("d", "d")]


def arr(t, vals):
    return f"np.array({vals}, dtype={t!r})"


def generate(g):
    a_vals, b_vals = "[1, 2, 3, 7]", "[3, 2, 1, 2]"
    for a in NUM:
        for b in NUM:
            for op in ("add", "divide"):
                g.case(f"{op}_{a}_{b}", f"{arr(a, a_vals)} {OPS[op]} {arr(b, b_vals)}")
    for a, b in SOME_PAIRS:
        for op in ("subtract", "multiply", "remainder", "floor_divide"):
            g.case(f"{op}_{a}_{b}", f"{arr(a, a_vals)} {OPS[op]} {arr(b, b_vals)}")
    # Negative operands for remainder and floor division.
    for t in ("b", "i", "l", "f", "d", "e"):
        g.case(f"remainder_neg_{t}", f"{arr(t, '[-7, 7, -7, 7]')} % {arr(t, '[2, -2, -2, 2]')}")
        g.case(f"floor_divide_neg_{t}", f"{arr(t, '[-7, 7, -7, 7]')} // {arr(t, '[2, -2, -2, 2]')}")
    g.case("divide_by_zero_f8", "np.array([1.0, -1.0, 0.0]) / np.array([0.0, 0.0, 0.0])")
    g.case("int_divide_by_zero", "np.array([5, -5], np.int8) // np.array([0, 0], np.int8)")
    g.case("int_remainder_by_zero", "np.array([5, -5], np.int8) % np.array([0, 0], np.int8)")
    # Weak scalars.
    weak = {
        "int8_plus_1000": "np.array([1, 2], np.int8) + 1000",
        "uint8_plus_neg1": "np.array([1, 2], np.uint8) + (-1)",
        "uint8_wrap": "np.array([250, 10], np.uint8) + 10",
        "float32_plus_2_5": "np.array([1.0, 2.0], np.float32) + 2.5",
        "int8_plus_1_5": "np.array([1, 2], np.int8) + 1.5",
        "bool_plus_1": "np.array([True, False]) + 1",
        "bool_plus_true": "np.array([True, False]) + True",
        "int16_times_true": "np.array([3, 4], np.int16) * True",
        "float16_times_100000": "np.array([1.0], np.float16) * 100000",
        "float16_plus_65504": "np.array([0.0, 32.0], np.float16) + 65504",
        "int64_plus_2_63": "np.array([1], np.int64) + 2**63",
        "uint64_plus_2_64": "np.array([1], np.uint64) + 2**64",
        "uint64_plus_neg": "np.array([1], np.uint64) - 1",
        "float32_times_1j": "np.array([1.0, 2.0], np.float32) * 1j",
        "int32_div_2": "np.array([1, 2], np.int32) / 2",
        "scalar_left": "10 - np.array([1, 2], np.int8)",
        "int8_rem_3": "np.array([-7, 7], np.int8) % 3",
        "bool_minus_bool": "np.array([True]) - np.array([False])",
        "complex_remainder": "np.array([1j]) % np.array([1j])",
        "str_plus_int": "np.add(np.array(['a']), 1)",
        "int_plus_str": "np.add(np.array([1]), np.array(['a']))",
        "str_minus_str": "np.array(['a']) - np.array(['b'])",
        "str_plus_bytes": "np.array(['a']) + np.array([b'b'])",
        "str_plus_str": "np.array(['a', 'bc']) + np.array(['xyz'])",
        "bytes_plus_bytes": "np.array([b'a']) + np.array([b'b'])",
        "record_plus_int": "np.add(np.zeros(1, [('a', '<i4')]), 1)",
        "broadcast_mixed": "np.arange(6, dtype=np.int16).reshape(2, 3) * np.array([1.5, 2.5, 3.5], np.float32)",
        "broadcast_error": "np.zeros((2, 3), np.int8) + np.zeros(2, np.float64)",
        "bool_remainder": "np.array([True, False]) % np.array([True, True])",
        "bool_floor_divide": "np.array([True, False]) // np.array([True, True])",
        "bool_divide": "np.array([True, False]) / np.array([True, True])",
    }
    for k, e in weak.items():
        g.case(f"weak_{k}", e)
    # Comparisons.
    cmp = {
        "uint8_eq_neg1": "np.array([1, 2], np.uint8) == -1",
        "uint8_ne_neg1": "np.array([1, 2], np.uint8) != -1",
        "uint8_lt_300": "np.array([1, 2], np.uint8) < 300",
        "uint8_gt_300": "np.array([1, 2], np.uint8) > 300",
        "int8_ge_neg200": "np.array([1, -2], np.int8) >= -200",
        "neg200_lt_int8": "-200 < np.array([1, -2], np.int8)",
        "nan_eq": "np.array([np.nan, 1.0]) == np.array([np.nan, 1.0])",
        "nan_ne": "np.array([np.nan, 1.0]) != np.array([np.nan, 1.0])",
        "nan_lt": "np.array([np.nan, 1.0]) < np.array([1.0, np.nan])",
        "complex_lt": "np.array([1+2j, 1+3j, 2+0j]) < np.array([1+3j, 1+2j, 1+5j])",
        "mixed_eq": "np.array([1, 2, 3], np.int8) == np.array([1.0, 2.5, 3.0], np.float32)",
        "int_lt_float": "np.array([1, 2], np.int64) < 1.5",
        "bool_eq_int": "np.array([True, False]) == 1",
        "u8_i8_le": "np.array([200, 3], np.uint8) <= np.array([-1, 3], np.int8)",
        "str_eq_int": "np.array(['a', 'b']) == 1",
        "str_lt_int": "np.array(['a']) < 1",
        "str_eq_bytes": "np.array(['a']) == np.array([b'a'])",
    }
    for k, e in cmp.items():
        g.case(f"cmp_{k}", e)
    # astype between numeric dtypes, special values included.
    srcs = {
        "f8": "np.array([np.nan, np.inf, -np.inf, 1e20, -1e20, 300.7, -1.5, 2.0**31, -2.0**31 - 1, 2.0**63, 255.5, -0.0, 65520.0, 1e-8])",
        "f4": "np.array([np.nan, np.inf, -np.inf, 1e20, -1e20, 300.7, -1.5, 2.0**31, 255.5, -0.0, 65520.0], np.float32)",
        "f2": "np.array([np.nan, np.inf, -np.inf, 65504, -300.5, 255.5, -1.5, 0.1], np.float16)",
        "i8": "np.array([-2**63, 2**63 - 1, -1, 300, 65537, 2**53 + 1, 2**24 + 1, 2049], np.int64)",
        "u8": "np.array([2**64 - 1, 2**63, 300, 0, 2**53 + 1], np.uint64)",
        "i2": "np.array([-32768, 32767, -1, 300, 2049], np.int16)",
        "b1": "np.array([True, False])",
        "c16": "np.array([1.5 + 2.5j, np.nan + 1j, -3.7 - 0j, 1e20 + 0j])",
        "c8": "np.array([1.5 + 2.5j, -3.7 - 1j], np.complex64)",
    }
    for s, e in srcs.items():
        for t in NUM:
            # Cast each value four times and keep one: NumPy's float -> uint32 results for
            # NaN and out-of-range values differ between its vectorised body (groups of
            # four) and the tail; this keeps every element in the body.
            g.case(f"astype_{s}_{t}", f"np.repeat({e}, 4).astype({t!r})[::4]")
    # astype to and from strings.
    strs = {
        "f8_U": "np.array([1.5, 1e20, np.nan, -0.0, 0.1, 1/3, 1e16, 1e15, 1e-5, 123456.789]).astype('U')",
        "f4_U": "np.array([0.1, 1e7, 1e6, 123456.0, 1e-4, 3.4028235e38], np.float32).astype('U')",
        "f2_U": "np.array([0.1, 1000, 999, 65504, 1e-4, 6e-8], np.float16).astype('U')",
        "i8_U": "np.array([1, -5, 2**63 - 1]).astype('U')",
        "u1_U": "np.array([1, 255], np.uint8).astype('U')",
        "i1_S": "np.array([-128, 5], np.int8).astype('S')",
        "b1_U": "np.array([True, False]).astype('U')",
        "c16_U": "np.array([1+2j, 1.5, 1j, -1-1j, 1e20+1e-5j]).astype('U')",
        "c8_U": "np.array([0.1+0.2j, 1e7], np.complex64).astype('U')",
        "i8_U3": "np.array([12345, 7]).astype('U3')",
        "f8_U2": "np.array([1.5]).astype('U2')",
        "f2_S": "np.array([1000], np.float16).astype('S')",
        "U_i1": "np.array(['12', '-7', ' 3 ', '+1_0']).astype(np.int8)",
        "U_i1_overflow": "np.array(['300', '-1']).astype(np.int8)",
        "U_u1_overflow": "np.array(['300']).astype(np.uint8)",
        "U_i8_float_text": "np.array(['1e5']).astype(np.int64)",
        "U_i8_hex": "np.array(['0x10']).astype(np.int64)",
        "U_f2": "np.array(['1.5', 'inf', '-nan', '1e5']).astype(np.float16)",
        "U_f8": "np.array(['1.5', ' 2.25 ', '-1e-3', '1_000.5']).astype(np.float64)",
        "U_f8_bad": "np.array(['abc']).astype(np.float64)",
        "U_b1": "np.array(['', 'a', '0', 'False']).astype(bool)",
        "S_b1": "np.array([b'', b'a']).astype(bool)",
        "U_c16": "np.array(['1+2j', '3', '-2j', '(1-1j)']).astype(complex)",
        "S_f4": "np.array([b'1.5', b'-2']).astype(np.float32)",
        "U_U3": "np.array(['abcdef', 'xy']).astype('U3')",
        "U_S": "np.array(['abc', 'de']).astype('S')",
        "S_U": "np.array([b'abc', b'de']).astype('U')",
        "U_S_nonascii": "np.array(['\u00e9']).astype('S')",
        "S_U_nonascii": "np.array([b'\\xe9']).astype('U')",
        "U_S2": "np.array(['abc']).astype('S2')",
    }
    for k, e in strs.items():
        g.case(f"astype_str_{k}", e)
    g.case("astype_safe_error", "np.array([1.5]).astype(np.int64, casting='safe')")
    g.case("astype_same_kind_ok", "np.array([1.5]).astype(np.float32, casting='same_kind')")
    g.case("astype_big_endian", "np.array([1, 256, -2], '>i4').astype('<i8')")
    g.case("astype_to_big_endian_bytes", "list(np.array([1, 256], np.int32).astype('>i4').tobytes())")
    # Dates: unit conversion and integer casts.
    g.case("datetime_units", "np.array([0, 1, -1, 86399, -86401], 'M8[s]').astype('M8[D]').astype(np.int64)")
    g.case("timedelta_units", "np.array([1, -1, 3], 'm8[h]').astype('m8[s]').astype(np.int64)")
    g.case("timedelta_nat", "np.array(['NaT', 5], 'm8[s]').astype('m8[ms]').astype(np.int64)")
    # Concatenation and stacking with promotion.
    g.case("concat_i4_f8", "np.concatenate([np.array([1, 2], np.int32), np.array([0.5])])")
    g.case("concat_u1_i1", "np.concatenate([np.array([200], np.uint8), np.array([-1], np.int8)])")
    g.case("concat_2d_axis1", "np.concatenate([np.arange(4, dtype=np.int8).reshape(2, 2), np.ones((2, 1), np.float16)], axis=1)")
    g.case("concat_str", "np.concatenate([np.array(['a']), np.array(['bcd'])])")
    g.case("concat_dims_error", "np.concatenate([np.zeros((2, 2)), np.zeros(2)])")
    g.case("concat_shape_error", "np.concatenate([np.zeros((2, 2)), np.zeros((3, 3))], axis=1)")
    g.case("stack_axis1", "np.stack([np.array([1, 2], np.int8), np.array([3, 4], np.uint16)], axis=1)")
    g.case("stack_shape_error", "np.stack([np.zeros(2), np.zeros(3)])")
    # Setting items with Python values.
    sets = {
        "int8_1000": ("int8", "1000"), "int8_1000_0": ("int8", "1000.0"), "int8_1_5": ("int8", "1.5"),
        "int64_nan": ("int64", "float('nan')"), "int64_inf": ("int64", "float('inf')"), "int64_1e20": ("int64", "1e20"),
        "uint8_neg": ("uint8", "-1"), "float64_complex": ("float64", "1+2j"), "float16_1e6": ("float16", "1e6"),
        "int8_str": ("int8", "'12'"), "int8_str_float": ("int8", "'1.5'"), "float64_str": ("float64", "'1.5'"),
        "float64_bad": ("float64", "'abc'"), "bool_str": ("bool", "'abc'"), "U3_long": ("U3", "'abcdef'"),
        "S3_long": ("S3", "'abcdef'"), "S3_nonascii": ("S3", "'\u00e9'"), "U3_int": ("U3", "12345"),
        "U5_float": ("U5", "1.5"), "U5_bool": ("U5", "True"), "int64_2_70": ("int64", "2**70"),
        "uint64_2_64": ("uint64", "2**64"), "int16_40000": ("int16", "40000"), "complex64_str": ("complex64", "'1+2j'"),
    }
    for k, (t, v) in sets.items():
        g.case(f"setitem_{k}", f"a = np.zeros(2, {t!r})\na[0] = {v}", result="a")
    # Raw bytes in a dtype's byte order (the body of a .npy file).
    g.case("bytes_big_endian_f8", "list(np.array([1.5, -2.0, 1e300], '>f8').tobytes())")
    g.case("bytes_big_endian_f8_values", "np.array([1.5, -2.0, 1e300], '>f8').astype('<f8')")
    g.case("bytes_record", "list(np.array([('ab', 3, 2.5), ('\u00e9', -1, 0.0)], [('s', '<U2'), ('i', '>i4'), ('f', '<f4')]).tobytes())")
    g.case("bytes_record_values", "np.array([('ab', 3, 2.5), ('\u00e9', -1, 0.0)], [('s', '<U2'), ('i', '>i4'), ('f', '<f4')]).tolist()")
    g.case("bytes_fortran", "list(np.asfortranarray(np.arange(6, dtype='<i2').reshape(2, 3)).tobytes(order='F'))")
