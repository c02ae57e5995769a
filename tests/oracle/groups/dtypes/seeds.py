"""The dtype examples of the seed material, as NumPy answers them."""

import numpy as np


def generate(g):
    # "numpy_array = np.array([1, 2, 3, 4]); print(numpy_array.dtype)  # int64"
    g.case("default_int_dtype", "str(np.array([1, 2, 3, 4]).dtype)")
    # "arr = np.array([1, 2, 3], dtype=np.float32); arr.dtype, arr.shape, arr.ndim, arr.strides"
    g.case("float32_attrs", "a = np.array([1, 2, 3], dtype=np.float32)\nr = (str(a.dtype), a.shape, a.ndim, a.strides)", result="r")
    # Q2: one array per dtype with its itemsize.
    for name, vals in [("int8", "[1, 2, 3]"), ("int16", "[1, 2, 3]"), ("int32", "[1, 2, 3]"), ("int64", "[1, 2, 3]"),
                       ("float16", "[1.0]"), ("float32", "[1.0]"), ("float64", "[1.0]"), ("bool_", "[True, False, True]")]:
        g.case(f"q2_{name}", f"np.array({vals}, dtype=np.{name})")
        g.case(f"q2_{name}_itemsize", f"np.array({vals}, dtype=np.{name}).itemsize")
    g.case("q2_iinfo_int8", "str(np.iinfo(np.int8))")
    g.case("q2_finfo_float32", "str(np.finfo(np.float32))")
    g.case("q2_astype_float32", "np.array([1, 2, 3], dtype=np.int32).astype(np.float32)")
    g.case("q2_float16_65504", "str(np.float16(65504))")
    g.case("q2_float16_65600", "str(np.float16(65600))")
    g.case("zeros_float32", "np.zeros((3, 4), dtype=np.float32)")
    g.case("arange_int32", "a = np.arange(12, dtype=np.int32)\nr = (str(a.dtype), a.itemsize, a.nbytes)", result="r")
    g.case("nbytes_100_float64", "np.zeros(100).nbytes")
    g.case("matrix_float32", "np.array([[1, 2], [3, 4]], dtype=np.float32)")
    # "Why can uint8 arithmetic produce surprising answers like wraparound values?"
    g.case("uint8_wraparound", "np.array([250, 100], dtype=np.uint8) + np.array([10, 200], dtype=np.uint8)")
    g.case("uint8_wraparound_sub", "np.array([3], dtype=np.uint8) - np.array([5], dtype=np.uint8)")
    # "What risk comes with fixed-width string dtypes like U5?"
    g.case("u5_truncation", "np.array(['Alexander', 'Bo'], dtype='U5')")
    # "Structured arrays ... name, age, score vector, and boolean flag in one array structure."
    g.case("structured_tolist",
           "a = np.array([('Ana', 31, [1.0, 2.0, 3.0], True), ('Ben', 25, [4.5, 5.5, 6.5], False)], "
           "dtype=[('name', 'U10'), ('age', 'i4'), ('scores', 'f8', (3,)), ('flag', '?')])\nr = (a.dtype.names, a['age'], a['scores'].mean(axis=1), str(a))",
           result="r")
    # "Type promotion": the result dtype of mixing dtypes.
    g.case("promotion_int_float", "(np.array([1, 2], np.int32) + np.array([0.5, 0.5], np.float32)).dtype.str")
    g.case("promotion_int8_int16", "(np.array([1], np.int8) + np.array([1], np.int16)).dtype.str")
    g.case("promotion_uint64_int64", "(np.array([1], np.uint64) + np.array([1], np.int64)).dtype.str")
    g.case("promotion_bool_bool", "(np.array([True]) + np.array([True])).dtype.str")
    g.case("promotion_float32_weak", "(np.array([1.0], np.float32) + 2.5).dtype.str")
    # "NaN is a floating-point concept and integer dtypes do not provide a representation for it."
    g.case("nan_to_int", "np.array([np.nan]).astype(np.int64)")
    g.case("nan_in_int_array", "a = np.zeros(2, np.int64)\na[0] = np.nan", result="a")
