"""Parsing ISO 8601 strings into datetime64 (np.datetime64(str) and np.datetime64(str, unit)),
datetime_as_string, the repr of datetime64 scalars, unit conversion (astype between units)
and datetime_data.

Parse cases record [strings, results] with, per string, ['ok', dtype str, int64 count, warned] or ['err', exception
class, message]; `warned` says whether NumPy warned about a timezone."""

import numpy as np

UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]

PARSE = """
import warnings
def parse_all(strings, unit=None):
    out = []
    for s in strings:
        try:
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter('always')
                x = np.datetime64(s) if unit is None else np.datetime64(s, unit)
            out.append(['ok', str(x.dtype), int(x.view('i8')), len(w) > 0])
        except Exception as e:
            out.append(['err', type(e).__name__, str(e)])
    return out
"""


def parse(g, name, strings, unit=None):
    g.case(name, f"[{strings!r}, parse_all({strings!r}, {unit!r})]", setup=PARSE)


FORMS = [
    "2026", "2026-03", "2026-03-01", "2026-03-01T12", "2026-03-01T12:30", "2026-03-01T12:30:45",
    "2026-03-01 12:30", "2026-03-01T12:30:45.", "2026-03-01T12:30:45.1", "2026-03-01T12:30:45.12",
    "2026-03-01T12:30:45.123", "2026-03-01T12:30:45.1234", "2026-03-01T12:30:45.123456",
    "2026-03-01T12:30:45.1234567", "2026-03-01T12:30:45.123456789",
    "2026-03-01T12:30:45.1234567891", "2026-03-01T12:30:45.123456789012",
    "2026-03-01T12:30:45.1234567890123", "2026-03-01T12:30:45.123456789012345",
    "1970-01-01T00:00:01.1234567890123456", "1970-01-01T00:00:01.123456789012345678",
    "1969-12-31T23:59:59.999999999999999999", "2026-03-01T12:30:45.123456789012345678",
    "NaT", "nat", "NAT", "nAt", "", "  2026", "\t2026-03-01", "+2026", "-2026", "-2026-03-01",
    "12345-01-01", "-12345", "20260301", "20", "0", "-1", "1-01-01", "99-01-01", "-0001-01-01",
    "0000-02-29", "2000-02-29", "1600-02-29", "2400-02-29", "-0400-02-29", "-0004-02-29",
    "2024-02-29", "9999-12-31T23:59:59", "-9999-01-01", "275760-09-13", "1677-09-21T00:12:43",
    "2262-04-11T23:47:16", "  -2026",
]
MALFORMED = [
    "2026-13-01", "2026-00-01", "2026-01-00", "2026-02-30", "1900-02-29", "2023-02-29",
    "2026-04-31", "2026-3-1", "2026-03-1", "2026-1", "2026-03-01t12", "2026-03-01T24:00",
    "2026-03-01T23:60", "2026-03-01T23:59:60", "2026-03-01T12:3", "2026-03-01T12:30:4",
    "2026-03-01T", "2026-03-01Z", "2026-03-01x", "abc", "2026-", "2026-03-", "2026-W01",
    "2026-03-01 ", "2026-03-01T12:30:45,5", "2026-03-01T12:30:45.1234567890123456789",
    "2026-03-01T12:30:45.123456789012345678901", "NaTx", "N", "today ", " now", "2026-03-01T1",
    "2026-03-01T-1", "2026-03-01T12:30:45 Z", "2026-03-01T12:30:45Zx", "2026-03-01T12:30+1",
    "2026-03-01T12:30+01:0", "2026-03-01T12:30+25:00", "2026-03-01T12:30+01:60",
    "2026-03-01T12:30+0130x", "--2026", "+-2026", "-", "+", "   ", "2026--03", "2026-03--01",
    "2026/03/01", "2026.5", "T12:30", "12:30", "2026-03-01TT12", "2026-03-01T12::30",
    "2026-03-01T12:30:", "2026-03-01T12:30:45:", "1e3",
]
TIMEZONES = [
    "2026-03-01T12Z", "2026-03-01T12:30Z", "2026-03-01T12:30:45Z", "2026-03-01T12:30:45.5Z",
    "2026-03-01T12:30+01:00", "2026-03-01T12:30-0130", "2026-03-01T00:15+01", "2026-03-01T23:50-01",
    "2026-03-01T12:30:45.123 ", "2026-03-01T12:30:45  ", "2026-12-31T23:30-01:00",
    "2024-02-28T23:00-02:00", "2026-01-01T00:00+23:59", "-0001-01-01T00:00+01:00",
]


