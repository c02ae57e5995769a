"""Sorting, searching and sets for the dtypes beyond numbers: unicode and byte strings,
datetime64/timedelta64 (NaT last) and records (field order, ``order=``), with random
inputs full of ties, shared prefixes, empty strings and NaTs."""

import numpy as np

MAKE = '''\
def make(kind, n, seed):
    rng = np.random.default_rng(seed)
    if kind in ("U", "S"):
        alpha = list("ab\\u00e9z") + (["\\U0001f600", "\\u4e2d"] if kind == "U" else ["\\x00", "\\xff"])
        lens = rng.integers(0, 6, n)
        words = ["".join(rng.choice(alpha, k)) for k in lens]
        if kind == "U":
            return np.array(words, dtype="U5")
        return np.array([w.encode("latin-1") for w in words], dtype="S5")
    unit = "M8[s]" if kind == "M" else "m8[ms]"
    v = rng.integers(-50, 50, n) * 10 ** rng.integers(0, 12, n)
    a = v.astype(unit)
    a[rng.random(n) < 0.1] = np.array("NaT", dtype=unit)
    return a
'''

KINDS = ["U", "S", "M", "m"]
REC = ("rng = np.random.default_rng(5); n = 200\n"
       "r = np.zeros(n, dtype=[('x', '<i4'), ('y', '<f8'), ('s', '<U3')])\n"
       "r['x'] = rng.integers(0, 4, n); r['y'] = rng.integers(-2, 3, n) / 2; r['y'][rng.random(n) < 0.1] = np.nan\n"
       "r['s'] = rng.choice(['', 'a', 'ab', 'b'], n)")
SUB = ("rng = np.random.default_rng(6); n = 120\n"
       "q = np.zeros(n, dtype=[('p', '<i2', (2,)), ('t', '<M8[D]'), ('b', '|S2')])\n"
       "q['p'] = rng.integers(0, 3, (n, 2)); q['t'] = rng.integers(0, 3, n).astype('M8[D]')\n"
       "q['t'][rng.random(n) < 0.2] = np.array('NaT', dtype='M8[D]'); q['b'] = rng.choice([b'', b'a', b'b'], n)")


