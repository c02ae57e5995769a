"""Structured arrays: creation from rows, field views, assignment, sorting by fields, printing."""

import numpy as np

DT = "[('name', '<U10'), ('age', '<i4'), ('scores', '<f8', (3,))]"
ROWS = "[('Alice', 25, [90.0, 85.5, 77.0]), ('Bob', 19, [60.0, 70.0, 80.0]), ('Carol', 31, [88.0, 92.25, 79.5]), ('Dan', 19, [55.0, 65.0, 75.0])]"
SETUP = f"a = np.array({ROWS}, dtype={DT})"


def generate(g):
    g.case("tolist", "a.tolist()", setup=SETUP)
    g.case("field_age", "a['age']", setup=SETUP)
    g.case("field_name", "a['name']", setup=SETUP)
    g.case("field_scores", "a['scores']", setup=SETUP)
    g.case("field_strides", "a['age'].strides + a['scores'].strides", setup=SETUP)
    g.case("itemsize", "a.itemsize", setup=SETUP)
    g.case("row", "a[1].item()", setup=SETUP)
    g.case("missing_field", "a['height']", setup=SETUP)
    g.case("assign_field", "a['age'] += 1\nr = a.tolist()", setup=SETUP, result="r")
    g.case("assign_field_cast", "a['age'] = np.array([1.9, 2.1, -3.5, 40.0])\nr = a['age']", setup=SETUP, result="r")
    g.case("assign_row", "a[2] = ('Zed', 99, [1, 2, 3])\nr = a.tolist()", setup=SETUP, result="r")
    g.case("assign_row_wrong_len", "a[2] = ('Zed', 99)\nr = a.tolist()", setup=SETUP, result="r")
    g.case("assign_scalar_all_fields", "b = np.zeros(2, [('x', 'i4'), ('y', 'f8')])\nb[0] = 5\nr = b.tolist()", result="r")
    g.case("view_writes_through", "v = a['scores']\nv[0, 1] = -1.0\nr = a[0].item()", setup=SETUP, result="r")
    g.case("argsort_age", "np.argsort(a, order=['age'], kind='stable')", setup=SETUP)
    g.case("argsort_age_name", "np.argsort(a, order=['age', 'name'], kind='stable')", setup=SETUP)
    g.case("argsort_name", "np.argsort(a, order='name', kind='stable')", setup=SETUP)
    g.case("sort_age", "np.sort(a, order=['age'], kind='stable').tolist()", setup=SETUP)
    g.case("sort_unknown_field", "np.sort(a, order=['height'])", setup=SETUP)
    g.case("sort_no_fields", "np.sort(np.zeros(3), order=['x'])")
    g.case("argsort_nan_field",
           "np.argsort(np.array([(1.0, 1), (np.nan, 2), (0.5, 3), (np.nan, 0)], [('v', 'f8'), ('k', 'i4')]), order=['v'], kind='stable')")
    g.case("multi_field_dtype", "str(a[['age', 'name']].dtype)", setup=SETUP)
    g.case("multi_field_list", "a[['age', 'name']].tolist()", setup=SETUP)
    g.case("eq_rows", "a == a[::-1]", setup=SETUP)
    g.case("eq_self", "a == a", setup=SETUP)
    g.case("str", "str(a)", setup=SETUP)
    g.case("repr", "repr(a)", setup=SETUP)
    g.case("repr_ints", "repr(np.array([(1, True), (100, False)], [('a', 'i4'), ('b', '?')]))")
    g.case("str_one_field", "str(np.array([(1,), (22,)], [('a', 'i8')]))")
    g.case("repr_floats_exp", "repr(np.array([(1e-5, 1.5), (1e10, 2.0)], [('x', 'f8'), ('y', 'f4')]))")
    g.case("repr_nan", "repr(np.array([(np.nan, -np.inf), (1.5, 2.0)], [('x', 'f8'), ('y', 'f8')]))")
    g.case("repr_bytes_field", "repr(np.array([(b'ab', 1)], [('k', 'S2'), ('v', 'u1')]))")
    g.case("repr_nested", "repr(np.zeros(2, [('pos', [('x', '<f4'), ('y', '<f4')]), ('id', '<u8')]))")
    g.case("repr_0d_record", "repr(np.array((1, 2.5), [('a', 'i4'), ('b', 'f8')]))")
    g.case("str_0d_record", "str(np.array((1, 2.5), [('a', 'i4'), ('b', 'f8')]))")
    g.case("repr_2d_records", "repr(np.zeros((2, 2), [('a', 'i1')]))")
    g.case("repr_aligned", "repr(np.zeros(2, np.dtype([('a', 'i1'), ('b', '<i4')], align=True)))")
    g.case("astype_reorder", "np.array([(1, 2.5)], [('a', 'i4'), ('b', 'f8')]).astype([('x', 'f8'), ('y', 'i4')]).tolist()")
    g.case("astype_from_scalar", "np.array([1.5, 2]).astype([('a', 'i4'), ('b', 'f8')]).tolist()")
    g.case("astype_one_field", "np.array([(1,)], [('a', 'i4')]).astype('f8')")
    g.case("astype_two_fields", "np.array([(1, 2.5)], [('a', 'i4'), ('b', 'f8')]).astype('f8')")
    g.case("big_endian_field", "np.array([(1, 2)], [('a', '>i4'), ('b', '<i2')])['a']")
    g.case("repr_complex_field", "repr(np.array([(1+2j, 1), (0.5-1j, 2)], [('c', 'c16'), ('i', 'i4')]))")
    g.case("repr_f4_nan_field", "repr(np.array([1.5, np.nan], [('x', 'f4')]))")
    g.case("repr_void", "repr(np.zeros(2, 'V3'))")
    g.case("repr_big_float_field", "repr(np.array([(1e20, 2.0)], [('x', 'f8'), ('y', 'f8')]))")
    g.case("repr_precision_field", "repr(np.array([(1.123456789123, 2.0)], [('x', 'f8'), ('y', 'f8')]))")
