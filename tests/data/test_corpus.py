"""The training corpus in seeds/: schema, labels, ids, duplicates, floors, leakage."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from model import LABELS
from model.segment import segment
from tests.conftest import REPO, shared_file
from training.corpus import STYLES, corpus_stats, overlapping_pairs, read_rows

SEEDS = REPO / "seeds"
SEED_DOC = "seed-k24-2021-12-06"
FIELDS = {"id", "doc_id", "text", "labels", "style", "setting"}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return read_rows(SEEDS)


@pytest.fixture(scope="module")
def written(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sentences the team wrote (the seed article is real text)."""
    return [r for r in rows if r["doc_id"] != SEED_DOC]


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def test_every_row_has_the_exchange_fields_and_types(rows: list[dict[str, Any]]) -> None:
    bad = [
        r.get("id")
        for r in rows
        if set(r) != FIELDS
        or not isinstance(r["text"], str)
        or not isinstance(r["labels"], list)
        or r["style"] not in STYLES
        or not isinstance(r["setting"], str)
        or not r["setting"]
    ]
    assert bad == []


def test_labels_are_known_and_not_repeated(rows: list[dict[str, Any]]) -> None:
    bad = [
        r["id"]
        for r in rows
        if set(r["labels"]) - set(LABELS) or len(set(r["labels"])) != len(r["labels"])
    ]
    assert bad == []


def test_ids_are_unique(rows: list[dict[str, Any]]) -> None:
    assert [i for i, n in Counter(r["id"] for r in rows).items() if n > 1] == []


def test_no_exact_duplicate_sentences(written: list[dict[str, Any]]) -> None:
    counts = Counter(normalise(r["text"]) for r in written)
    assert [t for t, n in counts.items() if n > 1] == []


def test_no_two_sentences_share_more_than_half_their_words(written: list[dict[str, Any]]) -> None:
    pairs = overlapping_pairs([r["text"] for r in written])
    assert [(written[i]["id"], written[j]["id"]) for i, j, _ in pairs] == []


def test_sentence_lengths_are_6_to_70_words(written: list[dict[str, Any]]) -> None:
    assert [r["id"] for r in written if not 6 <= len(r["text"].split()) <= 70] == []


def test_articles_have_3_to_15_sentences(written: list[dict[str, Any]]) -> None:
    sizes = corpus_stats(written)["docs"]
    assert {d: n for d, n in sizes.items() if not 3 <= n <= 15} == {}


def test_corpus_floors(written: list[dict[str, Any]]) -> None:
    stats = corpus_stats(written)
    assert len(written) >= 3000
    assert {lab: stats["label"][lab] for lab in LABELS if stats["label"][lab] < 400} == {}
    assert stats["label"]["(none)"] / len(written) >= 0.30
    assert len(stats["setting"]) >= 30
    assert set(stats["style"]) == set(STYLES)


def test_seed_article_is_annotated_sentence_by_sentence() -> None:
    lines = (SEEDS / "seed" / f"{SEED_DOC}.jsonl").read_text(encoding="utf-8").splitlines()
    seed = [json.loads(line) for line in lines]
    assert {r["doc_id"] for r in seed} == {SEED_DOC}
    source = shared_file("seeds/000_dd26e46bf0d98e8a.txt").read_text(encoding="utf-8")
    assert [r["text"] for r in seed] == [s.text for s in segment(source)]


@pytest.mark.shared
@pytest.mark.parametrize("name", ["dev.jsonl", "claims-dev.jsonl"])
def test_no_evaluation_sentence_leaks_into_the_corpus(
    written: list[dict[str, Any]], name: str
) -> None:
    path: Path = shared_file(f"eval/{name}")
    lines = path.read_text(encoding="utf-8").splitlines()
    held_out = [json.loads(line)["text"] for line in lines if line.strip()]
    exact = {normalise(t) for t in held_out} & {normalise(r["text"]) for r in written}
    assert exact == set()
    near = overlapping_pairs([r["text"] for r in written], held_out)
    assert [written[i]["id"] for i, _, _ in near] == []
