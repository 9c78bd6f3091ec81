"""How far annotators agree, and one table to adjudicate their labels from.

An *item* is a labelled span: (doc_id, char_start, char_end) plus, for a difference
between two articles, (other_doc_id, other_start, other_end), or for an omission the
other article alone. Two spans are put in a fixed order, so a label made on A-vs-B
and one made on B-vs-A are the same item.
The event name is not part of the item: each researcher may name their copy of the
event folder differently, while doc_ids come from the articles themselves.

Each annotator gives an item one code: if they labelled the same span more than
once, the most recently updated label counts (the report says how often).

* Cohen's kappa (two annotators): items both labelled.
* Krippendorff's alpha (any number, missing values allowed): items labelled by two
  or more annotators.
* Per code: the same, one code against the rest (did both see *this* code here?).

Both statistics are nominal and implemented here (the tests check them against the
``krippendorff`` package). They return NaN where undefined: no items, or one code
used throughout, so chance agreement is already perfect.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Hashable, Iterable, Mapping, Sequence

import pandas as pd

from .codebook import default_codebook

ITEM_COLUMNS = ["event", "doc_id", "outlet", "char_start", "char_end", "text",
                "other_doc_id", "other_outlet", "other_start", "other_end", "other_text", "row_id"]
REQUIRED_COLUMNS = ("doc_id", "char_start", "char_end", "code")
ItemKey = tuple[str, int, int, str, "int | None", "int | None"]


# --- the statistics ------------------------------------------------------------------

def cohen_kappa(codes_a: Sequence[Hashable], codes_b: Sequence[Hashable]) -> float:
    """Cohen's kappa for two annotators' nominal codes of the same items, in order."""
    if len(codes_a) != len(codes_b):
        raise ValueError(f"kappa needs codes for the same items: {len(codes_a)} vs {len(codes_b)}")
    n = len(codes_a)
    if n == 0:
        return math.nan
    observed = sum(a == b for a, b in zip(codes_a, codes_b)) / n
    count_a, count_b = Counter(codes_a), Counter(codes_b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected == 1.0:
        return math.nan
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(reliability: Iterable[Mapping[str, Hashable | None]]) -> float:
    """Krippendorff's alpha, nominal. ``reliability``: one dict per item, annotator -> code;
    an annotator missing from an item (or with None/NaN/"") did not code it."""
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit in reliability:
        values = Counter(v for v in unit.values() if not _missing(v))
        m = sum(values.values())
        if m < 2:
            continue  # a single code cannot be compared with anything
        for c in values:
            for k in values:
                coincidences[c, k] += values[c] * (values[k] - (c == k)) / (m - 1)
    totals: Counter[Hashable] = Counter()
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    if n < 2:
        return math.nan
    observed = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k) / (n - 1)
    if expected == 0:
        return math.nan
    return 1.0 - observed / expected


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return isinstance(value, str) and not value.strip()


# --- gathering the labels into items -------------------------------------------------

@dataclass
class _Annotations:
    annotators: list[str]  # in order of first appearance
    codes: dict[ItemKey, dict[str, str]]  # item -> annotator -> code
    info: dict[ItemKey, dict[str, object]]  # item -> ITEM_COLUMNS values (from its first label)
    duplicates: int  # labels that lost to a newer label of the same annotator on the same item

    def items(self, min_annotators: int = 1) -> list[ItemKey]:
        return [key for key, coded in self.codes.items() if len(coded) >= min_annotators]


def _gather(label_frames: Mapping[str, pd.DataFrame]) -> _Annotations:
    annotators: list[str] = []
    latest: dict[tuple[str, ItemKey], tuple[str, str]] = {}  # (annotator, item) -> (updated_at, code)
    info: dict[ItemKey, dict[str, object]] = {}
    duplicates = 0
    for name, frame in label_frames.items():
        missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"{name}: missing column(s) {', '.join(missing)}; is it a labels file?")
        for record in frame.to_dict("records"):
            code = _text(record.get("code"))
            if not code:
                continue
            annotator = _text(record.get("annotator")) or name
            key, record = _item(record)
            if annotator not in annotators:
                annotators.append(annotator)
            info.setdefault(key, {c: record.get(c, "") for c in ITEM_COLUMNS})
            stamp = _text(record.get("updated_at"))
            previous = latest.get((annotator, key))
            if previous is not None:
                duplicates += 1
                if stamp < previous[0]:
                    continue
            latest[annotator, key] = (stamp, code)
    codes: dict[ItemKey, dict[str, str]] = {}
    for (annotator, key), (_stamp, code) in sorted(latest.items(), key=lambda kv: _sort_key(kv[0][1])):
        codes.setdefault(key, {})[annotator] = code
    return _Annotations(annotators, codes, info, duplicates)


def _item(record: dict[str, object]) -> tuple[ItemKey, dict[str, object]]:
    """The item a label is on, with the pair in fixed order, and the record swapped to match."""
    record = {**record, "doc_id": _text(record.get("doc_id")), "other_doc_id": _text(record.get("other_doc_id")),
              "char_start": _int(record.get("char_start")), "char_end": _int(record.get("char_end")),
              "other_start": _int(record.get("other_start")), "other_end": _int(record.get("other_end")),
              "row_id": _int(record.get("row_id"))}
    for c in ("event", "outlet", "text", "other_outlet", "other_text"):
        record[c] = _text(record.get(c))
    mine = (record["doc_id"], record["char_start"], record["char_end"])
    other = (record["other_doc_id"], record["other_start"], record["other_end"])
    if other[0] and other[1] is not None and _sort_key(other) < _sort_key(mine):  # two spans: one order
        for a, b in (("doc_id", "other_doc_id"), ("char_start", "other_start"), ("char_end", "other_end"),
                     ("outlet", "other_outlet"), ("text", "other_text")):
            record[a], record[b] = record[b], record[a]
        mine, other = other, mine
    return (*mine, *other), record  # type: ignore[return-value]


def _sort_key(values: tuple) -> tuple:
    return tuple((v is not None, v if v is not None else 0) for v in values)


def _text(value: object) -> str:
    return "" if _missing(value) else str(value).strip()


def _int(value: object) -> int | None:
    if _missing(value):
        return None
    return int(float(value))  # type: ignore[arg-type]  # "12", 12, 12.0 (a column pandas made float)


def _code_order(codes: Iterable[str]) -> list[str]:
    """Codes in the default codebook's order, others after it alphabetically."""
    known = default_codebook().ids
    present = set(codes)
    return [c for c in known if c in present] + sorted(present - set(known))


