"""The real window, offscreen, on the sample event and on broken input."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tabayun.core.model import UnitKind
from tabayun.ui.delegates import OMISSION_HATCH
from tabayun.ui.fonts import BASE_POINT_SIZE
from tabayun.ui.categories import CATEGORY_LABELS
from tabayun.ui.roles import DocRole, HighlightsRole, OmissionRole
from tabayun.ui.offsets import python_index

from .conftest import doc_of, open_and_wait


def source_row_of(window, doc_prefix: str, needle: str) -> int:
    view = window.view
    doc = doc_of(view, doc_prefix)
    for r, row in enumerate(view.rows):
        cell = view.cell(r, doc)
        if cell and needle in " ".join(cell.text.split()):  # no-break spaces count as spaces
            return r
    raise AssertionError(f"{needle!r} not in {doc}")


def highlighted_words(window, source_row: int, doc: str) -> list[tuple[str, str]]:
    """(words, category) of a cell's highlights, as the delegate gets them (UTF-16 ranges)."""
    index = window.grid_model.index(source_row, window.grid_model.column_of(doc))
    text = index.data()
    out = []
    for start, length, category in index.data(HighlightsRole):
        s, e = python_index(text, start), python_index(text, start + length)
        out.append((text[s:e], category))
    return out


def needs_differences(window):
    if not window.view.comparison.differences:
        pytest.skip("core.diff gives no differences yet")


