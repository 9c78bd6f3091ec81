"""align._link_arrays scores each pair of articles once and reads each unit's best match
both ways from one block: the links must be the ones the whole similarity matrix gives,
similarities bit for bit and ties resolved to the first unit, as first written."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from tabayun.core.analysis import align as align_module
from tabayun.core.analysis.align import AlignSettings, SparseRows, UnitVectors, _link_arrays, vectorize
from tabayun.core.analysis.comparison import build_normalizer
from tabayun.core.analysis.units import split_units
from tabayun.core.model import UnitKind


def reference_links(vectors: UnitVectors, settings: AlignSettings):
    """Per article: its rows of the whole matrix M @ M.T, argmax per other article, each
    column's argmax over the article's rows, the thresholds, two shared words (the whole
    matrix's product by scipy.sparse: align's own product must give the same floats)."""
    m = sparse.csr_matrix((vectors.matrix.data, vectors.matrix.indices, vectors.matrix.indptr),
                          shape=vectors.matrix.shape)
    whole = (m @ m.T.tocsr()).toarray()
    binary = (m != 0).astype(float).toarray()
    found = []
    docs = sorted(vectors.doc_rows)
    for a in docs:
        rows = vectors.doc_rows[a]
        block = whole[rows]
        back = rows[block.argmax(axis=0)]  # each unit's best row of article a (first on ties)
        for r, row in zip(rows.tolist(), block):
            for b in docs:
                if b == a:
                    continue
                cols = vectors.doc_rows[b]
                j = int(cols[row[cols].argmax()])
                s = row[j]
                mutual = back[j] == r
                if not (s >= settings.threshold or (s >= settings.mutual_threshold and mutual)):
                    continue
                if binary[r] @ binary[j] >= settings.min_shared_words:
                    found.append((min(r, j), max(r, j), s))
    first = {}
    for i, j, s in found:
        first.setdefault((i, j), s)
    links = sorted(first.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
    return [(i, j, s) for (i, j), s in links]


def as_list(arrays):
    i, j, s = arrays
    return list(zip(i.tolist(), j.tolist(), s.tolist()))


def test_sample_event_links_are_the_whole_matrix_links(sample):
    articles = sorted(sample.articles.values(), key=lambda a: a.doc_id)
    units = {a.doc_id: split_units(a)[1] for a in articles}
    body = [u for a in articles for u in units[a.doc_id] if u.kind is not UnitKind.HEADLINE]
    vectors = vectorize(body, {a.doc_id: a.text for a in articles}, build_normalizer(articles, units))
    settings = AlignSettings()
    links = as_list(_link_arrays(vectors, settings))
    assert len(links) > 30
    assert links == reference_links(vectors, settings)  # floats compared exactly


@pytest.mark.parametrize("few_articles", [0, 16])  # reductions over the block, or an argmax per article
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_links_with_many_ties_are_the_whole_matrix_links(seed, few_articles, monkeypatch):
    monkeypatch.setattr(align_module, "FEW_ARTICLES", few_articles)
    # weights of 0, 1 or 2 over few words: equal similarities everywhere, and empty units
    rng = np.random.default_rng(seed)
    sizes = [7, 1, 12, 5, 9]
    dense = rng.integers(0, 3, size=(sum(sizes), 6)).astype(float)
    norms = np.sqrt((dense ** 2).sum(axis=1))
    norms[norms == 0] = 1.0
    matrix = sparse.csr_matrix(dense / norms[:, None])
    bounds = np.cumsum([0] + sizes)
    doc_rows = {f"doc{k}": np.arange(lo, hi) for k, (lo, hi) in enumerate(zip(bounds, bounds[1:]))}
    vectors = UnitVectors(list(range(sum(sizes))), SparseRows(matrix.indptr, matrix.indices, matrix.data,
                                                              matrix.shape), doc_rows)
    settings = AlignSettings(threshold=0.6, mutual_threshold=0.4, min_shared_words=1)
    links = as_list(_link_arrays(vectors, settings))
    assert len(links) > 10
    assert links == reference_links(vectors, settings)


def scipy_tfidf(keys: list[list[str]]) -> sparse.csr_matrix:
    """The unit vectors as align built them with scipy.sparse (before its own arrays)."""
    import math
    from collections import Counter

    vocab: dict[str, int] = {}
    rows, cols, vals, df = [], [], [], Counter()
    for r, ks in enumerate(keys):
        counts = Counter(vocab.setdefault(k, len(vocab)) for k in ks)
        df.update(counts.keys())
        rows += [r] * len(counts)
        cols += list(counts)
        vals += [1.0 + math.log(n) for n in counts.values()]
    idf = np.array([math.log((len(keys) + 1) / (df[c] + 1)) + 1.0 for c in range(len(vocab))])
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(keys), len(vocab))) @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    matrix.sort_indices()
    return matrix


def test_unit_vectors_are_scipys_tfidf_bit_for_bit(sample):
    articles = sorted(sample.articles.values(), key=lambda a: a.doc_id)
    units = {a.doc_id: split_units(a)[1] for a in articles}
    every = [u for a in articles for u in units[a.doc_id]] + [units[articles[0].doc_id][0]]
    texts = {a.doc_id: a.text for a in articles}
    ours = vectorize(every, texts, build_normalizer(articles, units))
    theirs = scipy_tfidf(ours.keys)
    assert ours.matrix.shape == theirs.shape
    assert (ours.matrix.indptr == theirs.indptr).all() and (ours.matrix.indices == theirs.indices).all()
    assert (ours.matrix.data == theirs.data).all()  # floats compared exactly
