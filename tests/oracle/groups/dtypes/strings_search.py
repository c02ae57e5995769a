"""numpy.strings searches with array arguments: `find`, `rfind`, `index`, `rindex`,
`count`, `startswith` and `endswith` with patterns, starts and ends given as arrays and
broadcast against the strings (random strings, negative and out-of-range bounds)."""

import numpy as np

SETUP = r"""
rng = np.random.default_rng(1920)
def words(n, alpha, m=9):
    return [''.join(rng.choice(list(alpha), rng.integers(0, m))) for _ in range(n)]
a = np.array(words(300, 'ab\u00e9'))
subs = np.array(words(300, 'ab\u00e9', 4))
starts = rng.integers(-12, 13, 300)
ends = rng.integers(-12, 13, 300)
ab = np.array(words(300, 'ab-')).astype('S')
subsb = np.array(words(300, 'ab-', 3)).astype('S')
grid = a[:24].reshape(24, 1)
row = subs[:6]
st_col = starts[:24].reshape(24, 1).astype(np.int32)
en_row = ends[:6].astype(np.uint8)
big = np.array([2**64 - 1, 2**63, 5, 0], dtype=np.uint64)
ok_starts = np.minimum(np.abs(starts), np.strings.str_len(a))
seps = np.array([w or 'a' for w in words(300, 'ab\u00e9', 3)])
sepsb = np.array([w or '-' for w in words(300, 'ab-', 3)]).astype('S')
"""

FUNCS = ["find", "rfind", "count", "startswith", "endswith"]


def generate(g):
    def case(name, expr):
        g.case(name, expr, setup=SETUP)

    for name in ["a", "subs", "starts", "ends", "ab", "subsb", "st_col", "en_row", "big", "ok_starts", "seps", "sepsb"]:
        case(f"in_{name}", name)
    for f in FUNCS:
        case(f"{f}_all", f"np.strings.{f}(a, subs, starts, ends)")
        case(f"{f}_sub", f"np.strings.{f}(a, subs)")
        case(f"{f}_start", f"np.strings.{f}(a, 'a', starts)")
        case(f"{f}_end", f"np.strings.{f}(a, 'b', 1, ends)")
        case(f"{f}_grid", f"np.strings.{f}(grid, row, st_col, en_row)")
        case(f"{f}_bytes", f"np.strings.{f}(ab, subsb, starts, ends)")
        case(f"{f}_big", f"np.strings.{f}(a[:4], 'a', big)")
    # index/rindex: the empty pattern is found wherever start <= end within the string.
    case("index_ok", "np.strings.index(a, '', ok_starts)")
    case("rindex_ok", "np.strings.rindex(grid, np.array(['']), 0, en_row)")
    case("index_missing", "np.strings.index(a, subs, starts, ends)")
    case("rindex_missing", "np.strings.rindex(ab, subsb, starts)")
    for f in ["partition", "rpartition"]:
        for k in range(3):
            case(f"{f}_arr_{k}", f"np.strings.{f}(a, seps)[{k}]")
            case(f"{f}_grid_{k}", f"np.strings.{f}(grid, seps[:6])[{k}]")
            case(f"{f}_bytes_{k}", f"np.strings.{f}(ab, sepsb)[{k}]")
        case(f"{f}_err_empty", f"np.strings.{f}(a, np.array(['a', '']).reshape(2, 1))")
    case("err_shape", "np.strings.find(a[:3], subs[:4])")
    case("err_float_start", "np.strings.find(a, 'a', np.array([1.5]))")
    case("err_float_end", "np.strings.count(a, 'a', 0, np.array([1.5]))")
