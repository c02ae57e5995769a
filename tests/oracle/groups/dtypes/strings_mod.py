"""numpy.strings.mod: `%` formatting of string arrays with random values of every numeric
dtype, bools and strings, broadcast formats against values, byte-string formats, and
Python's formatting errors."""

import numpy as np

# One seed makes every input; each case's recorded code reproduces them.
SETUP = r"""
rng = np.random.default_rng(1919)
INT_FMTS = ['%d', '%i', '%u', '%x', '%X', '%o', '%#x', '%#X', '%#o', '%+05d', '% d', '%-6d|', '%.3d',
            '%s', '%8s', '%f', '%.2e', '%g', '%G', '%10.3E', 'n=%d!', '%%%d', '%ld', '%07.2f', '%-+8i|']
FLOAT_FMTS = ['%d', '%i', '%.3f', '%e', '%g', '%G', '%s', '%12.5s', '%+.2f', '%-10.3e|', '%#g', '%#.0f',
              '%F', '%E', '%.0e', '%.10g', '%.17g', '%08.3f', '% .4e', '%.25f', '%u', '%.0f', '%.1g']
BOOL_FMTS = ['%d', '%s', '%5s', '%.1f', '%i', '%-6s|', '%e', '%03d']
STR_FMTS = ['%s', '%10s', '%-10s|', '%.2s', '<%s>', '%5.1s', '%s%%']
def vals(dt, n):
    dt = np.dtype(dt)
    if dt.kind == 'b':
        return rng.random(n) < 0.5
    if dt.kind in 'iu':
        ii = np.iinfo(dt)
        return rng.integers(ii.min, ii.max, n, dtype=dt, endpoint=True)
    mag = {2: 4, 4: 30, 8: 300}[dt.itemsize]
    x = rng.standard_normal(n) * 10.0 ** rng.integers(-mag, mag, n)
    return x.astype(dt)
def fmts(lst, n):
    return np.array(lst)[rng.integers(0, len(lst), n)]
ints = {t: vals(t, 300) for t in ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8']}
flts = {t: vals(t, 300) for t in ['f2', 'f4', 'f8']}
bools = vals('?', 50)
fi = fmts(INT_FMTS, 300)
ff = fmts(FLOAT_FMTS, 300)
fb = fmts(BOOL_FMTS, 50)
fs = fmts(STR_FMTS, 60)
words = np.array([''.join(rng.choice(list('ab\u00e9\u4e00 Z'), rng.integers(0, 9))) for _ in range(60)])
chars = rng.integers(32, 0x3000, 40)
v_i1, v_i2, v_i4, v_i8, v_u1, v_u2, v_u4, v_u8 = (ints[t] for t in ['i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'])
v_f2, v_f4, v_f8 = (flts[t] for t in ['f2', 'f4', 'f8'])
"""


def generate(g):
    def case(name, expr):
        g.case(name, expr, setup=SETUP)

    for t in ["i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8"]:
        case(f"in_int_{t}", f"v_{t}")
        case(f"int_{t}", f"np.strings.mod(fi, ints['{t}'])")
    for t in ["f2", "f4", "f8"]:
        case(f"in_float_{t}", f"v_{t}")
        case(f"float_{t}", f"np.strings.mod(ff, flts['{t}'])")
    case("in_bools", "bools")
    case("in_fi", "fi")
    case("in_ff", "ff")
    case("in_fb", "fb")
    case("in_fs", "fs")
    case("in_words", "words")
    case("in_chars", "chars")
    case("bool", "np.strings.mod(fb, bools)")
    case("str", "np.strings.mod(fs, words)")
    case("char_int", "np.strings.mod(np.array(['%c', '%-3c|', '%3c']).reshape(3, 1), chars)")
    case("char_str", "np.strings.mod('%c', np.array(['a', '\u00e9', '\u4e00']))")
    # Broadcasting: formats down, values across; a scalar format; a scalar value.
    case("bcast", "np.strings.mod(fi[:7].reshape(7, 1), ints['i8'][:5])")
    case("scalar_fmt", "np.strings.mod('x=%.2f', flts['f8'][:20])")
    case("scalar_val_int", "np.strings.mod(fi[:20], 42)")
    case("scalar_val_float", "np.strings.mod(ff[:20], 0.1)")
    case("scalar_val_str", "np.strings.mod(np.array(['%s', '[%5s]']), 'ab')")
    case("no_spec", "np.strings.mod(np.array(['abc', '100%%']), np.array([], dtype=int).reshape(0, 1))")
    case("empty", "np.strings.mod(np.array(['%d'], dtype='U7')[:0], np.array([], dtype=int))")
    case("zero_d", "np.strings.mod(np.array('%05.1f'), np.float32(2.25))")
    case("big_float_d", "np.strings.mod('%d', np.array([1e300, -2.5e40, 3.9e19, -0.5]))")
    case("wide", "np.strings.mod(np.array(['%.30f', '%40s']), 1.0 / 3.0)")
    # Byte-string formats.
    case("bytes_int", "np.strings.mod(np.array([b'%d', b'%5x|', b'%-4o|', b'%.2f']), np.array([255, -3, 8, 7]))")
    case("bytes_str", "np.strings.mod(np.array([b'<%s>', b'%4s', b'%c']), np.array([b'ab', b'c', b'z']))")
    case("bytes_char", "np.strings.mod(b'%c', np.array([65, 255]))")
    # Python's errors.
    case("err_too_few", "np.strings.mod(np.array(['%d %d']), 1)")
    case("err_too_many", "np.strings.mod(np.array(['abc']), 1)")
    case("err_too_many_empty_str", "np.strings.mod(np.array(['a%s', 'b']), np.array(['x', '']))")
    case("err_nan", "np.strings.mod('%d', np.array([1.0, np.nan]))")
    case("err_inf", "np.strings.mod('%i', np.array([np.inf]))")
    case("err_hex_float", "np.strings.mod('%x', np.array([1.5]))")
    case("err_hex_f4", "np.strings.mod('%X', np.array([1.5], dtype='f4'))")
    case("err_hex_bool", "np.strings.mod('%x', np.array([True]))")
    case("err_hex_str", "np.strings.mod('%x', np.array(['a']))")
    case("err_d_str", "np.strings.mod('%d', np.array(['a']))")
    case("err_f_str", "np.strings.mod('%f', np.array(['a']))")
    case("err_bad_char", "np.strings.mod(np.array(['ab%q']), 1)")
    case("err_incomplete", "np.strings.mod(np.array(['%5']), 1)")
    case("err_star", "np.strings.mod(np.array(['%*d']), 3)")
    case("err_c_float", "np.strings.mod('%c', np.array([1.0]))")
    case("err_c_long_str", "np.strings.mod('%c', np.array(['ab']))")
    case("err_c_range", "np.strings.mod('%c', np.array([0x110000]))")
    case("err_c_negative", "np.strings.mod('%c', np.array([-1]))")
    case("err_bytes_c_range", "np.strings.mod(b'%c', np.array([256]))")
    case("err_bytes_d_bytes", "np.strings.mod(b'%d', np.array([b'a']))")
    case("err_bytes_s_str", "np.strings.mod(np.array([b'%s']), np.array(['a']))")
    case("err_shape", "np.strings.mod(fi[:3], ints['i8'][:4])")
