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
from scipy import sparse

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
class UnitVectors:
    """Unit features for one event: a row-normalised TF-IDF matrix plus lookups."""

    units: list[Unit]
    matrix: sparse.csr_matrix
    doc_rows: dict[str, np.ndarray]  # doc_id -> matrix rows of its units
    keys: list[list[str]] = field(default_factory=list)


def unit_keys(unit: Unit, text: str, normalizer: Normalizer, memo: dict[str, str | None] | None = None
              ) -> list[str]:
    """The content-word matching keys of a unit (function words and 1-letter tokens dropped).
    ``memo`` (folded token -> its key, or None when dropped) saves asking again per token."""
    memo = {} if memo is None else memo
    keys = []
    for tok in tokenize(text, unit.start, unit.end):
        folded = tok.folded
        if folded not in memo:
            key = None if normalizer.is_stopword(folded) else normalizer.key(folded)
            memo[folded] = key if key is not None and (len(key) > 1 or key.isdigit()) else None
        key = memo[folded]
        if key is not None:
            keys.append(key)
    return keys


def vectorize(units: list[Unit], texts: dict[str, str], normalizer: Normalizer) -> UnitVectors:
    memo: dict[str, str | None] = {}
    keys = [unit_keys(u, texts[u.doc_id], normalizer, memo) for u in units]
    vocab: dict[str, int] = {}
    df: dict[int, int] = defaultdict(int)
    rows, cols, vals = [], [], []
    weight = {1: 1.0}  # 1 + log(count), once per count
    for r, ks in enumerate(keys):
        counts = Counter(vocab.setdefault(k, len(vocab)) for k in ks)
        for c, n in counts.items():
            df[c] += 1
            w = weight.get(n)
            if w is None:
                w = weight[n] = 1.0 + math.log(n)
            vals.append(w)
        rows.extend([r] * len(counts))
        cols.extend(counts)
    n_units = max(len(units), 1)
    idf = np.ones(len(vocab))
    for c, d in df.items():
        idf[c] = math.log((n_units + 1) / (d + 1)) + 1.0
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(len(units), len(vocab)), dtype=np.float64)
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    matrix.sort_indices()  # each row's words in column order: the similarities are symmetric bit for bit
    doc_rows: dict[str, list[int]] = defaultdict(list)
    for r, u in enumerate(units):
        doc_rows[u.doc_id].append(r)
    return UnitVectors(units, matrix, {d: np.array(r) for d, r in doc_rows.items()}, keys)


# Similarities are computed for a slice of one article's units against all units at a
# time, at most this many (8 bytes each) held at once: a long article's units against all
# others as one dense block asked for 2.3 GB at 3 MB of text.
BLOCK_ENTRIES = 2_000_000


# Up to this many articles in a block, each unit's best match per article is found by an
# argmax per article; beyond, by reductions over the whole block.
FEW_ARTICLES = 16