def test_sample_event_opens_one_column_per_outlet(sample_window, sample):
    w = sample_window
    assert w.grid_model.columnCount() == len(sample.articles) == 5
    assert [w.grid.horizontalHeader().isSectionHidden(c) for c in range(5)] == [False] * 5
    assert w.grid_model.rowCount() == len(sample.rows)
    assert w.view.rows[0].kind is UnitKind.HEADLINE
    assert w.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft  # an Arabic event reads right to left
    assert "Sample event" in w.windowTitle()
    assert not w.message_bar.isVisible()
    headers = [w.grid_model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == [a.outlet for a in sample.articles.values()]


def test_first_visit_row_highlights_war_and_defence(sample_window):
    w = sample_window
    needs_differences(w)
    row = source_row_of(w, "001", "هي الأولى لوزير الحرب")
    assert row == source_row_of(w, "002", "هي الأولى لوزير الدفاع")
    d001, d002 = doc_of(w.view, "001"), doc_of(w.view, "002")
    war = [words for words, cat in highlighted_words(w, row, d001) if cat == "lexical" and "الحرب" in words]
    defence = [words for words, cat in highlighted_words(w, row, d002) if cat == "lexical" and "الدفاع" in words]
    # 001 departs from the majority (000, 002, 004 write «الدفاع»): only 001's cell is marked
    assert war and not defence
    assert all(len(words.split()) <= 3 for words in war)  # words, not the whole sentence
    # against 001 as the reference outlet, 002 is the one that departs
    w.outlets.set_reference(d001)
    try:
        defence = [words for words, cat in highlighted_words(w, row, d002) if cat == "lexical" and "الدفاع" in words]
        assert defence and all(len(words.split()) <= 3 for words in defence)
    finally:
        w.outlets.set_reference(None)
    # and the delegate lays the cell out with that range coloured
    index = w.proxy.mapFromSource(w.grid_model.index(row, w.grid_model.column_of(d001)))
    text = index.data()
    layout = w.grid.delegate.cell_layout(index, w.grid.columnWidth(index.column()))
    spans = [text[python_index(text, f.start):python_index(text, f.start + f.length)] for f in layout.formats()]
    assert any("الحرب" in span for span in spans)


def test_next_and_previous_difference_with_the_keyboard(sample_window, qtbot):
    w = sample_window
    needs_differences(w)
    w.activateWindow()
    w.grid.setFocus()
    qtbot.keyClick(w.grid, Qt.Key.Key_F8)
    first = w.grid.currentIndex()
    assert first.isValid() and w.current_difference is not None
    source = w.proxy.mapToSource(first).row()
    assert w.view.differences_in_row(source)
    assert w.grid.doc_at_column(first.column()) in (w.current_difference.doc_a, w.current_difference.doc_b)
    assert w.differences_panel.current_difference() == w.current_difference
    # F8 visits every difference, not every row: each slot where a shown outlet departs, in order
    expected = [(w.view.rows[r].row_id, slot.slot_id) for r in range(len(w.view))
                for slot, _d in w.view.stops(r, w.difference_categories(), None, w.outlets.visible())]
    visited = [(w.current_difference.row_id, w.view.slot_of(w.current_difference).slot_id)]
    while w.next_difference():
        visited.append((w.current_difference.row_id, w.view.slot_of(w.current_difference).slot_id))
    assert visited == expected and len(visited) > len({row for row, _ in visited})  # rows with several
    last = w.current_difference
    qtbot.keyClick(w.grid, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert (w.current_difference.row_id, w.view.slot_of(w.current_difference).slot_id) == visited[-2]
    qtbot.keyClick(w.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.current_difference == last
    assert not w.next_difference() and w.current_difference == last  # nothing further: stays


def test_the_current_difference_is_outlined_in_its_two_cells_only(sample_window):
    from tabayun.ui.roles import CurrentRole

    w = sample_window
    needs_differences(w)
    w.next_difference()
    d = w.current_difference
    row = w.view.row_index(d.row_id)
    outlined = {(r, c) for r in range(w.grid_model.rowCount()) for c in range(w.grid_model.columnCount())
                if w.grid_model.index(r, c).data(CurrentRole)}
    expected = {(row, w.grid_model.column_of(doc)) for doc, s, e in ((d.doc_a, d.a_start, d.a_end),
                                                                    (d.doc_b, d.b_start, d.b_end)) if e > s}
    assert outlined == expected
    for r, c in outlined:  # the frame is around the difference's own words
        index = w.grid_model.index(r, c)
        text = index.data()
        doc = w.grid_model.doc_id(c)
        start, end = (d.a_start, d.a_end) if doc == d.doc_a else (d.b_start, d.b_end)
        [(u_start, u_len)] = index.data(CurrentRole)
        framed = text[python_index(text, u_start):python_index(text, u_start + u_len)]
        assert w.view.comparison.articles[doc].text[start:end].strip() in framed
    w.next_difference()
    assert not w.grid_model.index(*next(iter(outlined))).data(CurrentRole) or w.current_difference.row_id == d.row_id


def test_clicking_a_highlighted_word_makes_its_difference_current(sample_window, qtbot):
    w = sample_window
    needs_differences(w)
    war = next(d for d in w.view.comparison.differences if d.category == "lexical" and "الحرب" in (d.a_text + d.b_text))
    doc = war.doc_a if "الحرب" in war.a_text else war.doc_b
    start = war.a_start if doc == war.doc_a else war.b_start
    row = w.view.row_index(war.row_id)
    index = w.proxy.mapFromSource(w.grid_model.index(row, w.grid_model.column_of(doc)))
    cell = w.view.cell(row, doc)
    w.grid.word_clicked.emit(index, start - cell.start + 1)  # what a click on that word sends
    assert w.current_difference is not None
    mine = w.current_difference.a_text if w.current_difference.doc_a == doc else w.current_difference.b_text
    assert "الحرب" in mine and w.current_difference.category == "lexical"
    # a word no highlight covers (the outlet reads like the others there) selects nothing
    covered = [(h.start, h.end) for h in w.view.cell_highlights(row, doc, w.grid_model.categories, None,
                                                                   w.outlets.visible())]
    plain = next(i for i, ch in enumerate(cell.text) if ch.isalpha() and not any(s <= i < e for s, e in covered))
    assert not w.navigator.show_at(index, plain) and "الحرب" in mine


def test_selecting_a_difference_in_the_panel_selects_it_in_the_grid(sample_window):
    w = sample_window
    needs_differences(w)
    table = w.differences_panel.table
    last = table.model().index(table.model().rowCount() - 1, 0)
    table.setCurrentIndex(last)
    d = w.current_difference
    assert d is last.data(Qt.ItemDataRole.UserRole + 8)
    current = w.grid.currentIndex()
    assert w.proxy.mapToSource(current).row() == w.view.row_index(d.row_id)
    selected = {w.grid.doc_at_column(i.column()) for i in w.grid.selectionModel().selectedIndexes()}
    assert selected == {d.doc_a, d.doc_b}


def test_blind_mode_replaces_names_by_letters(sample_window, sample, settings):
    w = sample_window
    w.act_blind.trigger()
    names = {a.outlet for a in sample.articles.values()}
    headers = [w.grid_model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["A", "B", "C", "D", "E"]
    tips = " ".join(w.grid_model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
                    for c in range(5))
    listed = [w.outlets_panel.model.index(r).data() for r in range(5)]
    panel = [w.differences_panel.model.index(r, c).data() for r in range(w.differences_panel.model.rowCount())
             for c in (1, 4)]
    for shown in headers + listed + panel + [tips, w.windowTitle(), w.status_label.text()]:
        assert not any(name in shown for name in names), shown
    assert settings.blind
    w.act_blind.trigger()
    assert w.grid_model.headerData(0, Qt.Orientation.Horizontal) == sample.articles[w.view.doc_ids[0]].outlet


def test_omission_cell_is_marked(sample_window):
    w = sample_window
    d002 = doc_of(w.view, "002")
    row = source_row_of(w, "004", "وقال مصدر اطلع على مذكرة التفاهم السرية")
    index = w.proxy.mapFromSource(w.grid_model.index(row, w.grid_model.column_of(d002)))
    assert index.data(OmissionRole) is True and index.data() is None
    assert "does not report" in index.data(Qt.ItemDataRole.ToolTipRole)
    w.grid.scrollTo(index)
    image = w.grid.viewport().grab().toImage()
    rect = w.grid.visualRect(index)
    colours = {image.pixelColor(x, y).name() for x in range(rect.left() + 2, rect.right() - 2, 3)
               for y in range(rect.top() + 2, rect.bottom() - 2, 3)}
    assert OMISSION_HATCH.name() in colours  # the hatching is painted
    assert "#ffffff" not in colours or len(colours) > 2


def test_filters_search_and_outlet_controls(sample_window, qtbot):
    w = sample_window
    total = w.proxy.rowCount()
    w.act_omissions.trigger()
    omissions = w.proxy.rowCount()
    assert 1 < omissions < total
    for r in range(omissions):
        source = w.proxy.mapToSource(w.proxy.index(r, 0)).row()
        assert w.view.is_headline(source) or w.view.is_omission(source)  # headline rows stay on top
    w.act_omissions.trigger()
    assert w.proxy.rowCount() == total
    if w.view.comparison.differences:
        w.act_lexical.trigger()
        assert 1 < w.proxy.rowCount() < total
        w.act_lexical.trigger()
    w.search.setText("اسرائيل")  # no hamza: finds إسرائيل
    qtbot.waitUntil(lambda: w.proxy.rowCount() < total)
    assert w.proxy.rowCount() > 1
    w.search.clear()
    qtbot.waitUntil(lambda: w.proxy.rowCount() == total)

    d003 = doc_of(w.view, "003")
    w.outlets.set_hidden(d003, True)
    assert w.grid.isColumnHidden(w.grid_model.column_of(d003))
    w.outlets.show_all()
    assert not w.grid.isColumnHidden(w.grid_model.column_of(d003))
    d001 = doc_of(w.view, "001")
    w.outlets.rename(d001, "صحيفة الحرب")
    assert w.grid_model.headerData(w.grid_model.column_of(d001), Qt.Orientation.Horizontal) == "صحيفة الحرب"
    w.outlets.set_reference(d001)
    assert w.grid_model.headerData(w.grid_model.column_of(d001), Qt.Orientation.Horizontal).startswith("★")
    for r in range(len(w.view)):
        for doc in w.view.doc_ids:
            assert all(d001 in (d.doc_a, d.doc_b) for d in w.view.cell_differences(r, doc, reference=d001))
    order = list(w.outlets.order)
    w.outlets.move(order[0], 2)
    assert w.grid.visual_order() == w.outlets.order != order


def test_outlet_layout_and_view_settings_are_remembered(qtbot, sample_window, settings, sample_dir):
    from tabayun.ui.main_window import MainWindow

    w = sample_window
    d001 = doc_of(w.view, "001")
    w.outlets.rename(d001, "الجريدة")
    w.outlets.set_hidden(doc_of(w.view, "003"), True)
    w.set_zoom(3)
    w.legend.boxes["punctuation"].setChecked(False)
    w.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.zoom == 3
    assert "punctuation" not in again.legend.shown()
    assert settings.recent_events and settings.recent_events[0] == [str(sample_dir.resolve())]
    open_and_wait(qtbot, again, [sample_dir])
    assert again.outlets.label(d001) == "الجريدة"
    assert again.grid.isColumnHidden(again.grid_model.column_of(doc_of(again.view, "003")))


def test_zoom_changes_the_article_font(sample_window):
    w = sample_window
    size = w.grid.delegate.font().pointSizeF()
    height = w.grid.rowHeight(1)
    w.act_zoom_in.trigger()
    w.act_zoom_in.trigger()
    w.grid.relayout_rows()
    assert w.grid.delegate.font().pointSizeF() == size + 2
    assert w.grid.rowHeight(1) > height
    w.act_zoom_reset.trigger()
    assert w.zoom == 0 and w.grid.delegate.font().pointSizeF() == BASE_POINT_SIZE


def test_raw_article_shows_the_furniture(sample_window):
    w = sample_window
    d002 = doc_of(w.view, "002")
    row = source_row_of(w, "002", "هي الأولى لوزير الدفاع")
    w.grid.setCurrentIndex(w.proxy.mapFromSource(w.grid_model.index(row, w.grid_model.column_of(d002))))
    w.act_raw.trigger()
    assert w.article_dock.isVisible()
    raw = w.article_panel.raw_text()
    assert "تصغير" in raw and "تكبير" in raw  # page furniture, hidden from the grid
    assert "هي الأولى لوزير الدفاع" in raw
    grid_text = " ".join(filter(None, (w.grid_model.index(r, w.grid_model.column_of(d002)).data()
                                       for r in range(w.grid_model.rowCount()))))
    assert "تصغير" not in grid_text


def test_a_bad_file_is_reported_and_the_rest_loads(qtbot, window, sample_dir, tmp_path):
    for name in ("001_c7587bccc0fc7438.txt", "002_55425f2f31b4ad18.txt"):
        shutil.copy(sample_dir / name, tmp_path / name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 40)
    open_and_wait(qtbot, window, [tmp_path])
    assert window.grid_model.columnCount() == 2
    assert window.message_bar.isVisible()
    text = window.message_bar.text()
    assert "empty.txt" in text and "garbage.txt" in text
    assert "other 2 articles loaded" in text


def test_nothing_loadable_says_why_and_keeps_the_window(qtbot, window, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with qtbot.waitSignal(window.load_failed, timeout=30000) as blocker:
        window.open_paths([str(tmp_path)])
    assert "empty.txt" in blocker.args[0]
    assert window.message_bar.isVisible() and window.message_bar.level == "error"
    assert window.view is None and not window.loading


def test_files_dropped_on_the_window_open(qtbot, window, sample_dir):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_dir / "000_da5021ca098f9bca.txt")),
                  QUrl.fromLocalFile(str(sample_dir / "004_9b3bef138c95522f.txt"))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.event_loaded, timeout=30000):
        window.dropEvent(event)
    assert window.grid_model.columnCount() == 2


def test_legend_hides_faint_categories(sample_window):
    w = sample_window
    assert set(w.legend.boxes) >= {"lexical", "spelling", "punctuation", "loaded_term", "scare_quotes"}
    assert w.legend.isVisible()
    w.legend.boxes["spelling"].setChecked(False)
    assert "spelling" not in w.grid_model.categories
    for r in range(w.grid_model.rowCount()):
        for c in range(w.grid_model.columnCount()):
            assert all(cat != "spelling" for *_, cat in w.grid_model.index(r, c).data(HighlightsRole))
    assert CATEGORY_LABELS["lexical"] in w.legend.boxes["lexical"].text()


def test_quoted_speech_box_shows_markers_inside_quotes(sample_window):
    w = sample_window

    def loaded_terms() -> int:
        return sum(cat == "loaded_term" for r in range(w.grid_model.rowCount()) for c in range(w.grid_model.columnCount())
                   for *_, cat in w.grid_model.index(r, c).data(HighlightsRole))

    assert not w.legend.quoted_speech.isChecked() and not w.view.quoted_speech  # the outlet's own wording only
    own_only = loaded_terms()
    w.legend.quoted_speech.setChecked(True)
    assert w.view.quoted_speech and loaded_terms() > own_only  # «الكفاح المسلح», «مجرم الحرب», ...
    w.legend.quoted_speech.setChecked(False)
    assert loaded_terms() == own_only


def test_header_reports_doc_ids(sample_window):
    w = sample_window
    assert [w.grid_model.headerData(c, Qt.Orientation.Horizontal, DocRole) for c in range(5)] == w.view.doc_ids


ENGLISH = ("Morocco and Israel sign security pact\n\n"
           "Morocco and Israel signed a defence agreement in Rabat on Wednesday, during the first visit "
           "of an Israeli defence minister to the kingdom.\n\n"
           "The memorandum allows Morocco to buy Israeli high-tech security equipment more easily.\n")
ENGLISH_B = ("Israel and Morocco seal defence deal\n\n"
             "Israel and Morocco signed a war agreement in Rabat on Wednesday, during the first visit "
             "of an Israeli war minister to the kingdom 😀.\n\n"
             "The memorandum lets Morocco buy Israeli high-tech security gear easily.\n")


def test_an_english_event_reads_left_to_right(qtbot, window, tmp_path):
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH_B, encoding="utf-8")
    open_and_wait(qtbot, window, [tmp_path])
    assert window.grid.layoutDirection() == Qt.LayoutDirection.LeftToRight
    index = window.grid_model.index(1, 0)
    assert index.data(Qt.ItemDataRole.UserRole + 2) == Qt.LayoutDirection.LeftToRight
    for r in range(window.grid_model.rowCount()):  # highlights stay on whole words, emoji or not
        for c in range(window.grid_model.columnCount()):
            text = window.grid_model.index(r, c).data() or ""
            for start, length, _ in window.grid_model.index(r, c).data(HighlightsRole):
                s, e = python_index(text, start), python_index(text, start + length)
                assert text[s:e].strip() and (s == 0 or not text[s - 1].isalnum())
                assert e == len(text) or not text[e].isalnum()


def test_a_mixed_event_sets_each_cells_direction_from_its_text(qtbot, window, sample_dir, tmp_path):
    shutil.copy(sample_dir / "001_c7587bccc0fc7438.txt", tmp_path / "001.txt")
    shutil.copy(sample_dir / "002_55425f2f31b4ad18.txt", tmp_path / "002.txt")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    open_and_wait(qtbot, window, [tmp_path])
    assert window.grid.layoutDirection() == Qt.LayoutDirection.RightToLeft  # mostly Arabic
    col_en = window.grid_model.column_of("en")
    col_ar = window.grid_model.column_of("001")
    def first_row(doc):  # headlines join rows by similarity: each article's own first row
        return next(r for r in range(len(window.view)) if window.view.cell(r, doc) is not None)

    row_en, row_ar = first_row("en"), first_row("001")
    directions = {window.grid_model.index(r, c).data(Qt.ItemDataRole.UserRole + 2)
                  for r, c in ((row_en, col_en), (row_ar, col_ar))}
    assert directions == {Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft}
    index = window.proxy.mapFromSource(window.grid_model.index(row_en, col_en))
    layout = window.grid.delegate.cell_layout(index, window.grid.columnWidth(col_en))
    assert layout.textOption().textDirection() == Qt.LayoutDirection.LeftToRight
    assert layout.textOption().alignment() & Qt.AlignmentFlag.AlignLeft


def test_dragging_a_column_header_reorders_the_outlets(sample_window, settings):
    w = sample_window
    header = w.grid.horizontalHeader()
    moved = w.grid.doc_at_column(header.logicalIndex(0))
    header.moveSection(0, 3)  # what a drag does
    assert w.outlets.order[3] == moved
    assert w.outlets.order == w.grid.visual_order()
    assert w.outlets_panel.model.index(3).data(DocRole) == moved
    assert settings.outlet_layout(w._event_key)["order"] == w.outlets.order


def test_sorting_the_differences_table_by_a_column_header(sample_window, qtbot):
    table = sample_window.differences_panel.table
    model = sample_window.differences_panel.model
    table.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # score, as a click on its header does
    scores = [model.items[r].slot.score for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True) and len(scores) > 10


def test_the_differences_panel_lists_one_line_per_slot_with_its_readings(sample_window):
    model = sample_window.differences_panel.model
    view = sample_window.view
    assert model.rowCount() == len(view.comparison.slots)
    war = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "«الحرب»")
    d001 = doc_of(view, "001")
    assert model.index(war, 3).data() == "«الدفاع»"
    assert model.index(war, 1).data() == sample_window.outlets.label(d001)
    assert model.index(war, 6).data() == "Word choice"
    tip = model.index(war, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "«الدفاع» (majority)" in tip and sample_window.outlets.label(d001) in tip
