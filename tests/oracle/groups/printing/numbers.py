"""repr/str of arrays of every numeric dtype: element formats, float digits and notation."""

import numpy as np  # noqa: F401

from _show import show


def generate(g):
    # bool
    show(g, "bool_1d", "np.array([True, False, True])")
    show(g, "bool_all_false", "np.array([False, False])")
    show(g, "bool_2d", "np.array([[True, False], [False, True]])")
    show(g, "bool_0d_true", "np.array(True)")
    show(g, "bool_0d_false", "np.array(False)")

    # integers of every width
    for dt in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
        show(g, f"{dt}_small", f"np.array([1, 2, 3], dtype=np.{dt})")
        show(g, f"{dt}_extremes", f"np.array([np.iinfo(np.{dt}).min, 0, np.iinfo(np.{dt}).max], dtype=np.{dt})")
        show(g, f"{dt}_0d", f"np.array(np.iinfo(np.{dt}).max, dtype=np.{dt})")
    show(g, "int_negative_align", "np.array([-5, 10, -100, 7])")
    show(g, "int_2d_align", "np.array([[1, -20], [300, 4]])")
    show(g, "int_0d_neg", "np.array(-42)")

    # float64 positional
    show(g, "f64_basic", "np.array([1.5, 2.0, 3.25])")
    show(g, "f64_integral", "np.array([1.0, 2.0, 3.0])")
    show(g, "f64_point3", "np.array([0.1 + 0.2, 1.0])")
    show(g, "f64_third", "np.array([1 / 3, 2 / 3, 1.0])")
    show(g, "f64_pi_e", "np.array([np.pi, np.e, -np.sqrt(2)])")
    show(g, "f64_negative", "np.array([-1.5, 2.25, -3.0])")
    show(g, "f64_neg_zero", "np.array([-0.0, 0.0, 1.0])")
    show(g, "f64_only_neg_zero", "np.array([-0.0])")
    show(g, "f64_zeros", "np.zeros(4)")
    show(g, "f64_random", "np.random.default_rng(0).standard_normal(10)")
    show(g, "f64_random_2d", "np.random.default_rng(1).standard_normal((4, 3)) * 100")
    show(g, "f64_near_limits", "np.array([9.99999999e7, 0.00010001, 12345.678])")
    show(g, "f64_round_up", "np.array([0.999999999, 9.9999999999, 1.5])")
    show(g, "f64_tiny_round", "np.array([1e-9, 1.0])", suppress=True)

    # float64 scientific switches
    show(g, "f64_1e7", "np.array([1e7, 1.0])")
    show(g, "f64_1e8", "np.array([1e8, 1.0])")
    show(g, "f64_big_digits", "np.array([123456789.0])")
    show(g, "f64_small_1e-4", "np.array([1e-4, 0.5])")
    show(g, "f64_small_below", "np.array([9.9e-5, 0.5])")
    show(g, "f64_ratio_1000", "np.array([1.0, 1000.0])")
    show(g, "f64_ratio_1001", "np.array([1.0, 1001.0])")
    show(g, "f64_exp_mixed", "np.array([1.5e10, 1.0, -2.25e-3])")
    show(g, "f64_exp_3digit", "np.array([1e100, 1e-100, 1.0])")
    show(g, "f64_extremes", "np.array([np.finfo(np.float64).max, np.finfo(np.float64).tiny, 5e-324])")
    show(g, "f64_exp_integral", "np.array([1e10, 2e10, 3e-10])")
    show(g, "f64_exp_negative", "np.array([-1e-5, 2.5e-7])")
    show(g, "f64_suppress_small", "np.array([1e-5, 0.5, 3.0])", suppress=True)
    show(g, "f64_suppress_big", "np.array([1e9, 0.5])", suppress=True)
    show(g, "f64_suppress_tiny", "np.array([1e-12, 1.0, 2.5])", suppress=True)

    # non-finite values
    show(g, "f64_nan", "np.array([np.nan])")
    show(g, "f64_inf", "np.array([np.inf])")
    show(g, "f64_neg_inf", "np.array([-np.inf])")
    show(g, "f64_nan_inf", "np.array([np.nan, np.inf])")
    show(g, "f64_nan_neginf", "np.array([np.nan, -np.inf])")
    show(g, "f64_nan_mixed", "np.array([1.5, np.nan, -2.0])")
    show(g, "f64_inf_mixed", "np.array([1.0, np.inf, -np.inf, 12.75])")
    show(g, "f64_nan_exp", "np.array([1e-10, np.nan, np.inf])")
    show(g, "f64_nan_2d", "np.array([[np.nan, 1.0], [2.5, -np.inf]])")

    # float32 and float16: their own shortest digits and thresholds
    show(g, "f32_basic", "np.array([0.1, 0.2, 0.3], dtype=np.float32)")
    show(g, "f32_third", "np.array([1 / 3, 2.0], dtype=np.float32)")
    show(g, "f32_1e6", "np.array([1e6, 1.0], dtype=np.float32)")
    show(g, "f32_999999", "np.array([999999.0, 1.0], dtype=np.float32)")
    show(g, "f32_1e-4", "np.array([1e-4], dtype=np.float32)")
    show(g, "f32_1e-4_one", "np.array([1e-4, 1.0], dtype=np.float32)")
    show(g, "f32_pi", "np.array([np.pi, -np.e], dtype=np.float32)")
    show(g, "f32_2_24", "np.array([16777216.0, 0.5], dtype=np.float32)")
    show(g, "f32_random", "np.random.default_rng(2).standard_normal(8).astype(np.float32)")
    show(g, "f32_extremes", "np.array([np.finfo(np.float32).max, np.finfo(np.float32).tiny], dtype=np.float32)")
    show(g, "f32_nan", "np.array([np.nan, 1.25], dtype=np.float32)")
    show(g, "f16_basic", "np.array([0.1, 0.2, 0.3], dtype=np.float16)")
    show(g, "f16_pi", "np.array([np.pi, np.e], dtype=np.float16)")
    show(g, "f16_1000", "np.array([1000.0, 1.0], dtype=np.float16)")
    show(g, "f16_999", "np.array([999.0, 1.5], dtype=np.float16)")
    show(g, "f16_max", "np.array([65504.0], dtype=np.float16)")
    show(g, "f16_subnormal", "np.array([6e-8, 1e-5], dtype=np.float16)")
    show(g, "f16_random", "np.random.default_rng(3).standard_normal(8).astype(np.float16)")
    show(g, "f16_inf", "np.array([np.inf, -1.0, np.nan], dtype=np.float16)")
    show(g, "f16_thirds", "(np.arange(6, dtype=np.float16) / 3).astype(np.float16)")

    # 0-d floats: repr formats like an array, str like a scalar
    for name, expr in [
        ("f64_0d_half", "np.array(1.5)"),
        ("f64_0d_point3", "np.array(0.1 + 0.2)"),
        ("f64_0d_int", "np.array(2.0)"),
        ("f64_0d_1e20", "np.array(1e20)"),
        ("f64_0d_1e16", "np.array(1e16)"),
        ("f64_0d_below16", "np.array(9999999999999998.0)"),
        ("f64_0d_1e-5", "np.array(1e-5)"),
        ("f64_0d_1e-4", "np.array(1e-4)"),
        ("f64_0d_negzero", "np.array(-0.0)"),
        ("f64_0d_nan", "np.array(np.nan)"),
        ("f64_0d_neginf", "np.array(-np.inf)"),
        ("f64_0d_pi", "np.array(np.pi)"),
        ("f32_0d_third", "np.array(1 / 3, dtype=np.float32)"),
        ("f32_0d_1e6", "np.array(1e6, dtype=np.float32)"),
        ("f32_0d_big", "np.array(123456.7, dtype=np.float32)"),
        ("f32_0d_1e-4", "np.array(1e-4, dtype=np.float32)"),
        ("f16_0d_point1", "np.array(0.1, dtype=np.float16)"),
        ("f16_0d_1000", "np.array(1000, dtype=np.float16)"),
        ("f16_0d_999", "np.array(999, dtype=np.float16)"),
        ("f16_0d_tiny", "np.array(6e-8, dtype=np.float16)"),
    ]:
        show(g, name, expr)

    # complex
    show(g, "c128_basic", "np.array([1 + 2j])")
    show(g, "c128_two", "np.array([1 + 2j, 3.5 - 1j])")
    show(g, "c128_zero", "np.zeros(3, dtype=complex)")
    show(g, "c128_imag", "np.array([1j, -2.5j])")
    show(g, "c128_mixed_exp", "np.array([1e10 + 1j, 1 - 1e-10j])")
    show(g, "c128_nan", "np.array([np.nan + 1j, 1 + np.nan * 1j, complex(np.inf, -np.inf)])")
    show(g, "c128_2d", "np.array([[1 + 1j, -2.25 + 0.5j], [0.1 + 0.2j, 3 - 4j]])")
    show(g, "c128_random", "(lambda r: r.standard_normal(5) + 1j * r.standard_normal(5))(np.random.default_rng(4))")
    show(g, "c64_basic", "np.array([0.1 + 0.2j, 1 - 1j], dtype=np.complex64)")
    show(g, "c64_1e6", "np.array([1e6 + 1j], dtype=np.complex64)")
    for name, expr in [
        ("c128_0d", "np.array(1 + 2j)"),
        ("c128_0d_imag", "np.array(1j)"),
        ("c128_0d_zero", "np.array(0j)"),
        ("c128_0d_negzero_real", "np.array(complex(-0.0, 1.0))"),
        ("c128_0d_neg", "np.array(-1.5 - 2.5j)"),
        ("c128_0d_nan", "np.array(complex(np.nan, np.nan))"),
        ("c128_0d_inf", "np.array(complex(-np.inf, np.inf))"),
        ("c128_0d_big", "np.array(1e20 + 1e-20j)"),
        ("c128_0d_third", "np.array(1 / 3 + 2j / 3)"),
        ("c64_0d", "np.array(0.1 + 0.2j, dtype=np.complex64)"),
        ("c64_0d_imag_nan", "np.array(complex(0.0, np.nan), dtype=np.complex64)"),
    ]:
        show(g, name, expr)
