"""The custom item-data roles of Tabayun's models, shared by the models, the delegate and the views."""

from __future__ import annotations

from PySide6.QtCore import Qt

# Custom roles of the grid model.
HighlightsRole = Qt.ItemDataRole.UserRole + 1  # [(utf16 start, utf16 length, category)]
DirectionRole = Qt.ItemDataRole.UserRole + 2  # Qt.LayoutDirection of the cell's text
OmissionRole = Qt.ItemDataRole.UserRole + 3  # True: this outlet does not report the claim
HeadlineRole = Qt.ItemDataRole.UserRole + 4  # True: the headline row
DocRole = Qt.ItemDataRole.UserRole + 5  # the column's doc_id
SearchRole = Qt.ItemDataRole.UserRole + 6  # search hits, like HighlightsRole
SortRole = Qt.ItemDataRole.UserRole + 7  # a sortable value (panels)
ItemRole = Qt.ItemDataRole.UserRole + 8  # the Difference / TermPair behind a panel row
CellRole = Qt.ItemDataRole.UserRole + 9  # (text or None, direction, is headline): what painting needs in one call
LabelsRole = Qt.ItemDataRole.UserRole + 10  # [(utf16 start, utf16 length, colour)] of the labels on the cell
CurrentRole = Qt.ItemDataRole.UserRole + 11  # [(utf16 start, utf16 length)] of the current difference's words
