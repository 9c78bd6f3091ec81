"""The corpus view in the real window: a corpus result opened (menu, command line, drop,
Recent), its events sorted and searched, an event opened in the grid with Enter and labelled
into its own labels.csv; what the window says of an unfinished run or a folder that is no
corpus result."""

from __future__ import annotations

import pytest
from small_corpus import write_corpus_result
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tabayun.core.annotation.labels import read_labels
from tabayun.core.corpus.result import open_corpus_result
from tabayun.ui.corpus_models import CorpusEventsModel, CorpusEventsProxy, OutletTermsModel, OutletTermsProxy
from tabayun.ui.roles import ItemRole

from .conftest import key_of, press


@pytest.fixture
def corpus(tmp_path):
    return write_corpus_result(tmp_path)


def open_corpus(qtbot, window, folder):
    with qtbot.waitSignal(window.corpus.opened, timeout=10000):
        window.open_paths([str(folder)])
    return window.corpus.panel


def shown_ids(panel) -> list[str]:
    proxy = panel.events_proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def row_of(panel, event_id: str):
    return next(panel.events_proxy.index(r, 0) for r in range(panel.events_proxy.rowCount())
                if panel.events_proxy.index(r, 0).data() == event_id)


def test_models(qtmodeltester, corpus):
    result = open_corpus_result(corpus)
    events = CorpusEventsModel()
    qtmodeltester.check(events)
    events.set_events(result.events)
    qtmodeltester.check(events)
    events.set_open_event("E00002")
    qtmodeltester.check(events)
    proxy = CorpusEventsProxy()
    proxy.setSourceModel(events)
    qtmodeltester.check(proxy)
    proxy.set_query("wire")
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    terms = OutletTermsModel()
    qtmodeltester.check(terms)
    terms.set_table(result.term_table())
    qtmodeltester.check(terms)
    assert terms.columnCount() == 2 + 4 and terms.rowCount() == 4
    tproxy = OutletTermsProxy()
    tproxy.setSourceModel(terms)
    qtmodeltester.check(tproxy)
    tproxy.set_query("gaddafi")
    qtmodeltester.check(tproxy)
    assert tproxy.rowCount() == 2


