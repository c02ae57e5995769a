"""Text I/O: savetxt output, loadtxt/genfromtxt results and errors, tofile/fromfile text."""

import numpy as np

SAVE = "import io\nb = io.StringIO()\n"


def savetxt(g, name, arr, **kw):
    args = "".join(f", {k}={v!r}" for k, v in kw.items())
    g.case(name, f"np.savetxt(b, {arr}{args})\nout = b.getvalue()", setup=SAVE, result="out")


# Runs of 100 or more zeros or spaces, written as `<count*char>` (so that the output of
# huge precisions and widths stays small); the Rust test shortens its output the same way.
RUNS = "re.sub(r'([0 ])\\1{99,}', lambda m: '<%d*%s>' % (len(m.group()), m.group(1)), b.getvalue())"


def savetxt_runs(g, name, arr, **kw):
    args = "".join(f", {k}={v!r}" for k, v in kw.items())
    g.case(name, f"np.savetxt(b, {arr}{args})\nout = {RUNS}", setup=SAVE + "import re\n", result="out")


def loadtxt(g, name, text, **kw):
    args = "".join(f", {k}={v!r}" for k, v in kw.items())
    g.case(name, f"np.loadtxt(io.StringIO({text!r}){args})", setup="import io")


def genfromtxt(g, name, text, **kw):
    args = "".join(f", {k}={v!r}" for k, v in kw.items())
    g.case(name, f"np.genfromtxt(io.StringIO({text!r}){args})", setup="import io")


