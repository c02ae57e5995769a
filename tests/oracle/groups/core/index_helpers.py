"""Index helpers: unravel_index, ravel_multi_index, tril/triu/diag/mask indices, fill_diagonal,
packbits/unpackbits, array_equal/array_equiv, apply_along_axis/apply_over_axes."""

import numpy as np

RNG = "rng = np.random.default_rng({})\n"


def unravel(g):
    g.case("unravel_c", "np.unravel_index(np.array([22, 41, 37]), (7, 6))")
    g.case("unravel_f", "np.unravel_index(np.array([22, 41, 37]), (7, 6), order='F')")
    g.case("unravel_scalar_f", "np.unravel_index(1621, (6, 7, 8, 9), order='F')")
    g.case("unravel_2d_int32", "np.unravel_index(np.array([[0, 5], [3, 2]], dtype=np.int32), (2, 3))")
    g.case("unravel_uint8_empty", "np.unravel_index(np.array([], dtype=np.uint8), (0, 3))")
    g.case("unravel_uint64", "np.unravel_index(np.array([1, 5], dtype=np.uint64), (2, 3))")
    g.case("unravel_empty_shape", "np.unravel_index(0, ())")
    g.case("unravel_oob", "np.unravel_index(10, (2, 3))")
    g.case("unravel_negative", "np.unravel_index(np.array([1, -1]), (2, 3))")
    g.case("unravel_zero_size", "np.unravel_index(0, (0, 3))")
    g.case("unravel_float", "np.unravel_index(np.array([1.0]), (2, 3))")
    g.case("unravel_uint64_wraps", "np.unravel_index(np.array([2**63], dtype=np.uint64), (2, 3))")
    g.case("unravel_too_large_dims", "np.unravel_index(0, (2**40, 2**40))")
    setup = RNG.format(11) + "idx = rng.integers(0, 120, 300)\n"
    g.case("unravel_rand_idx", "idx", setup=setup)
    g.case("unravel_rand_c", "np.unravel_index(idx, (3, 5, 4, 2))", setup=setup)
    g.case("unravel_rand_f", "np.unravel_index(idx, (3, 5, 4, 2), order='F')", setup=setup)


def ravel(g):
    rc = "rows = np.array([3, 6, 6]); cols = np.array([4, 5, 1])\n"
    g.case("ravel_c", "np.ravel_multi_index((rows, cols), (7, 6))", setup=rc)
    g.case("ravel_f", "np.ravel_multi_index((rows, cols), (7, 6), order='F')", setup=rc)
    g.case("ravel_wrap_clip_f", "np.ravel_multi_index((rows, cols), (4, 6), mode=('wrap', 'clip'), order='F')", setup=rc)
    g.case("ravel_clip", "np.ravel_multi_index((rows, cols), (4, 4), mode='clip')", setup=rc)
    g.case("ravel_scalar_f", "np.ravel_multi_index((1, 1), (2, 3), order='F')")
    g.case("ravel_broadcast", "np.ravel_multi_index((np.array([[0], [1]]), np.array([0, 1, 2])), (2, 3))")
    g.case("ravel_negative_wrap", "np.ravel_multi_index((np.array([-4]), np.array([1])), (2, 3), mode='wrap')")
    g.case("ravel_empty", "np.ravel_multi_index((), ())")
    g.case("ravel_oob", "np.ravel_multi_index((np.array([1]), np.array([5])), (2, 3))")
    g.case("ravel_negative_raise", "np.ravel_multi_index((np.array([1]), np.array([-1])), (2, 3))")
    g.case("ravel_mode_per_axis_raise", "np.ravel_multi_index((np.array([1]), np.array([5])), (2, 3), mode=('wrap', 'raise'))")
    g.case("ravel_length", "np.ravel_multi_index((np.array([1]), np.array([1]), np.array([1])), (2, 3))")
    g.case("ravel_modes_length", "np.ravel_multi_index((np.array([1]), np.array([1])), (2, 3), mode=('wrap', 'raise', 'clip'))")
    g.case("ravel_dims_too_large", "np.ravel_multi_index((np.array([1]), np.array([1])), (2**40, 2**40))")
    g.case("ravel_zero_dim", "np.ravel_multi_index((np.array([1]), np.array([1])), (2, 0))")
    g.case("ravel_not_broadcast", "np.ravel_multi_index((np.array([1, 2]), np.array([5, 1, 2])), (2, 3), mode='wrap')")
    g.case("ravel_float", "np.ravel_multi_index((np.array([1.0]), np.array([1])), (2, 3))")
    setup = RNG.format(12) + "i = rng.integers(-10, 20, 500); j = rng.integers(-10, 20, 500).astype(np.int16); k = rng.integers(0, 30, 500).astype(np.uint32)\n"
    g.case("ravel_rand_i", "i", setup=setup)
    g.case("ravel_rand_j", "j", setup=setup)
    g.case("ravel_rand_k", "k", setup=setup)
    g.case("ravel_rand_wrap_c", "np.ravel_multi_index((i, j, k), (3, 5, 4), mode='wrap')", setup=setup)
    g.case("ravel_rand_clip_f", "np.ravel_multi_index((i, j, k), (3, 5, 4), mode='clip', order='F')", setup=setup)
    g.case("ravel_rand_mixed", "np.ravel_multi_index((i, j, k), (7, 9, 11), mode=('clip', 'wrap', 'clip'))", setup=setup)
    g.case("ravel_rand_raise", "np.ravel_multi_index((i, j, k), (20, 20, 30))", setup=setup)


