"""promote_types / result_type (NEP 50) / can_cast / min_scalar_type / common_type."""

import numpy as np

NUM = "? b B h H i I l L e f d F D".split()
MODES = ["no", "equiv", "safe", "same_kind", "unsafe"]
# Pairs beyond the numeric table: strings, byte order, datetimes, records, voids.
OTHER = [
    ("U5", "U3"), ("S3", "U2"), ("S5", "U2"), ("i8", "U"), ("U3", "i8"), ("?", "U3"), ("S3", "S5"), ("S3", "f8"),
    ("u1", "S"), ("c8", "U2"), ("M8[s]", "M8[ms]"), ("m8[s]", "m8[ms]"), ("m8[s]", "i8"), ("m8[s]", "?"),
    ("M8[s]", "m8[s]"), ("M8[D]", "M8[2D]"), ("m8[3s]", "m8[2s]"), ("M8", "M8[s]"), ("M8[Y]", "M8[D]"),
    ("M8[Y]", "M8[M]"), ("m8[Y]", "m8[M]"), ("M8[M]", "M8[W]"), ("m8[W]", "m8[D]"), ("M8[2h]", "M8[3m]"),
    ("M8[D]", "m8[h]"), ("m8[ns]", "u4"), (">i4", "<i4"), (">i4", ">i4"), (">f8", "i1"), ("V8", "V8"),
    ("U5", ">U5"), (">U5", ">U5"), ("[('x', '<i4')]", "[('x', '<i4')]"), ("[('x', '<i4')]", "[('x', '<i8')]"),
    ("[('x', '<i4')]", "[('x', '>i4')]"),
]
OTHER_ERRORS = [
    ("m8[s]", "f8"), ("M8[s]", "i8"), ("m8[s]", "u8"), ("m8[Y]", "m8[D]"), ("M8[ps]", "M8[Y]"), ("M8[as]", "M8[D]"),
    ("V8", "V4"), ("[('x', '<i4')]", "[('y', '<i4')]"), ("[('x', '<i4')]", "i4"), ("U3", "M8[s]"),
]
CAST_OTHER = [
    ("U5", "U3"), ("U3", "U5"), ("S3", "U3"), ("U3", "S3"), ("S3", "S2"), ("i8", "U21"), ("i8", "U20"),
    ("i8", "S21"), ("f8", "U32"), ("f8", "U31"), ("?", "U5"), ("U5", "i8"), ("U5", "f8"), ("S5", "?"),
    ("<U5", ">U5"), (">i4", "<i4"), ("<i4", ">i8"), (">i4", ">i4"), ("M8[s]", "M8[ms]"), ("M8[ms]", "M8[s]"),
    ("m8[s]", "i8"), ("i8", "m8[s]"), ("M8[s]", "m8[s]"), ("m8[s]", "f8"), ("f8", "m8[s]"), ("i4", "M8[s]"),
    ("u1", "U3"), ("i1", "U4"), ("c16", "U64"), ("f2", "U32"), ("V8", "V8"), ("V8", "i8"), ("i8", "V8"),
    ("U5", "V20"), ("M8", "M8[s]"), ("M8[s]", "M8"), ("m8[Y]", "m8[D]"), ("M8[D]", "M8[h]"), ("?", "m8[s]"),
    ("u4", "m8"), ("u8", "m8"), ("m8", "i8"), ("M8[ns]", "M8[us]"), ("M8[2s]", "M8[s]"), ("M8[s]", "M8[2s]"),
    ("m8[2s]", "m8[s]"), ("m8[s]", "m8[2s]"), ("M8[D]", "U"), ("U30", "M8[s]"),
    ("[('x', '<i4'), ('y', '<f8')]", "[('x', '<i4'), ('y', '<f8')]"),
    ("[('x', '<i4'), ('y', '<f8')]", "[('x', '<i8'), ('y', '<f8')]"),
    ("[('x', '<i8'), ('y', '<f8')]", "[('x', '<i4'), ('y', '<f8')]"),
    ("[('x', '<i4'), ('y', '<f8')]", "[('y', '<f8'), ('x', '<i4')]"),
    ("[('x', '<i4'), ('y', '<f8')]", "[('x', '>i4'), ('y', '>f8')]"),
    ("[('x', '<i4'), ('y', '<f8')]", "i4"), ("i4", "[('x', '<i4'), ('y', '<f8')]"),
    ("[('x', '<i4'), ('y', '<f8')]", "V12"), ("V12", "[('x', '<i4'), ('y', '<f8')]"),
]


def dt(s):
    return f"np.dtype({s})" if s.startswith("[") else f"np.dtype({s!r})"


def generate(g):
    g.case("promote_numeric", "[np.promote_types(a, b).str for a in NUM for b in NUM]", setup=f"NUM = {NUM!r}")
    for m in MODES:
        g.case(f"can_cast_numeric_{m}", f"[np.can_cast(a, b, {m!r}) for a in NUM for b in NUM]", setup=f"NUM = {NUM!r}")
    for i, (a, b) in enumerate(OTHER):
        g.case(f"promote_other_{i:02}", f"str(np.promote_types({dt(a)}, {dt(b)}))")
    for i, (a, b) in enumerate(OTHER_ERRORS):
        g.case(f"promote_error_{i:02}", f"np.promote_types({dt(a)}, {dt(b)})")
    for i, (a, b) in enumerate(CAST_OTHER):
        g.case(f"can_cast_other_{i:02}", f"[np.can_cast({dt(a)}, {dt(b)}, m) for m in {MODES!r}]")
    # result_type with Python scalars (NEP 50). Arguments: dtype strings or Python values.
    weak = [
        ("int8", "1"), ("uint8", "-1"), ("True", "1"), ("1", "1.0"), ("bool", "1"), ("float16", "1j"),
        ("int8", "1j"), ("float32", "2.5"), ("int16", "1.0"), ("bool", "1.0"), ("bool", "True"), ("1",),
        ("1.0",), ("True",), ("1j",), ("int8", "1000"), ("float16", "1", "1.0"), ("uint64", "1.0"),
        ("'>i4'", "1"), ("'m8[s]'", "1"), ("complex64", "2.0"), ("float64", "1j"), ("int64", "uint64"),
        ("'U5'", "1"), ("'m8[s]'", "1.0"), ("'M8[s]'", "1"), ("'S3'", "1"),
    ]
    for i, args in enumerate(weak):
        conv = ", ".join(a if not a.isidentifier() or a in ("True",) else f"np.{a}" for a in args)
        g.case(f"result_type_{i:02}", f"str(np.result_type({conv}))")
    for i, v in enumerate(["0", "1", "255", "256", "-1", "-129", "2**63", "0.1", "1e10", "65504.0", "1e300", "1j",
                           "1e10+1j", "1e300j", "True", "'abc'", "b'ab'", "-2**63", "70000", "-40000"]):
        g.case(f"min_scalar_type_{i:02}", f"str(np.min_scalar_type({v}))")
    for i, ts in enumerate([["int8"], ["float16"], ["float32", "int8"], ["complex64"], ["complex64", "float64"],
                            ["bool"], ["U3"], ["float32", "float16"], ["uint64", "complex64"]]):
        arrs = ", ".join(f"np.zeros(2, {t!r})" for t in ts)
        g.case(f"common_type_{i}", f"np.dtype(np.common_type({arrs})).str")
    g.case("cast_error_message", "np.array([1.5]).astype(np.int64, casting='safe')")
    g.case("cast_error_same_kind", "np.array([1.5]).astype(np.int64, casting='same_kind')")
    g.case("cast_error_no", "np.array([1], np.int32).astype(np.int64, casting='no')")
