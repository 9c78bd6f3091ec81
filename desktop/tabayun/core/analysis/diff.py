"""Word-level differences inside aligned rows, and the event's term table.

For every two articles in a row, their units are cut into words and punctuation
marks, each token is mapped to one character by its stem (diff-match-patch's word
mode: the diff then works on words, not letters), and the two strings are diffed
and semantically cleaned up. Each run of changes becomes a :class:`Difference`
whose offsets point into both articles' original texts.

The C++ build (``fast-diff-match-patch``) is used when installed, the pure-Python
``diff-match-patch`` otherwise; with no time limit both give the same result (a
test checks it on the sample event).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Callable

import pandas as pd

from ..model import Article, Difference, Row
from .classify import LEXICAL, NUMBER, PUNCTUATION, SPELLING, DiffToken, categorise, salience
from .normalize import TOKEN_RE, Normalizer, fold

DIFFERENCE_COLUMNS = ["row_id", "doc_a", "doc_b", "kind", "category", "a_start", "a_end", "a_text",
                      "b_start", "b_end", "b_text", "score"]
TERM_COLUMNS = ["term_a", "term_b", "category", "count", "outlets_a", "outlets_b"]

# A change longer than this (see _rewording) is a rewritten or added clause, not a
# word choice: a word diff tells the reader nothing the row does not show.
REWORDING_TOKENS = 6
# A term-table entry is a short phrase; longer changes are rewording.
MAX_TERM_TOKENS = 2
# A term pair one outlet keeps using across rows is the strongest framing signal.
CONSISTENCY_BONUS = 0.15
TERM_CATEGORIES = (LEXICAL, NUMBER, SPELLING)

_DIFF_TOKEN_RE = re.compile(TOKEN_RE.pattern + r"|[^\w\s]")
_CODE_BASE = 0xE000  # private use area: one character per distinct stem of a row

DiffOps = list[tuple[int, int]]  # (-1 | 0 | 1, number of tokens)


def _python_diff(a: str, b: str, semantic: bool = True) -> DiffOps:
    import diff_match_patch

    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: a timeout would make results machine-dependent
    diffs = dmp.diff_main(a, b, False)
    if semantic:
        dmp.diff_cleanupSemantic(diffs)
    return [(op, len(text)) for op, text in diffs]


def _fast_diff(a: str, b: str, semantic: bool = True) -> DiffOps:
    import fast_diff_match_patch

    ops = {"-": -1, "=": 0, "+": 1}
    return [(ops[op], n) for op, n in fast_diff_match_patch.diff(
        a, b, timelimit=0, checklines=False, cleanup="Semantic" if semantic else "No", counts_only=True)]


def _pick_backend() -> tuple[str, Callable[..., DiffOps]]:
    try:
        import fast_diff_match_patch  # noqa: F401
    except ImportError:
        return "diff-match-patch (Python)", _python_diff
    return "fast-diff-match-patch (C++)", _fast_diff


BACKEND_NAME, _diff = _pick_backend()


def use_backend(name: str) -> None:
    """Force ``"python"`` or ``"fast"``, or ``"auto"`` (tests compare the two)."""
    global BACKEND_NAME, _diff
    if name == "python":
        BACKEND_NAME, _diff = "diff-match-patch (Python)", _python_diff
    elif name == "fast":
        BACKEND_NAME, _diff = "fast-diff-match-patch (C++)", _fast_diff
    else:
        BACKEND_NAME, _diff = _pick_backend()


# --- tokens --------------------------------------------------------------------

def diff_tokens(text: str, start: int, end: int, normalizer: Normalizer) -> list[DiffToken]:
    # an event repeats its words: what a spelling folds, stems and counts as, once per event
    cache = normalizer.__dict__.setdefault("_diff_token_cache", {})
    out = []
    for m in _DIFF_TOKEN_RE.finditer(text, start, end):
        surface = m.group()
        known = cache.get(surface)
        if known is None:
            folded = fold(surface)
            is_word = bool(TOKEN_RE.fullmatch(surface))
            stem = normalizer.stem(folded) if is_word else folded
            known = cache[surface] = (folded, stem, is_word, is_word and (
                normalizer.is_stopword(folded) or normalizer.is_stopword(stem)))
        if not known[0]:
            continue  # a lone diacritic or tatweel
        out.append(DiffToken(m.start(), m.end(), surface, *known))
    return out


# --- one pair of units -----------------------------------------------------------

@dataclass
class _Change:
    """A run of changed tokens: a[a_lo:a_hi] became b[b_lo:b_hi] (either may be empty)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def _codes(tokens: list[DiffToken], codes: dict[str, str]) -> str:
    return "".join(codes.setdefault(t.stem, chr(_CODE_BASE + len(codes))) for t in tokens)


