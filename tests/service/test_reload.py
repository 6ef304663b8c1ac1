"""Hot reload in-process: authorisation, refusal keeps the old model, success swaps."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

from model.persistence import MODEL_FILE
from tests.live import versioned
from tests.service.conftest import ADMIN

AUTH = {"Authorization": f"Bearer {ADMIN}"}


def test_reload_without_token_is_401(client: FlaskClient) -> None:
    resp = client.post("/v1/admin/reload")
    assert resp.status_code == 401
    assert resp.get_json()["error"]["code"] == "unauthorized"


def test_reload_with_wrong_token_is_403(client: FlaskClient) -> None:
    resp = client.post("/v1/admin/reload", headers={"Authorization": "Bearer nope"})
    assert resp.status_code == 403
    assert resp.get_json()["error"]["code"] == "forbidden"


def test_reload_is_disabled_without_admin_token(tiny_artifact: Path) -> None:
    from service.app import create_app

    app = create_app({"MODEL_DIR": str(tiny_artifact), "ADMIN_TOKEN": None})
    resp = app.test_client().post("/v1/admin/reload", headers=AUTH)
    assert resp.status_code == 403
    assert resp.get_json()["error"]["code"] == "admin_disabled"


def test_reload_swaps_in_a_verified_model(
    client: FlaskClient, tiny_artifact: Path, tmp_path: Path
) -> None:
    target = versioned(tiny_artifact, tmp_path / "v2", "v2-test")
    resp = client.post("/v1/admin/reload", json={"model_dir": str(target)}, headers=AUTH)
    assert resp.status_code == 200, resp.get_json()
    assert resp.get_json()["version"] == "v2-test"
    assert client.get("/v1/model").get_json()["version"] == "v2-test"


def test_tampered_artifact_is_refused_and_old_model_keeps_serving(
    client: FlaskClient, tiny_artifact: Path, tmp_path: Path
) -> None:
    before = client.get("/v1/model").get_json()["version"]
    target = versioned(tiny_artifact, tmp_path / "bad", "bad-version")
    with (target / MODEL_FILE).open("ab") as fh:
        fh.write(b"tampered")
    resp = client.post("/v1/admin/reload", json={"model_dir": str(target)}, headers=AUTH)
    assert resp.status_code == 422
    assert "sha256" in resp.get_json()["error"]["message"]
    assert client.get("/v1/model").get_json()["version"] == before
    assert client.post("/v1/tag", json={"text": "Troops left Gao."}).status_code == 200
