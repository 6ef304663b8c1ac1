"""The review page, ``POST /v1/feedback`` and ``GET /v1/feedback/export``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from model.data import read_jsonl
from model.feedback import read_corrections
from service.app import create_app
from service.config import build_config

Check = Callable[[str, Any], None]
GOOD = {"text": "Gunmen killed two guards.", "labels": ["attack"], "model_version": "v1"}


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "store" / "feedback.sqlite3"


@pytest.fixture()
def app(tiny_artifact: Path, db: Path) -> Flask:
    return create_app({"MODEL_DIR": str(tiny_artifact), "TESTING": True, "FEEDBACK_DB": str(db)})


def test_page_and_its_assets_are_served_by_the_app(client: FlaskClient) -> None:
    with client.get("/") as page:
        assert page.status_code == 200 and page.mimetype == "text/html"
        assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        html = page.get_data(as_text=True)
    assert '<label for="article">' in html and "http" not in html.replace("http-equiv", "")
    for asset, mimetype in [("review.js", "text/javascript"), ("review.css", "text/css")]:
        assert f"/static/{asset}" in html
        with client.get(f"/static/{asset}") as reply:
            assert reply.status_code == 200 and reply.mimetype == mimetype
            source = reply.get_data(as_text=True)
        assert "http://" not in source and "https://" not in source


def test_feedback_is_stored_in_a_wal_store(client: FlaskClient, db: Path, conforms: Check) -> None:
    body = GOOD | {"labels": ["casualty_report", "attack"], "doc_id": "d1", "sentence_index": 2}
    reply = client.post("/v1/feedback", json=body)
    assert reply.status_code == 201
    saved = reply.get_json()
    conforms("Feedback", saved)
    assert saved["id"] == 1 and saved["labels"] == ["attack", "casualty_report"]
    [stored] = read_corrections(db)
    assert (stored.text, stored.doc_id, stored.sentence_index) == (GOOD["text"], "d1", 2)
    assert stored.model_version == "v1"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ({"labels": ["attack", "bombing"]}, 422, "unknown_label"),
        ({"text": None}, 400, "missing_field"),
        ({"text": 5}, 400, "invalid_type"),
        ({"text": "  "}, 400, "empty_text"),
        ({"labels": None}, 400, "missing_field"),
        ({"labels": "attack"}, 400, "invalid_type"),
        ({"labels": [1]}, 400, "invalid_type"),
        ({"model_version": None}, 400, "missing_field"),
        ({"model_version": 3}, 400, "invalid_type"),
        ({"doc_id": 3}, 400, "invalid_type"),
        ({"sentence_index": -1}, 400, "invalid_type"),
        ({"sentence_index": True}, 400, "invalid_type"),
        ({"sentence_index": "2"}, 400, "invalid_type"),
    ],
)
def test_bad_feedback_is_refused_and_not_stored(
    client: FlaskClient, db: Path, conforms: Check, change: dict, status: int, code: str
) -> None:
    body = {k: v for k, v in (GOOD | change).items() if v is not None}
    reply = client.post("/v1/feedback", json=body)
    assert reply.status_code == status
    conforms("Error", reply.get_json())
    assert reply.get_json()["error"]["code"] == code
    assert not db.exists() or read_corrections(db) == []


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [("text=x", "text/plain", 415), ("{nope", "application/json", 400), ("[]", None, 400)],
)
def test_feedback_body_must_be_a_json_object(
    client: FlaskClient, data: str, content_type: str | None, status: int
) -> None:
    reply = client.post("/v1/feedback", data=data, content_type=content_type or "application/json")
    assert reply.status_code == status


def test_export_is_exchange_jsonl_with_the_newest_correction_winning(
    client: FlaskClient, tmp_path: Path, conforms: Check
) -> None:
    for body in [
        GOOD,
        GOOD | {"text": "Peacekeepers arrived.", "labels": [], "doc_id": "news-1"},
        GOOD | {"labels": ["attack", "casualty_report"]},
    ]:
        assert client.post("/v1/feedback", json=body).status_code == 201
    reply = client.get("/v1/feedback/export")
    assert reply.status_code == 200 and reply.mimetype == "application/x-ndjson"
    rows = [json.loads(line) for line in reply.get_data(as_text=True).splitlines()]
    for row in rows:
        conforms("ExchangeRow", row)
    assert rows == [
        {"id": "feedback-2", "doc_id": "news-1", "text": "Peacekeepers arrived.", "labels": []},
        {
            "id": "feedback-3",
            "doc_id": "feedback-3",
            "text": GOOD["text"],
            "labels": ["attack", "casualty_report"],
        },
    ]
    exported = tmp_path / "export.jsonl"
    exported.write_bytes(reply.get_data())
    assert [ex.labels for ex in read_jsonl(exported)] == [(), ("attack", "casualty_report")]


def test_export_of_an_empty_store_is_empty(client: FlaskClient) -> None:
    reply = client.get("/v1/feedback/export")
    assert reply.status_code == 200 and reply.get_data() == b""


def test_unusable_store_is_a_503(tiny_artifact: Path, tmp_path: Path) -> None:
    app = create_app({"MODEL_DIR": str(tiny_artifact), "FEEDBACK_DB": str(tmp_path)})
    reply = app.test_client().post("/v1/feedback", json=GOOD)
    assert reply.status_code == 503
    assert reply.get_json()["error"]["code"] == "feedback_unavailable"


def test_store_path_comes_from_the_environment() -> None:
    assert build_config({}, {})["FEEDBACK_DB"] == "artifacts/feedback.sqlite3"
    environ = {"CLAIMTAG_FEEDBACK_DB": "/data/fb.sqlite3"}
    assert build_config({}, environ)["FEEDBACK_DB"] == "/data/fb.sqlite3"


def test_openapi_describes_the_review_routes(client: FlaskClient) -> None:
    paths = client.get("/openapi.json").get_json()["paths"]
    assert "201" in paths["/v1/feedback"]["post"]["responses"]
    assert (
        "application/x-ndjson" in paths["/v1/feedback/export"]["get"]["responses"]["200"]["content"]
    )
    assert "text/html" in paths["/"]["get"]["responses"]["200"]["content"]