def _annotator_columns(annotators: list[str]) -> dict[str, str]:
    """Column name for each annotator's codes (never clashing with an item column)."""
    taken = set(ITEM_COLUMNS) | {"status", "adjudicated"}
    return {a: f"{a} (annotator)" if a in taken else a for a in annotators}


# --- the report ----------------------------------------------------------------------

@dataclass
class AgreementReport:
    annotators: list[str]
    items: int  # spans labelled by anyone
    shared_items: int  # labelled by two or more annotators: alpha's units
    complete_items: int  # labelled by every annotator: kappa's units for two
    observed_agreement: float  # share of shared items where everyone who labelled agrees
    kappa: float  # Cohen's, two annotators only (NaN otherwise)
    alpha: float  # Krippendorff's, nominal
    per_code: pd.DataFrame  # code, items, kappa, alpha, then "n <annotator>" label counts
    pairwise: pd.DataFrame  # annotator_a, annotator_b, items, agreement, kappa
    confusion: dict[tuple[str, str], pd.DataFrame]  # (a, b) -> a's codes (rows) x b's codes
    disagreements: pd.DataFrame  # ITEM_COLUMNS + one column per annotator
    duplicate_labels: int

    def agreement_frame(self) -> pd.DataFrame:
        """Per code, then an "(all codes)" line: what agreement.csv holds."""
        overall = {"code": "(all codes)", "items": self.shared_items, "kappa": self.kappa, "alpha": self.alpha}
        for a in self.annotators:
            overall[f"n {a}"] = int(self.per_code[f"n {a}"].sum()) if len(self.per_code) else 0
        return pd.concat([self.per_code, pd.DataFrame([overall])], ignore_index=True)

    def confusion_frame(self) -> pd.DataFrame:
        """Every pair's confusion table in one long table: what confusion.csv holds."""
        parts = []
        for (a, b), table in self.confusion.items():
            part = table.reset_index(names="code_a")
            part.insert(0, "annotator_b", b)
            part.insert(0, "annotator_a", a)
            parts.append(part)
        if not parts:
            return pd.DataFrame(columns=["annotator_a", "annotator_b", "code_a"])
        return pd.concat(parts, ignore_index=True).fillna(0)

    def summary_lines(self) -> list[str]:
        lines = [f"Annotators: {', '.join(self.annotators) or 'none'}"]
        if len(self.annotators) < 2:
            return lines + ["Agreement needs labels from at least two annotators."]
        lines.append(f"Spans labelled: {self.items}; by two or more annotators: {self.shared_items}; "
                     f"by all {len(self.annotators)}: {self.complete_items}")
        if not self.shared_items:
            return lines + ["No span was labelled by two annotators: nothing to compare. "
                            "Agreement counts only spans with exactly the same start and end."]
        overall = f"Overall (n = {self.shared_items}): "
        if len(self.annotators) == 2:
            overall += f"Cohen's kappa {_number(self.kappa)}, "
        overall += (f"Krippendorff's alpha {_number(self.alpha)}, "
                    f"observed agreement {self.observed_agreement:.0%}")
        lines += [overall, "", "Per code (one code against the rest):"]
        width = max([len("code")] + [len(c) for c in self.per_code["code"]])
        head = f"  {'code':<{width}}  {'n':>4}  " + ("kappa  " if len(self.annotators) == 2 else "") + "alpha"
        lines.append(head)
        for row in self.per_code.itertuples(index=False):
            line = f"  {row.code:<{width}}  {row.items:>4}  "
            if len(self.annotators) == 2:
                line += f"{_number(row.kappa):>5}  "
            lines.append(line + f"{_number(row.alpha):>5}")
        if len(self.annotators) > 2:
            lines += ["", "Pairs (n, agreement, kappa):"]
            lines += [f"  {r.annotator_a} / {r.annotator_b}: {r.items}, {_percent(r.agreement)}, {_number(r.kappa)}"
                      for r in self.pairwise.itertuples(index=False)]
        lines += ["", f"Spans to adjudicate (codes differ): {len(self.disagreements)}"]
        if self.duplicate_labels:
            lines.append(f"Note: {self.duplicate_labels} label(s) repeated a span the same annotator had "
                         "already labelled; the most recently updated one counted.")
        return lines


