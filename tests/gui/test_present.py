"""Classroom mode (View → Present) on the sample event, offscreen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tabayun.core.annotation.targets import for_difference
from tabayun.core.sharing.event_view import whole_words
from tabayun.ui.categories import CATEGORY_COLOURS
from tabayun.ui.offsets import python_index
from tabayun.ui.present import PresentationWindow

from .conftest import doc_of


def present(qtbot, window, outlets_shown=None) -> PresentationWindow:
    p = PresentationWindow(window.view, window.outlets, window.labelling.annotation, outlets_shown)
    qtbot.addWidget(p)
    p.resize(1600, 1000)
    p.show()
    return p


def shown_panels(p: PresentationWindow):
    return [panel for panel in p.panels if panel.isVisible()]


def visible_text(p: PresentationWindow) -> str:
    return "\n".join(label.text() for label in p.findChildren(QLabel) if label.isVisible())


def highlighted(panel) -> list[tuple[str, str]]:
    """(words, category) of a panel's highlights, checked to be whole words of its text."""
    text = panel.text.text
    out = []
    for start, length, category in panel.highlight_ranges:
        s, e = python_index(text, start), python_index(text, start + length)
        assert whole_words(text, s, e) == (s, e), f"{text[s:e]!r} is part of a word"
        out.append((text[s:e], category))
    return out


def first_visit(view) -> tuple[int, str, str]:
    """The row where 001 writes «الحرب» and 002 «الدفاع» (the Israeli minister's first visit)."""
    d001, d002 = doc_of(view, "001"), doc_of(view, "002")
    for row in range(len(view.rows)):
        a, b = view.cell(row, d001), view.cell(row, d002)
        if a and b and "الحرب" in a.text and "الدفاع" in b.text:
            return row, d001, d002
    raise AssertionError("no first-visit row")


def test_steps_only_through_claims_where_the_shown_outlets_differ(qtbot, sample_window):
    view = sample_window.view
    p = present(qtbot, sample_window)
    assert p.shown == sample_window.outlets.visible()[:2]  # no reference: the first two outlets
    differ = [r for r in range(len(view.rows)) if view.lead_difference(r, visible=p.shown) is not None
              or view.is_omission(r, visible=p.shown)]
    assert 0 < len(differ) < len(view.rows)
    visited = [p.row]
    while p.next_claim():
        visited.append(p.row)
    assert visited == differ == p.claims
    for row in set(range(len(view.rows))) - set(differ):  # what is skipped: the same, or neither reports it
        cells = [view.cell(row, d) for d in p.shown]
        assert all(c is None for c in cells) or view.lead_difference(row, visible=p.shown) is None


def test_arrows_follow_the_reading_direction_and_stop_at_the_ends(qtbot, sample_window):
    p = present(qtbot, sample_window)
    assert p.view.direction == "rtl" and p.position == 0
    qtbot.keyClick(p, Qt.Key.Key_Right)  # back, from the first claim: stays
    assert p.position == 0
    qtbot.keyClick(p, Qt.Key.Key_Left)  # Arabic reads right to left: left is forward
    assert p.position == 1
    qtbot.keyClick(p, Qt.Key.Key_Space)
    qtbot.keyClick(p, Qt.Key.Key_PageDown)
    assert p.position == 3
    qtbot.keyClick(p, Qt.Key.Key_PageUp)
    assert p.position == 2
    qtbot.keyClick(p, Qt.Key.Key_End)
    last = len(p.claims) - 1
    qtbot.keyClick(p, Qt.Key.Key_Left)
    assert p.position == last
    assert f"claim {last + 1} / {last + 1}" in p.footer.text()
    assert "← Space next" in p.footer.text() and "→ previous" in p.footer.text()


def test_reveal_steps_plain_then_whole_word_highlights_then_categories(qtbot, sample_window):
    view = sample_window.view
    row, d001, d002 = first_visit(view)
    p = present(qtbot, sample_window, [d001, d002])
    assert p.go_to_row(row) and p.row == row and p.step == 0
    panels = {panel.doc_id: panel for panel in shown_panels(p)}
    assert set(panels) == {d001, d002}
    assert all(panel.highlight_ranges == [] for panel in panels.values())
    qtbot.keyClick(p, Qt.Key.Key_Down)
    assert p.step == 1
    for panel in panels.values():
        words = highlighted(panel)
        assert words and all(category in CATEGORY_COLOURS for _, category in words)
    assert ("الحرب", "lexical") in highlighted(panels[d001])
    assert ("الدفاع", "lexical") in highlighted(panels[d002])
    assert "Word choice" not in p.caption.text()
    qtbot.keyClick(p, Qt.Key.Key_Return)
    assert p.step == 2 and "Word choice" in p.caption.text()
    qtbot.keyClick(p, Qt.Key.Key_Down)  # no step after the last
    assert p.step == 2
    qtbot.keyClick(p, Qt.Key.Key_Up)
    qtbot.keyClick(p, Qt.Key.Key_Backspace)
    assert p.step == 0 and all(panel.highlight_ranges == [] for panel in panels.values())
    qtbot.keyClick(p, Qt.Key.Key_Down)
    qtbot.keyClick(p, Qt.Key.Key_Left)  # a new claim starts plain again
    assert p.step == 0


