"""Array creation: filled shapes, identity and triangular matrices, numerical ranges, grids.

Rust scalars passed to the range functions behave like Python scalars with ``dtype=`` set
to the output type, so ``arange::<f32>(0.1, 1.0, 0.1)`` is checked against
``np.arange(float(np.float32(0.1)), ..., dtype=np.float32)``.
"""

import numpy as np

F32 = "float(np.float32({}))"

# NumPy's float64/float32 `power` and `log10` loops dispatch to SIMD (SVML) implementations
# on CPUs with AVX-512, whose results can differ in the last bit from the C library's
# `pow`/`log10` that nprs calls (and that NumPy itself uses on other CPUs): 10**-5 comes out
# as 9.999999999999999e-06 there. Real results that go through them allow 2 units in the
# last place. Complex power and logarithm are not vectorised in NumPy (the C library's
# cpow/clog), and nprs reproduces them bit for bit on these cases, so those stay exact.
POW_ULP = 2


def fills(g):
    g.case("zeros_f32_3x4", "np.zeros((3, 4), dtype=np.float32)")
    g.case("ones_2x3", "np.ones((2, 3))")
    g.case("full_2x3_7", "np.full((2, 3), fill_value=7.0)")
    g.case("full_i16", "np.full((2, 2), 7, dtype=np.int16)")
    g.case("full_complex", "np.full((2,), 1 - 2j)")
    g.case("zeros_0x3", "np.zeros((0, 3))")
    g.case("zeros_0d", "np.zeros(())")
    g.case("ones_bool", "np.ones(3, dtype=bool)")
    g.case("ones_window", "np.ones(5) / 5")
    g.case("zeros_strides_f", "np.zeros((3, 4), order='F').strides")
    g.case("ones_strides_f", "np.ones((2, 3, 4), dtype=np.int32, order='F').strides")
    g.case("empty_strides_f", "np.empty((2, 5), dtype=np.int16, order='F').strides")
    g.case("full_strides_f", "np.full((2, 3), 1.5, order='F').strides")
    g.case("ones_order_flags",
           "(np.ones((1000, 1000), order='C').flags['C_CONTIGUOUS'], "
           "np.ones((1000, 1000), order='F').flags['F_CONTIGUOUS'], "
           "np.ones((1000, 1000), order='F').flags['C_CONTIGUOUS'])")
    g.case("zeros_too_big", "np.zeros((2**40, 2**40))")
    g.case("zeros_too_big_3d", "np.zeros((2**62, 0, 2**62))")
    g.case("zeros_memory_error", "np.zeros((2**40,))")
    g.case("zeros_like_int", "np.zeros_like(np.arange(12).reshape(3, 4))")
    g.case("ones_like_f32", "np.ones_like(np.arange(6, dtype=np.float32).reshape(2, 3))")
    g.case("full_like_c", "np.full_like(np.zeros((2, 2), dtype=complex), 3 + 1j)")
    g.case("zeros_like_strides_f", "np.zeros_like(np.ones((3, 4), order='F')).strides")


