"""The public API: tagging, batch tagging, model manifest, health."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request

from model.tagger import TooManySentences, tag_article
from service import parsing
from service.errors import ApiError
from service.holder import Loaded, ModelHolder
from service.openapi import SPEC

api = Blueprint("api", __name__)


def holder() -> ModelHolder:
    holder: ModelHolder = current_app.extensions["claimtag"]
    return holder


def loaded_model() -> Loaded:
    current = holder().current
    if current is None:
        raise ApiError(
            503,
            "model_unavailable",
            f"no model is loaded: {holder().last_error or 'not loaded yet'}",
        )
    return current


def model_summary(manifest: dict[str, Any]) -> dict[str, Any]:
    return {
        "version": manifest.get("version"),
        "created_at": manifest.get("created_at"),
        "labels": manifest.get("labels"),
    }


def tag_one(
    loaded: Loaded, ident: str | None, text: str, limits: dict[str, float] | None
) -> dict[str, Any]:
    """Tag one document; count its sentences for the request log."""
    try:
        result = tag_article(loaded.model, text, limits, current_app.config["MAX_SENTENCES"])
    except TooManySentences as exc:
        raise ApiError(413, "too_many_sentences", str(exc)) from None
    g.sentences = getattr(g, "sentences", 0) + len(result["sentences"])
    return {"id": ident, "model": model_summary(loaded.manifest), **result}


@api.post("/v1/tag")
def tag() -> Response:
    loaded = loaded_model()
    g.model_version = loaded.manifest.get("version")
    body = parsing.tag_body(request)
    ident, text = parsing.document(body)
    limits = parsing.thresholds(body, loaded.model.labels)
    return jsonify(tag_one(loaded, ident, text, limits))


def batch_entry(
    loaded: Loaded, index: int, doc: Any, limits: dict[str, float] | None
) -> dict[str, Any]:
    """A result, or an error entry that does not stop the other documents."""
    ident = doc.get("id") if isinstance(doc, dict) else None
    try:
        if not isinstance(doc, dict):
            raise ApiError(400, "invalid_type", f"documents[{index}] must be an object")
        ident, text = parsing.document(doc, f"documents[{index}]: ")
        return tag_one(loaded, ident, text, limits)
    except ApiError as exc:
        safe_id = ident if isinstance(ident, str) else None
        return {"id": safe_id, "error": {"code": exc.code, "message": exc.message}}


@api.post("/v1/tag/batch")
def tag_batch() -> Response:
    loaded = loaded_model()
    g.model_version = loaded.manifest.get("version")
    body = parsing.json_body(request)
    docs = parsing.documents(body, current_app.config["MAX_BATCH_DOCUMENTS"])
    limits = parsing.thresholds(body, loaded.model.labels)
    results = [batch_entry(loaded, i, doc, limits) for i, doc in enumerate(docs)]
    return jsonify({"model": model_summary(loaded.manifest), "results": results})


@api.get("/v1/model")
def model_info() -> Response:
    manifest = loaded_model().manifest
    public = {k: v for k, v in manifest.items() if k != "signature"}
    public["signed"] = "signature" in manifest
    return jsonify(public)


@api.get("/healthz")
def healthz() -> Response:
    return jsonify({"status": "ok"})


@api.get("/readyz")
def readyz() -> Response:
    loaded = loaded_model()
    return jsonify({"status": "ready", "model_version": loaded.manifest.get("version")})


@api.get("/openapi.json")
def openapi() -> Response:
    return jsonify(SPEC)