def _number(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}"


def _percent(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.0%}"


def agreement_report(label_frames: Mapping[str, pd.DataFrame]) -> AgreementReport:
    """Agreement between the annotators of ``label_frames`` (name -> labels frame; the
    name stands in for the annotator where a label's ``annotator`` is empty)."""
    found = _gather(label_frames)
    annotators = found.annotators
    shared = found.items(2)
    complete = [k for k in shared if len(found.codes[k]) == len(annotators)]
    units = [found.codes[k] for k in shared]
    codes = _code_order(code for coded in found.codes.values() for code in coded.values())

    two = len(annotators) == 2
    per_code = []
    for code in codes:
        binary = [{a: c == code for a, c in unit.items()} for unit in units]
        row: dict[str, object] = {
            "code": code,
            "items": sum(any(unit.values()) for unit in binary),
            "kappa": cohen_kappa(*_pair_codes(found, complete, *annotators, code=code)) if two else math.nan,
            "alpha": krippendorff_alpha(binary),
        }
        for a in annotators:
            row[f"n {a}"] = sum(1 for coded in found.codes.values() if coded.get(a) == code)
        per_code.append(row)
    per_code_frame = pd.DataFrame(per_code, columns=["code", "items", "kappa", "alpha"] +
                                  [f"n {a}" for a in annotators])

    pairwise, confusion = [], {}
    for a, b in combinations(annotators, 2):
        both = [k for k in shared if a in found.codes[k] and b in found.codes[k]]
        codes_a, codes_b = _pair_codes(found, both, a, b)
        agreement = sum(x == y for x, y in zip(codes_a, codes_b)) / len(both) if both else math.nan
        pairwise.append({"annotator_a": a, "annotator_b": b, "items": len(both),
                         "agreement": agreement, "kappa": cohen_kappa(codes_a, codes_b)})
        table = pd.crosstab(pd.Series(codes_a, dtype=object), pd.Series(codes_b, dtype=object))
        confusion[a, b] = table.reindex(index=codes, columns=codes, fill_value=0).rename_axis(index=a, columns=b)

    agreeing = sum(len(set(unit.values())) == 1 for unit in units)
    return AgreementReport(
        annotators=annotators, items=len(found.codes), shared_items=len(shared), complete_items=len(complete),
        observed_agreement=agreeing / len(units) if units else math.nan,
        kappa=cohen_kappa(*_pair_codes(found, complete, *annotators)) if two else math.nan,
        alpha=krippendorff_alpha(units),
        per_code=per_code_frame,
        pairwise=pd.DataFrame(pairwise, columns=["annotator_a", "annotator_b", "items", "agreement", "kappa"]),
        confusion=confusion,
        disagreements=_items_frame(found, [k for k in shared if len(set(found.codes[k].values())) > 1]),
        duplicate_labels=found.duplicates,
    )


def _pair_codes(found: _Annotations, items: list[ItemKey], a: str, b: str,
                code: str | None = None) -> tuple[list[object], list[object]]:
    """Two annotators' codes on ``items`` (or, with ``code``, whether each chose it)."""
    codes_a = [found.codes[k][a] for k in items]
    codes_b = [found.codes[k][b] for k in items]
    if code is not None:
        return [c == code for c in codes_a], [c == code for c in codes_b]
    return codes_a, codes_b  # type: ignore[return-value]


def _items_frame(found: _Annotations, items: list[ItemKey]) -> pd.DataFrame:
    columns = _annotator_columns(found.annotators)
    records = []
    for key in items:
        record = dict(found.info[key])
        for a, column in columns.items():
            record[column] = found.codes[key].get(a, "")
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=ITEM_COLUMNS + list(columns.values()))
    for name in ("other_start", "other_end", "row_id"):
        frame[name] = frame[name].astype("Int64")
    return frame


def merge_labels(label_frames: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Every labelled span once, a column per annotator with their code, ``status``
    (agree: everyone gave the same code; disagree: codes differ; incomplete: not
    everyone labelled it, those who did agree) and ``adjudicated``, pre-filled with
    the code where everyone agrees and empty for a person to decide."""
    found = _gather(label_frames)
    frame = _items_frame(found, list(found.codes))
    status, adjudicated = [], []
    for key in found.codes:
        given = set(found.codes[key].values())
        everyone = len(found.codes[key]) == len(found.annotators)
        status.append("disagree" if len(given) > 1 else "agree" if everyone else "incomplete")
        adjudicated.append(next(iter(given)) if everyone and len(given) == 1 else "")
    frame["status"] = status
    frame["adjudicated"] = adjudicated
    return frame