def tri(g):
    g.case("tril_4", "np.tril_indices(4)")
    g.case("tril_3_m1_2", "np.tril_indices(3, -1, 2)")
    g.case("triu_3_1_5", "np.triu_indices(3, 1, 5)")
    g.case("triu_4_m2", "np.triu_indices(4, -2)")
    g.case("tril_0", "np.tril_indices(0)")
    g.case("tril_big_k", "np.tril_indices(5, 10, 3)")
    g.case("triu_small_k", "np.triu_indices(5, -10, 3)")
    g.case("triu_7_2_9", "np.triu_indices(7, 2, 9)")
    g.case("tril_from", "np.tril_indices_from(np.ones((2, 4)), 1)")
    g.case("triu_from", "np.triu_indices_from(np.ones((3, 2)))")
    g.case("tril_from_3d", "np.tril_indices_from(np.ones((2, 3, 4)))")
    g.case("triu_from_1d", "np.triu_indices_from(np.ones(3))")
    g.case("diag_3_3", "np.diag_indices(3, 3)")
    g.case("diag_4", "np.diag_indices(4)")
    g.case("diag_0_2", "np.diag_indices(0, 2)")
    g.case("diag_from_3d", "np.diag_indices_from(np.ones((3, 3, 3)))")
    g.case("diag_from_1d", "np.diag_indices_from(np.ones(3))")
    g.case("diag_from_unequal", "np.diag_indices_from(np.ones((3, 4)))")
    g.case("mask_triu_3_1", "np.mask_indices(3, np.triu, 1)")
    g.case("mask_tril_4_m1", "np.mask_indices(4, np.tril, -1)")
    g.case("mask_triu_0", "np.mask_indices(0, np.triu)")


def fill(g):
    def fd(name, setup, call):
        g.case(name, "a", setup=setup + call + "\n")

    fd("fill_tall_wrap", "a = np.zeros((5, 3))\n", "np.fill_diagonal(a, [1, 2], True)")
    fd("fill_tall", "a = np.zeros((5, 3))\n", "np.fill_diagonal(a, [1, 2])")
    fd("fill_wide", "a = np.zeros((3, 5), dtype=np.int32)\n", "np.fill_diagonal(a, 7)")
    fd("fill_3d", "a = np.zeros((3, 3, 3), dtype=np.int64)\n", "np.fill_diagonal(a, [1, 2])")
    fd("fill_empty_val", "a = np.zeros((3, 3))\n", "np.fill_diagonal(a, [])")
    fd("fill_int_from_float", "a = np.zeros((3, 3), dtype=np.int64)\n", "np.fill_diagonal(a, 2.7)")
    fd("fill_uint8_from_int64_array", "a = np.zeros((3, 3), dtype=np.uint8)\n", "np.fill_diagonal(a, np.array([-1, 300]))")
    g.case("fill_uint8_negative", "np.fill_diagonal(np.zeros((3, 3), dtype=np.uint8), -1)")
    g.case("fill_1d", "np.fill_diagonal(np.zeros(3), 1)")
    g.case("fill_3d_unequal", "np.fill_diagonal(np.zeros((2, 3, 4)), 1)")
    setup = RNG.format(13) + "a = rng.standard_normal((11, 4)); a0 = a.copy(); v = rng.standard_normal(5)\n"
    g.case("fill_rand_a0", "a0", setup=setup)
    g.case("fill_rand_v", "v", setup=setup)
    g.case("fill_rand_wrap", "a", setup=setup + "np.fill_diagonal(a, v, wrap=True)\n")
    g.case("fill_rand", "a", setup=setup + "np.fill_diagonal(a, v)\n")


