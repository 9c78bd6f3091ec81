"""Alignment of the sample event: claims found wherever they stand, paraphrase joined,
omissions left alone, and nothing depending on the order of the files."""

import shutil

from conftest import find_unit, row_of

from tabayun.core.analysis.comparison import compare
from tabayun.core.model import UnitKind


def test_first_visit_sentences_of_001_and_002_share_a_row(sample):
    u001 = find_unit(sample, "001", "الحرب إسرائيلي إلى المغرب")
    u002 = find_unit(sample, "002", "هي الأولى لوزير الدفاع الإسرائيلي")
    assert row_of(sample, u001) is row_of(sample, u002)


def test_three_renderings_of_the_ministers_quote_share_a_row(sample):
    units = [find_unit(sample, "001", "أمر مهم جدًا"), find_unit(sample, "002", "تطور مهم للغاية"),
             find_unit(sample, "004", "مهمة للغاية وستسمح لنا")]
    rows = {row_of(sample, u).row_id for u in units}
    assert len(rows) == 1


def test_golden_book_sentence_of_002_is_alone(sample):
    row = row_of(sample, find_unit(sample, "002", "الدفتر الذهبي"))
    assert list(row.units) == [next(d for d in sample.articles if d.startswith("002"))]


def test_sentences_that_merely_share_words_stay_apart(sample):
    # 000 "met his French counterpart" and 002 "his Moroccan counterpart received him"
    met = row_of(sample, find_unit(sample, "000", "التقى وزير الدفاع الإسرائيلي نظيره الفرنسي"))
    received = row_of(sample, find_unit(sample, "002", "يستقبله نظيره المغربي"))
    assert met is not received
    assert len(met.units) == 1


def test_every_unit_is_in_exactly_one_row_and_round_trips(sample):
    seen = []
    for row in sample.rows:
        for doc, units in row.units.items():
            indices = [u.index for u in units]
            assert indices == list(range(indices[0], indices[0] + len(indices)))  # adjacent
            for u in units:
                assert sample.articles[doc].text[u.start:u.end] == u.text
                seen.append(u.unit_id)
    assert sorted(seen) == sorted(u.unit_id for units in sample.units.values() for u in units)
    assert len(seen) == len(set(seen))


def test_rows_follow_the_articles_reading_order(sample):
    # In every article, most of its units appear in the grid in reading order.
    for doc in sample.articles:
        order = [u.index for row in sample.claim_rows() for u in row.units.get(doc, ())]
        in_order = sum(1 for a, b in zip(order, order[1:]) if a < b)
        assert in_order >= 0.8 * (len(order) - 1), doc


def test_headline_rows_come_first(sample):
    kinds = [r.kind for r in sample.rows]
    first_claim = kinds.index(UnitKind.SENTENCE)
    assert first_claim >= 1 and all(k is UnitKind.HEADLINE for k in kinds[:first_claim])
    assert all(k is UnitKind.SENTENCE for k in kinds[first_claim:])


def test_article_about_another_event_is_flagged(sample):
    flags = {o.doc_id[:3]: o for o in sample.overlap()}
    assert flags["003"].other_event
    assert not any(flags[d].other_event for d in ("000", "001", "002", "004"))
    assert flags["003"].overlap < min(flags[d].overlap for d in ("000", "001", "002", "004"))


def _signature(comparison):
    return sorted(tuple(sorted(u.unit_id for units in r.units.values() for u in units)) for r in comparison.rows)


def test_result_does_not_depend_on_file_order(sample, sample_dir, tmp_path):
    files = sorted(sample_dir.glob("*.txt"))
    again = compare(list(reversed(files)))
    assert _signature(again) == _signature(sample)
    assert [r.row_id for r in again.rows] == [r.row_id for r in sample.rows]
    assert again.alignment_frame().equals(compare(files).alignment_frame())


def test_windows_1256_copy_aligns_like_utf8(sample, sample_dir, tmp_path):
    for path in sorted(sample_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        (tmp_path / path.name).write_bytes(text.encode("cp1256"))
    shutil.copy(sample_dir / "manifest.csv", tmp_path / "manifest.csv")
    legacy = compare([tmp_path])
    assert {a.encoding for a in legacy.articles.values()} == {"cp1256"}
    assert _signature(legacy) == _signature(sample)
