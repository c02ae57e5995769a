"""Datetime and timedelta arithmetic through the ufuncs: result dtypes and values for every
unit pair, NaT behaviour, integer and float operands, and NumPy's errors for combinations
without a loop.

Each case records a list of outcomes, one per call: ['ok', result dtype str, values] with the
values as int64 counts (bools as 0/1, float64 results as their int64 bit patterns), or
['err', exception class, message]. Operands are written as specs that the Rust test builds
the same way: 'M8[D]:a' is the value set `a` viewed as datetime64[D] (NaT included),
'i1:c' the set `c` cast to int8, 'f8:f' the float set, 'int:3' / 'float:2.5' / 'bool:True'
Python scalars (NEP 50 weak), and a '0d' prefix ('0dm8[s]:a') takes the first value of a set
as a 0-d array."""

NAT = -(2**63)
UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]
EXTRA = ["generic", "7D", "3h", "10ms", "2M"]

SETUP = f"""
import warnings
NAT = {NAT}
VALS = {{
    'a': [0, 1, -1, 17, -123456, NAT, 1000003, 86399, -86401],
    'b': [5, -3, 0, 17, 99, 2, NAT, 3600, 400],
    'c': [2, -2, 3, 7, -1, 0, 4, 1, -5],
    'f': [2.5, -0.5, 0.0, float('nan'), float('inf'), 1e300, 3.0, -1.75, 1e-300],
    'n': [NAT, NAT, 0, 5, -5, NAT, 1, 2, NAT],
}}
def operand(spec):
    kind, v = spec.split(':')
    if kind == 'int':
        return int(v)
    if kind == 'float':
        return float(v)
    if kind == 'bool':
        return v == 'True'
    zero_d = kind.startswith('0d')
    kind = kind[2:] if zero_d else kind
    vals = VALS[v]
    if kind[0] in 'Mm':
        x = np.array(vals, 'i8').view(kind)
    elif kind[0] in 'fe':
        x = np.array(vals, 'f8').astype(kind)
    else:
        x = np.array(vals, 'i8').astype(kind)
    return x[0].reshape(()) if zero_d else x
def enc(r):
    r = np.asarray(r)
    vals = r.astype('i8') if r.dtype == bool else r.view('i8')
    return ['ok', str(r.dtype), vals.ravel().tolist()]
def call(name, *specs):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            return enc(getattr(np, name)(*[operand(s) for s in specs]))
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
def calls(items):
    return [[list(item), call(*item)] for item in items]
"""


def cases(g, name, items):
    g.case(name, f"calls({items!r})", setup=SETUP)


def pairs(a_kind, b_kind, units):
    return [(f"{a_kind}8[{u}]:a", f"{b_kind}8[{v}]:b") for u in units for v in units]


