"""A real gunicorn (2 workers) over loopback: tagging, reload under load, SIGHUP, refusal."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from model.persistence import MODEL_FILE, publish
from tests.live import AUTH, TEXT, Load, Server, live_server, versioned


@pytest.fixture()
def server(tiny_artifact: Path, tmp_path: Path) -> Iterator[Server]:
    with live_server(tiny_artifact, tmp_path) as live:
        yield live


def test_tagging_over_loopback_http(server: Server) -> None:
    resp = requests.post(
        f"{server.url}/v1/tag", json={"text": TEXT}, headers={"X-Request-ID": "live-1"}, timeout=10
    )
    assert resp.status_code == 200
    assert resp.headers["X-Request-ID"] == "live-1"
    body = resp.json()
    assert [TEXT[s["start"] : s["end"]] for s in body["sentences"]] == [
        s["text"] for s in body["sentences"]
    ]
    plain = requests.post(
        f"{server.url}/v1/tag",
        data=TEXT.encode(),
        headers={"Content-Type": "text/plain"},
        timeout=10,
    )
    assert plain.json()["sentences"] == body["sentences"]


def test_reload_under_concurrent_requests_fails_none(server: Server) -> None:
    target = versioned(server.root / "v1", server.root / "v2", "v2")
    with Load(server.url) as load:
        time.sleep(0.5)
        resp = requests.post(
            f"{server.url}/v1/admin/reload",
            json={"model_dir": str(target)},
            headers=AUTH,
            timeout=30,
        )
        assert resp.status_code == 200, resp.text
        server.wait_for("v2")
        time.sleep(0.5)
    assert load.failed == []
    assert load.ok > 0


def test_sighup_reloads_current_in_every_worker(server: Server) -> None:
    publish(server.root, versioned(server.root / "v1", server.root / "v3", "v3"))
    with Load(server.url) as load:
        server.proc.send_signal(signal.SIGHUP)
        server.wait_for("v3")
    assert load.failed == []


def test_tampered_artifact_at_reload_is_refused_while_old_model_answers(server: Server) -> None:
    bad = versioned(server.root / "v1", server.root / "bad", "bad")
    (bad / MODEL_FILE).write_bytes(b"not a model")
    with Load(server.url) as load:
        resp = requests.post(
            f"{server.url}/v1/admin/reload", json={"model_dir": str(bad)}, headers=AUTH, timeout=30
        )
        assert resp.status_code == 422
        assert "refused" in resp.json()["error"]["message"]
        time.sleep(0.5)
    assert load.failed == []
    assert server.versions() == {"v1"}
