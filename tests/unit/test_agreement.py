"""Agreement between annotators: textbook numbers, the krippendorff package, reports, merge and the CLI."""

from __future__ import annotations

import math
from dataclasses import replace

import krippendorff
import numpy as np
import pandas as pd
import pytest

from tabayun.cli import main
from tabayun.core.annotation.agreement import agreement_report, cohen_kappa, krippendorff_alpha, merge_labels
from tabayun.core.annotation.codebook import default_codebook
from tabayun.core.files import read_csv
from tabayun.core.annotation.labels import LabelStore, labels_frame, labels_to_csv, new_label

CODEBOOK = default_codebook()
EVENT = "gantz-morocco"


# --- the statistics --------------------------------------------------------------------

def test_kappa_textbook_example():
    # 50 proposals: both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    # p_o = 35/50 = 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/(1-0.5) = 0.4
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)
    assert cohen_kappa(b, a) == pytest.approx(0.4)


def test_kappa_three_codes_by_hand():
    # confusion (rows A, columns B) over x y z: [[4,1,0],[1,3,1],[0,0,2]], n = 12
    # p_o = 9/12; p_e = (5*5 + 5*4 + 2*3)/144 = 51/144; kappa = (108/144 - 51/144)/(93/144) = 57/93
    pairs = [("x", "x")] * 4 + [("x", "y")] + [("y", "x")] + [("y", "y")] * 3 + [("y", "z")] + [("z", "z")] * 2
    a, b = zip(*pairs)
    assert cohen_kappa(a, b) == pytest.approx(57 / 93)


def test_kappa_edges():
    assert cohen_kappa(list("abab"), list("abab")) == 1.0
    assert math.isnan(cohen_kappa([], []))
    assert math.isnan(cohen_kappa(["a", "a"], ["a", "a"]))  # one code throughout: undefined
    with pytest.raises(ValueError):
        cohen_kappa(["a"], ["a", "b"])


