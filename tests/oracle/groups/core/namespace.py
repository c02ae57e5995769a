"""Small functions of NumPy's top-level namespace: base_repr, binary_repr, typename,
mintypecode, typecodes, atleast_1d/2d/3d, isfortran, ndindex, ndenumerate,
asarray_chkfinite, format_float_positional and format_float_scientific."""

import numpy as np

BASE_REPR = [(5, 2, 0), (6, 5, 0), (7, 5, 3), (10, 16, 0), (32, 16, 0), (-255, 16, 3), (0, 2, 0), (0, 7, 2),
             (2**62 + 12345, 36, 0), (-(2**63), 2, 1), (35, 36, 0), (-1, 3, 0), (2**64 - 1, 16, 0),
             (-(2**127), 36, 0), (123456789, 7, 5), (1, 2, 0), (1, 1, 0), (1, 37, 0), (1, 0, 0)]
BINARY_REPR = [(3, None), (-3, None), (3, 4), (-3, 3), (-3, 5), (0, None), (0, 4), (0, 0), (-128, 8), (-129, None),
               (127, 8), (-(2**63), 64), (2**63 - 1, None), (-1, 1), (-1, None), (-2, 2), (-5, 10),
               (-(2**127), 128), (2**127 - 1, 127), (-3, 1), (3, 1), (255, 7), (-129, 8)]
TYPECHARS = list("?bBhHiIlLqQfdgFDGSUVO") + ["S1", "n", "e", "x"]
MINTYPECODE = [("'dfS'", None, None), ("['d', 'f', 'S']", None, None), ("'abceh'", None, "'G'"), ("['F', 'd']", None, None),
               ("'FD'", None, None), ("'bh'", None, None), ("'gF'", None, None), ("'Ff'", "'FDf'", None),
               ("'qQl'", "'QqLl'", "'x'"), ("''", None, None), ("'?B'", "'?Bb'", None)]


def reprs(g):
    for i, (n, b, p) in enumerate(BASE_REPR):
        g.case(f"base_repr_{i}", f"np.base_repr({n}, {b}, {p})")
    for i, (n, w) in enumerate(BINARY_REPR):
        g.case(f"binary_repr_{i}", f"np.binary_repr({n}, {w})")


def typecodes(g):
    for c in TYPECHARS:
        g.case(f"typename_{c}", f"np.typename({c!r})")
    for i, (chars, typeset, default) in enumerate(MINTYPECODE):
        args = chars + (f", typeset={typeset}" if typeset else "") + (f", default={default}" if default else "")
        g.case(f"mintypecode_{i}", f"np.mintypecode({args})")
    g.case("typecodes", "np.typecodes")
    g.case("little_endian", "np.little_endian")
    g.case("version", "np.__version__")
    for c in ("pi", "e", "euler_gamma", "inf", "nan"):
        g.case(f"const_{c}", f"np.{c}")


def dims(g):
    for nd in range(5):
        shape = (2, 3, 4, 5)[:nd]
        setup = f"a = np.arange({int(np.prod(shape))}).reshape({shape})"
        for f in ("atleast_1d", "atleast_2d", "atleast_3d"):
            g.case(f"{f}_{nd}d", f"np.{f}(a)", setup=setup)
    for name, setup in [("c2", "a = np.zeros((2, 3))"), ("f2", "a = np.zeros((2, 3), order='F')"),
                        ("c1", "a = np.zeros(3)"), ("t", "a = np.zeros((2, 3)).T"),
                        ("strided", "a = np.zeros((4, 6), order='F')[::2]"), ("one_row_f", "a = np.zeros((1, 3), order='F')"),
                        ("c0", "a = np.zeros(())")]:
        g.case(f"isfortran_{name}", "np.isfortran(a)", setup=setup)
    for shape in [(2, 3), (3,), (), (2, 0, 3), (1, 2, 1, 2)]:
        key = "_".join(map(str, shape)) or "0d"
        g.case(f"ndindex_{key}", f"list(np.ndindex({shape}))")
    g.case("ndenumerate", "[(i, int(v)) for i, v in np.ndenumerate(a)]", setup="a = np.arange(6).reshape(2, 3)[:, ::-1]")


def chkfinite(g):
    for name, arr in [("float_ok", "np.array([1.0, -2.5])"), ("nan", "np.array([1.0, np.nan])"),
                      ("inf", "np.array([[np.inf, 1.0]], dtype=np.float32)"), ("int", "np.arange(4)"),
                      ("complex_nan_imag", "np.array([1 + 1j, complex(1, np.nan)])"), ("half_inf", "np.array([np.inf], dtype=np.float16)")]:
        g.case(f"chkfinite_{name}", f"np.asarray_chkfinite({arr})")


