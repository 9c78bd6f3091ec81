"""Whose words a stretch of an article is: the outlet's own, its paraphrase of someone
(attributed), or someone else's words in quotation marks (quoted).

* Quotations: quotation marks are paired by how they lean (an opening mark leans on the
  word after it, a closing one on the word before it), with a stack, so a quote inside a
  quote ("... لـ"إسرائيل" ...") and marks written the wrong way round (بـ”المهمة”) pair up.
* Attributed speech, inside one sentence (``resources/lexicons/voice_cues.csv``):
  - after a reporting verb, what follows its complementizer ("وأكد الروداني أن ...",
    "said that ...") or a colon; the words naming the speaker stay the outlet's
    ("وقال متحدث باسم وزارة الحرب إن ...": وزارة الحرب is the outlet's wording);
  - around "according to" (وفق، بحسب، according to): the sentence outside the source's
    name, which runs to the next comma;
  - before a trailing ", X said." (an English sentence that ends with its speaker).

Quoted wins over attributed. Everything else is the outlet's own voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..model import ATTRIBUTED, OWN, QUOTED
from .normalize import Token, is_arabic
from .term_match import TermIndex

VERB, COMPLEMENTIZER, SOURCE, TITLE = "verb", "complementizer", "source", "title"
CUE_KINDS = (VERB, COMPLEMENTIZER, SOURCE, TITLE)
# How far after a reporting verb its complementizer may come (the speaker's name between).
MAX_SPEAKER_WORDS = 12
# A reporting verb this close to the end of its sentence names the speaker of what came
# before ("The attack was staged, the group said.").
TRAILING_SPEAKER_WORDS = 6

QUOTE_MARKS = '"“”«»„‟'
_QUOTE_RE = re.compile(f"[{QUOTE_MARKS}]")
# Letters, digits and the marks Arabic words carry (incl. tatweel, as in لـ"إسرائيل").
WORD_CHAR = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]")
_CLOSE_AFTER = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640.!?؟،,؛;:…)\]]")
_CLITIC_BEFORE = re.compile(r"(?:^|[\s(])[وفبلك]{1,2}\u0640?$")  # و"إسرائيل" لـ"إسرائيل" بـ”المهمة”
_CLAUSE_BREAK = re.compile(r"[,،;؛:]")


@dataclass(frozen=True)
class Cue:
    term: str
    kind: str


@lru_cache(maxsize=1)
def cue_index() -> TermIndex[Cue]:
    """The voice cues, plus every verb of attribution.csv as a reporting verb."""
    terms: dict[str, Cue] = {}
    for row in resources.read_csv("lexicons", "voice_cues.csv"):
        if row["kind"] not in CUE_KINDS:
            raise ValueError(f"lexicons/voice_cues.csv: {row['term']!r} has kind {row['kind']!r}; "
                             f"use one of {CUE_KINDS}")
        terms[row["term"]] = Cue(row["term"], row["kind"])
    for row in resources.read_csv("lexicons", "attribution.csv"):
        if " " not in row["term"]:  # phrases there ("claimed responsibility") are not cues
            terms.setdefault(row["term"], Cue(row["term"], VERB))
    return TermIndex(((t, c) for t, c in terms.items()), where="lexicons/voice_cues.csv")


def quotations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Quotations in ``text[start:end]`` as ``(opening mark, after closing mark)``,
    nested ones included, in order of their opening mark."""
    end = len(text) if end is None else end
    stack: list[int] = []
    pairs = []
    for m in _QUOTE_RE.finditer(text, start, end):
        i = m.start()
        before = text[start:i]
        after = text[i + 1] if i + 1 < end else ""
        can_close = bool(before) and bool(_CLOSE_AFTER.match(before[-1]))
        can_open = bool(after) and bool(WORD_CHAR.match(after) or after in QUOTE_MARKS)
        if can_open and (not can_close or _CLITIC_BEFORE.search(before)):
            stack.append(i)
        elif stack and not can_open:  # leaning on the word before it, or standing free
            pairs.append((stack.pop(), i + 1))
        # else: glued inside a word on both sides, or a stray closing mark: not a quote
    return sorted(pairs)


@dataclass
class VoiceMap:
    """The voice of every stretch of one unit (a sentence or headline)."""

    quotes: list[tuple[int, int]]
    attributed: list[tuple[int, int]]
    verbs: list[int]  # where the unit's reporting verbs start (outside quotations)
    titles: list[int]  # where its title words end

    def voice(self, start: int, end: int, own_quote: tuple[int, int] | None = None) -> str:
        """The voice of ``[start, end)``; ``own_quote`` (a scare quote's own marks) does not count."""
        if any(a <= start and end <= b and (a, b) != own_quote for a, b in self.quotes):
            return QUOTED
        if any(a <= start and end <= b for a, b in self.attributed):
            return ATTRIBUTED
        return OWN

    def speech_governed(self, start: int) -> bool:
        """True if what stands at ``start`` is reported speech: after a reporting verb in the
        sentence (``ويصف فلان الزيارة بـ"المهمة"``, 'called it "..."') or in a paraphrase
        ('claimed the work was "fully legal"'). A quote there is most likely the speaker's word."""
        return any(v < start for v in self.verbs) or any(a <= start < b for a, b in self.attributed)

    def after_title_word(self, quote_start: int, text: str) -> bool:
        """True if a title word ("الاتفاق بشأن", "agreement", "صحيفة") ends right before the quote."""
        return any(0 <= quote_start - e <= 3 and not text[e:quote_start].strip(" \u0640وبل") for e in self.titles)


def voice_map(text: str, start: int, end: int, tokens: list[Token]) -> VoiceMap:
    quotes = quotations(text, start, end)

    def inside_quote(tok: Token) -> bool:
        return any(a < tok.start < b for a, b in quotes)

    cues = [(m, m.item) for m in cue_index().longest(text, tokens) if not inside_quote(tokens[m.first])]
    verbs = [tokens[m.first].start for m, cue in cues if cue.kind == VERB]
    titles = [tokens[m.end - 1].end for m, cue in cues if cue.kind == TITLE]
    attributed: list[tuple[int, int]] = []
    for m, cue in cues:
        if cue.kind == VERB:
            verb_end = tokens[m.end - 1].end
            nxt = [(m2, c2) for m2, c2 in cues if c2.kind == COMPLEMENTIZER and m.end <= m2.first < m.end + MAX_SPEAKER_WORDS]
            colon = text.find(":", verb_end, end)
            if nxt:
                attributed.append((tokens[nxt[0][0].end - 1].end, end))
            elif colon >= 0 and colon - verb_end < 120:
                attributed.append((colon + 1, end))
            else:
                before = tokens[m.first].start
                comma = max(text.rfind(",", start, before), text.rfind("،", start, before))
                words_after = sum(1 for t in tokens if t.start > verb_end)
                if comma > start and m.first >= len(tokens) - TRAILING_SPEAKER_WORDS and words_after <= 2:
                    # "..., the ministry said." closing the sentence: what precedes the comma is reported
                    attributed.append((start, comma))
                elif not is_arabic(tokens[m.first].folded) and words_after >= 2:
                    attributed.append((verb_end, end))  # English "Police said the mob threw rocks."
        elif cue.kind == SOURCE:
            src_start = tokens[m.first].start
            brk = _CLAUSE_BREAK.search(text, tokens[m.end - 1].end, end)
            src_end = brk.start() if brk else end
            attributed.append((start, src_start))
            if src_end < end:
                attributed.append((src_end, end))
    return VoiceMap(quotes, attributed, verbs, titles)