def generate(g):
    for k in KINDS:
        s = MAKE + f"a = make({k!r}, 500, 1); b = make({k!r}, 240, 2).reshape(6, 40); v = make({k!r}, 60, 3)"
        g.case(f"{k}_a", "a", setup=s)
        g.case(f"{k}_b", "b", setup=s)
        g.case(f"{k}_v", "v", setup=s)
        g.case(f"{k}_sort", "np.sort(a)", setup=s)
        g.case(f"{k}_argsort", "np.argsort(a, kind='stable')", setup=s)
        g.case(f"{k}_sort_ax0", "np.sort(b, axis=0)", setup=s)
        g.case(f"{k}_argsort_ax0", "np.argsort(b, axis=0, kind='stable')", setup=s)
        g.case(f"{k}_argsort_ax1", "np.argsort(b, kind='stable')", setup=s)
        g.case(f"{k}_sort_none", "np.sort(b, axis=None)", setup=s)
        g.case(f"{k}_sort_strided", "np.sort(b[::2, ::-3], axis=1)", setup=s)
        g.case(f"{k}_argsort_T", "np.argsort(b.T, axis=0, kind='stable')", setup=s)
        g.case(f"{k}_unique", "np.unique(a, return_index=True, return_inverse=True, return_counts=True)", setup=s)
        g.case(f"{k}_unique_2d", "np.unique(b, return_inverse=True)", setup=s)
        g.case(f"{k}_ss_left", "np.searchsorted(np.sort(a), v)", setup=s)
        g.case(f"{k}_ss_right", "np.searchsorted(np.sort(a), v.reshape(6, 10), side='right')", setup=s)
        g.case(f"{k}_ss_sorter", "np.searchsorted(a, v, sorter=np.argsort(a, kind='stable'))", setup=s)
        g.case(f"{k}_isin", "np.isin(a, v)", setup=s)
        g.case(f"{k}_intersect", "np.intersect1d(a, v)", setup=s)
        g.case(f"{k}_intersect_idx", "np.intersect1d(a, v, return_indices=True)", setup=s)
        g.case(f"{k}_union", "np.union1d(a[:50], v)", setup=s)
        g.case(f"{k}_setdiff", "np.setdiff1d(v, a[:100])", setup=s)
        g.case(f"{k}_setxor", "np.setxor1d(v, a[:100])", setup=s)
        g.case(f"{k}_lexsort", "np.lexsort((a, np.arange(500) % 3))", setup=s)
        g.case(f"{k}_part", "np.partition(a, [7, 250])[[7, 250]]", setup=s)
        g.case(f"{k}_argpart", "a[np.argpartition(a, 99)[[99]]]", setup=s)
        g.case(f"{k}_inplace", "c = b.copy(); c.sort(axis=0)", setup=s, result="c")
        g.case(f"{k}_empty", "np.sort(a[:0])", setup=s)
        g.case(f"{k}_zero_d_argsort", "np.argsort(a[3])" if k in "Mm" else "np.argsort(np.array(a[3]))", setup=s)
        g.case(f"{k}_zero_d_sort", "np.sort(np.array(a[3]))", setup=s)
    # byte order is kept
    g.case("U_big_endian", "np.sort(np.array(['b', 'ab', 'a', ''], dtype='>U2'))")
    g.case("M_big_endian", "np.sort(np.array([5, -1, 'NaT', 2], dtype='>M8[D]'))")
    g.case("U_mixed_width_ss", "np.searchsorted(np.array(['a', 'bb', 'c']), np.array(['b', 'bbb', 'c']))")
    g.case("S_U_ss", "np.searchsorted(np.array([b'a', b'bb', b'c']), np.array(['b']))")
    g.case("M_units_ss", "np.searchsorted(np.array(['2020-01-01', '2021-01-01'], dtype='M8[D]'), "
           "np.array(['2020-06-01T12:00:00'], dtype='M8[s]'))")
    g.case("M_unique_nat", "np.unique(np.array(['NaT', '2020-01-01', 'NaT', '1970-01-01'], dtype='M8[D]'), "
           "return_counts=True)")
    g.case("num_intersect_idx", "np.intersect1d(np.array([5, 1, 3, 3, 9], dtype=np.int32), "
           "np.array([3.0, np.nan, 9.0, 1.5]), return_indices=True)")
    # records
    g.case("r_x", "rx", setup=REC + "\nrx = r['x']")
    g.case("r_y", "ry", setup=REC + "\nry = r['y']")
    g.case("r_s", "rs", setup=REC + "\nrs = r['s']")
    g.case("r_argsort", "np.argsort(r, kind='stable')", setup=REC)
    g.case("r_argsort_y", "np.argsort(r, kind='stable', order='y')", setup=REC)
    g.case("r_argsort_s_x", "np.argsort(r, kind='stable', order=['s', 'x'])", setup=REC)
    for f in ("x", "y", "s"):
        g.case(f"r_sort_y_{f}", f"np.sort(r, kind='stable', order=['y'])['{f}']", setup=REC)
    g.case("r_sort_2d_x", "np.sort(r.reshape(10, 20), axis=0, order='s')['x']", setup=REC)
    g.case("r_unique_idx", "np.unique(r, return_index=True, return_counts=True)[1:]", setup=REC)
    g.case("r_ss", "np.searchsorted(np.sort(r), r[:20])", setup=REC)
    g.case("r_bad_field", "np.sort(r, order='z')", setup=REC)
    g.case("r_dup_field", "np.sort(r, order=['y', 'y'])", setup=REC)
    g.case("r_no_fields", "np.sort(np.arange(3), order='x')")
    g.case("q_p", "qp", setup=SUB + "\nqp = q['p']")
    g.case("q_t", "qt", setup=SUB + "\nqt = q['t']")
    g.case("q_b", "qb", setup=SUB + "\nqb = q['b']")
    g.case("q_argsort", "np.argsort(q, kind='stable')", setup=SUB)
    g.case("q_argsort_b", "np.argsort(q, kind='stable', order='b')", setup=SUB)
    g.case("q_argsort_t", "np.argsort(q, kind='stable', order=['t', 'b'])", setup=SUB)
