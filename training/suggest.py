"""``claimtag suggest``: which unlabelled sentences to annotate next.

A sentence is worth a reviewer's time when the model is unsure of it: its
uncertainty margin is the smallest ``|p - threshold|`` over the labels, and the
sentences with the smallest margins come first. Each pool sentence is scored on
its own (no article context), since a pool mixes sentences of many articles.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import numpy as np

from model.data import DataError
from model.tagger import article_inputs
from training.cli_common import CliError, load_model, model_option, readable_errors


def _pool_line(line: str, where: str) -> dict[str, Any]:
    if not line.lstrip().startswith("{"):
        return {"text": line.strip()}
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataError(f"{where}: malformed JSON ({exc.msg})") from None
    text = row.get("text") if isinstance(row, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise DataError(f"{where}: a JSON line needs a non-empty 'text'")
    ident = row.get("id")
    return {"text": text.strip()} | ({"id": str(ident)} if ident is not None else {})


def read_pool(path: Path) -> list[dict[str, Any]]:
    """Sentences of a pool file: plain text lines or JSONL with ``text`` (and ``id``)."""
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError(f"{path}: not valid UTF-8") from None
    rows, seen = [], set()
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        row = _pool_line(line, f"{path}:{n}")
        if row["text"] not in seen:
            seen.add(row["text"])
            rows.append(row)
    return rows


def rank_uncertain(model: Any, pool: Sequence[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The ``n`` pool rows with the smallest margin, each with scores and closest label."""
    if not pool:
        return []
    inputs = [article_inputs([row["text"]])[0][0] for row in pool]
    proba = np.asarray(model.predict_proba(inputs), dtype=float)
    thresholds = np.asarray(model.thresholds_, dtype=float)
    gaps = np.abs(proba - thresholds)
    margins = gaps.min(axis=1)
    order = sorted(range(len(pool)), key=lambda i: (margins[i], i))[:n]
    labels = list(model.labels)
    return [
        {
            **pool[i],
            "margin": round(float(margins[i]), 4),
            "closest_label": labels[int(gaps[i].argmin())],
            "scores": {lab: round(float(p), 4) for lab, p in zip(labels, proba[i], strict=True)},
        }
        for i in order
    ]


@click.command("suggest")
@click.option(
    "--pool",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Unlabelled sentences: text lines, or JSONL with 'text'.",
)
@click.option(
    "--n",
    "count",
    default=50,
    show_default=True,
    type=click.IntRange(min=1),
    help="How many sentences to print.",
)
@model_option
def suggest(pool: str, count: int, model_path: str | None) -> None:
    """Print the N sentences the model is least sure of, as JSON lines."""
    with readable_errors():
        rows = read_pool(Path(pool))
        if not rows:
            raise CliError(f"{pool}: no sentences in the pool")
        model, _ = load_model(model_path)
        ranked = rank_uncertain(model, rows, count)
    for row in ranked:
        click.echo(json.dumps(row, ensure_ascii=False))
