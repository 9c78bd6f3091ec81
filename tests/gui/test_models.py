"""Every model passes Qt's model tester, on the sample event and on an empty one."""

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from tabayun.core.sharing.event_view import EventView
from tabayun.ui.grid_model import GridModel, RowFilterProxy
from tabayun.ui.outlet_state import OutletState
from tabayun.ui.panel_models import CategoryFilterProxy, DifferencesFilterProxy, DifferencesModel, OutletsModel, TermsModel
from tabayun.ui.roles import DirectionRole, HighlightsRole, OmissionRole


@pytest.fixture
def view(sample):
    return EventView(sample)


@pytest.fixture
def outlets(view):
    state = OutletState()
    state.reset({d: a.outlet for d, a in view.comparison.articles.items()})
    return state


def test_grid_model(qtmodeltester, view, outlets):
    model = GridModel(outlets)
    qtmodeltester.check(model)
    model.set_view(view)
    qtmodeltester.check(model)
    assert model.columnCount() == len(view.comparison.articles)
    assert model.rowCount() == len(view.comparison.rows)
    omitted = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())
               if model.index(r, c).data(OmissionRole)]
    assert omitted
    r, c = omitted[0]
    assert model.index(r, c).data() is None
    assert model.index(r, c).data(HighlightsRole) == []
    assert model.index(1, 0).data(DirectionRole) in (Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight)


def test_row_filter_proxy(qtmodeltester, view, outlets):
    model = GridModel(outlets)
    model.set_view(view)
    proxy = RowFilterProxy(outlets)
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filters(omissions_only=True)
    qtmodeltester.check(proxy)
    assert 1 < proxy.rowCount() < model.rowCount()
    proxy.set_filters(omissions_only=False, query="الرباط")
    qtmodeltester.check(proxy)
    assert 1 < proxy.rowCount() < model.rowCount()
    assert proxy.mapToSource(proxy.index(0, 0)).row() == 0  # the headlines stay on top


def test_differences_and_terms_models(qtmodeltester, view, outlets):
    diffs = DifferencesModel(outlets)
    diffs.set_view(view)
    qtmodeltester.check(diffs)
    proxy = DifferencesFilterProxy(outlets)
    proxy.setSourceModel(diffs)
    qtmodeltester.check(proxy)
    proxy.set_filter(category="lexical", min_score=0.1)
    qtmodeltester.check(proxy)
    terms = TermsModel(outlets)
    terms.set_view(view)
    qtmodeltester.check(terms)
    tproxy = CategoryFilterProxy()
    tproxy.setSourceModel(terms)
    tproxy.set_category("lexical")
    qtmodeltester.check(tproxy)


def test_outlets_model_renames_hides_and_reorders(qtmodeltester, outlets):
    model = OutletsModel(outlets)
    qtmodeltester.check(model)
    first = outlets.order[0]
    assert model.setData(model.index(0), "قناة أ")
    assert outlets.label(first) == "قناة أ"
    assert model.setData(model.index(1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert outlets.order[1] in outlets.hidden
    outlets.move(first, 2)
    assert outlets.order[2] == first
    qtmodeltester.check(model)
    outlets.set_blind(True)
    assert model.index(outlets.order.index(first)).data() == "A"
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsEditable


def test_agreement_table_models(qtmodeltester, sample):
    """The agreement dialog's tables over a real report: two annotators on the sample's differences."""
    from tabayun.core.annotation.agreement import agreement_report
    from tabayun.ui.agreement_view import FrameModel

    records = []
    for n, d in enumerate(d for d in sample.differences if d.category == "lexical"):
        for annotator, code in (("R1", "referent_label"), ("R2", "agency" if n % 4 == 0 else "referent_label")):
            records.append({"annotator": annotator, "doc_id": d.doc_a, "char_start": d.a_start, "char_end": d.a_end,
                            "text": d.a_text, "other_doc_id": d.doc_b, "other_start": d.b_start,
                            "other_end": d.b_end, "other_text": d.b_text, "row_id": d.row_id, "code": code})
    frame = pd.DataFrame(records)
    report = agreement_report({"R1": frame[frame.annotator == "R1"], "R2": frame[frame.annotator == "R2"]})
    assert len(report.disagreements) > 0
    empty = FrameModel()
    qtmodeltester.check(empty)
    per_code = FrameModel(report.agreement_frame(), headers={"code": "Code"})
    qtmodeltester.check(per_code)
    assert per_code.headerData(0, Qt.Orientation.Horizontal) == "Code"
    assert per_code.rowCount() == len(report.per_code) + 1
    confusion = FrameModel(report.confusion["R1", "R2"], index_header="R1 / R2")
    qtmodeltester.check(confusion)
    assert confusion.columnCount() == len(report.confusion["R1", "R2"].columns) + 1
    disagreements = FrameModel(report.disagreements, ["outlet", "text", "R1", "R2"])
    qtmodeltester.check(disagreements)
    assert disagreements.rowCount() == len(report.disagreements)
    assert {disagreements.index(r, 3).data() for r in range(disagreements.rowCount())} == {"agency"}
    per_code.set_frame(None)
    qtmodeltester.check(per_code)
