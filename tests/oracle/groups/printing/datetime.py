"""Printing of datetime64 and timedelta64 arrays: every unit, multiplied units, NaT, generic
units, dates before 1970 and far from it, the ends of the int64 range, byte-swapped
dtypes, records holding them, and the print options that apply (layout ones only).

Cases record ({dtype, shape, hex bytes, view}, repr, str, np.get_printoptions()) as in
printing/dyn.py."""

import numpy as np

VIEWS = {"": "", "T": ".T", "step": "[::2]", "rev": "[::-1]"}


def show(g, name, expr, setup="", view="", **opts):
    """As printing/dyn.py's `show`."""
    code = (setup + "\n" if setup else "") + (
        f"with np.printoptions(**{opts!r}):\n"
        f"    base = np.asarray({expr}).copy(order='C')\n"
        f"    a = base{VIEWS[view]}\n"
        "    spec = {'dtype': str(base.dtype), 'shape': list(base.shape), 'hex': base.tobytes().hex(), "
        f"'view': {view!r}}}\n"
        "    out = (spec, repr(a), str(a), np.get_printoptions())"
    )
    g.case(name, code, result="out")


UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]
I64MAX = 2**63 - 1
I64MIN = -(2**63)


def counts(values, dtype):
    """An array of raw int64 counts viewed as `dtype`."""
    return f"np.array({values!r}, dtype='i8').view('{dtype}')"