def matrices(g):
    g.case("eye_4", "np.eye(4)")
    g.case("eye_3x5_k1", "np.eye(3, 5, k=1)")
    g.case("eye_5x3_km2_int", "np.eye(5, 3, k=-2, dtype=int)")
    g.case("eye_k_past_end", "np.eye(3, k=5)")
    g.case("eye_k_before_start", "np.eye(3, k=-5)")
    g.case("eye_f_strides", "np.eye(3, 4, order='F').strides")
    g.case("eye_f_values", "np.eye(3, 4, k=-1, order='F')")
    g.case("eye_complex", "np.eye(2, dtype=complex)")
    g.case("eye_bool", "np.eye(3, dtype=bool)")
    g.case("eye_0", "np.eye(0)")
    g.case("eye_0x3", "np.eye(0, 3)")
    g.case("eye_trace", "np.einsum('ii->', np.eye(4))")
    g.case("identity_3_i8", "np.identity(3, dtype=np.int8)")
    g.case("identity_0", "np.identity(0)")

    g.case("diag_from_1d", "np.diag([1, 2, 3])")
    g.case("diag_from_1d_k1", "np.diag([1, 2, 3], k=1)")
    g.case("diag_from_1d_km2", "np.diag(np.array([1.5, 2.5]), k=-2)")
    g.case("diag_from_empty", "np.diag(np.array([], dtype=float))")
    g.case("diag_from_empty_k2", "np.diag(np.array([], dtype=np.int32), k=2)")
    g.case("diag_of_2d", "np.diag(np.arange(12).reshape(3, 4))")
    g.case("diag_of_2d_k1", "np.diag(np.arange(12).reshape(3, 4), k=1)")
    g.case("diag_of_2d_km1", "np.diag(np.arange(12).reshape(3, 4), k=-1)")
    g.case("diag_of_2d_k5", "np.diag(np.arange(12).reshape(3, 4), k=5)")
    g.case("diag_of_2d_km3", "np.diag(np.arange(12).reshape(3, 4), k=-3)")
    g.case("diag_of_transposed", "np.diag(np.arange(12).reshape(3, 4).T, k=1)")
    g.case("diag_3d_error", "np.diag(np.zeros((2, 2, 2)))")
    g.case("diag_0d_error", "np.diag(np.array(5.0))")
    g.case("diag_svd_rebuild",
           "U @ np.diag(S) @ Vt",
           setup="U = np.array([[0.0, 1.0], [1.0, 0.0]]); S = np.array([3.0, 0.5]); "
                 "Vt = np.array([[0.6, 0.8], [-0.8, 0.6]])")
    g.case("diagflat_2d", "np.diagflat([[1, 2], [3, 4]])")
    g.case("diagflat_k1", "np.diagflat([1.0, 2.0], k=1)")
    g.case("diagflat_km1", "np.diagflat(np.array([1, 2, 3], dtype=np.uint8), -1)")
    g.case("diagflat_0d", "np.diagflat(np.array(7))")
    g.case("diagflat_empty", "np.diagflat(np.array([], dtype=float), 1)")

    g.case("tri_3", "np.tri(3)")
    g.case("tri_3x5_k2_int", "np.tri(3, 5, 2, dtype=int)")
    g.case("tri_4x3_km1", "np.tri(4, 3, -1)")
    g.case("tri_km9", "np.tri(3, 4, -9)")
    g.case("tri_0", "np.tri(0)")
    g.case("tri_bool", "np.tri(3, 2, dtype=bool)")
    g.case("tril_4x3_km1", "np.tril(np.arange(1, 13).reshape(4, 3), -1)")
    g.case("tril_4x3", "np.tril(np.arange(1, 13).reshape(4, 3))")
    g.case("tril_3x4_k2", "np.tril(np.arange(1.0, 13.0).reshape(3, 4), 2)")
    g.case("triu_4x3_k1", "np.triu(np.arange(1, 13).reshape(4, 3), 1)")
    g.case("triu_4x3_km1", "np.triu(np.arange(1, 13).reshape(4, 3), -1)")
    g.case("triu_3x4", "np.triu(np.arange(1.0, 13.0).reshape(3, 4))")
    g.case("tril_3d", "np.tril(np.arange(24).reshape(2, 3, 4))")
    g.case("triu_3d_k1", "np.triu(np.arange(24, dtype=np.int16).reshape(2, 3, 4), 1)")
    g.case("tril_1d", "np.tril(np.array([1, 2, 3]))")
    g.case("triu_1d_k1", "np.triu(np.array([1.0, 2.0, 3.0]), 1)")
    g.case("tril_complex", "np.tril(np.array([[1 + 1j, 2j], [3, 4 - 1j]]))")
    g.case("tril_f_input", "np.tril(np.asfortranarray(np.arange(12.0).reshape(3, 4)), 1)")
    g.case("tril_empty", "np.tril(np.zeros((0, 3)))")
    g.case("tril_0d_error", "np.tril(np.array(5))")
    g.case("triu_0d_error", "np.triu(np.array(5))")


