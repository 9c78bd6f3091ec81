"""Derive resources/lexicons/en_subjectivity.csv from TextBlob's English subjectivity lexicon.

TextBlob (MIT, https://github.com/sloria/TextBlob) ships ``textblob/en/en-sentiment.xml``,
the Pattern subjectivity lexicon by Tom De Smedt and Walter Daelemans (licence: PDDL, as
stated in the file). It grades about 1,500 English words (mostly adjectives) per sense:
polarity -1..1, subjectivity 0..1, intensity (above 1 for intensifiers such as "very").

This script keeps the words a news reader would call evaluative: mean subjectivity over
their senses >= 0.6 and mean |polarity| >= 0.3, plus the intensifiers, minus a short list
of words that are ordinary in news copy (reasons below). It is run by hand when the
lexicon is refreshed; the app never downloads anything:

    pip download --no-deps -d /tmp/tb textblob && unzip -o /tmp/tb/textblob-*.whl -d /tmp/tb/x
    python tools/derive_en_subjectivity.py /tmp/tb/x/textblob/en/en-sentiment.xml
"""

from __future__ import annotations

import csv
import statistics
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "resources" / "lexicons" / "en_subjectivity.csv"
MIN_SUBJECTIVITY, MIN_POLARITY = 0.6, 0.3
# Graded as subjective by the lexicon but plain news usage: marking them would bury the
# loaded words under noise. A researcher may move any of them back by adding a line to
# framing.csv.
ORDINARY = {
    "important": "routine in news copy ('an important meeting')",
    "key": "routine ('key talks')", "latest": "time, not judgement", "relevant": "routine",
    "popular": "often a measured fact (polls)", "experienced": "routine description",
    "detailed": "routine description", "precise": "routine description", "static": "technical",
    "decreased": "a measured change", "autonomous": "a legal status ('autonomous region')",
    "first-string": "sports jargon", "real": "mostly literal ('real estate', 'real wages')",
    "base": "mostly the noun ('military base')", "rank": "mostly the noun", "fly": "mostly the verb",
    "cold": "mostly weather", "grand": "names ('grand jury')", "welcome": "mostly the verb",
    "able": "routine ('was able to')", "sure": "routine ('make sure')", "free": "mostly literal ('free trade')",
    "fine": "mostly the noun (a penalty)", "well": "mostly the adverb of manner", "better": "routine comparison",
    "best": "routine superlative", "good": "routine", "great": "names ('Great Britain')",
    "full": "literal", "clear": "mostly literal", "certain": "mostly 'a certain ...'",
    "special": "names ('special envoy')", "general": "the rank", "public": "the noun",
    "fair": "the noun", "top": "rank ('top official')", "official": "the noun",
    "serious": "routine ('serious injuries')", "senior": "rank", "difficult": "routine",
    "strong": "routine ('strong winds')", "huge": "a size", "big": "a size",
    "united": "names ('United Nations')", "national": "names", "royal": "names",
    "own": "the determiner ('its own')", "rose": "the verb (rise)", "light": "literal",
    "rare": "a frequency", "late": "time", "secret": "mostly literal", "significant": "routine",
    "prominent": "routine description", "powerful": "routine ('powerful earthquake')",
    "original": "literal", "rich": "literal", "thin": "literal", "warm": "weather", "secure": "literal",
    "true": "routine", "kind": "the noun ('a kind of')", "mean": "the verb", "love": "the noun/verb",
    "liked": "the verb", "stabbing": "the event (noun)", "suffers": "the verb", "guarded": "the verb",
    "poor": "an economic description", "winning": "the verb", "tired": "literal", "ill": "literal",
    "mighty": "names", "unique": "routine", "successful": "routine", "confirmed": "the reporting verb",
    "behind": "the preposition", "advanced": "the verb", "approximate": "routine", "accurate": "routine",
    "elect": "the verb / 'president-elect'", "clean": "literal", "calm": "routine ('calm returned')",
    "effective": "routine ('effective from')", "easy": "routine", "chicken": "the noun", "cutting": "the verb",
    "catching": "the verb", "sorry": "routine in quotes", "sexual": "a legal description ('sexual assault')",
    "wealthy": "a description", "nonviolent": "a description", "confident": "routine",
    "bold": "routine", "cool": "weather", "dusty": "literal", "ecological": "literal", "economical": "literal",
    "bootleg": "literal", "supportive": "routine", "sympathetic": "routine", "suitable": "routine",
    "weak": "routine ('weak economy')", "worse": "routine comparison", "tough": "routine",
}
MIN_STRENGTH = 0.35  # weaker evaluative words are left out: too faint to flag on their own
INTENSIFIER_MIN = 1.0  # intensity above this: an intensifier ("very", "really")


def derive(xml_path: Path) -> list[dict[str, str]]:
    senses: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for w in ET.parse(xml_path).getroot().iter("word"):
        senses[w.get("form").lower()].append(
            (float(w.get("polarity")), float(w.get("subjectivity")), float(w.get("intensity", "1"))))
    rows = []
    for form, values in sorted(senses.items()):
        if form in ORDINARY or not form.replace("-", "").isalpha() or len(form) < 3:
            continue
        polarity = statistics.mean(v[0] for v in values)
        subjectivity = statistics.mean(v[1] for v in values)
        intensity = max(v[2] for v in values)
        if intensity > INTENSIFIER_MIN:
            group, strength = "intensifier", 0.3
        elif subjectivity >= MIN_SUBJECTIVITY and abs(polarity) >= MIN_POLARITY:
            group = "evaluative"
            # most subjective and most polar first; capped below the hand-graded labels
            strength = round(min(0.7, subjectivity * (0.3 + abs(polarity) / 2)), 2)
            if strength < MIN_STRENGTH:
                continue
        else:
            continue
        sign = "negative" if polarity < 0 else "positive" if polarity > 0 else "neutral"
        rows.append({"language": "en", "term": form, "category": "loaded_term", "group": group,
                     "strength": f"{strength:.2f}", "neutral": "",
                     "note": f"{sign}; polarity {polarity:+.2f}, subjectivity {subjectivity:.2f}"
                             + (f", intensity {intensity:.1f}" if group == "intensifier" else ""),
                     "source": "TextBlob 0.20.1 en-sentiment.xml (Pattern lexicon; PDDL)"})
    return rows


def main(xml_path: str) -> None:
    rows = derive(Path(xml_path))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Derived by tools/derive_en_subjectivity.py from TextBlob's en-sentiment.xml (Pattern\n"
                "# subjectivity lexicon, De Smedt & Daelemans, PDDL; TextBlob is MIT). Do not edit by hand:\n"
                "# add or override terms in framing.csv (framing.csv wins where both list a term).\n")
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} entries -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