# Kept pairs whose shared words are counted at once: all of 200 outlets' (900,000) at once
# asked for 1.7 GB.
PAIRS_AT_ONCE = 20_000


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
    each unit's best match in the other article both ways (:func:`_best_per_article`). The
    rest is array work, so the cost per pair of articles is a share of a few numpy calls,
    not a Python loop over units."""
    matrix = vectors.matrix
    binary = matrix.copy()
    binary.data[:] = 1.0  # shared content words, counted by a product of 0/1 rows
    docs = sorted(vectors.doc_rows)
    # the units of each article are one contiguous run of matrix rows (units come doc by doc)
    starts = np.array([vectors.doc_rows[d][0] for d in docs], dtype=np.int64)
    lengths = np.array([len(vectors.doc_rows[d]) for d in docs], dtype=np.int64)
    n = len(vectors.units)
    # each unit's best match in each article and its similarity (first unit on ties)
    best = np.zeros((n, len(docs)), dtype=np.int64)
    best_sim = np.zeros((n, len(docs)))
    for k in range(len(docs) - 1):
        lo, hi = starts[k], starts[k] + lengths[k]
        later_t = matrix[hi:].T.tocsr()
        fwd, fwd_sim, back, back_sim = _best_per_article(matrix[lo:hi], later_t, starts[k + 1:] - hi, lengths[k + 1:])
        best[lo:hi, k + 1:] = fwd + hi
        best_sim[lo:hi, k + 1:] = fwd_sim
        best[hi:, k] = back + lo
        best_sim[hi:, k] = back_sim
    # all articles at once: (unit, article) in row-major order is article by article
    doc_of = np.repeat(np.arange(len(docs)), lengths)
    units = np.arange(n)
    mutual = best[best, doc_of[:, None]] == units[:, None]
    keep = (best_sim >= settings.threshold) | ((best_sim >= settings.mutual_threshold) & mutual)
    keep[units, doc_of] = False
    i, doc = np.nonzero(keep)
    j, sim = best[i, doc], best_sim[i, doc]
    # shared content words of the kept pairs only (a full product would cost as much again)
    shared = np.zeros(len(i))
    for lo in range(0, len(i), PAIRS_AT_ONCE):
        at = slice(lo, lo + PAIRS_AT_ONCE)
        shared[at] = np.asarray(binary[i[at]].multiply(binary[j[at]]).sum(axis=1)).ravel()
    ok = shared >= settings.min_shared_words
    i, j, sim = np.minimum(i[ok], j[ok]), np.maximum(i[ok], j[ok]), sim[ok]
    # one entry per pair (both directions find it with the same similarity)
    pair = i.astype(np.int64) * (len(vectors.units) + 1) + j
    _, first = np.unique(pair, return_index=True)
    i, j, sim = i[first], j[first], sim[first]
    order = np.lexsort((j, i, -sim))
    return i[order], j[order], sim[order]


def _best_per_article(a: sparse.csr_matrix, b_t: sparse.csr_matrix, starts: np.ndarray, lengths: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For S = a @ b_t, whose columns are articles' units in runs (``starts``, ``lengths``),
    without holding S whole (slices of a's rows, at most BLOCK_ENTRIES at once): for each
    row and each article its best column and that similarity (the first column on ties, as
    numpy's argmax), and for each column its best row and that similarity."""
    n_a, n_b = a.shape[0], b_t.shape[1]
    column = np.arange(n_b)
    best = np.zeros((n_a, len(starts)), dtype=np.int64)
    best_sim = np.zeros((n_a, len(starts)))
    col_best = np.zeros(n_b, dtype=np.int64)
    col_max = np.full(n_b, -np.inf)
    step = max(1, BLOCK_ENTRIES // max(n_b, 1))
    for lo in range(0, n_a, step):
        block = (a[lo:lo + step] @ b_t).toarray()
        if len(starts) <= FEW_ARTICLES:  # an argmax per article: one pass along memory each
            rows = np.arange(block.shape[0])
            for k, (s, n) in enumerate(zip(starts.tolist(), lengths.tolist())):
                top = block[:, s:s + n].argmax(axis=1)
                best[lo:lo + step, k] = top + s
                best_sim[lo:lo + step, k] = block[rows, top + s]
        else:  # many short articles: a few passes over the whole block, not a call per article
            sims = np.maximum.reduceat(block, starts, axis=1)  # per row, per article
            is_best = block == np.repeat(sims, lengths, axis=1)
            best[lo:lo + step] = np.minimum.reduceat(np.where(is_best, column, n_b), starts, axis=1)
            best_sim[lo:lo + step] = sims
        top = np.ascontiguousarray(block.T).argmax(axis=1)  # faster than argmax on axis 0
        top_sim = block[top, column]
        better = top_sim > col_max  # strictly: an earlier slice keeps a tie, like argmax
        col_best[better] = top[better] + lo
        col_max[better] = top_sim[better]
    return best, best_sim, col_best, np.maximum(col_max, 0.0)


def _best_matches(a: sparse.csr_matrix, b_t: sparse.csc_matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the similarity matrix S = a @ b_t, without holding it whole: each row's argmax
    and max, and each column's argmax (the first index on ties, as numpy's argmax)."""
    best, best_sim, col_best, _ = _best_per_article(a, sparse.csr_matrix(b_t), np.array([0]), np.array([b_t.shape[1]]))
    return best[:, 0], best_sim[:, 0], col_best


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
            m = self.v.matrix
            lo, hi = m.indptr[root], m.indptr[root + 1]
            self.centroid[root] = dict(zip(m.indices[lo:hi].tolist(), m.data[lo:hi].tolist()))
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
