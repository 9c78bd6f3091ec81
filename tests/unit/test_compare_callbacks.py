"""compare's early callbacks: the units of every article before alignment, then the aligned
rows, each before the analysis is done (what the window shows while an event opens)."""

from tabayun.core.analysis.comparison import compare


def test_units_come_before_the_rows_and_are_the_comparisons_units(sample_dir):
    calls = []

    def on_units(articles, units):
        calls.append(("units", list(articles), {d: list(us) for d, us in units.items()}))

    def on_rows(articles, rows):
        calls.append(("rows", list(articles), list(rows)))

    def progress(stage, _fraction):
        calls.append(("stage", stage))

    comparison = compare([sample_dir], progress=progress, on_rows=on_rows, on_units=on_units)
    kinds = [c[0] if c[0] != "stage" else c[1] for c in calls]
    assert kinds.index("units") < kinds.index("aligning") < kinds.index("rows")
    ((_, docs, units),) = [c for c in calls if c[0] == "units"]
    assert docs == list(comparison.articles) and units == comparison.units
    # each unit is still a span of its article's original text, in the article's own order
    for doc, us in units.items():
        text = comparison.articles[doc].text
        assert all(u.text == text[u.start:u.end] for u in us)
        assert [u.start for u in us] == sorted(u.start for u in us)