def test_open_a_corpus_result_from_the_command_line_path(qtbot, window, corpus):
    panel = open_corpus(qtbot, window, corpus)
    assert window.corpus.dock.isVisible()
    assert window.view is None  # no event opened by itself: the user picks one
    assert "Choose an event in the corpus list" in window.placeholder.text()
    assert shown_ids(panel) == ["E00001", "E00002", "E00003"]
    assert panel.title.text() == "\u200e\u2068corpus\u2069: 3 events, 8 articles, 2 compared"
    assert panel.footer.text().startswith("3 events")
    model = panel.events_model
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0:3] == ["E00001", "2021-11-24", "5"]
    assert "الميادين نت" in first[3] and first[3].startswith("5 · ")
    assert model.index(1, 3).data() == "2 · Paper; Wire"
    assert first[6].startswith("الاحتلال / إسرائيل; وزير الحرب / وزير الدفاع")
    assert "الاحتلال" in first[6] and first[4] == "9" and first[5] == ""  # no labels yet
    assert model.index(2, 6).data() == "one outlet: not compared"
    assert model.index(2, 4).data() == "—"
    # the outlet x term table: a column per outlet, k/n and the share in each cell
    terms = panel.terms_model
    header = [terms.headerData(c, Qt.Orientation.Horizontal) for c in range(terms.columnCount())]
    assert header == ["Term", "Reading", "Paper", "Wire", "الميادين نت", "بي بي سي"]
    gaddafi = next(r for r in range(terms.rowCount()) if terms.index(r, 1).data() == "Gaddafi")
    assert terms.index(gaddafi, 3).data() == "5/6 · 83%"
    assert terms.index(gaddafi, 4).data() == ""  # never a witness of this term
    tip = terms.index(gaddafi, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "5 of the 6 events" in tip
    assert tip.endswith("A one-off: Wire wrote Qadhafi once, Gaddafi otherwise")  # core.corpus.patterns
    assert terms.index(gaddafi, 2).data(Qt.ItemDataRole.ToolTipRole).endswith("A habit: Paper always writes Qadhafi")
    assert not panel.terms_empty.isVisible() or panel.tabs.currentIndex() == 0
    assert not panel.messages.isVisible()


def test_sort_and_search(qtbot, window, corpus):
    panel = open_corpus(qtbot, window, corpus)
    panel.events_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by date
    assert shown_ids(panel) == ["E00002", "E00003", "E00001"]
    panel.events_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # most articles first
    assert shown_ids(panel) == ["E00001", "E00002", "E00003"]
    panel.events_table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # word choices; not compared first
    assert shown_ids(panel)[0] == "E00003"
    qtbot.keyClicks(panel.search, "Wire")
    qtbot.waitUntil(lambda: panel.events_proxy.rowCount() == 2)
    assert sorted(shown_ids(panel)) == ["E00002", "E00003"]
    assert panel.footer.text().startswith("2 of 3 events shown")
    panel.set_query("الإحتلال")  # the hamza form of the event's word: found all the same
    assert shown_ids(panel) == ["E00001"]
    assert panel.terms_proxy.rowCount() == 2  # the terms table is searched too
    panel.set_query("2011-10 paper")
    assert shown_ids(panel) == ["E00002"]
    panel.set_query("E00003")
    assert shown_ids(panel) == ["E00003"]
    panel.set_query("nothing like this")
    assert shown_ids(panel) == []
    panel.set_query("")
    assert len(shown_ids(panel)) == 3


def test_enter_opens_the_event_and_a_label_lands_in_its_folder(qtbot, window, corpus, settings):
    settings.annotator = "R1"
    panel = open_corpus(qtbot, window, corpus)
    panel.set_query("الميادين")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # from the search box to the list, keyboard only
    assert panel.events_table.currentIndex().data() == "E00001"
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        qtbot.keyClick(panel.events_table, Qt.Key.Key_Return)
    event_folder = corpus / "events" / "E00001"
    assert window.paths == [str(event_folder)]
    assert len(window.view.comparison.articles) == 5
    assert panel.events_model.open_event == "E00001"  # the list stays and marks it
    assert window.corpus.dock.isVisible()
    row = panel.events_table.currentIndex()
    assert row.data() == "E00001" and row.data(Qt.ItemDataRole.FontRole).bold()
    assert "open: E00001" in panel.footer.text()
    assert window.windowTitle() == "E00001 of corpus — Tabayun"
    # label the first word choice the usual way: the label is saved in the event's folder
    window.next_difference()
    press(qtbot, window, key_of("referent_label"))
    (label,) = read_labels(event_folder / "labels.csv")
    assert label.code == "referent_label" and label.annotator == "R1"
    assert not (corpus / "labels.csv").exists()
    assert panel.events_model.index(0, 5).data() == "✓"  # the list shows it has labels
    # opened again later: the list knows which events have labels
    panel = open_corpus(qtbot, window, corpus)
    assert [panel.events_model.index(r, 5).data() for r in range(3)] == ["✓", "", ""]
    panel.events_table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # the ones still to do first
    assert shown_ids(panel)[-1] == "E00001"


def test_next_event_and_a_story_one_outlet_told(qtbot, window, corpus):
    panel = open_corpus(qtbot, window, corpus)
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.corpus.act_next.trigger()  # none open: the current row, the first
    assert panel.events_model.open_event == "E00001"
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.corpus.act_next.trigger()
    assert panel.events_model.open_event == "E00002"
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.corpus.act_next.trigger()
    assert panel.events_model.open_event == "E00003"
    assert len(window.view.comparison.articles) == 1  # it opens, alone
    assert "only one outlet told this story" in window.statusBar().currentMessage()
    window.corpus.act_next.trigger()  # past the end: said, nothing opened
    assert window.statusBar().currentMessage() == "No more events in the list."
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.corpus.act_prev.trigger()
    assert panel.events_model.open_event == "E00002"
    # the list marks only the event shown: an event opened otherwise leaves it unmarked
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.open_paths([str(corpus / "events" / "E00001" / "000_da5021ca098f9bca.txt"),
                           str(corpus / "events" / "E00001" / "003_13a86b1c63e4aa1e.txt")])
    assert panel.events_model.open_event is None


def test_f6_goes_to_the_list_and_back(qtbot, window, corpus):
    panel = open_corpus(qtbot, window, corpus)
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        qtbot.keyClick(panel.events_table, Qt.Key.Key_Return)
    window.activateWindow()
    window.grid.setFocus()
    window.corpus.act_list.trigger()
    qtbot.waitUntil(lambda: panel.events_table.hasFocus())
    window.corpus.act_list.trigger()
    qtbot.waitUntil(lambda: window.grid.hasFocus())


def test_recent_menu_and_drop_reopen_the_corpus(qtbot, window, corpus):
    open_corpus(qtbot, window, corpus)
    window._fill_recent()
    action = next(a for a in window.recent_menu.actions() if a.text() == "corpus/ (corpus result)")
    window.corpus.dock.hide()
    with qtbot.waitSignal(window.corpus.opened, timeout=10000):
        action.trigger()
    assert window.corpus.dock.isVisible()
    window.corpus.dock.hide()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(corpus))])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.corpus.opened, timeout=10000):
        window.dropEvent(drop)
    assert window.corpus.dock.isVisible()