def aranges(g):
    # Seeds.
    g.case("arange_12", "np.arange(12)")
    g.case("arange_0_10_2", "np.arange(0, 10, 2)")
    g.case("arange_12_i32", "np.arange(12, dtype=np.int32)")
    g.case("arange_1_6_float", "np.arange(1, 6, dtype=float)")
    # Integers.
    g.case("arange_10_0_m3", "np.arange(10, 0, -3)")
    g.case("arange_empty_backwards", "np.arange(5, 1)")
    g.case("arange_empty_wrong_sign", "np.arange(0, 10, -1)")
    g.case("arange_u8_down", "np.arange(10, 0, -3, dtype=np.uint8)")
    g.case("arange_i8_wraps_in_fill", "np.arange(0, 300, 100, dtype=np.int8)")
    g.case("arange_i8_next_out_of_bounds", "np.arange(0, 300, 299, dtype=np.int8)")
    g.case("arange_u8_negative_start", "np.arange(-3, 3, 1, dtype=np.uint8)")
    g.case("arange_u64_top", "np.arange(2**64 - 5, 2**64 - 1, 2, dtype=np.uint64)")
    g.case("arange_i64_near_max", "np.arange(2**63 - 6, 2**63 - 1, 2)")
    g.case("arange_i64_huge_length_is_empty", "np.arange(0, 2**63 - 100)")
    g.case("arange_i64_from_min", "np.arange(-2**63, -2**63 + 3)")
    g.case("arange_i64_too_big", "np.arange(0, 2**62)")
    g.case("arange_i64_too_large_for_long", "np.arange(2**63, 2**63 + 5, dtype=np.int64)")
    g.case("arange_i32_from_i64_oob", "np.arange(2**40, 2**40 + 3, dtype=np.int32)")
    g.case("arange_zero_step_int", "np.arange(0, 10, 0)")
    g.case("arange_zero_step_float", "np.arange(0.0, 1.0, 0.0)")
    g.case("arange_zero_step_complex", "np.arange(0j, 10j, 0j)")
    g.case("arange_big_step", "np.arange(0, 10, 2**62)")
    g.case("arange_int_exact_division",
           "np.arange(0, 2**60 + 1, 2**57 + 3, dtype=np.int64)")
    g.case("arange_int_rounded_division", "np.arange(0, 2**62 + 1, 2**53 + 1, dtype=np.int64).size")
    # Floats.
    g.case("arange_0_1_01", "np.arange(0, 1, 0.1)")
    g.case("arange_float_down", "np.arange(1.0, -1.0, -0.3)")
    g.case("arange_float_long", "np.arange(-7.5, 123.25, 0.37)")
    g.case("arange_float_inf", "np.arange(0.0, np.inf)")
    g.case("arange_float_nan", "np.arange(0.0, np.nan)")
    g.case("arange_float_nan_start", "np.arange(np.nan, 1.0, 1.0)")
    g.case("arange_float_tiny_over_huge", "np.arange(0.0, 1e-320, 1e300)")
    g.case("arange_float_inf_step", "np.arange(0.0, 1.0, np.inf)")
    g.case("arange_float_inf_step_back", "np.arange(0.0, -1.0, np.inf)")
    g.case("arange_float_length_overflow", "np.arange(5.0, 0.0, 1e-320)")
    g.case("arange_float_length_overflow_pos", "np.arange(0.0, 1e300, 1e-300)")
    g.case("arange_f32_dtype", "np.arange(0, 1, 0.1, dtype=np.float32)")
    g.case("arange_f32_typed",
           f"np.arange({F32.format(0.1)}, {F32.format(1.0)}, {F32.format(0.1)}, dtype=np.float32)")
    g.case("arange_f32_long", "np.arange(0.0, 30.0, 0.1, dtype=np.float32)")
    g.case("arange_f32_overflow", "np.arange(1e300, 1e301, 1e300, dtype=np.float32)")
    g.case("arange_f16_dtype", "np.arange(0, 1, 0.1, dtype=np.float16)")
    g.case("arange_f16_fill_in_float", "np.arange(0.1, 300.0, 7.3, dtype=np.float16)")
    g.case("arange_f16_int_rounding", "np.arange(2049, 2100, 1, dtype=np.float16)")
    g.case("arange_float_to_int", "np.arange(0.0, 5.0, 0.5, dtype=int)")
    g.case("arange_float_to_int_half", "np.arange(0.5, 3.0, dtype=int)")
    g.case("arange_float_to_u8_trunc", "np.arange(-0.5, 3.0, 1.0, dtype=np.uint8)")
    g.case("arange_float_to_u8_negative", "np.arange(-1.5, 3.0, 1.0, dtype=np.uint8)")
    g.case("arange_float_to_i64_too_large", "np.arange(1e20, 1e20 + 1e5, 2e4, dtype=np.int64)")
    g.case("arange_float_to_u64", "np.arange(9.3e18, 9.3e18 + 1e5, 2e4, dtype=np.uint64)")
    g.case("arange_float_to_i32_oob", "np.arange(1e10, 1e10 + 1e5, 2e4, dtype=np.int32)")
    # Complex.
    g.case("arange_float_to_complex", "np.arange(0, 1, 0.25, dtype=complex)")
    g.case("arange_int_to_c64", "np.arange(1, 10, 3, dtype=np.complex64)")
    g.case("arange_complex_real_only", "np.arange(0j, 10 + 0j, 1 + 0j)")
    g.case("arange_complex_diag", "np.arange(1 + 1j, 10 + 5j, 1 + 1j)")
    g.case("arange_complex_both", "np.arange(0j, 10 + 10j, 1 + 0.5j)")
    g.case("arange_complex_c64", "np.arange(0.5j, 10 + 10j, 1 + 0.5j, dtype=np.complex64)")
    g.case("arange_complex_nan", "np.arange(0j, complex(np.nan, 1), 1 + 1j)")
    g.case("arange_complex_to_float", "np.arange(5 + 0j, 10 + 0j, 1 + 0j, dtype=float)")
    g.case("arange_complex_to_int", "np.arange(5 + 1j, 10 + 0j, 1 + 0j, dtype=int)")
    # Booleans.
    g.case("arange_bool_2", "np.arange(2, dtype=bool)")
    g.case("arange_bool_3", "np.arange(3, dtype=bool)")
    g.case("arange_bool_typed", "np.arange(False, True, True, dtype=bool)")
    g.case("arange_bool_1_3", "np.arange(1, 3, dtype=bool)")
    g.case("arange_bool_empty", "np.arange(0, dtype=bool)")


