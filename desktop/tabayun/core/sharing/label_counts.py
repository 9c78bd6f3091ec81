"""What a label's code is called, and how many labels each outlet's words carry, code by
code: the one count the report's table and the codes-per-outlet chart both show.

A label on a pair of outlets (``other_doc_id``: a difference between them, or a claim one
of them leaves out) is about both: it counts under each of its two outlets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..annotation.codebook import Codebook, default_codebook

if TYPE_CHECKING:
    from ..analysis.comparison import Comparison

NO_CODE = "(no code)"


def code_names(code_id: str, codebook: Codebook | None = None) -> tuple[str, str]:
    """The code's English and Arabic names in ``codebook`` (the default one if None); a code
    the codebook does not have keeps its id as its name (a team's own code, an old file)."""
    if not code_id:
        return NO_CODE, ""
    try:
        code = (codebook or default_codebook()).code(code_id)
    except KeyError:
        return code_id, ""
    return code.label_en, code.label_ar


def code_name(code_id: str, codebook: Codebook | None = None) -> str:
    """"Referent label · تسمية الفاعل": both names of a code on one line."""
    return " · ".join(n for n in code_names(code_id, codebook) if n)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def labels_per_outlet(labels: pd.DataFrame | None, comparison: Comparison,
                      codebook: Codebook | None = None) -> pd.DataFrame:
    """Outlets (the event's order, then any other doc ids) × code names (codebook order, then
    others): how many labels are on each outlet's words. A pair label counts for both outlets."""
    if labels is None or labels.empty:
        return pd.DataFrame()
    codebook = codebook or default_codebook()
    counted = []
    for line in labels.to_dict("records"):
        code = code_name(_text(line.get("code")), codebook)
        docs = dict.fromkeys(d for d in (_text(line.get("doc_id")), _text(line.get("other_doc_id"))) if d)
        counted += [(comparison.outlet(d) if d in comparison.articles else d, code) for d in docs]
    frame = pd.DataFrame(counted, columns=["outlet", "code"])
    table = pd.crosstab(frame["outlet"], frame["code"])
    outlets = [comparison.outlet(d) for d in comparison.doc_ids if comparison.outlet(d) in table.index]
    outlets += [o for o in table.index if o not in outlets]
    codes = [n for n in (code_name(c.id, codebook) for c in codebook.codes) if n in table.columns]
    codes += [c for c in table.columns if c not in codes]
    return table.loc[outlets, codes]
