"""Corpus quality checks and statistics: word overlap, counts for the dataset card."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
STYLES = ("wire", "local_outlet", "press_release", "un_ngo", "social_post", "feature", "liveblog")


def words(text: str) -> set[str]:
    """Lower-cased word set of a sentence."""
    return set(WORD.findall(text.lower()))


def _incidence(sets: Sequence[set[str]], vocab: dict[str, int]) -> sp.csr_matrix:
    rows, cols = [], []
    for i, ws in enumerate(sets):
        for w in ws:
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    data = np.ones(len(rows), dtype=np.int32)
    return sp.csr_matrix((data, (rows, cols)), shape=(len(sets), 1 << 20))


def overlapping_pairs(
    left: Sequence[str], right: Sequence[str] | None = None, ratio: float = 0.5
) -> list[tuple[int, int, int]]:
    """Pairs (i, j, shared) whose shared words exceed ``ratio`` of the larger word set.

    With ``right`` None, pairs within ``left`` (i < j); otherwise left x right.
    """
    vocab: dict[str, int] = {}
    lsets = [words(t) for t in left]
    rsets = lsets if right is None else [words(t) for t in right]
    a = _incidence(lsets, vocab)
    b = a if right is None else _incidence(rsets, vocab)
    shared = (a @ b.T).tocoo()
    lsize = np.array([len(x) for x in lsets])
    rsize = np.array([len(x) for x in rsets])
    keep = shared.data > ratio * np.maximum(lsize[shared.row], rsize[shared.col])
    if right is None:
        keep &= shared.row < shared.col
    pairs = [
        (int(i), int(j), int(n))
        for i, j, n in zip(shared.row[keep], shared.col[keep], shared.data[keep], strict=True)
    ]
    return sorted(pairs)


def read_rows(folder: Path) -> list[dict[str, Any]]:
    """Every JSONL row below ``folder`` with its raw fields (style, setting included)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.rglob("*.jsonl")):
        rows.extend(
            json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()
        )
    return rows


def corpus_stats(rows: Iterable[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Counts per label, per label combination, per setting and per style."""
    stats: dict[str, Counter[str]] = {
        k: Counter() for k in ("label", "combination", "setting", "style", "docs")
    }
    for row in rows:
        labels = row.get("labels", [])
        stats["label"].update(labels or ["(none)"])
        stats["combination"]["+".join(sorted(labels)) or "(none)"] += 1
        stats["setting"][row.get("setting", "?")] += 1
        stats["style"][row.get("style", "?")] += 1
        stats["docs"][row.get("doc_id", "?")] += 1
    return stats
