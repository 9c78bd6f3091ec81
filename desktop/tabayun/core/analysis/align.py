"""Align the units of an event's articles into rows, one claim per row.

How:

1. Each unit becomes a TF-IDF vector over its matching keys (:mod:`normalize`),
   function words left out, so sentences that share only common words ("met his
   counterpart") score low while a paraphrased or retranslated quote that keeps its
   names and content words scores high.
2. For every unit and every other article, its best match there (and that match's
   best back) are candidate links: a claim is found wherever it stands.
3. Links are taken strongest first into clusters (single-link, deterministic), with
   two guards: an article may give a row only one run of adjacent units (at most
   ``max_units_per_doc``: one outlet splits in two what another says in one), and
   the merged cluster's centroids must still agree, so chains of loosely related
   sentences do not snowball.
4. Rows are ordered so that reading top to bottom follows the articles.

Headlines are aligned among themselves the same way, in rows on top. Articles are processed in doc_id order, so the
result does not depend on the order the files were given in.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np

from ..model import Row, Unit, UnitKind
from .normalize import Normalizer, tokenize


@dataclass(frozen=True)
class AlignSettings:
    threshold: float = 0.30  # cosine similarity at which a unit joins its best match's row
    mutual_threshold: float = 0.20  # lower bar when the two units are each other's best match
    cluster_agreement: float = 0.22  # minimum cosine between two clusters' centroids to merge
    max_units_per_doc: int = 2  # adjacent units one article may give a row
    min_shared_words: int = 2  # a single shared word never makes two units one claim


@dataclass
class SparseRows:
    """A sparse matrix in compressed rows (scipy's CSR layout, in numpy arrays: importing
    scipy.sparse cost a quarter of a second, more than aligning a 40-outlet event's units):
    row r's columns are ``indices[indptr[r]:indptr[r + 1]]``, in increasing order, and its
    values the same stretch of ``data``."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    shape: tuple[int, int]

    def row_of_entries(self) -> np.ndarray:
        return np.repeat(np.arange(self.shape[0]), np.diff(self.indptr))


@dataclass
class UnitVectors:
    """Unit features for one event: a row-normalised TF-IDF matrix plus lookups."""

    units: list[Unit]
    matrix: SparseRows
    doc_rows: dict[str, np.ndarray]  # doc_id -> matrix rows of its units
    keys: list[list[str]] = field(default_factory=list)


def unit_keys(unit: Unit, text: str, normalizer: Normalizer, memo: dict[str, str | None] | None = None
              ) -> list[str]:
    """The content-word matching keys of a unit (function words and 1-letter tokens dropped).
    ``memo`` (folded token -> its key, or None when dropped) saves asking again per token."""
    memo = {} if memo is None else memo
    folded = [tok.folded for tok in tokenize(text, unit.start, unit.end)]
    for word in folded:
        if word not in memo:
            key = None if normalizer.is_stopword(word) else normalizer.key(word)
            memo[word] = key if key is not None and (len(key) > 1 or key.isdigit()) else None
    return [key for key in map(memo.__getitem__, folded) if key is not None]


def vectorize(units: list[Unit], texts: dict[str, str], normalizer: Normalizer) -> UnitVectors:
    memo: dict[str, str | None] = {}
    keys = [unit_keys(u, texts[u.doc_id], normalizer, memo) for u in units]
    vocab: dict[str, int] = {}
    lengths, cols, counts = [], [], []
    for ks in keys:
        for k in ks:
            if k not in vocab:
                vocab[k] = len(vocab)
        # each row's words in column order: the similarities are symmetric bit for bit
        row = sorted(Counter(map(vocab.__getitem__, ks)).items())
        lengths.append(len(row))
        cols += [c for c, _ in row]
        counts += [n for _, n in row]
    weight = {n: 1.0 + math.log(n) for n in set(counts)}  # 1 + log(count)
    indices = np.array(cols, dtype=np.int64)
    indptr = np.zeros(len(units) + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    n_units = max(len(units), 1)
    df = np.bincount(indices, minlength=len(vocab)).tolist()  # units holding each word
    idf = np.array([math.log((n_units + 1) / (d + 1)) + 1.0 for d in df])
    tfidf = np.array([weight[n] for n in counts], dtype=np.float64) * idf[indices]
    # each row's length, its squares summed as scipy.sparse sums a row (the same numpy call,
    # so every similarity is the same float as when scipy computed it)
    norms = np.zeros(len(units))
    filled = np.flatnonzero(lengths)
    if len(filled):
        norms[filled] = np.add.reduceat(tfidf * tfidf, indptr[filled])
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    matrix = SparseRows(indptr, indices, (1.0 / norms)[np.repeat(np.arange(len(units)), lengths)] * tfidf,
                        (len(units), len(vocab)))
    doc_rows: dict[str, list[int]] = defaultdict(list)
    for r, u in enumerate(units):
        doc_rows[u.doc_id].append(r)
    return UnitVectors(units, matrix, {d: np.array(r) for d, r in doc_rows.items()}, keys)


# Similarities are computed for a slice of one article's units against all units at a
# time, at most this many (8 bytes each) held at once: a long article's units against all
# others as one dense block asked for 2.3 GB at 3 MB of text.
BLOCK_ENTRIES = 2_000_000

# At most this many products of two units' word weights are spelled out at once (a few
# arrays of 8 bytes each): a slice of units sharing common words with many others is
# worked out in smaller slices.
PRODUCTS_AT_ONCE = 4_000_000

# Up to this many articles in a block, each unit's best match per article is found by an
# argmax per article; beyond, by reductions over the whole block.
FEW_ARTICLES = 16


def candidate_links(vectors: UnitVectors, settings: AlignSettings) -> dict[tuple[int, int], float]:
    """(i, j) -> similarity for unit rows i < j in different articles where one is the
    other's best match above ``threshold``, or both are each other's above ``mutual_threshold``."""
    i, j, sim = _link_arrays(vectors, settings)
    return dict(zip(zip(i.tolist(), j.tolist()), sim.tolist()))


def _link_arrays(vectors: UnitVectors, settings: AlignSettings) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate links as arrays (i < j, similarity), strongest first (ties: i, j).

    The similarity matrix is symmetric bit for bit (each unit's words are in column order,
    so both products sum the same terms in the same order): each pair of articles is
    scored once, a block of the earlier one's units against the later ones' units giving
    each unit's best match in the other article both ways, and the words they share
    (:func:`_best_per_article`). The rest is array work, so the cost per pair of articles is
    a share of a few numpy calls, not a Python loop over units."""
    matrix = vectors.matrix
    columns = _Columns(matrix)
    docs = sorted(vectors.doc_rows)
    # the units of each article are one contiguous run of matrix rows (units come doc by doc)
    starts = np.array([vectors.doc_rows[d][0] for d in docs], dtype=np.int64)
    lengths = np.array([len(vectors.doc_rows[d]) for d in docs], dtype=np.int64)
    n = len(vectors.units)
    # each unit's best match in each article, its similarity (first unit on ties) and the
    # content words the two share
    best = np.zeros((n, len(docs)), dtype=np.int64)
    best_sim = np.zeros((n, len(docs)))
    best_shared = np.zeros((n, len(docs)), dtype=np.int64)
    for k in range(len(docs) - 1):
        lo, hi = starts[k], starts[k] + lengths[k]
        fwd, back = _best_per_article(matrix, columns, lo, hi, starts[k + 1:] - hi, lengths[k + 1:])
        best[lo:hi, k + 1:], best_sim[lo:hi, k + 1:], best_shared[lo:hi, k + 1:] = fwd[0] + hi, fwd[1], fwd[2]
        best[hi:, k], best_sim[hi:, k], best_shared[hi:, k] = back[0] + lo, back[1], back[2]
    # all articles at once: (unit, article) in row-major order is article by article
    doc_of = np.repeat(np.arange(len(docs)), lengths)
    units = np.arange(n)
    mutual = best[best, doc_of[:, None]] == units[:, None]
    keep = (best_sim >= settings.threshold) | ((best_sim >= settings.mutual_threshold) & mutual)
    keep &= best_shared >= settings.min_shared_words
    keep[units, doc_of] = False
    i, doc = np.nonzero(keep)
    j, sim = best[i, doc], best_sim[i, doc]
    i, j = np.minimum(i, j), np.maximum(i, j)
    # one entry per pair (both directions find it with the same similarity)
    pair = i.astype(np.int64) * (len(vectors.units) + 1) + j
    _, first = np.unique(pair, return_index=True)
    i, j, sim = i[first], j[first], sim[first]
    order = np.lexsort((j, i, -sim))
    return i[order], j[order], sim[order]


class _Columns:
    """A SparseRows matrix by columns: column c's rows in increasing order are
    ``rows[ptr[c]:ptr[c + 1]]``, their values the same stretch of ``data``."""

    def __init__(self, m: SparseRows):
        order = np.argsort(m.indices, kind="stable")
        self.ptr = np.zeros(m.shape[1] + 1, dtype=np.int64)
        np.cumsum(np.bincount(m.indices, minlength=m.shape[1]), out=self.ptr[1:])
        self.rows = m.row_of_entries()[order]
        self.data = m.data[order]
        self.m = m

    def from_row(self, first_row: int) -> np.ndarray:
        """Per column, where its rows from ``first_row`` on begin in ``rows``."""
        m = self.m
        return self.ptr[:-1] + np.bincount(m.indices[:m.indptr[first_row]], minlength=m.shape[1])


def _products(m: SparseRows, columns: _Columns, begin: np.ndarray, lo: int, hi: int, first_row: int
              ) -> tuple[np.ndarray, np.ndarray]:
    """For rows lo..hi of ``m`` against its rows from ``first_row`` on (``begin``:
    ``columns.from_row(first_row)``), as dense blocks: the similarities, and how many words
    each pair shares.

    Each similarity sums its products in increasing column order, starting from 0, as
    scipy.sparse's product does (numpy's bincount adds its weights in the order given):
    the same float to the last bit, whatever the slicing."""
    n_b = m.shape[0] - first_row
    entries = slice(m.indptr[lo], m.indptr[hi])
    cols = m.indices[entries]
    start = begin[cols]
    count = columns.ptr[cols + 1] - start  # products per entry: its column's later rows
    # every product of an entry of rows lo..hi with an entry of its column in the later rows,
    # entry by entry (so each pair's products come in column order)
    ends = np.cumsum(count)
    at = np.arange(ends[-1] if len(ends) else 0) + np.repeat(start - (ends - count), count)
    cell = np.repeat(np.repeat(np.arange(hi - lo) * n_b - first_row, np.diff(m.indptr[lo:hi + 1])), count)
    cell += columns.rows[at]
    size = (hi - lo) * n_b
    sims = np.bincount(cell, weights=np.repeat(m.data[entries], count) * columns.data[at], minlength=size)
    shared = np.bincount(cell, minlength=size)
    return sims.reshape(hi - lo, n_b), shared.reshape(hi - lo, n_b)


def _slices(m: SparseRows, columns: _Columns, begin: np.ndarray, lo: int, hi: int, rows_at_once: int
            ) -> list[tuple[int, int]]:
    """Rows lo..hi in consecutive slices of at most ``rows_at_once`` rows and (but for a
    single row) PRODUCTS_AT_ONCE products."""
    cols = m.indices[m.indptr[lo]:m.indptr[hi]]
    products = np.concatenate(([0], np.cumsum(columns.ptr[cols + 1] - begin[cols])))
    total = products[m.indptr[lo:hi + 1] - m.indptr[lo]]  # before each row, and after the last
    out = []
    a = 0
    while a < hi - lo:
        b = min(hi - lo, a + rows_at_once, int(np.searchsorted(total, total[a] + PRODUCTS_AT_ONCE, "right")) - 1)
        b = max(b, a + 1)
        out.append((lo + a, lo + b))
        a = b
    return out


Best = tuple[np.ndarray, np.ndarray, np.ndarray]  # index of the best match, its similarity, shared words


def _best_per_article(m: SparseRows, columns: _Columns, lo: int, hi: int, starts: np.ndarray,
                      lengths: np.ndarray) -> tuple[Best, Best]:
    """For S = rows lo..hi of ``m`` against its rows from ``hi`` on, whose rows are
    articles' units in runs (``starts``, ``lengths``, counted from ``hi``), without holding S
    whole (slices of rows lo..hi, at most BLOCK_ENTRIES at once): for each row and each
    article its best column, that similarity (the first column on ties, as numpy's argmax)
    and the words the two share, and for each column its best row, that similarity and the
    words they share."""
    n_a, n_b = hi - lo, m.shape[0] - hi
    column = np.arange(n_b)
    best = np.zeros((n_a, len(starts)), dtype=np.int64)
    best_sim = np.zeros((n_a, len(starts)))
    best_shared = np.zeros((n_a, len(starts)), dtype=np.int64)
    col_best = np.zeros(n_b, dtype=np.int64)
    col_max = np.full(n_b, -np.inf)
    col_shared = np.zeros(n_b, dtype=np.int64)
    begin = columns.from_row(hi)
    for s_lo, s_hi in _slices(m, columns, begin, lo, hi, max(1, BLOCK_ENTRIES // max(n_b, 1))):
        block, shared = _products(m, columns, begin, s_lo, s_hi, hi)
        rows = np.arange(block.shape[0])
        at = slice(s_lo - lo, s_hi - lo)
        if len(starts) <= FEW_ARTICLES:  # an argmax per article: one pass along memory each
            for k, (s, n) in enumerate(zip(starts.tolist(), lengths.tolist())):
                top = block[:, s:s + n].argmax(axis=1) + s
                best[at, k], best_sim[at, k], best_shared[at, k] = top, block[rows, top], shared[rows, top]
        else:  # many short articles: a few passes over the whole block, not a call per article
            sims = np.maximum.reduceat(block, starts, axis=1)  # per row, per article
            is_best = block == np.repeat(sims, lengths, axis=1)
            top = np.minimum.reduceat(np.where(is_best, column, n_b), starts, axis=1)
            best[at], best_sim[at], best_shared[at] = top, sims, shared[rows[:, None], top]
        top = np.ascontiguousarray(block.T).argmax(axis=1)  # faster than argmax on axis 0
        top_sim = block[top, column]
        better = top_sim > col_max  # strictly: an earlier slice keeps a tie, like argmax
        col_best[better] = top[better] + (s_lo - lo)
        col_max[better] = top_sim[better]
        col_shared[better] = shared[top[better], column[better]]
    return (best, best_sim, best_shared), (col_best, np.maximum(col_max, 0.0), col_shared)


class _Clusters:
    """Union of units into rows under the alignment's guards."""

    def __init__(self, vectors: UnitVectors, settings: AlignSettings):
        self.v = vectors
        self.s = settings
        n = len(vectors.units)
        self.parent = list(range(n))
        # per root: doc -> sorted unit indices, and an (unnormalised) centroid as a dict
        # {column: weight}: merging and comparing a few dozen terms in Python is far cheaper
        # than a scipy sparse operation per candidate link
        self.members: dict[int, dict[str, list[int]]] = {
            r: {u.doc_id: [u.index]} for r, u in enumerate(vectors.units)
        }
        self.centroid: dict[int, dict[int, float]] = {}
        # the matrix as Python lists once: a unit's centroid is made of slices of them, not of
        # numpy calls per unit
        m = vectors.matrix
        self._ptr, self._cols, self._vals = m.indptr.tolist(), m.indices.tolist(), m.data.tolist()
        self.norm2: dict[int, float] = {}
        # pairs of clusters found incompatible, as they were (a root's version counts its
        # merges): with many outlets the same two clusters meet again through many links
        self.version: dict[int, int] = defaultdict(int)
        self.rejected: set[tuple[int, int, int, int]] = set()

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def _centroid(self, root: int) -> dict[int, float]:
        if root not in self.centroid:
            lo, hi = self._ptr[root], self._ptr[root + 1]
            self.centroid[root] = dict(zip(self._cols[lo:hi], self._vals[lo:hi]))
            self.norm2[root] = sum(x * x for x in self.centroid[root].values())
        return self.centroid[root]

    def _compatible(self, ra: int, rb: int) -> bool:
        ma, mb = self.members[ra], self.members[rb]
        for doc in ma.keys() & mb.keys():
            merged = sorted(ma[doc] + mb[doc])
            if len(merged) > self.s.max_units_per_doc or merged[-1] - merged[0] != len(merged) - 1:
                return False
        ca, cb = self._centroid(ra), self._centroid(rb)
        small, large = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
        dot = sum(x * large.get(k, 0.0) for k, x in small.items())
        norm = math.sqrt(self.norm2[ra] * self.norm2[rb]) or 1.0
        return dot / norm >= self.s.cluster_agreement

    def join(self, ra: int, rb: int) -> bool:
        """Merge the rows of two different roots if the guards allow it."""
        if rb < ra:
            ra, rb = rb, ra
        seen = (ra, self.version[ra], rb, self.version[rb])
        if seen in self.rejected:
            return False
        if not self._compatible(ra, rb):
            self.rejected.add(seen)
            return False
        self.version[ra] += 1
        self.parent[rb] = ra
        for doc, idx in self.members.pop(rb).items():
            self.members[ra][doc] = sorted(self.members[ra].get(doc, []) + idx)
        merged, other = self._centroid(ra), self._centroid(rb)
        for k, x in other.items():
            merged[k] = merged.get(k, 0.0) + x
        del self.centroid[rb], self.norm2[rb]
        self.norm2[ra] = sum(x * x for x in merged.values())
        return True

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def _row_similarities(clusters: "_Clusters", i: np.ndarray, j: np.ndarray, sim: np.ndarray) -> dict[int, float]:
    """Per cluster root, the mean similarity of the links inside it."""
    root = np.array([clusters.find(u) for u in range(len(clusters.parent))], dtype=np.int64)
    inside = root[i] == root[j]
    total = np.bincount(root[i][inside], weights=sim[inside], minlength=len(root))
    count = np.bincount(root[i][inside], minlength=len(root))
    return {int(r): round(float(total[r] / count[r]), 4) for r in np.nonzero(count)[0]}


def _cluster(vectors: UnitVectors, settings: AlignSettings) -> tuple[list[list[int]], dict[int, float]]:
    """Groups of unit rows (each sorted), and each group's mean link similarity by its first member."""
    i, j, sim = _link_arrays(vectors, settings)
    clusters = _Clusters(vectors, settings)
    # union by roots, find() inlined: with many outlets most of the (hundreds of
    # thousands of) links join units already in one row, and a call per link showed
    parent = clusters.parent
    for a, b in zip(i.tolist(), j.tolist()):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        while parent[b] != b:
            parent[b] = parent[parent[b]]
            b = parent[b]
        if a != b:
            clusters.join(a, b)
    by_root = _row_similarities(clusters, i, j, sim)
    groups = []
    sims = {}
    for members in clusters.groups():
        members.sort()
        groups.append(members)
        sims[members[0]] = by_root.get(clusters.find(members[0]), 0.0)
    return groups, sims


def _order(groups: list[dict[str, list[Unit]]], sizes: dict[str, int]) -> list[dict[str, list[Unit]]]:
    """Rows in reading order: the claims several outlets share are ordered first
    (:func:`_order_shared`), then each claim only one article reports goes next to its
    neighbour in that article, so an article's own material (or an article about
    another event) does not push the shared story down the grid."""
    shared = [g for g in groups if len(g) > 1]
    ordered = _order_shared(shared, sizes)
    before: dict[int, list[dict[str, list[Unit]]]] = defaultdict(list)
    after: dict[int, list[dict[str, list[Unit]]]] = defaultdict(list)
    trailing: list[dict[str, list[Unit]]] = []
    slot = {id(g): k for k, g in enumerate(ordered)}
    for doc in sizes:
        chain = sorted((g[doc][0].index, id(g), g) for g in groups if doc in g)
        last_shared: int | None = None
        waiting: list[dict[str, list[Unit]]] = []
        for _, gid, g in chain:
            if gid in slot:
                if waiting:  # singletons before the article's first shared claim
                    before[slot[gid]].extend(waiting)
                    waiting = []
                last_shared = slot[gid]
            elif last_shared is None:
                waiting.append(g)
            else:
                after[last_shared].append(g)
        trailing.extend(waiting)  # an article that shares nothing: at the end
    out = []
    for k, g in enumerate(ordered):
        out += before[k] + [g] + after[k]
    return out + trailing


def _order_shared(groups: list[dict[str, list[Unit]]], sizes: dict[str, int]) -> list[dict[str, list[Unit]]]:
    """Order groups so that each article's units read top to bottom where possible.

    Each article asks for its groups in its own reading order: an edge from each
    group to the next one of that article. When outlets order facts differently these
    wishes form cycles; the greedy feedback-arc-set heuristic of Eades, Lin and Smyth
    (1993) breaks the fewest of them, taking sources first and sinks last and, when
    neither exists, the group that more articles want early.
    """
    def position(g: int) -> tuple[float, str, int]:
        grp = groups[g]
        rel = sum(units[0].index / max(sizes[d], 1) for d, units in grp.items()) / len(grp)
        d0 = min(grp)
        return rel, d0, grp[d0][0].index

    succ: dict[int, Counter[int]] = defaultdict(Counter)
    pred: dict[int, Counter[int]] = defaultdict(Counter)
    by_doc: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for g, grp in enumerate(groups):
        for d, units in grp.items():
            by_doc[d].append((units[0].index, g))
    for chain in by_doc.values():
        chain.sort()
        for (_, a), (_, b) in zip(chain, chain[1:]):
            succ[a][b] += 1
            pred[b][a] += 1

    # Sources and sinks wait in heaps (a group stays one once it is one: edges only go),
    # not re-sorted at every step: the order is the same, in n log n instead of n² log n.
    positions = [position(g) for g in range(len(groups))]
    rank = [0] * len(groups)  # positions are distinct (a unit is in one group): their ranks order them
    for r, g in enumerate(sorted(range(len(groups)), key=positions.__getitem__)):
        rank[g] = r
    pending = set(range(len(groups)))
    head: list[int] = []
    tail: list[int] = []
    # among the claims ready to go, those more outlets report first: the shared story on
    # top, what one article alone tells (or an article about another event) after it
    sources = [(-len(groups[g]), rank[g], g) for g in pending if not pred[g]]
    sinks = [(-rank[g], g) for g in pending if not succ[g]]
    heapq.heapify(sources)
    heapq.heapify(sinks)
    # When neither exists (a cycle): the group with the most wishes to go early (out minus
    # in), then the earliest; on a tie the lowest number (as max over the set found it).
    # Its entries go stale as edges go: an entry is used only if its balance is current.
    balance = [sum(succ[g].values()) - sum(pred[g].values()) for g in range(len(groups))]
    cycle = [(-balance[g], positions[g][0], g) for g in pending]
    heapq.heapify(cycle)

    def remove(g: int) -> None:
        pending.discard(g)
        for b, count in succ.pop(g, {}).items():
            del pred[b][g]
            balance[b] += count
            if b in pending:
                heapq.heappush(cycle, (-balance[b], positions[b][0], b))
                if not pred[b]:
                    heapq.heappush(sources, (-len(groups[b]), rank[b], b))
        for a, count in pred.pop(g, {}).items():
            del succ[a][g]
            balance[a] -= count
            if a in pending:
                heapq.heappush(cycle, (-balance[a], positions[a][0], a))
                if not succ[a]:
                    heapq.heappush(sinks, (-rank[a], a))

    while pending:
        while sources and sources[0][-1] not in pending:
            heapq.heappop(sources)
        while sinks and sinks[0][-1] not in pending:
            heapq.heappop(sinks)
        if sources:
            g = heapq.heappop(sources)[-1]
            head.append(g)
        elif sinks:
            g = heapq.heappop(sinks)[-1]
            tail.append(g)
        else:
            while cycle[0][-1] not in pending or -cycle[0][0] != balance[cycle[0][-1]]:
                heapq.heappop(cycle)
            g = heapq.heappop(cycle)[-1]
            head.append(g)
        remove(g)
    return [groups[g] for g in head + tail[::-1]]


def _headline_groups(heads: list[Unit], texts: dict[str, str], normalizer: Normalizer,
                     settings: AlignSettings) -> list[tuple[dict[str, tuple[Unit, ...]], float]]:
    """Headlines join rows by similarity, as claims do (a headline about another event, or
    one outlet's second headline on another point, is not diffed against the others'):
    rows of several outlets first, then in the first outlet's order."""
    if not heads:
        return []
    members_list, sims = _cluster(vectorize(heads, texts, normalizer), settings)
    out = []
    for members in members_list:
        grp: dict[str, list[Unit]] = defaultdict(list)
        for m in members:
            grp[heads[m].doc_id].append(heads[m])
        out.append(({d: tuple(grp[d]) for d in sorted(grp)}, sims[members[0]], members[0]))
    out.sort(key=lambda g: (-len(g[0]), g[2]))
    return [(grp, sim) for grp, sim, _ in out]


def align(units_by_doc: dict[str, list[Unit]], texts: dict[str, str], normalizer: Normalizer,
          settings: AlignSettings | None = None) -> list[Row]:
    """Rows of the event: the headline rows first (if any article has a headline), then claims."""
    settings = settings or AlignSettings()
    docs = sorted(units_by_doc)
    headlines = {d: tuple(u for u in units_by_doc[d] if u.kind is UnitKind.HEADLINE) for d in docs}
    body = [u for d in docs for u in units_by_doc[d] if u.kind is not UnitKind.HEADLINE]
    members_list, member_sims = _cluster(vectorize(body, texts, normalizer), settings)
    groups = []
    sims = {}
    for members in members_list:
        grp: dict[str, list[Unit]] = defaultdict(list)
        for m in members:
            grp[body[m].doc_id].append(body[m])
        groups.append(dict(grp))
        sims[id(groups[-1])] = member_sims[members[0]]
    sizes = {d: len(units_by_doc[d]) for d in docs}
    rows: list[Row] = []
    for grp, sim in _headline_groups([u for d in docs for u in headlines[d]], texts, normalizer, settings):
        rows.append(Row(len(rows), grp, UnitKind.HEADLINE, sim))
    for grp in _order(groups, sizes):
        rows.append(Row(len(rows), {d: tuple(grp[d]) for d in sorted(grp)}, UnitKind.SENTENCE, sims[id(grp)]))
    return rows
