"""A real gunicorn (2 workers) over loopback: tagging, reload under load, SIGHUP, refusal."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from model.persistence import MANIFEST_FILE, MODEL_FILE, publish
from tests.service.conftest import ADMIN

AUTH = {"Authorization": f"Bearer {ADMIN}"}
TEXT = "Gunmen attacked a police post in Gao on Monday, the army said. Troops were sent."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def versioned(src: Path, dst: Path, version: str) -> Path:
    shutil.copytree(src, dst)
    manifest = json.loads((dst / MANIFEST_FILE).read_text())
    manifest["version"] = version
    (dst / MANIFEST_FILE).write_text(json.dumps(manifest))
    return dst


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], url: str, root: Path) -> None:
        self.proc, self.url, self.root = proc, url, root

    def versions(self, n: int = 12) -> set[str]:
        return {requests.get(f"{self.url}/v1/model", timeout=5).json()["version"] for _ in range(n)}

    def wait_for(self, version: str, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.versions() == {version}:
                return
            time.sleep(0.2)
        raise AssertionError(f"workers never all served {version}: {self.versions()}")


@pytest.fixture()
def server(tiny_artifact: Path, tmp_path: Path) -> Iterator[Server]:
    root = tmp_path / "artifacts"
    root.mkdir()
    publish(root, versioned(tiny_artifact, root / "v1", "v1"))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMTAG_", "PROMETHEUS"))}
    env |= {"CLAIMTAG_MODEL_DIR": str(root / "current"), "CLAIMTAG_ADMIN_TOKEN": ADMIN}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    proc = subprocess.Popen(
        [
            str(gunicorn),
            "--config",
            "python:service.gunicorn_conf",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "service.wsgi:app",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/readyz", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("gunicorn did not become ready in 30 s")
    yield Server(proc, url, root)
    proc.terminate()
    proc.wait(timeout=30)


class Load:
    """Background clients posting articles until stopped; counts failures."""

    def __init__(self, url: str, clients: int = 4) -> None:
        self.url, self.stop, self.ok, self.failed = url, threading.Event(), 0, []
        self.threads = [threading.Thread(target=self.run) for _ in range(clients)]
        self.lock = threading.Lock()

    def run(self) -> None:
        with requests.Session() as session:
            while not self.stop.is_set():
                try:
                    resp = session.post(f"{self.url}/v1/tag", json={"text": TEXT}, timeout=10)
                    good = resp.status_code == 200
                    detail = str(resp.status_code)
                except requests.RequestException as exc:
                    good, detail = False, repr(exc)
                with self.lock:
                    if good:
                        self.ok += 1
                    else:
                        self.failed.append(detail)

    def __enter__(self) -> Load:
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join()


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
