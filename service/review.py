"""The review page and its feedback loop: ``GET /``, ``POST /v1/feedback``, the export.

The page is static (``service/static/``) and talks to the JSON API. Corrections go
to the SQLite store at ``FEEDBACK_DB``; the export serves the newest correction of
each sentence as exchange-format JSON Lines, ready for ``claimtag train --data``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request

from model import LABELS
from model.feedback import (
    MAX_SENTENCE_INDEX,
    Correction,
    FeedbackError,
    add_correction,
    all_corrections,
    as_example,
    latest,
    open_store,
)
from service import parsing
from service.errors import ApiError

review = Blueprint("review", __name__)

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' blob: data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}


@contextmanager
def store() -> Iterator[sqlite3.Connection]:
    """A connection to the configured store for one request, closed after it."""
    try:
        conn = open_store(current_app.config["FEEDBACK_DB"])
    except (FeedbackError, OSError, sqlite3.Error) as exc:
        raise ApiError(503, "feedback_unavailable", f"feedback store unavailable: {exc}") from None
    with closing(conn):
        yield conn


def _optional(body: dict[str, Any], key: str, kind: type, what: str) -> Any:
    value = body.get(key)
    if kind is int and isinstance(value, float) and value.is_integer():
        value = int(value)  # JSON has one number type: 3.0 is the integer 3
    if value is not None and (not isinstance(value, kind) or isinstance(value, bool)):
        raise ApiError(400, "invalid_type", f"'{key}' must be {what}")
    return value


def correction_from(body: dict[str, Any]) -> Correction:
    """The checked correction of a feedback body; 400 for shapes, 422 for labels."""
    _, text = parsing.document({"text": body.get("text")})
    labels = body.get("labels")
    if labels is None:
        raise ApiError(400, "missing_field", "'labels' is required (a list, maybe empty)")
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise ApiError(400, "invalid_type", "'labels' must be a list of strings")
    unknown = sorted(set(labels) - set(LABELS))
    if unknown:
        known = ", ".join(LABELS)
        raise ApiError(422, "unknown_label", f"unknown label {unknown[0]!r} (known: {known})")
    version = body.get("model_version")
    if version is None:
        raise ApiError(400, "missing_field", "'model_version' is required")
    _optional(body, "model_version", str, "a string")
    index = _optional(body, "sentence_index", int, "a non-negative integer")
    if index is not None and not 0 <= index <= MAX_SENTENCE_INDEX:
        raise ApiError(
            400,
            "invalid_type",
            f"'sentence_index' must be an integer from 0 to {MAX_SENTENCE_INDEX}",
        )
    doc_id = _optional(body, "doc_id", str, "a string")
    return Correction(text, tuple(labels), version, doc_id, index)


@review.get("/")
def page() -> Response:
    # Read whole rather than streamed, so no file handle outlives an unread response.
    folder = Path(current_app.static_folder or "static")
    html = (folder / "index.html").read_bytes()
    return Response(html, mimetype="text/html", headers=PAGE_HEADERS)


@review.post("/v1/feedback")
def feedback() -> tuple[Response, int]:
    correction = correction_from(parsing.json_body(request))
    with store() as conn:
        try:
            saved = add_correction(conn, correction)
        except sqlite3.Error as exc:
            raise ApiError(503, "feedback_unavailable", f"cannot store: {exc}") from None
    return jsonify(asdict(saved)), 201


@review.get("/v1/feedback/export")
def export() -> Response:
    """Newest correction per sentence text, oldest-first, one exchange object a line."""
    with store() as conn:
        rows = latest(all_corrections(conn))
    lines = []
    for corr in rows:
        ex = as_example(corr)
        row = {"id": ex.id, "doc_id": ex.doc_id, "text": ex.text, "labels": list(ex.labels)}
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    response = Response("".join(lines), mimetype="application/x-ndjson")
    response.headers["Content-Disposition"] = 'attachment; filename="feedback.jsonl"'
    return response
