"""Accuracy floors for claim fields, on the project's own claims set and on claims-dev.

claims-dev.jsonl is third-party evaluation text: it is read where it lies, never copied,
and only aggregate accuracies appear in assertion messages.
"""

from pathlib import Path
from typing import Any

import pytest

from training.claims_eval import evaluate_claims, load_claims_file

OWN_SET = Path(__file__).resolve().parents[1] / "claims" / "claims-test.jsonl"
SHARED_SET = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "claims-dev.jsonl"
CLAIM_LABELS = {"official_statement", "casualty_report"}


@pytest.fixture(scope="module")
def own_report() -> dict[str, Any]:
    return evaluate_claims(load_claims_file(OWN_SET))


@pytest.fixture(scope="module")
def shared_report() -> dict[str, Any]:
    if not SHARED_SET.exists():
        pytest.skip(f"{SHARED_SET} is absent (claims-dev is read in place, never copied)")
    return evaluate_claims(load_claims_file(SHARED_SET))


def accuracy(report: dict[str, Any], field: str) -> float:
    score = report["fields"][field]
    assert score["n"] > 0, f"no gold {field} values to score"
    return float(score["accuracy"])


def test_own_set_has_at_least_300_claims() -> None:
    rows = load_claims_file(OWN_SET)
    claims = sum(len(CLAIM_LABELS.intersection(row["labels"])) for row in rows)
    assert claims >= 300, f"{claims} statement and casualty claims"


def test_own_set_killed_floor(own_report: dict[str, Any]) -> None:
    assert accuracy(own_report, "killed") >= 0.90


def test_own_set_wounded_floor(own_report: dict[str, Any]) -> None:
    assert accuracy(own_report, "wounded") >= 0.90


def test_own_set_speaker_floor(own_report: dict[str, Any]) -> None:
    assert accuracy(own_report, "speaker") >= 0.85


def test_own_set_quote_floor(own_report: dict[str, Any]) -> None:
    assert accuracy(own_report, "quote") >= 0.85


@pytest.mark.shared
def test_claims_dev_killed_floor(shared_report: dict[str, Any]) -> None:
    assert accuracy(shared_report, "killed") >= 0.85


@pytest.mark.shared
def test_claims_dev_wounded_floor(shared_report: dict[str, Any]) -> None:
    assert accuracy(shared_report, "wounded") >= 0.85


@pytest.mark.shared
def test_claims_dev_speaker_floor(shared_report: dict[str, Any]) -> None:
    assert accuracy(shared_report, "speaker") >= 0.80
