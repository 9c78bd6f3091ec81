"""The codebook: the shipped one is complete and usable; a team's own file is checked line by line."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from tabayun.core.analysis import categories
from tabayun.core.annotation.codebook import (CODEBOOK_COLUMNS, Codebook, CodebookError, contrast_with_black,
                                   default_codebook, load_codebook)
from tabayun.core.resources import resource

FRAMING = ["referent_label", "descriptor_added", "casualty_term", "scare_quotes", "attribution_verb",
           "epistemic_marker", "agency", "evaluative_word", "source_selection", "omission", "inclusion_emphasis"]
NOT_FRAMING = ["spelling_variant", "translation_variant", "factual_discrepancy", "neutral"]
HEADER = "# name: Team codebook\n# version: 2.1\n" + ",".join(CODEBOOK_COLUMNS) + "\n"


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return default_codebook()


def write(tmp_path: Path, text: str, name: str = "team.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_codebook_has_every_code_with_both_labels(codebook):
    assert (codebook.name, codebook.version) == ("Tabayun framing codebook", "1.0")
    assert set(codebook.ids) == set(FRAMING + NOT_FRAMING)
    assert [c.id for c in codebook.codes if not c.framing] == NOT_FRAMING
    arabic = re.compile("[\u0621-\u064a]")
    for code in codebook.codes:
        assert code.label_en and arabic.search(code.label_ar), code.id
        assert code.definition and "\n" not in code.definition and code.example, code.id
    assert codebook.code("casualty_term").example.startswith("شهيد / قتيل")
    assert "القدس المحتلة" in codebook.code("descriptor_added").example
    assert "وزير الحرب" in codebook.code("referent_label").example


def test_keys_digits_for_nine_codes_letters_for_the_rest(codebook):
    keys = [c.key for c in codebook.codes]
    assert len(set(keys)) == len(keys)
    assert sorted(k for k in keys if k.isdigit()) == list("123456789")
    assert all(k.isalpha() and len(k) == 1 for k in keys if not k.isdigit())
    assert codebook.by_key("1").id == "referent_label"
    assert codebook.by_key("S") is codebook.by_key("s") is codebook.code("source_selection")
    assert codebook.by_key("0") is None and codebook.by_key("") is None


def test_colours_are_light_and_distinct(codebook):
    colours = [c.colour for c in codebook.codes]
    assert all(re.fullmatch("#[0-9a-f]{6}", c) for c in colours)
    assert min(contrast_with_black(c) for c in colours) >= 7  # black text stays easy to read

    def rgb(colour):
        return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]

    closest = min(sum((x - y) ** 2 for x, y in zip(rgb(a), rgb(b))) ** 0.5
                  for a, b in itertools.combinations(colours, 2))
    assert closest >= 20


def test_code_lookup_and_search(codebook):
    with pytest.raises(KeyError):
        codebook.code("nope")
    assert codebook.search("referent")[0].id == "referent_label"
    assert codebook.search("SCARE")[0].id == "scare_quotes"
    assert codebook.search("referent label")[0].id == "referent_label"  # "_" counts as a space
    assert [c.id for c in codebook.search("الاسناد")] == ["attribution_verb"]  # hamza does not matter
    assert {c.id for c in codebook.search("تَسْمِيَة")} == {"referent_label", "casualty_term"}  # nor diacritics
    assert codebook.search("") == list(codebook.codes)
    assert codebook.search("zzz") == []
    # codes whose name starts with the text come before those merely containing it
    assert [c.id for c in codebook.search("ag")][:1] == ["agency"]


def test_every_machine_category_suggests_a_code(codebook):
    for category in categories.categories():
        assert codebook.suggest(category) in codebook.ids, category
    assert codebook.suggest("spelling") == "spelling_variant"
    assert codebook.suggest("number") == "factual_discrepancy"
    assert codebook.suggest("punctuation") == "neutral"
    assert codebook.suggest("lexical") == "referent_label"
    assert codebook.suggest("scare_quotes") == "scare_quotes"
    assert codebook.suggest("attribution_verb") == "attribution_verb"
    assert codebook.suggest(None) is None and codebook.suggest("omission_guess") is None


def test_the_shipped_file_loads_as_a_team_file_too(codebook):
    path = Path(str(resource("codebook", "default.csv")))
    assert load_codebook(path) == codebook


def test_team_codebook_loads_with_bom_comments_and_quoted_commas(tmp_path):
    text = HEADER + (
        "# a comment between codes\n"
        'label,Label,تسمية,"Names, titles",وزير الحرب,#FFD0A0,1,true\n'
        "\n"
        "other,Other,أخرى,Anything else,,#eeeeee,o,no\n"
    )
    path = tmp_path / "team.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    book = load_codebook(path)
    assert (book.name, book.version, book.ids) == ("Team codebook", "2.1", ("label", "other"))
    assert book.code("label").definition == "Names, titles"
    assert book.code("label").colour == "#ffd0a0"
    assert book.code("other").framing is False
    assert book.suggest("lexical") is None  # this codebook has no referent_label
    nameless = write(tmp_path, ",".join(CODEBOOK_COLUMNS) + "\nx,X,س,d,e,#eeeeee,1,true\n", "ours.csv")
    assert (load_codebook(nameless).name, load_codebook(nameless).version) == ("ours", "")


@pytest.mark.parametrize("rows, line, reason", [
    ("a,A,أ,d,e,#eeeeee,1,true\na,B,ب,d,e,#dddddd,2,true\n", 6, "id 'a' is already used on line 5"),
    ("a,A,أ,d,e,#eeeeee,1,true\nb,B,ب,d,e,#dddddd,1,true\n", 6, "key '1' is already used on line 5"),
    ("a,A,أ,d,e,#eeeeee,x,true\nb,B,ب,d,e,#dddddd,X,true\n", 6, "key 'x' is already used"),
    ("a,A,أ,d,e,#eeeeee,1,true\nb,B,ب,d,e,#ggg000,2,true\n", 6, "colour '#ggg000' is not #rrggbb"),
    ("a,A,أ,d,e,red,1,true\n", 5, "colour 'red' is not #rrggbb"),
    ("a,A,أ,d,e,#000080,1,true\n", 5, "too dark for black text"),
    ("a,A,أ,d,e,#eeeeee,1,maybe\n", 5, "framing 'maybe' must be true or false"),
    ("a,A,أ,d,e,#eeeeee,12,true\n", 5, "key '12' must be one letter or digit"),
    ("a b,A,أ,d,e,#eeeeee,1,true\n", 5, "id 'a b' must be letters, digits and _"),
    ("a,A,أ,d,e,#eeeeee,1\n", 5, "has 7 fields, expected 8"),
])
def test_team_codebook_errors_name_the_line_and_reason(tmp_path, rows, line, reason):
    with pytest.raises(CodebookError) as caught:
        load_codebook(write(tmp_path, HEADER + "\n" + rows))  # rows start on line 5
    assert caught.value.line == line
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"team.csv line {line}: ")


def test_missing_columns_and_empty_and_binary_files_are_refused(tmp_path):
    with pytest.raises(CodebookError, match="line 3: missing column.s. colour, key") as caught:
        load_codebook(write(tmp_path, HEADER.replace(",colour,key", "") + "a,A,أ,d,e,true\n"))
    assert isinstance(caught.value, ValueError)
    with pytest.raises(CodebookError, match="has no codes"):
        load_codebook(write(tmp_path, HEADER))
    (tmp_path / "junk.csv").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe" + bytes(range(256)))
    with pytest.raises(CodebookError, match="junk.csv: is not UTF-8"):
        load_codebook(tmp_path / "junk.csv")
    with pytest.raises(CodebookError, match="cannot be read"):
        load_codebook(tmp_path / "missing.csv")