def format_floats(g):
    rng = np.random.default_rng(1919)
    specials = [0.0, -0.0, 1.0, 0.1, 1.5, -2.25, 100.0, 1e16, 1e-5, 123456.789, 5e-324, 1.7976931348623157e308,
                float("inf"), float("-inf"), float("nan"), 0.3, 2.0 / 3.0, 1e22, 9.5, 0.5]
    values = specials + (rng.standard_normal(20) * 10.0 ** rng.integers(-12, 12, 20)).tolist()
    options = [("default", ""), ("p3", "precision=3"), ("p0", "precision=0"), ("exact20", "unique=False, precision=20"),
               ("trim_dot", "trim='.'"), ("trim_0", "trim='0'"), ("trim_minus", "trim='-'"), ("sign", "sign=True"),
               ("pad", "pad_left=5, pad_right=4"), ("min4", "min_digits=4"), ("p2_min2", "precision=2, min_digits=2"),
               ("total3", "fractional=False, precision=3"), ("total_exact", "fractional=False, unique=False, precision=4, trim='-'"),
               ("p5_trim0", "precision=5, trim='0'")]
    sci_options = [("default", ""), ("p3", "precision=3"), ("exact10", "unique=False, precision=10"), ("trim_minus", "trim='-'"),
                   ("exp3", "exp_digits=3"), ("exp0", "exp_digits=0"), ("sign_pad", "sign=True, pad_left=4"),
                   ("min5", "min_digits=5"), ("trim_0", "trim='0'")]
    for dt in ("float64", "float32", "float16"):
        setup = f"x = np.array({[repr(v) if np.isfinite(v) else v for v in values]!r}, dtype=np.{dt})".replace("'", "")
        setup = setup.replace("inf", "np.inf").replace("nan", "np.nan").replace("-np.inf", "-np.inf")
        for name, opts in options:
            sep = ", " if opts else ""
            g.case(f"positional_{dt}_{name}", f"[np.format_float_positional(v{sep}{opts}) for v in x]", setup=setup)
        for name, opts in sci_options:
            sep = ", " if opts else ""
            g.case(f"scientific_{dt}_{name}", f"[np.format_float_scientific(v{sep}{opts}) for v in x]", setup=setup)
    for name, call in [("min_gt_precision", "np.format_float_positional(1.5, precision=2, min_digits=3)"),
                       ("sci_min_gt_precision", "np.format_float_scientific(1.5, precision=2, min_digits=3)"),
                       ("nonunique_no_precision", "np.format_float_positional(1.5, unique=False)"),
                       ("sci_nonunique_no_precision", "np.format_float_scientific(1.5, unique=False)"),
                       ("total_precision0", "np.format_float_positional(1.5, fractional=False, precision=0)")]:
        g.case(f"format_error_{name}", call)


SUB_DTYPES = ["?", "i1", "i8", "u2", "u8", "f2", "f4", "f8", "c8", "c16", "U3", "S2", "V4", "M8[s]", "m8[ns]",
              ">i4", "[('a', '<i4'), ('b', '<f8')]"]
CLASSES = ["generic", "number", "integer", "signedinteger", "unsignedinteger", "inexact", "floating",
           "complexfloating", "flexible", "character"]
PAIRS = [("U5", "U10"), ("M8[s]", "M8[ns]"), ("<f8", ">f8"), ("f8", "f4"), ("V4", "V8"), ("i8", "u8"), ("m8[s]", "i8"),
         ("S3", "U3"), ("c8", "c16"), ("?", "?"), ("f2", "f2")]
ISDTYPE_KINDS = ["bool", "signed integer", "unsigned integer", "integral", "real floating", "complex floating", "numeric"]


def subdtypes(g):
    """Each dtype against each abstract class, pairs of dtypes, and each isdtype kind name
    (one list per dtype: the classes/kinds it belongs to)."""
    for i, d in enumerate(SUB_DTYPES):
        setup = f"d = np.dtype({d if d.startswith('[') else repr(d)})"
        g.case(f"issubdtype_classes_{i}", f"[c for c in {CLASSES!r} if np.issubdtype(d, getattr(np, c))]", setup=setup)
        g.case(f"isdtype_kinds_{i}", f"[k for k in {ISDTYPE_KINDS!r} if np.isdtype(d, k)]", setup=setup)
    for i, (a, b) in enumerate(PAIRS):
        g.case(f"issubdtype_pair_{i}", f"np.issubdtype({a!r}, {b!r})")
    g.case("isdtype_tuple", "np.isdtype(np.dtype('f8'), ('bool', 'real floating'))")
    g.case("isdtype_bad_kind", "np.isdtype(np.dtype('f8'), 'floaty')")


TYPE_CHECK_INPUTS = [("complex", "np.array([1 + 0j, 1j, complex(np.inf, 0), complex(0, -0.0)])"),
                     ("float", "np.array([1.0, np.inf, -np.inf, np.nan, -0.0])"),
                     ("float32", "np.array([np.inf, 2.5], dtype=np.float32)"), ("int", "np.arange(3)"),
                     ("complex64", "np.array([1j], dtype=np.complex64)")]


