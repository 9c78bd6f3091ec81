"""Issue 9 item 7: similarities are computed in bounded blocks (a 3 MB article asked for
2.3 GB as one dense block). Block size must not change a single row."""

import numpy as np
from scipy import sparse

from tabayun.core.analysis import align as align_module
from tabayun.core.analysis.comparison import compare_articles


def test_tiny_blocks_give_the_same_rows_as_one_block(sample, monkeypatch):
    articles = list(sample.articles.values())
    monkeypatch.setattr(align_module, "BLOCK_ENTRIES", 10**12)
    whole = compare_articles(articles)
    monkeypatch.setattr(align_module, "BLOCK_ENTRIES", 7)  # one unit's row of a block at a time
    blocked = compare_articles(articles)
    assert [r.units for r in blocked.rows] == [r.units for r in whole.rows] == [r.units for r in sample.rows]
    assert blocked.differences == whole.differences


def test_blocked_best_matches_equal_numpy_argmax_ties_included(monkeypatch):
    rng = np.random.default_rng(5)
    a = sparse.csr_matrix(rng.integers(0, 3, size=(37, 9)).astype(float))  # many ties and zero rows
    b = sparse.csr_matrix(rng.integers(0, 3, size=(23, 9)).astype(float))
    dense = (a @ b.T).toarray()
    for bound in (1, 23, 50, 10**9):
        monkeypatch.setattr(align_module, "BLOCK_ENTRIES", bound)
        best, best_sim, best_back = align_module._best_matches(a, b.T.tocsc())
        assert (best == dense.argmax(axis=1)).all() and (best_back == dense.argmax(axis=0)).all()
        assert (best_sim == dense.max(axis=1)).all()
