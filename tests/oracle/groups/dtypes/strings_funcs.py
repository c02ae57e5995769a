"""numpy.strings comparisons, character classes, case changes, searching, partitioning,
slicing, tabs, translation and codecs, on random `U` and `S` arrays (ASCII and non-ASCII
text, empty strings, bytes with trailing NULs)."""

import numpy as np

# The inputs, made by the setup of every case from one seed (so that each case's recorded
# code reproduces them).
SETUP = r"""
import random
SPECIAL = ("\u00df\u01c4\u01c5\u01c6\u03a3\u03c3\u03c2\u0390\ufb01\u1fb3\u1f88\u0130\u0131"
    "\u0663\u00b2\u00bd\u216b\u4e00\u2028\x1c\x1f\u00a0\u3000\u0345\u24b6\u24d0\u02b0"
    "\u1e9e\u2160\u0addx\u00e9\u00c9\u0308\u0301\u2009\u0085\U0001d400\U00010400\U00010428")
RANGES = [(0x80, 0x2fff), (0x3000, 0x9fff), (0xa000, 0xd7ff), (0xe000, 0xffff), (0x10000, 0x1ffff)]
def ch(r):
    k = r.random()
    if k < 0.45:
        return r.choice("abcXYZ019 \t\n!-_.")
    if k < 0.75:
        return r.choice(SPECIAL)
    lo, hi = r.choice(RANGES)
    return chr(r.randint(lo, hi))
def st(r, m=12):
    return "".join(ch(r) for _ in range(r.choice([0, 1, 2] + list(range(3, m + 1)))))
def bt(r, m=10):
    b = bytes(r.choice(b"abcXYZ019 \t\n!\x0b\x0c") if r.random() < 0.8 else r.randint(1, 255) for _ in range(r.randint(0, m)))
    return b + b"\x00" * r.choice([0, 0, 1, 2])
r = random.Random(19)
u = [st(r) for _ in range(400)]
w = [" ".join(st(r, 5) for _ in range(r.randint(0, 3))) for _ in range(200)]
u2 = [x if r.random() < 0.3 else st(r) for x in u]
by = [bt(r) for _ in range(300)]
by2 = [x if r.random() < 0.3 else bt(r) for x in by]
sm = ["".join(r.choice("ab\u00e9") for _ in range(r.randint(0, 8))) for _ in range(200)]
smb = ["".join(r.choice("ab-") for _ in range(r.randint(0, 8))).encode() for _ in range(200)]
tb = ["".join(r.choice("ab\t\n\r\u00e9") for _ in range(r.randint(0, 10))) for _ in range(100)]
u, w, u2, by, by2, sm, smb, tb = (np.array(x) for x in (u, w, u2, by, by2, sm, smb, tb))
"""


