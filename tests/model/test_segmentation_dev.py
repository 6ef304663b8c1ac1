"""Segmentation on real news: each dev article's sentences, joined with spaces and split
again, come back exactly (the target is 95%)."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from model.segment import segment
from tests.conftest import shared_file


@pytest.mark.shared
def test_dev_sentences_are_recovered_when_articles_are_rejoined() -> None:
    articles: dict[str, list[str]] = defaultdict(list)
    with shared_file("eval/dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            articles[row["doc_id"]].append(row["text"].strip())
    total = recovered = 0
    for sentences in articles.values():
        found = {seg.text for seg in segment(" ".join(sentences))}
        total += len(sentences)
        recovered += sum(s in found for s in sentences)
    assert recovered / total >= 0.95, f"{recovered}/{total} recovered"
