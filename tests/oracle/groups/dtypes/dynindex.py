"""Advanced indexing of string and record arrays (dynamic arrays)."""

import numpy as np

WORDS = "w = np.array([['apple', 'kiwi', 'fig'], ['plum', 'date', 'lime']])"
RECS = ("r = np.array([('Alice', 25, [1.0, 2.0, 3.0]), ('Bob', 30, [4.0, 5.0, 6.0]), ('Cy', 35, [7.0, 8.0, 9.0])], "
        "dtype=[('name', 'U10'), ('age', '<i4'), ('scores', '<f8', (3,))])")


def generate(g):
    g.case("words_rows", "w[[1, 0, 1]].tolist()", setup=WORDS)
    g.case("words_pairs", "w[[0, 1], [2, 0]].tolist()", setup=WORDS)
    g.case("words_slice_and_array", "w[:, [2, 0]].tolist()", setup=WORDS)
    g.case("words_mask", "w[np.array([[True, False, True], [False, True, False]])].tolist()", setup=WORDS)
    g.case("words_row_mask", "w[np.array([False, True])].tolist()", setup=WORDS)
    g.case("words_T_neg", "w.T[[-1, 0]].tolist()", setup=WORDS)
    g.case("words_oob", "w[[0, 2]]", setup=WORDS)
    g.case("words_mask_bad", "w[np.array([True, False, True])]", setup=WORDS)
    g.case("records_fancy_names", "r[[2, 0]]['name'].tolist()", setup=RECS)
    g.case("records_fancy_scores", "r[[2, 0]]['scores'].tolist()", setup=RECS)
    g.case("records_mask_age", "r[r['age'] > 26]['name'].tolist()", setup=RECS)
    g.case("records_repr", "repr(r[[1]])", setup=RECS)
