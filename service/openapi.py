"""The OpenAPI 3.1 description of every route, served at ``/openapi.json``."""

from __future__ import annotations

from typing import Any

from model import LABELS
from model.feedback import MAX_SENTENCE_INDEX


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(
    props: dict[str, Any], required: list[str] | None = None, extra: bool = False
) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": required or list(props),
        "additionalProperties": extra,
    }


def json_content(schema: dict[str, Any]) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def reply(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": json_content(schema)}


LABEL = {"type": "string", "enum": list(LABELS)}
SCORES = {"type": "object", "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1}}
NULLABLE_STR = {"type": ["string", "null"]}
# Some character that is not white space: blank text is refused with 400 empty_text.
ARTICLE_TEXT: dict[str, Any] = {"type": "string", "minLength": 1, "pattern": "\\S"}
ERROR = reply("Error", ref("Error"))
FEEDBACK_FIELDS: dict[str, Any] = {
    "text": ARTICLE_TEXT,
    "labels": {"type": "array", "items": LABEL},
    "model_version": {"type": "string"},
    "doc_id": NULLABLE_STR,
    "sentence_index": {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_SENTENCE_INDEX},
}
THRESHOLDS = {
    "type": ["object", "null"],
    "propertyNames": LABEL,
    "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1},
}

SCHEMAS: dict[str, Any] = {
    "Error": obj({"error": obj({"code": {"type": "string"}, "message": {"type": "string"}})}),
    "Evidence": obj(
        {"feature": {"type": "string"}, "kind": {"type": "string"}, "weight": {"type": "number"}}
    ),
    "Claim": {
        "type": "object",
        "required": ["label", "score", "evidence"],
        "properties": {
            "label": LABEL,
            "score": {"type": ["number", "null"]},
            "evidence": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Sentence": obj(
        {
            "index": {"type": "integer", "minimum": 0},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "text": {"type": "string"},
            "labels": {"type": "array", "items": LABEL},
            "scores": SCORES,
            "evidence": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": ref("Evidence")},
            },
            "boilerplate": {"type": "boolean"},
            "claims": {"type": "array", "items": ref("Claim")},
        }
    ),
    "ModelSummary": obj(
        {
            "version": {"type": "string"},
            "created_at": NULLABLE_STR,
            "labels": {"type": "array", "items": LABEL},
        }
    ),
    "TagRequest": {
        "type": "object",
        "required": ["text"],
        "properties": {
            "text": ARTICLE_TEXT,
            "id": NULLABLE_STR,
            "thresholds": THRESHOLDS,
        },
    },
    "TagResponse": obj(
        {
            "id": NULLABLE_STR,
            "model": ref("ModelSummary"),
            "sentences": {"type": "array", "items": ref("Sentence")},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        }
    ),
    "BatchRequest": {
        "type": "object",
        "required": ["documents"],
        "properties": {
            "documents": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "id": NULLABLE_STR,
                        "text": ARTICLE_TEXT,
                    },
                },
            },
            "thresholds": THRESHOLDS,
        },
    },
    "BatchError": obj(
        {
            "id": NULLABLE_STR,
            "error": obj({"code": {"type": "string"}, "message": {"type": "string"}}),
        }
    ),
    "BatchResponse": obj(
        {
            "model": ref("ModelSummary"),
            "results": {
                "type": "array",
                "items": {"oneOf": [ref("TagResponse"), ref("BatchError")]},
            },
        }
    ),
    "Manifest": {
        "type": "object",
        "required": [
            "version",
            "labels",
            "thresholds",
            "metrics",
            "created_at",
            "data",
            "model_sha256",
        ],
        "properties": {
            "version": {"type": "string"},
            "created_at": {"type": "string"},
            "labels": {"type": "array", "items": LABEL},
            "thresholds": SCORES,
            "metrics": {"type": "object"},
            "data": {"type": "object"},
            "model_sha256": {"type": "string"},
            "signed": {"type": "boolean"},
        },
    },
    "Health": obj({"status": {"type": "string"}}),
    "Ready": obj({"status": {"type": "string"}, "model_version": {"type": "string"}}),
    "ReloadRequest": {"type": "object", "properties": {"model_dir": {"type": "string"}}},
    "ReloadResponse": obj(
        {
            "status": {"type": "string"},
            "previous_version": NULLABLE_STR,
            "version": {"type": "string"},
            "path": {"type": "string"},
        }
    ),
}


def post(
    summary: str, body: str, ok: str, errors: tuple[int, ...], text_plain: bool = False
) -> dict[str, Any]:
    content = json_content(ref(body))
    if text_plain:
        content["text/plain"] = {"schema": ARTICLE_TEXT}
    responses = {"200": reply("OK", ref(ok))} | {str(code): ERROR for code in errors}
    return {
        "post": {
            "summary": summary,
            "requestBody": {"required": True, "content": content},
            "responses": responses,
        }
    }


def get(summary: str, ok: dict[str, Any], errors: tuple[int, ...] = ()) -> dict[str, Any]:
    responses = {"200": ok} | {str(code): ERROR for code in errors}
    return {"get": {"summary": summary, "responses": responses}}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {
        "title": "claimtag",
        "version": "1",
        "description": "Tags conflict-news sentences with the claims they make.",
    },
    "paths": {
        "/v1/tag": post(
            "Tag one article",
            "TagRequest",
            "TagResponse",
            (400, 413, 415, 422, 503),
            text_plain=True,
        ),
        "/v1/tag/batch": post(
            "Tag several articles", "BatchRequest", "BatchResponse", (400, 413, 415, 422, 503)
        ),
        "/v1/model": get("Manifest of the serving model", reply("OK", ref("Manifest")), (503,)),
        "/v1/admin/reload": post(
            "Verify and swap in a model",
            "ReloadRequest",
            "ReloadResponse",
            (400, 401, 403, 415, 422),
        ),
        "/healthz": get("Process is alive", reply("OK", ref("Health"))),
        "/readyz": get("Model loaded and verified", reply("OK", ref("Ready")), (503,)),
        "/metrics": get(
            "Prometheus metrics",
            {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}},
        ),
        "/openapi.json": get("This document", reply("OK", {"type": "object"})),
        "/": get(
            "Review page (HTML; its assets are under /static/)",
            {"description": "OK", "content": {"text/html": {"schema": {"type": "string"}}}},
        ),
        "/v1/feedback": {
            "post": {
                "summary": "Store a reviewer's labels for one sentence",
                "requestBody": {"required": True, "content": json_content(ref("FeedbackRequest"))},
                "responses": {"201": reply("Stored", ref("Feedback"))}
                | {str(code): ERROR for code in (400, 415, 422, 503)},
            }
        },
        "/v1/feedback/export": get(
            "Newest correction of each sentence, oldest first, as exchange-format JSON Lines",
            {
                "description": "One ExchangeRow per line",
                "content": {"application/x-ndjson": {"schema": ref("ExchangeRow")}},
            },
            (503,),
        ),
    },
    "components": {
        "schemas": SCHEMAS
        | {
            "FeedbackRequest": {
                "type": "object",
                "required": ["text", "labels", "model_version"],
                "properties": FEEDBACK_FIELDS,
            },
            "Feedback": obj(
                FEEDBACK_FIELDS
                | {"id": {"type": "integer", "minimum": 1}, "created_at": {"type": "string"}}
            ),
            "ExchangeRow": obj(
                {
                    "id": {"type": "string"},
                    "doc_id": {"type": "string"},
                    "text": {"type": "string"},
                    "labels": {"type": "array", "items": LABEL},
                }
            ),
        }
    },
}
