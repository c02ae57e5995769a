"""Business days: busdaycalendar (weekmask forms, holiday normalisation), is_busday,
busday_offset (every roll mode), busday_count (negative when end < begin), with weekmasks and
holidays across year boundaries and leap years, far from the epoch, and NumPy's errors.

Results are recorded as plain lists: datetime64[D] results as int64 day counts (NaT as
-2**63), counts as ints, flags as bools; errors as ['err', class, message]."""

NAT = -(2**63)

SETUP = """
def days(x):
    return np.asarray(x).astype('M8[D]').view('i8').tolist()
def attempt(f):
    try:
        return f()
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
"""

WEEKMASKS = ["1111100", "1111111", "0000011", "1010101", "Mon Tue Wed Thu Fri", "MonWedFri", " Sat  Sun ",
             "Tue", "Mon Tue Mon", "0111110"]
BAD_WEEKMASKS = ["1111", "11111000", "0000000", "Mon,Tue", "mon tue", "Mo Tu", "1111100x", "", "2111100",
                 "Monday"]
HOLIDAYS = ["2025-12-25", "2025-12-26", "2026-01-01", "2026-01-02", "2024-02-29", "2024-02-28", "2023-12-31",
            "2024-01-01", "2026-01-01", "NaT", "2026-01-03", "2000-02-29", "1999-12-31", "-0400-02-29",
            "12000-06-15", "2026-07-04", "2026-05-25", "1970-01-01", "1969-12-31", "2100-03-01"]
ROLLS = ["raise", "nat", "forward", "following", "backward", "preceding", "modifiedfollowing",
         "modifiedpreceding"]


