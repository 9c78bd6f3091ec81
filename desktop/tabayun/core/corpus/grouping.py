"""Articles grouped into events: the same story, told within a window of days.

What two articles share is measured on their **leads**: the first ``LEAD_WORDS`` content
words (matching forms with the article ال taken off; function words and numbers left
out). A news lead says what happened, who, where and when; the background a story shares
with earlier ones comes later. On the sample event this is what tells the four tellings of
the signing apart from seeds/003 (a later military visit with the same background):
lead Jaccard 0.15 to 0.18 between the four, 0.06 to 0.10 between 003 and each of them,
where whole-text word sets give 0.11 to 0.28 against 0.10 to 0.15 and cannot tell them
apart. 003 is grouped as an event of its own; ``compare`` on one folder holding all five
would still flag it (``ArticleOverlap.other_event``).

How, at scale:

1. each article's MinHash signature (datasketch, ``NUM_PERM`` permutations) of its lead
   words, and the lead words' 32-bit hashes (at most ``LEAD_WORDS``; the text is not kept);
2. candidate pairs from datasketch's MinHash LSH, built over a sliding window of dates
   (articles dated more than ``window_days`` apart are never candidates); an article of
   unknown date is a candidate of any article;
3. a candidate pair is an edge when the exact Jaccard of the two leads' hashes reaches
   ``threshold``;
4. edges joined strongest first (ties by input order) into events, with care against
   chaining: two groups are joined only if all their dated articles stay within
   ``window_days`` of each other, and if their articles' leads reach the threshold on
   average (up to ``LINK_SAMPLE`` of each side), not just the two that the edge links. On
   10,000 synthetic articles (benchmarks/bench_corpus.py's corpus) the average asked to reach
   only half the threshold let unrelated stories of the same days join (B-cubed precision
   0.92); the whole threshold keeps them apart (0.997, recall 1.0).

The result depends only on the input (order and content), never on how many workers
computed the signatures.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..analysis.normalize import stopwords, strip_al, words

NUM_PERM = 128
LEAD_WORDS = 100
DEFAULT_THRESHOLD = 0.12
DEFAULT_WINDOW_DAYS = 3
LINK_SAMPLE = 16
SEED = 1
SCHEME = "affine32"  # datasketch 2 hash values (uint32)


def lead_words(text: str, size: int = LEAD_WORDS) -> set[str]:
    """The matching forms of the first ``size`` content words of ``text``."""
    stop = stopwords()
    out: list[str] = []
    for word in words(text):
        word = strip_al(word)
        if len(word) < 2 or word in stop or word.isdigit():
            continue
        out.append(word)
        if len(out) >= size:
            break
    return set(out)


def signature(text: str) -> tuple[np.ndarray, np.ndarray]:
    """(MinHash hash values, uint32 of ``NUM_PERM``; the lead words' sorted unique 32-bit
    hashes). An article with no content word has an empty lead and is never grouped."""
    from datasketch import MinHash
    from datasketch.hashfunc import sha1_hash32

    lead = sorted(w.encode("utf-8") for w in lead_words(text))
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    if lead:
        minhash.update_batch(lead)
    hashes = np.unique(np.fromiter((sha1_hash32(w) for w in lead), dtype=np.uint32, count=len(lead)))
    return np.asarray(minhash.hashvalues, dtype=np.uint32), hashes


def lead_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared)


@dataclass(frozen=True)
class Item:
    """What grouping keeps of one article (no text)."""

    record_id: str
    date: str  # ISO or ""
    hashvalues: np.ndarray
    lead: np.ndarray


def _day(date: str) -> int | None:
    try:
        return dt.date.fromisoformat(date).toordinal() if date else None
    except ValueError:
        return None


class _Groups:
    def __init__(self, days: list[int | None]):
        self.parent = list(range(len(days)))
        self.members = [[i] for i in range(len(days))]
        self.low = list(days)
        self.high = list(days)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        if len(self.members[a]) < len(self.members[b]) or (len(self.members[a]) == len(self.members[b]) and b < a):
            a, b = b, a
        self.parent[b] = a
        self.members[a].extend(self.members[b])
        self.members[b] = []
        lows = [d for d in (self.low[a], self.low[b]) if d is not None]
        highs = [d for d in (self.high[a], self.high[b]) if d is not None]
        self.low[a] = min(lows) if lows else None
        self.high[a] = max(highs) if highs else None


def candidate_pairs(items: Sequence[Item], window_days: int, threshold: float) -> set[tuple[int, int]]:
    """Pairs (i < j) the LSH finds similar, dated within ``window_days`` (or undated)."""
    from datasketch import LeanMinHash, MinHashLSH

    # The LSH is set a little below the threshold: the exact lead Jaccard decides, the LSH
    # only has to miss few pairs above it.
    lsh_threshold = max(0.05, threshold * 0.8)
    minhashes = {i: LeanMinHash(seed=SEED, hashvalues=item.hashvalues, scheme=SCHEME)
                 for i, item in enumerate(items) if len(item.lead)}
    days = [_day(item.date) for item in items]
    pairs: set[tuple[int, int]] = set()
    dated = sorted((days[i], i) for i in minhashes if days[i] is not None)
    window = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM)
    inside: deque[tuple[int, int]] = deque()
    for day, i in dated:
        while inside and inside[0][0] < day - window_days:
            window.remove(inside.popleft()[1])
        for j in window.query(minhashes[i]):
            pairs.add((min(i, j), max(i, j)))
        window.insert(i, minhashes[i])
        inside.append((day, i))
    undated = [i for i in minhashes if days[i] is None]
    if undated:
        everything = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM)
        for i in minhashes:
            everything.insert(i, minhashes[i])
        for i in undated:
            for j in everything.query(minhashes[i]):
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def group(items: Sequence[Item], window_days: int = DEFAULT_WINDOW_DAYS,
          threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Events as lists of indices into ``items`` (each sorted), ordered by first date
    (undated last), then by smallest record id."""
    days = [_day(item.date) for item in items]
    edges = []
    for i, j in candidate_pairs(items, window_days, threshold):
        if days[i] is not None and days[j] is not None and abs(days[i] - days[j]) > window_days:
            continue
        similarity = lead_jaccard(items[i].lead, items[j].lead)
        if similarity >= threshold:
            edges.append((-similarity, i, j))
    edges.sort()
    groups = _Groups(days)
    for _, i, j in edges:
        a, b = groups.find(i), groups.find(j)
        if a == b:
            continue
        lows = [d for d in (groups.low[a], groups.low[b]) if d is not None]
        highs = [d for d in (groups.high[a], groups.high[b]) if d is not None]
        if lows and max(highs) - min(lows) > window_days:
            continue
        if _linkage(items, groups.members[a], groups.members[b]) < threshold:
            continue
        groups.join(a, b)
    events = [sorted(m) for m in groups.members if m]

    def order(members: list[int]) -> tuple:
        known = [items[i].date for i in members if days[i] is not None]
        return (0, min(known)) if known else (1, ""), min(items[i].record_id for i in members)

    return sorted(events, key=order)


def _linkage(items: Sequence[Item], a: list[int], b: list[int]) -> float:
    """Mean lead Jaccard between the first LINK_SAMPLE articles (input order) of a and b."""
    left, right = sorted(a)[:LINK_SAMPLE], sorted(b)[:LINK_SAMPLE]
    total = sum(lead_jaccard(items[i].lead, items[j].lead) for i in left for j in right)
    return total / (len(left) * len(right))
