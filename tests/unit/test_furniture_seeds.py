"""Cleaning the sample event: furniture and metadata are out, headlines are recognised."""

from tabayun.core.model import SegmentRole, UnitKind

FURNITURE = ["إعلان", "فيديو قد يعجبك:", "هذا المحتوى من", "تصغير", "تكبير", "الأكثر قراءة", "يومي",
             "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "غانتس أمام ضريح محمد الخامس في الرباط أمس (رويترز)"]
METADATA = ["الرباط- (بي بي سي):", "03:14 م الأربعاء 24 نوفمبر 2021", "المصدر: الميادين نت", "ليست مصادفة"]


def test_furniture_and_metadata_are_never_units(sample):
    texts = {u.text for units in sample.units.values() for u in units}
    for line in FURNITURE + METADATA:
        assert line not in texts
        assert not any(t.startswith(line) for t in texts if line != "إعلان"), line


def test_furniture_is_recognised_with_its_reason(sample):
    found = {}
    for doc, segments in sample.segments.items():
        for s in segments:
            found.setdefault(sample.articles[doc].text[s.start:s.end], s)
    for line in FURNITURE:
        assert found[line].role is SegmentRole.FURNITURE, line
    assert "repeated" in found["غانتس أمام ضريح محمد الخامس في الرباط أمس (رويترز)"].reason
    assert found["الرباط- (بي بي سي):"].reason == "dateline"
    assert found["المصدر: الميادين نت"].reason == "source"
    assert found["03:14 م الأربعاء 24 نوفمبر 2021"].reason == "date"


def test_headlines(sample):
    heads = {d: [u.text for u in units if u.kind is UnitKind.HEADLINE] for d, units in sample.units.items()}
    by_prefix = {d[:3]: h for d, h in heads.items()}
    assert by_prefix["000"][0] == "توقيع مذكرة تفاهم دفاعية بين المغرب وإسرائيل في الرباط"
    assert by_prefix["001"][0].startswith("المغرب واسرائيل توقعان مذكرة تفاهم")
    assert by_prefix["002"] == ["يتيح للرباط اقتناء معدات أمنية عالية التكنولوجيا بسهولة",
                                "المغرب وإسرائيل يوقعان اتفاقاً أمنياً «غير مسبوق» لمواجهة التحديات"]
    assert by_prefix["003"] == ["وفد إسرائيلي عسكري في المغرب وقمة خماسية مرتقبة في القدس المحتلة"]
    assert by_prefix["004"] == []  # a wire story that opens straight on its first sentence
    # headlines join rows by similarity: 003's (another event) is diffed against no other
    headline_rows = [r for r in sample.rows if r.kind is UnitKind.HEADLINE]
    in_rows = sorted(u.unit_id for r in headline_rows for units in r.units.values() for u in units)
    assert in_rows == sorted(u.unit_id for units in sample.units.values() for u in units if u.kind is UnitKind.HEADLINE)
    alone = next(r for r in headline_rows if any(d.startswith("003") for d in r.units))
    assert len(alone.units) == 1
