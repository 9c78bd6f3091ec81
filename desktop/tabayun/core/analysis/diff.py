"""The word diff of two units, and the tables of differences and terms.

A unit is cut into words and punctuation marks (:func:`keyed_diff_tokens`), each token is
mapped to one character by its matching form (diff-match-patch's word mode: the diff
then works on words, not letters), and two such strings are diffed and semantically
cleaned up (:func:`word_changes`). The apparatus (:mod:`collate`) diffs each unit of a
row against the row's centre this way.

The C++ build (``fast-diff-match-patch``) is used when installed, the pure-Python
``diff-match-patch`` otherwise; with no time limit both give the same result (a
test checks it on the sample event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from typing import TYPE_CHECKING

from ..model import Article, Difference
from .classify import DiffToken
from .normalize import TOKEN_RE, Normalizer, fold

if TYPE_CHECKING:  # pandas only where a DataFrame is asked for: `tabayun compare` starts without it
    import pandas as pd

DIFFERENCE_COLUMNS = ["row_id", "doc_a", "doc_b", "kind", "category", "a_start", "a_end", "a_text",
                      "b_start", "b_end", "b_text", "score"]
TERM_COLUMNS = ["term_a", "term_b", "category", "count", "outlets_a", "outlets_b"]

_DIFF_TOKEN_RE = re.compile(TOKEN_RE.pattern + r"|[^\w\s]")

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

def keyed_diff_tokens(text: str, start: int, end: int, normalizer: Normalizer) -> tuple[list[DiffToken], list[str]]:
    """The unit's tokens, and each one's matching key (a word's :meth:`Normalizer.key`, a
    punctuation mark's folded form)."""
    # an event repeats its words: what a spelling folds, stems, counts as and matches, once per event
    cache = normalizer.__dict__.setdefault("_diff_token_cache", {})
    # mapped over the matches, not a loop: no Python code runs per token
    matches = list(_DIFF_TOKEN_RE.finditer(text, start, end))
    if not matches:
        return [], []
    surfaces = list(map(re.Match.group, matches))
    known = list(map(cache.get, surfaces))
    if None in known:
        known = [k if k is not None else _token_forms(s, normalizer, cache) for s, k in zip(surfaces, known)]
    folded, stem, is_word, is_stop, keys = zip(*known)
    tokens = list(map(DiffToken._make, zip(map(re.Match.start, matches), map(re.Match.end, matches), surfaces,
                                           folded, stem, is_word, is_stop)))
    if "" in folded:  # a lone diacritic or tatweel is no token
        kept = [k for k, f in enumerate(folded) if f]
        return [tokens[k] for k in kept], [keys[k] for k in kept]
    return tokens, list(keys)


def _token_forms(surface: str, normalizer: Normalizer, cache: dict) -> tuple[str, str, bool, bool, str]:
    """What a spelling folds and stems to, whether it is a word and a function word, and its
    matching key; kept in ``cache``."""
    folded = fold(surface)
    is_word = bool(TOKEN_RE.fullmatch(surface))
    stem = normalizer.stem(folded) if is_word else folded
    is_stop = is_word and (normalizer.is_stopword(folded) or normalizer.is_stopword(stem))
    known = cache[surface] = (folded, stem, is_word, is_stop, normalizer.key(folded) if is_word else folded)
    return known


# --- one pair of units -----------------------------------------------------------

@dataclass
class _Change:
    """A run of changed tokens: a[a_lo:a_hi] became b[b_lo:b_hi] (either may be empty)."""

    a_lo: int
    a_hi: int
    b_lo: int
    b_hi: int


def _changes(a: list[DiffToken], b: list[DiffToken], text_a: str, text_b: str) -> list[_Change]:
    """The runs of changes from a to b (a change: ``a[a_lo:a_hi]`` became ``b[b_lo:b_hi]``).

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


# --- tables ------------------------------------------------------------------------

# A *_table gives the columns and rows (plain values) that core.files.write_table writes
# without pandas; the *_frame is the same table as a DataFrame.
def differences_table(differences: list[Difference]) -> list[tuple]:
    return [tuple(getattr(d, name) for name in DIFFERENCE_COLUMNS) for d in differences]


def differences_frame(differences: list[Difference]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([d.__dict__ for d in differences], columns=DIFFERENCE_COLUMNS)


def terms_table(terms: list[TermPair], articles: dict[str, Article]) -> list[tuple]:
    """One line per term pair; the outlets columns read like "001 (outlet) ×3; 004 ×1"."""
    def outlets(by_doc: dict[str, int]) -> str:
        return "; ".join(f"{doc} ({articles[doc].outlet}) ×{n}" if doc in articles and articles[doc].outlet != doc
                         else f"{doc} ×{n}" for doc, n in by_doc.items())

    return [(t.term_a, t.term_b, t.category, t.count, outlets(t.by_doc_a), outlets(t.by_doc)) for t in terms]


def terms_frame(terms: list[TermPair], articles: dict[str, Article]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame.from_records(terms_table(terms, articles), columns=TERM_COLUMNS)
