"""`a.view(dtype)`: the same bytes read as another dtype, NumPy's rules for the last axis.

Also the layout methods that typed and dynamic arrays share (moveaxis and diagonal on an
any-dtype array, strides in bytes of views of typed arrays)."""

import numpy as np

I32 = "a = np.arange(12, dtype=np.int32).reshape(3, 4)"
F32 = "a = np.array([[1.0, -2.0], [0.5, 4.0]], dtype=np.float32)"


def generate(g):
    # Same item size: shape and strides kept, bytes reinterpreted.
    g.case("f32_as_u32", "a.view(np.uint32)", setup=F32)
    g.case("i32_as_f32_T", "a.T.view(np.float32)", setup=I32)
    g.case("i32_as_f32_T_strides", "a.T.view(np.float32).strides", setup=I32)
    # A larger item: the last axis shrinks.
    g.case("i32_as_i64", "a.view(np.int64)", setup=I32)
    g.case("i32_as_i64_strides", "a.view(np.int64).strides", setup=I32)
    g.case("i32_cols_as_i64", "a[:, :2].view(np.int64)", setup=I32)
    g.case("i32_cols_as_i64_strides", "a[:, :2].view(np.int64).strides", setup=I32)
    g.case("i32_rows_as_i64", "a[::2].view(np.int64)", setup=I32)
    g.case("f32_as_c64", "a.view(np.complex64)", setup=F32)
    g.case("i32_col1_as_i64_T", "a[:1].T.view(np.int64).shape", setup=I32)
    # A smaller item: the last axis grows.
    g.case("i32_as_i16", "a.view(np.int16)", setup=I32)
    g.case("i32_as_i16_strides", "a.view(np.int16).strides", setup=I32)
    g.case("i32_as_u8", "a.view(np.uint8)", setup=I32)
    g.case("i32_col_as_i16", "a[:, 1:2].view(np.int16)", setup=I32)
    g.case("i32_col_as_i16_strides", "a[:, 1:2].view(np.int16).strides", setup=I32)
    # Empty arrays.
    g.case("empty_as_i64_shape", "np.zeros((3, 0), np.int32).view(np.int64).shape")
    g.case("empty1d_as_i64_shape", "np.zeros((0,), np.int32).view(np.int64).shape")
    # Records and raw bytes.
    g.case("i8_as_v3_shape", "np.zeros((2, 6), np.int8).view('V3').shape")
    g.case("i8_as_v3_strides", "np.zeros((2, 6), np.int8).view('V3').strides")
    g.case(
        "i8_as_record",
        "np.arange(12, dtype=np.int8).reshape(2, 6).view([('a', 'i1'), ('b', '<i2'), ('c', 'V3')])['b']",
    )
    g.case("i32_as_subarray_shape", "np.zeros(4, np.int32).view(('<i2', (2,))).shape")
    # NumPy's errors.
    g.case("err_0d", "np.array(5, dtype=np.int32).view(np.int64)")
    g.case("err_last_axis", "a[:, ::2].view(np.int64)", setup=I32)
    g.case("err_transposed", "a.T.view(np.int16)", setup=I32)
    g.case("err_larger", "a[:, :3].view(np.int64)", setup=I32)
    g.case("err_larger_1d", "np.zeros(3, np.int8).view(np.int64)")
    g.case("err_length_one", "np.zeros((3, 1), np.int16).view(np.int32)")
    g.case("err_smaller", "np.zeros(4, np.int32).view('V3')")
    g.case("err_subarray", "np.zeros(4, np.int32).view(('<i2', (3,)))")
    # Layout methods on any dtype: what dynamic arrays now share with typed ones.
    S = "s = np.array([['ab', 'c', 'def'], ['g', 'hi', 'j']])"
    g.case("str_moveaxis", "np.moveaxis(s, 0, -1)", setup=S)
    g.case("str_diagonal", "np.diagonal(s, 1)", setup=S)
    g.case("str_diagonal_strides", "np.diagonal(s, 1).strides", setup=S)
    g.case("str_flip", "np.flip(s, 1)", setup=S)
