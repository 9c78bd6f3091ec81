"""Issue 9 item 7: similarities are computed in bounded blocks (a 3 MB article asked for
2.3 GB as one dense block). Block size must not change a single row."""

import numpy as np

from tabayun.core.analysis import align as align_module
from tabayun.core.analysis.align import SparseRows
from tabayun.core.analysis.comparison import compare_articles


def test_tiny_blocks_give_the_same_rows_as_one_block(sample, monkeypatch):
    articles = list(sample.articles.values())
    monkeypatch.setattr(align_module, "BLOCK_ENTRIES", 10**12)
    monkeypatch.setattr(align_module, "PRODUCTS_AT_ONCE", 10**12)
    whole = compare_articles(articles)
    monkeypatch.setattr(align_module, "BLOCK_ENTRIES", 7)  # one unit's row of a block at a time
    blocked = compare_articles(articles)
    monkeypatch.setattr(align_module, "BLOCK_ENTRIES", 10**12)
    monkeypatch.setattr(align_module, "PRODUCTS_AT_ONCE", 5)  # products bound the slices instead
    sliced = compare_articles(articles)
    assert [r.units for r in blocked.rows] == [r.units for r in whole.rows] == [r.units for r in sample.rows]
    assert [r.units for r in sliced.rows] == [r.units for r in whole.rows]
    assert blocked.differences == whole.differences == sliced.differences


def sparse_rows(dense: np.ndarray) -> SparseRows:
    rows, cols = np.nonzero(dense)  # row by row, columns in increasing order
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=len(dense)))))
    return SparseRows(indptr, cols, dense[rows, cols], dense.shape)


def test_blocked_best_matches_equal_numpy_argmax_ties_included(monkeypatch):
    rng = np.random.default_rng(5)
    a = rng.integers(0, 3, size=(37, 9)).astype(float)  # many ties and zero rows
    b = rng.integers(0, 3, size=(23, 9)).astype(float)
    dense = a @ b.T
    shared = (a != 0).astype(int) @ (b != 0).astype(int).T
    m = sparse_rows(np.vstack([a, b]))
    columns = align_module._Columns(m)
    for bound in (1, 23, 50, 10**9):
        for products in (1, 40, 10**9):
            monkeypatch.setattr(align_module, "BLOCK_ENTRIES", bound)
            monkeypatch.setattr(align_module, "PRODUCTS_AT_ONCE", products)
            (best, best_sim, best_shared), (back, back_sim, back_shared) = align_module._best_per_article(
                m, columns, 0, len(a), np.array([0]), np.array([len(b)]))
            assert (best[:, 0] == dense.argmax(axis=1)).all() and (back == dense.argmax(axis=0)).all()
            assert (best_sim[:, 0] == dense.max(axis=1)).all() and (back_sim == dense.max(axis=0)).all()
            assert (best_shared[:, 0] == shared[np.arange(len(a)), best[:, 0]]).all()
            assert (back_shared == shared[back, np.arange(len(b))]).all()