def generate(g):
    m = "np.array([[1.0, -2.5, 1e-20], [np.pi, 1e300, -0.0]])"
    savetxt(g, "save_default", m)
    savetxt(g, "save_f3_csv", m, fmt="%.3f", delimiter=",")
    savetxt(g, "save_g", m, fmt="%g")
    savetxt(g, "save_percol", m, fmt=["%d", "%10.4f", "%-12.3e"], delimiter="|")
    savetxt(g, "save_row_fmt", m, fmt="%.1f;%.2f;%s")
    savetxt(g, "save_s", "np.array([[0.1, 1e16], [np.nan, -np.inf]])", fmt="%s")
    savetxt(g, "save_s_f32", "np.array([0.1, 2.5, 1e-5], dtype='float32')", fmt="%s")
    savetxt(g, "save_int", "np.arange(6, dtype='int64').reshape(3, 2) - 2", fmt="%d")
    savetxt(g, "save_int_default", "np.array([[1, 2], [3, 4]], dtype='uint8')")
    savetxt(g, "save_bool", "np.array([True, False])", fmt="%d")
    savetxt(g, "save_1d", "np.array([1.5, 2.5])", fmt="%.2f")
    savetxt(g, "save_header", "np.eye(2)", fmt="%.0f", header="a b\nsecond", footer="end", comments="## ")
    savetxt(g, "save_newline", "np.eye(2)", fmt="%.1f", newline="\r\n", delimiter="\t")
    savetxt(g, "save_complex", "np.array([[1+2j, -1.5-0.5j], [0j, 3-1j]])", fmt="%.2f")
    savetxt(g, "save_complex_default", "np.array([1+2j, 3-4j])")
    savetxt(g, "save_x", "np.array([[255, 16]])", fmt="%#x")
    savetxt(g, "err_save_0d", "np.array(1.0)")
    savetxt(g, "err_save_3d", "np.zeros((1, 1, 1))")
    savetxt(g, "err_save_nfmt", m, fmt="%d %d")
    savetxt(g, "err_save_shape", m, fmt=["%d", "%d"])
    savetxt(g, "err_save_mismatch", "np.array([[1.5, 2.5]])", fmt="%d %d %d")
    savetxt(g, "err_save_type", "np.array([[1.5, 2.5]])", fmt="%x")
    savetxt(g, "err_save_nan_int", "np.array([np.nan])", fmt="%d")
    savetxt(g, "err_save_inf_int", "np.array([-np.inf])", fmt="%d")
    # Precisions and widths past Rust's formatter's limit of 65535.
    big = "np.array([[0.1, 5e-324, 1e300, 2 / 3], [5e-324, 0.1, 2 / 3, 1e22]])"
    savetxt_runs(g, "save_huge_precision", big, fmt="%.70000f %.70000e %#.70000g %.70000g")
    savetxt_runs(g, "save_huge_width", "np.array([[1.5, -2.0]])", fmt=["%70000.3f", "%-66000.1e"])
    savetxt_runs(g, "save_huge_int_precision", "np.array([[7, -3]])", fmt="%.70000d %0100000d")
    savetxt(g, "err_save_precision_too_big", "np.array([1.5])", fmt="%.2147483648f")
    savetxt(g, "err_save_width_too_big", "np.array([1.5])", fmt="%99999999999999999999f")

    loadtxt(g, "load_basic", "1 2 3\n4 5 6\n")
    loadtxt(g, "load_comments", "# head\n1, 2 # tail\n\n3, 4\n", delimiter=",")
    loadtxt(g, "load_skip_use_max", "a b c\n1 2 3\n4 5 6\n7 8 9\n", skiprows=1, usecols=[2, 0], max_rows=2)
    loadtxt(g, "load_neg_usecols", "1 2 3\n4 5 6\n", usecols=[-1])
    loadtxt(g, "load_unpack", "1,2,3\n4,5,6\n", delimiter=",", unpack=True)
    loadtxt(g, "load_one_row", "1 2 3\n")
    loadtxt(g, "load_one_value", "7\n")
    loadtxt(g, "load_ndmin2", "1\n2\n", ndmin=2)
    loadtxt(g, "load_ndmin1", "5\n", ndmin=1)
    loadtxt(g, "load_empty", "# nothing\n")
    loadtxt(g, "load_special", "inf -inf nan 1e400 -1e-400 +2.5\n")
    loadtxt(g, "load_int", "1 -2\n3 4\n", dtype='int32')
    loadtxt(g, "load_uint8", "0 255\n", dtype='uint8')
    loadtxt(g, "load_bool", "1 0 2\n", dtype='bool')
    loadtxt(g, "load_f32", "0.1 1e-50 3.4e39\n", dtype='float32')
    loadtxt(g, "load_complex", "1+2j (3-4j) 2.5 -1j\n", dtype='complex128')
    loadtxt(g, "load_multi_comment", "1 2 // x\n% skip\n3 4\n", comments=["//", "%"])
    loadtxt(g, "err_load_convert", "1 2 3\n4 x 6\n")
    loadtxt(g, "err_load_columns", "# c\n1 2 3\n4 5\n")
    loadtxt(g, "err_load_int", "1.0 2\n", dtype='int64')
    loadtxt(g, "err_load_range", "-1\n", dtype='uint16')
    loadtxt(g, "err_load_usecols", "1 2\n3 4\n", usecols=[5])
    loadtxt(g, "err_load_empty_field", "1,,2\n", delimiter=",")
    loadtxt(g, "err_load_ndmin", "1 2\n", ndmin=3)

    genfromtxt(g, "gen_missing", "1,2,3\n4,,6\n7,abc,9\n", delimiter=",")
    genfromtxt(g, "gen_fill", "1,N/A,3\n,5,6\n", delimiter=",", missing_values="N/A", filling_values=-1)
    genfromtxt(g, "gen_skip", "header\n1 2\n3 4\n5 6\nfooter\n", skip_header=1, skip_footer=1)
    genfromtxt(g, "gen_usecols", "1 2 3\n4 5 6\n", usecols=[0, -1])
    genfromtxt(g, "gen_comments", "# c\n1 2 # x\n\n3 4\n")
    genfromtxt(g, "gen_max_rows", "1 2\n3 4\n5 6\n", max_rows=2)
    genfromtxt(g, "gen_unpack", "1 2\n3 4\n5 6\n", unpack=True)
    genfromtxt(g, "err_gen_columns", "1,2,3\n4,5\n7,8,9\n1\n", delimiter=",")

    tofile = ("import tempfile, os\nd = tempfile.mkdtemp()\np = os.path.join(d, 't')\n")
    g.case("tofile_text", "np.array([[1.5, 2], [3, 1e-7]]).tofile(p, sep=', ')\nout = open(p).read()",
           setup=tofile, result="out")
    g.case("tofile_fmt", "np.arange(4).tofile(p, sep='\\n', format='%03d')\nout = open(p).read()",
           setup=tofile, result="out")
    g.case("tofile_f32", "np.array([0.1, 1e16, 3], dtype='float32').tofile(p, sep=' ')\nout = open(p).read()",
           setup=tofile, result="out")
    g.case("tofile_bytes_f_order", "np.asfortranarray(np.arange(6, dtype='<i2').reshape(2, 3)).tofile(p)\n"
           "out = open(p, 'rb').read()", setup=tofile, result="out")
    for name, text, sep, kw in [
        ("fromfile_comma", "1, 2,3 ,4\n", ",", ""),
        ("fromfile_space", "1 2\n3  4\n", " ", ""),
        ("fromfile_count", "1,2,3", ",", ", count=2"),
        ("fromfile_empty", "", ",", ""),
        ("err_fromfile_trailing", "1,2,3,\n", ",", ""),
        ("err_fromfile_bad", "1 2\n3 x 4", " ", ""),
    ]:
        g.case(name, f"open(p, 'w').write({text!r})\nout = np.fromfile(p, sep={sep!r}{kw})", setup=tofile, result="out")
    bin_file = tofile + "np.arange(5.0).tofile(p)\n"
    g.case("fromfile_bin", "np.fromfile(p)", setup=bin_file)
    g.case("fromfile_bin_count_offset", "np.fromfile(p, count=2, offset=16)", setup=bin_file)
    g.case("fromfile_bin_count_over", "np.fromfile(p, count=10)", setup=bin_file)
    g.case("fromfile_bin_i4", "np.fromfile(p, dtype='<i4', offset=8)", setup=bin_file)
