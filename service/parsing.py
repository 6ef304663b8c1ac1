"""Request bodies to validated Python values, or an ApiError saying what is wrong."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from flask import Request

from service.errors import ApiError


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_utf8", f"body is not valid UTF-8 (byte {exc.start})") from None


def json_body(request: Request) -> dict[str, Any]:
    """The JSON object of an ``application/json`` body."""
    if request.mimetype != "application/json":
        raise ApiError(
            415,
            "unsupported_media_type",
            f"expected application/json, got {request.mimetype or 'no content type'}",
        )
    text = _decode(request.get_data(cache=True))
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400,
            "malformed_json",
            f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}",
        ) from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_type", "the body must be a JSON object")
    return body


def tag_body(request: Request) -> dict[str, Any]:
    """``{"text", "id"?, "thresholds"?}`` from JSON, or the article itself from text/plain."""
    if request.mimetype == "text/plain":
        return {"text": _decode(request.get_data(cache=True))}
    return json_body(request)


def document(body: dict[str, Any], where: str = "") -> tuple[str | None, str]:
    """The (id, text) of one document, checked."""
    ident, text = body.get("id"), body.get("text")
    if ident is not None and not isinstance(ident, str):
        raise ApiError(400, "invalid_type", f"{where}'id' must be a string")
    if text is None:
        raise ApiError(400, "missing_field", f"{where}'text' is required")
    if not isinstance(text, str):
        raise ApiError(400, "invalid_type", f"{where}'text' must be a string")
    if not text.strip():
        raise ApiError(400, "empty_text", f"{where}'text' is empty")
    return ident, text


def thresholds(body: dict[str, Any], labels: Sequence[str]) -> dict[str, float] | None:
    """Per-request thresholds: known labels, numbers between 0 and 1."""
    given = body.get("thresholds")
    if given is None:
        return None
    if not isinstance(given, dict):
        raise ApiError(422, "invalid_thresholds", "'thresholds' must be an object {label: number}")
    for label, value in given.items():
        if label not in labels:
            raise ApiError(
                422,
                "invalid_thresholds",
                f"unknown label {label!r} in thresholds (known: {', '.join(labels)})",
            )
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or not math.isfinite(value) or not 0.0 <= value <= 1.0:
            raise ApiError(
                422, "invalid_thresholds", f"threshold for {label!r} must be a number from 0 to 1"
            )
    return {k: float(v) for k, v in given.items()}


def documents(body: dict[str, Any], limit: int) -> list[Any]:
    """The ``documents`` list of a batch request, bounded."""
    docs = body.get("documents")
    if not isinstance(docs, list):
        raise ApiError(400, "invalid_type", "'documents' must be a list")
    if not docs:
        raise ApiError(400, "empty_batch", "'documents' is empty")
    if len(docs) > limit:
        raise ApiError(
            413, "too_many_documents", f"batch has {len(docs)} documents; the limit is {limit}"
        )
    return docs