def generate(g):
    units = UNITS + EXTRA
    # Every unit pair of the main datetime/timedelta combinations.
    cases(g, "sub_MM", [("subtract", a, b) for a, b in pairs("M", "M", units)])
    cases(g, "add_Mm", [("add", a, b) for a, b in pairs("M", "m", units)])
    cases(g, "add_mm", [("add", a, b) for a, b in pairs("m", "m", units)])
    cases(g, "sub_Mm", [("subtract", a, b) for a, b in pairs("M", "m", units)])
    cases(g, "less_MM", [("less", a, b) for a, b in pairs("M", "M", units)])
    cases(g, "divide_mm", [("divide", a, b) for a, b in pairs("m", "m", units)])
    cases(g, "maximum_mm", [("maximum", a, b) for a, b in pairs("m", "m", units)])
    some = ["D", "s", "ms", "ns", "Y", "M", "generic", "7D"]
    # Timedeltas with integers, bools and floats.
    ints = ["int:3", "int:-2", "int:0", "bool:True", "i1:c", "u1:c", "i2:c", "u4:c", "i8:c", "u8:c", "0di8:c",
            "b1:c"]
    floats = ["float:2.5", "float:-0.5", "float:0.0", "f8:f", "f4:f", "f2:f", "0df8:f"]
    mixed = []
    for u in some:
        for o in ints:
            mixed += [("add", f"m8[{u}]:a", o), ("add", o, f"m8[{u}]:a"), ("subtract", f"m8[{u}]:a", o),
                      ("subtract", o, f"m8[{u}]:a"), ("multiply", f"m8[{u}]:a", o), ("multiply", o, f"m8[{u}]:a"),
                      ("divide", f"m8[{u}]:a", o), ("floor_divide", f"m8[{u}]:a", o), ("remainder", f"m8[{u}]:a", o),
                      ("add", f"M8[{u}]:a", o), ("add", o, f"M8[{u}]:a"), ("subtract", f"M8[{u}]:a", o),
                      ("subtract", o, f"M8[{u}]:a"), ("multiply", f"M8[{u}]:a", o), ("divide", o, f"m8[{u}]:a"),
                      ("less", f"m8[{u}]:a", o), ("equal", o, f"m8[{u}]:a"), ("not_equal", f"m8[{u}]:a", o),
                      ("less", f"M8[{u}]:a", o), ("maximum", f"m8[{u}]:a", o), ("fmin", o, f"m8[{u}]:a")]
        for o in floats:
            mixed += [("multiply", f"m8[{u}]:a", o), ("multiply", o, f"m8[{u}]:a"), ("divide", f"m8[{u}]:a", o),
                      ("floor_divide", f"m8[{u}]:a", o), ("add", f"m8[{u}]:a", o), ("subtract", f"M8[{u}]:a", o),
                      ("divide", o, f"m8[{u}]:a"), ("less", f"m8[{u}]:a", o), ("maximum", f"m8[{u}]:a", o)]
    cases(g, "mixed_numbers", mixed)
    # Timedelta by timedelta, NaT on either side and zero divisors.
    td = []
    for u, v in [("s", "s"), ("s", "ms"), ("ms", "s"), ("D", "h"), ("Y", "M"), ("Y", "D"), ("generic", "s"),
                 ("7D", "3h"), ("ns", "ns"), ("M", "M")]:
        for x, y in [("a", "b"), ("b", "a"), ("n", "a"), ("a", "n"), ("c", "b")]:
            for op in ("divide", "floor_divide", "remainder", "true_divide", "multiply", "equal", "not_equal",
                       "less", "less_equal", "greater", "greater_equal", "minimum", "fmax", "fmin", "subtract"):
                td.append((op, f"m8[{u}]:{x}", f"m8[{v}]:{y}"))
    cases(g, "timedelta_pairs", td)
    # Datetime pairs: comparisons, extrema and NaT, and the combinations without a loop.
    dt = []
    for u, v in [("D", "D"), ("D", "h"), ("Y", "D"), ("M", "W"), ("generic", "s"), ("s", "ns"), ("7D", "D"),
                 ("Y", "as"), ("D", "ps"), ("W", "M")]:
        for x, y in [("a", "b"), ("n", "a"), ("a", "n")]:
            for op in ("equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "maximum",
                       "minimum", "fmax", "fmin", "add", "multiply", "divide", "floor_divide", "remainder"):
                dt.append((op, f"M8[{u}]:{x}", f"M8[{v}]:{y}"))
            for op in ("add", "subtract", "less", "equal", "maximum"):
                dt.append((op, f"M8[{u}]:{x}", f"m8[{v}]:{y}"))
                dt.append((op, f"m8[{u}]:{x}", f"M8[{v}]:{y}"))
    cases(g, "datetime_pairs", dt)
    # Unary ufuncs.
    un = []
    for u in some + ["as"]:
        for x in ("a", "b", "n"):
            for op in ("absolute", "negative", "positive", "sign", "isnat"):
                un.append((op, f"m8[{u}]:{x}"))
                un.append((op, f"M8[{u}]:{x}"))
    for op in ("absolute", "negative", "isnat"):
        un += [(op, "0dm8[s]:a"), (op, "0dM8[D]:n")]
    cases(g, "unary", un)
    # 0-d operands and broadcasting against arrays.
    cases(g, "zero_d", [("subtract", "M8[D]:a", "0dM8[D]:b"), ("add", "0dm8[h]:b", "M8[s]:a"),
                        ("subtract", "0dM8[ns]:a", "0dM8[us]:b"), ("divide", "m8[s]:a", "0dm8[ms]:b"),
                        ("less", "0dm8[s]:b", "m8[ms]:a"), ("multiply", "0dm8[D]:b", "f8:f")])
    # Far from the epoch: years around +-10^4 and counts near the ends of the int64 range.
    far = """
big = np.array([2**62, -(2**62), 2**63 - 1, -(2**63) + 1, 10**18, -(10**18), 0, NAT, 123456789012345678], 'i8')
far = []
for u in ['Y', 'M', 'D', 's', 'ns', 'as']:
    x = big.view(f'M8[{u}]')
    t = big[::-1].view(f'm8[{u}]')
    for f, a, b in [(np.subtract, x, x[::-1]), (np.add, x, t), (np.subtract, x, t), (np.less, x, x[::-1]),
                    (np.divide, t, t[::-1]), (np.floor_divide, t, t[::-1]), (np.remainder, t, t[::-1])]:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            far.append([f.__name__, u, enc(f(a, b))])
years = np.array(['-10000-01-01', '10000-12-31', '-9996-02-29', '2000-02-29', '1970-01-01'], 'M8[D]')
far.append(['subtract_years', 'D', enc(years - np.datetime64('-10000-03-01'))])
far.append(['add_years', 'Y', enc(years.astype('M8[Y]') + np.timedelta64(25, 'M'))])
"""
    g.case("far_from_epoch", "far", setup=SETUP + far)
    # Random datetime64[ns] arrays, long enough for chunked loops.
    rnd = """
rng = np.random.default_rng(17)
x = rng.integers(-2**61, 2**61, 5003)
y = rng.integers(-2**61, 2**61, 5003)
x[rng.integers(0, 5003, 50)] = NAT
y[rng.integers(0, 5003, 50)] = NAT
"""
    g.case("random_x", "x", setup=SETUP + rnd)
    g.case("random_y", "y", setup=SETUP + rnd)
    g.case("random_ns_minus_ns", "enc(x.view('M8[ns]') - y.view('M8[ns]'))", setup=SETUP + rnd)
    g.case("random_ns_minus_us", "enc(x.view('M8[ns]') - (y // 1000).view('M8[us]'))", setup=SETUP + rnd)
    g.case("random_td_div", "enc(x.view('m8[ns]') / y.view('m8[ns]'))", setup=SETUP + rnd)
    g.case("random_td_floordiv", "enc(np.floor_divide(x.view('m8[ns]'), (y >> 40).view('m8[ns]')))",
           setup=SETUP + rnd)
    g.case("random_td_rem", "enc(np.remainder(x.view('m8[ns]'), (y >> 40).view('m8[ns]')))", setup=SETUP + rnd)
    g.case("random_td_times_float", "enc(x.view('m8[ns]') * (y / 2**61))", setup=SETUP + rnd)
    # divmod of timedeltas (two outputs) and the NaN predicates of datetimes/timedeltas.
    two = """
def call2(name, *specs):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            q, r = getattr(np, name)(*[operand(s) for s in specs])
            return ['ok2', enc(q), enc(r)]
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
"""
    dm = []
    for u, v in [("s", "s"), ("s", "ms"), ("ms", "s"), ("D", "h"), ("Y", "M"), ("generic", "s"), ("7D", "3h"),
                 ("ns", "ns"), ("M", "D")]:
        for x, y in [("a", "b"), ("b", "a"), ("n", "a"), ("a", "n"), ("c", "b")]:
            dm.append(("divmod", f"m8[{u}]:{x}", f"m8[{v}]:{y}"))
    dm += [("divmod", "m8[s]:a", "int:2"), ("divmod", "m8[s]:a", "f8:f"), ("divmod", "M8[s]:a", "M8[s]:b"),
           ("divmod", "M8[s]:a", "m8[s]:b"), ("divmod", "i8:c", "m8[s]:b"), ("divmod", "0dm8[h]:b", "m8[s]:a")]
    g.case("divmod", f"[[list(i), call2(*i)] for i in {dm!r}]", setup=SETUP + two)
    g.case("random_td_divmod", "[enc(r) for r in np.divmod(x.view('m8[ns]'), (y >> 40).view('m8[ns]'))]",
           setup=SETUP + rnd)
    pred = []
    for u in ["D", "s", "ns", "Y", "generic", "7D"]:
        for k in ("M", "m"):
            for x in ("a", "n"):
                for op in ("isnan", "isinf", "isfinite"):
                    pred.append((op, f"{k}8[{u}]:{x}"))
    cases(g, "nan_predicates", pred)
    # out= (units converted as the casting rule allows), where=, in place, dtype=.
    outs = """
def out_array(spec):
    shape = (2, 9) if spec.startswith('2x') else (9,)
    kind = spec[2:] if spec.startswith('2x') else spec
    x = np.full(shape, 7, 'i8')
    return x.view(kind) if kind[0] in 'Mm' else x.astype(kind)
def call_out(name, specs, out_specs, casting, where, dtype):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ops = [operand(s) for s in specs]
            kw = {'casting': casting}
            if where:
                kw['where'] = np.arange(9) % 2 == 0
            if dtype is not None:
                kw['dtype'] = dtype
            if name.startswith('inplace:'):
                getattr(np, name[8:])(*ops, out=ops[0], **kw)
                return ['ok', [enc(ops[0])]]
            if not out_specs:
                return ['ok', [enc(getattr(np, name)(*ops, **kw))]]
            outs = [out_array(s) for s in out_specs]
            getattr(np, name)(*ops, out=tuple(outs), **kw)
            return ['ok', [enc(o) for o in outs]]
    except Exception as e:
        return ['err', type(e).__name__, str(e)]
"""
    mm = ["m8[s]:a", "m8[s]:b"]
    oi = []
    for o, c in [("m8[ms]", "same_kind"), ("m8[m]", "same_kind"), ("m8[D]", "safe"), ("m8[ms]", "safe"),
                 ("m8[ms]", "no"), ("m8[s]", "no"), ("m8", "same_kind"), ("i8", "same_kind"), ("i8", "unsafe"),
                 ("f8", "unsafe"), ("M8[s]", "unsafe"), ("2xm8[s]", "same_kind"), ("2xm8[h]", "same_kind")]:
        oi.append(("add", mm, [o], c, False, None))
    oi += [("subtract", ["M8[D]:a", "M8[D]:b"], ["m8[h]"], "same_kind", False, None),
           ("subtract", ["M8[D]:a", "M8[D]:b"], ["M8[D]"], "same_kind", False, None),
           ("add", ["M8[D]:a", "m8[s]:b"], ["M8[s]"], "same_kind", False, None),
           ("add", ["M8[D]:a", "m8[s]:b"], ["M8[Y]"], "same_kind", False, None),
           ("less", mm, ["m8[s]"], "same_kind", False, None),
           ("less", mm, ["?"], "same_kind", False, None),
           ("divide", ["m8[s]:a", "m8[ms]:b"], ["f8"], "same_kind", True, None),
           ("divide", ["m8[s]:a", "m8[ms]:b"], ["m8[s]"], "same_kind", False, None),
           ("divide", ["m8[s]:a", "m8[ms]:b"], ["i8"], "unsafe", False, None),
           ("divmod", ["m8[s]:a", "m8[ms]:b"], ["i8", "m8[us]"], "same_kind", False, None),
           ("divmod", ["m8[s]:a", "m8[ms]:b"], ["u8", "m8[s]"], "same_kind", False, None),
           ("divmod", ["m8[s]:a", "m8[ms]:b"], ["f8", "m8[h]"], "same_kind", False, None),
           ("negative", ["m8[s]:a"], ["m8[ms]"], "same_kind", False, None),
           ("maximum", ["M8[D]:a", "M8[h]:b"], ["M8[m]"], "same_kind", True, None),
           ("add", ["m8[s]:a", "m8[ms]:b"], ["m8[ms]"], "same_kind", True, None),
           ("inplace:add", ["m8[s]:a", "m8[ms]:b"], [], "same_kind", False, None),
           ("inplace:add", ["m8[s]:a", "int:3"], [], "same_kind", False, None),
           ("inplace:subtract", ["M8[D]:a", "m8[h]:b"], [], "same_kind", False, None),
           ("inplace:subtract", ["M8[D]:a", "m8[h]:b"], [], "safe", False, None),
           ("inplace:multiply", ["m8[s]:a", "float:1.5"], [], "same_kind", False, None),
           ("inplace:add", ["m8[s]:a", "m8[ms]:b"], [], "same_kind", True, None)]
    for d in ["m8[ms]", "m8", "M8", "i8", "f8", "?"]:
        for name, specs in [("add", mm), ("less", mm), ("divide", mm), ("subtract", ["M8[D]:a", "M8[D]:b"]),
                            ("negative", ["m8[s]:a"])]:
            if (name, d) != ("negative", "M8"):  # NumPy names the output's DType class there
                oi.append((name, specs, [], "same_kind", False, d))
    g.case("outputs", f"[[list(i), call_out(*i)] for i in {oi!r}]", setup=SETUP + outs)
