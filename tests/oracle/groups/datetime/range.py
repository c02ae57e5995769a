"""np.arange over datetimes and timedeltas (unit promotion, relative stops, negative steps,
NaT and zero steps), and np.isnat.

Arguments are written as specs the Rust test builds the same way: ['M', '2026-03-01'] a
datetime64 parsed from the string (['M', '2026-03-01', 'h'] in a unit), ['m', 5, 'D'] a
timedelta64 (['m', 5] in generic units), ['i', 5] a Python int, None for a missing
argument. Results are ['ok', dtype str, int64 counts] or ['err', class, message]."""

SETUP = """
def arg(spec):
    if spec is None:
        return None
    if spec[0] == 'M':
        return np.datetime64(*spec[1:])
    if spec[0] == 'm':
        return np.timedelta64(*spec[1:])
    return spec[1]
def run(start, stop, step, dtype):
    try:
        args = [arg(start)] + ([arg(stop)] if stop is not None or step is not None else [])
        if step is not None:
            args.append(arg(step))
        r = np.arange(*args, dtype=dtype)
        return ['ok', str(r.dtype), r.view('i8').tolist()]
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
def runs(items):
    return [[list(map(repr, it)), run(*it)] for it in items]
"""

M1, M6 = ["M", "2026-03-01"], ["M", "2026-03-06"]
CASES = [
    (M1, M6, None, None), (M1, M6, ["i", 2], None), (M1, ["M", "2026-03-02"], ["m", 6, "h"], None),
    (["M", "2026-03"], ["M", "2026-06"], None, None), (["M", "2026-03"], ["M", "2026-06-15"], None, None),
    (M1, None, None, None), (["m", 5, "D"], None, None, None), (["m", 1, "D"], ["m", 5, "D"], None, None),
    (["m", 1, "D"], ["m", 5, "h"], ["m", 7, "m"], None), (M1, M6, ["i", 0], None), (M1, ["M", "NaT"], None, None),
    (M6, M1, ["i", -2], None), (M1, M6, ["m", 1, "M"], None), (["M", "2026-03"], ["M", "2026-06"], ["m", 1, "D"], None),
    (M1, ["i", 5], None, None), (M1, M6, None, "M8[h]"), (M1, M6, None, "M8[M]"), (M1, M6, ["m", 1, "Y"], None),
    (["m", 1, "Y"], ["m", 3, "M"], None, None), (["i", 5], None, None, "m8[s]"), (M1, M6, ["m", "NaT", "D"], None),
    (["m", 0, "D"], ["m", 10, "D"], ["m", 3, "D"], None), (M6, M1, None, None), (M1, M6, ["m", 2], None),
    (M1, ["m", 3, "D"], None, None), (["m", 1, "D"], M1, None, None), (M1, M6, None, "m8[D]"),
    (["m", 1, "D"], ["m", 5, "D"], None, "M8[D]"), (["i", 0], ["m", 5, "D"], None, None),
    (["m", 5, "D"], ["i", 10], None, None), (["M", "2024-02-27"], ["M", "2024-03-02"], None, None),
    (["M", "1969-12-30T22", "h"], ["M", "1970-01-01T02", "h"], ["m", 90, "m"], None),
    (["M", "-10000-01-01"], ["M", "-9999-01-01"], ["m", 10, "W"], None),
    (["M", "9999-12-25"], ["M", "10000-01-03"], ["m", 2, "D"], None), (M6, M1, ["m", -36, "h"], None),
    (["M", "2026-03-01T00:00:00.000000001"], ["M", "2026-03-01T00:00:00.000000010"], ["i", 3], None),
    (["M", "2026"], ["M", "2030"], ["m", 1, "Y"], None), (["M", "2026"], ["M", "2030"], ["m", 5, "M"], None),
    (M1, M6, ["m", 1, "ms"], "M8[s]"), (["m", 7, "D"], ["m", -1, "D"], ["m", -2, "D"], None),
]


def generate(g):
    g.case("arange", f"runs({CASES!r})", setup=SETUP)
    g.case("isnat", "[np.isnat(np.array([0, -2**63, 5], 'i8').view(u)).tolist() for u in "
           "['M8[D]', 'm8[s]', 'M8[ns]', 'm8', '>M8[D]']]")
    g.case("isnat_float", "np.isnat(np.array([1.0]))")