def type_checks(g):
    for name, arr in TYPE_CHECK_INPUTS:
        for f in ("iscomplex", "isreal", "iscomplexobj", "isrealobj", "isposinf", "isneginf"):
            g.case(f"{f}_{name}", f"np.{f}({arr})")
    for i, (shape, axis, start) in enumerate([((3, 4, 5, 6), 3, 1), ((3, 4, 5, 6), 2, 0), ((3, 4, 5, 6), 1, 4),
                                              ((3, 4, 5, 6), -1, -3), ((2, 3), 0, 2), ((2, 3), 1, 1), ((2, 3), 0, -5),
                                              ((2, 3), 0, 3), ((2, 3), 2, 0)]):
        g.case(f"rollaxis_{i}", f"np.rollaxis(np.zeros({shape}), {axis}, {start}).shape")


def errcall(g):
    g.case("geterrcall_default", "np.geterrcall()")
    g.case("geterrcall_after_set", "np.geterrcall() is f", setup="def f(err, flag): pass\nold = np.seterrcall(f)")
    np.seterrcall(None)


COPYTO = [
    ("plain", "dst = np.zeros((2, 3), dtype=np.int64)", "np.array([1, 2, 3], dtype=np.int32)", ""),
    ("same_kind_refused", "dst = np.zeros((2, 3), dtype=np.int64)", "np.array([0.5, 1.5, 2.5])", ""),
    ("unsafe", "dst = np.zeros((2, 3), dtype=np.int64)", "np.array([0.5, 1.5, -2.5])", ", casting='unsafe'"),
    ("where", "dst = np.full((2, 3), -1.0, dtype=np.float32)", "np.arange(6).reshape(2, 3) * 1.5",
     ", where=np.array([[True, False, True], [False, True, False]])"),
    ("where_row", "dst = np.zeros((2, 3), dtype=np.int16)", "np.array(7, dtype=np.int16)", ", where=np.array([True, False, True])"),
    ("src_shape", "dst = np.zeros((2, 3))", "np.ones(2)", ""),
    ("mask_shape", "dst = np.zeros((2, 3))", "np.ones(3)", ", where=np.array([True, False])"),
    ("no_refused", "dst = np.zeros(3, dtype=np.int64)", "np.array([1, 2, 3], dtype=np.int32)", ", casting='no'"),
    ("safe", "dst = np.zeros(3, dtype=np.int64)", "np.array([1, 2, 3], dtype=np.int32)", ", casting='safe'"),
    ("strings_where", "dst = np.array(['x', 'y', 'z'], dtype='U5')", "np.array(['a', 'bb', 'ccc'])",
     ", where=np.array([True, False, True])"),
]


def copytos(g):
    for name, setup, src, kw in COPYTO:
        g.case(f"copyto_{name}", f"np.copyto(dst, {src}{kw})", setup=setup, result="dst")


FROMBUFFER = [("u1", "'u1'"), ("i2", "'<i2'"), ("i4_not_multiple", "'<i4'"), ("i2_count_offset", "'<i2', 2, 3"),
              ("i2_count", "'<i2', 5"), ("offset_past_end", "'<i2', -1, 11"), ("offset_at_end", "'<i2', -1, 10"),
              ("count_zero", "'u1', 0"), ("too_small", "'<i2', 6"), ("big_endian", "'>u2', 2, 1"), ("f8", "'<f8', 1, 2")]


def frombuffers(g):
    for name, args in FROMBUFFER:
        g.case(f"frombuffer_{name}", f"np.frombuffer(b, {args})", setup="b = bytes(range(10))")


BROADCAST = [("three", "np.zeros((2, 1)), np.zeros(3), np.zeros((1, 1, 3))"), ("one", "np.zeros((4, 0))"),
             ("scalar", "np.zeros(()), np.zeros(())"), ("mismatch", "np.zeros(2), np.zeros(3)")]


def broadcasts(g):
    for name, args in BROADCAST:
        g.case(f"broadcast_{name}", "(b.shape, b.nd, b.ndim, b.numiter, b.size, [b.index for _ in b])",
               setup=f"b = np.broadcast({args})")


VANDER = [("int", "np.array([1, 2, 3, 5])", ""), ("float_inc", "np.array([1.5, -2.0])", ", 4, increasing=True"),
          ("int8", "np.array([2, 3], dtype=np.int8)", ", 9"), ("float32", "np.array([0.1, 3.3], dtype=np.float32)", ", 5"),
          ("bool", "np.array([True, False])", ", 3"), ("complex64", "np.array([1 + 2j], dtype=np.complex64)", ", 4"),
          ("n0", "np.array([1, 2])", ", 0"), ("overflow", "np.array([3])", ", 45"),
          ("random", "np.random.default_rng(7).standard_normal(9)", ", 12"),
          ("not_1d", "np.zeros((2, 2))", "")]


def vanders(g):
    for name, x, kw in VANDER:
        g.case(f"vander_{name}", f"np.vander(x{kw})", setup=f"x = {x}")
    g.case("vander_random_x", "x", setup="x = np.random.default_rng(7).standard_normal(9)")


def generate(g):
    vanders(g)
    broadcasts(g)
    frombuffers(g)
    copytos(g)
    errcall(g)
    type_checks(g)
    subdtypes(g)
    reprs(g)
    typecodes(g)
    dims(g)
    chkfinite(g)
    format_floats(g)
