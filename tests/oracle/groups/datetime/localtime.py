"""datetime_as_string(..., timezone='local') under a set TZ, and 'today' as a local date.

Each zone's cases run with the TZ environment variable set (and time.tzset()), as NumPy
asks the C library for local time; the TZif file NumPy's C library read is recorded too
(`tzif_<zone>`, hex), so the Rust tests read the same bytes. The instants (`inst_<zone>`)
are random seconds over the years 1900..10100, the seconds around every transition of a
set of years (found with NumPy's own local strings) and the ends of the local range.
POSIX TZ strings (no file) are set the same way (`posix_<n>`).

Also 10^4 random datetimes per unit over the years -10^4..10^4 formatted by NumPy
(`rand_<unit>`), which the fast layouts of the formatter and the parser must reproduce."""

ZONES = ["America/New_York", "Europe/Paris", "Australia/Lord_Howe", "Pacific/Kiritimati", "Asia/Kathmandu",
         "America/Sao_Paulo", "Europe/Dublin", "UTC"]

POSIX = ["EST5EDT,M3.2.0,M11.1.0", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "XXX3YYY,J60/25,300/-1",
         "EST5EDT,0/0,J365/25", "CET-1CEST,M3.5.0,M10.5.0/3", "AAA-5:45", "IST-1GMT0,M10.5.0,M3.5.0/1",
         "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", "XXX3YYY,M3.2.0/150,M11.1.0", "BAD"]

YEARS = [1970, 1974, 1986, 2007, 2026, 2037, 2038, 2039, 2100, 2500, 9999]

UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns"]


def set_tz(tz):
    import os
    import time
    if tz is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = tz
    time.tzset()


def instants(seed):
    """Seconds since the epoch: random ones, and the neighbourhood of each transition."""
    import numpy as np
    rng = np.random.default_rng(seed)
    lo, hi = -2208988800, 256573900800  # 1900-01-01 .. 10100-01-01
    out = list(rng.integers(lo, hi, 600))
    out += [-1, 0, 59, 60, -60, -3600, -86400, 253402300799, 253402300800, 253402214400 - 1]
    for y in YEARS:
        grid = np.arange(np.datetime64(f"{y}-01-01T00:00"), np.datetime64(f"{y + 1}-01-01T00:00"),
                         np.timedelta64(15, "m")).astype("M8[s]")
        text = np.datetime_as_string(grid, timezone="local")
        off = np.array([t[-5:] for t in text])
        for i in np.nonzero(off[1:] != off[:-1])[0]:
            a, b = grid[i], grid[i + 1]
            first = off[i]
            while b - a > np.timedelta64(1, "s"):
                mid = a + (b - a) // 2
                if np.datetime_as_string(mid, timezone="local")[-5:] == first:
                    a = mid
                else:
                    b = mid
            t = int(b.astype("i8"))
            out += [t - 3600, t - 61, t - 60, t - 1, t, t + 1, t + 59, t + 60, t + 3600]
        out += list(int(x) for x in rng.integers(int(grid[0].astype("i8")), int(grid[-1].astype("i8")), 20))
    return np.array(sorted(set(int(x) for x in out)), "i8")


def zone_cases(g, key, tz, with_file):
    set_tz(tz)
    if with_file:
        g.case(f"tzif_{key}", "data", setup=f"data = open('/usr/share/zoneinfo/{tz}', 'rb').read().hex()")
    a = instants(len(key) * 7 + sum(map(ord, key)))
    setup = f"a = np.array({a.tolist()!r}, 'i8').view('M8[s]')"
    g.case(f"inst_{key}", "a", setup=setup)
    g.case(f"local_{key}", "[np.datetime_as_string(a, timezone='local'), "
                           "np.datetime_as_string(a, unit='auto', timezone='local'), "
                           "np.datetime_as_string(a, unit='ms', timezone='local'), "
                           "np.datetime_as_string(a, unit='h', timezone='local'), "
                           "np.datetime_as_string(a, unit='D', timezone='local', casting='unsafe')]", setup=setup)
    # NumPy's 'today' is the local date (in days): the local date of 'now', taken within
    # the same second.
    g.case(f"today_{key}", "[str(t.dtype), bool(t == np.datetime64(np.datetime_as_string(n, unit='D', "
                           "timezone='local', casting='unsafe')))]", setup=TODAY)


TODAY = """
while True:
    n0 = np.datetime64('now'); t = np.datetime64('today'); n = np.datetime64('now')
    if n0 == n:
        break
"""


def generate(g):
    try:
        for zone in ZONES:
            zone_cases(g, zone.replace("/", "_"), zone, True)
        for i, tz in enumerate(POSIX):
            g.case(f"posix_{i}", "tz", setup=f"tz = {tz!r}")
            zone_cases(g, f"posix_{i}", tz, False)
        set_tz("America/New_York")
        g.case("local_date_error",
               "np.datetime_as_string(np.array(['2026-03-01T12'], 'M8[h]'), unit='D', timezone='local')")
        g.case("local_date_error_Y", "np.datetime_as_string(np.array(['2026'], 'M8[Y]'), timezone='local')")
        g.case("local_date_out_of_range",
               "np.datetime_as_string(np.array(['1969-12-31', '10000-01-01'], 'M8[D]'), timezone='local')")
        # The U array NumPy returns: its width per unit and timezone, and the shape.
        for u in [None, "auto", "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]:
            for tz in ["naive", "UTC", "local"]:
                g.case(f"ndarray_{u}_{tz}",
                       f"np.datetime_as_string(a, unit={u!r}, timezone={tz!r}, casting='unsafe')",
                       setup="a = np.array([[0, -2**63, 1234567890123], [-98765432100, 2**40, 7]], 'i8').view('M8[ms]')")
        g.case("ndarray_generic", "np.datetime_as_string(np.array(['NaT', 'NaT'], 'M8'))")
        g.case("local_nat", "np.datetime_as_string(np.array(['NaT', '2026-03-01T12:00:00.123456'], 'M8[us]'), "
                            "timezone='local')")
    finally:
        set_tz(None)
    for u in UNITS:
        lo, hi = (np.datetime64("-10000-01-01", u), np.datetime64("10000-12-31", u)) if u != "ns" else \
            (np.datetime64("1678-01-01", u), np.datetime64("2262-01-01", u))
        setup = (f"a = np.random.default_rng({UNITS.index(u) + 100}).integers("
                 f"{int(lo.astype('i8'))}, {int(hi.astype('i8'))}, 10000).view('M8[{u}]')")
        g.case(f"rand_{u}", "c", setup=setup + "; c = a.view('i8')")
        g.case(f"rand_{u}_str", "np.array(np.datetime_as_string(a).tolist(), 'S')", setup=setup)
        g.case(f"rand_{u}_parse", "[str(p.dtype), p.view('i8')]",
               setup=setup + "; p = np.array(np.datetime_as_string(a).tolist()).astype('M8')")


import numpy as np  # noqa: E402  (the generator's namespace has it too)
