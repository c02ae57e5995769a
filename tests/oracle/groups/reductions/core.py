"""sum, prod, max, min, all, any, mean, var, std: every numeric dtype, random inputs large
enough for NumPy's pairwise blocks and buffered chunks (with odd tails), each axis, tuples,
keepdims, where masks, dtype=, initial=, ddof, non-contiguous views, empty inputs and errors."""

from _common import DTYPES, INEXACT, mk

OPS = ["sum", "prod", "max", "min", "all", "any", "mean", "var", "std"]
# name tag -> NumPy axis argument
AXES = [("none", "None"), ("0", "0"), ("1", "1"), ("m1", "-1"), ("t01", "(0, 1)"), ("t10", "(1, 0)")]


def call(op, arg, extra=""):
    """NumPy's call of `op` on `arg` with keyword text `extra`."""
    return f"np.{op}({arg}{', ' + extra if extra else ''})"


def generate(g):
    for k, dt in enumerate(DTYPES):
        inexact = dt in INEXACT
        n1 = 100003 if inexact else 20011
        shape2 = (11, 4099) if inexact else (7, 1001)
        s1 = mk(dt, (n1,), 100 + k)
        g.case(f"{dt}_1d_a", "a", setup=s1)
        for op in OPS:
            arg = "a[:60]" if op == "prod" and inexact else "a"
            g.case(f"{dt}_1d_{op}", call(op, arg), setup=s1)
        # Strided and reversed 1-d views.
        for tag, view in [("s3", "a[::3]"), ("rev", "a[::-1]")]:
            for op in ["sum", "mean", "var"]:
                g.case(f"{dt}_1d_{tag}_{op}", call(op, view), setup=s1)
        s2 = mk(dt, shape2, 200 + k)
        g.case(f"{dt}_2d_a", "a", setup=s2)
        for op in OPS:
            for tag, ax in AXES:
                if op == "prod" and inexact and tag != "0":
                    continue  # long products only over- or underflow
                g.case(f"{dt}_2d_{op}_{tag}", call(op, "a", f"axis={ax}"), setup=s2)
        for op in ["sum", "mean", "var", "max"]:
            g.case(f"{dt}_2d_{op}_1_keep", call(op, "a", "axis=1, keepdims=True"), setup=s2)
            g.case(f"{dt}_2d_{op}_none_keep", call(op, "a", "axis=None, keepdims=True"), setup=s2)
        # Non-contiguous views: transposed (F order) and every third column.
        for vt, view in [("T", "a.T"), ("c3", "a[:, ::3]")]:
            for op in ["sum", "mean", "var", "std", "max"]:
                for tag, ax in [("none", "None"), ("0", "0"), ("1", "1")]:
                    g.case(f"{dt}_2d{vt}_{op}_{tag}", call(op, view, f"axis={ax}"), setup=s2)
        # where= masks (a fixed random mask, and one row broadcast).
        sm = s2 + f"; m = np.random.default_rng(300 + {k}).random({shape2}) < 0.9"
        g.case(f"{dt}_mask_a", "m", setup=sm)
        for op in ["sum", "mean", "var", "all", "any"]:
            for tag, ax in [("none", "None"), ("0", "0"), ("1", "1")]:
                g.case(f"{dt}_where_{op}_{tag}", call(op, "a", f"axis={ax}, where=m"), setup=sm)
                g.case(f"{dt}_whererow_{op}_{tag}", call(op, "a", f"axis={ax}, where=m[0]"), setup=sm)
        for tag, ax in [("none", "None"), ("1", "1")]:
            g.case(f"{dt}_where_max_{tag}", call("max", "a", f"axis={ax}, where=m, initial=a.flat[0]"), setup=sm)
        # ddof
        for d in [1, 2]:
            for tag, ax in [("none", "None"), ("1", "1")]:
                g.case(f"{dt}_2d_var_ddof{d}_{tag}", call("var", "a", f"axis={ax}, ddof={d}"), setup=s2)
                g.case(f"{dt}_2d_std_ddof{d}_{tag}", call("std", "a", f"axis={ax}, ddof={d}"), setup=s2)
        rows = shape2[0]
        g.case(f"{dt}_2d_var_ddof_n", call("var", "a", f"axis=0, ddof={rows}"), setup=s2)
        g.case(f"{dt}_2d_var_ddof_n1", call("var", "a", f"axis=0, ddof={rows + 1}"), setup=s2)
    # Three dimensions: tuples of axes, contiguous trailing and not.
    for k, dt in enumerate(INEXACT):
        s3 = mk(dt, (4, 6, 1001), 400 + k)
        g.case(f"{dt}_3d_a", "a", setup=s3)
        for tag, ax in [("02", "(0, 2)"), ("12", "(1, 2)"), ("20", "(2, 0)"), ("01", "(0, 1)"), ("m1", "-1"),
                        ("1", "1"), ("none", "None")]:
            for op in ["sum", "mean", "var", "max"]:
                g.case(f"{dt}_3d_{op}_{tag}", call(op, "a", f"axis={ax}"), setup=s3)
    # dtype= (converted elements go through NumPy's 8192-element buffers) and initial=.
    s = mk("float16", (3, 20011), 500)
    g.case("f16_cast_a", "a", setup=s)
    for tag, ax in [("none", "None"), ("1", "1"), ("0", "0")]:
        g.case(f"f16_cast_sum_f32_{tag}", f"np.sum(a, axis={ax}, dtype=np.float32)", setup=s)
        g.case(f"f16_cast_sum_f64_{tag}", f"np.sum(a, axis={ax}, dtype=np.float64)", setup=s)
        g.case(f"f16_cast_mean_{tag}", f"np.mean(a, axis={ax})", setup=s)
        g.case(f"f16_cast_mean_f64_{tag}", f"np.mean(a, axis={ax}, dtype=np.float64)", setup=s)
    s = mk("int32", (3, 20011), 501)
    g.case("i32_cast_a", "a", setup=s)
    for tag, ax in [("none", "None"), ("1", "1")]:
        g.case(f"i32_cast_sum_i8_{tag}", f"np.sum(a, axis={ax}, dtype=np.int8)", setup=s)
        g.case(f"i32_cast_sum_f32_{tag}", f"np.sum(a, axis={ax}, dtype=np.float32)", setup=s)
        g.case(f"i32_cast_mean_f32_{tag}", f"np.mean(a, axis={ax}, dtype=np.float32)", setup=s)
        g.case(f"i32_cast_prod_u8_{tag}", f"np.prod(a, axis={ax}, dtype=np.uint8)", setup=s)
    s = mk("float64", (5, 7), 502)
    g.case("init_a", "a", setup=s)
    g.case("init_sum", "np.sum(a, initial=100.5)", setup=s)
    g.case("init_sum_1", "np.sum(a, axis=1, initial=-3.0)", setup=s)
    g.case("init_max_0", "np.max(a, axis=0, initial=5.0)", setup=s)
    g.case("init_min_none", "np.min(a, initial=-100.0)", setup=s)
    g.case("init_prod_1", "np.prod(a, axis=1, initial=2.0)", setup=s)
    # NaN propagates.
    nan = "a = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, -1.0], [np.inf, -np.inf, 0.5]])"
    for op in ["sum", "max", "min", "mean", "var", "all", "any"]:
        g.case(f"nan_{op}_1", f"np.{op}(a, axis=1)", setup=nan)
        g.case(f"nan_{op}_0", f"np.{op}(a, axis=0)", setup=nan)
    # Empty inputs.
    for op in ["sum", "prod", "all", "any", "mean", "var", "std", "max", "min"]:
        for tag, ax in [("none", "None"), ("0", "0"), ("1", "1")]:
            g.case(f"empty_{op}_{tag}", f"np.{op}(np.zeros((0, 3)), axis={ax})")
    g.case("empty_max_initial", "np.max(np.zeros((0, 3)), axis=0, initial=-1.0)")
    g.case("empty_sum_int8", "np.sum(np.zeros((0,), dtype=np.int8))")
    g.case("empty_mean_f16", "np.mean(np.zeros((0,), dtype=np.float16))")
    # Errors in NumPy's words.
    for op in ["sum", "prod", "max", "min", "all", "any", "mean", "var", "std"]:
        g.case(f"err_axis_{op}", f"np.{op}(np.zeros((2, 3)), axis=2)")
        g.case(f"err_axis_neg_{op}", f"np.{op}(np.zeros((2, 3)), axis=-3)")
        g.case(f"err_axis_tuple_{op}", f"np.{op}(np.zeros((2, 3)), axis=(0, 5))")
        g.case(f"err_repeated_{op}", f"np.{op}(np.zeros((2, 3)), axis=(1, -1))")
    g.case("err_max_empty", "np.max(np.zeros((0, 3)))")
    g.case("err_min_empty_axis", "np.min(np.zeros((3, 0)), axis=1)")
    g.case("err_max_where", "np.max(np.ones((2, 3)), where=np.array([True, False, True]))")
