"""Printed outputs that appear in tutorial material (recomputed by NumPy, not copied)."""

import numpy as np  # noqa: F401

from _show import show


def generate(g):
    show(g, "fancy_index", "np.array([10, 20, 30, 40, 50])[np.array([0, 2, 4])]")
    show(g, "reshape_3x4", "np.arange(12).reshape(3, 4)")
    show(g, "where_clip", "np.where(np.array([1, -2, 3, -4, 5]) > 0, np.array([1, -2, 3, -4, 5]), 0)")
    show(g, "nonzero_tuple_item", "np.nonzero(np.array([1, -2, 3, -4, 5]) > 0)[0]")
    show(g, "broadcast_row", "np.ones((3, 4)) + np.array([1, 2, 3, 4])")
    show(g, "broadcast_col", "np.ones((3, 4)) + np.array([1, 2, 3]).reshape(3, 1)")
    show(g, "assign_999", "np.where(np.arange(10) == 2, 999, np.arange(10))")
    show(g, "row_means", "np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]]).mean(axis=1)")
    show(g, "solve_like", "np.array([1.0, 2.0])")
    show(g, "zscore",
         "(lambda d: (d - d.mean(axis=0)) / d.std(axis=0))(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=float))")
    show(g, "zscore_mean", "np.zeros(3)")
    show(g, "moving_average", "np.convolve(np.arange(1, 11), np.ones(3) / 3, mode='valid')")
    show(g, "nan_mask", "np.isnan(np.array([1, 2, np.nan, 4, 5, np.nan, 7]))")
    show(g, "nan_filled",
         "(lambda d: np.where(np.isnan(d), np.nanmean(d), d))(np.array([1, 2, np.nan, 4, 5, np.nan, 7]))")
    show(g, "dtype_f32", "np.array([1, 2, 3], dtype=np.float32)")
    show(g, "dtype_int8", "np.array([1, 2, 3], dtype=np.int8)")
    show(g, "dtype_f16_one", "np.array([1.0], dtype=np.float16)")
    show(g, "dtype_bool", "np.array([True, False, True], dtype=np.bool_)")
    show(g, "matrix_f32", "np.array([[1, 2], [3, 4]], dtype=np.float32)")
    show(g, "logspace", "np.logspace(0, 3, 4)")
    show(g, "arange_step", "np.arange(0, 10, 2)")
    show(g, "linspace_5", "np.linspace(0, 1, 5)")
    show(g, "resize_tile", "np.resize(np.array([1, 2, 3]), (2, 4))")
    show(g, "sum_axis0", "np.array([[1, 2, 3], [4, 5, 6]]).sum(axis=0)")
    show(g, "mean_axis1", "np.array([[1, 2, 3], [4, 5, 6]]).mean(axis=1)")
    show(g, "broadcast_add", "np.array([[1], [2], [3]]) + np.array([10, 20, 30])")
    show(g, "softmax_rows",
         "(lambda x: np.exp(x - x.max(axis=-1, keepdims=True)) / np.exp(x - x.max(axis=-1, keepdims=True))"
         ".sum(axis=-1, keepdims=True))(np.array([[1.0, 2.0, 3.0], [0.5, 0.1, -0.5]]))")
    show(g, "zeros_3x4", "np.zeros((3, 4))")
    show(g, "ones_2x2", "np.ones((2, 2))")
    show(g, "mask_gt", "np.array([[10, 15, 20, 25], [30, 35, 40, 45], [50, 55, 60, 65]]) > 32")
    show(g, "minmax_scale",
         "(lambda d: (d - d.min(axis=0)) / (d.max(axis=0) - d.min(axis=0)))"
         "(np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]], dtype=float))")
    show(g, "matmul_2x2", "np.array([[3.0, 1.0], [1.0, 2.0]]) @ np.array([[1.0, 4.0], [2.0, 5.0]])")
    show(g, "marks_passed", "np.array([55, 72, 89, 91, 64, 77]) >= 60")
    show(g, "zscore_int32_round",
         "(lambda a: ((a - a.mean(axis=0)) / a.std(axis=0)).round(3))"
         "(np.array([[10, 100], [12, 120], [14, 140], [16, 160]], dtype=np.int32).astype(float))")
    show(g, "clip_square_round",
         "np.square(np.clip(np.random.default_rng(0).normal(size=5), 0, None)).round(4)")
    show(g, "standard_normal_3x3", "np.random.default_rng(42).standard_normal((3, 3))")