def linspaces(g):
    g.case("linspace_0_1_11", "np.linspace(0, 1, 11)")
    g.case("linspace_m3_3_100", "np.linspace(-3, 3, 100)")
    g.case("linspace_no_endpoint", "np.linspace(0, 1, 160, endpoint=False)")
    g.case("linspace_band_edges", "np.linspace(0, 22050 / 2, 40 + 1)")
    g.case("linspace_default_num", "np.linspace(2.5, -7.25, 50)")
    g.case("linspace_retstep", "np.linspace(2.0, 3.0, num=5, retstep=True)")
    g.case("linspace_retstep_no_endpoint", "np.linspace(2.0, 3.0, num=5, endpoint=False, retstep=True)")
    g.case("linspace_num1", "np.linspace(2.0, 3.0, 1)")
    g.case("linspace_num1_no_endpoint", "np.linspace(2.0, 3.0, 1, endpoint=False)")
    g.case("linspace_num1_retstep", "np.linspace(2.0, 3.0, 1, retstep=True)")
    g.case("linspace_num0", "np.linspace(0.0, 1.0, 0)")
    g.case("linspace_num0_retstep", "np.linspace(0.0, 1.0, 0, retstep=True)")
    g.case("linspace_num2", "np.linspace(0.1, 0.7, 2)")
    g.case("linspace_same", "np.linspace(4.0, 4.0, 4)")
    g.case("linspace_ints", "np.linspace(0, 10, 5)")
    g.case("linspace_big_ints", "np.linspace(2**62, 2**62 + 1000, 3)")
    g.case("linspace_int_dtype", "np.linspace(-5, 5, 7, dtype=np.int64)")
    g.case("linspace_int_dtype_float_args", "np.linspace(-2.5, 2.5, 6, dtype=int)")
    g.case("linspace_u8", "np.linspace(0, 255, 10, dtype=np.uint8)")
    g.case("linspace_f32", "np.linspace(0, 1, 7, dtype=np.float32)")
    g.case("linspace_f32_typed",
           f"np.linspace({F32.format(0.1)}, {F32.format(0.7)}, 7, dtype=np.float32)")
    g.case("linspace_f16", "np.linspace(-1, 1, 9, dtype=np.float16)")
    g.case("linspace_bool", "np.linspace(0, 1, 5, dtype=bool)")
    g.case("linspace_denormal_step", "np.linspace(0.0, 1e-323, 5)")
    g.case("linspace_denormal_step_retstep", "np.linspace(0.0, 1e-323, 5, retstep=True)")
    g.case("linspace_to_inf", "np.linspace(0.0, np.inf, 3)")
    g.case("linspace_to_inf_num1", "np.linspace(0.0, np.inf, 1)")
    g.case("linspace_huge_range", "np.linspace(-1e308, 1e308, 5)")
    g.case("linspace_nan", "np.linspace(np.nan, 1.0, 3)")
    g.case("linspace_complex", "np.linspace(1 + 2j, 3 - 4j, 5)")
    g.case("linspace_complex_retstep", "np.linspace(1 + 2j, 3 - 4j, 7, endpoint=False, retstep=True)")
    g.case("linspace_complex_c64", "np.linspace(0.1 + 2j, 3.3 - 4j, 6, dtype=np.complex64)")
    g.case("linspace_complex_num1", "np.linspace(1 + 1j, 2 + 2j, 1)")
    g.case("linspace_complex_denormal", "np.linspace(0j, 1e-323 + 1e-323j, 5)")


