"""Loading annotated sentences in the exchange format (JSON Lines).

Every problem is raised as a :class:`DataError` naming the file and line, so that
the CLI can print one readable line instead of a traceback.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from model import LABELS


class DataError(ValueError):
    """Annotated data that cannot be used: missing file, bad JSON, unknown label."""


@dataclass(frozen=True)
class Example:
    """One annotated sentence of one article."""

    id: str
    doc_id: str
    text: str
    labels: tuple[str, ...] = field(default_factory=tuple)


def _parse_line(line: str, where: str) -> Example:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataError(f"{where}: malformed JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise DataError(f"{where}: expected a JSON object")
    text, labels = row.get("text"), row.get("labels", [])
    if not isinstance(text, str) or not text.strip():
        raise DataError(f"{where}: 'text' must be a non-empty string")
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise DataError(f"{where}: 'labels' must be a list of strings")
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        raise DataError(f"{where}: unknown label {unknown[0]!r} (known: {', '.join(LABELS)})")
    ident = str(row.get("id") or where)
    doc_id = str(row.get("doc_id") or ident)
    ordered = tuple(lab for lab in LABELS if lab in labels)
    return Example(id=ident, doc_id=doc_id, text=text, labels=ordered)


def read_jsonl(path: Path) -> list[Example]:
    """Read one exchange-format file; raise DataError on the first bad line."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not valid UTF-8") from None
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror})") from None
    return [
        _parse_line(line, f"{path}:{n}")
        for n, line in enumerate(content.splitlines(), 1)
        if line.strip()
    ]


def _files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*.jsonl") if p.is_file())
    else:
        yield path


def load_examples(paths: Iterable[Path | str]) -> list[Example]:
    """Read files and folders (every ``*.jsonl`` below them); reject empty data."""
    examples: list[Example] = []
    for path in map(Path, paths):
        if not path.exists():
            raise DataError(f"{path}: no such file or folder")
        for file in _files(path):
            examples.extend(read_jsonl(file))
    if not examples:
        raise DataError("no annotated sentences found in " + ", ".join(map(str, paths)))
    return examples


def group_documents(examples: Sequence[Example]) -> list[list[Example]]:
    """Group sentences by article, keeping file order within and across articles."""
    docs: dict[str, list[Example]] = {}
    for ex in examples:
        docs.setdefault(ex.doc_id, []).append(ex)
    return list(docs.values())


def data_hash(examples: Sequence[Example]) -> str:
    """sha256 of the examples' canonical JSON, independent of file layout."""
    digest = hashlib.sha256()
    for ex in examples:
        row = {"id": ex.id, "doc_id": ex.doc_id, "text": ex.text, "labels": list(ex.labels)}
        digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()
