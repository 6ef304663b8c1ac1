"""One named test per error mode: JSON body, right status, no HTML, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from service.app import create_app
from tests.service.conftest import schema_errors


def error_of(resp: TestResponse, status: int) -> str:
    assert resp.status_code == status
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert schema_errors("Error", body) == []
    assert "Traceback" not in resp.get_data(as_text=True)
    return str(body["error"]["code"])


def test_malformed_json_is_400(client: FlaskClient) -> None:
    resp = client.post("/v1/tag", data=b'{"text": ', content_type="application/json")
    assert error_of(resp, 400) == "malformed_json"


def test_invalid_utf8_is_400(client: FlaskClient) -> None:
    resp = client.post("/v1/tag", data=b'{"text": "\xff\xfe"}', content_type="application/json")
    assert error_of(resp, 400) == "invalid_utf8"


def test_invalid_utf8_text_plain_is_400(client: FlaskClient) -> None:
    resp = client.post("/v1/tag", data=b"Gunmen \xff attacked", content_type="text/plain")
    assert error_of(resp, 400) == "invalid_utf8"


def test_text_of_wrong_type_is_400(client: FlaskClient) -> None:
    assert error_of(client.post("/v1/tag", json={"text": 12}), 400) == "invalid_type"


def test_body_that_is_not_an_object_is_400(client: FlaskClient) -> None:
    assert error_of(client.post("/v1/tag", json=["text"]), 400) == "invalid_type"


def test_missing_text_is_400(client: FlaskClient) -> None:
    assert error_of(client.post("/v1/tag", json={"id": "x"}), 400) == "missing_field"


def test_empty_text_is_400(client: FlaskClient) -> None:
    assert error_of(client.post("/v1/tag", json={"text": " \n "}), 400) == "empty_text"


def test_id_of_wrong_type_is_400(client: FlaskClient) -> None:
    assert error_of(client.post("/v1/tag", json={"text": "a b", "id": 3}), 400) == "invalid_type"


def test_unknown_route_is_404(client: FlaskClient) -> None:
    assert error_of(client.get("/v2/nothing"), 404) == "not_found"


def test_wrong_method_is_405(client: FlaskClient) -> None:
    assert error_of(client.get("/v1/tag"), 405) == "method_not_allowed"


def test_body_over_the_limit_is_413(tiny_artifact: Path) -> None:
    app = create_app({"MODEL_DIR": str(tiny_artifact), "MAX_CONTENT_LENGTH": 100})
    resp = app.test_client().post("/v1/tag", json={"text": "x" * 500})
    assert error_of(resp, 413) == "payload_too_large"


def test_too_many_sentences_is_413(tiny_artifact: Path) -> None:
    app = create_app({"MODEL_DIR": str(tiny_artifact), "MAX_SENTENCES": 3})
    resp = app.test_client().post("/v1/tag", json={"text": "One. Two. Three. Four. Five."})
    assert error_of(resp, 413) == "too_many_sentences"


def test_too_many_batch_documents_is_413(tiny_artifact: Path) -> None:
    app = create_app({"MODEL_DIR": str(tiny_artifact), "MAX_BATCH_DOCUMENTS": 2})
    docs = [{"text": "Troops left."}] * 3
    resp = app.test_client().post("/v1/tag/batch", json={"documents": docs})
    assert error_of(resp, 413) == "too_many_documents"


def test_batch_documents_not_a_list_is_400(client: FlaskClient) -> None:
    resp = client.post("/v1/tag/batch", json={"documents": "Troops left."})
    assert error_of(resp, 400) == "invalid_type"


def test_empty_batch_is_400(client: FlaskClient) -> None:
    assert error_of(client.post("/v1/tag/batch", json={"documents": []}), 400) == "empty_batch"


def test_wrong_content_type_is_415(client: FlaskClient) -> None:
    resp = client.post("/v1/tag", data=b"<text/>", content_type="application/xml")
    assert error_of(resp, 415) == "unsupported_media_type"


def test_missing_content_type_is_415(client: FlaskClient) -> None:
    resp = client.post("/v1/tag/batch", data=b'{"documents": []}')
    assert error_of(resp, 415) == "unsupported_media_type"


@pytest.mark.parametrize(
    "thresholds",
    [{"protest": 0.5}, {"attack": 1.5}, {"attack": "high"}, {"attack": True}, ["attack"]],
)
def test_bad_thresholds_are_422(client: FlaskClient, thresholds: object) -> None:
    resp = client.post("/v1/tag", json={"text": "Troops left.", "thresholds": thresholds})
    assert error_of(resp, 422) == "invalid_thresholds"


def test_unexpected_failure_is_500_without_traceback(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr("service.routes.tag_article", boom)
    resp = client.post("/v1/tag", json={"text": "Troops left."})
    assert error_of(resp, 500) == "internal_error"
    assert "secret internal detail" not in resp.get_data(as_text=True)
    assert "secret internal detail" in caplog.text


def test_no_model_is_503_and_not_ready(tmp_path: Path) -> None:
    app: Flask = create_app({"MODEL_DIR": str(tmp_path / "missing")})
    client = app.test_client()
    assert error_of(client.get("/readyz"), 503) == "model_unavailable"
    assert (
        error_of(client.post("/v1/tag", json={"text": "Troops left."}), 503) == "model_unavailable"
    )
    assert client.get("/healthz").status_code == 200