def bits(g):
    m = "m = np.array([[1, 0, 1], [0, 1, 1]])\n"
    g.case("pack_flat", "np.packbits(m)", setup=m)
    g.case("pack_axis1_little", "np.packbits(m, axis=1, bitorder='little')", setup=m)
    g.case("pack_axis0", "np.packbits(m, axis=0)", setup=m)
    g.case("pack_int8", "np.packbits(np.array([0, 2, -3, 0, 5, 0, 0, 1, 9], dtype=np.int8))")
    g.case("pack_uint64", "np.packbits(np.array([2**64 - 1, 0, 1], dtype=np.uint64))")
    g.case("pack_0d", "np.packbits(np.array(5))")
    g.case("pack_0d_axis0", "np.packbits(np.array(5), axis=0)")
    g.case("pack_empty_axis1", "np.packbits(np.zeros((2, 0), dtype=np.int64), axis=1)")
    g.case("pack_empty_flat", "np.packbits(np.zeros((2, 0), dtype=bool))")
    g.case("pack_float", "np.packbits(np.array([1.0]))")
    g.case("pack_axis_oob", "np.packbits(m, axis=2)", setup=m)
    g.case("pack_bitorder_bad", "np.packbits(m, bitorder='foo')", setup=m)
    s = RNG.format(14) + "b = rng.random((3, 5, 11)) < 0.5\n"
    g.case("pack_rand_b", "b", setup=s)
    for ax in ["None", "0", "1", "2", "-1"]:
        for order in ["big", "little"]:
            name = f"pack_rand_{ax.replace('-', 'm')}_{order}"
            g.case(name, f"np.packbits(b, axis={ax}, bitorder='{order}')", setup=s)
    u = "u = np.array([[2, 7], [255, 128]], dtype=np.uint8)\n"
    g.case("unpack_flat", "np.unpackbits(u)", setup=u)
    g.case("unpack_axis1_little", "np.unpackbits(u, axis=1, bitorder='little')", setup=u)
    g.case("unpack_axis0", "np.unpackbits(u, axis=0)", setup=u)
    g.case("unpack_count_neg", "np.unpackbits(u, count=-3)", setup=u)
    g.case("unpack_count_long", "np.unpackbits(u, axis=1, count=20)", setup=u)
    g.case("unpack_count_short", "np.unpackbits(u, axis=0, count=5, bitorder='little')", setup=u)
    g.case("unpack_count_zero", "np.unpackbits(u, axis=1, count=0)", setup=u)
    g.case("unpack_0d", "np.unpackbits(np.array(3, dtype=np.uint8))")
    g.case("unpack_int64", "np.unpackbits(np.array([1, 2]))")
    g.case("unpack_count_too_neg", "np.unpackbits(u, count=-40)", setup=u)
    s = RNG.format(15) + "x = rng.integers(0, 256, (4, 3, 5), dtype=np.uint8)\n"
    g.case("unpack_rand_x", "x", setup=s)
    for ax in ["None", "0", "1", "2"]:
        for order in ["big", "little"]:
            g.case(f"unpack_rand_{ax}_{order}", f"np.unpackbits(x, axis={ax}, bitorder='{order}')", setup=s)
    g.case("unpack_rand_count", "np.unpackbits(x, axis=2, count=-7)", setup=s)


