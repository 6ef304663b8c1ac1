"""The reviewers' corrections: a SQLite store and its merge into the training data.

The store is one table in WAL mode; each correction is written in its own
transaction. Readers take the newest correction of a sentence text (whitespace
collapsed) as the one that counts: :func:`latest` is what the export serves and
what training uses. Plain Python, shared by the service and the command line.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from model import LABELS
from model.data import DataError, Example

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    text TEXT NOT NULL,
    labels TEXT NOT NULL,
    model_version TEXT,
    doc_id TEXT,
    sentence_index INTEGER
)
"""
MAX_SENTENCE_INDEX = 1_000_000  # far above any article; keeps SQLite integers in range
COLUMNS = "id, created_at, text, labels, model_version, doc_id, sentence_index"


class FeedbackError(DataError):
    """A correction or a store that cannot be used."""


@dataclass(frozen=True)
class Correction:
    """One reviewer's labels for one sentence; ``id`` is 0 until stored."""

    text: str
    labels: tuple[str, ...]
    model_version: str | None = None
    doc_id: str | None = None
    sentence_index: int | None = None
    id: int = 0
    created_at: str = ""


def canonical_labels(labels: Sequence[str]) -> tuple[str, ...]:
    """Known labels in LABELS order, without repeats; FeedbackError names an unknown one."""
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise FeedbackError(f"unknown label {unknown[0]!r} (known: {', '.join(LABELS)})")
    return tuple(lab for lab in LABELS if lab in labels)


def sentence_key(text: str) -> str:
    """Two sentences are the same when they match with whitespace collapsed."""
    return " ".join(text.split())


def open_store(path: Path | str) -> sqlite3.Connection:
    """Open (creating folder, file and table as needed) a store in WAL mode."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, timeout=10.0)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(SCHEMA)
        conn.commit()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise FeedbackError(f"{path}: not a usable feedback store ({exc})") from None
    return conn


def add_correction(conn: sqlite3.Connection, correction: Correction) -> Correction:
    """Store one correction in one transaction; return it with its id and time."""
    if not correction.text.strip():
        raise FeedbackError("a correction needs the sentence text")
    labels = canonical_labels(correction.labels)
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    with conn:
        cursor = conn.execute(
            "INSERT INTO feedback (created_at, text, labels, model_version, doc_id,"
            " sentence_index) VALUES (?, ?, ?, ?, ?, ?)",
            (
                now,
                correction.text,
                json.dumps(list(labels)),
                correction.model_version,
                correction.doc_id,
                correction.sentence_index,
            ),
        )
    return replace(correction, labels=labels, id=int(cursor.lastrowid or 0), created_at=now)


def _row(row: tuple[Any, ...]) -> Correction:
    ident, created, text, labels, version, doc_id, index = row
    return Correction(text, tuple(json.loads(labels)), version, doc_id, index, ident, created)


def all_corrections(conn: sqlite3.Connection) -> list[Correction]:
    """Every stored correction, oldest first."""
    rows = conn.execute(f"SELECT {COLUMNS} FROM feedback ORDER BY id").fetchall()
    return [_row(r) for r in rows]


def read_corrections(path: Path | str) -> list[Correction]:
    """Every correction of an existing store file, oldest first."""
    path = Path(path)
    if not path.is_file():
        raise FeedbackError(f"{path}: no such feedback store")
    conn = open_store(path)
    try:
        return all_corrections(conn)
    except sqlite3.DatabaseError as exc:
        raise FeedbackError(f"{path}: cannot read corrections ({exc})") from None
    finally:
        conn.close()


def latest(corrections: Sequence[Correction]) -> list[Correction]:
    """The newest correction of each sentence, in the order of those newest rows."""
    newest: dict[str, Correction] = {}
    for corr in sorted(corrections, key=lambda c: c.id):
        newest.pop(sentence_key(corr.text), None)
        newest[sentence_key(corr.text)] = corr
    return list(newest.values())


def as_example(corr: Correction) -> Example:
    """A correction in the exchange format; without a doc_id it is its own article."""
    ident = f"feedback-{corr.id}"
    return Example(id=ident, doc_id=corr.doc_id or ident, text=corr.text, labels=corr.labels)


def merge_corrections(
    examples: Sequence[Example], corrections: Sequence[Correction]
) -> tuple[list[Example], dict[str, int]]:
    """Corpus with corrections applied, and counts for the manifest.

    A correction replaces the labels of every corpus sentence with the same text;
    a sentence the corpus lacks is added in a document of its own
    (``feedback:<doc_id>``, kept in sentence order), apart from the corpus articles.
    """
    chosen = {sentence_key(c.text): c for c in latest(corrections)}
    merged, used = [], set()
    for ex in examples:
        corr = chosen.get(sentence_key(ex.text))
        if corr is not None:
            used.add(sentence_key(ex.text))
            ex = Example(id=ex.id, doc_id=ex.doc_id, text=ex.text, labels=corr.labels)
        merged.append(ex)
    new = [c for key, c in chosen.items() if key not in used]
    new.sort(key=lambda c: (c.doc_id or "", c.sentence_index or 0, c.id))
    for corr in new:
        ex = as_example(corr)
        merged.append(Example(ex.id, f"feedback:{ex.doc_id}", ex.text, ex.labels))
    stats = {"corrections": len(chosen), "corrections_replaced": len(used)}
    return merged, stats | {"corrections_added": len(new)}