def test_an_unfinished_run_says_to_run_the_command_again(qtbot, window, tmp_path):
    corpus = write_corpus_result(tmp_path, complete=False)
    with qtbot.waitSignal(window.corpus.failed, timeout=10000) as failed:
        window.open_paths([str(corpus)])
    message = failed.args[0]
    assert "did not finish" in message and "Run the same command again" in message
    assert f"--out {corpus}" in message
    assert window.message_bar.text() == message
    assert not window.corpus.dock.isVisible()
    assert window.view is None and not window.loading  # not opened as a folder of articles either


def test_a_folder_that_is_no_corpus_result(qtbot, window, sample_dir):
    with qtbot.waitSignal(window.corpus.failed, timeout=10000) as failed:
        window.corpus.open(sample_dir)  # File -> Open Corpus Result... on an event folder
    assert "is not a corpus result: it has no corpus.json" in failed.args[0]
    assert "File → Open Folder" in failed.args[0]
    assert window.message_bar.level == "error"


def test_a_damaged_file_is_said_and_the_rest_shown(qtbot, window, corpus):
    (corpus / "across" / "terms_by_outlet.csv").unlink()
    panel = open_corpus(qtbot, window, corpus)
    assert len(shown_ids(panel)) == 3
    assert panel.messages.isVisible()
    assert panel.messages.text().startswith("across/terms_by_outlet.csv is missing")
    assert panel.terms_model.rowCount() == 0 and not panel.terms_empty.isHidden()


def test_an_event_whose_folder_is_gone(qtbot, window, corpus):
    import shutil

    panel = open_corpus(qtbot, window, corpus)
    shutil.rmtree(corpus / "events" / "E00002")
    panel.events_table.setCurrentIndex(row_of(panel, "E00002"))
    qtbot.keyClick(panel.events_table, Qt.Key.Key_Return)
    assert "E00002's folder" in window.message_bar.text() and "is missing" in window.message_bar.text()
    assert not window.loading and window.view is None
    assert panel.current_event().event_id == "E00002" and panel.current_event() is row_of(panel, "E00002").data(ItemRole)


def test_the_corpus_view_speaks_arabic(qtbot, qapp, window, corpus):
    from tabayun.ui import i18n

    from .test_arabic_interface import chrome_texts, english_words

    assert i18n.install(qapp, "ar") == "ar"
    from tabayun.ui.main_window import MainWindow

    w = MainWindow(window.settings, window.base_font)
    qtbot.addWidget(w)
    w.show()
    panel = open_corpus(qtbot, w, corpus)
    assert panel.layoutDirection() == Qt.LayoutDirection.RightToLeft
    texts = {where: text for where, text in chrome_texts(w).items()
             if where != "label corpus_title"  # it names the folder
             and not where.startswith(("header 2 of corpus_terms", "header 3 of corpus_terms"))}  # outlets
    untranslated = {where: text for where, text in texts.items() if english_words(text)}
    assert not untranslated, f"English left in the Arabic corpus view: {untranslated}"
    assert panel.tabs.tabText(0) == "الأحداث" and panel.footer.text().startswith("3 أحداث")
    assert panel.title.text().startswith("\u200f")  # the folder's Latin name does not turn the line around
    model = panel.events_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "الحدث"
    assert model.index(1, 3).data() == "2 · Paper; Wire"


@pytest.mark.parametrize("complete", [True, False, "no events"])
def test_screenshot_of_a_corpus_result(tmp_path, complete):
    """`tabayun DIR --screenshot`: the list with its first event open (the list alone when it
    has none); an unfinished run: exit 2."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    corpus = write_corpus_result(tmp_path, complete=bool(complete))
    if complete == "no events":
        (corpus / "events.csv").write_text("event_id\n", encoding="utf-8")
    out = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    code = f"import sys; from tabayun.ui.app import run; sys.exit(run([{str(corpus)!r}], screenshot={str(out)!r}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                            timeout=120)
    assert result.returncode == (0 if complete else 2), result.stderr
    assert QImage(str(out)).width() == 1600
