"""astype between datetime64/timedelta64 and strings: ISO text per unit and NumPy's string
widths, parsing with unit inference, timedeltas as text and from integers, errors.

Results are ['ok', dtype str, values] with datetime values as int64 counts and strings as
str, or ['err', class, message]."""

UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "7D", "generic"]

SETUP = """
def enc(r):
    if r.dtype.kind in 'Mm':
        vals = r.view('i8').ravel().tolist()
    else:
        vals = [x.decode() if isinstance(x, bytes) else x for x in r.ravel().tolist()]
    return ['ok', r.dtype.str, vals]
def attempt(f):
    try:
        return enc(f())
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
counts = np.array([0, -2**63, 1234567, -98765, 2**40], 'i8')
"""


def generate(g):
    for u in UNITS:
        for t in ["U", "S", "U40"]:
            g.case(f"to_{t}_{u}", f"attempt(lambda: counts.view('M8[{u}]').astype({t!r}))", setup=SETUP)
    strings = ["2026-03-01", "NaT", "2026-03-01T12", "1969-12-31T23:59:59.5", "-0044-03-15", "", "nat"]
    for t in ["M8", "M8[D]", "M8[s]", "M8[ns]", "M8[M]"]:
        g.case(f"from_U_{t}", f"attempt(lambda: np.array({strings!r}).reshape(7, 1).astype({t!r}))", setup=SETUP)
        g.case(f"from_S_{t}", f"attempt(lambda: np.array({strings!r}, 'S').astype({t!r}))", setup=SETUP)
    g.case("td_to_U", "attempt(lambda: counts.view('m8[s]').astype('U'))", setup=SETUP)
    g.case("td_to_S", "attempt(lambda: counts.view('m8[D]').astype('S'))", setup=SETUP)
    g.case("td_from_U", "attempt(lambda: np.array(['5', 'NaT', '-12', ' 7']).astype('m8[s]'))", setup=SETUP)
    g.case("too_short", "attempt(lambda: counts.view('M8[D]').astype('U5'))", setup=SETUP)
    g.case("bad_string", "attempt(lambda: np.array(['2026-13-01']).astype('M8[D]'))", setup=SETUP)
