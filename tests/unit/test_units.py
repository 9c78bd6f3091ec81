from tabayun.core.model import Article, SegmentRole, UnitKind
from tabayun.core.analysis.units import sentence_spans, split_units


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, 0, len(text))]


def test_arabic_sentence_punctuation_splits():
    assert _sentences("وصل الوزير. هل وقع الاتفاق؟ نعم وقع! ثم غادر؛ وعاد") == [
        "وصل الوزير.", "هل وقع الاتفاق؟", "نعم وقع!", "ثم غادر؛", "وعاد"]


def test_no_split_inside_numbers_abbreviations_or_quotes():
    assert len(_sentences("بلغت الصفقة 3.5 مليون دولار في 24.11.2021 وفق المصدر.")) == 1
    assert len(_sentences("Mr. Gantz met U.S. officials in Rabat on Wednesday.")) == 1
    assert len(_sentences("قال د. أحمد إن الزيارة مهمة.")) == 1
    quote = "وأضاف “سوف نوقع اتفاقيات تعاون. من المهم جدا أن تكون ناجحة”. ثم غادر."
    assert _sentences(quote) == ["وأضاف “سوف نوقع اتفاقيات تعاون. من المهم جدا أن تكون ناجحة”.", "ثم غادر."]
    assert len(_sentences('قال "هذا مهم. جدا" ثم سكت.')) == 1


def test_closing_quote_stays_with_its_sentence():
    assert _sentences("ورفض «مبرراته الزائفة». وغادر.") == ["ورفض «مبرراته الزائفة».", "وغادر."]


def test_units_round_trip_and_skip_furniture():
    text = "إعلان\n\nعنوان الخبر هنا\n\nالرباط- (بي بي سي): وقع البلدان اتفاقا. وغادر الوزير.\n\nمقالات ذات صلة\nخبر آخر"
    segments, units = split_units(Article("x", text, "x"))
    assert [u.text for u in units] == ["عنوان الخبر هنا", "وقع البلدان اتفاقا.", "وغادر الوزير."]
    assert units[0].kind is UnitKind.HEADLINE
    assert all(text[u.start:u.end] == u.text for u in units)
    roles = {text[s.start:s.end]: s.role for s in segments}
    assert roles["الرباط- (بي بي سي): "[:-1]] is SegmentRole.METADATA
    assert roles["خبر آخر"] is SegmentRole.FURNITURE and roles["إعلان"] is SegmentRole.FURNITURE


def test_english_furniture_and_metadata():
    text = ("Morocco and Israel sign defence pact\nBy Jane Doe\nAdvertisement\n"
            "RABAT (Reuters) - Morocco and Israel signed a pact on Wednesday.\nShare this article\n"
            "Source: Reuters\nRelated articles\nSomething else entirely.")
    segments, units = split_units(Article("en", text, "en"))
    assert [u.text for u in units] == ["Morocco and Israel sign defence pact",
                                       "Morocco and Israel signed a pact on Wednesday."]
    meta = sorted(s.reason for s in segments if s.role is SegmentRole.METADATA)
    assert meta == ["byline", "dateline", "source"]