def parse_cases(g):
    parse(g, "forms", FORMS)
    parse(g, "malformed", MALFORMED)
    parse(g, "timezones", TIMEZONES)
    # Every unit and some multiplied ones, with strings coarser and finer than the unit.
    strings = ["2026", "2026-03", "2026-03-01", "2026-03-05T12", "1969-12-31T23:59", "1969-12-31T23:59:59.5",
               "1970-01-01T00:00:00.000000001", "-0001-12-31T23:59:59.999999", "NaT", "2026-03-01T12:30:45.999",
               "1900-01-01", "3000-01-01", "1970-01-01T00:00:00.123456789012345678"]
    for u in UNITS + ["2D", "10ms", "3s", "7M", "5Y", "2W", "6h", "100ns", "generic"]:
        parse(g, f"unit_{u}", strings, u)
    parse(g, "unit_bad", ["2026"], "xx")
    g.case("today_now", "[str(np.datetime64('today').dtype), str(np.datetime64('Now').dtype), "
           "str(np.datetime64('TODAY', 'h').dtype)]")


def random_cases(g):
    # Random day counts, seconds and nanoseconds formatted by NumPy and parsed back.
    for name, lo, hi, unit in [("days", -3_000_000, 3_000_000, "D"), ("days_wide", -10**9, 10**9, "D"),
                               ("seconds", -10**13, 10**13, "s"), ("ns", -2**62, 2**62, "ns"),
                               ("months", -120_000, 120_000, "M"), ("us", -10**17, 10**17, "us"),
                               ("minutes", -10**10, 10**10, "m"), ("as", -2**62, 2**62, "as")]:
        g.case(f"random_{name}",
               f"vals = np.random.default_rng({len(name) * 31 + lo % 97}).integers({lo}, {hi}, 400)\n"
               f"strs = [str(s) for s in np.datetime_as_string(vals.view('M8[{unit}]'))]\n"
               f"out = [strs, parse_all(strs)]",
               setup=PARSE, result="out")


def as_string_cases(g):
    setup = ("a = np.array(['2026-03-01T00:00:00', '2026-03-01T12:00:00', '2026-01-01T00:00:00', "
             "'2026-03-01T12:30:00.5', '2026-03-01T12:30:07', '1969-12-31T23:59:59.999', '-0005-02-03T04:05:06.007', "
             "'NaT'], 'M8[ms]')")
    for unit in ["auto", None] + UNITS:
        for tz in ["naive", "UTC"]:
            u = "" if unit is None else f", unit={unit!r}"
            g.case(f"as_string_{unit or 'default'}_{tz}",
                   f"[str(s) for s in np.datetime_as_string(a{u}, timezone={tz!r})]", setup=setup)
    for u in UNITS:
        for vals in ([0, 1, -1, 123456789, -987654321, 2**40, -(2**40)],):
            g.case(f"as_string_auto_{u}",
                   f"[str(s) for s in np.datetime_as_string(np.array({vals!r}, 'i8').view('M8[{u}]'), unit='auto')]")
    g.case("as_string_bad_unit", "np.datetime_as_string(np.datetime64('2026-03-01'), unit='xx')")
    g.case("as_string_bad_tz", "np.datetime_as_string(np.datetime64('2026-03-01'), timezone='bad')")


def repr_cases(g):
    vals = [0, 1, -1, 123456789, -(2**63)]
    for u in UNITS + ["2D", "10ms", "3h", "7M", "2W", "6h", "100ns"]:
        g.case(f"repr_{u}", f"[[repr(x), str(x)] for x in np.array({vals!r}, 'i8').view('M8[{u}]')]")
    g.case("repr_generic_nat", "[repr(np.datetime64('NaT')), str(np.datetime64('NaT'))]")


