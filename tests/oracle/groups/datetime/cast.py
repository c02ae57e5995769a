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
    # Malformed strings to datetimes (inferred and given units), and to timedeltas.
    bad = ["x", "2026-02-30", "2026-03-01T25", "2026-03-01T12:61", "2026-1-01", "2026-03-01T12+25",
           "2026-03-01T12:30:00.5x", "--2026"]
    for i, b in enumerate(bad):
        for t in ["M8", "M8[s]"]:
            g.case(f"bad_{i}_{t}", f"attempt(lambda: np.array(['2026-03-01', {b!r}]).astype({t!r}))", setup=SETUP)
    for i, b in enumerate(["abc", "1.5", "1_000", " 7 ", "+5", "nAt", "0x10"]):
        g.case(f"td_bad_{i}", f"attempt(lambda: np.array([{b!r}]).astype('m8[ms]'))", setup=SETUP)
    # Round trips through the text of every unit, the unit inferred from the strings.
    for u in UNITS[:-1]:
        g.case(f"round_{u}", f"attempt(lambda: counts.view('M8[{u}]').astype('U').astype('M8'))", setup=SETUP)
    # Timezones: the value in UTC, and NumPy's UserWarning (twice when the unit is inferred).
    tz = ["2026-03-01T12Z", "2026-03-01T13+01", "NaT", "2026-03-01T00:30-01:30"]
    for t in ["M8", "M8[h]", "M8[m]"]:
        g.case(f"tz_{t}", f"attempt(lambda: np.array({tz!r}).astype({t!r}))", setup=SETUP)
        g.case(f"tz_warnings_{t}", f"count_warnings(lambda: np.array({tz!r}).astype({t!r}))", setup=SETUP + WARN)
    # Units whose conversion factor is 2**56 or more raise NumPy's OverflowError, even for
    # NaT and empty arrays; others convert.
    for a, b in [("M8[D]", "M8[ps]"), ("m8[h]", "m8[fs]"), ("M8[Y]", "M8[ps]"), ("M8[s]", "M8[as]"),
                 ("m8[ps]", "m8[W]"), ("M8[D]", "M8[ns]"), ("m8[Y]", "m8[ns]"), ("M8[m]", "M8[fs]")]:
        name = f"{a}_{b}".replace("[", "").replace("]", "")
        g.case(f"factor_{name}", f"attempt(lambda: counts.view({a!r}).astype({b!r}))", setup=SETUP)
        g.case(f"factor_empty_{name}", f"attempt(lambda: counts[:0].view({a!r}).astype({b!r}))", setup=SETUP)

    # datetime_as_string's casting= rule for an explicit unit.
    for dt in ["M8[s]", "M8[Y]", "M8"]:
        for u in ["D", "ms", "auto", "s", None, "Y", "W"]:
            for c in ["no", "equiv", "safe", "same_kind", "unsafe", "bogus"]:
                g.case(f"as_string_{dt}_{u}_{c}",
                       f"attempt_list(lambda: np.datetime_as_string(counts[:2].view({dt!r}), unit={u!r}, casting={c!r}))",
                       setup=SETUP + LIST)


WARN = """
import warnings
def count_warnings(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        f()
    return [f'{x.category.__name__}: {x.message}' for x in w]
"""

LIST = """
def attempt_list(f):
    try:
        return ['ok', [str(x) for x in f()]]
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
"""
