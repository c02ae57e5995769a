"""Print options: precision, floatmode, suppress, sign, nanstr/infstr, threshold, edgeitems,
linewidth; their validation errors."""

import numpy as np  # noqa: F401

from _show import show, show_seq


def generate(g):
    data = "np.array([1.5, 2.0, 3.25, 1 / 3])"
    for mode in ["fixed", "unique", "maxprec", "maxprec_equal"]:
        show(g, f"floatmode_{mode}", data, floatmode=mode)
        show(g, f"floatmode_{mode}_p3", data, floatmode=mode, precision=3)
        show(g, f"floatmode_{mode}_exp", "np.array([1.5e10, 2.0, 1 / 3])", floatmode=mode)
        show(g, f"floatmode_{mode}_integral", "np.array([1.0, 20.0])", floatmode=mode)
        show(g, f"floatmode_{mode}_f32", "np.array([0.1, 1 / 3], dtype=np.float32)", floatmode=mode)
        show(g, f"floatmode_{mode}_complex", "np.array([1 + 1j / 3, 0.5 - 2j])", floatmode=mode)
    show(g, "precision_0", data, precision=0)
    show(g, "precision_2", "np.array([0.125, 0.375, 2.675])", precision=2)
    show(g, "precision_12", "np.array([np.pi, 1 / 7])", precision=12)
    show(g, "precision_20", "np.array([0.1, 1 / 3])", precision=20, floatmode="fixed")
    show(g, "precision_3_exp", "np.array([123456789.0, 0.5])", precision=3)
    show(g, "precision_3_rounds_to_zero", "np.array([0.0001234, 10.0])", precision=3, suppress=True)
    show(g, "precision_0d", "np.array(np.pi)", precision=2)
    show(g, "suppress_mixed", "np.array([1e-6, 4e-7, 2.0, 3.0])", suppress=True, precision=6)
    show(g, "suppress_fixed", "np.array([1e-10, 1.0])", suppress=True, floatmode="fixed")
    show(g, "sign_plus_f", "np.array([1.5, -2.0, 0.0])", sign="+")
    show(g, "sign_space_f", "np.array([1.5, 2.0, 0.0])", sign=" ")
    show(g, "sign_space_f_neg", "np.array([1.5, -2.0])", sign=" ")
    show(g, "sign_plus_i", "np.array([1, -20, 3])", sign="+")
    show(g, "sign_space_i", "np.array([1, 20, 3])", sign=" ")
    show(g, "sign_space_i_neg", "np.array([1, -20, 3])", sign=" ")
    show(g, "sign_plus_exp", "np.array([1e-10, -1e10])", sign="+")
    show(g, "sign_plus_nan", "np.array([np.nan, np.inf, 1.0])", sign="+")
    show(g, "sign_space_nan", "np.array([np.nan, 1.0])", sign=" ")
    show(g, "sign_plus_complex", "np.array([1 + 2j, -3 - 4j])", sign="+")
    show(g, "sign_plus_0d", "np.array(1.5)", sign="+")
    show(g, "sign_space_neg_zero", "np.array([-0.0, 1.0])", sign=" ")
    show(g, "nanstr_custom", "np.array([np.nan, 1.5, np.inf, -np.inf])", nanstr="NaN", infstr="Infinity")
    show(g, "nanstr_long_alone", "np.array([np.nan, np.nan])", nanstr="missing")
    show(g, "infstr_exp", "np.array([1e-20, -np.inf])", infstr="INF")
    show(g, "threshold_5", "np.arange(10)", threshold=5)
    show(g, "threshold_5_float", "np.linspace(0, 10, 10)", precision=2, suppress=True, threshold=5)
    show(g, "threshold_0_scalar", "np.array(5)", threshold=0)
    show_seq(g, "threshold_big", 1200, threshold=5000)
    show(g, "edgeitems_1", "np.arange(100).reshape(10, 10)", threshold=10, edgeitems=1)
    show_seq(g, "edgeitems_5", 2000, edgeitems=5)
    show(g, "edgeitems_0", "np.arange(20)", threshold=10, edgeitems=0)
    show(g, "edgeitems_0_2d", "np.arange(30).reshape(5, 6)", threshold=10, edgeitems=0)
    show(g, "edgeitems_large", "np.arange(12)", threshold=5, edgeitems=6)
    show(g, "linewidth_20", "np.arange(20)", linewidth=20)
    show(g, "linewidth_20_2d", "np.arange(20.0).reshape(2, 10)", linewidth=20)
    show(g, "linewidth_120", "np.arange(40)", linewidth=120)
    show(g, "linewidth_5", "np.arange(5) * 1000", linewidth=5)
    show(g, "linewidth_1", "np.arange(3)", linewidth=1)
    show(g, "linewidth_0", "np.array([10.5, 20.25])", linewidth=0)
    show(g, "linewidth_suffix", "np.arange(12, dtype=np.int8) * 10", linewidth=40)

    # explicit array2string calls
    g.case("a2s_comma", "np.array2string(np.array([1.0, 2.5, 3.0]), separator=', ')")
    g.case("a2s_prefix", "np.array2string(np.arange(30.0), prefix='values = ')")
    g.case("a2s_suffix", "np.array2string(np.arange(30), separator=',', suffix=');')")
    g.case("a2s_2d_sep", "np.array2string(np.arange(6).reshape(2, 3), separator=';  ')")
    g.case("a2s_0d", "np.array2string(np.array(2.5))")

    # validation
    g.case("err_sign", "np.set_printoptions(sign='x')")
    g.case("err_floatmode", "np.set_printoptions(floatmode='shortest')")
    g.case("defaults", "np.get_printoptions()")