def _changes(a: list[DiffToken], b: list[DiffToken], text_a: str, text_b: str) -> list[_Change]:
    """The runs of changes from a to b.

    Two levels. First the whole units, with semantic cleanup: near-identical
    sentences come out as a few crisp changes. Outlets also rewrite around the words
    they share, which semantic cleanup swallows into one long change; such a change
    is diffed again without cleanup, and split at the words both sides still share
    ("لوزير [دفاع|الحرب] إسرائيلي") when these are real anchors, not a coincidental
    "في" or comma. ``text_a``/``text_b`` hold one character per token (``_codes``).
    """
    if text_a == text_b:
        return []
    out = []
    for change in _runs(_diff(text_a, text_b), 0, 0, lambda _i, _n: True):
        if change.a_hi - change.a_lo > 1 and change.b_hi - change.b_lo > 1:
            inner = _diff(text_a[change.a_lo:change.a_hi], text_b[change.b_lo:change.b_hi], False)
            out.extend(_runs(inner, change.a_lo, change.b_lo, lambda i, n: _is_anchor(a[i:i + n])))
        else:
            out.append(change)
    return out


def word_changes(a: list[DiffToken], b: list[DiffToken], codes_a: str, codes_b: str) -> list[_Change]:
    """The runs of changes from tokens ``a`` to ``b`` (``codes_*``: one character per token,
    equal characters for tokens that match); see :func:`_changes`."""
    return _changes(a, b, codes_a, codes_b)


def _runs(ops: DiffOps, i: int, j: int, keeps: Callable[[int, int], bool]) -> list[_Change]:
    """Changes between the equal stretches that ``keeps(i, n)`` accepts; other equal
    stretches stay inside the change around them."""
    out: list[_Change] = []
    current: _Change | None = None
    for op, n in ops:
        if op == 0 and keeps(i, n):
            current = None
            i, j = i + n, j + n
            continue
        if current is None:
            current = _Change(i, i, j, j)
            out.append(current)
        if op <= 0:
            i += n
            current.a_hi = i
        if op >= 0:
            j += n
            current.b_hi = j
    return out


def _is_anchor(tokens: list[DiffToken]) -> bool:
    return len(tokens) >= 2 or any(t.is_word and not t.is_stop for t in tokens)


def _trim_punctuation(change: _Change, a: list[DiffToken], b: list[DiffToken]) -> _Change:
    """A comma or quotation mark at the edge of a changed phrase is not the change;
    a word against mere punctuation is a word added or left out."""
    def trim(tokens, lo, hi):
        if not any(t.is_word for t in tokens[lo:hi]):
            return lo, lo
        while not tokens[lo].is_word:
            lo += 1
        while not tokens[hi - 1].is_word:
            hi -= 1
        return lo, hi

    if any(t.is_word for t in a[change.a_lo:change.a_hi] + b[change.b_lo:change.b_hi]):
        return _Change(*trim(a, change.a_lo, change.a_hi), *trim(b, change.b_lo, change.b_hi))
    return change


def _split_positional(change: _Change, a: list[DiffToken], b: list[DiffToken],
                      normalizer: Normalizer) -> list[_Change]:
    """"جانتس إلى المملكة"/"غانتس إلى المغرب": as many tokens on both sides, compared
    word by word, give a spelling change and a lexical one, not one lexical change."""
    n = change.a_hi - change.a_lo
    if n < 2 or n != change.b_hi - change.b_lo:
        return [change]
    out: list[_Change] = []
    last = None
    for k in range(n):
        x, y = a[change.a_lo + k], b[change.b_lo + k]
        if x.stem == y.stem:
            last = None
            continue
        kind = categorise([x], [y], normalizer)
        if last is not None and kind == last and kind != SPELLING:
            out[-1].a_hi += 1
            out[-1].b_hi += 1
        else:
            out.append(_Change(change.a_lo + k, change.a_lo + k + 1, change.b_lo + k, change.b_lo + k + 1))
        last = kind
    return out


def _rewording(n_a: int, n_b: int) -> bool:
    """Two long stretches rewritten, or a whole clause one outlet adds: the row shows
    it; a word diff would paint a sentence as one "word choice"."""
    return max(n_a, n_b) > REWORDING_TOKENS


def _split_by_unit(change: _Change, unit_a: list[int], unit_b: list[int]) -> list[_Change]:
    """A change never spans two units of a row (two headlines with a date line between):
    its first unit's part on each side pairs up, the rest is left out or added."""
    def parts(units, lo, hi):
        out, start = [], lo
        for k in range(lo + 1, hi):
            if units[k] != units[k - 1]:
                out.append((start, k))
                start = k
        return out + [(start, hi)] if hi > lo else [(lo, lo)]

    pa, pb = parts(unit_a, change.a_lo, change.a_hi), parts(unit_b, change.b_lo, change.b_hi)
    if len(pa) == 1 and len(pb) == 1:
        return [change]
    out = [_Change(*pa[0], *pb[0])]
    out += [_Change(lo, hi, pb[0][1], pb[0][1]) for lo, hi in pa[1:]]
    out += [_Change(pa[0][1], pa[0][1], lo, hi) for lo, hi in pb[1:]]
    return out