def datetimes(g):
    for u in UNITS:
        show(g, f"dt_{u}", counts([0, -1, 1, 123456789, -123456789, I64MIN], f"M8[{u}]"))
        show(g, f"dt_{u}_extremes", counts([I64MAX, I64MIN + 1], f"M8[{u}]"))
        show(g, f"dt_{u}_0d", f"np.array(1234567, dtype='i8').view('M8[{u}]')")
    for unit in ["10ms", "3D", "2W", "5Y", "25s", "7M", "1000ns", "6h", "20as"]:
        show(g, f"dt_mul_{unit}", counts([1, 2, -3, I64MIN], f"M8[{unit}]"))
        show(g, f"dt_mul_{unit}_0d", f"np.array(-77, dtype='i8').view('M8[{unit}]')")
    show(g, "dt_mul_wrap_10D", counts([2**62, -(2**62)], "M8[10D]"))
    show(g, "dt_mul_wrap_10Y", counts([2**62], "M8[10Y]"))
    show(g, "dt_years", counts([-1971, -1980, -2969, -2970, -1970, -1965, 99999 - 1970, 9999 - 1970], "M8[Y]"))
    show(g, "dt_leap_days", "np.array(['2000-02-29', '1900-02-28', '1900-03-01', '2024-12-31', '1600-02-29', "
         "'-0400-02-29', '0000-03-01', '-0001-12-31', '2100-03-01', '9999-12-31'], dtype='M8[D]')")
    show(g, "dt_random_days", "np.random.default_rng(7).integers(-10**12, 10**12, 16).view('M8[D]')")
    show(g, "dt_random_seconds", "np.random.default_rng(8).integers(-2**62, 2**62, 12).view('M8[s]')")
    show(g, "dt_random_ns", "np.random.default_rng(9).integers(-2**63 + 1, 2**63 - 1, 8).view('M8[ns]')")
    show(g, "dt_random_weeks", "np.random.default_rng(10).integers(-2**50, 2**50, 8).view('M8[W]')")
    show(g, "dt_random_months", "np.random.default_rng(11).integers(-2**62, 2**62, 8).view('M8[M]')")
    show(g, "dt_day_range_ends", counts([I64MIN + 1, I64MIN + 10956, I64MIN + 10957, I64MIN + 10958,
                                         -12699423, -12699422, 1061042401, 1061042402, I64MAX - 1], "M8[D]"))
    show(g, "dt_week_range_ends", counts([I64MAX // 7, I64MAX // 7 + 1, I64MIN // 7, I64MIN // 7 - 1], "M8[W]"))
    show(g, "dt_hour_range_ends", counts([I64MIN + 1, -1, I64MAX], "M8[h]"))
    show(g, "dt_nat_only", counts([I64MIN, I64MIN], "M8[D]"))
    show(g, "dt_nat_only_generic", counts([I64MIN, I64MIN], "M8"))
    show(g, "dt_nat_0d", counts(I64MIN, "M8[ns]"))
    show(g, "dt_nat_0d_generic", counts(I64MIN, "M8"))
    show(g, "dt_nat_wide", counts([0, I64MIN], "M8[ns]"))
    show(g, "dt_nat_narrow", counts([0, I64MIN], "M8[Y]"))
    show(g, "dt_2d", "np.arange(6).reshape(2, 3).astype('M8[D]')")
    show(g, "dt_3d", "np.arange(8).reshape(2, 2, 2).astype('M8[h]')")
    show(g, "dt_transposed", "np.arange(6).reshape(2, 3).astype('M8[D]')", view="T")
    show(g, "dt_reversed", "np.array([0, 1, -1000], dtype='i8').view('M8[s]')", view="rev")
    show(g, "dt_big_endian", "np.array([0, 19723, -1], dtype='>M8[D]')")
    show(g, "dt_big_endian_ns", "np.array([0, -1], dtype='>M8[ns]')")
    show(g, "dt_empty", "np.array([], dtype='M8[ns]')")
    show(g, "dt_empty_2d", "np.zeros((0, 2), dtype='M8[D]')")
    show(g, "dt_summary", "np.arange(20).astype('M8[D]')", threshold=5)
    show(g, "dt_summary_e1", "np.arange(50).reshape(5, 10).astype('M8[m]')", threshold=10, edgeitems=1)
    show(g, "dt_default_threshold", "np.arange(1001).astype('M8[Y]')")
    show(g, "dt_linewidth", "np.arange(6).astype('M8[s]')", linewidth=40)
    show(g, "dt_options_ignored", "np.array([0, 1], dtype='M8[D]')", precision=2, sign="+", floatmode="fixed")
    show(g, "dt_seed_days", "np.arange(np.datetime64('2026-03-01'), np.datetime64('2026-03-06'))")


def timedeltas(g):
    for u in UNITS:
        show(g, f"td_{u}", counts([0, -1, 1, 123456789, -123456789, I64MIN], f"m8[{u}]"))
        show(g, f"td_{u}_0d", f"np.array(-42, dtype='i8').view('m8[{u}]')")
    show(g, "td_extremes", counts([I64MAX, I64MIN + 1], "m8[ns]"))
    show(g, "td_extremes_nat", counts([I64MAX, I64MIN], "m8[s]"))
    show(g, "td_generic", "np.array([1, 2], dtype='m8')")
    show(g, "td_generic_0d", "np.array(5, dtype='m8')")
    show(g, "td_generic_nat", counts([1, I64MIN], "m8"))
    for unit in ["10ms", "3h", "2W", "7M"]:
        show(g, f"td_mul_{unit}", counts([1, -20, I64MIN], f"m8[{unit}]"))
        show(g, f"td_mul_{unit}_0d", f"np.array(5, dtype='i8').view('m8[{unit}]')")
    show(g, "td_mul_wrap_0d", "np.array(2**62, dtype='i8').view('m8[4h]')")
    show(g, "td_nat_only", counts([I64MIN], "m8[D]"))
    show(g, "td_nat_0d", counts(I64MIN, "m8[D]"))
    show(g, "td_nat_wide", counts([123456, I64MIN], "m8[D]"))
    show(g, "td_seed_gap", "np.datetime64('2026-03-15') - np.datetime64('2026-03-10')")
    show(g, "td_2d", "np.arange(-3, 3).reshape(2, 3).astype('m8[h]')")
    show(g, "td_big_endian", "np.array([1, -2], dtype='>m8[D]')")
    show(g, "td_empty", "np.array([], dtype='m8[s]')")
    show(g, "td_empty_2d", "np.zeros((0, 2), dtype='m8[s]')")
    show(g, "td_summary", "np.arange(30).astype('m8[ms]')", threshold=10, edgeitems=2)
    show(g, "td_sign_ignored", "np.array([1, 20], dtype='m8[D]')", sign="+")
    show(g, "td_linewidth", "(np.arange(12) * 1000003).astype('m8[us]')", linewidth=30)


def generate(g):
    datetimes(g)
    timedeltas(g)
    g.case("generic_values_repr", "repr(np.array([1, 2], dtype='i8').view('M8'))")
    g.case("generic_values_str", "str(np.array([1, 2], dtype='i8').view('M8'))")
    g.case("generic_value_0d_str", "str(np.array(1, dtype='i8').view('M8'))")
    # Records with generic-unit datetime fields holding values.
    g.case("generic_record_repr", "repr(np.zeros(2, dtype=[('a', 'M8')]))")
    g.case("generic_record_str", "str(np.zeros(2, dtype=[('a', 'M8')]))")
    g.case("generic_record_0d_str", "str(np.zeros((), dtype=[('a', 'M8'), ('b', '<i4')]))")
    g.case("generic_record_nested_repr", "repr(np.zeros(2, dtype=[('r', [('a', 'M8', (2,))])]))")
    show(g, "dt_generic_record_nat", "np.array([(np.datetime64('NaT'),)], dtype=[('a', 'M8')])")