def equal(g):
    g.case("eq_int_float", "np.array_equal(np.array([1, 2], dtype=np.int32), np.array([1.0, 2.0], dtype=np.float32))")
    g.case("eq_differs", "np.array_equal(np.array([1, 2]), np.array([1, 3]))")
    g.case("eq_shape", "np.array_equal(np.array([1, 2]), np.array([[1, 2]]))")
    g.case("eq_nan", "np.array_equal(np.array([1, np.nan]), np.array([1, np.nan]))")
    g.case("eq_nan_equal", "np.array_equal(np.array([1, np.nan]), np.array([1, np.nan]), equal_nan=True)")
    g.case("eq_nan_places", "np.array_equal(np.array([np.nan, 1]), np.array([1, np.nan]), equal_nan=True)")
    g.case("eq_complex_nan", "np.array_equal(np.array([1 + np.nan * 1j]), np.array([np.nan + 1j]), equal_nan=True)")
    g.case("eq_nan_int", "np.array_equal(np.array([1.0, np.nan]), np.array([1, 2]), equal_nan=True)")
    g.case("eq_bool_int", "np.array_equal(np.array([True, False]), np.array([1, 0]))")
    g.case("eq_f32_f64", "np.array_equal(np.array([0.1], dtype=np.float32), np.array([0.1]))")
    g.case("eq_str", "np.array_equal(np.array(['ab', 'c']), np.array(['ab', 'c']))")
    g.case("eq_str_int", "np.array_equal(np.array(['a']), np.array([1]))")
    g.case("eq_empty", "np.array_equal(np.zeros((0, 3)), np.zeros((0, 3), dtype=np.int8))")
    g.case("eq_uint64_int64", "np.array_equal(np.array([2**64 - 1], dtype=np.uint64), np.array([-1]))")
    s = RNG.format(16) + "a = rng.standard_normal(1000); a[rng.integers(0, 1000, 20)] = np.nan; b = a.copy()\n"
    g.case("eq_rand_a", "a", setup=s)
    g.case("eq_rand_nan", "np.array_equal(a, b, equal_nan=True)", setup=s)
    g.case("eq_rand_plain", "np.array_equal(a, b)", setup=s)
    g.case("eq_rand_f32", "np.array_equal(a, b.astype(np.float32), equal_nan=True)", setup=s)
    g.case("equiv_broadcast", "np.array_equiv(np.array([1, 2]), np.array([[1, 2], [1, 2]]))")
    g.case("equiv_differs", "np.array_equiv(np.array([1, 2]), np.array([[1, 2], [1, 3]]))")
    g.case("equiv_not_broadcast", "np.array_equiv(np.array([1, 2]), np.array([[1, 2, 3]]))")
    g.case("equiv_scalar", "np.array_equiv(np.array([[3.0, 3.0]]), 3)")
    g.case("equiv_str", "np.array_equiv(np.array(['x']), np.array(['x', 'x']))")


def apply(g):
    s = RNG.format(17) + "x = rng.standard_normal((2, 3, 4))\n"
    g.case("apply_rand_x", "x", setup=s)
    g.case("apply_ends_ax0", "np.apply_along_axis(lambda v: v[[0, -1]], 0, x)", setup=s)
    g.case("apply_ends_ax1", "np.apply_along_axis(lambda v: v[[0, -1]], 1, x)", setup=s)
    g.case("apply_ends_axm1", "np.apply_along_axis(lambda v: v[[0, -1]], -1, x)", setup=s)
    g.case("apply_outer_ax1", "np.apply_along_axis(lambda v: np.outer(v, v[:2]), 1, x)", setup=s)
    g.case("apply_first_ax2", "np.apply_along_axis(lambda v: v[0], 2, x)", setup=s)
    g.case("apply_1d", "np.apply_along_axis(lambda v: v[::-1], 0, np.arange(5))")
    g.case("apply_empty_lanes", "np.apply_along_axis(lambda v: v, 0, np.zeros((0, 3)))")
    g.case("apply_empty_iteration", "np.apply_along_axis(lambda v: v, 0, np.zeros((3, 0)))")
    g.case("apply_mismatch", "np.apply_along_axis(lambda v: v[:2] if v[0] == 0 else v[:3], 1, np.arange(12).reshape(4, 3))")
    g.case("apply_axis_oob", "np.apply_along_axis(lambda v: v, 3, x)", setup=s)
    g.case("over_sum_0_2", "np.apply_over_axes(np.sum, np.arange(24).reshape(2, 3, 4), [0, 2])")
    g.case("over_sum_neg", "np.apply_over_axes(np.sum, np.arange(24).reshape(2, 3, 4), [-1])")
    g.case("over_keep", "np.apply_over_axes(lambda a, ax: a * 2, np.arange(6).reshape(2, 3), [0, 1])")
    g.case("over_bad_shape", "np.apply_over_axes(lambda a, ax: np.zeros(3), np.zeros((2, 3, 4)), [0])")


def generate(g):
    unravel(g)
    ravel(g)
    tri(g)
    fill(g)
    bits(g)
    equal(g)
    apply(g)
