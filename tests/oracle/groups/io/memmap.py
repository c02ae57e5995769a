"""numpy.memmap: views of raw files with offset, shape and order, and its errors."""

import numpy as np

# A 6-element float64 file in a fresh temporary folder.
FILE = ("import tempfile, os\nd = tempfile.mkdtemp()\np = os.path.join(d, 'm.bin')\n"
        "np.arange(6.0).tofile(p)\n")


def generate(g):
    g.case("whole_file", "np.array(np.memmap(p, dtype='<f8', mode='r'))", setup=FILE)
    g.case("offset_shape_f", "np.array(np.memmap(p, dtype='<f8', mode='r', offset=8, shape=(2, 2), order='F'))",
           setup=FILE)
    g.case("int32_view", "np.array(np.memmap(p, dtype='<i4', mode='c', offset=16, shape=(3,)))", setup=FILE)
    g.case("write_then_read", "m = np.memmap(p, dtype='<f8', mode='r+', shape=(2, 3))\nm[1, :] = -1.0\nm.flush()\n"
           "del m\nout = np.fromfile(p, dtype='<f8')", setup=FILE, result="out")
    g.case("copy_on_write", "m = np.memmap(p, dtype='<f8', mode='c')\nm[:] = 7.0\ndel m\nout = np.fromfile(p, dtype='<f8')",
           setup=FILE, result="out")
    g.case("w_plus_grows", "m = np.memmap(p, dtype='<i2', mode='w+', shape=(4,))\nm[2] = 5\nm.flush()\ndel m\n"
           "out = np.fromfile(p, dtype='<i2')", setup=FILE, result="out")
    g.case("r_plus_extends", "m = np.memmap(p, dtype='<f8', mode='r+', shape=(8,))\ndel m\nout = np.fromfile(p, dtype='<f8')",
           setup=FILE, result="out")
    g.case("err_mode", "np.memmap(p, mode='x')", setup=FILE)
    g.case("err_w_no_shape", "np.memmap(p, mode='w+')", setup=FILE)
    g.case("err_not_multiple", "np.memmap(p, dtype='<f8', mode='r', offset=3)", setup=FILE)
    g.case("err_too_long", "np.memmap(p, dtype='<f8', mode='r', shape=(7,))", setup=FILE)
