"""numpy.testing.assert_array_compare with comparisons of one's own (random inputs, NaN
and infinity positions, shapes) and numpy.testing.build_err_msg (short, long and
multi-line messages, verbose off, precision, long arrays cut to three lines)."""

SETUP = '''\
import operator
from numpy.testing import assert_array_compare, build_err_msg
rng = np.random.default_rng(11)
x = rng.standard_normal(40)
y = x + rng.uniform(0.0, 1.0, 40)
y[[3, 17, 29]] -= 2.0
def run(f):
    try:
        f()
    except AssertionError as e:
        raise AssertionError(str(e)) from None
'''


def generate(g):
    s = SETUP
    g.case("x", "x", setup=s)
    g.case("y", "y", setup=s)
    g.case("cmp_lt_fail", "run(lambda: assert_array_compare(operator.lt, x, y, header='Arrays are not less-ordered'))",
           setup=s)
    g.case("cmp_le_pass", "run(lambda: assert_array_compare(operator.le, x, x + 1.0, header='h'))", setup=s)
    g.case("cmp_err_msg", "run(lambda: assert_array_compare(operator.lt, x, y, err_msg='why', header='H'))",
           setup=s)
    g.case("cmp_nan", "run(lambda: assert_array_compare(operator.lt, np.array([1.0, np.nan]), "
           "np.array([np.nan, 2.0]), header='H'))", setup=s)
    g.case("cmp_nan_off", "run(lambda: assert_array_compare(operator.lt, np.array([1.0, np.nan]), "
           "np.array([2.0, np.nan]), header='H', equal_nan=False))", setup=s)
    g.case("cmp_shape", "run(lambda: assert_array_compare(operator.eq, x[:3], x[:4], header='H'))", setup=s)
    g.case("cmp_names", "run(lambda: assert_array_compare(operator.lt, x, y, header='H', names=('a', 'b'), "
           "precision=3))", setup=s)
    g.case("bem_basic", "build_err_msg([x[:2], y[:2]], 'oops')", setup=s)
    g.case("bem_quiet", "build_err_msg([x[:2], y[:2]], 'oops', verbose=False)", setup=s)
    g.case("bem_long", "build_err_msg([x[:2], y[:2]], 'z' * 70, header='Header here')", setup=s)
    g.case("bem_multiline", "build_err_msg([x[:2], y[:2]], 'a\\nb')", setup=s)
    g.case("bem_precision", "build_err_msg([x[:5], y[:5]], '', precision=3, names=('P', 'Q'))", setup=s)
    g.case("bem_cut", "build_err_msg([x, y], 'm')", setup=s)
