"""``claimtag suggest``: pool reading, uncertainty ranking, the command."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from model.data import DataError, Example
from training.cli import main
from training.suggest import rank_uncertain, read_pool


class FixedModel:
    """Probabilities looked up by sentence text; thresholds 0.5 and 0.3."""

    labels = ("attack", "deployment")
    thresholds_ = np.array([0.5, 0.3])

    def __init__(self, proba: dict[str, list[float]]) -> None:
        self.proba = proba

    def predict_proba(self, inputs: Sequence[Any]) -> np.ndarray:
        return np.array([self.proba[i.text] for i in inputs])


def test_read_pool_takes_text_lines_and_jsonl(tmp_path: Path) -> None:
    pool = tmp_path / "pool.txt"
    pool.write_text(
        'Troops arrived.\n\n{"id": 7, "text": "A blast hit."}\n  Troops arrived.  \n',
        encoding="utf-8",
    )
    assert read_pool(pool) == [{"text": "Troops arrived."}, {"text": "A blast hit.", "id": "7"}]


@pytest.mark.parametrize(
    ("line", "message"),
    [("{not json\n", "malformed JSON"), ('{"id": 1}\n', "a JSON line needs a non-empty 'text'")],
)
def test_read_pool_names_the_bad_line(tmp_path: Path, line: str, message: str) -> None:
    pool = tmp_path / "pool.jsonl"
    pool.write_text("Fine.\n" + line, encoding="utf-8")
    with pytest.raises(DataError, match=rf"pool.jsonl:2: {message}"):
        read_pool(pool)


def test_rank_orders_by_smallest_margin_over_labels() -> None:
    model = FixedModel({"sure": [0.99, 0.01], "near": [0.9, 0.32], "mid": [0.6, 0.1]})
    pool = [{"text": "sure"}, {"text": "mid"}, {"text": "near", "id": "n"}]
    ranked = rank_uncertain(model, pool, 2)
    assert [r["text"] for r in ranked] == ["near", "mid"]
    assert ranked[0] == {
        "text": "near",
        "id": "n",
        "margin": 0.02,
        "closest_label": "deployment",
        "scores": {"attack": 0.9, "deployment": 0.32},
    }
    assert rank_uncertain(model, [], 5) == []


def test_rank_with_a_real_model_is_sorted_and_bounded(
    tiny_model: Any, seed_examples: list[Example]
) -> None:
    pool = [{"text": ex.text} for ex in seed_examples[:40]]
    ranked = rank_uncertain(tiny_model, pool, 10)
    margins = [r["margin"] for r in ranked]
    assert len(ranked) == 10 and margins == sorted(margins)
    assert set(ranked[0]["scores"]) == set(tiny_model.labels)


def test_suggest_command_prints_n_json_lines(
    tmp_path: Path, tiny_artifact: Path, seed_examples: list[Example]
) -> None:
    pool = tmp_path / "pool.jsonl"
    pool.write_text(
        "".join(json.dumps({"text": ex.text}) + "\n" for ex in seed_examples[:30]),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["suggest", "--pool", str(pool), "--n", "5", "--model", str(tiny_artifact)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 5
    assert [r["margin"] for r in rows] == sorted(r["margin"] for r in rows)
    assert {"text", "margin", "closest_label", "scores"} <= set(rows[0])


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        ("\n\n", [], "no sentences in the pool"),
        ("A sentence.\n", ["--model", "absent-model-dir"], "no model at absent-model-dir"),
    ],
)
def test_suggest_errors_are_one_line(
    tmp_path: Path, content: str, extra: list[str], message: str
) -> None:
    pool = tmp_path / "pool.txt"
    pool.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", "--pool", str(pool), *extra])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