def test_alpha_krippendorffs_own_example_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal: 0.743
    nan = None
    coders = [[1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
              [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
              [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
              [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan]]
    units = [{f"c{c}": coders[c][u] for c in range(4)} for u in range(12)]
    assert krippendorff_alpha(units) == pytest.approx(0.743, abs=5e-4)
    assert math.isnan(krippendorff_alpha([{"a": "x"}, {"b": "y"}]))  # nothing pairable
    assert math.isnan(krippendorff_alpha([{"a": "x", "b": "x"}]))  # one value: undefined


@pytest.mark.parametrize("seed", range(12))
def test_alpha_equals_the_krippendorff_package_on_random_data(seed):
    rng = np.random.default_rng(seed)
    coders, units, values = rng.integers(2, 6), rng.integers(10, 80), rng.integers(2, 7)
    data = rng.integers(0, values, size=(coders, units)).astype(float)
    agree = rng.random(units) < 0.5  # some units where everyone copies coder 0, so alpha is not ~0
    data[:, agree] = data[0, agree]
    data[rng.random((coders, units)) < 0.25] = np.nan
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    reliability = [{f"coder{c}": f"code{int(data[c, u])}" for c in range(coders) if not np.isnan(data[c, u])}
                   for u in range(units)]
    assert krippendorff_alpha(reliability) == pytest.approx(expected, abs=1e-9)


def test_two_coders_without_missing_alpha_is_close_to_kappa():
    rng = np.random.default_rng(3)
    a = rng.integers(0, 4, 500)
    b = np.where(rng.random(500) < 0.7, a, rng.integers(0, 4, 500))
    kappa = cohen_kappa(list(a), list(b))
    alpha = krippendorff_alpha([{"a": x, "b": y} for x, y in zip(a, b)])
    assert abs(kappa - alpha) < 0.01  # they differ only by a small-sample correction


# --- reports on real labels ---------------------------------------------------------------

def label_differences(comparison, annotator, differences, code_of, flip_pair=False):
    out = []
    for d in differences:
        a, b = comparison.articles[d.doc_a], comparison.articles[d.doc_b]
        spans = dict(article=a, start=d.a_start, end=d.a_end, other=b, other_start=d.b_start, other_end=d.b_end)
        if flip_pair:  # the same difference, labelled from the other article's side
            spans = dict(article=b, start=d.b_start, end=d.b_end, other=a, other_start=d.a_start, other_end=d.a_end)
        out.append(new_label(event=EVENT, annotator=annotator, codebook=CODEBOOK, code=code_of(d),
                             row_id=d.row_id, suggested_code=CODEBOOK.suggest(d.category) or "",
                             difference_category=d.category, **spans))
    return out


@pytest.fixture(scope="module")
def two_annotators(sample):
    # every category (so several codes), the rest the strongest differences of any category
    ranked = sorted(sample.differences, key=lambda d: (-d.score, d.row_id, d.doc_a, d.doc_b, d.a_start))
    rare = [d for d in ranked if d.category != "lexical"][:16]
    diffs = [d for pair in zip(rare, [d for d in ranked if d.category == "lexical"]) for d in pair]
    diffs += [d for d in ranked if d not in diffs][:40 - len(diffs)]
    assert len(diffs) == 40
    suggested = lambda d: CODEBOOK.suggest(d.category)  # noqa: E731
    flipped = {d for i, d in enumerate(diffs) if i % 4 == 1}
    mona = label_differences(sample, "Mona", diffs[:34], suggested)
    # Karim labels 30 of Mona's 34 (half from the other side of the pair) and 6 she did not
    karim = (label_differences(sample, "Karim", diffs[4:20], lambda d: "evaluative_word" if d in flipped else suggested(d))
             + label_differences(sample, "Karim", diffs[20:40], lambda d: "evaluative_word" if d in flipped else suggested(d),
                                 flip_pair=True))
    return mona, karim, diffs, flipped


def test_report_for_two_annotators(two_annotators):
    mona, karim, diffs, flipped = two_annotators
    report = agreement_report({"mona.csv": labels_frame(mona), "karim.csv": labels_frame(karim)})
    assert report.annotators == ["Mona", "Karim"]
    assert (report.items, report.shared_items, report.complete_items) == (40, 30, 30)
    shared = diffs[4:34]
    codes_mona = [CODEBOOK.suggest(d.category) for d in shared]
    codes_karim = ["evaluative_word" if d in flipped else CODEBOOK.suggest(d.category) for d in shared]
    # kappa from the confusion matrix, independently of cohen_kappa's counting
    labels_ = sorted(set(codes_mona) | set(codes_karim))
    matrix = pd.crosstab(pd.Categorical(codes_mona, labels_), pd.Categorical(codes_karim, labels_),
                         dropna=False).to_numpy()
    n = matrix.sum()
    p_o = np.trace(matrix) / n
    p_e = (matrix.sum(axis=1) * matrix.sum(axis=0)).sum() / n ** 2
    assert report.kappa == pytest.approx((p_o - p_e) / (1 - p_e))
    as_numbers = {c: i for i, c in enumerate(labels_)}
    expected_alpha = krippendorff.alpha(reliability_data=[[as_numbers[c] for c in codes_mona],
                                                          [as_numbers[c] for c in codes_karim]],
                                        level_of_measurement="nominal")
    assert report.alpha == pytest.approx(expected_alpha)
    assert report.observed_agreement == pytest.approx(p_o)

    confusion = report.confusion["Mona", "Karim"]
    assert confusion.to_numpy().sum() == 30 and list(confusion.index) == list(confusion.columns)
    assert confusion.loc["referent_label", "evaluative_word"] == sum(
        1 for d in shared if d in flipped and CODEBOOK.suggest(d.category) == "referent_label")

    changed = [d for d in shared if d in flipped and CODEBOOK.suggest(d.category) != "evaluative_word"]
    dis = report.disagreements
    assert len(dis) == len(changed) > 0
    assert set(dis["Mona"]) <= set(CODEBOOK.ids) and set(dis["Karim"]) == {"evaluative_word"}
    assert list(dis.columns[:6]) == ["event", "doc_id", "outlet", "char_start", "char_end", "text"]
    for rec in dis.itertuples():
        assert rec.doc_id < rec.other_doc_id  # the pair in one fixed order, whichever side was labelled

    per_code = report.per_code.set_index("code")
    lexical = per_code.loc["referent_label"]
    binary = [(m == "referent_label", k == "referent_label") for m, k in zip(codes_mona, codes_karim)]
    assert lexical["kappa"] == pytest.approx(cohen_kappa(*zip(*binary)))
    assert lexical["alpha"] == pytest.approx(krippendorff.alpha(
        reliability_data=np.array(binary, dtype=float).T, level_of_measurement="nominal"))
    assert lexical["n Mona"] == codes_mona.count("referent_label") + sum(
        CODEBOOK.suggest(d.category) == "referent_label" for d in diffs[:4])

    lines = "\n".join(report.summary_lines())
    assert "Cohen's kappa" in lines and "Krippendorff's alpha" in lines and "referent_label" in lines
    assert f"Spans to adjudicate (codes differ): {len(changed)}" in lines
    overall = report.agreement_frame().iloc[-1]
    assert overall["code"] == "(all codes)" and overall["kappa"] == pytest.approx(report.kappa)


def test_three_annotators_pairwise_and_missing(two_annotators):
    mona, karim, diffs, _ = two_annotators
    salma = [replace(label, annotator="", label_id=label.label_id + "s") for label in mona[10:30]]
    frames = {"mona": labels_frame(mona), "karim": labels_frame(karim), "salma": labels_frame(salma)}
    report = agreement_report(frames)
    assert report.annotators == ["Mona", "Karim", "salma"]  # an empty annotator is named by its file
    assert len(report.pairwise) == 3 and set(report.confusion) == {("Mona", "Karim"), ("Mona", "salma"),
                                                                  ("Karim", "salma")}
    assert math.isnan(report.kappa)
    pair = report.pairwise.set_index(["annotator_a", "annotator_b"]).loc[("Mona", "salma")]
    assert (pair["items"], pair["agreement"], pair["kappa"]) == (20, 1.0, 1.0)
    # alpha over every span at least two annotators labelled, missing values allowed
    codes = {}
    for who, labels in (("Mona", mona), ("Karim", karim), ("salma", salma)):
        for label in labels:
            key = tuple(sorted([(label.doc_id, label.char_start), (label.other_doc_id, label.other_start)]))
            codes.setdefault(key, {})[who] = label.code
    ids = {c: i for i, c in enumerate(sorted({c for unit in codes.values() for c in unit.values()}))}
    matrix = [[ids[unit[w]] if w in unit else np.nan for unit in codes.values()] for w in ("Mona", "Karim", "salma")]
    assert report.alpha == pytest.approx(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
    assert "Pairs (n, agreement, kappa)" in "\n".join(report.summary_lines())
    assert report.confusion_frame()["annotator_a"].nunique() == 2


def test_a_relabelled_span_counts_once_with_the_latest_code(two_annotators):
    mona, karim, _, _ = two_annotators
    again = replace(mona[5], label_id="x" * 32, code="agency", updated_at="2999-01-01T00:00:00Z")
    report = agreement_report({"mona": labels_frame(mona + [again]), "karim": labels_frame(karim)})
    assert report.duplicate_labels == 1 and report.items == 40
    assert report.per_code.set_index("code").loc["agency", "n Mona"] == 1
    assert "most recently updated" in "\n".join(report.summary_lines())


def test_merge_one_line_per_span_with_adjudication_prefilled(two_annotators):
    mona, karim, diffs, flipped = two_annotators
    merged = merge_labels({"mona": labels_frame(mona), "karim": labels_frame(karim)})
    assert len(merged) == 40
    assert list(merged.columns[-4:]) == ["Mona", "Karim", "status", "adjudicated"]
    agree = merged[merged["status"] == "agree"]
    assert (agree["adjudicated"] == agree["Mona"]).all() and (agree["Mona"] == agree["Karim"]).all()
    assert (merged.loc[merged["status"] != "agree", "adjudicated"] == "").all()
    assert set(merged["status"]) == {"agree", "disagree", "incomplete"}
    assert (merged["status"] == "incomplete").sum() == 10  # 4 only Mona labelled, 6 only Karim


def test_omissions_are_items_of_a_span_and_the_silent_article(sample):
    doc, silent, third = sorted(sample.articles)[:3]
    unit = sample.units[doc][1]
    def omission(annotator, other, code="omission"):
        return new_label(event=EVENT, annotator=annotator, codebook=CODEBOOK, code=code, article=sample.articles[doc],
                         start=unit.start, end=unit.end, other=sample.articles[other])
    frames = {"a": labels_frame([omission("A", silent), omission("A", third)]),
              "b": labels_frame([omission("B", silent, "source_selection"), omission("B", third)])}
    report = agreement_report(frames)
    assert (report.items, report.shared_items, len(report.disagreements)) == (2, 2, 1)
    row = report.disagreements.iloc[0]
    assert (row["doc_id"], row["other_doc_id"], row["char_start"]) == (doc, silent, unit.start)
    assert pd.isna(row["other_start"]) and (row["A"], row["B"]) == ("omission", "source_selection")


def test_no_shared_spans_is_said_plainly(two_annotators):
    mona, karim, _, _ = two_annotators
    report = agreement_report({"mona": labels_frame(mona[:4]), "karim": labels_frame(karim[-4:])})
    assert report.shared_items == 0 and math.isnan(report.alpha)
    assert "nothing to compare" in "\n".join(report.summary_lines())
    assert report.disagreements.empty and report.confusion["Mona", "Karim"].to_numpy().sum() == 0


# --- the command line -------------------------------------------------------------------------

@pytest.fixture
def label_files(two_annotators, tmp_path):
    mona, karim, _, _ = two_annotators
    paths = []
    for name, labels in (("mona", mona), ("karim", karim)):
        path = tmp_path / name / "labels.csv"  # same file name in two folders, as researchers send them
        store = LabelStore(path, EVENT)
        for label in labels:
            store.add(replace(label, note="=cmd|' /C calc'!A0") if label is labels[0] else label)
        paths.append(path)
    return paths


def test_cli_agreement_prints_the_report_and_writes_the_tables(label_files, tmp_path, capsys):
    out = tmp_path / "agreement"
    assert main(["agreement", *map(str, label_files), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Annotators: Mona, Karim" in printed and "Cohen's kappa" in printed and "n = 30" in printed
    for name in ("agreement.csv", "confusion.csv", "disagreements.csv"):
        assert (out / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    table = read_csv(out / "agreement.csv")
    assert table["code"].iloc[-1] == "(all codes)"
    assert {"kappa", "alpha", "items"} <= set(table.columns)
    dis = read_csv(out / "disagreements.csv")
    assert {"Mona", "Karim", "doc_id", "char_start", "other_start"} <= set(dis.columns) and len(dis) > 0
    confusion = read_csv(out / "confusion.csv")
    assert list(confusion.columns[:3]) == ["annotator_a", "annotator_b", "code_a"]


def test_cli_merge_writes_one_table(label_files, tmp_path, capsys):
    merged_path = tmp_path / "merged.csv"
    assert main(["merge", *map(str, label_files), "--out", str(merged_path)]) == 0
    assert "40 labelled spans" in capsys.readouterr().out
    merged = read_csv(merged_path)
    assert len(merged) == 40 and {"Mona", "Karim", "adjudicated", "status"} <= set(merged.columns)
    assert merged_path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_refuses_a_malformed_labels_file_with_file_line_and_reason(label_files, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    lines = labels_to_csv([]).decode("utf-8-sig") + "x," * 23 + "y\r\n"
    bad.write_bytes(lines.encode("utf-8-sig"))
    for command in (["agreement", str(label_files[0]), str(bad)], ["merge", str(bad), "--out", str(tmp_path / "m.csv")]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert f"{bad} line 2: " in err and "is not a number" in err and "Traceback" not in err
    assert not (tmp_path / "m.csv").exists()
    assert main(["agreement", str(label_files[0]), str(tmp_path / "missing.csv")]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["agreement", str(label_files[0])]) == 2
    assert "two or more annotators" in capsys.readouterr().err
