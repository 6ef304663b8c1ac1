"""claims_eval: matching rules, scoring only gold keys, article context, file loading."""

import json
from pathlib import Path

import pytest

from training.claims_eval import (
    evaluate_claims,
    field_matches,
    load_claims_file,
    main,
    quote_matches,
    speaker_matches,
)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("the Ministry of Peshmerga", "Ministry of Peshmerga"),
        ("the Ministry of Peshmerga", "the ministry"),
        ("Kurilla", "General Michael Kurilla"),
        ("a security source from Garmiyan", "A security source"),
        ("He", "he"),
    ],
)
def test_speaker_matches_without_articles_either_way_contained(gold: str, predicted: str) -> None:
    assert speaker_matches(gold, predicted)


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("the coalition", "the army"),
        ("he", "the ministry"),  # whole words, not letters: 'he' is not in 'the'
        ("the ministry", None),
        (None, "the ministry"),
        ("the", "the army"),  # an article alone names nothing
    ],
)
def test_speaker_mismatches(gold: str | None, predicted: str | None) -> None:
    assert not speaker_matches(gold, predicted)


def test_null_speaker_matches_only_null() -> None:
    assert speaker_matches(None, None)


def test_quote_matches_after_trimming_edges() -> None:
    assert quote_matches("We will respond.", " “We will respond,” ")
    assert quote_matches(None, None)
    assert not quote_matches("We will respond", "We will not respond")
    assert not quote_matches("We will respond", None)


def test_quote_keeps_case_and_inner_punctuation() -> None:
    assert not quote_matches("We fled. They came", "we fled. they came")
    assert not quote_matches("calm ... tense", "calm tense")


def test_numbers_and_flags_match_exactly() -> None:
    assert field_matches("killed", 13, 13)
    assert field_matches("killed", None, None)
    assert not field_matches("killed", 13, 12)
    assert not field_matches("killed", 1, True)
    assert field_matches("approximate", True, True)
    assert not field_matches("approximate", False, None)


def rows() -> list[dict]:
    return [
        {"id": "a-1", "doc_id": "a", "labels": ["official_statement"],
         "text": "Colonel Sami Rashid said: “They fled at dawn.",
         "speaker": "Sami Rashid", "quote": "They fled at dawn"},
        {"id": "a-2", "doc_id": "a", "labels": ["official_statement"],
         "text": "They said they would never come back.", "speaker": None, "quote": None},
        {"id": "b-1", "doc_id": "b", "labels": ["casualty_report"],
         "text": "Two soldiers were killed and three wounded.",
         "killed": 2, "wounded": 3, "approximate": False},
        {"id": "b-2", "doc_id": "b", "labels": ["casualty_report"],
         "text": "Dozens were killed.", "killed": 12, "wounded": 5, "approximate": True},
        {"id": "b-3", "doc_id": "b", "labels": [], "text": "Markets reopened."},
    ]  # fmt: skip


def test_evaluate_scores_each_field_on_rows_with_that_gold_key() -> None:
    report = evaluate_claims(rows())
    assert report["n"] == 5
    fields = report["fields"]
    assert fields["killed"] == {"accuracy": 1.0, "n": 2}
    assert fields["wounded"] == {"accuracy": 0.5, "n": 2}
    assert fields["approximate"] == {"accuracy": 1.0, "n": 2}
    assert fields["speaker"] == {"accuracy": 1.0, "n": 2}
    assert fields["quote"] == {"accuracy": 1.0, "n": 2}


def test_context_comes_from_rows_of_the_same_doc_in_order() -> None:
    reordered = [rows()[1], rows()[0]]  # the continuation first: no quotation is open yet
    assert evaluate_claims(reordered)["fields"]["speaker"]["accuracy"] == 0.5
    separate = [rows()[0], {**rows()[1], "doc_id": "c"}]  # another article: no quotation
    assert evaluate_claims(separate)["fields"]["speaker"]["accuracy"] == 0.5


def test_fields_come_from_gold_labels_not_predictions() -> None:
    row = {**rows()[2], "labels": ["attack"]}
    assert evaluate_claims([row])["fields"]["killed"] == {"accuracy": 0.0, "n": 1}


def test_empty_input() -> None:
    report = evaluate_claims([])
    assert report["n"] == 0
    assert report["fields"]["killed"] == {"accuracy": 0.0, "n": 0}


def test_load_claims_file_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(rows()[0]) + "\n\n" + json.dumps(rows()[2]) + "\n", "utf-8")
    assert [row["id"] for row in load_claims_file(path)] == ["a-1", "b-1"]


def test_load_claims_file_names_file_and_line_on_bad_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(rows()[0]) + '\n{"text": "oops",\n', "utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: malformed JSON"):
        load_claims_file(path)


def test_load_claims_file_rejects_rows_that_are_not_objects(tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    path.write_text("[1, 2]\n", "utf-8")
    with pytest.raises(ValueError, match=r"list\.jsonl:1: expected an object"):
        load_claims_file(path)


def test_main_prints_numbers_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows()), "utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "wounded      accuracy 0.500  n 2" in out
    assert "Two soldiers" not in out


def test_main_usage_error() -> None:
    assert main([]) == 2