def test_step_two_shows_a_label_code_in_both_languages_and_its_note(qtbot, sample_window):
    w = sample_window
    row, d001, d002 = first_visit(w.view)
    d = next(d for d in w.view.differences_in_row(row) if {d.a_text, d.b_text} == {"الحرب", "الدفاع"})
    w.settings.annotator = "tester"
    assert w.labelling.annotation.apply(for_difference(d), "referent_label", note="one ministry, two names")
    p = present(qtbot, w, [d001, d002])
    p.go_to_row(row)
    p.reveal()
    assert "Referent label" not in p.caption.text()
    p.reveal()
    caption = p.caption.text()
    assert "Referent label" in caption and "تسمية الفاعل" in caption and "one ministry, two names" in caption
    assert all(panel.text.underlines for panel in shown_panels(p))  # the labelled words, on both sides


def test_quiz_hides_every_outlet_name_until_r_reveals_them(qtbot, sample_window):
    w = sample_window
    p = present(qtbot, w, w.view.doc_ids[:3])
    names = [w.outlets.name(d) for d in w.view.doc_ids]
    assert any(name in visible_text(p) for name in names)
    qtbot.keyClick(p, Qt.Key.Key_B)
    shuffled = 0
    for _ in range(len(p.claims)):
        for _step in range(3):  # texts, differences, categories
            text = visible_text(p)
            assert not [name for name in names if name in text], text
            p.reveal()
        assert [panel.header.text() for panel in shown_panels(p)] == ["A", "B", "C"]
        assert p.displayed() == p.displayed()  # the same claim keeps its order
        shuffled += p.displayed() != p.shown
        if not p.next_claim():
            break
    assert shuffled  # the columns do move from claim to claim
    qtbot.keyClick(p, Qt.Key.Key_R)
    assert p.displayed() == p.shown
    headers = [panel.header.text() for panel in shown_panels(p)]
    assert all(w.outlets.name(d) in h for d, h in zip(p.shown, headers))
    assert all(re.match(r"^[ABC] · ", h) for h in headers)  # which letter was which outlet
    p.previous_claim()  # the next claim is a new guess
    assert not [name for name in names if name in visible_text(p)]
    qtbot.keyClick(p, Qt.Key.Key_B)
    assert all(any(name in panel.header.text() for name in names) for panel in shown_panels(p))


def test_an_outlet_that_does_not_report_the_claim_gets_a_marked_empty_panel(qtbot, sample_window):
    p = present(qtbot, sample_window)
    row = next(r for r in p.claims if any(p.view.cell(r, d) is None for d in p.shown))
    p.go_to_row(row)
    missing = [panel for panel in shown_panels(p) if p.view.cell(row, panel.doc_id) is None]
    reporting = [panel for panel in shown_panels(p) if panel not in missing]
    assert missing and reporting
    for panel in missing:
        assert panel.is_omission and panel.text.omission.isVisible()
        assert "not reported" in panel.text.omission.text() and "لم يرد" in panel.text.omission.text()
    assert not any(panel.is_omission or panel.text.omission.isVisible() for panel in reporting)


def test_tab_rotates_the_outlets_and_2_3_change_the_columns(qtbot, sample_window):
    w = sample_window
    p = present(qtbot, w)
    first = list(p.shown)
    qtbot.keyClick(p, Qt.Key.Key_3)
    assert p.columns == 3 and len(shown_panels(p)) == 3 and p.shown[:2] == first
    qtbot.keyClick(p, Qt.Key.Key_2)
    assert p.shown == first and len(shown_panels(p)) == 2
    qtbot.keyClick(p, Qt.Key.Key_Tab)
    assert p.shown != first and len(set(p.shown)) == 2
    qtbot.keyClick(p, Qt.Key.Key_Backtab)
    assert p.shown == first
    # a reference outlet stays on screen while the others rotate
    reference = w.view.doc_ids[3]
    w.outlets.set_reference(reference)
    p = present(qtbot, w)
    assert p.shown[0] == reference
    for _ in range(len(w.view.doc_ids)):
        qtbot.keyClick(p, Qt.Key.Key_Tab)
        assert p.shown[0] == reference and len(p.shown) == 2


@pytest.mark.parametrize("quiz", [False, True])
def test_print_handout_writes_a_pdf_page_per_claim(qtbot, sample_window, tmp_path, quiz):
    p = present(qtbot, sample_window)
    if quiz:
        p.toggle_quiz()
    path = tmp_path / "handout.pdf"
    p.print_handout(str(path))
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == len(p.claims)


def test_escape_closes_a_started_presentation(qtbot, sample_window):
    p = PresentationWindow(sample_window.view, sample_window.outlets, parent=sample_window)
    p.start(first_visit(sample_window.view)[0])
    assert p.isVisible() and p.row is not None
    with qtbot.waitSignal(p.destroyed, timeout=5000):  # a session: deleted once closed
        qtbot.keyClick(p, Qt.Key.Key_Escape)


def test_f5_opens_the_presentation_from_the_window(qtbot, sample_window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    sample_window.grid.setFocus()
    qtbot.keyClick(sample_window.grid, Qt.Key.Key_F5)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PresentationWindow) and w.isVisible()]
    assert len(shown) == 1 and shown[0].claims
    qtbot.keyClick(shown[0], Qt.Key.Key_Escape)