def logspaces(g):
    g.case("logspace_0_3_4", "np.logspace(0, 3, 4)", ulp=POW_ULP)
    g.case("logspace_base2", "np.logspace(0, 10, 11, base=2)", ulp=POW_ULP)
    g.case("logspace_no_endpoint", "np.logspace(1, 2, 5, endpoint=False)", ulp=POW_ULP)
    g.case("logspace_base_e", "np.logspace(0, 1, 7, base=np.e)", ulp=POW_ULP)
    g.case("logspace_many", "np.logspace(-5, 5, 101)", ulp=POW_ULP)
    g.case("logspace_f32", "np.logspace(0, 2, 5, dtype=np.float32)", ulp=POW_ULP)
    g.case("logspace_int", "np.logspace(0, 3, 4, dtype=int)")
    g.case("logspace_negative_base", "np.logspace(0, 3, 7, base=-2.0)", ulp=POW_ULP)
    g.case("logspace_num0", "np.logspace(0, 3, 0)")
    g.case("logspace_num1", "np.logspace(2, 3, 1)", ulp=POW_ULP)
    g.case("logspace_complex", "np.logspace(0, 1j, 4)")
    g.case("logspace_complex_ints", "np.logspace(0 + 0j, 3 + 0j, 4)")
    g.case("logspace_complex_base2", "np.logspace(1 + 1j, 2 - 1j, 5, base=2.0)")


def geomspaces(g):
    g.case("geomspace_1_1000_4", "np.geomspace(1, 1000, num=4)", ulp=POW_ULP)
    g.case("geomspace_no_endpoint", "np.geomspace(1, 1000, num=3, endpoint=False)", ulp=POW_ULP)
    g.case("geomspace_negative", "np.geomspace(-1000, -1, num=4)", ulp=POW_ULP)
    g.case("geomspace_mixed_sign", "np.geomspace(-1.0, 1000.0, num=4)", ulp=POW_ULP)
    g.case("geomspace_fraction", "np.geomspace(0.5, 1e-3, num=9)", ulp=POW_ULP)
    g.case("geomspace_many", "np.geomspace(1, 2**50, 51)", ulp=POW_ULP)
    g.case("geomspace_zero_start", "np.geomspace(0, 10, 3)")
    g.case("geomspace_zero_stop", "np.geomspace(1.0, 0.0, 3)")
    g.case("geomspace_num0", "np.geomspace(1, 10, 0)")
    g.case("geomspace_num1", "np.geomspace(3.0, 10.0, 1)")
    g.case("geomspace_num1_no_endpoint", "np.geomspace(3.0, 10.0, 1, endpoint=False)")
    g.case("geomspace_f32", "np.geomspace(1, 256, 9, dtype=np.float32)", ulp=POW_ULP)
    g.case("geomspace_int", "np.geomspace(1, 1000, 4, dtype=int)")
    g.case("geomspace_int_wide", "np.geomspace(3, 7**9, 10, dtype=np.int64)")
    g.case("geomspace_imaginary", "np.geomspace(1j, 1000j, num=4)")
    g.case("geomspace_circle", "np.geomspace(-1 + 0j, 1 + 0j, num=5)")
    g.case("geomspace_complex", "np.geomspace(1 + 1j, 16 - 3j, num=6)")
    g.case("geomspace_complex_c64", "np.geomspace(2 + 0j, 32 + 0j, num=5, dtype=np.complex64)")