def convert_cases(g):
    vals = [0, 1, -1, 7, -7, 59, -61, 1000, -1001, 123456789, -123456789, 20513, -719528, -(2**63), 2**40, -(2**40)]
    for src in UNITS + ["2D", "10ms", "7M", "3h"]:
        for dst in UNITS + ["2D", "10ms", "7M", "3h"]:
            g.case(f"cast_{src}_{dst}",
                   f"[int(v) for v in np.array({vals!r}, 'i8').view('M8[{src}]').astype('M8[{dst}]').view('i8')]")


def data_cases(g):
    for dt in ["M8[ns]", "m8[10ms]", "M8", "M8[2W]", "m8[generic]", "datetime64[25s]", "M8[Y]"]:
        g.case(f"datetime_data_{dt}", f"list(np.datetime_data(np.dtype({dt!r})))")


def generate(g):
    parse_cases(g)
    random_cases(g)
    as_string_cases(g)
    repr_cases(g)
    convert_cases(g)
    data_cases(g)
    item_cases(g)
    timedelta_cases(g)
    extreme_cases(g)
    array_cases(g)


def item_cases(g):
    vals = [0, 1234567, -1, -(2**63), 10**9, -10**6, 3 * 10**6, 2932896, -719162, -719163]
    for u in UNITS + ["2D", "3h"]:
        g.case(f"item_{u}", f"[repr(x.item()) for x in np.array({vals!r}, 'i8').view('M8[{u}]')]")
    g.case("item_edges", "[repr(np.datetime64(s).item()) for s in ['0001-01-01', '0000-12-31', "
           "'9999-12-31T23:59:59.999999', '10000-01-01', '2024-02-29T12:00:00.000001']]")
    # Items of the elements of 2-d arrays, transposed (C order of the transpose) and big-endian.
    for k in ("M", "m"):
        for u in ["D", "s", "us", "ns", "Y", "h"]:
            g.case(f"array_items_{k}_{u}",
                   f"[repr(x.item()) for x in np.array({vals!r}, 'i8').reshape(2, 5).view('{k}8[{u}]').T"
                   f".astype('>{k}8[{u}]').flat]")


def timedelta_cases(g):
    vals = [0, 5, -1, -(2**63), 10**9, 10**15, -10**15, 86399, -86401]
    for u in ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "2D", "3h", "generic"]:
        g.case(f"td_{u}", f"[[repr(x), str(x), repr(x.item())] for x in np.array({vals!r}, 'i8').view('m8[{u}]')]")


def extreme_cases(g):
    # The ends of each unit's range (and points near them), formatted by NumPy and parsed
    # back in the same unit.
    vals = [2**63 - 1, -(2**63) + 1, 2**62, -(2**62), 2**53 + 12345, -(2**53) - 12345]
    for u in UNITS:
        g.case(f"extremes_{u}",
               f"strs = [str(s) for s in np.datetime_as_string(np.array({vals!r}, 'i8').view('M8[{u}]'))]\n"
               f"out = [strs, parse_all(strs, {u!r})]", setup=PARSE, result="out")
    parse(g, "non_ascii", ["2026-03-01\u00e9", "\uff12\uff10\uff12\uff16", "2026-03-01T12:30:45\u00a0"])


ARRAYS = [
    ["2026", "2026-03-01T12", "NaT"], ["NaT"], [], ["2026-03-01", "1969-12-31T23:59:59.5", "-0001"],
    ["2026-03", "2026-03-01T12:30:45.123456789"], ["2026", "bad"], ["2026-13-01"], ["now", "nat"],
]


def array_cases(g):
    for i, strs in enumerate(ARRAYS):
        for unit in [None, "D", "ms"]:
            dt = "M8" if unit is None else f"M8[{unit}]"
            # 'now' changes from run to run: only its dtype and length are recorded.
            values = "len(a)" if "now" in strs else \
                "[[int(v) for v in a.view('i8')], [str(s) for s in np.datetime_as_string(a, unit='auto')]]"
            g.case(f"array_{i}_{unit or 'infer'}",
                   f"a = np.array({strs!r}, dtype={dt!r})\nout = [str(a.dtype), {values}]", result="out")
    g.case("array_as_string_int", "np.datetime_as_string(np.arange(3))")
