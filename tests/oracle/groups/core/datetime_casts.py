"""astype between datetime64 units and between timedelta64 units (Y, M, W, D, h, m, s, ms,
us, ns): random counts spanning years -10000..10000 (or the whole range a unit holds), far
dates, leap days, year ends, times just before the epoch, and NaT.

Datetime casts to or from years and months go through the calendar; timedelta casts use
NumPy's averaged year and month lengths; both floor towards coarser units. Sources are
input cases (`src_<kind>_<unit>`, int64 counts); each cast's result is recorded as the
int64 counts of the result (`<kind>_<from>_to_<to>`)."""

UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"]

# Seconds in 10000 average Gregorian years.
SPAN_S = 10000 * 146097 * 86400 // 400
PER_S = {"Y": None, "M": None, "W": 1 / (7 * 86400), "D": 1 / 86400, "h": 1 / 3600, "m": 1 / 60,
         "s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}

SPECIAL = ["-10000-01-01", "-10000-12-31T23:59:59", "10000-12-31T23:59:59.999999", "9999-12-31",
           "2000-02-29T12", "1900-02-28", "1900-03-01", "-0004-02-29", "0000-01-01",
           "-0001-12-31T23:59:59.999", "1969-12-31T23:59:59.999999999", "1970-01-01",
           "2024-12-31T23", "1600-02-29", "2262-04-11", "1677-09-22T00:12:43.145224192",
           "1969-12-01", "1969-01-01", "1968-12-31", "-0001-03-01"]


def bound(u):
    if u == "Y":
        return 10000
    if u == "M":
        return 120000
    return min(int(SPAN_S * PER_S[u]), 2**63 - 1)


def source(kind, u, seed):
    b = bound(u)
    s = f"rng = np.random.default_rng({seed})\n"
    s += f"r = rng.integers(-{b}, {b}, 60, dtype=np.int64, endpoint=True)\n"
    s += "small = np.array([0, 1, -1, 2, -2, 11, -11, 12, -13, 35, -35, 365, -366, 400, -400], 'i8')\n"
    if kind == "M8":
        # Far dates and calendar edges, floored to the unit by NumPy itself (wrapping
        # where the unit cannot hold them, which only makes other valid counts).
        s += f"sp = np.array({SPECIAL!r}, 'M8').astype('M8[{u}]').view('i8')\n"
    else:
        s += "sp = np.array([], 'i8')\n"
    s += "src = np.concatenate([r, small, sp, np.array([-2**63], 'i8')])"
    return s


def generate(g):
    seed = 20261205
    for kind in ["M8", "m8"]:
        for u in UNITS:
            seed += 1
            g.case(f"src_{kind}_{u}", "src", setup=source(kind, u, seed))
            for v in UNITS:
                g.case(f"{kind}_{u}_to_{v}", f"src.view('{kind}[{u}]').astype('{kind}[{v}]').view('i8')",
                       setup=source(kind, u, seed))
    # The reported example: the first day of year -10000 is in year -10000.
    g.case("example_minus_10000", "np.array(['-10000-01-01', 'NaT'], 'M8[D]').astype('M8[Y]').view('i8')")
