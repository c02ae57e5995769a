"""Type resolution of every registered ufunc: NumPy's result dtype (or its error) for every
input dtype, and for every pair of the 14 numeric dtypes and the weak Python scalars
(int 1, float 1.0, complex 1j), in the order of `_registered.DTYPES` then `WEAK`. One case
per ufunc holds the whole table as a list of strings: the output dtype names joined with
"," or "error: <message>"."""

from _registered import BINARY, DTYPES, RESOLVE_ONLY, UNARY

WEAK = ("1", "1.0", "1j")
SETUP = f"""
import warnings
DTYPES = {DTYPES!r}
WEAK = {WEAK!r}
def operand(s):
    return eval(s) if s in WEAK else np.ones(2, dtype=s)
def outcome(f, args):
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = f(*[operand(a) for a in args])
        r = r if isinstance(r, tuple) else (r,)
        return ",".join(np.asarray(x).dtype.name for x in r)
    except Exception as e:
        return "error: " + str(e)
def table(f):
    names = DTYPES + WEAK
    if f.nin == 1:
        return [outcome(f, (a,)) for a in names]
    return [outcome(f, (a, b)) for a in names for b in names]
"""


def generate(g):
    for name in UNARY + BINARY + RESOLVE_ONLY:
        g.case(name, f"table(np.{name})", setup=SETUP)
    # dtype= (the outputs' dtype) and signature= pin the loop.
    pins = {
        "add_dtype_f4": "np.add(np.ones(2, 'f8'), np.ones(2, 'i4'), dtype='f4').dtype.name",
        "add_dtype_i1": "np.add(np.ones(2, 'f8'), np.ones(2, 'i4'), dtype='i1').dtype.name",
        "add_dtype_i1_unsafe": "np.add(np.ones(2, 'f8'), np.ones(2, 'i4'), dtype='i1', casting='unsafe').dtype.name",
        "sqrt_dtype_f8": "np.sqrt(np.ones(2, 'i1'), dtype='f8').dtype.name",
        "sqrt_dtype_f4_from_f8": "np.sqrt(np.ones(2, 'f8'), dtype='f4').dtype.name",
        "sqrt_dtype_i4": "np.sqrt(np.ones(2, 'f8'), dtype='i4').dtype.name",
        "less_signature": "np.less(np.ones(2, 'i8'), np.ones(2, 'f4'), signature=('f4', 'f4', None)).dtype.name",
        "less_signature_safe": "np.less(np.ones(2, 'i8'), np.ones(2, 'f4'), signature=('f4', 'f4', None), casting='safe').dtype.name",
        "maximum_dtype_f2": "np.maximum(np.ones(2, 'i1'), 2, dtype='f2').dtype.name",
        "add_casting_no": "np.add(np.ones(2, 'i1'), np.ones(2, 'i2'), casting='no').dtype.name",
        # An output the loop's result cannot be cast to: NumPy numbers it among all the
        # operands ("output 2" is divmod's first), and only when the ufunc has several.
        "divmod_out1_cast": "np.divmod(np.ones(2), np.ones(2), out=(np.zeros(2, 'i8'), None))[0].dtype.name",
        "modf_out2_cast": "np.modf(np.ones(2), out=(None, np.zeros(2, 'i8')))[1].dtype.name",
        "add_out_cast": "np.add(np.ones(2), np.ones(2), out=np.zeros(2, 'i8')).dtype.name",
    }
    for k, v in pins.items():
        g.case(k, v)