def grids(g):
    g.case("meshgrid_xy", "np.meshgrid(np.array([1, 2, 3]), np.array([4, 5]))")
    g.case("meshgrid_ij", "np.meshgrid(np.array([1, 2, 3, 4, 5]), np.array([10, 20, 30]), indexing='ij')")
    g.case("meshgrid_interactions",
           "F1 * F2",
           setup="F1, F2 = np.meshgrid(np.array([1, 2, 3, 4, 5]), np.array([10, 20, 30]), indexing='ij')")
    g.case("meshgrid_sparse_xy", "np.meshgrid(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0]), sparse=True)")
    g.case("meshgrid_sparse_ij", "np.meshgrid(np.array([1, 2, 3]), np.array([4, 5]), sparse=True, indexing='ij')")
    g.case("meshgrid_3_xy", "np.meshgrid(np.array([1, 2]), np.array([3, 4, 5]), np.array([6, 7, 8, 9]))")
    g.case("meshgrid_3_ij_sparse",
           "np.meshgrid(np.array([1, 2]), np.array([3, 4, 5]), np.array([6, 7, 8, 9]), indexing='ij', sparse=True)")
    g.case("meshgrid_one", "np.meshgrid(np.array([1.5, 2.5, 3.5]))")
    g.case("meshgrid_none", "np.meshgrid()")
    g.case("meshgrid_2d_input", "np.meshgrid(np.arange(4).reshape(2, 2), np.array([7, 8]))")
    g.case("meshgrid_linspace_shapes",
           "[m.shape for m in np.meshgrid(np.linspace(-3, 3, 100), np.linspace(-3, 3, 100))]")
    g.case("meshgrid_linspace_small", "np.meshgrid(np.linspace(-3, 3, 7), np.linspace(-1, 1, 5))")
    g.case("meshgrid_bad_indexing", "np.meshgrid(np.array([1]), np.array([2]), indexing='xx')")
    g.case("meshgrid_no_copy_shares",
           "(np.shares_memory(X, x), np.shares_memory(Y, y), X.strides, Y.strides)",
           setup="x = np.array([1.0, 2.0, 3.0]); y = np.array([4.0, 5.0]); X, Y = np.meshgrid(x, y, copy=False)")
    g.case("meshgrid_copy_owns",
           "(np.shares_memory(X, x), X.flags['C_CONTIGUOUS'], X.strides)",
           setup="x = np.array([1.0, 2.0, 3.0]); y = np.array([4.0, 5.0]); X, Y = np.meshgrid(x, y)")

    g.case("fromfunction_sum", "np.fromfunction(lambda i, j: i + j, (3, 3), dtype=int)")
    g.case("fromfunction_eq", "np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int)")
    g.case("fromfunction_3d", "np.fromfunction(lambda i, j, k: 100 * i + 10 * j + k, (2, 3, 4), dtype=int)")
    g.case("fromfunction_float", "np.fromfunction(lambda i, j: i * 0.5 - j, (2, 3))")
    g.case("fromfunction_empty", "np.fromfunction(lambda i, j: i + j, (0, 3), dtype=int)")
    g.case("indices_2x3", "np.indices((2, 3))")
    g.case("indices_i8", "np.indices((2, 2, 2), dtype=np.int8)")
    g.case("indices_sparse", "np.indices((2, 3), sparse=True)")
    g.case("indices_empty", "np.indices((0, 2))")


def from_data(g):
    g.case("fromiter_range", "np.fromiter(range(5), dtype=int)")
    g.case("fromiter_squares_count", "np.fromiter((x * x for x in range(5)), dtype=float, count=3)")
    g.case("fromiter_too_short", "np.fromiter(range(3), dtype=int, count=5)")
    g.case("fromiter_empty", "np.fromiter(iter([]), dtype=float)")
    g.case("asarray_list", "np.asarray([1.0, 2.0, 3.0])")
    g.case("asarray_nested", "np.asarray([[1, 2, 3], [4, 5, 6]], dtype=np.int32)")
    g.case("array_ragged", "np.array([[1, 2], [3]], dtype=int)")


def generate(g):
    fills(g)
    matrices(g)
    aranges(g)
    linspaces(g)
    logspaces(g)
    geomspaces(g)
    grids(g)
    from_data(g)