def _local_context(change: _Change, a_changed: list[bool], b_changed: list[bool]) -> float:
    """The share of the two tokens either side of the change, in both units, that the
    diff found equal: a substitution inside otherwise identical wording scores 1."""
    around = []
    for changed, lo, hi in ((a_changed, change.a_lo, change.a_hi), (b_changed, change.b_lo, change.b_hi)):
        around += changed[max(0, lo - 2):lo] + changed[hi:hi + 2]
    return sum(1 for c in around if not c) / 8


def _difference(row_id: int, doc_a: str, doc_b: str, change: _Change, a: list[DiffToken], b: list[DiffToken],
                text_a: str, text_b: str, category: str, score: float) -> Difference:
    kind = "substitution" if change.a_hi > change.a_lo and change.b_hi > change.b_lo else (
        "deletion" if change.a_hi > change.a_lo else "insertion")
    a_start, a_end = _span(a, change.a_lo, change.a_hi)
    b_start, b_end = _span(b, change.b_lo, change.b_hi)
    return Difference(row_id, doc_a, doc_b, kind, category, a_start, a_end, text_a[a_start:a_end],
                      b_start, b_end, text_b[b_start:b_end], round(score, 3))


def _span(tokens: list[DiffToken], lo: int, hi: int) -> tuple[int, int]:
    if hi > lo:
        return tokens[lo].start, tokens[hi - 1].end
    at = tokens[lo].start if lo < len(tokens) else (tokens[-1].end if tokens else 0)
    return at, at  # an empty span where the other outlet's words would go


# --- the event ---------------------------------------------------------------------

def event_differences(rows: list[Row], articles: dict[str, Article], normalizer: Normalizer) -> list[Difference]:
    """Every word-level difference between every two articles of every row."""
    found: list[Difference] = []
    for row in rows:
        codes: dict[str, str] = {}
        # unit by unit: what lies between two units of a row (a date line between two
        # headlines) is not part of the claim
        tokens: dict[str, list[DiffToken]] = {}
        unit_of: dict[str, list[int]] = {}  # for each token, which of the row's units of its article
        for doc, units in row.units.items():
            per_unit = [diff_tokens(articles[doc].text, u.start, u.end, normalizer) for u in units]
            tokens[doc] = [t for toks in per_unit for t in toks]
            unit_of[doc] = [k for k, toks in enumerate(per_unit) for _ in toks]
        several_units = any(len(u) > 1 for u in row.units.values())
        coded = {doc: _codes(toks, codes) for doc, toks in tokens.items()}
        for doc_a, doc_b in combinations(sorted(row.units), 2):
            a, b = tokens[doc_a], tokens[doc_b]
            changes = [_trim_punctuation(c, a, b) for c in _changes(a, b, coded[doc_a], coded[doc_b])]
            a_changed, b_changed = [False] * len(a), [False] * len(b)
            for c in changes:
                a_changed[c.a_lo:c.a_hi] = [True] * (c.a_hi - c.a_lo)
                b_changed[c.b_lo:c.b_hi] = [True] * (c.b_hi - c.b_lo)
            pieces = [p for c in changes for p in _split_positional(c, a, b, normalizer)]
            if several_units:
                pieces = [p for c in pieces for p in _split_by_unit(c, unit_of[doc_a], unit_of[doc_b])]
            for change in pieces:
                side_a, side_b = a[change.a_lo:change.a_hi], b[change.b_lo:change.b_hi]
                if _rewording(len(side_a), len(side_b)):
                    continue
                category = categorise(side_a, side_b, normalizer)
                score = salience(category, side_a, side_b, _local_context(change, a_changed, b_changed))
                diff = _difference(row.row_id, doc_a, doc_b, change, a, b, articles[doc_a].text,
                                   articles[doc_b].text, category, score)
                found.append(diff)
    return _with_consistency_bonus(found, normalizer)


Term = tuple[tuple[str, ...], tuple[str, ...]]


def _terms(diffs: list[Difference], normalizer: Normalizer) -> list[Term | None]:
    """For each difference, the stems of both sides if it is a short substitution of
    content words (a term pair), else None."""
    cache: dict[tuple[str, str], Term | None] = {}
    out = []
    for d in diffs:
        if d.kind != "substitution" or d.category not in TERM_CATEGORIES:
            out.append(None)
            continue
        texts = (d.a_text, d.b_text)
        if texts not in cache:
            cache[texts] = _term_of(*texts, normalizer)
        out.append(cache[texts])
    return out


