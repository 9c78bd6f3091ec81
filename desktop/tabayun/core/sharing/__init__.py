"""Showing and sharing what was found: what the window highlights, the report, charts,
labelled-difference tables, the summary and the Export folder."""