def generate(g):
    for i, w in enumerate(WEEKMASKS):
        g.case(f"cal_{i}", f"attempt(lambda: [c.weekmask.tolist(), days(c.holidays)] if (c := np.busdaycalendar("
               f"{w!r}, holidays={HOLIDAYS!r})) is not None else None)", setup=SETUP)
    g.case("cal_bools", "[np.busdaycalendar([True, False, True, False, True, False, True]).weekmask.tolist(), "
           "np.busdaycalendar([1, 1, 1, 1, 1, 0, 2]).weekmask.tolist()]")
    g.case("cal_bad", f"[attempt(lambda: np.busdaycalendar(w)) for w in {BAD_WEEKMASKS!r}] + "
           "[attempt(lambda: np.busdaycalendar([1, 1, 1])), attempt(lambda: np.busdaycalendar([0] * 7))]",
           setup=SETUP)
    g.case("cal_bad_holiday", "attempt(lambda: np.busdaycalendar(holidays=['2026-01-05T12']))", setup=SETUP)
    # Every day over two year boundaries, a leap February and far from the epoch.
    dates = """
span = np.concatenate([np.arange('2023-12-20', '2024-03-10', dtype='M8[D]'),
                       np.arange('2025-12-15', '2026-01-20', dtype='M8[D]'),
                       np.arange('1969-12-20', '1970-01-10', dtype='M8[D]'),
                       np.arange('-0401-02-20', '-0400-03-05', dtype='M8[D]'),
                       np.arange('11999-12-25', '12000-01-10', dtype='M8[D]'),
                       np.array(['NaT'], 'M8[D]')])
"""
    for i, w in enumerate(["1111100", "1010101", "0000011", "Mon Tue Wed Thu Fri"]):
        cal = f"np.busdaycalendar({w!r}, holidays={HOLIDAYS!r})"
        g.case(f"span_is_busday_{i}", f"np.is_busday(span, busdaycal={cal}).tolist()", setup=SETUP + dates)
        for r in ROLLS:
            for off in [0, 1, -1, 3, -7, 25, -260]:
                g.case(f"span_offset_{i}_{r}_{off}".replace("-", "m"),
                       f"attempt(lambda: days(np.busday_offset(span[:-1], {off}, roll={r!r}, busdaycal={cal})))",
                       setup=SETUP + dates)
            g.case(f"span_offset_nat_{i}_{r}",
                   f"attempt(lambda: days(np.busday_offset(span[-1:], 2, roll={r!r}, busdaycal={cal})))",
                   setup=SETUP + dates)
        g.case(f"span_count_{i}",
               f"[np.busday_count(span[:-1], span[:-1][::-1], busdaycal={cal}).tolist(), "
               f"np.busday_count(span[0], span[:-1], busdaycal={cal}).tolist(), "
               f"np.busday_count(span[:-1], np.datetime64('2026-01-07'), busdaycal={cal}).tolist()]",
               setup=SETUP + dates)
    # Weekmask and holidays given directly (no calendar), broadcasting of 2-d offsets.
    g.case("direct_forms", "days(np.busday_offset(np.array(['2026-01-01', '2026-01-09', '2024-02-28'], 'M8[D]'), "
           "np.array([[1], [-2], [10]]), roll='forward', weekmask='Mon Tue Wed Thu Fri', "
           "holidays=['2026-01-02', '2024-02-29']))", setup=SETUP)
    g.case("direct_shape", "np.busday_offset(np.array(['2026-01-01', '2026-01-09', '2024-02-28'], 'M8[D]'), "
           "np.array([[1], [-2], [10]]), roll='forward').shape")
    # Random dates and offsets, many holidays.
    rnd = """
rng = np.random.default_rng(23)
d = rng.integers(-40000, 60000, 4001)
o = rng.integers(-600, 600, 4001)
e = d + rng.integers(-900, 900, 4001)
hol = np.unique(rng.integers(0, 20000, 20)).astype('M8[D]')
cal = np.busdaycalendar('1111100', holidays=hol)
"""
    g.case("random_dates", "d", setup=SETUP + rnd)
    g.case("random_offsets", "o", setup=SETUP + rnd)
    g.case("random_ends", "e", setup=SETUP + rnd)
    g.case("random_holidays", "holi", setup=SETUP + rnd + "\nholi = hol.view('i8')")
    for r in ["forward", "backward", "modifiedfollowing", "modifiedpreceding"]:
        g.case(f"random_offset_{r}", f"days(np.busday_offset(d.astype('M8[D]'), o, roll={r!r}, busdaycal=cal))",
               setup=SETUP + rnd)
    g.case("random_count", "np.busday_count(d.astype('M8[D]'), e.astype('M8[D]'), busdaycal=cal).tolist()",
           setup=SETUP + rnd)
    g.case("random_is_busday", "np.is_busday(d.astype('M8[D]'), busdaycal=cal).tolist()", setup=SETUP + rnd)
    # Errors.
    g.case("err_roll", "attempt(lambda: np.busday_offset('2026-01-03', 1, roll='bogus'))", setup=SETUP)
    g.case("err_raise", "attempt(lambda: np.busday_offset('2026-01-03', 1))", setup=SETUP)
    g.case("err_nat", "attempt(lambda: np.busday_offset('NaT', 1))", setup=SETUP)
    g.case("err_count_nat", "attempt(lambda: np.busday_count('NaT', '2026-01-01'))", setup=SETUP)
    g.case("err_unit", "attempt(lambda: np.is_busday(np.datetime64('2026-01-01T12')))", setup=SETUP)
    g.case("err_unit_offset", "attempt(lambda: np.busday_offset(np.datetime64('2026-01-01T12'), 1))", setup=SETUP)
    g.case("err_unit_count", "attempt(lambda: np.busday_count('2026-01-01', np.datetime64('2026-01-01T12')))",
           setup=SETUP)
    g.case("coarse_units", "[days(np.busday_offset(np.datetime64('2026-01', 'M'), 1)), "
           "np.busday_count(np.datetime64('2026', 'Y'), np.datetime64('2027', 'Y')).tolist(), "
           "np.is_busday(np.datetime64('2026-01-05', 'W')).tolist(), "
           "days(np.busday_offset(np.datetime64('2026-01-01'), 2**62))]", setup=SETUP)