def _term_of(a_text: str, b_text: str, normalizer: Normalizer) -> Term | None:
    sides = []
    for text in (a_text, b_text):
        folded = [fold(m.group()) for m in TOKEN_RE.finditer(text)]
        folded = [f for f in folded if f]
        if not folded or len(folded) > MAX_TERM_TOKENS or all(normalizer.is_stopword(f) for f in folded):
            return None
        sides.append(tuple(normalizer.stem(f) for f in folded))
    return sides[0], sides[1]


def _unordered(term: Term) -> Term:
    return term if term[0] <= term[1] else (term[1], term[0])


def _with_consistency_bonus(diffs: list[Difference], normalizer: Normalizer) -> list[Difference]:
    terms = _terms(diffs, normalizer)
    rows_of: dict[Term, set[int]] = defaultdict(set)
    for d, term in zip(diffs, terms):
        if term and d.category != SPELLING:
            rows_of[_unordered(term)].add(d.row_id)
    out = []
    for d, term in zip(diffs, terms):
        rows = len(rows_of.get(_unordered(term), ())) if term else 0
        if rows > 1:
            bonus = min(2 * CONSISTENCY_BONUS, CONSISTENCY_BONUS * (rows - 1))
            d = replace(d, score=round(min(1.0, d.score + bonus), 3))
        out.append(d)
    return out


# --- the term table ----------------------------------------------------------------

@dataclass(frozen=True)
class TermPair:
    """Two terms the outlets traded for each other across the event.

    ``term_a`` is the more widespread wording, ``term_b`` the one fewer outlets use;
    ``by_doc`` counts, per article, the rows where it wrote ``term_b`` and
    ``by_doc_a`` those where it wrote ``term_a``. ``count`` is the number of rows.
    """

    term_a: str
    term_b: str
    category: str
    count: int
    by_doc: dict[str, int]
    by_doc_a: dict[str, int] = field(default_factory=dict)


def term_table(differences: list[Difference], normalizer: Normalizer) -> list[TermPair]:
    """Substituted short terms grouped across the event, most rows first."""
    uses: dict[tuple, dict[tuple, set[tuple[int, str]]]] = defaultdict(lambda: defaultdict(set))
    surfaces: dict[tuple, Counter[str]] = defaultdict(Counter)
    category: dict[tuple, Counter[str]] = defaultdict(Counter)
    for d, term in zip(differences, _terms(differences, normalizer)):
        if term is None:
            continue
        side_a, side_b = term
        pair = _unordered(term)
        uses[pair][side_a].add((d.row_id, d.doc_a))
        uses[pair][side_b].add((d.row_id, d.doc_b))
        surfaces[side_a][d.a_text] += 1
        surfaces[side_b][d.b_text] += 1
        category[pair][d.category] += 1
    table = []
    for pair, sides in uses.items():
        # the wording more outlets use is term_a; term_b is the marked choice
        first, second = sorted(pair, key=lambda s: (-len({doc for _, doc in sides[s]}), s))
        rows = {r for side in sides.values() for r, _ in side}
        table.append(TermPair(
            term_a=surfaces[first].most_common(1)[0][0], term_b=surfaces[second].most_common(1)[0][0],
            category=category[pair].most_common(1)[0][0], count=len(rows),
            by_doc=dict(sorted(Counter(doc for _, doc in sides[second]).items())),
            by_doc_a=dict(sorted(Counter(doc for _, doc in sides[first]).items()))))
    order = {LEXICAL: 0, NUMBER: 1, SPELLING: 2, PUNCTUATION: 3}
    return sorted(table, key=lambda t: (order[t.category], -t.count, t.term_a, t.term_b))


# --- tables ------------------------------------------------------------------------

def differences_frame(differences: list[Difference]) -> pd.DataFrame:
    return pd.DataFrame([d.__dict__ for d in differences], columns=DIFFERENCE_COLUMNS)


def terms_frame(terms: list[TermPair], articles: dict[str, Article]) -> pd.DataFrame:
    """One line per term pair; the outlets columns read like "001 (outlet) ×3; 004 ×1"."""
    def outlets(by_doc: dict[str, int]) -> str:
        return "; ".join(f"{doc} ({articles[doc].outlet}) ×{n}" if doc in articles and articles[doc].outlet != doc
                         else f"{doc} ×{n}" for doc, n in by_doc.items())

    return pd.DataFrame([{"term_a": t.term_a, "term_b": t.term_b, "category": t.category, "count": t.count,
                          "outlets_a": outlets(t.by_doc_a), "outlets_b": outlets(t.by_doc)} for t in terms],
                        columns=TERM_COLUMNS)
