"""Views: slicing, transposes, reshapes, broadcasting views, flags and memory sharing."""

import numpy as np

A = "a = np.arange(24).reshape(2, 3, 4)"


def generate(g):
    # Basic slicing with Python's rules.
    slices = {
        "s_1_3": "a[1:3]",
        "s_step2": "a[::2]",
        "s_neg_step": "a[::-1]",
        "s_neg_start": "a[-3:]",
        "s_neg_stop": "a[:-2]",
        "s_rev_range": "a[7:2:-2]",
        "s_out_of_range": "a[5:100]",
        "s_empty": "a[4:2]",
        "s_index_neg": "a[-1]",
        "s_step3_from1": "a[1::3]",
        "s_rev_neg": "a[-2:-8:-3]",
    }
    for name, e in slices.items():
        g.case(f"slice1d_{name}", e, setup="a = np.arange(10)")
    nd = {
        "row": "a[1]",
        "col": "a[:, 1]",
        "inner": "a[..., 2]",
        "newaxis": "a[:, np.newaxis, 1]",
        "mixed": "a[1, ::-1, 1:3]",
        "ellipsis_mid": "a[0, ..., ::2]",
        "newaxis_end": "a[..., np.newaxis]",
        "elem": "a[1, 2, 3]",
        "neg_all": "a[-1, -1, -1]",
    }
    for name, e in nd.items():
        g.case(f"slice3d_{name}", e, setup=A)
    g.case("slice_oob", "a[10]", setup="a = np.arange(10)")
    g.case("slice_oob_neg", "a[0, -4]", setup="a = np.arange(6).reshape(2, 3)")
    g.case("slice_too_many", "a[1, 2]", setup="a = np.arange(10)")
    g.case("slice_step0", "a[::0]", setup="a = np.arange(10)")
    g.case("slice_strides", "a[::2, 1:, ::-1].strides", setup=A)

    # Transposes and axis moves.
    g.case("t", "a.T", setup=A)
    g.case("t_strides", "a.T.strides", setup=A)
    g.case("permute", "np.permute_dims(a, (1, 0, 2))", setup=A)
    g.case("permute_neg", "np.transpose(a, (-1, 0, 1))", setup=A)
    g.case("permute_bad_len", "np.transpose(a, (1, 0))", setup=A)
    g.case("permute_repeat", "np.transpose(a, (1, 1, 0))", setup=A)
    g.case("swapaxes", "np.swapaxes(a, 0, 2)", setup=A)
    g.case("swapaxes_oob", "np.swapaxes(a, 0, 3)", setup=A)
    g.case("moveaxis", "np.moveaxis(a, 0, -1)", setup=A)
    g.case("moveaxis_multi", "np.moveaxis(a, [0, 1], [-1, -2])", setup=A)
    g.case("moveaxis_shape", "np.moveaxis(np.zeros((3, 4, 5)), [0, 1], [-1, -2]).shape")

    # Reshape, ravel, flatten.
    g.case("reshape_34", "np.arange(12).reshape(3, 4)")
    g.case("reshape_infer", "np.arange(12).reshape(2, -1)")
    g.case("reshape_bad", "np.arange(12).reshape(5, 3)")
    g.case("reshape_two_unknown", "np.arange(12).reshape(-1, -1)")
    g.case("reshape_bad_infer", "np.arange(12).reshape(5, -1)")
    g.case("reshape_neg", "np.arange(12).reshape(-2, 6)")
    g.case("reshape_F", "np.arange(12).reshape((3, 4), order='F')")
    g.case("reshape_T", "a.T.reshape(-1)", setup=A)
    g.case("reshape_T_is_view", "np.shares_memory(a.T.reshape(-1), a)", setup=A)
    g.case("reshape_sliced_is_view", "np.shares_memory(a[:, 1].reshape(-1), a)", setup=A)
    g.case("reshape_0d", "np.arange(1).reshape(())")
    g.case("reshape_empty", "np.zeros((0, 3)).reshape(3, 0, -1).shape")
    g.case("ravel_T", "a.T.ravel()", setup=A)
    g.case("ravel_F", "a.ravel(order='F')", setup=A)
    g.case("flatten_F", "a.flatten(order='F')", setup=A)
    g.case("squeeze", "np.zeros((1, 3, 1, 2)).squeeze().shape")
    g.case("squeeze_axis", "np.zeros((1, 3, 1, 2)).squeeze(axis=2).shape")
    g.case("squeeze_bad", "np.zeros((1, 3, 1, 2)).squeeze(axis=1)")
    g.case("expand_dims", "np.expand_dims(np.zeros((3, 4)), (0, -1)).shape")
    g.case("expand_dims_oob", "np.expand_dims(np.zeros((3, 4)), 3)")
    g.case("diagonal", "a.diagonal(1, 1, 2)", setup=A)
    g.case("diagonal_neg", "np.arange(12).reshape(3, 4).diagonal(-1)")
    g.case("diagonal_big_offset", "np.arange(12).reshape(3, 4).diagonal(7)")

    # Broadcasting views.
    g.case("broadcast_to", "np.broadcast_to(np.arange(3), (2, 3))")
    g.case("broadcast_to_strides", "np.broadcast_to(np.arange(3), (2, 3)).strides")
    g.case("broadcast_to_bad", "np.broadcast_to(np.arange(3), (4,))")
    g.case("broadcast_to_scalar_bad", "np.broadcast_to(np.arange(3), ())")
    g.case("broadcast_arrays", "np.broadcast_arrays(np.arange(3).reshape(3, 1), np.arange(4))")

    # Flags and memory sharing.
    g.case("flags_c", "(a.flags.c_contiguous, a.flags.f_contiguous, a.flags.owndata, a.flags.writeable)", setup=A + ".copy()")
    g.case("flags_T", "(a.T.flags.c_contiguous, a.T.flags.f_contiguous, a.T.flags.owndata)", setup=A)
    g.case("flags_slice", "(a[:, 1].flags.c_contiguous, a[:, 1].flags.f_contiguous)", setup=A)
    g.case("flags_row", "(a[1].flags.c_contiguous, a[1].flags.f_contiguous)", setup=A)
    g.case("flags_1x", "(np.zeros((1, 4))[:, ::2].flags.c_contiguous, np.zeros((1, 4))[:, ::2].flags.f_contiguous)")
    g.case("shares_interleaved", "np.shares_memory(a[::2], a[1::2])", setup="a = np.arange(10)")
    g.case("may_share_interleaved", "np.may_share_memory(a[::2], a[1::2])", setup="a = np.arange(10)")
    g.case("shares_overlap", "np.shares_memory(a[2:6], a[5:9])", setup="a = np.arange(10)")
    g.case("shares_disjoint", "np.shares_memory(a[:5], a[5:])", setup="a = np.arange(10)")
    g.case("attrs", "(a.shape, a.ndim, a.size, a.itemsize, a.nbytes)", setup="a = np.zeros((3, 5), dtype=np.float32)")

    # Copies in order.
    g.case("copy_F_strides", "a.copy(order='F').strides", setup=A)
    g.case("asfortran_strides", "np.asfortranarray(a).strides", setup=A)
    g.case("ascontig_T_strides", "np.ascontiguousarray(a.T).strides", setup=A)
    g.case("T_plus_1_strides", "(a.T + 1).strides", setup=A)
    g.case("ndenumerate", "[(i, int(x)) for i, x in np.ndenumerate(a[:, ::2, 1])]", setup=A)
    g.case("diagonal_axis2_oob", "np.zeros((2, 3, 4)).diagonal(0, 0, 3)")
    g.case("diagonal_same", "np.zeros((2, 3, 4)).diagonal(0, 1, 1)")
    g.case("diagonal_1d", "np.zeros(3).diagonal()")
    g.case("moveaxis_src_oob", "np.moveaxis(np.zeros((2, 3, 4)), 3, 0)")
    g.case("moveaxis_dst_oob", "np.moveaxis(np.zeros((2, 3, 4)), 0, 3)")
    g.case("moveaxis_repeat", "np.moveaxis(np.zeros((2, 3, 4)), [0, 0], [1, 2])")
    g.case("moveaxis_len", "np.moveaxis(np.zeros((2, 3, 4)), [0, 1], [1])")
    g.case("expand_dims_repeat", "np.expand_dims(np.zeros((2, 3, 4)), (0, 0))")
    g.case("squeeze_oob", "np.zeros((2, 3, 4)).squeeze(axis=5)")
