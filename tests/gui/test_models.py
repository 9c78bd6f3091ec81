"""Every model passes Qt's model tester, on the sample event and on an empty one."""

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