def generate(g):
    setup = SETUP
    for name in ["u", "w", "u2", "by", "by2", "sm", "smb", "tb"]:
        g.case(f"in_{name}", name, setup=setup)

    def case(name, expr):
        g.case(name, expr, setup=setup)

    for f in ["isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "islower", "isupper", "istitle"]:
        case(f"{f}_u", f"np.strings.{f}(u)")
        case(f"{f}_w", f"np.strings.{f}(w)")
        case(f"{f}_by", f"np.strings.{f}(by)")
    for f in ["swapcase", "title"]:
        case(f"{f}_u", f"np.strings.{f}(u)")
        case(f"{f}_w", f"np.strings.{f}(w)")
        case(f"{f}_by", f"np.strings.{f}(by)")
    case("title_sigma", "np.strings.title(np.array(['\u03a3\u03a3 a\u03a3 \u03a3a\u03a3.\u03a3', 'x\u03a3\u0301 y']))")
    case("swapcase_sigma", "np.strings.swapcase(np.array(['A\u03a3', '\u03c3\u03a3\u03c2 \u03a3', 'a\u03a3b']))")

    for f in ["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]:
        case(f"{f}_u", f"np.strings.{f}(u, u2)")
        case(f"{f}_by", f"np.strings.{f}(by, by2)")
        case(f"{f}_bcast", f"np.strings.{f}(u.reshape(20, 20), u2[:20])")
        case(f"{f}_scalar", f"np.strings.{f}(sm, 'ab')")
    case("equal_mixed", "np.strings.equal(u, by[:1])")
    case("less_int", "np.strings.less(u, 1)")

    for f in ["find", "rfind", "count"]:
        for sub in ["a", "ab", "\u00e9a", "", "zz"]:
            for k, (s, e) in enumerate([(0, None), (2, None), (-3, None), (1, 5), (0, -2), (9, None), (20, 3)]):
                case(f"{f}_{sub!r}_{k}", f"np.strings.{f}(sm, {sub!r}, {s}, {e})")
        case(f"{f}_b", f"np.strings.{f}(smb, b'a-', 1, None)")
    case("index_ok", "np.strings.index(sm[np.strings.find(sm, 'b') >= 0], 'b')")
    case("rindex_ok", "np.strings.rindex(sm[np.strings.find(sm, 'b', 1) >= 0], 'b', 1)")
    case("index_missing", "np.strings.index(sm, 'b')")
    case("rindex_missing", "np.strings.rindex(smb, b'ab', 2, -1)")

    for f in ["partition", "rpartition"]:
        for sep in ["a", "ab", "\u00e9", "zz"]:
            for i in range(3):
                case(f"{f}_{sep!r}_{i}", f"np.strings.{f}(sm, {sep!r})[{i}]")
        for i in range(3):
            case(f"{f}_b_{i}", f"np.strings.{f}(smb, b'-')[{i}]")
        case(f"{f}_empty", f"np.strings.{f}(sm, '')")

    for t in [8, 4, 1, 0, -1]:
        case(f"expandtabs_{t}", f"np.strings.expandtabs(tb, {t})")
        case(f"expandtabs_b_{t}", f"np.strings.expandtabs(np.strings.encode(tb), {t})")

    for k, t in enumerate([2**40, 2**31, 2**29]):
        case(f"expandtabs_huge_{k}", f"np.strings.expandtabs(np.array(['a\\tb']), {t})")
    slices = [(1, 5, None), (None, None, -1), (-3, None, None), (5, 1, -2), (None, 2, None), (-20, 20, 3), (20, -20, -1), (3, 3, 1)]
    for k, (a, b, c) in enumerate(slices):
        case(f"slice_{k}", f"np.strings.slice(u, {a}, {b}, {c})")
        case(f"slice_b_{k}", f"np.strings.slice(by, {a}, {b}, {c})")
    case("slice_zero_step", "np.strings.slice(u, 0, 3, 0)")

    table = {ord("a"): "XY", ord("\u00e9"): None, ord("b"): "\u03a3"}
    case("translate_u", f"np.strings.translate(sm, {table!r})")
    case("translate_b", "np.strings.translate(smb, bytes((i * 7 + 3) % 256 for i in range(256)), b'-')")
    case("translate_b_nul_end", "np.strings.translate(smb, bytes(range(256))[::-1], b'-')")
    case("translate_b_delete", "np.strings.translate(smb, None, b'a')")
    case("translate_b_short", "np.strings.translate(smb, b'abc')")

    case("encode_utf8", "np.strings.encode(u)")
    case("encode_utf8_named", "np.strings.encode(u, 'UTF8')")
    case("encode_ascii", "np.strings.encode(u, 'ascii')")
    case("encode_ascii_run", "np.strings.encode(np.array(['ab\u00e9\u00e9\u4e00c']), 'ascii')")
    case("encode_latin1", "np.strings.encode(u, 'latin-1')")
    case("encode_latin1_ok", "np.strings.encode(sm, 'latin-1')")
    case("encode_ascii_ignore", "np.strings.encode(u, 'ascii', 'ignore')")
    case("encode_ascii_replace", "np.strings.encode(u, 'ascii', 'replace')")
    case("encode_unknown", "np.strings.encode(u, 'klingon')")
    case("encode_bad_handler", "np.strings.encode(u, 'ascii', 'shout')")
    case("decode_utf8", "np.strings.decode(np.strings.encode(u))")
    case("decode_latin1", "np.strings.decode(by, 'latin-1')")
    case("decode_ascii", "np.strings.decode(by, 'ascii')")
    case("decode_utf8_bad", "np.strings.decode(by, 'utf-8')")
    case("decode_utf8_replace", "np.strings.decode(by, 'utf-8', 'replace')")
    case("decode_utf8_ignore", "np.strings.decode(by, 'utf-8', 'ignore')")
    case("decode_ascii_ok", "np.strings.decode(smb, 'ascii')")
    bad = [b"a\xe2\x28\xa1", b"\xe2\x82", b"\xf0\x90\x80", b"\xc0\xaf", b"\xed\xa0\x80", b"ok\xe2", b"\xf5x"]
    for k, x in enumerate(bad):
        case(f"decode_bad_{k}", f"np.strings.decode(np.array([{x!r}]))")
        case(f"decode_bad_replace_{k}", f"np.strings.decode(np.array([{x!r}]), 'utf-8', 'replace')")
